<?php
/**
 * Signatures of the `nhanluc` PHP extension, for IDEs and static analysers
 * (PhpStorm, Psalm, PHPStan: add this file to their stub paths). It is never
 * loaded: the extension defines all of this. tests/php/StubTest.php checks
 * it against the loaded extension (every function with its parameters,
 * every class, every constant and its value), so it cannot drift.
 *
 * Applications use the NhanLuc\ layer (bindings/php/src, docs/php.md); these
 * are the functions it is built on. Conventions: a failing call throws the
 * NhanLuc\ exception of its status (its getCode() the status, getField()
 * the input at fault); dates are days since 1970-01-01 (nl_date_parse());
 * the rule families are reached by name through nlb_rule_eval() and the
 * others, which read the library's declarations (nlb_rules()).
 */

namespace {

// -------------------------------------------------------------- handles

/** A policy (nl_policy): made by nl_policy_default/load/parse/clone only; freed with its last reference. */
final class nl_policy
{
    private function __construct() {}
}

/** A batch plan (nl_batch_plan) for one rule on one policy: made by nlb_batch_plan_create(). */
final class nlb_batch_plan
{
    private function __construct() {}
}

}

// ----------------------------------------------------------- exceptions

namespace NhanLuc {

/** Every exception of the extension implements it. */
interface ExceptionInterface extends \Throwable
{
    /** The input or column at fault ("degree", "start", ...), null if none. */
    public function getField(): ?string;

    /** For a population: the position of the record at fault, null otherwise. */
    public function getIndex(): ?int;
}

/** A status the classes below do not cover. */
class Exception extends \RuntimeException implements ExceptionInterface
{
    public function getField(): ?string {}
    public function getIndex(): ?int {}
}

/** NL_EINVAL: an input the rule or function refuses. */
class InvalidArgumentError extends \ValueError implements ExceptionInterface
{
    public function getField(): ?string {}
    public function getIndex(): ?int {}
}

/** NL_EDATE: not a date between 0001-01-01 and 9999-12-31. */
class DateError extends \ValueError implements ExceptionInterface
{
    public function getField(): ?string {}
    public function getIndex(): ?int {}
}

/** NL_ERANGE: a value or a sum past what the library's integers hold. */
class OverflowException extends Exception {}

/** NL_ENOTFOUND: no such parameter, rule, unit or name. */
class NotFoundException extends Exception {}

/** NL_ENOTINFORCE: no value on that date. */
class NotInForceException extends Exception {}

/** NL_EPARSE: a malformed policy document. */
class ParseException extends Exception
{
    /** The line of the mistake (1-based; 0 if unknown). */
    public function getDocumentLine(): int {}

    /** Its column (1-based; 0 if unknown). */
    public function getDocumentColumn(): int {}

    /** Its place as a JSON Pointer ("/parameters/expert.cap.level1/values/0"), "" if none. */
    public function getKey(): string {}
}

/** NL_EIO: a file that cannot be read. */
class IOException extends Exception {}

/** NL_ENOMEM: out of memory. */
class OutOfMemoryException extends Exception {}

/** NL_EAMBIGUOUS: a name several units have on the date; the message lists them. */
class AmbiguousNameException extends Exception {}

}

