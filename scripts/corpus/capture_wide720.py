"""Capture round 720 of the compression corpus (issue #11's kinds on real projects, most of them as OpenCode's tools
hand them over, no new rules), with names from a brickyard (stock bricks, clinker, soak pits, the brick stack):
mathparse 0.2.9 (its PyPI sdist) with bugs put in (project mouldbench) under its own pytest suite, ruff and mypy, and
a chained traceback; a git history of its module and a test file; the real npm package math-expression-evaluator
(its TypeScript source compiled here to CommonJS) copied into a project (soakpit) with bugs put in, under a node
--test suite generated here from the unbroken copy, and eslint; a C project (stockbrick) and a Rust crate
(clinkerhill) from round 291's generators imported and renamed; a Go module (brickstack) from round 273's make_steps
imported with this round's words; CSV/sqlite tables of /usr/share/doc files, ps aux, an application log; ONE headless
OpenCode run over the same material (its bash, grep, glob, read). Every kind's extractor is an earlier round's,
imported (NEEDLES.md's "Round 720: no new rules"). The glue follows round 712's layout (its helpers imported where
they take parameters); material, words, seeds and ports are this round's."""

from __future__ import annotations

import csv
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

ID_PREFIX = "wide720-"
DEFAULT_OUT = HERE / "data" / "wide720.json"
TMP = Path("/dev/shm/hm-corpus-wide720")
SRC = Path("/dev/shm/hm-corpus-wide720-src")  # mathparse-0.2.9.tar.gz, its PyPI sdist
HIST = Path("/dev/shm/hm-corpus-wide720-hist")
VENV = Path("/dev/shm/hm-corpus-wide720-venv")
JS = Path("/dev/shm/hm-corpus-wide720-js")  # eslint, @eslint/js, typescript, math-expression-evaluator
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
from capture_wide15_langs import n_cargo_build, n_cargo_test, n_clippy, n_gcc, n_make  # noqa: E402
from capture_wide15_oc import n_blame, n_diff, n_log_p, n_show, n_status  # noqa: E402
from capture_wide273_go import renamed  # noqa: E402
from capture_wide454 import drop_and_check  # noqa: E402

w9b.TMP = TMP
SEED = 72010
SV = "mathparse-0.2.9"
MOD = "mathparse/mathparse.py"
WORDS = "mathparse/mathwords.py"
TESTS = "tests/test_binary_operations.py"
GIT_ENV, MYPY, PYTEST = w624.GIT_ENV, w624.MYPY, w624.PYTEST
PEOPLE = [("Martha Moulder", "martha@example.org"), ("Silas Burner", "silas@example.org"),
          ("Martha Moulder", "martha@example.org"), ("Amos Setter", "amos@example.org"),
          ("Ruth Clayton", "ruth@example.org")]
BUGS = [(MOD, "        '/': 3,\n", "        '/': 2,\n"),
        (MOD, "        return len(string) > 1 and string[1:].isdigit()\n",
         "        return len(string) > 2 and string[1:].isdigit()\n"),
        (WORDS, "            'times': '*',\n", "            'times': '+',\n")]

SCRIPT = r"""import random

from mathparse import mathparse


class BrickTallyError(Exception):
    pass


r = random.Random(72010)
SHEETS = []
for who in ["Martha Moulder", "Silas Burner", "Amos Setter", "Ruth Clayton"]:
    rows = []
    for _ in range(5):
        a, b, c = r.randint(2, 40), r.randint(2, 12), r.randint(2, 9)
        rows.append((f"{a} plus {b} times {c}", a + b * c))
    SHEETS.append({"who": who, "rows": rows})


def check(sheet):
    try:
        for n, (spoken, want) in enumerate(sheet["rows"]):
            got = mathparse.parse(spoken, language="ENG")
            if got != want:
                raise ValueError(f"row {n}: {spoken!r} read {got}, the tally sheet says {want}")
        return len(sheet["rows"])
    except ValueError as exc:
        raise BrickTallyError(f"kiln tally: {sheet['who']}'s sheet read off the book "
                              f"({len(SHEETS)} burners' sheets)") from exc


print(f"brickyard: {len(SHEETS)} burners' tally sheets to check")
for sheet in SHEETS:
    print(sheet["who"], "->", check(sheet))
"""


