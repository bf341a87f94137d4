"""ctest python.install: install the Python package into a scratch prefix
and import it from there.

usage: check_install.py CMAKE BUILD_DIR PREFIX SITEDIR

SITEDIR is NHANLUC_PYTHON_SITEDIR (relative to the prefix, or absolute).
Checks:
  1. `cmake --install BUILD_DIR --prefix PREFIX --component python` puts
     nhanluc/ (the pure-Python modules, capi.py, the extension) there;
  2. this interpreter, in a fresh process with PYTHONPATH = that directory
     only and no LD_LIBRARY_PATH, imports nhanluc from the prefix (not from
     the build tree), evaluates a rule, and has no libnhanluc.so mapped
     (the extension links the static library);
  3. the same after moving the prefix elsewhere (nothing absolute inside);
  4. for a relative SITEDIR: <the interpreter's own install prefix>/SITEDIR
     is on its default sys.path, so installing with that prefix (e.g.
     /usr/local for Debian's /usr/bin/python3) needs no PYTHONPATH.
"""

import os
import pathlib
import shutil
import subprocess
import sys
import sysconfig

PROBE = r"""
import sys, nhanluc
root = sys.argv[1]
assert nhanluc.__file__.startswith(root), (nhanluc.__file__, root)
assert nhanluc.capi.__file__.startswith(root), nhanluc.capi.__file__
p = nhanluc.Policy.default()
r = p.attraction_subsidy(degree="bachelor", major="it", agency="state",
                         dedicated_post=True, workplace=88, start="2024-05-01")
assert (r.eligible, r.amount) == (True, 100_000_000), r   # docs/law/1-attraction.md
with open("/proc/self/maps") as f:
    maps = f.read()
assert "libnhanluc.so" not in maps, "the extension must not need libnhanluc.so"
print("imported", nhanluc.__version__, "from", nhanluc.__file__)
"""


def run(cmd, **kw):
    print("+", " ".join(str(c) for c in cmd), flush=True)
    subprocess.run(cmd, check=True, **kw)


def probe(site, cwd):
    env = {k: v for k, v in os.environ.items()
           if k not in ("PYTHONPATH", "LD_LIBRARY_PATH", "PYTHONHOME", "PYTHONSTARTUP")}
    env["PYTHONPATH"] = str(site)
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    run([sys.executable, "-c", PROBE, str(site)], env=env, cwd=cwd)


def main():
    cmake, build, prefix, sitedir = sys.argv[1:5]
    prefix = pathlib.Path(prefix)
    if prefix.exists():
        shutil.rmtree(prefix)
    run([cmake, "--install", build, "--prefix", str(prefix), "--component", "python"])

    site = pathlib.Path(sitedir) if os.path.isabs(sitedir) else prefix / sitedir
    pkg = site / "nhanluc"
    for name in ("__init__.py", "_errors.py", "_policy.py", "capi.py"):
        assert (pkg / name).is_file(), pkg / name
    ext = [f for f in pkg.iterdir() if f.name.startswith("_capi") and f.suffix == ".so"]
    assert len(ext) == 1, list(pkg.iterdir())
    probe(site, cwd=prefix)

    if not os.path.isabs(sitedir):
        moved = prefix.with_name(prefix.name + "-moved")
        if moved.exists():
            shutil.rmtree(moved)
        prefix.rename(moved)
        probe(moved / sitedir, cwd=moved)
        shutil.rmtree(moved)

        # Where `--prefix <the interpreter's prefix>` would put it is on sys.path.
        own_prefix = sysconfig.get_path("data")
        target = os.path.normpath(os.path.join(own_prefix, sitedir))
        path = [os.path.normpath(p) for p in sys.path if p]
        assert target in path, (target, sys.path)
        print("prefix %s installs into %s, on sys.path" % (own_prefix, target))
    print("python.install: OK")


if __name__ == "__main__":
    main()
