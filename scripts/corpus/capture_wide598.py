"""Capture round 598 of the compression corpus (issue #11's kinds on real projects, most of them as OpenCode's tools
hand them over, no new rules), with names from a straw-plait market (plaits, splints, plaiters): fnvhash 0.2.1 (its
PyPI sdist) with bugs put in (project strawhall) under its own test suite, ruff and mypy, and a chained traceback; a git
history of its fnvhash/__init__.py, fnvhash/test/test_fnv.py and pyproject.toml; a C project (splintrow) and a Rust
crate (plaitworks) from round 291's generators imported and renamed; a Go module (braidhold) from round 273's make_steps
imported with this round's words; a JavaScript project (plaitstack) from round 290's module and generator imported
and renamed; CSV/sqlite tables of /usr/share/doc files, ps aux, an application log, cxxtest's guide.html on
loopback; ONE headless OpenCode run over the same material (its bash, grep, glob, read, webfetch). Every kind's
extractor is an earlier round's, imported (NEEDLES.md's "Round 598: no new rules"). The glue follows
capture_wide590.py."""

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

ID_PREFIX = "wide598-"
DEFAULT_OUT = HERE / "data" / "wide598.json"
TMP = Path("/dev/shm/hm-corpus-wide598")
SRC = Path("/dev/shm/hm-corpus-wide598-src")  # fnvhash-0.2.1.tar.gz, its PyPI sdist
VENV = Path("/dev/shm/hm-corpus-wide598-venv")  # the round's own tools: pytest, ruff, mypy
JS = Path("/dev/shm/hm-corpus-wide598-js")  # the round's own npm project: eslint, @eslint/js, typescript
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
SEED = 59810
SV = "fnvhash-0.2.1"
MOD = "fnvhash/__init__.py"
MOD2 = "fnvhash/test/test_fnv.py"
PG = "pyproject.toml"
GIT_ENV = {"GIT_CONFIG_NOSYSTEM": "1", "GIT_CONFIG_GLOBAL": "/dev/null"}
PEOPLE = [("Martha Splinter", "martha@example.org"), ("Joan Plaitwright", "joan@example.org"),
          ("Martha Splinter", "martha@example.org"), ("Susan Dunstable", "susan@example.org"),
          ("Ellen Strawbridge", "ellen@example.org")]
BUGS = [(MOD, "FNV1_64_INIT = 0xcbf29ce484222325\n", "FNV1_64_INIT = 0xcbf29ce484222352\n"),
        (MOD, "def fnv1_32(data, hval_init=FNV1_32_INIT):\n", "def fnv1_32(data, hval_init=FNV0_32_INIT):\n"),
        (MOD, "    return fnva(data, hval_init, FNV_32_PRIME, 2**32)\n",
         "    return fnva(data, hval_init, FNV_32_PRIME, 2**31)\n")]
MYPY = "mypy --strict --config-file /dev/null --no-incremental --cache-dir=/dev/null"

SCRIPT = r"""import fnvhash


class PlaitTallyError(Exception):
    pass


# the straw-plait market's stall tags: each plaiter's stall name and the fnv1a_32 tag the tag book holds for it
BOOK = [("Martha Splinter", "Martha Splinter stall 4", 0x505AAFF9),
        ("Joan Plaitwright", "Joan Plaitwright stall 9", 0x100D1B23),
        ("Susan Dunstable", "Susan Dunstable stall 12", 0xEF4B18DA)]


def tag(who, stall, want):
    got = fnvhash.fnv1a_32(stall.encode())
    try:
        if got != want:
            raise ValueError(f"{stall}: tag {got:#010x}, the tag book says {want:#010x}")
        if fnvhash.fnv1_32(stall.encode()) == got:
            raise ValueError(f"{stall}: FNV-1 and FNV-1a agree on {got:#010x}")
        return f"{got:#010x} ({len(stall)} bytes of stall name)"
    except ValueError as exc:
        raise PlaitTallyError(f"tag book: {who}'s plaits do not square "
                              f"({len(BOOK)} stalls, 32-bit FNV-1a)") from exc


print(f"straw-plait market: {len(BOOK)} stall tags to check")
for who, stall, want in BOOK:
    print(who, "->", tag(who, stall, want))
"""


