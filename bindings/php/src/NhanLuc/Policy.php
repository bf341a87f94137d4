<?php

declare(strict_types=1);

namespace NhanLuc;

/**
 * A policy: the dated parameters the rules read, each with its legal source
 * and certainty, plus the province's workplace units. Wraps one library
 * handle (nl_policy), freed exactly once when the object goes away.
 *
 *     $policy = Policy::defaultPolicy();              // built-in Lào Cai policy
 *     $r = $policy->attractionSubsidy([
 *         'degree' => 'bachelor', 'major' => 'it', 'agency' => 'state',
 *         'dedicated_post' => true, 'workplace' => '088', 'start' => '2024-05-01',
 *     ]);
 *     echo $r->amount, ' ', $r->message('vi'), ' ', $r->source;
 *
 * Rule inputs come as an associative array (snake_case keys as documented,
 * camelCase also accepted) or as named arguments, or both (a field may not
 * be given twice). Dates are "YYYY-MM-DD" strings or DateTimeInterface.
 * Money is int đồng.
 *
 * Threads/requests: a Policy is not shared between requests; to run what-if
 * scenarios, clone it (`clone $policy` or copy()) and change the copy.
 */
final class Policy
{
    private \nl_policy $handle;

    private function __construct(\nl_policy $handle)
    {
        $this->handle = $handle;
    }

    /** A policy is a library handle: it cannot be serialized (parse its document again instead). */
    public function __serialize(): array
    {
        throw new \LogicException('a NhanLuc\\Policy cannot be serialized; keep its JSON document and Policy::parse() it');
    }

    /** @param array<mixed> $data */
    public function __unserialize(array $data): void
    {
        throw new \LogicException('a NhanLuc\\Policy cannot be unserialized; Policy::parse() its JSON document');
    }

    /** Deep copy (`clone $policy`): an independent policy for what-if changes. */
    public function __clone()
    {
        $this->handle = \nl_policy_clone($this->handle);
    }

    // ------------------------------------------------------------ creating

    /** The built-in Lào Cai policy (data/laocai.json, compiled into the library). */
    public static function defaultPolicy(): self
    {
        return new self(\nl_policy_default());
    }

    /**
     * Loads a policy document (docs/policy-format.md) from a file.
     *
     * @throws IOException    the file cannot be read (or is outside open_basedir)
     * @throws ParseException the document is malformed: getDocumentLine(),
     *                        getDocumentColumn(), getKey() locate the mistake
     */
    public static function load(string $path): self
    {
        return new self(\nl_policy_load($path));
    }

    /**
     * Parses a policy document held in a string.
     *
     * @throws ParseException the document is malformed
     */
    public static function parse(string $json): self
    {
        return new self(\nl_policy_parse($json));
    }

    /** Deep copy; the same as `clone $policy`. */
    public function copy(): self
    {
        return clone $this;
    }

    /** Human-readable name of the policy. */
    public function name(): string
    {
        return (string) \nl_policy_name($this->handle);
    }

    /** Runtime version of libnhanluc, e.g. "0.1.0". */
    public static function libraryVersion(): string
    {
        return \nl_version();
    }

    // ---------------------------------------------------------- parameters

    /**
     * Value of parameter $key in force on $on: an int; for a table
     * ("table of role to level") its entries, code name => value, for a
     * scale ("scale of years to level") its steps, lowest measure => value
     * (ParameterValue::$entries).
     *
     * @return int|array<int|string, int>
     *
     * @throws NotFoundException   unknown key
     * @throws NotInForceException no value on that date
     * @throws DateError           not a real date
     */
    public function get(string $key, string|\DateTimeInterface $on): int|array
    {
        $value = $this->getValue($key, $on);
        return $value->entries ?? (int) $value->value;   // in force: never null
    }

    /**
     * The dated value of parameter $key in force on $on, with its source and
     * certainty. Same errors as get().
     */
    public function getValue(string $key, string|\DateTimeInterface $on): ParameterValue
    {
        $days = Date::toDays($on, 'on');
        try {
            $value = \nl_policy_get_value($this->handle, $key, $days);
        } catch (NotFoundException | NotInForceException $e) {
            throw self::explain($e, $key, $on);
        }
        return ParameterValue::fromNative($value, $this->entriesOf($key, $value));
    }

