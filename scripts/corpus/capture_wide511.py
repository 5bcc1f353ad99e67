"""Capture round 511 of the compression corpus (issue #11's kinds on real projects, most of them as OpenCode's tools
hand them over, no new rules), with names from a boatyard's sawpit (pit saws, top sawyers, baulks): PyTrie 0.4.0 (its
PyPI sdist) with bugs put in (project topsawyer) under its own test suite, ruff and mypy, and a chained traceback; a git
history of its pytrie.py; a C project (pitdogs) and a Rust crate (whipsaw) from round 291's generators imported and
renamed; a Go module (baulkyard) from round 273's make_steps imported with this round's words; a JavaScript project
(flitchboard) from round 290's module and generator imported and renamed; CSV/sqlite tables of /usr/share files, ps aux,
an application log, OpenSP's HTML docs on loopback; ONE headless OpenCode run over the same material (its bash, grep,
glob, read, webfetch). Every kind's extractor is an earlier round's, imported (NEEDLES.md's "Round 511: no new
rules"). The glue follows capture_wide511.py.

Usage:   .venv/bin/python scripts/corpus/capture_wide511.py [--out PATH] [--keep]
Writes:  scripts/corpus/data/wide511.json  as {"version": 2, "items": [...]}, ids prefixed "wide511-".
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

ID_PREFIX = "wide511-"
DEFAULT_OUT = HERE / "data" / "wide511.json"
TMP = Path("/dev/shm/hm-corpus-wide511")
SRC = Path("/dev/shm/hm-corpus-wide511-src")  # PyTrie-0.4.0.tar.gz, its PyPI sdist
VENV = Path("/dev/shm/hm-corpus-wide511-venv")  # the round's own tools: pytest, ruff, mypy, sortedcontainers
JS = Path("/dev/shm/hm-corpus-wide511-js")  # the round's own npm project: eslint, @eslint/js, typescript
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
SEED = 51110
SV = "PyTrie-0.4.0"
MOD = "pytrie.py"
PG = "README.md"
GIT_ENV = {"GIT_CONFIG_NOSYSTEM": "1", "GIT_CONFIG_GLOBAL": "/dev/null"}
PEOPLE = [("Barnabas Topman", "barnabas@example.org"), ("Obadiah Pitman", "obadiah@example.org"),
          ("Barnabas Topman", "barnabas@example.org"), ("Tabitha Kerf", "tabitha@example.org"),
          ("Silas Flitch", "silas@example.org")]
BUGS = [(MOD, "            del prefix[max_non_null_index+1:]\n", "            del prefix[max_non_null_index:]\n"),
        (MOD, "        return node is not None and node.value is not NULL\n", "        return node is not None\n"),
        (MOD, "        while node.value is NULL and not node.children and nodes_parts:\n",
         "        while node.value is NULL and nodes_parts:\n")]
MYPY = "mypy --strict --config-file /dev/null --no-incremental --cache-dir=/dev/null"

SCRIPT = r"""from pytrie import StringTrie


class BaulkCheckError(Exception):
    pass


# the pit's baulks by timber mark, with the planks each is set out for
PIT = StringTrie({"OAK-7": 14, "OAK-7-A": 9, "OAK-12": 11, "ELM-3": 8, "LARCH-12-B": 16, "ASH-2": 6})
TALLY = {mark: 0 for mark in PIT}
print(f"sawpit: {len(PIT)} baulks on the dogs: {', '.join(sorted(PIT))}")
for mark in ("OAK-7", "OAK-", "LARCH-12", "ASH-2"):
    print(f"  {mark!r:14} in pit: {mark in PIT}")

CUTS = [("Amos Topman", "OAK-7/3"), ("Barnabas Pitman", "OAK-7-A/1"), ("Cornelius Whipsaw", "ELM-3/2"),
        ("Dinah Tiller", "LARCH-12-B/5"), ("Ezra Trestle", "ASH-2/1")]


def cut(sawyer, plank):
    mark, planks = PIT.longest_prefix_item(plank)
    try:
        TALLY[mark] += 1
    except KeyError as exc:
        raise BaulkCheckError(f"baulk check: top sawyer {sawyer!r} cut {plank!r} from baulk {mark!r}, not on the "
                              f"dogs ({len(TALLY)} baulks tallied: {', '.join(TALLY)})") from exc
    return mark, planks


for sawyer, plank in CUTS:
    print(sawyer, "->", plank, cut(sawyer, plank))