def source(tmp: Path) -> None:
    cm.download_sdists(SRC, "mathparse-*.tar.gz", ["mathparse==0.2.9"])
    cm.install_venv(VENV, "mypy", ["pytest==9.2.0", "ruff==0.17.6", "mypy==2.4.1"])
    cm.install_npm(JS, "math-expression-evaluator", ["eslint@10.16.0", "@eslint/js@10.0.1", "typescript@7.0.2",
                                                    "math-expression-evaluator@2.0.7"])
    if str(VENV / "bin") not in cm.PATH_PREFIX:
        cm.PATH_PREFIX.insert(0, str(VENV / "bin"))


def python(tmp: Path) -> None:
    run(f"tar --no-same-owner -xzf {SRC}/{SV}.tar.gz && mv {SV} mouldbench", cwd=tmp)
    gp = tmp / "mouldbench"
    assert (gp / MOD).exists(), "mathparse not unpacked"
    run(f"rm -rf {HIST} && mkdir -p {HIST} && cp -r mouldbench {HIST}/{SV} && cd {HIST} && "
        f"tar czf {SV}.tar.gz {SV} && rm -rf {SV}", cwd=tmp)
    put_bugs(gp, BUGS)
    env = {"PYTHONPATH": str(gp), "MYPYPATH": str(gp)}
    cap("pytest-mathparse-mouldbench-v-tbshort", f"{PYTEST} -p no:cacheprovider -v --tb=short tests 2>&1 | "
        "tail -n 1200", gp, n_pytest, env=env, timeout=600)
    chain("chain-mathparse-pytest-q-exit", "chain-test-exit", "test",
          [Part(f"{PYTEST} -p no:cacheprovider -q --tb=line tests 2>&1 | tail -n 400", n_pytest),
           Part("echo EXIT=$?", n_status_echo, ";")], gp, env=env, timeout=600)
    cap("ruff-full-mathparse-tests", "ruff check --no-cache --isolated --select E,F,W,B,UP,SIM,PL,ANN,D "
        "--output-format=full mathparse tests 2>&1 | head -n 1400", gp, n_ruff, timeout=300)
    cap("mypy-strict-mathparse-module", f"{MYPY} {MOD} {WORDS} tests 2>&1 | tail -n 400", gp, n_mypy, env=env,
        timeout=300)
    (gp / "kiln_tally.py").write_text(SCRIPT)
    cap("python-chained-traceback-kiln-tally", "python3 kiln_tally.py", gp, n_chained, env=env)


def git_history(tmp: Path) -> None:
    repo = history(tmp, HIST, "mp", SV, [MOD, TESTS], PEOPLE, SEED, 30, BUGS[:2])
    cap("git-log-p-mathparse-head-1200", "git log -p | head -n 1200", repo, n_log_p, env=GIT_ENV)
    cap("git-log-p-stat-mathparse-head-2400", "git log -p --stat | head -n 2400", repo, n_log_p, env=GIT_ENV)


LOG_MSGS = {
    "INFO": lambda r: f"clamp {r.randint(100, 999)} for {r.choice(['Martha', 'Silas', 'Amos', 'Ruth'])}: "
                      f"{r.randint(2, 9)} thousand {r.choice(['stocks', 'commons', 'facings'])} "
                      f"set, hack {r.randint(1, 6)} at {r.randint(10, 16)} courses",
    "DEBUG": lambda r: f"soak pit {r.choice(['north', 'south', 'tempering'])} turned {r.randint(20, 120)} min "
                       f"for {r.choice(['stockbrick', 'clinkerhill', 'brickstack'])}, batch {r.randint(100, 999)}, "
                       f"{r.randint(3, 9)} barrows",
    "WARNING": lambda r: f"hack row {r.randint(1, 40)} rained on, cover {r.randint(2, 12)} boards at "
                         f"{r.choice(['Moulding Shed', 'Pug Floor', 'Drying Hacks'])}, "
                         f"{r.randint(1, 6)} rows held",
    "ERROR": lambda r: f"clamp {r.randint(1, 8)} overburnt at flue {r.randint(2, 32)}, {r.randint(1, 9)} "
                       f"{r.choice(['courses', 'thousands', 'barrows', 'hacks'])} spoilt (tally {r.randint(1, 60)})",
}
DIRS = ("/usr/share/doc/libsqlite3-dev", "/usr/share/doc/git", "/usr/share/doc/gcc-12-base",
        "/usr/share/doc/libssl-dev", "/usr/share/doc/make", "/usr/share/doc/tar", "/usr/share/doc/bash")


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
    with open(d / "brickyard.csv", "w", newline="") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(["path", "kind", "name", "bytes", "links", "modified"])
        w.writerows(rows)
    run("sqlite3 brickyard.db '.mode csv' '.import brickyard.csv parts'", cwd=d)
    cap("ls-laR-doc-dirs-git-make", "ls -laR " + " ".join(d_ for d_ in DIRS if Path(d_).exists()), d, n_ls_lR)
    cap("sqlite-column-brickyard-kinds", "sqlite3 -header -column brickyard.db \"SELECT kind, COUNT(*) AS files, "
        "SUM(CAST(bytes AS INT)) AS bytes, MAX(modified) AS newest FROM parts GROUP BY kind ORDER BY files DESC\"",
        d, n_sqlite_col)
    app_log(d / "brickyard.log", 72014, 1500, ["brick.yard", "brick.clamp", "brick.pits", "brick.hacks"],
            LOG_MSGS, 7201, "2026-12-04")
    cap("app-log-brickyard-tail-600", "tail -n 600 brickyard.log", d, n_app_log)
    chain("chain-log-grep-error-brickyard", "chain-log", "logs",
          [Part("grep -E ' (WARNING|ERROR) ' brickyard.log | head -n 240", n_app_log),
           Part("grep -c ERROR brickyard.log", None, ";")], d)


