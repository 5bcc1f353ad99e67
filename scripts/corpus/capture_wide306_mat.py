"""Round 306, the material and a few direct items: PyJWT's sdist with bugs put in (its own tests with pytest, ruff, and
its code run wrongly into a chained traceback), the crumbjar project (cookie under a generated node --test suite whose
expectations come from the unbroken package), a git history built by committing PyJWT's sources in steps, the files of
/usr/share/locale as a CSV and a sqlite table, an application log, npm view --json, and nodejs's installed
api/tty.html served on loopback and fetched with curl. The trees stay under the round's scratch dir for OpenCode's run.
Each kind's extractor is the earlier rounds', imported (NEEDLES.md's "Round 306: no new rules"). Run through
capture_wide306.py."""

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
from capture_wide306 import JS, SRC, cap

SV = "pyjwt-2.15.1"
JWT = "jwt/api_jwt.py"
UTILS = "jwt/utils.py"
GIT_ENV = {"GIT_CONFIG_NOSYSTEM": "1", "GIT_CONFIG_GLOBAL": "/dev/null"}
PEOPLE = [("Oluwaseun Adeyemi", "seun@example.org"), ("Greta Lindqvist", "greta@example.org"),
          ("Oluwaseun Adeyemi", "seun@example.org"), ("Rafael Okonkwo-Brandt", "rafael@example.org")]

# The bugs put in: the expiry check applying the leeway the wrong way round (and at the boundary); the not-before check
# likewise; an audience list matching only when every expected audience is in the token; the issued-at check ignoring
# the leeway.
BUGS = [(JWT, "        if exp <= (now - leeway):\n", "        if exp < (now + leeway):\n"),
        (JWT, "        if nbf > (now + leeway):\n", "        if nbf > (now - leeway):\n"),
        (JWT, "        if all(aud not in audience_claims for aud in audience):\n",
         "        if any(aud not in audience_claims for aud in audience):\n"),
        (JWT, "        if iat > (now + leeway):\n", "        if iat > now:\n")]

SCRIPT = r"""
import jwt


class KilnPassError(Exception):
    pass


YARD_KEY = "tallow-vat-kiln-yard-signing-key-2026"
PASSES = [
    {"kiln": "bottle-kiln", "key": YARD_KEY,
     "claims": {"sub": "stoker-7", "aud": "kilnyard", "exp": 4102444800}},
    {"kiln": "climbing-kiln", "key": YARD_KEY,
     "claims": {"sub": "stoker-12", "aud": ["kilnyard", "glazeroom"], "exp": 4102444800, "nbf": 1767225600}},
    {"kiln": "salt-glaze-kiln", "key": "tallow-vat-kiln-yard-signing-key-2025",
     "claims": {"sub": "stoker-3", "aud": "kilnyard", "exp": 4102444800}},
]


def admit(kiln_pass):
    token = jwt.encode(kiln_pass["claims"], kiln_pass["key"], algorithm="HS256")
    try:
        claims = jwt.decode(token, YARD_KEY, algorithms=["HS256"], audience="kilnyard")
    except jwt.InvalidTokenError as exc:
        raise KilnPassError(f"kiln {kiln_pass['kiln']!r}: firing pass refused") from exc
    return f"{kiln_pass['kiln']:16} admitted: {claims['sub']}"


for kiln_pass in PASSES:
    print(admit(kiln_pass))
"""


def python(tmp: Path) -> None:
    cp = tmp / SV
    put_bugs(cp, BUGS)
    cap("pytest-pyjwt-v-tbshort", "python -m pytest -v --tb=short -p no:cacheprovider tests 2>&1 | grep -v PASSED",
        cp, n_pytest, timeout=900)
    chain("chain-pyjwt-pytest-q-exit", "chain-test-exit", "test",
          [Part("python -m pytest -q -p no:cacheprovider --tb=long tests/test_api_jwt.py tests/test_utils.py",
                n_pytest), Part("echo EXIT=$?", n_status_echo, ";")], cp, timeout=900)
    cap("ruff-concise-pyjwt-all",
        "ruff check --no-cache --isolated --select ALL --output-format=concise jwt tests | head -n 900", cp, n_ruff)
    d = tmp / "kilnyard"
    d.mkdir()
    (d / "admit_kilns.py").write_text(SCRIPT)
    cap("python-chained-traceback-admit-kilns", "python3 admit_kilns.py", d, n_chained, env={"PYTHONPATH": str(cp)})