"""


def source(tmp: Path) -> None:
    """SRC/PyTrie-0.4.0.tar.gz (its PyPI sdist), the round's venv and npm project."""
    cm.download_sdists(SRC, "PyTrie-*.tar.gz", ["PyTrie==0.4.0"])
    cm.install_venv(VENV, "mypy", ["pytest", "ruff", "mypy", "sortedcontainers"])
    cm.install_npm(JS, "typescript", ["eslint", "@eslint/js", "typescript"])
    if str(VENV / "bin") not in cm.PATH_PREFIX:
        cm.PATH_PREFIX.insert(0, str(VENV / "bin"))


def python(tmp: Path) -> None:
    run(f"tar --no-same-owner -xzf {SRC}/{SV}.tar.gz && mv {SV} topsawyer", cwd=tmp)
    cp = tmp / "topsawyer"
    put_bugs(cp, BUGS)
    env = {"PYTHONPATH": str(cp)}
    cap("pytest-pytrie-topsawyer-v-tbshort", "python -m pytest -v --tb=short --color=no -p no:cacheprovider tests",
        cp, n_pytest, env=env, timeout=300)
    chain("chain-pytrie-pytest-q-exit", "chain-test-exit", "test",
          [Part("python -m pytest -q --color=no -p no:cacheprovider --tb=long tests", n_pytest),
           Part("echo EXIT=$?", n_status_echo, ";")], cp, env=env, timeout=300)
    cap("mypy-strict-pytrie", f"{MYPY} pytrie.py tests 2>&1 | tail -n 400", cp, n_mypy, env=env, timeout=300)
    (cp / "baulk_check.py").write_text(SCRIPT)
    cap("python-chained-traceback-baulk-check", "python3 baulk_check.py", cp, n_chained, env=env)


def git_history(tmp: Path) -> None:
    repo = history(tmp, SRC, "pytrie", SV, [MOD, PG], PEOPLE, SEED, 40, BUGS)
    (repo / "NOTES.local").write_text("prefix key one part short; inner nodes count as keys; delete prunes live children\n")
    cap("git-log-p-pytrie-head-1300", "git log -p | head -n 1300", repo, n_log_p, env=GIT_ENV)


LOG_MSGS = {
    "INFO": lambda r: f"baulk {r.randint(1, 6)} set on the dogs, {r.randint(8, 24)} ft of {r.choice(['oak', 'elm', 'larch'])} "
                      f"{r.randint(12, 30)} in square, {r.randint(3, 9)} planks lined with chalk",
    "DEBUG": lambda r: f"sawyer {r.choice(['top', 'pit', 'box'])} drew {r.randint(40, 160)} strokes on the "
                       f"{r.choice(['frame', 'whip', 'long'])} saw, kerf {r.randint(2, 6)}/16 in, set {r.randint(1, 9)}",
    "WARNING": lambda r: f"baulk {r.randint(1, 40)} sap wood {r.randint(12, 30)} %, dog {r.randint(1, 9)} "
                         f"loose on {r.choice(['oak', 'ash', 'beech'])}, {r.randint(2, 14)} teeth dull",
    "ERROR": lambda r: f"baulk {r.randint(1, 8)} split at foot {r.randint(2, 24)}, {r.randint(4, 30)} "
                       f"ft {r.choice(['shaken', 'rotten', 'twisted', 'knotted'])} (plank {r.randint(1, 60)})",
}
DIRS = ("/usr/share/package-lists", "/usr/share/php8.2-common", "/usr/share/php8.2-xml", "/usr/share/python-apt",
        "/usr/share/pam-configs")


