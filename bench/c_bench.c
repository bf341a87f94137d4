/* C benchmark of the batch API (bench/run runs it; docs/batch.md).
 *
 * Measures, in one run on one machine:
 *  (a) nl_attraction_subsidy_batch() over N records (default 10,000,000),
 *      best of R repetitions, with one thread per core and with one thread;
 *  (b) memcpy() of as many bytes as the batch reads and writes (its input
 *      plus output arrays), best of R, buffers pre-faulted: the speed of
 *      merely moving that data, the yardstick for (a);
 *  (c) the mean cost of one nl_attraction_subsidy() call;
 *  (d) for reference, the batch cost per record of the two other rules
 *      (expert caps, training support; N / 5 records, all cores) next to
 *      their single-record calls.
 * Prints one JSON object on stdout. Timing only: nothing here is a test.
 *
 * usage: c_bench [--records N] [--reps R] [--single-calls M] [--quick] */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <nhanluc/nhanluc.h>

#include "../tests/hardening/hardening.h"

static double now(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec * 1e-9;
}

static void *xmalloc(size_t n)
{
    void *p = malloc(n ? n : 1);
    if (p == NULL) {
        fprintf(stderr, "c_bench: out of memory (%zu bytes)\n", n);
        exit(2);
    }
    /* Pre-fault every page. Not zero: malloc + memset(0) may become calloc,
     * which leaves fresh pages untouched. */
    memset(p, 1, n ? n : 1);
    return p;
}

static uint64_t rng_state = 0x5EED;

/* The tests' seeded generator (splitmix64), so the same records every run. */
static uint64_t next(void)
{
    return nlh_next(&rng_state);
}

static size_t arg_size(int argc, char **argv, const char *name, size_t def)
{
    for (int i = 1; i + 1 < argc; i++)
        if (strcmp(argv[i], name) == 0)
            return (size_t)strtoull(argv[i + 1], NULL, 10);
    return def;
}

static int has_flag(int argc, char **argv, const char *name)
{
    for (int i = 1; i < argc; i++)
        if (strcmp(argv[i], name) == 0)
            return 1;
    return 0;
}

typedef struct population {
    size_t n;
    uint8_t *degree, *major, *agency, *dedicated;
    int16_t *workplace;
    nl_date *start;
    int64_t *amount;
    uint8_t *reason;
} population;

/* A population like an analyst's: most people qualify on paper, workplaces
 * mostly in the province, start dates 2014..2027. */
static population make_population(size_t n)
{
    static const int16_t province[] = {80, 82, 83, 84, 85, 86, 87, 88, 89};
    population a = {.n = n};
    a.degree = xmalloc(n);
    a.major = xmalloc(n);
    a.agency = xmalloc(n);
    a.dedicated = xmalloc(n);
    a.workplace = xmalloc(n * sizeof *a.workplace);
    a.start = xmalloc(n * sizeof *a.start);
    a.amount = xmalloc(n * sizeof *a.amount);
    a.reason = xmalloc(n);
    nl_date d0, d1;
    nl_date_ymd(2014, 1, 1, &d0);
    nl_date_ymd(2027, 12, 31, &d1);
    for (size_t k = 0; k < n; k++) {
        uint64_t r = next();
        a.degree[k] = (uint8_t)(r % 5);
        a.major[k] = (uint8_t)((r >> 8) % 3);
        a.agency[k] = (uint8_t)((r >> 16) % 3);
        a.dedicated[k] = (uint8_t)((r >> 24) % 4 != 0);
        a.workplace[k] = (r >> 32) % 4 ? province[(r >> 36) % 9] : (int16_t)((r >> 40) % 1000);
        a.start[k] = d0 + (nl_date)((r >> 48) % (uint64_t)(d1 - d0 + 1));
    }
    return a;
}

static double time_batch(const nl_policy *p, const population *a, int threads, size_t reps)
{
    double best = 1e300;
    for (size_t r = 0; r < reps + 1; r++) {   /* +1: a warm-up run */
        double t = now();
        size_t bad;
        nl_status s = nl_attraction_subsidy_batch(p, a->n, a->degree, a->major, a->agency,
                                                  a->dedicated, a->workplace, a->start,
                                                  a->amount, a->reason, NULL, threads, &bad);
        t = now() - t;
        if (s != NL_OK) {
            fprintf(stderr, "c_bench: batch failed: %s at %zu\n", nl_strerror(s), bad);
            exit(1);
        }
        if (r > 0 && t < best)
            best = t;
    }
    return best;
}

