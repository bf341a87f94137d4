<?php
/**
 * Lào Cai digital-workforce policy portal: the front controller and router.
 *
 *   php -d display_startup_errors=0 -S 127.0.0.1:8080 -d extension=/abs/path/nhanluc.so \
 *       examples/php/portal/index.php
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
 *
 * Every page goes with the same headers (portal_headers()), whatever the
 * php.ini or none: no X-Powered-By, Cache-Control: no-store, a CSP. A
 * request PHP itself could not read in full (more than max_input_vars
 * fields: PHP warns and drops the rest before this script runs) is answered
 * with a friendly 400 page, not with the truncated form; a method other than
 * GET or HEAD (the forms use GET) with 405 and an Allow header. One thing
 * no script can undo: with PHP's built-in defaults (no php.ini, as in the
 * official Docker images) display_startup_errors is on and output is not
 * buffered, so PHP prints that startup warning into the response, headers
 * included, before this file runs. Start PHP with -d display_startup_errors=0
 * (docs/php.md) and that cannot happen; if it does anyway, the page still
 * comes and the cause is logged.
 */

declare(strict_types=1);

// Before anything else: what PHP did to this request before the script ran.
// A request-startup warning is the last error; text PHP printed then sits in
// an output buffer (output_buffering on: dropped here, as it never reached
// the visitor) or was already sent with PHP's default headers.
$portalStartupError = error_get_last();
error_clear_last();
$portalOutputBefore = headers_sent();
if (!$portalOutputBefore && ob_get_level() > 0 && ob_get_length() > 0) {
    ob_clean();
}

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

/** The methods the portal answers: its forms use GET. */
const PORTAL_METHODS = ['GET', 'HEAD'];

/**
 * The status and the headers every answer gets, $type its Content-Type.
 * Nothing when PHP already sent its own (it printed before this script:
 * logged at the start), so that a page is still shown.
 *
 * @param list<string> $extra more header lines
 */
function portal_headers(int $status, string $type = 'text/html; charset=utf-8', array $extra = []): void
{
    if (headers_sent()) {
        return;
    }
    http_response_code($status);
    header_remove('X-Powered-By');   // whatever expose_php says
    header("Content-Type: $type");
    // Nothing but this server: inline styles, the emblem inline, no scripts.
    header("Content-Security-Policy: default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
        . "form-action 'self'; base-uri 'none'; frame-ancestors 'none'");
    header('X-Content-Type-Options: nosniff');
    header('Referrer-Policy: no-referrer');
    // An answer is about one person's case: no cache, shared or private, keeps it.
    header('Cache-Control: no-store');
    foreach ($extra as $line) {
        header($line);
    }
}

/** Sends the page (or an error page) with the headers every page gets. */
function portal_render(array $vars, int $status = 200, array $extraHeaders = []): void
{
    portal_headers($status, 'text/html; charset=utf-8', $extraHeaders);
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
        // The last resort cannot fail in turn: nothing here warns, and
        // portal_headers() sends nothing once PHP has sent headers.
        while (ob_get_level() > 0) {
            ob_end_clean();
        }
        portal_headers(500, 'text/plain; charset=utf-8');
        echo $t->get('error_title'), "\n";
    }
}

/**
 * Whether PHP dropped part of the request before this script ran: more
 * fields than max_input_vars (in the query, a cookie or a body). PHP warns
 * at request startup (the last error, $startup) and keeps the first ones
 * only; counting the query's fields catches it however that warning reads.
 *
 * @param array{message: string}|null $startup error_get_last() at the start
 */
function portal_input_truncated(?array $startup): bool
{
    if ($startup !== null && str_contains($startup['message'], 'Input variables exceeded')) {
        return true;
    }
    $max = (int) ini_get('max_input_vars');
    $query = (string) ($_SERVER['QUERY_STRING'] ?? '');
    if ($max <= 0 || \strlen($query) <= $max) {
        return false;   // fewer bytes than the limit: fewer fields too
    }
    $separators = (string) ini_get('arg_separator.input');
    $fields = preg_match_all('~[^' . preg_quote($separators === '' ? '&' : $separators, '~') . ']+~', $query);
    return $fields > $max;
}

$t = Portal\Text::for($_GET['lang'] ?? 'vi');
try {
    if ($portalOutputBefore) {
        error_log('portal: PHP sent output before the portal ran (a startup warning, shown because '
            . 'display_startup_errors is on): this answer goes without its status and headers; '
            . 'start PHP with -d display_startup_errors=0' . ($portalStartupError === null ? ''
            : sprintf(' (%s)', substr($portalStartupError['message'], 0, 200))));
    }
    $method = (string) ($_SERVER['REQUEST_METHOD'] ?? 'GET');
    if (!\in_array($method, PORTAL_METHODS, true)) {
        portal_render(['t' => $t], 405, ['Allow: ' . implode(', ', PORTAL_METHODS)]);
        return;
    }
    $path = parse_url((string) ($_SERVER['REQUEST_URI'] ?? '/'), PHP_URL_PATH);
    if ($path === '/favicon.ico') {
        portal_headers(204, 'image/x-icon');
        return;
    }
    if ($path === '/healthz') {
        portal_headers(200, 'text/plain; charset=utf-8');
        echo extension_loaded('nhanluc') ? "ok\n" : "nhanluc extension missing\n";
        return;
    }
    if ($path !== '/' && $path !== '/index.php') {
        portal_render(['t' => $t], 404);
        return;
    }
    if (portal_input_truncated($portalStartupError)) {
        // PHP logged its warning; answering the fields it kept would answer
        // a question the visitor did not ask.
        portal_render(['t' => $t], 400);
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
