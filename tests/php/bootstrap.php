<?php
/**
 * PHPUnit bootstrap: the NhanLuc layer from the source tree (or the one named
 * by NHANLUC_PHP_AUTOLOAD, e.g. an installed copy) and the facts.
 * Run with the extension loaded: php -d extension=/abs/nhanluc.so /usr/bin/phpunit ...
 */

declare(strict_types=1);

if (!extension_loaded('nhanluc')) {
    fwrite(STDERR, "tests/php: load the extension: php -d extension=/abs/path/nhanluc.so /usr/bin/phpunit ...\n");
    exit(2);
}
require getenv('NHANLUC_PHP_AUTOLOAD') ?: dirname(__DIR__, 2) . '/bindings/php/src/NhanLuc/autoload.php';
require __DIR__ . '/Facts.php';
require __DIR__ . '/PolicyTestCase.php';
