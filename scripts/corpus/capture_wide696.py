"""Capture round 696 of the compression corpus (issue #11's kinds on real projects, most of them as OpenCode's tools
hand them over, no new rules), with names from a mezzotint engraver's shop (burins, rockers, plates, proofs,
engravers): fiscalyear 0.4.0 (its PyPI sdist) with bugs put in (project burinbench) under a pytest suite written here
from the unbroken package, ruff and mypy, and a chained traceback; a git history of its module and the suite; the real
npm package alphanum-sort 1.1.0 copied into a project (platepress) with bugs put in, under a node --test suite
generated here from the unbroken copy, and eslint; a C project (mezzowell) and a Rust crate (drypoint) from round
291's generators imported and renamed; a Go module (aquatintyard) from round 273's make_steps imported with this
round's words; a JavaScript project (intagliorack) from round 290's module and generator imported and renamed;
CSV/sqlite tables of /usr/share/doc files, ps aux, an application log, valgrind's manual-core-adv.html on loopback;
ONE headless OpenCode run over the same material (its bash, grep, glob, read, webfetch). Every kind's extractor is an
earlier round's, imported (NEEDLES.md's "Round 696: no new rules"). The glue follows round 688's layout
(capture_wide688.py); material, words, seeds and ports are this round's."""

from __future__ import annotations

import csv
import json
import os
import random
import signal
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402
import capture_wide9b as w9b  # noqa: E402

ID_PREFIX = "wide696-"
DEFAULT_OUT = HERE / "data" / "wide696.json"
TMP = Path("/dev/shm/hm-corpus-wide696")
SRC = Path("/dev/shm/hm-corpus-wide696-src")  # fiscalyear-0.4.0.tar.gz, its PyPI sdist
HIST = Path("/dev/shm/hm-corpus-wide696-hist")  # the sdist with the suite written here, for the git history
VENV = Path("/dev/shm/hm-corpus-wide696-venv")  # the round's own tools: pytest, ruff, mypy
JS = Path("/dev/shm/hm-corpus-wide696-js")  # the round's own npm project: eslint, @eslint/js, typescript, alphanum-sort
_SIZED = cm.Sized(400, 120_000)
add, cap = _SIZED.add, _SIZED.cap

import capture_wide273_go as g273  # noqa: E402
import capture_wide290_mat as m290  # noqa: E402
import capture_wide291_native as base  # noqa: E402
import capture_wide299_mat as m299  # noqa: E402
import capture_wide624 as w624  # noqa: E402
from capture_material import app_log, history, put_bugs  # noqa: E402
from capture_more import n_app_log, run, write_tree  # noqa: E402
from capture_wide import n_chained  # noqa: E402
from capture_wide9b import Part, chain, n_status_echo  # noqa: E402
from capture_wide11_files import n_html  # noqa: E402
from capture_wide15_data import n_csv, n_ls_lR, n_ps_aux, n_sqlite_col  # noqa: E402
from capture_wide15_diag import n_mypy, n_pytest, n_ruff  # noqa: E402
from capture_wide15_js import n_eslint, n_node_test, n_tsc  # noqa: E402
from capture_wide15_langs import n_cargo_build, n_cargo_test, n_clippy, n_gcc, n_make  # noqa: E402
from capture_wide15_oc import n_blame, n_diff, n_log_p, n_show, n_status  # noqa: E402
from capture_wide273_go import renamed  # noqa: E402
from capture_wide454 import drop_and_check  # noqa: E402

w9b.TMP = TMP  # importing earlier rounds' modules sets round 9b's chain state dir to theirs
SEED = 69610
SV = "fiscalyear-0.4.0"
MOD = "fiscalyear.py"
SUITE = "tests/test_proof_quarters.py"
GIT_ENV, MYPY, PYTEST = w624.GIT_ENV, w624.MYPY, w624.PYTEST
PEOPLE = [("Abel Burin", "abel@example.org"), ("Bridget Rocker", "bridget@example.org"),
          ("Abel Burin", "abel@example.org"), ("Caleb Scraper", "caleb@example.org"),
          ("Dinah Plate", "dinah@example.org")]
BUGS = [(MOD, "        if month < START_MONTH:\n", "        if month <= START_MONTH:\n"),
        (MOD, "        month_is_on_or_after_start_month = calendar_month >= START_MONTH\n",
         "        month_is_on_or_after_start_month = calendar_month > START_MONTH\n"),
        (MOD, "        return delta.days + 1\n", "        return delta.days\n")]

