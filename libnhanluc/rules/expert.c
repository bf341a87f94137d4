/* Rule 2 — salary caps for hired IT experts (domestic consultants).
 *
 * Source (confirmed): Thông tư 02/2015/TT-BLĐTBXH, in force 2015-03-01 to
 * 2025-06-30, caps 40 / 30 / 20 / 15 million đ per month; Thông tư
 * 004/2025/TT-BNV from 2025-07-01, caps 70 / 55 / 40 / 30 million đ per month
 * of 26 working days, same conditions. A consultant is at the highest level
 * whose conditions he meets, any one of:
 *   level 1: university degree and >= 15 years, or master's+ and >= 8 years,
 *            or team leader / runs the whole package;
 *   level 2: >= 10 years (bachelor) or >= 5 (master's+), or leads work items;
 *   level 3: >= 5 years (bachelor) or >= 3 (master's+);
 *   level 4: anyone else with a university degree.
 * The policy holds these as data: the experience scales expert.levels.bachelor
 * and expert.levels.master, and the table expert.role_level of the level a
 * role guarantees; the rule takes the scale's step and the role's level,
 * whichever is higher. Below a university degree the table does not apply. Special expertise: up
 * to 1.5 × the cap. Shorter engagements (TT 02/2015): weekly = monthly × 12 /
 * 52 × 1.2, daily = monthly / 26 × 1.3 (unconfirmed under TT 004/2025).
 * Rounding is not stated by the circulars: we round each figure down to the
 * whole đồng, so a cap never exceeds the law's. */
#include <math.h>
#include <string.h>

#include "rule_decl.h"
#include "money.h"

static const nl_pid cap_pid[4] = {NL_P_EXPERT_CAP1, NL_P_EXPERT_CAP2, NL_P_EXPERT_CAP3,
                                  NL_P_EXPERT_CAP4};
/* The experience scale by degree group: university, master's or higher. */
static const nl_pid levels_pid[2] = {NL_P_EXPERT_LEVELS_BACHELOR, NL_P_EXPERT_LEVELS_MASTER};

/* Resolves one parameter for the decision; false (and the answer filled as
 * "not in force") if it has no value on the date. */
static bool need(const nl_policy *p, nl_pid pid, nl_date on, nl_use *u, nl_expert_cap *out,
                 nl_certainty *cert)
{
    if (nl__use_known(p, pid, on, u)) {
        nl__weaken(cert, u->certainty);
        return true;
    }
    memset(out, 0, sizeof *out);
    out->reason = NL_REASON_NOT_IN_FORCE;
    out->source = u->source;
    out->certainty = out->monthly_certainty = u->certainty;
    return false;
}

static nl_status decide(const nl_policy *p, const void *in, void *res)
{
    const nl_expert *e = in;
    nl_expert_cap *out = res;
    nl_certainty cert = NL_CERTAINTY_CONFIRMED;
    nl_use table, min_degree;
    /* The level-1 cap dates the table in force: none before 2015-03-01. */
    if (!need(p, NL_P_EXPERT_CAP1, e->on, &table, out, &cert) ||
        !need(p, NL_P_EXPERT_MIN_DEGREE, e->on, &min_degree, out, &cert))
        return NL_OK;
    if ((int64_t)e->degree < min_degree.value) {
        out->reason = NL_REASON_DEGREE;
        out->source = min_degree.source;
        out->certainty = out->monthly_certainty = cert;
        return NL_OK;
    }

    /* Experience: the step of the degree group's scale (every experience
     * has one); a role may guarantee a better level (expert.role_level: a
     * role without an entry guarantees none). */
    nl_use scale, roles;
    if (!need(p, levels_pid[e->degree >= NL_DEGREE_MASTER], e->on, &scale, out, &cert) ||
        !need(p, NL_P_EXPERT_ROLE_LEVEL, e->on, &roles, out, &cert))
        return NL_OK;
    int64_t level = nl__scale_get(&scale, e->experience_years), by_role;
    if (nl__table_get(&roles, (int64_t)e->role, &by_role) && by_role < level)
        level = by_role;

    nl_use cap, special, wm, ww, wbp, dd, dbp;
    if (!need(p, cap_pid[level - 1], e->on, &cap, out, &cert) ||
        !need(p, NL_P_EXPERT_SPECIAL_BP, e->on, &special, out, &cert))
        return NL_OK;
    /* Everything so far decides level, monthly and special_monthly; the
     * conversions below only the weekly and daily rates. */
    nl_certainty monthly_cert = cert;
    if (!need(p, NL_P_EXPERT_WEEK_MONTHS, e->on, &wm, out, &cert) ||
        !need(p, NL_P_EXPERT_WEEK_WEEKS, e->on, &ww, out, &cert) ||
        !need(p, NL_P_EXPERT_WEEK_BP, e->on, &wbp, out, &cert) ||
        !need(p, NL_P_EXPERT_DAY_DAYS, e->on, &dd, out, &cert) ||
        !need(p, NL_P_EXPERT_DAY_BP, e->on, &dbp, out, &cert))
        return NL_OK;

    nl_expert_cap r = {.level = (int)level, .monthly = cap.value, .reason = NL_REASON_OK,
                       .source = cap.source, .certainty = cert,
                       .monthly_certainty = monthly_cert};
    if (!nl__muldiv2(r.monthly, wm.value, wbp.value, ww.value, 10000, &r.weekly) ||
        !nl__muldiv2(r.monthly, 1, dbp.value, dd.value, 10000, &r.daily) ||
        !nl__muldiv(r.monthly, special.value, 10000, &r.special_monthly))
        return NL_ERANGE;   /* the engine zeroes *out */
    *out = r;
    return NL_OK;
}

