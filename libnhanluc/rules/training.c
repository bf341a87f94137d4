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
#include "training_pay.h"

static nl_status answer(nl_training_result *out, nl_reason reason, const nl_use *u,
                        nl_certainty certainty)
{
    memset(out, 0, sizeof *out);
    out->reason = reason;
    out->source = u->source;
    out->certainty = certainty;
    return NL_OK;
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

    nl_use period, rate[4];
    /* The period is a bool: 1 while in force; 0 switches the policy off. */
    if (!nl__use_known(p, NL_P_TRAINING_PERIOD, t->start, &period) || period.value == 0)
        return answer(out, NL_REASON_NOT_IN_FORCE, &period, period.certainty);
    nl_certainty cert = period.certainty;
    nl_training_rates rates;
    int missing = nl__training_rates_on(p, t->start, &rates, rate);
    if (missing >= 0)
        return answer(out, NL_REASON_NOT_IN_FORCE, &rate[missing], rate[missing].certainty);
    for (int i = 0; i < 4; i++)
        nl__weaken(&cert, rate[i].certainty);
    const nl_use *tuition = &rate[0];

    if (!t->dedicated_official)
        return answer(out, NL_REASON_NOT_DEDICATED, tuition, cert);
    if (!t->short_concentrated)
        return answer(out, NL_REASON_COURSE_KIND, tuition, cert);

    nl_training_result r = {.eligible = true, .reason = NL_REASON_OK, .source = tuition->source,
                            .certainty = cert};
    /* The arithmetic is shared with the batch path (training_pay.h). */
    int64_t paid[5];
    if (!nl__training_pay(&rates, t->tuition, t->materials, t->meals, t->travel, t->days, paid))
        return NL_ERANGE;   /* *out is still zeroed */
    r.tuition = paid[0];
    r.materials = paid[1];
    r.meals = paid[2];
    r.travel = paid[3];
    r.total = paid[4];
    *out = r;
    return NL_OK;
}
