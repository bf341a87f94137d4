"""Whole populations at once: every declared rule over columns (numpy, pandas).

Each rule family the library declares (:data:`nhanluc._rules.rules`,
docs/rules.md) evaluates every record of a table -- a pandas DataFrame, a
dict of columns, or columns given as keyword arguments -- through a C batch
plan (``nl_batch_plan``, nhanluc/batch.h, docs/batch.md): the answers are
exactly those of the single-record methods of :class:`nhanluc.Policy`,
field by field, the legal source included. Nothing in this module names a
family: the columns, their conversions, the result columns and the
functions below are derived from the declarations::

    import nhanluc, nhanluc.batch
    p = nhanluc.Policy.default()
    res = nhanluc.batch.attraction_subsidy(p, df)        # df: a DataFrame
    res["amount"].sum(), res["eligible"].sum(), res["reason"].value_counts()

    plan = nhanluc.batch.Plan(p, "attraction_subsidy")   # made once ...
    for part in partitions:                               # ... run many times
        out = plan.run(part)                              # dict of numpy arrays
    out["amount"], out["reason"], plan.sources[out["source"][0]]

Functions: one per family, named as the :class:`nhanluc.Policy` method
(``attraction_subsidy``, ``expert_salary_cap``, ``training_support``, and
any family added later), and :func:`evaluate` taking the family's name or
its short name (:data:`KINDS`: the first word of the name, "attraction",
"expert", "training").

Columns: the keyword names of the single-record method (:data:`COLUMNS`);
an optional input left out takes its declared default for every record.
What a column may hold (converted vectorised):

- code fields (degree, major, agency, role): integer codes, or names as
  text ("bachelor", "IT", "electronics-telecom": as the single-record
  methods accept them), or a pandas Categorical of names;
- flags (dedicated_post, dedicated_official, short_concentrated): bool, the
  integers 0/1, or text true/false, yes/no, 1/0;
- workplace: GSO codes of any level as integers (88, 2647) or text ("088",
  "02647"), or a unit's name ("Sa Pa", "Xã Bát Xát"), resolved on the
  record's date by the library as the single-record calls do;
- dates: datetime64 (any unit: the calendar day is used; naive only,
  time-zone-aware columns are refused), ISO text "YYYY-MM-DD",
  datetime.date objects, or integers counting days since 1970-01-01 (the
  library's nl_date);
- money: integer đồng (floats are refused, as everywhere in nhanluc: a
  float column usually means missing values); other integers: integers;
  years (experience_years): floats or integers;
- text in a number column (a CSV read as text) is parsed: "5000000",
  "12.5" for years; an empty text is a missing value.

A single value (``start="2024-05-01"``) stands for a whole column (a
broadcast array of stride 0: nothing is copied n times). Columns of a type
the library reads -- bool, uint8, int8, int16, int32, int64 (datetime64[D]
is read as its int64 days), float64 for years -- are handed to it as they
are, **of any stride** (a slice ``a[::2]``, a column of a structured array,
a DataFrame column), without a copy; the library checks each value exactly
(a workplace 68207 in an int32 column is that code, never wrapped). Other
columns are converted once (text by distinct value).

Results: with a DataFrame input (or ``as_frame=True``) a DataFrame with the
input's index; otherwise a :class:`Columns` dict of numpy arrays. Columns
(:data:`OUTPUTS`): the rule's declared outputs in order, then
``eligible`` (``reason == "ok"``) if the rule does not declare it. An
output named as an input (training's tuition, materials, ...) is
``paid_<name>``, so that the result joins its input. Money is int64 đồng;
reason and certainty columns are uint8 codes (``REASONS[code]``,
``CERTAINTIES[code]``) in a dict and categoricals (categories in code
order: ``.cat.codes`` gives the C codes) in a DataFrame; ``source`` is an
index into :attr:`Plan.sources` (``result.sources`` of a dict) in a dict
and a categorical of the citation texts in a DataFrame.
``certainty=False`` skips the certainty columns; ``outputs=[...]`` computes
only the columns named.

Errors are all or nothing, as in C: if any record is invalid, the call
raises the typed exception of the first bad record (lowest position) --
:class:`~nhanluc.InvalidArgumentError`, :class:`~nhanluc.DateError`,
:class:`~nhanluc.RangeError`, :class:`~nhanluc.ArgumentTypeError`,
:class:`~nhanluc.NotFoundError`, :class:`~nhanluc.AmbiguousNameError` --
whose ``.index`` is that position (0-based, whatever the DataFrame's
index) and ``.field`` / ``.column`` the column at fault; no result is
returned. A missing column is an InvalidArgumentError naming it (and what
it may have been misspelt as).

Threads: ``threads=0`` (default) uses every core, 1 the calling thread only.
The GIL is released during the library call.

A :class:`Plan` is made for a policy and follows it: after
``policy.set(...)`` (which gives the policy a new C handle) the next run
remakes the plan's tables first. Like a Policy, a Plan does not pickle:
each process (a Dask worker) makes its own.

numpy is required by this module (not by ``import nhanluc``); pandas is
used only when a DataFrame is given or asked for.
"""

