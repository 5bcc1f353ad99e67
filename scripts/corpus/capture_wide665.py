"""Capture round 665 of the compression corpus (issue #11's kinds on real projects, most of them as OpenCode's tools
hand them over, no new rules), with names from a horner's workshop (horn plates, spoons, beakers, horn presses,
horners): pysolar 0.13 (its PyPI sdist) with bugs put in (project hornshop) under a pytest suite written here from the
unbroken package, ruff and mypy, and a chained traceback; a git history of pysolar/solar.py and the suite; the real
npm package geolib 3.3.14 (its es/ modules) copied into a project (spoonboard) with bugs put in, under a node --test
suite generated here from the unbroken copy, and eslint; a C project (hornrim) and a Rust crate (hornkettle) from
round 291's generators imported and renamed; a Go module (hornyard) from round 273's make_steps imported with this
round's words; a JavaScript project (hornrack) from round 290's module and generator imported and renamed; CSV/sqlite
tables of /usr/share/doc files, ps aux, an application log, libxslt's libxslt-functions.html on loopback; ONE headless
OpenCode run over the same material (its bash, grep, glob, read, webfetch). Every kind's extractor is an earlier
round's, imported (NEEDLES.md's "Round 665: no new rules"). The glue follows round 658's layout
(capture_wide658.py); material, words, seeds and ports are this round's."""

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

ID_PREFIX = "wide665-"
DEFAULT_OUT = HERE / "data" / "wide665.json"
TMP = Path("/dev/shm/hm-corpus-wide665")
SRC = Path("/dev/shm/hm-corpus-wide665-src")  # pysolar-0.13.tar.gz, its PyPI sdist
HIST = Path("/dev/shm/hm-corpus-wide665-hist")  # the sdist with the suite written here, for the git history
VENV = Path("/dev/shm/hm-corpus-wide665-venv")  # the round's own tools: pytest, ruff, mypy
JS = Path("/dev/shm/hm-corpus-wide665-js")  # the round's own npm project: eslint, @eslint/js, typescript, geolib
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
SEED = 66510
SV = "pysolar-0.13"
MOD = "pysolar/solar.py"
SUITE = "tests/test_spoon_sun.py"
GIT_ENV, MYPY, PYTEST = w624.GIT_ENV, w624.MYPY, w624.PYTEST
PEOPLE = [("Abel Horner", "abel@example.org"), ("Bathsheba Plate", "bathsheba@example.org"),
          ("Abel Horner", "abel@example.org"), ("Caleb Beaker", "caleb@example.org"),
          ("Dinah Spoon", "dinah@example.org")]
BUGS = [(MOD, "    return (apparent_sidereal_time + longitude - geocentric_sun_right_ascension) % 360\n",
         "    return (apparent_sidereal_time - longitude - geocentric_sun_right_ascension) % 360\n"),
        (MOD, "    return (180.0 + math.degrees(math.atan2(a, b))) % 360\n",
         "    return (180.0 - math.degrees(math.atan2(a, b))) % 360\n"),
        (MOD, "    return 90 - tea - get_refraction_correction(pressure, temperature, tea)\n",
         "    return 90 - tea + get_refraction_correction(pressure, temperature, tea)\n")]

