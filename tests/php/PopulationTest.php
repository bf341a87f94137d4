<?php
/**
 * Populations as columns: Policy::plan(), BatchPlan::run() and
 * Policy::population(), one nl_batch_run over the rule's declared columns.
 * The answers must equal evaluateAll()'s for the same records, field by
 * field, for every declared family (Policy::rules()), on populations
 * generated from the declarations, the shared case files
 * (tests/cases/<rule>.json) and the policy's own dates and values; the
 * errors must be those evaluateAll() throws for the same records.
 */

declare(strict_types=1);

namespace NhanLuc\Tests;

use NhanLuc\BatchPlan;
use NhanLuc\DateError;
use NhanLuc\InvalidArgumentError;
use NhanLuc\NotFoundException;
use NhanLuc\OverflowException;
use NhanLuc\Policy;

final class PopulationTest extends PolicyTestCase
{
    /** Records per generated population: above the 2,048 from which the library builds its tables. */
    private const RECORDS = 3000;

    /** Above twice the 65,536 records a thread takes at the least, so that 2 threads run. */
    private const THREADED_RECORDS = 140_000;

    // ------------------------------------------------------------ populations

    /** @return array<string, array<string, mixed>> every declared family by name */
    private static function rules(): array
    {
        $out = [];
        foreach (Policy::rules() as $rule) {
            $out[$rule['name']] = $rule;
        }
        return $out;
    }

    /** "dedicated_post" => "dedicatedPost" */
    private static function camel(string $name): string
    {
        return lcfirst(str_replace('_', '', ucwords($name, '_')));
    }

    /**
     * The values a generated record may take for input $field: those of the
     * case file, the declared bounds and codes in every accepted form, the
     * days on which a parameter of $policy changes and the day before, its
     * values (and one more, one less) in the field's unit, the whole
     * workplace catalogue. Only values the rule accepts.
     *
     * @return list<mixed>
     */
    private static function pool(Policy $policy, array $field, array $cases): array
    {
        $pool = [];
        foreach ($cases as $case) {
            if (\array_key_exists($field['name'], $case)) {
                $pool[] = $case[$field['name']];
            }
        }
        $params = $policy->parameters();
        $unitValues = static function (string $prefix) use ($params): array {
            $out = [];
            foreach ($params as $p) {
                if (str_starts_with($p->unit, $prefix)) {
                    foreach ($p->values as $v) {
                        if ($v->value !== null) {
                            $out[] = $v->value;
                        }
                    }
                }
            }
            return $out;
        };
        switch ($field['type']) {
            case 'code':
                $enum = 'NhanLuc\\' . ucfirst(self::camel($field['name']));
                foreach ($field['codes'] as $code => $name) {
                    array_push($pool, $name, $code);
                    if (enum_exists($enum)) {
                        $pool[] = $enum::from($name);
                    }
                }
                break;
            case 'bool':
                array_push($pool, true, false);
                break;
            case 'date':
                array_push($pool, '0001-01-01', '9999-12-31', new \DateTimeImmutable('2024-05-01 23:59:59', new \DateTimeZone('Asia/Ho_Chi_Minh')));
                foreach ($params as $p) {
                    foreach ($p->values as $v) {
                        $day = new \DateTimeImmutable($v->since);
                        array_push($pool, $v->since, $day->modify('-1 day')->format('Y-m-d'), $day->modify('+1 day'));
                    }
                }
                break;
            case 'workplace':
                foreach ($policy->workplaces() as $w) {
                    array_push($pool, $w->code, $w->gsoCode());
                }
                array_push($pool, $field['min'], 81, '00081', 99, 1000, $field['max']);
                break;
            case 'years':
                array_push($pool, 0, 0.0, 1e6);
                foreach ($unitValues('years') as $y) {
                    array_push($pool, $y, (float) $y - 0.01, $y + 0.5);
                }
                break;
            case 'int':
                array_push($pool, $field['min'], $field['min'] + 1, 2, 7, 30, 365);
                break;
            case 'money':
                array_push($pool, 0, 1, 999_999_999);
                foreach ($unitValues('VND') as $amount) {
                    array_push($pool, $amount, $amount - 1, $amount + 1, $amount * 3);
                }
                break;
        }
        return array_values(array_filter($pool, static fn (mixed $v): bool => !\is_int($v) || ($v >= $field['min'] && ($field['max'] < $field['min'] || $v <= $field['max']))));
    }