import datetime as _dt
import difflib as _difflib
import sys as _sys

try:
    import numpy as np
except ImportError as _e:   # pragma: no cover - depends on the machine
    raise ImportError("nhanluc.batch needs numpy (Debian: apt install python3-numpy); "
                      "the rest of nhanluc works without it") from _e

from . import _convert as _c
from . import _rules
from . import capi as _capi
from ._enums import Certainty, Reason
from ._errors import (ArgumentTypeError, DateError, Error, InvalidArgumentError, RangeError,
                      error_for, shown)
from ._policy import Policy

#: Reason names in C code order: ``REASONS[code]`` ("ok", "not_in_force", ...).
REASONS = tuple(str(m) for m in Reason._by_code)
#: Certainty names in C code order ("confirmed", "reported", "unconfirmed", "user").
CERTAINTIES = tuple(str(m) for m in Certainty._by_code)

_EPOCH64 = np.datetime64("1970-01-01", "D")
_INT64_MIN = np.iinfo(np.int64).min

# Element types the library reads as they are (nl_column_type).
_DIRECT = frozenset(np.dtype(t) for t in (np.bool_, np.uint8, np.int8, np.int16, np.int32,
                                          np.int64))

# Field type (nl_field_type_name) -> how a column of it converts.
_KIND_OF = {"code": "enum", "bool": "flag", "workplace": "workplace", "date": "date",
            "money": "money", "int": "int", "years": "real"}


class _Col:
    """One input column, from the field's declaration: name, kind (how it
    converts), the dtype converted values take, whether it is optional,
    the enum class of a code field, its declared range."""
    __slots__ = ("name", "kind", "dtype", "optional", "default", "enum", "lo", "hi")

    def __init__(self, field):
        self.name = field["name"]
        self.kind = _KIND_OF[field["type"]]
        self.dtype = np.dtype(np.float64 if self.kind == "real" else np.int64)
        self.optional = bool(field["optional"])
        self.default = _rules._default(field) if self.optional else None
        self.enum = _rules._enum_for(field) if self.kind == "enum" else None
        self.lo, self.hi = field["min"], field["max"]


class _Out:
    """One output column: the field's name in the library, its name in
    results, the dtype of the buffer the library writes, its field type."""
    __slots__ = ("field", "name", "dtype", "type")

    def __init__(self, field, inputs):
        self.field = field["name"]
        self.name = "paid_" + self.field if self.field in inputs else self.field
        self.type = field["type"]
        if self.type == "money":
            self.dtype = np.dtype(np.int64)
        elif self.type == "years":
            self.dtype = np.dtype(np.float64)
        elif self.type == "text":
            self.dtype = None   # an index into the plan's sources: chosen per plan
        elif field["min"] >= 0 and field["max"] <= 255:
            self.dtype = np.dtype(np.uint8)
        else:
            self.dtype = np.dtype(np.int64)


