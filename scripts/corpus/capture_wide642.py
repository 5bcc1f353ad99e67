"""Capture round 642 of the compression corpus (issue #11's kinds on real projects, most of them as OpenCode's tools
hand them over, no new rules), with names from a hurdle maker's copse (wattle hurdles, sails, zales, hurdlers):
mercantile 1.2.1 (its PyPI sdist) with bugs put in (project hurdlecopse) under a pytest suite written here from the
unbroken package, ruff and mypy, and a chained traceback; a git history of mercantile/__init__.py and the suite; the
real npm package latlon-geohash 2.0.0 copied into a project (zaleboard) with bugs put in, under a node --test suite
generated here from the unbroken package, and eslint; a C project (hurdlesail) and a Rust crate (spargrove) from
round 291's generators imported and renamed; a Go module (copseyard) from round 273's make_steps imported with this
round's words; a JavaScript project (hurdlerack) from round 290's module and generator imported and renamed; CSV/sqlite
tables of /usr/share/doc files, ps aux, an application log, valgrind's nl-manual.html on loopback; ONE headless
OpenCode run over the same material (its bash, grep, glob, read, webfetch). Every kind's extractor is an earlier
round's, imported (NEEDLES.md's "Round 642: no new rules"). The glue follows round 637's layout (capture_wide637.py,
whose helpers for the doc server are imported); material, words, seeds and ports are this round's."""

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

ID_PREFIX = "wide642-"
DEFAULT_OUT = HERE / "data" / "wide642.json"
TMP = Path("/dev/shm/hm-corpus-wide642")
SRC = Path("/dev/shm/hm-corpus-wide642-src")  # mercantile-1.2.1.tar.gz, its PyPI sdist
HIST = Path("/dev/shm/hm-corpus-wide642-hist")  # the sdist with the suite written here, for the git history
VENV = Path("/dev/shm/hm-corpus-wide642-venv")  # the round's own tools: pytest, hypothesis, ruff, mypy
JS = Path("/dev/shm/hm-corpus-wide642-js")  # the round's own npm project: eslint, @eslint/js, typescript, latlon-geohash
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
SEED = 64210
SV = "mercantile-1.2.1"
MOD = "mercantile/__init__.py"
SUITE = "tests/test_sail_tiles.py"
GIT_ENV, MYPY, PYTEST = w624.GIT_ENV, w624.MYPY, w624.PYTEST
PEOPLE = [("Jethro Wattle", "jethro@example.org"), ("Keziah Zale", "keziah@example.org"),
          ("Jethro Wattle", "jethro@example.org"), ("Barnaby Spar", "barnaby@example.org"),
          ("Thomasina Sail", "thomasina@example.org")]
BUGS = [(MOD, "    lr_lon_deg = (xtile + 1) / Z2 * 360.0 - 180.0\n", "    lr_lon_deg = (xtile + 2) / Z2 * 360.0 - 180.0\n"),
        (MOD, "    x = RE * math.radians(lng)\n", "    x = RE * math.radians(lat)\n"),
        (MOD, "            digit += 2\n", "            digit += 3\n")]

# Writes tests/sail_calls.json from the UNBROKEN package (run before the bugs go in).
GEN = r'''import json, random
import mercantile as mt

r = random.Random(64210)
calls = {"tile": [], "bounds": [], "xy": [], "quadkey": [], "book": []}
for i in range(60):
    lng, lat = round(r.uniform(-179.9, 179.9), 6), round(r.uniform(-84, 84), 6)
    z = r.randint(1, 18)
    calls["tile"].append({"id": f"hurdle{i:02d}-z{z}", "lng": lng, "lat": lat, "z": z, "want": list(mt.tile(lng, lat, z))})
for i in range(60):
    z = r.randint(1, 16)
    t = [r.randrange(2 ** z), r.randrange(2 ** z), z]
    calls["bounds"].append({"id": f"sail{i:02d}-{t[0]}-{t[1]}-{t[2]}", "t": t, "want": list(mt.bounds(*t)),
                            "ul": list(mt.ul(*t))})
for i in range(40):
    lng, lat = round(r.uniform(-179.9, 179.9), 5), round(r.uniform(-84, 84), 5)
    calls["xy"].append({"id": f"zale{i:02d}", "lng": lng, "lat": lat, "want": list(mt.xy(lng, lat))})
for i in range(50):
    z = r.randint(1, 14)
    t = [r.randrange(2 ** z), r.randrange(2 ** z), z]
    qk = mt.quadkey(*t)
    calls["quadkey"].append({"id": f"spar{i:02d}-{qk}", "t": t, "want": qk})
for who, lng, lat in [("Jethro Wattle", -1.3167, 51.0632), ("Keziah Zale", -2.7195, 51.1489),
                      ("Barnaby Spar", 0.4769, 51.2734), ("Thomasina Sail", -3.5275, 50.7236)]:
    calls["book"].append({"who": who, "lng": lng, "lat": lat, "want": mt.quadkey(mt.tile(lng, lat, 12))})
json.dump(calls, open("tests/sail_calls.json", "w"), indent=1)
'''

