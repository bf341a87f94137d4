/* Rule 2: salary caps of hired IT experts (docs/law/3-expert-caps.md). */
#include "nl_test.h"

static nl_expert expert(nl_degree degree, double years, nl_role role, const char *on)
{
    nl_expert e = {.degree = degree, .experience_years = years, .role = role,
                   .special_expertise = false, .on = day(on)};
    return e;
}

static nl_expert_cap decide(const nl_policy *p, const nl_expert *e)
{
    nl_expert_cap r;
    SCRIBBLE(r);
    assert_int_equal(nl_expert_salary_cap(p, e, &r), NL_OK);
    return r;
}

/* The caps of `level` under the table whose monthly caps are `caps`. */
static void assert_level(const nl_expert_cap *r, int level, const int64_t caps[5])
{
    if (r->level != level)
        fail_msg("level %d, expected %d", r->level, level);
    assert_int_equal(r->reason, NL_REASON_OK);
    assert_int_equal(r->monthly, caps[level]);
    assert_int_equal(r->weekly, fact_weekly(caps[level]));
    assert_int_equal(r->daily, fact_daily(caps[level]));
    assert_int_equal(r->special_monthly, fact_special(caps[level]));
}

static void assert_no_level(const nl_expert_cap *r, nl_reason reason)
{
    assert_int_equal(r->level, 0);
    assert_int_equal(r->reason, reason);
    assert_int_equal(r->monthly, 0);
    assert_int_equal(r->weekly, 0);
    assert_int_equal(r->daily, 0);
    assert_int_equal(r->special_monthly, 0);
    assert_non_null(r->source);
}

static void assert_error(const nl_policy *p, const nl_expert *e, nl_status want)
{
    nl_expert_cap r;
    SCRIBBLE(r);
    assert_int_equal(nl_expert_salary_cap(p, e, &r), want);
    assert_zeroed(r);
}

/* Years just below and at each threshold give the level of §3's table, under
 * both circulars. `years[l]` is the threshold of level l (1..3). */
static void check_thresholds(const nl_policy *p, nl_degree degree, const int years[4])
{
    static const struct { const char *on; const int64_t *caps; } tables[] = {
        {FACT_TT02_LAST_DAY, fact_tt02_cap},
        {FACT_TT004_FIRST_DAY, fact_tt004_cap},
    };
    for (size_t t = 0; t < 2; t++) {
        nl_expert e = expert(degree, 0, NL_ROLE_MEMBER, tables[t].on);
        nl_expert_cap r = decide(p, &e);
        assert_level(&r, 4, tables[t].caps);
        for (int l = 3; l >= 1; l--) {
            e.experience_years = years[l] - 0.01;     /* e.g. 4.99 */
            r = decide(p, &e);
            assert_level(&r, l + 1, tables[t].caps);
            e.experience_years = years[l];            /* e.g. 5 */
            r = decide(p, &e);
            assert_level(&r, l, tables[t].caps);
        }
        e.experience_years = 40;
        r = decide(p, &e);
        assert_level(&r, 1, tables[t].caps);
    }
}

/* ---------------------------------------------------------- experience */

static void a_bachelor_reaches_levels_at_5_10_and_15_years(void **state)
{
    check_thresholds(*state, NL_DEGREE_BACHELOR, fact_years_bachelor);
}

static void a_master_reaches_levels_at_3_5_and_8_years(void **state)
{
    check_thresholds(*state, NL_DEGREE_MASTER, fact_years_master);
}

static void a_doctor_uses_the_thresholds_of_a_master(void **state)
{
    check_thresholds(*state, NL_DEGREE_DOCTOR, fact_years_master);
}

