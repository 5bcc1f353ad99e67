"""Capture round 503 of the compression corpus (issue #11's kinds on real projects, most of them as OpenCode's tools
hand them over, no new rules), with names from a cordage shop (coils, serving mallets, riggers): immutabledict 4.3.1
(its PyPI sdist) with bugs put in (project servingloft) under its own test suite, ruff and mypy, and a chained
traceback; a git history of its __init__.py; a C project (marlinspike) and a Rust crate (fidhorn) from round 291's
generators imported and renamed; a Go module (coilstore) from round 273's make_steps imported with this round's words;
a JavaScript project (servingboard) from round 290's module and generator imported and renamed; CSV/sqlite tables of
/usr/share files, ps aux, an application log, happy's HTML docs on loopback; ONE headless OpenCode run over the same
material (its bash, grep, glob, read, webfetch). Every kind's extractor is an earlier round's, imported (NEEDLES.md's
"Round 503: no new rules"). The glue follows capture_wide492.py.

Usage:   .venv/bin/python scripts/corpus/capture_wide503.py [--out PATH] [--keep]
Writes:  scripts/corpus/data/wide503.json  as {"version": 2, "items": [...]}, ids prefixed "wide503-".
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

ID_PREFIX = "wide503-"
DEFAULT_OUT = HERE / "data" / "wide503.json"
TMP = Path("/dev/shm/hm-corpus-wide503")
SRC = Path("/dev/shm/hm-corpus-wide503-src")  # immutabledict-4.3.1.tar.gz, its PyPI sdist
VENV = Path("/dev/shm/hm-corpus-wide503-venv")  # the round's own tools: pytest, ruff, mypy
JS = Path("/dev/shm/hm-corpus-wide503-js")  # the round's own npm project: eslint, @eslint/js, typescript
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
SEED = 50310
SV = "immutabledict-4.3.1"
MOD = "immutabledict/__init__.py"
PG = "README.md"
GIT_ENV = {"GIT_CONFIG_NOSYSTEM": "1", "GIT_CONFIG_GLOBAL": "/dev/null"}
PEOPLE = [("Hepzibah Layer", "hepzibah@example.org"), ("Josiah Hatchel", "josiah@example.org"),
          ("Hepzibah Layer", "hepzibah@example.org"), ("Mercy Whipper", "mercy@example.org"),
          ("Kezia Rigger", "kezia@example.org")]
BUGS = [(MOD, "        new.update(other)\n", "        new.update(self)\n"),
        (MOD, "        if key not in self:\n            return self\n", "        if key in self:\n            return self\n"),
        (MOD, "        del new[key]\n", "        new.pop(key, None)\n")]
MYPY = "mypy --strict --config-file /dev/null --no-incremental --cache-dir=/dev/null"

SCRIPT = r"""from immutabledict import immutabledict


class CoilCheckError(Exception):
    pass


STOCK = immutabledict({"manila 24 mm": 6, "hemp 18 mm": 4, "tarred marline": 12, "sisal 12 mm": 9})
DELIVERY = {"cotton 10 mm": 5, "hemp 28 mm": 3, "spunyarn": 20}
LOFT = STOCK | DELIVERY
print(f"stock {len(STOCK)} coils, delivery {len(DELIVERY)}, loft now {len(LOFT)}: {', '.join(LOFT)}")
for coil in LOFT:
    print(f"  {coil:16} {LOFT[coil]:3} coils")

RIGGERS = [("Amos Fid", "manila 24 mm"), ("Bathsheba Serving", "tarred marline"), ("Cornelius Worm", "hemp 28 mm"),
           ("Damaris Parcel", "cotton 10 mm"), ("Elias Splice", "spunyarn")]


def issue(rigger, coil):
    try:
        return LOFT[coil]
    except KeyError as exc:
        raise CoilCheckError(f"coil check: rigger {rigger!r} asked for {coil!r}, not in the loft "
                             f"({len(LOFT)} coils kept: {', '.join(LOFT)})") from exc


for rigger, coil in RIGGERS:
    print(rigger, "->", coil, issue(rigger, coil))
