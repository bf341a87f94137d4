/* Internal declarations shared by the library's sources. Not installed. */
#ifndef NHANLUC_INTERNAL_H
#define NHANLUC_INTERNAL_H

#include <nhanluc/nhanluc.h>

/* Parameters the rules read, by fixed id so a rule never looks a key up by
 * string on its hot path. Their keys, units and allowed ranges are in
 * registry.c. A document need not define them all (a document may hold
 * one family only): a rule that reads one it lacks answers "not in force",
 * citing its absence (nl__use_known). */
typedef enum nl_pid {
    NL_P_ATTRACTION_PERIOD,
    NL_P_ATTRACTION_MIN_DEGREE,
    NL_P_ATTRACTION_MAJORS, NL_P_ATTRACTION_AGENCIES, NL_P_ATTRACTION_DEDICATED,
    NL_P_EXPERT_MIN_DEGREE,
    NL_P_EXPERT_CAP1, NL_P_EXPERT_CAP2, NL_P_EXPERT_CAP3, NL_P_EXPERT_CAP4,
    NL_P_EXPERT_LEVELS_BACHELOR, NL_P_EXPERT_LEVELS_MASTER, NL_P_EXPERT_ROLE_LEVEL,
    NL_P_EXPERT_SPECIAL_BP,
    NL_P_EXPERT_WEEK_MONTHS, NL_P_EXPERT_WEEK_WEEKS, NL_P_EXPERT_WEEK_BP,
    NL_P_EXPERT_DAY_DAYS, NL_P_EXPERT_DAY_BP,
    NL_P_TRAINING_PERIOD,
    NL_P_TRAINING_DEDICATED, NL_P_TRAINING_SHORT_COURSE,
    NL_P_TRAINING_TUITION_BP, NL_P_TRAINING_MATERIALS_BP,
    NL_P_TRAINING_MEALS_CAP, NL_P_TRAINING_TRAVEL_CAP,
    NL_P_KNOWN_COUNT
} nl_pid;

/* A list of codes (codes.c): the names callers and documents write, and
 * labels for sentences, in Vietnamese and English. */
typedef struct nl_code_list {
    const char *name;                 /* "degree", "major", ... */
    const char *const *codes, *const *vi, *const *en;
    size_t n;
} nl_code_list;

extern const nl_code_list nl__codes_degree, nl__codes_major, nl__codes_agency, nl__codes_role;
extern const char *const nl__degree_names[5], *const nl__major_names[3],
    *const nl__agency_names[3], *const nl__role_names[3];
/* The list called `name`, or NULL. */
const nl_code_list *nl__code_list(const char *name);

/* What a parameter may hold: its type, its unit and the closed range of its
 * values. A CODE holds the index of one code of `list`; a SET a bitmask of
 * them (bit i: code i), so its value is still one int64. A TABLE holds
 * entries {code index of `list`, value}; a SCALE entries {lowest measure,
 * value}, the measure named `of` in of_min..of_max; their values are in
 * min..max and `unit` names both ("table of role to level"), `value_unit`
 * the values alone ("level"). */
typedef struct nl_param_kind {
    const char *unit;
    int64_t min, max;
    nl_param_type type;
    const nl_code_list *list;   /* CODE, SET and TABLE; NULL otherwise */
    const char *of;             /* SCALE: the measure's unit ("years") */
    int64_t of_min, of_max;     /* SCALE: the measure's range */
    const char *value_unit;     /* TABLE and SCALE: the unit of the values */
} nl_param_kind;

static inline bool nl__kind_has_entries(const nl_param_kind *k)
{
    return k->type == NL_PARAM_TABLE || k->type == NL_PARAM_SCALE;
}

typedef struct nl_known_param {
    const char *key;
    const nl_param_kind *kind;
    int format;                 /* first document format that may hold it */
} nl_known_param;

extern const nl_known_param nl__known[NL_P_KNOWN_COUNT];
/* Kind of the per-tier amounts "attraction.amount.<tier>". */
extern const nl_param_kind nl__kind_amount;
#define NL_TIER_PREFIX "attraction.amount."
#define NL_TIER_MAX 40   /* characters of a tier name: [a-z0-9_]{1,40} */

