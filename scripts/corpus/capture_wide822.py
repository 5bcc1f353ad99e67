"""Capture round 822 of the compression corpus (issue #11's kinds on real projects, most of them as OpenCode's tools
hand them over, no new rules), with names from a cartwright (shafts, axles, tumbrils, drays, cartwrights):
chinese-calendar 1.11.0 (its PyPI sdist) with bugs put in (project draywell) under a seeded pytest suite written here,
ruff and mypy, and a chained traceback; a git history of its utils and solar-terms modules and the test file; the real
npm package date-easter 1.0.3 copied into a project (hubband) with bugs put in, under a node --test suite generated
here from the unbroken copy, and eslint; a C project (shaftjoint) and a Rust crate (axlepin) from round 291's
generators imported and renamed; a Go module (drayworks) from round 273's make_steps imported with this round's words;
CSV/sqlite tables of /usr/share/doc files, ps aux, an application log; ONE headless OpenCode run over the same material
(its bash, grep, glob, read, and one webfetch of chinese-calendar's README.md rendered by Python-Markdown). Every
kind's extractor is an earlier round's, imported (NEEDLES.md's "Round 822: no new rules"). Round 807's layout and item
list.

Tools: chinese-calendar 1.11.0 (PyPI sdist), date-easter 1.0.3 (npm), pytest 9.2.0, ruff 0.17.6, mypy 2.4.1,
markdown 3.11.3 (a venv under /dev/shm), eslint 10.16.0 with @eslint/js 10.0.1, node, gcc, GNU make, cargo/clippy,
go, sqlite3, git, and the pinned OpenCode (.tools/bin/opencode) driven by round 191's run_round.

Usage: /work/main/.venv/bin/python scripts/corpus/capture_wide822.py [--out FILE]   (W822_ONLY=step,step to run some)
Writes: scripts/corpus/data/wide822.json, ids prefixed "wide822-"."""

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
import capture_wide800 as w800  # noqa: E402
import capture_wide807 as w807  # noqa: E402

ID_PREFIX = "wide822-"
DEFAULT_OUT = HERE / "data" / "wide822.json"
TMP = Path("/dev/shm/hm-corpus-wide822-run")  # the material (emptied at the start and removed at the end)
HIST = TMP / "hist-src"  # the unbroken copy, packed for capture_material.history
TOOLS = Path("/dev/shm/hm-corpus-wide822")  # what is installed
SRC = TOOLS / "src"  # chinese_calendar-1.11.0.tar.gz, its PyPI sdist
VENV = TOOLS / "venv"
JS = TOOLS / "js"  # eslint, @eslint/js, date-easter
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
SEED = 82200
SV = "chinese_calendar-1.11.0"
UTILS = "chinese_calendar/utils.py"
TERMS = "chinese_calendar/solar_terms.py"
TESTS = "tests/test_draywell.py"
GIT_ENV, MYPY, PYTEST = w624.GIT_ENV, w624.MYPY, w624.PYTEST
PEOPLE = [("Ebenezer Dray", "ebenezer@example.org"), ("Tryphena Shaft", "tryphena@example.org"),
          ("Ebenezer Dray", "ebenezer@example.org"), ("Amos Linch", "amos@example.org"),
          ("Zillah Axle", "zillah@example.org")]
BUGS = [(UTILS, "return bool(date in workdays.keys() or (weekday <= 4 and date not in holidays.keys()))",
         "return bool(date in workdays.keys() or (weekday < 4 and date not in holidays.keys()))"),
        (UTILS, "if not (min_year <= date.year <= max_year):", "if not (min_year <= date.year < max_year):"),
        (UTILS, "L = int(Y / 4)", "L = int(Y / 5)")]