"""


def source(tmp: Path) -> None:
    """SRC/immutabledict-4.3.1.tar.gz (its PyPI sdist), the round's venv and npm project."""
    cm.download_sdists(SRC, "immutabledict-*.tar.gz", ["immutabledict==4.3.1"])
    cm.install_venv(VENV, "mypy", ["pytest", "ruff", "mypy"])
    cm.install_npm(JS, "typescript", ["eslint", "@eslint/js", "typescript"])
    if str(VENV / "bin") not in cm.PATH_PREFIX:
        cm.PATH_PREFIX.insert(0, str(VENV / "bin"))


def python(tmp: Path) -> None:
    run(f"tar --no-same-owner -xzf {SRC}/{SV}.tar.gz && mv {SV} servingloft", cwd=tmp)
    cp = tmp / "servingloft"
    put_bugs(cp, BUGS)
    env = {"PYTHONPATH": str(cp)}
    cap("pytest-immutabledict-servingloft-v-tbshort", "python -m pytest -v --tb=short --color=no -p no:cacheprovider tests",
        cp, n_pytest, env=env, timeout=300)
    chain("chain-immutabledict-pytest-q-exit", "chain-test-exit", "test",
          [Part("python -m pytest -q --color=no -p no:cacheprovider --tb=long tests", n_pytest),
           Part("echo EXIT=$?", n_status_echo, ";")], cp, env=env, timeout=300)
    cap("mypy-strict-immutabledict", f"{MYPY} immutabledict tests 2>&1 | tail -n 400", cp, n_mypy, env=env, timeout=300)
    (cp / "coil_check.py").write_text(SCRIPT)
    cap("python-chained-traceback-coil-check", "python3 coil_check.py", cp, n_chained, env=env)


def git_history(tmp: Path) -> None:
    repo = history(tmp, SRC, "immutabledict", SV, [MOD, PG], PEOPLE, SEED, 40, BUGS)
    (repo / "NOTES.local").write_text("union drops the delivery; discard inverted; delete never raises\n")
    cap("git-log-p-immutabledict-head-1300", "git log -p | head -n 1300", repo, n_log_p, env=GIT_ENV)


LOG_MSGS = {
    "INFO": lambda r: f"coil {r.randint(1, 6)} laid with {r.randint(20, 90)} fathoms of {r.choice(['manila', 'hemp', 'sisal'])} "
                      f"{r.randint(8, 24)} mm, {r.randint(3, 4)} strands, walk at {r.randint(12, 30)} turns",
    "DEBUG": lambda r: f"rigger {r.choice(['north', 'south', 'loft'])} served {r.randint(540, 660)} ft with the mallet, "
                       f"{r.randint(2, 9)} thimbles, tar {r.randint(8, 30)} oz",
    "WARNING": lambda r: f"coil {r.randint(1, 40)} lay {r.randint(12, 30)} % slack, hatchel {r.randint(1, 9)} "
                         f"of {r.choice(['hemp', 'flax', 'jute'])} {r.randint(2, 14)} teeth short",
    "ERROR": lambda r: f"coil {r.randint(1, 8)} strand parted at fathom {r.randint(20, 64)}, {r.randint(400, 3000)} "
                       f"ft {r.choice(['chafed', 'rotten', 'kinked', 'unlaid'])} (splice {r.randint(1, 60)})",
}
DIRS = ("/usr/share/gettext-0.21", "/usr/share/drirc.d", "/usr/share/PackageKit", "/usr/share/libdebuginfod-common",
        "/usr/share/application-registry")


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
    with open(d / "coilfiles.csv", "w", newline="") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(["path", "kind", "name", "bytes", "links", "modified"])
        w.writerows(rows)
    run("sqlite3 coilfiles.db '.mode csv' '.import coilfiles.csv coilfiles'", cwd=d)
    cap("ls-laR-gettext-drirc-packagekit-debuginfod-appreg", "ls -laR " + " ".join(DIRS), d, n_ls_lR)
    app_log(d / "riggers.log", 50314, 1500, ["loft.coils", "loft.riggers", "loft.serving",
                                                "loft.mallets"], LOG_MSGS, 5031, "2026-12-01")
    cap("app-log-riggers-tail-500", "tail -n 500 riggers.log", d, n_app_log)
    chain("chain-log-grep-error-riggers", "chain-log", "logs",
          [Part("grep -E ' (WARNING|ERROR) ' riggers.log | head -n 280", n_app_log),
           Part("grep -c ERROR riggers.log", None, ";")], d)
    srv = cm.start("cd /usr/share/doc/happy/html && exec python3 -m http.server 18503 --bind 127.0.0.1")
    try:
        time.sleep(1.5)
        cap("curl-html-happy-monads-head", "curl -s http://127.0.0.1:18503/sec-monads.html | head -n 1400", d, n_html)
    finally:
        os.killpg(srv.pid, signal.SIGTERM)