# Writes tests/proof_calls.json from the UNBROKEN package (run before the bugs go in).
GEN = r'''import json, random
import fiscalyear as fy

r = random.Random(69610)
calls = {"quarter": [], "month": [], "day": [], "date": [], "book": []}


def cal():
    return [r.choice(["previous", "same"]), r.randint(1, 12), r.choice([1, 1, 1, r.randint(2, 28)])]


for i in range(60):
    c, y, q = cal(), r.randint(1995, 2040), r.randint(1, 4)
    with fy.fiscal_calendar(*c):
        fq = fy.FiscalQuarter(y, q)
        want = [str(fq.start), str(fq.end)]
    calls["quarter"].append({"id": f"plate{i:02d}", "cal": c, "y": y, "q": q, "want": want})
for i in range(60):
    c, y, m = cal(), r.randint(1995, 2040), r.randint(1, 12)
    with fy.fiscal_calendar(*c):
        fm = fy.FiscalMonth(y, m)
        want = [str(fm.start), str(fm.end)]
    calls["month"].append({"id": f"rocker{i:02d}", "cal": c, "y": y, "m": m, "want": want})
for i in range(50):
    c, d = cal(), [r.randint(1995, 2040), r.randint(1, 12), r.randint(1, 28)]
    with fy.fiscal_calendar(*c):
        want = fy.FiscalDate(*d).fiscal_day
    calls["day"].append({"id": f"proof{i:02d}", "cal": c, "d": d, "want": want})
for i in range(40):
    c, d = cal(), [r.randint(1995, 2040), r.randint(1, 12), r.randint(1, 28)]
    with fy.fiscal_calendar(*c):
        fd = fy.FiscalDate(*d)
        want = [fd.fiscal_year, fd.fiscal_quarter, fd.fiscal_month]
    calls["date"].append({"id": f"burin{i:02d}", "cal": c, "d": d, "want": want})
for who in ["Abel Burin", "Bridget Rocker", "Caleb Scraper", "Dinah Plate"]:
    days = [[r.randint(2019, 2026), r.randint(1, 12), r.randint(1, 28)] for _ in range(5)]
    calls["book"].append({"who": who, "days": days, "want": [fy.FiscalDate(*d).fiscal_day for d in days]})
json.dump(calls, open("tests/proof_calls.json", "w"), indent=1)
'''

SUITE_PY = '''import json
import pathlib

import pytest

from fiscalyear import FiscalDate, FiscalMonth, FiscalQuarter, fiscal_calendar

CALLS = json.loads(pathlib.Path(__file__).with_name("proof_calls.json").read_text())


def ids(kind):
    return [c["id"] for c in CALLS[kind]]


@pytest.mark.parametrize("call", CALLS["quarter"], ids=ids("quarter"))
def test_plate_quarter_bounds(call):
    with fiscal_calendar(*call["cal"]):
        fq = FiscalQuarter(call["y"], call["q"])
        got = [str(fq.start), str(fq.end)]
    assert got == call["want"]


@pytest.mark.parametrize("call", CALLS["month"], ids=ids("month"))
def test_rocker_month_bounds(call):
    with fiscal_calendar(*call["cal"]):
        fm = FiscalMonth(call["y"], call["m"])
        got = [str(fm.start), str(fm.end)]
    assert got == call["want"]


@pytest.mark.parametrize("call", CALLS["day"], ids=ids("day"))
def test_proof_fiscal_day(call):
    with fiscal_calendar(*call["cal"]):
        got = FiscalDate(*call["d"]).fiscal_day
    assert got == call["want"]


@pytest.mark.parametrize("call", CALLS["date"], ids=ids("date"))
def test_burin_date_place(call):
    with fiscal_calendar(*call["cal"]):
        fd = FiscalDate(*call["d"])
        got = [fd.fiscal_year, fd.fiscal_quarter, fd.fiscal_month]
    assert got == call["want"]
'''

SCRIPT = r"""import json

from fiscalyear import FiscalDate


class ProofPlateError(Exception):
    pass


BOOK = json.load(open("tests/proof_calls.json"))["book"]  # the proof book: each engraver's pulling days


def check(entry):
    try:
        for n, (day, want) in enumerate(zip(entry["days"], entry["want"])):
            got = FiscalDate(*day).fiscal_day
            if got != want:
                raise ValueError(f"proof {n}: pulled on fiscal day {got}, the proof book says {want}")
        return len(entry["days"])
    except ValueError as exc:
        raise ProofPlateError(f"pulling: {entry['who']}'s proofs read off the book "
                              f"({len(BOOK)} engravers in the book)") from exc


print(f"mezzotint shop: {len(BOOK)} engravers' proof days to check")
for entry in BOOK:
    print(entry["who"], "->", check(entry))
"""


