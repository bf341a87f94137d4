<?php

declare(strict_types=1);

namespace NhanLuc;

/**
 * Why a rule decided as it did (nl_reason). The values are the library's
 * stable identifiers; message() gives the library's Vietnamese or English
 * text, which a portal may show verbatim.
 */
enum Reason: string
{
    /** All conditions met. */
    case Ok = 'ok';
    /** No rule in force on the date. */
    case NotInForce = 'not_in_force';
    /** Degree below the one required. */
    case Degree = 'degree';
    /** Major is not IT / electronics-telecommunications. */
    case Major = 'major';
    /** Not a Party or State agency. */
    case Agency = 'agency';
    /** Not a dedicated IT / digital-transformation post. */
    case NotDedicated = 'not_dedicated';
    /** Workplace not a unit of the province. */
    case OutsideProvince = 'outside_province';
    /** Not a short-term concentrated course. */
    case CourseKind = 'course_kind';
    /** A unit of the province outside the area the rule covers. */
    case OutsideArea = 'outside_area';
    /** A unit formed from units of different tiers: the pre-2025 unit is needed. */
    case AmbiguousWorkplace = 'ambiguous_workplace';

    /** The library's numeric code (NL_REASON_*). */
    public function code(): int
    {
        return match ($this) {
            self::Ok => \NL_REASON_OK,
            self::NotInForce => \NL_REASON_NOT_IN_FORCE,
            self::Degree => \NL_REASON_DEGREE,
            self::Major => \NL_REASON_MAJOR,
            self::Agency => \NL_REASON_AGENCY,
            self::NotDedicated => \NL_REASON_NOT_DEDICATED,
            self::OutsideProvince => \NL_REASON_OUTSIDE_PROVINCE,
            self::CourseKind => \NL_REASON_COURSE_KIND,
            self::OutsideArea => \NL_REASON_OUTSIDE_AREA,
            self::AmbiguousWorkplace => \NL_REASON_AMBIGUOUS_WORKPLACE,
        };
    }

    /** Library codes => cases, the inverse of code(): one lookup per answer. */
    private const BY_CODE = [
        \NL_REASON_OK => self::Ok, \NL_REASON_NOT_IN_FORCE => self::NotInForce,
        \NL_REASON_DEGREE => self::Degree, \NL_REASON_MAJOR => self::Major,
        \NL_REASON_AGENCY => self::Agency, \NL_REASON_NOT_DEDICATED => self::NotDedicated,
        \NL_REASON_OUTSIDE_PROVINCE => self::OutsideProvince, \NL_REASON_COURSE_KIND => self::CourseKind,
        \NL_REASON_OUTSIDE_AREA => self::OutsideArea,
        \NL_REASON_AMBIGUOUS_WORKPLACE => self::AmbiguousWorkplace,
    ];

    /** The case for a library code. */
    public static function fromCode(int $code): self
    {
        return self::BY_CODE[$code]
            ?? throw new InvalidArgumentError("unknown reason code $code", Status::InvalidArgument->value);
    }

    /**
     * The explanation in Vietnamese ("vi") or English ("en"), UTF-8.
     *
     * @throws InvalidArgumentError for another language
     */
    public function message(string $lang = 'vi'): string
    {
        $text = \nl_reason_message($this->code(), $lang);
        if ($text === null) {
            throw new InvalidArgumentError(
                sprintf('unsupported language %s (expected "vi" or "en")', Excerpt::quote($lang)),
                Status::InvalidArgument->value
            );
        }
        return $text;
    }
}
