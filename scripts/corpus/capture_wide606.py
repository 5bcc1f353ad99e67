"""Capture round 606 of the compression corpus (issue #11's kinds on real projects, most of them as OpenCode's tools
hand them over, no new rules), with names from a cutlers' works (blades, hafts, grinders): py_expression_eval 0.3.14
(its PyPI sdist) with bugs put in (project bladehall) under its own test suite, ruff and mypy, and a chained traceback;
a git history of its py_expression_eval/__init__.py, py_expression_eval/tests.py and setup.py; the real npm package
timestring 7.0.0 copied into a project (whetboard) with bugs put in, under a node --test suite generated here from the
unbroken package, and eslint; a C project (haftrow) and a Rust crate (cutlerworks) from round 291's generators imported
and renamed; a Go module (tanghold) from round 273's make_steps imported with this round's words; a JavaScript project
(grinderstack) from round 290's module and generator imported and renamed; CSV/sqlite tables of /usr/share/doc files,
ps aux, an application log, valgrind's manual-writing-tools.html on loopback; ONE headless OpenCode run over the same
material (its bash, grep, glob, read, webfetch). Every kind's extractor is an earlier round's, imported (NEEDLES.md's
"Round 606: no new rules"). The glue follows capture_wide600.py (material, words, seeds and ports this round's)."""

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

ID_PREFIX = "wide606-"
DEFAULT_OUT = HERE / "data" / "wide606.json"
TMP = Path("/dev/shm/hm-corpus-wide606")
SRC = Path("/dev/shm/hm-corpus-wide606-src")  # py_expression_eval-0.3.14.tar.gz, its PyPI sdist
VENV = Path("/dev/shm/hm-corpus-wide606-venv")  # the round's own tools: pytest, ruff, mypy
JS = Path("/dev/shm/hm-corpus-wide606-js")  # the round's own npm project: eslint, @eslint/js, typescript, timestring
w9b.TMP = TMP
_SIZED = cm.Sized(400, 120_000)
add, cap = _SIZED.add, _SIZED.cap

import capture_wide273_go as g273  # noqa: E402
import capture_wide290_mat as m290  # noqa: E402
import capture_wide291_native as base  # noqa: E402
import capture_wide299_mat as m299  # noqa: E402
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

w9b.TMP = TMP  # importing earlier rounds' modules may set round 9b's chain state dir to theirs
SEED = 60610
SV = "py_expression_eval-0.3.14"
MOD = "py_expression_eval/__init__.py"
MOD2 = "py_expression_eval/tests.py"
PG = "setup.py"
GIT_ENV = {"GIT_CONFIG_NOSYSTEM": "1", "GIT_CONFIG_GLOBAL": "/dev/null"}
PEOPLE = [("Abel Hafter", "abel@example.org"), ("Phoebe Whetstone", "phoebe@example.org"),
          ("Abel Hafter", "abel@example.org"), ("Silas Grinder", "silas@example.org"),
          ("Keziah Bolster", "keziah@example.org")]
BUGS = [(MOD, "            if operator.prio_ <= operstack[len(operstack) - 1].prio_:\n",
         "            if operator.prio_ < operstack[len(operstack) - 1].prio_:\n"),
        (MOD, "        return math.sqrt(a * a + b * b)\n", "        return math.sqrt(a * a + b)\n"),
        (MOD, '            "<=": self.lessThanEqual,\n', '            "<=": self.lessThan,\n')]
MYPY = "mypy --strict --config-file /dev/null --no-incremental --cache-dir=/dev/null"
PYTEST = "python -m pytest --color=no -p no:cacheprovider -o addopts="