SUITE_PY = '''import json
import pathlib

import pytest

import mercantile as mt

CALLS = json.loads(pathlib.Path(__file__).with_name("sail_calls.json").read_text())


def ids(kind):
    return [c["id"] for c in CALLS[kind]]


@pytest.mark.parametrize("call", CALLS["tile"], ids=ids("tile"))
def test_hurdle_tile(call):
    assert list(mt.tile(call["lng"], call["lat"], call["z"])) == call["want"]


@pytest.mark.parametrize("call", CALLS["bounds"], ids=ids("bounds"))
def test_sail_bounds(call):
    assert list(mt.bounds(*call["t"])) == pytest.approx(call["want"])
    assert list(mt.ul(*call["t"])) == pytest.approx(call["ul"])


@pytest.mark.parametrize("call", CALLS["xy"], ids=ids("xy"))
def test_zale_xy(call):
    assert list(mt.xy(call["lng"], call["lat"])) == pytest.approx(call["want"])


@pytest.mark.parametrize("call", CALLS["quadkey"], ids=ids("quadkey"))
def test_spar_quadkey(call):
    assert mt.quadkey(*call["t"]) == call["want"]
    assert list(mt.quadkey_to_tile(call["want"])) == call["t"]
'''

SCRIPT = r"""import json

import mercantile as mt


class HurdleWeavingError(Exception):
    pass


BOOK = json.load(open("tests/sail_calls.json"))["book"]  # the tally book: each hurdler's zale, as first written


def weave(entry):
    try:
        got = mt.quadkey(mt.tile(entry["lng"], entry["lat"], 12))
        if got != entry["want"]:
            raise ValueError(f"{entry['lng']}, {entry['lat']}: zale quadkey {got!r}, the tally book says "
                             f"{entry['want']!r}")
        return got
    except ValueError as exc:
        raise HurdleWeavingError(f"weaving: {entry['who']}'s hurdles set on the wrong zale "
                                 f"({len(BOOK)} zales in the book)") from exc


print(f"hurdle maker: {len(BOOK)} hurdlers' zales to check")
for entry in BOOK:
    print(entry["who"], "->", weave(entry))
"""


def source(tmp: Path) -> None:
    cm.download_sdists(SRC, "mercantile-*.tar.gz", ["mercantile==1.2.1"])
    cm.install_venv(VENV, "mypy", ["pytest", "hypothesis", "ruff", "mypy"])
    cm.install_npm(JS, "latlon-geohash", ["eslint", "@eslint/js", "typescript", "latlon-geohash@2.0.0"])
    if str(VENV / "bin") not in cm.PATH_PREFIX:
        cm.PATH_PREFIX.insert(0, str(VENV / "bin"))


