"""Capture round 637 of the compression corpus (issue #11's kinds on real projects, most of them as OpenCode's tools
hand them over, no new rules), with names from a parchment maker's workshop (skins, herses, lunellums, parchmenters):
maidenhead 1.8.0 (its PyPI sdist) with bugs put in (project parchmentry) under a pytest suite written here from the
unbroken package, ruff and mypy, and a chained traceback; a git history of to_maiden.py, to_location.py and the
suite; the real npm package cheap-ruler 4.1.0 copied into a project (herseboard) with bugs put in, under a node --test
suite generated here from the unbroken package, and eslint; a C project (lunellum) and a Rust crate (skinyard) from
round 291's generators imported and renamed; a Go module (frameyard) from round 273's make_steps imported with this
round's words; a JavaScript project (parchrack) from round 290's module and generator imported and renamed; CSV/sqlite
tables of /usr/share/doc files, ps aux, an application log, valgrind's lk-manual.html on loopback; ONE headless
OpenCode run over the same material (its bash, grep, glob, read, webfetch). Every kind's extractor is an earlier
round's, imported (NEEDLES.md's "Round 637: no new rules"). The glue follows round 630's layout (capture_wide630.py,
whose rename tables' left-hand sides, via round 624's, and C Makefile shape are reused); material, words, seeds and
ports are this round's."""

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

ID_PREFIX = "wide637-"
DEFAULT_OUT = HERE / "data" / "wide637.json"
TMP = Path("/dev/shm/hm-corpus-wide637")
SRC = Path("/dev/shm/hm-corpus-wide637-src")  # maidenhead-1.8.0.tar.gz, its PyPI sdist
HIST = Path("/dev/shm/hm-corpus-wide637-hist")  # the sdist with the suite written here, for the git history
VENV = Path("/dev/shm/hm-corpus-wide637-venv")  # the round's own tools: pytest, ruff, mypy
JS = Path("/dev/shm/hm-corpus-wide637-js")  # the round's own npm project: eslint, @eslint/js, typescript, cheap-ruler
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
SEED = 63710
SV = "maidenhead-1.8.0"
ENC = "src/maidenhead/to_maiden.py"
DEC = "src/maidenhead/to_location.py"
SUITE = "tests/test_skin_grid.py"
GIT_ENV, MYPY, PYTEST = w624.GIT_ENV, w624.MYPY, w624.PYTEST
PEOPLE = [("Lettice Vellam", "lettice@example.org"), ("Amos Herse", "amos@example.org"),
          ("Lettice Vellam", "lettice@example.org"), ("Susannah Pumice", "susannah@example.org"),
          ("Obadiah Skinner", "obadiah@example.org")]
BUGS = [(DEC, "    center_offset_lon = 10\n", "    center_offset_lon = 5\n"),
        (ENC, '            base = ord("a") if len(radix) == 3 else ord("A")\n',
         '            base = ord("A") if len(radix) == 3 else ord("A")\n'),
        (DEC, "    weights = [24 if i % 2 else 10 for i in range(precision - 1)] + [1]\n",
         "    weights = [10 if i % 2 else 24 for i in range(precision - 1)] + [1]\n")]

# Writes tests/skin_calls.json from the UNBROKEN package (run before the bugs go in): seeded skin positions located
# at precisions 1-5, locators decoded to corner and centre, made into GeoJSON, and bad locators expected to raise.
GEN = r'''import json, random
import maidenhead as mh

r = random.Random(63710)
calls = {"encode": [], "decode": [], "geo": [], "bad": [], "book": []}
for i in range(90):
    lat, lon = round(r.uniform(-89.9, 89.9), 6), round(r.uniform(-180, 179.9), 6)
    p = r.choice([1, 2, 3, 3, 4, 4, 5])
    calls["encode"].append({"id": f"skin{i:02d}-p{p}", "lat": lat, "lon": lon, "p": p,
                            "want": mh.to_maiden(lat, lon, precision=p)})
for i in range(60):
    lat, lon = round(r.uniform(-85, 85), 5), round(r.uniform(-175, 175), 5)
    code = mh.to_maiden(lat, lon, precision=r.choice([1, 2, 3, 4]))
    centre = r.random() < 0.5
    calls["decode"].append({"id": f"herse{i:02d}-{code}-{'centre' if centre else 'corner'}", "code": code,
                            "center": centre, "want": list(mh.to_location(code, centre))})
for i in range(30):
    code = mh.to_maiden(round(r.uniform(-80, 80), 4), round(r.uniform(-170, 170), 4), precision=r.choice([2, 3, 4]))
    calls["geo"].append({"id": f"pelt{i:02d}-{code}", "code": code,
                         "want": json.loads(json.dumps(mh.to_geoJSONObject(code)))})
for i in range(24):
    k = r.randint(0, 2)
    code = mh.to_maiden(round(r.uniform(-80, 80), 4), round(r.uniform(-170, 170), 4), precision=3)
    if k == 0:
        code = code[:-1]
    elif k == 1:
        code = r.choice("STUVWXYZ") + code[1:]
    else:
        code = code + "j"
    calls["bad"].append({"id": f"lunellum{i:02d}-{code}", "code": code})
for who, lat, lon in [("Lettice Vellam", 51.752, -1.2577), ("Amos Herse", 52.2053, 0.1218),
                      ("Susannah Pumice", 53.4084, -2.9916), ("Obadiah Skinner", 50.7184, -3.5339)]:
    calls["book"].append({"who": who, "lat": lat, "lon": lon, "want": mh.to_maiden(lat, lon, precision=4)})
json.dump(calls, open("tests/skin_calls.json", "w"), indent=1)
'''

