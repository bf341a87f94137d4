"""Arguments of the wrong Python type or value: TypeError or ValueError (or
OverflowError for ints too large for C), never a crash nor a wrapped value."""

import datetime

import pytest

import nhanluc
from nhanluc import Agency, Degree, Major, Role

BASE = dict(degree="bachelor", major="it", agency="state", dedicated_post=True,
            workplace=80, start="2024-05-01")


def subsidy(policy, **changes):
    return policy.attraction_subsidy(**{**BASE, **changes})


@pytest.mark.parametrize("field,value,exc", [
    # enum inputs
    ("degree", None, TypeError), ("degree", 2.0, TypeError), ("degree", True, TypeError),
    ("degree", Major.IT, TypeError), ("degree", b"bachelor", TypeError),
    ("degree", "phd", ValueError), ("degree", "", ValueError), ("degree", 7, ValueError),
    ("degree", -1, ValueError), ("degree", 1 << 70, ValueError),
    ("major", "computer science", ValueError), ("major", Degree.BACHELOR, TypeError),
    ("agency", "ministry", ValueError), ("agency", [2], TypeError),
    # flag
    ("dedicated_post", 1, TypeError), ("dedicated_post", None, TypeError),
    ("dedicated_post", "true", TypeError),
    # workplace
    ("workplace", None, TypeError), ("workplace", 88.0, TypeError),
    ("workplace", True, TypeError), ("workplace", "Paris", KeyError),
    ("workplace", "0x58", ValueError), ("workplace", "٨٨", ValueError),
    ("workplace", 1 << 40, OverflowError), ("workplace", 1 << 70, OverflowError),
    # date
    ("start", None, TypeError), ("start", 20240501, TypeError),
    ("start", datetime.datetime(2024, 5, 1, 12), TypeError), ("start", b"2024-05-01", TypeError),
    ("start", "2023-02-29", ValueError), ("start", "2024/05/01", ValueError),
    ("start", "2024-5-1", ValueError), ("start", "", ValueError), ("start", "0000-01-01", ValueError),
    ("start", "2024-05-01T00:00", ValueError), ("start", "2024-05-01\0", ValueError),
])
def test_bad_arguments_raise(shared_policy, field, value, exc):
    with pytest.raises(exc) as e:
        subsidy(shared_policy, **{field: value})
    assert isinstance(e.value, nhanluc.Error)
    assert field in str(e.value) or exc is not TypeError


@pytest.mark.parametrize("changes", [dict(degree=-1), dict(major=9), dict(workplace=100000)])
def test_a_bad_argument_wins_over_a_bad_date(shared_policy, changes):
    # As in C (docs/hardening.md): arguments are checked before dates.
    with pytest.raises(nhanluc.InvalidArgumentError):
        subsidy(shared_policy, start="2023-02-30", **changes)
    with pytest.raises(nhanluc.InvalidArgumentError):
        shared_policy.training_support(dedicated_official=True, short_concentrated=True,
                                       tuition=-1, days=1, start="2023-02-30")
    with pytest.raises(nhanluc.InvalidArgumentError):
        shared_policy.expert_salary_cap(degree=9, experience_years=1, on="2023-02-30")


def test_date_errors_are_date_errors(shared_policy):
    with pytest.raises(nhanluc.DateError) as e:
        subsidy(shared_policy, start="2024-02-30")
    assert e.value.code == nhanluc.Status.EDATE


@pytest.mark.parametrize("value", [Degree.BACHELOR, "bachelor", "BACHELOR", " Bachelor ",
                                   2, Degree(2), Degree("bachelor")])
def test_enum_spellings(shared_policy, value):
    assert subsidy(shared_policy, degree=value).eligible


def test_extreme_dates_are_fine(shared_policy):
    for d in (datetime.date.min, datetime.date.max, "0001-01-01", "9999-12-31"):
        assert subsidy(shared_policy, start=d).reason == "not_in_force"


def test_keyword_only_and_required(shared_policy):
    with pytest.raises(TypeError):
        shared_policy.attraction_subsidy("bachelor", "it", "state", True, 80, "2024-05-01")
    with pytest.raises(TypeError):
        shared_policy.attraction_subsidy(degree="bachelor")
    with pytest.raises(TypeError):
        shared_policy.expert_salary_cap(degree="bachelor", experience_years=3)   # no date


def test_numpy_scalars():
    np = pytest.importorskip("numpy")
    p = nhanluc.Policy.default()
    r = p.training_support(dedicated_official=np.True_, short_concentrated=True,
                           tuition=np.int64(1_000_000), days=np.int32(2), start="2024-03-04")
    assert r.tuition == 1_000_000 and type(r.tuition) is int
    assert p.expert_salary_cap(degree="master", experience_years=np.float64(8.0),
                               on="2024-01-01").level == 1
    with pytest.raises(TypeError):
        p.training_support(dedicated_official=True, short_concentrated=True,
                           tuition=np.float64(1.0), days=1, start="2024-03-04")
    with pytest.raises(TypeError):
        p.training_support(dedicated_official=True, short_concentrated=True,
                           tuition=np.True_, days=1, start="2024-03-04")


@pytest.mark.parametrize("key", [None, 1, b"attraction.period"])
def test_keys_must_be_str(shared_policy, key):
    with pytest.raises(TypeError):
        shared_policy.get(key, "2024-01-01")


@pytest.mark.parametrize("key", ["attraction.period\0x", "\0", "attraction.\udcff", ""])
def test_keys_that_cannot_exist_are_unknown(shared_policy, key):
    with pytest.raises(nhanluc.NotFoundError):
        shared_policy.get(key, "2024-01-01")
    with pytest.raises(KeyError):
        shared_policy.copy().set(key, 1, since="2024-01-01")
    assert key not in shared_policy


@pytest.mark.parametrize("lang", ["fr", "", "v\0i", "\udcff", "VI"])
def test_unknown_languages(shared_policy, lang):
    r = shared_policy.expert_salary_cap(degree="none", experience_years=0, on="2024-01-01")
    with pytest.raises(nhanluc.InvalidArgumentError):
        r.message(lang)


@pytest.mark.parametrize("path", ["/tmp/x\0.json", "\0"])
def test_paths_with_nul_are_refused(path):
    with pytest.raises(ValueError):
        nhanluc.Policy.load(path)


def test_role_argument(shared_policy):
    for bad, exc in (("boss", ValueError), (None, TypeError), (Agency.STATE, TypeError)):
        with pytest.raises(exc):
            shared_policy.expert_salary_cap(degree="bachelor", experience_years=1, role=bad,
                                            on="2024-01-01")
    assert shared_policy.expert_salary_cap(degree="bachelor", experience_years=1,
                                           role=Role.TEAM_LEADER, on="2024-01-01").level == 1
