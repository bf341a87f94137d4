"""nhanluc.batch: whole populations through the C batch API.

The answers must be those of the single-record methods, record by record;
columns of the C type go to the library without a copy; errors are all or
nothing with the position of the first bad record."""

import datetime
import os
import pickle
import subprocess
import sys
import threading
import tracemalloc

import pytest

np = pytest.importorskip("numpy")

import facts  # noqa: E402
import nhanluc  # noqa: E402
import nhanluc.batch as B  # noqa: E402

N = 6000
EPOCH = datetime.date(1970, 1, 1)


def days(d):
    return (d - EPOCH).days


# Dates around every change of the built-in policy, plus random ones.
EDGE_DATES = [datetime.date(2015, 2, 28), facts.TT02_FIRST_DAY, datetime.date(2020, 12, 31),
              facts.NQ11_FIRST_DAY, facts.TT02_LAST_DAY, facts.TT004_FIRST_DAY,
              facts.NQ11_LAST_DAY, facts.NQ11_END_DAY, datetime.date(1, 1, 1),
              datetime.date(9999, 12, 31)]


def random_dates(rng, n):
    d = rng.integers(days(datetime.date(2014, 1, 1)), days(datetime.date(2027, 1, 1)), n)
    edge = np.array([days(x) for x in EDGE_DATES])
    pick = rng.random(n) < 0.2
    d[pick] = rng.choice(edge, pick.sum())
    return d.astype(np.int32)


def attraction_population(rng, n=N):
    # The batch's workplace column is int16: the codes of no unit that fit it.
    fits = [c for c in facts.CODES_NOT_A_UNIT if c <= np.iinfo(np.int16).max]
    codes = np.array([w[0] for w in facts.WORKPLACES] + fits, np.int16)
    return {
        "degree": rng.integers(0, 5, n).astype(np.uint8),
        "major": rng.integers(0, 3, n).astype(np.uint8),
        "agency": rng.integers(0, 3, n).astype(np.uint8),
        "dedicated_post": rng.random(n) < 0.7,
        "workplace": rng.choice(codes, n),
        "start": random_dates(rng, n),
    }


def expert_population(rng, n=N):
    years = rng.choice([0, 2.5, 3, 4.99, 5, 7.5, 8, 9.999, 10, 12, 15, 20, 40], n)
    years = np.where(rng.random(n) < 0.3, rng.random(n) * 30, years)
    return {
        "degree": rng.integers(0, 5, n).astype(np.uint8),
        "experience_years": years.astype(np.float64),
        "role": rng.integers(0, 3, n).astype(np.uint8),
        "on": random_dates(rng, n),
    }


def training_population(rng, n=N):
    return {
        "dedicated_official": rng.random(n) < 0.8,
        "short_concentrated": rng.random(n) < 0.8,
        "tuition": rng.integers(0, 20_000_000, n),
        "materials": rng.integers(0, 2_000_000, n),
        "meals": rng.integers(0, 6_000_000, n),
        "travel": rng.integers(0, 5_000_000, n),
        "days": rng.integers(1, 40, n).astype(np.int32),
        "start": random_dates(rng, n),
    }


def to_date(n):
    return EPOCH + datetime.timedelta(days=int(n))


@pytest.fixture(scope="module")
def rng():
    return np.random.default_rng(20250701)


# ------------------------------------------------------------ equivalence

def test_attraction_batch_equals_single_calls(shared_policy, rng):
    pop = attraction_population(rng)
    res = B.attraction_subsidy(shared_policy, **pop)
    assert list(res) == ["amount", "reason", "source", "certainty", "eligible"]
    assert res["amount"].dtype == np.int64 and res["reason"].dtype == np.uint8
    for i in range(N):
        one = shared_policy.attraction_subsidy(
            degree=int(pop["degree"][i]), major=int(pop["major"][i]),
            agency=int(pop["agency"][i]), dedicated_post=bool(pop["dedicated_post"][i]),
            workplace=int(pop["workplace"][i]), start=to_date(pop["start"][i]))
        got = (int(res["amount"][i]), B.REASONS[res["reason"][i]],
               B.CERTAINTIES[res["certainty"][i]], bool(res["eligible"][i]),
               res.sources[res["source"][i]])
        assert got == (one.amount, one.reason, one.certainty, one.eligible,
                       one.source), (i, one)
    # The population exercises every answer.
    assert set(res["reason"].tolist()) >= {0, 1, 2, 3, 4, 5, 6}


def test_expert_batch_equals_single_calls(shared_policy, rng):
    pop = expert_population(rng)
    res = B.expert_salary_cap(shared_policy, **pop)
    for i in range(N):
        one = shared_policy.expert_salary_cap(
            degree=int(pop["degree"][i]), experience_years=float(pop["experience_years"][i]),
            role=int(pop["role"][i]), on=to_date(pop["on"][i]))
        got = tuple(int(res[k][i]) for k in ("level", "monthly", "weekly", "daily",
                                              "special_monthly")) + \
            (B.REASONS[res["reason"][i]], B.CERTAINTIES[res["certainty"][i]],
             B.CERTAINTIES[res["monthly_certainty"][i]], bool(res["eligible"][i]),
             res.sources[res["source"][i]])
        assert got == (one.level, one.monthly, one.weekly, one.daily, one.special_monthly,
                       one.reason, one.certainty, one.monthly_certainty, one.eligible,
                       one.source), (i, one)
    assert set(res["level"].tolist()) == {0, 1, 2, 3, 4}


