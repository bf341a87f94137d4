"""What-if scenarios over a population: baseline against reform.

An analyst has a table of people, the policy in force and a reform ("raise
the district subsidy to 200 million from 2025"). :func:`compare` evaluates
both over the population with the batch API (:mod:`nhanluc.batch`) and
returns a :class:`Comparison`: people eligible and total cost, overall and
by workplace (or any column), and reform − baseline::

    import nhanluc.scenario as sc
    people = sc.synthetic_population(100_000, seed=1)     # or a DataFrame / CSV
    cmp = sc.compare(people, "attraction.amount.district=200000000@2025-01-01")
    cmp.summary          # pandas DataFrame (a list of dicts without pandas)
    cmp.totals           # the "total" row as a dict
    cmp.chart("reform.png", lang="vi")

Reforms are a :class:`~nhanluc.Policy`, or changes applied to a copy of
the baseline, written ``KEY=VALUE@DATE`` (set from DATE), ``KEY=*FACTOR@DATE``
or ``KEY=+PCT%@DATE`` / ``KEY=-PCT%@DATE`` (multiply the value in force on
DATE, rounding down to whole units) or ``KEY=end@DATE`` (not in force from
DATE). KEY may be a glob (``expert.cap.*=+10%@2025-07-01``: every expert cap
10% higher); VALUE may use ``_`` or ``,`` between digits and the suffixes k,
M (million), B (billion): ``200M``. Each change lasts until the parameter's
next dated change, as :meth:`Policy.set` does.

For distributed runs (Dask, :mod:`multiprocessing`) a policy cannot be
pickled (it is a C handle); a :class:`PolicySpec` -- "the built-in policy
(or this JSON document) plus these changes" -- can, and is rebuilt once per
process. :func:`partial` evaluates one partition into small sums that
:func:`combine` adds up and :meth:`Comparison.from_partials` turns into the
same summary as a single-machine :func:`compare` (sums of integers: exact,
in any order).

Money is int đồng throughout; no float enters a total, and totals are exact
whatever their size: sums past int64 (possible with extreme what-if
amounts) are Python ints, never wrapped around.
"""

import fnmatch as _fnmatch
import fractions as _fractions
import os as _os
import re as _re
import sys as _sys
import threading as _threading

import numpy as np

from . import _convert as _c
from . import batch as _batch
from ._errors import (ArgumentTypeError, InvalidArgumentError, NotFoundError, shown,
                      unknown_key)
from ._policy import Policy

__all__ = ["Change", "parse_change", "PolicySpec", "reform", "compare", "partial",
           "partial_frame", "combine", "Comparison", "synthetic_population", "format_vnd",
           "SUMMARY_COLUMNS"]

#: Summed columns of a summary (after the group columns).
SUMMARY_COLUMNS = ("people", "eligible_baseline", "eligible_reform", "eligible_change",
                   "cost_baseline", "cost_reform", "cost_change",
                   "cost_unconfirmed_baseline", "cost_unconfirmed_reform")
_SUMS = ("people", "eligible_baseline", "eligible_reform", "cost_baseline", "cost_reform",
         "cost_unconfirmed_baseline", "cost_unconfirmed_reform")

_LABELS = {
    "vi": {"outside": "Ngoài tỉnh", "total": "Tổng cộng", "other": "Khác"},
    "en": {"outside": "Outside the province", "total": "Total", "other": "Other"},
}


def _lang(lang):
    if lang not in _LABELS:
        raise InvalidArgumentError("lang must be 'vi' or 'en', not %s" % shown(lang))
    return lang


# ---------------------------------------------------------------- changes

_CHANGE_RE = _re.compile(r"^\s*(?P<key>[^=@\s]+)\s*=\s*(?P<value>[^@]+?)\s*"
                         r"@\s*(?P<since>\S+)\s*$")
_SUFFIX = {"": 1, "k": 10 ** 3, "K": 10 ** 3, "M": 10 ** 6, "B": 10 ** 9, "G": 10 ** 9}


#: Characters a number of a change may have (int64 has 19 digits; a factor
#: needs few): a longer one is refused before it is converted.
_NUMBER_MAX = 64


def _number(text, what):
    t = text.strip().replace("_", "")
    if len(t) > _NUMBER_MAX:
        raise InvalidArgumentError("%s %s is too long for a number (at most %d characters)"
                                   % (what, shown(text), _NUMBER_MAX))
    if _re.fullmatch(r"\d{1,3}(,\d{3})+", t):
        t = t.replace(",", "")
    m = _re.fullmatch(r"(\d+)/(\d+)", t)
    if m and int(m.group(2)):
        return _fractions.Fraction(int(m.group(1)), int(m.group(2)))
    m = _re.fullmatch(r"(\d+(?:\.\d+)?)([kKMBG]?)", t)
    if not m:
        raise InvalidArgumentError("%s %s is not a number such as 200000000, 200_000_000, "
                                   "200M or 1.1" % (what, shown(text)))
    return _fractions.Fraction(m.group(1)) * _SUFFIX[m.group(2)]


