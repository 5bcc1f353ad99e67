"""Capture round 704 of the compression corpus (issue #11's kinds on real projects, most of them as OpenCode's tools
hand them over, no new rules), with names from a taxidermist's shop (mounts, glass eyes, armatures, skins,
specimens): si-prefix 1.3.3 (its PyPI sdist) with bugs put in (project mountshop) under a pytest suite written here
from the unbroken package, ruff and mypy, and a chained traceback; a git history of its module and the suite; the real
npm package js-levenshtein 1.1.6 copied into a project (eyetray) with bugs put in, under a node --test suite generated
here from the unbroken copy, and eslint; a C project (glasseye) and a Rust crate (armature) from round 291's
generators imported and renamed; a Go module (skinrack) from round 273's make_steps imported with this round's words;
a JavaScript project (diorama) from round 290's module and generator imported and renamed; CSV/sqlite tables of
/usr/share/doc files, ps aux, an application log, node's api/modules.html on loopback; ONE headless OpenCode run over
the same material (its bash, grep, glob, read, webfetch). Every kind's extractor is an earlier round's, imported
(NEEDLES.md's "Round 704: no new rules"). The glue follows round 696's layout (capture_wide696.py); material, words,
seeds and ports are this round's."""

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

ID_PREFIX = "wide704-"
DEFAULT_OUT = HERE / "data" / "wide704.json"
TMP = Path("/dev/shm/hm-corpus-wide704")
SRC = Path("/dev/shm/hm-corpus-wide704-src")  # si_prefix-1.3.3.tar.gz, its PyPI sdist
HIST = Path("/dev/shm/hm-corpus-wide704-hist")  # the sdist with the suite written here, for the git history
VENV = Path("/dev/shm/hm-corpus-wide704-venv")  # the round's own tools: pytest, ruff, mypy
JS = Path("/dev/shm/hm-corpus-wide704-js")  # the round's own npm project: eslint, @eslint/js, typescript, js-levenshtein
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
SEED = 70410
SV = "si_prefix-1.3.3"
MOD = "si_prefix/__init__.py"
SUITE = "tests/test_specimen_gauges.py"
GIT_ENV, MYPY, PYTEST = w624.GIT_ENV, w624.MYPY, w624.PYTEST
PEOPLE = [("Walter Mounter", "walter@example.org"), ("Martha Skinner", "martha@example.org"),
          ("Walter Mounter", "walter@example.org"), ("Silas Wirer", "silas@example.org"),
          ("Prudence Glass", "prudence@example.org")]
BUGS = [(MOD, "        expof10 = (-expof10 + 3) // 3 * (-3)\n", "        expof10 = (-expof10 + 2) // 3 * (-3)\n"),
        (MOD, "    if abs(si_level) > prefix_levels:\n", "    if abs(si_level) >= prefix_levels:\n"),
        (MOD, "    return 3 * (SI_PREFIX_UNITS.index(si_unit) - prefix_levels)\n",
         "    return 3 * (SI_PREFIX_UNITS.index(si_unit) - prefix_levels - 1)\n")]

# Writes tests/gauge_calls.json from the UNBROKEN package (run before the bugs go in).
GEN = r'''import json, random
import si_prefix as sp

r = random.Random(70410)
calls = {"format": [], "parse": [], "split": [], "scale": [], "book": []}


def val():
    v = round(r.uniform(1, 999), r.randint(0, 4)) * 10.0 ** r.randint(-27, 27)
    return -v if r.random() < 0.2 else v


for i in range(70):
    v, p = val(), r.randint(0, 3)
    calls["format"].append({"id": f"mount{i:02d}", "v": v, "p": p, "want": sp.si_format(v, p)})
for i in range(40):
    s = sp.si_format(val(), r.randint(0, 3))
    try:
        want = sp.si_parse(s)
    except Exception:
        continue
    calls["parse"].append({"id": f"skin{i:02d}", "s": s, "want": want})
for i in range(50):
    v, p = val(), r.randint(0, 3)
    calls["split"].append({"id": f"eye{i:02d}", "v": v, "p": p, "want": list(sp.split(v, p))})
for i, u in enumerate(sp.SI_PREFIX_UNITS):
    calls["scale"].append({"id": f"wire{i:02d}", "u": u, "want": [sp.si_prefix_expof10(u), sp.si_prefix_scale(u)]})
for who in ["Walter Mounter", "Martha Skinner", "Silas Wirer", "Prudence Glass"]:
    grams = [round(r.uniform(0.1, 999), 3) * 10.0 ** r.choice([-6, -3, 0, 3]) for _ in range(5)]
    calls["book"].append({"who": who, "grams": grams, "want": [sp.si_format(g, 2) for g in grams]})
json.dump(calls, open("tests/gauge_calls.json", "w"), indent=1)
'''