    /**
     * $n records of $rule for $policy, as evaluateAll() takes them: every
     * third one a case of the case file, the others drawn from the pools;
     * an optional input now and then null (its default). Drawn records the
     * single-record call refuses (a workplace name on a day no unit has it,
     * say) are drawn again: the errors have their own tests.
     *
     * @return list<array<string, mixed>>
     */
    private static function records(Policy $policy, array $rule, int $n, int $seed): array
    {
        mt_srand($seed);
        $cases = array_column(self::sharedCases($rule['name']), 'input');
        $pools = [];
        foreach ($rule['inputs'] as $field) {
            $pools[$field['name']] = self::pool($policy, $field, $cases);
        }
        $out = [];
        while (\count($out) < $n) {
            $shared = \count($out) % 3 === 0;
            if ($shared) {
                $record = $cases[mt_rand(0, \count($cases) - 1)];
            } else {
                $record = [];
                foreach ($rule['inputs'] as $field) {
                    $pool = $pools[$field['name']];
                    $record[$field['name']] = $pool[mt_rand(0, \count($pool) - 1)];
                }
            }
            foreach ($rule['inputs'] as $field) {
                if ($field['optional'] && mt_rand(0, 5) === 0) {
                    $record[$field['name']] = null;
                }
            }
            try {
                $policy->evaluate($rule['name'], $record);
            } catch (\Throwable $e) {
                if ($shared) {
                    throw $e;   // a case of the file is never left out
                }
                continue;
            }
            $out[] = $record;
        }
        return $out;
    }

    /**
     * The records as columns: input name => list of values (null where a
     * record leaves the input out).
     *
     * @param list<array<string, mixed>> $records
     *
     * @return array<string, list<mixed>>
     */
    private static function columns(array $rule, array $records): array
    {
        $columns = [];
        foreach ($rule['inputs'] as $field) {
            $columns[$field['name']] = array_map(static fn (array $r): mixed => $r[$field['name']] ?? null, $records);
        }
        return $columns;
    }

    /**
     * evaluateAll()'s rows as columns: output name => list of values.
     *
     * @param list<array<string, mixed>> $rows
     *
     * @return array<string, list<mixed>>
     */
    private static function transposed(array $rule, array $rows): array
    {
        $keys = array_keys(self::emptyAnswer($rule));
        $out = array_fill_keys($keys, []);
        foreach ($rows as $row) {
            self::assertSame($keys, array_keys($row));
            foreach ($row as $key => $value) {
                $out[$key][] = $value;
            }
        }
        return $out;
    }

    /** What a population of no record answers: every output an empty list, "eligible" first when undeclared. */
    private static function emptyAnswer(array $rule): array
    {
        $names = array_map(static fn (array $f): string => $f['name'], $rule['outputs']);
        if (!\in_array('eligible', $names, true)) {
            array_unshift($names, 'eligible');
        }
        return array_fill_keys($names, []);
    }

    /** Asserts that $population throws what $evaluateAll throws: class, code, message, field, index. */
    private function assertSameFailure(callable $population, callable $evaluateAll): \Throwable
    {
        $caught = [];
        foreach ([$population, $evaluateAll] as $call) {
            try {
                $call();
                $caught[] = null;
            } catch (\Throwable $e) {
                $caught[] = $e;
            }
        }
        [$got, $want] = $caught;
        $this->assertNotNull($want, 'evaluateAll() answered');
        $this->assertNotNull($got, 'population() answered where evaluateAll() threw: ' . $want->getMessage());
        $describe = static fn (\Throwable $e): array => [
            $e::class, $e->getCode(), $e->getMessage(),
            method_exists($e, 'getField') ? $e->getField() : '(none)',
            method_exists($e, 'getIndex') ? $e->getIndex() : '(none)',
        ];
        $this->assertSame($describe($want), $describe($got));
        return $got;
    }

