/* Workplace units by name (nl_policy_workplace_find): diacritics, case,
 * punctuation and the kind of unit, on either side of the merger, and the
 * errors (unknown, ambiguous, not UTF-8). */
#include "nl_test.h"

static int find(const nl_policy *p, const char *name, const char *iso, nl_status want)
{
    int code = 12345;
    nl_error err;
    assert_int_equal(nl_policy_workplace_find(p, name, day(iso), &code, &err), want);
    if (want != NL_OK) {
        assert_int_equal(code, -1);
        assert_int_equal(err.status, want);
        assert_string_equal(err.key, "workplace");
    }
    return code;
}

/* Every pre-2025 unit by its full name on its last day, and by its name
 * without kind, diacritics or case. */
static void every_district_unit_is_found_by_its_name(void **state)
{
    nl_policy *p = *state;
    for (size_t i = 0; i < FACT_WORKPLACE_COUNT; i++) {
        assert_int_equal(find(p, fact_workplaces[i].name, FACT_DISTRICTS_LAST_DAY, NL_OK),
                         fact_workplaces[i].code);
    }
    assert_int_equal(find(p, "Sa Pa", FACT_DISTRICTS_LAST_DAY, NL_OK), 88);
    assert_int_equal(find(p, "thi xa sa pa", FACT_DISTRICTS_LAST_DAY, NL_OK), 88);
    assert_int_equal(find(p, "TX. Sa Pa", FACT_DISTRICTS_LAST_DAY, NL_OK), 88);
    assert_int_equal(find(p, "  SA   PA ", FACT_DISTRICTS_LAST_DAY, NL_OK), 88);
    assert_int_equal(find(p, "TP Lào Cai", FACT_DISTRICTS_LAST_DAY, NL_OK), 80);
    assert_int_equal(find(p, "lao cai", FACT_DISTRICTS_LAST_DAY, NL_OK), 80);
    assert_int_equal(find(p, "Huyen Bat Xat", FACT_DISTRICTS_LAST_DAY, NL_OK), 82);
    /* Decomposed (NFD) input: "Bát Xát" with combining acute accents. */
    assert_int_equal(find(p, "Ba\xcc\x81t Xa\xcc\x81t", FACT_DISTRICTS_LAST_DAY, NL_OK), 82);
}

/* From the merger the same names are the communes'; a query naming the
 * old kind finds the old unit (ended: mapped, as its code would be). */
static void from_the_merger_a_name_is_the_communes(void **state)
{
    nl_policy *p = *state;
    assert_int_equal(find(p, "Lào Cai", FACT_MERGER_DAY, NL_OK), FACT_COMMUNE_MIXED);
    assert_int_equal(find(p, "Phuong Lao Cai", FACT_MERGER_DAY, NL_OK), FACT_COMMUNE_MIXED);
    assert_int_equal(find(p, FACT_COMMUNE_CITY_TOWN_NAME, FACT_MERGER_DAY, NL_OK),
                     FACT_COMMUNE_CITY_TOWN);
    assert_int_equal(find(p, "Bát Xát", FACT_MERGER_DAY, NL_OK), FACT_COMMUNE_DISTRICT);
    assert_int_equal(find(p, "Huyện Bát Xát", FACT_MERGER_DAY, NL_OK), 82);
    assert_int_equal(find(p, "Thành phố Lào Cai", FACT_MERGER_DAY, NL_OK), 80);
    /* The day before, the commune does not exist yet. */
    assert_int_equal(find(p, FACT_COMMUNE_CITY_TOWN_NAME, FACT_DISTRICTS_LAST_DAY,
                          NL_ENOTFOUND), -1);
    /* A unit of old Yên Bái is a unit of the merged province. */
    assert_int_equal(find(p, "Phường Yên Bái", FACT_MERGER_DAY, NL_OK), FACT_COMMUNE_YEN_BAI);
    /* A kind that is not the unit's finds nothing. */
    find(p, "Xã Cam Đường", FACT_MERGER_DAY, NL_ENOTFOUND);
}

/* A name resolved, then the rule: the same answer as the code. */
static void a_found_code_answers_as_the_code(void **state)
{
    nl_policy *p = *state;
    int code = find(p, "sa pa", "2024-05-01", NL_OK);
    nl_candidate c = {NL_DEGREE_BACHELOR, NL_MAJOR_IT, NL_AGENCY_STATE, true, code,
                      day("2024-05-01")};
    nl_subsidy s;
    assert_int_equal(nl_attraction_subsidy(p, &c, &s), NL_OK);
    assert_int_equal(s.amount, FACT_AMOUNT_CITY_TOWN);
}

