"""The bad input matrix, Python column (docs/hardening.md, "Bad input classes").

Every row of that table has an id (``null-pointer``, ``enum-out-of-range``,
...). Each case below names its row; pytest shows it as
``test_bad_input[row:example]``, so ``pytest -k null-pointer`` runs a row.
``test_the_table_and_the_cases_have_the_same_rows`` checks that this file
and the table list exactly the same rows, that no Python or PHP cell of the
table is empty, and that the C tests and the PHP test name every row they
must.

A case calls the package with one bad input and says what must come back:
``raises(cls, status)`` (the exception class, which is also the matching
built-in, and its ``.code``), ``answer(...)`` (a result: not qualifying is
an answer, never an exception) or ``returns(value)``. A case that raises
must never leave a result behind, and the policy it was given must be
unchanged (checked for every case by comparing the parameter listing).
"""

import datetime
import math
import os
import pathlib
import re
import stat
import sys

import pytest

import nhanluc
from nhanluc import Status, capi

from conftest import SOURCE_DIR

INT32_MIN, INT32_MAX = -(1 << 31), (1 << 31) - 1
INT64_MIN, INT64_MAX = -(1 << 63), (1 << 63) - 1
INT_MIN, INT_MAX = INT32_MIN, INT32_MAX
DATE_MIN, DATE_MAX = -719162, 2932896   # 0001-01-01 and 9999-12-31 as nl_date
D2024 = 19844                           # 2024-05-01 as nl_date
_RULES = {r.name: r for r in nhanluc.rules}


def raw(policy, rule, *inputs):
    """The low-level generic call (what Policy.<rule>() makes): the inputs
    in declaration order (codes as ints, dates as ISO text); None as the
    policy passes NULL."""
    return capi.nl_py_eval(policy, _RULES[rule]._spec, inputs)
MIB = 1 << 20

SUBSIDY = dict(degree="bachelor", major="it", agency="state", dedicated_post=True,
               workplace=82, start="2023-05-01")
EXPERT = dict(degree="master", experience_years=6, on="2024-01-01")
TRAINING = dict(dedicated_official=True, short_concentrated=True, tuition=3_000_000,
                materials=200_000, meals=500_000, travel=300_000, days=5, start="2023-03-01")


# ------------------------------------------------------------ expectations

class raises:
    """The call raises *cls* (a nhanluc.Error, unless a plain built-in is
    named) with ``.code`` *status*; *match* is a piece of the message."""

    def __init__(self, cls, status=None, match=None, **attrs):
        self.cls, self.status, self.match, self.attrs = cls, status, match, attrs

    def check(self, call, p):
        with pytest.raises(self.cls) as info:
            call(p)
        e = info.value
        if issubclass(self.cls, nhanluc.Error):
            assert e.code == self.status, (e.code, self.status, str(e))
            assert isinstance(e.code, Status)
        if self.match is not None:
            assert self.match in str(e), str(e)
        for name, value in self.attrs.items():
            assert getattr(e, name) == value, (name, getattr(e, name), value)

    def __repr__(self):
        return "raises(%s, %s)" % (self.cls.__name__, self.status)


class answer:
    """The call returns a result with these fields (reason as its name)."""

    def __init__(self, **fields):
        self.fields = fields

    def check(self, call, p):
        r = call(p)
        for name, value in self.fields.items():
            got = getattr(r, name)
            assert got == value, (name, got, value)
        if "reason" in self.fields and self.fields["reason"] != "ok":
            assert r.eligible is False
            for amount in ("amount", "monthly", "weekly", "daily", "special_monthly", "total"):
                if hasattr(r, amount):
                    assert getattr(r, amount) == 0, amount


class returns:
    """The call returns *value* (compared with ==, and `is` for None/bools)."""

    def __init__(self, value):
        self.value = value

    def check(self, call, p):
        got = call(p)
        if self.value is None or isinstance(self.value, bool):
            assert got is self.value
        else:
            assert got == self.value


class Case:
    def __init__(self, row, example, call, expect):
        self.row, self.example, self.call, self.expect = row, example, call, expect

    @property
    def id(self):
        return "%s:%s" % (self.row, self.example)


CASES = []


def case(row, example, call, expect):
    CASES.append(Case(row, example, call, expect))


def subsidy(**changes):
    return lambda p: p.attraction_subsidy(**{**SUBSIDY, **changes})


def expert(**changes):
    return lambda p: p.expert_salary_cap(**{**EXPERT, **changes})


def training(**changes):
    return lambda p: p.training_support(**{**TRAINING, **changes})


def each_rule(row, label, expect, subsidy_changes=None, expert_changes=None,
              training_changes=None):
    if subsidy_changes is not None:
        case(row, "subsidy " + label, subsidy(**subsidy_changes), expect)
    if expert_changes is not None:
        case(row, "expert " + label, expert(**expert_changes), expect)
    if training_changes is not None:
        case(row, "training " + label, training(**training_changes), expect)


def batch(fn, n=3, **changes):
    """A call of nhanluc.batch.<fn> on n records of the good case, some
    columns replaced by *changes* (arrays or lists)."""
    def call(p):
        B = nb()
        import numpy as np
        base = {"attraction_subsidy": SUBSIDY, "expert_salary_cap": EXPERT,
                "training_support": TRAINING}[fn]
        cols = {k: [v] * n for k, v in base.items()}
        cols.update({k: (v(np) if callable(v) else v) for k, v in changes.items()})
        return getattr(B, fn)(p, **cols)
    return call


def nb():
    """nhanluc.batch (needs numpy: the case is skipped without it)."""
    pytest.importorskip("numpy")
    import nhanluc.batch
    return nhanluc.batch


def records(base, n=1):
    return {k: [v] * n for k, v in base.items()}


EINVAL, ERANGE, EDATE = Status.EINVAL, Status.ERANGE, Status.EDATE
ENOTFOUND, ENOTINFORCE = Status.ENOTFOUND, Status.ENOTINFORCE
EPARSE, EIO = Status.EPARSE, Status.EIO
Invalid, TypeErr = nhanluc.InvalidArgumentError, nhanluc.ArgumentTypeError
DateErr, RangeErr = nhanluc.DateError, nhanluc.RangeError
NotFound, NotInForce = nhanluc.NotFoundError, nhanluc.NotInForceError


# ------------------------------------------------------------- null-pointer
# nhanluc never hands NULL to C (None is refused first: none-or-null); the
# raw capi module passes None as NULL, and the library answers NL_EINVAL.
row = "null-pointer"
case(row, "capi subsidy None policy",
     lambda p: raw(None, "attraction_subsidy", 2, 1, 2, True, 82, "2024-05-01"),
     raises(Invalid, EINVAL))
case(row, "capi expert None policy",
     lambda p: raw(None, "expert_salary_cap", 3, 6.0, 0, False, "2024-05-01"),
     raises(Invalid, EINVAL))
case(row, "capi training None policy",
     lambda p: raw(None, "training_support", True, True, 1, 0, 0, 0, 5, "2024-05-01"),
     raises(Invalid, EINVAL))
case(row, "capi get None key",
     lambda p: capi.nl_policy_get(p._p, None, D2024), raises(Invalid, EINVAL))
case(row, "capi set None policy",
     lambda p: capi.nl_policy_set(None, "expert.cap.level1", D2024, 1), raises(Invalid, EINVAL))
case(row, "capi clone None", lambda p: capi.nl_policy_clone(None), raises(Invalid, EINVAL))
case(row, "capi load None path", lambda p: capi.nl_policy_load(None), raises(Invalid, EINVAL))
case(row, "capi date_parse None", lambda p: capi.nl_date_parse(None), raises(Invalid, EINVAL))
case(row, "capi parse None text", lambda p: capi.nl_policy_parse(None), raises(TypeError))
case(row, "capi workplace None policy",
     lambda p: capi.nl_policy_workplace(None, 80), raises(Invalid, EINVAL))

