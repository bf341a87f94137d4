/* Policies: dated parameters, their sources, and the workplace table.
 *
 * A parameter is a list of values sorted by the day they start; the value in
 * force on a date is the last one starting on or before it, unless that one
 * ends the parameter. This is OpenFisca's parameter model, with each value
 * carrying its legal source and how sure the data is of it. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

static const char user_source[] =
    "Giá trị giả định của người dùng (nl_policy_set) / what-if value set by the caller";

char *nl__strdup(const char *s)
{
    size_t n = strlen(s) + 1;
    char *d = malloc(n);
    if (d)
        memcpy(d, s, n);
    return d;
}

nl_policy *nl__policy_alloc(void)
{
    return calloc(1, sizeof(nl_policy));
}

void nl_policy_free(nl_policy *p)
{
    if (p == NULL)
        return;
    free(p->name);
    for (size_t i = 0; i < p->nsources; i++) {
        free(p->sources[i].id);
        free(p->sources[i].citation);
        free(p->sources[i].url);
    }
    free(p->sources);
    for (int i = 0; i < NL_P_KNOWN_COUNT; i++)
        free(p->absent[i]);
    for (size_t i = 0; i < p->nparams; i++) {
        free(p->params[i].key);
        free(p->params[i].description);
        nl__values_free(p->params[i].v, p->params[i].n);
        free(p->params[i].v);
    }
    free(p->params);
    for (size_t i = 0; i < p->nworkplaces; i++) {
        free(p->workplaces[i].name);
        free(p->workplaces[i].tier);
        free(p->workplaces[i].from);
    }
    free(p->workplaces);
    free(p);
}

const char *nl_policy_name(const nl_policy *p)
{
    return p ? p->name : NULL;
}

/* ------------------------------------------------------------- building */

static int cmp_param(const void *a, const void *b)
{
    return strcmp(((const nl_param_i *)a)->key, ((const nl_param_i *)b)->key);
}

static int cmp_workplace(const void *a, const void *b)
{
    const nl_workplace_i *x = a, *y = b;
    if (x->code != y->code)
        return x->code < y->code ? -1 : 1;
    return (x->since > y->since) - (x->since < y->since);
}

