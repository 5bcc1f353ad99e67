"""Capture round 800 of the compression corpus (issue #11's kinds on real projects, most of them as OpenCode's tools
hand them over, no new rules), with names from a wainwright (wagons, bolsters, tailboards, strakes, naves, felloes,
wainwrights): sciform 0.39.1 (its PyPI sdist) with bugs put in (project bolsterby) under a seeded pytest suite written
here, ruff and mypy, and a chained traceback; a git history of its two bugged modules and the test file; the real npm
package number-abbreviate 2.0.0 copied into a project (tailpin) with bugs put in, under a node --test suite generated
here from the unbroken copy, and eslint; a C project (felloewright) and a Rust crate (strakebolt) from round 291's
generators imported and renamed; a Go module (navework) from round 273's make_steps imported with this round's words;
CSV/sqlite tables of /usr/share/doc files, ps aux, an application log; ONE headless OpenCode run over the same
material (its bash, grep, glob, read, and one webfetch of sciform's README rendered by docutils). Every kind's
extractor is an earlier round's, imported (NEEDLES.md's "Round 800: no new rules"). Round 785's layout and item list.

Tools: sciform 0.39.1 (PyPI sdist), number-abbreviate 2.0.0 (npm), pytest 9.2.0, ruff 0.17.6, mypy 2.4.1, docutils
0.23 (a venv under /dev/shm), eslint 10.16.0 with @eslint/js 10.0.1, node, gcc, GNU make, cargo/clippy, go, sqlite3,
git, and the pinned OpenCode (.tools/bin/opencode) driven by round 191's run_round.

Usage: /work/main/.venv/bin/python scripts/corpus/capture_wide800.py [--out FILE]   (W800_ONLY=step,step to run some)
Writes: scripts/corpus/data/wide800.json, ids prefixed "wide800-"."""

from __future__ import annotations

import csv
import json
import os
import random
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402
import capture_wide9b as w9b  # noqa: E402
import capture_wide712 as w712  # noqa: E402
import capture_wide720 as w720  # noqa: E402
import capture_wide728 as w728  # noqa: E402
import capture_wide736 as w736  # noqa: E402
import capture_wide744 as w744  # noqa: E402
import capture_wide765 as w765  # noqa: E402
import capture_wide785 as w785  # noqa: E402

ID_PREFIX = "wide800-"
DEFAULT_OUT = HERE / "data" / "wide800.json"
TMP = Path("/dev/shm/hm-corpus-wide800-run")  # the material (emptied at the start and removed at the end)
HIST = TMP / "hist-src"  # the unbroken copy, packed for capture_material.history
TOOLS = Path("/dev/shm/hm-corpus-wide800")  # what is installed
SRC = TOOLS / "src"  # sciform-0.39.1.tar.gz, its PyPI sdist
VENV = TOOLS / "venv"
JS = TOOLS / "js"  # eslint, @eslint/js, number-abbreviate
_SIZED = cm.Sized(400, 120_000)
add, cap = _SIZED.add, _SIZED.cap

import capture_wide273_go as g273  # noqa: E402
import capture_wide290_mat as m290  # noqa: E402
import capture_wide291_native as base  # noqa: E402
import capture_wide624 as w624  # noqa: E402
from capture_material import app_log, history, put_bugs  # noqa: E402
from capture_more import n_app_log, run, write_tree  # noqa: E402
from capture_wide import n_chained  # noqa: E402
from capture_wide9b import Part, chain, n_status_echo  # noqa: E402
from capture_wide15_data import n_csv, n_ls_lR, n_ps_aux, n_sqlite_col  # noqa: E402
from capture_wide15_diag import n_mypy, n_pytest, n_ruff  # noqa: E402
from capture_wide15_js import n_eslint, n_node_test  # noqa: E402
from capture_wide15_langs import n_cargo_build, n_cargo_test, n_gcc, n_make  # noqa: E402
from capture_wide15_oc import n_blame, n_diff, n_log_p, n_show, n_status  # noqa: E402
from capture_wide273_go import renamed  # noqa: E402
from capture_wide454 import drop_and_check  # noqa: E402