SCRIPT = r"""from py_expression_eval import Parser


class BladeTallyError(Exception):
    pass


# the cutlers' works' day tallies: each grinder's formula, its values and the number the tally book holds for it
BOOK = [("Abel Hafter", "dozens * 12 + odd", {"dozens": 14, "odd": 5}, 173),
        ("Phoebe Whetstone", "blades * 12 - seconds - rejects", {"blades": 40, "seconds": 9, "rejects": 4}, 467),
        ("Silas Grinder", "pyt(haft, tang) * 2", {"haft": 3, "tang": 4}, 10.0)]
PARSER = Parser()


def tally(who, formula, values, want):
    try:
        got = PARSER.parse(formula).evaluate(values)
        if got != want:
            raise ValueError(f"{formula}: {got!r} blades, the tally book says {want!r}")
        return f"{got} ({len(values)} values)"
    except ValueError as exc:
        raise BladeTallyError(f"tally book: {who}'s blades do not square "
                              f"({len(BOOK)} grinders, Sheffield wheel)") from exc


print(f"cutlers' works: {len(BOOK)} tallies to check")
for who, formula, values, want in BOOK:
    print(who, "->", tally(who, formula, values, want))
"""


def source(tmp: Path) -> None:
    """SRC/py_expression_eval-0.3.14.tar.gz (its PyPI sdist), the round's venv and npm project."""
    cm.download_sdists(SRC, "py_expression_eval-*.tar.gz", ["py_expression_eval==0.3.14"])
    cm.install_venv(VENV, "mypy", ["pytest", "ruff", "mypy"])
    cm.install_npm(JS, "timestring", ["eslint", "@eslint/js", "typescript", "timestring@7.0.0"])
    if str(VENV / "bin") not in cm.PATH_PREFIX:
        cm.PATH_PREFIX.insert(0, str(VENV / "bin"))


def python(tmp: Path) -> None:
    run(f"tar --no-same-owner -xzf {SRC}/{SV}.tar.gz && mv {SV} bladehall", cwd=tmp)
    cp = tmp / "bladehall"
    put_bugs(cp, BUGS)
    env = {"PYTHONPATH": str(cp), "MYPYPATH": str(cp)}
    cap("pytest-expression-eval-bladehall-v-tbshort", f"{PYTEST} -v --tb=short {MOD2}", cp, n_pytest, env=env,
        timeout=300)
    chain("chain-expression-eval-pytest-q-exit", "chain-test-exit", "test",
          [Part(f"{PYTEST} -q --tb=long {MOD2}", n_pytest), Part("echo EXIT=$?", n_status_echo, ";")], cp, env=env,
          timeout=300)
    cap("mypy-strict-expression-eval", f"{MYPY} {MOD} {MOD2} 2>&1 | tail -n 400", cp, n_mypy, env=env, timeout=300)
    (cp / "blade_check.py").write_text(SCRIPT)
    cap("python-chained-traceback-blade-check", "python3 blade_check.py", cp, n_chained, env=env)


def git_history(tmp: Path) -> None:
    repo = history(tmp, SRC, "py_expression_eval", SV, [MOD, MOD2, PG], PEOPLE, SEED, 40, BUGS)
    (repo / "NOTES.local").write_text("equal priorities bind right; pyt misses b squared; <= is strict\n")
    cap("git-log-p-expression-eval-head-1300", "git log -p | head -n 1300", repo, n_log_p, env=GIT_ENV)


