"""Round 252, the material and a few direct items: simpleeval's sdist with bugs put in (its own tests with pytest, ruff,
and its code run wrongly into a chained traceback), the replicard project (rfdc under a generated node --test
suite whose expectations come from the unbroken package), a git history built by committing simpleeval's sources in
steps, the files of /usr/share/postgresql as a CSV and a sqlite table, an application log, npm view --json, and a page of
python3-routes's HTML documentation served on loopback and fetched with curl. The trees stay under the round's scratch
dir for OpenCode's run. Each kind's extractor is the earlier rounds', imported. Run through capture_wide252.py."""

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
from capture_wide252 import JS, SRC, cap

SV = "simpleeval-1.0.8"
MAIN = "simpleeval.py"
GIT_ENV = {"GIT_AUTHOR_NAME": "Orla Quinlan", "GIT_AUTHOR_EMAIL": "orla@example.org",
           "GIT_COMMITTER_NAME": "Orla Quinlan", "GIT_COMMITTER_EMAIL": "orla@example.org",
           "GIT_CONFIG_NOSYSTEM": "1", "GIT_CONFIG_GLOBAL": "/dev/null"}

# The bugs put in: floor division evaluated as true division; `<=` evaluated as `<`; `not in` evaluated as `in`.
BUGS = [(MAIN, "ast.FloorDiv: op.floordiv,", "ast.FloorDiv: op.truediv,"),
        (MAIN, "ast.LtE: op.le,", "ast.LtE: op.lt,"),
        (MAIN, "ast.NotIn: lambda x, y: not op.contains(y, x),", "ast.NotIn: lambda x, y: op.contains(y, x),")]


def put_bugs(root: Path) -> None:
    for rel, old, new in BUGS:
        f = root / rel
        text = f.read_text()
        assert text.count(old) == 1, (rel, old)
        f.write_text(text.replace(old, new))


HEADERS = r"""
from simpleeval import EvalWithCompoundTypes, NameNotDefined


class TariffError(Exception):
    pass


RULES = {
    "bulk": "qty >= 50 and price * qty * 0.92 or price * qty",
    "crates": "(qty // 12) * crate_fee + (qty % 12) * unit_fee",
    "members": "price * qty * (0.85 if tier in ['gold', 'silver'] else 1)",
    "freight": "weight_kg * rate[zone] + surcharge",
}


def tariff(name, expr, **names):
    try:
        return EvalWithCompoundTypes(names=names).eval(expr)
    except NameNotDefined as exc:
        raise TariffError(f"rule {name!r} needs a value the order does not carry") from exc


order = {"qty": 64, "price": 3.5, "crate_fee": 9, "unit_fee": 1, "tier": "gold", "weight_kg": 41,
         "rate": {"north": 0.7, "south": 0.9}, "zone": "south"}
for name, expr in RULES.items():
    print(f"{name:8} {expr:60} -> {tariff(name, expr, **order)}")
"""


def python(tmp: Path) -> None:
    cp = tmp / SV
    put_bugs(cp)
    cap("pytest-simpleeval-v-tbshort", "python -m pytest -v --tb=short -p no:cacheprovider tests 2>&1 | "
        "grep -v PASSED", cp, n_pytest, timeout=900)
    chain("chain-simpleeval-pytest-q-exit", "chain-test-exit", "test",
          [Part("python -m pytest -q -p no:cacheprovider --tb=long tests/test_operators.py tests/test_unusual_comparisons.py", n_pytest),
           Part("echo EXIT=$?", n_status_echo, ";")], cp, timeout=900)
    cap("ruff-concise-simpleeval-all",
        "ruff check --no-cache --isolated --select ALL --output-format=concise simpleeval.py tests", cp, n_ruff)
    d = tmp / "tariffs"
    d.mkdir()
    (d / "price_orders.py").write_text(HEADERS)
    cap("python-chained-traceback-tariffs", "python3 price_orders.py", d, n_chained, env={"PYTHONPATH": str(cp)})


