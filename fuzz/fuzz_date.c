/* Fuzz harness: dates. bytes -> nl_date_parse() (a round trip through
 * nl_date_format() must give back the same text), and fuzzed ints ->
 * nl_date_ymd() / nl_date_split() / nl_date_format(), each checked against a
 * plain re-implementation of the calendar rules. */
#include "nlf.h"

static bool leap(long y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

static bool real_date(long y, long m, long d)
{
    static const int dim[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (y < 1 || y > 9999 || m < 1 || m > 12 || d < 1)
        return false;
    return d <= dim[m - 1] + (m == 2 && leap(y));
}

/* Round trips of a valid date value. */
static void check_date(nl_date date)
{
    int y = 0, m = 0, d = 0;
    nl_status s = nl_date_split(date, &y, &m, &d);
    char buf[16];
    memset(buf, 'x', sizeof buf);
    nl_status f = nl_date_format(date, buf, 11);
    if (!nlf_date_ok(date)) {
        NLF_CHECK(s == NL_EDATE && f == NL_EDATE && buf[0] == '\0');
        return;
    }
    NLF_CHECK(s == NL_OK && f == NL_OK);
    NLF_CHECK(real_date(y, m, d));
    NLF_CHECK(strlen(buf) == 10 && buf[11] == 'x');   /* nothing past the 11 bytes */
    nl_date back = -1;
    NLF_CHECK(nl_date_ymd(y, m, d, &back) == NL_OK && back == date);
    back = -1;
    NLF_CHECK(nl_date_parse(buf, &back) == NL_OK && back == date);
    /* The next day is one more, in the calendar and in the number. */
    if (date < 2932896) {
        int y2, m2, d2;
        NLF_CHECK(nl_date_split(date + 1, &y2, &m2, &d2) == NL_OK);
        NLF_CHECK((y2 == y && m2 == m && d2 == d + 1) || (y2 == y && m2 == m + 1 && d2 == 1) ||
                  (y2 == y + 1 && m2 == 1 && d2 == 1 && m == 12 && d == 31));
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    /* 1. The bytes as text (up to the first NUL). */
    char *text = malloc(size + 1);
    NLF_CHECK(text != NULL);
    memcpy(text, data, size);
    text[size] = '\0';
    nl_date date = 12345;
    nl_status s = nl_date_parse(text, &date);
    size_t len = strlen(text);
    bool form = len == 10 && text[4] == '-' && text[7] == '-';
    for (size_t i = 0; form && i < 10; i++)
        form = i == 4 || i == 7 || (text[i] >= '0' && text[i] <= '9');
    bool want = form && real_date(strtol(text, NULL, 10), strtol(text + 5, NULL, 10),
                                  strtol(text + 8, NULL, 10));
    if (want) {
        NLF_CHECK(s == NL_OK);
        char buf[11];
        NLF_CHECK(nl_date_format(date, buf, sizeof buf) == NL_OK);
        NLF_CHECK(memcmp(buf, text, 11) == 0);   /* exact round trip */
        check_date(date);
    } else {
        NLF_CHECK(s == NL_EDATE && date == 0);
    }
    free(text);

    /* 2. The bytes as ints. */
    nlf_data d = {data, size};
    int y = nlf_int(&d), m = nlf_int(&d), dd = nlf_int(&d);
    uint8_t mode = nlf_u8(&d);
    if (mode & 1) {   /* bring them near the valid range half of the time */
        y = (int)((unsigned)y % 10002u);
        m = (int)((unsigned)m % 14u);
        dd = (int)((unsigned)dd % 33u);
    }
    date = 12345;
    s = nl_date_ymd(y, m, dd, &date);
    if (real_date(y, m, dd)) {
        NLF_CHECK(s == NL_OK && nlf_date_ok(date));
        int y2, m2, d2;
        NLF_CHECK(nl_date_split(date, &y2, &m2, &d2) == NL_OK);
        NLF_CHECK(y2 == y && m2 == m && d2 == dd);
        check_date(date);
    } else {
        NLF_CHECK(s == NL_EDATE && date == 0);
    }

    /* 3. A raw date value. */
    check_date((nl_date)nlf_int(&d));
    check_date(nlf_date(&d));
    return 0;
}
