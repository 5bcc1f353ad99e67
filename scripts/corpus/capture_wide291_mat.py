"""Round 291, the material and a few direct items: orderedmultidict's sdist with bugs put in (its own tests with
pytest, ruff, and its code run wrongly into a chained traceback), the inkwarden project (escape-html under a generated
node --test suite whose expectations come from the unbroken package), a git history built by committing
orderedmultidict's sources in steps, the files of /usr/share/perl5 as a CSV and a sqlite table, an application log, npm
view --json, and a page of Node's HTML API documentation served on loopback and fetched with curl. The trees stay under the round's scratch dir
for OpenCode's run. Each kind's extractor is the earlier rounds', imported. Run through capture_wide291.py."""

from __future__ import annotations

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
from capture_wide291 import JS, SRC, cap

SV = "orderedmultidict-1.0.1"
MAIN = "orderedmultidict/orderedmultidict.py"
GIT_ENV = {"GIT_CONFIG_NOSYSTEM": "1", "GIT_CONFIG_GLOBAL": "/dev/null"}
PEOPLE = [("Ottilie Brandvold", "ottilie@example.org"), ("Chidera Okonkwo", "chidera@example.org"),
          ("Ottilie Brandvold", "ottilie@example.org")]

# The bugs put in: reverse() no longer reversing each key's own values; two omdicts whose items differ compared equal
# unless one runs out first; size() counting keys, not items; updateall() replacing one value more than the key holds;
# popvalue(key, value) popping one place too far on the last=True side; get() returning a key's last value.
BUGS = [(MAIN, "        for key in six.iterkeys(self._map):\n            self._map[key].reverse()\n", ""),
        (MAIN, "if i1 != i2 or i1 is _absent or i2 is _absent:", "if i1 != i2 and (i1 is _absent or i2 is _absent):"),
        (MAIN, "        return len(self._items)\n\n    @classmethod", "        return len(self._map)\n\n    @classmethod"),
        (MAIN, "len(replacements[key]) < len(self.values(key))", "len(replacements[key]) <= len(self.values(key))"),
        (MAIN, "index = (len(self.values(key)) - 1 - pos) if last else pos",
         "index = (len(self.values(key)) - pos) if last else pos"),
        (MAIN, "            return self._map[key][0].value\n        return default",
         "            return self._map[key][-1].value\n        return default")]

SWEEP = r"""
from orderedmultidict import omdict


class GateError(Exception):
    pass


GATES = [
    {"gate": "dye-house", "spools": [("weft", 40), ("warp", 60), ("weft", 45)], "release": ("weft", 40)},
    {"gate": "mill-race", "spools": [("slub", 12), ("boucle", 30)], "release": ("slub", 12)},
    {"gate": "bobbin-loft", "spools": [("chenille", 8), ("warp", 22), ("chenille", 9)], "release": ("chenille", 9)},
    {"gate": "card-room", "spools": [("roving", 70), ("sliver", 55)], "release": ("roving", 71)},
]


def release(gate):
    spools = omdict(gate["spools"])
    key, metres = gate["release"]
    try:
        spools.popvalue(key, metres)
    except (KeyError, ValueError, IndexError) as exc:
        raise GateError(f"gate {gate['gate']!r}: no {key} spool of {metres} m to release") from exc
    return f"{gate['gate']:12} released {key} {metres} m, {spools.size()} spools left: {spools.allitems()}"


for gate in GATES:
    print(release(gate))
"""


def python(tmp: Path) -> None:
    cp = tmp / SV
    put_bugs(cp, BUGS)
    cap("pytest-orderedmultidict-v-tbshort", "python -m pytest -v --tb=short -p no:cacheprovider tests 2>&1 | "
        "grep -v PASSED", cp, n_pytest, timeout=900)
    chain("chain-orderedmultidict-pytest-q-exit", "chain-test-exit", "test",
          [Part("python -m pytest -q -p no:cacheprovider --tb=long tests/test_orderedmultidict.py",
                n_pytest), Part("echo EXIT=$?", n_status_echo, ";")], cp, timeout=900)
    cap("ruff-concise-orderedmultidict-all",
        "ruff check --no-cache --isolated --select ALL --output-format=concise orderedmultidict tests setup.py "
        "| head -n 900",
        cp, n_ruff)
    d = tmp / "gates"
    d.mkdir()
    (d / "spool_gates.py").write_text(SWEEP)
    cap("python-chained-traceback-spool-gates", "python3 spool_gates.py", d, n_chained, env={"PYTHONPATH": str(cp)})


