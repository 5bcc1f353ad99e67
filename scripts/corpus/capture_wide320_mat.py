"""Round 320, the material and a few direct items: uncertainties' sdist with bugs put in (its own tests with pytest,
ruff, and its code run wrongly into a chained traceback), the tagkiln project (etag under a generated node --test suite
whose expectations come from the unbroken package), a git history built by committing uncertainties' sources in steps,
the files of /usr/share/vim as a CSV and a sqlite table, an application log, npm view --json, and nodejs's installed
api/path.html served on loopback and fetched with curl. The trees stay under the round's scratch dir for OpenCode's run.
Each kind's extractor is the earlier rounds', imported (NEEDLES.md's "Round 320: no new rules"). Run through
capture_wide320.py."""

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
from capture_wide320 import JS, SRC, cap

SV = "uncertainties-3.2.3"
OPS = "uncertainties/ops.py"
CORE = "uncertainties/core.py"
FMT = "uncertainties/formatting.py"
UMATH = "uncertainties/umath_core.py"
GIT_ENV = {"GIT_CONFIG_NOSYSTEM": "1", "GIT_CONFIG_GLOBAL": "/dev/null"}
PY_ENV = {"PYTHONPATH": "."}
PEOPLE = [("Aurelie Nkemelu-Strand", "aurelie@example.org"), ("Piotr Szymanowski", "piotr@example.org"),
          ("Aurelie Nkemelu-Strand", "aurelie@example.org"), ("Kenji Abernathy", "kenji@example.org")]

# The bugs put in: true division's derivative with respect to the divisor with the wrong sign; std_score measured from
# the value to the nominal value (sign flipped); the PDG rounding rule's first boundary exclusive (354 gets one digit);
# atanh's derivative 1/(1+x**2) instead of 1/(1-x**2).
BUGS = [(OPS, '        "truediv": ("1/y", "-x/y**2"),\n', '        "truediv": ("1/y", "x/y**2"),\n'),
        (CORE, "            return (value - self._nominal_value) / self.std_dev\n",
         "            return (self._nominal_value - value) / self.std_dev\n"),
        (FMT, "    if digits <= 354:\n", "    if digits < 354:\n"),
        (UMATH, '    "atanh": [lambda x: 1 / (1 - x**2)],\n', '    "atanh": [lambda x: 1 / (1 + x**2)],\n')]

SCRIPT = r"""
from uncertainties import ufloat_fromstr
from uncertainties.umath import exp


class AnnealPlanError(Exception):
    pass


READINGS = [
    {"lehr": "lehr-east-1", "strain_point": "510.0+/-2.5", "glass": "soda-lime goblets"},
    {"lehr": "lehr-east-2", "strain_point": "(4.85 +/- 0.03)e2", "glass": "borosilicate flasks"},
    {"lehr": "lehr-west-3", "strain_point": "472,5+/-1.8", "glass": "lead crystal bowls"},
]


def soak(reading):
    try:
        strain = ufloat_fromstr(reading["strain_point"])
    except ValueError as exc:
        raise AnnealPlanError(f"lehr {reading['lehr']!r}: strain point {reading['strain_point']!r} is not a reading") from exc
    anneal = strain + 40
    minutes = 30 * exp((anneal - 500) / 100)
    return f"{reading['lehr']:12} {reading['glass']:20} anneal {anneal:.1uP} C, soak {minutes:.2uP} min"


for reading in READINGS:
    print(soak(reading))
"""


def python(tmp: Path) -> None:
    cp = tmp / SV
    put_bugs(cp, BUGS)
    cap("pytest-uncertainties-v-tbshort", "python -m pytest -v --tb=short -p no:cacheprovider "
        "--continue-on-collection-errors tests 2>&1 | grep -v PASSED", cp, n_pytest, timeout=900)
    chain("chain-uncertainties-pytest-q-exit", "chain-test-exit", "test",
          [Part("python -m pytest -q -p no:cacheprovider --tb=long tests/test_formatting.py tests/test_umath.py",
                n_pytest), Part("echo EXIT=$?", n_status_echo, ";")], cp, timeout=900)
    cap("ruff-concise-uncertainties-all",
        "ruff check --no-cache --isolated --select ALL --output-format=concise uncertainties tests | head -n 900", cp,
        n_ruff)
    d = tmp / "glassworks"
    d.mkdir()
    (d / "anneal_plan.py").write_text(SCRIPT)
    cap("python-chained-traceback-anneal-plan", "python3 anneal_plan.py", d, n_chained, env={"PYTHONPATH": str(cp)})


