"""Round 396's steps: isoweek's sdist with bugs put in (its own tests with pytest, ruff, its code run wrongly into a
chained traceback), the fogbell project (left-pad, linted), a C project (lensrack) and a Rust crate (diaphone) from
round 291's generators IMPORTED and renamed (capture_wide273_go.renamed), a git history of isoweek's sources
(capture_material.history), the files of /usr/share/mesa-demos, iso-codes, libdrm and libthai as a CSV and a sqlite
table, an application log (capture_material.app_log), npm view --json, nodejs's installed HTML API pages fetched with
curl, then ONE run of the real OpenCode over the same material (round 191's driver run_round, round 392's doc server
and stub wrapping on this round's ports). Each kind's extractor is the earlier rounds', imported (NEEDLES.md's
"Round 396: no new rules"). Run through capture_wide396.py."""

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
from capture_wide396 import JS, SRC, VENV, add, cap

SV = "isoweek-1.3.3"
CORE = "isoweek.py"
TEST = "test_isoweek.py"
GIT_ENV = {"GIT_CONFIG_NOSYSTEM": "1", "GIT_CONFIG_GLOBAL": "/dev/null"}
PEOPLE = [("Agnes Lampwright", "agnes@example.org"), ("Silas Fresnel", "silas@example.org"),
          ("Agnes Lampwright", "agnes@example.org"), ("Bronwen Foghorn", "bronwen@example.org"),
          ("Ewan Wickham", "ewan@example.org")]
PYENV = {"PYTHONPATH": "."}

# The bugs put in: "2011-W08" no longer parsed (the '-W' test turned round); Sunday no longer in its week; a timedelta
# added as its days modulo 7 instead of its whole weeks; a year's last week asked for as the next year's first.
BUGS = [(CORE, "isostring[4:6] == '-W':\n", "isostring[4:6] == 'W-':\n"),
        (CORE, "        return self.day(0) <= day < self.day(7)\n", "        return self.day(0) <= day < self.day(6)\n"),
        (CORE, "            other = other.days // 7\n", "            other = other.days % 7\n"),
        (CORE, "        return cls(year+1, 0)\n", "        return cls(year+1, 1)\n")]

SCRIPT = r"""
from isoweek import Week


class LampRotaError(Exception):
    pass


ROTA = [
    {"keeper": "Agnes Lampwright", "lamp": "first-order Fresnel", "gallery": "upper", "wicks": 4, "week": "2026W48"},
    {"keeper": "Silas Fresnel", "lamp": "first-order Fresnel", "gallery": "lantern", "wicks": 4, "week": "2026W49"},
    {"keeper": "Bronwen Foghorn", "lamp": "diaphone fog signal", "gallery": "engine room", "wicks": 0, "week": 202650},
]


def rota_week(entry):
    try:
        return Week.fromstring(entry["week"])
    except (TypeError, ValueError) as exc:
        raise LampRotaError(
            f"lamp-room rota: {entry['keeper']} ({entry['lamp']}, {entry['gallery']} gallery) has no watch week"
        ) from exc


for entry in ROTA:
    week = rota_week(entry)
    print(entry["keeper"], "keeps the", entry["lamp"], "from", week.monday(), "to", week.sunday())
"""


def python(tmp: Path) -> None:
    cp = tmp / SV
    put_bugs(cp, BUGS)
    cap("pytest-isoweek-v-tbshort",
        f"python -m pytest -v --tb=short --color=no -p no:cacheprovider {TEST} 2>&1 | grep -v PASSED", cp,
        n_pytest, env=PYENV, timeout=900)
    chain("chain-isoweek-pytest-q-exit", "chain-test-exit", "test",
          [Part(f"python -m pytest -q --color=no -p no:cacheprovider --tb=long {TEST}", n_pytest),
           Part("echo EXIT=$?", n_status_echo, ";")], cp, env=PYENV, timeout=900)
    cap("ruff-concise-isoweek-all",
        f"ruff check --no-cache --isolated --select ALL --output-format=concise {CORE} {TEST} setup.py "
        "| head -n 900", cp, n_ruff)
    d = tmp / "lamproom"
    d.mkdir()
    (d / "lamp_rota.py").write_text(SCRIPT)
    cap("python-chained-traceback-lamp-rota", "python3 lamp_rota.py", d, n_chained,
        env={"PYTHONPATH": str(cp)})


