"""Round 324, the material and a few direct items: humanize's sdist with bugs put in (its own tests with pytest, ruff,
and its code run wrongly into a chained traceback), the lenscourt project (negotiator under a generated node --test
suite whose expectations come from the unbroken package), a git history built by committing humanize's sources in
steps, the files of /usr/share/cmake-3.25 as a CSV and a sqlite table, an application log, npm view --json, and
nodejs's installed api/https.html served on loopback and fetched with curl. The trees stay under the round's scratch
dir for OpenCode's run. Each kind's extractor is the earlier rounds', imported (NEEDLES.md's "Round 324: no new
rules"); round 320's steps are the pattern, their generators (capture_material.history, app_log, put_bugs) imported.
Run through capture_wide324.py."""

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
from capture_wide324 import JS, SRC, cap

SV = "humanize-4.17.0"
NUM = "src/humanize/number.py"
TIME = "src/humanize/time.py"
SIZE = "src/humanize/filesize.py"
LISTS = "src/humanize/lists.py"
GIT_ENV = {"GIT_CONFIG_NOSYSTEM": "1", "GIT_CONFIG_GLOBAL": "/dev/null"}
PEOPLE = [("Morwenna Tregarthen", "morwenna@example.org"), ("Alasdair MacLeod-Ferris", "alasdair@example.org"),
          ("Morwenna Tregarthen", "morwenna@example.org"), ("Grace Ashworth-Darling", "grace@example.org")]

# The bugs put in: ordinal's teen exception losing 13 (13 -> "13rd"); binary sizes (KiB, MiB) divided by 1000; a
# natural list of three or more dropping its second-to-last item; intword's power found with bisect_left (an exact
# power, one million, reads as "1000.0 thousand").
BUGS = [(NUM, "    digit = 0 if value % 100 in (11, 12, 13) else value % 10\n",
         "    digit = 0 if value % 100 in (11, 12) else value % 10\n"),
        (SIZE, "    base = 1024 if (gnu or binary) else 1000\n", "    base = 1024 if gnu else 1000\n"),
        (LISTS, '    return ", ".join(item_list[:-1]) + f" and {item_list[-1]}"\n',
         '    return ", ".join(item_list[:-2]) + f" and {item_list[-1]}"\n'),
        (NUM, "    ordinal = bisect.bisect_right(powers, value)\n", "    ordinal = bisect.bisect_left(powers, value)\n")]

SCRIPT = r"""
import datetime as dt

import humanize


class WatchLogError(Exception):
    pass


WATCHES = [
    {"keeper": "M. Tregarthen", "station": "Longships", "lamp_lit": 18540, "oil_ml": 2150, "unit": "seconds"},
    {"keeper": "A. MacLeod", "station": "Skerryvore", "lamp_lit": 31205.5, "oil_ml": 1980, "unit": "milliseconds"},
    {"keeper": "G. Darling", "station": "Longstone", "lamp_lit": 27090, "oil_ml": 2410, "unit": "minutes"},
]


def summary(watch):
    lit = dt.timedelta(seconds=watch["lamp_lit"])
    try:
        told = humanize.naturaldelta(lit, minimum_unit=watch["unit"])
    except ValueError as exc:
        raise WatchLogError(
            f"watch of {watch['keeper']!r} at {watch['station']}: lamp time cannot be logged in {watch['unit']!r}"
        ) from exc
    return (f"{watch['station']:12} {watch['keeper']:14} lamp lit {told}, "
            f"oil {humanize.intcomma(watch['oil_ml'])} ml ({humanize.naturalsize(watch['oil_ml'] * 920)})")


for watch in WATCHES:
    print(summary(watch))
"""


def python(tmp: Path) -> None:
    cp = tmp / SV
    put_bugs(cp, BUGS)
    cap("pytest-humanize-v-tbshort", "PYTHONPATH=src python -m pytest -v --tb=short -p no:cacheprovider "
        "--ignore=tests/test_benchmarks.py 2>&1 | grep -v PASSED", cp, n_pytest, timeout=900)
    chain("chain-humanize-pytest-q-exit", "chain-test-exit", "test",
          [Part("PYTHONPATH=src python -m pytest -q -p no:cacheprovider --tb=long tests/test_number.py tests/test_lists.py",
                n_pytest), Part("echo EXIT=$?", n_status_echo, ";")], cp, timeout=900)
    cap("ruff-concise-humanize-all",
        "ruff check --no-cache --isolated --select ALL --output-format=concise src tests | head -n 900", cp, n_ruff)
    d = tmp / "keepers"
    d.mkdir()
    (d / "watch_log.py").write_text(SCRIPT)
    cap("python-chained-traceback-watch-log", "python3 watch_log.py", d, n_chained, env={"PYTHONPATH": str(cp / "src")})


