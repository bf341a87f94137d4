<?php
/** Rule 1: the one-off attraction subsidy (docs/law/1-attraction.md). */

declare(strict_types=1);

namespace NhanLuc\Tests;

use NhanLuc\Agency;
use NhanLuc\Certainty;
use NhanLuc\Degree;
use NhanLuc\InvalidArgumentError;
use NhanLuc\Major;
use NhanLuc\Reason;
use NhanLuc\SubsidyResult;

final class AttractionSubsidyTest extends PolicyTestCase
{
    private const A_DAY_IN_FORCE = '2024-05-01';

    /** A candidate meeting every condition, working at $workplace. */
    private static function candidate(int|string $workplace = '088', string $start = self::A_DAY_IN_FORCE): array
    {
        return [
            'degree' => 'bachelor',
            'major' => 'it',
            'agency' => 'state',
            'dedicated_post' => true,
            'workplace' => $workplace,
            'start' => $start,
        ];
    }

    private function decide(array $case): SubsidyResult
    {
        return $this->policy->attractionSubsidy($case);
    }

    private function assertNotEligible(SubsidyResult $r, Reason $reason): void
    {
        $this->assertFalse($r->eligible);
        $this->assertSame($reason, $r->reason);
        $this->assertSame(0, $r->amount);
        $this->assertSame($reason->message('vi'), $r->message('vi'));
        $this->assertNotSame('', $r->source);
    }

    public function workplaces(): iterable
    {
        foreach (Facts::WORKPLACES as $code => [$name, $tier, $amount]) {
            yield "$code $name" => [$code, $amount];
        }
    }

    /** @dataProvider workplaces */
    public function testEachOfTheNineUnitsPaysItsTierAmount(string $code, int $amount): void
    {
        $r = $this->decide(self::candidate($code));
        $this->assertTrue($r->eligible);
        $this->assertSame(Reason::Ok, $r->reason);
        $this->assertSame($amount, $r->amount);
        $this->assertStringContainsString(Facts::SRC_NQ11, $r->source);
    }

    /** @dataProvider workplaces */
    public function testAWorkplaceMayBeGivenAsANumber(string $code, int $amount): void
    {
        $this->assertSame($amount, $this->decide(self::candidate((int) $code))->amount);
    }

    public function testTheCityAndSaPaPayOneHundredMillionAndDistrictsOneHundredFifty(): void
    {
        $this->assertSame(Facts::AMOUNT_CITY_TOWN, $this->decide(self::candidate('080'))->amount);
        $this->assertSame(Facts::AMOUNT_CITY_TOWN, $this->decide(self::candidate('088'))->amount);
        $this->assertSame(Facts::AMOUNT_DISTRICT, $this->decide(self::candidate('082'))->amount);
        $this->assertSame(100_000_000, Facts::AMOUNT_CITY_TOWN);
        $this->assertSame(150_000_000, Facts::AMOUNT_DISTRICT);
    }

    public function codesNotAUnit(): iterable
    {
        foreach (Facts::CODES_NOT_A_UNIT as $code) {
            yield $code => [$code];
        }
    }

    /** @dataProvider codesNotAUnit */
    public function testACodeOutsideTheProvinceIsNotEligible(string $code): void
    {
        $this->assertNotEligible($this->decide(self::candidate($code)), Reason::OutsideProvince);
    }

    public function testACodeOutsideZeroTo99999IsAnInvalidArgument(): void
    {
        foreach ([100000, -1, '100000', '08a', '08 8', ''] as $code) {
            $this->assertThrowsCode(
                InvalidArgumentError::class,
                Facts::STATUS_EINVAL,
                fn () => $this->decide(self::candidate($code))
            );
        }
    }

    public function testFiveDigitCodesOfNoUnitAreOutsideTheProvince(): void
    {
        foreach ([1000, 99999, '01000', '99999'] as $code) {
            $this->assertNotEligible($this->decide(self::candidate($code)), Reason::OutsideProvince);
        }
    }

    public function testACommuneAnswersFromTwentyTwentyFiveJulyFirst(): void
    {
        $day = Facts::COMMUNES_FIRST_DAY;

        // Phường Cam Đường, formed from Thành phố Lào Cai (080) alone: its
        // city/town tier is derived, so the answer is unconfirmed.
        $r = $this->decide(self::candidate('02671', $day));
        $this->assertTrue($r->eligible);
        $this->assertSame(Reason::Ok, $r->reason);
        $this->assertSame(Facts::AMOUNT_CITY_TOWN, $r->amount);
        $this->assertSame(100_000_000, $r->amount);
        $this->assertSame(Certainty::Unconfirmed, $r->certainty);
        $this->assertSame(Facts::AMOUNT_CITY_TOWN, $this->decide(self::candidate(2671, $day))->amount);

        // Phường Lào Cai, formed from 080 (city/town) and 086 (district).
        $r = $this->decide(self::candidate('02647', $day));
        $this->assertNotEligible($r, Reason::AmbiguousWorkplace);
        $this->assertSame('ambiguous_workplace', $r->reason->value);

        // Phường Yên Bái, formed from old Yên Bái: outside the resolution's area.
        $r = $this->decide(self::candidate('04252', $day));
        $this->assertNotEligible($r, Reason::OutsideArea);
        $this->assertSame('outside_area', $r->reason->value);

        // A pre-2025 district code still answers after the merger.
        $r = $this->decide(self::candidate('082', $day));
        $this->assertTrue($r->eligible);
        $this->assertSame(Reason::Ok, $r->reason);
        $this->assertSame(Facts::AMOUNT_DISTRICT, $r->amount);
        $this->assertSame(150_000_000, $r->amount);
    }

