<?php
/**
 * Bootstrap of the NhanLuc PHP layer: require this file once, then use the
 * NhanLuc\ classes. It registers a PSR-4 autoloader for the namespace
 * NhanLuc\ (the files beside it) and checks that the `nhanluc` extension is
 * loaded (extension=nhanluc in php.ini, or php -d extension=/path/nhanluc.so).
 *
 *     require 'NhanLuc/autoload.php';        // installed: found on include_path
 *     $policy = NhanLuc\Policy::defaultPolicy();
 *
 * The exception classes (NhanLuc\Exception, NhanLuc\ParseException, ...) are
 * defined by the extension itself; see docs/php.md.
 */

declare(strict_types=1);

if (!extension_loaded('nhanluc')) {
    throw new \RuntimeException(
        'The nhanluc PHP extension is not loaded: add "extension=nhanluc" to php.ini '
        . '(or run php -d extension=/path/to/nhanluc.so)'
    );
}

spl_autoload_register(static function (string $class): void {
    if (strncmp($class, 'NhanLuc\\', 8) !== 0) {
        return;
    }
    $relative = substr($class, 8);
    if ($relative === '' || preg_match('/^[A-Za-z0-9_\\\\]+$/', $relative) !== 1) {
        return;
    }
    $file = __DIR__ . '/' . str_replace('\\', '/', $relative) . '.php';
    if (is_file($file)) {
        require $file;
    }
});
