"""nhanluc.scenario: baseline against reform over a population.

The totals are checked on a small population whose figures follow from the
policy facts (docs/law/1-attraction.md: 100,000,000 đ in Lào Cai city and Sa Pa
town, 150,000,000 đ in a district, period 2021-2025)."""

import datetime
import os
import pickle
import subprocess
import sys

import pytest

np = pytest.importorskip("numpy")
pd = pytest.importorskip("pandas")

import facts  # noqa: E402
import nhanluc  # noqa: E402
import nhanluc.batch as B  # noqa: E402
import nhanluc.scenario as sc  # noqa: E402

CITY, DISTRICT = facts.AMOUNT_CITY_TOWN, facts.AMOUNT_DISTRICT
REFORM = "attraction.amount.district=200M@2025-01-01"
RAISED = 200_000_000

# (degree, major, agency, dedicated, workplace, start) -> baseline, reform
PEOPLE = [
    ("bachelor", "it", "state", True, "080", "2024-05-01", CITY, CITY),
    ("master", "electronics_telecom", "party", True, "088", "2023-01-01", CITY, CITY),
    ("bachelor", "it", "state", True, "082", "2025-03-01", DISTRICT, RAISED),
    ("doctor", "it", "state", True, "089", "2024-12-31", DISTRICT, DISTRICT),
    ("bachelor", "it", "party", True, "085", "2025-12-31", DISTRICT, RAISED),
    ("bachelor", "it", "state", True, "083", "2026-01-01", 0, 0),   # after 2021-2025
    ("college", "it", "state", True, "084", "2024-01-01", 0, 0),    # degree
    ("bachelor", "it", "state", True, "132", "2024-01-01", 0, 0),   # Yên Bái: outside
    ("bachelor", "other", "state", True, "080", "2024-01-01", 0, 0),  # major
    ("bachelor", "it", "state", False, "086", "2025-06-01", 0, 0),  # not dedicated
]


def people_frame():
    cols = ["degree", "major", "agency", "dedicated_post", "workplace", "start"]
    return pd.DataFrame([p[:6] for p in PEOPLE], columns=cols)


@pytest.fixture
def cmp():
    return sc.compare(people_frame(), REFORM)


def test_totals_on_a_hand_checked_population(cmp):
    t = cmp.totals
    base = sum(p[6] for p in PEOPLE)
    ref = sum(p[7] for p in PEOPLE)
    assert (base, ref) == (2 * CITY + 3 * DISTRICT, 2 * CITY + DISTRICT + 2 * RAISED)
    assert t["people"] == 10
    assert (t["eligible_baseline"], t["eligible_reform"], t["eligible_change"]) == (5, 5, 0)
    assert (t["cost_baseline"], t["cost_reform"], t["cost_change"]) == (base, ref, ref - base)
    assert t["cost_change"] == 2 * (RAISED - DISTRICT)
    # Every answer of the built-in policy rests on the unconfirmed period;
    # the reform's raised amounts are "user" values.
    assert t["cost_unconfirmed_baseline"] == base and t["cost_unconfirmed_reform"] == ref


def test_totals_by_workplace(cmp):
    rows = {r["workplace"]: r for r in cmp.rows}
    # Every unit of the dated catalogue is a row, people or not: the nine
    # pre-2025 units, then the 99 communes (five-digit codes, from
    # 2025-07-01; none of this population works in one), then outside, total.
    codes = list(rows)
    assert codes[:9] == ["%03d" % w[0] for w in facts.WORKPLACES]
    assert len(codes) == 9 + facts.COMMUNE_COUNT + 2 and codes[-2:] == ["outside", "total"]
    assert all(len(c) == 5 and rows[c]["people"] == 0 for c in codes[9:-2])
    assert [r["name"] for r in cmp.rows[:9]] == [w[1] for w in facts.WORKPLACES]
    expect = {  # workplace: people, eligible, cost baseline, cost reform
        "080": (2, 1, CITY, CITY), "088": (1, 1, CITY, CITY),
        "082": (1, 1, DISTRICT, RAISED), "089": (1, 1, DISTRICT, DISTRICT),
        "085": (1, 1, DISTRICT, RAISED), "083": (1, 0, 0, 0), "084": (1, 0, 0, 0),
        "086": (1, 0, 0, 0), "087": (0, 0, 0, 0), "outside": (1, 0, 0, 0)}
    for code, (people, eligible, base, ref) in expect.items():
        r = rows[code]
        assert (r["people"], r["eligible_baseline"], r["eligible_reform"],
                r["cost_baseline"], r["cost_reform"], r["cost_change"]) == \
            (people, eligible, eligible, base, ref, ref - base), code
    assert rows["outside"]["name"] == "Ngoài tỉnh"
    assert rows["total"]["name"] == "Tổng cộng"


