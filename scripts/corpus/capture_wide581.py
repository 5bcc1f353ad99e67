"""Capture round 581 of the compression corpus (issue #11's kinds on real projects, most of them as OpenCode's tools
hand them over, no new rules), with names from a ship's chandlery (blocks, cordage, chandlers): kdtree 0.17 (its PyPI
sdist) with bugs put in (project blockloft) under its own test suite, ruff and mypy, and a chained traceback; a git
history of its kdtree.py, test.py and setup.py; a C project (cordagewalk) and a Rust crate (sheaveworks) from round
291's generators imported and renamed; a Go module (chandlerhold) from round 273's make_steps imported with this round's
words; a JavaScript project (deadeyestack) from round 290's module and generator imported and renamed; CSV/sqlite tables
of /usr/share/doc files, ps aux, an application log, Cmdliner's Cmdliner.Arg.html on loopback; ONE headless OpenCode run
over the same material (its bash, grep, glob, read, webfetch). Every kind's extractor is an earlier round's, imported
(NEEDLES.md's "Round 581: no new rules"). The glue follows capture_wide564.py.

Usage:   .venv/bin/python scripts/corpus/capture_wide581.py [--out PATH] [--keep]
Writes:  scripts/corpus/data/wide581.json  as {"version": 2, "items": [...]}, ids prefixed "wide581-".
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

ID_PREFIX = "wide581-"
DEFAULT_OUT = HERE / "data" / "wide581.json"
TMP = Path("/dev/shm/hm-corpus-wide581")
SRC = Path("/dev/shm/hm-corpus-wide581-src")  # kdtree-0.17.tar.gz, its PyPI sdist
VENV = Path("/dev/shm/hm-corpus-wide581-venv")  # the round's own tools: pytest, ruff, mypy
JS = Path("/dev/shm/hm-corpus-wide581-js")  # the round's own npm project: eslint, @eslint/js, typescript
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
SEED = 58110
SV = "kdtree-0.17"
MOD = "kdtree.py"
MOD2 = "test.py"
PG = "setup.py"
GIT_ENV = {"GIT_CONFIG_NOSYSTEM": "1", "GIT_CONFIG_GLOBAL": "/dev/null"}
PEOPLE = [("Josiah Tarbucket", "josiah@example.org"), ("Keziah Blockmaker", "keziah@example.org"),
          ("Josiah Tarbucket", "josiah@example.org"), ("Obadiah Ropewalker", "obadiah@example.org"),
          ("Tabitha Chandler", "tabitha@example.org")]
BUGS = [(MOD, "        return [(node, -d) for d, _, node in sorted(results, reverse=True)]\n",
         "        return [(node, -d) for d, _, node in sorted(results)]\n"),
        (MOD, "        return math.pow(self.data[axis] - point[axis], 2)\n",
         "        return abs(self.data[axis] - point[axis])\n"),
        (MOD, "                in_range &= (data[d] >= top_left[d]) and (data[d] <= bottom_right[d])\n",
         "                in_range &= (data[d] > top_left[d]) and (data[d] <= bottom_right[d])\n")]
MYPY = "mypy --strict --config-file /dev/null --no-incremental --cache-dir=/dev/null"

SCRIPT = r"""import kdtree


class BlockTallyError(Exception):
    pass


# the chandlery's loft: what is stowed at each (bay, shelf) place
STOWED = {(1, 1): "single block", (1, 4): "double block", (2, 2): "snatch block", (3, 5): "fiddle block",
          (4, 1): "deadeye", (5, 3): "bullseye", (6, 6): "thimble", (2, 5): "sheave", (7, 2): "cleat"}
LOFT = kdtree.create(list(STOWED), dimensions=2)
# the stock book: who asked, from where, what they must be sent to, and the shelf range the book counts
ORDERS = [("Josiah Tarbucket", (1, 2), (1, 1), ((1, 1), (2, 2)), 2),
          ("Keziah Blockmaker", (6, 3), (5, 3), ((4, 1), (7, 3)), 3),
          ("Obadiah Ropewalker", (3, 4), (3, 5), ((2, 2), (3, 5)), 3),
          ("Tabitha Chandler", (7, 7), (6, 6), ((6, 6), (7, 7)), 1)]