SUITE_PY = '''import json
import pathlib

import pytest

import maidenhead as mh

CALLS = json.loads(pathlib.Path(__file__).with_name("skin_calls.json").read_text())


def ids(kind):
    return [c["id"] for c in CALLS[kind]]


@pytest.mark.parametrize("call", CALLS["encode"], ids=ids("encode"))
def test_skin_locate(call):
    assert mh.to_maiden(call["lat"], call["lon"], precision=call["p"]) == call["want"]


@pytest.mark.parametrize("call", CALLS["decode"], ids=ids("decode"))
def test_herse_decode(call):
    assert list(mh.to_location(call["code"], call["center"])) == pytest.approx(call["want"])


@pytest.mark.parametrize("call", CALLS["geo"], ids=ids("geo"))
def test_pelt_geojson(call):
    got = json.loads(json.dumps(mh.to_geoJSONObject(call["code"])))
    assert got == call["want"]


@pytest.mark.parametrize("call", CALLS["bad"], ids=ids("bad"))
def test_lunellum_rejects(call):
    with pytest.raises(ValueError):
        mh.to_location(call["code"])
'''

SCRIPT = r"""import json

import maidenhead as mh


class SkinScrapingError(Exception):
    pass


BOOK = json.load(open("tests/skin_calls.json"))["book"]  # the frame book: each parchmenter's herse, as first written


def scrape(entry):
    try:
        got = mh.to_maiden(entry["lat"], entry["lon"], precision=4)
        if got != entry["want"]:
            raise ValueError(f"{entry['lat']}, {entry['lon']}: herse locator {got!r}, the frame book says "
                             f"{entry['want']!r}")
        return got
    except ValueError as exc:
        raise SkinScrapingError(f"scraping: {entry['who']}'s skins stretched on the wrong herse "
                                f"({len(BOOK)} herses in the book)") from exc


print(f"parchment maker: {len(BOOK)} parchmenters' herses to check")
for entry in BOOK:
    print(entry["who"], "->", scrape(entry))
"""


def source(tmp: Path) -> None:
    """SRC/maidenhead-1.8.0.tar.gz (its PyPI sdist), the round's venv and npm project."""
    cm.download_sdists(SRC, "maidenhead-*.tar.gz", ["maidenhead==1.8.0"])
    cm.install_venv(VENV, "mypy", ["pytest", "ruff", "mypy"])
    cm.install_npm(JS, "cheap-ruler", ["eslint", "@eslint/js", "typescript", "cheap-ruler@4.1.0"])
    if str(VENV / "bin") not in cm.PATH_PREFIX:
        cm.PATH_PREFIX.insert(0, str(VENV / "bin"))


