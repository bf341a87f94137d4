"""python3 -m nhanluc.cli: CSV in, CSV of results and a summary out."""

import codecs
import csv
import io
import os
import stat
import subprocess
import sys
import threading

import pytest

np = pytest.importorskip("numpy")

import facts  # noqa: E402
import nhanluc  # noqa: E402
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
# Lan's legal source, as the single-record call cites it.
LAN_SOURCE = nhanluc.Policy.default().attraction_subsidy(
    degree="bachelor", major="it", agency="state", dedicated_post=True, workplace=88,
    start="2024-05-01").source
HEADER = "name,amount,reason,source,certainty,eligible"


def line(*fields, delimiter=","):
    """One CSV line as the writer quotes it."""
    out = io.StringIO()
    csv.writer(out, delimiter=delimiter, lineterminator="").writerow(fields)
    return out.getvalue()


LAN = line("Lan", CITY, "ok", LAN_SOURCE, "unconfirmed", "true")


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
                             "workplace", "start", "amount", "reason", "source",
                             "certainty", "eligible", "amount_reform", "reason_reform",
                             "source_reform", "certainty_reform", "eligible_reform",
                             "amount_change"]
    assert rows[0]["source"] == rows[0]["source_reform"] == LAN_SOURCE
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
    assert list(read(res)[0]) == HEADER.split(",")


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


# ------------------------------------------------------- outputs (issue 10)
# What a run writes, and where: all its outputs or none; what a path names
# decides how (docs/scenarios.md, "Outputs").

def test_output_onto_a_device_is_written_through_and_stays_a_device(tmp_path, people):
    # As root the CLI used to rename its temporary file over the device
    # node: /dev/null became a regular file. A private device node with the
    # numbers of /dev/null (root can make one) is checked, else /dev/null.
    if os.geteuid() == 0:
        dev = tmp_path / "null"
        os.mknod(dev, 0o666 | stat.S_IFCHR, os.makedev(1, 3))
    else:
        dev = "/dev/null"
    before = os.stat(dev)
    code, out, err = run("attraction", people, "-o", dev, "--summary", dev, "--by", "none")
    assert code == 0, err
    after = os.stat(dev)
    assert stat.S_ISCHR(after.st_mode) and after.st_rdev == before.st_rdev
    assert (after.st_ino, stat.S_IMODE(after.st_mode)) == (before.st_ino,
                                                          stat.S_IMODE(before.st_mode))
    assert "250.000.000 đ" in out


def test_output_onto_a_fifo_is_written_through(tmp_path, people):
    fifo = tmp_path / "results.fifo"
    os.mkfifo(fifo)
    got = []

    def reader():
        with open(fifo, "rb") as f:   # blocks until the CLI opens it to write
            got.append(f.read())

    th = threading.Thread(target=reader, daemon=True)
    th.start()
    code, _, err = run("attraction", people, "-o", fifo, "--keep", "name")
    assert code == 0, err
    th.join(60)   # a guard against a hang, not a timing check
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)   # not replaced by a regular file
    lines = got[0].decode("utf-8").splitlines()
    assert lines[0] == HEADER
    assert [ln.split(",")[0] for ln in lines[1:]] == [e[0] for e in EXPECT]


def test_output_to_dev_stdout_is_written_to_the_standard_output_as_it_is(tmp_path, people):
    # Standard output redirected with >>: the results are appended after
    # what the file held (opening /dev/stdout again would truncate it, and
    # renaming a temporary file over it would not be possible), then the
    # summary follows.
    log = tmp_path / "log.txt"
    log.write_text("before\n", encoding="utf-8")
    with open(log, "ab") as f:
        p = subprocess.run([sys.executable, "-m", "nhanluc.cli", "attraction", str(people),
                            "-o", "/dev/stdout", "--keep", "name", "--by", "none"],
                           stdout=f, stderr=subprocess.PIPE, text=True)
    assert p.returncode == 0, p.stderr
    text = log.read_text(encoding="utf-8").splitlines()
    assert text[:3] == ["before", HEADER, LAN]
    assert len(text) == 2 + len(EXPECT) + 3 and "250.000.000 đ" in text[-1]


