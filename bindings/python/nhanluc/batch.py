"""Whole populations at once: the three rules over columns (numpy, pandas).

Each function evaluates every record of a table -- a pandas DataFrame, a
dict of columns, or columns given as keyword arguments -- with the C batch
API (nhanluc/batch.h, docs/batch.md): the answers are exactly those of the
single-record methods of :class:`nhanluc.Policy`, field by field::

    import nhanluc, nhanluc.batch
    p = nhanluc.Policy.default()
    res = nhanluc.batch.attraction_subsidy(p, df)        # df: a DataFrame
    res["amount"].sum(), res["eligible"].sum(), res["reason"].value_counts()

    out = nhanluc.batch.attraction_subsidy(               # numpy columns
        p, degree=deg, major=maj, agency=ag, dedicated_post=post,
        workplace=wp, start=start)
    out["amount"], out["reason"]                          # numpy arrays

Columns (the keyword names of the single-record methods):

========================  ==================================================
attraction_subsidy        degree, major, agency, dedicated_post, workplace,
                          start
expert_salary_cap         degree, experience_years, on; role (default
                          "member")
training_support          dedicated_official, short_concentrated, days,
                          start, tuition; materials, meals, travel (default 0)
========================  ==================================================

What a column may hold (converted vectorised; the C types are those of
batch.h):

- enums (degree, major, agency, role): integer codes, or names as text
  ("bachelor", "IT", "electronics-telecom": as the single-record methods
  accept them), or a pandas Categorical of names;
- flags (dedicated_post, dedicated_official, short_concentrated): bool, the
  integers 0/1, or text true/false, yes/no, 1/0;
- workplace: GSO codes as integers (88) or text ("088");
- dates (start, on): datetime64 (any unit: the calendar day is used; naive
  only, time-zone-aware columns are refused), ISO text "YYYY-MM-DD",
  datetime.date objects, or integers counting days since 1970-01-01 (the
  library's nl_date);
- money (tuition, materials, meals, travel): integer đồng (floats are
  refused, as everywhere in nhanluc: a float column usually means missing
  values);
- days: integers; experience_years: floats or integers;
- text in a number column (a CSV read as text) is parsed: "5000000",
  "12.5" for experience_years; an empty text is a missing value.

A single value (``start="2024-05-01"``) stands for a whole column. Columns
whose dtype already is the C type -- uint8 or bool for enums and flags,
int16 for workplace, int32 for dates and days, int64 for money, float64 for
experience -- and C-contiguous are handed to the library without a copy;
others are converted (one pass, range-checked: a value that does not fit
the C type is an error at its record, never wrapped around).

Results: with a DataFrame input (or ``as_frame=True``) a DataFrame with the
input's index; otherwise a dict of numpy arrays. Columns:

- attraction_subsidy: amount, reason, certainty, eligible;
- expert_salary_cap: level, monthly, weekly, daily, special_monthly,
  reason, certainty, eligible;
- training_support: paid_tuition, paid_materials, paid_meals, paid_travel,
  total, reason, certainty, eligible (``paid_*`` so that the result can be
  joined to its input, whose columns are tuition, materials, ...).

Amounts are int64 đồng. In a DataFrame, reason and certainty are
categoricals whose categories are :data:`REASONS` / :data:`CERTAINTIES` in
code order (``.cat.codes`` gives the C codes); in a dict they are uint8 code
arrays: ``REASONS[code]`` names one. ``eligible`` is ``reason == "ok"``.
``certainty=False`` skips the certainty column.

Errors are all or nothing, as in C: if any record is invalid, the call
raises the typed exception of the first bad record (lowest position) --
:class:`~nhanluc.InvalidArgumentError`, :class:`~nhanluc.DateError`,
:class:`~nhanluc.RangeError`, :class:`~nhanluc.ArgumentTypeError` -- whose
``.index`` is that position (0-based, whatever the DataFrame's index) and
``.column`` the column at fault when known; no result is returned. A
missing column is an InvalidArgumentError naming it (and what it may have
been misspelt as).

Threads: ``threads=0`` (default) uses every core, 1 the calling thread only.
The GIL is released during the library call.

numpy is required by this module (not by ``import nhanluc``); pandas is
used only when a DataFrame is given or asked for.
"""

import datetime as _dt
import difflib as _difflib
import math as _math
import sys as _sys

try:
    import numpy as np
except ImportError as _e:   # pragma: no cover - depends on the machine
    raise ImportError("nhanluc.batch needs numpy (Debian: apt install python3-numpy); "
                      "the rest of nhanluc works without it") from _e

from . import _convert as _c
from . import capi as _capi
from ._enums import Agency, Certainty, Degree, Major, Reason, Role
from ._errors import (ArgumentTypeError, DateError, Error, InvalidArgumentError, RangeError,
                      error_for, shown)
from ._policy import Policy