class Change:
    """One what-if change: ``op`` is "set" (value), "scale" (multiply by
    value, a Fraction) or "end"; it applies from ``since`` (a date) to
    every parameter whose key matches ``key`` (a glob)."""

    __slots__ = ("key", "op", "value", "since")

    def __init__(self, key, op, value, since):
        if op not in ("set", "scale", "end"):
            raise InvalidArgumentError("op must be 'set', 'scale' or 'end', not %s" % shown(op))
        self.key = _c.key(key)
        self.op = op
        if op == "set":
            self.value = _c.integer(value, "value")
        elif op == "scale":
            if _c.is_bool(value) or not isinstance(value, (int, float, _fractions.Fraction,
                                                            str)):
                raise ArgumentTypeError("a scale factor must be a number, not %s"
                                        % _c._typename(value))
            self.value = _fractions.Fraction(value) if not isinstance(value, str) \
                else _number(value, "factor")
            if self.value < 0:
                raise InvalidArgumentError("a scale factor must be >= 0")
        else:
            self.value = None
        self.since = _c.to_date(_c.date(since, "since"))

    @classmethod
    def parse(cls, text):
        """``KEY=VALUE@DATE``, ``KEY=*FACTOR@DATE``, ``KEY=+PCT%@DATE`` or
        ``KEY=end@DATE``."""
        if isinstance(text, Change):
            return text
        if isinstance(text, (tuple, list)) and len(text) == 3:
            return cls(text[0], "set", text[1], text[2])
        if not isinstance(text, str):
            raise ArgumentTypeError("a change must be a str such as "
                                    "'attraction.amount.district=200M@2025-01-01', not %s"
                                    % _c._typename(text))
        m = _CHANGE_RE.match(text)
        if not m:
            raise InvalidArgumentError(
                "%s is not a change KEY=VALUE@DATE, KEY=*FACTOR@DATE, KEY=+PCT%%@DATE or "
                "KEY=end@DATE (e.g. attraction.amount.district=200M@2025-01-01)" % shown(text))
        key, value, since = m.group("key", "value", "since")
        value = value.strip()
        if value[:1] in ("*", "x", "×"):
            return cls(key, "scale", _number(value[1:], "factor"), since)
        if value[:1] in ("+", "-") and value.endswith("%"):
            pct = _number(value[1:-1], "percentage") / 100
            return cls(key, "scale", 1 + pct if value[0] == "+" else 1 - pct, since)
        if value.lower() in ("end", "none", "null"):
            return cls(key, "end", None, since)
        v = _number(value, "value")
        if v.denominator != 1:
            raise InvalidArgumentError("value %s is not a whole number" % shown(value))
        return cls(key, "set", int(v), since)

    def keys(self, policy):
        """The parameter keys of *policy* this change applies to."""
        if any(ch in self.key for ch in "*?["):
            keys = [k for k in policy.keys() if _fnmatch.fnmatchcase(k, self.key)]
            if not keys:
                raise NotFoundError("no parameter matches %s" % shown(self.key))
            return keys
        if self.key not in policy:
            raise unknown_key(self.key)
        return [self.key]

    def apply(self, policy):
        """Applies the change to *policy* (modifies it)."""
        for key in self.keys(policy):
            if self.op == "end":
                policy.end(key, self.since)
            elif self.op == "set":
                policy.set(key, self.value, self.since)
            else:
                old = policy.get(key, self.since)
                policy.set(key, (old * self.value.numerator) // self.value.denominator,
                           self.since)

    def __str__(self):
        if self.op == "end":
            return "%s=end@%s" % (self.key, self.since.isoformat())
        if self.op == "scale":
            return "%s=*%s@%s" % (self.key, _decimal(self.value), self.since.isoformat())
        return "%s=%d@%s" % (self.key, self.value, self.since.isoformat())

    def __repr__(self):
        return "Change(%r)" % str(self)

    def __eq__(self, other):
        return isinstance(other, Change) and str(self) == str(other)

    def __hash__(self):
        return hash(str(self))

    def __reduce__(self):
        return (Change.parse, (str(self),))   # exact: see _decimal


def _decimal(f):
    """A Fraction as exact text: "1.1" when it has a finite decimal
    expansion, else "1/3" (both read back by _number)."""
    d = f.denominator
    k = 0
    while d % 2 == 0 or d % 5 == 0:
        d //= 2 if d % 2 == 0 else 5
        k += 1
    if d != 1:
        return "%d/%d" % (f.numerator, f.denominator)
    scaled = f * 10 ** k
    text = str(scaled.numerator).rjust(k + 1, "0")
    if k:
        text = (text[:-k] + "." + text[-k:]).rstrip("0").rstrip(".")
    return text


def parse_change(text):
    """A :class:`Change` from ``KEY=VALUE@DATE``, ``KEY=*FACTOR@DATE``,
    ``KEY=+PCT%@DATE`` or ``KEY=end@DATE`` (or a ``(key, value, since)``
    tuple)."""
    return Change.parse(text)


def _changes(changes):
    if changes is None:
        return ()
    if isinstance(changes, (str, Change)):
        changes = [changes]
    elif isinstance(changes, tuple) and len(changes) == 3 and isinstance(changes[0], str) \
            and "=" not in changes[0] and not isinstance(changes[1], (str, tuple, Change)):
        changes = [changes]   # one (key, value, since)
    return tuple(Change.parse(c) for c in changes)


# ------------------------------------------------------------ policy specs

_cache = {}
_cache_lock = _threading.Lock()


class PolicySpec:
    """A policy as a recipe that can be pickled: the built-in policy, a JSON
    document (text) or a file, plus changes. :meth:`build` makes the
    policy, once per process (later calls return the same object, which
    must then only be read: evaluate, never ``set``)."""

    __slots__ = ("source", "changes")

    def __init__(self, source="default", changes=()):
        if not (source == "default" or (isinstance(source, tuple) and len(source) == 2 and
                                        source[0] in ("json", "path"))):
            raise InvalidArgumentError("source must be 'default', ('json', text) or "
                                       "('path', path)")
        self.source = source
        self.changes = _changes(changes)

    @classmethod
    def default(cls, changes=()):
        """The built-in policy plus *changes*."""
        return cls("default", changes)

    @classmethod
    def from_json(cls, text, changes=()):
        """A policy document (str) plus *changes*."""
        return cls(("json", text), changes)

    @classmethod
    def load(cls, path, changes=()):
        """A policy document read from *path* by each process, plus *changes*."""
        return cls(("path", _os.fspath(path)), changes)

    def with_changes(self, *changes):
        """This spec with more changes applied after its own."""
        return PolicySpec(self.source, self.changes + _changes(changes))

    def _key(self):
        return (self.source, tuple(str(c) for c in self.changes))

    def build(self):
        """The policy (cached per process)."""
        key = self._key()
        p = _cache.get(key)
        if p is None:
            with _cache_lock:
                p = _cache.get(key)
                if p is None:
                    p = self.fresh()
                    _cache[key] = p
        return p

    def fresh(self):
        """A new policy from the recipe (not cached; yours to modify)."""
        if self.source == "default":
            p = Policy.default()
        elif self.source[0] == "json":
            p = Policy.parse(self.source[1])
        else:
            p = Policy.load(self.source[1])
        for c in self.changes:
            c.apply(p)
        return p

    def describe(self):
        """The changes as text ("" for none)."""
        return "; ".join(str(c) for c in self.changes)

    def __eq__(self, other):
        return isinstance(other, PolicySpec) and self._key() == other._key()

    def __hash__(self):
        return hash(self._key())

    def __repr__(self):
        src = "default" if self.source == "default" else self.source[0]
        return "PolicySpec(%s%s)" % (src, ", " + self.describe() if self.changes else "")

    def __reduce__(self):
        return (PolicySpec, (self.source, tuple(str(c) for c in self.changes)))


