"""Capture round 658 of the compression corpus (issue #11's kinds on real projects, most of them as OpenCode's tools
hand them over, no new rules), with names from a swill maker's shed (oak swills, spelks, bools, taws, swillers):
s2sphere 0.2.5 (its PyPI sdist) with bugs put in (project swillshop) under a pytest suite written here from the
unbroken package, ruff and mypy, and a chained traceback; a git history of s2sphere/sphere.py and the suite; the real
npm package mgrs 2.1.0 copied into a project (spelkboard) with bugs put in, under a node --test suite generated here
from the unbroken copy, and eslint; a C project (boolrim) and a Rust crate (oakpan) from round 291's generators
imported and renamed; a Go module (swillyard) from round 273's make_steps imported with this round's words; a
JavaScript project (swillrack) from round 290's module and generator imported and renamed; CSV/sqlite tables of
/usr/share/doc files, ps aux, an application log, libxslt's libxslt-templates.html on loopback; ONE headless OpenCode
run over the same material (its bash, grep, glob, read, webfetch). Every kind's extractor is an earlier round's,
imported (NEEDLES.md's "Round 658: no new rules"). The glue follows round 642's layout (capture_wide642.py); material,
words, seeds and ports are this round's."""

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

ID_PREFIX = "wide658-"
DEFAULT_OUT = HERE / "data" / "wide658.json"
TMP = Path("/dev/shm/hm-corpus-wide658")
SRC = Path("/dev/shm/hm-corpus-wide658-src")  # s2sphere-0.2.5.tar.gz, its PyPI sdist
HIST = Path("/dev/shm/hm-corpus-wide658-hist")  # the sdist with the suite written here, for the git history
VENV = Path("/dev/shm/hm-corpus-wide658-venv")  # the round's own tools: pytest, ruff, mypy, future
JS = Path("/dev/shm/hm-corpus-wide658-js")  # the round's own npm project: eslint, @eslint/js, typescript, mgrs
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
SEED = 65810
SV = "s2sphere-0.2.5"
MOD = "s2sphere/sphere.py"
SUITE = "tests/test_spelk_cells.py"
GIT_ENV, MYPY, PYTEST = w624.GIT_ENV, w624.MYPY, w624.PYTEST
PEOPLE = [("Agnes Spelk", "agnes@example.org"), ("Bartle Bool", "bartle@example.org"),
          ("Agnes Spelk", "agnes@example.org"), ("Cuthbert Taw", "cuthbert@example.org"),
          ("Dorcas Swill", "dorcas@example.org")]
BUGS = [(MOD, "        dlng = math.sin(0.5 * (to_lng - from_lng))\n", "        dlng = math.sin(0.5 * (to_lng + from_lng))\n"),
        (MOD, "        return cls(int(token.ljust(16, '0'), 16))\n", "        return cls(int(token.rjust(16, '0'), 16))\n"),
        (MOD, "        return Point(-u, -v, 1)\n", "        return Point(-u, v, 1)\n")]

