/* The rule declarations (nhanluc/rule.h): introspection, errors naming the
 * field, defaults, and nl_rule_eval answering as the typed functions do. */
#include "nl_test.h"

static const char *const expected_rules[] = {"attraction_subsidy", "expert_salary_cap",
                                             "training_support"};

static void the_three_families_are_declared_in_a_stable_order(void **state)
{
    (void)state;
    assert_int_equal(nl_rule_count(), 3);
    for (size_t i = 0; i < 3; i++) {
        const nl_rule *r = nl_rule_at(i);
        assert_non_null(r);
        assert_string_equal(nl_rule_name(r), expected_rules[i]);
        assert_ptr_equal(nl_rule_find(expected_rules[i]), r);
        assert_non_null(nl_rule_title(r, "vi"));
        assert_non_null(nl_rule_title(r, "en"));
        assert_null(nl_rule_title(r, "fr"));
        /* The law it follows is a file of the repository. */
        char path[512];
        snprintf(path, sizeof path, "%s/%s", NL_TEST_SOURCE_DIR, nl_rule_law(r));
        FILE *f = fopen(path, "r");
        assert_non_null(f);
        fclose(f);
        /* Reasons: ok first, then not in force, each a real reason once. */
        assert_true(nl_rule_reason_count(r) >= 2);
        assert_int_equal(nl_rule_reason(r, 0), NL_REASON_OK);
        assert_int_equal(nl_rule_reason(r, 1), NL_REASON_NOT_IN_FORCE);
        assert_int_equal(nl_rule_reason(r, nl_rule_reason_count(r)), -1);
        for (size_t j = 0; j < nl_rule_reason_count(r); j++) {
            assert_non_null(nl_reason_name((nl_reason)nl_rule_reason(r, j)));
            for (size_t k = 0; k < j; k++)
                assert_int_not_equal(nl_rule_reason(r, j), nl_rule_reason(r, k));
        }
    }
    assert_null(nl_rule_at(3));
    assert_null(nl_rule_find("monthly_allowance_unknown"));
    assert_null(nl_rule_find(NULL));
    assert_null(nl_rule_name(NULL));
    assert_int_equal(nl_rule_input_count(NULL), 0);
    assert_null(nl_rule_input(NULL, 0));
    assert_int_equal(nl_rule_input_index(NULL, "degree"), -1);
}

/* The inputs each family is documented with (rules.h), in struct order. */
static void inputs_are_the_documented_fields_with_their_types(void **state)
{
    (void)state;
    static const struct {
        const char *rule, *name;
        nl_field_type type;
        bool optional;
    } want[] = {
        {"attraction_subsidy", "degree", NL_FIELD_CODE, false},
        {"attraction_subsidy", "major", NL_FIELD_CODE, false},
        {"attraction_subsidy", "agency", NL_FIELD_CODE, false},
        {"attraction_subsidy", "dedicated_post", NL_FIELD_BOOL, false},
        {"attraction_subsidy", "workplace", NL_FIELD_WORKPLACE, false},
        {"attraction_subsidy", "start", NL_FIELD_DATE, false},
        {"expert_salary_cap", "degree", NL_FIELD_CODE, false},
        {"expert_salary_cap", "experience_years", NL_FIELD_YEARS, false},
        {"expert_salary_cap", "role", NL_FIELD_CODE, true},
        {"expert_salary_cap", "special_expertise", NL_FIELD_BOOL, true},
        {"expert_salary_cap", "on", NL_FIELD_DATE, false},
        {"training_support", "dedicated_official", NL_FIELD_BOOL, false},
        {"training_support", "short_concentrated", NL_FIELD_BOOL, false},
        {"training_support", "tuition", NL_FIELD_MONEY, true},
        {"training_support", "materials", NL_FIELD_MONEY, true},
        {"training_support", "meals", NL_FIELD_MONEY, true},
        {"training_support", "travel", NL_FIELD_MONEY, true},
        {"training_support", "days", NL_FIELD_INT, false},
        {"training_support", "start", NL_FIELD_DATE, false},
    };
    size_t seen[3] = {0};
    for (size_t i = 0; i < sizeof want / sizeof want[0]; i++) {
        const nl_rule *r = nl_rule_find(want[i].rule);
        size_t ri = (size_t)(r == nl_rule_at(0) ? 0 : r == nl_rule_at(1) ? 1 : 2);
        const nl_field_info *f = nl_rule_input(r, seen[ri]);
        assert_non_null(f);
        assert_string_equal(f->name, want[i].name);
        assert_int_equal(f->type, want[i].type);
        assert_int_equal(f->optional, want[i].optional);
        assert_int_equal(nl_rule_input_index(r, want[i].name), (ptrdiff_t)seen[ri]);
        assert_non_null(f->label_vi);
        assert_non_null(f->label_en);
        assert_non_null(f->doc);
        seen[ri]++;
    }
    for (size_t i = 0; i < 3; i++)
        assert_int_equal(nl_rule_input_count(nl_rule_at(i)), seen[i]);

    /* Code lists are the C enums' values, by name. */
    const nl_field_info *deg = nl_rule_input(nl_rule_find("attraction_subsidy"), 0);
    assert_int_equal(deg->ncodes, 5);
    assert_int_equal(nl_field_code(deg, "bachelor"), NL_DEGREE_BACHELOR);
    assert_int_equal(nl_field_code(deg, "doctor"), NL_DEGREE_DOCTOR);
    assert_int_equal(nl_field_code(deg, "Bachelor"), -1);
    assert_int_equal(nl_field_code(deg, NULL), -1);
    const nl_field_info *role = nl_rule_input(nl_rule_find("expert_salary_cap"), 2);
    assert_int_equal(nl_field_code(role, "team_leader"), NL_ROLE_TEAM_LEADER);
    assert_int_equal(role->default_value.i, NL_ROLE_MEMBER);
    const nl_field_info *wp = nl_rule_input(nl_rule_find("attraction_subsidy"), 4);
    assert_int_equal(wp->min, 0);
    assert_int_equal(wp->max, 99999);   /* five-digit commune codes */
    const nl_field_info *days = nl_rule_input(nl_rule_find("training_support"), 6);
    assert_int_equal(days->min, 1);
    assert_int_equal(nl_field_code(days, "1"), -1);   /* not a code field */
    assert_string_equal(nl_field_type_name(NL_FIELD_WORKPLACE), "workplace");
    assert_null(nl_field_type_name((nl_field_type)NL_FIELD_TYPE_COUNT));
}

