/* LD_PRELOAD shim for running the PHP extension under AddressSanitizer.
 *
 * PHP (Debian's php-cli) loads extensions with dlopen(..., RTLD_DEEPBIND),
 * which the sanitizer runtime refuses ("You are trying to dlopen ... with
 * RTLD_DEEPBIND flag which is incompatible with sanitizer runtime",
 * https://github.com/google/sanitizers/issues/611). Preloaded ahead of the
 * runtime, this dlopen drops the flag and passes the call on. Built without
 * sanitizer flags (tests/hardening/CMakeLists.txt); see docs/hardening.md,
 * "Bindings under the sanitizers". */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <stddef.h>

/* Exported although the project builds with -fvisibility=hidden. */
__attribute__((visibility("default"))) void *dlopen(const char *file, int mode);

__attribute__((visibility("default"))) void *dlopen(const char *file, int mode)
{
    static void *(*next)(const char *, int);
    if (next == NULL)
        next = (void *(*)(const char *, int))dlsym(RTLD_NEXT, "dlopen");
    return next == NULL ? NULL : next(file, mode & ~RTLD_DEEPBIND);
}
