"""Round 410's steps: schedule's sdist with bugs put in (its own tests with pytest, ruff, mypy, its code run wrongly
into a chained traceback), the mirrorcell project (object-assign, linted), a C project (coudefeed) and a Rust crate
(heliostat) from round 291's generators IMPORTED and renamed (capture_wide273_go.renamed), a git history of schedule's
sources (capture_material.history), the files of /usr/share/poppler, screen, proftpd, syslog-ng, netpbm and pkgconfig
as a CSV and a sqlite table, an application log (capture_material.app_log), npm view --json, nodejs's installed HTML
API pages fetched with curl, then ONE run of the real OpenCode over the same material (round 191's driver run_round,
the doc server and stub put on this round's ports as round 396 does). Each kind's extractor is the earlier rounds',
imported (NEEDLES.md's "Round 410: no new rules"). Run through capture_wide410.py."""

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
from capture_wide410 import JS, SRC, VENV, add, cap

SV = "schedule-1.2.2"
CORE = "schedule/__init__.py"
TEST = "test_schedule.py"
GIT_ENV = {"GIT_CONFIG_NOSYSTEM": "1", "GIT_CONFIG_GLOBAL": "/dev/null"}
PEOPLE = [("Maren Coude", "maren@example.org"), ("Tobias Echelle", "tobias@example.org"),
          ("Maren Coude", "maren@example.org"), ("Ines Heliostat", "ines@example.org"),
          ("Rufus Nasmyth", "rufus@example.org")]
PYENV = {"PYTHONPATH": "."}

# The bugs put in: a moment already on its weekday moved a week on; every(n).to(n) refused; the scheduler's next run
# answered by its latest job instead of its earliest.
BUGS = [(CORE, "    if days_ahead < 0:\n", "    if days_ahead <= 0:\n"),
        (CORE, "            if not (self.latest >= self.interval):\n", "            if not (self.latest > self.interval):\n"),
        (CORE, "        return min(jobs_filtered).next_run\n", "        return max(jobs_filtered).next_run\n")]

SCRIPT = r"""
import schedule


class DomeRotaError(Exception):
    pass


ROTA = [
    {"instrument": "coude spectrograph", "dome": "north dome", "every": 10, "to": 20, "unit": "minutes"},
    {"instrument": "guide camera", "dome": "north dome", "every": 2, "to": 5, "unit": "seconds"},
    {"instrument": "heliostat mirror", "dome": "solar tower", "every": 30, "to": 30, "unit": "seconds"},
]


def book(entry):
    try:
        job = schedule.every(entry["every"]).to(entry["to"])
        return getattr(job, entry["unit"]).do(print, entry["instrument"])
    except schedule.ScheduleError as exc:
        raise DomeRotaError(
            f"dome rota: {entry['instrument']} in the {entry['dome']} has no exposure slot"
        ) from exc


for entry in ROTA:
    job = book(entry)
    print(entry["instrument"], "in the", entry["dome"], "next exposure at", job.next_run)
"""


def python(tmp: Path) -> None:
    cp = tmp / SV
    put_bugs(cp, BUGS)
    cap("pytest-schedule-v-tbshort",
        f"python -m pytest -v --tb=short --color=no -p no:cacheprovider {TEST} 2>&1 | grep -v PASSED", cp,
        n_pytest, env=PYENV, timeout=900)
    chain("chain-schedule-pytest-q-exit", "chain-test-exit", "test",
          [Part(f"python -m pytest -q --color=no -p no:cacheprovider --tb=long {TEST}", n_pytest),
           Part("echo EXIT=$?", n_status_echo, ";")], cp, env=PYENV, timeout=900)
    cap("ruff-concise-schedule-all",
        f"ruff check --no-cache --isolated --select ALL --output-format=concise {CORE} {TEST} setup.py "
        "| head -n 900", cp, n_ruff)
    d = tmp / "domeroom"
    d.mkdir()
    (d / "dome_rota.py").write_text(SCRIPT)
    cap("python-chained-traceback-dome-rota", "python3 dome_rota.py", d, n_chained,
        env={"PYTHONPATH": str(cp)})