def git_history(tmp: Path) -> None:
    repo = tmp / "sev-git"
    pristine = tmp / "pristine"
    pristine.mkdir()
    run(f"tar --no-same-owner -xzf {next(SRC.glob('simpleeval-*.tar.gz'))}", cwd=pristine)
    run(f"cp -r {pristine / SV} {repo} && rm -rf {pristine}")
    files = [repo / MAIN, repo / "tests/test_security.py", repo / "tests/test_names.py",
             repo / "tests/test_module_wrapper.py"]
    keep = {p.relative_to(repo).as_posix(): p.read_text() for p in files}
    for p in files:
        p.unlink()
    run("git -c init.defaultBranch=main init -q && git add -A && git commit -qm 'Skeleton: packaging, README, the first tests'",
        cwd=repo, env={**GIT_ENV, "GIT_AUTHOR_DATE": "2025-02-11 10:05:00", "GIT_COMMITTER_DATE": "2025-02-11 10:05:00"})
    rnd = random.Random(25203)
    n = 0
    for rel, text in keep.items():
        body = text.splitlines(keepends=True)
        step = {MAIN: 50, "tests/test_security.py": 35}.get(rel, 40)
        cuts = list(range(step, len(body), step)) + [len(body)]
        stem = rel.rsplit("/", 1)[-1].split(".")[0]
        for j, cut in enumerate(cuts):
            n += 1
            stamp = f"2025-{3 + n // 27:02d}-{1 + n % 27:02d} {8 + j % 9:02d}:{rnd.randint(10, 59)}:00"
            who = {} if n % 3 else {"GIT_AUTHOR_NAME": "Teodor Rusu", "GIT_AUTHOR_EMAIL": "teodor@example.org"}
            (repo / rel).write_text("".join(body[:cut]))
            msg = f"Add {stem}" if j == 0 else f"{stem}: part {j + 1} of {len(cuts)}"
            run(f"git add -A && git commit -qm '{msg}'", cwd=repo,
                env={**GIT_ENV, **who, "GIT_AUTHOR_DATE": stamp, "GIT_COMMITTER_DATE": stamp})
    put_bugs(repo)
    (repo / "NOTES.local").write_text("7 // 2 gives 3.5? 3 <= 3 false; not in inverted\n")
    cap("git-log-p-simpleeval-head-1600", "git log -p | head -n 1600", repo, n_log_p, env=GIT_ENV)


