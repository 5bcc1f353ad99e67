"""Round 264, the material and a few direct items: parse's sdist with bugs put in (its own tests with pytest, ruff,
and its code run wrongly into a chained traceback), the pathwarden project (property-expr under a generated node --test
suite whose expectations come from the unbroken package), a git history built by committing parse's sources in steps,
the files of /usr/share/openscap as a CSV and a sqlite table, an application log, npm view --json, and a page of
texinfo's HTML manual served on loopback and fetched with curl. The trees stay under the round's scratch dir for
OpenCode's run. Each kind's extractor is the earlier rounds', imported. Run through capture_wide264.py."""

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
from capture_wide264 import JS, SRC, cap

SV = "parse-1.22.4"
MAIN = "parse/__init__.py"
GIT_ENV = {"GIT_AUTHOR_NAME": "Petra Voss", "GIT_AUTHOR_EMAIL": "petra@example.org",
           "GIT_COMMITTER_NAME": "Petra Voss", "GIT_COMMITTER_EMAIL": "petra@example.org",
           "GIT_CONFIG_NOSYSTEM": "1", "GIT_CONFIG_GLOBAL": "/dev/null"}

# The bugs put in: a percentage divided by 10, not 100; a PM hour moved by 11, not 12; a "+hh:mm" zone offset negated.
BUGS = [(MAIN, "return float(string[:-1]) / 100.0", "return float(string[:-1]) / 10.0"),
        (MAIN, "            H += 12\n", "            H += 11\n"),
        (MAIN, 'if sign == "-":\n                offset = -offset', 'if sign == "+":\n                offset = -offset')]


def put_bugs(root: Path) -> None:
    pp = root / "pyproject.toml"  # its addopts ask for pytest-cov, which the round does not install
    text = pp.read_text()
    old = 'addopts = "--cov=parse --cov-report=term-missing --cov-append --cov-branch '
    assert text.count(old) == 1
    pp.write_text(text.replace(old, 'addopts = "'))
    for rel, old, new in BUGS:
        f = root / rel
        text = f.read_text()
        assert text.count(old) == 1, (rel, old)
        f.write_text(text.replace(old, new))


HEADERS = r"""
import parse


class ReadingError(Exception):
    pass


LAYOUTS = {
    "kiln": "{stamp:ti} kiln {kiln:d} at {temp:g} C, fill {fill:%}",
    "press": "{stamp:ti} press {press:w} cycle {cycle:d}: {load:g} kN",
    "sieve": "{stamp:ti} sieve {mesh:d} passed {share:%} of {lot:w}",
}

READINGS = [
    ("kiln", "2026-11-30T06:15:00+01:00 kiln 3 at 1184.5 C, fill 72%"),
    ("press", "2026-11-30T06:16:10+01:00 press P7 cycle 4411: 118.25 kN"),
    ("sieve", "2026-11-30T06:17:42+01:00 sieve 40 passed 63.5% of L0931"),
    ("kiln", "06:18 kiln 4 at 1190 C, fill 70%"),
]


def read(layout, line):
    try:
        got = parse.parse(LAYOUTS[layout], line)
        return {k: got[k] for k in ("stamp", *sorted(got.named))}
    except (TypeError, AttributeError) as exc:
        raise ReadingError(f"{layout} reading does not fit its layout: {line!r}") from exc


for layout, line in READINGS:
    print(f"{layout:6} {read(layout, line)}")
"""


def python(tmp: Path) -> None:
    cp = tmp / SV
    put_bugs(cp)
    cap("pytest-parse-v-tbshort", "python -m pytest -v --tb=short -p no:cacheprovider tests 2>&1 | "
        "grep -v PASSED", cp, n_pytest, timeout=900)
    chain("chain-parse-pytest-q-exit", "chain-test-exit", "test",
          [Part("python -m pytest -q -p no:cacheprovider --tb=long tests/test_parse.py tests/test_bugs.py", n_pytest),
           Part("echo EXIT=$?", n_status_echo, ";")], cp, timeout=900)
    cap("ruff-concise-parse-tests-all",
        "ruff check --no-cache --isolated --select ALL --output-format=concise tests", cp, n_ruff)
    d = tmp / "readings"
    d.mkdir()
    (d / "read_kiln.py").write_text(HEADERS)
    cap("python-chained-traceback-readings", "python3 read_kiln.py", d, n_chained, env={"PYTHONPATH": str(cp)})