LOG_MSGS = {
    "INFO": lambda r: f"wheel {r.randint(100, 999)} for {r.choice(['Abel', 'Phoebe', 'Silas', 'Keziah'])}: "
                      f"{r.randint(2, 24)} dozen {r.choice(['table knives', 'pen blades', 'razors'])} ground, "
                      f"{r.randint(1, 9)} gross hafted, hull {r.randint(1, 30)}",
    "DEBUG": lambda r: f"grinder {r.choice(['upper', 'lower', 'weir'])} wheel dressed {r.randint(20, 120)} times on "
                       f"{r.choice(['Brinscall', 'Wickersley', 'Bilston'])} stone, trough {r.randint(100, 999)}, "
                       f"tang {r.randint(1, 4)}",
    "WARNING": lambda r: f"hull {r.randint(1, 40)} stone cracked at face {r.randint(3, 90)}, wobble {r.randint(2, 12)} "
                         f"thou over at {r.choice(['Blade Hall', 'Haft Room', 'Grinding Hull'])}, "
                         f"{r.randint(1, 6)} dozen held",
    "ERROR": lambda r: f"gross {r.randint(1, 8)} short at hull {r.randint(2, 32)}, {r.randint(1, 9)} "
                       f"{r.choice(['blades', 'hafts', 'bolsters', 'tangs'])} lost (tally {r.randint(1, 60)})",
}
DIRS = ("/usr/share/doc/adduser", "/usr/share/doc/groff-base")
PAGE_DIR = "/usr/share/doc/valgrind/html"
PAGE = "manual-writing-tools.html"


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
    with open(d / "blades.csv", "w", newline="") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(["path", "kind", "name", "bytes", "links", "modified"])
        w.writerows(rows)
    run("sqlite3 blades.db '.mode csv' '.import blades.csv blades'", cwd=d)
    cap("ls-laR-adduser-groff-base", "ls -laR " + " ".join(DIRS) + " | head -n 900", d, n_ls_lR)
    app_log(d / "cutlers.log", 60614, 1500, ["cutlers.grinding", "cutlers.hafting", "cutlers.hall", "cutlers.wheels"],
            LOG_MSGS, 6061, "2026-12-03")
    cap("app-log-cutlers-tail-500", "tail -n 500 cutlers.log", d, n_app_log)
    chain("chain-log-grep-error-cutlers", "chain-log", "logs",
          [Part("grep -E ' (WARNING|ERROR) ' cutlers.log | head -n 280", n_app_log),
           Part("grep -c ERROR cutlers.log", None, ";")], d)
    srv = cm.start(f"cd {PAGE_DIR} && exec python3 -m http.server 18606 --bind 127.0.0.1")
    try:
        time.sleep(1.5)
        cap("curl-html-valgrind-writing-tools-head", f"curl -s http://127.0.0.1:18606/{PAGE} | head -n 1400", d, n_html)
    finally:
        os.killpg(srv.pid, signal.SIGTERM)


# round 291's words (the left-hand sides), then this round's
C_RENAMES = (("SPOOLGATE_H", "HAFTROW_H"), ("spoolgate", "haftrow"), ("spool_t", "haft_t"),
             ("spools", "hafts"), ("gate_t", "row_t"), ("gate_weight", "row_weight"),
             ("gate_find", "row_find"), ("twist_permille", "temper_permille"), ("yarn_g", "steel_g"),
             ("fibre", "horn"), ("passes", "grindings"), ("twist_count_", "temper_count_"), ("_lot", "_gross"),
             ('"lot ', '"gross '), ("gate", "row"))
RS_RENAMES = (("tillerhorn", "cutlerworks"), ("0.7.3", "0.6.6"), ("Tiller horns: sweep from horn bore, helm load "
              "and a ranking of tiller fits.", "Cutler works: bevel from tang bore, wheel load and a "
              "ranking of blade fits."),
              ("sweep_n", "bevel_n"), ("helm_load", "wheel_load"), ("bore_um", "tang_um"),
              ("pintle_um", "rivet_um"), ("horn_count", "blade_count"), ("helm_", "wheel_"), ("helm ", "wheel "),
              ("sweep not on", "bevel not on"), ("rudder limit", "gross limit"), ("fits", "blades"),
              ("spare_", "odd_"))


