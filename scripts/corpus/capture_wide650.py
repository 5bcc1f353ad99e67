"""Capture round 650 of the compression corpus (issue #11's kinds on real projects, most of them as OpenCode's tools
hand them over, no new rules), with names from a chair bodger's camp (pole lathes, beech billets, chair legs,
bodgers): vincenty 0.1.4 (its PyPI sdist) with bugs put in (project bodgercamp) under a pytest suite written here from
the unbroken package, ruff and mypy, and a chained traceback; a git history of vincenty/__init__.py and the suite; the
real npm package simplify-js 1.2.4 copied into a project (chairboard) with bugs put in, under a node --test suite
generated here from the unbroken package, and eslint; a C project (polelathe) and a Rust crate (greenwood) from round
291's generators imported and renamed; a Go module (beechcamp) from round 273's make_steps imported with this round's
words; a JavaScript project (spindlerack) from round 290's module and generator imported and renamed; CSV/sqlite
tables of /usr/share/doc files, ps aux, an application log, valgrind's dist.readme-s390.html on loopback; ONE
headless OpenCode run over the same material (its bash, grep, glob, read, webfetch). Every kind's extractor is an
earlier round's, imported (NEEDLES.md's "Round 650: no new rules"). The glue follows round 642's layout
(capture_wide642.py); material, words, seeds and ports are this round's."""

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

ID_PREFIX = "wide650-"
DEFAULT_OUT = HERE / "data" / "wide650.json"
TMP = Path("/dev/shm/hm-corpus-wide650")
SRC = Path("/dev/shm/hm-corpus-wide650-src")  # vincenty-0.1.4.tar.gz, its PyPI sdist
HIST = Path("/dev/shm/hm-corpus-wide650-hist")  # the sdist with the suite written here, for the git history
VENV = Path("/dev/shm/hm-corpus-wide650-venv")  # the round's own tools: pytest, ruff, mypy
JS = Path("/dev/shm/hm-corpus-wide650-js")  # the round's own npm project: eslint, @eslint/js, typescript, simplify-js
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
SEED = 65010
SV = "vincenty-0.1.4"
MOD = "vincenty/__init__.py"
SUITE = "tests/test_leg_distances.py"
GIT_ENV, MYPY, PYTEST = w624.GIT_ENV, w624.MYPY, w624.PYTEST
PEOPLE = [("Amos Beech", "amos@example.org"), ("Hepzibah Lathe", "hepzibah@example.org"),
          ("Amos Beech", "amos@example.org"), ("Silas Billet", "silas@example.org"),
          ("Tabitha Froe", "tabitha@example.org")]
BUGS = [(MOD, "    if point1[0] == point2[0] and point1[1] == point2[1]:\n",
         "    if point1[0] == point2[0] or point1[1] == point2[1]:\n"),
        (MOD, "    U2 = math.atan((1 - f) * math.tan(math.radians(point2[0])))\n",
         "    U2 = math.atan((1 + f) * math.tan(math.radians(point2[0])))\n"),
        (MOD, "        s *= MILES_PER_KILOMETER  # kilometers to miles\n",
         "        s /= MILES_PER_KILOMETER  # kilometers to miles\n")]

