/* Thread safety: many threads evaluating on one shared policy get exactly the
 * answers a single thread gets.
 *
 * 8 threads share one nl_policy from nl_policy_default(); each evaluates
 * NHANLUC_THREAD_RECORDS (default 1,000,000) mixed records — attraction,
 * expert, training, plus read-only lookups — drawn from its own seeded
 * generator, with dates spread over 2014..2027 and about 2% invalid inputs.
 * Every field of every answer (status, eligibility, amounts, level, reason,
 * certainty, source) goes into a per-thread digest, compared with the digest
 * of the same records evaluated serially. Run it under ThreadSanitizer
 * (scripts/sanitize.sh, build-tsan) to catch races the digests cannot.
 *
 * Usage: test_threads [records-per-thread]; the argument, else the
 * environment variable NHANLUC_THREAD_RECORDS, else 1,000,000. */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include <pthread.h>

#include <cmocka.h>

#include "hardening.h"
#include "facts.h"   /* written from tests/cases/<rule>.json into the build tree */

#define NTHREADS 8
#define BASE_SEED 0x6E68616E6C7563ull   /* "nhanluc" */

static long records = 1000000;
static nl_policy *shared;

enum { K_ATTRACTION, K_EXPERT, K_TRAINING, K_LOOKUP, K_COUNT };

typedef struct digest {
    uint64_t hash;
    uint64_t kind[K_COUNT];
    uint64_t eligible[K_COUNT], refused[K_COUNT], errors[K_COUNT];
    uint64_t reasons[NL_REASON_COUNT];
    uint64_t levels[5];
} digest;

/* Units of the built-in catalogue: the pre-2025 districts, then a commune
 * of each kind (city/town, district, mixed, old Yên Bái). */
static const int codes[] = {80, 82, 83, 84, 85, 86, 87, 88, 89, 2671, 2683, 2647, 4252};
#define NCODES (sizeof codes / sizeof codes[0])

/* A date in 2014-01-01 .. 2027-12-31. */
static nl_date some_date(uint64_t *st)
{
    static const int32_t first = 16071;   /* 2014-01-01 */
    static const int32_t span = 5113;     /* days to 2027-12-31, inclusive */
    return (nl_date)(first + (int32_t)nlh_below(st, (uint64_t)span));
}

/* About one record in fifty gets one invalid field (an error answer). */
static bool spoil(uint64_t *st) { return nlh_below(st, 50) == 0; }

static void tally(digest *d, int kind, nl_status s, bool eligible)
{
    d->kind[kind]++;
    if (s != NL_OK)
        d->errors[kind]++;
    else if (eligible)
        d->eligible[kind]++;
    else
        d->refused[kind]++;
}

static void attraction(const nl_policy *p, uint64_t *st, digest *d)
{
    nl_candidate c = {
        .degree = (nl_degree)nlh_below(st, 5),
        .major = (nl_major)nlh_below(st, 3),
        .agency = (nl_agency)nlh_below(st, 3),
        .dedicated_post = nlh_below(st, 4) != 0,
        .workplace = nlh_below(st, 4) != 0 ? codes[nlh_below(st, NCODES)] : (int)nlh_below(st, 100000),
        .start = some_date(st),
    };
    /* Bias towards the conditions that pay, so every branch is common. */
    if (nlh_below(st, 2)) {
        c.degree = (nl_degree)(2 + nlh_below(st, 3));
        c.major = (nl_major)(1 + nlh_below(st, 2));
        c.agency = (nl_agency)(1 + nlh_below(st, 2));
    }
    if (spoil(st)) {
        switch (nlh_below(st, 5)) {
        case 0: c.degree = (nl_degree)(nlh_below(st, 2) ? -1 : 5); break;
        case 1: c.major = (nl_major)(nlh_below(st, 2) ? -1 : 3); break;
        case 2: c.agency = (nl_agency)(nlh_below(st, 2) ? -1 : 3); break;
        case 3: c.workplace = nlh_below(st, 2) ? -1 : 100000; break;
        default: c.start = nlh_below(st, 2) ? INT32_MIN : INT32_MAX; break;
        }
    }
    nl_subsidy r;
    nl_status s = nl_attraction_subsidy(p, &c, &r);
    uint64_t h = d->hash;
    h = nlh_mix(h, (uint64_t)s);
    h = nlh_mix(h, r.eligible);
    h = nlh_mix(h, (uint64_t)r.amount);
    h = nlh_mix(h, (uint64_t)r.reason);
    h = nlh_mix(h, (uint64_t)(uintptr_t)r.source);
    h = nlh_mix(h, (uint64_t)r.certainty);
    d->hash = h;
    tally(d, K_ATTRACTION, s, r.eligible);
    if (s == NL_OK)
        d->reasons[r.reason]++;
}

