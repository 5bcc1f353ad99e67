"""Capture round 672 of the compression corpus (issue #11's kinds on real projects, most of them as OpenCode's tools
hand them over, no new rules), with names from a coppersmith's shop (copper pans, rivets, stills, coppersmiths):
pymap3d 3.2.0 (its PyPI sdist) with bugs put in (project copperpan) under a pytest suite written here from the
unbroken package, ruff and mypy, and a chained traceback; a git history of src/pymap3d/ecef.py and the suite; the
real npm package geodesy 2.4.0 (its ES modules) copied into a project (rivetboard) with bugs put in, under a node
--test suite generated here from the unbroken copy, and eslint; a C project (coppercoil) and a Rust crate
(copperstill) from round 291's generators imported and renamed; a Go module (copperyard) from round 273's make_steps
imported with this round's words; a JavaScript project (copperrack) from round 290's module and generator imported
and renamed; CSV/sqlite tables of /usr/share/doc files, ps aux, an application log, libxslt's libxslt-variables.html
on loopback; ONE headless OpenCode run over the same material (its bash, grep, glob, read, webfetch). Every kind's
extractor is an earlier round's, imported (NEEDLES.md's "Round 672: no new rules"). The glue follows round 665's
layout (capture_wide665.py); material, words, seeds and ports are this round's."""

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

ID_PREFIX = "wide672-"
DEFAULT_OUT = HERE / "data" / "wide672.json"
TMP = Path("/dev/shm/hm-corpus-wide672")
SRC = Path("/dev/shm/hm-corpus-wide672-src")  # pymap3d-3.2.0.tar.gz, its PyPI sdist
HIST = Path("/dev/shm/hm-corpus-wide672-hist")  # the sdist with the suite written here, for the git history
VENV = Path("/dev/shm/hm-corpus-wide672-venv")  # the round's own tools: pytest, ruff, mypy
JS = Path("/dev/shm/hm-corpus-wide672-js")  # the round's own npm project: eslint, @eslint/js, typescript, geodesy
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
from capture_wide15_js import n_eslint, n_node_test  # noqa: E402
from capture_wide15_langs import n_cargo_build, n_cargo_test, n_clippy, n_gcc, n_make  # noqa: E402
from capture_wide15_oc import n_blame, n_diff, n_log_p, n_show, n_status  # noqa: E402
from capture_wide273_go import renamed  # noqa: E402
from capture_wide454 import drop_and_check  # noqa: E402

w9b.TMP = TMP  # importing earlier rounds' modules sets round 9b's chain state dir to theirs
SEED = 67210
SV = "pymap3d-3.2.0"
MOD = "src/pymap3d/ecef.py"
SUITE = "tests/test_copper_frames.py"
GIT_ENV, MYPY, PYTEST = w624.GIT_ENV, w624.MYPY, w624.PYTEST
PEOPLE = [("Amos Coppersmith", "amos@example.org"), ("Beulah Rivet", "beulah@example.org"),
          ("Amos Coppersmith", "amos@example.org"), ("Cyrus Planisher", "cyrus@example.org"),
          ("Delilah Still", "delilah@example.org")]
BUGS = [(MOD, "    y = (N + alt) * cos(lat) * sin(lon)\n", "    y = (N + alt) * sin(lat) * sin(lon)\n"),
        (MOD, "    Up = cos(lat0) * t + sin(lat0) * w\n", "    Up = cos(lat0) * t - sin(lat0) * w\n"),
        ("src/pymap3d/enu.py", "    az = atan2(e, n) % tau\n", "    az = atan2(n, e) % tau\n")]

