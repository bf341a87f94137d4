<?php

declare(strict_types=1);

namespace NhanLuc;

/**
 * One rule on one policy, ready to answer whole populations: the library's
 * batch plan (nhanluc/batch.h, nl_batch_plan_create) made once by
 * Policy::plan(), reused by any number of run() calls.
 *
 *     $plan = $policy->plan('attraction_subsidy');
 *     $out = $plan->run([
 *         'degree' => ['bachelor', 'master', 'college'],   // a list: one value per record
 *         'major' => 'it', 'agency' => 'state',              // one value: every record
 *         'dedicated_post' => true, 'workplace' => ['088', 'Sa Pa', 82],
 *         'start' => ['2024-05-01', '2025-07-01', '2024-05-01'],
 *     ]);
 *     $out['amount'];    // [100000000, 100000000, 0]
 *     $out['reason'];    // ['ok', 'ok', 'degree']
 *
 * The plan keeps its Policy alive. Changing that policy afterwards (set(),
 * end()) makes run() refuse the plan (InvalidArgumentError, getField()
 * "policy") rather than answer from stale tables: make a new plan.
 */
final class BatchPlan
{
    /**
     * Made by Policy::plan() only.
     *
     * @internal
     */
    public function __construct(
        private readonly \nlb_batch_plan $handle,
        private readonly Policy $policy,
        private readonly string $rule,
    ) {
    }

    /** A plan is a library handle: it cannot be serialized (make it again with Policy::plan()). */
    public function __serialize(): array
    {
        throw new \LogicException('a NhanLuc\\BatchPlan cannot be serialized; make it again with Policy::plan()');
    }

    /** @param array<mixed> $data */
    public function __unserialize(array $data): void
    {
        throw new \LogicException('a NhanLuc\\BatchPlan cannot be unserialized; make it with Policy::plan()');
    }

    /** The rule family it evaluates, e.g. "attraction_subsidy". */
    public function rule(): string
    {
        return $this->rule;
    }

    /** The policy it reads. */
    public function policy(): Policy
    {
        return $this->policy;
    }

    /**
     * The rule over a population given as columns, in one library call
     * (nl_batch_run). $columns maps the rule's input names (as evaluate()
     * takes them: snake_case or camelCase) to a list of values, one per
     * record (keys 0..n-1 in order; every list the same length), or to one
     * value meaning every record; an optional input left out (or null)
     * takes its default. Each value is converted as evaluate() converts it
     * (code names, enums or ints; bools; ISO dates or DateTimeInterface; a
     * workplace's GSO code or its name, resolved on the record's date).
     *
     * The answer maps every declared output (and "eligible", reason ok,
     * when the rule declares none) to the list of its n values, equal field
     * by field to what evaluateAll() gives for the same records: money and
     * ints as int, bools as bool, reason and certainty as their names
     * ("ok", "confirmed"), source as the citation.
     *
     * All or nothing. A column that is unknown, missing (required), not a
     * list or of another length: InvalidArgumentError, getField() the
     * column. A bad value: the exception evaluate() throws for that record,
     * its message starting "record k: ", getField() the input and
     * getIndex() k (a \TypeError has the message only). No partial answer.
     *
     * @param array<string, mixed> $columns
     * @param int $threads 0: one thread per core; 1: this thread only; k: at most k
     *
     * @return array<string, list<int|bool|string>>
     *
     * @throws InvalidArgumentError a bad column, a bad value, the policy changed since the plan was made, $threads < 0
     * @throws DateError            a date that is not a real date (getField(), getIndex())
     * @throws \TypeError           a value of the wrong PHP type
     */
    public function run(array $columns, int $threads = 0): array
    {
        return \nlb_batch_run($this->handle, $columns, $threads);
    }
}
