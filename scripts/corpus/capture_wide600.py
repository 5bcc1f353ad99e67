"""Capture round 600 of the compression corpus (issue #11's kinds on real projects, most of them as OpenCode's tools
hand them over, no new rules), with names from a cordwainers' hall (lasts, awls, cordwainers): polyline 2.0.4 (its
PyPI sdist) with bugs put in (project lasthall) under its own test suite, ruff and mypy, and a chained traceback; a git
history of its src/polyline/polyline.py, tests/test_polyline.py and pyproject.toml; a C project (awlrow) and a Rust
crate (cordwainworks) from round 291's generators imported and renamed; a Go module (welthold) from round 273's
make_steps imported with this round's words; a JavaScript project (clickerstack) from round 290's module and generator
imported and renamed; CSV/sqlite tables of /usr/share/doc files, ps aux, an application log, smartmontools'
badblockhowto.html on loopback; ONE headless OpenCode run over the same material (its bash, grep, glob, read,
webfetch). Every kind's extractor is an earlier round's, imported (NEEDLES.md's "Round 600: no new rules"). The glue
follows capture_wide598.py."""

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

ID_PREFIX = "wide600-"
DEFAULT_OUT = HERE / "data" / "wide600.json"
TMP = Path("/dev/shm/hm-corpus-wide600")
SRC = Path("/dev/shm/hm-corpus-wide600-src")  # polyline-2.0.4.tar.gz, its PyPI sdist
VENV = Path("/dev/shm/hm-corpus-wide600-venv")  # the round's own tools: pytest, ruff, mypy
JS = Path("/dev/shm/hm-corpus-wide600-js")  # the round's own npm project: eslint, @eslint/js, typescript
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
SEED = 60010
SV = "polyline-2.0.4"
MOD = "src/polyline/polyline.py"
MOD2 = "tests/test_polyline.py"
PG = "pyproject.toml"
GIT_ENV = {"GIT_CONFIG_NOSYSTEM": "1", "GIT_CONFIG_GLOBAL": "/dev/null"}
PEOPLE = [("Thomas Awlwright", "thomas@example.org"), ("Hannah Welter", "hannah@example.org"),
          ("Thomas Awlwright", "thomas@example.org"), ("Jacob Closer", "jacob@example.org"),
          ("Mary Lastmaker", "mary@example.org")]
BUGS = [(MOD, "    return int(math.copysign(math.floor(math.fabs(x) + 0.5), x))\n",
         "    return int(math.copysign(math.floor(math.fabs(x)), x))\n"),
        (MOD, "    return ~(result >> 1) if comp else (result >> 1), index\n",
         "    return -(result >> 1) if comp else (result >> 1), index\n"),
        (MOD, "    while coord >= 0x20:\n", "    while coord > 0x20:\n")]
MYPY = "mypy --strict --config-file /dev/null --no-incremental --cache-dir=/dev/null"

SCRIPT = r"""import polyline


class LastTallyError(Exception):
    pass


# the cordwainers' hall's walking routes between its lasts stores, and the polyline the route book holds for each
BOOK = [("Thomas Awlwright", "Cordwainers' Hall to the Last Store",
         [(51.51468, -0.09235), (51.51502, -0.09311), (51.51555, -0.09402)], "wmlyHd`QcAvCiBtD"),
        ("Hannah Welter", "Last Store to Clicking Room",
         [(51.51555, -0.09402), (51.516037, -0.094844), (51.51651, -0.09556)], "eslyHrjQaBbD}AnC"),
        ("Jacob Closer", "Clicking Room to Tan Yard",
         [(51.51651, -0.09556), (51.51712, -0.0961), (51.51788, -0.09705)], "eylyHftQyBjBwC|D")]


def walk(who, route, points, want):
    got = polyline.encode(points)
    try:
        if got != want:
            raise ValueError(f"{route}: polyline {got!r}, the route book says {want!r}")
        back = polyline.decode(got)
        if back[0] != points[0]:
            raise ValueError(f"{route}: decoded start {back[0]}, the route starts at {points[0]}")
        return f"{got} ({len(points)} points, {len(got)} characters)"
    except ValueError as exc:
        raise LastTallyError(f"route book: {who}'s lasts do not square "
                             f"({len(BOOK)} routes, precision 5)") from exc


print(f"cordwainers' hall: {len(BOOK)} routes to check")
for who, route, points, want in BOOK:
    print(who, "->", walk(who, route, points, want))
"""