    // ------------------------------------------------------------ answers

    /** Every declared family, on the built-in policy and on a what-if copy (values set by the caller). */
    public function testEveryRuleAnswersAsEvaluateAllDoes(): void
    {
        $whatIf = $this->policy->copy();
        foreach ($whatIf->parameters() as $key => $p) {
            if (str_starts_with($p->unit, 'VND') && $p->values[0]->value !== null) {
                $whatIf->set($key, '2024-01-01', $p->values[0]->value * 2);
            }
        }
        foreach (self::rules() as $name => $rule) {
            foreach (['built-in' => $this->policy, 'what-if' => $whatIf] as $which => $policy) {
                foreach ([self::RECORDS, 300] as $n) {
                    $records = self::records($policy, $rule, $n, crc32("$name $which $n"));
                    $got = $policy->population($name, self::columns($rule, $records));
                    $want = self::transposed($rule, $policy->evaluateAll($name, $records));
                    $this->assertSame(array_keys($want), array_keys($got), "$name, $which");
                    foreach ($want as $key => $values) {
                        $this->assertSame($values, $got[$key], "$name, $which, $n records: $key");
                    }
                }
            }
        }
    }

    public function testTheAnswerHasThePhpTypes(): void
    {
        foreach (self::rules() as $name => $rule) {
            $records = self::records($this->policy, $rule, 50, 7);
            $got = $this->policy->population($name, self::columns($rule, $records));
            $this->assertSame(array_fill(0, 50, true), array_map(static fn (bool $e, string $r): bool => $e === ($r === 'ok'), $got['eligible'], $got['reason']));
            foreach ($rule['outputs'] as $f) {
                $this->assertTrue(array_is_list($got[$f['name']]));
                foreach ($got[$f['name']] as $v) {
                    match ($f['type']) {
                        'bool' => $this->assertIsBool($v),
                        'money', 'int' => $this->assertIsInt($v),
                        'reason' => $this->assertContains($v, array_map(static fn ($c) => $c->value, \NhanLuc\Reason::cases())),
                        'certainty' => $this->assertContains($v, array_map(static fn ($c) => $c->value, \NhanLuc\Certainty::cases())),
                        default => $this->assertIsString($v),
                    };
                }
            }
            $this->assertContains($got['source'][0], array_column(array_merge(...array_map(
                static fn ($p) => array_map(static fn ($v) => ['source' => $v->source], $p->values),
                array_values($this->policy->parameters())
            )), 'source'));
        }
    }

    public function testOneValueStandsForEveryRecord(): void
    {
        foreach (self::rules() as $name => $rule) {
            $records = self::records($this->policy, $rule, 200, 11);
            $columns = self::columns($rule, $records);
            // Each input in turn given once, as the value of record 0, for all.
            foreach ($rule['inputs'] as $field) {
                $one = $columns[$field['name']][0];
                if ($one === null) {
                    continue;
                }
                $same = array_map(static fn (array $r): array => [$field['name'] => $one] + $r, $records);
                $want = self::transposed($rule, $this->policy->evaluateAll($name, $same));
                $this->assertSame($want, $this->policy->population($name, [$field['name'] => $one] + $columns), "$name: {$field['name']}");
            }
        }
        // A name stands for the unit of that name on each record's own day.
        $days = ['2025-06-30', '2025-07-01', '2024-05-01', '2025-12-31'];
        $got = $this->policy->population('attraction_subsidy', [
            'degree' => 'bachelor', 'major' => 'it', 'agency' => 'state', 'dedicated_post' => true,
            'workplace' => 'Sa Pa', 'start' => $days,
        ]);
        $cases = array_map(static fn (string $d): array => ['degree' => 'bachelor', 'major' => 'it', 'agency' => 'state',
            'dedicated_post' => true, 'workplace' => 'Sa Pa', 'start' => $d], $days);
        $this->assertSame(self::transposed(self::rules()['attraction_subsidy'], $this->policy->evaluateAll('attraction_subsidy', $cases)), $got);
        $this->assertSame([Facts::AMOUNT_CITY_TOWN, Facts::AMOUNT_CITY_TOWN, Facts::AMOUNT_CITY_TOWN, Facts::AMOUNT_CITY_TOWN], $got['amount']);
    }

