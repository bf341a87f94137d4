"""Enumerations agree with the C library's names and values."""

import json

import pytest

import nhanluc
from nhanluc import Agency, Certainty, Degree, Major, Reason, Role, capi


def test_reason_names_are_the_c_names():
    assert len(Reason) == capi.NL_REASON_COUNT
    for code in range(capi.NL_REASON_COUNT):
        r = Reason.from_code(code)
        assert r == capi.nl_reason_name(code) and r.code == code
        assert r.message("vi") == capi.nl_reason_message(code, "vi")
        assert r.message("en") == capi.nl_reason_message(code, "en")
    for bad in (capi.NL_REASON_COUNT, -1, "0", None):
        with pytest.raises(ValueError):
            Reason.from_code(bad)


def test_certainty_names_are_the_c_names():
    for c in Certainty:
        assert capi.nl_certainty_name(c.code) == c
    assert [c.code for c in Certainty] == [0, 1, 2, 3]


def test_labels_are_strings():
    assert Reason.OK == "ok" and str(Reason.OUTSIDE_PROVINCE) == "outside_province"
    assert f"{Reason.DEGREE}" == "degree" and "%s" % Certainty.USER == "user"
    assert json.dumps({"r": Reason.MAJOR}) == '{"r": "major"}'
    assert Reason("not_dedicated") is Reason.NOT_DEDICATED


@pytest.mark.parametrize("cls", [Degree, Major, Agency, Role])
def test_input_enums_are_the_declared_code_lists(cls):
    # Every family input of that name has the same codes, and member i is
    # code i (the C value the library declares).
    field = cls.__name__.lower()
    lists = [f["codes"] for r in nhanluc.rules for f in r.inputs if f["name"] == field]
    assert lists, "no family declares %s" % field
    for codes in lists:
        assert [(m.name.lower(), int(m)) for m in cls] == [(c, i) for i, c in enumerate(codes)]
    for m in cls:
        assert str(m) == m.name.lower()
        assert cls(str(m)) is m


def test_degree_is_the_c_enum():
    # nl_degree is in terms.h, the shared vocabulary the low-level module wraps.
    c_names = {k[len("NL_DEGREE_"):]: getattr(capi, k) for k in dir(capi)
               if k.startswith("NL_DEGREE_")}
    assert {m.name: int(m) for m in Degree} == c_names


def test_exported_names():
    for name in nhanluc.__all__:
        assert getattr(nhanluc, name) is not None