def git_history(tmp: Path) -> None:
    repo = history(tmp, SRC, "isoweek", SV, [CORE, TEST, "setup.py", "README.rst", "CHANGES.txt"], PEOPLE, 39610, 12,
                   BUGS)
    (repo / "NOTES.local").write_text("-W parsing turned round; sunday out of its week; timedelta % 7; last week = next first\n")
    cap("git-log-p-isoweek-head-1500", "git log -p | head -n 1500", repo, n_log_p, env=GIT_ENV)


APP = """const leftPad = require('./left-pad.cjs');

function fogCard(signal) {
  var blasts = signal.blasts, period = signal.period, label = signal.name
  if (typeof blasts != 'number') return {ok: false, reason: 'blasts ' + blasts + ' not a number'}
  var row = leftPad(label, 18, '.') + leftPad(String(blasts), 3) + leftPad(period, 4, 0);
  return {ok: period == blasts * 30, label: label, row: row, range: signal.range.toFixed(1)};
}
module.exports = {fogCard};
"""


def js_project(tmp: Path) -> None:
    root = tmp / "fogbell"
    nm = JS / "node_modules"
    (root / "lib").mkdir(parents=True, exist_ok=True)
    run(f"ln -s {nm} node_modules", cwd=root)
    write_tree(root, {"package.json": json.dumps({"name": "fogbell", "version": "1.3.6", "type": "module"},
                                                 indent=2) + "\n",
                      "eslint.config.js": ESLINT_CONFIG, "lib/fog-card.cjs": APP, "tsconfig.json": TSCONFIG})
    (root / "lib" / "left-pad.cjs").write_text((nm / "left-pad" / "index.js").read_text())
    chain("chain-eslint-tsc-fogbell", "chain-lint", "lint",
          [Part("npx eslint lib 2>&1 | tail -n 400", n_eslint), Part("npx tsc --noEmit -p .", n_tsc, ";")], root,
          timeout=600)
    cap("npm-view-left-pad-json", "npm view left-pad --json", tmp, n_npm_view, timeout=300)


LOG_MSGS = {
    "INFO": lambda r: f"lamp {r.choice(['main', 'reserve'])} lit at gallery {r.randint(1, 4)}, lens turning "
                      f"{r.choice([2, 3, 4])} rev/min, keeper {r.choice(['Lampwright', 'Fresnel', 'Foghorn'])} on watch",
    "DEBUG": lambda r: f"lens panel {r.randint(1, 16)} bearing at {r.randint(12, 48)} C, mercury bath level "
                       f"{r.randint(60, 99)}%",
    "WARNING": lambda r: f"fog signal air receiver {r.choice(['+', '-'])}{r.randint(2, 15)} kPa off nominal at "
                         f"diaphone {r.choice(['north', 'south'])}",
    "ERROR": lambda r: f"wick {r.randint(1, 8)} burner flame out for {r.randint(2, 30)} s, reserve lamp on at "
                       f"{r.choice(['upper', 'lantern', 'watch room'])} gallery for {r.randint(1, 20)} min",
}


def data(tmp: Path) -> None:
    d = tmp / "data"
    d.mkdir()
    rows = []
    for top in ("/usr/share/mesa-demos", "/usr/share/iso-codes", "/usr/share/libdrm", "/usr/share/libthai"):
        b = Path(top)
        for p in sorted(b.rglob("*")):
            if p.is_file() and not p.is_symlink():
                st = p.stat()
                rows.append([str(p.relative_to("/usr/share")), p.suffix.lstrip(".") or "-", p.name, st.st_size,
                             st.st_nlink, time.strftime("%Y-%m-%d", time.gmtime(st.st_mtime))])
    with open(d / "lampfiles.csv", "w", newline="") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(["path", "kind", "name", "bytes", "links", "modified"])
        w.writerows(rows)
    run("sqlite3 lampfiles.db '.mode csv' '.import lampfiles.csv lampfiles'", cwd=d)
    app_log(d / "lighthouse.log", 39614, 1800, ["light.lamp", "light.lens", "light.keepers", "light.fogsignal"],
            LOG_MSGS, 9396, "2026-12-02")
    cap("app-log-lighthouse-tail-750", "tail -n 750 lighthouse.log", d, n_app_log)
    srv = cm.start("cd /usr/share/doc/nodejs/api && exec python3 -m http.server 18396 --bind 127.0.0.1")
    try:
        time.sleep(1.5)
        cap("curl-html-nodejs-intl", "curl -s http://127.0.0.1:18396/intl.html", d, n_html)
        cap("curl-html-nodejs-corepack", "curl -s http://127.0.0.1:18396/corepack.html", d, n_html)
    finally:
        os.killpg(srv.pid, signal.SIGTERM)


