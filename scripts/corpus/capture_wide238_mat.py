"""Round 238, the material and a few direct items: num2words' sdist with bugs put in (its own tests with pytest, and
its code run wrongly into a chained traceback), the tallyword project (pluralize under a generated node --test suite
whose expectations come from the unbroken package, eslint), a git history built by committing num2words' sources in
steps, the files of /usr/share/squid-langpack as a CSV and a sqlite table, an application log, npm view --json, and a
page of swish-e's HTML documentation served on loopback and fetched with curl. The trees stay under the round's
scratch dir for OpenCode's run. Each kind's extractor is the earlier rounds', imported. Run through
capture_wide238.py."""

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
from capture_wide238 import JS, SRC, cap

SV = "num2words-0.5.14"
MAIN = "num2words/base.py"
EN = "num2words/lang_EN.py"
GIT_ENV = {"GIT_AUTHOR_NAME": "Ruth Okonjo", "GIT_AUTHOR_EMAIL": "ruth@example.org",
           "GIT_COMMITTER_NAME": "Ruth Okonjo", "GIT_COMMITTER_EMAIL": "ruth@example.org",
           "GIT_CONFIG_NOSYSTEM": "1", "GIT_CONFIG_GLOBAL": "/dev/null"}

# The bugs put in: English ordinals of twelve spelt by the fallback ("twelveth"); English years ending 01-09 lose the
# "oh" (2009 read "twenty nine" only from 10 on: the bound moved to < 9); a hundred joined to its tens with a comma
# rather than "and" when the hundreds are exactly one hundred (lnum > 100 instead of >= 100).
BUGS = [(EN, '"twelve": "twelfth"}', '"twelve": "twelveth"}'),
        (EN, "            elif low < 10:\n", "            elif low < 9:\n"),
        (EN, "        elif lnum >= 100 > rnum:\n", "        elif lnum > 100 > rnum:\n")]


def put_bugs(root: Path) -> None:
    for rel, old, new in BUGS:
        f = root / rel
        text = f.read_text()
        assert text.count(old) == 1, (rel, old)
        f.write_text(text.replace(old, new))


CHEQUES = r"""
from num2words import num2words


class ChequeError(Exception):
    pass


def amount_words(amount, currency):
    try:
        return num2words(amount, to="currency", lang="en", currency=currency)
    except NotImplementedError as exc:
        raise ChequeError(f"cheque for {amount} {currency}: no wording for this currency, hold it for manual review") from exc


payees = [("Nkechi Stores", 1204.50, "USD"), ("Ulla's Bakery", 389.05, "EUR"),
          ("Riverside Coop", 77.99, "GBP"), ("Tamsin Hale", 2009, "USD")]
for name, amount, cur in payees:
    print(f"{name:<16} {amount:>9} {cur}  {amount_words(amount, cur)}")
print("cheque run", num2words(2009, to="year"), "number", num2words(112, to="ordinal"))
payees.append(("Oskar Vane", 640.00, "ZZX"))
print(len([amount_words(a, c) for _, a, c in payees]))
"""


def python(tmp: Path) -> None:
    cp = tmp / SV
    put_bugs(cp)
    cap("pytest-num2words-v-tbshort", "python -m pytest -v --tb=short -p no:cacheprovider tests "
        "--ignore=tests/test_cli.py 2>&1 | grep -v PASSED", cp, n_pytest, timeout=900)
    chain("chain-num2words-pytest-q-exit", "chain-test-exit", "test",
          [Part("python -m pytest -q -p no:cacheprovider --tb=long tests/test_en.py tests/test_base.py", n_pytest),
           Part("echo EXIT=$?", n_status_echo, ";")], cp, timeout=900)
    cap("ruff-concise-num2words-all",
        "ruff check --no-cache --isolated --select ALL --output-format=concise num2words/lang_EN.py "
        "num2words/base.py num2words/lang_EU.py num2words/lang_FR.py num2words/lang_DE.py num2words/__init__.py",
        cp, n_ruff)
    d = tmp / "cheques"
    d.mkdir()
    (d / "cheques.py").write_text(CHEQUES)
    cap("python-chained-traceback-cheques", "python3 cheques.py", d, n_chained, env={"PYTHONPATH": str(cp)})