def test_training_batch_equals_single_calls(shared_policy, rng):
    pop = training_population(rng)
    res = B.training_support(shared_policy, **pop)
    for i in range(N):
        one = shared_policy.training_support(
            dedicated_official=bool(pop["dedicated_official"][i]),
            short_concentrated=bool(pop["short_concentrated"][i]),
            tuition=int(pop["tuition"][i]), materials=int(pop["materials"][i]),
            meals=int(pop["meals"][i]), travel=int(pop["travel"][i]),
            days=int(pop["days"][i]), start=to_date(pop["start"][i]))
        got = tuple(int(res[k][i]) for k in ("paid_tuition", "paid_materials", "paid_meals",
                                              "paid_travel", "total")) + \
            (B.REASONS[res["reason"][i]], B.CERTAINTIES[res["certainty"][i]],
             bool(res["eligible"][i]), res.sources[res["source"][i]])
        assert got == (one.tuition, one.materials, one.meals, one.travel, one.total,
                       one.reason, one.certainty, one.eligible, one.source), (i, one)


def test_what_if_policy_is_used(rng):
    p = nhanluc.Policy.default()
    p.set("attraction.amount.district", 200_000_000, since="2025-01-01")
    pop = attraction_population(rng, 3000)
    res = B.attraction_subsidy(p, **pop)
    for i in range(0, 3000, 7):
        one = p.attraction_subsidy(
            degree=int(pop["degree"][i]), major=int(pop["major"][i]),
            agency=int(pop["agency"][i]), dedicated_post=bool(pop["dedicated_post"][i]),
            workplace=int(pop["workplace"][i]), start=to_date(pop["start"][i]))
        assert (res["amount"][i], B.CERTAINTIES[res["certainty"][i]]) == \
            (one.amount, one.certainty)
    assert 200_000_000 in res["amount"]


@pytest.mark.parametrize("threads", [1, 0, 3])
def test_answers_do_not_depend_on_threads(shared_policy, threads):
    pop = attraction_population(np.random.default_rng(5), 300_000)
    ref = B.attraction_subsidy(shared_policy, threads=1, **pop)
    res = B.attraction_subsidy(shared_policy, threads=threads, **pop)
    for k in ref:
        assert np.array_equal(ref[k], res[k])


def test_certainty_can_be_skipped(shared_policy, rng):
    res = B.attraction_subsidy(shared_policy, certainty=False, **attraction_population(rng, 10))
    assert "certainty" not in res
    res = B.expert_salary_cap(shared_policy, certainty=False, **expert_population(rng, 10))
    assert "certainty" not in res and "monthly_certainty" not in res
    res = B.attraction_subsidy(shared_policy, outputs=["amount", "eligible"],
                               **attraction_population(rng, 10))
    assert list(res) == ["amount", "eligible"]
    with pytest.raises(nhanluc.InvalidArgumentError, match="amout") as e:
        B.attraction_subsidy(shared_policy, outputs=["amout"], **attraction_population(rng, 3))
    assert e.value.field == "amout"


def test_empty_population(shared_policy):
    res = B.attraction_subsidy(shared_policy, degree=[], major=[], agency=[],
                               dedicated_post=np.array([], bool), workplace=[], start=[])
    assert all(len(v) == 0 for v in res.values())


# ------------------------------------------------------------ input types

def test_names_strings_and_dates_equal_codes(shared_policy):
    names = {"degree": ["bachelor", "Master", "college", "doctor", "none"],
             "major": ["it", "IT", "electronics-telecom", "other", "electronics_telecom"],
             "agency": ["state", "party", "other", "State", "party"],
             "dedicated_post": ["true", "1", "yes", "false", "True"],
             "workplace": ["080", "88", " 082", "081", "999"],
             "start": ["2024-05-01", "2021-01-01", "2025-12-31", "2026-01-01", "2020-12-31"]}
    codes = {"degree": [2, 3, 1, 4, 0], "major": [1, 1, 2, 0, 2], "agency": [2, 1, 0, 2, 1],
             "dedicated_post": [True, True, True, False, True],
             "workplace": [80, 88, 82, 81, 999],
             "start": [days(datetime.date.fromisoformat(s)) for s in names["start"]]}
    a = B.attraction_subsidy(shared_policy, **names)
    b = B.attraction_subsidy(shared_policy, **{k: np.array(v) for k, v in codes.items()})
    for k in a:
        assert np.array_equal(a[k], b[k]), k
    assert a["amount"].tolist() == [facts.AMOUNT_CITY_TOWN, facts.AMOUNT_CITY_TOWN, 0, 0, 0]


@pytest.mark.parametrize("dtype", ["int64", "int32", "uint16", "int8", "uint64"])
def test_integer_columns_of_any_width(shared_policy, dtype):
    res = B.attraction_subsidy(shared_policy, degree=np.array([2, 3], dtype),
                               major=np.array([1, 2], dtype), agency=np.array([2, 1], dtype),
                               dedicated_post=np.array([1, 1], dtype),
                               workplace=np.array([80, 89], dtype),
                               start=np.array([days(datetime.date(2024, 5, 1))] * 2, dtype)
                               if dtype not in ("int8", "uint16") else "2024-05-01")
    assert res["amount"].tolist() == [facts.AMOUNT_CITY_TOWN, facts.AMOUNT_DISTRICT]