size_t nl__workplace_first(const nl_policy *p, int code)
{
    size_t lo = 0, hi = p->nworkplaces;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (p->workplaces[mid].code < code)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

ptrdiff_t nl__workplace_on(const nl_policy *p, int code, nl_date on, bool *mapped)
{
    *mapped = false;
    ptrdiff_t ended = -1;   /* the latest unit of this code that ended before `on` */
    for (size_t i = nl__workplace_first(p, code); i < p->nworkplaces && p->workplaces[i].code == code;
         i++) {
        const nl_workplace_i *w = &p->workplaces[i];
        if (w->since <= on && on <= w->until)
            return (ptrdiff_t)i;
        if (w->until < on)
            ended = (ptrdiff_t)i;
    }
    *mapped = ended >= 0;
    return ended;
}

/* How a unit with "from" and no tier of its own is tiered: by the units its
 * predecessors were on the day before it began. All of one tier: that tier,
 * derived; of different tiers, or some outside the document: ambiguous; none
 * a unit of the document: outside its area. */
static void derive_tier(nl_policy *p, nl_workplace_i *w)
{
    const nl_workplace_i *first = NULL;
    size_t inside = 0;
    bool mixed = false;
    for (size_t k = 0; k < w->nfrom; k++) {
        bool mapped;
        nl_date before = w->since > NL_DATE_MIN ? w->since - 1 : w->since;
        ptrdiff_t j = nl__workplace_on(p, w->from[k], before, &mapped);
        if (j < 0 || mapped)
            continue;   /* no unit of the document: outside its area */
        /* Only a tier the document gives counts: a predecessor whose tier
         * is derived (kind DERIVED) or not derived yet (tier NULL) makes the
         * unit ambiguous, whatever the order units are derived in. */
        if (p->workplaces[j].kind != NL_WORKPLACE_TIER || p->workplaces[j].tier == NULL) {
            inside++;
            mixed = true;
            continue;
        }
        inside++;
        if (first == NULL)
            first = &p->workplaces[j];
        else if (first->param != p->workplaces[j].param)
            mixed = true;
    }
    if (inside == 0) {
        w->kind = NL_WORKPLACE_OUTSIDE_AREA;
    } else if (mixed || inside < w->nfrom) {
        w->kind = NL_WORKPLACE_AMBIGUOUS;
    } else {
        w->kind = NL_WORKPLACE_DERIVED;
        w->param = first->param;
        w->tier = nl__strdup(first->tier);
    }
}

ptrdiff_t nl__find_param(const nl_policy *p, const char *key)
{
    size_t lo = 0, hi = p->nparams;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int c = strcmp(p->params[mid].key, key);
        if (c == 0)
            return (ptrdiff_t)mid;
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return -1;
}

nl_status nl__policy_finish(nl_policy *p, char *why, size_t why_size, const char **bad_tier)
{
    *bad_tier = NULL;
    qsort(p->params, p->nparams, sizeof *p->params, cmp_param);
    for (int i = 0; i < NL_P_KNOWN_COUNT; i++) {
        ptrdiff_t k = nl__find_param(p, nl__known[i].key);
        free(p->absent[i]);
        p->absent[i] = NULL;
        if (k >= 0) {
            p->known[i] = (size_t)k;
            continue;
        }
        /* Absent: the rules that read it answer "not in force" and say why. */
        p->known[i] = NL_PARAM_ABSENT;
#define NL_ABSENT_TEXT "parameter %s is not in this policy document"
        size_t n = sizeof NL_ABSENT_TEXT + strlen(nl__known[i].key);
        p->absent[i] = malloc(n);
        if (p->absent[i] == NULL) {
            snprintf(why, why_size, "out of memory");
            return NL_ENOMEM;
        }
        snprintf(p->absent[i], n, NL_ABSENT_TEXT, nl__known[i].key);
#undef NL_ABSENT_TEXT
    }
    qsort(p->workplaces, p->nworkplaces, sizeof *p->workplaces, cmp_workplace);
    char key[sizeof NL_TIER_PREFIX + NL_TIER_MAX];
    /* Units with a tier of their own first: derived tiers are read off them. */
    for (size_t i = 0; i < p->nworkplaces; i++) {
        nl_workplace_i *w = &p->workplaces[i];
        if (w->tier == NULL)
            continue;
        snprintf(key, sizeof key, NL_TIER_PREFIX "%s", w->tier);
        ptrdiff_t k = nl__find_param(p, key);
        if (k < 0) {
            *bad_tier = w->tier;
            snprintf(why, why_size, "workplace %0*d has tier \"%s\" but parameter \"%s\" is missing",
                     w->digits, w->code, w->tier, key);
            return NL_EPARSE;
        }
        w->kind = NL_WORKPLACE_TIER;
        w->param = (size_t)k;
    }
    for (size_t i = 0; i < p->nworkplaces; i++) {
        nl_workplace_i *w = &p->workplaces[i];
        if (w->tier != NULL)
            continue;
        derive_tier(p, w);
        if (w->kind == NL_WORKPLACE_DERIVED && w->tier == NULL) {
            snprintf(why, why_size, "out of memory");
            return NL_ENOMEM;
        }
    }
    return NL_OK;
}

nl_status nl_policy_clone(const nl_policy *p, nl_policy **out)
{
    if (out == NULL)
        return NL_EINVAL;
    *out = NULL;
    if (p == NULL)
        return NL_EINVAL;
    nl_policy *c = nl__policy_alloc();
    if (c == NULL)
        return NL_ENOMEM;
    memcpy(c->known, p->known, sizeof c->known);
    for (int i = 0; i < NL_P_KNOWN_COUNT; i++)
        if (p->absent[i] != NULL && (c->absent[i] = nl__strdup(p->absent[i])) == NULL)
            goto nomem;
    c->name = nl__strdup(p->name);
    c->sources = calloc(p->nsources ? p->nsources : 1, sizeof *c->sources);
    c->params = calloc(p->nparams ? p->nparams : 1, sizeof *c->params);
    c->workplaces = calloc(p->nworkplaces ? p->nworkplaces : 1, sizeof *c->workplaces);
    if (!c->name || !c->sources || !c->params || !c->workplaces)
        goto nomem;
    /* Counts grow as items are copied so nl_policy_free frees exactly what
     * exists if an allocation fails half way. */
    for (size_t i = 0; i < p->nsources; i++, c->nsources++) {
        nl_source_i *d = &c->sources[i];
        d->id = nl__strdup(p->sources[i].id);
        d->citation = nl__strdup(p->sources[i].citation);
        d->url = nl__strdup(p->sources[i].url);
        if (!d->id || !d->citation || !d->url) {
            c->nsources++;
            goto nomem;
        }
    }
    for (size_t i = 0; i < p->nparams; i++, c->nparams++) {
        const nl_param_i *s = &p->params[i];
        nl_param_i *d = &c->params[i];
        d->kind = s->kind;
        d->key = nl__strdup(s->key);
        d->description = nl__strdup(s->description);
        if (!d->key || !d->description || !nl__values_copy(s->v, s->n, &d->v)) {
            c->nparams++;
            goto nomem;
        }
        d->n = d->cap = s->n;
    }
    for (size_t i = 0; i < p->nworkplaces; i++, c->nworkplaces++) {
        nl_workplace_i *d = &c->workplaces[i];
        const nl_workplace_i *w = &p->workplaces[i];
        *d = *w;
        d->name = nl__strdup(w->name);
        d->tier = w->tier ? nl__strdup(w->tier) : NULL;
        d->from = w->nfrom ? malloc(w->nfrom * sizeof *d->from) : NULL;
        if (d->from)
            memcpy(d->from, w->from, w->nfrom * sizeof *d->from);
        if (!d->name || (w->tier && !d->tier) || (w->nfrom && !d->from)) {
            c->nworkplaces++;
            goto nomem;
        }
    }
    *out = c;
    return NL_OK;
nomem:
    nl_policy_free(c);
    return NL_ENOMEM;
}

/* -------------------------------------------------------------- lookups */

ptrdiff_t nl__value_index(const nl_param_i *prm, nl_date on)
{
    /* Parameters have a handful of values: a backward scan beats a binary
     * search and finds the common case (today's value) first. */
    for (ptrdiff_t i = (ptrdiff_t)prm->n - 1; i >= 0; i--)
        if (prm->v[i].since <= on)
            return i;
    return -1;
}

const char *nl__source_text(const nl_policy *p, int32_t source)
{
    return source == NL_SOURCE_USER ? user_source : p->sources[source].citation;
}

const char *nl__source_url(const nl_policy *p, int32_t source)
{
    return source == NL_SOURCE_USER ? "" : p->sources[source].url;
}

bool nl__use(const nl_policy *p, size_t idx, nl_date on, nl_use *u)
{
    const nl_param_i *prm = &p->params[idx];
    ptrdiff_t i = nl__value_index(prm, on);
    /* Before the first value the nearest source is the first value's: it is
     * the text that says when the rule starts. */
    const nl_value_i *v = &prm->v[i < 0 ? 0 : i];
    bool in_force = i >= 0 && !v->ends;
    u->value = in_force ? v->value : 0;
    u->e = in_force ? v->e : NULL;
    u->source = nl__source_text(p, v->source);
    u->certainty = v->certainty;
    return in_force;
}

static void fill_value(const nl_policy *p, const nl_value_i *v, nl_param_value *out)
{
    out->since = v->since;
    out->ends = v->ends;
    out->value = v->ends ? 0 : v->value;
    out->source = nl__source_text(p, v->source);
    out->source_url = nl__source_url(p, v->source);
    out->certainty = v->certainty;
}

nl_status nl_policy_get_value(const nl_policy *p, const char *key, nl_date on,
                              nl_param_value *out)
{
    if (out == NULL)
        return NL_EINVAL;
    memset(out, 0, sizeof *out);
    if (p == NULL || key == NULL)
        return NL_EINVAL;
    int group, level;
    if (nl__legacy_key(key, &group, &level))
        return nl__legacy_get(p, key, on, out);
    ptrdiff_t k = nl__find_param(p, key);
    if (k < 0)
        return NL_ENOTFOUND;
    if (!nl__date_valid(on))   /* as the rules and nl_policy_set: arguments first */
        return NL_EDATE;
    const nl_param_i *prm = &p->params[k];
    ptrdiff_t i = nl__value_index(prm, on);
    if (i < 0 || prm->v[i].ends)
        return NL_ENOTINFORCE;
    fill_value(p, &prm->v[i], out);
    return NL_OK;
}

nl_status nl_policy_get(const nl_policy *p, const char *key, nl_date on, int64_t *out)
{
    if (out == NULL)
        return NL_EINVAL;
    nl_param_value v;
    nl_status s = nl_policy_get_value(p, key, on, &v);
    *out = v.value;
    return s;
}

/* -------------------------------------------------------------- what-if */

nl_status nl__put_value(nl_policy *p, const char *key, nl_date since, bool ends, int64_t value,
                        bool with_entries, const nl_param_entry *e, size_t n)
{
    ptrdiff_t k = nl__find_param(p, key);
    if (k < 0)
        return NL_ENOTFOUND;
    if (!nl__date_valid(since))
        return NL_EDATE;
    nl_param_i *prm = &p->params[k];
    bool entries = nl__kind_has_entries(prm->kind);
    /* A number for a number, entries for a table or scale (e == NULL with
     * n == 0 is an empty table: with_entries tells it from a number). */
    if (!ends && (entries != with_entries ||
                  (entries ? !nl__entries_valid(prm->kind, e, n)
                           : !nl__kind_allows(prm->kind, value))))
        return NL_EINVAL;
    nl_value_i nv = {.since = since, .ends = ends, .certainty = NL_CERTAINTY_USER,
                     .source = NL_SOURCE_USER, .value = ends ? 0 : value};
    if (entries && !ends) {
        nv.value = (int64_t)n;
        if (n > 0) {
            if ((nv.e = malloc(n * sizeof *nv.e)) == NULL)
                return NL_ENOMEM;
            memcpy(nv.e, e, n * sizeof *nv.e);
        }
    }
    ptrdiff_t i = nl__value_index(prm, since);
    if (i >= 0 && prm->v[i].since == since) {
        nl__values_free(&prm->v[i], 1);
        prm->v[i] = nv;
        p->generation++;
        return NL_OK;
    }
    if (prm->n == prm->cap) {
        size_t cap = prm->cap ? prm->cap * 2 : 4;
        nl_value_i *v = realloc(prm->v, cap * sizeof *v);
        if (v == NULL) {
            free(nv.e);
            return NL_ENOMEM;
        }
        prm->v = v;
        prm->cap = cap;
    }
    size_t at = (size_t)(i + 1);
    memmove(&prm->v[at + 1], &prm->v[at], (prm->n - at) * sizeof *prm->v);
    prm->v[at] = nv;
    prm->n++;
    p->generation++;
    return NL_OK;
}

nl_status nl_policy_set(nl_policy *p, const char *key, nl_date since, int64_t value)
{
    if (p == NULL || key == NULL)
        return NL_EINVAL;
    int group, level;
    if (nl__legacy_key(key, &group, &level))
        return nl__legacy_set(p, key, since, value);
    return nl__put_value(p, key, since, false, value, false, NULL, 0);
}

nl_status nl_policy_end(nl_policy *p, const char *key, nl_date since)
{
    if (p == NULL || key == NULL)
        return NL_EINVAL;
    int group, level;
    if (nl__legacy_key(key, &group, &level))
        return NL_EINVAL;   /* a threshold cannot end alone: end the scale */
    return nl__put_value(p, key, since, true, 0, false, NULL, 0);
}

nl_status nl_policy_set_entries(nl_policy *p, const char *key, nl_date since,
                                const nl_param_entry *entries, size_t n)
{
    if (p == NULL || key == NULL)
        return NL_EINVAL;
    return nl__put_value(p, key, since, false, 0, true, entries, n);
}

/* ------------------------------------------------------ tables, scales */

bool nl__table_get(const nl_use *u, int64_t code, int64_t *out)
{
    for (int64_t i = 0; i < u->value; i++)
        if (u->e[i].at == code) {
            *out = u->e[i].value;
            return true;
        }
    return false;
}

int64_t nl__scale_get(const nl_use *u, double x)
{
    /* A handful of steps: the last one whose lowest measure x reaches. The
     * comparison is the one the rules always made (x >= threshold). */
    int64_t i = u->value - 1;
    while (i > 0 && !(x >= (double)u->e[i].at))
        i--;
    return u->e[i].value;
}

void nl__values_free(nl_value_i *v, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        free(v[i].e);
        v[i].e = NULL;
    }
}

