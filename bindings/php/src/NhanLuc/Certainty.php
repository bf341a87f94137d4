<?php

declare(strict_types=1);

namespace NhanLuc;

/**
 * How sure the policy data is of a value (the library's nl_certainty). A rule
 * result carries the weakest certainty of the values it used, so an answer
 * that rests on a placeholder says so.
 */
enum Certainty: string
{
    /** Seen in the legal instrument named. */
    case Confirmed = 'confirmed';
    /** Seen only in press reports; the instrument was not checked. */
    case Reported = 'reported';
    /** A placeholder: the real value is not known. */
    case Unconfirmed = 'unconfirmed';
    /** Set by the caller through Policy::set() (what-if). */
    case User = 'user';

    /** The library's numeric code (NL_CERTAINTY_*). */
    public function code(): int
    {
        return match ($this) {
            self::Confirmed => \NL_CERTAINTY_CONFIRMED,
            self::Reported => \NL_CERTAINTY_REPORTED,
            self::Unconfirmed => \NL_CERTAINTY_UNCONFIRMED,
            self::User => \NL_CERTAINTY_USER,
        };
    }

    /** The case for a library code. */
    public static function fromCode(int $code): self
    {
        $name = \nl_certainty_name($code);
        if ($name === null) {
            throw new InvalidArgumentError("unknown certainty code $code", Status::InvalidArgument->value);
        }
        return self::from($name);
    }

    /** True only for Confirmed. */
    public function isConfirmed(): bool
    {
        return $this === self::Confirmed;
    }

    /** The weaker of two certainties (confirmed < reported < unconfirmed < user). */
    public function weaker(self $other): self
    {
        return $other->code() > $this->code() ? $other : $this;
    }
}
