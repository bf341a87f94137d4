/* Rule 3: training-cost support for IT officials (docs/law/2-training.md). */
#include "nl_test.h"

#define CLAIM_DAY "2024-10-07"

/* The placeholder caps (§2: "unconfirmed"), as the policy holds them. */
static int64_t meal_cap_per_day(const nl_policy *p)
{
    return param(p, "training.meals.cap_per_day", CLAIM_DAY);
}

static int64_t travel_cap(const nl_policy *p)
{
    return param(p, "training.travel.cap_per_course", CLAIM_DAY);
}

/* A dedicated official on a five-day short concentrated course, claiming
 * meals and travel under their caps. */
static nl_training claim(const nl_policy *p)
{
    nl_training t = {
        .dedicated_official = true,
        .short_concentrated = true,
        .tuition = 6000000,
        .materials = 450000,
        .days = 5,
        .start = day(CLAIM_DAY),
    };
    /* Just under the meal cap; a what-if cap too large to multiply leaves
     * the claim to the test that set it. */
    int64_t cap = meal_cap_per_day(p);
    t.meals = cap <= INT64_MAX / t.days ? cap * t.days - 1 : 0;
    t.travel = travel_cap(p) / 2;
    return t;
}

static nl_training_result decide(const nl_policy *p, const nl_training *t)
{
    nl_training_result r;
    SCRIBBLE(r);
    assert_int_equal(nl_training_support(p, t, &r), NL_OK);
    return r;
}

static void assert_total_is_the_sum(const nl_training_result *r)
{
    assert_int_equal(r->total, r->tuition + r->materials + r->meals + r->travel);
}

static void assert_refused(const nl_training_result *r, nl_reason reason)
{
    assert_false(r->eligible);
    assert_int_equal(r->reason, reason);
    assert_int_equal(r->tuition, 0);
    assert_int_equal(r->materials, 0);
    assert_int_equal(r->meals, 0);
    assert_int_equal(r->travel, 0);
    assert_int_equal(r->total, 0);
    assert_contains(r->source, FACT_SRC_NQ11);   /* NQ 11/2020, as the subsidy */
}

static void assert_error(const nl_policy *p, const nl_training *t, nl_status want)
{
    nl_training_result r;
    SCRIBBLE(r);
    assert_int_equal(nl_training_support(p, t, &r), want);
    assert_zeroed(r);
}

/* ------------------------------------------------------------- amounts */

static void tuition_and_materials_are_paid_in_full_with_meals_and_travel(void **state)
{
    nl_training t = claim(*state);
    nl_training_result r = decide(*state, &t);
    assert_true(r.eligible);
    assert_int_equal(r.reason, NL_REASON_OK);
    assert_int_equal(r.tuition, t.tuition * FACT_TUITION_SHARE_PERCENT / 100);
    assert_int_equal(r.materials, t.materials * FACT_MATERIALS_SHARE_PERCENT / 100);
    assert_int_equal(r.meals, t.meals);
    assert_int_equal(r.travel, t.travel);
    assert_total_is_the_sum(&r);
    assert_contains(r.source, FACT_SRC_NQ11);
}

static void meals_are_capped_at_the_daily_cap_times_the_days(void **state)
{
    nl_training t = claim(*state);
    int64_t cap = meal_cap_per_day(*state) * t.days;
    t.meals = cap;
    nl_training_result r = decide(*state, &t);
    assert_int_equal(r.meals, cap);
    t.meals = cap + 1;
    r = decide(*state, &t);
    assert_int_equal(r.meals, cap);
    t.meals = 3 * cap;
    r = decide(*state, &t);
    assert_int_equal(r.meals, cap);
    assert_total_is_the_sum(&r);
    /* A longer course raises the cap. */
    t.days = 15;
    r = decide(*state, &t);
    assert_int_equal(r.meals, 3 * cap);
}

static void travel_is_capped_once_per_course(void **state)
{
    nl_training t = claim(*state);
    int64_t cap = travel_cap(*state);
    t.travel = cap;
    nl_training_result r = decide(*state, &t);
    assert_int_equal(r.travel, cap);
    t.travel = cap + 1;
    t.days = 20;   /* not per day */
    r = decide(*state, &t);
    assert_int_equal(r.travel, cap);
    assert_total_is_the_sum(&r);
}

static void nothing_claimed_is_nothing_paid(void **state)
{
    nl_training t = claim(*state);
    t.tuition = t.materials = t.meals = t.travel = 0;
    nl_training_result r = decide(*state, &t);
    assert_true(r.eligible);
    assert_int_equal(r.total, 0);
}

static void the_largest_single_amount_is_paid_without_overflow(void **state)
{
    nl_training t = claim(*state);
    t.tuition = INT64_MAX;
    t.materials = t.meals = t.travel = 0;
    nl_training_result r = decide(*state, &t);
    assert_int_equal(r.tuition, INT64_MAX);
    assert_int_equal(r.total, INT64_MAX);
}

/* ---------------------------------------------------------- conditions */

static void an_official_not_dedicated_to_it_gets_nothing(void **state)
{
    nl_training t = claim(*state);
    t.dedicated_official = false;
    nl_training_result r = decide(*state, &t);
    assert_refused(&r, NL_REASON_NOT_DEDICATED);
}

static void a_course_that_is_not_short_and_concentrated_gets_nothing(void **state)
{
    nl_training t = claim(*state);
    t.short_concentrated = false;
    nl_training_result r = decide(*state, &t);
    assert_refused(&r, NL_REASON_COURSE_KIND);
    t.dedicated_official = false;   /* the person is checked first */
    r = decide(*state, &t);
    assert_refused(&r, NL_REASON_NOT_DEDICATED);
}