# Writes tests/leg_calls.json from the UNBROKEN package (run before the bugs go in).
GEN = r'''import json, random
from vincenty import vincenty

r = random.Random(65010)
calls = {"km": [], "miles": [], "meridian": [], "parallel": [], "same": [], "book": []}
pt = lambda: (round(r.uniform(-80, 80), 6), round(r.uniform(-179.9, 179.9), 6))
for i in range(70):
    a, b = pt(), pt()
    calls["km"].append({"id": f"pitch{i:02d}", "a": a, "b": b, "want": vincenty(a, b)})
for i in range(50):
    a, b = pt(), pt()
    calls["miles"].append({"id": f"haul{i:02d}", "a": a, "b": b, "want": vincenty(a, b, miles=True)})
for i in range(30):
    a = pt()
    b = (round(r.uniform(-80, 80), 6), a[1])
    calls["meridian"].append({"id": f"billet{i:02d}", "a": a, "b": b, "want": vincenty(a, b)})
for i in range(30):
    a = pt()
    b = (a[0], round(r.uniform(-179.9, 179.9), 6))
    calls["parallel"].append({"id": f"spindle{i:02d}", "a": a, "b": b, "want": vincenty(a, b)})
for i in range(10):
    a = pt()
    calls["same"].append({"id": f"lathe{i:02d}", "a": a, "b": a, "want": vincenty(a, a)})
for who, a, b in [("Amos Beech", (51.6286, -0.7482), (51.6290, -0.7401)),
                  ("Hepzibah Lathe", (51.6528, -0.8563), (51.6286, -0.7482)),
                  ("Silas Billet", (51.5934, -0.6420), (51.6286, -0.7482)),
                  ("Tabitha Froe", (51.7151, -0.7016), (51.6286, -0.7482))]:
    calls["book"].append({"who": who, "a": a, "b": b, "want": vincenty(a, b)})
json.dump(calls, open("tests/leg_calls.json", "w"), indent=1)
'''

SUITE_PY = '''import json
import pathlib

import pytest

from vincenty import vincenty, vincenty_inverse

CALLS = json.loads(pathlib.Path(__file__).with_name("leg_calls.json").read_text())


def ids(kind):
    return [c["id"] for c in CALLS[kind]]


@pytest.mark.parametrize("call", CALLS["km"], ids=ids("km"))
def test_pitch_km(call):
    assert vincenty(call["a"], call["b"]) == call["want"]


@pytest.mark.parametrize("call", CALLS["miles"], ids=ids("miles"))
def test_haul_miles(call):
    assert vincenty_inverse(call["a"], call["b"], miles=True) == call["want"]


@pytest.mark.parametrize("call", CALLS["meridian"], ids=ids("meridian"))
def test_billet_meridian(call):
    assert vincenty(call["a"], call["b"]) == call["want"]


@pytest.mark.parametrize("call", CALLS["parallel"], ids=ids("parallel"))
def test_spindle_parallel(call):
    assert vincenty(call["a"], call["b"]) == call["want"]


@pytest.mark.parametrize("call", CALLS["same"], ids=ids("same"))
def test_lathe_same_pitch(call):
    assert vincenty(call["a"], call["b"]) == call["want"] == 0.0
'''

SCRIPT = r"""import json

from vincenty import vincenty


class BodgingError(Exception):
    pass


BOOK = json.load(open("tests/leg_calls.json"))["book"]  # the carrier's book: each bodger's haul, as first written


def haul(entry):
    try:
        got = vincenty(entry["a"], entry["b"])
        if got != entry["want"]:
            raise ValueError(f"{entry['a']} -> {entry['b']}: haul {got!r} km, the carrier's book says "
                             f"{entry['want']!r} km")
        return got
    except ValueError as exc:
        raise BodgingError(f"bodging: {entry['who']}'s chair legs carted the wrong distance "
                           f"({len(BOOK)} hauls in the book)") from exc


print(f"chair bodger: {len(BOOK)} bodgers' hauls to check")
for entry in BOOK:
    print(entry["who"], "->", haul(entry))
"""


def source(tmp: Path) -> None:
    cm.download_sdists(SRC, "vincenty-*.tar.gz", ["vincenty==0.1.4"])
    cm.install_venv(VENV, "mypy", ["pytest==9.2.0", "ruff==0.17.6", "mypy==2.4.1"])
    cm.install_npm(JS, "simplify-js", ["eslint@10.16.0", "@eslint/js@10.0.1", "typescript@7.0.2",
                                       "simplify-js@1.2.4"])
    if str(VENV / "bin") not in cm.PATH_PREFIX:
        cm.PATH_PREFIX.insert(0, str(VENV / "bin"))


