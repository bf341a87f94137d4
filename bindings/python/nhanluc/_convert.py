"""Argument conversion shared by the package's modules (private).

Each converter takes the Python value and the argument's name (for the
message) and returns what the C call expects, or raises:

- ArgumentTypeError (a TypeError) for a wrong Python type;
- InvalidArgumentError (a ValueError) for an unknown enum name;
- DateError (a ValueError) for a text that is not an ISO date;
- RangeError (an OverflowError) for an int that does not fit the C type.

Values of the right type but outside what the rule accepts (negative money,
days < 1, a workplace code outside 0..99999) are left to the library, which
answers NL_EINVAL: the C library stays the one judge of validity.
"""

import datetime as _dt
import enum as _enum
import operator as _operator

from . import capi as _capi
from ._enums import Agency, Degree, Major, Role
from ._errors import (ArgumentTypeError, DateError, Error, InvalidArgumentError, RangeError,
                      shown, unknown_key)
from ._results import Workplace

INT64_MIN = -(1 << 63)
INT64_MAX = (1 << 63) - 1
INT32_MIN = -(1 << 31)
INT32_MAX = (1 << 31) - 1

_EPOCH = _dt.date(1970, 1, 1).toordinal()   # nl_date 0


def _typename(x):
    return "None" if x is None else type(x).__name__


def is_bool(x):
    """True for bool and numpy.bool_ (which is no number here)."""
    t = type(x)
    return t is bool or (t.__name__ == "bool_" and t.__module__ == "numpy")


def flag(x, name):
    """A yes/no input: True or False only (0/1 and None are refused)."""
    if is_bool(x):
        return bool(x)
    raise ArgumentTypeError("%s must be True or False, not %s" % (name, _typename(x)))


def integer(x, name, lo=INT64_MIN, hi=INT64_MAX, what="an int"):
    """An int (or anything with __index__, such as numpy.int64), not a bool
    nor a float; RangeError if outside [lo, hi] (the C type's range)."""
    if is_bool(x) or not hasattr(type(x), "__index__"):
        raise ArgumentTypeError("%s must be %s, not %s" % (name, what, _typename(x)))
    v = _operator.index(x)
    if not lo <= v <= hi:
        raise RangeError("%s = %s does not fit the library's %d-bit integer"
                         % (name, shown(v), 64 if hi == INT64_MAX else 32))
    return v


def money(x, name):
    """An amount in whole đồng: an int within int64 (a float, even 5.0, and
    a bool are refused)."""
    return integer(x, name, what="an int number of đồng")


def int32(x, name):
    return integer(x, name, INT32_MIN, INT32_MAX)


def real(x, name):
    """A real number (int or float), not a bool; NaN is left to the library.
    An int too large for a C double is a RangeError."""
    if is_bool(x) or isinstance(x, (str, bytes)):
        raise ArgumentTypeError("%s must be a number, not %s" % (name, _typename(x)))
    try:
        return float(x)
    except TypeError:
        raise ArgumentTypeError("%s must be a number, not %s" % (name, _typename(x))) from None
    except OverflowError:
        raise RangeError("%s is too large for the library's double" % name) from None


def date(x, name):
    """A date as nl_date: a datetime.date or an ISO "YYYY-MM-DD" str.

    A datetime.datetime is refused (pass .date(): which day a moment falls
    on depends on a time zone the library does not know)."""
    if isinstance(x, _dt.date) and not isinstance(x, _dt.datetime):
        return x.toordinal() - _EPOCH
    if isinstance(x, str):
        try:
            if not _utf8_ok(x):   # C would stop at a NUL; lone surrogates are no UTF-8
                raise DateError("NUL or not UTF-8 in a date")
            return _capi.nl_date_parse(x)
        except Error as e:
            raise DateError("%s = %s is not a date YYYY-MM-DD between 0001 and 9999"
                            % (name, shown(x)), e.code) from None
    if isinstance(x, _dt.datetime):
        raise ArgumentTypeError("%s must be a datetime.date, not a datetime "
                                "(use .date())" % name)
    raise ArgumentTypeError("%s must be a datetime.date or an ISO date str, not %s"
                            % (name, _typename(x)))


# Not a date the library accepts (NL_EDATE): stands for a text that is not a
# date, so that the library still decides which error comes first.
BAD_DATE = INT32_MIN


def to_date(n):
    """nl_date → datetime.date."""
    return _dt.date.fromordinal(n + _EPOCH)


def text(x, name):
    """A str argument the C API takes as UTF-8 (language, path): no NUL
    (C would stop reading there), no lone surrogates (not UTF-8)."""
    if not isinstance(x, str):
        raise ArgumentTypeError("%s must be a str, not %s" % (name, _typename(x)))
    if not _utf8_ok(x):
        raise InvalidArgumentError("%s = %s is not text the library can read "
                                   "(NUL or not UTF-8)" % (name, shown(x)))
    return x


def _utf8_ok(x):
    if "\0" in x:
        return False
    if not x.isascii():
        try:
            x.encode("utf-8")
        except UnicodeEncodeError:
            return False
    return True


def key(x):
    """A parameter key: a str; one that cannot be a key (NUL, not UTF-8)
    is unknown, as the library says of bytes that are not UTF-8."""
    if not isinstance(x, str):
        raise ArgumentTypeError("key must be a str, not %s" % _typename(x))
    if not _utf8_ok(x):
        raise unknown_key(x)
    return x


def choice(cls, x, name):
    """A member of IntEnum *cls* as its C int: the member itself, its name
    ("bachelor", case-insensitive) or its value as a plain int (passed
    through: the library checks its range)."""
    if isinstance(x, cls):
        return int(x)
    if isinstance(x, str):
        member = cls._missing_(x)
        if member is None:
            raise InvalidArgumentError("unknown %s %s; expected one of %s" % (
                name, shown(x), ", ".join(repr(str(m)) for m in cls)))
        return int(member)
    if is_bool(x) or isinstance(x, _enum.Enum) or not hasattr(type(x), "__index__"):
        raise ArgumentTypeError("%s must be a %s or one of %s, not %s" % (
            name, cls.__name__, ", ".join(repr(str(m)) for m in cls), _typename(x)))
    v = _operator.index(x)
    # A plain int goes to the library as is, which judges the range (and
    # answers NL_EINVAL): the binding never clamps nor second-guesses it.
    if not INT32_MIN <= v <= INT32_MAX:
        raise InvalidArgumentError("%s = %s is not a %s value" % (name, shown(v), cls.__name__))
    return v


def degree(x, name="degree"):
    return choice(Degree, x, name)


def major(x, name="major"):
    return choice(Major, x, name)


def agency(x, name="agency"):
    return choice(Agency, x, name)


def role(x, name="role"):
    return choice(Role, x, name)


def workplace(x, name="workplace"):
    """A GSO code: int (88, 2647), its text ("088", "02647"), or a Workplace."""
    if isinstance(x, Workplace):
        return x.code
    if isinstance(x, str):
        s = x.strip()
        if not (s.isascii() and s.isdigit()):
            raise InvalidArgumentError("%s = %s is not a GSO code such as \"088\""
                                       % (name, shown(x)))
        digits = s.lstrip("0")
        if len(digits) > 10:   # past 32 bits; int() would refuse past 4300 digits
            raise RangeError("%s = %s does not fit the library's 32-bit integer"
                             % (name, shown(s)))
        return int32(int(digits or "0"), name)
    return integer(x, name, INT32_MIN, INT32_MAX, what="a GSO code (int or \"088\")")
