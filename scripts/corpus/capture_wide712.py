"""Capture round 712 of the compression corpus (issue #11's kinds on real projects, most of them as OpenCode's tools
hand them over, no new rules), with names from a coachbuilder's works (landaus, phaetons, broughams, leaf springs,
coachwork): primefac 2.0.12 (its PyPI sdist) with bugs put in (project coachwork) under a pytest suite written here
from the unbroken package, ruff and mypy, and a chained traceback; a git history of its module and the suite; the
module's pydoc page on loopback; the real npm package tinyduration 3.4.1 copied into a project (coachyard) with bugs
put in, under a node --test suite generated here from the unbroken copy, and eslint; a C project (brougham) and a Rust
crate (landau) from round 291's generators imported and renamed; a Go module (leafspring) from round 273's make_steps
imported with this round's words; a JavaScript project (phaeton) from round 290's module and generator imported and
renamed; CSV/sqlite tables of /usr/share/doc files, ps aux, an application log; ONE headless OpenCode run over the
same material (its bash, grep, glob, read, webfetch). Every kind's extractor is an earlier round's, imported
(NEEDLES.md's "Round 712: no new rules"). The glue follows rounds 696 and 704's layout; material, words, seeds and
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

ID_PREFIX = "wide712-"
DEFAULT_OUT = HERE / "data" / "wide712.json"
TMP = Path("/dev/shm/hm-corpus-wide712")
SRC = Path("/dev/shm/hm-corpus-wide712-src")  # primefac-2.0.12.tar.gz, its PyPI sdist
HIST = Path("/dev/shm/hm-corpus-wide712-hist")  # the sdist with the suite written here, for the git history
VENV = Path("/dev/shm/hm-corpus-wide712-venv")  # the round's own tools: pytest, ruff, mypy
JS = Path("/dev/shm/hm-corpus-wide712-js")  # the round's npm project: eslint, @eslint/js, typescript, tinyduration
PAGES = Path("/dev/shm/hm-corpus-wide712-docs")  # primefac's pydoc page, for curl and webfetch
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
SEED = 71210
SV = "primefac-2.0.12"
MOD = "src/primefac/__init__.py"
SUITE = "tests/test_axle_counts.py"
GIT_ENV, MYPY, PYTEST = w624.GIT_ENV, w624.MYPY, w624.PYTEST
PEOPLE = [("Hannah Coachman", "hannah@example.org"), ("Jacob Wheeler", "jacob@example.org"),
          ("Hannah Coachman", "hannah@example.org"), ("Enoch Trimmer", "enoch@example.org"),
          ("Lydia Painter", "lydia@example.org")]
BUGS = [(MOD, "            if n & 7 in (3, 5): t *= -1\n", "            if n & 7 in (3, 7): t *= -1\n"),
        (MOD, "    while upper ** r <= n: upper <<= 2\n", "    while upper ** r < n: upper <<= 2\n"),
        (MOD, "        if n % p == 0: return n == p\n", "        if n % p == 0: return n != p\n")]

# Writes tests/axle_calls.json from the UNBROKEN package (run before the bugs go in).
GEN = r'''import json, random
import primefac as pf

r = random.Random(71210)
calls = {"root": [], "power": [], "jacobi": [], "prime": [], "book": []}
for i in range(50):
    k = r.randint(2, 7)
    n = r.randint(2, 3000) ** k if r.random() < 0.5 else r.randint(10, 10 ** 12)
    calls["root"].append({"id": f"spoke{i:02d}", "n": n, "r": k, "want": pf.introot(n, k)})
for i in range(30):
    n = r.randint(2, 400) ** r.randint(2, 5) if r.random() < 0.6 else r.randint(10, 10 ** 9)
    w = pf.ispower(n)
    calls["power"].append({"id": f"felloe{i:02d}", "n": n, "want": None if w is None else list(w)})
for i in range(50):
    a, n = r.randint(-500, 500), 2 * r.randint(1, 300) + 1
    calls["jacobi"].append({"id": f"hub{i:02d}", "a": a, "n": n, "want": pf.jacobi(a, n)})
for i in range(60):
    n = r.randint(2, 200) if i < 25 else r.randint(10 ** 6, 10 ** 9)
    calls["prime"].append({"id": f"shaft{i:02d}", "n": n, "want": pf.isprime(n)})
for who in ["Hannah Coachman", "Jacob Wheeler", "Enoch Trimmer", "Lydia Painter"]:
    spokes = [r.randint(2, 120) for _ in range(6)]
    calls["book"].append({"who": who, "spokes": spokes, "want": [pf.isprime(s) for s in spokes]})
json.dump(calls, open("tests/axle_calls.json", "w"), indent=1)
'''

SUITE_PY = '''import json
import pathlib

import pytest

from primefac import introot, isprime, ispower, jacobi

CALLS = json.loads(pathlib.Path(__file__).with_name("axle_calls.json").read_text())


def ids(kind):
    return [c["id"] for c in CALLS[kind]]


@pytest.mark.parametrize("call", CALLS["root"], ids=ids("root"))
def test_spoke_introot(call):
    assert introot(call["n"], call["r"]) == call["want"]


@pytest.mark.parametrize("call", CALLS["power"], ids=ids("power"))
def test_felloe_ispower(call):
    got = ispower(call["n"])
    assert (None if got is None else list(got)) == call["want"]


@pytest.mark.parametrize("call", CALLS["jacobi"], ids=ids("jacobi"))
def test_hub_jacobi(call):
    assert jacobi(call["a"], call["n"]) == call["want"]


@pytest.mark.parametrize("call", CALLS["prime"], ids=ids("prime"))
def test_shaft_isprime(call):
    assert isprime(call["n"]) == call["want"]

'''

SCRIPT = r"""import json

