"""Capture round 785 of the compression corpus (issue #11's kinds on real projects, most of them as OpenCode's tools
hand them over, no new rules), with names from a thatcher (reeds, spars, liggers, leggetts, ridges, thatchers):
engineering-notation 0.13.3 (its PyPI sdist) with bugs put in (project leggettry) under a seeded pytest suite written
here, ruff and mypy, and a chained traceback; a git history of its module and the test file; the real npm package
approximate-number 3.0.1 copied into a project (sparhook) with bugs put in, under a node --test suite generated here
from the unbroken copy, and eslint; a C project (ridgecomb) and a Rust crate (reedknot) from round 291's generators
imported and renamed; a Go module (ligwork) from round 273's make_steps imported with this round's words; CSV/sqlite
tables of /usr/share/doc files, ps aux, an application log; ONE headless OpenCode run over the same material (its
bash, grep, glob, read). Every kind's extractor is an earlier round's, imported (NEEDLES.md's "Round 785: no new
rules"). Round 765's layout and item list; its module imported for what takes no names.

Tools: engineering-notation 0.13.3 (PyPI sdist), approximate-number 3.0.1 (npm), pytest 9.2.0, ruff 0.17.6, mypy
2.4.1 (a venv under /dev/shm), eslint 10.16.0 with @eslint/js 10.0.1, node, gcc, GNU make, cargo/clippy, go, sqlite3,
git, and the pinned OpenCode (.tools/bin/opencode) driven by round 191's run_round.

Usage: /work/main/.venv/bin/python scripts/corpus/capture_wide785.py [--out FILE]   (W785_ONLY=step,step to run some)
Writes: scripts/corpus/data/wide785.json, ids prefixed "wide785-"."""

from __future__ import annotations

import csv
import importlib.util
import json
import os
import random
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402
import capture_wide9b as w9b  # noqa: E402
import capture_wide712 as w712  # noqa: E402
import capture_wide720 as w720  # noqa: E402
import capture_wide728 as w728  # noqa: E402
import capture_wide736 as w736  # noqa: E402
import capture_wide744 as w744  # noqa: E402
import capture_wide765 as w765  # noqa: E402

ID_PREFIX = "wide785-"
DEFAULT_OUT = HERE / "data" / "wide785.json"
TMP = Path("/dev/shm/hm-corpus-wide785-run")  # the material (emptied at the start and removed at the end)
HIST = TMP / "hist-src"  # the unbroken copy, packed for capture_material.history
TOOLS = Path("/dev/shm/hm-corpus-wide785")  # what is installed
SRC = TOOLS / "src"  # engineering_notation-0.13.3.tar.gz, its PyPI sdist
VENV = TOOLS / "venv"
JS = TOOLS / "js"  # eslint, @eslint/js, approximate-number
_SIZED = cm.Sized(400, 120_000)
add, cap = _SIZED.add, _SIZED.cap

import capture_wide273_go as g273  # noqa: E402
import capture_wide290_mat as m290  # noqa: E402
import capture_wide291_native as base  # noqa: E402
import capture_wide624 as w624  # noqa: E402
from capture_material import app_log, history, put_bugs  # noqa: E402
from capture_more import n_app_log, run, write_tree  # noqa: E402
from capture_wide import n_chained  # noqa: E402
from capture_wide9b import Part, chain, n_status_echo  # noqa: E402
from capture_wide15_data import n_csv, n_ls_lR, n_ps_aux, n_sqlite_col  # noqa: E402
from capture_wide15_diag import n_mypy, n_pytest, n_ruff  # noqa: E402
from capture_wide15_js import n_eslint, n_node_test  # noqa: E402
from capture_wide15_langs import n_cargo_build, n_cargo_test, n_gcc, n_make  # noqa: E402
from capture_wide15_oc import n_blame, n_diff, n_log_p, n_show, n_status  # noqa: E402
from capture_wide273_go import renamed  # noqa: E402
from capture_wide454 import drop_and_check  # noqa: E402

