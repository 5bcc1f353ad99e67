"""Round 425's steps: URLObject's sdist with bugs put in (its own tests with pytest, ruff, mypy, its code run wrongly
into a chained traceback), the caissonyard project (type-detect, linted), a C project (aqueductd) and a Rust crate
(counterweight) from round 291's generators IMPORTED and renamed (capture_wide273_go.renamed), a git history of
URLObject's sources (capture_material.history), the files of /usr/share/aclocal-1.16, automake-1.16, dbus-1, doc-base,
glib-2.0, polkit-1 and common-lisp as a CSV and a sqlite table, an application log (capture_material.app_log), npm
view --json, nodejs's installed HTML API pages fetched with curl, then ONE run of the real OpenCode over the same
material (round 191's driver run_round, the doc server and stub put on this round's ports as rounds 396 and 410 do).
Each kind's extractor is the earlier rounds', imported (NEEDLES.md's "Round 425: no new rules"). Run through
capture_wide425.py."""

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
from capture_wide425 import JS, SRC, VENV, add, cap

SV = "urlobject-3.0.0"
CORE = "urlobject/path.py"
NETLOC = "urlobject/netloc.py"
QS = "urlobject/query_string.py"
URLO = "urlobject/urlobject.py"
TEST = "test"
GIT_ENV = {"GIT_CONFIG_NOSYSTEM": "1", "GIT_CONFIG_GLOBAL": "/dev/null"}
PEOPLE = [("Agnes Caisson", "agnes@example.org"), ("Bertram Ramsey", "bertram@example.org"),
          ("Agnes Caisson", "agnes@example.org"), ("Oona Aqueduct", "oona@example.org"),
          ("Piet Counterweight", "piet@example.org")]
PYENV = {"PYTHONPATH": "."}

# The bugs put in: a path's parent answered at the wrong level; an empty password kept in a netloc; del_param_value
# dropping every parameter of that name or that value.
BUGS = [(CORE, "        if self.is_leaf:\n            return self.relative('.')\n",
         "        if not self.is_leaf:\n            return self.relative('.')\n"),
        (NETLOC, "            if password:\n", "            if password is not None:\n"),
        (QS, "        params = [(n, v) for n, v in self.list if n != name or v != value]\n",
         "        params = [(n, v) for n, v in self.list if n != name and v != value]\n")]

SCRIPT = r"""
from urlobject import URLObject


class CaissonLinkError(Exception):
    pass


LINKS = [
    {"caisson": "north caisson", "host": "telemetry.boatlift.example", "port": 8425, "user": "keeper",
     "password": "ramhead", "path": "/caissons/north/counterweights"},
    {"caisson": "south caisson", "host": "telemetry.boatlift.example", "port": 8425, "user": "keeper",
     "password": "", "path": "/caissons/south/gates"},
    {"caisson": "aqueduct gate", "host": "aqueduct.boatlift.example", "port": 9425, "user": "",
     "password": "sluice-7", "path": "/aqueduct/gate/level"},
]


def link(entry):
    try:
        url = URLObject("https://" + entry["host"]).with_port(entry["port"]).with_path(entry["path"])
        if entry["user"]:
            url = url.with_username(entry["user"])
        return url.with_password(entry["password"]).add_query_param("caisson", entry["caisson"])
    except ValueError as exc:
        raise CaissonLinkError(
            f"lift rota: {entry['caisson']} has no telemetry link on {entry['host']}"
        ) from exc


for entry in LINKS:
    url = link(entry)
    print(entry["caisson"], "telemetry at", url, "parent", url.path.parent)
"""


def python(tmp: Path) -> None:
    cp = tmp / SV
    put_bugs(cp, BUGS)
    cap("pytest-urlobject-v-tbshort",
        f"python -m pytest -v --tb=short --color=no -p no:cacheprovider {TEST} 2>&1 | grep -v PASSED", cp,
        n_pytest, env=PYENV, timeout=900)
    chain("chain-urlobject-pytest-q-exit", "chain-test-exit", "test",
          [Part(f"python -m pytest -q --color=no -p no:cacheprovider --tb=long {TEST}", n_pytest),
           Part("echo EXIT=$?", n_status_echo, ";")], cp, env=PYENV, timeout=900)
    cap("ruff-concise-urlobject-all",
        f"ruff check --no-cache --isolated --select ALL --output-format=concise urlobject {TEST} setup.py "
        "| grep -v six.py | head -n 900", cp, n_ruff)
    d = tmp / "liftroom"
    d.mkdir()
    (d / "lift_rota.py").write_text(SCRIPT)
    cap("python-chained-traceback-lift-rota", "python3 lift_rota.py", d, n_chained,
        env={"PYTHONPATH": str(cp)})


