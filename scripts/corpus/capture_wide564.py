"""Capture round 564 of the compression corpus (issue #11's kinds on real projects, most of them as OpenCode's tools
hand them over, no new rules), with names from a slate quarry (splitters, dressers, inclines): pluralizer 2.0.0 (its
PyPI sdist) with bugs put in (project splitshed) under its own test suite, ruff and mypy, and a chained traceback; a
git history of its pluralizer/pluralizer.py and tests/test_pluralize.py; a C project (dresserbank) and a Rust crate
(inclineworks) from round 291's generators imported and renamed; a Go module (quarryhole) from round 273's make_steps
imported with this round's words; a JavaScript project (slatestack) from round 290's module and generator imported and
renamed; CSV/sqlite tables of /usr/share files, ps aux, an application log, gp2c's gp2c.html on loopback; ONE headless
OpenCode run over the same material (its bash, grep, glob, read, webfetch). Every kind's extractor is an earlier
round's, imported (NEEDLES.md's "Round 564: no new rules"). The glue follows capture_wide552.py.

Usage:   .venv/bin/python scripts/corpus/capture_wide564.py [--out PATH] [--keep]
Writes:  scripts/corpus/data/wide564.json  as {"version": 2, "items": [...]}, ids prefixed "wide564-".
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

ID_PREFIX = "wide564-"
DEFAULT_OUT = HERE / "data" / "wide564.json"
TMP = Path("/dev/shm/hm-corpus-wide564")
SRC = Path("/dev/shm/hm-corpus-wide564-src")  # pluralizer-2.0.0.tar.gz, its PyPI sdist
VENV = Path("/dev/shm/hm-corpus-wide564-venv")  # the round's own tools: pytest, ruff, mypy
JS = Path("/dev/shm/hm-corpus-wide564-js")  # the round's own npm project: eslint, @eslint/js, typescript
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
SEED = 56410
SV = "pluralizer-2.0.0"
MOD = "pluralizer/pluralizer.py"
MOD2 = "tests/test_pluralize.py"
PG = "pyproject.toml"
GIT_ENV = {"GIT_CONFIG_NOSYSTEM": "1", "GIT_CONFIG_GLOBAL": "/dev/null"}
PEOPLE = [("Griffith Rockman", "griffith@example.org"), ("Morwenna Splitter", "morwenna@example.org"),
          ("Griffith Rockman", "griffith@example.org"), ("Emrys Dresser", "emrys@example.org"),
          ("Catrin Inclineman", "catrin@example.org")]
BUGS = [(MOD, "            return token.upper()\n", "            return token.lower()\n"),
        (MOD, '        return (str(count) + " " if inclusive else "") + pluralized\n',
         '        return (str(count) if inclusive else "") + pluralized\n'),
        (MOD, "        self.irregularPlurals[plural] = single\n", "        self.irregularPlurals[single] = plural\n")]
MYPY = "mypy --strict --config-file /dev/null --no-incremental --cache-dir=/dev/null"

SCRIPT = r"""from pluralizer import Pluralizer


class SlateTallyError(Exception):
    pass


P = Pluralizer()
# the quarry's day book: who counted what, the word in the book, how many, and how the book must read
TALLY = [("Griffith Rockman", "slate", 2, False, "slates"),
         ("Morwenna Splitter", "splitter", 7, True, "7 splitters"),
         ("Emrys Dresser", "DRESSER", 3, False, "DRESSERS"),
         ("Catrin Inclineman", "incline", 1, True, "1 incline")]


def book(who, word, count, inclusive, want):
    got = P.pluralize(word, count, inclusive)
    try:
        if got != want:
            raise ValueError(f"{word!r} x{count} reads {got!r}, the book says {want!r}")
        return got
    except ValueError as exc:
        raise SlateTallyError(f"day book: {who}'s tally of {word!r} does not square "
                              f"(plural {P.plural(word)!r}, singular {P.singular(word)!r})") from exc


print(f"slate quarry: {len(TALLY)} tallies")
for who, word, count, inclusive, want in TALLY:
    print(who, "->", book(who, word, count, inclusive, want))
