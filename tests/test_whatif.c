/* What-if scenarios: a clone of the policy changed through nl_policy_set /
 * nl_policy_end answers differently from the change's date on, and the
 * original is untouched. */
#include "nl_test.h"

#define WHAT_IF_SINCE "2025-01-01"
#define WHAT_IF_DISTRICT INT64_C(200000000)

static nl_candidate district_candidate(const char *start)
{
    nl_candidate c = {.degree = NL_DEGREE_BACHELOR, .major = NL_MAJOR_IT,
                      .agency = NL_AGENCY_STATE, .dedicated_post = true,
                      .workplace = 86, .start = day(start)};
    return c;
}

#define subsidy nlt_subsidy

static nl_policy *clone_of(const nl_policy *p)
{
    nl_policy *c = NULL;
    assert_int_equal(nl_policy_clone(p, &c), NL_OK);
    return c;
}

static void a_higher_district_amount_applies_from_its_date_in_the_clone_only(void **state)
{
    const nl_policy *orig = *state;
    nl_policy *what_if = clone_of(orig);
    assert_int_equal(nl_policy_set(what_if, "attraction.amount.district", day(WHAT_IF_SINCE),
                                   WHAT_IF_DISTRICT), NL_OK);

    /* The clone: the old amount the day before, the new one from the date. */
    nl_subsidy s = subsidy(what_if, district_candidate("2024-12-31"));
    assert_int_equal(s.amount, FACT_AMOUNT_DISTRICT);
    assert_int_equal(s.certainty, NL_CERTAINTY_UNCONFIRMED);
    assert_contains(s.source, FACT_SRC_NQ11);
    s = subsidy(what_if, district_candidate(WHAT_IF_SINCE));
    assert_true(s.eligible);
    assert_int_equal(s.amount, WHAT_IF_DISTRICT);
    assert_int_equal(s.certainty, NL_CERTAINTY_USER);
    assert_contains(s.source, "what-if");
    s = subsidy(what_if, district_candidate("2025-12-31"));
    assert_int_equal(s.amount, WHAT_IF_DISTRICT);

    /* City and town amounts are another parameter: unchanged. */
    nl_candidate city = district_candidate(WHAT_IF_SINCE);
    city.workplace = 88;
    s = subsidy(what_if, city);
    assert_int_equal(s.amount, FACT_AMOUNT_CITY_TOWN);

    /* The original answers as the facts say, on both dates. */
    s = subsidy(orig, district_candidate("2024-12-31"));
    assert_int_equal(s.amount, FACT_AMOUNT_DISTRICT);
    s = subsidy(orig, district_candidate(WHAT_IF_SINCE));
    assert_int_equal(s.amount, FACT_AMOUNT_DISTRICT);
    assert_int_equal(s.certainty, NL_CERTAINTY_UNCONFIRMED);
    assert_contains(s.source, FACT_SRC_NQ11);
    assert_int_equal(param(orig, "attraction.amount.district", WHAT_IF_SINCE), FACT_AMOUNT_DISTRICT);
    nl_policy_free(what_if);
}

static void extending_the_period_makes_2026_starts_eligible_in_the_clone(void **state)
{
    const nl_policy *orig = *state;
    nl_policy *what_if = clone_of(orig);
    assert_int_equal(nl_policy_set(what_if, "attraction.period", day(FACT_NQ11_END_DAY), 1), NL_OK);
    nl_subsidy s = subsidy(what_if, district_candidate(FACT_NQ11_END_DAY));
    assert_true(s.eligible);
    assert_int_equal(s.amount, FACT_AMOUNT_DISTRICT);
    assert_int_equal(s.certainty, NL_CERTAINTY_USER);
    s = subsidy(orig, district_candidate(FACT_NQ11_END_DAY));
    assert_false(s.eligible);
    assert_int_equal(s.reason, NL_REASON_NOT_IN_FORCE);
    nl_policy_free(what_if);
}

