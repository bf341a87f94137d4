/* Fuzz harness: bytes -> nl_policy_parse().
 *
 * A refused document must come back as NL_EPARSE with no policy and an
 * nl_error that is consistent and valid UTF-8 (bindings turn it into an
 * exception message). An accepted document must give a policy whose listing,
 * lookups, clone and what-if changes agree with each other, and on which the
 * three rules agree with the oracle in nlf.h: whatever a document says, no
 * crash, no leak, no wrong amount. */
#include "nlf.h"

/* Listing and lookups of one policy agree with each other. */
static void check_listing(const nl_policy *p)
{
    const char *name = nl_policy_name(p);
    NLF_CHECK(name != NULL && nlf_utf8(name, SIZE_MAX));
    size_t n = nl_policy_param_count(p);
    NLF_CHECK(n > 0);
    const char *prev = NULL;
    for (size_t i = 0; i < n; i++) {
        nl_param_info info;
        NLF_CHECK(nl_policy_param_info(p, i, &info) == NL_OK);
        NLF_CHECK(info.key != NULL && info.unit != NULL && info.description != NULL);
        NLF_CHECK(nlf_utf8(info.key, SIZE_MAX) && nlf_utf8(info.description, SIZE_MAX));
        NLF_CHECK(prev == NULL || strcmp(prev, info.key) < 0);   /* sorted, unique */
        prev = info.key;
        size_t idx = SIZE_MAX;
        NLF_CHECK(nl_policy_param_find(p, info.key, &idx) == NL_OK && idx == i);
        NLF_CHECK(info.value_count >= 1);
        nl_date last = 0;
        for (size_t j = 0; j < info.value_count; j++) {
            nl_param_value v;
            NLF_CHECK(nl_policy_param_value(p, i, j, &v) == NL_OK);
            NLF_CHECK(nlf_date_ok(v.since));
            NLF_CHECK(j == 0 || v.since > last);
            NLF_CHECK(j > 0 || !v.ends);
            NLF_CHECK(v.source != NULL && v.source_url != NULL);
            NLF_CHECK(nlf_utf8(v.source, SIZE_MAX) && nlf_utf8(v.source_url, SIZE_MAX));
            NLF_CHECK((unsigned)v.certainty <= NL_CERTAINTY_UNCONFIRMED);   /* no "user" */
            last = v.since;
            int64_t got = -1;
            nl_status s = nl_policy_get(p, info.key, v.since, &got);
            if (v.ends) {
                NLF_CHECK(s == NL_ENOTINFORCE && got == 0 && v.value == 0);
            } else {
                NLF_CHECK(s == NL_OK && got == v.value);
                NLF_CHECK(nlf_unit_allows(info.unit, v.value));
            }
            const nl_param_entry *e;
            size_t ne;
            nl_status es = nl_policy_param_entries(p, i, j, &e, &ne);
            if (!nlf_has_entries(info.unit)) {
                NLF_CHECK(es == NL_EINVAL && e == NULL && ne == 0);
            } else {
                NLF_CHECK(es == NL_OK && ne == (size_t)v.value);
                NLF_CHECK(v.ends ? ne == 0 : nlf_entries_valid(info.unit, e, ne));
            }
            if (j == 0 && v.since > -719162) {
                NLF_CHECK(nl_policy_get(p, info.key, v.since - 1, &got) == NL_ENOTINFORCE);
                NLF_CHECK(got == 0);
            }
        }
        nl_param_value v;
        NLF_CHECK(nl_policy_param_value(p, i, info.value_count, &v) == NL_ENOTFOUND);
    }
    nl_param_info info;
    NLF_CHECK(nl_policy_param_info(p, n, &info) == NL_ENOTFOUND);

    size_t nw = nl_policy_workplace_count(p);
    NLF_CHECK(nw >= 1 && nw <= 20000);
    int last_code = -1;
    nl_date last_since = 0;
    for (size_t i = 0; i < nw; i++) {
        nl_workplace w, w2;
        nl_workplace_detail d;
        NLF_CHECK(nl_policy_workplace_at(p, i, &w) == NL_OK);
        NLF_CHECK(nl_policy_workplace_detail(p, i, &d) == NL_OK);
        /* Sorted by code, then by first day; codes 0..99999. */
        NLF_CHECK(w.code >= last_code && w.code <= 99999);
        NLF_CHECK(d.digits == 3 || d.digits == 5);
        NLF_CHECK(!d.has_since || !d.has_until || d.since <= d.until);
        nl_date since = d.has_since ? d.since : INT32_MIN;
        NLF_CHECK(w.code > last_code || since > last_since);
        last_code = w.code;
        last_since = since;
        NLF_CHECK(w.name != NULL && nlf_utf8(w.name, SIZE_MAX));
        NLF_CHECK(nl_policy_workplace(p, w.code, &w2) == NL_OK && w2.code == w.code);
        /* A tier exactly when the unit has one of its own or derived. */
        NLF_CHECK((w.tier != NULL) ==
                  (d.kind == NL_WORKPLACE_TIER || d.kind == NL_WORKPLACE_DERIVED));
        if (w.tier == NULL)
            continue;
        char key[128];
        NLF_CHECK(strlen(w.tier) >= 1 && strlen(w.tier) <= 40);
        snprintf(key, sizeof key, "attraction.amount.%s", w.tier);
        size_t idx;
        NLF_CHECK(nl_policy_param_find(p, key, &idx) == NL_OK);
    }
}