SUITE_PY = '''import json
import pathlib

import pytest

from si_prefix import si_format, si_parse, si_prefix_expof10, si_prefix_scale, split

CALLS = json.loads(pathlib.Path(__file__).with_name("gauge_calls.json").read_text())


def ids(kind):
    return [c["id"] for c in CALLS[kind]]


@pytest.mark.parametrize("call", CALLS["format"], ids=ids("format"))
def test_mount_label_format(call):
    assert si_format(call["v"], call["p"]) == call["want"]


@pytest.mark.parametrize("call", CALLS["parse"], ids=ids("parse"))
def test_skin_label_parse(call):
    assert si_parse(call["s"]) == call["want"]


@pytest.mark.parametrize("call", CALLS["split"], ids=ids("split"))
def test_eye_split(call):
    assert list(split(call["v"], call["p"])) == call["want"]


@pytest.mark.parametrize("call", CALLS["scale"], ids=ids("scale"))
def test_wire_prefix_scale(call):
    assert [si_prefix_expof10(call["u"]), si_prefix_scale(call["u"])] == call["want"]
'''

SCRIPT = r"""import json

from si_prefix import si_format, si_parse


class MountLabelError(Exception):
    pass


BOOK = json.load(open("tests/gauge_calls.json"))["book"]  # the specimen book: each taxidermist's weighed specimens


def check(entry):
    try:
        for n, (grams, want) in enumerate(zip(entry["grams"], entry["want"])):
            got = si_format(grams, 2)
            if got != want:
                raise ValueError(f"specimen {n}: label reads {got!r}g, the specimen book says {want!r}g "
                                 f"(parsed back {si_parse(got)!r})")
        return len(entry["grams"])
    except ValueError as exc:
        raise MountLabelError(f"labelling: {entry['who']}'s specimens read off the book "
                              f"({len(BOOK)} taxidermists in the book)") from exc


print(f"taxidermy shop: {len(BOOK)} taxidermists' specimen labels to check")
for entry in BOOK:
    print(entry["who"], "->", check(entry))
"""


def source(tmp: Path) -> None:
    cm.download_sdists(SRC, "si_prefix-*.tar.gz", ["si-prefix==1.3.3"])
    cm.install_venv(VENV, "mypy", ["pytest==9.2.0", "ruff==0.17.6", "mypy==2.4.1"])
    cm.install_npm(JS, "js-levenshtein", ["eslint@10.16.0", "@eslint/js@10.0.1", "typescript@7.0.2",
                                           "js-levenshtein@1.1.6"])
    if str(VENV / "bin") not in cm.PATH_PREFIX:
        cm.PATH_PREFIX.insert(0, str(VENV / "bin"))


