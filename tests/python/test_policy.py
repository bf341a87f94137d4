"""Policies: creation, parameters, workplaces, what-if copies, documents."""

import copy
import datetime
import json
import os

import pytest

import facts
import nhanluc
from conftest import LAOCAI_JSON, TEST_DATA


@pytest.fixture(scope="module")
def laocai():
    return json.loads(LAOCAI_JSON.read_text(encoding="utf-8"))


# ------------------------------------------------------------- creation
def test_policy_is_not_constructed_directly():
    with pytest.raises(TypeError):
        nhanluc.Policy()


def test_default_load_and_parse_agree(laocai):
    a = nhanluc.Policy.default()
    b = nhanluc.Policy.load(LAOCAI_JSON)
    c = nhanluc.Policy.load(str(LAOCAI_JSON))
    d = nhanluc.Policy.parse(LAOCAI_JSON.read_text(encoding="utf-8"))
    e = nhanluc.Policy.parse(LAOCAI_JSON.read_bytes())
    for p in (a, b, c, d, e):
        assert p.name == laocai["name"]
        assert p.parameters() == a.parameters()
        assert p.workplaces() == a.workplaces()
    assert repr(a) == "<nhanluc.Policy %r>" % laocai["name"]


def test_each_default_is_independent():
    a, b = nhanluc.Policy.default(), nhanluc.Policy.default()
    a.set("attraction.amount.district", 1, since=facts.NQ11_FIRST_DAY)
    assert b.get("attraction.amount.district", facts.NQ11_FIRST_DAY) == facts.AMOUNT_DISTRICT
    assert nhanluc.Policy.default().get("attraction.amount.district",
                                        facts.NQ11_FIRST_DAY) == facts.AMOUNT_DISTRICT


# ----------------------------------------------------------- parameters
_LISTS = {"degree": ["none", "college", "bachelor", "master", "doctor"],
          "major": ["other", "it", "electronics_telecom"],
          "agency": ["other", "party", "state"]}


def _as_int(doc, value):
    """A format 2 value as the C API holds it: a code's index, a set's
    bitmask (docs/policy-format.md, "Types, units and ranges")."""
    if value is None or doc["type"] == "number":
        return value
    if doc["type"] == "table":
        return value
    if doc["type"] == "scale":
        return tuple((s["at_least"], s["value"]) for s in value)
    codes = _LISTS[doc["codes"]]
    if doc["type"] == "code":
        return codes.index(value)
    return sum(1 << codes.index(c) for c in value)


def test_parameters_list_the_document(shared_policy, laocai):
    params = shared_policy.parameters()
    assert [p.key for p in params] == sorted(laocai["parameters"])
    assert shared_policy.keys() == [p.key for p in params]
    sources = laocai["sources"]
    for p in params:
        doc = laocai["parameters"][p.key]
        # Format 2: a number's unit; a code's list ("degree"); "set of <list>".
        # A table "table of <list> to <unit>", a scale "scale of <measure> to <unit>".
        if doc["type"] == "table":
            want = "table of %s to %s" % (doc["codes"], doc["unit"])
        elif doc["type"] == "scale":
            want = "scale of %s to %s" % (doc["of"], doc["unit"])
        else:
            want = doc.get("unit") or (doc["codes"] if doc["type"] == "code"
                                       else "set of " + doc["codes"])
        assert p.unit == want
        assert p.description == doc["description"]
        assert len(p.values) == len(doc["values"])
        for v, dv in zip(p.values, doc["values"]):
            assert v.since == datetime.date.fromisoformat(dv["since"])
            assert v.ended is (dv["value"] is None)
            assert v.value == _as_int(doc, dv["value"])
            assert v.source == sources[dv["source"]]["citation"]
            assert v.source_url == sources[dv["source"]].get("url", "")
            assert v.status == dv["status"] and v.certainty is v.status
            assert isinstance(v.status, nhanluc.Certainty)
        assert shared_policy.parameter(p.key) == p
        assert p.key in shared_policy


