/**
 * @file nhanluc/rule.h
 * @brief Rule families declared once: their inputs, outputs and reasons,
 *        readable at run time, and one call that evaluates any of them by
 *        field position with the error naming the field.
 *
 * Each rule family (rules/attraction.c, rules/expert.c, rules/training.c) is
 * a single declaration: its inputs (name, type, range or code list, labels
 * in Vietnamese and English, default when optional), its outputs, the
 * reasons it can answer in the order it checks its conditions, and the
 * legal text it follows (docs/law/). Input validation, the typed functions
 * of attraction.h / expert.h / training.h, nl_rule_eval, the bindings'
 * methods and result records and docs/rules.md are all derived from it, in
 * the way sqlite3_column_name or curl_easy_option_by_name expose a table.
 *
 * Growth without breaking callers: a field is only ever appended to a
 * rule's inputs or outputs, with a default when it is an input. A caller
 * built against fewer inputs passes fewer (@p nin) and gets the defaults of
 * the rest; one that reads fewer outputs passes a smaller @p nout.
 *
 * Thread safety: the declarations are static and read-only; every function
 * here may be called from any thread. nl_rule_eval only reads the policy
 * (see policy.h for sharing one between threads).
 */
#ifndef NHANLUC_RULE_H
#define NHANLUC_RULE_H

#include "policy.h"