# Writes tests/test_draywell.py, run in a child process against the UNBROKEN package (PYTHONPATH=.).
GEN = r"""import datetime
import random

from chinese_calendar import (find_workday, get_holiday_detail, get_solar_terms, get_workdays, is_holiday,
                              is_in_lieu, is_workday)

r = random.Random(82200)
WHO = ["ebenezer", "tryphena", "amos", "zillah", "barnabas", "keziah", "josiah", "damaris"]
WARES = ["drays", "tumbrils", "shafts", "axles", "carts", "hubs", "spokes", "linchpins"]


def day(r, lo=2004, hi=2026):
    y = r.choice([r.randint(lo, hi), 2024, 2025, 2026]) if hi == 2026 else r.randint(lo, hi)
    return datetime.date(y, 1, 1) + datetime.timedelta(days=r.randint(0, 364))


out = ["import datetime", "",
       "from chinese_calendar import (find_workday, get_holiday_detail, get_solar_terms, get_workdays, is_holiday,",
       "                              is_in_lieu, is_workday)", ""]
k = 0
while k < 240:
    pick = r.random()
    d = day(r)
    if pick < 0.25:
        call = f"is_workday({d!r})"
    elif pick < 0.35:
        call = f"is_holiday({d!r})"
    elif pick < 0.42:
        call = f"is_in_lieu({d!r})"
    elif pick < 0.55:
        call = f"get_holiday_detail({d!r})"
    elif pick < 0.67:
        call = f"len(get_workdays({d!r}, {d + datetime.timedelta(days=r.randint(3, 40))!r}))"
    elif pick < 0.77:
        call = f"find_workday({r.randint(-6, 9)}, {d!r})"
    else:
        y, m = r.randint(1950, 2099), r.randint(1, 12)
        call = f"get_solar_terms(datetime.date({y}, {m}, 1), datetime.date({y}, {m}, 28))"
    try:
        want = eval(call)
    except Exception:
        continue
    k += 1
    out.append(f"def test_{r.choice(WARES)}_{k:03d}_{r.choice(WHO)}():\n"
               f"    assert {call} == {want!r}\n")
open("tests/test_draywell.py", "w").write("\n\n".join(out) + "\n")
"""


def gen_tests(gp: Path) -> None:
    """tests/test_draywell.py: seeded delivery days, each expectation from the UNBROKEN package (a child process)."""
    (gp / "tests").mkdir(exist_ok=True)
    (gp / "gen_tests.py").write_text(GEN)
    run(f"{VENV}/bin/python gen_tests.py && rm gen_tests.py", cwd=gp, env={"PYTHONPATH": str(gp)})
    assert (gp / TESTS).exists(), "test_draywell.py not written"


# Plain working weeks (Monday-Friday, no holiday and no moved working day in them) of 2024 and 2025.
WEEKS = ["2024-03-11", "2024-06-17", "2024-11-18", "2025-03-10", "2025-06-16", "2025-11-17"]
SCRIPT = r"""import datetime
import random

from chinese_calendar import get_workdays, is_workday


class DrayTallyError(Exception):
    pass


WEEKS = [datetime.date.fromisoformat(w) for w in %r]
DRAYS = ["brewer's dray", "coal dray", "tumbril", "hay cart", "tip cart", "timber drag", "float", "market cart"]
r = random.Random(82200)
BOOKS = []
for who in ["Ebenezer Dray", "Tryphena Shaft", "Amos Linch", "Zillah Axle"]:
    rows = [(r.choice(DRAYS), r.choice(WEEKS) + datetime.timedelta(days=r.randint(0, 3))) for _ in range(4)]
    rows.append((r.choice(DRAYS), r.choice(WEEKS) + datetime.timedelta(days=4)))
    BOOKS.append({"who": who, "rows": rows})


def check(book):
    try:
        for n, (dray, when) in enumerate(book["rows"]):
            monday = when - datetime.timedelta(days=when.weekday())
            week = len(get_workdays(monday, monday + datetime.timedelta(days=4)))
            if not is_workday(when) or week != 5:
                raise ValueError(f"row {n}: the {dray} booked for {when:%%A %%Y-%%m-%%d} is a working day in the "
                                 f"book, the calendar says {'a working' if is_workday(when) else 'a rest'} day "
                                 f"({week} working days that week)")
        return len(book["rows"])
    except ValueError as exc:
        raise DrayTallyError(f"dray tally: {book['who']}'s delivery book read off the cart shed "
                             f"({len(BOOKS)} cartwrights' books)") from exc


print(f"cartwright: {len(BOOKS)} cartwrights' delivery books to check")
for book in BOOKS:
    print(book["who"], "->", check(book))
""" % WEEKS


