"""Command line: a CSV of people in, a CSV of results and a summary out.

    python3 -m nhanluc.cli attraction people.csv -o results.csv \\
        --reform attraction.amount.district=200M@2025-01-01 \\
        --summary summary.csv --chart reform.png

KIND is attraction, expert or training; the CSV has a header row naming at
least the columns of that kind (docs/scenarios.md, nhanluc.batch): e.g.
degree, major, agency, dedicated_post, workplace, start for attraction.
Values are written as for the Python API: names ("bachelor", "it",
"state"), true/false or 1/0, GSO codes ("088"), ISO dates, whole đồng.

The file is read and evaluated in chunks (--chunk-size records), so memory
stays flat whatever its size; a progress bar goes to stderr when it is a
terminal (or with --progress). The results CSV holds the input columns
(--keep) followed by the rule's outputs, and with --reform the reform's
outputs (suffix _reform) and the change in cost. The summary (people,
eligible, total cost, overall and by workplace) is printed on stdout and,
with --summary, written as CSV; --chart draws it as a PNG.

All or nothing: a bad record stops the run with its line number and what is
wrong (exit status 1), and no results file is left behind. Only the
standard library and numpy are needed (matplotlib for --chart).
"""

import argparse
import csv
import io
import itertools
import os
import sys
import tempfile
import time

import numpy as np

from . import batch as _batch
from . import scenario as _sc
from ._errors import Error
from ._policy import Policy

_OUTPUT_NAMES = {"reason": _batch.REASONS, "certainty": _batch.CERTAINTIES}


class Progress:
    """A progress bar on a text stream (stderr): redrawn in place with \\r,
    at most ten times a second."""

    def __init__(self, total, stream=None, enabled=True, width=30):
        self.total = total
        self.stream = stream or sys.stderr
        self.enabled = enabled
        self.width = width
        self.start = time.monotonic()
        self.last = 0.0
        self.done = 0

    def update(self, done, force=False):
        self.done = done
        if not self.enabled:
            return
        now = time.monotonic()
        if not force and now - self.last < 0.1:
            return
        self.last = now
        elapsed = now - self.start
        if self.total:
            frac = min(1.0, done / self.total)
            fill = int(frac * self.width)
            eta = elapsed / frac - elapsed if frac > 0 else 0.0
            line = "\rnhanluc: [%s%s] %3d%%  %s/%s records  %.1f s  ETA %.1f s " % (
                "#" * fill, "-" * (self.width - fill), int(frac * 100),
                "{:,}".format(done), "{:,}".format(self.total), elapsed, eta)
        else:
            line = "\rnhanluc: %s records  %.1f s " % ("{:,}".format(done), elapsed)
        self.stream.write(line)
        self.stream.flush()

    def finish(self):
        if self.enabled:
            if self.total is not None:
                self.total = self.done   # the count of lines was an estimate
            self.update(self.done, force=True)
            self.stream.write("\n")
            self.stream.flush()


def count_records(path):
    """Data rows of a CSV file, counted as lines (a quoted field spanning
    lines makes this an overestimate: only the progress bar uses it)."""
    lines, last = 0, b"\n"
    with open(path, "rb") as f:
        while True:
            block = f.read(1 << 20)
            if not block:
                break
            lines += block.count(b"\n")
            last = block[-1:]
    if last != b"\n":
        lines += 1
    return max(0, lines - 1)


def _infer(values, kind):
    """A column of text -> int64 if every value is an integer, float64 for
    numbers of a real column, else the text (which nhanluc.batch converts
    by name: enum names, ISO dates, true/false, "088", and reports the
    first value it cannot read)."""
    a = np.asarray(values, dtype=object)
    if kind == "date":
        return a
    try:
        return a.astype(np.int64)
    except (ValueError, OverflowError, TypeError):
        pass
    if kind == "real":
        try:
            return a.astype(np.float64)
        except (ValueError, TypeError):
            pass
    return a


class _Failure(Exception):
    pass


def _line_of(path, delimiter, record):
    """The line on which data record *record* (0-based, blank lines
    skipped) starts: re-read only to report an error."""
    with open(path, encoding="utf-8-sig", newline="") as f:
        reader = csv.reader(f, delimiter=delimiter)
        next(reader, None)
        line, seen = 2, 0
        for row in reader:
            if row and not (len(row) == 1 and not row[0].strip()):
                if seen == record:
                    return line
                seen += 1
            line = reader.line_num + 1
    return None


def _chunks_pandas(src, delimiter, chunk_size):
    """(header, iterator of {column: object array of text}) with pandas'
    C parser (every value kept as the text written)."""
    import pandas as pd
    try:
        reader = pd.read_csv(src, sep=delimiter, dtype=str, keep_default_na=False,
                             chunksize=chunk_size, encoding="utf-8-sig")
        first = next(iter(reader), None)
    except pd.errors.EmptyDataError:
        return None, iter(())
    except pd.errors.ParserError as e:
        raise _Failure("cannot read the CSV: %s" % e) from None
    header = [str(h).strip() for h in first.columns]

    def columns(chunk):
        return {h: chunk[c].to_numpy(dtype=object) for h, c in zip(header, chunk.columns)}

    def gen():
        yield columns(first)
        try:
            for chunk in reader:
                yield columns(chunk)
        except pd.errors.ParserError as e:
            raise _Failure("cannot read the CSV: %s" % e) from None
    return header, gen()


