<?php
/**
 * The rule families as the PHP layer derives them from their C
 * declarations (Policy::rules(), evaluate(), __call, RuleResult), errors
 * naming the field (getField()), and workplaces by name (findWorkplace()),
 * mirroring tests/test_rule.c and tests/test_names.c.
 */

declare(strict_types=1);

namespace NhanLuc\Tests;

use NhanLuc\AmbiguousNameException;
use NhanLuc\Certainty;
use NhanLuc\DateError;
use NhanLuc\InvalidArgumentError;
use NhanLuc\NotFoundException;
use NhanLuc\OverflowException;
use NhanLuc\Policy;
use NhanLuc\Reason;
use NhanLuc\RuleResult;
use NhanLuc\Status;

final class RulesTest extends PolicyTestCase
{
    private const CANDIDATE = ['degree' => 'bachelor', 'major' => 'it', 'agency' => 'state',
        'dedicated_post' => true, 'workplace' => '088', 'start' => '2024-05-01'];

    /** A valid value of each declared type. */
    private static function valid(array $field): mixed
    {
        return match ($field['type']) {
            'code' => $field['codes'][\count($field['codes']) - 1],
            'bool' => true,
            'date' => '2024-05-01',
            'workplace' => 88,
            'years' => 6.0,
            'int' => 3,
            default => 1_000_000,
        };
    }

    /** @return array<string, mixed> a valid case for $rule */
    private static function validCase(array $rule): array
    {
        $case = [];
        foreach ($rule['inputs'] as $f) {
            $case[$f['name']] = self::valid($f);
        }
        return $case;
    }

    public function testTheFamiliesAreTheLibrarysDeclarations(): void
    {
        $names = array_column(Policy::rules(), 'name');
        $this->assertSame(['attraction_subsidy', 'expert_salary_cap', 'training_support'], $names);
        foreach (Policy::rules() as $rule) {
            $this->assertFileExists(\dirname(__DIR__, 2) . '/' . $rule['law']);
            $this->assertSame(\NL_REASON_OK, $rule['reasons'][0]);
            $this->assertSame(\NL_REASON_NOT_IN_FORCE, $rule['reasons'][1]);
        }
    }

    /**
     * Each declared code list has its enum (written by scripts/php_enums.c,
     * named after the field as the extension expects), with the declared
     * codes in order and each case's code() the C value at that position.
     */
    public function testEveryCodeListHasItsEnum(): void
    {
        $seen = [];
        foreach (Policy::rules() as $rule) {
            foreach ($rule['inputs'] as $f) {
                if ($f['type'] !== 'code') {
                    continue;
                }
                $class = 'NhanLuc\\' . str_replace('_', '', ucwords($f['name'], '_'));
                $this->assertTrue(enum_exists($class), "{$rule['name']}.{$f['name']}: no enum $class");
                $this->assertSame($f['codes'], array_map(static fn ($c) => $c->value, $class::cases()), $class);
                foreach ($class::cases() as $i => $case) {
                    $this->assertSame($i, $case->code(), "$class::{$case->name}");
                }
                $seen[$class] = true;
            }
        }
        $this->assertSame(['NhanLuc\Degree', 'NhanLuc\Major', 'NhanLuc\Agency', 'NhanLuc\Role'], array_keys($seen));
    }

    public function testEvaluateAnswersAsTheTypedMethods(): void
    {
        foreach (['088', 'Sa Pa', 82, 'Huyện Bát Xát'] as $w) {
            foreach ([Facts::NQ11_DAY_BEFORE, Facts::NQ11_FIRST_DAY, Facts::DISTRICTS_LAST_DAY, Facts::COMMUNES_FIRST_DAY] as $d) {
                $case = ['workplace' => $w, 'start' => $d] + self::CANDIDATE;
                $typed = $this->policy->attractionSubsidy($case);
                $generic = $this->policy->evaluate('attraction_subsidy', $case);
                $this->assertInstanceOf(RuleResult::class, $generic);
                $this->assertSame('attraction_subsidy', $generic->rule);
                $this->assertSame($typed->amount, $generic->amount);
                $this->assertSame($typed->reason, $generic->reason);
                $this->assertSame($typed->eligible, $generic->eligible);
                $this->assertSame($typed->source, $generic->source);
                $this->assertSame($typed->certainty, $generic->values['certainty']);
            }
        }
        $cap = $this->policy->evaluate('expert_salary_cap', ['degree' => 'master', 'experience_years' => 5, 'on' => Facts::TT004_FIRST_DAY]);
        $this->assertSame(2, $cap->level);
        $this->assertSame(Facts::TT004_CAPS[2], $cap->monthly);
        $this->assertInstanceOf(Certainty::class, $cap->monthly_certainty);
        $this->assertTrue($cap->eligible);
        // A family's camelCase method through __call answers the same.
        $this->assertEquals($cap, $this->policy->__call('expertSalaryCap', [['degree' => 'master', 'experience_years' => 5, 'on' => Facts::TT004_FIRST_DAY]]));
        $this->assertSame(['rule' => 'training_support'], array_intersect_key(
            $this->policy->evaluate('training_support', ['dedicated_official' => true, 'short_concentrated' => true, 'days' => 2, 'start' => '2024-05-01'])->toArray(),
            ['rule' => 1]
        ));
    }

