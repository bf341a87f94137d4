"""§1 Attraction subsidy (docs/law/), mirroring tests/test_attraction.c."""

import datetime

import pytest

import facts
import nhanluc
from nhanluc import Agency, Degree, Major, Reason

ELIGIBLE = dict(degree="bachelor", major="it", agency="state", dedicated_post=True,
                workplace=80, start="2024-05-01")


def subsidy(policy, **changes):
    return policy.attraction_subsidy(**{**ELIGIBLE, **changes})


@pytest.mark.parametrize("code,name,tier,amount", facts.WORKPLACES,
                         ids=[w[1] for w in facts.WORKPLACES])
def test_each_workplace_unit_pays_its_tier_amount(shared_policy, code, name, tier, amount):
    r = subsidy(shared_policy, workplace=code)
    assert r.eligible is True
    assert r.amount == amount
    assert r.reason == "ok" and r.reason is Reason.OK
    assert facts.SRC_NQ11 in r.source


@pytest.mark.parametrize("code,name,tier,amount", facts.WORKPLACES,
                         ids=[w[1] for w in facts.WORKPLACES])
def test_workplace_table_matches_the_gso_catalogue(shared_policy, code, name, tier, amount):
    w = shared_policy.workplace(code)
    assert (w.code, w.name, w.tier) == (code, name, tier)
    assert w.gso_code == "%03d" % code
    assert shared_policy.workplace("%03d" % code) == w


def test_workplaces_lists_the_nine_districts_then_the_99_communes(shared_policy):
    units = shared_policy.workplaces()
    got = [(w.code, w.name, w.tier) for w in units[:len(facts.WORKPLACES)]]
    assert got == [(c, n, t) for c, n, t, _ in facts.WORKPLACES]
    communes = units[len(facts.WORKPLACES):]
    assert len(communes) == facts.COMMUNE_COUNT
    assert all(len(w.gso_code) == 5 for w in communes)
    assert [w.gso_code for w in units[:2]] == ["080", "082"]
    tiers = [w.tier for w in communes]
    # Derived: 8 city/town, 37 district; 3 mixed + 51 old Yên Bái: no tier.
    assert (tiers.count(facts.TIER_CITY_TOWN), tiers.count(facts.TIER_DISTRICT),
            tiers.count(None)) == (8, 37, 3 + 51)


@pytest.mark.parametrize("code,amount,reason", [
    (facts.COMMUNE_CITY_TOWN[0], facts.AMOUNT_CITY_TOWN, "ok"),
    (facts.COMMUNE_DISTRICT[0], facts.AMOUNT_DISTRICT, "ok"),
    (facts.COMMUNE_MIXED[0], 0, "ambiguous_workplace"),
    (facts.COMMUNE_YEN_BAI[0], 0, "outside_area"),
    (82, facts.AMOUNT_DISTRICT, "ok"),   # a pre-2025 code is still accepted
])
def test_a_commune_answers_by_its_predecessors_from_the_merger(shared_policy, code, amount,
                                                               reason):
    r = subsidy(shared_policy, workplace="%05d" % code if code >= 1000 else code,
                start=facts.MERGER_DAY)
    assert (r.amount, r.reason, r.certainty) == (amount, reason, "unconfirmed")
    assert r.reason.message("en") and r.reason.message("vi")
    if code >= 1000:   # the day before, the commune did not exist
        before = subsidy(shared_policy, workplace=code, start=facts.DISTRICTS_LAST_DAY)
        assert before.reason == "outside_province"


@pytest.mark.parametrize("code", facts.CODES_NOT_A_UNIT)
def test_a_code_of_no_unit_is_outside_the_province(shared_policy, code):
    r = subsidy(shared_policy, workplace=code)
    assert (r.eligible, r.amount, r.reason) == (False, 0, "outside_province")
    with pytest.raises(nhanluc.NotFoundError):
        shared_policy.workplace(code)


@pytest.mark.parametrize("code", [-1, 100000, 2**31 - 1])
def test_a_code_outside_0_99999_is_an_invalid_argument(shared_policy, code):
    with pytest.raises(nhanluc.InvalidArgumentError) as e:
        subsidy(shared_policy, workplace=code)
    assert isinstance(e.value, ValueError)
    assert e.value.code == nhanluc.Status.EINVAL


@pytest.mark.parametrize("workplace", [88, "088", "88", " 088 "])
def test_workplace_may_be_given_as_int_or_gso_text(shared_policy, workplace):
    assert subsidy(shared_policy, workplace=workplace).amount == facts.AMOUNT_CITY_TOWN


