"""Round 283, the material and a few direct items: pathspec's sdist with bugs put in (its own tests with pytest, ruff,
and its code run wrongly into a chained traceback), the twinscale project (fast-deep-equal under a generated node --test
suite whose expectations come from the unbroken package), a git history built by committing pathspec's sources in steps,
the files of /usr/share/X11/xkb as a CSV and a sqlite table, an application log, npm view --json, and a page of
libffi-dev's HTML documentation served on loopback and fetched with curl. The trees stay under the round's scratch dir
for OpenCode's run. Each kind's extractor is the earlier rounds', imported. Run through capture_wide283.py."""

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
from capture_wide283 import JS, SRC, cap

SV = "pathspec-0.12.1"
MAIN = "pathspec/patterns/gitwildmatch.py"
GIT_ENV = {"GIT_CONFIG_NOSYSTEM": "1", "GIT_CONFIG_GLOBAL": "/dev/null"}
PEOPLE = [("Rosalind Achterberg", "rosalind@example.org"), ("Kwame Idowu", "kwame@example.org"),
          ("Rosalind Achterberg", "rosalind@example.org")]

# The bugs put in: "?" matching a slash too; an inner "**" standing for one segment at most, not any number; a leading
# "**" matching one leading directory at most.
BUGS = [(MAIN, "regex += '[^/]'\n", "regex += '.'\n"),
        (MAIN, "output.append('(?:/.+)?')", "output.append('(?:/[^/]+)?')"),
        (MAIN, "output.append('(?:.+/)?')", "output.append('(?:[^/]+/)?')")]

SWEEP = r"""
import pathspec


class SweepError(Exception):
    pass


KILNS = [
    {"kiln": "north-arch", "ignore": ["*.bak", "ash/**", "!ash/keep.txt"], "files": ["ash/a.log", "glaze.bak"]},
    {"kiln": "salt-row", "ignore": ["/tmp/", "**/shards/*.raw"], "files": ["tmp/x", "b/shards/c.raw"]},
    {"kiln": "bottle-oven", "ignore": ["cones/?/*.csv", "logs/"], "files": ["cones/7/fire.csv", "logs/day1"]},
    {"kiln": "wood-climb", "ignore": ["chambers/*.tmp", "draft\\"], "files": ["chambers/c1.tmp"]},
]


def sweep(kiln):
    try:
        spec = pathspec.GitIgnoreSpec.from_lines(kiln["ignore"])
        kept = [f for f in kiln["files"] if not spec.match_file(f)]
        return f"{kiln['kiln']:12} {len(kiln['ignore'])} rules, kept {len(kept)} of {len(kiln['files'])}: {kept}"
    except (TypeError, ValueError) as exc:
        raise SweepError(f"kiln {kiln['kiln']!r}: ignore rules cannot be read") from exc


for kiln in KILNS:
    print(sweep(kiln))
"""


def python(tmp: Path) -> None:
    cp = tmp / SV
    put_bugs(cp, BUGS)
    cap("pytest-pathspec-v-tbshort", "python -m pytest -v --tb=short -p no:cacheprovider tests 2>&1 | "
        "grep -v PASSED", cp, n_pytest, timeout=900)
    chain("chain-pathspec-pytest-q-exit", "chain-test-exit", "test",
          [Part("python -m pytest -q -p no:cacheprovider --tb=long tests/test_04_gitignore.py tests/test_03_pathspec.py",
                n_pytest), Part("echo EXIT=$?", n_status_echo, ";")], cp, timeout=900)
    cap("ruff-concise-pathspec-all",
        "ruff check --no-cache --isolated --select ALL --output-format=concise pathspec tests doc | head -n 900",
        cp, n_ruff)
    d = tmp / "sweep"
    d.mkdir()
    (d / "kiln_sweep.py").write_text(SWEEP)
    cap("python-chained-traceback-kiln-sweep", "python3 kiln_sweep.py", d, n_chained, env={"PYTHONPATH": str(cp)})


def git_history(tmp: Path) -> None:
    repo = history(tmp, SRC, "pathspec", SV, [MAIN, "pathspec/pathspec.py", "tests/test_02_gitwildmatch.py",
                                              "README.rst"], PEOPLE, 28303, 30, BUGS)
    (repo / "NOTES.local").write_text("a?b matches a/b now; a/**/b misses a/x/y/b; **/shards only one level deep\n")
    cap("git-log-p-pathspec-head-1600", "git log -p | head -n 1600", repo, n_log_p, env=GIT_ENV)