def python(tmp: Path) -> None:
    run(f"tar --no-same-owner -xzf {SRC}/{SV}.tar.gz && mv {SV} parchmentry", cwd=tmp)
    cp = tmp / "parchmentry"
    (cp / "tests").mkdir()
    (cp / "gen.py").write_text(GEN)
    (cp / SUITE).write_text(SUITE_PY)
    run("PYTHONPATH=src python3 gen.py && rm gen.py", cwd=cp)  # expectations from the unbroken package
    run(f"rm -rf {HIST} && mkdir -p {HIST} && cp -r parchmentry {HIST}/{SV} && cd {HIST} && find {SV} -name "
        f"__pycache__ -prune -exec rm -rf {{}} + ; tar czf {SV}.tar.gz {SV} && rm -rf {SV}", cwd=tmp)
    put_bugs(cp, BUGS)
    env = {"PYTHONPATH": str(cp / "src"), "MYPYPATH": str(cp / "src")}
    cap("pytest-maidenhead-parchmentry-v-tbshort", f"{PYTEST} -v --tb=short tests src/maidenhead/tests 2>&1 | "
        "tail -n 1500", cp, n_pytest, env=env, timeout=300)
    chain("chain-maidenhead-pytest-q-exit", "chain-test-exit", "test",
          [Part(f"{PYTEST} -q --tb=line tests 2>&1 | tail -n 600", n_pytest), Part("echo EXIT=$?", n_status_echo, ";")],
          cp,
          env=env, timeout=300)
    cap("mypy-strict-maidenhead-package", f"{MYPY} src/maidenhead {SUITE} 2>&1 | tail -n 400", cp, n_mypy, env=env, timeout=300)
    (cp / "skin_check.py").write_text(SCRIPT)
    cap("python-chained-traceback-skin-check", "python3 skin_check.py", cp, n_chained, env=env)


def git_history(tmp: Path) -> None:
    repo = history(tmp, HIST, "mh", SV, [ENC, DEC, SUITE], PEOPLE, SEED, 12, BUGS)
    (repo / "NOTES.local").write_text("centre offset halved; subsquares upper case; decode weights swapped\n")
    cap("git-log-p-maidenhead-head-1100", "git log -p | head -n 1100", repo, n_log_p, env=GIT_ENV)


LOG_MSGS = {
    "INFO": lambda r: f"skin {r.randint(100, 999)} for {r.choice(['Lettice', 'Amos', 'Susannah', 'Obadiah'])}: "
                      f"{r.randint(2, 24)} {r.choice(['calf skins', 'goat skins', 'sheep skins'])} "
                      f"stretched, {r.randint(40, 160)} pegs, herse {r.randint(1, 30)}",
    "DEBUG": lambda r: f"lunellum {r.choice(['broad', 'narrow', 'hooked'])} pass {r.randint(20, 120)} strokes "
                       f"on {r.choice(['calf', 'goat', 'sheep'])} pelts, lime pit {r.randint(100, 999)}, "
                       f"damp {r.randint(60, 98)}",
    "WARNING": lambda r: f"herse {r.randint(1, 40)} skin torn at peg {r.randint(1, 90)}, sag "
                         f"{r.randint(2, 12)} mm at {r.choice(['Lime Yard', 'Drying Loft', 'Scraping Shed'])}, "
                         f"{r.randint(1, 6)} skins held",
    "ERROR": lambda r: f"lime pit {r.randint(1, 8)} spent at herse {r.randint(2, 32)}, {r.randint(1, 9)} "
                       f"{r.choice(['skins', 'pelts', 'sheets', 'quires'])} lost (tally {r.randint(1, 60)})",
}
DIRS = ("/usr/share/doc/dmsetup", "/usr/share/doc/gpgconf", "/usr/share/doc/libsensors5",
        "/usr/share/doc/binutils-common")
PAGE_DIR = "/usr/share/doc/valgrind/html"
PAGE = "lk-manual.html"


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
    with open(d / "skins.csv", "w", newline="") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(["path", "kind", "name", "bytes", "links", "modified"])
        w.writerows(rows)
    run("sqlite3 skins.db '.mode csv' '.import skins.csv skins'", cwd=d)
    cap("ls-laR-doc-dirs-and-valgrind", "ls -laR " + " ".join(DIRS) + " /usr/share/doc/valgrind", d, n_ls_lR)
    app_log(d / "parchmenters.log", 63714, 1500, ["parchment.skins", "parchment.lime", "parchment.herses",
                                                  "parchment.scraping"], LOG_MSGS, 6371, "2026-12-03")
    cap("app-log-parchmenters-tail-650", "tail -n 650 parchmenters.log", d, n_app_log)
    chain("chain-log-grep-error-parchmenters", "chain-log", "logs",
          [Part("grep -E ' (WARNING|ERROR) ' parchmenters.log | head -n 260", n_app_log),
           Part("grep -c ERROR parchmenters.log", None, ";")], d)
    srv = cm.start(f"cd {PAGE_DIR} && exec python3 -m http.server 18637 --bind 127.0.0.1")
    try:
        time.sleep(1.5)
        cap("curl-html-valgrind-lk-manual", f"curl -s http://127.0.0.1:18637/{PAGE}", d, n_html)
    finally:
        os.killpg(srv.pid, signal.SIGTERM)