def test_summary_is_a_dataframe(cmp):
    s = cmp.summary
    assert isinstance(s, pd.DataFrame)
    assert list(s.columns) == ["workplace", "name"] + list(sc.SUMMARY_COLUMNS)
    assert s.set_index("workplace").loc["total", "cost_change"] == 2 * (RAISED - DISTRICT)
    assert all(s[c].dtype == np.int64 for c in sc.SUMMARY_COLUMNS)


def test_per_person_results_are_kept(cmp):
    assert cmp.baseline["amount"].tolist() == [p[6] for p in PEOPLE]
    assert cmp.reform["amount"].tolist() == [p[7] for p in PEOPLE]
    assert cmp.reform["certainty"].tolist()[2] == facts.USER
    assert cmp.baseline["reason"].tolist()[5:] == ["not_in_force", "degree",
                                                   "outside_province", "major",
                                                   "not_dedicated"]


def test_reform_forms_agree():
    df = people_frame()
    p = nhanluc.Policy.default()
    q = p.copy()
    q.set("attraction.amount.district", RAISED, since="2025-01-01")
    forms = [REFORM, [REFORM], sc.parse_change(REFORM),
             ("attraction.amount.district", RAISED, "2025-01-01"), q,
             sc.PolicySpec.default([REFORM])]
    totals = [sc.compare(df, f, p).totals for f in forms]
    assert all(t == totals[0] for t in totals)
    assert sc.compare(df, q, p).reform_text() == ""
    assert sc.compare(df, REFORM).reform_text("en") == \
        "attraction.amount.district = VND 200,000,000 from 2025-01-01"


def test_no_reform_means_no_change():
    c = sc.compare(people_frame())
    assert c.totals["cost_change"] == 0 and not c.has_reform
    assert "Chênh lệch" not in c.to_text()


def test_ending_a_policy_and_scaling():
    df = people_frame()
    c = sc.compare(df, "attraction.period=end@2025-01-01")
    assert c.totals["eligible_reform"] == 3 and c.totals["cost_reform"] == 2 * CITY + DISTRICT
    experts = pd.DataFrame({"degree": ["bachelor", "master", "college"],
                            "experience_years": [15, 3, 20], "on": "2025-07-01"})
    c = sc.compare(experts, "expert.cap.*=+10%@2025-07-01", kind="expert")
    assert c.by is None and len(c.rows) == 1
    t = c.totals
    assert t["cost_baseline"] == facts.TT004_CAP[1] + facts.TT004_CAP[3]
    assert t["cost_reform"] == facts.TT004_CAP[1] * 11 // 10 + facts.TT004_CAP[3] * 11 // 10
    assert t["eligible_baseline"] == 2


def test_group_by_another_column():
    c = sc.compare(people_frame(), REFORM, by="agency", lang="en")
    rows = {r["agency"]: r for r in c.rows}
    assert set(rows) == {"party", "state", "total"}
    assert rows["party"]["cost_reform"] == CITY + RAISED
    assert rows["total"]["name"] == "Total"
    with pytest.raises(nhanluc.InvalidArgumentError, match="group by"):
        sc.compare(people_frame(), REFORM, by="salary")


