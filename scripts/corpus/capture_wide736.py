"""Capture round 736 of the compression corpus (issue #11's kinds on real projects, most of them as OpenCode's tools
hand them over, no new rules), with names from a paper marbler (the size bath, ox gall, comb pulls, stone patterns,
the marbling trough): words2number 1.0.1 (its PyPI sdist) with bugs put in (project sizebath) under a seeded pytest
suite written here, ruff and mypy, and a chained traceback; a git history of its module and the test file; the real
npm package number-words 1.1.1 copied into a project (oxgall) with bugs put in, under a node --test suite generated
here from the unbroken copy, and eslint; a C project (combpull) and a Rust crate (stonepattern) from round 291's
generators imported and renamed; a Go module (marbletrough) from round 273's make_steps imported with this round's
words; CSV/sqlite tables of /usr/share/doc files, ps aux, an application log; ONE headless OpenCode run over the same
material (its bash, grep, glob, read). Every kind's extractor is an earlier round's, imported (NEEDLES.md's "Round
736: no new rules"). Round 728's layout and item list; its module imported for what carries no names."""

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

ID_PREFIX = "wide736-"
DEFAULT_OUT = HERE / "data" / "wide736.json"
TMP = Path("/dev/shm/hm-corpus-wide736")
SRC = Path("/dev/shm/hm-corpus-wide736-src")  # words2number-1.0.1.tar.gz, its PyPI sdist
HIST = Path("/dev/shm/hm-corpus-wide736-hist")
VENV = Path("/dev/shm/hm-corpus-wide736-venv")
JS = Path("/dev/shm/hm-corpus-wide736-js")  # eslint, @eslint/js, number-words
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
SEED = 73610
SV = "words2number-1.0.1"
MOD = "words2number/__init__.py"
TESTS = "tests/test_sizebath.py"
GIT_ENV, MYPY, PYTEST = w624.GIT_ENV, w624.MYPY, w624.PYTEST
PEOPLE = [("Tabitha Marbler", "tabitha@example.org"), ("Silas Combe", "silas@example.org"),
          ("Tabitha Marbler", "tabitha@example.org"), ("Honor Gall", "honor@example.org"),
          ("Amos Trough", "amos@example.org")]
BUGS = [(MOD, '"forty": 40,', '"forty": 4,'),
        (MOD, '"seventeen": 17,', '"seventeen": 70,'),
        (MOD, '"ninety": 90,', '"ninety": 19,')]
WHO = ["Tabitha", "Silas", "Honor", "Amos", "Bathsheba", "Gideon", "Perpetua", "Jethro"]
PAPERS = ["laid paper", "wove paper", "end paper", "book cloth", "rag paper", "cover stock"]


def gen_tests(gp: Path) -> None:
    """tests/test_sizebath.py: seeded sentences, each expectation from the UNBROKEN module (loaded here)."""
    spec = importlib.util.spec_from_file_location("w2n_unbroken", gp / MOD)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    r = random.Random(SEED)
    out = ["from words2number import convert", ""]
    for k in range(1, 241):
        mag = r.choice([99, 999, 9999, 99999, 999999, 9_999_999])
        n = r.randint(1, mag)
        who, paper = r.choice(WHO), r.choice(PAPERS)
        s = f"{who} marbled {w728.words(n)} sheets of {paper} today"
        want = mod.convert(s)
        out.append(f"def test_sheet_{k:03d}_{who.lower()}_{paper.replace(' ', '_')}():\n"
                   f"    assert convert({s!r}) == {want!r}\n")
    (gp / "tests").mkdir(exist_ok=True)
    (gp / TESTS).write_text("\n\n".join(out) + "\n")


SCRIPT = r"""import random

from words2number import convert


class MarbleTallyError(Exception):
    pass


ONES = "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen".split()
TENS = "- - twenty thirty forty fifty sixty seventy eighty ninety".split()
r = random.Random(73610)
BOOKS = []
for who in ["Tabitha Marbler", "Silas Combe", "Honor Gall", "Amos Trough"]:
    rows = []
    for _ in range(5):
        h, t, o = r.randint(1, 9), r.randint(2, 9), r.randint(1, 9)
        rows.append((f"{ONES[h]} hundred {TENS[t]} {ONES[o]} sheets", h * 100 + t * 10 + o))
    BOOKS.append({"who": who, "rows": rows})


def check(book):
    try:
        for n, (spoken, want) in enumerate(book["rows"]):
            got = convert(spoken)
            if got != want:
                raise ValueError(f"row {n}: {spoken!r} read {got}, the trough book says {want}")
        return len(book["rows"])
    except ValueError as exc:
        raise MarbleTallyError(f"sheet tally: {book['who']}'s book read off the trough "
                               f"({len(BOOKS)} marblers' books)") from exc


print(f"paper marbler: {len(BOOKS)} marblers' sheet books to check")
for book in BOOKS:
    print(book["who"], "->", check(book))
"""