namespace {

// ------------------------------------------------------------- versions

const NL_VERSION_MAJOR = 0;
const NL_VERSION_MINOR = 1;
const NL_VERSION_PATCH = 0;
const NL_VERSION_STRING = '0.1.0';
const NL_VERSION_NUMBER = 100;

/** The library's version, e.g. "0.1.0". */
function nl_version(): string {}

/** The same as major * 10000 + minor * 100 + patch. */
function nl_version_number(): int {}

// ---------------------------------------------------- status and labels

const NL_OK = 0;
const NL_EINVAL = 1;
const NL_ERANGE = 2;
const NL_EDATE = 3;
const NL_ENOTFOUND = 4;
const NL_ENOTINFORCE = 5;
const NL_EPARSE = 6;
const NL_EIO = 7;
const NL_ENOMEM = 8;
const NL_EAMBIGUOUS = 9;
const NL_STATUS_COUNT = 10;

const NL_CERTAINTY_CONFIRMED = 0;
const NL_CERTAINTY_REPORTED = 1;
const NL_CERTAINTY_UNCONFIRMED = 2;
const NL_CERTAINTY_USER = 3;

const NL_REASON_OK = 0;
const NL_REASON_NOT_IN_FORCE = 1;
const NL_REASON_DEGREE = 2;
const NL_REASON_MAJOR = 3;
const NL_REASON_AGENCY = 4;
const NL_REASON_NOT_DEDICATED = 5;
const NL_REASON_OUTSIDE_PROVINCE = 6;
const NL_REASON_COURSE_KIND = 7;
const NL_REASON_OUTSIDE_AREA = 8;
const NL_REASON_AMBIGUOUS_WORKPLACE = 9;
const NL_REASON_COUNT = 10;

const NL_DEGREE_NONE = 0;
const NL_DEGREE_COLLEGE = 1;
const NL_DEGREE_BACHELOR = 2;
const NL_DEGREE_MASTER = 3;
const NL_DEGREE_DOCTOR = 4;

/** English text of a status. */
function nl_strerror(int $status): string {}

/** A status's stable name ("NL_EINVAL"), null for no status. */
function nl_status_name(int $status): ?string {}

/** A certainty's name ("confirmed", ...), null for none. */
function nl_certainty_name(int $certainty): ?string {}

/** A reason's text in "vi" or "en", null for no reason. */
function nl_reason_message(int $reason, string $lang): ?string {}

/** A reason's stable name ("degree", "not_in_force", ...), null for none. */
function nl_reason_name(int $reason): ?string {}

// ---------------------------------------------------------------- dates

/** "YYYY-MM-DD" as days since 1970-01-01. @throws \NhanLuc\DateError */
function nl_date_parse(string $iso): int {}

/** A calendar date as days since 1970-01-01. @throws \NhanLuc\DateError */
function nl_date_ymd(int $year, int $month, int $day): int {}

// -------------------------------------------------------------- policies

const NL_POLICY_MAX_BYTES = 16777216;
const NL_PARAM_NUMBER = 0;
const NL_PARAM_CODE = 1;
const NL_PARAM_SET = 2;
const NL_PARAM_TABLE = 3;
const NL_PARAM_SCALE = 4;
const NL_PARAM_ENTRIES_MAX = 1000;

/** The built-in Lào Cai policy (a new handle each call). */
function nl_policy_default(): nl_policy {}

/** A policy document from a file. @throws \NhanLuc\IOException|\NhanLuc\ParseException */
function nl_policy_load(string $path): nl_policy {}

/** A policy document from its text. @throws \NhanLuc\ParseException */
function nl_policy_parse(string $text): nl_policy {}

/** A deep copy. */
function nl_policy_clone(nl_policy $policy): nl_policy {}

/** The document's name. */
function nl_policy_name(nl_policy $policy): string {}

/** The number value of a parameter on a day (a table's or scale's number of entries). */
function nl_policy_get(nl_policy $policy, string $key, int $on): int {}

/**
 * The dated value in force on a day.
 *
 * @return array{since: int, ends: bool, value: int, source: string, source_url: string, certainty: int}
 */
function nl_policy_get_value(nl_policy $policy, string $key, int $on): array {}

/** What-if: a number from $since on. */
function nl_policy_set(nl_policy $policy, string $key, int $since, int $value): void {}

/** What-if: not in force from $since on. */
function nl_policy_end(nl_policy $policy, string $key, int $since): void {}

/** What-if for a table or scale: its entries from $since on. @param list<array{int, int}> $entries [at, value] pairs */
function nl_policy_set_entries(nl_policy $policy, string $key, int $since, array $entries): void {}

/** A table's value for code index $at, or a scale's for measure $at, on a day. */
function nl_policy_lookup(nl_policy $policy, string $key, int $on, int $at): int {}

/** Number of parameters. */
function nl_policy_param_count(nl_policy $policy): int {}

/** @return array{key: string, unit: string, description: string, value_count: int} */
function nl_policy_param_info(nl_policy $policy, int $index): array {}

/** @return array{since: int, ends: bool, value: int, source: string, source_url: string, certainty: int} */
function nl_policy_param_value(nl_policy $policy, int $index, int $j): array {}

/** The entries of a table's or scale's $j-th value. @return list<array{int, int}> [at, value] pairs */
function nl_policy_param_entries(nl_policy $policy, int $index, int $j): array {}

/** The index of a parameter for nl_policy_param_info(). */
function nl_policy_param_find(nl_policy $policy, string $key): int {}

/** A parameter's type and code list. @return array{type: int, list: string, codes: list<string>} */
function nlb_param_type(nl_policy $policy, string $key): array {}

// ------------------------------------------------------------ workplaces

const NL_WORKPLACE_TIER = 0;
const NL_WORKPLACE_DERIVED = 1;
const NL_WORKPLACE_AMBIGUOUS = 2;
const NL_WORKPLACE_OUTSIDE_AREA = 3;

/** Number of workplace units. */
function nl_policy_workplace_count(nl_policy $policy): int {}

/** @return array{code: int, name: string, tier: string} */
function nl_policy_workplace_at(nl_policy $policy, int $index): array {}

/** @return array{digits: int, since: ?int, until: ?int, kind: int, from: list<int>} */
function nl_policy_workplace_detail(nl_policy $policy, int $index): array {}

/** The first unit with a GSO code. @return array{code: int, name: string, tier: string} */
function nl_policy_workplace(nl_policy $policy, int $code): array {}

/** The unit a code names on a day. @return array{index: int, mapped: bool} */
function nlb_workplace_on(nl_policy $policy, int $code, int $on): array {}

/** The GSO code of the unit called $name on a day. @throws \NhanLuc\AmbiguousNameException|\NhanLuc\NotFoundException */
function nl_policy_workplace_find(nl_policy $policy, string $name, int $on): int {}

/** The same, throwing with getField() "workplace". */
function nlb_workplace_find(nl_policy $policy, string $name, int $on): int {}

// ----------------------------------------------------------------- rules

/**
 * Every declared rule family: name, title_vi, title_en, law, inputs and
 * outputs (name, type, min, max, codes, optional, default, label_vi,
 * label_en, doc), reasons.
 *
 * @return list<array<string, mixed>>
 */
function nlb_rules(): array {}

/**
 * One case of a family by name: inputs keyed by their declared names
 * (snake_case or camelCase); the answer keyed by the declared outputs.
 *
 * @param array<string, mixed> $case
 * @return array<string, int|bool|string|float>
 */
function nlb_rule_eval(nl_policy $policy, string $rule, array $case): array {}

/**
 * A list of cases, all or nothing; reason and certainty as names.
 *
 * @param array<array-key, array<string, mixed>> $cases
 * @return array<array-key, array<string, int|bool|string|float>>
 */
function nlb_rule_eval_many(nl_policy $policy, string $rule, array $cases): array {}

/** @internal The NhanLuc\ layer's typed answer objects. */
function nlb_rule_object(nl_policy $policy, string $rule, array $case, array $shape): object {}

/** A reason's text on a day, following the policy's values ("vi" or "en"). */
function nlb_reason_text(nl_policy $policy, string $rule, int $reason, int $on, string $lang): string {}

/** A batch plan for a family by name. */
function nlb_batch_plan_create(nl_policy $policy, string $rule): nlb_batch_plan {}

/**
 * A population as columns: input name => list of values (or one value for
 * all); output name => list of values. $threads 0: one per core.
 *
 * @param array<string, mixed> $columns
 * @return array<string, list<int|bool|string|float>>
 */
function nlb_batch_run(nlb_batch_plan $plan, array $columns, int $threads): array {}

}
