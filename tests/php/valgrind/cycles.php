<?php
/**
 * Handle lifetimes under valgrind (ctest label valgrind): N create/free
 * cycles of policy handles (default 100,000), through the NhanLuc layer and
 * the raw extension, with rule answers, listings, batch plans (each
 * outliving its policy) and every error path in between. Run as
 *
 *   USE_ZEND_ALLOC=0 valgrind --leak-check=full --error-exitcode=1 \
 *       php -n -d extension=/abs/nhanluc.so tests/php/valgrind/cycles.php [N]
 *
 * and expect "definitely lost: 0 bytes" and no invalid read or write: every
 * handle is freed exactly once, results own their strings.
 */

declare(strict_types=1);

require dirname(__DIR__, 3) . '/bindings/php/src/NhanLuc/autoload.php';

use NhanLuc\Policy;

$cycles = (int) ($argv[1] ?? 100_000);
$document = (string) file_get_contents(dirname(__DIR__, 3) . '/data/laocai.json');
$base = Policy::defaultPolicy();
$raw = nl_policy_default();
$iso = '2024-05-01';
$created = 0;
$errors = 0;
$sum = 0;

$expect = static function (string $class, callable $call) use (&$errors): void {
    try {
        $call();
    } catch (Throwable $e) {
        if (!$e instanceof $class) {
            throw $e;
        }
        $errors++;
        return;
    }
    throw new RuntimeException("expected $class");
};