w9b.TMP = TMP
SEED = 80000
SV = "sciform-0.39.1"
MOD = "src/sciform/format_utils/rounding.py"
EXP = "src/sciform/format_utils/exp_translations.py"
TESTS = "tests/test_bolsterby.py"
GIT_ENV, MYPY, PYTEST = w624.GIT_ENV, w624.MYPY, w624.PYTEST
PEOPLE = [("Silas Felloe", "silas@example.org"), ("Hepzibah Nave", "hepzibah@example.org"),
          ("Silas Felloe", "silas@example.org"), ("Amos Strake", "amos@example.org"),
          ("Bathsheba Bolster", "bathsheba@example.org")]
BUGS = [(EXP, '6: "M",', '6: "G",'),
        (MOD, "if 100 <= num_top_three_digs <= 354:", "if 100 <= num_top_three_digs <= 254:"),
        (MOD, "round_digit = get_top_dec_place(num) - (ndigits - 1)", "round_digit = get_top_dec_place(num) - ndigits")]

# Writes tests/test_bolsterby.py, run in a child process against the UNBROKEN package (PYTHONPATH=src).
GEN = r"""import random

from sciform import Formatter

r = random.Random(80000)
WHO = ["Silas", "Hepzibah", "Amos", "Bathsheba", "Gideon", "Tabitha", "Enoch", "Jemima"]
WARES = ["wagons", "bolsters", "tailboards", "strakes", "naves", "felloes"]


def val(r):
    return round(r.uniform(1, 999) * 10 ** r.choice([-9, -6, -3, 0, 3, 6, 9]), r.randint(1, 6))


out = ["from sciform import Formatter", ""]
k = 0
while k < 240:
    pick = r.random()
    if pick < 0.3:
        mode, nd, v = r.choice(["engineering", "scientific"]), r.choice([2, 3, 4]), val(r)
        call = f"str(Formatter(exp_mode={mode!r}, round_mode='sig_fig', ndigits={nd})({v!r}))"
    elif pick < 0.5:
        nd, v = r.choice([2, 3, 4]), val(r)
        call = f"str(Formatter(exp_mode='engineering', exp_format='prefix', round_mode='sig_fig', ndigits={nd})({v!r}))"
    elif pick < 0.8:
        u = round(r.uniform(0.1, 0.999) * 10 ** r.choice([-3, -2, -1, 0, 1, 2]), 8)
        v = round(u * r.uniform(10, 10000), 9)
        call = f"str(Formatter(round_mode='pdg')({v!r}, {u!r}))"
    else:
        v = round(r.uniform(1000, 9999999), r.randint(0, 4))
        call = f"str(Formatter(upper_separator=',', round_mode='dec_place', ndigits=2)({v!r}))"
    try:
        want = eval(call)
    except Exception:
        continue
    k += 1
    out.append(f"def test_{r.choice(WARES)}_{k:03d}_{r.choice(WHO).lower()}():\n"
               f"    assert {call} == {want!r}\n")
open("tests/test_bolsterby.py", "w").write("\n\n".join(out) + "\n")
"""


def gen_tests(gp: Path) -> None:
    """tests/test_bolsterby.py: seeded wagon measures, each expectation from the UNBROKEN package (a child process)."""
    (gp / "tests").mkdir(exist_ok=True)
    (gp / "gen_tests.py").write_text(GEN)
    run(f"{VENV}/bin/python gen_tests.py && rm gen_tests.py", cwd=gp, env={"PYTHONPATH": str(gp / "src")})
    assert (gp / TESTS).exists(), "test_bolsterby.py not written"