# Writes tests/spelk_calls.json from the UNBROKEN package (run before the bugs go in).
GEN = r'''import json, random
import s2sphere as s2

r = random.Random(65810)
calls = {"cell": [], "distance": [], "token": [], "center": [], "book": []}


def cell(lat, lng, level):
    return s2.CellId.from_lat_lng(s2.LatLng.from_degrees(lat, lng)).parent(level)


for i in range(60):
    lat, lng, lv = round(r.uniform(-89, 89), 6), round(r.uniform(-179.9, 179.9), 6), r.randint(1, 30)
    calls["cell"].append({"id": f"swill{i:02d}-l{lv}", "lat": lat, "lng": lng, "level": lv,
                          "want": cell(lat, lng, lv).to_token()})
for i in range(50):
    a = [round(r.uniform(-80, 80), 5), round(r.uniform(-179, 179), 5)]
    b = [round(r.uniform(-80, 80), 5), round(r.uniform(-179, 179), 5)]
    d = s2.LatLng.from_degrees(*a).get_distance(s2.LatLng.from_degrees(*b)).degrees
    calls["distance"].append({"id": f"spelk{i:02d}", "a": a, "b": b, "want": d})
for i in range(50):
    c = cell(round(r.uniform(-89, 89), 6), round(r.uniform(-179.9, 179.9), 6), r.randint(1, 24))
    calls["token"].append({"id": f"bool{i:02d}-{c.to_token()}", "token": c.to_token(), "want": c.id(),
                           "level": c.level()})
for i in range(40):
    c = cell(round(r.uniform(-89, 89), 6), round(r.uniform(-179.9, 179.9), 6), r.randint(4, 20))
    ll = c.to_lat_lng()
    calls["center"].append({"id": f"taw{i:02d}-{c.to_token()}", "cell": c.id(),
                            "want": [ll.lat().degrees, ll.lng().degrees]})
for who, lat, lng in [("Agnes Spelk", 54.3703, -2.9101), ("Bartle Bool", 54.2871, -3.0962),
                      ("Cuthbert Taw", 54.4491, -3.0188), ("Dorcas Swill", 54.1922, -2.8417)]:
    calls["book"].append({"who": who, "lat": lat, "lng": lng, "want": cell(lat, lng, 12).to_token()})
json.dump(calls, open("tests/spelk_calls.json", "w"), indent=1)
'''

SUITE_PY = '''import json
import pathlib

import pytest

import s2sphere as s2

CALLS = json.loads(pathlib.Path(__file__).with_name("spelk_calls.json").read_text())


def ids(kind):
    return [c["id"] for c in CALLS[kind]]


@pytest.mark.parametrize("call", CALLS["cell"], ids=ids("cell"))
def test_swill_cell(call):
    cid = s2.CellId.from_lat_lng(s2.LatLng.from_degrees(call["lat"], call["lng"])).parent(call["level"])
    assert cid.to_token() == call["want"]


@pytest.mark.parametrize("call", CALLS["distance"], ids=ids("distance"))
def test_spelk_distance(call):
    a, b = s2.LatLng.from_degrees(*call["a"]), s2.LatLng.from_degrees(*call["b"])
    assert a.get_distance(b).degrees == pytest.approx(call["want"])


@pytest.mark.parametrize("call", CALLS["token"], ids=ids("token"))
def test_bool_token(call):
    cid = s2.CellId.from_token(call["token"])
    assert cid.id() == call["want"]
    assert cid.level() == call["level"]


@pytest.mark.parametrize("call", CALLS["center"], ids=ids("center"))
def test_taw_center(call):
    ll = s2.CellId(call["cell"]).to_lat_lng()
    assert [ll.lat().degrees, ll.lng().degrees] == pytest.approx(call["want"])
'''

SCRIPT = r"""import json

import s2sphere as s2


class SwillWeavingError(Exception):
    pass


BOOK = json.load(open("tests/spelk_calls.json"))["book"]  # the tally book: each swiller's bool cell, as first written


def weave(entry):
    try:
        got = s2.CellId.from_token(entry["want"]).to_token()
        if got != entry["want"]:
            raise ValueError(f"{entry['lat']}, {entry['lng']}: bool cell token {got!r}, the tally book says "
                             f"{entry['want']!r}")
        return got
    except ValueError as exc:
        raise SwillWeavingError(f"weaving: {entry['who']}'s swills set on the wrong bool cell "
                                f"({len(BOOK)} cells in the book)") from exc


print(f"swill maker: {len(BOOK)} swillers' bool cells to check")
for entry in BOOK:
    print(entry["who"], "->", weave(entry))
"""


def source(tmp: Path) -> None:
    cm.download_sdists(SRC, "s2sphere-*.tar.gz", ["s2sphere==0.2.5"])
    cm.install_venv(VENV, "mypy", ["pytest==9.2.0", "ruff==0.17.6", "mypy==2.4.1", "future==1.0.0"])
    cm.install_npm(JS, "mgrs", ["eslint@10.16.0", "@eslint/js@10.0.1", "typescript@7.0.2", "mgrs@2.1.0"])
    if str(VENV / "bin") not in cm.PATH_PREFIX:
        cm.PATH_PREFIX.insert(0, str(VENV / "bin"))