def python(tmp: Path) -> None:
    run(f"tar --no-same-owner -xzf {SRC}/{SV}.tar.gz && mv {SV} mountshop && mkdir -p mountshop/tests", cwd=tmp)
    gp = tmp / "mountshop"
    (gp / "gen.py").write_text(GEN)
    (gp / SUITE).write_text(SUITE_PY)
    run("PYTHONPATH=. python3 gen.py && rm gen.py", cwd=gp)  # expectations from the unbroken package
    assert (gp / "tests/gauge_calls.json").exists(), "gauge_calls.json not written"
    run(f"rm -rf {HIST} && mkdir -p {HIST} && cp -r mountshop {HIST}/{SV} && cd {HIST} && find {SV} -name "
        f"__pycache__ -prune -exec rm -rf {{}} + ; tar czf {SV}.tar.gz {SV} && rm -rf {SV}", cwd=tmp)
    put_bugs(gp, BUGS)
    env = {"PYTHONPATH": str(gp), "MYPYPATH": str(gp)}
    cap("pytest-si-prefix-mountshop-v-tbshort", f"{PYTEST} -v --tb=short {SUITE} 2>&1 | tail -n 1200", gp,
        n_pytest, env=env, timeout=300)
    chain("chain-si-prefix-pytest-q-exit", "chain-test-exit", "test",
          [Part(f"{PYTEST} -q --tb=line {SUITE} 2>&1 | tail -n 400", n_pytest), Part("echo EXIT=$?", n_status_echo, ";")],
          gp, env=env, timeout=300)
    cap("mypy-strict-si-prefix-module", f"{MYPY} {MOD} {SUITE} 2>&1 | tail -n 400", gp, n_mypy, env=env,
        timeout=300)
    (gp / "specimen_check.py").write_text(SCRIPT)
    cap("python-chained-traceback-specimen-check", "python3 specimen_check.py", gp, n_chained, env=env)


def git_history(tmp: Path) -> None:
    repo = history(tmp, HIST, "sp", SV, [MOD, SUITE], PEOPLE, SEED, 30, BUGS)
    (repo / "NOTES.local").write_text("small values one prefix off; yotta and yocto refused; scale one level short\n")
    cap("git-log-p-si-prefix-head-1000", "git log -p | head -n 1000", repo, n_log_p, env=GIT_ENV)


LOG_MSGS = {
    "INFO": lambda r: f"mount {r.randint(100, 999)} for {r.choice(['Walter', 'Martha', 'Silas', 'Prudence'])}: "
                      f"{r.randint(2, 9)} {r.choice(['skins', 'heads', 'birds'])} "
                      f"set, case {r.randint(1, 6)} at {r.randint(18, 30)} stitches an inch",
    "DEBUG": lambda r: f"armature {r.choice(['fine', 'medium', 'heavy'])} wired {r.randint(20, 120)} min "
                       f"for {r.choice(['fox mask', 'owl on branch', 'trout panel'])}, batch {r.randint(100, 999)}, "
                       f"wire {r.randint(10, 24)} gauge",
    "WARNING": lambda r: f"skin {r.randint(1, 40)} slipping at the seam, relax {r.randint(2, 12)} mm at "
                         f"{r.choice(['Fleshing Beam', 'Wiring Bench', 'Drying Loft'])}, "
                         f"{r.randint(1, 6)} mounts held",
    "ERROR": lambda r: f"glass eye tray {r.randint(1, 8)} cracked at case {r.randint(2, 32)}, {r.randint(1, 9)} "
                       f"{r.choice(['eyes', 'mounts', 'skins', 'forms'])} spoilt (tally {r.randint(1, 60)})",
}
DIRS = ("/usr/share/doc/git", "/usr/share/doc/fontconfig", "/usr/share/doc/ninja-build", "/usr/share/doc/xtrans-dev",
        "/usr/share/doc/gcc-12-base", "/usr/share/doc/python3", "/usr/share/doc/bash")
PAGE_DIR = "/usr/share/doc/nodejs/api"
PAGE = "modules.html"


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
    with open(d / "specimens.csv", "w", newline="") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(["path", "kind", "name", "bytes", "links", "modified"])
        w.writerows(rows)
    run("sqlite3 specimens.db '.mode csv' '.import specimens.csv specimens'", cwd=d)
    cap("ls-laR-doc-dirs-fontconfig", "ls -laR " + " ".join(DIRS[1:]) + " /usr/share/doc/make", d, n_ls_lR)
    app_log(d / "taxidermists.log", 70414, 1500, ["taxi.shop", "taxi.case", "taxi.armature", "taxi.taxidermists"],
            LOG_MSGS, 7041, "2026-12-04")
    cap("app-log-taxidermists-tail-600", "tail -n 600 taxidermists.log", d, n_app_log)
    chain("chain-log-grep-error-taxidermists", "chain-log", "logs",
          [Part("grep -E ' (WARNING|ERROR) ' taxidermists.log | head -n 240", n_app_log),
           Part("grep -c ERROR taxidermists.log", None, ";")], d)
    srv = cm.start(f"cd {PAGE_DIR} && exec python3 -m http.server 18704 --bind 127.0.0.1")
    try:
        time.sleep(1.5)
        cap("curl-html-node-api-modules", f"curl -s http://127.0.0.1:18704/{PAGE}", d, n_html)
    finally:
        os.killpg(srv.pid, signal.SIGTERM)