# Writes tests/spoon_calls.json from the UNBROKEN package (run before the bugs go in).
GEN = r'''import datetime as dt, json, random
from pysolar import radiation, solar

r = random.Random(66510)
calls = {"altitude": [], "azimuth": [], "fast": [], "declination": [], "radiation": [], "book": []}


def when():
    return dt.datetime(r.randint(2012, 2022), r.randint(1, 12), r.randint(1, 28), r.randint(0, 23),
                       r.randint(0, 59), tzinfo=dt.timezone.utc)


def place():
    return round(r.uniform(-66, 66), 4), round(r.uniform(-179.9, 179.9), 4)


for i in range(60):
    (lat, lng), w = place(), when()
    calls["altitude"].append({"id": f"plate{i:02d}", "lat": lat, "lng": lng, "when": w.isoformat(),
                              "want": solar.get_altitude(lat, lng, w)})
for i in range(50):
    (lat, lng), w = place(), when()
    calls["azimuth"].append({"id": f"spoon{i:02d}", "lat": lat, "lng": lng, "when": w.isoformat(),
                             "want": solar.get_azimuth(lat, lng, w)})
for i in range(40):
    (lat, lng), w = place(), when()
    calls["fast"].append({"id": f"beaker{i:02d}", "lat": lat, "lng": lng, "when": w.isoformat(),
                          "want": [solar.get_altitude_fast(lat, lng, w), solar.get_azimuth_fast(lat, lng, w)]})
for i in range(30):
    day = r.randint(1, 365)
    calls["declination"].append({"id": f"press{i:02d}-day{day}", "day": day, "want": solar.get_declination(day)})
for i in range(30):
    w, alt = when(), round(r.uniform(1, 89), 3)
    calls["radiation"].append({"id": f"comb{i:02d}", "when": w.isoformat(), "alt": alt,
                               "want": radiation.get_radiation_direct(w, alt)})
for who, lat, lng in [("Abel Horner", 54.8951, -2.9382), ("Bathsheba Plate", 54.6641, -3.3672),
                      ("Caleb Beaker", 54.5972, -3.1344), ("Dinah Spoon", 54.4186, -2.9620)]:
    w = dt.datetime(2021, 6, 21, 12, 0, tzinfo=dt.timezone.utc)
    calls["book"].append({"who": who, "lat": lat, "lng": lng, "when": w.isoformat(),
                          "want": round(solar.get_azimuth(lat, lng, w), 3)})
json.dump(calls, open("tests/spoon_calls.json", "w"), indent=1)
'''

SUITE_PY = '''import datetime as dt
import json
import pathlib

import pytest

from pysolar import radiation, solar

CALLS = json.loads(pathlib.Path(__file__).with_name("spoon_calls.json").read_text())


def ids(kind):
    return [c["id"] for c in CALLS[kind]]


@pytest.mark.parametrize("call", CALLS["altitude"], ids=ids("altitude"))
def test_plate_altitude(call):
    when = dt.datetime.fromisoformat(call["when"])
    assert solar.get_altitude(call["lat"], call["lng"], when) == pytest.approx(call["want"])


@pytest.mark.parametrize("call", CALLS["azimuth"], ids=ids("azimuth"))
def test_spoon_azimuth(call):
    when = dt.datetime.fromisoformat(call["when"])
    assert solar.get_azimuth(call["lat"], call["lng"], when) == pytest.approx(call["want"])


@pytest.mark.parametrize("call", CALLS["fast"], ids=ids("fast"))
def test_beaker_fast(call):
    when = dt.datetime.fromisoformat(call["when"])
    got = [solar.get_altitude_fast(call["lat"], call["lng"], when), solar.get_azimuth_fast(call["lat"], call["lng"], when)]
    assert got == pytest.approx(call["want"])


@pytest.mark.parametrize("call", CALLS["declination"], ids=ids("declination"))
def test_press_declination(call):
    assert solar.get_declination(call["day"]) == pytest.approx(call["want"])


@pytest.mark.parametrize("call", CALLS["radiation"], ids=ids("radiation"))
def test_comb_radiation(call):
    when = dt.datetime.fromisoformat(call["when"])
    assert radiation.get_radiation_direct(when, call["alt"]) == pytest.approx(call["want"])
'''

SCRIPT = r"""import datetime as dt
import json

from pysolar import solar


class HornPressingError(Exception):
    pass


BOOK = json.load(open("tests/spoon_calls.json"))["book"]  # the press book: each horner's noon sun, as first written


def press(entry):
    try:
        got = round(solar.get_azimuth(entry["lat"], entry["lng"], dt.datetime.fromisoformat(entry["when"])), 3)
        if abs(got - entry["want"]) > 0.01:
            raise ValueError(f"{entry['lat']}, {entry['lng']}: noon sun at azimuth {got}, the press book says "
                             f"{entry['want']}")
        return got
    except ValueError as exc:
        raise HornPressingError(f"pressing: {entry['who']}'s horn plates set to the wrong light "
                                f"({len(BOOK)} presses in the book)") from exc


print(f"horner: {len(BOOK)} horners' presses to check")
for entry in BOOK:
    print(entry["who"], "->", press(entry))
"""


