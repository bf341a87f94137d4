/* Policies: building, loading, dated lookups, what-if changes, listing,
 * workplaces and the errors of malformed documents. */
#include "nl_test.h"

/* 1-based line and character column of byte offset `off` in `text`. */
static void position_of(const char *text, size_t off, int *line, int *column)
{
    *line = 1;
    *column = 1;
    for (size_t i = 0; i < off; i++) {
        if (text[i] == '\n') {
            ++*line;
            *column = 1;
        } else if (((unsigned char)text[i] & 0xC0) != 0x80) {
            ++*column;   /* not a UTF-8 continuation byte: a new character */
        }
    }
}

/* Copy of data/laocai.json with the first `needle` replaced by `with`;
 * *at receives the offset of the replacement. */
static char *laocai_with(const char *needle, const char *with, size_t *len, size_t *at)
{
    size_t n;
    char *text = nlt_slurp(NL_TEST_POLICY_COPY, &n);
    char *hit = strstr(text, needle);
    if (hit == NULL)
        fail_msg("data/laocai.json has no \"%s\"", needle);
    size_t nl = strlen(needle), wl = strlen(with);
    char *out = malloc(n - nl + wl + 1);
    assert_non_null(out);
    *at = (size_t)(hit - text);
    memcpy(out, text, *at);
    memcpy(out + *at, with, wl);
    memcpy(out + *at + wl, hit + nl, n - *at - nl + 1);
    *len = n - nl + wl;
    free(text);
    return out;
}

/* Parses a document expected to be malformed; checks status, line, column
 * and pointer, and that no policy is returned. */
static void expect_parse_error(const char *text, size_t len, int line, int column,
                               const char *pointer)
{
    nl_policy *p = (nl_policy *)&p;   /* any non-NULL value: must become NULL */
    nl_error err;
    SCRIBBLE(err);
    assert_int_equal(nl_policy_parse(text, len, &p, &err), NL_EPARSE);
    assert_null(p);
    assert_int_equal(err.status, NL_EPARSE);
    assert_int_equal(err.line, line);
    assert_int_equal(err.column, column);
    assert_string_equal(err.key, pointer);
    char where[64];
    snprintf(where, sizeof where, "line %d, column %d", line, column);
    assert_contains(err.message, where);
    assert_true(memchr(err.message, '\0', sizeof err.message) != NULL);
}

/* ------------------------------------------------------------- building */

static void the_built_in_policy_is_named_for_lao_cai(void **state)
{
    assert_contains(nl_policy_name(*state), "Lào Cai");
    assert_null(nl_policy_name(NULL));
}

static void building_the_default_needs_an_output(void **state)
{
    (void)state;
    assert_int_equal(nl_policy_default(NULL), NL_EINVAL);
}

/* Same parameters, values, sources and workplaces, field by field. */
static void assert_same_policy(const nl_policy *a, const nl_policy *b)
{
    assert_string_equal(nl_policy_name(a), nl_policy_name(b));
    assert_int_equal(nl_policy_param_count(a), nl_policy_param_count(b));
    for (size_t i = 0; i < nl_policy_param_count(a); i++) {
        nl_param_info ia, ib;
        assert_int_equal(nl_policy_param_info(a, i, &ia), NL_OK);
        assert_int_equal(nl_policy_param_info(b, i, &ib), NL_OK);
        assert_string_equal(ia.key, ib.key);
        assert_string_equal(ia.unit, ib.unit);
        assert_string_equal(ia.description, ib.description);
        assert_int_equal(ia.value_count, ib.value_count);
        for (size_t j = 0; j < ia.value_count; j++) {
            nl_param_value va, vb;
            assert_int_equal(nl_policy_param_value(a, i, j, &va), NL_OK);
            assert_int_equal(nl_policy_param_value(b, i, j, &vb), NL_OK);
            assert_int_equal(va.since, vb.since);
            assert_int_equal(va.ends, vb.ends);
            assert_int_equal(va.value, vb.value);
            assert_int_equal(va.certainty, vb.certainty);
            assert_string_equal(va.source, vb.source);
            assert_string_equal(va.source_url, vb.source_url);
        }
    }
    assert_int_equal(nl_policy_workplace_count(a), nl_policy_workplace_count(b));
    for (size_t i = 0; i < nl_policy_workplace_count(a); i++) {
        nl_workplace wa, wb;
        assert_int_equal(nl_policy_workplace_at(a, i, &wa), NL_OK);
        assert_int_equal(nl_policy_workplace_at(b, i, &wb), NL_OK);
        assert_int_equal(wa.code, wb.code);
        assert_string_equal(wa.name, wb.name);
        assert_true((wa.tier == NULL) == (wb.tier == NULL));
        if (wa.tier)
            assert_string_equal(wa.tier, wb.tier);
        nl_workplace_detail da, db;
        assert_int_equal(nl_policy_workplace_detail(a, i, &da), NL_OK);
        assert_int_equal(nl_policy_workplace_detail(b, i, &db), NL_OK);
        assert_int_equal(da.kind, db.kind);
        assert_int_equal(da.since, db.since);
        assert_int_equal(da.until, db.until);
        assert_int_equal(da.from_count, db.from_count);
        for (size_t k = 0; k < da.from_count; k++)
            assert_int_equal(da.from[k], db.from[k]);
    }
}

static void loading_a_copy_of_the_data_file_gives_the_built_in_policy(void **state)
{
    nl_policy *p = NULL;
    nl_error err;
    SCRIBBLE(err);
    assert_int_equal(nl_policy_load(NL_TEST_POLICY_COPY, &p, &err), NL_OK);
    assert_non_null(p);
    assert_zeroed(err);   /* cleared on success */
    assert_same_policy(*state, p);
    nl_policy_free(p);
    /* And the source tree's own file: the embedded copy is not stale. */
    assert_int_equal(nl_policy_load(NL_TEST_SOURCE_DIR "/data/laocai.json", &p, &err), NL_OK);
    assert_same_policy(*state, p);
    nl_policy_free(p);
}

static void loading_without_an_error_struct_is_allowed(void **state)
{
    (void)state;
    nl_policy *p = NULL;
    assert_int_equal(nl_policy_load(NL_TEST_POLICY_COPY, &p, NULL), NL_OK);
    nl_policy_free(p);
    p = (nl_policy *)&p;
    assert_int_equal(nl_policy_load(NL_TEST_DATA_DIR "/wrong-type.json", &p, NULL), NL_EPARSE);
    assert_null(p);
}

