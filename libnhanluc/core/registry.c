/* The parameters the rules read: key, unit and allowed range.
 *
 * Why a registry: a policy document is data from outside; each value is
 * checked against its kind when loaded or set, so the rules can rely on
 * divisors being positive, degrees being real degrees and factors being small
 * enough for exact 128-bit arithmetic (money.h). */
#include <string.h>

#include "internal.h"

/* Bounds: money up to INT64_MAX (sums are checked for overflow where they
 * happen); counts and basis points up to 10^6 keep products exact. */
static const nl_param_kind kind_bool = {"bool", 0, 1, NL_PARAM_NUMBER, NULL, NULL, 0, 0, NULL};
static const nl_param_kind kind_years = {"years", 0, 200, NL_PARAM_NUMBER, NULL, NULL, 0, 0, NULL};
static const nl_param_kind kind_count = {"count", 1, 1000000, NL_PARAM_NUMBER, NULL, NULL, 0, 0, NULL};
static const nl_param_kind kind_bp = {"bp", 0, 1000000, NL_PARAM_NUMBER, NULL, NULL, 0, 0, NULL};
static const nl_param_kind kind_vnd_month = {"VND/month", 0, INT64_MAX, NL_PARAM_NUMBER, NULL, NULL, 0, 0, NULL};
static const nl_param_kind kind_vnd_day = {"VND/day", 0, INT64_MAX, NL_PARAM_NUMBER, NULL, NULL, 0, 0, NULL};
const nl_param_kind nl__kind_amount = {"VND", 0, INT64_MAX, NL_PARAM_NUMBER, NULL, NULL, 0, 0, NULL};
/* Codes: the unit is the list's name (format 1 wrote degrees as numbers of
 * unit "degree"); sets: "set of <list>", every subset allowed. */
static const nl_param_kind kind_degree = {"degree", NL_DEGREE_NONE, NL_DEGREE_DOCTOR,
                                          NL_PARAM_CODE, &nl__codes_degree, NULL, 0, 0, NULL};
static const nl_param_kind kind_majors = {"set of major", 0, (1 << 3) - 1, NL_PARAM_SET,
                                          &nl__codes_major, NULL, 0, 0, NULL};
static const nl_param_kind kind_agencies = {"set of agency", 0, (1 << 3) - 1, NL_PARAM_SET,
                                            &nl__codes_agency, NULL, 0, 0, NULL};
_Static_assert(NL_MAJOR_ELECTRONICS_TELECOM == 2 && NL_AGENCY_STATE == 2,
               "the set kinds hold every code of their list");
/* Expert levels 1 (highest) .. 4: by experience (a scale from 0 years, so
 * every experience has a level) and the level a role guarantees (a table
 * of roles; a role without an entry guarantees none). */
static const nl_param_kind kind_levels = {"scale of years to level", 1, 4, NL_PARAM_SCALE,
                                          NULL, "years", 0, 200, "level"};
static const nl_param_kind kind_role_level = {"table of role to level", 1, 4, NL_PARAM_TABLE,
                                              &nl__codes_role, NULL, 0, 0, "level"};