def source(tmp: Path) -> None:
    """SRC/polyline-2.0.4.tar.gz (its PyPI sdist), the round's venv and npm project."""
    cm.download_sdists(SRC, "polyline-*.tar.gz", ["polyline==2.0.4"])
    cm.install_venv(VENV, "mypy", ["pytest", "ruff", "mypy"])
    cm.install_npm(JS, "typescript", ["eslint", "@eslint/js", "typescript"])
    if str(VENV / "bin") not in cm.PATH_PREFIX:
        cm.PATH_PREFIX.insert(0, str(VENV / "bin"))


def python(tmp: Path) -> None:
    run(f"tar --no-same-owner -xzf {SRC}/{SV}.tar.gz && mv {SV} lasthall", cwd=tmp)
    cp = tmp / "lasthall"
    put_bugs(cp, BUGS)
    env = {"PYTHONPATH": str(cp / "src"), "MYPYPATH": str(cp / "src")}
    cap("pytest-polyline-lasthall-v-tbshort", "python -m pytest -v --tb=short --color=no -p no:cacheprovider -o addopts= "
        "tests", cp, n_pytest, env=env, timeout=300)
    chain("chain-polyline-pytest-q-exit", "chain-test-exit", "test",
          [Part("python -m pytest -q --color=no -p no:cacheprovider -o addopts= --tb=long tests", n_pytest),
           Part("echo EXIT=$?", n_status_echo, ";")], cp, env=env, timeout=300)
    cap("mypy-strict-polyline", f"{MYPY} {MOD} {MOD2} 2>&1 | tail -n 400", cp, n_mypy, env=env, timeout=300)
    (cp / "last_check.py").write_text(SCRIPT)
    cap("python-chained-traceback-last-check", "python3 last_check.py", cp, n_chained, env=env)


def git_history(tmp: Path) -> None:
    repo = history(tmp, SRC, "polyline", SV, [MOD, MOD2, PG], PEOPLE, SEED, 40, BUGS)
    (repo / "NOTES.local").write_text("rounding truncates; negative deltas negated; 0x20 chunk not continued\n")
    cap("git-log-p-polyline-head-1300", "git log -p | head -n 1300", repo, n_log_p, env=GIT_ENV)


LOG_MSGS = {
    "INFO": lambda r: f"last {r.randint(100, 999)} for {r.choice(['Thomas', 'Hannah', 'Jacob', 'Mary'])}: "
                      f"{r.randint(2, 24)} pairs of {r.choice(['welted', 'turnshoe', 'riding boot'])} uppers closed, "
                      f"{r.randint(1, 9)} dozen sold, bench {r.randint(1, 30)}",
    "DEBUG": lambda r: f"clicker {r.choice(['east', 'west', 'loft'])} cut {r.randint(20, 120)} vamps from "
                       f"{r.choice(['calf', 'kid', 'cordovan'])} hide, rack {r.randint(100, 999)}, awl {r.randint(1, 4)}",
    "WARNING": lambda r: f"bench {r.randint(1, 40)} leather damp at side {r.randint(3, 90)}, moisture {r.randint(2, 12)} "
                         f"per cent over at {r.choice(['Cordwainers Hall', 'Last Store', 'Clicking Room'])}, "
                         f"{r.randint(1, 6)} dozen held",
    "ERROR": lambda r: f"dozen {r.randint(1, 8)} short at bench {r.randint(2, 32)}, {r.randint(1, 9)} "
                       f"{r.choice(['lasts', 'awls', 'soles', 'welts'])} lost (tally {r.randint(1, 60)})",
}
DIRS = ("/usr/share/doc/ocaml-odoc", "/usr/share/doc/php-codecoverage")
PAGE_DIR = "/usr/share/doc/smartmontools"
PAGE = "badblockhowto.html"


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
    with open(d / "lasts.csv", "w", newline="") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(["path", "kind", "name", "bytes", "links", "modified"])
        w.writerows(rows)
    run("sqlite3 lasts.db '.mode csv' '.import lasts.csv lasts'", cwd=d)
    cap("ls-laR-ocaml-odoc-php-codecoverage-head", "ls -laR " + " ".join(DIRS) + " | head -n 900", d, n_ls_lR)
    app_log(d / "cordwainers.log", 60014, 1500, ["cordwainers.benches", "cordwainers.clicking", "cordwainers.hall",
                                                    "cordwainers.lasts"], LOG_MSGS, 6001, "2026-12-03")
    cap("app-log-cordwainers-tail-500", "tail -n 500 cordwainers.log", d, n_app_log)
    chain("chain-log-grep-error-cordwainers", "chain-log", "logs",
          [Part("grep -E ' (WARNING|ERROR) ' cordwainers.log | head -n 280", n_app_log),
           Part("grep -c ERROR cordwainers.log", None, ";")], d)
    srv = cm.start(f"cd {PAGE_DIR} && exec python3 -m http.server 18600 --bind 127.0.0.1")
    try:
        time.sleep(1.5)
        cap("curl-html-smartmontools-badblock-head", f"curl -s http://127.0.0.1:18600/{PAGE} | head -n 1400", d, n_html)
    finally:
        os.killpg(srv.pid, signal.SIGTERM)


