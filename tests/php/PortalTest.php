<?php
/**
 * The portal example (examples/php/portal) over HTTP, served by `php -S`
 * exactly as documented: the three questions, Vietnamese by default and
 * English on request, amounts written the Vietnamese way, friendly messages
 * next to bad fields, and not one PHP notice in the server's error log.
 */

declare(strict_types=1);

namespace NhanLuc\Tests;

use NhanLuc\Policy;
use PHPUnit\Framework\TestCase;

final class PortalTest extends TestCase
{
    /** @var array{proc: resource, port: int, log: string}[] */
    private static array $servers = [];

    private static function portalDir(): string
    {
        return dirname(__DIR__, 2) . '/examples/php/portal';
    }

    /**
     * Starts `php -S` on a free port with the extension; returns its port.
     * $php: options for PHP before the extension's (e.g. ['-n']: no php.ini).
     */
    private static function startServer(string $name, array $env = [], array $php = []): int
    {
        $ext = getenv('NHANLUC_PHP_EXTENSION');
        if ($ext === false || $ext === '') {
            self::markTestSkipped('NHANLUC_PHP_EXTENSION (path of nhanluc.so) is not set');
        }
        $out = getenv('NHANLUC_TEST_OUT') ?: sys_get_temp_dir();
        $log = "$out/portal-$name-errors.log";
        @unlink($log);
        for ($attempt = 0; $attempt < 5; $attempt++) {
            $probe = stream_socket_server('tcp://127.0.0.1:0');
            $port = (int) substr(strrchr(stream_socket_get_name($probe, false), ':'), 1);
            fclose($probe);
            if ($php !== [] && getenv('USE_ZEND_ALLOC') === '0') {
                // Under valgrind (scripts/php-valgrind.sh) its ini, which a
                // server started with its own options may not read: memcheck
                // cannot follow PCRE's JIT code.
                $php = [...$php, '-d', 'pcre.jit=0'];
            }
            $cmd = [PHP_BINARY, ...$php, '-d', 'extension=' . $ext, '-d', 'error_reporting=-1', '-d', 'log_errors=1',
                '-d', "error_log=$log", '-S', "127.0.0.1:$port", self::portalDir() . '/index.php'];
            $proc = proc_open($cmd, [0 => ['file', '/dev/null', 'r'], 1 => ['file', "$out/portal-$name-server.log", 'w'],
                2 => ['file', "$out/portal-$name-server.log", 'a']], $pipes, null, $env + getenv());
            // Up to 30 s: under valgrind (scripts/php-valgrind.sh) the
            // server takes a few seconds to start.
            for ($i = 0; $i < 600; $i++) {
                $health = @file_get_contents("http://127.0.0.1:$port/healthz");
                if ($health !== false) {
                    self::$servers[$name] = ['proc' => $proc, 'port' => $port, 'log' => $log];
                    return $port;
                }
                if (!proc_get_status($proc)['running']) {
                    break;
                }
                usleep(50_000);
            }
            proc_terminate($proc);
            proc_close($proc);
        }
        self::fail('could not start php -S for the portal');
    }

    public static function tearDownAfterClass(): void
    {
        foreach (self::$servers as $server) {
            // SIGINT (2): php -S shuts down cleanly and frees everything, so
            // that valgrind can check it (scripts/php-valgrind.sh traces the
            // servers); SIGTERM only if it is still running after 60 s.
            proc_terminate($server['proc'], 2);
            for ($i = 0; $i < 1200 && proc_get_status($server['proc'])['running']; $i++) {
                usleep(50_000);
            }
            if (proc_get_status($server['proc'])['running']) {
                proc_terminate($server['proc']);
            }
            proc_close($server['proc']);
        }
        self::$servers = [];
    }

    /** GET $query on server $name: [status, headers, body]. */
    private static function get(string $query, string $name = 'main', string $path = '/', string $method = 'GET'): array
    {
        $port = self::$servers[$name]['port'] ?? self::startServer($name);
        $url = "http://127.0.0.1:$port$path" . ($query === '' ? '' : "?$query");
        $http = ['ignore_errors' => true, 'timeout' => 20, 'method' => $method];
        if ($method === 'POST' || $method === 'PUT' || $method === 'PATCH') {
            $http += ['header' => 'Content-Type: application/x-www-form-urlencoded', 'content' => 'q=training&ask=1'];
        }
        $body = file_get_contents($url, false, stream_context_create(['http' => $http]));
        $headers = $http_response_header ?? [];
        preg_match('~^HTTP/\S+ (\d{3})~', $headers[0] ?? '', $m);
        return [(int) ($m[1] ?? 0), $headers, (string) $body];
    }

