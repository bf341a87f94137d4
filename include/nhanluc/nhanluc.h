/**
 * @file nhanluc/nhanluc.h
 * @brief libnhanluc: Lào Cai's digital-workforce policies as exact, dated,
 *        explainable rules. Include this header only.
 *
 * Areas:
 *  - nhanluc/common.h  version, status codes, dates, errors, reasons
 *  - nhanluc/policy.h  policies: dated parameters with legal sources
 *  - nhanluc/rules.h   the rule families' typed functions, one header each:
 *                      attraction.h, expert.h, training.h (terms.h: shared)
 *  - nhanluc/rule.h    the rule families' declarations, read at run time, and
 *                      nl_rule_eval (any family, errors naming the field)
 *  - nhanluc/batch.h   the three rules over whole populations (columns)
 *
 * Conventions: every public name starts with nl_ / NL_. Handles are opaque
 * and come in create/free pairs; freeing NULL is a no-op. Functions that can
 * fail return nl_status; nl_strerror() turns it into text. Money is int64
 * đồng with no floating point. There is no global mutable state.
 *
 * Thread safety: all functions are reentrant. A policy may be shared
 * read-only between any number of threads; nl_policy_set() and
 * nl_policy_end() need exclusive access to the policy they change.
 */
#ifndef NHANLUC_NHANLUC_H
#define NHANLUC_NHANLUC_H

#include "common.h"
#include "policy.h"
#include "rules.h"
#include "rule.h"
#include "batch.h"

#endif
