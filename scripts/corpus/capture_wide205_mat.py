"""Round 205, the material and a few direct items: transitions' sdist with bugs put in (its own tests with pytest,
and its code run wrongly into a chained traceback), the printkit project (sprintf-js under a generated node --test
suite whose expectations come from the unbroken package, eslint), a git history built by committing transitions'
sources in steps, the shared libraries of /usr/lib/x86_64-linux-gnu as a CSV and a sqlite table, an application log,
npm view --json, and a ruby-kramdown RDoc page served on loopback and fetched with curl. The trees stay under the
round's scratch dir for OpenCode's run. Each kind's extractor is the earlier rounds', imported. Run through
capture_wide205.py."""

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
from capture_wide205 import JS, SRC, cap

SV = "transitions-0.9.3"
MAIN = "transitions/core.py"
GIT_ENV = {"GIT_AUTHOR_NAME": "Tomasz Wieczorek", "GIT_AUTHOR_EMAIL": "tomasz@example.org",
           "GIT_COMMITTER_NAME": "Tomasz Wieczorek", "GIT_COMMITTER_EMAIL": "tomasz@example.org",
           "GIT_CONFIG_NOSYSTEM": "1", "GIT_CONFIG_GLOBAL": "/dev/null"}

# The bugs put in: a condition callback no longer receives the trigger's keyword arguments; a state's explicit
# ignore_invalid_triggers=False no longer overrides the machine's True; ordered transitions' loop starting one
# state late when it includes the initial state (and on it when it does not).
BUGS = [(MAIN, "return predicate(*event_data.args, **event_data.kwargs) == self.target",
         "return predicate(*event_data.args) == self.target"),
        (MAIN, "ignore = state.ignore_invalid_triggers if state.ignore_invalid_triggers is not None \\\n"
               "                else self.machine.ignore_invalid_triggers",
         "ignore = state.ignore_invalid_triggers if state.ignore_invalid_triggers \\\n"
         "                else self.machine.ignore_invalid_triggers"),
        (MAIN, "first_in_loop = states[0 if loop_includes_initial else 1]",
         "first_in_loop = states[1 if loop_includes_initial else 0]")]


def put_bugs(root: Path) -> None:
    for rel, old, new in BUGS:
        f = root / rel
        text = f.read_text()
        assert text.count(old) == 1, (rel, old)
        f.write_text(text.replace(old, new))


TRAM = r"""
from transitions import Machine, MachineError


class TramDispatchError(Exception):
    pass


class Tram:
    def __init__(self, number):
        self.number = number
        self.stops = 0

    def count_stop(self):
        self.stops += 1


states = ["depot", "boarding", "doors_closed", "running", "braking"]
transitions = [
    {"trigger": "open_line", "source": "depot", "dest": "boarding"},
    {"trigger": "close_doors", "source": "boarding", "dest": "doors_closed"},
    {"trigger": "depart", "source": "doors_closed", "dest": "running", "after": "count_stop"},
    {"trigger": "brake", "source": "running", "dest": "braking"},
    {"trigger": "arrive", "source": "braking", "dest": "boarding"},
]


def dispatch(tram, plan):
    for event in plan:
        try:
            tram.trigger(event)
        except MachineError as exc:
            raise TramDispatchError(f"tram {tram.number}: {event!r} refused in state {tram.state!r}") from exc
        print(f"tram {tram.number}: {event:<12} -> {tram.state:<13} stops={tram.stops}")


tram = Tram(17)
Machine(tram, states=states, transitions=transitions, initial="depot", ignore_invalid_triggers=False)
dispatch(tram, ["open_line", "close_doors", "depart", "brake", "arrive", "close_doors", "depart", "brake",
                "arrive", "depart", "brake"])
"""