"""


def source(tmp: Path) -> None:
    """SRC/pluralizer-2.0.0.tar.gz (its PyPI sdist), the round's venv and npm project."""
    cm.download_sdists(SRC, "pluralizer-*.tar.gz", ["pluralizer==2.0.0"])
    cm.install_venv(VENV, "mypy", ["pytest", "ruff", "mypy"])
    cm.install_npm(JS, "typescript", ["eslint", "@eslint/js", "typescript"])
    if str(VENV / "bin") not in cm.PATH_PREFIX:
        cm.PATH_PREFIX.insert(0, str(VENV / "bin"))


def python(tmp: Path) -> None:
    run(f"tar --no-same-owner -xzf {SRC}/{SV}.tar.gz && mv {SV} splitshed", cwd=tmp)
    cp = tmp / "splitshed"
    put_bugs(cp, BUGS)
    env = {"PYTHONPATH": str(cp)}
    cap("pytest-pluralizer-splitshed-v-tbshort", "python -m pytest -v --tb=short --color=no -p no:cacheprovider "
        "tests/test_pluralize.py", cp, n_pytest, env=env, timeout=300)
    chain("chain-pluralizer-pytest-q-exit", "chain-test-exit", "test",
          [Part("python -m pytest -q --color=no -p no:cacheprovider --tb=long tests/test_pluralize.py", n_pytest),
           Part("echo EXIT=$?", n_status_echo, ";")], cp, env=env, timeout=300)
    cap("mypy-strict-pluralizer", f"{MYPY} pluralizer tests 2>&1 | tail -n 400", cp, n_mypy, env=env, timeout=300)
    (cp / "dresser_check.py").write_text(SCRIPT)
    cap("python-chained-traceback-dresser-check", "python3 dresser_check.py", cp, n_chained, env=env)


def git_history(tmp: Path) -> None:
    repo = history(tmp, SRC, "pluralizer", SV, [MOD, MOD2, PG], PEOPLE, SEED, 40, BUGS)
    (repo / "NOTES.local").write_text("capitals lost; no space after the count; irregular plurals keyed backwards\n")
    cap("git-log-p-pluralizer-head-1300", "git log -p | head -n 1300", repo, n_log_p, env=GIT_ENV)


LOG_MSGS = {
    "INFO": lambda r: f"gallery {r.randint(1, 6)} blasted for {r.choice(['Penrhyn Hole', 'Dinorwig Level', 'Oakeley Bank'])}, "
                      f"{r.randint(2, 40)} blocks split, {r.randint(1, 9)} tons {r.randint(0, 19)} cwt to wagon {r.randint(1, 30)}",
    "DEBUG": lambda r: f"dresser {r.choice(['upper', 'lower', 'mill'])} trimmed {r.randint(20, 120)} slates of "
                       f"{r.choice(['duchess', 'countess', 'lady'])} size, tally {r.randint(100, 999)}, grade {r.randint(1, 4)}",
    "WARNING": lambda r: f"incline {r.randint(1, 40)} drum slipped {r.randint(3, 9)} feet, rope {r.randint(2, 12)} per cent "
                         f"worn at {r.choice(['Dinorwig Level', 'Penrhyn Hole', 'Mill Yard'])}, {r.randint(1, 6)} wagons held",
    "ERROR": lambda r: f"bench {r.randint(1, 8)} rockfall at gallery {r.randint(2, 32)}, {r.randint(1, 9)} "
                       f"{r.choice(['wagons', 'blocks', 'slabs', 'ropes'])} lost (tally {r.randint(1, 60)})",
}
DIRS = ("/usr/share/pcb-rnd", "/usr/share/odoc")
PAGE_DIR = "/usr/share/doc/pari-gp2c"
PAGE = "gp2c.html"


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
    with open(d / "slates.csv", "w", newline="") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(["path", "kind", "name", "bytes", "links", "modified"])
        w.writerows(rows)
    run("sqlite3 slates.db '.mode csv' '.import slates.csv slates'", cwd=d)
    cap("ls-laR-pcb-rnd-odoc-head", "ls -laR " + " ".join(DIRS) + " | head -n 900", d, n_ls_lR)
    app_log(d / "splitters.log", 56414, 1500, ["quarry.galleries", "quarry.inclines", "quarry.splitters",
                                                "quarry.wagons"], LOG_MSGS, 5641, "2026-12-03")
    cap("app-log-splitters-tail-500", "tail -n 500 splitters.log", d, n_app_log)
    chain("chain-log-grep-error-splitters", "chain-log", "logs",
          [Part("grep -E ' (WARNING|ERROR) ' splitters.log | head -n 280", n_app_log),
           Part("grep -c ERROR splitters.log", None, ";")], d)
    srv = cm.start(f"cd {PAGE_DIR} && exec python3 -m http.server 18564 --bind 127.0.0.1")
    try:
        time.sleep(1.5)
        cap("curl-html-gp2c-manual-head", f"curl -s http://127.0.0.1:18564/{PAGE} | head -n 1400", d, n_html)
    finally:
        os.killpg(srv.pid, signal.SIGTERM)


