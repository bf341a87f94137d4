<?php

declare(strict_types=1);

namespace NhanLuc;

/**
 * @internal A value the caller gave, as an exception message quotes it:
 * bounded (a 50 MB value never makes a 50 MB message or log line) and valid
 * UTF-8 whatever the value's bytes, with control characters escaped.
 *
 *     Excerpt::quote('phd')                      "phd"
 *     Excerpt::quote("b\xFF\0")                  "b\xFF\x00"
 *     Excerpt::quote(str_repeat('a', 50000000))  "aaaaaaaa"… (50,000,000 bytes)
 *                                                (the quotes hold the first 64 a's)
 *
 * The extension bounds the values it quotes the same way (nl_php_excerpt in
 * bindings/php/nhanluc_php.swg).
 */
final class Excerpt
{
    /** Bytes of the value a message shows at most (cut at a character boundary). */
    public const MAX_BYTES = 64;

    private function __construct()
    {
    }

    /** $value in double quotes; a longer value as its first MAX_BYTES bytes, "…" and its size. */
    public static function quote(string $value): string
    {
        $n = \strlen($value);
        if ($n <= self::MAX_BYTES) {
            return '"' . self::clean($value) . '"';
        }
        $head = substr($value, 0, self::MAX_BYTES);
        // Not half a character: drop a sequence the cut left incomplete.
        for ($i = 1; $i <= 4; $i++) {
            $b = \ord($head[-$i]);
            if ($b < 0x80) {
                break;
            }
            if ($b >= 0xC0) {
                $need = $b >= 0xF0 ? 4 : ($b >= 0xE0 ? 3 : 2);
                if ($need > $i) {
                    $head = substr($head, 0, -$i);
                }
                break;
            }
        }
        return '"' . self::clean($head) . '"… (' . number_format($n) . ' bytes)';
    }

    /** Valid UTF-8 kept; any other byte and a control character escaped as \xNN. */
    private static function clean(string $s): string
    {
        if (preg_match('/^[\x20-\x7E]*$/D', $s) === 1) {
            return $s;   // printable ASCII, the usual case
        }
        return (string) preg_replace_callback(
            '/[\x20-\x7E]+'
            . '|[\xC2-\xDF][\x80-\xBF]|\xE0[\xA0-\xBF][\x80-\xBF]|[\xE1-\xEC\xEE\xEF][\x80-\xBF]{2}'
            . '|\xED[\x80-\x9F][\x80-\xBF]|\xF0[\x90-\xBF][\x80-\xBF]{2}|[\xF1-\xF3][\x80-\xBF]{3}'
            . '|\xF4[\x80-\x8F][\x80-\xBF]{2}|(.)/s',
            static fn (array $m): string => isset($m[1]) ? sprintf('\x%02X', \ord($m[1])) : $m[0],
            $s
        );
    }
}