def test_output_through_a_symlink_writes_its_target(tmp_path, people):
    target = tmp_path / "real.csv"
    target.write_text("old\n", encoding="utf-8")
    link = tmp_path / "link.csv"
    link.symlink_to(target)
    code, _, err = run("attraction", people, "-o", link, "--keep", "name")
    assert code == 0, err
    assert link.is_symlink() and os.readlink(link) == str(target)
    assert [r["name"] for r in read(target)] == [e[0] for e in EXPECT]


def test_a_read_only_output_is_refused_and_left_alone(tmp_path, people):
    res = tmp_path / "res.csv"
    res.write_text("keep me\n", encoding="utf-8")
    res.chmod(0o444)
    code, _, err = run("attraction", people, "-o", res)
    assert code == 1 and "read-only" in err and "res.csv" in err
    assert res.read_text(encoding="utf-8") == "keep me\n"
    assert stat.S_IMODE(res.stat().st_mode) == 0o444


def test_outputs_get_the_umask_s_mode_or_keep_their_own(tmp_path, people):
    res, summ, png = tmp_path / "res.csv", tmp_path / "sum.csv", tmp_path / "c.png"
    old = os.umask(0o027)
    try:
        code, _, err = run("attraction", people, "-o", res, "--summary", summ,
                           "--chart", png)
        assert code == 0, err
        # New files: 0666 less the umask (0640), as any program's.
        assert [stat.S_IMODE(f.stat().st_mode) for f in (res, summ, png)] == [0o640] * 3
        res.chmod(0o604)
        code, _, err = run("attraction", people, "-o", res)
        assert code == 0, err
        assert stat.S_IMODE(res.stat().st_mode) == 0o604   # an existing file keeps its mode
    finally:
        os.umask(old)


def test_a_failing_output_leaves_no_output_at_all(tmp_path, people, monkeypatch):
    res, summ, png = tmp_path / "res.csv", tmp_path / "sum.csv", tmp_path / "c.png"

    def cannot_draw(self, path, **kw):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(cli._sc.Comparison, "chart", cannot_draw)
    code, _, err = run("attraction", people, "-o", res, "--summary", summ, "--chart", png)
    assert code == 1 and "No space left on device" in err
    assert sorted(os.listdir(tmp_path)) == ["people.csv"]   # no results, summary, temporaries


def test_an_output_naming_an_input_is_refused(tmp_path, people):
    policy = tmp_path / "policy.json"
    policy.write_bytes(facts_policy_bytes())
    link = tmp_path / "people-link.csv"
    link.symlink_to(people)
    for args, what in ((["--summary", people], "the input"),
                       (["-o", link], "the input"),
                       (["--policy", policy, "-o", policy], "the --policy document")):
        code, _, err = run("attraction", people, *args)
        assert code == 1 and what in err, err
    code, _, err = run("attraction", people, "-o", tmp_path / "x.csv",
                       "--summary", tmp_path / "x.csv")
    assert code == 1 and "the same file" in err
    assert people.read_text(encoding="utf-8") == PEOPLE
    assert policy.read_bytes() == facts_policy_bytes()
    assert not (tmp_path / "x.csv").exists()


def facts_policy_bytes():
    from conftest import LAOCAI_JSON
    return LAOCAI_JSON.read_bytes()


def test_a_chart_that_is_not_a_png_is_a_usage_error(people, capsys):
    with pytest.raises(SystemExit) as e:
        cli.main(["attraction", str(people), "--chart", "c.txt"])
    assert e.value.code == 2
    err = capsys.readouterr().err
    assert "ending in .png" in err and "Traceback" not in err


