"""Round 222, the material and a few direct items: w3lib's sdist with bugs put in (its own tests with pytest, and its
code run wrongly into a chained traceback), the uasniff project (ua-parser-js under a generated node --test suite
whose expectations come from the unbroken package, eslint), a git history built by committing w3lib's sources in
steps, the files of /usr/share/i18n as a CSV and a sqlite table, an application log, npm view --json, and a page of
pspp's HTML manual served on loopback and fetched with curl. The trees stay under the round's scratch dir for
OpenCode's run. Each kind's extractor is the earlier rounds', imported. Run through capture_wide222.py."""

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
from capture_wide222 import JS, SRC, cap

SV = "w3lib-2.5.0"
MAIN = "w3lib/url.py"
HTML = "w3lib/html.py"
GIT_ENV = {"GIT_AUTHOR_NAME": "Oona Rautio", "GIT_AUTHOR_EMAIL": "oona@example.org",
           "GIT_COMMITTER_NAME": "Oona Rautio", "GIT_COMMITTER_EMAIL": "oona@example.org",
           "GIT_CONFIG_NOSYSTEM": "1", "GIT_CONFIG_GLOBAL": "/dev/null"}

# The bugs put in: url_query_cleaner dropping a bare key (`?a&b=1`); remove_tags matching `which_ones` case-sensitively;
# basic_auth_header encoding with UTF-8 by default instead of ISO-8859-1.
BUGS = [(MAIN, "        if not ksv:\n            continue",
         "        if not ksv or kvsep not in ksv:\n            continue"),
        (HTML, "tags = {tag.lower() for tag in which_ones} if which_ones else ()",
         "tags = set(which_ones) if which_ones else ()"),
        ("w3lib/http.py", 'encoding: str = "ISO-8859-1"', 'encoding: str = "utf-8"')]


def put_bugs(root: Path) -> None:
    for rel, old, new in BUGS:
        f = root / rel
        text = f.read_text()
        assert text.count(old) == 1, (rel, old)
        f.write_text(text.replace(old, new))


FRONTIER = r"""
from w3lib.url import canonicalize_url, url_query_cleaner
from w3lib.html import remove_tags


class FrontierError(Exception):
    pass


def clean(url, keep):
    try:
        return url_query_cleaner(url, keep)
    except AttributeError as exc:
        raise FrontierError(f"frontier entry {url!r} is not a URL, re-queue it from the seed list") from exc


seeds = ["https://shop.example.org/item?id=7&utm_source=feed&colour=red",
         "https://shop.example.org/item?colour=blue&id=12&ref=mail",
         "https://news.example.org/a/b/../c?page=2&sid=99",
         "https://news.example.org/a/c?sid=3&page=10#top"]
for u in seeds:
    print(f"{canonicalize_url(u):<55} -> {clean(u, ['id', 'page', 'colour'])}")
print(remove_tags("<p>Queued <b>4</b> seeds</p>"))
frontier = seeds + [None]
print(len([clean(u, ["id"]) for u in frontier]))
"""


def python(tmp: Path) -> None:
    cp = tmp / SV
    put_bugs(cp)
    cap("pytest-w3lib-v-tbshort", "python -m pytest -v --tb=short -p no:cacheprovider tests --ignore=tests/benchmarks "
        "2>&1 | grep -v PASSED", cp, n_pytest, timeout=900)
    chain("chain-w3lib-pytest-q-exit", "chain-test-exit", "test",
          [Part("python -m pytest -q -p no:cacheprovider --tb=long tests/test_http.py tests/test_html.py", n_pytest),
           Part("echo EXIT=$?", n_status_echo, ";")], cp, timeout=900)
    cap("ruff-concise-w3lib-all",
        "ruff check --no-cache --isolated --select ALL --output-format=concise w3lib", cp, n_ruff)
    d = tmp / "frontier"
    d.mkdir()
    (d / "frontier.py").write_text(FRONTIER)
    cap("python-chained-traceback-frontier", "python3 frontier.py", d, n_chained, env={"PYTHONPATH": str(cp)})