__all__ = ["attraction_subsidy", "expert_salary_cap", "training_support", "evaluate",
           "REASONS", "CERTAINTIES", "COLUMNS", "KINDS"]

#: Reason names in C code order: ``REASONS[code]`` ("ok", "not_in_force", ...).
REASONS = tuple(str(m) for m in Reason._by_code)
#: Certainty names in C code order ("confirmed", "reported", "unconfirmed", "user").
CERTAINTIES = tuple(str(m) for m in Certainty._by_code)

_EPOCH64 = np.datetime64("1970-01-01", "D")


class _Col:
    """One input column: its name, kind (how it converts), C dtype,
    default (None: required) and enum class."""
    __slots__ = ("name", "kind", "dtype", "default", "enum")

    def __init__(self, name, kind, dtype, default=None, enum=None):
        self.name, self.kind, self.dtype = name, kind, np.dtype(dtype)
        self.default, self.enum = default, enum


class _Kind:
    __slots__ = ("name", "rule", "inputs", "outputs", "cfunc", "cost")

    def __init__(self, name, rule, inputs, outputs, cfunc, cost):
        self.name, self.rule, self.inputs, self.outputs = name, rule, inputs, outputs
        self.cfunc, self.cost = cfunc, cost


_KINDS = {
    "attraction": _Kind(
        "attraction", "attraction_subsidy",
        [_Col("degree", "enum", np.uint8, enum=Degree),
         _Col("major", "enum", np.uint8, enum=Major),
         _Col("agency", "enum", np.uint8, enum=Agency),
         _Col("dedicated_post", "flag", np.uint8),
         _Col("workplace", "workplace", np.int16),
         _Col("start", "date", np.int32)],
        [("amount", np.int64)],
        _capi.nlb_attraction_subsidy_batch, "amount"),
    "expert": _Kind(
        "expert", "expert_salary_cap",
        [_Col("degree", "enum", np.uint8, enum=Degree),
         _Col("experience_years", "real", np.float64),
         _Col("role", "enum", np.uint8, default=0, enum=Role),
         _Col("on", "date", np.int32)],
        [("level", np.uint8), ("monthly", np.int64), ("weekly", np.int64),
         ("daily", np.int64), ("special_monthly", np.int64)],
        _capi.nlb_expert_salary_cap_batch, "monthly"),
    "training": _Kind(
        "training", "training_support",
        [_Col("dedicated_official", "flag", np.uint8),
         _Col("short_concentrated", "flag", np.uint8),
         _Col("tuition", "money", np.int64),
         _Col("materials", "money", np.int64, default=0),
         _Col("meals", "money", np.int64, default=0),
         _Col("travel", "money", np.int64, default=0),
         _Col("days", "days", np.int32),
         _Col("start", "date", np.int32)],
        [("paid_tuition", np.int64), ("paid_materials", np.int64), ("paid_meals", np.int64),
         ("paid_travel", np.int64), ("total", np.int64)],
        _capi.nlb_training_support_batch, "total"),
}

#: The kinds of population: "attraction", "expert", "training".
KINDS = tuple(_KINDS)
#: Input columns of each kind, required ones first: {kind: (names...)}.
COLUMNS = {k: tuple(c.name for c in v.inputs) for k, v in _KINDS.items()}
#: Output columns of each kind, in order.
OUTPUTS = {k: tuple(n for n, _ in v.outputs) + ("reason", "certainty", "eligible")
           for k, v in _KINDS.items()}
#: The money column that a scenario adds up, per kind.
COST = {k: v.cost for k, v in _KINDS.items()}


# ------------------------------------------------------------ conversion

class _Problem:
    """Records of one column that could not be converted: they go to the
    library as values it refuses (so that it decides which record is the
    first bad one, as for any other bad value), and this says why."""
    __slots__ = ("mask", "explain")

    def __init__(self, mask, explain):
        self.mask = mask          # bool array: records concerned
        self.explain = explain    # position -> the exception


def _is_pandas(x):
    return type(x).__module__.split(".", 1)[0] == "pandas"


def _missing(v):
    if v is None:
        return True
    if isinstance(v, str):
        return not v.strip()
    if isinstance(v, float) and v != v:
        return True
    pd = _sys.modules.get("pandas")
    if pd is not None and (v is pd.NA or v is pd.NaT):
        return True
    if isinstance(v, (np.datetime64, np.timedelta64)) and np.isnat(v):
        return True
    return False


def _substitute(col):
    """A value of the C type the library refuses for that column: 255 for
    enums and flags (uint8), -1 for workplace and money, 0 for days, NaN
    for experience, and INT32_MIN (not a date: NL_EDATE) for dates."""
    return {"date": _c.BAD_DATE, "days": 0, "real": float("nan"), "enum": 255, "flag": 255,
            "workplace": -1, "money": -1}[col.kind]


