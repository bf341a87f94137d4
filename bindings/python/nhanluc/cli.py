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

Input: read once, as a stream (a file, '-' for standard input, a pipe, a
FIFO, bash's <(...)). UTF-8 unless --encoding names another (cp1258, ...);
a UTF-8, UTF-16 or UTF-32 byte order mark decides by itself. Refused, with
the line: a column name used twice in the header, a row with more or fewer
fields than the header (a value holding the delimiter must be quoted), text
that does not decode, a NUL character, a header line over 1 MiB (e.g.
/dev/zero) or another line over 16 MiB, a spreadsheet (.xlsx, .xls).

Outputs (-o, --summary, --chart): all or none. Each is written to a
temporary file and committed only when the whole run has succeeded. A
regular file (or a new one) is replaced atomically, keeping its mode (a new
one gets the umask's) and, for root, its owner; a symbolic link's target is
written, the link stays; a read-only file is refused. A device, a FIFO,
'-', /dev/stdout or /dev/fd/N is written through. An output naming an input
(the CSV, the --policy file) or another output is refused before anything is
read, and so is an input column named like a column of the results (e.g.
amount: rename it, or leave it out with --keep).

All or nothing: a bad record stops the run with its line number and what is
wrong (exit status 1), and no output is left behind. Only the standard
library and numpy are needed (matplotlib for --chart).
"""

import argparse
import bisect
import codecs
import csv
import gc
import io
import itertools
import os
import re
import stat
import sys
import tempfile
import time

try:
    import numpy as np
except ImportError:   # e.g. an interpreter of its own (pyenv) without Debian's numpy
    _NO_NUMPY = ("the command line needs numpy, which %s cannot import: run it with "
                 "/usr/bin/python3, or install numpy (Debian: apt install python3-numpy)"
                 % (sys.executable or "this Python"))
    if __name__ == "__main__":
        sys.stderr.write("nhanluc: error: %s\n" % _NO_NUMPY)
        sys.exit(2)
    raise ImportError(_NO_NUMPY) from None

from . import batch as _batch
from . import scenario as _sc
from ._errors import Error, shown
from ._policy import Policy

# Result columns written by name: reason and certainty codes (the legal
# source, an index into the plan's sources, is written as its text).
_OUTPUT_NAMES = _batch._CODED

#: The header line (record) may be at most this long: past it, the input
#: is no CSV file (/dev/zero, a binary file).
HEADER_MAX = 1 << 20
#: A line of data may be at most this long (and so may a field, for both
#: readers: the csv module's own limit, 128 KiB, is raised to it).
LINE_MAX = 16 << 20
_BLOCK = 1 << 20
_STREAM_FDS = {"-": 1, "/dev/stdin": 0, "/dev/stdout": 1, "/dev/stderr": 2}
_FD_PATH = re.compile(r"^/(?:dev/fd|proc/self/fd)/(\d+)$")


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
    lines makes this an overestimate: only the progress bar uses it, and
    only for a regular file, which can be read twice)."""
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


class _Failure(Exception):
    pass


# ------------------------------------------------------------------ input

# Byte order marks, longest first: the encoding they announce.
_BOMS = ((codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"),
         (codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"),
         (codecs.BOM_UTF16_BE, "utf-16-be"))
_SPREADSHEETS = ((b"PK\x03\x04", "an .xlsx or .ods spreadsheet (a zip archive)"),
                 (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an .xls spreadsheet"))


class _Source(io.RawIOBase):
    """The input CSV, read once as a stream (a regular file, a pipe, a FIFO,
    ``<(...)``, standard input), checked as it is read and handed on as
    UTF-8 to either reader (pandas' or the csv module's), so that both see
    the same records and fail the same way:

    - the encoding: a UTF-8, UTF-16 or UTF-32 byte order mark decides it
      (and is dropped), else *encoding* (--encoding, default UTF-8); text
      that does not decode is an error naming its line; line ends become
      ``\\n``;
    - the header: at most HEADER_MAX long; column names (stripped) unique;
    - every record has as many fields as the header (else an error naming
      its line); blank lines (spaces and tabs only) are dropped;
    - no line is longer than LINE_MAX.

    It remembers on which line each data record starts (:meth:`line_of`),
    without keeping the data."""

    def __init__(self, raw, name, encoding, delimiter):
        super().__init__()
        self.raw, self.name, self.encoding, self.delim = raw, name, encoding, delimiter
        self.header = None
        self.records = 0          # data records handed on
        self._decoder = None
        self._out = bytearray()   # checked UTF-8 text, ready for the reader
        self._text = ""           # decoded text not yet split into records
        self._line = 1            # line on which self._text starts
        self._eof = False
        self._cr = False          # the last block ended with "\r"
        self._starts = [0]        # record index where (line - index) changes ...
        self._gaps = [None]       # ... and that difference from there on
        self._fast = len(delimiter.encode("utf-8")) == 1

    def readable(self):
        return True

    def readinto(self, b):
        while not self._out and not self._eof:
            self._fill()
        n = min(len(b), len(self._out))
        b[:n] = self._out[:n]
        del self._out[:n]
        return n

    def close(self):
        try:
            if self.raw is not sys.stdin.buffer:
                self.raw.close()
        finally:
            super().close()

    # ------------------------------------------------------------ lines
    def line_of(self, record):
        """The line on which data record *record* (0-based) starts."""
        k = bisect.bisect_right(self._starts, record) - 1
        gap = self._gaps[k]
        return None if gap is None else record + gap

    def _note(self, record, line):
        gap = line - record
        if self._gaps[-1] != gap:
            if self._starts[-1] == record:
                self._gaps[-1] = gap
            else:
                self._starts.append(record)
                self._gaps.append(gap)

    # --------------------------------------------------------- reading
    def _fill(self):
        block = self.raw.read(_BLOCK)
        if self._decoder is None:
            block = self._start(block)
        final = not block
        try:
            text = self._decoder.decode(block, final)
        except UnicodeDecodeError as e:
            self._bad_encoding(e, block)
        if self._cr:
            text = "\r" + text
        self._cr = text.endswith("\r") and not final
        if self._cr:
            text = text[:-1]
        if "\r" in text:
            text = text.replace("\r\n", "\n").replace("\r", "\n")
        self._text += text
        self._split(final)
        if final:
            self._eof = True

    def _start(self, block):
        """The first block: a spreadsheet is refused; a BOM sets the
        encoding."""
        while len(block) < 8:   # a pipe may give less; enough to sniff
            more = self.raw.read(8 - len(block))
            if not more:
                break
            block += more
        for magic, what in _SPREADSHEETS:
            if block.startswith(magic):
                raise _Failure("%s is %s, not a CSV file: save it as CSV (in Excel: "
                               "\"CSV UTF-8\"; in LibreOffice: Text CSV, UTF-8) and give that "
                               "file" % (self.name, what))
        encoding = self.encoding
        for bom, enc in _BOMS:
            if block.startswith(bom):
                block, encoding = block[len(bom):], enc
                break
        self.encoding = encoding
        self._decoder = codecs.getincrementaldecoder(encoding)("strict")
        return block

    def _bad_encoding(self, e, block):
        before = self._text + e.object[:e.start].decode(self.encoding, "replace")
        line = self._line + before.count("\n")
        if b"\0" in block[:4096]:
            hint = " (NUL bytes: UTF-16 without a byte order mark? --encoding utf-16-le)"
        elif codecs.lookup(self.encoding).name == "utf-8":
            hint = " (e.g. --encoding cp1258 for Vietnamese Windows text)"
        else:
            hint = ""
        raise _Failure("%s line %d is not valid %s (byte 0x%02X): save the file as UTF-8 "
                       "(in Excel: \"CSV UTF-8\") or name its encoding with --encoding%s"
                       % (self.name, line, self.encoding, e.object[e.start], hint))

    def _split(self, final):
        text = self._text
        cut = len(text) if final else text.rfind("\n") + 1
        rest = text[cut:]
        limit = HEADER_MAX if self.header is None else LINE_MAX
        if len(rest) > limit:
            self._too_long(self._line + text.count("\n", 0, cut))
        if cut == 0:
            return
        done = text[:cut]
        if "\0" in done:
            # pandas' reader would cut the value there ("bachelor\0phd" is
            # "bachelor" to it): no text has one.
            raise _Failure("%s line %d holds a NUL character: this is not a text file, or "
                           "not in %s (see --encoding)" % (
                               self.name, self._line + done.count("\n", 0, done.index("\0")),
                               self.encoding))
        if final and done and not done.endswith("\n"):
            done += "\n"
        self._text = rest
        if self.header is None or '"' in done:
            self._slow(done, final)
        else:
            self._quick(done)

    def _too_long(self, line):
        if self.header is None:
            raise _Failure("%s: the header line is longer than %s: this is not a CSV file "
                           "with a header row" % (self.name, _size(HEADER_MAX)))
        raise _Failure("%s line %d is longer than %s" % (self.name, line, _size(LINE_MAX)))

    def _quick(self, done):
        """Complete lines without quotes: the fields of a line are what lies
        between delimiters (the delimiter is one ASCII character), counted
        for the whole block at once."""
        width = len(self.header)
        data = done.encode("utf-8")
        a = np.frombuffer(data, np.uint8)
        ends = np.flatnonzero(a == 10)
        starts = np.concatenate(([0], ends[:-1] + 1))
        if (ends - starts).max(initial=0) > LINE_MAX:
            self._too_long(self._line + int(np.argmax(ends - starts > LINE_MAX)))
        delims = np.flatnonzero(a == ord(self.delim))
        fields = np.searchsorted(delims, ends) - np.searchsorted(delims, starts) + 1
        keep = np.ones(len(ends), bool)
        for j in np.flatnonzero(fields == 1).tolist():   # blank: spaces and tabs only
            keep[j] = bool(data[starts[j]:ends[j]].strip(b" \t"))
        bad = keep & (fields != width)
        if bad.any():
            i = int(np.argmax(bad))
            self._ragged(self._line + i, int(fields[i]))
        lines_at = self._line + np.flatnonzero(keep)
        if len(lines_at):
            gaps = lines_at - (self.records + np.arange(len(lines_at)))
            for j in itertools.chain([0], (np.flatnonzero(np.diff(gaps)) + 1).tolist()):
                self._note(self.records + j, int(lines_at[j]))
        if keep.all():
            self._out += data
        else:
            self._out += a[np.repeat(keep, ends - starts + 1)].tobytes()
        self.records += len(lines_at)
        self._line += len(ends)

    def _slow(self, done, final):
        """Lines with quotes (a field may span lines): the csv module splits
        them into records, one at a time; a record that goes on past these
        lines waits for the next block."""
        lines = done.split("\n")[:-1]
        lines = [ln + "\n" for ln in lines]
        pos = [0]

        def feed():
            while pos[0] < len(lines):
                pos[0] += 1
                yield lines[pos[0] - 1]

        reader = csv.reader(feed(), delimiter=self.delim)
        while True:
            at = pos[0]
            try:
                row = next(reader)
            except StopIteration:
                break
            except csv.Error as e:
                raise _Failure("%s line %d: %s" % (self.name, self._line, e)) from None
            if pos[0] == len(lines) and not final and \
                    not self._complete(lines[at:pos[0]]):
                # The record may go on in the next block.
                self._text = "".join(lines[at:]) + self._text
                if len(self._text) > (HEADER_MAX if self.header is None else LINE_MAX):
                    if self.header is None:
                        self._too_long(self._line)
                    raise _Failure("%s line %d: a quoted field goes on for more than %s "
                                   "(a quote that is never closed?)"
                                   % (self.name, self._line, _size(LINE_MAX)))
                return
            raw = "".join(lines[at:pos[0]])
            nlines = pos[0] - at
            if final and pos[0] == len(lines) and not self._complete(lines[at:pos[0]]):
                self._unclosed(lines[at:pos[0]])
            if self.header is None:
                if not raw.strip(" \t\n"):
                    self._line += nlines     # blank lines before the header
                    continue
                self._set_header(row, raw)
            elif nlines == 1 and not raw.strip(" \t\n"):
                pass                         # a blank line
            elif len(row) != len(self.header):
                self._ragged(self._line, len(row))
            else:
                self._note(self.records, self._line)
                self.records += 1
                self._out += raw.encode("utf-8")
            self._line += nlines

    def _unclosed(self, lines):
        """The last record of the input, whose quotes do not balance: an
        error if a quoted field is never closed (a quote inside an unquoted
        field, as in ``5" screen``, is only a character)."""
        try:
            for _ in csv.reader(lines, delimiter=self.delim, strict=True):
                pass
        except csv.Error as e:
            if "end of data" in str(e):
                raise _Failure("%s line %d: a quoted field is never closed (a \" without its "
                               "closing \")" % (self.name, self._line)) from None

    def _complete(self, lines):
        """Whether *lines* end a record: the quotes of the record are
        balanced (a field that opened a quote closed it)."""
        return "".join(lines).count('"') % 2 == 0

    def _set_header(self, row, raw):
        if len(raw) > HEADER_MAX:
            self._too_long(self._line)
        header = [h.strip() for h in row]
        seen = {}
        for j, h in enumerate(header):
            if h in seen:
                raise _Failure("%s line %d: column %s appears twice in the header (columns "
                               "%d and %d): each column needs its own name"
                               % (self.name, self._line, shown(h), seen[h] + 1, j + 1))
            seen[h] = j
        self.header = header
        self._out += raw.encode("utf-8")

    def _ragged(self, line, got):
        width = len(self.header)
        raise _Failure(
            "%s line %d has %d fields, the header has %d: %s" % (
                self.name, line, got, width,
                "a value holding the delimiter %s must be in double quotes (e.g. "
                "\"Nguyễn, Văn An\")" % shown(self.delim) if got > width else
                "every row needs a value (maybe empty) for every column"))


def _size(n):
    return "%d MiB" % (n >> 20) if n >= 1 << 20 else "%d KiB" % (n >> 10)


def _open_input(path, encoding, delimiter):
    """(source, total records or None, whether it can be counted). The input
    is opened once; only a regular file is ever read twice (to count its
    lines for the progress bar)."""
    if path == "-":
        return _Source(sys.stdin.buffer, "standard input", encoding, delimiter), False
    try:
        st = os.stat(path)
    except OSError as e:
        raise _Failure("cannot read %s: %s" % (path, e.strerror or e)) from None
    if stat.S_ISDIR(st.st_mode):
        raise _Failure("%s is a directory, not a CSV file" % path)
    try:
        raw = open(path, "rb", buffering=0)
    except OSError as e:
        raise _Failure("cannot read %s: %s" % (path, e.strerror or e)) from None
    return _Source(raw, path, encoding, delimiter), stat.S_ISREG(st.st_mode)


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


def _chunks_pandas(src, delimiter, chunk_size):
    """Iterator of {column: object array of text} with pandas' C parser
    (every value kept as the text written), on the checked UTF-8 text."""
    import pandas as pd
    header = src.header
    try:
        reader = pd.read_csv(io.BufferedReader(src, _BLOCK), sep=delimiter, header=0,
                             dtype=str, na_filter=False, chunksize=chunk_size,
                             encoding="utf-8", index_col=False, skip_blank_lines=False)
        for chunk in reader:
            yield {h: chunk[c].to_numpy(dtype=object) for h, c in zip(header, chunk.columns)}
    except pd.errors.ParserError as e:
        raise _Failure("%s: cannot read the CSV: %s" % (src.name, e)) from None


def _chunks_csv(src, delimiter, chunk_size):
    """The same with the csv module (when pandas is not installed)."""
    text = io.TextIOWrapper(io.BufferedReader(src, _BLOCK), encoding="utf-8", newline="")
    reader = csv.reader(text, delimiter=delimiter)
    header = src.header
    try:
        next(reader, None)
        while True:
            # A chunk is many small lists, none of them in a cycle: the
            # cyclic collector would only slow their making (by half).
            collect = gc.isenabled()
            gc.disable()
            try:
                rows = list(itertools.islice(reader, chunk_size))
            finally:
                if collect:
                    gc.enable()
            if not rows:
                return
            yield {h: np.array(col, dtype=object) for h, col in zip(header, zip(*rows))}
    except csv.Error as e:
        raise _Failure("%s: cannot read the CSV: %s" % (src.name, e)) from None


def _first_chunk(src):
    """Reads up to the header (the source checks it): None for an input
    with no header row."""
    while src.header is None and not src._eof:
        src._fill()
    return src.header


def _format_outputs(res, kind):
    """Output columns as lists of text."""
    out = []
    for name in _batch.OUTPUTS[kind]:
        a = res[name]
        if name in _OUTPUT_NAMES:
            names = _OUTPUT_NAMES[name]
            out.append((name, [names[c] for c in a.tolist()]))
        elif name in _batch._TEXT:
            out.append((name, [res.sources[c] for c in a.tolist()]))
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


def _result_names(kind, has_reform):
    """The columns the results file adds after the kept input columns."""
    names = list(_batch.OUTPUTS[kind])
    if has_reform:
        names += [n + "_reform" for n in _batch.OUTPUTS[kind]] + [_batch.COST[kind] + "_change"]
    return names


# ----------------------------------------------------------------- output

class _Output:
    """One output file (-o, --summary, --chart), written to a temporary
    file and committed at the end of a run that succeeded, so that a run
    leaves all its outputs or none.

    What a path names decides how it is committed:

    - a regular file, or a new one: the temporary file is made next to it
      and renamed over it (atomic); an existing file keeps its mode, a new
      one gets the umask's. A symbolic link is followed: its target is
      replaced, the link stays. A read-only file is refused (also for
      root: a file without any write permission);
    - anything else -- a device (/dev/null), a FIFO, /dev/stdout, a
      /dev/fd/N -- is written through: the finished file is copied into it
      (the standard streams are written as the descriptors they are, so a
      redirection with >> is appended to, not truncated)."""

    def __init__(self, option, path):
        self.option, self.path = option, path
        self.fd = None            # write through to this descriptor
        self.target = None        # replace this regular file
        self.mode = None
        self.tmp = None
        self.owner = None         # (uid, gid) to keep, when it can be kept
        m = _FD_PATH.match(path)
        if path in _STREAM_FDS or m:
            self.fd = _STREAM_FDS[path] if path in _STREAM_FDS else int(m.group(1))
            return
        try:
            st = os.stat(path)
        except FileNotFoundError:
            st = None
        except OSError as e:
            raise _Failure("%s %s: %s" % (option, path, e.strerror or e)) from None
        if st is None:
            self.target = os.path.realpath(path)
            self.mode = 0o666 & ~_umask()
            if not os.path.isdir(os.path.dirname(self.target)):
                raise _Failure("%s %s: no such directory" % (option, path))
        elif stat.S_ISDIR(st.st_mode):
            raise _Failure("%s %s is a directory" % (option, path))
        elif stat.S_ISREG(st.st_mode):
            if not os.access(path, os.W_OK) or not st.st_mode & 0o222:
                raise _Failure("%s %s is read-only: make it writable (chmod u+w) or write "
                               "elsewhere" % (option, path))
            self.target = os.path.realpath(path)
            self.mode = stat.S_IMODE(st.st_mode)
            if (st.st_uid, st.st_gid) != (os.geteuid(), os.getegid()):
                self.owner = (st.st_uid, st.st_gid)
        # else a device, a FIFO, a socket: written through (target None)

    def open(self, suffix=""):
        """A temporary file for the output; returns its path."""
        where = os.path.dirname(self.target) if self.target else None
        try:
            fd, self.tmp = tempfile.mkstemp(dir=where, prefix=".nhanluc-", suffix=suffix)
        except OSError as e:
            raise _Failure("%s %s: cannot write in %s (the file is replaced as a whole, by "
                           "a new file made beside it): %s" % (
                               self.option, self.path, where or tempfile.gettempdir(),
                               e.strerror or e)) from None
        os.close(fd)
        return self.tmp

    def commit(self):
        if self.target is not None:
            if self.owner is not None:
                try:   # root replacing another user's file: it stays theirs
                    os.chown(self.tmp, *self.owner)
                except OSError:
                    pass
            os.chmod(self.tmp, self.mode)
            os.replace(self.tmp, self.target)
            self.tmp = None
            return
        with open(self.tmp, "rb") as src:
            if self.fd is not None:
                sys.stdout.flush()
                while True:
                    block = src.read(_BLOCK)
                    if not block:
                        break
                    view = memoryview(block)
                    while view:
                        view = view[os.write(self.fd, view):]
            else:
                with open(self.path, "wb") as dst:
                    while True:
                        block = src.read(_BLOCK)
                        if not block:
                            break
                        dst.write(block)
        self.discard()

    def discard(self):
        if self.tmp is not None:
            try:
                os.unlink(self.tmp)
            except OSError:
                pass
            self.tmp = None


def _umask():
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _same_file(a, b):
    """Whether paths *a* and *b* name the same file (existing or not)."""
    try:
        return os.path.samefile(a, b)
    except OSError:
        return os.path.realpath(a) == os.path.realpath(b)


def _plan_outputs(args):
    """The outputs, checked before anything is read: none may name an
    input (the CSV, the --policy document) or another output."""
    outputs = [_Output(opt, path) for opt, path in (("-o", args.output),
                                                    ("--summary", args.summary),
                                                    ("--chart", args.chart)) if path]
    inputs = [("the input", args.input)] if args.input != "-" else []
    if args.policy:
        inputs.append(("the --policy document", args.policy))
    for out in outputs:
        if out.fd is not None:
            continue
        for what, path in inputs:
            if _same_file(out.path, path):
                raise _Failure("%s %s is %s: an output must not overwrite an input"
                               % (out.option, out.path, what))
    files = [o for o in outputs if o.target is not None]
    for i, a in enumerate(files):
        for b in files[i + 1:]:
            if _same_file(a.path, b.path):
                raise _Failure("%s and %s name the same file (%s)" % (a.option, b.option,
                                                                      b.path))
    return outputs


# ------------------------------------------------------------ the command

def _delimiter(text):
    names = {"\\t": "\t", "tab": "\t", "TAB": "\t", "comma": ",", "semicolon": ";"}
    d = names.get(text, text)
    if len(d) != 1 or not d.isascii() or d in "\"\r\n" or (not d.isprintable() and d != "\t"):
        raise argparse.ArgumentTypeError(
            "%s is not a field separator: give one ASCII character such as , or ; or \\t "
            "(a tab), not a quote or a line end" % shown(text))
    return d


def _encoding(text):
    try:
        return codecs.lookup(text).name
    except LookupError:
        raise argparse.ArgumentTypeError(
            "unknown encoding %s (e.g. utf-8, cp1258, utf-16)" % shown(text)) from None


def _png(text):
    """A --chart path: a name ending in .png, or where a stream is written
    through (-, /dev/stdout, /dev/fd/N, a device or FIFO that exists)."""
    if text.lower().endswith(".png") or text in _STREAM_FDS or _FD_PATH.match(text):
        return text
    try:
        mode = os.stat(text).st_mode
    except (OSError, ValueError):
        mode = None
    if mode is not None and not stat.S_ISREG(mode) and not stat.S_ISDIR(mode):
        return text
    raise argparse.ArgumentTypeError(
        "the chart is a PNG image: give a file name ending in .png, not %s" % shown(text))


def build_parser():
    ap = argparse.ArgumentParser(
        prog="python3 -m nhanluc.cli",
        description="Evaluate a CSV of people (or experts, or training claims) against "
                    "Lào Cai's digital-workforce policy, optionally against a reform.",
        epilog="Changes: KEY=VALUE@DATE (e.g. attraction.amount.district=200M@2025-01-01), "
               "KEY=*FACTOR@DATE or KEY=+PCT%@DATE (e.g. 'expert.cap.*=+10%@2025-07-01'), "
               "KEY=end@DATE. See docs/scenarios.md.")
    ap.add_argument("kind", choices=_batch.KINDS, help="which rule the CSV is for")
    ap.add_argument("input", help="CSV file with a header row ('-': standard input; pipes, "
                    "FIFOs and <(...) are read as streams)")
    ap.add_argument("-o", "--output", help="write per-record results to this CSV ('-': "
                    "standard output)")
    ap.add_argument("--summary", metavar="CSV", help="write the summary to this CSV ('-': "
                    "standard output)")
    ap.add_argument("--reform", metavar="CHANGE", nargs="+", action="extend", default=[],
                    help="what-if change(s) applied to a copy of the policy")
    ap.add_argument("--policy", metavar="JSON", help="baseline policy document (default: "
                    "the built-in Lào Cai policy)")
    ap.add_argument("--by", default="auto", help="column to group the summary by "
                    "(default: workplace for a family with a workplace input, none otherwise; "
                    "'none': total only)")
    ap.add_argument("--chart", metavar="PNG", type=_png,
                    help="draw the summary as a PNG chart")
    ap.add_argument("--lang", choices=("vi", "en"), default="vi",
                    help="language of the summary and chart (default vi)")
    ap.add_argument("--keep", default="all", help="input columns copied to the results: "
                    "all (default), none, or a comma-separated list")
    ap.add_argument("--chunk-size", type=int, default=200_000, metavar="N",
                    help="records evaluated at a time (default 200000)")
    ap.add_argument("--threads", type=int, default=0, help="library threads (0: one per core)")
    ap.add_argument("--delimiter", default=",", type=_delimiter,
                    help="CSV field separator: one character (default ,; \\t for a tab)")
    ap.add_argument("--encoding", default="utf-8", type=_encoding,
                    help="encoding of the CSV when it has no byte order mark (default utf-8; "
                         "e.g. cp1258); UTF-8, UTF-16 and UTF-32 marks are recognised")
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
    except KeyboardInterrupt:
        # Ctrl-C: one line, no traceback; temporary files are removed and
        # no output is committed unless the commits had begun.
        stderr.write("nhanluc: interrupted\n")
        return 130
    except (_Failure, Error) as e:
        stderr.write("nhanluc: error: %s\n" % e)
        return 1
    except OSError as e:
        stderr.write("nhanluc: error: %s%s\n" % (
            e.strerror or e, ": %s" % e.filename if e.filename else ""))
        return 1


def _run(args, stdout, stderr):
    kind = args.kind
    by = None if args.by.lower() == "none" else args.by
    outputs = _plan_outputs(args)
    if args.chart:
        try:
            import matplotlib  # noqa: F401
        except ImportError:
            raise _Failure("--chart needs matplotlib, which %s cannot import (Debian: apt "
                           "install python3-matplotlib)" % (sys.executable or "this Python")) \
                from None
    base = Policy.load(args.policy) if args.policy else Policy.default()
    changes = tuple(_sc.parse_change(c) for c in args.reform)
    ref = base.copy()
    for c in changes:
        c.apply(ref)
    has_reform = bool(changes)
    by = _sc._default_by(kind, by)
    csv.field_size_limit(max(csv.field_size_limit(), LINE_MAX))
    results = next((o for o in outputs if o.option == "-o"), None)

    src, regular = _open_input(args.input, args.encoding, args.delimiter)
    out = None
    try:
        header = _first_chunk(src)
        if header is None:
            raise _Failure("%s is empty (no header row)" % src.name)
        show = args.progress if args.progress is not None else stderr.isatty()
        total = count_records(args.input) if show and regular else None
        progress = Progress(total, stderr, enabled=show)
        try:
            import pandas  # noqa: F401  (also makes nhanluc.batch and the writer faster)
            engine = _chunks_pandas if args.engine == "auto" else _chunks_csv
        except ImportError:
            engine = _chunks_csv
        spec = _batch._KINDS[kind]
        needed = [c.name for c in spec.inputs if c.name in header]
        if any(not c.optional and c.name not in header for c in spec.inputs):
            # Let nhanluc.batch word it (with "did you mean").
            _batch._gather(spec, {h: None for h in header}, None, {})
        if by not in (None, "workplace") and by not in header:
            raise _Failure("cannot group by %s: the CSV has no such column" % shown(by))
        if by == "workplace" and "workplace" not in header:
            raise _Failure("cannot group by workplace: the CSV has no such column")
        keep = header if args.keep == "all" else [] if args.keep == "none" else \
            [k.strip() for k in args.keep.split(",") if k.strip()]
        unknown = [k for k in keep if k not in header]
        if unknown:
            raise _Failure("--keep names unknown column(s): %s"
                           % ", ".join(shown(k) for k in unknown))
        twice = sorted({k for k in keep if keep.count(k) > 1})
        if twice:
            raise _Failure("--keep names %s twice" % ", ".join(shown(k) for k in twice))
        if results is not None:
            clash = [k for k in keep if k in _result_names(kind, has_reform)]
            if clash:
                raise _Failure(
                    "%s has a column %s, which is also a column of the results: rename it "
                    "in the CSV, or leave it out of the results with --keep (e.g. --keep %s)"
                    % (src.name, " and ".join(shown(k) for k in clash),
                       ",".join(k for k in keep if k not in clash) or "none"))
        kinds = {c.name: c.kind for c in spec.inputs}

        if results is not None:
            out = open(results.open(".csv"), "w", encoding="utf-8", newline="")
        partials, done, wrote_header = [], 0, False
        progress.update(0, force=True)
        for text in engine(src, args.delimiter, args.chunk_size):
            n = len(text[header[0]])
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
                line = src.line_of(done + i)
                msg = e.message.split(": ", 1)[-1] if e.message.startswith("record ") \
                    else e.message
                raise _Failure("%s%s (record %d): %s" % (
                    src.name, " line %d" % line if line else "", done + i, msg)) from None
            partials.append(part)
            if out is not None and n:
                outs = _format_outputs(res_b, kind)
                if has_reform:
                    outs += [(name + "_reform", v) for name, v in _format_outputs(res_r, kind)]
                    cost = _batch.COST[kind]
                    outs.append((cost + "_change", (res_r[cost] - res_b[cost]).tolist()))
                _write(out, args.delimiter, keep, text, outs, header=not wrote_header)
                wrote_header = True
            done += n
            progress.update(done)
        progress.finish()
        if out is not None:
            if not wrote_header:   # no records: the header alone
                _write(out, args.delimiter, keep, {k: [] for k in keep},
                       [(name, []) for name in _result_names(kind, has_reform)], header=True)
            out.close()
            out = None

        cmp = _sc.Comparison.from_partials(partials, kind=kind, by=by, policy=base,
                                           lang=args.lang, changes=changes,
                                           reform_name=ref.name, has_reform=has_reform)
        for o in outputs:
            if o.option == "--summary":
                with open(o.open(".csv"), "w", encoding="utf-8", newline="") as f:
                    w = csv.DictWriter(f, fieldnames=list(cmp.rows[0].keys()),
                                       delimiter=args.delimiter)
                    w.writeheader()
                    w.writerows(cmp.rows)
            elif o.option == "--chart":
                cmp.chart(o.open(".png"), lang=args.lang)
        # Everything is written: commit, those that can fail (written
        # through) first, the renames last.
        for o in sorted(outputs, key=lambda o: o.target is not None):
            o.commit()
    finally:
        if out is not None:
            out.close()
        src.close()
        for o in outputs:
            o.discard()
    stdout.write(cmp.to_text() + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