def source(tmp: Path) -> None:
    """SRC/fnvhash-0.2.1.tar.gz (its PyPI sdist), the round's venv and npm project."""
    cm.download_sdists(SRC, "fnvhash-*.tar.gz", ["fnvhash==0.2.1"])
    cm.install_venv(VENV, "mypy", ["pytest", "ruff", "mypy"])
    cm.install_npm(JS, "typescript", ["eslint", "@eslint/js", "typescript"])
    if str(VENV / "bin") not in cm.PATH_PREFIX:
        cm.PATH_PREFIX.insert(0, str(VENV / "bin"))


def python(tmp: Path) -> None:
    run(f"tar --no-same-owner -xzf {SRC}/{SV}.tar.gz && mv {SV} strawhall", cwd=tmp)
    cp = tmp / "strawhall"
    put_bugs(cp, BUGS)
    env = {"PYTHONPATH": str(cp), "MYPYPATH": str(cp)}
    cap("pytest-fnvhash-strawhall-v-tbshort", "python -m pytest -v --tb=short --color=no -p no:cacheprovider "
        "fnvhash/test", cp, n_pytest, env=env, timeout=300)
    chain("chain-fnvhash-pytest-q-exit", "chain-test-exit", "test",
          [Part("python -m pytest -q --color=no -p no:cacheprovider --tb=long fnvhash/test", n_pytest),
           Part("echo EXIT=$?", n_status_echo, ";")], cp, env=env, timeout=300)
    cap("mypy-strict-fnvhash", f"{MYPY} {MOD} {MOD2} 2>&1 | tail -n 400", cp, n_mypy, env=env, timeout=300)
    (cp / "plait_check.py").write_text(SCRIPT)
    cap("python-chained-traceback-plait-check", "python3 plait_check.py", cp, n_chained, env=env)


def git_history(tmp: Path) -> None:
    repo = history(tmp, SRC, "fnvhash", SV, [MOD, MOD2, PG], PEOPLE, SEED, 40, BUGS)
    (repo / "NOTES.local").write_text("fnv1_64 offset basis digits swapped; fnv1_32 starts at 0; fnv1a_32 mod 2**31\n")
    cap("git-log-p-fnvhash-head-1300", "git log -p | head -n 1300", repo, n_log_p, env=GIT_ENV)


LOG_MSGS = {
    "INFO": lambda r: f"plait {r.randint(100, 999)} for {r.choice(['Martha', 'Joan', 'Susan', 'Ellen'])}: "
                      f"{r.randint(12, 96)} yards of {r.choice(['whole straw', 'split straw', 'pearl'])} plait, "
                      f"{r.randint(1, 9)} scores sold, stall {r.randint(1, 30)}",
    "DEBUG": lambda r: f"splitter {r.choice(['east', 'west', 'loft'])} cut {r.randint(20, 120)} splints of "
                       f"{r.choice(['wheat', 'rye', 'oat'])} straw, mill {r.randint(100, 999)}, gauge {r.randint(1, 4)}",
    "WARNING": lambda r: f"stall {r.randint(1, 40)} straw damp at bundle {r.randint(3, 90)}, moisture {r.randint(2, 12)} "
                         f"per cent over at {r.choice(['Plait Hall', 'Splint Mill', 'Market Cross'])}, "
                         f"{r.randint(1, 6)} scores held",
    "ERROR": lambda r: f"score {r.randint(1, 8)} short at stall {r.randint(2, 32)}, {r.randint(1, 9)} "
                       f"{r.choice(['yards', 'splints', 'bundles', 'plaits'])} lost (tally {r.randint(1, 60)})",
}
DIRS = ("/usr/share/doc/cxxtest", "/usr/share/doc/gdisk")
PAGE_DIR = "/usr/share/doc/cxxtest"
PAGE = "guide.html"


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
    with open(d / "plaits.csv", "w", newline="") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(["path", "kind", "name", "bytes", "links", "modified"])
        w.writerows(rows)
    run("sqlite3 plaits.db '.mode csv' '.import plaits.csv plaits'", cwd=d)
    cap("ls-laR-cxxtest-gdisk-head", "ls -laR " + " ".join(DIRS) + " | head -n 900", d, n_ls_lR)
    app_log(d / "plaiters.log", 59814, 1500, ["plaitmarket.stalls", "plaitmarket.splints", "plaitmarket.hall",
                                                 "plaitmarket.stores"], LOG_MSGS, 5981, "2026-12-03")
    cap("app-log-plaiters-tail-500", "tail -n 500 plaiters.log", d, n_app_log)
    chain("chain-log-grep-error-plaiters", "chain-log", "logs",
          [Part("grep -E ' (WARNING|ERROR) ' plaiters.log | head -n 280", n_app_log),
           Part("grep -c ERROR plaiters.log", None, ";")], d)
    srv = cm.start(f"cd {PAGE_DIR} && exec python3 -m http.server 18598 --bind 127.0.0.1")
    try:
        time.sleep(1.5)
        cap("curl-html-cxxtest-guide-head", f"curl -s http://127.0.0.1:18598/{PAGE} | head -n 1400", d, n_html)
    finally:
        os.killpg(srv.pid, signal.SIGTERM)