# Writes tests/copper_calls.json from the UNBROKEN package (run before the bugs go in).
GEN = r'''import json, random
import pymap3d as pm

r = random.Random(67210)
calls = {"ecef": [], "enu": [], "aer": [], "reckon": [], "roundtrip": [], "book": []}


def place():
    return round(r.uniform(-70, 70), 4), round(r.uniform(-179.9, 179.9), 4), round(r.uniform(0, 900), 1)


def near(lat, lon, alt):
    return round(lat + r.uniform(-0.4, 0.4), 4), round(lon + r.uniform(-0.4, 0.4), 4), round(alt + r.uniform(-50, 300), 1)


def f(xs):
    return [float(x) for x in xs]


for i in range(60):
    p = place()
    calls["ecef"].append({"id": f"pan{i:02d}", "p": p, "want": f(pm.geodetic2ecef(*p))})
for i in range(50):
    p0 = place()
    p = near(*p0)
    calls["enu"].append({"id": f"rivet{i:02d}", "p": p, "p0": p0, "want": f(pm.geodetic2enu(*p, *p0))})
for i in range(40):
    p0 = place()
    p = near(*p0)
    calls["aer"].append({"id": f"still{i:02d}", "p": p, "p0": p0, "want": f(pm.geodetic2aer(*p, *p0))})
for i in range(30):
    p0 = place()
    aer = [round(r.uniform(0, 359), 2), round(r.uniform(1, 60), 2), round(r.uniform(500, 40000), 1)]
    calls["reckon"].append({"id": f"sheet{i:02d}", "aer": aer, "p0": p0, "want": f(pm.aer2geodetic(*aer, *p0))})
for i in range(30):
    p = place()
    calls["roundtrip"].append({"id": f"kettle{i:02d}", "p": p, "want": f(pm.ecef2geodetic(*pm.geodetic2ecef(*p)))})
shop = (54.3280, -2.7460, 60.0)
for who, lat, lng in [("Amos Coppersmith", 54.3920, -2.9310), ("Beulah Rivet", 54.2000, -2.6010),
                      ("Cyrus Planisher", 54.4580, -2.7050), ("Delilah Still", 54.2710, -2.9820)]:
    calls["book"].append({"who": who, "p": [lat, lng, 120.0], "p0": list(shop),
                          "want": round(float(pm.geodetic2aer(lat, lng, 120.0, *shop)[0]), 3)})
json.dump(calls, open("tests/copper_calls.json", "w"), indent=1)
'''

SUITE_PY = '''import json
import pathlib

import pytest

import pymap3d as pm

CALLS = json.loads(pathlib.Path(__file__).with_name("copper_calls.json").read_text())


def ids(kind):
    return [c["id"] for c in CALLS[kind]]


@pytest.mark.parametrize("call", CALLS["ecef"], ids=ids("ecef"))
def test_pan_geodetic2ecef(call):
    assert list(pm.geodetic2ecef(*call["p"])) == pytest.approx(call["want"])


@pytest.mark.parametrize("call", CALLS["enu"], ids=ids("enu"))
def test_rivet_geodetic2enu(call):
    assert list(pm.geodetic2enu(*call["p"], *call["p0"])) == pytest.approx(call["want"], abs=1e-3)


@pytest.mark.parametrize("call", CALLS["aer"], ids=ids("aer"))
def test_still_geodetic2aer(call):
    assert list(pm.geodetic2aer(*call["p"], *call["p0"])) == pytest.approx(call["want"], abs=1e-3)


@pytest.mark.parametrize("call", CALLS["reckon"], ids=ids("reckon"))
def test_sheet_aer2geodetic(call):
    assert list(pm.aer2geodetic(*call["aer"], *call["p0"])) == pytest.approx(call["want"], abs=1e-6)


@pytest.mark.parametrize("call", CALLS["roundtrip"], ids=ids("roundtrip"))
def test_kettle_roundtrip(call):
    assert list(pm.ecef2geodetic(*pm.geodetic2ecef(*call["p"]))) == pytest.approx(call["want"], abs=1e-6)
'''

SCRIPT = r"""import json

import pymap3d as pm


class CopperRivetingError(Exception):
    pass


BOOK = json.load(open("tests/copper_calls.json"))["book"]  # the still book: each coppersmith's bearing from the shop


def rivet(entry):
    try:
        got = round(float(pm.geodetic2aer(*entry["p"], *entry["p0"])[0]), 3)
        if abs(got - entry["want"]) > 0.01:
            raise ValueError(f"{entry['p'][0]}, {entry['p'][1]}: still at azimuth {got}, the still book says "
                             f"{entry['want']}")
        return got
    except ValueError as exc:
        raise CopperRivetingError(f"riveting: {entry['who']}'s still seams set on the wrong bearing "
                                  f"({len(BOOK)} stills in the book)") from exc


print(f"coppersmith: {len(BOOK)} coppersmiths' stills to check")
for entry in BOOK:
    print(entry["who"], "->", rivet(entry))
"""


def source(tmp: Path) -> None:
    cm.download_sdists(SRC, "pymap3d-*.tar.gz", ["pymap3d==3.2.0"])
    cm.install_venv(VENV, "mypy", ["pytest==9.2.0", "ruff==0.17.6", "mypy==2.4.1"])
    cm.install_npm(JS, "geodesy", ["eslint@10.16.0", "@eslint/js@10.0.1", "typescript@7.0.2", "geodesy@2.4.0"])
    if str(VENV / "bin") not in cm.PATH_PREFIX:
        cm.PATH_PREFIX.insert(0, str(VENV / "bin"))