def _record_error(exc, i, col=None, label=None):
    """*exc* re-raised for record *i*: same class and code, the position in
    the message and as ``.index`` (and ``.column``)."""
    where = "record %d" % i
    if label is not None:
        where += " (row %s)" % shown(label)
    cls = type(exc)
    code = getattr(exc, "code", None)
    msg = "%s: %s" % (where, getattr(exc, "message", str(exc)))
    try:
        new = cls(msg, code) if issubclass(cls, Error) else cls(msg)
    except TypeError:
        new = error_for(int(code) if code is not None else 1, msg)
    new.index = i
    new.column = col
    return new


def _one(col, v):
    """Converts one value of column *col* as the single-record methods do
    (plus what tables hold: 0/1 and text for flags, naive timestamps for
    dates); returns the C value or raises."""
    name = col.name
    if _missing(v):
        if col.kind == "date":
            raise DateError("%s is missing" % name)
        raise InvalidArgumentError("%s is missing" % name)
    k = col.kind
    if k == "enum":
        code = _c.choice(col.enum, v, name)
        if not 0 <= code <= 255:
            raise InvalidArgumentError("%s = %d is not a %s value" % (name, code, col.enum.__name__))
        return code
    if k == "flag":
        if _c.is_bool(v):
            return int(bool(v))
        if isinstance(v, str):
            s = v.strip().lower()
            if s in ("true", "t", "yes", "y", "1", "có"):
                return 1
            if s in ("false", "f", "no", "n", "0", "không"):
                return 0
            raise InvalidArgumentError("%s = %s is not a yes/no value (true/false, 1/0)"
                                       % (name, shown(v)))
        if hasattr(type(v), "__index__"):
            iv = int(v)
            if iv in (0, 1):
                return iv
            raise InvalidArgumentError("%s = %d is not a flag (True/False or 0/1)" % (name, iv))
        raise ArgumentTypeError("%s must be True or False, not %s" % (name, _c._typename(v)))
    if k == "workplace":
        if isinstance(v, _NameRefused):
            e = type(v.error)("%s: %s" % (name, v.error.message), v.error.code)
            e.field = name
            raise e
        code = _c.workplace(v, name)
        if not -32768 <= code <= 32767:
            raise InvalidArgumentError("%s = %d is not a GSO code in 0..32767 (the batch's "
                                       "int16 column)" % (name, code))
        return code
    if k == "date":
        return _date_value(v, name)
    if isinstance(v, str) and k in ("money", "days", "real"):
        v = _number_text(v, name, k)
    if k == "money":
        return _c.money(v, name)
    if k == "days":
        return _c.int32(v, name)
    if k == "real":
        return _c.real(v, name)
    raise AssertionError(k)


def _number_text(v, name, k):
    """Text in a number column (a CSV read as text): an integer, or for
    experience_years a decimal number."""
    t = v.strip()
    try:
        return int(t) if k != "real" else float(t)
    except ValueError:
        pass
    if k == "real":
        raise InvalidArgumentError("%s = %s is not a number" % (name, shown(v)))
    raise InvalidArgumentError("%s = %s is not a whole number%s" % (
        name, shown(v), " of đồng (write 5000000, without separators)" if k == "money" else ""))


def _date_value(v, name):
    if isinstance(v, np.datetime64):
        if np.isnat(v):
            raise DateError("%s is missing" % name)
        return _days(np.array([v]), name)[0]
    if isinstance(v, _dt.datetime):
        if v.tzinfo is not None:
            raise ArgumentTypeError("%s = %s has a time zone: pass the calendar date "
                                    "(.date() / .dt.date)" % (name, shown(v)))
        return v.date().toordinal() - _c._EPOCH
    if isinstance(v, (int, np.integer)) and not _c.is_bool(v):
        iv = int(v)
        if not _c.INT32_MIN < iv <= _c.INT32_MAX:
            raise DateError("%s = %d days since 1970-01-01 is not a date" % (name, iv))
        return iv
    return _c.date(v, name)


def _days(a, name):
    """datetime64 array -> int64 days since 1970-01-01 (NaT stays INT64_MIN)."""
    if a.dtype != np.dtype("datetime64[D]"):
        # The calendar day: numpy's cast floors (1969-12-31T12:00 is day -1).
        a = a.astype("datetime64[D]")
    return a.view(np.int64)


# Columns whose values pandas' factorize tells apart exactly: one type
# throughout (a text column with NULs inside is checked below).
_EXACT_KINDS = ("string", "integer", "floating", "boolean", "empty")


