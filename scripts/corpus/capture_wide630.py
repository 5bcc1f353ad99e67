"""Capture round 630 of the compression corpus (issue #11's kinds on real projects, most of them as OpenCode's tools
hand them over, no new rules), with names from a comb maker's workshop (horn combs, blanks, teeth, combmakers):
openlocationcode 1.0.1 (its PyPI sdist) with bugs put in (project combery) under a pytest suite written here from the
unbroken module, ruff and mypy, and a chained traceback; a git history of openlocationcode.py, its suite and setup.py;
the real npm package ngeohash 0.6.4 copied into a project (hornboard) with bugs put in, under a node --test suite
generated here from the unbroken package, and eslint; a C project (toothrow) and a Rust crate (blankyard) from round
291's generators imported and renamed; a Go module (combstack) from round 273's make_steps imported with this round's
words; a JavaScript project (combrack) from round 290's module and generator imported and renamed; CSV/sqlite tables
of /usr/share/doc files, ps aux, an application log, valgrind's bbv-manual.html on loopback; ONE headless OpenCode
run over the same material (its bash, grep, glob, read, webfetch). Every kind's extractor is an earlier round's,
imported (NEEDLES.md's "Round 630: no new rules"). The glue follows round 624's layout (capture_wide624.py, whose
generic constants and rename tables' left-hand sides are imported); material, words, seeds and ports are this
round's."""

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

ID_PREFIX = "wide630-"
DEFAULT_OUT = HERE / "data" / "wide630.json"
TMP = Path("/dev/shm/hm-corpus-wide630")
SRC = Path("/dev/shm/hm-corpus-wide630-src")  # openlocationcode-1.0.1.tar.gz, its PyPI sdist
HIST = Path("/dev/shm/hm-corpus-wide630-hist")  # the sdist with the suite written here, for the git history
VENV = Path("/dev/shm/hm-corpus-wide630-venv")  # the round's own tools: pytest, ruff, mypy
JS = Path("/dev/shm/hm-corpus-wide630-js")  # the round's own npm project: eslint, @eslint/js, typescript, ngeohash
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
SEED = 63010
SV = "openlocationcode-1.0.1"
MOD = "openlocationcode/openlocationcode.py"
SUITE = "tests/test_comb_codes.py"
DOC = "setup.py"
GIT_ENV, MYPY, PYTEST = w624.GIT_ENV, w624.MYPY, w624.PYTEST
PEOPLE = [("Tabitha Horne", "tabitha@example.org"), ("Gideon Combe", "gideon@example.org"),
          ("Tabitha Horne", "tabitha@example.org"), ("Keziah Blank", "keziah@example.org"),
          ("Reuben Toothill", "reuben@example.org")]
BUGS = [(MOD, "    if latitude == 90:\n", "    if latitude > 90:\n"),
        (MOD, "            latDigit = latVal % GRID_ROWS_\n", "            latDigit = latVal % GRID_COLUMNS_\n"),
        (MOD, "    halfResolution = resolution / 2.0\n", "    halfResolution = resolution / 4.0\n")]

