"""The shared case files (tests/cases/<rule>.json) through the idiomatic
Python calls: Policy.<rule>(**input), compared output by output. The C
(tests/test_cases.c) and PHP (tests/php/CasesTest.php) runners read the
same files."""

import json

import pytest

import nhanluc
from conftest import SOURCE_DIR

CASES_DIR = SOURCE_DIR / "tests" / "cases"


def resolved(facts, v):
    """A value as written, or the fact it names: {"fact": "amount_district"}
    is facts["amount_district"]["value"], {"fact": "tt004_cap", "at": "2"}
    its member "2" (a figure of the law is written once)."""
    if not (isinstance(v, dict) and "fact" in v):
        return v
    value = facts[v["fact"]]["value"]
    return value[v["at"]] if "at" in v else value


def _cases():
    out = []
    for rule in nhanluc.rules:
        doc = json.loads((CASES_DIR / (rule.name + ".json")).read_text(encoding="utf-8"))
        assert doc["rule"] == rule.name and doc["law"] == rule.law
        facts = doc.get("facts", {})
        for i, c in enumerate(doc["cases"]):
            given = {k: resolved(facts, v) for k, v in {**doc["defaults"], **c["input"]}.items()}
            want = {k: resolved(facts, v) for k, v in c["output"].items()}
            out.append(pytest.param(rule.name, given, want,
                                    id="%s#%d %s" % (rule.name, i, c["name"])))
    return out


CASES = _cases()


def test_every_family_has_its_case_file_and_enough_cases():
    assert len(CASES) >= 60
    assert {c.values[0] for c in CASES} == {r.name for r in nhanluc.rules}


@pytest.mark.parametrize("rule,given,expected", CASES)
def test_each_shared_case(shared_policy, rule, given, expected):
    r = getattr(shared_policy, rule)(**given)
    got = {k: (str(v) if isinstance(v, str) else v) for k, v in r.to_dict().items()}
    assert {k: got[k] for k in expected} == expected