    /**
     * What-if: gives $key the value $value from $since onward (until its next
     * dated change). The new value has certainty User. A table takes its
     * entries as code name (or index) => int, codes left out having no
     * value; a scale its steps as lowest measure => int, the first at the
     * measure's minimum (0 years): what get() gives.
     *
     * @param int|array<int|string, int> $value
     *
     * @throws NotFoundException    unknown key
     * @throws InvalidArgumentError a value the parameter cannot take
     * @throws \TypeError           an array for a number, an int for a table or scale
     * @throws DateError            not a real date
     */
    public function set(string $key, string|\DateTimeInterface $since, int|array $value): void
    {
        $days = Date::toDays($since, 'since');
        $codes = $entries = null;
        if (\is_array($value)) {
            try {
                $codes = self::entryCodes(\nlb_param_type($this->handle, $key));
            } catch (NotFoundException $e) {
                throw self::explain($e, $key, $since);
            }
            if ($codes === null) {
                throw new \TypeError(sprintf('parameter %s takes an int, array given', Excerpt::quote($key)));
            }
            $entries = self::entriesGiven($key, $codes, $value);
        }
        try {
            if ($entries !== null) {
                \nl_policy_set_entries($this->handle, $key, $days, $entries);
            } else {
                \nl_policy_set($this->handle, $key, $days, $value);
            }
        } catch (NotFoundException $e) {
            throw self::explain($e, $key, $since);
        } catch (InvalidArgumentError $e) {
            $codes = $entries !== null ? $codes : self::entryCodes($this->paramType($key));
            if ($codes === null) {
                throw $e;
            }
            if ($entries === null) {
                throw new \TypeError(sprintf('parameter %s is a %s: give its entries as an array', Excerpt::quote($key), $codes === [] ? 'scale' : 'table'));
            }
            throw new InvalidArgumentError(sprintf('parameter %s cannot take these entries: %s', Excerpt::quote($key), $codes === []
                ? "the first step must be at the measure's minimum, the steps within its range, every value one the parameter can take"
                : 'every value must be one the parameter can take'), $e->getCode(), $e);
        }
    }

    /**
     * nlb_param_type()'s answer for $key (type, list, codes), or null when
     * the policy has no such parameter (a legacy key included).
     *
     * @return array{type: int, list: string, codes: list<string>}|null
     */
    private function paramType(string $key): ?array
    {
        try {
            return \nlb_param_type($this->handle, $key);
        } catch (NotFoundException) {
            return null;
        }
    }

    /**
     * From a parameter's type: for a table its code list's names (code
     * index order), for a scale an empty list, else null.
     *
     * @param array{type: int, list: string, codes: list<string>}|null $type
     *
     * @return list<string>|null
     */
    private static function entryCodes(?array $type): ?array
    {
        return match ($type['type'] ?? null) {
            \NL_PARAM_TABLE => $type['codes'],
            \NL_PARAM_SCALE => [],
            default => null,
        };
    }

    /**
     * The decoded entries of $value (the extension's array of a value of
     * $key): code name => value for a table, lowest measure => value for a
     * scale; null for any other parameter or a value that ends it.
     *
     * @return array<int|string, int>|null
     */
    private function entriesOf(string $key, array $value): ?array
    {
        $codes = $value['ends'] ? null : self::entryCodes($this->paramType($key));
        if ($codes === null) {
            return null;
        }
        $index = \nl_policy_param_find($this->handle, $key);
        $count = \nl_policy_param_info($this->handle, $index)['value_count'];
        for ($j = 0; $j < $count; $j++) {
            if (\nl_policy_param_value($this->handle, $index, $j)['since'] === $value['since']) {
                return $this->entriesAt($index, $j, $codes);
            }
        }
        return null;
    }

    /**
     * Value $j of parameter $index (a table when $codes is not empty):
     * code name => value, or lowest measure => value.
     *
     * @param list<string> $codes
     *
     * @return array<int|string, int>
     */
    private function entriesAt(int $index, int $j, array $codes): array
    {
        $out = [];
        foreach (\nl_policy_param_entries($this->handle, $index, $j) as [$at, $value]) {
            $out[$codes === [] ? $at : $codes[$at]] = $value;
        }
        return $out;
    }

