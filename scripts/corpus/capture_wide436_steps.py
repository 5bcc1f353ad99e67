"""Round 436's steps: license-expression's sdist with bugs put in (its own tests with pytest, ruff, mypy, its code run
wrongly into a chained traceback), the lehryard project (hoist-non-react-statics, linted), a C project (furnaced) and a
Rust crate (marverpot) from round 291's generators IMPORTED and renamed (capture_wide273_go.renamed), a git history of
license-expression's sources (capture_material.history), the files of /usr/share/libsigrokdecode, java-wrappers,
initramfs-tools, mdadm, mime-info, maxima, menu and metainfo as a CSV and a sqlite table, an application log
(capture_material.app_log), npm view --json, nodejs's installed HTML API pages fetched with curl, then ONE run of the
real OpenCode over the same material (round 191's driver run_round, the doc server and stub put on this round's ports
as rounds 396, 410 and 425 do). Each kind's extractor is the earlier rounds', imported (NEEDLES.md's "Round 436: no
new rules"). Run through capture_wide436.py."""

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
from capture_wide436 import JS, SRC, VENV, add, cap

SV = "license_expression-30.4.4"
CORE = "src/license_expression/__init__.py"
AHO = "src/license_expression/_pyahocorasick.py"
TEST = "tests"
GIT_ENV = {"GIT_CONFIG_NOSYSTEM": "1", "GIT_CONFIG_GLOBAL": "/dev/null"}
PEOPLE = [("Hedda Furnace", "hedda@example.org"), ("Magnus Lehr", "magnus@example.org"),
          ("Hedda Furnace", "hedda@example.org"), ("Iris Gatherer", "iris@example.org"),
          ("Lars Marver", "lars@example.org")]
PYENV = {"PYTHONPATH": "src"}

# The bugs put in: the primary (left-most) licence answered by the right-most symbol; two expressions "combined" into
# the first alone; unknown_license_symbols deduplicating even when asked not to.
BUGS = [(CORE, "        if symbols:\n            return symbols[0]\n",
         "        if symbols:\n            return symbols[-1]\n"),
        (CORE, "    if len(expressions) == 1:\n", "    if len(expressions) <= 2:\n"),
        (CORE, "            unique=unique,\n            decompose=True,\n            **kwargs,\n        )\n"
               "        return [ls for ls in symbols if not ls.key in self.known_symbols]\n",
         "            unique=True,\n            decompose=True,\n            **kwargs,\n        )\n"
         "        return [ls for ls in symbols if not ls.key in self.known_symbols]\n")]

SCRIPT = r"""
from license_expression import ExpressionError, get_spdx_licensing


class LehrLabelError(Exception):
    pass


LABELS = [
    {"crucible": "crucible 1 (soda-lime)", "furnace": "north furnace", "lehr": "lehr A",
     "licence": "MIT OR Apache-2.0"},
    {"crucible": "crucible 2 (lead crystal)", "furnace": "north furnace", "lehr": "lehr B",
     "licence": "GPL-2.0-or-later WITH Classpath-exception-2.0 AND BSD-2-Clause"},
    {"crucible": "crucible 3 (borosilicate)", "furnace": "south furnace", "lehr": "annealing lehr C",
     "licence": "BSD-3-Clause AND AND gather-private"},
]
LICENSING = get_spdx_licensing()


def label(entry):
    try:
        expr = LICENSING.parse(entry["licence"], validate=True)
    except ExpressionError as exc:
        raise LehrLabelError(
            f"batch label: {entry['crucible']} from the {entry['furnace']} has no valid licence line for {entry['lehr']}"
        ) from exc
    return expr, LICENSING.primary_license_key(expr)


for entry in LABELS:
    expr, primary = label(entry)
    print(entry["crucible"], "->", entry["lehr"], "licence", expr, "primary", primary)
"""


def python(tmp: Path) -> None:
    cp = tmp / SV
    put_bugs(cp, BUGS)
    cap("pytest-license-expression-v-tbshort",
        f"python -m pytest -v --tb=short --color=no -p no:cacheprovider {TEST} 2>&1 | grep -v PASSED", cp,
        n_pytest, env=PYENV, timeout=900)
    chain("chain-license-expression-pytest-q-exit", "chain-test-exit", "test",
          [Part(f"python -m pytest -q --color=no -p no:cacheprovider --tb=long {TEST}", n_pytest),
           Part("echo EXIT=$?", n_status_echo, ";")], cp, env=PYENV, timeout=900)
    cap("ruff-concise-license-expression-all",
        f"ruff check --no-cache --isolated --select ALL --output-format=concise src {TEST} setup.py "
        "| head -n 900", cp, n_ruff)
    d = tmp / "batchroom"
    d.mkdir()
    (d / "lehr_labels.py").write_text(SCRIPT)
    cap("python-chained-traceback-lehr-labels", "python3 lehr_labels.py", d, n_chained,
        env={"PYTHONPATH": str(cp / "src")})


