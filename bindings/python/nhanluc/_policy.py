"""The Policy class: dated parameters with legal sources, and the rules."""

import collections.abc as _abc
import os as _os
import stat as _stat
import threading as _threading
from enum import Enum as _Enum

from . import _convert as _c
from . import capi as _capi
from ._enums import Agency, Certainty, Degree, Major, Role
from ._errors import (ArgumentTypeError, DateError, Error, FileError, InvalidArgumentError,
                      NotFoundError, NotInForceError, shown, unknown_key)
from ._results import Parameter, ParameterValue, Workplace
from . import _rules

__all__ = ["Policy"]

# The built-in policy, parsed once (about 150 µs) and then cloned (a few µs)
# by Policy.default(). Never handed out, never modified: cloning only reads
# it, which the C library allows from any number of threads.
_builtin = None
_builtin_lock = _threading.Lock()


def _builtin_policy():
    global _builtin
    p = _builtin
    if p is None:
        with _builtin_lock:
            if _builtin is None:
                _builtin = _capi.nl_policy_default()
            p = _builtin
    return p


class Policy:
    """A policy: every amount, threshold, share and conversion factor the
    rules read, each a list of dated values with a legal source and a
    certainty, plus the province's workplace units.

    Create one with :meth:`default` (the built-in Lào Cai policy),
    :meth:`load` (a JSON policy document on disk) or :meth:`parse` (a
    document in memory); ``Policy()`` itself is not a constructor. Memory is
    released when the object is garbage-collected.

    Every rule is evaluated "as of" a date. Dates are ``datetime.date`` or
    ISO ``"YYYY-MM-DD"`` strings; money is ``int`` đồng (a float or a bool is
    refused); enum inputs are members (``nhanluc.Degree.BACHELOR``), names
    (``"bachelor"``) or their int values.

    What-if scenarios: :meth:`copy` the policy, then :meth:`set` or
    :meth:`end` parameters of the copy; values set this way have certainty
    ``"user"``.

    Thread safety: the library calls release the GIL, so several threads
    can evaluate rules, read parameters and copy the same policy at the same
    time. :meth:`set` and :meth:`end` never change a policy another thread
    may be reading: they change a copy of it and then put the copy in its
    place (copy-on-write), so a call already running finishes on the values
    it started with, and every later call sees the change. Changing a policy
    while other threads evaluate on it is therefore safe (each answer is the
    one before or the one after the change), though rarely what a scenario
    wants: to compare, ``copy()`` the policy and change the copy.
    """

    # _plans: the batch plans made on this policy's current handle, by rule
    # index (nhanluc.batch), so that a function call on a population does not
    # rebuild the tables every time. Each entry names the handle it was made
    # on; set() and end() swap the handle, which retires them.
    __slots__ = ("_p", "_plans", "__weakref__")

    def __init__(self):
        """Not a constructor: use default(), load() or parse()."""
        raise TypeError("use Policy.default(), Policy.load(path) or Policy.parse(text)")

    @classmethod
    def _wrap(cls, handle):
        self = object.__new__(cls)
        self._p = handle
        self._plans = {}
        return self

    # ---------------------------------------------------------- creation
    @classmethod
    def default(cls):
        """The built-in Lào Cai policy (data/laocai.json compiled into the
        library; no file is read). Each call returns a new, independent
        policy."""
        return cls._wrap(_capi.nl_policy_clone(_builtin_policy()))

    @classmethod
    def load(cls, path):
        """Loads a JSON policy document (docs/policy-format.md) from *path*
        (str or os.PathLike).

        Raises:
            FileError (an OSError): the file cannot be opened or read.
            ParseError (a ValueError): the document is malformed; ``.line``,
                ``.column`` and ``.key`` (a JSON Pointer) say where.
        """
        try:
            path = _os.fspath(path)
        except TypeError:
            raise ArgumentTypeError("path must be a str or os.PathLike, not %s"
                                    % _c._typename(path)) from None
        if isinstance(path, bytes):
            path = _os.fsdecode(path)
        if not isinstance(path, str):
            raise ArgumentTypeError("path must be a str or os.PathLike, not %s"
                                    % _c._typename(path))
        if "\0" in path:
            raise InvalidArgumentError("path must not contain NUL characters")
        _regular_file(path)
        try:
            path.encode("utf-8")
        except UnicodeEncodeError:
            # A file name that is not UTF-8 (undecodable bytes): the C API
            # takes UTF-8 paths, so read the file here and parse it.
            return cls.parse(_read_regular_file(path))
        try:
            return cls._wrap(_capi.nl_policy_load(path))
        except FileError as e:
            raise FileError(_file_problem(path, e.message)) from None

    @classmethod
    def parse(cls, text):
        """Parses a JSON policy document held in memory (str, or bytes in
        UTF-8). Raises ParseError (a ValueError) with ``.line``,
        ``.column`` and ``.key`` if it is malformed."""
        if isinstance(text, (bytearray, memoryview)):
            text = bytes(text)
        if not isinstance(text, (str, bytes)):
            raise ArgumentTypeError("text must be str or bytes, not %s" % _c._typename(text))
        if isinstance(text, str) and not text.isascii():
            try:
                text.encode("utf-8")
            except UnicodeEncodeError:
                # Lone surrogates: pass the bytes, the parser says where.
                text = text.encode("utf-8", "surrogatepass")
        return cls._wrap(_capi.nl_policy_parse(text))

    def copy(self):
        """A deep, independent copy (for what-if scenarios)."""
        return type(self)._wrap(_capi.nl_policy_clone(self._p))

    __copy__ = copy

    def __deepcopy__(self, memo):
        """copy.deepcopy(policy): same as copy()."""
        return self.copy()

    # -------------------------------------------------------- parameters
    @property
    def name(self):
        """Human-readable name of the policy."""
        return _capi.nl_policy_name(self._p)

    def get(self, key, on):
        """Value of parameter *key* in force on date *on*: an int; for a
        table ("table of role to level") a dict {code: value}, for a scale
        ("scale of years to level") its steps as a tuple of (at_least,
        value) pairs, as :meth:`parameters` lists them.

        Raises:
            NotFoundError (a KeyError): unknown key.
            NotInForceError (a LookupError): no value on that date (before
                the first value, or while the parameter is ended).
        """
        return self.get_value(key, on).value

    def get_value(self, key, on):
        """Like :meth:`get`, but the whole :class:`ParameterValue` in force
        on *on*, with its source and status."""
        key, day = _c.key(key), _c.date(on, "on")
        p = self._p   # one read: set() swaps the handle whole
        try:
            v = _capi.nl_policy_get_value(p, key, day)
        except LookupError as e:
            _lookup_failed(e, key, on)
        return _value(v, _entries_on(p, key, v))

    def set(self, key, value, since):
        """What-if: parameter *key* takes *value* from date *since*
        onward, until its next dated change. A value already dated *since*
        is replaced (also one that ended the parameter). The new value has
        status "user" and a "what-if" source. *value* is an int; for a code
        parameter (``attraction.min_degree``) also a code name or enum
        member (``"master"``, ``Degree.MASTER``); for a set parameter
        (``attraction.majors``) also an iterable of them (``{"it"}``, the
        C API's bitmask otherwise). A table (``expert.role_level``) takes a
        dict {code: int} (code names, enum members or indexes; codes left
        out have no value), a scale (``expert.levels.bachelor``) its steps
        as a dict {at_least: int} or pairs (at_least, int), the first at
        the measure's minimum (0 years), as :meth:`get` gives them.

        Copy-on-write: the change is made on a copy of the policy's values,
        which then replaces them; calls running in other threads meanwhile
        finish on the values they started with (see the class's "Thread
        safety"). Concurrent set()/end() calls on one policy are serialised.

        Raises:
            NotFoundError (KeyError): unknown key.
            InvalidArgumentError (ValueError): a value the parameter cannot
                take (negative, 0 for a divisor, an unknown degree, ...).
            ArgumentTypeError (TypeError): value not an int (floats and bools
                are refused).
            RangeError (OverflowError): value beyond int64.
        """
        key, day = _c.key(key), _c.date(since, "since")
        try:
            kind, codes, _ = _capi.nl_policy_param_type(self._p, key)
        except LookupError:
            kind, codes = None, ()   # unknown, or a legacy key: the C call says which
        if kind in (_capi.NL_PARAM_TABLE, _capi.NL_PARAM_SCALE):
            table = kind == _capi.NL_PARAM_TABLE
            entries = _entries_given(key, table, codes, value)
            try:
                self._change(_capi.nl_policy_set_entries, key, day, entries)
            except NotFoundError:
                raise unknown_key(key) from None
            except InvalidArgumentError:
                raise InvalidArgumentError("parameter %s cannot take %s: %s" % (
                    shown(key), shown(value),
                    "every value must be one the parameter can take" if table else
                    "the first step must be at the measure's minimum, the steps distinct "
                    "and within its range, every value one the parameter can take")) from None
            return
        value = _c.integer(_coded(key, kind, codes, value), "value")
        try:
            self._change(_capi.nl_policy_set, key, day, value)
        except NotFoundError:
            raise unknown_key(key) from None
        except InvalidArgumentError:
            raise InvalidArgumentError("parameter %s cannot take the value %d"
                                       % (shown(key), value)) from None

    def end(self, key, since):
        """What-if: parameter *key* is not in force from *since* until its
        next dated change. Same errors and copy-on-write as :meth:`set`."""
        key, day = _c.key(key), _c.date(since, "since")
        try:
            self._change(_capi.nl_policy_end, key, day)
        except NotFoundError:
            raise unknown_key(key) from None

    def _change(self, native, *args):
        """native(handle, *args) on a clone of the handle, which then
        replaces it: a C policy that another thread may be reading (the
        library calls release the GIL) is never modified, and it lives as
        long as a call that holds it. On error nothing is replaced."""
        with _write_lock:
            clone = _capi.nl_policy_clone(self._p)
            native(clone, *args)
            self._p = clone
            self._plans = {}   # made on the old handle: let it go

    def __contains__(self, key):
        """``key in policy``: whether the policy has a parameter *key*."""
        if not isinstance(key, str):
            return False
        try:
            _capi.nl_policy_param_find(self._p, _c.key(key))
        except LookupError:
            return False
        return True

    def keys(self):
        """The parameter keys, in key order."""
        p = self._p
        return [_capi.nl_policy_param_info(p, i).key
                for i in range(_capi.nl_policy_param_count(p))]

    def parameter(self, key):
        """The :class:`Parameter` named *key* (NotFoundError if unknown)."""
        key = _c.key(key)
        try:
            index = _capi.nl_policy_param_find(self._p, key)
        except NotFoundError:
            raise unknown_key(key) from None
        return self._parameter(index)

    def parameters(self):
        """Every :class:`Parameter` (key, unit, description, dated values
        with since, value, ended, source, source_url, status), in key
        order."""
        return [self._parameter(i) for i in range(_capi.nl_policy_param_count(self._p))]

    def _parameter(self, index):
        p = self._p
        info = _capi.nl_policy_param_info(p, index)
        entries = _entries_reader(p, index, info.key)
        values = []
        for j in range(info.value_count):
            v = _capi.nl_policy_param_value(p, index, j)
            values.append(_value(v, entries(j) if entries and not v.ends else None))
        return Parameter._make(info.key, info.unit, info.description, tuple(values))

    # -------------------------------------------------------- workplaces
    def workplaces(self):
        """The province's workplace units (:class:`Workplace`), by code."""
        p = self._p
        return [_workplace(_capi.nl_policy_workplace_at(p, i))
                for i in range(_capi.nl_policy_workplace_count(p))]

    def workplace(self, code):
        """The unit with GSO *code* (int or "088").

        Raises NotFoundError (KeyError) for a well-formed code that is not
        a unit of this province, InvalidArgumentError for a code outside
        0..99999."""
        code = _c.workplace(code)
        try:
            return _workplace(_capi.nl_policy_workplace(self._p, code))
        except NotFoundError:
            raise NotFoundError("%s is not a workplace unit of this policy"
                                % ("%03d" % code if code < 1000 else "%05d" % code)) from None
        except InvalidArgumentError:
            raise InvalidArgumentError("workplace code %d is outside 0..99999" % code) from None

    def find_workplace(self, name, on):
        """The unit called *name* on date *on* (:class:`Workplace`), e.g.
        "Sa Pa", "thị xã Sa Pa", "TX. Sa Pa", "Phuong Lao Cai": without
        diacritics, case or punctuation, with or without the kind of unit
        ("Thành phố", "Thị xã", "Thị trấn", "Huyện", "Phường", "Xã"), which
        when given must match. The rule methods take names for a workplace
        too, resolved on the rule's date. Resolved by the C library
        (``nl_policy_workplace_find``), so every binding agrees.

        Raises NotFoundError (KeyError) when no unit has the name,
        AmbiguousNameError (LookupError) when several do (the message lists
        them), InvalidArgumentError for text that is no name; each with
        ``.field = "workplace"``."""
        name = _c.text(name, "workplace")
        day = _c.date(on, "on")
        try:
            code = _capi.nl_policy_workplace_find(self._p, name, day)
        except Error as e:
            e.field = "workplace"
            raise
        return _workplace(_capi.nl_policy_workplace(self._p, code))

    # ------------------------------------------------------------- rules
    def __repr__(self):
        return "<nhanluc.Policy %r>" % (self.name,)

    def __reduce__(self):
        raise TypeError("a Policy cannot be pickled; send its JSON document (or the "
                        "changes made with set/end) and load it on the other side")