def test_workplace_may_be_a_workplace_record(shared_policy):
    for w in shared_policy.workplaces():
        on = facts.MERGER_DAY if len(w.gso_code) == 5 else "2024-09-01"
        assert subsidy(shared_policy, workplace=w, start=on).eligible == (w.tier is not None)


# Each unmet condition, alone, gives its reason (first unmet condition).
@pytest.mark.parametrize("changes,reason", [
    (dict(degree="none"), "degree"),
    (dict(degree="college"), "degree"),
    (dict(major="other"), "major"),
    (dict(agency="other"), "agency"),
    (dict(dedicated_post=False), "not_dedicated"),
    (dict(workplace=81), "outside_province"),
    (dict(start=facts.NQ11_END_DAY), "not_in_force"),
    (dict(start=facts.NQ11_FIRST_DAY - datetime.timedelta(days=1)), "not_in_force"),
])
def test_each_unmet_condition_is_the_reason(shared_policy, changes, reason):
    r = subsidy(shared_policy, **changes)
    assert r.eligible is False
    assert r.amount == 0
    assert r.reason == reason
    assert str(r.reason) == reason
    assert r.reason is Reason(reason)


def test_conditions_are_checked_in_order(shared_policy):
    # Everything wrong: the date comes first, then degree, major, agency, post.
    wrong = dict(degree="college", major="other", agency="other", dedicated_post=False,
                 workplace=81)
    assert subsidy(shared_policy, start=facts.NQ11_END_DAY, **wrong).reason == "not_in_force"
    assert subsidy(shared_policy, **wrong).reason == "degree"
    wrong.pop("degree")
    assert subsidy(shared_policy, **wrong).reason == "major"
    wrong.pop("major")
    assert subsidy(shared_policy, **wrong).reason == "agency"
    wrong.pop("agency")
    assert subsidy(shared_policy, **wrong).reason == "not_dedicated"


@pytest.mark.parametrize("degree", ["bachelor", "master", "doctor", Degree.DOCTOR, 3])
@pytest.mark.parametrize("major", ["it", "electronics_telecom", Major.IT, "Electronics-Telecom"])
@pytest.mark.parametrize("agency", ["party", "state", Agency.PARTY])
def test_qualifying_degrees_majors_and_agencies(shared_policy, degree, major, agency):
    r = subsidy(shared_policy, degree=degree, major=major, agency=agency, workplace=84)
    assert (r.eligible, r.amount) == (True, facts.AMOUNT_DISTRICT)


# The period of NQ 11/2020 in data/laocai.json: first day in force, last day
# in force, first day no longer in force.
@pytest.mark.parametrize("start,in_force", [
    (facts.NQ11_FIRST_DAY - datetime.timedelta(days=1), False),
    (facts.NQ11_FIRST_DAY, True),
    (facts.NQ11_FIRST_DAY.isoformat(), True),
    (facts.NQ11_LAST_DAY, True),
    (facts.NQ11_END_DAY, False),
    (facts.NQ11_END_DAY.isoformat(), False),
    ("2030-01-01", False),
])
def test_period_start_and_end_days(shared_policy, start, in_force):
    r = subsidy(shared_policy, start=start)
    assert r.eligible is in_force
    assert r.reason == ("ok" if in_force else "not_in_force")
    assert r.amount == (facts.AMOUNT_CITY_TOWN if in_force else 0)


def test_answer_says_the_data_is_unconfirmed(shared_policy):
    # The period is a placeholder (docs/law/1-attraction.md: exact dates unconfirmed).
    r = subsidy(shared_policy)
    assert r.certainty == facts.UNCONFIRMED
    assert r.certainty is nhanluc.Certainty.UNCONFIRMED


def test_messages_in_both_languages(shared_policy):
    r = subsidy(shared_policy, degree="college")
    vi, en = r.message("vi"), r.message("en")
    assert vi != en and vi and en
    assert r.message() == vi
    assert en == Reason.DEGREE.message("en")
    with pytest.raises(nhanluc.InvalidArgumentError):
        r.message("fr")
    with pytest.raises(TypeError):
        r.message(None)


def test_result_is_plain_data(shared_policy):
    r = subsidy(shared_policy, workplace=85)
    assert type(r.amount) is int and type(r.source) is str and type(r.eligible) is bool
    assert isinstance(r.reason, str) and isinstance(r.certainty, str)
    d = r.to_dict()
    assert d == {"eligible": True, "amount": facts.AMOUNT_DISTRICT, "reason": "ok",
                 "source": r.source, "certainty": facts.UNCONFIRMED}
    assert type(d["reason"]) is str and type(d["certainty"]) is str
    assert repr(r).startswith("AttractionSubsidyResult(eligible=True, amount=150000000, reason='ok'")
    with pytest.raises(AttributeError):
        r.amount = 1