static void outputs_name_what_the_result_structs_hold(void **state)
{
    (void)state;
    const nl_rule *a = nl_rule_find("attraction_subsidy");
    const char *names[] = {"eligible", "amount", "reason", "source", "certainty"};
    assert_int_equal(nl_rule_output_count(a), 5);
    for (size_t i = 0; i < 5; i++)
        assert_string_equal(nl_rule_output(a, i)->name, names[i]);
    assert_int_equal(nl_rule_output(a, 3)->type, NL_FIELD_TEXT);
    assert_null(nl_rule_output(a, 5));
    assert_int_equal(nl_rule_output_index(nl_rule_find("expert_salary_cap"),
                                          "monthly_certainty"), 8);
    assert_int_equal(nl_rule_output_index(nl_rule_find("training_support"), "total"), 5);
    assert_int_equal(nl_rule_output_index(a, "nope"), -1);
}

/* A valid value for every input of a rule: what the tests below start from. */
static void valid_inputs(const nl_rule *r, nl_value *v)
{
    for (size_t i = 0; i < nl_rule_input_count(r); i++) {
        const nl_field_info *f = nl_rule_input(r, i);
        switch (f->type) {
        case NL_FIELD_YEARS: v[i].f = 6.0; break;
        case NL_FIELD_DATE: v[i].i = day("2024-05-01"); break;
        case NL_FIELD_WORKPLACE: v[i].i = fact_workplaces[0].code; break;
        case NL_FIELD_CODE: v[i].i = (int64_t)f->ncodes - 1; break;
        case NL_FIELD_BOOL: v[i].i = 1; break;
        default: v[i].i = f->min + 1; break;
        }
    }
}

/* Each input, set to the first value past its declared range, is refused
 * with its own name in err.key; the typed function refuses the same. */
