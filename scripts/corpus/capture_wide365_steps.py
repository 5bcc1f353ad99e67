"""Round 365's steps: jdcal's sdist with bugs put in (its own tests with pytest, ruff, its code run wrongly into a
chained traceback), the spokeshave project (kind-of, linted), a C project (navebore) and a Rust crate (felloeset) from
round 291's generators IMPORTED and renamed (capture_wide273_go.renamed), a git history of jdcal's sources
(capture_material.history), the files of /usr/share/gdb, gettext and gnupg as a CSV and a sqlite table, an application
log (capture_material.app_log), npm view --json, libffi8's installed HTML documentation fetched with curl, then ONE run
of the real OpenCode over the same material (round 191's driver run_round, round 360's doc server and stub wrapping on
this round's ports). Each kind's extractor is the earlier rounds', imported (NEEDLES.md's "Round 365: no new rules").
Run through capture_wide365.py."""

from __future__ import annotations

import csv
import functools
import http.server
import json
import os
import random
import signal
import time
from pathlib import Path

import capture_more as cm
import capture_opencode as oco
import capture_wide291_native as base
from capture_material import app_log, history, put_bugs
from capture_more import n_app_log, n_tree, run, write_tree
from capture_opencode import Spec
from capture_wide import n_chained
from capture_wide9b import Part, chain, n_status_echo
from capture_wide11_files import n_html
from capture_wide15_data import n_csv, n_find, n_ls_lR, n_npm_view, n_ps_aux, n_sqlite_col
from capture_wide15_diag import n_mypy, n_pytest, n_ruff
from capture_wide15_js import n_eslint, n_tsc
from capture_wide15_langs import n_cargo_build, n_cargo_test, n_clippy, n_gcc, n_make
from capture_wide15_oc import n_blame, n_diff, n_log_p, n_show, n_status, oc_ext
from capture_wide191_oc import B, C, run_round
from capture_wide273_go import renamed
from capture_wide291_mat import ESLINT_CONFIG, TSCONFIG  # round 291's eslint rules and tsconfig, as they are
from capture_wide365 import JS, SRC, VENV, add, cap

SV = "jdcal-1.4.1"
CORE = "jdcal.py"
GIT_ENV = {"GIT_CONFIG_NOSYSTEM": "1", "GIT_CONFIG_GLOBAL": "/dev/null"}
PEOPLE = [("Wenna Spokesby", "wenna@example.org"), ("Abel Nave-Tyrer", "abel@example.org"),
          ("Wenna Spokesby", "wenna@example.org"), ("Joss Felloe", "joss@example.org")]
PYENV = {"PYTHONPATH": "."}

# The bugs put in: 2000 (divisible by 400) no longer a leap year; gcal2jd a day off; jd2gcal's noon fraction off.
BUGS = [(CORE, "    return not x and (y or not z)\n", "    return not x and y\n"),
        (CORE, "    jd += day - 2432075.5  # was 32075; add 2400000.5\n",
         "    jd += day - 2432074.5  # was 32075; add 2400000.5\n"),
        (CORE, "    from math import modf\n\n    jd1_f, jd1_i = modf(jd1)\n    jd2_f, jd2_i = modf(jd2)\n\n    jd_i = jd1_i + jd2_i\n\n    f = jd1_f + jd2_f\n\n    # Set JD to noon of the current date. Fractional part is the\n    # fraction from midnight of the current date.\n    if -0.5 < f < 0.5:\n        f += 0.5\n    elif f >= 0.5:\n        jd_i += 1\n        f -= 0.5\n    elif f <= -0.5:\n        jd_i -= 1\n        f += 1.5\n\n    l = jd_i + 68569\n",
         "    from math import modf\n\n    jd1_f, jd1_i = modf(jd1)\n    jd2_f, jd2_i = modf(jd2)\n\n    jd_i = jd1_i + jd2_i\n\n    f = jd1_f + jd2_f\n\n    # Set JD to noon of the current date. Fractional part is the\n    # fraction from midnight of the current date.\n    if -0.5 < f < 0.5:\n        f += 0.5\n    elif f > 0.5:\n        jd_i += 1\n        f -= 0.5\n    elif f <= -0.5:\n        jd_i -= 1\n        f += 1.5\n\n    l = jd_i + 68569\n")]