/* A clone lists the same values, and changing it leaves the original be.
 * data: at least 4 bytes choosing the change and inputs for the rules. */
static void check_clone(const nl_policy *p, const uint8_t *data, size_t size)
{
    nl_policy *c = NULL;
    NLF_CHECK(nl_policy_clone(p, &c) == NL_OK && c != NULL);
    size_t n = nl_policy_param_count(p);
    NLF_CHECK(nl_policy_param_count(c) == n);
    NLF_CHECK(strcmp(nl_policy_name(c), nl_policy_name(p)) == 0);
    for (size_t i = 0; i < n; i++) {
        nl_param_info a, b;
        NLF_CHECK(nl_policy_param_info(p, i, &a) == NL_OK);
        NLF_CHECK(nl_policy_param_info(c, i, &b) == NL_OK);
        NLF_CHECK(strcmp(a.key, b.key) == 0 && a.key != b.key);
        NLF_CHECK(a.value_count == b.value_count);
        for (size_t j = 0; j < a.value_count; j++) {
            nl_param_value va, vb;
            NLF_CHECK(nl_policy_param_value(p, i, j, &va) == NL_OK);
            NLF_CHECK(nl_policy_param_value(c, i, j, &vb) == NL_OK);
            NLF_CHECK(va.since == vb.since && va.ends == vb.ends && va.value == vb.value &&
                      va.certainty == vb.certainty && strcmp(va.source, vb.source) == 0);
        }
    }
    NLF_CHECK(nl_policy_workplace_count(c) == nl_policy_workplace_count(p));

    /* What-if on the clone: 1 is a valid value for every unit. */
    size_t i = ((size_t)data[0] | (size_t)data[1] << 8) % n;   /* size >= 4 */
    nl_param_info info;
    NLF_CHECK(nl_policy_param_info(c, i, &info) == NL_OK);
    char key[256];
    snprintf(key, sizeof key, "%s", info.key);   /* info.key dies with a change */
    nl_param_value first;
    NLF_CHECK(nl_policy_param_value(c, i, 0, &first) == NL_OK);
    nl_date since = first.since + (nl_date)(((unsigned)data[2] | (unsigned)data[3] << 8) % 4000);
    if (!nlf_date_ok(since + 1))
        since = first.since;
    int64_t before = 0, got = 0;
    nl_status sb = nl_policy_get(p, key, since, &before);
    nl_param_type type;
    NLF_CHECK(nl_policy_param_type(c, key, &type, NULL, NULL, NULL) == NL_OK);
    if (type == NL_PARAM_TABLE || type == NL_PARAM_SCALE) {
        /* A table or a scale takes entries, not a number: set its first
         * value's entries again (copied: they die with the change). */
        NLF_CHECK(nl_policy_set(c, key, since, 1) == NL_EINVAL);
        const nl_param_entry *e = NULL;
        size_t ne = 0;
        NLF_CHECK(nl_policy_param_entries(c, i, 0, &e, &ne) == NL_OK);
        NLF_CHECK(ne <= NL_PARAM_ENTRIES_MAX);
        nl_param_entry copy[NL_PARAM_ENTRIES_MAX];
        if (ne > 0)
            memcpy(copy, e, ne * sizeof *e);
        NLF_CHECK(nl_policy_set_entries(c, key, since, copy, ne) == NL_OK);
        NLF_CHECK(nl_policy_get(c, key, since, &got) == NL_OK && got == (int64_t)ne);
        if (ne > 0) {
            NLF_CHECK(nl_policy_lookup(c, key, since, copy[0].at, &got) == NL_OK &&
                      got == copy[0].value);
        }
    } else {
        NLF_CHECK(nl_policy_set(c, key, since, 1) == NL_OK);
        NLF_CHECK(nl_policy_get(c, key, since, &got) == NL_OK && got == 1);
    }
    nl_param_value uv;
    NLF_CHECK(nl_policy_get_value(c, key, since, &uv) == NL_OK);
    NLF_CHECK(uv.certainty == NL_CERTAINTY_USER && uv.since == since);
    NLF_CHECK(nl_policy_end(c, key, since + 1) == NL_OK);
    NLF_CHECK(nl_policy_get(c, key, since + 1, &got) == NL_ENOTINFORCE && got == 0);
    int64_t after = 0;
    NLF_CHECK(nl_policy_get(p, key, since, &after) == sb && after == before);
    NLF_CHECK(nl_policy_set(c, key, since, -1) == NL_EINVAL);
    NLF_CHECK(nl_policy_set(c, key, 2932897, 1) == NL_EDATE);

    nlf_data d = {data + size / 2, size - size / 2};
    nlf_rules(c, &d);
    nlf_rules(c, &d);
    nl_policy_free(c);
}