def source(tmp: Path) -> None:
    cm.download_sdists(SRC, "fiscalyear-*.tar.gz", ["fiscalyear==0.4.0"])
    cm.install_venv(VENV, "mypy", ["pytest==9.2.0", "ruff==0.17.6", "mypy==2.4.1"])
    cm.install_npm(JS, "alphanum-sort", ["eslint@10.16.0", "@eslint/js@10.0.1", "typescript@7.0.2",
                                          "alphanum-sort@1.1.0"])
    if str(VENV / "bin") not in cm.PATH_PREFIX:
        cm.PATH_PREFIX.insert(0, str(VENV / "bin"))


def python(tmp: Path) -> None:
    run(f"tar --no-same-owner -xzf {SRC}/{SV}.tar.gz && mv {SV} burinbench && mkdir -p burinbench/tests", cwd=tmp)
    gp = tmp / "burinbench"
    (gp / "gen.py").write_text(GEN)
    (gp / SUITE).write_text(SUITE_PY)
    run("PYTHONPATH=. python3 gen.py && rm gen.py", cwd=gp)  # expectations from the unbroken package
    run(f"rm -rf {HIST} && mkdir -p {HIST} && cp -r burinbench {HIST}/{SV} && cd {HIST} && find {SV} -name "
        f"__pycache__ -prune -exec rm -rf {{}} + ; tar czf {SV}.tar.gz {SV} && rm -rf {SV}", cwd=tmp)
    put_bugs(gp, BUGS)
    env = {"PYTHONPATH": str(gp), "MYPYPATH": str(gp)}
    cap("pytest-fiscalyear-burinbench-v-tbshort", f"{PYTEST} -v --tb=short {SUITE} 2>&1 | tail -n 1300", gp,
        n_pytest, env=env, timeout=300)
    chain("chain-fiscalyear-pytest-q-exit", "chain-test-exit", "test",
          [Part(f"{PYTEST} -q --tb=line {SUITE} 2>&1 | tail -n 400", n_pytest), Part("echo EXIT=$?", n_status_echo, ";")],
          gp, env=env, timeout=300)
    cap("mypy-strict-fiscalyear-module", f"{MYPY} {MOD} {SUITE} 2>&1 | tail -n 400", gp, n_mypy, env=env,
        timeout=300)
    (gp / "proof_check.py").write_text(SCRIPT)
    cap("python-chained-traceback-proof-check", "python3 proof_check.py", gp, n_chained, env=env)


def git_history(tmp: Path) -> None:
    repo = history(tmp, HIST, "fy", SV, [MOD, SUITE], PEOPLE, SEED, 30, BUGS)
    (repo / "NOTES.local").write_text("quarter year stepped at the start month; start month before itself; day short\n")
    cap("git-log-p-fiscalyear-head-1100", "git log -p | head -n 1100", repo, n_log_p, env=GIT_ENV)


LOG_MSGS = {
    "INFO": lambda r: f"plate {r.randint(100, 999)} for {r.choice(['Abel', 'Bridget', 'Caleb', 'Dinah'])}: "
                      f"{r.randint(2, 9)} {r.choice(['proofs', 'states', 'impressions'])} "
                      f"pulled, press {r.randint(1, 6)} at {r.randint(18, 30)} turns a minute",
    "DEBUG": lambda r: f"rocker {r.choice(['fine', 'medium', 'coarse'])} worked {r.randint(20, 120)} min "
                       f"over {r.choice(['copper plate', 'steel face', 'zinc plate'])}, batch {r.randint(100, 999)}, "
                       f"ground {r.randint(70, 99)} lines an inch",
    "WARNING": lambda r: f"plate {r.randint(1, 40)} burr worn at the edge, scrape {r.randint(2, 12)} mm at "
                         f"{r.choice(['Star Press', 'Rocker Bench', 'Wiping Slab'])}, "
                         f"{r.randint(1, 6)} proofs held",
    "ERROR": lambda r: f"press blanket {r.randint(1, 8)} creased at press {r.randint(2, 32)}, {r.randint(1, 9)} "
                       f"{r.choice(['proofs', 'plates', 'states', 'sheets'])} spoilt (tally {r.randint(1, 60)})",
}
DIRS = ("/usr/share/doc/libxslt1-dev", "/usr/share/doc/valgrind", "/usr/share/doc/util-linux",
        "/usr/share/doc/gnupg", "/usr/share/doc/nettle-dev", "/usr/share/doc/lsof", "/usr/share/doc/gdb")