static void parsing_from_memory_needs_no_terminating_nul(void **state)
{
    size_t len;
    char *text = nlt_slurp(NL_TEST_POLICY_COPY, &len);
    char *exact = malloc(len);   /* no room for a NUL: valgrind sees an overread */
    assert_non_null(exact);
    memcpy(exact, text, len);
    nl_policy *p = NULL;
    nl_error err;
    assert_int_equal(nl_policy_parse(exact, len, &p, &err), NL_OK);
    assert_same_policy(*state, p);
    nl_policy_free(p);
    free(exact);
    free(text);
}

static void loading_a_missing_file_is_an_io_error(void **state)
{
    (void)state;
    const char *path = NL_TEST_DATA_DIR "/no-such-policy.json";
    nl_policy *p = (nl_policy *)&p;
    nl_error err;
    SCRIBBLE(err);
    assert_int_equal(nl_policy_load(path, &p, &err), NL_EIO);
    assert_null(p);
    assert_int_equal(err.status, NL_EIO);
    assert_int_equal(err.line, 0);
    assert_int_equal(err.column, 0);
    assert_string_equal(err.key, "");
    assert_contains(err.message, "no-such-policy.json");
}

static void loading_a_directory_is_an_io_error(void **state)
{
    (void)state;
    nl_policy *p = (nl_policy *)&p;
    nl_error err;
    assert_int_equal(nl_policy_load(NL_TEST_DATA_DIR, &p, &err), NL_EIO);
    assert_null(p);
    assert_int_equal(err.status, NL_EIO);
}

static void load_and_parse_reject_null_arguments(void **state)
{
    (void)state;
    nl_policy *p = (nl_policy *)&p;
    nl_error err;
    SCRIBBLE(err);
    assert_int_equal(nl_policy_load(NULL, &p, &err), NL_EINVAL);
    assert_null(p);
    assert_int_equal(err.status, NL_EINVAL);
    assert_int_equal(nl_policy_load(NL_TEST_POLICY_COPY, NULL, &err), NL_EINVAL);
    assert_int_equal(err.status, NL_EINVAL);
    p = (nl_policy *)&p;
    assert_int_equal(nl_policy_parse(NULL, 10, &p, &err), NL_EINVAL);
    assert_null(p);
    assert_int_equal(nl_policy_parse("{}", 2, NULL, &err), NL_EINVAL);
    assert_int_equal(nl_policy_parse("{}", 2, NULL, NULL), NL_EINVAL);
}

static void a_document_over_the_size_limit_is_refused(void **state)
{
    (void)state;
    size_t len = (size_t)NL_POLICY_MAX_BYTES + 1;
    char *big = malloc(len);
    assert_non_null(big);
    memset(big, ' ', len);
    nl_policy *p = (nl_policy *)&p;
    nl_error err;
    assert_int_equal(nl_policy_parse(big, len, &p, &err), NL_EPARSE);
    assert_null(p);
    assert_int_equal(err.status, NL_EPARSE);
    free(big);
}

static void a_clone_is_independent_of_its_original(void **state)
{
    nl_policy *orig = *state, *copy = NULL;
    assert_int_equal(nl_policy_clone(orig, &copy), NL_OK);
    assert_same_policy(orig, copy);
    assert_int_equal(nl_policy_set(copy, "expert.cap.level1", day("2020-01-01"), 1), NL_OK);
    assert_int_equal(param(copy, "expert.cap.level1", "2020-01-01"), 1);
    assert_int_equal(param(orig, "expert.cap.level1", "2020-01-01"), fact_tt02_cap[1]);

    /* The clone owns its strings: it outlives the original. */
    nl_policy *copy2 = NULL;
    assert_int_equal(nl_policy_clone(orig, &copy2), NL_OK);
    nl_policy_free(orig);
    *state = NULL;
    nl_param_value v;
    assert_int_equal(nl_policy_get_value(copy2, "expert.cap.level1", day(FACT_TT02_FIRST_DAY), &v),
                     NL_OK);
    assert_contains(v.source, FACT_SRC_TT02);
    assert_contains(nl_policy_name(copy2), "Lào Cai");
    nl_policy_free(copy);
    nl_policy_free(copy2);
}

static void cloning_needs_a_policy_and_an_output(void **state)
{
    nl_policy *out = (nl_policy *)&out;
    assert_int_equal(nl_policy_clone(NULL, &out), NL_EINVAL);
    assert_null(out);
    assert_int_equal(nl_policy_clone(*state, NULL), NL_EINVAL);
}

static void freeing_null_does_nothing(void **state)
{
    (void)state;
    nl_policy_free(NULL);
}

/* -------------------------------------------------------------- lookups */

static void get_reads_the_value_in_force_on_a_date(void **state)
{
    const nl_policy *p = *state;
    assert_int_equal(param(p, "expert.cap.level1", FACT_TT02_FIRST_DAY), fact_tt02_cap[1]);
    assert_int_equal(param(p, "expert.cap.level1", FACT_TT02_LAST_DAY), fact_tt02_cap[1]);
    assert_int_equal(param(p, "expert.cap.level1", FACT_TT004_FIRST_DAY), fact_tt004_cap[1]);
    assert_int_equal(param(p, "expert.cap.level4", "2099-12-31"), fact_tt004_cap[4]);
    nl_param_value v;
    SCRIBBLE(v);
    assert_int_equal(nl_policy_get_value(p, "expert.cap.level2", day(FACT_TT004_FIRST_DAY), &v),
                     NL_OK);
    assert_int_equal(v.since, day(FACT_TT004_FIRST_DAY));
    assert_false(v.ends);
    assert_int_equal(v.value, fact_tt004_cap[2]);
    assert_contains(v.source, FACT_SRC_TT004);
    assert_contains(v.source_url, "http");
    assert_int_equal(v.certainty, NL_CERTAINTY_CONFIRMED);
}

static void get_before_the_first_value_is_not_in_force(void **state)
{
    const nl_policy *p = *state;
    nl_date before = day(FACT_TT02_FIRST_DAY) - 1;
    int64_t out = 42;
    assert_int_equal(nl_policy_get(p, "expert.cap.level1", before, &out), NL_ENOTINFORCE);
    assert_int_equal(out, 0);
    nl_param_value v;
    SCRIBBLE(v);
    assert_int_equal(nl_policy_get_value(p, "expert.cap.level1", before, &v), NL_ENOTINFORCE);
    assert_zeroed(v);
    assert_int_equal(nl_policy_get(p, "attraction.amount.district",
                                   day(FACT_NQ11_FIRST_DAY) - 1, &out), NL_ENOTINFORCE);
}