def python(tmp: Path) -> None:
    cp = tmp / SV
    put_bugs(cp)
    cap("pytest-transitions-v-tbline", "python -m pytest -o addopts='' -v --tb=line -p no:cacheprovider tests 2>&1 "
        "| grep -v -e PASSED -e SKIPPED", cp, n_pytest, timeout=900)
    chain("chain-transitions-pytest-q-exit", "chain-test-exit", "test",
          [Part("python -m pytest -o addopts='' -q -p no:cacheprovider --tb=short tests/test_core.py "
                "tests/test_states.py tests/test_add_remove.py", n_pytest),
           Part("echo EXIT=$?", n_status_echo, ";")], cp, timeout=900)
    cap("ruff-concise-transitions-core-all",
        "ruff check --no-cache --isolated --select ALL --output-format=concise transitions/core.py", cp, n_ruff)
    d = tmp / "tramdispatch"
    d.mkdir()
    (d / "dispatch.py").write_text(TRAM)
    cap("python-chained-traceback-tramdispatch", "python3 dispatch.py", d, n_chained, env={"PYTHONPATH": str(cp)})


def git_history(tmp: Path) -> None:
    repo = tmp / "fsm-git"
    pristine = tmp / "pristine"
    pristine.mkdir()
    run(f"tar --no-same-owner -xzf {next(SRC.glob('transitions-*.tar.gz'))}", cwd=pristine)
    run(f"cp -r {pristine / SV} {repo} && rm -rf {pristine}")
    files = [repo / MAIN, repo / "tests/test_core.py", repo / "transitions/extensions/nesting.py",
             repo / "tests/test_nesting.py"]
    keep = {p.relative_to(repo).as_posix(): p.read_text() for p in files}
    for p in files:
        p.unlink()
    run("git -c init.defaultBranch=main init -q && git add -A && git commit -qm 'Skeleton: packaging, stubs and licence'",
        cwd=repo, env={**GIT_ENV, "GIT_AUTHOR_DATE": "2025-02-03 08:41:00", "GIT_COMMITTER_DATE": "2025-02-03 08:41:00"})
    rnd = random.Random(20503)
    n = 0
    for rel, text in keep.items():
        body = text.splitlines(keepends=True)
        step = 90 if rel == MAIN else 70
        cuts = list(range(step, len(body), step)) + [len(body)]
        stem = rel.rsplit("/", 1)[-1].split(".")[0]
        for j, cut in enumerate(cuts):
            n += 1
            stamp = f"2025-{3 + n // 27:02d}-{1 + n % 27:02d} {9 + j % 8:02d}:{rnd.randint(10, 59)}:00"
            who = {} if n % 3 else {"GIT_AUTHOR_NAME": "Ulla Rautio", "GIT_AUTHOR_EMAIL": "ulla@example.org"}
            (repo / rel).write_text("".join(body[:cut]))
            msg = f"Add {stem}" if j == 0 else f"{stem}: part {j + 1} of {len(cuts)}"
            run(f"git add -A && git commit -qm '{msg}'", cwd=repo,
                env={**GIT_ENV, **who, "GIT_AUTHOR_DATE": stamp, "GIT_COMMITTER_DATE": stamp})
    put_bugs(repo)
    (repo / "NOTES.local").write_text("conditions lose kwargs? ordered loop skips the initial state\n")
    cap("git-log-p-transitions-head-1500", "git log -p | head -n 1500", repo, n_log_p, env=GIT_ENV)