const nl_known_param nl__known[NL_P_KNOWN_COUNT] = {
    [NL_P_ATTRACTION_PERIOD] = {"attraction.period", &kind_bool, 1},
    [NL_P_ATTRACTION_MIN_DEGREE] = {"attraction.min_degree", &kind_degree, 1},
    /* Format 2: the conditions format 1 left to the code. */
    [NL_P_ATTRACTION_MAJORS] = {"attraction.majors", &kind_majors, 2},
    [NL_P_ATTRACTION_AGENCIES] = {"attraction.agencies", &kind_agencies, 2},
    [NL_P_ATTRACTION_DEDICATED] = {"attraction.dedicated_post_required", &kind_bool, 2},
    [NL_P_EXPERT_MIN_DEGREE] = {"expert.min_degree", &kind_degree, 1},
    [NL_P_EXPERT_CAP1] = {"expert.cap.level1", &kind_vnd_month, 1},
    [NL_P_EXPERT_CAP2] = {"expert.cap.level2", &kind_vnd_month, 1},
    [NL_P_EXPERT_CAP3] = {"expert.cap.level3", &kind_vnd_month, 1},
    [NL_P_EXPERT_CAP4] = {"expert.cap.level4", &kind_vnd_month, 1},
    [NL_P_EXPERT_LEVELS_BACHELOR] = {"expert.levels.bachelor", &kind_levels, 2},
    [NL_P_EXPERT_LEVELS_MASTER] = {"expert.levels.master", &kind_levels, 2},
    [NL_P_EXPERT_ROLE_LEVEL] = {"expert.role_level", &kind_role_level, 2},
    [NL_P_EXPERT_SPECIAL_BP] = {"expert.special.multiplier_bp", &kind_bp, 1},
    [NL_P_EXPERT_WEEK_MONTHS] = {"expert.weekly.months_per_year", &kind_count, 1},
    [NL_P_EXPERT_WEEK_WEEKS] = {"expert.weekly.weeks_per_year", &kind_count, 1},
    [NL_P_EXPERT_WEEK_BP] = {"expert.weekly.premium_bp", &kind_bp, 1},
    [NL_P_EXPERT_DAY_DAYS] = {"expert.daily.days_per_month", &kind_count, 1},
    [NL_P_EXPERT_DAY_BP] = {"expert.daily.premium_bp", &kind_bp, 1},
    [NL_P_TRAINING_PERIOD] = {"training.period", &kind_bool, 1},
    [NL_P_TRAINING_DEDICATED] = {"training.dedicated_official_required", &kind_bool, 2},
    [NL_P_TRAINING_SHORT_COURSE] = {"training.short_course_required", &kind_bool, 2},
    [NL_P_TRAINING_TUITION_BP] = {"training.tuition.share_bp", &kind_bp, 1},
    [NL_P_TRAINING_MATERIALS_BP] = {"training.materials.share_bp", &kind_bp, 1},
    [NL_P_TRAINING_MEALS_CAP] = {"training.meals.cap_per_day", &kind_vnd_day, 1},
    [NL_P_TRAINING_TRAVEL_CAP] = {"training.travel.cap_per_course", &nl__kind_amount, 1},
};

const nl_code_list *nl__code_list(const char *name)
{
    static const nl_code_list *const lists[] = {&nl__codes_degree, &nl__codes_major,
                                                &nl__codes_agency, &nl__codes_role};
    for (size_t i = 0; i < sizeof lists / sizeof lists[0]; i++)
        if (name != NULL && strcmp(lists[i]->name, name) == 0)
            return lists[i];
    return NULL;
}

/* Kind of a parameter key: a known key, or a tier amount
 * "attraction.amount.<tier>" (tier: 1-40 of [a-z0-9_]). NULL otherwise.
 * *format: the first document format that may hold the key. */
const nl_param_kind *nl__kind_for_key(const char *key, bool *is_tier, int *format)
{
    *is_tier = false;
    *format = 1;
    for (size_t i = 0; i < NL_P_KNOWN_COUNT; i++)
        if (strcmp(nl__known[i].key, key) == 0) {
            *format = nl__known[i].format;
            return nl__known[i].kind;
        }
    int group, level;
    if (nl__legacy_key(key, &group, &level))
        return &kind_years;   /* read, then folded into a scale (policy_legacy.c) */
    size_t plen = strlen(NL_TIER_PREFIX);
    if (strncmp(key, NL_TIER_PREFIX, plen) != 0)
        return NULL;
    const char *t = key + plen;
    size_t n = strlen(t);
    if (n == 0 || n > NL_TIER_MAX)
        return NULL;
    for (size_t i = 0; i < n; i++)
        if (!((t[i] >= 'a' && t[i] <= 'z') || (t[i] >= '0' && t[i] <= '9') || t[i] == '_'))
            return NULL;
    *is_tier = true;
    return &nl__kind_amount;
}

bool nl__kind_allows(const nl_param_kind *k, int64_t v)
{
    return v >= k->min && v <= k->max;
}

bool nl__entries_valid(const nl_param_kind *k, const nl_param_entry *e, size_t n)
{
    if (!nl__kind_has_entries(k) || n > NL_PARAM_ENTRIES_MAX || (n > 0 && e == NULL))
        return false;
    int64_t lo = k->type == NL_PARAM_TABLE ? 0 : k->of_min;
    int64_t hi = k->type == NL_PARAM_TABLE ? (int64_t)k->list->n - 1 : k->of_max;
    if (k->type == NL_PARAM_SCALE && (n == 0 || e[0].at != k->of_min))
        return false;   /* every measure has a step */
    for (size_t i = 0; i < n; i++)
        if (e[i].at < lo || e[i].at > hi || (i > 0 && e[i].at <= e[i - 1].at) ||
            !nl__kind_allows(k, e[i].value))
            return false;
    return true;
}
