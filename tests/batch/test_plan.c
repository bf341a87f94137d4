/* Batch plans over named columns (batch.h: nl_batch_plan, nl_batch_run)
 * against nl_rule_eval record by record, for every declared rule: the
 * records are an array of structs (strided columns) with wide types, so
 * every column goes through the conversion path; then the argument and
 * record errors name their field, and a changed policy is refused. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include <nhanluc/nhanluc.h>

#include "../hardening/hardening.h"

#define N 20000
#define F 16

typedef struct record {
    int64_t i[F];   /* integer inputs, by the rule's input index */
    double f[F];    /* experience years */
    int64_t o[F];   /* outputs, by the rule's output index */
} record;

static nl_date day(int y, int m, int d) { return nlh_date(y, m, d); }

typedef uint64_t rng_state;

/* A valid value of input field fi, hitting the edges often. */
static void draw(const nl_policy *p, const nl_field_info *fi, rng_state *r, int64_t *iv, double *fv)
{
    switch (fi->type) {
    case NL_FIELD_YEARS: {
        static const double edges[] = {0, 2.99, 3, 4.99, 5, 7.99, 8, 9.99, 10, 14.99, 15, 40};
        *fv = edges[nlh_below(r, sizeof edges / sizeof edges[0])];
        break;
    }
    case NL_FIELD_DATE:
        *iv = day(2014, 1, 1) + (nl_date)nlh_below(r, (uint64_t)(day(2027, 12, 31) - day(2014, 1, 1)));
        break;
    case NL_FIELD_WORKPLACE: {
        size_t nw = nl_policy_workplace_count(p);
        nl_workplace w;
        if (nlh_below(r, 8) == 0) {
            *iv = (int64_t)nlh_below(r, 100000);   /* any code, also past int16 */
        } else {
            assert_int_equal(nl_policy_workplace_at(p, nlh_below(r, nw), &w), NL_OK);
            *iv = w.code;
        }
        break;
    }
    case NL_FIELD_MONEY:
        *iv = (int64_t)nlh_below(r, 5000000);
        break;
    case NL_FIELD_INT:
        *iv = fi->min + (int64_t)nlh_below(r, 40);
        break;
    default:   /* bool, code */
        *iv = fi->min + (int64_t)nlh_below(r, (uint64_t)(fi->max - fi->min + 1));
    }
}

static void every_rule_equals_rule_eval_on_strided_wide_columns(void **state)
{
    (void)state;
    nl_policy *p;
    assert_int_equal(nl_policy_default(&p), NL_OK);
    record *rec = calloc(N, sizeof *rec);
    assert_non_null(rec);
    for (size_t ri = 0; ri < nl_rule_count(); ri++) {
        const nl_rule *rule = nl_rule_at(ri);
        size_t nin = nl_rule_input_count(rule), nout = nl_rule_output_count(rule);
        assert_true(nin <= F && nout <= F);
        rng_state r = 0x5eed + ri;
        memset(rec, 0, N * sizeof *rec);
        for (size_t k = 0; k < N; k++)
            for (size_t f = 0; f < nin; f++)
                draw(p, nl_rule_input(rule, f), &r, &rec[k].i[f], &rec[k].f[f]);
        nl_column in[F], out[F];
        for (size_t f = 0; f < nin; f++) {
            const nl_field_info *fi = nl_rule_input(rule, f);
            bool years = fi->type == NL_FIELD_YEARS;
            in[f] = (nl_column){fi->name, years ? NL_COLUMN_F64 : NL_COLUMN_I64,
                                years ? (void *)&rec[0].f[f] : (void *)&rec[0].i[f],
                                (ptrdiff_t)sizeof *rec};
        }
        for (size_t g = 0; g < nout; g++)
            out[g] = (nl_column){nl_rule_output(rule, g)->name, NL_COLUMN_I64, &rec[0].o[g],
                                 (ptrdiff_t)sizeof *rec};
        nl_batch_plan *plan;
        assert_int_equal(nl_batch_plan_create(p, rule, &plan), NL_OK);
        assert_ptr_equal(nl_batch_plan_rule(plan), rule);
        nl_error err;
        size_t bad;
        assert_int_equal(nl_batch_run(plan, N, in, nin, out, nout, 2, &bad, &err), NL_OK);
        assert_true(bad == NL_BATCH_NO_INDEX);
        for (size_t k = 0; k < N; k++) {
            nl_value v[F], o[F];
            for (size_t f = 0; f < nin; f++) {
                if (nl_rule_input(rule, f)->type == NL_FIELD_YEARS)
                    v[f].f = rec[k].f[f];
                else
                    v[f].i = rec[k].i[f];
            }
            assert_int_equal(nl_rule_eval(p, rule, v, nin, o, nout, NULL), NL_OK);
            for (size_t g = 0; g < nout; g++) {
                if (nl_rule_output(rule, g)->type == NL_FIELD_TEXT)
                    assert_string_equal(nl_batch_plan_source(plan, (size_t)rec[k].o[g]), o[g].s);
                else if (rec[k].o[g] != o[g].i)
                    fail_msg("%s record %zu output %s: batch %lld, single %lld", nl_rule_name(rule),
                             k, nl_rule_output(rule, g)->name, (long long)rec[k].o[g],
                             (long long)o[g].i);
            }
        }
        nl_batch_plan_free(plan);
    }
    free(rec);
    nl_policy_free(p);
}

