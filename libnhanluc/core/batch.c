/* Batch evaluation: the three rules over columns of records (batch.h).
 *
 * Why tables: a rule's answer depends on the date only through the
 * parameters in force, and parameters change on a handful of dates. So each
 * call first cuts the time line at every date on which any parameter of the
 * policy changes ("breakpoints"): between two breakpoints every parameter is
 * constant, hence so is every rule. Then, per interval, it asks the
 * single-record function itself for the answer of every combination of the
 * record's discrete inputs (degree, major, agency, post, workplace tier;
 * degree, role, experience band; flags) and stores it in a small table.
 * Evaluating a record is then a few loads and compares, and the answers are
 * those of the single-record functions by construction: the tables are
 * filled by them, not by a second copy of the rules.
 *
 * Money that depends on amounts claimed (training) cannot be tabled; that
 * arithmetic is shared with training.c through training_pay.h.
 *
 * All or nothing: the fast loop runs over blocks of records, computing
 * answers and OR-ing "this record may be bad" flags without branching. A
 * flagged block is evaluated again record by record with the single-record
 * function, which finds the first bad record and its status (or, if the flag
 * was only a "may", gives the right answers). Threads each take a contiguous
 * slice and report the first bad record of their slice; the lowest wins and
 * the outputs are then zeroed.
 *
 * Assumptions the tables rest on, checked by tests/batch: a rule reads the
 * date only through parameter lookups, the workplace only through its tier
 * (workplaces of one tier answer alike), and the experience only through
 * comparisons with the expert.years.* parameters. */
#include <float.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "internal.h"
#include "training_pay.h"

#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#  define NL_BATCH_AVX2 1   /* a vector loop for the attraction subsidy */
#  include <immintrin.h>
#endif

#define NONE NL_BATCH_NO_INDEX
#define BLOCK 256               /* records per fast-loop block */
#define DIRECT_MAX 2048         /* below this, single-record calls: no tables */
#define MIN_PER_THREAD 65536    /* fewer records do not pay for a thread */
#define MAX_THREADS 64
#define DAY_TABLE_MAX 65536     /* longest span of days mapped by a table */
#define ERR_FLAG 0x80           /* in a table's reason byte: the answer is an error */

#if defined(__GNUC__)
#  define LIKELY(x) __builtin_expect(!!(x), 1)
#  define UNLIKELY(x) __builtin_expect(!!(x), 0)
#else
#  define LIKELY(x) (x)
#  define UNLIKELY(x) (x)
#endif

/* True when the date is outside 0001..9999, in one unsigned compare. */
static inline uint32_t date_bad(nl_date s)
{
    return (uint32_t)s - (uint32_t)NL_DATE_MIN > (uint32_t)(NL_DATE_MAX - NL_DATE_MIN);
}

/* ------------------------------------------------------------ intervals */

/* The time line cut at every breakpoint: interval i (0..nbp) holds the dates
 * d with bp[i-1] <= d < bp[i]. */
typedef struct ivmap {
    nl_date *bp;          /* sorted, distinct */
    size_t nbp;
    uint16_t *day;        /* interval of day0 + t, t in [0, span); NULL if
                             the span is too long (binary search then) */
    nl_date day0;
    int64_t span;
} ivmap;

static int cmp_date(const void *a, const void *b)
{
    nl_date x = *(const nl_date *)a, y = *(const nl_date *)b;
    return (x > y) - (x < y);
}

