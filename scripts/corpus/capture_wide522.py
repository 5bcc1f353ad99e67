"""Capture round 522 of the compression corpus (issue #11's kinds on real projects, most of them as OpenCode's tools
hand them over, no new rules), with names from a cooperage (staves, hoops, coopers): Twiggy 0.5.1 (its PyPI sdist) with
bugs put in (project firkinyard) under its own test suite, ruff and mypy, and a chained traceback; a git history of its
levels.py and filters.py; a C project (crozeiron) and a Rust crate (bungstarter) from round 291's generators imported
and renamed; a Go module (cooperyard) from round 273's make_steps imported with this round's words; a JavaScript
project (stavepile) from round 290's module and generator imported and renamed; CSV/sqlite tables of /usr/share files,
ps aux, an application log, valgrind's HTML manual on loopback; ONE headless OpenCode run over the same material (its
bash, grep, glob, read, webfetch). Every kind's extractor is an earlier round's, imported (NEEDLES.md's "Round 522: no
new rules"). The glue follows capture_wide511.py.

Usage:   .venv/bin/python scripts/corpus/capture_wide522.py [--out PATH] [--keep]
Writes:  scripts/corpus/data/wide522.json  as {"version": 2, "items": [...]}, ids prefixed "wide522-".
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

ID_PREFIX = "wide522-"
DEFAULT_OUT = HERE / "data" / "wide522.json"
TMP = Path("/dev/shm/hm-corpus-wide522")
SRC = Path("/dev/shm/hm-corpus-wide522-src")  # Twiggy-0.5.1.tar.gz, its PyPI sdist
VENV = Path("/dev/shm/hm-corpus-wide522-venv")  # the round's own tools: pytest, ruff, mypy, six
JS = Path("/dev/shm/hm-corpus-wide522-js")  # the round's own npm project: eslint, @eslint/js, typescript
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
SEED = 52210
SV = "Twiggy-0.5.1"
MOD = "twiggy/levels.py"
MOD2 = "twiggy/filters.py"
PG = "README.rst"
GIT_ENV = {"GIT_CONFIG_NOSYSTEM": "1", "GIT_CONFIG_GLOBAL": "/dev/null"}
PEOPLE = [("Hezekiah Hooper", "hezekiah@example.org"), ("Keziah Cooper", "keziah@example.org"),
          ("Hezekiah Hooper", "hezekiah@example.org"), ("Zebulon Stave", "zebulon@example.org"),
          ("Mercy Trussell", "mercy@example.org")]
BUGS = [(MOD, "            return self.__value <= other.__value\n", "            return self.__value < other.__value\n"),
        (MOD, "    return LogLevel._name2levels[name.upper()]\n", "    return LogLevel._name2levels[name]\n"),
        (MOD2, "        return msg.name in names_set\n", "        return msg.name not in names_set\n")]
MYPY = "mypy --strict --config-file /dev/null --no-incremental --cache-dir=/dev/null"

SCRIPT = r"""from twiggy import levels
from twiggy.filters import names


class StaveCheckError(Exception):
    pass


class Entry:
    def __init__(self, name):
        self.name = name


# the cooperage's book: each cooper's stave check and the level it is logged at
BOOK = [("Amos Cooper", "head stave 3", "INFO"), ("Bethia Hooper", "chime hoop 2", "NOTICE"),
        ("Caleb Trussell", "bilge hoop 1", "warning"), ("Dorcas Croze", "bung stave 7", "ERROR")]
MIN = levels.NOTICE
print(f"cooperage: {len(BOOK)} checks, logged from {MIN} up; NOTICE <= NOTICE: {levels.NOTICE <= levels.NOTICE}")
yard = names("yard.staves", "yard.hoops")
for logger in ("yard.staves", "yard.hoops", "yard.fires"):
    print(f"  {logger!r:14} kept by the yard filter: {yard(Entry(logger))}")


def check(cooper, stave, level_name):
    try:
        level = levels.name2level(level_name)
    except KeyError as exc:
        raise StaveCheckError(f"stave check: cooper {cooper!r} logged {stave!r} at level {level_name!r}, not in the "
                              f"book's levels ({', '.join(sorted(levels.LogLevel._name2levels))})") from exc
    return level, level >= MIN


