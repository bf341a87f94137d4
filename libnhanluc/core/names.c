/* Workplace units by name: "Sa Pa", "thi xa sa pa", "Phường Lào Cai" → the
 * unit's GSO code on a date (nl_policy_workplace_find).
 *
 * Names are compared folded: UTF-8 decoded, Vietnamese letters reduced to
 * their base letter (ă â → a, đ → d, ơ ô → o, ư → u, every tone mark
 * dropped; precomposed or combining), lower case, any run of spaces and
 * punctuation one separator. A leading kind of unit ("Thành phố", "Thị xã",
 * "Thị trấn", "Huyện", "Phường", "Xã", "TP.", "TX.") may be left out: a
 * query that gives one must match it, one that does not matches any kind. */
#include <stdio.h>
#include <string.h>

#include "internal.h"

#define FOLD_MAX 256   /* bytes of a folded name; longer names are refused */

/* Base letter of a Latin letter with Vietnamese diacritics, 0 for a
 * combining mark (dropped), -1 for a code point outside the scripts of
 * unit names (kept as a letter of its own: it matches only itself). */
static int base_letter(unsigned cp)
{
    if (cp >= 0x300 && cp <= 0x36F)
        return 0;
    if (cp >= 0xC0 && cp <= 0xFF) {
        static const char latin1[] = "aaaaaaaceeeeiiiidnooooo*ouuuuyps"
                                     "aaaaaaaceeeeiiiidnooooo/ouuuuypy";
        char c = latin1[cp - 0xC0];
        return c == '*' || c == '/' || c == 'p' || c == 's' ? -1 : c;
    }
    switch (cp) {
    case 0x102: case 0x103: return 'a';
    case 0x110: case 0x111: return 'd';
    case 0x128: case 0x129: return 'i';
    case 0x168: case 0x169: return 'u';
    case 0x1A0: case 0x1A1: return 'o';
    case 0x1AF: case 0x1B0: return 'u';
    default: break;
    }
    if (cp >= 0x1EA0 && cp <= 0x1EB7) return 'a';
    if (cp >= 0x1EB8 && cp <= 0x1EC7) return 'e';
    if (cp >= 0x1EC8 && cp <= 0x1ECB) return 'i';
    if (cp >= 0x1ECC && cp <= 0x1EE3) return 'o';
    if (cp >= 0x1EE4 && cp <= 0x1EF1) return 'u';
    if (cp >= 0x1EF2 && cp <= 0x1EF9) return 'y';
    return -1;
}

/* Folds `s` into `out` (words separated by one space, no space at either
 * end). Returns the length, or -1 if `s` is not UTF-8 or too long. */
static int fold(const char *s, char *out)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t n = 0;
    bool gap = false;
    out[0] = '\0';
    while (*u) {
        unsigned cp;
        int len;
        if (u[0] < 0x80) {
            cp = u[0];
            len = 1;
        } else if ((u[0] & 0xE0) == 0xC0 && (u[1] & 0xC0) == 0x80) {
            cp = ((unsigned)(u[0] & 0x1F) << 6) | (u[1] & 0x3F);
            len = 2;
            if (cp < 0x80)
                return -1;
        } else if ((u[0] & 0xF0) == 0xE0 && (u[1] & 0xC0) == 0x80 && (u[2] & 0xC0) == 0x80) {
            cp = ((unsigned)(u[0] & 0x0F) << 12) | ((unsigned)(u[1] & 0x3F) << 6) | (u[2] & 0x3F);
            len = 3;
            if (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF))
                return -1;
        } else if ((u[0] & 0xF8) == 0xF0 && (u[1] & 0xC0) == 0x80 && (u[2] & 0xC0) == 0x80 &&
                   (u[3] & 0xC0) == 0x80) {
            cp = ((unsigned)(u[0] & 0x07) << 18) | ((unsigned)(u[1] & 0x3F) << 12) |
                 ((unsigned)(u[2] & 0x3F) << 6) | (u[3] & 0x3F);
            len = 4;
            if (cp < 0x10000 || cp > 0x10FFFF)
                return -1;
        } else {
            return -1;
        }
        int c;
        if (cp < 0x80) {
            c = (cp >= 'A' && cp <= 'Z') ? (int)(cp - 'A' + 'a')
                : ((cp >= 'a' && cp <= 'z') || (cp >= '0' && cp <= '9')) ? (int)cp : ' ';
        } else {
            c = base_letter(cp);
        }
        if (c == ' ') {
            gap = n > 0;
        } else if (c != 0) {
            if (n + 2 + (c < 0 ? (size_t)len : 0) >= FOLD_MAX)
                return -1;
            if (gap)
                out[n++] = ' ';
            gap = false;
            if (c > 0) {
                out[n++] = (char)c;
            } else {
                memcpy(out + n, u, (size_t)len);   /* kept as written */
                n += (size_t)len;
            }
        }
        u += len;
    }
    out[n] = '\0';
    return (int)n;
}