@pytest.mark.parametrize("unit", ["D", "s", "ms", "ns"])
def test_datetime64_columns_use_the_calendar_day(shared_policy, unit):
    start = np.array(["2020-12-31T23:59:59", "2021-01-01T00:00:00", "2025-12-31T12:00",
                      "2026-01-01"], "datetime64[s]").astype("datetime64[%s]" % unit)
    res = B.attraction_subsidy(shared_policy, degree=2, major=1, agency=2,
                               dedicated_post=True, workplace=80, start=start)
    assert B.REASONS[res["reason"][0]] == "not_in_force"
    assert res["amount"].tolist() == [0, facts.AMOUNT_CITY_TOWN, facts.AMOUNT_CITY_TOWN, 0]


def test_datetime_before_1970_floors_to_its_day():
    out, problem = B._column(B._KINDS["attraction"].inputs[5],
                             np.array(["1969-12-31T12:00"], "datetime64[m]"), 1)
    assert problem is None and out.tolist() == [-1]


def test_date_objects_and_timestamps(shared_policy):
    pd = pytest.importorskip("pandas")
    start = [datetime.date(2024, 5, 1), pd.Timestamp("2024-05-01 10:00"), "2024-05-01",
             np.datetime64("2024-05-01")]
    res = B.attraction_subsidy(shared_policy, degree=2, major=1, agency=2,
                               dedicated_post=True, workplace=85, start=np.array(start, object))
    assert res["amount"].tolist() == [facts.AMOUNT_DISTRICT] * 4


def test_scalars_stand_for_whole_columns(shared_policy):
    res = B.expert_salary_cap(shared_policy, degree="master", experience_years=[0, 3, 5, 8],
                              on="2025-07-01")
    assert res["monthly"].tolist() == [facts.TT004_CAP[4], facts.TT004_CAP[3],
                                       facts.TT004_CAP[2], facts.TT004_CAP[1]]
    with pytest.raises(nhanluc.InvalidArgumentError, match="single value"):
        B.expert_salary_cap(shared_policy, degree="master", experience_years=3, on="2025-07-01")


def test_training_defaults_and_text_numbers(shared_policy):
    res = B.training_support(shared_policy, dedicated_official=[True, True],
                             short_concentrated=[True, True], tuition=["5000000", "0"],
                             days=np.array(["5", "1"], object), start="2024-03-04")
    assert res["total"].tolist() == [5_000_000, 0]


# ------------------------------------------------------------ DataFrames

def test_dataframe_in_dataframe_out(shared_policy):
    pd = pytest.importorskip("pandas")
    df = pd.DataFrame({
        "name": ["Lan", "Minh", "Hoa", "Tú"],
        "degree": pd.Categorical(["bachelor", "master", "college", "bachelor"]),
        "major": ["it", "it", "it", "electronics_telecom"],
        "agency": ["state", "party", "state", "state"],
        "dedicated_post": [True, True, True, True],
        "workplace": [88, 85, 80, 82],
        "start": pd.to_datetime(["2024-05-01", "2024-05-01", "2024-05-01", "2026-02-01"]),
    }, index=["a", "b", "c", "d"])
    res = B.attraction_subsidy(shared_policy, df)
    assert isinstance(res, pd.DataFrame)
    assert list(res.index) == ["a", "b", "c", "d"]
    assert list(res.columns) == ["amount", "reason", "source", "certainty", "eligible"]
    assert res["amount"].tolist() == [facts.AMOUNT_CITY_TOWN, facts.AMOUNT_DISTRICT, 0, 0]
    assert res["reason"].tolist() == ["ok", "ok", "degree", "not_in_force"]
    assert list(res["reason"].cat.categories) == list(B.REASONS)
    assert res["reason"].cat.codes.tolist() == [0, 0, 2, 1]
    assert res["certainty"].tolist() == [facts.UNCONFIRMED] * 4
    assert res["eligible"].tolist() == [True, True, False, False]
    # The frame joins to its input.
    assert df.join(res).loc["b", "amount"] == facts.AMOUNT_DISTRICT
    # A dict back on request.
    assert isinstance(B.attraction_subsidy(shared_policy, df, as_frame=False), dict)


def test_dataframe_with_other_column_names(shared_policy):
    pd = pytest.importorskip("pandas")
    df = pd.DataFrame({"trinh_do": ["master"], "nganh": ["it"], "co_quan": ["party"],
                       "chuyen_trach": [True], "noi_lam_viec": ["085"],
                       "ngay_bat_dau": ["2024-05-01"]})
    res = B.attraction_subsidy(shared_policy, df, columns={
        "degree": "trinh_do", "major": "nganh", "agency": "co_quan",
        "dedicated_post": "chuyen_trach", "workplace": "noi_lam_viec",
        "start": "ngay_bat_dau"})
    assert res["amount"].tolist() == [facts.AMOUNT_DISTRICT]


def test_nullable_and_category_columns(shared_policy):
    pd = pytest.importorskip("pandas")
    df = pd.DataFrame({"degree": pd.array([2, 3], dtype="Int64"),
                       "major": pd.array(["it", "it"], dtype="string"),
                       "agency": pd.Categorical([2, 1]),
                       "dedicated_post": pd.array([True, True], dtype="boolean"),
                       "workplace": pd.array([80, 89], dtype="Int16"),
                       "start": ["2024-05-01", "2024-05-01"]})
    res = B.attraction_subsidy(shared_policy, df)
    assert res["amount"].tolist() == [facts.AMOUNT_CITY_TOWN, facts.AMOUNT_DISTRICT]
    df.loc[1, "degree"] = pd.NA
    with pytest.raises(nhanluc.InvalidArgumentError, match="degree is missing") as e:
        B.attraction_subsidy(shared_policy, df)
    assert e.value.index == 1