# round 291's words (the left-hand sides), then this round's
C_RENAMES = (("SPOOLGATE_H", "AWLROW_H"), ("spoolgate", "awlrow"), ("spool_t", "awl_t"),
             ("spools", "awls"), ("gate_t", "row_t"), ("gate_weight", "row_weight"),
             ("gate_find", "row_find"), ("twist_permille", "stitch_permille"), ("yarn_g", "thread_g"),
             ("fibre", "hemp"), ("passes", "stitchings"), ("twist_count_", "stitch_count_"), ("_lot", "_pair"),
             ('"lot ', '"pair '), ("gate", "row"))
RS_RENAMES = (("tillerhorn", "cordwainworks"), ("0.7.3", "0.6.0"), ("Tiller horns: sweep from horn bore, helm load "
              "and a ranking of tiller fits.", "Cordwain works: welt from last bore, sole load and a "
              "ranking of last fits."),
              ("sweep_n", "welt_n"), ("helm_load", "sole_load"), ("bore_um", "last_um"),
              ("pintle_um", "awl_um"), ("horn_count", "last_count"), ("helm_", "sole_"), ("helm ", "sole "),
              ("sweep not on", "welt not on"), ("rudder limit", "pair limit"), ("fits", "lasts"),
              ("spare_", "odd_"))


def c_build(tmp: Path) -> None:
    root = tmp / "awlrow"
    rnd = random.Random(60012)
    files = {"src/awlrow.h": renamed(base.GATE_H, C_RENAMES),
             "src/rowframe.c": renamed(base.GATE_C, C_RENAMES)}
    for k in range(30):
        files[f"src/stitch_{k:02d}.c"] = renamed(base.gen_c(k, rnd), C_RENAMES)
    objs = " ".join(f"build/{Path(p).stem}.o" for p in files if p.endswith(".c"))
    files["Makefile"] = ("CC=gcc\nCFLAGS=-Wall -Wextra -O1 -Isrc\nOBJS=" + objs + "\n\nall: awlrow\n\n"
                         "awlrow: $(OBJS)\n\t$(CC) -o $@ $(OBJS)\n\nbuild/%.o: src/%.c src/awlrow.h\n"
                         "\t@mkdir -p build\n\t$(CC) $(CFLAGS) -c $< -o $@\n\nclean:\n\trm -rf build awlrow\n")
    write_tree(root, files)
    chain("chain-make-k-awlrow-exit", "chain-build-exit", "build",
          [Part("make -k -j1 2>&1 | tail -n 400", n_make), Part("echo EXIT=$?", n_status_echo, ";")], root,
          timeout=600)
    cap("gcc-syntax-awlrow-stitches", "gcc -Wall -Wextra -fsyntax-only -Isrc src/rowframe.c "
        "src/stitch_2[0-9].c", root, n_gcc, timeout=300)
    run("rm -rf build awlrow", cwd=root)