w9b.TMP = TMP
SEED = 78540
SV = "engineering_notation-0.13.3"
MOD = "engineering_notation/eng_notation.py"
TESTS = "tests/test_leggettry.py"
GIT_ENV, MYPY, PYTEST = w624.GIT_ENV, w624.MYPY, w624.PYTEST
PEOPLE = [("Walter Yealm", "walter@example.org"), ("Keziah Ligger", "keziah@example.org"),
          ("Walter Yealm", "walter@example.org"), ("Obadiah Spar", "obadiah@example.org"),
          ("Tamsin Leggett", "tamsin@example.org")]
BUGS = [(MOD, '"M": "e6",', '"M": "e5",'),
        (MOD, "if abs(Decimal(base)) >= 100.0:", "if abs(Decimal(base)) >= 1000.0:"),
        (MOD, "rest = rest[1:]", "rest = rest[2:]")]
WHO = ["Walter", "Keziah", "Obadiah", "Tamsin", "Jethro", "Mehitabel", "Ezra", "Lovday"]
WARES = ["reeds", "spars", "liggers", "yealms", "ridges", "eaves"]
PREFIXES = ["", "", "k", "M", "m", "u", "G", "n"]
UNITS = ["m", "g", "N", "Pa", "Hz", "W", "J", "s"]


def _qty(r: random.Random) -> str:
    whole = r.choice([r.randint(1, 9), r.randint(10, 99), r.randint(100, 999)])
    frac = r.choice(["", f".{r.randint(0, 9)}", f".{r.randint(10, 99)}"])
    return f"{r.choice(['', '', '-'])}{whole}{frac}{r.choice(PREFIXES)}"


def gen_tests(gp: Path) -> None:
    """tests/test_leggettry.py: seeded reed and spar quantities, each expectation from the UNBROKEN module."""
    spec = importlib.util.spec_from_file_location("eng_notation_unbroken", gp / MOD)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    r = random.Random(SEED)
    out = ["from engineering_notation import EngNumber, EngUnit", ""]
    for k in range(1, 241):
        who, ware = r.choice(WHO), r.choice(WARES)
        pick = r.random()
        if pick < 0.4:
            text = _qty(r)
            call, want = f"str(EngNumber({text!r}))", str(mod.EngNumber(text))
        elif pick < 0.6:
            text = _qty(r) + r.choice(UNITS)
            call, want = f"str(EngUnit({text!r}))", str(mod.EngUnit(text))
        elif pick < 0.75:
            value = round(r.uniform(1, 999) * 10 ** r.choice([-6, -3, 0, 3, 6]), r.randint(1, 8))
            sig = r.choice([2, 3, 4])
            call, want = (f"str(EngNumber({value!r}, significant={sig}))",
                          str(mod.EngNumber(value, significant=sig)))
        elif pick < 0.87:
            text = _qty(r).lstrip("-")
            call, want = f"EngNumber({text!r}).to_pn()", mod.EngNumber(text).to_pn()
        else:
            a, b = _qty(r), _qty(r)
            call, want = f"str(EngNumber({a!r}) + EngNumber({b!r}))", str(mod.EngNumber(a) + mod.EngNumber(b))
        out.append(f"def test_{ware}_{k:03d}_{who.lower()}():\n"
                   f"    assert {call} == {want!r}\n")
    (gp / "tests").mkdir(exist_ok=True)
    (gp / TESTS).write_text("\n\n".join(out) + "\n")