def source(tmp: Path) -> None:
    cm.download_sdists(SRC, "chinese_calendar-*.tar.gz", ["chinese-calendar==1.11.0"])
    cm.install_venv(VENV, "markdown_py", ["pytest==9.2.0", "ruff==0.17.6", "mypy==2.4.1", "markdown==3.11.3"])
    cm.install_npm(JS, "date-easter", ["eslint@10.16.0", "@eslint/js@10.0.1", "date-easter@1.0.3"])
    for need in (SRC / f"{SV}.tar.gz", VENV / "bin/mypy", VENV / "bin/markdown_py",
                 JS / "node_modules/date-easter/src/index.js", JS / "node_modules/.bin/eslint"):
        assert need.exists(), f"material step failed: {need}"
    if str(VENV / "bin") not in cm.PATH_PREFIX:
        cm.PATH_PREFIX.insert(0, str(VENV / "bin"))


def python(tmp: Path) -> None:
    run(f"tar --no-same-owner -xzf {SRC}/{SV}.tar.gz && mv {SV} draywell && rm -rf draywell/tests", cwd=tmp)
    gp = tmp / "draywell"
    assert (gp / UTILS).exists(), "chinese_calendar not unpacked"
    gen_tests(gp)
    run(f"rm -rf {HIST} && mkdir -p {HIST} && cp -r draywell {HIST}/{SV} && cd {HIST} && "
        f"tar czf {SV}.tar.gz {SV} && rm -rf {SV}", cwd=tmp)
    put_bugs(gp, BUGS)
    env = {"PYTHONPATH": str(gp), "MYPYPATH": str(gp)}
    cap("pytest-chinese-calendar-draywell-v-tbshort", f"{PYTEST} -p no:cacheprovider -v --tb=short tests 2>&1 | "
        "tail -n 1200", gp, n_pytest, env=env, timeout=600)
    chain("chain-chinese-calendar-pytest-q-exit", "chain-test-exit", "test",
          [Part(f"{PYTEST} -p no:cacheprovider -q --tb=line tests 2>&1 | tail -n 400", n_pytest),
           Part("echo EXIT=$?", n_status_echo, ";")], gp, env=env, timeout=600)
    cap("ruff-full-chinese-calendar-tests", "ruff check --no-cache --isolated --select E,F,W,B,UP,SIM,PL,ANN,D "
        "--output-format=full chinese_calendar/utils.py chinese_calendar/solar_terms.py tests 2>&1 | head -n 1400",
        gp, n_ruff, timeout=300)
    cap("mypy-strict-chinese-calendar-utils", f"{MYPY} {UTILS} tests 2>&1 | tail -n 400", gp, n_mypy, env=env,
        timeout=300)
    (gp / "dray_tally.py").write_text(SCRIPT)
    cap("python-chained-traceback-dray-tally", "python3 dray_tally.py", gp, n_chained, env=env)


def git_history(tmp: Path) -> None:
    repo = history(tmp, HIST, "shaft", SV, [UTILS, TERMS, TESTS], PEOPLE, SEED, 30, BUGS)
    cap("git-log-p-chinese-calendar-head-1200", "git log -p | head -n 1200", repo, n_log_p, env=GIT_ENV)
    cap("git-log-p-stat-chinese-calendar-head-2400", "git log -p --stat | head -n 2400", repo, n_log_p, env=GIT_ENV)


