"""Capture round 680 of the compression corpus (issue #11's kinds on real projects, most of them as OpenCode's tools
hand them over, no new rules), with names from a limner's studio (gesso, easels, portraits, limners): flexpolyline
0.1.0 (its PyPI sdist) with bugs put in (project gessopan) under a pytest suite written here from the unbroken
package, ruff and mypy, and a chained traceback; a git history of its encoder, decoder and the suite; the real npm
package rbush 4.0.1 (its ES module) copied into a project (easelboard) with bugs put in, under a node --test suite
generated here from the unbroken copy, and eslint; a C project (gessowell) and a Rust crate (limnerframe) from round
291's generators imported and renamed; a Go module (limneryard) from round 273's make_steps imported with this
round's words; a JavaScript project (limnerrack) from round 290's module and generator imported and renamed;
CSV/sqlite tables of /usr/share/doc files, ps aux, an application log, libxslt's libxslt-extra.html on loopback; ONE
headless OpenCode run over the same material (its bash, grep, glob, read, webfetch). Every kind's extractor is an
earlier round's, imported (NEEDLES.md's "Round 680: no new rules"). The glue follows round 672's layout
(capture_wide672.py); material, words, seeds and ports are this round's."""

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

ID_PREFIX = "wide680-"
DEFAULT_OUT = HERE / "data" / "wide680.json"
TMP = Path("/dev/shm/hm-corpus-wide680")
SRC = Path("/dev/shm/hm-corpus-wide680-src")  # flexpolyline-0.1.0.tar.gz, its PyPI sdist
HIST = Path("/dev/shm/hm-corpus-wide680-hist")  # the sdist with the suite written here, for the git history
VENV = Path("/dev/shm/hm-corpus-wide680-venv")  # the round's own tools: pytest, ruff, mypy
JS = Path("/dev/shm/hm-corpus-wide680-js")  # the round's own npm project: eslint, @eslint/js, typescript, rbush
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
SEED = 68010
SV = "flexpolyline-0.1.0"
ENC = "flexpolyline/encoding.py"
DEC = "flexpolyline/decoding.py"
SUITE = "tests/test_gesso_lines.py"
GIT_ENV, MYPY, PYTEST = w624.GIT_ENV, w624.MYPY, w624.PYTEST
PEOPLE = [("Abel Limner", "abel@example.org"), ("Bathsheba Gesso", "bathsheba@example.org"),
          ("Abel Limner", "abel@example.org"), ("Clement Easel", "clement@example.org"),
          ("Damaris Sable", "damaris@example.org")]
BUGS = [(ENC, "        encode_scaled_value(lng - last_lng, appender)\n",
         "        encode_scaled_value(lng - last_lat, appender)\n"),
        (DEC, "    third_dim_precision = (value >> 3) & 15\n", "    third_dim_precision = (value >> 4) & 15\n"),
        ("flexpolyline/__init__.py", "            'lng': row[1],\n", "            'lng': row[0],\n")]

# Writes tests/gesso_calls.json from the UNBROKEN package (run before the bugs go in).
GEN = r'''import json, random
import flexpolyline as fp

r = random.Random(68010)
calls = {"enc2": [], "enc3": [], "dec2": [], "dec3": [], "dict": [], "book": []}


def route(n, z=False):
    lat, lng = r.uniform(-70, 70), r.uniform(-179, 179)
    pts = []
    for _ in range(n):
        lat += r.uniform(-0.05, 0.05)
        lng += r.uniform(-0.05, 0.05)
        p = [round(lat, 5), round(lng, 5)]
        if z:
            p.append(round(r.uniform(0, 900), 1))
        pts.append(p)
    return pts


for i in range(60):
    pts = route(r.randint(2, 8))
    calls["enc2"].append({"id": f"easel{i:02d}", "pts": pts, "want": fp.encode(pts)})
for i in range(40):
    pts = route(r.randint(2, 6), True)
    calls["enc3"].append({"id": f"panel{i:02d}", "pts": pts,
                          "want": fp.encode(pts, third_dim=fp.ELEVATION, third_dim_precision=1)})
for i in range(50):
    s = fp.encode(route(r.randint(2, 8)))
    calls["dec2"].append({"id": f"glaze{i:02d}", "s": s, "want": [list(t) for t in fp.decode(s)]})
for i in range(40):
    s = fp.encode(route(r.randint(2, 6), True), third_dim=fp.ALTITUDE, third_dim_precision=1)
    calls["dec3"].append({"id": f"sitter{i:02d}", "s": s, "want": [list(t) for t in fp.decode(s)]})
for i in range(30):
    s = fp.encode(route(r.randint(2, 5), True), third_dim=fp.LEVEL, third_dim_precision=1)
    calls["dict"].append({"id": f"vellum{i:02d}", "s": s, "want": fp.dict_decode(s)})
for who in ["Abel Limner", "Bathsheba Gesso", "Clement Easel", "Damaris Sable"]:
    s = fp.encode(route(4, True), third_dim=fp.ELEVATION, third_dim_precision=1)
    calls["book"].append({"who": who, "s": s, "want": fp.dict_decode(s)})
json.dump(calls, open("tests/gesso_calls.json", "w"), indent=1)
'''

