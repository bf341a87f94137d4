/* Fuzz harness: the three rules on arbitrary field values (any enum int,
 * any double, any money, any date), on the built-in policy or on a what-if
 * copy with arbitrary parameter changes, every answer checked against the
 * oracle in nlf.h: status, amounts, level, reason, source, certainty, and
 * an all-zero result after an error. */
#include "nlf.h"

static nl_policy *base;

static int64_t some_value(nlf_data *d)
{
    uint8_t mode = nlf_u8(d);
    if (mode < 96)
        return (int64_t)(mode % 8);
    if (mode < 160)
        return (int64_t)nlf_u32(d) % 2000001;
    if (mode < 200)
        return INT64_MAX - (int64_t)nlf_u8(d);
    return nlf_i64(d);
}

/* Up to 7 what-if changes drawn from d, each checked. */
static void what_if(nl_policy *w, nlf_data *d, unsigned changes)
{
    size_t n = nl_policy_param_count(w);
    for (unsigned k = 0; k < changes; k++) {
        nl_param_info info;
        NLF_CHECK(nl_policy_param_info(w, nlf_u8(d) % n, &info) == NL_OK);
        char key[128];
        snprintf(key, sizeof key, "%s", info.key);
        char unit[32];
        snprintf(unit, sizeof unit, "%s", info.unit);
        nl_date since = nlf_date(d);
        bool end = (nlf_u8(d) & 3) == 0;
        if (!end && nlf_has_entries(unit) && (nlf_u8(d) & 1)) {
            /* A table or scale: up to 5 entries, mostly plausible ones. */
            nl_param_entry e[5];
            size_t ne = nlf_u8(d) % 6;
            for (size_t i = 0; i < ne; i++)
                e[i] = (nl_param_entry){(int64_t)(nlf_u8(d) % 8) - 1 + (int64_t)i * 3,
                                        (int64_t)(nlf_u8(d) % 6)};
            nl_status s = nl_policy_set_entries(w, key, since, e, ne);
            nl_status want = !nlf_date_ok(since) ? NL_EDATE
                           : !nlf_entries_valid(unit, e, ne) ? NL_EINVAL : NL_OK;
            NLF_CHECK(s == want);
            const nl_param_entry *got;
            size_t ngot, idx;
            nlf_val meta;
            if (s == NL_OK) {
                NLF_CHECK(nlf_entries(w, key, since, &got, &ngot, &meta) && ngot == ne);
                NLF_CHECK(ne == 0 || memcmp(got, e, ne * sizeof *e) == 0);
                NLF_CHECK(meta.certainty == NL_CERTAINTY_USER);
            }
            NLF_CHECK(nl_policy_param_find(w, key, &idx) == NL_OK);
            continue;
        }
        int64_t value = end ? 0 : some_value(d);
        nl_status s = end ? nl_policy_end(w, key, since) : nl_policy_set(w, key, since, value);
        /* nl_policy_set takes a number: a table or scale wants entries. */
        nl_status want = !nlf_date_ok(since) ? NL_EDATE
                       : !end && (nlf_has_entries(unit) || !nlf_unit_allows(unit, value))
                           ? NL_EINVAL
                           : NL_OK;
        NLF_CHECK(s == want);
        if (s == NL_OK) {
            int64_t got = -1;
            nl_status g = nl_policy_get(w, key, since, &got);
            NLF_CHECK(end ? (g == NL_ENOTINFORCE && got == 0) : (g == NL_OK && got == value));
        }
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (base == NULL)
        NLF_CHECK(nl_policy_default(&base) == NL_OK);   /* kept for the process */
    nlf_data d = {data, size};
    uint8_t flags = nlf_u8(&d);
    const nl_policy *p = base;
    nl_policy *w = NULL;
    if (flags & 1) {
        NLF_CHECK(nl_policy_clone(base, &w) == NL_OK);
        what_if(w, &d, (flags >> 1) & 7);
        p = w;
    }
    for (unsigned round = 0; round <= (unsigned)(flags >> 4) % 4; round++)
        nlf_rules(p, &d);
    nl_policy_free(w);
    return 0;
}