# Writes tests/comb_calls.json from the UNBROKEN module (run before the bugs go in): seeded bench positions encoded
# at several lengths, decoded, checked for validity, shortened and recovered from nearby references.
GEN = r'''import json, random
from openlocationcode import openlocationcode as olc

r = random.Random(63010)
calls = {"encode": [], "decode": [], "valid": [], "recover": [], "book": []}
for i in range(90):
    lat, lng = round(r.uniform(-90, 90), 6), round(r.uniform(-180, 180), 6)
    if r.random() < 0.12:
        lat = r.choice([90, -90, 89.999999, 90.5])
    n = r.choice([4, 6, 8, 10, 11, 12, 13, 15])
    calls["encode"].append({"id": f"bench{i:02d}-len{n}", "lat": lat, "lng": lng, "n": n,
                            "want": olc.encode(lat, lng, n)})
for i in range(40):
    lat, lng, n = round(r.uniform(-89, 89), 5), round(r.uniform(-179, 179), 5), r.choice([6, 8, 10, 11, 12])
    code = olc.encode(lat, lng, n)
    a = olc.decode(code)
    calls["decode"].append({"id": f"blank{i:02d}-{code}", "code": code,
                            "want": [a.latitudeLo, a.longitudeLo, a.latitudeHi, a.longitudeHi, a.codeLength]})
ALPHA = "23456789CFGHJMPQRVWX"
for i in range(36):
    code = olc.encode(round(r.uniform(-80, 80), 4), round(r.uniform(-170, 170), 4), r.choice([8, 10, 11]))
    k = r.randint(0, 4)
    if k == 1:
        code = code[4:]
    elif k == 2:
        code = code.replace("+", "") + "+"
    elif k == 3:
        j = r.randrange(len(code))
        code = code[:j] + r.choice("ABZ01+") + code[j + 1:]
    elif k == 4:
        code = code.lower()
    calls["valid"].append({"id": f"tooth{i:02d}-{code}", "code": code,
                           "want": [olc.isValid(code), olc.isShort(code), olc.isFull(code)]})
for i in range(60):
    lat, lng = round(r.uniform(-60, 60), 5), round(r.uniform(-170, 170), 5)
    code = olc.encode(lat, lng)
    rlat, rlng = lat + r.uniform(-0.02, 0.02), lng + r.uniform(-0.02, 0.02)
    short = olc.shorten(code, rlat, rlng)
    qlat, qlng = round(rlat + r.uniform(-0.5, 0.5), 5), round(rlng + r.uniform(-0.5, 0.5), 5)
    calls["recover"].append({"id": f"comb{i:02d}-{short}", "code": code, "short": short, "rlat": rlat, "rlng": rlng,
                             "lat": qlat, "lng": qlng, "want": olc.recoverNearest(short, qlat, qlng)})
for who, lat, lng in [("Tabitha Horne", 53.722861, -1.857153), ("Gideon Combe", 53.744102, -1.599731),
                      ("Keziah Blank", 52.404573, -1.512038), ("Reuben Toothill", 53.961094, -1.084117)]:
    calls["book"].append({"who": who, "lat": lat, "lng": lng, "want": olc.encode(lat, lng, 11)})
json.dump(calls, open("tests/comb_calls.json", "w"), indent=1)
'''

SUITE_PY = '''import json
import pathlib

import pytest

from openlocationcode import openlocationcode as olc

CALLS = json.loads(pathlib.Path(__file__).with_name("comb_calls.json").read_text())


def ids(kind):
    return [c["id"] for c in CALLS[kind]]


@pytest.mark.parametrize("call", CALLS["encode"], ids=ids("encode"))
def test_bench_encode(call):
    assert olc.encode(call["lat"], call["lng"], call["n"]) == call["want"]


@pytest.mark.parametrize("call", CALLS["decode"], ids=ids("decode"))
def test_blank_decode(call):
    a = olc.decode(call["code"])
    assert [a.latitudeLo, a.longitudeLo, a.latitudeHi, a.longitudeHi, a.codeLength] == pytest.approx(call["want"])


@pytest.mark.parametrize("call", CALLS["valid"], ids=ids("valid"))
def test_tooth_validity(call):
    code = call["code"]
    assert [olc.isValid(code), olc.isShort(code), olc.isFull(code)] == call["want"]


@pytest.mark.parametrize("call", CALLS["recover"], ids=ids("recover"))
def test_comb_shorten(call):
    assert olc.shorten(call["code"], call["rlat"], call["rlng"]) == call["short"]


@pytest.mark.parametrize("call", CALLS["recover"], ids=ids("recover"))
def test_comb_recover(call):
    assert olc.recoverNearest(call["short"], call["lat"], call["lng"]) == call["want"]
'''

SCRIPT = r"""import json

from openlocationcode import openlocationcode as olc


class CombCuttingError(Exception):
    pass


BOOK = json.load(open("tests/comb_calls.json"))["book"]  # the cutting book: each combmaker's bench, as first written


def cut(entry):
    try:
        got = olc.encode(entry["lat"], entry["lng"], 11)
        if got != entry["want"]:
            raise ValueError(f"{entry['lat']}, {entry['lng']}: bench code {got!r}, the cutting book says "
                             f"{entry['want']!r}")
        return got
    except ValueError as exc:
        raise CombCuttingError(f"cutting: {entry['who']}'s blanks sent to the wrong bench "
                               f"({len(BOOK)} benches in the book)") from exc


print(f"comb maker: {len(BOOK)} combmakers' benches to check")
for entry in BOOK:
    print(entry["who"], "->", cut(entry))
"""


