#!/usr/bin/python3
"""Python benchmark (bench/run step "py"; docs/scenarios.md, "Benchmarks").

Measured side by side in one run, on the same 1,000,000 attraction
candidates (nhanluc.scenario.synthetic_population, columns already of the C
types: uint8 enums and flags, int16 workplace, int32 dates):

  batch   nhanluc.batch.attraction_subsidy(policy, **columns): amount,
          reason, eligible (certainty=False: the numpy version gives no
          certainty either; with it, for reference, *_with_certainty);
  numpy   bench/numpy_attraction.py: the rule as an analyst or an
          OpenFisca-style formula writes it in numpy (parameters read once
          from the same policy, masks, np.select); its answers are checked
          to equal the batch's, record by record;
  loop    a Python loop of single-record calls policy.attraction_subsidy(...)
          with Python values (ints, bool, datetime.date), timed on a subset
          (default 100,000 records) and scaled per record to 1,000,000: the
          JSON says so (py_loop_records_timed, py_loop_scaled).

  single  the same loop with names and ISO dates ("bachelor", "2024-05-01"),
          against bench/pure_python_attraction.py, the rule written in plain
          Python (dated values, reason, source and certainty included) over
          the same records, answers checked equal: py_single_vs_pure_python
          is plain Python's time ÷ the library's.

Also, for reference: the DataFrame path (names as categoricals, datetime64
dates, result as a DataFrame) and a whole baseline-vs-reform comparison
(nhanluc.scenario.compare) over the same population.

Best of R repetitions (the loop: best of 2). Prints one JSON object.
Timing only: nothing here is a test.

usage: PYTHONPATH=<build>/bindings/python/site /usr/bin/python3 bench/py_bench.py
           [--records N] [--reps R] [--loop-records M] [--quick]
"""
import argparse
import datetime
import json
import os
import sys
import time

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import nhanluc  # noqa: E402
import nhanluc.batch as B  # noqa: E402
import nhanluc.scenario as sc  # noqa: E402
import numpy_attraction  # noqa: E402
import pure_python_attraction  # noqa: E402


def best(reps, f):
    t = float("inf")
    out = None
    for _ in range(reps):
        t0 = time.perf_counter()
        out = f()
        t = min(t, time.perf_counter() - t0)
    return t, out


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--quick", action="store_true")
    ap.add_argument("--records", type=int)
    ap.add_argument("--reps", type=int)
    ap.add_argument("--loop-records", type=int)
    args = ap.parse_args()
    n = args.records or (20_000 if args.quick else 1_000_000)
    reps = args.reps or (1 if args.quick else 7)
    m = min(n, args.loop_records or (2_000 if args.quick else 100_000))

    policy = nhanluc.Policy.default()
    frame = sc.synthetic_population(n, seed=20250701)
    cols = sc.synthetic_population(n, seed=20250701, as_frame=False)
    cols = {k: cols[k] for k in B.COLUMNS["attraction"]}
    cols["start"] = (cols["start"] - np.datetime64("1970-01-01", "D")).astype(np.int32)

    # The batch, as analysts call it.
    t_batch, res = best(reps, lambda: B.attraction_subsidy(policy, certainty=False, **cols))
    t_batch_c, _ = best(reps, lambda: B.attraction_subsidy(policy, **cols))

    # numpy, same answers.
    params = numpy_attraction.parameters(policy)
    t_numpy, (amount, reason) = best(reps, lambda: numpy_attraction.attraction(params, **cols))
    assert np.array_equal(amount, res["amount"]), "numpy amounts differ from the batch's"
    assert np.array_equal(reason, res["reason"]), "numpy reasons differ from the batch's"

    # A loop of single-record calls on a subset, scaled per record.
    epoch = datetime.date(1970, 1, 1)
    rows = list(zip(cols["degree"][:m].tolist(), cols["major"][:m].tolist(),
                    cols["agency"][:m].tolist(), cols["dedicated_post"][:m].tolist(),
                    cols["workplace"][:m].tolist(),
                    [epoch + datetime.timedelta(days=d) for d in cols["start"][:m].tolist()]))

    def loop():
        return [policy.attraction_subsidy(degree=d, major=j, agency=a, dedicated_post=p,
                                          workplace=w, start=s).amount
                for d, j, a, p, w, s in rows]
    t_loop_m, amounts = best(2 if not args.quick else 1, loop)
    assert amounts == res["amount"][:m].tolist(), "single-record answers differ"
    t_loop = t_loop_m / m * n

    # One idiomatic call vs the rule in plain Python, both given names and
    # ISO dates (bench/pure_python_attraction.py), on the same records.
    deg = [str(x) for x in nhanluc.Degree]
    maj = [str(x) for x in nhanluc.Major]
    ag = [str(x) for x in nhanluc.Agency]
    named = [(deg[d], maj[j], ag[a], bool(p), int(w), s.isoformat())
             for d, j, a, p, w, s in rows]
    pure = pure_python_attraction.PureAttraction(policy)

    def idiomatic():
        f = policy.attraction_subsidy
        return [f(degree=d, major=j, agency=a, dedicated_post=p, workplace=w, start=s)
                for d, j, a, p, w, s in named]

    def plain():
        f = pure.subsidy
        return [f(d, j, a, p, w, s) for d, j, a, p, w, s in named]
    t_single, mine = best(3 if not args.quick else 1, idiomatic)
    t_pure, theirs = best(3 if not args.quick else 1, plain)
    for x, y in zip(mine, theirs):
        assert (x.eligible, x.amount, str(x.reason), x.source, str(x.certainty)) == \
            (y.eligible, y.amount, y.reason, y.source, y.certainty), "plain Python differs"

    # For reference: DataFrame in and out, and a whole scenario.
    t_frame, _ = best(reps, lambda: B.attraction_subsidy(policy, frame))
    reform = "attraction.amount.district=200M@2025-01-01"
    t_compare, _ = best(max(1, reps // 2),
                        lambda: sc.compare(frame, reform, policy, keep_results=False))

    out = {
        "py_batch_vs_numpy": round(t_numpy / t_batch, 2),
        "py_batch_vs_loop": round(t_loop / t_batch, 1),
        "py_single_vs_pure_python": round(t_pure / t_single, 3),
        "py_single_ns_per_call": round(t_single / m * 1e9, 1),
        "py_pure_python_ns_per_call": round(t_pure / m * 1e9, 1),
        "py_records": n,
        "py_repetitions": reps,
        "py_batch_ms": round(t_batch * 1e3, 3),
        "py_batch_ms_with_certainty": round(t_batch_c * 1e3, 3),
        "py_batch_ns_per_record": round(t_batch / n * 1e9, 3),
        "py_numpy_ms": round(t_numpy * 1e3, 3),
        "py_loop_records_timed": m,
        "py_loop_scaled": m < n,
        "py_loop_us_per_record": round(t_loop_m / m * 1e6, 3),
        "py_loop_s_scaled": round(t_loop, 3),
        "py_batch_dataframe_ms": round(t_frame * 1e3, 3),
        "py_scenario_compare_ms": round(t_compare * 1e3, 3),
        "py_numpy_version": np.__version__,
        "py_version": sys.version.split()[0],
    }
    print(json.dumps(out, indent=2, sort_keys=True))


if __name__ == "__main__":
    main()