PAGE_DIR = "/usr/share/doc/valgrind/html"
PAGE = "manual-core-adv.html"


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
    with open(d / "proofsheets.csv", "w", newline="") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(["path", "kind", "name", "bytes", "links", "modified"])
        w.writerows(rows)
    run("sqlite3 proofsheets.db '.mode csv' '.import proofsheets.csv sheets'", cwd=d)
    cap("ls-laR-doc-dirs-libxslt", "ls -laR " + " ".join(DIRS[2:]) + " /usr/share/doc/zlib1g-dev", d, n_ls_lR)
    app_log(d / "engravers.log", 69614, 1500, ["mezzo.shop", "mezzo.press", "mezzo.rocker", "mezzo.engravers"],
            LOG_MSGS, 6961, "2026-12-04")
    cap("app-log-engravers-tail-650", "tail -n 650 engravers.log", d, n_app_log)
    chain("chain-log-grep-error-engravers", "chain-log", "logs",
          [Part("grep -E ' (WARNING|ERROR) ' engravers.log | head -n 260", n_app_log),
           Part("grep -c ERROR engravers.log", None, ";")], d)
    srv = cm.start(f"cd {PAGE_DIR} && exec python3 -m http.server 18696 --bind 127.0.0.1")
    try:
        time.sleep(1.5)
        cap("curl-html-valgrind-core-adv", f"curl -s http://127.0.0.1:18696/{PAGE}", d, n_html)
    finally:
        os.killpg(srv.pid, signal.SIGTERM)


# round 291's words (round 624's left-hand sides), then this round's
C_NEW = ("MEZZOWELL_H", "mezzowell", "plate_t", "plates", "burin_t", "burin_weight", "burin_find",
         "plate_permille", "ink_g", "copper", "pulls", "plate_count_", "_press", '"press ', "burin")
C_RENAMES = tuple((old, new) for (old, _), new in zip(w624.C_RENAMES, C_NEW, strict=True))
RS_NEW = ("drypoint", "0.6.96", "Drypoint: pulls from ink weight, plate wear and a ranking of drypoint "
          "burrs.", "pull_n", "plate_wear", "ink_um", "burr_um", "proof_count", "plate_", "plate ",
          "pull not on", "press limit", "burrs", "odd_")
RS_RENAMES = tuple((old, new) for (old, _), new in zip(w624.RS_RENAMES, RS_NEW, strict=True))


def c_build(tmp: Path) -> None:
    root = tmp / "mezzowell"
    rnd = random.Random(69612)
    files = {"src/mezzowell.h": renamed(base.GATE_H, C_RENAMES),
             "src/plateframe.c": renamed(base.GATE_C, C_RENAMES)}
    for k in range(30):
        files[f"src/plate_{k:02d}.c"] = renamed(base.gen_c(k, rnd), C_RENAMES)
    objs = " ".join(f"build/{Path(p).stem}.o" for p in files if p.endswith(".c"))
    files["Makefile"] = ("CC=gcc\nCFLAGS=-Wall -Wextra -O1 -Isrc\nOBJS=" + objs + "\n\nall: mezzowell\n\n"
                         "mezzowell: $(OBJS)\n\t$(CC) -o $@ $(OBJS)\n\nbuild/%.o: src/%.c src/mezzowell.h\n"
                         "\t@mkdir -p build\n\t$(CC) $(CFLAGS) -c $< -o $@\n\nclean:\n\trm -rf build mezzowell\n")
    write_tree(root, files)
    chain("chain-make-k-mezzowell-exit", "chain-build-exit", "build",
          [Part("make -k -j1 2>&1 | tail -n 400", n_make), Part("echo EXIT=$?", n_status_echo, ";")], root,
          timeout=600)
    cap("gcc-syntax-mezzowell-plate", "gcc -Wall -Wextra -fsyntax-only -Isrc src/plateframe.c src/plate_1[0-9].c",
        root, n_gcc, timeout=300)
    run("rm -rf build mezzowell", cwd=root)


