<?php
/** Display helpers: escaping, money the Vietnamese way, dates. */

declare(strict_types=1);

namespace Portal;

if (!\defined('PORTAL_ROOT')) {
    http_response_code(404);
    exit;
}

final class Format
{
    /** HTML-escaped text. */
    public static function h(string $s): string
    {
        return htmlspecialchars($s, ENT_QUOTES | ENT_SUBSTITUTE | ENT_HTML5, 'UTF-8');
    }

    /** 100000000 → "100.000.000 đ" (dots between thousands, as written in Vietnam; the
     *  page keeps it on one line with CSS). */
    public static function money(int $dong): string
    {
        return number_format($dong, 0, ',', '.') . ' đ';
    }

    /** "2024-05-01" → "01/05/2024". */
    public static function date(string $iso): string
    {
        [$y, $m, $d] = explode('-', $iso);
        return "$d/$m/$y";
    }
}
