"""Capture round 552 of the compression corpus (issue #11's kinds on real projects, most of them as OpenCode's tools
hand them over, no new rules), with names from a fellmonger's yard (fleeces, lime pits, fellmongers): cronex 0.1.3.1
(its PyPI sdist) with bugs put in (project fellyard) under its own test suite, ruff and mypy, and a chained traceback;
a git history of its cronex/__init__.py and cronex/tests.py; a C project (limepits) and a Rust crate (fleecework) from
round 291's generators imported and renamed; a Go module (peltyard) from round 273's make_steps imported with this
round's words; a JavaScript project (woolsheet) from round 290's module and generator imported and renamed; CSV/sqlite
tables of /usr/share files, ps aux, an application log, GCC 12's NEWS.html on loopback; ONE headless OpenCode run over
the same material (its bash, grep, glob, read, webfetch). Every kind's extractor is an earlier round's, imported
(NEEDLES.md's "Round 552: no new rules"). The glue follows capture_wide545.py.

Usage:   .venv/bin/python scripts/corpus/capture_wide552.py [--out PATH] [--keep]
Writes:  scripts/corpus/data/wide552.json  as {"version": 2, "items": [...]}, ids prefixed "wide552-".
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

ID_PREFIX = "wide552-"
DEFAULT_OUT = HERE / "data" / "wide552.json"
TMP = Path("/dev/shm/hm-corpus-wide552")
SRC = Path("/dev/shm/hm-corpus-wide552-src")  # cronex-0.1.3.1.tar.gz, its PyPI sdist
VENV = Path("/dev/shm/hm-corpus-wide552-venv")  # the round's own tools: pytest, ruff, mypy
JS = Path("/dev/shm/hm-corpus-wide552-js")  # the round's own npm project: eslint, @eslint/js, typescript
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
SEED = 55210
SV = "cronex-0.1.3.1"
MOD = "cronex/__init__.py"
MOD2 = "cronex/tests.py"
PG = "setup.py"
GIT_ENV = {"GIT_CONFIG_NOSYSTEM": "1", "GIT_CONFIG_GLOBAL": "/dev/null"}
PEOPLE = [("Josiah Fellmonger", "josiah@example.org"), ("Hepzibah Limer", "hepzibah@example.org"),
          ("Josiah Fellmonger", "josiah@example.org"), ("Caleb Pelter", "caleb@example.org"),
          ("Temperance Woolsorter", "temperance@example.org")]
BUGS = [(MOD, "            return set(xrange(prefix, suffix + 1, increment))\n",
         "            return set(xrange(prefix, suffix, increment))\n"),
        (MOD, "            return set(xrange(int(subrange), minmax[1] + 1, increment))\n",
         "            return set(xrange(int(subrange), minmax[1], increment))\n"),
        (MOD, "        given_dow = (datetime.date.weekday(given_date) + 1) % 7\n",
         "        given_dow = datetime.date.weekday(given_date) % 7\n")]
MYPY = "mypy --strict --config-file /dev/null --no-incremental --cache-dir=/dev/null"

SCRIPT = r"""from cronex import CronExpression


class FleeceTallyError(Exception):
    pass


# the fellmongers' yard book: each job's cron line and a time (Y, M, D, h, m) at which it must fire
JOBS = [("Josiah Fellmonger", "sweat the fleeces", "0 5 * * *", (2026, 12, 3, 5, 0)),
        ("Hepzibah Limer", "stir lime pit 3", "30 6 1-5 * *", (2026, 12, 5, 6, 30)),
        ("Caleb Pelter", "pull the wool", "0 7 * * 1", (2026, 12, 7, 7, 0)),
        ("Temperance Woolsorter", "wash fleeces at the beck", "15 9/12 * * *", (2026, 12, 4, 21, 15))]


def fires(who, job, line, when):
    expr = CronExpression(line)
    try:
        if not expr.check_trigger(when):
            raise ValueError(f"{line!r} does not fire at {when}")
        return True
    except ValueError as exc:
        raise FleeceTallyError(f"yard book: {who}'s job {job!r} ({line}) missed its hour "
                               f"(minutes {sorted(expr.numerical_tab[0])[:3]}, days {sorted(expr.numerical_tab[2])})") from exc


