/* The dated workplace catalogue and the attraction subsidy across the
 * merger of 2025-07-01 (docs/law/6-geography.md, data/geography/README.md). */
#include "nl_test.h"

/* A candidate who meets every condition but the workplace's. */
static nl_candidate at(int workplace, const char *start)
{
    nl_candidate c = {
        .degree = NL_DEGREE_BACHELOR,
        .major = NL_MAJOR_IT,
        .agency = NL_AGENCY_STATE,
        .dedicated_post = true,
        .workplace = workplace,
        .start = day(start),
    };
    return c;
}

static nl_subsidy decide(const nl_policy *p, int workplace, const char *start)
{
    nl_candidate c = at(workplace, start);
    nl_subsidy s;
    SCRIBBLE(s);
    assert_int_equal(nl_attraction_subsidy(p, &c, &s), NL_OK);
    return s;
}


/* The built-in document with the period's status "reported" instead of
 * "unconfirmed": then the certainty of an answer shows what the workplace
 * did to it (with the real period every answer is unconfirmed anyway). */
static int reported_period_setup(void **state)
{
    size_t len;
    char *doc = nlt_slurp(NL_TEST_SOURCE_DIR "/data/laocai.json", &len);
    const char *from = "\"source\": \"nq11_2020_period\", \"status\": \"unconfirmed\"";
    const char *to = "\"source\": \"nq11_2020_period\", \"status\": \"reported\"   ";
    size_t n = 0;
    for (char *q = strstr(doc, from); q; q = strstr(q + 1, from), n++)
        memcpy(q, to, strlen(to));
    assert_int_equal(n, 4);   /* start and end of the attraction and training periods */
    nl_policy *p = NULL;
    nl_error err;
    assert_int_equal(nl_policy_parse(doc, len, &p, &err), NL_OK);
    free(doc);
    *state = p;
    return 0;
}

#define TEST_REPORTED(fn) \
    cmocka_unit_test_setup_teardown(fn, reported_period_setup, policy_teardown)

/* ------------------------------------------------------------ catalogue */

static void the_catalogue_has_the_nine_districts_then_the_99_communes(void **state)
{
    const nl_policy *p = *state;
    size_t n = nl_policy_workplace_count(p), districts = 0, communes = 0;
    size_t kinds[4] = {0}, derived_city = 0, derived_district = 0;
    for (size_t i = 0; i < n; i++) {
        nl_workplace w;
        nl_workplace_detail d;
        SCRIBBLE(d);
        assert_int_equal(nl_policy_workplace_at(p, i, &w), NL_OK);
        assert_int_equal(nl_policy_workplace_detail(p, i, &d), NL_OK);
        assert_true((unsigned)d.kind < 4);
        if (d.digits == 3) {
            districts++;
            assert_false(d.has_since);
            assert_true(d.has_until);
            assert_int_equal(d.until, day(FACT_DISTRICTS_LAST_DAY));
            assert_int_equal(d.kind, NL_WORKPLACE_TIER);
            assert_int_equal(d.from_count, 0);
            continue;
        }
        assert_int_equal(d.digits, 5);
        communes++;
        assert_true(d.has_since);
        assert_false(d.has_until);
        assert_int_equal(d.since, day(FACT_MERGER_DAY));
        assert_true(d.from_count >= 1);
        kinds[d.kind]++;
        if (d.kind == NL_WORKPLACE_DERIVED) {
            assert_non_null(w.tier);
            if (strcmp(w.tier, FACT_TIER_CITY_TOWN) == 0)
                derived_city++;
            else if (strcmp(w.tier, FACT_TIER_DISTRICT) == 0)
                derived_district++;
            else
                fail_msg("commune %05d: tier %s", w.code, w.tier);
        } else {
            assert_null(w.tier);
        }
    }
    assert_int_equal(districts, FACT_WORKPLACE_COUNT);
    assert_int_equal(communes, FACT_COMMUNE_COUNT);
    assert_int_equal(kinds[NL_WORKPLACE_TIER], 0);
    assert_int_equal(derived_city, FACT_COMMUNES_ONLY_CITY_TOWN);
    assert_int_equal(derived_district, FACT_COMMUNES_ONLY_DISTRICT);
    assert_int_equal(kinds[NL_WORKPLACE_AMBIGUOUS], FACT_COMMUNES_MIXED);
    assert_int_equal(kinds[NL_WORKPLACE_OUTSIDE_AREA], FACT_COMMUNES_OLD_YEN_BAI);
    nl_workplace_detail d;
    SCRIBBLE(d);
    assert_int_equal(nl_policy_workplace_detail(p, n, &d), NL_ENOTFOUND);
    assert_zeroed(d);
    assert_int_equal(nl_policy_workplace_detail(NULL, 0, &d), NL_EINVAL);
    assert_int_equal(nl_policy_workplace_detail(p, 0, NULL), NL_EINVAL);
}

