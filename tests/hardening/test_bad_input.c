/* The bad input matrix: every class of bad argument to the rule, policy and
 * date functions gives its documented status (docs/hardening.md, "Bad input
 * classes") and leaves the output all zeros: no partial answer, no amount.
 * Each test says which rows of that table it checks ("Rows: ..."), by the
 * row ids the Python and PHP tests use too; the document rows
 * (malformed-document, document-too-large, unreadable-path) are in
 * test_bad_policy.c. tests/python/test_bad_input_matrix.py checks that every
 * C row is named.
 *
 * Every output struct is filled with 0xA5 bytes before each call, so a field
 * the function forgot to clear shows up. */
#include <float.h>
#include <limits.h>
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "hardening.h"
#include "../nl_test.h"   /* SCRIBBLE, assert_zeroed, the facts */

static nl_policy *policy;

static int setup(void **state)
{
    (void)state;
    return nl_policy_default(&policy) == NL_OK ? 0 : -1;
}

static int teardown(void **state)
{
    (void)state;
    nl_policy_free(policy);
    return 0;
}


/* Dates just inside and just outside 0001-01-01 .. 9999-12-31. */
#define DATE_MIN (-719162)
#define DATE_MAX 2932896

static const nl_date bad_dates[] = {DATE_MIN - 1, DATE_MAX + 1, INT32_MIN, INT32_MAX};
static const int bad_enum[] = {-1, INT_MIN, INT_MAX};

/* A candidate that qualifies (Bát Xát, 2023): each test spoils one field. */
static nl_candidate good_candidate(void)
{
    nl_candidate c = {NL_DEGREE_BACHELOR, NL_MAJOR_IT, NL_AGENCY_STATE, true, 82,
                      nlh_date(2023, 5, 1)};
    return c;
}

static nl_expert good_expert(void)
{
    nl_expert e = {NL_DEGREE_MASTER, 6.0, NL_ROLE_MEMBER, false, nlh_date(2024, 1, 1)};
    return e;
}

static nl_training good_training(void)
{
    nl_training t = {true, true, 3000000, 200000, 500000, 300000, 5, nlh_date(2023, 3, 1)};
    return t;
}

static nl_status subsidy(const nl_policy *p, const nl_candidate *c)
{
    nl_subsidy r;
    SCRIBBLE(r);
    nl_status s = nl_attraction_subsidy(p, c, &r);
    if (s != NL_OK)
        assert_zeroed(r);
    return s;
}

static nl_status cap(const nl_policy *p, const nl_expert *e)
{
    nl_expert_cap r;
    SCRIBBLE(r);
    nl_status s = nl_expert_salary_cap(p, e, &r);
    if (s != NL_OK)
        assert_zeroed(r);
    return s;
}

static nl_status support(const nl_policy *p, const nl_training *t)
{
    nl_training_result r;
    SCRIBBLE(r);
    nl_status s = nl_training_support(p, t, &r);
    if (s != NL_OK)
        assert_zeroed(r);
    return s;
}

/* --------------------------------------------------- NULL for each pointer */

/* Rows: null-pointer */
static void null_pointers_are_invalid_for_every_rule(void **state)
{
    (void)state;
    nl_candidate c = good_candidate();
    nl_expert e = good_expert();
    nl_training t = good_training();
    assert_int_equal(subsidy(policy, &c), NL_OK);
    assert_int_equal(cap(policy, &e), NL_OK);
    assert_int_equal(support(policy, &t), NL_OK);

    assert_int_equal(subsidy(NULL, &c), NL_EINVAL);
    assert_int_equal(subsidy(policy, NULL), NL_EINVAL);
    assert_int_equal(nl_attraction_subsidy(policy, &c, NULL), NL_EINVAL);
    assert_int_equal(cap(NULL, &e), NL_EINVAL);
    assert_int_equal(cap(policy, NULL), NL_EINVAL);
    assert_int_equal(nl_expert_salary_cap(policy, &e, NULL), NL_EINVAL);
    assert_int_equal(support(NULL, &t), NL_EINVAL);
    assert_int_equal(support(policy, NULL), NL_EINVAL);
    assert_int_equal(nl_training_support(policy, &t, NULL), NL_EINVAL);
}

