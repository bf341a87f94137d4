<?php
/**
 * The extension itself (the SWIG layer under NhanLuc\): argument types,
 * error classes and codes, handles that cannot be forged, copied or leaked.
 */

declare(strict_types=1);

namespace NhanLuc\Tests;

use NhanLuc\DateError;
use NhanLuc\ExceptionInterface;
use NhanLuc\InvalidArgumentError;
use NhanLuc\IOException;
use NhanLuc\NotFoundException;
use NhanLuc\NotInForceException;
use NhanLuc\OutOfMemoryException;
use NhanLuc\OverflowException;
use NhanLuc\ParseException;
use NhanLuc\Reason;
use NhanLuc\Certainty;
use NhanLuc\Status;
use PHPUnit\Framework\TestCase;

require_once __DIR__ . '/data/coercive.php';

final class BindingTest extends TestCase
{
    private \nl_policy $raw;

    protected function setUp(): void
    {
        $this->raw = \nl_policy_default();
    }

    private static function day(string $iso): int
    {
        return \nl_date_parse($iso);
    }

    /** Runs PHP code in a child process with the extension; [exit code, output]. */
    private function runPhp(string $code, array $ini = []): array
    {
        $ext = getenv('NHANLUC_PHP_EXTENSION');
        if ($ext === false || $ext === '') {
            $this->markTestSkipped('NHANLUC_PHP_EXTENSION (path of nhanluc.so) is not set');
        }
        $cmd = [PHP_BINARY, '-n', '-d', 'extension=' . $ext, '-d', 'display_errors=stderr'];
        foreach ($ini as $k => $v) {
            array_push($cmd, '-d', "$k=$v");
        }
        array_push($cmd, '-r', $code);
        $proc = proc_open($cmd, [1 => ['pipe', 'w'], 2 => ['pipe', 'w']], $pipes);
        $out = stream_get_contents($pipes[1]) . stream_get_contents($pipes[2]);
        fclose($pipes[1]);
        fclose($pipes[2]);
        return [proc_close($proc), $out];
    }

    // -------------------------------------------------------------- errors

    public function statusClasses(): iterable
    {
        yield 'NL_EINVAL' => [Facts::STATUS_EINVAL, InvalidArgumentError::class, \ValueError::class];
        yield 'NL_ERANGE' => [Facts::STATUS_ERANGE, OverflowException::class, \RuntimeException::class];
        yield 'NL_EDATE' => [Facts::STATUS_EDATE, DateError::class, \ValueError::class];
        yield 'NL_ENOTFOUND' => [Facts::STATUS_ENOTFOUND, NotFoundException::class, \RuntimeException::class];
        yield 'NL_ENOTINFORCE' => [Facts::STATUS_ENOTINFORCE, NotInForceException::class, \RuntimeException::class];
        yield 'NL_EPARSE' => [Facts::STATUS_EPARSE, ParseException::class, \RuntimeException::class];
        yield 'NL_EIO' => [Facts::STATUS_EIO, IOException::class, \RuntimeException::class];
        yield 'NL_ENOMEM' => [Facts::STATUS_ENOMEM, OutOfMemoryException::class, \RuntimeException::class];
    }

    /** @dataProvider statusClasses */
    public function testEachStatusHasItsExceptionClass(int $code, string $class, string $parent): void
    {
        $this->assertTrue(is_subclass_of($class, $parent));
        $this->assertTrue(is_subclass_of($class, ExceptionInterface::class));
        $this->assertTrue(is_subclass_of(ExceptionInterface::class, \Throwable::class));
        if ($parent === \RuntimeException::class) {
            $this->assertTrue(is_subclass_of($class, \NhanLuc\Exception::class));
        }
        $status = Status::from($code);
        $this->assertSame(\constant($status->identifier()), $code);
        $this->assertSame(\nl_strerror($code), $status->message());
    }