class _Kind:
    """A rule family as this module sees it: its short name, the rule, the
    input and output columns, the money column a scenario adds up."""
    __slots__ = ("name", "rule", "index", "inputs", "outputs", "derived_eligible", "cost")

    def __init__(self, rule):
        self.rule = rule.name
        self.name = rule.name.split("_", 1)[0]
        self.index = rule.index
        self.inputs = [_Col(f) for f in rule.inputs]
        names = {c.name for c in self.inputs}
        outs = [_Out(f, names) for f in rule.outputs]
        declared = [o for o in outs if o.field == "eligible"]
        self.derived_eligible = not declared
        self.outputs = [o for o in outs if o.field != "eligible"] + declared
        money = [o.name for o in self.outputs if o.type == "money"]
        self.cost = "total" if "total" in money else money[0] if money else None

    def result_names(self):
        return tuple(o.name for o in self.outputs) + (("eligible",) if self.derived_eligible
                                                      else ())


def _kinds():
    kinds = {}
    for r in _rules.rules:
        k = _Kind(r)
        if k.name in kinds:   # two families of one first word: the full name
            k.name = k.rule
        kinds[k.name] = k
    return kinds


_KINDS = _kinds()
_BY_RULE = {k.rule: k for k in _KINDS.values()}

#: The short names of the families ("attraction", "expert", "training").
KINDS = tuple(_KINDS)
#: Input columns of each family (by short name), in declaration order.
COLUMNS = {k: tuple(c.name for c in v.inputs) for k, v in _KINDS.items()}
#: Result columns of each family, in order.
OUTPUTS = {k: v.result_names() for k, v in _KINDS.items()}
#: The money column a scenario adds up, per family: "total" where the rule
#: declares one, else its first money output.
COST = {k: v.cost for k, v in _KINDS.items()}


def _kind(kind):
    """The _Kind of a short name, a rule name or a Rule."""
    if isinstance(kind, _rules.Rule):
        kind = kind.name
    k = _KINDS.get(kind) if isinstance(kind, str) else None
    if k is None and isinstance(kind, str):
        k = _BY_RULE.get(kind)
    if k is None:
        raise InvalidArgumentError("kind must be one of %s (or %s), not %s"
                                   % (", ".join(KINDS), ", ".join(_BY_RULE), shown(kind)))
    return k


class Columns(dict):
    """A batch's result: {column: numpy array}, and :attr:`sources`, the
    texts the ``source`` column indexes."""
    __slots__ = ("sources",)


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
    """A value the library refuses for that column: below the declared
    range (-1 for codes, flags, workplaces and money, 0 for days), NaN for
    years, INT64_MIN (not a date: NL_EDATE) for dates."""
    if col.kind == "real":
        return float("nan")
    if col.kind == "date":
        return _INT64_MIN
    return col.lo - 1 if col.lo > _INT64_MIN else col.hi + 1


def _record_error(exc, i, col=None, label=None):
    """*exc* re-raised for record *i*: same class and code, the position in
    the message and as ``.index`` (and ``.column``, ``.field``)."""
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
    if col is not None:
        new.field = col
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
        return _c.choice(col.enum, v, name)
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
        return _c.workplace(v, name)
    if k == "date":
        return _date_value(v, name)
    if isinstance(v, str):
        v = _number_text(v, name, k)
    if k == "real":
        return _c.real(v, name)
    return _c.integer(v, name, what="an int number of đồng" if k == "money" else "an int")


def _number_text(v, name, k):
    """Text in a number column (a CSV read as text): an integer, or for
    years a decimal number."""
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
        return int(_days(np.array([v]))[0])
    if isinstance(v, _dt.datetime):
        if v.tzinfo is not None:
            raise ArgumentTypeError("%s = %s has a time zone: pass the calendar date "
                                    "(.date() / .dt.date)" % (name, shown(v)))
        return v.date().toordinal() - _c._EPOCH
    if isinstance(v, (int, np.integer)) and not _c.is_bool(v):
        return _c.integer(v, name)   # the library says whether it is a date
    return _c.date(v, name)


def _days(a):
    """datetime64 array -> int64 days since 1970-01-01 (NaT stays INT64_MIN),
    a view when it already is datetime64[D]."""
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


