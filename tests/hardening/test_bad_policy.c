/* Bad policy documents: every malformed document is refused with NL_EPARSE
 * (or NL_EIO for a file that cannot be read), an nl_error that names the
 * line, column and JSON Pointer of the offending item in valid UTF-8, and
 * no policy at all (*out stays NULL).
 *
 * The small documents are files in tests/hardening/documents/ (also seeds
 * for fuzz/fuzz_policy_parse); the table below gives, for each, the exact
 * line and column (1-based, columns in characters), the key, and a piece of
 * the message. Variants of data/laocai.json are made at run time, and so are
 * the oversized files (in a temporary directory, never committed). */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cmocka.h>

#include "hardening.h"

typedef struct bad_doc {
    const char *file;     /* in documents/, without ".json" */
    nl_status status;
    int line, column;     /* exact; -1: not checked */
    const char *key;      /* exact JSON Pointer ("" = the root / none) */
    const char *what;     /* must appear in the message */
} bad_doc;

static const bad_doc docs[] = {
    {"root-array", NL_EPARSE, 1, 1, "", "must be a JSON object"},
    {"format-number", NL_EPARSE, 2, 13, "/format", "must be a string"},
    {"format-unknown", NL_EPARSE, 2, 13, "/format", "format must be"},
    {"name-null", NL_EPARSE, 3, 11, "/name", "must be a string"},
    {"sources-array", NL_EPARSE, 4, 14, "/sources", "non-empty object"},
    {"source-string", NL_EPARSE, 4, 20, "/sources/s", "must be an object"},
    {"citation-number", NL_EPARSE, 4, 33, "/sources/s/citation", "must be a string"},
    {"url-bool", NL_EPARSE, 4, 45, "/sources/s/url", "must be a string"},
    {"workplaces-object", NL_EPARSE, 5, 17, "/workplaces", "non-empty array"},
    {"workplace-string", NL_EPARSE, 5, 18, "/workplaces/0", "must be an object"},
    {"code-number", NL_EPARSE, 5, 27, "/workplaces/0/code", "must be a string"},
    {"tier-array", NL_EPARSE, 5, 55, "/workplaces/0/tier", "must be a string"},
    {"parameters-array", NL_EPARSE, 6, 17, "/parameters", "non-empty object"},
    {"parameter-number", NL_EPARSE, 7, 31, "/parameters/attraction.amount.city", "must be an object"},
    {"unit-number", NL_EPARSE, 8, 15, "/parameters/attraction.amount.city/unit", "must be a string"},
    {"values-object", NL_EPARSE, 10, 17, "/parameters/attraction.amount.city/values", "non-empty array"},
    {"value-number", NL_EPARSE, 11, 9, "/parameters/attraction.amount.city/values/0", "must be an object"},
    {"since-number", NL_EPARSE, 11, 19, "/parameters/attraction.amount.city/values/0/since", "must be a string"},
    {"value-string", NL_EPARSE, 11, 42, "/parameters/attraction.amount.city/values/0/value", "whole number"},
    {"source-number", NL_EPARSE, 11, 57, "/parameters/attraction.amount.city/values/0/source", "must be a string"},
    {"status-bool", NL_EPARSE, 11, 72, "/parameters/attraction.amount.city/values/0/status", "must be a string"},
    {"missing-format", NL_EPARSE, 1, 1, "", "missing member \"format\""},
    {"missing-sources", NL_EPARSE, 1, 1, "", "missing member \"sources\""},
    {"missing-citation", NL_EPARSE, 4, 20, "/sources/s", "missing member \"citation\""},
    {"missing-value", NL_EPARSE, 11, 9, "/parameters/attraction.amount.city/values/0", "missing member \"value\""},
    {"unknown-member", NL_EPARSE, 11, 19, "/parameters/attraction.amount.city/values/0/sinse", "unknown member \"sinse\""},
    {"unknown-root-member", NL_EPARSE, 3, 11, "/nmae", "unknown member \"nmae\""},
    {"unknown-member-slash", NL_EPARSE, 11, 19, "/parameters/attraction.amount.city/values/0/a~1b~0c", "unknown member"},
    {"unknown-parameter", NL_EPARSE, 7, 31, "/parameters/attraction.amount.City", "unknown parameter"},
    {"unknown-source", NL_EPARSE, 11, 57, "/parameters/attraction.amount.city/values/0/source", "unknown source \"nq99\""},
    {"unknown-status", NL_EPARSE, 11, 72, "/parameters/attraction.amount.city/values/0/status", "status \"user\""},
    {"negative-amount", NL_EPARSE, 11, 42, "/parameters/attraction.amount.city/values/0/value", "out of range"},
    {"fraction", NL_EPARSE, 11, 42, "/parameters/attraction.amount.city/values/0/value", "whole number"},
    {"fraction-exponent", NL_EPARSE, 11, 42, "/parameters/attraction.amount.city/values/0/value", "whole number"},
    {"fraction-zero", NL_EPARSE, 11, 42, "/parameters/attraction.amount.city/values/0/value", "whole number"},
    {"wrong-unit", NL_EPARSE, 8, 15, "/parameters/attraction.amount.city/unit", "unit must be \"VND\""},
    {"empty-values", NL_EPARSE, 10, 17, "/parameters/attraction.amount.city/values", "non-empty array"},
    {"first-value-null", NL_EPARSE, 11, 9, "/parameters/attraction.amount.city/values/0", "first value cannot end"},
    {"unsorted-dates", NL_EPARSE, 12, 19, "/parameters/attraction.amount.city/values/1/since", "strictly increase"},
    {"duplicate-dates", NL_EPARSE, 12, 19, "/parameters/attraction.amount.city/values/1/since", "strictly increase"},
    {"impossible-date", NL_EPARSE, 11, 19, "/parameters/attraction.amount.city/values/0/since", "not a date"},
    {"date-format", NL_EPARSE, 11, 19, "/parameters/attraction.amount.city/values/0/since", "not a date"},
    {"year-zero", NL_EPARSE, 11, 19, "/parameters/attraction.amount.city/values/0/since", "not a date"},
    {"bp-out-of-range", NL_EPARSE, 10, 51, "/parameters/expert.special.multiplier_bp/values/0/value", "out of range"},
    {"divisor-zero", NL_EPARSE, 10, 51, "/parameters/expert.daily.days_per_month/values/0/value", "out of range"},
    {"code-two-digits", NL_EPARSE, 5, 27, "/workplaces/0/code", "three or five digits"},
    {"code-letters", NL_EPARSE, 5, 27, "/workplaces/0/code", "three or five digits"},
    {"duplicate-code", NL_EPARSE, 6, 27, "/workplaces/1/code", "duplicate workplace code"},
    {"tier-bad-chars", NL_EPARSE, 5, 55, "/workplaces/0/tier", "tier \"City Town\""},
    {"not-json", NL_EPARSE, 1, 5, "", "'[' or '{' expected"},
    {"empty", NL_EPARSE, 1, 0, "", "'[' or '{' expected"},
    {"whitespace-only", NL_EPARSE, 3, 0, "", "'[' or '{' expected"},
    {"truncated", NL_EPARSE, 11, 45, "/parameters/attraction.amount.city/values/0", "expected"},
    {"trailing-garbage", NL_EPARSE, 16, 1, "", "end of file expected"},
    {"non-utf8", NL_EPARSE, 9, 23, "/parameters/attraction.amount.city/description", "unable to decode byte 0xff"},
    {"non-utf8-overlong", NL_EPARSE, 9, 23, "/parameters/attraction.amount.city/description", "unable to decode byte 0xc0"},
    {"non-utf8-key", NL_EPARSE, 11, 11, "/parameters/attraction.amount.city/values/0", "unable to decode byte 0xff"},
    {"nul-byte", NL_EPARSE, 11, 45, "/parameters/attraction.amount.city/values/0/value", "NUL byte"},
    {"past-int64", NL_EPARSE, 11, 60, "/parameters/attraction.amount.city/values/0/value", "too big integer"},
    {"past-int64-negative", NL_EPARSE, 11, 61, "/parameters/attraction.amount.city/values/0/value", "too big negative integer"},
    {"duplicate-key", NL_EPARSE, 11, 39, "/parameters/attraction.amount.city/values/0/since", "duplicate object key"},
    {"duplicate-parameter", NL_EPARSE, 10, 28, "/parameters/attraction.amount.city", "duplicate object key"},
    {"nul-escape", NL_EPARSE, 4, 41, "/sources/s/citation", "JSON_ALLOW_NUL"},
    {"single-quotes", NL_EPARSE, 3, 11, "/name", "invalid token"},
    {"comment", NL_EPARSE, 3, 3, "", "string or '}' expected near '/'"},
};
#define NDOCS (sizeof docs / sizeof docs[0])

