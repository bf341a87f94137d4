/* How a rule family declares itself (a file of rules/). Not installed.
 *
 * A family writes one `nl_rule` with NL_RULE(): its inputs and outputs as
 * members of its public input / output structs (NL_IN_* / NL_OUT_*), the
 * reasons it can answer in the order it checks them, and its decision
 * function, which runs only on inputs the engine has checked against the
 * declaration (core/rule.c). Everything else (the typed entry point, the
 * generic nl_rule_eval, introspection, the bindings, docs/rules.md) is
 * derived from that one table. */
#ifndef NHANLUC_RULE_DECL_H
#define NHANLUC_RULE_DECL_H

#include <stddef.h>

#include "internal.h"

typedef struct nl_field_decl {
    nl_field_info info;
    size_t offset;           /* of the member in the family's struct */
    unsigned char size;      /* sizeof that member: 1, 4 or 8 */
} nl_field_decl;

/* Decides on checked inputs; `out` is zeroed before the call. Returns
 * NL_OK, or NL_ERANGE (the engine zeroes `out` again). */
typedef nl_status (*nl_decide_fn)(const nl_policy *p, const void *in, void *out);

/* A condition the family checks, by the reason it answers when unmet: the
 * parameter it reads (its source is the answer's; -1: none, the reason's
 * own text), and its sentence in Vietnamese and English with one "{}" where
 * the parameter's value on the date goes (a code's label, a set's labels
 * joined by "hoặc" / "or"), so the text follows the document. NULL texts:
 * nl_reason_message's. */
typedef struct nl_cond_decl {
    nl_reason reason;
    int pid;
    const char *vi, *en;
} nl_cond_decl;

#define NL_COND(reason) {reason, -1, NULL, NULL}
#define NL_COND_P(reason, pid, vi, en) {reason, (int)(pid), vi, en}

struct nl_rule {
    const char *name, *title_vi, *title_en, *law;
    const nl_field_decl *inputs;
    size_t ninputs, in_size;
    const nl_field_decl *outputs;
    size_t noutputs, out_size;
    const nl_cond_decl *conds;   /* NL_COND(NL_REASON_OK) first, then in checking order */
    size_t nreasons;
    nl_decide_fn decide;
};

#define NL__MEMBER(T, m) offsetof(T, m), (unsigned char)sizeof(((T *)0)->m)
#define NL__INFO(name, type, lo, hi, codes, ncodes, opt, def, vi, en, doc) \
    {name, type, lo, hi, codes, ncodes, opt, def, vi, en, doc}
#define NL__NONE {.i = 0}

/* Inputs. `codes` is a static array of names; a default makes a field
 * optional. */
#define NL_IN_CODE(T, m, codes, vi, en, doc) \
    {NL__INFO(#m, NL_FIELD_CODE, 0, (int64_t)(sizeof(codes) / sizeof((codes)[0])) - 1, (codes), \
              sizeof(codes) / sizeof((codes)[0]), false, NL__NONE, vi, en, doc), NL__MEMBER(T, m)}
#define NL_IN_CODE_OPT(T, m, codes, def, vi, en, doc) \
    {NL__INFO(#m, NL_FIELD_CODE, 0, (int64_t)(sizeof(codes) / sizeof((codes)[0])) - 1, (codes), \
              sizeof(codes) / sizeof((codes)[0]), true, {.i = (def)}, vi, en, doc), NL__MEMBER(T, m)}