C_NEW = ("STOCKBRICK_H", "stockbrick", "brick_t", "bricks", "clamp_t", "clamp_weight", "clamp_find", "shrink_permille",
         "course_g", "clay", "courses", "shrink_count_", "_hack", '"hack ', "clamp")
C_RENAMES = tuple((old, new) for (old, _), new in zip(w624.C_RENAMES, C_NEW, strict=True))
RS_NEW = ("clinkerhill", "0.7.20", "Clinkerhill: flues from arch bore, kiln load and a ranking of clinker "
          "courses.", "flue_n", "kiln_load", "arch_um", "grate_um", "clinker_count", "course_", "course ",
          "flue not on", "clamp limit", "courses", "odd_")
RS_RENAMES = tuple((old, new) for (old, _), new in zip(w624.RS_RENAMES, RS_NEW, strict=True))


def c_build(tmp: Path) -> None:
    root = tmp / "stockbrick"
    rnd = random.Random(72012)
    files = {"src/stockbrick.h": renamed(base.GATE_H, C_RENAMES),
             "src/clampframe.c": renamed(base.GATE_C, C_RENAMES)}
    for k in range(30):
        files[f"src/course_{k:02d}.c"] = renamed(base.gen_c(k, rnd), C_RENAMES)
    objs = " ".join(f"build/{Path(p).stem}.o" for p in files if p.endswith(".c"))
    files["Makefile"] = ("CC=gcc\nCFLAGS=-Wall -Wextra -O1 -Isrc\nOBJS=" + objs + "\n\nall: stockbrick\n\n"
                         "stockbrick: $(OBJS)\n\t$(CC) -o $@ $(OBJS)\n\nbuild/%.o: src/%.c src/stockbrick.h\n"
                         "\t@mkdir -p build\n\t$(CC) $(CFLAGS) -c $< -o $@\n\nclean:\n\trm -rf build stockbrick\n")
    write_tree(root, files)
    chain("chain-make-k-stockbrick-exit", "chain-build-exit", "build",
          [Part("make -k -j1 2>&1 | tail -n 400", n_make), Part("echo EXIT=$?", n_status_echo, ";")], root,
          timeout=600)
    cap("gcc-syntax-stockbrick-course", "gcc -Wall -Wextra -fsyntax-only -Isrc src/clampframe.c "
        "src/course_2[0-9].c", root, n_gcc, timeout=300)
    run("rm -rf build stockbrick", cwd=root)


