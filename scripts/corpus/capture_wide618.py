"""Capture round 618 of the compression corpus (issue #11's kinds on real projects, most of them as OpenCode's tools
hand them over, no new rules), with names from a button works (buttons, shanks, buttoners): Metaphone 0.6 (its PyPI
sdist) with bugs put in (project buttonhall) under its own test suite, ruff and mypy, and a chained traceback; a git
history of its metaphone/metaphone.py, metaphone/tests/test_metaphone.py and metaphone/word.py; the real npm package
format-duration 3.0.2 copied into a project (pressboard) with bugs put in, under a node --test suite generated here
from the unbroken package, and eslint; a C project (shankrow) and a Rust crate (blankpress) from round 291's generators
imported and renamed; a Go module (shankhold) from round 273's make_steps imported with this round's words; a
JavaScript project (turnerstack) from round 290's module and generator imported and renamed; CSV/sqlite tables of
/usr/share/doc files, ps aux, an application log, valgrind's cl-format.html on loopback; ONE headless OpenCode run over
the same material (its bash, grep, glob, read, webfetch). Every kind's extractor is an earlier round's, imported
(NEEDLES.md's "Round 618: no new rules"). The glue follows capture_wide606.py (material, words, seeds and ports this
round's)."""

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

ID_PREFIX = "wide618-"
DEFAULT_OUT = HERE / "data" / "wide618.json"
TMP = Path("/dev/shm/hm-corpus-wide618")
SRC = Path("/dev/shm/hm-corpus-wide618-src")  # Metaphone-0.6.tar.gz, its PyPI sdist
VENV = Path("/dev/shm/hm-corpus-wide618-venv")  # the round's own tools: pytest, ruff, mypy
JS = Path("/dev/shm/hm-corpus-wide618-js")  # the round's own npm project: eslint, @eslint/js, typescript, format-duration
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
SEED = 61810
SV = "Metaphone-0.6"
MOD = "metaphone/metaphone.py"
MOD2 = "metaphone/tests/test_metaphone.py"
PG = "metaphone/word.py"
GIT_ENV = {"GIT_CONFIG_NOSYSTEM": "1", "GIT_CONFIG_GLOBAL": "/dev/null"}
PEOPLE = [("Dorcas Shanks", "dorcas@example.org"), ("Jabez Turner", "jabez@example.org"),
          ("Dorcas Shanks", "dorcas@example.org"), ("Ruth Blanking", "ruth@example.org"),
          ("Tobias Carder", "tobias@example.org")]
BUGS = [(MOD, 'SILENT_STARTERS = ["GN", "KN", "PN", "WR", "PS"]\n', 'SILENT_STARTERS = ["GN", "KN", "PN", "WR"]\n'),
        (MOD, "        if self.word.buffer[self.position + 1] == 'B':\n",
         "        if self.word.buffer[self.position + 1] == 'P':\n"),
        (MOD, "        if self.primary_phone == self.secondary_phone:\n",
         "        if self.primary_phone is self.secondary_phone:\n")]
MYPY = "mypy --strict --config-file /dev/null --no-incremental --cache-dir=/dev/null"
PYTEST = "python -m pytest --color=no -p no:cacheprovider -o addopts="

SCRIPT = r"""from metaphone import doublemetaphone


class ButtonRegisterError(Exception):
    pass


# the button works' register of buttoners: each surname and the Double Metaphone codes the register book holds for it
BOOK = [("Jabez", "Smith", ("SM0", "XMT")),
        ("Dorcas", "Abbott", ("APT", "")),
        ("Ruth", "Psalter", ("SLTR", "")),
        ("Tobias", "Hobbs", ("HPS", ""))]


def entry(first, surname, want):
    try:
        got = doublemetaphone(surname)
        if got != want:
            raise ValueError(f"{surname}: codes {got!r}, the register book says {want!r}")
        return f"{got[0]}/{got[1] or '-'} ({len(surname)} letters)"
    except ValueError as exc:
        raise ButtonRegisterError(f"register: {first} {surname} filed under the wrong sound "
                                  f"({len(BOOK)} buttoners, horn shop)") from exc


print(f"button works: {len(BOOK)} buttoners to check")
for first, surname, want in BOOK:
    print(first, surname, "->", entry(first, surname, want))
"""