def rust(tmp: Path) -> None:
    root = tmp / "drypoint"
    rnd = random.Random(69613)
    broken = renamed(base.BROKEN, RS_RENAMES)
    write_tree(root, {"Cargo.toml": renamed(base.CARGO, RS_RENAMES), "src/lib.rs": renamed(base.LIB, RS_RENAMES),
                      "src/broken.rs": broken, "src/runs.rs": renamed(base.gen_runs(rnd, 120), RS_RENAMES)})
    env = {"CARGO_TARGET_DIR": str(tmp / "drypoint-target"), "CARGO_TERM_COLOR": "never", "CARGO_BUILD_JOBS": "1"}
    cap("cargo-build-errors-drypoint", "cargo build 2>&1", root, n_cargo_build, env=env, timeout=600)
    for line in ("    let label: String = idx.len();\n", "    idx.push(proof_count);\n"):
        assert line in broken, line
        broken = broken.replace(line, "")
    (root / "src/broken.rs").write_text(broken)
    cap("cargo-test-drypoint-tail", "cargo test 2>&1 | grep -v '^test .* ok$' | tail -n 400", root, n_cargo_test,
        env=env, timeout=600)


GO_NEW = ("aquatintyard", "proofcount", "press host", "plates left, days", "nothing left to pull",
          "pulling order", "tint grade", "Plate", "plate", "Ink", "ink", "Press", "press", "Proofs", "proofs")
GO_RENAMES = tuple((old, new) for (old, _), new in zip(w624.GO_RENAMES, GO_NEW, strict=True))
BENCHES = ["Star Press", "Rocker Bench", "Wiping Slab", "Scraper Bench", "Plate Shelf", "Drying Rack",
           "Roller Press", "Copper Rack", "North Loft", "Proof Board", "Shop Door", "Press Seven"]
GO_STEP = g273.make_steps(cap, "aquatintyard", "proofcount", 69611, BENCHES, GO_RENAMES)[0]


def go(tmp: Path) -> None:
    GO_STEP(tmp)
    (tmp / "aquatintyard" / "restock.go").unlink(missing_ok=True)


MEZZO_WORDS = ["intagliorack", "intaglio sums for the intagliorack (ink lengths, pulling rates, plate charts)",
               "inkLength", "pullToMs", "tintBand", "plateLabel", "burrArea", "plateChart", "pullPlan",
               "No pull planned", "unknown tint type", "pale", "middle", "deep", "black",
               "`plate ${w + 1}", "seed = 69618",
               "'plate', 'INK', 'press', 'Burin', 'burr', 'rocker', 'Tint', 'scraper', 'wiper', 'BLOTTER', 'pulled',\n"
               "  'roller', 'blanket', 'Proof', 'felt', 'ground'",
               "'Abel', 'Bridget', 'Caleb', 'Dinah', 'Ezra', 'Fanny', 'Gideon', 'Honor', 'Ira', 'Jemima', "
               "'Keturah', 'Lemuel'"]
assert len(MEZZO_WORDS) == len(m299.WAGGLE_NAMES)
MEZZO_NAMES = [(old, new) for (old, _), new in zip(m299.WAGGLE_NAMES, MEZZO_WORDS)]


def mezzoed(text: str) -> str:
    for old, new in MEZZO_NAMES:
        text = text.replace(old, new)
    return text


IR_BUGS = [(mezzoed(rel), mezzoed(old), mezzoed(new)) for rel, old, new in m290.PA_BUGS]


def js_project(tmp: Path) -> None:
    root = tmp / "intagliorack"
    for d in ("lib", "spec"):
        (root / d).mkdir(parents=True, exist_ok=True)
    run(f"ln -s {JS / 'node_modules'} node_modules", cwd=root)
    fixtures = mezzoed(m290.FIXTURES)
    assert "69618" in fixtures and "STOPPER" not in fixtures and "Branwen" not in fixtures
    write_tree(root, {"package.json": json.dumps({"name": "intagliorack", "version": "6.9.6", "type": "module",
                                                  "scripts": {"test": "node --test spec/"}}, indent=2) + "\n",
                      "fixtures.mjs": fixtures, "eslint.config.js": m290.ESLINT_CONFIG,
                      "lib/pull-plan.js": mezzoed(m290.APP), "lib/intagliorack.js": mezzoed(m290.HAWSEHOLE),
                      "lib/package.json": json.dumps({"type": "commonjs"}) + "\n", "tsconfig.json": m290.TSCONFIG})
    run("node fixtures.mjs && rm fixtures.mjs", cwd=root)
    put_bugs(root / "lib", IR_BUGS)
    env = {"PATH": f"{JS}/node_modules/.bin:/usr/bin:/bin"}
    cap("node-test-intagliorack-tail-1600", "node --test spec/ 2>&1 | tail -n 1600", root, n_node_test, env=env,
        timeout=300)
    chain("chain-eslint-tsc-intagliorack", "chain-lint", "lint",
          [Part("npx eslint lib spec | head -n 300", n_eslint), Part("npx tsc --noEmit -p . | head -n 200", n_tsc, ";")],
          root, env=env, timeout=300)


