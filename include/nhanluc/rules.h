/**
 * @file nhanluc/rules.h
 * @brief The three rule families: attraction subsidy, expert salary cap,
 *        training-cost support.
 *
 * Each function evaluates one case against a policy "as of" a date and fills
 * a result the caller owns. Conventions shared by all three:
 *  - Not qualifying is an answer, not an error: the function returns NL_OK,
 *    and the result says why (reason), with the legal source.
 *  - Bad input is an error: NULL pointers, enum values out of range,
 *    negative money or days, NaN or infinite numbers give NL_EINVAL; a date
 *    outside 0001..9999 gives NL_EDATE; a sum past INT64_MAX gives NL_ERANGE.
 *    On any error the result is zeroed: there is no partial answer.
 *  - Money is int64 đồng. Every division rounds toward zero (down, since all
 *    amounts are non-negative), so a computed cap never exceeds the law's.
 *  - @c source points into the policy (valid while it lives and is not
 *    modified) and cites the legal text of the value that decided.
 *  - @c certainty is the weakest certainty of the values used.
 *
 * Thread safety: these functions only read the policy; see policy.h.
 */
#ifndef NHANLUC_RULES_H
#define NHANLUC_RULES_H

#include "policy.h"

#ifdef __cplusplus
extern "C" {
#endif

/** Highest degree held. */
typedef enum nl_degree {
    NL_DEGREE_NONE = 0,      /**< none or below college */
    NL_DEGREE_COLLEGE = 1,   /**< cao đẳng */
    NL_DEGREE_BACHELOR = 2,  /**< đại học (university degree) */
    NL_DEGREE_MASTER = 3,    /**< thạc sĩ */
    NL_DEGREE_DOCTOR = 4     /**< tiến sĩ */
} nl_degree;

/** Major of the degree. */
typedef enum nl_major {
    NL_MAJOR_OTHER = 0,
    NL_MAJOR_IT = 1,                   /**< công nghệ thông tin */
    NL_MAJOR_ELECTRONICS_TELECOM = 2   /**< điện tử viễn thông */
} nl_major;

/** Kind of employing agency. */
typedef enum nl_agency {
    NL_AGENCY_OTHER = 0,
    NL_AGENCY_PARTY = 1,   /**< cơ quan Đảng */
    NL_AGENCY_STATE = 2    /**< cơ quan Nhà nước */
} nl_agency;

/** Role of a hired consultant in the work package. */
typedef enum nl_role {
    NL_ROLE_MEMBER = 0,       /**< no leading role */
    NL_ROLE_ITEM_LEAD = 1,    /**< leads one or more work items (level >= 2) */
    NL_ROLE_TEAM_LEADER = 2   /**< team leader / runs the whole package (level 1) */
} nl_role;

/* ------------------------------------------------- 1. attraction subsidy */

/** A candidate for the one-off attraction subsidy. */
typedef struct nl_candidate {
    nl_degree degree;
    nl_major major;
    nl_agency agency;
    bool dedicated_post;   /**< dedicated IT / digital-transformation post */
    int workplace;         /**< GSO district-level code (pre-2025), e.g. 80;
                                0..999, other codes are errors */
    nl_date start;         /**< first day in the post */
} nl_candidate;

/** Answer for the attraction subsidy. */
typedef struct nl_subsidy {
    bool eligible;
    int64_t amount;          /**< đồng, one-off; 0 unless eligible */
    nl_reason reason;        /**< NL_REASON_OK or the first unmet condition */
    const char *source;      /**< legal source of the deciding value */
    nl_certainty certainty;  /**< weakest certainty of the values used */
} nl_subsidy;

/**
 * One-off subsidy for a university graduate in IT or electronics-telecom
 * taking a dedicated IT post at a Party or State agency of the province
 * (Lào Cai: 100,000,000 đ in the city / Sa Pa town, 150,000,000 đ in a
 * district). Conditions are checked in this order, the first unmet one is
 * the reason: in force on @c start, degree, major, agency, dedicated post,
 * workplace in the province (and its tier's amount in force).
 * @return NL_OK (eligible or not); NL_EINVAL; NL_EDATE.
 */
NL_EXTERN nl_status nl_attraction_subsidy(const nl_policy *p, const nl_candidate *c,
                                          nl_subsidy *out);

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

/* ------------------------------------------------ 3. training support */

/** A training-cost claim. Money in đồng as charged / claimed. */
typedef struct nl_training {
    bool dedicated_official;   /**< cán bộ/công chức/viên chức dedicated to IT */
    bool short_concentrated;   /**< short-term concentrated course */
    int64_t tuition;           /**< as charged by the training institution */
    int64_t materials;         /**< as charged by the training institution */
    int64_t meals;             /**< claimed */
    int64_t travel;            /**< claimed */
    int32_t days;              /**< course length in days, >= 1 */
    nl_date start;             /**< first day of the course */
} nl_training;

/** What the province pays. */
typedef struct nl_training_result {
    bool eligible;
    int64_t tuition, materials, meals, travel;  /**< paid per item */
    int64_t total;             /**< sum of the four */
    nl_reason reason;
    const char *source;        /**< legal source of the support */
    nl_certainty certainty;    /**< unconfirmed while meal/travel caps are */
} nl_training_result;

/**
 * Training-cost support for officials dedicated to IT on a short
 * concentrated course: tuition and materials at their share (100%),
 * meals up to a daily cap × days, travel up to a per-course cap (both caps
 * are unconfirmed placeholders in the built-in policy).
 * @return NL_OK; NL_EINVAL (negative money, days < 1); NL_EDATE;
 * NL_ERANGE (a sum past INT64_MAX).
 */
NL_EXTERN nl_status nl_training_support(const nl_policy *p, const nl_training *t,
                                        nl_training_result *out);

#ifdef __cplusplus
}
#endif

#endif