def git_history(tmp: Path) -> None:
    repo = tmp / "n2w-git"
    pristine = tmp / "pristine"
    pristine.mkdir()
    run(f"tar --no-same-owner -xzf {next(SRC.glob('num2words-*.tar.gz'))}", cwd=pristine)
    run(f"cp -r {pristine / SV} {repo} && rm -rf {pristine}")
    files = [repo / MAIN, repo / "tests/test_en.py", repo / EN, repo / "num2words/lang_FR.py"]
    keep = {p.relative_to(repo).as_posix(): p.read_text() for p in files}
    for p in files:
        p.unlink()
    run("git -c init.defaultBranch=main init -q && git add -A && git commit -qm 'Skeleton: packaging, languages, licence'",
        cwd=repo, env={**GIT_ENV, "GIT_AUTHOR_DATE": "2025-05-12 07:44:00", "GIT_COMMITTER_DATE": "2025-05-12 07:44:00"})
    rnd = random.Random(23803)
    n = 0
    for rel, text in keep.items():
        body = text.splitlines(keepends=True)
        step = 50 if rel == MAIN else 35
        cuts = list(range(step, len(body), step)) + [len(body)]
        stem = rel.rsplit("/", 1)[-1].split(".")[0]
        for j, cut in enumerate(cuts):
            n += 1
            stamp = f"2025-{6 + n // 27:02d}-{1 + n % 27:02d} {8 + j % 9:02d}:{rnd.randint(10, 59)}:00"
            who = {} if n % 3 else {"GIT_AUTHOR_NAME": "Tomasz Wrona", "GIT_AUTHOR_EMAIL": "tomasz@example.org"}
            (repo / rel).write_text("".join(body[:cut]))
            msg = f"Add {stem}" if j == 0 else f"{stem}: part {j + 1} of {len(cuts)}"
            run(f"git add -A && git commit -qm '{msg}'", cwd=repo,
                env={**GIT_ENV, **who, "GIT_AUTHOR_DATE": stamp, "GIT_COMMITTER_DATE": stamp})
    put_bugs(repo)
    (repo / "NOTES.local").write_text("twelfth? years 2001-2009 lose the oh; 100 and N joined with a comma\n")
    cap("git-log-p-num2words-head-1400", "git log -p | head -n 1400", repo, n_log_p, env=GIT_ENV)


FIXTURES = r"""
import fs from 'node:fs';
import {createRequire} from 'node:module';
const pluralize = createRequire(import.meta.url)('./node_modules/pluralize/pluralize.js');
let seed = 23804;
const rnd = () => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed / 2147483648; };
const pick = a => a[Math.floor(rnd() * a.length)];
const nouns = ['city', 'box', 'bush', 'church', 'wish', 'knife', 'leaf', 'wolf', 'baby', 'party', 'story', 'lady',
  'fox', 'brush', 'dish', 'crash', 'match', 'glass', 'buzz', 'day', 'key', 'toy', 'boy', 'quay', 'soliloquy', 'fly',
  'tomato', 'hero', 'potato', 'echo', 'cactus', 'focus', 'radius', 'analysis', 'crisis', 'thesis', 'matrix', 'index',
  'vertex', 'mouse', 'person', 'child', 'man', 'woman', 'tooth', 'goose', 'sheep', 'fish', 'series', 'species',
  'datum', 'criterion', 'phenomenon', 'alumna', 'ox', 'quiz', 'bus', 'gas', 'alias', 'status', 'virus', 'octopus',
  'hobby', 'ferry', 'army', 'enemy', 'family', 'galaxy', 'penny', 'puppy', 'berry', 'sash', 'marsh', 'flash',
  'rash', 'splash', 'tax', 'wax', 'lynx', 'sphinx', 'batch', 'witch', 'ditch', 'patch', 'torch', 'bench',
  'Lady', 'City', 'BUSH', 'BOX', 'STORY', 'Wolf', 'Child', 'PERSON', 'Galaxy', 'Fox'];
const what = [
  ['plural', w => pluralize.plural(w)],
  ['singular', w => pluralize.singular(pluralize.plural(w))],
  ['count', w => pluralize(w, 3, true)],
  ['isPlural', w => String(pluralize.isPlural(pluralize.plural(w)))],
];
const cases = [];
for (let i = 0; i < 260; i++) {
  const w = i < nouns.length ? nouns[i] : pick(nouns);
  const [field, f] = what[(i * 7 + Math.floor(i / nouns.length)) % what.length];
  cases.push({w, field, want: f(w)});
}
let out = "import {test} from 'node:test';\nimport assert from 'node:assert/strict';\nimport {createRequire} from 'node:module';\n";
out += "const pluralize = createRequire(import.meta.url)('../lib/pluralize.cjs');\n";
out += "const pick = {\n" + what.map(([k, f]) => `  ${k}: ${f.toString()},`).join('\n') + "\n};\n\n";
cases.forEach((c, i) => {
  out += `test('case ${String(i).padStart(3, '0')} ${c.field} of ${c.w}', () => {\n`;
  out += `  assert.equal(pick.${c.field}(${JSON.stringify(c.w)}), ${JSON.stringify(c.want)});\n});\n\n`;
});
fs.writeFileSync('spec/pluralize.test.mjs', out);
"""