def book(who, at, want, box, count):
    node, dist = LOFT.search_nn(at)
    got = tuple(node.data)
    shelf = sorted(tuple(n.data) for n in LOFT.range_search(*box))
    try:
        if got != want:
            raise ValueError(f"order from {at} went to {got} ({STOWED[got]}), the book says {want} ({STOWED[want]})")
        if len(shelf) != count:
            raise ValueError(f"range {box} holds {len(shelf)} places {shelf}, the book counts {count}")
        return f"{STOWED[got]} at {got}, distance {dist}, {len(shelf)} in range"
    except ValueError as exc:
        raise BlockTallyError(f"stock book: {who}'s order does not square "
                              f"(loft height {LOFT.height()}, balanced {LOFT.is_balanced})") from exc


print(f"ship's chandlery: {len(ORDERS)} orders against {len(STOWED)} stowed places")
for who, at, want, box, count in ORDERS:
    print(who, "->", book(who, at, want, box, count))
"""


def source(tmp: Path) -> None:
    """SRC/kdtree-0.17.tar.gz (its PyPI sdist), the round's venv and npm project."""
    cm.download_sdists(SRC, "kdtree-*.tar.gz", ["kdtree==0.17"])
    cm.install_venv(VENV, "mypy", ["pytest", "ruff", "mypy"])
    cm.install_npm(JS, "typescript", ["eslint", "@eslint/js", "typescript"])
    if str(VENV / "bin") not in cm.PATH_PREFIX:
        cm.PATH_PREFIX.insert(0, str(VENV / "bin"))


def python(tmp: Path) -> None:
    run(f"tar --no-same-owner -xzf {SRC}/{SV}.tar.gz && mv {SV} blockloft", cwd=tmp)
    cp = tmp / "blockloft"
    put_bugs(cp, BUGS)
    env = {"PYTHONPATH": str(cp)}
    cap("pytest-kdtree-blockloft-v-tbshort", "python -m pytest -v --tb=short --color=no -p no:cacheprovider "
        "test.py", cp, n_pytest, env=env, timeout=300)
    chain("chain-kdtree-pytest-q-exit", "chain-test-exit", "test",
          [Part("python -m pytest -q --color=no -p no:cacheprovider --tb=long test.py", n_pytest),
           Part("echo EXIT=$?", n_status_echo, ";")], cp, env=env, timeout=300)
    cap("mypy-strict-kdtree", f"{MYPY} kdtree.py test.py 2>&1 | tail -n 400", cp, n_mypy, env=env, timeout=300)
    (cp / "block_check.py").write_text(SCRIPT)
    cap("python-chained-traceback-block-check", "python3 block_check.py", cp, n_chained, env=env)


def git_history(tmp: Path) -> None:
    repo = history(tmp, SRC, "kdtree", SV, [MOD, MOD2, PG], PEOPLE, SEED, 40, BUGS)
    (repo / "NOTES.local").write_text("nearest neighbours listed farthest first; axis distance not squared; range lower bound strict\n")
    cap("git-log-p-kdtree-head-1300", "git log -p | head -n 1300", repo, n_log_p, env=GIT_ENV)


LOG_MSGS = {
    "INFO": lambda r: f"order {r.randint(100, 999)} for the {r.choice(['Mary Rose', 'Good Intent', 'Providence'])}: "
                      f"{r.randint(2, 40)} blocks, {r.randint(1, 9)} coils of {r.choice(['manila', 'hemp', 'tarred'])} "
                      f"cordage, bay {r.randint(1, 30)}",
    "DEBUG": lambda r: f"blockmaker {r.choice(['fore', 'aft', 'loft'])} turned {r.randint(20, 120)} sheaves of "
                       f"{r.choice(['lignum vitae', 'elm', 'ash'])}, tally {r.randint(100, 999)}, gauge {r.randint(1, 4)}",
    "WARNING": lambda r: f"ropewalk {r.randint(1, 40)} strand parted at {r.randint(3, 90)} fathoms, tar {r.randint(2, 12)} "
                         f"per cent short at {r.choice(['Ropewalk', 'Tar House', 'Block Loft'])}, {r.randint(1, 6)} coils held",
    "ERROR": lambda r: f"shelf {r.randint(1, 8)} collapsed in bay {r.randint(2, 32)}, {r.randint(1, 9)} "
                       f"{r.choice(['blocks', 'deadeyes', 'thimbles', 'coils'])} lost (tally {r.randint(1, 60)})",
}
DIRS = ("/usr/share/doc/libcmdliner-ocaml-dev", "/usr/share/doc/libfltk1.3")
PAGE_DIR = "/usr/share/doc/libcmdliner-ocaml-dev/html/api"
PAGE = "Cmdliner.Arg.html"


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
    with open(d / "blocks.csv", "w", newline="") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(["path", "kind", "name", "bytes", "links", "modified"])
        w.writerows(rows)
    run("sqlite3 blocks.db '.mode csv' '.import blocks.csv blocks'", cwd=d)
    cap("ls-laR-cmdliner-fltk-head", "ls -laR " + " ".join(DIRS) + " | head -n 900", d, n_ls_lR)
    app_log(d / "chandlers.log", 58114, 1500, ["chandlery.orders", "chandlery.ropewalk", "chandlery.blockloft",
                                                "chandlery.stores"], LOG_MSGS, 5811, "2026-12-03")
    cap("app-log-chandlers-tail-500", "tail -n 500 chandlers.log", d, n_app_log)
    chain("chain-log-grep-error-chandlers", "chain-log", "logs",
          [Part("grep -E ' (WARNING|ERROR) ' chandlers.log | head -n 280", n_app_log),
           Part("grep -c ERROR chandlers.log", None, ";")], d)
    srv = cm.start(f"cd {PAGE_DIR} && exec python3 -m http.server 18581 --bind 127.0.0.1")
    try:
        time.sleep(1.5)
        cap("curl-html-cmdliner-arg-head", f"curl -s http://127.0.0.1:18581/{PAGE} | head -n 1400", d, n_html)
    finally:
        os.killpg(srv.pid, signal.SIGTERM)


