"""Synthetic populations for examples, tests and benchmarks.

Part of :mod:`nhanluc.scenario`, which re-exports its names."""

import sys as _sys
import numpy as np
from .. import _convert as _c
from .. import batch as _batch
from .._errors import InvalidArgumentError

from ._common import _has_pandas, _kind


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