print(f"fellmongers' yard: {len(JOBS)} jobs")
for who, job, line, when in JOBS:
    print(who, "->", job, fires(who, job, line, when))
"""


def source(tmp: Path) -> None:
    """SRC/cronex-0.1.3.1.tar.gz (its PyPI sdist), the round's venv and npm project."""
    cm.download_sdists(SRC, "cronex-*.tar.gz", ["cronex==0.1.3.1"])
    cm.install_venv(VENV, "mypy", ["pytest", "ruff", "mypy"])
    cm.install_npm(JS, "typescript", ["eslint", "@eslint/js", "typescript"])
    if str(VENV / "bin") not in cm.PATH_PREFIX:
        cm.PATH_PREFIX.insert(0, str(VENV / "bin"))


def python(tmp: Path) -> None:
    run(f"tar --no-same-owner -xzf {SRC}/{SV}.tar.gz && mv {SV} fellyard", cwd=tmp)
    cp = tmp / "fellyard"
    put_bugs(cp, BUGS)
    env = {"PYTHONPATH": str(cp)}
    cap("pytest-cronex-fellyard-v-tbshort", "python -m pytest -v --tb=short --color=no -p no:cacheprovider "
        "cronex/tests.py", cp, n_pytest, env=env, timeout=300)
    chain("chain-cronex-pytest-q-exit", "chain-test-exit", "test",
          [Part("python -m pytest -q --color=no -p no:cacheprovider --tb=long cronex/tests.py", n_pytest),
           Part("echo EXIT=$?", n_status_echo, ";")], cp, env=env, timeout=300)
    cap("mypy-strict-cronex", f"{MYPY} cronex 2>&1 | tail -n 400", cp, n_mypy, env=env, timeout=300)
    (cp / "lime_check.py").write_text(SCRIPT)
    cap("python-chained-traceback-lime-check", "python3 lime_check.py", cp, n_chained, env=env)


def git_history(tmp: Path) -> None:
    repo = history(tmp, SRC, "cronex", SV, [MOD, MOD2, PG], PEOPLE, SEED, 40, BUGS)
    (repo / "NOTES.local").write_text("ranges lose their last value; N/M loses the maximum; weekday one off\n")
    cap("git-log-p-cronex-head-1300", "git log -p | head -n 1300", repo, n_log_p, env=GIT_ENV)


LOG_MSGS = {
    "INFO": lambda r: f"pit {r.randint(1, 6)} limed for {r.choice(['Tanner Row', 'Beck Side', 'Skinner Lane'])}, "
                      f"{r.randint(2, 40)} fleeces pulled, {r.randint(1, 9)} stone {r.randint(0, 13)} lb to bale {r.randint(1, 30)}",
    "DEBUG": lambda r: f"sorter {r.choice(['north', 'south', 'beck'])} graded {r.randint(20, 120)} pelts of "
                       f"{r.choice(['lambswool', 'hogget', 'ewe'])}, tally {r.randint(100, 999)}, grade {r.randint(1, 4)}",
    "WARNING": lambda r: f"cart {r.randint(1, 40)} brought {r.randint(3, 9)} pelts short, lime {r.randint(2, 12)} per cent "
                         f"weak at {r.choice(['Beck Side', 'Tanner Row', 'Sweat House'])}, {r.randint(1, 6)} skins owed",
    "ERROR": lambda r: f"beam {r.randint(1, 8)} split at pit {r.randint(2, 32)}, {r.randint(1, 9)} "
                       f"{r.choice(['fleeces', 'pelts', 'skins', 'bales'])} unpulled (tally {r.randint(1, 60)})",
}
DIRS = ("/usr/share/gap", "/usr/share/fig2dev", "/usr/share/enchant-2", "/usr/share/dnsmasq-base")
NEWS = "/usr/share/doc/gcc-12-base"


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
    with open(d / "fleeces.csv", "w", newline="") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(["path", "kind", "name", "bytes", "links", "modified"])
        w.writerows(rows)
    run("sqlite3 fleeces.db '.mode csv' '.import fleeces.csv fleeces'", cwd=d)
    cap("ls-laR-gap-fig2dev-enchant-head", "ls -laR " + " ".join(DIRS) + " | head -n 900", d, n_ls_lR)
    app_log(d / "fellmongers.log", 55214, 1500, ["yard.pits", "yard.beams", "yard.fellmongers",
                                                  "yard.bales"], LOG_MSGS, 5521, "2026-12-03")
    cap("app-log-fellmongers-tail-500", "tail -n 500 fellmongers.log", d, n_app_log)
    chain("chain-log-grep-error-fellmongers", "chain-log", "logs",
          [Part("grep -E ' (WARNING|ERROR) ' fellmongers.log | head -n 280", n_app_log),
           Part("grep -c ERROR fellmongers.log", None, ";")], d)
    srv = cm.start(f"cd {NEWS} && exec python3 -m http.server 18552 --bind 127.0.0.1")
    try:
        time.sleep(1.5)
        cap("curl-html-gcc12-news-head", "curl -s http://127.0.0.1:18552/NEWS.html | head -n 1400", d, n_html)
    finally:
        os.killpg(srv.pid, signal.SIGTERM)


