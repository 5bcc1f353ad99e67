"""Round 213, the material and a few direct items: tinydb's sdist with bugs put in (its own tests with pytest, and its
code run wrongly into a chained traceback), the huekit project (tinycolor2 under a generated node --test suite whose
expectations come from the unbroken package, eslint), a git history built by committing tinydb's sources in steps,
the files of /usr/share/zoneinfo as a CSV and a sqlite table, an application log, npm view --json, and a page of
samhain's HTML manual served on loopback and fetched with curl. The trees stay under the round's scratch dir for
OpenCode's run. Each kind's extractor is the earlier rounds', imported. Run through capture_wide213.py."""

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
from capture_wide213 import JS, SRC, cap

SV = "tinydb-4.8.2"
MAIN = "tinydb/table.py"
QUERIES = "tinydb/queries.py"
GIT_ENV = {"GIT_AUTHOR_NAME": "Vesna Zupan", "GIT_AUTHOR_EMAIL": "vesna@example.org",
           "GIT_COMMITTER_NAME": "Vesna Zupan", "GIT_COMMITTER_EMAIL": "vesna@example.org",
           "GIT_CONFIG_NOSYSTEM": "1", "GIT_CONFIG_GLOBAL": "/dev/null"}

# The bugs put in: a query's `<=` testing `<`; `all([...])` over a list testing any of its items; the LRU query
# cache evicting one entry before it is full.
BUGS = [(QUERIES, "lambda value: value <= rhs,", "lambda value: value < rhs,"),
        (QUERIES, "return is_sequence(value) and all(e in value for e in cond)",
         "return is_sequence(value) and any(e in value for e in cond)"),
        ("tinydb/utils.py", "if self.capacity is not None and self.length > self.capacity:",
         "if self.capacity is not None and self.length >= self.capacity:")]


def put_bugs(root: Path) -> None:
    for rel, old, new in BUGS:
        f = root / rel
        text = f.read_text()
        assert text.count(old) == 1, (rel, old)
        f.write_text(text.replace(old, new))


PARCELS = r"""
import json
from tinydb import TinyDB, Query


class ParcelRegisterError(Exception):
    pass


def load(path):
    db = TinyDB(path)
    try:
        return db.table("parcels").all()
    except json.JSONDecodeError as exc:
        raise ParcelRegisterError(f"register {path!r} is unreadable, restore it from the nightly copy") from exc


good = TinyDB("depot.json")
parcels = good.table("parcels")
for i in range(1, 9):
    parcels.insert({"ref": f"PX-{i:04d}", "kg": 1.5 * i, "route": ["north", "south", "quay"][i % 3]})
Parcel = Query()
for route in ("north", "south", "quay"):
    rows = parcels.search(Parcel.route == route)
    print(f"{route:<6} {len(rows)} parcels, {sum(r['kg'] for r in rows):5.1f} kg")
with open("night.json", "w") as f:
    f.write('{"parcels": {"1": {"ref": "PX-0001", "kg": 1.5}, "2": {"ref": "PX-00')
print(len(load("night.json")))
"""


def python(tmp: Path) -> None:
    cp = tmp / SV
    put_bugs(cp)
    cap("pytest-tinydb-v-tbshort", "python -m pytest -v --tb=short -p no:cacheprovider tests 2>&1 "
        "| grep -v PASSED", cp, n_pytest, timeout=900)
    chain("chain-tinydb-pytest-q-exit", "chain-test-exit", "test",
          [Part("python -m pytest -q -p no:cacheprovider --tb=long tests/test_queries.py tests/test_utils.py", n_pytest),
           Part("echo EXIT=$?", n_status_echo, ";")], cp, timeout=900)
    cap("ruff-concise-tinydb-all",
        "ruff check --no-cache --isolated --select ALL --output-format=concise tinydb", cp, n_ruff)
    d = tmp / "parcels"
    d.mkdir()
    (d / "register.py").write_text(PARCELS)
    cap("python-chained-traceback-parcels", "python3 register.py", d, n_chained, env={"PYTHONPATH": str(cp)})


