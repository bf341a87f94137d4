<?php
/**
 * Lào Cai digital-workforce policy portal: the front controller and router.
 *
 *   php -S 127.0.0.1:8080 -d extension=/abs/path/nhanluc.so examples/php/portal/index.php
 *
 * (or `-t examples/php/portal`; or any web server sending every request to
 * this file). It needs only PHP 8.2 with the nhanluc extension: no
 * composer, no CDN, no request leaves the server. The NhanLuc PHP layer is
 * taken from NHANLUC_PHP_AUTOLOAD if set, else from this source tree, else
 * from the include path (installed: /usr/share/php/NhanLuc/autoload.php).
 *
 * Errors never reach the visitor as PHP output: display_errors is off, any
 * notice or warning becomes an exception, and an exception gives a plain
 * "try again later" page while the detail goes to the server's error log.
 */

declare(strict_types=1);

ini_set('display_errors', '0');
ini_set('log_errors', '1');
error_reporting(E_ALL);

const PORTAL_ROOT = __DIR__;

set_error_handler(static function (int $severity, string $message, string $file, int $line): bool {
    if ((error_reporting() & $severity) === 0) {
        return false;
    }
    throw new ErrorException($message, 0, $severity, $file, $line);
});

require __DIR__ . '/lib/Text.php';
require __DIR__ . '/lib/Format.php';
require __DIR__ . '/lib/Form.php';
require __DIR__ . '/lib/Portal.php';

/** Sends the page (or an error page) with the headers every page gets. */
function portal_render(array $vars, int $status = 200): void
{
    http_response_code($status);
    header('Content-Type: text/html; charset=utf-8');
    // Nothing but this server: inline styles, the emblem inline, no scripts.
    header("Content-Security-Policy: default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
        . "form-action 'self'; base-uri 'none'; frame-ancestors 'none'");
    header('X-Content-Type-Options: nosniff');
    header('Referrer-Policy: no-referrer');
    $vars['status'] = $status;
    // Render to a buffer first: a failure half-way never sends half a page.
    ob_start();
    try {
        (static function (array $__vars): void {
            extract($__vars, EXTR_SKIP);
            require PORTAL_ROOT . '/views/page.php';
        })($vars);
    } catch (Throwable $e) {
        ob_end_clean();
        throw $e;
    }
    ob_end_flush();
}

function portal_fail(Throwable $e, Portal\Text $t): void
{
    error_log(sprintf('portal: %s: %s at %s:%d', $e::class, $e->getMessage(), $e->getFile(), $e->getLine()));
    while (ob_get_level() > 0) {
        ob_end_clean();
    }
    try {
        portal_render(['t' => $t], 500);
    } catch (Throwable) {
        http_response_code(500);
        header('Content-Type: text/plain; charset=utf-8');
        echo $t->get('error_title'), "\n";
    }
}

$t = Portal\Text::for($_GET['lang'] ?? 'vi');
try {
    $path = parse_url((string) ($_SERVER['REQUEST_URI'] ?? '/'), PHP_URL_PATH);
    if ($path === '/favicon.ico') {
        http_response_code(204);
        return;
    }
    if ($path === '/healthz') {
        header('Content-Type: text/plain; charset=utf-8');
        echo extension_loaded('nhanluc') ? "ok\n" : "nhanluc extension missing\n";
        return;
    }
    if ($path !== '/' && $path !== '/index.php') {
        portal_render(['t' => $t], 404);
        return;
    }
    $autoload = getenv('NHANLUC_PHP_AUTOLOAD');
    if ($autoload === false || $autoload === '') {
        $autoload = dirname(__DIR__, 3) . '/bindings/php/src/NhanLuc/autoload.php';
        if (!is_file($autoload)) {
            $autoload = stream_resolve_include_path('NhanLuc/autoload.php') ?: $autoload;
        }
    }
    require_once $autoload;

    $portal = new Portal\Portal(NhanLuc\Policy::defaultPolicy());
    portal_render($portal->handle($_GET, $t));
} catch (Throwable $e) {
    portal_fail($e, $t);
}
