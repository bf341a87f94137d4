/* nhanluc-demo: a handful of realistic cases decided by libnhanluc, each with
 * its amount, reason and legal source.
 *
 *   nhanluc-demo [--lang vi|en] [--policy FILE]
 *
 * Vietnamese by default. --policy evaluates the cases against another policy
 * document (for instance a what-if copy of data/laocai.json). Answers resting
 * on unconfirmed data, or on values a user set, are marked with (*). */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include <nhanluc/nhanluc.h>

typedef struct out {
    const nl_policy *p;
    bool en;                 /* English instead of Vietnamese */
} out;

/* The text in the chosen language. */
static const char *tr(const out *o, const char *vi, const char *en)
{
    return o->en ? en : vi;
}

/* "100.000.000 đ" (vi) or "100,000,000 VND" (en). */
static const char *money(const out *o, int64_t v, char *buf, size_t size)
{
    char digits[24];
    int n = snprintf(digits, sizeof digits, "%" PRId64, v);
    size_t at = 0;
    for (int i = 0; i < n && at + 2 < size; i++) {
        if (i > 0 && digits[i - 1] != '-' && (n - i) % 3 == 0)
            buf[at++] = o->en ? ',' : '.';
        buf[at++] = digits[i];
    }
    snprintf(buf + at, size - at, "%s", o->en ? " VND" : " đ");
    return buf;
}

static const char *date_text(nl_date d, char buf[11])
{
    if (nl_date_format(d, buf, 11) != NL_OK)
        snprintf(buf, 11, "?");
    return buf;
}

static nl_date day(const char *iso)
{
    nl_date d = 0;
    nl_date_parse(iso, &d);   /* the cases below are written correctly */
    return d;
}

/* " (*)" for answers that rest on placeholders or on the user's values. */
static const char *mark(nl_certainty c)
{
    return c >= NL_CERTAINTY_UNCONFIRMED ? " (*)" : "";
}

static const char *certainty_text(const out *o, nl_certainty c)
{
    switch (c) {
    case NL_CERTAINTY_CONFIRMED: return tr(o, "đã xác nhận", "confirmed");
    case NL_CERTAINTY_REPORTED: return tr(o, "theo báo chí", "reported by the press");
    case NL_CERTAINTY_UNCONFIRMED: return tr(o, "chưa xác nhận", "unconfirmed");
    case NL_CERTAINTY_USER: return tr(o, "giả định của người dùng", "set by the user");
    }
    return "?";
}

static void explain(const out *o, nl_reason reason, const char *source, nl_certainty c)
{
    printf("  %s: %s\n", tr(o, "Lý do", "Reason"), nl_reason_message(reason, o->en ? "en" : "vi"));
    printf("  %s: %s\n", tr(o, "Căn cứ", "Source"), source);
    printf("  %s: %s%s\n", tr(o, "Độ tin cậy", "Certainty"), certainty_text(o, c), mark(c));
}

static int failed(const out *o, nl_status s)
{
    printf("  %s: %s (%s)\n", tr(o, "Lỗi", "Error"), nl_strerror(s), nl_status_name(s));
    return 1;
}

/* ---------------------------------------------------------- 1. subsidy */

static const char *degree_text(const out *o, nl_degree d)
{
    switch (d) {
    case NL_DEGREE_NONE: return tr(o, "chưa qua đào tạo", "no degree");
    case NL_DEGREE_COLLEGE: return tr(o, "cao đẳng", "college");
    case NL_DEGREE_BACHELOR: return tr(o, "đại học", "bachelor's");
    case NL_DEGREE_MASTER: return tr(o, "thạc sĩ", "master's");
    case NL_DEGREE_DOCTOR: return tr(o, "tiến sĩ", "doctorate");
    }
    return "?";
}

