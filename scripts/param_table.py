#!/usr/bin/env python3
"""Prints the README's table of parameters from a policy document.

    scripts/param_table.py [data/laocai.json]           print the table
    scripts/param_table.py --check README.md [doc.json]  fail if README's copy differs

The README carries the table between the markers <!-- params:begin --> and
<!-- params:end -->; a ctest runs --check so the two cannot drift apart.
"""
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT = os.path.join(HERE, "..", "data", "laocai.json")
BEGIN, END = "<!-- params:begin -->", "<!-- params:end -->"


def money(unit, value):
    if value is None:
        return "ends"
    if isinstance(value, dict):   # a table: code -> value
        return ", ".join(f"{k} → {v}" for k, v in value.items()) if value else "(none)"
    if isinstance(value, list) and value and isinstance(value[0], dict):   # a scale
        return ", ".join(f"{s['value']} from {s['at_least']}" for s in value)
    if isinstance(value, list):
        return ", ".join(value) if value else "(none)"
    if unit.startswith("VND"):
        return f"{value:,}".replace(",", ".") + " đ"
    if unit == "bp":
        return f"{value / 100:g} %"
    return str(value)


def table(doc):
    rows = ["| parameter | unit | from | value | status |", "|---|---|---|---|---|"]
    for key, prm in doc["parameters"].items():
        for i, v in enumerate(prm["values"]):
            name = f"`{key}`" if i == 0 else ""
            # Format 2: a number has a unit, a code or set its code list, a
            # table its code list and unit, a scale its measure and unit.
            if prm.get("type") == "table":
                shape = "table of %s to %s" % (prm["codes"], prm["unit"])
            elif prm.get("type") == "scale":
                shape = "scale of %s to %s" % (prm["of"], prm["unit"])
            else:
                shape = prm.get("unit") or "%s of %s" % (prm["type"], prm["codes"])
            unit = shape if i == 0 else ""
            rows.append(f"| {name} | {unit} | {v['since']} | {money(shape, v['value'])} "
                        f"| {v['status']} |")
    return "\n".join(rows) + "\n"


def main(argv):
    check = None
    if len(argv) > 1 and argv[1] == "--check":
        check, argv = argv[2], argv[2:]
    path = argv[1] if len(argv) > 1 else DEFAULT
    with open(path, encoding="utf-8") as f:
        want = table(json.load(f))
    if check is None:
        sys.stdout.write(want)
        return 0
    with open(check, encoding="utf-8") as f:
        text = f.read()
    try:
        have = text.split(BEGIN, 1)[1].split(END, 1)[0].strip("\n") + "\n"
    except IndexError:
        print(f"{check}: no {BEGIN} ... {END} section", file=sys.stderr)
        return 1
    if have != want:
        print(f"{check}: the parameter table is out of date; regenerate it with\n"
              f"  scripts/param_table.py > table and paste it between the markers",
              file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
