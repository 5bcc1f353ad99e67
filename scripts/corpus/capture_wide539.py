"""Capture round 539 of the compression corpus (issue #11's kinds on real projects, most of them as OpenCode's tools
hand them over, no new rules), with names from a tollgate (pikes, turnpike keepers, milestones): IntelHex 2.3.0 (its
PyPI sdist) with bugs put in (project pikehouse) under its own test suite, ruff and mypy, and a chained traceback; a git
history of its __init__.py and compat.py; a C project (barpole) and a Rust crate (tollbar) from round 291's generators
imported and renamed; a Go module (turnpikeyard) from round 273's make_steps imported with this round's words; a
JavaScript project (tollsheet) from round 290's module and generator imported and renamed; CSV/sqlite tables of
/usr/share files, ps aux, an application log, happy's HTML manual on loopback; ONE headless OpenCode run over the same
material (its bash, grep, glob, read, webfetch). Every kind's extractor is an earlier round's, imported (NEEDLES.md's
"Round 539: no new rules"). The glue follows capture_wide522.py.

Usage:   .venv/bin/python scripts/corpus/capture_wide539.py [--out PATH] [--keep]
Writes:  scripts/corpus/data/wide539.json  as {"version": 2, "items": [...]}, ids prefixed "wide539-".
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

ID_PREFIX = "wide539-"
DEFAULT_OUT = HERE / "data" / "wide539.json"
TMP = Path("/dev/shm/hm-corpus-wide539")
SRC = Path("/dev/shm/hm-corpus-wide539-src")  # intelhex-2.3.0.tar.gz, its PyPI sdist
VENV = Path("/dev/shm/hm-corpus-wide539-venv")  # the round's own tools: pytest, ruff, mypy
JS = Path("/dev/shm/hm-corpus-wide539-js")  # the round's own npm project: eslint, @eslint/js, typescript
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

w9b.TMP = TMP  # importing earlier rounds' modules may set round 9b's chain state dir to theirs
SEED = 53910
SV = "intelhex-2.3.0"
MOD = "intelhex/__init__.py"
MOD2 = "intelhex/compat.py"
PG = "README.rst"
GIT_ENV = {"GIT_CONFIG_NOSYSTEM": "1", "GIT_CONFIG_GLOBAL": "/dev/null"}
PEOPLE = [("Obadiah Pike", "obadiah@example.org"), ("Tabitha Milestone", "tabitha@example.org"),
          ("Obadiah Pike", "obadiah@example.org"), ("Jethro Tollman", "jethro@example.org"),
          ("Patience Turner", "patience@example.org")]
BUGS = [(MOD, "            self._offset = (bin[4]*256 + bin[5]) * 65536\n",
         "            self._offset = (bin[4]*256 + bin[5]) * 4096\n"),
        (MOD, "            return max(aa)\n", "            return max(aa) - 1\n"),
        (MOD, "        for i in range_g(len(a)):\n            self._buf[addr+i] = a[i]\n",
         "        for i in range_g(len(a) - 1):\n            self._buf[addr+i] = a[i]\n")]
MYPY = "mypy --strict --config-file /dev/null --no-incremental --cache-dir=/dev/null"

SCRIPT = r"""from io import StringIO

from intelhex import IntelHex, NotEnoughDataError


class TollReadError(Exception):
    pass


# the turnpike keepers' ledger: each milestone's tolls, kept as Intel HEX above 64 KiB
LEDGER = [("Amos Pike", "milestone 3", 0x10000, b"3d coach, 1d horse, 2 carts"),
          ("Bathsheba Gatewood", "milestone 7", 0x10040, b"4d stage, 6d drove of 20 sheep"),
          ("Caleb Tollman", "milestone 12", 0x10080, b"1s 2d mail coach (exempt)"),
          ("Drusilla Barr", "milestone 19", 0x100c0, b"2d wagon, 9 wheels over 6 in")]
ledger = IntelHex()
for keeper, stone, addr, tolls in LEDGER:
    ledger.puts(addr, tolls)
print(f"tollgate ledger: {len(LEDGER)} records, {ledger.minaddr():#x}..{ledger.maxaddr():#x}, {len(ledger)} bytes")
buf = StringIO()
ledger.write_hex_file(buf)
buf.seek(0)
back = IntelHex(buf)
print(f"read back: {back.minaddr():#x}..{back.maxaddr():#x}, {len(back)} bytes, segments {back.segments()}")


