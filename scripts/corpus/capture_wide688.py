"""Capture round 688 of the compression corpus (issue #11's kinds on real projects, most of them as OpenCode's tools
hand them over, no new rules), with names from a riddle maker's shop (riddles, sieves, meshes, riddle makers):
basencode 2.1.0 (its PyPI sdist) with bugs put in (project sievepan) under a pytest suite written here from the
unbroken package, ruff and mypy, and a chained traceback; a git history of its module and the suite; the real npm
package haversine-distance 1.2.4 copied into a project (riddleboard) with bugs put in, under a node --test suite
generated here from the unbroken copy, and eslint; a C project (sievewell) and a Rust crate (riddlemesh) from round
291's generators imported and renamed; a Go module (riddleyard) from round 273's make_steps imported with this
round's words; a JavaScript project (riddlerack) from round 290's module and generator imported and renamed;
CSV/sqlite tables of /usr/share/doc files, ps aux, an application log, fontconfig's fontconfig-user.html on loopback;
ONE headless OpenCode run over the same material (its bash, grep, glob, read, webfetch). Every kind's extractor is an
earlier round's, imported (NEEDLES.md's "Round 688: no new rules"). The glue follows round 680's layout
(capture_wide680.py); material, words, seeds and ports are this round's."""

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

ID_PREFIX = "wide688-"
DEFAULT_OUT = HERE / "data" / "wide688.json"
TMP = Path("/dev/shm/hm-corpus-wide688")
SRC = Path("/dev/shm/hm-corpus-wide688-src")  # basencode-2.1.0.tar.gz, its PyPI sdist
HIST = Path("/dev/shm/hm-corpus-wide688-hist")  # the sdist with the suite written here, for the git history
VENV = Path("/dev/shm/hm-corpus-wide688-venv")  # the round's own tools: pytest, ruff, mypy
JS = Path("/dev/shm/hm-corpus-wide688-js")  # the round's own npm project: eslint, @eslint/js, typescript, haversine-distance
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
SEED = 68810
SV = "basencode-2.1.0"
ENC = "basencode/__init__.py"
DEC = "basencode/__init__.py"
SUITE = "tests/test_riddle_mesh.py"
GIT_ENV, MYPY, PYTEST = w624.GIT_ENV, w624.MYPY, w624.PYTEST
PEOPLE = [("Amos Riddler", "amos@example.org"), ("Bathsheba Mesh", "bathsheba@example.org"),
          ("Amos Riddler", "amos@example.org"), ("Cyrus Sieve", "cyrus@example.org"),
          ("Dorcas Hoop", "dorcas@example.org")]
BUGS = [(ENC, "            if base ** place <= self._dec_value and base ** (place + 1) > self._dec_value:\n",
         "            if base ** place <= self._dec_value and base ** (place + 1) >= self._dec_value:\n"),
        (ENC, "        new_digits.extend([digits_[0]] * place)\n", "        new_digits.extend([digits_[0]] * (place + 1))\n"),
        (ENC, "            num += digits_.index(whole_part[::-1]\n", "            num += digits_.index(whole_part\n")]

# Writes tests/riddle_calls.json from the UNBROKEN package (run before the bugs go in).
GEN = r'''import json, random
from basencode import Integer

r = random.Random(68810)
calls = {"enc": [], "pow": [], "dec": [], "round": [], "book": []}
for i in range(70):
    n, b = r.randint(1, 10 ** r.randint(1, 12)), r.randint(2, 64)
    calls["enc"].append({"id": f"riddle{i:02d}", "n": n, "b": b, "want": Integer(n).repr_in_base(b)})
for i in range(40):
    b = r.randint(2, 40)
    n = b ** r.randint(1, 9) * r.randint(1, b - 1)
    calls["pow"].append({"id": f"hoop{i:02d}", "n": n, "b": b, "want": Integer(n).repr_in_base(b)})
for i in range(60):
    n, b = r.randint(10, 10 ** r.randint(2, 10)), r.randint(2, 36)
    s = Integer(n).repr_in_base(b)
    calls["dec"].append({"id": f"mesh{i:02d}", "s": s, "b": b, "want": n})
for i in range(40):
    n, b, c = r.randint(1, 10 ** 8), r.randint(2, 64), r.randint(2, 64)
    s = Integer(n).repr_in_base(b)
    calls["round"].append({"id": f"sieve{i:02d}", "s": s, "b": b, "c": c, "want": Integer(s, b).repr_in_base(c)})
for who in ["Amos Riddler", "Bathsheba Mesh", "Cyrus Sieve", "Dorcas Hoop"]:
    tally = [r.randint(100, 99999) for _ in range(5)]
    calls["book"].append({"who": who, "b": 7, "tally": tally, "s": [Integer(n).repr_in_base(7) for n in tally]})
json.dump(calls, open("tests/riddle_calls.json", "w"), indent=1)
'''