/* ------------------------------------------------- enums out of range */

/* Rows: enum-out-of-range */
static void enums_out_of_range_are_invalid(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof bad_enum / sizeof bad_enum[0]; i++) {
        int v = bad_enum[i];
        nl_candidate c = good_candidate();
        c.degree = (nl_degree)v;
        assert_int_equal(subsidy(policy, &c), NL_EINVAL);
        c = good_candidate();
        c.major = (nl_major)v;
        assert_int_equal(subsidy(policy, &c), NL_EINVAL);
        c = good_candidate();
        c.agency = (nl_agency)v;
        assert_int_equal(subsidy(policy, &c), NL_EINVAL);

        nl_expert e = good_expert();
        e.degree = (nl_degree)v;
        assert_int_equal(cap(policy, &e), NL_EINVAL);
        e = good_expert();
        e.role = (nl_role)v;
        assert_int_equal(cap(policy, &e), NL_EINVAL);
    }
    /* One past the last value of each enum. */
    nl_candidate c = good_candidate();
    c.degree = (nl_degree)(NL_DEGREE_DOCTOR + 1);
    assert_int_equal(subsidy(policy, &c), NL_EINVAL);
    c = good_candidate();
    c.major = (nl_major)(NL_MAJOR_ELECTRONICS_TELECOM + 1);
    assert_int_equal(subsidy(policy, &c), NL_EINVAL);
    c = good_candidate();
    c.agency = (nl_agency)(NL_AGENCY_STATE + 1);
    assert_int_equal(subsidy(policy, &c), NL_EINVAL);
    nl_expert e = good_expert();
    e.degree = (nl_degree)(NL_DEGREE_DOCTOR + 1);
    assert_int_equal(cap(policy, &e), NL_EINVAL);
    e = good_expert();
    e.role = (nl_role)(NL_ROLE_TEAM_LEADER + 1);
    assert_int_equal(cap(policy, &e), NL_EINVAL);
}

/* ------------------------------------------------------- experience */

/* Rows: experience-not-finite */
static void experience_that_is_negative_nan_or_infinite_is_invalid(void **state)
{
    (void)state;
    const double bad[] = {-1.0, -DBL_MIN, -DBL_MAX, (double)NAN, -(double)NAN,
                          (double)INFINITY, -(double)INFINITY};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        nl_expert e = good_expert();
        e.experience_years = bad[i];
        assert_int_equal(cap(policy, &e), NL_EINVAL);
    }
    /* The edges that are fine: -0.0 is zero years, DBL_MAX is a lot. */
    nl_expert_cap r;
    nl_expert e = good_expert();
    e.experience_years = -0.0;
    assert_int_equal(nl_expert_salary_cap(policy, &e, &r), NL_OK);
    assert_int_equal(r.level, 4);
    e.experience_years = DBL_MAX;
    assert_int_equal(nl_expert_salary_cap(policy, &e, &r), NL_OK);
    assert_int_equal(r.level, 1);
}

/* --------------------------------------------------- money and days */

/* Rows: negative-money */
static void negative_money_in_any_field_is_invalid(void **state)
{
    (void)state;
    const int64_t bad[] = {-1, INT64_MIN};
    for (size_t i = 0; i < 2; i++) {
        for (int field = 0; field < 4; field++) {
            nl_training t = good_training();
            int64_t *f[4] = {&t.tuition, &t.materials, &t.meals, &t.travel};
            *f[field] = bad[i];
            assert_int_equal(support(policy, &t), NL_EINVAL);
            /* Also when the person would not qualify anyway. */
            t.dedicated_official = false;
            assert_int_equal(support(policy, &t), NL_EINVAL);
        }
    }
}

