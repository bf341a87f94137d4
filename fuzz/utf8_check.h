/* nlf_utf8(): is s NUL-terminated within max bytes and valid UTF-8 (no
 * overlongs, surrogates or code points past U+10FFFF)? What the bindings need
 * to turn the library's texts into Python / PHP strings. Shared by the fuzz
 * harnesses (nlf.h) and the hardening tests (tests/hardening/hardening.h).
 * Header-only; strnlen needs _POSIX_C_SOURCE >= 200809L (both define it). */
#ifndef NHANLUC_FUZZ_UTF8_CHECK_H
#define NHANLUC_FUZZ_UTF8_CHECK_H

#include <stdbool.h>
#include <stddef.h>
#include <string.h>

static inline bool nlf_utf8(const char *s, size_t max)
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
        if (len >= 3 && ((b == 0xE0 && u[i + 1] < 0xA0) || (b == 0xED && u[i + 1] > 0x9F) ||
                         (b == 0xF0 && u[i + 1] < 0x90) || (b == 0xF4 && u[i + 1] > 0x8F)))
            return false;
        i += len;
    }
    return true;
}

#endif