from primefac import isprime, primefac


class CoachBuildError(Exception):
    pass


BOOK = json.load(open("tests/axle_calls.json"))["book"]  # the build book: each coachbuilder's wheels' spoke counts


def check(entry):
    try:
        for n, (spokes, want) in enumerate(zip(entry["spokes"], entry["want"])):
            got = isprime(spokes)
            if got != want:
                raise ValueError(f"wheel {n}: {spokes} spokes read prime={got}, the build book says prime={want} "
                                 f"(factors {sorted(primefac(spokes))})")
        return len(entry["spokes"])
    except ValueError as exc:
        raise CoachBuildError(f"wheeling: {entry['who']}'s wheels read off the book "
                              f"({len(BOOK)} coachbuilders in the book)") from exc


print(f"coach works: {len(BOOK)} coachbuilders' wheels to check")
for entry in BOOK:
    print(entry["who"], "->", check(entry))
"""


def source(tmp: Path) -> None:
    cm.download_sdists(SRC, "primefac-*.tar.gz", ["primefac==2.0.12"])
    cm.install_venv(VENV, "mypy", ["pytest==9.2.0", "ruff==0.17.6", "mypy==2.4.1"])
    cm.install_npm(JS, "tinyduration", ["eslint@10.16.0", "@eslint/js@10.0.1", "typescript@7.0.2",
                                         "tinyduration@3.4.1"])
    if str(VENV / "bin") not in cm.PATH_PREFIX:
        cm.PATH_PREFIX.insert(0, str(VENV / "bin"))


def python(tmp: Path) -> None:
    run(f"tar --no-same-owner -xzf {SRC}/{SV}.tar.gz && mv {SV} coachwork && mkdir -p coachwork/tests", cwd=tmp)
    gp = tmp / "coachwork"
    (gp / "gen.py").write_text(GEN)
    (gp / SUITE).write_text(SUITE_PY)
    run("PYTHONPATH=src python3 gen.py && rm gen.py", cwd=gp)  # expectations from the unbroken package
    assert (gp / "tests/axle_calls.json").exists(), "axle_calls.json not written"
    PAGES.mkdir(parents=True, exist_ok=True)
    run(f"PYTHONPATH=src python3 -m pydoc -w primefac && mv primefac.html {PAGES}/", cwd=gp)  # the unbroken module
    assert (PAGES / "primefac.html").exists(), "primefac.html not written"
    run(f"rm -rf {HIST} && mkdir -p {HIST} && cp -r coachwork {HIST}/{SV} && cd {HIST} && find {SV} -name "
        f"__pycache__ -prune -exec rm -rf {{}} + ; tar czf {SV}.tar.gz {SV} && rm -rf {SV}", cwd=tmp)
    put_bugs(gp, BUGS)
    env = {"PYTHONPATH": str(gp / "src"), "MYPYPATH": str(gp / "src")}
    cap("pytest-primefac-coachwork-v-tbshort", f"{PYTEST} -v --tb=short {SUITE} 2>&1 | tail -n 1200", gp,
        n_pytest, env=env, timeout=600)
    chain("chain-primefac-pytest-q-exit", "chain-test-exit", "test",
          [Part(f"{PYTEST} -q --tb=line {SUITE} 2>&1 | tail -n 400", n_pytest), Part("echo EXIT=$?", n_status_echo, ";")],
          gp, env=env, timeout=600)
    cap("mypy-strict-primefac-module", f"{MYPY} {MOD} {SUITE} 2>&1 | tail -n 400", gp, n_mypy, env=env,
        timeout=300)
    (gp / "axle_check.py").write_text(SCRIPT)
    cap("python-chained-traceback-axle-check", "python3 axle_check.py", gp, n_chained, env=env)


def git_history(tmp: Path) -> None:
    repo = history(tmp, HIST, "pf", SV, [MOD, SUITE], PEOPLE, SEED, 30, BUGS)
    (repo / "NOTES.local").write_text("jacobi sign off for n = 7 mod 8; exact powers' roots one short; "
                                      "small primes called composite\n")
    cap("git-log-p-primefac-head-1000", "git log -p | head -n 1000", repo, n_log_p, env=GIT_ENV)
    cap("git-log-p-stat-primefac-head-2400", "git log -p --stat | head -n 2400", repo, n_log_p, env=GIT_ENV)


LOG_MSGS = {
    "INFO": lambda r: f"coach {r.randint(100, 999)} for {r.choice(['Hannah', 'Jacob', 'Enoch', 'Lydia'])}: "
                      f"{r.randint(2, 9)} {r.choice(['panels', 'wheels', 'springs'])} "
                      f"fitted, bay {r.randint(1, 6)} at {r.randint(10, 16)} spokes a wheel",
    "DEBUG": lambda r: f"leaf spring {r.choice(['light', 'elliptic', 'platform'])} set {r.randint(20, 120)} min "
                       f"for {r.choice(['landau', 'phaeton', 'brougham'])}, batch {r.randint(100, 999)}, "
                       f"{r.randint(3, 9)} leaves",
    "WARNING": lambda r: f"panel {r.randint(1, 40)} lifting at the varnish, sand {r.randint(2, 12)} coats at "
                         f"{r.choice(['Paint Shop', 'Smith Shop', 'Trimming Loft'])}, "
                         f"{r.randint(1, 6)} coaches held",
    "ERROR": lambda r: f"axletree {r.randint(1, 8)} sprung at bay {r.randint(2, 32)}, {r.randint(1, 9)} "
                       f"{r.choice(['wheels', 'coaches', 'springs', 'perches'])} spoilt (tally {r.randint(1, 60)})",
}
DIRS = ("/usr/share/doc/nettle-dev", "/usr/share/doc/valgrind", "/usr/share/doc/libxslt1-dev",
        "/usr/share/doc/zlib1g-dev", "/usr/share/doc/libjs-underscore", "/usr/share/doc/nodejs",
        "/usr/share/doc/coreutils")


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
    with open(d / "coachbuilders.csv", "w", newline="") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(["path", "kind", "name", "bytes", "links", "modified"])
        w.writerows(rows)
    run("sqlite3 coachbuilders.db '.mode csv' '.import coachbuilders.csv parts'", cwd=d)
    cap("ls-laR-doc-dirs-valgrind", "ls -laR /usr/share/doc/valgrind /usr/share/doc/zlib1g-dev "
        "/usr/share/doc/nettle-dev /usr/share/doc/libjs-underscore /usr/share/doc/coreutils", d, n_ls_lR)
    app_log(d / "coachbuilders.log", 71214, 1500, ["coach.works", "coach.bay", "coach.springs", "coach.builders"],
            LOG_MSGS, 7121, "2026-12-04")
    cap("app-log-coachbuilders-tail-600", "tail -n 600 coachbuilders.log", d, n_app_log)
    chain("chain-log-grep-error-coachbuilders", "chain-log", "logs",
          [Part("grep -E ' (WARNING|ERROR) ' coachbuilders.log | head -n 240", n_app_log),
           Part("grep -c ERROR coachbuilders.log", None, ";")], d)
    srv = cm.start(f"cd {PAGES} && exec python3 -m http.server 18712 --bind 127.0.0.1")
    try:
        time.sleep(1.5)
        cap("curl-html-pydoc-primefac", "curl -s http://127.0.0.1:18712/primefac.html", d, n_html)
    finally:
        os.killpg(srv.pid, signal.SIGTERM)


# round 291's words (round 624's left-hand sides), then this round's
C_NEW = ("BROUGHAM_H", "brougham", "wheel_t", "wheels", "coach_t", "coach_weight", "coach_find", "camber_permille",
         "spoke_g", "ash", "coats", "camber_count_", "_bay", '"bay ', "coach")
C_RENAMES = tuple((old, new) for (old, _), new in zip(w624.C_RENAMES, C_NEW, strict=True))
RS_NEW = ("landau", "0.7.12", "Landau: hoods from hinge bore, spring load and a ranking of landau "
          "springs.", "hood_n", "spring_load", "hinge_um", "axle_um", "landau_count", "spring_", "spring ",
          "hood not on", "bay limit", "springs", "odd_")
RS_RENAMES = tuple((old, new) for (old, _), new in zip(w624.RS_RENAMES, RS_NEW, strict=True))


def c_build(tmp: Path) -> None:
    root = tmp / "brougham"
    rnd = random.Random(71212)
    files = {"src/brougham.h": renamed(base.GATE_H, C_RENAMES),
             "src/coachframe.c": renamed(base.GATE_C, C_RENAMES)}
    for k in range(30):
        files[f"src/panel_{k:02d}.c"] = renamed(base.gen_c(k, rnd), C_RENAMES)
    objs = " ".join(f"build/{Path(p).stem}.o" for p in files if p.endswith(".c"))
    files["Makefile"] = ("CC=gcc\nCFLAGS=-Wall -Wextra -O1 -Isrc\nOBJS=" + objs + "\n\nall: brougham\n\n"
                         "brougham: $(OBJS)\n\t$(CC) -o $@ $(OBJS)\n\nbuild/%.o: src/%.c src/brougham.h\n"
                         "\t@mkdir -p build\n\t$(CC) $(CFLAGS) -c $< -o $@\n\nclean:\n\trm -rf build brougham\n")
    write_tree(root, files)
    chain("chain-make-k-brougham-exit", "chain-build-exit", "build",
          [Part("make -k -j1 2>&1 | tail -n 400", n_make), Part("echo EXIT=$?", n_status_echo, ";")], root,
          timeout=600)
    cap("gcc-syntax-brougham-panel", "gcc -Wall -Wextra -fsyntax-only -Isrc src/coachframe.c src/panel_1[0-9].c",
        root, n_gcc, timeout=300)
    run("rm -rf build brougham", cwd=root)


def rust(tmp: Path) -> None:
    root = tmp / "landau"
    rnd = random.Random(71213)
    broken = renamed(base.BROKEN, RS_RENAMES)
    write_tree(root, {"Cargo.toml": renamed(base.CARGO, RS_RENAMES), "src/lib.rs": renamed(base.LIB, RS_RENAMES),
                      "src/broken.rs": broken, "src/runs.rs": renamed(base.gen_runs(rnd, 120), RS_RENAMES)})
    env = {"CARGO_TARGET_DIR": str(tmp / "landau-target"), "CARGO_TERM_COLOR": "never", "CARGO_BUILD_JOBS": "1"}
    cap("cargo-build-errors-landau", "cargo build 2>&1", root, n_cargo_build, env=env, timeout=600)
    for line in ("    let label: String = idx.len();\n", "    idx.push(landau_count);\n"):
        assert line in broken, line
        broken = broken.replace(line, "")
    (root / "src/broken.rs").write_text(broken)
    cap("cargo-test-landau-tail", "cargo test 2>&1 | grep -v '^test .* ok$' | tail -n 400", root, n_cargo_test,
        env=env, timeout=600)


GO_NEW = ("leafspring", "coachcount", "works host", "coaches left, days", "nothing left to hang",
          "hanging order", "spring grade", "Spring", "spring", "Hood", "hood", "Bay", "bay", "Coaches", "coaches")
GO_RENAMES = tuple((old, new) for (old, _), new in zip(w624.GO_RENAMES, GO_NEW, strict=True))
BENCHES = ["Paint Shop", "Smith Shop", "Trimming Loft", "Wheel Pit", "Body Shop", "Varnish Room",
           "Spring Forge", "Axle Rack", "North Bay", "Hood Board", "Yard Gate", "Bench Seven"]
GO_STEP = g273.make_steps(cap, "leafspring", "coachcount", 71211, BENCHES, GO_RENAMES)[0]


def go(tmp: Path) -> None:
    GO_STEP(tmp)
    (tmp / "leafspring" / "restock.go").unlink(missing_ok=True)


COACH_WORDS = ["phaeton", "coach sums for a phaeton (spoke lengths, hood rates, bay charts)",
               "spokeLength", "hoodToMs", "springBand", "coachLabel", "panelArea", "bayChart", "wheelPlan",
               "No wheel planned", "unknown spring type", "elliptic", "cee", "platform", "whip",
               "`bay ${w + 1}", "seed = 71218",
               "'spoke', 'HUB', 'felloe', 'Tyre', 'perch', 'axle', 'Hood', 'dash', 'boot', 'PANEL', 'lamp',\n"
               "  'shaft', 'splinter', 'Bar', 'trim', 'varnish'",
               "'Hannah', 'Jacob', 'Enoch', 'Lydia', 'Abel', 'Keziah', 'Reuben', 'Patience', 'Ezra', "
               "'Thirza', 'Gideon', 'Bathsheba'"]
assert len(COACH_WORDS) == len(m299.WAGGLE_NAMES)
COACH_NAMES = [(old, new) for (old, _), new in zip(m299.WAGGLE_NAMES, COACH_WORDS)]


def coached(text: str) -> str:
    for old, new in COACH_NAMES:
        text = text.replace(old, new)
    return text


PH_BUGS = [(coached(rel), coached(old), coached(new)) for rel, old, new in m290.PA_BUGS]


def js_project(tmp: Path) -> None:
    root = tmp / "phaeton"
    for d in ("lib", "spec"):
        (root / d).mkdir(parents=True, exist_ok=True)
    run(f"ln -s {JS / 'node_modules'} node_modules", cwd=root)
    fixtures = coached(m290.FIXTURES)
    assert "71218" in fixtures and "STOPPER" not in fixtures and "Branwen" not in fixtures
    write_tree(root, {"package.json": json.dumps({"name": "phaeton", "version": "7.1.2", "type": "module",
                                                  "scripts": {"test": "node --test spec/"}}, indent=2) + "\n",
                      "fixtures.mjs": fixtures, "eslint.config.js": m290.ESLINT_CONFIG,
                      "lib/wheel-plan.js": coached(m290.APP), "lib/phaeton.js": coached(m290.HAWSEHOLE),
                      "lib/package.json": json.dumps({"type": "commonjs"}) + "\n", "tsconfig.json": m290.TSCONFIG})
    run("node fixtures.mjs && rm fixtures.mjs", cwd=root)
    put_bugs(root / "lib", PH_BUGS)
    env = {"PATH": f"{JS}/node_modules/.bin:/usr/bin:/bin"}
    cap("node-test-phaeton-tail-1500", "node --test spec/ 2>&1 | tail -n 1500", root, n_node_test, env=env,
        timeout=300)
    cap("node-test-phaeton-tail-2600", "node --test spec/ 2>&1 | tail -n 2600", root, n_node_test, env=env,
        timeout=300)
    chain("chain-eslint-tsc-phaeton", "chain-lint", "lint",
          [Part("npx eslint lib spec | head -n 280", n_eslint), Part("npx tsc --noEmit -p . | head -n 200", n_tsc, ";")],
          root, env=env, timeout=300)


TD_BUGS = [("index.js", "    return parseFloat(s.replace(',', '.'));\n", "    return parseFloat(s);\n"),
           ("index.js", "    if (!duration.years &&\n        !duration.months &&\n", "    if (!duration.months &&\n"),
           ("index.js", "        (duration.hours || duration.minutes || duration.seconds) && 'T',\n",
            "        (duration.hours || duration.minutes) && 'T',\n")]

# Writes spec/duration.test.mjs: the works' seeded build times (ISO 8601 durations parsed and written back), each
# expectation computed here from the UNBROKEN copy of tinyduration's dist/index.js in src/tinyduration/, before it is
# broken.
TD_GEN = r"""
import fs from 'node:fs';
import td from './src/tinyduration/index.js';
let seed = 71216;
const rnd = () => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed / 2147483648; };
const pick = (xs) => xs[Math.floor(rnd() * xs.length)];
const int = (lo, hi) => lo + Math.floor(rnd() * (hi - lo + 1));
const BUILDERS = ['Hannah', 'Jacob', 'Enoch', 'Lydia', 'Abel', 'Keziah', 'Reuben', 'Patience'];
const JOBS = ['landau hood', 'phaeton body', 'brougham panel', 'leaf spring', 'axletree', 'wheel', 'perch', 'dash'];
const J = JSON.stringify;
const num = () => { const v = int(1, 40); return rnd() < 0.25 ? `${v}${pick([',', '.'])}${int(1, 9)}` : `${v}`; };
const dur = () => {
  let s = rnd() < 0.1 ? '-P' : 'P';
  for (const u of ['Y', 'M', 'W', 'D']) if (rnd() < 0.35) s += num() + u;
  let t = '';
  for (const u of ['H', 'M', 'S']) if (rnd() < 0.4) t += num() + u;
  if (t || s.endsWith('P')) s += 'T' + (t || num() + 'S');
  return s;
};
const out = ["import {test} from 'node:test';", "import assert from 'node:assert/strict';",
  "import td from '../src/tinyduration/index.js';", ''];