static const char *major_text(const out *o, nl_major m)
{
    switch (m) {
    case NL_MAJOR_IT: return tr(o, "công nghệ thông tin", "information technology");
    case NL_MAJOR_ELECTRONICS_TELECOM:
        return tr(o, "điện tử viễn thông", "electronics-telecommunications");
    case NL_MAJOR_OTHER: return tr(o, "ngành khác", "another field");
    }
    return "?";
}

static const char *agency_text(const out *o, nl_agency a)
{
    switch (a) {
    case NL_AGENCY_PARTY: return tr(o, "cơ quan Đảng", "a Party agency");
    case NL_AGENCY_STATE: return tr(o, "cơ quan Nhà nước", "a State agency");
    case NL_AGENCY_OTHER: return tr(o, "đơn vị khác", "another employer");
    }
    return "?";
}

static int subsidy_case(const out *o, const char *who, const nl_candidate *c)
{
    char buf[40], when[11];
    nl_workplace w;
    const char *place = nl_policy_workplace(o->p, c->workplace, &w) == NL_OK
                            ? w.name : tr(o, "ngoài tỉnh", "outside the province");
    printf("\n%s: %s%s%s, %s, %s%s, %s %03d (%s), %s %s\n", who, degree_text(o, c->degree),
           tr(o, " ", " in "), major_text(o, c->major), agency_text(o, c->agency),
           c->dedicated_post ? "" : tr(o, "không ", "not "),
           tr(o, "chuyên trách CNTT", "a dedicated IT post"), tr(o, "mã", "code"),
           c->workplace, place, tr(o, "từ", "from"), date_text(c->start, when));
    nl_subsidy s;
    nl_status st = nl_attraction_subsidy(o->p, c, &s);
    if (st != NL_OK)
        return failed(o, st);
    if (s.eligible)
        printf("  %s: %s %s%s\n", tr(o, "Kết quả", "Decision"),
               tr(o, "được hỗ trợ", "eligible for"), money(o, s.amount, buf, sizeof buf),
               mark(s.certainty));
    else
        printf("  %s: %s%s\n", tr(o, "Kết quả", "Decision"),
               tr(o, "không được hỗ trợ", "not eligible"), mark(s.certainty));
    explain(o, s.reason, s.source, s.certainty);
    return 0;
}

/* ----------------------------------------------------------- 2. expert */

static int expert_case(const out *o, const char *who, const nl_expert *e)
{
    char when[11], m[40], wk[40], d[40], sp[40];
    static const char *const roles_vi[] = {"thành viên", "chủ trì hạng mục", "trưởng nhóm"};
    static const char *const roles_en[] = {"member", "work-item lead", "team leader"};
    printf("\n%s: %s, %g %s, %s, %s %s\n", who, degree_text(o, e->degree), e->experience_years,
           tr(o, "năm kinh nghiệm", "years of experience"),
           (o->en ? roles_en : roles_vi)[e->role], tr(o, "ngày", "on"), date_text(e->on, when));
    nl_expert_cap r;
    nl_status st = nl_expert_salary_cap(o->p, e, &r);
    if (st != NL_OK)
        return failed(o, st);
    if (r.level > 0) {
        printf("  %s: %s %d, %s %s/%s%s\n", tr(o, "Kết quả", "Decision"), tr(o, "mức", "level"),
               r.level, tr(o, "tối đa", "at most"), money(o, r.monthly, m, sizeof m),
               tr(o, "tháng", "month"), mark(r.monthly_certainty));
        /* The week/day conversions may rest on weaker data than the caps
         * (TT 004/2025 confirms the caps, not the conversions). */
        printf("  %s: %s/%s, %s/%s%s; %s %s/%s%s\n", tr(o, "Quy đổi", "Shorter work"),
               money(o, r.weekly, wk, sizeof wk), tr(o, "tuần", "week"),
               money(o, r.daily, d, sizeof d), tr(o, "ngày", "day"), mark(r.certainty),
               tr(o, "chuyên gia đặc biệt tối đa", "special expertise up to"),
               money(o, r.special_monthly, sp, sizeof sp), tr(o, "tháng", "month"),
               mark(r.monthly_certainty));
    } else {
        printf("  %s: %s%s\n", tr(o, "Kết quả", "Decision"),
               tr(o, "không xếp mức", "no level"), mark(r.certainty));
    }
    if (r.monthly_certainty != r.certainty) {
        printf("  %s: %s\n", tr(o, "Lý do", "Reason"),
               nl_reason_message(r.reason, o->en ? "en" : "vi"));
        printf("  %s: %s\n", tr(o, "Căn cứ", "Source"), r.source);
        printf("  %s: %s %s, %s %s%s\n", tr(o, "Độ tin cậy", "Certainty"),
               tr(o, "mức tháng", "monthly cap"), certainty_text(o, r.monthly_certainty),
               tr(o, "quy đổi tuần/ngày", "week/day conversions"),
               certainty_text(o, r.certainty), mark(r.certainty));
    } else {
        explain(o, r.reason, r.source, r.certainty);
    }
    return 0;
}

