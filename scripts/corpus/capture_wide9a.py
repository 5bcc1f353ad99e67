#!/usr/bin/env python3
"""Capture round 9a of the compression corpus (issue #11): FRESH INSTANCES OF THE COMMON KINDS, made
differently from the corpus's own: other real projects (PyPI sdists and npm packages fetched from the
registries, Go standard-library packages copied into a module, Java's commons-lang3), other flags and
reporters (pytest -v / --tb=long / --tb=line / -rA, unittest -v, jest default and --verbose, vitest, mocha
spec and dot, node --test, go test -v and -json, cargo test with several failures), failures buried in the
middle of long passing output, warnings by the dozen, colour on where the tool allows it, and data outputs
with anomalies. This module holds the tool install, the Python half and main(); the JavaScript half is in
capture_wide9a_js.py, Go, Rust, C, Java, git and the system/data kinds in capture_wide9a_sys.py.

Same method and helpers as capture_wide7.py / capture_wide8.py: every item's text is the stdout+stderr of a
program REALLY run here on throwaway copies in /tmp/hm-corpus-wide9a (registry downloads into
/tmp/hm-corpus-wide9a-tools); a real project is broken by named source edits (the patch() calls next to its
suite) before its suite runs. Needles follow scripts/corpus/NEEDLES.md, computed from the cleaned raw output by the extractor of the
item's kind (earlier rounds' extractors, reused; each docstring's first line is the needle_rule). Written
before anything was measured; nothing captured here was ever compressed by its author.

Usage:   .venv/bin/python scripts/corpus/capture_wide9a.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide9a.json  as {"version": 2, "items": [...]}, ids prefixed "wide9a-".
"""

from __future__ import annotations

import os
import sys
import tarfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402
import capture_wide6 as w6  # noqa: E402
from capture_diagnostics import needles_pytest  # noqa: E402
from capture_more import add_or_skip as add  # noqa: E402
from capture_more import n_pytest_ra, n_unittest, run  # noqa: E402
from capture_wide2 import n_ruff_grouped  # noqa: E402
from capture_wide4 import n_pytest_tb_line  # noqa: E402
from capture_wide6 import reuse  # noqa: E402
from capture_wide6_fresh import n_chained  # noqa: E402
from capture_wide7_more import first, n_mypy, n_pytest, n_ruff  # noqa: E402

ID_PREFIX = "wide9a-"  # set again in main(): every capture module sets cm.PREFIX at import
DEFAULT_OUT = HERE / "data" / "wide9a.json"
TMP = Path("/tmp/hm-corpus-wide9a")
TOOLS = Path("/tmp/hm-corpus-wide9a-tools")
SDISTS = TOOLS / "sdist"
PYLIB = TOOLS / "pylib"  # freezegun, which humanize's suite imports
PY = w6.VENV / "bin" / "python"
SDIST_PKGS = ["more-itertools==11.2.1", "toolz==1.2.0", "humanize==4.17.0", "simplejson==4.3.0", "inflection==0.5.1"]
JS_PKGS = ["validator@13", "qs@6", "ms@2", "date-fns@4", "lodash@4", "commander@12", "express@4"]
COLOR = {"FORCE_COLOR": "1", "PY_COLORS": "1", "NO_COLOR": None, "TERM": "xterm-256color"}

n_pytest_long = reuse("pytest-tb-long", "test", needles_pytest, first(needles_pytest))
n_pytest_param = reuse("pytest-parametrize", "test", needles_pytest, first(needles_pytest))


def ensure_tools() -> None:
    """Fetch the sdists and npm packages once (the registries are the only network used)."""
    w6.ensure_tools()
    if not any(SDISTS.glob("toolz-*")):
        SDISTS.mkdir(parents=True, exist_ok=True)
        run(f"{w6.VENV}/bin/pip download -q --no-binary :all: --no-deps " + " ".join(SDIST_PKGS), cwd=SDISTS, timeout=600)
    if not (PYLIB / "freezegun").exists():
        run(f"{w6.VENV}/bin/pip install -q --target {PYLIB} freezegun", timeout=600)
    js = TOOLS / "js"
    if not (js / "node_modules" / "validator").exists():
        js.mkdir(parents=True, exist_ok=True)
        (js / "package.json").write_text('{"name":"w9a-tools","private":true,"version":"1.0.0"}\n')
        run("npm install --no-audit --no-fund --loglevel=error " + " ".join(JS_PKGS), cwd=js, timeout=900)


