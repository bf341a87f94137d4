#!/usr/bin/python3
"""The reform scenario over a partitioned population with Dask.

The same question as scenario_example.py -- what does "district subsidy
200 million đồng from 2025-01-01" cost, overall and by workplace? -- but the
population is a Dask DataFrame split into partitions, evaluated on a Dask
cluster (here a LocalCluster on this machine), and the result is checked to
be identical to the single-machine nhanluc.scenario.compare().

How it works: each partition is evaluated by nhanluc.scenario.partial_frame
(the batch API, baseline and reform) into one small row per workplace of
exact integer sums; the driver adds those up (Comparison.from_partials).
Policies travel as nhanluc.scenario.PolicySpec -- "the built-in policy plus
these changes" -- because a Policy is a C handle and cannot be pickled; each
worker process builds it once and reuses it.

    python3 examples/python/dask_scenario.py                 # 200,000 people, 4 partitions
    python3 examples/python/dask_scenario.py --n 1000000 --partitions 8 --processes
    python3 examples/python/dask_scenario.py --scheduler tcp://host:8786   # a real cluster

On a real cluster every worker needs the nhanluc package (same version) and
numpy/pandas; see docs/scenarios.md.
"""
import argparse
import sys
import time

import dask.dataframe as dd
from dask.distributed import Client, LocalCluster

import nhanluc.scenario as sc

REFORM = "attraction.amount.district=200M@2025-01-01"


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--n", type=int, default=200_000, help="people (default 200000)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--partitions", type=int, default=4)
    ap.add_argument("--workers", type=int, default=2, help="LocalCluster workers (default 2)")
    ap.add_argument("--processes", action="store_true",
                    help="LocalCluster with worker processes (policies then really travel "
                         "as pickled PolicySpecs); default: threads in this process")
    ap.add_argument("--scheduler", help="address of an existing Dask scheduler")
    ap.add_argument("--chart", help="write the chart to this PNG")
    ap.add_argument("--lang", choices=("vi", "en"), default="en")
    args = ap.parse_args(argv)

    population = sc.synthetic_population(args.n, seed=args.seed)
    baseline = sc.PolicySpec.default()
    reform = baseline.with_changes(REFORM)

    if args.scheduler:
        client = Client(args.scheduler)
        cluster = None
    else:
        cluster = LocalCluster(n_workers=args.workers, threads_per_worker=1,
                               processes=args.processes, dashboard_address=None)
        client = Client(cluster)
    try:
        t0 = time.perf_counter()
        people = dd.from_pandas(population, npartitions=args.partitions)
        # meta: the partial sums of an empty partition (the same columns).
        meta = sc.partial_frame(population.iloc[:0], baseline, reform)
        partials = people.map_partitions(sc.partial_frame, baseline, reform,
                                         meta=meta).compute()
        distributed = sc.Comparison.from_partials([partials], policy=baseline, changes=reform,
                                                  lang=args.lang)
        t1 = time.perf_counter()
    finally:
        client.close()
        if cluster is not None:
            cluster.close()

    single = sc.compare(population, reform, baseline, lang=args.lang, keep_results=False)
    t2 = time.perf_counter()
    # Sums of integers: identical, whatever the partitioning.
    assert distributed.rows == single.rows, (distributed.rows, single.rows)

    print(distributed.to_text())
    print("%d people in %d partitions on %s: %.2f s; single machine: %.2f s; "
          "results identical" % (args.n, people.npartitions,
                                 args.scheduler or ("LocalCluster, %d %s" % (
                                     args.workers, "processes" if args.processes
                                     else "threads")), t1 - t0, t2 - t1))
    if args.chart:
        distributed.chart(args.chart)
        print("chart written to", args.chart)
    return 0


if __name__ == "__main__":
    sys.exit(main())