# round 291's words (round 624's left-hand sides), then this round's
C_NEW = ("GLASSEYE_H", "glasseye", "eye_t", "eyes", "mount_t", "mount_weight", "mount_find", "skin_permille",
         "wire_g", "tow", "stitches", "skin_count_", "_case", '"case ', "mount")
C_RENAMES = tuple((old, new) for (old, _), new in zip(w624.C_RENAMES, C_NEW, strict=True))
RS_NEW = ("armature", "0.7.4", "Armature: stitches from wire gauge, skin load and a ranking of armature "
          "wires.", "stitch_n", "skin_load", "wire_um", "eye_um", "mount_count", "skin_", "skin ",
          "stitch not on", "case limit", "wires", "odd_")
RS_RENAMES = tuple((old, new) for (old, _), new in zip(w624.RS_RENAMES, RS_NEW, strict=True))


def c_build(tmp: Path) -> None:
    root = tmp / "glasseye"
    rnd = random.Random(70412)
    files = {"src/glasseye.h": renamed(base.GATE_H, C_RENAMES),
             "src/eyeframe.c": renamed(base.GATE_C, C_RENAMES)}
    for k in range(30):
        files[f"src/socket_{k:02d}.c"] = renamed(base.gen_c(k, rnd), C_RENAMES)
    objs = " ".join(f"build/{Path(p).stem}.o" for p in files if p.endswith(".c"))
    files["Makefile"] = ("CC=gcc\nCFLAGS=-Wall -Wextra -O1 -Isrc\nOBJS=" + objs + "\n\nall: glasseye\n\n"
                         "glasseye: $(OBJS)\n\t$(CC) -o $@ $(OBJS)\n\nbuild/%.o: src/%.c src/glasseye.h\n"
                         "\t@mkdir -p build\n\t$(CC) $(CFLAGS) -c $< -o $@\n\nclean:\n\trm -rf build glasseye\n")
    write_tree(root, files)
    chain("chain-make-k-glasseye-exit", "chain-build-exit", "build",
          [Part("make -k -j1 2>&1 | tail -n 400", n_make), Part("echo EXIT=$?", n_status_echo, ";")], root,
          timeout=600)
    cap("gcc-syntax-glasseye-socket", "gcc -Wall -Wextra -fsyntax-only -Isrc src/eyeframe.c src/socket_2[0-9].c",
        root, n_gcc, timeout=300)
    run("rm -rf build glasseye", cwd=root)


def rust(tmp: Path) -> None:
    root = tmp / "armature"
    rnd = random.Random(70413)
    broken = renamed(base.BROKEN, RS_RENAMES)
    write_tree(root, {"Cargo.toml": renamed(base.CARGO, RS_RENAMES), "src/lib.rs": renamed(base.LIB, RS_RENAMES),
                      "src/broken.rs": broken, "src/runs.rs": renamed(base.gen_runs(rnd, 120), RS_RENAMES)})
    env = {"CARGO_TARGET_DIR": str(tmp / "armature-target"), "CARGO_TERM_COLOR": "never", "CARGO_BUILD_JOBS": "1"}
    cap("cargo-build-errors-armature", "cargo build 2>&1", root, n_cargo_build, env=env, timeout=600)
    for line in ("    let label: String = idx.len();\n", "    idx.push(mount_count);\n"):
        assert line in broken, line
        broken = broken.replace(line, "")
    (root / "src/broken.rs").write_text(broken)
    cap("cargo-test-armature-tail", "cargo test 2>&1 | grep -v '^test .* ok$' | tail -n 400", root, n_cargo_test,
        env=env, timeout=600)