static void a_code_names_the_unit_in_force_on_the_date(void **state)
{
    const nl_policy *p = *state;
    size_t i;
    bool mapped = true;
    /* A district code: itself until 2025-06-30, mapped from 2025-07-01. */
    assert_int_equal(nl_policy_workplace_on(p, 82, day(FACT_DISTRICTS_LAST_DAY), &i, &mapped), NL_OK);
    assert_false(mapped);
    nl_workplace w;
    assert_int_equal(nl_policy_workplace_at(p, i, &w), NL_OK);
    assert_int_equal(w.code, 82);
    assert_int_equal(nl_policy_workplace_on(p, 82, day(FACT_MERGER_DAY), &i, &mapped), NL_OK);
    assert_true(mapped);
    assert_int_equal(nl_policy_workplace_at(p, i, &w), NL_OK);
    assert_int_equal(w.code, 82);
    /* A commune code: no unit the day before the merger, itself from it. */
    assert_int_equal(nl_policy_workplace_on(p, FACT_COMMUNE_CITY_TOWN, day(FACT_DISTRICTS_LAST_DAY),
                                            &i, &mapped),
                     NL_ENOTFOUND);
    assert_int_equal(nl_policy_workplace_on(p, FACT_COMMUNE_CITY_TOWN, day(FACT_MERGER_DAY), &i,
                                            &mapped),
                     NL_OK);
    assert_false(mapped);
    assert_int_equal(nl_policy_workplace_at(p, i, &w), NL_OK);
    assert_string_equal(w.name, FACT_COMMUNE_CITY_TOWN_NAME);
    assert_int_equal(nl_policy_workplace_on(p, FACT_CODE_NOT_A_UNIT, day(FACT_MERGER_DAY), &i, NULL),
                     NL_ENOTFOUND);
    /* Arguments. */
    assert_int_equal(nl_policy_workplace_on(p, 100000, day(FACT_MERGER_DAY), &i, NULL), NL_EINVAL);
    assert_int_equal(nl_policy_workplace_on(p, -1, day(FACT_MERGER_DAY), &i, NULL), NL_EINVAL);
    assert_int_equal(nl_policy_workplace_on(p, 82, after_last_day(), &i, NULL), NL_EDATE);
    assert_int_equal(nl_policy_workplace_on(p, 82, day(FACT_MERGER_DAY), NULL, NULL), NL_EINVAL);
    assert_int_equal(nl_policy_workplace_on(NULL, 82, day(FACT_MERGER_DAY), &i, NULL), NL_EINVAL);
}

/* ------------------------------------------------- the subsidy, by kind */