def python(tmp: Path) -> None:
    run(f"tar --no-same-owner -xzf {SRC}/{SV}.tar.gz && mv {SV} bodgercamp", cwd=tmp)
    cp = tmp / "bodgercamp"
    (cp / "tests").mkdir(exist_ok=True)
    (cp / "gen.py").write_text(GEN)
    (cp / SUITE).write_text(SUITE_PY)
    run("PYTHONPATH=. python3 gen.py && rm gen.py", cwd=cp)  # expectations from the unbroken package
    run(f"rm -rf {HIST} && mkdir -p {HIST} && cp -r bodgercamp {HIST}/{SV} && cd {HIST} && find {SV} -name "
        f"__pycache__ -prune -exec rm -rf {{}} + ; tar czf {SV}.tar.gz {SV} && rm -rf {SV}", cwd=tmp)
    put_bugs(cp, BUGS)
    env = {"PYTHONPATH": str(cp), "MYPYPATH": str(cp)}
    cap("pytest-vincenty-bodgercamp-v-tbshort", f"{PYTEST} -v --tb=short {SUITE} 2>&1 | tail -n 1300", cp, n_pytest,
        env=env, timeout=300)
    chain("chain-vincenty-pytest-q-exit", "chain-test-exit", "test",
          [Part(f"{PYTEST} -q --tb=line {SUITE} 2>&1 | tail -n 400", n_pytest), Part("echo EXIT=$?", n_status_echo, ";")],
          cp, env=env, timeout=300)
    cap("mypy-strict-vincenty-package", f"{MYPY} vincenty {SUITE} 2>&1 | tail -n 400", cp, n_mypy, env=env,
        timeout=300)
    (cp / "leg_check.py").write_text(SCRIPT)
    cap("python-chained-traceback-leg-check", "python3 leg_check.py", cp, n_chained, env=env)


def git_history(tmp: Path) -> None:
    repo = history(tmp, HIST, "vc", SV, [MOD, SUITE], PEOPLE, SEED, 8, BUGS)
    (repo / "NOTES.local").write_text("same meridian reads as coincident; U2 flattening sign; miles divided\n")
    cap("git-log-p-vincenty-head-1100", "git log -p | head -n 1100", repo, n_log_p, env=GIT_ENV)


LOG_MSGS = {
    "INFO": lambda r: f"leg {r.randint(100, 999)} for {r.choice(['Amos', 'Hepzibah', 'Silas', 'Tabitha'])}: "
                      f"{r.randint(6, 14)} {r.choice(['beech billets', 'ash billets', 'cleft spindles'])} "
                      f"turned, {r.randint(7, 11)} coves, lathe {r.randint(1, 30)}",
    "DEBUG": lambda r: f"treadle {r.choice(['beech', 'ash', 'elm'])} pass {r.randint(20, 120)} turns "
                       f"on {r.choice(['front', 'back', 'side'])} legs, pole spring {r.randint(100, 999)}, "
                       f"sap {r.randint(30, 90)}",
    "WARNING": lambda r: f"lathe {r.randint(1, 40)} billet split at bead {r.randint(1, 11)}, whip "
                         f"{r.randint(2, 12)} mm at {r.choice(['Pole Lathe', 'Billet Pile', 'Shaving Horse'])}, "
                         f"{r.randint(1, 6)} legs held",
    "ERROR": lambda r: f"pole spring {r.randint(1, 8)} snapped at lathe {r.randint(2, 32)}, {r.randint(1, 9)} "
                       f"{r.choice(['legs', 'billets', 'spindles', 'stretchers'])} lost (tally {r.randint(1, 60)})",
}
DIRS = ("/usr/share/doc/heaptrack", "/usr/share/doc/httperf", "/usr/share/doc/icu-devtools", "/usr/share/doc/kbproto")
PAGE_DIR = "/usr/share/doc/valgrind/html"
PAGE = "dist.readme-s390.html"


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
    with open(d / "chairlegs.csv", "w", newline="") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(["path", "kind", "name", "bytes", "links", "modified"])
        w.writerows(rows)
    run("sqlite3 chairlegs.db '.mode csv' '.import chairlegs.csv chairlegs'", cwd=d)
    cap("ls-laR-doc-dirs-and-valgrind", "ls -laR " + " ".join(DIRS) + " /usr/share/doc/valgrind", d, n_ls_lR)
    app_log(d / "bodgers.log", 65014, 1500, ["bodgers.camp", "bodgers.billets", "bodgers.lathes",
                                            "bodgers.turning"], LOG_MSGS, 6501, "2026-12-03")
    cap("app-log-bodgers-tail-650", "tail -n 650 bodgers.log", d, n_app_log)
    chain("chain-log-grep-error-bodgers", "chain-log", "logs",
          [Part("grep -E ' (WARNING|ERROR) ' bodgers.log | head -n 260", n_app_log),
           Part("grep -c ERROR bodgers.log", None, ";")], d)
    srv = cm.start(f"cd {PAGE_DIR} && exec python3 -m http.server 18650 --bind 127.0.0.1")
    try:
        time.sleep(1.5)
        cap("curl-html-valgrind-readme-s390", f"curl -s http://127.0.0.1:18650/{PAGE}", d, n_html)
    finally:
        os.killpg(srv.pid, signal.SIGTERM)


