/* Helpers shared by the hardening tests (tests/hardening/). Header-only. */
#ifndef NHANLUC_HARDENING_H
#define NHANLUC_HARDENING_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <nhanluc/nhanluc.h>

/* splitmix64: a small, fast, seedable generator; the same seed gives the
 * same records on every platform. */
static inline uint64_t nlh_next(uint64_t *state)
{
    uint64_t z = (*state += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

/* Uniform-enough integer in [0, n) for the small n used here. */
static inline uint64_t nlh_below(uint64_t *state, uint64_t n)
{
    return nlh_next(state) % n;
}

/* FNV-1a style mixing of 64-bit words into a digest. */
static inline uint64_t nlh_mix(uint64_t h, uint64_t v)
{
    for (int i = 0; i < 8; i++) {
        h ^= (v >> (8 * i)) & 0xFF;
        h *= 0x100000001B3ull;
    }
    return h;
}
#define NLH_HASH_INIT 0xCBF29CE484222325ull

/* True if the n bytes at p are all zero (a result after an error). */
static inline bool nlh_all_zero(const void *p, size_t n)
{
    const unsigned char *b = p;
    for (size_t i = 0; i < n; i++)
        if (b[i] != 0)
            return false;
    return true;
}

/* True if s is NUL-terminated within max bytes and valid UTF-8 (no
 * overlongs, surrogates or code points past U+10FFFF): what the bindings
 * need to turn nl_error texts into Python / PHP strings. */
static inline bool nlh_utf8_valid(const char *s, size_t max)
{
    size_t n = strnlen(s, max);
    if (n == max)
        return false;
    const unsigned char *u = (const unsigned char *)s;
    for (size_t i = 0; i < n;) {
        unsigned char b = u[i];
        size_t len = b < 0x80 ? 1 : (b >= 0xC2 && b <= 0xDF) ? 2 : (b >= 0xE0 && b <= 0xEF) ? 3
                   : (b >= 0xF0 && b <= 0xF4) ? 4 : 0;
        if (len == 0 || i + len > n)
            return false;
        for (size_t k = 1; k < len; k++)
            if ((u[i + k] & 0xC0) != 0x80)
                return false;
        if (len >= 3) {
            unsigned char b1 = u[i + 1];
            if ((b == 0xE0 && b1 < 0xA0) || (b == 0xED && b1 > 0x9F) ||
                (b == 0xF0 && b1 < 0x90) || (b == 0xF4 && b1 > 0x8F))
                return false;
        }
        i += len;
    }
    return true;
}

static inline nl_date nlh_date(int y, int m, int d)
{
    nl_date out = 0;
    (void)nl_date_ymd(y, m, d, &out);
    return out;
}

#endif