def source(tmp: Path) -> None:
    """SRC/Metaphone-0.6.tar.gz (its PyPI sdist), the round's venv and npm project."""
    cm.download_sdists(SRC, "Metaphone-*.tar.gz", ["Metaphone==0.6"])
    cm.install_venv(VENV, "mypy", ["pytest", "ruff", "mypy"])
    cm.install_npm(JS, "format-duration", ["eslint", "@eslint/js", "typescript", "format-duration@3.0.2"])
    if str(VENV / "bin") not in cm.PATH_PREFIX:
        cm.PATH_PREFIX.insert(0, str(VENV / "bin"))


def python(tmp: Path) -> None:
    run(f"tar --no-same-owner -xzf {SRC}/{SV}.tar.gz && mv {SV} buttonhall", cwd=tmp)
    cp = tmp / "buttonhall"
    put_bugs(cp, BUGS)
    env = {"PYTHONPATH": str(cp), "MYPYPATH": str(cp)}
    cap("pytest-metaphone-buttonhall-v-tbshort", f"{PYTEST} -v --tb=short metaphone/tests", cp, n_pytest, env=env,
        timeout=300)
    chain("chain-metaphone-pytest-q-exit", "chain-test-exit", "test",
          [Part(f"{PYTEST} -q --tb=long metaphone/tests", n_pytest), Part("echo EXIT=$?", n_status_echo, ";")], cp,
          env=env, timeout=300)
    cap("mypy-strict-metaphone", f"{MYPY} {MOD} {MOD2} {PG} 2>&1 | tail -n 400", cp, n_mypy, env=env, timeout=300)
    (cp / "button_check.py").write_text(SCRIPT)
    cap("python-chained-traceback-button-check", "python3 button_check.py", cp, n_chained, env=env)


def git_history(tmp: Path) -> None:
    repo = history(tmp, SRC, "metaphone", SV, [MOD, MOD2, PG], PEOPLE, SEED, 40, BUGS)
    (repo / "NOTES.local").write_text("PS not silent; BB looked for as BP; equal codes compared by identity\n")
    cap("git-log-p-metaphone-head-1300", "git log -p | head -n 1300", repo, n_log_p, env=GIT_ENV)


LOG_MSGS = {
    "INFO": lambda r: f"press {r.randint(100, 999)} for {r.choice(['Dorcas', 'Jabez', 'Ruth', 'Tobias'])}: "
                      f"{r.randint(2, 24)} gross {r.choice(['horn buttons', 'bone buttons', 'shank buttons'])} "
                      f"carded, {r.randint(1, 9)} cards sewn, bench {r.randint(1, 30)}",
    "DEBUG": lambda r: f"lathe {r.choice(['north', 'south', 'mill'])} chuck trued {r.randint(20, 120)} times on "
                       f"{r.choice(['ox horn', 'bone', 'pearl shell'])} blanks, hopper {r.randint(100, 999)}, "
                       f"lignes {r.randint(14, 40)}",
    "WARNING": lambda r: f"bench {r.randint(1, 40)} drill wandered at hole {r.randint(1, 4)}, shank {r.randint(2, 12)} "
                         f"thou off at {r.choice(['Horn Shop', 'Blank Press', 'Carding Room'])}, "
                         f"{r.randint(1, 6)} gross held",
    "ERROR": lambda r: f"card {r.randint(1, 8)} short at bench {r.randint(2, 32)}, {r.randint(1, 9)} "
                       f"{r.choice(['buttons', 'shanks', 'blanks', 'cards'])} lost (tally {r.randint(1, 60)})",
}
DIRS = ("/usr/share/doc/cscope", "/usr/share/doc/diffutils")
PAGE_DIR = "/usr/share/doc/valgrind/html"
PAGE = "cl-format.html"


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
    with open(d / "buttons.csv", "w", newline="") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(["path", "kind", "name", "bytes", "links", "modified"])
        w.writerows(rows)
    run("sqlite3 buttons.db '.mode csv' '.import buttons.csv buttons'", cwd=d)
    cap("ls-laR-cscope-diffutils", "ls -laR " + " ".join(DIRS) + " | head -n 900", d, n_ls_lR)
    app_log(d / "buttoners.log", 61814, 1500, ["buttons.horn", "buttons.carding", "buttons.press", "buttons.lathes"],
            LOG_MSGS, 6181, "2026-12-03")
    cap("app-log-buttoners-tail-500", "tail -n 500 buttoners.log", d, n_app_log)
    chain("chain-log-grep-error-buttoners", "chain-log", "logs",
          [Part("grep -E ' (WARNING|ERROR) ' buttoners.log | head -n 280", n_app_log),
           Part("grep -c ERROR buttoners.log", None, ";")], d)
    srv = cm.start(f"cd {PAGE_DIR} && exec python3 -m http.server 18618 --bind 127.0.0.1")
    try:
        time.sleep(1.5)
        cap("curl-html-valgrind-cl-format-head", f"curl -s http://127.0.0.1:18618/{PAGE} | head -n 1400", d, n_html)
    finally:
        os.killpg(srv.pid, signal.SIGTERM)