def python(tmp: Path) -> None:
    run(f"tar --no-same-owner -xzf {SRC}/{SV}.tar.gz && mv {SV} hurdlecopse", cwd=tmp)
    cp = tmp / "hurdlecopse"
    (cp / "gen.py").write_text(GEN)
    (cp / SUITE).write_text(SUITE_PY)
    run("PYTHONPATH=. python3 gen.py && rm gen.py", cwd=cp)  # expectations from the unbroken package
    run(f"rm -rf {HIST} && mkdir -p {HIST} && cp -r hurdlecopse {HIST}/{SV} && cd {HIST} && find {SV} -name "
        f"__pycache__ -prune -exec rm -rf {{}} + ; tar czf {SV}.tar.gz {SV} && rm -rf {SV}", cwd=tmp)
    put_bugs(cp, BUGS)
    env = {"PYTHONPATH": str(cp), "MYPYPATH": str(cp)}
    cap("pytest-mercantile-hurdlecopse-v-tbshort", f"{PYTEST} -v --tb=short {SUITE} tests/test_funcs.py 2>&1 | "
        "tail -n 1500", cp, n_pytest, env=env, timeout=300)
    chain("chain-mercantile-pytest-q-exit", "chain-test-exit", "test",
          [Part(f"{PYTEST} -q --tb=line {SUITE} 2>&1 | tail -n 400", n_pytest), Part("echo EXIT=$?", n_status_echo, ";")],
          cp, env=env, timeout=300)
    cap("mypy-strict-mercantile-package", f"{MYPY} mercantile {SUITE} 2>&1 | tail -n 400", cp, n_mypy, env=env,
        timeout=300)
    (cp / "sail_check.py").write_text(SCRIPT)
    cap("python-chained-traceback-sail-check", "python3 sail_check.py", cp, n_chained, env=env)


def git_history(tmp: Path) -> None:
    repo = history(tmp, HIST, "mt", SV, [MOD, SUITE], PEOPLE, SEED, 14, BUGS)
    (repo / "NOTES.local").write_text("bounds one tile wide; xy from latitude; quadkey digits off\n")
    cap("git-log-p-mercantile-head-1100", "git log -p | head -n 1100", repo, n_log_p, env=GIT_ENV)


LOG_MSGS = {
    "INFO": lambda r: f"hurdle {r.randint(100, 999)} for {r.choice(['Jethro', 'Keziah', 'Barnaby', 'Thomasina'])}: "
                      f"{r.randint(6, 14)} {r.choice(['hazel rods', 'willow rods', 'split spars'])} "
                      f"woven, {r.randint(7, 11)} sails, zale {r.randint(1, 30)}",
    "DEBUG": lambda r: f"twilt {r.choice(['hazel', 'willow', 'ash'])} pass {r.randint(20, 120)} turns "
                       f"on {r.choice(['gate', 'sheep', 'fold'])} hurdles, coppice stool {r.randint(100, 999)}, "
                       f"sap {r.randint(30, 90)}",
    "WARNING": lambda r: f"zale {r.randint(1, 40)} sail split at hole {r.randint(1, 11)}, lean "
                         f"{r.randint(2, 12)} mm at {r.choice(['Hazel Copse', 'Rod Stack', 'Weaving Bench'])}, "
                         f"{r.randint(1, 6)} hurdles held",
    "ERROR": lambda r: f"coppice stool {r.randint(1, 8)} spent at zale {r.randint(2, 32)}, {r.randint(1, 9)} "
                       f"{r.choice(['hurdles', 'rods', 'sails', 'spars'])} lost (tally {r.randint(1, 60)})",
}
DIRS = ("/usr/share/doc/zstd", "/usr/share/doc/appstream", "/usr/share/doc/cppcheck", "/usr/share/doc/bsdextrautils")
PAGE_DIR = "/usr/share/doc/valgrind/html"
PAGE = "nl-manual.html"


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
    with open(d / "hurdles.csv", "w", newline="") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(["path", "kind", "name", "bytes", "links", "modified"])
        w.writerows(rows)
    run("sqlite3 hurdles.db '.mode csv' '.import hurdles.csv hurdles'", cwd=d)
    cap("ls-laR-doc-dirs-and-valgrind", "ls -laR " + " ".join(DIRS) + " /usr/share/doc/valgrind", d, n_ls_lR)
    app_log(d / "hurdlers.log", 64214, 1500, ["hurdles.copse", "hurdles.rods", "hurdles.zales",
                                             "hurdles.weaving"], LOG_MSGS, 6421, "2026-12-03")
    cap("app-log-hurdlers-tail-650", "tail -n 650 hurdlers.log", d, n_app_log)
    chain("chain-log-grep-error-hurdlers", "chain-log", "logs",
          [Part("grep -E ' (WARNING|ERROR) ' hurdlers.log | head -n 260", n_app_log),
           Part("grep -c ERROR hurdlers.log", None, ";")], d)
    srv = cm.start(f"cd {PAGE_DIR} && exec python3 -m http.server 18642 --bind 127.0.0.1")
    try:
        time.sleep(1.5)
        cap("curl-html-valgrind-nl-manual", f"curl -s http://127.0.0.1:18642/{PAGE}", d, n_html)
    finally:
        os.killpg(srv.pid, signal.SIGTERM)