# round 291's words (the left-hand sides), then this round's
C_RENAMES = (("SPOOLGATE_H", "MARLINSPIKE_H"), ("spoolgate", "marlinspike"), ("spool_t", "strand_t"),
             ("spools", "strands"), ("gate_t", "coil_t"), ("gate_weight", "coil_weight"),
             ("gate_find", "coil_find"), ("twist_permille", "lay_permille"), ("yarn_g", "hemp_g"),
             ("fibre", "hemp"), ("passes", "layings"), ("twist_count_", "lay_count_"), ("_lot", "_fathom"),
             ('"lot ', '"fathom '), ("gate", "coil"))
RS_RENAMES = (("tillerhorn", "fidhorn"), ("0.7.3", "0.5.3"), ("Tiller horns: sweep from horn bore, helm load "
              "and a ranking of tiller fits.", "Fid horns: splicing from fid bore, serving load and a ranking of "
              "fid tapers."),
              ("sweep_n", "splice_n"), ("helm_load", "serving_load"), ("bore_um", "fid_um"),
              ("pintle_um", "mallet_um"), ("horn_count", "fid_count"), ("helm_", "serving_"), ("helm ", "serving "),
              ("sweep not on", "splice not on"), ("rudder limit", "fid limit"), ("fits", "tapers"),
              ("spare_", "worn_"))


def c_build(tmp: Path) -> None:
    root = tmp / "marlinspike"
    rnd = random.Random(50312)
    files = {"src/marlinspike.h": renamed(base.GATE_H, C_RENAMES), "src/loft.c": renamed(base.GATE_C, C_RENAMES)}
    for k in range(30):
        files[f"src/fathom_{k:02d}.c"] = renamed(base.gen_c(k, rnd), C_RENAMES)
    objs = " ".join(f"build/{Path(p).stem}.o" for p in files if p.endswith(".c"))
    files["Makefile"] = ("CC=gcc\nCFLAGS=-Wall -Wextra -O1 -Isrc\nOBJS=" + objs + "\n\nall: marlinspike\n\n"
                         "marlinspike: $(OBJS)\n\t$(CC) -o $@ $(OBJS)\n\nbuild/%.o: src/%.c src/marlinspike.h\n"
                         "\t@mkdir -p build\n\t$(CC) $(CFLAGS) -c $< -o $@\n\nclean:\n\trm -rf build marlinspike\n")
    write_tree(root, files)
    chain("chain-make-k-marlinspike-exit", "chain-build-exit", "build",
          [Part("make -k -j1 2>&1 | tail -n 400", n_make), Part("echo EXIT=$?", n_status_echo, ";")], root,
          timeout=600)
    cap("gcc-syntax-marlinspike-fathom", "gcc -Wall -Wextra -fsyntax-only -Isrc src/loft.c "
        "src/fathom_2[0-9].c", root, n_gcc, timeout=300)
    run("rm -rf build marlinspike", cwd=root)


def rust(tmp: Path) -> None:
    root = tmp / "fidhorn"
    rnd = random.Random(50313)
    broken = renamed(base.BROKEN, RS_RENAMES)
    write_tree(root, {"Cargo.toml": renamed(base.CARGO, RS_RENAMES), "src/lib.rs": renamed(base.LIB, RS_RENAMES),
                      "src/broken.rs": broken, "src/runs.rs": renamed(base.gen_runs(rnd, 120), RS_RENAMES)})
    env = {"CARGO_TARGET_DIR": str(tmp / "fidhorn-target"), "CARGO_TERM_COLOR": "never", "CARGO_BUILD_JOBS": "1"}
    cap("cargo-build-errors-fidhorn", "cargo build 2>&1", root, n_cargo_build, env=env, timeout=600)
    for line in ("    let label: String = idx.len();\n", "    idx.push(fid_count);\n"):
        assert line in broken, line
        broken = broken.replace(line, "")
    (root / "src/broken.rs").write_text(broken)
    cap("cargo-test-fidhorn-tail", "cargo test 2>&1 | grep -v '^test .* ok$' | tail -n 400", root, n_cargo_test,
        env=env, timeout=600)


