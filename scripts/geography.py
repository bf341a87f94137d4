#!/usr/bin/env python3
"""Writes the dated workplace catalogue of data/laocai.json from data/geography/.

    scripts/geography.py write   rewrite the "workplaces" of data/laocai.json
    scripts/geography.py check   fail if data/laocai.json and the CSVs differ

The catalogue (docs/policy-format.md, "workplaces"):
- the 9 district-level units of old Lào Cai (GSO province 10), each with the
  attraction tier the resolution gives it, in force until 2025-06-30; the
  tiers are policy, kept from the document as it stands, not geography;
- the 99 communes of the merged province from 2025-07-01, each with "from":
  the pre-2025 district-level units its old communes belonged to (old Yên
  Bái's among them). The library derives a commune's tier from those
  (libnhanluc/core/policy.c, derive_tier); this script does not.
"""
import csv
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.join(HERE, "..")
DOC = os.path.join(ROOT, "data", "laocai.json")
GEO = os.path.join(ROOT, "data", "geography")
MERGER = "2025-07-01"
LAST_DAY_BEFORE = "2025-06-30"
OLD_LAO_CAI = "10"
SOURCE_2025 = "gso_2025"


def read_csv(name):
    with open(os.path.join(GEO, name), encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def catalogue(doc):
    communes = read_csv("laocai-communes-2025.csv")
    legacy = read_csv("laocai-legacy-to-2025.csv")
    tiers = {w["code"]: w["tier"] for w in doc["workplaces"] if len(w["code"]) == 3}
    districts = {}
    for r in legacy:
        if r["old_province_code"] == OLD_LAO_CAI:
            districts.setdefault(r["old_district_code"], r["old_district"])
    missing = sorted(set(districts) - set(tiers))
    if missing:
        sys.exit("geography.py: no tier in the document for district(s) %s" % ", ".join(missing))
    out = [{"code": code, "name": districts[code], "tier": tiers[code], "source": "gso",
            "until": LAST_DAY_BEFORE} for code in sorted(districts)]
    origins = {}
    for r in legacy:
        origins.setdefault(r["new_commune_code"], set()).add(r["old_district_code"])
    for c in sorted(communes, key=lambda c: c["code"]):
        if c["code"] not in origins:
            sys.exit("geography.py: commune %s has no predecessor" % c["code"])
        out.append({"code": c["code"], "name": c["name"], "since": MERGER,
                    "from": sorted(origins[c["code"]]), "source": SOURCE_2025})
    return out


def render(units):
    return "\n".join("    " + json.dumps(u, ensure_ascii=False) + ("," if i + 1 < len(units) else "")
                     for i, u in enumerate(units))


def main(argv):
    if len(argv) != 2 or argv[1] not in ("write", "check"):
        sys.exit(__doc__)
    with open(DOC, encoding="utf-8") as f:
        text = f.read()
    doc = json.loads(text)
    if SOURCE_2025 not in doc["sources"]:
        sys.exit("geography.py: the document has no source %r" % SOURCE_2025)
    head, rest = text.split('  "workplaces": [\n', 1)
    _, tail = rest.split("\n  ],\n", 1)
    new = head + '  "workplaces": [\n' + render(catalogue(doc)) + "\n  ],\n" + tail
    if argv[1] == "check":
        if new != text:
            sys.exit("geography.py: data/laocai.json's workplaces differ from data/geography/ "
                     "(run scripts/geography.py write)")
        return
    json.loads(new)
    tmp = DOC + ".tmp"
    with open(tmp, "w", encoding="utf-8") as f:
        f.write(new)
    os.replace(tmp, DOC)


if __name__ == "__main__":
    main(sys.argv)
