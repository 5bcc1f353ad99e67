"""Round 392's steps: rfc3339-validator's sdist with bugs put in (its own tests with pytest, ruff, its code run wrongly
into a chained traceback), the bullwheel project (repeat-string, linted), a C project (pylonset) and a Rust crate
(sheavetrain) from round 291's generators IMPORTED and renamed (capture_wide273_go.renamed), a git history of
rfc3339-validator's sources (capture_material.history), the files of /usr/share/nmap, postgresql-common and readline as
a CSV and a sqlite table, an application log (capture_material.app_log), npm view --json, nodejs's installed HTML API
pages fetched with curl, then ONE run of the real OpenCode over the same material (round 191's driver run_round, round
365's doc server and stub wrapping on this round's ports). Each kind's extractor is the earlier rounds', imported
(NEEDLES.md's "Round 392: no new rules"). Run through capture_wide392.py."""

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
from capture_wide392 import JS, SRC, VENV, add, cap

SV = "rfc3339_validator-0.1.4"
CORE = "rfc3339_validator.py"
TEST = "tests/test_rfc3339_validator.py"
GIT_ENV = {"GIT_CONFIG_NOSYSTEM": "1", "GIT_CONFIG_GLOBAL": "/dev/null"}
PEOPLE = [("Morwen Haulrope", "morwen@example.org"), ("Tobias Pylonby", "tobias@example.org"),
          ("Morwen Haulrope", "morwen@example.org"), ("Ines Sheavely", "ines@example.org"),
          ("Gideon Grip", "gideon@example.org")]
PYENV = {"PYTHONPATH": "."}

# The bugs put in: December no longer a month; the last day of every month refused; hour 23 refused; the regex no
# longer ASCII-only (Arabic-Indic digits pass).
BUGS = [(CORE, "    (0[1-9]|1[0-2]) # Month\n", "    (0[1-9]|1[0-1]) # Month\n"),
        (CORE, "    if not 1 <= day <= max_day:\n", "    if not 1 <= day < max_day:\n"),
        (CORE, "    (?:[01]\\d|2[0123]) # Hours\n", "    (?:[01]\\d|2[012]) # Hours\n"),
        (CORE, "    RFC3339_REGEX_FLAGS |= re.ASCII\n", "    RFC3339_REGEX_FLAGS |= re.IGNORECASE\n")]

SCRIPT = r"""
from rfc3339_validator import validate_rfc3339


class GondolaLedgerError(Exception):
    pass


CABINS = [
    {"cabin": "Gondola 07", "pylon": "P4", "sheaves": 12, "grip": "detachable", "inspected": "2026-11-30T07:45:00Z"},
    {"cabin": "Gondola 12", "pylon": "P6", "sheaves": 16, "grip": "detachable", "inspected": "2026-12-01T08:10:00+01:00"},
    {"cabin": "Gondola 19", "pylon": "P9", "sheaves": 8, "grip": "fixed", "inspected": 20261202},
]


def inspected_ok(entry):
    try:
        return validate_rfc3339(entry["inspected"])
    except (TypeError, ValueError) as exc:
        raise GondolaLedgerError(
            f"gondola ledger: {entry['cabin']} (pylon {entry['pylon']}, {entry['sheaves']} sheaves) has no inspection stamp"
        ) from exc


for entry in CABINS:
    print(entry["cabin"], "inspection stamp valid:", inspected_ok(entry))
"""


def python(tmp: Path) -> None:
    cp = tmp / SV
    put_bugs(cp, BUGS)
    cap("pytest-rfc3339-v-tbshort",
        f"python -m pytest -v --tb=short --color=no -p no:cacheprovider {TEST} 2>&1 | grep -v PASSED", cp,
        n_pytest, env=PYENV, timeout=900)
    chain("chain-rfc3339-pytest-q-exit", "chain-test-exit", "test",
          [Part(f"python -m pytest -q --color=no -p no:cacheprovider --tb=long {TEST}", n_pytest),
           Part("echo EXIT=$?", n_status_echo, ";")], cp, env=PYENV, timeout=900)
    cap("ruff-concise-rfc3339-all",
        f"ruff check --no-cache --isolated --select ALL --output-format=concise {CORE} {TEST} setup.py "
        "| head -n 900", cp, n_ruff)
    d = tmp / "station"
    d.mkdir()
    (d / "gondola_ledger.py").write_text(SCRIPT)
    cap("python-chained-traceback-gondola-ledger", "python3 gondola_ledger.py", d, n_chained,
        env={"PYTHONPATH": str(cp)})


