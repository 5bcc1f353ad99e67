"""Round 199, the material and a few direct items: semantic_version's sdist with bugs put in (its own tests with
pytest, and its code run wrongly into a chained traceback), the idnakit project (punycode under a generated node --test
suite whose expectations come from the unbroken package, eslint), a git history built by committing
semantic_version's sources in steps, the files of /usr/bin as a CSV and a sqlite table, an application log, npm view
--json, and verilator's install page served on loopback and fetched with curl. The trees stay under the round's
scratch dir for OpenCode's run. Each kind's extractor is the earlier rounds', imported. Run through
capture_wide199.py."""

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
from capture_wide199 import JS, SRC, cap

SV = "semantic_version-2.10.0"
MAIN = "semantic_version/base.py"
GIT_ENV = {"GIT_AUTHOR_NAME": "Nadia Okonkwo", "GIT_AUTHOR_EMAIL": "nadia@example.org",
           "GIT_COMMITTER_NAME": "Nadia Okonkwo", "GIT_COMMITTER_EMAIL": "nadia@example.org",
           "GIT_CONFIG_NOSYSTEM": "1", "GIT_CONFIG_GLOBAL": "/dev/null"}

# The bugs put in: an alphanumeric pre-release identifier sorts before a numeric one; next_minor keeps the minor of
# any version whose patch is 0 (not only of a pre-release); a build's identifiers are printed joined by '-'.
BUGS = [(MAIN, "elif isinstance(other, NumericIdentifier):\n            return False",
         "elif isinstance(other, NumericIdentifier):\n            return True"),
        (MAIN, "if self.prerelease and self.patch == 0:", "if self.patch == 0:"),
        (MAIN, "version = '%s+%s' % (version, '.'.join(self.build))",
         "version = '%s+%s' % (version, '-'.join(self.build))")]


def put_bugs(root: Path) -> None:
    for rel, old, new in BUGS:
        f = root / rel
        text = f.read_text()
        assert text.count(old) == 1, (rel, old)
        f.write_text(text.replace(old, new))


TRAIN = r"""
import semantic_version as sv


class ReleaseTrainError(Exception):
    pass


def tag(text):
    try:
        return sv.Version(text.lstrip("v"))
    except ValueError as exc:
        raise ReleaseTrainError(f"release tag {text!r} is not a semantic version") from exc


shipped = []
for text in ["v1.4.0", "v1.4.1-rc.1", "v1.4.1", "v1.5.0-beta.2", "v1.5", "v1.5.1"]:
    v = tag(text)
    shipped.append(v)
    print(text, "-> next minor", v.next_minor(), "| newest so far", max(shipped))
"""


def python(tmp: Path) -> None:
    cp = tmp / SV
    put_bugs(cp)
    cap("pytest-semantic-version-v-grep", "python -m pytest -v --tb=line -p no:cacheprovider tests 2>&1 | grep -v SUBPASSED",
        cp, n_pytest, timeout=600)
    chain("chain-semantic-version-pytest-q-exit", "chain-test-exit", "test",
          [Part("python -m pytest -q -p no:cacheprovider --tb=short tests", n_pytest),
           Part("echo EXIT=$?", n_status_echo, ";")], cp, timeout=600)
    cap("ruff-concise-semantic-version-all",
        "ruff check --no-cache --isolated --select ALL --output-format=concise semantic_version", cp, n_ruff)
    d = tmp / "releasetrain"
    d.mkdir()
    (d / "train.py").write_text(TRAIN)
    cap("python-chained-traceback-releasetrain", "python3 train.py", d, n_chained, env={"PYTHONPATH": str(cp)})


def git_history(tmp: Path) -> None:
    repo = tmp / "semver-git"
    pristine = tmp / "pristine"
    pristine.mkdir()
    run(f"tar --no-same-owner -xzf {next(SRC.glob('semantic_version-*.tar.gz'))}", cwd=pristine)
    run(f"cp -r {pristine / SV} {repo} && rm -rf {pristine}")
    files = [repo / MAIN, repo / "tests/test_base.py", repo / "tests/test_match.py", repo / "semantic_version/django_fields.py"]
    keep = {p.relative_to(repo).as_posix(): p.read_text() for p in files}
    for p in files:
        p.unlink()
    run("git -c init.defaultBranch=main init -q && git add -A && git commit -qm 'Skeleton: packaging, docs and licence'",
        cwd=repo, env={**GIT_ENV, "GIT_AUTHOR_DATE": "2025-03-11 10:17:00", "GIT_COMMITTER_DATE": "2025-03-11 10:17:00"})
    rnd = random.Random(19903)
    n = 0
    for rel, text in keep.items():
        body = text.splitlines(keepends=True)
        step = 60 if rel == MAIN else 30
        cuts = list(range(step, len(body), step)) + [len(body)]
        stem = rel.rsplit("/", 1)[-1].split(".")[0]
        for j, cut in enumerate(cuts):
            n += 1
            stamp = f"2025-{4 + n // 27:02d}-{1 + n % 27:02d} {9 + j % 8:02d}:{rnd.randint(10, 59)}:00"
            who = {} if n % 3 else {"GIT_AUTHOR_NAME": "Pieter Vos", "GIT_AUTHOR_EMAIL": "pieter@example.org"}
            (repo / rel).write_text("".join(body[:cut]))
            msg = f"Add {stem}" if j == 0 else f"{stem}: part {j + 1} of {len(cuts)}"
            run(f"git add -A && git commit -qm '{msg}'", cwd=repo,
                env={**GIT_ENV, **who, "GIT_AUTHOR_DATE": stamp, "GIT_COMMITTER_DATE": stamp})
    put_bugs(repo)
    (repo / "NOTES.local").write_text("1.2.0 -> next_minor gives 1.2.0 again? build metadata printed with dashes\n")
    cap("git-log-p-semver-head-1200", "git log -p | head -n 1200", repo, n_log_p, env=GIT_ENV)