# -------------------------------------------------------- enum-out-of-range
row = "enum-out-of-range"
for v in (-1, INT_MIN, INT_MAX, 1 << 40):
    each_rule(row, "degree=%d" % v, raises(Invalid, EINVAL, "degree"),
              dict(degree=v), dict(degree=v))
    each_rule(row, "major=%d" % v, raises(Invalid, EINVAL, "major"), dict(major=v))
    each_rule(row, "agency=%d" % v, raises(Invalid, EINVAL, "agency"), dict(agency=v))
    each_rule(row, "role=%d" % v, raises(Invalid, EINVAL, "role"), None, dict(role=v))
each_rule(row, "degree=5", raises(Invalid, EINVAL, "degree"), dict(degree=5), dict(degree=5))
each_rule(row, "major=3", raises(Invalid, EINVAL, "major"), dict(major=3))
each_rule(row, "agency=3", raises(Invalid, EINVAL, "agency"), dict(agency=3))
each_rule(row, "role=3", raises(Invalid, EINVAL, "role"), None, dict(role=3))
case(row, "capi degree=5", lambda p: raw(p._p, "attraction_subsidy", 5, 1, 2, True, 82, "2024-05-01"),
     raises(Invalid, EINVAL))
case(row, "batch degree 300 at record 1",
     batch("attraction_subsidy", degree=lambda np: np.array([2, 300, 2])),
     raises(Invalid, EINVAL, index=1, column="degree"))
case(row, "batch role -1 at record 2",
     batch("expert_salary_cap", role=lambda np: np.array([0, 1, -1])),
     raises(Invalid, EINVAL, index=2, column="role"))

# ---------------------------------------------------- experience-not-finite
row = "experience-not-finite"
for v in (math.nan, -math.nan, math.inf, -math.inf, -1.0, -5e-324, -sys.float_info.max, -1):
    label = "-nan" if math.isnan(v) and math.copysign(1, v) < 0 else repr(v)
    case(row, "experience_years=%s" % label, expert(experience_years=v),
         raises(Invalid, EINVAL, "experience_years"))
case(row, "experience_years=-0.0 is zero years", expert(experience_years=-0.0),
     answer(reason="ok", level=4))
case(row, "experience_years=DBL_MAX is a lot", expert(experience_years=sys.float_info.max),
     answer(reason="ok", level=1))
case(row, "batch NaN at record 1",
     batch("expert_salary_cap", experience_years=lambda np: np.array([1.0, np.nan, 2.0])),
     raises(Invalid, EINVAL, index=1, column="experience_years"))

# ----------------------------------------------------------- negative-money
row = "negative-money"
for field in ("tuition", "materials", "meals", "travel"):
    for v in (-1, INT64_MIN):
        case(row, "%s=%d" % (field, v), training(**{field: v}), raises(Invalid, EINVAL))
    case(row, "%s=-1 not qualifying" % field, training(**{field: -1, "dedicated_official": False}),
         raises(Invalid, EINVAL))
case(row, "batch travel -1 at record 2",
     batch("training_support", travel=lambda np: np.array([0, 0, -1], np.int64)),
     raises(Invalid, EINVAL, index=2, column="travel"))

# ----------------------------------------------------------- days-below-one
row = "days-below-one"
for v in (0, -1, INT32_MIN):
    case(row, "days=%d" % v, training(days=v), raises(Invalid, EINVAL, "days"))
case(row, "days=INT32_MAX is fine", training(days=INT32_MAX), answer(reason="ok"))

# --------------------------------------------------- workplace-out-of-range
row = "workplace-out-of-range"
for v in (-1, 100000, INT32_MIN, INT32_MAX):
    case(row, "subsidy workplace=%d" % v, subsidy(workplace=v),
         raises(Invalid, EINVAL, "workplace"))
    case(row, "workplace(%d)" % v, lambda p, v=v: p.workplace(v), raises(Invalid, EINVAL))
case(row, "subsidy workplace='100000'", subsidy(workplace="100000"), raises(Invalid, EINVAL))
case(row, "subsidy workplace=2**40", subsidy(workplace=1 << 40), raises(RangeErr, ERANGE))
case(row, "workplace(2**40)", lambda p: p.workplace(1 << 40), raises(RangeErr, ERANGE))
case(row, "batch workplace -1 at record 0",
     batch("attraction_subsidy", workplace=lambda np: np.array([-1, 80, 80])),
     raises(Invalid, EINVAL, index=0, column="workplace"))

# ------------------------------------------------ workplace-not-in-province
row = "workplace-not-in-province"
for v in (81, 0, 999, "081", "000"):
    case(row, "subsidy workplace=%r" % (v,), subsidy(workplace=v),
         answer(reason="outside_province", eligible=False, amount=0))
case(row, "workplace(81)", lambda p: p.workplace(81), raises(NotFound, ENOTFOUND, "081"))
case(row, "workplace('081')", lambda p: p.workplace("081"), raises(NotFound, ENOTFOUND))

# -------------------------------------------------------- date-out-of-range
row = "date-out-of-range"
for text in ("10000-01-01", "0000-12-31", "-001-01-01"):
    each_rule(row, "date %s" % text, raises(DateErr, EDATE),
              dict(start=text), dict(on=text), dict(start=text))
    case(row, "get on %s" % text, lambda p, t=text: p.get("expert.cap.level1", t),
         raises(DateErr, EDATE))
    case(row, "set since %s" % text, lambda p, t=text: p.set("expert.cap.level1", 1, t),
         raises(DateErr, EDATE))
for text in ("0000-12-31", "10000-01-01", "2023-02-29"):
    case(row, "capi subsidy start %s" % text,
         lambda p, t=text: raw(p._p, "attraction_subsidy", 2, 1, 2, True, 82, t),
         raises(DateErr, EDATE))
for day in (DATE_MIN - 1, DATE_MAX + 1, INT32_MIN, INT32_MAX):
    case(row, "capi set day %d" % day,
         lambda p, d=day: capi.nl_policy_set(capi.nl_policy_clone(p._p), "expert.cap.level1", d, 1),
         raises(DateErr, EDATE))
for d in (datetime.date.min, datetime.date.max, "0001-01-01", "9999-12-31"):
    case(row, "first/last day %r is a date" % (d,), subsidy(start=d),
         answer(reason="not_in_force", amount=0))
case(row, "batch start day past 9999 at record 1",
     batch("attraction_subsidy", start=lambda np: np.array([D2024, DATE_MAX + 1, D2024], np.int32)),
     raises(DateErr, EDATE, index=1, column="start"))

# ---------------------------------------------------------- impossible-date
row = "impossible-date"
for text in ("2023-02-29", "2023-1-01", " 2023-01-01", "2023-01-01 ", "2023-13-01",
             "2024-02-30", "2023/01/01", "", "2023-01-01T00:00", "２０２３-01-01"):
    each_rule(row, "date %r" % text, raises(DateErr, EDATE),
              dict(start=text), dict(on=text), dict(start=text))
case(row, "get on 2023-02-29", lambda p: p.get("expert.cap.level1", "2023-02-29"),
     raises(DateErr, EDATE))
case(row, "get_value on 2023-02-29", lambda p: p.get_value("expert.cap.level1", "2023-02-29"),
     raises(DateErr, EDATE))
case(row, "set since 2023-02-29", lambda p: p.set("expert.cap.level1", 1, "2023-02-29"),
     raises(DateErr, EDATE))
case(row, "end since 2023-02-29", lambda p: p.end("expert.cap.level1", "2023-02-29"),
     raises(DateErr, EDATE))
case(row, "capi date_ymd(2023, 13, 1)", lambda p: capi.nl_date_ymd(2023, 13, 1),
     raises(DateErr, EDATE))
case(row, "capi date_parse('2023-02-29')", lambda p: capi.nl_date_parse("2023-02-29"),
     raises(DateErr, EDATE))
