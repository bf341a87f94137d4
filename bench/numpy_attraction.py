"""The attraction subsidy written as an analyst would in numpy (the yardstick
of bench step "py", key py_batch_vs_numpy).

An OpenFisca-style vectorised formula: the parameters are read once from
the policy (the same dated values the library uses, so a what-if on the
policy changes both), each record's value of each parameter on its start
date is looked up with np.searchsorted, the conditions are boolean masks
and the reason is np.select over them in the rule's order. No loops over
records. It does not validate its input (an analyst's formula would not),
and it gives amount, reason and eligible, not certainty.

    params = parameters(policy)
    amount, reason = attraction(params, degree, major, agency, dedicated_post,
                                workplace, start)

Inputs are numpy arrays: enum codes (nhanluc.Degree, ...), dedicated_post
bool or 0/1, workplace GSO codes, start as days since 1970-01-01 (int) or
datetime64[D]. Outputs: amount int64 đồng, reason uint8 (nhanluc.Reason
codes, i.e. the C nl_reason).
"""
import datetime

import numpy as np

import nhanluc

_EPOCH = datetime.date(1970, 1, 1)

# nl_reason codes (include/nhanluc/common.h), by name.
R = {str(r): r.code for r in nhanluc.Reason}


class Dated:
    """One parameter's dated values as arrays: since (days), value,
    in_force (False where a value ends the parameter)."""

    def __init__(self, policy, key):
        values = policy.parameter(key).values
        self.since = np.array([(v.since - _EPOCH).days for v in values], np.int64)
        self.value = np.array([0 if v.ended else v.value for v in values], np.int64)
        self.in_force = np.array([not v.ended for v in values], bool)

    def at(self, days):
        """(known, value) of the parameter on each date."""
        i = np.searchsorted(self.since, days, side="right") - 1
        j = np.maximum(i, 0)
        known = (i >= 0) & self.in_force[j]
        return known, np.where(known, self.value[j], 0)


def parameters(policy):
    """Everything the formula reads, taken from *policy* once."""
    # The bench population works in the pre-2025 district-level units
    # (three-digit codes; after 2025-06-30 the library still maps them to
    # their tier, unconfirmed): this formula reads that table only, not the
    # communes' dated catalogue.
    units = [w for w in policy.workplaces() if w.code < 1000 and w.tier is not None]
    tiers = sorted({w.tier for w in units})
    tier_of = np.full(1000, -1, np.int8)
    for w in units:
        tier_of[w.code] = tiers.index(w.tier)
    return {
        "period": Dated(policy, "attraction.period"),
        "min_degree": Dated(policy, "attraction.min_degree"),
        "amounts": [Dated(policy, "attraction.amount." + t) for t in tiers],
        "tier_of": tier_of,
    }


def attraction(params, degree, major, agency, dedicated_post, workplace, start):
    """amount (int64) and reason (uint8) of every record."""
    start = np.asarray(start)
    if start.dtype.kind == "M":
        start = start.astype("datetime64[D]").astype(np.int64)
    period_known, period = params["period"].at(start)
    degree_known, min_degree = params["min_degree"].at(start)
    tier = params["tier_of"][workplace]
    in_province = tier >= 0
    # Each record's amount: the value of its tier's parameter on its date.
    amount_known = np.zeros(len(start), bool)
    amount = np.zeros(len(start), np.int64)
    for t, param in enumerate(params["amounts"]):
        known, value = param.at(start)
        mine = tier == t
        amount_known |= mine & known
        amount = np.where(mine, value, amount)

    reason = np.select(
        [~period_known | (period == 0) | ~degree_known,
         degree < min_degree,
         ~np.isin(major, [nhanluc.Major.IT, nhanluc.Major.ELECTRONICS_TELECOM]),
         ~np.isin(agency, [nhanluc.Agency.PARTY, nhanluc.Agency.STATE]),
         ~np.asarray(dedicated_post, bool),
         ~in_province,
         ~amount_known],
        [R["not_in_force"], R["degree"], R["major"], R["agency"], R["not_dedicated"],
         R["outside_province"], R["not_in_force"]],
        default=R["ok"]).astype(np.uint8)
    amount = np.where(reason == R["ok"], amount, 0)
    return amount, reason