FIXTURES = r"""
import fs from 'node:fs';
import {createRequire} from 'node:module';
const punycode = createRequire(import.meta.url)('./node_modules/punycode/punycode.js');
let seed = 19904;
const rnd = () => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed / 2147483648; };
const pick = a => a[Math.floor(rnd() * a.length)];
const labels = ['münchen', 'bücher', 'café', 'straße', 'mañana', 'zürich-öl', 'ελληνικά', 'тестовый', 'пример',
  '北京', '東京都', '日本語ドメイン', 'عربي', 'हिन्दी', 'ünïcödé-länge-beispiel', 'kaffee', 'example', 'tide-gauge',
  '☃', 'ﬁnance', 'Bücher', 'Ελλάδα', 'xn--mller-kva', 'naïve-résumé-déjà-vu'];
const tlds = ['de', 'com', 'org', 'jp', 'рф', 'example', 'test'];
const seps = ['.', '.', '.', '\u3002', '\uFF0E'];
const cases = [];
for (let i = 0; i < 220; i++) {
  const n = 1 + Math.floor(rnd() * 3);
  const parts = [];
  for (let k = 0; k < n; k++) parts.push(pick(labels));
  const sep = pick(seps);
  const domain = parts.join(sep) + sep + pick(tlds);
  const r = i % 5;
  if (r === 0) cases.push({fn: 'toASCII', arg: domain, want: punycode.toASCII(domain)});
  else if (r === 1) {
    const ascii = punycode.toASCII(domain.replaceAll('\u3002', '.').replaceAll('\uFF0E', '.'));
    const arg = i % 2 ? ascii : ascii.replace(/xn--([a-z])/, (m, c) => 'xn--' + c.toUpperCase());
    cases.push({fn: 'toUnicode', arg, want: punycode.toUnicode(arg)});
  } else if (r === 2) { const w = pick(labels); cases.push({fn: 'encode', arg: w, want: punycode.encode(w)}); }
  else if (r === 3) { const w = punycode.encode(pick(labels)); cases.push({fn: 'decode', arg: w, want: punycode.decode(w)}); }
  else { const mail = pick(['kapitän', 'ops', 'nadia']) + '@' + domain;
    cases.push({fn: 'toASCII', arg: mail, want: punycode.toASCII(mail)}); }
}
let out = "import {test} from 'node:test';\nimport assert from 'node:assert/strict';\nimport punycode from '../lib/punycode.js';\n\n";
cases.forEach((c, i) => {
  const label = c.arg.replace(/['\\]/g, '').slice(0, 60);
  out += `test('case ${String(i).padStart(3, '0')}: ${c.fn} ${label}', () => {\n`;
  out += `  assert.equal(punycode.${c.fn}(${JSON.stringify(c.arg)}), ${JSON.stringify(c.want)});\n});\n\n`;
});
fs.writeFileSync('spec/punycode.test.mjs', out);
"""

APP = """import punycode from './punycode.js';

export function mailLink(user, host, opts) {
  var parts = [];
  for (const key in opts) {
    const unused = key.length;
    if (opts[key] == null) continue
    parts.push(key + '=' + opts[key]);
  }
  let ascii = punycode.toASCII(user + '@' + host);
  return ascii == '' ? null : 'mailto:' + ascii + (parts.length ? '?' + parts.join('&') : '');
}
"""

ESLINT_CONFIG = """import js from "@eslint/js";
export default [js.configs.recommended, {rules: {"no-var": "error", eqeqeq: "error", "prefer-const": "warn",
  "no-unused-vars": "warn", curly: "error", "no-plusplus": "warn", complexity: ["warn", 4], semi: "warn",
  "no-bitwise": "warn", "no-param-reassign": "warn", "one-var": ["warn", "never"], "no-continue": "warn",
  "prefer-template": "warn", "no-else-return": "warn"},
  languageOptions: {ecmaVersion: 2025, sourceType: "module"}}];
"""