def git_history(tmp: Path) -> None:
    repo = history(tmp, SRC, "pyjwt", SV, [JWT, UTILS, "tests/test_api_jwt.py", "README.rst"], PEOPLE, 30601, 30,
                   BUGS)
    (repo / "NOTES.local").write_text("exp leeway reversed; nbf leeway reversed; aud any/all; iat without leeway\n")
    cap("git-log-p-pyjwt-head-1600", "git log -p | head -n 1600", repo, n_log_p, env=GIT_ENV)


FIXTURES = r"""
import fs from 'node:fs';
import {createRequire} from 'node:module';
const cookie = createRequire(import.meta.url)('./node_modules/cookie/index.js');
let seed = 30602;
const rnd = () => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed / 2147483648; };
const pick = a => a[Math.floor(rnd() * a.length)];
const names = ['crumb', 'jar_id', 'SID', 'lid', 'oven', '__Host-tin', 'batch', 'Rye', 'proof', 'sourdough', 'crust',
  'larder', 'x-loaf', 'tin.v2', 'hearth'];
const values = ['rye', 'a%20b', '"sealed"', 'spelt=wheat', '%E2%9C%93', '', 'x%ZZ', '"half', '42', 'dough "soft"',
  '  padded  ', 'pan%3Bloaf', 'oat', '"', 'b64+/=='];
function header() {
  const n = 1 + Math.floor(rnd() * 5);
  const parts = [];
  for (let k = 0; k < n; k++) {
    const nm = rnd() < 0.25 && parts.length ? parts[0].split('=')[0].trim() : pick(names);
    parts.push(`${rnd() < 0.2 ? ' ' : ''}${nm}=${pick(values)}`);
  }
  return parts.join(pick(['; ', ';', ';  ']));
}
function options() {
  const o = {};
  if (rnd() < 0.6) o.maxAge = pick([3600, 59.5, 0.9, 86400.25, -1.5, 7.99]);
  if (rnd() < 0.5) o.sameSite = pick([true, 'lax', 'Strict', 'none']);
  if (rnd() < 0.4) o.path = pick(['/', '/jar', '/bakery/ovens']);
  if (rnd() < 0.3) o.domain = pick(['crumbjar.test', '.oven.example']);
  if (rnd() < 0.4) o.httpOnly = true;
  if (rnd() < 0.3) o.secure = true;
  if (rnd() < 0.2) o.priority = pick(['low', 'High']);
  return o;
}
let out = "import {test} from 'node:test';\nimport assert from 'node:assert/strict';\nimport {createRequire} from 'node:module';\n";
out += "const cookie = createRequire(import.meta.url)('../lib/cookie.cjs');\n\n";
for (let i = 0; i < 300; i++) {
  const id = String(i).padStart(3, '0');
  if (rnd() < 0.6) {
    const h = header();
    const want = cookie.parse(h);
    out += `test('parse ${id} ${h.replace(/[\\'\n]/g, '').slice(0, 60)}', () => {\n`;
    out += `  assert.deepEqual(cookie.parse(${JSON.stringify(h)}), ${JSON.stringify(want)});\n});\n\n`;
  } else {
    const nm = pick(names.filter(n => /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/.test(n)));
    const val = pick(['rye', 'oat loaf', 'b=1', 'crust;crumb', '\u2713', '']);
    const opt = options();
    const want = cookie.serialize(nm, val, opt);
    out += `test('serialize ${id} ${nm} ${Object.keys(opt).join('+') || 'bare'}', () => {\n`;
    out += `  assert.equal(cookie.serialize(${JSON.stringify(nm)}, ${JSON.stringify(val)}, ${JSON.stringify(opt)}), ${JSON.stringify(want)});\n});\n\n`;
  }
}
fs.writeFileSync('spec/cookie.test.mjs', out);
"""

APP = """import {createRequire} from 'node:module';
const cookie = createRequire(import.meta.url)('./cookie.cjs');

export function mergeJar(headers, opts) {
  var jar = {}, seen = 0;
  for (var i = 0; i < headers.length; i++) {
    let parsed = cookie.parse(headers[i], {decode: opts.raw == true ? String : undefined});
    for (var k in parsed) { jar[k] = parsed[k]; seen++ }
    if (opts.limit != null && seen > opts.limit) break
  }
  return Object.keys(jar).map(function (k) { return cookie.serialize(k, jar[k], {path: '/', sameSite: opts.sameSite || true}) });
}
"""

