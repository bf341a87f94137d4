#!/usr/bin/env python3
"""The three questions of libnhanluc for a few people, as a table.

For each person: is the one-off attraction subsidy due, and how much? What
is the salary cap if hired as an IT expert, before and after Thông tư
004/2025 (2025-07-01)? What does the province pay for a training course?

Run from a build tree:
    PYTHONPATH=<build>/bindings/python/site python3 examples/python/three_questions.py
or, once installed, simply: python3 three_questions.py [--lang vi]
"""

import argparse
import datetime

import nhanluc

# Who they are. Degrees, majors, agencies and roles by name; dates as
# datetime.date or ISO text; money in whole đồng.
PEOPLE = [
    dict(name="Nguyễn Thị Lan", degree="bachelor", major="it", agency="state",
         dedicated_post=True, workplace="088", start="2024-05-01", years=4, role="member",
         official=True, course=dict(short_concentrated=True, tuition=5_000_000,
                                    materials=400_000, meals=900_000, travel=300_000,
                                    days=5, start="2024-03-04")),
    dict(name="Trần Văn Minh", degree="master", major="it", agency="party",
         dedicated_post=True, workplace=85, start=datetime.date(2024, 9, 1), years=6,
         role="member", official=False, course=dict(short_concentrated=True,
                                                    tuition=3_000_000, days=3,
                                                    start="2024-10-07")),
    dict(name="Lê Thị Hoa", degree="college", major="electronics_telecom", agency="state",
         dedicated_post=True, workplace=89, start="2023-02-01", years=12, role="item_lead",
         official=True, course=dict(short_concentrated=False, tuition=12_000_000,
                                    days=60, start="2023-09-05")),
    dict(name="Phạm Đức Tú", degree="bachelor", major="electronics_telecom",
         agency="state", dedicated_post=True, workplace=82, start="2026-02-01", years=16,
         role="team_leader", official=True, course=dict(short_concentrated=True,
                                                        tuition=2_000_000, days=2,
                                                        start="2026-03-02")),
]

BEFORE = datetime.date(2025, 6, 30)   # Thông tư 02/2015/TT-BLĐTBXH
AFTER = datetime.date(2025, 7, 1)     # Thông tư 004/2025/TT-BNV


def money(amount):
    return "{:,}".format(amount)


def mark(result):
    """'*' when the answer rests on unconfirmed data."""
    return "*" if result.certainty == nhanluc.Certainty.UNCONFIRMED else ""


def no(result):
    return "no: %s%s" % (result.reason, mark(result))


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--lang", choices=("en", "vi"), default="en",
                    help="language of the reasons listed under the table")
    lang = ap.parse_args().lang

    policy = nhanluc.Policy.default()
    rows, sources, reasons = [], [], {}

    def note(result):
        if result.source not in sources:
            sources.append(result.source)
        if not result.eligible:
            reasons[str(result.reason)] = result.message(lang)
        return result

    for who in PEOPLE:
        s = note(policy.attraction_subsidy(
            degree=who["degree"], major=who["major"], agency=who["agency"],
            dedicated_post=who["dedicated_post"], workplace=who["workplace"],
            start=who["start"]))
        if s.eligible:
            place = policy.workplace(who["workplace"])
            subsidy = "%s%s (%s %s)" % (money(s.amount), mark(s), place.gso_code, place.name)
        else:
            subsidy = no(s)

        caps = []
        for on in (BEFORE, AFTER):
            c = note(policy.expert_salary_cap(degree=who["degree"],
                                              experience_years=who["years"],
                                              role=who["role"], on=on))
            caps.append("L%d %s%s" % (c.level, money(c.monthly), mark(c)) if c.eligible
                        else no(c))

        t = note(policy.training_support(dedicated_official=who["official"], **who["course"]))
        training = money(t.total) + mark(t) if t.eligible else no(t)
        rows.append([who["name"], subsidy, caps[0], caps[1], training])

    header = ["Person", "Attraction subsidy (VND)", "Expert cap/month %s" % BEFORE,
              "Expert cap/month %s" % AFTER, "Training paid (VND)"]
    widths = [max(len(r[i]) for r in rows + [header]) for i in range(len(header))]
    line = "  ".join("-" * w for w in widths)
    for r in [header, None] + rows:
        print(line if r is None else "  ".join(c.ljust(w) for c, w in zip(r, widths)).rstrip())
    print(line)
    print("* rests on unconfirmed data (a placeholder value or date); check before paying.")
    print("\nReasons:")
    for name, text in reasons.items():
        print("  %-16s %s" % (name, text))
    print("\nSources:")
    for src in sources:
        print("  - " + src)


if __name__ == "__main__":
    main()