# round 291's words (the left-hand sides), then this round's
C_RENAMES = (("SPOOLGATE_H", "SHANKROW_H"), ("spoolgate", "shankrow"), ("spool_t", "shank_t"),
             ("spools", "shanks"), ("gate_t", "row_t"), ("gate_weight", "row_weight"),
             ("gate_find", "row_find"), ("twist_permille", "lignes_permille"), ("yarn_g", "horn_g"),
             ("fibre", "bone"), ("passes", "drillings"), ("twist_count_", "lignes_count_"), ("_lot", "_card"),
             ('"lot ', '"card '), ("gate", "row"))
RS_RENAMES = (("tillerhorn", "blankpress"), ("0.7.3", "0.6.18"), ("Tiller horns: sweep from horn bore, helm load "
              "and a ranking of tiller fits.", "Blank press: dome from blank bore, press load and a "
              "ranking of button fits."),
              ("sweep_n", "dome_n"), ("helm_load", "press_load"), ("bore_um", "blank_um"),
              ("pintle_um", "shank_um"), ("horn_count", "button_count"), ("helm_", "press_"), ("helm ", "press "),
              ("sweep not on", "dome not on"), ("rudder limit", "gross limit"), ("fits", "buttons"),
              ("spare_", "odd_"))


def c_build(tmp: Path) -> None:
    root = tmp / "shankrow"
    rnd = random.Random(61812)
    files = {"src/shankrow.h": renamed(base.GATE_H, C_RENAMES),
             "src/rowframe.c": renamed(base.GATE_C, C_RENAMES)}
    for k in range(30):
        files[f"src/lignes_{k:02d}.c"] = renamed(base.gen_c(k, rnd), C_RENAMES)
    objs = " ".join(f"build/{Path(p).stem}.o" for p in files if p.endswith(".c"))
    files["Makefile"] = ("CC=gcc\nCFLAGS=-Wall -Wextra -O1 -Isrc\nOBJS=" + objs + "\n\nall: shankrow\n\n"
                         "shankrow: $(OBJS)\n\t$(CC) -o $@ $(OBJS)\n\nbuild/%.o: src/%.c src/shankrow.h\n"
                         "\t@mkdir -p build\n\t$(CC) $(CFLAGS) -c $< -o $@\n\nclean:\n\trm -rf build shankrow\n")
    write_tree(root, files)
    chain("chain-make-k-shankrow-exit", "chain-build-exit", "build",
          [Part("make -k -j1 2>&1 | tail -n 400", n_make), Part("echo EXIT=$?", n_status_echo, ";")], root,
          timeout=600)
    cap("gcc-syntax-shankrow-lignes", "gcc -Wall -Wextra -fsyntax-only -Isrc src/rowframe.c "
        "src/lignes_2[0-9].c", root, n_gcc, timeout=300)
    run("rm -rf build shankrow", cwd=root)