/* A five-digit code past int16 is that code, never wrapped; a constant
 * (stride 0) start date and an optional input left out take effect. */
static void wide_codes_constants_and_defaults(void **state)
{
    (void)state;
    nl_policy *p;
    assert_int_equal(nl_policy_default(&p), NL_OK);
    const nl_rule *rule = nl_rule_find("attraction_subsidy");
    nl_batch_plan *plan;
    assert_int_equal(nl_batch_plan_create(p, rule, &plan), NL_OK);
    int32_t wp[3] = {2671 + 65536, 2671, 80};   /* 68207 is no unit; 2671 is Cam Đường */
    uint8_t deg[3] = {NL_DEGREE_BACHELOR, NL_DEGREE_BACHELOR, NL_DEGREE_BACHELOR}, zero[3] = {NL_MAJOR_IT, NL_MAJOR_IT, NL_MAJOR_IT},
            one[3] = {1, 1, 1}, agency[3] = {NL_AGENCY_STATE, NL_AGENCY_STATE, NL_AGENCY_STATE};
    nl_date start = day(2025, 8, 1);
    nl_column in[] = {NL_COLUMN("degree", NL_COLUMN_U8, deg), NL_COLUMN("major", NL_COLUMN_U8, zero),
                      NL_COLUMN("agency", NL_COLUMN_U8, agency),
                      NL_COLUMN("dedicated_post", NL_COLUMN_U8, one),
                      NL_COLUMN("workplace", NL_COLUMN_I32, wp),
                      {"start", NL_COLUMN_I32, &start, 0}};
    uint8_t reason[3], reason2[3];
    nl_column out[] = {NL_COLUMN("reason", NL_COLUMN_U8, reason)};
    assert_int_equal(nl_batch_run(plan, 3, in, 6, out, 1, 1, NULL, NULL), NL_OK);
    for (int k = 0; k < 3; k++) {
        nl_candidate c = {.degree = NL_DEGREE_BACHELOR, .major = NL_MAJOR_IT, .agency = NL_AGENCY_STATE,
                          .dedicated_post = true, .workplace = wp[k], .start = start};
        nl_subsidy s;
        assert_int_equal(nl_attraction_subsidy(p, &c, &s), NL_OK);
        assert_int_equal(reason[k], s.reason);
    }
    assert_int_equal(reason[0], NL_REASON_OUTSIDE_PROVINCE);
    assert_int_not_equal(reason[1], NL_REASON_OUTSIDE_PROVINCE);
    /* Expert: role left out is the default (member). */
    const nl_rule *er = nl_rule_find("expert_salary_cap");
    nl_batch_plan *ep;
    assert_int_equal(nl_batch_plan_create(p, er, &ep), NL_OK);
    uint8_t edeg[1] = {NL_DEGREE_MASTER};
    double years[1] = {8};
    nl_date on[1] = {day(2025, 7, 1)};
    int64_t monthly[1];
    nl_column ein[] = {NL_COLUMN("degree", NL_COLUMN_U8, edeg),
                       NL_COLUMN("experience_years", NL_COLUMN_F64, years),
                       NL_COLUMN("on", NL_COLUMN_I32, on)};
    nl_column eout[] = {NL_COLUMN("monthly", NL_COLUMN_I64, monthly),
                        NL_COLUMN("reason", NL_COLUMN_U8, reason2)};
    assert_int_equal(nl_batch_run(ep, 1, ein, 3, eout, 2, 1, NULL, NULL), NL_OK);
    nl_expert e = {.degree = NL_DEGREE_MASTER, .experience_years = 8, .role = NL_ROLE_MEMBER,
                   .on = on[0]};
    nl_expert_cap cap;
    assert_int_equal(nl_expert_salary_cap(p, &e, &cap), NL_OK);
    assert_int_equal(monthly[0], cap.monthly);
    assert_true(monthly[0] > 0);
    nl_batch_plan_free(ep);
    nl_batch_plan_free(plan);
    nl_policy_free(p);
}