static void a_what_if_weekly_premium_changes_only_the_weekly_rate(void **state)
{
    const nl_policy *orig = *state;
    nl_policy *what_if = clone_of(orig);
    const int64_t premium_bp = 15000;   /* 1.5 instead of 1.2 */
    assert_int_equal(nl_policy_set(what_if, "expert.weekly.premium_bp", day("2020-01-01"),
                                   premium_bp), NL_OK);
    nl_expert e = {.degree = NL_DEGREE_MASTER, .experience_years = 8, .on = day("2024-01-01")};
    nl_expert_cap a, b;
    assert_int_equal(nl_expert_salary_cap(orig, &e, &a), NL_OK);
    assert_int_equal(nl_expert_salary_cap(what_if, &e, &b), NL_OK);
    assert_int_equal(a.weekly, fact_weekly(fact_tt02_cap[1]));
    assert_int_equal(b.weekly,
                     fact_tt02_cap[1] * FACT_WEEK_MONTHS * premium_bp / (FACT_WEEK_WEEKS * 10000));
    assert_int_equal(b.monthly, a.monthly);
    assert_int_equal(b.daily, a.daily);
    assert_int_equal(a.certainty, NL_CERTAINTY_CONFIRMED);
    assert_int_equal(b.certainty, NL_CERTAINTY_USER);
    nl_policy_free(what_if);
}

static void ending_a_level_cap_leaves_that_level_without_a_cap(void **state)
{
    nl_policy *what_if = clone_of(*state);
    assert_int_equal(nl_policy_end(what_if, "expert.cap.level2", day("2025-01-01")), NL_OK);
    nl_expert e = {.degree = NL_DEGREE_BACHELOR, .experience_years = 12, .on = day("2025-01-01")};
    nl_expert_cap r;
    assert_int_equal(nl_expert_salary_cap(what_if, &e, &r), NL_OK);
    assert_int_equal(r.level, 0);
    assert_int_equal(r.reason, NL_REASON_NOT_IN_FORCE);
    assert_int_equal(r.monthly, 0);
    /* Level 1 is still capped; level 2 returns with TT 004/2025. */
    e.experience_years = 15;
    assert_int_equal(nl_expert_salary_cap(what_if, &e, &r), NL_OK);
    assert_int_equal(r.monthly, fact_tt02_cap[1]);
    e.experience_years = 12;
    e.on = day(FACT_TT004_FIRST_DAY);
    assert_int_equal(nl_expert_salary_cap(what_if, &e, &r), NL_OK);
    assert_int_equal(r.monthly, fact_tt004_cap[2]);
    nl_policy_free(what_if);
}

static void many_changes_to_one_parameter_stay_in_date_order(void **state)
{
    nl_policy *what_if = clone_of(*state);
    /* One change a month over ten years, written newest first. */
    nl_date base = day("2030-01-01");
    const int n = 120;
    for (int i = n - 1; i >= 0; i--)
        assert_int_equal(nl_policy_set(what_if, "training.travel.cap_per_course",
                                       base + 31 * i, 1000 * (i + 1)), NL_OK);
    for (int i = 0; i < n; i++) {
        int64_t v;
        assert_int_equal(nl_policy_get(what_if, "training.travel.cap_per_course",
                                       base + 31 * i + 30, &v), NL_OK);
        assert_int_equal(v, 1000 * (i + 1));
    }
    size_t idx;
    nl_param_info info;
    assert_int_equal(nl_policy_param_find(what_if, "training.travel.cap_per_course", &idx), NL_OK);
    assert_int_equal(nl_policy_param_info(what_if, idx, &info), NL_OK);
    assert_int_equal(info.value_count, (size_t)n + 1);
    /* A clone of a changed policy carries the changes. */
    nl_policy *again = clone_of(what_if);
    nl_policy_free(what_if);
    assert_int_equal(param(again, "training.travel.cap_per_course", "2030-01-01"), 1000);
    nl_policy_free(again);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        TEST(a_higher_district_amount_applies_from_its_date_in_the_clone_only),
        TEST(extending_the_period_makes_2026_starts_eligible_in_the_clone),
        TEST(a_what_if_weekly_premium_changes_only_the_weekly_rate),
        TEST(ending_a_level_cap_leaves_that_level_without_a_cap),
        TEST(many_changes_to_one_parameter_stay_in_date_order),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