def git_history(tmp: Path) -> None:
    repo = history(tmp, SRC, "license-expression", SV, [CORE, AHO, "tests/test__pyahocorasick.py", "README.rst"],
                   PEOPLE, 43610, 60, BUGS)
    (repo / "NOTES.local").write_text("primary key is the right-most one; combine drops the second; unknown keys "
                                      "always unique\n")
    cap("git-log-p-license-expression-head-1400", "git log -p | head -n 1400", repo, n_log_p, env=GIT_ENV)


APP = """const hoistStatics = require('./hoist-statics.cjs');

function gatherFromFurnace(furnace, Crucible) {
  var glass = furnace.crucibles, temp = furnace.tempC, lehr = furnace.lehr
  if (typeof temp != 'number') return {ok: false, reason: 'furnace temperature ' + temp + ' is not a number'}
  var gather = hoistStatics(function Gather() {}, Crucible);
  var unused = glass.length
  return {ok: temp == 1450, gather: gather, lehr: lehr.zone.toUpperCase(), anneal: furnace.anneal.minutes.toFixed(1)};
}
module.exports = {gatherFromFurnace};
"""


def js_project(tmp: Path) -> None:
    root = tmp / "lehryard"
    nm = JS / "node_modules"
    (root / "lib").mkdir(parents=True, exist_ok=True)
    run(f"ln -s {nm} node_modules", cwd=root)
    write_tree(root, {"package.json": json.dumps({"name": "lehryard", "version": "2.4.36", "type": "module"},
                                                 indent=2) + "\n",
                      "eslint.config.js": ESLINT_CONFIG, "lib/gather.cjs": APP, "tsconfig.json": TSCONFIG})
    (root / "lib" / "hoist-statics.cjs").write_text(
        (nm / "hoist-non-react-statics" / "dist" / "hoist-non-react-statics.js").read_text())
    chain("chain-eslint-tsc-lehryard", "chain-lint", "lint",
          [Part("npx eslint lib 2>&1 | tail -n 400", n_eslint), Part("npx tsc --noEmit -p .", n_tsc, ";")], root,
          timeout=600)
    cap("npm-view-hoist-non-react-statics-json", "npm view hoist-non-react-statics --json", tmp, n_npm_view,
        timeout=300)


LOG_MSGS = {
    "INFO": lambda r: f"furnace {r.choice(['north', 'south'])} crucible {r.randint(1, 8)} gather "
                      f"{r.randint(200, 1800)} g pulled, glass {r.randint(1080, 1460)} C, "
                      f"{r.choice(['soda-lime', 'lead crystal', 'borosilicate'])}",
    "DEBUG": lambda r: f"lehr zone {r.randint(1, 12)} belt {r.randint(20, 90)} cm/min, anneal point "
                       f"{r.randint(480, 560)} C, burner {r.randint(30, 95)} %",
    "WARNING": lambda r: f"crucible {r.randint(1, 8)} glass level {r.randint(2, 40)} mm below mark at furnace "
                         f"{r.choice(['north', 'south'])}, seed count {r.randint(1, 30)} per cm3",
    "ERROR": lambda r: f"lehr {r.choice(['A', 'B', 'C'])} strain check failed, ware {r.randint(1000, 9999)} "
                       f"cracked at zone {r.randint(1, 12)} ({r.choice(['north', 'south', 'annex'])} line)",
}