static void courses_outside_2021_to_2025_are_not_in_force(void **state)
{
    nl_training t = claim(*state);
    t.start = day(FACT_NQ11_FIRST_DAY) - 1;   /* same resolution, same period */
    nl_training_result r = decide(*state, &t);
    assert_refused(&r, NL_REASON_NOT_IN_FORCE);
    t.start = day(FACT_NQ11_FIRST_DAY);
    r = decide(*state, &t);
    assert_true(r.eligible);
    t.start = day(FACT_NQ11_END_DAY) - 1;
    r = decide(*state, &t);
    assert_true(r.eligible);
    t.start = day(FACT_NQ11_END_DAY);
    r = decide(*state, &t);
    assert_refused(&r, NL_REASON_NOT_IN_FORCE);
    /* Not in force comes before the other conditions. */
    t.dedicated_official = false;
    r = decide(*state, &t);
    assert_refused(&r, NL_REASON_NOT_IN_FORCE);
}

/* --------------------------------------------------------- certainty */

static void every_answer_is_unconfirmed_while_the_caps_are(void **state)
{
    nl_training t = claim(*state);
    nl_training_result r = decide(*state, &t);
    assert_int_equal(r.certainty, NL_CERTAINTY_UNCONFIRMED);
    t.short_concentrated = false;
    r = decide(*state, &t);
    assert_int_equal(r.certainty, NL_CERTAINTY_UNCONFIRMED);
}

/* -------------------------------------------------------------- what-if */

static void a_lower_tuition_share_rounds_down(void **state)
{
    nl_policy *p = *state;
    const int64_t half_bp = 5000;   /* 50 % in basis points */
    assert_int_equal(nl_policy_set(p, "training.tuition.share_bp", day("2024-01-01"), half_bp),
                     NL_OK);
    nl_training t = claim(p);
    t.tuition = 1000001;
    nl_training_result r = decide(p, &t);
    assert_int_equal(r.tuition, 500000);
    assert_int_equal(r.materials, t.materials);
    assert_int_equal(r.certainty, NL_CERTAINTY_USER);
}

static void a_cap_too_large_to_multiply_caps_nothing(void **state)
{
    nl_policy *p = *state;
    assert_int_equal(nl_policy_set(p, "training.meals.cap_per_day", day("2024-01-01"), INT64_MAX),
                     NL_OK);
    nl_training t = claim(p);
    t.days = 2;
    t.meals = INT64_MAX / 4;
    nl_training_result r = decide(p, &t);
    assert_int_equal(r.meals, t.meals);
}

/* -------------------------------------------------------------- errors */

static void sums_past_int64_are_range_errors(void **state)
{
    nl_training t = claim(*state);
    t.tuition = INT64_MAX;
    t.materials = 1;
    assert_error(*state, &t, NL_ERANGE);
    t = claim(*state);
    t.tuition = INT64_MAX - 1;
    t.materials = 0;
    t.meals = 0;
    t.travel = 2;
    assert_error(*state, &t, NL_ERANGE);
    t = claim(*state);
    t.tuition = INT64_MAX / 2 + 1;
    t.materials = INT64_MAX / 2 + 1;
    assert_error(*state, &t, NL_ERANGE);
}

static void course_days_must_be_at_least_one(void **state)
{
    const int32_t bad[] = {0, -1, INT32_MIN};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        nl_training t = claim(*state);
        t.days = bad[i];
        assert_error(*state, &t, NL_EINVAL);
    }
    nl_training t = claim(*state);
    t.days = 1;
    nl_training_result r = decide(*state, &t);
    assert_int_equal(r.meals, meal_cap_per_day(*state));   /* claim was for 5 days */
}

static void negative_money_is_an_error(void **state)
{
    for (int field = 0; field < 4; field++) {
        nl_training t = claim(*state);
        int64_t *money[4] = {&t.tuition, &t.materials, &t.meals, &t.travel};
        *money[field] = -1;
        assert_error(*state, &t, NL_EINVAL);
        *money[field] = INT64_MIN;
        assert_error(*state, &t, NL_EINVAL);
    }
}

static void null_arguments_are_errors(void **state)
{
    nl_training t = claim(*state);
    assert_error(NULL, &t, NL_EINVAL);
    assert_error(*state, NULL, NL_EINVAL);
    assert_int_equal(nl_training_support(*state, &t, NULL), NL_EINVAL);
}

static void impossible_dates_are_errors(void **state)
{
    const nl_date bad[] = {after_last_day(), before_first_day(), INT32_MAX, INT32_MIN};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        nl_training t = claim(*state);
        t.start = bad[i];
        assert_error(*state, &t, NL_EDATE);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        TEST(tuition_and_materials_are_paid_in_full_with_meals_and_travel),
        TEST(meals_are_capped_at_the_daily_cap_times_the_days),
        TEST(travel_is_capped_once_per_course),
        TEST(nothing_claimed_is_nothing_paid),
        TEST(the_largest_single_amount_is_paid_without_overflow),
        TEST(an_official_not_dedicated_to_it_gets_nothing),
        TEST(a_course_that_is_not_short_and_concentrated_gets_nothing),
        TEST(courses_outside_2021_to_2025_are_not_in_force),
        TEST(every_answer_is_unconfirmed_while_the_caps_are),
        TEST(a_lower_tuition_share_rounds_down),
        TEST(a_cap_too_large_to_multiply_caps_nothing),
        TEST(sums_past_int64_are_range_errors),
        TEST(course_days_must_be_at_least_one),
        TEST(negative_money_is_an_error),
        TEST(null_arguments_are_errors),
        TEST(impossible_dates_are_errors),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