def _factorize(a):
    """(codes, uniques) with codes -1 for missing values. Two records share
    a code only if they hold the same value of the same type, so that
    converting each unique once validates every value as itself: pandas'
    factorize (fast, when pandas is loaded) takes ``5``, ``5.0`` and
    ``True`` for one value, and "bachelor\\0phd" for "bachelor"; such
    columns are factorised here on (type, value) instead."""
    pd = _sys.modules.get("pandas")
    if a.dtype.kind in "US":
        # numpy compares fixed-width text exactly (pandas would not: see
        # above); its empty text is a missing value for _one.
        uniques, codes = np.unique(a, return_inverse=True)
        return codes, list(uniques)
    if pd is not None and a.dtype.kind != "O":   # numbers, bools: one type
        codes, uniques = pd.factorize(a)
        return np.asarray(codes), list(uniques)
    if pd is not None and \
            pd.api.types.infer_dtype(a, skipna=True) in _EXACT_KINDS:
        codes, uniques = pd.factorize(a)
        codes = np.asarray(codes)
        uniq = np.asarray(uniques, dtype=object)
        present = codes >= 0
        # Text: pandas compares C strings, which end at a NUL.
        if not len(uniq) or (uniq[codes[present]] == a[present]).all():
            return codes, list(uniques)
    seen = {}
    codes = np.empty(len(a), np.intp)
    uniques = []
    for i, v in enumerate(a.tolist()):
        if _missing(v):
            codes[i] = -1
            continue
        k = (type(v), v)
        try:
            j = seen.get(k)
        except TypeError:   # unhashable: its own entry
            j = None
            k = None
        if j is None:
            j = len(uniques)
            if k is not None:
                seen[k] = j
            uniques.append(v)
        codes[i] = j
    return codes, uniques


def _from_objects(col, a):
    """Text / object column: each distinct value converted once."""
    codes, uniques = _factorize(a)
    table = np.empty(len(uniques) + 1, col.dtype)   # last entry: missing
    errors = []
    for j, v in enumerate(uniques):
        try:
            table[j] = _one(col, v)
            errors.append(None)
        except Error as e:
            table[j] = _substitute(col)
            errors.append(e)
    try:
        _one(col, None)
    except Error as e:
        table[-1] = _substitute(col)
        errors.append(e)
    out = table[codes]   # codes -1 pick the last entry
    bad_codes = [j for j in range(len(uniques)) if errors[j] is not None]
    mask = codes < 0
    if bad_codes:
        mask |= np.isin(codes, bad_codes)
    if not mask.any():
        return out, None
    return out, _Problem(mask, lambda i: errors[codes[i]])


def _range_cast(col, a, lo, hi, make_error):
    """Integer array -> col.dtype, values outside [lo, hi] substituted."""
    info = np.iinfo(a.dtype)
    if info.min >= lo and info.max <= hi:
        return a.astype(col.dtype, copy=False), None
    bad = (a < lo) | (a > hi)
    out = a.astype(col.dtype)
    if bad.any():
        out[bad] = _substitute(col)
        return out, _Problem(bad, lambda i: make_error(int(a[i])))
    return out, None


def _float_refused(col, a):
    bad = ~np.isfinite(a) | (a != np.floor(a))
    first = int(np.argmax(bad)) if bad.any() else None
    what = {"money": "money must be whole đồng (int)", "days": "days must be integers",
            "enum": "codes must be integers or names", "flag": "flags must be bool or 0/1",
            "workplace": "workplace codes must be integers or text such as \"088\""}[col.kind]
    if first is not None:
        hint = "; record %d holds %r (a missing value?)" % (first, float(a[first]))
    else:
        hint = "; cast it with .astype('int64') if it only holds whole numbers"
    e = ArgumentTypeError("column %s has dtype %s: %s%s" % (col.name, a.dtype, what, hint))
    e.index = first
    e.column = col.name
    return e


def _to_array(col, values):
    """Any column -> (numpy array or ('categorical', codes, categories)).

    pandas objects are unwrapped without a copy where their data is a plain
    numpy array."""
    if _is_pandas(values):
        dtype = getattr(values, "dtype", None)
        if isinstance(dtype, np.dtype):   # numpy-backed: a view, no copy
            return np.asarray(values.to_numpy() if hasattr(values, "to_numpy") else values)
        pd = _sys.modules["pandas"]
        arr = values.array if hasattr(values, "array") else values
        if isinstance(dtype, pd.CategoricalDtype):
            return ("categorical", np.asarray(arr.codes), np.asarray(arr.categories))
        if isinstance(dtype, pd.DatetimeTZDtype):
            raise ArgumentTypeError("column %s is time-zone aware (%s): pass calendar dates "
                                    "(.dt.tz_localize(None) or .dt.date)" % (col.name, dtype))
        # Other extension arrays (Int64, boolean, string, ...): their numpy
        # dtype when nothing is missing, else objects with None for missing.
        na = np.asarray(pd.isna(arr))
        npd = getattr(dtype, "numpy_dtype", None)
        if na.any() or npd is None:
            return np.asarray(arr.to_numpy(dtype=object, na_value=None))
        return np.asarray(arr.to_numpy(dtype=npd))
    a = np.asarray(values)
    if a.dtype.kind in "US" and not isinstance(values, np.ndarray):
        # numpy's fixed-width text drops trailing NULs ("bachelor\0" would
        # read "bachelor"): keep the exact values, as the single-record
        # methods see them.
        a = np.asarray(values, dtype=object)
    elif a.dtype.kind in "biuf" and a.ndim == 1 and not isinstance(values, np.ndarray) \
            and len(set(map(type, values))) > 1:
        # A list mixing types ([5, True], [5, 5.0]): numpy would make one
        # number type of them; keep each value as given, so that each is
        # validated as itself (True is no amount of money).
        a = np.asarray(values, dtype=object)
    return a