# round 291's words (the left-hand sides), then this round's
C_RENAMES = (("SPOOLGATE_H", "SPLINTROW_H"), ("spoolgate", "splintrow"), ("spool_t", "splint_t"),
             ("spools", "splints"), ("gate_t", "row_t"), ("gate_weight", "row_weight"),
             ("gate_find", "row_find"), ("twist_permille", "split_permille"), ("yarn_g", "straw_g"),
             ("fibre", "wheat"), ("passes", "braidings"), ("twist_count_", "split_count_"), ("_lot", "_score"),
             ('"lot ', '"score '), ("gate", "row"))
RS_RENAMES = (("tillerhorn", "plaitworks"), ("0.7.3", "0.5.98"), ("Tiller horns: sweep from horn bore, helm load "
              "and a ranking of tiller fits.", "Plait works: twist from splint bore, straw load and a "
              "ranking of plait braids."),
              ("sweep_n", "twist_n"), ("helm_load", "straw_load"), ("bore_um", "splint_um"),
              ("pintle_um", "knot_um"), ("horn_count", "plait_count"), ("helm_", "straw_"), ("helm ", "straw "),
              ("sweep not on", "twist not on"), ("rudder limit", "score limit"), ("fits", "braids"),
              ("spare_", "odd_"))


def c_build(tmp: Path) -> None:
    root = tmp / "splintrow"
    rnd = random.Random(59812)
    files = {"src/splintrow.h": renamed(base.GATE_H, C_RENAMES),
             "src/rowframe.c": renamed(base.GATE_C, C_RENAMES)}
    for k in range(30):
        files[f"src/braid_{k:02d}.c"] = renamed(base.gen_c(k, rnd), C_RENAMES)
    objs = " ".join(f"build/{Path(p).stem}.o" for p in files if p.endswith(".c"))
    files["Makefile"] = ("CC=gcc\nCFLAGS=-Wall -Wextra -O1 -Isrc\nOBJS=" + objs + "\n\nall: splintrow\n\n"
                         "splintrow: $(OBJS)\n\t$(CC) -o $@ $(OBJS)\n\nbuild/%.o: src/%.c src/splintrow.h\n"
                         "\t@mkdir -p build\n\t$(CC) $(CFLAGS) -c $< -o $@\n\nclean:\n\trm -rf build splintrow\n")
    write_tree(root, files)
    chain("chain-make-k-splintrow-exit", "chain-build-exit", "build",
          [Part("make -k -j1 2>&1 | tail -n 400", n_make), Part("echo EXIT=$?", n_status_echo, ";")], root,
          timeout=600)
    cap("gcc-syntax-splintrow-braids", "gcc -Wall -Wextra -fsyntax-only -Isrc src/rowframe.c "
        "src/braid_2[0-9].c", root, n_gcc, timeout=300)
    run("rm -rf build splintrow", cwd=root)


def rust(tmp: Path) -> None:
    root = tmp / "plaitworks"
    rnd = random.Random(59813)
    broken = renamed(base.BROKEN, RS_RENAMES)
    write_tree(root, {"Cargo.toml": renamed(base.CARGO, RS_RENAMES), "src/lib.rs": renamed(base.LIB, RS_RENAMES),
                      "src/broken.rs": broken, "src/runs.rs": renamed(base.gen_runs(rnd, 120), RS_RENAMES)})
    env = {"CARGO_TARGET_DIR": str(tmp / "plaitworks-target"), "CARGO_TERM_COLOR": "never", "CARGO_BUILD_JOBS": "1"}
    cap("cargo-build-errors-plaitworks", "cargo build 2>&1", root, n_cargo_build, env=env, timeout=600)
    for line in ("    let label: String = idx.len();\n", "    idx.push(plait_count);\n"):
        assert line in broken, line
        broken = broken.replace(line, "")
    (root / "src/broken.rs").write_text(broken)
    cap("cargo-test-plaitworks-tail", "cargo test 2>&1 | grep -v '^test .* ok$' | tail -n 400", root, n_cargo_test,
        env=env, timeout=600)


