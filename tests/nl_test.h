/* Helpers shared by the cmocka tests: a policy fixture, dates from text and
 * checks that an output was zeroed. */
#ifndef NL_TEST_H
#define NL_TEST_H

#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include <nhanluc/nhanluc.h>

#include "facts.h"

/* Fixture: a fresh built-in policy per test, in *state. */
static inline int policy_setup(void **state)
{
    nl_policy *p = NULL;
    if (nl_policy_default(&p) != NL_OK || p == NULL)
        return -1;
    *state = p;
    return 0;
}

static inline int policy_teardown(void **state)
{
    nl_policy_free(*state);
    *state = NULL;
    return 0;
}

#define TEST(fn) cmocka_unit_test_setup_teardown(fn, policy_setup, policy_teardown)

/* The whole of a file, NUL-terminated; *len excludes the NUL. */
static inline char *nlt_slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    assert_non_null(f);
    assert_int_equal(fseek(f, 0, SEEK_END), 0);
    long n = ftell(f);
    assert_true(n > 0);
    rewind(f);
    char *buf = malloc((size_t)n + 1);
    assert_non_null(buf);
    assert_int_equal(fread(buf, 1, (size_t)n, f), (size_t)n);
    fclose(f);
    buf[n] = '\0';
    *len = (size_t)n;
    return buf;
}

/* A date from "YYYY-MM-DD"; fails the test if the text is not a date. */
static inline nl_date day(const char *iso)
{
    nl_date d = 0;
    assert_int_equal(nl_date_parse(iso, &d), NL_OK);
    return d;
}

/* The day after the last one the library accepts (9999-12-31) and the day
 * before the first (0001-01-01): impossible dates as nl_date values. */
static inline nl_date after_last_day(void) { return day("9999-12-31") + 1; }
static inline nl_date before_first_day(void) { return day("0001-01-01") - 1; }

/* Value of a policy parameter on a date; fails the test if not in force. */
static inline int64_t param(const nl_policy *p, const char *key, const char *iso)
{
    int64_t v = -1;
    assert_int_equal(nl_policy_get(p, key, day(iso), &v), NL_OK);
    return v;
}

/* Fill an output with garbage before a call, so "zeroed" proves a write. */
#define SCRIBBLE(obj) memset(&(obj), 0xA5, sizeof(obj))

/* nl_attraction_subsidy's answer for c, which must be NL_OK. */
static inline nl_subsidy nlt_subsidy(const nl_policy *p, nl_candidate c)
{
    nl_subsidy s;
    SCRIBBLE(s);
    assert_int_equal(nl_attraction_subsidy(p, &c, &s), NL_OK);
    return s;
}

/* The whole object, padding included, is zero bytes. */
#define assert_zeroed(obj)                                      \
    do {                                                        \
        static const unsigned char zero_[sizeof(obj)];          \
        assert_memory_equal(&(obj), zero_, sizeof(obj));        \
    } while (0)

/* s contains the substring needle. */
#define assert_contains(s, needle)                                           \
    do {                                                                     \
        const char *s_ = (s);                                                \
        assert_non_null(s_);                                                 \
        if (strstr(s_, (needle)) == NULL)                                    \
            fail_msg("\"%s\" does not contain \"%s\"", s_, (needle));        \
    } while (0)

/* A subsidy answer that refuses for `reason`: not eligible, 0 đ, citing the
 * resolution (tests/test_attraction.c, tests/test_geography.c). */
static inline void assert_subsidy_refused(const nl_subsidy *s, nl_reason reason)
{
    if (s->reason != reason)
        fail_msg("reason %s, expected %s", nl_reason_name(s->reason), nl_reason_name(reason));
    assert_false(s->eligible);
    assert_int_equal(s->amount, 0);
    assert_contains(s->source, FACT_SRC_NQ11);
}

#endif
