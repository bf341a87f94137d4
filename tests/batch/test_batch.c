/* The batch functions (batch.h) against the single-record functions.
 *
 * Equivalence: large seeded random populations (NL_BATCH_TEST_RECORDS, by
 * default 1,200,000 per family), dates 2014..2027 across every parameter
 * change, every workplace code 0..999 and every unit of the dated
 * catalogue, every reason; the batch answer must
 * equal the single-record answer field by field, on the built-in policy and
 * on a what-if policy with more dated changes. Then all or nothing, threads,
 * n = 0 and NULL arguments. */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include <nhanluc/nhanluc.h>

#include "../hardening/hardening.h"

/* ------------------------------------------------------------- helpers */

static size_t records(void)
{
    const char *e = getenv("NL_BATCH_TEST_RECORDS");
    long v = e ? strtol(e, NULL, 10) : 0;
    return v > 0 ? (size_t)v : 1200000;
}

/* The seeded generator (splitmix64, same population every run) and dates
 * come from the hardening tests' helpers. */
typedef uint64_t rng;

/* Dates 2014-01-01..2027-12-31; one in four on or next to a date where a
 * parameter of the policy changes, so every edge is hit. */
static nl_date random_date(rng *r, const nl_policy *p)
{
    if ((uint32_t)nlh_below(r, 4) == 0) {
        size_t np = nl_policy_param_count(p), i = (uint32_t)nlh_below(r, (uint32_t)np);
        nl_param_info info;
        assert_int_equal(nl_policy_param_info(p, i, &info), NL_OK);
        nl_param_value v;
        assert_int_equal(nl_policy_param_value(p, i, (uint32_t)nlh_below(r, (uint32_t)info.value_count), &v),
                         NL_OK);
        nl_date d = v.since + (nl_date)(uint32_t)nlh_below(r, 3) - 1;
        if (d >= nlh_date(2014, 1, 1) && d <= nlh_date(2027, 12, 31))
            return d;
    }
    return nlh_date(2014, 1, 1) + (nl_date)(uint32_t)nlh_below(r, (uint32_t)(nlh_date(2027, 12, 31) - nlh_date(2014, 1, 1) + 1));
}

static void *xcalloc(size_t n, size_t size)
{
    void *p = calloc(n ? n : 1, size);
    assert_non_null(p);
    return p;
}

/* The policies the answers are compared on:
 *  [0] the built-in policy;
 *  [1] a what-if with more dated changes: the district amount rises in 2023
 *      and the city/town amount ends mid-2024, an experience threshold and a
 *      cap change in 2020, the tuition share is 85% from 2022 and the meal
 *      cap changes on 2024-02-29;
 *  [2] many district amounts (more than the vector path's short list of
 *      amounts: the portable loop answers);
 *  [3] changes in the years 1000 and 9000 (dates too far apart for a day
 *      table: intervals by binary search). */
#define NPOLICIES 4

static int setup(void **state)
{
    nl_policy **ps = calloc(NPOLICIES, sizeof *ps);
    if (!ps || nl_policy_default(&ps[0]) != NL_OK)
        return -1;
    for (int i = 1; i < NPOLICIES; i++)
        if (nl_policy_clone(ps[0], &ps[i]) != NL_OK)
            return -1;
    nl_policy *w = ps[1], *many = ps[2], *far = ps[3];
    if (nl_policy_set(w, "attraction.amount.district", nlh_date(2023, 3, 15), 175000000) ||
        nl_policy_end(w, "attraction.amount.city_town", nlh_date(2024, 7, 1)) ||
        nl_policy_set(w, "expert.years.bachelor.level2", nlh_date(2020, 1, 1), 9) ||
        nl_policy_set(w, "expert.cap.level3", nlh_date(2020, 1, 1), 21000001) ||
        nl_policy_set(w, "expert.daily.premium_bp", nlh_date(2019, 6, 1), 12345) ||
        nl_policy_set(w, "training.tuition.share_bp", nlh_date(2022, 1, 1), 8500) ||
        nl_policy_set(w, "training.meals.cap_per_day", nlh_date(2024, 2, 29), 230000))
        return -1;
    for (int y = 2021; y <= 2025; y++)
        if (nl_policy_set(many, "attraction.amount.district", nlh_date(y, y - 2019, 1),
                          120000000 + 10000000 * (y - 2021)))
            return -1;
    if (nl_policy_set(far, "expert.cap.level4", nlh_date(9000, 1, 1), 99000000) ||
        nl_policy_set(far, "training.travel.cap_per_course", nlh_date(1000, 1, 1), 1) ||
        nl_policy_set(far, "attraction.min_degree", nlh_date(1000, 1, 1), 1))
        return -1;
    *state = ps;
    return 0;
}

static int teardown(void **state)
{
    nl_policy **ps = *state;
    for (int i = 0; i < NPOLICIES; i++)
        nl_policy_free(ps[i]);
    free(ps);
    return 0;
}

/* ================================================ 1. attraction subsidy */

typedef struct attr_pop {
    size_t n;
    uint8_t *degree, *major, *agency, *dedicated;
    int16_t *workplace;
    nl_date *start;
    int64_t *amount;
    uint8_t *reason, *certainty;
} attr_pop;

