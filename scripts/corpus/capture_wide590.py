"""Capture round 590 of the compression corpus (issue #11's kinds on real projects, most of them as OpenCode's tools
hand them over, no new rules), with names from a lace school (bobbins, pillows, lacemakers): uuid6 2025.0.1 (its PyPI
sdist) with bugs put in (project lacestand) under its own test suite, ruff and mypy, and a chained traceback; a git
history of its src/uuid6/__init__.py, test/test_uuid6.py and pyproject.toml; a C project (torchonwalk) and a Rust crate
(bobbinworks) from round 291's generators imported and renamed; a Go module (honitonhold) from round 273's make_steps
imported with this round's words; a JavaScript project (spanglestack) from round 290's module and generator imported
and renamed; CSV/sqlite tables of /usr/share/doc files, ps aux, an application log, xtrans-dev's xtrans.html on
loopback; ONE headless OpenCode run over the same material (its bash, grep, glob, read, webfetch). Every kind's
extractor is an earlier round's, imported (NEEDLES.md's "Round 590: no new rules"). The glue follows
capture_wide581.py.

Usage:   .venv/bin/python scripts/corpus/capture_wide590.py [--out PATH] [--keep]
Writes:  scripts/corpus/data/wide590.json  as {"version": 2, "items": [...]}, ids prefixed "wide590-".
"""

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

ID_PREFIX = "wide590-"
DEFAULT_OUT = HERE / "data" / "wide590.json"
TMP = Path("/dev/shm/hm-corpus-wide590")
SRC = Path("/dev/shm/hm-corpus-wide590-src")  # uuid6-2025.0.1.tar.gz, its PyPI sdist
VENV = Path("/dev/shm/hm-corpus-wide590-venv")  # the round's own tools: pytest, ruff, mypy (and uuid6's metadata)
JS = Path("/dev/shm/hm-corpus-wide590-js")  # the round's own npm project: eslint, @eslint/js, typescript
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
SEED = 59010
SV = "uuid6-2025.0.1"
MOD = "src/uuid6/__init__.py"
MOD2 = "test/test_uuid6.py"
PG = "pyproject.toml"
GIT_ENV = {"GIT_CONFIG_NOSYSTEM": "1", "GIT_CONFIG_GLOBAL": "/dev/null"}
PEOPLE = [("Ada Spangleworth", "ada@example.org"), ("Hester Bobbinwinder", "hester@example.org"),
          ("Ada Spangleworth", "ada@example.org"), ("Cecily Pricker", "cecily@example.org"),
          ("Lowen Torchonby", "lowen@example.org")]
BUGS = [(MOD, '    h = h[13:16] + h[8:12] + h[0:5] + "6" + h[5:8] + h[16:]\n',
         '    h = h[8:12] + h[13:16] + h[0:5] + "6" + h[5:8] + h[16:]\n'),
        (MOD, "    return -(-value * 10**6 // 2**20)\n",
         "    return value * 10**6 // 2**20\n"),
        (MOD, "    if _last_v7_timestamp is not None and timestamp_ms <= _last_v7_timestamp:\n",
         "    if _last_v7_timestamp is not None and timestamp_ms < _last_v7_timestamp:\n")]
MYPY = "mypy --strict --config-file /dev/null --no-incremental --cache-dir=/dev/null"

SCRIPT = r"""import uuid

import uuid6


class PrickingTallyError(Exception):
    pass


# the lace school's bobbin tickets: uuid1s as the ticket clerk wrote them, and the uuid6 the ticket book expects
BOOK = [("Ada Spangleworth", "pillow 3", "c232ab00-9414-11ec-b3c8-9f6bdeced846", "1ec9414c-232a-6b00-b3c8-9f6bdeced846"),
        ("Hester Bobbinwinder", "pillow 7", "c232ab00-9414-11ec-b3c8-9f6bdeced847", "1ec9414c-232a-6b00-b3c8-9f6bdeced847"),
        ("Cecily Pricker", "pillow 9", "c232ab00-9414-11ec-b3c8-9f6bdeced848", "1ec9414c-232a-6b00-b3c8-9f6bdeced848")]


def ticket(who, pillow, v1, want):
    u1 = uuid.UUID(v1)
    u6 = uuid6.uuid1_to_uuid6(u1)
    try:
        if str(u6) != want:
            raise ValueError(f"{pillow}: ticket {v1} turned to {u6}, the ticket book says {want}")
        if u6.time != u1.time:
            raise ValueError(f"{pillow}: time {u6.time} is not the uuid1's {u1.time}")
        return f"{u6} (version {u6.version}, time {u6.time})"
    except ValueError as exc:
        raise PrickingTallyError(f"ticket book: {who}'s bobbins do not square "
                                 f"({len(BOOK)} tickets, uuid6 {uuid6.__version__})") from exc


print(f"lace school: {len(BOOK)} bobbin tickets to turn")
for who, pillow, v1, want in BOOK:
    print(who, "->", ticket(who, pillow, v1, want))
"""