def source(tmp: Path) -> None:
    """SRC/openlocationcode-1.0.1.tar.gz (its PyPI sdist), the round's venv and npm project."""
    cm.download_sdists(SRC, "openlocationcode-*.tar.gz", ["openlocationcode==1.0.1"])
    cm.install_venv(VENV, "mypy", ["pytest", "ruff", "mypy"])
    cm.install_npm(JS, "ngeohash", ["eslint", "@eslint/js", "typescript", "ngeohash@0.6.4"])
    if str(VENV / "bin") not in cm.PATH_PREFIX:
        cm.PATH_PREFIX.insert(0, str(VENV / "bin"))


def python(tmp: Path) -> None:
    run(f"tar --no-same-owner -xzf {SRC}/{SV}.tar.gz && mv {SV} combery", cwd=tmp)
    cp = tmp / "combery"
    (cp / "tests").mkdir()
    (cp / "gen.py").write_text(GEN)
    (cp / SUITE).write_text(SUITE_PY)
    run("PYTHONPATH=. python3 gen.py && rm gen.py", cwd=cp)  # expectations from the unbroken module
    run(f"rm -rf {HIST} && mkdir -p {HIST} && cp -r combery {HIST}/{SV} && cd {HIST} && find {SV} -name __pycache__ "
        f"-prune -exec rm -rf {{}} + ; tar czf {SV}.tar.gz {SV} && rm -rf {SV}", cwd=tmp)
    put_bugs(cp, BUGS)
    env = {"PYTHONPATH": str(cp), "MYPYPATH": str(cp)}
    cap("pytest-olc-combery-v-tbshort", f"{PYTEST} -v --tb=short tests 2>&1 | tail -n 1800", cp, n_pytest,
        env=env, timeout=300)
    chain("chain-olc-pytest-q-exit", "chain-test-exit", "test",
          [Part(f"{PYTEST} -q --tb=line tests", n_pytest), Part("echo EXIT=$?", n_status_echo, ";")], cp,
          env=env, timeout=300)
    cap("mypy-strict-olc", f"{MYPY} {MOD} {SUITE} 2>&1 | tail -n 400", cp, n_mypy, env=env, timeout=300)
    (cp / "comb_check.py").write_text(SCRIPT)
    cap("python-chained-traceback-comb-check", "python3 comb_check.py", cp, n_chained, env=env)


def git_history(tmp: Path) -> None:
    repo = history(tmp, HIST, "olc", SV, [MOD, SUITE, DOC], PEOPLE, SEED, 20, BUGS)
    (repo / "NOTES.local").write_text("pole not pulled in; grid rows read as columns; recovery window halved\n")
    cap("git-log-p-olc-head-1100", "git log -p | head -n 1100", repo, n_log_p, env=GIT_ENV)


LOG_MSGS = {
    "INFO": lambda r: f"blank {r.randint(100, 999)} for {r.choice(['Tabitha', 'Gideon', 'Keziah', 'Reuben'])}: "
                      f"{r.randint(2, 24)} {r.choice(['horn combs', 'tortoiseshell combs', 'bone combs'])} "
                      f"cut, {r.randint(40, 160)} teeth, bench {r.randint(1, 30)}",
    "DEBUG": lambda r: f"saw {r.choice(['twinner', 'grailing', 'stadda'])} set {r.randint(20, 120)} teeth per inch "
                       f"on {r.choice(['ox horn', 'ram horn', 'bone'])} blanks, press {r.randint(100, 999)}, "
                       f"heat {r.randint(60, 98)}",
    "WARNING": lambda r: f"bench {r.randint(1, 40)} blank cracked at tooth {r.randint(1, 90)}, warp "
                         f"{r.randint(2, 12)} mm at {r.choice(['Horn Yard', 'Press Room', 'Tooth Row'])}, "
                         f"{r.randint(1, 6)} blanks held",
    "ERROR": lambda r: f"press {r.randint(1, 8)} cold at bench {r.randint(2, 32)}, {r.randint(1, 9)} "
                       f"{r.choice(['combs', 'blanks', 'horns', 'plates'])} lost (tally {r.randint(1, 60)})",
}
DIRS = ("/usr/share/doc/flawfinder", "/usr/share/doc/findutils", "/usr/share/doc/dash")
PAGE_DIR = "/usr/share/doc/valgrind/html"
PAGE = "bbv-manual.html"


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
    with open(d / "combs.csv", "w", newline="") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(["path", "kind", "name", "bytes", "links", "modified"])
        w.writerows(rows)
    run("sqlite3 combs.db '.mode csv' '.import combs.csv combs'", cwd=d)
    cap("ls-laR-flawfinder-findutils-dash", "ls -laR " + " ".join(DIRS), d, n_ls_lR)
    app_log(d / "combmakers.log", 63014, 1500, ["combs.horns", "combs.blanks", "combs.teeth", "combs.presses"],
            LOG_MSGS, 6301, "2026-12-03")
    cap("app-log-combmakers-tail-650", "tail -n 650 combmakers.log", d, n_app_log)
    chain("chain-log-grep-error-combmakers", "chain-log", "logs",
          [Part("grep -E ' (WARNING|ERROR) ' combmakers.log | head -n 260", n_app_log),
           Part("grep -c ERROR combmakers.log", None, ";")], d)
    srv = cm.start(f"cd {PAGE_DIR} && exec python3 -m http.server 18630 --bind 127.0.0.1")
    try:
        time.sleep(1.5)
        cap("curl-html-valgrind-bbv-manual", f"curl -s http://127.0.0.1:18630/{PAGE}", d, n_html)
    finally:
        os.killpg(srv.pid, signal.SIGTERM)