/* Rows: days-below-one */
static void course_days_below_one_are_invalid(void **state)
{
    (void)state;
    const int32_t bad[] = {0, -1, INT32_MIN};
    for (size_t i = 0; i < 3; i++) {
        nl_training t = good_training();
        t.days = bad[i];
        assert_int_equal(support(policy, &t), NL_EINVAL);
    }
    nl_training t = good_training();
    t.days = INT32_MAX;   /* large but valid: the meal cap grows with it */
    assert_int_equal(support(policy, &t), NL_OK);
}

/* --------------------------------------------------------- overflow */

/* Rows: sum-overflow */
static void sums_past_int64_are_range_errors(void **state)
{
    (void)state;
    nl_training_result r;
    /* INT64_MAX alone is a valid claim, paid in full (100% share). */
    nl_training t = good_training();
    t.tuition = INT64_MAX;
    t.materials = t.meals = t.travel = 0;
    assert_int_equal(nl_training_support(policy, &t, &r), NL_OK);
    assert_true(r.total == INT64_MAX && r.tuition == INT64_MAX);
    /* One đồng more anywhere overflows the total. */
    int64_t *f[3] = {&t.materials, &t.meals, &t.travel};
    for (int i = 0; i < 3; i++) {
        t.materials = t.meals = t.travel = 0;
        *f[i] = 1;
        assert_int_equal(support(policy, &t), NL_ERANGE);
    }
    t = good_training();
    t.tuition = t.materials = INT64_MAX;
    assert_int_equal(support(policy, &t), NL_ERANGE);

    /* What-if parameters that make a product overflow. */
    nl_policy *w = NULL;
    assert_int_equal(nl_policy_clone(policy, &w), NL_OK);
    const nl_date since = nlh_date(2015, 3, 1);
    assert_int_equal(nl_policy_set(w, "expert.cap.level4", since, INT64_MAX), NL_OK);
    nl_expert e = good_expert();
    e.experience_years = 0;
    assert_int_equal(cap(w, &e), NL_ERANGE);   /* weekly = cap × 12 / 52 × 1.2 */
    assert_int_equal(nl_policy_set(w, "training.tuition.share_bp", nlh_date(2021, 1, 1), 20000),
                     NL_OK);
    t = good_training();
    t.tuition = INT64_MAX / 2 + 1;             /* × 200% */
    assert_int_equal(support(w, &t), NL_ERANGE);
    /* A meal cap × days past int64 is no cap: the claim is paid, no wrap. */
    assert_int_equal(nl_policy_set(w, "training.meals.cap_per_day", nlh_date(2021, 1, 1),
                                   INT64_MAX), NL_OK);
    t = good_training();
    t.meals = 123456789;
    t.days = 1000;
    assert_int_equal(nl_training_support(w, &t, &r), NL_OK);
    assert_true(r.meals == 123456789);
    nl_policy_free(w);
}

/* ------------------------------------------------------------ dates */

/* Rows: date-out-of-range, not-in-force, bad-argument-and-bad-date */
static void dates_outside_0001_9999_are_date_errors(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof bad_dates / sizeof bad_dates[0]; i++) {
        nl_candidate c = good_candidate();
        c.start = bad_dates[i];
        assert_int_equal(subsidy(policy, &c), NL_EDATE);
        nl_expert e = good_expert();
        e.on = bad_dates[i];
        assert_int_equal(cap(policy, &e), NL_EDATE);
        nl_training t = good_training();
        t.start = bad_dates[i];
        assert_int_equal(support(policy, &t), NL_EDATE);
    }
    /* The first and last days are real dates: not in force, not errors. */
    const nl_date edges[] = {DATE_MIN, DATE_MAX};
    for (int i = 0; i < 2; i++) {
        nl_subsidy r;
        nl_candidate c = good_candidate();
        c.start = edges[i];
        assert_int_equal(nl_attraction_subsidy(policy, &c, &r), NL_OK);
        assert_int_equal(r.reason, NL_REASON_NOT_IN_FORCE);
        assert_false(r.eligible);
        assert_true(r.amount == 0);
    }
    /* A bad argument is reported before a bad date. */
    nl_candidate c = good_candidate();
    c.start = INT32_MAX;
    c.degree = (nl_degree)-1;
    assert_int_equal(subsidy(policy, &c), NL_EINVAL);
}

