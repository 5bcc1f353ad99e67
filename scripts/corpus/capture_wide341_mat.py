"""Round 341, the material and a few direct items: sqids' sdist with bugs put in (its own tests with pytest, ruff, and
its code run wrongly into a chained traceback), the escapewheel project (ms under a generated node --test suite whose
expectations come from the unbroken package), a git history built by committing sqids' sources in steps, the files of
/usr/share/gimp as a CSV and a sqlite table, an application log, npm view --json, and valgrind's installed
drd-manual.html served on loopback and fetched with curl. The trees stay under the round's scratch dir for OpenCode's
run. Each kind's extractor is the earlier rounds', imported (NEEDLES.md's "Round 341: no new rules"); round 324's
steps are the pattern, their generators (capture_material.history, app_log, put_bugs) imported. Run through
capture_wide341.py."""

from __future__ import annotations

import csv
import json
import os
import signal
import time
from pathlib import Path

import capture_more as cm
from capture_material import app_log, history, put_bugs
from capture_more import n_app_log, run, write_tree
from capture_wide import n_chained
from capture_wide9b import Part, chain, n_status_echo
from capture_wide11_files import n_html
from capture_wide15_data import n_npm_view
from capture_wide15_diag import n_pytest, n_ruff
from capture_wide15_js import n_node_test
from capture_wide15_oc import n_log_p
from capture_wide291_mat import ESLINT_CONFIG, TSCONFIG  # round 291's eslint rules and tsconfig, as they are
from capture_wide341 import JS, SRC, cap

SV = "sqids-0.5.2"
CORE = "sqids/sqids.py"
GIT_ENV = {"GIT_CONFIG_NOSYSTEM": "1", "GIT_CONFIG_GLOBAL": "/dev/null"}
PEOPLE = [("Hepzibah Vulliamy", "hepzibah@example.org"), ("Tobias Harrison-Mudge", "tobias@example.org"),
          ("Hepzibah Vulliamy", "hepzibah@example.org"), ("Ottilie Breguet-Frodsham", "ottilie@example.org")]

# The bugs put in: blocklist words of exactly three letters skipped (only longer ones kept); a minimum length of
# exactly 255 (the limit) refused; every id's alphabet offset one short (each encoding differs from the expected one).
BUGS = [(CORE, "                if len(word) < 3:\n", "                if len(word) <= 3:\n"),
        (CORE, "        if min_length < 0 or min_length > MIN_LENGTH_LIMIT:\n",
         "        if min_length < 0 or min_length >= MIN_LENGTH_LIMIT:\n"),
        (CORE, "        offset = (offset + len(numbers)) % len(self.__alphabet)\n",
         "        offset = (offset + len(numbers) - 1) % len(self.__alphabet)\n")]

SCRIPT = r"""
import sqids


class LedgerError(Exception):
    pass


REPAIRS = [
    {"maker": "Vulliamy", "movement": "bracket clock, verge escapement", "job": 4417, "beats": 7200, "bench": 3},
    {"maker": "Harrison", "movement": "longcase, anchor escapement", "job": 4418, "beats": 3600, "bench": 1},
    {"maker": "Mudge", "movement": "lever watch, detached escapement", "job": 4419, "beats": 18000, "bench": -2},
]

TICKETS = sqids.Sqids(min_length=8)


def ticket(repair):
    try:
        return TICKETS.encode([repair["job"], repair["bench"], repair["beats"]])
    except ValueError as exc:
        raise LedgerError(
            f"repair ledger: job {repair['job']} ({repair['movement']}) cannot get a ticket: bench {repair['bench']}"
        ) from exc


for repair in REPAIRS:
    print(f"{ticket(repair):12} {repair['maker']:10} {repair['movement']:34} {repair['beats']:>6} beats/h")
"""