# round 291's words (the left-hand sides), then this round's
C_RENAMES = (("SPOOLGATE_H", "CORDAGEWALK_H"), ("spoolgate", "cordagewalk"), ("spool_t", "coil_t"),
             ("spools", "coils"), ("gate_t", "walk_t"), ("gate_weight", "walk_weight"),
             ("gate_find", "walk_find"), ("twist_permille", "lay_permille"), ("yarn_g", "strand_g"),
             ("fibre", "hemp"), ("passes", "layings"), ("twist_count_", "lay_count_"), ("_lot", "_bale"),
             ('"lot ', '"bale '), ("gate", "walk"))
RS_RENAMES = (("tillerhorn", "sheaveworks"), ("0.7.3", "0.5.81"), ("Tiller horns: sweep from horn bore, helm load "
              "and a ranking of tiller fits.", "Sheave works: purchase from pin bore, fall load and a "
              "ranking of block reeves."),
              ("sweep_n", "purchase_n"), ("helm_load", "fall_load"), ("bore_um", "pin_um"),
              ("pintle_um", "swallow_um"), ("horn_count", "sheave_count"), ("helm_", "fall_"), ("helm ", "fall "),
              ("sweep not on", "purchase not on"), ("rudder limit", "strop limit"), ("fits", "reeves"),
              ("spare_", "slack_"))


def c_build(tmp: Path) -> None:
    root = tmp / "cordagewalk"
    rnd = random.Random(58112)
    files = {"src/cordagewalk.h": renamed(base.GATE_H, C_RENAMES),
             "src/walkframe.c": renamed(base.GATE_C, C_RENAMES)}
    for k in range(30):
        files[f"src/fathom_{k:02d}.c"] = renamed(base.gen_c(k, rnd), C_RENAMES)
    objs = " ".join(f"build/{Path(p).stem}.o" for p in files if p.endswith(".c"))
    files["Makefile"] = ("CC=gcc\nCFLAGS=-Wall -Wextra -O1 -Isrc\nOBJS=" + objs + "\n\nall: cordagewalk\n\n"
                         "cordagewalk: $(OBJS)\n\t$(CC) -o $@ $(OBJS)\n\nbuild/%.o: src/%.c src/cordagewalk.h\n"
                         "\t@mkdir -p build\n\t$(CC) $(CFLAGS) -c $< -o $@\n\nclean:\n\trm -rf build cordagewalk\n")
    write_tree(root, files)
    chain("chain-make-k-cordagewalk-exit", "chain-build-exit", "build",
          [Part("make -k -j1 2>&1 | tail -n 400", n_make), Part("echo EXIT=$?", n_status_echo, ";")], root,
          timeout=600)
    cap("gcc-syntax-cordagewalk-fathoms", "gcc -Wall -Wextra -fsyntax-only -Isrc src/walkframe.c "
        "src/fathom_2[0-9].c", root, n_gcc, timeout=300)
    run("rm -rf build cordagewalk", cwd=root)