/* Rows: impossible-date, date-out-of-range, date-buffer-too-small, null-pointer */
static void date_functions_refuse_impossible_dates(void **state)
{
    (void)state;
    const char *bad_text[] = {"", "2023-02-29", "2023-13-01", "2023-00-10", "2023-01-00",
                              "2023-04-31", "9999-12-32", "0000-01-01", "10000-01-01",
                              " 2023-01-01", "2023-01-01 ", "2023/01/01", "+023-01-01",
                              "2023-1-01", "2023-01-1", "２０２３-01-01", "2023-01-01\n",
                              "-001-01-01", "2023-0x-01"};
    for (size_t i = 0; i < sizeof bad_text / sizeof bad_text[0]; i++) {
        nl_date d = 12345;
        assert_int_equal(nl_date_parse(bad_text[i], &d), NL_EDATE);
        assert_int_equal(d, 0);
    }
    nl_date d = 12345;
    assert_int_equal(nl_date_parse(NULL, &d), NL_EINVAL);
    assert_int_equal(d, 0);
    assert_int_equal(nl_date_parse("2023-01-01", NULL), NL_EINVAL);

    const int bad_ymd[][3] = {{0, 1, 1}, {10000, 1, 1}, {-1, 1, 1}, {INT_MIN, 1, 1},
                              {INT_MAX, 1, 1}, {2023, 0, 1}, {2023, 13, 1}, {2023, INT_MIN, 1},
                              {2023, 2, 29}, {2024, 2, 30}, {1900, 2, 29}, {2023, 1, 0},
                              {2023, 1, 32}, {2023, 1, INT_MAX}, {2023, 1, -1}};
    for (size_t i = 0; i < sizeof bad_ymd / sizeof bad_ymd[0]; i++) {
        d = 12345;
        assert_int_equal(nl_date_ymd(bad_ymd[i][0], bad_ymd[i][1], bad_ymd[i][2], &d), NL_EDATE);
        assert_int_equal(d, 0);
    }
    assert_int_equal(nl_date_ymd(2023, 1, 1, NULL), NL_EINVAL);

    char buf[11];
    for (size_t i = 0; i < sizeof bad_dates / sizeof bad_dates[0]; i++) {
        int y = -7, m = -7, dd = -7;
        assert_int_equal(nl_date_split(bad_dates[i], &y, &m, &dd), NL_EDATE);
        assert_true(y == 0 && m == 0 && dd == 0);
        memset(buf, 'x', sizeof buf);
        assert_int_equal(nl_date_format(bad_dates[i], buf, sizeof buf), NL_EDATE);
        assert_string_equal(buf, "");
    }
    assert_int_equal(nl_date_format(0, NULL, 11), NL_EINVAL);
    assert_int_equal(nl_date_format(0, buf, 10), NL_EINVAL);
    assert_int_equal(nl_date_format(0, buf, 0), NL_EINVAL);
    assert_int_equal(nl_date_split(0, NULL, NULL, NULL), NL_OK);
}

/* ------------------------------------------------------- workplaces */