static attr_pop attr_alloc(size_t n)
{
    attr_pop a = {.n = n};
    a.degree = xcalloc(n, 1);
    a.major = xcalloc(n, 1);
    a.agency = xcalloc(n, 1);
    a.dedicated = xcalloc(n, 1);
    a.workplace = xcalloc(n, sizeof *a.workplace);
    a.start = xcalloc(n, sizeof *a.start);
    a.amount = xcalloc(n, sizeof *a.amount);
    a.reason = xcalloc(n, 1);
    a.certainty = xcalloc(n, 1);
    return a;
}

static void attr_free(attr_pop *a)
{
    free(a->degree);
    free(a->major);
    free(a->agency);
    free(a->dedicated);
    free(a->workplace);
    free(a->start);
    free(a->amount);
    free(a->reason);
    free(a->certainty);
}

/* Mostly qualifying people, so that each condition is the first unmet one
 * often enough; workplaces half units of the policy's dated catalogue (the
 * pre-2025 districts and the communes of every kind), a quarter any code
 * 0..999, a quarter any int16 code. */
static attr_pop attr_random(const nl_policy *p, size_t n, uint64_t seed)
{
    size_t nunits = nl_policy_workplace_count(p);
    int16_t *province = xcalloc(nunits, sizeof *province);
    for (size_t i = 0; i < nunits; i++) {
        nl_workplace w;
        assert_int_equal(nl_policy_workplace_at(p, i, &w), NL_OK);
        province[i] = (int16_t)w.code;
    }
    attr_pop a = attr_alloc(n);
    rng r = seed;
    for (size_t k = 0; k < n; k++) {
        a.degree[k] = (uint8_t)((uint32_t)nlh_below(&r, 3) ? 2 + (uint32_t)nlh_below(&r, 3) : (uint32_t)nlh_below(&r, 5));
        a.major[k] = (uint8_t)((uint32_t)nlh_below(&r, 4) ? 1 + (uint32_t)nlh_below(&r, 2) : (uint32_t)nlh_below(&r, 3));
        a.agency[k] = (uint8_t)((uint32_t)nlh_below(&r, 4) ? 1 + (uint32_t)nlh_below(&r, 2) : (uint32_t)nlh_below(&r, 3));
        a.dedicated[k] = (uint8_t)((uint32_t)nlh_below(&r, 5) != 0);
        a.workplace[k] = (uint32_t)nlh_below(&r, 2) ? province[(uint32_t)nlh_below(&r, (uint32_t)nunits)]
                         : (uint32_t)nlh_below(&r, 2) ? (int16_t)(k % 1000)
                                                      : (int16_t)nlh_below(&r, 32768);
        a.start[k] = random_date(&r, p);
    }
    free(province);
    return a;
}

static nl_status attr_run(const nl_policy *p, const attr_pop *a, int threads, bool cert,
                          size_t *bad)
{
    return nl_attraction_subsidy_batch(p, a->n, a->degree, a->major, a->agency, a->dedicated,
                                       a->workplace, a->start, a->amount, a->reason,
                                       cert ? a->certainty : NULL, threads, bad);
}

static nl_candidate attr_candidate(const attr_pop *a, size_t k)
{
    return (nl_candidate){.degree = a->degree[k], .major = a->major[k], .agency = a->agency[k],
                          .dedicated_post = a->dedicated[k], .workplace = a->workplace[k],
                          .start = a->start[k]};
}

static void attr_check_equivalent(const nl_policy *p, uint64_t seed)
{
    attr_pop a = attr_random(p, records(), seed);
    size_t bad = 0;
    assert_int_equal(attr_run(p, &a, 0, true, &bad), NL_OK);
    assert_true(bad == NL_BATCH_NO_INDEX);
    size_t per_reason[NL_REASON_COUNT] = {0};
    bool code_seen[32768] = {false};
    for (size_t k = 0; k < a.n; k++) {
        nl_candidate c = attr_candidate(&a, k);
        nl_subsidy s;
        assert_int_equal(nl_attraction_subsidy(p, &c, &s), NL_OK);
        if (a.amount[k] != s.amount || a.reason[k] != s.reason || a.certainty[k] != s.certainty)
            fail_msg("record %zu: batch %lld/%u/%u, single %lld/%u/%u", k,
                     (long long)a.amount[k], a.reason[k], a.certainty[k],
                     (long long)s.amount, s.reason, s.certainty);
        assert_true(s.eligible == (a.reason[k] == NL_REASON_OK));
        per_reason[s.reason]++;
        code_seen[a.workplace[k]] = true;
    }
    for (int r = 0; r < NL_REASON_COUNT; r++)
        if (r != NL_REASON_COURSE_KIND && per_reason[r] == 0)
            fail_msg("no record has reason %s", nl_reason_name((nl_reason)r));
    for (int w = 0; w < 1000; w++)
        assert_true(code_seen[w]);
    attr_free(&a);
}

static void attraction_batch_equals_single_on_the_builtin_policy(void **state)
{
    attr_check_equivalent(((nl_policy **)*state)[0], 1);
}

static void attraction_batch_equals_single_on_whatif_policies(void **state)
{
    for (int i = 1; i < NPOLICIES; i++)
        attr_check_equivalent(((nl_policy **)*state)[i], 2 + (uint64_t)i);
}