def data(tmp: Path) -> None:
    d = tmp / "data"
    d.mkdir()
    rows = []
    for top in DIRS:
        for p in sorted(Path(top).rglob("*")):
            if p.is_file() and not p.is_symlink():
                st = p.stat()
                rows.append([str(p.relative_to("/usr/share")), p.suffix.lstrip(".") or "-", p.name, st.st_size,
                             st.st_nlink, time.strftime("%Y-%m-%d", time.gmtime(st.st_mtime))])
    with open(d / "baulkfiles.csv", "w", newline="") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(["path", "kind", "name", "bytes", "links", "modified"])
        w.writerows(rows)
    run("sqlite3 baulkfiles.db '.mode csv' '.import baulkfiles.csv baulkfiles'", cwd=d)
    cap("ls-laR-packagelists-php-pythonapt-pamconfigs", "ls -laR " + " ".join(DIRS), d, n_ls_lR)
    app_log(d / "sawyers.log", 51114, 1500, ["pit.baulks", "pit.sawyers", "pit.dogs",
                                               "pit.saws"], LOG_MSGS, 5111, "2026-12-02")
    cap("app-log-sawyers-tail-500", "tail -n 500 sawyers.log", d, n_app_log)
    chain("chain-log-grep-error-sawyers", "chain-log", "logs",
          [Part("grep -E ' (WARNING|ERROR) ' sawyers.log | head -n 280", n_app_log),
           Part("grep -c ERROR sawyers.log", None, ";")], d)
    srv = cm.start("cd /usr/share/doc/opensp && exec python3 -m http.server 18511 --bind 127.0.0.1")
    try:
        time.sleep(1.5)
        cap("curl-html-opensp-generic-head", "curl -s http://127.0.0.1:18511/generic.htm | head -n 1400", d, n_html)
    finally:
        os.killpg(srv.pid, signal.SIGTERM)


# round 291's words (the left-hand sides), then this round's
C_RENAMES = (("SPOOLGATE_H", "PITDOGS_H"), ("spoolgate", "pitdogs"), ("spool_t", "plank_t"),
             ("spools", "planks"), ("gate_t", "baulk_t"), ("gate_weight", "baulk_weight"),
             ("gate_find", "baulk_find"), ("twist_permille", "kerf_permille"), ("yarn_g", "oak_g"),
             ("fibre", "timber"), ("passes", "strokes"), ("twist_count_", "kerf_count_"), ("_lot", "_cut"),
             ('"lot ', '"cut '), ("gate", "baulk"))
RS_RENAMES = (("tillerhorn", "whipsaw"), ("0.7.3", "0.5.11"), ("Tiller horns: sweep from horn bore, helm load "
              "and a ranking of tiller fits.", "Whipsaws: strokes from kerf width, frame load and a ranking of "
              "saw settings."),
              ("sweep_n", "stroke_n"), ("helm_load", "frame_load"), ("bore_um", "kerf_um"),
              ("pintle_um", "tooth_um"), ("horn_count", "saw_count"), ("helm_", "frame_"), ("helm ", "frame "),
              ("sweep not on", "stroke not on"), ("rudder limit", "pit limit"), ("fits", "settings"),
              ("spare_", "blunt_"))


def c_build(tmp: Path) -> None:
    root = tmp / "pitdogs"
    rnd = random.Random(51112)
    files = {"src/pitdogs.h": renamed(base.GATE_H, C_RENAMES), "src/pitframe.c": renamed(base.GATE_C, C_RENAMES)}
    for k in range(30):
        files[f"src/cut_{k:02d}.c"] = renamed(base.gen_c(k, rnd), C_RENAMES)
    objs = " ".join(f"build/{Path(p).stem}.o" for p in files if p.endswith(".c"))
    files["Makefile"] = ("CC=gcc\nCFLAGS=-Wall -Wextra -O1 -Isrc\nOBJS=" + objs + "\n\nall: pitdogs\n\n"
                         "pitdogs: $(OBJS)\n\t$(CC) -o $@ $(OBJS)\n\nbuild/%.o: src/%.c src/pitdogs.h\n"
                         "\t@mkdir -p build\n\t$(CC) $(CFLAGS) -c $< -o $@\n\nclean:\n\trm -rf build pitdogs\n")
    write_tree(root, files)
    chain("chain-make-k-pitdogs-exit", "chain-build-exit", "build",
          [Part("make -k -j1 2>&1 | tail -n 400", n_make), Part("echo EXIT=$?", n_status_echo, ";")], root,
          timeout=600)
    cap("gcc-syntax-pitdogs-cut", "gcc -Wall -Wextra -fsyntax-only -Isrc src/pitframe.c "
        "src/cut_2[0-9].c", root, n_gcc, timeout=300)
    run("rm -rf build pitdogs", cwd=root)


