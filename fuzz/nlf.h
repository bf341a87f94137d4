/* Shared by the fuzz harnesses: a byte reader, a check that aborts, and an
 * independent re-computation (oracle) of the three rules from the public
 * parameter API, so a fuzzer finds not only crashes but wrong answers.
 *
 * Header-only; every function is static so each harness is one translation
 * unit, for libFuzzer and for the replay driver (replay_main.c). */
#ifndef NHANLUC_FUZZ_NLF_H
#define NHANLUC_FUZZ_NLF_H

#ifndef _POSIX_C_SOURCE
#define _POSIX_C_SOURCE 200809L   /* strnlen */
#endif

#include <math.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <nhanluc/nhanluc.h>

/* A failed invariant: say which and abort, so libFuzzer (or ctest) records a
 * crash with the input. */
#define NLF_CHECK(cond)                                                                   \
    do {                                                                                  \
        if (!(cond)) {                                                                    \
            fprintf(stderr, "%s:%d: invariant failed: %s\n", __FILE__, __LINE__, #cond); \
            abort();                                                                      \
        }                                                                                 \
    } while (0)

/* ------------------------------------------------------- byte reader */

/* Reads little-endian values off the input; past the end, zeros. */
typedef struct nlf_data {
    const uint8_t *p;
    size_t n;
} nlf_data;

static inline uint64_t nlf_bytes(nlf_data *d, size_t k)
{
    uint64_t v = 0;
    for (size_t i = 0; i < k; i++) {
        uint8_t b = 0;
        if (d->n > 0) {
            b = *d->p++;
            d->n--;
        }
        v |= (uint64_t)b << (8 * i);
    }
    return v;
}

static inline uint8_t nlf_u8(nlf_data *d) { return (uint8_t)nlf_bytes(d, 1); }
static inline uint32_t nlf_u32(nlf_data *d) { return (uint32_t)nlf_bytes(d, 4); }
static inline uint64_t nlf_u64(nlf_data *d) { return nlf_bytes(d, 8); }
static inline bool nlf_bool(nlf_data *d) { return nlf_u8(d) & 1; }

static inline int nlf_int(nlf_data *d)
{
    uint32_t u = nlf_u32(d);
    int v;
    memcpy(&v, &u, sizeof v);
    return v;
}

static inline int64_t nlf_i64(nlf_data *d)
{
    uint64_t u = nlf_u64(d);
    int64_t v;
    memcpy(&v, &u, sizeof v);
    return v;
}

/* An enum value: mostly near the valid range, sometimes any int. */
static inline int nlf_enum(nlf_data *d, int count)
{
    uint8_t mode = nlf_u8(d);
    if (mode < 224)
        return (int)(mode % (uint8_t)(count + 2)) - 1;   /* -1 .. count */
    return nlf_int(d);
}

/* A date: mostly 2014..2027, sometimes the edges, sometimes any int32. */
static inline nl_date nlf_date(nlf_data *d)
{
    static const nl_date edges[] = {-719163, -719162, -719161, 2932895, 2932896, 2932897,
                                    INT32_MIN, INT32_MAX, 0, -1};
    uint8_t mode = nlf_u8(d);
    if (mode < 160)
        return 16071 + (nl_date)(nlf_u32(d) % 5113);        /* 2014-01-01 .. 2027-12-31 */
    if (mode < 200)
        return -719162 + (nl_date)(nlf_u32(d) % 3652059);   /* 0001-01-01 .. 9999-12-31 */
    if (mode < 230)
        return edges[nlf_u8(d) % (sizeof edges / sizeof edges[0])];
    return (nl_date)nlf_int(d);
}

/* Money: mostly realistic, sometimes extreme, sometimes any int64. */
static inline int64_t nlf_money(nlf_data *d)
{
    uint8_t mode = nlf_u8(d);
    if (mode < 128)
        return (int64_t)(nlf_u32(d) % 200000001u);
    if (mode < 170)
        return INT64_MAX - (int64_t)nlf_u8(d);
    if (mode < 190)
        return -(int64_t)nlf_u8(d) - 1;
    return nlf_i64(d);
}

/* Years of experience: mostly quarters 0..40, sometimes any bit pattern
 * (NaN, infinities, negatives, subnormals). */
static inline double nlf_years(nlf_data *d)
{
    uint8_t mode = nlf_u8(d);
    if (mode < 160)
        return (double)(nlf_u8(d) % 161) / 4.0;
    if (mode < 180)
        return -(double)nlf_u8(d) / 8.0;
    uint64_t bits = nlf_u64(d);
    double v;
    memcpy(&v, &bits, sizeof v);
    return v;
}

/* ---------------------------------------------------------- helpers */

static inline bool nlf_all_zero(const void *p, size_t n)
{
    const unsigned char *b = p;
    for (size_t i = 0; i < n; i++)
        if (b[i] != 0)
            return false;
    return true;
}

static inline bool nlf_date_ok(nl_date d) { return d >= -719162 && d <= 2932896; }

/* The range of a unit, as docs/policy-format.md states it (what the parser
 * accepts and nl_policy_set checks). */
static inline bool nlf_has_entries(const char *unit)
{
    return strncmp(unit, "table of ", 9) == 0 || strncmp(unit, "scale of ", 9) == 0;
}

/* Entries a TABLE or SCALE value may hold (policy.h, nl_policy_set_entries;
 * the two kinds the registry has: "table of role to level", "scale of years
 * to level"). */
static inline bool nlf_entries_valid(const char *unit, const nl_param_entry *e, size_t n)
{
    bool table = strncmp(unit, "table of ", 9) == 0;
    if (n > 1000 || (!table && (n == 0 || e[0].at != 0)))
        return false;
    for (size_t i = 0; i < n; i++)
        if (e[i].at < 0 || e[i].at > (table ? 2 : 200) || (i > 0 && e[i].at <= e[i - 1].at) ||
            e[i].value < 1 || e[i].value > 4)
            return false;
    return true;
}

static inline bool nlf_unit_allows(const char *unit, int64_t v)
{
    if (nlf_has_entries(unit))   /* the value is the number of entries */
        return v >= 0 && v <= 1000;
    if (strcmp(unit, "bool") == 0)
        return v >= 0 && v <= 1;
    if (strcmp(unit, "degree") == 0)
        return v >= 0 && v <= 4;
    /* Format 2 sets: a bitmask of the list's three codes. */
    if (strcmp(unit, "set of major") == 0 || strcmp(unit, "set of agency") == 0)
        return v >= 0 && v <= 7;
    if (strcmp(unit, "years") == 0)
        return v >= 0 && v <= 200;
    if (strcmp(unit, "count") == 0)
        return v >= 1 && v <= 1000000;
    if (strcmp(unit, "bp") == 0)
        return v >= 0 && v <= 1000000;
    NLF_CHECK(strcmp(unit, "VND") == 0 || strcmp(unit, "VND/month") == 0 ||
              strcmp(unit, "VND/day") == 0);
    return v >= 0;
}

#include "utf8_check.h"   /* nlf_utf8() */

/* A parameter's value on a date through the public API; false if it is not
 * in force, or absent from the document (families are optional: a rule that
 * reads an absent parameter answers "not in force"). */
typedef struct nlf_val {
    bool ok;
    int64_t v;
    const char *source;
    nl_certainty certainty;
} nlf_val;

static inline nlf_val nlf_get(const nl_policy *p, const char *key, nl_date on)
{
    nl_param_value pv;
    nlf_val r = {false, 0, NULL, NL_CERTAINTY_CONFIRMED};
    nl_status s = nl_policy_get_value(p, key, on, &pv);
    NLF_CHECK(s == NL_OK || s == NL_ENOTINFORCE || s == NL_ENOTFOUND);
    if (s == NL_OK) {
        NLF_CHECK(!pv.ends && pv.since <= on && pv.source != NULL && pv.source_url != NULL);
        r.ok = true;
        r.v = pv.value;
        r.source = pv.source;
        r.certainty = pv.certainty;
    } else {
        NLF_CHECK(nlf_all_zero(&pv, sizeof pv));
    }
    return r;
}

/* The entries of TABLE or SCALE `key` in force on `on`, through the listing
 * API; false when not in force or absent. */
static inline bool nlf_entries(const nl_policy *p, const char *key, nl_date on,
                               const nl_param_entry **e, size_t *n, nlf_val *meta)
{
    *meta = nlf_get(p, key, on);
    size_t idx;
    if (!meta->ok || nl_policy_param_find(p, key, &idx) != NL_OK)
        return false;
    nl_param_info info;
    NLF_CHECK(nl_policy_param_info(p, idx, &info) == NL_OK);
    size_t j = info.value_count;
    nl_param_value v;
    do {
        j--;
        NLF_CHECK(nl_policy_param_value(p, idx, j, &v) == NL_OK);
    } while (v.since > on);
    NLF_CHECK(nl_policy_param_entries(p, idx, j, e, n) == NL_OK);
    NLF_CHECK((int64_t)*n == meta->v && nlf_entries_valid(info.unit, *e, *n));
    return true;
}

static inline void nlf_weaken(nl_certainty *acc, nl_certainty c)
{
    if (c > *acc)
        *acc = c;
}

/* A period parameter ("bool") is in force when it has a value and that
 * value is 1; 0 means the policy is switched off. */
static inline bool nlf_period(const nl_policy *p, const char *key, nl_date on, nlf_val *v)
{
    *v = nlf_get(p, key, on);
    return v->ok && v->v != 0;
}

/* --------------------------------------------------------- the oracle */

/* Checks an nl_attraction_subsidy answer against a re-computation. */
static inline void nlf_check_subsidy(const nl_policy *p, const nl_candidate *c, nl_status s,
                                     const nl_subsidy *r)
{
    NLF_CHECK(s == NL_OK || s == NL_EINVAL || s == NL_EDATE);
    bool invalid = (unsigned)c->degree > NL_DEGREE_DOCTOR ||
                   (unsigned)c->major > NL_MAJOR_ELECTRONICS_TELECOM ||
                   (unsigned)c->agency > NL_AGENCY_STATE || c->workplace < 0 ||
                   c->workplace > 99999;
    nl_status want = invalid ? NL_EINVAL : !nlf_date_ok(c->start) ? NL_EDATE : NL_OK;
    NLF_CHECK(s == want);
    if (s != NL_OK) {
        NLF_CHECK(nlf_all_zero(r, sizeof *r));
        return;
    }
    NLF_CHECK(r->eligible == (r->reason == NL_REASON_OK));
    NLF_CHECK(r->amount >= 0);
    NLF_CHECK(r->eligible || r->amount == 0);
    NLF_CHECK(r->source != NULL);
    NLF_CHECK((unsigned)r->certainty <= NL_CERTAINTY_USER);

    nl_reason reason = NL_REASON_OK;
    nlf_val period, degree = {0}, majors = {0}, agencies = {0}, post = {0}, amount = {0};
    nl_workplace w;
    size_t wi = 0;
    bool mapped = false, weak = false;
    /* Each condition reads its own parameter (format 2) and, unmet, cites it. */
    const char *cited = NULL;
    if (!nlf_period(p, "attraction.period", c->start, &period) ||
        !(degree = nlf_get(p, "attraction.min_degree", c->start)).ok ||
        !(majors = nlf_get(p, "attraction.majors", c->start)).ok ||
        !(agencies = nlf_get(p, "attraction.agencies", c->start)).ok ||
        !(post = nlf_get(p, "attraction.dedicated_post_required", c->start)).ok)
        reason = NL_REASON_NOT_IN_FORCE;
    else if ((int64_t)c->degree < degree.v)
        reason = NL_REASON_DEGREE, cited = degree.source;
    else if (!((majors.v >> c->major) & 1))
        reason = NL_REASON_MAJOR, cited = majors.source;
    else if (!((agencies.v >> c->agency) & 1))
        reason = NL_REASON_AGENCY, cited = agencies.source;
    else if (post.v && !c->dedicated_post)
        reason = NL_REASON_NOT_DEDICATED, cited = post.source;
    else if (nl_policy_workplace_on(p, c->workplace, c->start, &wi, &mapped) != NL_OK)
        reason = NL_REASON_OUTSIDE_PROVINCE;
    else {
        /* The unit the dated catalogue gives for the code on the date. */
        nl_workplace_detail d;
        NLF_CHECK(nl_policy_workplace_at(p, wi, &w) == NL_OK && w.code == c->workplace);
        NLF_CHECK(nl_policy_workplace_detail(p, wi, &d) == NL_OK);
        NLF_CHECK(mapped ? d.has_until && d.until < c->start
                         : (!d.has_since || d.since <= c->start) &&
                               (!d.has_until || c->start <= d.until));
        weak = mapped || d.kind != NL_WORKPLACE_TIER;
        if (d.kind == NL_WORKPLACE_OUTSIDE_AREA) {
            reason = NL_REASON_OUTSIDE_AREA;
        } else if (d.kind == NL_WORKPLACE_AMBIGUOUS) {
            reason = NL_REASON_AMBIGUOUS_WORKPLACE;
        } else {
            char key[128];
            NLF_CHECK(w.tier != NULL);
            snprintf(key, sizeof key, "attraction.amount.%s", w.tier);
            amount = nlf_get(p, key, c->start);
            if (!amount.ok)
                reason = NL_REASON_NOT_IN_FORCE;
        }
    }
    NLF_CHECK(r->reason == reason);
    if (cited != NULL)
        NLF_CHECK(r->source == cited);
    if (reason == NL_REASON_OK) {
        nl_certainty cert = period.certainty;
        nlf_weaken(&cert, degree.certainty);
        nlf_weaken(&cert, majors.certainty);
        nlf_weaken(&cert, agencies.certainty);
        nlf_weaken(&cert, post.certainty);
        if (weak)
            nlf_weaken(&cert, NL_CERTAINTY_UNCONFIRMED);
        nlf_weaken(&cert, amount.certainty);
        NLF_CHECK(r->amount == amount.v);
        NLF_CHECK(r->source == amount.source);
        NLF_CHECK(r->certainty == cert);
    }
}

/* Checks an nl_expert_salary_cap answer against a re-computation. */
static inline void nlf_check_cap(const nl_policy *p, const nl_expert *e, nl_status s,
                                 const nl_expert_cap *r)
{
    NLF_CHECK(s == NL_OK || s == NL_EINVAL || s == NL_EDATE || s == NL_ERANGE);
    bool invalid = (unsigned)e->degree > NL_DEGREE_DOCTOR || (unsigned)e->role > NL_ROLE_TEAM_LEADER ||
                   !(e->experience_years >= 0.0) || !isfinite(e->experience_years);
    nl_status want = invalid ? NL_EINVAL : !nlf_date_ok(e->on) ? NL_EDATE : NL_OK;
    if (want != NL_OK) {
        NLF_CHECK(s == want);
        NLF_CHECK(nlf_all_zero(r, sizeof *r));
        return;
    }
    if (s != NL_OK)
        NLF_CHECK(nlf_all_zero(r, sizeof *r));

    static const char *const caps[4] = {"expert.cap.level1", "expert.cap.level2",
                                        "expert.cap.level3", "expert.cap.level4"};
    nl_reason reason = NL_REASON_OK;
    int level = 0;
    nlf_val table = nlf_get(p, "expert.cap.level1", e->on);
    nlf_val min = nlf_get(p, "expert.min_degree", e->on);
    nl_certainty cert = NL_CERTAINTY_CONFIRMED;
    nlf_val cap = {0};
    __extension__ __int128 weekly = 0, daily = 0, special = 0;
    if (!table.ok || !min.ok) {
        reason = NL_REASON_NOT_IN_FORCE;
    } else if ((int64_t)e->degree < min.v) {
        reason = NL_REASON_DEGREE;
    } else {
        nlf_weaken(&cert, table.certainty);
        nlf_weaken(&cert, min.certainty);
        /* The degree group's scale: the last step the experience reaches;
         * the role's level when better (policy.h, docs/policy-format.md). */
        const nl_param_entry *steps, *roles;
        size_t nsteps, nroles;
        nlf_val sm, rm;
        bool have_steps = nlf_entries(p, e->degree >= NL_DEGREE_MASTER ? "expert.levels.master"
                                                                       : "expert.levels.bachelor",
                                      e->on, &steps, &nsteps, &sm);
        bool have_roles = have_steps && nlf_entries(p, "expert.role_level", e->on, &roles,
                                                    &nroles, &rm);
        if (!have_steps || !have_roles) {
            reason = NL_REASON_NOT_IN_FORCE;
        } else {
            nlf_weaken(&cert, sm.certainty);
            nlf_weaken(&cert, rm.certainty);
            for (size_t i = 0; i < nsteps; i++)
                if (e->experience_years >= (double)steps[i].at)
                    level = (int)steps[i].value;
            for (size_t i = 0; i < nroles; i++)
                if (roles[i].at == (int64_t)e->role && roles[i].value < level)
                    level = (int)roles[i].value;
        }
        if (reason == NL_REASON_OK) {
            cap = nlf_get(p, caps[level - 1], e->on);
            nlf_val sp = nlf_get(p, "expert.special.multiplier_bp", e->on);
            nlf_val wm = nlf_get(p, "expert.weekly.months_per_year", e->on);
            nlf_val ww = nlf_get(p, "expert.weekly.weeks_per_year", e->on);
            nlf_val wbp = nlf_get(p, "expert.weekly.premium_bp", e->on);
            nlf_val dd = nlf_get(p, "expert.daily.days_per_month", e->on);
            nlf_val dbp = nlf_get(p, "expert.daily.premium_bp", e->on);
            if (!cap.ok || !sp.ok || !wm.ok || !ww.ok || !wbp.ok || !dd.ok || !dbp.ok) {
                reason = NL_REASON_NOT_IN_FORCE;
            } else {
                nlf_weaken(&cert, cap.certainty);
                nlf_weaken(&cert, sp.certainty);
                nlf_weaken(&cert, wm.certainty);
                nlf_weaken(&cert, ww.certainty);
                nlf_weaken(&cert, wbp.certainty);
                nlf_weaken(&cert, dd.certainty);
                nlf_weaken(&cert, dbp.certainty);
                NLF_CHECK(ww.v > 0 && dd.v > 0);   /* the registry keeps divisors positive */
                weekly = (__int128)cap.v * wm.v * wbp.v / ((__int128)ww.v * 10000);
                daily = (__int128)cap.v * dbp.v / ((__int128)dd.v * 10000);
                special = (__int128)cap.v * sp.v / 10000;
            }
        }
    }
    if (reason != NL_REASON_OK)
        level = 0;
    bool overflow = weekly > INT64_MAX || daily > INT64_MAX || special > INT64_MAX;
    NLF_CHECK(s == (overflow ? NL_ERANGE : NL_OK));
    if (s != NL_OK)
        return;
    NLF_CHECK(r->level >= 0 && r->level <= 4);
    NLF_CHECK((r->level == 0) == (r->reason != NL_REASON_OK));
    NLF_CHECK(r->reason == reason);
    NLF_CHECK(r->level == level);
    NLF_CHECK(r->source != NULL);
    NLF_CHECK((unsigned)r->certainty <= NL_CERTAINTY_USER);
    if (level == 0) {
        NLF_CHECK(r->monthly == 0 && r->weekly == 0 && r->daily == 0 && r->special_monthly == 0);
        return;
    }
    NLF_CHECK(r->monthly == cap.v && r->monthly >= 0);
    NLF_CHECK(r->weekly == (int64_t)weekly && r->daily == (int64_t)daily &&
              r->special_monthly == (int64_t)special);
    NLF_CHECK(r->weekly >= 0 && r->daily >= 0 && r->special_monthly >= 0);
    NLF_CHECK(r->source == cap.source);
    NLF_CHECK(r->certainty == cert);
}

/* Checks an nl_training_support answer against a re-computation. */
static inline void nlf_check_training(const nl_policy *p, const nl_training *t, nl_status s,
                                      const nl_training_result *r)
{
    NLF_CHECK(s == NL_OK || s == NL_EINVAL || s == NL_EDATE || s == NL_ERANGE);
    bool invalid = t->tuition < 0 || t->materials < 0 || t->meals < 0 || t->travel < 0 ||
                   t->days < 1;
    nl_status want = invalid ? NL_EINVAL : !nlf_date_ok(t->start) ? NL_EDATE : NL_OK;
    if (want != NL_OK) {
        NLF_CHECK(s == want);
        NLF_CHECK(nlf_all_zero(r, sizeof *r));
        return;
    }
    if (s != NL_OK)
        NLF_CHECK(nlf_all_zero(r, sizeof *r));

    nl_reason reason = NL_REASON_OK;
    nlf_val period, tu = {0}, ma = {0}, me = {0}, tr = {0}, off = {0}, course = {0};
    if (!nlf_period(p, "training.period", t->start, &period) ||
        !(tu = nlf_get(p, "training.tuition.share_bp", t->start)).ok ||
        !(ma = nlf_get(p, "training.materials.share_bp", t->start)).ok ||
        !(me = nlf_get(p, "training.meals.cap_per_day", t->start)).ok ||
        !(tr = nlf_get(p, "training.travel.cap_per_course", t->start)).ok ||
        !(off = nlf_get(p, "training.dedicated_official_required", t->start)).ok ||
        !(course = nlf_get(p, "training.short_course_required", t->start)).ok)
        reason = NL_REASON_NOT_IN_FORCE;
    else if (off.v && !t->dedicated_official)
        reason = NL_REASON_NOT_DEDICATED;
    else if (course.v && !t->short_concentrated)
        reason = NL_REASON_COURSE_KIND;
    __extension__ __int128 tuition = 0, materials = 0, meals = 0, travel = 0, total = 0;
    if (reason == NL_REASON_OK) {
        tuition = (__int128)t->tuition * tu.v / 10000;
        materials = (__int128)t->materials * ma.v / 10000;
        __int128 meal_cap = (__int128)me.v * t->days;
        meals = meal_cap > INT64_MAX || t->meals < meal_cap ? t->meals : meal_cap;
        travel = t->travel < tr.v ? t->travel : tr.v;
        total = tuition + materials + meals + travel;
    }
    bool overflow = tuition > INT64_MAX || materials > INT64_MAX || total > INT64_MAX;
    NLF_CHECK(s == (overflow ? NL_ERANGE : NL_OK));
    if (s != NL_OK)
        return;
    NLF_CHECK(r->eligible == (r->reason == NL_REASON_OK));
    NLF_CHECK(r->reason == reason);
    NLF_CHECK(r->source != NULL);
    NLF_CHECK((unsigned)r->certainty <= NL_CERTAINTY_USER);
    NLF_CHECK(r->tuition >= 0 && r->materials >= 0 && r->meals >= 0 && r->travel >= 0);
    NLF_CHECK((__int128)r->tuition + r->materials + r->meals + r->travel == r->total);
    if (!r->eligible) {
        NLF_CHECK(r->total == 0);
        return;
    }
    NLF_CHECK(r->tuition == (int64_t)tuition && r->materials == (int64_t)materials &&
              r->meals == (int64_t)meals && r->travel == (int64_t)travel);
    NLF_CHECK(r->meals <= t->meals && r->travel <= t->travel);
    NLF_CHECK(r->source == tu.source);
    nl_certainty cert = period.certainty;
    nlf_weaken(&cert, tu.certainty);
    nlf_weaken(&cert, ma.certainty);
    nlf_weaken(&cert, me.certainty);
    nlf_weaken(&cert, tr.certainty);
    nlf_weaken(&cert, off.certainty);
    nlf_weaken(&cert, course.certainty);
    NLF_CHECK(r->certainty == cert);
}

/* One of each rule on inputs drawn from d, each checked by the oracle. */
static inline void nlf_rules(const nl_policy *p, nlf_data *d)
{
    nl_candidate c;
    memset(&c, 0, sizeof c);
    c.degree = (nl_degree)nlf_enum(d, 5);
    c.major = (nl_major)nlf_enum(d, 3);
    c.agency = (nl_agency)nlf_enum(d, 3);
    c.dedicated_post = nlf_bool(d);
    uint8_t wmode = nlf_u8(d);
    /* District codes; the communes' range (02647..04750 in the built-in
     * catalogue); any code 0..999 and 0..99999 (and one past each end);
     * any int. */
    c.workplace = wmode < 96    ? 80 + wmode % 10
                  : wmode < 160 ? 2600 + (int)(nlf_u32(d) % 2200)
                  : wmode < 200 ? (int)(nlf_u32(d) % 1002) - 1
                  : wmode < 240 ? (int)(nlf_u32(d) % 100002) - 1
                                : nlf_int(d);
    c.start = nlf_date(d);
    nl_subsidy rs;
    memset(&rs, 0xA5, sizeof rs);
    nlf_check_subsidy(p, &c, nl_attraction_subsidy(p, &c, &rs), &rs);

    nl_expert e;
    memset(&e, 0, sizeof e);
    e.degree = (nl_degree)nlf_enum(d, 5);
    e.experience_years = nlf_years(d);
    e.role = (nl_role)nlf_enum(d, 3);
    e.special_expertise = nlf_bool(d);
    e.on = nlf_date(d);
    nl_expert_cap re;
    memset(&re, 0xA5, sizeof re);
    nlf_check_cap(p, &e, nl_expert_salary_cap(p, &e, &re), &re);

    nl_training t;
    memset(&t, 0, sizeof t);
    t.dedicated_official = nlf_bool(d);
    t.short_concentrated = nlf_bool(d);
    t.tuition = nlf_money(d);
    t.materials = nlf_money(d);
    t.meals = nlf_money(d);
    t.travel = nlf_money(d);
    uint8_t dmode = nlf_u8(d);
    t.days = dmode < 200 ? (int32_t)(dmode % 40) : nlf_int(d);
    t.start = nlf_date(d);
    nl_training_result rt;
    memset(&rt, 0xA5, sizeof rt);
    nlf_check_training(p, &t, nl_training_support(p, &t, &rt), &rt);
}

#endif