    /**
     * set()'s array for a table (code name or index => int; $codes its
     * list) or a scale ($codes []: lowest measure => int) as the
     * extension's sorted [at, value] pairs.
     *
     * @param list<string>             $codes
     * @param array<int|string, mixed> $value
     *
     * @return list<array{int, int}>
     */
    private static function entriesGiven(string $key, array $codes, array $value): array
    {
        $pairs = [];
        foreach ($value as $at => $v) {
            if (\is_string($at)) {
                $index = array_search($at, $codes, true);
                if ($index === false) {
                    throw new InvalidArgumentError(sprintf(
                        'parameter %s: %s is not one of %s',
                        Excerpt::quote($key),
                        Excerpt::quote($at),
                        $codes === [] ? 'the measure\'s values (a scale is keyed by ints)' : implode(', ', $codes)
                    ), Status::InvalidArgument->value);
                }
                $at = $index;
            }
            if (!\is_int($v)) {
                throw new \TypeError(sprintf('parameter %s: the value at %s must be of type int, %s given', Excerpt::quote($key), $at, get_debug_type($v)));
            }
            $pairs[] = [$at, $v];
        }
        usort($pairs, static fn (array $a, array $b): int => $a[0] <=> $b[0]);
        return $pairs;
    }

    /**
     * What-if: ends $key on $since (no value from that day until its next
     * dated change). Same errors as set().
     */
    public function end(string $key, string|\DateTimeInterface $since): void
    {
        $days = Date::toDays($since, 'since');
        try {
            \nl_policy_end($this->handle, $key, $days);
        } catch (NotFoundException $e) {
            throw self::explain($e, $key, $since);
        }
    }

    /**
     * Every parameter, in key order, keyed by key; each lists its dated values
     * with their certainty (confirmed / reported / unconfirmed / user).
     *
     * @return array<string, Parameter>
     */
    public function parameters(): array
    {
        $out = [];
        $count = \nl_policy_param_count($this->handle);
        for ($i = 0; $i < $count; $i++) {
            $param = $this->parameterAt($i);
            $out[$param->key] = $param;
        }
        return $out;
    }

    /**
     * One parameter with all its dated values.
     *
     * @throws NotFoundException unknown key
     */
    public function parameter(string $key): Parameter
    {
        try {
            $index = \nl_policy_param_find($this->handle, $key);
        } catch (NotFoundException $e) {
            throw self::explain($e, $key, null);
        }
        return $this->parameterAt($index);
    }

    // ---------------------------------------------------------- workplaces

    /**
     * The province's workplace units, by code: its dated catalogue (the built-in
     * policy: the 9 district-level units until 2025-06-30, then the 99 communes).
     *
     * @return list<Workplace>
     */
    public function workplaces(): array
    {
        $out = [];
        $count = \nl_policy_workplace_count($this->handle);
        for ($i = 0; $i < $count; $i++) {
            $out[] = Workplace::fromNative(\nl_policy_workplace_at($this->handle, $i));
        }
        return $out;
    }

    /**
     * The unit with GSO code $code (88 or "088", 2647 or "02647"): the first
     * unit with that code, whatever its period.
     *
     * @throws NotFoundException    a well-formed code that is not a unit of the province
     * @throws InvalidArgumentError a code outside 0..99999
     */
    public function workplace(int|string $code): Workplace
    {
        $number = self::workplaceCode($code, 'workplace');
        try {
            return Workplace::fromNative(\nl_policy_workplace($this->handle, $number));
        } catch (NotFoundException $e) {
            throw new NotFoundException(
                sprintf('workplace %s is not a unit of this province', Workplace::render($number)),
                $e->getCode(),
                $e
            );
        }
    }

    /**
     * The unit called $name on date $on, e.g. "Sa Pa", "thị xã Sa Pa", "TX.
     * Sa Pa", "Phuong Lao Cai": without diacritics, case or punctuation,
     * with or without the kind of unit ("Thành phố", "Thị xã", "Huyện",
     * "Phường", "Xã", ...), which when given must match. Resolved by the C
     * library (nl_policy_workplace_find), as in every binding; the rules
     * take names for a workplace too.
     *
     * @throws NotFoundException      no unit has the name (getField(): "workplace")
     * @throws AmbiguousNameException several units have it; the message lists them
     * @throws InvalidArgumentError   text that is no name
     */
    public function findWorkplace(string $name, string|\DateTimeInterface $on): Workplace
    {
        $day = Date::toDays($on, 'on');
        $code = \nlb_workplace_find($this->handle, $name, $day);
        return Workplace::fromNative(\nl_policy_workplace($this->handle, $code));
    }