# round 291's words (the left-hand sides), then this round's
C_RENAMES = (("SPOOLGATE_H", "DRESSERBANK_H"), ("spoolgate", "dresserbank"), ("spool_t", "slab_t"),
             ("spools", "slabs"), ("gate_t", "bench_t"), ("gate_weight", "bench_weight"),
             ("gate_find", "bench_find"), ("twist_permille", "cleave_permille"), ("yarn_g", "slate_g"),
             ("fibre", "grain"), ("passes", "splits"), ("twist_count_", "rive_count_"), ("_lot", "_wagon"),
             ('"lot ', '"wagon '), ("gate", "bench"))
RS_RENAMES = (("tillerhorn", "inclineworks"), ("0.7.3", "0.5.64"), ("Tiller horns: sweep from horn bore, helm load "
              "and a ranking of tiller fits.", "Incline works: haulage from rope gauge, drum load and a "
              "ranking of incline pitches."),
              ("sweep_n", "haul_n"), ("helm_load", "drum_load"), ("bore_um", "rope_um"),
              ("pintle_um", "sheave_um"), ("horn_count", "incline_count"), ("helm_", "drum_"), ("helm ", "drum "),
              ("sweep not on", "haul not on"), ("rudder limit", "brake limit"), ("fits", "pitches"),
              ("spare_", "waste_"))


def c_build(tmp: Path) -> None:
    root = tmp / "dresserbank"
    rnd = random.Random(56412)
    files = {"src/dresserbank.h": renamed(base.GATE_H, C_RENAMES),
             "src/slabframe.c": renamed(base.GATE_C, C_RENAMES)}
    for k in range(30):
        files[f"src/slab_{k:02d}.c"] = renamed(base.gen_c(k, rnd), C_RENAMES)
    objs = " ".join(f"build/{Path(p).stem}.o" for p in files if p.endswith(".c"))
    files["Makefile"] = ("CC=gcc\nCFLAGS=-Wall -Wextra -O1 -Isrc\nOBJS=" + objs + "\n\nall: dresserbank\n\n"
                         "dresserbank: $(OBJS)\n\t$(CC) -o $@ $(OBJS)\n\nbuild/%.o: src/%.c src/dresserbank.h\n"
                         "\t@mkdir -p build\n\t$(CC) $(CFLAGS) -c $< -o $@\n\nclean:\n\trm -rf build dresserbank\n")
    write_tree(root, files)
    chain("chain-make-k-dresserbank-exit", "chain-build-exit", "build",
          [Part("make -k -j1 2>&1 | tail -n 400", n_make), Part("echo EXIT=$?", n_status_echo, ";")], root,
          timeout=600)
    cap("gcc-syntax-dresserbank-slabs", "gcc -Wall -Wextra -fsyntax-only -Isrc src/slabframe.c "
        "src/slab_2[0-9].c", root, n_gcc, timeout=300)
    run("rm -rf build dresserbank", cwd=root)


def rust(tmp: Path) -> None:
    root = tmp / "inclineworks"
    rnd = random.Random(56413)
    broken = renamed(base.BROKEN, RS_RENAMES)
    write_tree(root, {"Cargo.toml": renamed(base.CARGO, RS_RENAMES), "src/lib.rs": renamed(base.LIB, RS_RENAMES),
                      "src/broken.rs": broken, "src/runs.rs": renamed(base.gen_runs(rnd, 120), RS_RENAMES)})
    env = {"CARGO_TARGET_DIR": str(tmp / "inclineworks-target"), "CARGO_TERM_COLOR": "never", "CARGO_BUILD_JOBS": "1"}
    cap("cargo-build-errors-inclineworks", "cargo build 2>&1", root, n_cargo_build, env=env, timeout=600)
    for line in ("    let label: String = idx.len();\n", "    idx.push(incline_count);\n"):
        assert line in broken, line
        broken = broken.replace(line, "")
    (root / "src/broken.rs").write_text(broken)
    cap("cargo-test-inclineworks-tail", "cargo test 2>&1 | grep -v '^test .* ok$' | tail -n 400", root, n_cargo_test,
        env=env, timeout=600)