def rust(tmp: Path) -> None:
    root = tmp / "blankpress"
    rnd = random.Random(61813)
    broken = renamed(base.BROKEN, RS_RENAMES)
    write_tree(root, {"Cargo.toml": renamed(base.CARGO, RS_RENAMES), "src/lib.rs": renamed(base.LIB, RS_RENAMES),
                      "src/broken.rs": broken, "src/runs.rs": renamed(base.gen_runs(rnd, 120), RS_RENAMES)})
    env = {"CARGO_TARGET_DIR": str(tmp / "blankpress-target"), "CARGO_TERM_COLOR": "never", "CARGO_BUILD_JOBS": "1"}
    cap("cargo-build-errors-blankpress", "cargo build 2>&1", root, n_cargo_build, env=env, timeout=600)
    for line in ("    let label: String = idx.len();\n", "    idx.push(button_count);\n"):
        assert line in broken, line
        broken = broken.replace(line, "")
    (root / "src/broken.rs").write_text(broken)
    cap("cargo-test-blankpress-tail", "cargo test 2>&1 | grep -v '^test .* ok$' | tail -n 400", root, n_cargo_test,
        env=env, timeout=600)


# round 273's words, then this round's: the Go module, its app and what they count
GO_RENAMES = (("kegtally", "shankhold"), ("casebook", "buttonbook"), ("ledger host", "works host"),
              ("litres left, days", "gross left, days"), ("nothing left to pour", "nothing left to card"),
              ("pour order", "card order"), ("pour grade", "horn grade"), ("Keg", "Button"), ("keg", "button"),
              ("Beer", "Horn"), ("beer", "horn"), ("Cellar", "Bench"), ("cellar", "bench"),
              ("Pints", "Gross"), ("pints", "gross"))
BENCHES = ["Horn Shop", "Blank Press", "Carding Room", "Drill Bench", "Polishing Barrel", "Shank Forge", "Bone Store",
           "Pearl Bench", "Dyeing Room", "Tally Board", "Works Gate", "Bench Nine"]
GO_STEP = g273.make_steps(cap, "shankhold", "buttonbook", 61811, BENCHES, GO_RENAMES)[0]  # its shell step not run


def go(tmp: Path) -> None:
    GO_STEP(tmp)
    (tmp / "shankhold" / "restock.go").unlink(missing_ok=True)  # make_steps leaves its build-error file in place


# round 290's module in button works' words: the words round 299's table replaces, in its order, each given a works word
BUTTON_WORDS = ["turnerstack", "button sums for the turnerstack (shank lengths, press rates, lathe charts)",
                "shankLength", "pressToMs", "hornBand", "benchLabel", "domeArea", "latheChart", "grossPlan",
                "No gross planned", "unknown button type", "sew", "shank", "toggle", "stud",
                "`bench ${w + 1}", "seed = 61818",
                "'button', 'SHANK', 'blank', 'Card', 'lathe', 'gross', 'Horn', 'dome', 'bench', "
                "'PEARL', 'hole',\n  'ligne', 'swarf', 'Turner', 'barrel', 'toggle'",
                "'Dorcas', 'Jabez', 'Ruth', 'Tobias', 'Mehitabel', 'Prudence', 'Enoch', 'Tabitha', 'Micah', "
                "'Keturah', 'Asa', 'Damaris'"]
assert len(BUTTON_WORDS) == len(m299.WAGGLE_NAMES)
BUTTON_NAMES = [(old, new) for (old, _), new in zip(m299.WAGGLE_NAMES, BUTTON_WORDS)]


def buttoned(text: str) -> str:
    for old, new in BUTTON_NAMES:
        text = text.replace(old, new)
    return text


TS_BUGS = [(buttoned(rel), buttoned(old), buttoned(new)) for rel, old, new in m290.PA_BUGS]