SCRIPT = r"""
import jdcal


class FelloeLedgerError(Exception):
    pass


WHEELS = [
    {"wheel": "Wain near-side", "felloes": 7, "spokes": 14, "nave": "elm", "fitted": (1888, 4, 23)},
    {"wheel": "Tumbril off-side", "felloes": 6, "spokes": 12, "nave": "elm", "fitted": (1888, 5, 2)},
    {"wheel": "Dray hind", "felloes": 8, "spokes": 16, "nave": "oak", "fitted": (1888, "Michaelmas", 29)},
]


def fitted_mjd(entry):
    try:
        return jdcal.gcal2jd(*entry["fitted"])[1]
    except (TypeError, ValueError) as exc:
        raise FelloeLedgerError(
            f"felloe ledger: {entry['wheel']} ({entry['felloes']} felloes, {entry['spokes']} spokes) has no fitting date"
        ) from exc


for entry in WHEELS:
    print(entry["wheel"], "fitted MJD", fitted_mjd(entry))
"""


def python(tmp: Path) -> None:
    cp = tmp / SV
    put_bugs(cp, BUGS)
    cap("pytest-jdcal-v-tbshort",
        "python -m pytest -v --tb=short --color=no -p no:cacheprovider test_jdcal.py 2>&1 | grep -v PASSED", cp,
        n_pytest, env=PYENV, timeout=900)
    chain("chain-jdcal-pytest-q-exit", "chain-test-exit", "test",
          [Part("python -m pytest -q --color=no -p no:cacheprovider --tb=long test_jdcal.py", n_pytest),
           Part("echo EXIT=$?", n_status_echo, ";")], cp, env=PYENV, timeout=900)
    cap("ruff-concise-jdcal-all",
        "ruff check --no-cache --isolated --select ALL --output-format=concise jdcal.py test_jdcal.py setup.py "
        "| head -n 900", cp, n_ruff)
    d = tmp / "shop"
    d.mkdir()
    (d / "felloe_ledger.py").write_text(SCRIPT)
    cap("python-chained-traceback-felloe-ledger", "python3 felloe_ledger.py", d, n_chained,
        env={"PYTHONPATH": str(cp)})


def git_history(tmp: Path) -> None:
    repo = history(tmp, SRC, "jdcal", SV, [CORE, "test_jdcal.py", "setup.py", "README.rst"], PEOPLE, 36510, 40, BUGS)
    (repo / "NOTES.local").write_text("leap rule dropped the 400s; gcal2jd a day out; noon fraction edge\n")
    cap("git-log-p-jdcal-head-1500", "git log -p | head -n 1500", repo, n_log_p, env=GIT_ENV)


APP = """const kindOf = require('./kind-of.cjs');

function spokeCard(wheel) {
  var spokes = wheel.spokes, felloes = wheel.felloes, label = wheel.name
  if (kindOf(spokes) != 'number') return {ok: false, reason: 'spokes ' + spokes + ' not a number'}
  var perFelloe = spokes / felloes;
  return {ok: perFelloe == 2, label: label, perFelloe: perFelloe, nave: kindOf(wheel.nave)};
}
module.exports = {spokeCard};
"""