static void attraction_answers_do_not_depend_on_threads_or_certainty(void **state)
{
    const nl_policy *p = ((nl_policy **)*state)[0];
    attr_pop a = attr_random(p, 700001, 3);
    int64_t *amount = xcalloc(a.n, 8);
    uint8_t *reason = xcalloc(a.n, 1), *cert = xcalloc(a.n, 1);
    assert_int_equal(attr_run(p, &a, 1, true, NULL), NL_OK);
    memcpy(amount, a.amount, a.n * 8);
    memcpy(reason, a.reason, a.n);
    memcpy(cert, a.certainty, a.n);
    const int threads[] = {0, 3, 2, 7};
    for (size_t i = 0; i < 4; i++) {
        memset(a.amount, 0xA5, a.n * 8);
        memset(a.reason, 0xA5, a.n);
        memset(a.certainty, 0xA5, a.n);
        assert_int_equal(attr_run(p, &a, threads[i], i != 2, NULL), NL_OK);
        assert_memory_equal(a.amount, amount, a.n * 8);
        assert_memory_equal(a.reason, reason, a.n);
        if (i != 2)
            assert_memory_equal(a.certainty, cert, a.n);
        else   /* no certainty array given: untouched */
            for (size_t k = 0; k < a.n; k++)
                assert_int_equal(a.certainty[k], 0xA5);
    }
    free(amount);
    free(reason);
    free(cert);
    attr_free(&a);
}

/* Every byte of an output is 0 (after a refused batch). */
#define assert_all_zero(mem, bytes) assert_true(nlh_all_zero((mem), (bytes)))

/* Breaks record k in one way; returns the status the single function gives. */
static nl_status attr_break(attr_pop *a, size_t k, int how)
{
    switch (how) {
    case 0: a->degree[k] = 5; return NL_EINVAL;
    case 1: a->major[k] = 3; return NL_EINVAL;
    case 2: a->agency[k] = 255; return NL_EINVAL;
    case 3: a->dedicated[k] = 2; return NL_EINVAL;   /* flags are 0 or 1 */
    case 4: a->workplace[k] = INT16_MIN; return NL_EINVAL;
    case 5: a->workplace[k] = -1; return NL_EINVAL;
    case 6: a->start[k] = nlh_date(9999, 12, 31) + 1; return NL_EDATE;
    case 7: a->start[k] = nlh_date(1, 1, 1) - 1; return NL_EDATE;
    default:   /* two faults: the single function's order, EINVAL first */
        a->start[k] = INT32_MAX;
        a->degree[k] = 9;
        return NL_EINVAL;
    }
}

/* n records, one broken at `at` (and, if second != n, another later);
 * expects the status, the first index and every output zeroed. */
static void attr_expect_bad(const nl_policy *p, size_t n, size_t at, size_t second, int how,
                            int threads)
{
    attr_pop a = attr_random(p, n, 40 + at);
    nl_status want = attr_break(&a, at, how);
    if (second < n)
        attr_break(&a, second, (how + 3) % 9);
    memset(a.amount, 0xA5, n * 8);
    memset(a.reason, 0xA5, n);
    memset(a.certainty, 0xA5, n);
    size_t bad = 12345;
    nl_status got = attr_run(p, &a, threads, true, &bad);
    if (got != want || bad != at)
        fail_msg("n=%zu how=%d threads=%d: got %s at %zu, want %s at %zu", n, how, threads,
                 nl_status_name(got), bad, nl_status_name(want), at);
    assert_all_zero(a.amount, n * 8);
    assert_all_zero(a.reason, n);
    assert_all_zero(a.certainty, n);
    /* The single-record function agrees that the record is bad. */
    nl_candidate c = attr_candidate(&a, at);
    nl_subsidy s;
    if (how != 3)
        assert_int_equal(nl_attraction_subsidy(p, &c, &s), want);
    attr_free(&a);
}

static void attraction_first_bad_record_fails_the_whole_batch(void **state)
{
    /* Policy 0 takes the vector path where there is one, policy 2 the
     * portable loop; 300003 leaves a tail shorter than a vector. */
    const size_t big = 300003, small = 10;
    for (int pi = 0; pi < NPOLICIES; pi += 2) {
        const nl_policy *p = ((nl_policy **)*state)[pi];
        for (int how = 0; how < 9; how++) {
            attr_expect_bad(p, big, 0, big, how, 3);
            attr_expect_bad(p, big, big / 2 + 7, big, how, 0);
            attr_expect_bad(p, big, big - 1, big, how, 1);
            attr_expect_bad(p, small, 0, small, how, 1);
            attr_expect_bad(p, small, small - 1, small, how, 0);
        }
        /* Two bad records in different threads' slices: the first one wins. */
        attr_expect_bad(p, big, 150000, 250000, 0, 3);
        attr_expect_bad(p, big, 1000, 299999, 6, 3);
        attr_expect_bad(p, big, 257, 258, 4, 3);   /* same block */
    }
}

/* A policy with thousands of dated amounts needs tables too large to build:
 * the batch then evaluates record by record (threads still apply) and must
 * answer, and fail, the same. */
