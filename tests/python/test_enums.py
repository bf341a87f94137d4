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


@pytest.mark.parametrize("cls,prefix", [(Degree, "NL_DEGREE_"), (Major, "NL_MAJOR_"),
                                        (Agency, "NL_AGENCY_"), (Role, "NL_ROLE_")])
def test_input_enums_are_the_c_values(cls, prefix):
    c_names = {k[len(prefix):]: getattr(capi, k) for k in dir(capi) if k.startswith(prefix)}
    assert {m.name: int(m) for m in cls} == c_names
    for m in cls:
        assert str(m) == m.name.lower()
        assert cls(str(m)) is m


def test_exported_names():
    for name in nhanluc.__all__:
        assert getattr(nhanluc, name) is not None