def source(tmp: Path) -> None:
    """SRC/uuid6-2025.0.1.tar.gz (its PyPI sdist), the round's venv and npm project."""
    cm.download_sdists(SRC, "uuid6-*.tar.gz", ["uuid6==2025.0.1"])
    cm.install_venv(VENV, "mypy", ["pytest", "ruff", "mypy", "uuid6==2025.0.1"])
    cm.install_npm(JS, "typescript", ["eslint", "@eslint/js", "typescript"])
    if str(VENV / "bin") not in cm.PATH_PREFIX:
        cm.PATH_PREFIX.insert(0, str(VENV / "bin"))


def python(tmp: Path) -> None:
    run(f"tar --no-same-owner -xzf {SRC}/{SV}.tar.gz && mv {SV} lacestand", cwd=tmp)
    cp = tmp / "lacestand"
    put_bugs(cp, BUGS)
    env = {"PYTHONPATH": str(cp / "src"), "MYPYPATH": str(cp / "src")}
    cap("pytest-uuid6-lacestand-v-tbshort", "python -m pytest -v --tb=short --color=no -p no:cacheprovider "
        "test", cp, n_pytest, env=env, timeout=300)
    chain("chain-uuid6-pytest-q-exit", "chain-test-exit", "test",
          [Part("python -m pytest -q --color=no -p no:cacheprovider --tb=long test", n_pytest),
           Part("echo EXIT=$?", n_status_echo, ";")], cp, env=env, timeout=300)
    cap("mypy-strict-uuid6", f"{MYPY} {MOD} {MOD2} 2>&1 | tail -n 400", cp, n_mypy, env=env, timeout=300)
    (cp / "bobbin_check.py").write_text(SCRIPT)
    cap("python-chained-traceback-bobbin-check", "python3 bobbin_check.py", cp, n_chained, env=env)


def git_history(tmp: Path) -> None:
    repo = history(tmp, SRC, "uuid6", SV, [MOD, MOD2, PG], PEOPLE, SEED, 40, BUGS)
    (repo / "NOTES.local").write_text("uuid6 fields out of order; subsec decode rounds down; uuid7 guard strict\n")
    cap("git-log-p-uuid6-head-1300", "git log -p | head -n 1300", repo, n_log_p, env=GIT_ENV)


LOG_MSGS = {
    "INFO": lambda r: f"pricking {r.randint(100, 999)} for {r.choice(['Ada', 'Hester', 'Cecily', 'Lowen'])}: "
                      f"{r.randint(12, 96)} pairs of bobbins, {r.randint(1, 9)} yards of "
                      f"{r.choice(['torchon', 'Bucks point', 'Honiton'])} edging, pillow {r.randint(1, 30)}",
    "DEBUG": lambda r: f"winder {r.choice(['east', 'west', 'loft'])} wound {r.randint(20, 120)} bobbins of "
                       f"{r.choice(['linen', 'silk', 'cotton'])}, spangles {r.randint(100, 999)}, gauge {r.randint(1, 4)}",
    "WARNING": lambda r: f"pillow {r.randint(1, 40)} thread broke at pin {r.randint(3, 90)}, tension {r.randint(2, 12)} "
                         f"per cent slack at {r.choice(['Pillow Room', 'Winding Wheel', 'Pricking Table'])}, "
                         f"{r.randint(1, 6)} pairs held",
    "ERROR": lambda r: f"pricking {r.randint(1, 8)} torn on pillow {r.randint(2, 32)}, {r.randint(1, 9)} "
                       f"{r.choice(['bobbins', 'spangles', 'pins', 'pairs'])} lost (tally {r.randint(1, 60)})",
}
DIRS = ("/usr/share/doc/xschem", "/usr/share/doc/xtrans-dev")
PAGE_DIR = "/usr/share/doc/xtrans-dev"
PAGE = "xtrans.html"


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
    with open(d / "bobbins.csv", "w", newline="") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(["path", "kind", "name", "bytes", "links", "modified"])
        w.writerows(rows)
    run("sqlite3 bobbins.db '.mode csv' '.import bobbins.csv bobbins'", cwd=d)
    cap("ls-laR-xschem-xtrans-head", "ls -laR " + " ".join(DIRS) + " | head -n 900", d, n_ls_lR)
    app_log(d / "lacemakers.log", 59014, 1500, ["laceschool.prickings", "laceschool.pillows", "laceschool.winding",
                                                 "laceschool.stores"], LOG_MSGS, 5901, "2026-12-03")
    cap("app-log-lacemakers-tail-500", "tail -n 500 lacemakers.log", d, n_app_log)
    chain("chain-log-grep-error-lacemakers", "chain-log", "logs",
          [Part("grep -E ' (WARNING|ERROR) ' lacemakers.log | head -n 280", n_app_log),
           Part("grep -c ERROR lacemakers.log", None, ";")], d)
    srv = cm.start(f"cd {PAGE_DIR} && exec python3 -m http.server 18590 --bind 127.0.0.1")
    try:
        time.sleep(1.5)
        cap("curl-html-xtrans-head", f"curl -s http://127.0.0.1:18590/{PAGE} | head -n 1400", d, n_html)
    finally:
        os.killpg(srv.pid, signal.SIGTERM)


