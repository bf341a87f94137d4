"""nhanluc: Lào Cai's digital-workforce policies as exact, dated, explainable
rules (Python binding of libnhanluc).

Three questions, each answered "as of" a date with the legal source and how
certain the data is::

    import nhanluc
    p = nhanluc.Policy.default()
    r = p.attraction_subsidy(degree="bachelor", major="it", agency="state",
                             dedicated_post=True, workplace=88, start="2024-05-01")
    r.eligible, r.amount, r.reason, r.message("en"), r.source, r.certainty
    cap = p.expert_salary_cap(degree="master", experience_years=6, on="2024-01-01")
    t = p.training_support(dedicated_official=True, short_concentrated=True,
                           tuition=5_000_000, days=5, start="2024-03-04")

Money is int đồng; dates are datetime.date or "YYYY-MM-DD"; not qualifying
is an answer (``reason``), bad input an exception (:class:`Error` and its
subclasses, which also derive from ValueError, TypeError, KeyError, ...).
See docs/python.md.

Modules: the public names below come from private submodules (_policy,
_results, _enums, _errors); ``nhanluc.capi`` is the SWIG-generated
low-level module they are built on (not a stable API). Whole populations
(numpy, pandas) are in ``nhanluc.batch``, baseline-vs-reform comparisons in
``nhanluc.scenario``, a command line in ``python3 -m nhanluc.cli``
(docs/scenarios.md); they are imported on first use, so ``import nhanluc``
needs neither numpy nor pandas.
"""

from . import capi as _capi
from ._enums import Agency, Certainty, Degree, Major, Reason, Role
from ._errors import (AmbiguousNameError, ArgumentTypeError, DateError, Error, FileError,
                      InvalidArgumentError, NotFoundError, NotInForceError, OutOfMemoryError,
                      ParseError, RangeError, Status)
from ._policy import Policy
from ._results import Parameter, ParameterValue, Result, Workplace
from ._rules import Rule, rules

# One result class per declared family, named from it
# (AttractionSubsidyResult, ExpertSalaryCapResult, TrainingSupportResult).
globals().update({r.result_class.__name__: r.result_class for r in rules})
# The names of 0.1, kept.
SubsidyResult = AttractionSubsidyResult      # noqa: F821
ExpertCapResult = ExpertSalaryCapResult      # noqa: F821
TrainingResult = TrainingSupportResult       # noqa: F821

#: Version of this package (the libnhanluc release it was built with).
__version__ = _capi.NL_VERSION_STRING


def library_version():
    """Version of the C library actually linked, e.g. "0.1.0" (equal to
    ``__version__`` unless the build is inconsistent)."""
    return _capi.nl_version()


_LAZY = ("batch", "scenario", "cli")


def __getattr__(name):
    # nhanluc.batch / nhanluc.scenario on first use (PEP 562): they import
    # numpy, which plain `import nhanluc` must not need.
    if name in _LAZY:
        import importlib
        return importlib.import_module("." + name, __name__)
    raise AttributeError("module %r has no attribute %r" % (__name__, name))


__all__ = [
    "Policy",
    "Degree", "Major", "Agency", "Role", "Reason", "Certainty",
    "Result", "SubsidyResult", "ExpertCapResult", "TrainingResult", "Rule", "rules",
    *(r.result_class.__name__ for r in rules),
    "Parameter", "ParameterValue", "Workplace",
    "Status", "Error", "InvalidArgumentError", "ArgumentTypeError", "DateError",
    "RangeError", "NotFoundError", "NotInForceError", "ParseError", "FileError",
    "OutOfMemoryError", "AmbiguousNameError",
    "library_version",
]