case(row, "batch start text at record 2",
     batch("training_support", start=["2023-03-01", "2023-03-02", "2023-02-29"]),
     raises(DateErr, EDATE, index=2, column="start"))

# ------------------------------------------------------------- not-in-force
row = "not-in-force"
case(row, "expert on 2015-02-28", expert(on="2015-02-28"), answer(reason="not_in_force", level=0))
case(row, "subsidy after the period", subsidy(start="2026-02-01"),
     answer(reason="not_in_force", amount=0))
case(row, "training before the period", training(start="2020-12-31"),
     answer(reason="not_in_force", total=0))
case(row, "get on 2015-02-28", lambda p: p.get("expert.cap.level1", "2015-02-28"),
     raises(NotInForce, ENOTINFORCE))
case(row, "get_value on 2015-02-28",
     lambda p: p.get_value("expert.cap.level1", datetime.date(2015, 2, 28)),
     raises(NotInForce, ENOTINFORCE))
case(row, "get after end()",
     lambda p: (p.end("attraction.amount.district", "2024-01-01"),
                p.get("attraction.amount.district", "2024-06-01")),
     raises(NotInForce, ENOTINFORCE))
case(row, "capi get on 2015-02-28",
     lambda p: capi.nl_policy_get(p._p, "expert.cap.level1", 16494), raises(NotInForce, ENOTINFORCE))
case(row, "NotInForceError is a LookupError, not a KeyError",
     lambda p: issubclass(NotInForce, LookupError) and not issubclass(NotInForce, KeyError),
     returns(True))

# ------------------------------------------------------------- sum-overflow
row = "sum-overflow"
for field in ("materials", "meals", "travel"):
    case(row, "tuition INT64_MAX + %s 1" % field,
         training(**{**dict(tuition=INT64_MAX, materials=0, meals=0, travel=0), field: 1}),
         raises(RangeErr, ERANGE))
case(row, "tuition + materials INT64_MAX", training(tuition=INT64_MAX, materials=INT64_MAX),
     raises(RangeErr, ERANGE))
case(row, "INT64_MAX alone is paid in full",
     training(tuition=INT64_MAX, materials=0, meals=0, travel=0),
     answer(reason="ok", total=INT64_MAX, tuition=INT64_MAX))


def _what_if_cap(p):
    w = p.copy()
    w.set("expert.cap.level4", INT64_MAX, "2015-03-01")
    return w.expert_salary_cap(degree="master", experience_years=0, on="2024-01-01")


case(row, "what-if cap INT64_MAX (weekly overflows)", _what_if_cap, raises(RangeErr, ERANGE))
case(row, "batch at record 1",
     batch("training_support", tuition=lambda np: np.array([0, INT64_MAX, 0], np.int64)),
     raises(RangeErr, ERANGE, index=1))

# -------------------------------------------------------------- unknown-key
row = "unknown-key"
for key in ("expert.cap.level5", "", "EXPERT.CAP.LEVEL1", "expert.cap.level1 ", "a" * 4096,
            "../../etc/passwd", "expert.cap.level1\n"):
    label = repr(key) if len(key) < 40 else "4 KiB of a"
    case(row, "get %s" % label, lambda p, k=key: p.get(k, "2024-01-01"), raises(NotFound, ENOTFOUND))
    case(row, "get_value %s" % label, lambda p, k=key: p.get_value(k, "2024-01-01"),
         raises(NotFound, ENOTFOUND))
    case(row, "set %s" % label, lambda p, k=key: p.set(k, 1, "2024-01-01"),
         raises(NotFound, ENOTFOUND))
    case(row, "end %s" % label, lambda p, k=key: p.end(k, "2024-01-01"),
         raises(NotFound, ENOTFOUND))
    case(row, "parameter %s" % label, lambda p, k=key: p.parameter(k), raises(NotFound, ENOTFOUND))
    case(row, "%s in policy" % label, lambda p, k=key: k in p, returns(False))
case(row, "NotFoundError is a KeyError", lambda p: issubclass(NotFound, KeyError), returns(True))

# ------------------------------------------------------- index-out-of-range
row = "index-out-of-range"
case(row, "capi param_info(count)",
     lambda p: capi.nl_policy_param_info(p._p, capi.nl_policy_param_count(p._p)),
     raises(NotFound, ENOTFOUND))
case(row, "capi param_info(SIZE_MAX)", lambda p: capi.nl_policy_param_info(p._p, (1 << 64) - 1),
     raises(NotFound, ENOTFOUND))
case(row, "capi param_value(0, value_count)",
     lambda p: capi.nl_policy_param_value(p._p, 0, capi.nl_policy_param_info(p._p, 0).value_count),
     raises(NotFound, ENOTFOUND))
case(row, "capi workplace_at(count)",
     lambda p: capi.nl_policy_workplace_at(p._p, capi.nl_policy_workplace_count(p._p)),
     raises(NotFound, ENOTFOUND))
case(row, "the package lists, it takes no index",
     lambda p: len(p.parameters()) == capi.nl_policy_param_count(p._p)
     and len(p.workplaces()) == capi.nl_policy_workplace_count(p._p), returns(True))

# --------------------------------------------------------- whatif-bad-value
row = "whatif-bad-value"
for key, value in (("expert.cap.level1", -1), ("expert.cap.level1", INT64_MIN),
                   ("expert.daily.days_per_month", 0),
                   ("expert.weekly.weeks_per_year", 1000001), ("expert.min_degree", 5),
                   ("attraction.period", 2), ("expert.years.master.level1", 201),
                   ("training.tuition.share_bp", INT64_MAX)):
    case(row, "set %s=%d" % (key, value), lambda p, k=key, v=value: p.set(k, v, "2024-01-01"),
         raises(Invalid, EINVAL, key))
case(row, "policy unchanged after a refused set",
     lambda p: (pytest.raises(Invalid, p.set, "expert.cap.level1", -1, "2024-01-01"),
                p.get("expert.cap.level1", "2024-06-01"),
                p.parameter("expert.cap.level1").values[-1].status)[1:],
     returns((40_000_000, "confirmed")))

# ------------------------------------------------ bad-argument-and-bad-date
row = "bad-argument-and-bad-date"
for bad_date in ("2023-02-30", "10000-01-01"):
    each_rule(row, "degree=-1 and %s" % bad_date, raises(Invalid, EINVAL),
              dict(degree=-1, start=bad_date), dict(degree=-1, on=bad_date))
    each_rule(row, "unknown name and %s" % bad_date, raises(Invalid, EINVAL),
              dict(major="physics", start=bad_date), dict(role="boss", on=bad_date))
    each_rule(row, "workplace=100000 and %s" % bad_date, raises(Invalid, EINVAL),
              dict(workplace=100000, start=bad_date))
    each_rule(row, "experience NaN and %s" % bad_date, raises(Invalid, EINVAL),
              None, dict(experience_years=math.nan, on=bad_date))
    each_rule(row, "tuition=-1 and %s" % bad_date, raises(Invalid, EINVAL),
              None, None, dict(tuition=-1, start=bad_date))
    each_rule(row, "days=0 and %s" % bad_date, raises(Invalid, EINVAL),
              None, None, dict(days=0, start=bad_date))
case(row, "capi degree=-1 and start 10000-01-01",
     lambda p: raw(p._p, "attraction_subsidy", -1, 1, 2, True, 82, "10000-01-01"),
     raises(Invalid, EINVAL))

# ---------------------------------------------------- date-buffer-too-small
row = "date-buffer-too-small"
case(row, "nl_date_format is not exposed", lambda p: hasattr(capi, "nl_date_format"),
     returns(False))
case(row, "nl_date_split is not exposed", lambda p: hasattr(capi, "nl_date_split"),
     returns(False))
case(row, "dates come back as datetime.date",
     lambda p: type(p.get_value("expert.cap.level1", "2024-01-01").since), returns(datetime.date))

