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
 * cannot take, e.g. 0 for a divisor or an unknown degree, or a TABLE or
 * SCALE parameter: use nl_policy_set_entries()); NL_ENOTFOUND (unknown
 * key); NL_EDATE (@p since outside 0001..9999); NL_ENOTINFORCE (a legacy
 * key, below, while its scale is not in force); NL_ENOMEM.
 *
 * Legacy keys: "expert.years.bachelor.level1" .. "level3" and the same for
 * "master" (format 1's experience thresholds) name the threshold of that
 * level in the scale "expert.levels.bachelor" / "expert.levels.master":
 * nl_policy_get() gives the least experience the scale in force puts at
 * that level or better, and nl_policy_set() rebuilds the scale in force on
 * @p since with that one threshold changed. nl_policy_end() refuses them
 * (NL_EINVAL): end the scale itself. They are not listed among the
 * parameters (docs/policy-format.md, "Format 1 and the upgrade").
 */
NL_EXTERN nl_status nl_policy_set(nl_policy *p, const char *key, nl_date since,
                                  int64_t value);

/** What-if: ends parameter @p key on @p since (no value from that date until
 *  its next dated change). Same errors and thread rules as nl_policy_set(). */
NL_EXTERN nl_status nl_policy_end(nl_policy *p, const char *key, nl_date since);

/** Value of parameter @p key in force on date @p on (for a TABLE or SCALE,
 *  its number of entries: see nl_policy_lookup()). Legacy keys as for
 *  nl_policy_set().
 *  @return NL_OK; NL_EINVAL (NULL); NL_ENOTFOUND (unknown key); NL_EDATE
 *  (@p on outside 0001-01-01..9999-12-31); NL_ENOTINFORCE (before the first
 *  value or while the parameter is ended; for a legacy key, also when the
 *  scale in force reaches no such level). On error *out is 0. */
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

/** What a parameter holds (policy format 2's "type"). A NUMBER, CODE or
 *  SET value is one int64, as nl_policy_get() and nl_policy_set() take it;
 *  a TABLE or SCALE value is a list of entries (nl_param_entry), read with
 *  nl_policy_param_entries() or nl_policy_lookup() and set with
 *  nl_policy_set_entries(). */
typedef enum nl_param_type {
    NL_PARAM_NUMBER = 0,  /**< a whole number in its unit (money, bp, years, bool, ...) */
    NL_PARAM_CODE,        /**< one code of a code list: the value is its index */
    NL_PARAM_SET,         /**< codes of a code list: bit i of the value is code i */
    NL_PARAM_TABLE,       /**< code -> value: entries {code index, value}, by code;
                               a code without an entry has no value */
    NL_PARAM_SCALE        /**< measure -> value by steps: entries {lowest measure,
                               value}, the first at the measure's minimum; a
                               measure x takes the last step with at <= x */
} nl_param_type;

/** One entry of a TABLE or SCALE value. */
typedef struct nl_param_entry {
    int64_t at;      /**< TABLE: the code's index in its list; SCALE: the lowest
                          measure of the step (e.g. years of experience) */
    int64_t value;   /**< the value for that code or from that measure on */
} nl_param_entry;

/** Largest number of entries in one TABLE or SCALE value. */
#define NL_PARAM_ENTRIES_MAX 1000u

/** The entries of the @p j-th dated value of parameter @p index (a TABLE or
 *  SCALE), sorted by @c at; they point into the policy and stay valid while
 *  it lives and is not modified. A value that ends the parameter has none.
 *  @return NL_OK; NL_EINVAL (NULL, or a parameter of another type);
 *  NL_ENOTFOUND (index out of range). */
NL_EXTERN nl_status nl_policy_param_entries(const nl_policy *p, size_t index, size_t j,
                                            const nl_param_entry **entries, size_t *n);

/** The value of TABLE or SCALE parameter @p key on @p on at @p at: for a
 *  TABLE the entry of code index @p at, for a SCALE the step whose range
 *  holds measure @p at.
 *  @return NL_OK; NL_EINVAL (NULL, a parameter of another type, or @p at
 *  outside the code list or the measure's range); NL_ENOTFOUND (unknown
 *  key); NL_EDATE; NL_ENOTINFORCE (no value on the date, or a TABLE code
 *  without an entry). On error *out is 0. */
NL_EXTERN nl_status nl_policy_lookup(const nl_policy *p, const char *key, nl_date on, int64_t at,
                                     int64_t *out);

/** What-if for a TABLE or SCALE: gives @p key the @p n entries from
 *  @p since onward, as nl_policy_set() does for a number. Entries must be
 *  sorted by @c at, strictly increasing; a TABLE's @c at are code indexes
 *  (any subset of the list, even none); a SCALE's first @c at is its
 *  measure's minimum (every measure has a value) and every @c at is within
 *  the measure's range; each value within the parameter's range. The
 *  entries are copied. Same thread rules as nl_policy_set().
 *  @return NL_OK; NL_EINVAL (NULL, a parameter of another type, entries
 *  that break a rule above, more than NL_PARAM_ENTRIES_MAX); NL_ENOTFOUND;
 *  NL_EDATE; NL_ENOMEM. */
NL_EXTERN nl_status nl_policy_set_entries(nl_policy *p, const char *key, nl_date since,
                                          const nl_param_entry *entries, size_t n);

/** Type of parameter @p key and, for a CODE, SET or TABLE, its code list: the
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
                                   list ("degree"), a SET's "set of <list>", a
                                   TABLE's "table of <list> to <unit>", a
                                   SCALE's "scale of <measure> to <unit>" */
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
