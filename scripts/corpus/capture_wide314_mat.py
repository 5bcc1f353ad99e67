"""Round 314, the material and a few direct items: python-dateutil's sdist with bugs put in (its own tests with pytest,
ruff, and its code run wrongly into a chained traceback), the slicejar project (range-parser under a generated node
--test suite whose expectations come from the unbroken package), a git history built by committing python-dateutil's
sources in steps, the files of /usr/share/zoneinfo as a CSV and a sqlite table, an application log, npm view --json,
and nodejs's installed api/punycode.html served on loopback and fetched with curl. The trees stay under the round's scratch
dir for OpenCode's run. Each kind's extractor is the earlier rounds', imported (NEEDLES.md's "Round 314: no new
rules"). Run through capture_wide314.py."""

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
from capture_wide314 import JS, SRC, cap

SV = "python-dateutil-2.9.0.post0"
RD = "src/dateutil/relativedelta.py"
PARSER = "src/dateutil/parser/_parser.py"
EASTER = "src/dateutil/easter.py"
GIT_ENV = {"GIT_CONFIG_NOSYSTEM": "1", "GIT_CONFIG_GLOBAL": "/dev/null"}
PY_ENV = {"PYTHONPATH": "src"}
PEOPLE = [("Ines Carvalho-Mbeki", "ines@example.org"), ("Tomasz Wierzbicki", "tomasz@example.org"),
          ("Ines Carvalho-Mbeki", "ines@example.org"), ("Haruto Lindgren", "haruto@example.org")]

# The bugs put in: 12 AM parsed as noon's hour (12) instead of 0; relativedelta normalising months only past 12 (so
# months=12 is not carried into a year); leap days added from February instead of after it; the Orthodox Easter
# Julian-to-Gregorian offset one day too large.
BUGS = [(PARSER, "        elif hour == 12 and ampm == 0:\n            hour = 0\n",
         "        elif hour == 12 and ampm == 0:\n            hour = 12\n"),
        (RD, "            self.days += div * s\n        if abs(self.months) > 11:\n",
         "            self.days += div * s\n        if abs(self.months) > 12:\n"),
        (RD, "        if self.leapdays and month > 2 and calendar.isleap(year):\n",
         "        if self.leapdays and month >= 2 and calendar.isleap(year):\n"),
        (EASTER, "            e = 10\n", "            e = 11\n")]

SCRIPT = r"""
from dateutil import parser
from dateutil.relativedelta import relativedelta


class ShiftPlanError(Exception):
    pass


SHIFTS = [
    {"pan": "north-pan-1", "start": "2026-12-03 05:30", "boil": {"hours": 9}},
    {"pan": "north-pan-2", "start": "3 Dec 2026 2:15 PM", "boil": {"hours": 7, "minutes": 45}},
    {"pan": "grainer-pan-4", "start": "31 Feb 2027 06:00", "boil": {"hours": 11}},
]


def plan(shift):
    try:
        start = parser.parse(shift["start"])
    except parser.ParserError as exc:
        raise ShiftPlanError(f"pan {shift['pan']!r}: boil start {shift['start']!r} is not a date") from exc
    end = start + relativedelta(**shift["boil"])
    return f"{shift['pan']:14} {start:%a %d %b %H:%M} -> {end:%H:%M}"


for shift in SHIFTS:
    print(plan(shift))
"""


def python(tmp: Path) -> None:
    cp = tmp / SV
    put_bugs(cp, BUGS)
    cap("pytest-dateutil-v-tbshort", "PYTHONPATH=src python -m pytest -v --tb=short -p no:cacheprovider "
        "--continue-on-collection-errors tests 2>&1 | grep -v PASSED", cp, n_pytest, timeout=900)
    chain("chain-dateutil-pytest-q-exit", "chain-test-exit", "test",
          [Part("PYTHONPATH=src python -m pytest -q -p no:cacheprovider --tb=long tests/test_relativedelta.py "
                "tests/test_easter.py", n_pytest), Part("echo EXIT=$?", n_status_echo, ";")], cp, timeout=900)
    cap("ruff-concise-dateutil-all",
        "ruff check --no-cache --isolated --select ALL --output-format=concise src/dateutil tests | head -n 900", cp,
        n_ruff)
    d = tmp / "saltworks"
    d.mkdir()
    (d / "shift_plan.py").write_text(SCRIPT)
    cap("python-chained-traceback-shift-plan", "python3 shift_plan.py", d, n_chained,
        env={"PYTHONPATH": str(cp / "src")})