def unpack(name: str, tmp: Path) -> Path:
    """A fresh copy of the sdist whose file name starts with `name`."""
    tgz = next(SDISTS.glob(f"{name}-*.tar.gz"))
    with tarfile.open(tgz) as t:
        t.extractall(tmp, filter="data")
    return tmp / tgz.name[: -len(".tar.gz")]


def patch(path: Path, old: str, new: str, count: int = 1) -> None:
    """Break a real source on purpose: `old` must be there (a silent no-op would capture a green run)."""
    text = path.read_text()
    assert old in text, f"{path}: {old!r} not found"
    path.write_text(text.replace(old, new, count))


# ================================================================== Python: real suites, broken on purpose

def cap_more_itertools(tmp: Path) -> None:
    root = unpack("more_itertools", tmp)
    src = root / "more_itertools"
    # recipes: a shifted dot product, a wrong default predicate; more: ilen of nothing is -1, windowed skips at n=4
    patch(src / "recipes.py", "    return sum(map(mul, vec1, vec2))", "    return sum(map(mul, vec1, list(vec2)[1:] + [0]))")
    patch(src / "recipes.py", "def quantify(iterable, pred=bool):\n", "def quantify(iterable, pred=lambda x: x is not None):\n")
    add("pytest-v-more-itertools-recipes", "pytest -v tests/test_recipes.py",
        run(f"{PY} -m pytest -v -p no:cacheprovider tests/test_recipes.py", cwd=root, timeout=300), n_pytest)
    patch(src / "more.py", "    return sum(compress(repeat(1), zip(iterable)))", "    return sum(compress(repeat(1), zip(iterable))) or -1")
    patch(src / "more.py", "        raise ValueError('step must be >= 1')\n", "        raise ValueError('step must be >= 1')\n    step = step + (n == 4)\n")
    add("pytest-tb-long-v-more-itertools-more", "pytest --tb=long -v tests/test_more.py",
        run(f"{PY} -m pytest --tb=long -v -p no:cacheprovider tests/test_more.py", cwd=root, timeout=400), n_pytest_long)


def cap_toolz(tmp: Path) -> None:
    root = unpack("toolz", tmp)
    src = root / "toolz"
    patch(src / "dicttoolz.py", "            rv[k] = v\n", "            rv[k] = v if k != 1 else None\n", count=3)
    patch(src / "itertoolz.py", "def sliding_window(n, seq):", "def sliding_window(n, seq):\n    n = n + (n == 3)")
    add("pytest-tb-line-toolz", "pytest --tb=line toolz/tests",
        run(f"{PY} -m pytest --tb=line -p no:cacheprovider toolz/tests", cwd=root, timeout=300), n_pytest_tb_line)
    patch(src / "functoolz.py", "def compose(*funcs):", "def compose(*funcs):\n    funcs = funcs[:3]")
    add("pytest-rA-toolz", "pytest -rA --color=yes toolz/tests",
        run(f"{PY} -m pytest -rA --color=yes -p no:cacheprovider toolz/tests", cwd=root, env=COLOR, timeout=300), n_pytest_ra)
    add("mypy-strict-toolz-dicttoolz", "mypy --strict toolz/dicttoolz.py toolz/recipes.py",
        run(f"{PY} -m mypy --strict --no-incremental --cache-dir={tmp}/mypy-cache toolz/dicttoolz.py toolz/recipes.py",
            cwd=root, timeout=400), n_mypy)
    add("ruff-select-all-toolz-functoolz", "ruff check --select ALL --output-format concise toolz/functoolz.py toolz/utils.py",
        run(f"{w6.VENV}/bin/ruff check --no-cache --select ALL --output-format concise toolz/functoolz.py toolz/utils.py",
            cwd=root), n_ruff)


