"""Round 275, the material and a few direct items: inflection's sdist with bugs put in (its own tests with pytest, ruff,
and its code run wrongly into a chained traceback), the mergeloom project (deepmerge under a generated node --test suite
whose expectations come from the unbroken package), a git history built by committing inflection's sources in steps,
the files of /usr/share/libwacom as a CSV and a sqlite table, an application log, npm view --json, and a page of
libxslt1-dev's HTML documentation served on loopback and fetched with curl. The trees stay under the round's scratch dir
for OpenCode's run. Each kind's extractor is the earlier rounds', imported. Run through capture_wide275.py."""

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
from capture_wide275 import JS, SRC, cap

SV = "inflection-0.5.1"
MAIN = "inflection/__init__.py"
GIT_ENV = {"GIT_CONFIG_NOSYSTEM": "1", "GIT_CONFIG_GLOBAL": "/dev/null"}
PEOPLE = [("Ilse Marwood", "ilse@example.org"), ("Tomas Okafor", "tomas@example.org"),
          ("Ilse Marwood", "ilse@example.org")]

# The bugs put in: 13 (and 113, -13 ...) given "rd" not "th"; words ending in "sh" pluralized with a bare "s"; a digit
# before a capital no longer split by underscore.
BUGS = [(MAIN, "if number % 100 in (11, 12, 13):", "if number % 100 in (11, 12):"),
        (MAIN, """(r"(?i)(x|ch|ss|sh)$", r'\\1es'),""", """(r"(?i)(x|ch|ss)$", r'\\1es'),"""),
        (MAIN, """word = re.sub(r"([a-z\\d])([A-Z])", r'\\1_\\2', word)""",
         """word = re.sub(r"([a-z])([A-Z])", r'\\1_\\2', word)""")]

ROLL = r"""
import inflection


class RollError(Exception):
    pass


CREWS = [
    {"model": "FlailCrew", "row": 1, "field": "north strip", "sheaves": 14},
    {"model": "BarnHand", "row": 2, "field": "oat rows", "sheaves": 9},
    {"model": "StackWarden", "row": 3, "field": "rye bank", "sheaves": 21},
    {"model": "GleanerTeam", "row": None, "field": "stubble", "sheaves": 4},
]


def label(crew):
    try:
        table = inflection.tableize(crew["model"])
        place = inflection.ordinalize(crew["row"])
        return f"{table:14} {place:>5} row, {inflection.parameterize(crew['field'])}: {crew['sheaves']} sheaves"
    except (TypeError, ValueError) as exc:
        raise RollError(f"crew {crew['model']!r} cannot be put on the roll") from exc


for crew in CREWS:
    print(label(crew))
"""


def python(tmp: Path) -> None:
    cp = tmp / SV
    put_bugs(cp, BUGS)
    cap("pytest-inflection-v-tbshort", "python -m pytest -v --tb=short -p no:cacheprovider test_inflection.py 2>&1 | "
        "grep -v PASSED", cp, n_pytest, timeout=900)
    chain("chain-inflection-pytest-q-exit", "chain-test-exit", "test",
          [Part("python -m pytest -q -p no:cacheprovider --tb=long test_inflection.py -k 'ordinal or plural'",
                n_pytest), Part("echo EXIT=$?", n_status_echo, ";")], cp, timeout=900)
    cap("ruff-concise-inflection-all",
        "ruff check --no-cache --isolated --select ALL --output-format=concise inflection test_inflection.py docs",
        cp, n_ruff)
    d = tmp / "roll"
    d.mkdir()
    (d / "crew_roll.py").write_text(ROLL)
    cap("python-chained-traceback-crew-roll", "python3 crew_roll.py", d, n_chained, env={"PYTHONPATH": str(cp)})


def git_history(tmp: Path) -> None:
    repo = history(tmp, SRC, "inflection", SV, [MAIN, "test_inflection.py", "docs/index.rst", "README.rst"],
                   PEOPLE, 27503, 30, BUGS)
    (repo / "NOTES.local").write_text("13 -> 13rd? wish -> wishs; Area51Controller comes out area51controller\n")
    cap("git-log-p-inflection-head-1600", "git log -p | head -n 1600", repo, n_log_p, env=GIT_ENV)