# round 291's words (round 624's left-hand sides), then this round's
C_NEW = ("POLELATHE_H", "polelathe", "leg_t", "legs", "bench_t", "bench_weight", "bench_find", "turn_permille",
         "beech_g", "billet", "turnings", "turn_count_", "_camp", '"camp ', "bench")
C_RENAMES = tuple((old, new) for (old, _), new in zip(w624.C_RENAMES, C_NEW, strict=True))
RS_NEW = ("greenwood", "0.6.50", "Green wood: turn from billet bore, leg load and a ranking of chair joints.",
          "turn_n", "leg_load", "billet_um", "spindle_um", "chair_count", "leg_", "leg ", "turn not on",
          "camp limit", "chairs", "odd_")
RS_RENAMES = tuple((old, new) for (old, _), new in zip(w624.RS_RENAMES, RS_NEW, strict=True))


def c_build(tmp: Path) -> None:
    root = tmp / "polelathe"
    rnd = random.Random(65012)
    files = {"src/polelathe.h": renamed(base.GATE_H, C_RENAMES),
             "src/benchframe.c": renamed(base.GATE_C, C_RENAMES)}
    for k in range(30):
        files[f"src/turn_{k:02d}.c"] = renamed(base.gen_c(k, rnd), C_RENAMES)
    objs = " ".join(f"build/{Path(p).stem}.o" for p in files if p.endswith(".c"))
    files["Makefile"] = ("CC=gcc\nCFLAGS=-Wall -Wextra -O1 -Isrc\nOBJS=" + objs + "\n\nall: polelathe\n\n"
                         "polelathe: $(OBJS)\n\t$(CC) -o $@ $(OBJS)\n\nbuild/%.o: src/%.c src/polelathe.h\n"
                         "\t@mkdir -p build\n\t$(CC) $(CFLAGS) -c $< -o $@\n\nclean:\n\trm -rf build polelathe\n")
    write_tree(root, files)
    chain("chain-make-k-polelathe-exit", "chain-build-exit", "build",
          [Part("make -k -j1 2>&1 | tail -n 400", n_make), Part("echo EXIT=$?", n_status_echo, ";")], root,
          timeout=600)
    cap("gcc-syntax-polelathe-turn", "gcc -Wall -Wextra -fsyntax-only -Isrc src/benchframe.c "
        "src/turn_1[0-9].c", root, n_gcc, timeout=300)
    run("rm -rf build polelathe", cwd=root)


def rust(tmp: Path) -> None:
    root = tmp / "greenwood"
    rnd = random.Random(65013)
    broken = renamed(base.BROKEN, RS_RENAMES)
    write_tree(root, {"Cargo.toml": renamed(base.CARGO, RS_RENAMES), "src/lib.rs": renamed(base.LIB, RS_RENAMES),
                      "src/broken.rs": broken, "src/runs.rs": renamed(base.gen_runs(rnd, 120), RS_RENAMES)})
    env = {"CARGO_TARGET_DIR": str(tmp / "greenwood-target"), "CARGO_TERM_COLOR": "never", "CARGO_BUILD_JOBS": "1"}
    cap("cargo-build-errors-greenwood", "cargo build 2>&1", root, n_cargo_build, env=env, timeout=600)
    for line in ("    let label: String = idx.len();\n", "    idx.push(chair_count);\n"):
        assert line in broken, line
        broken = broken.replace(line, "")
    (root / "src/broken.rs").write_text(broken)
    cap("cargo-test-greenwood-tail", "cargo test 2>&1 | grep -v '^test .* ok$' | tail -n 400", root, n_cargo_test,
        env=env, timeout=600)


