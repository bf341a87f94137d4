"""§2 Training-cost support (docs/law/), mirroring tests/test_training.c.

The meal and travel caps are unconfirmed placeholders (docs/law/2-training.md): their
values are read through Policy.get, never written here."""

import datetime

import pytest

import facts
import nhanluc

START = datetime.date(2024, 3, 4)
CLAIM = dict(dedicated_official=True, short_concentrated=True, tuition=5_000_000,
             materials=400_000, meals=900_000, travel=300_000, days=5, start=START)


def support(policy, **changes):
    return policy.training_support(**{**CLAIM, **changes})


@pytest.fixture(scope="module")
def caps(shared_policy):
    return (shared_policy.get("training.meals.cap_per_day", START),
            shared_policy.get("training.travel.cap_per_course", START))


def test_caps_are_flagged_unconfirmed(shared_policy):
    for key in ("training.meals.cap_per_day", "training.travel.cap_per_course"):
        assert shared_policy.get_value(key, START).status == facts.UNCONFIRMED


def test_acceptance_example_pays_within_the_caps(shared_policy, caps):
    meal_cap, travel_cap = caps
    t = support(shared_policy)
    assert t.eligible and t.reason == "ok"
    assert t.tuition == 5_000_000 * facts.TUITION_SHARE_PERCENT // 100
    assert t.materials == 400_000 * facts.MATERIALS_SHARE_PERCENT // 100
    assert t.meals == min(900_000, meal_cap * 5)
    assert t.travel == min(300_000, travel_cap)
    assert t.total == t.tuition + t.materials + t.meals + t.travel
    assert t.certainty == facts.UNCONFIRMED
    assert facts.SRC_NQ11 in t.source


@pytest.mark.parametrize("days", [1, 2, 5, 30])
def test_meals_capped_per_course_day(shared_policy, caps, days):
    meal_cap, _ = caps
    over = support(shared_policy, meals=meal_cap * days + 1, days=days)
    assert over.meals == meal_cap * days
    at = support(shared_policy, meals=meal_cap * days, days=days)
    assert at.meals == meal_cap * days
    under = support(shared_policy, meals=meal_cap * days - 1, days=days)
    assert under.meals == meal_cap * days - 1


def test_travel_capped_per_course(shared_policy, caps):
    _, travel_cap = caps
    assert support(shared_policy, travel=travel_cap + 1).travel == travel_cap
    assert support(shared_policy, travel=travel_cap).travel == travel_cap
    assert support(shared_policy, travel=travel_cap - 1).travel == travel_cap - 1


def test_tuition_and_materials_in_full_however_large(shared_policy):
    t = support(shared_policy, tuition=123_456_789, materials=9_876_543)
    assert (t.tuition, t.materials) == (123_456_789, 9_876_543)


def test_optional_items_default_to_zero(shared_policy):
    t = shared_policy.training_support(dedicated_official=True, short_concentrated=True,
                                       tuition=1_000_000, days=1, start=START)
    assert (t.tuition, t.materials, t.meals, t.travel, t.total) == (1_000_000, 0, 0, 0, 1_000_000)


@pytest.mark.parametrize("changes,reason", [
    (dict(dedicated_official=False), "not_dedicated"),
    (dict(short_concentrated=False), "course_kind"),
    (dict(start=facts.NQ11_END_DAY), "not_in_force"),
    (dict(start=facts.NQ11_FIRST_DAY - datetime.timedelta(days=1)), "not_in_force"),
])
def test_each_unmet_condition_is_the_reason(shared_policy, changes, reason):
    t = support(shared_policy, **changes)
    assert (t.eligible, t.reason, t.total, t.tuition, t.meals) == (False, reason, 0, 0, 0)


@pytest.mark.parametrize("start,in_force", [
    (facts.NQ11_FIRST_DAY - datetime.timedelta(days=1), False),
    (facts.NQ11_FIRST_DAY, True),
    (facts.NQ11_LAST_DAY, True),
    (facts.NQ11_END_DAY, False),
])
def test_period_start_and_end_days(shared_policy, start, in_force):
    assert support(shared_policy, start=start).eligible is in_force


@pytest.mark.parametrize("field", ["tuition", "materials", "meals", "travel"])
def test_negative_money_is_invalid(shared_policy, field):
    with pytest.raises(nhanluc.InvalidArgumentError) as e:
        support(shared_policy, **{field: -1})
    assert isinstance(e.value, ValueError) and e.value.code == nhanluc.Status.EINVAL


@pytest.mark.parametrize("days", [0, -1])
def test_days_below_one_are_invalid(shared_policy, days):
    with pytest.raises(nhanluc.InvalidArgumentError):
        support(shared_policy, days=days)


@pytest.mark.parametrize("field", ["tuition", "materials", "meals", "travel"])
@pytest.mark.parametrize("value", [5.0, 5_000_000.5, True, False, "5000000", None, b"1"])
def test_money_must_be_an_int(shared_policy, field, value):
    with pytest.raises(TypeError) as e:
        support(shared_policy, **{field: value})
    assert isinstance(e.value, nhanluc.ArgumentTypeError)
    assert field in str(e.value)


@pytest.mark.parametrize("value", [1 << 63, 1 << 64, 10 ** 30, -(1 << 63) - 1])
def test_money_beyond_int64_overflows(shared_policy, value):
    with pytest.raises(OverflowError) as e:
        support(shared_policy, tuition=value)
    assert isinstance(e.value, nhanluc.RangeError)
    assert e.value.code == nhanluc.Status.ERANGE


def test_a_sum_past_int64_is_a_range_error(shared_policy):
    with pytest.raises(nhanluc.RangeError) as e:
        support(shared_policy, tuition=facts.INT64_MAX, materials=1)
    assert e.value.code == nhanluc.Status.ERANGE


def test_int64_max_alone_is_paid(shared_policy):
    t = support(shared_policy, tuition=facts.INT64_MAX, materials=0, meals=0, travel=0)
    assert t.total == facts.INT64_MAX


@pytest.mark.parametrize("days", [1 << 31, 1 << 63, 1 << 80])
def test_days_beyond_the_c_int_overflow(shared_policy, days):
    with pytest.raises(OverflowError):
        support(shared_policy, days=days)


@pytest.mark.parametrize("flag", [1, 0, None, "yes"])
def test_flags_must_be_bools(shared_policy, flag):
    with pytest.raises(TypeError):
        support(shared_policy, dedicated_official=flag)