static double time_memcpy(size_t bytes, size_t reps)
{
    unsigned char *src = xmalloc(bytes), *dst = xmalloc(bytes);
    memset(src, 0x5A, bytes);
    double best = 1e300;
    for (size_t r = 0; r < reps + 1; r++) {
        double t = now();
        memcpy(dst, src, bytes);
        t = now() - t;
        /* Read the copy so the compiler cannot drop it. */
        if (dst[r % bytes] != 0x5A)
            exit(3);
        if (r > 0 && t < best)
            best = t;
    }
    free(src);
    free(dst);
    return best;
}

static double time_single(const nl_policy *p, const population *a, size_t calls)
{
    int64_t sum = 0;
    unsigned failed = 0;
    double t = now();
    for (size_t i = 0, k = 0; i < calls; i++, k = k + 1 == a->n ? 0 : k + 1) {
        nl_candidate c = {.degree = a->degree[k], .major = a->major[k], .agency = a->agency[k],
                          .dedicated_post = a->dedicated[k], .workplace = a->workplace[k],
                          .start = a->start[k]};
        nl_subsidy s;
        failed |= nl_attraction_subsidy(p, &c, &s) != NL_OK;
        sum += s.amount;
    }
    t = now() - t;
    if (sum < 0 || failed) {   /* the records are valid: a refusal is a bug */
        fprintf(stderr, "c_bench: a single-record call failed\n");
        exit(3);
    }
    return t / (double)calls * 1e9;
}

/* (d): ns per record of the expert and training batches (all cores) and of
 * their single-record functions, on n records. */
static void time_other_rules(const nl_policy *p, size_t n, size_t reps, double ns[4])
{
    nl_date d0;
    nl_date_ymd(2014, 1, 1, &d0);
    uint8_t *deg = xmalloc(n), *role = xmalloc(n), *lvl = xmalloc(n), *rsn = xmalloc(n);
    uint8_t *f1 = xmalloc(n), *f2 = xmalloc(n);
    double *years = xmalloc(n * sizeof *years);
    nl_date *on = xmalloc(n * sizeof *on);
    int32_t *days = xmalloc(n * sizeof *days);
    int64_t *in[4], *out[5];
    for (int i = 0; i < 4; i++)
        in[i] = xmalloc(n * sizeof *in[i]);
    for (int i = 0; i < 5; i++)
        out[i] = xmalloc(n * sizeof *out[i]);
    for (size_t k = 0; k < n; k++) {
        uint64_t r = next();
        deg[k] = (uint8_t)(r % 5);
        role[k] = (uint8_t)((r >> 8) % 3);
        years[k] = (double)((r >> 16) % 2500) / 100.0;
        on[k] = d0 + (nl_date)((r >> 32) % 5113);
        f1[k] = (uint8_t)((r >> 48) % 4 != 0);
        f2[k] = (uint8_t)((r >> 52) % 4 != 0);
        days[k] = 1 + (int32_t)((r >> 56) % 30);
        for (int i = 0; i < 4; i++)
            in[i][k] = (int64_t)(next() % 20000000);
    }
    double best_e = 1e300, best_t = 1e300;
    for (size_t r = 0; r < reps + 1; r++) {
        double t = now();
        if (nl_expert_salary_cap_batch(p, n, deg, years, role, on, lvl, out[0], out[1], out[2],
                                       out[3], rsn, NULL, 0, NULL) != NL_OK)
            exit(1);
        t = now() - t;
        if (r > 0 && t < best_e)
            best_e = t;
        t = now();
        if (nl_training_support_batch(p, n, f1, f2, in[0], in[1], in[2], in[3], days, on,
                                      out[0], out[1], out[2], out[3], out[4], rsn, NULL, 0,
                                      NULL) != NL_OK)
            exit(1);
        t = now() - t;
        if (r > 0 && t < best_t)
            best_t = t;
    }
    ns[0] = best_e / (double)n * 1e9;
    ns[1] = best_t / (double)n * 1e9;
    double t = now();
    int64_t sum = 0;
    for (size_t k = 0; k < n; k++) {
        nl_expert e = {.degree = deg[k], .experience_years = years[k], .role = role[k],
                       .on = on[k]};
        nl_expert_cap c;
        nl_expert_salary_cap(p, &e, &c);
        sum += c.monthly;
    }
    ns[2] = (now() - t) / (double)n * 1e9;
    t = now();
    for (size_t k = 0; k < n; k++) {
        nl_training x = {.dedicated_official = f1[k], .short_concentrated = f2[k],
                         .tuition = in[0][k], .materials = in[1][k], .meals = in[2][k],
                         .travel = in[3][k], .days = days[k], .start = on[k]};
        nl_training_result r;
        nl_training_support(p, &x, &r);
        sum += r.total;
    }
    ns[3] = (now() - t) / (double)n * 1e9;
    if (sum < 0)
        exit(3);
    void *all[] = {deg, role, lvl, rsn, f1, f2, years, on, days};
    for (size_t i = 0; i < sizeof all / sizeof *all; i++)
        free(all[i]);
    for (int i = 0; i < 4; i++)
        free(in[i]);
    for (int i = 0; i < 5; i++)
        free(out[i]);
}