SCRIPT = r"""import random

from engineering_notation import EngNumber


class SparTallyError(Exception):
    pass


STANDARD = {"hazel spars": ("2.4k", 2400.0), "water reed stems": ("1.8M", 1800000.0),
            "liggers (mm)": ("950", 950.0), "tarred twine (m)": ("1.2k", 1200.0),
            "long straw stems": ("3.5M", 3500000.0), "ridge sedge (g)": ("640k", 640000.0),
            "yealm wetting (ml)": ("12k", 12000.0)}
r = random.Random(78540)
BOOKS = []
for who in ["Walter Yealm", "Keziah Ligger", "Obadiah Spar", "Tamsin Leggett"]:
    rows = [r.choice(sorted(STANDARD)) for _ in range(5)]
    BOOKS.append({"who": who, "rows": [(name, *STANDARD[name]) for name in rows]})


def check(book):
    try:
        for n, (name, written, value) in enumerate(book["rows"]):
            got = float(EngNumber(written))
            if got != value:
                raise ValueError(f"row {n}: {name} written {written!r} reads as {got!r}, the spar book says {value!r}")
        return len(book["rows"])
    except ValueError as exc:
        raise SparTallyError(f"spar tally: {book['who']}'s spar book read off the ridge "
                             f"({len(BOOKS)} thatchers' books)") from exc


print(f"thatcher: {len(BOOKS)} thatchers' spar books of quantities to check")
for book in BOOKS:
    print(book["who"], "->", check(book))
"""


def source(tmp: Path) -> None:
    cm.download_sdists(SRC, "engineering_notation-*.tar.gz", ["engineering-notation==0.13.3"])
    cm.install_venv(VENV, "mypy", ["pytest==9.2.0", "ruff==0.17.6", "mypy==2.4.1"])
    cm.install_npm(JS, "approximate-number", ["eslint@10.16.0", "@eslint/js@10.0.1", "approximate-number@3.0.1"])
    for need in (SRC / f"{SV}.tar.gz", VENV / "bin/mypy", JS / "node_modules/approximate-number/lib/approximate-number.js",
                 JS / "node_modules/.bin/eslint"):
        assert need.exists(), f"material step failed: {need}"
    if str(VENV / "bin") not in cm.PATH_PREFIX:
        cm.PATH_PREFIX.insert(0, str(VENV / "bin"))


def python(tmp: Path) -> None:
    run(f"tar --no-same-owner -xzf {SRC}/{SV}.tar.gz && mv {SV} leggettry && rm -f leggettry/tests/test_engnum.py",
        cwd=tmp)
    gp = tmp / "leggettry"
    assert (gp / MOD).exists(), "engineering-notation not unpacked"
    gen_tests(gp)
    run(f"rm -rf {HIST} && mkdir -p {HIST} && cp -r leggettry {HIST}/{SV} && cd {HIST} && "
        f"tar czf {SV}.tar.gz {SV} && rm -rf {SV}", cwd=tmp)
    put_bugs(gp, BUGS)
    env = {"PYTHONPATH": str(gp), "MYPYPATH": str(gp)}
    cap("pytest-engnotation-leggettry-v-tbshort", f"{PYTEST} -p no:cacheprovider -v --tb=short tests 2>&1 | "
        "tail -n 1200", gp, n_pytest, env=env, timeout=600)
    chain("chain-engnotation-pytest-q-exit", "chain-test-exit", "test",
          [Part(f"{PYTEST} -p no:cacheprovider -q --tb=line tests 2>&1 | tail -n 400", n_pytest),
           Part("echo EXIT=$?", n_status_echo, ";")], gp, env=env, timeout=600)
    cap("ruff-full-engnotation-tests", "ruff check --no-cache --isolated --select E,F,W,B,UP,SIM,PL,ANN,D "
        "--output-format=full engineering_notation tests 2>&1 | head -n 1400", gp, n_ruff, timeout=300)
    cap("mypy-strict-engnotation-module", f"{MYPY} {MOD} tests 2>&1 | tail -n 400", gp, n_mypy, env=env,
        timeout=300)
    (gp / "spar_tally.py").write_text(SCRIPT)
    cap("python-chained-traceback-spar-tally", "python3 spar_tally.py", gp, n_chained, env=env)


def git_history(tmp: Path) -> None:
    repo = history(tmp, HIST, "spar", SV, [MOD, TESTS], PEOPLE, SEED, 30, BUGS)
    cap("git-log-p-engnotation-head-1200", "git log -p | head -n 1200", repo, n_log_p, env=GIT_ENV)
    cap("git-log-p-stat-engnotation-head-2400", "git log -p --stat | head -n 2400", repo, n_log_p, env=GIT_ENV)