bool nl__values_copy(const nl_value_i *v, size_t n, nl_value_i **out)
{
    *out = NULL;
    if (n == 0)
        return true;
    nl_value_i *d = malloc(n * sizeof *d);
    if (d == NULL)
        return false;
    memcpy(d, v, n * sizeof *d);
    for (size_t i = 0; i < n; i++) {
        if (v[i].e == NULL)
            continue;
        size_t bytes = (size_t)v[i].value * sizeof *d[i].e;
        if ((d[i].e = malloc(bytes)) == NULL) {
            for (size_t j = i; j < n; j++)
                d[j].e = NULL;
            nl__values_free(d, i);
            free(d);
            return false;
        }
        memcpy(d[i].e, v[i].e, bytes);
    }
    *out = d;
    return true;
}

nl_status nl_policy_lookup(const nl_policy *p, const char *key, nl_date on, int64_t at,
                           int64_t *out)
{
    if (out == NULL)
        return NL_EINVAL;
    *out = 0;
    size_t k;
    nl_status s = nl_policy_param_find(p, key, &k);
    if (s != NL_OK)
        return s;
    const nl_param_kind *kind = p->params[k].kind;
    if (!nl__kind_has_entries(kind) ||
        (kind->type == NL_PARAM_TABLE ? (at < 0 || at >= (int64_t)kind->list->n)
                                      : (at < kind->of_min || at > kind->of_max)))
        return NL_EINVAL;
    if (!nl__date_valid(on))
        return NL_EDATE;
    nl_use u;
    if (!nl__use(p, k, on, &u))
        return NL_ENOTINFORCE;
    if (kind->type == NL_PARAM_SCALE) {
        *out = nl__scale_get(&u, (double)at);
        return NL_OK;
    }
    return nl__table_get(&u, at, out) ? NL_OK : NL_ENOTINFORCE;
}

