<?php
/** Policies: built-in, loaded, parsed, copied, changed (what-if), listed. */

declare(strict_types=1);

namespace NhanLuc\Tests;

use NhanLuc\Certainty;
use NhanLuc\DateError;
use NhanLuc\InvalidArgumentError;
use NhanLuc\IOException;
use NhanLuc\NotFoundException;
use NhanLuc\NotInForceException;
use NhanLuc\Parameter;
use NhanLuc\ParseException;
use NhanLuc\Policy;
use NhanLuc\Reason;
use NhanLuc\Tests\Coercive;

require_once __DIR__ . '/data/coercive_matrix.php';

final class PolicyTest extends PolicyTestCase
{
    private static function dataFile(): string
    {
        return dirname(__DIR__, 2) . '/data/laocai.json';
    }

    private static function document(): string
    {
        return (string) file_get_contents(self::dataFile());
    }

    /** 1-based line and character column of byte offset $offset in $text. */
    private static function positionOf(string $text, int $offset): array
    {
        $before = substr($text, 0, $offset);
        $line = substr_count($before, "\n") + 1;
        $lineStart = strrpos($before, "\n");
        $onLine = $lineStart === false ? $before : substr($before, $lineStart + 1);
        return [$line, preg_match_all('/./su', $onLine) + 1];
    }

    /** Parses $text, expecting a ParseException at $line:$column for $key. */
    private function assertParseError(string $text, int $line, int $column, ?string $key): ParseException
    {
        $e = $this->assertThrowsCode(ParseException::class, Facts::STATUS_EPARSE, fn () => Policy::parse($text));
        \assert($e instanceof ParseException);
        $this->assertSame($line, $e->getDocumentLine(), $e->getMessage());
        $this->assertSame($column, $e->getDocumentColumn(), $e->getMessage());
        if ($key !== null) {
            $this->assertSame($key, $e->getKey(), $e->getMessage());
        }
        $this->assertStringContainsString("line $line", $e->getMessage());
        return $e;
    }

    private static function subsidyAt(Policy $p, string $workplace, string $start = '2024-05-01'): \NhanLuc\SubsidyResult
    {
        return $p->attractionSubsidy([
            'degree' => 'bachelor', 'major' => 'it', 'agency' => 'state',
            'dedicated_post' => true, 'workplace' => $workplace, 'start' => $start,
        ]);
    }

    // ------------------------------------------------------------- creating

    public function testTheBuiltInPolicyIsLaoCais(): void
    {
        $this->assertStringContainsString('Lào Cai', $this->policy->name());
    }

    public function testAPolicyLoadedFromTheDataFileAnswersLikeTheBuiltInOne(): void
    {
        $loaded = Policy::load(self::dataFile());
        $this->assertSame($this->policy->name(), $loaded->name());
        $this->assertEquals($this->policy->parameters(), $loaded->parameters());
        $this->assertEquals($this->policy->workplaces(), $loaded->workplaces());
        $this->assertSame(Facts::AMOUNT_DISTRICT, self::subsidyAt($loaded, '089')->amount);
    }

    public function testAPolicyParsedFromAStringAnswersLikeTheBuiltInOne(): void
    {
        $parsed = Policy::parse(self::document());
        $this->assertEquals($this->policy->parameters(), $parsed->parameters());
        $this->assertSame(Facts::AMOUNT_CITY_TOWN, self::subsidyAt($parsed, '080')->amount);
    }

    public function testAMissingFileIsAnIoError(): void
    {
        $e = $this->assertThrowsCode(IOException::class, Facts::STATUS_EIO, fn () => Policy::load('/nonexistent/laocai.json'));
        $this->assertStringContainsString('/nonexistent/laocai.json', $e->getMessage());
    }

    public function testAPathWithANulByteIsRefused(): void
    {
        $this->assertThrowsCode(InvalidArgumentError::class, Facts::STATUS_EINVAL, fn () => Policy::load(self::dataFile() . "\0.txt"));
    }

