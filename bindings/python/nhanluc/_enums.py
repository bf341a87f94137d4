"""Enumerations: rule inputs (IntEnum) and answer labels (str enums).

Inputs -- :class:`Degree`, :class:`Major`, :class:`Agency`, :class:`Role` --
are ``enum.IntEnum`` with the C values; wherever one is expected, the member,
its lower-case name (``"bachelor"``, ``"electronics_telecom"``; case and
``-``/space for ``_`` do not matter) or its int value is accepted.
``str(Degree.BACHELOR)`` is ``"bachelor"``.

Answer labels -- :class:`Reason`, :class:`Certainty` -- are ``str``
enums: each member *is* its stable name, so ``result.reason == "degree"``
and ``json.dumps(result.reason)`` work, and ``.code`` gives the C value.
"""

import enum

from . import capi as _capi
from ._errors import ArgumentTypeError, InvalidArgumentError, shown

__all__ = ["Degree", "Major", "Agency", "Role", "Reason", "Certainty"]


class _InputEnum(enum.IntEnum):
    def __str__(self):
        return self.name.lower()

    @classmethod
    def _missing_(cls, value):
        # Degree("bachelor") works like Degree["BACHELOR"].
        if isinstance(value, str):
            key = value.strip().upper().replace("-", "_").replace(" ", "_")
            member = cls.__members__.get(key)
            if member is not None:
                return member
        return None


class Degree(_InputEnum):
    """Highest degree held (``nl_degree``)."""
    NONE = _capi.NL_DEGREE_NONE            #: none, or below college
    COLLEGE = _capi.NL_DEGREE_COLLEGE      #: cao đẳng
    BACHELOR = _capi.NL_DEGREE_BACHELOR    #: đại học (university degree)
    MASTER = _capi.NL_DEGREE_MASTER        #: thạc sĩ
    DOCTOR = _capi.NL_DEGREE_DOCTOR        #: tiến sĩ


def _declared(field, doc):
    """The IntEnum of the code list the rule declarations give input *field*
    (values 0..n-1 in the declared order, members the codes in upper case):
    the C enums behind them belong to their families' headers, which the
    low-level module does not wrap."""
    for decl in _capi.nl_py_rules():
        for f in decl["inputs"]:
            if f["name"] == field and f["codes"]:
                cls = _InputEnum(field.capitalize(),
                                 [(c.upper(), i) for i, c in enumerate(f["codes"])],
                                 module="nhanluc")
                cls.__doc__ = doc
                return cls
    raise ImportError("no rule family declares the code list %r" % field)


#: Major of the degree (``nl_major``): OTHER, IT (công nghệ thông tin),
#: ELECTRONICS_TELECOM (điện tử viễn thông).
Major = _declared("major", "Major of the degree (``nl_major``): OTHER, IT (công nghệ "
                           "thông tin), ELECTRONICS_TELECOM (điện tử viễn thông).")
#: Kind of employing agency (``nl_agency``): OTHER, PARTY (cơ quan Đảng),
#: STATE (cơ quan Nhà nước).
Agency = _declared("agency", "Kind of employing agency (``nl_agency``): OTHER, PARTY "
                             "(cơ quan Đảng), STATE (cơ quan Nhà nước).")
#: Role of a hired consultant in the work package (``nl_role``): MEMBER,
#: ITEM_LEAD (leads work items), TEAM_LEADER (leads the whole package).
Role = _declared("role", "Role of a hired consultant in the work package (``nl_role``): "
                         "MEMBER, ITEM_LEAD (leads work items), TEAM_LEADER (leads the "
                         "whole package).")


class _Label(str, enum.Enum):
    """A str enum whose members are their stable names; .code is the C value."""

    def __str__(self):
        return str.__str__(self)

    def __format__(self, spec):
        return str.__format__(str(self), spec)

    @property
    def code(self):
        """The C enum value."""
        return type(self)._codes[self]

    @classmethod
    def from_code(cls, code):
        """The member for C value *code* (InvalidArgumentError, a
        ValueError, if unknown)."""
        if type(code) is int and 0 <= code < len(cls._by_code):
            return cls._by_code[code]
        raise InvalidArgumentError("%s is not a %s code" % (shown(code), cls.__name__))


class _ReasonBase(_Label):
    """Why a rule decided as it did (``nl_reason``; the values are
    ``nl_reason_name``). ``OK`` means the person qualifies; any other value
    names the first condition not met. Not qualifying is an answer, never an
    exception. The members are the C library's reasons, read from it
    (``OK``, ``NOT_IN_FORCE``, ``DEGREE``, ``MAJOR``, ``AGENCY``,
    ``NOT_DEDICATED``, ``OUTSIDE_PROVINCE``, ``COURSE_KIND``,
    ``OUTSIDE_AREA``, ``AMBIGUOUS_WORKPLACE``, and any the library adds);
    each rule's own, in the order it checks them, are in
    ``nhanluc.rules[i].reasons``."""

    def message(self, lang="vi"):
        """The reason in Vietnamese (``"vi"``) or English (``"en"``)."""
        return _reason_message(self.code, lang)


#: The reasons, made from the library's own list (nl_reason_name), so a
#: reason added in C needs no change here.
Reason = _ReasonBase("Reason", [(_capi.nl_reason_name(c).upper(), _capi.nl_reason_name(c))
                                for c in range(_capi.NL_REASON_COUNT)], module=__name__)
Reason.__doc__ = _ReasonBase.__doc__


class Certainty(_Label):
    """How sure the policy data is of a value (``nl_certainty``). A rule
    answer carries the weakest certainty of the values it used."""
    CONFIRMED = "confirmed"       #: seen in the legal instrument named
    REPORTED = "reported"         #: seen only in press reports
    UNCONFIRMED = "unconfirmed"   #: placeholder: the value is not known
    USER = "user"                 #: set by the caller (Policy.set / end)


def _link(cls, count, name_of):
    """Maps C codes 0..count-1 to members through the C names, so the two
    can never drift apart unnoticed (a C name missing here fails import)."""
    by_code = []
    for code in range(count):
        by_code.append(cls(name_of(code)))
    cls._by_code = tuple(by_code)
    cls._codes = {m: c for c, m in enumerate(by_code)}


_link(Reason, _capi.NL_REASON_COUNT, _capi.nl_reason_name)
_link(Certainty, len(Certainty), _capi.nl_certainty_name)


def _reason_message(code, lang):
    if not isinstance(lang, str):
        raise ArgumentTypeError("lang must be 'vi' or 'en', not %s" % type(lang).__name__)
    from ._convert import text as _text   # here: _convert imports this module
    text = _capi.nl_reason_message(code, _text(lang, "lang"))
    if text is None:
        raise InvalidArgumentError("lang must be 'vi' or 'en', not %s" % shown(lang))
    return text