static void attraction_without_tables_answers_the_same(void **state)
{
    nl_policy *w = NULL;
    assert_int_equal(nl_policy_clone(((nl_policy **)*state)[0], &w), NL_OK);
    for (int i = 0; i < 6000; i++)
        assert_int_equal(nl_policy_set(w, "attraction.amount.district",
                                       nlh_date(2014, 1, 1) + i, 150000000 + i),
                         NL_OK);
    attr_pop a = attr_random(w, 140000, 70);
    assert_int_equal(attr_run(w, &a, 3, true, NULL), NL_OK);
    for (size_t k = 0; k < a.n; k++) {
        nl_candidate c = attr_candidate(&a, k);
        nl_subsidy s;
        assert_int_equal(nl_attraction_subsidy(w, &c, &s), NL_OK);
        assert_true(a.amount[k] == s.amount && a.reason[k] == s.reason &&
                    a.certainty[k] == s.certainty);
    }
    attr_free(&a);
    attr_expect_bad(w, 140000, 100000, 140000, 6, 3);
    nl_policy_free(w);
}

static void attraction_empty_batch_is_ok_and_touches_nothing(void **state)
{
    const nl_policy *p = ((nl_policy **)*state)[0];
    attr_pop a = attr_alloc(1);
    a.amount[0] = 77;
    a.n = 0;
    size_t bad = 5;
    assert_int_equal(attr_run(p, &a, 0, true, &bad), NL_OK);
    assert_true(bad == NL_BATCH_NO_INDEX);
    assert_int_equal(a.amount[0], 77);
    attr_free(&a);
}

static void attraction_null_arguments_are_einval(void **state)
{
    const nl_policy *p = ((nl_policy **)*state)[0];
    for (size_t n = 0; n <= 5000; n += 5000) {
        attr_pop a = attr_random(p, n ? n : 1, 9);
        a.n = n;
        void *args[8] = {a.degree, a.major, a.agency, a.dedicated,
                         a.workplace, a.start, a.amount, a.reason};
        for (int i = -1; i < 8; i++) {
            void *v[8];
            memcpy(v, args, sizeof v);
            if (i >= 0)
                v[i] = NULL;
            memset(a.amount, 0xA5, a.n * 8);
            size_t bad = 0;
            nl_status s = nl_attraction_subsidy_batch(i < 0 ? NULL : p, n, v[0], v[1], v[2], v[3],
                                                      v[4], v[5], v[6], v[7], a.certainty, 0,
                                                      &bad);
            assert_int_equal(s, NL_EINVAL);
            assert_true(bad == NL_BATCH_NO_INDEX);
            if (v[6] != NULL)
                assert_all_zero(a.amount, n * 8);
        }
        assert_int_equal(attr_run(p, &a, -1, true, NULL), NL_EINVAL);
        attr_free(&a);
    }
}

/* ================================================ 2. expert salary cap */

typedef struct expert_pop {
    size_t n;
    uint8_t *degree, *role;
    double *years;
    nl_date *on;
    uint8_t *level, *reason, *certainty;
    int64_t *monthly, *weekly, *daily, *special;
} expert_pop;

static expert_pop expert_alloc(size_t n)
{
    expert_pop e = {.n = n};
    e.degree = xcalloc(n, 1);
    e.role = xcalloc(n, 1);
    e.years = xcalloc(n, sizeof *e.years);
    e.on = xcalloc(n, sizeof *e.on);
    e.level = xcalloc(n, 1);
    e.reason = xcalloc(n, 1);
    e.certainty = xcalloc(n, 1);
    e.monthly = xcalloc(n, 8);
    e.weekly = xcalloc(n, 8);
    e.daily = xcalloc(n, 8);
    e.special = xcalloc(n, 8);
    return e;
}

static void expert_free(expert_pop *e)
{
    void *all[] = {e->degree, e->role,    e->years,   e->on,    e->level,  e->reason,
                   e->certainty, e->monthly, e->weekly, e->daily, e->special};
    for (size_t i = 0; i < sizeof all / sizeof *all; i++)
        free(all[i]);
}

/* Experience: whole years (the thresholds themselves), just below and above
 * them, fractions, and long careers. */
static double random_years(rng *r)
{
    double t = (double)(uint32_t)nlh_below(r, 21);
    switch ((uint32_t)nlh_below(r, 5)) {
    case 0: return t;
    case 1: return nextafter(t, -1.0) > 0 ? nextafter(t, -1.0) : 0.0;
    case 2: return nextafter(t, 100.0);
    case 3: return (double)(uint32_t)nlh_below(r, 1 << 20) / (double)(1 << 16);
    default: return (uint32_t)nlh_below(r, 50) ? t + 0.5 : 1e300;
    }
}

static expert_pop expert_random(const nl_policy *p, size_t n, uint64_t seed)
{
    expert_pop e = expert_alloc(n);
    rng r = seed;
    for (size_t k = 0; k < n; k++) {
        e.degree[k] = (uint8_t)(uint32_t)nlh_below(&r, 5);
        e.role[k] = (uint8_t)((uint32_t)nlh_below(&r, 2) ? 0 : (uint32_t)nlh_below(&r, 3));
        e.years[k] = random_years(&r);
        e.on[k] = random_date(&r, p);
    }
    return e;
}

static nl_status expert_run(const nl_policy *p, const expert_pop *e, int threads, bool cert,
                            size_t *bad)
{
    return nl_expert_salary_cap_batch(p, e->n, e->degree, e->years, e->role, e->on, e->level,
                                      e->monthly, e->weekly, e->daily, e->special, e->reason,
                                      cert ? e->certainty : NULL, threads, bad);
}