AS_BUGS = [("compare.js", "\treturn code <= 32;\n", "\treturn code < 32;\n"),
           ("index.js", "converted: insensitive ? value.toLowerCase() : value",
            "converted: insensitive ? value : value.toLowerCase()"),
           ("compare.js", "\tif (ma < mb) {\n", "\tif (ma > mb) {\n")]

# Writes spec/alphanum.test.mjs: the shop's seeded proof drawers (plate and state labels to put in order), each
# expectation computed here from the UNBROKEN copy of alphanum-sort's lib/ in src/alphanum/, before it is broken.
AS_GEN = r"""
import fs from 'node:fs';
import sort from './src/alphanum/index.js';
let seed = 69616;
const rnd = () => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed / 2147483648; };
const pick = (xs) => xs[Math.floor(rnd() * xs.length)];
const int = (lo, hi) => lo + Math.floor(rnd() * (hi - lo + 1));
const ENGRAVERS = ['Abel', 'Bridget', 'Caleb', 'Dinah', 'Ezra', 'Fanny', 'Gideon', 'Honor'];
const WORDS = ['plate', 'Plate', 'proof', 'Proof', 'state', 'STATE', 'burin', 'Rocker', 'scraper', 'tint'];
const J = JSON.stringify;
const pad = (n) => (rnd() < 0.3 ? '0'.repeat(int(1, 2)) : '') + n;
const label = (kind) => {
  const w = pick(WORDS), n = pad(int(0, 120));
  if (kind === 'sign') return pick([`${pick(['-', '+', ''])}${int(0, 90)}`, `${w} ${pick(['-', '+'])}${int(0, 40)}`]);
  if (kind === 'space') return pick([` ${w}${n}`, `${w} ${n}`, `${w}  ${n}`, w, `${w} ${n} ${pick(WORDS)}`]);
  return pick([`${w} ${n}`, `${w}-${n}${pick(['', 'a', 'b', 'c'])}`, `${n}.${int(0, 9)}`, `${w}${n}`,
    `${w} ${n} state ${int(1, 6)}`]);
};
const drawer = (kind) => Array.from({length: int(5, 9)}, () => label(kind));
const out = ["import {test} from 'node:test';", "import assert from 'node:assert/strict';",
  "import sort from '../src/alphanum/index.js';", ''];
const t = (name, arr, opts) => {
  const want = sort(arr.slice(), opts && {...opts});
  const call = opts ? `sort(${J(arr)}, ${J(opts)})` : `sort(${J(arr)})`;
  out.push(`test(${J(name)}, () => {\n  assert.deepEqual(${call}, ${J(want)});\n});`);
};
for (let i = 0; i < 60; i++) t(`${pick(ENGRAVERS)}'s proof drawer ${i + 1}`, drawer('plain'));
for (let i = 0; i < 50; i++) t(`${pick(ENGRAVERS)}'s plate rack ${i + 1} (insensitive)`, drawer('plain'), {insensitive: true});
for (let i = 0; i < 40; i++) t(`${pick(ENGRAVERS)}'s ground levels ${i + 1} (sign)`, drawer('sign'), {sign: true});
for (let i = 0; i < 30; i++) t(`${pick(ENGRAVERS)}'s blotter stack ${i + 1}`, drawer('space'));
fs.writeFileSync('spec/alphanum.test.mjs', out.join('\n') + '\n');
"""


def npm_project(tmp: Path) -> None:
    root = tmp / "platepress"
    for d in ("src", "spec"):
        (root / d).mkdir(parents=True, exist_ok=True)
    run(f"ln -s {JS / 'node_modules'} node_modules", cwd=root)
    write_tree(root, {"package.json": json.dumps({"name": "platepress", "version": "0.6.96", "type": "module",
                                                  "scripts": {"test": "node --test spec/"}}, indent=2) + "\n",
                      "gen.mjs": AS_GEN, "eslint.config.js": m290.ESLINT_CONFIG,
                      "src/package.json": json.dumps({"type": "commonjs"}) + "\n"})
    run(f"mkdir -p src/alphanum && cp {JS}/node_modules/alphanum-sort/lib/index.js "
        f"{JS}/node_modules/alphanum-sort/lib/compare.js src/alphanum/", cwd=root)
    run("node gen.mjs && rm gen.mjs", cwd=root)  # expectations from the unbroken copy
    put_bugs(root / "src" / "alphanum", AS_BUGS)
    env = {"PATH": f"{JS}/node_modules/.bin:/usr/bin:/bin"}
    cap("node-test-alphanum-platepress-tail-1800", "node --test spec/ 2>&1 | tail -n 1800", root, n_node_test,
        env=env, timeout=300)
    chain("chain-node-test-grep-exit-platepress", "chain-test-exit", "test",
          [Part("node --test spec/ 2>&1 | grep -E '^not ok|^# (tests|pass|fail)'", n_node_test),
           Part("echo EXIT=$?", n_status_echo, ";")], root, env=env, timeout=300)
    cap("eslint-alphanum-platepress", "npx eslint src spec 2>&1 | head -n 700", root, n_eslint, env=env,
        timeout=300)