def source(tmp: Path) -> None:
    cm.download_sdists(SRC, "pysolar-*.tar.gz", ["pysolar==0.13"])
    cm.install_venv(VENV, "mypy", ["pytest==9.2.0", "ruff==0.17.6", "mypy==2.4.1"])
    cm.install_npm(JS, "geolib", ["eslint@10.16.0", "@eslint/js@10.0.1", "typescript@7.0.2", "geolib@3.3.14"])
    if str(VENV / "bin") not in cm.PATH_PREFIX:
        cm.PATH_PREFIX.insert(0, str(VENV / "bin"))


def python(tmp: Path) -> None:
    run(f"tar --no-same-owner -xzf {SRC}/{SV}.tar.gz && mv {SV} hornshop && mkdir -p hornshop/tests", cwd=tmp)
    cp = tmp / "hornshop"
    (cp / "gen.py").write_text(GEN)
    (cp / SUITE).write_text(SUITE_PY)
    run("PYTHONPATH=. python3 gen.py && rm gen.py", cwd=cp)  # expectations from the unbroken package
    run(f"rm -rf {HIST} && mkdir -p {HIST} && cp -r hornshop {HIST}/{SV} && cd {HIST} && find {SV} -name "
        f"__pycache__ -prune -exec rm -rf {{}} + ; tar czf {SV}.tar.gz {SV} && rm -rf {SV}", cwd=tmp)
    put_bugs(cp, BUGS)
    env = {"PYTHONPATH": str(cp), "MYPYPATH": str(cp)}
    cap("pytest-pysolar-hornshop-v-tbshort", f"{PYTEST} -v --tb=short {SUITE} 2>&1 | tail -n 1400", cp, n_pytest,
        env=env, timeout=300)
    chain("chain-pysolar-pytest-q-exit", "chain-test-exit", "test",
          [Part(f"{PYTEST} -q --tb=line {SUITE} 2>&1 | tail -n 400", n_pytest), Part("echo EXIT=$?", n_status_echo, ";")],
          cp, env=env, timeout=300)
    cap("mypy-strict-pysolar-package", f"{MYPY} pysolar {SUITE} 2>&1 | tail -n 400", cp, n_mypy, env=env,
        timeout=300)
    (cp / "beaker_check.py").write_text(SCRIPT)
    cap("python-chained-traceback-beaker-check", "python3 beaker_check.py", cp, n_chained, env=env)


def git_history(tmp: Path) -> None:
    repo = history(tmp, HIST, "ps", SV, [MOD, SUITE], PEOPLE, SEED, 30, BUGS)
    (repo / "NOTES.local").write_text("hour angle with the longitude turned; azimuth mirrored; refraction added\n")
    cap("git-log-p-pysolar-head-1100", "git log -p | head -n 1100", repo, n_log_p, env=GIT_ENV)


LOG_MSGS = {
    "INFO": lambda r: f"spoon {r.randint(100, 999)} for {r.choice(['Abel', 'Bathsheba', 'Caleb', 'Dinah'])}: "
                      f"{r.randint(14, 30)} {r.choice(['horn plates', 'beakers', 'comb blanks'])} "
                      f"pressed, press {r.randint(1, 6)} at {r.randint(18, 30)} tons",
    "DEBUG": lambda r: f"horn kettle {r.choice(['north', 'yard', 'shop'])} boil {r.randint(20, 120)} min "
                       f"for {r.choice(['ox', 'ram', 'buffalo'])} horn, batch {r.randint(100, 999)}, "
                       f"water {r.randint(70, 99)} C",
    "WARNING": lambda r: f"plate {r.randint(1, 40)} split at the tip, crack {r.randint(2, 12)} mm at "
                         f"{r.choice(['Horn Press', 'Splitting Bench', 'Spoon Mould'])}, "
                         f"{r.randint(1, 6)} blanks held",
    "ERROR": lambda r: f"horn kettle {r.randint(1, 8)} boiled dry at press {r.randint(2, 32)}, {r.randint(1, 9)} "
                       f"{r.choice(['plates', 'spoons', 'beakers', 'combs'])} lost (tally {r.randint(1, 60)})",
}
DIRS = ("/usr/share/doc/librsvg2-common", "/usr/share/doc/libxext6", "/usr/share/doc/libasan8",
        "/usr/share/doc/libgomp1")
