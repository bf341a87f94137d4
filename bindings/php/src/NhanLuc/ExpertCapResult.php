<?php

declare(strict_types=1);

namespace NhanLuc;

/**
 * Answer of Policy::expertSalaryCap(): the salary caps of a hired IT expert.
 * All amounts in đồng, rounded down; 0 when the table does not apply.
 */
final readonly class ExpertCapResult extends Result
{
    /** @internal Made by Policy::expertSalaryCap(). */
    public function __construct(
        bool $eligible,
        /** 1 (highest) .. 4; 0 when the rule does not apply. */
        public int $level,
        /** Cap per month (26 working days). */
        public int $monthly,
        /** Cap per week: monthly × 12 / 52 × 1.2. */
        public int $weekly,
        /** Cap per day: monthly / 26 × 1.3. */
        public int $daily,
        /** Ceiling for special expertise: monthly × 1.5. */
        public int $specialMonthly,
        Reason $reason,
        string $source,
        Certainty $certainty,
        /**
         * Certainty of the values behind level, monthly and specialMonthly
         * only ($certainty covers the week/day conversions too): under
         * Thông tư 004/2025 the caps are confirmed, its conversions not.
         */
        public Certainty $monthlyCertainty,
    ) {
        parent::__construct($eligible, $reason, $source, $certainty);
    }
}
