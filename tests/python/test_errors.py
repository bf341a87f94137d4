"""Exceptions: classes, built-in bases, codes, and the capi's error_for."""

import pickle
import re

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
        rule = next(r for r in nhanluc.rules if r.name == "attraction_subsidy")
        capi.nl_py_eval(capi.nl_policy_default(), rule._spec, (9, 1, 2, True, 80, "2024-05-01"))


def test_key_error_str_is_not_quoted():
    assert str(nhanluc.NotFoundError("no parameter 'x'")) == "no parameter 'x'"


# ----------------------------------------- bounded messages (issue 10, item 14)
# A message quotes a bad value as an excerpt and its size: a 50 MB value must
# not make a 50 MB message (and log line).

HUGE = 5_000_000   # characters


def _subsidy(**changes):
    args = dict(degree="bachelor", major="it", agency="state", dedicated_post=True,
                workplace=82, start="2024-05-01")
    args.update(changes)
    return lambda p: p.attraction_subsidy(**args)


def _batch_flag(p):
    np = pytest.importorskip("numpy")
    import nhanluc.batch
    return nhanluc.batch.attraction_subsidy(
        p, degree=np.array(["bachelor"] * 2, dtype=object), major="it", agency="state",
        dedicated_post=["yes", "y" * HUGE], workplace=82, start="2024-05-01")


def _batch_money_text(p):
    import nhanluc.batch
    return nhanluc.batch.training_support(
        p, dedicated_official=True, short_concentrated=True, tuition=["1" + "x" * HUGE],
        days=5, start="2023-03-01")


def _batch_missing_column(p):
    import nhanluc.batch
    return nhanluc.batch.attraction_subsidy(p, {"d" * HUGE: [1]})


def _scenario_change(p):
    import nhanluc.scenario
    return nhanluc.scenario.parse_change("attraction.amount.district=" + "9" * HUGE + "@x")


HUGE_VALUES = [
    ("unknown degree", _subsidy(degree="x" * HUGE), nhanluc.InvalidArgumentError),
    ("text with a NUL", _subsidy(degree="\0" + "x" * HUGE), nhanluc.InvalidArgumentError),
    ("workplace text", _subsidy(workplace="0" + "x" * HUGE), nhanluc.InvalidArgumentError),
    ("workplace digits", _subsidy(workplace="9" * HUGE), nhanluc.RangeError),
    ("date", _subsidy(start="2024-" + "1" * HUGE), nhanluc.DateError),
    ("a huge int", lambda p: p.training_support(
        dedicated_official=True, short_concentrated=True, tuition=10 ** 50_000, days=5,
        start="2023-03-01"), nhanluc.RangeError),
    ("unknown key", lambda p: p.get("k" * HUGE, "2024-01-01"), nhanluc.NotFoundError),
    ("set an unknown key", lambda p: p.set("k" * HUGE, 1, "2024-01-01"),
     nhanluc.NotFoundError),
    ("reason language", lambda p: nhanluc.Reason.OK.message("x" * HUGE),
     nhanluc.InvalidArgumentError),
    ("batch flag text", _batch_flag, nhanluc.InvalidArgumentError),
    ("batch money text", _batch_money_text, nhanluc.InvalidArgumentError),
    ("batch column name", _batch_missing_column, nhanluc.InvalidArgumentError),
    ("scenario change", _scenario_change, nhanluc.InvalidArgumentError),
]


@pytest.mark.parametrize("what,call,cls", HUGE_VALUES, ids=[h[0] for h in HUGE_VALUES])
def test_a_huge_bad_value_is_quoted_as_an_excerpt_and_its_length(what, call, cls):
    p = nhanluc.Policy.default()
    with pytest.raises(cls) as e:
        call(p)
    message = str(e.value)
    assert len(message) < 1000, (len(message), message[:300])
    assert re.search(r"\(5,000,0\d\d characters\)|an integer of about 50,001 digits",
                     message), message


def test_shown_quotes_short_values_as_repr_and_long_ones_as_an_excerpt():
    from nhanluc._errors import shown
    assert shown("bachelr") == "'bachelr'"
    assert shown(b"\xff" * 3) == "b'\\xff\\xff\\xff'"
    assert shown(-(1 << 63)) == str(-(1 << 63))
    long = "a" * 100 + "z" * 20
    assert shown(long) == "%r…%r (120 characters)" % ("a" * 48, "z" * 16)
    assert shown(b"x" * 1000).endswith("(1,000 bytes)")
    assert shown(10 ** 100) == "an integer of about 101 digits"
    assert len(shown(list(range(10 ** 5)))) < 100


def test_a_value_whose_repr_fails_is_shown_by_its_type():
    from nhanluc._errors import shown

    class Odd:
        def __repr__(self):
            raise RuntimeError("no")
    text = shown(Odd())   # reprlib's own fallback: the type and the address
    assert text.startswith("<Odd instance at ") and len(text) < 60