    public function testEveryStatusCodeIsTheLibrarys(): void
    {
        $this->assertSame(\NL_STATUS_COUNT, count(Status::cases()));
        foreach (Status::cases() as $status) {
            $this->assertSame($status->identifier(), \nl_status_name($status->value));
        }
        $this->assertSame(Facts::STATUS_EINVAL, \NL_EINVAL);
        $this->assertSame(Facts::STATUS_EPARSE, \NL_EPARSE);
    }

    public function testRawCallsThrowWithTheStatusAsCode(): void
    {
        $cases = [
            [NotFoundException::class, fn () => \nl_policy_get($this->raw, 'nope', self::day('2024-01-01'))],
            [NotInForceException::class, fn () => \nl_policy_get($this->raw, 'expert.cap.level1', self::day('2000-01-01'))],
            [DateError::class, fn () => \nl_date_parse('2023-02-29')],
            [DateError::class, fn () => \nl_date_ymd(2023, 2, 29)],
            [InvalidArgumentError::class, fn () => \nlb_rule_eval($this->raw, 'attraction_subsidy', self::subsidyCase(['degree' => 9]))],
            [NotFoundException::class, fn () => \nlb_rule_eval($this->raw, 'no_such_family', [])],
            [ParseException::class, fn () => \nl_policy_parse('{')],
            [IOException::class, fn () => \nl_policy_load('/nonexistent.json')],
            [OverflowException::class, fn () => \nlb_rule_eval($this->raw, 'training_support', [
                'dedicated_official' => true, 'short_concentrated' => true, 'tuition' => PHP_INT_MAX,
                'materials' => 1, 'days' => 1, 'start' => '2024-01-01'])],
        ];
        foreach ($cases as [$class, $call]) {
            try {
                $call();
                $this->fail("expected $class");
            } catch (ExceptionInterface $e) {
                $this->assertInstanceOf($class, $e);
                $this->assertSame(array_search($class, array_column(iterator_to_array($this->statusClasses()), 1, 0), true), $e->getCode());
            }
        }
    }

    public function testAParseErrorCarriesLineColumnAndKey(): void
    {
        try {
            \nl_policy_parse("{\n  \"format\": \"nhanluc-policy/1\",\n  \"name\": 5\n}");
            $this->fail('expected a ParseException');
        } catch (ParseException $e) {
            $this->assertSame(3, $e->getDocumentLine());
            $this->assertSame(11, $e->getDocumentColumn());   // the 5
            $this->assertSame('/name', $e->getKey());
            $this->assertSame(Facts::STATUS_EPARSE, $e->getCode());
        }
        $e = new ParseException('built by hand');
        $this->assertSame(0, $e->getDocumentLine());
        $this->assertSame('', $e->getKey());
    }

    // ----------------------------------------------------------- arguments

    /** The good subsidy case of these tests (Sa Pa town, 2024), with $changes. */
    private static function subsidyCase(array $changes = []): array
    {
        return array_merge(['degree' => 'bachelor', 'major' => 'it', 'agency' => 'state',
            'dedicated_post' => true, 'workplace' => 88, 'start' => '2024-05-01'], $changes);
    }

    public function testLettersWhereANumberBelongsAreATypeError(): void
    {
        $this->expectException(\TypeError::class);
        $this->expectExceptionMessage('"experience_years" must be of type int|float, string given');
        Coercive\cap($this->raw, 'abc');
    }

    public function testACaseArrayIsJudgedAlikeInCoerciveMode(): void
    {
        // Code names and a code's digits are text by design, in either mode.
        $this->assertSame(Facts::AMOUNT_CITY_TOWN, Coercive\subsidy($this->raw, 'bachelor', '088')['amount']);
        $this->assertSame(Facts::TT02_CAPS[3], Coercive\cap($this->raw, 5)['monthly']);
        // PHP coerces a function's arguments, not the elements of an array:
        // a number given as text is refused in coercive mode too.
        $this->expectException(\TypeError::class);
        Coercive\cap($this->raw, '5');
    }