static void every_input_out_of_range_is_an_error_naming_it(void **state)
{
    nl_policy *p = *state;
    for (size_t ri = 0; ri < nl_rule_count(); ri++) {
        const nl_rule *r = nl_rule_at(ri);
        for (size_t i = 0; i < nl_rule_input_count(r); i++) {
            const nl_field_info *f = nl_rule_input(r, i);
            nl_value in[16], out[16];
            valid_inputs(r, in);
            nl_status want = NL_EINVAL;
            switch (f->type) {
            case NL_FIELD_YEARS: in[i].f = -0.01; break;
            case NL_FIELD_DATE: in[i].i = after_last_day(); want = NL_EDATE; break;
            case NL_FIELD_CODE: in[i].i = (int64_t)f->ncodes; break;
            case NL_FIELD_BOOL: in[i].i = 2; break;
            default: in[i].i = f->min - 1; break;
            }
            nl_error err;
            SCRIBBLE(out);
            assert_int_equal(nl_rule_eval(p, r, in, nl_rule_input_count(r), out,
                                          nl_rule_output_count(r), &err), want);
            assert_int_equal(err.status, want);
            assert_string_equal(err.key, f->name);
            assert_non_null(strstr(err.message, f->name));
            for (size_t o = 0; o < nl_rule_output_count(r); o++)
                assert_int_equal(out[o].i, 0);
            /* The other side of the boundary is accepted. */
            valid_inputs(r, in);
            switch (f->type) {
            case NL_FIELD_YEARS: in[i].f = 0.0; break;
            case NL_FIELD_DATE: in[i].i = day("9999-12-31"); break;
            case NL_FIELD_CODE: in[i].i = 0; break;
            case NL_FIELD_BOOL: in[i].i = 0; break;
            default: in[i].i = f->min; break;
            }
            assert_int_equal(nl_rule_eval(p, r, in, nl_rule_input_count(r), out,
                                          nl_rule_output_count(r), &err), NL_OK);
            assert_string_equal(err.key, "");
        }
    }
}

static void years_refuse_nan_and_infinity_by_name(void **state)
{
    nl_policy *p = *state;
    const nl_rule *r = nl_rule_find("expert_salary_cap");
    nl_value in[5], out[9];
    nl_error err;
    valid_inputs(r, in);
    in[1].f = NAN;
    assert_int_equal(nl_rule_eval(p, r, in, 5, out, 9, &err), NL_EINVAL);
    assert_string_equal(err.key, "experience_years");
    in[1].f = INFINITY;
    assert_int_equal(nl_rule_eval(p, r, in, 5, out, 9, &err), NL_EINVAL);
    assert_string_equal(err.key, "experience_years");
}

/* A value past 32 bits for a 32-bit member is a range error, never
 * wrapped (whatever else is wrong with it). */
static void a_value_past_32_bits_is_refused_not_wrapped(void **state)
{
    nl_policy *p = *state;
    const nl_rule *r = nl_rule_find("training_support");
    nl_value in[8], out[9];
    nl_error err;
    valid_inputs(r, in);
    in[6].i = INT64_C(4294967297);   /* would wrap to 1 day */
    assert_int_equal(nl_rule_eval(p, r, in, 8, out, 9, &err), NL_ERANGE);
    assert_string_equal(err.key, "days");
    in[6].i = INT64_C(2147483648);   /* one past: would wrap to a negative */
    assert_int_equal(nl_rule_eval(p, r, in, 8, out, 9, &err), NL_ERANGE);
    in[6].i = INT32_MAX;
    assert_int_equal(nl_rule_eval(p, r, in, 8, out, 9, &err), NL_OK);
    const nl_rule *a = nl_rule_find("attraction_subsidy");
    nl_value c[6];
    valid_inputs(a, c);
    c[4].i = INT64_C(-2147483649);
    assert_int_equal(nl_rule_eval(p, a, c, 6, out, 5, &err), NL_ERANGE);
    assert_string_equal(err.key, "workplace");
}

/* An invalid value wins over an invalid date, wherever they are. */
static void a_bad_value_is_reported_before_a_bad_date(void **state)
{
    nl_policy *p = *state;
    const nl_rule *r = nl_rule_find("attraction_subsidy");
    nl_value in[6], out[5];
    nl_error err;
    valid_inputs(r, in);
    in[5].i = before_first_day();
    in[4].i = 100000;
    assert_int_equal(nl_rule_eval(p, r, in, 6, out, 5, &err), NL_EINVAL);
    assert_string_equal(err.key, "workplace");
    nl_candidate c = {NL_DEGREE_BACHELOR, NL_MAJOR_IT, NL_AGENCY_STATE, true, 100000,
                      before_first_day()};
    nl_subsidy s;
    assert_int_equal(nl_attraction_subsidy(p, &c, &s), NL_EINVAL);
    in[4].i = 80;
    assert_int_equal(nl_rule_eval(p, r, in, 6, out, 5, &err), NL_EDATE);
    assert_string_equal(err.key, "start");
}

