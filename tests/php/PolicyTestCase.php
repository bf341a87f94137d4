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
