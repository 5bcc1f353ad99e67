"""Round 168, the material and a few direct items: titlecase's sdist with bugs put in (its own tests with pytest, and
its code run wrongly into a chained traceback), the pretty-ms project (a generated node --test suite whose expectations
come from the unbroken package, eslint), a git history built by committing titlecase's sources in steps, the machine's
installed Debian packages as a CSV and a sqlite table, an application log, npm view --json, and gperftools' heap-checker HTML
documentation served on loopback and fetched with curl. The trees stay under the round's scratch dir for OpenCode's
run. Each kind's extractor is the earlier rounds', imported. Run through capture_wide168.py."""

from __future__ import annotations

import json
import random
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
from capture_wide168 import JS, SRC, cap

TC = "titlecase-2.4.1"
INIT = "titlecase/__init__.py"
GIT_ENV = {"GIT_AUTHOR_NAME": "Ines Carvalho", "GIT_AUTHOR_EMAIL": "ines@example.org",
           "GIT_COMMITTER_NAME": "Ines Carvalho", "GIT_COMMITTER_EMAIL": "ines@example.org",
           "GIT_CONFIG_NOSYSTEM": "1", "GIT_CONFIG_GLOBAL": "/dev/null"}

# The bugs put in: "for" no longer a small word; a dash no longer opens a subphrase (its next small word stays lower).
BUGS = [(INIT, "SMALL = r'a|an|and|as|at|but|by|en|for|if|", "SMALL = r'a|an|and|as|at|but|by|en|if|"),
        (INIT, "SUBPHRASE = regex.compile(r'([:.;?!\\-–‒—―][ ])(%s)' % SMALL)",
         "SUBPHRASE = regex.compile(r'([:.;?!][ ])(%s)' % SMALL)")]


def put_bugs(root: Path) -> None:
    for rel, old, new in BUGS:
        f = root / rel
        text = f.read_text()
        assert text.count(old) == 1, (rel, old)
        f.write_text(text.replace(old, new))


HEADLINES = r"""
import titlecase


class HeadlineError(Exception):
    pass


def headline(story):
    try:
        return titlecase.titlecase(story["title"], callback=story.get("keep"))
    except Exception as exc:
        raise HeadlineError(f"story {story['slug']}: cannot set its headline") from exc


stories = [{"slug": "harbour-dues", "title": "harbour dues rise for the third year"},
           {"slug": "ferry-strike", "title": "ferry crews vote on a strike – talks go on"},
           {"slug": "budget-2027", "title": 2027},
           {"slug": "regatta", "title": "the regatta returns to the inner harbour"}]
for s in stories:
    print(s["slug"], "->", headline(s))
"""


def python(tmp: Path) -> None:
    cp = tmp / TC
    put_bugs(cp)
    cap("pytest-titlecase-tests-v", "python -m pytest -v -p no:cacheprovider titlecase/tests.py 2>&1 | tail -n 900",
        cp, n_pytest, timeout=600)
    chain("chain-titlecase-pytest-q-exit", "chain-test-exit", "test",
          [Part("python -m pytest -q -p no:cacheprovider --tb=short titlecase/tests.py", n_pytest),
           Part("echo EXIT=$?", n_status_echo, ";")], cp, timeout=600)
    cap("ruff-concise-titlecase", "ruff check --no-cache --isolated --select E,F,W,B,UP,SIM,PL,N,RUF,C4,PERF "
        "--output-format=concise .", cp, n_ruff)
    d = tmp / "headlines"
    d.mkdir()
    (d / "headlines.py").write_text(HEADLINES)
    cap("python-chained-traceback-headlines", "python3 headlines.py", d, n_chained, env={"PYTHONPATH": str(cp)})