FIXTURES = r"""
import fs from 'node:fs';
import {createRequire} from 'node:module';
const {sprintf, vsprintf} = createRequire(import.meta.url)('./node_modules/sprintf-js/src/sprintf.js');
let seed = 20504;
const rnd = () => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed / 2147483648; };
const pick = a => a[Math.floor(rnd() * a.length)];
const int = (lo, hi) => lo + Math.floor(rnd() * (hi - lo + 1));
const words = ['pallet', 'quay', 'stevedore', 'winch', 'Rotterdam', 'Oslo', 'ÿstad', 'naïve', 'tug-7', 'ballast'];
const cases = [];
for (let i = 0; i < 230; i++) {
  const r = i % 8;
  let fmt, args;
  if (r === 0) { fmt = `%${pick(['', '+', "'*"])}${int(4, 9)}d|%s`; args = [int(-9999, 9999), pick(words)]; }
  else if (r === 1) { fmt = `%u and %x`; args = [int(-500, 500), int(0, 70000)]; }
  else if (r === 2) { fmt = `[%.${int(1, 6)}s] %-${int(6, 12)}s|`; args = [pick(words), pick(words)]; }
  else if (r === 3) { fmt = `%0${int(5, 10)}.${int(1, 3)}f`; args = [(rnd() - 0.5) * 2000]; }
  else if (r === 4) { fmt = `%(cargo.name)s weighs %(cargo.tons)d t`; args = [{cargo: {name: pick(words), tons: int(1, 900)}}]; }
  else if (r === 5) { fmt = `%2$s before %1$s (%3$+.${int(1, 4)}e)`; args = [pick(words), pick(words), (rnd() - 0.5) * 1e6]; }
  else if (r === 6) { fmt = `%b %o %X %c`; args = [int(0, 4096), int(0, 4096), int(0, 1 << 20), int(65, 90)]; }
  else { fmt = `%+${int(5, 9)}d|%'#${int(5, 10)}s|%t`; args = [int(-300, 300), pick(words), rnd() > 0.5]; }
  cases.push({fmt, args, want: vsprintf(fmt, args)});
}
let out = "import {test} from 'node:test';\nimport assert from 'node:assert/strict';\nimport {createRequire} from 'node:module';\n";
out += "const {vsprintf} = createRequire(import.meta.url)('../lib/sprintf.cjs');\n\n";
cases.forEach((c, i) => {
  const label = c.fmt.replace(/['\\]/g, '').slice(0, 60);
  out += `test('case ${String(i).padStart(3, '0')}: ${label}', () => {\n`;
  out += `  assert.equal(vsprintf(${JSON.stringify(c.fmt)}, ${JSON.stringify(c.args)}), ${JSON.stringify(c.want)});\n});\n\n`;
});
fs.writeFileSync('spec/sprintf.test.mjs', out);
"""

APP = """import {createRequire} from 'node:module';
const {sprintf} = createRequire(import.meta.url)('./sprintf.cjs');

export function manifestLine(item, opts) {
  var cols = [];
  for (const key in opts) {
    const width = key.length;
    if (opts[key] == null) continue
    cols.push(sprintf('%s=%s', key, opts[key]));
  }
  let tons = item.kg / 1000;
  if (tons == 0) return null;
  return sprintf('%-12s %8.2f t %s', item.name, tons, cols.join(' '));
}
"""

ESLINT_CONFIG = """import js from "@eslint/js";
export default [js.configs.recommended, {rules: {"no-var": "error", eqeqeq: "error", "prefer-const": "warn",
  "no-unused-vars": "warn", curly: "error", "no-plusplus": "warn", complexity: ["warn", 5], semi: "warn",
  "no-bitwise": "warn", "no-param-reassign": "warn", "one-var": ["warn", "never"], "no-continue": "warn",
  "prefer-template": "warn", "no-else-return": "warn", "no-eq-null": "error", "no-implicit-coercion": "warn"},
  languageOptions: {ecmaVersion: 2025, sourceType: "module", globals: {window: "readonly", exports: "writable",
  define: "readonly"}}},
  {files: ["**/*.cjs"], languageOptions: {sourceType: "script"}}];
"""

# The bugs put in: a padded number's sign no longer counted in its width; %u keeping a negative number's sign
# (>> for >>>); %s cutting one character short of its precision.
JS_BUGS = [("sprintf.cjs", "pad_length = ph.width - (sign + arg).length", "pad_length = ph.width - arg.length"),
           ("sprintf.cjs", "arg = parseInt(arg, 10) >>> 0\n", "arg = parseInt(arg, 10) >> 0\n"),
           ("sprintf.cjs", "arg = String(arg)\n                        arg = (ph.precision ? arg.substring(0, ph.precision) : arg)",
            "arg = String(arg)\n                        arg = (ph.precision ? arg.substring(0, ph.precision - 1) : arg)")]