def source(tmp: Path) -> None:
    cm.download_sdists(SRC, "words2number-*.tar.gz", ["words2number==1.0.1"])
    cm.install_venv(VENV, "mypy", ["pytest==9.2.0", "ruff==0.17.6", "mypy==2.4.1"])
    cm.install_npm(JS, "number-words", ["eslint@10.16.0", "@eslint/js@10.0.1", "number-words@1.1.1"])
    if str(VENV / "bin") not in cm.PATH_PREFIX:
        cm.PATH_PREFIX.insert(0, str(VENV / "bin"))


def python(tmp: Path) -> None:
    run(f"tar --no-same-owner -xzf {SRC}/{SV}.tar.gz && mv {SV} sizebath", cwd=tmp)
    gp = tmp / "sizebath"
    assert (gp / MOD).exists(), "words2number not unpacked"
    gen_tests(gp)
    run(f"rm -rf {HIST} && mkdir -p {HIST} && cp -r sizebath {HIST}/{SV} && cd {HIST} && "
        f"tar czf {SV}.tar.gz {SV} && rm -rf {SV}", cwd=tmp)
    put_bugs(gp, BUGS)
    env = {"PYTHONPATH": str(gp), "MYPYPATH": str(gp)}
    cap("pytest-words2number-sizebath-v-tbshort", f"{PYTEST} -p no:cacheprovider -v --tb=short tests 2>&1 | "
        "tail -n 1200", gp, n_pytest, env=env, timeout=600)
    chain("chain-words2number-pytest-q-exit", "chain-test-exit", "test",
          [Part(f"{PYTEST} -p no:cacheprovider -q --tb=line tests 2>&1 | tail -n 400", n_pytest),
           Part("echo EXIT=$?", n_status_echo, ";")], gp, env=env, timeout=600)
    cap("ruff-full-words2number-tests", "ruff check --no-cache --isolated --select E,F,W,B,UP,SIM,PL,ANN,D "
        "--output-format=full words2number tests 2>&1 | head -n 1400", gp, n_ruff, timeout=300)
    cap("mypy-strict-words2number-module", f"{MYPY} {MOD} tests 2>&1 | tail -n 400", gp, n_mypy, env=env,
        timeout=300)
    (gp / "sheet_tally.py").write_text(SCRIPT)
    cap("python-chained-traceback-sheet-tally", "python3 sheet_tally.py", gp, n_chained, env=env)


def git_history(tmp: Path) -> None:
    repo = history(tmp, HIST, "wn", SV, [MOD, TESTS], PEOPLE, SEED, 24, BUGS)
    cap("git-log-p-words2number-head-1200", "git log -p | head -n 1200", repo, n_log_p, env=GIT_ENV)
    cap("git-log-p-stat-words2number-head-2400", "git log -p --stat | head -n 2400", repo, n_log_p, env=GIT_ENV)


LOG_MSGS = {
    "INFO": lambda r: f"sheet {r.randint(100, 999)} for {r.choice(WHO)}: {r.randint(2, 9)} drops of "
                      f"{r.choice(['ochre', 'indigo', 'lake', 'umber', 'verdigris'])} laid, pull {r.randint(1, 6)} "
                      f"of {r.randint(6, 7)}",
    "DEBUG": lambda r: f"size bath {r.choice(['carrageen', 'gum tragacanth', 'methocel'])} rested {r.randint(10, 60)} "
                       f"min for {r.choice(['combpull', 'stonepattern', 'marbletrough'])}, batch {r.randint(100, 999)}, "
                       f"{r.randint(3, 9)} drops of ox gall",
    "WARNING": lambda r: f"comb {r.randint(1, 40)} skipped a tine at pass {r.randint(2, 60)} on "
                         f"{r.choice(['Trough One', 'Gall Shelf', 'Drying Rack'])}, {r.randint(1, 6)} sheets reset",
    "ERROR": lambda r: f"trough {r.randint(1, 8)} skinned over at pull {r.randint(2, 32)}, {r.randint(1, 9)} "
                       f"{r.choice(['sheets', 'pulls', 'drops', 'combs'])} lost (tally {r.randint(1, 60)})",
}
DIRS = ("/usr/share/doc/binutils", "/usr/share/doc/cppcheck", "/usr/share/doc/e2fsprogs", "/usr/share/doc/gdb",
        "/usr/share/doc/gettext", "/usr/share/doc/dbus", "/usr/share/doc/bc")