/* --------------------------------------------------------- 3. training */

static int training_case(const out *o, const char *who, const nl_training *t)
{
    char when[11], a[40], b[40], c[40], d[40], tot[40];
    printf("\n%s: %s, %s, %" PRId32 " %s %s %s\n", who,
           t->dedicated_official ? tr(o, "công chức chuyên trách CNTT", "dedicated IT official")
                                 : tr(o, "công chức", "official"),
           t->short_concentrated ? tr(o, "khóa ngắn hạn tập trung", "short concentrated course")
                                 : tr(o, "khóa dài hạn", "long course"),
           t->days, tr(o, "ngày", "days"), tr(o, "từ", "from"), date_text(t->start, when));
    printf("  %s: %s %s, %s %s, %s %s, %s %s\n", tr(o, "Đề nghị", "Claimed"),
           tr(o, "học phí", "tuition"), money(o, t->tuition, a, sizeof a),
           tr(o, "tài liệu", "materials"), money(o, t->materials, b, sizeof b),
           tr(o, "tiền ăn", "meals"), money(o, t->meals, c, sizeof c),
           tr(o, "đi lại", "travel"), money(o, t->travel, d, sizeof d));
    nl_training_result r;
    nl_status st = nl_training_support(o->p, t, &r);
    if (st != NL_OK)
        return failed(o, st);
    if (r.eligible) {
        printf("  %s: %s %s%s\n", tr(o, "Kết quả", "Decision"), tr(o, "được hỗ trợ", "paid"),
               money(o, r.total, tot, sizeof tot), mark(r.certainty));
        printf("  %s: %s %s, %s %s, %s %s, %s %s\n", tr(o, "Chi tiết", "Items"),
               tr(o, "học phí", "tuition"), money(o, r.tuition, a, sizeof a),
               tr(o, "tài liệu", "materials"), money(o, r.materials, b, sizeof b),
               tr(o, "tiền ăn", "meals"), money(o, r.meals, c, sizeof c),
               tr(o, "đi lại", "travel"), money(o, r.travel, d, sizeof d));
    } else {
        printf("  %s: %s%s\n", tr(o, "Kết quả", "Decision"),
               tr(o, "không được hỗ trợ", "not eligible"), mark(r.certainty));
    }
    explain(o, r.reason, r.source, r.certainty);
    return 0;
}

/* ------------------------------------------------------------- the cases */