def git_history(tmp: Path) -> None:
    repo = history(tmp, SRC, "schedule", SV, [CORE, TEST, "setup.py", "README.rst", "HISTORY.rst"], PEOPLE, 41010,
                   40, BUGS)
    (repo / "NOTES.local").write_text("weekday moved a week on; to(n) refused; next_run from max\n")
    cap("git-log-p-schedule-head-1400", "git log -p | head -n 1400", repo, n_log_p, env=GIT_ENV)


APP = """const objectAssign = require('./object-assign.cjs');

function domeSlew(target) {
  var az = target.azimuth, alt = target.altitude, label = target.name
  if (typeof az != 'number') return {ok: false, reason: 'azimuth ' + az + ' not a number'}
  var plan = objectAssign({}, {dome: 'north', shutter: 'open'}, target, {slewed: true});
  return {ok: alt == plan.altitude * 1, label: label, plan: plan, rate: target.rate.toFixed(2)};
}
module.exports = {domeSlew};
"""


def js_project(tmp: Path) -> None:
    root = tmp / "mirrorcell"
    nm = JS / "node_modules"
    (root / "lib").mkdir(parents=True, exist_ok=True)
    run(f"ln -s {nm} node_modules", cwd=root)
    write_tree(root, {"package.json": json.dumps({"name": "mirrorcell", "version": "2.4.1", "type": "module"},
                                                 indent=2) + "\n",
                      "eslint.config.js": ESLINT_CONFIG, "lib/dome-slew.cjs": APP, "tsconfig.json": TSCONFIG})
    (root / "lib" / "object-assign.cjs").write_text((nm / "object-assign" / "index.js").read_text())
    chain("chain-eslint-tsc-mirrorcell", "chain-lint", "lint",
          [Part("npx eslint lib 2>&1 | tail -n 400", n_eslint), Part("npx tsc --noEmit -p .", n_tsc, ";")], root,
          timeout=600)
    cap("npm-view-object-assign-json", "npm view object-assign --json", tmp, n_npm_view, timeout=300)


LOG_MSGS = {
    "INFO": lambda r: f"dome {r.choice(['north', 'south', 'solar'])} shutter open, azimuth {r.randint(0, 359)} deg, "
                      f"spectrograph {r.choice(['coude', 'echelle', 'nasmyth'])} exposing {r.randint(30, 900)} s",
    "DEBUG": lambda r: f"mirror segment {r.randint(1, 36)} actuator at {r.randint(-40, 40)} um, cell temperature "
                       f"{r.randint(2, 14)} C",
    "WARNING": lambda r: f"guide camera star lost for {r.randint(2, 40)} frames at dome "
                         f"{r.choice(['north', 'south'])}, seeing {r.randint(8, 30) / 10} arcsec",
    "ERROR": lambda r: f"heliostat {r.randint(1, 12)} tracking fault {r.randint(2, 90)} arcsec off, exposure "
                       f"{r.randint(1000, 9999)} aborted on {r.choice(['coude', 'echelle', 'nasmyth'])} spectrograph",
}


def data(tmp: Path) -> None:
    d = tmp / "data"
    d.mkdir()
    rows = []
    for top in ("/usr/share/poppler", "/usr/share/screen", "/usr/share/proftpd", "/usr/share/syslog-ng",
                "/usr/share/netpbm", "/usr/share/pkgconfig"):
        b = Path(top)
        for p in sorted(b.rglob("*")):
            if p.is_file() and not p.is_symlink():
                st = p.stat()
                rows.append([str(p.relative_to("/usr/share")), p.suffix.lstrip(".") or "-", p.name, st.st_size,
                             st.st_nlink, time.strftime("%Y-%m-%d", time.gmtime(st.st_mtime))])
    with open(d / "domefiles.csv", "w", newline="") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(["path", "kind", "name", "bytes", "links", "modified"])
        w.writerows(rows)
    run("sqlite3 domefiles.db '.mode csv' '.import domefiles.csv domefiles'", cwd=d)
    app_log(d / "observatory.log", 41014, 1800, ["obs.dome", "obs.mirror", "obs.spectrograph", "obs.guider"],
            LOG_MSGS, 9410, "2026-12-02")
    cap("app-log-observatory-tail-700", "tail -n 700 observatory.log", d, n_app_log)
    srv = cm.start("cd /usr/share/doc/nodejs/api && exec python3 -m http.server 18410 --bind 127.0.0.1")
    try:
        time.sleep(1.5)
        cap("curl-html-nodejs-synopsis", "curl -s http://127.0.0.1:18410/synopsis.html", d, n_html)
        cap("curl-html-nodejs-process-head", "curl -s http://127.0.0.1:18410/process.html | head -n 900", d, n_html)
    finally:
        os.killpg(srv.pid, signal.SIGTERM)