# -------------------------------------------------------- code-outside-enum
row = "code-outside-enum"
for code in (-1, capi.NL_STATUS_COUNT, INT_MAX, INT_MIN):
    case(row, "capi strerror(%d)" % code, lambda p, c=code: capi.nl_strerror(c),
         returns("unknown status"))
    case(row, "capi status_name(%d)" % code, lambda p, c=code: capi.nl_status_name(c),
         returns("NL_UNKNOWN"))
for code in (-1, capi.NL_REASON_COUNT, INT_MAX):
    case(row, "capi reason_name(%d)" % code, lambda p, c=code: capi.nl_reason_name(c),
         returns(None))
    case(row, "capi reason_message(%d)" % code, lambda p, c=code: capi.nl_reason_message(c, "vi"),
         returns(None))
    case(row, "Reason.from_code(%d)" % code, lambda p, c=code: nhanluc.Reason.from_code(c),
         raises(Invalid, EINVAL))
case(row, "capi certainty_name(4)", lambda p: capi.nl_certainty_name(4), returns(None))
case(row, "Certainty.from_code(4)", lambda p: nhanluc.Certainty.from_code(4),
     raises(Invalid, EINVAL))
for lang in ("fr", "", "vi-VN", "VI"):
    case(row, "capi reason_message(0, %r)" % lang, lambda p, l=lang: capi.nl_reason_message(0, l),
         returns(None))
    case(row, "message(%r)" % lang, lambda p, l=lang: subsidy()(p).message(l),
         raises(Invalid, EINVAL, "lang"))
case(row, "an unknown status code is kept as an int",
     lambda p: nhanluc._errors.error_for(99, "x").code, returns(99))

# ------------------------------------------------------- malformed-document
row = "malformed-document"
DOCUMENTS = SOURCE_DIR / "tests" / "hardening" / "documents"


def _doc(name):
    return (DOCUMENTS / name).read_bytes()


case(row, "parse '{'", lambda p: nhanluc.Policy.parse("{"),
     raises(nhanluc.ParseError, EPARSE, line=1, column=1, key=""))
case(row, "parse a value of the wrong type",
     lambda p: nhanluc.Policy.parse(
         (SOURCE_DIR / "data" / "laocai.json").read_text(encoding="utf-8")
         .replace('"value": 40000000', '"value": "40000000"', 1)),
     raises(nhanluc.ParseError, EPARSE, match="/parameters/expert.cap.level1/values/0/value"))
case(row, "parse an empty document", lambda p: nhanluc.Policy.parse(b""),
     raises(nhanluc.ParseError, EPARSE))
for name in sorted(os.listdir(DOCUMENTS)) if DOCUMENTS.is_dir() else []:
    case(row, "parse documents/%s" % name, lambda p, n=name: nhanluc.Policy.parse(_doc(n)),
         raises(nhanluc.ParseError, EPARSE))
    case(row, "load documents/%s" % name, lambda p, n=name: nhanluc.Policy.load(DOCUMENTS / n),
         raises(nhanluc.ParseError, EPARSE))

# ------------------------------------------------------- document-too-large
row = "document-too-large"
case(row, "parse 16 MiB + 1 bytes",
     lambda p: nhanluc.Policy.parse(b" " * (capi.NL_POLICY_MAX_BYTES + 1)),
     raises(nhanluc.ParseError, EPARSE, "16 MiB"))
case(row, "parse 16 MiB + 1 characters of str",
     lambda p: nhanluc.Policy.parse(" " * (capi.NL_POLICY_MAX_BYTES + 1)),
     raises(nhanluc.ParseError, EPARSE))


def _load_big_file(p):
    import tempfile
    with tempfile.TemporaryDirectory() as d:
        path = pathlib.Path(d) / "big.json"
        with open(path, "wb") as f:
            f.truncate(100 * MIB)   # sparse
        return nhanluc.Policy.load(path)


case(row, "load a 100 MB file", _load_big_file, raises(nhanluc.ParseError, EPARSE))

# ---------------------------------------------------------- unreadable-path
row = "unreadable-path"
case(row, "load a nonexistent path", lambda p: nhanluc.Policy.load("/nonexistent/policy.json"),
     raises(nhanluc.FileError, EIO))
case(row, "load a directory", lambda p: nhanluc.Policy.load(SOURCE_DIR),
     raises(nhanluc.FileError, EIO))
case(row, "load a nonexistent bytes path", lambda p: nhanluc.Policy.load(b"/nonexistent/x"),
     raises(nhanluc.FileError, EIO))
# Not regular files: refused before a byte is read (/dev/zero used to be
# read to 16 MiB and be a ParseError; a named pipe blocked forever).
case(row, "load /dev/zero", lambda p: nhanluc.Policy.load("/dev/zero"),
     raises(nhanluc.FileError, EIO, match="it is a device, not a regular file"))


def _load_fifo(p):
    import tempfile
    with tempfile.TemporaryDirectory() as d:
        path = pathlib.Path(d) / "policy.json"
        os.mkfifo(path)   # no writer: opening it to read would wait forever
        return nhanluc.Policy.load(path)


case(row, "load a named pipe", _load_fifo,
     raises(nhanluc.FileError, EIO, match="it is a named pipe (FIFO), not a regular file"))
case(row, "FileError is an OSError", lambda p: issubclass(nhanluc.FileError, OSError),
     returns(True))

# --------------------------------------------------------------- wrong-type
row = "wrong-type"
for field, value in (("degree", 2.0), ("degree", b"bachelor"), ("degree", nhanluc.Major.IT),
                     ("degree", [2]), ("major", nhanluc.Degree.BACHELOR), ("agency", 2.0),
                     ("dedicated_post", 1), ("dedicated_post", "true"), ("workplace", 88.0),
                     ("workplace", b"088"), ("start", 20240501),
                     ("start", datetime.datetime(2024, 5, 1, 12)), ("start", b"2024-05-01")):
    case(row, "subsidy %s=%r" % (field, value), subsidy(**{field: value}),
         raises(TypeErr, EINVAL, field))
for field, value in (("experience_years", "6"), ("experience_years", 1j),
                     ("experience_years", [6]), ("role", 1.0), ("special_expertise", 0),
                     ("on", 19844)):
    case(row, "expert %s=%r" % (field, value), expert(**{field: value}),
         raises(TypeErr, EINVAL, field))
for field, value in (("tuition", 5.0), ("tuition", "5000000"), ("materials", 1e6),
                     ("meals", b"1"), ("travel", [1]), ("days", 5.0), ("days", "5"),
                     ("dedicated_official", 1), ("short_concentrated", "yes")):
    case(row, "training %s=%r" % (field, value), training(**{field: value}),
         raises(TypeErr, EINVAL, field))
case(row, "get key bytes", lambda p: p.get(b"expert.cap.level1", "2024-01-01"),
     raises(TypeErr, EINVAL))
case(row, "set value 1.5", lambda p: p.set("expert.cap.level1", 1.5, "2024-01-01"),
     raises(TypeErr, EINVAL))
case(row, "parse a dict", lambda p: nhanluc.Policy.parse({}), raises(TypeErr, EINVAL))
case(row, "load an int", lambda p: nhanluc.Policy.load(5), raises(TypeErr, EINVAL))
case(row, "ArgumentTypeError is a TypeError", lambda p: issubclass(TypeErr, TypeError),
     returns(True))
case(row, "positional rule arguments", lambda p: p.attraction_subsidy(*SUBSIDY.values()),
     raises(TypeError))

# ------------------------------------------------------------- none-or-null
row = "none-or-null"
for field in SUBSIDY:
    case(row, "subsidy %s=None" % field, subsidy(**{field: None}), raises(TypeErr, EINVAL, field))
for field in ("degree", "experience_years", "on", "role", "special_expertise"):
    case(row, "expert %s=None" % field, expert(**{field: None}), raises(TypeErr, EINVAL, field))