SUITE_PY = '''import json
import pathlib

import pytest

import flexpolyline as fp

CALLS = json.loads(pathlib.Path(__file__).with_name("gesso_calls.json").read_text())


def ids(kind):
    return [c["id"] for c in CALLS[kind]]


@pytest.mark.parametrize("call", CALLS["enc2"], ids=ids("enc2"))
def test_easel_encode(call):
    assert fp.encode(call["pts"]) == call["want"]


@pytest.mark.parametrize("call", CALLS["enc3"], ids=ids("enc3"))
def test_panel_encode_elevation(call):
    assert fp.encode(call["pts"], third_dim=fp.ELEVATION, third_dim_precision=1) == call["want"]


@pytest.mark.parametrize("call", CALLS["dec2"], ids=ids("dec2"))
def test_glaze_decode(call):
    assert [list(t) for t in fp.decode(call["s"])] == pytest.approx(call["want"])


@pytest.mark.parametrize("call", CALLS["dec3"], ids=ids("dec3"))
def test_sitter_decode_altitude(call):
    assert [list(t) for t in fp.decode(call["s"])] == pytest.approx(call["want"])


@pytest.mark.parametrize("call", CALLS["dict"], ids=ids("dict"))
def test_vellum_dict_decode(call):
    assert fp.dict_decode(call["s"]) == call["want"]
'''

SCRIPT = r"""import json

import flexpolyline as fp


class LimnerVarnishError(Exception):
    pass


BOOK = json.load(open("tests/gesso_calls.json"))["book"]  # the sitting book: each limner's route to the studio


def varnish(entry):
    try:
        got = fp.dict_decode(entry["s"])
        for n, (g, w) in enumerate(zip(got, entry["want"])):
            if abs(g["lng"] - w["lng"]) > 1e-6:
                raise ValueError(f"stop {n}: sitting at longitude {g['lng']}, the sitting book says {w['lng']}")
        return len(got)
    except ValueError as exc:
        raise LimnerVarnishError(f"varnishing: {entry['who']}'s portrait sittings decoded off the route "
                                 f"({len(BOOK)} limners in the book)") from exc


print(f"limner: {len(BOOK)} limners' sitting routes to check")
for entry in BOOK:
    print(entry["who"], "->", varnish(entry))
"""


def source(tmp: Path) -> None:
    cm.download_sdists(SRC, "flexpolyline-*.tar.gz", ["flexpolyline==0.1.0"])
    cm.install_venv(VENV, "mypy", ["pytest==9.2.0", "ruff==0.17.6", "mypy==2.4.1"])
    cm.install_npm(JS, "rbush", ["eslint@10.16.0", "@eslint/js@10.0.1", "typescript@7.0.2", "rbush@4.0.1"])
    if str(VENV / "bin") not in cm.PATH_PREFIX:
        cm.PATH_PREFIX.insert(0, str(VENV / "bin"))


