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
        $p->set('attraction.majors', '2024-01-01', 1 << \NL_MAJOR_IT);
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
}