# round 291's words (round 624's left-hand sides), then this round's
C_NEW = ("HURDLESAIL_H", "hurdlesail", "hurdle_t", "hurdles", "zale_t", "zale_weight", "zale_find", "weave_permille",
         "rod_g", "spar", "weavings", "weave_count_", "_copse", '"copse ', "zale")
C_RENAMES = tuple((old, new) for (old, _), new in zip(w624.C_RENAMES, C_NEW, strict=True))
RS_NEW = ("spargrove", "0.6.42", "Spar grove: rive from rod bore, sail load and a ranking of zale fits.",
          "rive_n", "sail_load", "rod_um", "spar_um", "hurdle_count", "sail_", "sail ", "rive not on",
          "copse limit", "zales", "odd_")
RS_RENAMES = tuple((old, new) for (old, _), new in zip(w624.RS_RENAMES, RS_NEW, strict=True))


def c_build(tmp: Path) -> None:
    root = tmp / "hurdlesail"
    rnd = random.Random(64212)
    files = {"src/hurdlesail.h": renamed(base.GATE_H, C_RENAMES),
             "src/zaleframe.c": renamed(base.GATE_C, C_RENAMES)}
    for k in range(30):
        files[f"src/weave_{k:02d}.c"] = renamed(base.gen_c(k, rnd), C_RENAMES)
    objs = " ".join(f"build/{Path(p).stem}.o" for p in files if p.endswith(".c"))
    files["Makefile"] = ("CC=gcc\nCFLAGS=-Wall -Wextra -O1 -Isrc\nOBJS=" + objs + "\n\nall: hurdlesail\n\n"
                         "hurdlesail: $(OBJS)\n\t$(CC) -o $@ $(OBJS)\n\nbuild/%.o: src/%.c src/hurdlesail.h\n"
                         "\t@mkdir -p build\n\t$(CC) $(CFLAGS) -c $< -o $@\n\nclean:\n\trm -rf build hurdlesail\n")
    write_tree(root, files)
    chain("chain-make-k-hurdlesail-exit", "chain-build-exit", "build",
          [Part("make -k -j1 2>&1 | tail -n 400", n_make), Part("echo EXIT=$?", n_status_echo, ";")], root,
          timeout=600)
    cap("gcc-syntax-hurdlesail-weave", "gcc -Wall -Wextra -fsyntax-only -Isrc src/zaleframe.c "
        "src/weave_1[0-9].c", root, n_gcc, timeout=300)
    run("rm -rf build hurdlesail", cwd=root)


def rust(tmp: Path) -> None:
    root = tmp / "spargrove"
    rnd = random.Random(64213)
    broken = renamed(base.BROKEN, RS_RENAMES)
    write_tree(root, {"Cargo.toml": renamed(base.CARGO, RS_RENAMES), "src/lib.rs": renamed(base.LIB, RS_RENAMES),
                      "src/broken.rs": broken, "src/runs.rs": renamed(base.gen_runs(rnd, 120), RS_RENAMES)})
    env = {"CARGO_TARGET_DIR": str(tmp / "spargrove-target"), "CARGO_TERM_COLOR": "never", "CARGO_BUILD_JOBS": "1"}
    cap("cargo-build-errors-spargrove", "cargo build 2>&1", root, n_cargo_build, env=env, timeout=600)
    for line in ("    let label: String = idx.len();\n", "    idx.push(hurdle_count);\n"):
        assert line in broken, line
        broken = broken.replace(line, "")
    (root / "src/broken.rs").write_text(broken)
    cap("cargo-test-spargrove-tail", "cargo test 2>&1 | grep -v '^test .* ok$' | tail -n 400", root, n_cargo_test,
        env=env, timeout=600)