static void optional_inputs_take_their_defaults_required_ones_do_not(void **state)
{
    nl_policy *p = *state;
    const nl_rule *r = nl_rule_find("expert_salary_cap");
    nl_value in[5], out[9], full[9];
    nl_error err;
    /* Bachelor, 6 years, on the last day of TT 02/2015: level 3. */
    in[0].i = NL_DEGREE_BACHELOR;
    in[1].f = 6.0;
    in[2].i = NL_ROLE_MEMBER;
    in[3].i = 0;
    in[4].i = day(FACT_TT02_LAST_DAY);
    assert_int_equal(nl_rule_eval(p, r, in, 5, full, 9, &err), NL_OK);
    assert_int_equal(full[0].i, 3);
    /* "on" is required: leaving out the last two inputs refuses it. */
    assert_int_equal(nl_rule_eval(p, r, in, 4, out, 9, &err), NL_EINVAL);
    assert_int_equal(nl_rule_eval(p, r, in, 3, out, 9, &err), NL_EINVAL);
    assert_string_equal(err.key, "on");
    assert_non_null(strstr(err.message, "missing field"));
    /* Too many inputs, or outputs, is an error. */
    nl_value many[6] = {0};
    assert_int_equal(nl_rule_eval(p, r, many, 6, out, 9, &err), NL_EINVAL);
    assert_int_equal(nl_rule_eval(p, r, in, 5, out, 10, &err), NL_EINVAL);
    assert_int_equal(nl_rule_eval(NULL, r, in, 5, out, 9, &err), NL_EINVAL);
    assert_int_equal(nl_rule_eval(p, NULL, in, 5, out, 9, &err), NL_EINVAL);
    assert_int_equal(nl_rule_eval(p, r, NULL, 5, out, 9, &err), NL_EINVAL);
    assert_int_equal(nl_rule_eval(p, r, in, 5, NULL, 9, NULL), NL_EINVAL);
    /* Reading fewer outputs fills only those. */
    SCRIBBLE(out);
    assert_int_equal(nl_rule_eval(p, r, in, 5, out, 2, NULL), NL_OK);
    assert_int_equal(out[0].i, 3);
    assert_int_equal(out[1].i, full[1].i);
    assert_int_not_equal(out[2].i, 0);   /* untouched scribble */
}

/* nl_rule_eval and the typed functions answer alike, around each rule's
 * boundaries (the first and last day of an instrument, every tier). */
static void eval_answers_as_the_typed_attraction_subsidy(void **state)
{
    nl_policy *p = *state;
    const nl_rule *r = nl_rule_find("attraction_subsidy");
    const char *days[] = {"2020-12-31", FACT_NQ11_FIRST_DAY, FACT_DISTRICTS_LAST_DAY,
                          FACT_MERGER_DAY, "2025-12-31", FACT_NQ11_END_DAY};
    const int codes[] = {80, 82, 88, FACT_CODE_NOT_A_UNIT, FACT_COMMUNE_CITY_TOWN,
                         FACT_COMMUNE_DISTRICT, FACT_COMMUNE_MIXED, FACT_COMMUNE_YEN_BAI};
    for (size_t d = 0; d < sizeof days / sizeof days[0]; d++)
        for (size_t w = 0; w < sizeof codes / sizeof codes[0]; w++)
            for (int deg = 0; deg <= NL_DEGREE_DOCTOR; deg++) {
                nl_candidate c = {(nl_degree)deg, NL_MAJOR_IT, NL_AGENCY_PARTY, true,
                                  codes[w], day(days[d])};
                nl_subsidy s;
                assert_int_equal(nl_attraction_subsidy(p, &c, &s), NL_OK);
                nl_value in[6] = {{.i = deg}, {.i = NL_MAJOR_IT}, {.i = NL_AGENCY_PARTY},
                                  {.i = 1}, {.i = codes[w]}, {.i = c.start}};
                nl_value out[5];
                assert_int_equal(nl_rule_eval(p, r, in, 6, out, 5, NULL), NL_OK);
                assert_int_equal(out[0].i, s.eligible);
                assert_int_equal(out[1].i, s.amount);
                assert_int_equal(out[2].i, s.reason);
                assert_ptr_equal(out[3].s, s.source);
                assert_int_equal(out[4].i, s.certainty);
            }
}

