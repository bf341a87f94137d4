/* The rule engine: introspection of the declared families, the checks every
 * input goes through, and evaluation by field position (nl_rule_eval).
 * Nothing here knows a family; each file of rules/ declares one (rule_decl.h). */
#include <inttypes.h>
#include <math.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include "rule_decl.h"

static const nl_rule *const rules[] = {&nl__rule_attraction, &nl__rule_expert,
                                       &nl__rule_training};
#define NRULES (sizeof rules / sizeof rules[0])

size_t nl_rule_count(void) { return NRULES; }

const nl_rule *nl_rule_at(size_t i) { return i < NRULES ? rules[i] : NULL; }

const nl_rule *nl_rule_find(const char *name)
{
    if (name == NULL)
        return NULL;
    for (size_t i = 0; i < NRULES; i++)
        if (strcmp(rules[i]->name, name) == 0)
            return rules[i];
    return NULL;
}

const char *nl_rule_name(const nl_rule *r) { return r ? r->name : NULL; }

const char *nl_rule_title(const nl_rule *r, const char *lang)
{
    if (r == NULL || lang == NULL)
        return NULL;
    if (strcmp(lang, "vi") == 0)
        return r->title_vi;
    if (strcmp(lang, "en") == 0)
        return r->title_en;
    return NULL;
}

const char *nl_rule_law(const nl_rule *r) { return r ? r->law : NULL; }

size_t nl_rule_input_count(const nl_rule *r) { return r ? r->ninputs : 0; }

size_t nl_rule_output_count(const nl_rule *r) { return r ? r->noutputs : 0; }

const nl_field_info *nl_rule_input(const nl_rule *r, size_t i)
{
    return r && i < r->ninputs ? &r->inputs[i].info : NULL;
}

const nl_field_info *nl_rule_output(const nl_rule *r, size_t i)
{
    return r && i < r->noutputs ? &r->outputs[i].info : NULL;
}

static ptrdiff_t field_index(const nl_field_decl *f, size_t n, const char *name)
{
    if (name == NULL)
        return -1;
    for (size_t i = 0; i < n; i++)
        if (strcmp(f[i].info.name, name) == 0)
            return (ptrdiff_t)i;
    return -1;
}

ptrdiff_t nl_rule_input_index(const nl_rule *r, const char *name)
{
    return r ? field_index(r->inputs, r->ninputs, name) : -1;
}

ptrdiff_t nl_rule_output_index(const nl_rule *r, const char *name)
{
    return r ? field_index(r->outputs, r->noutputs, name) : -1;
}

size_t nl_rule_reason_count(const nl_rule *r) { return r ? r->nreasons : 0; }

const char *nl_rule_reason_parameter(const nl_rule *r, size_t i)
{
    return r && i < r->nreasons && r->conds[i].pid >= 0 ? nl__known[r->conds[i].pid].key
                                                         : NULL;
}

/* Appends s[0..n) to buf[used..size), cutting at a UTF-8 character
 * boundary; false once something did not fit. */
static bool put_bytes(char *buf, size_t size, size_t *used, const char *s, size_t n)
{
    size_t room = size - 1 - *used;
    bool fits = n <= room;
    if (!fits) {
        n = room;
        while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
            n--;   /* s[n] would start the cut: keep whole characters */
    }
    memcpy(buf + *used, s, n);
    *used += n;
    buf[*used] = '\0';
    return fits;
}

static bool put_text(char *buf, size_t size, size_t *used, const char *s)
{
    return put_bytes(buf, size, used, s, strlen(s));
}

nl_status nl_rule_reason_text(const nl_policy *p, const nl_rule *r, int reason, nl_date on,
                              const char *lang, char *buf, size_t size)
{
    if (buf == NULL || size == 0)
        return NL_EINVAL;
    buf[0] = '\0';
    bool vi = lang != NULL && strcmp(lang, "vi") == 0;
    if (p == NULL || r == NULL || lang == NULL || (!vi && strcmp(lang, "en") != 0))
        return NL_EINVAL;
    const nl_cond_decl *cond = NULL;
    for (size_t i = 0; i < r->nreasons && cond == NULL; i++)
        if ((int)r->conds[i].reason == reason)
            cond = &r->conds[i];
    if (cond == NULL)
        return NL_ENOTFOUND;
    if (!nl__date_valid(on))
        return NL_EDATE;
    const char *tmpl = vi ? cond->vi : cond->en;
    nl_use u;
    size_t used = 0;
    const nl_code_list *list = cond->pid >= 0 ? nl__known[cond->pid].kind->list : NULL;
    const char *hole = tmpl ? strstr(tmpl, "{}") : NULL;
    /* The fixed text unless the condition's text has a slot for a code
     * parameter's value and that parameter is in force on the date. */
    if (hole == NULL || list == NULL || !nl__use_known(p, (nl_pid)cond->pid, on, &u))
        return put_text(buf, size, &used, nl_reason_message((nl_reason)reason, lang))
                   ? NL_OK : NL_ERANGE;
    const char *const *labels = vi ? list->vi : list->en;
    bool ok = put_bytes(buf, size, &used, tmpl, (size_t)(hole - tmpl));
    if (nl__known[cond->pid].kind->type == NL_PARAM_CODE) {
        ok = ok && put_text(buf, size, &used, labels[u.value]);
    } else {
        size_t shown = 0;
        for (size_t c = 0; c < list->n && ok; c++) {
            if (!((u.value >> c) & 1))
                continue;
            if (shown++ > 0)
                ok = put_text(buf, size, &used, vi ? " hoặc " : " or ");
            ok = ok && put_text(buf, size, &used, labels[c]);
        }
        if (shown == 0 && ok)
            ok = put_text(buf, size, &used, vi ? "(không có giá trị nào)" : "(none)");
    }
    ok = ok && put_text(buf, size, &used, hole + 2);
    return ok ? NL_OK : NL_ERANGE;
}