# round 273's words, then this round's: the Go module, its app and what they count
GO_RENAMES = (("kegtally", "braidhold"), ("casebook", "plaitbook"), ("ledger host", "market host"),
              ("litres left, days", "scores left, days"), ("nothing left to pour", "nothing left to plait"),
              ("pour order", "plait order"), ("pour grade", "straw grade"), ("Keg", "Bundle"), ("keg", "bundle"),
              ("Beer", "Straw"), ("beer", "straw"), ("Cellar", "Market"), ("cellar", "market"),
              ("Pints", "Scores"), ("pints", "scores"))
PLAIT_ROOMS = ["Plait Hall", "Splint Mill", "Market Cross", "Straw Loft", "Dunstable Stall", "Luton Stall",
               "Bleaching Shed", "Splitter Bench", "Rolling Mill", "Tally Board", "Hall Door", "Stall Nine"]
GO_STEP = g273.make_steps(cap, "braidhold", "plaitbook", 59811, PLAIT_ROOMS, GO_RENAMES)[0]  # its shell step not run


def go(tmp: Path) -> None:
    GO_STEP(tmp)
    (tmp / "braidhold" / "restock.go").unlink(missing_ok=True)  # make_steps leaves its build-error file in place


# round 290's module in straw-plait words: the words round 299's table replaces, in its order, each given a plait word
LACE_WORDS = ["plaitstack", "straw sums for the plaitstack (plait lengths, splint rates, braid charts)",
              "plaitYards", "splintToMs", "moistureBand", "stallLabel", "bundleArea", "braidChart", "scorePlan",
              "No score planned", "unknown plait type", "whole", "split", "pearl", "brilliant",
              "`stall ${w + 1}", "seed = 59818",
              "'plait', 'SPLINT', 'braid', 'Stall', 'straw', 'score', 'Wheat', 'bundle', 'mill', "
              "'WHOLESTRAW', 'hat',\n  'rye', 'twist', 'Dunstable', 'splitter', 'bonnet'",
              "'Martha', 'Joan', 'Susan', 'Ellen', 'Phoebe', 'Rhoda', 'Sarah', 'Tabitha', 'Ursula', "
              "'Winifred', 'Abigail', 'Bridget'"]
assert len(LACE_WORDS) == len(m299.WAGGLE_NAMES)
LACE_NAMES = [(old, new) for (old, _), new in zip(m299.WAGGLE_NAMES, LACE_WORDS)]


def laced(text: str) -> str:
    for old, new in LACE_NAMES:
        text = text.replace(old, new)
    return text


SS_BUGS = [(laced(rel), laced(old), laced(new)) for rel, old, new in m290.PA_BUGS]


def js_project(tmp: Path) -> None:
    root = tmp / "plaitstack"
    for d in ("lib", "spec"):
        (root / d).mkdir(parents=True, exist_ok=True)
    run(f"ln -s {JS / 'node_modules'} node_modules", cwd=root)
    fixtures = laced(m290.FIXTURES)
    assert "59818" in fixtures and "STOPPER" not in fixtures and "Branwen" not in fixtures
    write_tree(root, {"package.json": json.dumps({"name": "plaitstack", "version": "5.8.1", "type": "module",
                                                  "scripts": {"test": "node --test spec/"}}, indent=2) + "\n",
                      "fixtures.mjs": fixtures, "eslint.config.js": m290.ESLINT_CONFIG,
                      "lib/score-plan.js": laced(m290.APP), "lib/plaitstack.js": laced(m290.HAWSEHOLE),
                      "lib/package.json": json.dumps({"type": "commonjs"}) + "\n", "tsconfig.json": m290.TSCONFIG})
    run("node fixtures.mjs && rm fixtures.mjs", cwd=root)
    put_bugs(root / "lib", SS_BUGS)
    env = {"PATH": f"{JS}/node_modules/.bin:/usr/bin:/bin"}
    cap("node-test-plaitstack-tail-700", "node --test spec/ 2>&1 | tail -n 700", root, n_node_test, env=env,
        timeout=300)
    chain("chain-eslint-tsc-plaitstack", "chain-lint", "lint",
          [Part("npx eslint lib spec | head -n 400", n_eslint), Part("npx tsc --noEmit -p . | head -n 200", n_tsc, ";")],
          root, env=env, timeout=300)