def git_history(tmp: Path) -> None:
    repo = history(tmp, SRC, "humanize", SV, [NUM, TIME, "tests/test_number.py", "README.md"], PEOPLE, 32410, 30, BUGS)
    (repo / "NOTES.local").write_text("ordinal 13; binary base 1000; natural_list drops one; intword bisect_left\n")
    cap("git-log-p-humanize-head-1600", "git log -p | head -n 1600", repo, n_log_p, env=GIT_ENV)


FIXTURES = r"""
import fs from 'node:fs';
import {createRequire} from 'node:module';
const Negotiator = createRequire(import.meta.url)('./node_modules/negotiator/index.js');
let seed = 32411;
const rnd = () => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed / 2147483648; };
const pick = a => a[Math.floor(rnd() * a.length)];
const KINDS = {
  accept: {methods: ['mediaTypes', 'mediaType'], values: ['text/html', 'application/json', 'text/plain', 'image/png',
    'application/xml', 'text/csv', 'application/vnd.keeper+json', 'image/webp'], wild: ['*/*', 'text/*', 'image/*']},
  'accept-language': {methods: ['languages', 'language'], values: ['en', 'en-GB', 'en-US', 'cy', 'gd', 'fr', 'fr-CA',
    'nb', 'is', 'fo', 'kw'], wild: ['*']},
  'accept-charset': {methods: ['charsets', 'charset'], values: ['utf-8', 'iso-8859-1', 'utf-16', 'windows-1252',
    'us-ascii', 'koi8-r'], wild: ['*']},
  'accept-encoding': {methods: ['encodings', 'encoding'], values: ['gzip', 'deflate', 'br', 'identity', 'zstd',
    'compress'], wild: ['*']},
};
const qv = () => pick(['', '', '', ';q=1', ';q=0.9', ';q=0.8', ';q=0.75', ';q=0.5', ';q=0.3', ';q=0.1', ';q=0']);
function header(k) {
  if (rnd() < 0.06) return undefined;
  const n = 1 + Math.floor(rnd() * 5);
  const parts = [];
  for (let j = 0; j < n; j++) {
    const v = rnd() < 0.18 ? pick(k.wild) : pick(k.values);
    parts.push(v + (k.wild.length > 1 && rnd() < 0.15 ? ';level=1' : '') + qv());
  }
  return parts.join(pick([', ', ',', ' ,  ']));
}
function avail(k) {
  if (rnd() < 0.25) return undefined;
  const out = [];
  const n = 1 + Math.floor(rnd() * 5);
  for (let j = 0; j < n; j++) { const v = pick(k.values); if (!out.includes(v)) out.push(v); }
  return out;
}
let out = "import {test} from 'node:test';\nimport assert from 'node:assert/strict';\nimport {createRequire} from 'node:module';\n";
out += "const Negotiator = createRequire(import.meta.url)('../lib/negotiator/index.cjs');\n\n";
const names = Object.keys(KINDS);
for (let i = 0; i < 300; i++) {
  const id = String(i).padStart(3, '0');
  const h = pick(names);
  const k = KINDS[h];
  const method = rnd() < 0.7 ? k.methods[0] : k.methods[1];
  const hv = header(k);
  const av = avail(k);
  const headers = hv === undefined ? {} : {[h]: hv};
  const want = new Negotiator({headers})[method](av);
  const args = av === undefined ? '' : JSON.stringify(av);
  const name = `negotiate ${id} ${method} ${hv === undefined ? '(no header)' : hv.slice(0, 48)}`;
  out += `test(${JSON.stringify(name)}, () => {\n`;
  out += `  const neg = new Negotiator({headers: ${JSON.stringify(headers)}});\n`;
  out += `  assert.deepEqual(neg.${method}(${args}), ${want === undefined ? 'undefined' : JSON.stringify(want)});\n});\n\n`;
}
fs.writeFileSync('spec/negotiate.test.mjs', out);
"""

APP = """import {createRequire} from 'node:module';
const Negotiator = createRequire(import.meta.url)('./negotiator/index.cjs');

export function lampPage(req, bodies) {
  var neg = new Negotiator(req), type = neg.mediaType(Object.keys(bodies)), lang = neg.language(['en', 'cy', 'kw']);
  if (type == null) return {status: 406, headers: {Vary: 'Accept'}}
  var enc = neg.encoding(['gzip', 'identity']) || 'identity';
  return {status: 200, headers: {'Content-Type': type, 'Content-Language': lang, 'Content-Encoding': enc,
    Vary: 'Accept, Accept-Language, Accept-Encoding'}, body: bodies[type]};
}
"""

