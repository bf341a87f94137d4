/* Helpers shared by the hardening tests (tests/hardening/). Header-only. */
#ifndef NHANLUC_HARDENING_H
#define NHANLUC_HARDENING_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <nhanluc/nhanluc.h>

#include "../../fuzz/utf8_check.h"   /* nlf_utf8(), as the fuzz harnesses check */

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

/* A date the tests know to be real; aborts on a typo rather than testing
 * 1970-01-01 instead. */
static inline nl_date nlh_date(int y, int m, int d)
{
    nl_date out = 0;
    if (nl_date_ymd(y, m, d, &out) != NL_OK)
        abort();
    return out;
}

#endif