# Serialises set()/end() (copy-on-write: two writers of one policy must not
# both start from the same values, or one change would be lost).
_write_lock = _threading.Lock()



def _code_index(key, codes, code):
    """The index of *code* (a name or enum member) in parameter *key*'s
    code list *codes*."""
    name = code.name.lower() if isinstance(code, _Enum) else code
    if not isinstance(name, str) or name not in codes:
        raise InvalidArgumentError("parameter %s: %s is not one of %s" % (
            shown(key), shown(code), ", ".join(codes)))
    return codes.index(name)


def _entries_given(key, table, codes, value):
    """set()'s value for a table (a dict {code: int}) or a scale (a dict
    {at_least: int} or (at_least, int) pairs) as the C API's sorted
    (at, value) pairs."""
    if isinstance(value, _abc.Mapping):
        items = list(value.items())
    elif table or isinstance(value, (str, bytes)) or not hasattr(value, "__iter__"):
        raise ArgumentTypeError(
            "parameter %s is a %s: give %s" % (shown(key), "table" if table else "scale",
                                              "a dict {code: int}" if table else
                                              "a dict {at_least: int} or (at_least, int) pairs"))
    else:
        items = []
        for pair in value:
            if isinstance(pair, (str, bytes)) or not hasattr(pair, "__len__") or len(pair) != 2:
                raise ArgumentTypeError("parameter %s: a scale's step is a pair "
                                        "(at_least, int), not %s" % (shown(key), shown(pair)))
            items.append(tuple(pair))
    out = []
    for at, v in items:
        if table and not (isinstance(at, int) and not isinstance(at, (bool, _Enum))):
            at = _code_index(key, codes, at)
        out.append((_c.integer(at, "code" if table else "at_least"), _c.integer(v, "value")))
    out.sort()
    return out


