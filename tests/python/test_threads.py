"""Threads: the GIL is released inside library calls, and one policy can be
evaluated from several threads at once."""

import datetime
import json
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