/* -------------------------------------------------------------- listing */

size_t nl_policy_param_count(const nl_policy *p)
{
    return p ? p->nparams : 0;
}

nl_status nl_policy_param_info(const nl_policy *p, size_t index, nl_param_info *out)
{
    if (out == NULL)
        return NL_EINVAL;
    memset(out, 0, sizeof *out);
    if (p == NULL)
        return NL_EINVAL;
    if (index >= p->nparams)
        return NL_ENOTFOUND;
    const nl_param_i *prm = &p->params[index];
    out->key = prm->key;
    out->unit = prm->kind->unit;
    out->description = prm->description;
    out->value_count = prm->n;
    return NL_OK;
}

nl_status nl_policy_param_value(const nl_policy *p, size_t index, size_t j,
                                nl_param_value *out)
{
    if (out == NULL)
        return NL_EINVAL;
    memset(out, 0, sizeof *out);
    if (p == NULL)
        return NL_EINVAL;
    if (index >= p->nparams || j >= p->params[index].n)
        return NL_ENOTFOUND;
    fill_value(p, &p->params[index].v[j], out);
    return NL_OK;
}

nl_status nl_policy_param_entries(const nl_policy *p, size_t index, size_t j,
                                  const nl_param_entry **entries, size_t *n)
{
    if (entries)
        *entries = NULL;
    if (n)
        *n = 0;
    if (p == NULL || entries == NULL || n == NULL)
        return NL_EINVAL;
    if (index >= p->nparams || j >= p->params[index].n)
        return NL_ENOTFOUND;
    const nl_param_i *prm = &p->params[index];
    if (!nl__kind_has_entries(prm->kind))
        return NL_EINVAL;
    *entries = prm->v[j].e;
    *n = prm->v[j].ends ? 0 : (size_t)prm->v[j].value;
    return NL_OK;
}