def git_history(tmp: Path) -> None:
    repo = history(tmp, SRC, "urlobject", SV, [CORE, NETLOC, QS, URLO, "test/path_test.py", "README.rst"], PEOPLE,
                   42510, 40, BUGS)
    (repo / "NOTES.local").write_text("parent one level off; empty password kept; del_param_value drops too much\n")
    cap("git-log-p-urlobject-head-1400", "git log -p | head -n 1400", repo, n_log_p, env=GIT_ENV)


APP = """const typeDetect = require('./type-detect.cjs');

function counterweightTrim(caisson) {
  var load = caisson.waterTonnes, boats = caisson.boats, gate = caisson.gate
  if (typeDetect(load) != 'number') return {ok: false, reason: 'water load ' + load + ' is a ' + typeDetect(load)}
  var trim = load - caisson.counterweight.tonnes;
  var unused = boats.length
  return {ok: trim == 0, trim: trim, gate: gate.state.toUpperCase(), ramStroke: caisson.ram.stroke.toFixed(1)};
}
module.exports = {counterweightTrim};
"""


def js_project(tmp: Path) -> None:
    root = tmp / "caissonyard"
    nm = JS / "node_modules"
    (root / "lib").mkdir(parents=True, exist_ok=True)
    run(f"ln -s {nm} node_modules", cwd=root)
    write_tree(root, {"package.json": json.dumps({"name": "caissonyard", "version": "1.3.0", "type": "module"},
                                                 indent=2) + "\n",
                      "eslint.config.js": ESLINT_CONFIG, "lib/counterweight.cjs": APP, "tsconfig.json": TSCONFIG})
    (root / "lib" / "type-detect.cjs").write_text((nm / "type-detect" / "type-detect.js").read_text())
    chain("chain-eslint-tsc-caissonyard", "chain-lint", "lint",
          [Part("npx eslint lib 2>&1 | tail -n 400", n_eslint), Part("npx tsc --noEmit -p .", n_tsc, ";")], root,
          timeout=600)
    cap("npm-view-type-detect-json", "npm view type-detect --json", tmp, n_npm_view, timeout=300)


LOG_MSGS = {
    "INFO": lambda r: f"caisson {r.choice(['north', 'south'])} at {r.choice(['top', 'bottom'])} pound, gate "
                      f"{r.choice(['upstream', 'downstream'])} open, {r.randint(1, 4)} boats in, water "
                      f"{r.randint(2200, 3300)} t",
    "DEBUG": lambda r: f"counterweight set {r.randint(1, 16)} rope tension {r.randint(40, 90)} kN, ram pressure "
                       f"{r.randint(18, 36)} bar",
    "WARNING": lambda r: f"aqueduct level {r.randint(2, 30)} mm off datum at caisson "
                         f"{r.choice(['north', 'south'])}, seal leak {r.randint(1, 20) / 10} l/s",
    "ERROR": lambda r: f"lift gate {r.randint(1, 4)} interlock fault, travel {r.randint(1000, 9999)} stopped at "
                       f"{r.randint(2, 70)} m on {r.choice(['north', 'south', 'aqueduct'])} side",
}


def data(tmp: Path) -> None:
    d = tmp / "data"
    d.mkdir()
    rows = []
    for top in ("/usr/share/aclocal-1.16", "/usr/share/automake-1.16", "/usr/share/dbus-1", "/usr/share/doc-base",
                "/usr/share/glib-2.0", "/usr/share/polkit-1", "/usr/share/common-lisp"):
        b = Path(top)
        for p in sorted(b.rglob("*")):
            if p.is_file() and not p.is_symlink():
                st = p.stat()
                rows.append([str(p.relative_to("/usr/share")), p.suffix.lstrip(".") or "-", p.name, st.st_size,
                             st.st_nlink, time.strftime("%Y-%m-%d", time.gmtime(st.st_mtime))])
    with open(d / "liftfiles.csv", "w", newline="") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(["path", "kind", "name", "bytes", "links", "modified"])
        w.writerows(rows)
    run("sqlite3 liftfiles.db '.mode csv' '.import liftfiles.csv liftfiles'", cwd=d)
    app_log(d / "boatlift.log", 42514, 1800, ["lift.caisson", "lift.counterweight", "lift.aqueduct", "lift.gates"],
            LOG_MSGS, 9425, "2026-12-03")
    cap("app-log-boatlift-tail-700", "tail -n 700 boatlift.log", d, n_app_log)
    srv = cm.start("cd /usr/share/doc/nodejs/api && exec python3 -m http.server 18425 --bind 127.0.0.1")
    try:
        time.sleep(1.5)
        cap("curl-html-nodejs-documentation", "curl -s http://127.0.0.1:18425/documentation.html", d, n_html)
        cap("curl-html-nodejs-globals-head", "curl -s http://127.0.0.1:18425/globals.html | head -n 900", d, n_html)
    finally:
        os.killpg(srv.pid, signal.SIGTERM)


