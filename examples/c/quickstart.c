/* libnhanluc quickstart: the three questions of Lào Cai's digital-workforce
 * policies, answered through the public API only.
 *
 * Build against an installed libnhanluc:
 *   cc quickstart.c $(pkg-config --cflags --libs nhanluc) -o quickstart
 * or with the Makefile or cmake/CMakeLists.txt beside this file. */
#include <inttypes.h>
#include <stdio.h>

#include <nhanluc/nhanluc.h>

/* Prints why a call failed and returns 1. */
static int fail(const char *what, nl_status s)
{
    fprintf(stderr, "%s: %s (%s)\n", what, nl_strerror(s), nl_status_name(s));
    return 1;
}

int main(void)
{
    /* Headers and library must be the same release. */
    if (nl_version_number() != NL_VERSION_NUMBER) {
        fprintf(stderr, "headers %s, library %s\n", NL_VERSION_STRING, nl_version());
        return 1;
    }
    printf("libnhanluc %s\n", nl_version());

    nl_policy *policy = NULL;
    nl_status s = nl_policy_default(&policy);   /* the built-in Lào Cai policy */
    if (s != NL_OK)
        return fail("nl_policy_default", s);
    int rc = 0;

    /* 1. A bachelor in IT taking a dedicated IT post at a State agency in
     *    Bát Xát district (GSO code 082) on 2024-09-01: subsidy? */
    nl_candidate cand = {.degree = NL_DEGREE_BACHELOR, .major = NL_MAJOR_IT,
                         .agency = NL_AGENCY_STATE, .dedicated_post = true, .workplace = 82};
    nl_subsidy sub;
    if ((s = nl_date_parse("2024-09-01", &cand.start)) != NL_OK ||
        (s = nl_attraction_subsidy(policy, &cand, &sub)) != NL_OK) {
        rc = fail("attraction subsidy", s);
    } else {
        printf("1. Attraction subsidy: %s, %" PRId64 " VND (%s) [%s]\n   source: %s\n",
               sub.eligible ? "eligible" : "not eligible", sub.amount,
               nl_reason_message(sub.reason, "en"), nl_certainty_name(sub.certainty),
               sub.source);
    }

    /* 2. A hired expert with a master's degree and 6 years of experience,
     *    engaged on 2025-08-01: the salary cap? */
    nl_expert ex = {.degree = NL_DEGREE_MASTER, .experience_years = 6.0,
                    .role = NL_ROLE_MEMBER};
    nl_expert_cap cap;
    if ((s = nl_date_parse("2025-08-01", &ex.on)) != NL_OK ||
        (s = nl_expert_salary_cap(policy, &ex, &cap)) != NL_OK) {
        rc = fail("expert salary cap", s);
    } else {
        printf("2. Expert salary cap: level %d, %" PRId64 " VND/month (weekly %" PRId64
               ", daily %" PRId64 ", special expertise %" PRId64 ") [%s]\n   source: %s\n",
               cap.level, cap.monthly, cap.weekly, cap.daily, cap.special_monthly,
               nl_certainty_name(cap.certainty), cap.source);
    }

    /* 3. A dedicated IT official on a 5-day short concentrated course from
     *    2024-10-07: what does the province pay? */
    nl_training tr = {.dedicated_official = true, .short_concentrated = true,
                      .tuition = 8000000, .materials = 400000, .meals = 1500000,
                      .travel = 600000, .days = 5};
    nl_training_result paid;
    if ((s = nl_date_parse("2024-10-07", &tr.start)) != NL_OK ||
        (s = nl_training_support(policy, &tr, &paid)) != NL_OK) {
        rc = fail("training support", s);
    } else {
        printf("3. Training support: %s, %" PRId64 " VND paid (tuition %" PRId64
               ", materials %" PRId64 ", meals %" PRId64 ", travel %" PRId64 ") [%s]\n"
               "   source: %s\n",
               paid.eligible ? "eligible" : "not eligible", paid.total, paid.tuition,
               paid.materials, paid.meals, paid.travel, nl_certainty_name(paid.certainty),
               paid.source);
    }

    nl_policy_free(policy);
    return rc;
}