@pytest.mark.parametrize("engine", ["auto", "csv"])
def test_an_input_column_named_like_a_result_is_refused(tmp_path, engine):
    # Chosen: refused, not renamed (docs/scenarios.md): the results file
    # would otherwise have two columns named amount.
    src = tmp_path / "in.csv"
    src.write_text(PEOPLE.replace("name,", "amount,", 1), encoding="utf-8")
    res = tmp_path / "res.csv"
    code, _, err = run("attraction", src, "-o", res, "--engine", engine)
    assert code == 1 and "column 'amount'" in err and "--keep" in err
    assert not res.exists()
    code, _, err = run("attraction", src, "-o", res, "--reform", REFORM, "--engine", engine,
                       "--keep", "degree,workplace")
    assert code == 0, err
    assert list(read(res)[0]) == ["degree", "workplace"] + cli._result_names("attraction", True)
    # Without -o nothing clashes.
    assert run("attraction", src, "--engine", engine)[0] == 0


# ------------------------------------------------------- inputs (issue 10)

@pytest.mark.parametrize("engine", ["auto", "csv"])
def test_a_duplicated_header_is_an_error_naming_the_column(tmp_path, engine):
    src = tmp_path / "dup.csv"
    # Two degree columns that disagree: the readers used to pick different ones.
    src.write_text("name,degree,major,agency,dedicated_post,workplace,start,degree\n"
                   "Lan,bachelor,it,state,true,082,2024-05-01,college\n", encoding="utf-8")
    res = tmp_path / "res.csv"
    code, _, err = run("attraction", src, "-o", res, "--engine", engine)
    assert code == 1 and not res.exists()
    assert err == ("nhanluc: error: %s line 1: column 'degree' appears twice in the header "
                   "(columns 2 and 8): each column needs its own name\n" % src)


RAGGED = [
    # (what, the row replacing Minh's, the message after "line 3 ")
    ("one field too many", "Nguyễn, Văn Minh,master,it,party,1,85,2025-03-01",
     "has 8 fields, the header has 7: a value holding the delimiter ',' must be in double "
     "quotes (e.g. \"Nguyễn, Văn An\")"),
    ("trailing commas", "Minh,master,it,party,1,85,2025-03-01,,",
     "has 9 fields, the header has 7"),
    ("one field short", "Minh,master,it,party,1,85",
     "has 6 fields, the header has 7: every row needs a value (maybe empty) for every column"),
    ("a quoted field across lines, then one short", '"Minh\nNguyễn",master,it,party,1,85',
     "has 6 fields, the header has 7"),
]


@pytest.mark.parametrize("what,row,message", RAGGED, ids=[r[0] for r in RAGGED])
def test_a_ragged_row_is_an_error_naming_its_line_for_both_readers(tmp_path, what, row,
                                                                    message):
    src = tmp_path / "ragged.csv"
    src.write_text(PEOPLE.replace("Minh,master,it,party,1,85,2025-03-01", row),
                   encoding="utf-8")
    errs = []
    for engine in ("auto", "csv"):
        res = tmp_path / ("res-%s.csv" % engine)
        code, _, err = run("attraction", src, "-o", res, "--engine", engine,
                           "--chunk-size", 1)
        assert code == 1 and not res.exists()
        errs.append(err)
    assert errs[0] == errs[1]
    assert errs[0].startswith("nhanluc: error: %s line 3 %s" % (src, message)), errs[0]


@pytest.mark.parametrize("engine", ["auto", "csv"])
def test_a_header_only_csv_gives_the_header_once(tmp_path, engine):
    src = tmp_path / "empty.csv"
    src.write_text(PEOPLE.splitlines()[0] + "\n", encoding="utf-8")
    for reform in ([], ["--reform", REFORM]):
        res = tmp_path / "res.csv"
        code, out, err = run("attraction", src, "-o", res, "--engine", engine, *reform)
        assert code == 0, err
        names = PEOPLE.splitlines()[0].split(",") + cli._result_names("attraction",
                                                                         bool(reform))
        assert res.read_text(encoding="utf-8") == ",".join(names) + "\n"


