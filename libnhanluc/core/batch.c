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
 * comparisons with the steps of the expert.levels.* scales. */
#include <float.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "rule_decl.h"
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
/* ---------------------------------------------------------------- columns */

static const unsigned char col_size[NL_COLUMN_TYPE_COUNT] = {1, 1, 2, 4, 8, 8};
static const int64_t col_min[NL_COLUMN_TYPE_COUNT] = {0, INT8_MIN, INT16_MIN, INT32_MIN,
                                                      INT64_MIN, 0};
static const int64_t col_max[NL_COLUMN_TYPE_COUNT] = {UINT8_MAX, INT8_MAX, INT16_MAX,
                                                      INT32_MAX, INT64_MAX, 0};

/* Elements are read and written with memcpy: a column of a packed
 * structured array need not be aligned. */
static inline int64_t col_get_i(const unsigned char *at, nl_column_type t)
{
    switch (t) {
    case NL_COLUMN_U8: return *at;
    case NL_COLUMN_I8: { int8_t v; memcpy(&v, at, 1); return v; }
    case NL_COLUMN_I16: { int16_t v; memcpy(&v, at, 2); return v; }
    case NL_COLUMN_I32: { int32_t v; memcpy(&v, at, 4); return v; }
    default: { int64_t v; memcpy(&v, at, 8); return v; }
    }
}

static inline double col_get_f(const unsigned char *at, nl_column_type t)
{
    if (t == NL_COLUMN_F64) {
        double v;
        memcpy(&v, at, 8);
        return v;
    }
    return (double)col_get_i(at, t);
}

/* Stores v, which the caller has checked fits type t. */
static inline void col_put_i(unsigned char *at, nl_column_type t, int64_t v)
{
    switch (t) {
    case NL_COLUMN_U8: *at = (uint8_t)v; break;
    case NL_COLUMN_I8: { int8_t x = (int8_t)v; memcpy(at, &x, 1); break; }
    case NL_COLUMN_I16: { int16_t x = (int16_t)v; memcpy(at, &x, 2); break; }
    case NL_COLUMN_I32: { int32_t x = (int32_t)v; memcpy(at, &x, 4); break; }
    case NL_COLUMN_I64: memcpy(at, &v, 8); break;
    default: { double x = (double)v; memcpy(at, &x, 8); break; }
    }
}

/* Whether every value of [lo, hi] fits type t. */
static bool col_holds(nl_column_type t, int64_t lo, int64_t hi)
{
    return t != NL_COLUMN_F64 && lo >= col_min[t] && hi <= col_max[t];
}

/* --------------------------------------------------------------- kernels */

/* A kernel is a fast path for one rule: its tables are filled by the rule's
 * single-record function when the plan is made, and its block function
 * answers records from them. It reads and writes contiguous columns of the
 * types it names; the driver converts other columns block by block. A rule
 * without a kernel is evaluated record by record (nl_rule_eval), with the
 * same answers. */
#define KMAX 12   /* columns of a kernel, inputs or outputs */

typedef struct kernel {
    const nl_rule *rule;
    size_t nin, nout;
    const char *in[KMAX];
    nl_column_type in_type[KMAX];
    const char *out[KMAX];
    nl_column_type out_type[KMAX];
    /* Fills *tables; false when there are none: *err says why, NL_OK
     * meaning "too large for this policy" (records are then evaluated one
     * by one, which answers the same). */
    bool (*build)(const nl_batch_plan *pl, void **tables, nl_status *err);
    void (*drop)(void *tables);
    /* Answers n records: in[] and out[] in the kernel's order. Nonzero when
     * one of them may be bad (the driver then evaluates the block again
     * record by record, which finds it). */
    uint32_t (*block)(const void *tables, const void *const *in, void *const *out, size_t n);
} kernel;

#define FMAX 32   /* fields of a rule the driver handles (inputs or outputs) */
#define SRC_TABLE_MAX 255   /* kernels store a source index in a byte */

struct nl_batch_plan {
    const nl_policy *p;
    uint64_t generation;     /* p->generation when the plan was made */
    const nl_rule *r;
    const kernel *k;         /* NULL: record by record */
    void *tables;            /* the kernel's; NULL when it has none */
    const char **src;        /* the sources a "source" column indexes */
    size_t nsrc;
};

/* Index of an answer's source text in the plan's list. Answers cite texts
 * of the policy, so the pointer is found; equal text is the fallback. */
static size_t src_index(const nl_batch_plan *pl, const char *s)
{
    if (s == NULL)
        return 0;
    for (size_t i = 0; i < pl->nsrc; i++)
        if (pl->src[i] == s)
            return i;
    for (size_t i = 0; i < pl->nsrc; i++)
        if (strcmp(pl->src[i], s) == 0)
            return i;
    return 0;
}

/* ============================================== 1. attraction subsidy */

/* Table layout: cell ((interval << 8 | person) * nslots + slot), where
 * person = degree << 5 | major << 3 | agency << 1 | post (shifts, not
 * products, so a vector unit computes it cheaply; 90 of the 256 values are
 * real combinations) and slot is the workplace's tier. A cell packs the
 * answer: reason (| ERR_FLAG) in bits 0-7, certainty in 8-15, in 16-23
 * the index of the amount in a short list of distinct amounts, and in
 * 24-31 the index of the source in the plan's list. */
#define ATTR_PERSON_BITS 8
/* The person index packs the enums into those 8 bits: degree 3 bits, major
 * and agency 2 each, the post 1. A new enum value must fit or widen this. */
_Static_assert(NL_DEGREE_DOCTOR < 8 && NL_MAJOR_ELECTRONICS_TELECOM < 4 && NL_AGENCY_STATE < 4,
               "the attraction person index no longer fits 8 bits");
/* Largest valid input values, as the declarations check them one by one. */
#define MAX_DEGREE ((uint32_t)NL_DEGREE_DOCTOR)
#define MAX_MAJOR ((uint32_t)NL_MAJOR_ELECTRONICS_TELECOM)
#define MAX_AGENCY ((uint32_t)NL_AGENCY_STATE)
#define MAX_ROLE ((uint32_t)NL_ROLE_TEAM_LEADER)
#define ATTR_MAX_CELLS (1u << 22)   /* 16 MiB of cells at most, else no tables */
#define ATTR_MAX_AMOUNTS 256
#define ATTR_SIMD_BREAKS 15         /* vector path: intervals by compares */
#define ATTR_SIMD_AMOUNTS 4         /* vector path: amounts by a permute */