# round 291's words (the left-hand sides), then this round's
C_RENAMES = (("SPOOLGATE_H", "TORCHONWALK_H"), ("spoolgate", "torchonwalk"), ("spool_t", "pair_t"),
             ("spools", "pairs"), ("gate_t", "walk_t"), ("gate_weight", "walk_weight"),
             ("gate_find", "walk_find"), ("twist_permille", "cross_permille"), ("yarn_g", "thread_g"),
             ("fibre", "linen"), ("passes", "crossings"), ("twist_count_", "cross_count_"), ("_lot", "_skein"),
             ('"lot ', '"skein '), ("gate", "walk"))
RS_RENAMES = (("tillerhorn", "bobbinworks"), ("0.7.3", "0.5.90"), ("Tiller horns: sweep from horn bore, helm load "
              "and a ranking of tiller fits.", "Bobbin works: twist from spindle bore, thread load and a "
              "ranking of bobbin winds."),
              ("sweep_n", "twist_n"), ("helm_load", "thread_load"), ("bore_um", "spindle_um"),
              ("pintle_um", "neck_um"), ("horn_count", "bobbin_count"), ("helm_", "thread_"), ("helm ", "thread "),
              ("sweep not on", "twist not on"), ("rudder limit", "spangle limit"), ("fits", "winds"),
              ("spare_", "loose_"))


def c_build(tmp: Path) -> None:
    root = tmp / "torchonwalk"
    rnd = random.Random(59012)
    files = {"src/torchonwalk.h": renamed(base.GATE_H, C_RENAMES),
             "src/walkframe.c": renamed(base.GATE_C, C_RENAMES)}
    for k in range(30):
        files[f"src/ground_{k:02d}.c"] = renamed(base.gen_c(k, rnd), C_RENAMES)
    objs = " ".join(f"build/{Path(p).stem}.o" for p in files if p.endswith(".c"))
    files["Makefile"] = ("CC=gcc\nCFLAGS=-Wall -Wextra -O1 -Isrc\nOBJS=" + objs + "\n\nall: torchonwalk\n\n"
                         "torchonwalk: $(OBJS)\n\t$(CC) -o $@ $(OBJS)\n\nbuild/%.o: src/%.c src/torchonwalk.h\n"
                         "\t@mkdir -p build\n\t$(CC) $(CFLAGS) -c $< -o $@\n\nclean:\n\trm -rf build torchonwalk\n")
    write_tree(root, files)
    chain("chain-make-k-torchonwalk-exit", "chain-build-exit", "build",
          [Part("make -k -j1 2>&1 | tail -n 400", n_make), Part("echo EXIT=$?", n_status_echo, ";")], root,
          timeout=600)
    cap("gcc-syntax-torchonwalk-grounds", "gcc -Wall -Wextra -fsyntax-only -Isrc src/walkframe.c "
        "src/ground_2[0-9].c", root, n_gcc, timeout=300)
    run("rm -rf build torchonwalk", cwd=root)