SCRIPT = r"""import random

from sciform import Formatter


class StrakeTallyError(Exception):
    pass


STANDARD = {"strake length (mm)": (412.37, 0.93), "nave bore (mm)": (88.214, 0.031),
            "felloe depth (mm)": (76.5, 0.48), "bolster width (mm)": (1180.4, 2.9),
            "tailboard height (mm)": (455.2, 0.7), "tyre shrink (mm)": (19.87, 0.288),
            "strake bolt hole (mm)": (12.7, 0.31)}
r = random.Random(80000)
BOOKS = []
for who in ["Silas Felloe", "Hepzibah Nave", "Amos Strake", "Bathsheba Bolster"]:
    rows = [r.choice(sorted(STANDARD)) for _ in range(4)] + ["strake bolt hole (mm)"]
    BOOKS.append({"who": who, "rows": [(name, *STANDARD[name]) for name in rows]})
FMT = Formatter(round_mode="pdg")


def check(book):
    try:
        for n, (name, value, unc) in enumerate(book["rows"]):
            shown = str(FMT(value, unc))
            got = float(shown.split("±")[0])
            if abs(got - value) > unc:
                raise ValueError(f"row {n}: {name} shown {shown!r} reads as {got!r}, the strake book says {value!r}")
        return len(book["rows"])
    except ValueError as exc:
        raise StrakeTallyError(f"strake tally: {book['who']}'s strake book read off the wagon "
                               f"({len(BOOKS)} wainwrights' books)") from exc


print(f"wainwright: {len(BOOKS)} wainwrights' strake books of measures to check")
for book in BOOKS:
    print(book["who"], "->", check(book))
"""


def source(tmp: Path) -> None:
    cm.download_sdists(SRC, "sciform-*.tar.gz", ["sciform==0.39.1"])
    cm.install_venv(VENV, "mypy", ["pytest==9.2.0", "ruff==0.17.6", "mypy==2.4.1", "docutils==0.23"])
    cm.install_npm(JS, "number-abbreviate", ["eslint@10.16.0", "@eslint/js@10.0.1", "number-abbreviate@2.0.0"])
    for need in (SRC / f"{SV}.tar.gz", VENV / "bin/mypy", JS / "node_modules/number-abbreviate/index.js",
                 JS / "node_modules/.bin/eslint"):
        assert need.exists(), f"material step failed: {need}"
    if str(VENV / "bin") not in cm.PATH_PREFIX:
        cm.PATH_PREFIX.insert(0, str(VENV / "bin"))


def python(tmp: Path) -> None:
    run(f"tar --no-same-owner -xzf {SRC}/{SV}.tar.gz && mv {SV} bolsterby && rm -rf bolsterby/tests", cwd=tmp)
    gp = tmp / "bolsterby"
    assert (gp / MOD).exists(), "sciform not unpacked"
    gen_tests(gp)
    run(f"rm -rf {HIST} && mkdir -p {HIST} && cp -r bolsterby {HIST}/{SV} && cd {HIST} && "
        f"tar czf {SV}.tar.gz {SV} && rm -rf {SV}", cwd=tmp)
    put_bugs(gp, BUGS)
    env = {"PYTHONPATH": str(gp / "src"), "MYPYPATH": str(gp / "src")}
    cap("pytest-sciform-bolsterby-v-tbshort", f"{PYTEST} -p no:cacheprovider -v --tb=short tests 2>&1 | "
        "tail -n 1200", gp, n_pytest, env=env, timeout=600)
    chain("chain-sciform-pytest-q-exit", "chain-test-exit", "test",
          [Part(f"{PYTEST} -p no:cacheprovider -q --tb=line tests 2>&1 | tail -n 400", n_pytest),
           Part("echo EXIT=$?", n_status_echo, ";")], gp, env=env, timeout=600)
    cap("ruff-full-sciform-tests", "ruff check --no-cache --isolated --select E,F,W,B,UP,SIM,PL,ANN,D "
        "--output-format=full src/sciform tests 2>&1 | head -n 1400", gp, n_ruff, timeout=300)
    cap("mypy-strict-sciform-rounding", f"{MYPY} {MOD} tests 2>&1 | tail -n 400", gp, n_mypy, env=env,
        timeout=300)
    (gp / "strake_tally.py").write_text(SCRIPT)
    cap("python-chained-traceback-strake-tally", "python3 strake_tally.py", gp, n_chained, env=env)


def git_history(tmp: Path) -> None:
    repo = history(tmp, HIST, "strake", SV, [EXP, MOD, TESTS], PEOPLE, SEED, 30, BUGS)
    cap("git-log-p-sciform-head-1200", "git log -p | head -n 1200", repo, n_log_p, env=GIT_ENV)
    cap("git-log-p-stat-sciform-head-2400", "git log -p --stat | head -n 2400", repo, n_log_p, env=GIT_ENV)