def reform(base=None, *changes):
    """A new policy: a copy of *base* (default: the built-in policy) with
    *changes* applied (strings ``KEY=VALUE@DATE`` ..., or Change)."""
    p = _policy(base).copy()
    for c in _changes(changes):
        c.apply(p)
    return p


def _policy(x):
    if x is None:
        return Policy.default()
    if isinstance(x, Policy):
        return x
    if isinstance(x, PolicySpec):
        return x.build()
    raise ArgumentTypeError("a policy must be a nhanluc.Policy or a PolicySpec, not %s"
                            % _c._typename(x))


def _resolve(baseline, reform_):
    """(baseline policy, reform policy, the reform's changes when known)."""
    base = _policy(baseline)
    if isinstance(reform_, Policy):
        return base, reform_, ()
    if isinstance(reform_, PolicySpec):
        return base, reform_.build(), reform_.changes
    changes = _changes(reform_)
    if isinstance(baseline, PolicySpec):
        return base, baseline.with_changes(*changes).build(), changes
    p = base.copy()
    for c in changes:
        c.apply(p)
    return base, p, changes


def _change_text(change, policy, lang):
    """A change in words: "attraction.amount.district = 200.000.000 đ từ
    2025-01-01"."""
    d = change.since.isoformat()
    if change.op == "end":
        return ("%s: hết hiệu lực từ %s" if lang == "vi" else "%s: ends on %s") % (change.key, d)
    if change.op == "scale":
        f = change.value
        x = ("%.4f" % float(f)).rstrip("0").rstrip(".")
        x = x.replace(".", ",") if lang == "vi" else x
        return ("%s × %s từ %s" if lang == "vi" else "%s × %s from %s") % (change.key, x, d)
    try:
        unit = policy.parameter(change.keys(policy)[0]).unit
    except (LookupError, ValueError):
        unit = ""
    v = format_vnd(change.value, lang) if unit.startswith("VND") else _int(change.value, lang)
    return ("%s = %s từ %s" if lang == "vi" else "%s = %s from %s") % (change.key, v, d)


# ----------------------------------------------------------- evaluation

def _kind(kind):
    if kind not in _batch.KINDS:
        raise InvalidArgumentError("kind must be one of %s, not %s"
                                   % (", ".join(_batch.KINDS), shown(kind)))
    return kind


def _default_by(kind, by):
    if by is not None and not isinstance(by, str):
        raise ArgumentTypeError(
            "by must be the name of one column (a str), 'auto' or None, not %s%s" % (
                _c._typename(by), "; to group by several columns, join them into one "
                "first, e.g. df['a'].astype(str) + '/' + df['b'].astype(str)"
                if isinstance(by, (list, tuple)) else ""))
    if by == "auto":
        return "workplace" if kind == "attraction" else None
    return by


def _workplace_groups(policy):
    """Group labels ("080", ..., "02647", ..., "outside") and a code ->
    group table over the batch's int16 codes. A code that names two units
    over time (a district, later a commune) is one group, labelled by the
    first."""
    labels, table = [], None
    seen = {}
    for w in policy.workplaces():
        if w.code not in seen:
            seen[w.code] = len(labels)
            labels.append(w.gso_code)
    table = np.full(32768, len(labels), np.int16)
    for code, g in seen.items():
        if code < 32768:
            table[code] = g
    return labels + ["outside"], table


def _group_codes(pr, data, by, columns, policy):
    """(labels, codes per record) for grouping by *by*."""
    n = pr.n
    if by is None:
        return ["total"], np.zeros(n, np.int16)
    if by == "workplace" and "workplace" in pr.arrays:
        labels, table = _workplace_groups(policy)
        w = pr.arrays["workplace"]
        return labels, table[np.clip(w, 0, 32767)]
    src = (columns or {}).get(by, by)
    if data is None or src not in list(data.keys()):
        raise InvalidArgumentError("cannot group by %s: no such column in the population"
                                   % shown(by))
    values = np.asarray(data[src].to_numpy() if hasattr(data[src], "to_numpy")
                        else data[src])
    codes, uniques = _batch._factorize(values)
    labels = [str(u) for u in uniques]
    if (codes < 0).any():
        labels.append("missing")
        codes = np.where(codes < 0, len(labels) - 1, codes)
    return labels, codes.astype(np.intp)


