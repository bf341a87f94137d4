<?php
/**
 * The bad input matrix, PHP column (docs/hardening.md, "Bad input classes").
 *
 * Every row of that table has an id (null-pointer, enum-out-of-range, ...).
 * cases() yields one data set per example, named "row: example", so
 * `phpunit --filter 'null-pointer'` runs a row; each is a call with one bad
 * input and what must come back: an exception (class and getCode()), an
 * answer (not qualifying is an answer, never an exception) or a value.
 * After a call that throws, the policy it was given is unchanged.
 * testTheTableAndTheCasesHaveTheSameRows checks that this file and the table
 * list exactly the same rows and that no PHP cell of the table is empty.
 *
 * Calls are in strict mode (this file); the rows where PHP's coercive mode
 * changes anything also run through tests/php/data/coercive_matrix.php.
 */

declare(strict_types=1);

namespace NhanLuc\Tests;

use NhanLuc\Certainty;
use NhanLuc\DateError;
use NhanLuc\Degree;
use NhanLuc\InvalidArgumentError;
use NhanLuc\IOException;
use NhanLuc\Major;
use NhanLuc\NotFoundException;
use NhanLuc\NotInForceException;
use NhanLuc\OverflowException;
use NhanLuc\ParseException;
use NhanLuc\Policy;
use NhanLuc\Reason;
use NhanLuc\Tests\Coercive;
use PHPUnit\Framework\TestCase;

require_once __DIR__ . '/data/coercive_matrix.php';

final class BadInputMatrixTest extends TestCase
{
    private const INT_MIN = -2147483648;
    private const INT_MAX = 2147483647;
    private const DATE_MIN = -719162;   // 0001-01-01 as a library day number
    private const DATE_MAX = 2932896;   // 9999-12-31
    private const D2024 = 19844;        // 2024-05-01
    private const MIB = 1 << 20;

    // Status codes (getCode()); PHP's own TypeError has code 0.
    private const EINVAL = 1;
    private const ERANGE = 2;
    private const EDATE = 3;
    private const ENOTFOUND = 4;
    private const ENOTINFORCE = 5;
    private const EPARSE = 6;
    private const EIO = 7;

    private const SUBSIDY = [
        'degree' => 'bachelor', 'major' => 'it', 'agency' => 'state',
        'dedicated_post' => true, 'workplace' => 82, 'start' => '2023-05-01',
    ];
    private const EXPERT = ['degree' => 'master', 'experience_years' => 6, 'on' => '2024-01-01'];
    private const TRAINING = [
        'dedicated_official' => true, 'short_concentrated' => true, 'tuition' => 3_000_000,
        'materials' => 200_000, 'meals' => 500_000, 'travel' => 300_000, 'days' => 5,
        'start' => '2023-03-01',
    ];

    // --------------------------------------------------------- expectations

    private static function throws(string $class, int $code, ?string $message = null): array
    {
        return ['throws' => $class, 'code' => $code, 'message' => $message];
    }

    private static function answer(array $fields): array
    {
        return ['answer' => $fields];
    }

    private static function returns(mixed $value): array
    {
        return ['returns' => $value];
    }

    // ---------------------------------------------------------- call makers

    private static function subsidy(array $changes): \Closure
    {
        return static fn (Policy $p) => $p->attractionSubsidy(array_merge(self::SUBSIDY, $changes));
    }

    private static function expert(array $changes): \Closure
    {
        return static fn (Policy $p) => $p->expertSalaryCap(array_merge(self::EXPERT, $changes));
    }

    private static function training(array $changes): \Closure
    {
        return static fn (Policy $p) => $p->trainingSupport(array_merge(self::TRAINING, $changes));
    }

    /** The extension's generic call (what every Policy rule method makes), good case changed by $changes. */
    private static function raw(string $rule, array $changes): \Closure
    {
        $good = ['attraction_subsidy' => self::SUBSIDY, 'expert_salary_cap' => self::EXPERT,
            'training_support' => self::TRAINING][$rule];
        return static fn (Policy $p, \nl_policy $raw) => \nlb_rule_eval($raw, $rule, array_merge($good, $changes));
    }

    /** A population of three good subsidy cases as columns, some replaced by $columns. */
    private static function population(array $columns): \Closure
    {
        $good = ['degree' => ['bachelor', 'master', 'bachelor'], 'major' => 'it', 'agency' => ['state', 'state', 'party'],
            'dedicated_post' => true, 'workplace' => [82, '088', 'Sa Pa'], 'start' => '2023-05-01'];
        return static fn (Policy $p) => $p->population('attraction_subsidy', array_merge($good, $columns));
    }

    /** The same for training claims. */
    private static function trainingPopulation(array $columns): \Closure
    {
        $good = array_map(static fn (mixed $v): array => [$v, $v], self::TRAINING);
        return static fn (Policy $p) => $p->population('training_support', array_merge($good, $columns));
    }

    /** The same rule called in coercive mode, with the fields as an array. */
    private static function coerciveSubsidy(array $changes): \Closure
    {
        return static fn (Policy $p) => Coercive\call([$p, 'attractionSubsidy'], array_merge(self::SUBSIDY, $changes));
    }

    private static function coerciveTraining(array $changes): \Closure
    {
        return static fn (Policy $p) => Coercive\call([$p, 'trainingSupport'], array_merge(self::TRAINING, $changes));
    }

    /** Named arguments (camelCase) of attractionSubsidy, strict or coercive. */
    private static function namedSubsidy(array $changes, bool $coercive = false): \Closure
    {
        $args = [];
        foreach (array_merge(self::SUBSIDY, $changes) as $k => $v) {
            $args[lcfirst(str_replace('_', '', ucwords($k, '_')))] = $v;
        }
        return $coercive
            ? static fn (Policy $p) => Coercive\call([$p, 'attractionSubsidy'], ...$args)
            : static fn (Policy $p) => $p->attractionSubsidy(...$args);
    }

    /** Named arguments (camelCase) of trainingSupport, strict or coercive. */
    private static function namedTraining(array $changes, bool $coercive = false): \Closure
    {
        $args = [];
        foreach (array_merge(self::TRAINING, $changes) as $k => $v) {
            $args[lcfirst(str_replace('_', '', ucwords($k, '_')))] = $v;
        }
        return $coercive
            ? static fn (Policy $p) => Coercive\call([$p, 'trainingSupport'], ...$args)
            : static fn (Policy $p) => $p->trainingSupport(...$args);
    }

    // ---------------------------------------------------------------- cases