    /**
     * A named pipe is not read (it could block for ever): an IOException at
     * once. Should a load wait on it anyway, a writer sends "{}" after 3 s,
     * so that the test fails (a ParseException, late) instead of hanging.
     * (The writer is a `php -r` one-liner: scripts/php-valgrind.sh does not
     * trace those, and it is killed unfinished.)
     */
    public function testLoadingANamedPipeIsRefusedAtOnceWithAnIoError(): void
    {
        $dir = sys_get_temp_dir() . '/nhanluc-fifo-' . getmypid() . '-' . bin2hex(random_bytes(4));
        mkdir($dir, 0700);
        $fifo = "$dir/policy.json";
        $this->assertTrue(posix_mkfifo($fifo, 0600));
        $writer = proc_open([PHP_BINARY, '-n', '-r', 'sleep(3); file_put_contents($argv[1], "{}");', $fifo], [], $pipes);
        try {
            $started = hrtime(true);
            $e = $this->assertThrowsCode(IOException::class, Facts::STATUS_EIO, static fn () => Policy::load($fifo));
            $this->assertLessThan(2.0, (hrtime(true) - $started) / 1e9, 'the load waited on the pipe');
            $this->assertStringContainsString('not a regular file', $e->getMessage());
        } finally {
            proc_terminate($writer, 9);
            proc_close($writer);
            unlink($fifo);
            rmdir($dir);
        }
    }

    public function testLoadingADeviceIsAnIoError(): void
    {
        foreach (['/dev/null', '/dev/zero'] as $device) {
            $e = $this->assertThrowsCode(IOException::class, Facts::STATUS_EIO, static fn () => Policy::load($device));
            $this->assertStringContainsString($device, $e->getMessage());
        }
    }

    // ---------------------------------------------------------- parse errors

    public function testAValueOfTheWrongTypeIsLocatedByLineColumnAndKey(): void
    {
        $text = self::document();
        $needle = '"value": 70000000';
        $at = strpos($text, $needle);
        $this->assertNotFalse($at);
        $text = substr_replace($text, '"value": "70000000"', $at, strlen($needle));
        [$line, $column] = self::positionOf($text, $at + strlen('"value": '));
        $this->assertParseError($text, $line, $column, '/parameters/expert.cap.level1/values/1/value');
    }

    public function testASyntaxErrorIsLocatedAtTheOffendingCharacter(): void
    {
        $text = self::document();
        $needle = '"value": 40000000';
        $at = strpos($text, $needle);
        $text = substr_replace($text, '"value": 4O000000', $at, strlen($needle));
        // The number starts with 4; the letter O cannot follow it.
        [$line, $column] = self::positionOf($text, $at + strlen('"value": 4'));
        $this->assertParseError($text, $line, $column, null);
    }

    public function testColumnsCountCharactersNotBytes(): void
    {
        $text = self::document();
        $needle = '"name": "Thị xã Sa Pa", "tier": "city_town"';
        $at = strpos($text, $needle);
        $this->assertNotFalse($at);
        $text = substr_replace($text, '"name": "Thị xã Sa Pa", "tier": 2', $at, strlen($needle));
        [$line, $column] = self::positionOf($text, $at + strlen('"name": "Thị xã Sa Pa", "tier": '));
        $e = $this->assertParseError($text, $line, $column, null);
        $this->assertMatchesRegularExpression('~^/workplaces/\d+/tier$~', $e->getKey());
    }

    public function testAMissingParameterLeavesItsRuleNotInForce(): void
    {
        // Families are optional (docs/policy-format.md): the document loads,
        // and the level that reads the absent cap says so.
        $doc = json_decode(self::document(), true, 512, JSON_THROW_ON_ERROR);
        unset($doc['parameters']['expert.cap.level3']);
        $p = Policy::parse(json_encode($doc, JSON_UNESCAPED_UNICODE | JSON_UNESCAPED_SLASHES | JSON_THROW_ON_ERROR));
        $r = $p->expertSalaryCap(['degree' => 'bachelor', 'experience_years' => 5, 'on' => Facts::TT02_LAST_DAY]);
        $this->assertSame(\NhanLuc\Reason::NotInForce, $r->reason);
        $this->assertStringContainsString('expert.cap.level3', $r->source);
        $r = $p->expertSalaryCap(['degree' => 'bachelor', 'experience_years' => 10, 'on' => Facts::TT02_LAST_DAY]);
        $this->assertSame(2, $r->level);
    }

    public function testTextThatIsNotJsonIsAParseError(): void
    {
        foreach (['', 'null', '[]', "{\"format\": \"nhanluc-policy/1\"\0}"] as $text) {
            $this->assertThrowsCode(ParseException::class, Facts::STATUS_EPARSE, fn () => Policy::parse($text));
        }
    }