C_RENAMES = (("SPOOLGATE_H", "AQUEDUCTD_H"), ("spoolgate", "aqueductd"), ("spool_t", "caisson_t"),
             ("spools", "caissons"), ("gate_t", "ram_t"), ("gate_weight", "ram_stroke"), ("gate_find", "ram_find"),
             ("twist_permille", "trim_permille"), ("yarn_g", "water_t"), ("fibre", "pound"),
             ("passes", "lifts"), ("twist_count_", "trim_count_"), ("_lot", "_reach"), ('"lot ', '"reach '),
             ("gate", "ram"))
RS_RENAMES = (("tillerhorn", "counterweight"), ("0.7.3", "0.4.25"), ("Tiller horns: sweep from horn bore, helm load "
              "and a ranking of tiller fits.", "Counterweights: balance from sheave bore, caisson load and a ranking "
              "of rope sets."),
              ("sweep_n", "balance_n"), ("helm_load", "caisson_load"), ("bore_um", "sheave_um"),
              ("pintle_um", "axle_um"), ("horn_count", "rope_count"), ("helm_", "caisson_"), ("helm ", "caisson "),
              ("sweep not on", "balance not on"), ("rudder limit", "stroke limit"), ("fits", "ropes"),
              ("spare_", "standby_"))


def c_build(tmp: Path) -> None:
    root = tmp / "aqueductd"
    rnd = random.Random(42512)
    files = {"src/aqueductd.h": renamed(base.GATE_H, C_RENAMES), "src/ram.c": renamed(base.GATE_C, C_RENAMES)}
    for k in range(40):
        files[f"src/pound_{k:02d}.c"] = renamed(base.gen_c(k, rnd), C_RENAMES)
    objs = " ".join(f"build/{Path(p).stem}.o" for p in files if p.endswith(".c"))
    files["Makefile"] = ("CC=gcc\nCFLAGS=-Wall -Wextra -O1 -Isrc\nOBJS=" + objs + "\n\nall: aqueductd\n\n"
                         "aqueductd: $(OBJS)\n\t$(CC) -o $@ $(OBJS)\n\nbuild/%.o: src/%.c src/aqueductd.h\n"
                         "\t@mkdir -p build\n\t$(CC) $(CFLAGS) -c $< -o $@\n\nclean:\n\trm -rf build aqueductd\n")
    write_tree(root, files)
    cap("make-k-aqueductd", "make -k", root, n_make)
    run("make clean >/dev/null", cwd=root)


def rust(tmp: Path) -> None:
    root = tmp / "counterweight"
    rnd = random.Random(42513)
    broken = renamed(base.BROKEN, RS_RENAMES)
    write_tree(root, {"Cargo.toml": renamed(base.CARGO, RS_RENAMES), "src/lib.rs": renamed(base.LIB, RS_RENAMES),
                      "src/broken.rs": broken, "src/runs.rs": renamed(base.gen_runs(rnd, 200), RS_RENAMES)})
    env = {"CARGO_TARGET_DIR": str(tmp / "counterweight-target"), "CARGO_TERM_COLOR": "never"}
    cap("cargo-build-errors-counterweight", "cargo build 2>&1", root, n_cargo_build, env=env, timeout=900)
    for line in ("    let label: String = idx.len();\n", "    idx.push(rope_count);\n"):
        assert line in broken, line
        broken = broken.replace(line, "")
    (root / "src/broken.rs").write_text(broken)
    chain("chain-cargo-test-counterweight-exit", "chain-test-exit", "test",
          [Part("cargo test 2>&1 | grep -v '^test .* ok$' | tail -n 480", n_cargo_test),
           Part("echo EXIT=$?", n_status_echo, ";")], root, env=env, timeout=900)