FIXTURES = r"""
import fs from 'node:fs';
import {createRequire} from 'node:module';
const eq = createRequire(import.meta.url)('./node_modules/fast-deep-equal/index.js');
let seed = 28304;
const rnd = () => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed / 2147483648; };
const pick = a => a[Math.floor(rnd() * a.length)];
const keys = ['pan', 'beam', 'tare', 'poise', 'rider', 'pivot', 'hook', 'dial', 'knife', 'notch', 'stop', 'yoke'];
function leaf() {
  const r = rnd();
  if (r < 0.1) return NaN;
  if (r < 0.2) return pick([/kg\d+/, /kg\d+/i, /lb?s/g, /lb?s/, /^tare$/m]);
  if (r < 0.28) return null;
  if (r < 0.55) return Math.floor(rnd() * 500);
  if (r < 0.65) return rnd() < 0.5;
  return pick(['brass', 'iron', 'steel', 'oak', 'agate', 'bronze']) + '-' + Math.floor(rnd() * 9);
}
function value(depth) {
  const r = rnd();
  if (depth > 2 || r < 0.45) return leaf();
  if (r < 0.72) { const a = []; const n = 1 + Math.floor(rnd() * 4); for (let i = 0; i < n; i++) a.push(value(depth + 1)); return a; }
  return obj(depth + 1);
}
function obj(depth) {
  const o = {};
  const n = 1 + Math.floor(rnd() * 4);
  for (let i = 0; i < n; i++) o[pick(keys)] = value(depth);
  return o;
}
function lit(v) {
  if (typeof v === 'number' && Number.isNaN(v)) return 'NaN';
  if (v instanceof RegExp) return v.toString();
  if (Array.isArray(v)) return `[${v.map(lit).join(', ')}]`;
  if (v && typeof v === 'object') return `{${Object.keys(v).map(k => `${JSON.stringify(k)}: ${lit(v[k])}`).join(', ')}}`;
  return JSON.stringify(v);
}
// a near twin: one leaf changed (a flag dropped, a number for NaN, the first array item swapped) or none
function twin(v, depth) {
  if (v instanceof RegExp) return rnd() < 0.4 ? new RegExp(v.source, v.flags ? '' : 'g') : new RegExp(v.source, v.flags);
  if (typeof v === 'number' && Number.isNaN(v)) return rnd() < 0.4 ? Math.floor(rnd() * 9) : NaN;
  if (Array.isArray(v)) { const a = v.map(x => twin(x, depth + 1)); if (rnd() < 0.3) a[0] = leaf(); return a; }
  if (v && typeof v === 'object') { const o = {}; for (const k of Object.keys(v)) o[k] = twin(v[k], depth + 1); return o; }
  return rnd() < 0.1 ? leaf() : v;
}
const cases = [];
for (let i = 0; i < 300; i++) {
  const a = obj(0);
  const b = twin(a, 0);
  cases.push({a, b, want: eq(a, b)});
}
let out = "import {test} from 'node:test';\nimport assert from 'node:assert/strict';\nimport {createRequire} from 'node:module';\n";
out += "const equal = createRequire(import.meta.url)('../lib/equal.cjs');\n\n";
cases.forEach((c, i) => {
  out += `test('case ${String(i).padStart(3, '0')} ${c.want ? 'same' : 'differs'} ${Object.keys(c.a).join('+')}', () => {\n`;
  out += `  const a = ${lit(c.a)};\n  const b = ${lit(c.b)};\n`;
  out += `  assert.equal(equal(a, b), ${c.want});\n`;
  out += '});\n\n';
});
fs.writeFileSync('spec/equal.test.mjs', out);
"""