def git_history(tmp: Path) -> None:
    repo = tmp / "prs-git"
    pristine = tmp / "pristine"
    pristine.mkdir()
    run(f"tar --no-same-owner -xzf {next(SRC.glob('parse-*.tar.gz'))}", cwd=pristine)
    run(f"cp -r {pristine / SV} {repo} && rm -rf {pristine}")
    files = [repo / MAIN, repo / "tests/test_parse.py", repo / "tests/test_parsetype.py",
             repo / "tests/test_bugs.py"]
    keep = {p.relative_to(repo).as_posix(): p.read_text() for p in files}
    for p in files:
        p.unlink()
    run("git -c init.defaultBranch=main init -q && git add -A && git commit -qm 'Skeleton: packaging, README, type stubs'",
        cwd=repo, env={**GIT_ENV, "GIT_AUTHOR_DATE": "2025-04-07 09:40:00", "GIT_COMMITTER_DATE": "2025-04-07 09:40:00"})
    rnd = random.Random(26403)
    n = 0
    for rel, text in keep.items():
        body = text.splitlines(keepends=True)
        step = {MAIN: 60, "tests/test_parse.py": 70}.get(rel, 45)
        cuts = list(range(step, len(body), step)) + [len(body)]
        stem = rel.rsplit("/", 1)[-1].split(".")[0]
        for j, cut in enumerate(cuts):
            n += 1
            stamp = f"2025-{5 + n // 27:02d}-{1 + n % 27:02d} {8 + j % 9:02d}:{rnd.randint(10, 59)}:00"
            who = {} if n % 3 else {"GIT_AUTHOR_NAME": "Soren Tamm", "GIT_AUTHOR_EMAIL": "soren@example.org"}
            (repo / rel).write_text("".join(body[:cut]))
            msg = f"Add {stem}" if j == 0 else f"{stem}: part {j + 1} of {len(cuts)}"
            run(f"git add -A && git commit -qm '{msg}'", cwd=repo,
                env={**GIT_ENV, **who, "GIT_AUTHOR_DATE": stamp, "GIT_COMMITTER_DATE": stamp})
    put_bugs(repo)
    (repo / "NOTES.local").write_text("50% reads as 5.0? 3 PM reads as 14:00; +01:00 comes out west\n")
    cap("git-log-p-parse-head-1500", "git log -p | head -n 1500", repo, n_log_p, env=GIT_ENV)