def python(tmp: Path) -> None:
    run(f"tar --no-same-owner -xzf {SRC}/{SV}.tar.gz && mv {SV} gessopan && mkdir -p gessopan/tests", cwd=tmp)
    gp = tmp / "gessopan"
    (gp / "gen.py").write_text(GEN)
    (gp / SUITE).write_text(SUITE_PY)
    run("PYTHONPATH=. python3 gen.py && rm gen.py", cwd=gp)  # expectations from the unbroken package
    run(f"rm -rf {HIST} && mkdir -p {HIST} && cp -r gessopan {HIST}/{SV} && cd {HIST} && find {SV} -name "
        f"__pycache__ -prune -exec rm -rf {{}} + ; tar czf {SV}.tar.gz {SV} && rm -rf {SV}", cwd=tmp)
    put_bugs(gp, BUGS)
    env = {"PYTHONPATH": str(gp), "MYPYPATH": str(gp)}
    cap("pytest-flexpolyline-gessopan-v-tbshort", f"{PYTEST} -v --tb=short {SUITE} 2>&1 | tail -n 1400", gp,
        n_pytest, env=env, timeout=300)
    chain("chain-flexpolyline-pytest-q-exit", "chain-test-exit", "test",
          [Part(f"{PYTEST} -q --tb=line {SUITE} 2>&1 | tail -n 400", n_pytest), Part("echo EXIT=$?", n_status_echo, ";")],
          gp, env=env, timeout=300)
    cap("mypy-strict-flexpolyline-package", f"{MYPY} flexpolyline {SUITE} 2>&1 | tail -n 400", gp, n_mypy, env=env,
        timeout=300)
    (gp / "portrait_check.py").write_text(SCRIPT)
    cap("python-chained-traceback-portrait-check", "python3 portrait_check.py", gp, n_chained, env=env)


def git_history(tmp: Path) -> None:
    repo = history(tmp, HIST, "fp", SV, [ENC, DEC, SUITE], PEOPLE, SEED, 30, BUGS)
    (repo / "NOTES.local").write_text("lng delta from lat; third dim precision shifted; dict lng from lat\n")
    cap("git-log-p-flexpolyline-head-1100", "git log -p | head -n 1100", repo, n_log_p, env=GIT_ENV)


LOG_MSGS = {
    "INFO": lambda r: f"portrait {r.randint(100, 999)} for {r.choice(['Abel', 'Bathsheba', 'Clement', 'Damaris'])}: "
                      f"{r.randint(2, 9)} {r.choice(['sittings', 'glazes', 'gesso coats'])} "
                      f"laid, easel {r.randint(1, 6)} at {r.randint(18, 30)} strokes a minute",
    "DEBUG": lambda r: f"drying room {r.choice(['north', 'loft', 'studio'])} held {r.randint(20, 120)} min "
                       f"for {r.choice(['panel', 'vellum', 'canvas'])} ground, batch {r.randint(100, 999)}, "
                       f"size {r.randint(70, 99)} g",
    "WARNING": lambda r: f"panel {r.randint(1, 40)} crazed in the glaze, crack {r.randint(2, 12)} mm at "
                         f"{r.choice(['Sitter Chair', 'Grinding Slab', 'Gesso Bench'])}, "
                         f"{r.randint(1, 6)} panels held",
    "ERROR": lambda r: f"varnish pot {r.randint(1, 8)} bloomed at easel {r.randint(2, 32)}, {r.randint(1, 9)} "
                       f"{r.choice(['panels', 'miniatures', 'sittings', 'vellums'])} lost (tally {r.randint(1, 60)})",
}
DIRS = ("/usr/share/doc/pkgconf", "/usr/share/doc/zlib1g", "/usr/share/doc/fakeroot", "/usr/share/doc/bzip2",
        "/usr/share/doc/libuuid1", "/usr/share/doc/debianutils", "/usr/share/doc/netbase")
PAGE_DIR = "/usr/share/doc/libxslt1-dev/html/html"
PAGE = "libxslt-extra.html"


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
    with open(d / "gessosheets.csv", "w", newline="") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(["path", "kind", "name", "bytes", "links", "modified"])
        w.writerows(rows)
    run("sqlite3 gessosheets.db '.mode csv' '.import gessosheets.csv sheets'", cwd=d)
    cap("ls-laR-doc-dirs-and-libxslt", "ls -laR " + " ".join(DIRS) + " /usr/share/doc/libxslt1-dev", d, n_ls_lR)
    app_log(d / "limners.log", 68014, 1500, ["limner.studio", "limner.easel", "limner.glaze", "limner.sitters"],
            LOG_MSGS, 6801, "2026-12-03")
    cap("app-log-limners-tail-650", "tail -n 650 limners.log", d, n_app_log)
    chain("chain-log-grep-error-limners", "chain-log", "logs",
          [Part("grep -E ' (WARNING|ERROR) ' limners.log | head -n 260", n_app_log),
           Part("grep -c ERROR limners.log", None, ";")], d)
    srv = cm.start(f"cd {PAGE_DIR} && exec python3 -m http.server 18680 --bind 127.0.0.1")
    try:
        time.sleep(1.5)
        cap("curl-html-libxslt-extra", f"curl -s http://127.0.0.1:18680/{PAGE}", d, n_html)
    finally:
        os.killpg(srv.pid, signal.SIGTERM)