static void expert(const nl_policy *p, uint64_t *st, digest *d)
{
    nl_expert e = {
        .degree = (nl_degree)nlh_below(st, 5),
        .experience_years = (double)nlh_below(st, 100) / 4.0,   /* 0 .. 24.75 */
        .role = (nl_role)nlh_below(st, 3),
        .special_expertise = nlh_below(st, 2) != 0,
        .on = some_date(st),
    };
    if (spoil(st)) {
        switch (nlh_below(st, 4)) {
        case 0: e.degree = (nl_degree)(nlh_below(st, 2) ? -1 : 5); break;
        case 1: e.role = (nl_role)(nlh_below(st, 2) ? -1 : 3); break;
        case 2: e.experience_years = nlh_below(st, 2) ? -1.0 : (double)NAN; break;
        default: e.on = nlh_below(st, 2) ? -719163 : 2932897; break;
        }
    }
    nl_expert_cap r;
    nl_status s = nl_expert_salary_cap(p, &e, &r);
    uint64_t h = d->hash;
    h = nlh_mix(h, (uint64_t)s);
    h = nlh_mix(h, (uint64_t)r.level);
    h = nlh_mix(h, (uint64_t)r.monthly);
    h = nlh_mix(h, (uint64_t)r.weekly);
    h = nlh_mix(h, (uint64_t)r.daily);
    h = nlh_mix(h, (uint64_t)r.special_monthly);
    h = nlh_mix(h, (uint64_t)r.reason);
    h = nlh_mix(h, (uint64_t)(uintptr_t)r.source);
    h = nlh_mix(h, (uint64_t)r.certainty);
    d->hash = h;
    tally(d, K_EXPERT, s, r.level > 0);
    if (s == NL_OK) {
        d->reasons[r.reason]++;
        d->levels[r.level]++;
    }
}

static void training(const nl_policy *p, uint64_t *st, digest *d)
{
    nl_training t = {
        .dedicated_official = nlh_below(st, 5) != 0,
        .short_concentrated = nlh_below(st, 5) != 0,
        .tuition = (int64_t)nlh_below(st, 50000001),
        .materials = (int64_t)nlh_below(st, 5000001),
        .meals = (int64_t)nlh_below(st, 10000001),
        .travel = (int64_t)nlh_below(st, 5000001),
        .days = (int32_t)(1 + nlh_below(st, 30)),
        .start = some_date(st),
    };
    if (spoil(st)) {
        switch (nlh_below(st, 4)) {
        case 0: t.tuition = -1; break;
        case 1: t.days = (int32_t)nlh_below(st, 2) - 1; break;   /* 0 or -1 */
        case 2: t.tuition = INT64_MAX; t.materials = INT64_MAX; break;   /* NL_ERANGE */
        default: t.start = INT32_MIN; break;
        }
    }
    nl_training_result r;
    nl_status s = nl_training_support(p, &t, &r);
    uint64_t h = d->hash;
    h = nlh_mix(h, (uint64_t)s);
    h = nlh_mix(h, r.eligible);
    h = nlh_mix(h, (uint64_t)r.tuition);
    h = nlh_mix(h, (uint64_t)r.materials);
    h = nlh_mix(h, (uint64_t)r.meals);
    h = nlh_mix(h, (uint64_t)r.travel);
    h = nlh_mix(h, (uint64_t)r.total);
    h = nlh_mix(h, (uint64_t)r.reason);
    h = nlh_mix(h, (uint64_t)(uintptr_t)r.source);
    h = nlh_mix(h, (uint64_t)r.certainty);
    d->hash = h;
    tally(d, K_TRAINING, s, r.eligible);
    if (s == NL_OK)
        d->reasons[r.reason]++;
}