LOG_MSGS = {
    "INFO": lambda r: f"roof {r.randint(100, 999)} for {r.choice(WHO)}: {r.randint(2, 9)} courses laid on "
                      f"{r.choice(['water reed', 'long straw', 'combed wheat', 'sedge ridge', 'heather'])}, "
                      f"yealm {r.randint(1, 6)} of {r.randint(6, 7)}",
    "DEBUG": lambda r: f"spars {r.choice(['split', 'twisted', 'pointed', 'soaked'])} {r.randint(10, 60)} "
                       f"min for {r.choice(['ridgecomb', 'reedknot', 'ligwork'])}, batch "
                       f"{r.randint(100, 999)}, {r.randint(3, 9)} liggers pegged",
    "WARNING": lambda r: f"course {r.randint(1, 40)} out of line at eave {r.randint(2, 60)} on "
                         f"{r.choice(['Reed Stack', 'Spar Block', 'Leggett Rack'])}, {r.randint(1, 6)} "
                         f"yealms redrawn",
    "ERROR": lambda r: f"ridge {r.randint(1, 8)} slipped at bay {r.randint(2, 32)}, {r.randint(1, 9)} "
                       f"{r.choice(['spars', 'liggers', 'yealms', 'bundles'])} lost (tally "
                       f"{r.randint(1, 60)})",
}
DIRS = ("/usr/share/doc/fontconfig", "/usr/share/doc/bzip2-doc", "/usr/share/doc/apt", "/usr/share/doc/autoconf",
        "/usr/share/doc/automake", "/usr/share/doc/fakeroot", "/usr/share/doc/file")
assert not set(DIRS) & (set(w712.DIRS) | set(w720.DIRS) | set(w728.DIRS) | set(w736.DIRS) | set(w744.DIRS)
                        | set(w765.DIRS)), "earlier doc dirs"


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
    with open(d / "drawnreed.csv", "w", newline="") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(["path", "kind", "name", "bytes", "links", "modified"])
        w.writerows(rows)
    run("sqlite3 drawnreed.db '.mode csv' '.import drawnreed.csv parts'", cwd=d)
    assert (d / "drawnreed.db").exists(), "sqlite import"
    cap("ls-laR-doc-dirs-fontconfig-apt", "ls -laR " + " ".join(d_ for d_ in DIRS if Path(d_).exists()), d, n_ls_lR)
    cap("sqlite-column-drawnreed-kinds", "sqlite3 -header -column drawnreed.db \"SELECT kind, COUNT(*) AS "
        "files, SUM(CAST(bytes AS INT)) AS bytes, MAX(modified) AS newest FROM parts GROUP BY kind ORDER BY files "
        "DESC\"", d, n_sqlite_col)
    app_log(d / "drawnreed.log", 78544, 1500, ["thatch.reed", "thatch.spar", "thatch.ridge", "thatch.ligger"],
            LOG_MSGS, 7854, "2026-12-04")
    cap("app-log-drawnreed-tail-600", "tail -n 600 drawnreed.log", d, n_app_log)
    chain("chain-log-grep-error-drawnreed", "chain-log", "logs",
          [Part("grep -E ' (WARNING|ERROR) ' drawnreed.log | head -n 240", n_app_log),
           Part("grep -c ERROR drawnreed.log", None, ";")], d)


C_NEW = ("RIDGECOMB_H", "ridgecomb", "course_t", "courses", "comb_t", "comb_weight", "comb_find",
         "reed_permille", "spar_g", "hazel", "drives", "reed_count_", "_yealm", '"yealm ', "comb")
C_RENAMES = tuple((old, new) for (old, _), new in zip(w624.C_RENAMES, C_NEW, strict=True))
RS_NEW = ("reedknot", "0.7.85", "Reed knot: bundle count from reed bore, ridge load and a ranking of "
          "bundles.", "bundle_n", "ridge_load", "reed_um", "spar_um", "yealm_count", "ridge_", "ridge ",
          "bundle not on", "roof limit", "bundles", "odd_")