LOG_MSGS = {
    "INFO": lambda r: f"wagon {r.randint(100, 999)} for {r.choice(WHO)}: {r.randint(2, 14)} spokes driven in "
                      f"{r.choice(['oak nave', 'elm nave', 'ash felloe', 'bolster', 'tailboard'])}, "
                      f"strake {r.randint(1, 6)} of {r.randint(6, 8)}",
    "DEBUG": lambda r: f"felloes {r.choice(['sawn', 'dressed', 'dowelled', 'soaked'])} {r.randint(10, 60)} "
                       f"min for {r.choice(['felloewright', 'strakebolt', 'navework'])}, batch "
                       f"{r.randint(100, 999)}, {r.randint(3, 9)} strakes nailed",
    "WARNING": lambda r: f"dish {r.randint(1, 40)} out of true at spoke {r.randint(2, 14)} on "
                         f"{r.choice(['Nave Bench', 'Tyring Platform', 'Bolster Rack'])}, {r.randint(1, 6)} "
                         f"felloes redrawn",
    "ERROR": lambda r: f"tyre {r.randint(1, 8)} cracked at strake {r.randint(2, 32)}, {r.randint(1, 9)} "
                       f"{r.choice(['spokes', 'felloes', 'strakes', 'nails'])} lost (tally "
                       f"{r.randint(1, 60)})",
}
WHO = ["Silas", "Hepzibah", "Amos", "Bathsheba", "Gideon", "Tabitha", "Enoch", "Jemima"]
DIRS = ("/usr/share/doc/m4", "/usr/share/doc/liblzma-dev", "/usr/share/doc/man-db", "/usr/share/doc/ca-certificates",
        "/usr/share/doc/openssl", "/usr/share/doc/xz-utils", "/usr/share/doc/sed")
assert not set(DIRS) & (set(w712.DIRS) | set(w720.DIRS) | set(w728.DIRS) | set(w736.DIRS) | set(w744.DIRS)
                        | set(w765.DIRS) | set(w785.DIRS)), "earlier doc dirs"


def data(tmp: Path) -> None:
    d = tmp / "data"
    d.mkdir()
    rows = []
    for top in DIRS:
        for p in sorted(Path(top).rglob("*")):
            if p.is_file() and not p.is_symlink():
                st = p.stat()
                rows.append([str(p.relative_to("/usr/share/doc")), p.suffix.lstrip(".") or "-", p.name, st.st_size,
                             st.st_nlink, time.strftime("%Y-%m-%d", time.gmtime(st.st_mtime))])
    with open(d / "wagonyard.csv", "w", newline="") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(["path", "kind", "name", "bytes", "links", "modified"])
        w.writerows(rows)
    run("sqlite3 wagonyard.db '.mode csv' '.import wagonyard.csv parts'", cwd=d)
    assert (d / "wagonyard.db").exists(), "sqlite import"
    cap("ls-laR-doc-dirs-m4-openssl", "ls -laR " + " ".join(d_ for d_ in DIRS if Path(d_).exists()), d, n_ls_lR)
    cap("sqlite-column-wagonyard-kinds", "sqlite3 -header -column wagonyard.db \"SELECT kind, COUNT(*) AS "
        "files, SUM(CAST(bytes AS INT)) AS bytes, MAX(modified) AS newest FROM parts GROUP BY kind ORDER BY files "
        "DESC\"", d, n_sqlite_col)
    app_log(d / "wagonyard.log", 80004, 1500, ["wagon.nave", "wagon.felloe", "wagon.strake", "wagon.bolster"],
            LOG_MSGS, 8000, "2026-12-04")
    cap("app-log-wagonyard-tail-600", "tail -n 600 wagonyard.log", d, n_app_log)
    chain("chain-log-grep-error-wagonyard", "chain-log", "logs",
          [Part("grep -E ' (WARNING|ERROR) ' wagonyard.log | head -n 240", n_app_log),
           Part("grep -c ERROR wagonyard.log", None, ";")], d)


C_NEW = ("FELLOEWRIGHT_H", "felloewright", "spoke_t", "spokes", "dish_t", "dish_weight", "dish_find",
         "felloe_permille", "ash_g", "oak", "drivings", "felloe_count_", "_strake", '"strake ', "dish")
