<?php

declare(strict_types=1);

namespace NhanLuc;

/** Answer of Policy::attractionSubsidy(): the one-off attraction subsidy. */
final readonly class SubsidyResult extends Result
{
    /** @internal Made by Policy::attractionSubsidy(). */
    public function __construct(
        bool $eligible,
        /** Đồng, one-off; 0 unless eligible. */
        public int $amount,
        Reason $reason,
        string $source,
        Certainty $certainty,
    ) {
        parent::__construct($eligible, $reason, $source, $certainty);
    }
}
