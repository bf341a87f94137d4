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

The package: _common (summary columns, labels, rule kinds), _money
(format_vnd), _changes (reforms: Change, parse_change, PolicySpec, reform),
_compare (partial, combine, compare, Comparison and its chart), _population
(synthetic_population). Every name is re-exported here, the private ones
too (the CLI uses a few).
"""

from ._common import (  # noqa: F401
    SUMMARY_COLUMNS,
    _LABELS,
    _SUMS,
    _has_pandas,
    _kind,
    _lang)
from ._money import (  # noqa: F401
    _int,
    format_vnd)
from ._changes import (  # noqa: F401
    Change,
    PolicySpec,
    _CHANGE_RE,
    _NUMBER_MAX,
    _SUFFIX,
    _cache,
    _cache_lock,
    _change_text,
    _changes,
    _decimal,
    _number,
    _policy,
    _resolve,
    parse_change,
    reform)
from ._compare import (  # noqa: F401
    CHART_GROUPS,
    Comparison,
    _INT64_MAX,
    _INT64_MIN,
    _LABEL_MAX,
    _OTHERS,
    _TITLES,
    _TITLES_BASELINE,
    _WORDS,
    _billions,
    _default_by,
    _draw,
    _evaluate,
    _group_codes,
    _group_sums,
    _int_frame_columns,
    _natural,
    _partial_to_frame,
    _row,
    _top_groups,
    _workplace_groups,
    combine,
    compare,
    partial,
    partial_frame)
from ._population import (  # noqa: F401
    _DAY,
    _WORKPLACES,
    _dates,
    _pick,
    synthetic_population)

__all__ = ["Change", "parse_change", "PolicySpec", "reform", "compare", "partial",
           "partial_frame", "combine", "Comparison", "synthetic_population", "format_vnd",
           "SUMMARY_COLUMNS"]