/* Rule inputs for a document: every document starts with the same bytes
 * ({"format": ...), so reading them directly would test one case forever.
 * Instead, bytes from a generator seeded with a hash of the whole input. */
static void rule_bytes(const uint8_t *data, size_t size, uint8_t *out, size_t n)
{
    uint64_t h = 0xCBF29CE484222325ull;
    for (size_t i = 0; i < size; i++)
        h = (h ^ data[i]) * 0x100000001B3ull;
    for (size_t i = 0; i < n; i++) {
        uint64_t z = (h += 0x9E3779B97F4A7C15ull);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        out[i] = (uint8_t)(z ^ (z >> 31));
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    nl_policy *p = (nl_policy *)&p;   /* must be overwritten */
    nl_error err;
    memset(&err, 0x5A, sizeof err);
    nl_status s = nl_policy_parse((const char *)data, size, &p, &err);
    NLF_CHECK(s == NL_OK || s == NL_EPARSE || s == NL_ENOMEM);
    if (s != NL_OK) {
        NLF_CHECK(p == NULL);
        NLF_CHECK(err.status == s);
        NLF_CHECK(err.message[0] != '\0');
        NLF_CHECK(nlf_utf8(err.message, sizeof err.message));
        NLF_CHECK(nlf_utf8(err.key, sizeof err.key));
        NLF_CHECK(err.key[0] == '\0' || err.key[0] == '/');
        NLF_CHECK(err.line >= 0 && err.column >= 0);
        if (size % 4 == 0) {   /* without an nl_error: the same answer */
            p = (nl_policy *)&p;
            NLF_CHECK(nl_policy_parse((const char *)data, size, &p, NULL) == s && p == NULL);
        }
        return 0;
    }
    NLF_CHECK(p != NULL && p != (nl_policy *)&p);
    NLF_CHECK(nlf_all_zero(&err, sizeof err));
    check_listing(p);
    uint8_t bytes[512];
    rule_bytes(data, size, bytes, sizeof bytes);
    nlf_data d = {bytes, sizeof bytes};
    for (int i = 0; i < 4; i++)
        nlf_rules(p, &d);
    check_clone(p, bytes, sizeof bytes);
    nl_policy_free(p);
    return 0;
}