def rust(tmp: Path) -> None:
    root = tmp / "clinkerhill"
    rnd = random.Random(72013)
    broken = renamed(base.BROKEN, RS_RENAMES)
    write_tree(root, {"Cargo.toml": renamed(base.CARGO, RS_RENAMES), "src/lib.rs": renamed(base.LIB, RS_RENAMES),
                      "src/broken.rs": broken, "src/runs.rs": renamed(base.gen_runs(rnd, 120), RS_RENAMES)})
    env = {"CARGO_TARGET_DIR": str(tmp / "clinkerhill-target"), "CARGO_TERM_COLOR": "never", "CARGO_BUILD_JOBS": "1"}
    cap("cargo-build-errors-clinkerhill", "cargo build 2>&1", root, n_cargo_build, env=env, timeout=600)
    for line in ("    let label: String = idx.len();\n", "    idx.push(clinker_count);\n"):
        assert line in broken, line
        broken = broken.replace(line, "")
    (root / "src/broken.rs").write_text(broken)
    cap("cargo-test-clinkerhill-tail", "cargo test 2>&1 | grep -v '^test .* ok$' | tail -n 400", root,
        n_cargo_test, env=env, timeout=600)


GO_NEW = ("brickstack", "hackcount", "yard host", "courses left, days", "nothing left to set",
          "setting order", "clay grade", "Course", "course", "Flue", "flue", "Hack", "hack", "Bricks", "bricks")
GO_RENAMES = tuple((old, new) for (old, _), new in zip(w624.GO_RENAMES, GO_NEW, strict=True))
BENCHES = ["Moulding Shed", "Pug Floor", "Drying Hacks", "Clamp One", "Clamp Two", "Soak Pit",
           "Clay Field", "Sand Heap", "Kiln Arch", "Barrow Run", "Yard Gate", "Stack Nine"]
GO_STEP = g273.make_steps(cap, "brickstack", "hackcount", 72011, BENCHES, GO_RENAMES)[0]


def go(tmp: Path) -> None:
    GO_STEP(tmp)
    (tmp / "brickstack" / "restock.go").unlink(missing_ok=True)


ME_BUGS = [("functions.js", "        return a % b;\n", "        return b % a;\n"),
           ("functions.js", "        for (var i = 2; i <= n; i++) {\n", "        for (var i = 2; i < n; i++) {\n"),
           ("functions.js", "        for (var i = Math.floor(n) - Math.floor(r) + 1; i <= Math.floor(n); i++) {\n",
            "        for (var i = Math.floor(n) - Math.floor(r); i <= Math.floor(n); i++) {\n")]

# Writes spec/mexp.test.mjs: the yard's seeded sums, each expectation computed here from the UNBROKEN compiled copy.
ME_GEN = r"""
import fs from 'node:fs';
import { createRequire } from 'node:module';
const require = createRequire(import.meta.url);
const Mexp = require('./src/mexp/index.js').default;
const mexp = new Mexp();
let seed = 72016;
const rnd = () => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed / 2147483648; };
const pick = (xs) => xs[Math.floor(rnd() * xs.length)];
const int = (lo, hi) => lo + Math.floor(rnd() * (hi - lo + 1));
const WHO = ['Martha', 'Silas', 'Amos', 'Ruth', 'Enos', 'Tabitha', 'Obed', 'Mercy'];
const JOBS = ['clamp count', 'hack row', 'soak pit', 'course tally', 'flue draw', 'barrow load'];
const J = JSON.stringify;
const FORMS = [() => `${int(2, 90)} Mod ${int(2, 12)}`, () => `${int(1, 10)}!`, () => `${int(4, 12)}P${int(1, 4)}`,
  () => `${int(1, 50)}+${int(1, 9)}*${int(1, 9)}`, () => `(${int(1, 30)}+${int(1, 30)}) Mod ${int(3, 9)}`,
  () => `${int(2, 6)}!+${int(1, 99)}`, () => `root(${int(1, 200)})`, () => `${int(1, 9)}^${int(1, 5)}-${int(1, 50)}`];
const out = ["import {test} from 'node:test';", "import assert from 'node:assert/strict';",
  "import { createRequire } from 'node:module';", "const require = createRequire(import.meta.url);",
  "const Mexp = require('../src/mexp/index.js').default;", "const mexp = new Mexp();", ''];
let n = 0;
while (n < 180) {
  const e = pick(FORMS)();
  let want;
  try { want = mexp.eval(e); } catch (err) { continue; }
  if (typeof want !== 'number' || !Number.isFinite(want)) continue;
  n++;
  out.push(`test(${J(`${pick(WHO)}'s ${pick(JOBS)} ${n}: ${e}`)}, () => {\n  assert.equal(mexp.eval(${J(e)}), ${J(want)});\n});`);
}
fs.writeFileSync('spec/mexp.test.mjs', out.join('\n') + '\n');
"""