    public function testStrictTypesAreHonoured(): void
    {
        $this->expectException(\TypeError::class);
        \nlb_rule_eval($this->raw, 'attraction_subsidy', self::subsidyCase(['degree' => 2.0]));
    }

    public function wrongTypes(): iterable
    {
        yield 'array for a code' => [fn (\nl_policy $p) => \nlb_rule_eval($p, 'attraction_subsidy', self::subsidyCase(['degree' => []]))];
        yield 'object for a code' => [fn (\nl_policy $p) => \nlb_rule_eval($p, 'attraction_subsidy', self::subsidyCase(['degree' => new \stdClass()]))];
        yield 'string for a bool' => [fn (\nl_policy $p) => \nlb_rule_eval($p, 'attraction_subsidy', self::subsidyCase(['dedicated_post' => 'yes']))];
        yield 'int for a date' => [fn (\nl_policy $p) => \nlb_rule_eval($p, 'attraction_subsidy', self::subsidyCase(['start' => 19844]))];
        yield 'null for a policy' => [fn (\nl_policy $p) => \nlb_rule_eval(null, 'attraction_subsidy', self::subsidyCase())];
        yield 'string for a case' => [fn (\nl_policy $p) => \nlb_rule_eval($p, 'attraction_subsidy', 'degree=bachelor')];
        yield 'another object for a policy' => [fn (\nl_policy $p) => \nl_policy_name(new \stdClass())];
        yield 'a number for a policy' => [fn (\nl_policy $p) => \nl_policy_name(42)];
        yield 'array for a key' => [fn (\nl_policy $p) => \nl_policy_get($p, [], 0)];
        yield 'string for a float' => [fn (\nl_policy $p) => \nlb_rule_eval($p, 'expert_salary_cap', ['degree' => 2, 'experience_years' => 'x', 'on' => '2024-01-01'])];
        yield 'array for a document' => [fn (\nl_policy $p) => \nl_policy_parse(['{}'])];
        yield 'float for an index' => [fn (\nl_policy $p) => \nl_policy_param_info($p, 1.5)];
        yield 'layer: string for an array' => [fn (\nl_policy $p) => \NhanLuc\Policy::defaultPolicy()->attractionSubsidy('abc')];
        yield 'layer: string for a value' => [fn (\nl_policy $p) => \NhanLuc\Policy::defaultPolicy()->set('expert.cap.level1', '2026-01-01', '5')];
        yield 'layer: float for a date' => [fn (\nl_policy $p) => \NhanLuc\Policy::defaultPolicy()->get('expert.cap.level1', 2024.0)];
    }

    /** @dataProvider wrongTypes */
    public function testAWrongPhpTypeIsATypeError(callable $call): void
    {
        $this->expectException(\TypeError::class);
        $call($this->raw);
    }

    public function testIntegersTooLargeForCAreRejectedNotTruncated(): void
    {
        // 2^32 + 88 would become 88 if truncated to a C int, 2^32 + 2 the major 2.
        foreach ([4294967296 + 88, PHP_INT_MAX, PHP_INT_MIN] as $workplace) {
            try {
                \nlb_rule_eval($this->raw, 'attraction_subsidy', self::subsidyCase(['workplace' => $workplace]));
                $this->fail('expected an OverflowException');
            } catch (OverflowException $e) {
                $this->assertSame(Facts::STATUS_ERANGE, $e->getCode());
                $this->assertSame('workplace', $e->getField());
                $this->assertStringContainsString('does not fit 32 bits', $e->getMessage());
            }
        }
        try {
            \nlb_rule_eval($this->raw, 'attraction_subsidy', self::subsidyCase(['major' => 4294967296 + 2]));
            $this->fail('expected an InvalidArgumentError');
        } catch (InvalidArgumentError $e) {
            $this->assertSame(Facts::STATUS_EINVAL, $e->getCode());
            $this->assertSame('major', $e->getField());
            $this->assertStringContainsString('is not one of', $e->getMessage());
        }
        $this->expectException(InvalidArgumentError::class);
        \nl_policy_param_info($this->raw, -1);
    }