def git_history(tmp: Path) -> None:
    repo = history(tmp, SRC, "rfc3339", SV, [CORE, TEST, "setup.py", "README.md", "HISTORY.rst"], PEOPLE, 39210, 12,
                   BUGS)
    (repo / "NOTES.local").write_text("december dropped; last day of month refused; hour 23; ascii flag gone\n")
    cap("git-log-p-rfc3339-head-1500", "git log -p | head -n 1500", repo, n_log_p, env=GIT_ENV)


APP = """const repeat = require('./repeat-string.cjs');

function haulCard(cable) {
  var spans = cable.spans, pylons = cable.pylons, label = cable.name
  if (typeof spans != 'number') return {ok: false, reason: 'spans ' + spans + ' not a number'}
  var bar = repeat('=', spans) + repeat('|', pylons);
  return {ok: spans == pylons + 1, label: label, bar: bar, sag: cable.sag.toFixed(2)};
}
module.exports = {haulCard};
"""


def js_project(tmp: Path) -> None:
    root = tmp / "bullwheel"
    nm = JS / "node_modules"
    (root / "lib").mkdir(parents=True, exist_ok=True)
    run(f"ln -s {nm} node_modules", cwd=root)
    write_tree(root, {"package.json": json.dumps({"name": "bullwheel", "version": "0.4.2", "type": "module"},
                                                 indent=2) + "\n",
                      "eslint.config.js": ESLINT_CONFIG, "lib/haul-card.cjs": APP, "tsconfig.json": TSCONFIG})
    (root / "lib" / "repeat-string.cjs").write_text((nm / "repeat-string" / "index.js").read_text())
    chain("chain-eslint-tsc-bullwheel", "chain-lint", "lint",
          [Part("npx eslint lib 2>&1 | tail -n 400", n_eslint), Part("npx tsc --noEmit -p .", n_tsc, ";")], root,
          timeout=600)
    cap("npm-view-repeat-string-json", "npm view repeat-string --json", tmp, n_npm_view, timeout=300)


LOG_MSGS = {
    "INFO": lambda r: f"gondola {r.randint(1, 48)} passed pylon P{r.randint(1, 14)} at {r.choice([4, 5, 6])} m/s, "
                      f"station {r.choice(['Valley', 'Midway', 'Summit'])} load {r.randint(40, 100)}%",
    "DEBUG": lambda r: f"sheave {r.randint(1, 24)} on pylon P{r.randint(1, 14)} at {r.randint(18, 60)} C, "
                       f"liner wear {r.randint(1, 9)} mm",
    "WARNING": lambda r: f"haul cable tension {r.choice(['+', '-'])}{r.randint(2, 15)} kN off nominal at "
                         f"bullwheel {r.choice(['drive', 'return'])}",
    "ERROR": lambda r: f"grip {r.randint(1, 48)} slipped {r.randint(2, 30)} cm on detach, cabin held at "
                       f"{r.choice(['Valley', 'Midway', 'Summit'])} for {r.randint(1, 20)} min",
}


def data(tmp: Path) -> None:
    d = tmp / "data"
    d.mkdir()
    rows = []
    for top in ("/usr/share/nmap", "/usr/share/postgresql-common", "/usr/share/readline"):
        b = Path(top)
        for p in sorted(b.rglob("*")):
            if p.is_file() and not p.is_symlink():
                st = p.stat()
                rows.append([str(p.relative_to("/usr/share")), p.suffix.lstrip(".") or "-", p.name, st.st_size,
                             st.st_nlink, time.strftime("%Y-%m-%d", time.gmtime(st.st_mtime))])
    with open(d / "nprfiles.csv", "w", newline="") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(["path", "kind", "name", "bytes", "links", "modified"])
        w.writerows(rows)
    run("sqlite3 nprfiles.db '.mode csv' '.import nprfiles.csv nprfiles'", cwd=d)
    app_log(d / "ropeway.log", 39214, 1800, ["lift.cable", "lift.pylons", "lift.gondolas", "lift.bullwheel"],
            LOG_MSGS, 9392, "2026-12-02")
    cap("app-log-ropeway-tail-750", "tail -n 750 ropeway.log", d, n_app_log)
    srv = cm.start("cd /usr/share/doc/nodejs/api && exec python3 -m http.server 18392 --bind 127.0.0.1")
    try:
        time.sleep(1.5)
        cap("curl-html-nodejs-path", "curl -s http://127.0.0.1:18392/path.html", d, n_html)
        cap("curl-html-nodejs-tty", "curl -s http://127.0.0.1:18392/tty.html", d, n_html)
    finally:
        os.killpg(srv.pid, signal.SIGTERM)


