"""Shared pieces of nhanluc.scenario: the summary columns, labels and rule kinds.

Part of :mod:`nhanluc.scenario`, which re-exports its names."""

from .. import batch as _batch
from .._errors import InvalidArgumentError, shown


#: Summed columns of a summary (after the group columns).
SUMMARY_COLUMNS = ("people", "eligible_baseline", "eligible_reform", "eligible_change",
                   "cost_baseline", "cost_reform", "cost_change",
                   "cost_unconfirmed_baseline", "cost_unconfirmed_reform")
_SUMS = ("people", "eligible_baseline", "eligible_reform", "cost_baseline", "cost_reform",
         "cost_unconfirmed_baseline", "cost_unconfirmed_reform")

_LABELS = {
    "vi": {"outside": "Ngoài tỉnh", "total": "Tổng cộng", "other": "Khác"},
    "en": {"outside": "Outside the province", "total": "Total", "other": "Other"},
}


def _lang(lang):
    if lang not in _LABELS:
        raise InvalidArgumentError("lang must be 'vi' or 'en', not %s" % shown(lang))
    return lang


# ----------------------------------------------------------- evaluation

def _kind(kind):
    if kind not in _batch.KINDS:
        raise InvalidArgumentError("kind must be one of %s, not %s"
                                   % (", ".join(_batch.KINDS), shown(kind)))
    return kind


def _has_pandas():
    try:
        import pandas
        return True
    except ImportError:
        return False
