<?php
/*
 * The attraction subsidy written in plain PHP: the yardstick of bench step
 * "php" (key php_ext_vs_pure_php, bench/php_bench.php).
 *
 * What a PHP developer would write without the extension: the rule as a
 * method, its parameters read once from the policy (the same dated values
 * the library uses, with their sources and certainties) into arrays, and
 * per call a few comparisons and a lookup of the value in force on the
 * date. It answers what nlb_rule_eval() answers for the family -- an array with
 * eligible, amount, reason, source, certainty -- for valid input; like a
 * hand-written rule, it does not validate its input.
 *
 * subsidy() takes codes and days since 1970-01-01 (nl_date), its fastest
 * form, against the extension's generic call on codes and ISO dates
 * (php_ext_vs_pure_php); subsidyNamed()
 * takes what a portal has: names, the GSO code as text and an ISO date
 * (php_layer_vs_pure_php, against the idiomatic Policy call).
 */

declare(strict_types=1);

final class PureAttraction
{
    private const REASON_OK = 0;
    private const REASON_NOT_IN_FORCE = 1;
    private const REASON_DEGREE = 2;
    private const REASON_MAJOR = 3;
    private const REASON_AGENCY = 4;
    private const REASON_NOT_DEDICATED = 5;
    private const REASON_OUTSIDE_PROVINCE = 6;

    /** @var list<array{int, ?int, string, int}> since, value (null: ended), source, certainty */
    private array $period;
    /** @var list<array{int, ?int, string, int}> */
    private array $minDegree;
    /** @var list<array{int, ?int, string, int}> sets: bit i is code i */
    private array $majors;
    /** @var list<array{int, ?int, string, int}> */
    private array $agencies;
    /** @var list<array{int, ?int, string, int}> */
    private array $post;
    /** @var array<string, list<array{int, ?int, string, int}>> by tier */
    private array $amounts = [];
    /** @var array<int, string> GSO code => tier */
    private array $tierOf = [];

    public function __construct(\NhanLuc\Policy $policy)
    {
        $this->period = self::dated($policy, 'attraction.period');
        $this->minDegree = self::dated($policy, 'attraction.min_degree');
        $this->majors = self::dated($policy, 'attraction.majors');
        $this->agencies = self::dated($policy, 'attraction.agencies');
        $this->post = self::dated($policy, 'attraction.dedicated_post_required');
        foreach ($policy->workplaces() as $w) {
            // A unit without a tier of its own (a commune formed from units
            // of different tiers, or outside the area) is left out: the codes
            // this yardstick is given are the pre-2025 district units'.
            if ($w->tier === null) {
                continue;
            }
            $this->tierOf[$w->code] = $w->tier;
            $this->amounts[$w->tier] ??= self::dated($policy, 'attraction.amount.' . $w->tier);
        }
    }

    /** @return list<array{int, ?int, string, int}> */
    private static function dated(\NhanLuc\Policy $policy, string $key): array
    {
        $out = [];
        foreach ($policy->parameter($key)->values as $v) {
            $day = intdiv((int) (new \DateTimeImmutable($v->since . ' 00:00:00 UTC'))->getTimestamp(), 86400);
            $out[] = [$day, $v->ends ? null : $v->value, $v->source, $v->certainty->code()];
        }
        return $out;
    }

    /**
     * The dated value that decides on $day: the one in force, or (before the
     * first value) the first one, whose text says when the rule starts; with
     * whether the parameter is in force. As the library's nl__use().
     *
     * @return array{array{int, ?int, string, int}, bool}
     */
    private static function on(array $values, int $day): array
    {
        $found = null;
        foreach ($values as $v) {
            if ($v[0] > $day) {
                break;
            }
            $found = $v;
        }
        return $found === null ? [$values[0], false] : [$found, $found[1] !== null];
    }

    private static function answer(int $reason, array $used, int $certainty): array
    {
        return ['eligible' => false, 'amount' => 0, 'reason' => $reason,
                'source' => $used[2], 'certainty' => $certainty];
    }