def _group_sums(codes, groups, arrays):
    """Exact sums of each array per group, as lists of Python ints (sort
    once, reduceat). Sums that may pass int64 (an extreme what-if amount
    times many people) are made from the values' 32-bit halves, each
    summed in int64 without overflow, so that no total ever wraps around."""
    counts = np.bincount(codes, minlength=groups)
    order = np.argsort(codes, kind="stable")
    starts = np.concatenate(([0], np.cumsum(counts)[:-1]))
    nonempty = counts > 0
    most = int(counts.max(initial=0))
    out = []
    for a in arrays:
        a = a.astype(np.int64, copy=False)
        if not nonempty.any():
            out.append([0] * groups)
            continue
        sorted_a = a[order]
        big = max(abs(int(a.max(initial=0))), abs(int(a.min(initial=0))))
        if big * most <= _INT64_MAX:   # no partial sum can overflow: one pass
            s = np.zeros(groups, np.int64)
            s[nonempty] = np.add.reduceat(sorted_a, starts[nonempty])
            out.append([int(x) for x in s])
            continue
        # hi in [-2**31, 2**31), lo in [0, 2**32): over slices of 2**30
        # records, both sums stay within int64; Python ints add them up.
        total = [0] * groups
        sorted_codes = codes[order]
        step = 1 << 30
        for at in range(0, len(sorted_a), step):
            part = sorted_a[at:at + step]
            pgroups, pstarts = np.unique(sorted_codes[at:at + step], return_index=True)
            hi = np.add.reduceat(part >> 32, pstarts)
            lo = np.add.reduceat(part & 0xFFFFFFFF, pstarts)
            for g, h, l in zip(pgroups.tolist(), hi.tolist(), lo.tolist()):
                total[g] += (h << 32) + l
        out.append(total)
    return counts.astype(np.int64), out


_INT64_MIN, _INT64_MAX = -(1 << 63), (1 << 63) - 1


def _int_frame_columns(frame, columns):
    """*columns* of *frame* as int64 when every value fits, else as Python
    ints (object): exact, never wrapped."""
    types = {}
    for c in columns:
        values = frame[c].tolist()
        if all(_INT64_MIN <= int(v) <= _INT64_MAX for v in values):
            types[c] = np.int64
        else:
            types[c] = object
            frame[c] = [int(v) for v in values]
    return frame.astype(types)


def _evaluate(population, base, ref, kind, by, threads, columns):
    """Both policies over one population: (partial sums, baseline result,
    reform result)."""
    k = _batch._KINDS[kind]
    _batch._check_threads(threads)
    cols = {}
    data = population
    if isinstance(population, dict) or _batch._is_pandas(population):
        pass
    elif population is not None:
        raise ArgumentTypeError("population must be a DataFrame or a dict of columns, not %s"
                                % _c._typename(population))
    pr = _batch._prepare(k, data, columns, cols, _batch._handle(base))
    res_b = _batch._run(pr, _batch._handle(base), threads, True)
    res_r = _batch._run(pr, _batch._handle(ref), threads, True)
    labels, codes = _group_codes(pr, data, by, columns, base)
    cost = k.cost
    unconf_b = np.where(res_b["certainty"] >= 2, res_b[cost], 0)
    unconf_r = np.where(res_r["certainty"] >= 2, res_r[cost], 0)
    counts, sums = _group_sums(codes, len(labels), [
        res_b["eligible"], res_r["eligible"], res_b[cost], res_r[cost], unconf_b, unconf_r])
    part = {}
    for g, label in enumerate(labels):
        if counts[g] == 0 and not (by == "workplace"):
            continue
        part[label] = [int(counts[g])] + [s[g] for s in sums]
    return part, pr, res_b, res_r


def partial(population, baseline=None, reform=None, *, kind="attraction", by="auto",
            threads=0, columns=None):
    """Sums of one partition: {group: [people, eligible_baseline,
    eligible_reform, cost_baseline, cost_reform, cost_unconfirmed_baseline,
    cost_unconfirmed_reform]}. *baseline* and *reform* as for
    :func:`compare` (use :class:`PolicySpec` in distributed runs)."""
    kind = _kind(kind)
    base, ref, _ = _resolve(baseline, reform)
    return _evaluate(population, base, ref, kind, _default_by(kind, by), threads, columns)[0]


def partial_frame(population, baseline=None, reform=None, *, kind="attraction", by="auto",
                  threads=0, columns=None):
    """:func:`partial` as a pandas DataFrame (one row per group, columns
    ``group`` and the sums): the function to give Dask's map_partitions."""
    part = partial(population, baseline, reform, kind=kind, by=by, threads=threads,
                   columns=columns)
    return _partial_to_frame(part)


def _partial_to_frame(part):
    import pandas as pd
    frame = pd.DataFrame([[g] + v for g, v in part.items()], columns=("group",) + _SUMS)
    return _int_frame_columns(frame, _SUMS)


def combine(partials):
    """Adds up partial sums (dicts from :func:`partial`, or DataFrames from
    :func:`partial_frame`, or one DataFrame concatenating them)."""
    total = {}
    if _batch._is_pandas(partials) and hasattr(partials, "columns"):
        partials = [partials]
    for part in partials:
        if _batch._is_pandas(part):   # rows (group, sums...), a group may repeat
            items = ((row[0], row[1:]) for row in
                     part[["group"] + list(_SUMS)].itertuples(index=False, name=None))
        else:
            items = part.items()
        for g, v in items:
            acc = total.setdefault(g, [0] * len(_SUMS))
            for j, x in enumerate(v):
                acc[j] += int(x)
    return total


def compare(population, reform=None, baseline=None, *, kind="attraction", by="auto",
            threads=0, columns=None, lang="vi", description=None, keep_results=True):
    """Baseline against reform over *population*.

    Args:
        population: a pandas DataFrame or a dict of columns, with the
            columns of *kind* (see :mod:`nhanluc.batch`).
        reform: a Policy, a PolicySpec, or changes to apply to a copy of
            the baseline: a string ``KEY=VALUE@DATE`` (or ``=*FACTOR``,
            ``=+PCT%``, ``=end``), a Change, or a list of them. None: no change.
        baseline: a Policy or PolicySpec (default: the built-in policy).
        kind: "attraction" (default), "expert" or "training".
        by: the column to group by; "auto" (default) is "workplace" for
            the attraction subsidy (every unit of the province, plus
            "outside"), and no grouping (only the total) for the others.
        threads: threads of the library calls (0: one per core).
        columns: {documented name: name in population}.
        lang: "vi" (default) or "en", for the names of the "outside" and
            "total" rows.
        description: text describing the reform (default: its changes).
        keep_results: keep the per-person results (``.baseline``,
            ``.reform``); False saves memory.

    Returns:
        a :class:`Comparison`.

    Raises:
        the errors of :mod:`nhanluc.batch` (the first bad record, with
        ``.index``), and of the changes (NotFoundError for an unknown key).
    """
    kind = _kind(kind)
    lang = _lang(lang)
    base, ref, changes = _resolve(baseline, reform)
    by = _default_by(kind, by)
    part, pr, res_b, res_r = _evaluate(population, base, ref, kind, by, threads, columns)
    cmp = Comparison.from_partials([part], kind=kind, by=by, policy=base, lang=lang,
                                   changes=changes, description=description,
                                   reform_name=ref.name, has_reform=reform is not None)
    if keep_results:
        like = population if _batch._is_pandas(population) else None
        if like is not None:
            res_b, res_r = _batch._frame(res_b, like), _batch._frame(res_r, like)
        cmp.baseline, cmp.reform = res_b, res_r
    return cmp