C_RENAMES = (("SPOOLGATE_H", "LENSRACK_H"), ("spoolgate", "lensrack"), ("spool_t", "lamp_t"),
             ("spools", "lamps"), ("gate_t", "lens_t"), ("gate_weight", "lens_focus"), ("gate_find", "lens_find"),
             ("twist_permille", "flash_permille"), ("yarn_g", "wick_g"), ("fibre", "prism"), ("passes", "flashes"),
             ("twist_count_", "flash_count_"), ("_lot", "_keeper"), ('"lot ', '"keeper '), ("gate", "lens"))
RS_RENAMES = (("tillerhorn", "diaphone"), ("0.7.3", "0.4.8"), ("Tiller horns: sweep from horn bore, helm load and a "
              "ranking of tiller fits.", "Diaphones: blast from reed bore, air load and a ranking of fog "
              "soundings."),
              ("sweep_n", "blast_n"), ("helm_load", "air_load"), ("bore_um", "reed_um"), ("pintle_um", "piston_um"),
              ("horn_count", "signal_count"), ("helm_", "air_"), ("helm ", "air "), ("sweep not on", "blast not on"),
              ("rudder limit", "fog limit"), ("fits", "soundings"), ("spare_", "reserve_"))


def c_build(tmp: Path) -> None:
    root = tmp / "lensrack"
    rnd = random.Random(39612)
    files = {"src/lensrack.h": renamed(base.GATE_H, C_RENAMES), "src/lens.c": renamed(base.GATE_C, C_RENAMES)}
    for k in range(40):
        files[f"src/beam_{k:02d}.c"] = renamed(base.gen_c(k, rnd), C_RENAMES)
    objs = " ".join(f"build/{Path(p).stem}.o" for p in files if p.endswith(".c"))
    files["Makefile"] = ("CC=gcc\nCFLAGS=-Wall -Wextra -O1 -Isrc\nOBJS=" + objs + "\n\nall: lensrack\n\n"
                         "lensrack: $(OBJS)\n\t$(CC) -o $@ $(OBJS)\n\nbuild/%.o: src/%.c src/lensrack.h\n"
                         "\t@mkdir -p build\n\t$(CC) $(CFLAGS) -c $< -o $@\n\nclean:\n\trm -rf build lensrack\n")
    write_tree(root, files)
    cap("make-k-lensrack", "make -k", root, n_make)
    run("make clean >/dev/null", cwd=root)


def rust(tmp: Path) -> None:
    root = tmp / "diaphone"
    rnd = random.Random(39613)
    broken = renamed(base.BROKEN, RS_RENAMES)
    write_tree(root, {"Cargo.toml": renamed(base.CARGO, RS_RENAMES), "src/lib.rs": renamed(base.LIB, RS_RENAMES),
                      "src/broken.rs": broken, "src/runs.rs": renamed(base.gen_runs(rnd, 220), RS_RENAMES)})
    env = {"CARGO_TARGET_DIR": str(tmp / "diaphone-target"), "CARGO_TERM_COLOR": "never"}
    cap("cargo-build-errors-diaphone", "cargo build 2>&1", root, n_cargo_build, env=env, timeout=900)
    for line in ("    let label: String = idx.len();\n", "    idx.push(signal_count);\n"):
        assert line in broken, line
        broken = broken.replace(line, "")
    (root / "src/broken.rs").write_text(broken)
    chain("chain-cargo-test-diaphone-exit", "chain-test-exit", "test",
          [Part("cargo test 2>&1 | grep -v '^test .* ok$' | tail -n 520", n_cargo_test),
           Part("echo EXIT=$?", n_status_echo, ";")], root, env=env, timeout=900)


DOCS = {"doc": "/usr/share/doc"}
FW = "doc/nodejs/api"