    private static function ask(array $fields): string
    {
        [$status, , $body] = self::get(http_build_query($fields + ['ask' => '1']));
        self::assertSame(200, $status);
        return $body;
    }

    /** The text of the first element with class $class (tags stripped, entities decoded). */
    private static function textOf(string $html, string $class): ?string
    {
        $token = '(?:[^"]*\s)?' . preg_quote($class, '~') . '(?:\s[^"]*)?';
        if (preg_match('~<(\w+)[^>]*\sclass="' . $token . '"[^>]*>(.*?)</\1>~s', $html, $m) !== 1) {
            return null;
        }
        return trim(html_entity_decode(strip_tags($m[2]), ENT_QUOTES | ENT_HTML5, 'UTF-8'));
    }

    /** The message shown next to field $field, or null. */
    private static function fieldError(string $html, string $field): ?string
    {
        if (preg_match('~<p class="field-error" id="err-' . preg_quote($field, '~') . '">(.*?)</p>~s', $html, $m) !== 1) {
            return null;
        }
        return html_entity_decode($m[1], ENT_QUOTES | ENT_HTML5, 'UTF-8');
    }

    /** 150000000 → "150.000.000 đ", written out independently of the portal's code. */
    private static function vnd(int $amount): string
    {
        return strrev(implode('.', str_split(strrev((string) $amount), 3))) . ' đ';
    }

    private const SUBSIDY = [
        'q' => 'attraction', 'degree' => 'bachelor', 'major' => 'it', 'agency' => 'state',
        'dedicated_post' => 'yes', 'workplace' => '088', 'start' => '01/05/2024',
    ];

    // -------------------------------------------------------------- answers

    public function testThePageIsVietnameseByDefaultAndSelfContained(): void
    {
        [$status, $headers, $body] = self::get('');
        $this->assertSame(200, $status);
        $this->assertStringContainsString('<html lang="vi">', $body);
        $this->assertStringContainsString('Hỗ trợ thu hút', $body);
        $this->assertDoesNotMatchRegularExpression('~\b(src|href|action)="(https?:)?//~i', $body, 'no external resource');
        $this->assertStringNotContainsString('<script', $body);
        $csp = implode("\n", preg_grep('~^Content-Security-Policy:~i', $headers));
        $this->assertStringContainsString("default-src 'none'", $csp);
        // The nine workplace units are offered, by name.
        foreach (Facts::WORKPLACES as $code => [$name]) {
            $this->assertStringContainsString('<option value="' . $code . '">' . $name . '</option>', $body);
        }
    }

    public function testTheAttractionSubsidyIsShownWithReasonSourceAndCertainty(): void
    {
        $body = self::ask(self::SUBSIDY);
        $this->assertSame(self::vnd(Facts::AMOUNT_CITY_TOWN), self::textOf($body, 'amount'));
        $this->assertSame('100.000.000 đ', self::vnd(Facts::AMOUNT_CITY_TOWN));
        $this->assertSame(\nl_reason_message(\NL_REASON_OK, 'vi'), self::textOf($body, 'reason'));
        $this->assertStringContainsString(Facts::SRC_NQ11, self::textOf($body, 'source'));
        $this->assertStringContainsString('data-certainty="unconfirmed"', $body);
        $this->assertStringContainsString('Chưa xác nhận', self::textOf($body, 'badge'));

        $body = self::ask(['workplace' => '082'] + self::SUBSIDY);
        $this->assertSame(self::vnd(Facts::AMOUNT_DISTRICT), self::textOf($body, 'amount'));
    }

    public function testAnUnmetConditionIsExplained(): void
    {
        $body = self::ask(['workplace' => 'other'] + self::SUBSIDY);
        $this->assertSame(self::vnd(0), self::textOf($body, 'amount'));
        $this->assertSame(\nl_reason_message(\NL_REASON_OUTSIDE_PROVINCE, 'vi'), self::textOf($body, 'reason'));
        $body = self::ask(['dedicated_post' => 'no'] + self::SUBSIDY);
        $this->assertSame(\nl_reason_message(\NL_REASON_NOT_DEDICATED, 'vi'), self::textOf($body, 'reason'));
        $body = self::ask(['start' => '01/01/2026'] + self::SUBSIDY);
        $this->assertSame(\nl_reason_message(\NL_REASON_NOT_IN_FORCE, 'vi'), self::textOf($body, 'reason'));
    }

