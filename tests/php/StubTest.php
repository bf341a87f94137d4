<?php

declare(strict_types=1);

namespace NhanLuc\Tests;

use PHPUnit\Framework\TestCase;

/**
 * bindings/php/nhanluc.stub.php describes the extension for IDEs and static
 * analysers: it must declare exactly the extension's functions (with as many
 * parameters, and the extension's parameter types where SWIG declares one),
 * its classes with their parents, and its constants with their values. The
 * stub is loaded in a PHP without the extension (tests/php/data/stub_dump.php)
 * and compared with this one's reflection.
 */
final class StubTest extends TestCase
{
    private static array $stub;

    public static function setUpBeforeClass(): void
    {
        $stub = \dirname(__DIR__, 2) . '/bindings/php/nhanluc.stub.php';
        $cmd = escapeshellarg(PHP_BINARY) . ' -n ' . escapeshellarg(__DIR__ . '/data/stub_dump.php')
            . ' ' . escapeshellarg($stub);
        exec($cmd, $lines, $status);
        self::assertSame(0, $status, "$cmd failed");
        self::$stub = json_decode(implode("\n", $lines), true, 512, JSON_THROW_ON_ERROR);
    }

    public function testEveryFunctionAndOnlyThoseWithTheirParameters(): void
    {
        $ext = get_extension_funcs('nhanluc');
        sort($ext);
        $stub = array_keys(self::$stub['functions']);
        sort($stub);
        $this->assertSame($ext, $stub);
        foreach ($ext as $name) {
            $real = new \ReflectionFunction($name);
            $declared = self::$stub['functions'][$name];
            $this->assertCount($real->getNumberOfParameters(), $declared['params'], $name);
            foreach ($real->getParameters() as $i => $p) {
                $this->assertSame($p->isOptional(), $declared['params'][$i]['optional'], "$name #$i");
                if ($p->hasType()) {
                    $this->assertSame((string) $p->getType(), $declared['params'][$i]['type'], "$name #$i");
                }
            }
            if ($real->hasReturnType()) {
                $stubReturn = ltrim($declared['return'], '?');
                $this->assertStringContainsString($stubReturn, (string) $real->getReturnType(), $name);
            }
        }
    }

    public function testEveryClassWithItsParentAndMethods(): void
    {
        foreach (self::$stub['classes'] as $name => $declared) {
            $this->assertTrue(class_exists($name) || interface_exists($name), "$name is not in the extension");
            $real = new \ReflectionClass($name);
            $this->assertSame('nhanluc', $real->getExtensionName(), $name);
            $this->assertSame($declared['interface'], $real->isInterface(), $name);
            $this->assertSame($declared['parent'], $real->getParentClass() ? $real->getParentClass()->getName() : null, $name);
            foreach ($declared['interfaces'] as $interface) {
                $this->assertTrue($real->implementsInterface($interface), "$name implements $interface");
            }
            foreach ($declared['methods'] as $method) {
                $this->assertTrue($real->hasMethod($method), "$name::$method");
            }
        }
        // The other way: every class of the extension but SWIG's internal
        // pointer classes (SWIG\_p_*) and its module class.
        foreach (array_merge(get_declared_classes(), get_declared_interfaces()) as $name) {
            $c = new \ReflectionClass($name);
            if ($c->getExtensionName() !== 'nhanluc' || str_starts_with($name, 'SWIG\\') || $name === 'nhanluc') {
                continue;
            }
            $this->assertArrayHasKey($name, self::$stub['classes'], "$name is not in the stub");
        }
    }

    public function testEveryConstantWithItsValue(): void
    {
        $ext = get_defined_constants(true)['nhanluc'];
        unset($ext['swig_runtime_data_type_pointer']);
        ksort($ext);
        $stub = self::$stub['constants'];
        ksort($stub);
        $this->assertSame($ext, $stub);
    }
}
