"""Round 191, the material and a few direct items: portion's sdist with bugs put in (its own tests with pytest, and
its code run wrongly into a chained traceback), the querykit project (query-string under a generated node --test suite
whose expectations come from the unbroken package, eslint), a git history built by committing portion's sources in
steps, the installed Debian packages as a CSV and a sqlite table, an application log, npm view --json, and restic's
backup-tuning HTML page served on loopback and fetched with curl. The trees stay under the round's scratch dir
for OpenCode's run. Each kind's extractor is the earlier rounds', imported. Run through capture_wide191.py."""

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
from capture_wide191 import JS, SRC, cap

SU = "portion-2.6.3"
MAIN = "portion/interval.py"
GIT_ENV = {"GIT_AUTHOR_NAME": "Oona Lindqvist", "GIT_AUTHOR_EMAIL": "oona@example.org",
           "GIT_COMMITTER_NAME": "Oona Lindqvist", "GIT_COMMITTER_EMAIL": "oona@example.org",
           "GIT_CONFIG_NOSYSTEM": "1", "GIT_CONFIG_GLOBAL": "/dev/null"}

# The bugs put in: two atomic intervals touching at a bound merge only when both bounds are closed; `adjacent` true
# when the two only overlap or their union is atomic; to_string writes the upper bound first.
BUGS = [(MAIN, "return first.right == Bound.CLOSED or second.left == Bound.CLOSED",
         "return first.right == Bound.CLOSED and second.left == Bound.CLOSED"),
        (MAIN, "return (self & other).empty and (self | other).atomic",
         "return (self & other).empty or (self | other).atomic"),
        ("portion/io.py", "exported_intervals.append(left + lower + sep + upper + right)",
         "exported_intervals.append(left + upper + sep + lower + right)")]


def put_bugs(root: Path) -> None:
    for rel, old, new in BUGS:
        f = root / rel
        text = f.read_text()
        assert text.count(old) == 1, (rel, old)
        f.write_text(text.replace(old, new))


BOOKINGS = r"""
import portion as P


class BookingError(Exception):
    pass


def slot(text):
    try:
        return P.from_string(text, conv=int)
    except Exception as exc:
        raise BookingError(f"berth slot {text!r}: not an interval") from exc


booked = P.empty()
for text in ["[600,720)", "[720,840)", "(900,960]", "[1000;1100]", "[1200,1260)"]:
    booked |= slot(text)
    print(text, "->", P.to_string(booked))
"""


def python(tmp: Path) -> None:
    cp = tmp / SU
    put_bugs(cp)
    cap("pytest-portion-v-rA", "python -m pytest -v -rA -p no:cacheprovider tests 2>&1",
        cp, n_pytest, timeout=600)
    chain("chain-portion-pytest-q-exit", "chain-test-exit", "test",
          [Part("python -m pytest -q -p no:cacheprovider --tb=short tests", n_pytest),
           Part("echo EXIT=$?", n_status_echo, ";")], cp, timeout=600)
    cap("ruff-concise-portion-all", "ruff check --no-cache --isolated --select ALL --output-format=concise portion", cp,
        n_ruff)
    d = tmp / "bookings"
    d.mkdir()
    (d / "bookings.py").write_text(BOOKINGS)
    cap("python-chained-traceback-bookings", "python3 bookings.py", d, n_chained, env={"PYTHONPATH": str(cp)})


def git_history(tmp: Path) -> None:
    repo = tmp / "portion-git"
    pristine = tmp / "pristine"
    pristine.mkdir()
    run(f"tar --no-same-owner -xzf {next(SRC.glob('portion-*.tar.gz'))}", cwd=pristine)
    run(f"cp -r {pristine / SU} {repo} && rm -rf {pristine}")
    files = [repo / MAIN, repo / "portion/dict.py", repo / "tests/test_interval.py", repo / "portion/io.py"]
    keep = {p.relative_to(repo).as_posix(): p.read_text() for p in files}
    for p in files:
        p.unlink()
    run("git -c init.defaultBranch=main init -q && git add -A && git commit -qm 'Skeleton: packaging and licence'",
        cwd=repo, env={**GIT_ENV, "GIT_AUTHOR_DATE": "2025-05-05 09:41:00", "GIT_COMMITTER_DATE": "2025-05-05 09:41:00"})
    rnd = random.Random(19103)
    n = 0
    for rel, text in keep.items():
        body = text.splitlines(keepends=True)
        cuts = list(range(25, len(body), 25)) + [len(body)]
        stem = rel.rsplit("/", 1)[-1].split(".")[0]
        for j, cut in enumerate(cuts):
            n += 1
            stamp = f"2025-{2 + n // 27:02d}-{1 + n % 27:02d} {8 + j % 9:02d}:{rnd.randint(10, 59)}:00"
            who = {} if n % 3 else {"GIT_AUTHOR_NAME": "Tomasz Wrona", "GIT_AUTHOR_EMAIL": "tomasz@example.org"}
            (repo / rel).write_text("".join(body[:cut]))
            msg = f"Add {stem}" if j == 0 else f"{stem}: part {j + 1} of {len(cuts)}"
            run(f"git add -A && git commit -qm '{msg}'", cwd=repo,
                env={**GIT_ENV, **who, "GIT_AUTHOR_DATE": stamp, "GIT_COMMITTER_DATE": stamp})
    put_bugs(repo)
    (repo / "NOTES.local").write_text("touching intervals no longer merge? to_string prints bounds swapped\n")
    cap("git-log-p-portion-head-1200", "git log -p | head -n 1200", repo, n_log_p, env=GIT_ENV)


