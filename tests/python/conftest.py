"""Fixtures shared by the Python tests (run by ctest, label python).

The package is imported from the build tree: ctest sets PYTHONPATH to
<build>/bindings/python/site. NHANLUC_SOURCE_DIR points at the source tree
(data/laocai.json, tests/data).
"""

import os
import pathlib

import pytest

import nhanluc

SOURCE_DIR = pathlib.Path(os.environ.get("NHANLUC_SOURCE_DIR",
                                         pathlib.Path(__file__).resolve().parents[2]))
LAOCAI_JSON = SOURCE_DIR / "data" / "laocai.json"
TEST_DATA = SOURCE_DIR / "tests" / "data"


@pytest.fixture
def policy():
    """A fresh built-in policy (tests may change it)."""
    return nhanluc.Policy.default()


@pytest.fixture(scope="module")
def shared_policy():
    """One built-in policy for a whole module; tests must not change it."""
    return nhanluc.Policy.default()