    // ----------------------------------------------------------- parameters

    public function testGetGivesTheValueInForceOnADate(): void
    {
        $this->assertSame(Facts::TT02_CAPS[1], $this->policy->get('expert.cap.level1', Facts::TT02_LAST_DAY));
        $this->assertSame(Facts::TT004_CAPS[1], $this->policy->get('expert.cap.level1', Facts::TT004_FIRST_DAY));
        $this->assertSame(Facts::AMOUNT_DISTRICT, $this->policy->get('attraction.amount.district', new \DateTimeImmutable('2024-01-01')));
    }

    public function testGetValueGivesTheSourceAndCertainty(): void
    {
        $v = $this->policy->getValue('expert.cap.level1', '2025-08-01');
        $this->assertSame(Facts::TT004_FIRST_DAY, $v->since);
        $this->assertFalse($v->ends);
        $this->assertSame(Facts::TT004_CAPS[1], $v->value);
        $this->assertStringContainsString(Facts::SRC_TT004, $v->source);
        $this->assertStringStartsWith('https://', $v->sourceUrl);
        $this->assertSame(Certainty::Confirmed, $v->certainty);
    }

    public function testBeforeTheFirstValueAParameterIsNotInForce(): void
    {
        $e = $this->assertThrowsCode(NotInForceException::class, Facts::STATUS_ENOTINFORCE, fn () => $this->policy->get('expert.cap.level1', Facts::TT02_DAY_BEFORE));
        $this->assertStringContainsString('expert.cap.level1', $e->getMessage());
        $this->assertThrowsCode(NotInForceException::class, Facts::STATUS_ENOTINFORCE, fn () => $this->policy->get('attraction.period', Facts::NQ11_END_DAY));
    }

    public function testAnUnknownKeyIsNotFound(): void
    {
        foreach ([fn () => $this->policy->get('expert.cap.level5', '2024-01-01'),
                  fn () => $this->policy->getValue('', '2024-01-01'),
                  fn () => $this->policy->set('no.such.key', '2024-01-01', 1),
                  fn () => $this->policy->end('no.such.key', '2024-01-01'),
                  fn () => $this->policy->parameter('no.such.key')] as $call) {
            $this->assertThrowsCode(NotFoundException::class, Facts::STATUS_ENOTFOUND, $call);
        }
    }

    public function testAnImpossibleDateIsADateError(): void
    {
        foreach (['2023-02-29', '2024-13-01', '24-01-01', '2024-1-1', '01/05/2024', 'tomorrow', '0000-01-01'] as $date) {
            $this->assertThrowsCode(DateError::class, Facts::STATUS_EDATE, fn () => $this->policy->get('expert.cap.level1', $date));
        }
        $this->assertSame(Facts::TT02_CAPS[1], $this->policy->get('expert.cap.level1', '2024-02-29'));
    }

    public function testParametersListEveryKeyWithItsDatedValuesAndStatus(): void
    {
        $params = $this->policy->parameters();
        $keys = array_keys($params);
        $sorted = $keys;
        sort($sorted, SORT_STRING);
        $this->assertSame($sorted, $keys);
        foreach ($params as $key => $param) {
            $this->assertInstanceOf(Parameter::class, $param);
            $this->assertSame($key, $param->key);
            $this->assertNotEmpty($param->values);
            $this->assertNotSame('', $param->unit);
        }
        // §3 confirmed, §1 reported, §2 caps and the 2021-2025 period unconfirmed.
        $this->assertSame(Certainty::Confirmed, $params['expert.cap.level1']->certainty);
        $this->assertSame(Certainty::Reported, $params['attraction.amount.city_town']->certainty);
        $this->assertSame(Certainty::Reported, $params['attraction.amount.district']->certainty);
        $this->assertSame(Certainty::Unconfirmed, $params['training.meals.cap_per_day']->certainty);
        $this->assertSame(Certainty::Unconfirmed, $params['attraction.period']->certainty);

        $cap = $params['expert.cap.level1'];
        $this->assertSame('VND/month', $cap->unit);
        $this->assertSame([Facts::TT02_FIRST_DAY, Facts::TT004_FIRST_DAY], array_map(fn ($v) => $v->since, $cap->values));
        $this->assertSame([Facts::TT02_CAPS[1], Facts::TT004_CAPS[1]], array_map(fn ($v) => $v->value, $cap->values));

        $period = $params['attraction.period'];
        $this->assertSame([Facts::NQ11_FIRST_DAY, Facts::NQ11_END_DAY], array_map(fn ($v) => $v->since, $period->values));
        $this->assertSame([false, true], array_map(fn ($v) => $v->ends, $period->values));
        $this->assertNull($period->values[1]->value);
        $this->assertEquals($cap, $this->policy->parameter('expert.cap.level1'));
    }

