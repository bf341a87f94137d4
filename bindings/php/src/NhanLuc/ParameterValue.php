<?php

declare(strict_types=1);

namespace NhanLuc;

/** One dated value of a policy parameter, with its legal source. */
final readonly class ParameterValue implements \JsonSerializable
{
    /** @internal Made by Policy::getValue() and Policy::parameters(). */
    public function __construct(
        /** First day the value applies, "YYYY-MM-DD". */
        public string $since,
        /** True: the parameter is not in force from $since (no value). */
        public bool $ends,
        /**
         * The value (đồng, years, basis points... see Parameter::$unit); null
         * when it ends. For a table or a scale, its number of entries (the
         * entries are in $entries).
         */
        public ?int $value,
        /** Citation of the legal text. */
        public string $source,
        /** Where the text was seen ("" if none). */
        public string $sourceUrl,
        /** How sure the data is of this value. */
        public Certainty $certainty,
        /**
         * A table's entries, code name => value (['item_lead' => 2,
         * 'team_leader' => 1]; a code without an entry has no value), or a
         * scale's steps, lowest measure => value ([0 => 4, 5 => 3, ...]:
         * from 5 years on, level 3); null for other parameters and when
         * the value ends.
         *
         * @var array<int|string, int>|null
         */
        public ?array $entries = null,
    ) {
    }

    /**
     * @internal From the extension's nl_param_value array, and for a table
     * or scale its entries as Policy reads them.
     *
     * @param array<int|string, int>|null $entries
     */
    public static function fromNative(array $v, ?array $entries = null): self
    {
        return new self(
            Date::toIso($v['since']),
            $v['ends'],
            $v['ends'] ? null : $v['value'],
            $v['source'],
            $v['source_url'],
            Certainty::fromCode($v['certainty']),
            $v['ends'] ? null : $entries,
        );
    }

    /** @return array<string, mixed> */
    public function jsonSerialize(): array
    {
        $out = [
            'since' => $this->since,
            'ends' => $this->ends,
            'value' => $this->value,
            'source' => $this->source,
            'sourceUrl' => $this->sourceUrl,
            'certainty' => $this->certainty->value,
        ];
        if ($this->entries !== null) {
            // Always an object: {"item_lead": 2, ...}, {"0": 4, "5": 3, ...}.
            $out['entries'] = (object) $this->entries;
        }
        return $out;
    }
}