def _coded(key, kind, codes, value):
    """A code parameter's value given by name ("master", Degree.MASTER)
    and a set parameter's as an iterable of names ({"it"}) become the int
    the C API takes (the code's index; a bitmask). Anything else is left to
    the int checks."""
    if (isinstance(value, int) and not isinstance(value, _Enum)) or \
            kind not in (_capi.NL_PARAM_CODE, _capi.NL_PARAM_SET):
        return value
    if kind == _capi.NL_PARAM_CODE:
        return _code_index(key, codes, value)
    if isinstance(value, (str, bytes)) or not hasattr(value, "__iter__"):
        raise ArgumentTypeError("parameter %s is a set: give an iterable of codes (%s)"
                                % (shown(key), ", ".join(codes)))
    mask = 0
    for code in value:
        mask |= 1 << _code_index(key, codes, code)
    return mask


def _regular_file(path):
    """Refuses a policy path that names something other than a regular
    file (a named pipe, a device, a socket): reading one could block
    forever or never end. A path that does not exist or cannot be examined
    is left to the library, which says why it cannot be opened."""
    try:
        mode = _os.stat(path).st_mode
    except (OSError, ValueError):
        return
    if not (_stat.S_ISREG(mode) or _stat.S_ISDIR(mode)):
        raise FileError(_file_problem(path, "not a regular file"))