GO_NEW = ("beechcamp", "legtally", "camp host", "legs left, days", "nothing left to turn", "turn order",
          "billet grade", "Chair", "chair", "Billet", "billet", "Lathe", "lathe", "Legs", "legs")
GO_RENAMES = tuple((old, new) for (old, _), new in zip(w624.GO_RENAMES, GO_NEW, strict=True))
LATHES = ["Pole Lathe", "Beech Stack", "Riving Brake", "Shaving Horse", "Billet Pile", "Leg Rack", "Spindle Shed",
          "Chair Frame", "Froe Block", "Tally Board", "Camp Gate", "Lathe Nine"]
GO_STEP = g273.make_steps(cap, "beechcamp", "legtally", 65011, LATHES, GO_RENAMES)[0]


def go(tmp: Path) -> None:
    GO_STEP(tmp)
    (tmp / "beechcamp" / "restock.go").unlink(missing_ok=True)


BODGER_WORDS = ["spindlerack", "leg sums for the spindlerack (billet lengths, turning rates, lathe charts)",
                "billetLength", "turnToMs", "greenBand", "legLabel", "spindleArea", "latheChart", "chairPlan",
                "No chair planned", "unknown leg type", "stretcher", "spindle", "rail", "lathe",
                "`lathe ${w + 1}", "seed = 65018",
                "'billet', 'LATHE', 'froe', 'Pole', 'drawknife', 'horse', 'Beech', 'chuck', 'treadle', "
                "'SPINDLE', 'bodge',\n  'shavings', 'mandrel', 'Bodger', 'rack', 'camp'",
                "'Amos', 'Hepzibah', 'Silas', 'Tabitha', 'Obadiah', 'Keturah', 'Enoch', 'Jemima', 'Reuben', "
                "'Dorcas', 'Levi', 'Zillah'"]
assert len(BODGER_WORDS) == len(m299.WAGGLE_NAMES)
BODGER_NAMES = [(old, new) for (old, _), new in zip(m299.WAGGLE_NAMES, BODGER_WORDS)]


def bodged(text: str) -> str:
    for old, new in BODGER_NAMES:
        text = text.replace(old, new)
    return text


SR_BUGS = [(bodged(rel), bodged(old), bodged(new)) for rel, old, new in m290.PA_BUGS]


def js_project(tmp: Path) -> None:
    root = tmp / "spindlerack"
    for d in ("lib", "spec"):
        (root / d).mkdir(parents=True, exist_ok=True)
    run(f"ln -s {JS / 'node_modules'} node_modules", cwd=root)
    fixtures = bodged(m290.FIXTURES)
    assert "65018" in fixtures and "STOPPER" not in fixtures and "Branwen" not in fixtures
    write_tree(root, {"package.json": json.dumps({"name": "spindlerack", "version": "6.5.0", "type": "module",
                                                  "scripts": {"test": "node --test spec/"}}, indent=2) + "\n",
                      "fixtures.mjs": fixtures, "eslint.config.js": m290.ESLINT_CONFIG,
                      "lib/chair-plan.js": bodged(m290.APP), "lib/spindlerack.js": bodged(m290.HAWSEHOLE),
                      "lib/package.json": json.dumps({"type": "commonjs"}) + "\n", "tsconfig.json": m290.TSCONFIG})
    run("node fixtures.mjs && rm fixtures.mjs", cwd=root)
    put_bugs(root / "lib", SR_BUGS)
    env = {"PATH": f"{JS}/node_modules/.bin:/usr/bin:/bin"}
    cap("node-test-spindlerack-tail-2000", "node --test spec/ 2>&1 | tail -n 2000", root, n_node_test, env=env,
        timeout=300)
    chain("chain-eslint-tsc-spindlerack", "chain-lint", "lint",
          [Part("npx eslint lib spec | head -n 300", n_eslint), Part("npx tsc --noEmit -p . | head -n 200", n_tsc, ";")],
          root, env=env, timeout=300)


