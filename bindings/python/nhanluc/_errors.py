"""Exceptions of the nhanluc package.

Every error raised by the library, or by this package about an argument, is
an :class:`Error` carrying the C status code (``.code``, a :class:`Status`)
and an English message. Each subclass also derives from the Python built-in
exception that fits, so ordinary ``except ValueError`` / ``except KeyError``
code works:

=====================  ==================  ===========================
class                  also a              C status (``.code``)
=====================  ==================  ===========================
InvalidArgumentError   ValueError          NL_EINVAL
ArgumentTypeError      TypeError           NL_EINVAL (raised in Python)
DateError              ValueError          NL_EDATE
RangeError             OverflowError       NL_ERANGE
NotFoundError          KeyError            NL_ENOTFOUND
NotInForceError        LookupError         NL_ENOTINFORCE
ParseError             ValueError          NL_EPARSE (.line .column .key)
FileError              OSError             NL_EIO
OutOfMemoryError       MemoryError         NL_ENOMEM
=====================  ==================  ===========================

``NotInForceError`` is a ``LookupError`` but not a ``KeyError``: the key
exists, it only has no value on that date. ``except LookupError`` catches
both.

The low-level module ``nhanluc.capi`` builds its exceptions by calling
:func:`error_for`; if this module cannot be imported it falls back to
``RuntimeError``.
"""

import enum
import math as _math
import reprlib as _reprlib

from . import capi as _capi

__all__ = [
    "Status", "Error", "InvalidArgumentError", "ArgumentTypeError", "DateError",
    "RangeError", "NotFoundError", "NotInForceError", "ParseError", "FileError",
    "OutOfMemoryError", "AmbiguousNameError", "error_for", "shown",
]


class Status(enum.IntEnum):
    """The C library's status codes (``nl_status``), as carried by
    :attr:`Error.code`. ``str(Status.EINVAL)`` is ``"NL_EINVAL"``."""

    OK = _capi.NL_OK
    EINVAL = _capi.NL_EINVAL
    ERANGE = _capi.NL_ERANGE
    EDATE = _capi.NL_EDATE
    ENOTFOUND = _capi.NL_ENOTFOUND
    ENOTINFORCE = _capi.NL_ENOTINFORCE
    EPARSE = _capi.NL_EPARSE
    EIO = _capi.NL_EIO
    ENOMEM = _capi.NL_ENOMEM
    EAMBIGUOUS = _capi.NL_EAMBIGUOUS

    def __str__(self):
        return "NL_" + self.name

    @property
    def text(self):
        """Stable English text of the status (``nl_strerror``)."""
        return _capi.nl_strerror(int(self))


def _status(code):
    try:
        return Status(code)
    except ValueError:
        return int(code)   # a code newer than this package: keep the number


class Error(Exception):
    """Base class of every nhanluc error.

    Attributes:
        code: the C status code (a :class:`Status`, or an int for a code this
            package does not know).
        message: English explanation.
        field: for a refused rule input, the input's name as the rule
            declares it (``"degree"``, ``"start"``; docs/rules.md), else None.
    """

    #: Status that instances of this class carry by default.
    default_code = None
    field = None

    def __init__(self, message, code=None, field=None):
        if code is None:
            code = self.default_code
        self.code = _status(code) if code is not None else None
        self.message = str(message)
        if field is not None:
            self.field = field
        super().__init__(self.message)

    def __str__(self):
        # KeyError's own __str__ would quote the message.
        return self.message

    def __repr__(self):
        return "%s(%r, code=%s)" % (type(self).__name__, self.message, self.code)

    def __reduce__(self):
        return (type(self), (self.message, self.code), self.__dict__)


class InvalidArgumentError(Error, ValueError):
    """An argument has a value the library refuses (NL_EINVAL): negative
    money, days below 1, NaN, a workplace code outside 0..99999, an unknown
    enum name, a parameter value out of its range."""
    default_code = Status.EINVAL


class ArgumentTypeError(Error, TypeError):
    """An argument has the wrong Python type (e.g. a float or a bool where
    money is expected, None for a date). Code NL_EINVAL; raised by this
    package before the library is called."""
    default_code = Status.EINVAL


class DateError(Error, ValueError):
    """Not a real calendar date, not ISO ``YYYY-MM-DD``, or outside
    0001..9999 (NL_EDATE)."""
    default_code = Status.EDATE


class RangeError(Error, OverflowError):
    """A money amount would overflow int64, or an integer argument does not
    fit its C type (NL_ERANGE)."""
    default_code = Status.ERANGE


