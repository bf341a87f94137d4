"""Memory: the garbage collector frees policies and results; no leak, no
double free; results own their data."""

import gc
import os
import time

import facts
import nhanluc

LOOPS = 100_000
# Allowed RSS growth over LOOPS iterations after a warm-up. One leaked policy
# per iteration would be gigabytes, one leaked result struct per iteration
# tens of megabytes.
RSS_SLACK = 4 * 1024 * 1024


def rss():
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")


def churn(n):
    for i in range(n):
        p = nhanluc.Policy.default()
        q = p.copy()
        q.set("attraction.amount.district", 200_000_000, since="2021-01-01")
        a = q.attraction_subsidy(degree="bachelor", major="it", agency="state",
                                 dedicated_post=True, workplace=84, start="2024-05-01")
        e = p.expert_salary_cap(degree="master", experience_years=6, on="2024-01-01")
        t = p.training_support(dedicated_official=True, short_concentrated=True,
                               tuition=5_000_000, days=5, start="2024-03-04")
        assert a.amount == 200_000_000 and e.monthly == facts.TT02_CAP[2] and t.eligible
        if i % 100 == 0:   # the error paths too
            try:
                p.get("no.such.key", "2024-01-01")
            except KeyError:
                pass
            try:
                nhanluc.Policy.parse('{"format": 1}')
            except ValueError:
                pass


# Under a sanitizer (docs/hardening.md) RSS measures ASan's quarantine and
# shadow memory, not us: there the loop runs for what the sanitizer itself
# checks (use after free, double free), shorter, and RSS is not compared.
SANITIZED = any(s in os.environ.get("LD_PRELOAD", "") for s in ("asan", "tsan"))


def test_100k_policies_copies_and_results_keep_rss_bounded(capsys):
    loops = LOOPS // 10 if SANITIZED else LOOPS
    churn(2000)
    gc.collect()
    before = rss()
    t0 = time.perf_counter()
    churn(loops)
    elapsed = time.perf_counter() - t0
    gc.collect()
    after = rss()
    with capsys.disabled():
        print("\n[memory] %d × (default + copy + set + 3 rules): %.2f s, RSS %.1f → %.1f MiB%s"
              % (loops, elapsed, before / 2**20, after / 2**20,
                 " (sanitizer: RSS not compared)" if SANITIZED else ""))
    if not SANITIZED:
        assert after - before < RSS_SLACK


def test_results_outlive_their_policy():
    r = nhanluc.Policy.default().attraction_subsidy(
        degree="bachelor", major="it", agency="state", dedicated_post=True, workplace=88,
        start="2024-05-01")
    v = nhanluc.Policy.default().parameter("expert.cap.level1")
    gc.collect()
    for _ in range(100):   # reuse the freed memory
        nhanluc.Policy.default().copy().set("attraction.amount.city_town", 1, since="2021-01-01")
    assert facts.SRC_NQ11 in r.source and r.amount == facts.AMOUNT_CITY_TOWN
    assert facts.SRC_TT02 in v.values[0].source


def test_results_hold_no_low_level_objects():
    p = nhanluc.Policy.default()
    records = [p.attraction_subsidy(degree="bachelor", major="it", agency="state",
                                    dedicated_post=True, workplace=88, start="2024-05-01"),
               p.expert_salary_cap(degree="master", experience_years=6, on="2024-01-01"),
               p.training_support(dedicated_official=True, short_concentrated=True,
                                  tuition=1, days=1, start="2024-03-04"),
               p.get_value("expert.cap.level1", "2024-01-01"),
               p.workplace(80)]
    plain = (bool, int, str, type(None), type(records[3].since))
    for rec in records:
        for name in rec._fields:
            value = getattr(rec, name)
            assert isinstance(value, plain), (type(rec).__name__, name, type(value))
            assert type(value).__module__ != "nhanluc.capi"


def test_answers_are_not_tracked_by_the_cyclic_gc():
    """A read-only answer can be in no cycle: the cyclic GC does not track
    it (a list of a million answers costs no collection passes), and its
    policy-following message still works after its policy is gone."""
    p = nhanluc.Policy.default()
    p.set("attraction.min_degree", "master", since="2021-01-01")
    r = p.attraction_subsidy(degree="bachelor", major="it", agency="state",
                             dedicated_post=True, workplace=88, start="2024-05-01")
    e = p.expert_salary_cap(degree="master", experience_years=6, on="2024-01-01")
    assert not gc.is_tracked(r) and not gc.is_tracked(e)
    del p
    gc.collect()
    assert r.reason == "degree" and "master" in r.message("en").lower()


def test_copies_outlive_the_original():
    p = nhanluc.Policy.default()
    q = p.copy()
    del p
    gc.collect()
    assert q.get("expert.cap.level1", "2024-01-01") == facts.TT02_CAP[1]