GO_NEW = ("skinrack", "mountcount", "shop host", "skins left, days", "nothing left to mount",
          "mounting order", "eye grade", "Skin", "skin", "Eye", "eye", "Case", "case", "Mounts", "mounts")
GO_RENAMES = tuple((old, new) for (old, _), new in zip(w624.GO_RENAMES, GO_NEW, strict=True))
BENCHES = ["Fleshing Beam", "Wiring Bench", "Drying Loft", "Eye Tray", "Case Shelf", "Tanning Vat",
           "Form Rack", "Skin Rack", "North Loft", "Glass Board", "Shop Door", "Bench Seven"]
GO_STEP = g273.make_steps(cap, "skinrack", "mountcount", 70411, BENCHES, GO_RENAMES)[0]


def go(tmp: Path) -> None:
    GO_STEP(tmp)
    (tmp / "skinrack" / "restock.go").unlink(missing_ok=True)


TAXI_WORDS = ["diorama", "specimen sums for a diorama (wire lengths, stitch rates, case charts)",
              "wireLength", "stitchToMs", "skinBand", "mountLabel", "eyeArea", "caseChart", "groupPlan",
              "No group planned", "unknown skin type", "pale", "tawny", "russet", "sable",
              "`case ${w + 1}", "seed = 70418",
              "'skin', 'TOW', 'wire', 'Glass', 'clay', 'borax', 'Hide', 'plinth', 'form', 'EYE', 'stitch',\n"
              "  'fleshing', 'armature', 'Case', 'fur', 'paint'",
              "'Walter', 'Martha', 'Silas', 'Prudence', 'Amos', 'Tabitha', 'Josiah', 'Mercy', 'Obadiah', "
              "'Hephzibah', 'Rowland', 'Edwina'"]
assert len(TAXI_WORDS) == len(m299.WAGGLE_NAMES)
TAXI_NAMES = [(old, new) for (old, _), new in zip(m299.WAGGLE_NAMES, TAXI_WORDS)]


def taxied(text: str) -> str:
    for old, new in TAXI_NAMES:
        text = text.replace(old, new)
    return text


DI_BUGS = [(taxied(rel), taxied(old), taxied(new)) for rel, old, new in m290.PA_BUGS]


def js_project(tmp: Path) -> None:
    root = tmp / "diorama"
    for d in ("lib", "spec"):
        (root / d).mkdir(parents=True, exist_ok=True)
    run(f"ln -s {JS / 'node_modules'} node_modules", cwd=root)
    fixtures = taxied(m290.FIXTURES)
    assert "70418" in fixtures and "STOPPER" not in fixtures and "Branwen" not in fixtures
    write_tree(root, {"package.json": json.dumps({"name": "diorama", "version": "7.0.4", "type": "module",
                                                  "scripts": {"test": "node --test spec/"}}, indent=2) + "\n",
                      "fixtures.mjs": fixtures, "eslint.config.js": m290.ESLINT_CONFIG,
                      "lib/group-plan.js": taxied(m290.APP), "lib/diorama.js": taxied(m290.HAWSEHOLE),
                      "lib/package.json": json.dumps({"type": "commonjs"}) + "\n", "tsconfig.json": m290.TSCONFIG})
    run("node fixtures.mjs && rm fixtures.mjs", cwd=root)
    put_bugs(root / "lib", DI_BUGS)
    env = {"PATH": f"{JS}/node_modules/.bin:/usr/bin:/bin"}
    cap("node-test-diorama-tail-1500", "node --test spec/ 2>&1 | tail -n 1500", root, n_node_test, env=env,
        timeout=300)
    chain("chain-eslint-tsc-diorama", "chain-lint", "lint",
          [Part("npx eslint lib spec | head -n 280", n_eslint), Part("npx tsc --noEmit -p . | head -n 200", n_tsc, ";")],
          root, env=env, timeout=300)


JL_BUGS = [("index.js", "            ? d2 + 1\n", "            ? d2\n"),
           ("index.js", "    if (la === 0 || lb < 3) {\n", "    if (la === 0 || lb < 4) {\n"),
           ("index.js", "        dd = _min(d2, d3, dd, bx3, ay);\n", "        dd = _min(d2, d3, dd, bx2, ay);\n")]

