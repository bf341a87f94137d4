/* Rule 3 — training-cost support for IT officials.
 *
 * Source (reported, instrument unconfirmed): Nghị quyết 11/2020/NQ-HĐND tỉnh
 * Lào Cai, as reported by baolaocai.vn: officials (cán bộ, công chức, viên
 * chức) dedicated to IT / digital transformation who attend short-term
 * concentrated training get 100% of tuition and materials as charged by the
 * training institution, plus meals and travel.
 *
 * The meal and travel rates were not seen (national per-diem rules:
 * Thông tư 40/2017/TT-BTC). We reimburse them as claimed, up to dated caps —
 * meals per course day, travel per course — whose built-in values are
 * placeholders flagged unconfirmed, so every answer says so. Shares are in
 * basis points; paid amounts are rounded down to the whole đồng. */
#include <string.h>

#include "internal.h"
#include "money.h"

static nl_status answer(nl_training_result *out, nl_reason reason, const nl_use *u,
                        nl_certainty certainty)
{
    memset(out, 0, sizeof *out);
    out->reason = reason;
    out->source = u->source;
    out->certainty = certainty;
    return NL_OK;
}

/* Claimed amount up to cap_per_unit × units; a cap too large for int64 is no
 * cap at all. */
static int64_t capped(int64_t claimed, int64_t cap_per_unit, int64_t units)
{
    int64_t cap;
    if (__builtin_mul_overflow(cap_per_unit, units, &cap))
        return claimed;
    return claimed < cap ? claimed : cap;
}

nl_status nl_training_support(const nl_policy *p, const nl_training *t, nl_training_result *out)
{
    if (out == NULL)
        return NL_EINVAL;
    memset(out, 0, sizeof *out);
    if (p == NULL || t == NULL || t->tuition < 0 || t->materials < 0 || t->meals < 0 ||
        t->travel < 0 || t->days < 1)
        return NL_EINVAL;
    if (!nl__date_valid(t->start))
        return NL_EDATE;

    nl_use period, tuition, materials, meals, travel;
    if (!nl__use_known(p, NL_P_TRAINING_PERIOD, t->start, &period))
        return answer(out, NL_REASON_NOT_IN_FORCE, &period, period.certainty);
    nl_certainty cert = period.certainty;
    const nl_pid pids[4] = {NL_P_TRAINING_TUITION_BP, NL_P_TRAINING_MATERIALS_BP,
                            NL_P_TRAINING_MEALS_CAP, NL_P_TRAINING_TRAVEL_CAP};
    nl_use *uses[4] = {&tuition, &materials, &meals, &travel};
    for (int i = 0; i < 4; i++) {
        if (!nl__use_known(p, pids[i], t->start, uses[i]))
            return answer(out, NL_REASON_NOT_IN_FORCE, uses[i], uses[i]->certainty);
        nl__weaken(&cert, uses[i]->certainty);
    }

    if (!t->dedicated_official)
        return answer(out, NL_REASON_NOT_DEDICATED, &tuition, cert);
    if (!t->short_concentrated)
        return answer(out, NL_REASON_COURSE_KIND, &tuition, cert);

    nl_training_result r = {.eligible = true, .reason = NL_REASON_OK, .source = tuition.source,
                            .certainty = cert};
    r.meals = capped(t->meals, meals.value, t->days);
    r.travel = capped(t->travel, travel.value, 1);
    if (!nl__muldiv(t->tuition, tuition.value, 10000, &r.tuition) ||
        !nl__muldiv(t->materials, materials.value, 10000, &r.materials) ||
        !nl__add(r.tuition, r.materials, &r.total) || !nl__add(r.total, r.meals, &r.total) ||
        !nl__add(r.total, r.travel, &r.total))
        return NL_ERANGE;   /* *out is still zeroed */
    *out = r;
    return NL_OK;
}