for cooper, stave, level_name in BOOK:
    print(cooper, "->", stave, check(cooper, stave, level_name))
"""


def source(tmp: Path) -> None:
    """SRC/Twiggy-0.5.1.tar.gz (its PyPI sdist), the round's venv and npm project."""
    cm.download_sdists(SRC, "Twiggy-*.tar.gz", ["Twiggy==0.5.1"])
    cm.install_venv(VENV, "mypy", ["pytest", "ruff", "mypy", "six"])
    cm.install_npm(JS, "typescript", ["eslint", "@eslint/js", "typescript"])
    if str(VENV / "bin") not in cm.PATH_PREFIX:
        cm.PATH_PREFIX.insert(0, str(VENV / "bin"))


def python(tmp: Path) -> None:
    run(f"tar --no-same-owner -xzf {SRC}/{SV}.tar.gz && mv {SV} firkinyard", cwd=tmp)
    cp = tmp / "firkinyard"
    put_bugs(cp, BUGS)
    env = {"PYTHONPATH": str(cp)}
    cap("pytest-twiggy-firkinyard-v-tbshort", "python -m pytest -v --tb=short --color=no -p no:cacheprovider tests",
        cp, n_pytest, env=env, timeout=300)
    chain("chain-twiggy-pytest-q-exit", "chain-test-exit", "test",
          [Part("python -m pytest -q --color=no -p no:cacheprovider --tb=long tests", n_pytest),
           Part("echo EXIT=$?", n_status_echo, ";")], cp, env=env, timeout=300)
    cap("mypy-strict-twiggy", f"{MYPY} twiggy tests 2>&1 | tail -n 400", cp, n_mypy, env=env, timeout=300)
    (cp / "stave_check.py").write_text(SCRIPT)
    cap("python-chained-traceback-stave-check", "python3 stave_check.py", cp, n_chained, env=env)


def git_history(tmp: Path) -> None:
    repo = history(tmp, SRC, "twiggy", SV, [MOD, MOD2, PG], PEOPLE, SEED, 40, BUGS)
    (repo / "NOTES.local").write_text("<= made strict; level names case-sensitive; names() filter inverted\n")
    cap("git-log-p-twiggy-head-1300", "git log -p | head -n 1300", repo, n_log_p, env=GIT_ENV)


LOG_MSGS = {
    "INFO": lambda r: f"cask {r.randint(1, 6)} raised on the truss, {r.randint(24, 40)} staves of "
                      f"{r.choice(['white oak', 'chestnut', 'acacia'])} {r.randint(20, 30)} mm, {r.randint(4, 8)} hoops driven",
    "DEBUG": lambda r: f"cooper {r.choice(['head', 'bench', 'yard'])} gave {r.randint(20, 120)} blows with the "
                       f"{r.choice(['driver', 'adze', 'croze'])}, chime {r.randint(2, 9)} mm, toast {r.randint(1, 4)}",
    "WARNING": lambda r: f"cask {r.randint(1, 40)} bilge {r.randint(2, 12)} mm out of true, hoop {r.randint(1, 8)} "
                         f"slack on {r.choice(['oak', 'chestnut', 'mulberry'])}, {r.randint(1, 6)} staves weeping",
    "ERROR": lambda r: f"cask {r.randint(1, 8)} split at stave {r.randint(2, 32)}, {r.randint(1, 9)} "
                       f"mm {r.choice(['shake', 'wormhole', 'knot', 'sapwood'])} (bung {r.randint(1, 60)})",
}
DIRS = ("/usr/share/util-linux", "/usr/share/ucf", "/usr/share/zsh/functions/Misc", "/usr/share/zsh/functions/Calendar",
        "/usr/share/zsh/functions/Prompts")


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
    with open(d / "stavefiles.csv", "w", newline="") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(["path", "kind", "name", "bytes", "links", "modified"])
        w.writerows(rows)
    run("sqlite3 stavefiles.db '.mode csv' '.import stavefiles.csv stavefiles'", cwd=d)
    cap("ls-laR-utillinux-ucf-zsh-functions", "ls -laR " + " ".join(DIRS), d, n_ls_lR)
    app_log(d / "coopers.log", 52214, 1500, ["yard.staves", "yard.hoops", "yard.coopers",
                                               "yard.fires"], LOG_MSGS, 5222, "2026-12-02")
    cap("app-log-coopers-tail-500", "tail -n 500 coopers.log", d, n_app_log)
    chain("chain-log-grep-error-coopers", "chain-log", "logs",
          [Part("grep -E ' (WARNING|ERROR) ' coopers.log | head -n 280", n_app_log),
           Part("grep -c ERROR coopers.log", None, ";")], d)
    srv = cm.start("cd /usr/share/doc/valgrind/html && exec python3 -m http.server 18522 --bind 127.0.0.1")
    try:
        time.sleep(1.5)
        cap("curl-html-valgrind-dh-manual-head", "curl -s http://127.0.0.1:18522/dh-manual.html | head -n 1400", d, n_html)
    finally:
        os.killpg(srv.pid, signal.SIGTERM)