# round 291's words (round 624's left-hand sides), then this round's
C_NEW = ("LUNELLUM_H", "lunellum", "skin_t", "skins", "herse_t", "herse_weight", "herse_find", "scrape_permille",
         "lime_g", "pelt", "stretchings", "scrape_count_", "_frame", '"frame ', "herse")
C_RENAMES = tuple((old, new) for (old, _), new in zip(w624.C_RENAMES, C_NEW, strict=True))
RS_NEW = ("skinyard", "0.6.37", "Skin yard: stretch from pelt bore, lime load and a ranking of herse fits.",
          "stretch_n", "lime_load", "pelt_um", "peg_um", "skin_count", "lime_", "lime ", "stretch not on",
          "frame limit", "herses", "odd_")
RS_RENAMES = tuple((old, new) for (old, _), new in zip(w624.RS_RENAMES, RS_NEW, strict=True))


def c_build(tmp: Path) -> None:
    root = tmp / "lunellum"
    rnd = random.Random(63712)
    files = {"src/lunellum.h": renamed(base.GATE_H, C_RENAMES),
             "src/herseframe.c": renamed(base.GATE_C, C_RENAMES)}
    for k in range(30):
        files[f"src/scrape_{k:02d}.c"] = renamed(base.gen_c(k, rnd), C_RENAMES)
    objs = " ".join(f"build/{Path(p).stem}.o" for p in files if p.endswith(".c"))
    files["Makefile"] = ("CC=gcc\nCFLAGS=-Wall -Wextra -O1 -Isrc\nOBJS=" + objs + "\n\nall: lunellum\n\n"
                         "lunellum: $(OBJS)\n\t$(CC) -o $@ $(OBJS)\n\nbuild/%.o: src/%.c src/lunellum.h\n"
                         "\t@mkdir -p build\n\t$(CC) $(CFLAGS) -c $< -o $@\n\nclean:\n\trm -rf build lunellum\n")
    write_tree(root, files)
    chain("chain-make-k-lunellum-exit", "chain-build-exit", "build",
          [Part("make -k -j1 2>&1 | tail -n 400", n_make), Part("echo EXIT=$?", n_status_echo, ";")], root,
          timeout=600)
    cap("gcc-syntax-lunellum-scrape", "gcc -Wall -Wextra -fsyntax-only -Isrc src/herseframe.c "
        "src/scrape_1[0-9].c", root, n_gcc, timeout=300)
    run("rm -rf build lunellum", cwd=root)


def rust(tmp: Path) -> None:
    root = tmp / "skinyard"
    rnd = random.Random(63713)
    broken = renamed(base.BROKEN, RS_RENAMES)
    write_tree(root, {"Cargo.toml": renamed(base.CARGO, RS_RENAMES), "src/lib.rs": renamed(base.LIB, RS_RENAMES),
                      "src/broken.rs": broken, "src/runs.rs": renamed(base.gen_runs(rnd, 120), RS_RENAMES)})
    env = {"CARGO_TARGET_DIR": str(tmp / "skinyard-target"), "CARGO_TERM_COLOR": "never", "CARGO_BUILD_JOBS": "1"}
    cap("cargo-build-errors-skinyard", "cargo build 2>&1", root, n_cargo_build, env=env, timeout=600)
    for line in ("    let label: String = idx.len();\n", "    idx.push(skin_count);\n"):
        assert line in broken, line
        broken = broken.replace(line, "")
    (root / "src/broken.rs").write_text(broken)
    cap("cargo-test-skinyard-tail", "cargo test 2>&1 | grep -v '^test .* ok$' | tail -n 400", root, n_cargo_test,
        env=env, timeout=600)


# round 273's words (round 624's left-hand sides), then this round's
GO_NEW = ("frameyard", "pumicebook", "workshop host", "skins left, days", "nothing left to scrape", "scrape order",
          "lime grade", "Skin", "skin", "Pelt", "pelt", "Herse", "herse", "Pegs", "pegs")
GO_RENAMES = tuple((old, new) for (old, _), new in zip(w624.GO_RENAMES, GO_NEW, strict=True))
HERSES = ["Lime Yard", "Drying Loft", "Scraping Shed", "Pelt Rack", "Stretching Bench", "Pumice Loft",
          "Calf Skin Stack", "Goat Skin Bench", "Quire Shop", "Tally Board", "Yard Gate", "Herse Nine"]