    // ----------------------------------------------------------- workplaces

    public function testWorkplacesAreTheNineDistrictUnitsThenTheNinetyNineCommunes(): void
    {
        $workplaces = $this->policy->workplaces();
        $this->assertCount(count(Facts::WORKPLACES) + Facts::COMMUNE_COUNT, $workplaces);
        $this->assertCount(108, $workplaces);
        $districts = $communes = [];
        foreach ($workplaces as $w) {
            $this->assertSame((int) $w->gsoCode(), $w->code);
            if ($w->code < 1000) {
                $this->assertMatchesRegularExpression('/^\d{3}$/', $w->gsoCode());
                $districts[$w->gsoCode()] = [$w->name, $w->tier];
            } else {
                $this->assertMatchesRegularExpression('/^\d{5}$/', $w->gsoCode());
                $this->assertArrayNotHasKey($w->gsoCode(), $communes);
                $communes[$w->gsoCode()] = [$w->name, $w->tier];
            }
            $this->assertContains($w->tier, [Facts::TIER_CITY_TOWN, Facts::TIER_DISTRICT, null]);
        }
        $expected = array_map(fn (array $w) => [$w[0], $w[1]], Facts::WORKPLACES);
        $this->assertSame($expected, $districts);
        $this->assertCount(Facts::COMMUNE_COUNT, $communes);
        foreach (Facts::COMMUNES as $code => $commune) {
            $this->assertSame($commune, $communes[$code] ?? null, "commune $code");
        }
        // The communes are those of the GSO list, by code.
        $csv = array_map('str_getcsv', file(__DIR__ . '/../../data/geography/laocai-communes-2025.csv', FILE_IGNORE_NEW_LINES | FILE_SKIP_EMPTY_LINES));
        array_shift($csv);
        $this->assertSame(array_column($csv, 1, 0), array_map(fn (array $c) => $c[0], $communes));
    }

    public function testAWorkplaceSerializesWithItsPublishedCode(): void
    {
        $this->assertSame(['code' => '080', 'name' => 'Thành phố Lào Cai', 'tier' => Facts::TIER_CITY_TOWN],
            $this->policy->workplace(80)->jsonSerialize());
        $this->assertSame('{"code":"02647","name":"Phường Lào Cai","tier":null}',
            json_encode($this->policy->workplace('02647'), JSON_UNESCAPED_UNICODE));
    }

    public function testAWorkplaceIsLookedUpByCode(): void
    {
        $this->assertSame('Thị xã Sa Pa', $this->policy->workplace('088')->name);
        $this->assertSame(Facts::TIER_CITY_TOWN, $this->policy->workplace(88)->tier);
        $this->assertThrowsCode(NotFoundException::class, Facts::STATUS_ENOTFOUND, fn () => $this->policy->workplace('081'));
        $this->assertSame('Phường Cam Đường', $this->policy->workplace('02671')->name);
        $this->assertSame('02671', $this->policy->workplace(2671)->gsoCode());
        $this->assertSame(Facts::TIER_CITY_TOWN, $this->policy->workplace('02671')->tier);
        $this->assertNull($this->policy->workplace('02647')->tier);
        $this->assertNull($this->policy->workplace('04252')->tier);
        // Well-formed five-digit codes of no unit: not found, not invalid.
        $this->assertThrowsCode(NotFoundException::class, Facts::STATUS_ENOTFOUND, fn () => $this->policy->workplace(1000));
        $this->assertThrowsCode(NotFoundException::class, Facts::STATUS_ENOTFOUND, fn () => $this->policy->workplace('99999'));
        $this->assertThrowsCode(InvalidArgumentError::class, Facts::STATUS_EINVAL, fn () => $this->policy->workplace(100000));
        $this->assertThrowsCode(InvalidArgumentError::class, Facts::STATUS_EINVAL, fn () => $this->policy->workplace('100000'));
        $this->assertThrowsCode(InvalidArgumentError::class, Facts::STATUS_EINVAL, fn () => $this->policy->workplace(-1));
        $this->assertThrowsCode(InvalidArgumentError::class, Facts::STATUS_EINVAL, fn () => $this->policy->workplace('Sa Pa'));
    }