C_RENAMES = tuple((old, new) for (old, _), new in zip(w624.C_RENAMES, C_NEW, strict=True))
RS_NEW = ("strakebolt", "0.8.0", "Strake bolt: tyre dish from nave bore, axle load and a ranking of "
          "wheels.", "dish_n", "axle_load", "nave_um", "strake_um", "felloe_count", "axle_", "axle ",
          "dish not on", "wagon limit", "wheels", "odd_")
RS_RENAMES = tuple((old, new) for (old, _), new in zip(w624.RS_RENAMES, RS_NEW, strict=True))


def c_build(tmp: Path) -> None:
    root = tmp / "felloewright"
    rnd = random.Random(80002)
    files = {"src/felloewright.h": renamed(base.GATE_H, C_RENAMES),
             "src/dishframe.c": renamed(base.GATE_C, C_RENAMES)}
    for k in range(30):
        files[f"src/felloe_{k:02d}.c"] = renamed(base.gen_c(k, rnd), C_RENAMES)
    objs = " ".join(f"build/{Path(p).stem}.o" for p in files if p.endswith(".c"))
    files["Makefile"] = ("CC=gcc\nCFLAGS=-Wall -Wextra -O1 -Isrc\nOBJS=" + objs + "\n\nall: felloewright\n\n"
                         "felloewright: $(OBJS)\n\t$(CC) -o $@ $(OBJS)\n\nbuild/%.o: src/%.c src/felloewright.h\n"
                         "\t@mkdir -p build\n\t$(CC) $(CFLAGS) -c $< -o $@\n\nclean:\n\trm -rf build felloewright\n")
    write_tree(root, files)
    chain("chain-make-k-felloewright-exit", "chain-build-exit", "build",
          [Part("make -k -j1 2>&1 | tail -n 400", n_make), Part("echo EXIT=$?", n_status_echo, ";")], root,
          timeout=600)
    cap("gcc-syntax-felloewright-felloe", "gcc -Wall -Wextra -fsyntax-only -Isrc src/dishframe.c "
        "src/felloe_1[0-9].c", root, n_gcc, timeout=300)
    run("rm -rf build felloewright", cwd=root)


def rust(tmp: Path) -> None:
    root = tmp / "strakebolt"
    rnd = random.Random(80003)
    broken = renamed(base.BROKEN, RS_RENAMES)
    write_tree(root, {"Cargo.toml": renamed(base.CARGO, RS_RENAMES), "src/lib.rs": renamed(base.LIB, RS_RENAMES),
                      "src/broken.rs": broken, "src/runs.rs": renamed(base.gen_runs(rnd, 120), RS_RENAMES)})
    env = {"CARGO_TARGET_DIR": str(tmp / "strakebolt-target"), "CARGO_TERM_COLOR": "never",
           "CARGO_BUILD_JOBS": "1"}
    cap("cargo-build-errors-strakebolt", "cargo build 2>&1", root, n_cargo_build, env=env, timeout=600)
    for line in ("    let label: String = idx.len();\n", "    idx.push(felloe_count);\n"):
        assert line in broken, line
        broken = broken.replace(line, "")
    (root / "src/broken.rs").write_text(broken)
    cap("cargo-test-strakebolt-tail", "cargo test 2>&1 | grep -v '^test .* ok$' | tail -n 400", root,
        n_cargo_test, env=env, timeout=600)


GO_NEW = ("navework", "navecount", "wheel shop host", "spokes left, days", "nothing left to drive",
          "driving order", "spoke grade", "Nave", "nave", "Wagon", "wagon", "Wheel", "wheel", "Spokes", "spokes")
GO_RENAMES = tuple((old, new) for (old, _), new in zip(w624.GO_RENAMES, GO_NEW, strict=True))
BENCHES = ["Nave Bench", "Tyring Platform", "Bolster Rack", "Felloe Shed", "Spoke Horse", "Strake Forge",
           "Tailboard Loft", "Dish Gauge", "Axle Pit", "Tally Board", "Paint Shop", "Bench Nine"]