def _float_refused(col, a):
    bad = ~np.isfinite(a) | (a != np.floor(a))
    first = int(np.argmax(bad)) if bad.any() else None
    what = {"money": "money must be whole đồng (int)", "int": "%s must be integers" % col.name,
            "enum": "codes must be integers or names", "flag": "flags must be bool or 0/1",
            "workplace": "workplace codes must be integers or text such as \"088\""}[col.kind]
    if first is not None:
        hint = "; record %d holds %r (a missing value?)" % (first, float(a[first]))
    else:
        hint = "; cast it with .astype('int64') if it only holds whole numbers"
    e = ArgumentTypeError("column %s has dtype %s: %s%s" % (col.name, a.dtype, what, hint))
    e.index = first
    e.column = e.field = col.name
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
    """One column as the library reads it. Returns (array, problem or
    None); the array may be a strided view of *values*."""
    if np.ndim(values) == 0 and not _is_pandas(values):
        if n is None:
            raise InvalidArgumentError("every column is a single value: give at least one "
                                       "column as an array")
        try:
            code = _one(col, values.item() if isinstance(values, np.generic) and
                        not isinstance(values, np.datetime64) else values)
        except Error as e:
            e.column = e.field = col.name
            raise
        # One element read by every record (stride 0), not n copies.
        return np.broadcast_to(np.array(code, col.dtype), (n,)), None
    a = _to_array(col, values)
    if isinstance(a, tuple):   # pandas categorical: convert its categories
        _, codes, categories = a
        cat_vals, cat_problem = _from_objects_or_array(col, categories)
        table = np.append(np.asarray(cat_vals, col.dtype), np.array([_substitute(col)],
                                                                     col.dtype))
        out = table[codes]   # -1 (missing) -> last entry
        bad = codes < 0
        if cat_problem is not None:
            bad = bad | np.isin(codes, np.flatnonzero(cat_problem.mask))
        problem = None
        if bad.any():
            def explain(i, codes=codes, cp=cat_problem):
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
    if a.size == 0 and kind not in "bM" and a.dtype not in _DIRECT:
        return np.empty(0, col.dtype), None   # [] is float64 to numpy: nothing to convert
    if kind in "OUS":
        return _from_objects(col, a)
    if not a.dtype.isnative:
        a = a.astype(a.dtype.newbyteorder("="))
    if kind == "b":
        if k == "flag":
            return a, None
        raise ArgumentTypeError("column %s holds bools: %s" % (name, {
            "enum": "give codes or names", "real": "give numbers",
            "date": "give dates"}.get(k, "give integers")))
    if kind == "M":
        if k != "date":
            raise ArgumentTypeError("column %s holds dates (%s)" % (name, a.dtype))
        d = _days(a)
        nat = d == _INT64_MIN
        if nat.any():
            return d, _Problem(nat, lambda i: DateError("%s is missing (NaT)" % name))
        return d, None
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
        # Every integer the library reads as it is, of any stride: it
        # checks each value against the field (a year count too).
        if a.dtype in _DIRECT:
            return a, None
        if a.dtype.itemsize < 8 or kind == "i":
            return a.astype(np.int64), None
        big = a > np.uint64(np.iinfo(np.int64).max)   # uint64 past int64
        out = a.astype(np.int64)
        if big.any():
            out[big] = _substitute(col)
            return out, _Problem(big, lambda i: RangeError(
                "%s = %d does not fit the library's 64-bit integer" % (name, int(a[i]))))
        return out, None
    raise ArgumentTypeError("column %s has an unsupported dtype %s" % (name, a.dtype))


# ------------------------------------------------------------ evaluation