APP = """import {createRequire} from 'node:module';
const pluralize = createRequire(import.meta.url)('./pluralize.cjs');

export function tally(items, opts) {
  var counts = {};
  for (const it of items) {
    const key = pluralize.singular(it.name.toLowerCase());
    if (counts[key] == null) counts[key] = 0
    counts[key] += it.qty;
  }
  let lines = [];
  for (const k in counts) {
    if (opts.hideZero == true && counts[k] == 0) continue;
    lines.push(pluralize(k, counts[k], true));
  }
  return lines.length ? lines.join(', ') : 'nothing';
}
"""

ESLINT_CONFIG = """import js from "@eslint/js";
export default [js.configs.recommended, {rules: {"no-var": "error", eqeqeq: "error", "prefer-const": "warn",
  "no-unused-vars": "warn", curly: "error", "no-plusplus": "warn", complexity: ["warn", 5], semi: "warn",
  "no-param-reassign": "warn", "one-var": ["warn", "never"], "no-continue": "warn", "dot-notation": "warn",
  "prefer-template": "warn", "no-else-return": "warn", "no-eq-null": "error", "no-implicit-coercion": "warn",
  "no-nested-ternary": "warn", "no-mixed-operators": "warn", "func-style": "warn", "no-undefined": "warn",
  "prefer-rest-params": "warn", "no-magic-numbers": ["warn", {ignore: [0, 1]}], "vars-on-top": "warn"},
  languageOptions: {ecmaVersion: 2025, sourceType: "module", globals: {module: "writable", exports: "writable",
  define: "readonly"}}},
  {files: ["**/*.cjs"], languageOptions: {sourceType: "script"}}];
"""

# The bugs put in: a consonant-then-y word pluralised with "ys" (citys) rather than "ies"; an all-capitals word's
# result restored in lower case; words ending "sh" no longer taking "es" (bushs).
JS_BUGS = [("pluralize.cjs", "[/([^aeiouy]|qu)y$/i, '$1ies'],", "[/([^aeiouy]|qu)y$/i, '$1ys'],"),
           ("pluralize.cjs", "if (word === word.toUpperCase()) return token.toUpperCase();",
            "if (word === word.toUpperCase()) return token.toLowerCase();"),
           ("pluralize.cjs", "[/(x|ch|ss|sh|zz)$/i, '$1es'],", "[/(x|ch|ss|zz)$/i, '$1es'],")]

TSCONFIG = json.dumps({"compilerOptions": {"allowJs": True, "checkJs": True, "strict": True, "noEmit": True,
                                           "target": "es2024", "module": "nodenext", "skipLibCheck": True},
                       "include": ["lib"]}, indent=2) + "\n"