def read(keeper, stone, addr, tolls):
    try:
        return back.gets(addr, len(tolls)).decode()
    except NotEnoughDataError as exc:
        raise TollReadError(f"toll ledger: keeper {keeper!r}'s {stone} record at {addr:#x} ({len(tolls)} bytes) "
                            f"is not in the read-back ledger (segments {back.segments()})") from exc


for keeper, stone, addr, tolls in LEDGER:
    print(keeper, "->", stone, read(keeper, stone, addr, tolls))
"""


def source(tmp: Path) -> None:
    """SRC/intelhex-2.3.0.tar.gz (its PyPI sdist), the round's venv and npm project."""
    cm.download_sdists(SRC, "intelhex-*.tar.gz", ["intelhex==2.3.0"])
    cm.install_venv(VENV, "mypy", ["pytest", "ruff", "mypy"])
    cm.install_npm(JS, "typescript", ["eslint", "@eslint/js", "typescript"])
    if str(VENV / "bin") not in cm.PATH_PREFIX:
        cm.PATH_PREFIX.insert(0, str(VENV / "bin"))


def python(tmp: Path) -> None:
    run(f"tar --no-same-owner -xzf {SRC}/{SV}.tar.gz && mv {SV} pikehouse", cwd=tmp)
    cp = tmp / "pikehouse"
    put_bugs(cp, BUGS)
    env = {"PYTHONPATH": str(cp)}
    cap("pytest-intelhex-pikehouse-v-tbshort", "python -m pytest -v --tb=short --color=no -p no:cacheprovider "
        "intelhex/test.py", cp, n_pytest, env=env, timeout=300)
    chain("chain-intelhex-pytest-q-exit", "chain-test-exit", "test",
          [Part("python -m pytest -q --color=no -p no:cacheprovider --tb=long intelhex/test.py", n_pytest),
           Part("echo EXIT=$?", n_status_echo, ";")], cp, env=env, timeout=300)
    cap("mypy-strict-intelhex", f"{MYPY} intelhex 2>&1 | tail -n 400", cp, n_mypy, env=env, timeout=300)
    (cp / "milestone_check.py").write_text(SCRIPT)
    cap("python-chained-traceback-milestone-check", "python3 milestone_check.py", cp, n_chained, env=env)


def git_history(tmp: Path) -> None:
    repo = history(tmp, SRC, "intelhex", SV, [MOD, MOD2, PG], PEOPLE, SEED, 40, BUGS)
    (repo / "NOTES.local").write_text("linear address offset * 4096; maxaddr one short; puts drops the last byte\n")
    cap("git-log-p-intelhex-head-1300", "git log -p | head -n 1300", repo, n_log_p, env=GIT_ENV)


LOG_MSGS = {
    "INFO": lambda r: f"gate {r.randint(1, 6)} opened for the {r.choice(['mail coach', 'stage', 'carrier'])}, "
                      f"{r.randint(2, 40)} tolls taken, {r.randint(1, 9)}s {r.randint(0, 11)}d at milestone {r.randint(1, 30)}",
    "DEBUG": lambda r: f"keeper {r.choice(['day', 'night', 'relief'])} counted {r.randint(20, 120)} head of "
                       f"{r.choice(['sheep', 'cattle', 'geese'])}, ticket {r.randint(100, 999)}, bar {r.randint(1, 4)}",
    "WARNING": lambda r: f"wagon {r.randint(1, 40)} wheels {r.randint(3, 9)} in under the gauge, rut {r.randint(2, 12)} "
                         f"in on the {r.choice(['Bath Road', 'Dover Road', 'Exeter Road'])}, {r.randint(1, 6)} tickets short",
    "ERROR": lambda r: f"pike {r.randint(1, 8)} run at milestone {r.randint(2, 32)}, {r.randint(1, 9)} "
                       f"{r.choice(['carts', 'drovers', 'horses', 'chaises'])} unpaid (ticket {r.randint(1, 60)})",
}
DIRS = ("/usr/share/i18nspector", "/usr/share/hunspell", "/usr/share/luajit-2.1.0-beta3",
        "/usr/share/libdebuginfod-common", "/usr/share/magic")


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
    with open(d / "milestones.csv", "w", newline="") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(["path", "kind", "name", "bytes", "links", "modified"])
        w.writerows(rows)
    run("sqlite3 milestones.db '.mode csv' '.import milestones.csv milestones'", cwd=d)
    cap("ls-laR-i18nspector-hunspell-luajit-magic", "ls -laR " + " ".join(DIRS), d, n_ls_lR)
    app_log(d / "tollkeepers.log", 53914, 1500, ["turnpike.gates", "turnpike.tickets", "turnpike.keepers",
                                                 "turnpike.milestones"], LOG_MSGS, 5391, "2026-12-03")
    cap("app-log-tollkeepers-tail-500", "tail -n 500 tollkeepers.log", d, n_app_log)
    chain("chain-log-grep-error-tollkeepers", "chain-log", "logs",
          [Part("grep -E ' (WARNING|ERROR) ' tollkeepers.log | head -n 280", n_app_log),
           Part("grep -c ERROR tollkeepers.log", None, ";")], d)
    srv = cm.start("cd /usr/share/doc/happy/html && exec python3 -m http.server 18539 --bind 127.0.0.1")
    try:
        time.sleep(1.5)
        cap("curl-html-happy-sec-using-head", "curl -s http://127.0.0.1:18539/sec-using.html | head -n 1400", d, n_html)
    finally:
        os.killpg(srv.pid, signal.SIGTERM)