def python(tmp: Path) -> None:
    run(f"tar --no-same-owner -xzf {SRC}/{SV}.tar.gz && mv {SV} copperpan && mkdir -p copperpan/tests", cwd=tmp)
    cp = tmp / "copperpan"
    (cp / "gen.py").write_text(GEN)
    (cp / SUITE).write_text(SUITE_PY)
    run("PYTHONPATH=src python3 gen.py && rm gen.py", cwd=cp)  # expectations from the unbroken package
    run(f"rm -rf {HIST} && mkdir -p {HIST} && cp -r copperpan {HIST}/{SV} && cd {HIST} && find {SV} -name "
        f"__pycache__ -prune -exec rm -rf {{}} + ; tar czf {SV}.tar.gz {SV} && rm -rf {SV}", cwd=tmp)
    put_bugs(cp, BUGS)
    env = {"PYTHONPATH": str(cp / "src"), "MYPYPATH": str(cp / "src")}
    cap("pytest-pymap3d-copperpan-v-tbshort", f"{PYTEST} -v --tb=short {SUITE} 2>&1 | tail -n 1400", cp, n_pytest,
        env=env, timeout=300)
    chain("chain-pymap3d-pytest-q-exit", "chain-test-exit", "test",
          [Part(f"{PYTEST} -q --tb=line {SUITE} 2>&1 | tail -n 400", n_pytest), Part("echo EXIT=$?", n_status_echo, ";")],
          cp, env=env, timeout=300)
    cap("mypy-strict-pymap3d-package", f"{MYPY} src/pymap3d {SUITE} 2>&1 | tail -n 400", cp, n_mypy, env=env,
        timeout=300)
    (cp / "still_check.py").write_text(SCRIPT)
    cap("python-chained-traceback-still-check", "python3 still_check.py", cp, n_chained, env=env)


def git_history(tmp: Path) -> None:
    repo = history(tmp, HIST, "pm", SV, [MOD, SUITE], PEOPLE, SEED, 30, BUGS)
    (repo / "NOTES.local").write_text("ecef y with a sine; up component turned; azimuth arguments swapped\n")
    cap("git-log-p-pymap3d-head-1100", "git log -p | head -n 1100", repo, n_log_p, env=GIT_ENV)


LOG_MSGS = {
    "INFO": lambda r: f"pan {r.randint(100, 999)} for {r.choice(['Amos', 'Beulah', 'Cyrus', 'Delilah'])}: "
                      f"{r.randint(14, 30)} {r.choice(['copper sheets', 'kettles', 'warming pans'])} "
                      f"riveted, stake {r.randint(1, 6)} at {r.randint(18, 30)} blows a seam",
    "DEBUG": lambda r: f"annealing hearth {r.choice(['north', 'yard', 'shop'])} heat {r.randint(20, 120)} min "
                       f"for {r.choice(['sheet', 'spout', 'lid'])} copper, batch {r.randint(100, 999)}, "
                       f"flux {r.randint(70, 99)} g",
    "WARNING": lambda r: f"sheet {r.randint(1, 40)} cracked at the seam, split {r.randint(2, 12)} mm at "
                         f"{r.choice(['Planishing Stake', 'Raising Block', 'Rivet Bench'])}, "
                         f"{r.randint(1, 6)} blanks held",
    "ERROR": lambda r: f"annealing hearth {r.randint(1, 8)} burnt through at stake {r.randint(2, 32)}, {r.randint(1, 9)} "
                       f"{r.choice(['sheets', 'rivets', 'kettles', 'pans'])} lost (tally {r.randint(1, 60)})",
}
DIRS = ("/usr/share/doc/libidn2-0", "/usr/share/doc/libharfbuzz0b", "/usr/share/doc/libgdbm6",
        "/usr/share/doc/liblerc4", "/usr/share/doc/libxv1", "/usr/share/doc/libgmpxx4ldbl",
        "/usr/share/doc/libutempter0")