def git_history(tmp: Path) -> None:
    repo = history(tmp, SRC, "dateutil", SV, [RD, EASTER, "tests/test_relativedelta.py", "README.rst"], PEOPLE,
                   31401, 30, BUGS)
    (repo / "NOTES.local").write_text("12 AM -> 12; months carried only past 12; leapdays from Feb; orthodox e=11\n")
    cap("git-log-p-dateutil-head-1600", "git log -p | head -n 1600", repo, n_log_p, env=GIT_ENV)


FIXTURES = r"""
import fs from 'node:fs';
import {createRequire} from 'node:module';
const parse = createRequire(import.meta.url)('./node_modules/range-parser/index.js');
let seed = 31402;
const rnd = () => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed / 2147483648; };
const pick = a => a[Math.floor(rnd() * a.length)];
const sizes = [0, 1, 10, 100, 150, 512, 1000, 1024, 4096, 65536];
function spec(size) {
  const r = rnd();
  const a = Math.floor(rnd() * (size + 20));
  const b = a + Math.floor(rnd() * 200) - 20;
  if (r < 0.15) return `-${Math.floor(rnd() * (size + 5))}`;
  if (r < 0.3) return `${a}-`;
  if (r < 0.4) return `${a}-${a}`;
  if (r < 0.45) return pick(['', 'x-1', '5-2', '-', ' 3 - 9']);
  if (r < 0.55) return `${size - 1}-${size + Math.floor(rnd() * 50)}`;
  return `${a}-${b}`;
}
function header(size) {
  const n = 1 + Math.floor(rnd() * 4);
  const parts = [];
  for (let k = 0; k < n; k++) {
    if (parts.length && rnd() < 0.3) {
      const prev = parts[parts.length - 1].split('-').map(Number);
      if (!isNaN(prev[1])) { parts.push(`${prev[1] + 1}-${prev[1] + 1 + Math.floor(rnd() * 90)}`); continue; }
    }
    parts.push(spec(size));
  }
  return `${pick(['bytes', 'bytes', 'bytes', 'items'])}=${parts.join(pick([',', ', ', ',']))}`;
}
const show = v => typeof v === 'number' ? String(v) : `Object.assign(${JSON.stringify([...v])}, {type: ${JSON.stringify(v.type)}})`;
let out = "import {test} from 'node:test';\nimport assert from 'node:assert/strict';\nimport {createRequire} from 'node:module';\n";
out += "const parse = createRequire(import.meta.url)('../lib/range-parser.cjs');\n\n";
for (let i = 0; i < 300; i++) {
  const id = String(i).padStart(3, '0');
  const size = pick(sizes);
  const h = rnd() < 0.04 ? pick(['bytes', 'bytes 0-9', '=0-1']) : header(size);
  const combine = rnd() < 0.35;
  const want = combine ? parse(size, h, {combine: true}) : parse(size, h);
  const call = combine ? `parse(${size}, ${JSON.stringify(h)}, {combine: true})` : `parse(${size}, ${JSON.stringify(h)})`;
  out += `test('range ${id} size=${size} ${h.replace(/['\\\n]/g, '').slice(0, 50)}${combine ? ' combined' : ''}', () => {\n`;
  out += `  assert.deepEqual(${call}, ${show(want)});\n});\n\n`;
}
fs.writeFileSync('spec/range.test.mjs', out);
"""

APP = """import {createRequire} from 'node:module';
const parse = createRequire(import.meta.url)('./range-parser.cjs');

export function sliceFor(size, header, opts) {
  var ranges = parse(size, header, {combine: opts.combine == true}), out = [];
  if (ranges == -1) return {status: 416, headers: {'Content-Range': 'bytes */' + size}}
  if (ranges == -2 || ranges.type != 'bytes') return {status: 200, length: size}
  for (var i = 0; i < ranges.length; i++) { out.push('bytes ' + ranges[i].start + '-' + ranges[i].end + '/' + size) }
  return {status: 206, parts: out, length: ranges.reduce(function (n, r) { return n + r.end - r.start + 1 }, 0)};
}
"""