C_RENAMES = (("SPOOLGATE_H", "COUDEFEED_H"), ("spoolgate", "coudefeed"), ("spool_t", "mirror_t"),
             ("spools", "mirrors"), ("gate_t", "slit_t"), ("gate_weight", "slit_width"), ("gate_find", "slit_find"),
             ("twist_permille", "seeing_permille"), ("yarn_g", "flux_g"), ("fibre", "grating"),
             ("passes", "exposures"), ("twist_count_", "seeing_count_"), ("_lot", "_dome"), ('"lot ', '"dome '),
             ("gate", "slit"))
RS_RENAMES = (("tillerhorn", "heliostat"), ("0.7.3", "0.5.2"), ("Tiller horns: sweep from horn bore, helm load and a "
              "ranking of tiller fits.", "Heliostats: track from facet bore, sun load and a ranking of mirror "
              "alignments."),
              ("sweep_n", "track_n"), ("helm_load", "sun_load"), ("bore_um", "facet_um"), ("pintle_um", "pivot_um"),
              ("horn_count", "mirror_count"), ("helm_", "sun_"), ("helm ", "sun "), ("sweep not on", "track not on"),
              ("rudder limit", "azimuth limit"), ("fits", "alignments"), ("spare_", "backup_"))


def c_build(tmp: Path) -> None:
    root = tmp / "coudefeed"
    rnd = random.Random(41012)
    files = {"src/coudefeed.h": renamed(base.GATE_H, C_RENAMES), "src/slit.c": renamed(base.GATE_C, C_RENAMES)}
    for k in range(40):
        files[f"src/echelle_{k:02d}.c"] = renamed(base.gen_c(k, rnd), C_RENAMES)
    objs = " ".join(f"build/{Path(p).stem}.o" for p in files if p.endswith(".c"))
    files["Makefile"] = ("CC=gcc\nCFLAGS=-Wall -Wextra -O1 -Isrc\nOBJS=" + objs + "\n\nall: coudefeed\n\n"
                         "coudefeed: $(OBJS)\n\t$(CC) -o $@ $(OBJS)\n\nbuild/%.o: src/%.c src/coudefeed.h\n"
                         "\t@mkdir -p build\n\t$(CC) $(CFLAGS) -c $< -o $@\n\nclean:\n\trm -rf build coudefeed\n")
    write_tree(root, files)
    cap("make-k-coudefeed", "make -k", root, n_make)
    run("make clean >/dev/null", cwd=root)


def rust(tmp: Path) -> None:
    root = tmp / "heliostat"
    rnd = random.Random(41013)
    broken = renamed(base.BROKEN, RS_RENAMES)
    write_tree(root, {"Cargo.toml": renamed(base.CARGO, RS_RENAMES), "src/lib.rs": renamed(base.LIB, RS_RENAMES),
                      "src/broken.rs": broken, "src/runs.rs": renamed(base.gen_runs(rnd, 200), RS_RENAMES)})
    env = {"CARGO_TARGET_DIR": str(tmp / "heliostat-target"), "CARGO_TERM_COLOR": "never"}
    cap("cargo-build-errors-heliostat", "cargo build 2>&1", root, n_cargo_build, env=env, timeout=900)
    for line in ("    let label: String = idx.len();\n", "    idx.push(mirror_count);\n"):
        assert line in broken, line
        broken = broken.replace(line, "")
    (root / "src/broken.rs").write_text(broken)
    chain("chain-cargo-test-heliostat-exit", "chain-test-exit", "test",
          [Part("cargo test 2>&1 | grep -v '^test .* ok$' | tail -n 480", n_cargo_test),
           Part("echo EXIT=$?", n_status_echo, ";")], root, env=env, timeout=900)


DOCS = {"doc": "/usr/share/doc"}
FW = "doc/nodejs/api"


