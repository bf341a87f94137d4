/* Policy format 2: typed parameters (code, set), conditions that cite their
 * own parameter, reason texts that follow the document, format 1 documents
 * (loaded as the library upgrades them, and as scripts/policy-upgrade
 * writes them), and the errors of malformed format 2 parameters. Values
 * from docs/law/1-attraction.md §1.2 and docs/law/2-training.md §2.1. */
#include "nl_test.h"

#define V1_DOC NL_TEST_DATA_DIR "/laocai-v1.json"

static const nl_candidate good = {NL_DEGREE_BACHELOR, NL_MAJOR_IT, NL_AGENCY_STATE, true, 80, 0};

static nl_candidate candidate(nl_degree d, nl_major m, nl_agency a, bool post, const char *iso)
{
    nl_candidate c = good;
    c.degree = d;
    c.major = m;
    c.agency = a;
    c.dedicated_post = post;
    c.start = day(iso);
    return c;
}

#define subsidy nlt_subsidy

static const char *citation(const nl_policy *p, const char *key, const char *iso)
{
    nl_param_value v;
    assert_int_equal(nl_policy_get_value(p, key, day(iso), &v), NL_OK);
    return v.source;
}

/* ------------------------------------------------------------- types */

static void test_parameter_types(void **state)
{
    const nl_policy *p = *state;
    nl_param_type t;
    const char *const *codes;
    size_t n;
    const char *list;
    assert_int_equal(nl_policy_param_type(p, "attraction.majors", &t, &codes, &n, &list), NL_OK);
    assert_int_equal(t, NL_PARAM_SET);
    assert_int_equal(n, 3);
    assert_string_equal(list, "major");
    assert_string_equal(codes[NL_MAJOR_IT], "it");
    assert_string_equal(codes[NL_MAJOR_ELECTRONICS_TELECOM], "electronics_telecom");
    assert_int_equal(nl_policy_param_type(p, "attraction.agencies", &t, &codes, &n, &list), NL_OK);
    assert_int_equal(t, NL_PARAM_SET);
    assert_string_equal(list, "agency");
    assert_string_equal(codes[NL_AGENCY_PARTY], "party");
    assert_int_equal(nl_policy_param_type(p, "attraction.min_degree", &t, &codes, &n, &list),
                     NL_OK);
    assert_int_equal(t, NL_PARAM_CODE);
    assert_int_equal(n, 5);
    assert_string_equal(list, "degree");
    assert_string_equal(codes[NL_DEGREE_BACHELOR], "bachelor");
    assert_int_equal(nl_policy_param_type(p, "expert.cap.level1", &t, &codes, &n, &list), NL_OK);
    assert_int_equal(t, NL_PARAM_NUMBER);
    assert_null(codes);
    assert_int_equal(n, 0);
    assert_null(list);
    /* The optional outputs may be NULL. */
    assert_int_equal(nl_policy_param_type(p, "attraction.dedicated_post_required", &t, NULL,
                                          NULL, NULL), NL_OK);
    assert_int_equal(t, NL_PARAM_NUMBER);
    assert_int_equal(nl_policy_param_type(p, "no.such.key", &t, &codes, &n, &list), NL_ENOTFOUND);
    assert_int_equal(nl_policy_param_type(NULL, "attraction.majors", &t, NULL, NULL, NULL),
                     NL_EINVAL);
    assert_int_equal(nl_policy_param_type(p, NULL, &t, NULL, NULL, NULL), NL_EINVAL);
    assert_int_equal(nl_policy_param_type(p, "attraction.majors", NULL, NULL, NULL, NULL),
                     NL_EINVAL);
    /* A set's value is a bitmask of its codes (§1.2: IT, electronics-telecom). */
    assert_int_equal(param(p, "attraction.majors", "2021-01-01"),
                     (1 << NL_MAJOR_IT) | (1 << NL_MAJOR_ELECTRONICS_TELECOM));
    assert_int_equal(param(p, "attraction.agencies", "2021-01-01"),
                     (1 << NL_AGENCY_PARTY) | (1 << NL_AGENCY_STATE));
    assert_int_equal(param(p, "attraction.min_degree", "2021-01-01"), NL_DEGREE_BACHELOR);
    nl_param_info info;
    size_t i;
    assert_int_equal(nl_policy_param_find(p, "attraction.majors", &i), NL_OK);
    assert_int_equal(nl_policy_param_info(p, i, &info), NL_OK);
    assert_string_equal(info.unit, "set of major");
}