#ifdef __cplusplus
extern "C" {
#endif

/** How a field's value travels in an nl_value. */
typedef enum nl_field_type {
    NL_FIELD_BOOL = 0,   /**< .i: 0 or 1 */
    NL_FIELD_INT,        /**< .i: an integer in [min, max] */
    NL_FIELD_MONEY,      /**< .i: đồng, in [min, max] */
    NL_FIELD_DATE,       /**< .i: an nl_date, 0001-01-01..9999-12-31 */
    NL_FIELD_CODE,       /**< .i: 0..ncodes-1, named by codes[] */
    NL_FIELD_WORKPLACE,  /**< .i: a GSO code in [min, max] (any level) */
    NL_FIELD_YEARS,      /**< .f: a finite real in [min, max] (max < 0: none) */
    NL_FIELD_REASON,     /**< .i: an nl_reason (outputs only) */
    NL_FIELD_CERTAINTY,  /**< .i: an nl_certainty (outputs only) */
    NL_FIELD_TEXT        /**< .s: UTF-8 text owned by the policy (outputs only) */
} nl_field_type;

/** Number of nl_field_type values. */
#define NL_FIELD_TYPE_COUNT 10

/** "bool", "int", "money", "date", "code", "workplace", "years", "reason",
 *  "certainty" or "text"; NULL if out of range. */
NL_EXTERN const char *nl_field_type_name(nl_field_type t);

/** One value of a rule's input or output. Which member is used follows the
 *  field's type: .f for NL_FIELD_YEARS, .s for NL_FIELD_TEXT, .i else. */
typedef union nl_value {
    int64_t i;
    double f;
    const char *s;
} nl_value;

/** A field of a rule, in static storage. New members are only appended. */
typedef struct nl_field_info {
    const char *name;          /**< stable identifier, e.g. "degree" */
    nl_field_type type;
    int64_t min, max;          /**< closed range of .i (INT, MONEY, CODE,
                                    WORKPLACE, DATE); for YEARS, of .f as
                                    whole numbers (max < min: no upper bound) */
    const char *const *codes;  /**< CODE: the names of 0..ncodes-1, e.g.
                                    "none", "college", ...; NULL otherwise */
    size_t ncodes;
    bool optional;             /**< an input that may be left out */
    nl_value default_value;    /**< its value when left out */
    const char *label_vi;      /**< label for forms, Vietnamese */
    const char *label_en;      /**< label for forms, English */
    const char *doc;           /**< one line of English documentation */
} nl_field_info;

/** A rule family's declaration (static, never freed). */
typedef struct nl_rule nl_rule;

/** Number of rule families the library declares. */
NL_EXTERN size_t nl_rule_count(void);
/** The @p i th family (in a stable order: attraction subsidy, expert salary
 *  cap, training support, then families added later); NULL past the end. */
NL_EXTERN const nl_rule *nl_rule_at(size_t i);
/** The family called @p name (e.g. "attraction_subsidy"); NULL if none. */
NL_EXTERN const nl_rule *nl_rule_find(const char *name);

/** Stable identifier, e.g. "attraction_subsidy". NULL if @p r is NULL. */
NL_EXTERN const char *nl_rule_name(const nl_rule *r);
/** Title in Vietnamese ("vi") or English ("en"); NULL for another @p lang. */
NL_EXTERN const char *nl_rule_title(const nl_rule *r, const char *lang);
/** The repository file stating the law it follows, e.g.
 *  "docs/law/1-attraction.md". */
NL_EXTERN const char *nl_rule_law(const nl_rule *r);

/** Number of inputs / outputs (0 if @p r is NULL). */
NL_EXTERN size_t nl_rule_input_count(const nl_rule *r);
NL_EXTERN size_t nl_rule_output_count(const nl_rule *r);
/** The @p i th input / output; NULL past the end. */
NL_EXTERN const nl_field_info *nl_rule_input(const nl_rule *r, size_t i);
NL_EXTERN const nl_field_info *nl_rule_output(const nl_rule *r, size_t i);
/** Position of the input / output called @p name, or -1. */
NL_EXTERN ptrdiff_t nl_rule_input_index(const nl_rule *r, const char *name);
NL_EXTERN ptrdiff_t nl_rule_output_index(const nl_rule *r, const char *name);

/** Number of reasons the family can answer; the @p i th (NL_REASON_OK first,
 *  then its conditions in the order it checks them); -1 past the end. */
NL_EXTERN size_t nl_rule_reason_count(const nl_rule *r);
NL_EXTERN int nl_rule_reason(const nl_rule *r, size_t i);

/** The policy parameter the @p i th reason's condition reads (its key, e.g.
 *  "attraction.majors"; an unmet condition cites that parameter's source),
 *  or NULL (none, or past the end). */
NL_EXTERN const char *nl_rule_reason_parameter(const nl_rule *r, size_t i);

/** Longest text nl_rule_reason_text() writes, terminator included. */
#define NL_REASON_TEXT_MAX 1024

/**
 * The sentence explaining @p reason of rule @p r as policy @p p states it
 * on @p on, in Vietnamese (@p lang "vi") or English ("en"): the condition's
 * text with the value of the parameter it reads on that date put in
 * ("… cần tốt nghiệp thạc sĩ trở lên" once attraction.min_degree is
 * "master"; a set's codes joined by "hoặc" / "or"). A reason whose
 * condition reads no parameter, or whose parameter is not in force or not
 * in the document on @p on, gives nl_reason_message()'s text.
 * Writes at most @p size bytes including the terminator into @p buf (a
 * buffer of NL_REASON_TEXT_MAX always suffices).
 * @return NL_OK; NL_EINVAL (NULL @p p, @p r, @p buf, @p lang; @p size 0;
 * @p lang not "vi" or "en"); NL_ENOTFOUND (@p reason is not one of the
 * rule's); NL_EDATE (@p on outside 0001..9999); NL_ERANGE (@p size too
 * small: @p buf holds as much as fits, cut at a character boundary).
 * On error other than NL_ERANGE, buf[0] is '\0' when @p buf can hold it.
 */
NL_EXTERN nl_status nl_rule_reason_text(const nl_policy *p, const nl_rule *r, int reason,
                                        nl_date on, const char *lang, char *buf, size_t size);

/** Position of @p text among a CODE field's names (exact, e.g. "bachelor"),
 *  or -1 (also when @p f is not a CODE field). */
NL_EXTERN int nl_field_code(const nl_field_info *f, const char *text);

/**
 * Evaluates rule @p r on @p p with inputs @p in (nin of them, in the order
 * of nl_rule_input; inputs past @p nin take their defaults) and writes the
 * first @p nout outputs into @p out.
 *
 * A refused input fills @p err (which may be NULL): err->key is the input's
 * name, err->message says why, e.g. "degree: 7 is not one of none, college,
 * bachelor, master, doctor". The checks are those the typed functions make,
 * because both come from the same declaration.
 * @return NL_OK (eligible or not); NL_EINVAL (NULL @p p, @p r, or @p in with
 * nin > 0, @p out with nout > 0; nin or nout larger than the rule's counts;
 * a required input left out; a value out of its range); NL_EDATE (a date
 * outside 0001..9999); NL_ERANGE (an amount past int64, or a value that
 * does not fit the 32 bits of its field, e.g. a workplace or a day count
 * past 2^31: refused, never wrapped). On error every output is zeroed.
 */
NL_EXTERN nl_status nl_rule_eval(const nl_policy *p, const nl_rule *r, const nl_value *in,
                                 size_t nin, nl_value *out, size_t nout, nl_error *err);

#ifdef __cplusplus
}
#endif

#endif