/* Length of the kind of unit that begins folded name `f` (with the space
 * after it), 0 if none; the kind must be followed by a name. */
static size_t kind_length(const char *f)
{
    static const char *const kinds[] = {"thanh pho ", "thi xa ", "thi tran ", "huyen ",
                                        "phuong ", "xa ", "tp ", "tx ", "tt "};
    for (size_t i = 0; i < sizeof kinds / sizeof kinds[0]; i++) {
        size_t k = strlen(kinds[i]);
        if (strncmp(f, kinds[i], k) == 0 && f[k] != '\0')
            return k;
    }
    return 0;
}

/* Whether unit name `unit` (folded) answers query `q` (folded, its kind of
 * `qk` bytes). */
static bool matches(const char *unit, const char *q, size_t qk)
{
    size_t uk = kind_length(unit);
    if (strcmp(unit + uk, q + qk) != 0)
        return false;
    if (qk == 0)
        return true;
    /* The query names a kind: the unit's must be the same one ("tp" is
     * "thanh pho", "tx" "thi xa", "tt" "thi tran"). */
    static const char *const alias[][2] = {{"tp ", "thanh pho "}, {"tx ", "thi xa "},
                                          {"tt ", "thi tran "}};
    char a[16], b[16];
    snprintf(a, sizeof a, "%.*s", (int)qk, q);
    snprintf(b, sizeof b, "%.*s", (int)uk, unit);
    for (size_t i = 0; i < sizeof alias / sizeof alias[0]; i++) {
        if (strcmp(a, alias[i][0]) == 0)
            snprintf(a, sizeof a, "%s", alias[i][1]);
        if (strcmp(b, alias[i][0]) == 0)
            snprintf(b, sizeof b, "%s", alias[i][1]);
    }
    return strcmp(a, b) == 0;
}

static void fill(nl_error *err, nl_status s, const char *msg)
{
    if (err == NULL)
        return;
    memset(err, 0, sizeof *err);
    err->status = s;
    snprintf(err->key, sizeof err->key, "workplace");
    snprintf(err->message, sizeof err->message, "%s", msg);
}

static void code_text(const nl_workplace_i *w, char *buf, size_t size)
{
    snprintf(buf, size, w->digits == 5 ? "%05d" : "%03d", w->code);
}

nl_status nl_policy_workplace_find(const nl_policy *p, const char *name, nl_date on, int *code,
                                   nl_error *err)
{
    if (err)
        memset(err, 0, sizeof *err);
    if (code)
        *code = -1;
    if (p == NULL || name == NULL || code == NULL) {
        fill(err, NL_EINVAL, "workplace: no policy, name or output given");
        return NL_EINVAL;
    }
    if (!nl__date_valid(on)) {
        fill(err, NL_EDATE, "workplace: the date is outside 0001..9999");
        return NL_EDATE;
    }
    char q[FOLD_MAX] = "", f[FOLD_MAX] = "";
    if (fold(name, q) <= 0) {
        fill(err, NL_EINVAL, "workplace: the name is empty, not UTF-8 or too long");
        return NL_EINVAL;
    }
    size_t qk = kind_length(q);
    /* Units in force on the date first; if none has the name, units that
     * ended before it (a pre-2025 name after the merger), as codes are. */
    for (int pass = 0; pass < 2; pass++) {
        size_t hits = 0, first = 0;
        char list[200] = "";
        size_t used = 0;
        for (size_t i = 0; i < p->nworkplaces; i++) {
            const nl_workplace_i *w = &p->workplaces[i];
            bool now = w->since <= on && on <= w->until;
            bool before = w->until < on;
            if (!(pass == 0 ? now : before) || fold(w->name, f) <= 0 || !matches(f, q, qk))
                continue;
            if (pass == 1 && hits > 0 && p->workplaces[first].code == w->code)
                continue;   /* the same code, ended twice */
            if (hits++ == 0)
                first = i;
            char c[8];
            code_text(w, c, sizeof c);
            if (used < sizeof list)
                used += (size_t)snprintf(list + used, sizeof list - used, "%s%s %s",
                                         hits > 1 ? ", " : "", c, w->name);
        }
        if (hits == 1) {
            *code = p->workplaces[first].code;
            return NL_OK;
        }
        if (hits > 1) {
            char msg[256];
            snprintf(msg, sizeof msg, "workplace: \"%.60s\" names %zu units: %s", name, hits,
                     list);
            fill(err, NL_EAMBIGUOUS, msg);
            return NL_EAMBIGUOUS;
        }
    }
    char msg[256];
    snprintf(msg, sizeof msg, "workplace: no unit of this policy is called \"%.80s\"", name);
    fill(err, NL_ENOTFOUND, msg);
    return NL_ENOTFOUND;
}
