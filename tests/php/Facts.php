<?php
/**
 * The policy facts the PHP tests check the binding against.
 *
 * Every figure is copied from the project's policy facts
 * (docs/law/, the file and § named in each comment), never from
 * what the code returns: a test compares the answer with the law, so a wrong
 * value in data/laocai.json, a wrong rule or a wrong binding all fail.
 * Values the facts leave open (placeholders flagged "unconfirmed": the
 * training meal and travel caps) are not here; the tests read them from the
 * policy instead.
 */

declare(strict_types=1);

namespace NhanLuc\Tests;

final class Facts
{
    // §1 Attraction subsidy, one-off, VND.
    public const AMOUNT_CITY_TOWN = 100_000_000;   // Thành phố Lào Cai, Thị xã Sa Pa
    public const AMOUNT_DISTRICT = 150_000_000;    // any huyện of the province

    // §1 Workplaces: GSO district-level codes of Lào Cai before 2025-07-01.
    public const TIER_CITY_TOWN = 'city_town';
    public const TIER_DISTRICT = 'district';
    /** GSO code => [name, tier, amount]. */
    public const WORKPLACES = [
        '080' => ['Thành phố Lào Cai', self::TIER_CITY_TOWN, self::AMOUNT_CITY_TOWN],
        '082' => ['Huyện Bát Xát', self::TIER_DISTRICT, self::AMOUNT_DISTRICT],
        '083' => ['Huyện Mường Khương', self::TIER_DISTRICT, self::AMOUNT_DISTRICT],
        '084' => ['Huyện Si Ma Cai', self::TIER_DISTRICT, self::AMOUNT_DISTRICT],
        '085' => ['Huyện Bắc Hà', self::TIER_DISTRICT, self::AMOUNT_DISTRICT],
        '086' => ['Huyện Bảo Thắng', self::TIER_DISTRICT, self::AMOUNT_DISTRICT],
        '087' => ['Huyện Bảo Yên', self::TIER_DISTRICT, self::AMOUNT_DISTRICT],
        '088' => ['Thị xã Sa Pa', self::TIER_CITY_TOWN, self::AMOUNT_CITY_TOWN],
        '089' => ['Huyện Văn Bàn', self::TIER_DISTRICT, self::AMOUNT_DISTRICT],
    ];
    /** The last day of the district-level units above. */
    public const DISTRICTS_LAST_DAY = '2025-06-30';

    // §1 Workplaces from 2025-07-01: the 99 communes of the merged province,
    // five-digit GSO codes (data/geography/laocai-communes-2025.csv), each
    // formed from pre-2025 units ("from"). A commune formed from units of one
    // tier has that tier (unconfirmed); one formed from units of different
    // tiers, or from none of the old province (old Yên Bái), has none.
    public const COMMUNES_FIRST_DAY = '2025-07-01';
    public const COMMUNE_COUNT = 99;
    /** GSO code => [name, tier or null]. */
    public const COMMUNES = [
        '02647' => ['Phường Lào Cai', null],          // from 080 and 086: ambiguous
        '02671' => ['Phường Cam Đường', self::TIER_CITY_TOWN],   // from 080 only
        '02683' => ['Xã Bát Xát', self::TIER_DISTRICT],          // from 082 only
        '04252' => ['Phường Yên Bái', null],          // from old Yên Bái: outside the area
    ];

    /** A code between two units, and codes of no unit at all (well-formed, 0..99999). */
    public const CODES_NOT_A_UNIT = ['081', '000', '090', '999', '1000', '02648', '99999'];

    // §1, §2 Nghị quyết 11/2020/NQ-HĐND "covers 2021–2025": the data models
    // the period as 2021-01-01 up to (not including) 2026-01-01, both dates
    // unconfirmed (docs and data/laocai.json say so).
    public const NQ11_FIRST_DAY = '2021-01-01';
    public const NQ11_DAY_BEFORE = '2020-12-31';
    public const NQ11_LAST_DAY = '2025-12-31';
    public const NQ11_END_DAY = '2026-01-01';

    // §3 Expert caps, VND/month: Thông tư 02/2015/TT-BLĐTBXH from 2015-03-01
    // to 2025-06-30, Thông tư 004/2025/TT-BNV from 2025-07-01.
    public const TT02_DAY_BEFORE = '2015-02-28';
    public const TT02_FIRST_DAY = '2015-03-01';
    public const TT02_LAST_DAY = '2025-06-30';
    public const TT004_FIRST_DAY = '2025-07-01';
    /** level => monthly cap. */
    public const TT02_CAPS = [1 => 40_000_000, 2 => 30_000_000, 3 => 20_000_000, 4 => 15_000_000];
    public const TT004_CAPS = [1 => 70_000_000, 2 => 55_000_000, 3 => 40_000_000, 4 => 30_000_000];
    public const TT004_SPECIAL_LEVEL1 = 105_000_000;   // "up to 1.5 × (105,000,000)"

    // §3 Years of experience needed for levels 1, 2, 3.
    public const YEARS_BACHELOR = [1 => 15, 2 => 10, 3 => 5];
    public const YEARS_MASTER = [1 => 8, 2 => 5, 3 => 3];

    // §3 Special expertise: up to 1.5 × the cap; weekly = monthly × 12 / 52 ×
    // 1.2; daily = monthly / 26 × 1.3. Rounding is not stated: the library
    // documents rounding down (rules.h), so the figures below are exact
    // integer arithmetic, rounded down.
    public const SPECIAL_NUM = 3;
    public const SPECIAL_DEN = 2;
    public const WEEK_MONTHS = 12;
    public const WEEK_WEEKS = 52;
    public const WEEK_PREMIUM_NUM = 12;   // 1.2
    public const WEEK_PREMIUM_DEN = 10;
    public const DAY_DAYS = 26;
    public const DAY_PREMIUM_NUM = 13;    // 1.3
    public const DAY_PREMIUM_DEN = 10;

    public static function weekly(int $monthly): int
    {
        return intdiv(
            $monthly * self::WEEK_MONTHS * self::WEEK_PREMIUM_NUM,
            self::WEEK_WEEKS * self::WEEK_PREMIUM_DEN
        );
    }

    public static function daily(int $monthly): int
    {
        return intdiv($monthly * self::DAY_PREMIUM_NUM, self::DAY_DAYS * self::DAY_PREMIUM_DEN);
    }

    public static function special(int $monthly): int
    {
        return intdiv($monthly * self::SPECIAL_NUM, self::SPECIAL_DEN);
    }

    // §2 Training: 100% of tuition and materials as charged.
    public const TUITION_SHARE_PERCENT = 100;
    public const MATERIALS_SHARE_PERCENT = 100;

    // Words the legal sources carry (§1, §2, §3): a result's source must cite
    // the instrument its value comes from.
    public const SRC_NQ11 = '11/2020/NQ-HĐND';
    public const SRC_TT02 = '02/2015/TT-BLĐTBXH';
    public const SRC_TT004 = '004/2025/TT-BNV';

    // The library's status codes (include/nhanluc/common.h: stable, appended only).
    public const STATUS_EINVAL = 1;
    public const STATUS_ERANGE = 2;
    public const STATUS_EDATE = 3;
    public const STATUS_ENOTFOUND = 4;
    public const STATUS_ENOTINFORCE = 5;
    public const STATUS_EPARSE = 6;
    public const STATUS_EIO = 7;
    public const STATUS_ENOMEM = 8;
}