/* --------------------------------------------- each condition, its source */

static void test_each_condition_cites_its_parameter(void **state)
{
    const nl_policy *p = *state;
    const char *on = "2024-09-01";
    struct {
        nl_candidate c;
        nl_reason reason;
        const char *key;
    } cases[] = {
        {candidate(NL_DEGREE_COLLEGE, NL_MAJOR_IT, NL_AGENCY_STATE, true, on), NL_REASON_DEGREE,
         "attraction.min_degree"},
        {candidate(NL_DEGREE_BACHELOR, NL_MAJOR_OTHER, NL_AGENCY_STATE, true, on),
         NL_REASON_MAJOR, "attraction.majors"},
        {candidate(NL_DEGREE_BACHELOR, NL_MAJOR_IT, NL_AGENCY_OTHER, true, on), NL_REASON_AGENCY,
         "attraction.agencies"},
        {candidate(NL_DEGREE_BACHELOR, NL_MAJOR_IT, NL_AGENCY_PARTY, false, on),
         NL_REASON_NOT_DEDICATED, "attraction.dedicated_post_required"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        nl_subsidy s = subsidy(p, cases[i].c);
        assert_false(s.eligible);
        assert_int_equal(s.reason, cases[i].reason);
        assert_string_equal(s.source, citation(p, cases[i].key, on));
    }
    /* No two conditions borrow one citation in the built-in document. */
    assert_string_not_equal(citation(p, "attraction.majors", on),
                            citation(p, "attraction.min_degree", on));
    assert_string_not_equal(citation(p, "attraction.majors", on),
                            citation(p, "attraction.agencies", on));
    assert_string_not_equal(citation(p, "attraction.agencies", on),
                            citation(p, "attraction.dedicated_post_required", on));
    assert_contains(citation(p, "attraction.majors", on), "§1.2");

    /* Training (§2.1): the official and the course, each its own source. */
    nl_training t = {.dedicated_official = false, .short_concentrated = true, .days = 5,
                     .start = day(on)};
    nl_training_result r;
    assert_int_equal(nl_training_support(p, &t, &r), NL_OK);
    assert_int_equal(r.reason, NL_REASON_NOT_DEDICATED);
    assert_string_equal(r.source, citation(p, "training.dedicated_official_required", on));
    t.dedicated_official = true;
    t.short_concentrated = false;
    assert_int_equal(nl_training_support(p, &t, &r), NL_OK);
    assert_int_equal(r.reason, NL_REASON_COURSE_KIND);
    assert_string_equal(r.source, citation(p, "training.short_course_required", on));
    assert_contains(r.source, "§2.1");
    assert_string_not_equal(r.source, citation(p, "training.dedicated_official_required", on));
}

/* The conditions are data: a what-if set changes who qualifies, from its day. */
static void test_sets_decide(void **state)
{
    nl_policy *p = *state;
    /* Physics-like "other" majors admitted, electronics-telecom dropped,
     * from 2024-01-01. */
    assert_int_equal(nl_policy_set(p, "attraction.majors", day("2024-01-01"),
                                   (1 << NL_MAJOR_OTHER) | (1 << NL_MAJOR_IT)), NL_OK);
    nl_subsidy s = subsidy(p, candidate(NL_DEGREE_BACHELOR, NL_MAJOR_OTHER, NL_AGENCY_STATE,
                                        true, "2023-12-31"));
    assert_int_equal(s.reason, NL_REASON_MAJOR);   /* the day before: the document's set */
    s = subsidy(p, candidate(NL_DEGREE_BACHELOR, NL_MAJOR_OTHER, NL_AGENCY_STATE, true,
                             "2024-01-01"));
    assert_true(s.eligible);
    assert_int_equal(s.amount, 100000000);   /* code 080: city/town (§1.3) */
    assert_int_equal(s.certainty, NL_CERTAINTY_USER);
    s = subsidy(p, candidate(NL_DEGREE_BACHELOR, NL_MAJOR_ELECTRONICS_TELECOM, NL_AGENCY_STATE,
                             true, "2024-01-01"));
    assert_int_equal(s.reason, NL_REASON_MAJOR);
    s = subsidy(p, candidate(NL_DEGREE_BACHELOR, NL_MAJOR_ELECTRONICS_TELECOM, NL_AGENCY_STATE,
                             true, "2023-12-31"));
    assert_true(s.eligible);
    /* The empty set: no major qualifies. */
    assert_int_equal(nl_policy_set(p, "attraction.majors", day("2024-06-01"), 0), NL_OK);
    s = subsidy(p, candidate(NL_DEGREE_BACHELOR, NL_MAJOR_IT, NL_AGENCY_STATE, true,
                             "2024-06-01"));
    assert_int_equal(s.reason, NL_REASON_MAJOR);
    /* A set holds codes of its list only: bit 3 is no major. */
    assert_int_equal(nl_policy_set(p, "attraction.majors", day("2024-06-01"), 1 << 3),
                     NL_EINVAL);
    assert_int_equal(nl_policy_set(p, "attraction.agencies", day("2024-06-01"), -1), NL_EINVAL);
    /* Agencies: the "other" employer admitted. */
    assert_int_equal(nl_policy_set(p, "attraction.agencies", day("2024-01-01"), 7), NL_OK);
    s = subsidy(p, candidate(NL_DEGREE_BACHELOR, NL_MAJOR_IT, NL_AGENCY_OTHER, true,
                             "2024-01-01"));
    assert_true(s.eligible);
    /* The dedicated post no longer required. */
    assert_int_equal(nl_policy_set(p, "attraction.dedicated_post_required", day("2024-01-01"), 0),
                     NL_OK);
    s = subsidy(p, candidate(NL_DEGREE_BACHELOR, NL_MAJOR_IT, NL_AGENCY_STATE, false,
                             "2024-01-01"));
    assert_true(s.eligible);
    s = subsidy(p, candidate(NL_DEGREE_BACHELOR, NL_MAJOR_IT, NL_AGENCY_STATE, false,
                             "2023-12-31"));
    assert_int_equal(s.reason, NL_REASON_NOT_DEDICATED);
    /* Training: a long course accepted once the requirement is off. */
    assert_int_equal(nl_policy_set(p, "training.short_course_required", day("2024-01-01"), 0),
                     NL_OK);
    nl_training t = {.dedicated_official = true, .short_concentrated = false, .tuition = 1000,
                     .days = 5, .start = day("2024-01-01")};
    nl_training_result r;
    assert_int_equal(nl_training_support(p, &t, &r), NL_OK);
    assert_true(r.eligible);
    assert_int_equal(r.tuition, 1000);   /* 100% of tuition (§2.2) */
    t.start = day("2023-12-31");
    assert_int_equal(nl_training_support(p, &t, &r), NL_OK);
    assert_int_equal(r.reason, NL_REASON_COURSE_KIND);
}

/* A condition's parameter ended: the rule is not in force, citing it. */
static void test_condition_ended(void **state)
{
    nl_policy *p = *state;
    assert_int_equal(nl_policy_end(p, "attraction.agencies", day("2024-03-01")), NL_OK);
    nl_subsidy s = subsidy(p, candidate(NL_DEGREE_BACHELOR, NL_MAJOR_IT, NL_AGENCY_STATE, true,
                                        "2024-03-01"));
    assert_int_equal(s.reason, NL_REASON_NOT_IN_FORCE);
    assert_contains(s.source, "what-if");
    s = subsidy(p, candidate(NL_DEGREE_BACHELOR, NL_MAJOR_IT, NL_AGENCY_STATE, true,
                             "2024-02-29"));
    assert_true(s.eligible);
}

/* ---------------------------------------------------------- reason texts */

static const nl_rule *rule(const char *name)
{
    const nl_rule *r = nl_rule_find(name);
    assert_non_null(r);
    return r;
}

static void text(const nl_policy *p, const char *rule_name, nl_reason reason, const char *iso,
                 const char *lang, char *buf)
{
    assert_int_equal(nl_rule_reason_text(p, rule(rule_name), (int)reason, day(iso), lang, buf,
                                         NL_REASON_TEXT_MAX),
                     NL_OK);
}

static void test_reason_text_follows_parameters(void **state)
{
    nl_policy *p = *state;
    char buf[NL_REASON_TEXT_MAX];
    /* The built-in document's values give today's texts. */
    const nl_reason same[] = {NL_REASON_OK, NL_REASON_NOT_IN_FORCE, NL_REASON_DEGREE,
                              NL_REASON_AGENCY, NL_REASON_NOT_DEDICATED,
                              NL_REASON_OUTSIDE_PROVINCE};
    for (size_t i = 0; i < sizeof same / sizeof same[0]; i++) {
        text(p, "attraction_subsidy", same[i], "2024-09-01", "vi", buf);
        if (same[i] == NL_REASON_AGENCY)
            assert_string_equal(buf, "Không làm việc tại cơ quan Đảng hoặc cơ quan Nhà nước.");
        else
            assert_string_equal(buf, nl_reason_message(same[i], "vi"));
    }
    text(p, "attraction_subsidy", NL_REASON_DEGREE, "2024-09-01", "en", buf);
    assert_string_equal(buf, nl_reason_message(NL_REASON_DEGREE, "en"));
    text(p, "attraction_subsidy", NL_REASON_MAJOR, "2024-09-01", "vi", buf);
    assert_string_equal(buf, nl_reason_message(NL_REASON_MAJOR, "vi"));
    text(p, "attraction_subsidy", NL_REASON_MAJOR, "2024-09-01", "en", buf);
    assert_string_equal(buf,
                        "Major is not information technology or electronics-telecommunications.");
    text(p, "attraction_subsidy", NL_REASON_AGENCY, "2024-09-01", "en", buf);
    assert_string_equal(buf, "Not working at a Party agency or a State agency.");

    /* Master's from 2025-01-01: the text says so from that day. */
    assert_int_equal(nl_policy_set(p, "attraction.min_degree", day("2025-01-01"),
                                   NL_DEGREE_MASTER), NL_OK);
    text(p, "attraction_subsidy", NL_REASON_DEGREE, "2024-12-31", "vi", buf);
    assert_string_equal(buf, "Trình độ chưa đạt yêu cầu (cần tốt nghiệp đại học trở lên).");
    text(p, "attraction_subsidy", NL_REASON_DEGREE, "2025-01-01", "vi", buf);
    assert_string_equal(buf, "Trình độ chưa đạt yêu cầu (cần tốt nghiệp thạc sĩ trở lên).");
    text(p, "attraction_subsidy", NL_REASON_DEGREE, "2025-01-01", "en", buf);
    assert_string_equal(buf, "Degree below the one required (a master's degree or higher).");
    /* ... and the rule agrees: a bachelor is refused from that day. */
    nl_subsidy s = subsidy(p, candidate(NL_DEGREE_BACHELOR, NL_MAJOR_IT, NL_AGENCY_STATE, true,
                                        "2025-01-01"));
    assert_int_equal(s.reason, NL_REASON_DEGREE);
    /* The expert rule reads its own minimum degree. */
    text(p, "expert_salary_cap", NL_REASON_DEGREE, "2025-01-01", "en", buf);
    assert_string_equal(buf, "Degree below the one required (a university degree or higher).");

    /* Sets: one code, no code. */
    assert_int_equal(nl_policy_set(p, "attraction.majors", day("2024-01-01"), 1 << NL_MAJOR_IT),
                     NL_OK);
    text(p, "attraction_subsidy", NL_REASON_MAJOR, "2024-01-01", "vi", buf);
    assert_string_equal(buf, "Chuyên ngành không phải công nghệ thông tin.");
    text(p, "attraction_subsidy", NL_REASON_MAJOR, "2023-12-31", "vi", buf);
    assert_string_equal(buf, nl_reason_message(NL_REASON_MAJOR, "vi"));
    assert_int_equal(nl_policy_set(p, "attraction.majors", day("2024-02-01"), 0), NL_OK);
    text(p, "attraction_subsidy", NL_REASON_MAJOR, "2024-02-01", "en", buf);
    assert_string_equal(buf, "Major is not (none).");
    /* A parameter not in force on the date: the reason's own text. */
    assert_int_equal(nl_policy_end(p, "attraction.majors", day("2024-03-01")), NL_OK);
    text(p, "attraction_subsidy", NL_REASON_MAJOR, "2024-03-01", "en", buf);
    assert_string_equal(buf, nl_reason_message(NL_REASON_MAJOR, "en"));
    /* Training's conditions read booleans: their texts are the reasons'. */
    text(p, "training_support", NL_REASON_COURSE_KIND, "2024-01-01", "vi", buf);
    assert_string_equal(buf, nl_reason_message(NL_REASON_COURSE_KIND, "vi"));
}

static void test_reason_text_errors(void **state)
{
    const nl_policy *p = *state;
    const nl_rule *r = rule("attraction_subsidy");
    char buf[NL_REASON_TEXT_MAX];
    nl_date on = day("2024-09-01");
    assert_int_equal(nl_rule_reason_text(p, r, NL_REASON_COURSE_KIND, on, "vi", buf, sizeof buf),
                     NL_ENOTFOUND);   /* not one of this rule's reasons */
    assert_string_equal(buf, "");
    assert_int_equal(nl_rule_reason_text(p, r, -1, on, "vi", buf, sizeof buf), NL_ENOTFOUND);
    assert_int_equal(nl_rule_reason_text(p, r, NL_REASON_COUNT, on, "vi", buf, sizeof buf),
                     NL_ENOTFOUND);
    assert_int_equal(nl_rule_reason_text(p, r, NL_REASON_MAJOR, on, "fr", buf, sizeof buf),
                     NL_EINVAL);
    assert_int_equal(nl_rule_reason_text(p, r, NL_REASON_MAJOR, on, NULL, buf, sizeof buf),
                     NL_EINVAL);
    assert_int_equal(nl_rule_reason_text(NULL, r, NL_REASON_MAJOR, on, "vi", buf, sizeof buf),
                     NL_EINVAL);
    assert_int_equal(nl_rule_reason_text(p, NULL, NL_REASON_MAJOR, on, "vi", buf, sizeof buf),
                     NL_EINVAL);
    assert_int_equal(nl_rule_reason_text(p, r, NL_REASON_MAJOR, on, "vi", NULL, 10), NL_EINVAL);
    assert_int_equal(nl_rule_reason_text(p, r, NL_REASON_MAJOR, on, "vi", buf, 0), NL_EINVAL);
    assert_int_equal(nl_rule_reason_text(p, r, NL_REASON_MAJOR, after_last_day(), "vi", buf,
                                         sizeof buf), NL_EDATE);
    /* Too small: cut at a character, never inside one. "Chuyên" is 7 bytes;
     * 5 bytes of room end before "ê" (2 bytes at offsets 4-5). */
    char small[6];
    assert_int_equal(nl_rule_reason_text(p, r, NL_REASON_MAJOR, on, "vi", small, sizeof small),
                     NL_ERANGE);
    assert_string_equal(small, "Chuy");
    char one[1] = {'x'};
    assert_int_equal(nl_rule_reason_text(p, r, NL_REASON_OK, on, "vi", one, 1), NL_ERANGE);
    assert_int_equal(one[0], '\0');
    /* Exactly enough room is enough. */
    const char *ok = nl_reason_message(NL_REASON_OK, "en");
    char exact[32];
    assert_true(strlen(ok) + 1 <= sizeof exact);
    assert_int_equal(nl_rule_reason_text(p, r, NL_REASON_OK, on, "en", exact, strlen(ok) + 1),
                     NL_OK);
    assert_string_equal(exact, ok);
    /* Introspection: which parameter each condition reads. */
    size_t n = nl_rule_reason_count(r);
    const char *want[NL_REASON_COUNT] = {0};
    want[NL_REASON_DEGREE] = "attraction.min_degree";
    want[NL_REASON_MAJOR] = "attraction.majors";
    want[NL_REASON_AGENCY] = "attraction.agencies";
    want[NL_REASON_NOT_DEDICATED] = "attraction.dedicated_post_required";
    for (size_t i = 0; i < n; i++) {
        const char *key = nl_rule_reason_parameter(r, i);
        const char *expect = want[nl_rule_reason(r, i)];
        if (expect == NULL)
            assert_null(key);
        else
            assert_string_equal(key, expect);
    }
    assert_null(nl_rule_reason_parameter(r, n));
    assert_null(nl_rule_reason_parameter(NULL, 0));
}

/* ------------------------------------------------------------ format 1 */

static nl_policy *load(const char *path)
{
    nl_policy *p = NULL;
    nl_error err;
    nl_status s = nl_policy_load(path, &p, &err);
    if (s != NL_OK)
        fail_msg("%s: %s", path, err.message);
    return p;
}

/* Every attraction and training answer of two policies over a grid of
 * inputs and the dates around each change. */
static void same_answers(const nl_policy *a, const nl_policy *b, bool same_sources)
{
    const char *dates[] = {"2020-12-31", "2021-01-01", "2024-09-01", "2025-06-30",
                           "2025-07-01", "2025-12-31", "2026-01-01"};
    const int places[] = {80, 82, 88, 2683, 999};
    size_t checked = 0;
    for (size_t d = 0; d < sizeof dates / sizeof dates[0]; d++)
        for (int deg = 0; deg <= NL_DEGREE_DOCTOR; deg++)
            for (int m = 0; m <= NL_MAJOR_ELECTRONICS_TELECOM; m++)
                for (int ag = 0; ag <= NL_AGENCY_STATE; ag++)
                    for (int post = 0; post <= 1; post++)
                        for (size_t w = 0; w < sizeof places / sizeof places[0]; w++) {
                            nl_candidate c = candidate((nl_degree)deg, (nl_major)m,
                                                       (nl_agency)ag, post, dates[d]);
                            c.workplace = places[w];
                            nl_subsidy x = subsidy(a, c), y = subsidy(b, c);
                            assert_int_equal(x.eligible, y.eligible);
                            assert_int_equal(x.amount, y.amount);
                            assert_int_equal(x.reason, y.reason);
                            assert_int_equal(x.certainty, y.certainty);
                            if (same_sources)
                                assert_string_equal(x.source, y.source);
                            checked++;
                        }
    for (size_t d = 0; d < sizeof dates / sizeof dates[0]; d++)
        for (int f = 0; f < 4; f++) {
            nl_training t = {.dedicated_official = f & 1, .short_concentrated = f >> 1,
                             .tuition = 3000000, .meals = 900000, .days = 3,
                             .start = day(dates[d])};
            nl_training_result x, y;
            assert_int_equal(nl_training_support(a, &t, &x), NL_OK);
            assert_int_equal(nl_training_support(b, &t, &y), NL_OK);
            assert_int_equal(x.reason, y.reason);
            assert_int_equal(x.total, y.total);
            assert_int_equal(x.certainty, y.certainty);
            if (same_sources)
                assert_string_equal(x.source, y.source);
            checked++;
        }
    assert_int_equal(checked, 7 * 5 * 3 * 3 * 2 * 5 + 7 * 4);
}

static void test_format1_still_loads(void **state)
{
    const nl_policy *v2 = *state;
    nl_policy *v1 = load(V1_DOC);
    /* The same answers as the format 2 built-in: only the citations of the
     * conditions differ (format 1 reported them with the degree's). */
    same_answers(v1, v2, false);
    nl_param_type t;
    assert_int_equal(nl_policy_param_type(v1, "attraction.majors", &t, NULL, NULL, NULL), NL_OK);
    assert_int_equal(t, NL_PARAM_SET);
    assert_int_equal(param(v1, "attraction.majors", "2021-01-01"),
                     (1 << NL_MAJOR_IT) | (1 << NL_MAJOR_ELECTRONICS_TELECOM));
    assert_int_equal(param(v1, "training.short_course_required", "2021-01-01"), 1);
    assert_string_equal(citation(v1, "attraction.majors", "2024-09-01"),
                        citation(v1, "attraction.min_degree", "2024-09-01"));
    assert_string_equal(citation(v1, "training.dedicated_official_required", "2024-09-01"),
                        citation(v1, "training.tuition.share_bp", "2024-09-01"));
    nl_subsidy s = subsidy(v1, candidate(NL_DEGREE_BACHELOR, NL_MAJOR_OTHER, NL_AGENCY_STATE,
                                         true, "2024-09-01"));
    assert_int_equal(s.reason, NL_REASON_MAJOR);
    assert_string_equal(s.source, citation(v1, "attraction.min_degree", "2024-09-01"));
    /* Before the degree's first value the implied conditions are not in
     * force either: dated as the value they were reported with. */
    nl_param_value pv;
    assert_int_equal(nl_policy_get_value(v1, "attraction.majors", day("2020-12-31"), &pv),
                     NL_ENOTINFORCE);
    nl_policy_free(v1);
}

/* scripts/policy-upgrade's output (written by ctest before this test) is a
 * format 2 document with exactly the answers of the format 1 original,
 * citations included. */
static void test_upgraded_document(void **state)
{
    (void)state;
    nl_policy *v1 = load(V1_DOC), *up = load(NL_TEST_UPGRADED);
    same_answers(v1, up, true);
    size_t n;
    char *text = nlt_slurp(NL_TEST_UPGRADED, &n);
    assert_contains(text, "\"nhanluc-policy/2\"");
    assert_contains(text, "\"value\": \"bachelor\"");
    free(text);
    nl_policy_free(v1);
    nl_policy_free(up);
}

/* ------------------------------------------------- malformed documents */

/* A minimal format 2 document with the attraction family; `params` is
 * the text of its parameters beyond the period and the tier amount. */
static nl_status parse2(const char *format, const char *params, nl_error *err, nl_policy **out)
{
    char doc[4096];
    snprintf(doc, sizeof doc,
             "{\"format\": \"%s\", \"name\": \"t\",\n"
             " \"sources\": {\"s\": {\"citation\": \"c\", \"url\": \"\"}},\n"
             " \"workplaces\": [{\"code\": \"080\", \"name\": \"w\", \"tier\": \"city\", "
             "\"source\": \"s\"}],\n"
             " \"parameters\": {\n"
             "  \"attraction.amount.city\": {\"unit\": \"VND\", \"description\": \"d\",%s"
             " \"values\": [{\"since\": \"2021-01-01\", \"value\": 100, \"source\": \"s\","
             " \"status\": \"reported\"}]}%s%s}}",
             format, strcmp(format, "nhanluc-policy/1") == 0 ? "" : " \"type\": \"number\",",
             params[0] ? ",\n" : "", params);
    *out = NULL;
    return nl_policy_parse(doc, strlen(doc), out, err);
}

#define VALUES(v) \
    "\"values\": [{\"since\": \"2021-01-01\", \"value\": " v ", \"source\": \"s\", " \
    "\"status\": \"reported\"}]"

static void refused(const char *format, const char *params, const char *pointer,
                    const char *why)
{
    nl_error err;
    nl_policy *p;
    assert_int_equal(parse2(format, params, &err, &p), NL_EPARSE);
    assert_null(p);
    if (strcmp(err.key, pointer) != 0)
        fail_msg("key %s, wanted %s (%s)", err.key, pointer, err.message);
    assert_contains(err.message, why);
}

static void test_format2_errors(void **state)
{
    (void)state;
    const char *v2 = "nhanluc-policy/2", *v1 = "nhanluc-policy/1";
    /* The minimal documents load. */
    nl_error err;
    nl_policy *p;
    assert_int_equal(parse2(v2, "", &err, &p), NL_OK);
    nl_policy_free(p);
    assert_int_equal(parse2(v1, "", &err, &p), NL_OK);
    nl_policy_free(p);
    assert_int_equal(parse2(v2, "\"attraction.majors\": {\"type\": \"set\", \"codes\": \"major\", "
                                "\"description\": \"d\", " VALUES("[]") "}", &err, &p), NL_OK);
    assert_int_equal(param(p, "attraction.majors", "2021-01-01"), 0);
    nl_policy_free(p);

    refused("nhanluc-policy/3", "", "/format", "nhanluc-policy/2");
    refused(v1, "\"attraction.majors\": {\"unit\": \"set of major\", \"description\": \"d\", "
                VALUES("[\"it\"]") "}",
            "/parameters/attraction.majors", "needs format \"nhanluc-policy/2\"");
    refused(v2, "\"attraction.majors\": {\"type\": \"number\", \"unit\": \"VND\", "
                "\"description\": \"d\", " VALUES("1") "}",
            "/parameters/attraction.majors/type", "has type \"set\"");
    refused(v2, "\"attraction.majors\": {\"type\": \"set\", \"codes\": \"agency\", "
                "\"description\": \"d\", " VALUES("[\"it\"]") "}",
            "/parameters/attraction.majors/codes", "codes must be \"major\"");
    refused(v2, "\"attraction.majors\": {\"type\": \"set\", \"description\": \"d\", "
                VALUES("[\"it\"]") "}",
            "/parameters/attraction.majors", "codes");
    refused(v2, "\"attraction.majors\": {\"type\": \"set\", \"codes\": \"major\", \"unit\": "
                "\"x\", \"description\": \"d\", " VALUES("[\"it\"]") "}",
            "/parameters/attraction.majors/unit", "no member \"unit\"");
    refused(v2, "\"attraction.majors\": {\"type\": \"set\", \"codes\": \"major\", "
                "\"description\": \"d\", " VALUES("[\"it\", \"physics\"]") "}",
            "/parameters/attraction.majors/values/0/value/1", "not a major code");
    refused(v2, "\"attraction.majors\": {\"type\": \"set\", \"codes\": \"major\", "
                "\"description\": \"d\", " VALUES("[\"it\", \"it\"]") "}",
            "/parameters/attraction.majors/values/0/value/1", "listed twice");
    refused(v2, "\"attraction.majors\": {\"type\": \"set\", \"codes\": \"major\", "
                "\"description\": \"d\", " VALUES("\"it\"") "}",
            "/parameters/attraction.majors/values/0/value", "an array of major codes");
    refused(v2, "\"attraction.min_degree\": {\"type\": \"code\", \"codes\": \"degree\", "
                "\"description\": \"d\", " VALUES("2") "}",
            "/parameters/attraction.min_degree/values/0/value", "one degree code");
    refused(v2, "\"attraction.min_degree\": {\"type\": \"code\", \"codes\": \"degree\", "
                "\"description\": \"d\", " VALUES("\"phd\"") "}",
            "/parameters/attraction.min_degree/values/0/value",
            "none, college, bachelor, master, doctor");
    refused(v2, "\"attraction.min_degree\": {\"unit\": \"degree\", \"description\": \"d\", "
                VALUES("2") "}",
            "/parameters/attraction.min_degree", "type");
    refused(v2, "\"expert.cap.level1\": {\"type\": \"number\", \"description\": \"d\", "
                VALUES("1") "}",
            "/parameters/expert.cap.level1", "unit");
    refused(v2, "\"expert.cap.level1\": {\"type\": \"table\", \"unit\": \"VND/month\", "
                "\"description\": \"d\", " VALUES("1") "}",
            "/parameters/expert.cap.level1/type", "has type \"number\"");
}

/* A format 2 document without one condition's parameter: the rule is not
 * in force and says which parameter is missing. */
static void test_format2_condition_absent(void **state)
{
    (void)state;
    nl_error err;
    nl_policy *p;
    assert_int_equal(parse2("nhanluc-policy/2",
                            "\"attraction.period\": {\"type\": \"number\", \"unit\": \"bool\", "
                            "\"description\": \"d\", " VALUES("1") "},\n"
                            "\"attraction.min_degree\": {\"type\": \"code\", \"codes\": "
                            "\"degree\", \"description\": \"d\", " VALUES("\"bachelor\"") "}",
                            &err, &p), NL_OK);
    nl_subsidy s = subsidy(p, candidate(NL_DEGREE_BACHELOR, NL_MAJOR_IT, NL_AGENCY_STATE, true,
                                        "2024-01-01"));
    assert_int_equal(s.reason, NL_REASON_NOT_IN_FORCE);
    assert_string_equal(s.source, "parameter attraction.majors is not in this policy document");
    assert_int_equal(s.certainty, NL_CERTAINTY_UNCONFIRMED);
    nl_policy_free(p);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        TEST(test_parameter_types),
        TEST(test_each_condition_cites_its_parameter),
        TEST(test_sets_decide),
        TEST(test_condition_ended),
        TEST(test_reason_text_follows_parameters),
        TEST(test_reason_text_errors),
        TEST(test_format1_still_loads),
        TEST(test_upgraded_document),
        TEST(test_format2_errors),
        TEST(test_format2_condition_absent),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
