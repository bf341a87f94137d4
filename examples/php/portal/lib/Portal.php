<?php
/**
 * The portal's one page: three questions (attraction subsidy, expert salary
 * cap, training support), each a form whose answer comes from libnhanluc
 * through the NhanLuc PHP layer.
 */

declare(strict_types=1);

namespace Portal;

use NhanLuc\DateError;
use NhanLuc\OverflowException;
use NhanLuc\Policy;
use NhanLuc\Result;

if (!\defined('PORTAL_ROOT')) {
    http_response_code(404);
    exit;
}

final class Portal
{
    public const QUESTIONS = ['attraction', 'expert', 'training'];
    public const DEGREES = ['none', 'college', 'bachelor', 'master', 'doctor'];
    public const MAJORS = ['it', 'electronics_telecom', 'other'];
    public const AGENCIES = ['party', 'state', 'other'];
    public const ROLES = ['member', 'item_lead', 'team_leader'];
    /** The workplace choice for "outside the province": a code of no unit. */
    public const WORKPLACE_OTHER = 'other';

    public function __construct(private readonly Policy $policy)
    {
    }

    /**
     * Everything the page shows for one request.
     *
     * @param array<string, mixed> $query $_GET
     * @param Text|null            $t     the texts of $query['lang'], if already chosen
     *
     * @return array<string, mixed>
     */
    public function handle(array $query, ?Text $t = null): array
    {
        $t ??= Text::for($query['lang'] ?? 'vi');
        $q = $query['q'] ?? 'attraction';
        if (!\is_string($q) || !\in_array($q, self::QUESTIONS, true)) {
            $q = 'attraction';
        }
        $form = new Form($query, $t);
        $result = null;
        // Only the attraction question lists the workplaces (its form and check).
        $workplaces = $q === 'attraction' ? $this->policy->workplaces() : [];
        $submitted = \is_string($query['ask'] ?? null);
        if ($submitted) {
            $result = match ($q) {
                'attraction' => $this->attraction($form, $workplaces),
                'expert' => $this->expert($form),
                'training' => $this->training($form),
            };
        }
        return [
            't' => $t,
            'q' => $q,
            'query' => $query,
            'form' => $form,
            'submitted' => $submitted,
            'result' => $result,
            'workplaces' => $workplaces,
            'policyName' => $this->policy->name(),
            'version' => Policy::libraryVersion(),
        ];
    }

    /** @param list<\NhanLuc\Workplace> $workplaces */
    private function attraction(Form $f, array $workplaces): ?Result
    {
        $codes = array_map(static fn ($w) => $w->gsoCode(), $workplaces);
        $f->choice('degree', self::DEGREES);
        $f->choice('major', self::MAJORS);
        $f->choice('agency', self::AGENCIES);
        $f->yesNo('dedicated_post');
        $f->choice('workplace', [...$codes, self::WORKPLACE_OTHER]);
        $f->date('start');
        if (!$f->ok()) {
            return null;
        }
        $v = $f->values;
        return $this->ask($f, 'start', fn () => $this->policy->attractionSubsidy([
            'degree' => $v['degree'],
            'major' => $v['major'],
            'agency' => $v['agency'],
            'dedicated_post' => $v['dedicated_post'],
            // A code of no unit of the province (0) answers "outside the province".
            'workplace' => $v['workplace'] === self::WORKPLACE_OTHER ? 0 : $v['workplace'],
            'start' => $v['start'],
        ]));
    }

    private function expert(Form $f): ?Result
    {
        $f->choice('degree', self::DEGREES);
        $f->years('experience_years');
        $f->choice('role', self::ROLES);
        $f->date('on');
        if (!$f->ok()) {
            return null;
        }
        $v = $f->values;
        return $this->ask($f, 'on', fn () => $this->policy->expertSalaryCap([
            'degree' => $v['degree'],
            'experience_years' => $v['experience_years'],
            'role' => $v['role'],
            'on' => $v['on'],
        ]));
    }

    private function training(Form $f): ?Result
    {
        $f->yesNo('dedicated_official');
        $f->yesNo('short_concentrated');
        foreach (['tuition', 'materials', 'meals', 'travel'] as $money) {
            $f->money($money);
        }
        $f->days('days');
        $f->date('start');
        if (!$f->ok()) {
            return null;
        }
        $v = $f->values;
        try {
            return $this->ask($f, 'start', fn () => $this->policy->trainingSupport([
                'dedicated_official' => $v['dedicated_official'],
                'short_concentrated' => $v['short_concentrated'],
                'tuition' => $v['tuition'],
                'materials' => $v['materials'],
                'meals' => $v['meals'],
                'travel' => $v['travel'],
                'days' => $v['days'],
                'start' => $v['start'],
            ]));
        } catch (OverflowException) {
            $f->fail('tuition', 'err_sum_large');
            return null;
        }
    }

    /** Runs a rule; a date the library refuses (year out of range) is a field error. */
    private function ask(Form $f, string $dateField, callable $rule): ?Result
    {
        try {
            return $rule();
        } catch (DateError) {
            $f->fail($dateField, 'err_date_range');
            return null;
        }
    }
}
