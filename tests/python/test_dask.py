"""examples/python/dask_scenario.py at a small size: the scenario over a
partitioned population on a distributed LocalCluster gives exactly the
single-machine figures (the example asserts it), with threads and with
worker processes (where policies travel as pickled PolicySpecs)."""

import os
import pathlib
import subprocess
import sys

import pytest

pytest.importorskip("numpy")
pytest.importorskip("pandas")
pytest.importorskip("dask.dataframe")
pytest.importorskip("dask.distributed")

SOURCE_DIR = pathlib.Path(os.environ.get("NHANLUC_SOURCE_DIR",
                                         pathlib.Path(__file__).resolve().parents[2]))
EXAMPLE = SOURCE_DIR / "examples" / "python" / "dask_scenario.py"


@pytest.mark.parametrize("mode", [[], ["--processes"]], ids=["threads", "processes"])
def test_dask_scenario_equals_single_machine(tmp_path, mode):
    chart = tmp_path / "dask.png"
    p = subprocess.run([sys.executable, str(EXAMPLE), "--n", "30000", "--partitions", "5",
                        "--workers", "2", "--chart", str(chart)] + mode,
                       capture_output=True, text=True, timeout=240, cwd=tmp_path)
    assert p.returncode == 0, p.stdout + p.stderr
    assert "results identical" in p.stdout
    assert "5 partitions" in p.stdout
    assert "Total" in p.stdout
    assert chart.read_bytes()[:4] == b"\x89PNG"


def test_dask_partial_sums_past_int64_are_exact():
    # Partitions' sums with a what-if amount of INT64_MAX: each partition's
    # frame holds Python ints where int64 cannot, and Dask's concatenation
    # of them, combined on the driver, is exact (it used to wrap around).
    import dask.dataframe as dd
    import pandas as pd
    import facts
    import nhanluc.scenario as sc

    big = (1 << 63) - 1
    change = "attraction.amount.district=%d@2021-01-01" % big
    rows = [("bachelor", "it", "state", True, "082", "2024-05-01")] * 6 + \
        [("bachelor", "it", "state", True, "080", "2024-05-01")] * 2
    pop = pd.DataFrame(rows, columns=["degree", "major", "agency", "dedicated_post",
                                      "workplace", "start"])
    base = sc.PolicySpec.default()
    reform = base.with_changes(change)
    meta = sc.partial_frame(pop.iloc[:0], base, reform)
    parts = dd.from_pandas(pop, npartitions=3).map_partitions(
        sc.partial_frame, base, reform, meta=meta).compute(scheduler="synchronous")
    cmp = sc.Comparison.from_partials([parts], policy=base, changes=reform)
    rows = {r["workplace"]: r for r in cmp.rows}
    assert rows["082"]["cost_reform"] == 6 * big
    assert rows["total"]["cost_reform"] == 6 * big + 2 * facts.AMOUNT_CITY_TOWN
    assert cmp.rows == sc.compare(pop, change).rows