/* ------------------------------------------------------------- helpers */

static char *read_all(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (f == NULL)
        return NULL;
    size_t cap = 1 << 16, n = 0;
    char *buf = malloc(cap);
    while (buf != NULL) {
        n += fread(buf + n, 1, cap - n, f);
        if (n < cap)
            break;
        char *nb = realloc(buf, cap *= 2);
        if (nb == NULL)
            free(buf);
        buf = nb;
    }
    fclose(f);
    *len = n;
    return buf;
}

static void doc_path(char *buf, size_t size, const char *name)
{
    snprintf(buf, size, "%s/%s.json", NLH_DOCUMENTS_DIR, name);
}

/* Checks an error answer: the status, no policy, and an nl_error that
 * agrees with the status and is safe to hand to a binding. */
static void check_refused(nl_status got, nl_status want, const nl_policy *out,
                          const nl_error *err)
{
    assert_int_equal(got, want);
    assert_null(out);
    assert_int_equal(err->status, want);
    assert_true(err->message[0] != '\0');
    assert_true(nlf_utf8(err->message, sizeof err->message));
    assert_true(nlf_utf8(err->key, sizeof err->key));
    assert_true(err->line >= 0 && err->column >= 0);
}

/* 1-based line and column in characters of byte offset `off`. */
static void position_of(const char *s, size_t off, int *line, int *col)
{
    *line = 1;
    *col = 1;
    for (size_t i = 0; i < off; i++) {
        if (s[i] == '\n') {
            ++*line;
            *col = 1;
        } else if (((unsigned char)s[i] & 0xC0) != 0x80) {
            ++*col;
        }
    }
}

