<?php

declare(strict_types=1);

namespace NhanLuc\Tests;

use NhanLuc\Degree;
use NhanLuc\NotFoundException;
use NhanLuc\InvalidArgumentError;
use NhanLuc\Policy;
use NhanLuc\Reason;

/**
 * Policy format 2 from PHP: each condition cites its own parameter, the
 * reason text follows the document (Policy::reasonText), a format 1
 * document answers alike. Values: docs/law/1-attraction.md §1.2.
 */
final class FormatTwoTest extends PolicyTestCase
{
    private const GOOD = ['degree' => 'bachelor', 'major' => 'it', 'agency' => 'state',
                          'dedicated_post' => true, 'workplace' => 80, 'start' => '2024-09-01'];

    private function cite(Policy $p, string $key, string $on = '2024-09-01'): string
    {
        return $p->getValue($key, $on)->source;
    }

    /** @return array<string, array{array<string, mixed>, Reason, string}> */
    public static function conditions(): array
    {
        return [
            'degree' => [['degree' => 'college'], Reason::Degree, 'attraction.min_degree'],
            'major' => [['major' => 'other'], Reason::Major, 'attraction.majors'],
            'agency' => [['agency' => 'other'], Reason::Agency, 'attraction.agencies'],
            'post' => [['dedicated_post' => false], Reason::NotDedicated,
                       'attraction.dedicated_post_required'],
        ];
    }

    /**
     * @dataProvider conditions
     * @param array<string, mixed> $change
     */
    public function testEachConditionCitesItsOwnParameter(array $change, Reason $reason, string $key): void
    {
        $r = $this->policy->attractionSubsidy(array_merge(self::GOOD, $change));
        $this->assertFalse($r->eligible);
        $this->assertSame($reason, $r->reason);
        $this->assertSame($this->cite($this->policy, $key), $r->source);
    }

    public function testReasonTextFollowsTheMinimumDegree(): void
    {
        $p = $this->policy;
        $this->assertSame('Trình độ chưa đạt yêu cầu (cần tốt nghiệp đại học trở lên).',
            $p->reasonText('attraction_subsidy', Reason::Degree, '2024-12-31'));
        $p->set('attraction.min_degree', '2025-01-01', Degree::Master->code());
        $this->assertSame('Trình độ chưa đạt yêu cầu (cần tốt nghiệp đại học trở lên).',
            $p->reasonText('attraction_subsidy', Reason::Degree, '2024-12-31'));
        $this->assertSame('Trình độ chưa đạt yêu cầu (cần tốt nghiệp thạc sĩ trở lên).',
            $p->reasonText('attraction_subsidy', Reason::Degree, '2025-01-01'));
        $this->assertSame("Degree below the one required (a master's degree or higher).",
            $p->reasonText('attraction_subsidy', Reason::Degree, new \DateTimeImmutable('2025-01-01'), 'en'));
        $r = $p->attractionSubsidy(array_merge(self::GOOD, ['start' => '2025-01-01']));
        $this->assertSame(Reason::Degree, $r->reason);
        // Sets: one major.
        $p->set('attraction.majors', '2024-01-01', 1 << \NhanLuc\Major::InformationTechnology->code());
        $this->assertSame('Major is not information technology.',
            $p->reasonText('attraction_subsidy', Reason::Major, '2024-01-01', 'en'));
        $this->assertSame(Reason::Major,
            $p->attractionSubsidy(array_merge(self::GOOD, ['major' => 'electronics_telecom',
                                                            'start' => '2024-01-01']))->reason);
        // The fixed text where the condition reads no value.
        $this->assertSame(Reason::NotDedicated->message('vi'),
            $p->reasonText('attraction_subsidy', Reason::NotDedicated, '2024-01-01'));
    }

