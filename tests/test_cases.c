/* The shared case files, tests/cases/<rule>.json, run through nl_rule_eval:
 * inputs named as in docs/rules.md (code names, ISO dates, GSO codes as
 * text or unit names), expected outputs from the law (docs/law/). The
 * Python (tests/python/test_cases.py) and PHP (tests/php/CasesTest.php)
 * runners read the same files. Nothing here names a family: the inputs
 * are converted by their declared types. */
#include <jansson.h>

#include "nl_test.h"

/* A value as written, or the fact it names: {"fact": "amount_district"}
 * is the value of facts.amount_district, {"fact": "tt004_cap", "at": "2"}
 * its member "2" (or, for an array and a number, that element): a figure
 * of the law is written once. */
static json_t *resolved(json_t *facts, json_t *v, const char *label)
{
    json_t *name = json_object_get(v, "fact");
    if (!json_is_object(v) || name == NULL)
        return v;
    json_t *value = json_object_get(json_object_get(facts, json_string_value(name)), "value");
    json_t *at = json_object_get(v, "at");
    if (value && at)
        value = json_is_string(at) ? json_object_get(value, json_string_value(at))
                                   : json_array_get(value, (size_t)json_integer_value(at));
    if (value == NULL)
        fail_msg("%s: no fact %s%s", label, json_string_value(name), at ? " at that index" : "");
    return value;
}

/* The input called `name` of a case: its own value, else the default. */
static json_t *input_of(json_t *c, json_t *defaults, json_t *facts, const char *name,
                        const char *label)
{
    json_t *v = json_object_get(json_object_get(c, "input"), name);
    return resolved(facts, v ? v : json_object_get(defaults, name), label);
}

static void convert(const nl_policy *p, const nl_rule *r, json_t *c, json_t *defaults,
                    json_t *facts, nl_value *in, const char *label)
{
    size_t n = nl_rule_input_count(r);
    ptrdiff_t named = -1;
    for (size_t i = 0; i < n; i++) {
        const nl_field_info *f = nl_rule_input(r, i);
        json_t *v = input_of(c, defaults, facts, f->name, label);
        if (v == NULL) {
            if (!f->optional)
                fail_msg("%s: no value for %s", label, f->name);
            in[i] = f->default_value;
            continue;
        }
        switch (f->type) {
        case NL_FIELD_CODE:
            in[i].i = nl_field_code(f, json_string_value(v));
            if (in[i].i < 0)
                fail_msg("%s: %s is no code name", label, f->name);
            break;
        case NL_FIELD_BOOL: in[i].i = json_is_true(v); break;
        case NL_FIELD_YEARS: in[i].f = json_number_value(v); break;
        case NL_FIELD_DATE: in[i].i = day(json_string_value(v)); break;
        case NL_FIELD_WORKPLACE: {
            const char *t = json_string_value(v);
            assert_non_null(t);
            if (t[0] >= '0' && t[0] <= '9')
                in[i].i = strtol(t, NULL, 10);
            else
                named = (ptrdiff_t)i;   /* a unit's name: resolved on the date below */
            break;
        }
        default: in[i].i = json_integer_value(v); break;
        }
    }
    if (named >= 0) {
        for (size_t i = 0; i < n; i++) {
            if (nl_rule_input(r, i)->type != NL_FIELD_DATE)
                continue;
            int code;
            const char *name = json_string_value(
                input_of(c, defaults, facts, nl_rule_input(r, named)->name, label));
            if (nl_policy_workplace_find(p, name, (nl_date)in[i].i, &code, NULL) != NL_OK)
                fail_msg("%s: no unit called %s", label, name);
            in[named].i = code;
            break;
        }
    }
}

static void check(const nl_rule *r, json_t *want, json_t *facts, const nl_value *out,
                  const char *label)
{
    const char *key;
    json_t *v;
    json_object_foreach(want, key, v) {
        v = resolved(facts, v, label);
        ptrdiff_t o = nl_rule_output_index(r, key);
        if (o < 0 && strcmp(key, "eligible") == 0) {
            /* Not declared: reason ok. */
            ptrdiff_t at = nl_rule_output_index(r, "reason");
            assert_true(at >= 0);
            if ((out[at].i == NL_REASON_OK) != json_is_true(v))
                fail_msg("%s: eligible", label);
            continue;
        }
        if (o < 0)
            fail_msg("%s: %s is no output of %s", label, key, nl_rule_name(r));
        const nl_field_info *f = nl_rule_output(r, (size_t)o);
        switch (f->type) {
        case NL_FIELD_REASON:
            if (strcmp(nl_reason_name((nl_reason)out[o].i), json_string_value(v)) != 0)
                fail_msg("%s: reason %s, expected %s", label, nl_reason_name((nl_reason)out[o].i),
                         json_string_value(v));
            break;
        case NL_FIELD_CERTAINTY:
            if (strcmp(nl_certainty_name((nl_certainty)out[o].i), json_string_value(v)) != 0)
                fail_msg("%s: %s %s, expected %s", label, key,
                         nl_certainty_name((nl_certainty)out[o].i), json_string_value(v));
            break;
        case NL_FIELD_BOOL:
            if ((out[o].i != 0) != json_is_true(v))
                fail_msg("%s: %s", label, key);
            break;
        case NL_FIELD_TEXT:
            if (strcmp(out[o].s, json_string_value(v)) != 0)
                fail_msg("%s: %s", label, key);
            break;
        default:
            if (out[o].i != json_integer_value(v))
                fail_msg("%s: %s = %lld, expected %lld", label, key, (long long)out[o].i,
                         (long long)json_integer_value(v));
        }
    }
}

static void every_shared_case_answers_as_the_law_says(void **state)
{
    nl_policy *p = *state;
    size_t total = 0;
    /* One file per declared family: a family without its cases fails here. */
    for (size_t fi = 0; fi < nl_rule_count(); fi++) {
        const char *family = nl_rule_name(nl_rule_at(fi));
        char path[512];
        snprintf(path, sizeof path, "%s/tests/cases/%s.json", NL_TEST_SOURCE_DIR, family);
        json_error_t jerr;
        json_t *doc = json_load_file(path, 0, &jerr);
        if (doc == NULL)
            fail_msg("%s:%d: %s", path, jerr.line, jerr.text);
        const nl_rule *r = nl_rule_find(json_string_value(json_object_get(doc, "rule")));
        assert_non_null(r);
        assert_ptr_equal(r, nl_rule_at(fi));
        assert_string_equal(nl_rule_law(r), json_string_value(json_object_get(doc, "law")));
        json_t *defaults = json_object_get(doc, "defaults"), *facts = json_object_get(doc, "facts"),
               *c;
        size_t i;
        json_array_foreach(json_object_get(doc, "cases"), i, c) {
            char label[300];
            snprintf(label, sizeof label, "%s #%zu (%s)", family, i,
                     json_string_value(json_object_get(c, "name")));
            nl_value in[32], out[32];
            convert(p, r, c, defaults, facts, in, label);
            nl_error err;
            if (nl_rule_eval(p, r, in, nl_rule_input_count(r), out, nl_rule_output_count(r),
                             &err) != NL_OK)
                fail_msg("%s: %s", label, err.message);
            check(r, json_object_get(c, "output"), facts, out, label);
            total++;
        }
        json_decref(doc);
    }
    /* Every file read, none empty. */
    assert_true(total >= 60);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        TEST(every_shared_case_answers_as_the_law_says),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