assert not set(DIRS) & (set(w712.DIRS) | set(w720.DIRS) | set(w728.DIRS)), "rounds 712's, 720's, 728's doc dirs"


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
    with open(d / "papermarbler.csv", "w", newline="") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(["path", "kind", "name", "bytes", "links", "modified"])
        w.writerows(rows)
    run("sqlite3 papermarbler.db '.mode csv' '.import papermarbler.csv parts'", cwd=d)
    assert (d / "papermarbler.db").exists(), "sqlite import"
    cap("ls-laR-doc-dirs-binutils-gdb", "ls -laR " + " ".join(d_ for d_ in DIRS if Path(d_).exists()), d, n_ls_lR)
    cap("sqlite-column-papermarbler-kinds", "sqlite3 -header -column papermarbler.db \"SELECT kind, COUNT(*) AS "
        "files, SUM(CAST(bytes AS INT)) AS bytes, MAX(modified) AS newest FROM parts GROUP BY kind ORDER BY files "
        "DESC\"", d, n_sqlite_col)
    app_log(d / "papermarbler.log", 73614, 1500, ["marble.sheet", "marble.size", "marble.gall", "marble.trough"],
            LOG_MSGS, 7361, "2026-12-04")
    cap("app-log-papermarbler-tail-600", "tail -n 600 papermarbler.log", d, n_app_log)
    chain("chain-log-grep-error-papermarbler", "chain-log", "logs",
          [Part("grep -E ' (WARNING|ERROR) ' papermarbler.log | head -n 240", n_app_log),
           Part("grep -c ERROR papermarbler.log", None, ";")], d)


C_NEW = ("COMBPULL_H", "combpull", "sheet_t", "sheets", "pull_t", "pull_weight", "pull_find", "vein_permille",
         "pigment_g", "gall", "pulls", "vein_count_", "_bath", '"bath ', "pull")
C_RENAMES = tuple((old, new) for (old, _), new in zip(w624.C_RENAMES, C_NEW, strict=True))
RS_NEW = ("stonepattern", "0.7.36", "Stone pattern: veins from comb bore, trough load and a ranking of marbled "
          "sheets.", "vein_n", "trough_load", "comb_um", "stylus_um", "sheet_count", "trough_", "trough ",
          "vein not on", "bath limit", "sheets", "odd_")
RS_RENAMES = tuple((old, new) for (old, _), new in zip(w624.RS_RENAMES, RS_NEW, strict=True))


def c_build(tmp: Path) -> None:
    root = tmp / "combpull"
    rnd = random.Random(73612)
    files = {"src/combpull.h": renamed(base.GATE_H, C_RENAMES),
             "src/pullframe.c": renamed(base.GATE_C, C_RENAMES)}
    for k in range(30):
        files[f"src/vein_{k:02d}.c"] = renamed(base.gen_c(k, rnd), C_RENAMES)
    objs = " ".join(f"build/{Path(p).stem}.o" for p in files if p.endswith(".c"))
    files["Makefile"] = ("CC=gcc\nCFLAGS=-Wall -Wextra -O1 -Isrc\nOBJS=" + objs + "\n\nall: combpull\n\n"
                         "combpull: $(OBJS)\n\t$(CC) -o $@ $(OBJS)\n\nbuild/%.o: src/%.c src/combpull.h\n"
                         "\t@mkdir -p build\n\t$(CC) $(CFLAGS) -c $< -o $@\n\nclean:\n\trm -rf build combpull\n")
    write_tree(root, files)
    chain("chain-make-k-combpull-exit", "chain-build-exit", "build",
          [Part("make -k -j1 2>&1 | tail -n 400", n_make), Part("echo EXIT=$?", n_status_echo, ";")], root,
          timeout=600)
    cap("gcc-syntax-combpull-vein", "gcc -Wall -Wextra -fsyntax-only -Isrc src/pullframe.c "
        "src/vein_1[0-9].c", root, n_gcc, timeout=300)
    run("rm -rf build combpull", cwd=root)