def specs(root: Path, env: dict) -> list:
    sp = f"{VENV}/lib/python3*/site-packages"
    S: list = [
        B("oc-bash-pytest-rA-v-tail-isoweek", n_pytest,
          f"cd iw && PYTHONPATH=. python -m pytest --color=no -p no:cacheprovider -rA -v {TEST} 2>&1 "
          "| tail -n 380"),
        B("oc-bash-ruff-full-isoweek", n_ruff,
          f"ruff check --no-cache --isolated --select ALL --output-format=full iw/{CORE} iw/{TEST} iw/setup.py 2>&1 "
          "| head -n 1000"),
        B("oc-bash-eslint-fogbell", n_eslint, "cd fogbell && npx eslint lib"),
        B("oc-bash-gcc-syntax-lensrack", n_gcc,
          "gcc -Wall -Wextra -fsyntax-only -Ilensrack/src lensrack/src/lens.c lensrack/src/beam_2[0-9].c"),
        B("oc-bash-cargo-test-diaphone", n_cargo_test, "cd diaphone && cargo test 2>&1 | tail -n 600"),
        B("oc-bash-cargo-clippy-diaphone", n_clippy, "cd diaphone && cargo clippy 2>&1 | tail -n 750"),
        B("oc-bash-git-blame-isoweek", n_blame, f"cd iw-git && git blame {CORE}"),
        B("oc-bash-git-show-isoweek-part", n_show, "cd iw-git && git show ':/^test_isoweek: part 4 '"),
        B("oc-bash-ls-laR-fogbell-deps", n_ls_lR,
          "ls -laR fogbell/node_modules/left-pad fogbell/node_modules/levn fogbell/node_modules/fast-levenshtein "
          "fogbell/node_modules/@humanfs/core fogbell/lib"),
        B("oc-bash-find-printf-eslint-deps", n_find,
          "find fogbell/node_modules/esquery fogbell/node_modules/acorn fogbell/node_modules/uri-js "
          "fogbell/node_modules/@eslint/core -type f -printf '%M %u %s %p\\n' | sort -k3 -n | tail -n 440"),
        B("oc-bash-tree-venv-pytest-mypy", n_tree,
          f"tree -a --noreport {sp}/_pytest/assertion {sp}/iniconfig {sp}/packaging {sp}/mypy/plugins "
          f"{sp}/pygments/formatters {sp}/mypy_extensions.py | head -n 600"),
        B("oc-bash-ps-aux-cpu-head-80", n_ps_aux, "ps aux --sort=-%cpu | head -n 80"),
        B("oc-bash-sqlite-lampfiles-largest", n_sqlite_col,
          "sqlite3 -header -column lampfiles.db \"SELECT path, kind, name, CAST(bytes AS INT) AS bytes, links, "
          "modified FROM lampfiles ORDER BY CAST(bytes AS INT) DESC, path LIMIT 120\""),
        B("oc-bash-csv-grep-lampfiles-iso-libdrm", n_csv,
          "(head -n 1 lampfiles.csv; grep -E '^(iso-codes|libdrm|libthai)/' lampfiles.csv) | head -n 400"),
        B("oc-bash-log-grep-warn-error-lighthouse", n_app_log,
          "grep -v DEBUG lighthouse.log | grep -v ' INFO ' | head -n 400; grep -c ERROR lighthouse.log"),
    ]
    mypy = "mypy --strict --config-file /dev/null --no-incremental --cache-dir=/dev/null --pretty"
    S.append(C("oc-bash-chain-mypy-strict-isoweek", "chain-lint", "lint",
               [Part("cd iw", None), Part(f"{mypy} {CORE} {TEST} 2>&1 | tail -n 400", n_mypy, "&&")],
               root, env, "Type-check isoweek"))
    S.append(C("oc-bash-chain-tsc-after-eslint", "chain-lint", "lint",
               [Part("cd fogbell", None), Part("npx tsc --noEmit -p .", n_tsc, "&&")], root, env,
               "Type-check fogbell"))
    S.append(C("oc-bash-chain-git-status-diff", "chain-git-status-diff", "git",
               [Part("cd iw-git", None), Part("git status", n_status, "&&"), Part("git diff --stat", None, "&&"),
                Part("git diff", n_diff, "&&")], root, env, "Show the working tree changes"))
    S.append(C("oc-bash-chain-make-k-exit", "chain-build-exit", "build",
               [Part("make -C lensrack -k -B 2>&1 | tail -n 300", n_gcc), Part("echo EXIT=$?", None, ";")],
               root, env, "Build lensrack"))
    bu = "{BASE}"
    O = [
        Spec("oc-grep-isoweek-def-assert", "oc-grep", "search", "grep",
             {"pattern": r"def \w+\(|self\.assert\w+\(|raise |return ", "path": "iw", "include": "*.py"}),
        Spec("oc-grep-eslint-config-throw", "oc-grep", "search", "grep",
             {"pattern": r"throw new \w*Error\(|function \w+\(", "path": "fogbell/node_modules/eslint/lib/config"}),
        Spec("oc-grep-left-pad-lib", "oc-grep", "search", "grep",
             {"pattern": r"function \w+|throw |return |var \w+", "path": "fogbell/lib"}),
        Spec("oc-glob-eslint-linter-js", "oc-glob", "listing", "glob",
             {"pattern": "**/*.js", "path": "fogbell/node_modules/eslint/lib/linter"}),
        Spec("oc-glob-lensrack-c", "oc-glob", "listing", "glob", {"pattern": "**/*.[ch]", "path": "lensrack"}),
        Spec("oc-glob-eslint-languages-js", "oc-glob", "listing", "glob",
             {"pattern": "**/*.js", "path": "fogbell/node_modules/eslint/lib/languages"}),
        Spec("oc-read-py-isoweek", "oc-read-source", "code", "read", {"filePath": "{ROOT}/iw/" + CORE}, "python"),
        Spec("oc-read-py-isoweek-test", "oc-read-source", "code", "read", {"filePath": "{ROOT}/iw/" + TEST},
             "python"),
        Spec("oc-read-js-left-pad-cjs", "oc-read-source", "code", "read",
             {"filePath": "{ROOT}/fogbell/lib/left-pad.cjs"}, "js"),
        Spec("oc-webfetch-md-nodejs-domain", "oc-webfetch-markdown", "doc", "webfetch",
             {"url": f"{bu}/{FW}/domain.html", "format": "markdown"}, source=f"{FW}/domain.html"),
        Spec("oc-webfetch-html-nodejs-permissions", "oc-webfetch-html", "doc", "webfetch",
             {"url": f"{bu}/{FW}/permissions.html", "format": "html"}, source=f"{FW}/permissions.html"),
        Spec("oc-webfetch-text-nodejs-debugger", "oc-webfetch-text", "doc", "webfetch",
             {"url": f"{bu}/{FW}/debugger.html", "format": "text"}, source=f"{FW}/debugger.html"),
    ]
    for spec in O:
        if "filePath" in spec.args:
            spec.args["filePath"] = spec.args["filePath"].replace("{ROOT}", str(root))
        S.append((spec, oc_ext(spec.kind, spec.family, spec)))
    return S