static size_t ivmap_search(const ivmap *m, nl_date s)
{
    size_t lo = 0, hi = m->nbp;   /* number of breakpoints <= s */
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (m->bp[mid] <= s)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

static inline size_t ivmap_of(const ivmap *m, nl_date s)
{
    if (LIKELY(m->day != NULL)) {
        int64_t t = (int64_t)s - m->day0;
        t = t < 0 ? 0 : t;
        t = t >= m->span ? m->span - 1 : t;
        return m->day[t];
    }
    return ivmap_search(m, s);
}

/* A date inside interval i, to ask the single-record function about it. */
static nl_date ivmap_rep(const ivmap *m, size_t i)
{
    if (i > 0)
        return m->bp[i - 1];
    /* Before the first breakpoint; if that is 0001-01-01 the interval holds
     * no valid date and its answers are never used. */
    return m->nbp && m->bp[0] > NL_DATE_MIN ? m->bp[0] - 1 : NL_DATE_MIN;
}

static void ivmap_free(ivmap *m)
{
    free(m->bp);
    free(m->day);
}

static nl_status ivmap_build(const nl_policy *p, ivmap *m)
{
    memset(m, 0, sizeof *m);
    size_t total = 2 * p->nworkplaces;
    for (size_t i = 0; i < p->nparams; i++)
        total += p->params[i].n;
    m->bp = malloc((total ? total : 1) * sizeof *m->bp);
    if (m->bp == NULL)
        return NL_ENOMEM;
    for (size_t i = 0; i < p->nparams; i++)
        for (size_t j = 0; j < p->params[i].n; j++)
            m->bp[m->nbp++] = p->params[i].v[j].since;
    /* The workplace catalogue is dated too: a unit begins and ends. */
    for (size_t i = 0; i < p->nworkplaces; i++) {
        const nl_workplace_i *w = &p->workplaces[i];
        if (w->since != NL_DATE_MIN)
            m->bp[m->nbp++] = w->since;
        if (w->until != NL_DATE_MAX)
            m->bp[m->nbp++] = w->until + 1;
    }
    qsort(m->bp, m->nbp, sizeof *m->bp, cmp_date);
    size_t u = 0;
    for (size_t i = 0; i < m->nbp; i++)
        if (u == 0 || m->bp[i] != m->bp[u - 1])
            m->bp[u++] = m->bp[i];
    m->nbp = u;

    /* Day table over [bp[0] - 1, bp[last]]: earlier dates clamp to its first
     * day (interval 0), later ones to its last (the last interval). */
    if (m->nbp == 0 || m->nbp > UINT16_MAX)
        return NL_OK;
    m->day0 = m->bp[0] - 1;
    m->span = (int64_t)m->bp[m->nbp - 1] - m->day0 + 1;
    if (m->span > DAY_TABLE_MAX)
        return NL_OK;
    m->day = malloc((size_t)m->span * sizeof *m->day);
    if (m->day == NULL)
        return NL_ENOMEM;
    size_t iv = 0;
    for (int64_t t = 0; t < m->span; t++) {
        while (iv < m->nbp && m->bp[iv] <= m->day0 + t)
            iv++;
        m->day[t] = (uint16_t)iv;
    }
    return NL_OK;
}

/* --------------------------------------------------------------- threads */

/* Evaluates records [begin, end) of a batch; returns the index of the first
 * bad one, or NONE. */
typedef size_t (*range_fn)(const void *ctx, size_t begin, size_t end);

typedef struct job {
    range_fn fn;
    const void *ctx;
    size_t begin, end, bad;
    pthread_t tid;
    bool started;
} job;

static void *job_main(void *arg)
{
    job *j = arg;
    j->bad = j->fn(j->ctx, j->begin, j->end);
    return NULL;
}

static size_t thread_count(int threads, size_t n)
{
    size_t t = (size_t)threads;
    if (threads == 0) {
        long c = sysconf(_SC_NPROCESSORS_ONLN);
        t = c > 0 ? (size_t)c : 1;
    }
    size_t useful = n / MIN_PER_THREAD;
    if (t > useful)
        t = useful;
    if (t > MAX_THREADS)
        t = MAX_THREADS;
    return t ? t : 1;
}

/* Splits [0, n) into contiguous slices, one per thread; the calling thread
 * takes the first. A thread that cannot be started leaves its slice to the
 * caller, so the answers never depend on how many threads ran. Slices start
 * on multiples of 64 records so no two threads write one cache line. */
static size_t run_range(range_fn fn, const void *ctx, size_t n, int threads)
{
    size_t t = thread_count(threads, n);
    if (t == 1)
        return fn(ctx, 0, n);
    job jobs[MAX_THREADS];
    size_t chunk = ((n + t - 1) / t + 63) & ~(size_t)63;
    for (size_t i = 0; i < t; i++) {
        size_t b = i * chunk < n ? i * chunk : n;   /* the last slices may be empty */
        jobs[i] = (job){.fn = fn, .ctx = ctx, .begin = b, .end = b + chunk < n ? b + chunk : n,
                        .bad = NONE};
    }
    for (size_t i = 1; i < t; i++)
        jobs[i].started = pthread_create(&jobs[i].tid, NULL, job_main, &jobs[i]) == 0;
    job_main(&jobs[0]);
    for (size_t i = 1; i < t; i++) {
        if (jobs[i].started)
            pthread_join(jobs[i].tid, NULL);
        else
            job_main(&jobs[i]);
    }
    for (size_t i = 0; i < t; i++)
        if (jobs[i].bad != NONE)
            return jobs[i].bad;
    return NONE;
}

/* ---------------------------------------------------------------- driver */

/* What a rule family provides to the common driver. ctx is the family's
 * context: the caller's arrays plus the tables of one call. */
typedef struct family {
    /* Builds the tables. False when there are none: *err says why, NL_OK
     * meaning "too large for this policy" (the driver then evaluates record
     * by record, which is slower but answers the same). */
    bool (*plan)(void *ctx, nl_status *err);
    void (*drop)(void *ctx);   /* frees the tables (also after a failed plan) */
    /* The fast loop over records [b, e): writes their answers; returns
     * nonzero if one of them may be bad. */
    uint32_t (*block)(const void *ctx, size_t b, size_t e, bool want_cert);
    /* One record through the single-record function: writes its answer
     * (zeros on error) and returns its status. */
    nl_status (*one)(const void *ctx, size_t k);
} family;

typedef struct run {
    const family *f;
    const void *ctx;
    bool tables, want_cert;
} run;

/* A thread's slice: block by block, the fast loop; a flagged block (or
 * every block, without tables) again through the single-record function,
 * which finds the first bad record. */
static size_t run_slice(const void *arg, size_t begin, size_t end)
{
    const run *r = arg;
    for (size_t b = begin; b < end; b += BLOCK) {
        size_t e = b + BLOCK < end ? b + BLOCK : end;
        if (r->tables && LIKELY(r->f->block(r->ctx, b, e, r->want_cert) == 0))
            continue;
        for (size_t k = b; k < e; k++)
            if (r->f->one(r->ctx, k) != NL_OK)
                return k;
    }
    return NONE;
}

/* Zeroes the non-NULL outputs: n elements of the given sizes. */
static void zero_outputs(size_t n, size_t count, void *const *arrays, const size_t *sizes)
{
    for (size_t i = 0; i < count; i++)
        if (arrays[i] != NULL)
            memset(arrays[i], 0, n * sizes[i]);
}

/* Everything a batch function does once its arguments are checked. */
static nl_status evaluate(const family *f, void *ctx, size_t n, int threads, bool want_cert,
                          void *const *outs, const size_t *sizes, size_t nouts,
                          size_t *bad_index)
{
    nl_status s = NL_OK;
    run r = {.f = f, .ctx = ctx, .want_cert = want_cert};
    r.tables = n >= DIRECT_MAX && f->plan(ctx, &s);
    size_t bad = NONE;
    if (s == NL_OK) {
        bad = run_range(run_slice, &r, n, threads);
        if (bad != NONE)
            s = f->one(ctx, bad);   /* its status (the outputs are zeroed next) */
    }
    f->drop(ctx);
    if (s != NL_OK) {
        zero_outputs(n, nouts, outs, sizes);
        if (bad_index)
            *bad_index = bad;
    }
    return s;
}

/* Checks the common arguments; on failure zeroes the outputs. */
static bool arguments_ok(bool all_there, int threads, size_t n, void *const *outs,
                         const size_t *sizes, size_t nouts, size_t *bad_index)
{
    if (bad_index)
        *bad_index = NONE;
    if (all_there && threads >= 0)
        return true;
    zero_outputs(n, nouts, outs, sizes);
    return false;
}

static inline bool flag_bad(uint8_t f)
{
    return f > 1;
}

/* ============================================== 1. attraction subsidy */

/* Table layout: cell ((interval << 8 | person) * nslots + slot), where
 * person = degree << 5 | major << 3 | agency << 1 | post (shifts, not
 * products, so a vector unit computes it cheaply; 90 of the 256 values are
 * real combinations) and slot is the workplace's tier. A cell packs the
 * answer: reason (| ERR_FLAG) in bits 0-7, certainty in 8-15, and in 16-23
 * the index of the amount in a short list of distinct amounts. */
#define ATTR_PERSON_BITS 8
/* The person index packs the enums into those 8 bits: degree 3 bits, major
 * and agency 2 each, the post 1. A new enum value must fit or widen this. */
_Static_assert(NL_DEGREE_DOCTOR < 8 && NL_MAJOR_ELECTRONICS_TELECOM < 4 && NL_AGENCY_STATE < 4,
               "the attraction person index no longer fits 8 bits");
/* Largest valid input values, as nl__valid_*() checks them one by one. */
#define MAX_DEGREE ((uint32_t)NL_DEGREE_DOCTOR)
#define MAX_MAJOR ((uint32_t)NL_MAJOR_ELECTRONICS_TELECOM)
#define MAX_AGENCY ((uint32_t)NL_AGENCY_STATE)
#define MAX_ROLE ((uint32_t)NL_ROLE_TEAM_LEADER)
#define ATTR_MAX_CELLS (1u << 22)   /* 16 MiB of cells at most, else no tables */
#define ATTR_MAX_AMOUNTS 256
#define ATTR_SIMD_BREAKS 15         /* vector path: intervals by compares */
#define ATTR_SIMD_AMOUNTS 4         /* vector path: amounts by a permute */

typedef struct attr_ctx {
    const nl_policy *p;
    const uint8_t *degree, *major, *agency, *dedicated;
    const int16_t *workplace;
    const nl_date *start;
    int64_t *amount;
    uint8_t *reason, *certainty;
    /* tables */
    ivmap iv;
    uint32_t *wslot;       /* workplace code (0..32767, an int16 column) -> slot:
                              0 for a code of no unit, 1.. one per distinct
                              dated behaviour (see same_units) */
    uint32_t nslots;
    uint32_t *cell;
    int64_t amt[ATTR_MAX_AMOUNTS];
    size_t namt;
    bool avx2;             /* the vector loop applies */
} attr_ctx;

static nl_status attr_one(const void *ctx, size_t k)
{
    const attr_ctx *c = ctx;
    nl_subsidy r;
    nl_status s = NL_EINVAL;
    if (!flag_bad(c->dedicated[k])) {
        nl_candidate cand = {.degree = (nl_degree)c->degree[k], .major = (nl_major)c->major[k],
                             .agency = (nl_agency)c->agency[k],
                             .dedicated_post = c->dedicated[k] != 0,
                             .workplace = c->workplace[k], .start = c->start[k]};
        s = nl_attraction_subsidy(c->p, &cand, &r);
    }
    if (s != NL_OK)
        memset(&r, 0, sizeof r);
    c->amount[k] = r.amount;
    c->reason[k] = (uint8_t)r.reason;
    if (c->certainty)
        c->certainty[k] = (uint8_t)r.certainty;
    return s;
}

/* The int16 workplace column holds codes 0..32767 (every GSO code so far:
 * the largest commune code is in the 32000s); a negative value is bad. */
#define WSLOT_CODES 32768

/* Number of units with this code. */
static size_t units_of(const nl_policy *p, int code)
{
    size_t n = 0;
    for (size_t i = nl__workplace_first(p, code);
         i < p->nworkplaces && p->workplaces[i].code == code; i++)
        n++;
    return n;
}

/* Whether the codes of units a and b (first units of their codes) answer
 * alike on every date: the same periods, kinds and tier parameters. The
 * subsidy reads a unit only through those. */
static bool same_units(const nl_policy *p, size_t a, size_t b)
{
    size_t na = units_of(p, p->workplaces[a].code);
    if (na != units_of(p, p->workplaces[b].code))
        return false;
    for (size_t k = 0; k < na; k++) {
        const nl_workplace_i *x = &p->workplaces[a + k], *y = &p->workplaces[b + k];
        bool tiered = x->kind == NL_WORKPLACE_TIER || x->kind == NL_WORKPLACE_DERIVED;
        if (x->since != y->since || x->until != y->until || x->kind != y->kind ||
            (tiered && x->param != y->param))
            return false;
    }
    return true;
}

static bool attr_plan(void *ctx, nl_status *err)
{
    attr_ctx *c = ctx;
    const nl_policy *p = c->p;
    if ((*err = ivmap_build(p, &c->iv)) != NL_OK)
        return false;
    /* Slots: codes whose units behave alike on every date share one, asked
     * about through its first code; slot 0 through a code of no unit. */
    c->wslot = calloc(WSLOT_CODES, sizeof *c->wslot);
    size_t *slot_first = malloc((p->nworkplaces + 1) * sizeof *slot_first);
    int *rep = malloc((p->nworkplaces + 1) * sizeof *rep);
    if (c->wslot == NULL || slot_first == NULL || rep == NULL) {
        free(slot_first);
        free(rep);
        *err = NL_ENOMEM;
        return false;
    }
    c->nslots = 1;
    rep[0] = 0;
    while (rep[0] < WSLOT_CODES && units_of(p, rep[0]) > 0)
        rep[0]++;   /* every int16 code is a unit: slot 0 is unused */
    for (size_t i = 0; i < p->nworkplaces;) {
        int code = p->workplaces[i].code;
        size_t n = units_of(p, code);
        if (code < WSLOT_CODES) {
            uint32_t sl = 1;
            while (sl < c->nslots && !same_units(p, slot_first[sl], i))
                sl++;
            if (sl == c->nslots) {
                slot_first[sl] = i;
                rep[sl] = code;
                c->nslots++;
            }
            c->wslot[code] = sl;
        }
        i += n;
    }
    free(slot_first);
    size_t niv = c->iv.nbp + 1;
    if (niv > ATTR_MAX_CELLS / (c->nslots << ATTR_PERSON_BITS)) {
        free(rep);
        return false;
    }
    size_t cells = (niv << ATTR_PERSON_BITS) * c->nslots;
    c->cell = malloc(cells * sizeof *c->cell);
    if (c->cell == NULL) {
        free(rep);
        *err = NL_ENOMEM;
        return false;
    }
    for (size_t x = 0; x < cells; x++)
        c->cell[x] = ERR_FLAG;   /* not a real combination: never read */
    c->namt = 0;
    for (size_t i = 0; i < niv; i++)
        for (unsigned d = 0; d <= NL_DEGREE_DOCTOR; d++)
            for (unsigned m = 0; m <= NL_MAJOR_ELECTRONICS_TELECOM; m++)
                for (unsigned a = 0; a <= NL_AGENCY_STATE; a++)
                    for (unsigned f = 0; f < 2; f++)
                        for (uint32_t sl = 0; sl < c->nslots; sl++) {
                            nl_candidate cand = {
                                .degree = (nl_degree)d, .major = (nl_major)m,
                                .agency = (nl_agency)a, .dedicated_post = f,
                                .workplace = rep[sl] < WSLOT_CODES ? rep[sl] : 0,
                                .start = ivmap_rep(&c->iv, i)};
                            nl_subsidy r;
                            nl_status st = nl_attraction_subsidy(p, &cand, &r);
                            size_t ai = 0;
                            while (ai < c->namt && c->amt[ai] != r.amount)
                                ai++;
                            if (ai == ATTR_MAX_AMOUNTS) {
                                free(rep);
                                return false;
                            }
                            if (ai == c->namt)
                                c->amt[c->namt++] = r.amount;
                            size_t person = d << 5 | m << 3 | a << 1 | f;
                            c->cell[((i << ATTR_PERSON_BITS) | person) * c->nslots + sl] =
                                (st == NL_OK ? (uint32_t)r.reason : ERR_FLAG) |
                                (uint32_t)r.certainty << 8 | (uint32_t)ai << 16;
                        }
    free(rep);
#ifdef NL_BATCH_AVX2
    c->avx2 = __builtin_cpu_supports("avx2") && c->iv.nbp <= ATTR_SIMD_BREAKS &&
              c->namt <= ATTR_SIMD_AMOUNTS;
#endif
    return true;
}

static void attr_drop(void *ctx)
{
    attr_ctx *c = ctx;
    ivmap_free(&c->iv);
    free(c->cell);
    free(c->wslot);
}

/* The portable loop. */
static uint32_t attr_block_scalar(const attr_ctx *c, size_t b, size_t e, bool want_cert)
{
    const uint8_t *restrict deg = c->degree, *restrict maj = c->major, *restrict agy = c->agency,
                            *restrict ded = c->dedicated;
    const int16_t *restrict wp = c->workplace;
    const nl_date *restrict start = c->start;
    int64_t *restrict amount = c->amount;
    uint8_t *restrict reason = c->reason, *restrict cert = c->certainty;
    const uint32_t *restrict cell = c->cell, *restrict wslot = c->wslot;
    const int64_t *restrict amt = c->amt;
    const size_t ns = c->nslots;
    uint32_t bad = 0;
    for (size_t k = b; k < e; k++) {
        uint32_t d = deg[k], m = maj[k], a = agy[k], f = ded[k];
        uint32_t w = (uint16_t)wp[k];
        nl_date s = start[k];
        bad |= (d > MAX_DEGREE) | (m > MAX_MAJOR) | (a > MAX_AGENCY) | (f > 1) |
               (w >= WSLOT_CODES) | date_bad(s);
        /* Masked so that a bad record still reads a cell in range. */
        size_t person = (d << 5 | m << 3 | a << 1 | f) & 0xff;
        uint32_t v = cell[(ivmap_of(&c->iv, s) << ATTR_PERSON_BITS | person) * ns +
                          wslot[w & (WSLOT_CODES - 1)]];
        bad |= v >> 7 & 1;
        amount[k] = amt[v >> 16 & 0xff];
        reason[k] = (uint8_t)v;
        if (want_cert)
            cert[k] = (uint8_t)(v >> 8);
    }
    return bad;
}

#ifdef NL_BATCH_AVX2

/* Packs the low byte of each of 8 dwords into 8 bytes at dst. */
__attribute__((target("avx2"))) static inline void store_bytes8(uint8_t *dst, __m256i v)
{
    __m128i w16 = _mm_packus_epi32(_mm256_castsi256_si128(v), _mm256_extracti128_si256(v, 1));
    _mm_storel_epi64((__m128i *)dst, _mm_packus_epi16(w16, w16));
}

/* Four int64 amounts from a 4-entry list by their indices (one per 64-bit
 * lane): a permute of 32-bit halves, no memory access. */
__attribute__((target("avx2"))) static inline __m256i pick_amounts(__m256i list, __m256i idx64)
{
    __m256i two = _mm256_slli_epi64(idx64, 1);
    __m256i pair = _mm256_or_si256(_mm256_or_si256(two, _mm256_slli_epi64(two, 32)),
                                   _mm256_set1_epi64x((int64_t)1 << 32));
    return _mm256_permutevar8x32_epi32(list, pair);
}

/* The same loop, 8 records at a time with AVX2: intervals by compares
 * against the breakpoints, two gathers (slot, cell) and a permute for the
 * amount. Needs nbp <= ATTR_SIMD_BREAKS and namt <= ATTR_SIMD_AMOUNTS. */
__attribute__((target("avx2"))) static uint32_t attr_block_avx2(const attr_ctx *c, size_t b,
                                                                 size_t e, bool want_cert)
{
    const __m256i zero = _mm256_setzero_si256(), ones = _mm256_set1_epi32(-1);
    const __m256i cdeg = _mm256_set1_epi32((int)MAX_DEGREE), cmaj = _mm256_set1_epi32((int)MAX_MAJOR),
                  cagy = _mm256_set1_epi32((int)MAX_AGENCY),
                  c1 = _mm256_set1_epi32(1),
                  cwmax = _mm256_set1_epi32(WSLOT_CODES - 1), low8 = _mm256_set1_epi32(0xff),
                  err = _mm256_set1_epi32(ERR_FLAG), ns = _mm256_set1_epi32((int)c->nslots),
                  dmin = _mm256_set1_epi32(NL_DATE_MIN), dmax = _mm256_set1_epi32(NL_DATE_MAX);
    __m256i before[ATTR_SIMD_BREAKS];   /* s >= bp[j]  <=>  s > bp[j] - 1 */
    const size_t nbp = c->iv.nbp;
    for (size_t j = 0; j < nbp; j++)
        before[j] = _mm256_set1_epi32(c->iv.bp[j] - 1);
    int64_t list4[4] = {0, 0, 0, 0};
    memcpy(list4, c->amt, c->namt * sizeof *list4);
    const __m256i list = _mm256_loadu_si256((const __m256i *)list4);
    const int *cell = (const int *)c->cell, *wslot = (const int *)c->wslot;
    const uint8_t *deg = c->degree, *maj = c->major, *agy = c->agency, *ded = c->dedicated;
    const int16_t *wp = c->workplace;
    const nl_date *start = c->start;
    int64_t *amount = c->amount;
    uint8_t *reason = c->reason, *cert = c->certainty;
    __m256i acc = zero;
    size_t k = b;
    for (; k + 8 <= e; k += 8) {
        __m256i d = _mm256_cvtepu8_epi32(_mm_loadl_epi64((const __m128i *)(deg + k)));
        __m256i m = _mm256_cvtepu8_epi32(_mm_loadl_epi64((const __m128i *)(maj + k)));
        __m256i a = _mm256_cvtepu8_epi32(_mm_loadl_epi64((const __m128i *)(agy + k)));
        __m256i f = _mm256_cvtepu8_epi32(_mm_loadl_epi64((const __m128i *)(ded + k)));
        __m256i w = _mm256_cvtepu16_epi32(_mm_loadu_si128((const __m128i *)(wp + k)));
        __m256i s = _mm256_loadu_si256((const __m256i *)(start + k));
        __m256i bad = _mm256_or_si256(
            _mm256_or_si256(_mm256_or_si256(_mm256_cmpgt_epi32(d, cdeg), _mm256_cmpgt_epi32(m, cmaj)),
                            _mm256_or_si256(_mm256_cmpgt_epi32(a, cagy), _mm256_cmpgt_epi32(f, c1))),
            _mm256_or_si256(_mm256_cmpgt_epi32(w, cwmax),
                            _mm256_or_si256(_mm256_cmpgt_epi32(dmin, s),
                                            _mm256_cmpgt_epi32(s, dmax))));
        __m256i iv = zero;
        for (size_t j = 0; j < nbp; j++)
            iv = _mm256_sub_epi32(iv, _mm256_cmpgt_epi32(s, before[j]));
        __m256i person = _mm256_or_si256(
            _mm256_or_si256(_mm256_slli_epi32(d, 5), _mm256_slli_epi32(m, 3)),
            _mm256_or_si256(_mm256_slli_epi32(a, 1), f));
        __m256i slot = _mm256_i32gather_epi32(wslot, _mm256_and_si256(w, cwmax), 4);
        __m256i x = _mm256_add_epi32(
            _mm256_mullo_epi32(_mm256_or_si256(_mm256_slli_epi32(iv, ATTR_PERSON_BITS), person),
                               ns),
            slot);
        /* Bad records are not looked up (their index may be anything). */
        __m256i v = _mm256_mask_i32gather_epi32(zero, cell, x, _mm256_xor_si256(bad, ones), 4);
        acc = _mm256_or_si256(acc, _mm256_or_si256(bad, _mm256_and_si256(v, err)));
        store_bytes8(reason + k, _mm256_and_si256(v, low8));
        if (want_cert)
            store_bytes8(cert + k, _mm256_and_si256(_mm256_srli_epi32(v, 8), low8));
        __m256i ai = _mm256_srli_epi32(v, 16);
        _mm256_storeu_si256((__m256i *)(amount + k),
                            pick_amounts(list, _mm256_cvtepu32_epi64(_mm256_castsi256_si128(ai))));
        _mm256_storeu_si256((__m256i *)(amount + k + 4),
                            pick_amounts(list, _mm256_cvtepu32_epi64(
                                                   _mm256_extracti128_si256(ai, 1))));
    }
    return (uint32_t)!_mm256_testz_si256(acc, acc) | attr_block_scalar(c, k, e, want_cert);
}
#endif

static uint32_t attr_block(const void *ctx, size_t b, size_t e, bool want_cert)
{
    const attr_ctx *c = ctx;
#ifdef NL_BATCH_AVX2
    if (c->avx2)
        return attr_block_avx2(c, b, e, want_cert);
#endif
    return attr_block_scalar(c, b, e, want_cert);
}

static const family attraction = {attr_plan, attr_drop, attr_block, attr_one};

nl_status nl_attraction_subsidy_batch(const nl_policy *p, size_t n, const uint8_t *degree,
                                      const uint8_t *major, const uint8_t *agency,
                                      const uint8_t *dedicated_post, const int16_t *workplace,
                                      const nl_date *start, int64_t *amount, uint8_t *reason,
                                      uint8_t *certainty, int threads, size_t *bad_index)
{
    void *outs[] = {amount, reason, certainty};
    const size_t sizes[] = {8, 1, 1};
    if (!arguments_ok(p && degree && major && agency && dedicated_post && workplace && start &&
                          amount && reason,
                      threads, n, outs, sizes, 3, bad_index))
        return NL_EINVAL;
    attr_ctx c = {.p = p, .degree = degree, .major = major, .agency = agency,
                  .dedicated = dedicated_post, .workplace = workplace, .start = start,
                  .amount = amount, .reason = reason, .certainty = certainty};
    return evaluate(&attraction, &c, n, threads, certainty != NULL, outs, sizes, 3, bad_index);
}

/* ============================================== 2. expert salary cap */

typedef struct expert_cell {
    int64_t monthly, weekly, daily, special;
    uint8_t level, reason, certainty;   /* reason | ERR_FLAG */
} expert_cell;

#define EXPERT_YEARS_PARAMS 6
#define EXPERT_MAX_CELLS (1u << 20)   /* 40 MiB of cells at most, else no tables */
static const nl_pid expert_years_pid[EXPERT_YEARS_PARAMS] = {
    NL_P_EXPERT_YEARS_BACHELOR1, NL_P_EXPERT_YEARS_BACHELOR2, NL_P_EXPERT_YEARS_BACHELOR3,
    NL_P_EXPERT_YEARS_MASTER1, NL_P_EXPERT_YEARS_MASTER2, NL_P_EXPERT_YEARS_MASTER3};

typedef struct expert_ctx {
    const nl_policy *p;
    const uint8_t *degree, *role;
    const double *years;
    const nl_date *on;
    uint8_t *level, *reason, *certainty;
    int64_t *monthly, *weekly, *daily, *special;
    /* tables */
    ivmap iv;
    double *thr;          /* sorted distinct experience thresholds */
    size_t nthr;
    expert_cell *cell;    /* [interval][degree 5][role 3][band nthr + 1] */
} expert_ctx;

static nl_status expert_one(const void *ctx, size_t k)
{
    const expert_ctx *c = ctx;
    nl_expert e = {.degree = (nl_degree)c->degree[k], .experience_years = c->years[k],
                   .role = (nl_role)c->role[k], .on = c->on[k]};
    nl_expert_cap r;
    nl_status s = nl_expert_salary_cap(c->p, &e, &r);   /* r zeroed on error */
    c->level[k] = (uint8_t)r.level;
    c->monthly[k] = r.monthly;
    c->weekly[k] = r.weekly;
    c->daily[k] = r.daily;
    c->special[k] = r.special_monthly;
    c->reason[k] = (uint8_t)r.reason;
    if (c->certainty)
        c->certainty[k] = (uint8_t)r.certainty;
    return s;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

static bool expert_plan(void *ctx, nl_status *err)
{
    expert_ctx *c = ctx;
    const nl_policy *p = c->p;
    if ((*err = ivmap_build(p, &c->iv)) != NL_OK)
        return false;
    /* Experience bands: cut at every value any experience parameter takes. */
    size_t total = 0;
    for (int i = 0; i < EXPERT_YEARS_PARAMS; i++)
        if (p->known[expert_years_pid[i]] != NL_PARAM_ABSENT)
            total += p->params[p->known[expert_years_pid[i]]].n;
    c->thr = malloc((total ? total : 1) * sizeof *c->thr);
    if (c->thr == NULL) {
        *err = NL_ENOMEM;
        return false;
    }
    for (int i = 0; i < EXPERT_YEARS_PARAMS; i++) {
        if (p->known[expert_years_pid[i]] == NL_PARAM_ABSENT)
            continue;
        const nl_param_i *prm = &p->params[p->known[expert_years_pid[i]]];
        for (size_t j = 0; j < prm->n; j++)
            c->thr[c->nthr++] = (double)prm->v[j].value;
    }
    qsort(c->thr, c->nthr, sizeof *c->thr, cmp_double);
    size_t u = 0;
    for (size_t i = 0; i < c->nthr; i++)
        if (u == 0 || c->thr[i] != c->thr[u - 1])
            c->thr[u++] = c->thr[i];
    c->nthr = u;

    size_t niv = c->iv.nbp + 1, nb = c->nthr + 1;
    if (niv > EXPERT_MAX_CELLS / (15 * nb))
        return false;
    c->cell = malloc(niv * 5 * 3 * nb * sizeof *c->cell);
    if (c->cell == NULL) {
        *err = NL_ENOMEM;
        return false;
    }
    expert_cell *x = c->cell;
    for (size_t i = 0; i < niv; i++)
        for (unsigned d = 0; d <= NL_DEGREE_DOCTOR; d++)
            for (unsigned r = 0; r <= NL_ROLE_TEAM_LEADER; r++)
                for (size_t band = 0; band < nb; band++, x++) {
                    nl_expert e = {.degree = (nl_degree)d, .role = (nl_role)r,
                                   .experience_years = band ? c->thr[band - 1] : 0.0,
                                   .on = ivmap_rep(&c->iv, i)};
                    nl_expert_cap cap;
                    nl_status st = nl_expert_salary_cap(p, &e, &cap);
                    *x = (expert_cell){.monthly = cap.monthly, .weekly = cap.weekly,
                                       .daily = cap.daily, .special = cap.special_monthly,
                                       .level = (uint8_t)cap.level,
                                       .reason = (uint8_t)(st == NL_OK ? cap.reason : ERR_FLAG),
                                       .certainty = (uint8_t)cap.certainty};
                }
    return true;
}

static void expert_drop(void *ctx)
{
    expert_ctx *c = ctx;
    ivmap_free(&c->iv);
    free(c->thr);
    free(c->cell);
}

static uint32_t expert_block(const void *ctx, size_t b, size_t e, bool want_cert)
{
    const expert_ctx *c = ctx;
    const uint8_t *restrict deg = c->degree, *restrict role = c->role;
    const double *restrict years = c->years;
    const nl_date *restrict on = c->on;
    uint8_t *restrict level = c->level, *restrict reason = c->reason,
                      *restrict cert = c->certainty;
    int64_t *restrict monthly = c->monthly, *restrict weekly = c->weekly,
                      *restrict daily = c->daily, *restrict special = c->special;
    const expert_cell *restrict cell = c->cell;
    const double *restrict thr = c->thr;
    const size_t nthr = c->nthr, nb = nthr + 1, per_iv = 15 * nb;
    uint32_t bad = 0;
    for (size_t k = b; k < e; k++) {
        uint32_t d = deg[k], r = role[k];
        double y = years[k];
        nl_date s = on[k];
        /* !(y >= 0) catches NaN; y > DBL_MAX catches +inf. */
        bad |= (d > MAX_DEGREE) | (r > MAX_ROLE) | (uint32_t)!(y >= 0.0) | (y > DBL_MAX) |
               date_bad(s);
        d = d > MAX_DEGREE ? MAX_DEGREE : d;
        r = r > MAX_ROLE ? MAX_ROLE : r;
        size_t band = 0;
        for (size_t j = 0; j < nthr; j++)
            band += y >= thr[j];
        const expert_cell *x = &cell[ivmap_of(&c->iv, s) * per_iv + (d * 3 + r) * nb + band];
        bad |= x->reason >> 7;
        level[k] = x->level;
        monthly[k] = x->monthly;
        weekly[k] = x->weekly;
        daily[k] = x->daily;
        special[k] = x->special;
        reason[k] = x->reason;
        if (want_cert)
            cert[k] = x->certainty;
    }
    return bad;
}

static const family expert = {expert_plan, expert_drop, expert_block, expert_one};

nl_status nl_expert_salary_cap_batch(const nl_policy *p, size_t n, const uint8_t *degree,
                                     const double *experience_years, const uint8_t *role,
                                     const nl_date *on, uint8_t *level, int64_t *monthly,
                                     int64_t *weekly, int64_t *daily, int64_t *special_monthly,
                                     uint8_t *reason, uint8_t *certainty, int threads,
                                     size_t *bad_index)
{
    void *outs[] = {level, monthly, weekly, daily, special_monthly, reason, certainty};
    const size_t sizes[] = {1, 8, 8, 8, 8, 1, 1};
    if (!arguments_ok(p && degree && experience_years && role && on && level && monthly &&
                          weekly && daily && special_monthly && reason,
                      threads, n, outs, sizes, 7, bad_index))
        return NL_EINVAL;
    expert_ctx c = {.p = p, .degree = degree, .years = experience_years, .role = role,
                    .on = on, .level = level, .monthly = monthly, .weekly = weekly,
                    .daily = daily, .special = special_monthly, .reason = reason,
                    .certainty = certainty};
    return evaluate(&expert, &c, n, threads, certainty != NULL, outs, sizes, 7, bad_index);
}

/* ============================================== 3. training support */

typedef struct training_ctx {
    const nl_policy *p;
    const uint8_t *dedicated, *short_course;
    const int64_t *money[4];     /* tuition, materials, meals, travel */
    const int32_t *days;
    const nl_date *start;
    int64_t *paid[5];            /* tuition, materials, meals, travel, total */
    uint8_t *reason, *certainty;
    /* tables */
    ivmap iv;
    uint8_t *decision;           /* [interval][dedicated 2][short 2]: reason
                                    | ERR_FLAG in bits 0-7 ... */
    uint8_t *decision_cert;      /* ... and the certainty, same layout */
    nl_training_rates *rates;    /* [interval], used where the answer is OK */
} training_ctx;

static nl_status training_one(const void *ctx, size_t k)
{
    const training_ctx *c = ctx;
    nl_training_result r;
    nl_status s = NL_EINVAL;
    if (!flag_bad(c->dedicated[k]) && !flag_bad(c->short_course[k])) {
        nl_training t = {.dedicated_official = c->dedicated[k] != 0,
                         .short_concentrated = c->short_course[k] != 0,
                         .tuition = c->money[0][k], .materials = c->money[1][k],
                         .meals = c->money[2][k], .travel = c->money[3][k],
                         .days = c->days[k], .start = c->start[k]};
        s = nl_training_support(c->p, &t, &r);
    }
    if (s != NL_OK)
        memset(&r, 0, sizeof r);
    c->paid[0][k] = r.tuition;
    c->paid[1][k] = r.materials;
    c->paid[2][k] = r.meals;
    c->paid[3][k] = r.travel;
    c->paid[4][k] = r.total;
    c->reason[k] = (uint8_t)r.reason;
    if (c->certainty)
        c->certainty[k] = (uint8_t)r.certainty;
    return s;
}

static bool training_plan(void *ctx, nl_status *err)
{
    training_ctx *c = ctx;
    const nl_policy *p = c->p;
    if ((*err = ivmap_build(p, &c->iv)) != NL_OK)
        return false;
    size_t niv = c->iv.nbp + 1;
    c->decision = malloc(niv * 4);
    c->decision_cert = malloc(niv * 4);
    c->rates = malloc(niv * sizeof *c->rates);
    if (!c->decision || !c->decision_cert || !c->rates) {
        *err = NL_ENOMEM;
        return false;
    }
    for (size_t i = 0; i < niv; i++) {
        nl_date on = ivmap_rep(&c->iv, i);
        nl_use use[4];   /* a rate not in force stays 0: the decision below says so */
        c->rates[i] = (nl_training_rates){{0}};
        (void)nl__training_rates_on(p, on, &c->rates[i], use);
        /* With no money claimed: the decision (reason, certainty) alone. */
        for (unsigned x = 0; x < 4; x++) {
            nl_training t = {.dedicated_official = x >> 1, .short_concentrated = x & 1,
                             .days = 1, .start = on};
            nl_training_result r;
            nl_status st = nl_training_support(p, &t, &r);
            c->decision[i * 4 + x] = (uint8_t)(st == NL_OK ? r.reason : ERR_FLAG);
            c->decision_cert[i * 4 + x] = (uint8_t)r.certainty;
        }
    }
    return true;
}

static void training_drop(void *ctx)
{
    training_ctx *c = ctx;
    ivmap_free(&c->iv);
    free(c->decision);
    free(c->decision_cert);
    free(c->rates);
}

static uint32_t training_block(const void *ctx, size_t b, size_t e, bool want_cert)
{
    const training_ctx *c = ctx;
    const uint8_t *restrict ded = c->dedicated, *restrict sho = c->short_course;
    const int64_t *restrict tuition = c->money[0], *restrict materials = c->money[1],
                            *restrict meals = c->money[2], *restrict travel = c->money[3];
    const int32_t *restrict days = c->days;
    const nl_date *restrict start = c->start;
    int64_t *restrict paid0 = c->paid[0], *restrict paid1 = c->paid[1],
                      *restrict paid2 = c->paid[2], *restrict paid3 = c->paid[3],
                      *restrict total = c->paid[4];
    uint8_t *restrict reason = c->reason, *restrict cert = c->certainty;
    uint32_t bad = 0;
    for (size_t k = b; k < e; k++) {
        uint32_t f1 = ded[k], f2 = sho[k];
        int64_t tu = tuition[k], ma = materials[k], me = meals[k], tr = travel[k];
        int32_t dy = days[k];
        nl_date s = start[k];
        uint32_t bad_in = (f1 > 1) | (f2 > 1) | ((tu | ma | me | tr) < 0) | (dy < 1) |
                          date_bad(s);
        size_t iv = ivmap_of(&c->iv, s), x = iv * 4 + (f1 & 1) * 2 + (f2 & 1);
        uint8_t r = c->decision[x];
        int64_t out[5] = {0, 0, 0, 0, 0};
        if (r == NL_REASON_OK && !bad_in &&
            !nl__training_pay(&c->rates[iv], tu, ma, me, tr, dy, out))
            bad_in = 1;   /* NL_ERANGE */
        bad |= bad_in | (uint32_t)(r >> 7);
        paid0[k] = out[0];
        paid1[k] = out[1];
        paid2[k] = out[2];
        paid3[k] = out[3];
        total[k] = out[4];
        reason[k] = r;
        if (want_cert)
            cert[k] = c->decision_cert[x];
    }
    return bad;
}

static const family training = {training_plan, training_drop, training_block, training_one};

nl_status nl_training_support_batch(const nl_policy *p, size_t n,
                                    const uint8_t *dedicated_official,
                                    const uint8_t *short_concentrated, const int64_t *tuition,
                                    const int64_t *materials, const int64_t *meals,
                                    const int64_t *travel, const int32_t *days,
                                    const nl_date *start, int64_t *paid_tuition,
                                    int64_t *paid_materials, int64_t *paid_meals,
                                    int64_t *paid_travel, int64_t *total, uint8_t *reason,
                                    uint8_t *certainty, int threads, size_t *bad_index)
{
    void *outs[] = {paid_tuition, paid_materials, paid_meals, paid_travel, total, reason,
                    certainty};
    const size_t sizes[] = {8, 8, 8, 8, 8, 1, 1};
    if (!arguments_ok(p && dedicated_official && short_concentrated && tuition && materials &&
                          meals && travel && days && start && paid_tuition && paid_materials &&
                          paid_meals && paid_travel && total && reason,
                      threads, n, outs, sizes, 7, bad_index))
        return NL_EINVAL;
    training_ctx c = {.p = p, .dedicated = dedicated_official,
                      .short_course = short_concentrated,
                      .money = {tuition, materials, meals, travel}, .days = days,
                      .start = start,
                      .paid = {paid_tuition, paid_materials, paid_meals, paid_travel, total},
                      .reason = reason, .certainty = certainty};
    return evaluate(&training, &c, n, threads, certainty != NULL, outs, sizes, 7, bad_index);
}