# Writes spec/levenshtein.test.mjs: the shop's seeded specimen labels (catalogue entries against tag misreadings),
# each expectation computed here from the UNBROKEN copy of js-levenshtein's index.js in src/levenshtein/, before it
# is broken.
JL_GEN = r"""
import fs from 'node:fs';
import lev from './src/levenshtein/index.js';
let seed = 70416;
const rnd = () => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed / 2147483648; };
const pick = (xs) => xs[Math.floor(rnd() * xs.length)];
const int = (lo, hi) => lo + Math.floor(rnd() * (hi - lo + 1));
const TAXIDERMISTS = ['Walter', 'Martha', 'Silas', 'Prudence', 'Amos', 'Tabitha', 'Josiah', 'Mercy'];
const WORDS = ['red fox', 'barn owl', 'brown trout', 'badger', 'kestrel', 'otter', 'pheasant', 'stoat', 'heron',
  'hare', 'pike', 'woodcock', 'glass eye 12mm', 'case 7', 'armature', 'tow form'];
const J = JSON.stringify;
const ALPHA = 'abcdefghijklmnopqrstuvwxyz ';
const mangle = (s, n) => {
  let t = s;
  for (let k = 0; k < n; k++) {
    const i = int(0, Math.max(0, t.length - 1)), op = int(0, 2), c = pick(ALPHA);
    t = op === 0 ? t.slice(0, i) + c + t.slice(i + 1) : op === 1 ? t.slice(0, i) + c + t.slice(i) : t.slice(0, i) + t.slice(i + 1);
  }
  return t;
};
const out = ["import {test} from 'node:test';", "import assert from 'node:assert/strict';",
  "import levenshtein from '../src/levenshtein/index.js';", ''];
const t = (name, a, b) => {
  out.push(`test(${J(name)}, () => {\n  assert.equal(levenshtein(${J(a)}, ${J(b)}), ${lev(a, b)});\n});`);
};
for (let i = 0; i < 60; i++) { const w = pick(WORDS); t(`${pick(TAXIDERMISTS)}'s tag ${i + 1}`, w, mangle(w, int(1, 4))); }
for (let i = 0; i < 40; i++) { const w = `${pick(WORDS)} no. ${int(1, 400)}`; t(`${pick(TAXIDERMISTS)}'s catalogue line ${i + 1}`, mangle(w, int(0, 3)), mangle(w, int(1, 6))); }
for (let i = 0; i < 40; i++) { const w = pick(WORDS).slice(0, int(2, 5)); t(`${pick(TAXIDERMISTS)}'s short mark ${i + 1}`, w, mangle(w, int(1, 2))); }
for (let i = 0; i < 30; i++) t(`${pick(TAXIDERMISTS)}'s case card ${i + 1}`, pick(WORDS), pick(WORDS));
fs.writeFileSync('spec/levenshtein.test.mjs', out.join('\n') + '\n');
"""


def npm_project(tmp: Path) -> None:
    root = tmp / "eyetray"
    for d in ("src", "spec"):
        (root / d).mkdir(parents=True, exist_ok=True)
    run(f"ln -s {JS / 'node_modules'} node_modules", cwd=root)
    write_tree(root, {"package.json": json.dumps({"name": "eyetray", "version": "0.7.4", "type": "module",
                                                  "scripts": {"test": "node --test spec/"}}, indent=2) + "\n",
                      "gen.mjs": JL_GEN, "eslint.config.js": m290.ESLINT_CONFIG,
                      "src/package.json": json.dumps({"type": "commonjs"}) + "\n"})
    run(f"mkdir -p src/levenshtein && cp {JS}/node_modules/js-levenshtein/index.js src/levenshtein/", cwd=root)
    run("node gen.mjs && rm gen.mjs", cwd=root)  # expectations from the unbroken copy
    assert (root / "spec/levenshtein.test.mjs").exists(), "levenshtein.test.mjs not written"
    put_bugs(root / "src" / "levenshtein", JL_BUGS)
    env = {"PATH": f"{JS}/node_modules/.bin:/usr/bin:/bin"}
    cap("node-test-levenshtein-eyetray-tail-1700", "node --test spec/ 2>&1 | tail -n 1700", root, n_node_test,
        env=env, timeout=300)
    chain("chain-node-test-grep-exit-eyetray", "chain-test-exit", "test",
          [Part("node --test spec/ 2>&1 | grep -E '^not ok|^# (tests|pass|fail)'", n_node_test),
           Part("echo EXIT=$?", n_status_echo, ";")], root, env=env, timeout=300)
    cap("eslint-levenshtein-eyetray", "npx eslint src spec 2>&1 | head -n 700", root, n_eslint, env=env,
        timeout=300)


