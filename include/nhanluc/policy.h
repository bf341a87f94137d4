/**
 * @file nhanluc/policy.h
 * @brief Policies: dated parameters with their legal sources.
 *
 * A policy is the data the rules read: every amount, threshold, share and
 * conversion factor, each a list of dated values with a legal source and a
 * certainty (see docs/policy-format.md). The built-in Lào Cai policy is
 * compiled into the library; other documents load from a path or a string.
 *
 * Thread safety: a policy is immutable once built, except through
 * nl_policy_set(). Any number of threads may read or evaluate rules on the
 * same policy at the same time as long as no thread modifies it; to change a
 * shared policy, nl_policy_clone() it and change the copy.
 */
#ifndef NHANLUC_POLICY_H
#define NHANLUC_POLICY_H

#include "common.h"

#ifdef __cplusplus
extern "C" {
#endif

/** An opaque policy. Create with nl_policy_default(), nl_policy_load(),
 *  nl_policy_parse() or nl_policy_clone(); release with nl_policy_free(). */
typedef struct nl_policy nl_policy;

/** Largest policy document accepted, in bytes (16 MiB). */
#define NL_POLICY_MAX_BYTES (16u * 1024u * 1024u)

/** Builds the built-in Lào Cai policy (data/laocai.json, embedded at build
 *  time; no file is read).
 *  @param out receives a new policy, owned by the caller.
 *  @return NL_OK; NL_EINVAL if @p out is NULL; NL_ENOMEM. */
NL_EXTERN nl_status nl_policy_default(nl_policy **out);

/** Loads a policy document from a file.
 *  @param path UTF-8 path of a JSON policy document.
 *  @param out receives a new policy, owned by the caller; NULL on error.
 *  @param err optional detail (line, column, key, message); may be NULL.
 *  @return NL_OK; NL_EINVAL (NULL argument); NL_EIO (cannot open or read,
 *  or @p path is not a regular file: a named pipe, device or directory is
 *  refused without waiting for a writer); NL_EPARSE (malformed, or larger
 *  than NL_POLICY_MAX_BYTES); NL_ENOMEM. To load from a stream, read it
 *  yourself and call nl_policy_parse(). No partial policy is ever returned. */
NL_EXTERN nl_status nl_policy_load(const char *path, nl_policy **out, nl_error *err);

/** Parses a policy document held in memory (@p len bytes, need not be
 *  NUL-terminated). Same results as nl_policy_load() except NL_EIO. */
NL_EXTERN nl_status nl_policy_parse(const char *text, size_t len, nl_policy **out,
                                    nl_error *err);

/** Deep copy of @p p, independent of it (for what-if scenarios).
 *  @return NL_OK; NL_EINVAL; NL_ENOMEM. */
NL_EXTERN nl_status nl_policy_clone(const nl_policy *p, nl_policy **out);

/** Releases a policy. NULL is a no-op. Strings obtained from the policy
 *  (sources, keys, names) become invalid. */
NL_EXTERN void nl_policy_free(nl_policy *p);

/** Human-readable name of the policy (never NULL for a valid policy). */
NL_EXTERN const char *nl_policy_name(const nl_policy *p);

/**
 * What-if: gives parameter @p key the value @p value from @p since onward,
 * until the parameter's next dated change (if any). A value already dated
 * @p since is replaced; a value ending the parameter on that date is
 * replaced too, so the parameter stays in force. The new value has certainty
 * NL_CERTAINTY_USER and a "what-if" source.
 *
 * Not thread safe: no other thread may use @p p during the call.
 * @return NL_OK; NL_EINVAL (NULL, negative value, or a value the parameter
 * cannot take, e.g. 0 for a divisor or an unknown degree); NL_ENOTFOUND
 * (unknown key); NL_EDATE (@p since outside 0001..9999); NL_ENOMEM.
 */
NL_EXTERN nl_status nl_policy_set(nl_policy *p, const char *key, nl_date since,
                                  int64_t value);

/** What-if: ends parameter @p key on @p since (no value from that date until
 *  its next dated change). Same errors and thread rules as nl_policy_set(). */
NL_EXTERN nl_status nl_policy_end(nl_policy *p, const char *key, nl_date since);

/** Value of parameter @p key in force on date @p on.
 *  @return NL_OK; NL_EINVAL (NULL); NL_ENOTFOUND (unknown key); NL_EDATE
 *  (@p on outside 0001-01-01..9999-12-31); NL_ENOTINFORCE (before the first
 *  value or while the parameter is ended). On error *out is 0. */
NL_EXTERN nl_status nl_policy_get(const nl_policy *p, const char *key, nl_date on,
                                  int64_t *out);

/** One dated value of a parameter. Strings point into the policy (or to
 *  static storage) and stay valid while the policy lives and is not
 *  modified. */
typedef struct nl_param_value {
    nl_date since;           /**< first day the value applies */
    bool ends;               /**< true: the parameter is not in force from @c since */
    int64_t value;           /**< the value (0 when @c ends) */
    const char *source;      /**< citation of the legal text */
    const char *source_url;  /**< where the text was seen ("" if none) */
    nl_certainty certainty;  /**< how sure the data is of this value */
} nl_param_value;

/** Like nl_policy_get(), but returns the whole dated value in force on
 *  @p on (its source and certainty). Same errors; on error *out is zeroed. */
NL_EXTERN nl_status nl_policy_get_value(const nl_policy *p, const char *key, nl_date on,
                                        nl_param_value *out);

/** What a parameter holds (policy format 2's "type"). Every value is one
 *  int64 either way, as nl_policy_get() and nl_policy_set() take it. */
typedef enum nl_param_type {
    NL_PARAM_NUMBER = 0,  /**< a whole number in its unit (money, bp, years, bool, ...) */
    NL_PARAM_CODE,        /**< one code of a code list: the value is its index */
    NL_PARAM_SET          /**< codes of a code list: bit i of the value is code i */
} nl_param_type;

/** Type of parameter @p key and, for a CODE or SET, its code list: the
 *  names of codes 0..*ncodes-1 ("it", "electronics_telecom", ...; static
 *  strings) and the list's name ("major"). @p codes, @p ncodes and
 *  @p list may be NULL; for a NUMBER they are set to NULL, 0 and NULL.
 *  @return NL_OK; NL_EINVAL (NULL policy, key or type); NL_ENOTFOUND. */
NL_EXTERN nl_status nl_policy_param_type(const nl_policy *p, const char *key,
                                         nl_param_type *type, const char *const **codes,
                                         size_t *ncodes, const char **list);

/** Description of one parameter (strings valid as for nl_param_value). */
typedef struct nl_param_info {
    const char *key;          /**< e.g. "expert.cap.level1" */
    const char *unit;         /**< "VND", "VND/month", "years", "bp", ...; a CODE's
                                   list ("degree"), a SET's "set of <list>" */
    const char *description;  /**< what the parameter is, in Vietnamese/English */
    size_t value_count;       /**< number of dated values (>= 1) */
} nl_param_info;

/** Number of parameters in the policy (0 if @p p is NULL). */
NL_EXTERN size_t nl_policy_param_count(const nl_policy *p);

/** Parameter @p index (0-based, in key order).
 *  @return NL_OK; NL_EINVAL (NULL); NL_ENOTFOUND (index out of range). */
NL_EXTERN nl_status nl_policy_param_info(const nl_policy *p, size_t index,
                                         nl_param_info *out);

/** The @p j-th dated value (0-based, by date) of parameter @p index.
 *  @return NL_OK; NL_EINVAL (NULL); NL_ENOTFOUND (index out of range). */
NL_EXTERN nl_status nl_policy_param_value(const nl_policy *p, size_t index, size_t j,
                                          nl_param_value *out);

/** Index of parameter @p key for nl_policy_param_info().
 *  @return NL_OK; NL_EINVAL (NULL); NL_ENOTFOUND. */
NL_EXTERN nl_status nl_policy_param_find(const nl_policy *p, const char *key,
                                         size_t *index);

/** A workplace unit of the province: an entry of its dated catalogue
 *  (docs/policy-format.md, "workplaces"). The built-in Lào Cai policy holds
 *  the 9 pre-2025 district-level units until 2025-06-30 and the 99 communes
 *  of the merged province from 2025-07-01. */
typedef struct nl_workplace {
    int code;              /**< GSO code, e.g. 80 for "080", 2647 for "02647" */
    const char *name;      /**< e.g. "Thành phố Lào Cai" */
    const char *tier;      /**< amount tier, e.g. "city_town" or "district";
                                the amount key is "attraction.amount.<tier>".
                                NULL when the unit has none (see
                                nl_workplace_detail.kind) */
} nl_workplace;

/** How a unit's attraction tier is known. */
typedef enum nl_workplace_kind {
    NL_WORKPLACE_TIER = 0,      /**< the document gives its tier */
    NL_WORKPLACE_DERIVED,       /**< derived from its predecessors ("from"),
                                     all of one tier: answers are unconfirmed */
    NL_WORKPLACE_AMBIGUOUS,     /**< predecessors of different tiers: the
                                     answer asks for the pre-2025 unit */
    NL_WORKPLACE_OUTSIDE_AREA   /**< no predecessor is a unit of the policy's
                                     area (e.g. old Yên Bái) */
} nl_workplace_kind;

/** The dated side of a unit, for nl_policy_workplace_detail(). */
typedef struct nl_workplace_detail {
    int digits;            /**< 3 (district level) or 5 (commune level) */
    nl_date since;         /**< first day; has_since false when open */
    nl_date until;         /**< last day; has_until false when open */
    bool has_since, has_until;
    nl_workplace_kind kind;
    size_t from_count;     /**< number of predecessor codes */
    const int *from;       /**< the predecessor codes, owned by the policy */
} nl_workplace_detail;

/** Number of workplace units (0 if @p p is NULL). */
NL_EXTERN size_t nl_policy_workplace_count(const nl_policy *p);

/** Workplace unit @p index (0-based, by code, then by first day).
 *  @return NL_OK; NL_EINVAL (NULL); NL_ENOTFOUND (index out of range). */
NL_EXTERN nl_status nl_policy_workplace_at(const nl_policy *p, size_t index,
                                           nl_workplace *out);

/** Validity period, level, kind and predecessors of unit @p index.
 *  @return NL_OK; NL_EINVAL (NULL); NL_ENOTFOUND (index out of range). */
NL_EXTERN nl_status nl_policy_workplace_detail(const nl_policy *p, size_t index,
                                               nl_workplace_detail *out);

/** Looks a unit up by GSO code: the first unit with that code (by first
 *  day), whatever its period; see nl_policy_workplace_on() for a date.
 *  @return NL_OK; NL_EINVAL (NULL, or code outside 0..99999); NL_ENOTFOUND
 *  (a well-formed code that is not a unit of this province). */
NL_EXTERN nl_status nl_policy_workplace(const nl_policy *p, int code, nl_workplace *out);

/** The unit a code names on a date, as the attraction subsidy resolves it:
 *  the unit with that code in force on @p on; else one with that code that
 *  ended before @p on (a pre-2025 code after the merger: *@p mapped is then
 *  true, and answers through it are unconfirmed).
 *  @param index receives the unit's index for nl_policy_workplace_at().
 *  @param mapped optional; may be NULL.
 *  @return NL_OK; NL_EINVAL (NULL, code outside 0..99999); NL_EDATE;
 *  NL_ENOTFOUND (no such unit on or before the date). */
NL_EXTERN nl_status nl_policy_workplace_on(const nl_policy *p, int code, nl_date on,
                                           size_t *index, bool *mapped);

/** The unit called @p name on date @p on, e.g. "Sa Pa", "thị xã Sa Pa",
 *  "TX. Sa Pa", "Phuong Lao Cai". Names compare without diacritics, case
 *  or punctuation; a leading kind of unit ("Thành phố", "Thị xã", "Thị
 *  trấn", "Huyện", "Phường", "Xã", "TP.", "TX.", "TT.") may be left out,
 *  and when given must match. Units in force on @p on are searched; if
 *  none has the name, those that ended before it (a pre-2025 name after
 *  the merger: answers through it are then mapped, as for its code).
 *  @param code receives the unit's GSO code (-1 on error).
 *  @param err optional; on error err->key is "workplace" and err->message
 *  says why, listing the candidates of an ambiguous name.
 *  @return NL_OK; NL_EINVAL (NULL, a name that is empty, not UTF-8 or
 *  longer than 255 bytes folded); NL_EDATE; NL_ENOTFOUND (no unit has the
 *  name); NL_EAMBIGUOUS (several units in force on the date have it, e.g.
 *  "Sa Pa" when a "Phường Sa Pa" and a "Xã Sa Pa" coexist: the message
 *  lists them as "<code> <name>", and the kind tells them apart). */
NL_EXTERN nl_status nl_policy_workplace_find(const nl_policy *p, const char *name, nl_date on,
                                             int *code, nl_error *err);

#ifdef __cplusplus
}
#endif

#endif