def npm_project(tmp: Path) -> None:
    root = tmp / "soakpit"
    for d in ("src/mexp", "spec"):
        (root / d).mkdir(parents=True, exist_ok=True)
    run(f"ln -s {JS / 'node_modules'} node_modules", cwd=root)
    write_tree(root, {"package.json": json.dumps({"name": "soakpit", "version": "0.7.20", "type": "module",
                                                  "scripts": {"test": "node --test spec/"}}, indent=2) + "\n",
                      "gen.mjs": ME_GEN, "eslint.config.js": m290.ESLINT_CONFIG,
                      "src/package.json": json.dumps({"type": "commonjs"}) + "\n"})
    run(f"{JS}/node_modules/.bin/tsc --target es2020 --module commonjs --outDir src/mexp --skipLibCheck "
        f"{JS}/node_modules/math-expression-evaluator/src/*.ts >/dev/null 2>&1; ls src/mexp", cwd=root)
    assert (root / "src/mexp/functions.js").exists(), "mexp not compiled"
    run("node gen.mjs && rm gen.mjs", cwd=root)
    assert (root / "spec/mexp.test.mjs").exists(), "mexp.test.mjs not written"
    put_bugs(root / "src" / "mexp", ME_BUGS)
    env = {"PATH": f"{JS}/node_modules/.bin:/usr/bin:/bin"}
    cap("node-test-mexp-soakpit-tail-1700", "node --test spec/ 2>&1 | tail -n 1700", root, n_node_test,
        env=env, timeout=300)
    cap("node-test-mexp-soakpit-tail-2600", "node --test spec/ 2>&1 | tail -n 2600", root, n_node_test,
        env=env, timeout=300)
    chain("chain-node-test-grep-exit-soakpit", "chain-test-exit", "test",
          [Part("node --test spec/ 2>&1 | grep -E '^not ok|^# (tests|pass|fail)'", n_node_test),
           Part("echo EXIT=$?", n_status_echo, ";")], root, env=env, timeout=300)
    cap("eslint-mexp-soakpit", "npx eslint src spec 2>&1 | head -n 700", root, n_eslint, env=env, timeout=300)


