/* Rule 1 — one-off attraction subsidy for IT graduates.
 *
 * Source (reported, instrument unconfirmed): Nghị quyết 11/2020/NQ-HĐND tỉnh
 * Lào Cai, as reported by baolaocai.vn, "Lào Cai quan tâm phát triển nhân lực
 * số": a person with a university degree or higher in information technology
 * or electronics-telecommunications who takes a dedicated IT /
 * digital-transformation post at a Party or State agency in the province
 * receives 100,000,000 đ if working in Lào Cai city or Sa Pa town, and
 * 150,000,000 đ in a district.
 *
 * Parameters: attraction.period (in force); one per condition, each citing
 * its own source: attraction.min_degree (a degree code), attraction.majors
 * and attraction.agencies (sets of codes), attraction.dedicated_post_required
 * (bool); and one amount per workplace tier, attraction.amount.<tier>. The
 * dated workplace catalogue maps a code on a date to its unit and the unit
 * to its tier
 * (policy.h, nl_workplace_kind: a tier of its own, one derived from the
 * predecessors, ambiguous, or outside the area the resolution covers). */
#include <string.h>

#include "rule_decl.h"

static nl_status answer(nl_subsidy *out, nl_reason reason, const nl_use *u,
                        nl_certainty certainty)
{
    out->eligible = false;
    out->amount = 0;
    out->reason = reason;
    out->source = u->source;
    out->certainty = certainty;
    return NL_OK;
}

/* A condition's parameter on the start date; false (the answer filled as
 * "not in force", citing it) when it has no value then. */
static bool need(const nl_policy *p, nl_pid pid, nl_date on, nl_use *u, nl_subsidy *out,
                 nl_certainty *cert)
{
    if (nl__use_known(p, pid, on, u)) {
        nl__weaken(cert, u->certainty);
        return true;
    }
    answer(out, NL_REASON_NOT_IN_FORCE, u, u->certainty);
    return false;
}

static bool in_set(int64_t set, unsigned code) { return code < 63 && (set >> code) & 1; }

static nl_status decide(const nl_policy *p, const void *in, void *res)
{
    const nl_candidate *c = in;
    nl_subsidy *out = res;
    nl_use period, degree, majors, agencies, dedicated, amount;
    /* The period is a bool: 1 while in force; 0 switches the policy off. */
    if (!nl__use_known(p, NL_P_ATTRACTION_PERIOD, c->start, &period) || period.value == 0)
        return answer(out, NL_REASON_NOT_IN_FORCE, &period, period.certainty);
    nl_certainty cert = period.certainty;
    if (!need(p, NL_P_ATTRACTION_MIN_DEGREE, c->start, &degree, out, &cert) ||
        !need(p, NL_P_ATTRACTION_MAJORS, c->start, &majors, out, &cert) ||
        !need(p, NL_P_ATTRACTION_AGENCIES, c->start, &agencies, out, &cert) ||
        !need(p, NL_P_ATTRACTION_DEDICATED, c->start, &dedicated, out, &cert))
        return NL_OK;

    /* The conditions, in the order the article states them (and the
     * declaration lists them); the first unmet one is the answer, citing
     * the parameter that states it. */
    if ((int64_t)c->degree < degree.value)
        return answer(out, NL_REASON_DEGREE, &degree, cert);
    if (!in_set(majors.value, (unsigned)c->major))
        return answer(out, NL_REASON_MAJOR, &majors, cert);
    if (!in_set(agencies.value, (unsigned)c->agency))
        return answer(out, NL_REASON_AGENCY, &agencies, cert);
    if (dedicated.value && !c->dedicated_post)
        return answer(out, NL_REASON_NOT_DEDICATED, &dedicated, cert);
    /* The workplace, as the dated catalogue has it on the start date. */
    bool mapped;
    ptrdiff_t w = nl__workplace_on(p, c->workplace, c->start, &mapped);
    if (w < 0)
        return answer(out, NL_REASON_OUTSIDE_PROVINCE, &degree, cert);
    const nl_workplace_i *unit = &p->workplaces[w];
    /* A tier read off predecessors, or a pre-2025 code used after its unit
     * ended: no instrument confirms it, so neither is the answer. */
    if (mapped || unit->kind != NL_WORKPLACE_TIER)
        nl__weaken(&cert, NL_CERTAINTY_UNCONFIRMED);
    if (unit->kind == NL_WORKPLACE_OUTSIDE_AREA)
        return answer(out, NL_REASON_OUTSIDE_AREA, &degree, cert);
    if (unit->kind == NL_WORKPLACE_AMBIGUOUS)
        return answer(out, NL_REASON_AMBIGUOUS_WORKPLACE, &degree, cert);

    /* The amount depends on the workplace's tier (city/town or district). */
    if (!nl__use(p, unit->param, c->start, &amount))
        return answer(out, NL_REASON_NOT_IN_FORCE, &amount, amount.certainty);
    nl__weaken(&cert, amount.certainty);
    out->eligible = true;
    out->amount = amount.value;
    out->reason = NL_REASON_OK;
    out->source = amount.source;
    out->certainty = cert;
    return NL_OK;
}