def test_partials_add_up_to_the_whole():
    pop = sc.synthetic_population(20_000, seed=7)
    whole = sc.compare(pop, REFORM)
    spec = sc.PolicySpec.default()
    cuts = [0, 1, 7000, 7001, 20_000]
    parts = [sc.partial(pop.iloc[a:b], spec, spec.with_changes(REFORM))
             for a, b in zip(cuts, cuts[1:])]
    again = sc.Comparison.from_partials(parts, policy=spec, changes=[REFORM])
    assert again.rows == whole.rows
    frames = pd.concat([sc.partial_frame(pop.iloc[a:b], spec, spec.with_changes(REFORM))
                        for a, b in zip(cuts, cuts[1:])])
    assert sc.Comparison.from_partials([frames], policy=spec).rows == whole.rows


def test_policy_specs_pickle_and_build_once():
    spec = sc.PolicySpec.default(["attraction.amount.district=200M@2025-01-01",
                                  "expert.cap.*=*1.1@2025-07-01"])
    again = pickle.loads(pickle.dumps(spec))
    assert again == spec and hash(again) == hash(spec)
    assert again.build() is spec.build()
    p = spec.build()
    assert p.get("attraction.amount.district", "2025-06-01") == RAISED
    assert p.get("expert.cap.level1", "2025-07-01") == facts.TT004_CAP[1] * 11 // 10
    text = open(os.path.join(os.environ.get("NHANLUC_SOURCE_DIR", "../.."), "data",
                             "laocai.json"), encoding="utf-8").read()
    j = sc.PolicySpec.from_json(text, [REFORM])
    assert pickle.loads(pickle.dumps(j)).build().get("attraction.amount.district",
                                                     "2025-01-01") == RAISED
    assert spec.fresh() is not spec.build()


def test_change_syntax():
    c = sc.parse_change("attraction.amount.district = 200_000_000 @ 2025-01-01")
    assert (c.key, c.op, c.value, c.since) == ("attraction.amount.district", "set", RAISED,
                                               datetime.date(2025, 1, 1))
    assert sc.parse_change("x=1,500,000@2024-01-01").value == 1_500_000
    assert sc.parse_change("x=1.5M@2024-01-01").value == 1_500_000
    assert str(sc.parse_change("expert.cap.*=+10%@2025-07-01")) == \
        "expert.cap.*=*1.1@2025-07-01"
    assert str(sc.parse_change("x=-5%@2025-07-01")) == "x=*0.95@2025-07-01"
    assert sc.parse_change("x=end@2025-07-01").op == "end"
    for bad in ["x=1.5@2024-01-01", "x@2024", "x=abc@2024-01-01", "x=*-2@2024-01-01"]:
        with pytest.raises(nhanluc.InvalidArgumentError):
            sc.parse_change(bad)
    with pytest.raises(nhanluc.DateError):
        sc.parse_change("x=1@2024-02-30")
    with pytest.raises(nhanluc.NotFoundError):
        sc.reform(None, "no.such.key=1@2024-01-01")
    with pytest.raises(nhanluc.NotFoundError):
        sc.reform(None, "no.such.*=1@2024-01-01")


def test_format_vnd():
    assert sc.format_vnd(1_500_000_000) == "1.500.000.000 đ"
    assert sc.format_vnd(1_500_000_000, "en") == "VND 1,500,000,000"
    assert sc.format_vnd(1_500_000_000, compact=True) == "1,5 tỷ đ"
    assert sc.format_vnd(150_000_000, "en", compact=True) == "VND 150 m"
    assert sc.format_vnd(-2_000_000, compact=True) == "-2 triệu đ"
    assert sc.format_vnd(5, sign=True) == "+5 đ"


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_chart_is_written(tmp_path, cmp, lang):
    path = tmp_path / ("chart-%s.png" % lang)
    assert cmp.chart(path, lang=lang) == path
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 20_000
    # width and height from the IHDR chunk: a report-sized picture
    w, h = int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")
    assert w >= 1200 and h >= 600