def git_history(tmp: Path) -> None:
    repo = history(tmp, SRC, "uncertainties", SV, [OPS, FMT, "tests/test_formatting.py", "README.rst"], PEOPLE,
                   32001, 30, BUGS)
    (repo / "NOTES.local").write_text("truediv d/dy sign; std_score flipped; PDG 354 exclusive; atanh 1/(1+x2)\n")
    cap("git-log-p-uncertainties-head-1600", "git log -p | head -n 1600", repo, n_log_p, env=GIT_ENV)


FIXTURES = r"""
import fs from 'node:fs';
import {createRequire} from 'node:module';
const etag = createRequire(import.meta.url)('./node_modules/etag/index.js');
let seed = 32002;
const rnd = () => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed / 2147483648; };
const pick = a => a[Math.floor(rnd() * a.length)];
const words = ['gather', 'punty', 'marver', 'jack', 'blowpipe', 'glory hole', 'lehr', 'cullet', 'frit', 'batch',
               'kiln', 'crucible', 'parison', 'bench', 'paddle', 'block', 'shears', 'tweezers'];
const wide = ['Glasbläser', 'façonnage', 'verre soufflé', 'стекло', 'ガラス工房', 'vidrio ñ', 'Ölofen', '熔炉', 'κάμινος'];
function text() {
  const r = rnd();
  if (r < 0.08) return '';
  const n = 1 + Math.floor(rnd() * 12);
  const parts = [];
  for (let k = 0; k < n; k++) parts.push(rnd() < 0.22 ? pick(wide) : pick(words));
  if (r > 0.9) return parts.join(' ').repeat(20 + Math.floor(rnd() * 200));
  return parts.join(pick([' ', '-', '/', '\n']));
}
let out = "import {test} from 'node:test';\nimport assert from 'node:assert/strict';\nimport {createRequire} from 'node:module';\n";
out += "const etag = createRequire(import.meta.url)('../lib/etag.cjs');\n\n";
for (let i = 0; i < 300; i++) {
  const id = String(i).padStart(3, '0');
  const r = rnd();
  const opt = pick([undefined, undefined, {weak: true}, {weak: false}]);
  const optSrc = opt === undefined ? '' : `, ${JSON.stringify(opt)}`;
  let expr, value, label;
  if (r < 0.3) {
    const st = {ctime: new Date(1.6e12 + Math.floor(rnd() * 1e11)), mtime: new Date(1.6e12 + Math.floor(rnd() * 1e11)),
                ino: Math.floor(rnd() * 1e7), size: pick([0, 7, 9, 10, 15, 16, 255, 4096]) + Math.floor(rnd() * (rnd() < 0.5 ? 10 : 1e6))};
    expr = `{ctime: new Date(${st.ctime.getTime()}), mtime: new Date(${st.mtime.getTime()}), ino: ${st.ino}, size: ${st.size}}`;
    value = st; label = `stats size=${st.size}`;
  } else if (r < 0.55) {
    const t = text();
    expr = `Buffer.from(${JSON.stringify(t)})`; value = Buffer.from(t); label = `buffer len=${value.length}`;
  } else {
    const t = text();
    expr = JSON.stringify(t); value = t; label = `string ${JSON.stringify(t.slice(0, 24)).replace(/['\\]/g, '')}`;
  }
  const want = etag(value, opt);
  out += `test('etag ${id} ${label}${opt ? ' weak=' + opt.weak : ''}', () => {\n`;
  out += `  assert.equal(etag(${expr}${optSrc}), ${JSON.stringify(want)});\n});\n\n`;
}
out += "test('etag rejects a number', () => {\n  assert.throws(() => etag(42), /argument entity must be string/);\n});\n";
fs.writeFileSync('spec/etag.test.mjs', out);
"""

APP = """import {createRequire} from 'node:module';
const etag = createRequire(import.meta.url)('./etag.cjs');

export function cacheHeaders(req, body, stat) {
  var tag = stat ? etag(stat) : etag(body, {weak: req.weak == true}), match = req.headers['if-none-match'];
  if (match && match.split(/ *, */).indexOf(tag) != -1) return {status: 304, headers: {ETag: tag}}
  if (match == '*') return {status: 304, headers: {ETag: tag}}
  return {status: 200, headers: {ETag: tag, 'Content-Length': String(Buffer.byteLength(body))}, body: body};
}
"""