static void get_after_an_end_is_not_in_force(void **state)
{
    const nl_policy *p = *state;
    int64_t out = 42;
    nl_date end = day(FACT_NQ11_END_DAY);
    assert_int_equal(nl_policy_get(p, "attraction.period", end - 1, &out), NL_OK);
    assert_int_equal(out, 1);
    assert_int_equal(nl_policy_get(p, "attraction.period", end, &out), NL_ENOTINFORCE);
    assert_int_equal(out, 0);
    assert_int_equal(nl_policy_get(p, "training.period", after_last_day() - 1, &out),
                     NL_ENOTINFORCE);
}

static void get_of_an_unknown_key_is_not_found(void **state)
{
    const nl_policy *p = *state;
    int64_t out = 42;
    const char *keys[] = {"", "expert.cap", "expert.cap.level5", "EXPERT.CAP.LEVEL1",
                          "attraction.amount.commune", "expert.cap.level1 "};
    for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++) {
        out = 42;
        assert_int_equal(nl_policy_get(p, keys[i], day("2024-01-01"), &out), NL_ENOTFOUND);
        assert_int_equal(out, 0);
    }
    nl_param_value v;
    SCRIBBLE(v);
    assert_int_equal(nl_policy_get_value(p, "nope", day("2024-01-01"), &v), NL_ENOTFOUND);
    assert_zeroed(v);
}

static void get_rejects_null_arguments(void **state)
{
    const nl_policy *p = *state;
    int64_t out = 42;
    assert_int_equal(nl_policy_get(NULL, "expert.cap.level1", 0, &out), NL_EINVAL);
    assert_int_equal(out, 0);
    out = 42;
    assert_int_equal(nl_policy_get(p, NULL, 0, &out), NL_EINVAL);
    assert_int_equal(out, 0);
    assert_int_equal(nl_policy_get(p, "expert.cap.level1", 0, NULL), NL_EINVAL);
    nl_param_value v;
    SCRIBBLE(v);
    assert_int_equal(nl_policy_get_value(NULL, "expert.cap.level1", 0, &v), NL_EINVAL);
    assert_zeroed(v);
    SCRIBBLE(v);
    assert_int_equal(nl_policy_get_value(p, NULL, 0, &v), NL_EINVAL);
    assert_zeroed(v);
    assert_int_equal(nl_policy_get_value(p, "expert.cap.level1", 0, NULL), NL_EINVAL);
}

/* -------------------------------------------------------------- what-if */

static void set_at_an_existing_date_replaces_that_value(void **state)
{
    nl_policy *p = *state;
    size_t idx;
    nl_param_info info;
    assert_int_equal(nl_policy_param_find(p, "expert.cap.level1", &idx), NL_OK);
    assert_int_equal(nl_policy_param_info(p, idx, &info), NL_OK);
    size_t before = info.value_count;
    const int64_t what_if = 80000000;
    assert_int_equal(nl_policy_set(p, "expert.cap.level1", day(FACT_TT004_FIRST_DAY), what_if),
                     NL_OK);
    assert_int_equal(nl_policy_param_info(p, idx, &info), NL_OK);
    assert_int_equal(info.value_count, before);
    assert_int_equal(param(p, "expert.cap.level1", FACT_TT004_FIRST_DAY), what_if);
    assert_int_equal(param(p, "expert.cap.level1", FACT_TT02_LAST_DAY), fact_tt02_cap[1]);
}

static void set_between_two_dates_keeps_the_later_change(void **state)
{
    nl_policy *p = *state;
    const int64_t what_if = 45000000;
    assert_int_equal(nl_policy_set(p, "expert.cap.level1", day("2020-01-01"), what_if), NL_OK);
    assert_int_equal(param(p, "expert.cap.level1", "2019-12-31"), fact_tt02_cap[1]);
    assert_int_equal(param(p, "expert.cap.level1", "2020-01-01"), what_if);
    assert_int_equal(param(p, "expert.cap.level1", FACT_TT02_LAST_DAY), what_if);
    assert_int_equal(param(p, "expert.cap.level1", FACT_TT004_FIRST_DAY), fact_tt004_cap[1]);
    /* The values stay sorted by date. */
    size_t idx;
    assert_int_equal(nl_policy_param_find(p, "expert.cap.level1", &idx), NL_OK);
    nl_param_value v[3];
    for (size_t j = 0; j < 3; j++)
        assert_int_equal(nl_policy_param_value(p, idx, j, &v[j]), NL_OK);
    assert_true(v[0].since < v[1].since && v[1].since < v[2].since);
    assert_int_equal(v[1].value, what_if);
}

static void set_before_the_first_value_starts_the_parameter_earlier(void **state)
{
    nl_policy *p = *state;
    int64_t out;
    nl_date early = day("2010-01-01");
    assert_int_equal(nl_policy_set(p, "expert.cap.level3", early, 1000), NL_OK);
    assert_int_equal(nl_policy_get(p, "expert.cap.level3", early - 1, &out), NL_ENOTINFORCE);
    assert_int_equal(param(p, "expert.cap.level3", "2010-01-01"), 1000);
    assert_int_equal(param(p, "expert.cap.level3", FACT_TT02_FIRST_DAY), fact_tt02_cap[3]);
}

static void set_on_an_end_date_keeps_the_parameter_in_force(void **state)
{
    nl_policy *p = *state;
    nl_date end = day(FACT_NQ11_END_DAY);
    assert_int_equal(nl_policy_set(p, "attraction.period", end, 1), NL_OK);
    int64_t out = 0;
    assert_int_equal(nl_policy_get(p, "attraction.period", end, &out), NL_OK);
    assert_int_equal(out, 1);
    assert_int_equal(nl_policy_get(p, "attraction.period", day("2030-06-01"), &out), NL_OK);
}

