"""The policy facts the Python tests check the binding against.

Every figure is read from the "facts" of the shared case files
(tests/cases/<rule>.json), each fact with the docs/law/ file and § it is
copied from, never from what the code returns: a wrong value in
data/laocai.json, a wrong rule or a wrong binding all fail. The C (facts.h)
and PHP (Facts.php) tests read the same facts, through files that
cmake/facts.cmake writes from them. Values the facts leave open
(placeholders flagged "unconfirmed", e.g. the meal and travel caps) are not
here; the tests read them through Policy.get instead.

The case files are found from this file's own place (tests/python/ ->
tests/cases/), so the tests may run from any directory.
"""

import datetime
import json
import pathlib

CASES_DIR = pathlib.Path(__file__).resolve().parent.parent / "cases"


def _load():
    facts, where = {}, {}
    for path in sorted(CASES_DIR.glob("*.json")):
        for name, fact in json.loads(path.read_text(encoding="utf-8")).get("facts", {}).items():
            assert name not in where, "fact %s is in %s and %s" % (name, where[name], path.name)
            assert "value" in fact and "cite" in fact, "%s: fact %s needs a value and a cite" % (
                path.name, name)
            facts[name], where[name] = fact["value"], path.name
    return facts


_FACTS = _load()


def _fact(name):
    return _FACTS[name]


def _day(name):
    return datetime.date.fromisoformat(_fact(name))


def _levels(name):
    """{"1": a, "2": b, ...} as {1: a, 2: b, ...}."""
    return {int(level): value for level, value in _fact(name).items()}


def _unit(name):
    """A commune example as (code, name)."""
    unit = _fact(name)
    return int(unit["code"]), unit["name"]


# §1 Attraction subsidy, one-off (attraction_subsidy.json).
AMOUNT_CITY_TOWN = _fact("amount_city_town")   # Thành phố Lào Cai, Thị xã Sa Pa
AMOUNT_DISTRICT = _fact("amount_district")     # any huyện of the province

# §1 Workplace table: GSO district-level codes before the merger, each unit
# paid its tier's amount.
TIER_CITY_TOWN = _fact("tier_city_town")
TIER_DISTRICT = _fact("tier_district")
WORKPLACES = [
    # (code, name, tier, amount)
    (int(w["code"]), w["name"], w["tier"], _fact("amount_" + w["tier"]))
    for w in _fact("workplaces")
]
# Codes that are no unit of the province: between two units (081), just
# outside the range, another province's, and the extremes.
CODES_NOT_A_UNIT = [int(code) for code in _fact("codes_not_a_unit")]

# §6 (docs/law/6-geography.md, data/geography/README.md): from the merger day
# the merged province's communes, five-digit codes; the units above end the
# day before.
MERGER_DAY = _fact("merger_day")
DISTRICTS_LAST_DAY = _fact("districts_last_day")
COMMUNE_COUNT = _fact("commune_count")
COMMUNE_CITY_TOWN = _unit("commune_city_town")   # from old city/town units only
COMMUNE_DISTRICT = _unit("commune_district")     # from old districts only
COMMUNE_MIXED = _unit("commune_mixed")           # from both
COMMUNE_YEN_BAI = _unit("commune_yen_bai")       # from old Yên Bái

# §1, §2 The period of Nghị quyết 11/2020/NQ-HĐND as data/laocai.json models
# it: from the first day up to (not including) the end day, both unconfirmed.
NQ11_FIRST_DAY = _day("nq11_first_day")
NQ11_END_DAY = _day("nq11_end_day")
NQ11_LAST_DAY = NQ11_END_DAY - datetime.timedelta(days=1)

# §3 Expert caps, VND/month, index = level (expert_salary_cap.json):
# Thông tư 02/2015/TT-BLĐTBXH, then Thông tư 004/2025/TT-BNV.
TT02_FIRST_DAY = _day("tt02_first_day")
TT02_LAST_DAY = _day("tt02_last_day")
TT004_FIRST_DAY = _day("tt004_first_day")
TT02_CAP = _levels("tt02_cap")
TT004_CAP = _levels("tt004_cap")
TT004_SPECIAL_LEVEL1 = _fact("tt004_special_level1")   # special expertise at level 1

# §3 Years of experience needed for levels 1, 2, 3.
YEARS_BACHELOR = _levels("years_bachelor")
YEARS_MASTER = _levels("years_master")

# §3 Special expertise: up to SPECIAL_NUM / SPECIAL_DEN × the cap.
SPECIAL_NUM, SPECIAL_DEN = _fact("special_num"), _fact("special_den")
# §3 weekly = monthly × months / weeks × premium; daily = monthly / days ×
# premium. Rounding is not stated; the library documents rounding down (rules.h).
WEEK_MONTHS, WEEK_WEEKS = _fact("week_months"), _fact("week_weeks")
WEEK_PREMIUM_NUM, WEEK_PREMIUM_DEN = _fact("week_premium_num"), _fact("week_premium_den")
DAY_DAYS = _fact("day_days")
DAY_PREMIUM_NUM, DAY_PREMIUM_DEN = _fact("day_premium_num"), _fact("day_premium_den")


def weekly(monthly):
    """floor(monthly × months / weeks × premium), exactly, in integers."""
    return monthly * WEEK_MONTHS * WEEK_PREMIUM_NUM // (WEEK_WEEKS * WEEK_PREMIUM_DEN)


def daily(monthly):
    """floor(monthly / days × premium), exactly, in integers."""
    return monthly * DAY_PREMIUM_NUM // (DAY_DAYS * DAY_PREMIUM_DEN)


def special(monthly):
    """floor(monthly × SPECIAL_NUM / SPECIAL_DEN)."""
    return monthly * SPECIAL_NUM // SPECIAL_DEN


# §2 Training: tuition and materials, shares as charged (training_support.json).
TUITION_SHARE_PERCENT = _fact("tuition_share_percent")
MATERIALS_SHARE_PERCENT = _fact("materials_share_percent")

# Words the legal sources carry (§1, §2, §3).
SRC_NQ11 = _fact("src_nq11")
SRC_TT02 = _fact("src_tt02")
SRC_TT004 = _fact("src_tt004")

# Not figures of the law, so not in the case files: the status words
# (docs/law/README.md §0.2: §1 and §2 are "reported", their period and the
# meal/travel caps "unconfirmed"; §3's caps "confirmed", TT 004/2025's
# week/day conversions "unconfirmed"; "user" is the library's own, for values
# a caller sets) and the largest int64.
CONFIRMED, REPORTED, UNCONFIRMED, USER = "confirmed", "reported", "unconfirmed", "user"

INT64_MAX = (1 << 63) - 1