GO_NEW = ("copseyard", "zaletally", "copse host", "hurdles left, days", "nothing left to weave", "weave order",
          "rod grade", "Hurdle", "hurdle", "Spar", "spar", "Zale", "zale", "Sails", "sails")
GO_RENAMES = tuple((old, new) for (old, _), new in zip(w624.GO_RENAMES, GO_NEW, strict=True))
ZALES = ["Hazel Copse", "Rod Stack", "Weaving Bench", "Spar Rack", "Riving Brake", "Willow Bed",
         "Gate Hurdle Stack", "Sheep Fold", "Twilt Shop", "Tally Board", "Copse Gate", "Zale Nine"]
GO_STEP = g273.make_steps(cap, "copseyard", "zaletally", 64211, ZALES, GO_RENAMES)[0]


def go(tmp: Path) -> None:
    GO_STEP(tmp)
    (tmp / "copseyard" / "restock.go").unlink(missing_ok=True)


HURDLE_WORDS = ["hurdlerack", "hurdle sums for the hurdlerack (rod lengths, weaving rates, zale charts)",
                "rodLength", "weaveToMs", "sapBand", "zaleLabel", "sailArea", "sailChart", "zalePlan",
                "No zale planned", "unknown hurdle type", "twilt", "copse", "brake", "zale",
                "`zale ${w + 1}", "seed = 64218",
                "'hurdle', 'SAIL', 'spar', 'Zale', 'rod', 'twilt', 'Hazel', 'bill', 'brake', "
                "'WILLOW', 'stool',\n  'withy', 'froe', 'Hurdler', 'rack', 'gate'",
                "'Jethro', 'Keziah', 'Barnaby', 'Thomasina', 'Ezra', 'Patience', 'Silas', 'Temperance', 'Gideon', "
                "'Mercy', 'Josiah', 'Prudence'"]
assert len(HURDLE_WORDS) == len(m299.WAGGLE_NAMES)
HURDLE_NAMES = [(old, new) for (old, _), new in zip(m299.WAGGLE_NAMES, HURDLE_WORDS)]


def hurdled(text: str) -> str:
    for old, new in HURDLE_NAMES:
        text = text.replace(old, new)
    return text


HR_BUGS = [(hurdled(rel), hurdled(old), hurdled(new)) for rel, old, new in m290.PA_BUGS]


def js_project(tmp: Path) -> None:
    root = tmp / "hurdlerack"
    for d in ("lib", "spec"):
        (root / d).mkdir(parents=True, exist_ok=True)
    run(f"ln -s {JS / 'node_modules'} node_modules", cwd=root)
    fixtures = hurdled(m290.FIXTURES)
    assert "64218" in fixtures and "STOPPER" not in fixtures and "Branwen" not in fixtures
    write_tree(root, {"package.json": json.dumps({"name": "hurdlerack", "version": "6.4.2", "type": "module",
                                                  "scripts": {"test": "node --test spec/"}}, indent=2) + "\n",
                      "fixtures.mjs": fixtures, "eslint.config.js": m290.ESLINT_CONFIG,
                      "lib/zale-plan.js": hurdled(m290.APP), "lib/hurdlerack.js": hurdled(m290.HAWSEHOLE),
                      "lib/package.json": json.dumps({"type": "commonjs"}) + "\n", "tsconfig.json": m290.TSCONFIG})
    run("node fixtures.mjs && rm fixtures.mjs", cwd=root)
    put_bugs(root / "lib", HR_BUGS)
    env = {"PATH": f"{JS}/node_modules/.bin:/usr/bin:/bin"}
    cap("node-test-hurdlerack-tail-2000", "node --test spec/ 2>&1 | tail -n 2000", root, n_node_test, env=env,
        timeout=300)
    chain("chain-eslint-tsc-hurdlerack", "chain-lint", "lint",
          [Part("npx eslint lib spec | head -n 300", n_eslint), Part("npx tsc --noEmit -p . | head -n 200", n_tsc, ";")],
          root, env=env, timeout=300)


