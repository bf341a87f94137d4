/* Calendar dates as days since 1970-01-01, proleptic Gregorian calendar.
 * Conversions follow H. Hinnant's days_from_civil / civil_from_days, which
 * are exact for every year we accept (0001..9999). */
#include <string.h>

#include "internal.h"

static bool is_leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

static int days_in_month(int y, int m)
{
    static const int dim[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return m == 2 && is_leap(y) ? 29 : dim[m - 1];
}

nl_status nl_date_ymd(int y, int m, int d, nl_date *out)
{
    if (out == NULL)
        return NL_EINVAL;
    *out = 0;
    if (y < 1 || y > 9999 || m < 1 || m > 12 || d < 1 || d > days_in_month(y, m))
        return NL_EDATE;
    int yy = m <= 2 ? y - 1 : y;
    int era = yy / 400;                       /* yy >= 0 here */
    int yoe = yy - era * 400;
    int doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
    int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    *out = (nl_date)(era * 146097 + doe - 719468);
    return NL_OK;
}

nl_status nl_date_split(nl_date date, int *y, int *m, int *d)
{
    if (!nl__date_valid(date)) {
        /* Zeroed, as every other output after an error. */
        if (y) *y = 0;
        if (m) *m = 0;
        if (d) *d = 0;
        return NL_EDATE;
    }
    int z = date + 719468;                    /* >= 306 for 0001-01-01 */
    int era = z / 146097;
    int doe = z - era * 146097;
    int yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    int mp = (5 * doy + 2) / 153;
    int dd = doy - (153 * mp + 2) / 5 + 1;
    int mm = mp < 10 ? mp + 3 : mp - 9;
    int yy = yoe + era * 400 + (mm <= 2);
    if (y) *y = yy;
    if (m) *m = mm;
    if (d) *d = dd;
    return NL_OK;
}

static bool digits(const char *s, int n, int *v)
{
    int acc = 0;
    for (int i = 0; i < n; i++) {
        if (s[i] < '0' || s[i] > '9')
            return false;
        acc = acc * 10 + (s[i] - '0');
    }
    *v = acc;
    return true;
}

nl_status nl_date_parse(const char *iso, nl_date *out)
{
    if (out == NULL || iso == NULL) {
        if (out)
            *out = 0;
        return NL_EINVAL;
    }
    *out = 0;
    int y, m, d;
    /* Exactly 10 characters: strnlen stops reading at 11 even if unterminated
     * garbage follows. */
    if (strnlen(iso, 11) != 10 || iso[4] != '-' || iso[7] != '-' ||
        !digits(iso, 4, &y) || !digits(iso + 5, 2, &m) || !digits(iso + 8, 2, &d))
        return NL_EDATE;
    return nl_date_ymd(y, m, d, out);
}

nl_status nl_date_format(nl_date date, char *buf, size_t size)
{
    if (buf == NULL || size < 11)
        return NL_EINVAL;
    int y, m, d;
    nl_status s = nl_date_split(date, &y, &m, &d);
    if (s != NL_OK) {
        buf[0] = '\0';
        return s;
    }
    buf[0] = (char)('0' + y / 1000);
    buf[1] = (char)('0' + y / 100 % 10);
    buf[2] = (char)('0' + y / 10 % 10);
    buf[3] = (char)('0' + y % 10);
    buf[4] = '-';
    buf[5] = (char)('0' + m / 10);
    buf[6] = (char)('0' + m % 10);
    buf[7] = '-';
    buf[8] = (char)('0' + d / 10);
    buf[9] = (char)('0' + d % 10);
    buf[10] = '\0';
    return NL_OK;
}