    public function testOptionalColumnsLeftOutTakeTheirDefaults(): void
    {
        foreach (self::rules() as $name => $rule) {
            $optional = array_filter($rule['inputs'], static fn (array $f): bool => $f['optional']);
            if ($optional === []) {
                continue;
            }
            $records = self::records($this->policy, $rule, 100, 13);
            $columns = self::columns($rule, $records);
            $explicit = $columns;
            $nulls = $columns;
            foreach ($optional as $f) {
                unset($columns[$f['name']]);
                $explicit[$f['name']] = array_fill(0, 100, $f['type'] === 'code' ? $f['codes'][$f['default']] : ($f['type'] === 'bool' ? (bool) $f['default'] : $f['default']));
                $nulls[$f['name']] = null;
                foreach ($records as &$r) {
                    unset($r[$f['name']]);
                }
                unset($r);
            }
            $want = self::transposed($rule, $this->policy->evaluateAll($name, $records));
            $this->assertSame($want, $this->policy->population($name, $columns), "$name: left out");
            $this->assertSame($want, $this->policy->population($name, $explicit), "$name: the defaults given");
            $this->assertSame($want, $this->policy->population($name, $nulls), "$name: null");
        }
    }

    public function testColumnsMayBeNamedInCamelCase(): void
    {
        foreach (self::rules() as $name => $rule) {
            $records = self::records($this->policy, $rule, 40, 17);
            $columns = [];
            foreach (self::columns($rule, $records) as $key => $values) {
                $columns[self::camel($key)] = $values;
            }
            $this->assertSame(self::transposed($rule, $this->policy->evaluateAll($name, $records)), $this->policy->population($name, $columns));
        }
    }

    public function testAnEmptyPopulationAnswersEmptyLists(): void
    {
        foreach (self::rules() as $name => $rule) {
            $columns = array_fill_keys(array_map(static fn (array $f): string => $f['name'], $rule['inputs']), []);
            $this->assertSame(self::emptyAnswer($rule), $this->policy->population($name, $columns), $name);
            $required = array_filter($columns, static fn (string $k): bool => !self::field($rule, $k)['optional'], ARRAY_FILTER_USE_KEY);
            $this->assertSame(self::emptyAnswer($rule), $this->policy->plan($name)->run($required, 1), $name);
        }
    }

    /** @return array<string, mixed> */
    private static function field(array $rule, string $name): array
    {
        foreach ($rule['inputs'] as $f) {
            if ($f['name'] === $name) {
                return $f;
            }
        }
        throw new \LogicException("no input $name");
    }

    public function testOneAndTwoThreadsGiveTheSameAnswers(): void
    {
        foreach (self::rules() as $name => $rule) {
            $records = self::records($this->policy, $rule, 1000, 19);
            $small = self::columns($rule, $records);
            $times = intdiv(self::THREADED_RECORDS, 1000) + 1;
            $big = array_map(static fn (array $values): array => array_merge(...array_fill(0, $times, $values)), $small);
            $plan = $this->policy->plan($name);
            $one = $plan->run($big, 1);
            $two = $plan->run($big, 2);
            $this->assertSame($one, $two, $name);
            $this->assertSame($one, $plan->run($big), "$name, threads 0");
            $want = $plan->run($small, 1);
            foreach ($want as $key => $values) {
                $this->assertSame(array_merge(...array_fill(0, $times, $values)), $one[$key], "$name: $key");
            }
        }
    }

    // --------------------------------------------------------------- plans

    public function testAPlanIsMadeOnceAndRunsAgain(): void
    {
        foreach (self::rules() as $name => $rule) {
            $plan = $this->policy->plan($name);
            $this->assertInstanceOf(BatchPlan::class, $plan);
            $this->assertSame($name, $plan->rule());
            $this->assertSame($this->policy, $plan->policy());
            foreach ([23, 29, 31] as $seed) {
                $records = self::records($this->policy, $rule, 2500, $seed);
                $this->assertSame(self::transposed($rule, $this->policy->evaluateAll($name, $records)), $plan->run(self::columns($rule, $records)), "$name, seed $seed");
            }
        }
    }