def python(tmp: Path) -> None:
    run(f"tar --no-same-owner -xzf {SRC}/{SV}.tar.gz && mv {SV} swillshop && mkdir -p swillshop/tests", cwd=tmp)
    cp = tmp / "swillshop"
    (cp / "gen.py").write_text(GEN)
    (cp / SUITE).write_text(SUITE_PY)
    run("PYTHONPATH=. python3 gen.py && rm gen.py", cwd=cp)  # expectations from the unbroken package
    run(f"rm -rf {HIST} && mkdir -p {HIST} && cp -r swillshop {HIST}/{SV} && cd {HIST} && find {SV} -name "
        f"__pycache__ -prune -exec rm -rf {{}} + ; tar czf {SV}.tar.gz {SV} && rm -rf {SV}", cwd=tmp)
    put_bugs(cp, BUGS)
    env = {"PYTHONPATH": str(cp), "MYPYPATH": str(cp)}
    cap("pytest-s2sphere-swillshop-v-tbshort", f"{PYTEST} -v --tb=short {SUITE} 2>&1 | tail -n 1500", cp, n_pytest,
        env=env, timeout=300)
    chain("chain-s2sphere-pytest-q-exit", "chain-test-exit", "test",
          [Part(f"{PYTEST} -q --tb=line {SUITE} 2>&1 | tail -n 400", n_pytest), Part("echo EXIT=$?", n_status_echo, ";")],
          cp, env=env, timeout=300)
    cap("mypy-strict-s2sphere-package", f"{MYPY} s2sphere {SUITE} 2>&1 | tail -n 400", cp, n_mypy, env=env,
        timeout=300)
    (cp / "taw_check.py").write_text(SCRIPT)
    cap("python-chained-traceback-taw-check", "python3 taw_check.py", cp, n_chained, env=env)


def git_history(tmp: Path) -> None:
    repo = history(tmp, HIST, "s2", SV, [MOD, SUITE], PEOPLE, SEED, 40, BUGS)
    (repo / "NOTES.local").write_text("distance from a longitude sum; tokens padded left; face 2 v flipped\n")
    cap("git-log-p-s2sphere-head-1100", "git log -p | head -n 1100", repo, n_log_p, env=GIT_ENV)


LOG_MSGS = {
    "INFO": lambda r: f"swill {r.randint(100, 999)} for {r.choice(['Agnes', 'Bartle', 'Cuthbert', 'Dorcas'])}: "
                      f"{r.randint(14, 30)} {r.choice(['oak spelks', 'taws', 'chissies'])} "
                      f"woven, bool {r.randint(18, 30)} in, pan {r.randint(1, 6)}",
    "DEBUG": lambda r: f"oak pan {r.choice(['north', 'yard', 'shed'])} boil {r.randint(20, 120)} min "
                       f"for {r.choice(['coppice', 'pole', 'cordwood'])} oak, lap {r.randint(100, 999)}, "
                       f"water {r.randint(70, 99)} C",
    "WARNING": lambda r: f"bool {r.randint(1, 40)} hazel split at spelk {r.randint(1, 30)}, gap "
                         f"{r.randint(2, 12)} mm at {r.choice(['Oak Pan', 'Riving Brake', 'Swill Mare'])}, "
                         f"{r.randint(1, 6)} swills held",
    "ERROR": lambda r: f"oak pan {r.randint(1, 8)} boiled dry at bool {r.randint(2, 32)}, {r.randint(1, 9)} "
                       f"{r.choice(['swills', 'spelks', 'taws', 'bools'])} lost (tally {r.randint(1, 60)})",
}
DIRS = ("/usr/share/doc/liblzf1", "/usr/share/doc/libksba8", "/usr/share/doc/dconf-service",
        "/usr/share/doc/libxdmcp-dev")