# The bugs put in: a value opening with a double quote loses its last character whether or not it closes with one; a
# repeated cookie name keeps its last value instead of its first; Max-Age rounded up; `sameSite: true` written as Lax.
JS_BUGS = [("cookie.cjs", ' && str.charCodeAt(valEndIdx - 1) === 0x22 /* " */', ""),
           ("cookie.cjs", "if (!__hasOwnProperty.call(obj, key)) {", "if (key) {"),
           ("cookie.cjs", "var maxAge = Math.floor(opt.maxAge);", "var maxAge = Math.ceil(opt.maxAge);"),
           ("cookie.cjs", "case true:\n        str += '; SameSite=Strict';", "case true:\n        str += '; SameSite=Lax';")]


def js_project(tmp: Path) -> None:
    root = tmp / "crumbjar"
    nm = JS / "node_modules"
    for d in ("lib", "spec"):
        (root / d).mkdir(parents=True, exist_ok=True)
    run(f"ln -s {nm} node_modules", cwd=root)
    write_tree(root, {"package.json": json.dumps({"name": "crumbjar", "version": "2.3.0", "type": "module",
                                                  "scripts": {"test": "node --test spec/"}}, indent=2) + "\n",
                      "fixtures.mjs": FIXTURES, "eslint.config.js": ESLINT_CONFIG, "lib/jar.js": APP,
                      "tsconfig.json": TSCONFIG})
    run("node fixtures.mjs && rm fixtures.mjs", cwd=root)
    run(f"cp {nm}/cookie/index.js lib/cookie.cjs", cwd=root)
    for rel, old, new in JS_BUGS:
        f = root / "lib" / rel
        text = f.read_text()
        assert old in text, (rel, old)
        f.write_text(text.replace(old, new, 1))
    chain("chain-node-test-crumbjar-exit", "chain-test-exit", "test",
          [Part("node --test spec/ 2>&1 | tail -n 650", n_node_test), Part("echo EXIT=$?", n_status_echo, ";")], root,
          timeout=600)
    cap("npm-view-cookie-json", "npm view cookie --json", tmp, n_npm_view, timeout=300)


LOG_MSGS = {
    "INFO": lambda r: f"vat {r.randint(1, 9)} dipped rack {r.randint(1, 300)}: {r.randint(6, 80)} wicks, "
                      f"{r.choice(['beeswax', 'tallow', 'bayberry', 'stearin'])} at {r.randint(58, 84)} C",
    "DEBUG": lambda r: f"thermocouple {r.randint(1, 6)} read {r.randint(400, 900) / 10} C in {r.randint(1, 30)} ms",
    "WARNING": lambda r: f"vat {r.randint(1, 9)} skinning over, stirred after {r.randint(2, 45)} min",
    "ERROR": lambda r: f"wick frame {r.randint(1, 12)} jammed at dip {r.randint(3, 40)}, rack pulled",
}


def data(tmp: Path) -> None:
    d = tmp / "data"
    d.mkdir()
    rows = []
    base = Path("/usr/share/locale")
    for p in sorted(base.rglob("*")):
        if p.is_file() and not p.is_symlink():
            st = p.stat()
            rel = p.relative_to(base)
            rows.append([str(rel), rel.parts[0], p.stem, st.st_size, st.st_nlink,
                         time.strftime("%Y-%m-%d", time.gmtime(st.st_mtime))])
    with open(d / "locale.csv", "w", newline="") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(["path", "lang", "domain", "bytes", "links", "modified"])
        w.writerows(rows)
    run("sqlite3 locale.db '.mode csv' '.import locale.csv files'", cwd=d)
    app_log(d / "tallowvat.log", 30605, 1800, ["tallowvat.vat", "tallowvat.wick", "tallowvat.api",
                                                "tallowvat.rack"], LOG_MSGS, 9306, "2026-12-02")
    cap("app-log-tallowvat-tail-750", "tail -n 750 tallowvat.log", d, n_app_log)
    srv = cm.start("cd /usr/share/doc/nodejs/api && exec python3 -m http.server 18306 --bind 127.0.0.1")
    try:
        time.sleep(1.5)
        cap("curl-html-nodejs-api-tty", "curl -s http://127.0.0.1:18306/tty.html", d, n_html)
    finally:
        os.killpg(srv.pid, signal.SIGTERM)


STEPS = [python, git_history, js_project, data]