class Comparison:
    """The outcome of :func:`compare` (or of :meth:`from_partials`).

    Attributes:
        rows: the summary as a list of dicts, one per group then the total,
            with the group (``workplace`` label such as "080", or the value
            of the *by* column), ``name``, and :data:`SUMMARY_COLUMNS`:
            people, eligible_baseline, eligible_reform, eligible_change,
            cost_baseline, cost_reform, cost_change (int đồng),
            cost_unconfirmed_baseline, cost_unconfirmed_reform (the part of
            the cost whose answer rests on an unconfirmed or what-if value).
        summary: the same as a pandas DataFrame (``rows`` without pandas).
        totals: the total row (dict).
        kind, by, description, policy_name, lang.
        baseline, reform: per-person results (as :mod:`nhanluc.batch`
            returns them) when made by :func:`compare`; else None.
    """

    def __init__(self, rows, kind, by, policy, lang, changes=(), description=None,
                 reform_name=None, has_reform=True):
        self.rows = rows
        self.has_reform = has_reform
        self.kind, self.by, self.lang = kind, by, lang
        self.changes = tuple(changes)
        self.description = description
        self.policy_name = policy.name
        self.reform_name = reform_name or policy.name
        self._texts = {lg: "; ".join(_change_text(c, policy, lg) for c in self.changes)
                       for lg in _LABELS}
        self.baseline = self.reform = None

    def reform_text(self, lang=None):
        """The reform in words (its changes, or the description given)."""
        if self.description is not None:
            return self.description
        text = self._texts[_lang(lang or self.lang)]
        if not text and self.reform_name != self.policy_name:
            text = self.reform_name
        return text

    @classmethod
    def from_partials(cls, partials, *, kind="attraction", by="auto", policy=None,
                      lang="vi", changes=(), description=None, reform_name=None,
                      has_reform=True):
        """The comparison from partial sums (:func:`partial`,
        :func:`partial_frame`): the same result as :func:`compare` on the
        whole population. *policy* (the baseline, or a PolicySpec) names
        the workplaces; *changes* (the reform's, or a PolicySpec whose
        changes they are) describe the reform; ``has_reform=False`` shows
        only the baseline in text and chart."""
        kind = _kind(kind)
        lang = _lang(lang)
        by = _default_by(kind, by)
        base = _policy(policy)
        if isinstance(changes, PolicySpec):
            changes = changes.changes
        changes = _changes(changes)
        total = combine(partials)
        labels = _LABELS[lang]
        rows = []
        if by == "workplace":
            names = {w.gso_code: w.name for w in base.workplaces()}
            order = [w.gso_code for w in base.workplaces()] + ["outside"]
            names["outside"] = labels["outside"]
        else:
            order = sorted((g for g in total if g != "total"), key=_natural)
            names = {g: g for g in order}
        group_col = by or "group"
        grand = [0] * len(_SUMS)
        for g in order:
            v = total.get(g, [0] * len(_SUMS))
            grand = [a + b for a, b in zip(grand, v)]
            if by is not None:
                rows.append(_row(group_col, g, names[g], v))
        if by is None and "total" in total:
            grand = total["total"]
        rows.append(_row(group_col, "total", labels["total"], grand))
        return cls(rows, kind, by, base, lang, changes, description, reform_name,
                   has_reform)

    @property
    def summary(self):
        """The summary rows as a DataFrame (a list of dicts without pandas)."""
        try:
            import pandas as pd
        except ImportError:
            return [dict(r) for r in self.rows]
        frame = pd.DataFrame(self.rows)
        return _int_frame_columns(frame, SUMMARY_COLUMNS)

    @property
    def totals(self):
        """The total row."""
        return dict(self.rows[-1])

    def groups(self):
        """The rows without the total."""
        return [dict(r) for r in self.rows[:-1]]

    def to_text(self, lang=None):
        """The summary as an aligned text table (amounts in đồng)."""
        lang = _lang(lang or self.lang)
        head = {"vi": ("Nhóm", "Số người", "Đủ ĐK (hiện hành)", "Đủ ĐK (đề xuất)",
                       "Chi phí hiện hành", "Chi phí đề xuất", "Chênh lệch"),
                "en": ("Group", "People", "Eligible (baseline)", "Eligible (reform)",
                       "Cost baseline", "Cost reform", "Change")}[lang]
        if not self.has_reform:
            head = {"vi": ("Nhóm", "Số người", "Đủ điều kiện", "Chi phí"),
                    "en": ("Group", "People", "Eligible", "Cost")}[lang]
        table = [head]
        for r in self.rows:
            if not self.has_reform:
                table.append((r["name"], _int(r["people"], lang),
                              _int(r["eligible_baseline"], lang),
                              format_vnd(r["cost_baseline"], lang)))
                continue
            table.append((r["name"], _int(r["people"], lang), _int(r["eligible_baseline"], lang),
                          _int(r["eligible_reform"], lang),
                          format_vnd(r["cost_baseline"], lang),
                          format_vnd(r["cost_reform"], lang),
                          format_vnd(r["cost_change"], lang, sign=True)))
        widths = [max(len(row[j]) for row in table) for j in range(len(head))]
        lines = []
        for i, row in enumerate(table):
            cells = [row[0].ljust(widths[0])] + [c.rjust(w) for c, w in zip(row[1:],
                                                                         widths[1:])]
            lines.append("  ".join(cells).rstrip())
            if i == 0:
                lines.append("  ".join("-" * w for w in widths))
        return "\n".join(lines)

    def chart(self, path, lang=None, title=None, dpi=150):
        """Writes a PNG bar chart of the cost by group, baseline against
        reform, with the change per group and the totals; Vietnamese
        (``lang="vi"``, default) or English labels. Needs matplotlib (Agg,
        no display). Returns *path*."""
        return _draw(self, path, _lang(lang or self.lang), title, dpi)

    def __repr__(self):
        t = self.totals
        return ("<Comparison %s by %s: %d people, eligible %d -> %d, cost %d -> %d đồng>"
                % (self.kind, self.by, t["people"], t["eligible_baseline"],
                   t["eligible_reform"], t["cost_baseline"], t["cost_reform"]))