def _stream_run(args, data, engine="auto"):
    """The CLI reading *data* from a pipe named /dev/fd/N, as bash's
    <(cat f.csv) gives it."""
    r, w = os.pipe()

    def feed():
        with os.fdopen(w, "wb") as f:
            f.write(data)

    th = threading.Thread(target=feed, daemon=True)
    th.start()
    try:
        p = subprocess.run([sys.executable, "-m", "nhanluc.cli", args[0], "/dev/fd/%d" % r,
                            "--engine", engine] + args[1:], pass_fds=(r,),
                           capture_output=True, text=True, timeout=120)
    finally:
        os.close(r)
    th.join(60)
    return p


@pytest.mark.parametrize("engine", ["auto", "csv"])
def test_a_pipe_is_read_once_as_a_stream(tmp_path, engine):
    # Process substitution used to be reported empty: the file was read
    # once to count its lines, then again to evaluate it.
    res = tmp_path / "res.csv"
    p = _stream_run(["attraction", "-o", str(res), "--by", "none", "--progress"],
                    PEOPLE.encode("utf-8"), engine)
    assert p.returncode == 0, p.stderr
    assert "250.000.000 đ" in p.stdout and "6 records" in p.stderr
    assert [r["name"] for r in read(res)] == [e[0] for e in EXPECT]
    # A bad record of a stream is named by its line too.
    p = _stream_run(["attraction"], PEOPLE.replace("Nam,bachelor", "Nam,bachelr")
                    .encode("utf-8"), engine)
    assert p.returncode == 1
    assert "line 7 (record 4): unknown degree 'bachelr'" in p.stderr


def test_a_fifo_is_read_as_a_stream(tmp_path):
    fifo = tmp_path / "people.fifo"
    os.mkfifo(fifo)

    def writer():
        with open(fifo, "wb") as f:   # blocks until the CLI opens it
            f.write(PEOPLE.encode("utf-8"))

    th = threading.Thread(target=writer, daemon=True)
    th.start()
    # The timeout guards against the hang (the FIFO read twice), it times nothing.
    p = subprocess.run([sys.executable, "-m", "nhanluc.cli", "attraction", str(fifo),
                        "--by", "none"], capture_output=True, text=True, timeout=120)
    th.join(60)
    assert p.returncode == 0, p.stderr
    assert "250.000.000 đ" in p.stdout


@pytest.mark.parametrize("engine", ["auto", "csv"])
def test_dev_zero_and_a_header_past_1_mib_are_refused(tmp_path, engine):
    p = subprocess.run([sys.executable, "-m", "nhanluc.cli", "attraction", "/dev/zero",
                        "--engine", engine], capture_output=True, text=True, timeout=120)
    assert p.returncode == 1
    assert p.stderr == ("nhanluc: error: /dev/zero: the header line is longer than 1 MiB: "
                        "this is not a CSV file with a header row\n")
    p = _stream_run(["attraction"], b"degree" + b"x" * (1 << 20) + b",major\n", engine)
    assert p.returncode == 1 and "header line is longer than 1 MiB" in p.stderr


@pytest.mark.parametrize("engine", ["auto", "csv"])
def test_a_nul_in_a_value_is_an_error_for_both_readers(tmp_path, engine):
    # pandas' reader cut "bachelor\0phd" to "bachelor" (and the answer was
    # then 150,000,000 đ).
    src = tmp_path / "nul.csv"
    src.write_bytes(PEOPLE.replace("Minh,master", "Minh,master\0phd").encode("utf-8"))
    code, _, err = run("attraction", src, "--engine", engine)
    assert code == 1 and "%s line 3 holds a NUL character" % src in err