/* Read-only lookups that bindings call next to the rules. */
static void lookup(const nl_policy *p, uint64_t *st, digest *d)
{
    size_t n = nl_policy_param_count(p);
    nl_param_info info;
    nl_status s = nl_policy_param_info(p, (size_t)nlh_below(st, n + 1), &info);
    uint64_t h = nlh_mix(d->hash, (uint64_t)s);
    nl_param_value v;
    nl_date on = some_date(st);
    s = nl_policy_get_value(p, s == NL_OK ? info.key : "no.such.key", on, &v);
    h = nlh_mix(h, (uint64_t)s);
    h = nlh_mix(h, (uint64_t)v.value);
    h = nlh_mix(h, (uint64_t)v.since);
    h = nlh_mix(h, (uint64_t)(uintptr_t)v.source);
    nl_workplace w;
    s = nl_policy_workplace(p, (int)nlh_below(st, 100002) - 1, &w);
    h = nlh_mix(h, (uint64_t)s);
    h = nlh_mix(h, (uint64_t)w.code);
    h = nlh_mix(h, (uint64_t)(uintptr_t)w.tier);
    char buf[11];
    s = nl_date_format(on, buf, sizeof buf);
    h = nlh_mix(h, (uint64_t)s);
    for (int i = 0; i < 10; i++)
        h = nlh_mix(h, (uint64_t)(unsigned char)buf[i]);
    d->hash = h;
    tally(d, K_LOOKUP, s, true);
}

static void run_records(const nl_policy *p, uint64_t seed, long count, digest *d)
{
    memset(d, 0, sizeof *d);
    d->hash = NLH_HASH_INIT;
    uint64_t st = seed;
    for (long i = 0; i < count; i++) {
        uint64_t k = nlh_below(&st, 16);
        if (k < 5)
            attraction(p, &st, d);
        else if (k < 10)
            expert(p, &st, d);
        else if (k < 15)
            training(p, &st, d);
        else
            lookup(p, &st, d);
    }
}

typedef struct job {
    int index;
    digest d;
} job;

static void *worker(void *arg)
{
    job *j = arg;
    run_records(shared, BASE_SEED + (uint64_t)j->index, records, &j->d);
    return NULL;
}

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static int setup(void **state)
{
    (void)state;
    /* some_date() hard-codes the range; check it against the library. */
    if (nlh_date(2014, 1, 1) != 16071 || nlh_date(2027, 12, 31) != 16071 + 5113 - 1)
        return -1;
    return nl_policy_default(&shared) == NL_OK ? 0 : -1;
}

static int teardown(void **state)
{
    (void)state;
    nl_policy_free(shared);
    shared = NULL;
    return 0;
}

static void eight_threads_sharing_a_policy_match_a_serial_run(void **state)
{
    (void)state;
    static digest serial[NTHREADS];
    static job jobs[NTHREADS];

    double t0 = now();
    for (int i = 0; i < NTHREADS; i++)
        run_records(shared, BASE_SEED + (uint64_t)i, records, &serial[i]);
    double t1 = now();

    pthread_t tid[NTHREADS];
    for (int i = 0; i < NTHREADS; i++) {
        jobs[i].index = i;
        assert_int_equal(pthread_create(&tid[i], NULL, worker, &jobs[i]), 0);
    }
    for (int i = 0; i < NTHREADS; i++)
        assert_int_equal(pthread_join(tid[i], NULL), 0);
    double t2 = now();
    print_message("%d x %ld records: serial %.2f s, %d threads %.2f s\n", NTHREADS, records,
                  t1 - t0, NTHREADS, t2 - t1);

    for (int i = 0; i < NTHREADS; i++) {
        assert_memory_equal(&jobs[i].d, &serial[i], sizeof serial[i]);
        /* Different seeds, different records: the digests really depend on
         * the answers. */
        if (i > 0)
            assert_int_not_equal(serial[i].hash, serial[0].hash);
    }

    /* The mix covers what it claims: every kind is eligible, refused and in
     * error somewhere, every reason and every level occurs. */
    digest all = {0};
    for (int i = 0; i < NTHREADS; i++) {
        for (int k = 0; k < K_COUNT; k++) {
            all.kind[k] += serial[i].kind[k];
            all.eligible[k] += serial[i].eligible[k];
            all.refused[k] += serial[i].refused[k];
            all.errors[k] += serial[i].errors[k];
        }
        for (int r = 0; r < NL_REASON_COUNT; r++)
            all.reasons[r] += serial[i].reasons[r];
        for (int l = 0; l < 5; l++)
            all.levels[l] += serial[i].levels[l];
    }
    if (records >= 10000) {
        for (int k = K_ATTRACTION; k <= K_TRAINING; k++) {
            assert_true(all.eligible[k] > 0);
            assert_true(all.refused[k] > 0);
            assert_true(all.errors[k] > 0);
        }
        for (int r = 0; r < NL_REASON_COUNT; r++)
            assert_true(all.reasons[r] > 0);
        for (int l = 0; l < 5; l++)
            assert_true(all.levels[l] > 0);
    }
}