/* Rows: unknown-workplace-text */
static void workplace_names_that_are_no_name_or_no_units_are_errors(void **state)
{
    (void)state;
    nl_date on;
    assert_int_equal(nl_date_parse("2024-05-01", &on), NL_OK);
    static const struct {
        const char *text;
        nl_status want;
    } cases[] = {
        {"Paris", NL_ENOTFOUND}, {"Hà Nội", NL_ENOTFOUND}, {"Sa Pa Town", NL_ENOTFOUND},
        {"", NL_EINVAL}, {"  ", NL_EINVAL}, {"-.,", NL_EINVAL},
        {"Sa\xffPa", NL_EINVAL}, {"\xc0\xaf", NL_EINVAL}, {"\xed\xa0\x80", NL_EINVAL},
        {"\xf4\x90\x80\x80", NL_EINVAL},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        int code = 7;
        nl_error err;
        assert_int_equal(nl_policy_workplace_find(policy, cases[i].text, on, &code, &err),
                         cases[i].want);
        assert_int_equal(code, -1);
        assert_int_equal(err.status, cases[i].want);
        assert_string_equal(err.key, "workplace");
        assert_true(err.message[0] != '\0');
    }
    /* A 5,000-byte name is refused, and its message stays bounded. */
    char *huge = malloc(5001);
    assert_non_null(huge);
    memset(huge, 'a', 5000);
    huge[5000] = '\0';
    int code;
    nl_error err;
    assert_int_equal(nl_policy_workplace_find(policy, huge, on, &code, &err), NL_EINVAL);
    assert_true(strlen(err.message) < sizeof err.message);
    free(huge);
}

/* Rows: workplace-out-of-range, workplace-not-in-province, index-out-of-range */
static void workplace_codes_outside_0_99999_are_invalid(void **state)
{
    (void)state;
    const int bad[] = {-1, 100000, INT_MIN, INT_MAX};
    for (size_t i = 0; i < 4; i++) {
        nl_candidate c = good_candidate();
        c.workplace = bad[i];
        assert_int_equal(subsidy(policy, &c), NL_EINVAL);
        nl_workplace w;
        SCRIBBLE(w);
        assert_int_equal(nl_policy_workplace(policy, bad[i], &w), NL_EINVAL);
        assert_zeroed(w);
    }
    /* A well-formed code that is not a unit is an answer, not an error. */
    nl_subsidy r;
    nl_candidate c = good_candidate();
    c.workplace = 81;
    assert_int_equal(nl_attraction_subsidy(policy, &c, &r), NL_OK);
    assert_int_equal(r.reason, NL_REASON_OUTSIDE_PROVINCE);
    assert_true(r.amount == 0);
    nl_workplace w;
    SCRIBBLE(w);
    assert_int_equal(nl_policy_workplace(policy, 81, &w), NL_ENOTFOUND);
    assert_zeroed(w);
    SCRIBBLE(w);
    assert_int_equal(nl_policy_workplace_at(policy, nl_policy_workplace_count(policy), &w),
                     NL_ENOTFOUND);
    assert_zeroed(w);
    SCRIBBLE(w);
    assert_int_equal(nl_policy_workplace_at(policy, SIZE_MAX, &w), NL_ENOTFOUND);
    assert_zeroed(w);
    assert_int_equal(nl_policy_workplace(NULL, 80, &w), NL_EINVAL);
    assert_int_equal(nl_policy_workplace(policy, 80, NULL), NL_EINVAL);
    assert_int_equal(nl_policy_workplace_at(NULL, 0, &w), NL_EINVAL);
    assert_int_equal(nl_policy_workplace_count(NULL), 0);
}

/* ---------------------------------------------- parameter get / set */

static const char *const unknown_keys[] = {
    "", "expert", "expert.cap", "expert.cap.level5", "EXPERT.CAP.LEVEL1", "expert.cap.level1 ",
    "attraction.amount.", "attraction.amount.village", "attraction.amount.District",
    "x\xff\xfe", "../../etc/passwd", "expert.cap.level1\n",
};