# round 291's words (the left-hand sides), then this round's
C_RENAMES = (("SPOOLGATE_H", "BARPOLE_H"), ("spoolgate", "barpole"), ("spool_t", "pike_t"),
             ("spools", "pikes"), ("gate_t", "bar_t"), ("gate_weight", "bar_weight"),
             ("gate_find", "bar_find"), ("twist_permille", "toll_permille"), ("yarn_g", "coach_g"),
             ("fibre", "road"), ("passes", "carts"), ("twist_count_", "toll_count_"), ("_lot", "_stage"),
             ('"lot ', '"stage '), ("gate", "bar"))
RS_RENAMES = (("tillerhorn", "tollbar"), ("0.7.3", "0.5.39"), ("Tiller horns: sweep from horn bore, helm load "
              "and a ranking of tiller fits.", "Toll bars: tolls from rut depth, coach load and a ranking of "
              "turnpike tariffs."),
              ("sweep_n", "toll_n"), ("helm_load", "coach_load"), ("bore_um", "rut_um"),
              ("pintle_um", "kerb_um"), ("horn_count", "pike_count"), ("helm_", "coach_"), ("helm ", "coach "),
              ("sweep not on", "toll not on"), ("rudder limit", "turnpike limit"), ("fits", "tariffs"),
              ("spare_", "unpaid_"))


def c_build(tmp: Path) -> None:
    root = tmp / "barpole"
    rnd = random.Random(53912)
    files = {"src/barpole.h": renamed(base.GATE_H, C_RENAMES), "src/barframe.c": renamed(base.GATE_C, C_RENAMES)}
    for k in range(30):
        files[f"src/pike_{k:02d}.c"] = renamed(base.gen_c(k, rnd), C_RENAMES)
    objs = " ".join(f"build/{Path(p).stem}.o" for p in files if p.endswith(".c"))
    files["Makefile"] = ("CC=gcc\nCFLAGS=-Wall -Wextra -O1 -Isrc\nOBJS=" + objs + "\n\nall: barpole\n\n"
                         "barpole: $(OBJS)\n\t$(CC) -o $@ $(OBJS)\n\nbuild/%.o: src/%.c src/barpole.h\n"
                         "\t@mkdir -p build\n\t$(CC) $(CFLAGS) -c $< -o $@\n\nclean:\n\trm -rf build barpole\n")
    write_tree(root, files)
    chain("chain-make-k-barpole-exit", "chain-build-exit", "build",
          [Part("make -k -j1 2>&1 | tail -n 400", n_make), Part("echo EXIT=$?", n_status_echo, ";")], root,
          timeout=600)
    cap("gcc-syntax-barpole-pikes", "gcc -Wall -Wextra -fsyntax-only -Isrc src/barframe.c "
        "src/pike_2[0-9].c", root, n_gcc, timeout=300)
    run("rm -rf build barpole", cwd=root)