    // -------------------------------------------------------------- what-if

    public function testACloneIsIndependentOfItsOriginal(): void
    {
        $raised = clone $this->policy;
        $raised->set('attraction.amount.district', '2024-01-01', 200_000_000);
        $r = self::subsidyAt($raised, '082');
        $this->assertSame(200_000_000, $r->amount);
        $this->assertSame(Certainty::User, $r->certainty);
        $this->assertSame(Facts::AMOUNT_DISTRICT, self::subsidyAt($this->policy, '082')->amount);
        // Before the what-if date the old value still applies.
        $this->assertSame(Facts::AMOUNT_DISTRICT, self::subsidyAt($raised, '082', '2023-12-31')->amount);

        $copy = $raised->copy();
        unset($raised);
        $this->assertSame(200_000_000, self::subsidyAt($copy, '082')->amount);
    }

    public function testSetMarksTheValueAsTheUsers(): void
    {
        $p = $this->policy->copy();
        $p->set('expert.cap.level1', '2026-01-01', 80_000_000);
        $v = $p->getValue('expert.cap.level1', '2026-06-01');
        $this->assertSame(80_000_000, $v->value);
        $this->assertSame(Certainty::User, $v->certainty);
        $this->assertSame(Certainty::User, $p->parameters()['expert.cap.level1']->certainty);
        $this->assertSame(Facts::TT004_CAPS[1], $p->get('expert.cap.level1', '2025-12-31'));
    }

    public function testEndStopsAParameterAndTheRuleSaysNotInForce(): void
    {
        $p = clone $this->policy;
        $p->end('attraction.period', '2024-06-01');
        $this->assertThrowsCode(NotInForceException::class, Facts::STATUS_ENOTINFORCE, fn () => $p->get('attraction.period', '2024-06-01'));
        $this->assertSame(Reason::NotInForce, self::subsidyAt($p, '080', '2024-06-01')->reason);
        $this->assertTrue(self::subsidyAt($p, '080', '2024-05-31')->eligible);
        $this->assertTrue(self::subsidyAt($this->policy, '080', '2024-06-01')->eligible);
    }

    public function testAValueTheParameterCannotTakeIsAnInvalidArgument(): void
    {
        $p = clone $this->policy;
        $this->assertThrowsCode(InvalidArgumentError::class, Facts::STATUS_EINVAL, fn () => $p->set('expert.cap.level1', '2026-01-01', -1));
        $this->assertThrowsCode(InvalidArgumentError::class, Facts::STATUS_EINVAL, fn () => $p->set('expert.daily.days_per_month', '2026-01-01', 0));
        $this->assertThrowsCode(DateError::class, Facts::STATUS_EDATE, fn () => $p->set('expert.cap.level1', '2026-02-30', 1));
    }

    public function testResultsOutliveTheirPolicy(): void
    {
        $p = Policy::parse(self::document());
        $r = self::subsidyAt($p, '088');
        $v = $p->getValue('expert.cap.level1', '2024-01-01');
        $params = $p->parameters();
        $places = $p->workplaces();
        unset($p);
        gc_collect_cycles();
        $this->assertStringContainsString(Facts::SRC_NQ11, $r->source);
        $this->assertStringContainsString(Facts::SRC_TT02, $v->source);
        $this->assertStringContainsString(Facts::SRC_TT004, $params['expert.cap.level1']->values[1]->source);
        $this->assertSame('Thành phố Lào Cai', $places[0]->name);
    }

    public function testAPolicyCannotBeSerialized(): void
    {
        foreach ([fn () => serialize($this->policy), fn () => unserialize('O:14:"NhanLuc\\Policy":0:{}')] as $call) {
            try {
                $call();
                $this->fail('expected a LogicException');
            } catch (\LogicException $e) {
                $this->assertStringContainsString('Policy::parse()', $e->getMessage());
            }
        }
    }

    // ----------------------------------------------------------- rule input