def _read_regular_file(path):
    """The bytes of policy file *path* (at most NL_POLICY_MAX_BYTES + 1, so
    that a longer one is refused by parse), as nl_policy_load reads them:
    opened without waiting (O_NONBLOCK: a named pipe without a writer would
    block open() forever) and read only if it is a regular file."""
    try:
        fd = _os.open(path, _os.O_RDONLY | getattr(_os, "O_NONBLOCK", 0) |
                      getattr(_os, "O_CLOEXEC", 0))
    except OSError as e:
        raise FileError("cannot open %s: %s" % (shown(path), e.strerror or e)) from None
    try:
        if not _stat.S_ISREG(_os.fstat(fd).st_mode):
            raise FileError(_file_problem(path, "not a regular file"))
        _os.set_blocking(fd, True)
        with open(fd, "rb", closefd=False) as f:
            return f.read(_capi.NL_POLICY_MAX_BYTES + 1)
    except OSError as e:
        if isinstance(e, FileError):
            raise
        raise FileError("cannot read %s: %s" % (shown(path), e.strerror or e)) from None
    finally:
        _os.close(fd)


def _file_problem(path, message):
    """A FileError's message that says what *path* is when it is not a
    regular file, and what to do."""
    try:
        mode = _os.stat(path).st_mode
    except (OSError, ValueError):
        return message
    what = ("a directory" if _stat.S_ISDIR(mode) else
            "a named pipe (FIFO)" if _stat.S_ISFIFO(mode) else
            "a device" if _stat.S_ISCHR(mode) or _stat.S_ISBLK(mode) else
            "a socket" if _stat.S_ISSOCK(mode) else None)
    if what is None:
        return message
    return ("cannot load %s: it is %s, not a regular file; a policy is read from a "
            "JSON file (or from text with Policy.parse)" % (shown(path), what))