def rust(tmp: Path) -> None:
    root = tmp / "tollbar"
    rnd = random.Random(53913)
    broken = renamed(base.BROKEN, RS_RENAMES)
    write_tree(root, {"Cargo.toml": renamed(base.CARGO, RS_RENAMES), "src/lib.rs": renamed(base.LIB, RS_RENAMES),
                      "src/broken.rs": broken, "src/runs.rs": renamed(base.gen_runs(rnd, 120), RS_RENAMES)})
    env = {"CARGO_TARGET_DIR": str(tmp / "tollbar-target"), "CARGO_TERM_COLOR": "never", "CARGO_BUILD_JOBS": "1"}
    cap("cargo-build-errors-tollbar", "cargo build 2>&1", root, n_cargo_build, env=env, timeout=600)
    for line in ("    let label: String = idx.len();\n", "    idx.push(pike_count);\n"):
        assert line in broken, line
        broken = broken.replace(line, "")
    (root / "src/broken.rs").write_text(broken)
    cap("cargo-test-tollbar-tail", "cargo test 2>&1 | grep -v '^test .* ok$' | tail -n 400", root, n_cargo_test,
        env=env, timeout=600)


# round 273's words, then this round's: the Go module, its app and what they count
GO_RENAMES = (("kegtally", "turnpikeyard"), ("casebook", "milebook"), ("ledger host", "toll host"),
              ("litres left, days", "tickets left, days"), ("nothing left to pour", "nothing left to collect"),
              ("pour order", "collection order"), ("pour grade", "road grade"), ("Keg", "Coach"), ("keg", "coach"),
              ("Beer", "Road"), ("beer", "road"), ("Cellar", "Tollhouse"), ("cellar", "tollhouse"),
              ("Pints", "Tickets"), ("pints", "tickets"))
ROADS = ["Great North Road", "Bath Road", "Dover Road", "Holyhead Road", "Exeter Road", "Portsmouth Road",
         "Brighton Road", "Chester Road", "Glasgow Road", "Harwich Road", "Oxford Road", "Carlisle Road"]
GO_STEP = g273.make_steps(cap, "turnpikeyard", "milebook", 53911, ROADS, GO_RENAMES)[0]  # its shell step not run


def go(tmp: Path) -> None:
    GO_STEP(tmp)
    (tmp / "turnpikeyard" / "restock.go").unlink(missing_ok=True)  # make_steps leaves its build-error file in place


# round 290's module in tollgate words: the words round 299's table replaces, in its order, each given a tollgate word
FIELD_WORDS = ["tollsheet", "toll sums for the tollsheet (coach loads, gate rates, milestone charts)",
               "coachLoad", "gateToMs", "rutBand", "gateLabel", "pikeArea", "milestoneChart", "turnPlan",
               "No turn planned", "unknown coach type", "stage", "mail", "carrier", "drover",
               "`keeper ${w + 1}", "seed = 53918",
               "'pike', 'TOLL', 'bar', 'Keeper', 'ticket', 'verge', 'Turnpike', 'chaise', 'drove', 'GATE', "
               "'rut',\n  'tollhouse', 'wagon', 'Surveyor', 'post', 'horse'",
               "'Abel', 'Bathsheba', 'Cornelius', 'Drusilla', 'Enoch', 'Fidelia', 'Gideon', 'Hepzibah', 'Isaiah', "
               "'Jemima', 'Lazarus', 'Mahala'"]
assert len(FIELD_WORDS) == len(m299.WAGGLE_NAMES)
FIELD_NAMES = [(old, new) for (old, _), new in zip(m299.WAGGLE_NAMES, FIELD_WORDS)]


def fielded(text: str) -> str:
    for old, new in FIELD_NAMES:
        text = text.replace(old, new)
    return text


SB_BUGS = [(fielded(rel), fielded(old), fielded(new)) for rel, old, new in m290.PA_BUGS]