PAGE_DIR = "/usr/share/doc/libxslt1-dev/html/html"
PAGE = "libxslt-variables.html"


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
    with open(d / "coppersheets.csv", "w", newline="") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(["path", "kind", "name", "bytes", "links", "modified"])
        w.writerows(rows)
    run("sqlite3 coppersheets.db '.mode csv' '.import coppersheets.csv sheets'", cwd=d)
    cap("ls-laR-doc-dirs-and-libxslt-c", "ls -laR " + " ".join(DIRS) + " /usr/share/doc/libxslt1-dev", d, n_ls_lR)
    app_log(d / "coppersmiths.log", 67214, 1500, ["copper.shop", "copper.hearth", "copper.stake", "copper.rivets"], LOG_MSGS,
            6721, "2026-12-03")
    cap("app-log-coppersmiths-tail-650", "tail -n 650 coppersmiths.log", d, n_app_log)
    chain("chain-log-grep-error-coppersmiths", "chain-log", "logs",
          [Part("grep -E ' (WARNING|ERROR) ' coppersmiths.log | head -n 260", n_app_log),
           Part("grep -c ERROR coppersmiths.log", None, ";")], d)
    srv = cm.start(f"cd {PAGE_DIR} && exec python3 -m http.server 18672 --bind 127.0.0.1")
    try:
        time.sleep(1.5)
        cap("curl-html-libxslt-variables", f"curl -s http://127.0.0.1:18672/{PAGE}", d, n_html)
    finally:
        os.killpg(srv.pid, signal.SIGTERM)


# round 291's words (round 624's left-hand sides), then this round's
C_NEW = ("COPPERCOIL_H", "coppercoil", "rivet_t", "rivets", "sheet_t", "sheet_weight", "sheet_find",
         "seam_permille", "copper_g", "ore", "seamings", "seam_count_", "_yard", '"yard ', "sheet")
C_RENAMES = tuple((old, new) for (old, _), new in zip(w624.C_RENAMES, C_NEW, strict=True))
RS_NEW = ("copperstill", "0.6.72", "Copper still: heat from sheet gauge, seam load and a ranking of rivet fits.",
          "heat_n", "seam_load", "sheet_um", "stake_um", "rivet_count", "seam_", "seam ", "heat not on",
          "yard limit", "rivets", "odd_")
RS_RENAMES = tuple((old, new) for (old, _), new in zip(w624.RS_RENAMES, RS_NEW, strict=True))


def c_build(tmp: Path) -> None:
    root = tmp / "coppercoil"
    rnd = random.Random(67212)
    files = {"src/coppercoil.h": renamed(base.GATE_H, C_RENAMES),
             "src/rivetframe.c": renamed(base.GATE_C, C_RENAMES)}
    for k in range(30):
        files[f"src/seam_{k:02d}.c"] = renamed(base.gen_c(k, rnd), C_RENAMES)
    objs = " ".join(f"build/{Path(p).stem}.o" for p in files if p.endswith(".c"))
    files["Makefile"] = ("CC=gcc\nCFLAGS=-Wall -Wextra -O1 -Isrc\nOBJS=" + objs + "\n\nall: coppercoil\n\n"
                         "coppercoil: $(OBJS)\n\t$(CC) -o $@ $(OBJS)\n\nbuild/%.o: src/%.c src/coppercoil.h\n"
                         "\t@mkdir -p build\n\t$(CC) $(CFLAGS) -c $< -o $@\n\nclean:\n\trm -rf build coppercoil\n")
    write_tree(root, files)
    chain("chain-make-k-coppercoil-exit", "chain-build-exit", "build",
          [Part("make -k -j1 2>&1 | tail -n 400", n_make), Part("echo EXIT=$?", n_status_echo, ";")], root,
          timeout=600)
    cap("gcc-syntax-coppercoil-seam", "gcc -Wall -Wextra -fsyntax-only -Isrc src/rivetframe.c src/seam_2[0-9].c", root,
        n_gcc, timeout=300)
    run("rm -rf build coppercoil", cwd=root)


def rust(tmp: Path) -> None:
    root = tmp / "copperstill"
    rnd = random.Random(67213)
    broken = renamed(base.BROKEN, RS_RENAMES)
    write_tree(root, {"Cargo.toml": renamed(base.CARGO, RS_RENAMES), "src/lib.rs": renamed(base.LIB, RS_RENAMES),
                      "src/broken.rs": broken, "src/runs.rs": renamed(base.gen_runs(rnd, 120), RS_RENAMES)})
    env = {"CARGO_TARGET_DIR": str(tmp / "copperstill-target"), "CARGO_TERM_COLOR": "never", "CARGO_BUILD_JOBS": "1"}
    cap("cargo-build-errors-copperstill", "cargo build 2>&1", root, n_cargo_build, env=env, timeout=600)
    for line in ("    let label: String = idx.len();\n", "    idx.push(rivet_count);\n"):
        assert line in broken, line
        broken = broken.replace(line, "")
    (root / "src/broken.rs").write_text(broken)
    cap("cargo-test-copperstill-tail", "cargo test 2>&1 | grep -v '^test .* ok$' | tail -n 400", root, n_cargo_test,
        env=env, timeout=600)