# ------------------------------------------------------------ no copy

def _fitting(n):
    rng = np.random.default_rng(1)
    return attraction_population(rng, n)


def test_fitting_columns_are_passed_as_they_are():
    cols = _fitting(1000)
    for col in B._KINDS["attraction"].inputs:
        out, problem = B._column(col, cols[col.name], 1000)
        assert problem is None
        assert np.shares_memory(out, cols[col.name]), col.name
        if cols[col.name].dtype != bool:
            assert out is cols[col.name], col.name


def test_dataframe_columns_are_views():
    pd = pytest.importorskip("pandas")
    cols = _fitting(1000)
    df = pd.DataFrame(cols)
    for col in B._KINDS["attraction"].inputs:
        out, _ = B._column(col, df[col.name], 1000)
        assert np.shares_memory(out, df[col.name].to_numpy()), col.name


def test_a_fitting_population_is_not_copied(shared_policy):
    """Measured with tracemalloc (numpy reports its buffers to it): over
    1,000,000 records the call allocates its outputs (amount 8, reason,
    source, certainty and eligible 1 byte each a record) and nothing in
    proportion to its 10 bytes of input a record, strided or not; a
    population that needs converting does allocate."""
    n = 1_000_000
    cols = _fitting(n)
    # Every other element of a twice longer array: strided, not contiguous.
    strided = {k: np.repeat(v, 2)[::2] for k, v in cols.items()}
    assert not strided["degree"].flags.c_contiguous
    plan = B.Plan(shared_policy, "attraction_subsidy")
    plan.run(**cols)   # warm up imports and the plan's tables
    tracemalloc.start()
    try:
        tracemalloc.reset_peak()
        plan.run(**cols)
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.reset_peak()
        base, _ = tracemalloc.get_traced_memory()
        plan.run(**strided)
        _, peak_strided = tracemalloc.get_traced_memory()
        wide = {k: v.astype(np.uint16) for k, v in cols.items() if k != "start"}
        wide["start"] = cols["start"].astype("datetime64[D]").astype("datetime64[s]")
        tracemalloc.reset_peak()
        base_wide, _ = tracemalloc.get_traced_memory()
        plan.run(**wide)
        _, peak_wide = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    outputs = 12 * n
    assert peak < outputs + 2 * n, peak                  # no input copied
    assert peak_strided - base < outputs + 2 * n, peak_strided
    assert peak_wide - base_wide > outputs + 6 * n       # uint16, seconds: converted


def test_strided_structured_and_broadcast_columns_give_the_same_answers(shared_policy):
    pop = _fitting(3000)
    ref = B.attraction_subsidy(shared_policy, **pop)
    # Columns of a structured array (one record = one row of the table).
    rec = np.empty(3000, dtype=[("degree", "u1"), ("major", "i8"), ("agency", "i2"),
                                ("dedicated_post", "?"), ("workplace", "i4"),
                                ("start", "i8")])
    for k, v in pop.items():
        rec[k] = v
    got = B.attraction_subsidy(shared_policy, **{k: rec[k] for k in pop})
    for k in ref:
        assert np.array_equal(ref[k], got[k]), k
    # Reversed views (negative strides) answer for the reversed records.
    rev = B.attraction_subsidy(shared_policy, **{k: v[::-1] for k, v in pop.items()})
    for k in ref:
        assert np.array_equal(ref[k][::-1], rev[k]), k
    # A broadcast constant (stride 0) is one value for every record.
    one = B.attraction_subsidy(shared_policy, **dict(
        pop, start=np.broadcast_to(np.int32(days(datetime.date(2024, 5, 1))), (3000,))))
    each = B.attraction_subsidy(shared_policy, **dict(pop, start="2024-05-01"))
    for k in one:
        assert np.array_equal(one[k], each[k]), k


def test_wide_workplace_codes_are_never_wrapped(shared_policy):
    # 68207 as int32 is that commune code, not 68207 - 65536 = 2671.
    pop = {k: v[:4] for k, v in _fitting(4).items()}
    pop["workplace"] = np.array([80, 68207, 2671, 99999], np.int32)
    res = B.attraction_subsidy(shared_policy, **pop)
    for i in range(4):
        one = shared_policy.attraction_subsidy(
            degree=int(pop["degree"][i]), major=int(pop["major"][i]),
            agency=int(pop["agency"][i]), dedicated_post=bool(pop["dedicated_post"][i]),
            workplace=int(pop["workplace"][i]), start=to_date(pop["start"][i]))
        assert (int(res["amount"][i]), B.REASONS[res["reason"][i]]) == \
            (one.amount, one.reason), i