int main(int argc, char **argv)
{
    int quick = has_flag(argc, argv, "--quick");
    size_t n = arg_size(argc, argv, "--records", quick ? 200000 : 10000000);
    size_t reps = arg_size(argc, argv, "--reps", quick ? 2 : 7);
    size_t calls = arg_size(argc, argv, "--single-calls", quick ? 100000 : 5000000);
    if (n == 0 || reps == 0 || calls == 0) {
        fprintf(stderr, "usage: c_bench [--records N] [--reps R] [--single-calls M] [--quick]\n");
        return 2;
    }
    nl_policy *p = NULL;
    if (nl_policy_default(&p) != NL_OK)
        return 1;
    population a = make_population(n);
    long cores = sysconf(_SC_NPROCESSORS_ONLN);

    const size_t in_bytes = n * (4 * sizeof(uint8_t) + sizeof(int16_t) + sizeof(nl_date));
    const size_t out_bytes = n * (sizeof(int64_t) + sizeof(uint8_t));
    double t_all = time_batch(p, &a, 0, reps);
    double t_one = time_batch(p, &a, 1, reps);
    double t_copy = time_memcpy(in_bytes + out_bytes, reps);
    double single_ns = time_single(p, &a, calls);
    double other[4];
    time_other_rules(p, n / 5, reps, other);

    printf("{\n");
    printf("  \"c_batch_records_per_s\": %.0f,\n", (double)n / t_all);
    printf("  \"c_batch_vs_memcpy\": %.3f,\n", t_copy / t_all);
    printf("  \"c_batch_records_per_s_1thread\": %.0f,\n", (double)n / t_one);
    printf("  \"c_batch_vs_memcpy_1thread\": %.3f,\n", t_copy / t_one);
    printf("  \"c_single_ns\": %.2f,\n", single_ns);
    printf("  \"c_batch_ns_per_record\": %.3f,\n", t_all / (double)n * 1e9);
    printf("  \"c_batch_ns_per_record_1thread\": %.3f,\n", t_one / (double)n * 1e9);
    printf("  \"c_memcpy_bytes\": %zu,\n", in_bytes + out_bytes);
    printf("  \"c_memcpy_gb_per_s\": %.2f,\n", (double)(in_bytes + out_bytes) / t_copy / 1e9);
    printf("  \"c_expert_batch_ns_per_record\": %.3f,\n", other[0]);
    printf("  \"c_training_batch_ns_per_record\": %.3f,\n", other[1]);
    printf("  \"c_expert_single_ns\": %.2f,\n", other[2]);
    printf("  \"c_training_single_ns\": %.2f,\n", other[3]);
    printf("  \"c_batch_threads\": %ld,\n", cores > 0 ? cores : 1);
    printf("  \"c_records\": %zu,\n", n);
    printf("  \"c_repetitions\": %zu,\n", reps);
    printf("  \"c_single_calls\": %zu\n", calls);
    printf("}\n");
    void *arrays[] = {a.degree, a.major, a.agency, a.dedicated, a.workplace, a.start,
                      a.amount, a.reason};
    for (size_t i = 0; i < sizeof arrays / sizeof *arrays; i++)
        free(arrays[i]);
    nl_policy_free(p);
    return 0;
}