RS_RENAMES = tuple((old, new) for (old, _), new in zip(w624.RS_RENAMES, RS_NEW, strict=True))


def c_build(tmp: Path) -> None:
    root = tmp / "ridgecomb"
    rnd = random.Random(78542)
    files = {"src/ridgecomb.h": renamed(base.GATE_H, C_RENAMES),
             "src/combframe.c": renamed(base.GATE_C, C_RENAMES)}
    for k in range(30):
        files[f"src/reed_{k:02d}.c"] = renamed(base.gen_c(k, rnd), C_RENAMES)
    objs = " ".join(f"build/{Path(p).stem}.o" for p in files if p.endswith(".c"))
    files["Makefile"] = ("CC=gcc\nCFLAGS=-Wall -Wextra -O1 -Isrc\nOBJS=" + objs + "\n\nall: ridgecomb\n\n"
                         "ridgecomb: $(OBJS)\n\t$(CC) -o $@ $(OBJS)\n\nbuild/%.o: src/%.c src/ridgecomb.h\n"
                         "\t@mkdir -p build\n\t$(CC) $(CFLAGS) -c $< -o $@\n\nclean:\n\trm -rf build ridgecomb\n")
    write_tree(root, files)
    chain("chain-make-k-ridgecomb-exit", "chain-build-exit", "build",
          [Part("make -k -j1 2>&1 | tail -n 400", n_make), Part("echo EXIT=$?", n_status_echo, ";")], root,
          timeout=600)
    cap("gcc-syntax-ridgecomb-reed", "gcc -Wall -Wextra -fsyntax-only -Isrc src/combframe.c "
        "src/reed_1[0-9].c", root, n_gcc, timeout=300)
    run("rm -rf build ridgecomb", cwd=root)


def rust(tmp: Path) -> None:
    root = tmp / "reedknot"
    rnd = random.Random(78543)
    broken = renamed(base.BROKEN, RS_RENAMES)
    write_tree(root, {"Cargo.toml": renamed(base.CARGO, RS_RENAMES), "src/lib.rs": renamed(base.LIB, RS_RENAMES),
                      "src/broken.rs": broken, "src/runs.rs": renamed(base.gen_runs(rnd, 120), RS_RENAMES)})
    env = {"CARGO_TARGET_DIR": str(tmp / "reedknot-target"), "CARGO_TERM_COLOR": "never",
           "CARGO_BUILD_JOBS": "1"}
    cap("cargo-build-errors-reedknot", "cargo build 2>&1", root, n_cargo_build, env=env, timeout=600)
    for line in ("    let label: String = idx.len();\n", "    idx.push(yealm_count);\n"):
        assert line in broken, line
        broken = broken.replace(line, "")
    (root / "src/broken.rs").write_text(broken)
    cap("cargo-test-reedknot-tail", "cargo test 2>&1 | grep -v '^test .* ok$' | tail -n 400", root,
        n_cargo_test, env=env, timeout=600)


GO_NEW = ("ligwork", "ligcount", "workshop host", "bundles left, days", "nothing left to lay",
          "laying order", "reed grade", "Yealm", "yealm", "Roof", "roof", "Ridge", "ridge", "Spars", "spars")
GO_RENAMES = tuple((old, new) for (old, _), new in zip(w624.GO_RENAMES, GO_NEW, strict=True))
BENCHES = ["Reed Stack", "Spar Block", "Leggett Rack", "Ligger Shed", "Ridge Board", "Eaves Ladder",
           "Yealm Bed", "Hazel Stool", "Sedge Loft", "Tally Board", "Twine Chest", "Bench Eight"]
GO_STEP = g273.make_steps(cap, "ligwork", "ligcount", 78541, BENCHES, GO_RENAMES)[0]


def go(tmp: Path) -> None:
    GO_STEP(tmp)
    (tmp / "ligwork" / "restock.go").unlink(missing_ok=True)