# round 291's words (round 624's left-hand sides), then this round's
C_NEW = ("TOOTHROW_H", "toothrow", "tooth_t", "teeth", "row_t", "row_weight", "row_find", "pitch_permille",
         "horn_g", "blank", "pressings", "pitch_count_", "_batch", '"batch ', "row")
C_RENAMES = tuple((old, new) for (old, _), new in zip(w624.C_RENAMES, C_NEW, strict=True))
RS_NEW = ("blankyard", "0.6.30", "Blank yard: set from horn bore, press load and a ranking of comb fits.",
          "set_n", "press_load", "horn_um", "tooth_um", "comb_count", "press_", "press ", "set not on",
          "batch limit", "combs", "odd_")
RS_RENAMES = tuple((old, new) for (old, _), new in zip(w624.RS_RENAMES, RS_NEW, strict=True))


def c_build(tmp: Path) -> None:
    root = tmp / "toothrow"
    rnd = random.Random(63012)
    files = {"src/toothrow.h": renamed(base.GATE_H, C_RENAMES),
             "src/rowframe.c": renamed(base.GATE_C, C_RENAMES)}
    for k in range(30):
        files[f"src/pitch_{k:02d}.c"] = renamed(base.gen_c(k, rnd), C_RENAMES)
    objs = " ".join(f"build/{Path(p).stem}.o" for p in files if p.endswith(".c"))
    files["Makefile"] = ("CC=gcc\nCFLAGS=-Wall -Wextra -O1 -Isrc\nOBJS=" + objs + "\n\nall: toothrow\n\n"
                         "toothrow: $(OBJS)\n\t$(CC) -o $@ $(OBJS)\n\nbuild/%.o: src/%.c src/toothrow.h\n"
                         "\t@mkdir -p build\n\t$(CC) $(CFLAGS) -c $< -o $@\n\nclean:\n\trm -rf build toothrow\n")
    write_tree(root, files)
    chain("chain-make-k-toothrow-exit", "chain-build-exit", "build",
          [Part("make -k -j1 2>&1 | tail -n 400", n_make), Part("echo EXIT=$?", n_status_echo, ";")], root,
          timeout=600)
    cap("gcc-syntax-toothrow-pitch", "gcc -Wall -Wextra -fsyntax-only -Isrc src/rowframe.c "
        "src/pitch_2[0-9].c", root, n_gcc, timeout=300)
    run("rm -rf build toothrow", cwd=root)


def rust(tmp: Path) -> None:
    root = tmp / "blankyard"
    rnd = random.Random(63013)
    broken = renamed(base.BROKEN, RS_RENAMES)
    write_tree(root, {"Cargo.toml": renamed(base.CARGO, RS_RENAMES), "src/lib.rs": renamed(base.LIB, RS_RENAMES),
                      "src/broken.rs": broken, "src/runs.rs": renamed(base.gen_runs(rnd, 120), RS_RENAMES)})
    env = {"CARGO_TARGET_DIR": str(tmp / "blankyard-target"), "CARGO_TERM_COLOR": "never", "CARGO_BUILD_JOBS": "1"}
    cap("cargo-build-errors-blankyard", "cargo build 2>&1", root, n_cargo_build, env=env, timeout=600)
    for line in ("    let label: String = idx.len();\n", "    idx.push(comb_count);\n"):
        assert line in broken, line
        broken = broken.replace(line, "")
    (root / "src/broken.rs").write_text(broken)
    cap("cargo-test-blankyard-tail", "cargo test 2>&1 | grep -v '^test .* ok$' | tail -n 400", root, n_cargo_test,
        env=env, timeout=600)


