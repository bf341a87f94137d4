/**
 * @file nhanluc/terms.h
 * @brief Terms several rule families share: the degree held.
 *
 * Thread safety: declarations only.
 */
#ifndef NHANLUC_TERMS_H
#define NHANLUC_TERMS_H

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

#ifdef __cplusplus
}
#endif

#endif