# round 273's words, then this round's: the Go module, its app and what they count
GO_RENAMES = (("kegtally", "coilstore"), ("casebook", "riggerbook"), ("ledger host", "loft host"),
              ("litres left, days", "fathoms left, days"), ("nothing left to pour", "nothing left to lay"),
              ("pour order", "laying order"), ("pour grade", "rope grade"), ("Keg", "Coil"), ("keg", "coil"),
              ("Beer", "Hemp"), ("beer", "hemp"), ("Cellar", "Loft"), ("cellar", "loft"),
              ("Pints", "Fathoms"), ("pints", "fathoms"))
ROPES = ["Manila Three Strand", "Italian Hemp", "Tarred Marline", "Cotton Sash", "Sisal Hawser", "Coir Warp",
         "Flax Lashing", "Jute Twine", "Spunyarn", "Hambroline", "Houseline", "Cable Laid Hemp"]
GO_STEP = g273.make_steps(cap, "coilstore", "riggerbook", 50311, ROPES, GO_RENAMES)[0]  # its shell step not run


def go(tmp: Path) -> None:
    GO_STEP(tmp)
    (tmp / "coilstore" / "restock.go").unlink(missing_ok=True)  # make_steps leaves its build-error file in place


# round 290's module in cordage words: the words round 299's table replaces, in its order, each given a loft word
FIELD_WORDS = ["servingboard", "loft sums for the servingboard (coil loads, laying rates, serving charts)",
               "coilLoad", "layingToMs", "layBand", "layingLabel", "coilArea", "servingChart", "coilPlan",
               "No coil planned", "unknown fibre type", "manila", "sisal", "coir", "flax",
               "`rigger ${w + 1}", "seed = 50318",
               "'hemp', 'COIL', 'fid', 'Mallet', 'strand', 'yarn', 'Rigger', 'thimble', 'tar', 'LOFT', "
               "'marline',\n  'splice', 'whipping', 'Layer', 'server', 'worming'",
               "'Amos', 'Bathsheba', 'Cornelius', 'Damaris', 'Elias', 'Fanny', 'Gabriel', 'Hepzibah', 'Ira', "
               "'Josiah', 'Kezia', 'Mercy'"]
assert len(FIELD_WORDS) == len(m299.WAGGLE_NAMES)
FIELD_NAMES = [(old, new) for (old, _), new in zip(m299.WAGGLE_NAMES, FIELD_WORDS)]


def fielded(text: str) -> str:
    for old, new in FIELD_NAMES:
        text = text.replace(old, new)
    return text


SB_BUGS = [(fielded(rel), fielded(old), fielded(new)) for rel, old, new in m290.PA_BUGS]


def js_project(tmp: Path) -> None:
    root = tmp / "servingboard"
    for d in ("lib", "spec"):
        (root / d).mkdir(parents=True, exist_ok=True)
    run(f"ln -s {JS / 'node_modules'} node_modules", cwd=root)
    fixtures = fielded(m290.FIXTURES)
    assert "50318" in fixtures and "STOPPER" not in fixtures and "Branwen" not in fixtures
    write_tree(root, {"package.json": json.dumps({"name": "servingboard", "version": "5.0.3", "type": "module",
                                                  "scripts": {"test": "node --test spec/"}}, indent=2) + "\n",
                      "fixtures.mjs": fixtures, "eslint.config.js": m290.ESLINT_CONFIG,
                      "lib/coil-plan.js": fielded(m290.APP), "lib/servingboard.js": fielded(m290.HAWSEHOLE),
                      "lib/package.json": json.dumps({"type": "commonjs"}) + "\n", "tsconfig.json": m290.TSCONFIG})
    run("node fixtures.mjs && rm fixtures.mjs", cwd=root)
    put_bugs(root / "lib", SB_BUGS)
    env = {"PATH": f"{JS}/node_modules/.bin:/usr/bin:/bin"}
    cap("node-test-servingboard-tail-700", "node --test spec/ 2>&1 | tail -n 700", root, n_node_test, env=env, timeout=300)
    chain("chain-eslint-tsc-servingboard", "chain-lint", "lint",
          [Part("npx eslint lib spec | head -n 400", n_eslint), Part("npx tsc --noEmit -p . | head -n 200", n_tsc, ";")],
          root, env=env, timeout=300)