WHO = ["Ebenezer", "Tryphena", "Amos", "Zillah", "Barnabas", "Keziah", "Josiah", "Damaris"]
LOG_MSGS = {
    "INFO": lambda r: f"dray {r.randint(100, 999)} for {r.choice(WHO)}: {r.randint(2, 40)} spokes fitted to "
                      f"{r.choice(['near hub', 'off hub', 'tumbril wheel', 'dray wheel', 'hay cart wheel'])}, "
                      f"felloe {r.randint(1, 6)} of {r.randint(6, 8)}",
    "DEBUG": lambda r: f"shafts {r.choice(['steamed', 'bent', 'planed', 'ironed'])} {r.randint(10, 60)} "
                       f"min for {r.choice(['shaftjoint', 'axlepin', 'drayworks'])}, batch "
                       f"{r.randint(100, 999)}, {r.randint(3, 9)} axles greased",
    "WARNING": lambda r: f"dish {r.randint(1, 40)} mm out at spoke {r.randint(2, 14)} on "
                         f"{r.choice(['Wheel Pit', 'Tyring Platform', 'Saw Pit'])}, {r.randint(1, 6)} "
                         f"wedges driven",
    "ERROR": lambda r: f"axle {r.randint(1, 8)} sprung at arm {r.randint(2, 32)}, {r.randint(1, 9)} "
                       f"{r.choice(['linchpins', 'spokes', 'felloes', 'shaft irons'])} lost (tally "
                       f"{r.randint(1, 60)})",
}
DIRS = ("/usr/share/doc/autotools-dev", "/usr/share/doc/cmake-data", "/usr/share/doc/debconf",
        "/usr/share/doc/debsums", "/usr/share/doc/diffstat", "/usr/share/doc/distro-info-data",
        "/usr/share/doc/fontconfig-config")
assert not set(DIRS) & (set(w712.DIRS) | set(w720.DIRS) | set(w728.DIRS) | set(w736.DIRS) | set(w744.DIRS)
                        | set(w765.DIRS) | set(w785.DIRS) | set(w800.DIRS) | set(w807.DIRS)), "earlier doc dirs"


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
    with open(d / "cartshed.csv", "w", newline="") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(["path", "kind", "name", "bytes", "links", "modified"])
        w.writerows(rows)
    run("sqlite3 cartshed.db '.mode csv' '.import cartshed.csv parts'", cwd=d)
    assert (d / "cartshed.db").exists(), "sqlite import"
    cap("ls-laR-doc-dirs-autotools-fontconfig", "ls -laR " + " ".join(d_ for d_ in DIRS if Path(d_).exists()), d,
        n_ls_lR)
    cap("sqlite-column-cartshed-kinds", "sqlite3 -header -column cartshed.db \"SELECT kind, COUNT(*) AS "
        "files, SUM(CAST(bytes AS INT)) AS bytes, MAX(modified) AS newest FROM parts GROUP BY kind ORDER BY files "
        "DESC\"", d, n_sqlite_col)
    app_log(d / "cartshed.log", 82204, 1500, ["cartshed.shaft", "cartshed.axle", "cartshed.dray", "cartshed.wheel"],
            LOG_MSGS, 8200, "2026-12-04")
    cap("app-log-cartshed-tail-600", "tail -n 600 cartshed.log", d, n_app_log)
    chain("chain-log-grep-error-cartshed", "chain-log", "logs",
          [Part("grep -E ' (WARNING|ERROR) ' cartshed.log | head -n 240", n_app_log),
           Part("grep -c ERROR cartshed.log", None, ";")], d)


C_NEW = ("SHAFTJOINT_H", "shaftjoint", "axle_t", "axles", "joint_t", "joint_weight", "joint_find",
         "ash_permille", "oak_g", "timber", "fittings", "ash_count_", "_dray", '"dray ', "joint")
C_RENAMES = tuple((old, new) for (old, _), new in zip(w624.C_RENAMES, C_NEW, strict=True))
RS_NEW = ("axlepin", "0.8.22", "Axle pin: camber from hub bore, shaft load and a ranking of "
          "axles.", "camber_n", "shaft_load", "hub_um", "pin_um", "axle_count", "shaft_", "shaft ",
          "camber not on", "yard limit", "axles", "odd_")