typedef struct attr_tables {
    ivmap iv;
    uint32_t *wslot;       /* workplace code (0..32767, the kernel's int16
                              column) -> slot: 0 for a code of no unit, 1..
                              one per distinct dated behaviour (same_units) */
    uint32_t nslots;
    uint32_t *cell;
    int64_t amt[ATTR_MAX_AMOUNTS];
    size_t namt;
    bool avx2;             /* the vector loop applies */
} attr_tables;

/* The kernel's int16 workplace column holds codes 0..32767 (every GSO code
 * so far: the largest commune code is in the 32000s); a larger code (from
 * a wider column) or a negative one goes record by record. */
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

static void attr_drop(void *tables)
{
    attr_tables *t = tables;
    if (t == NULL)
        return;
    ivmap_free(&t->iv);
    free(t->cell);
    free(t->wslot);
    free(t);
}

/* Slots: codes whose units behave alike on every date share one, asked
 * about through rep[slot], its first code; slot 0 through a code of no
 * unit. Returns false on a failed allocation. */
static bool attr_slots(const nl_policy *p, attr_tables *t, int *rep)
{
    size_t *slot_first = malloc((p->nworkplaces + 1) * sizeof *slot_first);
    t->wslot = calloc(WSLOT_CODES, sizeof *t->wslot);
    if (t->wslot == NULL || slot_first == NULL) {
        free(slot_first);
        return false;
    }
    t->nslots = 1;
    rep[0] = 0;
    while (rep[0] < WSLOT_CODES && units_of(p, rep[0]) > 0)
        rep[0]++;   /* every int16 code is a unit: slot 0 is unused */
    for (size_t i = 0; i < p->nworkplaces;) {
        int code = p->workplaces[i].code;
        size_t n = units_of(p, code);
        if (code < WSLOT_CODES) {
            uint32_t sl = 1;
            while (sl < t->nslots && !same_units(p, slot_first[sl], i))
                sl++;
            if (sl == t->nslots) {
                slot_first[sl] = i;
                rep[sl] = code;
                t->nslots++;
            }
            t->wslot[code] = sl;
        }
        i += n;
    }
    free(slot_first);
    return true;
}

/* Fills every cell from nl_attraction_subsidy; false if the answers take
 * more distinct amounts than a cell can index. */
static bool attr_fill(const nl_batch_plan *pl, attr_tables *t, const int *rep)
{
    size_t niv = t->iv.nbp + 1;
    for (size_t i = 0; i < niv; i++)
        for (unsigned d = 0; d <= NL_DEGREE_DOCTOR; d++)
            for (unsigned m = 0; m <= NL_MAJOR_ELECTRONICS_TELECOM; m++)
                for (unsigned a = 0; a <= NL_AGENCY_STATE; a++)
                    for (unsigned f = 0; f < 2; f++)
                        for (uint32_t sl = 0; sl < t->nslots; sl++) {
                            nl_candidate cand = {
                                .degree = (nl_degree)d, .major = (nl_major)m,
                                .agency = (nl_agency)a, .dedicated_post = f,
                                .workplace = rep[sl] < WSLOT_CODES ? rep[sl] : 0,
                                .start = ivmap_rep(&t->iv, i)};
                            nl_subsidy r;
                            nl_status st = nl_attraction_subsidy(pl->p, &cand, &r);
                            size_t ai = 0;
                            while (ai < t->namt && t->amt[ai] != r.amount)
                                ai++;
                            if (ai == ATTR_MAX_AMOUNTS)
                                return false;
                            if (ai == t->namt)
                                t->amt[t->namt++] = r.amount;
                            size_t person = d << 5 | m << 3 | a << 1 | f;
                            t->cell[((i << ATTR_PERSON_BITS) | person) * t->nslots + sl] =
                                (st == NL_OK ? (uint32_t)r.reason : ERR_FLAG) |
                                (uint32_t)r.certainty << 8 | (uint32_t)ai << 16 |
                                (uint32_t)src_index(pl, r.source) << 24;
                        }
    return true;
}

static bool attr_build(const nl_batch_plan *pl, void **tables, nl_status *err)
{
    const nl_policy *p = pl->p;
    attr_tables *t = calloc(1, sizeof *t);
    int *rep = malloc((p->nworkplaces + 1) * sizeof *rep);
    bool ok = false;
    *err = NL_ENOMEM;
    if (t == NULL || rep == NULL)
        goto done;
    if ((*err = ivmap_build(p, &t->iv)) != NL_OK)
        goto done;
    *err = NL_ENOMEM;
    if (!attr_slots(p, t, rep))
        goto done;
    size_t niv = t->iv.nbp + 1;
    *err = NL_OK;
    if (niv > ATTR_MAX_CELLS / (t->nslots << ATTR_PERSON_BITS))
        goto done;   /* too large: record by record */
    size_t cells = (niv << ATTR_PERSON_BITS) * t->nslots;
    if ((t->cell = malloc(cells * sizeof *t->cell)) == NULL) {
        *err = NL_ENOMEM;
        goto done;
    }
    for (size_t x = 0; x < cells; x++)
        t->cell[x] = ERR_FLAG;   /* not a real combination: never read */
    if (!attr_fill(pl, t, rep))
        goto done;
#ifdef NL_BATCH_AVX2
    t->avx2 = __builtin_cpu_supports("avx2") && t->iv.nbp <= ATTR_SIMD_BREAKS &&
              t->namt <= ATTR_SIMD_AMOUNTS;
#endif
    ok = true;
done:
    free(rep);
    if (ok)
        *tables = t;
    else
        attr_drop(t);
    return ok;
}

/* The kernel's columns, in this order. */
enum { AI_DEGREE, AI_MAJOR, AI_AGENCY, AI_POST, AI_WORKPLACE, AI_START };
enum { AO_AMOUNT, AO_REASON, AO_CERTAINTY, AO_SOURCE };