    public function testStringsWithNulBytesAreRefused(): void
    {
        $this->expectException(InvalidArgumentError::class);
        \nl_policy_get($this->raw, "expert.cap.level1\0x", self::day('2024-05-01'));
    }

    // -------------------------------------------------------------- results

    public function testResultsAreArraysWithTheirStringsCopied(): void
    {
        $p = \nl_policy_default();
        $r = \nlb_rule_eval($p, 'attraction_subsidy', self::subsidyCase());
        $v = \nl_policy_get_value($p, 'expert.cap.level1', self::day('2025-07-01'));
        $w = \nl_policy_workplace_at($p, 0);
        unset($p);
        gc_collect_cycles();
        $this->assertSame(['eligible', 'amount', 'reason', 'source', 'certainty'], array_keys($r));
        $this->assertSame(Facts::AMOUNT_CITY_TOWN, $r['amount']);
        $this->assertStringContainsString(Facts::SRC_NQ11, $r['source']);
        $this->assertSame(['since', 'ends', 'value', 'source', 'source_url', 'certainty'], array_keys($v));
        $this->assertStringContainsString(Facts::SRC_TT004, $v['source']);
        $this->assertSame(['code' => 80, 'name' => 'Thành phố Lào Cai', 'tier' => Facts::TIER_CITY_TOWN], $w);
    }

    public function testReasonAndCertaintyCodesAreTheLibrarys(): void
    {
        $this->assertSame(\NL_REASON_COUNT, count(Reason::cases()));
        foreach (Reason::cases() as $reason) {
            $this->assertSame($reason, Reason::fromCode($reason->code()));
            $this->assertSame($reason->value, \nl_reason_name($reason->code()));
            $this->assertNotSame('', $reason->message('vi'));
            $this->assertNotSame('', $reason->message('en'));
        }
        foreach (Certainty::cases() as $c) {
            $this->assertSame($c->value, \nl_certainty_name($c->code()));
            $this->assertSame($c, Certainty::fromCode($c->code()));
        }
        $this->assertSame(Certainty::Unconfirmed, Certainty::Reported->weaker(Certainty::Unconfirmed));
        $this->assertSame(Certainty::Reported, Certainty::Reported->weaker(Certainty::Confirmed));
    }

    // -------------------------------------------------------------- handles

    public function testAHandleCannotBeMadeCopiedOrSerializedFromPhp(): void
    {
        $plan = \nlb_batch_plan_create($this->raw, 'attraction_subsidy');
        $attempts = [
            'new' => fn () => new \nl_policy(),
            'clone' => fn () => clone $this->raw,
            'serialize' => fn () => serialize($this->raw),
            'unserialize' => fn () => unserialize('O:9:"nl_policy":0:{}'),
            'reflection' => fn () => (new \ReflectionClass(\nl_policy::class))->newInstanceWithoutConstructor(),
            'pointer class' => fn () => new \SWIG\_p_nl_candidate(),
            'new plan' => fn () => new \nlb_batch_plan(),
            'clone plan' => fn () => clone $plan,
            'serialize plan' => fn () => serialize($plan),
            'unserialize plan' => fn () => unserialize('O:14:"nlb_batch_plan":0:{}'),
            'reflection plan' => fn () => (new \ReflectionClass(\nlb_batch_plan::class))->newInstanceWithoutConstructor(),
            'plan ownership' => function () use ($plan): void {
                $plan->thisown = 0;
            },
            'a policy where the plan goes' => fn () => \nlb_batch_run($this->raw, [], 0),
            'a plan where the policy goes' => fn () => \nlb_batch_plan_create($plan, 'attraction_subsidy'),
            'a wrong magic call' => fn () => $plan->__get(5),
        ];
        foreach ($attempts as $what => $attempt) {
            try {
                $attempt();
                $this->fail("$what: no exception");
            } catch (\Error | \Exception $e) {
                $this->assertNotInstanceOf(\PHPUnit\Framework\AssertionFailedError::class, $e, $what);
            }
        }
    }