for ($i = 0; $i < $cycles; $i++) {
    switch ($i % 4) {
        case 0:   // layer: clone, answer, free
            $p = clone $base;
            $r = $p->attractionSubsidy([
                'degree' => 'bachelor', 'major' => 'it', 'agency' => 'state',
                'dedicated_post' => true, 'workplace' => 80 + $i % 10, 'start' => '2024-05-01',
            ]);
            $sum += $r->amount;
            unset($p);
            break;
        case 1:   // layer: what-if on a copy, the result outlives the copy
            $p = $base->copy();
            $p->set('expert.cap.level1', '2025-07-01', 80_000_000 + $i);
            $r = $p->expertSalaryCap(degree: 'master', experienceYears: 8, on: '2025-08-01');
            unset($p);
            $sum += strlen($r->source) + $r->monthly;
            break;
        case 2:   // raw: clone and free, answer as an array
            $h = nl_policy_clone($raw);
            $a = nlb_rule_eval($h, 'training_support', ['dedicated_official' => true, 'short_concentrated' => true,
                'tuition' => 1_000_000, 'meals' => 300_000, 'days' => 2, 'start' => $iso]);
            unset($h);
            $sum += $a['total'] + strlen($a['source']);
            break;
        default:  // raw handle replaced while referenced twice
            $h = nl_policy_clone($raw);
            $alias = $h;
            $h = nl_policy_clone($raw);
            $created++;
            unset($alias, $h);
            break;
    }
    $created++;

    if ($i % 100 === 0) {   // the expensive factories: built-in and parsed
        $p = Policy::defaultPolicy();
        $q = Policy::parse($document);
        $created += 2;
        $sum += count($p->parameters()) + count($q->workplaces());
        unset($p, $q);
    }
    if ($i % 100 === 50) {   // batch plans: each outlives its policy, freed in turn
        $p = clone $base;
        $plan = $p->plan(['attraction_subsidy', 'expert_salary_cap', 'training_support'][intdiv($i, 100) % 3]);
        $rawPlan = nlb_batch_plan_create(nl_policy_clone($raw), 'attraction_subsidy');
        unset($p);
        $out = nlb_batch_run($rawPlan, ['degree' => ['bachelor', 'master'], 'major' => 'it', 'agency' => 'state',
            'dedicated_post' => true, 'workplace' => ['088', 'Sa Pa'], 'start' => ['2024-05-01', '2025-07-01']], 1);
        $sum += array_sum($out['amount']) + strlen($out['source'][1]);
        $created += 4;
        unset($plan, $rawPlan, $out);
    }
    if ($i % 1000 === 0) {   // every error path allocates and frees
        $plan = $base->plan('training_support');
        $claims = ['dedicated_official' => [true, true], 'short_concentrated' => true, 'days' => [2, 2], 'start' => '2024-05-01'];
        $expect(NhanLuc\InvalidArgumentError::class, fn () => $plan->run(['days' => [2, 0]] + $claims));
        $expect(NhanLuc\DateError::class, fn () => $plan->run(['start' => ['2024-05-01', '2023-02-29']] + $claims));
        $expect(NhanLuc\OverflowException::class, fn () => $plan->run(['tuition' => [0, PHP_INT_MAX], 'meals' => 1] + $claims));
        $expect(TypeError::class, fn () => $plan->run(['dedicated_official' => [true, 'no']] + $claims));
        $expect(NhanLuc\InvalidArgumentError::class, fn () => $plan->run(['days' => [2]] + $claims));
        $expect(NhanLuc\InvalidArgumentError::class, fn () => $plan->run(['nope' => [1, 2]] + $claims));
        $expect(NhanLuc\NotFoundException::class, fn () => $base->population('attraction_subsidy', ['degree' => ['bachelor'],
            'major' => 'it', 'agency' => 'state', 'dedicated_post' => true, 'workplace' => 'Paris', 'start' => '2024-05-01']));
        $expect(NhanLuc\NotFoundException::class, fn () => $base->plan('no_such_rule'));
        $changed = clone $base;
        $stale = $changed->plan('training_support');
        $changed->set('training.meals.cap_per_day', '2024-01-01', 1);
        $expect(NhanLuc\InvalidArgumentError::class, fn () => $stale->run($claims));
        unset($plan, $changed, $stale);

        $expect(NhanLuc\ParseException::class, fn () => Policy::parse('{"format": 1}'));
        $expect(NhanLuc\IOException::class, fn () => Policy::load('/nonexistent/policy.json'));
        $expect(NhanLuc\NotFoundException::class, fn () => $base->get('no.such.key', '2024-01-01'));
        $expect(NhanLuc\NotInForceException::class, fn () => $base->get('expert.cap.level1', '2000-01-01'));
        $expect(NhanLuc\DateError::class, fn () => $base->get('expert.cap.level1', '2023-02-29'));
        $expect(NhanLuc\InvalidArgumentError::class, fn () => $base->workplace(100000));
        $expect(NhanLuc\NotFoundException::class, fn () => $base->workplace(1000));   // a code of no unit
        $expect(NhanLuc\OverflowException::class, fn () => nlb_rule_eval($raw, 'training_support', ['dedicated_official' => true,
            'short_concentrated' => true, 'tuition' => PHP_INT_MAX, 'materials' => PHP_INT_MAX, 'days' => 1, 'start' => $iso]));
        $expect(TypeError::class, fn () => nlb_rule_eval($raw, 'attraction_subsidy', ['degree' => 1.5, 'major' => 1, 'agency' => 2,
            'dedicated_post' => true, 'workplace' => 88, 'start' => $iso]));
        $expect(NhanLuc\NotFoundException::class, fn () => nlb_rule_eval($raw, 'no_such_family', []));
        $expect(TypeError::class, fn () => nl_policy_name(null));
        $expect(Error::class, fn () => clone $raw);
        $expect(Error::class, fn () => new nl_policy());
        $expect(TypeError::class, fn () => $raw->__get(5));
        $expect(Error::class, function () use ($raw): void {
            $raw->thisown = 0;
        });
        // Messages quoting a bounded excerpt of a long value (extension and layer).
        $expect(Error::class, function () use ($raw): void {
            $raw->{str_repeat("\xC3\xA9", 5000)} = 0;
        });
        $expect(NhanLuc\IOException::class, fn () => nl_policy_load('/' . str_repeat('é', 5000)));
        $expect(NhanLuc\IOException::class, fn () => Policy::load('/dev/null'));
        $expect(NhanLuc\InvalidArgumentError::class, fn () => NhanLuc\Degree::coerce("\xFF" . str_repeat('x', 100)));
        $expect(TypeError::class, fn () => $base->attractionSubsidy(degree: 'bachelor', major: 'it', agency: 'state',
            dedicatedPost: 'no', workplace: 88, start: '2024-05-01'));
    }
}

printf("%d handles created and freed, %d errors thrown, checksum %d\n", $created, $errors, $sum);