def _doc_server(serve_dir: str) -> http.server.ThreadingHTTPServer:
    """capture_opencode.start_doc_server on the round's own loopback port (28396), round 392's way."""
    import threading
    handler = functools.partial(oco._QuietHandler, directory=serve_dir)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 28396), handler)
    threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.1}, daemon=True).start()
    return server


def opencode(tmp: Path) -> None:
    orig = oco.start_doc_server, oco.StubServer
    oco.start_doc_server = _doc_server
    oco.StubServer = functools.partial(orig[1], port=38396)
    try:
        run_round(
            tmp,
            f"cp -r {tmp}/{SV} iw && cp -r {tmp}/isoweek-git iw-git && "
            f"cp -r {tmp}/lensrack lensrack && cp -r {tmp}/diaphone diaphone && "
            f"cp {tmp}/data/lampfiles.db {tmp}/data/lampfiles.csv {tmp}/data/lighthouse.log . && mkdir fogbell && "
            f"cp -r {tmp}/fogbell/lib {tmp}/fogbell/package.json "
            f"{tmp}/fogbell/eslint.config.js {tmp}/fogbell/tsconfig.json fogbell/ && "
            f"ln -s {JS}/node_modules fogbell/node_modules",
            "find . -name __pycache__ -prune -exec rm -rf {} + ; "
            "rm -rf iw/.mypy_cache iw/.ruff_cache iw/.pytest_cache",
            DOCS, VENV, JS, specs, add, seed=39610,
        )
    finally:
        oco.start_doc_server, oco.StubServer = orig


STEPS = [python, git_history, js_project, data, c_build, rust, opencode]
