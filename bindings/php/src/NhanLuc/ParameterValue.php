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
        /** The value (đồng, years, basis points... see Parameter::$unit); null when it ends. */
        public ?int $value,
        /** Citation of the legal text. */
        public string $source,
        /** Where the text was seen ("" if none). */
        public string $sourceUrl,
        /** How sure the data is of this value. */
        public Certainty $certainty,
    ) {
    }

    /** @internal From the extension's nl_param_value array. */
    public static function fromNative(array $v): self
    {
        return new self(
            Date::toIso($v['since']),
            $v['ends'],
            $v['ends'] ? null : $v['value'],
            $v['source'],
            $v['source_url'],
            Certainty::fromCode($v['certainty']),
        );
    }

    /** @return array<string, bool|int|string|null> */
    public function jsonSerialize(): array
    {
        return [
            'since' => $this->since,
            'ends' => $this->ends,
            'value' => $this->value,
            'source' => $this->source,
            'sourceUrl' => $this->sourceUrl,
            'certainty' => $this->certainty->value,
        ];
    }
}