AND = "src/approx"
AN_BUGS = [("lib/approximate-number.js", "if (i && i % 3 === 0) {", "if (i && i % 4 === 0) {"),
           ("lib/approximate-number.js", "value = workingNum < 10 ?", "value = workingNum < 1 ?"),
           ("lib/approximate-number.js", "numString = `${formatDec(num, MILLION, opts)}m`;",
            "numString = `${formatDec(num, MILLION, opts)}k`;")]

# Writes spec/approx.test.mjs: the thatcher's seeded counts, each expectation from the UNBROKEN copy.
AN_GEN = r"""
import fs from 'node:fs';
import approximateNumber from './src/approx/lib/approximate-number.js';
let seed = 78546;
const rnd = () => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed / 2147483648; };
const pick = (xs) => xs[Math.floor(rnd() * xs.length)];
const WHO = ['Walter', 'Keziah', 'Obadiah', 'Tamsin', 'Jethro', 'Mehitabel', 'Ezra', 'Lovday'];
const JOBS = ['reed count', 'spar split', 'ligger run', 'leggett dress', 'ridge cut', 'yealm draw'];
const J = JSON.stringify;
const out = ["import {test} from 'node:test';", "import assert from 'node:assert/strict';",
  "import approximateNumber, {addCommas} from '../src/approx/lib/approximate-number.js';", ''];
for (let n = 1; n <= 200; n++) {
  const mag = pick([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 12, 13]);
  let num = Math.floor(rnd() * 10 ** mag);
  if (rnd() < 0.15) { num = -num; }
  const opts = {};
  if (rnd() < 0.25) { opts.round = true; }
  if (rnd() < 0.2) { opts.min10k = true; }
  if (rnd() < 0.15) { opts.capital = true; }
  if (rnd() < 0.15) { opts.separator = pick(['.', ' ', false]); }
  if (rnd() < 0.1) { opts.decimal = pick([',', false]); }
  if (rnd() < 0.1) { opts.precision = pick([2, 3, 4]); }
  if (rnd() < 0.1) { opts.suffix = pick([' reeds', ' spars']); }
  const f = rnd();
  let call;
  if (f < 0.8) { call = Object.keys(opts).length ? `approximateNumber(${num}, ${J(opts)})` : `approximateNumber(${num})`; }
  else { call = `addCommas(${Math.abs(num)}, ${J(opts.separator === undefined ? {} : {separator: opts.separator})})`; }
  const want = new Function('approximateNumber', 'addCommas', `return ${call};`)(approximateNumber, approximateNumber.addCommas);
  out.push(`test(${J(`${pick(WHO)}'s ${pick(JOBS)} ${n}: ${num}`)}, () => {\n  assert.equal(${call}, ${J(want)});\n});`);
}
fs.writeFileSync('spec/approx.test.mjs', out.join('\n') + '\n');
"""


def npm_project(tmp: Path) -> None:
    root = tmp / "sparhook"
    for d in (AND + "/lib", "spec"):
        (root / d).mkdir(parents=True, exist_ok=True)
    run(f"ln -s {JS / 'node_modules'} node_modules", cwd=root)
    write_tree(root, {"package.json": json.dumps({"name": "sparhook", "version": "0.7.85", "type": "module",
                                                  "scripts": {"test": "node --test spec/"}}, indent=2) + "\n",
                      "gen.mjs": AN_GEN, "eslint.config.js": m290.ESLINT_CONFIG})
    pkg = JS / "node_modules/approximate-number"
    run(f"cp {pkg}/package.json {AND}/ && cp {pkg}/lib/*.js {AND}/lib/", cwd=root)
    assert (root / AND / "lib/approximate-number.js").exists(), "approximate-number not copied"
    run("node gen.mjs && rm gen.mjs", cwd=root)
    assert (root / "spec/approx.test.mjs").exists(), "approx.test.mjs not written"
    put_bugs(root / AND, AN_BUGS)
    env = {"PATH": f"{JS}/node_modules/.bin:/usr/bin:/bin"}
    cap("node-test-approx-sparhook-tail-1700", "node --test spec/ 2>&1 | tail -n 1700", root, n_node_test,
        env=env, timeout=300)
    cap("node-test-approx-sparhook-tail-2600", "node --test spec/ 2>&1 | tail -n 2600", root, n_node_test,
        env=env, timeout=300)
    chain("chain-node-test-grep-exit-sparhook", "chain-test-exit", "test",
          [Part("node --test spec/ 2>&1 | grep -E '^not ok|^# (tests|pass|fail)'", n_node_test),
           Part("echo EXIT=$?", n_status_echo, ";")], root, env=env, timeout=300)
    cap("eslint-approx-sparhook", "npx eslint src spec 2>&1 | head -n 700", root, n_eslint, env=env,
        timeout=300)


