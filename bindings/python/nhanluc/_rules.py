"""The rule families, derived from their C declarations (nhanluc/rule.h).

Nothing in this module names a family. At import it reads every
declaration (``capi.nl_py_rules()``) and makes, for each family:

- a result class ``<CamelName>Result`` (``AttractionSubsidyResult``, ...),
  a read-only record whose fields are ``eligible`` followed by the
  declared outputs (``eligible`` is ``reason == "ok"``);
- a keyword-only method ``Policy.<name>(...)`` whose parameters are the
  declared inputs (optional ones with their declared defaults), and whose
  docstring is written from the declaration's labels and the law it cites;
- the input enums: an existing :mod:`nhanluc` enum whose members are the
  field's code names (``Degree`` for ``none, college, ...``), or a new one.

A call is one C call (``capi.nl_py_eval``): arguments converted in C
(names, ints, ISO dates; anything else through :mod:`nhanluc._convert`,
which keeps the messages for wrong types), the rule evaluated, the record
built. A refused input raises the typed error with ``.field`` naming it.
"""

import enum as _enum

from . import capi as _capi
from . import _convert as _c
from . import _enums
from ._enums import Certainty, Reason
from ._results import Result

__all__ = ["Rule", "rules", "install"]


def _camel(name):
    return "".join(part.capitalize() for part in name.split("_"))


def _enum_for(field):
    """The IntEnum for a code field: an existing one with exactly these
    member names, else one made from the declaration."""
    codes = tuple(field["codes"])
    for obj in vars(_enums).values():
        if (isinstance(obj, type) and issubclass(obj, _enums._InputEnum)
                and obj is not _enums._InputEnum
                and tuple(m.name.lower() for m in obj) == codes
                and [int(m) for m in obj] == list(range(len(codes)))):
            return obj
    return _enums._InputEnum(_camel(field["name"]), [(c.upper(), i) for i, c in enumerate(codes)])


def _converter(field):
    """The fallback converter of one input (the values C's fast paths do
    not take); it returns the C value or raises the typed error."""
    name, kind = field["name"], field["type"]
    if kind == "code":
        cls = _enum_for(field)
        return lambda x: _c.choice(cls, x, name)
    if kind == "bool":
        return lambda x: _c.flag(x, name)
    if kind == "date":
        return lambda x: _c.date(x, name)
    if kind == "years":
        return lambda x: _c.real(x, name)
    if kind == "workplace":
        return lambda x: _c.workplace(x, name)
    if kind == "money":
        return lambda x: _c.money(x, name)
    return lambda x: _c.integer(x, name)


def _default(field):
    if field["type"] == "code":
        return field["codes"][field["default"]]
    if field["type"] == "bool":
        return bool(field["default"])
    return field["default"]


_TYPE_HELP = {
    "bool": "True or False",
    "int": "int",
    "money": "int đồng",
    "date": 'datetime.date or "YYYY-MM-DD"',
    "workplace": 'GSO code: int, its text ("088", "02647") or a Workplace',
    "years": "number of years (float)",
}


def _doc(decl, result_cls):
    lines = ["%s (%s)." % (decl["title_en"], decl["law"]), "",
             "*%s.* Declared in C (nhanluc/rule.h); see docs/rules.md." % decl["title_vi"],
             "", "Args:"]
    for f in decl["inputs"]:
        if f["type"] == "code":
            kind = "one of " + ", ".join('"%s"' % c for c in f["codes"])
        else:
            kind = _TYPE_HELP.get(f["type"], f["type"])
        extra = " Default %r." % (_default(f),) if f["optional"] else ""
        lines.append("    %s: %s (%s; %s).%s" % (f["name"], f["label_en"], f["doc"], kind, extra))
    lines += ["", "Returns:", "    %s (%s)." % (result_cls.__name__, ", ".join(result_cls._fields)),
              "", "Raises:",
              "    InvalidArgumentError, ArgumentTypeError, DateError, RangeError: a",
              "    refused input, with .field naming it. Not qualifying is an answer."]
    return "\n".join(lines)


class Rule:
    """A rule family as declared in C: ``name``, ``title_vi``, ``title_en``,
    ``law`` (the repository file of its legal text), ``inputs`` and
    ``outputs`` (dicts: name, type, min, max, codes, optional, default,
    label_vi, label_en, doc), ``reasons`` (the :class:`Reason` members it
    can answer, in the order it checks its conditions), ``result_class``."""

    __slots__ = ("index", "name", "title_vi", "title_en", "law", "inputs", "outputs",
                 "reasons", "result_class", "_spec")

    def __init__(self, decl):
        self.index = decl["index"]
        self.name = decl["name"]
        self.title_vi, self.title_en, self.law = decl["title_vi"], decl["title_en"], decl["law"]
        self.inputs = tuple(decl["inputs"])
        self.outputs = tuple(decl["outputs"])
        self.reasons = tuple(Reason.from_code(c) for c in decl["reasons"])
        names = [o["name"] for o in self.outputs]
        fields = ("eligible",) + tuple(n for n in names if n != "eligible")
        self.result_class = type(_camel(self.name) + "Result", (Result,), {
            "__slots__": fields + ("_handle", "_on"), "_fields": fields, "__module__": "nhanluc",
            "_rule_index": self.index,
            "__doc__": "Answer of :meth:`Policy.%s`: %s." % (self.name, ", ".join(fields)),
        })
        slots = tuple((self.result_class.__dict__[f], names.index(f) if f in names else -1)
                      for f in fields) + ((self.result_class.__dict__["_handle"], -3),
                                          (self.result_class.__dict__["_on"], -4))
        reasons = tuple(Reason.from_code(i) for i in range(_capi.NL_REASON_COUNT))
        certainties = tuple(Certainty.from_code(i) for i in range(len(Certainty)))
        self._spec = (self.index, tuple(_converter(f) for f in self.inputs),
                      self.result_class, slots, reasons, certainties, {})

    def method(self):
        """The Policy method: keyword-only parameters, one C call."""
        params, names = [], []
        env = {"_eval": _capi.nl_py_eval, "_spec": self._spec}
        for f in self.inputs:
            n = f["name"]
            names.append(n)
            if f["optional"]:
                env["_d_" + n] = _default(f)
                params.append("%s=_d_%s" % (n, n))
            else:
                params.append(n)
        src = ("def %s(self, *, %s):\n    return _eval(self._p, _spec, (%s,))\n"
               % (self.name, ", ".join(params), ", ".join(names)))
        exec(compile(src, "<nhanluc rule %s>" % self.name, "exec"), env)
        fn = env[self.name]
        fn.__doc__ = _doc({"title_en": self.title_en, "title_vi": self.title_vi, "law": self.law,
                           "inputs": self.inputs}, self.result_class)
        fn.__qualname__ = "Policy." + self.name
        fn.__module__ = "nhanluc"
        return fn

    def __repr__(self):
        return "<nhanluc.Rule %s>" % self.name


#: Every declared family, in the library's order.
rules = tuple(Rule(d) for d in _capi.nl_py_rules())


def install(policy_cls):
    """Adds each family's method to *policy_cls* (nhanluc.Policy)."""
    for r in rules:
        setattr(policy_cls, r.name, r.method())