def _natural(label):
    return (0, int(label), label) if label.lstrip("-").isdigit() else (1, 0, label)


def _row(group_col, group, name, v):
    people, eb, er, cb, cr, ub, ur = v
    return {group_col: group, "name": name, "people": people,
            "eligible_baseline": eb, "eligible_reform": er, "eligible_change": er - eb,
            "cost_baseline": cb, "cost_reform": cr, "cost_change": cr - cb,
            "cost_unconfirmed_baseline": ub, "cost_unconfirmed_reform": ur}


# ------------------------------------------------------------- formatting

def _int(n, lang):
    text = "{:,}".format(int(n))
    return text.replace(",", ".") if lang == "vi" else text


def format_vnd(amount, lang="vi", compact=False, sign=False):
    """An amount of đồng as text: ``1.500.000.000 đ`` (vi), ``VND
    1,500,000,000`` (en); *compact*: ``1,5 tỷ đ`` / ``VND 1.5 bn``,
    ``150 triệu đ`` / ``VND 150 m``; *sign*: ``+`` before positive amounts."""
    lang = _lang(lang)
    amount = int(amount)
    s = "+" if sign and amount > 0 else ("-" if amount < 0 else "")
    a = abs(amount)
    if not compact:
        return ("%s%s đ" % (s, _int(a, "vi"))) if lang == "vi" else \
            ("%sVND %s" % (s, _int(a, "en")))
    for size, vi, en in ((10 ** 12, "nghìn tỷ", "tn"), (10 ** 9, "tỷ", "bn"),
                         (10 ** 6, "triệu", "m"), (10 ** 3, "nghìn", "k")):
        if a >= size:
            x = a / size
            text = ("%.2f" % x).rstrip("0").rstrip(".") if x < 100 else "%.0f" % x
            if lang == "vi":
                return "%s%s %s đ" % (s, text.replace(".", ","), vi)
            return "%sVND %s %s" % (s, text, en)
    return ("%s%d đ" % (s, a)) if lang == "vi" else ("%sVND %d" % (s, a))


# ---------------------------------------------------- synthetic populations

_DAY = np.timedelta64(1, "D")

# Where people work (weights): every unit of the province, by rough size,
# and 4% elsewhere: GSO codes of other provinces' district-level units
# (Hà Nội's Ba Đình 001, Hà Giang city 024, Tuyên Quang city 070, Lai Châu
# city 105, Yên Bái city 132), which the rule answers "outside_province".
_WORKPLACES = ((80, 0.28), (82, 0.07), (83, 0.06), (84, 0.04), (85, 0.06), (86, 0.11),
               (87, 0.08), (88, 0.12), (89, 0.14),
               (1, 0.005), (24, 0.01), (70, 0.005), (105, 0.005), (132, 0.015))


def _pick(rng, n, names, weights):
    w = np.asarray(weights, float)
    return rng.choice(len(names), size=n, p=w / w.sum()).astype(np.uint8), names


def _dates(rng, n, first, last):
    lo = np.datetime64(first, "D")
    span = int((np.datetime64(last, "D") - lo) / _DAY) + 1
    return lo + rng.integers(0, span, n).astype("timedelta64[D]")