static void the_year_thresholds_are_5_10_15_and_3_5_8(void **state)
{
    /* The policy's own threshold parameters are the facts, under both
     * circulars ... */
    const nl_policy *p = *state;
    static const char *const days[] = {FACT_TT02_FIRST_DAY, FACT_TT02_LAST_DAY,
                                       FACT_TT004_FIRST_DAY};
    for (size_t i = 0; i < sizeof days / sizeof days[0]; i++) {
        nl_date on;
        assert_int_equal(nl_date_parse(days[i], &on), NL_OK);
        for (int level = 1; level <= 3; level++) {
            char key[64];
            int64_t v = -1;
            snprintf(key, sizeof key, "expert.years.bachelor.level%d", level);
            assert_int_equal(nl_policy_get(p, key, on, &v), NL_OK);
            assert_true(v == fact_years_bachelor[level]);
            snprintf(key, sizeof key, "expert.years.master.level%d", level);
            assert_int_equal(nl_policy_get(p, key, on, &v), NL_OK);
            assert_true(v == fact_years_master[level]);
        }
    }
    /* ... which are, spelt out as the tests above derive them: bachelor 4.99 /
     * 5 / 9.99 / 10 / 14.99 / 15 and master 2.99 / 3 / 4.99 / 5 / 7.99 / 8. */
    assert_int_equal(fact_years_bachelor[3], 5);
    assert_int_equal(fact_years_bachelor[2], 10);
    assert_int_equal(fact_years_bachelor[1], 15);
    assert_int_equal(fact_years_master[3], 3);
    assert_int_equal(fact_years_master[2], 5);
    assert_int_equal(fact_years_master[1], 8);
}

static void thresholds_come_from_the_policy(void **state)
{
    const nl_policy *p = *state;
    for (int l = 1; l <= 3; l++) {
        char key[40];
        snprintf(key, sizeof key, "expert.years.bachelor.level%d", l);
        assert_int_equal(param(p, key, FACT_TT02_FIRST_DAY), fact_years_bachelor[l]);
        assert_int_equal(param(p, key, FACT_TT004_FIRST_DAY), fact_years_bachelor[l]);
        snprintf(key, sizeof key, "expert.years.master.level%d", l);
        assert_int_equal(param(p, key, FACT_TT02_FIRST_DAY), fact_years_master[l]);
        assert_int_equal(param(p, key, FACT_TT004_FIRST_DAY), fact_years_master[l]);
    }
}

/* --------------------------------------------------------------- roles */

static void a_team_leader_is_level_one_even_without_experience(void **state)
{
    nl_expert e = expert(NL_DEGREE_BACHELOR, 0, NL_ROLE_TEAM_LEADER, "2024-01-01");
    nl_expert_cap r = decide(*state, &e);
    assert_level(&r, 1, fact_tt02_cap);
}

static void an_item_lead_is_at_least_level_two(void **state)
{
    nl_expert e = expert(NL_DEGREE_BACHELOR, 0, NL_ROLE_ITEM_LEAD, "2024-01-01");
    nl_expert_cap r = decide(*state, &e);
    assert_level(&r, 2, fact_tt02_cap);
    e.experience_years = fact_years_bachelor[2] + 2;   /* 12 years: level 2 either way */
    r = decide(*state, &e);
    assert_level(&r, 2, fact_tt02_cap);
}

static void an_item_lead_with_twenty_years_is_level_one(void **state)
{
    nl_expert e = expert(NL_DEGREE_BACHELOR, 20, NL_ROLE_ITEM_LEAD, "2024-01-01");
    nl_expert_cap r = decide(*state, &e);
    assert_level(&r, 1, fact_tt02_cap);
    e = expert(NL_DEGREE_MASTER, fact_years_master[1], NL_ROLE_ITEM_LEAD, FACT_TT004_FIRST_DAY);
    r = decide(*state, &e);
    assert_level(&r, 1, fact_tt004_cap);
}

static void a_role_does_not_replace_a_university_degree(void **state)
{
    nl_expert e = expert(NL_DEGREE_COLLEGE, 30, NL_ROLE_TEAM_LEADER, "2024-01-01");
    nl_expert_cap r = decide(*state, &e);
    assert_no_level(&r, NL_REASON_DEGREE);
}