DOCS = {"doc": str(TMP.parent / "hm-corpus-wide598-docs")}  # cxxtest's guide.html


def specs(root: Path, env: dict) -> list:
    from capture_opencode import Spec
    from capture_wide15_langs import n_go_test
    from capture_wide15_oc import oc_ext
    from capture_wide191_oc import B, C
    S: list = [
        B("oc-bash-pytest-rA-v-tail-fnvhash", n_pytest,
          "cd strawhall && PYTHONPATH=. python -m pytest --color=no -p no:cacheprovider -rA -v fnvhash/test "
          "2>&1 | tail -n 300"),
        B("oc-bash-ruff-full-fnvhash", n_ruff,
          "ruff check --no-cache --isolated --select ALL --output-format=full strawhall/fnvhash/__init__.py "
          "strawhall/fnvhash/test/test_fnv.py "
          "2>&1 | head -n 900"),
        B("oc-bash-git-blame-fnvhash", n_blame, "cd strawhall-git && git blame -w fnvhash/__init__.py"),
        B("oc-bash-git-show-fnvhash-tests-part", n_show, "cd strawhall-git && git show ':/^test_fnv: part 2 '"),
        B("oc-bash-git-log-p-fnvhash-reverse", n_log_p, "cd strawhall-git && git log -p --reverse | head -n 900"),
        B("oc-bash-make-k-splintrow", n_make, "make -C splintrow -k -B 2>&1 | tail -n 350"),
        B("oc-bash-cargo-test-plaitworks", n_cargo_test, "cd plaitworks && cargo test 2>&1 | tail -n 500"),
        B("oc-bash-cargo-clippy-plaitworks", n_clippy, "cd plaitworks && cargo clippy 2>&1 | tail -n 500"),
        B("oc-bash-go-test-v-braidhold", n_go_test,
          "cd braidhold && GOFLAGS=-mod=mod GOPROXY=off GOTOOLCHAIN=local go test -v ./... 2>&1 | tail -n 400"),
        B("oc-bash-ps-aux-mem-head-60", n_ps_aux, "ps aux --sort=-%mem | head -n 60"),
        B("oc-bash-sqlite-plaits-largest", n_sqlite_col,
          "sqlite3 -header -column plaits.db \"SELECT kind, path, CAST(bytes AS INT) AS bytes, modified "
          "FROM plaits ORDER BY CAST(bytes AS INT) DESC LIMIT 300\""),
        B("oc-bash-csv-sort-plaits", n_csv,
          "(head -n 1 plaits.csv; tail -n +2 plaits.csv | sort -t, -k4 -n) | head -n 300"),
        B("oc-bash-log-grep-stall-plaiters", n_app_log,
          "grep -E 'stall [37] straw|score [0-9] short' plaiters.log | head -n 420"),
        B("oc-bash-eslint-plaitstack", n_eslint, "cd plaitstack && npx eslint lib spec 2>&1 | head -n 500"),
    ]
    S.append(C("oc-bash-chain-pytest-x-exit-fnvhash", "chain-test-exit", "test",
               [Part("cd strawhall", None), Part("PYTHONPATH=. python -m pytest -x -q --color=no -p no:cacheprovider "
                                                 "fnvhash/test", n_pytest, "&&"),
                Part("echo EXIT=$?", n_status_echo, ";")], root, env, "Test strawhall"))
    S.append(C("oc-bash-chain-mypy-strict-fnvhash", "chain-lint", "lint",
               [Part("cd strawhall", None), Part(f"MYPYPATH=. {MYPY} --pretty {MOD} 2>&1 "
                                                 "| tail -n 300", n_mypy, "&&")],
               root, env, "Type-check fnvhash"))
    S.append(C("oc-bash-chain-git-status-diff-fnvhash", "chain-git-status-diff", "git",
               [Part("cd strawhall-git", None), Part("git status", n_status, "&&"), Part("git diff", n_diff, "&&")],
               root, env, "Show the working tree changes"))
    S.append(C("oc-bash-chain-node-test-exit-plaitstack", "chain-test-exit", "test",
               [Part("cd plaitstack", None), Part("node --test spec/ 2>&1 | tail -n 500", n_node_test, "&&"),
                Part("echo EXIT=$?", n_status_echo, ";")], root, env, "Test plaitstack"))
    S.append(C("oc-bash-chain-tsc-plaitstack", "chain-lint", "lint",
               [Part("cd plaitstack", None), Part("npx tsc --noEmit -p . 2>&1 | head -n 250", n_tsc, "&&")],
               root, env, "Type-check plaitstack"))
    fw = "doc/cxxtest"
    O = [
        Spec("oc-grep-fnvhash-def-vector", "oc-grep", "search", "grep",
             {"pattern": r"def \w+\(|_vector = |FNV\w+ = ", "path": "strawhall", "include": "*.py"}),
        Spec("oc-grep-splintrow-score", "oc-grep", "search", "grep",
             {"pattern": r"_score\d+\(|return ", "path": "splintrow"}),
        Spec("oc-glob-splintrow-c", "oc-glob", "listing", "glob", {"pattern": "**/*.[ch]", "path": "splintrow"}),
        Spec("oc-read-py-fnvhash", "oc-read-source", "code", "read",
             {"filePath": f"{root}/strawhall/{MOD}"}, "python"),
        Spec("oc-read-js-plaitstack", "oc-read-source", "code", "read",
             {"filePath": f"{root}/plaitstack/lib/plaitstack.js"}, "js"),
        Spec("oc-webfetch-md-cxxtest-guide", "oc-webfetch-markdown", "doc", "webfetch",
             {"url": "{BASE}/" + fw + "/" + PAGE, "format": "markdown"}, source=f"{fw}/{PAGE}"),
        Spec("oc-webfetch-text-cxxtest-guide", "oc-webfetch-text", "doc", "webfetch",
             {"url": "{BASE}/" + fw + "/" + PAGE, "format": "text"}, source=f"{fw}/{PAGE}"),
    ]
    for spec in O:
        S.append((spec, oc_ext(spec.kind, spec.family, spec)))
    return S