    public function testOwnershipCannotBeChangedFromPhp(): void
    {
        $plan = \nlb_batch_plan_create($this->raw, 'training_support');
        $this->assertNull($plan->thisown);
        $this->assertFalse(isset($plan->thisown));
        $this->assertNull($this->raw->thisown);
        $this->assertFalse(isset($this->raw->thisown));
        $this->expectException(\Error::class);
        $this->raw->thisown = 0;
    }

    public function testMagicMethodsCalledWithWrongTypesAreTypeErrors(): void
    {
        foreach ([fn () => $this->raw->__get(5), fn () => $this->raw->__isset([]), fn () => $this->raw->__set(new \stdClass(), 1)] as $call) {
            try {
                $call();
                $this->fail('expected a TypeError');
            } catch (\TypeError $e) {
                $this->assertStringContainsString('must be of type string', $e->getMessage());
            }
        }
    }

    public function testAPolicyCannotBeExtended(): void
    {
        [$rc, $out] = $this->runPhp('class Mine extends nl_policy {} echo "declared";');
        $this->assertSame(255, $rc, $out);
        $this->assertStringContainsString('cannot extend final class nl_policy', $out);
    }

    public function testLoadHonoursOpenBasedir(): void
    {
        $file = dirname(__DIR__, 2) . '/data/laocai.json';
        $code = 'try { nl_policy_load(' . var_export($file, true) . '); echo "loaded"; }'
            . ' catch (NhanLuc\IOException $e) { echo "refused ", $e->getCode(); }';
        // A directory that cannot contain the file, wherever the checkout is
        // (a checkout under /tmp would be inside sys_get_temp_dir()).
        $jail = sys_get_temp_dir() . '/nhanluc-basedir-' . getmypid();
        @mkdir($jail);
        try {
            [$rc, $out] = $this->runPhp($code, ['open_basedir' => $jail]);
        } finally {
            @rmdir($jail);
        }
        $this->assertSame(0, $rc, $out);
        $this->assertSame('refused ' . Facts::STATUS_EIO, $out);
        [$rc, $out] = $this->runPhp($code, ['open_basedir' => dirname($file)]);
        $this->assertSame('loaded', $out);
    }

    public function testWorkplaceOnReadsAPreMergerCodeThroughItsSuccessor(): void
    {
        // nlb_workplace_on: the unit in force on the date, or (after the
        // merger) the pre-2025 unit the code named, flagged as mapped.
        foreach (array_keys(Facts::WORKPLACES) as $key) {
            $code = (int) $key;   // "080": a string key
            $before = \nlb_workplace_on($this->raw, $code, self::day(Facts::DISTRICTS_LAST_DAY));
            $this->assertFalse($before['mapped'], "$code");
            $this->assertSame($code, \nl_policy_workplace_at($this->raw, $before['index'])['code']);
            $after = \nlb_workplace_on($this->raw, $code, self::day(Facts::COMMUNES_FIRST_DAY));
            $this->assertTrue($after['mapped'], "$code");
            $this->assertSame($code, \nl_policy_workplace_at($this->raw, $after['index'])['code']);
        }
        $this->assertFalse(\function_exists('nl_policy_workplace_on'));   // raw pointers: not exposed
        $this->expectException(NotFoundException::class);
        \nlb_workplace_on($this->raw, (int) Facts::CODES_NOT_A_UNIT[0], self::day(Facts::COMMUNES_FIRST_DAY));
    }
}