APP = """import {createRequire} from 'node:module';
const equal = createRequire(import.meta.url)('./equal.cjs');

export function settle(readings, opts) {
  var steady = 0;
  for (var i = 1; i < readings.length; i++) {
    let r = readings[i];
    if (opts.skipNull == true && r == null) continue
    if (equal(readings[i - 1], r)) steady++;
    opts.seen++;
  }
  return steady > 3 ? readings[readings.length - 1] : undefined;
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

# The bugs put in: a RegExp's flags no longer compared; NaN equal to anything (|| for &&); an array's first item no
# longer compared.
JS_BUGS = [("equal.cjs", "return a.source === b.source && a.flags === b.flags;", "return a.source === b.source;"),
           ("equal.cjs", "return a!==a && b!==b;", "return a!==a || b!==b;"),
           ("equal.cjs", "for (i = length; i-- !== 0;)\n        if (!equal(a[i], b[i]))",
            "for (i = length; i-- > 1;)\n        if (!equal(a[i], b[i]))")]

TSCONFIG = json.dumps({"compilerOptions": {"allowJs": True, "checkJs": True, "strict": True, "noEmit": True,
                                           "target": "es2024", "module": "nodenext", "skipLibCheck": True},
                       "include": ["lib"]}, indent=2) + "\n"


def js_project(tmp: Path) -> None:
    root = tmp / "twinscale"
    nm = JS / "node_modules"
    for d in ("lib", "spec"):
        (root / d).mkdir(parents=True, exist_ok=True)
    run(f"ln -s {nm} node_modules", cwd=root)
    write_tree(root, {"package.json": json.dumps({"name": "twinscale", "version": "2.3.0", "type": "module",
                                                  "scripts": {"test": "node --test spec/"}}, indent=2) + "\n",
                      "fixtures.mjs": FIXTURES, "eslint.config.js": ESLINT_CONFIG, "lib/settle.js": APP,
                      "tsconfig.json": TSCONFIG})
    run("node fixtures.mjs && rm fixtures.mjs", cwd=root)
    run(f"cp {nm}/fast-deep-equal/index.js lib/equal.cjs", cwd=root)
    for rel, old, new in JS_BUGS:
        f = root / "lib" / rel
        text = f.read_text()
        assert old in text, (rel, old)
        f.write_text(text.replace(old, new, 1))
    chain("chain-node-test-twinscale-exit", "chain-test-exit", "test",
          [Part("node --test spec/ 2>&1 | tail -n 650", n_node_test), Part("echo EXIT=$?", n_status_echo, ";")], root,
          timeout=600)
    cap("npm-view-fast-deep-equal-json", "npm view fast-deep-equal --json", tmp, n_npm_view, timeout=300)


LOG_MSGS = {
    "INFO": lambda r: f"kiln {r.randint(1, 12)} fired batch {r.randint(1, 400)}: {r.randint(40, 900)} pots at "
                      f"cone {r.choice(['06', '04', '6', '10'])}, loss {r.randint(0, 9)}%",
    "DEBUG": lambda r: f"thermocouple {r.randint(1, 8)} read {r.randint(600, 1320)} C in {r.randint(1, 40)} ms",
    "WARNING": lambda r: f"damper {r.randint(1, 4)} stuck half open, ramp slowed {r.randint(2, 40)} min",
    "ERROR": lambda r: f"burner {r.randint(1, 3)} flame out at {r.randint(700, 1250)} C, row halted",
}


def data(tmp: Path) -> None:
    d = tmp / "data"
    d.mkdir()
    run("find /usr/share/X11/xkb -type f -printf '%P,%s,%y,%n,%TY-%Tm-%Td\\n' | sort > xkb.body && "
        "(echo path,bytes,type,links,modified; cat xkb.body) > xkb.csv && rm xkb.body", cwd=d)
    run("sqlite3 xkb.db '.mode csv' '.import xkb.csv files'", cwd=d)
    app_log(d / "kilnrow.log", 28305, 1800, ["kilnrow.firing", "kilnrow.burner", "kilnrow.api", "kilnrow.tally"],
            LOG_MSGS, 9130, "2026-12-01")
    cap("app-log-kilnrow-tail-750", "tail -n 750 kilnrow.log", d, n_app_log)
    srv = cm.start("cd /usr/share/doc/libffi-dev/html && exec python3 -m http.server 18283 --bind 127.0.0.1")
    try:
        time.sleep(1.5)
        cap("curl-html-libffi-index", "curl -s http://127.0.0.1:18283/Index.html", d, n_html)
    finally:
        os.killpg(srv.pid, signal.SIGTERM)


STEPS = [python, git_history, js_project, data]