def rust(tmp: Path) -> None:
    root = tmp / "sheaveworks"
    rnd = random.Random(58113)
    broken = renamed(base.BROKEN, RS_RENAMES)
    write_tree(root, {"Cargo.toml": renamed(base.CARGO, RS_RENAMES), "src/lib.rs": renamed(base.LIB, RS_RENAMES),
                      "src/broken.rs": broken, "src/runs.rs": renamed(base.gen_runs(rnd, 120), RS_RENAMES)})
    env = {"CARGO_TARGET_DIR": str(tmp / "sheaveworks-target"), "CARGO_TERM_COLOR": "never", "CARGO_BUILD_JOBS": "1"}
    cap("cargo-build-errors-sheaveworks", "cargo build 2>&1", root, n_cargo_build, env=env, timeout=600)
    for line in ("    let label: String = idx.len();\n", "    idx.push(sheave_count);\n"):
        assert line in broken, line
        broken = broken.replace(line, "")
    (root / "src/broken.rs").write_text(broken)
    cap("cargo-test-sheaveworks-tail", "cargo test 2>&1 | grep -v '^test .* ok$' | tail -n 400", root, n_cargo_test,
        env=env, timeout=600)


# round 273's words, then this round's: the Go module, its app and what they count
GO_RENAMES = (("kegtally", "chandlerhold"), ("casebook", "sheavebook"), ("ledger host", "stores host"),
              ("litres left, days", "fathoms left, days"), ("nothing left to pour", "nothing left to issue"),
              ("pour order", "issue order"), ("pour grade", "cordage grade"), ("Keg", "Coil"), ("keg", "coil"),
              ("Beer", "Cordage"), ("beer", "cordage"), ("Cellar", "Loft"), ("cellar", "loft"),
              ("Pints", "Fathoms"), ("pints", "fathoms"))
CHANDLERIES = ["Block Loft", "Ropewalk", "Tar House", "Sail Store", "Fore Bay", "Aft Bay", "Cordage Shed",
               "Blockmaker's Bench", "Chain Locker", "Slop Room", "Quay Door", "Bay Nine"]
GO_STEP = g273.make_steps(cap, "chandlerhold", "sheavebook", 58111, CHANDLERIES, GO_RENAMES)[0]  # its shell step not run


def go(tmp: Path) -> None:
    GO_STEP(tmp)
    (tmp / "chandlerhold" / "restock.go").unlink(missing_ok=True)  # make_steps leaves its build-error file in place


# round 290's module in chandlery words: the words round 299's table replaces, in its order, each given a chandlery word
CHANDLERY_WORDS = ["deadeyestack", "block sums for the deadeyestack (rope lengths, reeve rates, shelf charts)",
                   "ropeFathoms", "reeveToMs", "lanyardBand", "shelfLabel", "sheaveArea", "shelfChart", "issuePlan",
                   "No issue planned", "unknown block type", "snatch", "fiddle", "shell", "sister",
                   "`shelf ${w + 1}", "seed = 58118",
                   "'block', 'THIMBLE', 'deadeye', 'Bullseye', 'cleat', 'fid', 'Marline', 'hank', 'tally', "
                   "'SHEAVE', 'pin',\n  'strop', 'becket', 'Chandler', 'swallow', 'cheek'",
                   "'Josiah', 'Keziah', 'Obadiah', 'Tabitha', 'Ezra', 'Hepzibah', 'Silas', 'Mercy', 'Enoch', "
                   "'Patience', 'Jethro', 'Zillah'"]
assert len(CHANDLERY_WORDS) == len(m299.WAGGLE_NAMES)
CHANDLERY_NAMES = [(old, new) for (old, _), new in zip(m299.WAGGLE_NAMES, CHANDLERY_WORDS)]


def chandlered(text: str) -> str:
    for old, new in CHANDLERY_NAMES:
        text = text.replace(old, new)
    return text


SS_BUGS = [(chandlered(rel), chandlered(old), chandlered(new)) for rel, old, new in m290.PA_BUGS]


