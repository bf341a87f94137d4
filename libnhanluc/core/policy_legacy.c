/* Format 1's experience thresholds, kept working on top of the scales.
 *
 * Format 1 (and format 2 before scales) wrote the expert levels as three
 * numbers per degree group, "expert.years.<group>.level1..3": the least
 * experience for level 1, 2 and 3, level 4 below them all; and it left the
 * roles (a team leader is level 1, a work-item lead at least level 2) to the
 * code. Format 2 writes the levels as scales, "expert.levels.<group>", and
 * the roles as a table, "expert.role_level" (docs/policy-format.md).
 *
 * A document in the old shape is folded into the new one when it is read,
 * so the rules read one shape only:
 *  - each group's three thresholds become one scale, dated at every date
 *    any of the three changes; the step at t is the highest level (least
 *    number) whose threshold t reaches, as the old rule decided;
 *  - the role table the old code meant is added with the dates, sources and
 *    statuses of "expert.cap.level1", the parameter that dated the table.
 * The old keys stay readable and settable through nl_policy_get() and
 * nl_policy_set() (nl__legacy_get, nl__legacy_set). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

#define LEGACY_PREFIX "expert.years."
static const char *const group_names[2] = {"bachelor", "master"};
static const nl_pid scale_pid[2] = {NL_P_EXPERT_LEVELS_BACHELOR, NL_P_EXPERT_LEVELS_MASTER};
#define NO_THRESHOLD INT64_MAX   /* a level the scale never reaches */

bool nl__legacy_key(const char *key, int *group, int *level)
{
    size_t plen = sizeof LEGACY_PREFIX - 1;
    if (strncmp(key, LEGACY_PREFIX, plen) != 0)
        return false;
    for (int g = 0; g < 2; g++) {
        size_t n = strlen(group_names[g]);
        const char *t = key + plen;
        if (strncmp(t, group_names[g], n) == 0 && strncmp(t + n, ".level", 6) == 0 &&
            t[n + 6] >= '1' && t[n + 6] <= '3' && t[n + 7] == '\0') {
            *group = g;
            *level = t[n + 6] - '0';
            return true;
        }
    }
    return false;
}

/* The steps thresholds y[1..3] mean (y[0] unused): at every threshold and at
 * 0, the least level l whose y[l] <= t, else 4; equal neighbours merged.
 * Returns the number of steps (1..4) written to e. */
static size_t steps_of(const int64_t y[4], nl_param_entry e[4])
{
    int64_t cut[4] = {0, y[1], y[2], y[3]};
    for (int i = 1; i < 4; i++)   /* sort the cuts */
        for (int j = i; j > 0 && cut[j] < cut[j - 1]; j--) {
            int64_t t = cut[j];
            cut[j] = cut[j - 1];
            cut[j - 1] = t;
        }
    size_t n = 0;
    for (int i = 0; i < 4 && cut[i] != NO_THRESHOLD; i++) {
        if (n > 0 && cut[i] == e[n - 1].at)
            continue;
        int64_t level = 4;
        for (int l = 3; l >= 1; l--)
            if (y[l] <= cut[i])
                level = l;
        if (n > 0 && e[n - 1].value == level)
            continue;   /* the same level: the earlier step stands */
        e[n++] = (nl_param_entry){cut[i], level};
    }
    return n;
}

/* The thresholds a scale's steps mean: y[l] = the least measure at level l
 * or better, NO_THRESHOLD when no step reaches it. */
static void thresholds_of(const nl_param_entry *e, size_t n, int64_t y[4])
{
    y[0] = 0;
    for (int l = 1; l <= 3; l++) {
        y[l] = NO_THRESHOLD;
        for (size_t i = 0; i < n && y[l] == NO_THRESHOLD; i++)
            if (e[i].value <= l)
                y[l] = e[i].at;
    }
}

/* ------------------------------------------------------------- folding */

static ptrdiff_t find_unsorted(const nl_policy *p, const char *key)
{
    for (size_t k = 0; k < p->nparams; k++)
        if (strcmp(p->params[k].key, key) == 0)
            return (ptrdiff_t)k;
    return -1;
}

static void drop_param(nl_policy *p, size_t k)
{
    nl_param_i *prm = &p->params[k];
    free(prm->key);
    free(prm->description);
    nl__values_free(prm->v, prm->n);
    free(prm->v);
    memmove(prm, prm + 1, (p->nparams - k - 1) * sizeof *prm);
    p->nparams--;
}

static nl_param_i *new_param(nl_policy *p, nl_pid pid, const char *description, size_t nvalues)
{
    nl_param_i *prm = &p->params[p->nparams];
    memset(prm, 0, sizeof *prm);
    prm->kind = nl__known[pid].kind;
    prm->key = nl__strdup(nl__known[pid].key);
    prm->description = nl__strdup(description);
    prm->v = calloc(nvalues ? nvalues : 1, sizeof *prm->v);
    p->nparams++;   /* counted even when half built: nl_policy_free frees it */
    if (prm->key == NULL || prm->description == NULL || prm->v == NULL)
        return NULL;
    prm->cap = nvalues;
    return prm;
}