def cap_humanize(tmp: Path) -> None:
    root = unpack("humanize", tmp)
    src = root / "src" / "humanize"
    patch(src / "number.py", "digit = 0 if value % 100 in (11, 12, 13) else value % 10", "digit = 0 if value % 100 in (11, 12) else value % 10")
    patch(src / "filesize.py", "base = 1024 if (gnu or binary) else 1000", "base = 1024 if gnu else 1000")
    env = {**COLOR, "PYTHONPATH": f"{root / 'src'}:{PYLIB}"}
    tests = "tests/test_time.py tests/test_number.py tests/test_lists.py"
    add("pytest-v-color-humanize", f"pytest -v --color=yes {tests}",
        run(f"{PY} -m pytest -v --color=yes -p no:cacheprovider {tests}", cwd=root, env=env, timeout=300), n_pytest)
    add("ruff-select-all-full-humanize", "ruff check --select ALL src tests",
        run(f"{w6.VENV}/bin/ruff check --no-cache --select ALL --output-format full src tests", cwd=root), n_ruff)


def cap_inflection(tmp: Path) -> None:
    root = unpack("inflection", tmp)
    patch(root / "inflection" / "__init__.py", "    (r\"(?i)(quiz)$\", r'\\1zes'),\n", "")
    patch(root / "inflection" / "__init__.py", "    (r\"(?i)^(ax|test)is$\", r'\\1es'),\n", "")
    add("pytest-tb-short-inflection-parametrize", "pytest -v --tb=short test_inflection.py",
        run(f"{PY} -m pytest -v --tb=short -p no:cacheprovider test_inflection.py", cwd=root, timeout=300), n_pytest_param)
    add("ruff-grouped-all-inflection", "ruff check --select ALL --output-format grouped inflection",
        run(f"{w6.VENV}/bin/ruff check --no-cache --select ALL --output-format grouped inflection", cwd=root), n_ruff_grouped)


def cap_simplejson(tmp: Path) -> None:
    root = unpack("simplejson", tmp)
    src = root / "simplejson"
    patch(src / "encoder.py", "'\\t': '\\\\t',", "'\\t': '\\\\u0009',")
    patch(src / "decoder.py", "return float('nan'), float('inf'), float('-inf')", "return float('nan'), float('inf'), float('inf')")
    add("unittest-v-simplejson", "python simplejson/tests/__init__.py -v",
        run(f"{PY} simplejson/tests/__init__.py -v", cwd=root, timeout=300), n_unittest)
    add("mypy-strict-pretty-simplejson", "mypy --strict --pretty simplejson/decoder.py simplejson/scanner.py simplejson/errors.py",
        run(f"{PY} -m mypy --strict --pretty --cache-dir={tmp}/mypy-cache simplejson/decoder.py simplejson/scanner.py "
            "simplejson/errors.py", cwd=root, timeout=400), n_mypy)
    (root / "settings.json").write_text('{"service": "orders",\n "retries": 3,\n "endpoints": [\n  "a", "b",\n ]\n}\n')
    (root / "load_settings.py").write_text(LOAD_SETTINGS)
    add("python-traceback-simplejson-settings", "python load_settings.py settings.json",
        run(f"{PY} load_settings.py settings.json", cwd=root), n_chained)


LOAD_SETTINGS = '''import logging
import sys

import simplejson

logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
log = logging.getLogger("settings")


class SettingsError(Exception):
    pass


def read(path):
    log.info("reading %s", path)
    with open(path) as f:
        text = f.read()
    try:
        return simplejson.loads(text)
    except simplejson.JSONDecodeError as e:
        raise SettingsError(f"{path}: not valid JSON") from e


def main(argv):
    for path in argv:
        try:
            cfg = read(path)
        except SettingsError:
            log.exception("cannot load settings")
            raise
        log.info("loaded %d keys", len(cfg))


if __name__ == "__main__":
    main(sys.argv[1:])
'''


# ================================================================== main

def steps() -> list:
    import capture_wide9a_data as data  # git, processes, CSV/sqlite, a log flood
    import capture_wide9a_js as js  # jest, vitest, mocha, node --test, eslint, tsc, npm
    import capture_wide9a_more as more  # JSON, logs, listings, tables
    import capture_wide9a_sys as system  # go, cargo, gcc/make, JUnit
    return [cap_more_itertools, cap_toolz, cap_humanize, cap_inflection, cap_simplejson] + js.STEPS + system.STEPS + data.STEPS + more.STEPS


def main() -> None:
    ensure_tools()
    chosen = steps()
    cm.PREFIX = ID_PREFIX
    cm.capture_main(__doc__, chosen, DEFAULT_OUT, TMP)


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide9a", sys.modules["__main__"])
    main()