for field in ("dedicated_official", "short_concentrated", "tuition", "materials", "meals",
              "travel", "days", "start"):
    case(row, "training %s=None" % field, training(**{field: None}),
         raises(TypeErr, EINVAL, field))
case(row, "get(None, ...)", lambda p: p.get(None, "2024-01-01"), raises(TypeErr, EINVAL))
case(row, "get(key, None)", lambda p: p.get("expert.cap.level1", None), raises(TypeErr, EINVAL))
case(row, "set value None", lambda p: p.set("expert.cap.level1", None, "2024-01-01"),
     raises(TypeErr, EINVAL))
case(row, "end(None, ...)", lambda p: p.end(None, "2024-01-01"), raises(TypeErr, EINVAL))
case(row, "parameter(None)", lambda p: p.parameter(None), raises(TypeErr, EINVAL))
case(row, "workplace(None)", lambda p: p.workplace(None), raises(TypeErr, EINVAL))
case(row, "parse(None)", lambda p: nhanluc.Policy.parse(None), raises(TypeErr, EINVAL))
case(row, "load(None)", lambda p: nhanluc.Policy.load(None), raises(TypeErr, EINVAL))
case(row, "message(None)", lambda p: subsidy()(p).message(None), raises(TypeErr, EINVAL))
case(row, "None in policy", lambda p: None in p, returns(False))
case(row, "batch None in a column is missing at its record",
     batch("attraction_subsidy", degree=["bachelor", None, "bachelor"]),
     raises(Invalid, EINVAL, index=1, column="degree"))
case(row, "batch None date is missing at its record",
     batch("attraction_subsidy", start=["2023-05-01", "2023-05-01", None]),
     raises(DateErr, EDATE, index=2, column="start"))
case(row, "batch policy None", lambda p: nb().attraction_subsidy(None, **records(SUBSIDY)),
     raises(TypeErr, EINVAL))

# ------------------------------------------------------------ bool-as-money
row = "bool-as-money"
for field in ("tuition", "materials", "meals", "travel", "days"):
    for v in (True, False):
        case(row, "training %s=%r" % (field, v), training(**{field: v}),
             raises(TypeErr, EINVAL, field))
case(row, "experience_years=True", expert(experience_years=True),
     raises(TypeErr, EINVAL, "experience_years"))
case(row, "degree=True", subsidy(degree=True), raises(TypeErr, EINVAL, "degree"))
case(row, "workplace=True", subsidy(workplace=True), raises(TypeErr, EINVAL, "workplace"))
case(row, "set value True", lambda p: p.set("attraction.period", True, "2024-01-01"),
     raises(TypeErr, EINVAL))
case(row, "tuition=numpy.bool_",
     lambda p: training(tuition=pytest.importorskip("numpy").bool_(True))(p),
     raises(TypeErr, EINVAL, "tuition"))
case(row, "batch bool money column",
     batch("training_support", tuition=lambda np: np.ones(3, bool)),
     raises(TypeErr, EINVAL))

# --------------------------------------------------------- int-beyond-int64
row = "int-beyond-int64"
for field in ("tuition", "materials", "meals", "travel"):
    for v in (INT64_MAX + 1, INT64_MIN - 1, 1 << 100):
        case(row, "training %s=%d" % (field, v), training(**{field: v}),
             raises(RangeErr, ERANGE, field))
for v in (INT32_MAX + 1, INT32_MIN - 1, 1 << 40):
    case(row, "training days=%d" % v, training(days=v), raises(RangeErr, ERANGE, "days"))
    case(row, "subsidy workplace=%d" % v, subsidy(workplace=v), raises(RangeErr, ERANGE))
    case(row, "subsidy degree=%d" % v, subsidy(degree=v), raises(Invalid, EINVAL, "degree"))
case(row, "set value 2**63", lambda p: p.set("expert.cap.level1", INT64_MAX + 1, "2024-01-01"),
     raises(RangeErr, ERANGE))
case(row, "experience_years=10**400", expert(experience_years=10 ** 400),
     raises(RangeErr, ERANGE, "experience_years"))
case(row, "RangeError is an OverflowError", lambda p: issubclass(RangeErr, OverflowError),
     returns(True))
case(row, "batch money past int64 at record 1",
     batch("training_support", tuition=[0, 1 << 70, 0]),
     raises(RangeErr, ERANGE, index=1, column="tuition"))
case(row, "batch uint64 money past int64 at record 2",
     batch("training_support", tuition=lambda np: np.array([0, 1, 2 ** 64 - 1], np.uint64)),
     raises(RangeErr, ERANGE, index=2, column="tuition"))
case(row, "batch threads 2**40",
     lambda p: nb().attraction_subsidy(p, threads=1 << 40, **records(SUBSIDY)),
     raises(RangeErr, ERANGE))

# ------------------------------------------------------------ nul-in-string
row = "nul-in-string"
case(row, "get key", lambda p: p.get("expert.cap.level1\0", "2024-01-01"),
     raises(NotFound, ENOTFOUND))
case(row, "set key", lambda p: p.set("expert.cap.level1\0", 1, "2024-01-01"),
     raises(NotFound, ENOTFOUND))
case(row, "key in policy", lambda p: "expert.cap.level1\0" in p, returns(False))
case(row, "date", subsidy(start="2023-05-01\0"), raises(DateErr, EDATE))
case(row, "date get", lambda p: p.get("expert.cap.level1", "2024-01-01\0x"),
     raises(DateErr, EDATE))
case(row, "enum name", subsidy(degree="bachelor\0"), raises(Invalid, EINVAL, "degree"))
case(row, "workplace text", subsidy(workplace="082\0"), raises(Invalid, EINVAL))
case(row, "path", lambda p: nhanluc.Policy.load(str(SOURCE_DIR / "data" / "laocai.json") + "\0x"),
     raises(Invalid, EINVAL))
case(row, "language", lambda p: subsidy()(p).message("vi\0"), raises(Invalid, EINVAL))
case(row, "policy text", lambda p: nhanluc.Policy.parse('{"name": "a\0b"}'),
     raises(nhanluc.ParseError, EPARSE, line=1, column=12))
case(row, "batch enum name keeps the NUL",
     batch("attraction_subsidy", degree=["bachelor", "bachelor\0", "bachelor"]),
     raises(Invalid, EINVAL, index=1, column="degree"))
case(row, "batch date keeps the NUL",
     batch("attraction_subsidy", start=["2023-05-01", "2023-05-01", "2023-05-01\0"]),
     raises(DateErr, EDATE, index=2, column="start"))

# ------------------------------------------------------------ non-utf8-text
row = "non-utf8-text"
case(row, "get key with a lone surrogate", lambda p: p.get("expert\udc80", "2024-01-01"),
     raises(NotFound, ENOTFOUND))
case(row, "end key with a lone surrogate", lambda p: p.end("expert\udc80", "2024-01-01"),
     raises(NotFound, ENOTFOUND))
case(row, "date with a lone surrogate", subsidy(start="2023-05-0\udc80"), raises(DateErr, EDATE))
case(row, "get on a date with a lone surrogate",
     lambda p: p.get("expert.cap.level1", "2024-01-0\udc80"), raises(DateErr, EDATE))
case(row, "enum name with a lone surrogate", subsidy(major="i\udc80"),
     raises(Invalid, EINVAL, "major"))
case(row, "workplace text with a lone surrogate", subsidy(workplace="08\udc80"),
     raises(Invalid, EINVAL))
case(row, "language with a lone surrogate", lambda p: subsidy()(p).message("v\udc80"),
     raises(Invalid, EINVAL))
case(row, "policy text bytes", lambda p: nhanluc.Policy.parse(b'{"name": "\xff"}'),
     raises(nhanluc.ParseError, EPARSE, line=1, column=10))
case(row, "policy text overlong UTF-8", lambda p: nhanluc.Policy.parse(b'{"name": "\xc0\xaf"}'),
     raises(nhanluc.ParseError, EPARSE))