PAGE_DIR = "/usr/share/doc/libxslt1-dev/html/html"
PAGE = "libxslt-templates.html"


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
    with open(d / "swills.csv", "w", newline="") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(["path", "kind", "name", "bytes", "links", "modified"])
        w.writerows(rows)
    run("sqlite3 swills.db '.mode csv' '.import swills.csv swills'", cwd=d)
    cap("ls-laR-doc-dirs-and-libxslt", "ls -laR " + " ".join(DIRS) + " /usr/share/doc/libxslt1-dev", d, n_ls_lR)
    app_log(d / "swillers.log", 65814, 1500, ["swills.shed", "swills.pan", "swills.bools",
                                             "swills.weaving"], LOG_MSGS, 6581, "2026-12-03")
    cap("app-log-swillers-tail-650", "tail -n 650 swillers.log", d, n_app_log)
    chain("chain-log-grep-error-swillers", "chain-log", "logs",
          [Part("grep -E ' (WARNING|ERROR) ' swillers.log | head -n 260", n_app_log),
           Part("grep -c ERROR swillers.log", None, ";")], d)
    srv = cm.start(f"cd {PAGE_DIR} && exec python3 -m http.server 18658 --bind 127.0.0.1")
    try:
        time.sleep(1.5)
        cap("curl-html-libxslt-templates", f"curl -s http://127.0.0.1:18658/{PAGE}", d, n_html)
    finally:
        os.killpg(srv.pid, signal.SIGTERM)


# round 291's words (round 624's left-hand sides), then this round's
C_NEW = ("BOOLRIM_H", "boolrim", "swill_t", "swills", "rim_t", "rim_weight", "rim_find", "taw_permille",
         "spelk_g", "oak", "tawings", "taw_count_", "_shed", '"shed ', "rim")
C_RENAMES = tuple((old, new) for (old, _), new in zip(w624.C_RENAMES, C_NEW, strict=True))
RS_NEW = ("oakpan", "0.6.58", "Oak pan: boil from spelk bore, taw load and a ranking of swill fits.",
          "boil_n", "taw_load", "spelk_um", "lap_um", "swill_count", "taw_", "taw ", "boil not on",
          "shed limit", "swills", "odd_")
RS_RENAMES = tuple((old, new) for (old, _), new in zip(w624.RS_RENAMES, RS_NEW, strict=True))


def c_build(tmp: Path) -> None:
    root = tmp / "boolrim"
    rnd = random.Random(65812)
    files = {"src/boolrim.h": renamed(base.GATE_H, C_RENAMES),
             "src/swillframe.c": renamed(base.GATE_C, C_RENAMES)}
    for k in range(30):
        files[f"src/taw_{k:02d}.c"] = renamed(base.gen_c(k, rnd), C_RENAMES)
    objs = " ".join(f"build/{Path(p).stem}.o" for p in files if p.endswith(".c"))
    files["Makefile"] = ("CC=gcc\nCFLAGS=-Wall -Wextra -O1 -Isrc\nOBJS=" + objs + "\n\nall: boolrim\n\n"
                         "boolrim: $(OBJS)\n\t$(CC) -o $@ $(OBJS)\n\nbuild/%.o: src/%.c src/boolrim.h\n"
                         "\t@mkdir -p build\n\t$(CC) $(CFLAGS) -c $< -o $@\n\nclean:\n\trm -rf build boolrim\n")
    write_tree(root, files)
    chain("chain-make-k-boolrim-exit", "chain-build-exit", "build",
          [Part("make -k -j1 2>&1 | tail -n 400", n_make), Part("echo EXIT=$?", n_status_echo, ";")], root,
          timeout=600)
    cap("gcc-syntax-boolrim-taw", "gcc -Wall -Wextra -fsyntax-only -Isrc src/swillframe.c src/taw_1[0-9].c", root,
        n_gcc, timeout=300)
    run("rm -rf build boolrim", cwd=root)