def _gather(kind, data, columns, kw):
    """The columns of *kind* from *data* (DataFrame or mapping) and *kw*;
    optional inputs not given are left out (the library's default)."""
    names = COLUMNS[kind.name]
    unknown = [k for k in kw if k not in names]
    if unknown:
        raise ArgumentTypeError("%s() got unexpected column(s) %s; its columns are %s" % (
            kind.rule, ", ".join(map(shown, unknown[:10])), ", ".join(names)))
    columns = dict(columns or {})
    bad_map = [k for k in columns if k not in names]
    if bad_map:
        raise InvalidArgumentError("columns= maps unknown column(s) %s; the columns of %s "
                                   "are %s" % (", ".join(map(shown, bad_map[:10])), kind.rule,
                                               ", ".join(names)))
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
        elif not col.optional:
            missing.append((col.name, src))
    if missing:
        parts = []
        for name, src in missing:
            near = _difflib.get_close_matches(src, [str(h) for h in have], n=1, cutoff=0.6)
            parts.append(shown(src) + (" (did you mean %s?)" % shown(near[0]) if near else ""))
        names = [str(h) if len(str(h)) <= 40 else shown(str(h)) for h in have[:30]]
        if len(have) > 30:
            names.append("… (%s columns)" % "{:,}".format(len(have)))
        e = InvalidArgumentError("%s: missing column(s) %s; the table has %s" % (
            kind.rule, ", ".join(parts), ", ".join(names) or "no columns"))
        e.column = e.field = missing[0][0]
        raise e
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
            e = InvalidArgumentError("column %s has %d records, the others %d" % (name, m, n))
            e.column = e.field = name
            raise e
    return n


def _check_threads(threads):
    if not (isinstance(threads, int) and not isinstance(threads, bool)):
        raise ArgumentTypeError("threads must be an int, not %s" % _c._typename(threads))
    if threads < 0:
        raise InvalidArgumentError("threads must be >= 0 (0: one per core), not %d" % threads)
    if threads > _c.INT32_MAX:
        raise RangeError("threads = %d does not fit the library's 32-bit integer" % threads)