SJ = "simplify.js"
SJ_BUGS = [(SJ, "        } else if (t > 0) {\n", "        } else if (t > 1) {\n"),
           (SJ, "    if (prevPoint !== point) newPoints.push(point);\n",
            "    if (prevPoint === point) newPoints.push(point);\n"),
           (SJ, "    var sqTolerance = tolerance !== undefined ? tolerance * tolerance : 1;\n",
            "    var sqTolerance = tolerance !== undefined ? tolerance : 1;\n")]

# Writes spec/simplify.test.mjs: the camp's seeded leg profiles, each expectation computed here from the UNBROKEN
# package in node_modules, before src/simplify.js is broken.
SJ_GEN = r"""
import fs from 'node:fs';
import simplify from 'simplify-js';
let seed = 65016;
const rnd = () => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed / 2147483648; };
const pick = (xs) => xs[Math.floor(rnd() * xs.length)];
const r2 = (x) => Math.round(x * 100) / 100;
const BODGERS = ['Amos', 'Hepzibah', 'Silas', 'Tabitha', 'Obadiah', 'Keturah', 'Enoch', 'Jemima'];
const PARTS = ['front leg', 'back leg', 'stretcher', 'spindle', 'rail', 'bead', 'cove'];
const J = JSON.stringify;
const line = (n) => { const pts = []; let y = r2(rnd() * 20);
  for (let k = 0; k < n; k++) { y = r2(y + rnd() * 6 - 3); pts.push({x: r2(k * 1.5 + rnd()), y}); } return pts; };
const out = ["import {test} from 'node:test';", "import assert from 'node:assert/strict';",
  "import simplify from '../src/simplify.js';", ''];
const t = (name, body) => out.push(`test(${J(name)}, () => {\n  ${body}\n});`);
for (let i = 0; i < 60; i++) {
  const pts = line(5 + Math.floor(rnd() * 16)), tol = r2(0.3 + rnd() * 2.5);
  t(`${pick(BODGERS)}'s ${pick(PARTS)}, lathe ${i + 1}: simplify(${pts.length} points, ${tol})`,
    `assert.deepEqual(simplify(${J(pts)}, ${tol}), ${J(simplify(pts, tol))});`);
}
for (let i = 0; i < 50; i++) {
  const pts = line(5 + Math.floor(rnd() * 16)), tol = r2(0.3 + rnd() * 2.5);
  t(`${pick(BODGERS)}'s ${pick(PARTS)}, billet ${i + 1}: simplify(${pts.length} points, ${tol}, true)`,
    `assert.deepEqual(simplify(${J(pts)}, ${tol}, true), ${J(simplify(pts, tol, true))});`);
}
for (let i = 0; i < 40; i++) {
  const pts = line(4 + Math.floor(rnd() * 12));
  t(`${pick(BODGERS)}'s ${pick(PARTS)}, camp ${i + 1}: simplify(${pts.length} points) default tolerance`,
    `assert.deepEqual(simplify(${J(pts)}), ${J(simplify(pts))});`);
}
for (let i = 0; i < 30; i++) {
  const pts = line(1 + Math.floor(rnd() * 2));
  t(`${pick(BODGERS)}'s ${pick(PARTS)}, stub ${i + 1}: simplify(${pts.length} points, 1)`,
    `assert.deepEqual(simplify(${J(pts)}, 1), ${J(simplify(pts, 1))});`);
}
fs.writeFileSync('spec/simplify.test.mjs', out.join('\n') + '\n');
"""


