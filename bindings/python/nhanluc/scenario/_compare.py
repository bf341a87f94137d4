"""Baseline against reform over a population: partial, combine, compare, Comparison and its chart.

Part of :mod:`nhanluc.scenario`, which re-exports its names."""

import os as _os
import numpy as np
from .. import _convert as _c
from .. import batch as _batch
from .._errors import ArgumentTypeError, InvalidArgumentError, shown

from ._common import SUMMARY_COLUMNS, _LABELS, _SUMS, _kind, _lang
from ._money import _int, format_vnd
from ._changes import PolicySpec, _change_text, _changes, _policy, _resolve, reform


def _default_by(kind, by):
    if by is not None and not isinstance(by, str):
        raise ArgumentTypeError(
            "by must be the name of one column (a str), 'auto' or None, not %s%s" % (
                _c._typename(by), "; to group by several columns, join them into one "
                "first, e.g. df['a'].astype(str) + '/' + df['b'].astype(str)"
                if isinstance(by, (list, tuple)) else ""))
    if by == "auto":
        # By workplace for a family that declares one, else the total only.
        return "workplace" if "workplace" in _batch.COLUMNS.get(kind, ()) else None
    return by


def _workplace_groups(policy):
    """Group labels ("080", ..., "02647", ..., "outside") and a code ->
    group table over the batch's int16 codes. A code that names two units
    over time (a district, later a commune) is one group, labelled by the
    first."""
    labels, table = [], None
    seen = {}
    for w in policy.workplaces():
        if w.code not in seen:
            seen[w.code] = len(labels)
            labels.append(w.gso_code)
    table = np.full(32768, len(labels), np.int16)
    for code, g in seen.items():
        if code < 32768:
            table[code] = g
    return labels + ["outside"], table


def _group_codes(pr, data, by, columns, policy):
    """(labels, codes per record) for grouping by *by*."""
    n = pr.n
    if by is None:
        return ["total"], np.zeros(n, np.int16)
    if by == "workplace" and "workplace" in pr.arrays:
        labels, table = _workplace_groups(policy)
        w = pr.arrays["workplace"]
        return labels, table[np.clip(w, 0, 32767)]
    src = (columns or {}).get(by, by)
    if data is None or src not in list(data.keys()):
        raise InvalidArgumentError("cannot group by %s: no such column in the population"
                                   % shown(by))
    values = np.asarray(data[src].to_numpy() if hasattr(data[src], "to_numpy")
                        else data[src])
    codes, uniques = _batch._factorize(values)
    labels = [str(u) for u in uniques]
    if (codes < 0).any():
        labels.append("missing")
        codes = np.where(codes < 0, len(labels) - 1, codes)
    return labels, codes.astype(np.intp)


def _group_sums(codes, groups, arrays):
    """Exact sums of each array per group, as lists of Python ints (sort
    once, reduceat). Sums that may pass int64 (an extreme what-if amount
    times many people) are made from the values' 32-bit halves, each
    summed in int64 without overflow, so that no total ever wraps around."""
    counts = np.bincount(codes, minlength=groups)
    order = np.argsort(codes, kind="stable")
    starts = np.concatenate(([0], np.cumsum(counts)[:-1]))
    nonempty = counts > 0
    most = int(counts.max(initial=0))
    out = []
    for a in arrays:
        a = a.astype(np.int64, copy=False)
        if not nonempty.any():
            out.append([0] * groups)
            continue
        sorted_a = a[order]
        big = max(abs(int(a.max(initial=0))), abs(int(a.min(initial=0))))
        if big * most <= _INT64_MAX:   # no partial sum can overflow: one pass
            s = np.zeros(groups, np.int64)
            s[nonempty] = np.add.reduceat(sorted_a, starts[nonempty])
            out.append([int(x) for x in s])
            continue
        # hi in [-2**31, 2**31), lo in [0, 2**32): over slices of 2**30
        # records, both sums stay within int64; Python ints add them up.
        total = [0] * groups
        sorted_codes = codes[order]
        step = 1 << 30
        for at in range(0, len(sorted_a), step):
            part = sorted_a[at:at + step]
            pgroups, pstarts = np.unique(sorted_codes[at:at + step], return_index=True)
            hi = np.add.reduceat(part >> 32, pstarts)
            lo = np.add.reduceat(part & 0xFFFFFFFF, pstarts)
            for g, h, l in zip(pgroups.tolist(), hi.tolist(), lo.tolist()):
                total[g] += (h << 32) + l
        out.append(total)
    return counts.astype(np.int64), out