# round 273's words (round 624's left-hand sides), then this round's
GO_NEW = ("combstack", "combbook", "workshop host", "combs left, days", "nothing left to cut", "cut order",
          "horn grade", "Comb", "comb", "Horn", "horn", "Bench", "bench", "Teeth", "teeth")
GO_RENAMES = tuple((old, new) for (old, _), new in zip(w624.GO_RENAMES, GO_NEW, strict=True))
BENCHES = ["Horn Yard", "Press Room", "Tooth Row", "Blank Rack", "Sawing Bench", "Polish Loft", "Ox Horn Stack",
           "Ram Horn Bench", "Grailing Shop", "Tally Board", "Yard Gate", "Bench Nine"]
GO_STEP = g273.make_steps(cap, "combstack", "combbook", 63011, BENCHES, GO_RENAMES)[0]  # its shell step not run


def go(tmp: Path) -> None:
    GO_STEP(tmp)
    (tmp / "combstack" / "restock.go").unlink(missing_ok=True)  # make_steps leaves its build-error file in place


# round 290's module in comb makers' words: the words round 299's table replaces, in its order, each given one
COMB_WORDS = ["combrack", "comb sums for the combrack (blank lengths, cutting rates, tooth charts)",
              "blankLength", "cutToMs", "hornBand", "benchLabel", "toothArea", "toothChart", "combPlan",
              "No comb planned", "unknown comb type", "twinner", "yard", "shed", "press",
              "`bench ${w + 1}", "seed = 63018",
              "'comb', 'HORN', 'blank', 'Tooth', 'press', 'plate', 'Bone', 'saw', 'bench', "
              "'GRAIL', 'rasp',\n  'twinner', 'shaving', 'Combmaker', 'rack', 'polish'",
              "'Tabitha', 'Gideon', 'Keziah', 'Reuben', 'Dorcas', 'Jabez', 'Mahala', 'Enoch', 'Tamar', "
              "'Hezekiah', 'Jemima', 'Caleb'"]
assert len(COMB_WORDS) == len(m299.WAGGLE_NAMES)
COMB_NAMES = [(old, new) for (old, _), new in zip(m299.WAGGLE_NAMES, COMB_WORDS)]


def combed(text: str) -> str:
    for old, new in COMB_NAMES:
        text = text.replace(old, new)
    return text


CR_BUGS = [(combed(rel), combed(old), combed(new)) for rel, old, new in m290.PA_BUGS]


def js_project(tmp: Path) -> None:
    root = tmp / "combrack"
    for d in ("lib", "spec"):
        (root / d).mkdir(parents=True, exist_ok=True)
    run(f"ln -s {JS / 'node_modules'} node_modules", cwd=root)
    fixtures = combed(m290.FIXTURES)
    assert "63018" in fixtures and "STOPPER" not in fixtures and "Branwen" not in fixtures
    write_tree(root, {"package.json": json.dumps({"name": "combrack", "version": "6.3.0", "type": "module",
                                                  "scripts": {"test": "node --test spec/"}}, indent=2) + "\n",
                      "fixtures.mjs": fixtures, "eslint.config.js": m290.ESLINT_CONFIG,
                      "lib/comb-plan.js": combed(m290.APP), "lib/combrack.js": combed(m290.HAWSEHOLE),
                      "lib/package.json": json.dumps({"type": "commonjs"}) + "\n", "tsconfig.json": m290.TSCONFIG})
    run("node fixtures.mjs && rm fixtures.mjs", cwd=root)
    put_bugs(root / "lib", CR_BUGS)
    env = {"PATH": f"{JS}/node_modules/.bin:/usr/bin:/bin"}
    cap("node-test-combrack-tail-2400", "node --test spec/ 2>&1 | tail -n 2400", root, n_node_test, env=env,
        timeout=300)
    chain("chain-eslint-tsc-combrack", "chain-lint", "lint",
          [Part("npx eslint lib spec | head -n 300", n_eslint), Part("npx tsc --noEmit -p . | head -n 200", n_tsc, ";")],
          root, env=env, timeout=300)