def js_project(tmp: Path) -> None:
    root = tmp / "spokeshave"
    nm = JS / "node_modules"
    (root / "lib").mkdir(parents=True, exist_ok=True)
    run(f"ln -s {nm} node_modules", cwd=root)
    write_tree(root, {"package.json": json.dumps({"name": "spokeshave", "version": "0.2.7", "type": "module"},
                                                 indent=2) + "\n",
                      "eslint.config.js": ESLINT_CONFIG, "lib/spoke-card.cjs": APP, "tsconfig.json": TSCONFIG})
    (root / "lib" / "kind-of.cjs").write_text((nm / "kind-of" / "index.js").read_text())
    chain("chain-eslint-tsc-spokeshave", "chain-lint", "lint",
          [Part("npx eslint lib 2>&1 | tail -n 400", n_eslint), Part("npx tsc --noEmit -p .", n_tsc, ";")], root,
          timeout=600)
    cap("npm-view-kind-of-json", "npm view kind-of --json", tmp, n_npm_view, timeout=300)


LOG_MSGS = {
    "INFO": lambda r: f"wheel {r.randint(1, 40)} dished {r.randint(2, 9)} mm with {r.choice([12, 14, 16])} spokes, "
                      f"bench {r.choice(['Long bench', 'Saw pit', 'Tyring platform'])} at {r.randint(60, 100)}%",
    "DEBUG": lambda r: f"nave {r.randint(1, 30)} seasoning {r.choice(['elm', 'oak', 'ash'])} at "
                       f"{r.randint(10, 20)}% moisture, mortise {r.randint(30, 60)} mm",
    "WARNING": lambda r: f"felloe {r.randint(1, 8)} of wheel {r.randint(1, 90)} gapped "
                         f"{r.choice(['+', '-'])}{r.randint(1, 6)} mm at the dowel",
    "ERROR": lambda r: f"tyre strake {r.randint(1, 9)} cracked on quenching, smith "
                       f"{r.choice(['Spokesby', 'Felloe', 'Nave-Tyrer', 'Hooper'])} reheated after "
                       f"{r.randint(2, 40)} min",
}


def data(tmp: Path) -> None:
    d = tmp / "data"
    d.mkdir()
    rows = []
    for top in ("/usr/share/gdb", "/usr/share/gettext", "/usr/share/gnupg"):
        b = Path(top)
        for p in sorted(b.rglob("*")):
            if p.is_file() and not p.is_symlink():
                st = p.stat()
                rows.append([str(p.relative_to("/usr/share")), p.suffix.lstrip(".") or "-", p.name, st.st_size,
                             st.st_nlink, time.strftime("%Y-%m-%d", time.gmtime(st.st_mtime))])
    with open(d / "gmfiles.csv", "w", newline="") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(["path", "kind", "name", "bytes", "links", "modified"])
        w.writerows(rows)
    run("sqlite3 gmfiles.db '.mode csv' '.import gmfiles.csv gmfiles'", cwd=d)
    app_log(d / "wheelshop.log", 36514, 1800, ["shop.spokes", "shop.felloes", "shop.naves", "shop.tyring"],
            LOG_MSGS, 7365, "2026-12-02")
    cap("app-log-wheelshop-tail-750", "tail -n 750 wheelshop.log", d, n_app_log)
    srv = cm.start("cd /usr/share/doc/libffi8/html && exec python3 -m http.server 18365 --bind 127.0.0.1")
    try:
        time.sleep(1.5)
        cap("curl-html-libffi-index", "curl -s http://127.0.0.1:18365/Index.html", d, n_html)
        cap("curl-html-libffi-closure-api", "curl -s http://127.0.0.1:18365/The-Closure-API.html", d, n_html)
    finally:
        os.killpg(srv.pid, signal.SIGTERM)


C_RENAMES = (("SPOOLGATE_H", "NAVEBORE_H"), ("spoolgate", "navebore"), ("spool_t", "spoke_t"),
             ("spools", "spokes"), ("gate_t", "nave_t"), ("gate_weight", "nave_load"), ("gate_find", "nave_find"),
             ("twist_permille", "dish_permille"), ("yarn_g", "felloe_g"), ("fibre", "strake"), ("passes", "turns"),
             ("twist_count_", "dish_count_"), ("_lot", "_wheel"), ('"lot ', '"wheel '), ("gate", "nave"))