GO_STEP = g273.make_steps(cap, "frameyard", "pumicebook", 63711, HERSES, GO_RENAMES)[0]  # its shell step not run


def go(tmp: Path) -> None:
    GO_STEP(tmp)
    (tmp / "frameyard" / "restock.go").unlink(missing_ok=True)  # make_steps leaves its build-error file in place


# round 290's module in parchment makers' words: the words round 299's table replaces, in its order, each given one
PARCH_WORDS = ["parchrack", "parchment sums for the parchrack (skin lengths, scraping rates, herse charts)",
               "skinLength", "scrapeToMs", "limeBand", "herseLabel", "pegArea", "pegChart", "hersePlan",
               "No herse planned", "unknown skin type", "lunellum", "yard", "loft", "herse",
               "`herse ${w + 1}", "seed = 63718",
               "'skin', 'LIME', 'pelt', 'Herse', 'peg', 'quire', 'Calf', 'knife', 'frame', "
               "'VELLUM', 'pumice',\n  'lunellum', 'chalk', 'Parchmenter', 'rack', 'sheet'",
               "'Lettice', 'Amos', 'Susannah', 'Obadiah', 'Dorcas', 'Jabez', 'Mahala', 'Enoch', 'Tamar', "
               "'Hezekiah', 'Jemima', 'Caleb'"]
assert len(PARCH_WORDS) == len(m299.WAGGLE_NAMES)
PARCH_NAMES = [(old, new) for (old, _), new in zip(m299.WAGGLE_NAMES, PARCH_WORDS)]


def parched(text: str) -> str:
    for old, new in PARCH_NAMES:
        text = text.replace(old, new)
    return text


PR_BUGS = [(parched(rel), parched(old), parched(new)) for rel, old, new in m290.PA_BUGS]


def js_project(tmp: Path) -> None:
    root = tmp / "parchrack"
    for d in ("lib", "spec"):
        (root / d).mkdir(parents=True, exist_ok=True)
    run(f"ln -s {JS / 'node_modules'} node_modules", cwd=root)
    fixtures = parched(m290.FIXTURES)
    assert "63718" in fixtures and "STOPPER" not in fixtures and "Branwen" not in fixtures
    write_tree(root, {"package.json": json.dumps({"name": "parchrack", "version": "6.3.7", "type": "module",
                                                  "scripts": {"test": "node --test spec/"}}, indent=2) + "\n",
                      "fixtures.mjs": fixtures, "eslint.config.js": m290.ESLINT_CONFIG,
                      "lib/herse-plan.js": parched(m290.APP), "lib/parchrack.js": parched(m290.HAWSEHOLE),
                      "lib/package.json": json.dumps({"type": "commonjs"}) + "\n", "tsconfig.json": m290.TSCONFIG})
    run("node fixtures.mjs && rm fixtures.mjs", cwd=root)
    put_bugs(root / "lib", PR_BUGS)
    env = {"PATH": f"{JS}/node_modules/.bin:/usr/bin:/bin"}
    cap("node-test-parchrack-tail-2000", "node --test spec/ 2>&1 | tail -n 2000", root, n_node_test, env=env,
        timeout=300)
    chain("chain-eslint-tsc-parchrack", "chain-lint", "lint",
          [Part("npx eslint lib spec | head -n 300", n_eslint), Part("npx tsc --noEmit -p . | head -n 200", n_tsc, ";")],
          root, env=env, timeout=300)


# cheap-ruler 4.1.0 in herseboard (its ESM index.js as src/cheap-ruler.js): the bugs (bearing's arguments swapped,
# along's fraction from the wrong end, a segment's far end losing its longitude)
CR = "cheap-ruler.js"
CR_BUGS = [(CR, "        return Math.atan2(dx, dy) / RAD;\n", "        return Math.atan2(dy, dx) / RAD;\n"),
           (CR, "            if (sum > dist) return interpolate(p0, p1, (dist - (sum - d)) / d);\n",
            "            if (sum > dist) return interpolate(p0, p1, (dist - sum) / d);\n"),
           (CR, "                x = b[0];\n", "                x = a[0];\n")]