DOCS = {"doc": str(TMP.parent / "hm-corpus-wide696-docs")}


def specs(root: Path, env: dict) -> list:
    from capture_opencode import Spec
    from capture_wide15_langs import n_go_test
    from capture_wide15_oc import oc_ext
    from capture_wide191_oc import B, C
    S: list = [
        B("oc-bash-pytest-rA-tail-fiscalyear", n_pytest,
          f"cd burinbench && PYTHONPATH=. {PYTEST} -rA --tb=short {SUITE} 2>&1 | tail -n 400"),
        B("oc-bash-ruff-full-fiscalyear", n_ruff,
          f"ruff check --no-cache --isolated --select ALL --output-format=full burinbench/{MOD} "
          f"burinbench/{SUITE} burinbench/proof_check.py 2>&1 | head -n 900"),
        B("oc-bash-git-blame-fiscalyear", n_blame, f"cd burinbench-git && git blame -w {MOD} | sed -n 460,720p"),
        B("oc-bash-git-show-fiscalyear-part", n_show, "cd burinbench-git && git show ':/^fiscalyear: part 17 '"),
        B("oc-bash-git-log-p-fiscalyear-reverse", n_log_p, "cd burinbench-git && git log -p --reverse | head -n 1500"),
        B("oc-bash-make-k-mezzowell", n_make, "make -C mezzowell -k -B 2>&1 | tail -n 300"),
        B("oc-bash-cargo-test-drypoint", n_cargo_test, "cd drypoint && cargo test 2>&1 | tail -n 450"),
        B("oc-bash-cargo-clippy-drypoint", n_clippy, "cd drypoint && cargo clippy 2>&1 | tail -n 450"),
        B("oc-bash-go-test-v-aquatintyard", n_go_test,
          "cd aquatintyard && GOFLAGS=-mod=mod GOPROXY=off GOTOOLCHAIN=local go test -v ./... 2>&1 | tail -n 350"),
        B("oc-bash-ps-aux-cpu-head-140", n_ps_aux, "ps auxww --sort=-pcpu | head -n 140 | cut -c1-300"),
        B("oc-bash-sqlite-proofsheets-largest", n_sqlite_col,
          "sqlite3 -header -column proofsheets.db \"SELECT kind, path, CAST(bytes AS INT) AS bytes, modified "
          "FROM sheets ORDER BY CAST(bytes AS INT) DESC LIMIT 220\""),
        B("oc-bash-csv-sort-proofsheets", n_csv, "(head -n 1 proofsheets.csv; tail -n +2 proofsheets.csv | sort -t, -k4 -n)"),
        B("oc-bash-log-grep-press-engravers", n_app_log,
          "grep -E 'press [1-9]( |,|$)|blanket [0-9] creased' engravers.log | head -n 400"),
        B("oc-bash-eslint-intagliorack", n_eslint, "cd intagliorack && npx eslint lib spec 2>&1 | head -n 900"),
    ]
    S.append(C("oc-bash-chain-mypy-strict-fiscalyear", "chain-lint", "lint",
               [Part("cd burinbench", None), Part(f"MYPYPATH=. {MYPY} --pretty {MOD} {SUITE} proof_check.py "
                                                 "2>&1 | tail -n 300", n_mypy, "&&")],
               root, env, "Type-check fiscalyear"))
    S.append(C("oc-bash-chain-git-status-diff-fiscalyear", "chain-git-status-diff", "git",
               [Part("cd burinbench-git", None), Part("git status", n_status, "&&"), Part("git diff", n_diff, "&&")],
               root, env, "Show the working tree changes"))
    S.append(C("oc-bash-chain-node-test-exit-intagliorack", "chain-test-exit", "test",
               [Part("cd intagliorack", None), Part("node --test spec/ 2>&1 | tail -n 450", n_node_test, "&&"),
                Part("echo EXIT=$?", n_status_echo, ";")], root, env, "Test intagliorack"))
    S.append(C("oc-bash-chain-eslint-node-test-platepress", "chain-lint", "lint",
               [Part("cd platepress", None), Part("npx eslint src 2>&1 | tail -n 200", n_eslint, "&&"),
                Part("node --test spec/ 2>&1 | tail -n 150", n_node_test, ";")], root, env,
               "Lint and test platepress"))
    S.append(C("oc-bash-chain-go-test-tail-exit-aquatintyard", "chain-test-exit", "test",
               [Part("cd aquatintyard", None), Part("GOFLAGS=-mod=mod GOPROXY=off GOTOOLCHAIN=local go test ./... 2>&1 "
                                                   "| tail -n 80", n_go_test, "&&"),
                Part("echo EXIT=$?", n_status_echo, ";")], root, env, "Test aquatintyard"))
    fw = "doc/valgrind"
    O = [
        Spec("oc-grep-fiscalyear-def-raise", "oc-grep", "search", "grep",
             {"pattern": r"def \w+\(|raise |class ", "path": "burinbench", "include": "fiscalyear.py"}),
        Spec("oc-glob-mezzowell-c", "oc-glob", "listing", "glob", {"pattern": "**/*.[ch]", "path": "mezzowell"}),
        Spec("oc-read-py-fiscalyear", "oc-read-source", "code", "read",
             {"filePath": f"{root}/burinbench/{MOD}"}, "python"),
        Spec("oc-webfetch-md-valgrind-core-adv", "oc-webfetch-markdown", "doc", "webfetch",
             {"url": "{BASE}/" + fw + "/" + PAGE, "format": "markdown"}, source=f"{fw}/{PAGE}"),
        Spec("oc-webfetch-text-valgrind-core-adv", "oc-webfetch-text", "doc", "webfetch",
             {"url": "{BASE}/" + fw + "/" + PAGE, "format": "text"}, source=f"{fw}/{PAGE}"),
    ]
    for spec in O:
        S.append((spec, oc_ext(spec.kind, spec.family, spec)))
    return S