# The bugs put in: a string's length counted in UTF-16 units instead of UTF-8 bytes; a stat's size written in decimal
# instead of hex; fs.Stats no longer weak by default; the empty entity's fast-path tag with a hash one character short.
JS_BUGS = [("etag.cjs", "    ? Buffer.byteLength(entity, 'utf8')\n", "    ? entity.length\n"),
           ("etag.cjs", "  var size = stat.size.toString(16)\n", "  var size = stat.size.toString(10)\n"),
           ("etag.cjs", "    ? options.weak\n    : isStats\n", "    ? options.weak\n    : false\n"),
           ("etag.cjs", "    return '\"0-2jmj7l5rSw0yVb/vlWAYkK/YBwk\"'\n", "    return '\"0-2jmj7l5rSw0yVb/vlWAYkK/YBw\"'\n")]


def js_project(tmp: Path) -> None:
    root = tmp / "tagkiln"
    nm = JS / "node_modules"
    for d in ("lib", "spec"):
        (root / d).mkdir(parents=True, exist_ok=True)
    run(f"ln -s {nm} node_modules", cwd=root)
    write_tree(root, {"package.json": json.dumps({"name": "tagkiln", "version": "0.4.2", "type": "module",
                                                  "scripts": {"test": "node --test spec/"}}, indent=2) + "\n",
                      "fixtures.mjs": FIXTURES, "eslint.config.js": ESLINT_CONFIG, "lib/cache.js": APP,
                      "tsconfig.json": TSCONFIG})
    run("node fixtures.mjs && rm fixtures.mjs", cwd=root)
    run(f"cp {nm}/etag/index.js lib/etag.cjs", cwd=root)
    for rel, old, new in JS_BUGS:
        f = root / "lib" / rel
        text = f.read_text()
        assert text.count(old) == 1, (rel, old)
        f.write_text(text.replace(old, new, 1))
    chain("chain-node-test-tagkiln-exit", "chain-test-exit", "test",
          [Part("node --test spec/ 2>&1 | tail -n 650", n_node_test), Part("echo EXIT=$?", n_status_echo, ";")], root,
          timeout=600)
    cap("npm-view-etag-json", "npm view etag --json", tmp, n_npm_view, timeout=300)


LOG_MSGS = {
    "INFO": lambda r: f"pot {r.randint(1, 8)} gathered for bench {r.randint(1, 12)}: {r.randint(80, 2400)} g "
                      f"{r.choice(['soda-lime', 'borosilicate', 'lead crystal', 'cullet'])} at {r.randint(1040, 1180)} C",
    "DEBUG": lambda r: f"lehr zone {r.randint(1, 6)} thermocouple read {r.randint(3800, 5600) / 10} C in {r.randint(1, 30)} ms",
    "WARNING": lambda r: f"pot {r.randint(1, 8)} seed count {r.randint(4, 60)} per cm3, fining held for {r.randint(5, 90)} min",
    "ERROR": lambda r: f"glory hole {r.randint(1, 4)} burner flameout at reheat {r.randint(2, 40)}, bench {r.randint(1, 12)} idle",
}


def data(tmp: Path) -> None:
    d = tmp / "data"
    d.mkdir()
    rows = []
    base = Path("/usr/share/vim")
    for p in sorted(base.rglob("*")):
        if p.is_file() and not p.is_symlink():
            st = p.stat()
            rel = p.relative_to(base)
            rows.append([str(rel), rel.parts[1] if len(rel.parts) > 2 else "-", p.name, st.st_size, st.st_nlink,
                         time.strftime("%Y-%m-%d", time.gmtime(st.st_mtime))])
    with open(d / "vimfiles.csv", "w", newline="") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(["path", "area", "name", "bytes", "links", "modified"])
        w.writerows(rows)
    run("sqlite3 vimfiles.db '.mode csv' '.import vimfiles.csv vimfiles'", cwd=d)
    app_log(d / "gatherpot.log", 32005, 1800, ["gatherpot.furnace", "gatherpot.lehr", "gatherpot.api", "gatherpot.bench"],
            LOG_MSGS, 9320, "2026-12-02")
    cap("app-log-gatherpot-tail-750", "tail -n 750 gatherpot.log", d, n_app_log)
    srv = cm.start("cd /usr/share/doc/nodejs/api && exec python3 -m http.server 18320 --bind 127.0.0.1")
    try:
        time.sleep(1.5)
        cap("curl-html-nodejs-api-path", "curl -s http://127.0.0.1:18320/path.html", d, n_html)
    finally:
        os.killpg(srv.pid, signal.SIGTERM)


STEPS = [python, git_history, js_project, data]