SUITE_PY = '''import json
import pathlib

import pytest

from basencode import Integer

CALLS = json.loads(pathlib.Path(__file__).with_name("riddle_calls.json").read_text())


def ids(kind):
    return [c["id"] for c in CALLS[kind]]


@pytest.mark.parametrize("call", CALLS["enc"], ids=ids("enc"))
def test_riddle_mesh_count_in_base(call):
    assert Integer(call["n"]).repr_in_base(call["b"]) == call["want"]


@pytest.mark.parametrize("call", CALLS["pow"], ids=ids("pow"))
def test_hoop_round_power(call):
    assert Integer(call["n"]).repr_in_base(call["b"]) == call["want"]


@pytest.mark.parametrize("call", CALLS["dec"], ids=ids("dec"))
def test_mesh_read_back(call):
    assert Integer(call["s"], call["b"]).dec_value == call["want"]


@pytest.mark.parametrize("call", CALLS["round"], ids=ids("round"))
def test_sieve_rebase(call):
    assert Integer(call["s"], call["b"]).repr_in_base(call["c"]) == call["want"]
'''

SCRIPT = r"""import json

from basencode import Integer


class RiddleMeshError(Exception):
    pass


BOOK = json.load(open("tests/riddle_calls.json"))["book"]  # the mesh book: each riddle maker's tally in base 7


def check(entry):
    try:
        for n, (s, want) in enumerate(zip(entry["s"], entry["tally"])):
            got = Integer(s, entry["b"]).dec_value
            if got != want:
                raise ValueError(f"riddle {n}: mesh tally read back as {got}, the mesh book says {want}")
        return len(entry["tally"])
    except ValueError as exc:
        raise RiddleMeshError(f"meshing: {entry['who']}'s riddles read off the book "
                              f"({len(BOOK)} riddle makers in the book)") from exc


print(f"riddle maker: {len(BOOK)} riddle makers' mesh tallies to check")
for entry in BOOK:
    print(entry["who"], "->", check(entry))
"""


def source(tmp: Path) -> None:
    cm.download_sdists(SRC, "basencode-*.tar.gz", ["basencode==2.1.0"])
    cm.install_venv(VENV, "mypy", ["pytest==9.2.0", "ruff==0.17.6", "mypy==2.4.1"])
    cm.install_npm(JS, "haversine-distance", ["eslint@10.16.0", "@eslint/js@10.0.1", "typescript@7.0.2",
                                               "haversine-distance@1.2.4"])
    if str(VENV / "bin") not in cm.PATH_PREFIX:
        cm.PATH_PREFIX.insert(0, str(VENV / "bin"))