# ngeohash 0.6.4 in hornboard: the bugs (default length eight, a neighbour's longitude step halved, south-east made
# north-west in neighbors)
GH = "ngeohash.js"
GH_BUGS = [(GH, "    numberOfChars = 9;\n", "    numberOfChars = 8;\n"),
           (GH, "    + direction[1] * lonLat.error.longitude * 2;\n", "    + direction[1] * lonLat.error.longitude * 1;\n"),
           (GH, "                            encodeNeighbor(-1,1),\n", "                            encodeNeighbor(1,-1),\n")]

# Writes spec/ngeohash.test.mjs: the horn yards' positions from a seeded generator, each expectation computed here
# from the UNBROKEN package in node_modules, before lib/ngeohash.js is broken.
GH_GEN = r"""
import fs from 'node:fs';
import {createRequire} from 'node:module';
const gh = createRequire(import.meta.url)('ngeohash');
let seed = 63016;
const rnd = () => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed / 2147483648; };
const pick = (xs) => xs[Math.floor(rnd() * xs.length)];
const r6 = (x) => Math.round(x * 1e6) / 1e6;
const MAKERS = ['Tabitha', 'Gideon', 'Keziah', 'Reuben', 'Dorcas', 'Jabez', 'Mahala', 'Enoch'];
const PARTS = ['ox horn', 'ram horn', 'bone blank', 'tooth row', 'press plate', 'comb back', 'grail'];
const DIRS = [[1, 0], [1, 1], [0, 1], [-1, 1], [-1, 0], [-1, -1], [0, -1], [1, -1]];
const out = ["import {test} from 'node:test';", "import assert from 'node:assert/strict';",
  "import {createRequire} from 'node:module';",
  "const gh = createRequire(import.meta.url)('../lib/ngeohash.js');", ''];
const t = (name, body) => out.push(`test(${JSON.stringify(name)}, () => {\n  ${body}\n});`);
for (let i = 0; i < 90; i++) {
  const lat = r6(rnd() * 180 - 90), lon = r6(rnd() * 360 - 180);
  const who = `${pick(MAKERS)}'s ${pick(PARTS)}, yard ${i + 1}`;
  if (rnd() < 0.5) {
    t(`${who}: encode(${lat}, ${lon})`, `assert.equal(gh.encode(${lat}, ${lon}), ${JSON.stringify(gh.encode(lat, lon))});`);
  } else {
    const n = 1 + Math.floor(rnd() * 12);
    t(`${who}: encode(${lat}, ${lon}, ${n})`,
      `assert.equal(gh.encode(${lat}, ${lon}, ${n}), ${JSON.stringify(gh.encode(lat, lon, n))});`);
  }
}
for (let i = 0; i < 40; i++) {
  const h = gh.encode(r6(rnd() * 170 - 85), r6(rnd() * 350 - 175), 3 + Math.floor(rnd() * 7));
  t(`${pick(MAKERS)}'s bench ${i + 1}: decode(${h})`, `assert.deepEqual(gh.decode(${JSON.stringify(h)}), ${JSON.stringify(gh.decode(h))});`);
}
for (let i = 0; i < 60; i++) {
  const h = gh.encode(r6(rnd() * 170 - 85), r6(rnd() * 350 - 175), 4 + Math.floor(rnd() * 6));
  const d = pick(DIRS);
  t(`${pick(MAKERS)}'s press ${i + 1}: neighbor(${h}, [${d}])`,
    `assert.equal(gh.neighbor(${JSON.stringify(h)}, ${JSON.stringify(d)}), ${JSON.stringify(gh.neighbor(h, d))});`);
}
for (let i = 0; i < 40; i++) {
  const h = gh.encode(r6(rnd() * 170 - 85), r6(rnd() * 350 - 175), 3 + Math.floor(rnd() * 6));
  t(`${pick(MAKERS)}'s tooth row ${i + 1}: neighbors(${h})`,
    `assert.deepEqual(gh.neighbors(${JSON.stringify(h)}), ${JSON.stringify(gh.neighbors(h))});`);
}
fs.writeFileSync('spec/ngeohash.test.mjs', out.join('\n') + '\n');
"""