# round 291's words (round 624's left-hand sides), then this round's
C_NEW = ("GESSOWELL_H", "gessowell", "easel_t", "easels", "panel_t", "panel_weight", "panel_find",
         "glaze_permille", "gesso_g", "chalk", "coatings", "glaze_count_", "_studio", '"studio ', "panel")
C_RENAMES = tuple((old, new) for (old, _), new in zip(w624.C_RENAMES, C_NEW, strict=True))
RS_NEW = ("limnerframe", "0.6.80", "Limner frame: drying from panel gauge, sitter load and a ranking of portrait "
          "hangings.", "dry_n", "sitter_load", "panel_um", "easel_um", "sitter_count", "sitter_", "sitter ",
          "dry not on", "studio limit", "portraits", "odd_")
RS_RENAMES = tuple((old, new) for (old, _), new in zip(w624.RS_RENAMES, RS_NEW, strict=True))


def c_build(tmp: Path) -> None:
    root = tmp / "gessowell"
    rnd = random.Random(68012)
    files = {"src/gessowell.h": renamed(base.GATE_H, C_RENAMES),
             "src/panelframe.c": renamed(base.GATE_C, C_RENAMES)}
    for k in range(30):
        files[f"src/glaze_{k:02d}.c"] = renamed(base.gen_c(k, rnd), C_RENAMES)
    objs = " ".join(f"build/{Path(p).stem}.o" for p in files if p.endswith(".c"))
    files["Makefile"] = ("CC=gcc\nCFLAGS=-Wall -Wextra -O1 -Isrc\nOBJS=" + objs + "\n\nall: gessowell\n\n"
                         "gessowell: $(OBJS)\n\t$(CC) -o $@ $(OBJS)\n\nbuild/%.o: src/%.c src/gessowell.h\n"
                         "\t@mkdir -p build\n\t$(CC) $(CFLAGS) -c $< -o $@\n\nclean:\n\trm -rf build gessowell\n")
    write_tree(root, files)
    chain("chain-make-k-gessowell-exit", "chain-build-exit", "build",
          [Part("make -k -j1 2>&1 | tail -n 400", n_make), Part("echo EXIT=$?", n_status_echo, ";")], root,
          timeout=600)
    cap("gcc-syntax-gessowell-glaze", "gcc -Wall -Wextra -fsyntax-only -Isrc src/panelframe.c src/glaze_2[0-9].c", root,
        n_gcc, timeout=300)
    run("rm -rf build gessowell", cwd=root)


def rust(tmp: Path) -> None:
    root = tmp / "limnerframe"
    rnd = random.Random(68013)
    broken = renamed(base.BROKEN, RS_RENAMES)
    write_tree(root, {"Cargo.toml": renamed(base.CARGO, RS_RENAMES), "src/lib.rs": renamed(base.LIB, RS_RENAMES),
                      "src/broken.rs": broken, "src/runs.rs": renamed(base.gen_runs(rnd, 120), RS_RENAMES)})
    env = {"CARGO_TARGET_DIR": str(tmp / "limnerframe-target"), "CARGO_TERM_COLOR": "never", "CARGO_BUILD_JOBS": "1"}
    cap("cargo-build-errors-limnerframe", "cargo build 2>&1", root, n_cargo_build, env=env, timeout=600)
    for line in ("    let label: String = idx.len();\n", "    idx.push(sitter_count);\n"):
        assert line in broken, line
        broken = broken.replace(line, "")
    (root / "src/broken.rs").write_text(broken)
    cap("cargo-test-limnerframe-tail", "cargo test 2>&1 | grep -v '^test .* ok$' | tail -n 400", root, n_cargo_test,
        env=env, timeout=600)


GO_NEW = ("limneryard", "portraittally", "studio host", "panels left, days", "nothing left to paint",
          "sitting order", "panel grade", "Easel", "easel", "Gesso", "gesso", "Sitter", "sitter", "Panels", "panels")
