"""ctest valgrind.python: the binding's paths under valgrind (memcheck).

Creates, copies, changes and frees policies, evaluates the three rules, lists
parameters and workplaces, and goes through the error paths, a few hundred
times; a leak of the binding would show as definitely lost blocks growing
with the loop, a double free or use after free as an error. Run as:
  PYTHONMALLOC=malloc valgrind --suppressions=valgrind.supp ... python3 valgrind_probe.py
"""

import gc
import sys

import nhanluc

ROUNDS = int(sys.argv[1]) if len(sys.argv) > 1 else 200

for i in range(ROUNDS):
    p = nhanluc.Policy.default()
    q = p.copy()
    q.set("attraction.amount.district", 200_000_000, since="2021-01-01")
    q.end("training.period", since="2024-01-01")
    r = q.attraction_subsidy(degree="bachelor", major="it", agency="state",
                             dedicated_post=True, workplace=84, start="2024-05-01")
    c = p.expert_salary_cap(degree="master", experience_years=6, on="2024-01-01")
    t = q.training_support(dedicated_official=True, short_concentrated=True, tuition=1,
                           days=1, start="2024-03-04")
    params, places = p.parameters(), p.workplaces()
    v = q.get_value("attraction.amount.district", "2024-01-01")
    del p, q
    assert r.amount == 200_000_000 and c.level == 2 and t.reason == "not_in_force"
    assert params[0].values[0].source and places[0].name and v.status == "user"
    for bad in ('{"format": 1}', "{", b"\xff"):
        try:
            nhanluc.Policy.parse(bad)
        except ValueError:
            pass
    for call in (lambda: nhanluc.Policy.load("/nonexistent/policy.json"),
                 lambda: nhanluc.Policy.default().get("no.such.key", "2024-01-01"),
                 lambda: nhanluc.Policy.default().get("attraction.period", "2030-01-01"),
                 lambda: nhanluc.Policy.default().training_support(
                     dedicated_official=True, short_concentrated=True,
                     tuition=(1 << 63) - 1, materials=1, days=1, start="2024-03-04")):
        try:
            call()
        except nhanluc.Error:
            pass
gc.collect()
print("valgrind probe: %d rounds done" % ROUNDS)
