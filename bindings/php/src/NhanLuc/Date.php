<?php

declare(strict_types=1);

namespace NhanLuc;

/**
 * @internal Dates between PHP and the library: the library counts days since
 * 1970-01-01; PHP callers give "YYYY-MM-DD" or a DateTimeInterface.
 */
final class Date
{
    private function __construct()
    {
    }

    /**
     * @param string $what what the date is, for the error message
     *
     * @throws DateError for anything but a real date "YYYY-MM-DD" in 0001..9999
     */
    public static function toDays(string|\DateTimeInterface $date, string $what = 'date'): int
    {
        $text = $date instanceof \DateTimeInterface ? $date->format('Y-m-d') : $date;
        try {
            return \nl_date_parse($text);
        } catch (DateError $e) {
            throw new DateError(
                sprintf('%s: %s is not a real date in the form YYYY-MM-DD (years 0001-9999)', $what, Excerpt::quote($text)),
                $e->getCode(),
                $e
            );
        } catch (InvalidArgumentError $e) {   // a NUL byte
            throw new DateError(sprintf('%s: not a date', $what), Status::Date->value, $e);
        }
    }

    /** "YYYY-MM-DD" of a library date. */
    public static function toIso(int $days): string
    {
        return gmdate('Y-m-d', $days * 86400);
    }
}