DOCS = {"doc": str(TMP.parent / "hm-corpus-wide704-docs")}


def specs(root: Path, env: dict) -> list:
    from capture_opencode import Spec
    from capture_wide15_langs import n_go_test
    from capture_wide15_oc import oc_ext
    from capture_wide191_oc import B, C
    S: list = [
        B("oc-bash-pytest-rA-tail-si-prefix", n_pytest,
          f"cd mountshop && PYTHONPATH=. {PYTEST} -rA --tb=short {SUITE} 2>&1 | tail -n 380"),
        B("oc-bash-ruff-full-si-prefix", n_ruff,
          f"ruff check --no-cache --isolated --select ALL --output-format=full mountshop/{MOD} "
          f"mountshop/{SUITE} mountshop/specimen_check.py 2>&1 | head -n 900"),
        B("oc-bash-git-blame-si-prefix", n_blame, f"cd mountshop-git && git blame -w {MOD} | sed -n 50,300p"),
        B("oc-bash-git-show-si-prefix-part", n_show, "cd mountshop-git && git show ':/^__init__: part 8 '"),
        B("oc-bash-git-log-p-si-prefix-reverse", n_log_p, "cd mountshop-git && git log -p --reverse | head -n 1400"),
        B("oc-bash-make-k-glasseye", n_make, "make -C glasseye -k -B 2>&1 | tail -n 300"),
        B("oc-bash-cargo-test-armature", n_cargo_test, "cd armature && cargo test 2>&1 | tail -n 450"),
        B("oc-bash-cargo-clippy-armature", n_clippy, "cd armature && cargo clippy 2>&1 | tail -n 450"),
        B("oc-bash-go-test-v-skinrack", n_go_test,
          "cd skinrack && GOFLAGS=-mod=mod GOPROXY=off GOTOOLCHAIN=local go test -v ./... 2>&1 | tail -n 350"),
        B("oc-bash-ps-aux-cpu-head-130", n_ps_aux, "ps auxww --sort=-pcpu | head -n 130 | cut -c1-300"),
        B("oc-bash-sqlite-specimens-largest", n_sqlite_col,
          "sqlite3 -header -column specimens.db \"SELECT kind, path, CAST(bytes AS INT) AS bytes, modified "
          "FROM specimens ORDER BY CAST(bytes AS INT) DESC LIMIT 200\""),
        B("oc-bash-csv-sort-specimens", n_csv, "(head -n 1 specimens.csv; tail -n +2 specimens.csv | sort -t, -k4 -n)"),
        B("oc-bash-log-grep-case-taxidermists", n_app_log,
          "grep -E 'case [1-9]( |,|$)|tray [0-9] cracked' taxidermists.log | head -n 400"),
        B("oc-bash-eslint-diorama", n_eslint, "cd diorama && npx eslint lib spec 2>&1 | head -n 900"),
    ]
    S.append(C("oc-bash-chain-mypy-strict-si-prefix", "chain-lint", "lint",
               [Part("cd mountshop", None), Part(f"MYPYPATH=. {MYPY} --pretty {MOD} {SUITE} specimen_check.py "
                                                "2>&1 | tail -n 300", n_mypy, "&&")],
               root, env, "Type-check si_prefix"))
    S.append(C("oc-bash-chain-git-status-diff-si-prefix", "chain-git-status-diff", "git",
               [Part("cd mountshop-git", None), Part("git status", n_status, "&&"), Part("git diff", n_diff, "&&")],
               root, env, "Show the working tree changes"))
    S.append(C("oc-bash-chain-node-test-exit-diorama", "chain-test-exit", "test",
               [Part("cd diorama", None), Part("node --test spec/ 2>&1 | tail -n 450", n_node_test, "&&"),
                Part("echo EXIT=$?", n_status_echo, ";")], root, env, "Test diorama"))
    S.append(C("oc-bash-chain-eslint-node-test-eyetray", "chain-lint", "lint",
               [Part("cd eyetray", None), Part("npx eslint src 2>&1 | tail -n 200", n_eslint, "&&"),
                Part("node --test spec/ 2>&1 | tail -n 150", n_node_test, ";")], root, env,
               "Lint and test eyetray"))
    S.append(C("oc-bash-chain-go-test-tail-exit-skinrack", "chain-test-exit", "test",
               [Part("cd skinrack", None), Part("GOFLAGS=-mod=mod GOPROXY=off GOTOOLCHAIN=local go test ./... 2>&1 "
                                               "| tail -n 80", n_go_test, "&&"),
                Part("echo EXIT=$?", n_status_echo, ";")], root, env, "Test skinrack"))
    fw = "doc/nodejs"
    O = [
        Spec("oc-grep-si-prefix-def-raise", "oc-grep", "search", "grep",
             {"pattern": r"def \w+\(|raise |return ", "path": "mountshop", "include": "__init__.py"}),
        Spec("oc-glob-glasseye-c", "oc-glob", "listing", "glob", {"pattern": "**/*.[ch]", "path": "glasseye"}),
        Spec("oc-read-py-si-prefix", "oc-read-source", "code", "read",
             {"filePath": f"{root}/mountshop/{MOD}"}, "python"),
        Spec("oc-webfetch-md-node-api-modules", "oc-webfetch-markdown", "doc", "webfetch",
             {"url": "{BASE}/" + fw + "/" + PAGE, "format": "markdown"}, source=f"{fw}/{PAGE}"),
        Spec("oc-webfetch-text-node-api-modules", "oc-webfetch-text", "doc", "webfetch",
             {"url": "{BASE}/" + fw + "/" + PAGE, "format": "text"}, source=f"{fw}/{PAGE}"),
    ]
    for spec in O:
        S.append((spec, oc_ext(spec.kind, spec.family, spec)))
    return S