def rust(tmp: Path) -> None:
    root = tmp / "whipsaw"
    rnd = random.Random(51113)
    broken = renamed(base.BROKEN, RS_RENAMES)
    write_tree(root, {"Cargo.toml": renamed(base.CARGO, RS_RENAMES), "src/lib.rs": renamed(base.LIB, RS_RENAMES),
                      "src/broken.rs": broken, "src/runs.rs": renamed(base.gen_runs(rnd, 120), RS_RENAMES)})
    env = {"CARGO_TARGET_DIR": str(tmp / "whipsaw-target"), "CARGO_TERM_COLOR": "never", "CARGO_BUILD_JOBS": "1"}
    cap("cargo-build-errors-whipsaw", "cargo build 2>&1", root, n_cargo_build, env=env, timeout=600)
    for line in ("    let label: String = idx.len();\n", "    idx.push(saw_count);\n"):
        assert line in broken, line
        broken = broken.replace(line, "")
    (root / "src/broken.rs").write_text(broken)
    cap("cargo-test-whipsaw-tail", "cargo test 2>&1 | grep -v '^test .* ok$' | tail -n 400", root, n_cargo_test,
        env=env, timeout=600)


# round 273's words, then this round's: the Go module, its app and what they count
GO_RENAMES = (("kegtally", "baulkyard"), ("casebook", "sawyerbook"), ("ledger host", "pit host"),
              ("litres left, days", "planks left, days"), ("nothing left to pour", "nothing left to saw"),
              ("pour order", "sawing order"), ("pour grade", "timber grade"), ("Keg", "Baulk"), ("keg", "baulk"),
              ("Beer", "Timber"), ("beer", "timber"), ("Cellar", "Pit"), ("cellar", "pit"),
              ("Pints", "Planks"), ("pints", "planks"))
TIMBERS = ["English Oak", "Wych Elm", "European Larch", "Common Ash", "Sweet Chestnut", "Scots Pine", "Douglas Fir",
           "Copper Beech", "Sitka Spruce", "Black Poplar", "Irish Yew", "Western Red Cedar"]
GO_STEP = g273.make_steps(cap, "baulkyard", "sawyerbook", 51111, TIMBERS, GO_RENAMES)[0]  # its shell step not run


def go(tmp: Path) -> None:
    GO_STEP(tmp)
    (tmp / "baulkyard" / "restock.go").unlink(missing_ok=True)  # make_steps leaves its build-error file in place


# round 290's module in sawpit words: the words round 299's table replaces, in its order, each given a sawpit word
FIELD_WORDS = ["flitchboard", "pit sums for the flitchboard (baulk loads, sawing rates, plank charts)",
               "baulkLoad", "sawingToMs", "kerfBand", "sawingLabel", "baulkArea", "plankChart", "baulkPlan",
               "No baulk planned", "unknown timber type", "oak", "elm", "larch", "ash",
               "`sawyer ${w + 1}", "seed = 51118",
               "'oak', 'BAULK', 'kerf', 'Tiller', 'plank', 'flitch', 'Sawyer', 'dog', 'trestle', 'PIT', "
               "'slab',\n  'chalk', 'setting', 'Pitman', 'box', 'whipsaw'",
               "'Abel', 'Bathsheba', 'Caleb', 'Dinah', 'Ezra', 'Fanny', 'Gideon', 'Hannah', 'Isaac', "
               "'Jemima', 'Levi', 'Miriam'"]
assert len(FIELD_WORDS) == len(m299.WAGGLE_NAMES)
FIELD_NAMES = [(old, new) for (old, _), new in zip(m299.WAGGLE_NAMES, FIELD_WORDS)]


def fielded(text: str) -> str:
    for old, new in FIELD_NAMES:
        text = text.replace(old, new)
    return text


SB_BUGS = [(fielded(rel), fielded(old), fielded(new)) for rel, old, new in m290.PA_BUGS]


def js_project(tmp: Path) -> None:
    root = tmp / "flitchboard"
    for d in ("lib", "spec"):
        (root / d).mkdir(parents=True, exist_ok=True)
    run(f"ln -s {JS / 'node_modules'} node_modules", cwd=root)
    fixtures = fielded(m290.FIXTURES)
    assert "51118" in fixtures and "STOPPER" not in fixtures and "Branwen" not in fixtures
    write_tree(root, {"package.json": json.dumps({"name": "flitchboard", "version": "5.1.1", "type": "module",
                                                  "scripts": {"test": "node --test spec/"}}, indent=2) + "\n",
                      "fixtures.mjs": fixtures, "eslint.config.js": m290.ESLINT_CONFIG,
                      "lib/baulk-plan.js": fielded(m290.APP), "lib/flitchboard.js": fielded(m290.HAWSEHOLE),
                      "lib/package.json": json.dumps({"type": "commonjs"}) + "\n", "tsconfig.json": m290.TSCONFIG})
    run("node fixtures.mjs && rm fixtures.mjs", cwd=root)
    put_bugs(root / "lib", SB_BUGS)
    env = {"PATH": f"{JS}/node_modules/.bin:/usr/bin:/bin"}
    cap("node-test-flitchboard-tail-700", "node --test spec/ 2>&1 | tail -n 700", root, n_node_test, env=env, timeout=300)
    chain("chain-eslint-tsc-flitchboard", "chain-lint", "lint",
          [Part("npx eslint lib spec | head -n 400", n_eslint), Part("npx tsc --noEmit -p . | head -n 200", n_tsc, ";")],
          root, env=env, timeout=300)