static void errors_name_the_field_and_zero_the_outputs(void **state)
{
    (void)state;
    nl_policy *p;
    assert_int_equal(nl_policy_default(&p), NL_OK);
    const nl_rule *rule = nl_rule_find("attraction_subsidy");
    nl_batch_plan *plan;
    assert_int_equal(nl_batch_plan_create(p, rule, &plan), NL_OK);
    enum { M = 3000 };
    static uint8_t deg[M], maj[M], agy[M], post[M];
    static int16_t wp[M];
    static nl_date st[M];
    static int64_t amount[M];
    static int32_t amount32[M];
    for (size_t k = 0; k < M; k++) {
        deg[k] = NL_DEGREE_BACHELOR;
        agy[k] = NL_AGENCY_STATE;
        maj[k] = NL_MAJOR_IT;
        post[k] = 1;
        wp[k] = 82;
        st[k] = day(2024, 5, 1);
    }
    nl_column in[] = {NL_COLUMN("degree", NL_COLUMN_U8, deg), NL_COLUMN("major", NL_COLUMN_U8, maj),
                      NL_COLUMN("agency", NL_COLUMN_U8, agy),
                      NL_COLUMN("dedicated_post", NL_COLUMN_U8, post),
                      NL_COLUMN("workplace", NL_COLUMN_I16, wp), NL_COLUMN("start", NL_COLUMN_I32, st)};
    nl_column out[] = {NL_COLUMN("amount", NL_COLUMN_I64, amount)};
    nl_error err;
    size_t bad;
    assert_int_equal(nl_batch_run(plan, M, in, 6, out, 1, 2, &bad, &err), NL_OK);
    assert_int_equal(amount[M - 1], 150000000);   /* Bát Xát: a district (docs/law/1-attraction.md §1.3) */

    deg[2500] = 9;
    assert_int_equal(nl_batch_run(plan, M, in, 6, out, 1, 2, &bad, &err), NL_EINVAL);
    assert_int_equal(bad, 2500);
    assert_string_equal(err.key, "degree");
    assert_non_null(strstr(err.message, "record 2500: degree"));
    assert_true(nlh_all_zero(amount, sizeof amount));
    deg[2500] = NL_DEGREE_BACHELOR;

    nl_column renamed[6];
    memcpy(renamed, in, sizeof renamed);
    renamed[0].name = "degre";
    assert_int_equal(nl_batch_run(plan, M, renamed, 6, out, 1, 1, &bad, &err), NL_EINVAL);
    assert_string_equal(err.key, "degre");
    assert_true(bad == NL_BATCH_NO_INDEX);
    assert_int_equal(nl_batch_run(plan, M, in + 1, 5, out, 1, 1, &bad, &err), NL_EINVAL);
    assert_string_equal(err.key, "degree");   /* required, left out */
    nl_column twice[7];
    memcpy(twice, in, sizeof in);
    twice[6] = in[0];
    assert_int_equal(nl_batch_run(plan, M, twice, 7, out, 1, 1, &bad, &err), NL_EINVAL);
    assert_string_equal(err.key, "degree");
    nl_column narrow[] = {NL_COLUMN("amount", NL_COLUMN_I32, amount32)};
    assert_int_equal(nl_batch_run(plan, M, in, 6, narrow, 1, 1, &bad, &err), NL_EINVAL);
    assert_string_equal(err.key, "amount");   /* money needs int64: never wrapped */
    nl_column still[] = {{"amount", NL_COLUMN_I64, amount, 0}};
    assert_int_equal(nl_batch_run(plan, M, in, 6, still, 1, 1, &bad, &err), NL_EINVAL);
    assert_int_equal(nl_batch_run(plan, M, in, 6, out, 1, -1, &bad, &err), NL_EINVAL);
    assert_string_equal(err.key, "threads");

    /* A what-if after the plan: refused, not answered from stale tables. */
    assert_int_equal(nl_policy_set(p, "attraction.amount.district", day(2024, 1, 1), 1), NL_OK);
    assert_int_equal(nl_batch_run(plan, M, in, 6, out, 1, 1, &bad, &err), NL_EINVAL);
    assert_string_equal(err.key, "policy");
    nl_batch_plan_free(plan);
    assert_int_equal(nl_batch_plan_create(p, rule, &plan), NL_OK);
    assert_int_equal(nl_batch_run(plan, M, in, 6, out, 1, 1, &bad, &err), NL_OK);
    assert_int_equal(amount[0], 1);
    nl_batch_plan_free(plan);
    assert_int_equal(nl_batch_plan_create(NULL, rule, &plan), NL_EINVAL);
    assert_null(plan);
    nl_policy_free(p);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(every_rule_equals_rule_eval_on_strided_wide_columns),
        cmocka_unit_test(wide_codes_constants_and_defaults),
        cmocka_unit_test(errors_name_the_field_and_zero_the_outputs),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