def python(tmp: Path) -> None:
    run(f"tar --no-same-owner -xzf {SRC}/{SV}.tar.gz && mv {SV} sievepan && mkdir -p sievepan/tests", cwd=tmp)
    gp = tmp / "sievepan"
    (gp / "gen.py").write_text(GEN)
    (gp / SUITE).write_text(SUITE_PY)
    run("PYTHONPATH=. python3 gen.py && rm gen.py", cwd=gp)  # expectations from the unbroken package
    run(f"rm -rf {HIST} && mkdir -p {HIST} && cp -r sievepan {HIST}/{SV} && cd {HIST} && find {SV} -name "
        f"__pycache__ -prune -exec rm -rf {{}} + ; tar czf {SV}.tar.gz {SV} && rm -rf {SV}", cwd=tmp)
    put_bugs(gp, BUGS)
    env = {"PYTHONPATH": str(gp), "MYPYPATH": str(gp)}
    cap("pytest-basencode-sievepan-v-tbshort", f"{PYTEST} -v --tb=short {SUITE} 2>&1 | tail -n 1400", gp,
        n_pytest, env=env, timeout=300)
    chain("chain-basencode-pytest-q-exit", "chain-test-exit", "test",
          [Part(f"{PYTEST} -q --tb=line {SUITE} 2>&1 | tail -n 400", n_pytest), Part("echo EXIT=$?", n_status_echo, ";")],
          gp, env=env, timeout=300)
    cap("mypy-strict-basencode-package", f"{MYPY} basencode {SUITE} 2>&1 | tail -n 400", gp, n_mypy, env=env,
        timeout=300)
    (gp / "riddle_check.py").write_text(SCRIPT)
    cap("python-chained-traceback-riddle-check", "python3 riddle_check.py", gp, n_chained, env=env)


def git_history(tmp: Path) -> None:
    repo = history(tmp, HIST, "bc", SV, [ENC, SUITE], PEOPLE, SEED, 30, BUGS)
    (repo / "NOTES.local").write_text("place search off at powers; one zero too many; digits read reversed\n")
    cap("git-log-p-basencode-head-1100", "git log -p | head -n 1100", repo, n_log_p, env=GIT_ENV)


LOG_MSGS = {
    "INFO": lambda r: f"riddle {r.randint(100, 999)} for {r.choice(['Amos', 'Bathsheba', 'Cyrus', 'Dorcas'])}: "
                      f"{r.randint(2, 9)} {r.choice(['meshes', 'hoops', 'wire weaves'])} "
                      f"woven, loom {r.randint(1, 6)} at {r.randint(18, 30)} passes a minute",
    "DEBUG": lambda r: f"steaming box {r.choice(['north', 'loft', 'yard'])} held {r.randint(20, 120)} min "
                       f"for {r.choice(['ash hoop', 'beech rim', 'oak band'])} bending, batch {r.randint(100, 999)}, "
                       f"wire {r.randint(70, 99)} thou",
    "WARNING": lambda r: f"hoop {r.randint(1, 40)} split at the lap, crack {r.randint(2, 12)} mm at "
                         f"{r.choice(['Wire Loom', 'Hoop Former', 'Steaming Box'])}, "
                         f"{r.randint(1, 6)} riddles held",
    "ERROR": lambda r: f"wire coil {r.randint(1, 8)} snapped at loom {r.randint(2, 32)}, {r.randint(1, 9)} "
                       f"{r.choice(['riddles', 'sieves', 'meshes', 'hoops'])} lost (tally {r.randint(1, 60)})",
}
DIRS = ("/usr/share/doc/fontconfig", "/usr/share/doc/gettext-base", "/usr/share/doc/cppcheck",
        "/usr/share/doc/flawfinder", "/usr/share/doc/httperf", "/usr/share/doc/cscope", "/usr/share/doc/jq")
PAGE_DIR = "/usr/share/doc/fontconfig"
PAGE = "fontconfig-user.html"


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
    with open(d / "riddlesheets.csv", "w", newline="") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(["path", "kind", "name", "bytes", "links", "modified"])
        w.writerows(rows)
    run("sqlite3 riddlesheets.db '.mode csv' '.import riddlesheets.csv sheets'", cwd=d)
    cap("ls-laR-doc-dirs-fontconfig", "ls -laR " + " ".join(DIRS) + " /usr/share/doc/libffi8", d, n_ls_lR)
    app_log(d / "riddlers.log", 68814, 1500, ["riddle.shop", "riddle.loom", "riddle.hoop", "riddle.makers"],
            LOG_MSGS, 6881, "2026-12-03")
    cap("app-log-riddlers-tail-650", "tail -n 650 riddlers.log", d, n_app_log)
    chain("chain-log-grep-error-riddlers", "chain-log", "logs",
          [Part("grep -E ' (WARNING|ERROR) ' riddlers.log | head -n 260", n_app_log),
           Part("grep -c ERROR riddlers.log", None, ";")], d)
    srv = cm.start(f"cd {PAGE_DIR} && exec python3 -m http.server 18688 --bind 127.0.0.1")
    try:
        time.sleep(1.5)
        cap("curl-html-fontconfig-user", f"curl -s http://127.0.0.1:18688/{PAGE}", d, n_html)
    finally:
        os.killpg(srv.pid, signal.SIGTERM)