static void end_stops_a_parameter_until_its_next_change(void **state)
{
    nl_policy *p = *state;
    int64_t out = 42;
    assert_int_equal(nl_policy_end(p, "expert.cap.level1", day("2020-01-01")), NL_OK);
    assert_int_equal(param(p, "expert.cap.level1", "2019-12-31"), fact_tt02_cap[1]);
    assert_int_equal(nl_policy_get(p, "expert.cap.level1", day("2020-01-01"), &out),
                     NL_ENOTINFORCE);
    assert_int_equal(out, 0);
    assert_int_equal(nl_policy_get(p, "expert.cap.level1", day(FACT_TT02_LAST_DAY), &out),
                     NL_ENOTINFORCE);
    assert_int_equal(param(p, "expert.cap.level1", FACT_TT004_FIRST_DAY), fact_tt004_cap[1]);
    /* Ending on a date that has a value replaces it: no value from then on. */
    assert_int_equal(nl_policy_end(p, "expert.cap.level1", day(FACT_TT004_FIRST_DAY)), NL_OK);
    assert_int_equal(nl_policy_get(p, "expert.cap.level1", day("2099-01-01"), &out),
                     NL_ENOTINFORCE);
    nl_param_value v;
    size_t idx;
    assert_int_equal(nl_policy_param_find(p, "expert.cap.level1", &idx), NL_OK);
    assert_int_equal(nl_policy_param_value(p, idx, 2, &v), NL_OK);
    assert_true(v.ends);
    assert_int_equal(v.value, 0);
    assert_int_equal(v.certainty, NL_CERTAINTY_USER);
}

static void a_set_value_is_certain_only_as_a_users_assumption(void **state)
{
    nl_policy *p = *state;
    assert_int_equal(nl_policy_set(p, "training.meals.cap_per_day", day("2024-01-01"), 300000),
                     NL_OK);
    nl_param_value v;
    assert_int_equal(nl_policy_get_value(p, "training.meals.cap_per_day", day("2024-06-01"), &v),
                     NL_OK);
    assert_int_equal(v.value, 300000);
    assert_int_equal(v.since, day("2024-01-01"));
    assert_int_equal(v.certainty, NL_CERTAINTY_USER);
    assert_string_equal(nl_certainty_name(v.certainty), "user");
    assert_contains(v.source, "what-if");
    assert_string_equal(v.source_url, "");
    /* Earlier values keep theirs. */
    assert_int_equal(nl_policy_get_value(p, "training.meals.cap_per_day", day("2023-12-31"), &v),
                     NL_OK);
    assert_int_equal(v.certainty, NL_CERTAINTY_UNCONFIRMED);
}

static void set_rejects_values_the_parameter_cannot_take(void **state)
{
    nl_policy *p = *state;
    const struct { const char *key; int64_t value; } bad[] = {
        {"attraction.amount.district", -1},       /* money is never negative */
        {"expert.cap.level1", INT64_MIN},
        {"attraction.period", 2},                 /* bool: 0 or 1 */
        {"attraction.period", -1},
        {"attraction.min_degree", NL_DEGREE_DOCTOR + 1},   /* not a degree */
        {"expert.min_degree", -1},
        {"expert.weekly.weeks_per_year", 0},      /* a divisor */
        {"expert.daily.days_per_month", 0},
        {"expert.special.multiplier_bp", -1},
        {"expert.daily.premium_bp", -1},
        {"training.tuition.share_bp", -5},
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        size_t idx;
        nl_param_info before, after;
        assert_int_equal(nl_policy_param_find(p, bad[i].key, &idx), NL_OK);
        assert_int_equal(nl_policy_param_info(p, idx, &before), NL_OK);
        if (nl_policy_set(p, bad[i].key, day("2024-01-01"), bad[i].value) != NL_EINVAL)
            fail_msg("%s accepted %lld", bad[i].key, (long long)bad[i].value);
        assert_int_equal(nl_policy_param_info(p, idx, &after), NL_OK);
        assert_int_equal(after.value_count, before.value_count);
    }
    /* The edges of the same kinds are accepted. */
    assert_int_equal(nl_policy_set(p, "attraction.period", day("2024-01-01"), 0), NL_OK);
    assert_int_equal(nl_policy_set(p, "attraction.min_degree", day("2024-01-01"), NL_DEGREE_DOCTOR),
                     NL_OK);
    assert_int_equal(nl_policy_set(p, "expert.weekly.weeks_per_year", day("2024-01-01"), 1), NL_OK);
    assert_int_equal(nl_policy_set(p, "attraction.amount.district", day("2024-01-01"), 0), NL_OK);
    assert_int_equal(nl_policy_set(p, "expert.cap.level1", day("2024-01-01"), INT64_MAX), NL_OK);
}

static void set_and_end_reject_unknown_keys_nulls_and_impossible_dates(void **state)
{
    nl_policy *p = *state;
    assert_int_equal(nl_policy_set(p, "expert.cap.level5", day("2024-01-01"), 1), NL_ENOTFOUND);
    assert_int_equal(nl_policy_end(p, "expert.cap.level5", day("2024-01-01")), NL_ENOTFOUND);
    assert_int_equal(nl_policy_set(p, "attraction.amount.commune", day("2024-01-01"), 1),
                     NL_ENOTFOUND);
    assert_int_equal(nl_policy_set(NULL, "expert.cap.level1", day("2024-01-01"), 1), NL_EINVAL);
    assert_int_equal(nl_policy_set(p, NULL, day("2024-01-01"), 1), NL_EINVAL);
    assert_int_equal(nl_policy_end(NULL, "expert.cap.level1", day("2024-01-01")), NL_EINVAL);
    assert_int_equal(nl_policy_end(p, NULL, day("2024-01-01")), NL_EINVAL);
    assert_int_equal(nl_policy_set(p, "expert.cap.level1", after_last_day(), 1), NL_EDATE);
    assert_int_equal(nl_policy_set(p, "expert.cap.level1", before_first_day(), 1), NL_EDATE);
    assert_int_equal(nl_policy_end(p, "expert.cap.level1", after_last_day()), NL_EDATE);
    assert_int_equal(nl_policy_end(p, "expert.cap.level1", INT32_MIN), NL_EDATE);
    /* Nothing changed. */
    assert_int_equal(param(p, "expert.cap.level1", "9999-12-31"), fact_tt004_cap[1]);
}

/* -------------------------------------------------------------- listing */

/* Every parameter the three rules read, plus one amount per workplace tier
 * (rules.h, policy.h). */
static const char *const expected_keys[] = {
    "attraction.agencies", "attraction.amount.city_town", "attraction.amount.district",
    "attraction.dedicated_post_required", "attraction.majors", "attraction.min_degree",
    "attraction.period", "expert.cap.level1", "expert.cap.level2", "expert.cap.level3",
    "expert.cap.level4", "expert.daily.days_per_month", "expert.daily.premium_bp",
    "expert.levels.bachelor", "expert.levels.master", "expert.min_degree",
    "expert.role_level", "expert.special.multiplier_bp", "expert.weekly.months_per_year",
    "expert.weekly.premium_bp", "expert.weekly.weeks_per_year",
    "training.dedicated_official_required", "training.materials.share_bp",
    "training.meals.cap_per_day", "training.period", "training.short_course_required",
    "training.travel.cap_per_course", "training.tuition.share_bp",
};
#define EXPECTED_KEY_COUNT (sizeof expected_keys / sizeof expected_keys[0])

