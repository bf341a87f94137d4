"""The policy facts the Python tests check the binding against.

Every figure is copied from the project's policy facts
(docs/law/, the file and § named in each comment), never from
what the code returns: a wrong value in data/laocai.json, a wrong rule or a
wrong binding all fail. Values the facts leave open (placeholders flagged
"unconfirmed", e.g. the meal and travel caps) are not here; the tests read
them through Policy.get instead. Mirrors tests/facts.h of the C suite.
"""

import datetime

D = datetime.date

# §1 Attraction subsidy, one-off.
AMOUNT_CITY_TOWN = 100_000_000   # Thành phố Lào Cai, Thị xã Sa Pa
AMOUNT_DISTRICT = 150_000_000    # any huyện of the province

# §1 Workplace table: GSO district-level codes before 2025-07-01.
TIER_CITY_TOWN = "city_town"
TIER_DISTRICT = "district"
WORKPLACES = [
    # (code, name, tier, amount)
    (80, "Thành phố Lào Cai", TIER_CITY_TOWN, AMOUNT_CITY_TOWN),
    (82, "Huyện Bát Xát", TIER_DISTRICT, AMOUNT_DISTRICT),
    (83, "Huyện Mường Khương", TIER_DISTRICT, AMOUNT_DISTRICT),
    (84, "Huyện Si Ma Cai", TIER_DISTRICT, AMOUNT_DISTRICT),
    (85, "Huyện Bắc Hà", TIER_DISTRICT, AMOUNT_DISTRICT),
    (86, "Huyện Bảo Thắng", TIER_DISTRICT, AMOUNT_DISTRICT),
    (87, "Huyện Bảo Yên", TIER_DISTRICT, AMOUNT_DISTRICT),
    (88, "Thị xã Sa Pa", TIER_CITY_TOWN, AMOUNT_CITY_TOWN),
    (89, "Huyện Văn Bàn", TIER_DISTRICT, AMOUNT_DISTRICT),
]
# Codes that are no unit of the province: between two units (081), just
# outside the range (079, 090), another province's, and the extremes.
CODES_NOT_A_UNIT = [0, 1, 79, 81, 90, 100, 999, 1000, 32767]   # int16 for the batch

# §6 (docs/law/6-geography.md, data/geography/README.md): from 2025-07-01
# the merged province's 99 communes, five-digit codes; of them 8 only from
# old city/town units, 37 only from old districts, 3 from both, 51 from old
# Yên Bái. The 9 units above end on 2025-06-30.
MERGER_DAY = "2025-07-01"
DISTRICTS_LAST_DAY = "2025-06-30"
COMMUNE_COUNT = 99
COMMUNE_CITY_TOWN = (2671, "Phường Cam Đường")   # from 080 only
COMMUNE_DISTRICT = (2683, "Xã Bát Xát")          # from 082 only
COMMUNE_MIXED = (2647, "Phường Lào Cai")         # from 080 and 086
COMMUNE_YEN_BAI = (4252, "Phường Yên Bái")       # from 132 (old Yên Bái)

# §1, §2 Nghị quyết 11/2020/NQ-HĐND "covers 2021–2025": data/laocai.json
# models the period as 2021-01-01 up to (not including) 2026-01-01, both
# dates unconfirmed.
NQ11_FIRST_DAY = D(2021, 1, 1)
NQ11_LAST_DAY = D(2025, 12, 31)
NQ11_END_DAY = D(2026, 1, 1)

# §3 Expert caps, VND/month, index = level. Thông tư 02/2015/TT-BLĐTBXH from
# 2015-03-01 to 2025-06-30, Thông tư 004/2025/TT-BNV from 2025-07-01.
TT02_FIRST_DAY = D(2015, 3, 1)
TT02_LAST_DAY = D(2025, 6, 30)
TT004_FIRST_DAY = D(2025, 7, 1)
TT02_CAP = {1: 40_000_000, 2: 30_000_000, 3: 20_000_000, 4: 15_000_000}
TT004_CAP = {1: 70_000_000, 2: 55_000_000, 3: 40_000_000, 4: 30_000_000}
TT004_SPECIAL_LEVEL1 = 105_000_000   # "up to 1.5 × (105,000,000)"

# §3 Years of experience needed for levels 1, 2, 3.
YEARS_BACHELOR = {1: 15, 2: 10, 3: 5}
YEARS_MASTER = {1: 8, 2: 5, 3: 3}

# §3 Special expertise: up to 1.5 × the cap.
SPECIAL_NUM, SPECIAL_DEN = 3, 2
# §3 weekly = monthly × 12 / 52 × 1.2; daily = monthly / 26 × 1.3. Rounding
# is not stated; the library documents rounding down (rules.h).
WEEK_MONTHS, WEEK_WEEKS = 12, 52
WEEK_PREMIUM_NUM, WEEK_PREMIUM_DEN = 12, 10
DAY_DAYS = 26
DAY_PREMIUM_NUM, DAY_PREMIUM_DEN = 13, 10


def weekly(monthly):
    """floor(monthly × 12 / 52 × 1.2), exactly, in integers."""
    return monthly * WEEK_MONTHS * WEEK_PREMIUM_NUM // (WEEK_WEEKS * WEEK_PREMIUM_DEN)


def daily(monthly):
    """floor(monthly / 26 × 1.3), exactly, in integers."""
    return monthly * DAY_PREMIUM_NUM // (DAY_DAYS * DAY_PREMIUM_DEN)


def special(monthly):
    """floor(monthly × 1.5)."""
    return monthly * SPECIAL_NUM // SPECIAL_DEN


# §2 Training: 100% of tuition and materials as charged.
TUITION_SHARE_PERCENT = 100
MATERIALS_SHARE_PERCENT = 100

# Words the legal sources carry (§1, §2, §3).
SRC_NQ11 = "11/2020/NQ-HĐND"
SRC_TT02 = "02/2015/TT-BLĐTBXH"
SRC_TT004 = "004/2025/TT-BNV"

# Status words (docs/law/README.md §0.2): §1 and §2 are "reported", their
# period and the meal/travel caps "unconfirmed"; §3's caps "confirmed",
# TT 004/2025's week/day conversions "unconfirmed".
CONFIRMED, REPORTED, UNCONFIRMED, USER = "confirmed", "reported", "unconfirmed", "user"

INT64_MAX = (1 << 63) - 1