FIXTURES = r"""
import fs from 'node:fs';
import {createRequire} from 'node:module';
const px = createRequire(import.meta.url)('./node_modules/property-expr/index.js');
let seed = 26404;
const rnd = () => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed / 2147483648; };
const pick = a => a[Math.floor(rnd() * a.length)];
const names = ['gate', 'ward', 'route', 'owner', 'tags', 'rows', 'meta', 'lane', 'post', 'shift', 'keys', 'notes',
  'zone', 'watch', 'relief', 'seal'];
const odd = ['2nd', 'a-b', 'gate#4', '$ref', 'n/a', 'q:1', 'lane 2'];
// a path as a list of segments: plain names, array indexes, quoted odd names
function makeSegs() {
  const n = 1 + Math.floor(rnd() * 4);
  const segs = [];
  for (let i = 0; i < n; i++) {
    const r = rnd();
    segs.push(r < 0.55 ? pick(names) : r < 0.8 ? String(Math.floor(rnd() * 4)) : `"${pick(odd)}"`);
  }
  return segs;
}
function toPath(segs) {
  return segs.map((s, i) => /^\d+$/.test(s) || s.startsWith('"') ? `[${s}]` : (i ? '.' : '') + s).join('');
}
function build(segs, leaf) {
  const keys = segs.map(s => s.replace(/^"|"$/g, ''));
  const root = /^\d+$/.test(keys[0]) ? [] : {};
  let cur = root;
  keys.forEach((k, i) => {
    if (i === keys.length - 1) { cur[k] = leaf; return; }
    cur[k] = /^\d+$/.test(keys[i + 1]) ? [] : {};
    cur = cur[k];
  });
  return root;
}
const ops = ['get', 'safe-get', 'set', 'split', 'normalize', 'join', 'forEach'];
const cases = [];
for (let i = 0; i < 280; i++) {
  const segs = makeSegs();
  const path = toPath(segs);
  const op = ops[i % ops.length];
  const leaf = pick([7, 'relief', true, null, 0, 'ward 3', 42.5]);
  const obj = build(segs, leaf);
  let want;
  try {
  if (op === 'get') want = px.getter(path)(obj);
  else if (op === 'safe-get') want = px.getter(path + '.missing.deeper', true)(obj);
  else if (op === 'set') { const o = JSON.parse(JSON.stringify(obj)); px.setter(path)(o, 'set-' + i); want = o; }
  else if (op === 'split') want = px.split(path);
  else if (op === 'normalize') want = px.normalizePath(path);
  else if (op === 'join') want = px.join(px.normalizePath(path).map(s => /^\d+$/.test(s) || !/[^\w$]/.test(s) ? s : `'${s}'`));
  else { want = []; px.forEach(path, (part, isBracket, isArray, idx) => { want.push([part, isBracket, isArray, idx]); }); }
  } catch (e) { continue; }
  cases.push({path, op, obj, want});
}
let out = "import {test} from 'node:test';\nimport assert from 'node:assert/strict';\nimport {createRequire} from 'node:module';\n";
out += "const px = createRequire(import.meta.url)('../lib/property-expr.cjs');\n\n";
cases.forEach((c, i) => {
  const P = JSON.stringify(c.path);
  out += `test('case ${String(i).padStart(3, '0')} ${c.op} ${c.path.replace(/'/g, "\\'")}', () => {\n`;
  out += `  const obj = ${JSON.stringify(c.obj)};\n`;
  if (c.op === 'get') out += `  assert.deepEqual(px.getter(${P})(obj), ${JSON.stringify(c.want)});\n`;
  else if (c.op === 'safe-get') out += `  assert.equal(px.getter(${P} + '.missing.deeper', true)(obj), undefined);\n`;
  else if (c.op === 'set') out += `  px.setter(${P})(obj, 'set-${i}');\n  assert.deepEqual(obj, ${JSON.stringify(c.want)});\n`;
  else if (c.op === 'split') out += `  assert.deepEqual(px.split(${P}), ${JSON.stringify(c.want)});\n`;
  else if (c.op === 'normalize') out += `  assert.deepEqual(px.normalizePath(${P}), ${JSON.stringify(c.want)});\n`;
  else if (c.op === 'join') out += `  const segs = px.normalizePath(${P}).map(s => /^\\d+$/.test(s) || !/[^\\w$]/.test(s) ? s : \`'\${s}'\`);\n  assert.equal(px.join(segs), ${JSON.stringify(c.want)});\n`;
  else out += `  const got = [];\n  px.forEach(${P}, (part, isBracket, isArray, idx) => { got.push([part, isBracket, isArray, idx]); });\n  assert.deepEqual(got, ${JSON.stringify(c.want)});\n`;
  out += '});\n\n';
});
fs.writeFileSync('spec/property-expr.test.mjs', out);
"""

APP = """import {createRequire} from 'node:module';
const px = createRequire(import.meta.url)('./property-expr.cjs');

export function pluck(records, paths, opts) {
  var out = [];
  for (const r of records) {
    let row = {};
    for (var i = 0; i < paths.length; i++) {
      let v = px.getter(paths[i], opts.safe == true)(r);
      if (opts.dropEmpty == true && v == null) continue
      row[paths[i]] = v;
      opts.count++;
    }
    out.push(row);
  }
  return out.length ? out : undefined;
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
  "object-shorthand": "warn", "max-statements": ["warn", 10], "no-use-before-define": "warn", "new-cap": "warn",
  "max-len": ["warn", {code: 80}], "no-new-func": "error", "no-shadow": "warn", "id-length": ["warn", {min: 3}],
  "no-unused-expressions": "warn"},
  languageOptions: {ecmaVersion: 2025, sourceType: "module", globals: {module: "writable", exports: "writable",
  require: "readonly", Buffer: "readonly"}}},
  {files: ["**/*.cjs"], languageOptions: {sourceType: "script"}}];
"""

# The bugs put in (the first occurrence of each): join writes an index as `.0` not `[0]`; a getter stops one segment
# short of the path's end; normalizePath keeps a quoted segment's quotes.
JS_BUGS = [("property-expr.cjs", "(isQuoted(part) || DIGIT_REGEX.test(part)", "(isQuoted(part) && DIGIT_REGEX.test(part)"),
           ("property-expr.cjs", "while (index < len) {", "while (index < len - 1) {"),
           ("property-expr.cjs", "part.replace(CLEAN_QUOTES_REGEX, '$2')", "part.replace(CLEAN_QUOTES_REGEX, '$1$2$1')")]

