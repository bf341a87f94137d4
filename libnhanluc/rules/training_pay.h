/* Rule 3's arithmetic, shared by training.c (one claim) and batch.c (many
 * claims) so the two paths cannot pay a different đồng. Not installed.
 *
 * Given the rates in force (resolved once per date by the caller) and a
 * valid claim, computes what is paid per item and the total. */
#ifndef NHANLUC_TRAINING_PAY_H
#define NHANLUC_TRAINING_PAY_H

#include "internal.h"
#include "money.h"

/* The parameters the payment reads, in the order of nl_training_rates. */
static const nl_pid nl__training_rate_pid[4] = {
    NL_P_TRAINING_TUITION_BP, NL_P_TRAINING_MATERIALS_BP,
    NL_P_TRAINING_MEALS_CAP, NL_P_TRAINING_TRAVEL_CAP};

typedef struct nl_training_rates {
    int64_t v[4];   /* tuition share bp, materials share bp, meal cap per
                       day, travel cap per course */
} nl_training_rates;

/* The four rates in force on `on`, with how each was found (source,
 * certainty) in use[0..3]. Returns the index of the first rate not in
 * force, or -1 when all four are. Both paths resolve the rates here. */
static inline int nl__training_rates_on(const nl_policy *p, nl_date on, nl_training_rates *k,
                                        nl_use use[4])
{
    for (int i = 0; i < 4; i++) {
        if (!nl__use_known(p, nl__training_rate_pid[i], on, &use[i]))
            return i;
        k->v[i] = use[i].value;
    }
    return -1;
}

/* Claimed amount up to cap_per_unit × units; a cap too large for int64 is no
 * cap at all. */
static inline int64_t nl__training_capped(int64_t claimed, int64_t cap_per_unit, int64_t units)
{
    int64_t cap;
    if (__builtin_mul_overflow(cap_per_unit, units, &cap))
        return claimed;
    return claimed < cap ? claimed : cap;
}

/* floor(a × bp / 10000) for a >= 0, 0 <= bp <= 10^6: in 64 bits when the
 * product fits (the usual case, no 128-bit division), else in 128 bits.
 * Both give the exact same value. */
static inline bool nl__training_share(int64_t a, int64_t bp, int64_t *out)
{
    int64_t prod;
    if (!__builtin_mul_overflow(a, bp, &prod)) {
        *out = prod / 10000;
        return true;
    }
    return nl__muldiv(a, bp, 10000, out);
}

/* Paid amounts for a valid claim (money >= 0, days >= 1): out[0..3] per
 * item (tuition, materials, meals, travel), out[4] the total. False if a
 * figure passes INT64_MAX (out is then unspecified). */
static inline bool nl__training_pay(const nl_training_rates *k, int64_t tuition,
                                    int64_t materials, int64_t meals, int64_t travel,
                                    int32_t days, int64_t out[5])
{
    out[2] = nl__training_capped(meals, k->v[2], days);
    out[3] = nl__training_capped(travel, k->v[3], 1);
    return nl__training_share(tuition, k->v[0], &out[0]) &&
           nl__training_share(materials, k->v[1], &out[1]) &&
           nl__add(out[0], out[1], &out[4]) && nl__add(out[4], out[2], &out[4]) &&
           nl__add(out[4], out[3], &out[4]);
}

#endif