class _Prepared:
    """A population converted to what the library reads, ready for any
    number of plans (a scenario evaluates it on two policies)."""
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
    (its rule's first date input, as the single-record calls do). A name no
    unit has, or several share, is left in place, so the column's
    conversion reports it at its record."""
    wp = next((c for c in k.inputs if c.kind == "workplace"), None)
    dt = next((c for c in k.inputs if c.kind == "date"), None)
    if wp is None or dt is None or n is None or handle is None or wp.name not in got \
            or dt.name not in got:
        return got
    values = got[wp.name]
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
        if col.name not in got:
            continue   # optional: the library's default
        arr, problem = _column(col, got[col.name], n)
        arrays[col.name] = arr
        if problem is not None:
            problems[col.name] = problem
    pr = _Prepared()
    pr.kind, pr.data, pr.arrays, pr.problems = k, data, arrays, problems
    pr.n = 0 if n is None else n
    return pr


class Plan:
    """A rule made ready for whole populations on one policy: the C plan's
    tables are built once and reused by every :meth:`run` (any number of
    partitions, from any number of threads at once).

    Args:
        policy: a :class:`nhanluc.Policy`.
        rule: the family's name ("attraction_subsidy"), its short name
            ("attraction", :data:`KINDS`) or a :class:`nhanluc.Rule`.

    The plan follows its policy: after ``policy.set(...)`` the next run
    first remakes the tables. Like its policy it does not pickle: make one
    in each process."""

    __slots__ = ("policy", "_kind", "_state", "__weakref__")

    def __init__(self, policy, rule):
        _handle(policy)
        self.policy = policy
        self._kind = _kind(rule)
        self._state = None

    @property
    def rule(self):
        """The family's name, e.g. "attraction_subsidy"."""
        return self._kind.rule

    @property
    def columns(self):
        """The input columns, in declaration order."""
        return COLUMNS[self._kind.name]

    @property
    def outputs(self):
        """The result columns, in order."""
        return OUTPUTS[self._kind.name]

    def _current(self):
        """(handle, capsule, sources) for the policy as it is now."""
        handle = self.policy._p   # one read: Policy.set swaps the handle whole
        state = self._state
        if state is None or state[0] is not handle:
            # The policy keeps the last state made per rule (Policy._plans):
            # nhanluc.batch.<family>(policy, ...) makes a Plan per call, and
            # its tables need not be rebuilt while the policy is unchanged.
            # Two threads may both make one; either is right.
            plans = self.policy._plans
            state = plans.get(self._kind.index)
            if state is None or state[0] is not handle:
                cap = _capi.nl_py_plan(handle, self._kind.index)
                state = (handle, cap, _capi.nl_py_plan_sources(cap))
                plans[self._kind.index] = state
            self._state = state
        return state

    @property
    def sources(self):
        """The legal sources the ``source`` column indexes: the policy's
        sources in its document's order, then the what-if text, then the
        texts cited for parameters the document does not have."""
        return self._current()[2]

    def run(self, data=None, *, threads=0, certainty=True, as_frame=None, columns=None,
            outputs=None, **cols):
        """Evaluates every record of *data* (a DataFrame or a mapping of
        columns) and/or the columns given as keywords. See the module's
        documentation for columns, results and errors."""
        _check_threads(threads)
        state = self._current()   # one policy for the names and the answers
        pr = _prepare(self._kind, data, columns, cols, state[0])
        result = _run(pr, state, threads, certainty, outputs)
        if as_frame is None:
            as_frame = _is_pandas(data) and hasattr(data, "columns")
        if as_frame:
            return _frame(result, data if _is_pandas(data) and hasattr(data, "index") else None)
        return result

    def __reduce__(self):
        raise TypeError("a Plan cannot be pickled (its policy cannot): make one in each "
                        "process, Plan(policy, %r)" % self._kind.rule)

    def __repr__(self):
        return "<nhanluc.batch.Plan %s on %r>" % (self._kind.rule, self.policy)


def _wanted(k, certainty, outputs):
    """The output columns to compute."""
    outs = [o for o in k.outputs if certainty or o.type != "certainty"]
    if outputs is None:
        return outs, k.derived_eligible
    if isinstance(outputs, str) or not hasattr(outputs, "__iter__"):
        raise ArgumentTypeError("outputs must be a list of column names, not %s"
                                % _c._typename(outputs))
    names = list(outputs)
    known = set(k.result_names())
    bad = [o for o in names if o not in known]
    if bad:
        e = InvalidArgumentError("outputs names unknown column(s) %s; the results of %s are %s"
                                 % (", ".join(map(shown, bad[:10])), k.rule,
                                    ", ".join(k.result_names())))
        e.column = e.field = bad[0]
        raise e
    return [o for o in outs if o.name in names], k.derived_eligible and "eligible" in names


def _run(pr, state, threads, certainty=True, outputs=None):
    """Calls the library on a prepared population with a plan's state
    (Plan._current()): a Columns dict."""
    k, n, arrays, problems = pr.kind, pr.n, pr.arrays, pr.problems
    _, cap, sources = state
    outs, eligible = _wanted(k, certainty, outputs)
    if eligible and not any(o.field == "reason" for o in outs):
        outs = outs + [o for o in k.outputs if o.field == "reason"]
    bufs = {}
    for o in outs:
        dt = o.dtype or np.dtype(np.uint8 if len(sources) <= 256 else np.int32)
        bufs[o.field] = np.empty(n, dt)
    try:
        _capi.nl_py_plan_run(cap, arrays, bufs, threads)
    except Error as e:
        i = getattr(e, "index", None)
        field = getattr(e, "field", None)
        if i is None:
            e.column = field
            raise
        label = _label(pr.data, i)
        p = problems.get(field)
        if p is not None and p.mask[i]:
            raise _record_error(p.explain(i), i, field, label) from None
        raise _located(e, i, field, label) from None
    result = Columns()
    result.sources = sources
    asked = None if outputs is None else set(outputs)
    for o in outs:
        if asked is not None and o.name not in asked:
            continue
        a = bufs[o.field]
        result[o.name] = a.view(np.bool_) if o.type == "bool" else a
    if eligible:
        result["eligible"] = bufs["reason"] == 0
    return result


def _located(e, i, field, label):
    """The library's error for record *i* (its message says "record i: "),
    with the DataFrame's row label, ``.index``, ``.column`` and ``.field``."""
    if label is not None:
        head = "record %d" % i
        msg = e.message
        msg = (head + " (row %s)" % shown(label) + msg[len(head):] if msg.startswith(head)
               else "%s (row %s): %s" % (head, shown(label), msg))
        e = type(e)(msg, e.code)
    e.index = i
    e.column = field
    if field is not None:
        e.field = field
    return e


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
    sources = list(getattr(result, "sources", ()))
    for name, a in result.items():
        if name == "source" and sources:
            cols[name] = pd.Categorical.from_codes(a, categories=pd.Index(sources, dtype=object)
                                                   if len(set(sources)) == len(sources)
                                                   else _unique_labels(sources))
        elif name in _CODED:
            cols[name] = pd.Categorical.from_codes(a, categories=list(_CODED[name]))
        else:
            cols[name] = a
    index = like.index if like is not None else None
    return pd.DataFrame(cols, index=index, copy=False)


def _unique_labels(sources):
    """Categories must differ: a text cited twice gets its position."""
    seen, out = {}, []
    for i, s in enumerate(sources):
        out.append(s if s not in seen else "%s [%d]" % (s, i))
        seen[s] = i
    return out


def _handle(policy):
    p = getattr(policy, "_p", None) if isinstance(policy, Policy) else None
    if p is None:
        raise ArgumentTypeError("policy must be a nhanluc.Policy, not %s"
                                % _c._typename(policy))
    return p


def evaluate(kind, policy, data=None, *, threads=0, certainty=True, as_frame=None,
             columns=None, outputs=None, **cols):
    """Evaluates one family (its name, short name or Rule) over a
    population on *policy*: a :class:`Plan` made for this call, on the C
    tables the policy keeps for that family while it is unchanged."""
    k = _kind(kind)
    return Plan(policy, k.rule).run(data, threads=threads, certainty=certainty,
                                    as_frame=as_frame, columns=columns, outputs=outputs,
                                    **cols)


def _family_function(k):
    def fn(policy, data=None, *, threads=0, certainty=True, as_frame=None, columns=None,
           outputs=None, **cols):
        return evaluate(k.rule, policy, data, threads=threads, certainty=certainty,
                        as_frame=as_frame, columns=columns, outputs=outputs, **cols)
    req = [c.name for c in k.inputs if not c.optional]
    opt = ["%s (default %r)" % (c.name, c.default) for c in k.inputs if c.optional]
    fn.__name__ = fn.__qualname__ = k.rule
    fn.__doc__ = (
        ":meth:`Policy.%s <nhanluc.Policy.%s>` for every record of a population.\n\n"
        "Args:\n"
        "    policy: a :class:`nhanluc.Policy`.\n"
        "    data: a pandas DataFrame or a mapping of columns (or None, with the\n"
        "        columns as keywords): %s%s.\n"
        "    threads: 0 (default) one per core, 1 the calling thread, k at most k.\n"
        "    certainty: False to skip the certainty columns.\n"
        "    as_frame: return a DataFrame (default: when *data* is one).\n"
        "    columns: {documented name: name in data}, for tables whose columns\n"
        "        are named otherwise.\n"
        "    outputs: the result columns to compute (default: all).\n"
        "    **cols: columns given directly (arrays, Series, lists, or one value\n"
        "        for all records).\n\n"
        "Returns:\n"
        "    %s, as a DataFrame or a :class:`Columns` dict of numpy arrays (see\n"
        "    the module documentation).\n\n"
        "Raises:\n"
        "    InvalidArgumentError, DateError, RangeError, ArgumentTypeError: the\n"
        "        first bad record's error, with ``.index`` (its position) and\n"
        "        ``.field``; nothing is returned (all or nothing).\n"
        % (k.rule, k.rule, ", ".join(req), "; optional " + ", ".join(opt) if opt else "",
           ", ".join(k.result_names())))
    return fn


for _k in _KINDS.values():
    globals()[_k.rule] = _family_function(_k)
del _k

# Result columns shown by name in a DataFrame: reason and certainty codes.
_CODED = {o.name: (REASONS if o.type == "reason" else CERTAINTIES)
          for k in _KINDS.values() for o in k.outputs if o.type in ("reason", "certainty")}

# Result columns that index the plan's sources.
_TEXT = frozenset(o.name for k in _KINDS.values() for o in k.outputs if o.type == "text")

__all__ = ["Plan", "Columns", "evaluate", "REASONS", "CERTAINTIES", "COLUMNS", "OUTPUTS",
           "KINDS", "COST"] + [k.rule for k in _KINDS.values()]