case(row, "policy text str with a lone surrogate",
     lambda p: nhanluc.Policy.parse('{"name": "\udc80"}'), raises(nhanluc.ParseError, EPARSE))
case(row, "path bytes not UTF-8", lambda p: nhanluc.Policy.load(b"/nonexistent/\xff\xfe.json"),
     raises(nhanluc.FileError, EIO))
case(row, "path str with a lone surrogate",
     lambda p: nhanluc.Policy.load("/nonexistent/\udcff.json"), raises(nhanluc.FileError, EIO))
case(row, "batch date with a lone surrogate at record 1",
     batch("attraction_subsidy", start=["2023-05-01", "2023-05-0\udc80", "x"]),
     raises(DateErr, EDATE, index=1, column="start"))

# -------------------------------------------------------------- huge-string
row = "huge-string"
case(row, "get key 1 MiB", lambda p: p.get("a" * MIB, "2024-01-01"), raises(NotFound, ENOTFOUND))
case(row, "set key 1 MiB", lambda p: p.set("é" * MIB, 1, "2024-01-01"),
     raises(NotFound, ENOTFOUND))
case(row, "date 1 MiB", subsidy(start="2" * MIB), raises(DateErr, EDATE))
case(row, "enum name 1 MiB", subsidy(degree="b" * MIB), raises(Invalid, EINVAL, "degree"))
case(row, "workplace 1 MiB of letters", subsidy(workplace="x" * MIB), raises(Invalid, EINVAL))
case(row, "workplace 5,000 digits", subsidy(workplace="9" * 5000), raises(RangeErr, ERANGE))
case(row, "workplace() 5,000 digits", lambda p: p.workplace("9" * 5000), raises(RangeErr, ERANGE))
case(row, "workplace 5,000 zeros then 82 is 82", subsidy(workplace="0" * 5000 + "82"),
     answer(reason="ok", amount=150_000_000))
case(row, "language 1 MiB", lambda p: subsidy()(p).message("v" * MIB), raises(Invalid, EINVAL))
case(row, "document 16 MiB + 1", lambda p: nhanluc.Policy.parse(b"[" * (16 * MIB + 1)),
     raises(nhanluc.ParseError, EPARSE))
case(row, "batch workplace 5,000 digits at record 2",
     batch("attraction_subsidy", workplace=["082", "082", "9" * 5000]),
     raises(RangeErr, ERANGE, index=2, column="workplace"))

# -------------------------------------------------------- unknown-enum-name
row = "unknown-enum-name"
for field, name in (("degree", "phd"), ("degree", ""), ("degree", "bachelors"),
                    ("major", "computer science"), ("agency", "ministry"),
                    ("degree", "bach elor"), ("degree", "2")):
    case(row, "subsidy %s=%r" % (field, name), subsidy(**{field: name}),
         raises(Invalid, EINVAL, field))
case(row, "expert role='boss'", expert(role="boss"), raises(Invalid, EINVAL, "role"))
for name in ("BACHELOR", " Bachelor ", "bachelor"):
    case(row, "subsidy degree=%r is bachelor" % name, subsidy(degree=name), answer(reason="ok"))
case(row, "expert role='team-leader' is team_leader", expert(role="team-leader", experience_years=0),
     answer(reason="ok", level=1))
case(row, "batch unknown name at record 1",
     batch("attraction_subsidy", agency=["state", "ministry", "state"]),
     raises(Invalid, EINVAL, index=1, column="agency"))

# --------------------------------------------------- unknown-workplace-text
row = "unknown-workplace-text"
for text in ("08a", "", "  ", "0x58", "٨٨", "８８", "+88", "-1", "8 8", "88.0"):
    case(row, "subsidy workplace=%r" % text, subsidy(workplace=text), raises(Invalid, EINVAL))
    case(row, "workplace(%r)" % text, lambda p, t=text: p.workplace(t), raises(Invalid, EINVAL))
# Text that begins with a letter is a unit's name (nl_policy_workplace_find):
# a name no unit has is a NotFoundError naming the field.
for text in ("Paris", "Hà Nội", "Sa Pa Town"):
    case(row, "subsidy workplace=%r (no unit's name)" % text, subsidy(workplace=text),
         raises(nhanluc.NotFoundError, ENOTFOUND))
case(row, "workplace('Sa Pa') (a code lookup: names go to find_workplace)",
     lambda p: p.workplace("Sa Pa"), raises(Invalid, EINVAL))
for text in (" 088 ", "0088", "88"):
    case(row, "workplace(%r) is 088" % text, lambda p, t=text: p.workplace(t).gso_code,
         returns("088"))
case(row, "batch text at record 0",
     batch("attraction_subsidy", workplace=["08a", "082", "082"]),
     raises(Invalid, EINVAL, index=0, column="workplace"))
case(row, "batch name no unit has at record 1",
     batch("attraction_subsidy", workplace=["082", "Paris", "082"]),
     raises(nhanluc.NotFoundError, ENOTFOUND, index=1, column="workplace"))

# -------------------------------------------------------- batch-wrong-dtype
row = "batch-wrong-dtype"
case(row, "float money column", batch("training_support", tuition=lambda np: np.full(3, 1.0)),
     raises(TypeErr, EINVAL, column="tuition"))
case(row, "float money with NaN at record 1",
     batch("training_support", tuition=lambda np: np.array([1.0, np.nan, 2.0])),
     raises(TypeErr, EINVAL, index=1, column="tuition"))
case(row, "complex money column", batch("training_support", tuition=lambda np: np.ones(3, complex)),
     raises(TypeErr, EINVAL))
case(row, "complex experience column",
     batch("expert_salary_cap", experience_years=lambda np: np.ones(3, complex)),
     raises(TypeErr, EINVAL))
case(row, "dates as floats", batch("attraction_subsidy", start=lambda np: np.full(3, 19844.0)),
     raises(TypeErr, EINVAL))
case(row, "datetime64 money column",
     batch("training_support", tuition=lambda np: np.full(3, np.datetime64("2024-01-01"))),
     raises(TypeErr, EINVAL))
case(row, "timedelta64 days column",
     batch("training_support", days=lambda np: np.full(3, np.timedelta64(5, "D"))),
     raises(TypeErr, EINVAL))
case(row, "two-dimensional column",
     batch("training_support", tuition=lambda np: np.ones((3, 1), np.int64)),
     raises(TypeErr, EINVAL))
case(row, "text that is no number at record 2",
     batch("training_support", meals=["1", "2", "3 đồng"]),
     raises(Invalid, EINVAL, index=2, column="meals"))
case(row, "uint8 enum column past the enum at record 0",
     batch("attraction_subsidy", major=lambda np: np.array([3, 1, 1], np.uint8)),
     raises(Invalid, EINVAL, index=0, column="major"))
case(row, "flag 2 at record 1",
     batch("attraction_subsidy", dedicated_post=lambda np: np.array([1, 2, 1], np.uint8)),
     raises(Invalid, EINVAL, index=1, column="dedicated_post"))
case(row, "data is text, not a table",
     lambda p: nb().attraction_subsidy(p, "degree"),
     raises(TypeErr, EINVAL))
case(row, "capi buffer of a type the library does not read (float32)",
     lambda p: capi.nl_py_plan_run(capi.nl_py_plan(p._p, 0),
                                   {"degree": memoryview(b"\x00\x00\x00\x40").cast("f")},
                                   {"amount": bytearray(8)}, 1),
     raises(TypeError))
case(row, "capi money output of int32",
     lambda p: capi.nl_py_plan_run(capi.nl_py_plan(p._p, 0), {"degree": b"\x02"},
                                   {"amount": memoryview(bytearray(4)).cast("i")}, 1),
     raises(Invalid, EINVAL))

# ------------------------------------------------------- batch-wrong-length
row = "batch-wrong-length"
case(row, "3 and 2 records",
     batch("attraction_subsidy", workplace=[82, 82]), raises(Invalid, EINVAL, "workplace"))