GO_NEW = ("copperyard", "rivettally", "yard host", "sheets left, days", "nothing left to rivet", "seam order",
          "sheet grade", "Rivet", "rivet", "Copper", "copper", "Stake", "stake", "Pans", "pans")
GO_RENAMES = tuple((old, new) for (old, _), new in zip(w624.GO_RENAMES, GO_NEW, strict=True))
BENCHES = ["Planishing Stake", "Raising Block", "Rivet Bench", "Sheet Stack", "Seam Bench", "Annealing Hearth",
           "Tinning Loft", "Spout Rack", "Still Room", "Tally Board", "Yard Gate", "Hammer Seven"]
GO_STEP = g273.make_steps(cap, "copperyard", "rivettally", 67211, BENCHES, GO_RENAMES)[0]


def go(tmp: Path) -> None:
    GO_STEP(tmp)
    (tmp / "copperyard" / "restock.go").unlink(missing_ok=True)


COPPER_WORDS = ["copperrack", "copper sums for the copperrack (sheet lengths, annealing rates, rivet charts)",
                "sheetLength", "annealToMs", "heatBand", "rivetLabel", "stakeArea", "seamChart", "stillPlan",
                "No still planned", "unknown still type", "kettle", "ewer", "warmingpan", "rivet",
                "`seam ${w + 1}", "seed = 67218",
                "'copper', 'SHEET', 'seam', 'Rivet', 'kettle', 'ewer', 'Tin', 'spout', 'stake', "
                "'HEARTH', 'blank',\n  'still', 'flux', 'Smith', 'rack', 'planish'",
                "'Amos', 'Beulah', 'Cyrus', 'Delilah', 'Enoch', 'Fenella', 'Gershom', 'Hepzibah', 'Isaac', "
                "'Jael', 'Kezia', 'Lot'"]
assert len(COPPER_WORDS) == len(m299.WAGGLE_NAMES)
COPPER_NAMES = [(old, new) for (old, _), new in zip(m299.WAGGLE_NAMES, COPPER_WORDS)]


def coppered(text: str) -> str:
    for old, new in COPPER_NAMES:
        text = text.replace(old, new)
    return text


HR_BUGS = [(coppered(rel), coppered(old), coppered(new)) for rel, old, new in m290.PA_BUGS]


def js_project(tmp: Path) -> None:
    root = tmp / "copperrack"
    for d in ("lib", "spec"):
        (root / d).mkdir(parents=True, exist_ok=True)
    run(f"ln -s {JS / 'node_modules'} node_modules", cwd=root)
    fixtures = coppered(m290.FIXTURES)
    assert "67218" in fixtures and "STOPPER" not in fixtures and "Branwen" not in fixtures
    write_tree(root, {"package.json": json.dumps({"name": "copperrack", "version": "6.7.2", "type": "module",
                                                  "scripts": {"test": "node --test spec/"}}, indent=2) + "\n",
                      "fixtures.mjs": fixtures, "eslint.config.js": m290.ESLINT_CONFIG,
                      "lib/still-plan.js": coppered(m290.APP), "lib/copperrack.js": coppered(m290.HAWSEHOLE),
                      "lib/package.json": json.dumps({"type": "commonjs"}) + "\n", "tsconfig.json": m290.TSCONFIG})
    run("node fixtures.mjs && rm fixtures.mjs", cwd=root)
    put_bugs(root / "lib", HR_BUGS)
    env = {"PATH": f"{JS}/node_modules/.bin:/usr/bin:/bin"}
    cap("node-test-copperrack-tail-1600", "node --test spec/ 2>&1 | tail -n 1600", root, n_node_test, env=env,
        timeout=300)
    from capture_wide15_js import n_tsc
    chain("chain-eslint-tsc-copperrack", "chain-lint", "lint",
          [Part("npx eslint lib spec | head -n 300", n_eslint), Part("npx tsc --noEmit -p . | head -n 200", n_tsc, ";")],
          root, env=env, timeout=300)