# Writes spec/cheap-ruler.test.mjs: the skin yards' positions, lines and rings from a seeded generator, each
# expectation computed here from the UNBROKEN package in node_modules, before src/cheap-ruler.js is broken.
CR_GEN = r"""
import fs from 'node:fs';
import CheapRuler from 'cheap-ruler';
let seed = 63716;
const rnd = () => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed / 2147483648; };
const pick = (xs) => xs[Math.floor(rnd() * xs.length)];
const r6 = (x) => Math.round(x * 1e6) / 1e6;
const MAKERS = ['Lettice', 'Amos', 'Susannah', 'Obadiah', 'Dorcas', 'Jabez', 'Mahala', 'Enoch'];
const PARTS = ['calf skin', 'goat skin', 'lime pit', 'herse peg', 'pumice block', 'quire', 'lunellum'];
const UNITS = ['kilometers', 'miles', 'nauticalmiles', 'meters', 'yards', 'feet'];
const pt = (lat) => [r6(rnd() * 2 - 1 - 40 + rnd() * 80), r6(lat + rnd() * 0.4 - 0.2)];
const line = (lat, n) => { const out = [pt(lat)]; for (let i = 1; i < n; i++) { const p = out[i - 1];
  out.push([r6(p[0] + rnd() * 0.06 - 0.03), r6(p[1] + rnd() * 0.06 - 0.03)]); } return out; };
const out = ["import {test} from 'node:test';", "import assert from 'node:assert/strict';",
  "import CheapRuler from '../src/cheap-ruler.js';", ''];
const t = (name, lat, units, body) => out.push(`test(${JSON.stringify(name)}, () => {\n  const ruler = new CheapRuler(${lat}, ${JSON.stringify(units)});\n  ${body}\n});`);
const J = JSON.stringify;
for (let i = 0; i < 40; i++) {
  const lat = r6(rnd() * 140 - 70), units = pick(UNITS), ruler = new CheapRuler(lat, units), a = pt(lat), b = pt(lat);
  t(`${pick(MAKERS)}'s ${pick(PARTS)}, yard ${i + 1}: distance(${J(a)}, ${J(b)})`, lat, units,
    `assert.equal(ruler.distance(${J(a)}, ${J(b)}), ${J(ruler.distance(a, b))});`);
}
for (let i = 0; i < 50; i++) {
  const lat = r6(rnd() * 140 - 70), units = pick(UNITS), ruler = new CheapRuler(lat, units), a = pt(lat), b = pt(lat);
  t(`${pick(MAKERS)}'s herse ${i + 1}: bearing(${J(a)}, ${J(b)})`, lat, units,
    `assert.equal(ruler.bearing(${J(a)}, ${J(b)}), ${J(ruler.bearing(a, b))});`);
}
for (let i = 0; i < 30; i++) {
  const lat = r6(rnd() * 140 - 70), units = pick(UNITS), ruler = new CheapRuler(lat, units), a = pt(lat);
  const dist = r6(rnd() * 20), brg = r6(rnd() * 360 - 180);
  t(`${pick(MAKERS)}'s pelt ${i + 1}: destination(${J(a)}, ${dist}, ${brg})`, lat, units,
    `assert.deepEqual(ruler.destination(${J(a)}, ${dist}, ${brg}), ${J(ruler.destination(a, dist, brg))});`);
}
for (let i = 0; i < 40; i++) {
  const lat = r6(rnd() * 120 - 60), ruler = new CheapRuler(lat, 'kilometers'), l = line(lat, 3 + Math.floor(rnd() * 5));
  const d = r6(rnd() * ruler.lineDistance(l) * 1.1);
  t(`${pick(MAKERS)}'s quire ${i + 1}: along(${l.length} points, ${d})`, lat, 'kilometers',
    `assert.deepEqual(ruler.along(${J(l)}, ${d}), ${J(ruler.along(l, d))});`);
}
for (let i = 0; i < 40; i++) {
  const lat = r6(rnd() * 120 - 60), units = pick(UNITS), ruler = new CheapRuler(lat, units), s = line(lat, 2), p = pt(lat);
  t(`${pick(MAKERS)}'s peg ${i + 1}: pointToSegmentDistance(${J(p)}, ${J(s[0])}, ${J(s[1])})`, lat, units,
    `assert.equal(ruler.pointToSegmentDistance(${J(p)}, ${J(s[0])}, ${J(s[1])}), ${J(ruler.pointToSegmentDistance(p, s[0], s[1]))});`);
}
for (let i = 0; i < 30; i++) {
  const lat = r6(rnd() * 120 - 60), ruler = new CheapRuler(lat, 'meters'), ring = line(lat, 4 + Math.floor(rnd() * 4));
  ring.push(ring[0]);
  t(`${pick(MAKERS)}'s skin ${i + 1}: area(ring of ${ring.length})`, lat, 'meters',
    `assert.equal(ruler.area([${J(ring)}]), ${J(ruler.area([ring]))});`);
}
fs.writeFileSync('spec/cheap-ruler.test.mjs', out.join('\n') + '\n');
"""