def _chunks_csv(src, delimiter, chunk_size):
    """The same with the csv module (when pandas is not installed)."""
    reader = csv.reader(src, delimiter=delimiter)
    header = next(reader, None)
    if header is None:
        return None, iter(())
    header = [h.strip() for h in header]
    width = len(header)

    def gen():
        while True:
            rows = [r for r in itertools.islice(reader, chunk_size)
                    if r and not (len(r) == 1 and not r[0].strip())]
            if not rows:
                return
            for r in rows:
                if len(r) != width:
                    r.extend([""] * (width - len(r)))
                    del r[width:]
            yield {h: np.array([r[j] for r in rows], dtype=object)
                   for j, h in enumerate(header)}
    return header, gen()


def _format_outputs(res, kind):
    """Output columns as lists of text."""
    out = []
    for name in _batch.OUTPUTS[kind]:
        a = res[name]
        if name in _OUTPUT_NAMES:
            names = _OUTPUT_NAMES[name]
            out.append((name, [names[c] for c in a.tolist()]))
        elif name == "eligible":
            out.append((name, ["true" if x else "false" for x in a.tolist()]))
        else:
            out.append((name, a.tolist()))
    return out


def _write(out, delimiter, keep, text, outs, header):
    """Appends rows: the kept input columns as read, then the outputs."""
    names = list(keep) + [name for name, _ in outs]
    cols = [text[k] for k in keep] + [v for _, v in outs]
    pd = sys.modules.get("pandas")
    if pd is not None:
        frame = pd.DataFrame(dict(zip(range(len(names)), cols)), copy=False)
        frame.columns = names
        frame.to_csv(out, sep=delimiter, index=False, header=header, lineterminator="\n")
        return
    w = csv.writer(out, delimiter=delimiter, lineterminator="\n")
    if header:
        w.writerow(names)
    w.writerows(zip(*cols))


def build_parser():
    ap = argparse.ArgumentParser(
        prog="python3 -m nhanluc.cli",
        description="Evaluate a CSV of people (or experts, or training claims) against "
                    "Lào Cai's digital-workforce policy, optionally against a reform.",
        epilog="Changes: KEY=VALUE@DATE (e.g. attraction.amount.district=200M@2025-01-01), "
               "KEY=*FACTOR@DATE or KEY=+PCT%@DATE (e.g. 'expert.cap.*=+10%@2025-07-01'), "
               "KEY=end@DATE. See docs/scenarios.md.")
    ap.add_argument("kind", choices=_batch.KINDS, help="which rule the CSV is for")
    ap.add_argument("input", help="CSV file with a header row ('-': standard input)")
    ap.add_argument("-o", "--output", help="write per-record results to this CSV")
    ap.add_argument("--summary", metavar="CSV", help="write the summary to this CSV")
    ap.add_argument("--reform", metavar="CHANGE", nargs="+", action="extend", default=[],
                    help="what-if change(s) applied to a copy of the policy")
    ap.add_argument("--policy", metavar="JSON", help="baseline policy document (default: "
                    "the built-in Lào Cai policy)")
    ap.add_argument("--by", default="auto", help="column to group the summary by "
                    "(default: workplace for attraction, none otherwise; 'none': total only)")
    ap.add_argument("--chart", metavar="PNG", help="draw the summary as a PNG chart")
    ap.add_argument("--lang", choices=("vi", "en"), default="vi",
                    help="language of the summary and chart (default vi)")
    ap.add_argument("--keep", default="all", help="input columns copied to the results: "
                    "all (default), none, or a comma-separated list")
    ap.add_argument("--chunk-size", type=int, default=200_000, metavar="N",
                    help="records evaluated at a time (default 200000)")
    ap.add_argument("--threads", type=int, default=0, help="library threads (0: one per core)")
    ap.add_argument("--delimiter", default=",", help="CSV field separator (default ,)")
    ap.add_argument("--engine", choices=("auto", "csv"), default="auto",
                    help="CSV reader: auto (pandas' when installed, else the csv module) "
                         "or csv")
    g = ap.add_mutually_exclusive_group()
    g.add_argument("--progress", dest="progress", action="store_true", default=None,
                   help="show a progress bar on stderr (default: when it is a terminal)")
    g.add_argument("--no-progress", dest="progress", action="store_false")
    return ap


def main(argv=None, stdout=None, stderr=None):
    """Runs the command; returns the exit status (0 ok, 1 bad data, 2 usage)."""
    stdout = stdout or sys.stdout
    stderr = stderr or sys.stderr
    ap = build_parser()
    args = ap.parse_args(argv)
    if args.chunk_size < 1:
        ap.error("--chunk-size must be >= 1")
    try:
        return _run(args, stdout, stderr)
    except _Failure as e:
        stderr.write("nhanluc: error: %s\n" % e)
        return 1
    except Error as e:
        stderr.write("nhanluc: error: %s\n" % e)
        return 1
    except OSError as e:
        stderr.write("nhanluc: error: %s\n" % e)
        return 1


