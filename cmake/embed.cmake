# Turns a file into a C source defining a byte array, so the built-in policy
# needs no file at run time.  Usage:
#   cmake -DIN=data/laocai.json -DOUT=builtin_policy.c -DNAME=nl__builtin_json -P embed.cmake
file(READ "${IN}" hex HEX)
string(LENGTH "${hex}" hexlen)
math(EXPR len "${hexlen} / 2")
string(REGEX REPLACE "([0-9a-f][0-9a-f])" "0x\\1," bytes "${hex}")
# One line of C per line of the input keeps the generated file readable.
string(REPLACE "0x0a," "0x0a,\n    " bytes "${bytes}")
file(WRITE "${OUT}.tmp"
"/* Generated from ${IN} by cmake/embed.cmake: do not edit. */
#include <stddef.h>
const unsigned char ${NAME}[] = {
    ${bytes}0x00
};
const size_t ${NAME}_len = ${len};
")
file(COPY_FILE "${OUT}.tmp" "${OUT}" ONLY_IF_DIFFERENT)
file(REMOVE "${OUT}.tmp")
