<?php
/**
 * PHPUnit bootstrap: the NhanLuc layer from the source tree (or the one named
 * by NHANLUC_PHP_AUTOLOAD, e.g. an installed copy) and the facts: the
 * Facts.php that cmake/facts.cmake writes from the case files
 * (tests/cases/<rule>.json) into the build tree, named by NHANLUC_PHP_FACTS
 * (ctest sets it: <build>/tests/facts/Facts.php).
 * Run with the extension loaded: php -d extension=/abs/nhanluc.so /usr/bin/phpunit ...
 */

declare(strict_types=1);

if (!extension_loaded('nhanluc')) {
    fwrite(STDERR, "tests/php: load the extension: php -d extension=/abs/path/nhanluc.so /usr/bin/phpunit ...\n");
    exit(2);
}
require getenv('NHANLUC_PHP_AUTOLOAD') ?: dirname(__DIR__, 2) . '/bindings/php/src/NhanLuc/autoload.php';
$facts = getenv('NHANLUC_PHP_FACTS');
if ($facts === false || !is_file($facts)) {
    fwrite(STDERR, "tests/php: set NHANLUC_PHP_FACTS to the Facts.php a build writes from tests/cases/*.json\n"
        . "  (<build>/tests/facts/Facts.php), or write one: cmake -DCASES_DIR=tests/cases\n"
        . "  -DIN=tests/php/Facts.php.in -DOUT=/tmp/Facts.php -DLANG=php -P cmake/facts.cmake\n");
    exit(2);
}
require $facts;
unset($facts);
require __DIR__ . '/PolicyTestCase.php';