def rust(tmp: Path) -> None:
    root = tmp / "stonepattern"
    rnd = random.Random(73613)
    broken = renamed(base.BROKEN, RS_RENAMES)
    write_tree(root, {"Cargo.toml": renamed(base.CARGO, RS_RENAMES), "src/lib.rs": renamed(base.LIB, RS_RENAMES),
                      "src/broken.rs": broken, "src/runs.rs": renamed(base.gen_runs(rnd, 120), RS_RENAMES)})
    env = {"CARGO_TARGET_DIR": str(tmp / "stonepattern-target"), "CARGO_TERM_COLOR": "never", "CARGO_BUILD_JOBS": "1"}
    cap("cargo-build-errors-stonepattern", "cargo build 2>&1", root, n_cargo_build, env=env, timeout=600)
    for line in ("    let label: String = idx.len();\n", "    idx.push(sheet_count);\n"):
        assert line in broken, line
        broken = broken.replace(line, "")
    (root / "src/broken.rs").write_text(broken)
    cap("cargo-test-stonepattern-tail", "cargo test 2>&1 | grep -v '^test .* ok$' | tail -n 400", root,
        n_cargo_test, env=env, timeout=600)


GO_NEW = ("marbletrough", "sheetcount", "workshop host", "sheets left, days", "nothing left to marble",
          "pulling order", "paper grade", "Sheet", "sheet", "Comb", "comb", "Trough", "trough", "Drops", "drops")
GO_RENAMES = tuple((old, new) for (old, _), new in zip(w624.GO_RENAMES, GO_NEW, strict=True))
BENCHES = ["Trough One", "Gall Shelf", "Drying Rack", "Size Bath", "Comb Wall", "Pigment Shelf", "Press Room",
           "Stylus Drawer", "Pulling Board", "Tally Board", "Yard Gate", "Bench Nine"]
GO_STEP = g273.make_steps(cap, "marbletrough", "sheetcount", 73611, BENCHES, GO_RENAMES)[0]


def go(tmp: Path) -> None:
    GO_STEP(tmp)
    (tmp / "marbletrough" / "restock.go").unlink(missing_ok=True)


NWD = "src/numberwords"
NW_BUGS = [("to-words.js", "90: 'ninety'", "90: 'nintey'"),
           ("add-magnitudes.js", "magnitudes[index - 1]", "magnitudes[index]"),
           ("to-words.js", "'and ' + toWords(number % 100)", "toWords(number % 100)")]

# Writes spec/numberwords.test.mjs: the marbler's seeded counts, each expectation computed here from the UNBROKEN copy.
NW_GEN = r"""
import fs from 'node:fs';
import { createRequire } from 'node:module';
const require = createRequire(import.meta.url);
const { convert } = require('./src/numberwords/index.js');
let seed = 73616;
const rnd = () => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed / 2147483648; };
const pick = (xs) => xs[Math.floor(rnd() * xs.length)];
const WHO = ['Tabitha', 'Silas', 'Honor', 'Amos', 'Bathsheba', 'Gideon', 'Perpetua', 'Jethro'];
const JOBS = ['sheet count', 'comb pull', 'gall drops', 'size batch', 'stone pattern', 'trough skim'];
const MAGS = [99, 999, 9999, 99999, 9999999, 99999999, 999999999, 99999999999];
const J = JSON.stringify;
const out = ["import {test} from 'node:test';", "import assert from 'node:assert/strict';",
  "import { createRequire } from 'node:module';", "const require = createRequire(import.meta.url);",
  "const { convert } = require('../src/numberwords/index.js');", ''];
for (let n = 1; n <= 200; n++) {
  const x = 1 + Math.floor(rnd() * pick(MAGS));
  const want = convert(x);
  out.push(`test(${J(`${pick(WHO)}'s ${pick(JOBS)} ${n}: ${x}`)}, () => {\n  assert.equal(convert(${x}), ${J(want)});\n});`);
}
fs.writeFileSync('spec/numberwords.test.mjs', out.join('\n') + '\n');
"""


