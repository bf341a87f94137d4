<?php

declare(strict_types=1);

namespace NhanLuc;

/** A policy parameter: every dated value it takes, each with its source. */
final readonly class Parameter implements \JsonSerializable
{
    /** Weakest certainty of its values: anything but Confirmed needs a flag. */
    public Certainty $certainty;

    /**
     * @internal Made by Policy::parameters() and Policy::parameter().
     *
     * @param list<ParameterValue> $values
     */
    public function __construct(
        /** E.g. "expert.cap.level1". */
        public string $key,
        /** "VND", "VND/month", "years", "bp", "count", "degree" or "bool". */
        public string $unit,
        /** What the parameter is, in Vietnamese / English. */
        public string $description,
        /** The dated values, oldest first. */
        public array $values,
    ) {
        $weakest = Certainty::Confirmed;
        foreach ($values as $value) {
            $weakest = $weakest->weaker($value->certainty);
        }
        $this->certainty = $weakest;
    }

    /** @return array<string, mixed> */
    public function jsonSerialize(): array
    {
        return [
            'key' => $this->key,
            'unit' => $this->unit,
            'description' => $this->description,
            'certainty' => $this->certainty->value,
            'values' => $this->values,
        ];
    }
}