/* data/laocai.json with the first `old` replaced by `new`. */
static char *laocai_with(const char *old, const char *new, size_t *len)
{
    size_t n;
    char *src = read_all(NLH_SOURCE_DIR "/data/laocai.json", &n);
    assert_non_null(src);
    char *hit = strstr(src, old);
    assert_non_null(hit);
    size_t pre = (size_t)(hit - src), olen = strlen(old), nlen = strlen(new);
    char *doc = malloc(n - olen + nlen + 1);
    assert_non_null(doc);
    memcpy(doc, src, pre);
    memcpy(doc + pre, new, nlen);
    memcpy(doc + pre + nlen, hit + olen, n - pre - olen);
    *len = n - olen + nlen;
    doc[*len] = '\0';
    free(src);
    return doc;
}

static char tmpdir[256];

static int make_tmpdir(void **state)
{
    (void)state;
    const char *base = getenv("TMPDIR");
    snprintf(tmpdir, sizeof tmpdir, "%s/nhanluc-hardening-XXXXXX", base && *base ? base : "/tmp");
    return mkdtemp(tmpdir) ? 0 : -1;
}

static int remove_tmpdir(void **state)
{
    (void)state;
    DIR *d = opendir(tmpdir);
    if (d != NULL) {
        struct dirent *e;
        char path[512];
        while ((e = readdir(d)) != NULL) {
            if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
                continue;
            snprintf(path, sizeof path, "%s/%s", tmpdir, e->d_name);
            if (remove(path) != 0)
                fprintf(stderr, "cannot remove %s: %s\n", path, strerror(errno));
        }
        closedir(d);
    }
    return rmdir(tmpdir) == 0 ? 0 : -1;
}