TSCONFIG = json.dumps({"compilerOptions": {"allowJs": True, "checkJs": True, "strict": True, "noEmit": True,
                                           "target": "es2024", "module": "nodenext", "skipLibCheck": True},
                       "include": ["lib"]}, indent=2) + "\n"


def js_project(tmp: Path) -> None:
    root = tmp / "pathwarden"
    nm = JS / "node_modules"
    for d in ("lib", "spec"):
        (root / d).mkdir(parents=True, exist_ok=True)
    run(f"ln -s {nm} node_modules", cwd=root)
    write_tree(root, {"package.json": json.dumps({"name": "pathwarden", "version": "0.3.9", "type": "module",
                                                  "scripts": {"test": "node --test spec/"}}, indent=2) + "\n",
                      "fixtures.mjs": FIXTURES, "eslint.config.js": ESLINT_CONFIG, "lib/pluck.js": APP,
                      "tsconfig.json": TSCONFIG})
    run("node fixtures.mjs && rm fixtures.mjs", cwd=root)
    run(f"cp {nm}/property-expr/index.js lib/property-expr.cjs", cwd=root)
    for rel, old, new in JS_BUGS:
        f = root / "lib" / rel
        text = f.read_text()
        assert old in text, (rel, old)
        f.write_text(text.replace(old, new, 1))
    chain("chain-node-test-property-expr-exit", "chain-test-exit", "test",
          [Part("node --test spec/ 2>&1 | tail -n 700", n_node_test), Part("echo EXIT=$?", n_status_echo, ";")], root,
          timeout=600)
    cap("npm-view-property-expr-json", "npm view property-expr --json", tmp, n_npm_view, timeout=300)


LOG_LEVELS = ["INFO"] * 28 + ["DEBUG"] * 10 + ["WARNING"] * 3 + ["ERROR"]


def data(tmp: Path) -> None:
    d = tmp / "data"
    d.mkdir()
    run("find /usr/share/openscap -type f -printf '%P,%s,%y,%n,%TY-%Tm-%Td\\n' | sort > openscap.body && "
        "(echo path,bytes,type,links,modified; cat openscap.body) > openscap.csv && rm openscap.body", cwd=d)
    run("sqlite3 openscap.db '.mode csv' '.import openscap.csv files'", cwd=d)
    rnd = random.Random(26405)
    lines = []
    loggers = ["winnowrig.hopper", "winnowrig.fan", "winnowrig.api", "winnowrig.tally"]
    for i in range(1700):
        lvl = rnd.choice(LOG_LEVELS)
        lg = rnd.choice(loggers)
        ts = f"2026-12-01 {3 + i // 240:02d}:{(i // 4) % 60:02d}:{(i * 13) % 60:02d},{rnd.randint(0, 999):03d}"
        msg = {"INFO": f"batch {rnd.randint(1, 90)} winnowed: {rnd.randint(20, 420)} kg of {rnd.choice(['barley', 'millet', 'sorghum', 'teff'])}, chaff {rnd.randint(2, 19)}%",
               "DEBUG": f"fan speed {rnd.randint(300, 1400)} rpm read in {rnd.randint(1, 45)} ms",
               "WARNING": f"riddle {rnd.randint(1, 6)} clogging, hopper paused {rnd.randint(2, 30)} s",
               "ERROR": f"fan motor {rnd.randint(1, 3)} drew {rnd.randint(18, 40)} A, rig halted"}[lvl]
        lines.append(f"{ts} {lvl} {lg} [{7400 + rnd.randint(0, 3)}] {msg}")
    (d / "winnowrig.log").write_text("\n".join(lines) + "\n")
    cap("app-log-winnowrig-head-700", "head -n 700 winnowrig.log", d, n_app_log)
    srv = cm.start("cd /usr/share/doc/texinfo/html && exec python3 -m http.server 18264 --bind 127.0.0.1")
    try:
        time.sleep(1.5)
        cap("curl-html-texinfo-command-list", "curl -s http://127.0.0.1:18264/Command-List.html", d, n_html)
    finally:
        os.killpg(srv.pid, signal.SIGTERM)


STEPS = [python, git_history, js_project, data]