for (let i = 0; i < 70; i++) {
  const s = dur();
  out.push(`test(${J(`${pick(BUILDERS)}'s ${pick(JOBS)} time ${i + 1}`)}, () => {\n  assert.deepEqual({...td.parse(${J(s)})}, ${J(td.parse(s))});\n});`);
}
const UNITS = ['years', 'months', 'weeks', 'days', 'hours', 'minutes', 'seconds'];
for (let i = 0; i < 70; i++) {
  const d = {};
  const k = int(1, 3);
  for (let j = 0; j < k; j++) d[pick(UNITS)] = rnd() < 0.2 ? int(1, 90) / 10 : int(1, 60);
  if (rnd() < 0.1) d.negative = true;
  out.push(`test(${J(`${pick(BUILDERS)}'s ${pick(JOBS)} ticket ${i + 1}`)}, () => {\n  assert.equal(td.serialize(${J(d)}), ${J(td.serialize(d))});\n});`);
}
for (let i = 0; i < 30; i++) {
  const s = dur();
  out.push(`test(${J(`${pick(BUILDERS)}'s ${pick(JOBS)} round trip ${i + 1}`)}, () => {\n  assert.equal(td.serialize(td.parse(${J(s)})), ${J(td.serialize(td.parse(s)))});\n});`);
}
fs.writeFileSync('spec/duration.test.mjs', out.join('\n') + '\n');
"""


def npm_project(tmp: Path) -> None:
    root = tmp / "coachyard"
    for d in ("src", "spec"):
        (root / d).mkdir(parents=True, exist_ok=True)
    run(f"ln -s {JS / 'node_modules'} node_modules", cwd=root)
    write_tree(root, {"package.json": json.dumps({"name": "coachyard", "version": "0.7.12", "type": "module",
                                                  "scripts": {"test": "node --test spec/"}}, indent=2) + "\n",
                      "gen.mjs": TD_GEN, "eslint.config.js": m290.ESLINT_CONFIG,
                      "src/package.json": json.dumps({"type": "commonjs"}) + "\n"})
    run(f"mkdir -p src/tinyduration && cp {JS}/node_modules/tinyduration/dist/index.js src/tinyduration/", cwd=root)
    run("node gen.mjs && rm gen.mjs", cwd=root)  # expectations from the unbroken copy
    assert (root / "spec/duration.test.mjs").exists(), "duration.test.mjs not written"
    put_bugs(root / "src" / "tinyduration", TD_BUGS)
    env = {"PATH": f"{JS}/node_modules/.bin:/usr/bin:/bin"}
    cap("node-test-tinyduration-coachyard-tail-1700", "node --test spec/ 2>&1 | tail -n 1700", root, n_node_test,
        env=env, timeout=300)
    chain("chain-node-test-grep-exit-coachyard", "chain-test-exit", "test",
          [Part("node --test spec/ 2>&1 | grep -E '^not ok|^# (tests|pass|fail)'", n_node_test),
           Part("echo EXIT=$?", n_status_echo, ";")], root, env=env, timeout=300)
    cap("eslint-tinyduration-coachyard", "npx eslint src spec 2>&1 | head -n 700", root, n_eslint, env=env,
        timeout=300)


DOCS = {"doc": str(PAGES)}


def specs(root: Path, env: dict) -> list:
    from capture_opencode import Spec
    from capture_wide15_langs import n_go_test
    from capture_wide15_oc import oc_ext
    from capture_wide191_oc import B, C
    S: list = [
        B("oc-bash-pytest-rA-tail-primefac", n_pytest,
          f"cd coachwork && PYTHONPATH=src {PYTEST} -rA --tb=short {SUITE} 2>&1 | tail -n 380"),
        B("oc-bash-ruff-full-primefac", n_ruff,
          f"ruff check --no-cache --isolated --select ALL --output-format=full coachwork/{MOD} "
          f"coachwork/{SUITE} coachwork/axle_check.py 2>&1 | head -n 900"),
        B("oc-bash-git-blame-primefac", n_blame, f"cd coachwork-git && git blame -w {MOD} | sed -n 140,330p"),
        B("oc-bash-git-show-primefac-part", n_show, "cd coachwork-git && git show ':/^__init__: part 8 '"),
        B("oc-bash-git-log-p-primefac-reverse", n_log_p, "cd coachwork-git && git log -p --reverse | head -n 1400"),
        B("oc-bash-make-k-brougham", n_make, "make -C brougham -k -B 2>&1 | tail -n 300"),
        B("oc-bash-cargo-test-landau", n_cargo_test, "cd landau && cargo test 2>&1 | tail -n 450"),
        B("oc-bash-cargo-clippy-landau", n_clippy, "cd landau && cargo clippy 2>&1 | tail -n 450"),
        B("oc-bash-go-test-v-leafspring", n_go_test,
          "cd leafspring && GOFLAGS=-mod=mod GOPROXY=off GOTOOLCHAIN=local go test -v ./... 2>&1 | tail -n 350"),
        B("oc-bash-ps-aux-cpu-head-130", n_ps_aux, "ps auxww --sort=-pcpu | head -n 130 | cut -c1-300"),
        B("oc-bash-sqlite-coachbuilders-largest", n_sqlite_col,
          "sqlite3 -header -column coachbuilders.db \"SELECT kind, path, CAST(bytes AS INT) AS bytes, modified "
          "FROM parts ORDER BY CAST(bytes AS INT) DESC LIMIT 200\""),
        B("oc-bash-csv-sort-coachbuilders", n_csv,
          "(head -n 1 coachbuilders.csv; tail -n +2 coachbuilders.csv | sort -t, -k4 -n | tail -n 400)"),
        B("oc-bash-log-grep-bay-coachbuilders", n_app_log,
          "grep -E 'bay [1-9]( |,|$)|axletree [0-9] sprung' coachbuilders.log | head -n 400"),
        B("oc-bash-eslint-phaeton", n_eslint, "cd phaeton && npx eslint lib spec 2>&1 | head -n 900"),
    ]
    S.append(C("oc-bash-chain-mypy-strict-primefac", "chain-lint", "lint",
               [Part("cd coachwork", None), Part(f"MYPYPATH=src {MYPY} --pretty {MOD} {SUITE} axle_check.py "
                                                "2>&1 | tail -n 300", n_mypy, "&&")],
               root, env, "Type-check primefac"))
    S.append(C("oc-bash-chain-git-status-diff-primefac", "chain-git-status-diff", "git",
               [Part("cd coachwork-git", None), Part("git status", n_status, "&&"), Part("git diff", n_diff, "&&")],
               root, env, "Show the working tree changes"))
    S.append(C("oc-bash-chain-node-test-exit-phaeton", "chain-test-exit", "test",
               [Part("cd phaeton", None), Part("node --test spec/ 2>&1 | tail -n 450", n_node_test, "&&"),
                Part("echo EXIT=$?", n_status_echo, ";")], root, env, "Test phaeton"))
    S.append(C("oc-bash-chain-eslint-node-test-coachyard", "chain-lint", "lint",
               [Part("cd coachyard", None), Part("npx eslint src 2>&1 | tail -n 200", n_eslint, "&&"),
                Part("node --test spec/ 2>&1 | tail -n 150", n_node_test, ";")], root, env,
               "Lint and test coachyard"))
    S.append(C("oc-bash-chain-go-test-tail-exit-leafspring", "chain-test-exit", "test",
               [Part("cd leafspring", None), Part("GOFLAGS=-mod=mod GOPROXY=off GOTOOLCHAIN=local go test ./... 2>&1 "
                                                 "| tail -n 80", n_go_test, "&&"),
                Part("echo EXIT=$?", n_status_echo, ";")], root, env, "Test leafspring"))
    page = "doc/primefac.html"
    O = [
        Spec("oc-grep-primefac-def-return-none", "oc-grep", "search", "grep",
             {"pattern": r"def \w+\(|return None|raise ", "path": "coachwork/src/primefac", "include": "__init__.py"}),
        Spec("oc-glob-brougham-c", "oc-glob", "listing", "glob", {"pattern": "**/*.[ch]", "path": "brougham"}),
        Spec("oc-read-py-primefac", "oc-read-source", "code", "read",
             {"filePath": f"{root}/coachwork/{MOD}"}, "python"),
        Spec("oc-webfetch-md-pydoc-primefac", "oc-webfetch-markdown", "doc", "webfetch",
             {"url": "{BASE}/" + page, "format": "markdown"}, source=page),
        Spec("oc-webfetch-text-pydoc-primefac", "oc-webfetch-text", "doc", "webfetch",
             {"url": "{BASE}/" + page, "format": "text"}, source=page),
    ]
    for spec in O:
        S.append((spec, oc_ext(spec.kind, spec.family, spec)))
    return S


def _doc_server(serve_dir: str):
    """capture_opencode.start_doc_server on the round's own loopback port (28712), round 672's way."""
    import functools
    import http.server
    import threading
    import capture_opencode as oco
    handler = functools.partial(oco._QuietHandler, directory=serve_dir)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 28712), handler)
    threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.1}, daemon=True).start()
    return server


def opencode(tmp: Path) -> None:
    import functools
    import capture_opencode as oco
    from capture_wide191_oc import run_round
    orig = oco.start_doc_server, oco.StubServer
    oco.start_doc_server = _doc_server
    oco.StubServer = functools.partial(orig[1], port=38712)
    try:
        run_round(tmp, f"cp -r {tmp}/coachwork coachwork && cp -r {tmp}/pf-git coachwork-git && "
                  f"cp -r {tmp}/brougham brougham && cp -r {tmp}/landau landau && "
                  f"cp -r {tmp}/leafspring leafspring && cp -a {tmp}/phaeton phaeton && "
                  f"cp -a {tmp}/coachyard coachyard && "
                  f"cp {tmp}/data/coachbuilders.db {tmp}/data/coachbuilders.csv {tmp}/data/coachbuilders.log .",
                  "find . -name __pycache__ -prune -exec rm -rf {} + ; rm -rf brougham/build coachwork/.mypy_cache "
                  "coachwork/.ruff_cache coachwork/.pytest_cache",
                  DOCS, str(VENV), str(JS), specs, add, seed=SEED)
    finally:
        oco.start_doc_server, oco.StubServer = orig


def git_history_after_python(tmp: Path) -> None:
    python(tmp)
    git_history(tmp)


def main() -> None:
    cm.capture_round(__doc__, lambda: None, lambda: [source, git_history_after_python, rust, c_build, go,
                                                     js_project, npm_project, data, opencode],
                     ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 10_000, 60_000))
    out = Path(sys.argv[sys.argv.index("--out") + 1]) if "--out" in sys.argv else DEFAULT_OUT
    drop_and_check(out)


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide712", sys.modules["__main__"])
    main()