#define NL_IN_BOOL(T, m, vi, en, doc) \
    {NL__INFO(#m, NL_FIELD_BOOL, 0, 1, NULL, 0, false, NL__NONE, vi, en, doc), NL__MEMBER(T, m)}
#define NL_IN_BOOL_OPT(T, m, def, vi, en, doc) \
    {NL__INFO(#m, NL_FIELD_BOOL, 0, 1, NULL, 0, true, {.i = (def)}, vi, en, doc), NL__MEMBER(T, m)}
#define NL_IN_INT(T, m, lo, hi, vi, en, doc) \
    {NL__INFO(#m, NL_FIELD_INT, lo, hi, NULL, 0, false, NL__NONE, vi, en, doc), NL__MEMBER(T, m)}
#define NL_IN_MONEY(T, m, vi, en, doc) \
    {NL__INFO(#m, NL_FIELD_MONEY, 0, INT64_MAX, NULL, 0, false, NL__NONE, vi, en, doc), \
     NL__MEMBER(T, m)}
#define NL_IN_MONEY_OPT(T, m, def, vi, en, doc) \
    {NL__INFO(#m, NL_FIELD_MONEY, 0, INT64_MAX, NULL, 0, true, {.i = (def)}, vi, en, doc), \
     NL__MEMBER(T, m)}
#define NL_IN_DATE(T, m, vi, en, doc) \
    {NL__INFO(#m, NL_FIELD_DATE, NL_DATE_MIN, NL_DATE_MAX, NULL, 0, false, NL__NONE, vi, en, \
              doc), NL__MEMBER(T, m)}
#define NL_IN_WORKPLACE(T, m, vi, en, doc) \
    {NL__INFO(#m, NL_FIELD_WORKPLACE, 0, NL_WORKPLACE_CODES - 1, NULL, 0, false, NL__NONE, vi, \
              en, doc), NL__MEMBER(T, m)}
#define NL_IN_YEARS(T, m, vi, en, doc) \
    {NL__INFO(#m, NL_FIELD_YEARS, 0, -1, NULL, 0, false, NL__NONE, vi, en, doc), \
     NL__MEMBER(T, m)}

/* Outputs. */
#define NL_OUT(T, m, type, lo, hi, vi, en, doc) \
    {NL__INFO(#m, type, lo, hi, NULL, 0, false, NL__NONE, vi, en, doc), NL__MEMBER(T, m)}
#define NL_OUT_BOOL(T, m, vi, en, doc) NL_OUT(T, m, NL_FIELD_BOOL, 0, 1, vi, en, doc)
#define NL_OUT_MONEY(T, m, vi, en, doc) NL_OUT(T, m, NL_FIELD_MONEY, 0, INT64_MAX, vi, en, doc)
#define NL_OUT_INT(T, m, lo, hi, vi, en, doc) NL_OUT(T, m, NL_FIELD_INT, lo, hi, vi, en, doc)
#define NL_OUT_REASON(T, m) \
    NL_OUT(T, m, NL_FIELD_REASON, 0, NL_REASON_COUNT - 1, "Lý do", "Reason", \
           "why the rule decided as it did: ok, or the first condition not met")
#define NL_OUT_SOURCE(T, m) \
    NL_OUT(T, m, NL_FIELD_TEXT, 0, 0, "Căn cứ", "Legal source", \
           "the legal source of the value that decided")
#define NL_OUT_CERTAINTY(T, m, vi, en, doc) \
    NL_OUT(T, m, NL_FIELD_CERTAINTY, 0, NL_CERTAINTY_USER, vi, en, doc)

#define NL__COUNT(a) (sizeof(a) / sizeof((a)[0]))
#define NL_RULE(ident, name_, vi, en, law_, in_t, ins, out_t, outs, conds_, decide_) \
    _Static_assert(sizeof(in_t) <= 256 && sizeof(out_t) <= 256, "rule structs fit the engine"); \
    const nl_rule ident = {name_, vi, en, law_, ins, NL__COUNT(ins), sizeof(in_t), outs, \
                           NL__COUNT(outs), sizeof(out_t), conds_, NL__COUNT(conds_), \
                           decide_}

/* The declared families, in nl_rule_at order. */
extern const nl_rule nl__rule_attraction, nl__rule_expert, nl__rule_training;

/* The typed entry points: checks `in` against the declaration (the same
 * checks nl_rule_eval makes), zeroes `out`, decides. */
/* Fills err (when not NULL) for a refusal about `field` ("" for none):
 * err->key = field, err->message = "field: why". Returns s. */
nl_status nl__refuse(nl_error *err, nl_status s, const char *field, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

nl_status nl__rule_call(const nl_rule *r, const nl_policy *p, const void *in, void *out);

#endif