def rust(tmp: Path) -> None:
    root = tmp / "bobbinworks"
    rnd = random.Random(59013)
    broken = renamed(base.BROKEN, RS_RENAMES)
    write_tree(root, {"Cargo.toml": renamed(base.CARGO, RS_RENAMES), "src/lib.rs": renamed(base.LIB, RS_RENAMES),
                      "src/broken.rs": broken, "src/runs.rs": renamed(base.gen_runs(rnd, 120), RS_RENAMES)})
    env = {"CARGO_TARGET_DIR": str(tmp / "bobbinworks-target"), "CARGO_TERM_COLOR": "never", "CARGO_BUILD_JOBS": "1"}
    cap("cargo-build-errors-bobbinworks", "cargo build 2>&1", root, n_cargo_build, env=env, timeout=600)
    for line in ("    let label: String = idx.len();\n", "    idx.push(bobbin_count);\n"):
        assert line in broken, line
        broken = broken.replace(line, "")
    (root / "src/broken.rs").write_text(broken)
    cap("cargo-test-bobbinworks-tail", "cargo test 2>&1 | grep -v '^test .* ok$' | tail -n 400", root, n_cargo_test,
        env=env, timeout=600)


# round 273's words, then this round's: the Go module, its app and what they count
GO_RENAMES = (("kegtally", "honitonhold"), ("casebook", "prickingbook"), ("ledger host", "school host"),
              ("litres left, days", "yards left, days"), ("nothing left to pour", "nothing left to wind"),
              ("pour order", "wind order"), ("pour grade", "thread grade"), ("Keg", "Pillow"), ("keg", "pillow"),
              ("Beer", "Thread"), ("beer", "thread"), ("Cellar", "School"), ("cellar", "school"),
              ("Pints", "Yards"), ("pints", "yards"))
LACE_ROOMS = ["Pillow Room", "Bobbin Store", "Pricking Table", "Thread Cupboard", "Torchon Bench", "Honiton Bench",
              "Bucks Point Room", "Spangle Box", "Winding Wheel", "Lamp Stand", "School Door", "Bench Nine"]
GO_STEP = g273.make_steps(cap, "honitonhold", "prickingbook", 59011, LACE_ROOMS, GO_RENAMES)[0]  # its shell step not run


def go(tmp: Path) -> None:
    GO_STEP(tmp)
    (tmp / "honitonhold" / "restock.go").unlink(missing_ok=True)  # make_steps leaves its build-error file in place


# round 290's module in lace words: the words round 299's table replaces, in its order, each given a lace word
LACE_WORDS = ["spanglestack", "thread sums for the spanglestack (thread lengths, pin rates, pricking charts)",
              "threadYards", "pinToMs", "tensionBand", "pillowLabel", "spangleArea", "prickingChart", "windPlan",
              "No wind planned", "unknown bobbin type", "torchon", "honiton", "bucks", "cluny",
              "`pillow ${w + 1}", "seed = 59018",
              "'bobbin', 'SPANGLE', 'pricking', 'Pillow', 'pin', 'thread', 'Gimp', 'pair', 'cloth', "
              "'HALFSTITCH', 'footside',\n  'ground', 'picot', 'Torchon', 'winder', 'cover'",
              "'Ann', 'Bethia', 'Charity', 'Damaris', 'Eliza', 'Faith', 'Grace', 'Hannah', 'Isabel', "
              "'Jemima', 'Kezia', 'Lydia'"]
assert len(LACE_WORDS) == len(m299.WAGGLE_NAMES)
LACE_NAMES = [(old, new) for (old, _), new in zip(m299.WAGGLE_NAMES, LACE_WORDS)]


def laced(text: str) -> str:
    for old, new in LACE_NAMES:
        text = text.replace(old, new)
    return text


SS_BUGS = [(laced(rel), laced(old), laced(new)) for rel, old, new in m290.PA_BUGS]