def c_build(tmp: Path) -> None:
    root = tmp / "haftrow"
    rnd = random.Random(60612)
    files = {"src/haftrow.h": renamed(base.GATE_H, C_RENAMES),
             "src/rowframe.c": renamed(base.GATE_C, C_RENAMES)}
    for k in range(30):
        files[f"src/temper_{k:02d}.c"] = renamed(base.gen_c(k, rnd), C_RENAMES)
    objs = " ".join(f"build/{Path(p).stem}.o" for p in files if p.endswith(".c"))
    files["Makefile"] = ("CC=gcc\nCFLAGS=-Wall -Wextra -O1 -Isrc\nOBJS=" + objs + "\n\nall: haftrow\n\n"
                         "haftrow: $(OBJS)\n\t$(CC) -o $@ $(OBJS)\n\nbuild/%.o: src/%.c src/haftrow.h\n"
                         "\t@mkdir -p build\n\t$(CC) $(CFLAGS) -c $< -o $@\n\nclean:\n\trm -rf build haftrow\n")
    write_tree(root, files)
    chain("chain-make-k-haftrow-exit", "chain-build-exit", "build",
          [Part("make -k -j1 2>&1 | tail -n 400", n_make), Part("echo EXIT=$?", n_status_echo, ";")], root,
          timeout=600)
    cap("gcc-syntax-haftrow-tempers", "gcc -Wall -Wextra -fsyntax-only -Isrc src/rowframe.c "
        "src/temper_1[0-9].c", root, n_gcc, timeout=300)
    run("rm -rf build haftrow", cwd=root)


def rust(tmp: Path) -> None:
    root = tmp / "cutlerworks"
    rnd = random.Random(60613)
    broken = renamed(base.BROKEN, RS_RENAMES)
    write_tree(root, {"Cargo.toml": renamed(base.CARGO, RS_RENAMES), "src/lib.rs": renamed(base.LIB, RS_RENAMES),
                      "src/broken.rs": broken, "src/runs.rs": renamed(base.gen_runs(rnd, 120), RS_RENAMES)})
    env = {"CARGO_TARGET_DIR": str(tmp / "cutlerworks-target"), "CARGO_TERM_COLOR": "never", "CARGO_BUILD_JOBS": "1"}
    cap("cargo-build-errors-cutlerworks", "cargo build 2>&1", root, n_cargo_build, env=env, timeout=600)
    for line in ("    let label: String = idx.len();\n", "    idx.push(blade_count);\n"):
        assert line in broken, line
        broken = broken.replace(line, "")
    (root / "src/broken.rs").write_text(broken)
    cap("cargo-test-cutlerworks-tail", "cargo test 2>&1 | grep -v '^test .* ok$' | tail -n 400", root, n_cargo_test,
        env=env, timeout=600)


# round 273's words, then this round's: the Go module, its app and what they count
GO_RENAMES = (("kegtally", "tanghold"), ("casebook", "bladebook"), ("ledger host", "works host"),
              ("litres left, days", "gross left, days"), ("nothing left to pour", "nothing left to grind"),
              ("pour order", "grind order"), ("pour grade", "steel grade"), ("Keg", "Blade"), ("keg", "blade"),
              ("Beer", "Steel"), ("beer", "steel"), ("Cellar", "Hull"), ("cellar", "hull"),
              ("Pints", "Gross"), ("pints", "gross"))
HULLS = ["Blade Hall", "Haft Room", "Grinding Hull", "Buffing Shop", "Hardening Shop", "Tang Forge", "Wheel Swarf",
         "Bolster Bench", "Etching Room", "Tally Board", "Works Gate", "Hull Nine"]
GO_STEP = g273.make_steps(cap, "tanghold", "bladebook", 60611, HULLS, GO_RENAMES)[0]  # its shell step not run


def go(tmp: Path) -> None:
    GO_STEP(tmp)
    (tmp / "tanghold" / "restock.go").unlink(missing_ok=True)  # make_steps leaves its build-error file in place