FIXTURES = r"""
import fs from 'node:fs';
import {createRequire} from 'node:module';
const rfdc = createRequire(import.meta.url)('./node_modules/rfdc/index.js');
let seed = 25204;
const rnd = () => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed / 2147483648; };
const pick = a => a[Math.floor(rnd() * a.length)];
const keys = ['id', 'sku', 'qty', 'when', 'tags', 'bins', 'owner', 'name', 'seen', 'rows', 'meta', 'dims', 'crc',
  'notes', 'depth', 'flags', 'vendor', 'stock'];
// a value as JS source: primitives, arrays, plain objects, Dates, Maps, Sets, typed arrays
function makeCode(depth) {
  const r = rnd();
  if (depth > 2 || r < 0.28) return pick(['0', '1', '7', '42', '-3', '"shelf"', '"bin"', '""', 'true', 'false', 'null', '2.5']);
  if (r < 0.40) return `new Date(${1700000000000 + Math.floor(rnd() * 9e10)})`;
  if (r < 0.48) return `new Uint8Array([${[1, 2, 3].map(() => Math.floor(rnd() * 250)).join(', ')}])`;
  if (r < 0.55) return `new Set([${[0, 1].map(() => makeCode(depth + 2)).join(', ')}])`;
  if (r < 0.62) return `new Map([[${JSON.stringify(pick(keys))}, ${makeCode(depth + 1)}]])`;
  if (r < 0.80) { const n = Math.floor(rnd() * 4); return `[${Array.from({length: n}, () => makeCode(depth + 1)).join(', ')}]`; }
  const n = 1 + Math.floor(rnd() * 4); const ks = [...new Set(Array.from({length: n}, () => pick(keys)))];
  return `{${ks.map(k => `${k}: ${makeCode(depth + 1)}`).join(', ')}}`;
}
const SER = `const ser = v => JSON.stringify(v, function (k, x) { const o = this[k];
  if (o instanceof Date) return {$date: o.getTime()}; if (o instanceof Map) return {$map: [...o]};
  if (o instanceof Set) return {$set: [...o]}; if (ArrayBuffer.isView(o)) return {$bytes: [...o]}; return x; });
const mutate = v => { if (v instanceof Date) { v.setTime(v.getTime() + 86400000); return v; }
  if (ArrayBuffer.isView(v)) { v.fill(9); return v; } if (v instanceof Map || v instanceof Set) { v.clear(); return v; }
  if (Array.isArray(v)) { v.forEach((x, i) => { v[i] = mutate(x); }); return v; }
  if (v && typeof v === 'object') { for (const k of Object.keys(v)) v[k] = mutate(v[k]); return v; }
  return typeof v === 'number' ? v + 1 : typeof v === 'string' ? v + '!' : v; };`;
const {ser, mutate} = new Function(SER + '; return {ser, mutate};')();
const modes = ['{}', '{proto: true}', '{circles: true}', '{}', '{}'];
const cases = [];
for (let i = 0; i < 260; i++) {
  const code = `{root: ${makeCode(0)}, ${pick(keys)}: ${makeCode(1)}}`;
  const mode = modes[i % modes.length];
  const obj = new Function(`return (${code});`)();
  const copy = rfdc(new Function(`return (${mode});`)())(obj);
  mutate(obj);
  cases.push({code, mode, want: ser(copy)});
}
let out = "import {test} from 'node:test';\nimport assert from 'node:assert/strict';\nimport {createRequire} from 'node:module';\n";
out += "const rfdc = createRequire(import.meta.url)('../lib/rfdc.cjs');\n" + SER + "\n\n";
cases.forEach((c, i) => {
  out += `test('case ${String(i).padStart(3, '0')} clone ${c.mode.replace(/[{}]/g, '').trim() || 'default'}', () => {\n`;
  out += `  const obj = ${c.code};\n  const copy = rfdc(${c.mode})(obj);\n  mutate(obj);\n`;
  out += `  assert.equal(ser(copy), ${JSON.stringify(c.want)});\n});\n\n`;
});
fs.writeFileSync('spec/rfdc.test.mjs', out);
"""

APP = """import {createRequire} from 'node:module';
const rfdc = createRequire(import.meta.url)('./rfdc.cjs');

export function snapshot(store, keys, opts) {
  var clone = rfdc({proto: opts.proto == true});
  var out = {};
  for (const k of keys) {
    let v = store[k];
    if (opts.skipMissing == true && v == null) continue
    out[k] = clone(v);
    opts.count++;
  }
  return Object.keys(out).length ? out : undefined;
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
  "prefer-spread": "warn", "max-statements": ["warn", 12], "no-use-before-define": "warn", "new-cap": "warn",
  "max-len": ["warn", {code: 80}], "no-new-func": "error", "no-shadow": "warn", "id-length": ["warn", {min: 2}]},
  languageOptions: {ecmaVersion: 2025, sourceType: "module", globals: {module: "writable", exports: "writable",
  require: "readonly", Buffer: "readonly"}}},
  {files: ["**/*.cjs"], languageOptions: {sourceType: "script"}}];
"""

# The bugs put in (the first occurrence of each, in the default clone): a Date cloned with its milliseconds dropped;
# an array's last element left out of its clone; a typed array inside an object shared, not copied.
JS_BUGS = [("rfdc.cjs", "constructorHandlers.set(Date, (o) => new Date(o))",
            "constructorHandlers.set(Date, (o) => new Date(o - (o % 1000)))"),
           ("rfdc.cjs", "for (let i = 0; i < keys.length; i++)", "for (let i = 0; i < keys.length - 1; i++)"),
           ("rfdc.cjs", "o2[k] = copyBuffer(cur)", "o2[k] = cur")]