    /**
     * In coercive mode PHP turns a string into a bool at the call, any
     * non-empty string into true: 'no' would answer "eligible". A bool
     * field refuses what is not a bool on every path, as the array form
     * always did: named or array, strict or coercive.
     */
    public function testNamedBoolArgumentsRefuseStringsInCoerciveModeAsTheArrayFormDoes(): void
    {
        $rules = [
            'attractionSubsidy' => [['degree' => 'bachelor', 'major' => 'it', 'agency' => 'state',
                'dedicated_post' => true, 'workplace' => '088', 'start' => '2024-05-01'], ['dedicated_post']],
            'expertSalaryCap' => [['degree' => 'master', 'experience_years' => 5, 'special_expertise' => false,
                'on' => '2024-05-01'], ['special_expertise']],
            'trainingSupport' => [['dedicated_official' => true, 'short_concentrated' => true, 'tuition' => 1000,
                'days' => 5, 'start' => '2024-03-04'], ['dedicated_official', 'short_concentrated']],
        ];
        foreach ($rules as $rule => [$case, $bools]) {
            $named = [];
            foreach ($case as $k => $v) {
                $named[lcfirst(str_replace('_', '', ucwords($k, '_')))] = $v;
            }
            // The valid case answers on every path.
            $this->assertInstanceOf(\NhanLuc\Result::class, Coercive\call([$this->policy, $rule], ...$named));
            $this->assertInstanceOf(\NhanLuc\Result::class, Coercive\call([$this->policy, $rule], $case));
            foreach ($bools as $field) {
                $arg = lcfirst(str_replace('_', '', ucwords($field, '_')));
                foreach (['no', 'false', 'không', '0', '', 'yes', 1, 0, 1.0] as $bad) {
                    $label = "$rule $arg: " . var_export($bad, true);
                    $calls = [
                        'coercive named' => fn () => Coercive\call([$this->policy, $rule], ...[$arg => $bad] + $named),
                        'strict named' => fn () => $this->policy->$rule(...[$arg => $bad] + $named),
                        'coercive array' => fn () => Coercive\call([$this->policy, $rule], [$field => $bad] + $case),
                        'strict array' => fn () => $this->policy->$rule([$field => $bad] + $case),
                    ];
                    foreach ($calls as $path => $call) {
                        try {
                            $r = $call();
                            $this->fail("$label, $path: answered " . json_encode($r));
                        } catch (\TypeError $e) {
                            $this->assertSame(0, $e->getCode(), "$label, $path");
                            $this->assertStringContainsString("\"$field\" must be of type bool", $e->getMessage(), "$label, $path");
                        }
                    }
                }
            }
        }
    }

    // ------------------------------------------------------ messages

    /** Asserts that $e's message quotes $value as a bounded, valid UTF-8 excerpt. */
    private function assertBoundedExcerpt(\Throwable $e, string $value, string $what): void
    {
        $m = $e->getMessage();
        $this->assertLessThan(400, \strlen($m), "$what: " . substr($m, 0, 400));
        $this->assertSame(1, preg_match('//u', $m), "$what: the message is not UTF-8");
        $this->assertStringContainsString('… (' . number_format(\strlen($value)) . ' bytes)', $m, $what);
    }

