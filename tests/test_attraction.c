/* Rule 1: the one-off attraction subsidy for IT graduates (docs/law/1-attraction.md). */
#include "nl_test.h"

/* A candidate meeting every condition of §1: a university degree in IT,
 * a dedicated IT post at a State agency in Lào Cai city, started in 2024. */
static nl_candidate qualifying(void)
{
    nl_candidate c = {
        .degree = NL_DEGREE_BACHELOR,
        .major = NL_MAJOR_IT,
        .agency = NL_AGENCY_STATE,
        .dedicated_post = true,
        .workplace = 80,
        .start = day("2024-09-01"),
    };
    return c;
}

static nl_subsidy decide(const nl_policy *p, const nl_candidate *c)
{
    nl_subsidy s;
    SCRIBBLE(s);
    assert_int_equal(nl_attraction_subsidy(p, c, &s), NL_OK);
    return s;
}

static void assert_paid(const nl_subsidy *s, int64_t amount)
{
    assert_true(s->eligible);
    assert_int_equal(s->amount, amount);
    assert_int_equal(s->reason, NL_REASON_OK);
    assert_contains(s->source, FACT_SRC_NQ11);
}


/* Expects an error and an output of zeros. */
static void assert_error(const nl_policy *p, const nl_candidate *c, nl_status want)
{
    nl_subsidy s;
    SCRIBBLE(s);
    assert_int_equal(nl_attraction_subsidy(p, c, &s), want);
    assert_zeroed(s);
}

/* A code of no unit: an answer, outside the province. */
static void assert_refused_outside(const nl_policy *p, const nl_candidate *c)
{
    nl_subsidy s;
    assert_int_equal(nl_attraction_subsidy(p, c, &s), NL_OK);
    assert_subsidy_refused(&s, NL_REASON_OUTSIDE_PROVINCE);
}

/* ------------------------------------------------------------ amounts */

static void lao_cai_city_and_sa_pa_town_pay_one_hundred_million(void **state)
{
    int seen = 0;
    for (size_t i = 0; i < FACT_WORKPLACE_COUNT; i++) {
        if (strcmp(fact_workplaces[i].tier, FACT_TIER_CITY_TOWN) != 0)
            continue;
        nl_candidate c = qualifying();
        c.workplace = fact_workplaces[i].code;
        nl_subsidy s = decide(*state, &c);
        assert_paid(&s, FACT_AMOUNT_CITY_TOWN);
        seen++;
    }
    assert_int_equal(seen, 2);   /* 080 and 088 */
}

static void each_district_pays_one_hundred_fifty_million(void **state)
{
    int seen = 0;
    for (size_t i = 0; i < FACT_WORKPLACE_COUNT; i++) {
        if (strcmp(fact_workplaces[i].tier, FACT_TIER_DISTRICT) != 0)
            continue;
        nl_candidate c = qualifying();
        c.workplace = fact_workplaces[i].code;
        nl_subsidy s = decide(*state, &c);
        assert_paid(&s, FACT_AMOUNT_DISTRICT);
        seen++;
    }
    assert_int_equal(seen, 7);   /* 082 .. 087 and 089 */
}

static void a_code_that_is_no_unit_of_the_province_is_outside_it(void **state)
{
    const int outside[] = {FACT_CODE_NOT_A_UNIT, 0, 999, 79, 90, 1, 100};
    for (size_t i = 0; i < sizeof outside / sizeof outside[0]; i++) {
        nl_candidate c = qualifying();
        c.workplace = outside[i];
        nl_subsidy s = decide(*state, &c);
        assert_subsidy_refused(&s, NL_REASON_OUTSIDE_PROVINCE);
    }
}

static void a_workplace_code_outside_0_to_99999_is_an_error(void **state)
{
    /* GSO codes have up to five digits (communes); 1000 and 99999 are codes
     * of no unit, answered (see a_code_that_is_no_unit...). */
    nl_candidate none = qualifying();
    none.workplace = 99999;
    assert_refused_outside(*state, &none);
    const int bad[] = {-1, 100000, INT32_MIN, INT32_MAX};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        nl_candidate c = qualifying();
        c.workplace = bad[i];
        assert_error(*state, &c, NL_EINVAL);
    }
}