def specs(root: Path, env: dict) -> list:
    from capture_opencode import Spec
    from capture_wide15_langs import n_clippy, n_go_test
    from capture_wide15_oc import oc_ext
    from capture_wide191_oc import B, C
    go_env = "GOFLAGS=-mod=mod GOPROXY=off GOTOOLCHAIN=local"
    S: list = [
        B("oc-bash-pytest-rA-tail-engnotation", n_pytest,
          f"cd leggettry && PYTHONPATH=. {PYTEST} -p no:cacheprovider -rA --tb=short tests 2>&1 | tail -n 380"),
        B("oc-bash-ruff-full-engnotation", n_ruff,
          f"ruff check --no-cache --isolated --select ALL --output-format=full leggettry/{MOD} "
          f"leggettry/spar_tally.py 2>&1 | head -n 900"),
        B("oc-bash-git-blame-engnotation", n_blame, f"cd leggettry-git && git blame -w {MOD}"),
        B("oc-bash-git-show-engnotation-part", n_show, "cd leggettry-git && git show HEAD~3"),
        B("oc-bash-git-log-p-engnotation-reverse", n_log_p,
          "cd leggettry-git && git log -p --reverse | head -n 900"),
        B("oc-bash-make-k-ridgecomb", n_make, "make -C ridgecomb -k -B 2>&1 | tail -n 300"),
        B("oc-bash-cargo-test-reedknot", n_cargo_test, "cd reedknot && cargo test 2>&1 | tail -n 450"),
        B("oc-bash-cargo-clippy-reedknot", n_clippy, "cd reedknot && cargo clippy 2>&1 | tail -n 450"),
        B("oc-bash-go-test-v-ligwork", n_go_test,
          f"cd ligwork && {go_env} go test -v ./... 2>&1 | tail -n 350"),
        # the sandbox's own processes (lines holding binary_backend) are filtered out by the command itself
        B("oc-bash-ps-aux-cpu-head-130", n_ps_aux,
          "ps auxww --sort=-pcpu | grep -v binary_backend | head -n 130 | cut -c1-300"),
        B("oc-bash-sqlite-drawnreed-largest", n_sqlite_col,
          "sqlite3 -header -column drawnreed.db \"SELECT kind, path, CAST(bytes AS INT) AS bytes, modified "
          "FROM parts ORDER BY CAST(bytes AS INT) DESC LIMIT 200\""),
        B("oc-bash-csv-sort-drawnreed", n_csv,
          "(head -n 1 drawnreed.csv; tail -n +2 drawnreed.csv | sort -t, -k4 -n | tail -n 400)"),
        B("oc-bash-log-grep-yealm-drawnreed", n_app_log,
          "grep -E 'yealm [1-6] of|ridge [0-9] slipped' drawnreed.log | head -n 400"),
        B("oc-bash-eslint-sparhook", n_eslint, "cd sparhook && npx eslint src spec 2>&1 | head -n 900"),
    ]
    S.append(C("oc-bash-chain-mypy-strict-engnotation", "chain-lint", "lint",
               [Part("cd leggettry", None), Part(f"MYPYPATH=. {MYPY} --pretty {MOD} spar_tally.py "
                                                 "2>&1 | tail -n 300", n_mypy, "&&")],
               root, env, "Type-check engineering_notation"))
    S.append(C("oc-bash-chain-git-status-diff-engnotation", "chain-git-status-diff", "git",
               [Part("cd leggettry-git", None), Part("git status", n_status, "&&"), Part("git diff", n_diff, "&&")],
               root, env, "Show the working tree changes"))
    S.append(C("oc-bash-chain-node-test-exit-sparhook", "chain-test-exit", "test",
               [Part("cd sparhook", None), Part("node --test spec/ 2>&1 | tail -n 450", n_node_test, "&&"),
                Part("echo EXIT=$?", n_status_echo, ";")], root, env, "Test sparhook"))
    S.append(C("oc-bash-chain-go-test-tail-exit-ligwork", "chain-test-exit", "test",
               [Part("cd ligwork", None), Part(f"{go_env} go test ./... 2>&1 | tail -n 80", n_go_test, "&&"),
                Part("echo EXIT=$?", n_status_echo, ";")], root, env, "Test ligwork"))
    O = [
        Spec("oc-grep-engnotation-lookups", "oc-grep", "search", "grep",
             {"pattern": r"_suffix_lookup|_exponent_lookup_scaled|Decimal\(", "path": "leggettry/engineering_notation",
              "include": "*.py"}),
        Spec("oc-glob-ridgecomb-c", "oc-glob", "listing", "glob",
             {"pattern": "**/*.[ch]", "path": "ridgecomb"}),
        Spec("oc-read-py-leggettry-tests", "oc-read-source", "code", "read",
             {"filePath": f"{root}/leggettry/{TESTS}"}, "python"),
    ]
    for spec in O:
        S.append((spec, oc_ext(spec.kind, spec.family, spec)))
    return S