    public function testAPlanRefusesToRunOnceItsPolicyChanged(): void
    {
        $columns = ['degree' => ['master', 'bachelor'], 'experience_years' => [8, 10], 'on' => '2025-07-01'];
        $plan = $this->policy->plan('expert_salary_cap');
        $before = $plan->run($columns);
        $this->policy->set('expert.cap.level1', '2025-07-01', 90_000_000);
        foreach ([$columns, ['degree' => [], 'experience_years' => [], 'on' => []]] as $given) {
            $e = $this->assertThrowsCode(InvalidArgumentError::class, 1, static fn () => $plan->run($given));
            $this->assertSame('policy', $e->getField());
            $this->assertStringContainsString('the policy changed after the plan was made', $e->getMessage());
            $this->assertNull($e->getIndex());
        }
        $after = $this->policy->plan('expert_salary_cap')->run($columns);
        $this->assertSame([90_000_000, $before['monthly'][1]], $after['monthly']);
        $this->assertSame($after, $this->policy->population('expert_salary_cap', $columns));

        $plan = $this->policy->plan('attraction_subsidy');
        $this->policy->end('attraction.period', '2024-01-01');
        $e = $this->assertThrowsCode(InvalidArgumentError::class, 1, static fn () => $plan->run(['degree' => ['bachelor'],
            'major' => 'it', 'agency' => 'state', 'dedicated_post' => true, 'workplace' => 88, 'start' => '2024-05-01']));
        $this->assertSame('policy', $e->getField());
    }

    public function testAWhatIfOnACopyLeavesThePlansOfTheOriginalAlone(): void
    {
        $plan = $this->policy->plan('attraction_subsidy');
        $copy = $this->policy->copy();
        $copy->set('attraction.amount.district', '2021-01-01', 200_000_000);
        $columns = ['degree' => ['bachelor'], 'major' => 'it', 'agency' => 'state', 'dedicated_post' => true,
            'workplace' => 82, 'start' => '2024-05-01'];
        $this->assertSame([Facts::AMOUNT_DISTRICT], $plan->run($columns)['amount']);
        $this->assertSame([200_000_000], $copy->plan('attraction_subsidy')->run($columns)['amount']);
    }

    public function testAPlanKeepsItsPolicyAlive(): void
    {
        $columns = ['degree' => ['bachelor'], 'major' => 'it', 'agency' => 'state', 'dedicated_post' => true,
            'workplace' => 82, 'start' => '2024-05-01'];
        $plan = Policy::defaultPolicy()->plan('attraction_subsidy');
        gc_collect_cycles();
        $this->assertSame([Facts::AMOUNT_DISTRICT], $plan->run($columns)['amount']);
        // The extension's own plan object holds its nl_policy too.
        $raw = \nlb_batch_plan_create(\nl_policy_default(), 'attraction_subsidy');
        gc_collect_cycles();
        $this->assertSame([Facts::AMOUNT_DISTRICT], \nlb_batch_run($raw, $columns, 1)['amount']);
        // Many plans, freed in any order with their policies.
        $plans = [];
        for ($i = 0; $i < 50; $i++) {
            $p = $i % 2 ? Policy::defaultPolicy() : $this->policy->copy();
            $plans[] = $p->plan('training_support');
            $plans[] = $p->plan('training_support');
        }
        unset($p);
        shuffle($plans);
        while ($plans !== []) {
            $plan = array_pop($plans);
            $this->assertSame([true], $plan->run(['dedicated_official' => [true], 'short_concentrated' => true,
                'days' => 2, 'start' => '2024-05-01'])['eligible']);
        }
    }

    /** The extension's plan object: BindingTest (made, copied, serialized, owned only as the library's). */
    public function testAPlanCannotBeSerialized(): void
    {
        $plan = $this->policy->plan('attraction_subsidy');
        $this->expectException(\LogicException::class);
        serialize($plan);
    }