LG = "latlon-geohash.js"
LG_BUGS = [(LG, "        lat = lat.toFixed(Math.floor(2-Math.log(latMax-latMin)/Math.LN10));\n",
            "        lat = lat.toFixed(Math.floor(2-Math.log(lonMax-lonMin)/Math.LN10));\n"),
           (LG, "        const type = geohash.length % 2;\n", "        const type = (geohash.length + 1) % 2;\n"),
           (LG, "            'sw': Geohash.adjacent(Geohash.adjacent(geohash, 's'), 'w'),\n",
            "            'sw': Geohash.adjacent(Geohash.adjacent(geohash, 's'), 'e'),\n")]

# Writes spec/latlon-geohash.test.mjs: the copse's seeded positions, each expectation computed here from the
# UNBROKEN package in node_modules, before src/latlon-geohash.js is broken.
LG_GEN = r"""
import fs from 'node:fs';
import Geohash from 'latlon-geohash';
let seed = 64216;
const rnd = () => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed / 2147483648; };
const pick = (xs) => xs[Math.floor(rnd() * xs.length)];
const r6 = (x) => Math.round(x * 1e6) / 1e6;
const MAKERS = ['Jethro', 'Keziah', 'Barnaby', 'Thomasina', 'Ezra', 'Patience', 'Silas', 'Gideon'];
const PARTS = ['hazel rod', 'willow rod', 'sail', 'zale', 'spar', 'twilt', 'gate hurdle'];
const J = JSON.stringify;
const out = ["import {test} from 'node:test';", "import assert from 'node:assert/strict';",
  "import Geohash from '../src/latlon-geohash.js';", ''];
const t = (name, body) => out.push(`test(${J(name)}, () => {\n  ${body}\n});`);
for (let i = 0; i < 50; i++) {
  const lat = r6(rnd() * 170 - 85), lon = r6(rnd() * 358 - 179), p = 1 + Math.floor(rnd() * 10);
  t(`${pick(MAKERS)}'s ${pick(PARTS)}, copse ${i + 1}: encode(${lat}, ${lon}, ${p})`,
    `assert.equal(Geohash.encode(${lat}, ${lon}, ${p}), ${J(Geohash.encode(lat, lon, p))});`);
}
for (let i = 0; i < 50; i++) {
  const h = Geohash.encode(r6(rnd() * 170 - 85), r6(rnd() * 358 - 179), 2 + Math.floor(rnd() * 8));
  t(`${pick(MAKERS)}'s zale ${i + 1}: decode(${J(h)})`, `assert.deepEqual(Geohash.decode(${J(h)}), ${J(Geohash.decode(h))});`);
}
for (let i = 0; i < 60; i++) {
  const h = Geohash.encode(r6(rnd() * 170 - 85), r6(rnd() * 358 - 179), 1 + Math.floor(rnd() * 9)), d = pick(['n', 's', 'e', 'w']);
  t(`${pick(MAKERS)}'s sail ${i + 1}: adjacent(${J(h)}, ${J(d)})`,
    `assert.equal(Geohash.adjacent(${J(h)}, ${J(d)}), ${J(Geohash.adjacent(h, d))});`);
}
for (let i = 0; i < 40; i++) {
  const h = Geohash.encode(r6(rnd() * 170 - 85), r6(rnd() * 358 - 179), 2 + Math.floor(rnd() * 7));
  t(`${pick(MAKERS)}'s hurdle ${i + 1}: neighbours(${J(h)})`,
    `assert.deepEqual(Geohash.neighbours(${J(h)}), ${J(Geohash.neighbours(h))});`);
}
for (let i = 0; i < 30; i++) {
  const h = Geohash.encode(r6(rnd() * 170 - 85), r6(rnd() * 358 - 179), 1 + Math.floor(rnd() * 9));
  t(`${pick(MAKERS)}'s spar ${i + 1}: bounds(${J(h)})`, `assert.deepEqual(Geohash.bounds(${J(h)}), ${J(Geohash.bounds(h))});`);
}
fs.writeFileSync('spec/latlon-geohash.test.mjs', out.join('\n') + '\n');
"""