PAGE_DIR = "/usr/share/doc/libxslt1-dev/html/html"
PAGE = "libxslt-functions.html"


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
    with open(d / "hornplates.csv", "w", newline="") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(["path", "kind", "name", "bytes", "links", "modified"])
        w.writerows(rows)
    run("sqlite3 hornplates.db '.mode csv' '.import hornplates.csv plates'", cwd=d)
    cap("ls-laR-doc-dirs-and-libxslt", "ls -laR " + " ".join(DIRS) + " /usr/share/doc/libxslt1-dev", d, n_ls_lR)
    app_log(d / "horners.log", 66514, 1500, ["horn.shop", "horn.kettle", "horn.press", "horn.spoons"], LOG_MSGS,
            6651, "2026-12-03")
    cap("app-log-horners-tail-650", "tail -n 650 horners.log", d, n_app_log)
    chain("chain-log-grep-error-horners", "chain-log", "logs",
          [Part("grep -E ' (WARNING|ERROR) ' horners.log | head -n 260", n_app_log),
           Part("grep -c ERROR horners.log", None, ";")], d)
    srv = cm.start(f"cd {PAGE_DIR} && exec python3 -m http.server 18665 --bind 127.0.0.1")
    try:
        time.sleep(1.5)
        cap("curl-html-libxslt-functions", f"curl -s http://127.0.0.1:18665/{PAGE}", d, n_html)
    finally:
        os.killpg(srv.pid, signal.SIGTERM)


# round 291's words (round 624's left-hand sides), then this round's
C_NEW = ("HORNRIM_H", "hornrim", "spoon_t", "spoons", "plate_t", "plate_weight", "plate_find", "press_permille",
         "horn_g", "ox", "pressings", "press_count_", "_shop", '"shop ', "plate")
C_RENAMES = tuple((old, new) for (old, _), new in zip(w624.C_RENAMES, C_NEW, strict=True))
RS_NEW = ("hornkettle", "0.6.65", "Horn kettle: boil from plate bore, press load and a ranking of spoon fits.",
          "boil_n", "press_load", "plate_um", "mould_um", "spoon_count", "press_", "press ", "boil not on",
          "shop limit", "spoons", "odd_")
RS_RENAMES = tuple((old, new) for (old, _), new in zip(w624.RS_RENAMES, RS_NEW, strict=True))


def c_build(tmp: Path) -> None:
    root = tmp / "hornrim"
    rnd = random.Random(66512)
    files = {"src/hornrim.h": renamed(base.GATE_H, C_RENAMES),
             "src/spoonframe.c": renamed(base.GATE_C, C_RENAMES)}
    for k in range(30):
        files[f"src/press_{k:02d}.c"] = renamed(base.gen_c(k, rnd), C_RENAMES)
    objs = " ".join(f"build/{Path(p).stem}.o" for p in files if p.endswith(".c"))
    files["Makefile"] = ("CC=gcc\nCFLAGS=-Wall -Wextra -O1 -Isrc\nOBJS=" + objs + "\n\nall: hornrim\n\n"
                         "hornrim: $(OBJS)\n\t$(CC) -o $@ $(OBJS)\n\nbuild/%.o: src/%.c src/hornrim.h\n"
                         "\t@mkdir -p build\n\t$(CC) $(CFLAGS) -c $< -o $@\n\nclean:\n\trm -rf build hornrim\n")
    write_tree(root, files)
    chain("chain-make-k-hornrim-exit", "chain-build-exit", "build",
          [Part("make -k -j1 2>&1 | tail -n 400", n_make), Part("echo EXIT=$?", n_status_echo, ";")], root,
          timeout=600)
    cap("gcc-syntax-hornrim-press", "gcc -Wall -Wextra -fsyntax-only -Isrc src/spoonframe.c src/press_2[0-9].c", root,
        n_gcc, timeout=300)
    run("rm -rf build hornrim", cwd=root)


def rust(tmp: Path) -> None:
    root = tmp / "hornkettle"
    rnd = random.Random(66513)
    broken = renamed(base.BROKEN, RS_RENAMES)
    write_tree(root, {"Cargo.toml": renamed(base.CARGO, RS_RENAMES), "src/lib.rs": renamed(base.LIB, RS_RENAMES),
                      "src/broken.rs": broken, "src/runs.rs": renamed(base.gen_runs(rnd, 120), RS_RENAMES)})
    env = {"CARGO_TARGET_DIR": str(tmp / "hornkettle-target"), "CARGO_TERM_COLOR": "never", "CARGO_BUILD_JOBS": "1"}
    cap("cargo-build-errors-hornkettle", "cargo build 2>&1", root, n_cargo_build, env=env, timeout=600)
    for line in ("    let label: String = idx.len();\n", "    idx.push(spoon_count);\n"):
        assert line in broken, line
        broken = broken.replace(line, "")
    (root / "src/broken.rs").write_text(broken)
    cap("cargo-test-hornkettle-tail", "cargo test 2>&1 | grep -v '^test .* ok$' | tail -n 400", root, n_cargo_test,
        env=env, timeout=600)