# round 273's words, then this round's: the Go module, its app and what they count
GO_RENAMES = (("kegtally", "quarryhole"), ("casebook", "rivebook"), ("ledger host", "tally host"),
              ("litres left, days", "tons left, days"), ("nothing left to pour", "nothing left to haul"),
              ("pour order", "haul order"), ("pour grade", "slate grade"), ("Keg", "Wagon"), ("keg", "wagon"),
              ("Beer", "Slate"), ("beer", "slate"), ("Cellar", "Gallery"), ("cellar", "gallery"),
              ("Pints", "Tons"), ("pints", "tons"))
QUARRIES = ["Penrhyn Hole", "Dinorwig Level", "Oakeley Bank", "Mill Yard", "Upper Incline", "Lower Incline",
            "Dressing Shed", "Splitting Floor", "Drum House", "Wagon Road", "Tip End", "Gallery Nine"]
GO_STEP = g273.make_steps(cap, "quarryhole", "rivebook", 56411, QUARRIES, GO_RENAMES)[0]  # its shell step not run


def go(tmp: Path) -> None:
    GO_STEP(tmp)
    (tmp / "quarryhole" / "restock.go").unlink(missing_ok=True)  # make_steps leaves its build-error file in place


# round 290's module in quarry words: the words round 299's table replaces, in its order, each given a quarry word
QUARRY_WORDS = ["slatestack", "slate sums for the slatestack (rope lengths, haul rates, bench charts)",
                "ropeLength", "haulToMs", "cleaveBand", "benchLabel", "slabArea", "benchChart", "haulPlan",
                "No haul planned", "unknown slate type", "duchess", "countess", "princess", "ladies",
                "`bench ${w + 1}", "seed = 56418",
                "'slate', 'WAGON', 'incline', 'Dresser', 'chisel', 'mallet', 'Drumhouse', 'gallery', 'tally', "
                "'BLOCK', 'rive',\n  'bench', 'splitter', 'Rockman', 'sheave', 'tip'",
                "'Griffith', 'Morwenna', 'Emrys', 'Catrin', 'Dafydd', 'Gwen', 'Ifor', 'Mair', 'Rhodri', "
                "'Sioned', 'Tomos', 'Wyn'"]
assert len(QUARRY_WORDS) == len(m299.WAGGLE_NAMES)
QUARRY_NAMES = [(old, new) for (old, _), new in zip(m299.WAGGLE_NAMES, QUARRY_WORDS)]


def quarried(text: str) -> str:
    for old, new in QUARRY_NAMES:
        text = text.replace(old, new)
    return text


SS_BUGS = [(quarried(rel), quarried(old), quarried(new)) for rel, old, new in m290.PA_BUGS]


def js_project(tmp: Path) -> None:
    root = tmp / "slatestack"
    for d in ("lib", "spec"):
        (root / d).mkdir(parents=True, exist_ok=True)
    run(f"ln -s {JS / 'node_modules'} node_modules", cwd=root)
    fixtures = quarried(m290.FIXTURES)
    assert "56418" in fixtures and "STOPPER" not in fixtures and "Branwen" not in fixtures
    write_tree(root, {"package.json": json.dumps({"name": "slatestack", "version": "5.6.4", "type": "module",
                                                  "scripts": {"test": "node --test spec/"}}, indent=2) + "\n",
                      "fixtures.mjs": fixtures, "eslint.config.js": m290.ESLINT_CONFIG,
                      "lib/haul-plan.js": quarried(m290.APP), "lib/slatestack.js": quarried(m290.HAWSEHOLE),
                      "lib/package.json": json.dumps({"type": "commonjs"}) + "\n", "tsconfig.json": m290.TSCONFIG})
    run("node fixtures.mjs && rm fixtures.mjs", cwd=root)
    put_bugs(root / "lib", SS_BUGS)
    env = {"PATH": f"{JS}/node_modules/.bin:/usr/bin:/bin"}
    cap("node-test-slatestack-tail-700", "node --test spec/ 2>&1 | tail -n 700", root, n_node_test, env=env,
        timeout=300)
    chain("chain-eslint-tsc-slatestack", "chain-lint", "lint",
          [Part("npx eslint lib spec | head -n 400", n_eslint), Part("npx tsc --noEmit -p . | head -n 200", n_tsc, ";")],
          root, env=env, timeout=300)