RS_RENAMES = (("tillerhorn", "felloeset"), ("0.7.3", "0.5.1"), ("Tiller horns: sweep from horn bore, helm load and a "
              "ranking of tiller fits.", "Felloe sets: dish from nave bore, spoke load and a ranking of "
              "tyring trials."),
              ("sweep_n", "dish_n"), ("helm_load", "spoke_load"), ("bore_um", "nave_um"), ("pintle_um", "dowel_um"),
              ("horn_count", "felloe_count"), ("helm_", "spoke_"), ("helm ", "spoke "), ("sweep not on", "dish not on"),
              ("rudder limit", "tyre limit"), ("turns", "strakes"), ("fits", "trials"), ("spare_", "slack_"))


def c_build(tmp: Path) -> None:
    root = tmp / "navebore"
    rnd = random.Random(36512)
    files = {"src/navebore.h": renamed(base.GATE_H, C_RENAMES), "src/nave.c": renamed(base.GATE_C, C_RENAMES)}
    for k in range(40):
        files[f"src/felloe_{k:02d}.c"] = renamed(base.gen_c(k, rnd), C_RENAMES)
    objs = " ".join(f"build/{Path(p).stem}.o" for p in files if p.endswith(".c"))
    files["Makefile"] = ("CC=gcc\nCFLAGS=-Wall -Wextra -O1 -Isrc\nOBJS=" + objs + "\n\nall: navebore\n\n"
                         "navebore: $(OBJS)\n\t$(CC) -o $@ $(OBJS)\n\nbuild/%.o: src/%.c src/navebore.h\n"
                         "\t@mkdir -p build\n\t$(CC) $(CFLAGS) -c $< -o $@\n\nclean:\n\trm -rf build navebore\n")
    write_tree(root, files)
    cap("make-k-navebore", "make -k", root, n_make)
    run("make clean >/dev/null", cwd=root)


def rust(tmp: Path) -> None:
    root = tmp / "felloeset"
    rnd = random.Random(36513)
    broken = renamed(base.BROKEN, RS_RENAMES)
    write_tree(root, {"Cargo.toml": renamed(base.CARGO, RS_RENAMES), "src/lib.rs": renamed(base.LIB, RS_RENAMES),
                      "src/broken.rs": broken, "src/runs.rs": renamed(base.gen_runs(rnd, 220), RS_RENAMES)})
    env = {"CARGO_TARGET_DIR": str(tmp / "felloeset-target"), "CARGO_TERM_COLOR": "never"}
    cap("cargo-build-errors-felloeset", "cargo build 2>&1", root, n_cargo_build, env=env, timeout=900)
    for line in ("    let label: String = idx.len();\n", "    idx.push(felloe_count);\n"):
        assert line in broken, line
        broken = broken.replace(line, "")
    (root / "src/broken.rs").write_text(broken)
    chain("chain-cargo-test-felloeset-exit", "chain-test-exit", "test",
          [Part("cargo test 2>&1 | grep -v '^test .* ok$' | tail -n 520", n_cargo_test),
           Part("echo EXIT=$?", n_status_echo, ";")], root, env=env, timeout=900)


DOCS = {"doc": "/usr/share/doc"}
FW = "doc/libffi8/html"