/* Rows: unknown-key, non-utf8-text, huge-string */
static void unknown_parameter_keys_are_not_found(void **state)
{
    (void)state;
    const nl_date on = nlh_date(2024, 1, 1);
    char longkey[4096];
    memset(longkey, 'a', sizeof longkey - 1);
    longkey[sizeof longkey - 1] = '\0';
    for (size_t i = 0; i <= sizeof unknown_keys / sizeof unknown_keys[0]; i++) {
        const char *k = i < sizeof unknown_keys / sizeof unknown_keys[0] ? unknown_keys[i]
                                                                         : longkey;
        int64_t v = 777;
        assert_int_equal(nl_policy_get(policy, k, on, &v), NL_ENOTFOUND);
        assert_true(v == 0);
        nl_param_value pv;
        SCRIBBLE(pv);
        assert_int_equal(nl_policy_get_value(policy, k, on, &pv), NL_ENOTFOUND);
        assert_zeroed(pv);
        size_t idx = 777;
        assert_int_equal(nl_policy_param_find(policy, k, &idx), NL_ENOTFOUND);
        assert_true(idx == 0);
    }
    /* set / end on a copy: an unknown key changes nothing. */
    nl_policy *w = NULL;
    assert_int_equal(nl_policy_clone(policy, &w), NL_OK);
    for (size_t i = 0; i < sizeof unknown_keys / sizeof unknown_keys[0]; i++) {
        assert_int_equal(nl_policy_set(w, unknown_keys[i], on, 1), NL_ENOTFOUND);
        assert_int_equal(nl_policy_end(w, unknown_keys[i], on), NL_ENOTFOUND);
    }
    assert_int_equal(nl_policy_set(w, longkey, on, 1), NL_ENOTFOUND);
    assert_int_equal(nl_policy_param_count(w), nl_policy_param_count(policy));
    nl_policy_free(w);
}

/* Rows: null-pointer, not-in-force, date-out-of-range, whatif-bad-value */
static void bad_get_and_set_arguments_are_refused_and_change_nothing(void **state)
{
    (void)state;
    const nl_date on = nlh_date(2024, 1, 1);
    int64_t v = 777;
    assert_int_equal(nl_policy_get(NULL, "expert.cap.level1", on, &v), NL_EINVAL);
    assert_true(v == 0);
    v = 777;
    assert_int_equal(nl_policy_get(policy, NULL, on, &v), NL_EINVAL);
    assert_true(v == 0);
    assert_int_equal(nl_policy_get(policy, "expert.cap.level1", on, NULL), NL_EINVAL);
    /* Not in force (before the first value) is its own status. */
    v = 777;
    assert_int_equal(nl_policy_get(policy, "expert.cap.level1", nlh_date(2015, 2, 28), &v),
                     NL_ENOTINFORCE);
    assert_true(v == 0);
    /* A day outside 0001..9999 is a date error, as for the rules; an unknown
     * key (an argument) is reported first. */
    for (size_t i = 0; i < sizeof bad_dates / sizeof bad_dates[0]; i++) {
        v = 777;
        assert_int_equal(nl_policy_get(policy, "expert.cap.level1", bad_dates[i], &v), NL_EDATE);
        assert_true(v == 0);
        assert_int_equal(nl_policy_get(policy, "no.such.key", bad_dates[i], &v), NL_ENOTFOUND);
    }

    nl_policy *w = NULL;
    assert_int_equal(nl_policy_clone(policy, &w), NL_OK);
    const char *k = "expert.cap.level1";
    assert_int_equal(nl_policy_set(NULL, k, on, 1), NL_EINVAL);
    assert_int_equal(nl_policy_set(w, NULL, on, 1), NL_EINVAL);
    assert_int_equal(nl_policy_end(NULL, k, on), NL_EINVAL);
    assert_int_equal(nl_policy_end(w, NULL, on), NL_EINVAL);
    for (size_t i = 0; i < sizeof bad_dates / sizeof bad_dates[0]; i++) {
        assert_int_equal(nl_policy_set(w, k, bad_dates[i], 1), NL_EDATE);
        assert_int_equal(nl_policy_end(w, k, bad_dates[i]), NL_EDATE);
    }
    /* Values a parameter cannot take. */
    assert_int_equal(nl_policy_set(w, k, on, -1), NL_EINVAL);
    assert_int_equal(nl_policy_set(w, k, on, INT64_MIN), NL_EINVAL);
    assert_int_equal(nl_policy_set(w, "expert.daily.days_per_month", on, 0), NL_EINVAL);
    assert_int_equal(nl_policy_set(w, "expert.weekly.weeks_per_year", on, 1000001), NL_EINVAL);
    assert_int_equal(nl_policy_set(w, "expert.min_degree", on, 5), NL_EINVAL);
    assert_int_equal(nl_policy_set(w, "attraction.period", on, 2), NL_EINVAL);
    assert_int_equal(nl_policy_set(w, "expert.years.master.level1", on, 201), NL_EINVAL);
    assert_int_equal(nl_policy_set(w, "training.tuition.share_bp", on, INT64_MAX), NL_EINVAL);
    /* None of that changed anything. */
    size_t idx;
    assert_int_equal(nl_policy_param_find(w, k, &idx), NL_OK);
    nl_param_info a, b;
    assert_int_equal(nl_policy_param_info(w, idx, &a), NL_OK);
    assert_int_equal(nl_policy_param_info(policy, idx, &b), NL_OK);
    assert_int_equal(a.value_count, b.value_count);
    v = 0;
    assert_int_equal(nl_policy_get(w, k, on, &v), NL_OK);
    assert_true(v == fact_tt02_cap[1]);
    nl_policy_free(w);
}