    /** @return array{eligible: bool, amount: int, reason: int, source: string, certainty: int} */
    public function subsidy(int $degree, int $major, int $agency, bool $dedicatedPost,
                            int $workplace, int $start): array
    {
        [$period, $inForce] = self::on($this->period, $start);
        if (!$inForce || $period[1] === 0) {
            return self::answer(self::REASON_NOT_IN_FORCE, $period, $period[3]);
        }
        [$min, $inForce] = self::on($this->minDegree, $start);
        if (!$inForce) {
            return self::answer(self::REASON_NOT_IN_FORCE, $min, $min[3]);
        }
        // The conditions are dated parameters too (format 2), each its source.
        [$majors, $inForce] = self::on($this->majors, $start);
        if (!$inForce) {
            return self::answer(self::REASON_NOT_IN_FORCE, $majors, $majors[3]);
        }
        [$agencies, $inForce] = self::on($this->agencies, $start);
        if (!$inForce) {
            return self::answer(self::REASON_NOT_IN_FORCE, $agencies, $agencies[3]);
        }
        [$post, $inForce] = self::on($this->post, $start);
        if (!$inForce) {
            return self::answer(self::REASON_NOT_IN_FORCE, $post, $post[3]);
        }
        $certainty = max($period[3], $min[3], $majors[3], $agencies[3], $post[3]);
        if ($degree < $min[1]) {
            return self::answer(self::REASON_DEGREE, $min, $certainty);
        }
        if ((($majors[1] >> $major) & 1) === 0) {
            return self::answer(self::REASON_MAJOR, $majors, $certainty);
        }
        if ((($agencies[1] >> $agency) & 1) === 0) {
            return self::answer(self::REASON_AGENCY, $agencies, $certainty);
        }
        if ($post[1] !== 0 && !$dedicatedPost) {
            return self::answer(self::REASON_NOT_DEDICATED, $post, $certainty);
        }
        $tier = $this->tierOf[$workplace] ?? null;
        if ($tier === null) {
            return self::answer(self::REASON_OUTSIDE_PROVINCE, $min, $certainty);
        }
        [$amount, $inForce] = self::on($this->amounts[$tier], $start);
        if (!$inForce) {
            return self::answer(self::REASON_NOT_IN_FORCE, $amount, $amount[3]);
        }
        return ['eligible' => true, 'amount' => $amount[1], 'reason' => self::REASON_OK,
                'source' => $amount[2], 'certainty' => max($certainty, $amount[3])];
    }

    /** Degree, major and agency names => the codes subsidy() compares. */
    private const DEGREES = ['none' => 0, 'college' => 1, 'bachelor' => 2, 'master' => 3, 'doctor' => 4];
    private const MAJORS = ['other' => 0, 'it' => 1, 'electronics_telecom' => 2];
    private const AGENCIES = ['other' => 0, 'party' => 1, 'state' => 2];

    /**
     * subsidy() as a PHP portal calls it: names ("bachelor", "it",
     * "state"), the GSO code as text ("088") and the start date as an ISO
     * string, turned into days since 1970-01-01 by the civil-calendar
     * arithmetic a PHP developer would write (no DateTime object per call).
     *
     * @return array{eligible: bool, amount: int, reason: int, source: string, certainty: int}
     */
    public function subsidyNamed(string $degree, string $major, string $agency, bool $dedicatedPost,
                                 string $workplace, string $start): array
    {
        $y = (int) substr($start, 0, 4);
        $m = (int) substr($start, 5, 2);
        $d = (int) substr($start, 8, 2);
        // Days from civil (H. Hinnant's algorithm).
        $y -= $m <= 2 ? 1 : 0;
        $era = intdiv($y >= 0 ? $y : $y - 399, 400);
        $yoe = $y - $era * 400;
        $doy = intdiv(153 * ($m + ($m > 2 ? -3 : 9)) + 2, 5) + $d - 1;
        $doe = $yoe * 365 + intdiv($yoe, 4) - intdiv($yoe, 100) + $doy;
        $day = $era * 146097 + $doe - 719468;
        return $this->subsidy(self::DEGREES[$degree], self::MAJORS[$major], self::AGENCIES[$agency],
                              $dedicatedPost, (int) $workplace, $day);
    }
}