def synthetic_population(n, seed=0, kind="attraction", as_frame=None):
    """A made-up population of *n* records for examples, tests and
    benchmarks, the same for the same (*n*, *seed*, *kind*).

    - "attraction": candidates for the subsidy: degree (3% none, 12%
      college, 62% bachelor, 20% master, 3% doctor), major (55% IT, 20%
      electronics-telecom, 25% other), agency (68% state, 22% party, 10%
      other), dedicated_post (80%), workplace (every unit of the province
      by rough size, 4% from other provinces), start (uniform over
      2020-07-01..2026-06-30, so some fall outside the 2021-2025 period);
    - "expert": consultants: degree (5% college, 55% bachelor, 33% master,
      7% doctor), experience_years (gamma, mean 8, in half years), role
      (70% member, 20% item lead, 10% team leader), on (2024..2026);
    - "training": claims: dedicated_official (85%), short_concentrated
      (80%), days (1 + geometric, mean 5, at most 60), tuition (lognormal,
      median 4 million đồng), materials, meals (per day), travel (whole
      đồng, rounded to thousands), start (2020-07-01..2026-06-30).

    Each has a ``person`` id column. Enums are names (pandas categoricals
    of "bachelor", "it", ...) in a DataFrame, their codes (uint8, the values
    of nhanluc.Degree, Major, ...) in a dict; dates are datetime64.

    Returns:
        a pandas DataFrame (default when pandas is installed, or
        ``as_frame=True``), else a dict of numpy arrays.
    """
    n = _c.integer(n, "n")
    if n < 0:
        raise InvalidArgumentError("n must be >= 0")
    kind = _kind(kind)
    rng = np.random.default_rng([int(seed), _batch.KINDS.index(kind)])
    cols = {"person": np.arange(1, n + 1, dtype=np.int64)}
    cats = {}
    if kind == "attraction":
        cols["degree"], cats["degree"] = _pick(
            rng, n, ["none", "college", "bachelor", "master", "doctor"],
            [3, 12, 62, 20, 3])
        cols["major"], cats["major"] = _pick(rng, n, ["other", "it", "electronics_telecom"],
                                             [25, 55, 20])
        cols["agency"], cats["agency"] = _pick(rng, n, ["other", "party", "state"],
                                               [10, 22, 68])
        cols["dedicated_post"] = rng.random(n) < 0.8
        codes = np.array([c for c, _ in _WORKPLACES], np.int16)
        w = np.array([p for _, p in _WORKPLACES])
        cols["workplace"] = codes[rng.choice(len(codes), size=n, p=w / w.sum())]
        cols["start"] = _dates(rng, n, "2020-07-01", "2026-06-30")
    elif kind == "expert":
        cols["degree"], cats["degree"] = _pick(
            rng, n, ["none", "college", "bachelor", "master", "doctor"], [0, 5, 55, 33, 7])
        cols["experience_years"] = np.minimum(np.round(rng.gamma(2.0, 4.0, n) * 2) / 2, 40.0)
        cols["role"], cats["role"] = _pick(rng, n, ["member", "item_lead", "team_leader"],
                                           [70, 20, 10])
        cols["on"] = _dates(rng, n, "2024-01-01", "2026-12-31")
    else:
        cols["dedicated_official"] = rng.random(n) < 0.85
        cols["short_concentrated"] = rng.random(n) < 0.8
        days = np.minimum(rng.geometric(0.2, n), 60).astype(np.int32)
        cols["days"] = days
        k = np.int64(1000)
        cols["tuition"] = (np.round(rng.lognormal(np.log(4e6), 0.6, n) / 1000)
                           .astype(np.int64) * k)
        cols["materials"] = np.where(rng.random(n) < 0.4, 0,
                                     rng.integers(100, 1001, n)) .astype(np.int64) * k
        cols["meals"] = days.astype(np.int64) * rng.integers(100, 301, n) * k
        cols["travel"] = np.where(rng.random(n) < 0.3, 0,
                                  rng.integers(200, 4001, n)).astype(np.int64) * k
        cols["start"] = _dates(rng, n, "2020-07-01", "2026-06-30")
    if as_frame is None:
        as_frame = _sys.modules.get("pandas") is not None or _has_pandas()
    if not as_frame:
        return cols   # enum columns: codes in the order of nhanluc.Degree, Major, ...
    import pandas as pd
    frame = {}
    for name, a in cols.items():
        if name in cats:
            frame[name] = pd.Categorical.from_codes(a, categories=cats[name])
        else:
            frame[name] = a
    return pd.DataFrame(frame)


def _has_pandas():
    try:
        import pandas  # noqa: F401
        return True
    except ImportError:
        return False


# ------------------------------------------------------------------ chart

_TITLES = {
    "attraction": {"vi": "Hỗ trợ thu hút nhân lực CNTT: chi phí hiện hành và đề xuất",
                   "en": "IT attraction subsidy: cost, baseline vs reform"},
    "expert": {"vi": "Trần lương chuyên gia tư vấn (tổng mỗi tháng): hiện hành và đề xuất",
               "en": "Expert salary caps (monthly total): baseline vs reform"},
    "training": {"vi": "Hỗ trợ chi phí đào tạo: hiện hành và đề xuất",
                 "en": "Training-cost support: baseline vs reform"},
}
_TITLES_BASELINE = {
    "attraction": {"vi": "Hỗ trợ thu hút nhân lực CNTT: chi phí theo địa bàn",
                   "en": "IT attraction subsidy: cost by workplace"},
    "expert": {"vi": "Trần lương chuyên gia tư vấn (tổng mỗi tháng)",
               "en": "Expert salary caps (monthly total)"},
    "training": {"vi": "Hỗ trợ chi phí đào tạo", "en": "Training-cost support"},
}
_WORDS = {
    "vi": {"baseline": "Hiện hành", "reform": "Đề xuất",
           "axis": {9: "Chi phí (tỷ đồng)", 6: "Chi phí (triệu đồng)"}, "zero": "0 đ",
           "reform_is": "Đề xuất", "no_change": "không thay đổi", "total": "Tổng chi phí",
           "eligible": "người đủ điều kiện", "people": "hồ sơ", "by": "theo",
           "source": "Nguồn: libnhanluc %s, chính sách \u201c%s\u201d.",
           "unconfirmed": "%s chi phí đề xuất dựa trên giá trị chưa xác nhận hoặc giả định.",
           "unconfirmed_base": "%s chi phí dựa trên giá trị chưa xác nhận."},
    "en": {"baseline": "Baseline", "reform": "Reform",
           "axis": {9: "Cost (billion VND)", 6: "Cost (million VND)"}, "zero": "VND 0",
           "reform_is": "Reform", "no_change": "no change", "total": "Total cost",
           "eligible": "people eligible", "people": "records", "by": "by",
           "source": "Source: libnhanluc %s, policy \u201c%s\u201d.",
           "unconfirmed": "%s of the reform cost rests on unconfirmed or what-if values.",
           "unconfirmed_base": "%s of the cost rests on unconfirmed values."},
}


def _billions(x, lang):
    text = ("%.2f" % x).rstrip("0").rstrip(".") if abs(x) < 100 else "{:,.0f}".format(x)
    if lang == "vi":
        text = text.replace(",", " ").replace(".", ",").replace(" ", ".")
    return text


#: Bars a chart shows at most: with more groups, the costliest
#: CHART_GROUPS - 1 and one bar adding up the others.
CHART_GROUPS = 25
_LABEL_MAX = 40
_OTHERS = {"vi": "Các nhóm khác (%s)", "en": "Other groups (%s)"}