def git_history(tmp: Path) -> None:
    repo = tmp / "tdb-git"
    pristine = tmp / "pristine"
    pristine.mkdir()
    run(f"tar --no-same-owner -xzf {next(SRC.glob('tinydb-*.tar.gz'))}", cwd=pristine)
    run(f"cp -r {pristine / SV} {repo} && rm -rf {pristine}")
    files = [repo / MAIN, repo / "tests/test_tables.py", repo / QUERIES, repo / "tests/test_queries.py"]
    keep = {p.relative_to(repo).as_posix(): p.read_text() for p in files}
    for p in files:
        p.unlink()
    run("git -c init.defaultBranch=main init -q && git add -A && git commit -qm 'Skeleton: packaging, stubs and licence'",
        cwd=repo, env={**GIT_ENV, "GIT_AUTHOR_DATE": "2025-05-12 07:16:00", "GIT_COMMITTER_DATE": "2025-05-12 07:16:00"})
    rnd = random.Random(21303)
    n = 0
    for rel, text in keep.items():
        body = text.splitlines(keepends=True)
        step = 60 if rel == MAIN else 45
        cuts = list(range(step, len(body), step)) + [len(body)]
        stem = rel.rsplit("/", 1)[-1].split(".")[0]
        for j, cut in enumerate(cuts):
            n += 1
            stamp = f"2025-{6 + n // 27:02d}-{1 + n % 27:02d} {9 + j % 8:02d}:{rnd.randint(10, 59)}:00"
            who = {} if n % 3 else {"GIT_AUTHOR_NAME": "Wiktor Nowak", "GIT_AUTHOR_EMAIL": "wiktor@example.org"}
            (repo / rel).write_text("".join(body[:cut]))
            msg = f"Add {stem}" if j == 0 else f"{stem}: part {j + 1} of {len(cuts)}"
            run(f"git add -A && git commit -qm '{msg}'", cwd=repo,
                env={**GIT_ENV, **who, "GIT_AUTHOR_DATE": stamp, "GIT_COMMITTER_DATE": stamp})
    put_bugs(repo)
    (repo / "NOTES.local").write_text("queries: <= off by one? all() matching too much\n")
    cap("git-log-p-tinydb-head-1400", "git log -p | head -n 1400", repo, n_log_p, env=GIT_ENV)


FIXTURES = r"""
import fs from 'node:fs';
import {createRequire} from 'node:module';
const tinycolor = createRequire(import.meta.url)('./node_modules/tinycolor2/cjs/tinycolor.js');
let seed = 21304;
const rnd = () => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed / 2147483648; };
const int = (lo, hi) => lo + Math.floor(rnd() * (hi - lo + 1));
const pick = a => a[Math.floor(rnd() * a.length)];
const hex2 = () => pick(['00', '11', '33', '66', '99', 'cc', 'ff', int(0, 255).toString(16).padStart(2, '0')]);
const names = ['teal', 'salmon', 'olive', 'navy', 'orchid', 'peru', 'sienna', 'thistle', 'wheat', 'tomato'];
const cases = [];
for (let i = 0; i < 240; i++) {
  const r = i % 6;
  const input = pick([`#${hex2()}${hex2()}${hex2()}`, pick(names), `rgb(${int(0, 255)}, ${int(0, 255)}, ${int(0, 255)})`,
                      `hsl(${int(0, 359)}, ${int(5, 100)}%, ${int(5, 95)}%)`]);
  const n = int(3, 40);
  let expr;
  if (r === 0) expr = `tinycolor(${JSON.stringify(input)}).toHexString(true)`;
  else if (r === 1) expr = `tinycolor(${JSON.stringify(input)}).desaturate(${n}).toHexString()`;
  else if (r === 2) expr = `tinycolor(${JSON.stringify(input)}).spin(${n * 3}).toHexString()`;
  else if (r === 3) expr = `tinycolor(${JSON.stringify(input)}).lighten(${n}).toRgbString()`;
  else if (r === 4) expr = `tinycolor(${JSON.stringify(input)}).toHex(true) + ' ' + tinycolor(${JSON.stringify(input)}).isDark()`;
  else expr = `tinycolor.mix(${JSON.stringify(input)}, ${JSON.stringify(pick(names))}, ${n}).toHexString()`;
  cases.push({expr, want: String(eval(expr))});
}
let out = "import {test} from 'node:test';\nimport assert from 'node:assert/strict';\nimport {createRequire} from 'node:module';\n";
out += "const tinycolor = createRequire(import.meta.url)('../lib/tinycolor.cjs');\n\n";
cases.forEach((c, i) => {
  const label = c.expr.replace(/tinycolor(\.mix)?\(/, 'mix(').replace(/['\\"]/g, '').slice(0, 70);
  out += `test('case ${String(i).padStart(3, '0')}: ${label}', () => {\n`;
  out += `  assert.equal(String(${c.expr}), ${JSON.stringify(c.want)});\n});\n\n`;
});
fs.writeFileSync('spec/tinycolor.test.mjs', out);
"""

APP = """import {createRequire} from 'node:module';
const tinycolor = createRequire(import.meta.url)('./tinycolor.cjs');

export function swatchRow(base, opts) {
  var cells = [];
  for (const key in opts) {
    const step = key.length;
    if (opts[key] == null) continue
    cells.push(tinycolor(base).lighten(opts[key]).toHexString());
  }
  let dark = tinycolor(base).isDark();
  if (dark == false) return null;
  return base + ': ' + cells.join(' ');
}
"""

ESLINT_CONFIG = """import js from "@eslint/js";
export default [js.configs.recommended, {rules: {"no-var": "error", eqeqeq: "error", "prefer-const": "warn",
  "no-unused-vars": "warn", curly: "error", "no-plusplus": "warn", complexity: ["warn", 5], semi: "warn",
  "no-bitwise": "warn", "no-param-reassign": "warn", "one-var": ["warn", "never"], "no-continue": "warn",
  "prefer-template": "warn", "no-else-return": "warn", "no-eq-null": "error", "no-implicit-coercion": "warn",
  "no-nested-ternary": "warn", "no-mixed-operators": "warn"},
  languageOptions: {ecmaVersion: 2025, sourceType: "module", globals: {globalThis: "readonly", self: "readonly",
  module: "writable", exports: "writable", define: "readonly"}}},
  {files: ["**/*.cjs"], languageOptions: {sourceType: "script"}}];
"""

