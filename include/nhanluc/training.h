/**
 * @file nhanluc/training.h
 * @brief Training-cost support for IT officials.
 *
 * The law: docs/law/2-training.md. Its inputs, outputs and reasons are
 * also readable at run time (nhanluc/rule.h, docs/rules.md); this header
 * is the typed C entry point. Conventions (errors, money, rounding,
 * sources) are those stated in nhanluc/rules.h.
 *
 * Thread safety: the function only reads the policy; see policy.h.
 */
#ifndef NHANLUC_TRAINING_H
#define NHANLUC_TRAINING_H

#include "policy.h"
#include "terms.h"

#ifdef __cplusplus
extern "C" {
#endif

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