def git_history(tmp: Path) -> None:
    repo = tmp / "w3l-git"
    pristine = tmp / "pristine"
    pristine.mkdir()
    run(f"tar --no-same-owner -xzf {next(SRC.glob('w3lib-*.tar.gz'))}", cwd=pristine)
    run(f"cp -r {pristine / SV} {repo} && rm -rf {pristine}")
    files = [repo / MAIN, repo / "tests/test_http.py", repo / HTML, repo / "tests/test_util.py"]
    keep = {p.relative_to(repo).as_posix(): p.read_text() for p in files}
    for p in files:
        p.unlink()
    run("git -c init.defaultBranch=main init -q && git add -A && git commit -qm 'Skeleton: packaging, stubs and licence'",
        cwd=repo, env={**GIT_ENV, "GIT_AUTHOR_DATE": "2025-03-04 08:21:00", "GIT_COMMITTER_DATE": "2025-03-04 08:21:00"})
    rnd = random.Random(22203)
    n = 0
    for rel, text in keep.items():
        body = text.splitlines(keepends=True)
        step = 60 if rel == MAIN else 45
        cuts = list(range(step, len(body), step)) + [len(body)]
        stem = rel.rsplit("/", 1)[-1].split(".")[0]
        for j, cut in enumerate(cuts):
            n += 1
            stamp = f"2025-{4 + n // 27:02d}-{1 + n % 27:02d} {9 + j % 8:02d}:{rnd.randint(10, 59)}:00"
            who = {} if n % 3 else {"GIT_AUTHOR_NAME": "Pekka Virta", "GIT_AUTHOR_EMAIL": "pekka@example.org"}
            (repo / rel).write_text("".join(body[:cut]))
            msg = f"Add {stem}" if j == 0 else f"{stem}: part {j + 1} of {len(cuts)}"
            run(f"git add -A && git commit -qm '{msg}'", cwd=repo,
                env={**GIT_ENV, **who, "GIT_AUTHOR_DATE": stamp, "GIT_COMMITTER_DATE": stamp})
    put_bugs(repo)
    (repo / "NOTES.local").write_text("url_query_cleaner: bare keys gone? remove_tags case?\n")
    cap("git-log-p-w3lib-head-1400", "git log -p | head -n 1400", repo, n_log_p, env=GIT_ENV)


FIXTURES = r"""
import fs from 'node:fs';
import {createRequire} from 'node:module';
const UAParser = createRequire(import.meta.url)('./node_modules/ua-parser-js/src/ua-parser.js');
let seed = 22204;
const rnd = () => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed / 2147483648; };
const int = (lo, hi) => lo + Math.floor(rnd() * (hi - lo + 1));
const pick = a => a[Math.floor(rnd() * a.length)];
const nt = () => pick(['10.0', '6.1', '6.2', '6.3']);
const cv = () => `${int(96, 131)}.0.${int(4000, 6999)}.${int(10, 199)}`;
const models = ['SM-S918B', 'Pixel 7', 'SM-A546B', 'M2101K6G', 'CPH2451', 'moto g54 5G', 'Pixel 8 Pro', 'SM-T870'];
const make = () => {
  const k = int(0, 7);
  if (k === 0) return `Mozilla/5.0 (Windows NT ${nt()}; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/${cv()} Safari/537.36`;
  if (k === 1) { const v = cv(); return `Mozilla/5.0 (Windows NT ${nt()}; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/${v} Safari/537.36 Edg/${v}`; }
  if (k === 2) { const v = int(102, 133); return pick([`Mozilla/5.0 (Windows NT ${nt()}; Win64; x64; rv:${v}.0) Gecko/20100101 Firefox/${v}.0`,
    `Mozilla/5.0 (X11; Linux x86_64; rv:${v}.0) Gecko/20100101 Firefox/${v}.0`,
    `Mozilla/5.0 (Macintosh; Intel Mac OS X 10.${int(13, 15)}; rv:${v}.0) Gecko/20100101 Firefox/${v}.0`]); }
  if (k === 3) { const a = int(15, 18), b = int(0, 6); return `Mozilla/5.0 (iPhone; CPU iPhone OS ${a}_${b} like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/${a}.${b} Mobile/15E148 Safari/604.1`; }
  if (k === 4) return `Mozilla/5.0 (Linux; Android ${int(10, 15)}; ${pick(models)}) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/${cv()} Mobile Safari/537.36`;
  if (k === 5) return `Mozilla/5.0 (Linux; Android ${int(10, 15)}; ${pick(models)}) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/${cv()} Mobile Safari/537.36 EdgA/${cv()}`;
  if (k === 6) return `Mozilla/5.0 (Windows NT ${nt()}; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/${cv()} Safari/537.36 OPR/${int(95, 115)}.0.${int(1000, 5999)}.${int(10, 99)}`;
  return `Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_${int(1, 7)}) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/${int(15, 18)}.${int(0, 6)} Safari/605.1.15`;
};
const what = [
  ['browser', r => `${r.browser.name} ${r.browser.version}`],
  ['major', r => `${r.browser.name} ${r.browser.major}`],
  ['os', r => `${r.os.name} ${r.os.version}`],
  ['device', r => `${r.device.vendor} ${r.device.model} ${r.device.type}`],
  ['engine', r => `${r.engine.name} ${r.engine.version}`],
];
const cases = [];
for (let i = 0; i < 250; i++) {
  const ua = make();
  const [field, f] = what[i % what.length];
  cases.push({ua, field, want: f(new UAParser(ua).getResult())});
}
let out = "import {test} from 'node:test';\nimport assert from 'node:assert/strict';\nimport {createRequire} from 'node:module';\n";
out += "const UAParser = createRequire(import.meta.url)('../lib/ua-parser.cjs');\n";
out += "const pick = {\n" + what.map(([k, f]) => `  ${k}: ${f.toString()},`).join('\n') + "\n};\n\n";
cases.forEach((c, i) => {
  const label = c.ua.replace(/^Mozilla\/5\.0 /, '').replace(/['\\"]/g, '').slice(0, 64);
  out += `test('case ${String(i).padStart(3, '0')} ${c.field}: ${label}', () => {\n`;
  out += `  assert.equal(pick.${c.field}(new UAParser(${JSON.stringify(c.ua)}).getResult()), ${JSON.stringify(c.want)});\n});\n\n`;
});
fs.writeFileSync('spec/ua-parser.test.mjs', out);
"""