def test_a_plan_is_reused_and_follows_its_policy(rng):
    p = nhanluc.Policy.default()
    plan = B.Plan(p, "attraction")
    assert plan.rule == "attraction_subsidy" and plan.columns == B.COLUMNS["attraction"]
    assert plan.outputs == B.OUTPUTS["attraction"]
    pop = attraction_population(rng, 2000)
    first = plan.run(**pop)
    again = plan.run(**pop)
    for k in first:
        assert np.array_equal(first[k], again[k]), k
    sources = plan.sources
    assert sources == first.sources and all(isinstance(s, str) and s for s in sources)
    # After a what-if change the plan answers on the changed policy.
    p.set("attraction.amount.district", 200_000_000, since="2025-01-01")
    changed = plan.run(**pop)
    assert 200_000_000 in changed["amount"] and 200_000_000 not in first["amount"]
    for k in changed:
        assert np.array_equal(changed[k], B.attraction_subsidy(p, **pop)[k]), k
    # Like a Policy, it does not pickle: each process makes its own.
    with pytest.raises(TypeError, match="make one in each process"):
        pickle.dumps(plan)
    with pytest.raises(nhanluc.ArgumentTypeError, match="nhanluc.Policy"):
        B.Plan("policy", "attraction")
    with pytest.raises(nhanluc.InvalidArgumentError, match="kind"):
        B.Plan(p, "pension")


def test_family_functions_reuse_the_tables_until_the_policy_changes(rng):
    # nhanluc.batch.<family>(policy, ...) makes a Plan per call; the C
    # tables are made once per policy handle, and a what-if makes new ones.
    p = nhanluc.Policy.default()
    pop = attraction_population(rng, 500)
    index = B._KINDS["attraction"].index
    first = B.attraction_subsidy(p, **pop)
    state = p._plans[index]
    again = B.attraction_subsidy(p, **pop)
    assert p._plans[index] is state
    for k in first:
        assert np.array_equal(first[k], again[k]), k
    p.set("attraction.amount.district", facts.AMOUNT_DISTRICT + 1, since=facts.NQ11_FIRST_DAY)
    assert p._plans == {}   # the old handle's tables are let go
    changed = B.attraction_subsidy(p, **pop)
    assert p._plans[index] is not state
    assert (changed["amount"] == facts.AMOUNT_DISTRICT + 1).any()
    assert not (first["amount"] == facts.AMOUNT_DISTRICT + 1).any()
    for i in range(len(pop["degree"])):
        one = p.attraction_subsidy(
            degree=int(pop["degree"][i]), major=int(pop["major"][i]),
            agency=int(pop["agency"][i]), dedicated_post=bool(pop["dedicated_post"][i]),
            workplace=int(pop["workplace"][i]), start=to_date(pop["start"][i]))
        assert int(changed["amount"][i]) == one.amount, (i, one)
    # A copy has its own tables.
    q = p.copy()
    assert q._plans == {}
    assert np.array_equal(B.attraction_subsidy(q, **pop)["amount"], changed["amount"])


def test_a_plan_is_shared_by_threads(shared_policy):
    plan = B.Plan(shared_policy, "expert_salary_cap")
    pops = [expert_population(np.random.default_rng(s), 50_000) for s in range(4)]
    ref = [plan.run(threads=1, **pop) for pop in pops]
    got = [None] * 4

    def work(i):
        got[i] = plan.run(threads=2, **pops[i])

    ths = [threading.Thread(target=work, args=(i,)) for i in range(4)]
    for t in ths:
        t.start()
    for t in ths:
        t.join()
    for r, g in zip(ref, got):
        for k in r:
            assert np.array_equal(r[k], g[k]), k


def test_the_raw_binding_checks_its_buffers(shared_policy):
    c = _fitting(10)
    cap = nhanluc.capi.nl_py_plan(shared_policy._p, B._KINDS["attraction"].index)
    out = {"amount": np.empty(10, np.int64), "reason": np.empty(10, np.uint8)}
    nhanluc.capi.nl_py_plan_run(cap, c, out, 0)
    assert out["amount"].tolist() == B.attraction_subsidy(shared_policy, **c)["amount"].tolist()
    with pytest.raises(TypeError, match="workplace must be a one-dimensional array of uint8"):
        nhanluc.capi.nl_py_plan_run(cap, dict(c, workplace=c["workplace"].astype(np.uint16)),
                                    out, 0)
    with pytest.raises(TypeError, match="workplace must be a one-dimensional array of uint8"):
        nhanluc.capi.nl_py_plan_run(cap, dict(c, workplace=c["workplace"].astype(">i4")),
                                    out, 0)
    with pytest.raises(ValueError, match="elements"):
        nhanluc.capi.nl_py_plan_run(cap, dict(c, degree=c["degree"][:9]), out, 0)
    with pytest.raises(ValueError, match="overlaps"):
        nhanluc.capi.nl_py_plan_run(cap, c, {"amount": out["amount"],
                                             "reason": out["amount"].view(np.uint8)[:10]}, 0)
    with pytest.raises(ValueError, match="overlaps"):
        nhanluc.capi.nl_py_plan_run(cap, dict(c, degree=out["reason"]), out, 0)
    # Fields of one structured array interleave without sharing a byte.
    rec = np.empty(10, dtype=[("amount", "i8"), ("reason", "u1"), ("certainty", "u1")])
    nhanluc.capi.nl_py_plan_run(cap, c, {k: rec[k] for k in rec.dtype.names}, 0)
    assert rec["amount"].tolist() == out["amount"].tolist()
    with pytest.raises(TypeError, match="writable"):
        ro = np.empty(10, np.int64)
        ro.flags.writeable = False
        nhanluc.capi.nl_py_plan_run(cap, c, {"amount": ro}, 0)
    with pytest.raises(nhanluc.InvalidArgumentError) as e:
        nhanluc.capi.nl_py_plan_run(cap, c, {"amount": np.empty(10, np.int32)}, 0)
    assert e.value.field == "amount" and e.value.index is None
    with pytest.raises(nhanluc.InvalidArgumentError) as e:
        nhanluc.capi.nl_py_plan_run(cap, dict(c, colour=c["degree"]), out, 0)
    assert e.value.field == "colour"
    with pytest.raises(TypeError, match="batch plan"):
        nhanluc.capi.nl_py_plan_run(object(), c, out, 0)
    with pytest.raises(TypeError):
        nhanluc.capi.nl_py_plan(shared_policy._p, 99)
    # Any buffer of a type the library reads works (array.array, bytes).
    import array
    ok = {"degree": bytes(c["degree"]), "major": bytes(c["major"]),
          "agency": bytes(c["agency"]), "dedicated_post": bytes(c["dedicated_post"].view(np.uint8)),
          "workplace": array.array("h", c["workplace"]), "start": array.array("i", c["start"])}
    nhanluc.capi.nl_py_plan_run(cap, ok, out, 0)
    # The plan keeps its policy alive: the capsule outlives the Python object.
    q = nhanluc.Policy.default()
    cap2 = nhanluc.capi.nl_py_plan(q._p, 0)
    del q
    import gc
    gc.collect()
    nhanluc.capi.nl_py_plan_run(cap2, c, out, 0)
    assert out["amount"].tolist() == B.attraction_subsidy(shared_policy, **c)["amount"].tolist()


