/**
 * @file nhanluc/attraction.h
 * @brief The one-off attraction subsidy for IT graduates.
 *
 * The law: docs/law/1-attraction.md. Its inputs, outputs and reasons are
 * also readable at run time (nhanluc/rule.h, docs/rules.md); this header
 * is the typed C entry point. Conventions (errors, money, rounding,
 * sources) are those stated in nhanluc/rules.h.
 *
 * Thread safety: the function only reads the policy; see policy.h.
 */
#ifndef NHANLUC_ATTRACTION_H
#define NHANLUC_ATTRACTION_H

#include "policy.h"
#include "terms.h"

#ifdef __cplusplus
extern "C" {
#endif

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

#ifdef __cplusplus
}
#endif

#endif