FIXTURES = r"""
import fs from 'node:fs';
import qs from 'query-string';
let seed = 19104;
const rnd = () => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed / 2147483648; };
const pick = a => a[Math.floor(rnd() * a.length)];
const keys = ['berth', 'tide', 'gate', 'level', 'owner', 'note', 'slot', 'flag', 'depth', 'crew'];
const words = ['north*quay', 'lock 7', 'weir(2)', 'a&b', '', '0', '42', ' 3 ', 'true', 'FALSE', 'café', 'x=y', '-1.5',
               "o'neil", 'sluice!', '12', 'open'];
const formats = ['none', 'index', 'bracket', 'comma', 'separator', 'colon-list-separator'];
const cases = [];
for (let i = 0; i < 220; i++) {
  const arrayFormat = pick(formats);
  const options = {arrayFormat};
  if (arrayFormat === 'separator') options.arrayFormatSeparator = '|';
  if (i % 3 === 0) options.parseNumbers = true;
  if (i % 5 === 1) options.parseBooleans = true;
  if (i % 2 === 0) {
    const obj = {};
    const n = 1 + Math.floor(rnd() * 4);
    for (let k = 0; k < n; k++) {
      const key = pick(keys);
      obj[key] = rnd() < 0.4 ? [pick(words), pick(words), pick(words)].slice(0, 1 + Math.floor(rnd() * 3)) : pick(words);
    }
    cases.push({fn: 'stringify', arg: obj, options, want: qs.stringify(obj, options)});
  } else {
    const src = {};
    const n = 1 + Math.floor(rnd() * 4);
    for (let k = 0; k < n; k++) src[pick(keys)] = rnd() < 0.4 ? [pick(words), pick(words)] : pick(words);
    const query = qs.stringify(src, {arrayFormat});
    cases.push({fn: 'parse', arg: query, options, want: JSON.parse(JSON.stringify(qs.parse(query, options)))});
  }
}
let out = "import {test} from 'node:test';\nimport assert from 'node:assert/strict';\nimport qs from '../lib/index.js';\n\n";
cases.forEach((c, i) => {
  const label = (c.fn === 'parse' ? c.arg : JSON.stringify(c.arg)).replace(/['\\]/g, '').slice(0, 60);
  out += `test('case ${String(i).padStart(3, '0')}: ${c.fn} ${label} (${c.options.arrayFormat})', () => {\n`;
  const got = c.fn === 'parse' ? `JSON.parse(JSON.stringify(qs.parse(${JSON.stringify(c.arg)}, ${JSON.stringify(c.options)})))`
    : `qs.stringify(${JSON.stringify(c.arg)}, ${JSON.stringify(c.options)})`;
  out += `  assert.deepEqual(${got}, ${JSON.stringify(c.want)});\n});\n\n`;
});
fs.writeFileSync('spec/query.test.mjs', out);
"""

APP = """import qs from './index.js';

export function berthLink(base, berth) {
  var params = {};
  for (const key in berth) {
    const unused = key.length;
    if (berth[key] == null) continue
    params[key] = berth[key];
  }
  let tide = qs.parse(base.split('?')[1] || '', {parseNumbers: true}).tide;
  return tide == 0 ? base : base.split('?')[0] + '?' + qs.stringify(params, {arrayFormat: 'index'}) + tide;
}
"""

ESLINT_CONFIG = """import js from "@eslint/js";
export default [js.configs.recommended, {rules: {"no-var": "error", eqeqeq: "error", "prefer-const": "warn",
  "no-unused-vars": "warn", curly: "error", "no-plusplus": "warn", complexity: ["warn", 4], semi: "warn",
  "no-cond-assign": "warn", "no-param-reassign": "warn", "one-var": ["warn", "never"], "no-continue": "warn"},
  languageOptions: {ecmaVersion: 2025, sourceType: "module"}}];
"""