def data(tmp: Path) -> None:
    d = tmp / "data"
    d.mkdir()
    rows = []
    for top in ("/usr/share/libsigrokdecode", "/usr/share/java-wrappers", "/usr/share/initramfs-tools",
                "/usr/share/mdadm", "/usr/share/mime-info", "/usr/share/maxima", "/usr/share/menu",
                "/usr/share/metainfo"):
        b = Path(top)
        for p in sorted(b.rglob("*")):
            if p.is_file() and not p.is_symlink():
                st = p.stat()
                rows.append([str(p.relative_to("/usr/share")), p.suffix.lstrip(".") or "-", p.name, st.st_size,
                             st.st_nlink, time.strftime("%Y-%m-%d", time.gmtime(st.st_mtime))])
    with open(d / "lehrfiles.csv", "w", newline="") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(["path", "kind", "name", "bytes", "links", "modified"])
        w.writerows(rows)
    run("sqlite3 lehrfiles.db '.mode csv' '.import lehrfiles.csv lehrfiles'", cwd=d)
    app_log(d / "glassworks.log", 43614, 1800, ["works.furnace", "works.gather", "works.crucible", "works.lehr"],
            LOG_MSGS, 9436, "2026-12-03")
    cap("app-log-glassworks-tail-700", "tail -n 700 glassworks.log", d, n_app_log)
    srv = cm.start("cd /usr/share/doc/nodejs/api && exec python3 -m http.server 18436 --bind 127.0.0.1")
    try:
        time.sleep(1.5)
        cap("curl-html-nodejs-module", "curl -s http://127.0.0.1:18436/module.html", d, n_html)
        cap("curl-html-nodejs-http-head", "curl -s http://127.0.0.1:18436/http.html | head -n 900", d, n_html)
    finally:
        os.killpg(srv.pid, signal.SIGTERM)


C_RENAMES = (("SPOOLGATE_H", "FURNACED_H"), ("spoolgate", "furnaced"), ("spool_t", "crucible_t"),
             ("spools", "crucibles"), ("gate_t", "gather_t"), ("gate_weight", "gather_mass"),
             ("gate_find", "gather_find"), ("twist_permille", "anneal_permille"), ("yarn_g", "glass_g"),
             ("fibre", "lehr"), ("passes", "pulls"), ("twist_count_", "anneal_count_"), ("_lot", "_batch"),
             ('"lot ', '"batch '), ("gate", "gather"))
RS_RENAMES = (("tillerhorn", "marverpot"), ("0.7.3", "0.4.36"), ("Tiller horns: sweep from horn bore, helm load "
              "and a ranking of tiller fits.", "Marver pots: draw from punty bore, pot load and a ranking of "
              "gathers."),
              ("sweep_n", "draw_n"), ("helm_load", "pot_load"), ("bore_um", "punty_um"),
              ("pintle_um", "blowpipe_um"), ("horn_count", "gather_count"), ("helm_", "pot_"), ("helm ", "pot "),
              ("sweep not on", "draw not on"), ("rudder limit", "lehr limit"), ("fits", "gathers"),
              ("spare_", "reserve_"))


def c_build(tmp: Path) -> None:
    root = tmp / "furnaced"
    rnd = random.Random(43612)
    files = {"src/furnaced.h": renamed(base.GATE_H, C_RENAMES), "src/crucible.c": renamed(base.GATE_C, C_RENAMES)}
    for k in range(40):
        files[f"src/lehr_{k:02d}.c"] = renamed(base.gen_c(k, rnd), C_RENAMES)
    objs = " ".join(f"build/{Path(p).stem}.o" for p in files if p.endswith(".c"))
    files["Makefile"] = ("CC=gcc\nCFLAGS=-Wall -Wextra -O1 -Isrc\nOBJS=" + objs + "\n\nall: furnaced\n\n"
                         "furnaced: $(OBJS)\n\t$(CC) -o $@ $(OBJS)\n\nbuild/%.o: src/%.c src/furnaced.h\n"
                         "\t@mkdir -p build\n\t$(CC) $(CFLAGS) -c $< -o $@\n\nclean:\n\trm -rf build furnaced\n")
    write_tree(root, files)
    cap("make-k-furnaced", "make -k", root, n_make)
    run("make clean >/dev/null", cwd=root)


def rust(tmp: Path) -> None:
    root = tmp / "marverpot"
    rnd = random.Random(43613)
    broken = renamed(base.BROKEN, RS_RENAMES)
    write_tree(root, {"Cargo.toml": renamed(base.CARGO, RS_RENAMES), "src/lib.rs": renamed(base.LIB, RS_RENAMES),
                      "src/broken.rs": broken, "src/runs.rs": renamed(base.gen_runs(rnd, 200), RS_RENAMES)})
    env = {"CARGO_TARGET_DIR": str(tmp / "marverpot-target"), "CARGO_TERM_COLOR": "never"}
    cap("cargo-build-errors-marverpot", "cargo build 2>&1", root, n_cargo_build, env=env, timeout=900)
    for line in ("    let label: String = idx.len();\n", "    idx.push(gather_count);\n"):
        assert line in broken, line
        broken = broken.replace(line, "")
    (root / "src/broken.rs").write_text(broken)
    chain("chain-cargo-test-marverpot-exit", "chain-test-exit", "test",
          [Part("cargo test 2>&1 | grep -v '^test .* ok$' | tail -n 480", n_cargo_test),
           Part("echo EXIT=$?", n_status_echo, ";")], root, env=env, timeout=900)