RS_RENAMES = tuple((old, new) for (old, _), new in zip(w624.RS_RENAMES, RS_NEW, strict=True))


def c_build(tmp: Path) -> None:
    root = tmp / "shaftjoint"
    rnd = random.Random(82202)
    files = {"src/shaftjoint.h": renamed(base.GATE_H, C_RENAMES),
             "src/jointframe.c": renamed(base.GATE_C, C_RENAMES)}
    for k in range(30):
        files[f"src/ash_{k:02d}.c"] = renamed(base.gen_c(k, rnd), C_RENAMES)
    objs = " ".join(f"build/{Path(p).stem}.o" for p in files if p.endswith(".c"))
    files["Makefile"] = ("CC=gcc\nCFLAGS=-Wall -Wextra -O1 -Isrc\nOBJS=" + objs + "\n\nall: shaftjoint\n\n"
                         "shaftjoint: $(OBJS)\n\t$(CC) -o $@ $(OBJS)\n\nbuild/%.o: src/%.c src/shaftjoint.h\n"
                         "\t@mkdir -p build\n\t$(CC) $(CFLAGS) -c $< -o $@\n\nclean:\n\trm -rf build shaftjoint\n")
    write_tree(root, files)
    chain("chain-make-k-shaftjoint-exit", "chain-build-exit", "build",
          [Part("make -k -j1 2>&1 | tail -n 400", n_make), Part("echo EXIT=$?", n_status_echo, ";")], root,
          timeout=600)
    cap("gcc-syntax-shaftjoint-ash", "gcc -Wall -Wextra -fsyntax-only -Isrc src/jointframe.c "
        "src/ash_1[0-9].c", root, n_gcc, timeout=300)
    run("rm -rf build shaftjoint", cwd=root)


def rust(tmp: Path) -> None:
    root = tmp / "axlepin"
    rnd = random.Random(82203)
    broken = renamed(base.BROKEN, RS_RENAMES)
    write_tree(root, {"Cargo.toml": renamed(base.CARGO, RS_RENAMES), "src/lib.rs": renamed(base.LIB, RS_RENAMES),
                      "src/broken.rs": broken, "src/runs.rs": renamed(base.gen_runs(rnd, 120), RS_RENAMES)})
    env = {"CARGO_TARGET_DIR": str(tmp / "axlepin-target"), "CARGO_TERM_COLOR": "never",
           "CARGO_BUILD_JOBS": "1"}
    cap("cargo-build-errors-axlepin", "cargo build 2>&1", root, n_cargo_build, env=env, timeout=600)
    for line in ("    let label: String = idx.len();\n", "    idx.push(axle_count);\n"):
        assert line in broken, line
        broken = broken.replace(line, "")
    (root / "src/broken.rs").write_text(broken)
    cap("cargo-test-axlepin-tail", "cargo test 2>&1 | grep -v '^test .* ok$' | tail -n 400", root,
        n_cargo_test, env=env, timeout=600)


GO_NEW = ("drayworks", "draycount", "cartshed host", "axles left, days", "nothing left to shoe",
          "shoeing order", "ash grade", "Dray", "dray", "Axle", "axle", "Shed", "shed", "Spokes", "spokes")
GO_RENAMES = tuple((old, new) for (old, _), new in zip(w624.GO_RENAMES, GO_NEW, strict=True))
BENCHES = ["Wheel Pit", "Tyring Platform", "Saw Pit", "Shaft Rack", "Axle Bench", "Spoke Loft",
           "Hub Lathe", "Paint Shop", "Ash Stack", "Tally Board", "Yard Gate", "Bench Nine"]
GO_STEP = g273.make_steps(cap, "drayworks", "draycount", 82201, BENCHES, GO_RENAMES)[0]


def go(tmp: Path) -> None:
    GO_STEP(tmp)
    (tmp / "drayworks" / "restock.go").unlink(missing_ok=True)