static nl_expert expert_record(const expert_pop *e, size_t k)
{
    return (nl_expert){.degree = e->degree[k], .experience_years = e->years[k],
                       .role = e->role[k], .on = e->on[k]};
}

static void expert_check_equivalent(const nl_policy *p, uint64_t seed)
{
    expert_pop e = expert_random(p, records(), seed);
    size_t bad = 0;
    assert_int_equal(expert_run(p, &e, 0, true, &bad), NL_OK);
    assert_true(bad == NL_BATCH_NO_INDEX);
    size_t per_level[5] = {0}, per_reason[NL_REASON_COUNT] = {0};
    for (size_t k = 0; k < e.n; k++) {
        nl_expert x = expert_record(&e, k);
        nl_expert_cap c;
        assert_int_equal(nl_expert_salary_cap(p, &x, &c), NL_OK);
        if (e.level[k] != c.level || e.monthly[k] != c.monthly || e.weekly[k] != c.weekly ||
            e.daily[k] != c.daily || e.special[k] != c.special_monthly ||
            e.reason[k] != c.reason || e.certainty[k] != c.certainty)
            fail_msg("record %zu (degree %u, %.17g years, role %u): batch level %u %lld, "
                     "single level %d %lld", k, e.degree[k], e.years[k], e.role[k],
                     e.level[k], (long long)e.monthly[k], c.level, (long long)c.monthly);
        per_level[c.level]++;
        per_reason[c.reason]++;
    }
    for (int l = 0; l < 5; l++)
        assert_true(per_level[l] > 0);
    assert_true(per_reason[NL_REASON_OK] > 0);
    assert_true(per_reason[NL_REASON_NOT_IN_FORCE] > 0);
    assert_true(per_reason[NL_REASON_DEGREE] > 0);
    expert_free(&e);
}

static void expert_batch_equals_single_on_the_builtin_policy(void **state)
{
    expert_check_equivalent(((nl_policy **)*state)[0], 11);
}

static void expert_batch_equals_single_on_whatif_policies(void **state)
{
    for (int i = 1; i < NPOLICIES; i++)
        expert_check_equivalent(((nl_policy **)*state)[i], 12 + (uint64_t)i);
}

static void expert_answers_do_not_depend_on_threads(void **state)
{
    const nl_policy *p = ((nl_policy **)*state)[0];
    expert_pop e = expert_random(p, 500000, 13), f = expert_alloc(e.n);
    memcpy(f.degree, e.degree, e.n);
    memcpy(f.role, e.role, e.n);
    memcpy(f.years, e.years, e.n * 8);
    memcpy(f.on, e.on, e.n * sizeof *e.on);
    assert_int_equal(expert_run(p, &e, 1, true, NULL), NL_OK);
    const int threads[] = {0, 3};
    for (int i = 0; i < 2; i++) {
        assert_int_equal(expert_run(p, &f, threads[i], true, NULL), NL_OK);
        assert_memory_equal(f.level, e.level, e.n);
        assert_memory_equal(f.monthly, e.monthly, e.n * 8);
        assert_memory_equal(f.weekly, e.weekly, e.n * 8);
        assert_memory_equal(f.daily, e.daily, e.n * 8);
        assert_memory_equal(f.special, e.special, e.n * 8);
        assert_memory_equal(f.reason, e.reason, e.n);
        assert_memory_equal(f.certainty, e.certainty, e.n);
    }
    expert_free(&e);
    expert_free(&f);
}

static void expert_expect_bad(const nl_policy *p, expert_pop *e, size_t at, nl_status want,
                              int threads)
{
    size_t bad = 0;
    void *outs[] = {e->level, e->reason, e->certainty};
    void *outs8[] = {e->monthly, e->weekly, e->daily, e->special};
    for (int i = 0; i < 3; i++)
        memset(outs[i], 0xA5, e->n);
    for (int i = 0; i < 4; i++)
        memset(outs8[i], 0xA5, e->n * 8);
    nl_status got = expert_run(p, e, threads, true, &bad);
    if (got != want || bad != at)
        fail_msg("got %s at %zu, want %s at %zu", nl_status_name(got), bad,
                 nl_status_name(want), at);
    for (int i = 0; i < 3; i++)
        assert_all_zero(outs[i], e->n);
    for (int i = 0; i < 4; i++)
        assert_all_zero(outs8[i], e->n * 8);
    nl_expert x = expert_record(e, at);
    nl_expert_cap c;
    assert_int_equal(nl_expert_salary_cap(p, &x, &c), want);
}

static void expert_first_bad_record_fails_the_whole_batch(void **state)
{
    const nl_policy *p = ((nl_policy **)*state)[0];
    const size_t sizes[] = {300000, 10};
    for (int s = 0; s < 2; s++) {
        size_t n = sizes[s];
        const size_t at[] = {0, n / 2 + 3, n - 1};
        for (int i = 0; i < 3; i++) {
            for (int how = 0; how < 7; how++) {
                expert_pop e = expert_random(p, n, 20 + (uint64_t)how);
                nl_status want = NL_EINVAL;
                switch (how) {
                case 0: e.degree[at[i]] = 5; break;
                case 1: e.role[at[i]] = 3; break;
                case 2: e.years[at[i]] = -0.5; break;
                case 3: e.years[at[i]] = NAN; break;
                case 4: e.years[at[i]] = INFINITY; break;
                case 5: e.on[at[i]] = INT32_MIN; want = NL_EDATE; break;
                default: e.on[at[i]] = INT32_MAX; e.years[at[i]] = -INFINITY; break;
                }
                if (at[i] + 1 < n)
                    e.role[n - 1] = 200;   /* a later bad record loses */
                expert_expect_bad(p, &e, at[i], want, i == 0 ? 3 : i == 1 ? 0 : 1);
                expert_free(&e);
            }
        }
    }
}