def _lookup_failed(e, key, on):
    if isinstance(e, NotInForceError):
        raise NotInForceError("parameter %s has no value on %s"
                              % (shown(key), shown(on) if isinstance(on, str) else on)) from None
    if isinstance(e, NotFoundError):
        raise unknown_key(key) from None
    raise e


def _value(v, entries=None):
    """A ParameterValue; *entries* the decoded value of a table or scale."""
    ended = bool(v.ends)
    value = None if ended else (v.value if entries is None else entries)
    return ParameterValue._make(_c.to_date(v.since), value, ended,
                                v.source, v.source_url, Certainty.from_code(v.certainty))


def _entries_on(p, key, v):
    """The decoded entries of *v*, the value of table or scale *key* in
    force on some day; None for any other parameter (and for the legacy
    keys, which are numbers) or a value that ends it."""
    if v.ends:
        return None
    try:
        kind = _capi.nl_policy_param_type(p, key)[0]
    except LookupError:
        return None   # a legacy key
    if kind not in (_capi.NL_PARAM_TABLE, _capi.NL_PARAM_SCALE):
        return None
    index = _capi.nl_policy_param_find(p, key)
    for j in range(_capi.nl_policy_param_info(p, index).value_count):
        if _capi.nl_policy_param_value(p, index, j).since == v.since:
            return _entries_reader(p, index, key)(j)
    return None


def _entries_reader(p, index, key):
    """For a table ("table of <list> to <unit>") a function giving its j-th
    value as a {code: value} dict, for a scale ("scale of <measure> to
    <unit>") as a tuple of (at_least, value) steps; None for other
    parameters. Read with nl_policy_param_type and nl_policy_param_entries."""
    kind, codes, _ = _capi.nl_policy_param_type(p, key)
    if kind == _capi.NL_PARAM_TABLE:
        return lambda j: {codes[at]: value
                          for at, value in _capi.nl_policy_param_entries(p, index, j)}
    if kind == _capi.NL_PARAM_SCALE:
        return lambda j: _capi.nl_policy_param_entries(p, index, j)
    return None


def _workplace(w):
    return Workplace._make(w.code, w.name, w.tier)


# attraction_subsidy, expert_salary_cap, training_support and any family
# declared later: made from the C declarations (nhanluc._rules).
_rules.install(Policy)