GO_RENAMES = tuple((old, new) for (old, _), new in zip(w624.GO_RENAMES, GO_NEW, strict=True))
BENCHES = ["Sitter Chair", "Grinding Slab", "Gesso Bench", "Easel Row", "Glaze Shelf", "Drying Loft",
           "Vellum Press", "Sable Rack", "North Light", "Tally Board", "Studio Gate", "Easel Seven"]
GO_STEP = g273.make_steps(cap, "limneryard", "portraittally", 68011, BENCHES, GO_RENAMES)[0]


def go(tmp: Path) -> None:
    GO_STEP(tmp)
    (tmp / "limneryard" / "restock.go").unlink(missing_ok=True)


LIMNER_WORDS = ["limnerrack", "limner sums for the limnerrack (canvas lengths, drying rates, sitter charts)",
                "canvasLength", "dryToMs", "glazeBand", "sitterLabel", "panelArea", "sittingChart", "portraitPlan",
                "No portrait planned", "unknown portrait type", "miniature", "cabinet", "kitcat", "halflength",
                "`sitting ${w + 1}", "seed = 68018",
                "'gesso', 'VARNISH', 'easel', 'Sable', 'palette', 'panel', 'Glaze', 'ochre', 'umber', "
                "'SIZE', 'chalk',\n  'vellum', 'muller', 'Limner', 'brush', 'sitter'",
                "'Abel', 'Bathsheba', 'Clement', 'Damaris', 'Eli', 'Fidelia', 'Gideon', 'Honor', 'Ishmael', "
                "'Jemima', 'Keturah', 'Lemuel'"]
assert len(LIMNER_WORDS) == len(m299.WAGGLE_NAMES)
LIMNER_NAMES = [(old, new) for (old, _), new in zip(m299.WAGGLE_NAMES, LIMNER_WORDS)]


def limnered(text: str) -> str:
    for old, new in LIMNER_NAMES:
        text = text.replace(old, new)
    return text


LR_BUGS = [(limnered(rel), limnered(old), limnered(new)) for rel, old, new in m290.PA_BUGS]


def js_project(tmp: Path) -> None:
    root = tmp / "limnerrack"
    for d in ("lib", "spec"):
        (root / d).mkdir(parents=True, exist_ok=True)
    run(f"ln -s {JS / 'node_modules'} node_modules", cwd=root)
    fixtures = limnered(m290.FIXTURES)
    assert "68018" in fixtures and "STOPPER" not in fixtures and "Branwen" not in fixtures
    write_tree(root, {"package.json": json.dumps({"name": "limnerrack", "version": "6.8.0", "type": "module",
                                                  "scripts": {"test": "node --test spec/"}}, indent=2) + "\n",
                      "fixtures.mjs": fixtures, "eslint.config.js": m290.ESLINT_CONFIG,
                      "lib/portrait-plan.js": limnered(m290.APP), "lib/limnerrack.js": limnered(m290.HAWSEHOLE),
                      "lib/package.json": json.dumps({"type": "commonjs"}) + "\n", "tsconfig.json": m290.TSCONFIG})
    run("node fixtures.mjs && rm fixtures.mjs", cwd=root)
    put_bugs(root / "lib", LR_BUGS)
    env = {"PATH": f"{JS}/node_modules/.bin:/usr/bin:/bin"}
    cap("node-test-limnerrack-tail-1600", "node --test spec/ 2>&1 | tail -n 1600", root, n_node_test, env=env,
        timeout=300)
    chain("chain-eslint-tsc-limnerrack", "chain-lint", "lint",
          [Part("npx eslint lib spec | head -n 300", n_eslint), Part("npx tsc --noEmit -p . | head -n 200", n_tsc, ";")],
          root, env=env, timeout=300)


RB = "index.js"
RB_BUGS = [(RB, "    a.maxY = Math.max(a.maxY, b.maxY);", "    a.maxY = Math.min(a.maxY, b.maxY);"),
           (RB, "           b.minY <= a.maxY &&", "           b.minY < a.maxY &&"),
           (RB, "           b.maxX <= a.maxX &&", "           b.maxX <= a.maxY &&")]