_INT64_MIN, _INT64_MAX = -(1 << 63), (1 << 63) - 1


def _int_frame_columns(frame, columns):
    """*columns* of *frame* as int64 when every value fits, else as Python
    ints (object): exact, never wrapped."""
    types = {}
    for c in columns:
        values = frame[c].tolist()
        if all(_INT64_MIN <= int(v) <= _INT64_MAX for v in values):
            types[c] = np.int64
        else:
            types[c] = object
            frame[c] = [int(v) for v in values]
    return frame.astype(types)


def _evaluate(population, base, ref, kind, by, threads, columns):
    """Both policies over one population: (partial sums, baseline result,
    reform result)."""
    k = _batch._KINDS[kind]
    _batch._check_threads(threads)
    cols = {}
    data = population
    if isinstance(population, dict) or _batch._is_pandas(population):
        pass
    elif population is not None:
        raise ArgumentTypeError("population must be a DataFrame or a dict of columns, not %s"
                                % _c._typename(population))
    pr = _batch._prepare(k, data, columns, cols, _batch._handle(base))
    res_b = _batch._run(pr, _batch.Plan(base, k.rule)._current(), threads)
    res_r = _batch._run(pr, _batch.Plan(ref, k.rule)._current(), threads)
    labels, codes = _group_codes(pr, data, by, columns, base)
    cost = k.cost
    unconf_b = np.where(res_b["certainty"] >= 2, res_b[cost], 0)
    unconf_r = np.where(res_r["certainty"] >= 2, res_r[cost], 0)
    counts, sums = _group_sums(codes, len(labels), [
        res_b["eligible"], res_r["eligible"], res_b[cost], res_r[cost], unconf_b, unconf_r])
    part = {}
    for g, label in enumerate(labels):
        if counts[g] == 0 and not (by == "workplace"):
            continue
        part[label] = [int(counts[g])] + [s[g] for s in sums]
    return part, pr, res_b, res_r


def partial(population, baseline=None, reform=None, *, kind="attraction", by="auto",
            threads=0, columns=None):
    """Sums of one partition: {group: [people, eligible_baseline,
    eligible_reform, cost_baseline, cost_reform, cost_unconfirmed_baseline,
    cost_unconfirmed_reform]}. *baseline* and *reform* as for
    :func:`compare` (use :class:`PolicySpec` in distributed runs)."""
    kind = _kind(kind)
    base, ref, _ = _resolve(baseline, reform)
    return _evaluate(population, base, ref, kind, _default_by(kind, by), threads, columns)[0]


def partial_frame(population, baseline=None, reform=None, *, kind="attraction", by="auto",
                  threads=0, columns=None):
    """:func:`partial` as a pandas DataFrame (one row per group, columns
    ``group`` and the sums): the function to give Dask's map_partitions."""
    part = partial(population, baseline, reform, kind=kind, by=by, threads=threads,
                   columns=columns)
    return _partial_to_frame(part)


def _partial_to_frame(part):
    import pandas as pd
    frame = pd.DataFrame([[g] + v for g, v in part.items()], columns=("group",) + _SUMS)
    return _int_frame_columns(frame, _SUMS)


def combine(partials):
    """Adds up partial sums (dicts from :func:`partial`, or DataFrames from
    :func:`partial_frame`, or one DataFrame concatenating them)."""
    total = {}
    if _batch._is_pandas(partials) and hasattr(partials, "columns"):
        partials = [partials]
    for part in partials:
        if _batch._is_pandas(part):   # rows (group, sums...), a group may repeat
            items = ((row[0], row[1:]) for row in
                     part[["group"] + list(_SUMS)].itertuples(index=False, name=None))
        else:
            items = part.items()
        for g, v in items:
            acc = total.setdefault(g, [0] * len(_SUMS))
            for j, x in enumerate(v):
                acc[j] += int(x)
    return total


