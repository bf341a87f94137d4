<?php
/**
 * The shared case files (tests/cases/<rule>.json) through
 * Policy::evaluate() and the typed methods, compared output by output. The
 * C (tests/test_cases.c) and Python (tests/python/test_cases.py) runners
 * read the same files.
 */

declare(strict_types=1);

namespace NhanLuc\Tests;

use NhanLuc\Policy;

final class CasesTest extends PolicyTestCase
{
    /** @return iterable<string, array{string, array<string, mixed>, array<string, mixed>}> */
    public static function cases(): iterable
    {
        foreach (Policy::rules() as $rule) {
            foreach (self::sharedCases($rule['name']) as $i => $c) {
                yield "{$rule['name']}#$i {$c['name']}" => [$rule['name'], $c['input'], $c['output']];
            }
        }
    }

    /** @dataProvider cases */
    public function testEachSharedCase(string $rule, array $given, array $expected): void
    {
        $generic = $this->policy->evaluate($rule, $given)->toArray();
        $typed = match ($rule) {
            'attraction_subsidy' => $this->policy->attractionSubsidy($given),
            'expert_salary_cap' => $this->policy->expertSalaryCap($given),
            'training_support' => $this->policy->trainingSupport($given),
            default => null,
        };
        $typedArray = $typed?->toArray();
        $generic['eligible'] = $this->policy->evaluate($rule, $given)->eligible;
        foreach ($expected as $key => $value) {
            $this->assertSame($value, $generic[$key], "$key (evaluate)");
            if ($typedArray !== null) {
                $camel = lcfirst(str_replace('_', '', ucwords($key, '_')));
                $this->assertSame($value, $typedArray[$camel], "$key (typed method)");
            }
        }
    }

    public function testEveryFamilyHasItsCaseFile(): void
    {
        $count = 0;
        foreach (self::cases() as $case) {
            $count++;
        }
        $this->assertGreaterThanOrEqual(60, $count);
    }
}