APP = """import {createRequire} from 'node:module';
const UAParser = createRequire(import.meta.url)('./ua-parser.cjs');

export function bucket(ua, rules) {
  var r = new UAParser(ua).getResult();
  for (const key in rules) {
    const width = key.length;
    if (rules[key] == null) continue
    if (r.browser.name == key) return rules[key] + ':' + r.browser.major;
  }
  let mobile = r.device.type == 'mobile';
  if (mobile == false) return null;
  return 'other:' + r.os.name;
}
"""

ESLINT_CONFIG = """import js from "@eslint/js";
export default [js.configs.recommended, {rules: {"no-var": "error", eqeqeq: "error", "prefer-const": "warn",
  "no-unused-vars": "warn", curly: "error", "no-plusplus": "warn", complexity: ["warn", 6], semi: "warn",
  "no-param-reassign": "warn", "one-var": ["warn", "never"], "no-continue": "warn", "dot-notation": "warn",
  "prefer-template": "warn", "no-else-return": "warn", "no-eq-null": "error", "no-implicit-coercion": "warn",
  "no-nested-ternary": "warn", "no-mixed-operators": "warn", "no-useless-escape": "warn", "func-style": "warn"},
  languageOptions: {ecmaVersion: 2025, sourceType: "module", globals: {window: "readonly", navigator: "readonly",
  module: "writable", exports: "writable", define: "readonly", jQuery: "readonly", Zepto: "readonly"}}},
  {files: ["**/*.cjs"], languageOptions: {sourceType: "script"}}];
"""

# The bugs put in: a browser's major version keeping every digit (the dots dropped before the split); Windows 8.1's
# NT 6.3 mapped as NT 6.2; desktop Edge's `Edg/` token no longer matched (only `Edge/`, `EdgiOS/`, `EdgA/`).
JS_BUGS = [("ua-parser.cjs", "version.replace(/[^\\d\\.]/g, EMPTY).split('.')[0]",
            "version.replace(/[^\\d]/g, EMPTY).split('.')[0]"),
           ("ua-parser.cjs", "'8.1'       : 'NT 6.3',", "'8.1'       : 'NT 6.2',"),
           ("ua-parser.cjs", "/edg(?:e|ios|a)?\\/([\\w\\.]+)/i", "/edg(?:e|ios|a)\\/([\\w\\.]+)/i")]