C_RENAMES = (("SPOOLGATE_H", "PYLONSET_H"), ("spoolgate", "pylonset"), ("spool_t", "gondola_t"),
             ("spools", "gondolas"), ("gate_t", "pylon_t"), ("gate_weight", "pylon_load"), ("gate_find", "pylon_find"),
             ("twist_permille", "sag_permille"), ("yarn_g", "cable_g"), ("fibre", "strand"), ("passes", "spans"),
             ("twist_count_", "sag_count_"), ("_lot", "_cabin"), ('"lot ', '"cabin '), ("gate", "pylon"))
RS_RENAMES = (("tillerhorn", "sheavetrain"), ("0.7.3", "0.9.2"), ("Tiller horns: sweep from horn bore, helm load and a "
              "ranking of tiller fits.", "Sheave trains: sag from sheave bore, cable load and a ranking of "
              "grip trials."),
              ("sweep_n", "sag_n"), ("helm_load", "cable_load"), ("bore_um", "sheave_um"), ("pintle_um", "liner_um"),
              ("horn_count", "sheave_count"), ("helm_", "cable_"), ("helm ", "cable "), ("sweep not on", "sag not on"),
              ("rudder limit", "grip limit"), ("fits", "trials"), ("spare_", "slack_"))


def c_build(tmp: Path) -> None:
    root = tmp / "pylonset"
    rnd = random.Random(39212)
    files = {"src/pylonset.h": renamed(base.GATE_H, C_RENAMES), "src/pylon.c": renamed(base.GATE_C, C_RENAMES)}
    for k in range(40):
        files[f"src/span_{k:02d}.c"] = renamed(base.gen_c(k, rnd), C_RENAMES)
    objs = " ".join(f"build/{Path(p).stem}.o" for p in files if p.endswith(".c"))
    files["Makefile"] = ("CC=gcc\nCFLAGS=-Wall -Wextra -O1 -Isrc\nOBJS=" + objs + "\n\nall: pylonset\n\n"
                         "pylonset: $(OBJS)\n\t$(CC) -o $@ $(OBJS)\n\nbuild/%.o: src/%.c src/pylonset.h\n"
                         "\t@mkdir -p build\n\t$(CC) $(CFLAGS) -c $< -o $@\n\nclean:\n\trm -rf build pylonset\n")
    write_tree(root, files)
    cap("make-k-pylonset", "make -k", root, n_make)
    run("make clean >/dev/null", cwd=root)


def rust(tmp: Path) -> None:
    root = tmp / "sheavetrain"
    rnd = random.Random(39213)
    broken = renamed(base.BROKEN, RS_RENAMES)
    write_tree(root, {"Cargo.toml": renamed(base.CARGO, RS_RENAMES), "src/lib.rs": renamed(base.LIB, RS_RENAMES),
                      "src/broken.rs": broken, "src/runs.rs": renamed(base.gen_runs(rnd, 220), RS_RENAMES)})
    env = {"CARGO_TARGET_DIR": str(tmp / "sheavetrain-target"), "CARGO_TERM_COLOR": "never"}
    cap("cargo-build-errors-sheavetrain", "cargo build 2>&1", root, n_cargo_build, env=env, timeout=900)
    for line in ("    let label: String = idx.len();\n", "    idx.push(sheave_count);\n"):
        assert line in broken, line
        broken = broken.replace(line, "")
    (root / "src/broken.rs").write_text(broken)
    chain("chain-cargo-test-sheavetrain-exit", "chain-test-exit", "test",
          [Part("cargo test 2>&1 | grep -v '^test .* ok$' | tail -n 520", n_cargo_test),
           Part("echo EXIT=$?", n_status_echo, ";")], root, env=env, timeout=900)


DOCS = {"doc": "/usr/share/doc"}
FW = "doc/nodejs/api"