int nl_rule_reason(const nl_rule *r, size_t i)
{
    return r && i < r->nreasons ? (int)r->conds[i].reason : -1;
}

int nl_field_code(const nl_field_info *f, const char *text)
{
    if (f == NULL || text == NULL || f->type != NL_FIELD_CODE)
        return -1;
    for (size_t i = 0; i < f->ncodes; i++)
        if (strcmp(f->codes[i], text) == 0)
            return (int)i;
    return -1;
}

const char *nl_field_type_name(nl_field_type t)
{
    static const char *const names[NL_FIELD_TYPE_COUNT] = {
        "bool", "int", "money", "date", "code", "workplace", "years", "reason", "certainty",
        "text"};
    return (unsigned)t < NL_FIELD_TYPE_COUNT ? names[t] : NULL;
}

/* ------------------------------------------------------------ checking */

nl_status nl__refuse(nl_error *err, nl_status s, const char *field, const char *fmt, ...)
{
    if (err == NULL)
        return s;
    memset(err, 0, sizeof *err);
    err->status = s;
    snprintf(err->key, sizeof err->key, "%s", field);
    char why[200];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(why, sizeof why, fmt, ap);
    va_end(ap);
    if (field[0] != '\0')
        snprintf(err->message, sizeof err->message, "%s: %s", field, why);
    else
        snprintf(err->message, sizeof err->message, "%s", why);
    return s;
}

/* Checks one input value against its declaration. */
static nl_status check(const nl_field_info *f, nl_value v, nl_error *err)
{
    switch (f->type) {
    case NL_FIELD_YEARS:
        /* !(x >= min) also refuses NaN. */
        if (!(v.f >= (double)f->min) || !isfinite(v.f) ||
            (f->max >= f->min && v.f > (double)f->max))
            return nl__refuse(err, NL_EINVAL, f->name, "%g is not a finite number of years >= %" PRId64,
                          v.f, f->min);
        return NL_OK;
    case NL_FIELD_DATE:
        if (v.i < f->min || v.i > f->max)
            return nl__refuse(err, NL_EDATE, f->name,
                          "day %" PRId64 " is not a date in 0001-01-01..9999-12-31", v.i);
        return NL_OK;
    case NL_FIELD_CODE:
        if (v.i < 0 || (uint64_t)v.i >= f->ncodes) {
            char list[160] = "";
            size_t used = 0;
            for (size_t i = 0; i < f->ncodes && used < sizeof list; i++)
                used += (size_t)snprintf(list + used, sizeof list - used, "%s%" PRIu64 " (%s)",
                                         i ? ", " : "", (uint64_t)i, f->codes[i]);
            return nl__refuse(err, NL_EINVAL, f->name, "%" PRId64 " is not one of %s", v.i, list);
        }
        return NL_OK;
    case NL_FIELD_BOOL:
        if (v.i != 0 && v.i != 1)
            return nl__refuse(err, NL_EINVAL, f->name, "%" PRId64 " is not 0 (false) or 1 (true)",
                          v.i);
        return NL_OK;
    default:
        if (v.i < f->min || v.i > f->max) {
            if (f->max == INT64_MAX)
                return nl__refuse(err, NL_EINVAL, f->name, "%" PRId64 " is below %" PRId64, v.i,
                              f->min);
            return nl__refuse(err, NL_EINVAL, f->name,
                          "%" PRId64 " is outside %" PRId64 "..%" PRId64, v.i, f->min, f->max);
        }
        return NL_OK;
    }
}

/* A struct member as an nl_value, and back. Members are bool (1 byte), int,
 * enum or int32 (4), int64 or double (8). */