/* A what-if cap so large that its special-expertise ceiling (× 1.5) overflows: NL_ERANGE at
 * the first record that needs it (level 1 on or after the change). */
static void expert_overflowing_cap_is_erange_at_its_first_record(void **state)
{
    nl_policy *w = NULL;
    assert_int_equal(nl_policy_clone(((nl_policy **)*state)[0], &w), NL_OK);
    assert_int_equal(nl_policy_set(w, "expert.cap.level1", nlh_date(2024, 1, 1), INT64_MAX / 10 * 9),
                     NL_OK);
    expert_pop e = expert_random(w, 200000, 30);
    for (size_t k = 0; k < e.n; k++) {   /* nobody at level 1 after 2024 ... */
        e.role[k] = 0;
        e.years[k] = 1.0;
    }
    e.on[123456] = nlh_date(2024, 5, 5);      /* ... but this one */
    e.role[123456] = 2;
    e.on[190000] = nlh_date(2025, 5, 5);
    e.years[190000] = 30;
    expert_expect_bad(w, &e, 123456, NL_ERANGE, 0);
    expert_free(&e);
    nl_policy_free(w);
}

static void expert_empty_and_null_arguments(void **state)
{
    const nl_policy *p = ((nl_policy **)*state)[0];
    expert_pop e = expert_random(p, 4000, 31);
    size_t bad = 0;
    size_t n = e.n;
    e.n = 0;
    assert_int_equal(expert_run(p, &e, 0, true, &bad), NL_OK);
    assert_true(bad == NL_BATCH_NO_INDEX);
    e.n = n;
    void *args[10] = {e.degree, e.years, e.role,  e.on,      e.level,
                      e.monthly, e.weekly, e.daily, e.special, e.reason};
    for (int i = -1; i < 10; i++) {
        void *v[10];
        memcpy(v, args, sizeof v);
        if (i >= 0)
            v[i] = NULL;
        memset(e.monthly, 0xA5, n * 8);
        nl_status s = nl_expert_salary_cap_batch(i < 0 ? NULL : p, n, v[0], v[1], v[2], v[3],
                                                 v[4], v[5], v[6], v[7], v[8], v[9], NULL, 0,
                                                 &bad);
        assert_int_equal(s, NL_EINVAL);
        assert_true(bad == NL_BATCH_NO_INDEX);
        if (v[5] != NULL)
            assert_all_zero(e.monthly, n * 8);
        assert_int_equal(nl_expert_salary_cap_batch(i < 0 ? NULL : p, 0, v[0], v[1], v[2], v[3],
                                                    v[4], v[5], v[6], v[7], v[8], v[9], NULL,
                                                    0, NULL),
                         NL_EINVAL);
    }
    assert_int_equal(expert_run(p, &e, -2, false, NULL), NL_EINVAL);
    expert_free(&e);
}

/* ================================================ 3. training support */

typedef struct training_pop {
    size_t n;
    uint8_t *dedicated, *short_course;
    int64_t *money[4];
    int32_t *days;
    nl_date *start;
    int64_t *paid[5];
    uint8_t *reason, *certainty;
} training_pop;

static training_pop training_alloc(size_t n)
{
    training_pop t = {.n = n};
    t.dedicated = xcalloc(n, 1);
    t.short_course = xcalloc(n, 1);
    for (int i = 0; i < 4; i++)
        t.money[i] = xcalloc(n, 8);
    t.days = xcalloc(n, 4);
    t.start = xcalloc(n, sizeof *t.start);
    for (int i = 0; i < 5; i++)
        t.paid[i] = xcalloc(n, 8);
    t.reason = xcalloc(n, 1);
    t.certainty = xcalloc(n, 1);
    return t;
}

static void training_free(training_pop *t)
{
    free(t->dedicated);
    free(t->short_course);
    for (int i = 0; i < 4; i++)
        free(t->money[i]);
    free(t->days);
    free(t->start);
    for (int i = 0; i < 5; i++)
        free(t->paid[i]);
    free(t->reason);
    free(t->certainty);
}

/* Claimed money: zero, typical sums, sums near the caps, and sums so large
 * that the 64-bit product with a share overflows (the 128-bit path). */
static int64_t random_money(rng *r)
{
    switch ((uint32_t)nlh_below(r, 6)) {
    case 0: return 0;
    case 1: return (int64_t)(uint32_t)nlh_below(r, 400000) * 1000;
    case 2: return 190000 + (int64_t)(uint32_t)nlh_below(r, 20000);
    case 3: return 1990000 + (int64_t)(uint32_t)nlh_below(r, 20000);
    case 4: return (int64_t)(nlh_next(r) >> 24);
    default: return (int64_t)(nlh_next(r) >> 6);   /* up to 2^58 */
    }
}