def python(tmp: Path) -> None:
    cp = tmp / SV
    put_bugs(cp, BUGS)
    cap("pytest-sqids-v-tbshort", "python -m pytest -v --tb=short --color=no -p no:cacheprovider 2>&1 | grep -v PASSED", cp,
        n_pytest, timeout=900)
    chain("chain-sqids-pytest-q-exit", "chain-test-exit", "test",
          [Part("python -m pytest -q --color=no -p no:cacheprovider --tb=long tests/test_encoding.py tests/test_alphabet.py",
                n_pytest), Part("echo EXIT=$?", n_status_echo, ";")], cp, timeout=900)
    cap("ruff-concise-sqids-all",
        "ruff check --no-cache --isolated --select ALL --output-format=concise sqids tests assets | head -n 900", cp,
        n_ruff)
    d = tmp / "workshop"
    d.mkdir()
    (d / "repair_ledger.py").write_text(SCRIPT)
    cap("python-chained-traceback-repair-ledger", "python3 repair_ledger.py", d, n_chained,
        env={"PYTHONPATH": str(cp)})


def git_history(tmp: Path) -> None:
    repo = history(tmp, SRC, "sqids", SV, [CORE, "tests/test_encoding.py", "tests/test_blocklist.py", "README.md"],
                   PEOPLE, 34110, 30, BUGS)
    (repo / "NOTES.local").write_text("blocklist len 3 skipped; min_length 255 refused; offset one short\n")
    cap("git-log-p-sqids-head-1600", "git log -p | head -n 1600", repo, n_log_p, env=GIT_ENV)


FIXTURES = r"""
import fs from 'node:fs';
import {createRequire} from 'node:module';
const ms = createRequire(import.meta.url)('./node_modules/ms/index.js');
let seed = 34111;
const rnd = () => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed / 2147483648; };
const pick = a => a[Math.floor(rnd() * a.length)];
const UNITS = ['ms', 'msec', 'msecs', 'millisecond', 'milliseconds', 's', 'sec', 'secs', 'second', 'seconds', 'm',
  'min', 'mins', 'minute', 'minutes', 'h', 'hr', 'hrs', 'hour', 'hours', 'd', 'day', 'days', 'w', 'week', 'weeks',
  'y', 'yr', 'yrs', 'year', 'years', ''];
const SCALE = [1, 1000, 60000, 3600000, 86400000];
function str() {
  const n = pick(['1', '2', '3', '5', '7', '10', '12', '24', '36', '59', '60', '90', '100', '1.5', '2.5', '.5', '0.25',
    '-1', '-3', '-0.5', '365', '1000']);
  return n + pick(['', '', ' ']) + (rnd() < 0.1 ? pick(UNITS).toUpperCase() : pick(UNITS));
}
function num() {
  const v = Math.round((rnd() * 2.4 + 0.3) * pick(SCALE) * pick([1, 1, 1, 1.5, 2, 7, 30]));
  return rnd() < 0.15 ? -v : v;
}
let out = "import {test} from 'node:test';\nimport assert from 'node:assert/strict';\nimport {createRequire} from 'node:module';\n";
out += "const ms = createRequire(import.meta.url)('../lib/ms.cjs');\n\n";
for (let i = 0; i < 300; i++) {
  const id = String(i).padStart(3, '0');
  const r = rnd();
  let call, want, name;
  if (r < 0.45) {
    const s = str();
    call = `ms(${JSON.stringify(s)})`; want = ms(s); name = `escapement ${id} parses ${JSON.stringify(s)}`;
  } else if (r < 0.75) {
    const v = num();
    call = `ms(${v})`; want = ms(v); name = `escapement ${id} formats ${v} short`;
  } else {
    const v = num();
    call = `ms(${v}, {long: true})`; want = ms(v, {long: true}); name = `escapement ${id} formats ${v} long`;
  }
  out += `test(${JSON.stringify(name)}, () => {\n`;
  out += `  assert.deepEqual(${call}, ${want === undefined ? 'undefined' : JSON.stringify(want)});\n});\n\n`;
}
fs.writeFileSync('spec/ms.test.mjs', out);
"""

APP = """import {createRequire} from 'node:module';
const ms = createRequire(import.meta.url)('./ms.cjs');

export function beatReport(clock) {
  var period = ms(clock.period), drift = ms(clock.drift || '0ms'), label = clock.name
  if (period == null) return {ok: false, reason: 'period ' + clock.period + ' not understood'}
  var beats = Math.round(ms('1h') / period);
  return {ok: true, label: label, beats: beats, drift: ms(drift, {long: true}), every: ms(period)};
}
"""

