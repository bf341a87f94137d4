"""The rule families as derived from their C declarations (nhanluc._rules):
methods, result classes and errors naming the field, for every declared
input, with no family named in the derivation itself."""

import inspect
import pickle

import pytest

import facts
import nhanluc
from nhanluc import capi

# A valid value of each declared input type, as a caller passes it.
VALID = {"bool": True, "money": 1_000_000, "int": 3, "date": "2024-05-01",
         "workplace": facts.WORKPLACES[0][0], "years": 6.0}
# A value of each type the library refuses, and the error it gives.
BAD = {"bool": (2, nhanluc.ArgumentTypeError), "money": (-1, nhanluc.InvalidArgumentError),
       "int": (0, nhanluc.InvalidArgumentError), "date": ("2024-13-01", nhanluc.DateError),
       "workplace": (100_000, nhanluc.InvalidArgumentError),
       "years": (-0.5, nhanluc.InvalidArgumentError),
       "code": ("no such code", nhanluc.InvalidArgumentError)}


def valid_call(rule):
    return {f["name"]: (f["codes"][-1] if f["type"] == "code" else VALID[f["type"]])
            for f in rule.inputs}


def inputs_of_every_rule():
    return [(r, f) for r in nhanluc.rules for f in r.inputs]


def test_the_rules_are_the_librarys_declarations_in_order():
    names = [r.name for r in nhanluc.rules]
    assert names == ["attraction_subsidy", "expert_salary_cap", "training_support"]
    assert len(names) == len(capi.nl_py_rules())
    for r in nhanluc.rules:
        assert r.law.startswith("docs/law/")
        assert r.reasons[0] is nhanluc.Reason.OK
        assert r.reasons[1] is nhanluc.Reason.NOT_IN_FORCE


@pytest.mark.parametrize("rule", nhanluc.rules, ids=lambda r: r.name)
def test_each_method_takes_the_declared_inputs_as_keywords(rule):
    sig = inspect.signature(getattr(nhanluc.Policy, rule.name))
    params = list(sig.parameters.values())[1:]
    assert [p.name for p in params] == [f["name"] for f in rule.inputs]
    for p, f in zip(params, rule.inputs):
        assert p.kind is inspect.Parameter.KEYWORD_ONLY
        if not f["optional"]:
            assert p.default is inspect.Parameter.empty
        elif f["type"] == "code":
            assert p.default == f["codes"][f["default"]]
        else:
            assert p.default == f["default"]
    doc = getattr(nhanluc.Policy, rule.name).__doc__
    assert rule.law in doc and all(f["name"] in doc for f in rule.inputs)


@pytest.mark.parametrize("rule", nhanluc.rules, ids=lambda r: r.name)
def test_each_result_holds_eligible_then_the_declared_outputs(policy, rule):
    cls = rule.result_class
    outputs = [o["name"] for o in rule.outputs if o["name"] != "eligible"]
    assert cls._fields == ("eligible", *outputs)
    assert getattr(nhanluc, cls.__name__) is cls
    r = getattr(policy, rule.name)(**valid_call(rule))
    assert type(r) is cls
    assert r.eligible is (r.reason is nhanluc.Reason.OK)
    assert pickle.loads(pickle.dumps(r)) == r
    with pytest.raises(AttributeError):
        r.eligible = False


def test_the_names_of_0_1_are_the_derived_classes():
    assert nhanluc.SubsidyResult is nhanluc.AttractionSubsidyResult
    assert nhanluc.ExpertCapResult is nhanluc.ExpertSalaryCapResult
    assert nhanluc.TrainingResult is nhanluc.TrainingSupportResult


@pytest.mark.parametrize("rule,field", inputs_of_every_rule(),
                         ids=["%s.%s" % (r.name, f["name"]) for r, f in inputs_of_every_rule()])
def test_every_refused_input_names_its_field(policy, rule, field):
    value, exc = BAD[field["type"]]
    args = valid_call(rule)
    args[field["name"]] = value
    with pytest.raises(exc) as e:
        getattr(policy, rule.name)(**args)
    assert e.value.field == field["name"]
    assert field["name"] in str(e.value)


@pytest.mark.parametrize("rule,field", inputs_of_every_rule(),
                         ids=["%s.%s" % (r.name, f["name"]) for r, f in inputs_of_every_rule()])
def test_a_wrong_type_names_its_field_too(policy, rule, field):
    args = valid_call(rule)
    args[field["name"]] = object()
    with pytest.raises(nhanluc.ArgumentTypeError) as e:
        getattr(policy, rule.name)(**args)
    assert e.value.field == field["name"]


def test_a_bad_value_is_reported_before_a_text_that_is_no_date(policy):
    with pytest.raises(nhanluc.InvalidArgumentError) as e:
        policy.attraction_subsidy(degree=7, major="it", agency="state", dedicated_post=True,
                                  workplace=80, start="not a date")
    assert e.value.field == "degree"
    with pytest.raises(nhanluc.DateError) as e:
        policy.attraction_subsidy(degree="bachelor", major="it", agency="state",
                                  dedicated_post=True, workplace=80, start="not a date")
    assert e.value.field == "start"


def test_a_code_name_with_a_nul_is_not_the_name(policy):
    with pytest.raises(nhanluc.InvalidArgumentError) as e:
        policy.attraction_subsidy(degree="bachelor\0", major="it", agency="state",
                                  dedicated_post=True, workplace=80, start="2024-05-01")
    assert e.value.field == "degree"


def test_a_number_past_32_bits_is_a_range_error_naming_its_field(policy):
    with pytest.raises(nhanluc.RangeError) as e:
        policy.training_support(dedicated_official=True, short_concentrated=True,
                                tuition=1, days=2 ** 31, start="2024-05-01")
    assert e.value.field == "days"


def test_errors_outside_rule_inputs_name_no_field(policy):
    with pytest.raises(nhanluc.NotFoundError) as e:
        policy.get("no.such.key", "2024-05-01")
    assert e.value.field is None


def test_the_source_follows_the_policy_as_it_changes(policy):
    """Sources are memoised by the binding: a changed value's source is the
    new one, never the text remembered for the old."""
    call = dict(degree="bachelor", major="it", agency="state", dedicated_post=True,
                workplace=facts.WORKPLACES[0][0], start="2024-05-01")
    before = policy.attraction_subsidy(**call)
    assert facts.SRC_NQ11 in before.source
    policy.set("attraction.amount." + facts.WORKPLACES[0][2], 1, "2024-01-01")
    after = policy.attraction_subsidy(**call)
    assert after.amount == 1
    assert after.source != before.source
    assert after.certainty == "user"
    other = nhanluc.Policy.default()
    assert other.attraction_subsidy(**call).source == before.source