/* ------------------------------------------------------------ declaration */

static const nl_field_decl inputs[] = {
    NL_IN_CODE(nl_expert, degree, nl__degree_names, "Trình độ", "Degree",
               "degree in the consulting specialty"),
    NL_IN_YEARS(nl_expert, experience_years, "Số năm kinh nghiệm", "Years of experience",
                "in the consulting specialty; whole months as months / 12"),
    NL_IN_CODE_OPT(nl_expert, role, nl__role_names, NL_ROLE_MEMBER, "Vai trò", "Role",
                   "role in the work package"),
    NL_IN_BOOL_OPT(nl_expert, special_expertise, 0, "Chuyên môn đặc biệt",
                   "Special expertise", "informational: special_monthly is always given"),
    NL_IN_DATE(nl_expert, on, "Ngày thuê", "Engagement date", "date of the engagement"),
};

static const nl_field_decl outputs[] = {
    NL_OUT_INT(nl_expert_cap, level, 0, 4, "Mức", "Level",
               "1 (highest) .. 4; 0 when the table does not apply"),
    NL_OUT_MONEY(nl_expert_cap, monthly, "Mức trần tháng", "Monthly cap",
                 "per month of 26 working days"),
    NL_OUT_MONEY(nl_expert_cap, weekly, "Mức trần tuần", "Weekly cap",
                 "monthly × 12 / 52 × 1.2, rounded down"),
    NL_OUT_MONEY(nl_expert_cap, daily, "Mức trần ngày", "Daily cap",
                 "monthly / 26 × 1.3, rounded down"),
    NL_OUT_MONEY(nl_expert_cap, special_monthly, "Mức trần tháng (chuyên môn đặc biệt)",
                 "Monthly cap (special expertise)", "monthly × 1.5, rounded down"),
    NL_OUT_REASON(nl_expert_cap, reason),
    NL_OUT_SOURCE(nl_expert_cap, source),
    NL_OUT_CERTAINTY(nl_expert_cap, certainty, "Độ tin cậy", "Certainty",
                     "weakest certainty of all the values used"),
    NL_OUT_CERTAINTY(nl_expert_cap, monthly_certainty, "Độ tin cậy (mức tháng)",
                     "Certainty (monthly)",
                     "weakest certainty of the values behind level and the monthly caps"),
};

static const nl_cond_decl conditions[] = {
    NL_COND(NL_REASON_OK),
    NL_COND(NL_REASON_NOT_IN_FORCE),
    NL_COND_P(NL_REASON_DEGREE, NL_P_EXPERT_MIN_DEGREE,
              "Trình độ chưa đạt yêu cầu (cần tốt nghiệp {} trở lên).",
              "Degree below the one required ({} or higher)."),
};

NL_RULE(nl__rule_expert, "expert_salary_cap", "Mức trần tiền lương chuyên gia tư vấn",
        "Salary cap of a hired IT expert", "docs/law/3-expert-caps.md", nl_expert, inputs,
        nl_expert_cap, outputs, conditions, decide);

nl_status nl_expert_salary_cap(const nl_policy *p, const nl_expert *e, nl_expert_cap *out)
{
    return nl__rule_call(&nl__rule_expert, p, e, out);
}