/* Rows: index-out-of-range, null-pointer */
static void listing_out_of_range_is_not_found_and_zeroed(void **state)
{
    (void)state;
    size_t n = nl_policy_param_count(policy);
    nl_param_info info;
    nl_param_value pv;
    const size_t bad[] = {n, n + 1, SIZE_MAX};
    for (size_t i = 0; i < 3; i++) {
        SCRIBBLE(info);
        assert_int_equal(nl_policy_param_info(policy, bad[i], &info), NL_ENOTFOUND);
        assert_zeroed(info);
        SCRIBBLE(pv);
        assert_int_equal(nl_policy_param_value(policy, bad[i], 0, &pv), NL_ENOTFOUND);
        assert_zeroed(pv);
    }
    assert_int_equal(nl_policy_param_info(policy, 0, &info), NL_OK);
    SCRIBBLE(pv);
    assert_int_equal(nl_policy_param_value(policy, 0, info.value_count, &pv), NL_ENOTFOUND);
    assert_zeroed(pv);
    SCRIBBLE(pv);
    assert_int_equal(nl_policy_param_value(policy, 0, SIZE_MAX, &pv), NL_ENOTFOUND);
    assert_zeroed(pv);
    SCRIBBLE(info);
    assert_int_equal(nl_policy_param_info(NULL, 0, &info), NL_EINVAL);
    assert_zeroed(info);
    assert_int_equal(nl_policy_param_info(policy, 0, NULL), NL_EINVAL);
    assert_int_equal(nl_policy_param_value(NULL, 0, 0, &pv), NL_EINVAL);
    assert_int_equal(nl_policy_param_value(policy, 0, 0, NULL), NL_EINVAL);
    assert_int_equal(nl_policy_param_find(policy, "expert.cap.level1", NULL), NL_EINVAL);
    assert_int_equal(nl_policy_param_count(NULL), 0);
    assert_null(nl_policy_name(NULL));
}

/* Rows: null-pointer */
static void handles_tolerate_null(void **state)
{
    (void)state;
    nl_policy_free(NULL);
    nl_policy *c = (nl_policy *)&c;
    assert_int_equal(nl_policy_clone(NULL, &c), NL_EINVAL);
    assert_null(c);
    assert_int_equal(nl_policy_clone(policy, NULL), NL_EINVAL);
    assert_int_equal(nl_policy_default(NULL), NL_EINVAL);
}

/* ------------------------------------------------ codes to words */

