"""Round 241, the material and a few direct items: pycparser's sdist with bugs put in (its own tests with pytest, ruff,
and its code run wrongly into a chained traceback), the pathpluck project (object-path under a generated node --test
suite whose expectations come from the unbroken package), a git history built by committing pycparser's sources in
steps, the files of /usr/share/rspamd as a CSV and a sqlite table, an application log, npm view --json, and a page of
xapian-omega's HTML documentation served on loopback and fetched with curl. The trees stay under the round's scratch
dir for OpenCode's run. Each kind's extractor is the earlier rounds', imported. Run through capture_wide241.py."""

from __future__ import annotations

import json
import os
import random
import signal
import time
from pathlib import Path

import capture_more as cm
from capture_more import n_app_log, run, write_tree
from capture_wide import n_chained
from capture_wide9b import Part, chain, n_status_echo
from capture_wide11_files import n_html
from capture_wide15_data import n_npm_view
from capture_wide15_diag import n_pytest, n_ruff
from capture_wide15_js import n_node_test
from capture_wide15_oc import n_log_p
from capture_wide241 import JS, SRC, cap

SV = "pycparser-3.12"
MAIN = "pycparser/c_generator.py"
GIT_ENV = {"GIT_AUTHOR_NAME": "Signe Varga", "GIT_AUTHOR_EMAIL": "signe@example.org",
           "GIT_COMMITTER_NAME": "Signe Varga", "GIT_COMMITTER_EMAIL": "signe@example.org",
           "GIT_CONFIG_NOSYSTEM": "1", "GIT_CONFIG_GLOBAL": "/dev/null"}

# The bugs put in: the generator's postfix decrement printed as an increment; a right operand of equal precedence
# left without its parentheses (a - (b + c) printed a - b + c); the shift operators ranked with + and -.
BUGS = [(MAIN, 'return f"{operand}--"', 'return f"{operand}++"'),
        (MAIN, "and self.precedence_map[d.op] > self.precedence_map[n.op]",
         "and self.precedence_map[d.op] >= self.precedence_map[n.op]"),
        (MAIN, '"<<": 7,', '"<<": 8,')]


def put_bugs(root: Path) -> None:
    for rel, old, new in BUGS:
        f = root / rel
        text = f.read_text()
        assert text.count(old) == 1, (rel, old)
        f.write_text(text.replace(old, new))


HEADERS = r"""
from pycparser import c_parser, c_generator


class ManifestError(Exception):
    pass


SOURCES = {
    "tally.c": "int tally(int *v, int n) { int s = 0; for (int i = 0; i < n; i++) s += v[i] << 1; return s - (n + 1); }",
    "ring.c": "typedef struct { unsigned head, tail; } ring_t; unsigned ring_len(ring_t *r) { return r->tail - r->head; }",
    "clamp.c": "static int clamp(int x, int lo, int hi) { return x < lo ? lo : x > hi ? hi : x; }",
    "window.c": "int window(int *w, int k) { while (k--) w[k] = w[k] >> 2 | 1; return w[0] }",
}


def regenerate(name, text):
    try:
        ast = c_parser.CParser().parse(text, filename=name)
    except c_parser.ParseError as exc:
        raise ManifestError(f"{name}: cannot regenerate the shim, the source does not parse") from exc
    return c_generator.CGenerator().visit(ast)


for name, text in SOURCES.items():
    out = regenerate(name, text)
    print(f"== {name} ({len(out)} chars)")
    print(out)
"""


def python(tmp: Path) -> None:
    cp = tmp / SV
    put_bugs(cp)
    cap("pytest-pycparser-v-tbshort", "python -m pytest -v --tb=short -p no:cacheprovider tests 2>&1 | "
        "grep -v PASSED", cp, n_pytest, timeout=900)
    chain("chain-pycparser-pytest-q-exit", "chain-test-exit", "test",
          [Part("python -m pytest -q -p no:cacheprovider --tb=long tests/test_c_generator.py", n_pytest),
           Part("echo EXIT=$?", n_status_echo, ";")], cp, timeout=900)
    cap("ruff-concise-pycparser-all",
        "ruff check --no-cache --isolated --select ALL --output-format=concise pycparser/c_generator.py "
        "pycparser/ast_transforms.py pycparser/c_lexer.py pycparser/__init__.py examples", cp, n_ruff)
    d = tmp / "shims"
    d.mkdir()
    (d / "regen_shims.py").write_text(HEADERS)
    cap("python-chained-traceback-shims", "python3 regen_shims.py", d, n_chained, env={"PYTHONPATH": str(cp)})


