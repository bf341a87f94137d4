"""Policy format 2 from Python: conditions as typed parameters, each citing
its own source; reason texts that follow the document; set() by code names.
Values from docs/law/1-attraction.md §1.2 and docs/law/2-training.md §2.1."""
import datetime
import pickle

import pytest

import nhanluc
from nhanluc import Policy

GOOD = dict(degree="bachelor", major="it", agency="state", dedicated_post=True,
            workplace=80, start="2024-09-01")


def cite(p, key, on="2024-09-01"):
    return p.get_value(key, on).source


@pytest.mark.parametrize("change, reason, key", [
    (dict(degree="college"), "degree", "attraction.min_degree"),
    (dict(major="other"), "major", "attraction.majors"),
    (dict(agency="other"), "agency", "attraction.agencies"),
    (dict(dedicated_post=False), "not_dedicated", "attraction.dedicated_post_required"),
])
def test_each_condition_cites_its_own_parameter(change, reason, key):
    p = Policy.default()
    r = p.attraction_subsidy(**dict(GOOD, **change))
    assert not r.eligible and r.reason == reason
    assert r.source == cite(p, key)
    others = {"attraction.min_degree", "attraction.majors", "attraction.agencies",
              "attraction.dedicated_post_required"} - {key}
    assert all(cite(p, k) != r.source for k in others)


def test_training_conditions_cite_their_parameters():
    p = Policy.default()
    base = dict(dedicated_official=True, short_concentrated=True, days=3, start="2024-09-01")
    r = p.training_support(**dict(base, dedicated_official=False))
    assert r.reason == "not_dedicated"
    assert r.source == cite(p, "training.dedicated_official_required")
    r = p.training_support(**dict(base, short_concentrated=False))
    assert r.reason == "course_kind"
    assert r.source == cite(p, "training.short_course_required")
    assert "§2.1" in r.source


def test_message_follows_the_minimum_degree():
    p = Policy.default()
    r = p.attraction_subsidy(**dict(GOOD, degree="college"))
    assert r.message("vi") == "Trình độ chưa đạt yêu cầu (cần tốt nghiệp đại học trở lên)."
    assert r.message("en") == nhanluc.Reason.DEGREE.message("en")
    p.set("attraction.min_degree", "master", "2025-01-01")
    before = p.attraction_subsidy(**dict(GOOD, degree="bachelor", start="2024-12-31"))
    after = p.attraction_subsidy(**dict(GOOD, degree="bachelor", start="2025-01-01"))
    assert before.eligible
    assert after.reason == "degree"
    assert after.message("vi") == "Trình độ chưa đạt yêu cầu (cần tốt nghiệp thạc sĩ trở lên)."
    assert after.message("en") == "Degree below the one required (a master's degree or higher)."
    # The answer keeps the policy it was computed on: a later change does
    # not rewrite its explanation.
    p.set("attraction.min_degree", nhanluc.Degree.DOCTOR, "2025-01-01")
    assert "thạc sĩ" in after.message("vi")
    assert "tiến sĩ" in p.attraction_subsidy(**dict(GOOD, start="2025-01-01")).message("vi")
    # A record without its policy (unpickled) gives the reason's own text.
    back = pickle.loads(pickle.dumps(after))
    assert back == after
    assert back.message("en") == nhanluc.Reason.DEGREE.message("en")
    with pytest.raises(nhanluc.InvalidArgumentError):
        after.message("fr")
    with pytest.raises(nhanluc.ArgumentTypeError):
        after.message(1)


def test_sets_by_name():
    p = Policy.default()
    p.set("attraction.majors", {"it", "other"}, "2024-01-01")
    assert p.get("attraction.majors", "2024-01-01") == 0b011
    assert p.get("attraction.majors", "2023-12-31") == 0b110   # it, electronics_telecom
    assert p.attraction_subsidy(**dict(GOOD, major="other", start="2024-01-01")).eligible
    r = p.attraction_subsidy(**dict(GOOD, major="electronics_telecom", start="2024-01-01"))
    assert r.reason == "major"
    assert r.certainty == "user"
    assert r.message("en") in ("Major is not another field or information technology.",)
    p.set("attraction.majors", [nhanluc.Major.IT], "2024-02-01")
    r = p.attraction_subsidy(**dict(GOOD, major="other", start="2024-02-01"))
    assert r.message("vi") == "Chuyên ngành không phải công nghệ thông tin."
    p.set("attraction.majors", [], "2024-03-01")
    r = p.attraction_subsidy(**dict(GOOD, start="2024-03-01"))
    assert r.reason == "major" and r.message("en") == "Major is not (none)."
    p.set("attraction.agencies", ("party",), "2024-01-01")
    assert p.attraction_subsidy(**dict(GOOD, agency="state", start="2024-01-01")).reason == \
        "agency"


def test_set_refuses_what_is_not_a_code():
    p = Policy.default()
    with pytest.raises(nhanluc.InvalidArgumentError, match="physics"):
        p.set("attraction.majors", {"it", "physics"}, "2024-01-01")
    with pytest.raises(nhanluc.ArgumentTypeError, match="iterable"):
        p.set("attraction.majors", "it", "2024-01-01")
    with pytest.raises(nhanluc.InvalidArgumentError, match="phd"):
        p.set("attraction.min_degree", "phd", "2024-01-01")
    with pytest.raises(nhanluc.InvalidArgumentError):
        p.set("attraction.majors", 1 << 3, "2024-01-01")   # no fourth major
    with pytest.raises(nhanluc.ArgumentTypeError):
        p.set("expert.cap.level1", "lots", "2024-01-01")
    # Nothing changed.
    assert p.get("attraction.majors", "2024-01-01") == 0b110
    assert p.get("attraction.min_degree", "2024-01-01") == 2


def test_parameter_units_name_their_lists():
    p = Policy.default()
    assert p.parameter("attraction.majors").unit == "set of major"
    assert p.parameter("attraction.agencies").unit == "set of agency"
    assert p.parameter("attraction.min_degree").unit == "degree"


def test_format1_document_loads_with_the_same_answers(tmp_path):
    import os
    here = os.path.dirname(os.path.abspath(__file__))
    v1 = Policy.load(os.path.join(here, "..", "data", "laocai-v1.json"))
    v2 = Policy.default()
    for change in ({}, dict(major="other"), dict(agency="party"), dict(dedicated_post=False),
                   dict(degree="college"), dict(start="2026-01-01"), dict(workplace=2683,
                                                                       start="2025-07-01")):
        a = v1.attraction_subsidy(**dict(GOOD, **change))
        b = v2.attraction_subsidy(**dict(GOOD, **change))
        assert (a.eligible, a.amount, a.reason, a.certainty) == \
            (b.eligible, b.amount, b.reason, b.certainty)
        assert a.message("vi") == b.message("vi")
    assert v1.get("attraction.majors", datetime.date(2024, 1, 1)) == 0b110