# round 291's words (round 624's left-hand sides), then this round's
C_NEW = ("SIEVEWELL_H", "sievewell", "hoop_t", "hoops", "mesh_t", "mesh_weight", "mesh_find",
         "hoop_permille", "wire_g", "ash", "weavings", "hoop_count_", "_shop", '"shop ', "mesh")
C_RENAMES = tuple((old, new) for (old, _), new in zip(w624.C_RENAMES, C_NEW, strict=True))
RS_NEW = ("riddlemesh", "0.6.88", "Riddle mesh: sifting from wire gauge, hoop load and a ranking of riddle "
          "weaves.", "sift_n", "hoop_load", "wire_um", "rim_um", "riddle_count", "hoop_", "hoop ",
          "sift not on", "shop limit", "weaves", "odd_")
RS_RENAMES = tuple((old, new) for (old, _), new in zip(w624.RS_RENAMES, RS_NEW, strict=True))


def c_build(tmp: Path) -> None:
    root = tmp / "sievewell"
    rnd = random.Random(68812)
    files = {"src/sievewell.h": renamed(base.GATE_H, C_RENAMES),
             "src/meshframe.c": renamed(base.GATE_C, C_RENAMES)}
    for k in range(30):
        files[f"src/hoop_{k:02d}.c"] = renamed(base.gen_c(k, rnd), C_RENAMES)
    objs = " ".join(f"build/{Path(p).stem}.o" for p in files if p.endswith(".c"))
    files["Makefile"] = ("CC=gcc\nCFLAGS=-Wall -Wextra -O1 -Isrc\nOBJS=" + objs + "\n\nall: sievewell\n\n"
                         "sievewell: $(OBJS)\n\t$(CC) -o $@ $(OBJS)\n\nbuild/%.o: src/%.c src/sievewell.h\n"
                         "\t@mkdir -p build\n\t$(CC) $(CFLAGS) -c $< -o $@\n\nclean:\n\trm -rf build sievewell\n")
    write_tree(root, files)
    chain("chain-make-k-sievewell-exit", "chain-build-exit", "build",
          [Part("make -k -j1 2>&1 | tail -n 400", n_make), Part("echo EXIT=$?", n_status_echo, ";")], root,
          timeout=600)
    cap("gcc-syntax-sievewell-hoop", "gcc -Wall -Wextra -fsyntax-only -Isrc src/meshframe.c src/hoop_2[0-9].c", root,
        n_gcc, timeout=300)
    run("rm -rf build sievewell", cwd=root)


def rust(tmp: Path) -> None:
    root = tmp / "riddlemesh"
    rnd = random.Random(68813)
    broken = renamed(base.BROKEN, RS_RENAMES)
    write_tree(root, {"Cargo.toml": renamed(base.CARGO, RS_RENAMES), "src/lib.rs": renamed(base.LIB, RS_RENAMES),
                      "src/broken.rs": broken, "src/runs.rs": renamed(base.gen_runs(rnd, 120), RS_RENAMES)})
    env = {"CARGO_TARGET_DIR": str(tmp / "riddlemesh-target"), "CARGO_TERM_COLOR": "never", "CARGO_BUILD_JOBS": "1"}
    cap("cargo-build-errors-riddlemesh", "cargo build 2>&1", root, n_cargo_build, env=env, timeout=600)
    for line in ("    let label: String = idx.len();\n", "    idx.push(riddle_count);\n"):
        assert line in broken, line
        broken = broken.replace(line, "")
    (root / "src/broken.rs").write_text(broken)
    cap("cargo-test-riddlemesh-tail", "cargo test 2>&1 | grep -v '^test .* ok$' | tail -n 400", root, n_cargo_test,
        env=env, timeout=600)


GO_NEW = ("riddleyard", "meshtally", "shop host", "hoops left, days", "nothing left to weave",
          "weaving order", "mesh grade", "Loom", "loom", "Wire", "wire", "Hoop", "hoop", "Meshes", "meshes")