DOCS = {"doc": str(TMP.parent / "hm-corpus-wide511-docs")}  # OpenSP's nsgmls.htm


def specs(root: Path, env: dict) -> list:
    from capture_opencode import Spec
    from capture_wide15_langs import n_go_test
    from capture_wide15_oc import oc_ext
    from capture_wide191_oc import B, C
    S: list = [
        B("oc-bash-pytest-rA-v-tail-pytrie", n_pytest,
          "cd topsawyer && PYTHONPATH=. python -m pytest --color=no -p no:cacheprovider -rA -v tests 2>&1 "
          "| tail -n 300"),
        B("oc-bash-ruff-full-pytrie", n_ruff,
          "ruff check --no-cache --isolated --select ALL --output-format=full topsawyer/pytrie.py 2>&1 "
          "| head -n 900"),
        B("oc-bash-git-blame-pytrie", n_blame, "cd topsawyer-git && git blame -w -L 136,260 pytrie.py"),
        B("oc-bash-git-show-pytrie-part", n_show, "cd topsawyer-git && git show ':/^pytrie: part 5 '"),
        B("oc-bash-git-log-p-pytrie-reverse", n_log_p, "cd topsawyer-git && git log -p --reverse | head -n 900"),
        B("oc-bash-make-k-pitdogs", n_make, "make -C pitdogs -k -B 2>&1 | tail -n 350"),
        B("oc-bash-cargo-test-whipsaw", n_cargo_test, "cd whipsaw && cargo test 2>&1 | tail -n 500"),
        B("oc-bash-cargo-clippy-whipsaw", n_clippy, "cd whipsaw && cargo clippy 2>&1 | tail -n 500"),
        B("oc-bash-go-test-v-baulkyard", n_go_test,
          "cd baulkyard && GOFLAGS=-mod=mod GOPROXY=off GOTOOLCHAIN=local go test -v ./... 2>&1 | tail -n 400"),
        B("oc-bash-ps-aux-mem-head-60", n_ps_aux, "ps aux --sort=-rss | head -n 60"),
        B("oc-bash-sqlite-baulkfiles-by-kind", n_sqlite_col,
          "sqlite3 -header -column baulkfiles.db \"SELECT kind, path, CAST(bytes AS INT) AS bytes, modified "
          "FROM baulkfiles ORDER BY kind, path\""),
        B("oc-bash-csv-sort-baulkfiles", n_csv,
          "(head -n 1 baulkfiles.csv; tail -n +2 baulkfiles.csv | sort -t, -k4 -n) | head -n 300"),
        B("oc-bash-log-grep-baulk-sawyers", n_app_log, "grep -E 'baulk [37] |split at foot' sawyers.log | head -n 420"),
        B("oc-bash-eslint-flitchboard", n_eslint, "cd flitchboard && npx eslint lib spec 2>&1 | head -n 500"),
    ]
    S.append(C("oc-bash-chain-pytest-x-exit-pytrie", "chain-test-exit", "test",
               [Part("cd topsawyer", None), Part("PYTHONPATH=. python -m pytest -x -q --color=no -p no:cacheprovider "
                                                  "tests", n_pytest, "&&"),
                Part("echo EXIT=$?", n_status_echo, ";")], root, env, "Test topsawyer"))
    S.append(C("oc-bash-chain-mypy-strict-pytrie", "chain-lint", "lint",
               [Part("cd topsawyer", None), Part(f"{MYPY} --pretty pytrie.py 2>&1 "
                                                  "| tail -n 300", n_mypy, "&&")],
               root, env, "Type-check pytrie"))
    S.append(C("oc-bash-chain-git-status-diff-pytrie", "chain-git-status-diff", "git",
               [Part("cd topsawyer-git", None), Part("git status", n_status, "&&"), Part("git diff", n_diff, "&&")],
               root, env, "Show the working tree changes"))
    S.append(C("oc-bash-chain-node-test-exit-flitchboard", "chain-test-exit", "test",
               [Part("cd flitchboard", None), Part("node --test spec/ 2>&1 | tail -n 500", n_node_test, "&&"),
                Part("echo EXIT=$?", n_status_echo, ";")], root, env, "Test flitchboard"))
    S.append(C("oc-bash-chain-tsc-flitchboard", "chain-lint", "lint",
               [Part("cd flitchboard", None), Part("npx tsc --noEmit -p . 2>&1 | head -n 250", n_tsc, "&&")],
               root, env, "Type-check flitchboard"))
    fw = "doc/opensp"
    O = [
        Spec("oc-grep-pytrie-def-raise", "oc-grep", "search", "grep",
             {"pattern": r"def \w+\(|raise \w+|NULL\b|KeyFactory", "path": "topsawyer", "include": "*.py"}),
        Spec("oc-grep-pitdogs-baulk", "oc-grep", "search", "grep",
             {"pattern": r"baulk_\w+\(|return ", "path": "pitdogs"}),
        Spec("oc-glob-pitdogs-c", "oc-glob", "listing", "glob", {"pattern": "**/*.[ch]", "path": "pitdogs"}),
        Spec("oc-read-py-pytrie", "oc-read-source", "code", "read",
             {"filePath": f"{root}/topsawyer/pytrie.py"}, "python"),
        Spec("oc-read-js-flitchboard", "oc-read-source", "code", "read",
             {"filePath": f"{root}/flitchboard/lib/flitchboard.js"}, "js"),
        Spec("oc-webfetch-md-opensp-nsgmls", "oc-webfetch-markdown", "doc", "webfetch",
             {"url": "{BASE}/" + fw + "/nsgmls.htm", "format": "markdown"}, source=f"{fw}/nsgmls.htm"),
        Spec("oc-webfetch-text-opensp-nsgmls", "oc-webfetch-text", "doc", "webfetch",
             {"url": "{BASE}/" + fw + "/nsgmls.htm", "format": "text"}, source=f"{fw}/nsgmls.htm"),
    ]
    for spec in O:
        S.append((spec, oc_ext(spec.kind, spec.family, spec)))
    return S