/* ------------------------------------------------- the small documents */

/* Rows: malformed-document, non-utf8-text, nul-in-string */
static void each_bad_document_is_refused_with_line_column_and_key(void **state)
{
    (void)state;
    char path[512];
    for (size_t i = 0; i < NDOCS; i++) {
        const bad_doc *d = &docs[i];
        print_message("%s\n", d->file);
        doc_path(path, sizeof path, d->file);

        /* From the file... */
        nl_policy *out = (nl_policy *)&out;   /* must be overwritten with NULL */
        nl_error err;
        memset(&err, 0x5A, sizeof err);
        nl_status s = nl_policy_load(path, &out, &err);
        check_refused(s, d->status, out, &err);
        if (d->line >= 0) {
            assert_int_equal(err.line, d->line);
            assert_int_equal(err.column, d->column);
        }
        assert_string_equal(err.key, d->key);
        if (strstr(err.message, d->what) == NULL)
            fail_msg("%s: message \"%s\" lacks \"%s\"", d->file, err.message, d->what);
        if (d->key[0] != '\0')
            assert_non_null(strstr(err.message, d->key));

        /* ...from memory, with the same answer... */
        size_t len;
        char *text = read_all(path, &len);
        assert_non_null(text);
        nl_error err2;
        out = (nl_policy *)&out;
        s = nl_policy_parse(text, len, &out, &err2);
        check_refused(s, d->status, out, &err2);
        assert_memory_equal(&err, &err2, sizeof err);

        /* ...and without an nl_error. */
        out = (nl_policy *)&out;
        assert_int_equal(nl_policy_parse(text, len, &out, NULL), d->status);
        assert_null(out);
        free(text);
    }
}

/* Every file in documents/ is in the table (no document left untested). */
static void every_document_file_has_an_expectation(void **state)
{
    (void)state;
    DIR *dir = opendir(NLH_DOCUMENTS_DIR);
    assert_non_null(dir);
    struct dirent *e;
    size_t files = 0;
    while ((e = readdir(dir)) != NULL) {
        size_t n = strlen(e->d_name);
        if (n < 6 || strcmp(e->d_name + n - 5, ".json") != 0)
            continue;
        files++;
        bool found = false;
        for (size_t i = 0; i < NDOCS && !found; i++)
            found = strlen(docs[i].file) == n - 5 && strncmp(docs[i].file, e->d_name, n - 5) == 0;
        if (!found)
            fail_msg("documents/%s has no row in the table", e->d_name);
    }
    closedir(dir);
    assert_int_equal(files, NDOCS);
}

/* --------------------------------------------- variants of laocai.json */

/* The error is expected `shift` bytes after the first `anchor` in the
 * changed document. */
static void check_variant(const char *old, const char *new, const char *anchor, size_t shift,
                          nl_status want, const char *key, const char *what)
{
    size_t len;
    char *doc = laocai_with(old, new, &len);
    const char *a = strstr(doc, anchor);
    assert_non_null(a);
    int line, col;
    position_of(doc, (size_t)(a - doc) + shift, &line, &col);
    nl_policy *out = (nl_policy *)&out;
    nl_error err;
    nl_status s = nl_policy_parse(doc, len, &out, &err);
    check_refused(s, want, out, &err);
    assert_string_equal(err.key, key);
    assert_int_equal(err.line, line);
    assert_int_equal(err.column, col);
    if (strstr(err.message, what) == NULL)
        fail_msg("message \"%s\" lacks \"%s\"", err.message, what);
    free(doc);
}

static void the_builtin_document_itself_loads(void **state)
{
    (void)state;
    nl_policy *p = NULL;
    nl_error err;
    memset(&err, 0x5A, sizeof err);
    assert_int_equal(nl_policy_load(NLH_SOURCE_DIR "/data/laocai.json", &p, &err), NL_OK);
    assert_non_null(p);
    assert_true(nlh_all_zero(&err, sizeof err));   /* cleared on success */
    nl_policy_free(p);
}