    public function testAnUnknownFamilyOrMethodIsAnError(): void
    {
        $this->assertThrowsCode(NotFoundException::class, Facts::STATUS_ENOTFOUND,
            fn () => $this->policy->evaluate('no_such_rule', []));
        $this->expectException(\Error::class);
        $this->policy->__call('noSuchRule', [[]]);
    }

    /** Each declared input, given a refused value, names itself. */
    public function testEveryRefusedInputNamesItsField(): void
    {
        $bad = ['code' => ['no such code', InvalidArgumentError::class], 'bool' => [1, \TypeError::class],
            'date' => ['2024-13-01', DateError::class], 'workplace' => [100000, InvalidArgumentError::class],
            'years' => [-0.5, InvalidArgumentError::class], 'int' => [0, InvalidArgumentError::class],
            'money' => [-1, InvalidArgumentError::class]];
        $seen = 0;
        foreach (Policy::rules() as $rule) {
            foreach ($rule['inputs'] as $f) {
                [$value, $class] = $bad[$f['type']];
                $case = [$f['name'] => $value] + self::validCase($rule);
                try {
                    $this->policy->evaluate($rule['name'], $case);
                    $this->fail("{$rule['name']}.{$f['name']} = " . var_export($value, true) . ' was taken');
                } catch (\Throwable $e) {
                    $this->assertInstanceOf($class, $e, "{$rule['name']}.{$f['name']}");
                    $this->assertStringContainsString($f['name'], $e->getMessage());
                    if (!$e instanceof \TypeError) {
                        $this->assertSame($f['name'], $e->getField());
                    }
                }
                $seen++;
            }
        }
        $this->assertSame(19, $seen);
    }

    public function testAMissingOrUnknownFieldIsRefused(): void
    {
        $case = self::CANDIDATE;
        unset($case['start']);
        try {
            $this->policy->evaluate('attraction_subsidy', $case);
            $this->fail('a missing field was taken');
        } catch (InvalidArgumentError $e) {
            $this->assertSame('start', $e->getField());
        }
        try {
            $this->policy->evaluate('attraction_subsidy', ['extra' => 1] + self::CANDIDATE);
            $this->fail('an unknown field was taken');
        } catch (InvalidArgumentError $e) {
            $this->assertStringContainsString('unknown field "extra"', $e->getMessage());
            $this->assertNull($e->getField());
        }
    }

    public function testOptionalInputsTakeTheirDeclaredDefaults(): void
    {
        $r = $this->policy->trainingSupport(['dedicated_official' => true, 'short_concentrated' => true,
            'days' => 3, 'start' => '2024-05-01']);
        $this->assertSame(0, $r->total);
        $e = $this->policy->expertSalaryCap(['degree' => 'bachelor', 'experience_years' => 0, 'on' => '2024-05-01']);
        $this->assertSame(4, $e->level);   // role member, by default
    }

    public function testANumberPast32BitsIsARangeErrorNamingItsField(): void
    {
        try {
            $this->policy->trainingSupport(['dedicated_official' => true, 'short_concentrated' => true,
                'days' => 2 ** 31, 'start' => '2024-05-01']);
            $this->fail('2^31 days were taken');
        } catch (OverflowException $e) {
            $this->assertSame(Status::Range->value, $e->getCode());
            $this->assertSame('days', $e->getField());
        }
    }

    public function testAnEnumOfAnotherFieldIsATypeError(): void
    {
        $this->expectException(\TypeError::class);
        $this->policy->evaluate('attraction_subsidy', ['degree' => \NhanLuc\Major::InformationTechnology] + self::CANDIDATE);
    }

    public function testDateTimeValuesAreDates(): void
    {
        $r = $this->policy->evaluate('attraction_subsidy', ['start' => new \DateTimeImmutable('2024-05-01')] + self::CANDIDATE);
        $this->assertSame(Facts::AMOUNT_CITY_TOWN, $r->amount);
    }

    public function testAPopulationAnswersAsEachCaseAlone(): void
    {
        foreach (Policy::rules() as $rule) {
            $cases = array_column(self::sharedCases($rule['name']), 'input');
            $all = $this->policy->evaluateAll($rule['name'], $cases);
            $this->assertSame(array_keys($cases), array_keys($all));
            foreach ($cases as $i => $case) {
                $one = $this->policy->evaluate($rule['name'], $case)->toArray();
                unset($one['rule']);
                $this->assertSame($one, $all[$i], "{$rule['name']} #$i");
            }
        }
        $this->assertSame([], $this->policy->evaluateAll('attraction_subsidy', []));
    }

