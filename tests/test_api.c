/* Version, status texts, reason messages and certainty names. */
#include "nl_test.h"

#define STR_(x) #x
#define STR(x) STR_(x)

static void version_macros_agree_with_the_library(void **state)
{
    (void)state;
    assert_string_equal(nl_version(), NL_VERSION_STRING);
    assert_int_equal(nl_version_number(), NL_VERSION_NUMBER);
    assert_string_equal(NL_VERSION_STRING,
                        STR(NL_VERSION_MAJOR) "." STR(NL_VERSION_MINOR) "." STR(NL_VERSION_PATCH));
    assert_int_equal(NL_VERSION_NUMBER,
                     NL_VERSION_MAJOR * 10000 + NL_VERSION_MINOR * 100 + NL_VERSION_PATCH);
    /* CMake's project() version is read from version.h: the three agree. */
    assert_string_equal(NL_VERSION_STRING, NL_TEST_PROJECT_VERSION);
}

static void version_at_least_compares_with_the_headers(void **state)
{
    (void)state;
    assert_true(NL_VERSION_AT_LEAST(0, 0, 0));
    assert_true(NL_VERSION_AT_LEAST(NL_VERSION_MAJOR, NL_VERSION_MINOR, NL_VERSION_PATCH));
    assert_false(NL_VERSION_AT_LEAST(NL_VERSION_MAJOR, NL_VERSION_MINOR, NL_VERSION_PATCH + 1));
    assert_false(NL_VERSION_AT_LEAST(NL_VERSION_MAJOR, NL_VERSION_MINOR + 1, 0));
    assert_false(NL_VERSION_AT_LEAST(NL_VERSION_MAJOR + 1, 0, 0));
}

/* Every status, in enum order, with the identifier it must be named by. */
static const struct {
    nl_status code;
    const char *name;
} statuses[] = {
#define S(c) {c, #c}
    S(NL_OK), S(NL_EINVAL), S(NL_ERANGE), S(NL_EDATE), S(NL_ENOTFOUND),
    S(NL_ENOTINFORCE), S(NL_EPARSE), S(NL_EIO), S(NL_ENOMEM), S(NL_EAMBIGUOUS),
#undef S
};

static void status_codes_are_stable_and_counted(void **state)
{
    (void)state;
    assert_int_equal(sizeof statuses / sizeof statuses[0], NL_STATUS_COUNT);
    for (size_t i = 0; i < NL_STATUS_COUNT; i++)
        assert_int_equal(statuses[i].code, i);
    assert_int_equal(NL_OK, 0);
}

static void every_status_has_its_own_name_and_text(void **state)
{
    (void)state;
    for (size_t i = 0; i < NL_STATUS_COUNT; i++) {
        nl_status s = statuses[i].code;
        assert_string_equal(nl_status_name(s), statuses[i].name);
        const char *text = nl_strerror(s);
        assert_non_null(text);
        assert_true(strlen(text) > 0);
        assert_string_not_equal(text, "unknown status");
        for (size_t j = 0; j < i; j++)
            assert_string_not_equal(text, nl_strerror(statuses[j].code));
    }
    /* The header's own examples. */
    assert_string_equal(nl_strerror(NL_EINVAL), "invalid argument");
}

static void an_unknown_status_has_a_fallback_name_and_text(void **state)
{
    (void)state;
    const nl_status unknown[] = {(nl_status)NL_STATUS_COUNT, (nl_status)-1, (nl_status)1000};
    for (size_t i = 0; i < sizeof unknown / sizeof unknown[0]; i++) {
        assert_string_equal(nl_strerror(unknown[i]), "unknown status");
        assert_string_equal(nl_status_name(unknown[i]), "NL_UNKNOWN");
    }
}

static void every_reason_has_a_message_in_vietnamese_and_english(void **state)
{
    (void)state;
    for (int r = 0; r < NL_REASON_COUNT; r++) {
        const char *vi = nl_reason_message((nl_reason)r, "vi");
        const char *en = nl_reason_message((nl_reason)r, "en");
        assert_non_null(vi);
        assert_non_null(en);
        assert_true(strlen(vi) > 0 && strlen(en) > 0);
        assert_string_not_equal(vi, en);
        for (int q = 0; q < r; q++) {
            assert_string_not_equal(vi, nl_reason_message((nl_reason)q, "vi"));
            assert_string_not_equal(en, nl_reason_message((nl_reason)q, "en"));
        }
    }
}

static void reason_messages_say_what_the_condition_is(void **state)
{
    (void)state;
    /* Vietnamese messages use the words of the policy (docs/law/). */
    assert_contains(nl_reason_message(NL_REASON_DEGREE, "vi"), "đại học");
    assert_contains(nl_reason_message(NL_REASON_MAJOR, "vi"), "công nghệ thông tin");
    assert_contains(nl_reason_message(NL_REASON_MAJOR, "vi"), "điện tử viễn thông");
    assert_contains(nl_reason_message(NL_REASON_AGENCY, "vi"), "Đảng");
    assert_contains(nl_reason_message(NL_REASON_NOT_DEDICATED, "vi"), "chuyên trách");
    assert_contains(nl_reason_message(NL_REASON_COURSE_KIND, "vi"), "ngắn hạn tập trung");
    assert_contains(nl_reason_message(NL_REASON_DEGREE, "en"), "university degree");
    assert_contains(nl_reason_message(NL_REASON_AGENCY, "en"), "Party or State");
}

