/**
 * @file nhanluc/expert.h
 * @brief Salary caps of hired IT experts.
 *
 * The law: docs/law/3-expert-caps.md. Its inputs, outputs and reasons are
 * also readable at run time (nhanluc/rule.h, docs/rules.md); this header
 * is the typed C entry point. Conventions (errors, money, rounding,
 * sources) are those stated in nhanluc/rules.h.
 *
 * Thread safety: the function only reads the policy; see policy.h.
 */
#ifndef NHANLUC_EXPERT_H
#define NHANLUC_EXPERT_H

#include "policy.h"
#include "terms.h"

#ifdef __cplusplus
extern "C" {
#endif

/** Role of a hired consultant in the work package. */
typedef enum nl_role {
    NL_ROLE_MEMBER = 0,       /**< no leading role */
    NL_ROLE_ITEM_LEAD = 1,    /**< leads one or more work items (level >= 2) */
    NL_ROLE_TEAM_LEADER = 2   /**< team leader / runs the whole package (level 1) */
} nl_role;

/* ------------------------------------------------- 2. expert salary cap */

/** A hired IT expert / consultant. */
typedef struct nl_expert {
    nl_degree degree;          /**< in the consulting specialty */
    double experience_years;   /**< in the consulting specialty, >= 0, finite.
                                    Compared exactly with the whole-year
                                    thresholds: pass whole months as
                                    months / 12.0 (exact at every year
                                    boundary), not a day count divided by
                                    365.25, which can land a hair under. */
    nl_role role;
    bool special_expertise;    /**< informational: special_monthly is always given */
    nl_date on;                /**< date of the engagement */
} nl_expert;

/** Salary caps for one expert. All amounts in đồng; 0 when level is 0. */
typedef struct nl_expert_cap {
    int level;                 /**< 1 (highest) .. 4; 0 = rule does not apply */
    int64_t monthly;           /**< cap per month (26 working days) */
    int64_t weekly;            /**< monthly × 12 / 52 × 1.2, rounded down */
    int64_t daily;             /**< monthly / 26 × 1.3, rounded down */
    int64_t special_monthly;   /**< monthly × 1.5, rounded down: the ceiling
                                    for special expertise */
    nl_reason reason;          /**< NL_REASON_OK, NOT_IN_FORCE or DEGREE */
    const char *source;        /**< the circular the cap comes from */
    nl_certainty certainty;    /**< weakest certainty of all the values used,
                                    the week/day conversions included */
    nl_certainty monthly_certainty; /**< weakest certainty of the values
                                    behind level, monthly and special_monthly
                                    only: under TT 004/2025 the caps are
                                    confirmed while its week/day conversions
                                    are not */
} nl_expert_cap;

/**
 * Salary cap of a hired expert under the national table in force on
 * @c on (Thông tư 02/2015/TT-BLĐTBXH until 2025-06-30, Thông tư
 * 004/2025/TT-BNV from 2025-07-01). The level is the highest whose
 * condition is met: years of experience by degree (bachelor 15/10/5,
 * master's or higher 8/5/3 for levels 1/2/3), or role (team leader → 1,
 * item lead → at least 2). Below a university degree: level 0, reason
 * NL_REASON_DEGREE.
 * @return NL_OK; NL_EINVAL; NL_EDATE; NL_ERANGE (a what-if cap so large a
 * conversion overflows).
 */
NL_EXTERN nl_status nl_expert_salary_cap(const nl_policy *p, const nl_expert *e,
                                         nl_expert_cap *out);

#ifdef __cplusplus
}
#endif

#endif