FIXTURES = r"""
import fs from 'node:fs';
import {createRequire} from 'node:module';
const dm = createRequire(import.meta.url)('./node_modules/deepmerge/dist/cjs.js');
let seed = 27504;
const rnd = () => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed / 2147483648; };
const pick = a => a[Math.floor(rnd() * a.length)];
const keys = ['loom', 'warp', 'weft', 'heddle', 'shuttle', 'reed', 'beam', 'pick', 'shed', 'treadle', 'selvage', 'bobbin'];
function leaf() {
  const r = rnd();
  if (r < 0.12) return new Date(Date.UTC(2026, Math.floor(rnd() * 12), 1 + Math.floor(rnd() * 27), Math.floor(rnd() * 24)));
  if (r < 0.22) return null;
  if (r < 0.5) return Math.floor(rnd() * 500);
  if (r < 0.62) return rnd() < 0.5;
  return pick(['plain', 'twill', 'satin', 'leno', 'dobby', 'jacquard']) + '-' + Math.floor(rnd() * 9);
}
function value(depth) {
  const r = rnd();
  if (depth > 2 || r < 0.45) return leaf();
  if (r < 0.7) { const a = []; const n = Math.floor(rnd() * 4); for (let i = 0; i < n; i++) a.push(value(depth + 1)); return a; }
  return obj(depth + 1);
}
function obj(depth) {
  const o = {};
  const n = 1 + Math.floor(rnd() * 4);
  for (let i = 0; i < n; i++) o[pick(keys)] = value(depth);
  return o;
}
// a literal JavaScript expression for a value (Dates as new Date(...))
function lit(v) {
  if (v instanceof Date) return `new Date(${JSON.stringify(v.toISOString())})`;
  if (Array.isArray(v)) return `[${v.map(lit).join(', ')}]`;
  if (v && typeof v === 'object') return `{${Object.keys(v).map(k => `${JSON.stringify(k)}: ${lit(v[k])}`).join(', ')}}`;
  return JSON.stringify(v);
}
const ops = ['merge', 'merge', 'all', 'overwrite-arrays', 'no-clone'];
const overwrite = (dst, src) => src;
const cases = [];
for (let i = 0; i < 300; i++) {
  const op = ops[i % ops.length];
  const a = obj(0), b = obj(0), c = obj(0);
  // both sides share a key half the time, so nested merges happen
  if (rnd() < 0.5) { const k = pick(keys); a[k] = obj(1); b[k] = obj(1); }
  let want;
  try {
    if (op === 'merge') want = dm(a, b);
    else if (op === 'all') want = dm.all([a, b, c]);
    else if (op === 'overwrite-arrays') want = dm(a, b, {arrayMerge: overwrite});
    else want = dm(a, b, {clone: false});
  } catch (e) { continue; }
  cases.push({op, a, b, c, want});
}
let out = "import {test} from 'node:test';\nimport assert from 'node:assert/strict';\nimport {createRequire} from 'node:module';\n";
out += "const deepmerge = createRequire(import.meta.url)('../lib/deepmerge.cjs');\nconst overwrite = (dst, src) => src;\n\n";
cases.forEach((c, i) => {
  out += `test('case ${String(i).padStart(3, '0')} ${c.op} ${Object.keys(c.a).join('+')} <- ${Object.keys(c.b).join('+')}', () => {\n`;
  out += `  const a = ${lit(c.a)};\n  const b = ${lit(c.b)};\n`;
  if (c.op === 'merge') out += `  assert.deepEqual(deepmerge(a, b), ${lit(c.want)});\n`;
  else if (c.op === 'all') out += `  const c = ${lit(c.c)};\n  assert.deepEqual(deepmerge.all([a, b, c]), ${lit(c.want)});\n`;
  else if (c.op === 'overwrite-arrays') out += `  assert.deepEqual(deepmerge(a, b, {arrayMerge: overwrite}), ${lit(c.want)});\n`;
  else out += `  assert.deepEqual(deepmerge(a, b, {clone: false}), ${lit(c.want)});\n`;
  out += '});\n\n';
});
fs.writeFileSync('spec/deepmerge.test.mjs', out);
"""