    /** @return iterable<string, array{\Closure, array}> */
    public function cases(): iterable
    {
        $r = 'null-pointer';
        // The layer never hands a null handle to C. The extension refuses
        // null for a policy or a string (TypeError). The families' typed C
        // functions are not part of the extension: rules go through
        // nlb_rule_eval(), which takes the family by name.
        yield "$r: nl_policy_get null policy" => [static fn () => \nl_policy_get(null, 'expert.cap.level1', self::D2024), self::throws(\TypeError::class, 0)];
        yield "$r: nlb_rule_eval null policy" => [static fn () => \nlb_rule_eval(null, 'attraction_subsidy', self::SUBSIDY), self::throws(\TypeError::class, 0)];
        yield "$r: nlb_rule_eval null case" => [static fn (Policy $p, \nl_policy $raw) => \nlb_rule_eval($raw, 'attraction_subsidy', null), self::throws(\TypeError::class, 0)];
        yield "$r: nl_policy_get null key" => [static fn (Policy $p, \nl_policy $raw) => \nl_policy_get($raw, null, self::D2024), self::throws(\TypeError::class, 0)];
        yield "$r: nl_policy_load null" => [static fn () => \nl_policy_load(null), self::throws(\TypeError::class, 0)];
        yield "$r: nl_policy_parse null" => [static fn () => \nl_policy_parse(null), self::throws(\TypeError::class, 0)];
        yield "$r: nl_policy_clone null" => [static fn () => \nl_policy_clone(null), self::throws(\TypeError::class, 0)];
        yield "$r: nl_date_parse null" => [static fn () => \nl_date_parse(null), self::throws(\TypeError::class, 0)];
        yield "$r: coercive nl_policy_get null policy" => [static fn () => Coercive\call('nl_policy_get', null, 'expert.cap.level1', self::D2024), self::throws(\TypeError::class, 0)];
        yield "$r: coercive nl_policy_get null key is \"\"" => [static fn (Policy $p, \nl_policy $raw) => Coercive\callQuietly('nl_policy_get', $raw, null, self::D2024), self::throws(NotFoundException::class, self::ENOTFOUND)];
        yield "$r: nlb_rule_eval a policy as case" => [static fn (Policy $p, \nl_policy $raw) => \nlb_rule_eval($raw, 'training_support', $raw), self::throws(\TypeError::class, 0)];
        yield "$r: nlb_rule_eval no such family" => [static fn (Policy $p, \nl_policy $raw) => \nlb_rule_eval($raw, 'attraction', self::SUBSIDY), self::throws(NotFoundException::class, self::ENOTFOUND)];

        $r = 'enum-out-of-range';
        foreach ([-1, self::INT_MIN, self::INT_MAX, 1 << 40, PHP_INT_MIN] as $v) {
            yield "$r: subsidy degree $v" => [self::subsidy(['degree' => $v]), self::throws(InvalidArgumentError::class, self::EINVAL, 'degree')];
            yield "$r: subsidy major $v" => [self::subsidy(['major' => $v]), self::throws(InvalidArgumentError::class, self::EINVAL, 'major')];
            yield "$r: subsidy agency $v" => [self::subsidy(['agency' => $v]), self::throws(InvalidArgumentError::class, self::EINVAL, 'agency')];
            yield "$r: expert degree $v" => [self::expert(['degree' => $v]), self::throws(InvalidArgumentError::class, self::EINVAL, 'degree')];
            yield "$r: expert role $v" => [self::expert(['role' => $v]), self::throws(InvalidArgumentError::class, self::EINVAL, 'role')];
        }
        yield "$r: subsidy degree 5" => [self::subsidy(['degree' => 5]), self::throws(InvalidArgumentError::class, self::EINVAL, 'degree')];
        yield "$r: subsidy major 3" => [self::subsidy(['major' => 3]), self::throws(InvalidArgumentError::class, self::EINVAL, 'major')];
        yield "$r: subsidy agency 3" => [self::subsidy(['agency' => 3]), self::throws(InvalidArgumentError::class, self::EINVAL, 'agency')];
        yield "$r: expert role 3" => [self::expert(['role' => 3]), self::throws(InvalidArgumentError::class, self::EINVAL, 'role')];
        yield "$r: named degree 5" => [static fn (Policy $p) => $p->expertSalaryCap(degree: 5, experienceYears: 6, on: '2024-01-01'), self::throws(InvalidArgumentError::class, self::EINVAL, 'degree')];
        yield "$r: nlb degree 5" => [self::raw('attraction_subsidy', ['degree' => 5]), self::throws(InvalidArgumentError::class, self::EINVAL, 'degree')];
        yield "$r: nlb role -1" => [self::raw('expert_salary_cap', ['role' => -1]), self::throws(InvalidArgumentError::class, self::EINVAL, 'role')];
        yield "$r: nlb degree past the C int" => [self::raw('attraction_subsidy', ['degree' => 1 << 40]), self::throws(InvalidArgumentError::class, self::EINVAL, 'degree')];

        $r = 'experience-not-finite';
        foreach (['NAN' => NAN, 'INF' => INF, '-INF' => -INF, '-1.0' => -1.0, '-PHP_FLOAT_MIN' => -PHP_FLOAT_MIN, '-5e-324' => -5e-324, '-PHP_FLOAT_MAX' => -PHP_FLOAT_MAX, '-1' => -1] as $label => $v) {
            yield "$r: experience_years $label" => [self::expert(['experience_years' => $v]), self::throws(InvalidArgumentError::class, self::EINVAL, 'experience_years')];
        }
        yield "$r: named experienceYears NAN" => [static fn (Policy $p) => $p->expertSalaryCap(degree: 'master', experienceYears: NAN, on: '2024-01-01'), self::throws(InvalidArgumentError::class, self::EINVAL)];
        yield "$r: nlb experience NAN" => [self::raw('expert_salary_cap', ['experience_years' => NAN]), self::throws(InvalidArgumentError::class, self::EINVAL, 'experience_years')];
        yield "$r: -0.0 is zero years" => [self::expert(['experience_years' => -0.0]), self::answer(['reason' => 'ok', 'level' => 4])];
        yield "$r: PHP_FLOAT_MAX is a lot" => [self::expert(['experience_years' => PHP_FLOAT_MAX]), self::answer(['reason' => 'ok', 'level' => 1])];
        yield "$r: PHP_INT_MAX is a lot" => [self::expert(['experience_years' => PHP_INT_MAX]), self::answer(['reason' => 'ok', 'level' => 1])];

        $r = 'negative-money';
        foreach (['tuition', 'materials', 'meals', 'travel'] as $field) {
            foreach ([-1, PHP_INT_MIN] as $v) {
                yield "$r: $field $v" => [self::training([$field => $v]), self::throws(InvalidArgumentError::class, self::EINVAL)];
            }
            yield "$r: $field -1 not qualifying" => [self::training([$field => -1, 'dedicated_official' => false]), self::throws(InvalidArgumentError::class, self::EINVAL)];
        }
        yield "$r: nlb tuition -1" => [self::raw('training_support', ['tuition' => -1]), self::throws(InvalidArgumentError::class, self::EINVAL, 'tuition')];

        $r = 'days-below-one';
        foreach ([0, -1, self::INT_MIN] as $v) {
            yield "$r: days $v" => [self::training(['days' => $v]), self::throws(InvalidArgumentError::class, self::EINVAL)];
        }
        yield "$r: days INT_MAX is fine" => [self::training(['days' => self::INT_MAX]), self::answer(['reason' => 'ok'])];

        $r = 'workplace-out-of-range';
        foreach ([-1, 100000, self::INT_MIN, self::INT_MAX, PHP_INT_MAX, PHP_INT_MIN] as $v) {
            // Past the 32 bits of the field: a range error, as in C and Python.
            $past = $v > self::INT_MAX || $v < self::INT_MIN;
            yield "$r: subsidy workplace $v" => [self::subsidy(['workplace' => $v]), $past ? self::throws(OverflowException::class, self::ERANGE, 'workplace') : self::throws(InvalidArgumentError::class, self::EINVAL, 'workplace')];
            yield "$r: workplace($v)" => [static fn (Policy $p) => $p->workplace($v), self::throws(InvalidArgumentError::class, self::EINVAL)];
        }
        yield "$r: subsidy workplace \"100000\"" => [self::subsidy(['workplace' => '100000']), self::throws(InvalidArgumentError::class, self::EINVAL)];
        yield "$r: nl_policy_workplace 100000" => [static fn (Policy $p, \nl_policy $raw) => \nl_policy_workplace($raw, 100000), self::throws(InvalidArgumentError::class, self::EINVAL)];

        $r = 'workplace-not-in-province';
        foreach ([81, 0, 999, 1000, 99999, '081', '000', '90', '1000', '01000', '99999'] as $v) {
            yield "$r: subsidy workplace " . var_export($v, true) => [self::subsidy(['workplace' => $v]), self::answer(['reason' => 'outside_province', 'eligible' => false, 'amount' => 0])];
        }
        yield "$r: workplace(81)" => [static fn (Policy $p) => $p->workplace(81), self::throws(NotFoundException::class, self::ENOTFOUND, '081')];
        yield "$r: workplace(\"081\")" => [static fn (Policy $p) => $p->workplace('081'), self::throws(NotFoundException::class, self::ENOTFOUND)];
        yield "$r: nl_policy_workplace 81" => [static fn (Policy $p, \nl_policy $raw) => \nl_policy_workplace($raw, 81), self::throws(NotFoundException::class, self::ENOTFOUND)];
        yield "$r: workplace(1000)" => [static fn (Policy $p) => $p->workplace(1000), self::throws(NotFoundException::class, self::ENOTFOUND, '01000')];
        yield "$r: workplace(\"99999\")" => [static fn (Policy $p) => $p->workplace('99999'), self::throws(NotFoundException::class, self::ENOTFOUND)];
        yield "$r: nl_policy_workplace 1000" => [static fn (Policy $p, \nl_policy $raw) => \nl_policy_workplace($raw, 1000), self::throws(NotFoundException::class, self::ENOTFOUND)];
        yield "$r: nl_policy_workplace 99999" => [static fn (Policy $p, \nl_policy $raw) => \nl_policy_workplace($raw, 99999), self::throws(NotFoundException::class, self::ENOTFOUND)];

        $r = 'date-out-of-range';
        foreach (['10000-01-01', '0000-12-31', '-001-01-01'] as $d) {
            yield "$r: subsidy start $d" => [self::subsidy(['start' => $d]), self::throws(DateError::class, self::EDATE)];
            yield "$r: expert on $d" => [self::expert(['on' => $d]), self::throws(DateError::class, self::EDATE)];
            yield "$r: training start $d" => [self::training(['start' => $d]), self::throws(DateError::class, self::EDATE)];
            yield "$r: get on $d" => [static fn (Policy $p) => $p->get('expert.cap.level1', $d), self::throws(DateError::class, self::EDATE)];
            yield "$r: set since $d" => [static fn (Policy $p) => $p->set('expert.cap.level1', $d, 1), self::throws(DateError::class, self::EDATE)];
        }
        foreach ([10000, 0, -5] as $year) {
            yield "$r: DateTimeImmutable in year $year" => [self::subsidy(['start' => (new \DateTimeImmutable('2024-05-01'))->setDate($year, 1, 1)]), self::throws(DateError::class, self::EDATE)];
        }
        foreach ([self::DATE_MIN - 1, self::DATE_MAX + 1, self::INT_MIN, self::INT_MAX] as $day) {
            yield "$r: nl_policy_set day $day" => [static fn (Policy $p, \nl_policy $raw) => \nl_policy_set(\nl_policy_clone($raw), 'expert.cap.level1', $day, 1), self::throws(DateError::class, self::EDATE)];
        }
        foreach (['0001-01-01', '9999-12-31'] as $d) {
            yield "$r: first/last day $d is a date" => [self::subsidy(['start' => $d]), self::answer(['reason' => 'not_in_force', 'amount' => 0])];
        }

        $r = 'impossible-date';
        foreach (['2023-02-29', '2023-1-01', ' 2023-01-01', '2023-01-01 ', '2023-13-01', '2024-02-30', '2023/01/01', '', '2023-01-01T00:00', '２０２３-01-01', "2023-01-01\n"] as $d) {
            $label = json_encode($d, JSON_UNESCAPED_UNICODE);
            yield "$r: subsidy start $label" => [self::subsidy(['start' => $d]), self::throws(DateError::class, self::EDATE)];
            yield "$r: expert on $label" => [self::expert(['on' => $d]), self::throws(DateError::class, self::EDATE)];
            yield "$r: training start $label" => [self::training(['start' => $d]), self::throws(DateError::class, self::EDATE)];
        }
        yield "$r: get" => [static fn (Policy $p) => $p->get('expert.cap.level1', '2023-02-29'), self::throws(DateError::class, self::EDATE)];
        yield "$r: getValue" => [static fn (Policy $p) => $p->getValue('expert.cap.level1', '2023-02-29'), self::throws(DateError::class, self::EDATE)];
        yield "$r: set" => [static fn (Policy $p) => $p->set('expert.cap.level1', '2023-02-29', 1), self::throws(DateError::class, self::EDATE)];
        yield "$r: end" => [static fn (Policy $p) => $p->end('expert.cap.level1', '2023-02-29'), self::throws(DateError::class, self::EDATE)];
        yield "$r: nl_date_ymd(2023, 13, 1)" => [static fn () => \nl_date_ymd(2023, 13, 1), self::throws(DateError::class, self::EDATE)];
        yield "$r: nl_date_parse('2023-02-29')" => [static fn () => \nl_date_parse('2023-02-29'), self::throws(DateError::class, self::EDATE)];
        // A DateTime cannot hold an impossible date: PHP rolls it over when it is made.
        yield "$r: DateTime 2023-02-29 is 2023-03-01" => [self::subsidy(['start' => (new \DateTimeImmutable('2023-01-01'))->setDate(2023, 2, 29)]), self::answer(['reason' => 'ok'])];

        $r = 'not-in-force';
        yield "$r: expert on 2015-02-28" => [self::expert(['on' => '2015-02-28']), self::answer(['reason' => 'not_in_force', 'level' => 0])];
        yield "$r: subsidy after the period" => [self::subsidy(['start' => '2026-02-01']), self::answer(['reason' => 'not_in_force', 'amount' => 0])];
        yield "$r: training before the period" => [self::training(['start' => '2020-12-31']), self::answer(['reason' => 'not_in_force', 'total' => 0])];
        yield "$r: get on 2015-02-28" => [static fn (Policy $p) => $p->get('expert.cap.level1', '2015-02-28'), self::throws(NotInForceException::class, self::ENOTINFORCE)];
        yield "$r: getValue on 2015-02-28" => [static fn (Policy $p) => $p->getValue('expert.cap.level1', new \DateTimeImmutable('2015-02-28')), self::throws(NotInForceException::class, self::ENOTINFORCE)];
        yield "$r: get after end()" => [static function (Policy $p) {
            $p->end('attraction.amount.district', '2024-01-01');
            return $p->get('attraction.amount.district', '2024-06-01');
        }, self::throws(NotInForceException::class, self::ENOTINFORCE) + ['changes' => true]];
        yield "$r: nl_policy_get on 2015-02-28" => [static fn (Policy $p, \nl_policy $raw) => \nl_policy_get($raw, 'expert.cap.level1', 16494), self::throws(NotInForceException::class, self::ENOTINFORCE)];

        $r = 'sum-overflow';
        foreach (['materials', 'meals', 'travel'] as $field) {
            yield "$r: tuition PHP_INT_MAX + $field 1" => [self::training(['tuition' => PHP_INT_MAX, 'materials' => 0, 'meals' => 0, 'travel' => 0, $field => 1]), self::throws(OverflowException::class, self::ERANGE)];
        }
        yield "$r: tuition + materials PHP_INT_MAX" => [self::training(['tuition' => PHP_INT_MAX, 'materials' => PHP_INT_MAX]), self::throws(OverflowException::class, self::ERANGE)];
        yield "$r: PHP_INT_MAX alone is paid in full" => [self::training(['tuition' => PHP_INT_MAX, 'materials' => 0, 'meals' => 0, 'travel' => 0]), self::answer(['reason' => 'ok', 'total' => PHP_INT_MAX, 'tuition' => PHP_INT_MAX])];
        yield "$r: what-if cap PHP_INT_MAX" => [static function (Policy $p) {
            $w = clone $p;
            $w->set('expert.cap.level4', '2015-03-01', PHP_INT_MAX);
            return $w->expertSalaryCap(degree: 'master', experienceYears: 0, on: '2024-01-01');
        }, self::throws(OverflowException::class, self::ERANGE)];
        yield "$r: nlb tuition + materials" => [self::raw('training_support', ['tuition' => PHP_INT_MAX, 'materials' => 1]), self::throws(OverflowException::class, self::ERANGE)];

        $r = 'unknown-key';
        foreach (['expert.cap.level5', '', 'EXPERT.CAP.LEVEL1', 'expert.cap.level1 ', str_repeat('a', 4096), '../../etc/passwd', "expert.cap.level1\n"] as $key) {
            $label = strlen($key) < 40 ? json_encode($key) : '4 KiB of a';
            yield "$r: get $label" => [static fn (Policy $p) => $p->get($key, '2024-01-01'), self::throws(NotFoundException::class, self::ENOTFOUND)];
            yield "$r: getValue $label" => [static fn (Policy $p) => $p->getValue($key, '2024-01-01'), self::throws(NotFoundException::class, self::ENOTFOUND)];
            yield "$r: set $label" => [static fn (Policy $p) => $p->set($key, '2024-01-01', 1), self::throws(NotFoundException::class, self::ENOTFOUND)];
            yield "$r: end $label" => [static fn (Policy $p) => $p->end($key, '2024-01-01'), self::throws(NotFoundException::class, self::ENOTFOUND)];
            yield "$r: parameter $label" => [static fn (Policy $p) => $p->parameter($key), self::throws(NotFoundException::class, self::ENOTFOUND)];
        }
        yield "$r: nl_policy_param_find" => [static fn (Policy $p, \nl_policy $raw) => \nl_policy_param_find($raw, 'expert.cap.level5'), self::throws(NotFoundException::class, self::ENOTFOUND)];

        $r = 'index-out-of-range';
        yield "$r: nl_policy_param_info(count)" => [static fn (Policy $p, \nl_policy $raw) => \nl_policy_param_info($raw, \nl_policy_param_count($raw)), self::throws(NotFoundException::class, self::ENOTFOUND)];
        yield "$r: nl_policy_param_info(PHP_INT_MAX)" => [static fn (Policy $p, \nl_policy $raw) => \nl_policy_param_info($raw, PHP_INT_MAX), self::throws(NotFoundException::class, self::ENOTFOUND)];
        yield "$r: nl_policy_param_info(-1)" => [static fn (Policy $p, \nl_policy $raw) => \nl_policy_param_info($raw, -1), self::throws(InvalidArgumentError::class, self::EINVAL)];
        yield "$r: nl_policy_param_value(0, value_count)" => [static fn (Policy $p, \nl_policy $raw) => \nl_policy_param_value($raw, 0, \nl_policy_param_info($raw, 0)['value_count']), self::throws(NotFoundException::class, self::ENOTFOUND)];
        yield "$r: nl_policy_param_value(PHP_INT_MAX, 0)" => [static fn (Policy $p, \nl_policy $raw) => \nl_policy_param_value($raw, PHP_INT_MAX, 0), self::throws(NotFoundException::class, self::ENOTFOUND)];
        yield "$r: nl_policy_workplace_at(count)" => [static fn (Policy $p, \nl_policy $raw) => \nl_policy_workplace_at($raw, \nl_policy_workplace_count($raw)), self::throws(NotFoundException::class, self::ENOTFOUND)];
        yield "$r: nl_policy_workplace_at(-1)" => [static fn (Policy $p, \nl_policy $raw) => \nl_policy_workplace_at($raw, -1), self::throws(InvalidArgumentError::class, self::EINVAL)];

        $r = 'whatif-bad-value';
        foreach ([['expert.cap.level1', -1], ['expert.cap.level1', PHP_INT_MIN], ['expert.daily.days_per_month', 0],
                  ['expert.weekly.weeks_per_year', 1000001], ['expert.min_degree', 5], ['attraction.period', 2],
                  ['expert.years.master.level1', 201], ['training.tuition.share_bp', PHP_INT_MAX]] as [$key, $value]) {
            yield "$r: set $key $value" => [static fn (Policy $p) => $p->set($key, '2024-01-01', $value), self::throws(InvalidArgumentError::class, self::EINVAL)];
        }
        yield "$r: the policy is unchanged" => [static function (Policy $p) {
            try {
                $p->set('expert.cap.level1', '2024-01-01', -1);
            } catch (InvalidArgumentError) {
            }
            $values = $p->parameter('expert.cap.level1')->values;
            return [$p->get('expert.cap.level1', '2024-06-01'), end($values)->certainty];
        }, self::returns([40_000_000, Certainty::Confirmed])];

        $r = 'bad-argument-and-bad-date';
        foreach (['2023-02-30', '10000-01-01'] as $d) {
            yield "$r: subsidy degree -1 and $d" => [self::subsidy(['degree' => -1, 'start' => $d]), self::throws(InvalidArgumentError::class, self::EINVAL)];
            yield "$r: expert degree -1 and $d" => [self::expert(['degree' => -1, 'on' => $d]), self::throws(InvalidArgumentError::class, self::EINVAL)];
            yield "$r: subsidy unknown major and $d" => [self::subsidy(['major' => 'physics', 'start' => $d]), self::throws(InvalidArgumentError::class, self::EINVAL)];
            yield "$r: expert unknown role and $d" => [self::expert(['role' => 'boss', 'on' => $d]), self::throws(InvalidArgumentError::class, self::EINVAL)];
            yield "$r: subsidy workplace text and $d" => [self::subsidy(['workplace' => '08a', 'start' => $d]), self::throws(InvalidArgumentError::class, self::EINVAL)];
            yield "$r: subsidy workplace 100000 and $d" => [self::subsidy(['workplace' => 100000, 'start' => $d]), self::throws(InvalidArgumentError::class, self::EINVAL)];
            yield "$r: expert experience NAN and $d" => [self::expert(['experience_years' => NAN, 'on' => $d]), self::throws(InvalidArgumentError::class, self::EINVAL)];
            yield "$r: training tuition -1 and $d" => [self::training(['tuition' => -1, 'start' => $d]), self::throws(InvalidArgumentError::class, self::EINVAL)];
            yield "$r: training days 0 and $d" => [self::training(['days' => 0, 'start' => $d]), self::throws(InvalidArgumentError::class, self::EINVAL)];
        }
        yield "$r: nlb degree -1 and start 10000-01-01" => [self::raw('attraction_subsidy', ['degree' => -1, 'start' => '10000-01-01']), self::throws(InvalidArgumentError::class, self::EINVAL, 'degree')];
        yield "$r: nlb tuition -1 and start 2023-02-29" => [self::raw('training_support', ['tuition' => -1, 'start' => '2023-02-29']), self::throws(InvalidArgumentError::class, self::EINVAL, 'tuition')];

        $r = 'date-buffer-too-small';
        yield "$r: nl_date_format is not exposed" => [static fn () => \function_exists('nl_date_format'), self::returns(false)];
        yield "$r: nl_date_split is not exposed" => [static fn () => \function_exists('nl_date_split'), self::returns(false)];
        yield "$r: dates come back as ISO strings" => [static fn (Policy $p) => $p->getValue('expert.cap.level1', '2024-01-01')->since, self::returns('2015-03-01')];

        $r = 'code-outside-enum';
        foreach ([-1, \NL_STATUS_COUNT, self::INT_MAX, self::INT_MIN] as $code) {
            yield "$r: nl_strerror($code)" => [static fn () => \nl_strerror($code), self::returns('unknown status')];
            yield "$r: nl_status_name($code)" => [static fn () => \nl_status_name($code), self::returns('NL_UNKNOWN')];
        }
        foreach ([-1, \NL_REASON_COUNT, self::INT_MAX] as $code) {
            yield "$r: nl_reason_name($code)" => [static fn () => \nl_reason_name($code), self::returns(null)];
            yield "$r: nl_reason_message($code)" => [static fn () => \nl_reason_message($code, 'vi'), self::returns(null)];
            yield "$r: Reason::fromCode($code)" => [static fn () => Reason::fromCode($code), self::throws(InvalidArgumentError::class, self::EINVAL)];
        }
        yield "$r: nl_certainty_name(4)" => [static fn () => \nl_certainty_name(4), self::returns(null)];
        yield "$r: nl_certainty_name(-1)" => [static fn () => \nl_certainty_name(-1), self::returns(null)];
        yield "$r: Certainty::fromCode(4)" => [static fn () => Certainty::fromCode(4), self::throws(InvalidArgumentError::class, self::EINVAL)];
        foreach (['fr', '', 'vi-VN', 'VI'] as $lang) {
            yield "$r: nl_reason_message(0, '$lang')" => [static fn () => \nl_reason_message(0, $lang), self::returns(null)];
            yield "$r: message('$lang')" => [static fn (Policy $p) => self::subsidy([])($p)->message($lang), self::throws(InvalidArgumentError::class, self::EINVAL)];
            yield "$r: Reason::Ok->message('$lang')" => [static fn () => Reason::Ok->message($lang), self::throws(InvalidArgumentError::class, self::EINVAL)];
        }

        $r = 'malformed-document';
        yield "$r: parse '{'" => [static fn () => Policy::parse('{'), self::throws(ParseException::class, self::EPARSE) + ['where' => [1, 1, '']]];
        yield "$r: a value of the wrong type" => [static fn () => Policy::parse(preg_replace('/"value": 40000000/', '"value": "40000000"', (string) file_get_contents(dirname(__DIR__, 2) . '/data/laocai.json'), 1)), self::throws(ParseException::class, self::EPARSE) + ['key' => '/parameters/expert.cap.level1/values/0/value']];
        yield "$r: parse ''" => [static fn () => Policy::parse(''), self::throws(ParseException::class, self::EPARSE)];
        yield "$r: nl_policy_parse '['" => [static fn () => \nl_policy_parse('['), self::throws(ParseException::class, self::EPARSE)];
        $dir = dirname(__DIR__) . '/hardening/documents';
        foreach (is_dir($dir) ? scandir($dir) : [] as $name) {
            if ($name[0] === '.') {
                continue;
            }
            yield "$r: parse documents/$name" => [static fn () => Policy::parse((string) file_get_contents("$dir/$name")), self::throws(ParseException::class, self::EPARSE)];
            yield "$r: load documents/$name" => [static fn () => Policy::load("$dir/$name"), self::throws(ParseException::class, self::EPARSE)];
        }

        $r = 'document-too-large';
        yield "$r: parse 16 MiB + 1 bytes" => [static fn () => Policy::parse(str_repeat(' ', 16 * self::MIB + 1)), self::throws(ParseException::class, self::EPARSE, '16 MiB')];
        yield "$r: load a 100 MB file" => [static function () {
            $file = tempnam(sys_get_temp_dir(), 'nhanluc-big-');
            try {
                $h = fopen($file, 'w');
                ftruncate($h, 100 * self::MIB);   // sparse
                fclose($h);
                return Policy::load($file);
            } finally {
                unlink($file);
            }
        }, self::throws(ParseException::class, self::EPARSE)];

        $r = 'unreadable-path';
        yield "$r: load a nonexistent path" => [static fn () => Policy::load('/nonexistent/policy.json'), self::throws(IOException::class, self::EIO)];
        yield "$r: load a directory" => [static fn () => Policy::load(dirname(__DIR__, 2)), self::throws(IOException::class, self::EIO)];
        yield "$r: nl_policy_load ''" => [static fn () => \nl_policy_load(''), self::throws(IOException::class, self::EIO)];
        // Not regular files: refused before a byte is read (/dev/zero used
        // to be read to 16 MiB, a ParseException). A named pipe, which
        // blocked for ever: PolicyTest::testLoadingANamedPipeIsRefusedAtOnceWithAnIoError
        // (with a writer that ends the wait should a load wait).
        yield "$r: load /dev/zero" => [static fn () => Policy::load('/dev/zero'), self::throws(IOException::class, self::EIO, 'not a regular file')];
        yield "$r: load /dev/null" => [static fn () => Policy::load('/dev/null'), self::throws(IOException::class, self::EIO, 'not a regular file')];

        $r = 'wrong-type';
        foreach ([['degree', 2.0], ['degree', [2]], ['degree', Major::InformationTechnology], ['major', Degree::Bachelor],
                  ['agency', 2.5], ['dedicated_post', 1], ['dedicated_post', 'yes'], ['workplace', 88.0],
                  ['workplace', [88]], ['start', 19844], ['start', 20240501.0], ['start', new \stdClass()]] as [$field, $value]) {
            $label = $field . ' ' . get_debug_type($value);
            yield "$r: subsidy $label" => [self::subsidy([$field => $value]), self::throws(\TypeError::class, 0, $field)];
            yield "$r: coercive subsidy $label" => [self::coerciveSubsidy([$field => $value]), self::throws(\TypeError::class, 0, $field)];
        }
        foreach ([['experience_years', '6'], ['experience_years', [6]], ['role', 1.0], ['special_expertise', 0], ['on', 19844]] as [$field, $value]) {
            yield "$r: expert $field " . get_debug_type($value) => [self::expert([$field => $value]), self::throws(\TypeError::class, 0, $field)];
        }
        foreach ([['tuition', 5.0], ['tuition', '5000000'], ['materials', 1e6], ['meals', '1'], ['travel', [1]],
                  ['days', 5.0], ['days', '5'], ['dedicated_official', 1], ['short_concentrated', 'yes']] as [$field, $value]) {
            $label = $field . ' ' . get_debug_type($value);
            yield "$r: training $label" => [self::training([$field => $value]), self::throws(\TypeError::class, 0, $field)];
            yield "$r: coercive training $label" => [self::coerciveTraining([$field => $value]), self::throws(\TypeError::class, 0, $field)];
        }
        // A bool field takes a bool only, named or not, in either mode: in
        // coercive mode PHP would make every non-empty string true.
        foreach (['no', 'false', 'không', '0', 1] as $v) {
            $label = var_export($v, true);
            yield "$r: named dedicatedPost $label" => [self::namedSubsidy(['dedicated_post' => $v]), self::throws(\TypeError::class, 0, 'dedicated_post')];
            yield "$r: coercive named dedicatedPost $label" => [self::namedSubsidy(['dedicated_post' => $v], true), self::throws(\TypeError::class, 0, 'dedicated_post')];
            yield "$r: coercive named shortConcentrated $label" => [self::namedTraining(['short_concentrated' => $v], true), self::throws(\TypeError::class, 0, 'short_concentrated')];
        }
        yield "$r: named tuition '5'" => [self::namedTraining(['tuition' => '5']), self::throws(\TypeError::class, 0)];
        yield "$r: coercive named tuition '5' is 5" => [self::namedTraining(['tuition' => '5'], true), self::answer(['reason' => 'ok', 'tuition' => 5])];
        yield "$r: coercive named tuition 'abc'" => [self::namedTraining(['tuition' => 'abc'], true), self::throws(\TypeError::class, 0)];
        yield "$r: get(5)" => [static fn (Policy $p) => $p->get(5, '2024-01-01'), self::throws(\TypeError::class, 0)];
        yield "$r: set value 1.5" => [static fn (Policy $p) => $p->set('expert.cap.level1', '2024-01-01', 1.5), self::throws(\TypeError::class, 0)];
        yield "$r: parse an array" => [static fn () => Policy::parse([]), self::throws(\TypeError::class, 0)];
        yield "$r: workplace(88.0)" => [static fn (Policy $p) => $p->workplace(88.0), self::throws(\TypeError::class, 0)];
        yield "$r: nlb tuition '5'" => [self::raw('training_support', ['tuition' => '5']), self::throws(\TypeError::class, 0, 'tuition')];
        // A case array's values are judged alike in either mode: PHP coerces
        // arguments, not the elements of an array.
        yield "$r: coercive nlb tuition 'abc'" => [static fn (Policy $p, \nl_policy $raw) => Coercive\call('nlb_rule_eval', $raw, 'training_support', array_merge(self::TRAINING, ['tuition' => 'abc'])), self::throws(\TypeError::class, 0, 'tuition')];
        yield "$r: coercive nlb tuition '5' is no number either" => [static fn (Policy $p, \nl_policy $raw) => Coercive\call('nlb_rule_eval', $raw, 'training_support', array_merge(self::TRAINING, ['tuition' => '5'])), self::throws(\TypeError::class, 0, 'tuition')];
        yield "$r: nl_policy_get a policy as key" => [static fn (Policy $p, \nl_policy $raw) => \nl_policy_get($raw, $raw, self::D2024), self::throws(\TypeError::class, 0)];
        yield "$r: coercive nl_policy_get an array as key" => [static fn (Policy $p, \nl_policy $raw) => Coercive\call('nl_policy_get', $raw, [], self::D2024), self::throws(\TypeError::class, 0)];

        $r = 'none-or-null';
        foreach (array_keys(self::SUBSIDY) as $field) {
            yield "$r: subsidy $field null is missing" => [self::subsidy([$field => null]), self::throws(InvalidArgumentError::class, self::EINVAL, "missing field \"$field\"")];
        }
        yield "$r: expert role null is member" => [self::expert(['role' => null, 'experience_years' => 0]), self::answer(['reason' => 'ok', 'level' => 4])];
        yield "$r: training materials null is 0" => [self::training(['materials' => null]), self::answer(['reason' => 'ok', 'materials' => 0])];
        yield "$r: training days null is missing" => [self::training(['days' => null]), self::throws(InvalidArgumentError::class, self::EINVAL, 'missing field "days"')];
        yield "$r: get(null)" => [static fn (Policy $p) => $p->get(null, '2024-01-01'), self::throws(\TypeError::class, 0)];
        yield "$r: get(key, null)" => [static fn (Policy $p) => $p->get('expert.cap.level1', null), self::throws(\TypeError::class, 0)];
        yield "$r: coercive get(null)" => [static fn (Policy $p) => Coercive\call([$p, 'get'], null, '2024-01-01'), self::throws(\TypeError::class, 0)];
        yield "$r: set value null" => [static fn (Policy $p) => $p->set('expert.cap.level1', '2024-01-01', null), self::throws(\TypeError::class, 0)];
        yield "$r: end(null)" => [static fn (Policy $p) => $p->end(null, '2024-01-01'), self::throws(\TypeError::class, 0)];
        yield "$r: parameter(null)" => [static fn (Policy $p) => $p->parameter(null), self::throws(\TypeError::class, 0)];
        yield "$r: workplace(null)" => [static fn (Policy $p) => $p->workplace(null), self::throws(\TypeError::class, 0)];
        yield "$r: load(null)" => [static fn () => Policy::load(null), self::throws(\TypeError::class, 0)];
        yield "$r: parse(null)" => [static fn () => Policy::parse(null), self::throws(\TypeError::class, 0)];
        yield "$r: message(null)" => [static fn (Policy $p) => self::subsidy([])($p)->message(null), self::throws(\TypeError::class, 0)];
        yield "$r: Reason::fromCode(null)" => [static fn () => Reason::fromCode(null), self::throws(\TypeError::class, 0)];

        $r = 'bool-as-money';
        foreach (['tuition', 'materials', 'meals', 'travel', 'days'] as $field) {
            foreach ([true, false] as $v) {
                $label = $field . ' ' . var_export($v, true);
                yield "$r: training $label" => [self::training([$field => $v]), self::throws(\TypeError::class, 0, $field)];
                yield "$r: coercive training $label" => [self::coerciveTraining([$field => $v]), self::throws(\TypeError::class, 0, $field)];
            }
        }
        yield "$r: experience_years true" => [self::expert(['experience_years' => true]), self::throws(\TypeError::class, 0, 'experience_years')];
        yield "$r: degree true" => [self::subsidy(['degree' => true]), self::throws(\TypeError::class, 0, 'degree')];
        yield "$r: workplace true" => [self::subsidy(['workplace' => true]), self::throws(\TypeError::class, 0, 'workplace')];
        yield "$r: named tuition true" => [self::namedTraining(['tuition' => true]), self::throws(\TypeError::class, 0)];
        yield "$r: set value true" => [static fn (Policy $p) => $p->set('attraction.period', '2024-01-01', true), self::throws(\TypeError::class, 0)];
        yield "$r: nlb tuition true" => [self::raw('training_support', ['tuition' => true]), self::throws(\TypeError::class, 0, 'tuition')];
        // Coercive mode converts bool to int before the layer sees it, as for
        // every PHP function: the caller chose that mode.
        yield "$r: coercive named tuition true is 1" => [self::namedTraining(['tuition' => true], true), self::answer(['reason' => 'ok', 'tuition' => 1])];
        // ... but not the elements of a case array.
        yield "$r: coercive nlb tuition true is no number" => [static fn (Policy $p, \nl_policy $raw) => Coercive\call('nlb_rule_eval', $raw, 'training_support', array_merge(self::TRAINING, ['tuition' => true])), self::throws(\TypeError::class, 0, 'tuition')];

        $r = 'int-beyond-int64';
        $big = PHP_INT_MAX + 1;   // a float: PHP has no int past int64
        foreach (['tuition', 'materials', 'meals', 'travel'] as $field) {
            yield "$r: training $field PHP_INT_MAX + 1" => [self::training([$field => $big]), self::throws(\TypeError::class, 0, $field)];
        }
        yield "$r: named tuition PHP_INT_MAX + 1" => [self::namedTraining(['tuition' => $big]), self::throws(\TypeError::class, 0)];
        yield "$r: coercive named tuition PHP_INT_MAX + 1" => [self::namedTraining(['tuition' => $big], true), self::throws(\TypeError::class, 0)];
        yield "$r: set value PHP_INT_MAX + 1" => [static fn (Policy $p) => $p->set('expert.cap.level1', '2024-01-01', $big), self::throws(\TypeError::class, 0)];
        foreach ([self::INT_MAX + 1, self::INT_MIN - 1, 1 << 40] as $v) {
            yield "$r: training days $v" => [self::training(['days' => $v]), self::throws(OverflowException::class, self::ERANGE, 'days')];
            yield "$r: subsidy workplace $v" => [self::subsidy(['workplace' => $v]), self::throws(OverflowException::class, self::ERANGE, 'workplace')];
            yield "$r: subsidy degree $v" => [self::subsidy(['degree' => $v]), self::throws(InvalidArgumentError::class, self::EINVAL, 'degree')];
            yield "$r: nlb days $v" => [self::raw('training_support', ['days' => $v]), self::throws(OverflowException::class, self::ERANGE, 'days')];
            yield "$r: nlb workplace $v" => [self::raw('attraction_subsidy', ['workplace' => $v]), self::throws(OverflowException::class, self::ERANGE, 'workplace')];
            yield "$r: nl_date_ymd year $v" => [static fn () => \nl_date_ymd($v, 1, 1), self::throws(InvalidArgumentError::class, self::EINVAL)];
        }

        $r = 'nul-in-string';
        yield "$r: get key" => [static fn (Policy $p) => $p->get("expert.cap.level1\0", '2024-01-01'), self::throws(InvalidArgumentError::class, self::EINVAL, 'null bytes')];
        yield "$r: set key" => [static fn (Policy $p) => $p->set("expert.cap.level1\0", '2024-01-01', 1), self::throws(InvalidArgumentError::class, self::EINVAL, 'null bytes')];
        yield "$r: parameter key" => [static fn (Policy $p) => $p->parameter("expert.cap.level1\0"), self::throws(InvalidArgumentError::class, self::EINVAL, 'null bytes')];
        yield "$r: date" => [self::subsidy(['start' => "2023-05-01\0"]), self::throws(DateError::class, self::EDATE)];
        yield "$r: get on a date" => [static fn (Policy $p) => $p->get('expert.cap.level1', "2024-01-01\0x"), self::throws(DateError::class, self::EDATE)];
        yield "$r: enum name" => [self::subsidy(['degree' => "bachelor\0"]), self::throws(InvalidArgumentError::class, self::EINVAL, 'degree')];
        yield "$r: workplace text" => [self::subsidy(['workplace' => "082\0"]), self::throws(InvalidArgumentError::class, self::EINVAL)];
        yield "$r: path" => [static fn () => Policy::load(dirname(__DIR__, 2) . "/data/laocai.json\0x"), self::throws(InvalidArgumentError::class, self::EINVAL, 'null bytes')];
        yield "$r: language" => [static fn (Policy $p) => self::subsidy([])($p)->message("vi\0"), self::throws(InvalidArgumentError::class, self::EINVAL)];
        yield "$r: policy text" => [static fn () => Policy::parse("{\"name\": \"a\0b\"}"), self::throws(ParseException::class, self::EPARSE) + ['where' => [1, 12, '/name']]];
        yield "$r: nl_policy_get key" => [static fn (Policy $p, \nl_policy $raw) => \nl_policy_get($raw, "x\0", self::D2024), self::throws(InvalidArgumentError::class, self::EINVAL, 'null bytes')];
        yield "$r: nl_date_parse" => [static fn () => \nl_date_parse("2024-01-01\0"), self::throws(InvalidArgumentError::class, self::EINVAL, 'null bytes')];

        $r = 'non-utf8-text';
        yield "$r: get key" => [static fn (Policy $p) => $p->get("x\xff\xfe", '2024-01-01'), self::throws(NotFoundException::class, self::ENOTFOUND)];
        yield "$r: end key" => [static fn (Policy $p) => $p->end("expert\xc0\xaf", '2024-01-01'), self::throws(NotFoundException::class, self::ENOTFOUND)];
        yield "$r: date" => [self::subsidy(['start' => "2023-05-0\xff"]), self::throws(DateError::class, self::EDATE)];
        yield "$r: enum name" => [self::subsidy(['major' => "i\xff"]), self::throws(InvalidArgumentError::class, self::EINVAL, 'major')];
        yield "$r: workplace text" => [self::subsidy(['workplace' => "08\xff"]), self::throws(InvalidArgumentError::class, self::EINVAL)];
        yield "$r: language" => [static fn (Policy $p) => self::subsidy([])($p)->message("v\xff"), self::throws(InvalidArgumentError::class, self::EINVAL)];
        yield "$r: policy text" => [static fn () => Policy::parse("{\"name\": \"\xff\"}"), self::throws(ParseException::class, self::EPARSE) + ['where' => [1, 10, '/name']]];
        yield "$r: policy text overlong UTF-8" => [static fn () => Policy::parse("{\"name\": \"\xc0\xaf\"}"), self::throws(ParseException::class, self::EPARSE)];
        yield "$r: path" => [static fn () => Policy::load("/nonexistent/\xff\xfe.json"), self::throws(IOException::class, self::EIO)];

        $r = 'huge-string';
        yield "$r: get key 1 MiB" => [static fn (Policy $p) => $p->get(str_repeat('a', self::MIB), '2024-01-01'), self::throws(NotFoundException::class, self::ENOTFOUND)];
        yield "$r: set key 1 MiB" => [static fn (Policy $p) => $p->set(str_repeat('é', self::MIB), '2024-01-01', 1), self::throws(NotFoundException::class, self::ENOTFOUND)];
        yield "$r: date 1 MiB" => [self::subsidy(['start' => str_repeat('2', self::MIB)]), self::throws(DateError::class, self::EDATE)];
        yield "$r: enum name 1 MiB" => [self::subsidy(['degree' => str_repeat('b', self::MIB)]), self::throws(InvalidArgumentError::class, self::EINVAL, 'degree')];
        yield "$r: workplace 1 MiB of letters" => [self::subsidy(['workplace' => str_repeat('x', self::MIB)]), self::throws(InvalidArgumentError::class, self::EINVAL)];
        yield "$r: workplace 5,000 digits" => [self::subsidy(['workplace' => str_repeat('9', 5000)]), self::throws(InvalidArgumentError::class, self::EINVAL)];
        yield "$r: workplace() 5,000 digits" => [static fn (Policy $p) => $p->workplace(str_repeat('9', 5000)), self::throws(InvalidArgumentError::class, self::EINVAL)];
        yield "$r: language 1 MiB" => [static fn (Policy $p) => self::subsidy([])($p)->message(str_repeat('v', self::MIB)), self::throws(InvalidArgumentError::class, self::EINVAL)];
        yield "$r: document 16 MiB + 1" => [static fn () => Policy::parse(str_repeat('[', 16 * self::MIB + 1)), self::throws(ParseException::class, self::EPARSE)];

        $r = 'unknown-enum-name';
        foreach ([['degree', 'phd'], ['degree', ''], ['degree', 'bachelors'], ['degree', 'Bachelor'], ['degree', 'BACHELOR'],
                  ['degree', ' bachelor'], ['degree', '2'], ['major', 'computer science'], ['major', 'IT'],
                  ['agency', 'ministry']] as [$field, $name]) {
            yield "$r: subsidy $field " . json_encode($name) => [self::subsidy([$field => $name]), self::throws(InvalidArgumentError::class, self::EINVAL, $field)];
        }
        yield "$r: expert role 'boss'" => [self::expert(['role' => 'boss']), self::throws(InvalidArgumentError::class, self::EINVAL, 'role')];
        yield "$r: expert role 'team-leader'" => [self::expert(['role' => 'team-leader']), self::throws(InvalidArgumentError::class, self::EINVAL, 'role')];
        yield "$r: expert role 'team_leader' is a role" => [self::expert(['role' => 'team_leader', 'experience_years' => 0]), self::answer(['reason' => 'ok', 'level' => 1])];
        yield "$r: Degree::from('phd')" => [static fn () => Degree::from('phd'), self::throws(\ValueError::class, 0)];

        $r = 'unknown-workplace-text';
        // Text that begins with a letter is a unit's name
        // (nl_policy_workplace_find): one no unit has is not found.
        foreach (['Paris', 'Hà Nội', 'Sa Pa Town'] as $text) {
            $label = json_encode($text, JSON_UNESCAPED_UNICODE);
            yield "$r: subsidy workplace $label (no unit's name)" => [self::subsidy(['workplace' => $text]), self::throws(NotFoundException::class, 4, 'workplace')];
        }
        yield "$r: workplace(\"Sa Pa\") (a code lookup: names go to findWorkplace)" => [static fn (Policy $p) => $p->workplace('Sa Pa'), self::throws(InvalidArgumentError::class, self::EINVAL)];
        foreach (['08a', '', '  ', '0x58', '٨٨', '８８', '+88', '-1', '8 8', '88.0', ' 088 ', '000088', '100000', "88\n", '1e2'] as $text) {
            $label = json_encode($text, JSON_UNESCAPED_UNICODE);
            yield "$r: subsidy workplace $label" => [self::subsidy(['workplace' => $text]), self::throws(InvalidArgumentError::class, self::EINVAL)];
            yield "$r: workplace($label)" => [static fn (Policy $p) => $p->workplace($text), self::throws(InvalidArgumentError::class, self::EINVAL)];
        }
        foreach (['88', '088', '0088', '00088'] as $text) {
            yield "$r: workplace('$text') is 088" => [static fn (Policy $p) => $p->workplace($text)->gsoCode(), self::returns('088')];
        }
        foreach (['2647', '02647'] as $text) {
            yield "$r: workplace('$text') is 02647" => [static fn (Policy $p) => $p->workplace($text)->gsoCode(), self::returns('02647')];
        }

        $r = 'batch-wrong-dtype';
        // population(): every value converted as evaluate() converts it.
        foreach (['a bool as text' => ['dedicated_post' => [true, 'no', true]], 'a bool as int' => ['dedicated_post' => [true, 1, true]],
                  'a float code' => ['degree' => ['bachelor', 2.0, 'master']], 'a day number for a date' => ['start' => ['2024-05-01', 19844, '2024-05-01']],
                  'a list in a cell' => ['workplace' => [82, [82], 82]]] as $what => $column) {
            yield "$r: population, $what" => [self::population($column), self::throws(\TypeError::class, 0, 'record 1: ')];
        }
        yield "$r: population, money as float" => [self::trainingPopulation(['tuition' => [1_000_000, 5e6]]), self::throws(\TypeError::class, 0, 'record 1: ')];
        yield "$r: population, a column keyed by name" => [self::population(['degree' => ['a' => 'bachelor', 'b' => 'master', 'c' => 'bachelor']]), self::throws(InvalidArgumentError::class, self::EINVAL, 'column "degree" is not a list')];

        $r = 'batch-wrong-length';
        yield "$r: population, 3 and 2 values" => [self::population(['agency' => ['state', 'party']]), self::throws(InvalidArgumentError::class, self::EINVAL, 'column "agency" has 2 values, column "degree" 3')];
        yield "$r: population, 3 values and none" => [self::population(['start' => []]), self::throws(InvalidArgumentError::class, self::EINVAL, 'column "start" has 0 values')];

        // Rows of the Python tools (files, tables, totals): PHP has no
        // writer, no table reader and no aggregate; these cases fail as soon
        // as one appears without its own cases.
        $noMethod = static fn (string ...$words): \Closure => static fn () => array_values(array_filter(
            get_class_methods(Policy::class),
            static function (string $m) use ($words): bool {
                foreach ($words as $w) {
                    if (stripos($m, $w) !== false) {
                        return true;
                    }
                }
                return false;
            }
        ));
        $r = 'non-regular-output';
        yield "$r: the layer writes no files" => [$noMethod('save', 'write', 'export', 'dump'), self::returns([])];

        $r = 'non-regular-input';
        yield "$r: load /dev/zero" => [static fn () => Policy::load('/dev/zero'), self::throws(IOException::class, self::EIO, 'not a regular file')];
        yield "$r: load /dev/urandom" => [static fn () => Policy::load('/dev/urandom'), self::throws(IOException::class, self::EIO, 'not a regular file')];

        $r = 'duplicated-header';
        yield "$r: the layer reads no tables" => [$noMethod('csv', 'table', 'frame'), self::returns([])];
        yield "$r: population, a column under both names" => [self::population(['dedicatedPost' => [true, true, true]]), self::throws(InvalidArgumentError::class, self::EINVAL, 'given twice (snake_case and camelCase): dedicated_post')];

        $r = 'ragged-row';
        yield "$r: the layer reads no CSV" => [$noMethod('csv', 'read'), self::returns([])];

        $r = 'csv-encoding';
        yield "$r: the layer reads no CSV" => [$noMethod('csv', 'encoding'), self::returns([])];

        $r = 'concurrent-mutation';
        yield "$r: set() on a copy leaves the original alone" => [static function (Policy $p) {
            $copy = $p->copy();
            $copy->set('attraction.amount.district', '2024-01-01', 1);
            return $p->get('attraction.amount.district', '2024-01-01');
        }, self::returns(150000000)];

        $r = 'total-overflow';
        yield "$r: the layer has no aggregate" => [$noMethod('total', 'sum', 'summary', 'compare'), self::returns([])];
    }