DOCS = {"doc": str(TMP.parent / "hm-corpus-wide503-docs")}  # happy's sec-directives.html


def specs(root: Path, env: dict) -> list:
    from capture_opencode import Spec
    from capture_wide15_langs import n_go_test
    from capture_wide15_oc import oc_ext
    from capture_wide191_oc import B, C
    S: list = [
        B("oc-bash-pytest-rA-v-tail-immutabledict", n_pytest,
          "cd servingloft && PYTHONPATH=. python -m pytest --color=no -p no:cacheprovider -rA -v tests 2>&1 "
          "| tail -n 300"),
        B("oc-bash-ruff-full-immutabledict", n_ruff,
          "ruff check --no-cache --isolated --select ALL --output-format=full servingloft/immutabledict/__init__.py 2>&1 "
          "| head -n 900"),
        B("oc-bash-git-blame-immutabledict", n_blame, "cd servingloft-git && git blame -w -L 28,222 immutabledict/__init__.py"),
        B("oc-bash-git-show-immutabledict-part", n_show, "cd servingloft-git && git show ':/^__init__: part 4 '"),
        B("oc-bash-git-log-p-immutabledict-reverse", n_log_p, "cd servingloft-git && git log -p --reverse | head -n 900"),
        B("oc-bash-make-k-marlinspike", n_make, "make -C marlinspike -k -B 2>&1 | tail -n 350"),
        B("oc-bash-cargo-test-fidhorn", n_cargo_test, "cd fidhorn && cargo test 2>&1 | tail -n 500"),
        B("oc-bash-cargo-clippy-fidhorn", n_clippy, "cd fidhorn && cargo clippy 2>&1 | tail -n 500"),
        B("oc-bash-go-test-v-coilstore", n_go_test,
          "cd coilstore && GOFLAGS=-mod=mod GOPROXY=off GOTOOLCHAIN=local go test -v ./... 2>&1 | tail -n 400"),
        B("oc-bash-ps-aux-mem-head-60", n_ps_aux, "ps aux --sort=-rss | head -n 60"),
        B("oc-bash-sqlite-coilfiles-by-kind", n_sqlite_col,
          "sqlite3 -header -column coilfiles.db \"SELECT kind, path, CAST(bytes AS INT) AS bytes, modified "
          "FROM coilfiles ORDER BY kind, path\""),
        B("oc-bash-csv-sort-coilfiles", n_csv,
          "(head -n 1 coilfiles.csv; tail -n +2 coilfiles.csv | sort -t, -k4 -n) | head -n 300"),
        B("oc-bash-log-grep-coil-riggers", n_app_log, "grep -E 'coil [15] |strand parted' riggers.log | head -n 420"),
        B("oc-bash-eslint-servingboard", n_eslint, "cd servingboard && npx eslint lib spec 2>&1 | head -n 500"),
    ]
    S.append(C("oc-bash-chain-pytest-x-exit-immutabledict", "chain-test-exit", "test",
               [Part("cd servingloft", None), Part("PYTHONPATH=. python -m pytest -x -q --color=no -p no:cacheprovider "
                                                  "tests", n_pytest, "&&"),
                Part("echo EXIT=$?", n_status_echo, ";")], root, env, "Test servingloft"))
    S.append(C("oc-bash-chain-mypy-strict-immutabledict", "chain-lint", "lint",
               [Part("cd servingloft", None), Part(f"{MYPY} --pretty immutabledict/__init__.py 2>&1 "
                                                  "| tail -n 300", n_mypy, "&&")],
               root, env, "Type-check immutabledict"))
    S.append(C("oc-bash-chain-git-status-diff-immutabledict", "chain-git-status-diff", "git",
               [Part("cd servingloft-git", None), Part("git status", n_status, "&&"), Part("git diff", n_diff, "&&")],
               root, env, "Show the working tree changes"))
    S.append(C("oc-bash-chain-node-test-exit-servingboard", "chain-test-exit", "test",
               [Part("cd servingboard", None), Part("node --test spec/ 2>&1 | tail -n 500", n_node_test, "&&"),
                Part("echo EXIT=$?", n_status_echo, ";")], root, env, "Test servingboard"))
    S.append(C("oc-bash-chain-tsc-servingboard", "chain-lint", "lint",
               [Part("cd servingboard", None), Part("npx tsc --noEmit -p . 2>&1 | head -n 250", n_tsc, "&&")],
               root, env, "Type-check servingboard"))
    fw = "doc/happy"
    O = [
        Spec("oc-grep-immutabledict-def-raise", "oc-grep", "search", "grep",
             {"pattern": r"def \w+\(|raise \w+|return self|_dict_cls", "path": "servingloft", "include": "*.py"}),
        Spec("oc-grep-marlinspike-coil", "oc-grep", "search", "grep",
             {"pattern": r"coil_\w+\(|return ", "path": "marlinspike"}),
        Spec("oc-glob-marlinspike-c", "oc-glob", "listing", "glob", {"pattern": "**/*.[ch]", "path": "marlinspike"}),
        Spec("oc-read-py-immutabledict-init", "oc-read-source", "code", "read",
             {"filePath": f"{root}/servingloft/immutabledict/__init__.py"}, "python"),
        Spec("oc-read-js-servingboard", "oc-read-source", "code", "read",
             {"filePath": f"{root}/servingboard/lib/servingboard.js"}, "js"),
        Spec("oc-webfetch-md-happy-directives", "oc-webfetch-markdown", "doc", "webfetch",
             {"url": "{BASE}/" + fw + "/sec-directives.html", "format": "markdown"}, source=f"{fw}/sec-directives.html"),
        Spec("oc-webfetch-text-happy-directives", "oc-webfetch-text", "doc", "webfetch",
             {"url": "{BASE}/" + fw + "/sec-directives.html", "format": "text"}, source=f"{fw}/sec-directives.html"),
    ]
    for spec in O:
        S.append((spec, oc_ext(spec.kind, spec.family, spec)))
    return S