def git_history(tmp: Path) -> None:
    repo = tmp / "titlecase-git"
    pristine = tmp / "pristine"
    pristine.mkdir()
    run(f"tar --no-same-owner -xzf {next(SRC.glob('titlecase-*.tar.gz'))}", cwd=pristine)
    run(f"cp -r {pristine / TC} {repo} && rm -rf {pristine} {repo}/titlecase.egg-info")
    files = [repo / INIT, repo / "titlecase/tests.py", repo / "README.rst"]
    keep = {p.relative_to(repo).as_posix(): p.read_text() for p in files}
    for p in files:
        p.unlink()
    run("git -c init.defaultBranch=main init -q && git add -A && git commit -qm 'Skeleton: packaging and CI'",
        cwd=repo, env={**GIT_ENV, "GIT_AUTHOR_DATE": "2025-03-03 10:12:00", "GIT_COMMITTER_DATE": "2025-03-03 10:12:00"})
    rnd = random.Random(16803)
    n = 0
    for rel, text in keep.items():
        body = text.splitlines(keepends=True)
        cuts = list(range(40, len(body), 40)) + [len(body)]
        stem = rel.rsplit("/", 1)[-1].split(".")[0]
        for j, cut in enumerate(cuts):
            n += 1
            stamp = f"2025-{3 + n // 10:02d}-{1 + n % 27:02d} {8 + j % 9:02d}:{rnd.randint(10, 59)}:00"
            who = {} if n % 3 else {"GIT_AUTHOR_NAME": "Tomasz Wrona", "GIT_AUTHOR_EMAIL": "tomasz@example.org"}
            (repo / rel).write_text("".join(body[:cut]))
            msg = f"Add {stem}" if j == 0 else f"{stem}: part {j + 1} of {len(cuts)}"
            run(f"git add -A && git commit -qm '{msg}'", cwd=repo,
                env={**GIT_ENV, **who, "GIT_AUTHOR_DATE": stamp, "GIT_COMMITTER_DATE": stamp})
    put_bugs(repo)
    (repo / "NOTES.local").write_text("does 'for' still stay lower case? ask about the dash subphrase\n")
    cap("git-log-p-titlecase-head-1400", "git log -p | head -n 1400", repo, n_log_p, env=GIT_ENV)


FIXTURES = r"""
import fs from 'node:fs';
import prettyMs from 'pretty-ms';
let seed = 16804;
const rnd = () => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed / 2147483648; };
const optsList = [{}, {verbose: true}, {compact: true}, {colonNotation: true}, {unitCount: 2},
                  {secondsDecimalDigits: 0}, {separateMilliseconds: true}, {hideYear: true}, {verbose: true, unitCount: 3}];
const cases = [];
for (let i = 0; i < 260; i++) {
  const scale = [1, 1000, 60000, 3600000, 86400000, 31536000000][Math.floor(rnd() * 6)];
  const ms = Math.floor(rnd() * 3 * scale) + (i % 7 === 0 ? 0 : Math.floor(rnd() * 999));
  const opts = optsList[i % optsList.length];
  cases.push({ms, opts, want: prettyMs(ms, opts)});
}
let out = "import {test} from 'node:test';\nimport assert from 'node:assert/strict';\nimport prettyMs from '../lib/pretty-ms.js';\n\n";
cases.forEach((c, i) => {
  out += `test('case ${String(i).padStart(3, '0')}: ${c.ms} ms ${JSON.stringify(c.opts).replace(/'/g, '')}', () => {\n`;
  out += `  assert.equal(prettyMs(${c.ms}, ${JSON.stringify(c.opts)}), ${JSON.stringify(c.want)});\n});\n\n`;
});
fs.writeFileSync('spec/pretty.test.mjs', out);
"""

APP = """import prettyMs from './pretty-ms.js';

export function report(jobs) {
  var lines = [];
  for (const job of jobs) {
    const unused = job.id;
    lines.push(job.name + ': ' + prettyMs(job.ms, {verbose: true}) + (job.ms == null ? ' (never ran)' : ''));
  }
  return lines.join('\\n') + prettyMs();
}
"""

ESLINT_CONFIG = """import js from "@eslint/js";
export default [js.configs.recommended, {rules: {"no-var": "error", eqeqeq: "error", "prefer-const": "warn",
  "no-unused-vars": "warn", curly: "error", "no-plusplus": "warn", complexity: ["warn", 4]},
  languageOptions: {ecmaVersion: 2022, sourceType: "module", globals: {BigInt: "readonly"}}}];
"""

JS_BUGS = [("pretty-ms.js", "(count === 1 || count === 1n) ? word", "(count === 1) ? word"),
           ("pretty-ms.js", "add(days % 365n, 'day', 'd');", "add(days % 366n, 'day', 'd');"),
           ("pretty-ms.js", "|| (!options.colonNotation && milliseconds < 1000)",
            "|| (!options.colonNotation && milliseconds <= 1000)")]

