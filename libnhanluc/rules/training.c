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

#include "rule_decl.h"
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

static nl_status decide(const nl_policy *p, const void *in, void *res)
{
    const nl_training *t = in;
    nl_training_result *out = res;
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
    /* Each condition cites the parameter that states it. */
    nl_use dedicated, short_course;
    if (!nl__use_known(p, NL_P_TRAINING_DEDICATED, t->start, &dedicated))
        return answer(out, NL_REASON_NOT_IN_FORCE, &dedicated, dedicated.certainty);
    if (!nl__use_known(p, NL_P_TRAINING_SHORT_COURSE, t->start, &short_course))
        return answer(out, NL_REASON_NOT_IN_FORCE, &short_course, short_course.certainty);
    nl__weaken(&cert, dedicated.certainty);
    nl__weaken(&cert, short_course.certainty);

    if (dedicated.value && !t->dedicated_official)
        return answer(out, NL_REASON_NOT_DEDICATED, &dedicated, cert);
    if (short_course.value && !t->short_concentrated)
        return answer(out, NL_REASON_COURSE_KIND, &short_course, cert);

    nl_training_result r = {.eligible = true, .reason = NL_REASON_OK, .source = tuition->source,
                            .certainty = cert};
    /* The arithmetic is shared with the batch path (training_pay.h). */
    int64_t paid[5];
    if (!nl__training_pay(&rates, t->tuition, t->materials, t->meals, t->travel, t->days, paid))
        return NL_ERANGE;   /* the engine zeroes *out */
    r.tuition = paid[0];
    r.materials = paid[1];
    r.meals = paid[2];
    r.travel = paid[3];
    r.total = paid[4];
    *out = r;
    return NL_OK;
}

/* ------------------------------------------------------------ declaration */

static const nl_field_decl inputs[] = {
    NL_IN_BOOL(nl_training, dedicated_official, "Cán bộ chuyên trách CNTT",
               "Dedicated IT official", "cán bộ, công chức, viên chức dedicated to IT"),
    NL_IN_BOOL(nl_training, short_concentrated, "Khóa ngắn hạn tập trung",
               "Short concentrated course", "a short-term concentrated course"),
    NL_IN_MONEY_OPT(nl_training, tuition, 0, "Học phí", "Tuition",
                    "as charged by the training institution, đồng"),
    NL_IN_MONEY_OPT(nl_training, materials, 0, "Tài liệu", "Materials",
                    "as charged by the training institution, đồng"),
    NL_IN_MONEY_OPT(nl_training, meals, 0, "Tiền ăn", "Meals", "claimed, đồng"),
    NL_IN_MONEY_OPT(nl_training, travel, 0, "Tiền đi lại", "Travel", "claimed, đồng"),
    NL_IN_INT(nl_training, days, 1, INT32_MAX, "Số ngày", "Days", "course length in days"),
    NL_IN_DATE(nl_training, start, "Ngày bắt đầu", "Start date", "first day of the course"),
};

static const nl_field_decl outputs[] = {
    NL_OUT_BOOL(nl_training_result, eligible, "Đủ điều kiện", "Eligible", "all conditions met"),
    NL_OUT_MONEY(nl_training_result, tuition, "Học phí được hỗ trợ", "Tuition paid",
                 "at the tuition share, rounded down"),
    NL_OUT_MONEY(nl_training_result, materials, "Tài liệu được hỗ trợ", "Materials paid",
                 "at the materials share, rounded down"),
    NL_OUT_MONEY(nl_training_result, meals, "Tiền ăn được hỗ trợ", "Meals paid",
                 "as claimed, up to the daily cap × days"),
    NL_OUT_MONEY(nl_training_result, travel, "Tiền đi lại được hỗ trợ", "Travel paid",
                 "as claimed, up to the per-course cap"),
    NL_OUT_MONEY(nl_training_result, total, "Tổng", "Total", "sum of the four"),
    NL_OUT_REASON(nl_training_result, reason),
    NL_OUT_SOURCE(nl_training_result, source),
    NL_OUT_CERTAINTY(nl_training_result, certainty, "Độ tin cậy", "Certainty",
                     "unconfirmed while the meal / travel caps are"),
};

static const nl_cond_decl conditions[] = {
    NL_COND(NL_REASON_OK),
    NL_COND(NL_REASON_NOT_IN_FORCE),
    NL_COND_P(NL_REASON_NOT_DEDICATED, NL_P_TRAINING_DEDICATED, NULL, NULL),
    NL_COND_P(NL_REASON_COURSE_KIND, NL_P_TRAINING_SHORT_COURSE, NULL, NULL),
};

NL_RULE(nl__rule_training, "training_support", "Hỗ trợ kinh phí đào tạo",
        "Training-cost support", "docs/law/2-training.md", nl_training, inputs,
        nl_training_result, outputs, conditions, decide);

nl_status nl_training_support(const nl_policy *p, const nl_training *t, nl_training_result *out)
{
    return nl__rule_call(&nl__rule_training, p, t, out);
}