def rust(tmp: Path) -> None:
    root = tmp / "oakpan"
    rnd = random.Random(65813)
    broken = renamed(base.BROKEN, RS_RENAMES)
    write_tree(root, {"Cargo.toml": renamed(base.CARGO, RS_RENAMES), "src/lib.rs": renamed(base.LIB, RS_RENAMES),
                      "src/broken.rs": broken, "src/runs.rs": renamed(base.gen_runs(rnd, 120), RS_RENAMES)})
    env = {"CARGO_TARGET_DIR": str(tmp / "oakpan-target"), "CARGO_TERM_COLOR": "never", "CARGO_BUILD_JOBS": "1"}
    cap("cargo-build-errors-oakpan", "cargo build 2>&1", root, n_cargo_build, env=env, timeout=600)
    for line in ("    let label: String = idx.len();\n", "    idx.push(swill_count);\n"):
        assert line in broken, line
        broken = broken.replace(line, "")
    (root / "src/broken.rs").write_text(broken)
    cap("cargo-test-oakpan-tail", "cargo test 2>&1 | grep -v '^test .* ok$' | tail -n 400", root, n_cargo_test,
        env=env, timeout=600)


GO_NEW = ("swillyard", "spelktally", "shed host", "swills left, days", "nothing left to weave", "weave order",
          "spelk grade", "Swill", "swill", "Oak", "oak", "Pan", "pan", "Taws", "taws")
GO_RENAMES = tuple((old, new) for (old, _), new in zip(w624.GO_RENAMES, GO_NEW, strict=True))
PANS = ["Oak Pan", "Riving Brake", "Swill Mare", "Spelk Stack", "Bool Bench", "Coppice Gate", "Cordwood Pile",
        "Taw Rack", "Boiling Shed", "Tally Board", "Yard Gate", "Pan Seven"]
GO_STEP = g273.make_steps(cap, "swillyard", "spelktally", 65811, PANS, GO_RENAMES)[0]


def go(tmp: Path) -> None:
    GO_STEP(tmp)
    (tmp / "swillyard" / "restock.go").unlink(missing_ok=True)


SWILL_WORDS = ["swillrack", "swill sums for the swillrack (spelk lengths, boiling rates, bool charts)",
               "spelkLength", "boilToMs", "boilBand", "boolLabel", "lapArea", "tawChart", "swillPlan",
               "No swill planned", "unknown swill type", "chissie", "riving", "mare", "bool",
               "`pan ${w + 1}", "seed = 65818",
               "'swill', 'SPELK', 'taw', 'Bool', 'chissie', 'lap', 'Oak', 'pan', 'brake', "
               "'HAZEL', 'mare',\n  'coppice', 'froe', 'Swiller', 'rack', 'cordwood'",
               "'Agnes', 'Bartle', 'Cuthbert', 'Dorcas', 'Ebenezer', 'Faith', 'Gilbert', 'Hepzibah', 'Isaac', "
               "'Jael', 'Kit', 'Lettice'"]
assert len(SWILL_WORDS) == len(m299.WAGGLE_NAMES)
SWILL_NAMES = [(old, new) for (old, _), new in zip(m299.WAGGLE_NAMES, SWILL_WORDS)]


def swilled(text: str) -> str:
    for old, new in SWILL_NAMES:
        text = text.replace(old, new)
    return text


SR_BUGS = [(swilled(rel), swilled(old), swilled(new)) for rel, old, new in m290.PA_BUGS]


def js_project(tmp: Path) -> None:
    root = tmp / "swillrack"
    for d in ("lib", "spec"):
        (root / d).mkdir(parents=True, exist_ok=True)
    run(f"ln -s {JS / 'node_modules'} node_modules", cwd=root)
    fixtures = swilled(m290.FIXTURES)
    assert "65818" in fixtures and "STOPPER" not in fixtures and "Branwen" not in fixtures
    write_tree(root, {"package.json": json.dumps({"name": "swillrack", "version": "6.5.8", "type": "module",
                                                  "scripts": {"test": "node --test spec/"}}, indent=2) + "\n",
                      "fixtures.mjs": fixtures, "eslint.config.js": m290.ESLINT_CONFIG,
                      "lib/swill-plan.js": swilled(m290.APP), "lib/swillrack.js": swilled(m290.HAWSEHOLE),
                      "lib/package.json": json.dumps({"type": "commonjs"}) + "\n", "tsconfig.json": m290.TSCONFIG})
    run("node fixtures.mjs && rm fixtures.mjs", cwd=root)
    put_bugs(root / "lib", SR_BUGS)
    env = {"PATH": f"{JS}/node_modules/.bin:/usr/bin:/bin"}
    cap("node-test-swillrack-tail-2000", "node --test spec/ 2>&1 | tail -n 2000", root, n_node_test, env=env,
        timeout=300)
    chain("chain-eslint-tsc-swillrack", "chain-lint", "lint",
          [Part("npx eslint lib spec | head -n 300", n_eslint), Part("npx tsc --noEmit -p . | head -n 200", n_tsc, ";")],
          root, env=env, timeout=300)