static void a_district_pays_its_tier_up_to_the_merger_and_mapped_after(void **state)
{
    const nl_policy *p = *state;
    nl_subsidy s = decide(p, 82, FACT_DISTRICTS_LAST_DAY);
    assert_true(s.eligible);
    assert_int_equal(s.amount, FACT_AMOUNT_DISTRICT);
    assert_int_equal(s.certainty, NL_CERTAINTY_REPORTED);
    /* The pre-2025 code is still accepted after the merger, its tier read
     * off the old unit: the same amount, but no instrument confirms it. */
    s = decide(p, 82, FACT_MERGER_DAY);
    assert_true(s.eligible);
    assert_int_equal(s.amount, FACT_AMOUNT_DISTRICT);
    assert_int_equal(s.certainty, NL_CERTAINTY_UNCONFIRMED);
    s = decide(p, 80, FACT_MERGER_DAY);
    assert_int_equal(s.amount, FACT_AMOUNT_CITY_TOWN);
    assert_int_equal(s.certainty, NL_CERTAINTY_UNCONFIRMED);
}

static void a_commune_from_city_or_town_units_only_pays_their_tier_unconfirmed(void **state)
{
    const nl_policy *p = *state;
    nl_subsidy s = decide(p, FACT_COMMUNE_CITY_TOWN, FACT_MERGER_DAY);
    assert_true(s.eligible);
    assert_int_equal(s.reason, NL_REASON_OK);
    assert_int_equal(s.amount, FACT_AMOUNT_CITY_TOWN);
    assert_int_equal(s.certainty, NL_CERTAINTY_UNCONFIRMED);
    /* The day before, the code was no unit of the province. */
    s = decide(p, FACT_COMMUNE_CITY_TOWN, FACT_DISTRICTS_LAST_DAY);
    assert_subsidy_refused(&s, NL_REASON_OUTSIDE_PROVINCE);
}

static void a_commune_from_district_units_only_pays_the_district_tier_unconfirmed(void **state)
{
    const nl_policy *p = *state;
    nl_subsidy s = decide(p, FACT_COMMUNE_DISTRICT, FACT_MERGER_DAY);
    assert_true(s.eligible);
    assert_int_equal(s.amount, FACT_AMOUNT_DISTRICT);
    assert_int_equal(s.certainty, NL_CERTAINTY_UNCONFIRMED);
}

static void a_commune_from_both_asks_for_the_pre_2025_unit(void **state)
{
    const nl_policy *p = *state;
    nl_subsidy s = decide(p, FACT_COMMUNE_MIXED, FACT_MERGER_DAY);
    assert_subsidy_refused(&s, NL_REASON_AMBIGUOUS_WORKPLACE);
    assert_int_equal(s.certainty, NL_CERTAINTY_UNCONFIRMED);
    assert_contains(nl_reason_message(s.reason, "en"), "former unit");
    assert_contains(nl_reason_message(s.reason, "vi"), "đơn vị hành chính cũ");
}

static void a_commune_from_old_yen_bai_is_outside_the_resolutions_area(void **state)
{
    const nl_policy *p = *state;
    nl_subsidy s = decide(p, FACT_COMMUNE_YEN_BAI, FACT_MERGER_DAY);
    assert_subsidy_refused(&s, NL_REASON_OUTSIDE_AREA);
    assert_string_equal(nl_reason_name(s.reason), "outside_area");
    assert_contains(nl_reason_message(s.reason, "en"), "outside the area");
}

