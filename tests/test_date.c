/* Dates: parsing, building, splitting and formatting, checked against an
 * independent walk of the Gregorian calendar. */
#include "nl_test.h"

/* The Gregorian rule, written here so the test does not trust the library's. */
static bool gregorian_leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

static int gregorian_month_days(int y, int m)
{
    static const int dim[13] = {0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return m == 2 && gregorian_leap(y) ? 29 : dim[m];
}

static void the_epoch_is_day_zero(void **state)
{
    (void)state;
    nl_date d = -1;
    assert_int_equal(nl_date_ymd(1970, 1, 1, &d), NL_OK);
    assert_int_equal(d, 0);
    assert_int_equal(day("1970-01-01"), 0);
    assert_int_equal(day("1970-01-02"), 1);
    assert_int_equal(day("1969-12-31"), -1);
}

static void parse_and_ymd_agree_on_policy_dates(void **state)
{
    (void)state;
    const struct { const char *iso; int y, m, d; } cases[] = {
        {"2015-03-01", 2015, 3, 1}, {"2021-01-01", 2021, 1, 1}, {"2024-01-01", 2024, 1, 1},
        {"2025-06-30", 2025, 6, 30}, {"2025-07-01", 2025, 7, 1}, {"2025-08-15", 2025, 8, 15},
        {"0001-01-01", 1, 1, 1}, {"9999-12-31", 9999, 12, 31},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        nl_date a = -1, b = -2;
        assert_int_equal(nl_date_parse(cases[i].iso, &a), NL_OK);
        assert_int_equal(nl_date_ymd(cases[i].y, cases[i].m, cases[i].d, &b), NL_OK);
        assert_int_equal(a, b);
    }
    assert_int_equal(day("2025-07-01") - day("2025-06-30"), 1);
    assert_int_equal(day("2026-01-01") - day("2025-01-01"), 365);
    assert_int_equal(day("2025-01-01") - day("2024-01-01"), 366);
}

static void february_29th_exists_only_in_leap_years(void **state)
{
    (void)state;
    nl_date d = 0;
    assert_int_equal(nl_date_parse("2024-02-29", &d), NL_OK);
    assert_int_equal(d, day("2024-03-01") - 1);
    assert_int_equal(nl_date_parse("2000-02-29", &d), NL_OK);   /* divisible by 400 */
    assert_int_equal(nl_date_parse("2400-02-29", &d), NL_OK);
    assert_int_equal(nl_date_parse("0004-02-29", &d), NL_OK);
    d = 123;
    assert_int_equal(nl_date_parse("2023-02-29", &d), NL_EDATE);
    assert_int_equal(d, 0);
    assert_int_equal(nl_date_parse("1900-02-29", &d), NL_EDATE);  /* century, not 400 */
    assert_int_equal(nl_date_parse("2100-02-29", &d), NL_EDATE);
    assert_int_equal(nl_date_ymd(2023, 2, 29, &d), NL_EDATE);
    assert_int_equal(nl_date_ymd(2024, 2, 29, &d), NL_OK);
    assert_int_equal(nl_date_ymd(2024, 2, 30, &d), NL_EDATE);
}

static void days_past_the_end_of_a_month_are_not_dates(void **state)
{
    (void)state;
    const char *bad[] = {"2024-04-31", "2024-06-31", "2024-09-31", "2024-11-31",
                         "2024-01-32", "2024-12-32", "2024-00-10", "2024-13-01",
                         "2024-01-00"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        nl_date d = 99;
        assert_int_equal(nl_date_parse(bad[i], &d), NL_EDATE);
        assert_int_equal(d, 0);
    }
    nl_date d = 99;
    assert_int_equal(nl_date_ymd(2024, 0, 1, &d), NL_EDATE);
    assert_int_equal(d, 0);
    assert_int_equal(nl_date_ymd(2024, 13, 1, &d), NL_EDATE);
    assert_int_equal(nl_date_ymd(2024, 1, 0, &d), NL_EDATE);
    assert_int_equal(nl_date_ymd(2024, 1, -1, &d), NL_EDATE);
    assert_int_equal(nl_date_ymd(2024, -1, 1, &d), NL_EDATE);
}

static void malformed_text_is_not_a_date(void **state)
{
    (void)state;
    const char *bad[] = {
        "2024-1-01", "2024-01-1", "24-01-01", "2024-01-01x", "x2024-01-01", "", " 2024-01-01",
        "2024-01-01 ", "2024/01/01", "2024-01-01T00:00", "20240101", "2024-0a-01",
        "+024-01-01", "-024-01-01", "2024--1-01", "2024-01-+1", "abcd-ef-gh", "2024-01-0",
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        nl_date d = 99;
        if (nl_date_parse(bad[i], &d) != NL_EDATE)
            fail_msg("\"%s\" parsed as a date", bad[i]);
        assert_int_equal(d, 0);
    }
}

static void years_outside_0001_to_9999_are_rejected(void **state)
{
    (void)state;
    nl_date d = 99;
    assert_int_equal(nl_date_parse("0000-01-01", &d), NL_EDATE);
    assert_int_equal(d, 0);
    assert_int_equal(nl_date_parse("0000-12-31", &d), NL_EDATE);
    assert_int_equal(nl_date_parse("10000-01-01", &d), NL_EDATE);
    assert_int_equal(nl_date_ymd(0, 12, 31, &d), NL_EDATE);
    assert_int_equal(nl_date_ymd(10000, 1, 1, &d), NL_EDATE);
    assert_int_equal(nl_date_ymd(-1, 1, 1, &d), NL_EDATE);
    assert_int_equal(nl_date_ymd(INT32_MAX, 1, 1, &d), NL_EDATE);
    assert_int_equal(nl_date_ymd(INT32_MIN, 1, 1, &d), NL_EDATE);
    assert_int_equal(nl_date_ymd(1, 1, 1, &d), NL_OK);
    assert_int_equal(nl_date_ymd(9999, 12, 31, &d), NL_OK);
}

static void null_arguments_are_invalid(void **state)
{
    (void)state;
    nl_date d = 99;
    assert_int_equal(nl_date_parse(NULL, &d), NL_EINVAL);
    assert_int_equal(d, 0);
    assert_int_equal(nl_date_parse("2024-01-01", NULL), NL_EINVAL);
    assert_int_equal(nl_date_parse(NULL, NULL), NL_EINVAL);
    assert_int_equal(nl_date_ymd(2024, 1, 1, NULL), NL_EINVAL);
    assert_int_equal(nl_date_format(0, NULL, 11), NL_EINVAL);
    /* nl_date_split takes optional pointers: all NULL is a validity check. */
    assert_int_equal(nl_date_split(0, NULL, NULL, NULL), NL_OK);
}

static void split_gives_back_year_month_and_day(void **state)
{
    (void)state;
    int y = 0, m = 0, d = 0;
    assert_int_equal(nl_date_split(day("2025-07-01"), &y, &m, &d), NL_OK);
    assert_int_equal(y, 2025);
    assert_int_equal(m, 7);
    assert_int_equal(d, 1);
    y = m = d = 0;
    assert_int_equal(nl_date_split(day("2024-02-29"), NULL, &m, NULL), NL_OK);
    assert_int_equal(m, 2);
    assert_int_equal(nl_date_split(day("0001-01-01"), &y, &m, &d), NL_OK);
    assert_int_equal(y * 10000 + m * 100 + d, 10101);
    assert_int_equal(nl_date_split(day("9999-12-31"), &y, &m, &d), NL_OK);
    assert_int_equal(y * 10000 + m * 100 + d, 99991231);
}

static void split_rejects_days_outside_the_calendar(void **state)
{
    (void)state;
    int y = 0;
    assert_int_equal(nl_date_split(after_last_day(), &y, NULL, NULL), NL_EDATE);
    assert_int_equal(nl_date_split(before_first_day(), &y, NULL, NULL), NL_EDATE);
    assert_int_equal(nl_date_split(INT32_MAX, &y, NULL, NULL), NL_EDATE);
    assert_int_equal(nl_date_split(INT32_MIN, &y, NULL, NULL), NL_EDATE);
}

static void format_writes_iso_text(void **state)
{
    (void)state;
    char buf[11];
    assert_int_equal(nl_date_format(day("2025-07-01"), buf, sizeof buf), NL_OK);
    assert_string_equal(buf, "2025-07-01");
    assert_int_equal(nl_date_format(day("0001-01-01"), buf, sizeof buf), NL_OK);
    assert_string_equal(buf, "0001-01-01");
    assert_int_equal(nl_date_format(day("9999-12-31"), buf, sizeof buf), NL_OK);
    assert_string_equal(buf, "9999-12-31");
}

static void format_needs_eleven_bytes_and_a_real_date(void **state)
{
    (void)state;
    char buf[11] = "untouched";
    assert_int_equal(nl_date_format(0, buf, 10), NL_EINVAL);
    assert_int_equal(nl_date_format(0, buf, 0), NL_EINVAL);
    assert_int_equal(nl_date_format(after_last_day(), buf, sizeof buf), NL_EDATE);
    assert_string_equal(buf, "");
    memcpy(buf, "untouched", 10);
    assert_int_equal(nl_date_format(before_first_day(), buf, sizeof buf), NL_EDATE);
    assert_string_equal(buf, "");
}

/* Walks every day of 0001-01-01 .. 9999-12-31 with the test's own calendar and
 * checks ymd, split, format and parse against it. The day number of
 * 0001-01-01 is derived from the year lengths, not taken from the library. */
static void every_day_of_the_calendar_round_trips(void **state)
{
    (void)state;
    nl_date expect = 0;
    for (int y = 1; y < 1970; y++)
        expect -= gregorian_leap(y) ? 366 : 365;
    char want[40], got[11];
    long failures = 0;
    for (int y = 1; y <= 9999; y++) {
        for (int m = 1; m <= 12; m++) {
            for (int d = 1; d <= gregorian_month_days(y, m); d++, expect++) {
                nl_date a = 0, b = 0;
                int yy = 0, mm = 0, dd = 0;
                snprintf(want, sizeof want, "%04d-%02d-%02d", y, m, d);
                bool ok = nl_date_ymd(y, m, d, &a) == NL_OK && a == expect &&
                          nl_date_split(a, &yy, &mm, &dd) == NL_OK && yy == y && mm == m &&
                          dd == d && nl_date_format(a, got, sizeof got) == NL_OK &&
                          strcmp(got, want) == 0 && nl_date_parse(got, &b) == NL_OK &&
                          b == a;
                if (!ok && failures++ < 10)
                    print_error("round trip fails on %s (expected day %d)\n", want, expect);
            }
        }
    }
    assert_int_equal(failures, 0);
    assert_int_equal(expect - 1, day("9999-12-31"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(the_epoch_is_day_zero),
        cmocka_unit_test(parse_and_ymd_agree_on_policy_dates),
        cmocka_unit_test(february_29th_exists_only_in_leap_years),
        cmocka_unit_test(days_past_the_end_of_a_month_are_not_dates),
        cmocka_unit_test(malformed_text_is_not_a_date),
        cmocka_unit_test(years_outside_0001_to_9999_are_rejected),
        cmocka_unit_test(null_arguments_are_invalid),
        cmocka_unit_test(split_gives_back_year_month_and_day),
        cmocka_unit_test(split_rejects_days_outside_the_calendar),
        cmocka_unit_test(format_writes_iso_text),
        cmocka_unit_test(format_needs_eleven_bytes_and_a_real_date),
        cmocka_unit_test(every_day_of_the_calendar_round_trips),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