def npm_project(tmp: Path) -> None:
    root = tmp / "oxgall"
    for d in (NWD, "spec"):
        (root / d).mkdir(parents=True, exist_ok=True)
    run(f"ln -s {JS / 'node_modules'} node_modules", cwd=root)
    write_tree(root, {"package.json": json.dumps({"name": "oxgall", "version": "0.7.36", "type": "module",
                                                  "scripts": {"test": "node --test spec/"}}, indent=2) + "\n",
                      "gen.mjs": NW_GEN, "eslint.config.js": m290.ESLINT_CONFIG,
                      "src/package.json": json.dumps({"type": "commonjs"}) + "\n"})
    run(f"cp {JS}/node_modules/number-words/lib/*.js {JS}/node_modules/number-words/package.json {NWD}/", cwd=root)
    assert (root / NWD / "to-words.js").exists(), "number-words not copied"
    run("node gen.mjs && rm gen.mjs", cwd=root)
    assert (root / "spec/numberwords.test.mjs").exists(), "numberwords.test.mjs not written"
    put_bugs(root / NWD, NW_BUGS)
    env = {"PATH": f"{JS}/node_modules/.bin:/usr/bin:/bin"}
    cap("node-test-numberwords-oxgall-tail-1700", "node --test spec/ 2>&1 | tail -n 1700", root, n_node_test,
        env=env, timeout=300)
    cap("node-test-numberwords-oxgall-tail-2600", "node --test spec/ 2>&1 | tail -n 2600", root, n_node_test,
        env=env, timeout=300)
    chain("chain-node-test-grep-exit-oxgall", "chain-test-exit", "test",
          [Part("node --test spec/ 2>&1 | grep -E '^not ok|^# (tests|pass|fail)'", n_node_test),
           Part("echo EXIT=$?", n_status_echo, ";")], root, env=env, timeout=300)
    cap("eslint-numberwords-oxgall", "npx eslint src spec 2>&1 | head -n 700", root, n_eslint, env=env, timeout=300)


def specs(root: Path, env: dict) -> list:
    from capture_opencode import Spec
    from capture_wide15_langs import n_clippy, n_go_test
    from capture_wide15_oc import oc_ext
    from capture_wide191_oc import B, C
    S: list = [
        B("oc-bash-pytest-rA-tail-words2number", n_pytest,
          f"cd sizebath && PYTHONPATH=. {PYTEST} -p no:cacheprovider -rA --tb=short tests 2>&1 | tail -n 380"),
        B("oc-bash-ruff-full-words2number", n_ruff,
          f"ruff check --no-cache --isolated --select ALL --output-format=full sizebath/{MOD} "
          f"sizebath/sheet_tally.py 2>&1 | head -n 900"),
        B("oc-bash-git-blame-words2number", n_blame, f"cd sizebath-git && git blame -w {MOD}"),
        B("oc-bash-git-show-words2number-part", n_show, "cd sizebath-git && git show HEAD~3"),
        B("oc-bash-git-log-p-words2number-reverse", n_log_p,
          "cd sizebath-git && git log -p --reverse | head -n 900"),
        B("oc-bash-make-k-combpull", n_make, "make -C combpull -k -B 2>&1 | tail -n 300"),
        B("oc-bash-cargo-test-stonepattern", n_cargo_test, "cd stonepattern && cargo test 2>&1 | tail -n 450"),
        B("oc-bash-cargo-clippy-stonepattern", n_clippy, "cd stonepattern && cargo clippy 2>&1 | tail -n 450"),
        B("oc-bash-go-test-v-marbletrough", n_go_test,
          "cd marbletrough && GOFLAGS=-mod=mod GOPROXY=off GOTOOLCHAIN=local go test -v ./... 2>&1 | tail -n 350"),
        B("oc-bash-ps-aux-cpu-head-130", n_ps_aux, "ps auxww --sort=-pcpu | head -n 130 | cut -c1-300"),
        B("oc-bash-sqlite-papermarbler-largest", n_sqlite_col,
          "sqlite3 -header -column papermarbler.db \"SELECT kind, path, CAST(bytes AS INT) AS bytes, modified "
          "FROM parts ORDER BY CAST(bytes AS INT) DESC LIMIT 200\""),
        B("oc-bash-csv-sort-papermarbler", n_csv,
          "(head -n 1 papermarbler.csv; tail -n +2 papermarbler.csv | sort -t, -k4 -n | tail -n 400)"),
        B("oc-bash-log-grep-pull-papermarbler", n_app_log,
          "grep -E 'pull [1-6] of|trough [0-9] skinned' papermarbler.log | head -n 400"),
        B("oc-bash-eslint-oxgall", n_eslint, "cd oxgall && npx eslint src spec 2>&1 | head -n 900"),
    ]
    S.append(C("oc-bash-chain-mypy-strict-words2number", "chain-lint", "lint",
               [Part("cd sizebath", None), Part(f"MYPYPATH=. {MYPY} --pretty {MOD} sheet_tally.py "
                                               "2>&1 | tail -n 300", n_mypy, "&&")],
               root, env, "Type-check words2number"))
    S.append(C("oc-bash-chain-git-status-diff-words2number", "chain-git-status-diff", "git",
               [Part("cd sizebath-git", None), Part("git status", n_status, "&&"), Part("git diff", n_diff, "&&")],
               root, env, "Show the working tree changes"))
    S.append(C("oc-bash-chain-node-test-exit-oxgall", "chain-test-exit", "test",
               [Part("cd oxgall", None), Part("node --test spec/ 2>&1 | tail -n 450", n_node_test, "&&"),
                Part("echo EXIT=$?", n_status_echo, ";")], root, env, "Test oxgall"))
    S.append(C("oc-bash-chain-go-test-tail-exit-marbletrough", "chain-test-exit", "test",
               [Part("cd marbletrough", None), Part("GOFLAGS=-mod=mod GOPROXY=off GOTOOLCHAIN=local go test ./... "
                                                   "2>&1 | tail -n 80", n_go_test, "&&"),
                Part("echo EXIT=$?", n_status_echo, ";")], root, env, "Test marbletrough"))
    O = [
        Spec("oc-grep-words2number-lst-units", "oc-grep", "search", "grep",
             {"pattern": r"lst_units_index|int_tmp_result|lst_packet", "path": "sizebath/words2number",
              "include": "*.py"}),
        Spec("oc-glob-combpull-c", "oc-glob", "listing", "glob", {"pattern": "**/*.[ch]", "path": "combpull"}),
        Spec("oc-read-py-sizebath-tests", "oc-read-source", "code", "read",
             {"filePath": f"{root}/sizebath/{TESTS}"}, "python"),
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
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 28736), handler)
    threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.1}, daemon=True).start()
    return server


