#!/usr/bin/python3
"""An analyst's question, end to end: what would it cost to raise the
district attraction subsidy to 200 million đồng from 2025-01-01?

1. A population: here a synthetic one (nhanluc.scenario.synthetic_population:
   1,000,000 candidates by default, every workplace of the province and a
   few from elsewhere); in real life a DataFrame read from a CSV with the
   columns degree, major, agency, dedicated_post, workplace, start.
2. Per-person answers with the batch API (nhanluc.batch), the same as the
   single-record Policy.attraction_subsidy, in milliseconds.
3. Baseline (the built-in Lào Cai policy) against the reform: people
   eligible and total cost, overall and by workplace, and the difference.
4. A chart to paste into the report.

    python3 examples/python/scenario_example.py                  # 1,000,000 people
    python3 examples/python/scenario_example.py --n 20000 --chart /tmp/reform.png --lang en
"""
import argparse
import sys
import time

import nhanluc
import nhanluc.batch
import nhanluc.scenario as sc

REFORM = "attraction.amount.district=200M@2025-01-01"


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--n", type=int, default=1_000_000, help="people (default 1,000,000)")
    ap.add_argument("--seed", type=int, default=2025)
    ap.add_argument("--chart", default="reform-district-200M.png", help="PNG to write")
    ap.add_argument("--lang", choices=("vi", "en"), default="vi")
    args = ap.parse_args(argv)

    policy = nhanluc.Policy.default()
    t0 = time.perf_counter()
    people = sc.synthetic_population(args.n, seed=args.seed)
    t1 = time.perf_counter()
    print("Population: %s people (%.2f s to make)" % ("{:,}".format(len(people)), t1 - t0))

    # Per person, baseline only: the batch API over the DataFrame.
    answers = nhanluc.batch.attraction_subsidy(policy, people)
    t2 = time.perf_counter()
    print("Batch evaluation: %.3f s; %s eligible, %s đồng in total; reasons:" % (
        t2 - t1, "{:,}".format(int(answers["eligible"].sum())),
        "{:,}".format(int(answers["amount"].sum()))))
    for reason, count in answers["reason"].value_counts().items():
        if not count:
            continue
        print("  %-18s %10s  %s" % (reason, "{:,}".format(count),
                                    nhanluc.Reason(reason).message("en")))

    # Baseline against the reform.
    cmp = sc.compare(people, REFORM, policy, lang=args.lang)
    t3 = time.perf_counter()
    print("\nReform: %s (compared in %.3f s)\n" % (cmp.reform_text(args.lang), t3 - t2))
    print(cmp.to_text())
    t = cmp.totals
    print("\nThe reform costs %s more (%s → %s); people eligible: %s → %s."
          % (sc.format_vnd(t["cost_change"], "en"),
             sc.format_vnd(t["cost_baseline"], "en", compact=True),
             sc.format_vnd(t["cost_reform"], "en", compact=True),
             "{:,}".format(t["eligible_baseline"]), "{:,}".format(t["eligible_reform"])))

    cmp.chart(args.chart, lang=args.lang)
    print("Chart written to %s" % args.chart)
    return 0


if __name__ == "__main__":
    sys.exit(main())
