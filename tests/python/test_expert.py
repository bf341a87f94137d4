"""§3 Expert salary caps (docs/law/), mirroring tests/test_expert.c."""

import datetime
import math

import pytest

import facts
import nhanluc

ON_TT02 = facts.TT02_LAST_DAY       # 2025-06-30: Thông tư 02/2015
ON_TT004 = facts.TT004_FIRST_DAY    # 2025-07-01: Thông tư 004/2025


def cap(policy, **kw):
    kw.setdefault("on", ON_TT02)
    return policy.expert_salary_cap(**kw)


# Years just below and at each threshold (bachelor 5/10/15, master 3/5/8).
BACHELOR_CASES = [(0, 4), (4.99, 4), (5, 3), (9.99, 3), (10, 2), (14.99, 2), (15, 1), (40, 1)]
MASTER_CASES = [(0, 4), (2.99, 4), (3, 3), (4.99, 3), (5, 2), (7.99, 2), (8, 1), (30, 1)]


def expected_level(years, table):
    for level in (1, 2, 3):
        if years >= table[level]:
            return level
    return 4


def test_threshold_tables_are_the_facts():
    for years, level in BACHELOR_CASES:
        assert expected_level(years, facts.YEARS_BACHELOR) == level
    for years, level in MASTER_CASES:
        assert expected_level(years, facts.YEARS_MASTER) == level


@pytest.mark.parametrize("years,level", BACHELOR_CASES)
def test_bachelor_levels_by_years(shared_policy, years, level):
    r = cap(shared_policy, degree="bachelor", experience_years=years)
    assert (r.level, r.monthly, r.reason) == (level, facts.TT02_CAP[level], "ok")


@pytest.mark.parametrize("degree", ["master", "doctor"])
@pytest.mark.parametrize("years,level", MASTER_CASES)
def test_master_or_higher_levels_by_years(shared_policy, degree, years, level):
    r = cap(shared_policy, degree=degree, experience_years=years)
    assert (r.level, r.monthly) == (level, facts.TT02_CAP[level])


@pytest.mark.parametrize("role,years,level", [
    ("team_leader", 0, 1),
    (nhanluc.Role.TEAM_LEADER, 4.99, 1),
    ("item_lead", 0, 2),
    ("item_lead", 9.99, 2),
    ("item_lead", 15, 1),     # the years give a higher level than the role
    ("member", 0, 4),
])
def test_roles_give_a_level_too(shared_policy, role, years, level):
    r = cap(shared_policy, degree="bachelor", experience_years=years, role=role)
    assert r.level == level


@pytest.mark.parametrize("degree", ["none", "college", nhanluc.Degree.COLLEGE])
def test_below_a_university_degree_no_level(shared_policy, degree):
    r = cap(shared_policy, degree=degree, experience_years=20, role="team_leader")
    assert (r.eligible, r.level, r.monthly, r.weekly, r.daily, r.special_monthly) == \
        (False, 0, 0, 0, 0, 0)
    assert r.reason == "degree"


@pytest.mark.parametrize("level", [1, 2, 3, 4])
@pytest.mark.parametrize("on,table,src", [(ON_TT02, facts.TT02_CAP, facts.SRC_TT02),
                                          (ON_TT004, facts.TT004_CAP, facts.SRC_TT004)],
                         ids=["2025-06-30", "2025-07-01"])
def test_caps_and_conversions_by_date(shared_policy, level, on, table, src):
    years = {1: 15, 2: 10, 3: 5, 4: 0}[level]
    r = cap(shared_policy, degree="bachelor", experience_years=years, on=on)
    monthly = table[level]
    assert r.level == level
    assert r.monthly == monthly
    assert r.weekly == facts.weekly(monthly)
    assert r.daily == facts.daily(monthly)
    assert r.special_monthly == facts.special(monthly)
    assert src in r.source


def test_conversions_round_down():
    # 30,000,000 × 12 / 52 × 1.2 = 8,307,692.3… → 8,307,692 (docs/law/3-expert-caps.md)
    assert facts.weekly(30_000_000) == 8_307_692
    assert facts.daily(30_000_000) == 1_500_000
    assert facts.special(facts.TT004_CAP[1]) == facts.TT004_SPECIAL_LEVEL1


def test_special_expertise_level1_after_july_2025(shared_policy):
    r = cap(shared_policy, degree="master", experience_years=8, on=ON_TT004,
            special_expertise=True)
    assert r.special_monthly == facts.TT004_SPECIAL_LEVEL1


def test_certainty_follows_the_data(shared_policy):
    # TT 02/2015 is confirmed; TT 004/2025's week/day conversions are not.
    assert cap(shared_policy, degree="bachelor", experience_years=12).certainty == \
        facts.CONFIRMED
    new = cap(shared_policy, degree="bachelor", experience_years=12, on=ON_TT004)
    assert new.certainty == facts.UNCONFIRMED
    # ... while TT 004/2025's caps themselves are confirmed (§3).
    assert new.monthly_certainty == facts.CONFIRMED
    assert cap(shared_policy, degree="bachelor", experience_years=12).monthly_certainty == \
        facts.CONFIRMED


def test_before_tt02_not_in_force(shared_policy):
    r = cap(shared_policy, degree="master", experience_years=10,
            on=facts.TT02_FIRST_DAY - datetime.timedelta(days=1))
    assert (r.level, r.monthly, r.reason, r.eligible) == (0, 0, "not_in_force", False)
    assert cap(shared_policy, degree="master", experience_years=10,
               on=facts.TT02_FIRST_DAY).level == 1


def test_acceptance_example(shared_policy):
    c = shared_policy.expert_salary_cap(degree="master", experience_years=6,
                                        on=datetime.date(2024, 1, 1))
    assert (c.level, c.monthly) == (2, facts.TT02_CAP[2])


@pytest.mark.parametrize("years", [-1, -0.01, math.nan, math.inf, -math.inf])
def test_impossible_experience_is_invalid(shared_policy, years):
    with pytest.raises(nhanluc.InvalidArgumentError) as e:
        cap(shared_policy, degree="bachelor", experience_years=years)
    assert e.value.code == nhanluc.Status.EINVAL


@pytest.mark.parametrize("years", ["6", None, True, b"6", [6]])
def test_experience_must_be_a_number(shared_policy, years):
    with pytest.raises(TypeError):
        cap(shared_policy, degree="bachelor", experience_years=years)


def test_what_if_overflowing_cap_is_a_range_error(policy):
    policy.set("expert.cap.level1", facts.INT64_MAX, since=facts.TT02_FIRST_DAY)
    with pytest.raises(nhanluc.RangeError) as e:
        cap(policy, degree="bachelor", experience_years=20)
    assert isinstance(e.value, OverflowError)
    assert e.value.code == nhanluc.Status.ERANGE