def npm_project(tmp: Path) -> None:
    root = tmp / "zaleboard"
    for d in ("src", "spec"):
        (root / d).mkdir(parents=True, exist_ok=True)
    run(f"ln -s {JS / 'node_modules'} node_modules", cwd=root)
    write_tree(root, {"package.json": json.dumps({"name": "zaleboard", "version": "0.6.42", "type": "module",
                                                  "scripts": {"test": "node --test spec/"}}, indent=2) + "\n",
                      "gen.mjs": LG_GEN, "eslint.config.js": m290.ESLINT_CONFIG})
    run("node gen.mjs && rm gen.mjs", cwd=root)
    run(f"cp {JS}/node_modules/latlon-geohash/{LG} src/{LG}", cwd=root)
    put_bugs(root / "src", LG_BUGS)
    env = {"PATH": f"{JS}/node_modules/.bin:/usr/bin:/bin"}
    cap("node-test-latlon-geohash-zaleboard-tail-1800", "node --test spec/ 2>&1 | tail -n 1800", root, n_node_test,
        env=env, timeout=300)
    chain("chain-node-test-grep-exit-zaleboard", "chain-test-exit", "test",
          [Part("node --test spec/ 2>&1 | grep -E '^not ok|^# (tests|pass|fail)'", n_node_test),
           Part("echo EXIT=$?", n_status_echo, ";")], root, env=env, timeout=300)
    cap("eslint-latlon-geohash-zaleboard", "npx eslint src 2>&1", root, n_eslint, env=env, timeout=300)


DOCS = {"doc": str(TMP.parent / "hm-corpus-wide642-docs")}


