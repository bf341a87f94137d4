/* What the generators in scripts/ (rules_doc.c, php_enums.c) share: a
 * growing text, and the comparison (--check) and atomic replacement
 * (--write) of a generated file. Header-only: each generator is one file. */
#ifndef NHANLUC_GEN_TEXT_H
#define NHANLUC_GEN_TEXT_H

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
    char *buf;
    size_t len, cap;
} text;

static inline void put(text *t, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Appends printf-style output to t; exits 2 when out of memory. */
static inline void put(text *t, const char *fmt, ...)
{
    va_list ap;
    for (;;) {
        va_start(ap, fmt);
        int n = vsnprintf(t->buf ? t->buf + t->len : NULL, t->buf ? t->cap - t->len : 0, fmt, ap);
        va_end(ap);
        if (n < 0)
            exit(2);
        if (t->buf && t->len + (size_t)n < t->cap) {
            t->len += (size_t)n;
            return;
        }
        t->cap = (t->cap + (size_t)n + 1) * 2;
        t->buf = realloc(t->buf, t->cap);
        if (t->buf == NULL)
            exit(2);
    }
}

/* 1 when the file at path holds exactly t's bytes; 0 when it differs or
 * cannot be read. */
static inline int gen_same(const char *path, const text *t)
{
    FILE *f = fopen(path, "rb");
    if (f == NULL)
        return 0;
    char *old = malloc(t->len + 2);
    size_t n = old ? fread(old, 1, t->len + 1, f) : 0;
    fclose(f);
    int same = old && n == t->len && memcmp(old, t->buf, t->len) == 0;
    free(old);
    return same;
}

/* Replaces the file at path with t's bytes: written to path.tmp, then
 * renamed over it, so the file is never partly written. 0, or -1 after
 * printing why (and removing path.tmp). */
static inline int gen_write(const char *path, const text *t)
{
    char tmp[4096];
    if (snprintf(tmp, sizeof tmp, "%s.tmp", path) >= (int)sizeof tmp) {
        fprintf(stderr, "%s: path too long\n", path);
        return -1;
    }
    FILE *f = fopen(tmp, "wb");
    if (f == NULL) {
        perror(tmp);
        return -1;
    }
    int ok = fwrite(t->buf, 1, t->len, f) == t->len;
    ok = (fclose(f) == 0) && ok;
    if (!ok || rename(tmp, path) != 0) {
        perror(tmp);
        remove(tmp);
        return -1;
    }
    return 0;
}

#endif