MG = "mgrs.js"
MG_BUGS = [(MG, "  const setRow = Math.floor(northing / 100000) % 20;\n",
            "  const setRow = Math.floor(northing / 100000) % 19;\n"),
           (MG, "    const bandLetters = 'CDEFGHJKLMNPQRSTUVWX';\n", "    const bandLetters = 'CDEFGHJKLNMPQRSTUVWX';\n"),
           (MG, "  return [(bbox.left + bbox.right) / 2, (bbox.top + bbox.bottom) / 2];\n",
            "  return [(bbox.left + bbox.right) / 2, (bbox.top - bbox.bottom) / 2];\n")]

# Writes spec/mgrs.test.mjs: the shed's seeded positions, each expectation computed here from the UNBROKEN copy of
# mgrs.js in src/, before it is broken.
MG_GEN = r"""
import fs from 'node:fs';
import {forward, inverse, toPoint, getLetterDesignator} from './src/mgrs.js';
let seed = 65816;
const rnd = () => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed / 2147483648; };
const pick = (xs) => xs[Math.floor(rnd() * xs.length)];
const r6 = (x) => Math.round(x * 1e6) / 1e6;
const MAKERS = ['Agnes', 'Bartle', 'Cuthbert', 'Dorcas', 'Ebenezer', 'Faith', 'Gilbert', 'Hepzibah'];
const PARTS = ['oak spelk', 'hazel bool', 'taw', 'swill', 'lap', 'oak pan', 'riving brake'];
const J = JSON.stringify;
const pt = () => [r6(rnd() * 358 - 179), r6(rnd() * 163 - 79.5)];
const out = ["import {test} from 'node:test';", "import assert from 'node:assert/strict';",
  "import {forward, inverse, toPoint, getLetterDesignator} from '../src/mgrs.js';", ''];
const t = (name, body) => out.push(`test(${J(name)}, () => {\n  ${body}\n});`);
for (let i = 0; i < 60; i++) {
  const ll = pt(), acc = 1 + Math.floor(rnd() * 5);
  t(`${pick(MAKERS)}'s ${pick(PARTS)}, shed ${i + 1}: forward(${J(ll)}, ${acc})`,
    `assert.equal(forward(${J(ll)}, ${acc}), ${J(forward(ll, acc))});`);
}
for (let i = 0; i < 50; i++) {
  const m = forward(pt(), 1 + Math.floor(rnd() * 5));
  t(`${pick(MAKERS)}'s bool ${i + 1}: inverse(${J(m)})`, `assert.deepEqual(inverse(${J(m)}), ${J(inverse(m))});`);
}
for (let i = 0; i < 50; i++) {
  const m = forward(pt(), 1 + Math.floor(rnd() * 5));
  t(`${pick(MAKERS)}'s swill ${i + 1}: toPoint(${J(m)})`, `assert.deepEqual(toPoint(${J(m)}), ${J(toPoint(m))});`);
}
for (let i = 0; i < 40; i++) {
  const lat = r6(rnd() * 164 - 80);
  t(`${pick(MAKERS)}'s spelk ${i + 1}: getLetterDesignator(${lat})`,
    `assert.equal(getLetterDesignator(${lat}), ${J(getLetterDesignator(lat))});`);
}
fs.writeFileSync('spec/mgrs.test.mjs', out.join('\n') + '\n');
"""