# The bugs put in: a charset's q parsed with parseInt (q=0.5 becomes 0, not acceptable); identity's implied quality the
# highest q of the header instead of the lowest; languages ranked with the less specific match first; media types of
# equal quality and specificity in reverse header order.
PARTS = ("charset", "encoding", "language", "mediaType")
JS_BUGS = [("charset.cjs", "        q = parseFloat(p[1]);\n", "        q = parseInt(p[1], 10);\n"),
           ("encoding.cjs", "      minQuality = Math.min(minQuality, encoding.q || 1);\n",
            "      minQuality = Math.max(minQuality, encoding.q || 1);\n"),
           ("language.cjs", "  return (b.q - a.q) || (b.s - a.s) || (a.o - b.o) || (a.i - b.i) || 0;\n",
            "  return (b.q - a.q) || (a.s - b.s) || (a.o - b.o) || (a.i - b.i) || 0;\n"),
           ("mediaType.cjs", "  return (b.q - a.q) || (b.s - a.s) || (a.o - b.o) || (a.i - b.i) || 0;\n",
            "  return (b.q - a.q) || (b.s - a.s) || (b.o - a.o) || (a.i - b.i) || 0;\n")]


def js_project(tmp: Path) -> None:
    root = tmp / "lenscourt"
    nm = JS / "node_modules"
    for d in ("lib/negotiator", "spec"):
        (root / d).mkdir(parents=True, exist_ok=True)
    run(f"ln -s {nm} node_modules", cwd=root)
    write_tree(root, {"package.json": json.dumps({"name": "lenscourt", "version": "2.1.0", "type": "module",
                                                  "scripts": {"test": "node --test spec/"}}, indent=2) + "\n",
                      "fixtures.mjs": FIXTURES, "eslint.config.js": ESLINT_CONFIG, "lib/lamp-page.js": APP,
                      "tsconfig.json": TSCONFIG})
    run("node fixtures.mjs && rm fixtures.mjs", cwd=root)
    neg = root / "lib" / "negotiator"
    index = (nm / "negotiator" / "index.js").read_text()
    for p in PARTS:  # the package's files side by side as CommonJS (.cjs: lenscourt is an ES module package)
        assert index.count(f"require('./lib/{p}')") == 1, p
        index = index.replace(f"require('./lib/{p}')", f"require('./{p}.cjs')")
        (neg / f"{p}.cjs").write_text((nm / "negotiator" / "lib" / f"{p}.js").read_text())
    (neg / "index.cjs").write_text(index)
    put_bugs(neg, JS_BUGS)
    chain("chain-node-test-lenscourt-exit", "chain-test-exit", "test",
          [Part("node --test spec/ 2>&1 | tail -n 650", n_node_test), Part("echo EXIT=$?", n_status_echo, ";")], root,
          timeout=600)
    cap("npm-view-negotiator-json", "npm view negotiator --json", tmp, n_npm_view, timeout=300)


LOG_MSGS = {
    "INFO": lambda r: f"lamp {r.randint(1, 3)} lit at {r.randint(16, 19)}:{r.randint(0, 59):02d}, wick trimmed to "
                      f"{r.randint(8, 30)} mm, oil {r.randint(400, 2600)} ml in the reservoir",
    "DEBUG": lambda r: f"lens clockwork rotation {r.randint(290, 330) / 10} s, weight {r.randint(5, 95)}% down the tower",
    "WARNING": lambda r: f"fog signal {r.choice(['north', 'south'])} horn pressure {r.randint(18, 34)} psi, "
                         f"visibility {r.randint(1, 9) / 10} nmi",
    "ERROR": lambda r: f"lamp {r.randint(1, 3)} mantle failed at watch {r.randint(1, 6)}, keeper "
                       f"{r.choice(['Tregarthen', 'MacLeod', 'Darling', 'Pengelly'])} relit it after {r.randint(2, 40)} s",
}


def data(tmp: Path) -> None:
    d = tmp / "data"
    d.mkdir()
    rows = []
    base = Path("/usr/share/cmake-3.25")
    for p in sorted(base.rglob("*")):
        if p.is_file() and not p.is_symlink():
            st = p.stat()
            rel = p.relative_to(base)
            area = "/".join(rel.parts[:-1][:2]) or "-"
            rows.append([str(rel), area, p.name, st.st_size, st.st_nlink,
                         time.strftime("%Y-%m-%d", time.gmtime(st.st_mtime))])
    with open(d / "cmakefiles.csv", "w", newline="") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(["path", "area", "name", "bytes", "links", "modified"])
        w.writerows(rows)
    run("sqlite3 cmakefiles.db '.mode csv' '.import cmakefiles.csv cmakefiles'", cwd=d)
    app_log(d / "beacon.log", 32414, 1800, ["beacon.lamp", "beacon.lens", "beacon.fog", "beacon.keeper"],
            LOG_MSGS, 7324, "2026-12-02")
    cap("app-log-beacon-tail-750", "tail -n 750 beacon.log", d, n_app_log)
    srv = cm.start("cd /usr/share/doc/nodejs/api && exec python3 -m http.server 18324 --bind 127.0.0.1")
    try:
        time.sleep(1.5)
        cap("curl-html-nodejs-api-https", "curl -s http://127.0.0.1:18324/https.html", d, n_html)
    finally:
        os.killpg(srv.pid, signal.SIGTERM)


STEPS = [python, git_history, js_project, data]