# The bugs put in: bias adaptation halving delta twice after the first code point; the ideographic full stop no
# longer a label separator; a mixed-case ACE label decoded without lower-casing its basic code points.
JS_BUGS = [("punycode.js", "delta = firstTime ? floor(delta / damp) : delta >> 1;",
            "delta = firstTime ? floor(delta / damp) : delta >> 2;"),
           ("punycode.js", "const regexSeparators = /[\\x2E\\u3002\\uFF0E\\uFF61]/g;",
            "const regexSeparators = /[\\x2E\\uFF0E\\uFF61]/g;"),
           ("punycode.js", "decode(string.slice(4).toLowerCase())", "decode(string.slice(4))")]

TSCONFIG = json.dumps({"compilerOptions": {"allowJs": True, "checkJs": True, "strict": True, "noEmit": True,
                                           "target": "es2024", "module": "nodenext", "skipLibCheck": True},
                       "include": ["lib"]}, indent=2) + "\n"


def js_project(tmp: Path) -> None:
    root = tmp / "idnakit"
    nm = JS / "node_modules"
    for d in ("lib", "spec"):
        (root / d).mkdir(parents=True, exist_ok=True)
    run(f"ln -s {nm} node_modules", cwd=root)
    write_tree(root, {"package.json": json.dumps({"name": "idnakit", "version": "0.2.7", "type": "module",
                                                  "scripts": {"test": "node --test spec/"}}, indent=2) + "\n",
                      "fixtures.mjs": FIXTURES, "eslint.config.js": ESLINT_CONFIG, "lib/mail-link.js": APP,
                      "tsconfig.json": TSCONFIG})
    run("node fixtures.mjs && rm fixtures.mjs", cwd=root)
    run(f"cp {nm}/punycode/punycode.es6.js lib/punycode.js", cwd=root)
    for rel, old, new in JS_BUGS:
        f = root / "lib" / rel
        text = f.read_text()
        assert text.count(old) == 1, (rel, old)
        f.write_text(text.replace(old, new))
    chain("chain-node-test-punycode-exit", "chain-test-exit", "test",
          [Part("node --test spec/ 2>&1 | tail -n 700", n_node_test), Part("echo EXIT=$?", n_status_echo, ";")], root,
          timeout=600)
    cap("npm-view-punycode-json", "npm view punycode --json", tmp, n_npm_view, timeout=300)


LOG_LEVELS = ["INFO"] * 30 + ["DEBUG"] * 8 + ["WARNING"] * 3 + ["ERROR"]


def data(tmp: Path) -> None:
    d = tmp / "data"
    d.mkdir()
    run("find /usr/bin -maxdepth 1 -printf '%f,%s,%y,%n,%TY-%Tm-%Td\\n' | sort > bins.body && "
        "(echo name,bytes,type,links,modified; cat bins.body) > bins.csv && rm bins.body", cwd=d)
    run("sqlite3 bins.db '.mode csv' '.import bins.csv bins'", cwd=d)
    rnd = random.Random(19905)
    lines = []
    loggers = ["ropewalk.spool", "ropewalk.twist", "ropewalk.http", "ropewalk.store"]
    for i in range(1400):
        lvl = rnd.choice(LOG_LEVELS)
        lg = rnd.choice(loggers)
        ts = f"2026-11-30 {5 + i // 240:02d}:{(i // 4) % 60:02d}:{(i * 11) % 60:02d},{rnd.randint(0, 999):03d}"
        msg = {"INFO": f"spool {rnd.randint(1, 18)} laid {rnd.randint(40, 320)} m at {rnd.randint(8, 60)} turns/m",
               "DEBUG": f"tension probe {rnd.randint(1, 30)} read in {rnd.randint(1, 80)} ms",
               "WARNING": f"spool {rnd.randint(1, 18)} tension above limit, slowed the traveller",
               "ERROR": f"spool {rnd.randint(1, 18)} hook motor stalled after {rnd.randint(2, 25)} s"}[lvl]
        lines.append(f"{ts} {lvl} {lg} [{8100 + rnd.randint(0, 3)}] {msg}")
    (d / "ropewalk.log").write_text("\n".join(lines) + "\n")
    cap("app-log-ropewalk-tail-700", "tail -n 700 ropewalk.log", d, n_app_log)
    srv = cm.start("cd /usr/share/doc/verilator/html && exec python3 -m http.server 18199 --bind 127.0.0.1")
    try:
        time.sleep(1.5)
        cap("curl-html-verilator-install", "curl -s http://127.0.0.1:18199/install.html", d, n_html)
    finally:
        os.killpg(srv.pid, signal.SIGTERM)


STEPS = [python, git_history, js_project, data]