def _column(col, values, n):
    """Converts one column to its C type. Returns (array, problem or None)."""
    if np.ndim(values) == 0 and not _is_pandas(values):
        if n is None:
            raise InvalidArgumentError("every column is a single value: give at least one "
                                       "column as an array")
        try:
            code = _one(col, values.item() if isinstance(values, np.generic) and
                        not isinstance(values, np.datetime64) else values)
        except Error as e:
            e.column = col.name
            raise
        return np.full(n, code, col.dtype), None
    a = _to_array(col, values)
    if isinstance(a, tuple):   # pandas categorical: convert its categories
        _, codes, categories = a
        cat_vals, cat_problem = _from_objects_or_array(col, categories)
        table = np.append(cat_vals, np.array([_substitute(col)], col.dtype))
        out = table[codes]   # -1 (missing) -> last entry
        bad = codes < 0
        if cat_problem is not None:
            bad = bad | np.isin(codes, np.flatnonzero(cat_problem.mask))
        problem = None
        if bad.any():
            def explain(i, codes=codes, categories=categories, cp=cat_problem):
                c = codes[i]
                if c < 0:
                    try:
                        _one(col, None)
                    except Error as e:
                        return e
                return cp.explain(int(c))
            problem = _Problem(bad, explain)
        return out, problem
    if a.ndim != 1:
        raise ArgumentTypeError("column %s must be one-dimensional, not of shape %s"
                                % (col.name, a.shape))
    return _from_objects_or_array(col, a)


def _from_objects_or_array(col, a):
    kind, k = a.dtype.kind, col.kind
    name = col.name
    if a.size == 0 and a.dtype != col.dtype and kind not in "bM":
        return np.empty(0, col.dtype), None   # [] is float64 to numpy: nothing to convert
    if kind in "OUS":
        return _from_objects(col, a)
    if kind == "b":
        if k == "flag":
            return a.view(np.uint8), None
        raise ArgumentTypeError("column %s holds bools: %s" % (name, {
            "enum": "give codes or names", "real": "give numbers",
            "date": "give dates"}.get(k, "give integers")))
    if kind == "M":
        if k != "date":
            raise ArgumentTypeError("column %s holds dates (%s)" % (name, a.dtype))
        d = _days(a, name)
        return _range_cast(col, d, _c.INT32_MIN + 1, _c.INT32_MAX,
                           lambda v: DateError("%s is missing (NaT)" % name
                                               if v == np.iinfo(np.int64).min else
                                               "%s is outside the dates the library knows"
                                               % name))
    if kind == "m":
        raise ArgumentTypeError("column %s holds durations (%s)" % (name, a.dtype))
    if kind == "c":
        raise ArgumentTypeError("column %s holds complex numbers (%s)" % (name, a.dtype))
    if kind == "f":
        if k == "real":
            return a.astype(np.float64, copy=False), None
        if k == "date":
            raise ArgumentTypeError("column %s holds floats: dates must be datetime64, text "
                                    "or days since 1970-01-01" % name)
        raise _float_refused(col, a)
    if kind in "iu":
        if k == "real":
            return a.astype(np.float64), None
        if k == "enum":
            return _range_cast(col, a, 0, 255, lambda v: InvalidArgumentError(
                "%s = %d is not a %s value" % (name, v, col.enum.__name__)))
        if k == "flag":
            return _range_cast(col, a, 0, 255, lambda v: InvalidArgumentError(
                "%s = %d is not a flag (True/False or 0/1)" % (name, v)))
        if k == "workplace":
            return _range_cast(col, a, -32768, 32767, lambda v: InvalidArgumentError(
                "%s = %d is not a GSO code in 0..32767 (the batch's int16 column)" % (name, v)))
        if k == "date":
            return _range_cast(col, a, _c.INT32_MIN, _c.INT32_MAX, lambda v: DateError(
                "%s = %d days since 1970-01-01 is not a date" % (name, v)))
        if k == "days":
            return _range_cast(col, a, _c.INT32_MIN, _c.INT32_MAX, lambda v: RangeError(
                "%s = %d does not fit the library's 32-bit integer" % (name, v)))
        if k == "money":
            return _range_cast(col, a, _c.INT64_MIN, _c.INT64_MAX, lambda v: RangeError(
                "%s = %d does not fit the library's 64-bit integer" % (name, v)))
    raise ArgumentTypeError("column %s has an unsupported dtype %s" % (name, a.dtype))