/* --------------------------------------------------------- conditions */

static void a_university_degree_or_higher_qualifies(void **state)
{
    const nl_degree ok[] = {NL_DEGREE_BACHELOR, NL_DEGREE_MASTER, NL_DEGREE_DOCTOR};
    for (size_t i = 0; i < sizeof ok / sizeof ok[0]; i++) {
        nl_candidate c = qualifying();
        c.degree = ok[i];
        nl_subsidy s = decide(*state, &c);
        assert_paid(&s, FACT_AMOUNT_CITY_TOWN);
    }
}

static void a_college_degree_or_none_does_not_qualify(void **state)
{
    const nl_degree below[] = {NL_DEGREE_COLLEGE, NL_DEGREE_NONE};
    for (size_t i = 0; i < sizeof below / sizeof below[0]; i++) {
        nl_candidate c = qualifying();
        c.degree = below[i];
        nl_subsidy s = decide(*state, &c);
        assert_subsidy_refused(&s, NL_REASON_DEGREE);
    }
}

static void it_and_electronics_telecom_majors_qualify_and_others_do_not(void **state)
{
    nl_candidate c = qualifying();
    c.major = NL_MAJOR_ELECTRONICS_TELECOM;
    nl_subsidy s = decide(*state, &c);
    assert_paid(&s, FACT_AMOUNT_CITY_TOWN);
    c.major = NL_MAJOR_OTHER;
    s = decide(*state, &c);
    assert_subsidy_refused(&s, NL_REASON_MAJOR);
}

static void party_and_state_agencies_qualify_and_others_do_not(void **state)
{
    nl_candidate c = qualifying();
    c.agency = NL_AGENCY_PARTY;
    nl_subsidy s = decide(*state, &c);
    assert_paid(&s, FACT_AMOUNT_CITY_TOWN);
    c.agency = NL_AGENCY_OTHER;
    s = decide(*state, &c);
    assert_subsidy_refused(&s, NL_REASON_AGENCY);
}

static void a_post_that_is_not_dedicated_to_it_does_not_qualify(void **state)
{
    nl_candidate c = qualifying();
    c.dedicated_post = false;
    nl_subsidy s = decide(*state, &c);
    assert_subsidy_refused(&s, NL_REASON_NOT_DEDICATED);
}

static void the_first_unmet_condition_is_the_reason(void **state)
{
    /* Everything wrong, then fixed one condition at a time, in the order of
     * rules.h: in force, degree, major, agency, dedicated post, workplace. */
    nl_candidate c = {.degree = NL_DEGREE_COLLEGE, .major = NL_MAJOR_OTHER,
                      .agency = NL_AGENCY_OTHER, .dedicated_post = false,
                      .workplace = FACT_CODE_NOT_A_UNIT,
                      .start = day(FACT_NQ11_FIRST_DAY) - 1};
    nl_subsidy s = decide(*state, &c);
    assert_subsidy_refused(&s, NL_REASON_NOT_IN_FORCE);
    c.start = day("2024-09-01");
    s = decide(*state, &c);
    assert_subsidy_refused(&s, NL_REASON_DEGREE);
    c.degree = NL_DEGREE_DOCTOR;
    s = decide(*state, &c);
    assert_subsidy_refused(&s, NL_REASON_MAJOR);
    c.major = NL_MAJOR_IT;
    s = decide(*state, &c);
    assert_subsidy_refused(&s, NL_REASON_AGENCY);
    c.agency = NL_AGENCY_PARTY;
    s = decide(*state, &c);
    assert_subsidy_refused(&s, NL_REASON_NOT_DEDICATED);
    c.dedicated_post = true;
    s = decide(*state, &c);
    assert_subsidy_refused(&s, NL_REASON_OUTSIDE_PROVINCE);
    c.workplace = 89;
    s = decide(*state, &c);
    assert_paid(&s, FACT_AMOUNT_DISTRICT);
}

/* ------------------------------------------------------------- period */

