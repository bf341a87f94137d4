"""The attraction subsidy written in plain Python: the yardstick of bench
key py_single_vs_pure_python (bench/py_bench.py).

What a Python developer would write without the library: the rule as a
method; its parameters read once from the policy (the same dated values
the library uses, with their sources and certainties) into lists; per call
the names looked up in dicts, the ISO date parsed, a few comparisons, the
values in force found by bisection, and a small result record with the
amount, reason, source and certainty. Like a hand-written rule, it does
not validate its input beyond what the lookups do.

Workplaces: the pre-2025 district-level units with their tier (the codes
the bench population uses); a code used after its unit ended (every such
code after 2025-06-30) is answered through it, unconfirmed, as the library
does.
"""
import bisect
import datetime

from nhanluc import capi as _capi

_CERTAINTY = {"confirmed": 0, "reported": 1, "unconfirmed": 2, "user": 3}
_NAMES = ("confirmed", "reported", "unconfirmed", "user")
_EPOCH = datetime.date(1970, 1, 1).toordinal()


class Answer:
    __slots__ = ("eligible", "amount", "reason", "source", "certainty")

    def __init__(self, eligible, amount, reason, source, certainty):
        self.eligible = eligible
        self.amount = amount
        self.reason = reason
        self.source = source
        self.certainty = certainty


class Dated:
    """A parameter's dated values: since (days), value (None: ended),
    source, certainty (int)."""

    def __init__(self, policy, key):
        vals = policy.parameter(key).values
        self.since = [v.since.toordinal() - _EPOCH for v in vals]
        self.rows = [(None if v.ended else v.value, v.source, _CERTAINTY[str(v.status)])
                     for v in vals]

    def on(self, day):
        """(value or None, source, certainty) deciding on *day*: the value
        in force, or before the first one the first (whose source says when
        the rule starts), as not in force."""
        i = bisect.bisect_right(self.since, day) - 1
        if i < 0:
            return (None,) + self.rows[0][1:]
        return self.rows[i]


class PureAttraction:
    DEGREES = {"none": 0, "college": 1, "bachelor": 2, "master": 3, "doctor": 4}
    MAJORS = {"other": 0, "it": 1, "electronics_telecom": 2}      # bit of a set
    AGENCIES = {"other": 0, "party": 1, "state": 2}

    def __init__(self, policy):
        self.period = Dated(policy, "attraction.period")
        self.min_degree = Dated(policy, "attraction.min_degree")
        # The conditions are dated parameters too (format 2), each its source.
        self.majors = Dated(policy, "attraction.majors")
        self.agencies = Dated(policy, "attraction.agencies")
        self.post = Dated(policy, "attraction.dedicated_post_required")
        self.units = {}     # code -> (last day or None, tier's Dated)
        amounts = {}
        p = policy._p
        for i in range(_capi.nl_policy_workplace_count(p)):
            w = _capi.nl_policy_workplace_at(p, i)
            d = _capi.nl_policy_workplace_detail(p, i)
            if d.digits != 3 or w.tier is None:
                continue
            if w.tier not in amounts:
                amounts[w.tier] = Dated(policy, "attraction.amount." + w.tier)
            self.units[w.code] = (d.until if d.has_until else None, amounts[w.tier])

    def subsidy(self, degree, major, agency, dedicated_post, workplace, start):
        day = datetime.date.fromisoformat(start).toordinal() - _EPOCH
        period, psrc, pcert = self.period.on(day)
        if not period:
            return Answer(False, 0, "not_in_force", psrc, _NAMES[pcert])
        cert = pcert
        used = []
        for dated in (self.min_degree, self.majors, self.agencies, self.post):
            v, vsrc, vcert = dated.on(day)
            if v is None:
                return Answer(False, 0, "not_in_force", vsrc, _NAMES[vcert])
            cert = max(cert, vcert)
            used.append((v, vsrc))
        (need, src), (majors, msrc), (agencies, asrc), (post, dsrc) = used
        if self.DEGREES[degree] < need:
            return Answer(False, 0, "degree", src, _NAMES[cert])
        if not majors >> self.MAJORS[major] & 1:
            return Answer(False, 0, "major", msrc, _NAMES[cert])
        if not agencies >> self.AGENCIES[agency] & 1:
            return Answer(False, 0, "agency", asrc, _NAMES[cert])
        if post and not dedicated_post:
            return Answer(False, 0, "not_dedicated", dsrc, _NAMES[cert])
        unit = self.units.get(workplace)
        if unit is None:
            return Answer(False, 0, "outside_province", src, _NAMES[cert])
        until, amounts = unit
        if until is not None and day > until:
            cert = 2   # a pre-2025 code after its unit ended: mapped, unconfirmed
        amount, asrc, acert = amounts.on(day)
        if amount is None:
            return Answer(False, 0, "not_in_force", asrc, _NAMES[acert])
        return Answer(True, amount, "ok", asrc, _NAMES[max(cert, acert)])