def npm_project(tmp: Path) -> None:
    root = tmp / "chairboard"
    for d in ("src", "spec"):
        (root / d).mkdir(parents=True, exist_ok=True)
    run(f"ln -s {JS / 'node_modules'} node_modules", cwd=root)
    write_tree(root, {"package.json": json.dumps({"name": "chairboard", "version": "0.6.50", "type": "module",
                                                  "scripts": {"test": "node --test spec/"}}, indent=2) + "\n",
                      "gen.mjs": SJ_GEN, "eslint.config.js": m290.ESLINT_CONFIG,
                      "src/package.json": json.dumps({"type": "commonjs"}) + "\n"})
    run("node gen.mjs && rm gen.mjs", cwd=root)
    run(f"cp {JS}/node_modules/simplify-js/{SJ} src/{SJ}", cwd=root)
    put_bugs(root / "src", SJ_BUGS)
    env = {"PATH": f"{JS}/node_modules/.bin:/usr/bin:/bin"}
    cap("node-test-simplify-js-chairboard-tail-1800", "node --test spec/ 2>&1 | tail -n 1800", root, n_node_test,
        env=env, timeout=300)
    chain("chain-node-test-grep-exit-chairboard", "chain-test-exit", "test",
          [Part("node --test spec/ 2>&1 | grep -E '^not ok|^# (tests|pass|fail)'", n_node_test),
           Part("echo EXIT=$?", n_status_echo, ";")], root, env=env, timeout=300)
    cap("eslint-simplify-js-chairboard", "npx eslint src 2>&1", root, n_eslint, env=env, timeout=300)


DOCS = {"doc": str(TMP.parent / "hm-corpus-wide650-docs")}