static void listing_gives_every_parameter_in_key_order(void **state)
{
    const nl_policy *p = *state;
    assert_int_equal(nl_policy_param_count(p), EXPECTED_KEY_COUNT);
    for (size_t i = 0; i < EXPECTED_KEY_COUNT; i++) {
        nl_param_info info;
        SCRIBBLE(info);
        assert_int_equal(nl_policy_param_info(p, i, &info), NL_OK);
        assert_string_equal(info.key, expected_keys[i]);   /* the list is sorted */
        assert_non_null(info.unit);
        assert_true(strlen(info.description) > 0);
        assert_true(info.value_count >= 1);
        size_t idx = 999;
        assert_int_equal(nl_policy_param_find(p, info.key, &idx), NL_OK);
        assert_int_equal(idx, i);
        nl_date prev = INT32_MIN;
        for (size_t j = 0; j < info.value_count; j++) {
            nl_param_value v;
            assert_int_equal(nl_policy_param_value(p, i, j, &v), NL_OK);
            assert_true(v.since > prev);
            prev = v.since;
            assert_true(strlen(v.source) > 0);     /* every value cites its law */
            assert_non_null(v.source_url);
            assert_true(v.certainty <= NL_CERTAINTY_UNCONFIRMED);
            if (j == 0)
                assert_false(v.ends);
        }
        nl_param_value v;
        SCRIBBLE(v);
        assert_int_equal(nl_policy_param_value(p, i, info.value_count, &v), NL_ENOTFOUND);
        assert_zeroed(v);
    }
}

static void parameters_carry_the_units_of_their_amounts(void **state)
{
    const nl_policy *p = *state;
    const struct { const char *key, *unit; } units[] = {
        {"attraction.amount.city_town", "VND"}, {"attraction.amount.district", "VND"},
        {"expert.cap.level1", "VND/month"}, {"expert.cap.level4", "VND/month"},
        {"expert.levels.master", "scale of years to level"},
        {"expert.role_level", "table of role to level"}, {"expert.special.multiplier_bp", "bp"},
        {"training.meals.cap_per_day", "VND/day"}, {"training.travel.cap_per_course", "VND"},
    };
    for (size_t i = 0; i < sizeof units / sizeof units[0]; i++) {
        size_t idx;
        nl_param_info info;
        assert_int_equal(nl_policy_param_find(p, units[i].key, &idx), NL_OK);
        assert_int_equal(nl_policy_param_info(p, idx, &info), NL_OK);
        assert_string_equal(info.unit, units[i].unit);
    }
}

static void listing_rejects_nulls_and_indexes_past_the_end(void **state)
{
    const nl_policy *p = *state;
    size_t n = nl_policy_param_count(p);
    nl_param_info info;
    nl_param_value v;
    size_t idx = 7;
    assert_int_equal(nl_policy_param_count(NULL), 0);
    SCRIBBLE(info);
    assert_int_equal(nl_policy_param_info(p, n, &info), NL_ENOTFOUND);
    assert_zeroed(info);
    SCRIBBLE(info);
    assert_int_equal(nl_policy_param_info(NULL, 0, &info), NL_EINVAL);
    assert_zeroed(info);
    assert_int_equal(nl_policy_param_info(p, 0, NULL), NL_EINVAL);
    SCRIBBLE(v);
    assert_int_equal(nl_policy_param_value(p, n, 0, &v), NL_ENOTFOUND);
    assert_zeroed(v);
    SCRIBBLE(v);
    assert_int_equal(nl_policy_param_value(NULL, 0, 0, &v), NL_EINVAL);
    assert_zeroed(v);
    assert_int_equal(nl_policy_param_value(p, 0, 0, NULL), NL_EINVAL);
    assert_int_equal(nl_policy_param_value(p, SIZE_MAX, SIZE_MAX, &v), NL_ENOTFOUND);
    assert_int_equal(nl_policy_param_find(p, "no.such.key", &idx), NL_ENOTFOUND);
    assert_int_equal(idx, 0);
    assert_int_equal(nl_policy_param_find(NULL, "expert.cap.level1", &idx), NL_EINVAL);
    assert_int_equal(nl_policy_param_find(p, NULL, &idx), NL_EINVAL);
    assert_int_equal(nl_policy_param_find(p, "expert.cap.level1", NULL), NL_EINVAL);
}

static void built_in_values_carry_the_certainty_of_the_facts(void **state)
{
    const nl_policy *p = *state;
    const struct { const char *key, *on; nl_certainty c; } cases[] = {
        /* §3: both circulars were seen. */
        {"expert.cap.level1", FACT_TT02_FIRST_DAY, NL_CERTAINTY_CONFIRMED},
        {"expert.cap.level4", FACT_TT004_FIRST_DAY, NL_CERTAINTY_CONFIRMED},
        {"expert.weekly.premium_bp", FACT_TT02_FIRST_DAY, NL_CERTAINTY_CONFIRMED},
        /* §3: TT 004/2025's week/day conversions are unconfirmed. */
        {"expert.weekly.premium_bp", FACT_TT004_FIRST_DAY, NL_CERTAINTY_UNCONFIRMED},
        {"expert.daily.days_per_month", FACT_TT004_FIRST_DAY, NL_CERTAINTY_UNCONFIRMED},
        /* §1, §2: amounts and shares are reported; dates and rates unconfirmed. */
        {"attraction.amount.district", "2024-01-01", NL_CERTAINTY_REPORTED},
        {"attraction.amount.city_town", "2024-01-01", NL_CERTAINTY_REPORTED},
        {"attraction.period", "2024-01-01", NL_CERTAINTY_UNCONFIRMED},
        {"training.tuition.share_bp", "2024-01-01", NL_CERTAINTY_REPORTED},
        {"training.meals.cap_per_day", "2024-01-01", NL_CERTAINTY_UNCONFIRMED},
        {"training.travel.cap_per_course", "2024-01-01", NL_CERTAINTY_UNCONFIRMED},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        nl_param_value v;
        assert_int_equal(nl_policy_get_value(p, cases[i].key, day(cases[i].on), &v), NL_OK);
        if (v.certainty != cases[i].c)
            fail_msg("%s on %s is %s", cases[i].key, cases[i].on, nl_certainty_name(v.certainty));
    }
}