# round 291's words (the left-hand sides), then this round's
C_RENAMES = (("SPOOLGATE_H", "LIMEPITS_H"), ("spoolgate", "limepits"), ("spool_t", "pit_t"),
             ("spools", "pits"), ("gate_t", "beam_t"), ("gate_weight", "beam_weight"),
             ("gate_find", "beam_find"), ("twist_permille", "lime_permille"), ("yarn_g", "fleece_g"),
             ("fibre", "wool"), ("passes", "soaks"), ("twist_count_", "pelt_count_"), ("_lot", "_bale"),
             ('"lot ', '"bale '), ("gate", "beam"))
RS_RENAMES = (("tillerhorn", "fleecework"), ("0.7.3", "0.5.52"), ("Tiller horns: sweep from horn bore, helm load "
              "and a ranking of tiller fits.", "Fleece work: yield from lime strength, pelt load and a "
              "ranking of fleece grades."),
              ("sweep_n", "yield_n"), ("helm_load", "pelt_load"), ("bore_um", "lime_um"),
              ("pintle_um", "staple_um"), ("horn_count", "fleece_count"), ("helm_", "pelt_"), ("helm ", "pelt "),
              ("sweep not on", "yield not on"), ("rudder limit", "sweat limit"), ("fits", "grades"),
              ("spare_", "daggings_"))


def c_build(tmp: Path) -> None:
    root = tmp / "limepits"
    rnd = random.Random(55212)
    files = {"src/limepits.h": renamed(base.GATE_H, C_RENAMES), "src/pitframe.c": renamed(base.GATE_C, C_RENAMES)}
    for k in range(30):
        files[f"src/pit_{k:02d}.c"] = renamed(base.gen_c(k, rnd), C_RENAMES)
    objs = " ".join(f"build/{Path(p).stem}.o" for p in files if p.endswith(".c"))
    files["Makefile"] = ("CC=gcc\nCFLAGS=-Wall -Wextra -O1 -Isrc\nOBJS=" + objs + "\n\nall: limepits\n\n"
                         "limepits: $(OBJS)\n\t$(CC) -o $@ $(OBJS)\n\nbuild/%.o: src/%.c src/limepits.h\n"
                         "\t@mkdir -p build\n\t$(CC) $(CFLAGS) -c $< -o $@\n\nclean:\n\trm -rf build limepits\n")
    write_tree(root, files)
    chain("chain-make-k-limepits-exit", "chain-build-exit", "build",
          [Part("make -k -j1 2>&1 | tail -n 400", n_make), Part("echo EXIT=$?", n_status_echo, ";")], root,
          timeout=600)
    cap("gcc-syntax-limepits-pits", "gcc -Wall -Wextra -fsyntax-only -Isrc src/pitframe.c "
        "src/pit_1[0-9].c", root, n_gcc, timeout=300)
    run("rm -rf build limepits", cwd=root)