def js_project(tmp: Path) -> None:
    root = tmp / "turnerstack"
    for d in ("lib", "spec"):
        (root / d).mkdir(parents=True, exist_ok=True)
    run(f"ln -s {JS / 'node_modules'} node_modules", cwd=root)
    fixtures = buttoned(m290.FIXTURES)
    assert "61818" in fixtures and "STOPPER" not in fixtures and "Branwen" not in fixtures
    write_tree(root, {"package.json": json.dumps({"name": "turnerstack", "version": "6.1.8", "type": "module",
                                                  "scripts": {"test": "node --test spec/"}}, indent=2) + "\n",
                      "fixtures.mjs": fixtures, "eslint.config.js": m290.ESLINT_CONFIG,
                      "lib/gross-plan.js": buttoned(m290.APP), "lib/turnerstack.js": buttoned(m290.HAWSEHOLE),
                      "lib/package.json": json.dumps({"type": "commonjs"}) + "\n", "tsconfig.json": m290.TSCONFIG})
    run("node fixtures.mjs && rm fixtures.mjs", cwd=root)
    put_bugs(root / "lib", TS_BUGS)
    env = {"PATH": f"{JS}/node_modules/.bin:/usr/bin:/bin"}
    cap("node-test-turnerstack-tail-2000", "node --test spec/ 2>&1 | tail -n 2000", root, n_node_test, env=env,
        timeout=300)
    chain("chain-eslint-tsc-turnerstack", "chain-lint", "lint",
          [Part("npx eslint lib spec | head -n 400", n_eslint), Part("npx tsc --noEmit -p . | head -n 200", n_tsc, ";")],
          root, env=env, timeout=300)


# format-duration 3.0.2 in pressboard: the bugs (hours wrap at sixty, minus one second unsigned, ms two digits)
FD = "format-duration.js"
FD_BUGS = [(FD, "    hours: Math.trunc(ms / 3600000) % 24,\n", "    hours: Math.trunc(ms / 3600000) % 60,\n"),
           (FD, "  return duration <= -1000 ? '-' : ''\n", "  return duration < -1000 ? '-' : ''\n"),
           (FD, "  if (showMs) output += '.' + addZero(t.ms, 3)\n", "  if (showMs) output += '.' + addZero(t.ms)\n")]

# Writes spec/format-duration.test.mjs: button presses' timings from a seeded generator, each expectation computed
# here from the UNBROKEN package in node_modules, before lib/format-duration.js is broken.
FD_GEN = r"""
import fs from 'node:fs';
import {createRequire} from 'node:module';
const formatDuration = createRequire(import.meta.url)('format-duration');
let seed = 61816;
const rnd = () => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed / 2147483648; };
const pick = (xs) => xs[Math.floor(rnd() * xs.length)];
const BUTTONERS = ['Dorcas', 'Jabez', 'Ruth', 'Tobias', 'Mehitabel', 'Prudence', 'Enoch', 'Tabitha'];
const PRESSES = ['blank press', 'horn lathe', 'shank drill', 'carding bench', 'polishing barrel', 'dye vat'];
const SCALES = [999, 1000, 59999, 3600000, 86400000, 90061001, 400000000, 5000000000];
const OPTS = [undefined, undefined, {leading: true}, {ms: true}, {leading: true, ms: true}];
const cases = [];
for (let i = 0; i < 240; i++) {
  let ms = Math.floor(rnd() * pick(SCALES));
  if (rnd() < 0.12) ms = pick([-1000, 1000, -999, 0, 3600000, -86400000]);
  else if (rnd() < 0.3) ms = -ms;
  const opts = pick(OPTS);
  cases.push({name: `${pick(BUTTONERS)} at the ${pick(PRESSES)}, run ${i + 1}`, ms, opts,
    want: formatDuration(ms, opts)});
}
const q = (x) => (x === undefined ? 'undefined' : JSON.stringify(x));
const out = ["import {test} from 'node:test';", "import assert from 'node:assert/strict';",
  "import {createRequire} from 'node:module';",
  "const formatDuration = createRequire(import.meta.url)('../lib/format-duration.js');", ''];
for (const c of cases) {
  out.push(`test(${q(c.name + ': ' + c.ms + ' ms')}, () => {\n  assert.equal(formatDuration(${c.ms}, ${q(c.opts)}), ${q(c.want)});\n});`);
}
fs.writeFileSync('spec/format-duration.test.mjs', out.join('\n') + '\n');
"""