def compare(population, reform=None, baseline=None, *, kind="attraction", by="auto",
            threads=0, columns=None, lang="vi", description=None, keep_results=True):
    """Baseline against reform over *population*.

    Args:
        population: a pandas DataFrame or a dict of columns, with the
            columns of *kind* (see :mod:`nhanluc.batch`).
        reform: a Policy, a PolicySpec, or changes to apply to a copy of
            the baseline: a string ``KEY=VALUE@DATE`` (or ``=*FACTOR``,
            ``=+PCT%``, ``=end``), a Change, or a list of them. None: no change.
        baseline: a Policy or PolicySpec (default: the built-in policy).
        kind: "attraction" (default), "expert" or "training".
        by: the column to group by; "auto" (default) is "workplace" for
            the attraction subsidy (every unit of the province, plus
            "outside"), and no grouping (only the total) for the others.
        threads: threads of the library calls (0: one per core).
        columns: {documented name: name in population}.
        lang: "vi" (default) or "en", for the names of the "outside" and
            "total" rows.
        description: text describing the reform (default: its changes).
        keep_results: keep the per-person results (``.baseline``,
            ``.reform``); False saves memory.

    Returns:
        a :class:`Comparison`.

    Raises:
        the errors of :mod:`nhanluc.batch` (the first bad record, with
        ``.index``), and of the changes (NotFoundError for an unknown key).
    """
    kind = _kind(kind)
    lang = _lang(lang)
    base, ref, changes = _resolve(baseline, reform)
    by = _default_by(kind, by)
    part, pr, res_b, res_r = _evaluate(population, base, ref, kind, by, threads, columns)
    cmp = Comparison.from_partials([part], kind=kind, by=by, policy=base, lang=lang,
                                   changes=changes, description=description,
                                   reform_name=ref.name, has_reform=reform is not None)
    if keep_results:
        like = population if _batch._is_pandas(population) else None
        if like is not None:
            res_b, res_r = _batch._frame(res_b, like), _batch._frame(res_r, like)
        cmp.baseline, cmp.reform = res_b, res_r
    return cmp


