/* Policy documents: JSON in, a checked nl_policy out, or an error that names
 * the line, column and key. See docs/policy-format.md for the format.
 *
 * jansson does the parsing (and reports line/column of syntax errors, bad
 * UTF-8 and integers past int64). It keeps no positions for values, so for a
 * well-formed document with a wrong value we record the path to it (a JSON
 * Pointer, RFC 6901) and find its position with a small scanner over the
 * already-validated text. */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <fcntl.h>
#include <unistd.h>

#include <jansson.h>

#include "internal.h"

#define FORMAT_V1 "nhanluc-policy/1"
#define FORMAT_V2 "nhanluc-policy/2"
#define MAX_DEPTH 8

typedef struct path_el {
    const char *key;   /* member name, or NULL for an array index */
    size_t index;
} path_el;

typedef struct ctx {
    const char *text;
    size_t len;
    nl_error *err;
    nl_policy *p;
    path_el path[MAX_DEPTH];
    int depth;
    int format;        /* 1 or 2 */
} ctx;

/* ------------------------------------------------------ error locating */

static size_t skip_ws(const char *s, size_t n, size_t i)
{
    while (i < n && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r'))
        i++;
    return i;
}

/* i at the opening quote; returns the index after the closing quote. */
static size_t skip_string(const char *s, size_t n, size_t i)
{
    for (i++; i < n && s[i] != '"'; i++)
        if (s[i] == '\\')
            i++;
    return i < n ? i + 1 : n;
}

static size_t skip_value(const char *s, size_t n, size_t i)
{
    i = skip_ws(s, n, i);
    if (i >= n)
        return n;
    if (s[i] == '"')
        return skip_string(s, n, i);
    if (s[i] == '{' || s[i] == '[') {
        int nest = 0;
        for (; i < n; i++) {
            if (s[i] == '"') {
                i = skip_string(s, n, i) - 1;
            } else if (s[i] == '{' || s[i] == '[') {
                nest++;
            } else if (s[i] == '}' || s[i] == ']') {
                if (--nest == 0)
                    return i + 1;
            }
        }
        return n;
    }
    while (i < n && s[i] != ',' && s[i] != '}' && s[i] != ']' && s[i] != ' ' &&
           s[i] != '\n' && s[i] != '\r' && s[i] != '\t')
        i++;
    return i;
}

/* i at '{': offset of the value of member `key`, or n if absent. Keys are
 * compared raw: a key written with escapes is not found, and the caller
 * then reports the enclosing object's position. */
static size_t find_member(const char *s, size_t n, size_t i, const char *key)
{
    size_t klen = strlen(key);
    for (i = skip_ws(s, n, i + 1); i < n && s[i] == '"';) {
        size_t end = skip_string(s, n, i);
        bool match = end - i - 2 == klen && memcmp(s + i + 1, key, klen) == 0;
        i = skip_ws(s, n, end);
        if (i >= n || s[i] != ':')
            return n;
        i = skip_ws(s, n, i + 1);
        if (match)
            return i;
        i = skip_ws(s, n, skip_value(s, n, i));
        if (i >= n || s[i] != ',')
            return n;
        i = skip_ws(s, n, i + 1);
    }
    return n;
}

/* i at '[': offset of element `index`, or n if absent. */
static size_t find_element(const char *s, size_t n, size_t i, size_t index)
{
    i = skip_ws(s, n, i + 1);
    for (size_t k = 0; i < n && s[i] != ']'; k++) {
        if (k == index)
            return i;
        i = skip_ws(s, n, skip_value(s, n, i));
        if (i >= n || s[i] != ',')
            return n;
        i = skip_ws(s, n, i + 1);
    }
    return n;
}

/* Offset of the value at the context's path (or of the deepest part found). */
static size_t locate(const ctx *c)
{
    const char *s = c->text;
    size_t n = c->len, at = skip_ws(s, n, 0);
    for (int d = 0; d < c->depth && at < n; d++) {
        size_t next = n;
        if (c->path[d].key && s[at] == '{')
            next = find_member(s, n, at, c->path[d].key);
        else if (!c->path[d].key && s[at] == '[')
            next = find_element(s, n, at, c->path[d].index);
        if (next >= n)
            break;
        at = next;
    }
    return at;
}

/* 1-based line and column (in characters, as jansson counts) of offset. */
static void line_col(const char *s, size_t off, int *line, int *col)
{
    int l = 1, cc = 1;
    for (size_t i = 0; i < off; i++) {
        if (s[i] == '\n') {
            l++;
            cc = 1;
        } else if (((unsigned char)s[i] & 0xC0) != 0x80) {
            cc++;
        }
    }
    *line = l;
    *col = cc;
}

static void append_segment(char *buf, size_t size, size_t *used, const char *s, size_t n);

/* The path as a JSON Pointer: member names escape '~' as "~0" and '/' as
 * "~1" (RFC 6901, section 3), so "a/b" and "a" then "b" stay distinct. */
static void pointer(const ctx *c, char *buf, size_t size)
{
    size_t used = 0;
    buf[0] = '\0';
    for (int d = 0; d < c->depth && used + 1 < size; d++) {
        if (c->path[d].key != NULL) {
            append_segment(buf, size, &used, c->path[d].key, strlen(c->path[d].key));
            continue;
        }
        int w = snprintf(buf + used, size - used, "/%zu", c->path[d].index);
        if (w < 0)
            break;
        used += (size_t)w;
    }
}

/* Records a parse error at the current path; returns NL_EPARSE. */
__attribute__((format(printf, 2, 3)))
static nl_status fail(ctx *c, const char *fmt, ...)
{
    nl_error *e = c->err;
    if (e == NULL)
        return NL_EPARSE;
    char what[160];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(what, sizeof what, fmt, ap);
    va_end(ap);
    e->status = NL_EPARSE;
    line_col(c->text, locate(c), &e->line, &e->column);
    pointer(c, e->key, sizeof e->key);
    snprintf(e->message, sizeof e->message, "line %d, column %d, at %.100s: %.120s", e->line,
             e->column, e->key[0] ? e->key : "/", what);
    return NL_EPARSE;
}

static void push_key(ctx *c, const char *key)
{
    c->path[c->depth].key = key;
    c->path[c->depth].index = 0;
    c->depth++;
}

static void push_index(ctx *c, size_t index)
{
    c->path[c->depth].key = NULL;
    c->path[c->depth].index = index;
    c->depth++;
}

static void pop(ctx *c) { c->depth--; }

/* --------------------------------------------------------------- reading */

/* Rejects members other than those listed (catches typos such as "sinse"). */
static nl_status only_members(ctx *c, json_t *obj, const char *const *allowed)
{
    const char *k;
    json_t *v;
    json_object_foreach(obj, k, v) {
        bool ok = false;
        for (const char *const *a = allowed; *a; a++)
            ok = ok || strcmp(*a, k) == 0;
        if (!ok) {
            push_key(c, k);
            return fail(c, "unknown member \"%s\"", k);
        }
    }
    return NL_OK;
}

/* The string member `key` of obj; *out is NULL-safe only on NL_OK. */
static nl_status get_string(ctx *c, json_t *obj, const char *key, bool required,
                            const char **out)
{
    json_t *v = json_object_get(obj, key);
    *out = "";
    if (v == NULL) {
        if (!required)
            return NL_OK;
        return fail(c, "missing member \"%s\"", key);
    }
    push_key(c, key);
    if (!json_is_string(v))
        return fail(c, "\"%s\" must be a string", key);
    if (strlen(json_string_value(v)) != json_string_length(v))
        return fail(c, "\"%s\" must not contain NUL characters", key);
    pop(c);
    *out = json_string_value(v);
    return NL_OK;
}

static nl_status dup_into(ctx *c, const char *s, char **out)
{
    (void)c;
    *out = nl__strdup(s);
    return *out ? NL_OK : NL_ENOMEM;
}

static ptrdiff_t source_index(const nl_policy *p, const char *id)
{
    for (size_t i = 0; i < p->nsources; i++)
        if (strcmp(p->sources[i].id, id) == 0)
            return (ptrdiff_t)i;
    return -1;
}

static nl_status read_sources(ctx *c, json_t *obj)
{
    push_key(c, "sources");
    if (!json_is_object(obj) || json_object_size(obj) == 0)
        return fail(c, "\"sources\" must be a non-empty object of id: {citation, url}");
    nl_policy *p = c->p;
    p->sources = calloc(json_object_size(obj), sizeof *p->sources);
    if (p->sources == NULL)
        return NL_ENOMEM;
    static const char *const members[] = {"citation", "url", NULL};
    const char *id;
    json_t *v;
    json_object_foreach(obj, id, v) {
        push_key(c, id);
        if (!json_is_object(v))
            return fail(c, "source \"%s\" must be an object {citation, url}", id);
        nl_status s;
        const char *citation, *url;
        if ((s = only_members(c, v, members)) != NL_OK ||
            (s = get_string(c, v, "citation", true, &citation)) != NL_OK ||
            (s = get_string(c, v, "url", false, &url)) != NL_OK)
            return s;
        if (citation[0] == '\0') {
            push_key(c, "citation");
            return fail(c, "source \"%s\" has an empty citation", id);
        }
        nl_source_i *d = &p->sources[p->nsources++];
        if ((s = dup_into(c, id, &d->id)) != NL_OK ||
            (s = dup_into(c, citation, &d->citation)) != NL_OK ||
            (s = dup_into(c, url, &d->url)) != NL_OK)
            return s;
        pop(c);
    }
    pop(c);
    return NL_OK;
}

/* The "source" member of obj, resolved to an index into the sources. */
static nl_status get_source(ctx *c, json_t *obj, int32_t *out)
{
    const char *id;
    nl_status s = get_string(c, obj, "source", true, &id);
    if (s != NL_OK)
        return s;
    ptrdiff_t i = source_index(c->p, id);
    if (i < 0) {
        push_key(c, "source");
        return fail(c, "unknown source \"%s\" (not in \"sources\")", id);
    }
    *out = (int32_t)i;
    return NL_OK;
}

/* A GSO code of 3 (district level) or 5 (commune level) digits. */
static bool parse_code(const char *code, int *n, int *digits)
{
    size_t len = strlen(code);
    if (len != 3 && len != 5)
        return false;
    int v = 0;
    for (size_t i = 0; i < len; i++) {
        if (code[i] < '0' || code[i] > '9')
            return false;
        v = v * 10 + (code[i] - '0');
    }
    *n = v;
    *digits = (int)len;
    return true;
}

/* An optional ISO date member; *out left as is when absent. */
static nl_status get_date(ctx *c, json_t *obj, const char *key, nl_date *out)
{
    const char *text;
    nl_status s = get_string(c, obj, key, false, &text);
    if (s != NL_OK || json_object_get(obj, key) == NULL)
        return s;
    if (nl_date_parse(text, out) != NL_OK) {
        push_key(c, key);
        return fail(c, "\"%s\" must be a date YYYY-MM-DD", text);
    }
    return NL_OK;
}

/* "from": the predecessor units, an array of 3- or 5-digit codes. */
static nl_status read_from(ctx *c, json_t *arr, nl_workplace_i *d)
{
    push_key(c, "from");
    if (!json_is_array(arr) || json_array_size(arr) == 0 ||
        json_array_size(arr) > NL_WORKPLACE_FROM_MAX)
        return fail(c, "\"from\" must be an array of 1 to %d codes", NL_WORKPLACE_FROM_MAX);
    d->from = calloc(json_array_size(arr), sizeof *d->from);
    if (d->from == NULL)
        return NL_ENOMEM;
    size_t i;
    json_t *f;
    json_array_foreach(arr, i, f) {
        push_index(c, i);
        int n, digits;
        if (!json_is_string(f) || !parse_code(json_string_value(f), &n, &digits))
            return fail(c, "a predecessor must be a code of 3 or 5 digits, e.g. \"080\"");
        d->from[d->nfrom++] = n;
        pop(c);
    }
    pop(c);
    return NL_OK;
}

static nl_status read_workplaces(ctx *c, json_t *arr)
{
    push_key(c, "workplaces");
    if (!json_is_array(arr) || json_array_size(arr) == 0)
        return fail(c, "\"workplaces\" must be a non-empty array");
    if (json_array_size(arr) > NL_WORKPLACE_MAX)
        return fail(c, "more than %d workplaces", NL_WORKPLACE_MAX);
    nl_policy *p = c->p;
    p->workplaces = calloc(json_array_size(arr), sizeof *p->workplaces);
    if (p->workplaces == NULL)
        return NL_ENOMEM;
    static const char *const members[] = {"code", "name", "tier", "source", "since",
                                          "until", "from", NULL};
    size_t i;
    json_t *w;
    json_array_foreach(arr, i, w) {
        push_index(c, i);
        if (!json_is_object(w))
            return fail(c, "a workplace must be an object {code, name, tier, source}");
        nl_status s;
        const char *code, *name, *tier;
        int32_t src;
        json_t *from = json_object_get(w, "from");
        if ((s = only_members(c, w, members)) != NL_OK ||
            (s = get_string(c, w, "code", true, &code)) != NL_OK ||
            (s = get_string(c, w, "name", true, &name)) != NL_OK ||
            (s = get_string(c, w, "tier", from == NULL, &tier)) != NL_OK ||
            (s = get_source(c, w, &src)) != NL_OK)
            return s;
        nl_workplace_i *d = &p->workplaces[p->nworkplaces++];
        d->since = NL_DATE_MIN;
        d->until = NL_DATE_MAX;
        push_key(c, "code");
        if (!parse_code(code, &d->code, &d->digits))
            return fail(c, "code \"%s\" must be three or five digits, e.g. \"080\" or \"02647\"",
                        code);
        pop(c);
        if ((s = get_date(c, w, "since", &d->since)) != NL_OK ||
            (s = get_date(c, w, "until", &d->until)) != NL_OK)
            return s;
        if (d->until < d->since) {
            push_key(c, "until");
            return fail(c, "\"until\" is before \"since\"");
        }
        if (from != NULL && (s = read_from(c, from, d)) != NL_OK)
            return s;
        /* Two units of one code must not be in force on the same day. */
        for (size_t k = 0; k + 1 < p->nworkplaces; k++) {
            const nl_workplace_i *o = &p->workplaces[k];
            if (o->code == d->code && o->since <= d->until && d->since <= o->until) {
                push_key(c, "code");
                return fail(c, "duplicate workplace code \"%s\" (periods overlap)", code);
            }
        }
        if (json_object_get(w, "tier") != NULL) {
            /* Room for one character past NL_TIER_MAX: a longer tier, cut
             * here, is still too long for nl__kind_for_key. */
            char key[sizeof NL_TIER_PREFIX + NL_TIER_MAX + 1];
            bool is_tier;
            snprintf(key, sizeof key, NL_TIER_PREFIX "%s", tier);
            int fmt;
            if (nl__kind_for_key(key, &is_tier, &fmt) == NULL || !is_tier) {
                push_key(c, "tier");
                return fail(c, "tier \"%s\" must be 1-40 characters of a-z, 0-9 and _", tier);
            }
            if ((s = dup_into(c, tier, &d->tier)) != NL_OK)
                return s;
        }
        if ((s = dup_into(c, name, &d->name)) != NL_OK)
            return s;
        pop(c);
    }
    pop(c);
    return NL_OK;
}

static nl_status read_status(ctx *c, json_t *obj, nl_certainty *out)
{
    const char *st;
    nl_status s = get_string(c, obj, "status", true, &st);
    if (s != NL_OK)
        return s;
    /* "user" is reserved for values set through the API. */
    for (nl_certainty k = NL_CERTAINTY_CONFIRMED; k <= NL_CERTAINTY_UNCONFIRMED; k++) {
        if (strcmp(st, nl_certainty_name(k)) == 0) {
            *out = k;
            return NL_OK;
        }
    }
    push_key(c, "status");
    return fail(c, "status \"%s\" must be confirmed, reported or unconfirmed", st);
}

/* Index of code `name` in `list`, or -1. */
static int code_index(const nl_code_list *list, const char *name)
{
    for (size_t i = 0; i < list->n; i++)
        if (strcmp(list->codes[i], name) == 0)
            return (int)i;
    return -1;
}

/* "none", "college", ... for a message naming the allowed codes. */
static void code_names(const nl_code_list *list, char *buf, size_t size)
{
    size_t used = 0;
    buf[0] = '\0';
    for (size_t i = 0; i < list->n && used < size; i++) {
        int n = snprintf(buf + used, size - used, "%s%s", i ? ", " : "", list->codes[i]);
        if (n < 0)
            break;
        used += (size_t)n;
    }
}

/* A value of a format 2 CODE or SET parameter: a code name, or an array of
 * distinct code names (a bitmask). */
static nl_status read_codes_value(ctx *c, json_t *val, const nl_param_kind *kind, int64_t *out)
{
    char names[160];
    code_names(kind->list, names, sizeof names);
    if (kind->type == NL_PARAM_CODE) {
        int k = json_is_string(val) ? code_index(kind->list, json_string_value(val)) : -1;
        if (k < 0)
            return fail(c, "\"value\" must be one %s code (%s), or null", kind->list->name,
                        names);
        *out = k;
        return NL_OK;
    }
    if (!json_is_array(val))
        return fail(c, "\"value\" must be an array of %s codes (%s), or null", kind->list->name,
                    names);
    int64_t mask = 0;
    for (size_t i = 0; i < json_array_size(val); i++) {
        json_t *e = json_array_get(val, i);
        push_index(c, i);
        int k = json_is_string(e) ? code_index(kind->list, json_string_value(e)) : -1;
        if (k < 0)
            return fail(c, "not a %s code (%s)", kind->list->name, names);
        if (mask & ((int64_t)1 << k))
            return fail(c, "code \"%s\" is listed twice", json_string_value(e));
        mask |= (int64_t)1 << k;
        pop(c);
    }
    *out = mask;
    return NL_OK;
}

static nl_status read_entries(ctx *c, json_t *val, const nl_param_kind *kind, nl_value_i *out);

static nl_status read_value(ctx *c, json_t *v, const nl_param_kind *kind, nl_value_i *out)
{
    static const char *const members[] = {"since", "value", "source", "status", "note", NULL};
    if (!json_is_object(v))
        return fail(c, "a dated value must be an object {since, value, source, status}");
    nl_status s;
    const char *since, *note;
    if ((s = only_members(c, v, members)) != NL_OK ||
        (s = get_string(c, v, "since", true, &since)) != NL_OK ||
        (s = get_string(c, v, "note", false, &note)) != NL_OK ||
        (s = get_source(c, v, &out->source)) != NL_OK ||
        (s = read_status(c, v, &out->certainty)) != NL_OK)
        return s;
    if (nl_date_parse(since, &out->since) != NL_OK) {
        push_key(c, "since");
        return fail(c, "\"%s\" is not a date YYYY-MM-DD", since);
    }
    json_t *val = json_object_get(v, "value");
    if (val == NULL)
        return fail(c, "missing member \"value\" (a number, or null to end the parameter)");
    push_key(c, "value");
    out->ends = json_is_null(val);
    out->value = 0;
    if (out->ends) {
        /* ends the parameter from `since` */
    } else if (nl__kind_has_entries(kind)) {
        if ((s = read_entries(c, val, kind, out)) != NL_OK)
            return s;
    } else if (c->format >= 2 && kind->type != NL_PARAM_NUMBER) {
        if ((s = read_codes_value(c, val, kind, &out->value)) != NL_OK)
            return s;
    } else if (json_is_integer(val)) {
        out->value = json_integer_value(val);
        if (!nl__kind_allows(kind, out->value)) {
            char range[96];
            snprintf(range, sizeof range, "value out of range for unit %s (%lld..%lld)",
                     kind->unit, (long long)kind->min, (long long)kind->max);
            return fail(c, "%s", range);
        }
    } else {
        return fail(c, "\"value\" must be a whole number (or null), not a fraction or text");
    }
    pop(c);
    return NL_OK;
}

/* The shape members of a parameter: format 1 names only its unit; format 2
 * its type and what that type needs: a number's unit; a code's or set's
 * code list; a table's code list and the unit of its values; a scale's
 * measure ("of") and the unit of its values. */
static nl_status read_shape(ctx *c, const char *key, json_t *obj, const nl_param_kind *kind)
{
    static const char *const types[] = {"number", "code", "set", "table", "scale"};
    /* Which of "unit", "codes", "of" each type has. */
    static const bool has[5][3] = {
        {true, false, false}, {false, true, false}, {false, true, false},
        {true, true, false}, {true, false, true}};
    static const char *const shape_members[3] = {"unit", "codes", "of"};
    nl_status s;
    const char *type = NULL, *got[3] = {NULL, NULL, NULL};
    if (c->format == 1) {
        if ((s = get_string(c, obj, "unit", true, &got[0])) != NL_OK)
            return s;
    } else {
        if ((s = get_string(c, obj, "type", true, &type)) != NL_OK)
            return s;
        if (strcmp(type, types[kind->type]) != 0) {
            push_key(c, "type");
            return fail(c, "parameter \"%s\" has type \"%s\"", key, types[kind->type]);
        }
        for (int m = 0; m < 3; m++) {
            if (!has[kind->type][m] && json_object_get(obj, shape_members[m]) != NULL) {
                push_key(c, shape_members[m]);
                return fail(c, "a parameter of type \"%s\" has no member \"%s\"", type,
                            shape_members[m]);
            }
            if (has[kind->type][m] &&
                (s = get_string(c, obj, shape_members[m], true, &got[m])) != NL_OK)
                return s;
        }
    }
    const char *want[3] = {nl__kind_has_entries(kind) ? kind->value_unit : kind->unit,
                           kind->list ? kind->list->name : NULL, kind->of};
    static const char *const what[3] = {"unit", "codes", "of"};
    for (int m = 0; m < 3; m++)
        if (got[m] != NULL && strcmp(got[m], want[m]) != 0) {
            push_key(c, shape_members[m]);
            return fail(c, "%s must be \"%s\"", what[m], want[m]);
        }
    return NL_OK;
}

/* A value of a TABLE: {"<code>": value, ...}, each code of the list at most
 * once; of a SCALE: [{"at_least": m, "value": v}, ...], at_least strictly
 * increasing from the measure's minimum. Entries into out->e. */
static nl_status read_entries(ctx *c, json_t *val, const nl_param_kind *kind, nl_value_i *out)
{
    bool table = kind->type == NL_PARAM_TABLE;
    char names[160] = "";
    if (table)
        code_names(kind->list, names, sizeof names);
    if (table ? !json_is_object(val) : !json_is_array(val)) {
        if (table)
            return fail(c, "\"value\" must be an object {\"<%s code>\": %s, ...} (codes: %s), "
                           "or null", kind->list->name, kind->value_unit, names);
        return fail(c, "\"value\" must be an array of steps [{\"at_least\": %s, \"value\": %s}, "
                       "...], or null", kind->of, kind->value_unit);
    }
    size_t n = table ? json_object_size(val) : json_array_size(val);
    if (n > NL_PARAM_ENTRIES_MAX)
        return fail(c, "more than %u entries", NL_PARAM_ENTRIES_MAX);
    if (!table && n == 0)
        return fail(c, "a scale needs at least one step (from %s %lld)", kind->of,
                    (long long)kind->of_min);
    out->e = calloc(n ? n : 1, sizeof *out->e);
    if (out->e == NULL)
        return NL_ENOMEM;
    char range[128];
    snprintf(range, sizeof range, "must be a whole number %lld..%lld (%s)",
             (long long)kind->min, (long long)kind->max, kind->value_unit);
    if (table) {
        /* By code order, whatever the document's order: entries are sorted. */
        const char *name;
        json_t *x;
        json_object_foreach(val, name, x) {
            push_key(c, name);
            int k = code_index(kind->list, name);
            if (k < 0)
                return fail(c, "not a %s code (%s)", kind->list->name, names);
            if (!json_is_integer(x) || !nl__kind_allows(kind, json_integer_value(x)))
                return fail(c, "%s", range);
            size_t at = 0;
            while (at < (size_t)out->value && out->e[at].at < k)
                at++;
            memmove(&out->e[at + 1], &out->e[at], ((size_t)out->value - at) * sizeof *out->e);
            out->e[at] = (nl_param_entry){k, json_integer_value(x)};
            out->value++;
            pop(c);
        }
        return NL_OK;
    }
    static const char *const step_members[] = {"at_least", "value", NULL};
    for (size_t i = 0; i < n; i++) {
        json_t *x = json_array_get(val, i);
        push_index(c, i);
        if (!json_is_object(x))
            return fail(c, "a step must be an object {\"at_least\": %s, \"value\": %s}",
                        kind->of, kind->value_unit);
        nl_status s = only_members(c, x, step_members);
        if (s != NL_OK)
            return s;
        json_t *m = json_object_get(x, "at_least"), *v = json_object_get(x, "value");
        if (m == NULL || v == NULL)
            return fail(c, "missing member \"%s\"", m == NULL ? "at_least" : "value");
        push_key(c, "at_least");
        if (!json_is_integer(m) || json_integer_value(m) < kind->of_min ||
            json_integer_value(m) > kind->of_max)
            return fail(c, "\"at_least\" must be a whole number %lld..%lld (%s)",
                        (long long)kind->of_min, (long long)kind->of_max, kind->of);
        int64_t at = json_integer_value(m);
        if (i == 0 && at != kind->of_min)
            return fail(c, "the first step must start at %lld %s, so every %s has a value",
                        (long long)kind->of_min, kind->of, kind->of);
        if (i > 0 && at <= out->e[i - 1].at)
            return fail(c, "\"at_least\" must strictly increase");
        pop(c);
        push_key(c, "value");
        if (!json_is_integer(v) || !nl__kind_allows(kind, json_integer_value(v)))
            return fail(c, "%s", range);
        pop(c);
        out->e[i] = (nl_param_entry){at, json_integer_value(v)};
        out->value++;
        pop(c);
    }
    return NL_OK;
}

static nl_status read_param(ctx *c, const char *key, json_t *obj)
{
    bool is_tier;
    int since_format;
    const nl_param_kind *kind = nl__kind_for_key(key, &is_tier, &since_format);
    if (kind == NULL)
        return fail(c, "unknown parameter \"%s\"", key);
    if (since_format > c->format)
        return fail(c, "parameter \"%s\" needs format \"" FORMAT_V2 "\"", key);
    if (!json_is_object(obj))
        return fail(c, "parameter \"%s\" must be an object {%s, description, values}", key,
                    c->format == 1 ? "unit" : "type, unit or codes");
    static const char *const members_v1[] = {"unit", "description", "values", "note", NULL};
    static const char *const members_v2[] = {"type", "unit", "codes", "of", "description",
                                             "values", "note", NULL};
    nl_status s;
    const char *desc, *note;
    if ((s = only_members(c, obj, c->format == 1 ? members_v1 : members_v2)) != NL_OK ||
        (s = read_shape(c, key, obj, kind)) != NL_OK ||
        (s = get_string(c, obj, "description", true, &desc)) != NL_OK ||
        (s = get_string(c, obj, "note", false, &note)) != NL_OK)
        return s;
    json_t *values = json_object_get(obj, "values");
    if (values == NULL)
        return fail(c, "missing member \"values\"");
    push_key(c, "values");
    if (!json_is_array(values) || json_array_size(values) == 0)
        return fail(c, "\"values\" must be a non-empty array");
    nl_param_i *prm = &c->p->params[c->p->nparams++];
    prm->kind = kind;
    if ((s = dup_into(c, key, &prm->key)) != NL_OK ||
        (s = dup_into(c, desc, &prm->description)) != NL_OK)
        return s;
    prm->v = calloc(json_array_size(values), sizeof *prm->v);
    if (prm->v == NULL)
        return NL_ENOMEM;
    prm->cap = json_array_size(values);
    size_t i;
    json_t *v;
    json_array_foreach(values, i, v) {
        push_index(c, i);
        prm->n = i + 1;   /* counted first: nl_policy_free frees what a failed read holds */
        if ((s = read_value(c, v, kind, &prm->v[i])) != NL_OK)
            return s;
        if (i == 0 && prm->v[0].ends)
            return fail(c, "the first value cannot end the parameter (null)");
        if (i > 0 && prm->v[i].since <= prm->v[i - 1].since) {
            push_key(c, "since");
            return fail(c, "dates must strictly increase (sorted, no duplicates)");
        }
        pop(c);
    }
    pop(c);
    return NL_OK;
}

/* Format 1 had no parameters for the conditions its rules checked in code:
 * a format 1 document means those conditions, as cited by the parameter
 * they were then reported with. Loading one adds them, with that
 * parameter's dates, sources and statuses (docs/policy-format.md, "Format
 * 1"); scripts/policy-upgrade writes the same into a format 2 document. */
typedef struct implied {
    nl_pid pid, anchor;
    int64_t value;
    const char *description;
} implied;

#define BIT(c) ((int64_t)1 << (c))
static const implied v1_implied[] = {
    {NL_P_ATTRACTION_MAJORS, NL_P_ATTRACTION_MIN_DEGREE,
     BIT(NL_MAJOR_IT) | BIT(NL_MAJOR_ELECTRONICS_TELECOM),
     "Ngành được hỗ trợ (định dạng 1: CNTT, điện tử viễn thông) / majors that qualify "
     "(format 1: IT, electronics-telecommunications)"},
    {NL_P_ATTRACTION_AGENCIES, NL_P_ATTRACTION_MIN_DEGREE,
     BIT(NL_AGENCY_PARTY) | BIT(NL_AGENCY_STATE),
     "Cơ quan được hỗ trợ (định dạng 1: Đảng, Nhà nước) / agencies that qualify (format 1: "
     "Party, State)"},
    {NL_P_ATTRACTION_DEDICATED, NL_P_ATTRACTION_MIN_DEGREE, 1,
     "Yêu cầu vị trí chuyên trách CNTT (định dạng 1) / a dedicated IT post is required "
     "(format 1)"},
    {NL_P_TRAINING_DEDICATED, NL_P_TRAINING_TUITION_BP, 1,
     "Yêu cầu cán bộ chuyên trách CNTT (định dạng 1) / a dedicated IT official is required "
     "(format 1)"},
    {NL_P_TRAINING_SHORT_COURSE, NL_P_TRAINING_TUITION_BP, 1,
     "Yêu cầu khóa ngắn hạn tập trung (định dạng 1) / a short concentrated course is "
     "required (format 1)"},
};
#undef BIT
_Static_assert(sizeof v1_implied / sizeof v1_implied[0] == NL_V1_IMPLIED, "NL_V1_IMPLIED");

static nl_status upgrade_v1(nl_policy *p)
{
    for (size_t i = 0; i < NL_V1_IMPLIED; i++) {
        const implied *m = &v1_implied[i];
        const nl_param_i *a = NULL;
        for (size_t k = 0; k < p->nparams && a == NULL; k++)
            if (p->params[k].key != NULL &&   /* always set once read */
                strcmp(p->params[k].key, nl__known[m->anchor].key) == 0)
                a = &p->params[k];
        if (a == NULL)
            continue;   /* the family is not in the document */
        nl_param_i *prm = &p->params[p->nparams++];
        prm->kind = nl__known[m->pid].kind;
        prm->key = nl__strdup(nl__known[m->pid].key);
        prm->description = nl__strdup(m->description);
        prm->v = malloc(a->n * sizeof *prm->v);
        if (prm->key == NULL || prm->description == NULL || prm->v == NULL)
            return NL_ENOMEM;
        prm->n = prm->cap = a->n;
        for (size_t j = 0; j < a->n; j++) {
            prm->v[j] = a->v[j];
            prm->v[j].value = a->v[j].ends ? 0 : m->value;
        }
    }
    return NL_OK;
}

static nl_status read_params(ctx *c, json_t *obj)
{
    push_key(c, "parameters");
    if (!json_is_object(obj) || json_object_size(obj) == 0)
        return fail(c, "\"parameters\" must be a non-empty object");
    /* Room for the parameters a format 1 document implies (upgrade_v1). */
    c->p->params = calloc(json_object_size(obj) + NL_V1_IMPLIED + NL_LEGACY_IMPLIED,
                          sizeof *c->p->params);
    if (c->p->params == NULL)
        return NL_ENOMEM;
    const char *key;
    json_t *v;
    json_object_foreach(obj, key, v) {
        push_key(c, key);
        nl_status s = read_param(c, key, v);
        if (s != NL_OK)
            return s;
        pop(c);
    }
    pop(c);
    return NL_OK;
}

static nl_status read_document(ctx *c, json_t *root)
{
    static const char *const members[] = {"format", "name", "sources", "workplaces",
                                          "parameters", "note", NULL};
    if (!json_is_object(root))
        return fail(c, "a policy document must be a JSON object");
    nl_status s;
    const char *format, *name, *note;
    if ((s = only_members(c, root, members)) != NL_OK ||
        (s = get_string(c, root, "format", true, &format)) != NL_OK ||
        (s = get_string(c, root, "name", true, &name)) != NL_OK ||
        (s = get_string(c, root, "note", false, &note)) != NL_OK)
        return s;
    if (strcmp(format, FORMAT_V2) == 0) {
        c->format = 2;
    } else if (strcmp(format, FORMAT_V1) == 0) {
        c->format = 1;
    } else {
        push_key(c, "format");
        return fail(c, "format must be \"" FORMAT_V2 "\" (or \"" FORMAT_V1 "\")");
    }
    if ((s = dup_into(c, name, &c->p->name)) != NL_OK)
        return s;
    static const char *const sections[] = {"sources", "workplaces", "parameters"};
    for (size_t i = 0; i < 3; i++)
        if (json_object_get(root, sections[i]) == NULL)
            return fail(c, "missing member \"%s\"", sections[i]);
    if ((s = read_sources(c, json_object_get(root, "sources"))) != NL_OK ||
        (s = read_workplaces(c, json_object_get(root, "workplaces"))) != NL_OK ||
        (s = read_params(c, json_object_get(root, "parameters"))) != NL_OK ||
        (c->format == 1 && (s = upgrade_v1(c->p)) != NL_OK))
        return s;
    char why[200];
    if ((s = nl__legacy_fold(c->p, why, sizeof why)) != NL_OK) {
        if (s != NL_EPARSE)
            return s;
        c->depth = 0;
        push_key(c, "parameters");
        return fail(c, "%s", why);
    }
    const char *bad;
    if (nl__policy_finish(c->p, why, sizeof why, &bad) != NL_OK) {
        c->depth = 0;
        if (bad == NULL) {   /* a required parameter, not a tier's amount */
            push_key(c, "parameters");
            return fail(c, "%s", why);
        }
        /* Name the first workplace (in document order) whose tier has no
         * amount, not just the array: the table is sorted by now. */
        json_t *arr = json_object_get(root, "workplaces"), *w;
        size_t i;
        push_key(c, "workplaces");
        json_array_foreach(arr, i, w) {
            json_t *t = json_object_get(w, "tier");
            if (json_is_string(t) && strcmp(json_string_value(t), bad) == 0) {
                push_index(c, i);
                push_key(c, "tier");
                break;
            }
        }
        return fail(c, "%s", why);
    }
    return NL_OK;
}

/* ------------------------------------------------------- syntax errors */

/* Appends "/" and the member name s[0..n) to a JSON Pointer, escaping '~'
 * as "~0" and '/' as "~1". Stops (truncates) when buf is full. */
static void append_segment(char *buf, size_t size, size_t *used, const char *s, size_t n)
{
    size_t u = *used;
    if (u + 1 >= size)
        return;
    buf[u++] = '/';
    for (size_t i = 0; i < n && u + 1 < size; i++) {
        if (s[i] == '~' || s[i] == '/') {
            if (u + 2 >= size)
                break;
            buf[u++] = '~';
            buf[u++] = s[i] == '~' ? '0' : '1';
        } else {
            buf[u++] = s[i];
        }
    }
    buf[u] = '\0';
    *used = u;
}

/* jansson reports where a syntax error is (and an integer past int64, bad
 * UTF-8 and a duplicate key are syntax errors to it), not in which member.
 * The text before that offset is valid JSON so far, so a scan of it that
 * tracks open objects and arrays rebuilds the path of the item being read:
 * /parameters/expert.cap.level1/values/0/value. Member names are taken raw
 * (escape sequences are not decoded), as in find_member(). */
#define SYNTAX_DEPTH 16
static void syntax_pointer(const char *s, size_t end, char *buf, size_t size)
{
    struct {
        bool object, has_key;
        size_t key, klen, index;
    } st[SYNTAX_DEPTH];
    size_t depth = 0;          /* levels past SYNTAX_DEPTH are counted, not named */
    bool want_key = false;
    buf[0] = '\0';
    for (size_t i = 0; i < end; i++) {
        char ch = s[i];
        if (ch == '"') {
            size_t j = i + 1;
            while (j < end && s[j] != '"')
                j += s[j] == '\\' ? 2 : 1;
            if (j >= end) {            /* the error is inside this string */
                if (want_key && depth > 0 && depth <= SYNTAX_DEPTH)
                    st[depth - 1].has_key = false;   /* name unknown: stop at the object */
                break;
            }
            if (want_key && depth > 0 && depth <= SYNTAX_DEPTH && st[depth - 1].object) {
                st[depth - 1].has_key = true;
                st[depth - 1].key = i + 1;
                st[depth - 1].klen = j - i - 1;
            }
            i = j;
        } else if (ch == '{' || ch == '[') {
            if (depth < SYNTAX_DEPTH) {
                st[depth].object = ch == '{';
                st[depth].has_key = false;
                st[depth].index = 0;
            }
            depth++;
            want_key = ch == '{';
        } else if (ch == '}' || ch == ']') {
            if (depth > 0)
                depth--;
            want_key = false;
        } else if (ch == ',' && depth > 0 && depth <= SYNTAX_DEPTH) {
            if (st[depth - 1].object) {
                st[depth - 1].has_key = false;
                want_key = true;
            } else {
                st[depth - 1].index++;
            }
        } else if (ch == ':') {
            want_key = false;
        }
    }
    size_t used = 0;
    for (size_t d = 0; d < depth && d < SYNTAX_DEPTH; d++) {
        if (st[d].object && !st[d].has_key)
            break;
        if (st[d].object) {
            append_segment(buf, size, &used, s + st[d].key, st[d].klen);
        } else {
            char idx[24];
            int w = snprintf(idx, sizeof idx, "%zu", st[d].index);
            append_segment(buf, size, &used, idx, w > 0 ? (size_t)w : 0);
        }
    }
}

/* nl_error texts are shown to users and decoded as UTF-8 by the bindings,
 * but they quote the document and are cut to fit their arrays, possibly in
 * the middle of a character. Replaces every byte that does not start a
 * complete, valid UTF-8 sequence by '?', so key and message are always
 * valid UTF-8. */
static void utf8_clean(char *s, size_t size)
{
    size_t n = strnlen(s, size - 1);
    s[n] = '\0';
    for (size_t i = 0; i < n;) {
        unsigned char b = (unsigned char)s[i];
        size_t len = b < 0x80 ? 1 : b >= 0xC2 && b <= 0xDF ? 2 : b >= 0xE0 && b <= 0xEF ? 3
                   : b >= 0xF0 && b <= 0xF4 ? 4 : 0;
        bool ok = len > 0 && i + len <= n;
        for (size_t k = 1; ok && k < len; k++)
            ok = ((unsigned char)s[i + k] & 0xC0) == 0x80;
        if (ok && len >= 3) {
            unsigned char b1 = (unsigned char)s[i + 1];
            ok = !(b == 0xE0 && b1 < 0xA0) && !(b == 0xED && b1 > 0x9F) &&   /* overlong, surrogate */
                 !(b == 0xF0 && b1 < 0x90) && !(b == 0xF4 && b1 > 0x8F);     /* overlong, > U+10FFFF */
        }
        if (!ok) {
            s[i++] = '?';
            continue;
        }
        i += len;
    }
}

static nl_status syntax_error(nl_error *err, const char *text, size_t len, size_t at, int line,
                              int column, const char *what)
{
    if (err == NULL)
        return NL_EPARSE;
    err->status = NL_EPARSE;
    err->line = line > 0 ? line : 0;
    err->column = column > 0 ? column : 0;
    syntax_pointer(text, at < len ? at : len, err->key, sizeof err->key);
    (void)snprintf(err->message, sizeof err->message, "line %d, column %d, at %.100s: %.100s",
                   err->line, err->column, err->key[0] ? err->key : "/", what);
    return NL_EPARSE;
}

/* ----------------------------------------------------------------- entry */

static void clear_error(nl_error *err)
{
    if (err)
        memset(err, 0, sizeof *err);
}

static nl_status simple_error(nl_error *err, nl_status s, const char *msg)
{
    if (err) {
        memset(err, 0, sizeof *err);
        err->status = s;
        snprintf(err->message, sizeof err->message, "%s", msg);
    }
    return s;
}

static nl_status parse(const char *text, size_t len, nl_policy **out, nl_error *err)
{
    clear_error(err);
    if (out)
        *out = NULL;
    if (out == NULL || text == NULL)
        return simple_error(err, NL_EINVAL, "NULL argument");
    if (len > NL_POLICY_MAX_BYTES)
        return simple_error(err, NL_EPARSE, "document larger than 16 MiB");
    /* JSON has no raw NUL byte anywhere, but jansson skips one after a
     * number ({"value": 1<NUL>} loads as 1): refuse it here. */
    const char *nul = memchr(text, '\0', len);
    if (nul != NULL) {
        int line, column;
        line_col(text, (size_t)(nul - text), &line, &column);
        return syntax_error(err, text, len, (size_t)(nul - text), line, column,
                            "NUL byte in the document");
    }
    json_error_t jerr;
    json_t *root = json_loadb(text, len, JSON_REJECT_DUPLICATES, &jerr);
    if (root == NULL)
        return syntax_error(err, text, len, jerr.position > 0 ? (size_t)jerr.position : 0,
                            jerr.line, jerr.column, jerr.text);
    ctx c = {.text = text, .len = len, .err = err, .p = nl__policy_alloc()};
    nl_status s = c.p ? read_document(&c, root) : NL_ENOMEM;
    json_decref(root);
    if (s != NL_OK) {
        nl_policy_free(c.p);
        if (s == NL_ENOMEM)
            return simple_error(err, s, "out of memory");
        return s;
    }
    *out = c.p;
    return NL_OK;
}

nl_status nl_policy_parse(const char *text, size_t len, nl_policy **out, nl_error *err)
{
    nl_status s = parse(text, len, out, err);
    if (s != NL_OK && err != NULL) {
        utf8_clean(err->key, sizeof err->key);
        utf8_clean(err->message, sizeof err->message);
    }
    return s;
}

nl_status nl_policy_load(const char *path, nl_policy **out, nl_error *err)
{
    clear_error(err);
    if (out)
        *out = NULL;
    if (out == NULL || path == NULL)
        return simple_error(err, NL_EINVAL, "NULL argument");
    /* O_NONBLOCK: opening a FIFO with no writer must not block; only a
     * regular file is read (a pipe, device or directory is refused, so
     * nothing can make a load wait forever or read without end). */
    int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    struct stat st;
    bool opened = fd >= 0 && fstat(fd, &st) == 0;
    if (!opened || !S_ISREG(st.st_mode)) {
        char msg[256];
        if (!opened)
            snprintf(msg, sizeof msg, "cannot open \"%.180s\": %s", path, strerror(errno));
        else
            snprintf(msg, sizeof msg,
                     "\"%.180s\" is not a regular file (a pipe, device or directory is not read)",
                     path);
        if (fd >= 0)
            close(fd);
        simple_error(err, NL_EIO, msg);
        if (err)   /* a path is bytes, not necessarily UTF-8 */
            utf8_clean(err->message, sizeof err->message);
        return NL_EIO;
    }
    if (st.st_size > (off_t)NL_POLICY_MAX_BYTES) {
        close(fd);
        return simple_error(err, NL_EPARSE, "document larger than 16 MiB");
    }
    int flags = fcntl(fd, F_GETFL);
    FILE *f = NULL;
    if (flags < 0 || fcntl(fd, F_SETFL, flags & ~O_NONBLOCK) < 0 ||
        (f = fdopen(fd, "rb")) == NULL) {
        char msg[256];
        snprintf(msg, sizeof msg, "cannot read \"%.180s\": %s", path, strerror(errno));
        close(fd);
        simple_error(err, NL_EIO, msg);
        if (err)
            utf8_clean(err->message, sizeof err->message);
        return NL_EIO;
    }
    /* Read at most one byte past the limit: enough to refuse a file that
     * grew past it since fstat() without reading all of it. */
    size_t cap = 64 * 1024, len = 0;
    char *buf = malloc(cap);
    nl_status s = NL_OK;
    while (buf != NULL) {
        len += fread(buf + len, 1, cap - len, f);
        if (len < cap || len > NL_POLICY_MAX_BYTES)
            break;
        /* Never more than one byte past the limit: a pipe or /dev/zero
         * is refused after reading NL_POLICY_MAX_BYTES + 1 bytes. */
        size_t ncap = cap * 2 > (size_t)NL_POLICY_MAX_BYTES + 1 ? (size_t)NL_POLICY_MAX_BYTES + 1
                                                                 : cap * 2;
        char *nb = realloc(buf, ncap);
        if (nb == NULL) {
            free(buf);
            buf = NULL;
            break;
        }
        buf = nb;
        cap = ncap;
    }
    if (buf == NULL)
        s = simple_error(err, NL_ENOMEM, "out of memory");
    else if (ferror(f))
        s = simple_error(err, NL_EIO, "read error");
    else if (len > NL_POLICY_MAX_BYTES)
        s = simple_error(err, NL_EPARSE, "document larger than 16 MiB");
    fclose(f);
    if (s == NL_OK)
        s = nl_policy_parse(buf, len, out, err);
    free(buf);
    return s;
}

nl_status nl_policy_default(nl_policy **out)
{
    if (out == NULL)
        return NL_EINVAL;
    /* The embedded document is checked by the test suite, so in practice the
     * only failure left is NL_ENOMEM. */
    return nl_policy_parse((const char *)nl__builtin_json, nl__builtin_json_len, out, NULL);
}