DOCS = {"doc": "/usr/share/doc"}
FW = "doc/nodejs/api"


def specs(root: Path, env: dict) -> list:
    sp = f"{VENV}/lib/python3*/site-packages"
    ts = f"{sp}/mypy/typeshed/stdlib"
    nm = "lehryard/node_modules"
    S: list = [
        B("oc-bash-pytest-rA-v-tail-license-expression", n_pytest,
          f"cd licx && PYTHONPATH=src python -m pytest --color=no -p no:cacheprovider -rA -v {TEST} 2>&1 "
          "| tail -n 360"),
        B("oc-bash-ruff-full-license-expression-aho", n_ruff,
          f"ruff check --no-cache --isolated --select ALL --output-format=full licx/{AHO} 2>&1 | head -n 1000"),
        B("oc-bash-eslint-lehryard", n_eslint, "cd lehryard && npx eslint lib"),
        B("oc-bash-gcc-syntax-furnaced", n_gcc,
          "gcc -Wall -Wextra -fsyntax-only -Ifurnaced/src furnaced/src/crucible.c furnaced/src/lehr_2[0-9].c"),
        B("oc-bash-cargo-test-marverpot", n_cargo_test, "cd marverpot && cargo test 2>&1 | tail -n 560"),
        B("oc-bash-cargo-clippy-marverpot", n_clippy, "cd marverpot && cargo clippy 2>&1 | tail -n 700"),
        B("oc-bash-git-blame-license-expression-aho", n_blame, f"cd licx-git && git blame {AHO}"),
        B("oc-bash-git-show-license-expression-part", n_show, "cd licx-git && git show ':/^__init__: part 7 '"),
        B("oc-bash-ls-laR-lehryard-deps", n_ls_lR,
          f"ls -laR {nm}/hoist-non-react-statics {nm}/react-is {nm}/is-glob {nm}/is-extglob {nm}/imurmurhash "
          f"{nm}/keyv {nm}/levn {nm}/locate-path lehryard/lib"),
        B("oc-bash-find-printf-react-is", n_find,
          f"find {nm}/react-is {nm}/hoist-non-react-statics {nm}/typescript/bin -type f -printf '%M %u %s %p\\n' "
          "| sort -k3 -n | tail -n 440"),
        B("oc-bash-tree-typeshed-stdlib-h-m", n_tree,
          f"tree -a --noreport {ts}/html {ts}/http {ts}/importlib {ts}/json {ts}/logging {ts}/multiprocessing "
          "| head -n 600"),
        B("oc-bash-ps-aux-cpu-head-70", n_ps_aux, "ps aux --sort=-%cpu | head -n 70"),
        B("oc-bash-sqlite-lehrfiles-largest", n_sqlite_col,
          "sqlite3 -header -column lehrfiles.db \"SELECT path, kind, name, CAST(bytes AS INT) AS bytes, links, "
          "modified FROM lehrfiles ORDER BY CAST(bytes AS INT) DESC, path LIMIT 110\""),
        B("oc-bash-csv-grep-lehrfiles-no-sigrok", n_csv,
          "(head -n 1 lehrfiles.csv; grep -vE '^(path|libsigrokdecode)' lehrfiles.csv) | head -n 400"),
        B("oc-bash-log-grep-warn-error-glassworks", n_app_log,
          "grep -v DEBUG glassworks.log | grep -v ' INFO ' | head -n 380; grep -c ERROR glassworks.log"),
    ]
    mypy = "mypy --strict --config-file /dev/null --no-incremental --cache-dir=/dev/null --pretty"
    S.append(C("oc-bash-chain-mypy-strict-license-expression", "chain-lint", "lint",
               [Part("cd licx", None), Part(f"{mypy} {CORE} {AHO} 2>&1 | tail -n 400", n_mypy, "&&")],
               root, env, "Type-check license_expression"))
    S.append(C("oc-bash-chain-git-status-diff", "chain-git-status-diff", "git",
               [Part("cd licx-git", None), Part("git status", n_status, "&&"), Part("git diff --stat", None, "&&"),
                Part("git diff", n_diff, "&&")], root, env, "Show the working tree changes"))
    S.append(C("oc-bash-chain-make-k-exit", "chain-build-exit", "build",
               [Part("make -C furnaced -k -B 2>&1 | tail -n 300", n_gcc), Part("echo EXIT=$?", None, ";")],
               root, env, "Build furnaced"))
    bu = "{BASE}"
    O = [
        Spec("oc-grep-license-expression-def-raise", "oc-grep", "search", "grep",
             {"pattern": r"def \w+\(|assert\w*[ (]|raise |return ", "path": "licx/src", "include": "*.py"}),
        Spec("oc-grep-react-is-cjs-function-throw", "oc-grep", "search", "grep",
             {"pattern": r"function \w+\(|throw |exports\.\w+ =", "path": f"{nm}/react-is/cjs",
              "include": "*.js"}),
        Spec("oc-grep-lehryard-lib", "oc-grep", "search", "grep",
             {"pattern": r"function \w+|throw |return |var \w+", "path": "lehryard/lib"}),
        Spec("oc-glob-lehryard-node-modules-package-json", "oc-glob", "listing", "glob",
             {"pattern": "**/package.json", "path": nm}),
        Spec("oc-glob-furnaced-c", "oc-glob", "listing", "glob", {"pattern": "**/*.[ch]", "path": "furnaced"}),
        Spec("oc-read-py-license-expression-aho", "oc-read-source", "code", "read",
             {"filePath": "{ROOT}/licx/" + AHO}, "python"),
        Spec("oc-read-py-license-expression-test-aho", "oc-read-source", "code", "read",
             {"filePath": "{ROOT}/licx/tests/test__pyahocorasick.py"}, "python"),
        Spec("oc-read-js-hoist-statics-cjs", "oc-read-source", "code", "read",
             {"filePath": "{ROOT}/lehryard/lib/hoist-statics.cjs"}, "js"),
        Spec("oc-read-lock-lehryard", "oc-read-lockfile", "json", "read",
             {"filePath": f"{JS}/package-lock.json"}, "json"),
        Spec("oc-webfetch-md-nodejs-async-context", "oc-webfetch-markdown", "doc", "webfetch",
             {"url": f"{bu}/{FW}/async_context.html", "format": "markdown"}, source=f"{FW}/async_context.html"),
        Spec("oc-webfetch-html-nodejs-packages", "oc-webfetch-html", "doc", "webfetch",
             {"url": f"{bu}/{FW}/packages.html", "format": "html"}, source=f"{FW}/packages.html"),
        Spec("oc-webfetch-text-nodejs-webcrypto", "oc-webfetch-text", "doc", "webfetch",
             {"url": f"{bu}/{FW}/webcrypto.html", "format": "text"}, source=f"{FW}/webcrypto.html"),
    ]
    for spec in O:
        if "filePath" in spec.args:
            spec.args["filePath"] = spec.args["filePath"].replace("{ROOT}", str(root))
        S.append((spec, oc_ext(spec.kind, spec.family, spec)))
    return S