ENCODINGS = [
    # (name, bytes of PEOPLE, extra arguments)
    ("utf-8 with a BOM", codecs.BOM_UTF8 + PEOPLE.encode("utf-8"), []),
    ("utf-16 with a BOM (Excel's Unicode text)", PEOPLE.encode("utf-16"), []),
    ("utf-16-be with a BOM", codecs.BOM_UTF16_BE + PEOPLE.encode("utf-16-be"), []),
    ("cp1258 named", PEOPLE.encode("cp1258"), ["--encoding", "cp1258"]),
    ("utf-8 with crlf", PEOPLE.replace("\n", "\r\n").encode("utf-8"), []),
]


@pytest.mark.parametrize("name,data,extra", ENCODINGS, ids=[e[0] for e in ENCODINGS])
def test_encodings_are_read_with_a_bom_or_encoding(tmp_path, name, data, extra):
    src = tmp_path / "in.csv"
    src.write_bytes(data)
    outs = []
    for engine in ("auto", "csv"):
        res = tmp_path / ("res-%s.csv" % engine)
        code, out, err = run("attraction", src, "-o", res, "--engine", engine, *extra)
        assert code == 0, err
        rows = read(res)
        assert [r["name"] for r in rows] == [e[0] for e in EXPECT]   # "Tú" decoded
        assert [int(r["amount"]) for r in rows] == [e[1] for e in EXPECT]
        outs.append(res.read_bytes())
    assert outs[0] == outs[1]


def test_text_that_is_not_utf_8_says_to_give_its_encoding(tmp_path):
    src = tmp_path / "excel.csv"
    src.write_bytes(PEOPLE.encode("cp1258"))   # "Tú" on line 5 is b"T\xfa"
    for engine in ("auto", "csv"):
        code, _, err = run("attraction", src, "--engine", engine)
        assert code == 1
        assert err.startswith("nhanluc: error: %s line 5 is not valid utf-8 (byte 0xFA): "
                              % src) and "--encoding cp1258" in err
        assert err.count("\n") == 1
    with pytest.raises(SystemExit) as e:
        cli.main(["attraction", str(src), "--encoding", "klingon"])
    assert e.value.code == 2


def test_a_field_over_128_kib_is_read_by_both_readers(tmp_path):
    # The csv module refuses fields over 128 KiB unless told otherwise.
    src = tmp_path / "big.csv"
    src.write_text(PEOPLE.replace("Lan,", "L%s,", 1) % ("a" * 200_000), encoding="utf-8")
    outs = []
    for engine in ("auto", "csv"):
        res = tmp_path / ("res-%s.csv" % engine)
        code, _, err = run("attraction", src, "-o", res, "--engine", engine, "--keep", "name")
        assert code == 0, err
        outs.append(res.read_bytes())
    assert outs[0] == outs[1] and len(read(tmp_path / "res-csv.csv")[0]["name"]) == 200_001


@pytest.mark.parametrize("delimiter", [";;", '"', "\n", "", "é"])
def test_a_bad_delimiter_is_a_usage_error(people, delimiter, capsys):
    with pytest.raises(SystemExit) as e:
        cli.main(["attraction", str(people), "--delimiter", delimiter])
    assert e.value.code == 2
    err = capsys.readouterr().err
    assert "is not a field separator: give one ASCII character" in err
    assert "Traceback" not in err


def test_a_tab_delimiter_is_written_as_backslash_t(tmp_path):
    src = tmp_path / "tab.tsv"
    src.write_text(PEOPLE.replace(",", "\t"), encoding="utf-8")
    res = tmp_path / "res.tsv"
    code, _, err = run("attraction", src, "--delimiter", "\\t", "-o", res, "--keep", "name")
    assert code == 0, err
    assert res.read_text(encoding="utf-8").splitlines()[1] == line(
        "Lan", CITY, "ok", LAN_SOURCE, "unconfirmed", "true", delimiter="\t")


