<?php
/** Rule 3: training-cost support (docs/law/2-training.md). */

declare(strict_types=1);

namespace NhanLuc\Tests;

use NhanLuc\Certainty;
use NhanLuc\InvalidArgumentError;
use NhanLuc\OverflowException;
use NhanLuc\Reason;
use NhanLuc\TrainingResult;

final class TrainingSupportTest extends PolicyTestCase
{
    private const COURSE_START = '2024-03-04';
    private const DAYS = 5;
    private const TUITION = 7_500_000;
    private const MATERIALS = 450_000;

    /** The placeholder caps (§2: "unconfirmed"), as the policy holds them. */
    private function mealCapPerDay(): int
    {
        return $this->policy->get('training.meals.cap_per_day', self::COURSE_START);
    }

    private function travelCap(): int
    {
        return $this->policy->get('training.travel.cap_per_course', self::COURSE_START);
    }

    /** A qualifying claim with meals and travel under their caps. */
    private function claim(array $change = []): array
    {
        return array_replace([
            'dedicated_official' => true,
            'short_concentrated' => true,
            'tuition' => self::TUITION,
            'materials' => self::MATERIALS,
            'meals' => $this->mealCapPerDay() * self::DAYS - 1,
            'travel' => intdiv($this->travelCap(), 2),
            'days' => self::DAYS,
            'start' => self::COURSE_START,
        ], $change);
    }

    private function decide(array $claim): TrainingResult
    {
        return $this->policy->trainingSupport($claim);
    }

    private function assertNothingPaid(TrainingResult $r, Reason $reason): void
    {
        $this->assertFalse($r->eligible);
        $this->assertSame($reason, $r->reason);
        $this->assertSame([0, 0, 0, 0, 0], [$r->tuition, $r->materials, $r->meals, $r->travel, $r->total]);
        $this->assertNotSame('', $r->source);
    }

    public function testTuitionAndMaterialsArePaidInFullWithMealsAndTravel(): void
    {
        $claim = $this->claim();
        $r = $this->decide($claim);
        $this->assertTrue($r->eligible);
        $this->assertSame(Reason::Ok, $r->reason);
        $this->assertSame(intdiv(self::TUITION * Facts::TUITION_SHARE_PERCENT, 100), $r->tuition);
        $this->assertSame(intdiv(self::MATERIALS * Facts::MATERIALS_SHARE_PERCENT, 100), $r->materials);
        $this->assertSame($claim['meals'], $r->meals);
        $this->assertSame($claim['travel'], $r->travel);
        $this->assertSame($r->tuition + $r->materials + $r->meals + $r->travel, $r->total);
        $this->assertStringContainsString(Facts::SRC_NQ11, $r->source);
    }

    public function testMealsAreCappedAtTheDailyCapTimesTheDays(): void
    {
        $cap = $this->mealCapPerDay() * self::DAYS;
        $this->assertSame($cap - 1, $this->decide($this->claim(['meals' => $cap - 1]))->meals);
        $this->assertSame($cap, $this->decide($this->claim(['meals' => $cap]))->meals);
        $this->assertSame($cap, $this->decide($this->claim(['meals' => $cap + 1]))->meals);
        $this->assertSame($cap, $this->decide($this->claim(['meals' => 3 * $cap]))->meals);
        // A longer course raises the cap.
        $this->assertSame(3 * $cap, $this->decide($this->claim(['meals' => 3 * $cap, 'days' => 3 * self::DAYS]))->meals);
    }

    public function testTravelIsCappedOncePerCourse(): void
    {
        $cap = $this->travelCap();
        $this->assertSame($cap, $this->decide($this->claim(['travel' => $cap]))->travel);
        $this->assertSame($cap, $this->decide($this->claim(['travel' => $cap + 1]))->travel);
        $this->assertSame($cap, $this->decide($this->claim(['travel' => $cap + 1, 'days' => 3 * self::DAYS]))->travel);
    }

    public function testTheCapsArePlaceholdersAndTheAnswerSaysSo(): void
    {
        $this->assertSame(Certainty::Unconfirmed, $this->policy->getValue('training.meals.cap_per_day', self::COURSE_START)->certainty);
        $this->assertSame(Certainty::Unconfirmed, $this->policy->getValue('training.travel.cap_per_course', self::COURSE_START)->certainty);
        $this->assertSame(Certainty::Unconfirmed, $this->decide($this->claim())->certainty);
    }

    public function testAnOfficialNotDedicatedToItGetsNothing(): void
    {
        $this->assertNothingPaid($this->decide($this->claim(['dedicated_official' => false])), Reason::NotDedicated);
        // The official is checked before the course.
        $this->assertNothingPaid(
            $this->decide($this->claim(['dedicated_official' => false, 'short_concentrated' => false])),
            Reason::NotDedicated
        );
    }

    public function testACourseThatIsNotShortAndConcentratedGetsNothing(): void
    {
        $this->assertNothingPaid($this->decide($this->claim(['short_concentrated' => false])), Reason::CourseKind);
    }

    public function periodDays(): iterable
    {
        yield 'day before the period' => [Facts::NQ11_DAY_BEFORE, false];
        yield 'first day' => [Facts::NQ11_FIRST_DAY, true];
        yield 'last day' => [Facts::NQ11_LAST_DAY, true];
        yield 'day the period ends' => [Facts::NQ11_END_DAY, false];
    }

    /** @dataProvider periodDays */
    public function testSupportIsInForceOnlyDuringThePolicyPeriod(string $start, bool $inForce): void
    {
        $r = $this->decide($this->claim(['start' => $start]));
        if ($inForce) {
            $this->assertTrue($r->eligible);
            $this->assertSame(self::TUITION, $r->tuition);
        } else {
            $this->assertNothingPaid($r, Reason::NotInForce);
        }
    }

    public function testAmountsDefaultToZero(): void
    {
        $r = $this->policy->trainingSupport(dedicatedOfficial: true, shortConcentrated: true, days: 1, start: self::COURSE_START);
        $this->assertTrue($r->eligible);
        $this->assertSame(0, $r->total);
        $r = $this->policy->trainingSupport(dedicatedOfficial: true, shortConcentrated: true, tuition: self::TUITION, days: 1, start: self::COURSE_START);
        $this->assertSame(self::TUITION, $r->total);
    }

    public function testNegativeMoneyOrNoDaysIsAnInvalidArgument(): void
    {
        foreach ([['tuition' => -1], ['materials' => -1], ['meals' => -1], ['travel' => -1], ['days' => 0], ['days' => -3]] as $bad) {
            $this->assertThrowsCode(InvalidArgumentError::class, Facts::STATUS_EINVAL, fn () => $this->decide($this->claim($bad)));
        }
    }

    public function testASumPastTheLargestIntegerIsAnOverflow(): void
    {
        $this->assertThrowsCode(
            OverflowException::class,
            Facts::STATUS_ERANGE,
            fn () => $this->decide($this->claim(['tuition' => PHP_INT_MAX, 'materials' => PHP_INT_MAX]))
        );
    }

    public function testMoneyIsAWholeNumberOfDong(): void
    {
        $this->expectException(\TypeError::class);
        $this->decide($this->claim(['tuition' => 1.5]));
    }
}