static void every_commune_answers_by_its_kind_on_the_first_and_last_day(void **state)
{
    /* Each of the 99 communes on 2025-07-01 and on the policy's last day
     * (2025-12-31): paid its derived tier, or refused for its kind; the day
     * after the policy ends nothing is in force. */
    const nl_policy *p = *state;
    static const char *const days[] = {FACT_MERGER_DAY, "2025-12-31"};
    size_t checked = 0;
    for (size_t i = 0; i < nl_policy_workplace_count(p); i++) {
        nl_workplace w;
        nl_workplace_detail d;
        assert_int_equal(nl_policy_workplace_at(p, i, &w), NL_OK);
        assert_int_equal(nl_policy_workplace_detail(p, i, &d), NL_OK);
        if (d.digits != 5)
            continue;
        for (size_t k = 0; k < 2; k++) {
            nl_subsidy s = decide(p, w.code, days[k]);
            switch (d.kind) {
            case NL_WORKPLACE_DERIVED:
                assert_int_equal(s.amount, strcmp(w.tier, FACT_TIER_CITY_TOWN) == 0
                                               ? FACT_AMOUNT_CITY_TOWN
                                               : FACT_AMOUNT_DISTRICT);
                assert_int_equal(s.certainty, NL_CERTAINTY_UNCONFIRMED);
                break;
            case NL_WORKPLACE_AMBIGUOUS: assert_subsidy_refused(&s, NL_REASON_AMBIGUOUS_WORKPLACE); break;
            case NL_WORKPLACE_OUTSIDE_AREA: assert_subsidy_refused(&s, NL_REASON_OUTSIDE_AREA); break;
            default: fail_msg("commune %05d has a tier of its own", w.code);
            }
            checked++;
        }
        nl_subsidy s = decide(p, w.code, FACT_NQ11_END_DAY);
        assert_subsidy_refused(&s, NL_REASON_NOT_IN_FORCE);
    }
    assert_int_equal(checked, 2 * FACT_COMMUNE_COUNT);
}

/* ------------------------------------------------------------- the batch */

static void the_batch_answers_every_unit_as_the_single_call_across_the_merger(void **state)
{
    /* Enough records for the batch's tables (>= 2048): every unit code and
     * some codes of no unit, on the days around the merger and the end. */
    const nl_policy *p = *state;
    static const char *const days[] = {"2025-06-29", FACT_DISTRICTS_LAST_DAY, FACT_MERGER_DAY,
                                       "2025-12-31", FACT_NQ11_END_DAY};
    size_t nunits = nl_policy_workplace_count(p), per = nunits + 3, n = 0, cap = per * 5 * 5;
    uint8_t *deg = calloc(cap, 1), *maj = calloc(cap, 1), *agy = calloc(cap, 1),
            *ded = calloc(cap, 1), *reason = calloc(cap, 1), *cert = calloc(cap, 1);
    int16_t *wp = calloc(cap, sizeof *wp);
    nl_date *start = calloc(cap, sizeof *start);
    int64_t *amount = calloc(cap, sizeof *amount);
    assert_true(deg && maj && agy && ded && reason && cert && wp && start && amount);
    for (int rep = 0; rep < 5; rep++)
        for (size_t k = 0; k < 5; k++)
            for (size_t i = 0; i < per; i++, n++) {
                nl_workplace w = {.code = i == nunits ? 0 : i == nunits + 1 ? 81 : 32767};
                if (i < nunits)
                    assert_int_equal(nl_policy_workplace_at(p, i, &w), NL_OK);
                nl_candidate c = at(w.code, days[k]);
                c.degree = (nl_degree)(rep == 4 ? NL_DEGREE_COLLEGE : NL_DEGREE_BACHELOR);
                deg[n] = (uint8_t)c.degree;
                maj[n] = (uint8_t)c.major;
                agy[n] = (uint8_t)c.agency;
                ded[n] = 1;
                wp[n] = (int16_t)w.code;
                start[n] = c.start;
            }
    assert_true(n >= 2048);
    size_t bad = 0;
    assert_int_equal(nl_attraction_subsidy_batch(p, n, deg, maj, agy, ded, wp, start, amount,
                                                 reason, cert, 1, &bad),
                     NL_OK);
    for (size_t k = 0; k < n; k++) {
        nl_candidate c = {.degree = (nl_degree)deg[k], .major = (nl_major)maj[k],
                          .agency = (nl_agency)agy[k], .dedicated_post = true,
                          .workplace = wp[k], .start = start[k]};
        nl_subsidy s;
        assert_int_equal(nl_attraction_subsidy(p, &c, &s), NL_OK);
        if (s.amount != amount[k] || s.reason != reason[k] || s.certainty != cert[k])
            fail_msg("record %zu (code %d): batch %lld/%u/%u, single %lld/%u/%u", k, wp[k],
                     (long long)amount[k], reason[k], cert[k], (long long)s.amount, s.reason,
                     s.certainty);
    }
    free(deg), free(maj), free(agy), free(ded), free(reason), free(cert);
    free(wp), free(start), free(amount);
}