def test_the_gil_is_released_during_the_call(shared_policy):
    # As in test_threads.py: with a switch interval far longer than the
    # test, the ticker thread can only run while this thread is inside a
    # call that releases the GIL. Only the binding's call sits between the
    # two reads (numpy's own loops may release the GIL too, so the Python
    # layer around it is left out).
    c = _fitting(2_000_000)
    cap = nhanluc.capi.nl_py_plan(shared_policy._p, B._KINDS["attraction"].index)
    out = {"amount": np.empty(len(c["start"]), np.int64),
           "reason": np.empty(len(c["start"]), np.uint8)}
    call = nhanluc.capi.nl_py_plan_run
    ticks = [0]
    stop = threading.Event()

    def ticker():
        while not stop.is_set():
            ticks[0] += 1
            stop.wait(0.0002)   # waiting releases the GIL

    old = sys.getswitchinterval()
    sys.setswitchinterval(60.0)
    th = threading.Thread(target=ticker)
    moved = 0
    try:
        th.start()
        for _ in range(20):
            before = ticks[0]
            call(cap, c, out, 1)
            moved += ticks[0] > before
    finally:
        stop.set()
        th.join()
        sys.setswitchinterval(old)
    assert moved > 0


# ------------------------------------------------------------ errors

def test_first_bad_record_with_its_index(shared_policy):
    cols = _fitting(5000)
    cols["degree"] = cols["degree"].copy()
    cols["degree"][[3210, 4000]] = 7
    with pytest.raises(nhanluc.InvalidArgumentError) as e:
        B.attraction_subsidy(shared_policy, **cols)
    assert e.value.index == 3210 and e.value.column == "degree"
    assert e.value.code == nhanluc.Status.EINVAL
    assert e.value.field == "degree"
    assert str(e.value).startswith("record 3210: degree: 7 is not one of 0 (none)")


def test_einval_before_edate_in_a_record_and_lowest_index_across_columns(shared_policy):
    cols = _fitting(100)
    cols = {k: v.copy() for k, v in cols.items()}
    cols["start"][50] = np.iinfo(np.int32).max        # NL_EDATE at 50
    cols["workplace"][50] = -1                         # and NL_EINVAL at 50
    cols["major"][70] = 9
    with pytest.raises(nhanluc.InvalidArgumentError) as e:
        B.attraction_subsidy(shared_policy, **cols)
    assert (e.value.index, e.value.column) == (50, "workplace")
    cols["workplace"][50] = 80
    with pytest.raises(nhanluc.DateError) as e:
        B.attraction_subsidy(shared_policy, **cols)
    assert (e.value.index, e.value.column) == (50, "start")


@pytest.mark.parametrize("column, value, error, text", [
    ("degree", "bachelr", nhanluc.InvalidArgumentError, "unknown degree 'bachelr'"),
    ("degree", 300, nhanluc.InvalidArgumentError, "degree: 300 is not one of 0"),
    ("degree", True, nhanluc.ArgumentTypeError, "degree must be a Degree"),
    ("workplace", 100000, nhanluc.InvalidArgumentError, "100000 is outside 0..99999"),
    ("workplace", "08a", nhanluc.InvalidArgumentError, "GSO code"),
    ("workplace", "Paris", nhanluc.NotFoundError, "Paris"),
    ("workplace", -1, nhanluc.InvalidArgumentError, "-1 is outside 0..99999"),
    ("dedicated_post", 2, nhanluc.InvalidArgumentError, "not a flag"),
    ("dedicated_post", "maybe", nhanluc.InvalidArgumentError, "yes/no"),
    ("start", "2023-02-29", nhanluc.DateError, "2023-02-29"),
    ("start", None, nhanluc.DateError, "start is missing"),
    ("start", "", nhanluc.DateError, "start is missing"),
])
def test_bad_values_in_object_columns(shared_policy, column, value, error, text):
    good = {"degree": "bachelor", "major": "it", "agency": "state", "dedicated_post": True,
            "workplace": 80, "start": "2024-05-01"}
    cols = {k: np.array([v] * 40, object) for k, v in good.items()}
    cols[column][17] = value
    with pytest.raises(error, match=text) as e:
        B.attraction_subsidy(shared_policy, **cols)
    assert e.value.index == 17 and e.value.column == column