def npm_project(tmp: Path) -> None:
    root = tmp / "spelkboard"
    for d in ("src", "spec"):
        (root / d).mkdir(parents=True, exist_ok=True)
    run(f"ln -s {JS / 'node_modules'} node_modules", cwd=root)
    write_tree(root, {"package.json": json.dumps({"name": "spelkboard", "version": "0.6.58", "type": "module",
                                                  "scripts": {"test": "node --test spec/"}}, indent=2) + "\n",
                      "gen.mjs": MG_GEN, "eslint.config.js": m290.ESLINT_CONFIG})
    run(f"cp {JS}/node_modules/mgrs/{MG} src/{MG}", cwd=root)
    run("node gen.mjs && rm gen.mjs", cwd=root)  # expectations from the unbroken copy
    put_bugs(root / "src", MG_BUGS)
    env = {"PATH": f"{JS}/node_modules/.bin:/usr/bin:/bin"}
    cap("node-test-mgrs-spelkboard-tail-1800", "node --test spec/ 2>&1 | tail -n 1800", root, n_node_test,
        env=env, timeout=300)
    chain("chain-node-test-grep-exit-spelkboard", "chain-test-exit", "test",
          [Part("node --test spec/ 2>&1 | grep -E '^not ok|^# (tests|pass|fail)'", n_node_test),
           Part("echo EXIT=$?", n_status_echo, ";")], root, env=env, timeout=300)
    cap("eslint-mgrs-spelkboard", "npx eslint src 2>&1", root, n_eslint, env=env, timeout=300)


DOCS = {"doc": str(TMP.parent / "hm-corpus-wide658-docs")}