def specs(root: Path, env: dict) -> list:
    sp = f"{VENV}/lib/python3*/site-packages"
    S: list = [
        B("oc-bash-pytest-rA-v-tail-rfc3339", n_pytest,
          f"cd rv && PYTHONPATH=. python -m pytest --color=no -p no:cacheprovider -rA -v {TEST} 2>&1 "
          "| tail -n 380"),
        B("oc-bash-ruff-full-rfc3339", n_ruff,
          f"ruff check --no-cache --isolated --select ALL --output-format=full rv/{CORE} rv/{TEST} rv/setup.py 2>&1 "
          "| head -n 1000"),
        B("oc-bash-eslint-bullwheel", n_eslint, "cd bullwheel && npx eslint lib"),
        B("oc-bash-gcc-syntax-pylonset", n_gcc,
          "gcc -Wall -Wextra -fsyntax-only -Ipylonset/src pylonset/src/pylon.c pylonset/src/span_1[0-9].c"),
        B("oc-bash-cargo-test-sheavetrain", n_cargo_test, "cd sheavetrain && cargo test 2>&1 | tail -n 600"),
        B("oc-bash-cargo-clippy-sheavetrain", n_clippy, "cd sheavetrain && cargo clippy 2>&1 | tail -n 750"),
        B("oc-bash-git-blame-rfc3339", n_blame, f"cd rv-git && git blame {TEST}"),
        B("oc-bash-git-show-rfc3339-part", n_show, "cd rv-git && git show ':/^test_rfc3339_validator: part 3 '"),
        B("oc-bash-ls-laR-bullwheel-deps", n_ls_lR,
          "ls -laR bullwheel/node_modules/repeat-string bullwheel/node_modules/optionator "
          "bullwheel/node_modules/esutils bullwheel/node_modules/@eslint/plugin-kit bullwheel/lib"),
        B("oc-bash-find-printf-eslint-deps", n_find,
          "find bullwheel/node_modules/espree bullwheel/node_modules/eslint-scope bullwheel/node_modules/ajv "
          "bullwheel/node_modules/@eslint/config-array -type f -printf '%M %u %s %p\\n' | sort -k3 -n | tail -n 440"),
        B("oc-bash-tree-venv-hypothesis-six", n_tree,
          f"tree -a --noreport {sp}/hypothesis/strategies {sp}/six.py {sp}/pluggy {sp}/mypy/dmypy "
          f"{sp}/_pytest/_code {sp}/sortedcontainers | head -n 600"),
        B("oc-bash-ps-aux-rss-head-90", n_ps_aux, "ps aux --sort=-rss | head -n 90"),
        B("oc-bash-sqlite-nprfiles-largest", n_sqlite_col,
          "sqlite3 -header -column nprfiles.db \"SELECT path, kind, name, CAST(bytes AS INT) AS bytes, links, "
          "modified FROM nprfiles ORDER BY CAST(bytes AS INT) DESC, path LIMIT 120\""),
        B("oc-bash-csv-grep-nprfiles-pg-readline", n_csv,
          "(head -n 1 nprfiles.csv; grep -E '^(postgresql-common|readline)/' nprfiles.csv) | head -n 400"),
        B("oc-bash-log-grep-warn-error-ropeway", n_app_log,
          "grep -v DEBUG ropeway.log | grep -v ' INFO ' | head -n 400; grep -c ERROR ropeway.log"),
    ]
    mypy = "mypy --strict --config-file /dev/null --no-incremental --cache-dir=/dev/null --pretty"
    S.append(C("oc-bash-chain-mypy-strict-rfc3339", "chain-lint", "lint",
               [Part("cd rv", None), Part(f"{mypy} {CORE} {TEST} 2>&1 | tail -n 400", n_mypy, "&&")],
               root, env, "Type-check rfc3339_validator"))
    S.append(C("oc-bash-chain-tsc-after-eslint", "chain-lint", "lint",
               [Part("cd bullwheel", None), Part("npx tsc --noEmit -p .", n_tsc, "&&")], root, env,
               "Type-check bullwheel"))
    S.append(C("oc-bash-chain-git-status-diff", "chain-git-status-diff", "git",
               [Part("cd rv-git", None), Part("git status", n_status, "&&"), Part("git diff --stat", None, "&&"),
                Part("git diff", n_diff, "&&")], root, env, "Show the working tree changes"))
    S.append(C("oc-bash-chain-make-k-exit", "chain-build-exit", "build",
               [Part("make -C pylonset -k -B 2>&1 | tail -n 300", n_gcc), Part("echo EXIT=$?", None, ";")],
               root, env, "Build pylonset"))
    bu = "{BASE}"
    O = [
        Spec("oc-grep-rfc3339-def-assert", "oc-grep", "search", "grep",
             {"pattern": r"def \w+\(|assert |@given|@settings|return ", "path": "rv", "include": "*.py"}),
        Spec("oc-grep-eslint-rule-tester-throw", "oc-grep", "search", "grep",
             {"pattern": r"throw new \w*Error\(|function \w+\(", "path": "bullwheel/node_modules/eslint/lib/rule-tester"}),
        Spec("oc-grep-repeat-string-lib", "oc-grep", "search", "grep",
             {"pattern": r"function \w+|throw |return |var \w+", "path": "bullwheel/lib"}),
        Spec("oc-glob-eslint-rules-js", "oc-glob", "listing", "glob",
             {"pattern": "**/*-*.js", "path": "bullwheel/node_modules/eslint/lib/rules"}),
        Spec("oc-glob-pylonset-c", "oc-glob", "listing", "glob", {"pattern": "**/*.[ch]", "path": "pylonset"}),
        Spec("oc-glob-ajv-dotjs-js", "oc-glob", "listing", "glob",
             {"pattern": "**/*.js", "path": "bullwheel/node_modules/ajv/lib/dotjs"}),
        Spec("oc-read-py-rfc3339", "oc-read-source", "code", "read", {"filePath": "{ROOT}/rv/" + CORE}, "python"),
        Spec("oc-read-py-rfc3339-test", "oc-read-source", "code", "read", {"filePath": "{ROOT}/rv/" + TEST},
             "python"),
        Spec("oc-read-js-repeat-string-cjs", "oc-read-source", "code", "read",
             {"filePath": "{ROOT}/bullwheel/lib/repeat-string.cjs"}, "js"),
        Spec("oc-webfetch-md-nodejs-inspector", "oc-webfetch-markdown", "doc", "webfetch",
             {"url": f"{bu}/{FW}/inspector.html", "format": "markdown"}, source=f"{FW}/inspector.html"),
        Spec("oc-webfetch-html-nodejs-repl", "oc-webfetch-html", "doc", "webfetch",
             {"url": f"{bu}/{FW}/repl.html", "format": "html"}, source=f"{FW}/repl.html"),
        Spec("oc-webfetch-text-nodejs-tracing", "oc-webfetch-text", "doc", "webfetch",
             {"url": f"{bu}/{FW}/tracing.html", "format": "text"}, source=f"{FW}/tracing.html"),
    ]
    for spec in O:
        if "filePath" in spec.args:
            spec.args["filePath"] = spec.args["filePath"].replace("{ROOT}", str(root))
        S.append((spec, oc_ext(spec.kind, spec.family, spec)))
    return S