# ------------------------------------------------------------- messages

def _explain(kind, i, status, cols, raw):
    """Why the library refused record *i* (its values reached it as given):
    names the column when it can, else lists the record."""
    rule = kind.rule
    for col in kind.inputs:
        v = raw[col.name][i]
        if status == _capi.NL_EINVAL:
            if col.kind == "enum" and int(v) not in col.enum._value2member_map_:
                return col.name, InvalidArgumentError("%s: %s = %d is not a %s value"
                                                      % (rule, col.name, v, col.enum.__name__))
            if col.kind == "flag" and int(v) not in (0, 1):
                return col.name, InvalidArgumentError(
                    "%s: %s = %d is not a flag (True/False or 0/1)" % (rule, col.name, v))
            if col.kind == "workplace" and not 0 <= int(v) <= 32767:
                return col.name, InvalidArgumentError(
                    "%s: workplace must be a code in 0..32767, not %d" % (rule, v))
            if col.kind == "money" and int(v) < 0:
                return col.name, InvalidArgumentError(
                    "%s: %s must be >= 0, not %d" % (rule, col.name, v))
            if col.kind == "days" and int(v) < 1:
                return col.name, InvalidArgumentError(
                    "%s: days must be >= 1, not %d" % (rule, v))
            if col.kind == "real" and not (_math.isfinite(v) and v >= 0):
                return col.name, InvalidArgumentError(
                    "%s: %s must be a finite number >= 0, not %r" % (rule, col.name, float(v)))
        elif status == _capi.NL_EDATE and col.kind == "date":
            return col.name, DateError("%s: %s = %d days since 1970-01-01 is outside "
                                       "0001-01-01..9999-12-31" % (rule, col.name, v))
    values = ", ".join("%s=%r" % (c.name, raw[c.name][i].item()) for c in kind.inputs)
    if status == _capi.NL_ERANGE:
        text = "the answer does not fit a 64-bit integer (%s)" % values
    else:
        text = "%s (%s)" % (_capi.nl_strerror(status), values)
    return None, error_for(status, "%s: %s" % (rule, text))


# ------------------------------------------------------------ evaluation

def _gather(kind, data, columns, kw):
    """The columns of *kind* from *data* (DataFrame or mapping) and *kw*."""
    unknown = [k for k in kw if k not in COLUMNS[kind.name]]
    if unknown:
        raise ArgumentTypeError("%s() got unexpected column(s) %s; its columns are %s" % (
            kind.rule, ", ".join(map(shown, unknown[:10])), ", ".join(COLUMNS[kind.name])))
    columns = dict(columns or {})
    bad_map = [k for k in columns if k not in COLUMNS[kind.name]]
    if bad_map:
        raise InvalidArgumentError("columns= maps unknown column(s) %s; the columns of %s "
                                   "are %s" % (", ".join(map(shown, bad_map[:10])), kind.rule,
                                               ", ".join(COLUMNS[kind.name])))
    if data is not None and not (hasattr(data, "__getitem__") and hasattr(data, "keys")):
        raise ArgumentTypeError("data must be a DataFrame or a mapping of columns, not %s"
                                % _c._typename(data))
    have = list(data.keys()) if data is not None else []
    got, missing = {}, []
    for col in kind.inputs:
        if col.name in kw:
            if data is not None and columns.get(col.name, col.name) in have:
                raise ArgumentTypeError("column %s given twice (in data and as a keyword)"
                                        % col.name)
            got[col.name] = kw[col.name]
            continue
        src = columns.get(col.name, col.name)
        if data is not None and src in have:
            twice = have.count(src)
            if twice > 1:
                # A DataFrame may have several columns of one name: which
                # one is meant is not for nhanluc to guess.
                raise InvalidArgumentError(
                    "%s: the table has %d columns named %s: each column needs its own name"
                    % (kind.rule, twice, shown(src)))
            got[col.name] = data[src]
        elif col.default is not None:
            got[col.name] = col.default
        else:
            missing.append((col.name, src))
    if missing:
        parts = []
        for name, src in missing:
            near = _difflib.get_close_matches(src, [str(h) for h in have], n=1, cutoff=0.6)
            parts.append(shown(src) + (" (did you mean %s?)" % shown(near[0]) if near else ""))
        names = [str(h) if len(str(h)) <= 40 else shown(str(h)) for h in have[:30]]
        if len(have) > 30:
            names.append("… (%s columns)" % "{:,}".format(len(have)))
        raise InvalidArgumentError("%s: missing column(s) %s; the table has %s" % (
            kind.rule, ", ".join(parts), ", ".join(names) or "no columns"))
    return got