static void unknown_bad_and_null_names_are_errors(void **state)
{
    nl_policy *p = *state;
    nl_error err;
    int code;
    find(p, "Hà Nội", "2024-05-01", NL_ENOTFOUND);
    find(p, "", "2024-05-01", NL_EINVAL);
    find(p, " .,- ", "2024-05-01", NL_EINVAL);
    find(p, "Sa\xff Pa", "2024-05-01", NL_EINVAL);        /* not UTF-8 */
    find(p, "Sa\xc0\xa0Pa", "2024-05-01", NL_EINVAL);      /* overlong */
    find(p, "\xed\xa0\x80", "2024-05-01", NL_EINVAL);      /* a surrogate */
    char longname[400];
    memset(longname, 'a', sizeof longname - 1);
    longname[sizeof longname - 1] = '\0';
    find(p, longname, "2024-05-01", NL_EINVAL);
    assert_int_equal(nl_policy_workplace_find(NULL, "Sa Pa", 0, &code, &err), NL_EINVAL);
    assert_int_equal(nl_policy_workplace_find(p, NULL, 0, &code, &err), NL_EINVAL);
    assert_int_equal(nl_policy_workplace_find(p, "Sa Pa", 0, NULL, NULL), NL_EINVAL);
    assert_int_equal(nl_policy_workplace_find(p, "Sa Pa", after_last_day(), &code, &err),
                     NL_EDATE);
    /* "Hà" folds to "ha", never to another unit's letters. */
    find(p, "Bắc Hà Nội", "2024-05-01", NL_ENOTFOUND);
}

/* Two units of one name in force at once: the name is ambiguous, the
 * message lists both; the kind picks one. */
static void a_shared_name_is_ambiguous_and_the_kind_decides(void **state)
{
    (void)state;
    size_t len;
    char *doc = nlt_slurp(NL_TEST_POLICY_COPY, &len);
    const char *needle = "\"name\": \"Xã Bát Xát\"";
    char *at = strstr(doc, needle);
    assert_non_null(at);
    /* Renames the commune of Bát Xát to "Phường Sa Pa"'s twin "Xã Sa Pa". */
    size_t before = (size_t)(at - doc);
    const char *twin = "\"name\": \"Xã Sa Pa\"";
    char *edited = malloc(len + 64);
    assert_non_null(edited);
    memcpy(edited, doc, before);
    strcpy(edited + before, twin);
    strcat(edited, at + strlen(needle));
    nl_policy *q = NULL;
    nl_error err;
    assert_int_equal(nl_policy_parse(edited, strlen(edited), &q, &err), NL_OK);
    find(q, "Sa Pa", FACT_MERGER_DAY, NL_EAMBIGUOUS);
    int code;
    assert_int_equal(nl_policy_workplace_find(q, "sa pa", day(FACT_MERGER_DAY), &code, &err),
                     NL_EAMBIGUOUS);
    assert_non_null(strstr(err.message, "03006 Phường Sa Pa"));
    char c[8];
    snprintf(c, sizeof c, "%05d", FACT_COMMUNE_DISTRICT);
    assert_non_null(strstr(err.message, c));
    assert_int_equal(find(q, "Phường Sa Pa", FACT_MERGER_DAY, NL_OK), 3006);
    assert_int_equal(find(q, "Xã Sa Pa", FACT_MERGER_DAY, NL_OK), FACT_COMMUNE_DISTRICT);
    /* Before the merger only the town had the name. */
    assert_int_equal(find(q, "Sa Pa", FACT_DISTRICTS_LAST_DAY, NL_OK), 88);
    nl_policy_free(q);
    free(edited);
    free(doc);
}

static void the_new_status_has_its_texts(void **state)
{
    (void)state;
    assert_string_equal(nl_status_name(NL_EAMBIGUOUS), "NL_EAMBIGUOUS");
    assert_string_equal(nl_strerror(NL_EAMBIGUOUS), "ambiguous name");
    assert_int_equal(NL_EAMBIGUOUS + 1, NL_STATUS_COUNT);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        TEST(every_district_unit_is_found_by_its_name),
        TEST(from_the_merger_a_name_is_the_communes),
        TEST(a_found_code_answers_as_the_code),
        TEST(unknown_bad_and_null_names_are_errors),
        cmocka_unit_test(a_shared_name_is_ambiguous_and_the_kind_decides),
        cmocka_unit_test(the_new_status_has_its_texts),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