def test_bad_numbers(shared_policy):
    rng = np.random.default_rng(3)
    pop = training_population(rng, 100)
    pop["tuition"][40] = -5
    with pytest.raises(nhanluc.InvalidArgumentError, match="record 40: tuition: -5 is below 0") as e:
        B.training_support(shared_policy, **pop)
    assert (e.value.index, e.value.column) == (40, "tuition")
    pop["tuition"][40] = facts.INT64_MAX                # a total past INT64_MAX
    pop["materials"][40] = 1
    pop["dedicated_official"][40] = pop["short_concentrated"][40] = True
    pop["start"][40] = days(datetime.date(2024, 1, 1))
    with pytest.raises(nhanluc.RangeError) as e:
        B.training_support(shared_policy, **pop)
    assert e.value.index == 40
    pop["tuition"][40] = 1
    pop["days"][60] = 0
    with pytest.raises(nhanluc.InvalidArgumentError, match="record 60: days: 0 is outside 1..2147483647") as e:
        B.training_support(shared_policy, **pop)
    assert e.value.index == 60
    pop["days"][60] = 1
    pop["days"] = pop["days"].astype(np.int64)
    pop["days"][61] = 1 << 40
    with pytest.raises(nhanluc.RangeError) as e:
        B.training_support(shared_policy, **pop)
    assert e.value.index == 61
    exp = expert_population(rng, 100)
    exp["experience_years"][5] = np.nan
    with pytest.raises(nhanluc.InvalidArgumentError, match="experience_years") as e:
        B.expert_salary_cap(shared_policy, **exp)
    assert e.value.index == 5
    text = exp["experience_years"].astype(object)
    text[3] = "abc"
    with pytest.raises(nhanluc.InvalidArgumentError, match="'abc' is not a number") as e:
        B.expert_salary_cap(shared_policy, **dict(exp, experience_years=text))
    assert e.value.index == 3


def test_float_and_bool_columns_are_refused(shared_policy):
    pop = training_population(np.random.default_rng(4), 50)
    pop["meals"] = pop["meals"].astype(float)
    pop["meals"][30] = np.nan
    with pytest.raises(nhanluc.ArgumentTypeError, match="meals has dtype float64") as e:
        B.training_support(shared_policy, **pop)
    assert e.value.index == 30
    cols = _fitting(10)
    cols["degree"] = cols["degree"] > 1
    with pytest.raises(nhanluc.ArgumentTypeError, match="degree holds bools"):
        B.attraction_subsidy(shared_policy, **cols)


def test_time_zone_aware_dates_are_refused(shared_policy):
    pd = pytest.importorskip("pandas")
    cols = _fitting(3)
    cols["start"] = pd.Series(pd.to_datetime(["2024-05-01"] * 3)).dt.tz_localize("Asia/Ho_Chi_Minh")
    with pytest.raises(nhanluc.ArgumentTypeError, match="time-zone aware"):
        B.attraction_subsidy(shared_policy, **cols)


def test_bad_columns(shared_policy):
    pd = pytest.importorskip("pandas")
    df = pd.DataFrame(_fitting(5)).rename(columns={"dedicated_post": "dedicated"})
    with pytest.raises(nhanluc.InvalidArgumentError,
                       match=r"missing column\(s\) 'dedicated_post' \(did you mean "
                             r"'dedicated'\?\)"):
        B.attraction_subsidy(shared_policy, df)
    with pytest.raises(nhanluc.ArgumentTypeError, match="unexpected column"):
        B.attraction_subsidy(shared_policy, **_fitting(5), colour=[1] * 5)
    cols = _fitting(5)
    cols["major"] = cols["major"][:4]
    with pytest.raises(nhanluc.InvalidArgumentError, match="records"):
        B.attraction_subsidy(shared_policy, **cols)
    with pytest.raises(nhanluc.ArgumentTypeError, match="nhanluc.Policy"):
        B.attraction_subsidy("policy", **_fitting(5))
    with pytest.raises(nhanluc.InvalidArgumentError, match="threads"):
        B.attraction_subsidy(shared_policy, threads=-1, **_fitting(5))
    with pytest.raises(nhanluc.InvalidArgumentError, match="kind"):
        B.evaluate("pension", shared_policy, _fitting(5))


def test_errors_pickle_with_their_index(shared_policy):
    cols = _fitting(10)
    cols["agency"] = cols["agency"].copy()
    cols["agency"][4] = 3
    with pytest.raises(nhanluc.InvalidArgumentError) as e:
        B.attraction_subsidy(shared_policy, **cols)
    copy = pickle.loads(pickle.dumps(e.value))
    assert (type(copy), copy.index, copy.column, str(copy)) == \
        (type(e.value), 4, "agency", str(e.value))


# ------------------------------------------------------------ no numpy