    public function testTheExpertCapFollowsTheCircularInForce(): void
    {
        $expert = ['q' => 'expert', 'degree' => 'master', 'experience_years' => '5', 'role' => 'member'];
        $body = self::ask(['on' => '30/06/2025'] + $expert);
        $this->assertSame(self::vnd(Facts::TT02_CAPS[2]), self::textOf($body, 'amount'));
        $this->assertSame(self::vnd(Facts::weekly(Facts::TT02_CAPS[2])), self::textOf($body, 'weekly'));
        $this->assertSame(self::vnd(Facts::daily(Facts::TT02_CAPS[2])), self::textOf($body, 'daily'));
        $this->assertStringContainsString(Facts::SRC_TT02, self::textOf($body, 'source'));
        $this->assertStringContainsString('data-certainty="confirmed"', $body);

        $body = self::ask(['on' => '2025-07-01', 'experience_years' => '4,99'] + $expert);
        $this->assertSame(self::vnd(Facts::TT004_CAPS[3]), self::textOf($body, 'amount'));
        $this->assertSame(self::vnd(Facts::special(Facts::TT004_CAPS[3])), self::textOf($body, 'special'));
        $this->assertStringContainsString(Facts::SRC_TT004, self::textOf($body, 'source'));
        $this->assertStringNotContainsString('data-certainty="confirmed"', $body);
    }

    public function testTrainingSupportIsItemisedAndFlaggedUnconfirmed(): void
    {
        $policy = Policy::defaultPolicy();
        $mealCap = $policy->get('training.meals.cap_per_day', '2024-03-04');
        $travelCap = $policy->get('training.travel.cap_per_course', '2024-03-04');
        $days = 5;
        $body = self::ask([
            'q' => 'training', 'dedicated_official' => 'yes', 'short_concentrated' => 'yes',
            'tuition' => '7.500.000', 'materials' => '450000', 'meals' => (string) (10 * $mealCap * $days),
            'travel' => '', 'days' => (string) $days, 'start' => '04/03/2024',
        ]);
        $meals = $mealCap * $days;   // claimed ten times the cap: paid the cap
        $this->assertSame(self::vnd(7_500_000), self::textOf($body, 'tuition'));
        $this->assertSame(self::vnd(450_000), self::textOf($body, 'materials'));
        $this->assertSame(self::vnd($meals), self::textOf($body, 'meals'));
        $this->assertSame(self::vnd(0), self::textOf($body, 'travel'));
        $this->assertSame(self::vnd(7_500_000 + 450_000 + $meals), self::textOf($body, 'amount'));
        $this->assertStringContainsString('data-certainty="unconfirmed"', $body);
        $this->assertGreaterThan(0, $travelCap);
    }

    public function testEnglishIsOneClickAwayAndKeepsTheAnswer(): void
    {
        [, , $vi] = self::get(http_build_query(self::SUBSIDY + ['ask' => '1']));
        $this->assertMatchesRegularExpression('~<a class="lang-switch" id="lang-switch" href="([^"]+)"~', $vi);
        preg_match('~id="lang-switch" href="([^"]+)"~', $vi, $m);
        [$status, , $en] = self::get(ltrim(html_entity_decode($m[1]), '?'));
        $this->assertSame(200, $status);
        $this->assertStringContainsString('<html lang="en">', $en);
        $this->assertSame(\nl_reason_message(\NL_REASON_OK, 'en'), self::textOf($en, 'reason'));
        $this->assertSame(self::vnd(Facts::AMOUNT_CITY_TOWN), self::textOf($en, 'amount'));
        $this->assertStringContainsString('Unconfirmed', self::textOf($en, 'badge'));
    }

    // ------------------------------------------------------------ bad input

