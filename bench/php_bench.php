<?php
/*
 * PHP benchmark (bench/run step "php"; docs/scenarios.md, "Benchmarks").
 *
 * The attraction subsidy for N records (default 1,000,000), one call per
 * record, three ways, on the same records:
 *   ext_raw   the extension's generic call nlb_rule_eval($h,
 *             'attraction_subsidy', $case) (the one every family has; codes
 *             as ints, ISO dates; the case arrays made beforehand, 4,096 of
 *             them reused): its fastest per-record path. The pure version
 *             it is measured against takes day numbers, so the date parse
 *             is the extension's alone;
 *   layer     NhanLuc\Policy::attractionSubsidy(degree: 'bachelor', ...,
 *             workplace: '088', start: 'Y-m-d'), the documented API
 *             (names, validation, result objects), timed on a subset and
 *             scaled per record; against it php_layer_vs_pure_php times
 *             the pure version given the same names, text codes and ISO
 *             dates (PureAttraction::subsidyNamed); and the same in its array
 *             form (['degree' => 'bachelor', ..., 'workplace' => '088',
 *             'start' => 'Y-m-d'], arrays made beforehand for the first
 *             4,096 records and reused), key php_layer_array_ns_per_call;
 *   pure      bench/pure_php_attraction.php, the rule in plain PHP with its
 *             parameters read once from the policy.
 * Every answer of the pure version is checked against the extension's
 * (amount, reason, certainty, source) before timing. Best of R runs; prints
 * one JSON object. Timing only: nothing here is a test.
 *
 * usage: php -d extension=/abs/nhanluc.so bench/php_bench.php
 *            --autoload bindings/php/src/NhanLuc/autoload.php
 *            [--records N] [--reps R] [--layer-records M] [--quick]
 */

declare(strict_types=1);

$opts = getopt('', ['autoload:', 'records:', 'reps:', 'layer-records:', 'quick']);
$quick = isset($opts['quick']);
$n = (int) ($opts['records'] ?? ($quick ? 20000 : 1000000));
$reps = (int) ($opts['reps'] ?? ($quick ? 1 : 3));
$layerN = min($n, (int) ($opts['layer-records'] ?? ($quick ? 5000 : 200000)));
require $opts['autoload'] ?? __DIR__ . '/../bindings/php/src/NhanLuc/autoload.php';
require __DIR__ . '/pure_php_attraction.php';

// A population like bench/c_bench.c's and nhanluc.scenario's: most people
// qualify on paper; workplaces in and outside the province; start dates
// around the 2021-2025 period.
mt_srand(20250701);
$codes = [80, 82, 83, 84, 85, 86, 87, 88, 89, 80, 88, 86, 89, 24, 132];
$deg = $maj = $ag = $ded = $wp = $st = $iso = [];
$first = nl_date_parse('2020-07-01');
$last = nl_date_parse('2026-06-30');
for ($i = 0; $i < $n; $i++) {
    $deg[] = [0, 1, 2, 2, 2, 2, 3, 3, 4][mt_rand(0, 8)];
    $maj[] = [0, 1, 1, 2][mt_rand(0, 3)];
    $ag[] = [0, 1, 2, 2][mt_rand(0, 3)];
    $ded[] = mt_rand(0, 9) < 8;
    $wp[] = $codes[mt_rand(0, count($codes) - 1)];
    $st[] = mt_rand($first, $last);
}
// The array form's values as a form or a CSV gives them: enum names,
// three-digit GSO codes.
$degName = ['none', 'college', 'bachelor', 'master', 'doctor'];
$majName = ['other', 'it', 'electronics_telecom'];
$agName = ['other', 'party', 'state'];
$cases = [];
$wpText = [];
for ($i = 0; $i < $layerN; $i++) {
    $iso[] = gmdate('Y-m-d', $st[$i] * 86400);
    $wpText[] = sprintf('%03d', $wp[$i]);
    $case = ['degree' => $degName[$deg[$i]], 'major' => $majName[$maj[$i]], 'agency' => $agName[$ag[$i]],
             'dedicated_post' => $ded[$i], 'workplace' => sprintf('%03d', $wp[$i]), 'start' => $iso[$i]];
    if ($i < 4096) {
        $cases[] = $case;
    }
}

$policy = NhanLuc\Policy::defaultPolicy();
$h = nl_policy_default();
$pure = new PureAttraction($policy);

/** The generic call's case for record $i: codes, an ISO date. */
function rawCase(int $i, array $deg, array $maj, array $ag, array $ded, array $wp, array $st): array
{
    return ['degree' => $deg[$i], 'major' => $maj[$i], 'agency' => $ag[$i],
            'dedicated_post' => $ded[$i], 'workplace' => $wp[$i], 'start' => gmdate('Y-m-d', $st[$i] * 86400)];
}
$rawPool = min($n, 4096);
$rawCases = [];
for ($i = 0; $i < $rawPool; $i++) {
    $rawCases[] = rawCase($i, $deg, $maj, $ag, $ded, $wp, $st);
}