# round 291's words (the left-hand sides), then this round's
C_RENAMES = (("SPOOLGATE_H", "CROZEIRON_H"), ("spoolgate", "crozeiron"), ("spool_t", "stave_t"),
             ("spools", "staves"), ("gate_t", "hoop_t"), ("gate_weight", "hoop_weight"),
             ("gate_find", "hoop_find"), ("twist_permille", "bilge_permille"), ("yarn_g", "oak_g"),
             ("fibre", "wood"), ("passes", "blows"), ("twist_count_", "bilge_count_"), ("_lot", "_raise"),
             ('"lot ', '"raise '), ("gate", "hoop"))
RS_RENAMES = (("tillerhorn", "bungstarter"), ("0.7.3", "0.5.22"), ("Tiller horns: sweep from horn bore, helm load "
              "and a ranking of tiller fits.", "Bung starters: blows from bung bore, truss load and a ranking of "
              "hoop settings."),
              ("sweep_n", "blow_n"), ("helm_load", "truss_load"), ("bore_um", "bung_um"),
              ("pintle_um", "chime_um"), ("horn_count", "bung_count"), ("helm_", "truss_"), ("helm ", "truss "),
              ("sweep not on", "blow not on"), ("rudder limit", "yard limit"), ("fits", "settings"),
              ("spare_", "worn_"))


def c_build(tmp: Path) -> None:
    root = tmp / "crozeiron"
    rnd = random.Random(52212)
    files = {"src/crozeiron.h": renamed(base.GATE_H, C_RENAMES), "src/hoopframe.c": renamed(base.GATE_C, C_RENAMES)}
    for k in range(30):
        files[f"src/stave_{k:02d}.c"] = renamed(base.gen_c(k, rnd), C_RENAMES)
    objs = " ".join(f"build/{Path(p).stem}.o" for p in files if p.endswith(".c"))
    files["Makefile"] = ("CC=gcc\nCFLAGS=-Wall -Wextra -O1 -Isrc\nOBJS=" + objs + "\n\nall: crozeiron\n\n"
                         "crozeiron: $(OBJS)\n\t$(CC) -o $@ $(OBJS)\n\nbuild/%.o: src/%.c src/crozeiron.h\n"
                         "\t@mkdir -p build\n\t$(CC) $(CFLAGS) -c $< -o $@\n\nclean:\n\trm -rf build crozeiron\n")
    write_tree(root, files)
    chain("chain-make-k-crozeiron-exit", "chain-build-exit", "build",
          [Part("make -k -j1 2>&1 | tail -n 400", n_make), Part("echo EXIT=$?", n_status_echo, ";")], root,
          timeout=600)
    cap("gcc-syntax-crozeiron-staves", "gcc -Wall -Wextra -fsyntax-only -Isrc src/hoopframe.c "
        "src/stave_2[0-9].c", root, n_gcc, timeout=300)
    run("rm -rf build crozeiron", cwd=root)