    public function testAPopulationIsAllOrNothing(): void
    {
        $cases = ['lan' => self::CANDIDATE, 'minh' => ['days' => 1] + self::CANDIDATE];
        try {
            $this->policy->evaluateAll('attraction_subsidy', $cases);
            $this->fail('a refused record was answered');
        } catch (InvalidArgumentError $e) {
            $this->assertStringStartsWith('record "minh": ', $e->getMessage());
            $this->assertStringContainsString('unknown field "days"', $e->getMessage());
        }
        try {
            $this->policy->evaluateAll('attraction_subsidy', [self::CANDIDATE, ['degree' => 'phd'] + self::CANDIDATE]);
            $this->fail('a refused record was answered');
        } catch (InvalidArgumentError $e) {
            $this->assertStringStartsWith('record 1: ', $e->getMessage());
            $this->assertSame('degree', $e->getField());
        }
        $this->expectException(\TypeError::class);
        $this->policy->evaluateAll('attraction_subsidy', [self::CANDIDATE, 'not a record']);
    }

    public function testADocumentOfOneFamilyLoadsAndTheOthersAreNotInForce(): void
    {
        $p = Policy::load(\dirname(__DIR__) . '/data/one-family.json');
        $r = $p->attractionSubsidy(['workplace' => '080'] + self::CANDIDATE);
        $this->assertSame(Reason::NotInForce, $r->reason);
        $this->assertStringContainsString('attraction.period', $r->source);
        $c = $p->evaluate('expert_salary_cap', ['degree' => 'master', 'experience_years' => 9, 'on' => '2024-05-01']);
        $this->assertSame(Reason::NotInForce, $c->reason);
        $this->assertSame(0, $c->level);
    }

    // ------------------------------------------------------- by name

    public function testEveryDistrictUnitIsFoundByItsName(): void
    {
        foreach (Facts::WORKPLACES as $code => [$name, , $amount]) {
            $this->assertSame($code, $this->policy->findWorkplace($name, Facts::DISTRICTS_LAST_DAY)->gsoCode());
            $r = $this->policy->attractionSubsidy(['workplace' => $name, 'start' => Facts::DISTRICTS_LAST_DAY] + self::CANDIDATE);
            $this->assertSame($amount, $r->amount);
        }
        foreach (['sa pa', 'THỊ XÃ SA PA', 'TX. Sa Pa', ' Thi xa  Sa-Pa '] as $text) {
            $this->assertSame('088', $this->policy->findWorkplace($text, '2024-05-01')->gsoCode());
        }
    }

    public function testFromTheMergerANameIsTheCommunes(): void
    {
        $day = Facts::COMMUNES_FIRST_DAY;
        $this->assertSame('02647', $this->policy->findWorkplace('Lào Cai', $day)->gsoCode());
        $this->assertSame('080', $this->policy->findWorkplace('Thành phố Lào Cai', $day)->gsoCode());
        $r = $this->policy->attractionSubsidy(['workplace' => 'Lào Cai', 'start' => $day] + self::CANDIDATE);
        $this->assertSame(Reason::AmbiguousWorkplace, $r->reason);
        $r = $this->policy->attractionSubsidy(['workplace' => 'Phường Yên Bái', 'start' => $day] + self::CANDIDATE);
        $this->assertSame(Reason::OutsideArea, $r->reason);
        try {
            $this->policy->findWorkplace('Phường Cam Đường', Facts::DISTRICTS_LAST_DAY);
            $this->fail('a commune was found before it existed');
        } catch (NotFoundException $e) {
            $this->assertSame('workplace', $e->getField());
        }
    }

    public function testASharedNameIsAmbiguousAndTheKindDecides(): void
    {
        $doc = str_replace('"name": "Xã Bát Xát"', '"name": "Xã Sa Pa"',
            (string) file_get_contents(\dirname(__DIR__, 2) . '/data/laocai.json'));
        $p = Policy::parse($doc);
        try {
            $p->attractionSubsidy(['workplace' => 'Sa Pa', 'start' => Facts::COMMUNES_FIRST_DAY] + self::CANDIDATE);
            $this->fail('an ambiguous name was taken');
        } catch (AmbiguousNameException $e) {
            $this->assertSame(Status::Ambiguous->value, $e->getCode());
            $this->assertSame('workplace', $e->getField());
            $this->assertStringContainsString('03006 Phường Sa Pa', $e->getMessage());
            $this->assertStringContainsString('02683 Xã Sa Pa', $e->getMessage());
        }
        $this->assertSame('03006', $p->findWorkplace('Phường Sa Pa', Facts::COMMUNES_FIRST_DAY)->gsoCode());
        $this->assertSame('088', $p->findWorkplace('Sa Pa', Facts::DISTRICTS_LAST_DAY)->gsoCode());
    }
}