def test_import_nhanluc_does_not_need_numpy():
    code = r"""
import sys
sys.modules["numpy"] = None          # as if numpy were not installed
import nhanluc
p = nhanluc.Policy.default()
r = p.attraction_subsidy(degree="bachelor", major="it", agency="state", dedicated_post=True,
                         workplace=88, start="2024-05-01")
assert r.amount == 100_000_000
assert "numpy" not in [m for m in sys.modules if sys.modules[m] is not None]
try:
    nhanluc.batch
except ImportError as e:
    assert "numpy" in str(e), e
else:
    raise SystemExit("nhanluc.batch imported without numpy")
print("ok")
"""
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         env=dict(os.environ))
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "ok"


# ------------------------------------------ every value as itself (issue 10)
# Each distinct value of a column is converted once; two values that pandas'
# factorize (or numpy) takes for one -- "bachelor\0phd" and "bachelor" (C
# strings end at the NUL), 5 and 5.0, 1 and True -- must each be validated as
# itself, or the second would be accepted on the strength of the first.

ONE_SUBSIDY = dict(major="it", agency="state", dedicated_post=True, workplace=82,
                   start="2024-05-01")
ONE_CLAIM = dict(dedicated_official=True, short_concentrated=True, days=5,
                 start="2023-03-01")


def _nul_columns():
    pd = pytest.importorskip("pandas")
    values = ["bachelor", "bachelor\0phd"]
    return [("list", values), ("numpy text", np.array(values)),
            ("numpy objects", np.array(values, dtype=object)),
            ("pandas objects", pd.Series(values, dtype=object)),
            ("pandas string", pd.Series(values, dtype="string"))]


@pytest.mark.parametrize("what", ["list", "numpy text", "numpy objects", "pandas objects",
                                  "pandas string"])
def test_a_text_with_a_nul_after_its_prefix_is_validated_as_itself(shared_policy, what):
    degree = dict(_nul_columns())[what]
    with pytest.raises(nhanluc.InvalidArgumentError) as e:
        B.attraction_subsidy(shared_policy, degree=degree, **ONE_SUBSIDY)
    assert e.value.index == 1 and e.value.column == "degree"
    assert "unknown degree 'bachelor\\x00phd'" in str(e.value)


def _money_columns():
    pd = pytest.importorskip("pandas")
    return [("5.0 after 5, list", [5_000_000, 5_000_000.0], "float"),
            ("True after 1, list", [1, True], "bool"),
            ("5.0 after 5, object Series", pd.Series([5_000_000, 5_000_000.0], dtype=object),
             "float"),
            ("True after 1, object array", np.array([1, True], dtype=object), "bool"),
            ("numpy bool after 1, list", [1, np.bool_(True)], "bool")]


@pytest.mark.parametrize("what", [m[0] for m in _money_columns()])
def test_a_money_value_equal_to_an_earlier_int_is_validated_as_itself(shared_policy, what):
    tuition, typename = {m[0]: (m[1], m[2]) for m in _money_columns()}[what]
    with pytest.raises(nhanluc.ArgumentTypeError) as e:
        B.training_support(shared_policy, tuition=tuition, **ONE_CLAIM)
    assert e.value.index == 1 and e.value.column == "tuition"
    assert "tuition must be an int number of đồng, not %s" % typename in str(e.value)
    # The same values one at a time: the single-record method refuses them too.
    with pytest.raises(nhanluc.ArgumentTypeError):
        shared_policy.training_support(tuition=list(tuition)[1], **ONE_CLAIM)


def test_a_workplace_and_a_flag_equal_to_an_earlier_int_are_validated_as_themselves(
        shared_policy):
    with pytest.raises(nhanluc.ArgumentTypeError) as e:
        B.attraction_subsidy(shared_policy, degree="bachelor", major="it", agency="state",
                             dedicated_post=True, workplace=[82, 82.0], start="2024-05-01")
    assert (e.value.index, e.value.column) == (1, "workplace")
    with pytest.raises(nhanluc.ArgumentTypeError) as e:
        B.attraction_subsidy(shared_policy, degree="bachelor", major="it", agency="state",
                             dedicated_post=[1, 1.0], workplace=82, start="2024-05-01")
    assert (e.value.index, e.value.column) == (1, "dedicated_post")


def test_many_records_of_a_few_names_still_get_their_answers(shared_policy):
    # A text column of a few names over many records (the fast path of
    # pandas' factorize, kept when it is exact): every record its answer.
    pd = pytest.importorskip("pandas")
    names = np.array(["bachelor", "master", "college"], dtype=object)[np.arange(3000) % 3]
    got = B.attraction_subsidy(shared_policy, pd.DataFrame({"degree": names, **{
        k: [v] * 3000 for k, v in ONE_SUBSIDY.items()}}))
    assert got["amount"].tolist() == [facts.AMOUNT_DISTRICT, facts.AMOUNT_DISTRICT, 0] * 1000


def test_a_table_with_two_columns_of_one_name_is_refused(shared_policy):
    # pandas allows it; which one is meant is not for nhanluc to guess.
    pd = pytest.importorskip("pandas")
    df = pd.DataFrame([["bachelor", "it", "state", True, 82, "2024-05-01", "college"]],
                      columns=["degree", "major", "agency", "dedicated_post", "workplace",
                               "start", "degree"])
    with pytest.raises(nhanluc.InvalidArgumentError) as e:
        B.attraction_subsidy(shared_policy, df)
    assert str(e.value) == ("attraction_subsidy: the table has 2 columns named 'degree': "
                            "each column needs its own name")