/* The portable loop, over records [b, e). */
static uint32_t attr_block_scalar(const attr_tables *t, const void *const *in,
                                  void *const *out, size_t b, size_t e)
{
    const uint8_t *restrict deg = in[AI_DEGREE], *restrict maj = in[AI_MAJOR],
                            *restrict agy = in[AI_AGENCY], *restrict ded = in[AI_POST];
    const int16_t *restrict wp = in[AI_WORKPLACE];
    const nl_date *restrict start = in[AI_START];
    int64_t *restrict amount = out[AO_AMOUNT];
    uint8_t *restrict reason = out[AO_REASON], *restrict cert = out[AO_CERTAINTY],
                      *restrict src = out[AO_SOURCE];
    const uint32_t *restrict cell = t->cell, *restrict wslot = t->wslot;
    const int64_t *restrict amt = t->amt;
    const size_t ns = t->nslots;
    uint32_t bad = 0;
    for (size_t k = b; k < e; k++) {
        uint32_t d = deg[k], m = maj[k], a = agy[k], f = ded[k];
        uint32_t w = (uint16_t)wp[k];
        nl_date s = start[k];
        bad |= (d > MAX_DEGREE) | (m > MAX_MAJOR) | (a > MAX_AGENCY) | (f > 1) |
               (w >= WSLOT_CODES) | date_bad(s);
        /* Masked so that a bad record still reads a cell in range. */
        size_t person = (d << 5 | m << 3 | a << 1 | f) & 0xff;
        uint32_t v = cell[(ivmap_of(&t->iv, s) << ATTR_PERSON_BITS | person) * ns +
                          wslot[w & (WSLOT_CODES - 1)]];
        bad |= v >> 7 & 1;
        amount[k] = amt[v >> 16 & 0xff];
        reason[k] = (uint8_t)v;
        cert[k] = (uint8_t)(v >> 8);
        src[k] = (uint8_t)(v >> 24);
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
__attribute__((target("avx2"))) static uint32_t attr_block_avx2(const attr_tables *t,
                                                                 const void *const *in,
                                                                 void *const *out, size_t n)
{
    const __m256i zero = _mm256_setzero_si256(), ones = _mm256_set1_epi32(-1);
    const __m256i cdeg = _mm256_set1_epi32((int)MAX_DEGREE), cmaj = _mm256_set1_epi32((int)MAX_MAJOR),
                  cagy = _mm256_set1_epi32((int)MAX_AGENCY),
                  c1 = _mm256_set1_epi32(1),
                  cwmax = _mm256_set1_epi32(WSLOT_CODES - 1), low8 = _mm256_set1_epi32(0xff),
                  err = _mm256_set1_epi32(ERR_FLAG), ns = _mm256_set1_epi32((int)t->nslots),
                  dmin = _mm256_set1_epi32(NL_DATE_MIN), dmax = _mm256_set1_epi32(NL_DATE_MAX);
    __m256i before[ATTR_SIMD_BREAKS];   /* s >= bp[j]  <=>  s > bp[j] - 1 */
    const size_t nbp = t->iv.nbp;
    for (size_t j = 0; j < nbp; j++)
        before[j] = _mm256_set1_epi32(t->iv.bp[j] - 1);
    int64_t list4[4] = {0, 0, 0, 0};
    memcpy(list4, t->amt, t->namt * sizeof *list4);
    const __m256i list = _mm256_loadu_si256((const __m256i *)list4);
    const int *cell = (const int *)t->cell, *wslot = (const int *)t->wslot;
    const uint8_t *deg = in[AI_DEGREE], *maj = in[AI_MAJOR], *agy = in[AI_AGENCY],
                  *ded = in[AI_POST];
    const int16_t *wp = in[AI_WORKPLACE];
    const nl_date *start = in[AI_START];
    int64_t *amount = out[AO_AMOUNT];
    uint8_t *reason = out[AO_REASON], *cert = out[AO_CERTAINTY], *src = out[AO_SOURCE];
    __m256i acc = zero;
    size_t k = 0;
    for (; k + 8 <= n; k += 8) {
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
        store_bytes8(cert + k, _mm256_and_si256(_mm256_srli_epi32(v, 8), low8));
        store_bytes8(src + k, _mm256_srli_epi32(v, 24));
        __m256i ai = _mm256_and_si256(_mm256_srli_epi32(v, 16), low8);
        _mm256_storeu_si256((__m256i *)(amount + k),
                            pick_amounts(list, _mm256_cvtepu32_epi64(_mm256_castsi256_si128(ai))));
        _mm256_storeu_si256((__m256i *)(amount + k + 4),
                            pick_amounts(list, _mm256_cvtepu32_epi64(
                                                   _mm256_extracti128_si256(ai, 1))));
    }
    return (uint32_t)!_mm256_testz_si256(acc, acc) | attr_block_scalar(t, in, out, k, n);
}
#endif

static uint32_t attr_block(const void *tables, const void *const *in, void *const *out, size_t n)
{
    const attr_tables *t = tables;
#ifdef NL_BATCH_AVX2
    if (t->avx2)
        return attr_block_avx2(t, in, out, n);
#endif
    return attr_block_scalar(t, in, out, 0, n);
}

static const kernel attraction = {
    &nl__rule_attraction, 6, 4,
    {"degree", "major", "agency", "dedicated_post", "workplace", "start"},
    {NL_COLUMN_U8, NL_COLUMN_U8, NL_COLUMN_U8, NL_COLUMN_U8, NL_COLUMN_I16, NL_COLUMN_I32},
    {"amount", "reason", "certainty", "source"},
    {NL_COLUMN_I64, NL_COLUMN_U8, NL_COLUMN_U8, NL_COLUMN_U8},
    attr_build, attr_drop, attr_block};

/* ============================================== 2. expert salary cap */

typedef struct expert_cell {
    int64_t monthly, weekly, daily, special;
    uint8_t level, reason, certainty, monthly_certainty, source;   /* reason | ERR_FLAG */
} expert_cell;

#define EXPERT_MAX_CELLS (1u << 20)   /* 40 MiB of cells at most, else no tables */
static const nl_pid expert_scale_pid[2] = {NL_P_EXPERT_LEVELS_BACHELOR,
                                           NL_P_EXPERT_LEVELS_MASTER};

typedef struct expert_tables {
    ivmap iv;
    double *thr;          /* sorted distinct experience thresholds */
    size_t nthr;
    expert_cell *cell;    /* [interval][degree 5][role 3][band nthr + 1] */
} expert_tables;

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

static void expert_drop(void *tables)
{
    expert_tables *t = tables;
    if (t == NULL)
        return;
    ivmap_free(&t->iv);
    free(t->thr);
    free(t->cell);
    free(t);
}

/* Experience bands: cut at every step any value of the experience scales
 * has. */
static bool expert_bands(const nl_policy *p, expert_tables *t)
{
    size_t total = 0;
    for (int i = 0; i < 2; i++)
        if (p->known[expert_scale_pid[i]] != NL_PARAM_ABSENT) {
            const nl_param_i *prm = &p->params[p->known[expert_scale_pid[i]]];
            for (size_t j = 0; j < prm->n; j++)
                total += (size_t)prm->v[j].value;
        }
    t->thr = malloc((total ? total : 1) * sizeof *t->thr);
    if (t->thr == NULL)
        return false;
    for (int i = 0; i < 2; i++) {
        if (p->known[expert_scale_pid[i]] == NL_PARAM_ABSENT)
            continue;
        const nl_param_i *prm = &p->params[p->known[expert_scale_pid[i]]];
        for (size_t j = 0; j < prm->n; j++)
            for (int64_t k = 0; k < prm->v[j].value; k++)
                t->thr[t->nthr++] = (double)prm->v[j].e[k].at;
    }
    qsort(t->thr, t->nthr, sizeof *t->thr, cmp_double);
    size_t u = 0;
    for (size_t i = 0; i < t->nthr; i++)
        if (u == 0 || t->thr[i] != t->thr[u - 1])
            t->thr[u++] = t->thr[i];
    t->nthr = u;
    return true;
}

static bool expert_build(const nl_batch_plan *pl, void **tables, nl_status *err)
{
    const nl_policy *p = pl->p;
    expert_tables *t = calloc(1, sizeof *t);
    *err = NL_ENOMEM;
    if (t == NULL)
        return false;
    if ((*err = ivmap_build(p, &t->iv)) != NL_OK || (*err = NL_ENOMEM, !expert_bands(p, t))) {
        expert_drop(t);
        return false;
    }
    *err = NL_OK;
    size_t niv = t->iv.nbp + 1, nb = t->nthr + 1;
    if (niv > EXPERT_MAX_CELLS / (15 * nb) ||
        (t->cell = malloc(niv * 5 * 3 * nb * sizeof *t->cell)) == NULL) {
        if (niv <= EXPERT_MAX_CELLS / (15 * nb))
            *err = NL_ENOMEM;
        expert_drop(t);
        return false;
    }
    expert_cell *x = t->cell;
    for (size_t i = 0; i < niv; i++)
        for (unsigned d = 0; d <= NL_DEGREE_DOCTOR; d++)
            for (unsigned r = 0; r <= NL_ROLE_TEAM_LEADER; r++)
                for (size_t band = 0; band < nb; band++, x++) {
                    nl_expert e = {.degree = (nl_degree)d, .role = (nl_role)r,
                                   .experience_years = band ? t->thr[band - 1] : 0.0,
                                   .on = ivmap_rep(&t->iv, i)};
                    nl_expert_cap cap;
                    nl_status st = nl_expert_salary_cap(p, &e, &cap);
                    *x = (expert_cell){.monthly = cap.monthly, .weekly = cap.weekly,
                                       .daily = cap.daily, .special = cap.special_monthly,
                                       .level = (uint8_t)cap.level,
                                       .reason = (uint8_t)(st == NL_OK ? cap.reason : ERR_FLAG),
                                       .certainty = (uint8_t)cap.certainty,
                                       .monthly_certainty = (uint8_t)cap.monthly_certainty,
                                       .source = (uint8_t)src_index(pl, cap.source)};
                }
    *tables = t;
    return true;
}

enum { EI_DEGREE, EI_YEARS, EI_ROLE, EI_ON };
enum { EO_LEVEL, EO_MONTHLY, EO_WEEKLY, EO_DAILY, EO_SPECIAL, EO_REASON, EO_CERTAINTY,
       EO_MONTHLY_CERTAINTY, EO_SOURCE };

static uint32_t expert_block(const void *tables, const void *const *in, void *const *out,
                             size_t n)
{
    const expert_tables *t = tables;
    const uint8_t *restrict deg = in[EI_DEGREE], *restrict role = in[EI_ROLE];
    const double *restrict years = in[EI_YEARS];
    const nl_date *restrict on = in[EI_ON];
    uint8_t *restrict level = out[EO_LEVEL], *restrict reason = out[EO_REASON],
                      *restrict cert = out[EO_CERTAINTY],
                      *restrict mcert = out[EO_MONTHLY_CERTAINTY], *restrict src = out[EO_SOURCE];
    int64_t *restrict monthly = out[EO_MONTHLY], *restrict weekly = out[EO_WEEKLY],
                      *restrict daily = out[EO_DAILY], *restrict special = out[EO_SPECIAL];
    const expert_cell *restrict cell = t->cell;
    const double *restrict thr = t->thr;
    const size_t nthr = t->nthr, nb = nthr + 1, per_iv = 15 * nb;
    uint32_t bad = 0;
    for (size_t k = 0; k < n; k++) {
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
        const expert_cell *x = &cell[ivmap_of(&t->iv, s) * per_iv + (d * 3 + r) * nb + band];
        bad |= x->reason >> 7;
        level[k] = x->level;
        monthly[k] = x->monthly;
        weekly[k] = x->weekly;
        daily[k] = x->daily;
        special[k] = x->special;
        reason[k] = x->reason;
        cert[k] = x->certainty;
        mcert[k] = x->monthly_certainty;
        src[k] = x->source;
    }
    return bad;
}

static const kernel expert = {
    &nl__rule_expert, 4, 9,
    {"degree", "experience_years", "role", "on"},
    {NL_COLUMN_U8, NL_COLUMN_F64, NL_COLUMN_U8, NL_COLUMN_I32},
    {"level", "monthly", "weekly", "daily", "special_monthly", "reason", "certainty",
     "monthly_certainty", "source"},
    {NL_COLUMN_U8, NL_COLUMN_I64, NL_COLUMN_I64, NL_COLUMN_I64, NL_COLUMN_I64, NL_COLUMN_U8,
     NL_COLUMN_U8, NL_COLUMN_U8, NL_COLUMN_U8},
    expert_build, expert_drop, expert_block};

/* ============================================== 3. training support */

typedef struct training_tables {
    ivmap iv;
    /* [interval][dedicated 2][short 2]: the decision with no money claimed
     * (reason | ERR_FLAG, certainty, source): the money changes neither */
    uint8_t *decision, *decision_cert, *decision_src;
    nl_training_rates *rates;    /* [interval], used where the answer is OK */
} training_tables;

static void training_drop(void *tables)
{
    training_tables *t = tables;
    if (t == NULL)
        return;
    ivmap_free(&t->iv);
    free(t->decision);
    free(t->decision_cert);
    free(t->decision_src);
    free(t->rates);
    free(t);
}

static bool training_build(const nl_batch_plan *pl, void **tables, nl_status *err)
{
    const nl_policy *p = pl->p;
    training_tables *t = calloc(1, sizeof *t);
    *err = NL_ENOMEM;
    if (t == NULL)
        return false;
    if ((*err = ivmap_build(p, &t->iv)) != NL_OK) {
        training_drop(t);
        return false;
    }
    size_t niv = t->iv.nbp + 1;
    t->decision = malloc(niv * 4);
    t->decision_cert = malloc(niv * 4);
    t->decision_src = malloc(niv * 4);
    t->rates = malloc(niv * sizeof *t->rates);
    if (!t->decision || !t->decision_cert || !t->decision_src || !t->rates) {
        *err = NL_ENOMEM;
        training_drop(t);
        return false;
    }
    for (size_t i = 0; i < niv; i++) {
        nl_date on = ivmap_rep(&t->iv, i);
        nl_use use[4];   /* a rate not in force stays 0: the decision below says so */
        t->rates[i] = (nl_training_rates){{0}};
        (void)nl__training_rates_on(p, on, &t->rates[i], use);
        for (unsigned x = 0; x < 4; x++) {
            nl_training tr = {.dedicated_official = x >> 1, .short_concentrated = x & 1,
                              .days = 1, .start = on};
            nl_training_result r;
            nl_status st = nl_training_support(p, &tr, &r);
            t->decision[i * 4 + x] = (uint8_t)(st == NL_OK ? r.reason : ERR_FLAG);
            t->decision_cert[i * 4 + x] = (uint8_t)r.certainty;
            t->decision_src[i * 4 + x] = (uint8_t)src_index(pl, r.source);
        }
    }
    *err = NL_OK;
    *tables = t;
    return true;
}

enum { TI_DEDICATED, TI_SHORT, TI_TUITION, TI_MATERIALS, TI_MEALS, TI_TRAVEL, TI_DAYS,
       TI_START };
enum { TO_TUITION, TO_MATERIALS, TO_MEALS, TO_TRAVEL, TO_TOTAL, TO_REASON, TO_CERTAINTY,
       TO_SOURCE };

static uint32_t training_block(const void *tables, const void *const *in, void *const *out,
                               size_t n)
{
    const training_tables *t = tables;
    const uint8_t *restrict ded = in[TI_DEDICATED], *restrict sho = in[TI_SHORT];
    const int64_t *restrict tuition = in[TI_TUITION], *restrict materials = in[TI_MATERIALS],
                            *restrict meals = in[TI_MEALS], *restrict travel = in[TI_TRAVEL];
    const int32_t *restrict days = in[TI_DAYS];
    const nl_date *restrict start = in[TI_START];
    int64_t *restrict paid0 = out[TO_TUITION], *restrict paid1 = out[TO_MATERIALS],
                      *restrict paid2 = out[TO_MEALS], *restrict paid3 = out[TO_TRAVEL],
                      *restrict total = out[TO_TOTAL];
    uint8_t *restrict reason = out[TO_REASON], *restrict cert = out[TO_CERTAINTY],
                      *restrict src = out[TO_SOURCE];
    uint32_t bad = 0;
    for (size_t k = 0; k < n; k++) {
        uint32_t f1 = ded[k], f2 = sho[k];
        int64_t tu = tuition[k], ma = materials[k], me = meals[k], tr = travel[k];
        int32_t dy = days[k];
        nl_date s = start[k];
        uint32_t bad_in = (f1 > 1) | (f2 > 1) | ((tu | ma | me | tr) < 0) | (dy < 1) |
                          date_bad(s);
        size_t iv = ivmap_of(&t->iv, s), x = iv * 4 + (f1 & 1) * 2 + (f2 & 1);
        uint8_t r = t->decision[x];
        int64_t paid[5] = {0, 0, 0, 0, 0};
        if (r == NL_REASON_OK && !bad_in &&
            !nl__training_pay(&t->rates[iv], tu, ma, me, tr, dy, paid))
            bad_in = 1;   /* NL_ERANGE */
        bad |= bad_in | (uint32_t)(r >> 7);
        paid0[k] = paid[0];
        paid1[k] = paid[1];
        paid2[k] = paid[2];
        paid3[k] = paid[3];
        total[k] = paid[4];
        reason[k] = r;
        cert[k] = t->decision_cert[x];
        src[k] = t->decision_src[x];
    }
    return bad;
}

static const kernel training = {
    &nl__rule_training, 8, 8,
    {"dedicated_official", "short_concentrated", "tuition", "materials", "meals", "travel",
     "days", "start"},
    {NL_COLUMN_U8, NL_COLUMN_U8, NL_COLUMN_I64, NL_COLUMN_I64, NL_COLUMN_I64, NL_COLUMN_I64,
     NL_COLUMN_I32, NL_COLUMN_I32},
    {"tuition", "materials", "meals", "travel", "total", "reason", "certainty", "source"},
    {NL_COLUMN_I64, NL_COLUMN_I64, NL_COLUMN_I64, NL_COLUMN_I64, NL_COLUMN_I64, NL_COLUMN_U8,
     NL_COLUMN_U8, NL_COLUMN_U8},
    training_build, training_drop, training_block};

static const kernel *const kernels[] = {&attraction, &expert, &training};

/* ================================================================ plans */

static nl_status plan_make(const nl_policy *p, const nl_rule *r, bool tables,
                           nl_batch_plan **out)
{
    if (out)
        *out = NULL;
    if (p == NULL || r == NULL || out == NULL)
        return NL_EINVAL;
    nl_batch_plan *pl = calloc(1, sizeof *pl);
    if (pl == NULL)
        return NL_ENOMEM;
    pl->p = p;
    pl->generation = p->generation;
    pl->r = r;
    size_t nabsent = 0;
    for (size_t i = 0; i < NL_P_KNOWN_COUNT; i++)
        nabsent += p->absent[i] != NULL;
    pl->src = malloc((p->nsources + 1 + nabsent) * sizeof *pl->src);
    if (pl->src == NULL) {
        free(pl);
        return NL_ENOMEM;
    }
    for (size_t i = 0; i < p->nsources; i++)
        pl->src[pl->nsrc++] = p->sources[i].citation;
    pl->src[pl->nsrc++] = nl__source_text(p, NL_SOURCE_USER);
    for (size_t i = 0; i < NL_P_KNOWN_COUNT; i++)
        if (p->absent[i] != NULL)
            pl->src[pl->nsrc++] = p->absent[i];
    for (size_t i = 0; i < sizeof kernels / sizeof kernels[0]; i++)
        if (kernels[i]->rule == r)
            pl->k = kernels[i];
    nl_status s = NL_OK;
    if (tables && pl->k && pl->nsrc <= SRC_TABLE_MAX && !pl->k->build(pl, &pl->tables, &s) &&
        s != NL_OK) {
        nl_batch_plan_free(pl);
        return s;
    }
    *out = pl;
    return NL_OK;
}

nl_status nl_batch_plan_create(const nl_policy *p, const nl_rule *r, nl_batch_plan **out)
{
    return plan_make(p, r, true, out);
}

void nl_batch_plan_free(nl_batch_plan *pl)
{
    if (pl == NULL)
        return;
    if (pl->k && pl->tables)
        pl->k->drop(pl->tables);
    free(pl->src);
    free(pl);
}

const nl_rule *nl_batch_plan_rule(const nl_batch_plan *pl) { return pl ? pl->r : NULL; }

size_t nl_batch_plan_source_count(const nl_batch_plan *pl) { return pl ? pl->nsrc : 0; }

const char *nl_batch_plan_source(const nl_batch_plan *pl, size_t i)
{
    return pl && i < pl->nsrc ? pl->src[i] : NULL;
}

/* ================================================================= runs */

typedef struct colref {
    unsigned char *at;       /* NULL: not given */
    ptrdiff_t stride;
    nl_column_type type;
} colref;

typedef struct runctx {
    const nl_batch_plan *pl;
    const nl_rule *r;
    size_t nin, nout;                /* the rule's */
    colref in[FMAX], out[FMAX];      /* by the rule's field index */
    bool kernel;                     /* the kernel answers this run */
    size_t kin[KMAX];                /* kernel input -> rule input */
    ptrdiff_t kout[KMAX];            /* kernel output -> rule output, or -1 */
    size_t extra[FMAX], nextra;      /* given inputs the kernel does not read */
    ptrdiff_t eligible;              /* rule output "eligible", from the reason */
    size_t kreason;                  /* kernel output of the reason */
    _Alignas(32) unsigned char dflt[KMAX][BLOCK * 8];   /* inputs left out */
} runctx;

static inline unsigned char *elem(const colref *c, size_t k)
{
    return c->at + (ptrdiff_t)k * c->stride;
}

/* One record through nl_rule_eval, its answer written to the columns. */
static nl_status run_one(const runctx *c, size_t k, nl_error *err)
{
    nl_value in[FMAX], out[FMAX];
    for (size_t f = 0; f < c->nin; f++) {
        const nl_field_info *fi = nl_rule_input(c->r, f);
        if (c->in[f].at == NULL)
            in[f] = fi->default_value;
        else if (fi->type == NL_FIELD_YEARS)
            in[f].f = col_get_f(elem(&c->in[f], k), c->in[f].type);
        else
            in[f].i = col_get_i(elem(&c->in[f], k), c->in[f].type);
    }
    nl_status s = nl_rule_eval(c->pl->p, c->r, in, c->nin, out, c->nout, err);
    for (size_t g = 0; g < c->nout; g++) {
        if (c->out[g].at == NULL)
            continue;
        const nl_field_info *fi = nl_rule_output(c->r, g);
        unsigned char *at = elem(&c->out[g], k);
        if (fi->type == NL_FIELD_TEXT)
            col_put_i(at, c->out[g].type, s == NL_OK ? (int64_t)src_index(c->pl, out[g].s) : 0);
        else if (fi->type == NL_FIELD_YEARS)
            memcpy(at, &out[g].f, 8);
        else
            col_put_i(at, c->out[g].type, out[g].i);
    }
    return s;
}

/* Copies n elements of a column into a contiguous buffer of type kt; false
 * when one does not fit it (that record then goes through run_one). */
static bool gather(const colref *c, size_t b, size_t n, nl_column_type kt, unsigned char *dst)
{
    bool fits = true;
    for (size_t k = 0; k < n; k++) {
        const unsigned char *at = elem(c, b + k);
        if (kt == NL_COLUMN_F64) {
            double v = col_get_f(at, c->type);
            memcpy(dst + k * 8, &v, 8);
            continue;
        }
        int64_t v = col_get_i(at, c->type);
        fits &= v >= col_min[kt] && v <= col_max[kt];
        col_put_i(dst + k * col_size[kt], kt, v);
    }
    return fits;
}

/* Whether a given input the kernel does not read is valid in records
 * [b, b + n): its declared range, the check nl_rule_eval makes. */
static bool extra_ok(const runctx *c, size_t f, size_t b, size_t n)
{
    const nl_field_info *fi = nl_rule_input(c->r, f);
    for (size_t k = b; k < b + n; k++) {
        if (fi->type == NL_FIELD_YEARS) {
            double y = col_get_f(elem(&c->in[f], k), c->in[f].type);
            if (!(y >= (double)fi->min) || y > DBL_MAX || (fi->max >= fi->min && y > (double)fi->max))
                return false;
        } else {
            int64_t v = col_get_i(elem(&c->in[f], k), c->in[f].type);
            if (v < fi->min || v > fi->max)
                return false;
        }
    }
    return true;
}

typedef unsigned char scratch[KMAX][BLOCK * 8];

/* Records [b, b + n) through the kernel; false when the block must go
 * record by record (a value the kernel's columns cannot hold, or a record
 * that may be bad). */
static bool kernel_block(const runctx *c, size_t b, size_t n, scratch sin, scratch sout)
{
    const kernel *K = c->pl->k;
    const void *in[KMAX];
    void *out[KMAX];
    for (size_t i = 0; i < K->nin; i++) {
        const colref *cr = &c->in[c->kin[i]];
        nl_column_type kt = K->in_type[i];
        if (cr->at == NULL)
            in[i] = c->dflt[i];
        else if (cr->type == kt && cr->stride == col_size[kt])
            in[i] = elem(cr, b);
        else if (gather(cr, b, n, kt, sin[i]))
            in[i] = sin[i];
        else
            return false;
    }
    for (size_t i = 0; i < c->nextra; i++)
        if (!extra_ok(c, c->extra[i], b, n))
            return false;
    for (size_t j = 0; j < K->nout; j++) {
        const colref *cr = c->kout[j] >= 0 ? &c->out[c->kout[j]] : NULL;
        bool direct = cr && cr->at && cr->type == K->out_type[j] &&
                      cr->stride == col_size[K->out_type[j]];
        out[j] = direct ? elem(cr, b) : sout[j];
    }
    if (K->block(c->pl->tables, in, out, n))
        return false;
    for (size_t j = 0; j < K->nout; j++) {
        const colref *cr = c->kout[j] >= 0 ? &c->out[c->kout[j]] : NULL;
        if (cr == NULL || cr->at == NULL || out[j] != sout[j])
            continue;
        for (size_t k = 0; k < n; k++)
            col_put_i(elem(cr, b + k), cr->type,
                      col_get_i(sout[j] + k * col_size[K->out_type[j]], K->out_type[j]));
    }
    if (c->eligible >= 0) {
        const uint8_t *reason = out[c->kreason];
        const colref *el = &c->out[c->eligible];
        if (el->type == NL_COLUMN_U8 && el->stride == 1) {
            /* The usual column (a numpy bool, a C bool array): a loop the
             * compiler vectorises, not a type switch per record. */
            uint8_t *dst = elem(el, b);
            for (size_t k = 0; k < n; k++)
                dst[k] = reason[k] == NL_REASON_OK;
        } else {
            for (size_t k = 0; k < n; k++)
                col_put_i(elem(el, b + k), el->type, reason[k] == NL_REASON_OK);
        }
    }
    return true;
}

/* A thread's slice, block by block; the index of its first bad record. */
static size_t run_slice(const void *arg, size_t begin, size_t end)
{
    const runctx *c = arg;
    _Alignas(32) scratch sin, sout;
    for (size_t b = begin; b < end; b += BLOCK) {
        size_t e = b + BLOCK < end ? b + BLOCK : end;
        if (c->kernel && LIKELY(kernel_block(c, b, e - b, sin, sout)))
            continue;
        for (size_t k = b; k < e; k++)
            if (run_one(c, k, NULL) != NL_OK)
                return k;
    }
    return NONE;
}

/* Zeroes the output columns that can be written. */
static void zero_columns(const nl_column *out, size_t nout, size_t n)
{
    for (size_t g = 0; out && g < nout; g++) {
        if (out[g].data == NULL || out[g].stride == 0 || (unsigned)out[g].type >= NL_COLUMN_TYPE_COUNT)
            continue;
        for (size_t k = 0; k < n; k++)
            memset((unsigned char *)out[g].data + (ptrdiff_t)k * out[g].stride, 0,
                   col_size[out[g].type]);
    }
}

/* Checks the columns and fills c->in / c->out. */
static nl_status bind_columns(runctx *c, const nl_column *in, size_t nin, const nl_column *out,
                              size_t nout, nl_error *err)
{
    const nl_rule *r = c->r;
    for (size_t i = 0; i < nin; i++) {
        const nl_column *col = &in[i];
        const char *name = col->name ? col->name : "";
        ptrdiff_t f = nl_rule_input_index(r, col->name);
        if (f < 0)
            return nl__refuse(err, NL_EINVAL, name, "no input of %s is called so", r->name);
        if (c->in[f].at)
            return nl__refuse(err, NL_EINVAL, name, "column given twice");
        if ((unsigned)col->type >= NL_COLUMN_TYPE_COUNT || col->data == NULL)
            return nl__refuse(err, NL_EINVAL, name, "no data, or a column type that does not exist");
        const nl_field_info *fi = nl_rule_input(r, (size_t)f);
        if (col->type == NL_COLUMN_F64 && fi->type != NL_FIELD_YEARS)
            return nl__refuse(err, NL_EINVAL, name, "%s needs an integer column", nl_field_type_name(fi->type));
        c->in[f] = (colref){(unsigned char *)col->data, col->stride, col->type};
    }
    for (size_t f = 0; f < c->nin; f++)
        if (c->in[f].at == NULL && !nl_rule_input(r, f)->optional)
            return nl__refuse(err, NL_EINVAL, nl_rule_input(r, f)->name, "missing column (required)");
    for (size_t g = 0; g < nout; g++) {
        const nl_column *col = &out[g];
        const char *name = col->name ? col->name : "";
        ptrdiff_t o = nl_rule_output_index(r, col->name);
        if (o < 0)
            return nl__refuse(err, NL_EINVAL, name, "no output of %s is called so", r->name);
        if (c->out[o].at)
            return nl__refuse(err, NL_EINVAL, name, "column given twice");
        if ((unsigned)col->type >= NL_COLUMN_TYPE_COUNT || col->data == NULL)
            return nl__refuse(err, NL_EINVAL, name, "no data, or a column type that does not exist");
        if (col->stride == 0)
            return nl__refuse(err, NL_EINVAL, name, "an output needs a stride of one element or more");
        const nl_field_info *fi = nl_rule_output(r, (size_t)o);
        bool fits = fi->type == NL_FIELD_TEXT
                        ? col_holds(col->type, 0, (int64_t)c->pl->nsrc - 1)
                    : fi->type == NL_FIELD_YEARS ? col->type == NL_COLUMN_F64
                    : fi->type == NL_FIELD_MONEY ? col->type == NL_COLUMN_I64
                                                 : col_holds(col->type, fi->min, fi->max);
        if (!fits)
            return nl__refuse(err, NL_EINVAL, name, "a %s column cannot hold every %s value",
                          (const char *[]){"uint8", "int8", "int16", "int32", "int64",
                                           "float64"}[col->type],
                          nl_field_type_name(fi->type));
        c->out[o] = (colref){(unsigned char *)col->data, col->stride, col->type};
    }
    return NL_OK;
}

/* Whether the kernel answers every output asked for; maps its columns. */
static bool bind_kernel(runctx *c)
{
    const kernel *K = c->pl->k;
    if (K == NULL || c->pl->tables == NULL)
        return false;
    bool read[FMAX] = {false};
    for (size_t i = 0; i < K->nin; i++) {
        c->kin[i] = (size_t)nl_rule_input_index(c->r, K->in[i]);
        read[c->kin[i]] = true;
        const nl_field_info *fi = nl_rule_input(c->r, c->kin[i]);
        nl_value d = fi->default_value;
        for (size_t k = 0; k < BLOCK; k++) {
            if (K->in_type[i] == NL_COLUMN_F64)
                memcpy(c->dflt[i] + k * 8, &d.f, 8);
            else
                col_put_i(c->dflt[i] + k * col_size[K->in_type[i]], K->in_type[i], d.i);
        }
    }
    for (size_t f = 0; f < c->nin; f++)
        if (!read[f] && c->in[f].at)
            c->extra[c->nextra++] = f;
    bool made[FMAX] = {false};
    for (size_t j = 0; j < K->nout; j++) {
        c->kout[j] = nl_rule_output_index(c->r, K->out[j]);
        if (c->kout[j] >= 0)
            made[c->kout[j]] = true;
        if (strcmp(K->out[j], "reason") == 0)
            c->kreason = j;
    }
    c->eligible = nl_rule_output_index(c->r, "eligible");
    if (c->eligible >= 0) {
        made[c->eligible] = true;
        if (c->out[c->eligible].at == NULL)
            c->eligible = -1;
    }
    for (size_t g = 0; g < c->nout; g++)
        if (c->out[g].at && !made[g])
            return false;
    return true;
}

nl_status nl_batch_run(const nl_batch_plan *pl, size_t n, const nl_column *in, size_t nin,
                       const nl_column *out, size_t nout, int threads, size_t *bad_index,
                       nl_error *err)
{
    if (bad_index)
        *bad_index = NONE;
    if (err)
        memset(err, 0, sizeof *err);
    nl_status s = NL_EINVAL;
    runctx *c = NULL;
    if (pl == NULL || (in == NULL && nin > 0) || (out == NULL && nout > 0)) {
        nl__refuse(err, s, "", "no plan, or no column array");
        goto fail;
    }
    if (threads < 0) {
        nl__refuse(err, s, "threads", "%d is negative", threads);
        goto fail;
    }
    if (pl->generation != pl->p->generation) {
        nl__refuse(err, s, "policy", "the policy changed after the plan was made: make a new plan");
        goto fail;
    }
    if (pl->r->ninputs > FMAX || pl->r->noutputs > FMAX || (c = calloc(1, sizeof *c)) == NULL) {
        s = NL_ENOMEM;
        nl__refuse(err, s, "", "out of memory");
        goto fail;
    }
    c->pl = pl;
    c->r = pl->r;
    c->nin = pl->r->ninputs;
    c->nout = pl->r->noutputs;
    if ((s = bind_columns(c, in, nin, out, nout, err)) != NL_OK)
        goto fail;
    if (n == 0) {
        free(c);
        return NL_OK;
    }
    c->kernel = bind_kernel(c);
    size_t bad = run_range(run_slice, c, n, threads);
    if (bad == NONE) {
        free(c);
        return NL_OK;
    }
    s = run_one(c, bad, err);
    if (err) {
        char msg[sizeof err->message + 32];
        snprintf(msg, sizeof msg, "record %zu: %s", bad, err->message);
        memcpy(err->message, msg, sizeof err->message - 1);   /* cut if need be */
        err->message[sizeof err->message - 1] = '\0';
    }
    if (bad_index)
        *bad_index = bad;
fail:
    free(c);
    zero_columns(out, nout, n);
    return s;
}

/* ============================================ the typed batch functions */

/* Checks the common arguments of a typed batch function; on failure zeroes
 * the outputs given. */
static bool arguments_ok(bool all_there, int threads, size_t n, const nl_column *outs,
                         size_t nouts, size_t *bad_index)
{
    if (bad_index)
        *bad_index = NONE;
    if (all_there && threads >= 0)
        return true;
    zero_columns(outs, nouts, n);
    return false;
}

/* One plan, one run: small batches are answered record by record, which
 * costs less than filling tables. */
static nl_status typed_run(const nl_policy *p, const nl_rule *r, size_t n, const nl_column *in,
                           size_t nin, const nl_column *out, size_t nout, int threads,
                           size_t *bad_index)
{
    if (n == 0)
        return NL_OK;
    nl_batch_plan *pl;
    nl_status s = plan_make(p, r, n >= DIRECT_MAX, &pl);
    if (s != NL_OK) {
        zero_columns(out, nout, n);
        return s;
    }
    s = nl_batch_run(pl, n, in, nin, out, nout, threads, bad_index, NULL);
    nl_batch_plan_free(pl);
    return s;
}

/* The output columns of a typed function, leaving out a NULL certainty. */
static size_t outputs_given(nl_column *out, size_t nout)
{
    size_t k = 0;
    for (size_t i = 0; i < nout; i++)
        if (out[i].data != NULL)
            out[k++] = out[i];
    return k;
}

#define U8 NL_COLUMN_U8
#define I16 NL_COLUMN_I16
#define I32 NL_COLUMN_I32
#define I64 NL_COLUMN_I64
#define F64 NL_COLUMN_F64

nl_status nl_attraction_subsidy_batch(const nl_policy *p, size_t n, const uint8_t *degree,
                                      const uint8_t *major, const uint8_t *agency,
                                      const uint8_t *dedicated_post, const int16_t *workplace,
                                      const nl_date *start, int64_t *amount, uint8_t *reason,
                                      uint8_t *certainty, int threads, size_t *bad_index)
{
    nl_column in[] = {NL_COLUMN("degree", U8, degree), NL_COLUMN("major", U8, major),
                      NL_COLUMN("agency", U8, agency),
                      NL_COLUMN("dedicated_post", U8, dedicated_post),
                      NL_COLUMN("workplace", I16, workplace), NL_COLUMN("start", I32, start)};
    nl_column out[] = {NL_COLUMN("amount", I64, amount), NL_COLUMN("reason", U8, reason),
                       NL_COLUMN("certainty", U8, certainty)};
    size_t nout = outputs_given(out, 3);
    if (!arguments_ok(p && degree && major && agency && dedicated_post && workplace && start &&
                          amount && reason,
                      threads, n, out, nout, bad_index))
        return NL_EINVAL;
    return typed_run(p, &nl__rule_attraction, n, in, 6, out, nout, threads, bad_index);
}

nl_status nl_expert_salary_cap_batch(const nl_policy *p, size_t n, const uint8_t *degree,
                                     const double *experience_years, const uint8_t *role,
                                     const nl_date *on, uint8_t *level, int64_t *monthly,
                                     int64_t *weekly, int64_t *daily, int64_t *special_monthly,
                                     uint8_t *reason, uint8_t *certainty, int threads,
                                     size_t *bad_index)
{
    nl_column in[] = {NL_COLUMN("degree", U8, degree),
                      NL_COLUMN("experience_years", F64, experience_years),
                      NL_COLUMN("role", U8, role), NL_COLUMN("on", I32, on)};
    nl_column out[] = {NL_COLUMN("level", U8, level), NL_COLUMN("monthly", I64, monthly),
                       NL_COLUMN("weekly", I64, weekly), NL_COLUMN("daily", I64, daily),
                       NL_COLUMN("special_monthly", I64, special_monthly),
                       NL_COLUMN("reason", U8, reason), NL_COLUMN("certainty", U8, certainty)};
    size_t nout = outputs_given(out, 7);
    if (!arguments_ok(p && degree && experience_years && role && on && level && monthly &&
                          weekly && daily && special_monthly && reason,
                      threads, n, out, nout, bad_index))
        return NL_EINVAL;
    return typed_run(p, &nl__rule_expert, n, in, 4, out, nout, threads, bad_index);
}

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
    nl_column in[] = {NL_COLUMN("dedicated_official", U8, dedicated_official),
                      NL_COLUMN("short_concentrated", U8, short_concentrated),
                      NL_COLUMN("tuition", I64, tuition), NL_COLUMN("materials", I64, materials),
                      NL_COLUMN("meals", I64, meals), NL_COLUMN("travel", I64, travel),
                      NL_COLUMN("days", I32, days), NL_COLUMN("start", I32, start)};
    nl_column out[] = {NL_COLUMN("tuition", I64, paid_tuition),
                       NL_COLUMN("materials", I64, paid_materials),
                       NL_COLUMN("meals", I64, paid_meals), NL_COLUMN("travel", I64, paid_travel),
                       NL_COLUMN("total", I64, total), NL_COLUMN("reason", U8, reason),
                       NL_COLUMN("certainty", U8, certainty)};
    size_t nout = outputs_given(out, 7);
    if (!arguments_ok(p && dedicated_official && short_concentrated && tuition && materials &&
                          meals && travel && days && start && paid_tuition && paid_materials &&
                          paid_meals && paid_travel && total && reason,
                      threads, n, out, nout, bad_index))
        return NL_EINVAL;
    return typed_run(p, &nl__rule_training, n, in, 8, out, nout, threads, bad_index);
}
