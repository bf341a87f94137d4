<?php
// Run without the extension (php -n): loads bindings/php/nhanluc.stub.php as
// ordinary PHP and prints what it declares as JSON, for StubTest to compare
// with the loaded extension.
declare(strict_types=1);

require $argv[1];

$out = ['functions' => [], 'classes' => [], 'constants' => []];
foreach (get_defined_functions()['user'] as $name) {
    $f = new ReflectionFunction($name);
    $params = [];
    foreach ($f->getParameters() as $p) {
        $params[] = ['type' => (string) $p->getType(), 'optional' => $p->isOptional()];
    }
    $out['functions'][$f->getName()] = ['params' => $params, 'return' => (string) $f->getReturnType()];
}
foreach (array_merge(get_declared_classes(), get_declared_interfaces()) as $name) {
    $c = new ReflectionClass($name);
    if ($c->isInternal()) {
        continue;
    }
    $methods = [];
    foreach ($c->getMethods() as $m) {
        if ($m->getDeclaringClass()->getName() === $name && !$m->isPrivate()) {
            $methods[] = $m->getName();
        }
    }
    sort($methods);
    $out['classes'][$name] = [
        'parent' => $c->getParentClass() ? $c->getParentClass()->getName() : null,
        'interfaces' => $c->getInterfaceNames(),
        'interface' => $c->isInterface(),
        'final' => $c->isFinal(),
        'methods' => $methods,
    ];
}
$out['constants'] = get_defined_constants(true)['user'] ?? [];
echo json_encode($out, JSON_PRETTY_PRINT), "\n";