/* The dated values of attraction.period: the first day in force and the day
 * it ends, as the policy holds them. */
static void period_of(const nl_policy *p, nl_date *first, nl_date *end)
{
    size_t idx;
    nl_param_info info;
    nl_param_value v;
    assert_int_equal(nl_policy_param_find(p, "attraction.period", &idx), NL_OK);
    assert_int_equal(nl_policy_param_info(p, idx, &info), NL_OK);
    assert_int_equal(info.value_count, 2);
    assert_int_equal(nl_policy_param_value(p, idx, 0, &v), NL_OK);
    assert_false(v.ends);
    *first = v.since;
    assert_int_equal(nl_policy_param_value(p, idx, 1, &v), NL_OK);
    assert_true(v.ends);
    *end = v.since;
}

static void the_period_is_2021_to_2025(void **state)
{
    nl_date first, end;
    period_of(*state, &first, &end);
    assert_int_equal(first, day(FACT_NQ11_FIRST_DAY));
    assert_int_equal(end, day(FACT_NQ11_END_DAY));
}

static void a_start_before_2021_is_not_in_force(void **state)
{
    nl_date first, end;
    period_of(*state, &first, &end);
    nl_candidate c = qualifying();
    c.start = first - 1;   /* 2020-12-31 */
    nl_subsidy s = decide(*state, &c);
    assert_subsidy_refused(&s, NL_REASON_NOT_IN_FORCE);
    assert_int_equal(s.certainty, NL_CERTAINTY_UNCONFIRMED);
    c.start = first;       /* 2021-01-01 */
    s = decide(*state, &c);
    assert_paid(&s, FACT_AMOUNT_CITY_TOWN);
}

static void a_start_after_2025_is_not_in_force(void **state)
{
    nl_date first, end;
    period_of(*state, &first, &end);
    nl_candidate c = qualifying();
    c.workplace = 82;
    c.start = end - 1;     /* 2025-12-31: the pre-2025 unit still identifies the tier */
    nl_subsidy s = decide(*state, &c);
    assert_paid(&s, FACT_AMOUNT_DISTRICT);
    c.start = end;         /* 2026-01-01 */
    s = decide(*state, &c);
    assert_subsidy_refused(&s, NL_REASON_NOT_IN_FORCE);
    assert_int_equal(s.certainty, NL_CERTAINTY_UNCONFIRMED);
    c.start = day("9999-12-31");
    s = decide(*state, &c);
    assert_subsidy_refused(&s, NL_REASON_NOT_IN_FORCE);
}

static void not_in_force_comes_before_every_other_reason(void **state)
{
    nl_candidate c = qualifying();
    c.degree = NL_DEGREE_NONE;
    c.workplace = FACT_CODE_NOT_A_UNIT;
    c.start = day(FACT_NQ11_END_DAY);
    nl_subsidy s = decide(*state, &c);
    assert_subsidy_refused(&s, NL_REASON_NOT_IN_FORCE);
}

static void an_ended_tier_amount_is_not_in_force_for_that_tier_only(void **state)
{
    nl_policy *p = *state;
    assert_int_equal(nl_policy_end(p, "attraction.amount.district", day("2024-01-01")), NL_OK);
    nl_candidate c = qualifying();
    c.workplace = 85;
    nl_subsidy s = decide(p, &c);
    assert_false(s.eligible);
    assert_int_equal(s.reason, NL_REASON_NOT_IN_FORCE);
    assert_int_equal(s.amount, 0);
    c.workplace = 88;
    s = decide(p, &c);
    assert_paid(&s, FACT_AMOUNT_CITY_TOWN);
}

/* -------------------------------------------------- source, certainty */

static void every_answer_is_unconfirmed_because_the_period_dates_are(void **state)
{
    /* §1: the amounts are "reported", the period dates "unconfirmed": the
     * weakest wins, for a yes and for a no alike. */
    nl_candidate c = qualifying();
    nl_subsidy s = decide(*state, &c);
    assert_int_equal(s.certainty, NL_CERTAINTY_UNCONFIRMED);
    c.agency = NL_AGENCY_OTHER;
    s = decide(*state, &c);
    assert_int_equal(s.certainty, NL_CERTAINTY_UNCONFIRMED);
    c = qualifying();
    c.workplace = FACT_CODE_NOT_A_UNIT;
    s = decide(*state, &c);
    assert_int_equal(s.certainty, NL_CERTAINTY_UNCONFIRMED);
}