def js_project(tmp: Path) -> None:
    root = tmp / "spanglestack"
    for d in ("lib", "spec"):
        (root / d).mkdir(parents=True, exist_ok=True)
    run(f"ln -s {JS / 'node_modules'} node_modules", cwd=root)
    fixtures = laced(m290.FIXTURES)
    assert "59018" in fixtures and "STOPPER" not in fixtures and "Branwen" not in fixtures
    write_tree(root, {"package.json": json.dumps({"name": "spanglestack", "version": "5.8.1", "type": "module",
                                                  "scripts": {"test": "node --test spec/"}}, indent=2) + "\n",
                      "fixtures.mjs": fixtures, "eslint.config.js": m290.ESLINT_CONFIG,
                      "lib/wind-plan.js": laced(m290.APP), "lib/spanglestack.js": laced(m290.HAWSEHOLE),
                      "lib/package.json": json.dumps({"type": "commonjs"}) + "\n", "tsconfig.json": m290.TSCONFIG})
    run("node fixtures.mjs && rm fixtures.mjs", cwd=root)
    put_bugs(root / "lib", SS_BUGS)
    env = {"PATH": f"{JS}/node_modules/.bin:/usr/bin:/bin"}
    cap("node-test-spanglestack-tail-700", "node --test spec/ 2>&1 | tail -n 700", root, n_node_test, env=env,
        timeout=300)
    chain("chain-eslint-tsc-spanglestack", "chain-lint", "lint",
          [Part("npx eslint lib spec | head -n 400", n_eslint), Part("npx tsc --noEmit -p . | head -n 200", n_tsc, ";")],
          root, env=env, timeout=300)


DOCS = {"doc": str(TMP.parent / "hm-corpus-wide590-docs")}  # xtrans-dev's xtrans.html


def specs(root: Path, env: dict) -> list:
    from capture_opencode import Spec
    from capture_wide15_langs import n_go_test
    from capture_wide15_oc import oc_ext
    from capture_wide191_oc import B, C
    S: list = [
        B("oc-bash-pytest-rA-v-tail-uuid6", n_pytest,
          "cd lacestand && PYTHONPATH=src python -m pytest --color=no -p no:cacheprovider -rA -v test "
          "2>&1 | tail -n 300"),
        B("oc-bash-ruff-full-uuid6", n_ruff,
          "ruff check --no-cache --isolated --select ALL --output-format=full lacestand/src/uuid6/__init__.py lacestand/test/ "
          "2>&1 | head -n 900"),
        B("oc-bash-git-blame-uuid6", n_blame, "cd lacestand-git && git blame -w src/uuid6/__init__.py"),
        B("oc-bash-git-show-uuid6-tests-part", n_show, "cd lacestand-git && git show ':/^test_uuid6: part 3 '"),
        B("oc-bash-git-log-p-uuid6-reverse", n_log_p, "cd lacestand-git && git log -p --reverse | head -n 900"),
        B("oc-bash-make-k-torchonwalk", n_make, "make -C torchonwalk -k -B 2>&1 | tail -n 350"),
        B("oc-bash-cargo-test-bobbinworks", n_cargo_test, "cd bobbinworks && cargo test 2>&1 | tail -n 500"),
        B("oc-bash-cargo-clippy-bobbinworks", n_clippy, "cd bobbinworks && cargo clippy 2>&1 | tail -n 500"),
        B("oc-bash-go-test-v-honitonhold", n_go_test,
          "cd honitonhold && GOFLAGS=-mod=mod GOPROXY=off GOTOOLCHAIN=local go test -v ./... 2>&1 | tail -n 400"),
        B("oc-bash-ps-aux-mem-head-60", n_ps_aux, "ps aux --sort=-%mem | head -n 60"),
        B("oc-bash-sqlite-bobbins-largest", n_sqlite_col,
          "sqlite3 -header -column bobbins.db \"SELECT kind, path, CAST(bytes AS INT) AS bytes, modified "
          "FROM bobbins ORDER BY CAST(bytes AS INT) DESC LIMIT 300\""),
        B("oc-bash-csv-sort-bobbins", n_csv,
          "(head -n 1 bobbins.csv; tail -n +2 bobbins.csv | sort -t, -k4 -n) | head -n 300"),
        B("oc-bash-log-grep-pillow-lacemakers", n_app_log,
          "grep -E 'pillow [37] thread|pricking [0-9] torn' lacemakers.log | head -n 420"),
        B("oc-bash-eslint-spanglestack", n_eslint, "cd spanglestack && npx eslint lib spec 2>&1 | head -n 500"),
    ]
    S.append(C("oc-bash-chain-pytest-x-exit-uuid6", "chain-test-exit", "test",
               [Part("cd lacestand", None), Part("PYTHONPATH=src python -m pytest -x -q --color=no -p no:cacheprovider "
                                                 "test", n_pytest, "&&"),
                Part("echo EXIT=$?", n_status_echo, ";")], root, env, "Test lacestand"))
    S.append(C("oc-bash-chain-mypy-strict-uuid6", "chain-lint", "lint",
               [Part("cd lacestand", None), Part(f"MYPYPATH=src {MYPY} --pretty {MOD} 2>&1 "
                                                 "| tail -n 300", n_mypy, "&&")],
               root, env, "Type-check uuid6"))
    S.append(C("oc-bash-chain-git-status-diff-uuid6", "chain-git-status-diff", "git",
               [Part("cd lacestand-git", None), Part("git status", n_status, "&&"), Part("git diff", n_diff, "&&")],
               root, env, "Show the working tree changes"))
    S.append(C("oc-bash-chain-node-test-exit-spanglestack", "chain-test-exit", "test",
               [Part("cd spanglestack", None), Part("node --test spec/ 2>&1 | tail -n 500", n_node_test, "&&"),
                Part("echo EXIT=$?", n_status_echo, ";")], root, env, "Test spanglestack"))
    S.append(C("oc-bash-chain-tsc-spanglestack", "chain-lint", "lint",
               [Part("cd spanglestack", None), Part("npx tsc --noEmit -p . 2>&1 | head -n 250", n_tsc, "&&")],
               root, env, "Type-check spanglestack"))
    fw = "doc/xtrans"
    O = [
        Spec("oc-grep-uuid6-def-shift", "oc-grep", "search", "grep",
             {"pattern": r"def \w+\(|>> \d+|<< \d+", "path": "lacestand", "include": "__init__.py"}),
        Spec("oc-grep-torchonwalk-skein", "oc-grep", "search", "grep",
             {"pattern": r"_skein\d+\(|return ", "path": "torchonwalk"}),
        Spec("oc-glob-torchonwalk-c", "oc-glob", "listing", "glob", {"pattern": "**/*.[ch]", "path": "torchonwalk"}),
        Spec("oc-read-py-uuid6", "oc-read-source", "code", "read",
             {"filePath": f"{root}/lacestand/{MOD}"}, "python"),
        Spec("oc-read-js-spanglestack", "oc-read-source", "code", "read",
             {"filePath": f"{root}/spanglestack/lib/spanglestack.js"}, "js"),
        Spec("oc-webfetch-md-xtrans", "oc-webfetch-markdown", "doc", "webfetch",
             {"url": "{BASE}/" + fw + "/" + PAGE, "format": "markdown"}, source=f"{fw}/{PAGE}"),
        Spec("oc-webfetch-text-xtrans", "oc-webfetch-text", "doc", "webfetch",
             {"url": "{BASE}/" + fw + "/" + PAGE, "format": "text"}, source=f"{fw}/{PAGE}"),
    ]
    for spec in O:
        S.append((spec, oc_ext(spec.kind, spec.family, spec)))
    return S