    public function testReasonTextErrorsNameTheField(): void
    {
        $p = $this->policy;
        try {
            $p->reasonText('attraction_subsidy', Reason::CourseKind, '2024-01-01');
            $this->fail('a reason the rule does not have');
        } catch (NotFoundException $e) {
            $this->assertSame('reason', $e->getField());
        }
        try {
            $p->reasonText('attraction_subsidy', Reason::Major, '2024-01-01', 'fr');
            $this->fail('a language the library does not have');
        } catch (InvalidArgumentError $e) {
            $this->assertSame('lang', $e->getField());
        }
        try {
            $p->reasonText('no_such_rule', Reason::Major, '2024-01-01');
            $this->fail('a rule the library does not have');
        } catch (NotFoundException $e) {
            $this->assertSame('rule', $e->getField());
        }
    }

    public function testFormatOneDocumentAnswersAlike(): void
    {
        $v1 = Policy::load(__DIR__ . '/../data/laocai-v1.json');
        foreach ([[], ['major' => 'other'], ['agency' => 'party'], ['dedicated_post' => false],
                  ['degree' => 'college'], ['start' => '2026-01-01']] as $change) {
            $a = $v1->attractionSubsidy(array_merge(self::GOOD, $change));
            $b = $this->policy->attractionSubsidy(array_merge(self::GOOD, $change));
            $this->assertSame([$a->eligible, $a->amount, $a->reason, $a->certainty],
                              [$b->eligible, $b->amount, $b->reason, $b->certainty]);
        }
        $this->assertSame(0b110, $v1->get('attraction.majors', '2024-01-01'));
    }

    // ------------------------------------------- tables and scales (§3)
    // The expert levels by years (docs/law/3-expert.md §3) and the level a
    // role guarantees are a scale and a table of the document.

    /** The law's steps: level 4 from 0 years, 3, 2, 1 from their years. */
    private static function steps(array $years): array
    {
        return [0 => 4, $years[3] => 3, $years[2] => 2, $years[1] => 1];
    }

    public function testScalesAndTablesReadAsTheLawGivesThem(): void
    {
        $p = $this->policy;
        $this->assertSame(self::steps(Facts::YEARS_BACHELOR), $p->get('expert.levels.bachelor', '2024-01-01'));
        $this->assertSame(self::steps(Facts::YEARS_MASTER), $p->getValue('expert.levels.master', '2024-01-01')->entries);
        $param = $p->parameter('expert.levels.bachelor');
        $this->assertSame('scale of years to level', $param->unit);
        $this->assertSame(self::steps(Facts::YEARS_BACHELOR), $param->values[0]->entries);
        $this->assertSame(\count(self::steps(Facts::YEARS_BACHELOR)), $param->values[0]->value);
        $table = $p->get('expert.role_level', '2024-01-01');
        $this->assertSame('table of role to level', $p->parameter('expert.role_level')->unit);
        foreach ($table as $role => $level) {
            $r = $p->expertSalaryCap(degree: 'bachelor', experienceYears: 0, role: $role, on: '2024-01-01');
            $this->assertSame($level, $r->level, $role);
        }
        $this->assertNull($p->getValue('expert.cap.level1', '2024-01-01')->entries);
        $json = json_decode(json_encode($p->getValue('expert.role_level', '2024-01-01')), true);
        $this->assertSame($table, $json['entries']);
    }

    public function testAScaleWhatIfMovesTheLevels(): void
    {
        $q = clone $this->policy;
        $lower = Facts::YEARS_BACHELOR[3] - 1;   // a year short of level 3 in law
        $q->set('expert.levels.bachelor', '2024-01-01', [$lower + 2 => 1, 0 => 4, $lower => 3, $lower + 1 => 2]);
        $this->assertSame([0 => 4, $lower => 3, $lower + 1 => 2, $lower + 2 => 1], $q->get('expert.levels.bachelor', '2024-01-01'));
        $this->assertSame('user', $q->getValue('expert.levels.bachelor', '2024-01-01')->certainty->value);
        $this->assertSame(3, $q->expertSalaryCap(degree: 'bachelor', experienceYears: $lower, on: '2024-06-01')->level);
        $this->assertSame(4, $q->expertSalaryCap(degree: 'bachelor', experienceYears: $lower - 0.01, on: '2024-06-01')->level);
        $this->assertSame(4, $this->policy->expertSalaryCap(degree: 'bachelor', experienceYears: $lower, on: '2024-06-01')->level);
        $this->assertSame(self::steps(Facts::YEARS_BACHELOR), $q->get('expert.levels.bachelor', '2023-12-31'));
    }