// Same answers, record by record.
for ($i = 0; $i < $n; $i++) {
    $a = nlb_rule_eval($h, 'attraction_subsidy', rawCase($i, $deg, $maj, $ag, $ded, $wp, $st));
    $b = $pure->subsidy($deg[$i], $maj[$i], $ag[$i], $ded[$i], $wp[$i], $st[$i]);
    if ($a['amount'] !== $b['amount'] || $a['reason'] !== $b['reason'] ||
        $a['eligible'] !== $b['eligible'] || $a['certainty'] !== $b['certainty'] ||
        $a['source'] !== $b['source']) {
        fwrite(STDERR, "php_bench: record $i differs: " . json_encode([$a, $b]) . "\n");
        exit(1);
    }
}
for ($i = 0; $i < $layerN; $i++) {
    $r = $policy->attractionSubsidy(degree: $deg[$i], major: $maj[$i], agency: $ag[$i],
        dedicatedPost: $ded[$i], workplace: $wp[$i], start: $iso[$i]);
    $b = $pure->subsidy($deg[$i], $maj[$i], $ag[$i], $ded[$i], $wp[$i], $st[$i]);
    $c = $pure->subsidyNamed($degName[$deg[$i]], $majName[$maj[$i]], $agName[$ag[$i]], $ded[$i],
        sprintf('%03d', $wp[$i]), $iso[$i]);
    if ($r->amount !== $b['amount'] || $r->reason->code() !== $b['reason'] || $c !== $b) {
        fwrite(STDERR, "php_bench: layer record $i differs\n");
        exit(1);
    }
    $a = $policy->attractionSubsidy(['degree' => $degName[$deg[$i]], 'major' => $majName[$maj[$i]],
        'agency' => $agName[$ag[$i]], 'dedicated_post' => $ded[$i], 'workplace' => sprintf('%03d', $wp[$i]),
        'start' => $iso[$i]]);
    if ($a != $r) {
        fwrite(STDERR, "php_bench: layer record $i differs in the array form\n");
        exit(1);
    }
}

function best(int $reps, callable $f): float
{
    $best = INF;
    for ($k = 0; $k < $reps; $k++) {
        $t = hrtime(true);
        $f();
        $best = min($best, (hrtime(true) - $t) / 1e9);
    }
    return $best;
}

$sum = 0;
// Both sides read the same 4,096 records over and over.
$tExt = best($reps, function () use ($h, $n, $rawCases, $rawPool, &$sum) {
    for ($i = 0; $i < $n; $i++) {
        $r = nlb_rule_eval($h, 'attraction_subsidy', $rawCases[$i % $rawPool]);
        $sum += $r['amount'];
    }
});
$tPure = best($reps, function () use ($pure, $n, $rawPool, $deg, $maj, $ag, $ded, $wp, $st, &$sum) {
    for ($i = 0; $i < $n; $i++) {
        $k = $i % $rawPool;
        $r = $pure->subsidy($deg[$k], $maj[$k], $ag[$k], $ded[$k], $wp[$k], $st[$k]);
        $sum += $r['amount'];
    }
});
$tLayer = best($reps, function () use ($policy, $layerN, $degName, $majName, $agName, $deg, $maj, $ag, $ded, $wpText, $iso, &$sum) {
    for ($i = 0; $i < $layerN; $i++) {
        $r = $policy->attractionSubsidy(degree: $degName[$deg[$i]], major: $majName[$maj[$i]],
            agency: $agName[$ag[$i]], dedicatedPost: $ded[$i], workplace: $wpText[$i], start: $iso[$i]);
        $sum += $r->amount;
    }
});
$tPureNamed = best($reps, function () use ($pure, $layerN, $degName, $majName, $agName, $deg, $maj, $ag, $ded, $wpText, $iso, &$sum) {
    for ($i = 0; $i < $layerN; $i++) {
        $r = $pure->subsidyNamed($degName[$deg[$i]], $majName[$maj[$i]], $agName[$ag[$i]],
            $ded[$i], $wpText[$i], $iso[$i]);
        $sum += $r['amount'];
    }
});
$tLayerArray = best($reps, function () use ($policy, $layerN, $cases, &$sum) {
    $pool = count($cases);
    for ($i = 0; $i < $layerN; $i++) {
        $r = $policy->attractionSubsidy($cases[$i % $pool]);
        $sum += $r->amount;
    }
});
$tLoop = best($reps, function () use ($n, $deg, $maj, $ag, $ded, $wp, $st, &$sum) {
    for ($i = 0; $i < $n; $i++) {
        $sum += $deg[$i] + $maj[$i] + $ag[$i] + (int) $ded[$i] + $wp[$i] + $st[$i];
    }
});

$perExt = $tExt / $n;
$perPure = $tPure / $n;
$perLayer = $tLayer / $layerN;
$perPureNamed = $tPureNamed / $layerN;
$perLayerArray = $tLayerArray / $layerN;
$opcache = function_exists('opcache_get_status') && ini_get('opcache.enable_cli') === '1';
$jit = $opcache ? (string) ini_get('opcache.jit') : '';
echo json_encode([
    'php_ext_vs_pure_php' => round($perPure / $perExt, 3),
    'php_layer_vs_pure_php' => round($perPureNamed / $perLayer, 3),
    'php_pure_named_ns_per_call' => round($perPureNamed * 1e9, 1),
    'php_records' => $n,
    'php_layer_records' => $layerN,
    'php_layer_scaled' => $layerN < $n,
    'php_repetitions' => $reps,
    'php_ext_raw_ns_per_call' => round($perExt * 1e9, 1),
    'php_pure_ns_per_call' => round($perPure * 1e9, 1),
    'php_layer_ns_per_call' => round($perLayer * 1e9, 1),
    'php_layer_array_ns_per_call' => round($perLayerArray * 1e9, 1),
    'php_loop_overhead_ns' => round($tLoop / $n * 1e9, 1),
    'php_version' => PHP_VERSION,
    'php_opcache_cli' => $opcache,
    'php_jit' => ($jit === '' || $jit === '0' || $jit === 'disable' || $jit === 'off') ? 'off' : $jit,
    'php_checksum' => $sum % 1000003,
], JSON_PRETTY_PRINT), "\n";