    public function unmetConditions(): iterable
    {
        yield 'no degree' => [['degree' => 'none'], Reason::Degree];
        yield 'college only' => [['degree' => 'college'], Reason::Degree];
        yield 'another major' => [['major' => 'other'], Reason::Major];
        yield 'not a Party or State agency' => [['agency' => 'other'], Reason::Agency];
        yield 'not a dedicated post' => [['dedicated_post' => false], Reason::NotDedicated];
    }

    /** @dataProvider unmetConditions */
    public function testEachUnmetConditionIsTheReason(array $change, Reason $reason): void
    {
        $this->assertNotEligible($this->decide(array_replace(self::candidate(), $change)), $reason);
    }

    public function testTheFirstUnmetConditionInTheArticlesOrderIsTheReason(): void
    {
        $all = ['degree' => 'college', 'major' => 'other', 'agency' => 'other', 'dedicated_post' => false, 'workplace' => '081'];
        $expected = [Reason::Degree, Reason::Major, Reason::Agency, Reason::NotDedicated, Reason::OutsideProvince];
        $case = self::candidate();
        $case = array_replace($case, $all);
        foreach ($expected as $i => $reason) {
            $this->assertNotEligible($this->decide($case), $reason);
            // Fix the condition just reported; the next one becomes the reason.
            $field = array_keys($all)[$i];
            $case[$field] = self::candidate()[$field];
        }
        $this->assertTrue($this->decide($case)->eligible);
    }

    public function qualifyingProfiles(): iterable
    {
        yield 'master' => [['degree' => 'master']];
        yield 'doctor' => [['degree' => 'doctor']];
        yield 'electronics-telecom' => [['major' => 'electronics_telecom']];
        yield 'Party agency' => [['agency' => 'party']];
    }

    /** @dataProvider qualifyingProfiles */
    public function testHigherDegreesTheOtherMajorAndPartyAgenciesQualify(array $change): void
    {
        $r = $this->decide(array_replace(self::candidate('082'), $change));
        $this->assertTrue($r->eligible);
        $this->assertSame(Facts::AMOUNT_DISTRICT, $r->amount);
    }

    public function periodDays(): iterable
    {
        yield 'day before the period' => [Facts::NQ11_DAY_BEFORE, false];
        yield 'first day' => [Facts::NQ11_FIRST_DAY, true];
        yield 'last day' => [Facts::NQ11_LAST_DAY, true];
        yield 'day the period ends' => [Facts::NQ11_END_DAY, false];
    }

    /** @dataProvider periodDays */
    public function testTheSubsidyIsInForceOnlyDuringThePolicyPeriod(string $start, bool $inForce): void
    {
        $r = $this->decide(self::candidate('080', $start));
        if ($inForce) {
            $this->assertTrue($r->eligible);
            $this->assertSame(Facts::AMOUNT_CITY_TOWN, $r->amount);
        } else {
            $this->assertNotEligible($r, Reason::NotInForce);
        }
    }

    public function testAStartAfterTheDistrictsWereAbolishedIsNotInForceNeverAGuess(): void
    {
        $this->assertNotEligible($this->decide(self::candidate('082', '2026-03-01')), Reason::NotInForce);
    }

    public function testTheAnswerSaysItRestsOnUnconfirmedData(): void
    {
        // §1: the period's dates are unconfirmed, the amounts only reported.
        $r = $this->decide(self::candidate());
        $this->assertSame(Certainty::Unconfirmed, $r->certainty);
        $this->assertFalse($r->isConfirmed());
    }

    public function testNamedArgumentsAndEnumsGiveTheSameAnswer(): void
    {
        $r = $this->policy->attractionSubsidy(
            degree: Degree::Bachelor,
            major: Major::InformationTechnology,
            agency: Agency::State,
            dedicatedPost: true,
            workplace: 82,
            start: new \DateTimeImmutable(self::A_DAY_IN_FORCE),
        );
        $this->assertEquals($this->decide(self::candidate('082')), $r);
        $this->assertSame(Facts::AMOUNT_DISTRICT, $r->amount);
    }

    public function testCamelCaseKeysAndLibraryCodesAreAccepted(): void
    {
        $r = $this->policy->attractionSubsidy([
            'degree' => \NL_DEGREE_MASTER, 'major' => Major::InformationTechnology->code(), 'agency' => Agency::Party->code(),
            'dedicatedPost' => true, 'workplace' => '080', 'start' => self::A_DAY_IN_FORCE,
        ]);
        $this->assertSame(Facts::AMOUNT_CITY_TOWN, $r->amount);
    }

    public function testTheReasonReadsInVietnameseAndEnglish(): void
    {
        $r = $this->decide(array_replace(self::candidate(), ['major' => 'other']));
        $this->assertSame(\nl_reason_message(\NL_REASON_MAJOR, 'vi'), $r->message('vi'));
        $this->assertSame(\nl_reason_message(\NL_REASON_MAJOR, 'en'), $r->message('en'));
        $this->assertSame($r->message('vi'), $r->message());
        $this->assertNotSame($r->message('vi'), $r->message('en'));
        $this->assertThrowsCode(InvalidArgumentError::class, Facts::STATUS_EINVAL, fn () => $r->message('fr'));
    }

    public function testAResultIsAPlainRecordForJson(): void
    {
        $r = $this->decide(self::candidate('088'));
        $json = json_decode(json_encode($r, JSON_THROW_ON_ERROR), true, 512, JSON_THROW_ON_ERROR);
        $this->assertSame(true, $json['eligible']);
        $this->assertSame(Facts::AMOUNT_CITY_TOWN, $json['amount']);
        $this->assertSame('ok', $json['reason']);
        $this->assertSame('unconfirmed', $json['certainty']);
        $this->assertStringContainsString(Facts::SRC_NQ11, $json['source']);
    }
}