def js_project(tmp: Path) -> None:
    root = tmp / "deadeyestack"
    for d in ("lib", "spec"):
        (root / d).mkdir(parents=True, exist_ok=True)
    run(f"ln -s {JS / 'node_modules'} node_modules", cwd=root)
    fixtures = chandlered(m290.FIXTURES)
    assert "58118" in fixtures and "STOPPER" not in fixtures and "Branwen" not in fixtures
    write_tree(root, {"package.json": json.dumps({"name": "deadeyestack", "version": "5.8.1", "type": "module",
                                                  "scripts": {"test": "node --test spec/"}}, indent=2) + "\n",
                      "fixtures.mjs": fixtures, "eslint.config.js": m290.ESLINT_CONFIG,
                      "lib/issue-plan.js": chandlered(m290.APP), "lib/deadeyestack.js": chandlered(m290.HAWSEHOLE),
                      "lib/package.json": json.dumps({"type": "commonjs"}) + "\n", "tsconfig.json": m290.TSCONFIG})
    run("node fixtures.mjs && rm fixtures.mjs", cwd=root)
    put_bugs(root / "lib", SS_BUGS)
    env = {"PATH": f"{JS}/node_modules/.bin:/usr/bin:/bin"}
    cap("node-test-deadeyestack-tail-700", "node --test spec/ 2>&1 | tail -n 700", root, n_node_test, env=env,
        timeout=300)
    chain("chain-eslint-tsc-deadeyestack", "chain-lint", "lint",
          [Part("npx eslint lib spec | head -n 400", n_eslint), Part("npx tsc --noEmit -p . | head -n 200", n_tsc, ";")],
          root, env=env, timeout=300)


DOCS = {"doc": str(TMP.parent / "hm-corpus-wide581-docs")}  # Cmdliner's Cmdliner.Arg.html


def specs(root: Path, env: dict) -> list:
    from capture_opencode import Spec
    from capture_wide15_langs import n_go_test
    from capture_wide15_oc import oc_ext
    from capture_wide191_oc import B, C
    S: list = [
        B("oc-bash-pytest-rA-v-tail-kdtree", n_pytest,
          "cd blockloft && PYTHONPATH=. python -m pytest --color=no -p no:cacheprovider -rA -v test.py "
          "2>&1 | tail -n 300"),
        B("oc-bash-ruff-full-kdtree", n_ruff,
          "ruff check --no-cache --isolated --select ALL --output-format=full blockloft/kdtree.py blockloft/test.py "
          "2>&1 | head -n 900"),
        B("oc-bash-git-blame-kdtree", n_blame, "cd blockloft-git && git blame -w kdtree.py"),
        B("oc-bash-git-show-kdtree-tests-part", n_show, "cd blockloft-git && git show ':/^test: part 3 '"),
        B("oc-bash-git-log-p-kdtree-reverse", n_log_p, "cd blockloft-git && git log -p --reverse | head -n 900"),
        B("oc-bash-make-k-cordagewalk", n_make, "make -C cordagewalk -k -B 2>&1 | tail -n 350"),
        B("oc-bash-cargo-test-sheaveworks", n_cargo_test, "cd sheaveworks && cargo test 2>&1 | tail -n 500"),
        B("oc-bash-cargo-clippy-sheaveworks", n_clippy, "cd sheaveworks && cargo clippy 2>&1 | tail -n 500"),
        B("oc-bash-go-test-v-chandlerhold", n_go_test,
          "cd chandlerhold && GOFLAGS=-mod=mod GOPROXY=off GOTOOLCHAIN=local go test -v ./... 2>&1 | tail -n 400"),
        B("oc-bash-ps-aux-mem-head-60", n_ps_aux, "ps aux --sort=-%mem | head -n 60"),
        B("oc-bash-sqlite-blocks-largest", n_sqlite_col,
          "sqlite3 -header -column blocks.db \"SELECT kind, path, CAST(bytes AS INT) AS bytes, modified "
          "FROM blocks ORDER BY CAST(bytes AS INT) DESC LIMIT 300\""),
        B("oc-bash-csv-sort-blocks", n_csv,
          "(head -n 1 blocks.csv; tail -n +2 blocks.csv | sort -t, -k4 -n) | head -n 300"),
        B("oc-bash-log-grep-ropewalk-chandlers", n_app_log,
          "grep -E 'ropewalk [37] |shelf [0-9] collapsed' chandlers.log | head -n 420"),
        B("oc-bash-eslint-deadeyestack", n_eslint, "cd deadeyestack && npx eslint lib spec 2>&1 | head -n 500"),
    ]
    S.append(C("oc-bash-chain-pytest-x-exit-kdtree", "chain-test-exit", "test",
               [Part("cd blockloft", None), Part("PYTHONPATH=. python -m pytest -x -q --color=no -p no:cacheprovider "
                                                 "test.py", n_pytest, "&&"),
                Part("echo EXIT=$?", n_status_echo, ";")], root, env, "Test blockloft"))
    S.append(C("oc-bash-chain-mypy-strict-kdtree", "chain-lint", "lint",
               [Part("cd blockloft", None), Part(f"{MYPY} --pretty kdtree.py 2>&1 "
                                                 "| tail -n 300", n_mypy, "&&")],
               root, env, "Type-check kdtree"))
    S.append(C("oc-bash-chain-git-status-diff-kdtree", "chain-git-status-diff", "git",
               [Part("cd blockloft-git", None), Part("git status", n_status, "&&"), Part("git diff", n_diff, "&&")],
               root, env, "Show the working tree changes"))
    S.append(C("oc-bash-chain-node-test-exit-deadeyestack", "chain-test-exit", "test",
               [Part("cd deadeyestack", None), Part("node --test spec/ 2>&1 | tail -n 500", n_node_test, "&&"),
                Part("echo EXIT=$?", n_status_echo, ";")], root, env, "Test deadeyestack"))
    S.append(C("oc-bash-chain-tsc-deadeyestack", "chain-lint", "lint",
               [Part("cd deadeyestack", None), Part("npx tsc --noEmit -p . 2>&1 | head -n 250", n_tsc, "&&")],
               root, env, "Type-check deadeyestack"))
    fw = "doc/cmdliner"
    O = [
        Spec("oc-grep-kdtree-def-axis", "oc-grep", "search", "grep",
             {"pattern": r"def \w+\(|self\.axis|\.data\[", "path": "blockloft", "include": "kdtree.py"}),
        Spec("oc-grep-cordagewalk-fathom", "oc-grep", "search", "grep",
             {"pattern": r"fathom_\w+\(|return ", "path": "cordagewalk"}),
        Spec("oc-glob-cordagewalk-c", "oc-glob", "listing", "glob", {"pattern": "**/*.[ch]", "path": "cordagewalk"}),
        Spec("oc-read-py-kdtree", "oc-read-source", "code", "read",
             {"filePath": f"{root}/blockloft/kdtree.py"}, "python"),
        Spec("oc-read-js-deadeyestack", "oc-read-source", "code", "read",
             {"filePath": f"{root}/deadeyestack/lib/deadeyestack.js"}, "js"),
        Spec("oc-webfetch-md-cmdliner-arg", "oc-webfetch-markdown", "doc", "webfetch",
             {"url": "{BASE}/" + fw + "/" + PAGE, "format": "markdown"}, source=f"{fw}/{PAGE}"),
        Spec("oc-webfetch-text-cmdliner-arg", "oc-webfetch-text", "doc", "webfetch",
             {"url": "{BASE}/" + fw + "/" + PAGE, "format": "text"}, source=f"{fw}/{PAGE}"),
    ]
    for spec in O:
        S.append((spec, oc_ext(spec.kind, spec.family, spec)))
    return S