GD = "latlon-spherical.js"
GD_BUGS = [(GD, "Math.cos(φ1)*Math.cos(φ2) * Math.sin(Δλ/2)", "Math.cos(φ1)*Math.sin(φ2) * Math.sin(Δλ/2)"),
           (GD, "const y = Math.sin(Δλ) * Math.cos(φ2);", "const y = Math.sin(Δλ) * Math.cos(φ1);"),
           (GD, "const λm = λ1 + Math.atan2(C.y, C.x);", "const λm = λ1 - Math.atan2(C.y, C.x);")]

# Writes spec/geodesy.test.mjs: the shop's seeded places, each expectation computed here from the UNBROKEN copy of
# geodesy's ES modules in src/geodesy/, before it is broken.
GD_GEN = r"""
import fs from 'node:fs';
import LatLon from './src/geodesy/latlon-spherical.js';
let seed = 67216;
const rnd = () => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed / 2147483648; };
const pick = (xs) => xs[Math.floor(rnd() * xs.length)];
const r5 = (x) => Math.round(x * 1e5) / 1e5;
const SMITHS = ['Amos', 'Beulah', 'Cyrus', 'Delilah', 'Enoch', 'Fenella', 'Gershom', 'Hepzibah'];
const PARTS = ['copper sheet', 'rivet', 'kettle', 'warming pan', 'still head', 'ewer', 'planishing stake'];
const J = JSON.stringify;
const pt = () => [r5(rnd() * 150 - 75), r5(rnd() * 358 - 179)];
const near = (p) => [r5(p[0] + rnd() * 4 - 2), r5(p[1] + rnd() * 4 - 2)];
const L = (p) => new LatLon(p[0], p[1]);
const out = ["import {test} from 'node:test';", "import assert from 'node:assert/strict';",
  "import LatLon from '../src/geodesy/latlon-spherical.js';", '', 'const L = (p) => new LatLon(p[0], p[1]);', ''];
const t = (name, body) => out.push(`test(${J(name)}, () => {\n  ${body}\n});`);
for (let i = 0; i < 60; i++) {
  const a = pt(), b = rnd() < 0.5 ? near(a) : pt();
  t(`${pick(SMITHS)}'s ${pick(PARTS)}, seam ${i + 1}: distanceTo(${J(a)}, ${J(b)})`,
    `assert.equal(L(${J(a)}).distanceTo(L(${J(b)})), ${J(L(a).distanceTo(L(b)))});`);
}
for (let i = 0; i < 50; i++) {
  const a = pt(), b = near(a);
  t(`${pick(SMITHS)}'s rivet ${i + 1}: initialBearingTo(${J(a)}, ${J(b)})`,
    `assert.equal(L(${J(a)}).initialBearingTo(L(${J(b)})), ${J(L(a).initialBearingTo(L(b)))});`);
}
for (let i = 0; i < 40; i++) {
  const a = pt(), d = Math.round(rnd() * 9000000) / 10, brg = Math.round(rnd() * 3600) / 10;
  const q = L(a).destinationPoint(d, brg);
  t(`${pick(SMITHS)}'s kettle ${i + 1}: destinationPoint(${J(a)}, ${d}, ${brg})`,
    `const q = L(${J(a)}).destinationPoint(${d}, ${brg});\n  assert.deepEqual([q.lat, q.lon], ${J([q.lat, q.lon])});`);
}
for (let i = 0; i < 30; i++) {
  const a = pt(), b = pt();
  t(`${pick(SMITHS)}'s still ${i + 1}: rhumbDistanceTo(${J(a)}, ${J(b)})`,
    `assert.equal(L(${J(a)}).rhumbDistanceTo(L(${J(b)})), ${J(L(a).rhumbDistanceTo(L(b)))});`);
}
for (let i = 0; i < 20; i++) {
  const a = pt(), b = near(a), m = L(a).midpointTo(L(b));
  t(`${pick(SMITHS)}'s sheet stack ${i + 1}: midpointTo(${J(a)}, ${J(b)})`,
    `const m = L(${J(a)}).midpointTo(L(${J(b)}));\n  assert.deepEqual([m.lat, m.lon], ${J([m.lat, m.lon])});`);
}
fs.writeFileSync('spec/geodesy.test.mjs', out.join('\n') + '\n');
"""


