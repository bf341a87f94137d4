<?php

declare(strict_types=1);

namespace NhanLuc;

/**
 * @internal Shared by the input enums (Degree, Major, Agency, Role: the code
 * lists scripts/php_enums.c writes): accept the case itself, its string
 * value ("bachelor") or the library's integer code (NL_DEGREE_BACHELOR).
 */
trait EnumInput
{
    abstract public function code(): int;

    /** The case for a library code. */
    public static function fromCode(int $code): self
    {
        foreach (self::cases() as $case) {
            if ($case->code() === $code) {
                return $case;
            }
        }
        throw new InvalidArgumentError(
            sprintf('unknown %s code %d', self::label(), $code),
            Status::InvalidArgument->value
        );
    }

    /**
     * The case for a user value: a case, a string value or a library code.
     *
     * @throws InvalidArgumentError for an unknown string or code
     */
    public static function coerce(self|string|int $value): self
    {
        if ($value instanceof self) {
            return $value;
        }
        if (is_int($value)) {
            return self::fromCode($value);
        }
        $case = self::tryFrom($value);
        if ($case === null) {
            throw new InvalidArgumentError(
                sprintf(
                    'unknown %s %s (expected one of: %s)',
                    self::label(),
                    Excerpt::quote($value),
                    implode(', ', array_map(static fn (self $c): string => $c->value, self::cases()))
                ),
                Status::InvalidArgument->value
            );
        }
        return $case;
    }

    private static function label(): string
    {
        return strtolower(substr(strrchr(self::class, '\\'), 1));
    }
}