def test_parameter_statuses_follow_the_facts(shared_policy):
    def statuses(key):
        return [v.status for v in shared_policy.parameter(key).values]
    assert statuses("attraction.period") == [facts.UNCONFIRMED] * 2
    assert statuses("attraction.amount.city_town") == [facts.REPORTED]
    assert statuses("expert.cap.level1") == [facts.CONFIRMED] * 2
    assert statuses("expert.weekly.premium_bp") == [facts.CONFIRMED, facts.UNCONFIRMED]
    assert statuses("training.meals.cap_per_day") == [facts.UNCONFIRMED]


def test_period_is_ended_on_2026_01_01(shared_policy):
    for key in ("attraction.period", "training.period"):
        values = shared_policy.parameter(key).values
        assert [(v.since, v.ended, v.value) for v in values] == [
            (facts.NQ11_FIRST_DAY, False, 1), (facts.NQ11_END_DAY, True, None)]
        assert shared_policy.get(key, facts.NQ11_LAST_DAY) == 1
        with pytest.raises(nhanluc.NotInForceError):
            shared_policy.get(key, facts.NQ11_END_DAY)


@pytest.mark.parametrize("on,value", [(facts.TT02_LAST_DAY, facts.TT02_CAP[1]),
                                      (facts.TT004_FIRST_DAY, facts.TT004_CAP[1]),
                                      ("2025-07-01", facts.TT004_CAP[1])])
def test_get_and_get_value(shared_policy, on, value):
    assert shared_policy.get("expert.cap.level1", on) == value
    v = shared_policy.get_value("expert.cap.level1", on=on)
    assert v.value == value and v.status == facts.CONFIRMED
    assert v.to_dict()["status"] == "confirmed"


def test_unknown_key_is_a_key_error(shared_policy):
    for call in (lambda: shared_policy.get("no.such.key", "2024-01-01"),
                 lambda: shared_policy.get_value("no.such.key", "2024-01-01"),
                 lambda: shared_policy.parameter("no.such.key"),
                 lambda: shared_policy.copy().set("no.such.key", 1, since="2024-01-01"),
                 lambda: shared_policy.copy().end("no.such.key", since="2024-01-01")):
        with pytest.raises(KeyError) as e:
            call()
        assert isinstance(e.value, nhanluc.NotFoundError)
        assert e.value.code == nhanluc.Status.ENOTFOUND
        assert "no.such.key" in str(e.value)
    assert "no.such.key" not in shared_policy
    assert 42 not in shared_policy


def test_no_value_on_a_date_is_not_in_force(shared_policy):
    with pytest.raises(nhanluc.NotInForceError) as e:
        shared_policy.get("expert.cap.level1", facts.TT02_FIRST_DAY - datetime.timedelta(1))
    assert isinstance(e.value, LookupError) and not isinstance(e.value, KeyError)
    assert e.value.code == nhanluc.Status.ENOTINFORCE


# -------------------------------------------------------------- what-if
def test_what_if_copy_changes_only_the_copy(shared_policy):
    reform = shared_policy.copy()
    reform.set("attraction.amount.district", 200_000_000, since="2021-01-01")
    kw = dict(degree="bachelor", major="it", agency="state", dedicated_post=True,
              workplace=84, start="2024-05-01")
    r = reform.attraction_subsidy(**kw)
    assert r.amount == 200_000_000 and r.certainty == facts.USER
    assert "what-if" in r.source
    base = shared_policy.attraction_subsidy(**kw)
    assert base.amount == facts.AMOUNT_DISTRICT
    # The city/town tier keeps its amount.
    assert reform.attraction_subsidy(**{**kw, "workplace": 80}).amount == facts.AMOUNT_CITY_TOWN
    v = reform.parameter("attraction.amount.district").values
    assert [(x.since, x.value, x.status) for x in v] == [
        (facts.NQ11_FIRST_DAY, 200_000_000, facts.USER)]


def test_what_if_from_a_later_date(policy):
    policy.set("expert.cap.level2", 33_000_000, since="2020-01-01")
    kw = dict(degree="bachelor", experience_years=12)
    assert policy.expert_salary_cap(on="2019-12-31", **kw).monthly == facts.TT02_CAP[2]
    assert policy.expert_salary_cap(on="2020-01-01", **kw).monthly == 33_000_000
    # until the parameter's next dated change
    assert policy.expert_salary_cap(on=facts.TT004_FIRST_DAY, **kw).monthly == facts.TT004_CAP[2]