    /**
     * A 1 MiB bad value makes no 1 MiB message: every message quoting a
     * value the caller gave shows its first 64 bytes (never half a
     * character, invalid bytes and control characters as \xNN) and its size.
     */
    public function testExceptionMessagesQuoteABoundedExcerptOfTheBadValue(): void
    {
        $big = str_repeat('x', 1 << 20);
        $vietnamese = str_repeat('ệ', 400_000);   // 3 bytes each: 64 is not a boundary
        $subsidy = ['degree' => 'bachelor', 'major' => 'it', 'agency' => 'state',
            'dedicated_post' => true, 'workplace' => '088', 'start' => '2024-05-01'];
        $calls = [
            'degree' => fn () => $this->policy->attractionSubsidy(['degree' => $big] + $subsidy),
            'degree (Vietnamese)' => fn () => $this->policy->attractionSubsidy(['degree' => $vietnamese] + $subsidy),
            'degree (not UTF-8)' => fn () => $this->policy->attractionSubsidy(['degree' => "\xFF\xFE\0" . $big] + $subsidy),
            'workplace' => fn () => $this->policy->attractionSubsidy(['workplace' => $big] + $subsidy),
            'start' => fn () => $this->policy->attractionSubsidy(['start' => $big] + $subsidy),
            'unknown field' => fn () => $this->policy->attractionSubsidy([$big => 1] + $subsidy),
            'get key' => fn () => $this->policy->get($big, '2024-01-01'),
            'get date' => fn () => $this->policy->get('expert.cap.level1', $big),
            'workplace()' => fn () => $this->policy->workplace($big),
            'message language' => fn () => $this->policy->attractionSubsidy($subsidy)->message($big),
            'Degree::coerce' => static fn () => \NhanLuc\Degree::coerce($vietnamese),
            'nl_policy property' => static function () use ($big): void {
                $raw = \nl_policy_default();
                $raw->$big = 1;
            },
        ];
        foreach ($calls as $what => $call) {
            try {
                $call();
                $this->fail("$what: no exception");
            } catch (\Throwable $e) {
                $value = match ($what) {
                    'degree (Vietnamese)', 'Degree::coerce' => $vietnamese,
                    'degree (not UTF-8)' => "\xFF\xFE\0" . $big,
                    default => $big,
                };
                $this->assertBoundedExcerpt($e, $value, $what);
            }
        }
        // The excerpt: the first 64 bytes, cut before a split character.
        $e = $this->assertThrowsCode(\NhanLuc\InvalidArgumentError::class, Facts::STATUS_EINVAL,
            static fn () => \NhanLuc\Degree::coerce($vietnamese));
        $this->assertStringContainsString('"' . str_repeat('ệ', 21) . '"… (1,200,000 bytes)', $e->getMessage());
        $e = $this->assertThrowsCode(\NhanLuc\InvalidArgumentError::class, Facts::STATUS_EINVAL,
            static fn () => \NhanLuc\Degree::coerce("phd\xFF\n"));
        $this->assertStringContainsString('unknown degree "phd\\xFF\\x0A"', $e->getMessage());
        // A short value is quoted whole, as before.
        $e = $this->assertThrowsCode(NotFoundException::class, Facts::STATUS_ENOTFOUND,
            fn () => $this->policy->get('no.such.key', '2024-01-01'));
        $this->assertStringContainsString('"no.such.key"', $e->getMessage());
    }

    /**
     * The extension bounds a path it names: one open_basedir refuses, or one
     * longer than any path (PHP's own check would warn with all of it).
     */
    public function testTheExtensionQuotesABoundedPath(): void
    {
        $ext = getenv('NHANLUC_PHP_EXTENSION');
        $this->assertNotFalse($ext, 'NHANLUC_PHP_EXTENSION (path of nhanluc.so) is not set');
        foreach ([1000 => 'open_basedir restriction in effect for "/etc/', 100_000 => 'cannot open "/etc/'] as $chars => $says) {
            $code = 'try { nl_policy_load("/etc/" . str_repeat("ệ", ' . $chars . ')); }'
                . ' catch (NhanLuc\IOException $e) { echo $e->getCode(), "\n", $e->getMessage(); }';
            $proc = proc_open([PHP_BINARY, '-n', '-d', "extension=$ext", '-d', 'open_basedir=' . sys_get_temp_dir(),
                '-d', 'error_reporting=-1', '-r', $code], [1 => ['pipe', 'w'], 2 => ['pipe', 'w']], $pipes);
            $out = (string) stream_get_contents($pipes[1]);
            $err = (string) stream_get_contents($pipes[2]);
            fclose($pipes[1]);
            fclose($pipes[2]);
            $this->assertSame(0, proc_close($proc), $err);
            $this->assertLessThan(300, \strlen($out . $err), 'no message or warning quotes the whole path');
            [$status, $message] = explode("\n", $out, 2) + ['', ''];
            $this->assertSame((string) Facts::STATUS_EIO, $status, $out . $err);
            $this->assertStringContainsString($says, $message);
            $this->assertStringContainsString('"… (' . number_format(5 + 3 * $chars) . ' bytes)', $message);
            $this->assertSame(1, preg_match('//u', $message));
        }
    }

    public function testTheLibraryVersionIsTheHeadersOne(): void
    {
        $this->assertSame(\NL_VERSION_STRING, Policy::libraryVersion());
        $this->assertMatchesRegularExpression('/^\d+\.\d+\.\d+$/', Policy::libraryVersion());
    }
}