class Comparison:
    """The outcome of :func:`compare` (or of :meth:`from_partials`).

    Attributes:
        rows: the summary as a list of dicts, one per group then the total,
            with the group (``workplace`` label such as "080", or the value
            of the *by* column), ``name``, and :data:`SUMMARY_COLUMNS`:
            people, eligible_baseline, eligible_reform, eligible_change,
            cost_baseline, cost_reform, cost_change (int đồng),
            cost_unconfirmed_baseline, cost_unconfirmed_reform (the part of
            the cost whose answer rests on an unconfirmed or what-if value).
        summary: the same as a pandas DataFrame (``rows`` without pandas).
        totals: the total row (dict).
        kind, by, description, policy_name, lang.
        baseline, reform: per-person results (as :mod:`nhanluc.batch`
            returns them) when made by :func:`compare`; else None.
    """

    def __init__(self, rows, kind, by, policy, lang, changes=(), description=None,
                 reform_name=None, has_reform=True):
        self.rows = rows
        self.has_reform = has_reform
        self.kind, self.by, self.lang = kind, by, lang
        self.changes = tuple(changes)
        self.description = description
        self.policy_name = policy.name
        self.reform_name = reform_name or policy.name
        self._texts = {lg: "; ".join(_change_text(c, policy, lg) for c in self.changes)
                       for lg in _LABELS}
        self.baseline = self.reform = None

    def reform_text(self, lang=None):
        """The reform in words (its changes, or the description given)."""
        if self.description is not None:
            return self.description
        text = self._texts[_lang(lang or self.lang)]
        if not text and self.reform_name != self.policy_name:
            text = self.reform_name
        return text

    @classmethod
    def from_partials(cls, partials, *, kind="attraction", by="auto", policy=None,
                      lang="vi", changes=(), description=None, reform_name=None,
                      has_reform=True):
        """The comparison from partial sums (:func:`partial`,
        :func:`partial_frame`): the same result as :func:`compare` on the
        whole population. *policy* (the baseline, or a PolicySpec) names
        the workplaces; *changes* (the reform's, or a PolicySpec whose
        changes they are) describe the reform; ``has_reform=False`` shows
        only the baseline in text and chart."""
        kind = _kind(kind)
        lang = _lang(lang)
        by = _default_by(kind, by)
        base = _policy(policy)
        if isinstance(changes, PolicySpec):
            changes = changes.changes
        changes = _changes(changes)
        total = combine(partials)
        labels = _LABELS[lang]
        rows = []
        if by == "workplace":
            names = {w.gso_code: w.name for w in base.workplaces()}
            order = [w.gso_code for w in base.workplaces()] + ["outside"]
            names["outside"] = labels["outside"]
        else:
            order = sorted((g for g in total if g != "total"), key=_natural)
            names = {g: g for g in order}
        group_col = by or "group"
        grand = [0] * len(_SUMS)
        for g in order:
            v = total.get(g, [0] * len(_SUMS))
            grand = [a + b for a, b in zip(grand, v)]
            if by is not None:
                rows.append(_row(group_col, g, names[g], v))
        if by is None and "total" in total:
            grand = total["total"]
        rows.append(_row(group_col, "total", labels["total"], grand))
        return cls(rows, kind, by, base, lang, changes, description, reform_name,
                   has_reform)

    @property
    def summary(self):
        """The summary rows as a DataFrame (a list of dicts without pandas)."""
        try:
            import pandas as pd
        except ImportError:
            return [dict(r) for r in self.rows]
        frame = pd.DataFrame(self.rows)
        return _int_frame_columns(frame, SUMMARY_COLUMNS)

    @property
    def totals(self):
        """The total row."""
        return dict(self.rows[-1])

    def groups(self):
        """The rows without the total."""
        return [dict(r) for r in self.rows[:-1]]

    def to_text(self, lang=None):
        """The summary as an aligned text table (amounts in đồng)."""
        lang = _lang(lang or self.lang)
        head = {"vi": ("Nhóm", "Số người", "Đủ ĐK (hiện hành)", "Đủ ĐK (đề xuất)",
                       "Chi phí hiện hành", "Chi phí đề xuất", "Chênh lệch"),
                "en": ("Group", "People", "Eligible (baseline)", "Eligible (reform)",
                       "Cost baseline", "Cost reform", "Change")}[lang]
        if not self.has_reform:
            head = {"vi": ("Nhóm", "Số người", "Đủ điều kiện", "Chi phí"),
                    "en": ("Group", "People", "Eligible", "Cost")}[lang]
        table = [head]
        for r in self.rows:
            if not self.has_reform:
                table.append((r["name"], _int(r["people"], lang),
                              _int(r["eligible_baseline"], lang),
                              format_vnd(r["cost_baseline"], lang)))
                continue
            table.append((r["name"], _int(r["people"], lang), _int(r["eligible_baseline"], lang),
                          _int(r["eligible_reform"], lang),
                          format_vnd(r["cost_baseline"], lang),
                          format_vnd(r["cost_reform"], lang),
                          format_vnd(r["cost_change"], lang, sign=True)))
        widths = [max(len(row[j]) for row in table) for j in range(len(head))]
        lines = []
        for i, row in enumerate(table):
            cells = [row[0].ljust(widths[0])] + [c.rjust(w) for c, w in zip(row[1:],
                                                                         widths[1:])]
            lines.append("  ".join(cells).rstrip())
            if i == 0:
                lines.append("  ".join("-" * w for w in widths))
        return "\n".join(lines)

    def chart(self, path, lang=None, title=None, dpi=150):
        """Writes a PNG bar chart of the cost by group, baseline against
        reform, with the change per group and the totals; Vietnamese
        (``lang="vi"``, default) or English labels. Needs matplotlib (Agg,
        no display). Returns *path*."""
        return _draw(self, path, _lang(lang or self.lang), title, dpi)

    def __repr__(self):
        t = self.totals
        return ("<Comparison %s by %s: %d people, eligible %d -> %d, cost %d -> %d đồng>"
                % (self.kind, self.by, t["people"], t["eligible_baseline"],
                   t["eligible_reform"], t["cost_baseline"], t["cost_reform"]))


def _natural(label):
    return (0, int(label), label) if label.lstrip("-").isdigit() else (1, 0, label)


def _row(group_col, group, name, v):
    people, eb, er, cb, cr, ub, ur = v
    return {group_col: group, "name": name, "people": people,
            "eligible_baseline": eb, "eligible_reform": er, "eligible_change": er - eb,
            "cost_baseline": cb, "cost_reform": cr, "cost_change": cr - cb,
            "cost_unconfirmed_baseline": ub, "cost_unconfirmed_reform": ur}


# ------------------------------------------------------------------ chart