    public function testAMissingFieldIsExplainedNextToIt(): void
    {
        $body = self::ask(array_diff_key(self::SUBSIDY, ['degree' => 1]));
        $this->assertSame('Vui lòng chọn một mục.', self::fieldError($body, 'degree'));
        $this->assertStringContainsString('id="error-summary"', $body);
        $this->assertStringNotContainsString('id="result"', $body);
        $body = self::ask(['start' => ''] + self::SUBSIDY);
        $this->assertSame('Vui lòng điền thông tin này.', self::fieldError($body, 'start'));
    }

    public function testLettersInAnAmountAreExplained(): void
    {
        $body = self::ask(['q' => 'training', 'dedicated_official' => 'yes', 'short_concentrated' => 'yes',
            'tuition' => '12abc', 'days' => '5', 'start' => '04/03/2024']);
        $this->assertStringContainsString('chỉ gồm chữ số', (string) self::fieldError($body, 'tuition'));
        $this->assertNull(self::fieldError($body, 'days'));
        $this->assertStringContainsString('value="12abc"', $body, 'the input is kept for correction');
    }

    public function testAnImpossibleDateIsExplained(): void
    {
        $body = self::ask(['start' => '29/02/2023'] + self::SUBSIDY);
        $this->assertSame('Ngày 29/02/2023 không có trên lịch. Vui lòng kiểm tra lại.', self::fieldError($body, 'start'));
        $body = self::ask(['start' => '2023-02-29', 'lang' => 'en'] + self::SUBSIDY);
        $this->assertSame('29/02/2023 is not a real date. Please check it.', self::fieldError($body, 'start'));
        $body = self::ask(['start' => '0000-01-01'] + self::SUBSIDY);
        $this->assertNotNull(self::fieldError($body, 'start'));
    }

    public function oddInputs(): iterable
    {
        yield 'array for a select' => ['q=attraction&ask=1&degree[]=bachelor&major=it', 'degree'];
        yield 'array for a date' => ['q=attraction&ask=1&start[x]=1', 'start'];
        yield 'unknown choice' => ['q=attraction&ask=1&degree=phd', 'degree'];
        yield 'negative days' => ['q=training&ask=1&days=-1', 'days'];
        yield 'zero days' => ['q=training&ask=1&days=0', 'days'];
        yield 'huge amount' => ['q=training&ask=1&tuition=99999999999999999999999', 'tuition'];
        yield 'decimal amount' => ['q=training&ask=1&tuition=1,5', 'tuition'];
        yield 'negative years' => ['q=expert&ask=1&experience_years=-3', 'experience_years'];
        yield 'years in words' => ['q=expert&ask=1&experience_years=five', 'experience_years'];
        yield 'month 13' => ['q=expert&ask=1&on=01/13/2024', 'on'];
        yield 'NUL byte' => ['q=expert&ask=1&on=2024-01%0001', 'on'];
        yield 'invalid UTF-8' => ['q=expert&ask=1&on=%C3%28', 'on'];
    }

    /** @dataProvider oddInputs */
    public function testOddInputGivesAFriendlyMessage(string $query, string $field): void
    {
        [$status, , $body] = self::get($query);
        $this->assertSame(200, $status);
        $this->assertNotNull(self::fieldError($body, $field), $query);
    }

    public function testTwoAmountsTooLargeToAddUpAreExplained(): void
    {
        $body = self::ask(['q' => 'training', 'dedicated_official' => 'yes', 'short_concentrated' => 'yes',
            'tuition' => '9000000000000000000', 'materials' => '9000000000000000000', 'days' => '1', 'start' => '04/03/2024']);
        $this->assertNotNull(self::fieldError($body, 'tuition'));
    }

    public function testWhatTheVisitorTypedIsEscaped(): void
    {
        $body = self::ask(['start' => '<script>alert(1)</script>"'] + self::SUBSIDY);
        $this->assertStringNotContainsString('<script>alert(1)', $body);
        $this->assertStringContainsString('&lt;script&gt;alert(1)&lt;/script&gt;&quot;', $body);
    }

    public function testUnknownPagesAndParametersAreHandled(): void
    {
        [$status, , $body] = self::get('', 'main', '/admin.php');
        $this->assertSame(404, $status);
        $this->assertStringContainsString('Không tìm thấy trang', $body);
        [$status, , $body] = self::get('q=nonsense&lang=xx');
        $this->assertSame(200, $status);
        $this->assertStringContainsString('<html lang="vi">', $body);
        [$status, , $body] = self::get('', 'main', '/lib/Portal.php');
        $this->assertSame(404, $status);
    }

