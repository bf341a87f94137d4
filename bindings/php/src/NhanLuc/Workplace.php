<?php

declare(strict_types=1);

namespace NhanLuc;

/** A workplace unit of the province: a district-level unit before 2025-07-01. */
final readonly class Workplace implements \JsonSerializable
{
    /** @internal Made by Policy::workplaces() and Policy::workplace(). */
    public function __construct(
        /** GSO code as a number, e.g. 80 for "080". */
        public int $code,
        /** E.g. "Thành phố Lào Cai". */
        public string $name,
        /** Amount tier, e.g. "city_town" or "district". */
        public string $tier,
    ) {
    }

    /** The GSO code as published, three digits: "080". */
    public function gsoCode(): string
    {
        return sprintf('%03d', $this->code);
    }

    /** @internal From the extension's nl_workplace array. */
    public static function fromNative(array $w): self
    {
        return new self($w['code'], $w['name'], $w['tier']);
    }

    /** @return array<string, int|string> */
    public function jsonSerialize(): array
    {
        return ['code' => $this->gsoCode(), 'name' => $this->name, 'tier' => $this->tier];
    }
}