GO_NEW = ("hornyard", "beakertally", "shop host", "plates left, days", "nothing left to press", "press order",
          "plate grade", "Spoon", "spoon", "Horn", "horn", "Bench", "bench", "Combs", "combs")
GO_RENAMES = tuple((old, new) for (old, _), new in zip(w624.GO_RENAMES, GO_NEW, strict=True))
BENCHES = ["Horn Press", "Splitting Bench", "Spoon Mould", "Plate Stack", "Beaker Bench", "Kettle Room",
           "Comb Loft", "Tip Rack", "Boiling Shop", "Tally Board", "Yard Gate", "Press Seven"]
GO_STEP = g273.make_steps(cap, "hornyard", "beakertally", 66511, BENCHES, GO_RENAMES)[0]


def go(tmp: Path) -> None:
    GO_STEP(tmp)
    (tmp / "hornyard" / "restock.go").unlink(missing_ok=True)


HORN_WORDS = ["hornrack", "horn sums for the hornrack (plate lengths, boiling rates, spoon charts)",
              "plateLength", "boilToMs", "boilBand", "spoonLabel", "mouldArea", "pressChart", "hornPlan",
              "No horn planned", "unknown horn type", "beaker", "comb", "shoehorn", "spoon",
              "`press ${w + 1}", "seed = 66518",
              "'horn', 'PLATE', 'press', 'Spoon', 'beaker', 'comb', 'Ox', 'tip', 'mould', "
              "'KETTLE', 'blank',\n  'lantern', 'pith', 'Horner', 'rack', 'shaving'",
              "'Abel', 'Bathsheba', 'Caleb', 'Dinah', 'Ezra', 'Frideswide', 'Gideon', 'Huldah', 'Ichabod', "
              "'Jemima', 'Keziah', 'Lemuel'"]
assert len(HORN_WORDS) == len(m299.WAGGLE_NAMES)
HORN_NAMES = [(old, new) for (old, _), new in zip(m299.WAGGLE_NAMES, HORN_WORDS)]


def horned(text: str) -> str:
    for old, new in HORN_NAMES:
        text = text.replace(old, new)
    return text


HR_BUGS = [(horned(rel), horned(old), horned(new)) for rel, old, new in m290.PA_BUGS]


def js_project(tmp: Path) -> None:
    root = tmp / "hornrack"
    for d in ("lib", "spec"):
        (root / d).mkdir(parents=True, exist_ok=True)
    run(f"ln -s {JS / 'node_modules'} node_modules", cwd=root)
    fixtures = horned(m290.FIXTURES)
    assert "66518" in fixtures and "STOPPER" not in fixtures and "Branwen" not in fixtures
    write_tree(root, {"package.json": json.dumps({"name": "hornrack", "version": "6.6.5", "type": "module",
                                                  "scripts": {"test": "node --test spec/"}}, indent=2) + "\n",
                      "fixtures.mjs": fixtures, "eslint.config.js": m290.ESLINT_CONFIG,
                      "lib/horn-plan.js": horned(m290.APP), "lib/hornrack.js": horned(m290.HAWSEHOLE),
                      "lib/package.json": json.dumps({"type": "commonjs"}) + "\n", "tsconfig.json": m290.TSCONFIG})
    run("node fixtures.mjs && rm fixtures.mjs", cwd=root)
    put_bugs(root / "lib", HR_BUGS)
    env = {"PATH": f"{JS}/node_modules/.bin:/usr/bin:/bin"}
    cap("node-test-hornrack-tail-1600", "node --test spec/ 2>&1 | tail -n 1600", root, n_node_test, env=env,
        timeout=300)
    from capture_wide15_js import n_tsc
    chain("chain-eslint-tsc-hornrack", "chain-lint", "lint",
          [Part("npx eslint lib spec | head -n 300", n_eslint), Part("npx tsc --noEmit -p . | head -n 200", n_tsc, ";")],
          root, env=env, timeout=300)