/* ------------------------------------------------------ the document */

static nl_status parse_workplaces(const char *units, nl_error *err)
{
    char doc[4096];
    snprintf(doc, sizeof doc,
             "{\"format\": \"nhanluc-policy/1\", \"name\": \"t\",\n"
             " \"sources\": {\"s\": {\"citation\": \"c\", \"url\": \"\"}},\n"
             " \"workplaces\": [%s],\n"
             " \"parameters\": {}}",
             units);
    nl_policy *p = (nl_policy *)&p;
    nl_status s = nl_policy_parse(doc, strlen(doc), &p, err);
    nl_policy_free(p);
    return s;
}

static void bad_catalogue_entries_are_refused_where_they_are(void **state)
{
    (void)state;
    static const struct {
        const char *units, *key, *text;
    } bad[] = {
        {"{\"code\": \"0800\", \"name\": \"x\", \"tier\": \"a\", \"source\": \"s\"}",
         "/workplaces/0/code", "three or five digits"},
        {"{\"code\": \"080\", \"name\": \"x\", \"tier\": \"a\", \"source\": \"s\", "
         "\"since\": \"2025-07-01\", \"until\": \"2025-06-30\"}",
         "/workplaces/0/until", "before"},
        {"{\"code\": \"080\", \"name\": \"x\", \"tier\": \"a\", \"source\": \"s\", "
         "\"since\": \"2025-13-01\"}",
         "/workplaces/0/since", "YYYY-MM-DD"},
        {"{\"code\": \"080\", \"name\": \"x\", \"tier\": \"a\", \"source\": \"s\", \"until\": "
         "\"2025-06-30\"}, {\"code\": \"080\", \"name\": \"y\", \"tier\": \"a\", \"source\": "
         "\"s\", \"since\": \"2025-06-30\"}",
         "/workplaces/1/code", "periods overlap"},
        {"{\"code\": \"02647\", \"name\": \"x\", \"source\": \"s\"}", "/workplaces/0",
         "missing member \"tier\""},
        {"{\"code\": \"02647\", \"name\": \"x\", \"source\": \"s\", \"from\": []}",
         "/workplaces/0/from", "array of 1 to"},
        {"{\"code\": \"02647\", \"name\": \"x\", \"source\": \"s\", \"from\": [\"8\"]}",
         "/workplaces/0/from/0", "3 or 5 digits"},
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        nl_error err;
        assert_int_equal(parse_workplaces(bad[i].units, &err), NL_EPARSE);
        if (strcmp(err.key, bad[i].key) != 0 || strstr(err.message, bad[i].text) == NULL)
            fail_msg("case %zu: %s: %s (want %s: ...%s...)", i, err.key, err.message, bad[i].key,
                     bad[i].text);
    }
}

/* The built-in document with `extra` units put first in its catalogue. */
static nl_policy *with_units(const char *extra)
{
    nl_policy *q = NULL;
    nl_error err;
    size_t len;
    char *doc = nlt_slurp(NL_TEST_SOURCE_DIR "/data/laocai.json", &len);
    const char *anchor = "\"workplaces\": [\n";
    char *at_units = strstr(doc, anchor);
    assert_non_null(at_units);
    size_t head = (size_t)(at_units - doc) + strlen(anchor);
    char *both = malloc(len + strlen(extra) + 1);
    assert_non_null(both);
    memcpy(both, doc, head);
    memcpy(both + head, extra, strlen(extra));
    memcpy(both + head + strlen(extra), doc + head, len - head);
    assert_int_equal(nl_policy_parse(both, len + strlen(extra), &q, &err), NL_OK);
    free(doc);
    free(both);
    return q;
}