def npm_project(tmp: Path) -> None:
    root = tmp / "pressboard"
    for d in ("lib", "spec"):
        (root / d).mkdir(parents=True, exist_ok=True)
    run(f"ln -s {JS / 'node_modules'} node_modules", cwd=root)
    write_tree(root, {"package.json": json.dumps({"name": "pressboard", "version": "0.6.18", "type": "module",
                                                  "scripts": {"test": "node --test spec/"}}, indent=2) + "\n",
                      "gen.mjs": FD_GEN, "eslint.config.js": m290.ESLINT_CONFIG,
                      "lib/package.json": json.dumps({"type": "commonjs"}) + "\n"})
    run("node gen.mjs && rm gen.mjs", cwd=root)
    run(f"cp {JS}/node_modules/format-duration/{FD} lib/{FD}", cwd=root)
    put_bugs(root / "lib", FD_BUGS)
    env = {"PATH": f"{JS}/node_modules/.bin:/usr/bin:/bin"}
    cap("node-test-format-duration-pressboard-tail-2000", "node --test spec/ 2>&1 | tail -n 2000", root, n_node_test,
        env=env, timeout=300)
    chain("chain-node-test-grep-exit-pressboard", "chain-test-exit", "test",
          [Part("node --test spec/ 2>&1 | grep -E '^not ok|^# (tests|pass|fail)'", n_node_test),
           Part("echo EXIT=$?", n_status_echo, ";")], root, env=env, timeout=300)
    cap("eslint-format-duration-pressboard", "npx eslint lib 2>&1", root, n_eslint, env=env, timeout=300)


DOCS = {"doc": str(TMP.parent / "hm-corpus-wide618-docs")}  # valgrind's cl-format.html


def specs(root: Path, env: dict) -> list:
    from capture_opencode import Spec
    from capture_wide15_langs import n_go_test
    from capture_wide15_oc import oc_ext
    from capture_wide191_oc import B, C
    S: list = [
        B("oc-bash-pytest-rA-v-tail-metaphone", n_pytest,
          f"cd buttonhall && PYTHONPATH=. {PYTEST} -rA -v metaphone/tests 2>&1 | tail -n 300"),
        B("oc-bash-ruff-full-metaphone", n_ruff,
          f"ruff check --no-cache --isolated --select ALL --output-format=full buttonhall/{MOD} buttonhall/{PG} "
          "2>&1 | head -n 900"),
        B("oc-bash-git-blame-metaphone", n_blame, f"cd buttonhall-git && git blame -w {MOD} | head -n 420"),
        B("oc-bash-git-show-metaphone-part", n_show, "cd buttonhall-git && git show ':/^metaphone: part 5 '"),
        B("oc-bash-git-log-p-metaphone-reverse", n_log_p,
          "cd buttonhall-git && git log -p --reverse | head -n 900"),
        B("oc-bash-make-k-shankrow", n_make, "make -C shankrow -k -B 2>&1 | tail -n 350"),
        B("oc-bash-cargo-test-blankpress", n_cargo_test, "cd blankpress && cargo test 2>&1 | tail -n 500"),
        B("oc-bash-cargo-clippy-blankpress", n_clippy, "cd blankpress && cargo clippy 2>&1 | tail -n 500"),
        B("oc-bash-go-test-v-shankhold", n_go_test,
          "cd shankhold && GOFLAGS=-mod=mod GOPROXY=off GOTOOLCHAIN=local go test -v ./... 2>&1 | tail -n 400"),
        B("oc-bash-ps-aux-cpu-head-60", n_ps_aux, "ps aux --sort=-%cpu | head -n 60"),
        B("oc-bash-sqlite-buttons-largest", n_sqlite_col,
          "sqlite3 -header -column buttons.db \"SELECT kind, path, CAST(bytes AS INT) AS bytes, modified "
          "FROM buttons ORDER BY CAST(bytes AS INT) DESC LIMIT 300\""),
        B("oc-bash-csv-sort-buttons", n_csv,
          "(head -n 1 buttons.csv; tail -n +2 buttons.csv | sort -t, -k4 -n) | head -n 300"),
        B("oc-bash-log-grep-bench-buttoners", n_app_log,
          "grep -E 'bench [37] drill|card [0-9] short' buttoners.log | head -n 420"),
        B("oc-bash-eslint-turnerstack", n_eslint, "cd turnerstack && npx eslint lib spec 2>&1 | head -n 500"),
    ]
    S.append(C("oc-bash-chain-mypy-strict-metaphone", "chain-lint", "lint",
               [Part("cd buttonhall", None), Part(f"MYPYPATH=. {MYPY} --pretty {MOD} 2>&1 | tail -n 300", n_mypy, "&&")],
               root, env, "Type-check metaphone"))
    S.append(C("oc-bash-chain-git-status-diff-metaphone", "chain-git-status-diff", "git",
               [Part("cd buttonhall-git", None), Part("git status", n_status, "&&"), Part("git diff", n_diff, "&&")],
               root, env, "Show the working tree changes"))
    S.append(C("oc-bash-chain-node-test-exit-turnerstack", "chain-test-exit", "test",
               [Part("cd turnerstack", None), Part("node --test spec/ 2>&1 | tail -n 500", n_node_test, "&&"),
                Part("echo EXIT=$?", n_status_echo, ";")], root, env, "Test turnerstack"))
    S.append(C("oc-bash-chain-eslint-node-test-pressboard", "chain-lint", "lint",
               [Part("cd pressboard", None), Part("npx eslint lib 2>&1", n_eslint, "&&"),
                Part("node --test spec/ 2>&1 | tail -n 120", n_node_test, ";")], root, env, "Lint and test pressboard"))
    fw = "doc/valgrind"
    O = [
        Spec("oc-grep-metaphone-def-assert", "oc-grep", "search", "grep",
             {"pattern": r"def \w+\(|self\.assert\w+\(", "path": "buttonhall", "include": "*.py"}),
        Spec("oc-glob-shankrow-c", "oc-glob", "listing", "glob", {"pattern": "**/*.[ch]", "path": "shankrow"}),
        Spec("oc-read-py-metaphone", "oc-read-source", "code", "read",
             {"filePath": f"{root}/buttonhall/{MOD}"}, "python"),
        Spec("oc-webfetch-md-valgrind-cl-format", "oc-webfetch-markdown", "doc", "webfetch",
             {"url": "{BASE}/" + fw + "/" + PAGE, "format": "markdown"}, source=f"{fw}/{PAGE}"),
        Spec("oc-webfetch-text-valgrind-cl-format", "oc-webfetch-text", "doc", "webfetch",
             {"url": "{BASE}/" + fw + "/" + PAGE, "format": "text"}, source=f"{fw}/{PAGE}"),
    ]
    for spec in O:
        S.append((spec, oc_ext(spec.kind, spec.family, spec)))
    return S