GO_RENAMES = tuple((old, new) for (old, _), new in zip(w624.GO_RENAMES, GO_NEW, strict=True))
BENCHES = ["Wire Loom", "Hoop Former", "Steaming Box", "Rim Bench", "Mesh Shelf", "Drying Loft",
           "Lapping Press", "Ash Rack", "North Yard", "Tally Board", "Shop Gate", "Loom Seven"]
GO_STEP = g273.make_steps(cap, "riddleyard", "meshtally", 68811, BENCHES, GO_RENAMES)[0]


def go(tmp: Path) -> None:
    GO_STEP(tmp)
    (tmp / "riddleyard" / "restock.go").unlink(missing_ok=True)


RIDDLE_WORDS = ["riddlerack", "riddle sums for the riddlerack (wire lengths, sifting rates, hoop charts)",
                "wireLength", "siftToMs", "meshBand", "hoopLabel", "rimArea", "hoopChart", "weavePlan",
                "No weave planned", "unknown mesh type", "coarse", "middling", "fine", "lawn",
                "`riddle ${w + 1}", "seed = 68818",
                "'hoop', 'WIRE', 'loom', 'Ash', 'lap', 'rim', 'Mesh', 'staple', 'tack', 'BAND', 'wove',\n"
                "  'former', 'steamer', 'Riddle', 'weft', 'sift'",
                "'Amos', 'Bathsheba', 'Cyrus', 'Dorcas', 'Enoch', 'Faith', 'Gilbert', 'Hepzibah', 'Isaac', "
                "'Jerusha', 'Kezia', 'Levi'"]
assert len(RIDDLE_WORDS) == len(m299.WAGGLE_NAMES)
RIDDLE_NAMES = [(old, new) for (old, _), new in zip(m299.WAGGLE_NAMES, RIDDLE_WORDS)]


def riddled(text: str) -> str:
    for old, new in RIDDLE_NAMES:
        text = text.replace(old, new)
    return text


LR_BUGS = [(riddled(rel), riddled(old), riddled(new)) for rel, old, new in m290.PA_BUGS]


def js_project(tmp: Path) -> None:
    root = tmp / "riddlerack"
    for d in ("lib", "spec"):
        (root / d).mkdir(parents=True, exist_ok=True)
    run(f"ln -s {JS / 'node_modules'} node_modules", cwd=root)
    fixtures = riddled(m290.FIXTURES)
    assert "68818" in fixtures and "STOPPER" not in fixtures and "Branwen" not in fixtures
    write_tree(root, {"package.json": json.dumps({"name": "riddlerack", "version": "6.8.8", "type": "module",
                                                  "scripts": {"test": "node --test spec/"}}, indent=2) + "\n",
                      "fixtures.mjs": fixtures, "eslint.config.js": m290.ESLINT_CONFIG,
                      "lib/weave-plan.js": riddled(m290.APP), "lib/riddlerack.js": riddled(m290.HAWSEHOLE),
                      "lib/package.json": json.dumps({"type": "commonjs"}) + "\n", "tsconfig.json": m290.TSCONFIG})
    run("node fixtures.mjs && rm fixtures.mjs", cwd=root)
    put_bugs(root / "lib", LR_BUGS)
    env = {"PATH": f"{JS}/node_modules/.bin:/usr/bin:/bin"}
    cap("node-test-riddlerack-tail-1600", "node --test spec/ 2>&1 | tail -n 1600", root, n_node_test, env=env,
        timeout=300)
    chain("chain-eslint-tsc-riddlerack", "chain-lint", "lint",
          [Part("npx eslint lib spec | head -n 300", n_eslint), Part("npx tsc --noEmit -p . | head -n 200", n_tsc, ";")],
          root, env=env, timeout=300)


HV = "index.js"
HV_BUGS = [(HV, "  const bLng = toRad(Array.isArray(b) ? b[0] :", "  const bLng = toRad(Array.isArray(b) ? b[1] :"),
           (HV, "  const ht = hav(bLat - aLat) + cos(aLat) * cos(bLat)", "  const ht = hav(bLat - aLat) + cos(aLat) * cos(aLat)"),
           (HV, "a.longitude ?? a.lng ?? a.lon)", "a.longitude ?? a.lng ?? a.lat)")]

