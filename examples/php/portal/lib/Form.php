<?php
/**
 * Reads one submitted form: every field is checked here, so nothing the
 * visitor types reaches the library unchecked and every mistake becomes a
 * message next to its field (never a PHP warning).
 */

declare(strict_types=1);

namespace Portal;

if (!\defined('PORTAL_ROOT')) {
    http_response_code(404);
    exit;
}

final class Form
{
    /** @var array<string, string> field => message */
    public array $errors = [];

    /** @var array<string, mixed> field => checked value */
    public array $values = [];

    /** @param array<string, mixed> $input the raw query ($_GET) */
    public function __construct(private readonly array $input, private readonly Text $t)
    {
    }

    /** The raw text of a field, for redisplay ('' when absent or not a string). */
    public function raw(string $field): string
    {
        $v = $this->input[$field] ?? '';
        return \is_string($v) ? $v : '';
    }

    public function ok(): bool
    {
        return $this->errors === [];
    }

    /** Marks $field with the message $key (a Text key). */
    public function fail(string $field, string $key, string|int ...$args): void
    {
        $this->errors[$field] = $this->t->get($key, ...$args);
    }

    /** A field whose value must be one of $choices (a select or radio). */
    public function choice(string $field, array $choices): void
    {
        $v = trim($this->raw($field));
        if ($v === '') {
            $this->errors[$field] = $this->t->get('err_choose');
        } elseif (!\in_array($v, $choices, true)) {
            $this->errors[$field] = $this->t->get('err_choice');
        } else {
            $this->values[$field] = $v;
        }
    }

    /** A yes/no radio. */
    public function yesNo(string $field): void
    {
        $this->choice($field, ['yes', 'no']);
        if (isset($this->values[$field])) {
            $this->values[$field] = $this->values[$field] === 'yes';
        }
    }

    /**
     * A date typed as day/month/year (01/05/2024, 1-5-2024, 01.05.2024) or
     * ISO (2024-05-01); stored as "YYYY-MM-DD".
     */
    public function date(string $field): void
    {
        $v = trim($this->raw($field));
        if ($v === '') {
            $this->errors[$field] = $this->t->get('err_required');
            return;
        }
        if (preg_match('~^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$~D', $v, $m) === 1) {
            [$d, $mo, $y] = [(int) $m[1], (int) $m[2], (int) $m[3]];
        } elseif (preg_match('~^(\d{4})-(\d{1,2})-(\d{1,2})$~D', $v, $m) === 1) {
            [$y, $mo, $d] = [(int) $m[1], (int) $m[2], (int) $m[3]];
        } else {
            $this->errors[$field] = $this->t->get('err_date');
            return;
        }
        if ($y < 1) {
            $this->errors[$field] = $this->t->get('err_date_range');
        } elseif (!checkdate($mo, $d, $y)) {
            $this->errors[$field] = $this->t->get('err_date_impossible', sprintf('%02d/%02d/%04d', $d, $mo, $y));
        } else {
            $this->values[$field] = sprintf('%04d-%02d-%02d', $y, $mo, $d);
        }
    }

    /**
     * An amount of đồng: digits, optionally grouped by three with dots,
     * commas or spaces (15.000.000, 15,000,000, 15 000 000), optionally
     * followed by "đ" or "VND". Empty means 0 when not $required.
     */
    public function money(string $field, bool $required = false): void
    {
        $v = trim(str_replace("\u{00A0}", ' ', $this->raw($field)));
        // Not UTF-8 (5000000%FF): no amount. The /u pattern below cannot
        // match such text, and preg_replace() would give null, read as ''.
        $v = preg_match('//u', $v) === 1 ? preg_replace('~\s*(đ|đồng|vnd|vnđ)$~iu', '', $v) : null;
        if ($v === null) {
            $this->errors[$field] = $this->t->get('err_money');
            return;
        }
        $v = trim($v);
        if ($v === '') {
            if ($required) {
                $this->errors[$field] = $this->t->get('err_required');
            } else {
                $this->values[$field] = 0;
            }
            return;
        }
        if (preg_match('~^(\d+|\d{1,3}([., ]\d{3})+)$~D', $v) !== 1) {
            $this->errors[$field] = $this->t->get('err_money');
            return;
        }
        $digits = ltrim((string) preg_replace('~\D~', '', $v), '0');
        if (\strlen($digits) > 18) {
            $this->errors[$field] = $this->t->get('err_money_large');
            return;
        }
        $this->values[$field] = (int) $digits;
    }

    /** Years of experience: a number >= 0 with a decimal comma or point. */
    public function years(string $field): void
    {
        $v = trim($this->raw($field));
        if ($v === '') {
            $this->errors[$field] = $this->t->get('err_required');
        } elseif (preg_match('~^\d{1,3}([.,]\d{1,2})?$~D', $v) !== 1) {
            $this->errors[$field] = $this->t->get('err_years');
        } else {
            $this->values[$field] = (float) str_replace(',', '.', $v);
        }
    }

    /** A whole number of days, 1 or more. */
    public function days(string $field): void
    {
        $v = trim($this->raw($field));
        if ($v === '') {
            $this->errors[$field] = $this->t->get('err_required');
        } elseif (preg_match('~^\d{1,5}$~D', $v) !== 1 || (int) $v < 1) {
            $this->errors[$field] = $this->t->get('err_days');
        } else {
            $this->values[$field] = (int) $v;
        }
    }
}