APP = """import {createRequire} from 'node:module';
const deepmerge = createRequire(import.meta.url)('./deepmerge.cjs');

export function layer(base, overlays, opts) {
  var out = base;
  for (var i = 0; i < overlays.length; i++) {
    let o = overlays[i];
    if (opts.skipEmpty == true && o == null) continue
    out = deepmerge(out, o, {arrayMerge: opts.replace ? (a, b) => b : undefined});
    opts.count++;
  }
  return Object.keys(out).length ? out : undefined;
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

# The bugs put in: arrays merged source first; a Date no longer special (merged as a plain object, so it comes out {});
# a key merged deeply when the target's value is mergeable rather than the source's.
JS_BUGS = [("deepmerge.cjs", "return target.concat(source).map(", "return source.concat(target).map("),
           ("deepmerge.cjs", "stringValue === '[object Date]'", "stringValue === '[object Data]'"),
           ("deepmerge.cjs", "propertyIsOnObject(target, key) && options.isMergeableObject(source[key])",
            "propertyIsOnObject(target, key) && options.isMergeableObject(target[key])")]

TSCONFIG = json.dumps({"compilerOptions": {"allowJs": True, "checkJs": True, "strict": True, "noEmit": True,
                                           "target": "es2024", "module": "nodenext", "skipLibCheck": True},
                       "include": ["lib"]}, indent=2) + "\n"


def js_project(tmp: Path) -> None:
    root = tmp / "mergeloom"
    nm = JS / "node_modules"
    for d in ("lib", "spec"):
        (root / d).mkdir(parents=True, exist_ok=True)
    run(f"ln -s {nm} node_modules", cwd=root)
    write_tree(root, {"package.json": json.dumps({"name": "mergeloom", "version": "1.6.0", "type": "module",
                                                  "scripts": {"test": "node --test spec/"}}, indent=2) + "\n",
                      "fixtures.mjs": FIXTURES, "eslint.config.js": ESLINT_CONFIG, "lib/layer.js": APP,
                      "tsconfig.json": TSCONFIG})
    run("node fixtures.mjs && rm fixtures.mjs", cwd=root)
    run(f"cp {nm}/deepmerge/dist/cjs.js lib/deepmerge.cjs", cwd=root)
    for rel, old, new in JS_BUGS:
        f = root / "lib" / rel
        text = f.read_text()
        assert old in text, (rel, old)
        f.write_text(text.replace(old, new, 1))
    chain("chain-node-test-deepmerge-exit", "chain-test-exit", "test",
          [Part("node --test spec/ 2>&1 | tail -n 650", n_node_test), Part("echo EXIT=$?", n_status_echo, ";")], root,
          timeout=600)
    cap("npm-view-deepmerge-json", "npm view deepmerge --json", tmp, n_npm_view, timeout=300)


LOG_MSGS = {
    "INFO": lambda r: f"sheaf lot {r.randint(1, 80)} threshed: {r.randint(30, 480)} kg of "
                      f"{r.choice(['emmer', 'spelt', 'oats', 'rye'])}, straw {r.randint(3, 22)}%",
    "DEBUG": lambda r: f"flail stroke rate {r.randint(20, 95)}/min sampled in {r.randint(1, 40)} ms",
    "WARNING": lambda r: f"floor {r.randint(1, 5)} damp, lot held {r.randint(2, 40)} s",
    "ERROR": lambda r: f"winch {r.randint(1, 3)} slipped at {r.randint(150, 900)} N, yard stopped",
}


def data(tmp: Path) -> None:
    d = tmp / "data"
    d.mkdir()
    run("find /usr/share/libwacom -type f -printf '%P,%s,%y,%n,%TY-%Tm-%Td\\n' | sort > libwacom.body && "
        "(echo path,bytes,type,links,modified; cat libwacom.body) > libwacom.csv && rm libwacom.body", cwd=d)
    run("sqlite3 libwacom.db '.mode csv' '.import libwacom.csv files'", cwd=d)
    app_log(d / "flailyard.log", 27505, 1800, ["flailyard.floor", "flailyard.winch", "flailyard.api", "flailyard.tally"],
            LOG_MSGS, 8120, "2026-12-01")
    cap("app-log-flailyard-tail-750", "tail -n 750 flailyard.log", d, n_app_log)
    srv = cm.start("cd /usr/share/doc/libxslt1-dev/html && exec python3 -m http.server 18275 --bind 127.0.0.1")
    try:
        time.sleep(1.5)
        cap("curl-html-libxslt-news", "curl -s http://127.0.0.1:18275/news.html", d, n_html)
    finally:
        os.killpg(srv.pid, signal.SIGTERM)


STEPS = [python, git_history, js_project, data]
