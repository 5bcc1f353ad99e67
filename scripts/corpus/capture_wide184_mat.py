"""Round 184, the material and a few direct items: shortuuid's sdist with bugs put in (its own tests with pytest, and
its code run wrongly into a chained traceback), the timeslip project (parse-duration under a generated node --test
suite whose expectations come from the unbroken package, eslint), a git history built by committing shortuuid's
sources in steps, the machine's shared libraries as a CSV and a sqlite table, an application log, npm view --json, and
qemu's record/replay HTML page served on loopback and fetched with curl. The trees stay under the round's scratch dir
for OpenCode's run. Each kind's extractor is the earlier rounds', imported. Run through capture_wide184.py."""

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
from capture_wide184 import JS, SRC, cap

SU = "shortuuid-1.0.13"
MAIN = "shortuuid/main.py"
GIT_ENV = {"GIT_AUTHOR_NAME": "Priya Natarajan", "GIT_AUTHOR_EMAIL": "priya@example.org",
           "GIT_COMMITTER_NAME": "Priya Natarajan", "GIT_COMMITTER_EMAIL": "priya@example.org",
           "GIT_CONFIG_NOSYSTEM": "1", "GIT_CONFIG_GLOBAL": "/dev/null"}

# The bugs put in: padding one character short; a two-symbol alphabet refused; legacy decoding no longer reversed.
BUGS = [(MAIN, "remainder = max(padding - len(output), 0)", "remainder = max(padding - len(output) - 1, 0)"),
        (MAIN, "if len(new_alphabet) > 1:", "if len(new_alphabet) > 2:"),
        (MAIN, "string = string[::-1]", "string = string[::1]")]


def put_bugs(root: Path) -> None:
    for rel, old, new in BUGS:
        f = root / rel
        text = f.read_text()
        assert text.count(old) == 1, (rel, old)
        f.write_text(text.replace(old, new))


TICKETS = r"""
from shortuuid import ShortUUID


class TicketError(Exception):
    pass


desk = ShortUUID(alphabet="23456789ABCDEFGHJKLMNPQRSTUVWXYZ")


def ticket_uuid(code):
    try:
        return desk.decode(code)
    except Exception as exc:
        raise TicketError(f"ticket {code!r}: not a desk code") from exc


for code in ["7KQ2ZXW9M4PRT8VHBNC3DJ", "QQ2MAKNV7XT3P9RZLC6H8W", "9OLD-TICKET-0001", "5MV8RZ2KQ7TP3NCXW9HDJB"]:
    print(code, "->", ticket_uuid(code))
"""


def python(tmp: Path) -> None:
    cp = tmp / SU
    put_bugs(cp)
    cap("pytest-shortuuid-v-rA", "python -m pytest -v -rA -p no:cacheprovider shortuuid/test_shortuuid.py 2>&1",
        cp, n_pytest, timeout=600)
    chain("chain-shortuuid-pytest-q-exit", "chain-test-exit", "test",
          [Part("python -m pytest -q -p no:cacheprovider --tb=short shortuuid", n_pytest),
           Part("echo EXIT=$?", n_status_echo, ";")], cp, timeout=600)
    cap("ruff-concise-shortuuid-all", "ruff check --no-cache --isolated --select ALL --output-format=concise .", cp,
        n_ruff)
    d = tmp / "tickets"
    d.mkdir()
    (d / "tickets.py").write_text(TICKETS)
    cap("python-chained-traceback-tickets", "python3 tickets.py", d, n_chained, env={"PYTHONPATH": str(cp)})