def rust(tmp: Path) -> None:
    root = tmp / "bungstarter"
    rnd = random.Random(52213)
    broken = renamed(base.BROKEN, RS_RENAMES)
    write_tree(root, {"Cargo.toml": renamed(base.CARGO, RS_RENAMES), "src/lib.rs": renamed(base.LIB, RS_RENAMES),
                      "src/broken.rs": broken, "src/runs.rs": renamed(base.gen_runs(rnd, 120), RS_RENAMES)})
    env = {"CARGO_TARGET_DIR": str(tmp / "bungstarter-target"), "CARGO_TERM_COLOR": "never", "CARGO_BUILD_JOBS": "1"}
    cap("cargo-build-errors-bungstarter", "cargo build 2>&1", root, n_cargo_build, env=env, timeout=600)
    for line in ("    let label: String = idx.len();\n", "    idx.push(bung_count);\n"):
        assert line in broken, line
        broken = broken.replace(line, "")
    (root / "src/broken.rs").write_text(broken)
    cap("cargo-test-bungstarter-tail", "cargo test 2>&1 | grep -v '^test .* ok$' | tail -n 400", root, n_cargo_test,
        env=env, timeout=600)


# round 273's words, then this round's: the Go module, its app and what they count
GO_RENAMES = (("kegtally", "cooperyard"), ("casebook", "hoopbook"), ("ledger host", "yard host"),
              ("litres left, days", "staves left, days"), ("nothing left to pour", "nothing left to raise"),
              ("pour order", "raising order"), ("pour grade", "wood grade"), ("Keg", "Cask"), ("keg", "cask"),
              ("Beer", "Wood"), ("beer", "wood"), ("Cellar", "Yard"), ("cellar", "yard"),
              ("Pints", "Staves"), ("pints", "staves"))
WOODS = ["White Oak", "Sessile Oak", "Sweet Chestnut", "Black Locust", "White Mulberry", "Wild Cherry", "Red Oak",
         "Limousin Oak", "Hungarian Oak", "Common Juniper", "Mountain Ash", "Bald Cypress"]
GO_STEP = g273.make_steps(cap, "cooperyard", "hoopbook", 52211, WOODS, GO_RENAMES)[0]  # its shell step not run


def go(tmp: Path) -> None:
    GO_STEP(tmp)
    (tmp / "cooperyard" / "restock.go").unlink(missing_ok=True)  # make_steps leaves its build-error file in place


# round 290's module in cooperage words: the words round 299's table replaces, in its order, each given a cooperage word
FIELD_WORDS = ["stavepile", "yard sums for the stavepile (hoop loads, raising rates, stave charts)",
               "hoopLoad", "raisingToMs", "bilgeBand", "raisingLabel", "hoopArea", "staveChart", "hoopPlan",
               "No hoop planned", "unknown wood type", "oak", "chestnut", "acacia", "mulberry",
               "`cooper ${w + 1}", "seed = 52218",
               "'oak', 'HOOP', 'croze', 'Driver', 'stave', 'chime', 'Cooper', 'bung', 'truss', 'YARD', "
               "'bilge',\n  'adze', 'heading', 'Hooper', 'firkin', 'kilderkin'",
               "'Abigail', 'Bezaleel', 'Charity', 'Dorcas', 'Eli', 'Faith', 'Gershom', 'Huldah', 'Ichabod', "
               "'Jerusha', 'Lemuel', 'Mehitabel'"]
assert len(FIELD_WORDS) == len(m299.WAGGLE_NAMES)
FIELD_NAMES = [(old, new) for (old, _), new in zip(m299.WAGGLE_NAMES, FIELD_WORDS)]


def fielded(text: str) -> str:
    for old, new in FIELD_NAMES:
        text = text.replace(old, new)
    return text


SB_BUGS = [(fielded(rel), fielded(old), fielded(new)) for rel, old, new in m290.PA_BUGS]


def js_project(tmp: Path) -> None:
    root = tmp / "stavepile"
    for d in ("lib", "spec"):
        (root / d).mkdir(parents=True, exist_ok=True)
    run(f"ln -s {JS / 'node_modules'} node_modules", cwd=root)
    fixtures = fielded(m290.FIXTURES)
    assert "52218" in fixtures and "STOPPER" not in fixtures and "Branwen" not in fixtures
    write_tree(root, {"package.json": json.dumps({"name": "stavepile", "version": "5.1.1", "type": "module",
                                                  "scripts": {"test": "node --test spec/"}}, indent=2) + "\n",
                      "fixtures.mjs": fixtures, "eslint.config.js": m290.ESLINT_CONFIG,
                      "lib/hoop-plan.js": fielded(m290.APP), "lib/stavepile.js": fielded(m290.HAWSEHOLE),
                      "lib/package.json": json.dumps({"type": "commonjs"}) + "\n", "tsconfig.json": m290.TSCONFIG})
    run("node fixtures.mjs && rm fixtures.mjs", cwd=root)
    put_bugs(root / "lib", SB_BUGS)
    env = {"PATH": f"{JS}/node_modules/.bin:/usr/bin:/bin"}
    cap("node-test-stavepile-tail-700", "node --test spec/ 2>&1 | tail -n 700", root, n_node_test, env=env, timeout=300)
    chain("chain-eslint-tsc-stavepile", "chain-lint", "lint",
          [Part("npx eslint lib spec | head -n 400", n_eslint), Part("npx tsc --noEmit -p . | head -n 200", n_tsc, ";")],
          root, env=env, timeout=300)