/* -------------------------------------------------------------- degree */

static void below_a_university_degree_the_table_does_not_apply(void **state)
{
    const nl_degree below[] = {NL_DEGREE_NONE, NL_DEGREE_COLLEGE};
    for (size_t i = 0; i < 2; i++) {
        nl_expert e = expert(below[i], 20, NL_ROLE_MEMBER, "2024-01-01");
        nl_expert_cap r = decide(*state, &e);
        assert_no_level(&r, NL_REASON_DEGREE);
        assert_contains(r.source, FACT_SRC_TT02);
        assert_int_equal(r.certainty, NL_CERTAINTY_CONFIRMED);
    }
}

/* ---------------------------------------------------------------- dates */

static void before_march_2015_no_table_is_in_force(void **state)
{
    nl_expert e = expert(NL_DEGREE_MASTER, 10, NL_ROLE_MEMBER, "2015-02-28");
    assert_int_equal(e.on, day(FACT_TT02_FIRST_DAY) - 1);
    nl_expert_cap r = decide(*state, &e);
    assert_no_level(&r, NL_REASON_NOT_IN_FORCE);
    assert_contains(r.source, FACT_SRC_TT02);   /* the text that says when it starts */
    e.on = day(FACT_TT02_FIRST_DAY);
    r = decide(*state, &e);
    assert_level(&r, 1, fact_tt02_cap);
}

static void the_caps_rise_on_1_july_2025(void **state)
{
    /* 40/30/20/15 million until 2025-06-30, 70/55/40/30 million from
     * 2025-07-01: one expert per level, either side of the date. */
    const nl_expert at_level[5] = {
        {0},
        expert(NL_DEGREE_BACHELOR, fact_years_bachelor[1], NL_ROLE_MEMBER, FACT_TT02_LAST_DAY),
        expert(NL_DEGREE_BACHELOR, fact_years_bachelor[2], NL_ROLE_MEMBER, FACT_TT02_LAST_DAY),
        expert(NL_DEGREE_BACHELOR, fact_years_bachelor[3], NL_ROLE_MEMBER, FACT_TT02_LAST_DAY),
        expert(NL_DEGREE_BACHELOR, 0, NL_ROLE_MEMBER, FACT_TT02_LAST_DAY),
    };
    for (int l = 1; l <= 4; l++) {
        nl_expert e = at_level[l];
        nl_expert_cap r = decide(*state, &e);
        assert_level(&r, l, fact_tt02_cap);
        assert_contains(r.source, FACT_SRC_TT02);
        e.on = day(FACT_TT004_FIRST_DAY);
        r = decide(*state, &e);
        assert_level(&r, l, fact_tt004_cap);
        assert_contains(r.source, FACT_SRC_TT004);
    }
}

/* ------------------------------------------------------------- amounts */

static void weekly_and_daily_rates_round_down_to_the_dong(void **state)
{
    /* §3 worked by hand: 40,000,000 × 12 / 52 × 1.2 = 11,076,923.07...,
     * 40,000,000 / 26 × 1.3 = 2,000,000 exactly. */
    const int64_t worked_weekly = 11076923, worked_daily = 2000000;
    assert_int_equal(fact_weekly(fact_tt02_cap[1]), worked_weekly);
    assert_int_equal(fact_daily(fact_tt02_cap[1]), worked_daily);
    nl_expert e = expert(NL_DEGREE_BACHELOR, 15, NL_ROLE_MEMBER, "2024-01-01");
    nl_expert_cap r = decide(*state, &e);
    assert_int_equal(r.weekly, worked_weekly);
    assert_int_equal(r.daily, worked_daily);
    /* 15,000,000 × 144 / 520 = 4,153,846.15...: the fraction is dropped. */
    e.experience_years = 0;
    r = decide(*state, &e);
    assert_int_equal(r.weekly, fact_weekly(fact_tt02_cap[4]));
    assert_true(r.weekly * FACT_WEEK_WEEKS * FACT_WEEK_PREMIUM_DEN <=
                fact_tt02_cap[4] * FACT_WEEK_MONTHS * FACT_WEEK_PREMIUM_NUM);
}