/* Threads that each change their own clone (what-if) while others evaluate
 * the shared policy: the shared policy never sees the changes. */
typedef struct clone_job {
    int index;
    int failures;
} clone_job;

static void *clone_worker(void *arg)
{
    clone_job *j = arg;
    nl_policy *mine = NULL;
    const nl_date since = nlh_date(2021, 1, 1);
    const int64_t amount = 1000 + j->index;
    for (int round = 0; round < 20; round++) {
        if (nl_policy_clone(shared, &mine) != NL_OK ||
            nl_policy_set(mine, "attraction.amount.district", since, amount) != NL_OK) {
            j->failures++;
            nl_policy_free(mine);
            return NULL;
        }
        nl_candidate c = {NL_DEGREE_BACHELOR, NL_MAJOR_IT, NL_AGENCY_STATE, true, 82,
                          nlh_date(2023, 5, 1)};
        nl_subsidy a, b;
        for (int i = 0; i < 2000; i++) {
            if (nl_attraction_subsidy(mine, &c, &a) != NL_OK || a.amount != amount ||
                nl_attraction_subsidy(shared, &c, &b) != NL_OK || b.amount != FACT_AMOUNT_DISTRICT)
                j->failures++;
        }
        nl_policy_free(mine);
        mine = NULL;
    }
    return NULL;
}

static void threads_changing_their_own_clones_leave_the_shared_policy_alone(void **state)
{
    (void)state;
    pthread_t tid[NTHREADS];
    clone_job jobs[NTHREADS] = {{0}};
    for (int i = 0; i < NTHREADS; i++) {
        jobs[i].index = i;
        assert_int_equal(pthread_create(&tid[i], NULL, clone_worker, &jobs[i]), 0);
    }
    for (int i = 0; i < NTHREADS; i++) {
        assert_int_equal(pthread_join(tid[i], NULL), 0);
        assert_int_equal(jobs[i].failures, 0);
    }
}

/* Loading is reentrant too: every thread builds and frees its own policies
 * (jansson's hash seed is initialised once, atomically). */
static void *load_worker(void *arg)
{
    int *failures = arg;
    for (int i = 0; i < 30; i++) {
        nl_policy *p = NULL;
        nl_error err;
        if (nl_policy_default(&p) != NL_OK || p == NULL)
            (*failures)++;
        nl_policy_free(p);
        p = (nl_policy *)&err;   /* must come back NULL */
        if (nl_policy_parse("{\"format\": 1}", 13, &p, &err) != NL_EPARSE || p != NULL ||
            err.line != 1 || err.column != 12)
            (*failures)++;
    }
    return NULL;
}

static void threads_loading_policies_at_once_each_get_a_whole_policy(void **state)
{
    (void)state;
    pthread_t tid[NTHREADS];
    int failures[NTHREADS] = {0};
    for (int i = 0; i < NTHREADS; i++)
        assert_int_equal(pthread_create(&tid[i], NULL, load_worker, &failures[i]), 0);
    for (int i = 0; i < NTHREADS; i++) {
        assert_int_equal(pthread_join(tid[i], NULL), 0);
        assert_int_equal(failures[i], 0);
    }
}

int main(int argc, char **argv)
{
    const char *n = argc > 1 ? argv[1] : getenv("NHANLUC_THREAD_RECORDS");
    if (n != NULL && *n != '\0') {
        char *end;
        long v = strtol(n, &end, 10);
        if (*end != '\0' || v < 1) {
            fprintf(stderr, "records per thread must be a positive integer, not \"%s\"\n", n);
            return 2;
        }
        records = v;
    }
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(eight_threads_sharing_a_policy_match_a_serial_run),
        cmocka_unit_test(threads_changing_their_own_clones_leave_the_shared_policy_alone),
        cmocka_unit_test(threads_loading_policies_at_once_each_get_a_whole_policy),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