def _doc_server(serve_dir: str):
    import functools
    import http.server
    import threading
    import capture_opencode as oco
    handler = functools.partial(oco._QuietHandler, directory=serve_dir)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 28785), handler)
    threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.1}, daemon=True).start()
    return server


def opencode(tmp: Path) -> None:
    import functools
    import capture_opencode as oco
    from capture_wide191_oc import run_round
    orig = oco.start_doc_server, oco.StubServer
    oco.start_doc_server = _doc_server
    oco.StubServer = functools.partial(orig[1], port=38785)
    docs = tmp / "docs"
    docs.mkdir(exist_ok=True)
    (docs / "index.html").write_text("<html><body><h1>thatcher</h1></body></html>\n")
    try:
        run_round(tmp, f"cp -r {tmp}/leggettry leggettry && cp -r {tmp}/spar-git leggettry-git && "
                  f"cp -r {tmp}/ridgecomb ridgecomb && cp -r {tmp}/reedknot reedknot && "
                  f"cp -r {tmp}/ligwork ligwork && cp -a {tmp}/sparhook sparhook && "
                  f"cp {tmp}/data/drawnreed.db {tmp}/data/drawnreed.csv {tmp}/data/drawnreed.log .",
                  "find . -name __pycache__ -prune -exec rm -rf {} + ; rm -rf ridgecomb/build "
                  "leggettry/.mypy_cache leggettry/.ruff_cache leggettry/.pytest_cache",
                  {"doc": str(docs)}, str(VENV), str(JS), specs, add, seed=SEED)
    finally:
        oco.start_doc_server, oco.StubServer = orig


def python_then_history(tmp: Path) -> None:
    python(tmp)
    git_history(tmp)


def main() -> None:
    only = os.environ.get("W785_ONLY")
    steps = [source, python_then_history, rust, c_build, go, npm_project, data, opencode]
    if only:
        steps = [s for s in steps if s.__name__ in only.split(",")]
    cm.capture_round(__doc__, lambda: None, lambda: steps, ID_PREFIX, DEFAULT_OUT, TMP,
                     bands=(3_000, 10_000, 60_000))
    out = Path(sys.argv[sys.argv.index("--out") + 1]) if "--out" in sys.argv else DEFAULT_OUT
    drop_and_check(out)


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide785", sys.modules["__main__"])
    main()
