"""Families are optional in a policy document (docs/policy-format.md): a
document with one workplace and its tier amount only loads, and every rule,
single or batch, answers "not in force" naming the parameter it lacks."""

import pytest

import nhanluc
from conftest import TEST_DATA


@pytest.fixture(scope="module")
def one_family():
    return nhanluc.Policy.load(str(TEST_DATA / "one-family.json"))


def test_each_rule_is_not_in_force_and_says_which_parameter_is_absent(one_family):
    r = one_family.attraction_subsidy(degree="bachelor", major="it", agency="state",
                                      dedicated_post=True, workplace=80, start="2024-05-01")
    assert r.reason == "not_in_force" and "attraction.period" in r.source
    assert r.certainty == "unconfirmed"
    c = one_family.expert_salary_cap(degree="master", experience_years=9, on="2024-05-01")
    assert c.reason == "not_in_force" and c.level == 0 and "expert.cap.level1" in c.source
    t = one_family.training_support(dedicated_official=True, short_concentrated=True,
                                    tuition=1, days=1, start="2024-05-01")
    assert t.reason == "not_in_force" and "training.period" in t.source
    with pytest.raises(nhanluc.NotFoundError):
        one_family.get("attraction.period", "2024-05-01")


def test_the_batch_answers_the_same(one_family):
    B = pytest.importorskip("nhanluc.batch")
    res = B.expert_salary_cap(one_family, degree=["master", "bachelor"],
                              experience_years=[9.0, 0.0], on=["2024-05-01"] * 2)
    assert res["level"].tolist() == [0, 0]
    assert res["reason"].tolist() == [nhanluc.Reason.NOT_IN_FORCE.code] * 2
    res = B.attraction_subsidy(one_family, degree=["bachelor"], major=["it"], agency=["state"],
                               dedicated_post=[True], workplace=[80], start=["2024-05-01"])
    assert res["reason"].tolist() == [nhanluc.Reason.NOT_IN_FORCE.code]