    /**
     * The sentence for $reason of $rule as this policy states the condition
     * on $on (nl_rule_reason_text): with attraction.min_degree set to
     * master's, "… (cần tốt nghiệp thạc sĩ trở lên)." Give it the answer's
     * rule, reason and date: $policy->reasonText('attraction_subsidy',
     * $r->reason, $start, 'en'). Result::message() is the reason's fixed text.
     *
     * @throws NotFoundException $reason is not one of the rule's (getField() "reason")
     * @throws InvalidArgumentError $lang is not "vi" or "en"
     */
    public function reasonText(string $rule, Reason $reason, string|\DateTimeInterface $on,
                               string $lang = 'vi'): string
    {
        $day = Date::toDays($on, 'on');
        return \nlb_reason_text($this->handle, $rule, $reason->code(), $day, $lang);
    }

    // --------------------------------------------------------------- rules
    //
    // Every rule family is declared once in C (nhanluc/rule.h, listed in
    // docs/rules.md); the extension's nlb_rule_eval() takes a case array
    // keyed by the declared input names (snake_case or camelCase), checks
    // and converts every value in C (code names, ints, bools, ISO dates or
    // DateTimeInterface, a workplace's code or name) and throws what is
    // wrong with getField() naming the input: a value of the wrong PHP type
    // is a \TypeError, a refused value the status's exception. evaluate()
    // is that call for any family, answered as a RuleResult; the typed
    // methods below are the 0.1 names of the first three families, their
    // named arguments merged into the case array and their answers made
    // by the extension straight into their own result classes
    // (nlb_rule_object: each declared output in the property of its
    // camelCase name; no PHP constructor runs). A family declared later needs no PHP
    // code: $policy->evaluate('its_name', [...]), or the camelCase method
    // ($policy->itsName([...]), through __call).
    //
    // The bool fields' named arguments are declared `mixed`, not `?bool`:
    // in a caller's coercive mode PHP would turn any non-empty string into
    // true at the call ('no', 'false', 'không' all meaning yes), while the
    // array form refuses a string. Taken as given, a value that is not a
    // bool is the same TypeError on every path, in either mode.

    /**
     * The rule families the library declares (nlb_rules()): per family its
     * name, title_vi, title_en, law (the repository file of its legal text),
     * inputs and outputs (name, type, min, max, codes, optional, default,
     * label_vi, label_en, doc) and reasons (codes, in checking order).
     *
     * @return list<array<string, mixed>>
     */
    public static function rules(): array
    {
        return \nlb_rules();
    }

    /**
     * Any rule family by its declared name, e.g. 'attraction_subsidy': the
     * case's keys are its inputs (docs/rules.md), the answer a RuleResult
     * with eligible, reason, source, certainty and every declared output.
     *
     * @param array<string, mixed> $case
     *
     * @throws NotFoundException    no family of that name
     * @throws \TypeError           a field of the wrong PHP type
     * @throws InvalidArgumentError a missing, unknown or out-of-range field (getField())
     * @throws DateError            a date that is not a real date (getField())
     */
    public function evaluate(string $rule, array $case): RuleResult
    {
        return RuleResult::fromNative($rule, \nlb_rule_eval($this->handle, $rule, $case));
    }

    /**
     * A population: any family over a list of cases (each as evaluate()
     * takes it), answered as a list of plain arrays in the same order and
     * with the same keys: eligible, every declared output, reason and
     * certainty as their names ("ok", "unconfirmed"), ready for
     * json_encode() or a CSV. One extension call; all or nothing: a refused
     * record throws its exception, the message starting "record <key>: ",
     * getField() naming its field, and nothing is returned.
     *
     * @param array<array-key, array<string, mixed>> $cases
     *
     * @return array<array-key, array<string, int|bool|string>>
     */
    public function evaluateAll(string $rule, array $cases): array
    {
        return \nlb_rule_eval_many($this->handle, $rule, $cases);
    }

    /**
     * A batch plan for any family by its declared name: the library's tables
     * for this policy made once, for any number of BatchPlan::run() calls over
     * whole columns. The plan keeps this policy alive; a set() or end()
     * afterwards makes its runs refuse (make a new plan).
     *
     * @throws NotFoundException no family of that name
     */
    public function plan(string $rule): BatchPlan
    {
        return new BatchPlan(\nlb_batch_plan_create($this->handle, $rule), $this, $rule);
    }

    /**
     * A population given as columns, in one library call:
     * plan($rule)->run($columns, $threads) (see BatchPlan::run()). To run
     * several populations on one policy, make the plan once.
     *
     * @param array<string, mixed> $columns input name => list of values, or one value for every record
     *
     * @return array<string, list<int|bool|string>> output name => list of values
     */
    public function population(string $rule, array $columns, int $threads = 0): array
    {
        return $this->plan($rule)->run($columns, $threads);
    }

