"""Policy format 2 from Python: conditions as typed parameters, each citing
its own source; reason texts that follow the document; set() by code names.
Values from docs/law/1-attraction.md §1.2 and docs/law/2-training.md §2.1."""
import datetime
import pickle

import pytest

import facts

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


# ------------------------------------------------- tables and scales (§3)
# The expert levels by years (docs/law/3-expert.md §3: level 3 from
# YEARS_*[3] years, level 2 from [2], level 1 from [1]; below them level 4)
# and the level a role guarantees are a scale and a table of the document.
def _steps(years):
    return ((0, 4), (years[3], 3), (years[2], 2), (years[1], 1))


def test_scales_read_as_the_law_gives_them():
    p = Policy.default()
    assert p.get("expert.levels.bachelor", "2024-01-01") == _steps(facts.YEARS_BACHELOR)
    assert p.get("expert.levels.master", "2024-01-01") == _steps(facts.YEARS_MASTER)
    param = p.parameter("expert.levels.bachelor")
    assert param.unit == "scale of years to level"
    assert all(v.value == _steps(facts.YEARS_BACHELOR) for v in param.values)
    assert p.get_value("expert.levels.master", "2024-01-01").value == _steps(facts.YEARS_MASTER)


def test_the_role_table_names_its_codes():
    p = Policy.default()
    table = p.get("expert.role_level", "2024-01-01")
    assert p.parameter("expert.role_level").unit == "table of role to level"
    assert set(table) <= {"member", "item_lead", "team_leader"}
    # A team leader gets level 1, an item lead level 2 whatever the years.
    for role, level in table.items():
        r = p.expert_salary_cap(degree="bachelor", experience_years=0, role=role,
                                on="2024-01-01")
        assert r.level == level


def test_a_scale_what_if_moves_the_levels():
    p = Policy.default()
    q = p.copy()
    lower = facts.YEARS_BACHELOR[3] - 1   # one year short of level 3 in law
    q.set("expert.levels.bachelor", {0: 4, lower: 3, lower + 1: 2, lower + 2: 1}, "2024-01-01")
    assert q.get("expert.levels.bachelor", "2024-01-01") == \
        ((0, 4), (lower, 3), (lower + 1, 2), (lower + 2, 1))
    assert q.get_value("expert.levels.bachelor", "2024-01-01").status == "user"
    on = dict(degree="bachelor", on="2024-06-01")
    assert q.expert_salary_cap(experience_years=lower, **on).level == 3
    assert p.expert_salary_cap(experience_years=lower, **on).level == 4   # p unchanged
    assert q.expert_salary_cap(experience_years=lower - 0.01, **on).level == 4
    # The day before the change, the law's steps.
    assert q.get("expert.levels.bachelor", "2023-12-31") == _steps(facts.YEARS_BACHELOR)
    # Pairs work as well as a dict, in any order.
    q.set("expert.levels.bachelor", [(lower, 3), (0, 4)], "2025-01-01")
    assert q.get("expert.levels.bachelor", "2025-01-01") == ((0, 4), (lower, 3))


def test_a_table_what_if_by_code_name():
    q = Policy.default().copy()
    q.set("expert.role_level", {"item_lead": 1, nhanluc.Role.TEAM_LEADER: 1}, "2024-01-01")
    assert q.get("expert.role_level", "2024-01-01") == {"item_lead": 1, "team_leader": 1}
    r = q.expert_salary_cap(degree="bachelor", experience_years=0, role="item_lead",
                            on="2024-06-01")
    assert r.level == 1
    q.set("expert.role_level", {}, "2025-01-01")   # no role guarantees a level
    assert q.get("expert.role_level", "2025-01-01") == {}
    assert q.expert_salary_cap(degree="bachelor", experience_years=0, role="team_leader",
                               on="2025-06-01").level == 4


@pytest.mark.parametrize("key, value, error", [
    ("expert.role_level", {"boss": 1}, nhanluc.InvalidArgumentError),
    ("expert.role_level", 1, nhanluc.ArgumentTypeError),
    ("expert.role_level", [("item_lead", 1)], nhanluc.ArgumentTypeError),
    ("expert.role_level", {"item_lead": 9}, nhanluc.InvalidArgumentError),     # no level 9
    ("expert.role_level", {"item_lead": True}, nhanluc.ArgumentTypeError),
    ("expert.levels.bachelor", {1: 4}, nhanluc.InvalidArgumentError),          # not from 0
    ("expert.levels.bachelor", {}, nhanluc.InvalidArgumentError),              # no step
    ("expert.levels.bachelor", {0: 4, 500: 3}, nhanluc.InvalidArgumentError),  # past the range
    ("expert.levels.bachelor", {0: 4.0}, nhanluc.ArgumentTypeError),
    ("expert.levels.bachelor", "0:4", nhanluc.ArgumentTypeError),
    ("expert.levels.bachelor", [(0, 4, 5)], nhanluc.ArgumentTypeError),
    ("expert.levels.bachelor", {0: 1 << 70}, nhanluc.RangeError),
    ("expert.levels.bachelor", {i: 4 for i in range(1001)}, nhanluc.InvalidArgumentError),
    ("expert.cap.level1", {0: 1}, nhanluc.ArgumentTypeError),
])
def test_table_and_scale_what_ifs_refuse_bad_entries(key, value, error):
    p = Policy.default()
    before = p.get(key, "2024-01-01")
    with pytest.raises(error) as e:
        p.set(key, value, "2024-01-01")
    assert key in str(e.value) or error in (nhanluc.ArgumentTypeError, nhanluc.RangeError)
    assert p.get(key, "2024-01-01") == before   # nothing changed


def test_param_type_gives_each_parameters_code_list():
    # The layer reads a table's codes from the library (nl_policy_param_type),
    # not from the rule inputs: a table over any code list lists by name.
    from nhanluc import capi
    p = Policy.default()
    role = tuple(str(m) for m in nhanluc.Role)
    assert capi.nl_policy_param_type(p._p, "expert.role_level") == \
        [capi.NL_PARAM_TABLE, role, "role"]
    assert capi.nl_policy_param_type(p._p, "expert.levels.master") == \
        [capi.NL_PARAM_SCALE, (), None]
    assert capi.nl_policy_param_type(p._p, "attraction.majors") == \
        [capi.NL_PARAM_SET, tuple(str(m) for m in nhanluc.Major), "major"]
    assert capi.nl_policy_param_type(p._p, "expert.cap.level1") == \
        [capi.NL_PARAM_NUMBER, (), None]
    with pytest.raises(nhanluc.NotFoundError):
        capi.nl_policy_param_type(p._p, "expert.no_such")
