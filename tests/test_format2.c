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

static void same_expert_answers(const nl_policy *a, const nl_policy *b);

static void test_format1_still_loads(void **state)
{
    const nl_policy *v2 = *state;
    nl_policy *v1 = load(V1_DOC);
    /* The same answers as the format 2 built-in: only the citations of the
     * conditions differ (format 1 reported them with the degree's). */
    same_answers(v1, v2, false);
    /* The thresholds folded into scales, the roles into their table: the
     * same expert answers, citations included (the scales are dated and
     * cited as the thresholds were). */
    same_expert_answers(v1, v2);
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
    /* The thresholds are written as the scales and the role table. */
    assert_contains(text, "\"expert.levels.bachelor\"");
    assert_contains(text, "\"expert.levels.master\"");
    assert_contains(text, "\"expert.role_level\"");
    if (strstr(text, "\"expert.years.") != NULL)   /* as a key; descriptions name them */
        fail_msg("the upgraded document still has expert.years.* keys");
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


/* ------------------------------------------------- tables and scales */

/* Every expert answer of two policies over the experience boundaries of
 * both scales (the day before each threshold and the threshold), each
 * role and degree, on the dates around the 2025-07-01 change. */
static void same_expert_answers(const nl_policy *a, const nl_policy *b)
{
    const char *dates[] = {"2015-02-28", "2015-03-01", "2025-06-30", "2025-07-01"};
    const double years[] = {0, 2.99, 3, 4.99, 5, 7.99, 8, 9.99, 10, 14.99, 15, 40};
    size_t checked = 0;
    for (size_t d = 0; d < 4; d++)
        for (int deg = 0; deg <= NL_DEGREE_DOCTOR; deg++)
            for (size_t y = 0; y < sizeof years / sizeof years[0]; y++)
                for (int r = 0; r <= NL_ROLE_TEAM_LEADER; r++) {
                    nl_expert e = {(nl_degree)deg, years[y], (nl_role)r, false, day(dates[d])};
                    nl_expert_cap x, z;
                    assert_int_equal(nl_expert_salary_cap(a, &e, &x), NL_OK);
                    assert_int_equal(nl_expert_salary_cap(b, &e, &z), NL_OK);
                    assert_int_equal(x.level, z.level);
                    assert_int_equal(x.monthly, z.monthly);
                    assert_int_equal(x.reason, z.reason);
                    assert_int_equal(x.certainty, z.certainty);
                    assert_string_equal(x.source, z.source);
                    checked++;
                }
    assert_int_equal(checked, 4 * 5 * 12 * 3);
}

static int64_t look(const nl_policy *p, const char *key, const char *iso, int64_t at)
{
    int64_t v = -1;
    nl_status s = nl_policy_lookup(p, key, day(iso), at, &v);
    if (s != NL_OK)
        fail_msg("%s at %lld: %s", key, (long long)at, nl_status_name(s));
    return v;
}

static void test_scale_and_table_values(void **state)
{
    const nl_policy *p = *state;
    nl_param_type t;
    const char *list;
    assert_int_equal(nl_policy_param_type(p, "expert.levels.bachelor", &t, NULL, NULL, &list),
                     NL_OK);
    assert_int_equal(t, NL_PARAM_SCALE);
    assert_null(list);
    assert_int_equal(nl_policy_param_type(p, "expert.role_level", &t, NULL, NULL, &list), NL_OK);
    assert_int_equal(t, NL_PARAM_TABLE);
    assert_string_equal(list, "role");
    /* TT 02/2015 and TT 004/2025: bachelor 5 / 10 / 15 years, master's 3 / 5 / 8. */
    const char *on[] = {FACT_TT02_LAST_DAY, "2025-07-01"};
    for (int d = 0; d < 2; d++) {
        const int64_t b[][2] = {{0, 4}, {4, 4}, {5, 3}, {9, 3}, {10, 2}, {14, 2}, {15, 1}, {200, 1}};
        for (size_t i = 0; i < sizeof b / sizeof b[0]; i++)
            assert_int_equal(look(p, "expert.levels.bachelor", on[d], b[i][0]), b[i][1]);
        const int64_t m[][2] = {{0, 4}, {2, 4}, {3, 3}, {4, 3}, {5, 2}, {7, 2}, {8, 1}};
        for (size_t i = 0; i < sizeof m / sizeof m[0]; i++)
            assert_int_equal(look(p, "expert.levels.master", on[d], m[i][0]), m[i][1]);
        assert_int_equal(look(p, "expert.role_level", on[d], NL_ROLE_TEAM_LEADER), 1);
        assert_int_equal(look(p, "expert.role_level", on[d], NL_ROLE_ITEM_LEAD), 2);
    }
    int64_t v = 7;
    assert_int_equal(nl_policy_lookup(p, "expert.role_level", day("2024-01-01"), NL_ROLE_MEMBER,
                                      &v), NL_ENOTINFORCE);   /* a member is guaranteed none */
    assert_int_equal(v, 0);
    assert_int_equal(nl_policy_lookup(p, "expert.role_level", day("2024-01-01"), 3, &v),
                     NL_EINVAL);
    assert_int_equal(nl_policy_lookup(p, "expert.levels.master", day("2024-01-01"), 201, &v),
                     NL_EINVAL);
    assert_int_equal(nl_policy_lookup(p, "expert.levels.master", day("2024-01-01"), -1, &v),
                     NL_EINVAL);
    assert_int_equal(nl_policy_lookup(p, "expert.levels.master", day("2015-02-28"), 0, &v),
                     NL_ENOTINFORCE);
    assert_int_equal(nl_policy_lookup(p, "expert.cap.level1", day("2024-01-01"), 0, &v),
                     NL_EINVAL);
    assert_int_equal(nl_policy_lookup(p, "expert.levels.phd", day("2024-01-01"), 0, &v),
                     NL_ENOTFOUND);
    assert_int_equal(nl_policy_get(p, "expert.levels.bachelor", day("2024-01-01"), &v), NL_OK);
    assert_int_equal(v, 4);   /* a scale's value is its number of steps */
    size_t idx, n;
    const nl_param_entry *e;
    assert_int_equal(nl_policy_param_find(p, "expert.role_level", &idx), NL_OK);
    assert_int_equal(nl_policy_param_entries(p, idx, 0, &e, &n), NL_OK);
    assert_int_equal(n, 2);
    assert_int_equal(e[0].at, NL_ROLE_ITEM_LEAD);
    assert_int_equal(e[1].at, NL_ROLE_TEAM_LEADER);
    assert_int_equal(nl_policy_param_entries(p, idx, 2, &e, &n), NL_ENOTFOUND);
    assert_int_equal(nl_policy_param_find(p, "expert.cap.level1", &idx), NL_OK);
    assert_int_equal(nl_policy_param_entries(p, idx, 0, &e, &n), NL_EINVAL);
    assert_null(e);
}

static void test_scale_what_if(void **state)
{
    nl_policy *w;
    assert_int_equal(nl_policy_clone(*state, &w), NL_OK);
    const nl_date since = day("2024-01-01");
    /* One level for everyone from 2 years; the role table emptied. */
    const nl_param_entry flat[] = {{0, 4}, {2, 1}};
    assert_int_equal(nl_policy_set_entries(w, "expert.levels.bachelor", since, flat, 2), NL_OK);
    assert_int_equal(nl_policy_set_entries(w, "expert.role_level", since, NULL, 0), NL_OK);
    nl_expert e = {NL_DEGREE_BACHELOR, 1.99, NL_ROLE_TEAM_LEADER, false, since};
    nl_expert_cap c;
    assert_int_equal(nl_expert_salary_cap(w, &e, &c), NL_OK);
    assert_int_equal(c.level, 4);
    assert_int_equal(c.certainty, NL_CERTAINTY_USER);
    e.experience_years = 2;
    assert_int_equal(nl_expert_salary_cap(w, &e, &c), NL_OK);
    assert_int_equal(c.level, 1);
    /* The day before, and the original: unchanged. */
    e.on = since - 1;
    e.experience_years = 1.99;
    assert_int_equal(nl_expert_salary_cap(w, &e, &c), NL_OK);
    assert_int_equal(c.level, 1);   /* team leader */
    e.on = since;
    assert_int_equal(nl_expert_salary_cap(*state, &e, &c), NL_OK);
    assert_int_equal(c.level, 1);
    e.role = NL_ROLE_MEMBER;
    assert_int_equal(nl_expert_salary_cap(*state, &e, &c), NL_OK);
    assert_int_equal(c.level, 4);
    /* Refused entries leave the parameter as it was. */
    const nl_param_entry late[] = {{1, 4}}, unsorted[] = {{0, 4}, {5, 3}, {5, 2}},
                         level5[] = {{0, 5}}, far[] = {{0, 4}, {201, 1}}, code3[] = {{3, 1}},
                         twice[] = {{1, 2}, {1, 1}};
    assert_int_equal(nl_policy_set_entries(w, "expert.levels.master", since, late, 1), NL_EINVAL);
    assert_int_equal(nl_policy_set_entries(w, "expert.levels.master", since, unsorted, 3),
                     NL_EINVAL);
    assert_int_equal(nl_policy_set_entries(w, "expert.levels.master", since, level5, 1),
                     NL_EINVAL);
    assert_int_equal(nl_policy_set_entries(w, "expert.levels.master", since, far, 2), NL_EINVAL);
    assert_int_equal(nl_policy_set_entries(w, "expert.levels.master", since, NULL, 0), NL_EINVAL);
    assert_int_equal(nl_policy_set_entries(w, "expert.role_level", since, code3, 1), NL_EINVAL);
    assert_int_equal(nl_policy_set_entries(w, "expert.role_level", since, twice, 2), NL_EINVAL);
    assert_int_equal(nl_policy_set_entries(w, "expert.cap.level1", since, flat, 2), NL_EINVAL);
    assert_int_equal(nl_policy_set_entries(w, "expert.nothing", since, flat, 2), NL_ENOTFOUND);
    assert_int_equal(nl_policy_set_entries(w, "expert.levels.master", 3000000, flat, 2),
                     NL_EDATE);
    assert_int_equal(nl_policy_set(w, "expert.levels.master", since, 4), NL_EINVAL);
    assert_int_equal(nl_policy_set(w, "expert.role_level", since, 0), NL_EINVAL);
    assert_int_equal(look(w, "expert.levels.master", "2024-01-01", 4), 3);
    /* A clone is deep: changing it leaves the copy's source alone. */
    nl_policy *w2;
    assert_int_equal(nl_policy_clone(w, &w2), NL_OK);
    assert_int_equal(nl_policy_end(w2, "expert.levels.bachelor", since), NL_OK);
    assert_int_equal(look(w, "expert.levels.bachelor", "2024-01-01", 2), 1);
    nl_policy_free(w2);
    nl_policy_free(w);
}

/* Format 1's keys expert.years.<group>.levelN read and change the scale. */
static void test_legacy_threshold_keys(void **state)
{
    nl_policy *w;
    assert_int_equal(nl_policy_clone(*state, &w), NL_OK);
    const struct { const char *key; int64_t years; } th[] = {
        {"expert.years.bachelor.level1", 15}, {"expert.years.bachelor.level2", 10},
        {"expert.years.bachelor.level3", 5}, {"expert.years.master.level1", 8},
        {"expert.years.master.level2", 5}, {"expert.years.master.level3", 3}};
    for (size_t i = 0; i < 6; i++)
        assert_int_equal(param(w, th[i].key, "2024-01-01"), th[i].years);
    nl_param_value pv;
    assert_int_equal(nl_policy_get_value(w, "expert.years.master.level1", day("2025-07-01"), &pv),
                     NL_OK);
    assert_string_equal(pv.source, citation(w, "expert.levels.master", "2025-07-01"));
    assert_int_equal(pv.certainty, NL_CERTAINTY_CONFIRMED);
    int64_t v;
    assert_int_equal(nl_policy_get(w, "expert.years.master.level1", day("2015-02-28"), &v),
                     NL_ENOTINFORCE);
    assert_int_equal(nl_policy_get(w, "expert.years.master.level4", day("2024-01-01"), &v),
                     NL_ENOTFOUND);
    /* Level 2 from 9 years: 8.99 is level 3, 9 level 2, 10 still level 2. */
    assert_int_equal(nl_policy_set(w, "expert.years.bachelor.level2", day("2020-01-01"), 9),
                     NL_OK);
    assert_int_equal(look(w, "expert.levels.bachelor", "2020-01-01", 8), 3);
    assert_int_equal(look(w, "expert.levels.bachelor", "2020-01-01", 9), 2);
    assert_int_equal(look(w, "expert.levels.bachelor", "2020-01-01", 15), 1);
    assert_int_equal(look(w, "expert.levels.bachelor", "2019-12-31", 9), 3);
    assert_int_equal(param(w, "expert.years.bachelor.level2", "2020-01-01"), 9);
    assert_int_equal(param(w, "expert.years.bachelor.level1", "2020-01-01"), 15);
    assert_int_equal(nl_policy_set(w, "expert.years.bachelor.level2", day("2020-01-01"), 201),
                     NL_EINVAL);
    assert_int_equal(nl_policy_set(w, "expert.years.bachelor.level2", day("2020-01-01"), -1),
                     NL_EINVAL);
    assert_int_equal(nl_policy_set(w, "expert.years.bachelor.level2", day("2010-01-01"), 9),
                     NL_ENOTINFORCE);
    assert_int_equal(nl_policy_end(w, "expert.years.bachelor.level2", day("2020-01-01")),
                     NL_EINVAL);
    /* A scale that never reaches level 1 has no level-1 threshold. */
    const nl_param_entry low[] = {{0, 4}, {5, 2}};
    assert_int_equal(nl_policy_set_entries(w, "expert.levels.master", day("2024-01-01"), low, 2),
                     NL_OK);
    assert_int_equal(nl_policy_get(w, "expert.years.master.level1", day("2024-01-01"), &v),
                     NL_ENOTINFORCE);
    assert_int_equal(param(w, "expert.years.master.level3", "2024-01-01"), 5);
    nl_policy_free(w);
}

static void test_scale_and_table_errors(void **state)
{
    (void)state;
    const char *v2 = "nhanluc-policy/2";
#define SCALE(v) "\"expert.levels.master\": {\"type\": \"scale\", \"of\": \"years\", " \
                 "\"unit\": \"level\", \"description\": \"d\", " VALUES(v) "}"
#define TABLE(v) "\"expert.role_level\": {\"type\": \"table\", \"codes\": \"role\", " \
                 "\"unit\": \"level\", \"description\": \"d\", " VALUES(v) "}"
    nl_error err;
    nl_policy *p;
    assert_int_equal(parse2(v2, SCALE("[{\"at_least\": 0, \"value\": 3}]") ",\n" TABLE("{}"),
                            &err, &p), NL_OK);
    assert_int_equal(look(p, "expert.levels.master", "2021-01-01", 200), 3);
    nl_policy_free(p);
    const char *sp = "/parameters/expert.levels.master/values/0/value",
               *tp = "/parameters/expert.role_level/values/0/value";
    refused(v2, SCALE("[]"), sp, "at least one step");
    refused(v2, SCALE("{\"at_least\": 0}"), sp, "an array of steps");
    refused(v2, SCALE("[{\"at_least\": 1, \"value\": 3}]"), "/parameters/expert.levels.master/"
            "values/0/value/0/at_least", "must start at 0 years");
    refused(v2, SCALE("[{\"at_least\": 0, \"value\": 3}, {\"at_least\": 0, \"value\": 2}]"),
            "/parameters/expert.levels.master/values/0/value/1/at_least", "strictly increase");
    refused(v2, SCALE("[{\"at_least\": 0, \"value\": 3}, {\"at_least\": 201, \"value\": 2}]"),
            "/parameters/expert.levels.master/values/0/value/1/at_least", "0..200");
    refused(v2, SCALE("[{\"at_least\": 0.5, \"value\": 3}]"),
            "/parameters/expert.levels.master/values/0/value/0/at_least", "whole number");
    refused(v2, SCALE("[{\"at_least\": 0, \"value\": 5}]"),
            "/parameters/expert.levels.master/values/0/value/0/value", "1..4");
    refused(v2, SCALE("[{\"at_least\": 0}]"),
            "/parameters/expert.levels.master/values/0/value/0", "missing member \"value\"");
    refused(v2, SCALE("[{\"at_least\": 0, \"value\": 3, \"x\": 1}]"),
            "/parameters/expert.levels.master/values/0/value/0/x", "");
    refused(v2, SCALE("[3]"), "/parameters/expert.levels.master/values/0/value/0", "a step");
    refused(v2, "\"expert.levels.master\": {\"type\": \"scale\", \"of\": \"months\", "
                "\"unit\": \"level\", \"description\": \"d\", " VALUES("[]") "}",
            "/parameters/expert.levels.master/of", "of must be \"years\"");
    refused(v2, "\"expert.levels.master\": {\"type\": \"scale\", \"unit\": \"level\", "
                "\"description\": \"d\", " VALUES("[]") "}",
            "/parameters/expert.levels.master", "of");
    refused(v2, "\"expert.levels.master\": {\"type\": \"scale\", \"of\": \"years\", "
                "\"codes\": \"role\", \"unit\": \"level\", \"description\": \"d\", "
                VALUES("[]") "}",
            "/parameters/expert.levels.master/codes", "no member \"codes\"");
    refused(v2, TABLE("[]"), tp, "an object");
    refused(v2, TABLE("{\"boss\": 1}"), "/parameters/expert.role_level/values/0/value/boss",
            "not a role code (member, item_lead, team_leader)");
    refused(v2, TABLE("{\"member\": 0}"), "/parameters/expert.role_level/values/0/value/member",
            "1..4");
    refused(v2, "\"expert.role_level\": {\"type\": \"table\", \"codes\": \"degree\", "
                "\"unit\": \"level\", \"description\": \"d\", " VALUES("{}") "}",
            "/parameters/expert.role_level/codes", "codes must be \"role\"");
    refused(v2, "\"expert.role_level\": {\"type\": \"table\", \"codes\": \"role\", "
                "\"unit\": \"years\", \"description\": \"d\", " VALUES("{}") "}",
            "/parameters/expert.role_level/unit", "unit must be \"level\"");
    refused("nhanluc-policy/1", "\"expert.role_level\": {\"unit\": \"level\", "
                                "\"description\": \"d\", " VALUES("{}") "}",
            "/parameters/expert.role_level", "needs format \"nhanluc-policy/2\"");
    /* The old keys: all three of a group, and not beside its scale. */
    refused(v2, "\"expert.years.master.level1\": {\"type\": \"number\", \"unit\": \"years\", "
                "\"description\": \"d\", " VALUES("8") "}",
            "/parameters", "expert.years.master.level1..3 go together");
    refused(v2, SCALE("[{\"at_least\": 0, \"value\": 3}]") ",\n"
            "\"expert.years.master.level1\": {\"type\": \"number\", \"unit\": \"years\", "
            "\"description\": \"d\", " VALUES("8") "},\n"
            "\"expert.years.master.level2\": {\"type\": \"number\", \"unit\": \"years\", "
            "\"description\": \"d\", " VALUES("5") "},\n"
            "\"expert.years.master.level3\": {\"type\": \"number\", \"unit\": \"years\", "
            "\"description\": \"d\", " VALUES("3") "}",
            "/parameters", "keep one");
#undef SCALE
#undef TABLE
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
        TEST(test_scale_and_table_values),
        TEST(test_scale_what_if),
        TEST(test_legacy_threshold_keys),
        TEST(test_scale_and_table_errors),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