def rust(tmp: Path) -> None:
    root = tmp / "cordwainworks"
    rnd = random.Random(60013)
    broken = renamed(base.BROKEN, RS_RENAMES)
    write_tree(root, {"Cargo.toml": renamed(base.CARGO, RS_RENAMES), "src/lib.rs": renamed(base.LIB, RS_RENAMES),
                      "src/broken.rs": broken, "src/runs.rs": renamed(base.gen_runs(rnd, 120), RS_RENAMES)})
    env = {"CARGO_TARGET_DIR": str(tmp / "cordwainworks-target"), "CARGO_TERM_COLOR": "never", "CARGO_BUILD_JOBS": "1"}
    cap("cargo-build-errors-cordwainworks", "cargo build 2>&1", root, n_cargo_build, env=env, timeout=600)
    for line in ("    let label: String = idx.len();\n", "    idx.push(last_count);\n"):
        assert line in broken, line
        broken = broken.replace(line, "")
    (root / "src/broken.rs").write_text(broken)
    cap("cargo-test-cordwainworks-tail", "cargo test 2>&1 | grep -v '^test .* ok$' | tail -n 400", root, n_cargo_test,
        env=env, timeout=600)


# round 273's words, then this round's: the Go module, its app and what they count
GO_RENAMES = (("kegtally", "welthold"), ("casebook", "lastbook"), ("ledger host", "hall host"),
              ("litres left, days", "pairs left, days"), ("nothing left to pour", "nothing left to last"),
              ("pour order", "last order"), ("pour grade", "leather grade"), ("Keg", "Last"), ("keg", "last"),
              ("Beer", "Leather"), ("beer", "leather"), ("Cellar", "Hall"), ("cellar", "hall"),
              ("Pints", "Pairs"), ("pints", "pairs"))
HALL_ROOMS = ["Cordwainers Hall", "Last Store", "Clicking Room", "Closing Room", "Welting Bench", "Tan Yard",
              "Awl Rack", "Sole Press", "Finishing Room", "Tally Board", "Hall Door", "Bench Nine"]
GO_STEP = g273.make_steps(cap, "welthold", "lastbook", 60011, HALL_ROOMS, GO_RENAMES)[0]  # its shell step not run


def go(tmp: Path) -> None:
    GO_STEP(tmp)
    (tmp / "welthold" / "restock.go").unlink(missing_ok=True)  # make_steps leaves its build-error file in place


# round 290's module in cordwainers' words: the words round 299's table replaces, in its order, each given a hall word
LACE_WORDS = ["clickerstack", "leather sums for the clickerstack (last lengths, awl rates, welt charts)",
              "lastInches", "awlToMs", "leatherBand", "benchLabel", "soleArea", "weltChart", "pairPlan",
              "No pair planned", "unknown last type", "welted", "turnshoe", "pump", "jackboot",
              "`bench ${w + 1}", "seed = 60018",
              "'last', 'AWL', 'welt', 'Bench', 'sole', 'pair', 'Calf', 'vamp', 'hall', "
              "'CORDOVAN', 'boot',\n  'kid', 'stitch', 'Clicker', 'closer', 'pattens'",
              "'Thomas', 'Hannah', 'Jacob', 'Mary', 'Nathaniel', 'Prudence', 'Samuel', 'Tobias', 'Unity', "
              "'Walter', 'Agnes', 'Bartholomew'"]
assert len(LACE_WORDS) == len(m299.WAGGLE_NAMES)
LACE_NAMES = [(old, new) for (old, _), new in zip(m299.WAGGLE_NAMES, LACE_WORDS)]


def laced(text: str) -> str:
    for old, new in LACE_NAMES:
        text = text.replace(old, new)
    return text


SS_BUGS = [(laced(rel), laced(old), laced(new)) for rel, old, new in m290.PA_BUGS]


def js_project(tmp: Path) -> None:
    root = tmp / "clickerstack"
    for d in ("lib", "spec"):
        (root / d).mkdir(parents=True, exist_ok=True)
    run(f"ln -s {JS / 'node_modules'} node_modules", cwd=root)
    fixtures = laced(m290.FIXTURES)
    assert "60018" in fixtures and "STOPPER" not in fixtures and "Branwen" not in fixtures
    write_tree(root, {"package.json": json.dumps({"name": "clickerstack", "version": "6.0.1", "type": "module",
                                                  "scripts": {"test": "node --test spec/"}}, indent=2) + "\n",
                      "fixtures.mjs": fixtures, "eslint.config.js": m290.ESLINT_CONFIG,
                      "lib/score-plan.js": laced(m290.APP), "lib/clickerstack.js": laced(m290.HAWSEHOLE),
                      "lib/package.json": json.dumps({"type": "commonjs"}) + "\n", "tsconfig.json": m290.TSCONFIG})
    run("node fixtures.mjs && rm fixtures.mjs", cwd=root)
    put_bugs(root / "lib", SS_BUGS)
    env = {"PATH": f"{JS}/node_modules/.bin:/usr/bin:/bin"}
    cap("node-test-clickerstack-tail-700", "node --test spec/ 2>&1 | tail -n 700", root, n_node_test, env=env,
        timeout=300)
    chain("chain-eslint-tsc-clickerstack", "chain-lint", "lint",
          [Part("npx eslint lib spec | head -n 400", n_eslint), Part("npx tsc --noEmit -p . | head -n 200", n_tsc, ";")],
          root, env=env, timeout=300)