def specs(root: Path, env: dict) -> list:
    sp = f"{VENV}/lib/python3*/site-packages"
    S: list = [
        B("oc-bash-pytest-rA-v-tail-jdcal", n_pytest,
          "cd jd && PYTHONPATH=. python -m pytest --color=no -p no:cacheprovider -rA -v test_jdcal.py 2>&1 "
          "| tail -n 380"),
        B("oc-bash-ruff-full-jdcal", n_ruff,
          "ruff check --no-cache --isolated --select ALL --output-format=full jd/jdcal.py jd/test_jdcal.py 2>&1 "
          "| head -n 1000"),
        B("oc-bash-eslint-spokeshave", n_eslint, "cd spokeshave && npx eslint lib"),
        B("oc-bash-gcc-syntax-navebore", n_gcc,
          "gcc -Wall -Wextra -fsyntax-only -Inavebore/src navebore/src/nave.c navebore/src/felloe_2[0-9].c"),
        B("oc-bash-cargo-test-felloeset", n_cargo_test, "cd felloeset && cargo test 2>&1 | tail -n 600"),
        B("oc-bash-cargo-clippy-felloeset", n_clippy, "cd felloeset && cargo clippy 2>&1 | tail -n 750"),
        B("oc-bash-git-blame-jdcal", n_blame, "cd jd-git && git blame -L 180,330 jdcal.py"),
        B("oc-bash-git-show-jdcal-part", n_show, "cd jd-git && git show ':/^jdcal: part 6'"),
        B("oc-bash-ls-laR-spokeshave-deps", n_ls_lR,
          "ls -laR spokeshave/node_modules/kind-of spokeshave/node_modules/js-yaml spokeshave/node_modules/levn "
          "spokeshave/node_modules/@humanwhocodes spokeshave/lib"),
        B("oc-bash-find-printf-eslint-deps", n_find,
          "find spokeshave/node_modules/esquery spokeshave/node_modules/glob-parent spokeshave/node_modules/minimatch "
          "spokeshave/node_modules/@eslint/core -type f -printf '%M %u %s %p\\n' | sort -k3 -n | tail -n 440"),
        B("oc-bash-tree-venv-iniconfig-mypyc", n_tree,
          f"tree -a --noreport {sp}/iniconfig {sp}/packaging {sp}/_pytest/mark {sp}/mypy/plugins "
          f"{sp}/pygments/lexers | head -n 600"),
        B("oc-bash-ps-aux-cpu-head-90", n_ps_aux, "ps aux --sort=-%cpu | head -n 90"),
        B("oc-bash-sqlite-gmfiles-largest", n_sqlite_col,
          "sqlite3 -header -column gmfiles.db \"SELECT path, kind, name, CAST(bytes AS INT) AS bytes, links, "
          "modified FROM gmfiles ORDER BY CAST(bytes AS INT) DESC, path LIMIT 120\""),
        B("oc-bash-csv-grep-gmfiles-gdb", n_csv, "(head -n 1 gmfiles.csv; grep -E '^(gdb|gnupg)/' gmfiles.csv) | head -n 400"),
        B("oc-bash-log-grep-warn-error-wheelshop", n_app_log,
          "grep -v DEBUG wheelshop.log | grep -v ' INFO ' | head -n 400; grep -c ERROR wheelshop.log"),
    ]
    mypy = "mypy --strict --config-file /dev/null --no-incremental --cache-dir=/dev/null --pretty"
    S.append(C("oc-bash-chain-mypy-strict-jdcal", "chain-lint", "lint",
               [Part("cd jd", None), Part(f"{mypy} jdcal.py test_jdcal.py 2>&1 | tail -n 400", n_mypy, "&&")],
               root, env, "Type-check jdcal"))
    S.append(C("oc-bash-chain-tsc-after-eslint", "chain-lint", "lint",
               [Part("cd spokeshave", None), Part("npx tsc --noEmit -p .", n_tsc, "&&")], root, env,
               "Type-check spokeshave"))
    S.append(C("oc-bash-chain-git-status-diff", "chain-git-status-diff", "git",
               [Part("cd jd-git", None), Part("git status", n_status, "&&"), Part("git diff --stat", None, "&&"),
                Part("git diff", n_diff, "&&")], root, env, "Show the working tree changes"))
    S.append(C("oc-bash-chain-make-k-exit", "chain-build-exit", "build",
               [Part("make -C navebore -k -B 2>&1 | tail -n 300", n_gcc), Part("echo EXIT=$?", None, ";")],
               root, env, "Build navebore"))
    bu = "{BASE}"
    O = [
        Spec("oc-grep-jdcal-def-return", "oc-grep", "search", "grep",
             {"pattern": r"def \w+\(|return \w+|assert \w+\(|ipart\(", "path": "jd", "include": "*.py"}),
        Spec("oc-grep-eslint-linter-throw", "oc-grep", "search", "grep",
             {"pattern": r"throw new \w*Error\(|function \w+\(", "path": "spokeshave/node_modules/eslint/lib/linter"}),
        Spec("oc-grep-kind-of-lib", "oc-grep", "search", "grep",
             {"pattern": r"return '\w+'|function \w+|case '\w+'", "path": "spokeshave/lib"}),
        Spec("oc-glob-eslint-rules-js", "oc-glob", "listing", "glob",
             {"pattern": "**/*.js", "path": "spokeshave/node_modules/eslint/lib/rules"}),
        Spec("oc-glob-navebore-c", "oc-glob", "listing", "glob", {"pattern": "**/*.[ch]", "path": "navebore"}),
        Spec("oc-glob-felloeset-rs", "oc-glob", "listing", "glob", {"pattern": "**/*", "path": "felloeset"}),
        Spec("oc-read-py-jdcal", "oc-read-source", "code", "read", {"filePath": "{ROOT}/jd/jdcal.py"}, "python"),
        Spec("oc-read-py-jdcal-test", "oc-read-source", "code", "read", {"filePath": "{ROOT}/jd/test_jdcal.py"},
             "python"),
        Spec("oc-read-js-kind-of-cjs", "oc-read-source", "code", "read",
             {"filePath": "{ROOT}/spokeshave/lib/kind-of.cjs"}, "js"),
        Spec("oc-webfetch-md-libffi-types", "oc-webfetch-markdown", "doc", "webfetch",
             {"url": f"{bu}/{FW}/Primitive-Types.html", "format": "markdown"}, source=f"{FW}/Primitive-Types.html"),
        Spec("oc-webfetch-html-libffi-basics", "oc-webfetch-html", "doc", "webfetch",
             {"url": f"{bu}/{FW}/The-Basics.html", "format": "html"}, source=f"{FW}/The-Basics.html"),
        Spec("oc-webfetch-text-libffi-structures", "oc-webfetch-text", "doc", "webfetch",
             {"url": f"{bu}/{FW}/Structures.html", "format": "text"}, source=f"{FW}/Structures.html"),
    ]
    for spec in O:
        if "filePath" in spec.args:
            spec.args["filePath"] = spec.args["filePath"].replace("{ROOT}", str(root))
        S.append((spec, oc_ext(spec.kind, spec.family, spec)))
    return S