static void the_source_cites_the_resolution_of_the_amount(void **state)
{
    nl_candidate c = qualifying();
    nl_subsidy s = decide(*state, &c);
    nl_param_value v;
    assert_int_equal(nl_policy_get_value(*state, "attraction.amount.city_town", c.start, &v),
                     NL_OK);
    assert_string_equal(s.source, v.source);
    assert_contains(s.source, FACT_SRC_NQ11);
}

static void the_reason_has_a_message_in_both_languages(void **state)
{
    nl_candidate c = qualifying();
    c.major = NL_MAJOR_OTHER;
    nl_subsidy s = decide(*state, &c);
    assert_contains(nl_reason_message(s.reason, "vi"), "công nghệ thông tin");
    assert_contains(nl_reason_message(s.reason, "en"), "information technology");
}

/* -------------------------------------------------------------- errors */

static void null_arguments_are_errors(void **state)
{
    nl_candidate c = qualifying();
    assert_error(NULL, &c, NL_EINVAL);
    assert_error(*state, NULL, NL_EINVAL);
    assert_int_equal(nl_attraction_subsidy(*state, &c, NULL), NL_EINVAL);
}

static void enum_values_out_of_range_are_errors(void **state)
{
    const int bad_degree[] = {-1, NL_DEGREE_DOCTOR + 1, 7, INT32_MIN, INT32_MAX};
    const int bad_other[] = {-1, 3, 7, INT32_MIN, INT32_MAX};   /* majors, agencies: 0..2 */
    for (size_t i = 0; i < sizeof bad_degree / sizeof bad_degree[0]; i++) {
        nl_candidate c = qualifying();
        c.degree = (nl_degree)bad_degree[i];
        assert_error(*state, &c, NL_EINVAL);
    }
    for (size_t i = 0; i < sizeof bad_other / sizeof bad_other[0]; i++) {
        nl_candidate c = qualifying();
        c.major = (nl_major)bad_other[i];
        assert_error(*state, &c, NL_EINVAL);
        c = qualifying();
        c.agency = (nl_agency)bad_other[i];
        assert_error(*state, &c, NL_EINVAL);
    }
}

static void impossible_dates_are_errors(void **state)
{
    const nl_date bad[] = {after_last_day(), before_first_day(), INT32_MAX, INT32_MIN};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        nl_candidate c = qualifying();
        c.start = bad[i];
        assert_error(*state, &c, NL_EDATE);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        TEST(lao_cai_city_and_sa_pa_town_pay_one_hundred_million),
        TEST(each_district_pays_one_hundred_fifty_million),
        TEST(a_code_that_is_no_unit_of_the_province_is_outside_it),
        TEST(a_workplace_code_outside_0_to_99999_is_an_error),
        TEST(a_university_degree_or_higher_qualifies),
        TEST(a_college_degree_or_none_does_not_qualify),
        TEST(it_and_electronics_telecom_majors_qualify_and_others_do_not),
        TEST(party_and_state_agencies_qualify_and_others_do_not),
        TEST(a_post_that_is_not_dedicated_to_it_does_not_qualify),
        TEST(the_first_unmet_condition_is_the_reason),
        TEST(the_period_is_2021_to_2025),
        TEST(a_start_before_2021_is_not_in_force),
        TEST(a_start_after_2025_is_not_in_force),
        TEST(not_in_force_comes_before_every_other_reason),
        TEST(an_ended_tier_amount_is_not_in_force_for_that_tier_only),
        TEST(every_answer_is_unconfirmed_because_the_period_dates_are),
        TEST(the_source_cites_the_resolution_of_the_amount),
        TEST(the_reason_has_a_message_in_both_languages),
        TEST(null_arguments_are_errors),
        TEST(enum_values_out_of_range_are_errors),
        TEST(impossible_dates_are_errors),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
