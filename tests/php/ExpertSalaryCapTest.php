<?php
/** Rule 2: salary caps of hired IT experts (docs/law/3-expert-caps.md). */

declare(strict_types=1);

namespace NhanLuc\Tests;

use NhanLuc\Certainty;
use NhanLuc\Degree;
use NhanLuc\ExpertCapResult;
use NhanLuc\InvalidArgumentError;
use NhanLuc\Reason;
use NhanLuc\Role;

final class ExpertSalaryCapTest extends PolicyTestCase
{
    private function decide(string $degree, int|float $years, string $on, string $role = 'member'): ExpertCapResult
    {
        return $this->policy->expertSalaryCap([
            'degree' => $degree, 'experience_years' => $years, 'role' => $role, 'on' => $on,
        ]);
    }

    /** The caps of $level under the table $caps, in every unit. */
    private function assertLevel(ExpertCapResult $r, int $level, array $caps, string $context = ''): void
    {
        $this->assertSame($level, $r->level, "level $context");
        $this->assertTrue($r->eligible, $context);
        $this->assertSame(Reason::Ok, $r->reason, $context);
        $this->assertSame($caps[$level], $r->monthly, "monthly $context");
        $this->assertSame(Facts::weekly($caps[$level]), $r->weekly, "weekly $context");
        $this->assertSame(Facts::daily($caps[$level]), $r->daily, "daily $context");
        $this->assertSame(Facts::special($caps[$level]), $r->specialMonthly, "special $context");
    }

    private function assertNoLevel(ExpertCapResult $r, Reason $reason): void
    {
        $this->assertFalse($r->eligible);
        $this->assertSame(0, $r->level);
        $this->assertSame($reason, $r->reason);
        $this->assertSame([0, 0, 0, 0], [$r->monthly, $r->weekly, $r->daily, $r->specialMonthly]);
        $this->assertNotSame('', $r->source);
    }

    public function thresholds(): iterable
    {
        // [degree, years, expected level] just below and at each threshold:
        // bachelor 4.99 / 5 / 9.99 / 10 / 14.99 / 15, master 2.99 / 3 / 4.99 / 5 / 7.99 / 8.
        foreach (['bachelor' => Facts::YEARS_BACHELOR, 'master' => Facts::YEARS_MASTER, 'doctor' => Facts::YEARS_MASTER] as $degree => $years) {
            yield "$degree 0 years" => [$degree, 0, 4];
            foreach ([3, 2, 1] as $level) {
                $below = round($years[$level] - 0.01, 2);
                yield "$degree $below years" => [$degree, $below, $level + 1];
                yield "$degree {$years[$level]} years" => [$degree, $years[$level], $level];
            }
            yield "$degree 40 years" => [$degree, 40, 1];
        }
    }

    /** @dataProvider thresholds */
    public function testExperienceThresholdsUnderTheOldCircular(string $degree, int|float $years, int $level): void
    {
        $r = $this->decide($degree, $years, Facts::TT02_LAST_DAY);
        $this->assertLevel($r, $level, Facts::TT02_CAPS, "$degree $years");
        $this->assertStringContainsString(Facts::SRC_TT02, $r->source);
    }

    /** @dataProvider thresholds */
    public function testExperienceThresholdsUnderTheNewCircular(string $degree, int|float $years, int $level): void
    {
        $r = $this->decide($degree, $years, Facts::TT004_FIRST_DAY);
        $this->assertLevel($r, $level, Facts::TT004_CAPS, "$degree $years");
        $this->assertStringContainsString(Facts::SRC_TT004, $r->source);
    }

    public function testTheThresholdsAreTheFactsOnes(): void
    {
        $this->assertSame([1 => 15, 2 => 10, 3 => 5], Facts::YEARS_BACHELOR);
        $this->assertSame([1 => 8, 2 => 5, 3 => 3], Facts::YEARS_MASTER);
        foreach ([1, 2, 3] as $level) {
            $this->assertSame(Facts::YEARS_BACHELOR[$level], $this->policy->get("expert.years.bachelor.level$level", Facts::TT02_FIRST_DAY));
            $this->assertSame(Facts::YEARS_MASTER[$level], $this->policy->get("expert.years.master.level$level", Facts::TT004_FIRST_DAY));
        }
    }

    public function testTheCapsChangeOnFirstJuly2025(): void
    {
        $this->assertSame([1 => 40_000_000, 2 => 30_000_000, 3 => 20_000_000, 4 => 15_000_000], Facts::TT02_CAPS);
        $this->assertSame([1 => 70_000_000, 2 => 55_000_000, 3 => 40_000_000, 4 => 30_000_000], Facts::TT004_CAPS);
        $years = [1 => 15, 2 => 10, 3 => 5, 4 => 0];
        foreach ($years as $level => $y) {
            $this->assertLevel($this->decide('bachelor', $y, Facts::TT02_LAST_DAY), $level, Facts::TT02_CAPS);
            $this->assertLevel($this->decide('bachelor', $y, Facts::TT004_FIRST_DAY), $level, Facts::TT004_CAPS);
            $this->assertLevel($this->decide('bachelor', $y, Facts::TT02_FIRST_DAY), $level, Facts::TT02_CAPS);
        }
    }

