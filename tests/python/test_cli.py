"""python3 -m nhanluc.cli: CSV in, CSV of results and a summary out."""

import csv
import io
import os
import subprocess
import sys

import pytest

np = pytest.importorskip("numpy")

import facts  # noqa: E402
from nhanluc import cli  # noqa: E402

CITY, DISTRICT = facts.AMOUNT_CITY_TOWN, facts.AMOUNT_DISTRICT
PEOPLE = """\
name,degree,major,agency,dedicated_post,workplace,start
Lan,bachelor,it,state,true,088,2024-05-01
Minh,master,it,party,1,85,2025-03-01
Hoa,college,it,state,true,080,2024-05-01
Tú,bachelor,electronics_telecom,state,yes,089,2026-02-01

Nam,bachelor,it,state,false,082,2024-05-01
Mai,bachelor,it,party,true,132,2024-05-01
"""
# Lan: Sa Pa (city/town) -> 100M; Minh: Bắc Hà (district), 2025 -> 150M, 200M
# with the reform; Hoa: college -> degree; Tú: 2026 -> not_in_force;
# Nam: not dedicated; Mai: Yên Bái (132) -> outside_province.
EXPECT = [("Lan", CITY, "ok", CITY), ("Minh", DISTRICT, "ok", 200_000_000),
          ("Hoa", 0, "degree", 0), ("Tú", 0, "not_in_force", 0),
          ("Nam", 0, "not_dedicated", 0), ("Mai", 0, "outside_province", 0)]
REFORM = "attraction.amount.district=200M@2025-01-01"