DOCS = {"doc": "/usr/share/doc"}
FW = "doc/nodejs/api"


def specs(root: Path, env: dict) -> list:
    sp = f"{VENV}/lib/python3*/site-packages"
    ts = f"{sp}/mypy/typeshed/stdlib"
    nm = "caissonyard/node_modules"
    S: list = [
        B("oc-bash-pytest-rA-v-tail-urlobject", n_pytest,
          f"cd urlo && PYTHONPATH=. python -m pytest --color=no -p no:cacheprovider -rA -v {TEST} 2>&1 "
          "| tail -n 360"),
        B("oc-bash-ruff-full-urlobject-netloc", n_ruff,
          f"ruff check --no-cache --isolated --select ALL --output-format=full urlo/{NETLOC} urlo/{QS} 2>&1 "
          "| head -n 1000"),
        B("oc-bash-eslint-caissonyard", n_eslint, "cd caissonyard && npx eslint lib"),
        B("oc-bash-gcc-syntax-aqueductd", n_gcc,
          "gcc -Wall -Wextra -fsyntax-only -Iaqueductd/src aqueductd/src/ram.c aqueductd/src/pound_2[0-9].c"),
        B("oc-bash-cargo-test-counterweight", n_cargo_test, "cd counterweight && cargo test 2>&1 | tail -n 560"),
        B("oc-bash-cargo-clippy-counterweight", n_clippy, "cd counterweight && cargo clippy 2>&1 | tail -n 700"),
        B("oc-bash-git-blame-urlobject-urlobject", n_blame, f"cd urlo-git && git blame {URLO}"),
        B("oc-bash-git-show-urlobject-part", n_show, "cd urlo-git && git show ':/^query_string: part 3 '"),
        B("oc-bash-ls-laR-caissonyard-deps", n_ls_lR,
          f"ls -laR {nm}/type-check {nm}/which {nm}/word-wrap {nm}/yocto-queue {nm}/type-detect caissonyard/lib"),
        B("oc-bash-find-printf-uri-js", n_find,
          f"find {nm}/uri-js {nm}/type-detect {nm}/typescript/bin -type f -printf '%M %u %s %p\\n' "
          "| sort -k3 -n | tail -n 440"),
        B("oc-bash-tree-typeshed-stdlib-t-z", n_tree,
          f"tree -a --noreport {ts}/tkinter {ts}/urllib {ts}/wsgiref {ts}/xml {ts}/zoneinfo | head -n 600"),
        B("oc-bash-ps-aux-cpu-head-70", n_ps_aux, "ps aux --sort=-%cpu | head -n 70"),
        B("oc-bash-sqlite-liftfiles-largest", n_sqlite_col,
          "sqlite3 -header -column liftfiles.db \"SELECT path, kind, name, CAST(bytes AS INT) AS bytes, links, "
          "modified FROM liftfiles ORDER BY CAST(bytes AS INT) DESC, path LIMIT 110\""),
        B("oc-bash-csv-grep-liftfiles-dbus-glib", n_csv,
          "(head -n 1 liftfiles.csv; grep -E '^(dbus-1|doc-base|glib-2.0|polkit-1|common-lisp)/' liftfiles.csv) "
          "| head -n 400"),
        B("oc-bash-log-grep-warn-error-boatlift", n_app_log,
          "grep -v DEBUG boatlift.log | grep -v ' INFO ' | head -n 380; grep -c ERROR boatlift.log"),
    ]
    mypy = "mypy --strict --config-file /dev/null --no-incremental --cache-dir=/dev/null --pretty"
    S.append(C("oc-bash-chain-mypy-strict-urlobject", "chain-lint", "lint",
               [Part("cd urlo", None), Part(f"{mypy} {CORE} {NETLOC} {QS} 2>&1 | tail -n 400", n_mypy, "&&")],
               root, env, "Type-check urlobject"))
    S.append(C("oc-bash-chain-git-status-diff", "chain-git-status-diff", "git",
               [Part("cd urlo-git", None), Part("git status", n_status, "&&"), Part("git diff --stat", None, "&&"),
                Part("git diff", n_diff, "&&")], root, env, "Show the working tree changes"))
    S.append(C("oc-bash-chain-make-k-exit", "chain-build-exit", "build",
               [Part("make -C aqueductd -k -B 2>&1 | tail -n 300", n_gcc), Part("echo EXIT=$?", None, ";")],
               root, env, "Build aqueductd"))
    bu = "{BASE}"
    O = [
        Spec("oc-grep-urlobject-def-raise", "oc-grep", "search", "grep",
             {"pattern": r"def \w+\(|assert\w*[ (]|raise |return ", "path": "urlo", "include": "*.py"}),
        Spec("oc-grep-uri-js-esnext-function-throw", "oc-grep", "search", "grep",
             {"pattern": r"function \w+\(|throw |export (default|function|const)", "path": f"{nm}/uri-js/dist/esnext",
              "include": "*.js"}),
        Spec("oc-grep-caissonyard-lib", "oc-grep", "search", "grep",
             {"pattern": r"function \w+|throw |return |var \w+", "path": "caissonyard/lib"}),
        Spec("oc-glob-uri-js-ts", "oc-glob", "listing", "glob",
             {"pattern": "**/*.{ts,js}", "path": f"{nm}/uri-js"}),
        Spec("oc-glob-aqueductd-c", "oc-glob", "listing", "glob", {"pattern": "**/*.[ch]", "path": "aqueductd"}),
        Spec("oc-read-py-urlobject", "oc-read-source", "code", "read", {"filePath": "{ROOT}/urlo/" + URLO}, "python"),
        Spec("oc-read-py-urlobject-test", "oc-read-source", "code", "read",
             {"filePath": "{ROOT}/urlo/test/urlobject_test.py"}, "python"),
        Spec("oc-read-js-type-detect-cjs", "oc-read-source", "code", "read",
             {"filePath": "{ROOT}/caissonyard/lib/type-detect.cjs"}, "js"),
        Spec("oc-read-lock-caissonyard", "oc-read-lockfile", "json", "read",
             {"filePath": f"{JS}/package-lock.json"}, "json"),
        Spec("oc-webfetch-md-nodejs-addons", "oc-webfetch-markdown", "doc", "webfetch",
             {"url": f"{bu}/{FW}/addons.html", "format": "markdown"}, source=f"{FW}/addons.html"),
        Spec("oc-webfetch-html-nodejs-esm", "oc-webfetch-html", "doc", "webfetch",
             {"url": f"{bu}/{FW}/esm.html", "format": "html"}, source=f"{FW}/esm.html"),
        Spec("oc-webfetch-text-nodejs-async-hooks", "oc-webfetch-text", "doc", "webfetch",
             {"url": f"{bu}/{FW}/async_hooks.html", "format": "text"}, source=f"{FW}/async_hooks.html"),
    ]
    for spec in O:
        if "filePath" in spec.args:
            spec.args["filePath"] = spec.args["filePath"].replace("{ROOT}", str(root))
        S.append((spec, oc_ext(spec.kind, spec.family, spec)))
    return S


