/**
 * @file nhanluc/rules.h
 * @brief The rule families' typed C functions, one header each:
 *        nhanluc/attraction.h, nhanluc/expert.h, nhanluc/training.h (and
 *        nhanluc/terms.h for what they share). Including this header
 *        includes them all.
 *
 * Each function evaluates one case against a policy "as of" a date and fills
 * a result the caller owns. Conventions shared by all three:
 *  - Not qualifying is an answer, not an error: the function returns NL_OK,
 *    and the result says why (reason), with the legal source.
 *  - Bad input is an error: NULL pointers, enum values out of range,
 *    negative money or days, NaN or infinite numbers give NL_EINVAL; a date
 *    outside 0001..9999 gives NL_EDATE; a sum past INT64_MAX gives NL_ERANGE.
 *    On any error the result is zeroed: there is no partial answer.
 *  - Money is int64 đồng. Every division rounds toward zero (down, since all
 *    amounts are non-negative), so a computed cap never exceeds the law's.
 *  - @c source points into the policy (valid while it lives and is not
 *    modified) and cites the legal text of the value that decided.
 *  - @c certainty is the weakest certainty of the values used.
 *
 * Thread safety: these functions only read the policy; see policy.h.
 */
#ifndef NHANLUC_RULES_H
#define NHANLUC_RULES_H

#include "policy.h"
#include "terms.h"
#include "attraction.h"
#include "expert.h"
#include "training.h"

#endif