def npm_project(tmp: Path) -> None:
    root = tmp / "hornboard"
    for d in ("lib", "spec"):
        (root / d).mkdir(parents=True, exist_ok=True)
    run(f"ln -s {JS / 'node_modules'} node_modules", cwd=root)
    write_tree(root, {"package.json": json.dumps({"name": "hornboard", "version": "0.6.30", "type": "module",
                                                  "scripts": {"test": "node --test spec/"}}, indent=2) + "\n",
                      "gen.mjs": GH_GEN, "eslint.config.js": m290.ESLINT_CONFIG,
                      "lib/package.json": json.dumps({"type": "commonjs"}) + "\n"})
    run("node gen.mjs && rm gen.mjs", cwd=root)
    run(f"cp {JS}/node_modules/ngeohash/main.js lib/{GH}", cwd=root)
    put_bugs(root / "lib", GH_BUGS)
    env = {"PATH": f"{JS}/node_modules/.bin:/usr/bin:/bin"}
    cap("node-test-ngeohash-hornboard-tail-1800", "node --test spec/ 2>&1 | tail -n 1800", root, n_node_test,
        env=env, timeout=300)
    chain("chain-node-test-grep-exit-hornboard", "chain-test-exit", "test",
          [Part("node --test spec/ 2>&1 | grep -E '^not ok|^# (tests|pass|fail)'", n_node_test),
           Part("echo EXIT=$?", n_status_echo, ";")], root, env=env, timeout=300)
    cap("eslint-ngeohash-hornboard", "npx eslint lib 2>&1", root, n_eslint, env=env, timeout=300)


DOCS = {"doc": str(TMP.parent / "hm-corpus-wide630-docs")}  # valgrind's bbv-manual.html


def specs(root: Path, env: dict) -> list:
    from capture_opencode import Spec
    from capture_wide15_langs import n_go_test
    from capture_wide15_oc import oc_ext
    from capture_wide191_oc import B, C
    S: list = [
        B("oc-bash-pytest-rA-tail-olc", n_pytest,
          f"cd combery && PYTHONPATH=. {PYTEST} -rA --tb=short tests 2>&1 | tail -n 400"),
        B("oc-bash-ruff-full-olc", n_ruff,
          f"ruff check --no-cache --isolated --select ALL --output-format=full combery/{MOD} combery/{SUITE} "
          "combery/comb_check.py 2>&1 | head -n 900"),
        B("oc-bash-git-blame-olc", n_blame, f"cd combery-git && git blame -w {MOD} | head -n 400"),
        B("oc-bash-git-show-olc-part", n_show, "cd combery-git && git show ':/^openlocationcode: part 14 '"),
        B("oc-bash-git-log-p-olc-reverse", n_log_p, "cd combery-git && git log -p --reverse | head -n 1500"),
        B("oc-bash-make-k-toothrow", n_make, "make -C toothrow -k -B 2>&1 | tail -n 300"),
        B("oc-bash-cargo-test-blankyard", n_cargo_test, "cd blankyard && cargo test 2>&1 | tail -n 450"),
        B("oc-bash-cargo-clippy-blankyard", n_clippy, "cd blankyard && cargo clippy 2>&1 | tail -n 450"),
        B("oc-bash-go-test-v-combstack", n_go_test,
          "cd combstack && GOFLAGS=-mod=mod GOPROXY=off GOTOOLCHAIN=local go test -v ./... 2>&1 | tail -n 350"),
        B("oc-bash-ps-aux-mem-head-150", n_ps_aux, "ps aux --sort=-rss | head -n 150"),
        B("oc-bash-sqlite-combs-largest", n_sqlite_col,
          "sqlite3 -header -column combs.db \"SELECT kind, path, CAST(bytes AS INT) AS bytes, modified "
          "FROM combs ORDER BY CAST(bytes AS INT) DESC LIMIT 200\""),
        B("oc-bash-csv-sort-combs", n_csv, "(head -n 1 combs.csv; tail -n +2 combs.csv | sort -t, -k4 -n)"),
        B("oc-bash-log-grep-bench-combmakers", n_app_log,
          "grep -E 'bench [1-9] blank|press [0-9] cold' combmakers.log | head -n 400"),
        B("oc-bash-eslint-combrack", n_eslint, "cd combrack && npx eslint lib spec 2>&1 | head -n 900"),
    ]
    S.append(C("oc-bash-chain-mypy-strict-olc", "chain-lint", "lint",
               [Part("cd combery", None), Part(f"MYPYPATH=. {MYPY} --pretty {MOD} {SUITE} comb_check.py 2>&1 | "
                                               "tail -n 300", n_mypy, "&&")],
               root, env, "Type-check openlocationcode"))
    S.append(C("oc-bash-chain-git-status-diff-olc", "chain-git-status-diff", "git",
               [Part("cd combery-git", None), Part("git status", n_status, "&&"), Part("git diff", n_diff, "&&")],
               root, env, "Show the working tree changes"))
    S.append(C("oc-bash-chain-node-test-exit-combrack", "chain-test-exit", "test",
               [Part("cd combrack", None), Part("node --test spec/ 2>&1 | tail -n 450", n_node_test, "&&"),
                Part("echo EXIT=$?", n_status_echo, ";")], root, env, "Test combrack"))
    S.append(C("oc-bash-chain-eslint-node-test-hornboard", "chain-lint", "lint",
               [Part("cd hornboard", None), Part("npx eslint lib 2>&1", n_eslint, "&&"),
                Part("node --test spec/ 2>&1 | tail -n 150", n_node_test, ";")], root, env, "Lint and test hornboard"))
    fw = "doc/valgrind"
    O = [
        Spec("oc-grep-olc-def-raise", "oc-grep", "search", "grep",
             {"pattern": r"def \w+\(|raise |assert ", "path": "combery", "include": "*.py"}),
        Spec("oc-glob-toothrow-c", "oc-glob", "listing", "glob", {"pattern": "**/*.[ch]", "path": "toothrow"}),
        Spec("oc-read-py-olc", "oc-read-source", "code", "read",
             {"filePath": f"{root}/combery/{MOD}"}, "python"),
        Spec("oc-webfetch-md-valgrind-bbv-manual", "oc-webfetch-markdown", "doc", "webfetch",
             {"url": "{BASE}/" + fw + "/" + PAGE, "format": "markdown"}, source=f"{fw}/{PAGE}"),
        Spec("oc-webfetch-text-valgrind-bbv-manual", "oc-webfetch-text", "doc", "webfetch",
             {"url": "{BASE}/" + fw + "/" + PAGE, "format": "text"}, source=f"{fw}/{PAGE}"),
    ]
    for spec in O:
        S.append((spec, oc_ext(spec.kind, spec.family, spec)))
    return S