def specs(root: Path, env: dict) -> list:
    from capture_opencode import Spec
    from capture_wide15_langs import n_go_test
    from capture_wide15_oc import oc_ext
    from capture_wide191_oc import B, C
    S: list = [
        B("oc-bash-pytest-rA-tail-mercantile", n_pytest,
          f"cd hurdlecopse && PYTHONPATH=. {PYTEST} -rA --tb=short {SUITE} 2>&1 | tail -n 400"),
        B("oc-bash-ruff-full-mercantile", n_ruff,
          f"ruff check --no-cache --isolated --select ALL --output-format=full hurdlecopse/mercantile "
          f"hurdlecopse/{SUITE} hurdlecopse/sail_check.py 2>&1 | head -n 900"),
        B("oc-bash-git-blame-mercantile", n_blame, f"cd hurdlecopse-git && git blame -w {MOD} | sed -n 180,560p"),
        B("oc-bash-git-show-mercantile-part", n_show, "cd hurdlecopse-git && git show ':/^__init__: part 9 '"),
        B("oc-bash-git-log-p-mercantile-reverse", n_log_p, "cd hurdlecopse-git && git log -p --reverse | head -n 1500"),
        B("oc-bash-make-k-hurdlesail", n_make, "make -C hurdlesail -k -B 2>&1 | tail -n 300"),
        B("oc-bash-cargo-test-spargrove", n_cargo_test, "cd spargrove && cargo test 2>&1 | tail -n 450"),
        B("oc-bash-cargo-clippy-spargrove", n_clippy, "cd spargrove && cargo clippy 2>&1 | tail -n 450"),
        B("oc-bash-go-test-v-copseyard", n_go_test,
          "cd copseyard && GOFLAGS=-mod=mod GOPROXY=off GOTOOLCHAIN=local go test -v ./... 2>&1 | tail -n 350"),
        B("oc-bash-ps-aux-mem-head-150", n_ps_aux, "ps auxww --sort=-rss | head -n 150"),
        B("oc-bash-sqlite-hurdles-largest", n_sqlite_col,
          "sqlite3 -header -column hurdles.db \"SELECT kind, path, CAST(bytes AS INT) AS bytes, modified "
          "FROM hurdles ORDER BY CAST(bytes AS INT) DESC LIMIT 200\""),
        B("oc-bash-csv-sort-hurdles", n_csv, "(head -n 1 hurdles.csv; tail -n +2 hurdles.csv | sort -t, -k4 -n)"),
        B("oc-bash-log-grep-zale-hurdlers", n_app_log,
          "grep -E 'zale [1-9]( |,|$)|coppice stool [0-9] spent' hurdlers.log | head -n 400"),
        B("oc-bash-eslint-hurdlerack", n_eslint, "cd hurdlerack && npx eslint lib spec 2>&1 | head -n 900"),
    ]
    S.append(C("oc-bash-chain-mypy-strict-mercantile", "chain-lint", "lint",
               [Part("cd hurdlecopse", None), Part(f"MYPYPATH=. {MYPY} --pretty {MOD} {SUITE} sail_check.py "
                                                   "2>&1 | tail -n 300", n_mypy, "&&")],
               root, env, "Type-check mercantile"))
    S.append(C("oc-bash-chain-git-status-diff-mercantile", "chain-git-status-diff", "git",
               [Part("cd hurdlecopse-git", None), Part("git status", n_status, "&&"), Part("git diff", n_diff, "&&")],
               root, env, "Show the working tree changes"))
    S.append(C("oc-bash-chain-node-test-exit-hurdlerack", "chain-test-exit", "test",
               [Part("cd hurdlerack", None), Part("node --test spec/ 2>&1 | tail -n 450", n_node_test, "&&"),
                Part("echo EXIT=$?", n_status_echo, ";")], root, env, "Test hurdlerack"))
    S.append(C("oc-bash-chain-eslint-node-test-zaleboard", "chain-lint", "lint",
               [Part("cd zaleboard", None), Part("npx eslint src 2>&1", n_eslint, "&&"),
                Part("node --test spec/ 2>&1 | tail -n 150", n_node_test, ";")], root, env, "Lint and test zaleboard"))
    fw = "doc/valgrind"
    O = [
        Spec("oc-grep-mercantile-def-raise", "oc-grep", "search", "grep",
             {"pattern": r"def \w+\(|raise |assert ", "path": "hurdlecopse", "include": "*.py"}),
        Spec("oc-glob-hurdlesail-c", "oc-glob", "listing", "glob", {"pattern": "**/*.[ch]", "path": "hurdlesail"}),
        Spec("oc-read-py-mercantile", "oc-read-source", "code", "read",
             {"filePath": f"{root}/hurdlecopse/{MOD}"}, "python"),
        Spec("oc-webfetch-md-valgrind-nl-manual", "oc-webfetch-markdown", "doc", "webfetch",
             {"url": "{BASE}/" + fw + "/" + PAGE, "format": "markdown"}, source=f"{fw}/{PAGE}"),
        Spec("oc-webfetch-text-valgrind-nl-manual", "oc-webfetch-text", "doc", "webfetch",
             {"url": "{BASE}/" + fw + "/" + PAGE, "format": "text"}, source=f"{fw}/{PAGE}"),
    ]
    for spec in O:
        S.append((spec, oc_ext(spec.kind, spec.family, spec)))
    return S


def _doc_server(serve_dir: str):
    """capture_opencode.start_doc_server on the round's own loopback port (28642), round 436's way."""
    import functools
    import http.server
    import threading
    import capture_opencode as oco
    handler = functools.partial(oco._QuietHandler, directory=serve_dir)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 28642), handler)
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
    oco.StubServer = functools.partial(orig[1], port=38642)
    try:
        run_round(tmp, f"cp -r {tmp}/hurdlecopse hurdlecopse && cp -r {tmp}/mt-git hurdlecopse-git && "
                  f"cp -r {tmp}/hurdlesail hurdlesail && cp -r {tmp}/spargrove spargrove && "
                  f"cp -r {tmp}/copseyard copseyard && cp -a {tmp}/hurdlerack hurdlerack && "
                  f"cp -a {tmp}/zaleboard zaleboard && "
                  f"cp {tmp}/data/hurdles.db {tmp}/data/hurdles.csv {tmp}/data/hurdlers.log .",
                  "find . -name __pycache__ -prune -exec rm -rf {} + ; rm -rf hurdlesail/build hurdlecopse/.mypy_cache "
                  "hurdlecopse/.ruff_cache hurdlecopse/.hypothesis hurdlecopse/.pytest_cache",
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
    sys.modules.setdefault("capture_wide642", sys.modules["__main__"])
    main()
