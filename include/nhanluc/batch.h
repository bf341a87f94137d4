/**
 * @file nhanluc/batch.h
 * @brief Whole populations at once: any rule over named, typed, strided
 *        columns (nl_batch_plan, nl_batch_run), and the three original
 *        families over plain arrays.
 *
 * Each function evaluates @p n records given as a struct of arrays (one
 * array per field, each of @p n elements, e.g. the columns of a data frame
 * or numpy arrays) and writes one element per record into each output array.
 * The answers are exactly those of the single-record functions of rules.h
 * (nl_attraction_subsidy() and so on), field by field; docs/batch.md says
 * how that is kept true.
 *
 * Conventions shared by the three functions:
 *  - Flags (dedicated post, dedicated official, short course) are bytes that
 *    must be 0 or 1, like a numpy bool array; enums are bytes in their
 *    declared range; any other value is NL_EINVAL. Record by record the
 *    checks and their codes are those of the single-record function (e.g. a
 *    bad degree is NL_EINVAL even when the date is bad too).
 *  - All or nothing. If any record is invalid (NL_EINVAL, NL_EDATE) or its
 *    answer cannot be computed (NL_ERANGE), the function returns the status
 *    of the first such record, stores its index in @c *bad_index, and every
 *    output array is zeroed: there is no partial answer. On success, and on
 *    errors that concern no record, @c *bad_index is NL_BATCH_NO_INDEX.
 *  - Argument errors (NL_EINVAL, no record concerned): @p p NULL, a
 *    required array NULL (also when @p n is 0), @p threads negative. The
 *    non-NULL output arrays are zeroed then too. @p n == 0 with valid
 *    arguments is NL_OK and touches nothing.
 *  - "Not eligible" is an answer: reason != NL_REASON_OK and amounts 0, as
 *    in rules.h; eligible ⇔ reason == NL_REASON_OK.
 *  - @c certainty (optional, may be NULL) receives the nl_certainty of each
 *    answer. Legal sources are not given per record: evaluate one
 *    representative record with the single-record function to cite one.
 *  - Output arrays must not overlap each other or the inputs. No output is
 *    allocated by the library; each call allocates small lookup tables
 *    (tens of kilobytes for the built-in policy), never anything per record
 *    (NL_ENOMEM if that fails).
 *  - @p threads: 0 = one thread per online core, 1 = the calling thread
 *    only, k = at most k threads (POSIX threads, each on a contiguous slice
 *    of the records; small inputs use fewer threads). The answers do not
 *    depend on @p threads.
 *
 * Thread safety: the functions only read the policy and the input arrays;
 * any number of calls may run at the same time on the same policy as long
 * as no thread modifies it (see policy.h) and their output arrays differ.
 * There is no global state.
 */
#ifndef NHANLUC_BATCH_H
#define NHANLUC_BATCH_H

#include "rule.h"
#include "rules.h"