DOCS = {"doc": str(TMP.parent / "hm-corpus-wide564-docs")}  # gp2c's gp2c.html


def specs(root: Path, env: dict) -> list:
    from capture_opencode import Spec
    from capture_wide15_langs import n_go_test
    from capture_wide15_oc import oc_ext
    from capture_wide191_oc import B, C
    S: list = [
        B("oc-bash-pytest-rA-v-tail-pluralizer", n_pytest,
          "cd splitshed && PYTHONPATH=. python -m pytest --color=no -p no:cacheprovider -rA -v tests/test_pluralize.py "
          "2>&1 | tail -n 300"),
        B("oc-bash-ruff-full-pluralizer", n_ruff,
          "ruff check --no-cache --isolated --select ALL --output-format=full splitshed/pluralizer splitshed/tests "
          "2>&1 | head -n 900"),
        B("oc-bash-git-blame-pluralizer", n_blame, "cd splitshed-git && git blame -w pluralizer/pluralizer.py"),
        B("oc-bash-git-show-pluralize-tests-part", n_show, "cd splitshed-git && git show ':/^test_pluralize: part 3 '"),
        B("oc-bash-git-log-p-pluralizer-reverse", n_log_p, "cd splitshed-git && git log -p --reverse | head -n 900"),
        B("oc-bash-make-k-dresserbank", n_make, "make -C dresserbank -k -B 2>&1 | tail -n 350"),
        B("oc-bash-cargo-test-inclineworks", n_cargo_test, "cd inclineworks && cargo test 2>&1 | tail -n 500"),
        B("oc-bash-cargo-clippy-inclineworks", n_clippy, "cd inclineworks && cargo clippy 2>&1 | tail -n 500"),
        B("oc-bash-go-test-v-quarryhole", n_go_test,
          "cd quarryhole && GOFLAGS=-mod=mod GOPROXY=off GOTOOLCHAIN=local go test -v ./... 2>&1 | tail -n 400"),
        B("oc-bash-ps-aux-cpu-head-60", n_ps_aux, "ps aux --sort=-%cpu | head -n 60"),
        B("oc-bash-sqlite-slates-largest", n_sqlite_col,
          "sqlite3 -header -column slates.db \"SELECT kind, path, CAST(bytes AS INT) AS bytes, modified "
          "FROM slates ORDER BY CAST(bytes AS INT) DESC LIMIT 300\""),
        B("oc-bash-csv-sort-slates", n_csv,
          "(head -n 1 slates.csv; tail -n +2 slates.csv | sort -t, -k4 -n) | head -n 300"),
        B("oc-bash-log-grep-incline-splitters", n_app_log,
          "grep -E 'incline [37] |bench [0-9] rockfall' splitters.log | head -n 420"),
        B("oc-bash-eslint-slatestack", n_eslint, "cd slatestack && npx eslint lib spec 2>&1 | head -n 500"),
    ]
    S.append(C("oc-bash-chain-pytest-x-exit-pluralizer", "chain-test-exit", "test",
               [Part("cd splitshed", None), Part("PYTHONPATH=. python -m pytest -x -q --color=no -p no:cacheprovider "
                                                  "tests/test_pluralize.py", n_pytest, "&&"),
                Part("echo EXIT=$?", n_status_echo, ";")], root, env, "Test splitshed"))
    S.append(C("oc-bash-chain-mypy-strict-pluralizer", "chain-lint", "lint",
               [Part("cd splitshed", None), Part(f"{MYPY} --pretty pluralizer 2>&1 "
                                                  "| tail -n 300", n_mypy, "&&")],
               root, env, "Type-check pluralizer"))
    S.append(C("oc-bash-chain-git-status-diff-pluralizer", "chain-git-status-diff", "git",
               [Part("cd splitshed-git", None), Part("git status", n_status, "&&"), Part("git diff", n_diff, "&&")],
               root, env, "Show the working tree changes"))
    S.append(C("oc-bash-chain-node-test-exit-slatestack", "chain-test-exit", "test",
               [Part("cd slatestack", None), Part("node --test spec/ 2>&1 | tail -n 500", n_node_test, "&&"),
                Part("echo EXIT=$?", n_status_echo, ";")], root, env, "Test slatestack"))
    S.append(C("oc-bash-chain-tsc-slatestack", "chain-lint", "lint",
               [Part("cd slatestack", None), Part("npx tsc --noEmit -p . 2>&1 | head -n 250", n_tsc, "&&")],
               root, env, "Type-check slatestack"))
    fw = "doc/pari-gp2c"
    O = [
        Spec("oc-grep-pluralizer-def-rules", "oc-grep", "search", "grep",
             {"pattern": r"def \w+\(|self\.\w+Rules|irregular\w+\[", "path": "splitshed/pluralizer",
              "include": "*.py"}),
        Spec("oc-grep-dresserbank-slab", "oc-grep", "search", "grep",
             {"pattern": r"slab_\w+\(|return ", "path": "dresserbank"}),
        Spec("oc-glob-dresserbank-c", "oc-glob", "listing", "glob", {"pattern": "**/*.[ch]", "path": "dresserbank"}),
        Spec("oc-read-py-pluralizer", "oc-read-source", "code", "read",
             {"filePath": f"{root}/splitshed/pluralizer/pluralizer.py"}, "python"),
        Spec("oc-read-js-slatestack", "oc-read-source", "code", "read",
             {"filePath": f"{root}/slatestack/lib/slatestack.js"}, "js"),
        Spec("oc-webfetch-md-gp2c-manual", "oc-webfetch-markdown", "doc", "webfetch",
             {"url": "{BASE}/" + fw + "/" + PAGE, "format": "markdown"}, source=f"{fw}/{PAGE}"),
        Spec("oc-webfetch-text-gp2c-manual", "oc-webfetch-text", "doc", "webfetch",
             {"url": "{BASE}/" + fw + "/" + PAGE, "format": "text"}, source=f"{fw}/{PAGE}"),
    ]
    for spec in O:
        S.append((spec, oc_ext(spec.kind, spec.family, spec)))
    return S