static void a_tier_without_an_amount_parameter_names_the_workplace(void **state)
{
    (void)state;
    /* 082 (Bát Xát, second in the table) moves to a tier nobody prices. */
    check_variant("\"tier\": \"district\"", "\"tier\": \"village\"", "\"village\"", 0, NL_EPARSE,
                  "/workplaces/1/tier", "attraction.amount.village");
}

static void a_tier_name_of_40_characters_is_a_name_and_41_is_not(void **state)
{
    (void)state;
    /* 40: a well-formed tier, refused only because nothing prices it. */
    check_variant("\"tier\": \"district\"",
                  "\"tier\": \"t123456789012345678901234567890123456789\"", "\"t1234", 0,
                  NL_EPARSE, "/workplaces/1/tier", "but parameter \"attraction.amount.t1234");
    /* 41 (and far longer, past the key buffer): not a tier name at all. */
    check_variant("\"tier\": \"district\"",
                  "\"tier\": \"t1234567890123456789012345678901234567890\"", "\"t1234", 0,
                  NL_EPARSE, "/workplaces/1/tier", "must be 1-40 characters");
    check_variant("\"tier\": \"district\"",
                  "\"tier\": \"t12345678901234567890123456789012345678901234567890"
                  "123456789012345678901234567890\"",
                  "\"t1234", 0, NL_EPARSE, "/workplaces/1/tier", "must be 1-40 characters");
}

static void a_value_past_int64_in_the_full_document_names_the_value(void **state)
{
    (void)state;
    /* jansson stops on the last digit: 19 digits after `"value": `. */
    check_variant("\"value\": 40000000,", "\"value\": 9223372036854775808,",
                  "9223372036854775808", 18, NL_EPARSE,
                  "/parameters/expert.cap.level1/values/0/value", "too big integer");
}

static void a_negative_amount_in_the_full_document_names_the_value(void **state)
{
    (void)state;
    check_variant("\"value\": 150000000,", "\"value\": -150000000,", "-150000000", 0, NL_EPARSE,
                  "/parameters/attraction.amount.district/values/0/value", "out of range");
}

/* Rows: malformed-document, nul-in-string */
static void a_nul_byte_that_jansson_would_skip_is_refused(void **state)
{
    (void)state;
    /* jansson ends a number at a NUL byte and carries on: without the
     * library's own check this document, which is not JSON, would load. */
    size_t len;
    char *doc = laocai_with("\"value\": 40000000, \"source\": \"tt02_2015\", \"status\": \"confirmed\"}",
                            "\"source\": \"tt02_2015\", \"status\": \"confirmed\", \"value\": 40000000@}",
                            &len);
    char *at = strchr(doc, '@');
    assert_non_null(at);
    *at = '\0';
    int line, col;
    position_of(doc, (size_t)(at - doc), &line, &col);
    nl_policy *out = (nl_policy *)&out;
    nl_error err;
    nl_status got = nl_policy_parse(doc, len, &out, &err);
    check_refused(got, NL_EPARSE, out, &err);
    assert_int_equal(err.line, line);
    assert_int_equal(err.column, col);
    assert_string_equal(err.key, "/parameters/expert.cap.level1/values/0/value");
    assert_non_null(strstr(err.message, "NUL byte"));
    free(doc);
}

/* -------------------------------------- error texts stay valid UTF-8 */

