"""Reforms: parsing KEY=VALUE@DATE changes, PolicySpec, reform().

Part of :mod:`nhanluc.scenario`, which re-exports its names."""

import fnmatch as _fnmatch
import fractions as _fractions
import os as _os
import re as _re
import threading as _threading
from .. import _convert as _c
from .._errors import (ArgumentTypeError, InvalidArgumentError, NotFoundError, shown,
                      unknown_key)
from .._policy import Policy

from ._money import _int, format_vnd


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