JS_BUGS = [("base.js", "replaceAll(/[!'\\(\\)*]/gv,", "replaceAll(/[!'\\(\\)]/gv,"),
           ("base.js", "return index => `[${index}]`;", "return index => `[${index + 1}]`;"),
           ("base.js", "options.parseNumbers && value.trim() !== '' && !Number.isNaN",
            "options.parseNumbers && !Number.isNaN")]

TSCONFIG = json.dumps({"compilerOptions": {"allowJs": True, "checkJs": True, "strict": True, "noEmit": True,
                                           "target": "es2024", "module": "nodenext", "skipLibCheck": True},
                       "include": ["lib"]}, indent=2) + "\n"


def js_project(tmp: Path) -> None:
    root = tmp / "querykit"
    nm = JS / "node_modules"
    for d in ("lib", "spec"):
        (root / d).mkdir(parents=True, exist_ok=True)
    run(f"ln -s {nm} node_modules", cwd=root)
    write_tree(root, {"package.json": json.dumps({"name": "querykit", "version": "0.4.2", "type": "module",
                                                  "scripts": {"test": "node --test spec/"}}, indent=2) + "\n",
                      "fixtures.mjs": FIXTURES, "eslint.config.js": ESLINT_CONFIG, "lib/berth-link.js": APP,
                      "tsconfig.json": TSCONFIG})
    run("node fixtures.mjs && rm fixtures.mjs", cwd=root)
    run(f"cp {nm}/query-string/index.js {nm}/query-string/base.js lib/", cwd=root)
    for rel, old, new in JS_BUGS:
        f = root / "lib" / rel
        text = f.read_text()
        assert text.count(old) == 1, (rel, old)
        f.write_text(text.replace(old, new))
    chain("chain-node-test-query-string-exit", "chain-test-exit", "test",
          [Part("node --test spec/ 2>&1 | tail -n 700", n_node_test), Part("echo EXIT=$?", n_status_echo, ";")], root,
          timeout=600)
    cap("npm-view-query-string-json", "npm view query-string --json", tmp, n_npm_view, timeout=300)


LOG_LEVELS = ["INFO"] * 30 + ["DEBUG"] * 8 + ["WARNING"] * 3 + ["ERROR"]


def data(tmp: Path) -> None:
    d = tmp / "data"
    d.mkdir()
    run("dpkg-query -W -f='${Package},${Version},${Installed-Size},${Section},${Architecture},${Priority}\\n' "
        "| sort > pkgs.body && (echo package,version,installed_kb,section,arch,priority; cat pkgs.body) > pkgs.csv && "
        "rm pkgs.body", cwd=d)
    run("sqlite3 pkgs.db '.mode csv' '.import pkgs.csv pkgs'", cwd=d)
    rnd = random.Random(19105)
    lines = []
    loggers = ["weirgate.levels", "weirgate.sluice", "weirgate.http", "weirgate.store"]
    for i in range(1400):
        lvl = rnd.choice(LOG_LEVELS)
        lg = rnd.choice(loggers)
        ts = f"2026-11-29 {6 + i // 240:02d}:{(i // 4) % 60:02d}:{(i * 7) % 60:02d},{rnd.randint(0, 999):03d}"
        msg = {"INFO": f"gate {rnd.randint(1, 14)} level {rnd.randint(120, 480)} cm, sluice {rnd.randint(0, 100)}% open",
               "DEBUG": f"sensor poll {rnd.randint(1, 40)} took {rnd.randint(2, 90)} ms",
               "WARNING": f"gate {rnd.randint(1, 14)} level reading out of band, kept the last good value",
               "ERROR": f"gate {rnd.randint(1, 14)} actuator did not answer after {rnd.randint(3, 20)} s"}[lvl]
        lines.append(f"{ts} {lvl} {lg} [{7300 + rnd.randint(0, 3)}] {msg}")
    (d / "weirgate.log").write_text("\n".join(lines) + "\n")
    cap("app-log-weirgate-tail-700", "tail -n 700 weirgate.log", d, n_app_log)
    srv = cm.start("cd /usr/share/doc/restic/html && exec python3 -m http.server 18191 --bind 127.0.0.1")
    try:
        time.sleep(1.5)
        cap("curl-html-restic-tuning", "curl -s http://127.0.0.1:18191/047_tuning_backup_parameters.html", d, n_html)
    finally:
        os.killpg(srv.pid, signal.SIGTERM)


STEPS = [python, git_history, js_project, data]