# Writes spec/haversine.test.mjs: the shop's seeded carrier rounds between riddle makers' yards, each expectation
# computed here from the UNBROKEN copy of haversine-distance's index.js in src/haversine/, before it is broken.
HV_GEN = r"""
import fs from 'node:fs';
import hav from './src/haversine/index.js';
let seed = 68816;
const rnd = () => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed / 2147483648; };
const pick = (xs) => xs[Math.floor(rnd() * xs.length)];
const r5 = (x) => Math.round(x * 1e5) / 1e5;
const MAKERS = ['Amos', 'Bathsheba', 'Cyrus', 'Dorcas', 'Enoch', 'Faith', 'Gilbert', 'Hepzibah'];
const WARES = ['ash riddle', 'corn sieve', 'garden riddle', 'wire mesh', 'hoop', 'lawn sieve', 'malt riddle'];
const J = JSON.stringify;
const pt = () => [r5(rnd() * 360 - 180), r5(rnd() * 170 - 85)];
const out = ["import {test} from 'node:test';", "import assert from 'node:assert/strict';",
  "import hav from '../src/haversine/index.js';", '',
  "const near = (got, want) => assert.ok(Math.abs(got - want) < 1e-6, `distance ${got} m, expected ${want} m`);", ''];
const t = (name, body) => out.push(`test(${J(name)}, () => {\n  ${body}\n});`);
for (let i = 0; i < 60; i++) {
  const a = pt(), b = pt();
  t(`${pick(MAKERS)}'s ${pick(WARES)}, round ${i + 1}: [lng, lat] ${J(a)} -> ${J(b)}`,
    `near(hav(${J(a)}, ${J(b)}), ${hav(a, b)});`);
}
for (let i = 0; i < 50; i++) {
  const [x, y] = pt(), [u, v] = pt();
  const a = {latitude: y, longitude: x}, b = {lat: v, lng: u};
  t(`${pick(MAKERS)}'s cart ${i + 1}: {latitude, longitude} ${J(a)} -> {lat, lng} ${J(b)}`,
    `near(hav(${J(a)}, ${J(b)}), ${hav(a, b)});`);
}
for (let i = 0; i < 40; i++) {
  const [x, y] = pt(), [u, v] = pt();
  const a = {lat: y, lon: x}, b = {lat: v, lon: u};
  t(`${pick(MAKERS)}'s carrier ${i + 1}: {lat, lon} ${J(a)} -> ${J(b)}`, `near(hav(${J(a)}, ${J(b)}), ${hav(a, b)});`);
}
for (let i = 0; i < 30; i++) {
  const a = pt(), b = [a[0], r5(a[1] + rnd() * 2 - 1)];
  t(`${pick(MAKERS)}'s meridian walk ${i + 1}: ${J(a)} -> ${J(b)}`, `near(hav(${J(a)}, ${J(b)}), ${hav(a, b)});`);
}
fs.writeFileSync('spec/haversine.test.mjs', out.join('\n') + '\n');
"""


def npm_project(tmp: Path) -> None:
    root = tmp / "riddleboard"
    for d in ("src", "spec"):
        (root / d).mkdir(parents=True, exist_ok=True)
    run(f"ln -s {JS / 'node_modules'} node_modules", cwd=root)
    write_tree(root, {"package.json": json.dumps({"name": "riddleboard", "version": "0.6.88", "type": "module",
                                                  "scripts": {"test": "node --test spec/"}}, indent=2) + "\n",
                      "gen.mjs": HV_GEN, "eslint.config.js": m290.ESLINT_CONFIG,
                      "src/package.json": json.dumps({"type": "commonjs"}) + "\n"})
    run(f"mkdir -p src/haversine && cp {JS}/node_modules/haversine-distance/index.js src/haversine/", cwd=root)
    run("node gen.mjs && rm gen.mjs", cwd=root)  # expectations from the unbroken copy
    put_bugs(root / "src" / "haversine", HV_BUGS)
    env = {"PATH": f"{JS}/node_modules/.bin:/usr/bin:/bin"}
    cap("node-test-haversine-riddleboard-tail-1800", "node --test spec/ 2>&1 | tail -n 1800", root, n_node_test,
        env=env, timeout=300)
    chain("chain-node-test-grep-exit-riddleboard", "chain-test-exit", "test",
          [Part("node --test spec/ 2>&1 | grep -E '^not ok|^# (tests|pass|fail)'", n_node_test),
           Part("echo EXIT=$?", n_status_echo, ";")], root, env=env, timeout=300)
    cap("eslint-haversine-riddleboard", "npx eslint src spec 2>&1 | head -n 700", root, n_eslint, env=env,
        timeout=300)