def git_history(tmp: Path) -> None:
    repo = tmp / "shortuuid-git"
    pristine = tmp / "pristine"
    pristine.mkdir()
    run(f"tar --no-same-owner -xzf {next(SRC.glob('shortuuid-*.tar.gz'))}", cwd=pristine)
    run(f"cp -r {pristine / SU} {repo} && rm -rf {pristine}")
    files = [repo / MAIN, repo / "shortuuid/test_shortuuid.py", repo / "README.md", repo / "shortuuid/cli.py"]
    keep = {p.relative_to(repo).as_posix(): p.read_text() for p in files}
    for p in files:
        p.unlink()
    run("git -c init.defaultBranch=main init -q && git add -A && git commit -qm 'Skeleton: packaging and licence'",
        cwd=repo, env={**GIT_ENV, "GIT_AUTHOR_DATE": "2025-05-05 09:41:00", "GIT_COMMITTER_DATE": "2025-05-05 09:41:00"})
    rnd = random.Random(18403)
    n = 0
    for rel, text in keep.items():
        body = text.splitlines(keepends=True)
        cuts = list(range(25, len(body), 25)) + [len(body)]
        stem = rel.rsplit("/", 1)[-1].split(".")[0]
        for j, cut in enumerate(cuts):
            n += 1
            stamp = f"2025-{5 + n // 10:02d}-{1 + n % 27:02d} {8 + j % 9:02d}:{rnd.randint(10, 59)}:00"
            who = {} if n % 3 else {"GIT_AUTHOR_NAME": "Ruairi Walsh", "GIT_AUTHOR_EMAIL": "ruairi@example.org"}
            (repo / rel).write_text("".join(body[:cut]))
            msg = f"Add {stem}" if j == 0 else f"{stem}: part {j + 1} of {len(cuts)}"
            run(f"git add -A && git commit -qm '{msg}'", cwd=repo,
                env={**GIT_ENV, **who, "GIT_AUTHOR_DATE": stamp, "GIT_COMMITTER_DATE": stamp})
    put_bugs(repo)
    (repo / "NOTES.local").write_text("why does a binary alphabet fail now? legacy decode looks unreversed\n")
    cap("git-log-p-shortuuid-head-1200", "git log -p | head -n 1200", repo, n_log_p, env=GIT_ENV)


FIXTURES = r"""
import fs from 'node:fs';
import parse from 'parse-duration';
let seed = 18404;
const rnd = () => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed / 2147483648; };
const units = ['ms', 's', 'sec', 'seconds', 'm', 'min', 'minutes', 'h', 'hr', 'hours', 'd', 'days', 'w', 'weeks',
               'wk', 'mo', 'months', 'y', 'years', 'us', 'ns'];
const formats = ['ms', 's', 'm', 'h', 'd'];
const cases = [];
for (let i = 0; i < 240; i++) {
  const n = 1 + Math.floor(rnd() * 3);
  let s = i % 11 === 0 ? '-' : '';
  for (let k = 0; k < n; k++) {
    const v = rnd() < 0.2 ? (rnd() * 10).toFixed(1) : String(Math.floor(rnd() * 2000));
    const u = units[Math.floor(rnd() * units.length)];
    s += (k ? (rnd() < 0.5 ? ' ' : '') : '') + v + (rnd() < 0.3 ? ' ' : '') + u;
  }
  if (i % 13 === 5) s = `${1 + Math.floor(rnd() * 9)}h${10 + Math.floor(rnd() * 49)}`;
  const format = i % 4 === 0 ? formats[Math.floor(rnd() * formats.length)] : 'ms';
  cases.push({s, format, want: parse(s, format)});
}
let out = "import {test} from 'node:test';\nimport assert from 'node:assert/strict';\nimport parse from '../lib/parse-duration.js';\n\n";
cases.forEach((c, i) => {
  out += `test('case ${String(i).padStart(3, '0')}: ${JSON.stringify(c.s).replace(/'/g, '')} as ${c.format}', () => {\n`;
  out += `  assert.equal(parse(${JSON.stringify(c.s)}, ${JSON.stringify(c.format)}), ${JSON.stringify(c.want)});\n});\n\n`;
});
fs.writeFileSync('spec/parse.test.mjs', out);
"""

APP = """import parse from './parse-duration.js';

export function budget(entries) {
  var total = 0;
  for (const e of entries) {
    const unused = e.id;
    if (e.spent == null) continue
    total += parse(e.spent) - parse(e.estimate, 's');
  }
  return total == 0 ? 'on budget' : parse(total) + ' over';
}
"""

ESLINT_CONFIG = """import js from "@eslint/js";
export default [js.configs.recommended, {rules: {"no-var": "error", eqeqeq: "error", "prefer-const": "warn",
  "no-unused-vars": "warn", curly: "error", "no-plusplus": "warn", complexity: ["warn", 4], semi: "warn",
  "no-cond-assign": "warn", "no-param-reassign": "warn", "one-var": ["warn", "never"]},
  languageOptions: {ecmaVersion: 2022, sourceType: "module"}}];
"""