def _doc_server(serve_dir: str):
    """capture_opencode.start_doc_server on the round's own loopback port (28581), round 436's way."""
    import functools
    import http.server
    import threading
    import capture_opencode as oco
    handler = functools.partial(oco._QuietHandler, directory=serve_dir)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 28581), handler)
    threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.1}, daemon=True).start()
    return server


def docs(tmp: Path) -> None:
    """The page OpenCode's webfetch reads: Cmdliner's Cmdliner.Arg.html."""
    d = Path(DOCS["doc"]) / "cmdliner"
    run(f"rm -rf {d} && mkdir -p {d} && cp {PAGE_DIR}/{PAGE} {d}/")


def opencode(tmp: Path) -> None:
    import functools
    import capture_opencode as oco
    from capture_wide191_oc import run_round
    orig = oco.start_doc_server, oco.StubServer
    oco.start_doc_server = _doc_server
    oco.StubServer = functools.partial(orig[1], port=38581)
    try:
        run_round(tmp, f"cp -r {tmp}/blockloft blockloft && cp -r {tmp}/kdtree-git blockloft-git && "
                  f"cp -r {tmp}/cordagewalk cordagewalk && cp -r {tmp}/sheaveworks sheaveworks && "
                  f"cp -r {tmp}/chandlerhold chandlerhold && cp -a {tmp}/deadeyestack deadeyestack && "
                  f"cp {tmp}/data/blocks.db {tmp}/data/blocks.csv {tmp}/data/chandlers.log .",
                  "find . -name __pycache__ -prune -exec rm -rf {} + ; rm -rf cordagewalk/build blockloft/.mypy_cache "
                  "blockloft/.ruff_cache",
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
    sys.modules.setdefault("capture_wide581", sys.modules["__main__"])
    main()