static training_pop training_random(const nl_policy *p, size_t n, uint64_t seed)
{
    training_pop t = training_alloc(n);
    rng r = seed;
    for (size_t k = 0; k < n; k++) {
        t.dedicated[k] = (uint8_t)((uint32_t)nlh_below(&r, 5) != 0);
        t.short_course[k] = (uint8_t)((uint32_t)nlh_below(&r, 5) != 0);
        for (int i = 0; i < 4; i++)
            t.money[i][k] = random_money(&r);
        if ((uint32_t)nlh_below(&r, 2))   /* keep most totals below INT64_MAX */
            t.money[0][k] = t.money[1][k] = 0;
        t.days[k] = (uint32_t)nlh_below(&r, 50) ? 1 + (int32_t)(uint32_t)nlh_below(&r, 60) : INT32_MAX;
        t.start[k] = random_date(&r, p);
    }
    return t;
}

static nl_status training_run(const nl_policy *p, const training_pop *t, int threads,
                              bool cert, size_t *bad)
{
    return nl_training_support_batch(p, t->n, t->dedicated, t->short_course, t->money[0],
                                     t->money[1], t->money[2], t->money[3], t->days, t->start,
                                     t->paid[0], t->paid[1], t->paid[2], t->paid[3], t->paid[4],
                                     t->reason, cert ? t->certainty : NULL, threads, bad);
}

static nl_training training_record(const training_pop *t, size_t k)
{
    return (nl_training){.dedicated_official = t->dedicated[k],
                         .short_concentrated = t->short_course[k], .tuition = t->money[0][k],
                         .materials = t->money[1][k], .meals = t->money[2][k],
                         .travel = t->money[3][k], .days = t->days[k], .start = t->start[k]};
}

static void training_check_equivalent(const nl_policy *p, uint64_t seed)
{
    training_pop t = training_random(p, records(), seed);
    /* Records the single function cannot answer (sums past INT64_MAX) would
     * fail the batch: make their claims small. */
    for (size_t k = 0; k < t.n; k++) {
        nl_training x = training_record(&t, k);
        nl_training_result r;
        if (nl_training_support(p, &x, &r) == NL_ERANGE)
            t.money[0][k] = 1;
    }
    size_t bad = 0;
    assert_int_equal(training_run(p, &t, 0, true, &bad), NL_OK);
    assert_true(bad == NL_BATCH_NO_INDEX);
    size_t per_reason[NL_REASON_COUNT] = {0};
    for (size_t k = 0; k < t.n; k++) {
        nl_training x = training_record(&t, k);
        nl_training_result r;
        assert_int_equal(nl_training_support(p, &x, &r), NL_OK);
        if (t.paid[0][k] != r.tuition || t.paid[1][k] != r.materials ||
            t.paid[2][k] != r.meals || t.paid[3][k] != r.travel || t.paid[4][k] != r.total ||
            t.reason[k] != r.reason || t.certainty[k] != r.certainty)
            fail_msg("record %zu: batch total %lld reason %u, single %lld reason %u", k,
                     (long long)t.paid[4][k], t.reason[k], (long long)r.total, r.reason);
        per_reason[r.reason]++;
    }
    assert_true(per_reason[NL_REASON_OK] > 0);
    assert_true(per_reason[NL_REASON_NOT_IN_FORCE] > 0);
    assert_true(per_reason[NL_REASON_NOT_DEDICATED] > 0);
    assert_true(per_reason[NL_REASON_COURSE_KIND] > 0);
    training_free(&t);
}

static void training_batch_equals_single_on_the_builtin_policy(void **state)
{
    training_check_equivalent(((nl_policy **)*state)[0], 21);
}

static void training_batch_equals_single_on_whatif_policies(void **state)
{
    for (int i = 1; i < NPOLICIES; i++)
        training_check_equivalent(((nl_policy **)*state)[i], 22 + (uint64_t)i);
}

static void training_answers_do_not_depend_on_threads(void **state)
{
    const nl_policy *p = ((nl_policy **)*state)[1];
    training_pop t = training_random(p, 400000, 23), u = training_alloc(t.n);
    for (size_t k = 0; k < t.n; k++)   /* no overflowing sums */
        t.money[2][k] = t.money[3][k] = 12345;
    memcpy(u.dedicated, t.dedicated, t.n);
    memcpy(u.short_course, t.short_course, t.n);
    for (int i = 0; i < 4; i++)
        memcpy(u.money[i], t.money[i], t.n * 8);
    memcpy(u.days, t.days, t.n * 4);
    memcpy(u.start, t.start, t.n * sizeof *t.start);
    assert_int_equal(training_run(p, &t, 1, true, NULL), NL_OK);
    const int threads[] = {0, 3};
    for (int i = 0; i < 2; i++) {
        assert_int_equal(training_run(p, &u, threads[i], true, NULL), NL_OK);
        for (int j = 0; j < 5; j++)
            assert_memory_equal(u.paid[j], t.paid[j], t.n * 8);
        assert_memory_equal(u.reason, t.reason, t.n);
        assert_memory_equal(u.certainty, t.certainty, t.n);
    }
    training_free(&t);
    training_free(&u);
}