#ifdef __cplusplus
extern "C" {
#endif

/** Value of @c *bad_index when no record is at fault (success, or an
 *  argument error). */
#define NL_BATCH_NO_INDEX SIZE_MAX

/**
 * nl_attraction_subsidy() over @p n candidates.
 *
 * Inputs, one element per candidate: @p degree (nl_degree), @p major
 * (nl_major), @p agency (nl_agency), @p dedicated_post (0/1), @p workplace
 * (GSO code 0..999), @p start (first day in the post).
 * Outputs: @p amount (đồng, 0 unless eligible), @p reason (nl_reason), and
 * optionally @p certainty (nl_certainty; NULL to skip).
 * @param bad_index optional (may be NULL): index of the first bad record.
 * @return NL_OK; NL_EINVAL; NL_EDATE; NL_ENOMEM (see the file comment).
 */
NL_EXTERN nl_status nl_attraction_subsidy_batch(
    const nl_policy *p, size_t n,
    const uint8_t *degree, const uint8_t *major, const uint8_t *agency,
    const uint8_t *dedicated_post, const int16_t *workplace, const nl_date *start,
    int64_t *amount, uint8_t *reason, uint8_t *certainty,
    int threads, size_t *bad_index);

/**
 * nl_expert_salary_cap() over @p n experts.
 *
 * Inputs: @p degree (nl_degree), @p experience_years (finite, >= 0),
 * @p role (nl_role), @p on (date of the engagement). The informational
 * special_expertise flag of nl_expert has no column: it changes no output.
 * Outputs: @p level (0..4), @p monthly, @p weekly, @p daily,
 * @p special_monthly (đồng), @p reason, optionally @p certainty.
 * @return NL_OK; NL_EINVAL; NL_EDATE; NL_ERANGE (a what-if cap whose
 * conversion overflows, at the first record that needs it); NL_ENOMEM.
 */
NL_EXTERN nl_status nl_expert_salary_cap_batch(
    const nl_policy *p, size_t n,
    const uint8_t *degree, const double *experience_years, const uint8_t *role,
    const nl_date *on,
    uint8_t *level, int64_t *monthly, int64_t *weekly, int64_t *daily,
    int64_t *special_monthly, uint8_t *reason, uint8_t *certainty,
    int threads, size_t *bad_index);

/**
 * nl_training_support() over @p n claims.
 *
 * Inputs: @p dedicated_official (0/1), @p short_concentrated (0/1),
 * @p tuition, @p materials, @p meals, @p travel (đồng, >= 0), @p days
 * (>= 1), @p start (first day of the course).
 * Outputs: what is paid per item (@p paid_tuition, @p paid_materials,
 * @p paid_meals, @p paid_travel), their sum @p total, @p reason, optionally
 * @p certainty.
 * @return NL_OK; NL_EINVAL; NL_EDATE; NL_ERANGE (a sum past INT64_MAX);
 * NL_ENOMEM.
 */
NL_EXTERN nl_status nl_training_support_batch(
    const nl_policy *p, size_t n,
    const uint8_t *dedicated_official, const uint8_t *short_concentrated,
    const int64_t *tuition, const int64_t *materials, const int64_t *meals,
    const int64_t *travel, const int32_t *days, const nl_date *start,
    int64_t *paid_tuition, int64_t *paid_materials, int64_t *paid_meals,
    int64_t *paid_travel, int64_t *total, uint8_t *reason, uint8_t *certainty,
    int threads, size_t *bad_index);

/* ================================================= plans over named columns */

/** Element type of a column (one element per record). */
typedef enum nl_column_type {
    NL_COLUMN_U8 = 0,   /**< uint8_t (a numpy bool array too) */
    NL_COLUMN_I8,       /**< int8_t */
    NL_COLUMN_I16,      /**< int16_t */
    NL_COLUMN_I32,      /**< int32_t (an nl_date) */
    NL_COLUMN_I64,      /**< int64_t (money; numpy datetime64[D] viewed as int64) */
    NL_COLUMN_F64       /**< double */
} nl_column_type;

/** Number of nl_column_type values. */
#define NL_COLUMN_TYPE_COUNT 6

/**
 * One column of a batch: a field of the rule by name, its element type and
 * where its elements are. Record k's element is at
 * (char *)data + k * stride: a numpy slice, a column of a structured array
 * or of a row-major table is passed as it is, without a copy.
 *
 * Inputs are only read. An input's @c stride may be 0: every record then
 * reads the one element (a constant column, numpy's broadcasting). Outputs
 * need a stride of at least one element and must not overlap each other or
 * the inputs.
 */
typedef struct nl_column {
    const char *name;      /**< an input or output of the rule (nl_rule_input,
                                nl_rule_output), e.g. "degree", "amount" */
    nl_column_type type;
    void *data;            /**< record 0's element */
    ptrdiff_t stride;      /**< bytes from one record's element to the next */
} nl_column;

/** A contiguous column over a typed C array, e.g.
 *  NL_COLUMN("start", NL_COLUMN_I32, starts). */
#define NL_COLUMN(name, type, array) \
    ((nl_column){(name), (type), (void *)(array), (ptrdiff_t)sizeof *(array)})

/** A batch plan: one rule on one policy, with the tables that make its
 *  batches fast, built once and reused by any number of nl_batch_run calls
 *  (from any number of threads at once). Opaque. */
typedef struct nl_batch_plan nl_batch_plan;

/**
 * Makes a plan for rule @p r on policy @p p. The plan reads @p p: free the
 * plan before the policy. A policy changed after the plan was made
 * (nl_policy_set, nl_policy_end) makes nl_batch_run refuse the plan
 * (NL_EINVAL) rather than answer from stale tables: make a new one.
 * @return NL_OK and *out; NL_EINVAL (NULL argument); NL_ENOMEM. On error
 * *out is NULL.
 */
NL_EXTERN nl_status nl_batch_plan_create(const nl_policy *p, const nl_rule *r,
                                         nl_batch_plan **out);

/** Frees a plan (NULL is a no-op). */
NL_EXTERN void nl_batch_plan_free(nl_batch_plan *plan);

/** The rule the plan evaluates (NULL if @p plan is NULL). */
NL_EXTERN const nl_rule *nl_batch_plan_rule(const nl_batch_plan *plan);

/**
 * The legal sources a batch's "source" column indexes: source i is the
 * citation of the policy's i-th source (in the document's order), then the
 * text of values set by the caller ("what-if"), then the text answers cite
 * for a parameter the document does not have. nl_batch_plan_source returns
 * NULL past the end.
 */
NL_EXTERN size_t nl_batch_plan_source_count(const nl_batch_plan *plan);
NL_EXTERN const char *nl_batch_plan_source(const nl_batch_plan *plan, size_t i);

/**
 * Evaluates the plan's rule over @p n records given as named columns.
 *
 * Inputs @p in (@p nin of them, any order) are the rule's inputs by name;
 * an optional input left out takes its default for every record, a
 * required one left out is refused. Integer fields (bool, code, int,
 * money, workplace, date) take any integer column type, experience years
 * a double or an integer column; a value is checked exactly as
 * nl_rule_eval checks it, never narrowed on the way (an int64 column of
 * 40000 is the workplace 40000).
 *
 * Outputs @p out (@p nout of them) are any of the rule's outputs by name:
 * money needs NL_COLUMN_I64; the others (bool, int, code, reason,
 * certainty) an integer type that holds every value the field can take;
 * a text output ("source") is written as an index into the plan's sources
 * (nl_batch_plan_source), in an integer type that holds them all.
 *
 * The answers are those of nl_rule_eval record by record; all or nothing
 * as the functions above (the first bad record's status, its index in
 * @c *bad_index, every output zeroed). @p err (may be NULL) then names the
 * field and the record ("record 12: degree: 7 is not one of ..."), or the
 * column refused by the argument checks (err->key: its name).
 * @return NL_OK; NL_EINVAL (a NULL plan, column array or data pointer; an
 * unknown, repeated or ill-typed column; a required input missing; an
 * output of stride 0; the policy changed since the plan was made;
 * @p threads < 0; or a bad record); NL_EDATE; NL_ERANGE; NL_ENOMEM.
 */
NL_EXTERN nl_status nl_batch_run(const nl_batch_plan *plan, size_t n, const nl_column *in,
                                 size_t nin, const nl_column *out, size_t nout, int threads,
                                 size_t *bad_index, nl_error *err);

#ifdef __cplusplus
}
#endif

#endif
