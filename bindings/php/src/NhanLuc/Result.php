<?php

declare(strict_types=1);

namespace NhanLuc;

/**
 * What every rule answers: whether the person qualifies, why (the first
 * unmet condition), the legal source of the deciding value and how sure the
 * data behind the answer is. Results are immutable copies: they stay valid
 * after the policy that produced them is changed or freed.
 */
abstract readonly class Result implements \JsonSerializable
{
    public function __construct(
        /** True when every condition is met. */
        public bool $eligible,
        /** Reason::Ok, or the first condition not met. */
        public Reason $reason,
        /** Citation of the legal text of the value that decided. */
        public string $source,
        /** Weakest certainty of the values used: flag anything but Confirmed. */
        public Certainty $certainty,
    ) {
    }

    /** The reason in Vietnamese ("vi", default) or English ("en"). */
    public function message(string $lang = 'vi'): string
    {
        return $this->reason->message($lang);
    }

    /** True when every value used is confirmed by its legal instrument. */
    public function isConfirmed(): bool
    {
        return $this->certainty->isConfirmed();
    }

    /**
     * The result as a plain array (enums as their string values), e.g. for
     * json_encode().
     *
     * @return array<string, bool|int|string>
     */
    public function toArray(): array
    {
        $out = [];
        foreach (get_object_vars($this) as $name => $value) {
            $out[$name] = $value instanceof \BackedEnum ? $value->value : $value;
        }
        return $out;
    }

    /** @return array<string, bool|int|string> */
    public function jsonSerialize(): array
    {
        return $this->toArray();
    }
}