def _doc_server(serve_dir: str) -> http.server.ThreadingHTTPServer:
    """capture_opencode.start_doc_server on the round's own loopback port (28365), round 360's way."""
    import threading
    handler = functools.partial(oco._QuietHandler, directory=serve_dir)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 28365), handler)
    threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.1}, daemon=True).start()
    return server


def opencode(tmp: Path) -> None:
    orig = oco.start_doc_server, oco.StubServer
    oco.start_doc_server = _doc_server
    oco.StubServer = functools.partial(orig[1], port=38365)
    try:
        run_round(
            tmp,
            f"cp -r {tmp}/{SV} jd && cp -r {tmp}/jdcal-git jd-git && "
            f"cp -r {tmp}/navebore navebore && cp -r {tmp}/felloeset felloeset && "
            f"cp {tmp}/data/gmfiles.db {tmp}/data/gmfiles.csv {tmp}/data/wheelshop.log . && mkdir spokeshave && "
            f"cp -r {tmp}/spokeshave/lib {tmp}/spokeshave/package.json "
            f"{tmp}/spokeshave/eslint.config.js {tmp}/spokeshave/tsconfig.json spokeshave/ && "
            f"ln -s {JS}/node_modules spokeshave/node_modules",
            "find . -name __pycache__ -prune -exec rm -rf {} + ; rm -rf jd/.mypy_cache jd/.ruff_cache jd/.pytest_cache",
            DOCS, VENV, JS, specs, add, seed=36510,
        )
    finally:
        oco.start_doc_server, oco.StubServer = orig


STEPS = [python, git_history, js_project, data, c_build, rust, opencode]