    public function testAnUnknownRuleIsNotFound(): void
    {
        $this->assertThrowsCode(NotFoundException::class, 4, fn () => $this->policy->plan('monthly_allowance'));
        $this->assertThrowsCode(NotFoundException::class, 4, fn () => $this->policy->population('', ['degree' => []]));
    }

    // -------------------------------------------------------------- errors

    private const SUBSIDY = ['degree' => 'bachelor', 'major' => 'it', 'agency' => 'state',
        'dedicated_post' => true, 'workplace' => '088', 'start' => '2024-05-01'];

    /** Records of the subsidy with $changes at the given positions, and their columns. */
    private static function subsidyWith(int $n, array $changes): array
    {
        $records = array_fill(0, $n, self::SUBSIDY);
        foreach ($changes as $k => $fields) {
            $records[$k] = $fields + $records[$k];
        }
        return [$records, self::columns(self::rules()['attraction_subsidy'], $records)];
    }

    public function testAColumnOfNoInputIsRefused(): void
    {
        $columns = self::columns(self::rules()['attraction_subsidy'], [self::SUBSIDY]);
        $e = $this->assertThrowsCode(InvalidArgumentError::class, 1, fn () => $this->policy->population('attraction_subsidy', ['degre' => ['bachelor']] + $columns));
        $this->assertSame('degre', $e->getField());
        $this->assertSame('attraction_subsidy(): unknown column "degre"', $e->getMessage());
        $e = $this->assertThrowsCode(InvalidArgumentError::class, 1, fn () => $this->policy->population('attraction_subsidy', [self::SUBSIDY]));
        $this->assertSame('0', $e->getField());
        $this->assertStringContainsString('unknown column (an integer key)', $e->getMessage());
        $e = $this->assertThrowsCode(InvalidArgumentError::class, 1, fn () => $this->policy->population('attraction_subsidy', ['dedicatedPost' => [true]] + $columns));
        $this->assertSame('dedicated_post', $e->getField());
        $this->assertStringContainsString('given twice', $e->getMessage());
        $long = str_repeat('x', 1 << 20);
        $e = $this->assertThrowsCode(InvalidArgumentError::class, 1, fn () => $this->policy->population('attraction_subsidy', [$long => [1]] + $columns));
        $this->assertLessThan(300, \strlen($e->getMessage()));
        $this->assertSame($long, $e->getField());
    }

    public function testARequiredColumnLeftOutIsRefused(): void
    {
        foreach (self::rules() as $name => $rule) {
            $columns = self::columns($rule, self::records($this->policy, $rule, 5, 3));
            foreach ($rule['inputs'] as $f) {
                if ($f['optional']) {
                    continue;
                }
                foreach (['left out' => null, 'null' => [$f['name'] => null]] as $how => $instead) {
                    $given = $columns;
                    unset($given[$f['name']]);
                    $given = ($instead ?? []) + $given;
                    $e = $this->assertThrowsCode(InvalidArgumentError::class, 1, fn () => $this->policy->population($name, $given));
                    $this->assertSame($f['name'], $e->getField(), "$name, $how");
                    $this->assertSame("$name(): missing column \"{$f['name']}\"", $e->getMessage());
                }
            }
        }
    }

    public function testColumnsOfAnotherLengthAreRefused(): void
    {
        [, $columns] = self::subsidyWith(4, []);
        $columns['agency'] = ['state', 'state', 'state'];
        $e = $this->assertThrowsCode(InvalidArgumentError::class, 1, fn () => $this->policy->population('attraction_subsidy', $columns));
        $this->assertSame('agency', $e->getField());
        $this->assertSame('attraction_subsidy(): column "agency" has 3 values, column "major" 4', $e->getMessage());
        $columns['agency'] = [];
        $e = $this->assertThrowsCode(InvalidArgumentError::class, 1, fn () => $this->policy->population('attraction_subsidy', $columns));
        $this->assertSame('agency', $e->getField());
    }