def opencode(tmp: Path) -> None:
    import functools
    import capture_opencode as oco
    from capture_wide191_oc import run_round
    orig = oco.start_doc_server, oco.StubServer
    oco.start_doc_server = _doc_server
    oco.StubServer = functools.partial(orig[1], port=38736)
    docs = tmp / "docs"
    docs.mkdir(exist_ok=True)
    (docs / "index.html").write_text("<html><body><h1>paper marbler</h1></body></html>\n")
    try:
        run_round(tmp, f"cp -r {tmp}/sizebath sizebath && cp -r {tmp}/wn-git sizebath-git && "
                  f"cp -r {tmp}/combpull combpull && cp -r {tmp}/stonepattern stonepattern && "
                  f"cp -r {tmp}/marbletrough marbletrough && cp -a {tmp}/oxgall oxgall && "
                  f"cp {tmp}/data/papermarbler.db {tmp}/data/papermarbler.csv {tmp}/data/papermarbler.log .",
                  "find . -name __pycache__ -prune -exec rm -rf {} + ; rm -rf combpull/build "
                  "sizebath/.mypy_cache sizebath/.ruff_cache sizebath/.pytest_cache",
                  {"doc": str(docs)}, str(VENV), str(JS), specs, add, seed=SEED)
    finally:
        oco.start_doc_server, oco.StubServer = orig


def python_then_history(tmp: Path) -> None:
    python(tmp)
    git_history(tmp)


def main() -> None:
    only = os.environ.get("W736_ONLY")
    steps = [source, python_then_history, rust, c_build, go, npm_project, data, opencode]
    if only:
        steps = [s for s in steps if s.__name__ in only.split(",")]
    cm.capture_round(__doc__, lambda: None, lambda: steps, ID_PREFIX, DEFAULT_OUT, TMP,
                     bands=(3_000, 10_000, 60_000))
    out = Path(sys.argv[sys.argv.index("--out") + 1]) if "--out" in sys.argv else DEFAULT_OUT
    drop_and_check(out)


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide736", sys.modules["__main__"])
    main()