def run(*args):
    out, err = io.StringIO(), io.StringIO()
    code = cli.main([str(a) for a in args], stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


def read(path):
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


@pytest.fixture
def people(tmp_path):
    path = tmp_path / "people.csv"
    path.write_text(PEOPLE, encoding="utf-8")
    return path


@pytest.mark.parametrize("engine", ["auto", "csv"])
def test_round_trip_with_reform(tmp_path, people, engine):
    res, summ, png = tmp_path / "res.csv", tmp_path / "sum.csv", tmp_path / "c.png"
    code, out, err = run("attraction", people, "-o", res, "--summary", summ, "--chart", png,
                         "--reform", REFORM, "--engine", engine, "--chunk-size", 2)
    assert code == 0, err
    rows = read(res)
    assert [r["name"] for r in rows] == [e[0] for e in EXPECT]
    assert list(rows[0]) == ["name", "degree", "major", "agency", "dedicated_post",
                             "workplace", "start", "amount", "reason", "certainty",
                             "eligible", "amount_reform", "reason_reform",
                             "certainty_reform", "eligible_reform", "amount_change"]
    for r, (name, amount, reason, reformed) in zip(rows, EXPECT):
        assert (int(r["amount"]), r["reason"], int(r["amount_reform"]),
                int(r["amount_change"])) == (amount, reason, reformed, reformed - amount)
        assert r["eligible"] == ("true" if reason == "ok" else "false")
    assert rows[0]["workplace"] == "088"      # input columns as written
    total = {r["workplace"]: r for r in read(summ)}["total"]
    assert (int(total["people"]), int(total["eligible_baseline"]),
            int(total["cost_baseline"]), int(total["cost_reform"])) == \
        (6, 2, CITY + DISTRICT, CITY + 200_000_000)
    assert "Tổng cộng" in out and "+50.000.000 đ" in out
    assert png.read_bytes()[:4] == b"\x89PNG"


def test_engines_write_the_same_file(tmp_path, people):
    a, b = tmp_path / "a.csv", tmp_path / "b.csv"
    assert run("attraction", people, "-o", a, "--reform", REFORM)[0] == 0
    assert run("attraction", people, "-o", b, "--reform", REFORM, "--engine", "csv")[0] == 0
    assert a.read_bytes() == b.read_bytes()


def test_as_a_module_with_progress(tmp_path, people):
    res = tmp_path / "res.csv"
    p = subprocess.run([sys.executable, "-m", "nhanluc.cli", "attraction", str(people),
                        "-o", str(res), "--progress", "--lang", "en", "--keep", "name"],
                       capture_output=True, text=True)
    assert p.returncode == 0, p.stderr
    assert "100%" in p.stderr and "6/6 records" in p.stderr
    assert "Total" in p.stdout and "VND 250,000,000" in p.stdout
    assert list(read(res)[0]) == ["name", "amount", "reason", "certainty", "eligible"]


def test_standard_input(people):
    p = subprocess.run([sys.executable, "-m", "nhanluc.cli", "attraction", "-", "--by", "none"],
                       input=people.read_text(encoding="utf-8"), capture_output=True,
                       text=True)
    assert p.returncode == 0, p.stderr
    assert "250.000.000 đ" in p.stdout


def test_a_bad_record_stops_the_run(tmp_path, people):
    text = PEOPLE.replace("Nam,bachelor", "Nam,bachelr")
    bad = tmp_path / "bad.csv"
    bad.write_text(text, encoding="utf-8")
    res = tmp_path / "res.csv"
    for engine in ("auto", "csv"):
        code, out, err = run("attraction", bad, "-o", res, "--engine", engine,
                             "--chunk-size", 2)
        assert code == 1
        # Nam is data record 4 (0-based), on line 7 (the header is line 1,
        # a blank line before him).
        assert "bad.csv line 7 (record 4): unknown degree 'bachelr'" in err, err
        assert not res.exists()
        assert not [f for f in os.listdir(tmp_path) if f.startswith(".nhanluc-")]


def test_bad_columns_and_options(tmp_path, people):
    bad = tmp_path / "bad.csv"
    bad.write_text(PEOPLE.replace("dedicated_post", "dedicated"), encoding="utf-8")
    code, _, err = run("attraction", bad)
    assert code == 1 and "did you mean 'dedicated'" in err
    code, _, err = run("attraction", people, "--reform", "attraction.amount.nowhere=1@2025-01-01")
    assert code == 1 and "attraction.amount.nowhere" in err
    code, _, err = run("attraction", people, "--keep", "salary")
    assert code == 1 and "salary" in err
    empty = tmp_path / "empty.csv"
    empty.write_text("", encoding="utf-8")
    assert run("attraction", empty)[0] == 1
    with pytest.raises(SystemExit) as e:
        run("pension", people)
    assert e.value.code == 2


def test_experts_and_training(tmp_path):
    experts = tmp_path / "experts.csv"
    experts.write_text("degree,experience_years,role,on\n"
                       "bachelor,15,member,2025-06-30\n"
                       "master,3.5,member,2025-07-01\n"
                       "bachelor,0,team_leader,2025-07-01\n", encoding="utf-8")
    res = tmp_path / "res.csv"
    code, out, err = run("expert", experts, "-o", res, "--reform",
                         "expert.cap.*=+10%@2025-07-01")
    assert code == 0, err
    rows = read(res)
    assert [int(r["monthly"]) for r in rows] == [facts.TT02_CAP[1], facts.TT004_CAP[3],
                                                facts.TT004_CAP[1]]
    assert [int(r["monthly_reform"]) for r in rows] == [
        facts.TT02_CAP[1], facts.TT004_CAP[3] * 11 // 10, facts.TT004_CAP[1] * 11 // 10]
    claims = tmp_path / "claims.csv"
    claims.write_text("dedicated_official,short_concentrated,tuition,days,start\n"
                      "true,true,5000000,5,2024-03-04\n"
                      "true,false,5000000,60,2024-03-04\n", encoding="utf-8")
    code, out, err = run("training", claims, "-o", res)
    assert code == 0, err
    assert [int(r["total"]) for r in read(res)] == [5_000_000, 0]