def npm_project(tmp: Path) -> None:
    root = tmp / "rivetboard"
    for d in ("src", "spec"):
        (root / d).mkdir(parents=True, exist_ok=True)
    run(f"ln -s {JS / 'node_modules'} node_modules", cwd=root)
    write_tree(root, {"package.json": json.dumps({"name": "rivetboard", "version": "0.6.72", "type": "module",
                                                  "scripts": {"test": "node --test spec/"}}, indent=2) + "\n",
                      "gen.mjs": GD_GEN, "eslint.config.js": m290.ESLINT_CONFIG,
                      "src/package.json": json.dumps({"type": "module"}) + "\n"})
    run(f"mkdir -p src/geodesy && cp {JS}/node_modules/geodesy/*.js src/geodesy/", cwd=root)
    run("node gen.mjs && rm gen.mjs", cwd=root)  # expectations from the unbroken copy
    put_bugs(root / "src" / "geodesy", GD_BUGS)
    env = {"PATH": f"{JS}/node_modules/.bin:/usr/bin:/bin"}
    cap("node-test-geodesy-rivetboard-tail-1800", "node --test spec/ 2>&1 | tail -n 1800", root, n_node_test,
        env=env, timeout=300)
    chain("chain-node-test-grep-exit-rivetboard", "chain-test-exit", "test",
          [Part("node --test spec/ 2>&1 | grep -E '^not ok|^# (tests|pass|fail)'", n_node_test),
           Part("echo EXIT=$?", n_status_echo, ";")], root, env=env, timeout=300)
    cap("eslint-geodesy-rivetboard", "npx eslint src 2>&1 | head -n 700", root, n_eslint, env=env, timeout=300)


DOCS = {"doc": str(TMP.parent / "hm-corpus-wide672-docs")}


def specs(root: Path, env: dict) -> list:
    from capture_opencode import Spec
    from capture_wide15_langs import n_go_test
    from capture_wide15_oc import oc_ext
    from capture_wide191_oc import B, C
    S: list = [
        B("oc-bash-pytest-rA-tail-pymap3d", n_pytest,
          f"cd copperpan && PYTHONPATH=src {PYTEST} -rA --tb=short {SUITE} 2>&1 | tail -n 400"),
        B("oc-bash-ruff-full-pymap3d", n_ruff,
          f"ruff check --no-cache --isolated --select ALL --output-format=full copperpan/src/pymap3d/ecef.py "
          f"copperpan/src/pymap3d/enu.py copperpan/{SUITE} copperpan/still_check.py 2>&1 | head -n 900"),
        B("oc-bash-git-blame-pymap3d", n_blame, f"cd copperpan-git && git blame -w {MOD} | sed -n 40,400p"),
        B("oc-bash-git-show-pymap3d-part", n_show, "cd copperpan-git && git show ':/^ecef: part 7 '"),
        B("oc-bash-git-log-p-pymap3d-reverse", n_log_p, "cd copperpan-git && git log -p --reverse | head -n 1500"),
        B("oc-bash-make-k-coppercoil", n_make, "make -C coppercoil -k -B 2>&1 | tail -n 300"),
        B("oc-bash-cargo-test-copperstill", n_cargo_test, "cd copperstill && cargo test 2>&1 | tail -n 450"),
        B("oc-bash-cargo-clippy-copperstill", n_clippy, "cd copperstill && cargo clippy 2>&1 | tail -n 450"),
        B("oc-bash-go-test-v-copperyard", n_go_test,
          "cd copperyard && GOFLAGS=-mod=mod GOPROXY=off GOTOOLCHAIN=local go test -v ./... 2>&1 | tail -n 350"),
        B("oc-bash-ps-aux-mem-head-150", n_ps_aux, "ps auxww --sort=-rss | head -n 150"),
        B("oc-bash-sqlite-coppersheets-largest", n_sqlite_col,
          "sqlite3 -header -column coppersheets.db \"SELECT kind, path, CAST(bytes AS INT) AS bytes, modified "
          "FROM sheets ORDER BY CAST(bytes AS INT) DESC LIMIT 200\""),
        B("oc-bash-csv-sort-coppersheets", n_csv, "(head -n 1 coppersheets.csv; tail -n +2 coppersheets.csv | sort -t, -k4 -n)"),
        B("oc-bash-log-grep-stake-coppersmiths", n_app_log,
          "grep -E 'stake [1-9]( |,|$)|annealing hearth [0-9] burnt through' coppersmiths.log | head -n 400"),
        B("oc-bash-eslint-copperrack", n_eslint, "cd copperrack && npx eslint lib spec 2>&1 | head -n 900"),
    ]
    S.append(C("oc-bash-chain-mypy-strict-pymap3d", "chain-lint", "lint",
               [Part("cd copperpan", None), Part(f"MYPYPATH=src {MYPY} --pretty {MOD} {SUITE} still_check.py "
                                                "2>&1 | tail -n 300", n_mypy, "&&")],
               root, env, "Type-check pymap3d"))
    S.append(C("oc-bash-chain-git-status-diff-pymap3d", "chain-git-status-diff", "git",
               [Part("cd copperpan-git", None), Part("git status", n_status, "&&"), Part("git diff", n_diff, "&&")],
               root, env, "Show the working tree changes"))
    S.append(C("oc-bash-chain-node-test-exit-copperrack", "chain-test-exit", "test",
               [Part("cd copperrack", None), Part("node --test spec/ 2>&1 | tail -n 450", n_node_test, "&&"),
                Part("echo EXIT=$?", n_status_echo, ";")], root, env, "Test copperrack"))
    S.append(C("oc-bash-chain-eslint-node-test-rivetboard", "chain-lint", "lint",
               [Part("cd rivetboard", None), Part("npx eslint src 2>&1 | tail -n 200", n_eslint, "&&"),
                Part("node --test spec/ 2>&1 | tail -n 150", n_node_test, ";")], root, env,
               "Lint and test rivetboard"))
    S.append(C("oc-bash-chain-go-test-tail-exit-copperyard", "chain-test-exit", "test",
               [Part("cd copperyard", None), Part("GOFLAGS=-mod=mod GOPROXY=off GOTOOLCHAIN=local go test ./... 2>&1 "
                                                "| tail -n 80", n_go_test, "&&"),
                Part("echo EXIT=$?", n_status_echo, ";")], root, env, "Test copperyard"))
    fw = "doc/libxslt"
    O = [
        Spec("oc-grep-pymap3d-def-raise-assert", "oc-grep", "search", "grep",
             {"pattern": r"def \w+\(|raise |assert ", "path": "copperpan/src/pymap3d", "include": "*.py"}),
        Spec("oc-glob-coppercoil-c", "oc-glob", "listing", "glob", {"pattern": "**/*.[ch]", "path": "coppercoil"}),
        Spec("oc-read-py-pymap3d-ecef", "oc-read-source", "code", "read",
             {"filePath": f"{root}/copperpan/{MOD}"}, "python"),
        Spec("oc-webfetch-md-libxslt-variables", "oc-webfetch-markdown", "doc", "webfetch",
             {"url": "{BASE}/" + fw + "/" + PAGE, "format": "markdown"}, source=f"{fw}/{PAGE}"),
        Spec("oc-webfetch-text-libxslt-variables", "oc-webfetch-text", "doc", "webfetch",
             {"url": "{BASE}/" + fw + "/" + PAGE, "format": "text"}, source=f"{fw}/{PAGE}"),
    ]
    for spec in O:
        S.append((spec, oc_ext(spec.kind, spec.family, spec)))
    return S