JS_BUGS = [("parse-duration.js", "(name.endsWith('s') ? unit[name.slice(0, -1)] : undefined)",
            "(name.endsWith('es') ? unit[name.slice(0, -2)] : undefined)"),
           ("parse-duration.js", "for (const u in unit) if (unit[u] < prevUnits) { units = u; break }",
            "for (const u in unit) if (unit[u] <= prevUnits) { units = u; break }"),
           ("locale/en.js", "unit.week = unit.wk = unit.w = d * 7", "unit.week = unit.wk = unit.w = d * 6")]

TSCONFIG = json.dumps({"compilerOptions": {"allowJs": True, "checkJs": True, "strict": True, "noEmit": True,
                                           "target": "es2022", "module": "nodenext", "skipLibCheck": True},
                       "include": ["lib"]}, indent=2) + "\n"


def js_project(tmp: Path) -> None:
    root = tmp / "timeslip"
    nm = JS / "node_modules"
    for d in ("lib", "spec"):
        (root / d).mkdir(parents=True, exist_ok=True)
    run(f"ln -s {nm} node_modules", cwd=root)
    write_tree(root, {"package.json": json.dumps({"name": "timeslip", "version": "0.9.1", "type": "module",
                                                  "scripts": {"test": "node --test spec/"}}, indent=2) + "\n",
                      "fixtures.mjs": FIXTURES, "eslint.config.js": ESLINT_CONFIG, "lib/budget.js": APP,
                      "tsconfig.json": TSCONFIG})
    run("node fixtures.mjs && rm fixtures.mjs", cwd=root)
    run(f"cp {nm}/parse-duration/index.js lib/parse-duration.js && cp -r {nm}/parse-duration/locale lib/locale",
        cwd=root)
    for rel, old, new in JS_BUGS:
        f = root / "lib" / rel
        text = f.read_text()
        assert text.count(old) == 1, (rel, old)
        f.write_text(text.replace(old, new))
    chain("chain-node-test-parse-duration-exit", "chain-test-exit", "test",
          [Part("node --test spec/ 2>&1 | tail -n 700", n_node_test), Part("echo EXIT=$?", n_status_echo, ";")], root,
          timeout=600)
    cap("npm-view-parse-duration-json", "npm view parse-duration --json", tmp, n_npm_view, timeout=300)


LOG_LEVELS = ["INFO"] * 30 + ["DEBUG"] * 8 + ["WARNING"] * 3 + ["ERROR"]


def data(tmp: Path) -> None:
    d = tmp / "data"
    d.mkdir()
    run("find /usr/lib/x86_64-linux-gnu -maxdepth 1 \\( -type f -o -type l \\) "
        "-printf '%f,%s,%y,%n,%TY-%Tm-%Td\\n' | sort > libs.body && "
        "(echo name,bytes,type,links,modified; cat libs.body) > libs.csv && rm libs.body", cwd=d)
    run("sqlite3 libs.db '.mode csv' '.import libs.csv libs'", cwd=d)
    rnd = random.Random(18405)
    lines = []
    loggers = ["ticketdesk.intake", "ticketdesk.codes", "ticketdesk.http", "ticketdesk.db"]
    for i in range(1400):
        lvl = rnd.choice(LOG_LEVELS)
        lg = rnd.choice(loggers)
        ts = f"2026-11-29 {6 + i // 240:02d}:{(i // 4) % 60:02d}:{(i * 7) % 60:02d},{rnd.randint(0, 999):03d}"
        msg = {"INFO": f"ticket {rnd.randint(10000, 99999)} issued to desk {rnd.randint(1, 12)}",
               "DEBUG": f"pool size {rnd.randint(1, 20)} waiting {rnd.randint(0, 9)}",
               "WARNING": f"ticket {rnd.randint(10000, 99999)} decoded with the legacy alphabet",
               "ERROR": f"ticket {rnd.randint(10000, 99999)} rejected: db write timed out after {rnd.randint(5, 30)} s"}[lvl]
        lines.append(f"{ts} {lvl} {lg} [{5200 + rnd.randint(0, 3)}] {msg}")
    (d / "ticketdesk.log").write_text("\n".join(lines) + "\n")
    cap("app-log-ticketdesk-tail-700", "tail -n 700 ticketdesk.log", d, n_app_log)
    srv = cm.start("cd /usr/share/doc/qemu-system-common/system && exec python3 -m http.server 18184 --bind 127.0.0.1")
    try:
        time.sleep(1.5)
        cap("curl-html-qemu-replay", "curl -s http://127.0.0.1:18184/replay.html", d, n_html)
    finally:
        os.killpg(srv.pid, signal.SIGTERM)


STEPS = [python, git_history, js_project, data]