def test_a_spreadsheet_given_as_input_says_it_is_one(tmp_path):
    import zipfile
    src = tmp_path / "people.xlsx"
    with zipfile.ZipFile(src, "w") as z:   # what an .xlsx is
        z.writestr("[Content_Types].xml", "<Types/>")
    code, _, err = run("attraction", src)
    assert code == 1
    assert err == ("nhanluc: error: %s is an .xlsx or .ods spreadsheet (a zip archive), not a "
                   "CSV file: save it as CSV (in Excel: \"CSV UTF-8\"; in LibreOffice: Text "
                   "CSV, UTF-8) and give that file\n" % src)


def test_without_numpy_the_command_says_what_to_do(people):
    # As under pyenv's python3, which has no numpy: one line, no traceback.
    code = ("import sys, runpy; sys.modules['numpy'] = None; "
            "runpy.run_module('nhanluc.cli', run_name='__main__')")
    p = subprocess.run([sys.executable, "-c", code, "attraction", str(people)],
                       capture_output=True, text=True)
    assert p.returncode == 2
    assert p.stderr.count("\n") == 1 and "Traceback" not in p.stderr
    assert p.stderr.startswith("nhanluc: error: the command line needs numpy")
    assert "/usr/bin/python3" in p.stderr and "apt install python3-numpy" in p.stderr


def test_totals_past_int64_are_exact(tmp_path):
    # Three eligible people in districts with a what-if amount of
    # INT64_MAX: the district total is 3 × (2**63 - 1), not a wrapped number.
    src = tmp_path / "in.csv"
    src.write_text("degree,major,agency,dedicated_post,workplace,start\n" +
                   "bachelor,it,state,true,082,2024-05-01\n" * 2 +
                   "bachelor,it,state,true,083,2024-05-01\n", encoding="utf-8")
    big = (1 << 63) - 1
    summ = tmp_path / "sum.csv"
    code, out, err = run("attraction", src, "--summary", summ, "--reform",
                         "attraction.amount.district=%d@2021-01-01" % big)
    assert code == 0, err
    rows = {r["workplace"]: r for r in read(summ)}
    assert int(rows["082"]["cost_reform"]) == 2 * big
    assert int(rows["total"]["cost_reform"]) == 3 * big
    assert int(rows["total"]["cost_change"]) == 3 * big - 3 * facts.AMOUNT_DISTRICT
    assert "{:,}".format(3 * big).replace(",", ".") + " đ" in out


def test_dash_as_an_output_is_the_standard_output(tmp_path, people):
    # "-" used to make a file named "-" in the working directory.
    p = subprocess.run([sys.executable, "-m", "nhanluc.cli", "attraction", str(people),
                        "-o", "-", "--keep", "name", "--by", "none"], cwd=tmp_path,
                       capture_output=True, text=True)
    assert p.returncode == 0, p.stderr
    lines = p.stdout.splitlines()
    assert lines[:2] == [HEADER, LAN]
    assert "250.000.000 đ" in lines[-1]
    assert sorted(os.listdir(tmp_path)) == ["people.csv"]


def test_a_chart_onto_a_device_is_written_through(tmp_path, people):
    # A device name does not end in .png: it is accepted all the same.
    if os.geteuid() == 0:
        dev = tmp_path / "null"
        os.mknod(dev, 0o666 | stat.S_IFCHR, os.makedev(1, 3))
    else:
        dev = "/dev/null"
    code, _, err = run("attraction", people, "--chart", dev, "--by", "none")
    assert code == 0, err
    assert stat.S_ISCHR(os.stat(dev).st_mode)