static void a_unit_formed_from_a_derived_one_is_ambiguous(void **state)
{
    /* A second reorganisation: 00001 formed from Sa Pa (a tier the document
     * gives), 00002 later from 00001 (a derived tier): the library does not
     * derive from a derivation, it asks for the unit instead. */
    (void)state;
    nl_policy *q = with_units(
        "{\"code\": \"00001\", \"name\": \"Xã Một\", \"since\": \"2025-07-01\", "
        "\"until\": \"2025-09-30\", \"from\": [\"088\"], \"source\": \"gso_2025\"},\n"
        "{\"code\": \"00002\", \"name\": \"Xã Hai\", \"since\": \"2025-10-01\", "
        "\"from\": [\"00001\"], \"source\": \"gso_2025\"},\n");
    nl_subsidy s = decide(q, 1, "2025-09-30");
    assert_int_equal(s.amount, FACT_AMOUNT_CITY_TOWN);
    s = decide(q, 2, "2025-10-01");
    assert_subsidy_refused(&s, NL_REASON_AMBIGUOUS_WORKPLACE);
    nl_policy_free(q);
}

static void one_code_may_name_two_units_one_after_the_other(void **state)
{
    /* Same number, different levels and periods: "080" a district until the
     * merger, "00080" a commune after it. */
    const nl_policy *p = *state;
    nl_policy *q = with_units("{\"code\": \"00080\", \"name\": \"Xã Thử\", \"since\": "
                              "\"2025-07-01\", \"from\": [\"088\"], \"source\": \"gso_2025\"},\n");
    assert_int_equal(nl_policy_workplace_count(q), nl_policy_workplace_count(p) + 1);
    nl_subsidy s = decide(q, 80, FACT_DISTRICTS_LAST_DAY);   /* the district */
    assert_int_equal(s.amount, FACT_AMOUNT_CITY_TOWN);
    s = decide(q, 80, FACT_MERGER_DAY);                      /* the commune, from Sa Pa */
    assert_int_equal(s.amount, FACT_AMOUNT_CITY_TOWN);
    size_t i;
    bool mapped = true;
    assert_int_equal(nl_policy_workplace_on(q, 80, day(FACT_MERGER_DAY), &i, &mapped), NL_OK);
    assert_false(mapped);
    nl_workplace w;
    assert_int_equal(nl_policy_workplace_at(q, i, &w), NL_OK);
    assert_string_equal(w.name, "Xã Thử");
    nl_policy_free(q);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        TEST(the_catalogue_has_the_nine_districts_then_the_99_communes),
        TEST(a_code_names_the_unit_in_force_on_the_date),
        TEST_REPORTED(a_district_pays_its_tier_up_to_the_merger_and_mapped_after),
        TEST_REPORTED(a_commune_from_city_or_town_units_only_pays_their_tier_unconfirmed),
        TEST_REPORTED(a_commune_from_district_units_only_pays_the_district_tier_unconfirmed),
        TEST_REPORTED(a_commune_from_both_asks_for_the_pre_2025_unit),
        TEST_REPORTED(a_commune_from_old_yen_bai_is_outside_the_resolutions_area),
        TEST(every_commune_answers_by_its_kind_on_the_first_and_last_day),
        TEST_REPORTED(the_batch_answers_every_unit_as_the_single_call_across_the_merger),
        TEST(bad_catalogue_entries_are_refused_where_they_are),
        TEST(one_code_may_name_two_units_one_after_the_other),
        TEST(a_unit_formed_from_a_derived_one_is_ambiguous),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