static void built_in_amounts_are_the_amounts_of_the_facts(void **state)
{
    const nl_policy *p = *state;
    for (int l = 1; l <= 4; l++) {
        char key[32];
        snprintf(key, sizeof key, "expert.cap.level%d", l);
        assert_int_equal(param(p, key, FACT_TT02_LAST_DAY), fact_tt02_cap[l]);
        assert_int_equal(param(p, key, FACT_TT004_FIRST_DAY), fact_tt004_cap[l]);
    }
    for (int l = 1; l <= 3; l++) {
        char key[40];
        snprintf(key, sizeof key, "expert.years.bachelor.level%d", l);
        assert_int_equal(param(p, key, "2024-01-01"), fact_years_bachelor[l]);
        snprintf(key, sizeof key, "expert.years.master.level%d", l);
        assert_int_equal(param(p, key, "2024-01-01"), fact_years_master[l]);
    }
    assert_int_equal(param(p, "attraction.amount.city_town", "2024-01-01"), FACT_AMOUNT_CITY_TOWN);
    assert_int_equal(param(p, "attraction.amount.district", "2024-01-01"), FACT_AMOUNT_DISTRICT);
    assert_int_equal(param(p, "attraction.min_degree", "2024-01-01"), NL_DEGREE_BACHELOR);
    assert_int_equal(param(p, "expert.min_degree", "2024-01-01"), NL_DEGREE_BACHELOR);
}

/* ----------------------------------------------------------- workplaces */

static void the_workplaces_are_the_nine_units_of_the_facts(void **state)
{
    /* The nine pre-2025 units come first (by code: 080..089 before the
     * five-digit communes, which tests/test_geography.c checks). */
    const nl_policy *p = *state;
    assert_int_equal(nl_policy_workplace_count(p), FACT_WORKPLACE_COUNT + FACT_COMMUNE_COUNT);
    assert_int_equal(nl_policy_workplace_count(NULL), 0);
    for (size_t i = 0; i < FACT_WORKPLACE_COUNT; i++) {
        nl_workplace w;
        SCRIBBLE(w);
        assert_int_equal(nl_policy_workplace_at(p, i, &w), NL_OK);   /* by code */
        assert_int_equal(w.code, fact_workplaces[i].code);
        assert_string_equal(w.name, fact_workplaces[i].name);
        assert_string_equal(w.tier, fact_workplaces[i].tier);
        char key[64];
        snprintf(key, sizeof key, "attraction.amount.%s", w.tier);
        assert_int_equal(param(p, key, "2024-01-01"), fact_workplaces[i].amount);
    }
    nl_workplace w;
    SCRIBBLE(w);
    assert_int_equal(nl_policy_workplace_at(p, FACT_WORKPLACE_COUNT + FACT_COMMUNE_COUNT, &w),
                     NL_ENOTFOUND);
    assert_zeroed(w);
    SCRIBBLE(w);
    assert_int_equal(nl_policy_workplace_at(NULL, 0, &w), NL_EINVAL);
    assert_zeroed(w);
    assert_int_equal(nl_policy_workplace_at(p, 0, NULL), NL_EINVAL);
}

static void a_workplace_is_found_by_its_code(void **state)
{
    const nl_policy *p = *state;
    for (size_t i = 0; i < FACT_WORKPLACE_COUNT; i++) {
        nl_workplace w;
        assert_int_equal(nl_policy_workplace(p, fact_workplaces[i].code, &w), NL_OK);
        assert_int_equal(w.code, fact_workplaces[i].code);
        assert_string_equal(w.name, fact_workplaces[i].name);
    }
    const int not_units[] = {0, FACT_CODE_NOT_A_UNIT, 79, 90, 999};
    for (size_t i = 0; i < sizeof not_units / sizeof not_units[0]; i++) {
        nl_workplace w;
        SCRIBBLE(w);
        assert_int_equal(nl_policy_workplace(p, not_units[i], &w), NL_ENOTFOUND);
        assert_zeroed(w);
    }
}

static void a_workplace_code_must_be_between_0_and_99999(void **state)
{
    /* Five digits: a commune code; 1000 is a well-formed code of no unit. */
    const nl_policy *p = *state;
    nl_workplace ok;
    assert_int_equal(nl_policy_workplace(p, 1000, &ok), NL_ENOTFOUND);
    assert_int_equal(nl_policy_workplace(p, 99999, &ok), NL_ENOTFOUND);
    const int bad[] = {-1, 100000, INT32_MIN, INT32_MAX};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        nl_workplace w;
        SCRIBBLE(w);
        assert_int_equal(nl_policy_workplace(p, bad[i], &w), NL_EINVAL);
        assert_zeroed(w);
    }
    nl_workplace w;
    SCRIBBLE(w);
    assert_int_equal(nl_policy_workplace(NULL, 80, &w), NL_EINVAL);
    assert_zeroed(w);
    assert_int_equal(nl_policy_workplace(p, 80, NULL), NL_EINVAL);
}

/* --------------------------------------------------------- parse errors */

static void a_value_of_the_wrong_type_is_reported_where_it_is(void **state)
{
    (void)state;
    size_t len;
    char *text = nlt_slurp(NL_TEST_DATA_DIR "/wrong-type.json", &len);
    /* Line 16: `        {"since": "2025-07-01", "value": "70000000", ...`;
     * the value starts after 8 spaces and 33 characters, at column 42. */
    expect_parse_error(text, len, 16, 42, "/parameters/expert.cap.level1/values/1/value");
    free(text);

    /* Through nl_policy_load too. */
    nl_policy *p = NULL;
    nl_error err;
    assert_int_equal(nl_policy_load(NL_TEST_DATA_DIR "/wrong-type.json", &p, &err), NL_EPARSE);
    assert_int_equal(err.line, 16);
    assert_int_equal(err.column, 42);
    assert_contains(err.message, "/parameters/expert.cap.level1/values/1/value");
}

static void a_syntax_error_is_reported_with_its_line_and_column(void **state)
{
    (void)state;
    size_t len;
    char *text = nlt_slurp(NL_TEST_DATA_DIR "/syntax-error.json", &len);
    /* Line 16: `        {"since": "2025-07-01", "value": 7O000000, ...`: the
     * number starts at column 42 and the letter O, which no JSON value can
     * contain there, is at column 43. */
    expect_parse_error(text, len, 16, 43, "/parameters/expert.cap.level1/values/1/value");
    free(text);
}