def _length(got):
    n = None
    for name, v in got.items():
        if np.ndim(v) == 0 and not _is_pandas(v):
            continue
        m = len(v)
        if n is None:
            n = m
        elif m != n:
            raise InvalidArgumentError("column %s has %d records, the others %d" % (name, m, n))
    return n


def evaluate(kind, policy, data=None, *, threads=0, certainty=True, as_frame=None,
             columns=None, **cols):
    """Evaluates the rule of *kind* ("attraction", "expert", "training")
    over a population: see :func:`attraction_subsidy` and the module's
    documentation."""
    try:
        k = _KINDS[kind]
    except (KeyError, TypeError):
        raise InvalidArgumentError("kind must be one of %s, not %s"
                                   % (", ".join(KINDS), shown(kind))) from None
    handle = _handle(policy)
    _check_threads(threads)
    prepared = _prepare(k, data, columns, cols, handle)
    result = _run(prepared, handle, threads, certainty)
    if as_frame is None:
        as_frame = _is_pandas(data) and hasattr(data, "columns")
    if as_frame:
        return _frame(result, data if _is_pandas(data) and hasattr(data, "index") else None)
    return result


def _check_threads(threads):
    if not (isinstance(threads, int) and not isinstance(threads, bool)):
        raise ArgumentTypeError("threads must be an int, not %s" % _c._typename(threads))
    if threads < 0:
        raise InvalidArgumentError("threads must be >= 0 (0: one per core), not %d" % threads)
    if threads > _c.INT32_MAX:
        raise RangeError("threads = %d does not fit the library's 32-bit integer" % threads)


class _Prepared:
    """A population converted to the C types, ready for any number of
    policies (a scenario evaluates it twice)."""
    __slots__ = ("kind", "data", "arrays", "problems", "n")


def _is_name(v):
    """A workplace text that begins with a letter is a unit's name."""
    if not isinstance(v, str):
        return False
    t = v.lstrip()
    return bool(t) and t[0].isalpha() and len(v) <= 255


def _resolve_names(k, got, n, handle):
    """Workplace names in an object / text column, as codes: each distinct
    (name, date) pair resolved once by the C library on that record's date
    (nl_policy_workplace_find, as the single-record calls do). A name no
    unit has, or several share, is left in place, so the column's
    conversion reports it at its record."""
    wp = next((c for c in k.inputs if c.kind == "workplace"), None)
    dt = next((c for c in k.inputs if c.kind == "date"), None)
    if wp is None or dt is None or n is None or handle is None:
        return got
    values = got.get(wp.name)
    if _is_pandas(values):
        # Only text can hold names: numbers are left alone (no copy), and a
        # categorical column is looked at through its categories first.
        dtype = getattr(values, "dtype", None)
        if isinstance(dtype, np.dtype) and dtype.kind not in "OU":
            return got
        cats = getattr(getattr(values, "cat", None), "categories", None)
        if cats is not None and not any(_is_name(c) for c in cats):
            return got
        values = np.asarray(values.to_numpy(dtype=object) if hasattr(values, "to_numpy")
                            else values, dtype=object)
    if not (isinstance(values, (list, tuple)) or
            (isinstance(values, np.ndarray) and values.dtype.kind in "OU")):
        return got
    values = np.asarray(values, dtype=object)
    if values.ndim != 1 or not any(_is_name(v) for v in values):
        return got
    days, _ = _column(dt, got[dt.name], n)
    out = values.copy()
    memo = {}
    for i, v in enumerate(values):
        if not _is_name(v):
            continue
        key = (v, int(days[i]))
        if key not in memo:
            try:
                memo[key] = _capi.nl_policy_workplace_find(handle, v, int(days[i]))
            except Error as e:
                memo[key] = e
        code = memo[key]
        if not isinstance(code, Error):
            out[i] = int(code)
        else:
            out[i] = _NameRefused(v, code)
    got = dict(got)
    got[wp.name] = out
    return got


class _NameRefused:
    """A workplace name the library could not resolve: its conversion
    raises the library's error (NotFoundError, AmbiguousNameError)."""
    __slots__ = ("name", "error")

    def __init__(self, name, error):
        self.name, self.error = name, error

    def __hash__(self):
        return hash(self.name)

    def __eq__(self, other):
        return isinstance(other, _NameRefused) and other.name == self.name


def _prepare(k, data, columns, cols, handle=None):
    got = _gather(k, data, columns, cols)
    n = _length(got)
    got = _resolve_names(k, got, n, handle)
    arrays, problems = {}, {}
    for col in k.inputs:
        arr, problem = _column(col, got[col.name], n)
        arrays[col.name] = np.ascontiguousarray(arr)
        if problem is not None:
            problems[col.name] = problem
    pr = _Prepared()
    pr.kind, pr.data, pr.arrays, pr.problems = k, data, arrays, problems
    pr.n = 0 if n is None else n
    return pr