def _doc_server(serve_dir: str):
    """capture_opencode.start_doc_server on the round's own loopback port (28503), round 436's way."""
    import functools
    import http.server
    import threading
    import capture_opencode as oco
    handler = functools.partial(oco._QuietHandler, directory=serve_dir)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 28503), handler)
    threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.1}, daemon=True).start()
    return server


def docs(tmp: Path) -> None:
    """The page OpenCode's webfetch reads: happy's sec-directives.html."""
    d = Path(DOCS["doc"]) / "happy"
    run(f"rm -rf {d} && mkdir -p {d} && cp /usr/share/doc/happy/html/sec-directives.html {d}/")


def opencode(tmp: Path) -> None:
    import functools
    import capture_opencode as oco
    from capture_wide191_oc import run_round
    orig = oco.start_doc_server, oco.StubServer
    oco.start_doc_server = _doc_server
    oco.StubServer = functools.partial(orig[1], port=38503)
    try:
        run_round(tmp, f"cp -r {tmp}/servingloft servingloft && cp -r {tmp}/immutabledict-git servingloft-git && "
                  f"cp -r {tmp}/marlinspike marlinspike && cp -r {tmp}/fidhorn fidhorn && "
                  f"cp -r {tmp}/coilstore coilstore && cp -a {tmp}/servingboard servingboard && "
                  f"cp {tmp}/data/coilfiles.db {tmp}/data/coilfiles.csv {tmp}/data/riggers.log .",
                  "find . -name __pycache__ -prune -exec rm -rf {} + ; rm -rf marlinspike/build servingloft/.mypy_cache "
                  "servingloft/.ruff_cache",
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
    sys.modules.setdefault("capture_wide503", sys.modules["__main__"])
    main()