nl_status nl_policy_param_find(const nl_policy *p, const char *key, size_t *index)
{
    if (index == NULL)
        return NL_EINVAL;
    *index = 0;
    if (p == NULL || key == NULL)
        return NL_EINVAL;
    ptrdiff_t k = nl__find_param(p, key);
    if (k < 0)
        return NL_ENOTFOUND;
    *index = (size_t)k;
    return NL_OK;
}

nl_status nl_policy_param_type(const nl_policy *p, const char *key, nl_param_type *type,
                               const char *const **codes, size_t *ncodes, const char **list)
{
    if (codes)
        *codes = NULL;
    if (ncodes)
        *ncodes = 0;
    if (list)
        *list = NULL;
    if (type == NULL)
        return NL_EINVAL;
    *type = NL_PARAM_NUMBER;
    size_t k;
    nl_status s = nl_policy_param_find(p, key, &k);
    if (s != NL_OK)
        return s;
    const nl_param_kind *kind = p->params[k].kind;
    *type = kind->type;
    if (kind->list != NULL) {
        if (codes)
            *codes = kind->list->codes;
        if (ncodes)
            *ncodes = kind->list->n;
        if (list)
            *list = kind->list->name;
    }
    return NL_OK;
}

/* ----------------------------------------------------------- workplaces */