static const char *const scale_description[2] = {
    "Mức chuyên gia theo số năm kinh nghiệm, trình độ đại học (từ expert.years.bachelor."
    "level1..3) / expert level by years of experience with a university degree (from "
    "expert.years.bachelor.level1..3)",
    "Mức chuyên gia theo số năm kinh nghiệm, trình độ thạc sĩ trở lên (từ expert.years."
    "master.level1..3) / expert level by years of experience with a master's degree or "
    "higher (from expert.years.master.level1..3)",
};

/* One group's three thresholds into its scale. */
static nl_status fold_group(nl_policy *p, int g, char *why, size_t why_size)
{
    char key[64];
    const nl_param_i *th[4] = {NULL};
    int present = 0;
    for (int l = 1; l <= 3; l++) {
        snprintf(key, sizeof key, LEGACY_PREFIX "%s.level%d", group_names[g], l);
        ptrdiff_t k = find_unsorted(p, key);
        if (k >= 0) {
            th[l] = &p->params[k];
            present++;
        }
    }
    if (present == 0)
        return NL_OK;
    const char *scale_key = nl__known[scale_pid[g]].key;
    if (present < 3 || find_unsorted(p, scale_key) >= 0) {
        snprintf(why, why_size,
                 present < 3 ? "expert.years.%s.level1..3 go together (or write the scale %s)"
                             : "expert.years.%s.level1..3 and the scale %s say the same: "
                               "keep one",
                 group_names[g], scale_key);
        return NL_EPARSE;
    }
    /* Every date any threshold changes, sorted and distinct. */
    size_t total = th[1]->n + th[2]->n + th[3]->n, nd = 0;
    nl_date *dates = malloc(total * sizeof *dates);
    if (dates == NULL)
        return NL_ENOMEM;
    for (int l = 1; l <= 3; l++)
        for (size_t j = 0; j < th[l]->n; j++) {
            nl_date d = th[l]->v[j].since;
            size_t at = 0;
            while (at < nd && dates[at] < d)
                at++;
            if (at < nd && dates[at] == d)
                continue;
            memmove(&dates[at + 1], &dates[at], (nd - at) * sizeof *dates);
            dates[at] = d;
            nd++;
        }
    nl_value_i *out = calloc(nd, sizeof *out);
    size_t nout = 0;
    if (out == NULL) {
        free(dates);
        return NL_ENOMEM;
    }
    for (size_t i = 0; i < nd; i++) {
        nl_value_i v = {.since = dates[i], .certainty = NL_CERTAINTY_CONFIRMED, .source = -2};
        int64_t y[4] = {0};
        bool in_force = true;
        for (int l = 1; l <= 3; l++) {
            ptrdiff_t j = nl__value_index(th[l], dates[i]);
            if (j < 0 || th[l]->v[j].ends) {
                in_force = false;
                if (j >= 0 && th[l]->v[j].since == dates[i] && v.source == -2) {
                    v.source = th[l]->v[j].source;   /* the one that ends here */
                    v.certainty = th[l]->v[j].certainty;
                }
                continue;
            }
            const nl_value_i *t = &th[l]->v[j];
            y[l] = t->value;
            if (in_force)
                nl__weaken(&v.certainty, t->certainty);
            if (t->since == dates[i] && v.source == -2)
                v.source = t->source;   /* the lowest level changed on the date */
        }
        if (!in_force) {
            /* Not all three: the scale is not in force (once it was). */
            if (nout == 0 || out[nout - 1].ends)
                continue;
            if (v.source == -2)
                v.source = out[nout - 1].source;
            v.ends = true;
        } else {
            nl_param_entry e[4];
            v.value = (int64_t)steps_of(y, e);
            if ((v.e = malloc((size_t)v.value * sizeof *v.e)) == NULL) {
                nl__values_free(out, nout);
                free(out);
                free(dates);
                return NL_ENOMEM;
            }
            memcpy(v.e, e, (size_t)v.value * sizeof *v.e);
        }
        out[nout++] = v;
    }
    free(dates);
    if (nout == 0) {
        free(out);
        snprintf(why, why_size, "expert.years.%s.level1..3 are never in force together",
                 group_names[g]);
        return NL_EPARSE;
    }
    for (int l = 1; l <= 3; l++) {
        snprintf(key, sizeof key, LEGACY_PREFIX "%s.level%d", group_names[g], l);
        drop_param(p, (size_t)find_unsorted(p, key));
    }
    nl_param_i *prm = new_param(p, scale_pid[g], scale_description[g], nout);
    if (prm == NULL) {
        nl__values_free(out, nout);
        free(out);
        return NL_ENOMEM;
    }
    free(prm->v);
    prm->v = out;
    prm->n = prm->cap = nout;
    return NL_OK;
}