static void special_expertise_allows_one_and_a_half_times_the_cap(void **state)
{
    nl_expert e = expert(NL_DEGREE_MASTER, 8, NL_ROLE_MEMBER, FACT_TT004_FIRST_DAY);
    nl_expert_cap plain = decide(*state, &e);
    assert_int_equal(plain.special_monthly, FACT_TT004_SPECIAL_LEVEL1);
    /* The flag is informational: the ceiling is always given. */
    e.special_expertise = true;
    nl_expert_cap special = decide(*state, &e);
    assert_memory_equal(&plain, &special, sizeof plain);
}

/* ---------------------------------------------------- source, certainty */

static void answers_before_july_2025_are_confirmed(void **state)
{
    nl_expert e = expert(NL_DEGREE_BACHELOR, 7, NL_ROLE_MEMBER, FACT_TT02_LAST_DAY);
    nl_expert_cap r = decide(*state, &e);
    assert_int_equal(r.certainty, NL_CERTAINTY_CONFIRMED);
    e.on = day(FACT_TT02_FIRST_DAY);
    r = decide(*state, &e);
    assert_int_equal(r.certainty, NL_CERTAINTY_CONFIRMED);
    assert_int_equal(r.monthly_certainty, NL_CERTAINTY_CONFIRMED);
}

static void answers_under_circular_004_2025_are_unconfirmed_but_their_caps_confirmed(void **state)
{
    /* §3: TT 004/2025's caps are confirmed, its week/day conversions not,
     * and every answer gives weekly and daily rates. */
    nl_expert e = expert(NL_DEGREE_BACHELOR, 7, NL_ROLE_MEMBER, FACT_TT004_FIRST_DAY);
    nl_expert_cap r = decide(*state, &e);
    assert_int_equal(r.certainty, NL_CERTAINTY_UNCONFIRMED);
    /* ... while level, monthly and special rest on confirmed values only. */
    assert_int_equal(r.monthly_certainty, NL_CERTAINTY_CONFIRMED);
    assert_contains(r.source, FACT_SRC_TT004);
    nl_param_value cap;
    assert_int_equal(nl_policy_get_value(*state, "expert.cap.level3", e.on, &cap), NL_OK);
    assert_int_equal(cap.certainty, NL_CERTAINTY_CONFIRMED);
}

static void a_what_if_cap_shows_in_the_monthly_certainty(void **state)
{
    nl_policy *p = *state;
    nl_expert e = expert(NL_DEGREE_BACHELOR, 7, NL_ROLE_MEMBER, "2024-01-01");
    assert_int_equal(nl_policy_set(p, "expert.cap.level3", day("2024-01-01"),
                                   fact_tt02_cap[3] * 11 / 10), NL_OK);
    nl_expert_cap r = decide(p, &e);
    assert_int_equal(r.monthly, fact_tt02_cap[3] * 11 / 10);
    assert_int_equal(r.monthly_certainty, NL_CERTAINTY_USER);
    assert_int_equal(r.certainty, NL_CERTAINTY_USER);
}

/* -------------------------------------------------------------- errors */

static void null_arguments_are_errors(void **state)
{
    nl_expert e = expert(NL_DEGREE_BACHELOR, 7, NL_ROLE_MEMBER, "2024-01-01");
    assert_error(NULL, &e, NL_EINVAL);
    assert_error(*state, NULL, NL_EINVAL);
    assert_int_equal(nl_expert_salary_cap(*state, &e, NULL), NL_EINVAL);
}

