"""Threads: the GIL is released inside library calls, and one policy can be
evaluated from several threads at once."""

import datetime
import json
import subprocess
import sys
import threading

import pytest

import facts
import nhanluc
from conftest import LAOCAI_JSON

THREADS = 4
ROUNDS = 3000


def test_threads_share_one_policy():
    policy = nhanluc.Policy.default()
    errors = []
    barrier = threading.Barrier(THREADS)

    def work(k):
        try:
            barrier.wait()
            for i in range(ROUNDS):
                code, _, _, amount = facts.WORKPLACES[(i + k) % len(facts.WORKPLACES)]
                r = policy.attraction_subsidy(degree="bachelor", major="it", agency="party",
                                              dedicated_post=True, workplace=code,
                                              start="2024-05-01")
                assert r.amount == amount, r
                level = 1 + (i + k) % 4
                years = {1: 15, 2: 10, 3: 5, 4: 0}[level]
                on = facts.TT02_LAST_DAY if i % 2 else facts.TT004_FIRST_DAY
                table = facts.TT02_CAP if i % 2 else facts.TT004_CAP
                c = policy.expert_salary_cap(degree="bachelor", experience_years=years, on=on)
                assert (c.level, c.monthly, c.daily) == \
                    (level, table[level], facts.daily(table[level])), c
                t = policy.training_support(dedicated_official=True, short_concentrated=True,
                                            tuition=i, materials=k, days=1, start="2024-03-04")
                assert (t.tuition, t.materials) == (i, k)
                if i % 100 == 0:
                    mine = policy.copy()   # copying only reads the shared policy
                    mine.set("attraction.amount.district", i, since="2021-01-01")
                    assert mine.get("attraction.amount.district", "2024-01-01") == i
                    assert len(policy.parameters()) == len(mine.parameters())
        except Exception as e:   # reported below, with the thread
            errors.append((k, e))

    threads = [threading.Thread(target=work, args=(k,)) for k in range(THREADS)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    assert errors == []
    assert policy.get("attraction.amount.district", "2024-01-01") == facts.AMOUNT_DISTRICT


@pytest.fixture(scope="module")
def big_document():
    """data/laocai.json with 20,000 dated travel caps: parsing it is real
    work for the library (tens of milliseconds)."""
    doc = json.loads(LAOCAI_JSON.read_text(encoding="utf-8"))
    day0 = datetime.date(1800, 1, 1)
    doc["parameters"]["training.travel.cap_per_course"]["values"] = [
        {"since": (day0 + datetime.timedelta(days=i)).isoformat(), "value": i,
         "source": "nq11_2020_caps", "status": "unconfirmed"} for i in range(20_000)]
    return json.dumps(doc)


def test_the_gil_is_released_inside_library_calls(big_document):
    # With a switch interval far longer than the test, the interpreter never
    # takes the GIL from a thread by itself: the ticker thread can only run
    # while this thread is inside a call that releases the GIL. Had the
    # binding kept the GIL during the parse, `ticks` could not change
    # between the two reads below, whatever the timing.
    ticks = [0]
    stop = threading.Event()

    def ticker():
        while not stop.is_set():
            ticks[0] += 1
            stop.wait(0.0005)   # waiting releases the GIL

    old = sys.getswitchinterval()
    sys.setswitchinterval(60.0)
    th = threading.Thread(target=ticker)
    try:
        th.start()
        moved = 0
        for _ in range(10):
            before = ticks[0]
            p = nhanluc.Policy.parse(big_document)
            after = ticks[0]
            moved += after > before
        stop.set()
    finally:
        stop.set()
        th.join()
        sys.setswitchinterval(old)
    assert p.get("training.travel.cap_per_course", "1800-01-03") == 2
    assert moved > 0


# One policy changed by set()/end() while other threads evaluate on it. The
# docs advise copy() for a what-if, but a misuse must never crash: set() and
# end() change a copy of the C policy and swap it in, so a reader finishes
# on the values it started with. Run in a child process, so that a crash
# (what the C library does when its values are freed under a reader) is
# reported as its exit status rather than killing the test run.
_MUTATE_WHILE_READING = r"""
import datetime, json, sys, threading
import numpy as np
import nhanluc, nhanluc.batch

BEFORE, AFTER = %(before)d, %(after)d   # the district amount, before and after set()
KEY, SINCE = "attraction.amount.district", "2021-01-01"
ROUNDS, READERS = 300, 3
# The built-in document with 50,000 more district amounts dated 1800..1936
# (value 1, 2, ...): an array of values long enough that changing it in
# place (the library moves it to insert a value before the others, and
# grows it) takes a while, as readers binary-search it.
doc = json.load(open(sys.argv[1], encoding="utf-8"))
values = doc["parameters"][KEY]["values"]
assert [v["value"] for v in values] == [BEFORE]
day0 = datetime.date(1800, 1, 1)
doc["parameters"][KEY]["values"] = [
    {"since": (day0 + datetime.timedelta(days=i)).isoformat(), "value": 1 + i,
     "source": values[0]["source"], "status": "reported"} for i in range(50_000)] + values
policy = nhanluc.Policy.parse(json.dumps(doc))
n = 2000
cols = dict(degree=np.full(n, 2, np.uint8), major=np.full(n, 1, np.uint8),
            agency=np.full(n, 2, np.uint8), dedicated_post=np.ones(n, np.uint8),
            workplace=np.full(n, 82, np.int16),
            start=np.full(n, 19844, np.int32))   # 2024-05-01 in Bát Xát, a district
seen, errors = set(), []

def reader():
    try:
        for i in range(ROUNDS):
            res = nhanluc.batch.attraction_subsidy(policy, cols, threads=1)
            seen.update(np.unique(res["amount"]).tolist())
            r = policy.attraction_subsidy(degree="bachelor", major="it", agency="state",
                                          dedicated_post=True, workplace=82, start="2024-05-01")
            seen.add(r.amount)
            seen.add(policy.get(KEY, "2024-05-01"))
            if i %% 100 == 0:
                seen.add(policy.copy().get(KEY, "2024-05-01"))
    except Exception as e:
        errors.append(repr(e))

def writer():
    # Changes the policy for as long as any reader runs: the value in force
    # on 2024-05-01 (dated SINCE) flips between AFTER and BEFORE, and the
    # first ROUNDS times a value dated before all the others is added (the
    # library moves the whole array, and grows it); then BEFORE is put back.
    i = 0
    while i < ROUNDS or any(t.is_alive() for t in readers):
        policy.set(KEY, AFTER if i %% 2 == 0 else BEFORE, SINCE)
        if i < ROUNDS:
            policy.set(KEY, 7, day0 - datetime.timedelta(days=1 + i))
            policy.end("training.travel.cap_per_course", day0 - datetime.timedelta(days=1 + i))
        i += 1
    policy.set(KEY, BEFORE, SINCE)

readers = [threading.Thread(target=reader) for _ in range(READERS)]
threads = readers + [threading.Thread(target=writer)]
for t in threads: t.start()
for t in threads: t.join()
assert not errors, errors
assert seen and seen <= {BEFORE, AFTER}, sorted(seen)[:10]
assert policy.get(KEY, "2024-05-01") == BEFORE
assert policy.get(KEY, "1799-12-31") == 7
print("ok")
"""


def test_set_and_end_while_other_threads_evaluate_never_crash():
    pytest.importorskip("numpy")
    after = facts.AMOUNT_DISTRICT + 25_000_000
    code = _MUTATE_WHILE_READING % {"before": facts.AMOUNT_DISTRICT, "after": after}
    p = subprocess.run([sys.executable, "-c", code, str(LAOCAI_JSON)], capture_output=True,
                       text=True, timeout=600)   # a guard against a hang, it times nothing
    # Exit status 0: no crash, and (the child's asserts) every answer was
    # the amount before or after a change, never anything else.
    assert p.returncode == 0, "exit status %d\n%s" % (p.returncode, p.stderr[-3000:])
    assert p.stdout.strip() == "ok"


def test_concurrent_set_calls_on_one_policy_lose_no_change():
    # Copy-on-write with set() serialised: every thread's change lands.
    policy = nhanluc.Policy.default()
    keys = ["expert.cap.level%d" % k for k in (1, 2, 3, 4)]
    barrier = threading.Barrier(len(keys))

    def work(key, k):
        barrier.wait()
        for i in range(200):
            policy.set(key, 1_000_000 * k + i, "2030-01-01")

    threads = [threading.Thread(target=work, args=(key, k)) for k, key in enumerate(keys, 1)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    assert [policy.get(key, "2030-01-01") for key in keys] == \
        [1_000_000 * k + 199 for k in (1, 2, 3, 4)]
    assert policy.get("expert.cap.level1", "2024-01-01") == facts.TT02_CAP[1]
