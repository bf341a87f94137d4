<?php
// No declare(strict_types=1): calls made from this file are in PHP's
// coercive mode, the default of most PHP code. BadInputMatrixTest runs the
// rows where the mode changes anything through these helpers.

namespace NhanLuc\Tests\Coercive;

/** $f(...$args), called in coercive mode. */
function call(callable $f, mixed ...$args): mixed
{
    return $f(...$args);
}

/**
 * call() with PHP's deprecation notices silenced: in coercive mode PHP
 * passes null to a string parameter of an internal function as "" with a
 * deprecation (PHPUnit would turn it into an exception).
 */
function callQuietly(callable $f, mixed ...$args): mixed
{
    set_error_handler(static fn (): bool => true, E_DEPRECATED);
    try {
        return $f(...$args);
    } finally {
        restore_error_handler();
    }
}