def test_replacing_a_file_keeps_its_owner(tmp_path, people):
    # Root replacing another user's results file: it stays that user's. (As
    # another user, the file is the user's own, and stays so.)
    res = tmp_path / "res.csv"
    res.write_text("old\n", encoding="utf-8")
    owner = (12345, 23456) if os.geteuid() == 0 else (os.geteuid(), os.getegid())
    os.chown(res, *owner)
    code, _, err = run("attraction", people, "-o", res, "--keep", "name")
    assert code == 0, err
    st = res.stat()
    assert (st.st_uid, st.st_gid) == owner
    assert [r["name"] for r in read(res)] == [e[0] for e in EXPECT]


@pytest.mark.parametrize("engine", ["auto", "csv"])
def test_a_quote_never_closed_is_an_error_naming_its_line(tmp_path, engine):
    src = tmp_path / "open.csv"
    src.write_text(PEOPLE.replace("Hoa,", '"Hoa,'), encoding="utf-8")
    res = tmp_path / "res.csv"
    code, _, err = run("attraction", src, "-o", res, "--engine", engine)
    assert code == 1 and not res.exists()
    assert err == ("nhanluc: error: %s line 4: a quoted field is never closed (a \" without "
                   "its closing \")\n" % src)
    # A quote inside an unquoted field is only a character, for both readers.
    src.write_text(PEOPLE.replace("Hoa,", '5" Hoa,'), encoding="utf-8")
    code, _, err = run("attraction", src, "-o", res, "--engine", engine, "--keep", "name")
    assert code == 0, err
    assert read(res)[2]["name"] == '5" Hoa'


def test_ctrl_c_is_one_line_and_leaves_no_output(tmp_path):
    # The CLI reads a FIFO that is never finished; once it has opened it and
    # read the header, Ctrl-C (SIGINT) stops it: exit status 130, one line on
    # stderr (no traceback), no results file and no temporary file.
    import signal
    fifo = tmp_path / "people.fifo"
    os.mkfifo(fifo)
    res = tmp_path / "res.csv"
    p = subprocess.Popen([sys.executable, "-m", "nhanluc.cli", "attraction", str(fifo),
                          "-o", str(res)], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                         text=True)
    try:
        with open(fifo, "wb") as f:   # returns once the CLI has opened it
            f.write(PEOPLE.splitlines()[0].encode("utf-8") + b"\n")
            f.flush()
            p.send_signal(signal.SIGINT)
            out, err = p.communicate(timeout=120)   # a guard against a hang
    finally:
        if p.poll() is None:
            p.kill()
            p.wait()
    assert (p.returncode, err) == (130, "nhanluc: interrupted\n")
    assert sorted(os.listdir(tmp_path)) == ["people.fifo"]


def test_an_output_directory_that_cannot_be_written_is_named_in_one_line(tmp_path, people,
                                                                          monkeypatch):
    # The temporary file beside the output cannot be made (a directory the
    # user may not write in): the message names the option and the output,
    # not the temporary file's name, which the user never gave.
    def refused(*args, **kw):
        raise PermissionError(13, "Permission denied", str(tmp_path / ".nhanluc-x.csv"))

    monkeypatch.setattr(cli.tempfile, "mkstemp", refused)
    code, _, err = run("attraction", people, "-o", tmp_path / "res.csv")
    assert code == 1
    assert err == ("nhanluc: error: -o %s: cannot write in %s (the file is replaced as a "
                   "whole, by a new file made beside it): Permission denied\n"
                   % (tmp_path / "res.csv", tmp_path))


def test_a_chart_without_matplotlib_is_one_line_before_anything_is_read(tmp_path, people):
    res = tmp_path / "res.csv"
    code = ("import sys; sys.modules['matplotlib'] = None; from nhanluc import cli; "
            "sys.exit(cli.main(sys.argv[1:]))")
    p = subprocess.run([sys.executable, "-c", code, "attraction", str(people), "-o", str(res),
                        "--chart", str(tmp_path / "c.png")], capture_output=True, text=True)
    assert p.returncode == 1 and not res.exists()
    assert p.stderr.startswith("nhanluc: error: --chart needs matplotlib") and \
        p.stderr.count("\n") == 1, p.stderr