case(row, "3 and 4 records",
     batch("training_support", days=lambda np: np.ones(4, np.int32)), raises(Invalid, EINVAL, "days"))
case(row, "an empty column among full ones",
     batch("expert_salary_cap", on=[]), raises(Invalid, EINVAL, "on"))
case(row, "capi columns of different lengths",
     lambda p: capi.nl_py_plan_run(capi.nl_py_plan(p._p, 0), {"degree": b"\x02\x02",
                                                              "major": b"\x01"},
                                   {"reason": bytearray(2)}, 1),
     raises(ValueError))


# ---------------------------------------- rows of issue 10 (tables and tools)
# The command line (python3 -m nhanluc.cli), the scenario layer and threads.
# These rows are added to docs/hardening.md and the README by their owner;
# until a row is in the table its cases are not made (the check below that
# the table and the cases list the same rows then holds either way, and
# requires these cases from the moment the row is there).

PEOPLE_CSV = ("name,degree,major,agency,dedicated_post,workplace,start\n"
              "Lan,bachelor,it,state,true,088,2024-05-01\n"
              "Tú,bachelor,it,state,true,082,2024-05-01\n")
HEADER_CSV = PEOPLE_CSV.split("\n", 1)[0]


class exits:
    """A command-line run: its exit status, one line on stderr holding
    *match* (no traceback), and *check(dir)* of what it left behind."""

    def __init__(self, status, match=None, check=None):
        self.status, self.match, self.check_dir = status, match, check

    def check(self, call, p):
        status, err, where = call(p)
        assert status == self.status, (status, err)
        if self.match is not None:
            assert self.match in err and err.count("\n") == 1, err
            assert "Traceback" not in err
        if self.check_dir is not None:
            assert self.check_dir(where), sorted(os.listdir(where))


def cli(*args, files=None, prepare=None):
    """A call of nhanluc.cli.main(args) in a fresh directory holding *files*
    ({name: bytes or str}); "{d}" in an argument is that directory. Returns
    (exit status, stderr, directory); the directory is kept for the check
    and removed at exit."""
    def call(p):
        pytest.importorskip("numpy")
        import io
        import tempfile
        from nhanluc import cli as _cli
        d = tempfile.mkdtemp(prefix="nl-matrix-")
        _DIRS.append(d)
        for name, data in (files or {}).items():
            with open(os.path.join(d, name), "wb") as f:
                f.write(data.encode("utf-8") if isinstance(data, str) else data)
        if prepare is not None:
            prepare(d)
        out, err = io.StringIO(), io.StringIO()
        argv = [a.replace("{d}", d) for a in args]
        try:
            status = _cli.main(argv, stdout=out, stderr=err)
        except SystemExit as e:   # usage errors: argparse's exit status 2
            status = e.code
        return status, err.getvalue(), d
    return call


_DIRS = []


def _remove_dirs():
    import shutil
    for d in _DIRS:
        shutil.rmtree(d, ignore_errors=True)


import atexit  # noqa: E402
atexit.register(_remove_dirs)

_TABLE = set(re.findall(r"^\| `([a-z0-9-]+)` \|",
                        (SOURCE_DIR / "docs" / "hardening.md").read_text(encoding="utf-8"),
                        flags=re.M))


def new_row(name):
    """*name* if docs/hardening.md lists the row yet, else None (no cases)."""
    return name if name in _TABLE else None


def listing(d):
    return sorted(os.listdir(d))


def _mknull(d):
    path = os.path.join(d, "null")
    if os.geteuid() == 0:
        os.mknod(path, 0o666 | stat.S_IFCHR, os.makedev(1, 3))
    else:
        os.symlink("/dev/null", path)


def _still_a_device(d):
    return stat.S_ISCHR(os.stat(os.path.join(d, "null")).st_mode) and \
        listing(d) == ["null", "people.csv"]


def _read_only(d):
    os.chmod(os.path.join(d, "res.csv"), 0o444)


def _link(d):
    os.symlink(os.path.join(d, "real.csv"), os.path.join(d, "link.csv"))


def _link_kept(d):
    return os.path.islink(os.path.join(d, "link.csv")) and \
        open(os.path.join(d, "real.csv"), encoding="utf-8").read().startswith("name,")


def _fifo(name):
    return lambda d: os.mkfifo(os.path.join(d, name))


def _unchanged(name, data):
    return lambda d: open(os.path.join(d, name), "rb").read() == data.encode("utf-8")


# ------------------------------------------------------- non-regular-output
row = new_row("non-regular-output")
if row:
    case(row, "-o a device: written through, stays a device",
         cli("attraction", "{d}/people.csv", "-o", "{d}/null", "--summary", "{d}/null",
             files={"people.csv": PEOPLE_CSV}, prepare=_mknull),
         exits(0, check=_still_a_device))
    case(row, "-o through a symlink: its target is written",
         cli("attraction", "{d}/people.csv", "-o", "{d}/link.csv",
             files={"people.csv": PEOPLE_CSV, "real.csv": "old\n"}, prepare=_link),
         exits(0, check=_link_kept))
    case(row, "-o a read-only file: refused, left alone",
         cli("attraction", "{d}/people.csv", "-o", "{d}/res.csv",
             files={"people.csv": PEOPLE_CSV, "res.csv": "keep\n"}, prepare=_read_only),
         exits(1, "is read-only", check=_unchanged("res.csv", "keep\n")))
    case(row, "--summary naming the input: refused, input untouched",
         cli("attraction", "{d}/people.csv", "--summary", "{d}/people.csv",
             files={"people.csv": PEOPLE_CSV}),
         exits(1, "an output must not overwrite an input",
               check=_unchanged("people.csv", PEOPLE_CSV)))
    case(row, "a failing --chart: no results file either",
         cli("attraction", "{d}/people.csv", "-o", "{d}/res.csv", "--by", "none",
             "--chart", "{d}/no-such-dir/c.png", files={"people.csv": PEOPLE_CSV}),
         exits(1, "no such directory", check=lambda d: listing(d) == ["people.csv"]))

# -------------------------------------------------------- non-regular-input
row = new_row("non-regular-input")
if row:
    case(row, "/dev/zero as the CSV", cli("attraction", "/dev/zero"),
         exits(1, "the header line is longer than 1 MiB"))
    case(row, "a named pipe as --policy",
         cli("attraction", "{d}/people.csv", "--policy", "{d}/policy.fifo",
             files={"people.csv": PEOPLE_CSV}, prepare=_fifo("policy.fifo")),
         exits(1, "it is a named pipe (FIFO), not a regular file"))
    case(row, "an .xlsx as the CSV",
         cli("attraction", "{d}/people.xlsx", files={"people.xlsx": b"PK\x03\x04" + b"\0" * 40}),
         exits(1, "is an .xlsx or .ods spreadsheet (a zip archive), not a CSV file"))
    case(row, "a named pipe as a policy file, API",
         lambda p: _load_fifo(p), raises(nhanluc.FileError, EIO, match="named pipe"))

# -------------------------------------------------------- duplicated-header
row = new_row("duplicated-header")
if row:
    for engine in ("auto", "csv"):
        case(row, "two degree columns, --engine " + engine,
             cli("attraction", "{d}/dup.csv", "-o", "{d}/res.csv", "--engine", engine,
                 files={"dup.csv": HEADER_CSV + ",degree\n"
                        "Lan,bachelor,it,state,true,088,2024-05-01,college\n"}),
             exits(1, "column 'degree' appears twice in the header (columns 2 and 8)",
                   check=lambda d: listing(d) == ["dup.csv"]))

    def _two_degrees(p):
        pd = pytest.importorskip("pandas")
        df = pd.DataFrame([["bachelor", "it", "state", True, 82, "2024-05-01", "college"]],
                          columns=["degree", "major", "agency", "dedicated_post", "workplace",
                                   "start", "degree"])
        return nb().attraction_subsidy(p, df)
    case(row, "batch DataFrame with two degree columns", _two_degrees,
         raises(Invalid, EINVAL, match="the table has 2 columns named 'degree'"))