def _doc_server(serve_dir: str):
    """capture_opencode.start_doc_server on the round's own loopback port (28564), round 436's way."""
    import functools
    import http.server
    import threading
    import capture_opencode as oco
    handler = functools.partial(oco._QuietHandler, directory=serve_dir)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 28564), handler)
    threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.1}, daemon=True).start()
    return server


def docs(tmp: Path) -> None:
    """The page OpenCode's webfetch reads: gp2c's gp2c.html."""
    d = Path(DOCS["doc"]) / "pari-gp2c"
    run(f"rm -rf {d} && mkdir -p {d} && cp {PAGE_DIR}/{PAGE} {d}/")


def opencode(tmp: Path) -> None:
    import functools
    import capture_opencode as oco
    from capture_wide191_oc import run_round
    orig = oco.start_doc_server, oco.StubServer
    oco.start_doc_server = _doc_server
    oco.StubServer = functools.partial(orig[1], port=38564)
    try:
        run_round(tmp, f"cp -r {tmp}/splitshed splitshed && cp -r {tmp}/pluralizer-git splitshed-git && "
                  f"cp -r {tmp}/dresserbank dresserbank && cp -r {tmp}/inclineworks inclineworks && "
                  f"cp -r {tmp}/quarryhole quarryhole && cp -a {tmp}/slatestack slatestack && "
                  f"cp {tmp}/data/slates.db {tmp}/data/slates.csv {tmp}/data/splitters.log .",
                  "find . -name __pycache__ -prune -exec rm -rf {} + ; rm -rf dresserbank/build splitshed/.mypy_cache "
                  "splitshed/.ruff_cache",
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
    sys.modules.setdefault("capture_wide564", sys.modules["__main__"])
    main()