DOCS = {"doc": str(TMP.parent / "hm-corpus-wide688-docs")}


def specs(root: Path, env: dict) -> list:
    from capture_opencode import Spec
    from capture_wide15_langs import n_go_test
    from capture_wide15_oc import oc_ext
    from capture_wide191_oc import B, C
    S: list = [
        B("oc-bash-pytest-rA-tail-basencode", n_pytest,
          f"cd sievepan && PYTHONPATH=. {PYTEST} -rA --tb=short {SUITE} 2>&1 | tail -n 400"),
        B("oc-bash-ruff-full-basencode", n_ruff,
          f"ruff check --no-cache --isolated --select ALL --output-format=full sievepan/{ENC} "
          f"sievepan/{SUITE} sievepan/riddle_check.py 2>&1 | head -n 900"),
        B("oc-bash-git-blame-basencode", n_blame, f"cd sievepan-git && git blame -w {ENC} | sed -n 150,420p"),
        B("oc-bash-git-show-basencode-part", n_show, "cd sievepan-git && git show ':/^__init__: part 9 '"),
        B("oc-bash-git-log-p-basencode-reverse", n_log_p, "cd sievepan-git && git log -p --reverse | head -n 1500"),
        B("oc-bash-make-k-sievewell", n_make, "make -C sievewell -k -B 2>&1 | tail -n 300"),
        B("oc-bash-cargo-test-riddlemesh", n_cargo_test, "cd riddlemesh && cargo test 2>&1 | tail -n 450"),
        B("oc-bash-cargo-clippy-riddlemesh", n_clippy, "cd riddlemesh && cargo clippy 2>&1 | tail -n 450"),
        B("oc-bash-go-test-v-riddleyard", n_go_test,
          "cd riddleyard && GOFLAGS=-mod=mod GOPROXY=off GOTOOLCHAIN=local go test -v ./... 2>&1 | tail -n 350"),
        B("oc-bash-ps-aux-mem-head-150", n_ps_aux, "ps auxww --sort=-rss | head -n 150 | cut -c1-300"),
        B("oc-bash-sqlite-riddlesheets-largest", n_sqlite_col,
          "sqlite3 -header -column riddlesheets.db \"SELECT kind, path, CAST(bytes AS INT) AS bytes, modified "
          "FROM sheets ORDER BY CAST(bytes AS INT) DESC LIMIT 200\""),
        B("oc-bash-csv-sort-riddlesheets", n_csv, "(head -n 1 riddlesheets.csv; tail -n +2 riddlesheets.csv | sort -t, -k4 -n)"),
        B("oc-bash-log-grep-loom-riddlers", n_app_log,
          "grep -E 'loom [1-9]( |,|$)|wire coil [0-9] snapped' riddlers.log | head -n 400"),
        B("oc-bash-eslint-riddlerack", n_eslint, "cd riddlerack && npx eslint lib spec 2>&1 | head -n 900"),
    ]
    S.append(C("oc-bash-chain-mypy-strict-basencode", "chain-lint", "lint",
               [Part("cd sievepan", None), Part(f"MYPYPATH=. {MYPY} --pretty {ENC} {SUITE} riddle_check.py "
                                               "2>&1 | tail -n 300", n_mypy, "&&")],
               root, env, "Type-check basencode"))
    S.append(C("oc-bash-chain-git-status-diff-basencode", "chain-git-status-diff", "git",
               [Part("cd sievepan-git", None), Part("git status", n_status, "&&"), Part("git diff", n_diff, "&&")],
               root, env, "Show the working tree changes"))
    S.append(C("oc-bash-chain-node-test-exit-riddlerack", "chain-test-exit", "test",
               [Part("cd riddlerack", None), Part("node --test spec/ 2>&1 | tail -n 450", n_node_test, "&&"),
                Part("echo EXIT=$?", n_status_echo, ";")], root, env, "Test riddlerack"))
    S.append(C("oc-bash-chain-eslint-node-test-riddleboard", "chain-lint", "lint",
               [Part("cd riddleboard", None), Part("npx eslint src 2>&1 | tail -n 200", n_eslint, "&&"),
                Part("node --test spec/ 2>&1 | tail -n 150", n_node_test, ";")], root, env,
               "Lint and test riddleboard"))
    S.append(C("oc-bash-chain-go-test-tail-exit-riddleyard", "chain-test-exit", "test",
               [Part("cd riddleyard", None), Part("GOFLAGS=-mod=mod GOPROXY=off GOTOOLCHAIN=local go test ./... 2>&1 "
                                                 "| tail -n 80", n_go_test, "&&"),
                Part("echo EXIT=$?", n_status_echo, ";")], root, env, "Test riddleyard"))
    fw = "doc/fontconfig"
    O = [
        Spec("oc-grep-basencode-def-raise", "oc-grep", "search", "grep",
             {"pattern": r"def \w+\(|raise |class ", "path": "sievepan/basencode", "include": "*.py"}),
        Spec("oc-glob-sievewell-c", "oc-glob", "listing", "glob", {"pattern": "**/*.[ch]", "path": "sievewell"}),
        Spec("oc-read-py-basencode-init", "oc-read-source", "code", "read",
             {"filePath": f"{root}/sievepan/{ENC}"}, "python"),
        Spec("oc-webfetch-md-fontconfig-user", "oc-webfetch-markdown", "doc", "webfetch",
             {"url": "{BASE}/" + fw + "/" + PAGE, "format": "markdown"}, source=f"{fw}/{PAGE}"),
        Spec("oc-webfetch-text-fontconfig-user", "oc-webfetch-text", "doc", "webfetch",
             {"url": "{BASE}/" + fw + "/" + PAGE, "format": "text"}, source=f"{fw}/{PAGE}"),
    ]
    for spec in O:
        S.append((spec, oc_ext(spec.kind, spec.family, spec)))
    return S