def specs(root: Path, env: dict) -> list:
    from capture_opencode import Spec
    from capture_wide15_langs import n_go_test
    from capture_wide15_oc import oc_ext
    from capture_wide191_oc import B, C
    S: list = [
        B("oc-bash-pytest-rA-tail-mathparse", n_pytest,
          f"cd mouldbench && PYTHONPATH=. {PYTEST} -p no:cacheprovider -rA --tb=short tests 2>&1 | tail -n 380"),
        B("oc-bash-ruff-full-mathparse", n_ruff,
          f"ruff check --no-cache --isolated --select ALL --output-format=full mouldbench/{MOD} "
          f"mouldbench/kiln_tally.py 2>&1 | head -n 900"),
        B("oc-bash-git-blame-mathparse", n_blame, f"cd mouldbench-git && git blame -w {MOD} | sed -n 400,620p"),
        B("oc-bash-git-show-mathparse-part", n_show, "cd mouldbench-git && git show HEAD~3"),
        B("oc-bash-git-log-p-mathparse-reverse", n_log_p, "cd mouldbench-git && git log -p --reverse | head -n 900"),
        B("oc-bash-make-k-stockbrick", n_make, "make -C stockbrick -k -B 2>&1 | tail -n 300"),
        B("oc-bash-cargo-test-clinkerhill", n_cargo_test, "cd clinkerhill && cargo test 2>&1 | tail -n 450"),
        B("oc-bash-cargo-clippy-clinkerhill", n_clippy, "cd clinkerhill && cargo clippy 2>&1 | tail -n 450"),
        B("oc-bash-go-test-v-brickstack", n_go_test,
          "cd brickstack && GOFLAGS=-mod=mod GOPROXY=off GOTOOLCHAIN=local go test -v ./... 2>&1 | tail -n 350"),
        B("oc-bash-ps-aux-cpu-head-130", n_ps_aux, "ps auxww --sort=-pcpu | head -n 130 | cut -c1-300"),
        B("oc-bash-sqlite-brickyard-largest", n_sqlite_col,
          "sqlite3 -header -column brickyard.db \"SELECT kind, path, CAST(bytes AS INT) AS bytes, modified "
          "FROM parts ORDER BY CAST(bytes AS INT) DESC LIMIT 200\""),
        B("oc-bash-csv-sort-brickyard", n_csv,
          "(head -n 1 brickyard.csv; tail -n +2 brickyard.csv | sort -t, -k4 -n | tail -n 400)"),
        B("oc-bash-log-grep-hack-brickyard", n_app_log,
          "grep -E 'hack [1-9]( |,|$)|clamp [0-9] overburnt' brickyard.log | head -n 400"),
        B("oc-bash-eslint-soakpit", n_eslint, "cd soakpit && npx eslint src spec 2>&1 | head -n 900"),
    ]
    S.append(C("oc-bash-chain-mypy-strict-mathparse", "chain-lint", "lint",
               [Part("cd mouldbench", None), Part(f"MYPYPATH=. {MYPY} --pretty {MOD} kiln_tally.py "
                                                 "2>&1 | tail -n 300", n_mypy, "&&")],
               root, env, "Type-check mathparse"))
    S.append(C("oc-bash-chain-git-status-diff-mathparse", "chain-git-status-diff", "git",
               [Part("cd mouldbench-git", None), Part("git status", n_status, "&&"), Part("git diff", n_diff, "&&")],
               root, env, "Show the working tree changes"))
    S.append(C("oc-bash-chain-node-test-exit-soakpit", "chain-test-exit", "test",
               [Part("cd soakpit", None), Part("node --test spec/ 2>&1 | tail -n 450", n_node_test, "&&"),
                Part("echo EXIT=$?", n_status_echo, ";")], root, env, "Test soakpit"))
    S.append(C("oc-bash-chain-go-test-tail-exit-brickstack", "chain-test-exit", "test",
               [Part("cd brickstack", None), Part("GOFLAGS=-mod=mod GOPROXY=off GOTOOLCHAIN=local go test ./... 2>&1 "
                                                 "| tail -n 80", n_go_test, "&&"),
                Part("echo EXIT=$?", n_status_echo, ";")], root, env, "Test brickstack"))
    O = [
        Spec("oc-grep-mathparse-def-return-raise", "oc-grep", "search", "grep",
             {"pattern": r"def \w+\(|return |raise ", "path": "mouldbench/mathparse", "include": "mathparse.py"}),
        Spec("oc-glob-stockbrick-c", "oc-glob", "listing", "glob", {"pattern": "**/*.[ch]", "path": "stockbrick"}),
        Spec("oc-read-py-mathparse", "oc-read-source", "code", "read",
             {"filePath": f"{root}/mouldbench/{MOD}"}, "python"),
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
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 28720), handler)
    threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.1}, daemon=True).start()
    return server


def opencode(tmp: Path) -> None:
    import functools
    import capture_opencode as oco
    from capture_wide191_oc import run_round
    orig = oco.start_doc_server, oco.StubServer
    oco.start_doc_server = _doc_server
    oco.StubServer = functools.partial(orig[1], port=38720)
    docs = tmp / "docs"
    docs.mkdir(exist_ok=True)
    (docs / "index.html").write_text("<html><body><h1>brickyard</h1></body></html>\n")
    try:
        run_round(tmp, f"cp -r {tmp}/mouldbench mouldbench && cp -r {tmp}/mp-git mouldbench-git && "
                  f"cp -r {tmp}/stockbrick stockbrick && cp -r {tmp}/clinkerhill clinkerhill && "
                  f"cp -r {tmp}/brickstack brickstack && cp -a {tmp}/soakpit soakpit && "
                  f"cp {tmp}/data/brickyard.db {tmp}/data/brickyard.csv {tmp}/data/brickyard.log .",
                  "find . -name __pycache__ -prune -exec rm -rf {} + ; rm -rf stockbrick/build "
                  "mouldbench/.mypy_cache mouldbench/.ruff_cache mouldbench/.pytest_cache",
                  {"doc": str(docs)}, str(VENV), str(JS), specs, add, seed=SEED)
    finally:
        oco.start_doc_server, oco.StubServer = orig


def python_then_history(tmp: Path) -> None:
    python(tmp)
    git_history(tmp)


def main() -> None:
    cm.capture_round(__doc__, lambda: None, lambda: [source, python_then_history, rust, c_build, go,
                                                     npm_project, data, opencode],
                     ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 10_000, 60_000))
    out = Path(sys.argv[sys.argv.index("--out") + 1]) if "--out" in sys.argv else DEFAULT_OUT
    drop_and_check(out)


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide720", sys.modules["__main__"])
    main()