def test_charts_of_other_kinds(tmp_path):
    t = sc.synthetic_population(300, seed=2, kind="training")
    path = tmp_path / "training.png"
    sc.compare(t, kind="training").chart(path)
    assert path.stat().st_size > 10_000


# ------------------------------------------------------- synthetic people

def test_synthetic_population_is_plausible_and_reproducible():
    a = sc.synthetic_population(50_000, seed=11)
    b = sc.synthetic_population(50_000, seed=11)
    assert a.equals(b)
    assert not a.equals(sc.synthetic_population(50_000, seed=12))
    codes = set(a["workplace"].tolist())
    assert {w[0] for w in facts.WORKPLACES} <= codes
    outside = codes - {w[0] for w in facts.WORKPLACES}
    assert outside and all(0 <= c <= 999 for c in outside)
    r = B.attraction_subsidy(nhanluc.Policy.default(), a)
    share = r["eligible"].mean()
    assert 0.2 < share < 0.6
    assert set(r["reason"].unique()) >= {"ok", "not_in_force", "degree", "major", "agency",
                                          "not_dedicated", "outside_province"}
    for kind in ("expert", "training"):
        pop = sc.synthetic_population(5000, seed=1, kind=kind)
        res = B.evaluate(kind, nhanluc.Policy.default(), pop)
        assert 0.3 < res["eligible"].mean() <= 1.0


def test_synthetic_population_as_arrays():
    d = sc.synthetic_population(1000, seed=1, as_frame=False)
    assert isinstance(d, dict) and d["degree"].dtype == np.uint8
    r = B.attraction_subsidy(nhanluc.Policy.default(), d)
    f = B.attraction_subsidy(nhanluc.Policy.default(), sc.synthetic_population(1000, seed=1))
    assert r["amount"].tolist() == f["amount"].tolist()


def test_without_pandas_the_summary_is_a_list_of_dicts():
    code = r"""
import sys
sys.modules["pandas"] = None
import nhanluc.scenario as sc
pop = sc.synthetic_population(2000, seed=3)
assert isinstance(pop, dict)
c = sc.compare(pop, "attraction.amount.district=200M@2025-01-01")
s = c.summary
assert isinstance(s, list) and isinstance(s[0], dict), type(s)
assert s[-1]["workplace"] == "total" and s[-1]["people"] == 2000
assert s[-1]["cost_change"] > 0
print("ok")
"""
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "ok"


# --------------------------------------------- exact totals (issue 10, item 5)
# A what-if amount of INT64_MAX for every district: a district's total is a
# multiple of it, past int64. Sums are Python ints, never wrapped around.

BIG = (1 << 63) - 1
BIG_REFORM = "attraction.amount.district=%d@2021-01-01" % BIG


def _district_people(n82=3, n83=2):
    rows = [("bachelor", "it", "state", True, "082", "2024-05-01")] * n82 + \
        [("bachelor", "it", "state", True, "083", "2024-05-01")] * n83 + \
        [("bachelor", "it", "state", True, "080", "2024-05-01")]
    return pd.DataFrame(rows, columns=["degree", "major", "agency", "dedicated_post",
                                       "workplace", "start"])


def test_totals_past_int64_are_exact_python_ints():
    c = sc.compare(_district_people(), BIG_REFORM)
    rows = {r["workplace"]: r for r in c.rows}
    assert rows["082"]["cost_reform"] == 3 * BIG and type(rows["082"]["cost_reform"]) is int
    assert rows["083"]["cost_reform"] == 2 * BIG
    assert rows["080"]["cost_reform"] == CITY
    assert rows["total"]["cost_reform"] == 5 * BIG + CITY
    assert rows["total"]["cost_change"] == 5 * BIG - 5 * DISTRICT
    assert rows["total"]["cost_unconfirmed_reform"] == 5 * BIG + CITY   # what-if values
    # The DataFrame keeps them exact too (Python ints, where int64 cannot).
    s = c.summary.set_index("workplace")
    assert s.loc["total", "cost_reform"] == 5 * BIG + CITY
    assert s["cost_baseline"].dtype == np.int64   # columns that fit stay int64
    assert "{:,}".format(5 * BIG + CITY).replace(",", ".") + " đ" in c.to_text()