# The bugs put in: a suffix range (`-N`) starting one byte early; the last-byte clamp letting `end` reach `size`; a
# one-byte range (`N-N`) refused as if start were past end; adjacent ranges no longer merged by `combine`.
JS_BUGS = [("range-parser.cjs", "      start = size - end\n", "      start = size - end - 1\n"),
           ("range-parser.cjs", "    if (end > size - 1) {\n      end = size - 1\n",
            "    if (end > size) {\n      end = size\n"),
           ("range-parser.cjs", "isNaN(end) || start > end ||", "isNaN(end) || start >= end ||"),
           ("range-parser.cjs", "if (range.start > current.end + 1) {", "if (range.start > current.end) {")]


def js_project(tmp: Path) -> None:
    root = tmp / "slicejar"
    nm = JS / "node_modules"
    for d in ("lib", "spec"):
        (root / d).mkdir(parents=True, exist_ok=True)
    run(f"ln -s {nm} node_modules", cwd=root)
    write_tree(root, {"package.json": json.dumps({"name": "slicejar", "version": "0.9.1", "type": "module",
                                                  "scripts": {"test": "node --test spec/"}}, indent=2) + "\n",
                      "fixtures.mjs": FIXTURES, "eslint.config.js": ESLINT_CONFIG, "lib/slice.js": APP,
                      "tsconfig.json": TSCONFIG})
    run("node fixtures.mjs && rm fixtures.mjs", cwd=root)
    run(f"cp {nm}/range-parser/index.js lib/range-parser.cjs", cwd=root)
    for rel, old, new in JS_BUGS:
        f = root / "lib" / rel
        text = f.read_text()
        assert text.count(old) == 1, (rel, old)
        f.write_text(text.replace(old, new, 1))
    chain("chain-node-test-slicejar-exit", "chain-test-exit", "test",
          [Part("node --test spec/ 2>&1 | tail -n 650", n_node_test), Part("echo EXIT=$?", n_status_echo, ";")], root,
          timeout=600)
    cap("npm-view-range-parser-json", "npm view range-parser --json", tmp, n_npm_view, timeout=300)


LOG_MSGS = {
    "INFO": lambda r: f"pan {r.randint(1, 9)} drawn rake {r.randint(1, 300)}: {r.randint(20, 400)} kg "
                      f"{r.choice(['flake', 'grainer', 'fine', 'coarse'])} salt at {r.randint(85, 109)} C",
    "DEBUG": lambda r: f"brine gauge {r.randint(1, 6)} read {r.randint(180, 265) / 10} degBe in {r.randint(1, 30)} ms",
    "WARNING": lambda r: f"pan {r.randint(1, 9)} scale crust {r.randint(2, 18)} mm, fire eased for {r.randint(5, 60)} min",
    "ERROR": lambda r: f"feed pump {r.randint(1, 6)} lost prime at boil {r.randint(3, 40)}, pan {r.randint(1, 9)} dry",
}


def data(tmp: Path) -> None:
    d = tmp / "data"
    d.mkdir()
    rows = []
    base = Path("/usr/share/zoneinfo")
    for p in sorted(base.rglob("*")):
        if p.is_file() and not p.is_symlink():
            st = p.stat()
            rel = p.relative_to(base)
            rows.append([str(rel), rel.parts[0] if len(rel.parts) > 1 else "-", p.name, st.st_size, st.st_nlink,
                         time.strftime("%Y-%m-%d", time.gmtime(st.st_mtime))])
    with open(d / "zones.csv", "w", newline="") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(["path", "area", "name", "bytes", "links", "modified"])
        w.writerows(rows)
    run("sqlite3 zones.db '.mode csv' '.import zones.csv zones'", cwd=d)
    app_log(d / "brinepan.log", 31405, 1800, ["brinepan.pan", "brinepan.feed", "brinepan.api", "brinepan.rake"],
            LOG_MSGS, 9314, "2026-12-02")
    cap("app-log-brinepan-tail-750", "tail -n 750 brinepan.log", d, n_app_log)
    srv = cm.start("cd /usr/share/doc/nodejs/api && exec python3 -m http.server 18314 --bind 127.0.0.1")
    try:
        time.sleep(1.5)
        cap("curl-html-nodejs-api-punycode", "curl -s http://127.0.0.1:18314/punycode.html", d, n_html)
    finally:
        os.killpg(srv.pid, signal.SIGTERM)


STEPS = [python, git_history, js_project, data]
