/* Version, status texts and certainty names. */
#include "internal.h"

const char *nl_version(void) { return NL_VERSION_STRING; }

int nl_version_number(void) { return NL_VERSION_NUMBER; }

static const char *const status_text[NL_STATUS_COUNT] = {
    [NL_OK] = "success",
    [NL_EINVAL] = "invalid argument",
    [NL_ERANGE] = "amount out of range (int64 overflow)",
    [NL_EDATE] = "invalid date",
    [NL_ENOTFOUND] = "not found",
    [NL_ENOTINFORCE] = "not in force on that date",
    [NL_EPARSE] = "malformed policy document",
    [NL_EIO] = "input/output error",
    [NL_ENOMEM] = "out of memory",
    [NL_EAMBIGUOUS] = "ambiguous name",
};

static const char *const status_name[NL_STATUS_COUNT] = {
    [NL_OK] = "NL_OK",
    [NL_EINVAL] = "NL_EINVAL",
    [NL_ERANGE] = "NL_ERANGE",
    [NL_EDATE] = "NL_EDATE",
    [NL_ENOTFOUND] = "NL_ENOTFOUND",
    [NL_ENOTINFORCE] = "NL_ENOTINFORCE",
    [NL_EPARSE] = "NL_EPARSE",
    [NL_EIO] = "NL_EIO",
    [NL_ENOMEM] = "NL_ENOMEM",
    [NL_EAMBIGUOUS] = "NL_EAMBIGUOUS",
};

/* Enum values come from callers (and bindings) as plain ints: compare as
 * unsigned so a negative value is out of range too. */
const char *nl_strerror(nl_status s)
{
    return (unsigned)s < NL_STATUS_COUNT ? status_text[s] : "unknown status";
}

const char *nl_status_name(nl_status s)
{
    return (unsigned)s < NL_STATUS_COUNT ? status_name[s] : "NL_UNKNOWN";
}

const char *nl_certainty_name(nl_certainty c)
{
    static const char *const names[] = {"confirmed", "reported", "unconfirmed", "user"};
    return (unsigned)c < sizeof names / sizeof names[0] ? names[c] : NULL;
}