# round 290's module in cutlers' words: the words round 299's table replaces, in its order, each given a works word
BLADE_WORDS = ["grinderstack", "blade sums for the grinderstack (haft lengths, wheel rates, grind charts)",
               "haftLength", "wheelToMs", "steelBand", "hullLabel", "bevelArea", "grindChart", "grossPlan",
               "No gross planned", "unknown blade type", "table", "pen", "razor", "bowie",
               "`hull ${w + 1}", "seed = 60618",
               "'blade', 'HAFT', 'tang', 'Bolster', 'wheel', 'gross', 'Horn', 'bevel', 'hull', "
               "'STAG', 'rivet',\n  'scale', 'swarf', 'Grinder', 'buffer', 'whittle'",
               "'Abel', 'Phoebe', 'Silas', 'Keziah', 'Obadiah', 'Temperance', 'Ezra', 'Jemima', 'Hosea', "
               "'Zillah', 'Amos', 'Lettice'"]
assert len(BLADE_WORDS) == len(m299.WAGGLE_NAMES)
BLADE_NAMES = [(old, new) for (old, _), new in zip(m299.WAGGLE_NAMES, BLADE_WORDS)]


def bladed(text: str) -> str:
    for old, new in BLADE_NAMES:
        text = text.replace(old, new)
    return text


GS_BUGS = [(bladed(rel), bladed(old), bladed(new)) for rel, old, new in m290.PA_BUGS]


def js_project(tmp: Path) -> None:
    root = tmp / "grinderstack"
    for d in ("lib", "spec"):
        (root / d).mkdir(parents=True, exist_ok=True)
    run(f"ln -s {JS / 'node_modules'} node_modules", cwd=root)
    fixtures = bladed(m290.FIXTURES)
    assert "60618" in fixtures and "STOPPER" not in fixtures and "Branwen" not in fixtures
    write_tree(root, {"package.json": json.dumps({"name": "grinderstack", "version": "6.0.6", "type": "module",
                                                  "scripts": {"test": "node --test spec/"}}, indent=2) + "\n",
                      "fixtures.mjs": fixtures, "eslint.config.js": m290.ESLINT_CONFIG,
                      "lib/gross-plan.js": bladed(m290.APP), "lib/grinderstack.js": bladed(m290.HAWSEHOLE),
                      "lib/package.json": json.dumps({"type": "commonjs"}) + "\n", "tsconfig.json": m290.TSCONFIG})
    run("node fixtures.mjs && rm fixtures.mjs", cwd=root)
    put_bugs(root / "lib", GS_BUGS)
    env = {"PATH": f"{JS}/node_modules/.bin:/usr/bin:/bin"}
    cap("node-test-grinderstack-tail-2000", "node --test spec/ 2>&1 | tail -n 2000", root, n_node_test, env=env,
        timeout=300)
    chain("chain-eslint-tsc-grinderstack", "chain-lint", "lint",
          [Part("npx eslint lib spec | head -n 400", n_eslint), Part("npx tsc --noEmit -p . | head -n 200", n_tsc, ";")],
          root, env=env, timeout=300)


# timestring 7.0.0 in whetboard: the bugs (a week of seven hours, `months` unknown, decimals dropped)
TS_BUGS = [("timestring.js", "  unitValues.w = opts.daysPerWeek * unitValues.d\n",
            "  unitValues.w = opts.daysPerWeek * unitValues.h\n"),
           ("timestring.js", "  mth: ['mon', 'mth', 'mths', 'month', 'months'],\n",
            "  mth: ['mon', 'mth', 'mths', 'month'],\n"),
           ("timestring.js", "    const value = group.match(/[0-9.]+/g)[0]\n",
            "    const value = group.match(/[0-9]+/g)[0]\n")]