def specs(root: Path, env: dict) -> list:
    sp = f"{VENV}/lib/python3*/site-packages"
    S: list = [
        B("oc-bash-pytest-rA-v-tail-schedule", n_pytest,
          f"cd sch && PYTHONPATH=. python -m pytest --color=no -p no:cacheprovider -rA -v {TEST} 2>&1 "
          "| tail -n 360"),
        B("oc-bash-ruff-full-schedule", n_ruff,
          f"ruff check --no-cache --isolated --select ALL --output-format=full sch/{CORE} 2>&1 | head -n 1000"),
        B("oc-bash-eslint-mirrorcell", n_eslint, "cd mirrorcell && npx eslint lib"),
        B("oc-bash-gcc-syntax-coudefeed", n_gcc,
          "gcc -Wall -Wextra -fsyntax-only -Icoudefeed/src coudefeed/src/slit.c coudefeed/src/echelle_1[0-9].c"),
        B("oc-bash-cargo-test-heliostat", n_cargo_test, "cd heliostat && cargo test 2>&1 | tail -n 560"),
        B("oc-bash-cargo-clippy-heliostat", n_clippy, "cd heliostat && cargo clippy 2>&1 | tail -n 700"),
        B("oc-bash-git-blame-schedule", n_blame, f"cd sch-git && git blame {CORE}"),
        B("oc-bash-git-show-schedule-part", n_show, "cd sch-git && git show ':/^__init__: part 7 '"),
        B("oc-bash-ls-laR-mirrorcell-deps", n_ls_lR,
          "ls -laR mirrorcell/node_modules/object-assign mirrorcell/node_modules/optionator "
          "mirrorcell/node_modules/prelude-ls mirrorcell/node_modules/natural-compare mirrorcell/lib"),
        B("oc-bash-find-printf-eslint-deps", n_find,
          "find mirrorcell/node_modules/path-key mirrorcell/node_modules/shebang-command "
          "mirrorcell/node_modules/optionator mirrorcell/node_modules/@eslint/plugin-kit "
          "-type f -printf '%M %u %s %p\\n' | sort -k3 -n | tail -n 440"),
        B("oc-bash-tree-venv-pluggy-mypy", n_tree,
          f"tree -a --noreport {sp}/pluggy {sp}/pygments/styles {sp}/mypy/server {sp}/mypyc/irbuild "
          "| head -n 600"),
        B("oc-bash-ps-aux-mem-head-70", n_ps_aux, "ps aux --sort=-rss | head -n 70"),
        B("oc-bash-sqlite-domefiles-largest", n_sqlite_col,
          "sqlite3 -header -column domefiles.db \"SELECT path, kind, name, CAST(bytes AS INT) AS bytes, links, "
          "modified FROM domefiles ORDER BY CAST(bytes AS INT) DESC, path LIMIT 110\""),
        B("oc-bash-csv-grep-domefiles-screen-netpbm", n_csv,
          "(head -n 1 domefiles.csv; grep -E '^(screen|proftpd|syslog-ng|netpbm|pkgconfig)/' domefiles.csv) "
          "| head -n 400"),
        B("oc-bash-log-grep-warn-error-observatory", n_app_log,
          "grep -v DEBUG observatory.log | grep -v ' INFO ' | head -n 380; grep -c ERROR observatory.log"),
    ]
    mypy = "mypy --strict --config-file /dev/null --no-incremental --cache-dir=/dev/null --pretty"
    S.append(C("oc-bash-chain-mypy-strict-schedule", "chain-lint", "lint",
               [Part("cd sch", None), Part(f"{mypy} {CORE} {TEST} 2>&1 | tail -n 400", n_mypy, "&&")],
               root, env, "Type-check schedule"))
    S.append(C("oc-bash-chain-git-status-diff", "chain-git-status-diff", "git",
               [Part("cd sch-git", None), Part("git status", n_status, "&&"), Part("git diff --stat", None, "&&"),
                Part("git diff", n_diff, "&&")], root, env, "Show the working tree changes"))
    S.append(C("oc-bash-chain-make-k-exit", "chain-build-exit", "build",
               [Part("make -C coudefeed -k -B 2>&1 | tail -n 300", n_gcc), Part("echo EXIT=$?", None, ";")],
               root, env, "Build coudefeed"))
    bu = "{BASE}"
    O = [
        Spec("oc-grep-schedule-def-raise", "oc-grep", "search", "grep",
             {"pattern": r"def \w+\(|self\.assert\w+\(|raise |return ", "path": "sch", "include": "*.py"}),
        Spec("oc-grep-eslint-rules-utils", "oc-grep", "search", "grep",
             {"pattern": r"throw new \w*Error\(|function \w+\(", "path": "mirrorcell/node_modules/eslint/lib/rules/utils"}),
        Spec("oc-grep-mirrorcell-lib", "oc-grep", "search", "grep",
             {"pattern": r"function \w+|throw |return |var \w+", "path": "mirrorcell/lib"}),
        Spec("oc-glob-eslint-rules-js", "oc-glob", "listing", "glob",
             {"pattern": "**/*.js", "path": "mirrorcell/node_modules/eslint/lib/rules"}),
        Spec("oc-glob-coudefeed-c", "oc-glob", "listing", "glob", {"pattern": "**/*.[ch]", "path": "coudefeed"}),
        Spec("oc-read-py-schedule", "oc-read-source", "code", "read", {"filePath": "{ROOT}/sch/" + CORE}, "python"),
        Spec("oc-read-py-schedule-test", "oc-read-source", "code", "read", {"filePath": "{ROOT}/sch/" + TEST},
             "python"),
        Spec("oc-read-js-object-assign-cjs", "oc-read-source", "code", "read",
             {"filePath": "{ROOT}/mirrorcell/lib/object-assign.cjs"}, "js"),
        Spec("oc-webfetch-md-nodejs-report", "oc-webfetch-markdown", "doc", "webfetch",
             {"url": f"{bu}/{FW}/report.html", "format": "markdown"}, source=f"{FW}/report.html"),
        Spec("oc-webfetch-html-nodejs-sea", "oc-webfetch-html", "doc", "webfetch",
             {"url": f"{bu}/{FW}/single-executable-applications.html", "format": "html"},
             source=f"{FW}/single-executable-applications.html"),
        Spec("oc-webfetch-text-nodejs-net", "oc-webfetch-text", "doc", "webfetch",
             {"url": f"{bu}/{FW}/net.html", "format": "text"}, source=f"{FW}/net.html"),
    ]
    for spec in O:
        if "filePath" in spec.args:
            spec.args["filePath"] = spec.args["filePath"].replace("{ROOT}", str(root))
        S.append((spec, oc_ext(spec.kind, spec.family, spec)))
    return S