def git_history(tmp: Path) -> None:
    repo = history(tmp, SRC, "orderedmultidict", SV, [MAIN, "orderedmultidict/itemlist.py",
                                                      "tests/test_itemlist.py", "README.md"], PEOPLE, 29103, 30, BUGS)
    (repo / "NOTES.local").write_text("reverse() keeps getlist order; omd == other misses changed values; size() = keys\n")
    cap("git-log-p-orderedmultidict-head-1600", "git log -p | head -n 1600", repo, n_log_p, env=GIT_ENV)


FIXTURES = r"""
import fs from 'node:fs';
import {createRequire} from 'node:module';
const esc = createRequire(import.meta.url)('./node_modules/escape-html/index.js');
let seed = 29104;
const rnd = () => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed / 2147483648; };
const pick = a => a[Math.floor(rnd() * a.length)];
const words = ['quill', 'nib', 'blot', 'ferrule', 'reservoir', 'gall', 'sepia', 'vellum', 'rubric', 'serif', 'ledger'];
const marks = ['<', '>', '&', '"', "'", '<b>', '</i>', '&amp;', ' & ', '"x"', "'y'", '>>', '<<', 'a<b', 'c>d'];
function piece() {
  const r = rnd();
  if (r < 0.35) return pick(marks);
  if (r < 0.45) return String(Math.floor(rnd() * 999));
  if (r < 0.5) return pick(['x', 'y', 'z', '-', '=', '/']);
  return pick(words);
}
function line() {
  const n = 1 + Math.floor(rnd() * 6);
  let out = '';
  for (let i = 0; i < n; i++) out += (i && rnd() < 0.5 ? ' ' : '') + piece();
  return out;
}
let out = "import {test} from 'node:test';\nimport assert from 'node:assert/strict';\nimport {createRequire} from 'node:module';\n";
out += "const escapeHtml = createRequire(import.meta.url)('../lib/escape.cjs');\n\n";
for (let i = 0; i < 320; i++) {
  const input = line();
  const want = esc(input);
  out += `test('case ${String(i).padStart(3, '0')} ${input === want ? 'plain' : 'escaped'} ${JSON.stringify(input).slice(1, 30).replace(/[\\\\']/g, '')}', () => {\n`;
  out += `  assert.equal(escapeHtml(${JSON.stringify(input)}), ${JSON.stringify(want)});\n`;
  out += '});\n\n';
}
fs.writeFileSync('spec/escape.test.mjs', out);
"""

APP = """import {createRequire} from 'node:module';
const escapeHtml = createRequire(import.meta.url)('./escape.cjs');

export function renderLedger(rows, opts) {
  var html = '<table>';
  for (var i = 0; i < rows.length; i++) {
    let r = rows[i];
    if (opts.skipEmpty == true && r.note == null) continue
    html += '<tr><td>' + escapeHtml(r.name) + '</td><td>' + escapeHtml(r.note) + '</td></tr>';
    opts.rendered++;
  }
  return rows.length > 40 ? html + '</table><!-- long -->' : html + '</table>';
}
"""

ESLINT_CONFIG = """import js from "@eslint/js";
export default [js.configs.recommended, {rules: {"no-var": "error", eqeqeq: "error", "prefer-const": "warn",
  "no-unused-vars": "warn", curly: "error", "no-plusplus": "warn", complexity: ["warn", 3], semi: "warn",
  "no-param-reassign": "warn", "one-var": ["warn", "never"], "no-continue": "warn", "dot-notation": "warn",
  "prefer-template": "warn", "no-else-return": "warn", "no-eq-null": "error", "no-implicit-coercion": "warn",
  "no-nested-ternary": "warn", "no-mixed-operators": "warn", "func-style": "warn", "no-undefined": "warn",
  "prefer-arrow-callback": "warn", "no-magic-numbers": ["warn", {ignore: [0, 1]}], "vars-on-top": "warn",
  "no-underscore-dangle": "warn", "no-sequences": "error", "no-cond-assign": ["error", "always"], "guard-for-in": "warn",
  "object-shorthand": "warn", "max-statements": ["warn", 8], "no-use-before-define": "warn", "new-cap": "warn",
  "max-len": ["warn", {code: 80}], "no-new-func": "error", "no-shadow": "warn", "id-length": ["warn", {min: 3}],
  "no-unused-expressions": "warn", "func-names": "warn", "no-ternary": "warn"},
  languageOptions: {ecmaVersion: 2025, sourceType: "module", globals: {module: "writable", exports: "writable",
  require: "readonly", Symbol: "readonly"}}},
  {files: ["**/*.cjs"], languageOptions: {sourceType: "script"}}];
"""