size_t nl_policy_workplace_count(const nl_policy *p)
{
    return p ? p->nworkplaces : 0;
}

static void fill_workplace(const nl_workplace_i *w, nl_workplace *out)
{
    out->code = w->code;
    out->name = w->name;
    out->tier = w->tier;
}

nl_status nl_policy_workplace_at(const nl_policy *p, size_t index, nl_workplace *out)
{
    if (out == NULL)
        return NL_EINVAL;
    memset(out, 0, sizeof *out);
    if (p == NULL)
        return NL_EINVAL;
    if (index >= p->nworkplaces)
        return NL_ENOTFOUND;
    fill_workplace(&p->workplaces[index], out);
    return NL_OK;
}

nl_status nl_policy_workplace(const nl_policy *p, int code, nl_workplace *out)
{
    if (out == NULL)
        return NL_EINVAL;
    memset(out, 0, sizeof *out);
    if (p == NULL || code < 0 || code >= NL_WORKPLACE_CODES)
        return NL_EINVAL;
    size_t i = nl__workplace_first(p, code);
    if (i == p->nworkplaces || p->workplaces[i].code != code)
        return NL_ENOTFOUND;
    fill_workplace(&p->workplaces[i], out);
    return NL_OK;
}

nl_status nl_policy_workplace_detail(const nl_policy *p, size_t index, nl_workplace_detail *out)
{
    if (out == NULL)
        return NL_EINVAL;
    memset(out, 0, sizeof *out);
    if (p == NULL)
        return NL_EINVAL;
    if (index >= p->nworkplaces)
        return NL_ENOTFOUND;
    const nl_workplace_i *w = &p->workplaces[index];
    out->digits = w->digits;
    out->has_since = w->since != NL_DATE_MIN;
    out->has_until = w->until != NL_DATE_MAX;
    out->since = out->has_since ? w->since : 0;
    out->until = out->has_until ? w->until : 0;
    out->kind = w->kind;
    out->from_count = w->nfrom;
    out->from = w->from;
    return NL_OK;
}

nl_status nl_policy_workplace_on(const nl_policy *p, int code, nl_date on, size_t *index,
                                 bool *mapped)
{
    if (index)
        *index = 0;
    if (mapped)
        *mapped = false;
    if (p == NULL || index == NULL || code < 0 || code >= NL_WORKPLACE_CODES)
        return NL_EINVAL;
    if (!nl__date_valid(on))
        return NL_EDATE;
    bool m;
    ptrdiff_t i = nl__workplace_on(p, code, on, &m);
    if (i < 0)
        return NL_ENOTFOUND;
    *index = (size_t)i;
    if (mapped)
        *mapped = m;
    return NL_OK;
}