/* Parameters a format 1 document implies (policy_json.c, upgrade_v1), and
 * the most the old expert shape implies (policy_legacy.c: two scales and
 * the role table). */
#define NL_V1_IMPLIED 5
#define NL_LEGACY_IMPLIED 3

/* Source index of values set through nl_policy_set / nl_policy_end. */
#define NL_SOURCE_USER (-1)

typedef struct nl_value_i {
    nl_date since;
    bool ends;
    nl_certainty certainty;
    int32_t source;          /* index into policy->sources, or NL_SOURCE_USER */
    int64_t value;           /* TABLE and SCALE: the number of entries */
    nl_param_entry *e;       /* TABLE and SCALE: owned, sorted by at; else NULL */
} nl_value_i;

typedef struct nl_param_i {
    char *key;
    const nl_param_kind *kind;
    char *description;
    nl_value_i *v;           /* sorted by since, strictly increasing */
    size_t n, cap;
} nl_param_i;

typedef struct nl_source_i {
    char *id;
    char *citation;
    char *url;
} nl_source_i;

/* A unit of a dated workplace catalogue. Units are sorted by (code, since);
 * one code may name several units over time (a district code and a commune
 * code can be the same number), never two at once. */
typedef struct nl_workplace_i {
    int code;
    int digits;              /* 3: district level, 5: commune level */
    nl_date since, until;    /* NL_DATE_MIN / NL_DATE_MAX when open */
    char *name;
    char *tier;              /* as written, or derived; NULL when none */
    int *from;               /* predecessor codes ("from"), nfrom of them */
    size_t nfrom;
    nl_workplace_kind kind;
    size_t param;            /* index of "attraction.amount.<tier>" if a tier */
} nl_workplace_i;

#define NL_WORKPLACE_CODES 100000   /* GSO codes: 0..99999 (five digits) */
#define NL_WORKPLACE_MAX 20000      /* units in a document */
#define NL_WORKPLACE_FROM_MAX 64    /* predecessors of a unit */

struct nl_policy {
    char *name;
    nl_source_i *sources;
    size_t nsources;
    nl_param_i *params;      /* sorted by key */
    size_t nparams;
    nl_workplace_i *workplaces;  /* sorted by code, then since */
    size_t nworkplaces;
    size_t known[NL_P_KNOWN_COUNT];             /* pid -> param index, or
                                                   NL_PARAM_ABSENT */
    char *absent[NL_P_KNOWN_COUNT];             /* for an absent one: the text
                                                   an answer cites instead */
    uint64_t generation;     /* counts changes (nl_policy_set, nl_policy_end):
                                a batch plan refuses a changed policy */
};

#define NL_PARAM_ABSENT SIZE_MAX

/* A parameter's value on a date, as a rule uses it. */
typedef struct nl_use {
    int64_t value;           /* 0 when not in force */
    const nl_param_entry *e; /* TABLE and SCALE: `value` entries; else NULL */
    const char *source;      /* source of the nearest dated value: never NULL */
    nl_certainty certainty;
} nl_use;

/* Index of the value in force on `on`, or -1 before the first value. */
ptrdiff_t nl__value_index(const nl_param_i *prm, nl_date on);
/* Resolves parameter `idx` on `on` into `u`; returns whether it is in force. */
bool nl__use(const nl_policy *p, size_t idx, nl_date on, nl_use *u);
static inline bool nl__use_known(const nl_policy *p, nl_pid pid, nl_date on, nl_use *u)
{
    if (p->known[pid] == NL_PARAM_ABSENT) {
        /* Not in this document: not in force, and no value stands behind
         * the answer (unconfirmed). */
        u->value = 0;
        u->source = p->absent[pid];
        u->certainty = NL_CERTAINTY_UNCONFIRMED;
        return false;
    }
    return nl__use(p, p->known[pid], on, u);
}
const char *nl__source_text(const nl_policy *p, int32_t source);
const char *nl__source_url(const nl_policy *p, int32_t source);

/* A TABLE's entry for code index `code` (*out), or false when it has
 * none; a SCALE's step holding measure x (x >= the first step's at). */