GO_STEP = g273.make_steps(cap, "navework", "navecount", 80001, BENCHES, GO_RENAMES)[0]


def go(tmp: Path) -> None:
    GO_STEP(tmp)
    (tmp / "navework" / "restock.go").unlink(missing_ok=True)


AND = "src/abbr"
NA_BUGS = [("index.js", "number = Math.round(number * decPlaces / size) / decPlaces",
            "number = Math.floor(number * decPlaces / size) / decPlaces"),
           ("index.js", "if ((number === 1000) && (i < this.units.length - 1)) {",
            "if ((number === 100) && (i < this.units.length - 1)) {"),
           ("index.js", "decPlaces || 0", "decPlaces || 1")]

# Writes spec/abbr.test.mjs: the wainwright's seeded counts, each expectation from the UNBROKEN copy.
NA_GEN = r"""
import fs from 'node:fs';
import NumberAbbreviate from './src/abbr/index.js';
let seed = 80006;
const rnd = () => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed / 2147483648; };
const pick = (xs) => xs[Math.floor(rnd() * xs.length)];
const WHO = ['Silas', 'Hepzibah', 'Amos', 'Bathsheba', 'Gideon', 'Tabitha', 'Enoch', 'Jemima'];
const JOBS = ['spoke count', 'felloe saw', 'strake nail', 'nave bore', 'bolster fit', 'tailboard hang'];
const UNITS = [null, ['K', 'M', 'G', 'T'], ['KB', 'MB', 'GB', 'TB'], [' thousand', ' million', ' billion']];
const J = JSON.stringify;
const out = ["import {test} from 'node:test';", "import assert from 'node:assert/strict';",
  "import NumberAbbreviate from '../src/abbr/index.js';", ''];
for (let n = 1; n <= 200; n++) {
  const mag = pick([2, 3, 4, 5, 6, 7, 8, 9, 10, 12, 13]);
  let num = Math.floor(rnd() * 10 ** mag);
  if (rnd() < 0.15) { num = -num; }
  const dec = pick([undefined, 0, 1, 1, 2, 2, 3]);
  const units = pick(UNITS);
  const d = dec === undefined ? '' : `, ${dec}`;
  let call;
  if (rnd() < 0.5) { call = units ? `NumberAbbreviate(${num}, ${dec === undefined ? 'undefined' : dec}, ${J(units)})` : `NumberAbbreviate(${num}${d})`; }
  else { call = `new NumberAbbreviate(${units ? J(units) : ''}).abbreviate(${num}${d})`; }
  const want = new Function('NumberAbbreviate', `return ${call};`)(NumberAbbreviate);
  out.push(`test(${J(`${pick(WHO)}'s ${pick(JOBS)} ${n}: ${num}`)}, () => {\n  assert.equal(${call}, ${J(want)});\n});`);
}
fs.writeFileSync('spec/abbr.test.mjs', out.join('\n') + '\n');
"""


def npm_project(tmp: Path) -> None:
    root = tmp / "tailpin"
    for d in (AND, "spec"):
        (root / d).mkdir(parents=True, exist_ok=True)
    run(f"ln -s {JS / 'node_modules'} node_modules", cwd=root)
    write_tree(root, {"package.json": json.dumps({"name": "tailpin", "version": "0.8.0", "type": "module",
                                                  "scripts": {"test": "node --test spec/"}}, indent=2) + "\n",
                      "gen.mjs": NA_GEN, "eslint.config.js": m290.ESLINT_CONFIG})
    pkg = JS / "node_modules/number-abbreviate"
    run(f"cp {pkg}/package.json {pkg}/index.js {AND}/", cwd=root)
    assert (root / AND / "index.js").exists(), "number-abbreviate not copied"
    run("node gen.mjs && rm gen.mjs", cwd=root)
    assert (root / "spec/abbr.test.mjs").exists(), "abbr.test.mjs not written"
    put_bugs(root / AND, NA_BUGS)
    env = {"PATH": f"{JS}/node_modules/.bin:/usr/bin:/bin"}
    cap("node-test-abbr-tailpin-tail-1700", "node --test spec/ 2>&1 | tail -n 1700", root, n_node_test,
        env=env, timeout=300)
    cap("node-test-abbr-tailpin-tail-2600", "node --test spec/ 2>&1 | tail -n 2600", root, n_node_test,
        env=env, timeout=300)
    chain("chain-node-test-grep-exit-tailpin", "chain-test-exit", "test",
          [Part("node --test spec/ 2>&1 | grep -E '^not ok|^# (tests|pass|fail)'", n_node_test),
           Part("echo EXIT=$?", n_status_echo, ";")], root, env=env, timeout=300)
    cap("eslint-abbr-tailpin", "npx eslint src spec 2>&1 | head -n 700", root, n_eslint, env=env,
        timeout=300)