def rust(tmp: Path) -> None:
    root = tmp / "fleecework"
    rnd = random.Random(55213)
    broken = renamed(base.BROKEN, RS_RENAMES)
    write_tree(root, {"Cargo.toml": renamed(base.CARGO, RS_RENAMES), "src/lib.rs": renamed(base.LIB, RS_RENAMES),
                      "src/broken.rs": broken, "src/runs.rs": renamed(base.gen_runs(rnd, 120), RS_RENAMES)})
    env = {"CARGO_TARGET_DIR": str(tmp / "fleecework-target"), "CARGO_TERM_COLOR": "never", "CARGO_BUILD_JOBS": "1"}
    cap("cargo-build-errors-fleecework", "cargo build 2>&1", root, n_cargo_build, env=env, timeout=600)
    for line in ("    let label: String = idx.len();\n", "    idx.push(fleece_count);\n"):
        assert line in broken, line
        broken = broken.replace(line, "")
    (root / "src/broken.rs").write_text(broken)
    cap("cargo-test-fleecework-tail", "cargo test 2>&1 | grep -v '^test .* ok$' | tail -n 400", root, n_cargo_test,
        env=env, timeout=600)


# round 273's words, then this round's: the Go module, its app and what they count
GO_RENAMES = (("kegtally", "peltyard"), ("casebook", "fleecebook"), ("ledger host", "tally host"),
              ("litres left, days", "stone left, days"), ("nothing left to pour", "nothing left to pull"),
              ("pour order", "pulling order"), ("pour grade", "wool grade"), ("Keg", "Pelt"), ("keg", "pelt"),
              ("Beer", "Wool"), ("beer", "wool"), ("Cellar", "Limepit"), ("cellar", "limepit"),
              ("Pints", "Stones"), ("pints", "stones"))
YARDS = ["Tanner Row", "Beck Side", "Skinner Lane", "Sweat House", "Lime Garth", "Wool Staithe",
         "Pelt Loft", "Fleece Close", "Beam House", "Dagging Shed", "Sorting Floor", "Bale Yard"]
GO_STEP = g273.make_steps(cap, "peltyard", "fleecebook", 55211, YARDS, GO_RENAMES)[0]  # its shell step not run


def go(tmp: Path) -> None:
    GO_STEP(tmp)
    (tmp / "peltyard" / "restock.go").unlink(missing_ok=True)  # make_steps leaves its build-error file in place


# round 290's module in fellmonger words: the words round 299's table replaces, in its order, each given a yard word
YARD_WORDS = ["woolsheet", "fleece sums for the woolsheet (pelt loads, lime rates, pit charts)",
              "peltLoad", "limeToMs", "stapleBand", "pitLabel", "fleeceArea", "pitChart", "pullPlan",
              "No pulling planned", "unknown fleece type", "merino", "cheviot", "herdwick", "swaledale",
              "`sorter ${w + 1}", "seed = 55218",
              "'fleece', 'PELT', 'beam', 'Limer', 'staple', 'dagging', 'Sweathouse', 'bale', 'tally', 'WOOL', "
              "'skin',\n  'sorter', 'fellmonger', 'Puller', 'knife', 'pit'",
              "'Josiah', 'Hepzibah', 'Caleb', 'Temperance', 'Ephraim', 'Jemima', 'Enoch', 'Patience', 'Gideon', "
              "'Kezia', 'Micah', 'Dinah'"]
assert len(YARD_WORDS) == len(m299.WAGGLE_NAMES)
YARD_NAMES = [(old, new) for (old, _), new in zip(m299.WAGGLE_NAMES, YARD_WORDS)]


def yarded(text: str) -> str:
    for old, new in YARD_NAMES:
        text = text.replace(old, new)
    return text


WS_BUGS = [(yarded(rel), yarded(old), yarded(new)) for rel, old, new in m290.PA_BUGS]


def js_project(tmp: Path) -> None:
    root = tmp / "woolsheet"
    for d in ("lib", "spec"):
        (root / d).mkdir(parents=True, exist_ok=True)
    run(f"ln -s {JS / 'node_modules'} node_modules", cwd=root)
    fixtures = yarded(m290.FIXTURES)
    assert "55218" in fixtures and "STOPPER" not in fixtures and "Branwen" not in fixtures
    write_tree(root, {"package.json": json.dumps({"name": "woolsheet", "version": "5.5.2", "type": "module",
                                                  "scripts": {"test": "node --test spec/"}}, indent=2) + "\n",
                      "fixtures.mjs": fixtures, "eslint.config.js": m290.ESLINT_CONFIG,
                      "lib/pull-plan.js": yarded(m290.APP), "lib/woolsheet.js": yarded(m290.HAWSEHOLE),
                      "lib/package.json": json.dumps({"type": "commonjs"}) + "\n", "tsconfig.json": m290.TSCONFIG})
    run("node fixtures.mjs && rm fixtures.mjs", cwd=root)
    put_bugs(root / "lib", WS_BUGS)
    env = {"PATH": f"{JS}/node_modules/.bin:/usr/bin:/bin"}
    cap("node-test-woolsheet-tail-700", "node --test spec/ 2>&1 | tail -n 700", root, n_node_test, env=env, timeout=300)
    chain("chain-eslint-tsc-woolsheet", "chain-lint", "lint",
          [Part("npx eslint lib spec | head -n 400", n_eslint), Part("npx tsc --noEmit -p . | head -n 200", n_tsc, ";")],
          root, env=env, timeout=300)