def test_partial_sums_past_int64_are_exact_in_dicts_and_frames():
    pop = _district_people(n82=4, n83=3)
    spec = sc.PolicySpec.default()
    whole = sc.compare(pop, BIG_REFORM)
    cuts = [0, 2, 5, len(pop)]
    parts = [sc.partial(pop.iloc[a:b], spec, spec.with_changes(BIG_REFORM))
             for a, b in zip(cuts, cuts[1:])]
    assert parts[0]["082"][4] == 2 * BIG
    frames = [sc.partial_frame(pop.iloc[a:b], spec, spec.with_changes(BIG_REFORM))
              for a, b in zip(cuts, cuts[1:])]
    assert frames[0].set_index("group").loc["082", "cost_reform"] == 2 * BIG
    for partials in (parts, frames, [pd.concat(frames)]):
        again = sc.Comparison.from_partials(partials, policy=spec, changes=[BIG_REFORM])
        assert again.rows == whole.rows
        assert again.totals["cost_reform"] == 7 * BIG + CITY


def test_group_sums_of_many_huge_values_are_exact():
    # The per-group sum of values near the int64 limits, positive and
    # negative, as the scenario adds them up: equal to Python's sum.
    rng = np.random.default_rng(5)
    n, groups = 5000, 7
    codes = rng.integers(0, groups, n).astype(np.intp)
    a = rng.integers(-(1 << 63), (1 << 63) - 1, n, dtype=np.int64, endpoint=True)
    a[:50] = np.iinfo(np.int64).max
    a[50:100] = np.iinfo(np.int64).min
    counts, (sums,) = sc._group_sums(codes, groups, [a])
    want = [0] * groups
    for g, v in zip(codes.tolist(), a.tolist()):
        want[g] += v
    assert sums == want and counts.tolist() == np.bincount(codes, minlength=groups).tolist()


# --------------------------------------- messages, not tracebacks (item 10)

def test_grouping_by_a_list_of_columns_is_a_type_error_that_says_what_to_do():
    with pytest.raises(nhanluc.ArgumentTypeError) as e:
        sc.compare(people_frame(), REFORM, by=["agency", "degree"])
    assert str(e.value) == (
        "by must be the name of one column (a str), 'auto' or None, not list; to group by "
        "several columns, join them into one first, e.g. df['a'].astype(str) + '/' + "
        "df['b'].astype(str)")
    with pytest.raises(nhanluc.ArgumentTypeError):
        sc.partial(people_frame(), by=("agency",))


def test_a_chart_of_many_groups_shows_the_costliest_and_adds_up_the_rest(tmp_path):
    # 2,000 groups used to make a picture too tall to draw (a ValueError
    # from matplotlib); now the 24 costliest and one bar for the others.
    n = 2000
    df = pd.concat([people_frame()] * (n // 10 + 1), ignore_index=True).iloc[:n].copy()
    df["office"] = ["office %04d" % i for i in range(n)]
    c = sc.compare(df, REFORM, by="office", lang="en")
    assert len(c.groups()) == n
    path = tmp_path / "many.png"
    assert c.chart(path) == path
    data = path.read_bytes()
    h = int.from_bytes(data[20:24], "big")
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and h <= 150 * (3.2 + 0.48 * sc.CHART_GROUPS)
    shown = sc._top_groups(c.groups(), "office", "en")
    assert len(shown) == sc.CHART_GROUPS
    assert shown[-1]["name"] == "Other groups (1,976)"
    for col in sc.SUMMARY_COLUMNS:   # nothing lost: the bars add up to the total
        assert sum(r[col] for r in shown) == c.totals[col], col