DED = "src/de"
DE_BUGS = [("index.js", "const r = Math.floor((d + a / 11) / 29)", "const r = Math.floor((d + a / 11) / 30)"),
           ("index.js", "const daysPerMonth = [0, 31, 28, 31, 30, 31, 30, 31, 31]",
            "const daysPerMonth = [0, 31, 28, 30, 30, 31, 30, 31, 31]"),
           ("index.js", "os = os + Math.floor(year / 100) - Math.floor(year / 400) - 2",
            "os = os + Math.floor(year / 100) - Math.floor(year / 400) - 3")]

# Writes spec/de.test.mjs: the cartwright's seeded Easters, each expectation from the UNBROKEN copy.
DE_GEN = r"""
import fs from 'node:fs';
import * as de from './src/de/index.js';
let seed = 82206;
const rnd = () => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed / 2147483648; };
const pick = (xs) => xs[Math.floor(rnd() * xs.length)];
const WHO = ['Ebenezer', 'Tryphena', 'Amos', 'Zillah', 'Barnabas', 'Keziah', 'Josiah', 'Damaris'];
const JOBS = ['dray fair', 'tumbril sale', 'shaft order', 'axle setting', 'hub boring', 'tyring day', 'spoke count', 'cart blessing'];
const J = JSON.stringify;
const year = () => 1583 + Math.floor(rnd() * 717);
const out = ["import {test} from 'node:test';", "import assert from 'node:assert/strict';",
  "import * as de from '../src/de/index.js';", ''];
for (let n = 1; n <= 200; n++) {
  const r = rnd();
  const fn = pick(['easter', 'gregorianEaster', 'julianEaster', 'orthodoxEaster']);
  let call;
  if (r < 0.45) { call = `String(de.${fn}(${year()}))`; }
  else if (r < 0.6) { call = `de.${fn}(${J(String(year()))}).toString()`; }
  else if (r < 0.8) { call = `({...de.${fn}(${year()})})`; }
  else if (r < 0.9) { call = `de.${fn}(new Date(${year()}, ${Math.floor(rnd() * 12)}, 15)).day`; }
  else { call = `de.default.${fn}(${year()}).month`; }
  const want = new Function('de', `return ${call};`)(de);
  out.push(`test(${J(`${pick(WHO)}'s ${pick(JOBS)} ${n}`)}, () => {\n  assert.deepEqual(${call}, ${want === undefined ? 'undefined' : J(want)});\n});`);
}
fs.writeFileSync('spec/de.test.mjs', out.join('\n') + '\n');
"""


def npm_project(tmp: Path) -> None:
    root = tmp / "hubband"
    for d in (DED, "spec"):
        (root / d).mkdir(parents=True, exist_ok=True)
    run(f"ln -s {JS / 'node_modules'} node_modules", cwd=root)
    write_tree(root, {"package.json": json.dumps({"name": "hubband", "version": "0.8.22", "type": "module",
                                                  "scripts": {"test": "node --test spec/"}}, indent=2) + "\n",
                      "gen.mjs": DE_GEN, "eslint.config.js": m290.ESLINT_CONFIG})
    pkg = JS / "node_modules/date-easter"
    run(f"cp {pkg}/src/index.js {DED}/", cwd=root)  # ESM; the project's package.json says "type": "module"
    assert (root / DED / "index.js").exists(), "date-easter not copied"
    run("node gen.mjs && rm gen.mjs", cwd=root)
    assert (root / "spec/de.test.mjs").exists(), "de.test.mjs not written"
    put_bugs(root / DED, DE_BUGS)
    env = {"PATH": f"{JS}/node_modules/.bin:/usr/bin:/bin"}
    cap("node-test-de-hubband-tail-1700", "node --test spec/ 2>&1 | tail -n 1700", root, n_node_test,
        env=env, timeout=300)
    cap("node-test-de-hubband-tail-2600", "node --test spec/ 2>&1 | tail -n 2600", root, n_node_test,
        env=env, timeout=300)
    chain("chain-node-test-grep-exit-hubband", "chain-test-exit", "test",
          [Part("node --test spec/ 2>&1 | grep -E '^not ok|^# (tests|pass|fail)'", n_node_test),
           Part("echo EXIT=$?", n_status_echo, ";")], root, env=env, timeout=300)
    cap("eslint-de-hubband", "npx eslint src spec 2>&1 | head -n 700", root, n_eslint, env=env,
        timeout=300)