static void a_reason_message_needs_a_known_reason_and_language(void **state)
{
    (void)state;
    assert_null(nl_reason_message(NL_REASON_OK, NULL));
    assert_null(nl_reason_message(NL_REASON_OK, ""));
    assert_null(nl_reason_message(NL_REASON_OK, "fr"));
    assert_null(nl_reason_message(NL_REASON_OK, "VI"));
    assert_null(nl_reason_message(NL_REASON_OK, "vi_VN"));
    assert_null(nl_reason_message((nl_reason)NL_REASON_COUNT, "vi"));
    assert_null(nl_reason_message((nl_reason)-1, "en"));
}

static void every_reason_has_a_short_unique_name(void **state)
{
    (void)state;
    for (int r = 0; r < NL_REASON_COUNT; r++) {
        const char *n = nl_reason_name((nl_reason)r);
        assert_non_null(n);
        assert_true(strlen(n) > 0);
        for (const char *c = n; *c; c++)
            assert_true((*c >= 'a' && *c <= 'z') || *c == '_');
        for (int q = 0; q < r; q++)
            assert_string_not_equal(n, nl_reason_name((nl_reason)q));
    }
    assert_string_equal(nl_reason_name(NL_REASON_OK), "ok");
    assert_string_equal(nl_reason_name(NL_REASON_DEGREE), "degree");
    assert_string_equal(nl_reason_name(NL_REASON_OUTSIDE_PROVINCE), "outside_province");
    assert_null(nl_reason_name((nl_reason)NL_REASON_COUNT));
    assert_null(nl_reason_name((nl_reason)-1));
}

static void certainty_names_are_the_status_words_of_the_facts(void **state)
{
    (void)state;
    assert_string_equal(nl_certainty_name(NL_CERTAINTY_CONFIRMED), "confirmed");
    assert_string_equal(nl_certainty_name(NL_CERTAINTY_REPORTED), "reported");
    assert_string_equal(nl_certainty_name(NL_CERTAINTY_UNCONFIRMED), "unconfirmed");
    assert_string_equal(nl_certainty_name(NL_CERTAINTY_USER), "user");
    assert_null(nl_certainty_name((nl_certainty)4));
    assert_null(nl_certainty_name((nl_certainty)-1));
}

/* A result carries the weakest certainty: the enum order is the scale. */
_Static_assert(NL_CERTAINTY_CONFIRMED < NL_CERTAINTY_REPORTED &&
                   NL_CERTAINTY_REPORTED < NL_CERTAINTY_UNCONFIRMED &&
                   NL_CERTAINTY_UNCONFIRMED < NL_CERTAINTY_USER,
               "certainties go from strongest to weakest");

static void certainties_are_ordered_from_strongest_to_weakest(void **state)
{
    (void)state;
    /* The scale at work: an expert cap under TT 02/2015 rests on confirmed
     * values only; a what-if value (certainty "user", the weakest) makes the
     * answer "user" as well. */
    nl_policy *p = NULL, *w = NULL;
    assert_int_equal(nl_policy_default(&p), NL_OK);
    nl_date on;
    assert_int_equal(nl_date_parse(FACT_TT02_LAST_DAY, &on), NL_OK);
    nl_expert e = {NL_DEGREE_BACHELOR, 15, NL_ROLE_MEMBER, false, on};
    nl_expert_cap r;
    assert_int_equal(nl_expert_salary_cap(p, &e, &r), NL_OK);
    assert_int_equal(r.certainty, NL_CERTAINTY_CONFIRMED);
    assert_int_equal(nl_policy_clone(p, &w), NL_OK);
    assert_int_equal(nl_policy_set(w, "expert.cap.level1", on, fact_tt02_cap[1]), NL_OK);
    assert_int_equal(nl_expert_salary_cap(w, &e, &r), NL_OK);
    assert_true(r.monthly == fact_tt02_cap[1]);
    assert_int_equal(r.certainty, NL_CERTAINTY_USER);
    nl_policy_free(w);
    nl_policy_free(p);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(version_macros_agree_with_the_library),
        cmocka_unit_test(version_at_least_compares_with_the_headers),
        cmocka_unit_test(status_codes_are_stable_and_counted),
        cmocka_unit_test(every_status_has_its_own_name_and_text),
        cmocka_unit_test(an_unknown_status_has_a_fallback_name_and_text),
        cmocka_unit_test(every_reason_has_a_message_in_vietnamese_and_english),
        cmocka_unit_test(reason_messages_say_what_the_condition_is),
        cmocka_unit_test(a_reason_message_needs_a_known_reason_and_language),
        cmocka_unit_test(every_reason_has_a_short_unique_name),
        cmocka_unit_test(certainty_names_are_the_status_words_of_the_facts),
        cmocka_unit_test(certainties_are_ordered_from_strongest_to_weakest),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