    // ---------------------------------------------------------------- tests

    /** @dataProvider cases */
    public function testBadInput(\Closure $call, array $expect): void
    {
        $policy = Policy::defaultPolicy();
        $raw = \nl_policy_default();
        $before = self::listing($policy);
        if (isset($expect['throws'])) {
            try {
                $got = $call($policy, $raw);
            } catch (\Throwable $e) {
                $this->assertInstanceOf($expect['throws'], $e, get_class($e) . ': ' . $e->getMessage());
                $this->assertSame($expect['code'], $e->getCode(), $e->getMessage());
                // Whatever the value, a message quotes a bounded excerpt of
                // it, in valid UTF-8 (a 1 MiB value makes no 1 MiB message).
                $this->assertLessThanOrEqual(1024, \strlen($e->getMessage()), substr($e->getMessage(), 0, 200) . '…');
                $this->assertSame(1, preg_match('//u', $e->getMessage()), 'a message that is not UTF-8');
                if ($expect['message'] !== null) {
                    $this->assertStringContainsString($expect['message'], $e->getMessage());
                }
                if (isset($expect['where'])) {
                    $this->assertSame($expect['where'], [$e->getDocumentLine(), $e->getDocumentColumn(), $e->getKey()]);
                }
                if (isset($expect['key'])) {
                    $this->assertSame($expect['key'], $e->getKey());
                }
                if (empty($expect['changes'])) {
                    $this->assertSame($before, self::listing($policy), 'a refused call changed the policy');
                }
                return;
            }
            $this->fail('expected ' . $expect['throws'] . ', got ' . get_debug_type($got));
        }
        $got = $call($policy, $raw);
        if (isset($expect['answer'])) {
            foreach ($expect['answer'] as $field => $value) {
                $this->assertSame($value, $field === 'reason' ? $got->reason->value : $got->$field, $field);
            }
            if (($expect['answer']['reason'] ?? 'ok') !== 'ok') {
                $this->assertFalse($got->eligible);
                foreach (['amount', 'monthly', 'weekly', 'daily', 'specialMonthly', 'total'] as $amount) {
                    if (property_exists($got, $amount)) {
                        $this->assertSame(0, $got->$amount, $amount);
                    }
                }
            }
            return;
        }
        $this->assertSame($expect['returns'], $got);
    }