# Writes spec/timestring.test.mjs: grinders' shift strings from a seeded generator, each expectation (a number or
# the message thrown) computed here from the UNBROKEN package in node_modules, before lib/timestring.js is broken.
TS_GEN = r"""
import fs from 'node:fs';
import {createRequire} from 'node:module';
const timestring = createRequire(import.meta.url)('timestring');
let seed = 60616;
const rnd = () => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed / 2147483648; };
const pick = (xs) => xs[Math.floor(rnd() * xs.length)];
const UNITS = ['ms', 's', 'sec', 'secs', 'seconds', 'm', 'min', 'mins', 'minutes', 'h', 'hr', 'hrs', 'hours',
  'd', 'day', 'days', 'w', 'week', 'weeks', 'mon', 'month', 'months', 'y', 'yr', 'years', 'fortnights'];
const GRINDERS = ['Abel', 'Phoebe', 'Silas', 'Keziah', 'Obadiah', 'Temperance', 'Ezra', 'Jemima'];
const WHEELS = ['upper wheel', 'lower wheel', 'weir wheel', 'glazer', 'buff', 'whetstone'];
const RETURNS = [undefined, undefined, 'h', 'd', 'w', 'm', 'mth', 'years'];
const OPTS = [undefined, undefined, {hoursPerDay: 8}, {hoursPerDay: 10, daysPerWeek: 6}, {daysPerYear: 365}];
const cases = [];
for (let i = 0; i < 240; i++) {
  const parts = [];
  const n = 1 + Math.floor(rnd() * 3);
  for (let k = 0; k < n; k++) {
    const whole = 1 + Math.floor(rnd() * 40);
    const num = rnd() < 0.3 ? `${whole}.${1 + Math.floor(rnd() * 9)}` : `${whole}`;
    parts.push(num + pick(['', ' ', ' ']) + pick(UNITS));
  }
  const value = parts.join(pick([' ', ', ', ' ']));
  const unit = pick(RETURNS);
  const opts = pick(OPTS);
  let want;
  try {
    want = {value: timestring(value, unit, opts)};
  } catch (e) {
    want = {message: e.message};
  }
  cases.push({name: `${pick(GRINDERS)} at the ${pick(WHEELS)}, shift ${i + 1}`, value, unit, opts, want});
}
const q = (x) => (x === undefined ? 'undefined' : JSON.stringify(x));
const out = ["import {test} from 'node:test';", "import assert from 'node:assert/strict';",
  "import {createRequire} from 'node:module';", "const timestring = createRequire(import.meta.url)('../lib/timestring.js');", ''];
for (const c of cases) {
  const call = `timestring(${q(c.value)}, ${q(c.unit)}, ${q(c.opts)})`;
  if ('value' in c.want) {
    out.push(`test(${q(c.name + ': ' + c.value)}, () => {\n  assert.equal(${call}, ${c.want.value});\n});`);
  } else {
    out.push(`test(${q(c.name + ': ' + c.value)}, () => {\n  assert.throws(() => ${call}, {message: ${q(c.want.message)}});\n});`);
  }
}
fs.writeFileSync('spec/timestring.test.mjs', out.join('\n') + '\n');
"""


def npm_project(tmp: Path) -> None:
    root = tmp / "whetboard"
    for d in ("lib", "spec"):
        (root / d).mkdir(parents=True, exist_ok=True)
    run(f"ln -s {JS / 'node_modules'} node_modules", cwd=root)
    write_tree(root, {"package.json": json.dumps({"name": "whetboard", "version": "0.6.6", "type": "module",
                                                  "scripts": {"test": "node --test spec/"}}, indent=2) + "\n",
                      "gen.mjs": TS_GEN, "eslint.config.js": m290.ESLINT_CONFIG,
                      "lib/package.json": json.dumps({"type": "commonjs"}) + "\n"})
    run("node gen.mjs && rm gen.mjs", cwd=root)
    run(f"cp {JS}/node_modules/timestring/index.js lib/timestring.js", cwd=root)
    put_bugs(root / "lib", TS_BUGS)
    env = {"PATH": f"{JS}/node_modules/.bin:/usr/bin:/bin"}
    cap("node-test-timestring-whetboard-tail-2000", "node --test spec/ 2>&1 | tail -n 2000", root, n_node_test, env=env,
        timeout=300)
    chain("chain-node-test-grep-exit-whetboard", "chain-test-exit", "test",
          [Part("node --test spec/ 2>&1 | grep -E '^not ok|^# (tests|pass|fail)'", n_node_test),
           Part("echo EXIT=$?", n_status_echo, ";")], root, env=env, timeout=300)
    cap("eslint-timestring-whetboard", "npx eslint lib 2>&1", root, n_eslint, env=env, timeout=300)