DOCS = {"doc": str(TMP.parent / "hm-corpus-wide552-docs")}  # GCC 12's NEWS.html


def specs(root: Path, env: dict) -> list:
    from capture_opencode import Spec
    from capture_wide15_langs import n_go_test
    from capture_wide15_oc import oc_ext
    from capture_wide191_oc import B, C
    S: list = [
        B("oc-bash-pytest-rA-v-tail-cronex", n_pytest,
          "cd fellyard && PYTHONPATH=. python -m pytest --color=no -p no:cacheprovider -rA -v cronex/tests.py 2>&1 "
          "| tail -n 300"),
        B("oc-bash-ruff-full-cronex", n_ruff,
          "ruff check --no-cache --isolated --select ALL --output-format=full fellyard/cronex 2>&1 "
          "| head -n 900"),
        B("oc-bash-git-blame-cronex-init", n_blame, "cd fellyard-git && git blame -w cronex/__init__.py"),
        B("oc-bash-git-show-cronex-tests-part", n_show, "cd fellyard-git && git show ':/^tests: part 3 '"),
        B("oc-bash-git-log-p-cronex-reverse", n_log_p, "cd fellyard-git && git log -p --reverse | head -n 900"),
        B("oc-bash-make-k-limepits", n_make, "make -C limepits -k -B 2>&1 | tail -n 350"),
        B("oc-bash-cargo-test-fleecework", n_cargo_test, "cd fleecework && cargo test 2>&1 | tail -n 500"),
        B("oc-bash-cargo-clippy-fleecework", n_clippy, "cd fleecework && cargo clippy 2>&1 | tail -n 500"),
        B("oc-bash-go-test-v-peltyard", n_go_test,
          "cd peltyard && GOFLAGS=-mod=mod GOPROXY=off GOTOOLCHAIN=local go test -v ./... 2>&1 | tail -n 400"),
        B("oc-bash-ps-aux-mem-head-60", n_ps_aux, "ps aux --sort=-rss | head -n 60"),
        B("oc-bash-sqlite-fleeces-largest", n_sqlite_col,
          "sqlite3 -header -column fleeces.db \"SELECT kind, path, CAST(bytes AS INT) AS bytes, modified "
          "FROM fleeces ORDER BY CAST(bytes AS INT) DESC LIMIT 300\""),
        B("oc-bash-csv-sort-fleeces", n_csv,
          "(head -n 1 fleeces.csv; tail -n +2 fleeces.csv | sort -t, -k4 -n) | head -n 300"),
        B("oc-bash-log-grep-pit-fellmongers", n_app_log,
          "grep -E 'pit [37] |beam [0-9] split' fellmongers.log | head -n 420"),
        B("oc-bash-eslint-woolsheet", n_eslint, "cd woolsheet && npx eslint lib spec 2>&1 | head -n 500"),
    ]
    S.append(C("oc-bash-chain-pytest-x-exit-cronex", "chain-test-exit", "test",
               [Part("cd fellyard", None), Part("PYTHONPATH=. python -m pytest -x -q --color=no -p no:cacheprovider "
                                                 "cronex/tests.py", n_pytest, "&&"),
                Part("echo EXIT=$?", n_status_echo, ";")], root, env, "Test fellyard"))
    S.append(C("oc-bash-chain-mypy-strict-cronex", "chain-lint", "lint",
               [Part("cd fellyard", None), Part(f"{MYPY} --pretty cronex 2>&1 "
                                                 "| tail -n 300", n_mypy, "&&")],
               root, env, "Type-check cronex"))
    S.append(C("oc-bash-chain-git-status-diff-cronex", "chain-git-status-diff", "git",
               [Part("cd fellyard-git", None), Part("git status", n_status, "&&"), Part("git diff", n_diff, "&&")],
               root, env, "Show the working tree changes"))
    S.append(C("oc-bash-chain-node-test-exit-woolsheet", "chain-test-exit", "test",
               [Part("cd woolsheet", None), Part("node --test spec/ 2>&1 | tail -n 500", n_node_test, "&&"),
                Part("echo EXIT=$?", n_status_echo, ";")], root, env, "Test woolsheet"))
    S.append(C("oc-bash-chain-tsc-woolsheet", "chain-lint", "lint",
               [Part("cd woolsheet", None), Part("npx tsc --noEmit -p . 2>&1 | head -n 250", n_tsc, "&&")],
               root, env, "Type-check woolsheet"))
    fw = "doc/gcc-12-base"
    O = [
        Spec("oc-grep-cronex-def-raise", "oc-grep", "search", "grep",
             {"pattern": r"def \w+\(|raise \w+Error|xrange\(|given_dow", "path": "fellyard/cronex", "include": "*.py"}),
        Spec("oc-grep-limepits-pit", "oc-grep", "search", "grep",
             {"pattern": r"pit_\w+\(|return ", "path": "limepits"}),
        Spec("oc-glob-limepits-c", "oc-glob", "listing", "glob", {"pattern": "**/*.[ch]", "path": "limepits"}),
        Spec("oc-read-py-cronex-init", "oc-read-source", "code", "read",
             {"filePath": f"{root}/fellyard/cronex/__init__.py"}, "python"),
        Spec("oc-read-js-woolsheet", "oc-read-source", "code", "read",
             {"filePath": f"{root}/woolsheet/lib/woolsheet.js"}, "js"),
        Spec("oc-webfetch-md-gcc12-news", "oc-webfetch-markdown", "doc", "webfetch",
             {"url": "{BASE}/" + fw + "/NEWS.html", "format": "markdown"}, source=f"{fw}/NEWS.html"),
        Spec("oc-webfetch-text-gcc12-news", "oc-webfetch-text", "doc", "webfetch",
             {"url": "{BASE}/" + fw + "/NEWS.html", "format": "text"}, source=f"{fw}/NEWS.html"),
    ]
    for spec in O:
        S.append((spec, oc_ext(spec.kind, spec.family, spec)))
    return S