def npm_project(tmp: Path) -> None:
    root = tmp / "herseboard"
    for d in ("src", "spec"):
        (root / d).mkdir(parents=True, exist_ok=True)
    run(f"ln -s {JS / 'node_modules'} node_modules", cwd=root)
    write_tree(root, {"package.json": json.dumps({"name": "herseboard", "version": "0.6.37", "type": "module",
                                                  "scripts": {"test": "node --test spec/"}}, indent=2) + "\n",
                      "gen.mjs": CR_GEN, "eslint.config.js": m290.ESLINT_CONFIG})
    run("node gen.mjs && rm gen.mjs", cwd=root)
    run(f"cp {JS}/node_modules/cheap-ruler/index.js src/{CR}", cwd=root)
    put_bugs(root / "src", CR_BUGS)
    env = {"PATH": f"{JS}/node_modules/.bin:/usr/bin:/bin"}
    cap("node-test-cheap-ruler-herseboard-tail-1800", "node --test spec/ 2>&1 | tail -n 1800", root, n_node_test,
        env=env, timeout=300)
    chain("chain-node-test-grep-exit-herseboard", "chain-test-exit", "test",
          [Part("node --test spec/ 2>&1 | grep -E '^not ok|^# (tests|pass|fail)'", n_node_test),
           Part("echo EXIT=$?", n_status_echo, ";")], root, env=env, timeout=300)
    cap("eslint-cheap-ruler-herseboard", "npx eslint src 2>&1", root, n_eslint, env=env, timeout=300)


DOCS = {"doc": str(TMP.parent / "hm-corpus-wide637-docs")}  # valgrind's lk-manual.html