static int run(const out *o)
{
    int errors = 0;
    printf("libnhanluc %s — %s\n", nl_version(), nl_policy_name(o->p));

    printf("\n== 1. %s ==\n", tr(o, "Hỗ trợ thu hút (một lần)", "Attraction subsidy (one-off)"));
    const nl_candidate candidates[] = {
        {NL_DEGREE_BACHELOR, NL_MAJOR_IT, NL_AGENCY_STATE, true, 80, day("2024-09-01")},
        {NL_DEGREE_MASTER, NL_MAJOR_ELECTRONICS_TELECOM, NL_AGENCY_PARTY, true, 84,
         day("2025-03-01")},
        {NL_DEGREE_COLLEGE, NL_MAJOR_IT, NL_AGENCY_STATE, true, 89, day("2024-05-15")},
        {NL_DEGREE_BACHELOR, NL_MAJOR_IT, NL_AGENCY_STATE, true, 88, day("2026-02-01")},
    };
    for (size_t i = 0; i < sizeof candidates / sizeof candidates[0]; i++) {
        char who[32];
        snprintf(who, sizeof who, "%s %c", tr(o, "Ứng viên", "Candidate"), (char)('A' + i));
        errors += subsidy_case(o, who, &candidates[i]);
    }

    printf("\n== 2. %s ==\n", tr(o, "Mức lương tối đa của chuyên gia CNTT",
                                  "Salary cap of hired IT experts"));
    const nl_expert experts[] = {
        {NL_DEGREE_BACHELOR, 12, NL_ROLE_MEMBER, false, day("2025-06-30")},
        {NL_DEGREE_BACHELOR, 12, NL_ROLE_MEMBER, false, day("2025-07-01")},
        {NL_DEGREE_MASTER, 2, NL_ROLE_TEAM_LEADER, true, day("2025-08-01")},
        {NL_DEGREE_COLLEGE, 20, NL_ROLE_MEMBER, false, day("2025-08-01")},
    };
    for (size_t i = 0; i < sizeof experts / sizeof experts[0]; i++) {
        char who[32];
        snprintf(who, sizeof who, "%s %c", tr(o, "Chuyên gia", "Expert"), (char)('E' + i));
        errors += expert_case(o, who, &experts[i]);
    }

    printf("\n== 3. %s ==\n", tr(o, "Hỗ trợ chi phí đào tạo", "Training-cost support"));
    const nl_training claims[] = {
        /* Meals claimed for 5 days above the daily cap: paid up to the cap. */
        {true, true, 8000000, 400000, 1500000, 600000, 5, day("2024-10-07")},
        {true, false, 12000000, 0, 0, 0, 60, day("2024-03-04")},
    };
    for (size_t i = 0; i < sizeof claims / sizeof claims[0]; i++) {
        char who[32];
        snprintf(who, sizeof who, "%s %c", tr(o, "Hồ sơ", "Claim"), (char)('I' + i));
        errors += training_case(o, who, &claims[i]);
    }

    printf("\n(*) %s\n", tr(o, "Kết quả dựa trên dữ liệu chưa được xác nhận hoặc giả định.",
                             "The answer rests on unconfirmed or user-set data."));
    return errors ? 1 : 0;
}

static int usage(FILE *f)
{
    fprintf(f, "usage: nhanluc-demo [--lang vi|en] [--policy FILE]\n");
    return f == stderr ? 2 : 0;
}

int main(int argc, char **argv)
{
    out o = {0};
    const char *path = NULL;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--lang") == 0 && i + 1 < argc) {
            const char *lang = argv[++i];
            if (strcmp(lang, "en") != 0 && strcmp(lang, "vi") != 0)
                return usage(stderr);
            o.en = strcmp(lang, "en") == 0;
        } else if (strcmp(argv[i], "--policy") == 0 && i + 1 < argc) {
            path = argv[++i];
        } else if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
            return usage(stdout);
        } else {
            return usage(stderr);
        }
    }

    nl_policy *p = NULL;
    nl_error err;
    nl_status s = path ? nl_policy_load(path, &p, &err) : nl_policy_default(&p);
    if (s != NL_OK) {
        fprintf(stderr, "nhanluc-demo: %s: %s\n", path ? path : "built-in policy",
                path ? err.message : nl_strerror(s));
        return 1;
    }
    o.p = p;
    int rc = run(&o);
    nl_policy_free(p);
    return rc;
}