GL_BUGS = [("getDistance.js", "Math.sin(toLat)*Math.sin(fromLat)+Math.cos(toLat)",
            "Math.sin(toLat)*Math.cos(fromLat)+Math.cos(toLat)"),
           ("getCompassDirection.js", 'case 5:return"ESE"', 'case 5:return"SE"'),
           ("constants.js", "mi:1/1609.344", "mi:1/1690.344")]

# Writes spec/geolib.test.mjs: the workshop's seeded places, each expectation computed here from the UNBROKEN copy
# of geolib's es/ modules in src/geolib/, before it is broken.
GL_GEN = r"""
import fs from 'node:fs';
import geolib from './src/geolib/index.js';
const {getDistance, getCompassDirection, convertDistance, getGreatCircleBearing, getCenter} = geolib;
let seed = 66516;
const rnd = () => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed / 2147483648; };
const pick = (xs) => xs[Math.floor(rnd() * xs.length)];
const r5 = (x) => Math.round(x * 1e5) / 1e5;
const HORNERS = ['Abel', 'Bathsheba', 'Caleb', 'Dinah', 'Ezra', 'Frideswide', 'Gideon', 'Huldah'];
const PARTS = ['horn plate', 'spoon', 'beaker', 'comb blank', 'lantern leaf', 'shoehorn', 'horn press'];
const J = JSON.stringify;
const pt = () => ({latitude: r5(rnd() * 150 - 75), longitude: r5(rnd() * 358 - 179)});
const near = (p) => ({latitude: r5(p.latitude + rnd() * 4 - 2), longitude: r5(p.longitude + rnd() * 4 - 2)});
const out = ["import {test} from 'node:test';", "import assert from 'node:assert/strict';",
  "import geolib from '../src/geolib/index.js';", '',
  'const {getDistance, getCompassDirection, convertDistance, getGreatCircleBearing, getCenter} = geolib;', ''];
const t = (name, body) => out.push(`test(${J(name)}, () => {\n  ${body}\n});`);
for (let i = 0; i < 60; i++) {
  const a = pt(), b = rnd() < 0.5 ? near(a) : pt();
  t(`${pick(HORNERS)}'s ${pick(PARTS)}, press ${i + 1}: getDistance(${J(a)}, ${J(b)})`,
    `assert.equal(getDistance(${J(a)}, ${J(b)}), ${J(getDistance(a, b))});`);
}
for (let i = 0; i < 50; i++) {
  const a = pt(), b = near(a);
  t(`${pick(HORNERS)}'s spoon ${i + 1}: getCompassDirection(${J(a)}, ${J(b)})`,
    `assert.equal(getCompassDirection(${J(a)}, ${J(b)}), ${J(getCompassDirection(a, b))});`);
}
for (let i = 0; i < 40; i++) {
  const m = Math.round(rnd() * 900000) / 10, unit = pick(['m', 'km', 'mi', 'ft', 'yd', 'sm']);
  t(`${pick(HORNERS)}'s beaker ${i + 1}: convertDistance(${m}, ${J(unit)})`,
    `assert.equal(convertDistance(${m}, ${J(unit)}), ${J(convertDistance(m, unit))});`);
}
for (let i = 0; i < 30; i++) {
  const a = pt(), b = pt();
  t(`${pick(HORNERS)}'s comb ${i + 1}: getGreatCircleBearing(${J(a)}, ${J(b)})`,
    `assert.equal(getGreatCircleBearing(${J(a)}, ${J(b)}), ${J(getGreatCircleBearing(a, b))});`);
}
for (let i = 0; i < 20; i++) {
  const a = pt(), ps = [a, near(a), near(a), near(a)];
  t(`${pick(HORNERS)}'s plate stack ${i + 1}: getCenter(${J(ps)})`,
    `assert.deepEqual(getCenter(${J(ps)}), ${J(getCenter(ps))});`);
}
fs.writeFileSync('spec/geolib.test.mjs', out.join('\n') + '\n');
"""