def specs(root: Path, env: dict) -> list:
    from capture_opencode import Spec
    from capture_wide15_langs import n_go_test
    from capture_wide15_oc import oc_ext
    from capture_wide191_oc import B, C
    S: list = [
        B("oc-bash-pytest-rA-tail-vincenty", n_pytest,
          f"cd bodgercamp && PYTHONPATH=. {PYTEST} -rA --tb=short {SUITE} 2>&1 | tail -n 400"),
        B("oc-bash-ruff-full-vincenty", n_ruff,
          f"ruff check --no-cache --isolated --select ALL --output-format=full bodgercamp/vincenty "
          f"bodgercamp/{SUITE} bodgercamp/leg_check.py 2>&1 | head -n 900"),
        B("oc-bash-git-blame-vincenty", n_blame, f"cd bodgercamp-git && git blame -w {MOD}"),
        B("oc-bash-git-show-vincenty-part", n_show, "cd bodgercamp-git && git show ':/^__init__: part 9 '"),
        B("oc-bash-git-log-p-vincenty-reverse", n_log_p, "cd bodgercamp-git && git log -p --reverse | head -n 1500"),
        B("oc-bash-make-k-polelathe", n_make, "make -C polelathe -k -B 2>&1 | tail -n 300"),
        B("oc-bash-cargo-test-greenwood", n_cargo_test, "cd greenwood && cargo test 2>&1 | tail -n 450"),
        B("oc-bash-cargo-clippy-greenwood", n_clippy, "cd greenwood && cargo clippy 2>&1 | tail -n 450"),
        B("oc-bash-go-test-v-beechcamp", n_go_test,
          "cd beechcamp && GOFLAGS=-mod=mod GOPROXY=off GOTOOLCHAIN=local go test -v ./... 2>&1 | tail -n 350"),
        B("oc-bash-ps-aux-mem-head-150", n_ps_aux, "ps auxww --sort=-rss | head -n 150"),
        B("oc-bash-sqlite-chairlegs-largest", n_sqlite_col,
          "sqlite3 -header -column chairlegs.db \"SELECT kind, path, CAST(bytes AS INT) AS bytes, modified "
          "FROM chairlegs ORDER BY CAST(bytes AS INT) DESC LIMIT 200\""),
        B("oc-bash-csv-sort-chairlegs", n_csv,
          "(head -n 1 chairlegs.csv; tail -n +2 chairlegs.csv | sort -t, -k4 -n)"),
        B("oc-bash-log-grep-lathe-bodgers", n_app_log,
          "grep -E 'lathe [1-9]( |,|$)|pole spring [0-9] snapped' bodgers.log | head -n 400"),
        B("oc-bash-eslint-spindlerack", n_eslint, "cd spindlerack && npx eslint lib spec 2>&1 | head -n 900"),
    ]
    S.append(C("oc-bash-chain-mypy-strict-vincenty", "chain-lint", "lint",
               [Part("cd bodgercamp", None), Part(f"MYPYPATH=. {MYPY} --pretty {MOD} {SUITE} leg_check.py "
                                                  "2>&1 | tail -n 300", n_mypy, "&&")],
               root, env, "Type-check vincenty"))
    S.append(C("oc-bash-chain-git-status-diff-vincenty", "chain-git-status-diff", "git",
               [Part("cd bodgercamp-git", None), Part("git status", n_status, "&&"), Part("git diff", n_diff, "&&")],
               root, env, "Show the working tree changes"))
    S.append(C("oc-bash-chain-node-test-exit-spindlerack", "chain-test-exit", "test",
               [Part("cd spindlerack", None), Part("node --test spec/ 2>&1 | tail -n 450", n_node_test, "&&"),
                Part("echo EXIT=$?", n_status_echo, ";")], root, env, "Test spindlerack"))
    S.append(C("oc-bash-chain-eslint-node-test-chairboard", "chain-lint", "lint",
               [Part("cd chairboard", None), Part("npx eslint src 2>&1", n_eslint, "&&"),
                Part("node --test spec/ 2>&1 | tail -n 150", n_node_test, ";")], root, env, "Lint and test chairboard"))
    fw = "doc/valgrind"
    O = [
        Spec("oc-grep-vincenty-def-assert", "oc-grep", "search", "grep",
             {"pattern": r"def \w+\(|raise |assert |return ", "path": "bodgercamp", "include": "*.py"}),
        Spec("oc-glob-polelathe-c", "oc-glob", "listing", "glob", {"pattern": "**/*.[ch]", "path": "polelathe"}),
        Spec("oc-read-py-vincenty", "oc-read-source", "code", "read",
             {"filePath": f"{root}/bodgercamp/{MOD}"}, "python"),
        Spec("oc-webfetch-md-valgrind-readme-s390", "oc-webfetch-markdown", "doc", "webfetch",
             {"url": "{BASE}/" + fw + "/" + PAGE, "format": "markdown"}, source=f"{fw}/{PAGE}"),
        Spec("oc-webfetch-text-valgrind-readme-s390", "oc-webfetch-text", "doc", "webfetch",
             {"url": "{BASE}/" + fw + "/" + PAGE, "format": "text"}, source=f"{fw}/{PAGE}"),
    ]
    for spec in O:
        S.append((spec, oc_ext(spec.kind, spec.family, spec)))
    return S


def _doc_server(serve_dir: str):
    """capture_opencode.start_doc_server on the round's own loopback port (28650), round 436's way."""
    import functools
    import http.server
    import threading
    import capture_opencode as oco
    handler = functools.partial(oco._QuietHandler, directory=serve_dir)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 28650), handler)
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
    oco.StubServer = functools.partial(orig[1], port=38650)
    try:
        run_round(tmp, f"cp -r {tmp}/bodgercamp bodgercamp && cp -r {tmp}/vc-git bodgercamp-git && "
                  f"cp -r {tmp}/polelathe polelathe && cp -r {tmp}/greenwood greenwood && "
                  f"cp -r {tmp}/beechcamp beechcamp && cp -a {tmp}/spindlerack spindlerack && "
                  f"cp -a {tmp}/chairboard chairboard && "
                  f"cp {tmp}/data/chairlegs.db {tmp}/data/chairlegs.csv {tmp}/data/bodgers.log .",
                  "find . -name __pycache__ -prune -exec rm -rf {} + ; rm -rf polelathe/build bodgercamp/.mypy_cache "
                  "bodgercamp/.ruff_cache bodgercamp/.pytest_cache",
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
    sys.modules.setdefault("capture_wide650", sys.modules["__main__"])
    main()