static void training_first_bad_record_fails_the_whole_batch(void **state)
{
    const nl_policy *p = ((nl_policy **)*state)[0];
    const size_t sizes[] = {300000, 10};
    for (int s = 0; s < 2; s++) {
        size_t n = sizes[s];
        const size_t at[] = {0, n / 2 + 1, n - 1};
        for (int i = 0; i < 3; i++) {
            for (int how = 0; how < 8; how++) {
                training_pop t = training_random(p, n, 50 + (uint64_t)how);
                for (size_t k = 0; k < n; k++) {   /* valid claims everywhere else */
                    t.money[0][k] = t.money[1][k] = 1000;
                    t.start[k] = nlh_date(2022, 1, 1) + (nl_date)(k % 2000);
                }
                size_t a = at[i];
                nl_status want = NL_EINVAL;
                switch (how) {
                case 0: t.dedicated[a] = 2; break;
                case 1: t.short_course[a] = 7; break;
                case 2: t.money[i + 1][a] = -1; break;
                case 3: t.days[a] = 0; break;
                case 4: t.days[a] = -5; break;
                case 5: t.start[a] = INT32_MAX; want = NL_EDATE; break;
                case 6:   /* paid in full: the total passes INT64_MAX */
                    t.dedicated[a] = t.short_course[a] = 1;
                    t.money[0][a] = t.money[1][a] = INT64_MAX / 2 + 1;
                    t.start[a] = nlh_date(2023, 1, 1);   /* in force */
                    want = NL_ERANGE;
                    break;
                default: t.days[a] = 0; t.start[a] = INT32_MIN; break;
                }
                if (a + 1 < n)
                    t.money[3][n - 1] = INT64_MIN;
                for (int j = 0; j < 5; j++)
                    memset(t.paid[j], 0xA5, n * 8);
                memset(t.reason, 0xA5, n);
                memset(t.certainty, 0xA5, n);
                size_t bad = 0;
                nl_status got = training_run(p, &t, i == 0 ? 3 : i == 1 ? 0 : 1, true, &bad);
                if (got != want || bad != a)
                    fail_msg("how %d: got %s at %zu, want %s at %zu", how,
                             nl_status_name(got), bad, nl_status_name(want), a);
                for (int j = 0; j < 5; j++)
                    assert_all_zero(t.paid[j], n * 8);
                assert_all_zero(t.reason, n);
                assert_all_zero(t.certainty, n);
                if (how != 0 && how != 1) {
                    nl_training x = training_record(&t, a);
                    nl_training_result r;
                    assert_int_equal(nl_training_support(p, &x, &r), want);
                }
                training_free(&t);
            }
        }
    }
}

static void training_empty_and_null_arguments(void **state)
{
    const nl_policy *p = ((nl_policy **)*state)[0];
    training_pop t = training_random(p, 3000, 61);
    size_t bad = 0, n = t.n;
    t.n = 0;
    assert_int_equal(training_run(p, &t, 0, false, &bad), NL_OK);
    assert_true(bad == NL_BATCH_NO_INDEX);
    t.n = n;
    void *args[15] = {t.dedicated, t.short_course, t.money[0], t.money[1], t.money[2],
                      t.money[3],  t.days,         t.start,    t.paid[0],  t.paid[1],
                      t.paid[2],   t.paid[3],      t.paid[4],  t.reason,   NULL};
    for (int i = -1; i < 14; i++) {
        void *v[15];
        memcpy(v, args, sizeof v);
        if (i >= 0)
            v[i] = NULL;
        memset(t.paid[4], 0xA5, n * 8);
        nl_status s = nl_training_support_batch(i < 0 ? NULL : p, n, v[0], v[1], v[2], v[3],
                                                v[4], v[5], v[6], v[7], v[8], v[9], v[10],
                                                v[11], v[12], v[13], NULL, 1, &bad);
        assert_int_equal(s, NL_EINVAL);
        assert_true(bad == NL_BATCH_NO_INDEX);
        if (v[12] != NULL)
            assert_all_zero(t.paid[4], n * 8);
    }
    assert_int_equal(training_run(p, &t, -1, false, NULL), NL_EINVAL);
    training_free(&t);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(attraction_batch_equals_single_on_the_builtin_policy),
        cmocka_unit_test(attraction_batch_equals_single_on_whatif_policies),
        cmocka_unit_test(attraction_answers_do_not_depend_on_threads_or_certainty),
        cmocka_unit_test(attraction_first_bad_record_fails_the_whole_batch),
        cmocka_unit_test(attraction_without_tables_answers_the_same),
        cmocka_unit_test(attraction_empty_batch_is_ok_and_touches_nothing),
        cmocka_unit_test(attraction_null_arguments_are_einval),
        cmocka_unit_test(expert_batch_equals_single_on_the_builtin_policy),
        cmocka_unit_test(expert_batch_equals_single_on_whatif_policies),
        cmocka_unit_test(expert_answers_do_not_depend_on_threads),
        cmocka_unit_test(expert_first_bad_record_fails_the_whole_batch),
        cmocka_unit_test(expert_overflowing_cap_is_erange_at_its_first_record),
        cmocka_unit_test(expert_empty_and_null_arguments),
        cmocka_unit_test(training_batch_equals_single_on_the_builtin_policy),
        cmocka_unit_test(training_batch_equals_single_on_whatif_policies),
        cmocka_unit_test(training_answers_do_not_depend_on_threads),
        cmocka_unit_test(training_first_bad_record_fails_the_whole_batch),
        cmocka_unit_test(training_empty_and_null_arguments),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