static void a_long_vietnamese_member_name_is_cut_on_a_character_boundary(void **state)
{
    (void)state;
    /* 100 x "ệ" (3 bytes each): the pointer and the message are cut to fit
     * their arrays, never in the middle of a character. */
    char doc[1024];
    size_t n = 0;
    n += (size_t)snprintf(doc + n, sizeof doc - n, "{\"format\": \"nhanluc-policy/1\", \"");
    for (int i = 0; i < 100; i++)
        n += (size_t)snprintf(doc + n, sizeof doc - n, "\xe1\xbb\x87");
    n += (size_t)snprintf(doc + n, sizeof doc - n, "\": 1}");
    for (int shift = 0; shift < 3; shift++) {
        /* Shift the cut point through each byte of a character. */
        char text[1100];
        memset(text, ' ', (size_t)shift);
        memcpy(text + shift, doc, n);
        nl_policy *out = (nl_policy *)&out;
        nl_error err;
        nl_status s = nl_policy_parse(text, n + (size_t)shift, &out, &err);
        check_refused(s, NL_EPARSE, out, &err);
        assert_true(strncmp(err.key, "/\xe1\xbb\x87", 4) == 0);
        assert_true(strlen(err.key) >= 120);
    }
    /* Same for a syntax error (jansson's own text quotes the document). */
    char bad[1024];
    memcpy(bad, doc, n);
    bad[n - 2] = 'x';   /* "...": x} */
    for (int shift = 0; shift < 3; shift++) {
        char text[1100];
        memset(text, ' ', (size_t)shift);
        memcpy(text + shift, bad, n);
        nl_policy *out = (nl_policy *)&out;
        nl_error err;
        nl_status got = nl_policy_parse(text, n + (size_t)shift, &out, &err);
    check_refused(got, NL_EPARSE, out, &err);
        assert_true(strncmp(err.key, "/\xe1\xbb\x87", 4) == 0);
    }
}

static void deep_nesting_is_refused_without_exhausting_the_stack(void **state)
{
    (void)state;
    size_t depth = 100000;
    char *text = malloc(depth * 5 + 1);
    assert_non_null(text);
    memset(text, '[', depth);
    nl_policy *out = (nl_policy *)&out;
    nl_error err;
    nl_status got = nl_policy_parse(text, depth, &out, &err);
    check_refused(got, NL_EPARSE, out, &err);
    assert_int_equal(err.line, 1);
    assert_true(strncmp(err.key, "/0/0/0/0", 8) == 0);
    for (size_t i = 0; i < depth; i++)
        memcpy(text + 5 * i, "{\"a\":", 5);
    out = (nl_policy *)&out;
    got = nl_policy_parse(text, depth * 5, &out, &err);
    check_refused(got, NL_EPARSE, out, &err);
    assert_true(strncmp(err.key, "/a/a/a/a", 8) == 0);
    free(text);
}

/* ----------------------------------------------- files and their sizes */

/* Rows: document-too-large */
static void a_100_mb_file_is_refused_without_being_read(void **state)
{
    (void)state;
    char path[512];
    snprintf(path, sizeof path, "%s/huge.json", tmpdir);
    int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
    assert_true(fd >= 0);
    assert_int_equal(write(fd, "{", 1), 1);
    assert_int_equal(ftruncate(fd, 100L * 1024 * 1024), 0);   /* sparse */
    assert_int_equal(close(fd), 0);
    nl_policy *out = (nl_policy *)&out;
    nl_error err;
    nl_status got = nl_policy_load(path, &out, &err);
    check_refused(got, NL_EPARSE, out, &err);
    assert_non_null(strstr(err.message, "16 MiB"));
    assert_int_equal(err.line, 0);
    assert_int_equal(err.column, 0);
    assert_string_equal(err.key, "");
}

/* Rows: document-too-large */
static void a_document_at_the_limit_is_parsed_and_one_byte_more_is_not(void **state)
{
    (void)state;
    const size_t max = NL_POLICY_MAX_BYTES;
    char *text = malloc(max + 1);
    assert_non_null(text);
    memset(text, ' ', max + 1);
    text[0] = '[';
    text[max - 1] = ']';   /* a valid JSON array of exactly 16 MiB */
    char path[512];
    snprintf(path, sizeof path, "%s/limit.json", tmpdir);
    for (int extra = 0; extra <= 1; extra++) {
        FILE *f = fopen(path, "wb");
        assert_non_null(f);
        assert_int_equal(fwrite(text, 1, max + (size_t)extra, f), max + (size_t)extra);
        assert_int_equal(fclose(f), 0);
        nl_policy *out = (nl_policy *)&out;
        nl_error err;
        nl_status got = nl_policy_load(path, &out, &err);
    check_refused(got, NL_EPARSE, out, &err);
        if (extra == 0) {
            /* Read and parsed: refused for its content, not its size. */
            assert_non_null(strstr(err.message, "must be a JSON object"));
            assert_int_equal(err.line, 1);
            assert_int_equal(err.column, 1);
        } else {
            assert_non_null(strstr(err.message, "16 MiB"));
        }
        out = (nl_policy *)&out;
        got = nl_policy_parse(text, max + (size_t)extra, &out, &err);
    check_refused(got, NL_EPARSE, out, &err);
        assert_non_null(strstr(err.message, extra ? "16 MiB" : "must be a JSON object"));
    }
    free(text);
}