TSCONFIG = json.dumps({"compilerOptions": {"allowJs": True, "checkJs": True, "strict": True, "noEmit": True,
                                           "target": "es2024", "module": "nodenext", "skipLibCheck": True},
                       "include": ["lib"]}, indent=2) + "\n"


def js_project(tmp: Path) -> None:
    root = tmp / "printkit"
    nm = JS / "node_modules"
    for d in ("lib", "spec"):
        (root / d).mkdir(parents=True, exist_ok=True)
    run(f"ln -s {nm} node_modules", cwd=root)
    write_tree(root, {"package.json": json.dumps({"name": "printkit", "version": "0.4.2", "type": "module",
                                                  "scripts": {"test": "node --test spec/"}}, indent=2) + "\n",
                      "fixtures.mjs": FIXTURES, "eslint.config.js": ESLINT_CONFIG, "lib/manifest.js": APP,
                      "tsconfig.json": TSCONFIG})
    run("node fixtures.mjs && rm fixtures.mjs", cwd=root)
    run(f"cp {nm}/sprintf-js/src/sprintf.js lib/sprintf.cjs", cwd=root)
    for rel, old, new in JS_BUGS:
        f = root / "lib" / rel
        text = f.read_text()
        assert text.count(old) == 1, (rel, old)
        f.write_text(text.replace(old, new))
    chain("chain-node-test-sprintf-exit", "chain-test-exit", "test",
          [Part("node --test spec/ 2>&1 | tail -n 700", n_node_test), Part("echo EXIT=$?", n_status_echo, ";")], root,
          timeout=600)
    cap("npm-view-sprintf-js-json", "npm view sprintf-js --json", tmp, n_npm_view, timeout=300)


LOG_LEVELS = ["INFO"] * 30 + ["DEBUG"] * 8 + ["WARNING"] * 3 + ["ERROR"]


def data(tmp: Path) -> None:
    d = tmp / "data"
    d.mkdir()
    run("find /usr/lib/x86_64-linux-gnu -maxdepth 1 -name '*.so*' -printf '%f,%s,%y,%n,%TY-%Tm-%Td\\n' | sort > libs.body && "
        "(echo name,bytes,type,links,modified; cat libs.body) > libs.csv && rm libs.body", cwd=d)
    run("sqlite3 libs.db '.mode csv' '.import libs.csv libs'", cwd=d)
    rnd = random.Random(20505)
    lines = []
    loggers = ["saltpan.brine", "saltpan.rake", "saltpan.http", "saltpan.store"]
    for i in range(1500):
        lvl = rnd.choice(LOG_LEVELS)
        lg = rnd.choice(loggers)
        ts = f"2026-12-01 {4 + i // 240:02d}:{(i // 4) % 60:02d}:{(i * 13) % 60:02d},{rnd.randint(0, 999):03d}"
        msg = {"INFO": f"pan {rnd.randint(1, 24)} raked {rnd.randint(30, 480)} kg at {rnd.randint(20, 34)} degBe",
               "DEBUG": f"brine probe {rnd.randint(1, 40)} read in {rnd.randint(1, 90)} ms",
               "WARNING": f"pan {rnd.randint(1, 24)} brine above saturation, opened the feed sluice",
               "ERROR": f"pan {rnd.randint(1, 24)} rake drive jammed after {rnd.randint(2, 30)} s"}[lvl]
        lines.append(f"{ts} {lvl} {lg} [{9200 + rnd.randint(0, 3)}] {msg}")
    (d / "saltpan.log").write_text("\n".join(lines) + "\n")
    cap("app-log-saltpan-tail-700", "tail -n 700 saltpan.log", d, n_app_log)
    srv = cm.start("cd /usr/share/doc/ruby-kramdown/rdoc && exec python3 -m http.server 18205 --bind 127.0.0.1")
    try:
        time.sleep(1.5)
        cap("curl-html-kramdown-element", "curl -s http://127.0.0.1:18205/Kramdown/Element.html", d, n_html)
    finally:
        os.killpg(srv.pid, signal.SIGTERM)


STEPS = [python, git_history, js_project, data]