def specs(root: Path, env: dict) -> list:
    from capture_opencode import Spec
    from capture_wide15_langs import n_clippy, n_go_test
    from capture_wide15_oc import oc_ext
    from capture_wide191_oc import B, C
    go_env = "GOFLAGS=-mod=mod GOPROXY=off GOTOOLCHAIN=local"
    S: list = [
        B("oc-bash-pytest-rA-tail-chinese-calendar", n_pytest,
          f"cd draywell && PYTHONPATH=. {PYTEST} -p no:cacheprovider -rA --tb=short tests 2>&1 | tail -n 380"),
        B("oc-bash-ruff-full-chinese-calendar", n_ruff,
          f"ruff check --no-cache --isolated --select ALL --output-format=full draywell/{UTILS} "
          f"draywell/{TERMS} draywell/dray_tally.py 2>&1 | head -n 900"),
        B("oc-bash-git-blame-chinese-calendar", n_blame, f"cd draywell-git && git blame -w {UTILS}"),
        B("oc-bash-git-show-chinese-calendar-part", n_show, "cd draywell-git && git show HEAD~3"),
        B("oc-bash-git-log-p-chinese-calendar-reverse", n_log_p,
          "cd draywell-git && git log -p --reverse | head -n 900"),
        B("oc-bash-make-k-shaftjoint", n_make, "make -C shaftjoint -k -B 2>&1 | tail -n 300"),
        B("oc-bash-cargo-test-axlepin", n_cargo_test, "cd axlepin && cargo test 2>&1 | tail -n 450"),
        B("oc-bash-cargo-clippy-axlepin", n_clippy, "cd axlepin && cargo clippy 2>&1 | tail -n 450"),
        B("oc-bash-go-test-v-drayworks", n_go_test,
          f"cd drayworks && {go_env} go test -v ./... 2>&1 | tail -n 350"),
        # the sandbox's own processes (lines holding binary_backend) are filtered out by the command itself
        B("oc-bash-ps-aux-cpu-head-130", n_ps_aux,
          "ps auxww --sort=-pcpu | grep -v binary_backend | head -n 130 | cut -c1-300"),
        B("oc-bash-sqlite-cartshed-largest", n_sqlite_col,
          "sqlite3 -header -column cartshed.db \"SELECT kind, path, CAST(bytes AS INT) AS bytes, modified "
          "FROM parts ORDER BY CAST(bytes AS INT) DESC LIMIT 200\""),
        B("oc-bash-csv-sort-cartshed", n_csv,
          "(head -n 1 cartshed.csv; tail -n +2 cartshed.csv | sort -t, -k4 -n | tail -n 400)"),
        B("oc-bash-log-grep-axle-cartshed", n_app_log,
          "grep -E 'felloe [1-6] of|axle [0-9] sprung' cartshed.log | head -n 400"),
        B("oc-bash-eslint-hubband", n_eslint, "cd hubband && npx eslint src spec 2>&1 | head -n 900"),
    ]
    S.append(C("oc-bash-chain-mypy-strict-chinese-calendar", "chain-lint", "lint",
               [Part("cd draywell", None), Part(f"MYPYPATH=. {MYPY} --pretty {UTILS} dray_tally.py "
                                                "2>&1 | tail -n 300", n_mypy, "&&")],
               root, env, "Type-check chinese_calendar's utils"))
    S.append(C("oc-bash-chain-git-status-diff-chinese-calendar", "chain-git-status-diff", "git",
               [Part("cd draywell-git", None), Part("git status", n_status, "&&"), Part("git diff", n_diff, "&&")],
               root, env, "Show the working tree changes"))
    S.append(C("oc-bash-chain-node-test-exit-hubband", "chain-test-exit", "test",
               [Part("cd hubband", None), Part("node --test spec/ 2>&1 | tail -n 450", n_node_test, "&&"),
                Part("echo EXIT=$?", n_status_echo, ";")], root, env, "Test hubband"))
    S.append(C("oc-bash-chain-go-test-tail-exit-drayworks", "chain-test-exit", "test",
               [Part("cd drayworks", None), Part(f"{go_env} go test ./... 2>&1 | tail -n 80", n_go_test, "&&"),
                Part("echo EXIT=$?", n_status_echo, ";")], root, env, "Test drayworks"))
    O = [
        Spec("oc-grep-chinese-calendar-workday", "oc-grep", "search", "grep",
             {"pattern": r"is_workday|SOLAR_TERMS_C_NUMS|L = int\(", "path": "draywell/chinese_calendar",
              "include": "*.py"}),
        Spec("oc-glob-shaftjoint-c", "oc-glob", "listing", "glob",
             {"pattern": "**/*.[ch]", "path": "shaftjoint"}),
        Spec("oc-read-py-draywell-tests", "oc-read-source", "code", "read",
             {"filePath": f"{root}/draywell/{TESTS}"}, "python"),
        Spec("oc-webfetch-md-chinese-calendar-readme", "oc-webfetch-markdown", "doc", "webfetch",
             {"url": "{BASE}/doc/chinese-calendar.html", "format": "markdown"}, source="doc/chinese-calendar.html"),
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
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 28822), handler)
    threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.1}, daemon=True).start()
    return server