static void columns_count_characters_not_bytes(void **state)
{
    (void)state;
    size_t len;
    char *text = nlt_slurp(NL_TEST_DATA_DIR "/utf8-column.json", &len);
    /* Line 8: `    {"code": "088", "name": "Thị xã Sa Pa", "tier": 2, ...`;
     * 52 characters (55 bytes: ị and ã are multi-byte) precede the 2. */
    expect_parse_error(text, len, 8, 53, "/workplaces/0/tier");
    free(text);
}

/* Families are optional: a document without a parameter loads, and a rule
 * that reads it answers "not in force", citing the absence; the other
 * families answer as before. */
static void a_document_without_a_parameter_loads_and_its_rule_is_not_in_force(void **state)
{
    (void)state;
    /* data/laocai.json without expert.cap.level4: cut from its key to the
     * next parameter's. */
    size_t len;
    char *text = nlt_slurp(NL_TEST_POLICY_COPY, &len);
    char *from = strstr(text, "\"expert.cap.level4\"");
    char *to = strstr(text, "\"expert.levels.bachelor\"");
    assert_true(from != NULL && to != NULL && from < to);
    memmove(from, to, strlen(to) + 1);
    len = strlen(text);
    nl_error err;
    nl_policy *p = NULL;
    assert_int_equal(nl_policy_parse(text, len, &p, &err), NL_OK);
    int64_t v;
    assert_int_equal(nl_policy_get(p, "expert.cap.level4", day("2024-01-01"), &v), NL_ENOTFOUND);
    /* Level 4 reads the absent cap: not in force, the answer says why. */
    nl_expert e = {NL_DEGREE_BACHELOR, 0.0, NL_ROLE_MEMBER, false, day(FACT_TT02_LAST_DAY)};
    nl_expert_cap c;
    assert_int_equal(nl_expert_salary_cap(p, &e, &c), NL_OK);
    assert_int_equal(c.reason, NL_REASON_NOT_IN_FORCE);
    assert_int_equal(c.level, 0);
    assert_int_equal(c.monthly, 0);
    assert_contains(c.source, "expert.cap.level4");
    assert_int_equal(c.certainty, NL_CERTAINTY_UNCONFIRMED);
    /* Level 3 does not read it. */
    e.experience_years = 5.0;
    assert_int_equal(nl_expert_salary_cap(p, &e, &c), NL_OK);
    assert_int_equal(c.level, 3);
    /* A copy keeps the absence and its text. */
    nl_policy *q = NULL;
    assert_int_equal(nl_policy_clone(p, &q), NL_OK);
    e.experience_years = 0.0;
    assert_int_equal(nl_expert_salary_cap(q, &e, &c), NL_OK);
    assert_contains(c.source, "expert.cap.level4");
    nl_policy_free(q);
    nl_policy_free(p);
    free(text);
}

/* A document with one family only (tests/data/one-family.json: a tier
 * amount and a workplace, no period, no other parameter) loads; each rule
 * answers "not in force" naming the first parameter it lacks. */
static void a_document_of_one_family_loads(void **state)
{
    (void)state;
    nl_policy *p = NULL;
    nl_error err;
    assert_int_equal(nl_policy_load(NL_TEST_DATA_DIR "/one-family.json", &p, &err), NL_OK);
    nl_candidate c = {NL_DEGREE_BACHELOR, NL_MAJOR_IT, NL_AGENCY_STATE, true, 80,
                      day("2024-05-01")};
    nl_subsidy s;
    assert_int_equal(nl_attraction_subsidy(p, &c, &s), NL_OK);
    assert_int_equal(s.reason, NL_REASON_NOT_IN_FORCE);
    assert_contains(s.source, "attraction.period");
    nl_training t = {true, true, 100, 0, 0, 0, 1, day("2024-05-01")};
    nl_training_result tr;
    assert_int_equal(nl_training_support(p, &t, &tr), NL_OK);
    assert_int_equal(tr.reason, NL_REASON_NOT_IN_FORCE);
    assert_contains(tr.source, "training.period");
    nl_expert e = {NL_DEGREE_BACHELOR, 0.0, NL_ROLE_MEMBER, false, day("2024-05-01")};
    nl_expert_cap x;
    assert_int_equal(nl_expert_salary_cap(p, &e, &x), NL_OK);
    assert_int_equal(x.reason, NL_REASON_NOT_IN_FORCE);
    assert_contains(x.source, "expert.cap.level1");
    nl_policy_free(p);
}

/* Each mistake made in a copy of data/laocai.json is reported at the
 * replaced text, with the pointer to it. */