def _doc_server(serve_dir: str):
    """capture_opencode.start_doc_server on the round's own loopback port (28688), round 672's way."""
    import functools
    import http.server
    import threading
    import capture_opencode as oco
    handler = functools.partial(oco._QuietHandler, directory=serve_dir)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 28688), handler)
    threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.1}, daemon=True).start()
    return server


def docs(tmp: Path) -> None:
    d = Path(DOCS["doc"]) / "fontconfig"
    run(f"rm -rf {d} && mkdir -p {d} && cp {PAGE_DIR}/{PAGE} {d}/")


def opencode(tmp: Path) -> None:
    import functools
    import capture_opencode as oco
    from capture_wide191_oc import run_round
    orig = oco.start_doc_server, oco.StubServer
    oco.start_doc_server = _doc_server
    oco.StubServer = functools.partial(orig[1], port=38688)
    try:
        run_round(tmp, f"cp -r {tmp}/sievepan sievepan && cp -r {tmp}/bc-git sievepan-git && "
                  f"cp -r {tmp}/sievewell sievewell && cp -r {tmp}/riddlemesh riddlemesh && "
                  f"cp -r {tmp}/riddleyard riddleyard && cp -a {tmp}/riddlerack riddlerack && "
                  f"cp -a {tmp}/riddleboard riddleboard && "
                  f"cp {tmp}/data/riddlesheets.db {tmp}/data/riddlesheets.csv {tmp}/data/riddlers.log .",
                  "find . -name __pycache__ -prune -exec rm -rf {} + ; rm -rf sievewell/build sievepan/.mypy_cache "
                  "sievepan/.ruff_cache sievepan/.pytest_cache",
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
    sys.modules.setdefault("capture_wide688", sys.modules["__main__"])
    main()