def _doc_server(serve_dir: str):
    """capture_opencode.start_doc_server on the round's own loopback port (28672), round 658's way."""
    import functools
    import http.server
    import threading
    import capture_opencode as oco
    handler = functools.partial(oco._QuietHandler, directory=serve_dir)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 28672), handler)
    threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.1}, daemon=True).start()
    return server


def docs(tmp: Path) -> None:
    d = Path(DOCS["doc"]) / "libxslt"
    run(f"rm -rf {d} && mkdir -p {d} && cp {PAGE_DIR}/{PAGE} {d}/")


def opencode(tmp: Path) -> None:
    import functools
    import capture_opencode as oco
    from capture_wide191_oc import run_round
    orig = oco.start_doc_server, oco.StubServer
    oco.start_doc_server = _doc_server
    oco.StubServer = functools.partial(orig[1], port=38672)
    try:
        run_round(tmp, f"cp -r {tmp}/copperpan copperpan && cp -r {tmp}/pm-git copperpan-git && "
                  f"cp -r {tmp}/coppercoil coppercoil && cp -r {tmp}/copperstill copperstill && "
                  f"cp -r {tmp}/copperyard copperyard && cp -a {tmp}/copperrack copperrack && "
                  f"cp -a {tmp}/rivetboard rivetboard && "
                  f"cp {tmp}/data/coppersheets.db {tmp}/data/coppersheets.csv {tmp}/data/coppersmiths.log .",
                  "find . -name __pycache__ -prune -exec rm -rf {} + ; rm -rf coppercoil/build copperpan/.mypy_cache "
                  "copperpan/.ruff_cache copperpan/.pytest_cache",
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
    sys.modules.setdefault("capture_wide672", sys.modules["__main__"])
    main()