TSCONFIG = json.dumps({"compilerOptions": {"allowJs": True, "checkJs": True, "strict": True, "noEmit": True,
                                           "target": "es2024", "module": "nodenext", "skipLibCheck": True},
                       "include": ["lib"]}, indent=2) + "\n"


def js_project(tmp: Path) -> None:
    root = tmp / "replicard"
    nm = JS / "node_modules"
    for d in ("lib", "spec"):
        (root / d).mkdir(parents=True, exist_ok=True)
    run(f"ln -s {nm} node_modules", cwd=root)
    write_tree(root, {"package.json": json.dumps({"name": "replicard", "version": "0.6.2", "type": "module",
                                                  "scripts": {"test": "node --test spec/"}}, indent=2) + "\n",
                      "fixtures.mjs": FIXTURES, "eslint.config.js": ESLINT_CONFIG, "lib/snapshot.js": APP,
                      "tsconfig.json": TSCONFIG})
    run("node fixtures.mjs && rm fixtures.mjs", cwd=root)
    run(f"cp {nm}/rfdc/index.js lib/rfdc.cjs", cwd=root)
    for rel, old, new in JS_BUGS:
        f = root / "lib" / rel
        text = f.read_text()
        assert old in text, (rel, old)
        f.write_text(text.replace(old, new, 1))
    chain("chain-node-test-rfdc-exit", "chain-test-exit", "test",
          [Part("node --test spec/ 2>&1 | tail -n 700", n_node_test), Part("echo EXIT=$?", n_status_echo, ";")], root,
          timeout=600)
    cap("npm-view-rfdc-json", "npm view rfdc --json", tmp, n_npm_view, timeout=300)


LOG_LEVELS = ["INFO"] * 28 + ["DEBUG"] * 10 + ["WARNING"] * 3 + ["ERROR"]


def data(tmp: Path) -> None:
    d = tmp / "data"
    d.mkdir()
    run("find /usr/share/postgresql -type f -printf '%P,%s,%y,%n,%TY-%Tm-%Td\\n' | sort > postgresql.body && "
        "(echo path,bytes,type,links,modified; cat postgresql.body) > postgresql.csv && rm postgresql.body", cwd=d)
    run("sqlite3 postgresql.db '.mode csv' '.import postgresql.csv files'", cwd=d)
    rnd = random.Random(25205)
    lines = []
    loggers = ["threshboard.feeder", "threshboard.flail", "threshboard.http", "threshboard.ledger"]
    for i in range(1600):
        lvl = rnd.choice(LOG_LEVELS)
        lg = rnd.choice(loggers)
        ts = f"2026-11-30 {4 + i // 240:02d}:{(i // 4) % 60:02d}:{(i * 13) % 60:02d},{rnd.randint(0, 999):03d}"
        msg = {"INFO": f"sheaf {rnd.randint(1, 80)} threshed: {rnd.randint(15, 380)} kg of {rnd.choice(['spelt', 'rye', 'oats', 'einkorn'])}, straw {rnd.randint(3, 24)}%",
               "DEBUG": f"drum speed {rnd.randint(200, 800)} rpm sampled in {rnd.randint(1, 60)} ms",
               "WARNING": f"concave {rnd.randint(1, 8)} choking, feeder retried {rnd.randint(2, 9)} times",
               "ERROR": f"drum bearing {rnd.randint(1, 4)} at {rnd.randint(80, 120)} C, board stopped"}[lvl]
        lines.append(f"{ts} {lvl} {lg} [{6100 + rnd.randint(0, 3)}] {msg}")
    (d / "threshboard.log").write_text("\n".join(lines) + "\n")
    cap("app-log-threshboard-tail-800", "tail -n 800 threshboard.log", d, n_app_log)
    srv = cm.start("cd /usr/share/doc/python3-routes/html && exec python3 -m http.server 18252 --bind 127.0.0.1")
    try:
        time.sleep(1.5)
        cap("curl-html-python3-routes-uni-redirect-rest", "curl -s http://127.0.0.1:18252/uni_redirect_rest.html", d, n_html)
    finally:
        os.killpg(srv.pid, signal.SIGTERM)


STEPS = [python, git_history, js_project, data]