def specs(root: Path, env: dict) -> list:
    from capture_opencode import Spec
    from capture_wide15_langs import n_clippy, n_go_test
    from capture_wide15_oc import oc_ext
    from capture_wide191_oc import B, C
    go_env = "GOFLAGS=-mod=mod GOPROXY=off GOTOOLCHAIN=local"
    S: list = [
        B("oc-bash-pytest-rA-tail-sciform", n_pytest,
          f"cd bolsterby && PYTHONPATH=src {PYTEST} -p no:cacheprovider -rA --tb=short tests 2>&1 | tail -n 380"),
        B("oc-bash-ruff-full-sciform", n_ruff,
          f"ruff check --no-cache --isolated --select ALL --output-format=full bolsterby/{MOD} "
          f"bolsterby/{EXP} bolsterby/strake_tally.py 2>&1 | head -n 900"),
        B("oc-bash-git-blame-sciform", n_blame, f"cd bolsterby-git && git blame -w {MOD}"),
        B("oc-bash-git-show-sciform-part", n_show, "cd bolsterby-git && git show HEAD~3"),
        B("oc-bash-git-log-p-sciform-reverse", n_log_p,
          "cd bolsterby-git && git log -p --reverse | head -n 900"),
        B("oc-bash-make-k-felloewright", n_make, "make -C felloewright -k -B 2>&1 | tail -n 300"),
        B("oc-bash-cargo-test-strakebolt", n_cargo_test, "cd strakebolt && cargo test 2>&1 | tail -n 450"),
        B("oc-bash-cargo-clippy-strakebolt", n_clippy, "cd strakebolt && cargo clippy 2>&1 | tail -n 450"),
        B("oc-bash-go-test-v-navework", n_go_test,
          f"cd navework && {go_env} go test -v ./... 2>&1 | tail -n 350"),
        # the sandbox's own processes (lines holding binary_backend) are filtered out by the command itself
        B("oc-bash-ps-aux-cpu-head-130", n_ps_aux,
          "ps auxww --sort=-pcpu | grep -v binary_backend | head -n 130 | cut -c1-300"),
        B("oc-bash-sqlite-wagonyard-largest", n_sqlite_col,
          "sqlite3 -header -column wagonyard.db \"SELECT kind, path, CAST(bytes AS INT) AS bytes, modified "
          "FROM parts ORDER BY CAST(bytes AS INT) DESC LIMIT 200\""),
        B("oc-bash-csv-sort-wagonyard", n_csv,
          "(head -n 1 wagonyard.csv; tail -n +2 wagonyard.csv | sort -t, -k4 -n | tail -n 400)"),
        B("oc-bash-log-grep-strake-wagonyard", n_app_log,
          "grep -E 'strake [1-6] of|tyre [0-9] cracked' wagonyard.log | head -n 400"),
        B("oc-bash-eslint-tailpin", n_eslint, "cd tailpin && npx eslint src spec 2>&1 | head -n 900"),
    ]
    S.append(C("oc-bash-chain-mypy-strict-sciform", "chain-lint", "lint",
               [Part("cd bolsterby", None), Part(f"MYPYPATH=src {MYPY} --pretty {MOD} strake_tally.py "
                                                 "2>&1 | tail -n 300", n_mypy, "&&")],
               root, env, "Type-check sciform's rounding"))
    S.append(C("oc-bash-chain-git-status-diff-sciform", "chain-git-status-diff", "git",
               [Part("cd bolsterby-git", None), Part("git status", n_status, "&&"), Part("git diff", n_diff, "&&")],
               root, env, "Show the working tree changes"))
    S.append(C("oc-bash-chain-node-test-exit-tailpin", "chain-test-exit", "test",
               [Part("cd tailpin", None), Part("node --test spec/ 2>&1 | tail -n 450", n_node_test, "&&"),
                Part("echo EXIT=$?", n_status_echo, ";")], root, env, "Test tailpin"))
    S.append(C("oc-bash-chain-go-test-tail-exit-navework", "chain-test-exit", "test",
               [Part("cd navework", None), Part(f"{go_env} go test ./... 2>&1 | tail -n 80", n_go_test, "&&"),
                Part("echo EXIT=$?", n_status_echo, ";")], root, env, "Test navework"))
    O = [
        Spec("oc-grep-sciform-round-digit", "oc-grep", "search", "grep",
             {"pattern": r"round_digit|top_dec_place|val_to_si_dict", "path": "bolsterby/src/sciform",
              "include": "*.py"}),
        Spec("oc-glob-felloewright-c", "oc-glob", "listing", "glob",
             {"pattern": "**/*.[ch]", "path": "felloewright"}),
        Spec("oc-read-py-bolsterby-tests", "oc-read-source", "code", "read",
             {"filePath": f"{root}/bolsterby/{TESTS}"}, "python"),
        Spec("oc-webfetch-md-sciform-readme", "oc-webfetch-markdown", "doc", "webfetch",
             {"url": "{BASE}/doc/sciform.html", "format": "markdown"}, source="doc/sciform.html"),
    ]
    for spec in O:
        S.append((spec, oc_ext(spec.kind, spec.family, spec)))
    return S