nl_status nl__legacy_fold(nl_policy *p, char *why, size_t why_size)
{
    bool folded = false;
    for (int g = 0; g < 2; g++) {
        size_t before = p->nparams;
        nl_status s = fold_group(p, g, why, why_size);
        if (s != NL_OK)
            return s;
        folded |= p->nparams != before;
    }
    if (!folded || find_unsorted(p, nl__known[NL_P_EXPERT_ROLE_LEVEL].key) >= 0)
        return NL_OK;
    /* The role rule the old shape left to the code, dated as the caps. */
    ptrdiff_t a = find_unsorted(p, nl__known[NL_P_EXPERT_CAP1].key);
    if (a < 0)
        a = find_unsorted(p, nl__known[NL_P_EXPERT_LEVELS_BACHELOR].key);
    if (a < 0)
        a = find_unsorted(p, nl__known[NL_P_EXPERT_LEVELS_MASTER].key);
    const nl_param_i *anchor = &p->params[a];
    size_t n = anchor->n;
    nl_param_i *prm = new_param(
        p, NL_P_EXPERT_ROLE_LEVEL,
        "Mức tối thiểu theo vai trò (định dạng cũ: trưởng nhóm mức 1, chủ trì hạng mục mức 2) "
        "/ level a role guarantees (old shape: team leader level 1, work-item lead level 2)",
        n);
    if (prm == NULL)
        return NL_ENOMEM;
    anchor = &p->params[a];   /* p->params did not move, but be plain about it */
    for (size_t j = 0; j < n; j++) {
        prm->v[j] = anchor->v[j];
        prm->v[j].e = NULL;
        prm->v[j].value = 0;
        if (anchor->v[j].ends)
            continue;
        if ((prm->v[j].e = malloc(2 * sizeof *prm->v[j].e)) == NULL) {
            prm->n = j;
            return NL_ENOMEM;
        }
        prm->v[j].e[0] = (nl_param_entry){NL_ROLE_ITEM_LEAD, 2};
        prm->v[j].e[1] = (nl_param_entry){NL_ROLE_TEAM_LEADER, 1};
        prm->v[j].value = 2;
        prm->n = j + 1;
    }
    prm->n = n;
    return NL_OK;
}

/* ------------------------------------------------------ get and set */

/* The scale in force on `on` for a legacy key's group, its thresholds. */
static nl_status scale_on(const nl_policy *p, int group, nl_date on, const nl_value_i **v,
                          int64_t y[4])
{
    ptrdiff_t k = nl__find_param(p, nl__known[scale_pid[group]].key);
    if (k < 0)
        return NL_ENOTFOUND;
    if (!nl__date_valid(on))
        return NL_EDATE;
    const nl_param_i *prm = &p->params[k];
    ptrdiff_t i = nl__value_index(prm, on);
    if (i < 0 || prm->v[i].ends)
        return NL_ENOTINFORCE;
    *v = &prm->v[i];
    thresholds_of(prm->v[i].e, (size_t)prm->v[i].value, y);
    return NL_OK;
}

nl_status nl__legacy_get(const nl_policy *p, const char *key, nl_date on, nl_param_value *out)
{
    int group = 0, level = 1;
    if (!nl__legacy_key(key, &group, &level))
        return NL_ENOTFOUND;   /* callers pass legacy keys only */
    const nl_value_i *v;
    int64_t y[4];
    nl_status s = scale_on(p, group, on, &v, y);
    if (s != NL_OK)
        return s;
    if (y[level] == NO_THRESHOLD)
        return NL_ENOTINFORCE;   /* the scale never reaches that level */
    out->since = v->since;
    out->ends = false;
    out->value = y[level];
    out->source = nl__source_text(p, v->source);
    out->source_url = nl__source_url(p, v->source);
    out->certainty = v->certainty;
    return NL_OK;
}

nl_status nl__legacy_set(nl_policy *p, const char *key, nl_date since, int64_t value)
{
    int group = 0, level = 1;
    if (!nl__legacy_key(key, &group, &level))
        return NL_ENOTFOUND;   /* callers pass legacy keys only */
    bool tier;
    int format;
    if (!nl__kind_allows(nl__kind_for_key(key, &tier, &format), value))
        return NL_EINVAL;
    const nl_value_i *v;
    int64_t y[4];
    nl_status s = scale_on(p, group, since, &v, y);
    if (s != NL_OK)
        return s;
    y[level] = value;
    nl_param_entry e[4];
    size_t n = steps_of(y, e);
    return nl__put_value(p, nl__known[scale_pid[group]].key, since, false, 0, true, e, n);
}