DOCS = {"doc": str(TMP.parent / "hm-corpus-wide522-docs")}  # valgrind's cl-manual.html


def specs(root: Path, env: dict) -> list:
    from capture_opencode import Spec
    from capture_wide15_langs import n_go_test
    from capture_wide15_oc import oc_ext
    from capture_wide191_oc import B, C
    S: list = [
        B("oc-bash-pytest-rA-v-tail-twiggy", n_pytest,
          "cd firkinyard && PYTHONPATH=. python -m pytest --color=no -p no:cacheprovider -rA -v tests 2>&1 "
          "| tail -n 300"),
        B("oc-bash-ruff-full-twiggy", n_ruff,
          "ruff check --no-cache --isolated --select ALL --output-format=full firkinyard/twiggy 2>&1 "
          "| head -n 900"),
        B("oc-bash-git-blame-twiggy-filters", n_blame, "cd firkinyard-git && git blame -w twiggy/filters.py"),
        B("oc-bash-git-show-twiggy-levels-part", n_show, "cd firkinyard-git && git show ':/^levels: part 3 '"),
        B("oc-bash-git-log-p-twiggy-reverse", n_log_p, "cd firkinyard-git && git log -p --reverse | head -n 900"),
        B("oc-bash-make-k-crozeiron", n_make, "make -C crozeiron -k -B 2>&1 | tail -n 350"),
        B("oc-bash-cargo-test-bungstarter", n_cargo_test, "cd bungstarter && cargo test 2>&1 | tail -n 500"),
        B("oc-bash-cargo-clippy-bungstarter", n_clippy, "cd bungstarter && cargo clippy 2>&1 | tail -n 500"),
        B("oc-bash-go-test-v-cooperyard", n_go_test,
          "cd cooperyard && GOFLAGS=-mod=mod GOPROXY=off GOTOOLCHAIN=local go test -v ./... 2>&1 | tail -n 400"),
        B("oc-bash-ps-aux-mem-head-60", n_ps_aux, "ps aux --sort=-rss | head -n 60"),
        B("oc-bash-sqlite-stavefiles-by-kind", n_sqlite_col,
          "sqlite3 -header -column stavefiles.db \"SELECT kind, path, CAST(bytes AS INT) AS bytes, modified "
          "FROM stavefiles ORDER BY kind, path\""),
        B("oc-bash-csv-sort-stavefiles", n_csv,
          "(head -n 1 stavefiles.csv; tail -n +2 stavefiles.csv | sort -t, -k4 -n) | head -n 300"),
        B("oc-bash-log-grep-cask-coopers", n_app_log, "grep -E 'cask [37] |split at stave' coopers.log | head -n 420"),
        B("oc-bash-eslint-stavepile", n_eslint, "cd stavepile && npx eslint lib spec 2>&1 | head -n 500"),
    ]
    S.append(C("oc-bash-chain-pytest-x-exit-twiggy", "chain-test-exit", "test",
               [Part("cd firkinyard", None), Part("PYTHONPATH=. python -m pytest -x -q --color=no -p no:cacheprovider "
                                                  "tests", n_pytest, "&&"),
                Part("echo EXIT=$?", n_status_echo, ";")], root, env, "Test firkinyard"))
    S.append(C("oc-bash-chain-mypy-strict-twiggy", "chain-lint", "lint",
               [Part("cd firkinyard", None), Part(f"{MYPY} --pretty twiggy 2>&1 "
                                                  "| tail -n 300", n_mypy, "&&")],
               root, env, "Type-check twiggy"))
    S.append(C("oc-bash-chain-git-status-diff-twiggy", "chain-git-status-diff", "git",
               [Part("cd firkinyard-git", None), Part("git status", n_status, "&&"), Part("git diff", n_diff, "&&")],
               root, env, "Show the working tree changes"))
    S.append(C("oc-bash-chain-node-test-exit-stavepile", "chain-test-exit", "test",
               [Part("cd stavepile", None), Part("node --test spec/ 2>&1 | tail -n 500", n_node_test, "&&"),
                Part("echo EXIT=$?", n_status_echo, ";")], root, env, "Test stavepile"))
    S.append(C("oc-bash-chain-tsc-stavepile", "chain-lint", "lint",
               [Part("cd stavepile", None), Part("npx tsc --noEmit -p . 2>&1 | head -n 250", n_tsc, "&&")],
               root, env, "Type-check stavepile"))
    fw = "doc/valgrind"
    O = [
        Spec("oc-grep-twiggy-def-raise", "oc-grep", "search", "grep",
             {"pattern": r"def \w+\(|raise \w+|LogLevel\b|names_set", "path": "firkinyard", "include": "*.py"}),
        Spec("oc-grep-crozeiron-hoop", "oc-grep", "search", "grep",
             {"pattern": r"hoop_\w+\(|return ", "path": "crozeiron"}),
        Spec("oc-glob-crozeiron-c", "oc-glob", "listing", "glob", {"pattern": "**/*.[ch]", "path": "crozeiron"}),
        Spec("oc-read-py-twiggy-levels", "oc-read-source", "code", "read",
             {"filePath": f"{root}/firkinyard/twiggy/levels.py"}, "python"),
        Spec("oc-read-js-stavepile", "oc-read-source", "code", "read",
             {"filePath": f"{root}/stavepile/lib/stavepile.js"}, "js"),
        Spec("oc-webfetch-md-valgrind-cl-manual", "oc-webfetch-markdown", "doc", "webfetch",
             {"url": "{BASE}/" + fw + "/cl-manual.html", "format": "markdown"}, source=f"{fw}/cl-manual.html"),
        Spec("oc-webfetch-text-valgrind-cl-manual", "oc-webfetch-text", "doc", "webfetch",
             {"url": "{BASE}/" + fw + "/cl-manual.html", "format": "text"}, source=f"{fw}/cl-manual.html"),
    ]
    for spec in O:
        S.append((spec, oc_ext(spec.kind, spec.family, spec)))
    return S