def test_end_then_set_again(policy):
    kw = dict(degree="bachelor", major="it", agency="state", dedicated_post=True,
              workplace=80, start="2024-05-01")
    policy.end("attraction.period", since="2024-01-01")
    assert policy.attraction_subsidy(**kw).reason == "not_in_force"
    assert policy.attraction_subsidy(**{**kw, "start": "2023-12-31"}).eligible
    # extend the policy past its end day: set on the ending date replaces it
    policy.set("attraction.period", 1, since="2024-01-01")
    policy.set("attraction.period", 1, since=facts.NQ11_END_DAY)
    assert policy.attraction_subsidy(**{**kw, "start": "2027-01-01"}).eligible


@pytest.mark.parametrize("key,value", [
    ("attraction.amount.district", -1),
    ("attraction.period", 2),
    ("expert.daily.days_per_month", 0),
    ("attraction.min_degree", 9),
])
def test_set_refuses_impossible_values(policy, key, value):
    with pytest.raises(nhanluc.InvalidArgumentError) as e:
        policy.set(key, value, since="2024-01-01")
    assert isinstance(e.value, ValueError) and e.value.code == nhanluc.Status.EINVAL


@pytest.mark.parametrize("value,exc", [
    (1.5, TypeError), (200_000_000.0, TypeError), (True, TypeError), (None, TypeError),
    ("200000000", TypeError), (1 << 63, OverflowError), (-(1 << 64), OverflowError)])
def test_set_checks_the_value_type(policy, value, exc):
    with pytest.raises(exc):
        policy.set("attraction.amount.district", value, since="2024-01-01")
    assert policy.get("attraction.amount.district", "2024-01-01") == facts.AMOUNT_DISTRICT


def test_copy_module_and_copy_method(shared_policy):
    for c in (shared_policy.copy(), copy.copy(shared_policy), copy.deepcopy(shared_policy)):
        assert c is not shared_policy and c.parameters() == shared_policy.parameters()
        c.set("training.travel.cap_per_course", 1, since="2021-01-01")
        assert shared_policy.get("training.travel.cap_per_course", "2024-01-01") != 1


# ------------------------------------------------------------ documents
def test_load_missing_file_is_os_error(tmp_path):
    with pytest.raises(OSError) as e:
        nhanluc.Policy.load(tmp_path / "missing.json")
    assert isinstance(e.value, nhanluc.FileError) and e.value.code == nhanluc.Status.EIO


@pytest.mark.parametrize("name,line,column,key", [
    ("wrong-type.json", 16, 42, "/parameters/expert.cap.level1/values/1/value"),
    ("syntax-error.json", 16, 43, "/parameters/expert.cap.level1/values/1/value"),
    ("utf8-column.json", 8, 53, "/workplaces/0/tier"),
])
def test_parse_errors_say_where(name, line, column, key):
    path = TEST_DATA / name
    for make in (lambda: nhanluc.Policy.load(path),
                 lambda: nhanluc.Policy.parse(path.read_text(encoding="utf-8"))):
        with pytest.raises(ValueError) as e:
            make()
        err = e.value
        assert isinstance(err, nhanluc.ParseError)
        assert err.code == nhanluc.Status.EPARSE
        assert (err.line, err.column, err.key) == (line, column, key)
        assert "line %d" % line in str(err)


@pytest.mark.parametrize("text", ["", "{", "[]", "null", '{"format": "nhanluc-policy/1"}',
                                  "\0", b"\xff\xfe", '{"format": "\udcff"}'])
def test_bad_documents_are_parse_errors(text):
    with pytest.raises(nhanluc.ParseError):
        nhanluc.Policy.parse(text)


@pytest.mark.parametrize("arg", [None, 42, ["x"], {"format": 1}])
def test_parse_and_load_type_errors(arg):
    with pytest.raises(TypeError):
        nhanluc.Policy.parse(arg)
    with pytest.raises(TypeError):
        nhanluc.Policy.load(arg)