/* Rows: unreadable-path, non-regular-input */
static void a_device_is_refused_as_not_a_regular_file(void **state)
{
    (void)state;
    /* /dev/zero never ends; it is refused before a byte is read. */
    nl_policy *out = (nl_policy *)&out;
    nl_error err;
    nl_status got = nl_policy_load("/dev/zero", &out, &err);
    check_refused(got, NL_EIO, out, &err);
    assert_non_null(strstr(err.message, "not a regular file"));
    assert_non_null(strstr(err.message, "/dev/zero"));
}

/* Rows: unreadable-path, non-regular-input */
static void a_named_pipe_is_refused_without_waiting_for_a_writer(void **state)
{
    (void)state;
    char path[512];
    snprintf(path, sizeof path, "%s/policy.fifo", tmpdir);
    assert_int_equal(mkfifo(path, 0600), 0);
    /* Opening a FIFO for reading blocks until a writer comes: were the load
     * to do that, SIGALRM would end the test (as a failure) instead of
     * letting it hang until ctest's timeout. */
    alarm(20);
    nl_policy *out = (nl_policy *)&out;
    nl_error err;
    nl_status got = nl_policy_load(path, &out, &err);
    alarm(0);
    check_refused(got, NL_EIO, out, &err);
    assert_non_null(strstr(err.message, "not a regular file"));
    assert_int_equal(unlink(path), 0);
}

/* Rows: unreadable-path */
static void a_nonexistent_path_is_an_io_error(void **state)
{
    (void)state;
    char path[512];
    snprintf(path, sizeof path, "%s/no-such-file.json", tmpdir);
    nl_policy *out = (nl_policy *)&out;
    nl_error err;
    nl_status got = nl_policy_load(path, &out, &err);
    check_refused(got, NL_EIO, out, &err);
    assert_non_null(strstr(err.message, "no-such-file.json"));
    assert_int_equal(err.line, 0);
    assert_string_equal(err.key, "");
    out = (nl_policy *)&out;
    got = nl_policy_load("", &out, &err);
    check_refused(got, NL_EIO, out, &err);
    /* A path that is not UTF-8 still gives a UTF-8 message. */
    snprintf(path, sizeof path, "%s/\xff\xfe-\xc3.json", tmpdir);
    out = (nl_policy *)&out;
    got = nl_policy_load(path, &out, &err);
    check_refused(got, NL_EIO, out, &err);
}

/* Rows: unreadable-path */
static void a_directory_is_an_io_error(void **state)
{
    (void)state;
    nl_policy *out = (nl_policy *)&out;
    nl_error err;
    nl_status s = nl_policy_load(tmpdir, &out, &err);
    assert_true(s == NL_EIO || s == NL_EPARSE);
    check_refused(s, s, out, &err);
    assert_int_equal(s, NL_EIO);   /* what Linux gives: read() fails with EISDIR */
}