def _doc_server(serve_dir: str):
    """capture_opencode.start_doc_server on the round's own loopback port (28630), round 436's way."""
    import functools
    import http.server
    import threading
    import capture_opencode as oco
    handler = functools.partial(oco._QuietHandler, directory=serve_dir)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 28630), handler)
    threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.1}, daemon=True).start()
    return server


def docs(tmp: Path) -> None:
    """The page OpenCode's webfetch reads: valgrind's bbv-manual.html."""
    d = Path(DOCS["doc"]) / "valgrind"
    run(f"rm -rf {d} && mkdir -p {d} && cp {PAGE_DIR}/{PAGE} {d}/")


def opencode(tmp: Path) -> None:
    import functools
    import capture_opencode as oco
    from capture_wide191_oc import run_round
    orig = oco.start_doc_server, oco.StubServer
    oco.start_doc_server = _doc_server
    oco.StubServer = functools.partial(orig[1], port=38630)
    try:
        run_round(tmp, f"cp -r {tmp}/combery combery && cp -r {tmp}/olc-git combery-git && "
                  f"cp -r {tmp}/toothrow toothrow && cp -r {tmp}/blankyard blankyard && "
                  f"cp -r {tmp}/combstack combstack && cp -a {tmp}/combrack combrack && "
                  f"cp -a {tmp}/hornboard hornboard && "
                  f"cp {tmp}/data/combs.db {tmp}/data/combs.csv {tmp}/data/combmakers.log .",
                  "find . -name __pycache__ -prune -exec rm -rf {} + ; rm -rf toothrow/build combery/.mypy_cache "
                  "combery/.ruff_cache",
                  DOCS, str(VENV), str(JS), specs, add, seed=SEED)
    finally:
        oco.start_doc_server, oco.StubServer = orig


def git_history_after_python(tmp: Path) -> None:
    """python() first (it writes the suite the history commits), then the history."""
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
    sys.modules.setdefault("capture_wide630", sys.modules["__main__"])
    main()