def git_history(tmp: Path) -> None:
    repo = tmp / "pyc-git"
    pristine = tmp / "pristine"
    pristine.mkdir()
    run(f"tar --no-same-owner -xzf {next(SRC.glob('pycparser-*.tar.gz'))}", cwd=pristine)
    run(f"cp -r {pristine / SV} {repo} && rm -rf {pristine}")
    files = [repo / MAIN, repo / "tests/test_c_generator.py", repo / "pycparser/ast_transforms.py",
             repo / "pycparser/c_lexer.py"]
    keep = {p.relative_to(repo).as_posix(): p.read_text() for p in files}
    for p in files:
        p.unlink()
    run("git -c init.defaultBranch=main init -q && git add -A && git commit -qm 'Skeleton: packaging, parser, AST, examples'",
        cwd=repo, env={**GIT_ENV, "GIT_AUTHOR_DATE": "2025-04-03 09:12:00", "GIT_COMMITTER_DATE": "2025-04-03 09:12:00"})
    rnd = random.Random(24103)
    n = 0
    for rel, text in keep.items():
        body = text.splitlines(keepends=True)
        step = {MAIN: 50, "pycparser/ast_transforms.py": 35}.get(rel, 60)
        cuts = list(range(step, len(body), step)) + [len(body)]
        stem = rel.rsplit("/", 1)[-1].split(".")[0]
        for j, cut in enumerate(cuts):
            n += 1
            stamp = f"2025-{6 + n // 27:02d}-{1 + n % 27:02d} {8 + j % 9:02d}:{rnd.randint(10, 59)}:00"
            who = {} if n % 3 else {"GIT_AUTHOR_NAME": "Pavel Zeman", "GIT_AUTHOR_EMAIL": "pavel@example.org"}
            (repo / rel).write_text("".join(body[:cut]))
            msg = f"Add {stem}" if j == 0 else f"{stem}: part {j + 1} of {len(cuts)}"
            run(f"git add -A && git commit -qm '{msg}'", cwd=repo,
                env={**GIT_ENV, **who, "GIT_AUTHOR_DATE": stamp, "GIT_COMMITTER_DATE": stamp})
    put_bugs(repo)
    (repo / "NOTES.local").write_text("x-- printed x++? a - (b + c) loses its parens; << binds like +\n")
    cap("git-log-p-pycparser-head-1500", "git log -p | head -n 1500", repo, n_log_p, env=GIT_ENV)


