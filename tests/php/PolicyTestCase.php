<?php

declare(strict_types=1);

namespace NhanLuc\Tests;

use NhanLuc\Policy;
use PHPUnit\Framework\TestCase;

/** A test case with a fresh built-in policy per test. */
abstract class PolicyTestCase extends TestCase
{
    protected Policy $policy;

    protected function setUp(): void
    {
        $this->policy = Policy::defaultPolicy();
    }

    /**
     * The shared cases of family $rule (tests/cases/<rule>.json), each with
     * its name, its input (the file's defaults under it) and its expected
     * output, every {"fact": ...} replaced by the figure it names.
     *
     * @return list<array{name: string, input: array<string, mixed>, output: array<string, mixed>}>
     */
    protected static function sharedCases(string $rule): array
    {
        $doc = json_decode((string) file_get_contents(\dirname(__DIR__) . "/cases/$rule.json"), true, 512, JSON_THROW_ON_ERROR);
        $facts = $doc['facts'] ?? [];
        $resolve = static fn (array $values): array => array_map(
            static fn (mixed $v): mixed => self::resolved($facts, $v),
            $values,
        );
        $out = [];
        foreach ($doc['cases'] as $c) {
            $out[] = ['name' => $c['name'], 'input' => $resolve($c['input'] + $doc['defaults']), 'output' => $resolve($c['output'])];
        }
        return $out;
    }

    /**
     * A value as written, or the fact it names: {"fact": "amount_district"}
     * is the value of facts.amount_district, {"fact": "tt004_cap", "at": "2"}
     * its member "2" (a figure of the law is written once).
     *
     * @param array<string, array{value: mixed}> $facts
     */
    private static function resolved(array $facts, mixed $v): mixed
    {
        if (!\is_array($v) || !\array_key_exists('fact', $v)) {
            return $v;
        }
        $value = $facts[$v['fact']]['value'] ?? throw new \LogicException("no fact {$v['fact']}");
        return \array_key_exists('at', $v) ? $value[$v['at']] : $value;
    }

    /** Asserts that $fn throws $class with getCode() $code. */
    protected function assertThrowsCode(string $class, int $code, callable $fn): \Throwable
    {
        try {
            $fn();
        } catch (\Throwable $e) {
            $this->assertInstanceOf($class, $e, $e->getMessage());
            $this->assertSame($code, $e->getCode(), $e->getMessage());
            return $e;
        }
        $this->fail("expected $class");
    }
}