def _doc_server(serve_dir: str):
    """capture_opencode.start_doc_server on the round's own loopback port (28598), round 436's way."""
    import functools
    import http.server
    import threading
    import capture_opencode as oco
    handler = functools.partial(oco._QuietHandler, directory=serve_dir)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 28598), handler)
    threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.1}, daemon=True).start()
    return server


def docs(tmp: Path) -> None:
    """The page OpenCode's webfetch reads: cxxtest's guide.html."""
    d = Path(DOCS["doc"]) / "cxxtest"
    run(f"rm -rf {d} && mkdir -p {d} && cp {PAGE_DIR}/{PAGE} {d}/")


def opencode(tmp: Path) -> None:
    import functools
    import capture_opencode as oco
    from capture_wide191_oc import run_round
    orig = oco.start_doc_server, oco.StubServer
    oco.start_doc_server = _doc_server
    oco.StubServer = functools.partial(orig[1], port=38598)
    try:
        run_round(tmp, f"cp -r {tmp}/strawhall strawhall && cp -r {tmp}/fnvhash-git strawhall-git && "
                  f"cp -r {tmp}/splintrow splintrow && cp -r {tmp}/plaitworks plaitworks && "
                  f"cp -r {tmp}/braidhold braidhold && cp -a {tmp}/plaitstack plaitstack && "
                  f"cp {tmp}/data/plaits.db {tmp}/data/plaits.csv {tmp}/data/plaiters.log .",
                  "find . -name __pycache__ -prune -exec rm -rf {} + ; rm -rf splintrow/build strawhall/.mypy_cache "
                  "strawhall/.ruff_cache",
                  DOCS, str(VENV), str(JS), specs, add, seed=SEED)
    finally:
        oco.start_doc_server, oco.StubServer = orig


def main() -> None:
    cm.capture_round(__doc__, lambda: None, lambda: [source, docs, git_history, rust, c_build, go, js_project, data,
                                                     python, opencode],
                     ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 10_000, 60_000))
    out = Path(sys.argv[sys.argv.index("--out") + 1]) if "--out" in sys.argv else DEFAULT_OUT
    drop_and_check(out)


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide598", sys.modules["__main__"])
    main()