static void enum_values_out_of_range_are_errors(void **state)
{
    const int bad_degree[] = {-1, NL_DEGREE_DOCTOR + 1, 7, INT32_MIN, INT32_MAX};
    const int bad_role[] = {-1, NL_ROLE_TEAM_LEADER + 1, 7, INT32_MIN, INT32_MAX};
    for (size_t i = 0; i < 5; i++) {
        nl_expert e = expert(NL_DEGREE_BACHELOR, 7, NL_ROLE_MEMBER, "2024-01-01");
        e.degree = (nl_degree)bad_degree[i];
        assert_error(*state, &e, NL_EINVAL);
        e = expert(NL_DEGREE_BACHELOR, 7, NL_ROLE_MEMBER, "2024-01-01");
        e.role = (nl_role)bad_role[i];
        assert_error(*state, &e, NL_EINVAL);
    }
}

static void experience_must_be_a_finite_non_negative_number(void **state)
{
    const double bad[] = {NAN, -NAN, INFINITY, -INFINITY, -0.01, -1, -1e300};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        nl_expert e = expert(NL_DEGREE_BACHELOR, bad[i], NL_ROLE_MEMBER, "2024-01-01");
        assert_error(*state, &e, NL_EINVAL);
    }
    /* Large but finite is fine; so is zero, with either sign. */
    nl_expert e = expert(NL_DEGREE_BACHELOR, 1e300, NL_ROLE_MEMBER, "2024-01-01");
    nl_expert_cap r = decide(*state, &e);
    assert_level(&r, 1, fact_tt02_cap);
    e.experience_years = -0.0;
    r = decide(*state, &e);
    assert_level(&r, 4, fact_tt02_cap);
}

static void impossible_dates_are_errors(void **state)
{
    const nl_date bad[] = {after_last_day(), before_first_day(), INT32_MAX, INT32_MIN};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        nl_expert e = expert(NL_DEGREE_BACHELOR, 7, NL_ROLE_MEMBER, "2024-01-01");
        e.on = bad[i];
        assert_error(*state, &e, NL_EDATE);
    }
}

static void a_cap_too_large_to_convert_is_a_range_error(void **state)
{
    nl_policy *p = *state;
    assert_int_equal(nl_policy_set(p, "expert.cap.level1", day("2030-01-01"), INT64_MAX), NL_OK);
    nl_expert e = expert(NL_DEGREE_BACHELOR, 0, NL_ROLE_TEAM_LEADER, "2030-01-01");
    assert_error(p, &e, NL_ERANGE);
    /* The day before, the circular's cap still applies. */
    e.on = day("2029-12-31");
    nl_expert_cap r = decide(p, &e);
    assert_level(&r, 1, fact_tt004_cap);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        TEST(a_bachelor_reaches_levels_at_5_10_and_15_years),
        TEST(a_master_reaches_levels_at_3_5_and_8_years),
        TEST(a_doctor_uses_the_thresholds_of_a_master),
        TEST(the_year_thresholds_are_5_10_15_and_3_5_8),
        TEST(thresholds_come_from_the_policy),
        TEST(a_team_leader_is_level_one_even_without_experience),
        TEST(an_item_lead_is_at_least_level_two),
        TEST(an_item_lead_with_twenty_years_is_level_one),
        TEST(a_role_does_not_replace_a_university_degree),
        TEST(below_a_university_degree_the_table_does_not_apply),
        TEST(before_march_2015_no_table_is_in_force),
        TEST(the_caps_rise_on_1_july_2025),
        TEST(weekly_and_daily_rates_round_down_to_the_dong),
        TEST(special_expertise_allows_one_and_a_half_times_the_cap),
        TEST(answers_before_july_2025_are_confirmed),
        TEST(answers_under_circular_004_2025_are_unconfirmed_but_their_caps_confirmed),
        TEST(a_what_if_cap_shows_in_the_monthly_certainty),
        TEST(null_arguments_are_errors),
        TEST(enum_values_out_of_range_are_errors),
        TEST(experience_must_be_a_finite_non_negative_number),
        TEST(impossible_dates_are_errors),
        TEST(a_cap_too_large_to_convert_is_a_range_error),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