/* ------------------------------------------------------------ declaration */

static const nl_field_decl inputs[] = {
    NL_IN_CODE(nl_candidate, degree, nl__degree_names, "Trình độ", "Degree",
               "highest degree held"),
    NL_IN_CODE(nl_candidate, major, nl__major_names, "Chuyên ngành", "Major",
               "major of the degree"),
    NL_IN_CODE(nl_candidate, agency, nl__agency_names, "Cơ quan", "Agency",
               "kind of employing agency"),
    NL_IN_BOOL(nl_candidate, dedicated_post, "Vị trí chuyên trách CNTT",
               "Dedicated IT post", "a dedicated IT / digital-transformation post"),
    NL_IN_WORKPLACE(nl_candidate, workplace, "Nơi làm việc", "Workplace",
                    "GSO code of the unit worked in, of any level (a pre-2025 "
                    "district or a commune of the merged province)"),
    NL_IN_DATE(nl_candidate, start, "Ngày bắt đầu", "Start date", "first day in the post"),
};

static const nl_field_decl outputs[] = {
    NL_OUT_BOOL(nl_subsidy, eligible, "Đủ điều kiện", "Eligible", "all conditions met"),
    NL_OUT_MONEY(nl_subsidy, amount, "Số tiền (đồng)", "Amount (đồng)",
                 "one-off amount; 0 unless eligible"),
    NL_OUT_REASON(nl_subsidy, reason),
    NL_OUT_SOURCE(nl_subsidy, source),
    NL_OUT_CERTAINTY(nl_subsidy, certainty, "Độ tin cậy", "Certainty",
                     "weakest certainty of the values used"),
};

static const nl_cond_decl conditions[] = {
    NL_COND(NL_REASON_OK),
    NL_COND(NL_REASON_NOT_IN_FORCE),
    NL_COND_P(NL_REASON_DEGREE, NL_P_ATTRACTION_MIN_DEGREE,
              "Trình độ chưa đạt yêu cầu (cần tốt nghiệp {} trở lên).",
              "Degree below the one required ({} or higher)."),
    NL_COND_P(NL_REASON_MAJOR, NL_P_ATTRACTION_MAJORS, "Chuyên ngành không phải {}.",
              "Major is not {}."),
    NL_COND_P(NL_REASON_AGENCY, NL_P_ATTRACTION_AGENCIES, "Không làm việc tại {}.",
              "Not working at {}."),
    NL_COND_P(NL_REASON_NOT_DEDICATED, NL_P_ATTRACTION_DEDICATED, NULL, NULL),
    NL_COND(NL_REASON_OUTSIDE_PROVINCE),
    NL_COND(NL_REASON_OUTSIDE_AREA),
    NL_COND(NL_REASON_AMBIGUOUS_WORKPLACE),
};

NL_RULE(nl__rule_attraction, "attraction_subsidy", "Hỗ trợ thu hút một lần",
        "One-off attraction subsidy", "docs/law/1-attraction.md", nl_candidate, inputs,
        nl_subsidy, outputs, conditions, decide);

nl_status nl_attraction_subsidy(const nl_policy *p, const nl_candidate *c, nl_subsidy *out)
{
    return nl__rule_call(&nl__rule_attraction, p, c, out);
}