def specs(root: Path, env: dict) -> list:
    from capture_opencode import Spec
    from capture_wide15_langs import n_go_test
    from capture_wide15_oc import oc_ext
    from capture_wide191_oc import B, C
    S: list = [
        B("oc-bash-pytest-rA-tail-s2sphere", n_pytest,
          f"cd swillshop && PYTHONPATH=. {PYTEST} -rA --tb=short {SUITE} 2>&1 | tail -n 400"),
        B("oc-bash-ruff-full-s2sphere", n_ruff,
          f"ruff check --no-cache --isolated --select ALL --output-format=full swillshop/s2sphere "
          f"swillshop/{SUITE} swillshop/taw_check.py 2>&1 | head -n 900"),
        B("oc-bash-git-blame-s2sphere", n_blame, f"cd swillshop-git && git blame -w {MOD} | sed -n 160,540p"),
        B("oc-bash-git-show-s2sphere-part", n_show, "cd swillshop-git && git show ':/^sphere: part 9 '"),
        B("oc-bash-git-log-p-s2sphere-reverse", n_log_p, "cd swillshop-git && git log -p --reverse | head -n 1500"),
        B("oc-bash-make-k-boolrim", n_make, "make -C boolrim -k -B 2>&1 | tail -n 300"),
        B("oc-bash-cargo-test-oakpan", n_cargo_test, "cd oakpan && cargo test 2>&1 | tail -n 450"),
        B("oc-bash-cargo-clippy-oakpan", n_clippy, "cd oakpan && cargo clippy 2>&1 | tail -n 450"),
        B("oc-bash-go-test-v-swillyard", n_go_test,
          "cd swillyard && GOFLAGS=-mod=mod GOPROXY=off GOTOOLCHAIN=local go test -v ./... 2>&1 | tail -n 350"),
        B("oc-bash-ps-aux-mem-head-150", n_ps_aux, "ps auxww --sort=-rss | head -n 150"),
        B("oc-bash-sqlite-swills-largest", n_sqlite_col,
          "sqlite3 -header -column swills.db \"SELECT kind, path, CAST(bytes AS INT) AS bytes, modified "
          "FROM swills ORDER BY CAST(bytes AS INT) DESC LIMIT 200\""),
        B("oc-bash-csv-sort-swills", n_csv, "(head -n 1 swills.csv; tail -n +2 swills.csv | sort -t, -k4 -n)"),
        B("oc-bash-log-grep-bool-swillers", n_app_log,
          "grep -E 'bool [1-9]( |,|$)|oak pan [0-9] boiled dry' swillers.log | head -n 400"),
        B("oc-bash-eslint-swillrack", n_eslint, "cd swillrack && npx eslint lib spec 2>&1 | head -n 900"),
    ]
    S.append(C("oc-bash-chain-mypy-strict-s2sphere", "chain-lint", "lint",
               [Part("cd swillshop", None), Part(f"MYPYPATH=. {MYPY} --pretty {MOD} {SUITE} taw_check.py "
                                                 "2>&1 | tail -n 300", n_mypy, "&&")],
               root, env, "Type-check s2sphere"))
    S.append(C("oc-bash-chain-git-status-diff-s2sphere", "chain-git-status-diff", "git",
               [Part("cd swillshop-git", None), Part("git status", n_status, "&&"), Part("git diff", n_diff, "&&")],
               root, env, "Show the working tree changes"))
    S.append(C("oc-bash-chain-node-test-exit-swillrack", "chain-test-exit", "test",
               [Part("cd swillrack", None), Part("node --test spec/ 2>&1 | tail -n 450", n_node_test, "&&"),
                Part("echo EXIT=$?", n_status_echo, ";")], root, env, "Test swillrack"))
    S.append(C("oc-bash-chain-eslint-node-test-spelkboard", "chain-lint", "lint",
               [Part("cd spelkboard", None), Part("npx eslint src 2>&1", n_eslint, "&&"),
                Part("node --test spec/ 2>&1 | tail -n 150", n_node_test, ";")], root, env,
               "Lint and test spelkboard"))
    fw = "doc/libxslt"
    O = [
        Spec("oc-grep-s2sphere-def-raise", "oc-grep", "search", "grep",
             {"pattern": r"def \w+\(|raise |assert ", "path": "swillshop", "include": "*.py"}),
        Spec("oc-glob-boolrim-c", "oc-glob", "listing", "glob", {"pattern": "**/*.[ch]", "path": "boolrim"}),
        Spec("oc-read-py-s2sphere", "oc-read-source", "code", "read",
             {"filePath": f"{root}/swillshop/{MOD}"}, "python"),
        Spec("oc-webfetch-md-libxslt-templates", "oc-webfetch-markdown", "doc", "webfetch",
             {"url": "{BASE}/" + fw + "/" + PAGE, "format": "markdown"}, source=f"{fw}/{PAGE}"),
        Spec("oc-webfetch-text-libxslt-templates", "oc-webfetch-text", "doc", "webfetch",
             {"url": "{BASE}/" + fw + "/" + PAGE, "format": "text"}, source=f"{fw}/{PAGE}"),
    ]
    for spec in O:
        S.append((spec, oc_ext(spec.kind, spec.family, spec)))
    return S


def _doc_server(serve_dir: str):
    """capture_opencode.start_doc_server on the round's own loopback port (28658), round 642's way."""
    import functools
    import http.server
    import threading
    import capture_opencode as oco
    handler = functools.partial(oco._QuietHandler, directory=serve_dir)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 28658), handler)
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
    oco.StubServer = functools.partial(orig[1], port=38658)
    try:
        run_round(tmp, f"cp -r {tmp}/swillshop swillshop && cp -r {tmp}/s2-git swillshop-git && "
                  f"cp -r {tmp}/boolrim boolrim && cp -r {tmp}/oakpan oakpan && "
                  f"cp -r {tmp}/swillyard swillyard && cp -a {tmp}/swillrack swillrack && "
                  f"cp -a {tmp}/spelkboard spelkboard && "
                  f"cp {tmp}/data/swills.db {tmp}/data/swills.csv {tmp}/data/swillers.log .",
                  "find . -name __pycache__ -prune -exec rm -rf {} + ; rm -rf boolrim/build swillshop/.mypy_cache "
                  "swillshop/.ruff_cache swillshop/.pytest_cache",
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
    sys.modules.setdefault("capture_wide658", sys.modules["__main__"])
    main()