TSCONFIG = json.dumps({"compilerOptions": {"allowJs": True, "checkJs": True, "strict": True, "noEmit": True,
                                           "target": "es2022", "module": "nodenext", "skipLibCheck": True},
                       "include": ["lib"]}, indent=2) + "\n"


def js_project(tmp: Path) -> None:
    root = tmp / "job-timer"
    nm = JS / "node_modules"
    for d in ("lib", "spec"):
        (root / d).mkdir(parents=True, exist_ok=True)
    run(f"ln -s {nm} node_modules", cwd=root)
    write_tree(root, {"package.json": json.dumps({"name": "job-timer", "version": "2.3.0", "type": "module",
                                                  "scripts": {"test": "node --test spec/"}}, indent=2) + "\n",
                      "fixtures.mjs": FIXTURES, "eslint.config.js": ESLINT_CONFIG, "lib/report.js": APP,
                      "tsconfig.json": TSCONFIG})
    run("node fixtures.mjs && rm fixtures.mjs", cwd=root)
    run(f"cp {nm}/pretty-ms/index.js lib/pretty-ms.js", cwd=root)
    for rel, old, new in JS_BUGS:
        f = root / "lib" / rel
        text = f.read_text()
        assert text.count(old) == 1, (rel, old)
        f.write_text(text.replace(old, new))
    chain("chain-node-test-pretty-ms-exit", "chain-test-exit", "test",
          [Part("node --test spec/ 2>&1 | tail -n 700", n_node_test), Part("echo EXIT=$?", n_status_echo, ";")], root,
          timeout=600)
    cap("npm-view-pretty-ms-json", "npm view pretty-ms --json", tmp, n_npm_view, timeout=300)


LOG_LEVELS = ["INFO"] * 30 + ["DEBUG"] * 8 + ["WARNING"] * 3 + ["ERROR"]


def data(tmp: Path) -> None:
    d = tmp / "data"
    d.mkdir()
    run("dpkg-query -W -f='${Package},${Version},${Architecture},${Installed-Size},${Section},${Priority}\\n' "
        "| sort > pkgs.body && (echo package,version,arch,installed_kb,section,priority; cat pkgs.body) > packages.csv "
        "&& rm pkgs.body", cwd=d)
    run("sqlite3 packages.db '.mode csv' '.import packages.csv packages'", cwd=d)
    rnd = random.Random(16805)
    lines = []
    loggers = ["jobtimer.sched", "jobtimer.worker", "jobtimer.http", "jobtimer.store"]
    for i in range(1400):
        lvl = rnd.choice(LOG_LEVELS)
        lg = rnd.choice(loggers)
        ts = f"2026-11-30 {6 + i // 240:02d}:{(i // 4) % 60:02d}:{(i * 7) % 60:02d},{rnd.randint(0, 999):03d}"
        msg = {"INFO": f"job {rnd.randint(1000, 9999)} finished in {rnd.randint(20, 90000)} ms",
               "DEBUG": f"queue depth {rnd.randint(0, 40)} workers {rnd.randint(1, 8)}",
               "WARNING": f"job {rnd.randint(1000, 9999)} ran past its slot by {rnd.randint(1, 600)} s",
               "ERROR": f"job {rnd.randint(1000, 9999)} failed: store timeout after {rnd.randint(5, 30)} s"}[lvl]
        lines.append(f"{ts} {lvl} {lg} [{4100 + rnd.randint(0, 3)}] {msg}")
    (d / "jobtimer.log").write_text("\n".join(lines) + "\n")
    cap("app-log-jobtimer-tail-600", "tail -n 600 jobtimer.log", d, n_app_log)
    srv = cm.start(f"cd /usr/share/doc/gperftools && exec python3 -m http.server 18168 --bind 127.0.0.1")
    try:
        import time
        time.sleep(1.5)
        cap("curl-html-gperftools-heap-checker", "curl -s http://127.0.0.1:18168/heap_checker.html", d,
            n_html)
    finally:
        import os
        import signal
        os.killpg(srv.pid, signal.SIGTERM)


STEPS = [python, git_history, js_project, data]
