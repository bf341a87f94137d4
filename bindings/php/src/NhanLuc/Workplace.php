<?php

declare(strict_types=1);

namespace NhanLuc;

/**
 * A workplace unit of the province, an entry of its dated catalogue: a
 * district-level unit (three-digit code, e.g. "080") before 2025-07-01, or a
 * commune (five-digit code, e.g. "02647") from 2025-07-01.
 */
final readonly class Workplace implements \JsonSerializable
{
    /** @internal Made by Policy::workplaces() and Policy::workplace(). */
    public function __construct(
        /** GSO code as a number, e.g. 80 for "080", 2647 for "02647". */
        public int $code,
        /** E.g. "Thành phố Lào Cai". */
        public string $name,
        /**
         * Amount tier, e.g. "city_town" or "district"; null when the unit has
         * none (a commune formed from units of different tiers, or from no
         * unit of the policy's area).
         */
        public ?string $tier,
    ) {
    }

    /** The GSO code as published: three digits for a district unit ("080"), five for a commune ("02647"). */
    public function gsoCode(): string
    {
        return self::render($this->code);
    }

    /** @internal A GSO code as published: three digits below 1000, else five. */
    public static function render(int $code): string
    {
        return sprintf($code < 1000 ? '%03d' : '%05d', $code);
    }

    /** @internal From the extension's nl_workplace array (a NULL tier arrives as ""). */
    public static function fromNative(array $w): self
    {
        $tier = $w['tier'] ?? null;
        return new self($w['code'], $w['name'], $tier === '' ? null : $tier);
    }

    /** @return array<string, string|null> */
    public function jsonSerialize(): array
    {
        return ['code' => $this->gsoCode(), 'name' => $this->name, 'tier' => $this->tier];
    }
}