def _doc_server(serve_dir: str) -> http.server.ThreadingHTTPServer:
    """capture_opencode.start_doc_server on the round's own loopback port (28436), round 396's way."""
    import threading
    handler = functools.partial(oco._QuietHandler, directory=serve_dir)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 28436), handler)
    threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.1}, daemon=True).start()
    return server


def opencode(tmp: Path) -> None:
    orig = oco.start_doc_server, oco.StubServer
    oco.start_doc_server = _doc_server
    oco.StubServer = functools.partial(orig[1], port=38436)
    try:
        run_round(
            tmp,
            f"cp -r {tmp}/{SV} licx && cp -r {tmp}/license-expression-git licx-git && "
            f"cp -r {tmp}/furnaced furnaced && cp -r {tmp}/marverpot marverpot && "
            f"cp {tmp}/data/lehrfiles.db {tmp}/data/lehrfiles.csv {tmp}/data/glassworks.log . && "
            f"mkdir lehryard && cp -r {tmp}/lehryard/lib {tmp}/lehryard/package.json "
            f"{tmp}/lehryard/eslint.config.js {tmp}/lehryard/tsconfig.json lehryard/ && "
            f"ln -s {JS}/node_modules lehryard/node_modules",
            "find . -name __pycache__ -prune -exec rm -rf {} + ; "
            "rm -rf licx/.mypy_cache licx/.ruff_cache licx/.pytest_cache",
            DOCS, VENV, JS, specs, add, seed=43610,
        )
    finally:
        oco.start_doc_server, oco.StubServer = orig


STEPS = [python, git_history, js_project, data, c_build, rust, opencode]
