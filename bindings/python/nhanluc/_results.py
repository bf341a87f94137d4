"""Read-only records returned by Policy: rule answers, parameters, workplaces.

Each record copies everything it holds at creation (amounts, reason, source
text, certainty, dates): none keeps a pointer into the policy, so a record
stays valid after the policy is changed or garbage-collected.

Records are immutable, compare equal field by field, have a ``repr`` and a
:meth:`to_dict` of plain Python values (enum labels become ``str``).
"""

import enum as _enum

from . import capi as _capi
from ._enums import Certainty, Reason, _reason_message

__all__ = ["Result", "ParameterValue", "Parameter", "Workplace"]


def _plain(v):
    if isinstance(v, _enum.Enum):
        return str(v)
    if isinstance(v, _Record):
        return v.to_dict()
    if isinstance(v, tuple):
        return [_plain(x) for x in v]
    return v


def _shown(v):
    # repr: labels as their names, nested records as themselves.
    if isinstance(v, _enum.Enum):
        return str(v)
    if isinstance(v, tuple):
        return list(v)
    return v


class _Record:
    __slots__ = ()
    _fields = ()

    def __init__(self, **fields):
        missing = [f for f in self._fields if f not in fields]
        extra = [f for f in fields if f not in self._fields]
        if missing or extra:
            raise TypeError("%s() needs exactly the fields %s" % (
                type(self).__name__, ", ".join(self._fields)))
        for f in self._fields:
            object.__setattr__(self, f, fields[f])

    @classmethod
    def _make(cls, *values):
        self = object.__new__(cls)
        for f, v in zip(cls._fields, values):
            object.__setattr__(self, f, v)
        return self

    def __setattr__(self, name, value):
        raise AttributeError("%s is read-only" % type(self).__name__)

    def __delattr__(self, name):
        raise AttributeError("%s is read-only" % type(self).__name__)

    def _values(self):
        return tuple(getattr(self, f) for f in self._fields)

    def to_dict(self):
        """The fields as a dict of plain values (str for enum labels,
        datetime.date for dates, lists of dicts for nested records)."""
        return {f: _plain(getattr(self, f)) for f in self._fields}

    def __eq__(self, other):
        if type(other) is not type(self):
            return NotImplemented
        return self._values() == other._values()

    def __hash__(self):
        return hash((type(self), self._values()))

    def __repr__(self):
        return "%s(%s)" % (type(self).__name__, ", ".join(
            "%s=%r" % (f, _shown(getattr(self, f))) for f in self._fields))

    def __reduce__(self):
        return (_rebuild, (type(self), self._values()))


def _rebuild(cls, values):
    return cls._make(*values)


class Result(_Record):
    """Common part of every rule answer (one subclass per family, made from
    its C declaration by nhanluc._rules: ``AttractionSubsidyResult``, ...).

    Attributes:
        eligible: True when every condition is met (``reason == "ok"``).
        reason: a :class:`Reason`; a str equal to its stable name ("ok",
            "degree", "outside_province", ...), with ``.code`` the C value.
        source: citation of the legal text of the deciding value (str).
        certainty: a :class:`Certainty` ("confirmed", "reported",
            "unconfirmed", "user"): the weakest certainty of the values the
            answer used. "unconfirmed" means it rests on a placeholder.
    """
    __slots__ = ()

    def message(self, lang="vi"):
        """The reason as a sentence in Vietnamese (``"vi"``, default) or
        English (``"en"``), as the policy that answered states the condition
        on the rule's date: with ``attraction.min_degree`` set to "master",
        "... (a master's degree or higher)." (``nl_rule_reason_text``). A
        record made by hand or unpickled has no policy: the reason's fixed
        text (``Reason.message``)."""
        text = _reason_message(self.reason.code, lang)   # checks lang
        handle = getattr(self, "_handle", None)
        if handle is None:
            return text
        return _capi.nl_py_reason_text(handle, self._rule_index, self.reason.code, self._on,
                                       lang)


class ParameterValue(_Record):
    """One dated value of a policy parameter.

    Attributes:
        since: first day the value applies (datetime.date).
        value: the value (int), or None when this entry ends the parameter.
        ended: True when the parameter is not in force from ``since``.
        source: citation of the legal text (str).
        source_url: where the text was seen ("" if none).
        status: a :class:`Certainty` ("confirmed", "reported",
            "unconfirmed", or "user" for what-if values); also readable as
            ``certainty``.
    """
    _fields = ("since", "value", "ended", "source", "source_url", "status")
    __slots__ = _fields

    @property
    def certainty(self):
        """Same as :attr:`status`."""
        return self.status


class Parameter(_Record):
    """A policy parameter with its dated values.

    Attributes:
        key: e.g. "expert.cap.level1".
        unit: "VND", "VND/month", "years", "bp", "count", "bool", ...
        description: what the parameter is (Vietnamese / English).
        values: tuple of :class:`ParameterValue`, by date.
    """
    _fields = ("key", "unit", "description", "values")
    __slots__ = _fields


class Workplace(_Record):
    """A workplace unit of the province's dated catalogue: a pre-2025
    district-level unit or a commune of the merged province (from
    2025-07-01); ``tier`` is None for a commune the library cannot tier
    (formed from units of different tiers, or outside the policy's area).

    Attributes:
        code: GSO code as an int (80 for "080").
        name: e.g. "Thành phố Lào Cai".
        tier: amount tier, e.g. "city_town" or "district"; the subsidy amount
            is the parameter "attraction.amount.<tier>".
    """
    _fields = ("code", "name", "tier")
    __slots__ = _fields

    @property
    def gso_code(self):
        """The code as written in the GSO catalogue: three digits for a
        district-level unit ("088"), five for a commune ("02647")."""
        return "%03d" % self.code if self.code < 1000 else "%05d" % self.code