# --------------------------------------------------------------- ragged-row
row = new_row("ragged-row")
if row:
    for engine in ("auto", "csv"):
        case(row, "a field too many (unquoted comma), --engine " + engine,
             cli("attraction", "{d}/r.csv", "-o", "{d}/res.csv", "--engine", engine,
                 files={"r.csv": PEOPLE_CSV.replace("Lan,", "Nguyễn, Lan,")}),
             exits(1, "r.csv line 2 has 8 fields, the header has 7: a value holding the "
                      "delimiter ',' must be in double quotes",
                   check=lambda d: listing(d) == ["r.csv"]))
        case(row, "a field short, --engine " + engine,
             cli("attraction", "{d}/r.csv", "--engine", engine,
                 files={"r.csv": PEOPLE_CSV.replace(",2024-05-01\nTú", "\nTú")}),
             exits(1, "r.csv line 2 has 6 fields, the header has 7"))

# ------------------------------------------------------------- csv-encoding
row = new_row("csv-encoding")
if row:
    case(row, "cp1258 read as UTF-8",
         cli("attraction", "{d}/w.csv", files={"w.csv": PEOPLE_CSV.encode("cp1258")}),
         exits(1, "w.csv line 3 is not valid utf-8 (byte 0xFA)"))
    case(row, "cp1258 with --encoding cp1258",
         cli("attraction", "{d}/w.csv", "--encoding", "cp1258",
             files={"w.csv": PEOPLE_CSV.encode("cp1258")}), exits(0))
    case(row, "UTF-16 with its byte order mark",
         cli("attraction", "{d}/u.csv", files={"u.csv": PEOPLE_CSV.encode("utf-16")}),
         exits(0))
    case(row, "an unknown --encoding", cli("attraction", "x.csv", "--encoding", "klingon"),
         exits(2))
    case(row, "a NUL inside a value",
         cli("attraction", "{d}/n.csv",
             files={"n.csv": PEOPLE_CSV.replace("bachelor", "bachelor\0phd", 1)}),
         exits(1, "n.csv line 2 holds a NUL character"))

# ------------------------------------------------------ concurrent-mutation
row = new_row("concurrent-mutation")
if row:
    def _set_while_reading(p):
        import threading
        key, before, after = "attraction.amount.district", p.get(
            "attraction.amount.district", "2024-05-01"), 123_000_000
        seen, stop = set(), threading.Event()

        def reader():
            while not stop.is_set():
                seen.add(p.attraction_subsidy(**{**SUBSIDY, "start": "2024-05-01"}).amount)
                seen.add(p.get(key, "2024-05-01"))
        threads = [threading.Thread(target=reader) for _ in range(2)]
        for t in threads:
            t.start()
        try:
            for i in range(200):
                p.set(key, after if i % 2 == 0 else before, "2021-01-01")
        finally:
            stop.set()
            for t in threads:
                t.join()
        return seen <= {before, after} and p.get(key, "2024-05-01") == before
    case(row, "set() while two threads evaluate", _set_while_reading, returns(True))

# ----------------------------------------------------------- total-overflow
row = new_row("total-overflow")
if row:
    def _huge_totals(p):
        pytest.importorskip("pandas")
        import nhanluc.scenario as sc
        big = INT64_MAX
        pop = {k: [v] * 3 for k, v in SUBSIDY.items()}
        c = sc.compare(pop, "attraction.amount.district=%d@2021-01-01" % big, baseline=p)
        return c.totals["cost_reform"]
    case(row, "a what-if district amount of INT64_MAX for 3 people", _huge_totals,
         returns(3 * INT64_MAX))
    case(row, "the CLI's summary of the same",
         cli("attraction", "{d}/people.csv", "--summary", "{d}/s.csv", "--reform",
             "attraction.amount.district=%d@2021-01-01" % INT64_MAX,
             files={"people.csv": HEADER_CSV + "\n" + "Tú,bachelor,it,state,true,082,"
                    "2024-05-01\n" * 3}),
         exits(0, check=lambda d: str(3 * INT64_MAX) in open(os.path.join(d, "s.csv"),
                                                              encoding="utf-8").read()))


# ------------------------------------------------------------------- tests

def _listing(p):
    return [(v.since, v.value, v.ended, v.status) for k in p.parameters() for v in k.values]


@pytest.mark.parametrize("c", CASES, ids=[c.id for c in CASES])
def test_bad_input(c):
    p = nhanluc.Policy.default()
    before = _listing(p)
    c.expect.check(c.call, p)
    if c.row not in ("not-in-force",) and isinstance(c.expect, raises):
        assert _listing(p) == before, "a refused call changed the policy"


def test_case_ids_are_unique():
    ids = [c.id for c in CASES]
    assert len(ids) == len(set(ids)), sorted(i for i in ids if ids.count(i) > 1)


# -------------------------------------------- the table is the single source

def table_rows():
    """{row id: {column: cell}} of docs/hardening.md, "Bad input classes"."""
    text = (SOURCE_DIR / "docs" / "hardening.md").read_text(encoding="utf-8")
    section = text.split("## Bad input classes", 1)[1].split("\n## ", 1)[0]
    lines = [l for l in section.splitlines() if l.startswith("|")]
    header = [h.strip() for h in lines[0].strip("|").split("|")]
    rows = {}
    for line in lines[2:]:
        # Split on | not inside backticks (cells quote code such as `a|b`).
        cells, cell, code = [], "", False
        for ch in line.strip()[1:-1]:
            if ch == "`":
                code = not code
            if ch == "|" and not code:
                cells.append(cell.strip())
                cell = ""
            else:
                cell += ch
        cells.append(cell.strip())
        assert len(cells) == len(header), line
        row = dict(zip(header, cells))
        rid = row["row"].strip("`")
        assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", rid), rid
        assert rid not in rows, "row %s twice" % rid
        rows[rid] = row
    return rows


def test_the_table_and_the_cases_have_the_same_rows():
    rows = table_rows()
    assert len(rows) >= 31
    for rid, row in rows.items():
        for column in ("Python", "PHP"):
            assert row[column], "%s: empty %s cell" % (rid, column)
    assert sorted(set(c.row for c in CASES)) == sorted(rows)


def test_the_php_test_names_every_row():
    # Its data sets are named "$r: example" after `$r = 'row-id';` (the PHP
    # test itself checks its rows against the table too).
    php = (SOURCE_DIR / "tests" / "php" / "BadInputMatrixTest.php").read_text(encoding="utf-8")
    assert sorted(set(re.findall(r"\$r = '([a-z0-9-]+)';", php))) == sorted(table_rows())


def test_the_c_tests_name_every_c_row():
    c = "".join((SOURCE_DIR / "tests" / "hardening" / name).read_text(encoding="utf-8")
                for name in ("test_bad_input.c", "test_bad_policy.c"))
    named = set()
    for m in re.finditer(r"Rows?: ([a-z0-9, -]+)", c):
        named.update(r.strip() for r in m.group(1).split(","))
    for rid, row in table_rows().items():
        if row["C status"].startswith("—"):
            continue   # a binding-only row
        assert rid in named, "no C test says Rows: %s" % rid


def test_the_readme_table_has_the_same_rows():
    # The README's short table (between the bad-input markers) lists the same
    # rows, in the same order, each with its three columns filled.
    text = (SOURCE_DIR / "README.md").read_text(encoding="utf-8")
    table = text.split("<!-- bad-input:begin -->", 1)[1].split("<!-- bad-input:end -->", 1)[0]
    lines = [l for l in table.splitlines() if l.startswith("|")][2:]
    ids = []
    for line in lines:
        cells = [c.strip() for c in line.strip()[1:-1].split(" | ")]
        assert len(cells) == 5 and all(cells), line
        ids.append(cells[0].strip("`"))
    assert ids == list(table_rows())