def _doc_server(serve_dir: str):
    """capture_opencode.start_doc_server on the round's own loopback port (28704), round 672's way."""
    import functools
    import http.server
    import threading
    import capture_opencode as oco
    handler = functools.partial(oco._QuietHandler, directory=serve_dir)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 28704), handler)
    threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.1}, daemon=True).start()
    return server


def docs(tmp: Path) -> None:
    d = Path(DOCS["doc"]) / "nodejs"
    run(f"rm -rf {d} && mkdir -p {d} && cp {PAGE_DIR}/{PAGE} {d}/")


def opencode(tmp: Path) -> None:
    import functools
    import capture_opencode as oco
    from capture_wide191_oc import run_round
    orig = oco.start_doc_server, oco.StubServer
    oco.start_doc_server = _doc_server
    oco.StubServer = functools.partial(orig[1], port=38704)
    try:
        run_round(tmp, f"cp -r {tmp}/mountshop mountshop && cp -r {tmp}/sp-git mountshop-git && "
                  f"cp -r {tmp}/glasseye glasseye && cp -r {tmp}/armature armature && "
                  f"cp -r {tmp}/skinrack skinrack && cp -a {tmp}/diorama diorama && "
                  f"cp -a {tmp}/eyetray eyetray && "
                  f"cp {tmp}/data/specimens.db {tmp}/data/specimens.csv {tmp}/data/taxidermists.log .",
                  "find . -name __pycache__ -prune -exec rm -rf {} + ; rm -rf glasseye/build mountshop/.mypy_cache "
                  "mountshop/.ruff_cache mountshop/.pytest_cache",
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
    sys.modules.setdefault("capture_wide704", sys.modules["__main__"])
    main()
