/* The policy facts the tests check the library against.
 *
 * Every figure here is copied from the project's policy facts
 * (docs/law/, the file and § named in each comment), never from
 * what the code returns: a test compares the library's answer with the law,
 * so a wrong value in data/laocai.json or a wrong rule both fail. Values the
 * facts leave open (placeholders flagged "unconfirmed") are not here; the
 * tests read them through nl_policy_get instead. */
#ifndef NL_TEST_FACTS_H
#define NL_TEST_FACTS_H

#include <stdint.h>

/* §1 Attraction subsidy, one-off. */
#define FACT_AMOUNT_CITY_TOWN INT64_C(100000000)  /* Thành phố Lào Cai, Thị xã Sa Pa */
#define FACT_AMOUNT_DISTRICT INT64_C(150000000)   /* any huyện of the province */

/* §1, §2 Both come from Nghị quyết 11/2020/NQ-HĐND, which "covers
 * 2021–2025": the built-in data models the period as 2021-01-01 up to (not
 * including) 2026-01-01, both dates unconfirmed. */
#define FACT_NQ11_FIRST_DAY "2021-01-01"
#define FACT_NQ11_END_DAY "2026-01-01"

/* §1 Workplace table: GSO district-level codes of Lào Cai before 2025-07-01. */
#define FACT_TIER_CITY_TOWN "city_town"
#define FACT_TIER_DISTRICT "district"
static const struct fact_workplace {
    int code;
    const char *name;
    const char *tier;
    int64_t amount;
} fact_workplaces[] = {
    {80, "Thành phố Lào Cai", FACT_TIER_CITY_TOWN, FACT_AMOUNT_CITY_TOWN},
    {82, "Huyện Bát Xát", FACT_TIER_DISTRICT, FACT_AMOUNT_DISTRICT},
    {83, "Huyện Mường Khương", FACT_TIER_DISTRICT, FACT_AMOUNT_DISTRICT},
    {84, "Huyện Si Ma Cai", FACT_TIER_DISTRICT, FACT_AMOUNT_DISTRICT},
    {85, "Huyện Bắc Hà", FACT_TIER_DISTRICT, FACT_AMOUNT_DISTRICT},
    {86, "Huyện Bảo Thắng", FACT_TIER_DISTRICT, FACT_AMOUNT_DISTRICT},
    {87, "Huyện Bảo Yên", FACT_TIER_DISTRICT, FACT_AMOUNT_DISTRICT},
    {88, "Thị xã Sa Pa", FACT_TIER_CITY_TOWN, FACT_AMOUNT_CITY_TOWN},
    {89, "Huyện Văn Bàn", FACT_TIER_DISTRICT, FACT_AMOUNT_DISTRICT},
};
#define FACT_WORKPLACE_COUNT (sizeof fact_workplaces / sizeof fact_workplaces[0])
/* A code between two units (081), and codes of no unit at all. */
#define FACT_CODE_NOT_A_UNIT 81
/* ... in force until the merger: their last day. */
#define FACT_DISTRICTS_LAST_DAY "2025-06-30"

/* §6 Geography after 1 July 2025 (data/geography/README.md): the merged
 * province's 99 communes (10 phường, 89 xã), five-digit codes, from
 * 2025-07-01. Of them 8 come only from old city/town units (080, 088), 37
 * only from old districts, 3 from both, 51 from old Yên Bái. */
#define FACT_MERGER_DAY "2025-07-01"
#define FACT_COMMUNE_COUNT 99
#define FACT_COMMUNES_ONLY_CITY_TOWN 8
#define FACT_COMMUNES_ONLY_DISTRICT 37
#define FACT_COMMUNES_MIXED 3
#define FACT_COMMUNES_OLD_YEN_BAI 51
/* Examples, one of each kind (data/geography/laocai-legacy-to-2025.csv). */
#define FACT_COMMUNE_CITY_TOWN 2671      /* Phường Cam Đường, from 080 */
#define FACT_COMMUNE_CITY_TOWN_NAME "Phường Cam Đường"
#define FACT_COMMUNE_DISTRICT 2683       /* Xã Bát Xát, from 082 */
#define FACT_COMMUNE_MIXED 2647          /* Phường Lào Cai, from 080 and 086 */
#define FACT_COMMUNE_YEN_BAI 4252        /* Phường Yên Bái, from 132 */

/* §3 Expert caps, VND/month. Thông tư 02/2015/TT-BLĐTBXH from 2015-03-01 ... */
#define FACT_TT02_FIRST_DAY "2015-03-01"
#define FACT_TT02_LAST_DAY "2025-06-30"
static const int64_t fact_tt02_cap[5] = {0, INT64_C(40000000), INT64_C(30000000),
                                         INT64_C(20000000), INT64_C(15000000)};
/* ... and Thông tư 004/2025/TT-BNV from 2025-07-01 (caps for 26 working days). */
#define FACT_TT004_FIRST_DAY "2025-07-01"
static const int64_t fact_tt004_cap[5] = {0, INT64_C(70000000), INT64_C(55000000),
                                          INT64_C(40000000), INT64_C(30000000)};
#define FACT_TT004_SPECIAL_LEVEL1 INT64_C(105000000)  /* "up to 1.5 × (105,000,000)" */

/* §3 Years of experience for levels 1, 2, 3 (index = level). */
static const int fact_years_bachelor[4] = {0, 15, 10, 5};
static const int fact_years_master[4] = {0, 8, 5, 3};

/* §3 Special expertise: up to 1.5 × the cap. */
#define FACT_SPECIAL_NUM 3
#define FACT_SPECIAL_DEN 2
/* §3 weekly = monthly × 12 / 52 × 1.2; daily = monthly / 26 × 1.3. Rounding
 * is not stated; the library documents rounding down (rules.h). */
#define FACT_WEEK_MONTHS 12
#define FACT_WEEK_WEEKS 52
#define FACT_WEEK_PREMIUM_NUM 12   /* 1.2 = 12 / 10 */
#define FACT_WEEK_PREMIUM_DEN 10
#define FACT_DAY_DAYS 26
#define FACT_DAY_PREMIUM_NUM 13    /* 1.3 = 13 / 10 */
#define FACT_DAY_PREMIUM_DEN 10

/* The conversions, exactly, in integers, rounded down. */
static inline int64_t fact_weekly(int64_t monthly)
{
    return monthly * FACT_WEEK_MONTHS * FACT_WEEK_PREMIUM_NUM /
           (FACT_WEEK_WEEKS * FACT_WEEK_PREMIUM_DEN);
}

static inline int64_t fact_daily(int64_t monthly)
{
    return monthly * FACT_DAY_PREMIUM_NUM / (FACT_DAY_DAYS * FACT_DAY_PREMIUM_DEN);
}

static inline int64_t fact_special(int64_t monthly)
{
    return monthly * FACT_SPECIAL_NUM / FACT_SPECIAL_DEN;
}

/* §2 Training: 100% of tuition and materials as charged. */
#define FACT_TUITION_SHARE_PERCENT 100
#define FACT_MATERIALS_SHARE_PERCENT 100

/* Words the legal sources carry (§1, §2, §3): a result's source must cite
 * the instrument its value comes from. */
#define FACT_SRC_NQ11 "11/2020/NQ-HĐND"
#define FACT_SRC_TT02 "02/2015/TT-BLĐTBXH"
#define FACT_SRC_TT004 "004/2025/TT-BNV"

#endif