static void mistakes_in_the_data_file_are_reported_at_their_place(void **state)
{
    (void)state;
    const struct {
        const char *needle, *with;
        size_t skip;          /* bytes from the replacement to the bad value */
        const char *pointer;
    } cases[] = {
        /* An impossible date (2023 is not a leap year). */
        {"\"since\": \"2015-03-01\", \"value\": 40000000", "\"since\": \"2023-02-29\", \"value\": 40000000",
         9, "/parameters/expert.cap.level1/values/0/since"},
        /* A degree that does not exist. */
        {"{\"since\": \"2021-01-01\", \"value\": \"bachelor\",",
         "{\"since\": \"2021-01-01\", \"value\": \"bachelour\",", 33,
         "/parameters/attraction.min_degree/values/0/value"},
        /* A major no list has, in a set. */
        {"[\"it\", \"electronics_telecom\"]", "[\"it\", \"electronic_telecom\"]", 7,
         "/parameters/attraction.majors/values/0/value/1"},
        /* A fraction where a whole number of đồng belongs. */
        {"\"value\": 150000000", "\"value\": 150000000.5", 9,
         "/parameters/attraction.amount.district/values/0/value"},
        /* A misspelt member. */
        {"{\"since\": \"2015-03-01\", \"value\": 40000000", "{\"sinse\": \"2015-03-01\", \"value\": 40000000",
         10, "/parameters/expert.cap.level1/values/0/sinse"},
        /* A status word that is not one of the facts'. */
        {"\"status\": \"reported\"}", "\"status\": \"rumoured\"}", 10,
         "/parameters/attraction.min_degree/values/0/status"},
        /* A source id that is not defined. */
        {"\"source\": \"tt004_2025\"", "\"source\": \"tt005_2025\"", 10,
         "/parameters/expert.min_degree/values/1/source"},
        /* A unit that does not match the parameter. */
        {"\"unit\": \"VND/month\"", "\"unit\": \"USD/month\"", 8, "/parameters/expert.cap.level1/unit"},
        /* A workplace code that is not three digits. */
        {"\"code\": \"080\"", "\"code\": \"80\"", 8, "/workplaces/0/code"},
        /* The wrong format identifier. */
        {"\"nhanluc-policy/2\"", "\"nhanluc-policy/3\"", 0, "/format"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        size_t len, at;
        char *text = laocai_with(cases[i].needle, cases[i].with, &len, &at);
        int line, column;
        position_of(text, at + cases[i].skip, &line, &column);
        print_message("  %s\n", cases[i].pointer);
        expect_parse_error(text, len, line, column, cases[i].pointer);
        free(text);
    }
}

static void dates_of_a_parameter_must_increase(void **state)
{
    (void)state;
    size_t len, at;
    char *text = laocai_with("{\"since\": \"2025-07-01\", \"value\": 70000000",
                             "{\"since\": \"2015-03-01\", \"value\": 70000000", &len, &at);
    int line, column;
    position_of(text, at + strlen("{\"since\": "), &line, &column);
    expect_parse_error(text, len, line, column, "/parameters/expert.cap.level1/values/1/since");
    free(text);
}

static void a_parameter_cannot_start_with_an_end(void **state)
{
    (void)state;
    size_t len, at;
    char *text = laocai_with("{\"since\": \"2021-01-01\", \"value\": 1,",
                             "{\"since\": \"2021-01-01\", \"value\": null,", &len, &at);
    int line, column;
    position_of(text, at, &line, &column);
    expect_parse_error(text, len, line, column, "/parameters/attraction.period/values/0");
    free(text);
}

static void a_tier_without_an_amount_is_reported_at_that_tier(void **state)
{
    (void)state;
    /* The first workplace of tier "district" (index 1, Bát Xát) moved to a
     * tier "commune" that has no attraction.amount.commune. */
    size_t len, at;
    char *text = laocai_with("\"tier\": \"district\"", "\"tier\": \"commune\"", &len, &at);
    int line, column;
    position_of(text, at + strlen("\"tier\": "), &line, &column);
    expect_parse_error(text, len, line, column, "/workplaces/1/tier");
    nl_error err;
    nl_policy *p = NULL;
    assert_int_equal(nl_policy_parse(text, len, &p, &err), NL_EPARSE);
    assert_contains(err.message, "attraction.amount.commune");
    free(text);
}

static void pointers_escape_slash_and_tilde_in_member_names(void **state)
{
    (void)state;
    /* RFC 6901: '~' is written "~0" and '/' "~1", so the member "a/b~c"
     * is not mistaken for a path a, b~c. */
    const char doc[] = "{\"format\": \"nhanluc-policy/1\", \"name\": \"x\", \"a/b~c\": 1}";
    const char *value = strstr(doc, ": 1}") + 2;
    expect_parse_error(doc, sizeof doc - 1, 1, (int)(value - doc) + 1, "/a~1b~0c");
}

static void documents_that_are_not_policies_are_refused(void **state)
{
    (void)state;
    const char *docs[] = {"", "   ", "[]", "42", "null", "{}", "{\"format\": \"nhanluc-policy/1\"}",
                          "{\"a\": 1, \"a\": 2}", "\xff"};
    for (size_t i = 0; i < sizeof docs / sizeof docs[0]; i++) {
        nl_policy *p = (nl_policy *)&p;
        nl_error err;
        SCRIBBLE(err);
        assert_int_equal(nl_policy_parse(docs[i], strlen(docs[i]), &p, &err), NL_EPARSE);
        assert_null(p);
        assert_int_equal(err.status, NL_EPARSE);
        assert_true(strlen(err.message) > 0);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        TEST(the_built_in_policy_is_named_for_lao_cai),
        TEST(building_the_default_needs_an_output),
        TEST(loading_a_copy_of_the_data_file_gives_the_built_in_policy),
        TEST(loading_without_an_error_struct_is_allowed),
        TEST(parsing_from_memory_needs_no_terminating_nul),
        TEST(loading_a_missing_file_is_an_io_error),
        TEST(loading_a_directory_is_an_io_error),
        TEST(load_and_parse_reject_null_arguments),
        TEST(a_document_over_the_size_limit_is_refused),
        TEST(a_clone_is_independent_of_its_original),
        TEST(cloning_needs_a_policy_and_an_output),
        TEST(freeing_null_does_nothing),
        TEST(get_reads_the_value_in_force_on_a_date),
        TEST(get_before_the_first_value_is_not_in_force),
        TEST(get_after_an_end_is_not_in_force),
        TEST(get_of_an_unknown_key_is_not_found),
        TEST(get_rejects_null_arguments),
        TEST(set_at_an_existing_date_replaces_that_value),
        TEST(set_between_two_dates_keeps_the_later_change),
        TEST(set_before_the_first_value_starts_the_parameter_earlier),
        TEST(set_on_an_end_date_keeps_the_parameter_in_force),
        TEST(end_stops_a_parameter_until_its_next_change),
        TEST(a_set_value_is_certain_only_as_a_users_assumption),
        TEST(set_rejects_values_the_parameter_cannot_take),
        TEST(set_and_end_reject_unknown_keys_nulls_and_impossible_dates),
        TEST(listing_gives_every_parameter_in_key_order),
        TEST(parameters_carry_the_units_of_their_amounts),
        TEST(listing_rejects_nulls_and_indexes_past_the_end),
        TEST(built_in_values_carry_the_certainty_of_the_facts),
        TEST(built_in_amounts_are_the_amounts_of_the_facts),
        TEST(the_workplaces_are_the_nine_units_of_the_facts),
        TEST(a_workplace_is_found_by_its_code),
        TEST(a_workplace_code_must_be_between_0_and_99999),
        TEST(a_value_of_the_wrong_type_is_reported_where_it_is),
        TEST(a_syntax_error_is_reported_with_its_line_and_column),
        TEST(columns_count_characters_not_bytes),
        TEST(a_document_without_a_parameter_loads_and_its_rule_is_not_in_force),
        TEST(a_document_of_one_family_loads),
        TEST(mistakes_in_the_data_file_are_reported_at_their_place),
        TEST(dates_of_a_parameter_must_increase),
        TEST(a_parameter_cannot_start_with_an_end),
        TEST(a_tier_without_an_amount_is_reported_at_that_tier),
        TEST(pointers_escape_slash_and_tilde_in_member_names),
        TEST(documents_that_are_not_policies_are_refused),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