    public function testATableWhatIfByCodeName(): void
    {
        $q = clone $this->policy;
        $q->set('expert.role_level', '2024-01-01', ['team_leader' => 1, 'item_lead' => 1]);
        $this->assertSame(['item_lead' => 1, 'team_leader' => 1], $q->get('expert.role_level', '2024-01-01'));
        $this->assertSame(1, $q->expertSalaryCap(degree: 'bachelor', experienceYears: 0, role: 'item_lead', on: '2024-06-01')->level);
        $q->set('expert.role_level', '2025-01-01', []);
        $this->assertSame([], $q->get('expert.role_level', '2025-01-01'));
        $this->assertSame(4, $q->expertSalaryCap(degree: 'bachelor', experienceYears: 0, role: 'team_leader', on: '2025-06-01')->level);
    }

    /** @return iterable<string, array{string, mixed, class-string}> */
    public static function badEntries(): iterable
    {
        yield 'unknown role' => ['expert.role_level', ['boss' => 1], InvalidArgumentError::class];
        yield 'an int for a table' => ['expert.role_level', 1, \TypeError::class];
        yield 'level 9' => ['expert.role_level', ['item_lead' => 9], InvalidArgumentError::class];
        yield 'a bool value' => ['expert.role_level', ['item_lead' => true], \TypeError::class];
        yield 'a scale not from 0' => ['expert.levels.bachelor', [1 => 4], InvalidArgumentError::class];
        yield 'a scale without steps' => ['expert.levels.bachelor', [], InvalidArgumentError::class];
        yield 'a step past the range' => ['expert.levels.bachelor', [0 => 4, 500 => 3], InvalidArgumentError::class];
        yield 'a float value' => ['expert.levels.bachelor', [0 => 4.0], \TypeError::class];
        yield 'a text step' => ['expert.levels.bachelor', ['five' => 3], InvalidArgumentError::class];
        yield 'too many steps' => ['expert.levels.bachelor', array_fill(0, 1001, 4), InvalidArgumentError::class];
        yield 'an array for a number' => ['expert.cap.level1', [0 => 1], \TypeError::class];
    }

    /** @dataProvider badEntries */
    public function testTableAndScaleWhatIfsRefuseBadEntries(string $key, mixed $value, string $class): void
    {
        $p = clone $this->policy;
        $before = $p->get($key, '2024-01-01');
        try {
            $p->set($key, '2024-01-01', $value);
            $this->fail("expected $class");
        } catch (\Throwable $e) {
            $this->assertInstanceOf($class, $e);
            $this->assertStringContainsString($key, $e->getMessage());
        }
        $this->assertSame($before, $p->get($key, '2024-01-01'));
    }

    public function testParamTypeGivesEachParametersCodeList(): void
    {
        $raw = \nl_policy_default();
        $roles = array_map(static fn (\NhanLuc\Role $r): string => $r->value, \NhanLuc\Role::cases());
        $this->assertSame(['type' => \NL_PARAM_TABLE, 'list' => 'role', 'codes' => $roles], \nlb_param_type($raw, 'expert.role_level'));
        $this->assertSame(['type' => \NL_PARAM_SCALE, 'list' => '', 'codes' => []], \nlb_param_type($raw, 'expert.levels.bachelor'));
        $this->assertSame(['type' => \NL_PARAM_NUMBER, 'list' => '', 'codes' => []], \nlb_param_type($raw, 'expert.cap.level1'));
        $this->expectException(NotFoundException::class);
        \nlb_param_type($raw, 'expert.no_such');
    }
}