DOCS = {"doc": str(TMP.parent / "hm-corpus-wide606-docs")}  # valgrind's manual-writing-tools.html


def specs(root: Path, env: dict) -> list:
    from capture_opencode import Spec
    from capture_wide15_langs import n_go_test
    from capture_wide15_oc import oc_ext
    from capture_wide191_oc import B, C
    S: list = [
        B("oc-bash-pytest-rA-v-tail-expression-eval", n_pytest,
          f"cd bladehall && PYTHONPATH=. {PYTEST} -rA -v {MOD2} 2>&1 | tail -n 300"),
        B("oc-bash-ruff-full-expression-eval", n_ruff,
          f"ruff check --no-cache --isolated --select ALL --output-format=full bladehall/{MOD} bladehall/{MOD2} "
          "2>&1 | head -n 900"),
        B("oc-bash-git-blame-expression-eval", n_blame, f"cd bladehall-git && git blame -w {MOD} | head -n 420"),
        B("oc-bash-git-show-expression-eval-tests-part", n_show, "cd bladehall-git && git show ':/^tests: part 3 '"),
        B("oc-bash-git-log-p-expression-eval-reverse", n_log_p,
          "cd bladehall-git && git log -p --reverse | head -n 900"),
        B("oc-bash-make-k-haftrow", n_make, "make -C haftrow -k -B 2>&1 | tail -n 350"),
        B("oc-bash-cargo-test-cutlerworks", n_cargo_test, "cd cutlerworks && cargo test 2>&1 | tail -n 500"),
        B("oc-bash-cargo-clippy-cutlerworks", n_clippy, "cd cutlerworks && cargo clippy 2>&1 | tail -n 500"),
        B("oc-bash-go-test-v-tanghold", n_go_test,
          "cd tanghold && GOFLAGS=-mod=mod GOPROXY=off GOTOOLCHAIN=local go test -v ./... 2>&1 | tail -n 400"),
        B("oc-bash-ps-aux-mem-head-60", n_ps_aux, "ps aux --sort=-%mem | head -n 60"),
        B("oc-bash-sqlite-blades-largest", n_sqlite_col,
          "sqlite3 -header -column blades.db \"SELECT kind, path, CAST(bytes AS INT) AS bytes, modified "
          "FROM blades ORDER BY CAST(bytes AS INT) DESC LIMIT 300\""),
        B("oc-bash-csv-sort-blades", n_csv,
          "(head -n 1 blades.csv; tail -n +2 blades.csv | sort -t, -k4 -n) | head -n 300"),
        B("oc-bash-log-grep-hull-cutlers", n_app_log,
          "grep -E 'hull [37] stone|gross [0-9] short' cutlers.log | head -n 420"),
        B("oc-bash-eslint-grinderstack", n_eslint, "cd grinderstack && npx eslint lib spec 2>&1 | head -n 500"),
    ]
    S.append(C("oc-bash-chain-mypy-strict-expression-eval", "chain-lint", "lint",
               [Part("cd bladehall", None), Part(f"MYPYPATH=. {MYPY} --pretty {MOD} 2>&1 | tail -n 300", n_mypy, "&&")],
               root, env, "Type-check py_expression_eval"))
    S.append(C("oc-bash-chain-git-status-diff-expression-eval", "chain-git-status-diff", "git",
               [Part("cd bladehall-git", None), Part("git status", n_status, "&&"), Part("git diff", n_diff, "&&")],
               root, env, "Show the working tree changes"))
    S.append(C("oc-bash-chain-node-test-exit-grinderstack", "chain-test-exit", "test",
               [Part("cd grinderstack", None), Part("node --test spec/ 2>&1 | tail -n 500", n_node_test, "&&"),
                Part("echo EXIT=$?", n_status_echo, ";")], root, env, "Test grinderstack"))
    S.append(C("oc-bash-chain-eslint-node-test-whetboard", "chain-lint", "lint",
               [Part("cd whetboard", None), Part("npx eslint lib 2>&1", n_eslint, "&&"),
                Part("node --test spec/ 2>&1 | tail -n 120", n_node_test, ";")], root, env, "Lint and test whetboard"))
    fw = "doc/valgrind"
    O = [
        Spec("oc-grep-expression-eval-def-assert", "oc-grep", "search", "grep",
             {"pattern": r"def \w+\(|self\.assert\w+\(", "path": "bladehall", "include": "*.py"}),
        Spec("oc-glob-haftrow-c", "oc-glob", "listing", "glob", {"pattern": "**/*.[ch]", "path": "haftrow"}),
        Spec("oc-read-py-expression-eval", "oc-read-source", "code", "read",
             {"filePath": f"{root}/bladehall/{MOD}"}, "python"),
        Spec("oc-webfetch-md-valgrind-writing-tools", "oc-webfetch-markdown", "doc", "webfetch",
             {"url": "{BASE}/" + fw + "/" + PAGE, "format": "markdown"}, source=f"{fw}/{PAGE}"),
        Spec("oc-webfetch-text-valgrind-writing-tools", "oc-webfetch-text", "doc", "webfetch",
             {"url": "{BASE}/" + fw + "/" + PAGE, "format": "text"}, source=f"{fw}/{PAGE}"),
    ]
    for spec in O:
        S.append((spec, oc_ext(spec.kind, spec.family, spec)))
    return S