_TITLES = {
    "attraction": {"vi": "Hỗ trợ thu hút nhân lực CNTT: chi phí hiện hành và đề xuất",
                   "en": "IT attraction subsidy: cost, baseline vs reform"},
    "expert": {"vi": "Trần lương chuyên gia tư vấn (tổng mỗi tháng): hiện hành và đề xuất",
               "en": "Expert salary caps (monthly total): baseline vs reform"},
    "training": {"vi": "Hỗ trợ chi phí đào tạo: hiện hành và đề xuất",
                 "en": "Training-cost support: baseline vs reform"},
}
_TITLES_BASELINE = {
    "attraction": {"vi": "Hỗ trợ thu hút nhân lực CNTT: chi phí theo địa bàn",
                   "en": "IT attraction subsidy: cost by workplace"},
    "expert": {"vi": "Trần lương chuyên gia tư vấn (tổng mỗi tháng)",
               "en": "Expert salary caps (monthly total)"},
    "training": {"vi": "Hỗ trợ chi phí đào tạo", "en": "Training-cost support"},
}
_WORDS = {
    "vi": {"baseline": "Hiện hành", "reform": "Đề xuất",
           "axis": {9: "Chi phí (tỷ đồng)", 6: "Chi phí (triệu đồng)"}, "zero": "0 đ",
           "reform_is": "Đề xuất", "no_change": "không thay đổi", "total": "Tổng chi phí",
           "eligible": "người đủ điều kiện", "people": "hồ sơ", "by": "theo",
           "source": "Nguồn: libnhanluc %s, chính sách \u201c%s\u201d.",
           "unconfirmed": "%s chi phí đề xuất dựa trên giá trị chưa xác nhận hoặc giả định.",
           "unconfirmed_base": "%s chi phí dựa trên giá trị chưa xác nhận."},
    "en": {"baseline": "Baseline", "reform": "Reform",
           "axis": {9: "Cost (billion VND)", 6: "Cost (million VND)"}, "zero": "VND 0",
           "reform_is": "Reform", "no_change": "no change", "total": "Total cost",
           "eligible": "people eligible", "people": "records", "by": "by",
           "source": "Source: libnhanluc %s, policy \u201c%s\u201d.",
           "unconfirmed": "%s of the reform cost rests on unconfirmed or what-if values.",
           "unconfirmed_base": "%s of the cost rests on unconfirmed values."},
}


def _billions(x, lang):
    text = ("%.2f" % x).rstrip("0").rstrip(".") if abs(x) < 100 else "{:,.0f}".format(x)
    if lang == "vi":
        text = text.replace(",", " ").replace(".", ",").replace(" ", ".")
    return text


#: Bars a chart shows at most: with more groups, the costliest
#: CHART_GROUPS - 1 and one bar adding up the others.
CHART_GROUPS = 25
_LABEL_MAX = 40
_OTHERS = {"vi": "Các nhóm khác (%s)", "en": "Other groups (%s)"}


def _top_groups(groups, group_col, lang):
    """*groups* when there are at most CHART_GROUPS; else the costliest
    CHART_GROUPS - 1 (in their order) and a row adding up the rest, so a
    chart by a column of many values stays readable (and drawable)."""
    if len(groups) <= CHART_GROUPS:
        return groups
    keep = CHART_GROUPS - 1
    cost = [max(abs(r["cost_baseline"]), abs(r["cost_reform"])) for r in groups]
    top = set(sorted(range(len(groups)), key=lambda i: (-cost[i], i))[:keep])
    rest = [r for i, r in enumerate(groups) if i not in top]
    others = {group_col: None, "name": _OTHERS[lang] % _int(len(rest), lang)}
    for c in SUMMARY_COLUMNS:
        others[c] = sum(r[c] for r in rest)
    return [r for i, r in enumerate(groups) if i in top] + [others]