def _doc_server(serve_dir: str):
    """capture_opencode.start_doc_server on the round's own loopback port (28696), round 672's way."""
    import functools
    import http.server
    import threading
    import capture_opencode as oco
    handler = functools.partial(oco._QuietHandler, directory=serve_dir)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 28696), handler)
    threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.1}, daemon=True).start()
    return server


def docs(tmp: Path) -> None:
    d = Path(DOCS["doc"]) / "valgrind"
    run(f"rm -rf {d} && mkdir -p {d} && cp {PAGE_DIR}/{PAGE} {d}/")


def opencode(tmp: Path) -> None:
    import functools
    import capture_opencode as oco
    from capture_wide191_oc import run_round
    orig = oco.start_doc_server, oco.StubServer
    oco.start_doc_server = _doc_server
    oco.StubServer = functools.partial(orig[1], port=38696)
    try:
        run_round(tmp, f"cp -r {tmp}/burinbench burinbench && cp -r {tmp}/fy-git burinbench-git && "
                  f"cp -r {tmp}/mezzowell mezzowell && cp -r {tmp}/drypoint drypoint && "
                  f"cp -r {tmp}/aquatintyard aquatintyard && cp -a {tmp}/intagliorack intagliorack && "
                  f"cp -a {tmp}/platepress platepress && "
                  f"cp {tmp}/data/proofsheets.db {tmp}/data/proofsheets.csv {tmp}/data/engravers.log .",
                  "find . -name __pycache__ -prune -exec rm -rf {} + ; rm -rf mezzowell/build burinbench/.mypy_cache "
                  "burinbench/.ruff_cache burinbench/.pytest_cache",
                  DOCS, str(VENV), str(JS), specs, add, seed=SEED)
    finally:
        oco.start_doc_server, oco.StubServer = orig


def git_history_after_python(tmp: Path) -> None:
    python(tmp)
    git_history(tmp)


def main() -> None:
    cm.capture_round(__doc__, lambda: None, lambda: [source, docs, git_history_after_python, rust, c_build, go,
                                                     js_project, npm_project, data, opencode],
                     ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 10_000, 60_000))
    out = Path(sys.argv[sys.argv.index("--out") + 1]) if "--out" in sys.argv else DEFAULT_OUT
    drop_and_check(out)


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide696", sys.modules["__main__"])
    main()
