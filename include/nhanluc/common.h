/**
 * @file nhanluc/common.h
 * @brief Export macro, status codes, dates, errors and reasons shared by every
 *        part of libnhanluc.
 *
 * Thread safety: every function declared here is pure (no hidden state) and
 * may be called from any thread at any time.
 */
#ifndef NHANLUC_COMMON_H
#define NHANLUC_COMMON_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "version.h"

/** @def NL_EXTERN
 *  Marks a public symbol. The library is built with -fvisibility=hidden, so
 *  only declarations carrying this macro are exported. Empty when SWIG reads
 *  the header. */
#if defined(SWIG)
#  define NL_EXTERN
#elif defined(_WIN32) && defined(NL_BUILDING_SHARED)
#  define NL_EXTERN __declspec(dllexport)
#elif defined(__GNUC__) || defined(__clang__)
#  define NL_EXTERN __attribute__((visibility("default")))
#else
#  define NL_EXTERN
#endif

#ifdef __cplusplus
extern "C" {
#endif

/** Runtime version of the library, e.g. "0.1.0". Compare with
 *  NL_VERSION_STRING to detect a header/library mismatch. Never NULL. */
NL_EXTERN const char *nl_version(void);

/** Runtime version as MAJOR * 10000 + MINOR * 100 + PATCH (see
 *  NL_VERSION_NUMBER). */
NL_EXTERN int nl_version_number(void);

/**
 * Result of every function that can fail. NL_OK is zero; the others are
 * positive and stable across releases (new codes are only appended).
 *
 * "Not eligible" is never an error: rule functions answer it with NL_OK and a
 * reason code in their result.
 */
typedef enum nl_status {
    NL_OK = 0,          /**< success */
    NL_EINVAL,          /**< invalid argument: NULL pointer, enum out of range,
                             negative money, NaN, workplace outside 0..99999 */
    NL_ERANGE,          /**< a money amount would overflow int64 */
    NL_EDATE,           /**< not a real calendar date, or outside 0001..9999 */
    NL_ENOTFOUND,       /**< unknown parameter key or index */
    NL_ENOTINFORCE,     /**< the parameter has no value on that date */
    NL_EPARSE,          /**< a policy document is malformed (see nl_error) */
    NL_EIO,             /**< a policy file could not be read */
    NL_ENOMEM,          /**< out of memory */
    NL_EAMBIGUOUS       /**< a name that fits several items (the message
                             lists them), e.g. a workplace name */
} nl_status;

/** Number of nl_status values (one past the last). */
#define NL_STATUS_COUNT 10

/** Stable English text for a status, e.g. "invalid argument". Never NULL:
 *  unknown values give "unknown status". */
NL_EXTERN const char *nl_strerror(nl_status s);

/** Stable identifier of a status, e.g. "NL_EINVAL"; "NL_UNKNOWN" for values
 *  outside the enum. Never NULL. */
NL_EXTERN const char *nl_status_name(nl_status s);

/**
 * Detail of a failure, owned by the caller (there is no hidden "last
 * error"): of a load or parse, of a rule input refused by nl_rule_eval, of
 * a name nl_policy_workplace_find could not resolve. Filled on error only;
 * cleared to zeros on success.
 */
typedef struct nl_error {
    nl_status status;   /**< same code the function returned */
    int line;           /**< 1-based line in the document, 0 if not applicable */
    int column;         /**< 1-based column in characters (UTF-8 code
                             points, as the JSON parser counts), 0 if not
                             applicable */
    char key[128];      /**< what the error is about: for a document, a JSON
                             Pointer (RFC 6901) to the offending item, e.g.
                             "/parameters/expert.cap.level1/values/1/since";
                             for a rule input, the field's name ("degree",
                             nhanluc/rule.h); empty if not applicable */
    char message[256];  /**< English explanation, includes line, column, key */
} nl_error;

/* ------------------------------------------------------------------ dates */

/** A calendar date as days since 1970-01-01 (proleptic Gregorian). */
typedef int32_t nl_date;

/** Parses exactly "YYYY-MM-DD" (year 0001..9999) into @p out.
 *  @return NL_OK; NL_EINVAL if @p iso or @p out is NULL; NL_EDATE if the text
 *  is not in that form or is not a real date (e.g. "2023-02-29").
 *  On error *out is set to 0. */
NL_EXTERN nl_status nl_date_parse(const char *iso, nl_date *out);

/** Builds a date from year, month (1-12) and day.
 *  @return NL_OK; NL_EINVAL if @p out is NULL; NL_EDATE if the date does not
 *  exist or the year is outside 1..9999. On error *out is set to 0. */
NL_EXTERN nl_status nl_date_ymd(int y, int m, int d, nl_date *out);

/** Splits a date into year, month and day (any pointer may be NULL).
 *  @return NL_OK; NL_EDATE if @p date is outside 0001-01-01..9999-12-31,
 *  and then the given outputs are set to 0. */
NL_EXTERN nl_status nl_date_split(nl_date date, int *y, int *m, int *d);

/** Writes "YYYY-MM-DD" and a terminating NUL into @p buf (at least 11 bytes).
 *  @return NL_OK; NL_EINVAL if @p buf is NULL or @p size < 11; NL_EDATE if
 *  the date is outside 0001..9999. */
NL_EXTERN nl_status nl_date_format(nl_date date, char *buf, size_t size);

/* -------------------------------------------------------------- certainty */

/**
 * How sure the policy data is of a value (docs/law/). A rule result
 * carries the weakest certainty of the values it used, so a caller can flag
 * answers that rest on placeholders.
 */
typedef enum nl_certainty {
    NL_CERTAINTY_CONFIRMED = 0,   /**< seen in the legal instrument named */
    NL_CERTAINTY_REPORTED = 1,    /**< seen only in press reports */
    NL_CERTAINTY_UNCONFIRMED = 2, /**< placeholder: the value is not known */
    NL_CERTAINTY_USER = 3         /**< set by the caller (nl_policy_set) */
} nl_certainty;

/** "confirmed", "reported", "unconfirmed" or "user"; NULL if out of range. */
NL_EXTERN const char *nl_certainty_name(nl_certainty c);

/* ---------------------------------------------------------------- reasons */

/**
 * Why a rule decided as it did. NL_REASON_OK means the person qualifies;
 * every other value names the first condition not met.
 */
typedef enum nl_reason {
    NL_REASON_OK = 0,            /**< all conditions met */
    NL_REASON_NOT_IN_FORCE,      /**< no rule in force on the date */
    NL_REASON_DEGREE,            /**< degree below the one required */
    NL_REASON_MAJOR,             /**< major is not IT / electronics-telecom */
    NL_REASON_AGENCY,            /**< not a Party or State agency */
    NL_REASON_NOT_DEDICATED,     /**< not a dedicated IT / digital post */
    NL_REASON_OUTSIDE_PROVINCE,  /**< workplace not a unit of the province
                                      (on the date) */
    NL_REASON_COURSE_KIND,       /**< not a short-term concentrated course */
    NL_REASON_OUTSIDE_AREA,      /**< a unit of the (merged) province outside
                                      the area the rule covers */
    NL_REASON_AMBIGUOUS_WORKPLACE /**< a unit formed from predecessors the rule
                                      treats differently: the pre-2025 unit
                                      is needed */
} nl_reason;

/** Number of nl_reason values (one past the last). */
#define NL_REASON_COUNT 10

/** Message for a reason in Vietnamese ("vi") or English ("en"), UTF-8,
 *  static storage. @return NULL if @p r is out of range or @p lang is NULL
 *  or not one of those two. */
NL_EXTERN const char *nl_reason_message(nl_reason r, const char *lang);

/** Stable short identifier of a reason, e.g. "ok", "degree",
 *  "outside_province"; NULL if out of range. */
NL_EXTERN const char *nl_reason_name(nl_reason r);

#ifdef __cplusplus
}
#endif

#endif