# Writes spec/walls.json and spec/rbush.test.mjs: the studio's seeded walls of panels, each expectation computed here
# from the UNBROKEN copy of rbush's index.js in src/rbush/, before it is broken.
RB_GEN = r"""
import fs from 'node:fs';
import RBush from './src/rbush/index.js';
let seed = 68016;
const rnd = () => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed / 2147483648; };
const pick = (xs) => xs[Math.floor(rnd() * xs.length)];
const r2 = (x) => Math.round(x * 100) / 100;
const LIMNERS = ['Abel', 'Bathsheba', 'Clement', 'Damaris', 'Eli', 'Fidelia', 'Gideon', 'Honor'];
const PARTS = ['gesso panel', 'miniature', 'vellum', 'kit-cat canvas', 'glaze', 'easel', 'sable brush'];
const J = JSON.stringify;
const box = (s) => { const x = r2(rnd() * 1000), y = r2(rnd() * 1000);
  return {minX: x, minY: y, maxX: r2(x + rnd() * s), maxY: r2(y + rnd() * s)}; };
const walls = [];
for (let w = 0; w < 6; w++) walls.push(Array.from({length: 160}, (_, i) => ({id: i, ...box(60)})));
fs.writeFileSync('spec/walls.json', J(walls));
const ids = (xs) => xs.map((b) => b.id).sort((a, b) => a - b);
const built = (w, how) => { const t = new RBush(how === 'insert' ? 4 : 9);
  if (how === 'insert') { for (const b of walls[w]) t.insert(b); } else { t.load(walls[w]); } return t; };
const out = ["import {test} from 'node:test';", "import assert from 'node:assert/strict';", "import fs from 'node:fs';",
  "import RBush from '../src/rbush/index.js';", '',
  "const WALLS = JSON.parse(fs.readFileSync(new URL('./walls.json', import.meta.url)));",
  "const ids = (xs) => xs.map((b) => b.id).sort((a, b) => a - b);",
  "const built = (w, how) => { const t = new RBush(how === 'insert' ? 4 : 9);",
  "  if (how === 'insert') { for (const b of WALLS[w]) t.insert(b); } else { t.load(WALLS[w]); } return t; };", ''];
const t = (name, body) => out.push(`test(${J(name)}, () => {\n  ${body}\n});`);
for (let i = 0; i < 60; i++) {
  const w = i % 6, q = box(300);
  t(`${pick(LIMNERS)}'s ${pick(PARTS)}, sitting ${i + 1}: insert then search(wall ${w}, ${J(q)})`,
    `assert.deepEqual(ids(built(${w}, 'insert').search(${J(q)})), ${J(ids(built(w, 'insert').search(q)))});`);
}
for (let i = 0; i < 50; i++) {
  const w = i % 6, q = box(250);
  t(`${pick(LIMNERS)}'s glaze ${i + 1}: load then search(wall ${w}, ${J(q)})`,
    `assert.deepEqual(ids(built(${w}, 'load').search(${J(q)})), ${J(ids(built(w, 'load').search(q)))});`);
}
for (let i = 0; i < 40; i++) {
  const w = i % 6, q = box(40);
  t(`${pick(LIMNERS)}'s easel ${i + 1}: collides(wall ${w}, ${J(q)})`,
    `assert.equal(built(${w}, 'load').collides(${J(q)}), ${J(built(w, 'load').collides(q))});`);
}
for (let i = 0; i < 30; i++) {
  const w = i % 6, b = walls[w][Math.floor(rnd() * 160)];
  const q = {minX: b.minX, minY: b.maxY, maxX: r2(b.maxX + 20), maxY: r2(b.maxY + 20)};
  t(`${pick(LIMNERS)}'s vellum ${i + 1}: edge search(wall ${w}, ${J(q)})`,
    `assert.deepEqual(ids(built(${w}, 'insert').search(${J(q)})), ${J(ids(built(w, 'insert').search(q)))});`);
}
for (let i = 0; i < 20; i++) {
  const w = i % 6, gone = Array.from({length: 12}, () => Math.floor(rnd() * 160));
  const tr = built(w, 'load'); for (const k of gone) tr.remove(walls[w][k], (a, b) => a.id === b.id);
  t(`${pick(LIMNERS)}'s portrait ${i + 1}: remove ${J(gone)} then all(wall ${w})`,
    `const tr = built(${w}, 'load');\n  for (const k of ${J(gone)}) tr.remove(WALLS[${w}][k], (a, b) => a.id === b.id);\n  ` +
    `assert.deepEqual(ids(tr.all()), ${J(ids(tr.all()))});`);
}
fs.writeFileSync('spec/rbush.test.mjs', out.join('\n') + '\n');
"""