def _doc_server(serve_dir: str):
    """capture_opencode.start_doc_server on the round's own loopback port (28552), round 436's way."""
    import functools
    import http.server
    import threading
    import capture_opencode as oco
    handler = functools.partial(oco._QuietHandler, directory=serve_dir)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 28552), handler)
    threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.1}, daemon=True).start()
    return server


def docs(tmp: Path) -> None:
    """The page OpenCode's webfetch reads: GCC 12's NEWS.html."""
    d = Path(DOCS["doc"]) / "gcc-12-base"
    run(f"rm -rf {d} && mkdir -p {d} && cp {NEWS}/NEWS.html {d}/")


def opencode(tmp: Path) -> None:
    import functools
    import capture_opencode as oco
    from capture_wide191_oc import run_round
    orig = oco.start_doc_server, oco.StubServer
    oco.start_doc_server = _doc_server
    oco.StubServer = functools.partial(orig[1], port=38552)
    try:
        run_round(tmp, f"cp -r {tmp}/fellyard fellyard && cp -r {tmp}/cronex-git fellyard-git && "
                  f"cp -r {tmp}/limepits limepits && cp -r {tmp}/fleecework fleecework && "
                  f"cp -r {tmp}/peltyard peltyard && cp -a {tmp}/woolsheet woolsheet && "
                  f"cp {tmp}/data/fleeces.db {tmp}/data/fleeces.csv {tmp}/data/fellmongers.log .",
                  "find . -name __pycache__ -prune -exec rm -rf {} + ; rm -rf limepits/build fellyard/.mypy_cache "
                  "fellyard/.ruff_cache",
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
    sys.modules.setdefault("capture_wide552", sys.modules["__main__"])
    main()