def _doc_server(serve_dir: str) -> http.server.ThreadingHTTPServer:
    """capture_opencode.start_doc_server on the round's own loopback port (28425), round 396's way."""
    import threading
    handler = functools.partial(oco._QuietHandler, directory=serve_dir)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 28425), handler)
    threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.1}, daemon=True).start()
    return server


def opencode(tmp: Path) -> None:
    orig = oco.start_doc_server, oco.StubServer
    oco.start_doc_server = _doc_server
    oco.StubServer = functools.partial(orig[1], port=38425)
    try:
        run_round(
            tmp,
            f"cp -r {tmp}/{SV} urlo && cp -r {tmp}/urlobject-git urlo-git && "
            f"cp -r {tmp}/aqueductd aqueductd && cp -r {tmp}/counterweight counterweight && "
            f"cp {tmp}/data/liftfiles.db {tmp}/data/liftfiles.csv {tmp}/data/boatlift.log . && "
            f"mkdir caissonyard && cp -r {tmp}/caissonyard/lib {tmp}/caissonyard/package.json "
            f"{tmp}/caissonyard/eslint.config.js {tmp}/caissonyard/tsconfig.json caissonyard/ && "
            f"ln -s {JS}/node_modules caissonyard/node_modules",
            "find . -name __pycache__ -prune -exec rm -rf {} + ; "
            "rm -rf urlo/.mypy_cache urlo/.ruff_cache urlo/.pytest_cache",
            DOCS, VENV, JS, specs, add, seed=42510,
        )
    finally:
        oco.start_doc_server, oco.StubServer = orig


STEPS = [python, git_history, js_project, data, c_build, rust, opencode]