def npm_project(tmp: Path) -> None:
    root = tmp / "spoonboard"
    for d in ("src", "spec"):
        (root / d).mkdir(parents=True, exist_ok=True)
    run(f"ln -s {JS / 'node_modules'} node_modules", cwd=root)
    write_tree(root, {"package.json": json.dumps({"name": "spoonboard", "version": "0.6.65", "type": "module",
                                                  "scripts": {"test": "node --test spec/"}}, indent=2) + "\n",
                      "gen.mjs": GL_GEN, "eslint.config.js": m290.ESLINT_CONFIG,
                      "src/package.json": json.dumps({"type": "commonjs"}) + "\n"})
    run(f"mkdir -p src/geolib && cp {JS}/node_modules/geolib/es/*.js src/geolib/", cwd=root)
    run("node gen.mjs && rm gen.mjs", cwd=root)  # expectations from the unbroken copy
    put_bugs(root / "src" / "geolib", GL_BUGS)
    env = {"PATH": f"{JS}/node_modules/.bin:/usr/bin:/bin"}
    cap("node-test-geolib-spoonboard-tail-1800", "node --test spec/ 2>&1 | tail -n 1800", root, n_node_test,
        env=env, timeout=300)
    chain("chain-node-test-grep-exit-spoonboard", "chain-test-exit", "test",
          [Part("node --test spec/ 2>&1 | grep -E '^not ok|^# (tests|pass|fail)'", n_node_test),
           Part("echo EXIT=$?", n_status_echo, ";")], root, env=env, timeout=300)
    cap("eslint-geolib-spoonboard", "npx eslint src 2>&1 | head -n 700", root, n_eslint, env=env, timeout=300)


DOCS = {"doc": str(TMP.parent / "hm-corpus-wide665-docs")}