DOCS = {"doc": str(TMP.parent / "hm-corpus-wide600-docs")}  # smartmontools' badblockhowto.html


def specs(root: Path, env: dict) -> list:
    from capture_opencode import Spec
    from capture_wide15_langs import n_go_test
    from capture_wide15_oc import oc_ext
    from capture_wide191_oc import B, C
    S: list = [
        B("oc-bash-pytest-rA-v-tail-polyline", n_pytest,
          "cd lasthall && PYTHONPATH=src python -m pytest --color=no -p no:cacheprovider -o addopts= -rA -v tests "
          "2>&1 | tail -n 300"),
        B("oc-bash-ruff-full-polyline", n_ruff,
          "ruff check --no-cache --isolated --select ALL --output-format=full lasthall/src/polyline/polyline.py "
          "lasthall/tests/test_polyline.py "
          "2>&1 | head -n 900"),
        B("oc-bash-git-blame-polyline", n_blame, "cd lasthall-git && git blame -w src/polyline/polyline.py"),
        B("oc-bash-git-show-polyline-tests-part", n_show,
          "cd lasthall-git && git show ':/^test_polyline: part 2 '"),
        B("oc-bash-git-log-p-polyline-reverse", n_log_p, "cd lasthall-git && git log -p --reverse | head -n 900"),
        B("oc-bash-make-k-awlrow", n_make, "make -C awlrow -k -B 2>&1 | tail -n 350"),
        B("oc-bash-cargo-test-cordwainworks", n_cargo_test, "cd cordwainworks && cargo test 2>&1 | tail -n 500"),
        B("oc-bash-cargo-clippy-cordwainworks", n_clippy, "cd cordwainworks && cargo clippy 2>&1 | tail -n 500"),
        B("oc-bash-go-test-v-welthold", n_go_test,
          "cd welthold && GOFLAGS=-mod=mod GOPROXY=off GOTOOLCHAIN=local go test -v ./... 2>&1 | tail -n 400"),
        B("oc-bash-ps-aux-cpu-head-60", n_ps_aux, "ps aux --sort=-%cpu | head -n 60"),
        B("oc-bash-sqlite-lasts-largest", n_sqlite_col,
          "sqlite3 -header -column lasts.db \"SELECT kind, path, CAST(bytes AS INT) AS bytes, modified "
          "FROM lasts ORDER BY CAST(bytes AS INT) DESC LIMIT 300\""),
        B("oc-bash-csv-sort-lasts", n_csv,
          "(head -n 1 lasts.csv; tail -n +2 lasts.csv | sort -t, -k4 -n) | head -n 300"),
        B("oc-bash-log-grep-bench-cordwainers", n_app_log,
          "grep -E 'bench [37] leather|dozen [0-9] short' cordwainers.log | head -n 420"),
        B("oc-bash-eslint-clickerstack", n_eslint, "cd clickerstack && npx eslint lib spec 2>&1 | head -n 500"),
    ]
    S.append(C("oc-bash-chain-pytest-x-exit-polyline", "chain-test-exit", "test",
               [Part("cd lasthall", None), Part("PYTHONPATH=src python -m pytest -x -q --color=no -p no:cacheprovider -o addopts= "
                                                "tests", n_pytest, "&&"),
                Part("echo EXIT=$?", n_status_echo, ";")], root, env, "Test lasthall"))
    S.append(C("oc-bash-chain-mypy-strict-polyline", "chain-lint", "lint",
               [Part("cd lasthall", None), Part(f"MYPYPATH=src {MYPY} --pretty {MOD} 2>&1 "
                                                "| tail -n 300", n_mypy, "&&")],
               root, env, "Type-check polyline"))
    S.append(C("oc-bash-chain-git-status-diff-polyline", "chain-git-status-diff", "git",
               [Part("cd lasthall-git", None), Part("git status", n_status, "&&"), Part("git diff", n_diff, "&&")],
               root, env, "Show the working tree changes"))
    S.append(C("oc-bash-chain-node-test-exit-clickerstack", "chain-test-exit", "test",
               [Part("cd clickerstack", None), Part("node --test spec/ 2>&1 | tail -n 500", n_node_test, "&&"),
                Part("echo EXIT=$?", n_status_echo, ";")], root, env, "Test clickerstack"))
    S.append(C("oc-bash-chain-tsc-clickerstack", "chain-lint", "lint",
               [Part("cd clickerstack", None), Part("npx tsc --noEmit -p . 2>&1 | head -n 250", n_tsc, "&&")],
               root, env, "Type-check clickerstack"))
    fw = "doc/smartmontools"
    O = [
        Spec("oc-grep-polyline-def-assert", "oc-grep", "search", "grep",
             {"pattern": r"def \w+\(|assert \w+ == ", "path": "lasthall", "include": "*.py"}),
        Spec("oc-grep-awlrow-pair", "oc-grep", "search", "grep",
             {"pattern": r"_pair\d+\(|return ", "path": "awlrow"}),
        Spec("oc-glob-awlrow-c", "oc-glob", "listing", "glob", {"pattern": "**/*.[ch]", "path": "awlrow"}),
        Spec("oc-read-py-polyline", "oc-read-source", "code", "read",
             {"filePath": f"{root}/lasthall/{MOD}"}, "python"),
        Spec("oc-read-js-clickerstack", "oc-read-source", "code", "read",
             {"filePath": f"{root}/clickerstack/lib/clickerstack.js"}, "js"),
        Spec("oc-webfetch-md-smartmontools-badblock", "oc-webfetch-markdown", "doc", "webfetch",
             {"url": "{BASE}/" + fw + "/" + PAGE, "format": "markdown"}, source=f"{fw}/{PAGE}"),
        Spec("oc-webfetch-text-smartmontools-badblock", "oc-webfetch-text", "doc", "webfetch",
             {"url": "{BASE}/" + fw + "/" + PAGE, "format": "text"}, source=f"{fw}/{PAGE}"),
    ]
    for spec in O:
        S.append((spec, oc_ext(spec.kind, spec.family, spec)))
    return S