def test_workplace_lookup_errors(shared_policy):
    with pytest.raises(KeyError):
        shared_policy.workplace(81)
    with pytest.raises(KeyError):
        shared_policy.workplace(1000)       # five digits are codes: of no unit here
    with pytest.raises(ValueError):
        shared_policy.workplace(100000)
    with pytest.raises(ValueError):
        shared_policy.workplace("Sa Pa")
    assert shared_policy.workplace("02647").name == "Phường Lào Cai"


def test_load_accepts_a_non_utf8_file_name(tmp_path):
    raw = os.fsencode(str(tmp_path)) + b"/policy-\xff.json"
    with open(raw, "wb") as f:
        f.write(LAOCAI_JSON.read_bytes())
    p = nhanluc.Policy.load(raw)
    assert p.get("expert.cap.level1", facts.TT02_LAST_DAY) == facts.TT02_CAP[1]
    with pytest.raises(nhanluc.FileError):
        nhanluc.Policy.load(os.fsencode(str(tmp_path)) + b"/missing-\xff.json")


def test_a_policy_cannot_be_pickled(shared_policy):
    import pickle
    with pytest.raises(TypeError):
        pickle.dumps(shared_policy)


# ------------------------------------- not regular files, Ctrl-C (issue 10, item 15)
# Run in a child process: on the code before the fix the load blocked forever
# (a named pipe with no writer), which the child's timeout turns into a
# failure instead of a hung test run. The timeout guards, it times nothing.

_LOAD_FIFO = r"""
import os, sys
import nhanluc
d = sys.argv[1]
for name in ("policy.json", os.fsdecode(b"policy-\xff.json")):   # UTF-8 and not
    path = os.path.join(d, name)
    os.mkfifo(path)
    try:
        nhanluc.Policy.load(path)
    except nhanluc.FileError as e:
        print(e.code.name, "|", e)
    os.unlink(path)
"""


def test_a_policy_path_that_is_a_named_pipe_is_refused_without_blocking(tmp_path):
    import subprocess
    import sys
    p = subprocess.run([sys.executable, "-c", _LOAD_FIFO, str(tmp_path)],
                       capture_output=True, text=True, timeout=120)
    assert p.returncode == 0, p.stderr
    lines = p.stdout.splitlines()
    assert len(lines) == 2, p.stdout
    for line, name in zip(lines, ["policy.json", "policy-\\udcff.json"]):
        assert line == ("EIO | cannot load '%s': it is a named pipe (FIFO), not a regular "
                        "file; a policy is read from a JSON file (or from text with "
                        "Policy.parse)" % (tmp_path / name)), line


def test_a_device_as_policy_file_is_refused_as_not_a_regular_file():
    # /dev/zero used to be read to 16 MiB before being refused as too large.
    with pytest.raises(nhanluc.FileError) as e:
        nhanluc.Policy.load("/dev/zero")
    assert e.value.code == nhanluc.Status.EIO
    assert "it is a device, not a regular file" in str(e.value)


_INTERRUPT = r"""
import os, signal, threading, time
import nhanluc
from nhanluc import capi
# A document the library takes a while to refuse (16 MiB of spaces, then a
# bad token): Ctrl-C lands while the parse runs without the GIL.
doc = b" " * (capi.NL_POLICY_MAX_BYTES - 1) + b"x"
started = threading.Event()

def ctrl_c():
    started.wait()
    time.sleep(0.05)
    os.kill(os.getpid(), signal.SIGINT)

threading.Thread(target=ctrl_c, daemon=True).start()
try:
    for _ in range(300):
        started.set()
        try:
            nhanluc.Policy.parse(doc)
        except nhanluc.ParseError:
            pass
except BaseException as e:
    print(type(e).__name__)
else:
    print("no interrupt")
"""


def test_ctrl_c_during_a_failing_library_call_is_a_keyboard_interrupt():
    # The library call fails (ParseError) after the signal arrived; making
    # that error ran Python code, whose KeyboardInterrupt used to be
    # replaced by "RuntimeError: nhanluc: ...". An interrupt stays one.
    import subprocess
    import sys
    p = subprocess.run([sys.executable, "-c", _INTERRUPT], capture_output=True, text=True,
                       timeout=300)
    assert p.returncode == 0, p.stderr
    assert p.stdout.strip() == "KeyboardInterrupt", p.stdout + p.stderr