    /**
     * A family's camelCase method for families without a typed one:
     * $policy->monthlyAllowance([...]) is evaluate('monthly_allowance', [...]).
     *
     * @param list<mixed> $args
     */
    public function __call(string $name, array $args): RuleResult
    {
        $rule = strtolower((string) preg_replace('/(?<!^)[A-Z]/', '_$0', $name));
        foreach (\nlb_rules() as $declared) {
            if ($declared['name'] === $rule) {
                if (\count($args) !== 1 || !\is_array($args[0])) {
                    throw new \ArgumentCountError(sprintf('%s() takes one array of fields', $name));
                }
                return $this->evaluate($rule, $args[0]);
            }
        }
        throw new \Error(sprintf('Call to undefined method %s::%s()', self::class, $name));
    }

    /**
     * Rule 1: the one-off attraction subsidy for an IT graduate taking a
     * dedicated IT post at a Party or State agency of the province.
     *
     * Fields: degree (Degree|string|int), major (Major|string|int),
     * agency (Agency|string|int), dedicated_post (bool), workplace (a GSO
     * code, 88 or "088", or a unit's name, "Sa Pa", resolved on start),
     * start (string|DateTimeInterface: first day in the post). All required.
     *
     * @param array<string, mixed> $case          the fields as an associative array
     * @param bool|null            $dedicatedPost a bool (anything else is a TypeError, in either mode)
     *
     * @throws \TypeError           a field of the wrong PHP type
     * @throws InvalidArgumentError a missing, unknown or out-of-range field
     * @throws DateError            start is not a real date
     * @throws NotFoundException    a workplace name no unit has
     * @throws AmbiguousNameException a workplace name several units have
     */
    public function attractionSubsidy(
        array $case = [],
        Degree|string|int|null $degree = null,
        Major|string|int|null $major = null,
        Agency|string|int|null $agency = null,
        mixed $dedicatedPost = null,
        int|string|null $workplace = null,
        string|\DateTimeInterface|null $start = null,
    ): SubsidyResult {
        return \nlb_rule_object($this->handle, 'attraction_subsidy', \func_num_args() === 1 ? $case : self::merged($case, [
            'degree' => $degree, 'major' => $major, 'agency' => $agency,
            'dedicated_post' => $dedicatedPost, 'workplace' => $workplace, 'start' => $start,
        ]), self::shape(SubsidyResult::class, 'attraction_subsidy'));
    }

    /**
     * Rule 2: salary caps of a hired IT expert / consultant under the national
     * table in force on the date (Thông tư 02/2015/TT-BLĐTBXH until
     * 2025-06-30, Thông tư 004/2025/TT-BNV from 2025-07-01).
     *
     * Fields: degree (Degree|string|int, in the consulting specialty),
     * experience_years (int|float, >= 0), on (string|DateTimeInterface: date
     * of the engagement) are required; role (Role|string|int, default
     * member) and special_expertise (bool, default false) are optional.
     *
     * @param array<string, mixed> $case             the fields as an associative array
     * @param bool|null            $specialExpertise a bool (anything else is a TypeError, in either mode)
     */
    public function expertSalaryCap(
        array $case = [],
        Degree|string|int|null $degree = null,
        int|float|null $experienceYears = null,
        Role|string|int|null $role = null,
        mixed $specialExpertise = null,
        string|\DateTimeInterface|null $on = null,
    ): ExpertCapResult {
        return \nlb_rule_object($this->handle, 'expert_salary_cap', \func_num_args() === 1 ? $case : self::merged($case, [
            'degree' => $degree, 'experience_years' => $experienceYears, 'role' => $role,
            'special_expertise' => $specialExpertise, 'on' => $on,
        ]), self::shape(ExpertCapResult::class, 'expert_salary_cap'));
    }

    /**
     * Rule 3: training-cost support for an official dedicated to IT on a
     * short-term concentrated course.
     *
     * Fields: dedicated_official (bool), short_concentrated (bool),
     * days (int >= 1), start (string|DateTimeInterface) are required;
     * tuition, materials, meals, travel (int đồng as charged / claimed,
     * >= 0) default to 0.
     *
     * @param array<string, mixed> $case              the fields as an associative array
     * @param bool|null            $dedicatedOfficial a bool (anything else is a TypeError, in either mode)
     * @param bool|null            $shortConcentrated a bool (likewise)
     *
     * @throws OverflowException a sum past the largest integer
     */
    public function trainingSupport(
        array $case = [],
        mixed $dedicatedOfficial = null,
        mixed $shortConcentrated = null,
        ?int $tuition = null,
        ?int $materials = null,
        ?int $meals = null,
        ?int $travel = null,
        ?int $days = null,
        string|\DateTimeInterface|null $start = null,
    ): TrainingResult {
        return \nlb_rule_object($this->handle, 'training_support', \func_num_args() === 1 ? $case : self::merged($case, [
            'dedicated_official' => $dedicatedOfficial, 'short_concentrated' => $shortConcentrated,
            'tuition' => $tuition, 'materials' => $materials, 'meals' => $meals,
            'travel' => $travel, 'days' => $days, 'start' => $start,
        ]), self::shape(TrainingResult::class, 'training_support'));
    }