bool nl__table_get(const nl_use *u, int64_t code, int64_t *out);
int64_t nl__scale_get(const nl_use *u, double x);
/* Whether n entries e can be a value of kind k (sorted, in range, ...). */
bool nl__entries_valid(const nl_param_kind *k, const nl_param_entry *e, size_t n);
/* Frees the entries of v[0..n). */
void nl__values_free(nl_value_i *v, size_t n);
/* Deep copy of n values into *out (NULL for n == 0); false on no memory. */
bool nl__values_copy(const nl_value_i *v, size_t n, nl_value_i **out);

/* Legacy keys (policy_legacy.c): format 1's expert.years.<degree>.levelN,
 * folded into the scales expert.levels.<degree> when a document is read. */
/* Whether `key` is one, and which: *group 0 bachelor, 1 master; *level 1..3. */
bool nl__legacy_key(const char *key, int *group, int *level);
/* Replaces the legacy parameters among p->params[0..p->nparams) by the
 * scales and the role table they mean (p->params has room for
 * NL_LEGACY_IMPLIED more). NL_EPARSE with `why` naming the problem. */
nl_status nl__legacy_fold(nl_policy *p, char *why, size_t why_size);
nl_status nl__legacy_get(const nl_policy *p, const char *key, nl_date on, nl_param_value *out);
nl_status nl__legacy_set(nl_policy *p, const char *key, nl_date since, int64_t value);

/* Registry lookups (registry.c). */
const nl_param_kind *nl__kind_for_key(const char *key, bool *is_tier, int *format);
bool nl__kind_allows(const nl_param_kind *k, int64_t v);

/* Policy construction helpers (policy.c). */
ptrdiff_t nl__find_param(const nl_policy *p, const char *key);
/* Gives key a value from `since` (nl_policy_set's semantics): `value` for a
 * number, or (with_entries) a TABLE or SCALE's n entries `e`, copied; a
 * mismatch is NL_EINVAL. */
nl_status nl__put_value(nl_policy *p, const char *key, nl_date since, bool ends, int64_t value,
                        bool with_entries, const nl_param_entry *e, size_t n);
nl_policy *nl__policy_alloc(void);
/* Sorts params, builds the known-id and workplace indexes and checks that
 * every required parameter exists. Returns NL_OK or NL_EPARSE with a
 * message in `why` (size >= 128) naming the missing key; *bad_tier is then
 * the workplace tier whose amount parameter is missing, or NULL when a
 * required parameter is. */
nl_status nl__policy_finish(nl_policy *p, char *why, size_t why_size, const char **bad_tier);

/* The unit code names on `on` (index into p->workplaces), or -1. When no
 * unit with that code is in force on the date but one ended before it (a
 * pre-2025 district code used after the merger), that one is returned and
 * *mapped set: callers weaken the answer's certainty. */
ptrdiff_t nl__workplace_on(const nl_policy *p, int code, nl_date on, bool *mapped);
/* Index of the first unit with this code (units of one code are
 * contiguous), or p->nworkplaces when there is none. */
size_t nl__workplace_first(const nl_policy *p, int code);

/* Dates (date.c). */
#define NL_DATE_MIN (-719162)   /* 0001-01-01 */
#define NL_DATE_MAX 2932896     /* 9999-12-31 */
static inline bool nl__date_valid(nl_date d)
{
    return d >= NL_DATE_MIN && d <= NL_DATE_MAX;
}

/* Input checks shared by the rules. Enum values arrive from callers and
 * bindings as plain ints, so anything outside the declared range is an error. */
static inline bool nl__valid_degree(nl_degree d) { return (unsigned)d <= NL_DEGREE_DOCTOR; }
static inline bool nl__valid_major(nl_major m) { return (unsigned)m <= NL_MAJOR_ELECTRONICS_TELECOM; }
static inline bool nl__valid_agency(nl_agency a) { return (unsigned)a <= NL_AGENCY_STATE; }
static inline bool nl__valid_role(nl_role r) { return (unsigned)r <= NL_ROLE_TEAM_LEADER; }

/* Folds a value's certainty into a result's: the weakest one wins. */
static inline void nl__weaken(nl_certainty *acc, nl_certainty c)
{
    if (c > *acc)
        *acc = c;
}

/* Built-in policy document (generated from data/laocai.json). */
extern const unsigned char nl__builtin_json[];
extern const size_t nl__builtin_json_len;

char *nl__strdup(const char *s);

#endif