static nl_value load(const nl_field_decl *d, const void *base)
{
    const unsigned char *at = (const unsigned char *)base + d->offset;
    nl_value v = {.i = 0};
    if (d->info.type == NL_FIELD_YEARS) {
        memcpy(&v.f, at, sizeof v.f);
    } else if (d->info.type == NL_FIELD_TEXT) {
        memcpy(&v.s, at, sizeof v.s);
    } else if (d->size == 1) {
        unsigned char b;
        memcpy(&b, at, 1);
        v.i = b;
    } else if (d->size == 4) {
        int32_t x;
        memcpy(&x, at, 4);
        v.i = x;
    } else {
        memcpy(&v.i, at, 8);
    }
    return v;
}

static void store(const nl_field_decl *d, void *base, nl_value v)
{
    unsigned char *at = (unsigned char *)base + d->offset;
    if (d->info.type == NL_FIELD_YEARS) {
        memcpy(at, &v.f, sizeof v.f);
    } else if (d->size == 1) {
        bool b = v.i != 0;
        memcpy(at, &b, 1);
    } else if (d->size == 4) {
        int32_t x = (int32_t)v.i;   /* checked to fit before */
        memcpy(at, &x, 4);
    } else {
        memcpy(at, &v.i, 8);
    }
}

/* A 4-byte member holds what an int32 can: a number past it would wrap, so
 * it is a range error (NL_ERANGE) before any other check. A code is not a
 * number: any value that is not one of its codes is NL_EINVAL. */
static nl_status check_decl(const nl_field_decl *d, nl_value v, nl_error *err)
{
    if (d->size == 4 && d->info.type != NL_FIELD_YEARS && d->info.type != NL_FIELD_CODE &&
        (v.i < INT32_MIN || v.i > INT32_MAX))
        return nl__refuse(err, NL_ERANGE, d->info.name, "%" PRId64 " does not fit 32 bits", v.i);
    return check(&d->info, v, err);
}

nl_status nl__rule_call(const nl_rule *r, const nl_policy *p, const void *in, void *out)
{
    if (out == NULL)
        return NL_EINVAL;
    memset(out, 0, r->out_size);
    if (p == NULL || in == NULL)
        return NL_EINVAL;
    /* Invalid values first (NL_EINVAL), then dates (NL_EDATE), whatever
     * their order in the struct, as the typed functions always did. */
    nl_status date_status = NL_OK;
    for (size_t i = 0; i < r->ninputs; i++) {
        nl_status s = check_decl(&r->inputs[i], load(&r->inputs[i], in), NULL);
        if (s == NL_EDATE)
            date_status = s;
        else if (s != NL_OK)
            return s;
    }
    if (date_status != NL_OK)
        return date_status;
    nl_status s = r->decide(p, in, out);
    if (s != NL_OK)
        memset(out, 0, r->out_size);
    return s;
}

nl_status nl_rule_eval(const nl_policy *p, const nl_rule *r, const nl_value *in, size_t nin,
                       nl_value *out, size_t nout, nl_error *err)
{
    if (err)
        memset(err, 0, sizeof *err);
    if (r == NULL)
        return nl__refuse(err, NL_EINVAL, "", "no rule given");
    if ((out == NULL && nout > 0) || nout > r->noutputs)
        return nl__refuse(err, NL_EINVAL, "", "%s has %zu outputs, %zu asked for", r->name,
                      r->noutputs, nout);
    if (out)
        memset(out, 0, nout * sizeof *out);
    if (p == NULL)
        return nl__refuse(err, NL_EINVAL, "", "no policy given");
    if ((in == NULL && nin > 0) || nin > r->ninputs)
        return nl__refuse(err, NL_EINVAL, "", "%s has %zu inputs, %zu given", r->name, r->ninputs,
                      nin);

    _Alignas(max_align_t) unsigned char args[256], res[256];
    memset(args, 0, r->in_size);   /* in_size, out_size <= 256 (NL_RULE) */
    nl_status date_status = NL_OK;
    nl_error date_err;
    for (size_t i = 0; i < r->ninputs; i++) {
        const nl_field_decl *d = &r->inputs[i];
        nl_value v;
        if (i < nin) {
            v = in[i];
        } else if (d->info.optional) {
            v = d->info.default_value;
        } else {
            return nl__refuse(err, NL_EINVAL, d->info.name, "missing field (required)");
        }
        nl_status s = check_decl(d, v, date_status == NL_OK ? &date_err : NULL);
        if (s == NL_EDATE && date_status == NL_OK) {
            date_status = s;
        } else if (s != NL_OK && s != NL_EDATE) {
            return check_decl(d, v, err);
        }
        store(d, args, v);
    }
    if (date_status != NL_OK) {
        if (err)
            *err = date_err;
        return date_status;
    }
    memset(res, 0, r->out_size);
    nl_status s = r->decide(p, args, res);
    if (s != NL_OK) {
        if (out)
            memset(out, 0, nout * sizeof *out);
        return nl__refuse(err, s, "", "%s: %s", r->name,
                      s == NL_ERANGE ? "an amount would pass the int64 range" : nl_strerror(s));
    }
    for (size_t i = 0; i < nout; i++)
        out[i] = load(&r->outputs[i], res);
    return NL_OK;
}