def specs(root: Path, env: dict) -> list:
    from capture_opencode import Spec
    from capture_wide15_langs import n_go_test
    from capture_wide15_oc import oc_ext
    from capture_wide191_oc import B, C
    S: list = [
        B("oc-bash-pytest-rA-tail-maidenhead", n_pytest,
          f"cd parchmentry && PYTHONPATH=src {PYTEST} -rA --tb=short tests 2>&1 | tail -n 400"),
        B("oc-bash-ruff-full-maidenhead", n_ruff,
          f"ruff check --no-cache --isolated --select ALL --output-format=full parchmentry/src/maidenhead "
          f"parchmentry/{SUITE} parchmentry/skin_check.py 2>&1 | head -n 900"),
        B("oc-bash-git-blame-maidenhead", n_blame, f"cd parchmentry-git && git blame -w {DEC} | head -n 400"),
        B("oc-bash-git-show-maidenhead-part", n_show, "cd parchmentry-git && git show ':/^to_location: part 4 '"),
        B("oc-bash-git-log-p-maidenhead-reverse", n_log_p, "cd parchmentry-git && git log -p --reverse | head -n 1500"),
        B("oc-bash-make-k-lunellum", n_make, "make -C lunellum -k -B 2>&1 | tail -n 300"),
        B("oc-bash-cargo-test-skinyard", n_cargo_test, "cd skinyard && cargo test 2>&1 | tail -n 450"),
        B("oc-bash-cargo-clippy-skinyard", n_clippy, "cd skinyard && cargo clippy 2>&1 | tail -n 450"),
        B("oc-bash-go-test-v-frameyard", n_go_test,
          "cd frameyard && GOFLAGS=-mod=mod GOPROXY=off GOTOOLCHAIN=local go test -v ./... 2>&1 | tail -n 350"),
        B("oc-bash-ps-aux-mem-head-150", n_ps_aux, "ps aux --sort=-rss | head -n 150"),
        B("oc-bash-sqlite-skins-largest", n_sqlite_col,
          "sqlite3 -header -column skins.db \"SELECT kind, path, CAST(bytes AS INT) AS bytes, modified "
          "FROM skins ORDER BY CAST(bytes AS INT) DESC LIMIT 200\""),
        B("oc-bash-csv-sort-skins", n_csv, "(head -n 1 skins.csv; tail -n +2 skins.csv | sort -t, -k4 -n)"),
        B("oc-bash-log-grep-herse-parchmenters", n_app_log,
          "grep -E 'herse [1-9]( |,|$)|lime pit [0-9] spent' parchmenters.log | head -n 400"),
        B("oc-bash-eslint-parchrack", n_eslint, "cd parchrack && npx eslint lib spec 2>&1 | head -n 900"),
    ]
    S.append(C("oc-bash-chain-mypy-strict-maidenhead", "chain-lint", "lint",
               [Part("cd parchmentry", None), Part(f"MYPYPATH=src {MYPY} --pretty {ENC} {DEC} {SUITE} skin_check.py "
                                                   "2>&1 | tail -n 300", n_mypy, "&&")],
               root, env, "Type-check maidenhead"))
    S.append(C("oc-bash-chain-git-status-diff-maidenhead", "chain-git-status-diff", "git",
               [Part("cd parchmentry-git", None), Part("git status", n_status, "&&"), Part("git diff", n_diff, "&&")],
               root, env, "Show the working tree changes"))
    S.append(C("oc-bash-chain-node-test-exit-parchrack", "chain-test-exit", "test",
               [Part("cd parchrack", None), Part("node --test spec/ 2>&1 | tail -n 450", n_node_test, "&&"),
                Part("echo EXIT=$?", n_status_echo, ";")], root, env, "Test parchrack"))
    S.append(C("oc-bash-chain-eslint-node-test-herseboard", "chain-lint", "lint",
               [Part("cd herseboard", None), Part("npx eslint src 2>&1", n_eslint, "&&"),
                Part("node --test spec/ 2>&1 | tail -n 150", n_node_test, ";")], root, env, "Lint and test herseboard"))
    fw = "doc/valgrind"
    O = [
        Spec("oc-grep-maidenhead-def-raise", "oc-grep", "search", "grep",
             {"pattern": r"def \w+\(|raise |assert ", "path": "parchmentry", "include": "*.py"}),
        Spec("oc-glob-lunellum-c", "oc-glob", "listing", "glob", {"pattern": "**/*.[ch]", "path": "lunellum"}),
        Spec("oc-read-py-maidenhead", "oc-read-source", "code", "read",
             {"filePath": f"{root}/parchmentry/{DEC}"}, "python"),
        Spec("oc-webfetch-md-valgrind-lk-manual", "oc-webfetch-markdown", "doc", "webfetch",
             {"url": "{BASE}/" + fw + "/" + PAGE, "format": "markdown"}, source=f"{fw}/{PAGE}"),
        Spec("oc-webfetch-text-valgrind-lk-manual", "oc-webfetch-text", "doc", "webfetch",
             {"url": "{BASE}/" + fw + "/" + PAGE, "format": "text"}, source=f"{fw}/{PAGE}"),
    ]
    for spec in O:
        S.append((spec, oc_ext(spec.kind, spec.family, spec)))
    return S


def _doc_server(serve_dir: str):
    """capture_opencode.start_doc_server on the round's own loopback port (28637), round 436's way."""
    import functools
    import http.server
    import threading
    import capture_opencode as oco
    handler = functools.partial(oco._QuietHandler, directory=serve_dir)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 28637), handler)
    threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.1}, daemon=True).start()
    return server


def docs(tmp: Path) -> None:
    """The page OpenCode's webfetch reads: valgrind's lk-manual.html."""
    d = Path(DOCS["doc"]) / "valgrind"
    run(f"rm -rf {d} && mkdir -p {d} && cp {PAGE_DIR}/{PAGE} {d}/")


def opencode(tmp: Path) -> None:
    import functools
    import capture_opencode as oco
    from capture_wide191_oc import run_round
    orig = oco.start_doc_server, oco.StubServer
    oco.start_doc_server = _doc_server
    oco.StubServer = functools.partial(orig[1], port=38637)
    try:
        run_round(tmp, f"cp -r {tmp}/parchmentry parchmentry && cp -r {tmp}/mh-git parchmentry-git && "
                  f"cp -r {tmp}/lunellum lunellum && cp -r {tmp}/skinyard skinyard && "
                  f"cp -r {tmp}/frameyard frameyard && cp -a {tmp}/parchrack parchrack && "
                  f"cp -a {tmp}/herseboard herseboard && "
                  f"cp {tmp}/data/skins.db {tmp}/data/skins.csv {tmp}/data/parchmenters.log .",
                  "find . -name __pycache__ -prune -exec rm -rf {} + ; rm -rf lunellum/build parchmentry/.mypy_cache "
                  "parchmentry/.ruff_cache",
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
    sys.modules.setdefault("capture_wide637", sys.modules["__main__"])
    main()