def npm_project(tmp: Path) -> None:
    root = tmp / "easelboard"
    for d in ("src", "spec"):
        (root / d).mkdir(parents=True, exist_ok=True)
    run(f"ln -s {JS / 'node_modules'} node_modules", cwd=root)
    write_tree(root, {"package.json": json.dumps({"name": "easelboard", "version": "0.6.80", "type": "module",
                                                  "scripts": {"test": "node --test spec/"}}, indent=2) + "\n",
                      "gen.mjs": RB_GEN, "eslint.config.js": m290.ESLINT_CONFIG,
                      "src/package.json": json.dumps({"type": "module"}) + "\n"})
    run(f"mkdir -p src/rbush && cp {JS}/node_modules/rbush/index.js src/rbush/", cwd=root)
    run("node gen.mjs && rm gen.mjs", cwd=root)  # expectations from the unbroken copy
    put_bugs(root / "src" / "rbush", RB_BUGS)
    env = {"PATH": f"{JS}/node_modules/.bin:/usr/bin:/bin"}
    cap("node-test-rbush-easelboard-tail-1800", "node --test spec/ 2>&1 | tail -n 1800", root, n_node_test,
        env=env, timeout=300)
    chain("chain-node-test-grep-exit-easelboard", "chain-test-exit", "test",
          [Part("node --test spec/ 2>&1 | grep -E '^not ok|^# (tests|pass|fail)'", n_node_test),
           Part("echo EXIT=$?", n_status_echo, ";")], root, env=env, timeout=300)
    cap("eslint-rbush-easelboard", "npx eslint src spec 2>&1 | head -n 700", root, n_eslint, env=env, timeout=300)


DOCS = {"doc": str(TMP.parent / "hm-corpus-wide680-docs")}