# The bugs put in: a year of 365 days instead of 365.25; short minutes rounded down (Math.floor); the long form's
# plural taken from one unit on instead of one and a half; weeks parsed as five days.
JS_BUGS = [("ms.cjs", "var y = d * 365.25;\n", "var y = d * 365;\n"),
           ("ms.cjs", "    return Math.round(ms / m) + 'm';\n", "    return Math.floor(ms / m) + 'm';\n"),
           ("ms.cjs", "  var isPlural = msAbs >= n * 1.5;\n", "  var isPlural = msAbs > n;\n"),
           ("ms.cjs", "      return n * w;\n", "      return n * d * 5;\n")]


def js_project(tmp: Path) -> None:
    root = tmp / "escapewheel"
    nm = JS / "node_modules"
    for d in ("lib", "spec"):
        (root / d).mkdir(parents=True, exist_ok=True)
    run(f"ln -s {nm} node_modules", cwd=root)
    write_tree(root, {"package.json": json.dumps({"name": "escapewheel", "version": "0.9.4", "type": "module",
                                                  "scripts": {"test": "node --test spec/"}}, indent=2) + "\n",
                      "fixtures.mjs": FIXTURES, "eslint.config.js": ESLINT_CONFIG, "lib/beat-report.js": APP,
                      "tsconfig.json": TSCONFIG})
    run("node fixtures.mjs && rm fixtures.mjs", cwd=root)
    (root / "lib" / "ms.cjs").write_text((nm / "ms" / "index.js").read_text())
    put_bugs(root / "lib", JS_BUGS)
    chain("chain-node-test-escapewheel-exit", "chain-test-exit", "test",
          [Part("node --test spec/ 2>&1 | tail -n 650", n_node_test), Part("echo EXIT=$?", n_status_echo, ";")], root,
          timeout=600)
    cap("npm-view-ms-json", "npm view ms --json", tmp, n_npm_view, timeout=300)


LOG_MSGS = {
    "INFO": lambda r: f"movement {r.randint(1, 4)} wound at {r.randint(6, 9)}:{r.randint(0, 59):02d}, mainspring "
                      f"{r.randint(60, 100)}% set, going train at {r.randint(7000, 7400)} beats/h",
    "DEBUG": lambda r: f"pendulum period {r.randint(9980, 10020) / 10000} s, amplitude {r.randint(25, 45) / 10} deg",
    "WARNING": lambda r: f"escapement {r.choice(['anchor', 'deadbeat', 'grasshopper'])} drop {r.randint(2, 9)} deg, "
                         f"rate {r.choice(['+', '-'])}{r.randint(1, 40)} s/day",
    "ERROR": lambda r: f"striker {r.randint(1, 3)} missed the hour at {r.randint(1, 12)}:00, maker "
                       f"{r.choice(['Vulliamy', 'Harrison', 'Mudge', 'Breguet'])} reset the count wheel after "
                       f"{r.randint(2, 40)} s",
}


def data(tmp: Path) -> None:
    d = tmp / "data"
    d.mkdir()
    rows = []
    base = Path("/usr/share/gimp")
    for p in sorted(base.rglob("*")):
        if p.is_file() and not p.is_symlink():
            st = p.stat()
            rel = p.relative_to(base)
            area = "/".join(rel.parts[:-1][:2]) or "-"
            rows.append([str(rel), area, p.name, st.st_size, st.st_nlink,
                         time.strftime("%Y-%m-%d", time.gmtime(st.st_mtime))])
    with open(d / "gimpfiles.csv", "w", newline="") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(["path", "area", "name", "bytes", "links", "modified"])
        w.writerows(rows)
    run("sqlite3 gimpfiles.db '.mode csv' '.import gimpfiles.csv gimpfiles'", cwd=d)
    app_log(d / "movement.log", 34114, 1800, ["clock.escapement", "clock.pendulum", "clock.movement", "clock.striker"],
            LOG_MSGS, 7341, "2026-12-02")
    cap("app-log-movement-tail-750", "tail -n 750 movement.log", d, n_app_log)
    srv = cm.start("cd /usr/share/doc/valgrind/html && exec python3 -m http.server 18341 --bind 127.0.0.1")
    try:
        time.sleep(1.5)
        cap("curl-html-valgrind-drd-manual", "curl -s http://127.0.0.1:18341/drd-manual.html", d, n_html)
    finally:
        os.killpg(srv.pid, signal.SIGTERM)


STEPS = [python, git_history, js_project, data]