    public function testWeeklyAndDailyRatesAreTheConversionsRoundedDown(): void
    {
        // 40,000,000 × 12 / 52 × 1.2 = 11,076,923.07…; 40,000,000 / 26 × 1.3 = 2,000,000.
        $r = $this->decide('bachelor', 15, Facts::TT02_LAST_DAY);
        $this->assertSame(11_076_923, Facts::weekly(Facts::TT02_CAPS[1]));
        $this->assertSame(2_000_000, Facts::daily(Facts::TT02_CAPS[1]));
        $this->assertSame(Facts::weekly(Facts::TT02_CAPS[1]), $r->weekly);
        $this->assertSame(Facts::daily(Facts::TT02_CAPS[1]), $r->daily);
        // 15,000,000 × 12 / 52 × 1.2 = 4,153,846.15…; 15,000,000 / 26 × 1.3 = 750,000.
        $r = $this->decide('bachelor', 0, Facts::TT02_LAST_DAY);
        $this->assertSame(4_153_846, $r->weekly);
        $this->assertSame(750_000, $r->daily);
    }

    public function testSpecialExpertiseIsOneAndAHalfTimesTheCap(): void
    {
        $r = $this->policy->expertSalaryCap(degree: 'master', experienceYears: 8, specialExpertise: true, on: Facts::TT004_FIRST_DAY);
        $this->assertSame(Facts::TT004_SPECIAL_LEVEL1, $r->specialMonthly);
        $this->assertSame(Facts::special(Facts::TT004_CAPS[1]), $r->specialMonthly);
        $this->assertSame(Facts::TT004_CAPS[1], $r->monthly);
        $r = $this->decide('bachelor', 0, Facts::TT02_LAST_DAY);
        $this->assertSame(Facts::special(Facts::TT02_CAPS[4]), $r->specialMonthly);
    }

    public function roles(): iterable
    {
        yield 'team leader, no experience' => ['team_leader', 0, 1];
        yield 'item lead, no experience' => ['item_lead', 0, 2];
        yield 'item lead, level-3 experience' => ['item_lead', 5, 2];
        yield 'item lead, level-1 experience' => ['item_lead', 15, 1];
        yield 'member, no experience' => ['member', 0, 4];
    }

    /** @dataProvider roles */
    public function testARoleRaisesTheLevel(string $role, int $years, int $level): void
    {
        $this->assertLevel($this->decide('bachelor', $years, Facts::TT02_LAST_DAY, $role), $level, Facts::TT02_CAPS);
        $this->assertLevel($this->decide('bachelor', $years, Facts::TT004_FIRST_DAY, $role), $level, Facts::TT004_CAPS);
    }

    public function testBelowAUniversityDegreeTheTableDoesNotApply(): void
    {
        foreach (['none', 'college'] as $degree) {
            $this->assertNoLevel($this->decide($degree, 20, Facts::TT02_LAST_DAY, 'team_leader'), Reason::Degree);
            $this->assertNoLevel($this->decide($degree, 20, Facts::TT004_FIRST_DAY), Reason::Degree);
        }
    }

    public function testBeforeMarch2015NoTableIsInForce(): void
    {
        $this->assertNoLevel($this->decide('bachelor', 15, Facts::TT02_DAY_BEFORE), Reason::NotInForce);
        $this->assertLevel($this->decide('bachelor', 15, Facts::TT02_FIRST_DAY), 1, Facts::TT02_CAPS);
    }

    public function testTheOldTableIsConfirmedTheNewConversionsAreNot(): void
    {
        // §3: TT 02/2015 is confirmed; TT 004/2025's week/day conversions are unconfirmed.
        $this->assertSame(Certainty::Confirmed, $this->decide('bachelor', 5, Facts::TT02_LAST_DAY)->certainty);
        $r = $this->decide('bachelor', 5, Facts::TT004_FIRST_DAY);
        $this->assertNotSame(Certainty::Confirmed, $r->certainty);
        $this->assertFalse($r->isConfirmed());
        // ... while its caps themselves are confirmed.
        $this->assertSame(Certainty::Confirmed, $r->monthlyCertainty);
        $this->assertSame(Certainty::Confirmed, $this->decide('bachelor', 5, Facts::TT02_LAST_DAY)->monthlyCertainty);
    }

    public function testDefaultsAreAMemberWithoutSpecialExpertise(): void
    {
        $r = $this->policy->expertSalaryCap(['degree' => Degree::Bachelor, 'experience_years' => 0, 'on' => Facts::TT02_LAST_DAY]);
        $this->assertLevel($r, 4, Facts::TT02_CAPS);
        $r = $this->policy->expertSalaryCap(degree: 'bachelor', experienceYears: 0, role: Role::TeamLeader, on: Facts::TT02_LAST_DAY);
        $this->assertLevel($r, 1, Facts::TT02_CAPS);
    }

    public function testNegativeOrNonFiniteExperienceIsAnInvalidArgument(): void
    {
        foreach ([-1, -0.01, NAN, INF] as $years) {
            $this->assertThrowsCode(
                InvalidArgumentError::class,
                Facts::STATUS_EINVAL,
                fn () => $this->decide('bachelor', $years, Facts::TT02_LAST_DAY)
            );
        }
    }

    public function testExperienceMustBeANumber(): void
    {
        $this->expectException(\TypeError::class);
        $this->policy->expertSalaryCap(['degree' => 'bachelor', 'experience_years' => '5', 'on' => Facts::TT02_LAST_DAY]);
    }
}