    // ------------------------------------------------------------- helpers

    /**
     * How the extension fills an object of result class $class with the
     * answers of $rule (nlb_rule_object): its class, per declared output the
     * property of its camelCase name, the Reason and Certainty cases by
     * code. Made once per class and kept: it depends only on the library.
     *
     * @param class-string<Result> $class
     */
    private static function shape(string $class, string $rule): array
    {
        static $shapes = [];
        if (!isset($shapes[$class])) {
            $props = [];
            foreach (\nlb_rules() as $declared) {
                if ($declared['name'] === $rule) {
                    foreach ($declared['outputs'] as $output) {
                        $props[] = lcfirst(str_replace('_', '', ucwords($output['name'], '_')));
                    }
                }
            }
            $reasons = [];
            foreach (Reason::cases() as $case) {
                $reasons[$case->code()] = $case;
            }
            $certainties = [];
            foreach (Certainty::cases() as $case) {
                $certainties[$case->code()] = $case;
            }
            $shapes[$class] = [$class, $props, $reasons, $certainties];
        }
        return $shapes[$class];
    }

    /**
     * The case array with the named arguments given (not null) added; a
     * field given both ways is refused.
     *
     * @param array<string|int, mixed> $case
     * @param array<string, mixed>     $named snake_case => value or null (not given)
     *
     * @return array<string|int, mixed>
     */
    private static function merged(array $case, array $named): array
    {
        if ($case === []) {
            return $named;   // the library takes a null field as not given
        }
        foreach ($named as $field => $value) {
            if ($value === null) {
                continue;
            }
            $camel = lcfirst(str_replace('_', '', ucwords($field, '_')));
            if (array_key_exists($field, $case) || array_key_exists($camel, $case)) {
                throw new InvalidArgumentError(
                    sprintf('field "%s" is given twice', $field),
                    Status::InvalidArgument->value
                );
            }
            $case[$field] = $value;
        }
        return $case;
    }

    private function parameterAt(int $index): Parameter
    {
        $info = \nl_policy_param_info($this->handle, $index);
        $codes = self::entryCodes($this->paramType($info['key']));
        $values = [];
        for ($j = 0; $j < $info['value_count']; $j++) {
            $v = \nl_policy_param_value($this->handle, $index, $j);
            $values[] = ParameterValue::fromNative($v, $codes === null || $v['ends'] ? null : $this->entriesAt($index, $j, $codes));
        }
        return new Parameter($info['key'], $info['unit'], $info['description'], $values);
    }

    /** The same exception class and code, with the key and date in the message. */
    private static function explain(Exception $e, string $key, string|\DateTimeInterface|null $date): Exception
    {
        $when = $date instanceof \DateTimeInterface ? $date->format('Y-m-d') : $date;
        $message = $e instanceof NotInForceException
            ? sprintf('parameter %s has no value on %s', Excerpt::quote($key), $when)
            : sprintf('unknown parameter %s', Excerpt::quote($key));
        $class = $e::class;
        return new $class($message, $e->getCode(), $e);
    }

    /** A GSO code: an int, or a string of one to five digits ("088", "02647"). */
    private static function workplaceCode(int|string $code, string $field): int
    {
        if (is_int($code)) {
            return $code;   // the library rejects codes outside 0..99999
        }
        return self::gsoText($code) ?? throw new InvalidArgumentError(
            sprintf('%s: %s is not a GSO code (one to five digits, e.g. "088" or "02647")', $field, Excerpt::quote($code)),
            Status::InvalidArgument->value
        );
    }

    /** The code a GSO text of one to five ASCII digits stands for ("088" => 88, "02647" => 2647), else null. */
    private static function gsoText(string $code): ?int
    {
        $n = \strlen($code);
        return $n >= 1 && $n <= 5 && \strspn($code, '0123456789') === $n ? (int) $code : null;
    }
}