# The bugs put in: an apostrophe escaped without its semicolon; ">" escaped as "&lt;"; a single character between two
# escaped ones dropped.
JS_BUGS = [("escape.cjs", "escape = '&#39;';", "escape = '&#39';"),
           ("escape.cjs", "case 62: // >\n        escape = '&gt;';", "case 62: // >\n        escape = '&lt;';"),
           ("escape.cjs", "if (lastIndex !== index) {", "if (lastIndex + 1 < index) {")]

TSCONFIG = json.dumps({"compilerOptions": {"allowJs": True, "checkJs": True, "strict": True, "noEmit": True,
                                           "target": "es2024", "module": "nodenext", "skipLibCheck": True},
                       "include": ["lib"]}, indent=2) + "\n"


def js_project(tmp: Path) -> None:
    root = tmp / "inkwarden"
    nm = JS / "node_modules"
    for d in ("lib", "spec"):
        (root / d).mkdir(parents=True, exist_ok=True)
    run(f"ln -s {nm} node_modules", cwd=root)
    write_tree(root, {"package.json": json.dumps({"name": "inkwarden", "version": "1.6.2", "type": "module",
                                                  "scripts": {"test": "node --test spec/"}}, indent=2) + "\n",
                      "fixtures.mjs": FIXTURES, "eslint.config.js": ESLINT_CONFIG, "lib/render.js": APP,
                      "tsconfig.json": TSCONFIG})
    run("node fixtures.mjs && rm fixtures.mjs", cwd=root)
    run(f"cp {nm}/escape-html/index.js lib/escape.cjs", cwd=root)
    for rel, old, new in JS_BUGS:
        f = root / "lib" / rel
        text = f.read_text()
        assert old in text, (rel, old)
        f.write_text(text.replace(old, new, 1))
    chain("chain-node-test-inkwarden-exit", "chain-test-exit", "test",
          [Part("node --test spec/ 2>&1 | tail -n 650", n_node_test), Part("echo EXIT=$?", n_status_echo, ";")], root,
          timeout=600)
    cap("npm-view-escape-html-json", "npm view escape-html --json", tmp, n_npm_view, timeout=300)


LOG_MSGS = {
    "INFO": lambda r: f"gate {r.randint(1, 14)} passed lot {r.randint(1, 500)}: {r.randint(20, 800)} spools of "
                      f"{r.choice(['worsted', 'tweed', 'mohair', 'linen'])}, reject {r.randint(0, 9)}%",
    "DEBUG": lambda r: f"tension sensor {r.randint(1, 8)} read {r.randint(90, 1400)} cN in {r.randint(1, 40)} ms",
    "WARNING": lambda r: f"creel {r.randint(1, 6)} running slack, lot held {r.randint(2, 40)} min",
    "ERROR": lambda r: f"spindle {r.randint(1, 4)} seized at {r.randint(3000, 11000)} rpm, gate closed",
}


def data(tmp: Path) -> None:
    d = tmp / "data"
    d.mkdir()
    run("find /usr/share/perl5 -type f -printf '%P,%s,%y,%n,%TY-%Tm-%Td\\n' | sort > perl5.body && "
        "(echo path,bytes,type,links,modified; cat perl5.body) > perl5.csv && rm perl5.body", cwd=d)
    run("sqlite3 perl5.db '.mode csv' '.import perl5.csv files'", cwd=d)
    app_log(d / "spoolgate.log", 29105, 1800, ["spoolgate.gate", "spoolgate.creel", "spoolgate.api", "spoolgate.tally"],
            LOG_MSGS, 9130, "2026-12-01")
    cap("app-log-spoolgate-tail-750", "tail -n 750 spoolgate.log", d, n_app_log)
    srv = cm.start("cd /usr/share/doc/nodejs/api && exec python3 -m http.server 18291 --bind 127.0.0.1")
    try:
        time.sleep(1.5)
        cap("curl-html-node-embedding", "curl -s http://127.0.0.1:18291/embedding.html", d, n_html)
    finally:
        os.killpg(srv.pid, signal.SIGTERM)


STEPS = [python, git_history, js_project, data]