# The bugs put in: a 3-character hex kept when only red and green repeat their digit; desaturate taking a tenth of
# its amount; spin turning the hue the other way.
JS_BUGS = [("tinycolor.cjs", "hex[1].charAt(0) == hex[1].charAt(1) && hex[2].charAt(0) == hex[2].charAt(1)) {",
            "hex[1].charAt(0) == hex[1].charAt(1)) {"),
           ("tinycolor.cjs", "hsl.s -= amount / 100;", "hsl.s -= amount / 1000;"),
           ("tinycolor.cjs", "var hue = (hsl.h + amount) % 360;", "var hue = (hsl.h - amount) % 360;")]

TSCONFIG = json.dumps({"compilerOptions": {"allowJs": True, "checkJs": True, "strict": True, "noEmit": True,
                                           "target": "es2024", "module": "nodenext", "skipLibCheck": True},
                       "include": ["lib"]}, indent=2) + "\n"


def js_project(tmp: Path) -> None:
    root = tmp / "huekit"
    nm = JS / "node_modules"
    for d in ("lib", "spec"):
        (root / d).mkdir(parents=True, exist_ok=True)
    run(f"ln -s {nm} node_modules", cwd=root)
    write_tree(root, {"package.json": json.dumps({"name": "huekit", "version": "0.2.7", "type": "module",
                                                  "scripts": {"test": "node --test spec/"}}, indent=2) + "\n",
                      "fixtures.mjs": FIXTURES, "eslint.config.js": ESLINT_CONFIG, "lib/swatch.js": APP,
                      "tsconfig.json": TSCONFIG})
    run("node fixtures.mjs && rm fixtures.mjs", cwd=root)
    run(f"cp {nm}/tinycolor2/cjs/tinycolor.js lib/tinycolor.cjs", cwd=root)
    for rel, old, new in JS_BUGS:
        f = root / "lib" / rel
        text = f.read_text()
        assert text.count(old) == 1, (rel, old)
        f.write_text(text.replace(old, new))
    chain("chain-node-test-tinycolor-exit", "chain-test-exit", "test",
          [Part("node --test spec/ 2>&1 | tail -n 700", n_node_test), Part("echo EXIT=$?", n_status_echo, ";")], root,
          timeout=600)
    cap("npm-view-tinycolor2-json", "npm view tinycolor2 --json", tmp, n_npm_view, timeout=300)


LOG_LEVELS = ["INFO"] * 30 + ["DEBUG"] * 8 + ["WARNING"] * 3 + ["ERROR"]


def data(tmp: Path) -> None:
    d = tmp / "data"
    d.mkdir()
    run("find /usr/share/zoneinfo -type f -printf '%P,%s,%y,%n,%TY-%Tm-%Td\\n' | sort > zones.body && "
        "(echo path,bytes,type,links,modified; cat zones.body) > zones.csv && rm zones.body", cwd=d)
    run("sqlite3 zones.db '.mode csv' '.import zones.csv zones'", cwd=d)
    rnd = random.Random(21305)
    lines = []
    loggers = ["ropewalk.spinner", "ropewalk.twister", "ropewalk.http", "ropewalk.store"]
    for i in range(1500):
        lvl = rnd.choice(LOG_LEVELS)
        lg = rnd.choice(loggers)
        ts = f"2026-11-28 {4 + i // 240:02d}:{(i // 4) % 60:02d}:{(i * 13) % 60:02d},{rnd.randint(0, 999):03d}"
        msg = {"INFO": f"strand {rnd.randint(1, 18)} laid {rnd.randint(20, 320)} m at {rnd.randint(8, 40)} twists/m",
               "DEBUG": f"tension gauge {rnd.randint(1, 30)} sampled in {rnd.randint(1, 90)} ms",
               "WARNING": f"strand {rnd.randint(1, 18)} tension over limit, slowed the traveller",
               "ERROR": f"hook {rnd.randint(1, 18)} drive stalled after {rnd.randint(2, 30)} s"}[lvl]
        lines.append(f"{ts} {lvl} {lg} [{7300 + rnd.randint(0, 3)}] {msg}")
    (d / "ropewalk.log").write_text("\n".join(lines) + "\n")
    cap("app-log-ropewalk-tail-700", "tail -n 700 ropewalk.log", d, n_app_log)
    srv = cm.start("cd /usr/share/doc/samhain/manual.html && exec python3 -m http.server 18213 --bind 127.0.0.1")
    try:
        time.sleep(1.5)
        cap("curl-html-samhain-deployment", "curl -s http://127.0.0.1:18213/deployment.html", d, n_html)
    finally:
        os.killpg(srv.pid, signal.SIGTERM)


STEPS = [python, git_history, js_project, data]