def _doc_server(serve_dir: str):
    """capture_opencode.start_doc_server on the round's own loopback port (28600), round 436's way."""
    import functools
    import http.server
    import threading
    import capture_opencode as oco
    handler = functools.partial(oco._QuietHandler, directory=serve_dir)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 28600), handler)
    threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.1}, daemon=True).start()
    return server


def docs(tmp: Path) -> None:
    """The page OpenCode's webfetch reads: smartmontools' badblockhowto.html."""
    d = Path(DOCS["doc"]) / "smartmontools"
    run(f"rm -rf {d} && mkdir -p {d} && cp {PAGE_DIR}/{PAGE} {d}/")


def opencode(tmp: Path) -> None:
    import functools
    import capture_opencode as oco
    from capture_wide191_oc import run_round
    orig = oco.start_doc_server, oco.StubServer
    oco.start_doc_server = _doc_server
    oco.StubServer = functools.partial(orig[1], port=38600)
    try:
        run_round(tmp, f"cp -r {tmp}/lasthall lasthall && cp -r {tmp}/polyline-git lasthall-git && "
                  f"cp -r {tmp}/awlrow awlrow && cp -r {tmp}/cordwainworks cordwainworks && "
                  f"cp -r {tmp}/welthold welthold && cp -a {tmp}/clickerstack clickerstack && "
                  f"cp {tmp}/data/lasts.db {tmp}/data/lasts.csv {tmp}/data/cordwainers.log .",
                  "find . -name __pycache__ -prune -exec rm -rf {} + ; rm -rf awlrow/build lasthall/.mypy_cache "
                  "lasthall/.ruff_cache",
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
    sys.modules.setdefault("capture_wide600", sys.modules["__main__"])
    main()
