<?php

declare(strict_types=1);

namespace NhanLuc;

/**
 * Answer of Policy::evaluate() for any rule family, made from the family's
 * C declaration (docs/rules.md): eligible, reason, source and certainty as
 * in every Result, and every declared output in $values (reasons and
 * certainties as their enums), also readable as properties:
 *
 *     $r = $policy->evaluate('attraction_subsidy', [...]);
 *     $r->eligible; $r->amount; $r->values['amount']; $r->message('en');
 */
final readonly class RuleResult extends Result
{
    /**
     * @internal Made by Policy::evaluate().
     *
     * @param array<string, int|bool|float|string|Reason|Certainty> $values
     */
    public function __construct(
        /** The family's declared name, e.g. "attraction_subsidy". */
        public string $rule,
        bool $eligible,
        Reason $reason,
        string $source,
        Certainty $certainty,
        /** Every declared output by name (docs/rules.md). */
        public array $values,
    ) {
        parent::__construct($eligible, $reason, $source, $certainty);
    }

    /** A declared output by name, e.g. $r->amount. */
    public function __get(string $name): mixed
    {
        if (!array_key_exists($name, $this->values)) {
            throw new \Error(sprintf('%s has no output "%s"', $this->rule, $name));
        }
        return $this->values[$name];
    }

    public function __isset(string $name): bool
    {
        return isset($this->values[$name]);
    }

    /** @internal From nlb_rule_eval()'s array, typed by the declaration. */
    public static function fromNative(string $rule, array $r): self
    {
        $types = [];
        foreach (\nlb_rules() as $declared) {
            if ($declared['name'] === $rule) {
                foreach ($declared['outputs'] as $output) {
                    $types[$output['name']] = $output['type'];
                }
            }
        }
        $values = [];
        foreach ($r as $name => $value) {
            $values[$name] = match ($types[$name] ?? null) {
                'reason' => Reason::fromCode($value),
                'certainty' => Certainty::fromCode($value),
                default => $value,
            };
        }
        return new self(
            $rule,
            $r['eligible'],
            $values['reason'],
            $r['source'],
            $values['certainty'],
            $values,
        );
    }

    /** The declared outputs as plain values (enums as their string values). */
    public function toArray(): array
    {
        $out = ['rule' => $this->rule];
        foreach ($this->values as $name => $value) {
            $out[$name] = $value instanceof \BackedEnum ? $value->value : $value;
        }
        return $out;
    }
}