def js_project(tmp: Path) -> None:
    root = tmp / "tollsheet"
    for d in ("lib", "spec"):
        (root / d).mkdir(parents=True, exist_ok=True)
    run(f"ln -s {JS / 'node_modules'} node_modules", cwd=root)
    fixtures = fielded(m290.FIXTURES)
    assert "53918" in fixtures and "STOPPER" not in fixtures and "Branwen" not in fixtures
    write_tree(root, {"package.json": json.dumps({"name": "tollsheet", "version": "5.3.9", "type": "module",
                                                  "scripts": {"test": "node --test spec/"}}, indent=2) + "\n",
                      "fixtures.mjs": fixtures, "eslint.config.js": m290.ESLINT_CONFIG,
                      "lib/turn-plan.js": fielded(m290.APP), "lib/tollsheet.js": fielded(m290.HAWSEHOLE),
                      "lib/package.json": json.dumps({"type": "commonjs"}) + "\n", "tsconfig.json": m290.TSCONFIG})
    run("node fixtures.mjs && rm fixtures.mjs", cwd=root)
    put_bugs(root / "lib", SB_BUGS)
    env = {"PATH": f"{JS}/node_modules/.bin:/usr/bin:/bin"}
    cap("node-test-tollsheet-tail-700", "node --test spec/ 2>&1 | tail -n 700", root, n_node_test, env=env, timeout=300)
    chain("chain-eslint-tsc-tollsheet", "chain-lint", "lint",
          [Part("npx eslint lib spec | head -n 400", n_eslint), Part("npx tsc --noEmit -p . | head -n 200", n_tsc, ";")],
          root, env=env, timeout=300)


DOCS = {"doc": str(TMP.parent / "hm-corpus-wide539-docs")}  # happy's sec-glr-using.html


def specs(root: Path, env: dict) -> list:
    from capture_opencode import Spec
    from capture_wide15_langs import n_go_test
    from capture_wide15_oc import oc_ext
    from capture_wide191_oc import B, C
    S: list = [
        B("oc-bash-pytest-rA-v-tail-intelhex", n_pytest,
          "cd pikehouse && PYTHONPATH=. python -m pytest --color=no -p no:cacheprovider -rA -v intelhex/test.py 2>&1 "
          "| tail -n 300"),
        B("oc-bash-ruff-full-intelhex", n_ruff,
          "ruff check --no-cache --isolated --select ALL --output-format=full pikehouse/intelhex 2>&1 "
          "| head -n 900"),
        B("oc-bash-git-blame-intelhex-compat", n_blame, "cd pikehouse-git && git blame -w intelhex/compat.py"),
        B("oc-bash-git-show-intelhex-init-part", n_show, "cd pikehouse-git && git show ':/^__init__: part 3 '"),
        B("oc-bash-git-log-p-intelhex-reverse", n_log_p, "cd pikehouse-git && git log -p --reverse | head -n 900"),
        B("oc-bash-make-k-barpole", n_make, "make -C barpole -k -B 2>&1 | tail -n 350"),
        B("oc-bash-cargo-test-tollbar", n_cargo_test, "cd tollbar && cargo test 2>&1 | tail -n 500"),
        B("oc-bash-cargo-clippy-tollbar", n_clippy, "cd tollbar && cargo clippy 2>&1 | tail -n 500"),
        B("oc-bash-go-test-v-turnpikeyard", n_go_test,
          "cd turnpikeyard && GOFLAGS=-mod=mod GOPROXY=off GOTOOLCHAIN=local go test -v ./... 2>&1 | tail -n 400"),
        B("oc-bash-ps-aux-mem-head-60", n_ps_aux, "ps aux --sort=-rss | head -n 60"),
        B("oc-bash-sqlite-milestones-by-kind", n_sqlite_col,
          "sqlite3 -header -column milestones.db \"SELECT kind, path, CAST(bytes AS INT) AS bytes, modified "
          "FROM milestones ORDER BY kind, path\""),
        B("oc-bash-csv-sort-milestones", n_csv,
          "(head -n 1 milestones.csv; tail -n +2 milestones.csv | sort -t, -k4 -n) | head -n 300"),
        B("oc-bash-log-grep-milestone-tollkeepers", n_app_log, "grep -E 'milestone [37],|pike [0-9] run' tollkeepers.log | head -n 420"),
        B("oc-bash-eslint-tollsheet", n_eslint, "cd tollsheet && npx eslint lib spec 2>&1 | head -n 500"),
    ]
    S.append(C("oc-bash-chain-pytest-x-exit-intelhex", "chain-test-exit", "test",
               [Part("cd pikehouse", None), Part("PYTHONPATH=. python -m pytest -x -q --color=no -p no:cacheprovider "
                                                  "intelhex/test.py", n_pytest, "&&"),
                Part("echo EXIT=$?", n_status_echo, ";")], root, env, "Test pikehouse"))
    S.append(C("oc-bash-chain-mypy-strict-intelhex", "chain-lint", "lint",
               [Part("cd pikehouse", None), Part(f"{MYPY} --pretty intelhex 2>&1 "
                                                  "| tail -n 300", n_mypy, "&&")],
               root, env, "Type-check intelhex"))
    S.append(C("oc-bash-chain-git-status-diff-intelhex", "chain-git-status-diff", "git",
               [Part("cd pikehouse-git", None), Part("git status", n_status, "&&"), Part("git diff", n_diff, "&&")],
               root, env, "Show the working tree changes"))
    S.append(C("oc-bash-chain-node-test-exit-tollsheet", "chain-test-exit", "test",
               [Part("cd tollsheet", None), Part("node --test spec/ 2>&1 | tail -n 500", n_node_test, "&&"),
                Part("echo EXIT=$?", n_status_echo, ";")], root, env, "Test tollsheet"))
    S.append(C("oc-bash-chain-tsc-tollsheet", "chain-lint", "lint",
               [Part("cd tollsheet", None), Part("npx tsc --noEmit -p . 2>&1 | head -n 250", n_tsc, "&&")],
               root, env, "Type-check tollsheet"))
    fw = "doc/happy"
    O = [
        Spec("oc-grep-intelhex-def-raise", "oc-grep", "search", "grep",
             {"pattern": r"def \w+\(|raise \w+Error|_offset\b|record_type ==", "path": "pikehouse", "include": "*.py"}),
        Spec("oc-grep-barpole-bar", "oc-grep", "search", "grep",
             {"pattern": r"bar_\w+\(|return ", "path": "barpole"}),
        Spec("oc-glob-barpole-c", "oc-glob", "listing", "glob", {"pattern": "**/*.[ch]", "path": "barpole"}),
        Spec("oc-read-py-intelhex-init", "oc-read-source", "code", "read",
             {"filePath": f"{root}/pikehouse/intelhex/__init__.py"}, "python"),
        Spec("oc-read-js-tollsheet", "oc-read-source", "code", "read",
             {"filePath": f"{root}/tollsheet/lib/tollsheet.js"}, "js"),
        Spec("oc-webfetch-md-happy-sec-glr-using", "oc-webfetch-markdown", "doc", "webfetch",
             {"url": "{BASE}/" + fw + "/sec-glr-using.html", "format": "markdown"}, source=f"{fw}/sec-glr-using.html"),
        Spec("oc-webfetch-text-happy-sec-glr-using", "oc-webfetch-text", "doc", "webfetch",
             {"url": "{BASE}/" + fw + "/sec-glr-using.html", "format": "text"}, source=f"{fw}/sec-glr-using.html"),
    ]
    for spec in O:
        S.append((spec, oc_ext(spec.kind, spec.family, spec)))
    return S