def opencode(tmp: Path) -> None:
    import functools
    import capture_opencode as oco
    from capture_wide191_oc import run_round
    orig = oco.start_doc_server, oco.StubServer
    oco.start_doc_server = _doc_server
    oco.StubServer = functools.partial(orig[1], port=38822)
    docs = tmp / "docs"
    docs.mkdir(exist_ok=True)
    # chinese-calendar's own README.md rendered to HTML by Python-Markdown, served for the webfetch item
    run(f"(echo '<!DOCTYPE html><html><head><title>chinese-calendar</title></head><body>'; "
        f"{VENV}/bin/markdown_py -x extra {tmp}/draywell/README.md; echo '</body></html>') "
        f"> {docs}/chinese-calendar.html", cwd=tmp)
    try:
        run_round(tmp, f"cp -r {tmp}/draywell draywell && cp -r {tmp}/shaft-git draywell-git && "
                  f"cp -r {tmp}/shaftjoint shaftjoint && cp -r {tmp}/axlepin axlepin && "
                  f"cp -r {tmp}/drayworks drayworks && cp -a {tmp}/hubband hubband && "
                  f"cp {tmp}/data/cartshed.db {tmp}/data/cartshed.csv {tmp}/data/cartshed.log .",
                  "find . -name __pycache__ -prune -exec rm -rf {} + ; rm -rf shaftjoint/build "
                  "draywell/.mypy_cache draywell/.ruff_cache draywell/.pytest_cache",
                  {"doc": str(docs)}, str(VENV), str(JS), specs, add, seed=SEED)
    finally:
        oco.start_doc_server, oco.StubServer = orig


def python_then_history(tmp: Path) -> None:
    python(tmp)
    git_history(tmp)


def main() -> None:
    only = os.environ.get("W822_ONLY")
    steps = [source, python_then_history, rust, c_build, go, npm_project, data, opencode]
    if only:
        steps = [s for s in steps if s.__name__ in only.split(",")]
    cm.capture_round(__doc__, lambda: None, lambda: steps, ID_PREFIX, DEFAULT_OUT, TMP,
                     bands=(3_000, 10_000, 60_000))
    out = Path(sys.argv[sys.argv.index("--out") + 1]) if "--out" in sys.argv else DEFAULT_OUT
    drop_and_check(out)


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide822", sys.modules["__main__"])
    main()