    public function testAColumnMustBeAList(): void
    {
        [, $columns] = self::subsidyWith(3, []);
        foreach (['keys from 1' => [1 => 'it', 2 => 'it', 3 => 'it'], 'out of order' => [1 => 'it', 0 => 'it', 2 => 'it'],
                  'a hole' => [0 => 'it', 1 => 'it', 3 => 'it'], 'text keys' => ['a' => 'it', 'b' => 'it', 'c' => 'it']] as $what => $major) {
            $e = $this->assertThrowsCode(InvalidArgumentError::class, 1, fn () => $this->policy->population('attraction_subsidy', ['major' => $major] + $columns));
            $this->assertSame('major', $e->getField(), $what);
            $this->assertStringContainsString('column "major" is not a list', $e->getMessage());
        }
        $unset = $columns['major'];
        unset($unset[1]);
        $e = $this->assertThrowsCode(InvalidArgumentError::class, 1, fn () => $this->policy->population('attraction_subsidy', ['major' => $unset] + $columns));
        $this->assertSame('major', $e->getField());
        // Only single values: how many records is unknown.
        $e = $this->assertThrowsCode(InvalidArgumentError::class, 1, fn () => $this->policy->population('attraction_subsidy', self::SUBSIDY));
        $this->assertNull($e->getField());
        $this->assertStringContainsString('no column is a list', $e->getMessage());
    }

    /** A bad value at record k throws what evaluateAll() throws for the same records: the first bad record's. */
    public function testABadValueThrowsTheExceptionOfItsRecord(): void
    {
        $bad = [
            'code name' => [['degree' => 'phd'], InvalidArgumentError::class, 'degree'],
            'code out of range' => [['major' => 3], InvalidArgumentError::class, 'major'],
            'code past 32 bits' => [['agency' => 1 << 40], InvalidArgumentError::class, 'agency'],
            'another enum' => [['degree' => \NhanLuc\Major::InformationTechnology], \TypeError::class, null],
            'impossible date' => [['start' => '2023-02-29'], DateError::class, 'start'],
            'date out of range' => [['start' => '10000-01-01'], DateError::class, 'start'],
            'date as a day number' => [['start' => 19844], \TypeError::class, null],
            'text workplace' => [['workplace' => '08a'], InvalidArgumentError::class, 'workplace'],
            'no unit of the name' => [['workplace' => 'Paris'], NotFoundException::class, 'workplace'],
            'a unit not yet formed' => [['workplace' => 'Phường Cam Đường', 'start' => '2025-06-30'], NotFoundException::class, 'workplace'],
            'workplace out of range' => [['workplace' => 100000], InvalidArgumentError::class, 'workplace'],
            'workplace past 32 bits' => [['workplace' => 1 << 40], OverflowException::class, 'workplace'],
            'bool as text' => [['dedicated_post' => 'no'], \TypeError::class, null],
            'bool as int' => [['dedicated_post' => 1], \TypeError::class, null],
            'float code' => [['degree' => 2.0], \TypeError::class, null],
            'array value' => [['start' => ['2024-05-01']], \TypeError::class, null],
            'null required' => [['degree' => null], InvalidArgumentError::class, 'degree'],
            'bad code and bad date: the code' => [['degree' => 9, 'start' => '2024-13-01'], InvalidArgumentError::class, 'degree'],
            'bad date and unknown name: the date' => [['workplace' => 'Paris', 'start' => '2024-13-01'], DateError::class, 'start'],
            'unknown name and bad code: the code' => [['workplace' => 'Paris', 'degree' => 9], InvalidArgumentError::class, 'degree'],
        ];
        foreach ($bad as $what => [$fields, $class, $field]) {
            foreach ([5, 2500] as $n) {
                foreach ([0, 3] as $k) {
                    [$records, $columns] = self::subsidyWith($n, [$k => $fields, $k + 1 => ['degree' => 'phd']]);
                    $e = $this->assertSameFailure(
                        fn () => $this->policy->population('attraction_subsidy', $columns),
                        fn () => $this->policy->evaluateAll('attraction_subsidy', $records)
                    );
                    $this->assertInstanceOf($class, $e, "$what: " . $e->getMessage());
                    $this->assertStringStartsWith("record $k: attraction_subsidy(): ", $e->getMessage(), $what);
                    if ($field !== null) {
                        $this->assertSame($field, $e->getField(), $what);
                        $this->assertSame($k, $e->getIndex(), $what);
                    }
                }
            }
        }
    }

