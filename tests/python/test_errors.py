"""Exceptions: classes, built-in bases, codes, and the capi's error_for."""

import pickle

import pytest

import nhanluc
from nhanluc import Status, capi
from nhanluc._errors import error_for

CLASSES = [
    # (status, class, built-in base)
    (Status.EINVAL, nhanluc.InvalidArgumentError, ValueError),
    (Status.ERANGE, nhanluc.RangeError, OverflowError),
    (Status.EDATE, nhanluc.DateError, ValueError),
    (Status.ENOTFOUND, nhanluc.NotFoundError, KeyError),
    (Status.ENOTINFORCE, nhanluc.NotInForceError, LookupError),
    (Status.EPARSE, nhanluc.ParseError, ValueError),
    (Status.EIO, nhanluc.FileError, OSError),
    (Status.ENOMEM, nhanluc.OutOfMemoryError, MemoryError),
]


def test_status_values_are_the_c_codes():
    assert [int(s) for s in Status] == list(range(capi.NL_STATUS_COUNT))
    for s in Status:
        assert str(s) == capi.nl_status_name(int(s))
        assert s.text == capi.nl_strerror(int(s))


@pytest.mark.parametrize("status,cls,builtin", CLASSES, ids=[str(c[0]) for c in CLASSES])
def test_error_for_each_status(status, cls, builtin):
    e = error_for(int(status), "boom", 0, 0, "")
    assert type(e) is cls
    assert isinstance(e, nhanluc.Error) and isinstance(e, builtin)
    assert e.code == status and isinstance(e.code, Status)
    assert str(e) == "boom" and e.message == "boom"
    assert cls("x").code == status   # default code
    again = pickle.loads(pickle.dumps(e))
    assert type(again) is cls and again.code == status and str(again) == "boom"


def test_parse_error_carries_position():
    e = error_for(int(Status.EPARSE), "bad", 3, 7, "/parameters/x")
    assert (e.line, e.column, e.key) == (3, 7, "/parameters/x")
    again = pickle.loads(pickle.dumps(e))
    assert (again.line, again.column, again.key) == (3, 7, "/parameters/x")


def test_unknown_code_gives_the_base_class():
    e = error_for(99, "future", 0, 0, "")
    assert type(e) is nhanluc.Error and e.code == 99


def test_not_in_force_is_not_a_key_error():
    assert not issubclass(nhanluc.NotInForceError, KeyError)
    assert issubclass(nhanluc.NotFoundError, KeyError)


def test_type_errors_are_nhanluc_errors_too():
    assert issubclass(nhanluc.ArgumentTypeError, TypeError)
    assert issubclass(nhanluc.ArgumentTypeError, nhanluc.Error)
    assert nhanluc.ArgumentTypeError("x").code == Status.EINVAL


def test_capi_raises_through_error_for():
    with pytest.raises(nhanluc.DateError) as e:
        capi.nl_date_parse("2023-02-29")
    assert e.value.code == Status.EDATE
    with pytest.raises(nhanluc.InvalidArgumentError):
        capi.nlb_attraction_subsidy(capi.nl_policy_default(), 9, 1, 2, True, 80, 0)


def test_key_error_str_is_not_quoted():
    assert str(nhanluc.NotFoundError("no parameter 'x'")) == "no parameter 'x'"