def _doc_server(serve_dir: str):
    """capture_opencode.start_doc_server on the round's own loopback port (28539), round 436's way."""
    import functools
    import http.server
    import threading
    import capture_opencode as oco
    handler = functools.partial(oco._QuietHandler, directory=serve_dir)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 28539), handler)
    threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.1}, daemon=True).start()
    return server


def docs(tmp: Path) -> None:
    """The page OpenCode's webfetch reads: happy's sec-glr-using.html."""
    d = Path(DOCS["doc"]) / "happy"
    run(f"rm -rf {d} && mkdir -p {d} && cp /usr/share/doc/happy/html/sec-glr-using.html {d}/")


def opencode(tmp: Path) -> None:
    import functools
    import capture_opencode as oco
    from capture_wide191_oc import run_round
    orig = oco.start_doc_server, oco.StubServer
    oco.start_doc_server = _doc_server
    oco.StubServer = functools.partial(orig[1], port=38539)
    try:
        run_round(tmp, f"cp -r {tmp}/pikehouse pikehouse && cp -r {tmp}/intelhex-git pikehouse-git && "
                  f"cp -r {tmp}/barpole barpole && cp -r {tmp}/tollbar tollbar && "
                  f"cp -r {tmp}/turnpikeyard turnpikeyard && cp -a {tmp}/tollsheet tollsheet && "
                  f"cp {tmp}/data/milestones.db {tmp}/data/milestones.csv {tmp}/data/tollkeepers.log .",
                  "find . -name __pycache__ -prune -exec rm -rf {} + ; rm -rf barpole/build pikehouse/.mypy_cache "
                  "pikehouse/.ruff_cache",
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
    sys.modules.setdefault("capture_wide539", sys.modules["__main__"])
    main()
