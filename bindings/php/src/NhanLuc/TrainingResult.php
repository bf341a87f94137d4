<?php

declare(strict_types=1);

namespace NhanLuc;

/** Answer of Policy::trainingSupport(): what the province pays, per item. */
final readonly class TrainingResult extends Result
{
    /** @internal Made by Policy::trainingSupport(). */
    public function __construct(
        bool $eligible,
        /** Tuition paid (100% of the amount charged). */
        public int $tuition,
        /** Materials paid (100% of the amount charged). */
        public int $materials,
        /** Meals paid: as claimed, up to a daily cap × days. */
        public int $meals,
        /** Travel paid: as claimed, up to a per-course cap. */
        public int $travel,
        /** Sum of the four. */
        public int $total,
        Reason $reason,
        string $source,
        Certainty $certainty,
    ) {
        parent::__construct($eligible, $reason, $source, $certainty);
    }
}