/* Rows: unreadable-path */
static void an_unreadable_file_is_an_io_error(void **state)
{
    (void)state;
    char path[512];
    snprintf(path, sizeof path, "%s/unreadable.json", tmpdir);
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    assert_int_equal(fclose(f), 0);
    assert_int_equal(chmod(path, 0), 0);
    if (geteuid() != 0) {
        nl_policy *out = (nl_policy *)&out;
        nl_error err;
        nl_status got = nl_policy_load(path, &out, &err);
        check_refused(got, NL_EIO, out, &err);
        return;
    }
    /* Root reads anything (CI runs as root): load it from a child that has
     * given up root for nobody (65534), and check there. The directory is
     * opened to others for the child to reach the file itself. The child
     * answers through a pipe, not its exit status, which valgrind replaces
     * when it sees the blocks the child never frees. */
    assert_int_equal(chmod(tmpdir, 0711), 0);
    int fds[2];
    assert_int_equal(pipe(fds), 0);
    pid_t pid = fork();
    assert_true(pid >= 0);
    if (pid == 0) {
        char answer = 'R';   /* could not drop root */
        if (setgid(65534) == 0 && setuid(65534) == 0) {
            nl_policy *out = (nl_policy *)&out;
            nl_error err;
            memset(&err, 0xA5, sizeof err);
            nl_status got = nl_policy_load(path, &out, &err);
            answer = got == NL_EIO && out == NULL && err.status == NL_EIO &&
                             err.message[0] != '\0' &&
                             nlf_utf8(err.message, sizeof err.message) &&
                             nlf_utf8(err.key, sizeof err.key)
                         ? 'Y'
                         : 'N';
        }
        _exit(write(fds[1], &answer, 1) == 1 ? 0 : 1);
    }
    close(fds[1]);
    char answer = 0;
    assert_int_equal(read(fds[0], &answer, 1), 1);
    close(fds[0]);
    int wstatus = 0;
    assert_int_equal(waitpid(pid, &wstatus, 0), pid);
    assert_int_equal(chmod(tmpdir, 0700), 0);
    assert_int_equal(answer, 'Y');   /* 'R': could not drop root; 'N': wrong answer */
}

/* Rows: null-pointer */
static void null_arguments_are_invalid(void **state)
{
    (void)state;
    nl_policy *out = (nl_policy *)&out;
    nl_error err;
    nl_status got = nl_policy_parse(NULL, 0, &out, &err);
    check_refused(got, NL_EINVAL, out, &err);
    assert_int_equal(nl_policy_parse("{}", 2, NULL, &err), NL_EINVAL);
    assert_int_equal(err.status, NL_EINVAL);
    assert_int_equal(nl_policy_parse("{}", 2, NULL, NULL), NL_EINVAL);
    out = (nl_policy *)&out;
    got = nl_policy_load(NULL, &out, &err);
    check_refused(got, NL_EINVAL, out, &err);
    assert_int_equal(nl_policy_load(NLH_SOURCE_DIR "/data/laocai.json", NULL, NULL), NL_EINVAL);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(each_bad_document_is_refused_with_line_column_and_key),
        cmocka_unit_test(every_document_file_has_an_expectation),
        cmocka_unit_test(the_builtin_document_itself_loads),
        cmocka_unit_test(a_tier_without_an_amount_parameter_names_the_workplace),
        cmocka_unit_test(a_tier_name_of_40_characters_is_a_name_and_41_is_not),
        cmocka_unit_test(a_value_past_int64_in_the_full_document_names_the_value),
        cmocka_unit_test(a_negative_amount_in_the_full_document_names_the_value),
        cmocka_unit_test(a_nul_byte_that_jansson_would_skip_is_refused),
        cmocka_unit_test(a_long_vietnamese_member_name_is_cut_on_a_character_boundary),
        cmocka_unit_test(deep_nesting_is_refused_without_exhausting_the_stack),
        cmocka_unit_test(a_100_mb_file_is_refused_without_being_read),
        cmocka_unit_test(a_document_at_the_limit_is_parsed_and_one_byte_more_is_not),
        cmocka_unit_test(a_device_is_refused_as_not_a_regular_file),
        cmocka_unit_test(a_named_pipe_is_refused_without_waiting_for_a_writer),
        cmocka_unit_test(a_nonexistent_path_is_an_io_error),
        cmocka_unit_test(a_directory_is_an_io_error),
        cmocka_unit_test(an_unreadable_file_is_an_io_error),
        cmocka_unit_test(null_arguments_are_invalid),
    };
    return cmocka_run_group_tests(tests, make_tmpdir, remove_tmpdir);
}
