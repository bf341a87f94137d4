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
     * Value of parameter $key in force on $on.
     *
     * @throws NotFoundException   unknown key
     * @throws NotInForceException no value on that date
     * @throws DateError           not a real date
     */
    public function get(string $key, string|\DateTimeInterface $on): int
    {
        $days = Date::toDays($on, 'on');
        try {
            return \nl_policy_get($this->handle, $key, $days);
        } catch (NotFoundException | NotInForceException $e) {
            throw self::explain($e, $key, $on);
        }
    }

    /**
     * The dated value of parameter $key in force on $on, with its source and
     * certainty. Same errors as get().
     */
    public function getValue(string $key, string|\DateTimeInterface $on): ParameterValue
    {
        $days = Date::toDays($on, 'on');
        try {
            return ParameterValue::fromNative(\nl_policy_get_value($this->handle, $key, $days));
        } catch (NotFoundException | NotInForceException $e) {
            throw self::explain($e, $key, $on);
        }
    }

    /**
     * What-if: gives $key the value $value from $since onward (until its next
     * dated change). The new value has certainty User.
     *
     * @throws NotFoundException    unknown key
     * @throws InvalidArgumentError a value the parameter cannot take
     * @throws DateError            not a real date
     */
    public function set(string $key, string|\DateTimeInterface $since, int $value): void
    {
        $days = Date::toDays($since, 'since');
        try {
            \nl_policy_set($this->handle, $key, $days, $value);
        } catch (NotFoundException $e) {
            throw self::explain($e, $key, $since);
        }
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

    // --------------------------------------------------------------- rules
    //
    // Each rule first tries its input the way it usually comes: an array
    // with one key per field and no named argument, or named arguments
    // alone, every value valid. That costs little on top of the library
    // call (bench/php_bench.php, php_layer_ns_per_call): enum values and
    // "088"-style codes are mapped to the library's codes with an array
    // lookup, and the result object is made from the extension's array. The
    // library refuses any code, GSO code, amount or date it cannot take
    // (NL_EINVAL, NL_EDATE); a value that maps to nothing is passed as -1
    // or "", which it refuses too. Anything not answered that way (another
    // form, a field missing, unknown, given twice or of the wrong type, a
    // value refused) goes to the general path, check*(), which checks every
    // field in order and throws what is wrong: answers and errors are the
    // general path's, valid input is only quicker.
    //
    // The bool fields' named arguments are declared `mixed`, not `?bool`:
    // in a caller's coercive mode PHP would turn any non-empty string into
    // true at the call ('no', 'false', 'không' all meaning yes), while the
    // array form refuses a string. Taken as given, a value that is not a
    // bool is the same TypeError on every path, in either mode.

    /** A day outside 0001..9999, which the rules refuse (NL_EDATE) after their other arguments. */
    private const BAD_DATE = -2147483648;

    /** Input values => library codes, as the enums' code() gives them. */
    private const DEGREE = [
        'none' => \NL_DEGREE_NONE, 'college' => \NL_DEGREE_COLLEGE, 'bachelor' => \NL_DEGREE_BACHELOR,
        'master' => \NL_DEGREE_MASTER, 'doctor' => \NL_DEGREE_DOCTOR,
    ];
    private const MAJOR = [
        'other' => \NL_MAJOR_OTHER, 'it' => \NL_MAJOR_IT, 'electronics_telecom' => \NL_MAJOR_ELECTRONICS_TELECOM,
    ];
    private const AGENCY = ['other' => \NL_AGENCY_OTHER, 'party' => \NL_AGENCY_PARTY, 'state' => \NL_AGENCY_STATE];
    private const ROLE = [
        'member' => \NL_ROLE_MEMBER, 'item_lead' => \NL_ROLE_ITEM_LEAD, 'team_leader' => \NL_ROLE_TEAM_LEADER,
    ];

    /**
     * Rule 1: the one-off attraction subsidy for an IT graduate taking a
     * dedicated IT post at a Party or State agency of the province.
     *
     * Fields: degree (Degree|string|int), major (Major|string|int),
     * agency (Agency|string|int), dedicated_post (bool),
     * workplace (int|string GSO code, e.g. 88 or "088"),
     * start (string|DateTimeInterface: first day in the post). All required.
     *
     * @param array<string, mixed> $case          the fields as an associative array
     * @param bool|null            $dedicatedPost a bool (anything else is a TypeError, in either mode)
     *
     * @throws \TypeError           a field of the wrong PHP type
     * @throws InvalidArgumentError a missing, unknown or out-of-range field
     * @throws DateError            start is not a real date
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
        if ($case !== []) {
            if (\count($case) !== 6 || $degree !== null || $major !== null || $agency !== null
                || $dedicatedPost !== null || $workplace !== null || $start !== null) {
                return $this->checkAttractionSubsidy($case, $degree, $major, $agency, $dedicatedPost, $workplace, $start);
            }
            $degree = $case['degree'] ?? null;
            $major = $case['major'] ?? null;
            $agency = $case['agency'] ?? null;
            $dedicatedPost = $case['dedicated_post'] ?? $case['dedicatedPost'] ?? null;
            $workplace = $case['workplace'] ?? null;
            $start = $case['start'] ?? null;
        }
        if ($degree !== null && $major !== null && $agency !== null && \is_bool($dedicatedPost)
            && $workplace !== null && $start !== null) {
            try {
                $r = \nlb_attraction_subsidy(
                    $this->handle,
                    \is_int($degree) ? $degree
                        : self::DEGREE[\is_string($degree) ? $degree : ($degree instanceof Degree ? $degree->value : '')] ?? -1,
                    \is_int($major) ? $major
                        : self::MAJOR[\is_string($major) ? $major : ($major instanceof Major ? $major->value : '')] ?? -1,
                    \is_int($agency) ? $agency
                        : self::AGENCY[\is_string($agency) ? $agency : ($agency instanceof Agency ? $agency->value : '')] ?? -1,
                    $dedicatedPost,
                    \is_int($workplace) ? $workplace : (\is_string($workplace) ? self::gsoText($workplace) ?? -1 : -1),
                    \nl_date_parse(\is_string($start) ? $start
                        : ($start instanceof \DateTimeInterface ? $start->format('Y-m-d') : '')),
                );
                return SubsidyResult::fromNative($r);
            } catch (ExceptionInterface) {
                // refused: the general path says why
            }
        }
        return $case === []
            ? $this->checkAttractionSubsidy([], $degree, $major, $agency, $dedicatedPost, $workplace, $start)
            : $this->checkAttractionSubsidy($case);   // no named argument was given
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
        if ($case !== []) {
            if (\count($case) > 5 || $degree !== null || $experienceYears !== null || $role !== null
                || $specialExpertise !== null || $on !== null) {
                return $this->checkExpertSalaryCap($case, $degree, $experienceYears, $role, $specialExpertise, $on);
            }
            $degree = $case['degree'] ?? null;
            $experienceYears = $case['experience_years'] ?? $case['experienceYears'] ?? null;
            $role = $case['role'] ?? null;
            $specialExpertise = $case['special_expertise'] ?? $case['specialExpertise'] ?? null;
            $on = $case['on'] ?? null;
            if (\count($case) !== 3 + (int) ($role !== null) + (int) ($specialExpertise !== null)) {
                $degree = null;   // another key, or an optional one given as null
            }
        }
        if ($degree !== null && (\is_float($experienceYears) || \is_int($experienceYears)) && $on !== null
            && ($specialExpertise === null || \is_bool($specialExpertise))) {
            try {
                $r = \nlb_expert_salary_cap(
                    $this->handle,
                    \is_int($degree) ? $degree
                        : self::DEGREE[\is_string($degree) ? $degree : ($degree instanceof Degree ? $degree->value : '')] ?? -1,
                    (float) $experienceYears,
                    $role === null ? \NL_ROLE_MEMBER : (\is_int($role) ? $role
                        : self::ROLE[\is_string($role) ? $role : ($role instanceof Role ? $role->value : '')] ?? -1),
                    $specialExpertise ?? false,
                    \nl_date_parse(\is_string($on) ? $on
                        : ($on instanceof \DateTimeInterface ? $on->format('Y-m-d') : '')),
                );
                return ExpertCapResult::fromNative($r);
            } catch (ExceptionInterface) {
                // refused: the general path says why
            }
        }
        return $case === []
            ? $this->checkExpertSalaryCap([], $degree, $experienceYears, $role, $specialExpertise, $on)
            : $this->checkExpertSalaryCap($case);   // no named argument was given
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
        if ($case !== []) {
            if (\count($case) > 8 || $dedicatedOfficial !== null || $shortConcentrated !== null
                || $tuition !== null || $materials !== null || $meals !== null || $travel !== null
                || $days !== null || $start !== null) {
                return $this->checkTrainingSupport(
                    $case, $dedicatedOfficial, $shortConcentrated, $tuition, $materials, $meals, $travel, $days, $start
                );
            }
            $dedicatedOfficial = $case['dedicated_official'] ?? $case['dedicatedOfficial'] ?? null;
            $shortConcentrated = $case['short_concentrated'] ?? $case['shortConcentrated'] ?? null;
            $tuition = $case['tuition'] ?? null;
            $materials = $case['materials'] ?? null;
            $meals = $case['meals'] ?? null;
            $travel = $case['travel'] ?? null;
            $days = $case['days'] ?? null;
            $start = $case['start'] ?? null;
            if (\count($case) !== 4 + (int) ($tuition !== null) + (int) ($materials !== null)
                + (int) ($meals !== null) + (int) ($travel !== null)) {
                $days = null;   // another key, or an optional one given as null
            }
        }
        if (\is_bool($dedicatedOfficial) && \is_bool($shortConcentrated) && \is_int($days) && $start !== null
            && ($tuition === null || \is_int($tuition)) && ($materials === null || \is_int($materials))
            && ($meals === null || \is_int($meals)) && ($travel === null || \is_int($travel))) {
            try {
                $r = \nlb_training_support(
                    $this->handle,
                    $dedicatedOfficial,
                    $shortConcentrated,
                    $tuition ?? 0,
                    $materials ?? 0,
                    $meals ?? 0,
                    $travel ?? 0,
                    $days,
                    \nl_date_parse(\is_string($start) ? $start
                        : ($start instanceof \DateTimeInterface ? $start->format('Y-m-d') : '')),
                );
                return TrainingResult::fromNative($r);
            } catch (ExceptionInterface) {
                // refused or too large: the general path says why
            }
        }
        return $case === []
            ? $this->checkTrainingSupport(
                [], $dedicatedOfficial, $shortConcentrated, $tuition, $materials, $meals, $travel, $days, $start
            )
            : $this->checkTrainingSupport($case);   // no named argument was given
    }

    // ------------------------------------------------- rules: general path

    /** attractionSubsidy(), every field checked in order. */
    private function checkAttractionSubsidy(
        array $case,
        Degree|string|int|null $degree = null,
        Major|string|int|null $major = null,
        Agency|string|int|null $agency = null,
        mixed $dedicatedPost = null,
        int|string|null $workplace = null,
        string|\DateTimeInterface|null $start = null,
    ): SubsidyResult {
        $rule = 'attractionSubsidy';
        $f = self::fields($rule, $case, [
            'degree' => $degree, 'major' => $major, 'agency' => $agency,
            'dedicated_post' => $dedicatedPost, 'workplace' => $workplace, 'start' => $start,
        ], []);
        $args = [
            self::enumField($rule, 'degree', Degree::class, $f['degree'])->code(),
            self::enumField($rule, 'major', Major::class, $f['major'])->code(),
            self::enumField($rule, 'agency', Agency::class, $f['agency'])->code(),
            self::boolField($rule, 'dedicated_post', $f['dedicated_post']),
            self::workplaceCode(self::typed($rule, 'workplace', $f['workplace'], 'int|string'), 'workplace'),
        ];
        return SubsidyResult::fromNative($this->evaluate(
            $rule,
            fn (int $day): array => \nlb_attraction_subsidy($this->handle, ...[...$args, $day]),
            'start',
            $f['start'],
            'workplace must be a GSO code between 0 and 99999'
        ));
    }

    /** expertSalaryCap(), every field checked in order. */
    private function checkExpertSalaryCap(
        array $case,
        Degree|string|int|null $degree = null,
        int|float|null $experienceYears = null,
        Role|string|int|null $role = null,
        mixed $specialExpertise = null,
        string|\DateTimeInterface|null $on = null,
    ): ExpertCapResult {
        $rule = 'expertSalaryCap';
        $f = self::fields($rule, $case, [
            'degree' => $degree, 'experience_years' => $experienceYears, 'role' => $role,
            'special_expertise' => $specialExpertise, 'on' => $on,
        ], ['role' => Role::Member, 'special_expertise' => false]);
        $args = [
            self::enumField($rule, 'degree', Degree::class, $f['degree'])->code(),
            (float) self::typed($rule, 'experience_years', $f['experience_years'], 'int|float'),
            self::enumField($rule, 'role', Role::class, $f['role'])->code(),
            self::boolField($rule, 'special_expertise', $f['special_expertise']),
        ];
        return ExpertCapResult::fromNative($this->evaluate(
            $rule,
            fn (int $day): array => \nlb_expert_salary_cap($this->handle, ...[...$args, $day]),
            'on',
            $f['on'],
            'experience_years must be a finite number >= 0'
        ));
    }

    /** trainingSupport(), every field checked in order. */
    private function checkTrainingSupport(
        array $case,
        mixed $dedicatedOfficial = null,
        mixed $shortConcentrated = null,
        ?int $tuition = null,
        ?int $materials = null,
        ?int $meals = null,
        ?int $travel = null,
        ?int $days = null,
        string|\DateTimeInterface|null $start = null,
    ): TrainingResult {
        $rule = 'trainingSupport';
        $f = self::fields($rule, $case, [
            'dedicated_official' => $dedicatedOfficial, 'short_concentrated' => $shortConcentrated,
            'tuition' => $tuition, 'materials' => $materials, 'meals' => $meals,
            'travel' => $travel, 'days' => $days, 'start' => $start,
        ], ['tuition' => 0, 'materials' => 0, 'meals' => 0, 'travel' => 0]);
        $args = [
            self::boolField($rule, 'dedicated_official', $f['dedicated_official']),
            self::boolField($rule, 'short_concentrated', $f['short_concentrated']),
            self::typed($rule, 'tuition', $f['tuition'], 'int'),
            self::typed($rule, 'materials', $f['materials'], 'int'),
            self::typed($rule, 'meals', $f['meals'], 'int'),
            self::typed($rule, 'travel', $f['travel'], 'int'),
            self::typed($rule, 'days', $f['days'], 'int'),
        ];
        try {
            return TrainingResult::fromNative($this->evaluate(
                $rule,
                fn (int $day): array => \nlb_training_support($this->handle, ...[...$args, $day]),
                'start',
                $f['start'],
                'amounts must be >= 0 and days between 1 and 2147483647'
            ));
        } catch (OverflowException $e) {
            throw new OverflowException("$rule(): the amounts are too large to add up", $e->getCode(), $e);
        }
    }

    // ------------------------------------------------------------- helpers

    /**
     * The rule's answer: $native (its nlb_* call, given the day) on the date
     * field. The library checks a rule's arguments before its date, so a
     * date that is not one goes to the library as BAD_DATE (a day it
     * refuses with NL_EDATE only once the other arguments pass): with a bad
     * workplace, NaN years or a negative amount as well, the caller gets
     * the argument's InvalidArgumentError, as in C; otherwise the date's
     * own DateError. Python's binding does the same (_policy._rule).
     *
     * @param \Closure(int): array $native
     *
     * @return array<string, mixed> what the extension returns
     */
    private function evaluate(string $rule, \Closure $native, string $field, mixed $date, string $expected): array
    {
        $bad = null;
        try {
            $day = Date::toDays(self::typed($rule, $field, $date, 'date'), $field);
        } catch (DateError $bad) {
            $day = self::BAD_DATE;
        }
        try {
            return $native($day);
        } catch (InvalidArgumentError $e) {
            throw self::rejected($rule, $expected, $e);
        } catch (DateError $e) {
            throw $bad ?? $e;
        }
    }

    private function parameterAt(int $index): Parameter
    {
        $info = \nl_policy_param_info($this->handle, $index);
        $values = [];
        for ($j = 0; $j < $info['value_count']; $j++) {
            $values[] = ParameterValue::fromNative(\nl_policy_param_value($this->handle, $index, $j));
        }
        return new Parameter($info['key'], $info['unit'], $info['description'], $values);
    }

    /** The library's NL_EINVAL for a rule's input, with what the rule expects. */
    private static function rejected(string $rule, string $expected, InvalidArgumentError $e): InvalidArgumentError
    {
        return new InvalidArgumentError(sprintf('%s(): invalid input: %s', $rule, $expected), $e->getCode(), $e);
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

    /**
     * Merges the array form and the named arguments into one map of snake_case
     * fields; every field of $named is known, those in $defaults are optional.
     *
     * @param array<string|int, mixed> $case
     * @param array<string, mixed>     $named    snake_case => value or null (not given)
     * @param array<string, mixed>     $defaults
     *
     * @return array<string, mixed>
     */
    private static function fields(string $rule, array $case, array $named, array $defaults): array
    {
        static $aliases = [];   // per rule: its snake_case and camelCase keys => field
        $byAlias = $aliases[$rule] ?? null;
        if ($byAlias === null) {
            $byAlias = [];
            foreach (array_keys($named) as $field) {
                $byAlias[$field] = $field;
                $byAlias[lcfirst(str_replace('_', '', ucwords($field, '_')))] = $field;
            }
            $aliases[$rule] = $byAlias;
        }
        $out = [];
        foreach ($case as $key => $value) {
            $field = is_string($key) ? ($byAlias[$key] ?? null) : null;
            if ($field === null) {
                throw new InvalidArgumentError(
                    sprintf(
                        '%s(): unknown field %s (expected: %s)',
                        $rule,
                        Excerpt::quote((string) $key),
                        implode(', ', array_keys($named))
                    ),
                    Status::InvalidArgument->value
                );
            }
            if (array_key_exists($field, $out)) {
                throw new InvalidArgumentError(
                    sprintf('%s(): field "%s" is given twice', $rule, $field),
                    Status::InvalidArgument->value
                );
            }
            $out[$field] = $value;
        }
        foreach ($named as $field => $value) {
            if ($value === null) {
                continue;
            }
            if (array_key_exists($field, $out)) {
                throw new InvalidArgumentError(
                    sprintf('%s(): field "%s" is given twice', $rule, $field),
                    Status::InvalidArgument->value
                );
            }
            $out[$field] = $value;
        }
        foreach (array_keys($named) as $field) {
            if (!array_key_exists($field, $out) || $out[$field] === null) {
                if (!array_key_exists($field, $defaults)) {
                    throw new InvalidArgumentError(
                        sprintf('%s(): missing field "%s"', $rule, $field),
                        Status::InvalidArgument->value
                    );
                }
                $out[$field] = $defaults[$field];
            }
        }
        return $out;
    }

    /** $value after a PHP type check ("int", "int|float", "int|string", "date"). */
    private static function typed(string $rule, string $field, mixed $value, string $type): mixed
    {
        $ok = match ($type) {
            'int' => is_int($value),
            'int|float' => is_int($value) || is_float($value),
            'int|string' => is_int($value) || is_string($value),
            'date' => is_string($value) || $value instanceof \DateTimeInterface,
        };
        if (!$ok) {
            throw new \TypeError(sprintf(
                '%s(): field "%s" must be of type %s, %s given',
                $rule,
                $field,
                $type === 'date' ? 'string|DateTimeInterface' : $type,
                get_debug_type($value)
            ));
        }
        return $value;
    }

    private static function boolField(string $rule, string $field, mixed $value): bool
    {
        if (!is_bool($value)) {
            throw new \TypeError(sprintf(
                '%s(): field "%s" must be of type bool, %s given',
                $rule,
                $field,
                get_debug_type($value)
            ));
        }
        return $value;
    }

    /**
     * @template T of Degree|Major|Agency|Role
     *
     * @param class-string<T> $enum
     *
     * @return T
     */
    private static function enumField(string $rule, string $field, string $enum, mixed $value): Degree|Major|Agency|Role
    {
        if (!($value instanceof $enum) && !is_string($value) && !is_int($value)) {
            throw new \TypeError(sprintf(
                '%s(): field "%s" must be of type %s|string|int, %s given',
                $rule,
                $field,
                $enum,
                get_debug_type($value)
            ));
        }
        try {
            return $enum::coerce($value);
        } catch (InvalidArgumentError $e) {
            throw new InvalidArgumentError(sprintf('%s(): field "%s": %s', $rule, $field, $e->getMessage()), $e->getCode(), $e);
        }
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
