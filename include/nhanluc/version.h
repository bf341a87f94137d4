/**
 * @file nhanluc/version.h
 * @brief Compile-time version of libnhanluc.
 *
 * The release version follows semantic versioning. The ABI is tracked
 * separately by the shared library's soname (libnhanluc.so.0): it changes only
 * when a released ABI breaks, see docs/ABI.md.
 */
#ifndef NHANLUC_VERSION_H
#define NHANLUC_VERSION_H

#define NL_VERSION_MAJOR 0
#define NL_VERSION_MINOR 1
#define NL_VERSION_PATCH 0
#define NL_VERSION_STR_(x) #x
#define NL_VERSION_STR(x) NL_VERSION_STR_(x)
/** The release as text, "MAJOR.MINOR.PATCH" (made from the three numbers). */
#define NL_VERSION_STRING                                                      \
    NL_VERSION_STR(NL_VERSION_MAJOR) "." NL_VERSION_STR(NL_VERSION_MINOR) "." \
        NL_VERSION_STR(NL_VERSION_PATCH)
/** MAJOR * 10000 + MINOR * 100 + PATCH, comparable with nl_version_number(). */
#define NL_VERSION_NUMBER (NL_VERSION_MAJOR * 10000 + NL_VERSION_MINOR * 100 + NL_VERSION_PATCH)
/** True when the headers are at least version x.y.z. */
#define NL_VERSION_AT_LEAST(x, y, z) (NL_VERSION_NUMBER >= ((x) * 10000 + (y) * 100 + (z)))

#endif