def _doc_server(serve_dir: str):
    """capture_opencode.start_doc_server on the round's own loopback port (28606), round 436's way."""
    import functools
    import http.server
    import threading
    import capture_opencode as oco
    handler = functools.partial(oco._QuietHandler, directory=serve_dir)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 28606), handler)
    threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.1}, daemon=True).start()
    return server


def docs(tmp: Path) -> None:
    """The page OpenCode's webfetch reads: valgrind's manual-writing-tools.html."""
    d = Path(DOCS["doc"]) / "valgrind"
    run(f"rm -rf {d} && mkdir -p {d} && cp {PAGE_DIR}/{PAGE} {d}/")


def opencode(tmp: Path) -> None:
    import functools
    import capture_opencode as oco
    from capture_wide191_oc import run_round
    orig = oco.start_doc_server, oco.StubServer
    oco.start_doc_server = _doc_server
    oco.StubServer = functools.partial(orig[1], port=38606)
    try:
        run_round(tmp, f"cp -r {tmp}/bladehall bladehall && cp -r {tmp}/py_expression_eval-git bladehall-git && "
                  f"cp -r {tmp}/haftrow haftrow && cp -r {tmp}/cutlerworks cutlerworks && "
                  f"cp -r {tmp}/tanghold tanghold && cp -a {tmp}/grinderstack grinderstack && "
                  f"cp -a {tmp}/whetboard whetboard && "
                  f"cp {tmp}/data/blades.db {tmp}/data/blades.csv {tmp}/data/cutlers.log .",
                  "find . -name __pycache__ -prune -exec rm -rf {} + ; rm -rf haftrow/build bladehall/.mypy_cache "
                  "bladehall/.ruff_cache",
                  DOCS, str(VENV), str(JS), specs, add, seed=SEED)
    finally:
        oco.start_doc_server, oco.StubServer = orig


def main() -> None:
    cm.capture_round(__doc__, lambda: None, lambda: [source, docs, git_history, rust, c_build, go, js_project,
                                                     npm_project, data, python, opencode],
                     ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 10_000, 60_000))
    out = Path(sys.argv[sys.argv.index("--out") + 1]) if "--out" in sys.argv else DEFAULT_OUT
    drop_and_check(out)


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide606", sys.modules["__main__"])
    main()