def _doc_server(serve_dir: str):
    """capture_opencode.start_doc_server on the round's own loopback port (28522), round 436's way."""
    import functools
    import http.server
    import threading
    import capture_opencode as oco
    handler = functools.partial(oco._QuietHandler, directory=serve_dir)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 28522), handler)
    threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.1}, daemon=True).start()
    return server


def docs(tmp: Path) -> None:
    """The page OpenCode's webfetch reads: valgrind's cl-manual.html."""
    d = Path(DOCS["doc"]) / "valgrind"
    run(f"rm -rf {d} && mkdir -p {d} && cp /usr/share/doc/valgrind/html/cl-manual.html {d}/")


def opencode(tmp: Path) -> None:
    import functools
    import capture_opencode as oco
    from capture_wide191_oc import run_round
    orig = oco.start_doc_server, oco.StubServer
    oco.start_doc_server = _doc_server
    oco.StubServer = functools.partial(orig[1], port=38522)
    try:
        run_round(tmp, f"cp -r {tmp}/firkinyard firkinyard && cp -r {tmp}/twiggy-git firkinyard-git && "
                  f"cp -r {tmp}/crozeiron crozeiron && cp -r {tmp}/bungstarter bungstarter && "
                  f"cp -r {tmp}/cooperyard cooperyard && cp -a {tmp}/stavepile stavepile && "
                  f"cp {tmp}/data/stavefiles.db {tmp}/data/stavefiles.csv {tmp}/data/coopers.log .",
                  "find . -name __pycache__ -prune -exec rm -rf {} + ; rm -rf crozeiron/build firkinyard/.mypy_cache "
                  "firkinyard/.ruff_cache",
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
    sys.modules.setdefault("capture_wide522", sys.modules["__main__"])
    main()
