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

    /** Library codes => cases, the inverse of code(): one lookup per answer. */
    private const BY_CODE = [
        \NL_CERTAINTY_CONFIRMED => self::Confirmed, \NL_CERTAINTY_REPORTED => self::Reported,
        \NL_CERTAINTY_UNCONFIRMED => self::Unconfirmed, \NL_CERTAINTY_USER => self::User,
    ];

    /** The case for a library code. */
    public static function fromCode(int $code): self
    {
        return self::BY_CODE[$code]
            ?? throw new InvalidArgumentError("unknown certainty code $code", Status::InvalidArgument->value);
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
