"""Workplace units by name, resolved by the C library on the rule's date
(nl_policy_workplace_find), mirroring tests/test_names.c."""

import pytest

import facts
import nhanluc
from conftest import LAOCAI_JSON

CALL = dict(degree="bachelor", major="it", agency="state", dedicated_post=True)


@pytest.mark.parametrize("code,name,tier,amount", facts.WORKPLACES,
                         ids=[w[1] for w in facts.WORKPLACES])
def test_each_district_unit_by_its_name_pays_as_its_code(shared_policy, code, name, tier,
                                                         amount):
    by_name = shared_policy.attraction_subsidy(**CALL, workplace=name,
                                               start=facts.DISTRICTS_LAST_DAY)
    by_code = shared_policy.attraction_subsidy(**CALL, workplace=code,
                                               start=facts.DISTRICTS_LAST_DAY)
    assert by_name == by_code
    assert by_name.amount == amount
    assert shared_policy.find_workplace(name, facts.DISTRICTS_LAST_DAY).code == code


@pytest.mark.parametrize("text", ["Sa Pa", "sa pa", "THỊ XÃ SA PA", "TX. Sa Pa", " Thi xa  Sa-Pa "])
def test_diacritics_case_punctuation_and_kind_do_not_matter(shared_policy, text):
    assert shared_policy.find_workplace(text, "2024-05-01").code == 88


def test_from_the_merger_the_names_are_the_communes(shared_policy):
    day = facts.MERGER_DAY
    code, name = facts.COMMUNE_CITY_TOWN
    assert shared_policy.find_workplace(name, day).code == code
    assert shared_policy.find_workplace("Lào Cai", day).code == facts.COMMUNE_MIXED[0]
    r = shared_policy.attraction_subsidy(**CALL, workplace="Lào Cai", start=day)
    assert r.reason == "ambiguous_workplace"
    # The old kind names the old unit: mapped, as its code would be.
    old = shared_policy.attraction_subsidy(**CALL, workplace="Thành phố Lào Cai", start=day)
    assert old == shared_policy.attraction_subsidy(**CALL, workplace=80, start=day)
    assert old.amount == facts.AMOUNT_CITY_TOWN and old.certainty == "unconfirmed"
    yb = shared_policy.attraction_subsidy(**CALL, workplace=facts.COMMUNE_YEN_BAI[1], start=day)
    assert yb.reason == "outside_area"
    with pytest.raises(nhanluc.NotFoundError) as e:
        shared_policy.find_workplace(name, facts.DISTRICTS_LAST_DAY)
    assert e.value.field == "workplace"


def test_a_name_no_unit_has_is_not_found_naming_the_field(shared_policy):
    with pytest.raises(nhanluc.NotFoundError) as e:
        shared_policy.attraction_subsidy(**CALL, workplace="Hà Nội", start="2024-05-01")
    assert e.value.field == "workplace" and "Hà Nội" in str(e.value)


def test_another_bad_input_is_reported_before_the_name_is_looked_up(shared_policy):
    with pytest.raises(nhanluc.InvalidArgumentError) as e:
        shared_policy.attraction_subsidy(**{**CALL, "degree": 9}, workplace="Hà Nội",
                                         start="2024-05-01")
    assert e.value.field == "degree"
    with pytest.raises(nhanluc.DateError) as e:
        shared_policy.attraction_subsidy(**CALL, workplace="Sa Pa", start="2024-02-30")
    assert e.value.field == "start"


def test_a_shared_name_is_ambiguous_and_the_kind_decides():
    doc = LAOCAI_JSON.read_text(encoding="utf-8").replace('"name": "Xã Bát Xát"', '"name": "Xã Sa Pa"', 1)
    p = nhanluc.Policy.parse(doc)
    with pytest.raises(nhanluc.AmbiguousNameError) as e:
        p.attraction_subsidy(**CALL, workplace="Sa Pa", start=facts.MERGER_DAY)
    assert e.value.field == "workplace"
    assert e.value.code == nhanluc.Status.EAMBIGUOUS
    assert "03006 Phường Sa Pa" in str(e.value) and "%05d" % facts.COMMUNE_DISTRICT[0] in str(e.value)
    assert isinstance(e.value, LookupError)
    assert p.find_workplace("Phường Sa Pa", facts.MERGER_DAY).code == 3006
    assert p.find_workplace("Xã Sa Pa", facts.MERGER_DAY).code == facts.COMMUNE_DISTRICT[0]
    assert p.find_workplace("Sa Pa", facts.DISTRICTS_LAST_DAY).code == 88