FIXTURES = r"""
import fs from 'node:fs';
import {createRequire} from 'node:module';
const objectPath = createRequire(import.meta.url)('./node_modules/object-path/index.js');
let seed = 24104;
const rnd = () => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed / 2147483648; };
const pick = a => a[Math.floor(rnd() * a.length)];
const keys = ['order', 'lines', 'sku', 'qty', 'price', 'meta', 'tags', 'owner', 'name', 'address', 'city', 'zip',
  'flags', 'paid', 'notes', 'items', 'dims', 'w', 'h', 'depth', 'vendor', 'rating', 'stock', 'bins'];
function makeValue(depth) {
  const r = rnd();
  if (depth > 2 || r < 0.3) return pick([0, 1, 7, 42, -3, 'spoke', 'rim', '', true, false, null, 2.5]);
  if (r < 0.55) { const a = []; const n = Math.floor(rnd() * 4); for (let i = 0; i < n; i++) a.push(makeValue(depth + 1)); return a; }
  const o = {}; const n = 1 + Math.floor(rnd() * 4); for (let i = 0; i < n; i++) o[pick(keys)] = makeValue(depth + 1); return o;
}
function makePath(obj) {
  const parts = [];
  let cur = obj;
  const len = 1 + Math.floor(rnd() * 3);
  for (let i = 0; i < len; i++) {
    if (Array.isArray(cur) && cur.length && rnd() < 0.8) { const k = Math.floor(rnd() * (cur.length + 1)); parts.push(k); cur = cur[k]; }
    else if (cur && typeof cur === 'object' && !Array.isArray(cur) && rnd() < 0.8) { const k = pick(Object.keys(cur)); parts.push(k); cur = cur[k]; }
    else { parts.push(rnd() < 0.4 ? Math.floor(rnd() * 3) : pick(keys)); cur = undefined; }
  }
  return rnd() < 0.5 ? parts.join('.') : parts;
}
const ops = ['get', 'has', 'set', 'del', 'empty', 'push', 'ensureExists', 'insert'];
const cases = [];
for (let i = 0; i < 280; i++) {
  const obj = {root: makeValue(0), [pick(keys)]: makeValue(1)};
  const path = makePath(obj);
  const op = ops[(i * 5 + Math.floor(i / ops.length)) % ops.length];
  const copy = JSON.parse(JSON.stringify(obj));
  const args = op === 'set' || op === 'ensureExists' || op === 'push' ? [pick(['new', 9, [1, 2]])] : op === 'insert' ? ['x', Math.floor(rnd() * 3)] : op === 'get' ? ['dflt'] : [];
  let ret;
  try { ret = objectPath[op](copy, path, ...args); } catch (e) { continue; }
  cases.push({obj, path, op, args, want: JSON.stringify([ret === undefined ? '<undefined>' : ret, copy])});
}
let out = "import {test} from 'node:test';\nimport assert from 'node:assert/strict';\nimport {createRequire} from 'node:module';\n";
out += "const objectPath = createRequire(import.meta.url)('../lib/object-path.cjs');\n";
out += "const run = (obj, op, path, args) => { const ret = objectPath[op](obj, path, ...args); return JSON.stringify([ret === undefined ? '<undefined>' : ret, obj]); };\n\n";
cases.forEach((c, i) => {
  out += `test('case ${String(i).padStart(3, '0')} ${c.op} ${JSON.stringify(c.path).replace(/'/g, '')}', () => {\n`;
  out += `  assert.equal(run(${JSON.stringify(c.obj)}, '${c.op}', ${JSON.stringify(c.path)}, ${JSON.stringify(c.args)}), ${JSON.stringify(c.want)});\n});\n\n`;
});
fs.writeFileSync('spec/object-path.test.mjs', out);
"""

APP = """import {createRequire} from 'node:module';
const objectPath = createRequire(import.meta.url)('./object-path.cjs');

export function pluck(records, fields, opts) {
  var rows = [];
  for (const rec of records) {
    let row = {};
    for (const f of fields) {
      let v = objectPath.get(rec, f.path, f.fallback);
      if (opts.skipEmpty == true && v == null) continue
      objectPath.set(row, f.as || f.path, v);
    }
    rows.push(row);
  }
  return rows.length ? rows : undefined;
}
"""

ESLINT_CONFIG = """import js from "@eslint/js";
export default [js.configs.recommended, {rules: {"no-var": "error", eqeqeq: "error", "prefer-const": "warn",
  "no-unused-vars": "warn", curly: "error", "no-plusplus": "warn", complexity: ["warn", 4], semi: "warn",
  "no-param-reassign": "warn", "one-var": ["warn", "never"], "no-continue": "warn", "dot-notation": "warn",
  "prefer-template": "warn", "no-else-return": "warn", "no-eq-null": "error", "no-implicit-coercion": "warn",
  "no-nested-ternary": "warn", "no-mixed-operators": "warn", "func-style": "warn", "no-undefined": "warn",
  "prefer-rest-params": "warn", "no-magic-numbers": ["warn", {ignore: [0, 1]}], "vars-on-top": "warn",
  "no-void": "warn", "no-bitwise": "warn", "no-cond-assign": ["error", "always"], "guard-for-in": "warn",
  "prefer-spread": "warn", "max-statements": ["warn", 12], "no-use-before-define": "warn"},
  languageOptions: {ecmaVersion: 2025, sourceType: "module", globals: {module: "writable", exports: "writable",
  define: "readonly"}}},
  {files: ["**/*.cjs"], languageOptions: {sourceType: "script"}}];
"""

# The bugs put in: a missing intermediate always created as an array when the next key is a string (and as an
# object when it is a number); has() accepting the index one past an array's end; del() on an array index removing
# two elements.
JS_BUGS = [("object-path.cjs", "if (typeof path[1] === 'number') {", "if (typeof path[1] !== 'number') {"),
           ("object-path.cjs", "isArray(obj) && j < obj.length)", "isArray(obj) && j <= obj.length)"),
           ("object-path.cjs", "obj.splice(currentPath, 1)", "obj.splice(currentPath, 2)")]