    /** Every dated value of every parameter: what a refused call must leave alone. */
    private static function listing(Policy $p): array
    {
        $out = [];
        foreach ($p->parameters() as $key => $param) {
            foreach ($param->values as $v) {
                $out[] = [$key, $v->since, $v->ends, $v->value, $v->certainty->value];
            }
        }
        return $out;
    }

    /**
     * The rows of docs/hardening.md, "Bad input classes": row id => [column => cell].
     *
     * @return array<string, array<string, string>>
     */
    private static function tableRows(): array
    {
        $text = (string) file_get_contents(dirname(__DIR__, 2) . '/docs/hardening.md');
        $section = explode("\n## ", explode('## Bad input classes', $text, 2)[1], 2)[0];
        $lines = array_values(array_filter(explode("\n", $section), static fn (string $l): bool => str_starts_with($l, '|')));
        $split = static function (string $line): array {
            // Cells are separated by | outside `code`.
            $cells = [];
            $cell = '';
            $code = false;
            $inner = substr(trim($line), 1, -1);
            for ($i = 0, $n = strlen($inner); $i < $n; $i++) {
                $ch = $inner[$i];
                if ($ch === '`') {
                    $code = !$code;
                }
                if ($ch === '|' && !$code) {
                    $cells[] = trim($cell);
                    $cell = '';
                } else {
                    $cell .= $ch;
                }
            }
            $cells[] = trim($cell);
            return $cells;
        };
        $header = $split($lines[0]);
        $rows = [];
        foreach (array_slice($lines, 2) as $line) {
            $cells = $split($line);
            self::assertCount(count($header), $cells, $line);
            $row = array_combine($header, $cells);
            $rows[trim($row['row'], '`')] = $row;
        }
        return $rows;
    }

    public function testTheTableAndTheCasesHaveTheSameRows(): void
    {
        $rows = self::tableRows();
        $this->assertGreaterThanOrEqual(31, count($rows));
        foreach ($rows as $id => $row) {
            $this->assertMatchesRegularExpression('/^[a-z0-9]+(-[a-z0-9]+)*$/', $id);
            $this->assertNotSame('', $row['PHP'], "$id: empty PHP cell");
        }
        $tested = [];
        foreach ($this->cases() as $name => $_) {
            $tested[explode(': ', $name, 2)[0]] = true;
        }
        $tableIds = array_keys($rows);
        $testedIds = array_keys($tested);
        sort($tableIds);
        sort($testedIds);
        $this->assertSame($tableIds, $testedIds);
    }
}