static void eval_answers_as_the_typed_expert_cap_and_training(void **state)
{
    nl_policy *p = *state;
    const nl_rule *e = nl_rule_find("expert_salary_cap");
    const double years[] = {0.0, 2.99, 3.0, 4.99, 5.0, 8.0, 9.99, 10.0, 15.0};
    const char *ons[] = {"2015-02-28", FACT_TT02_FIRST_DAY, FACT_TT02_LAST_DAY,
                         FACT_TT004_FIRST_DAY};
    for (size_t o = 0; o < 4; o++)
        for (size_t y = 0; y < sizeof years / sizeof years[0]; y++)
            for (int deg = 0; deg <= NL_DEGREE_DOCTOR; deg++)
                for (int role = 0; role <= NL_ROLE_TEAM_LEADER; role++) {
                    nl_expert x = {(nl_degree)deg, years[y], (nl_role)role, false, day(ons[o])};
                    nl_expert_cap c;
                    assert_int_equal(nl_expert_salary_cap(p, &x, &c), NL_OK);
                    nl_value in[5] = {{.i = deg}, {.f = years[y]}, {.i = role}, {.i = 0},
                                      {.i = x.on}};
                    nl_value out[9];
                    assert_int_equal(nl_rule_eval(p, e, in, 5, out, 9, NULL), NL_OK);
                    assert_int_equal(out[0].i, c.level);
                    assert_int_equal(out[1].i, c.monthly);
                    assert_int_equal(out[2].i, c.weekly);
                    assert_int_equal(out[3].i, c.daily);
                    assert_int_equal(out[4].i, c.special_monthly);
                    assert_int_equal(out[5].i, c.reason);
                    assert_ptr_equal(out[6].s, c.source);
                    assert_int_equal(out[7].i, c.certainty);
                    assert_int_equal(out[8].i, c.monthly_certainty);
                }

    const nl_rule *t = nl_rule_find("training_support");
    const char *starts[] = {"2020-12-31", FACT_NQ11_FIRST_DAY, "2025-12-31", FACT_NQ11_END_DAY};
    for (size_t s = 0; s < 4; s++)
        for (int flags = 0; flags < 4; flags++)
            for (int32_t dd = 1; dd <= 3; dd++) {
                nl_training x = {flags & 1, (flags & 2) != 0, 5000000, 300000, 900000,
                                 2500000, dd, day(starts[s])};
                nl_training_result tr;
                assert_int_equal(nl_training_support(p, &x, &tr), NL_OK);
                nl_value in[8] = {{.i = flags & 1}, {.i = (flags & 2) != 0}, {.i = x.tuition},
                                  {.i = x.materials}, {.i = x.meals}, {.i = x.travel},
                                  {.i = dd}, {.i = x.start}};
                nl_value out[9];
                assert_int_equal(nl_rule_eval(p, t, in, 8, out, 9, NULL), NL_OK);
                assert_int_equal(out[0].i, tr.eligible);
                assert_int_equal(out[1].i, tr.tuition);
                assert_int_equal(out[2].i, tr.materials);
                assert_int_equal(out[3].i, tr.meals);
                assert_int_equal(out[4].i, tr.travel);
                assert_int_equal(out[5].i, tr.total);
                assert_int_equal(out[6].i, tr.reason);
                assert_ptr_equal(out[7].s, tr.source);
                assert_int_equal(out[8].i, tr.certainty);
            }
}

/* A sum past int64 is NL_ERANGE from both, with every output zeroed. */
static void an_overflow_is_a_range_error_with_nothing_filled(void **state)
{
    nl_policy *p = *state;
    const nl_rule *t = nl_rule_find("training_support");
    nl_value in[8] = {{.i = 1}, {.i = 1}, {.i = INT64_MAX}, {.i = INT64_MAX}, {.i = 0},
                      {.i = 0}, {.i = 1}, {.i = day("2024-05-01")}};
    nl_value out[9];
    nl_error err;
    SCRIBBLE(out);
    assert_int_equal(nl_rule_eval(p, t, in, 8, out, 9, &err), NL_ERANGE);
    assert_int_equal(err.status, NL_ERANGE);
    for (size_t o = 0; o < 9; o++)
        assert_int_equal(out[o].i, 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(the_three_families_are_declared_in_a_stable_order),
        cmocka_unit_test(inputs_are_the_documented_fields_with_their_types),
        cmocka_unit_test(outputs_name_what_the_result_structs_hold),
        TEST(every_input_out_of_range_is_an_error_naming_it),
        TEST(years_refuse_nan_and_infinity_by_name),
        TEST(a_value_past_32_bits_is_refused_not_wrapped),
        TEST(a_bad_value_is_reported_before_a_bad_date),
        TEST(optional_inputs_take_their_defaults_required_ones_do_not),
        TEST(eval_answers_as_the_typed_attraction_subsidy),
        TEST(eval_answers_as_the_typed_expert_cap_and_training),
        TEST(an_overflow_is_a_range_error_with_nothing_filled),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