def _draw(cmp, path, lang, title, dpi):
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure
    from matplotlib.ticker import FuncFormatter
    from .. import library_version

    w = _WORDS[lang]
    groups = [r for r in cmp.groups() if r["people"] > 0] or [cmp.totals]
    if cmp.by is None:
        groups = [cmp.totals]
    groups = _top_groups(groups, cmp.by or "group", lang)
    total = cmp.totals
    labels = []
    for r in groups:
        key = r.get(cmp.by or "group", "")
        if cmp.by == "workplace" and key not in ("outside", "total", None):
            labels.append("%s (%s)" % (r["name"], key))
        else:
            name = str(r["name"])
            labels.append(name if len(name) <= _LABEL_MAX else name[:_LABEL_MAX - 1] + "…")
    base = np.array([r["cost_baseline"] for r in groups], float)
    ref = np.array([r["cost_reform"] for r in groups], float)
    # Billions of đồng, or millions when every bar is under a billion.
    exp = 9 if max(float(np.max(base, initial=0)), float(np.max(ref, initial=0))) >= 1e9 else 6
    base, ref = base / 10 ** exp, ref / 10 ** exp

    height = max(3.8, 1.6 + 0.48 * len(groups))
    fig = Figure(figsize=(11, height + 1.6), dpi=dpi)
    FigureCanvasAgg(fig)
    ax = fig.add_axes([0.27, 0.20 * 4.0 / (height + 1.6), 0.62, 1 - 2.0 / (height + 1.6)])
    y = np.arange(len(groups))[::-1]
    reform = cmp.has_reform
    bar = 0.38 if reform else 0.6
    if reform:
        ax.barh(y + bar / 2, base, bar, label=w["baseline"], color="#8da0cb")
        ax.barh(y - bar / 2, ref, bar, label=w["reform"], color="#fc8d62")
    else:
        ax.barh(y, base, bar, color="#8da0cb")
        for yi, r, x in zip(y, groups, base):
            if r["cost_baseline"]:
                ax.text(x + max(float(np.max(base, initial=0)), 1e-9) * 0.01, yi,
                        format_vnd(r["cost_baseline"], lang, compact=True), va="center",
                        fontsize=8.5)
    ax.set_yticks(y)
    ax.set_yticklabels(labels, fontsize=9.5)
    ax.xaxis.set_major_formatter(FuncFormatter(lambda x, _: _billions(x, lang)))
    ax.set_xlabel(w["axis"][exp], fontsize=10)
    ax.grid(axis="x", color="#dddddd", linewidth=0.8)
    ax.set_axisbelow(True)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    top = max(float(np.max(base, initial=0)), float(np.max(ref, initial=0)), 1e-9)
    ax.set_xlim(0, top * 1.22)
    for yi, r, x in zip(y, groups, np.maximum(base, ref)):
        change = r["cost_change"]
        if not r["cost_baseline"] and not r["cost_reform"]:
            ax.text(top * 0.01, yi, w["zero"], va="center", fontsize=8.5, color="#666666")
        elif change and reform:
            ax.text(x + top * 0.01, yi - bar / 2, format_vnd(change, lang, compact=True,
                                                            sign=True),
                    va="center", fontsize=8.5, fontweight="bold",
                    color="#1a7f37" if change < 0 else "#b3261e")
    if reform:
        ax.legend(loc="lower right", fontsize=9, frameon=False)

    default_title = _TITLES[cmp.kind][lang] if reform else _TITLES_BASELINE[cmp.kind][lang]
    fig.suptitle(title or default_title, x=0.02, ha="left", fontsize=14,
                 fontweight="bold", y=0.985)
    eligible_word = "People eligible" if lang == "en" else "Người đủ điều kiện"
    if reform:
        line1 = "%s: %s" % (w["reform_is"], cmp.reform_text(lang) or w["no_change"])
        line2 = "%s: %s → %s (%s) · %s: %s → %s · %s %s" % (
            w["total"], format_vnd(total["cost_baseline"], lang, compact=True),
            format_vnd(total["cost_reform"], lang, compact=True),
            format_vnd(total["cost_change"], lang, compact=True, sign=True),
            eligible_word, _int(total["eligible_baseline"], lang),
            _int(total["eligible_reform"], lang), _int(total["people"], lang), w["people"])
    else:
        line1 = "%s: %s (%s) · %s: %s · %s %s" % (
            w["total"], format_vnd(total["cost_baseline"], lang, compact=True),
            format_vnd(total["cost_baseline"], lang), eligible_word,
            _int(total["eligible_baseline"], lang), _int(total["people"], lang), w["people"])
        line2 = ""
    fig.text(0.02, 1 - 0.62 / (height + 1.6), line1, fontsize=9.5, color="#333333")
    if line2:
        fig.text(0.02, 1 - 0.92 / (height + 1.6), line2, fontsize=9.5, color="#333333")
    foot = w["source"] % (library_version(), cmp.policy_name)
    which = "reform" if reform else "baseline"
    if total["cost_" + which]:
        share = total["cost_unconfirmed_" + which] / total["cost_" + which]
        if share > 0:
            pct = ("%.0f%%" % (share * 100)) if lang == "en" else \
                ("%.0f%%" % (share * 100)).replace(".", ",")
            foot += " " + (w["unconfirmed"] if reform else w["unconfirmed_base"]) % pct
    fig.text(0.02, 0.018, foot, fontsize=8, color="#666666")
    fig.savefig(_os.fspath(path), dpi=dpi, facecolor="white")
    return path