# ------------------------------------------------------------ batch and CLI

def test_a_batch_resolves_names_on_each_records_date(shared_policy):
    B = pytest.importorskip("nhanluc.batch")
    n = 5
    res = B.attraction_subsidy(
        shared_policy, degree=["bachelor"] * n, major=["it"] * n, agency=["state"] * n,
        dedicated_post=[True] * n,
        workplace=["Sa Pa", "Lào Cai", "Lào Cai", "088", "huyen bat xat"],
        start=["2024-05-01", facts.DISTRICTS_LAST_DAY, facts.MERGER_DAY, "2024-05-01",
               "2024-05-01"])
    assert res["amount"].tolist() == [facts.AMOUNT_CITY_TOWN, facts.AMOUNT_CITY_TOWN, 0,
                                      facts.AMOUNT_CITY_TOWN, facts.AMOUNT_DISTRICT]
    assert res["reason"][2] == nhanluc.Reason.AMBIGUOUS_WORKPLACE.code
    single = [shared_policy.attraction_subsidy(**CALL, workplace=w, start=s).amount
              for w, s in [("Sa Pa", "2024-05-01"), ("Lào Cai", facts.MERGER_DAY)]]
    assert single == [res["amount"][0], res["amount"][2]]


def test_a_batch_name_no_unit_has_is_an_error_at_its_record(shared_policy):
    B = pytest.importorskip("nhanluc.batch")
    with pytest.raises(nhanluc.NotFoundError) as e:
        B.attraction_subsidy(shared_policy, degree=["bachelor"] * 2, major=["it"] * 2,
                             agency=["state"] * 2, dedicated_post=[True] * 2,
                             workplace=["088", "Paris"], start=["2024-05-01"] * 2)
    assert e.value.index == 1 and e.value.column == "workplace"
    assert "Paris" in str(e.value)


def test_the_cli_takes_workplace_names(tmp_path):
    pytest.importorskip("numpy")
    from nhanluc import cli
    import csv
    import io
    people = tmp_path / "people.csv"
    people.write_text("name,degree,major,agency,dedicated_post,workplace,start\n"
                      "Lan,bachelor,it,state,true,Thị xã Sa Pa,2024-05-01\n"
                      "Minh,bachelor,it,state,true,bat xat,2024-05-01\n"
                      "Hoa,bachelor,it,state,true,Lào Cai,2025-07-01\n", encoding="utf-8")
    out = tmp_path / "res.csv"
    code = cli.main(["attraction", str(people), "-o", str(out)], stdout=io.StringIO(),
                    stderr=io.StringIO())
    assert code == 0
    with open(out, encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    assert [(r["workplace"], int(r["amount"]), r["reason"]) for r in rows] == [
        ("Thị xã Sa Pa", facts.AMOUNT_CITY_TOWN, "ok"),
        ("bat xat", facts.AMOUNT_DISTRICT, "ok"),
        ("Lào Cai", 0, "ambiguous_workplace")]


@pytest.mark.parametrize("code, name, tier, amount", facts.WORKPLACES)
def test_a_pre_merger_code_is_read_through_its_successor_from_the_merger(
        shared_policy, code, name, tier, amount):
    # nl_policy_workplace_on: the unit in force on the date, or (after the
    # merger) the pre-2025 unit the code named, flagged as mapped.
    from nhanluc import capi
    p = shared_policy._p
    last, first = (capi.nl_date_parse(d) for d in (facts.DISTRICTS_LAST_DAY, facts.MERGER_DAY))
    index, mapped = capi.nl_policy_workplace_on(p, code, last)
    assert capi.nl_policy_workplace_at(p, index).code == code and mapped is False
    index, mapped = capi.nl_policy_workplace_on(p, code, first)
    assert capi.nl_policy_workplace_at(p, index).code == code and mapped is True
    for other in facts.CODES_NOT_A_UNIT:
        if 0 <= other <= 99999:
            with pytest.raises(nhanluc.NotFoundError):
                capi.nl_policy_workplace_on(p, other, first)