def _run(args, stdout, stderr):
    kind = args.kind
    by = None if args.by.lower() == "none" else args.by
    base = Policy.load(args.policy) if args.policy else Policy.default()
    changes = tuple(_sc.parse_change(c) for c in args.reform)
    ref = base.copy()
    for c in changes:
        c.apply(ref)
    has_reform = bool(changes)
    by = _sc._default_by(kind, by)

    if args.input == "-":
        src = io.TextIOWrapper(sys.stdin.buffer, encoding="utf-8-sig", newline="")
        total = None
    else:
        total = count_records(args.input)
        src = open(args.input, encoding="utf-8-sig", newline="")
    progress = Progress(total, stderr, enabled=args.progress if args.progress is not None
                        else stderr.isatty())
    try:
        import pandas  # noqa: F401
        engine = _chunks_pandas
    except ImportError:
        engine = _chunks_csv
    if args.engine == "csv":
        engine = _chunks_csv
    tmp = out = None
    try:
        header, chunks = engine(src, args.delimiter, args.chunk_size)
        if header is None:
            raise _Failure("%s is empty (no header row)" % args.input)
        spec = _batch._KINDS[kind]
        needed = [c.name for c in spec.inputs if c.name in header]
        if any(c.default is None and c.name not in header for c in spec.inputs):
            # Let nhanluc.batch word it (with "did you mean").
            _batch._gather(spec, {h: None for h in header}, None, {})
        if by not in (None, "workplace") and by not in header:
            raise _Failure("cannot group by %r: the CSV has no such column" % by)
        if by == "workplace" and kind != "attraction" and "workplace" not in header:
            raise _Failure("cannot group by workplace: the CSV has no such column")
        keep = header if args.keep == "all" else [] if args.keep == "none" else \
            [k.strip() for k in args.keep.split(",") if k.strip()]
        unknown = [k for k in keep if k not in header]
        if unknown:
            raise _Failure("--keep names unknown column(s): %s" % ", ".join(unknown))
        kinds = {c.name: c.kind for c in spec.inputs}

        if args.output:
            out_dir = os.path.dirname(os.path.abspath(args.output))
            fd, tmp = tempfile.mkstemp(dir=out_dir, prefix=".nhanluc-", suffix=".csv")
            out = os.fdopen(fd, "w", encoding="utf-8", newline="")
        partials, done = [], 0
        progress.update(0, force=True)
        for text in chunks:
            n = len(text[header[0]]) if header else 0
            data = {name: _infer(text[name], kinds[name]) for name in needed}
            if by and by not in data and by in text:
                data[by] = text[by]
            try:
                part, _pr, res_b, res_r = _sc._evaluate(data, base, ref, kind, by,
                                                        args.threads, None)
            except Error as e:
                i = getattr(e, "index", None)
                if i is None:
                    raise
                line = _line_of(args.input, args.delimiter, done + i) \
                    if args.input != "-" else None
                msg = e.message.split(": ", 1)[-1] if e.message.startswith("record ") \
                    else e.message
                raise _Failure("%s%s (record %d): %s" % (
                    args.input, " line %d" % line if line else "", done + i, msg)) from None
            partials.append(part)
            if out is not None:
                outs = _format_outputs(res_b, kind)
                if has_reform:
                    outs += [(name + "_reform", v) for name, v in _format_outputs(res_r, kind)]
                    cost = _batch.COST[kind]
                    outs.append((cost + "_change", (res_r[cost] - res_b[cost]).tolist()))
                _write(out, args.delimiter, keep, text, outs, header=(done == 0))
            done += n
            progress.update(done)
        progress.finish()
        if out is not None:
            if done == 0:
                _write(out, args.delimiter, keep, {k: [] for k in keep},
                       [(name, []) for name in _batch.OUTPUTS[kind]], header=True)
            out.close()
            out = None
            os.replace(tmp, args.output)
            tmp = None
    finally:
        if out is not None:
            out.close()
        if src is not sys.stdin:
            src.close()
        if tmp is not None:
            try:
                os.unlink(tmp)
            except OSError:
                pass

    cmp = _sc.Comparison.from_partials(partials, kind=kind, by=by, policy=base,
                                       lang=args.lang, changes=changes,
                                       reform_name=ref.name, has_reform=has_reform)
    stdout.write(cmp.to_text() + "\n")
    if args.summary:
        with open(args.summary, "w", encoding="utf-8", newline="") as f:
            w = csv.DictWriter(f, fieldnames=list(cmp.rows[0].keys()),
                               delimiter=args.delimiter)
            w.writeheader()
            w.writerows(cmp.rows)
    if args.chart:
        cmp.chart(args.chart, lang=args.lang)
    return 0


if __name__ == "__main__":
    sys.exit(main())