TSCONFIG = json.dumps({"compilerOptions": {"allowJs": True, "checkJs": True, "strict": True, "noEmit": True,
                                           "target": "es2024", "module": "nodenext", "skipLibCheck": True},
                       "include": ["lib"]}, indent=2) + "\n"


def js_project(tmp: Path) -> None:
    root = tmp / "pathpluck"
    nm = JS / "node_modules"
    for d in ("lib", "spec"):
        (root / d).mkdir(parents=True, exist_ok=True)
    run(f"ln -s {nm} node_modules", cwd=root)
    write_tree(root, {"package.json": json.dumps({"name": "pathpluck", "version": "0.4.1", "type": "module",
                                                  "scripts": {"test": "node --test spec/"}}, indent=2) + "\n",
                      "fixtures.mjs": FIXTURES, "eslint.config.js": ESLINT_CONFIG, "lib/pluck.js": APP,
                      "tsconfig.json": TSCONFIG})
    run("node fixtures.mjs && rm fixtures.mjs", cwd=root)
    run(f"cp {nm}/object-path/index.js lib/object-path.cjs", cwd=root)
    for rel, old, new in JS_BUGS:
        f = root / "lib" / rel
        text = f.read_text()
        assert text.count(old) == 1, (rel, old)
        f.write_text(text.replace(old, new))
    chain("chain-node-test-object-path-exit", "chain-test-exit", "test",
          [Part("node --test spec/ 2>&1 | tail -n 700", n_node_test), Part("echo EXIT=$?", n_status_echo, ";")], root,
          timeout=600)
    cap("npm-view-object-path-json", "npm view object-path --json", tmp, n_npm_view, timeout=300)


LOG_LEVELS = ["INFO"] * 30 + ["DEBUG"] * 8 + ["WARNING"] * 3 + ["ERROR"]


def data(tmp: Path) -> None:
    d = tmp / "data"
    d.mkdir()
    run("find /usr/share/rspamd -type f -printf '%P,%s,%y,%n,%TY-%Tm-%Td\\n' | sort > rspamd.body && "
        "(echo path,bytes,type,links,modified; cat rspamd.body) > rspamd.csv && rm rspamd.body", cwd=d)
    run("sqlite3 rspamd.db '.mode csv' '.import rspamd.csv files'", cwd=d)
    rnd = random.Random(24105)
    lines = []
    loggers = ["winnowfan.hopper", "winnowfan.sieve", "winnowfan.http", "winnowfan.ledger"]
    for i in range(1500):
        lvl = rnd.choice(LOG_LEVELS)
        lg = rnd.choice(loggers)
        ts = f"2026-11-28 {3 + i // 240:02d}:{(i // 4) % 60:02d}:{(i * 13) % 60:02d},{rnd.randint(0, 999):03d}"
        msg = {"INFO": f"lot {rnd.randint(1, 60)} winnowed: {rnd.randint(20, 400)} kg of {rnd.choice(['barley', 'millet', 'emmer', 'sorghum'])}, chaff {rnd.randint(2, 19)}%",
               "DEBUG": f"fan speed {rnd.randint(300, 900)} rpm sampled in {rnd.randint(1, 60)} ms",
               "WARNING": f"sieve {rnd.randint(1, 8)} clogging, shaker retried {rnd.randint(2, 9)} times",
               "ERROR": f"fan motor {rnd.randint(1, 3)} drew {rnd.randint(11, 30)} A, line halted"}[lvl]
        lines.append(f"{ts} {lvl} {lg} [{5400 + rnd.randint(0, 3)}] {msg}")
    (d / "winnowfan.log").write_text("\n".join(lines) + "\n")
    cap("app-log-winnowfan-tail-800", "tail -n 800 winnowfan.log", d, n_app_log)
    srv = cm.start("cd /usr/share/doc/xapian-omega && exec python3 -m http.server 18241 --bind 127.0.0.1")
    try:
        time.sleep(1.5)
        cap("curl-html-xapian-omega-cgiparams", "curl -s http://127.0.0.1:18241/cgiparams.html", d, n_html)
    finally:
        os.killpg(srv.pid, signal.SIGTERM)


STEPS = [python, git_history, js_project, data]