def _doc_server(serve_dir: str):
    import functools
    import http.server
    import threading
    import capture_opencode as oco
    handler = functools.partial(oco._QuietHandler, directory=serve_dir)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 28800), handler)
    threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.1}, daemon=True).start()
    return server


def opencode(tmp: Path) -> None:
    import functools
    import capture_opencode as oco
    from capture_wide191_oc import run_round
    orig = oco.start_doc_server, oco.StubServer
    oco.start_doc_server = _doc_server
    oco.StubServer = functools.partial(orig[1], port=38800)
    docs = tmp / "docs"
    docs.mkdir(exist_ok=True)
    # sciform's own README.rst rendered to HTML by docutils, served for the webfetch item
    run(f"{VENV}/bin/docutils --no-generator --no-datestamp --no-source-link {tmp}/bolsterby/README.rst "
        f"{docs}/sciform.html 2>&1 | tail -n 20", cwd=tmp)
    try:
        run_round(tmp, f"cp -r {tmp}/bolsterby bolsterby && cp -r {tmp}/strake-git bolsterby-git && "
                  f"cp -r {tmp}/felloewright felloewright && cp -r {tmp}/strakebolt strakebolt && "
                  f"cp -r {tmp}/navework navework && cp -a {tmp}/tailpin tailpin && "
                  f"cp {tmp}/data/wagonyard.db {tmp}/data/wagonyard.csv {tmp}/data/wagonyard.log .",
                  "find . -name __pycache__ -prune -exec rm -rf {} + ; rm -rf felloewright/build "
                  "bolsterby/.mypy_cache bolsterby/.ruff_cache bolsterby/.pytest_cache",
                  {"doc": str(docs)}, str(VENV), str(JS), specs, add, seed=SEED)
    finally:
        oco.start_doc_server, oco.StubServer = orig


def python_then_history(tmp: Path) -> None:
    python(tmp)
    git_history(tmp)


def main() -> None:
    only = os.environ.get("W800_ONLY")
    steps = [source, python_then_history, rust, c_build, go, npm_project, data, opencode]
    if only:
        steps = [s for s in steps if s.__name__ in only.split(",")]
    cm.capture_round(__doc__, lambda: None, lambda: steps, ID_PREFIX, DEFAULT_OUT, TMP,
                     bands=(3_000, 10_000, 60_000))
    out = Path(sys.argv[sys.argv.index("--out") + 1]) if "--out" in sys.argv else DEFAULT_OUT
    drop_and_check(out)


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide800", sys.modules["__main__"])
    main()