def _doc_server(serve_dir: str):
    """capture_opencode.start_doc_server on the round's own loopback port (28590), round 436's way."""
    import functools
    import http.server
    import threading
    import capture_opencode as oco
    handler = functools.partial(oco._QuietHandler, directory=serve_dir)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 28590), handler)
    threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.1}, daemon=True).start()
    return server


def docs(tmp: Path) -> None:
    """The page OpenCode's webfetch reads: xtrans-dev's xtrans.html."""
    d = Path(DOCS["doc"]) / "xtrans"
    run(f"rm -rf {d} && mkdir -p {d} && cp {PAGE_DIR}/{PAGE} {d}/")


def opencode(tmp: Path) -> None:
    import functools
    import capture_opencode as oco
    from capture_wide191_oc import run_round
    orig = oco.start_doc_server, oco.StubServer
    oco.start_doc_server = _doc_server
    oco.StubServer = functools.partial(orig[1], port=38590)
    try:
        run_round(tmp, f"cp -r {tmp}/lacestand lacestand && cp -r {tmp}/uuid6-git lacestand-git && "
                  f"cp -r {tmp}/torchonwalk torchonwalk && cp -r {tmp}/bobbinworks bobbinworks && "
                  f"cp -r {tmp}/honitonhold honitonhold && cp -a {tmp}/spanglestack spanglestack && "
                  f"cp {tmp}/data/bobbins.db {tmp}/data/bobbins.csv {tmp}/data/lacemakers.log .",
                  "find . -name __pycache__ -prune -exec rm -rf {} + ; rm -rf torchonwalk/build lacestand/.mypy_cache "
                  "lacestand/.ruff_cache",
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
    sys.modules.setdefault("capture_wide590", sys.modules["__main__"])
    main()