TSCONFIG = json.dumps({"compilerOptions": {"allowJs": True, "checkJs": True, "strict": True, "noEmit": True,
                                           "target": "es2024", "module": "nodenext", "skipLibCheck": True},
                       "include": ["lib"]}, indent=2) + "\n"


def js_project(tmp: Path) -> None:
    root = tmp / "uasniff"
    nm = JS / "node_modules"
    for d in ("lib", "spec"):
        (root / d).mkdir(parents=True, exist_ok=True)
    run(f"ln -s {nm} node_modules", cwd=root)
    write_tree(root, {"package.json": json.dumps({"name": "uasniff", "version": "0.4.2", "type": "module",
                                                  "scripts": {"test": "node --test spec/"}}, indent=2) + "\n",
                      "fixtures.mjs": FIXTURES, "eslint.config.js": ESLINT_CONFIG, "lib/bucket.js": APP,
                      "tsconfig.json": TSCONFIG})
    run("node fixtures.mjs && rm fixtures.mjs", cwd=root)
    run(f"cp {nm}/ua-parser-js/src/ua-parser.js lib/ua-parser.cjs", cwd=root)
    for rel, old, new in JS_BUGS:
        f = root / "lib" / rel
        text = f.read_text()
        assert text.count(old) == 1, (rel, old)
        f.write_text(text.replace(old, new))
    chain("chain-node-test-ua-parser-exit", "chain-test-exit", "test",
          [Part("node --test spec/ 2>&1 | tail -n 700", n_node_test), Part("echo EXIT=$?", n_status_echo, ";")], root,
          timeout=600)
    cap("npm-view-ua-parser-js-json", "npm view ua-parser-js --json", tmp, n_npm_view, timeout=300)


LOG_LEVELS = ["INFO"] * 30 + ["DEBUG"] * 8 + ["WARNING"] * 3 + ["ERROR"]


def data(tmp: Path) -> None:
    d = tmp / "data"
    d.mkdir()
    run("find /usr/share/i18n -type f -printf '%P,%s,%y,%n,%TY-%Tm-%Td\\n' | sort > i18n.body && "
        "(echo path,bytes,type,links,modified; cat i18n.body) > i18n.csv && rm i18n.body", cwd=d)
    run("sqlite3 i18n.db '.mode csv' '.import i18n.csv files'", cwd=d)
    rnd = random.Random(22205)
    lines = []
    loggers = ["pitchkiln.firebox", "pitchkiln.damper", "pitchkiln.http", "pitchkiln.store"]
    for i in range(1500):
        lvl = rnd.choice(LOG_LEVELS)
        lg = rnd.choice(loggers)
        ts = f"2026-11-30 {3 + i // 240:02d}:{(i // 4) % 60:02d}:{(i * 17) % 60:02d},{rnd.randint(0, 999):03d}"
        msg = {"INFO": f"charge {rnd.randint(1, 24)} at {rnd.randint(180, 420)} C, {rnd.randint(3, 60)} kg tar drawn",
               "DEBUG": f"thermocouple {rnd.randint(1, 12)} read in {rnd.randint(1, 80)} ms",
               "WARNING": f"flue {rnd.randint(1, 34)} draught low, damper opened a notch",
               "ERROR": f"firebox {rnd.randint(1, 6)} blower stalled after {rnd.randint(2, 40)} s"}[lvl]
        lines.append(f"{ts} {lvl} {lg} [{8100 + rnd.randint(0, 3)}] {msg}")
    (d / "pitchkiln.log").write_text("\n".join(lines) + "\n")
    cap("app-log-pitchkiln-tail-700", "tail -n 700 pitchkiln.log", d, n_app_log)
    srv = cm.start("cd /usr/share/doc/pspp/pspp.html && exec python3 -m http.server 18222 --bind 127.0.0.1")
    try:
        time.sleep(1.5)
        cap("curl-html-pspp-frequencies", "curl -s http://127.0.0.1:18222/FREQUENCIES.html", d, n_html)
    finally:
        os.killpg(srv.pid, signal.SIGTERM)


STEPS = [python, git_history, js_project, data]