def _doc_server(serve_dir: str):
    """capture_opencode.start_doc_server on the round's own loopback port (28618), round 436's way."""
    import functools
    import http.server
    import threading
    import capture_opencode as oco
    handler = functools.partial(oco._QuietHandler, directory=serve_dir)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 28618), handler)
    threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.1}, daemon=True).start()
    return server


def docs(tmp: Path) -> None:
    """The page OpenCode's webfetch reads: valgrind's cl-format.html."""
    d = Path(DOCS["doc"]) / "valgrind"
    run(f"rm -rf {d} && mkdir -p {d} && cp {PAGE_DIR}/{PAGE} {d}/")


def opencode(tmp: Path) -> None:
    import functools
    import capture_opencode as oco
    from capture_wide191_oc import run_round
    orig = oco.start_doc_server, oco.StubServer
    oco.start_doc_server = _doc_server
    oco.StubServer = functools.partial(orig[1], port=38618)
    try:
        run_round(tmp, f"cp -r {tmp}/buttonhall buttonhall && cp -r {tmp}/metaphone-git buttonhall-git && "
                  f"cp -r {tmp}/shankrow shankrow && cp -r {tmp}/blankpress blankpress && "
                  f"cp -r {tmp}/shankhold shankhold && cp -a {tmp}/turnerstack turnerstack && "
                  f"cp -a {tmp}/pressboard pressboard && "
                  f"cp {tmp}/data/buttons.db {tmp}/data/buttons.csv {tmp}/data/buttoners.log .",
                  "find . -name __pycache__ -prune -exec rm -rf {} + ; rm -rf shankrow/build buttonhall/.mypy_cache "
                  "buttonhall/.ruff_cache",
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
    sys.modules.setdefault("capture_wide618", sys.modules["__main__"])
    main()