def specs(root: Path, env: dict) -> list:
    from capture_opencode import Spec
    from capture_wide15_langs import n_go_test
    from capture_wide15_oc import oc_ext
    from capture_wide191_oc import B, C
    S: list = [
        B("oc-bash-pytest-rA-tail-pysolar", n_pytest,
          f"cd hornshop && PYTHONPATH=. {PYTEST} -rA --tb=short {SUITE} 2>&1 | tail -n 400"),
        B("oc-bash-ruff-full-pysolar", n_ruff,
          f"ruff check --no-cache --isolated --select ALL --output-format=full hornshop/pysolar/solar.py "
          f"hornshop/pysolar/radiation.py hornshop/{SUITE} hornshop/beaker_check.py 2>&1 | head -n 900"),
        B("oc-bash-git-blame-pysolar", n_blame, f"cd hornshop-git && git blame -w {MOD} | sed -n 40,400p"),
        B("oc-bash-git-show-pysolar-part", n_show, "cd hornshop-git && git show ':/^solar: part 7 '"),
        B("oc-bash-git-log-p-pysolar-reverse", n_log_p, "cd hornshop-git && git log -p --reverse | head -n 1500"),
        B("oc-bash-make-k-hornrim", n_make, "make -C hornrim -k -B 2>&1 | tail -n 300"),
        B("oc-bash-cargo-test-hornkettle", n_cargo_test, "cd hornkettle && cargo test 2>&1 | tail -n 450"),
        B("oc-bash-cargo-clippy-hornkettle", n_clippy, "cd hornkettle && cargo clippy 2>&1 | tail -n 450"),
        B("oc-bash-go-test-v-hornyard", n_go_test,
          "cd hornyard && GOFLAGS=-mod=mod GOPROXY=off GOTOOLCHAIN=local go test -v ./... 2>&1 | tail -n 350"),
        B("oc-bash-ps-aux-mem-head-150", n_ps_aux, "ps auxww --sort=-rss | head -n 150"),
        B("oc-bash-sqlite-hornplates-largest", n_sqlite_col,
          "sqlite3 -header -column hornplates.db \"SELECT kind, path, CAST(bytes AS INT) AS bytes, modified "
          "FROM plates ORDER BY CAST(bytes AS INT) DESC LIMIT 200\""),
        B("oc-bash-csv-sort-hornplates", n_csv, "(head -n 1 hornplates.csv; tail -n +2 hornplates.csv | sort -t, -k4 -n)"),
        B("oc-bash-log-grep-press-horners", n_app_log,
          "grep -E 'press [1-9]( |,|$)|horn kettle [0-9] boiled dry' horners.log | head -n 400"),
        B("oc-bash-eslint-hornrack", n_eslint, "cd hornrack && npx eslint lib spec 2>&1 | head -n 900"),
    ]
    S.append(C("oc-bash-chain-mypy-strict-pysolar", "chain-lint", "lint",
               [Part("cd hornshop", None), Part(f"MYPYPATH=. {MYPY} --pretty {MOD} {SUITE} beaker_check.py "
                                                "2>&1 | tail -n 300", n_mypy, "&&")],
               root, env, "Type-check pysolar"))
    S.append(C("oc-bash-chain-git-status-diff-pysolar", "chain-git-status-diff", "git",
               [Part("cd hornshop-git", None), Part("git status", n_status, "&&"), Part("git diff", n_diff, "&&")],
               root, env, "Show the working tree changes"))
    S.append(C("oc-bash-chain-node-test-exit-hornrack", "chain-test-exit", "test",
               [Part("cd hornrack", None), Part("node --test spec/ 2>&1 | tail -n 450", n_node_test, "&&"),
                Part("echo EXIT=$?", n_status_echo, ";")], root, env, "Test hornrack"))
    S.append(C("oc-bash-chain-eslint-node-test-spoonboard", "chain-lint", "lint",
               [Part("cd spoonboard", None), Part("npx eslint src 2>&1 | tail -n 200", n_eslint, "&&"),
                Part("node --test spec/ 2>&1 | tail -n 150", n_node_test, ";")], root, env,
               "Lint and test spoonboard"))
    S.append(C("oc-bash-chain-go-test-tail-exit-hornyard", "chain-test-exit", "test",
               [Part("cd hornyard", None), Part("GOFLAGS=-mod=mod GOPROXY=off GOTOOLCHAIN=local go test ./... 2>&1 "
                                                "| tail -n 80", n_go_test, "&&"),
                Part("echo EXIT=$?", n_status_echo, ";")], root, env, "Test hornyard"))
    fw = "doc/libxslt"
    O = [
        Spec("oc-grep-pysolar-def-raise-assert", "oc-grep", "search", "grep",
             {"pattern": r"def \w+\(|raise |assert ", "path": "hornshop", "include": "*.py"}),
        Spec("oc-glob-hornrim-c", "oc-glob", "listing", "glob", {"pattern": "**/*.[ch]", "path": "hornrim"}),
        Spec("oc-read-py-pysolar-solar", "oc-read-source", "code", "read",
             {"filePath": f"{root}/hornshop/{MOD}"}, "python"),
        Spec("oc-webfetch-md-libxslt-functions", "oc-webfetch-markdown", "doc", "webfetch",
             {"url": "{BASE}/" + fw + "/" + PAGE, "format": "markdown"}, source=f"{fw}/{PAGE}"),
        Spec("oc-webfetch-text-libxslt-functions", "oc-webfetch-text", "doc", "webfetch",
             {"url": "{BASE}/" + fw + "/" + PAGE, "format": "text"}, source=f"{fw}/{PAGE}"),
    ]
    for spec in O:
        S.append((spec, oc_ext(spec.kind, spec.family, spec)))
    return S


def _doc_server(serve_dir: str):
    """capture_opencode.start_doc_server on the round's own loopback port (28665), round 658's way."""
    import functools
    import http.server
    import threading
    import capture_opencode as oco
    handler = functools.partial(oco._QuietHandler, directory=serve_dir)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 28665), handler)
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
    oco.StubServer = functools.partial(orig[1], port=38665)
    try:
        run_round(tmp, f"cp -r {tmp}/hornshop hornshop && cp -r {tmp}/ps-git hornshop-git && "
                  f"cp -r {tmp}/hornrim hornrim && cp -r {tmp}/hornkettle hornkettle && "
                  f"cp -r {tmp}/hornyard hornyard && cp -a {tmp}/hornrack hornrack && "
                  f"cp -a {tmp}/spoonboard spoonboard && "
                  f"cp {tmp}/data/hornplates.db {tmp}/data/hornplates.csv {tmp}/data/horners.log .",
                  "find . -name __pycache__ -prune -exec rm -rf {} + ; rm -rf hornrim/build hornshop/.mypy_cache "
                  "hornshop/.ruff_cache hornshop/.pytest_cache",
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
    sys.modules.setdefault("capture_wide665", sys.modules["__main__"])
    main()