def _doc_server(serve_dir: str):
    """capture_opencode.start_doc_server on the round's own loopback port (28511), round 436's way."""
    import functools
    import http.server
    import threading
    import capture_opencode as oco
    handler = functools.partial(oco._QuietHandler, directory=serve_dir)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 28511), handler)
    threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.1}, daemon=True).start()
    return server


def docs(tmp: Path) -> None:
    """The page OpenCode's webfetch reads: OpenSP's nsgmls.htm."""
    d = Path(DOCS["doc"]) / "opensp"
    run(f"rm -rf {d} && mkdir -p {d} && cp /usr/share/doc/opensp/nsgmls.htm {d}/")


def opencode(tmp: Path) -> None:
    import functools
    import capture_opencode as oco
    from capture_wide191_oc import run_round
    orig = oco.start_doc_server, oco.StubServer
    oco.start_doc_server = _doc_server
    oco.StubServer = functools.partial(orig[1], port=38511)
    try:
        run_round(tmp, f"cp -r {tmp}/topsawyer topsawyer && cp -r {tmp}/pytrie-git topsawyer-git && "
                  f"cp -r {tmp}/pitdogs pitdogs && cp -r {tmp}/whipsaw whipsaw && "
                  f"cp -r {tmp}/baulkyard baulkyard && cp -a {tmp}/flitchboard flitchboard && "
                  f"cp {tmp}/data/baulkfiles.db {tmp}/data/baulkfiles.csv {tmp}/data/sawyers.log .",
                  "find . -name __pycache__ -prune -exec rm -rf {} + ; rm -rf pitdogs/build topsawyer/.mypy_cache "
                  "topsawyer/.ruff_cache",
                  DOCS, str(VENV), str(JS), specs, add, seed=SEED)
    finally:
        oco.start_doc_server, oco.StubServer = orig


def main() -> None:
    cm.capture_round(__doc__, lambda: None, lambda: [source, docs, git_history, rust, c_build, go, js_project, data, python,
                                                     opencode],
                     ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 10_000, 60_000))
    out = Path(sys.argv[sys.argv.index("--out") + 1]) if "--out" in sys.argv else DEFAULT_OUT
    drop_and_check(out)


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide511", sys.modules["__main__"])
    main()