class NotFoundError(Error, KeyError):
    """Unknown parameter key, index or workplace code (NL_ENOTFOUND)."""
    default_code = Status.ENOTFOUND


def unknown_key(key):
    """The NotFoundError for parameter *key*, worded the same everywhere."""
    return NotFoundError("no parameter %s in this policy" % shown(key))


class NotInForceError(Error, LookupError):
    """The parameter exists but has no value on that date: before its first
    value, or while it is ended (NL_ENOTINFORCE)."""
    default_code = Status.ENOTINFORCE


class ParseError(Error, ValueError):
    """A policy document is malformed (NL_EPARSE).

    Attributes:
        line: 1-based line in the document (0 if not applicable).
        column: 1-based column in characters (0 if not applicable).
        key: JSON Pointer (RFC 6901) to the offending item, e.g.
            ``"/parameters/expert.cap.level1/values/1/value"``; "" if none.
    """
    default_code = Status.EPARSE

    def __init__(self, message, code=None, line=0, column=0, key=""):
        super().__init__(message, code)
        self.line = line
        self.column = column
        self.key = key

    def __reduce__(self):
        return (type(self), (self.message, self.code, self.line, self.column, self.key))


class FileError(Error, OSError):
    """A policy file could not be opened or read (NL_EIO)."""
    default_code = Status.EIO


class OutOfMemoryError(Error, MemoryError):
    """The library ran out of memory (NL_ENOMEM)."""
    default_code = Status.ENOMEM


class AmbiguousNameError(Error, LookupError):
    """A name that fits several units on the date, e.g. a workplace name two
    communes share (NL_EAMBIGUOUS); the message lists them as "<code>
    <name>", and giving the kind of unit ("Phường ...") tells them apart."""
    default_code = Status.EAMBIGUOUS


# ------------------------------------------------------- values in messages

#: Characters of a value that a message shows at most (about): a longer
#: value is shown as its start and end, and its length.
SHOWN_MAX = 80
_HEAD, _TAIL = 48, 16
_short_repr = _reprlib.Repr()
_short_repr.maxstring = _short_repr.maxother = SHOWN_MAX
_short_repr.maxlist = _short_repr.maxtuple = _short_repr.maxdict = 6


def shown(value, limit=SHOWN_MAX):
    """*value* as a message shows it: ``repr(value)`` when that is short;
    else a bounded excerpt and the size, so that a 50 MB value never makes
    a 50 MB message::

        'aaaaaaaaaaaa'…'aaaa' (50,000,000 characters)
        an integer of about 5,001 digits

    Every message of the package that quotes a value the caller gave goes
    through this function."""
    if isinstance(value, (str, bytes, bytearray)):
        if len(value) <= limit:
            return repr(value)
        if isinstance(value, bytearray):
            value = bytes(value)
        return "%r…%r (%s %s)" % (value[:_HEAD], value[-_TAIL:], "{:,}".format(len(value)),
                                 "characters" if isinstance(value, str) else "bytes")
    if isinstance(value, int) and not isinstance(value, bool):
        bits = abs(value).bit_length()
        if bits <= 4 * limit:   # under ~1.2 * limit digits: cheap to print
            text = str(int(value))
            if len(text) <= limit:
                return text
        # Its decimal size without printing it (int -> str is quadratic,
        # and refused past 4300 digits).
        return "an integer of about %s digits" % "{:,}".format(int(bits * _math.log10(2)) + 1)
    try:
        return _short_repr.repr(value)
    except Exception:   # a repr that fails: say what it is
        return "<%s>" % type(value).__name__


_BY_CODE = {
    Status.EINVAL: InvalidArgumentError,
    Status.ERANGE: RangeError,
    Status.EDATE: DateError,
    Status.ENOTFOUND: NotFoundError,
    Status.ENOTINFORCE: NotInForceError,
    Status.EPARSE: ParseError,
    Status.EAMBIGUOUS: AmbiguousNameError,
    Status.EIO: FileError,
    Status.ENOMEM: OutOfMemoryError,
}


def error_for(code, message, line=0, column=0, key=""):
    """The exception for C status *code* (called by ``nhanluc.capi``).

    A parse error gets *line*, *column* and *key*; an unknown code gives a
    plain :class:`Error`.
    """
    cls = _BY_CODE.get(code, Error)
    if cls is ParseError:
        return ParseError(message, code, line, column, key)
    return cls(message, code)