def _doc_server(serve_dir: str) -> http.server.ThreadingHTTPServer:
    """capture_opencode.start_doc_server on the round's own loopback port (28392), round 365's way."""
    import threading
    handler = functools.partial(oco._QuietHandler, directory=serve_dir)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 28392), handler)
    threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.1}, daemon=True).start()
    return server


def opencode(tmp: Path) -> None:
    orig = oco.start_doc_server, oco.StubServer
    oco.start_doc_server = _doc_server
    oco.StubServer = functools.partial(orig[1], port=38392)
    try:
        run_round(
            tmp,
            f"cp -r {tmp}/{SV} rv && cp -r {tmp}/rfc3339-git rv-git && "
            f"cp -r {tmp}/pylonset pylonset && cp -r {tmp}/sheavetrain sheavetrain && "
            f"cp {tmp}/data/nprfiles.db {tmp}/data/nprfiles.csv {tmp}/data/ropeway.log . && mkdir bullwheel && "
            f"cp -r {tmp}/bullwheel/lib {tmp}/bullwheel/package.json "
            f"{tmp}/bullwheel/eslint.config.js {tmp}/bullwheel/tsconfig.json bullwheel/ && "
            f"ln -s {JS}/node_modules bullwheel/node_modules",
            "find . -name __pycache__ -prune -exec rm -rf {} + ; "
            "rm -rf rv/.mypy_cache rv/.ruff_cache rv/.pytest_cache rv/.hypothesis",
            DOCS, VENV, JS, specs, add, seed=39210,
        )
    finally:
        oco.start_doc_server, oco.StubServer = orig


STEPS = [python, git_history, js_project, data, c_build, rust, opencode]
