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