def _doc_server(serve_dir: str) -> http.server.ThreadingHTTPServer:
    """capture_opencode.start_doc_server on the round's own loopback port (28410), round 396's way."""
    import threading
    handler = functools.partial(oco._QuietHandler, directory=serve_dir)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 28410), handler)
    threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.1}, daemon=True).start()
    return server


def opencode(tmp: Path) -> None:
    orig = oco.start_doc_server, oco.StubServer
    oco.start_doc_server = _doc_server
    oco.StubServer = functools.partial(orig[1], port=38410)
    try:
        run_round(
            tmp,
            f"cp -r {tmp}/{SV} sch && cp -r {tmp}/schedule-git sch-git && "
            f"cp -r {tmp}/coudefeed coudefeed && cp -r {tmp}/heliostat heliostat && "
            f"cp {tmp}/data/domefiles.db {tmp}/data/domefiles.csv {tmp}/data/observatory.log . && "
            f"mkdir mirrorcell && cp -r {tmp}/mirrorcell/lib {tmp}/mirrorcell/package.json "
            f"{tmp}/mirrorcell/eslint.config.js {tmp}/mirrorcell/tsconfig.json mirrorcell/ && "
            f"ln -s {JS}/node_modules mirrorcell/node_modules",
            "find . -name __pycache__ -prune -exec rm -rf {} + ; "
            "rm -rf sch/.mypy_cache sch/.ruff_cache sch/.pytest_cache",
            DOCS, VENV, JS, specs, add, seed=41010,
        )
    finally:
        oco.start_doc_server, oco.StubServer = orig


STEPS = [python, git_history, js_project, data, c_build, rust, opencode]