    public function testMoneyFieldWithInvalidUtf8IsAFieldError(): void
    {
        $training = 'q=training&ask=1&dedicated_official=yes&short_concentrated=yes&days=5&start=04%2F03%2F2024';
        foreach (['tuition=5000000%FF', 'materials=%FF', 'meals=450000%C3', 'travel=1%ED%A0%80'] as $money) {
            [$status, , $body] = self::get("$training&$money");
            $this->assertSame(200, $status);
            $field = strstr($money, '=', true);
            $this->assertSame('Số tiền chỉ gồm chữ số, ví dụ 15.000.000 hoặc 15000000.', self::fieldError($body, $field), $money);
            $this->assertStringNotContainsString('id="result"', $body, "$money: no answer");
        }
    }

    // ------------------------------------------------------- HTTP hygiene

    /** The headers every answer of the portal has, whatever the ini. */
    private function assertPortalHeaders(array $headers, string $what): void
    {
        $all = implode("\n", $headers);
        foreach (["~^Content-Security-Policy: default-src 'none'~mi", '~^X-Content-Type-Options: nosniff$~mi',
                  '~^Referrer-Policy: no-referrer$~mi', '~^Cache-Control: no-store$~mi'] as $header) {
            $this->assertMatchesRegularExpression($header, $all, $what);
        }
        $this->assertDoesNotMatchRegularExpression('~^X-Powered-By:~mi', $all, "$what: no X-Powered-By");
    }

    public function testNoAnswerSaysWhichPhpRunsIt(): void
    {
        // expose_php on, as in PHP's defaults: the portal removes the header itself.
        self::startServer('exposed', [], ['-d', 'expose_php=1']);
        foreach ([['', '/'], ['q=expert', '/'], ['', '/healthz'], ['', '/favicon.ico'], ['', '/admin.php'],
                  [self::tooManyFields(), '/']] as [$query, $path]) {
            [, $headers] = self::get($query, 'exposed', $path);
            $this->assertDoesNotMatchRegularExpression('~^X-Powered-By:~mi', implode("\n", $headers), "$path?$query");
        }
    }

    public function testAnswersAreNotCached(): void
    {
        [$status, $headers] = self::get(http_build_query(self::SUBSIDY + ['ask' => '1']));
        $this->assertSame(200, $status);
        $this->assertPortalHeaders($headers, 'an answer');
        [$status, $headers] = self::get('', 'main', '/nowhere');
        $this->assertSame(404, $status);
        $this->assertPortalHeaders($headers, 'a 404');
        [, $headers] = self::get('', 'main', '/healthz');
        $this->assertMatchesRegularExpression('~^Cache-Control: no-store$~mi', implode("\n", $headers));
    }

    public function testMethodsOtherThanGetAndHeadAre405WithAnAllowHeader(): void
    {
        foreach (['POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS'] as $method) {
            [$status, $headers, $body] = self::get('q=training', 'main', '/', $method);
            $this->assertSame(405, $status, $method);
            $this->assertMatchesRegularExpression('~^Allow: GET, HEAD$~mi', implode("\n", $headers), $method);
            $this->assertPortalHeaders($headers, $method);
            $this->assertStringContainsString('Phương thức không được hỗ trợ', $body, $method);
        }
        [$status, $headers, $body] = self::get('', 'main', '/', 'HEAD');
        $this->assertSame(200, $status);
        $this->assertPortalHeaders($headers, 'HEAD');
        $this->assertSame('', $body);
        // The forms use GET.
        [, , $body] = self::get('');
        $this->assertStringNotContainsString('method="post"', strtolower($body));
    }

    // ------------------------------------------------- any php.ini, or none

    /** More fields than PHP's default max_input_vars (1000), then a whole valid case. */
    private static function tooManyFields(): string
    {
        $junk = [];
        for ($i = 0; $i < 1001; $i++) {
            $junk[] = "x$i=1";
        }
        return implode('&', $junk) . '&' . http_build_query(self::SUBSIDY + ['ask' => '1']);
    }