    public function testTheFirstBadRecordWinsWhateverFindsIt(): void
    {
        // A value the library refuses (day 0 of a course) before one the
        // extension cannot convert, and the other way round; and faults in
        // the same column and in one given once for every record.
        $training = self::rules()['training_support'];
        $base = ['dedicated_official' => true, 'short_concentrated' => true, 'tuition' => 5_000_000, 'days' => 5, 'start' => '2024-03-04'];
        $layouts = [
            [3 => ['days' => 0], 7 => ['start' => '2024-02-30']],
            [3 => ['start' => '2024-02-30'], 7 => ['days' => 0]],
            [3 => ['dedicated_official' => 'yes'], 7 => ['days' => 0]],
            [3 => ['days' => 0], 7 => ['dedicated_official' => 'yes']],
            [2 => ['meals' => -1], 2000 => ['days' => 0]],
            [2100 => ['tuition' => PHP_INT_MAX, 'materials' => PHP_INT_MAX], 2200 => ['meals' => -1]],
        ];
        foreach ([12, 3000] as $n) {
            foreach ($layouts as $i => $changes) {
                if (max(array_keys($changes)) >= $n) {
                    continue;
                }
                $records = array_fill(0, $n, $base);
                foreach ($changes as $k => $fields) {
                    $records[$k] = $fields + $records[$k];
                }
                $e = $this->assertSameFailure(
                    fn () => $this->policy->population('training_support', self::columns($training, $records)),
                    fn () => $this->policy->evaluateAll('training_support', $records)
                );
                $first = min(array_keys($changes));
                $this->assertStringStartsWith("record $first: ", $e->getMessage(), "layout $i");
            }
        }
        // A sum past the largest integer: computed by the library, at its record.
        $records = array_fill(0, 3000, $base);
        $records[2999] = ['tuition' => PHP_INT_MAX, 'meals' => 200_000] + $base;
        $e = $this->assertSameFailure(
            fn () => $this->policy->population('training_support', self::columns($training, $records)),
            fn () => $this->policy->evaluateAll('training_support', $records)
        );
        $this->assertInstanceOf(OverflowException::class, $e);
        $this->assertSame(2999, $e->getIndex());
        // A bad value given once is bad in record 0.
        $e = $this->assertThrowsCode(DateError::class, 3, fn () => $this->policy->population('training_support',
            ['start' => '2024-02-30'] + self::columns($training, array_fill(0, 4, $base))));
        $this->assertSame(0, $e->getIndex());
        $this->assertSame('start', $e->getField());
    }

    public function testThreadsMustNotBeNegative(): void
    {
        [, $columns] = self::subsidyWith(3, []);
        $e = $this->assertThrowsCode(InvalidArgumentError::class, 1, fn () => $this->policy->population('attraction_subsidy', $columns, threads: -1));
        $this->assertSame('threads', $e->getField());
        $this->expectException(\TypeError::class);
        $this->policy->population('attraction_subsidy', $columns, threads: '2');
    }

    public function testEvaluateAllGivesTheIndexToo(): void
    {
        $e = $this->assertThrowsCode(InvalidArgumentError::class, 1, fn () => $this->policy->evaluateAll('attraction_subsidy', [self::SUBSIDY, ['degree' => 'phd'] + self::SUBSIDY]));
        $this->assertSame(1, $e->getIndex());
        $e = $this->assertThrowsCode(InvalidArgumentError::class, 1, fn () => $this->policy->evaluateAll('attraction_subsidy', ['lan' => ['degree' => 'phd'] + self::SUBSIDY]));
        $this->assertNull($e->getIndex());
        $e = $this->assertThrowsCode(InvalidArgumentError::class, 1, fn () => $this->policy->evaluate('attraction_subsidy', ['degree' => 'phd'] + self::SUBSIDY));
        $this->assertNull($e->getIndex());
    }
}