def _run(pr, handle, threads, certainty):
    """Calls the library on a prepared population: dict of numpy arrays."""
    k, n, arrays, problems = pr.kind, pr.n, pr.arrays, pr.problems
    outs = {name: np.empty(n, dt) for name, dt in k.outputs}
    reason = np.empty(n, np.uint8)
    cert = np.empty(n, np.uint8) if certainty else None
    try:
        k.cfunc(handle, *[arrays[c.name] for c in k.inputs], *outs.values(), reason, cert,
                threads)
    except Error as e:
        i = getattr(e, "index", None)
        if i is None:
            raise
        label = _label(pr.data, i)
        for col in k.inputs:
            p = problems.get(col.name)
            if p is None or not p.mask[i]:
                continue
            if (e.code == _capi.NL_EDATE) != (col.kind == "date"):
                continue
            raise _record_error(p.explain(i), i, col.name, label) from None
        name, exc = _explain(k, i, e.code, k.inputs, arrays)
        raise _record_error(exc, i, name, label) from None
    result = dict(outs)
    result["reason"] = reason
    if certainty:
        result["certainty"] = cert
    result["eligible"] = reason == 0
    return result


def _label(data, i):
    if _is_pandas(data) and hasattr(data, "index"):
        pd = _sys.modules["pandas"]
        idx = data.index
        if not (isinstance(idx, pd.RangeIndex) and idx.start == 0 and idx.step == 1):
            return idx[i]
    return None


def _frame(result, like):
    import pandas as pd
    cols = {}
    for name, a in result.items():
        if name == "reason":
            cols[name] = pd.Categorical.from_codes(a, categories=list(REASONS))
        elif name == "certainty":
            cols[name] = pd.Categorical.from_codes(a, categories=list(CERTAINTIES))
        else:
            cols[name] = a
    index = like.index if like is not None else None
    return pd.DataFrame(cols, index=index, copy=False)


def _handle(policy):
    p = getattr(policy, "_p", None) if isinstance(policy, Policy) else None
    if p is None:
        raise ArgumentTypeError("policy must be a nhanluc.Policy, not %s"
                                % _c._typename(policy))
    return p


def attraction_subsidy(policy, data=None, *, threads=0, certainty=True, as_frame=None,
                       columns=None, **cols):
    """:meth:`Policy.attraction_subsidy <nhanluc.Policy.attraction_subsidy>`
    for every record of a population.

    Args:
        policy: a :class:`nhanluc.Policy`.
        data: a pandas DataFrame or a mapping of columns (or None, with the
            columns as keywords): degree, major, agency, dedicated_post,
            workplace, start.
        threads: 0 (default) one per core, 1 the calling thread, k at most k.
        certainty: False to skip the certainty column.
        as_frame: return a DataFrame (default: when *data* is one).
        columns: {documented name: name in data}, for tables whose columns
            are named otherwise.
        **cols: columns given directly (arrays, Series, lists, or one value
            for all records).

    Returns:
        amount (int64 đồng), reason, certainty, eligible (bool), as a
        DataFrame or a dict of numpy arrays (see the module documentation).

    Raises:
        InvalidArgumentError, DateError, RangeError, ArgumentTypeError: the
            first bad record's error, with ``.index`` (its position) and
            ``.column``; nothing is returned (all or nothing).
    """
    return evaluate("attraction", policy, data, threads=threads, certainty=certainty,
                    as_frame=as_frame, columns=columns, **cols)


def expert_salary_cap(policy, data=None, *, threads=0, certainty=True, as_frame=None,
                      columns=None, **cols):
    """:meth:`Policy.expert_salary_cap <nhanluc.Policy.expert_salary_cap>`
    for every record: columns degree, experience_years, on, and role
    (default "member"). Returns level (uint8), monthly, weekly, daily,
    special_monthly (int64 đồng), reason, certainty, eligible. Arguments
    and errors as :func:`attraction_subsidy`."""
    return evaluate("expert", policy, data, threads=threads, certainty=certainty,
                    as_frame=as_frame, columns=columns, **cols)


def training_support(policy, data=None, *, threads=0, certainty=True, as_frame=None,
                     columns=None, **cols):
    """:meth:`Policy.training_support <nhanluc.Policy.training_support>`
    for every claim: columns dedicated_official, short_concentrated,
    tuition, days, start, and materials, meals, travel (default 0). Returns
    paid_tuition, paid_materials, paid_meals, paid_travel, total (int64
    đồng), reason, certainty, eligible. Arguments and errors as
    :func:`attraction_subsidy`."""
    return evaluate("training", policy, data, threads=threads, certainty=certainty,
                    as_frame=as_frame, columns=columns, **cols)