    /** @return iterable<string, array{string, list<string>}> server name, PHP options */
    public function phpConfigurations(): iterable
    {
        yield "this system's php.ini" => ['ini-system', []];
        // PHP's built-in defaults, as in the official Docker images, started
        // as docs/php.md says (display_startup_errors off on the command line).
        yield 'no php.ini, as documented' => ['ini-none', ['-n', '-d', 'display_startup_errors=0']];
        // A startup warning PHP shows into a buffer never reaches the visitor.
        yield 'no php.ini, output buffered' => ['ini-none-buffered', ['-n', '-d', 'output_buffering=4096']];
    }

    /**
     * PHP keeps the first max_input_vars fields and warns before the portal
     * runs; answering the rest would answer another question. Under any ini
     * the visitor gets the friendly 400 page with every header.
     *
     * @dataProvider phpConfigurations
     */
    public function testTooManyFieldsGetTheFriendlyErrorPageWithItsHeadersUnderAnyIni(string $name, array $php): void
    {
        self::$servers[$name] ?? self::startServer($name, [], $php);
        [$status, $headers, $body] = self::get(self::tooManyFields(), $name);
        $this->assertSame(400, $status, $body);
        $this->assertPortalHeaders($headers, $name);
        $this->assertStringContainsString('<html lang="vi">', $body);
        $this->assertStringContainsString('Không đọc được yêu cầu', $body);
        $this->assertStringNotContainsString('Warning', $body);
        $this->assertStringNotContainsString('max_input_vars', $body);
        $this->assertStringNotContainsString('id="result"', $body);
        // Everything else works the same under that ini.
        [$status, $headers, $body] = self::get(http_build_query(self::SUBSIDY + ['ask' => '1']), $name);
        $this->assertSame(200, $status);
        $this->assertPortalHeaders($headers, "$name: an answer");
        $this->assertSame(self::vnd(Facts::AMOUNT_CITY_TOWN), self::textOf($body, 'amount'));
        [$status, $headers] = self::get('', $name, '/', 'POST');
        $this->assertSame(405, $status);
        $this->assertPortalHeaders($headers, "$name: POST");
        $log = (string) @file_get_contents(self::$servers[$name]['log']);
        $this->assertStringNotContainsString('portal: ', $log, 'the portal itself logged no error');
    }

    /**
     * With PHP's built-in defaults and no option, PHP prints its startup
     * warning into the response, with its own headers, before any script
     * runs: nothing can give that response the portal's headers. The page
     * must still come (the error fallback used to die on "headers already
     * sent") and the log say why and what to do.
     */
    public function testWithPhpsBareDefaultsTheFallbackStillAnswersAndLogsWhy(): void
    {
        self::startServer('ini-none-bare', [], ['-n']);
        [$status, , $body] = self::get(self::tooManyFields(), 'ini-none-bare');
        $this->assertSame(200, $status, 'PHP sent its status before the portal ran');
        $this->assertStringContainsString('Không đọc được yêu cầu', $body);
        $this->assertStringContainsString('</html>', $body);
        $log = (string) @file_get_contents(self::$servers['ini-none-bare']['log']);
        $this->assertStringContainsString('portal: PHP sent output before the portal ran', $log);
        $this->assertStringContainsString('display_startup_errors=0', $log);
        $this->assertStringNotContainsString('Fatal error', $log);
        $this->assertStringNotContainsString('Uncaught', $log);
    }

    // --------------------------------------------------------------- errors

    public function testABrokenInstallShowsAFriendlyPageAndLogsTheCause(): void
    {
        self::startServer('broken', ['NHANLUC_PHP_AUTOLOAD' => '/nonexistent/NhanLuc/autoload.php']);
        [$status, , $body] = self::get('', 'broken');
        $this->assertSame(500, $status);
        $this->assertStringContainsString('Xin lỗi, hệ thống đang gặp sự cố', $body);
        $this->assertStringNotContainsString('nonexistent', $body);
        $this->assertStringNotContainsString('Stack trace', $body);
        $this->assertStringNotContainsString('.php', strip_tags($body));
        $this->assertStringContainsString('portal: ', (string) @file_get_contents(self::$servers['broken']['log']));
    }

    /**
     * Runs last (PHPUnit keeps the order of the file): after every request
     * above, the server's error log holds not one notice, warning or error.
     */
    public function testNoPhpNoticeWasLogged(): void
    {
        self::get('');   // the server is up even if this test runs alone
        $log = self::$servers['main']['log'];
        $this->assertSame('', is_file($log) ? (string) file_get_contents($log) : '');
    }
}