def specs(root: Path, env: dict) -> list:
    from capture_opencode import Spec
    from capture_wide15_langs import n_go_test
    from capture_wide15_oc import oc_ext
    from capture_wide191_oc import B, C
    S: list = [
        B("oc-bash-pytest-rA-tail-flexpolyline", n_pytest,
          f"cd gessopan && PYTHONPATH=. {PYTEST} -rA --tb=short {SUITE} 2>&1 | tail -n 400"),
        B("oc-bash-ruff-full-flexpolyline", n_ruff,
          f"ruff check --no-cache --isolated --select ALL --output-format=full gessopan/{ENC} gessopan/{DEC} "
          f"gessopan/flexpolyline/__init__.py gessopan/{SUITE} gessopan/portrait_check.py 2>&1 | head -n 900"),
        B("oc-bash-git-blame-flexpolyline", n_blame, f"cd gessopan-git && git blame -w {ENC} | sed -n 20,400p"),
        B("oc-bash-git-show-flexpolyline-part", n_show, "cd gessopan-git && git show ':/^decoding: part 3 '"),
        B("oc-bash-git-log-p-flexpolyline-reverse", n_log_p, "cd gessopan-git && git log -p --reverse | head -n 1500"),
        B("oc-bash-make-k-gessowell", n_make, "make -C gessowell -k -B 2>&1 | tail -n 300"),
        B("oc-bash-cargo-test-limnerframe", n_cargo_test, "cd limnerframe && cargo test 2>&1 | tail -n 450"),
        B("oc-bash-cargo-clippy-limnerframe", n_clippy, "cd limnerframe && cargo clippy 2>&1 | tail -n 450"),
        B("oc-bash-go-test-v-limneryard", n_go_test,
          "cd limneryard && GOFLAGS=-mod=mod GOPROXY=off GOTOOLCHAIN=local go test -v ./... 2>&1 | tail -n 350"),
        B("oc-bash-ps-aux-mem-head-150", n_ps_aux, "ps auxww --sort=-rss | head -n 150 | cut -c1-300"),
        B("oc-bash-sqlite-gessosheets-largest", n_sqlite_col,
          "sqlite3 -header -column gessosheets.db \"SELECT kind, path, CAST(bytes AS INT) AS bytes, modified "
          "FROM sheets ORDER BY CAST(bytes AS INT) DESC LIMIT 200\""),
        B("oc-bash-csv-sort-gessosheets", n_csv, "(head -n 1 gessosheets.csv; tail -n +2 gessosheets.csv | sort -t, -k4 -n)"),
        B("oc-bash-log-grep-easel-limners", n_app_log,
          "grep -E 'easel [1-9]( |,|$)|varnish pot [0-9] bloomed' limners.log | head -n 400"),
        B("oc-bash-eslint-limnerrack", n_eslint, "cd limnerrack && npx eslint lib spec 2>&1 | head -n 900"),
    ]
    S.append(C("oc-bash-chain-mypy-strict-flexpolyline", "chain-lint", "lint",
               [Part("cd gessopan", None), Part(f"MYPYPATH=. {MYPY} --pretty {ENC} {DEC} {SUITE} portrait_check.py "
                                               "2>&1 | tail -n 300", n_mypy, "&&")],
               root, env, "Type-check flexpolyline"))
    S.append(C("oc-bash-chain-git-status-diff-flexpolyline", "chain-git-status-diff", "git",
               [Part("cd gessopan-git", None), Part("git status", n_status, "&&"), Part("git diff", n_diff, "&&")],
               root, env, "Show the working tree changes"))
    S.append(C("oc-bash-chain-node-test-exit-limnerrack", "chain-test-exit", "test",
               [Part("cd limnerrack", None), Part("node --test spec/ 2>&1 | tail -n 450", n_node_test, "&&"),
                Part("echo EXIT=$?", n_status_echo, ";")], root, env, "Test limnerrack"))
    S.append(C("oc-bash-chain-eslint-node-test-easelboard", "chain-lint", "lint",
               [Part("cd easelboard", None), Part("npx eslint src 2>&1 | tail -n 200", n_eslint, "&&"),
                Part("node --test spec/ 2>&1 | tail -n 150", n_node_test, ";")], root, env,
               "Lint and test easelboard"))
    S.append(C("oc-bash-chain-go-test-tail-exit-limneryard", "chain-test-exit", "test",
               [Part("cd limneryard", None), Part("GOFLAGS=-mod=mod GOPROXY=off GOTOOLCHAIN=local go test ./... 2>&1 "
                                                 "| tail -n 80", n_go_test, "&&"),
                Part("echo EXIT=$?", n_status_echo, ";")], root, env, "Test limneryard"))
    fw = "doc/libxslt"
    O = [
        Spec("oc-grep-flexpolyline-def-raise", "oc-grep", "search", "grep",
             {"pattern": r"def \w+\(|raise |yield ", "path": "gessopan/flexpolyline", "include": "*.py"}),
        Spec("oc-glob-gessowell-c", "oc-glob", "listing", "glob", {"pattern": "**/*.[ch]", "path": "gessowell"}),
        Spec("oc-read-py-flexpolyline-encoding", "oc-read-source", "code", "read",
             {"filePath": f"{root}/gessopan/{ENC}"}, "python"),
        Spec("oc-webfetch-md-libxslt-extra", "oc-webfetch-markdown", "doc", "webfetch",
             {"url": "{BASE}/" + fw + "/" + PAGE, "format": "markdown"}, source=f"{fw}/{PAGE}"),
        Spec("oc-webfetch-text-libxslt-extra", "oc-webfetch-text", "doc", "webfetch",
             {"url": "{BASE}/" + fw + "/" + PAGE, "format": "text"}, source=f"{fw}/{PAGE}"),
    ]
    for spec in O:
        S.append((spec, oc_ext(spec.kind, spec.family, spec)))
    return S


def _doc_server(serve_dir: str):
    """capture_opencode.start_doc_server on the round's own loopback port (28680), round 672's way."""
    import functools
    import http.server
    import threading
    import capture_opencode as oco
    handler = functools.partial(oco._QuietHandler, directory=serve_dir)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 28680), handler)
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
    oco.StubServer = functools.partial(orig[1], port=38680)
    try:
        run_round(tmp, f"cp -r {tmp}/gessopan gessopan && cp -r {tmp}/fp-git gessopan-git && "
                  f"cp -r {tmp}/gessowell gessowell && cp -r {tmp}/limnerframe limnerframe && "
                  f"cp -r {tmp}/limneryard limneryard && cp -a {tmp}/limnerrack limnerrack && "
                  f"cp -a {tmp}/easelboard easelboard && "
                  f"cp {tmp}/data/gessosheets.db {tmp}/data/gessosheets.csv {tmp}/data/limners.log .",
                  "find . -name __pycache__ -prune -exec rm -rf {} + ; rm -rf gessowell/build gessopan/.mypy_cache "
                  "gessopan/.ruff_cache gessopan/.pytest_cache",
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
    sys.modules.setdefault("capture_wide680", sys.modules["__main__"])
    main()