/* Rows: code-outside-enum */
static void out_of_range_codes_have_safe_words(void **state)
{
    (void)state;
    const int bad[] = {-1, NL_STATUS_COUNT, INT_MAX, INT_MIN};
    for (size_t i = 0; i < 4; i++) {
        assert_string_equal(nl_strerror((nl_status)bad[i]), "unknown status");
        assert_string_equal(nl_status_name((nl_status)bad[i]), "NL_UNKNOWN");
    }
    const int bad_reason[] = {-1, NL_REASON_COUNT, INT_MAX, INT_MIN};
    for (size_t i = 0; i < 4; i++) {
        assert_null(nl_reason_name((nl_reason)bad_reason[i]));
        assert_null(nl_reason_message((nl_reason)bad_reason[i], "vi"));
        assert_null(nl_reason_message((nl_reason)bad_reason[i], "en"));
    }
    assert_null(nl_reason_message(NL_REASON_OK, NULL));
    assert_null(nl_reason_message(NL_REASON_OK, "fr"));
    assert_null(nl_reason_message(NL_REASON_OK, ""));
    assert_null(nl_reason_message(NL_REASON_OK, "vi-VN"));
    assert_null(nl_certainty_name((nl_certainty)-1));
    assert_null(nl_certainty_name((nl_certainty)4));
    for (int s = 0; s < NL_STATUS_COUNT; s++)
        assert_true(nlf_utf8(nl_strerror((nl_status)s), 256));
    for (int r = 0; r < NL_REASON_COUNT; r++) {
        assert_true(nlf_utf8(nl_reason_message((nl_reason)r, "vi"), 512));
        assert_true(nlf_utf8(nl_reason_message((nl_reason)r, "en"), 512));
    }
}

/* ------------------------------------------------------ periods */

static void a_period_switched_off_with_0_pays_nothing(void **state)
{
    (void)state;
    /* "attraction.period" and "training.period" are bools: 1 while the
     * policy is in force. A document or what-if that says 0 switches it off;
     * it must not pay as if the value were 1. */
    nl_policy *w = NULL;
    assert_int_equal(nl_policy_clone(policy, &w), NL_OK);
    const nl_date since = nlh_date(2021, 1, 1);
    assert_int_equal(nl_policy_set(w, "attraction.period", since, 0), NL_OK);
    assert_int_equal(nl_policy_set(w, "training.period", since, 0), NL_OK);
    nl_candidate c = good_candidate();
    nl_subsidy s;
    assert_int_equal(nl_attraction_subsidy(w, &c, &s), NL_OK);
    assert_false(s.eligible);
    assert_true(s.amount == 0);
    assert_int_equal(s.reason, NL_REASON_NOT_IN_FORCE);
    nl_training t = good_training();
    nl_training_result r;
    assert_int_equal(nl_training_support(w, &t, &r), NL_OK);
    assert_false(r.eligible);
    assert_true(r.total == 0);
    assert_int_equal(r.reason, NL_REASON_NOT_IN_FORCE);
    /* Back to 1 from 2023: paid again. */
    assert_int_equal(nl_policy_set(w, "attraction.period", nlh_date(2023, 1, 1), 1), NL_OK);
    assert_int_equal(nl_attraction_subsidy(w, &c, &s), NL_OK);
    assert_true(s.eligible && s.amount == FACT_AMOUNT_DISTRICT);
    nl_policy_free(w);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(null_pointers_are_invalid_for_every_rule),
        cmocka_unit_test(enums_out_of_range_are_invalid),
        cmocka_unit_test(experience_that_is_negative_nan_or_infinite_is_invalid),
        cmocka_unit_test(negative_money_in_any_field_is_invalid),
        cmocka_unit_test(course_days_below_one_are_invalid),
        cmocka_unit_test(sums_past_int64_are_range_errors),
        cmocka_unit_test(dates_outside_0001_9999_are_date_errors),
        cmocka_unit_test(date_functions_refuse_impossible_dates),
        cmocka_unit_test(workplace_codes_outside_0_99999_are_invalid),
        cmocka_unit_test(unknown_parameter_keys_are_not_found),
        cmocka_unit_test(bad_get_and_set_arguments_are_refused_and_change_nothing),
        cmocka_unit_test(listing_out_of_range_is_not_found_and_zeroed),
        cmocka_unit_test(a_period_switched_off_with_0_pays_nothing),
        cmocka_unit_test(handles_tolerate_null),
        cmocka_unit_test(workplace_names_that_are_no_name_or_no_units_are_errors),
        cmocka_unit_test(out_of_range_codes_have_safe_words),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