def js_project(tmp: Path) -> None:
    root = tmp / "tallyword"
    nm = JS / "node_modules"
    for d in ("lib", "spec"):
        (root / d).mkdir(parents=True, exist_ok=True)
    run(f"ln -s {nm} node_modules", cwd=root)
    write_tree(root, {"package.json": json.dumps({"name": "tallyword", "version": "0.2.7", "type": "module",
                                                  "scripts": {"test": "node --test spec/"}}, indent=2) + "\n",
                      "fixtures.mjs": FIXTURES, "eslint.config.js": ESLINT_CONFIG, "lib/tally.js": APP,
                      "tsconfig.json": TSCONFIG})
    run("node fixtures.mjs && rm fixtures.mjs", cwd=root)
    run(f"cp {nm}/pluralize/pluralize.js lib/pluralize.cjs", cwd=root)
    for rel, old, new in JS_BUGS:
        f = root / "lib" / rel
        text = f.read_text()
        assert text.count(old) == 1, (rel, old)
        f.write_text(text.replace(old, new))
    chain("chain-node-test-pluralize-exit", "chain-test-exit", "test",
          [Part("node --test spec/ 2>&1 | tail -n 700", n_node_test), Part("echo EXIT=$?", n_status_echo, ";")], root,
          timeout=600)
    cap("npm-view-pluralize-json", "npm view pluralize --json", tmp, n_npm_view, timeout=300)


LOG_LEVELS = ["INFO"] * 30 + ["DEBUG"] * 8 + ["WARNING"] * 3 + ["ERROR"]


def data(tmp: Path) -> None:
    d = tmp / "data"
    d.mkdir()
    run("find /usr/share/squid-langpack -type f -printf '%P,%s,%y,%n,%TY-%Tm-%Td\\n' | sort > langpack.body && "
        "(echo path,bytes,type,links,modified; cat langpack.body) > langpack.csv && rm langpack.body", cwd=d)
    run("sqlite3 langpack.db '.mode csv' '.import langpack.csv files'", cwd=d)
    rnd = random.Random(23805)
    lines = []
    loggers = ["quernstone.hopper", "quernstone.runner", "quernstone.http", "quernstone.ledger"]
    for i in range(1500):
        lvl = rnd.choice(LOG_LEVELS)
        lg = rnd.choice(loggers)
        ts = f"2026-12-01 {2 + i // 240:02d}:{(i // 4) % 60:02d}:{(i * 13) % 60:02d},{rnd.randint(0, 999):03d}"
        msg = {"INFO": f"batch {rnd.randint(1, 40)} ground: {rnd.randint(20, 300)} kg of {rnd.choice(['rye', 'spelt', 'oats', 'wheat'])} at {rnd.randint(40, 120)} rpm",
               "DEBUG": f"runner gap {rnd.randint(1, 9)}.{rnd.randint(0, 9)} mm read in {rnd.randint(1, 60)} ms",
               "WARNING": f"hopper {rnd.randint(1, 12)} feed uneven, shoe knocked {rnd.randint(2, 9)} times",
               "ERROR": f"runner stone {rnd.randint(1, 4)} overheated at {rnd.randint(61, 95)} C, mill stopped"}[lvl]
        lines.append(f"{ts} {lvl} {lg} [{7300 + rnd.randint(0, 3)}] {msg}")
    (d / "quernstone.log").write_text("\n".join(lines) + "\n")
    cap("app-log-quernstone-tail-700", "tail -n 700 quernstone.log", d, n_app_log)
    srv = cm.start("cd /usr/share/doc/swish-e/html && exec python3 -m http.server 18238 --bind 127.0.0.1")
    try:
        time.sleep(1.5)
        cap("curl-html-swish-e-filter", "curl -s http://127.0.0.1:18238/filter.html", d, n_html)
    finally:
        os.killpg(srv.pid, signal.SIGTERM)


STEPS = [python, git_history, js_project, data]