def _top_groups(groups, group_col, lang):
    """*groups* when there are at most CHART_GROUPS; else the costliest
    CHART_GROUPS - 1 (in their order) and a row adding up the rest, so a
    chart by a column of many values stays readable (and drawable)."""
    if len(groups) <= CHART_GROUPS:
        return groups
    keep = CHART_GROUPS - 1
    cost = [max(abs(r["cost_baseline"]), abs(r["cost_reform"])) for r in groups]
    top = set(sorted(range(len(groups)), key=lambda i: (-cost[i], i))[:keep])
    rest = [r for i, r in enumerate(groups) if i not in top]
    others = {group_col: None, "name": _OTHERS[lang] % _int(len(rest), lang)}
    for c in SUMMARY_COLUMNS:
        others[c] = sum(r[c] for r in rest)
    return [r for i, r in enumerate(groups) if i in top] + [others]


def _draw(cmp, path, lang, title, dpi):
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure
    from matplotlib.ticker import FuncFormatter
    from . import library_version

    w = _WORDS[lang]
    groups = [r for r in cmp.groups() if r["people"] > 0] or [cmp.totals]
    if cmp.by is None:
        groups = [cmp.totals]
    groups = _top_groups(groups, cmp.by or "group", lang)
    total = cmp.totals
    labels = []
    for r in groups:
        key = r.get(cmp.by or "group", "")
        if cmp.by == "workplace" and key not in ("outside", "total", None):
            labels.append("%s (%s)" % (r["name"], key))
        else:
            name = str(r["name"])
            labels.append(name if len(name) <= _LABEL_MAX else name[:_LABEL_MAX - 1] + "…")
    base = np.array([r["cost_baseline"] for r in groups], float)
    ref = np.array([r["cost_reform"] for r in groups], float)
    # Billions of đồng, or millions when every bar is under a billion.
    exp = 9 if max(float(np.max(base, initial=0)), float(np.max(ref, initial=0))) >= 1e9 else 6
    base, ref = base / 10 ** exp, ref / 10 ** exp

    height = max(3.8, 1.6 + 0.48 * len(groups))
    fig = Figure(figsize=(11, height + 1.6), dpi=dpi)
    FigureCanvasAgg(fig)
    ax = fig.add_axes([0.27, 0.20 * 4.0 / (height + 1.6), 0.62, 1 - 2.0 / (height + 1.6)])
    y = np.arange(len(groups))[::-1]
    reform = cmp.has_reform
    bar = 0.38 if reform else 0.6
    if reform:
        ax.barh(y + bar / 2, base, bar, label=w["baseline"], color="#8da0cb")
        ax.barh(y - bar / 2, ref, bar, label=w["reform"], color="#fc8d62")
    else:
        ax.barh(y, base, bar, color="#8da0cb")
        for yi, r, x in zip(y, groups, base):
            if r["cost_baseline"]:
                ax.text(x + max(float(np.max(base, initial=0)), 1e-9) * 0.01, yi,
                        format_vnd(r["cost_baseline"], lang, compact=True), va="center",
                        fontsize=8.5)
    ax.set_yticks(y)
    ax.set_yticklabels(labels, fontsize=9.5)
    ax.xaxis.set_major_formatter(FuncFormatter(lambda x, _: _billions(x, lang)))
    ax.set_xlabel(w["axis"][exp], fontsize=10)
    ax.grid(axis="x", color="#dddddd", linewidth=0.8)
    ax.set_axisbelow(True)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    top = max(float(np.max(base, initial=0)), float(np.max(ref, initial=0)), 1e-9)
    ax.set_xlim(0, top * 1.22)
    for yi, r, x in zip(y, groups, np.maximum(base, ref)):
        change = r["cost_change"]
        if not r["cost_baseline"] and not r["cost_reform"]:
            ax.text(top * 0.01, yi, w["zero"], va="center", fontsize=8.5, color="#666666")
        elif change and reform:
            ax.text(x + top * 0.01, yi - bar / 2, format_vnd(change, lang, compact=True,
                                                            sign=True),
                    va="center", fontsize=8.5, fontweight="bold",
                    color="#1a7f37" if change < 0 else "#b3261e")
    if reform:
        ax.legend(loc="lower right", fontsize=9, frameon=False)

    default_title = _TITLES[cmp.kind][lang] if reform else _TITLES_BASELINE[cmp.kind][lang]
    fig.suptitle(title or default_title, x=0.02, ha="left", fontsize=14,
                 fontweight="bold", y=0.985)
    eligible_word = "People eligible" if lang == "en" else "Người đủ điều kiện"
    if reform:
        line1 = "%s: %s" % (w["reform_is"], cmp.reform_text(lang) or w["no_change"])
        line2 = "%s: %s → %s (%s) · %s: %s → %s · %s %s" % (
            w["total"], format_vnd(total["cost_baseline"], lang, compact=True),
            format_vnd(total["cost_reform"], lang, compact=True),
            format_vnd(total["cost_change"], lang, compact=True, sign=True),
            eligible_word, _int(total["eligible_baseline"], lang),
            _int(total["eligible_reform"], lang), _int(total["people"], lang), w["people"])
    else:
        line1 = "%s: %s (%s) · %s: %s · %s %s" % (
            w["total"], format_vnd(total["cost_baseline"], lang, compact=True),
            format_vnd(total["cost_baseline"], lang), eligible_word,
            _int(total["eligible_baseline"], lang), _int(total["people"], lang), w["people"])
        line2 = ""
    fig.text(0.02, 1 - 0.62 / (height + 1.6), line1, fontsize=9.5, color="#333333")
    if line2:
        fig.text(0.02, 1 - 0.92 / (height + 1.6), line2, fontsize=9.5, color="#333333")
    foot = w["source"] % (library_version(), cmp.policy_name)
    which = "reform" if reform else "baseline"
    if total["cost_" + which]:
        share = total["cost_unconfirmed_" + which] / total["cost_" + which]
        if share > 0:
            pct = ("%.0f%%" % (share * 100)) if lang == "en" else \
                ("%.0f%%" % (share * 100)).replace(".", ",")
            foot += " " + (w["unconfirmed"] if reform else w["unconfirmed_base"]) % pct
    fig.text(0.02, 0.018, foot, fontsize=8, color="#666666")
    fig.savefig(_os.fspath(path), dpi=dpi, facecolor="white")
    return path
