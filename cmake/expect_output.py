"""Runs a Python script in this interpreter and checks its exit status and
output, like expect_output.cmake does for a program (see
NhanlucOutputTest.cmake). In-process (runpy), not as a child: in a
sanitizer build the test's environment preloads the sanitizer runtime, and
a process that is not instrumented (cmake) hangs forking under ThreadSanitizer.

    python3 expect_output.py EXIT REGEX_FILE SCRIPT [ARG...]
"""
import contextlib
import io
import re
import runpy
import sys

want, regex_file, script, *args = sys.argv[1:]
with open(regex_file, encoding="utf-8") as f:
    regex = f.read()
out = io.StringIO()
sys.argv = [script, *args]
code = 0
with contextlib.redirect_stdout(out), contextlib.redirect_stderr(out):
    try:
        runpy.run_path(script, run_name="__main__")
    except SystemExit as e:
        code = e.code if isinstance(e.code, int) else (0 if e.code is None else 1)
text = out.getvalue()
sys.stdout.write(text)
if want == "nonzero" and code == 0 or want != "nonzero" and code != int(want):
    sys.exit("expected exit status %s, got %s" % (want, code))
# As CMake's MATCHES: a search, "." also matching newlines.
if not re.search(regex, text, re.S):
    sys.exit("the output does not match the expected lines:\n" + regex)
