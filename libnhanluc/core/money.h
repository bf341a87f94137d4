/* Exact money arithmetic on int64 đồng. Not installed.
 *
 * Why: amounts are legal figures; a floating-point detour or a silent wrap
 * would pay a wrong đồng. Every operation here either gives the exact result
 * or reports overflow. Division rounds toward zero, which for the
 * non-negative amounts the rules use means rounding down: a cap computed from
 * a cap never exceeds the law's figure. */
#ifndef NHANLUC_MONEY_H
#define NHANLUC_MONEY_H

#include <stdbool.h>
#include <stdint.h>

#ifndef __SIZEOF_INT128__
#  error "libnhanluc needs a compiler with 128-bit integers (GCC or Clang on a 64-bit target)"
#endif

__extension__ typedef __int128 nl_i128;

/* *out = a + b; false on overflow. */
static inline bool nl__add(int64_t a, int64_t b, int64_t *out)
{
    return !__builtin_add_overflow(a, b, out);
}

/* *out = floor(a × num / den) for a >= 0, 0 <= num < 2^63 and den > 0,
 * computed exactly in 128 bits; false if the result does not fit int64. */
static inline bool nl__muldiv(int64_t a, int64_t num, int64_t den, int64_t *out)
{
    nl_i128 r = (nl_i128)a * num / den;
    if (r > INT64_MAX)
        return false;
    *out = (int64_t)r;
    return true;
}

/* *out = floor(a × n1 × n2 / (d1 × d2)) for non-negative a, n1, n2 and
 * positive d1, d2, exact; false if it does not fit int64. The registry bounds
 * the factors (counts and basis points <= 10^6 < 2^20), so the 128-bit
 * product a × n1 × n2 < 2^103 cannot itself overflow. */
static inline bool nl__muldiv2(int64_t a, int64_t n1, int64_t n2, int64_t d1, int64_t d2,
                               int64_t *out)
{
    nl_i128 r = (nl_i128)a * n1 * n2 / ((nl_i128)d1 * d2);
    if (r > INT64_MAX)
        return false;
    *out = (int64_t)r;
    return true;
}

#endif
