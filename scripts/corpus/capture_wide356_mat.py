"""Round 356, the material and a few direct items: markupsafe's sdist with bugs put in (its own tests with pytest,
ruff, and its code run wrongly into a chained traceback), the rivenslate project (human-format under a generated
node --test suite whose expectations come from the unbroken package), a git history built by committing markupsafe's
sources in steps, the files of /usr/share/source-highlight as a CSV and a sqlite table, an application log, npm view
--json, and jam's installed Jamfile.html served on loopback and fetched with curl. The trees stay under the round's
scratch dir for OpenCode's run. Each kind's extractor is the earlier rounds', imported (NEEDLES.md's "Round 356: no
new rules"); round 341's steps are the pattern, their generators (capture_material.history, app_log, put_bugs)
imported. Run through capture_wide356.py."""

from __future__ import annotations

import csv
import json
import os
import signal
import time
from pathlib import Path

import capture_more as cm
from capture_material import app_log, history, put_bugs
from capture_more import n_app_log, run, write_tree
from capture_wide import n_chained
from capture_wide9b import Part, chain, n_status_echo
from capture_wide11_files import n_html
from capture_wide15_data import n_npm_view
from capture_wide15_diag import n_pytest, n_ruff
from capture_wide15_js import n_node_test
from capture_wide15_oc import n_log_p
from capture_wide291_mat import ESLINT_CONFIG, TSCONFIG  # round 291's eslint rules and tsconfig, as they are
from capture_wide356 import JS, SRC, cap

SV = "markupsafe-3.0.4"
CORE = "src/markupsafe/__init__.py"
NATIVE = "src/markupsafe/_native.py"
GIT_ENV = {"GIT_CONFIG_NOSYSTEM": "1", "GIT_CONFIG_GLOBAL": "/dev/null"}
PEOPLE = [("Gwenllian Pritchard", "gwenllian@example.org"), ("Ifor Roberts-Hughes", "ifor@example.org"),
          ("Gwenllian Pritchard", "gwenllian@example.org"), ("Owain Glyn-Jones", "owain@example.org")]
PYENV = {"PYTHONPATH": "src"}

# The bugs put in: the single quote escaped as `&#x27;` instead of `&#39;`; a comment's end (`-->`) cut one character
# short in striptags (its `>` kept); Markup.join no longer escaping its items; a slice of Markup returned as a plain str.
BUGS = [(NATIVE, """        .replace("'", "&#39;")\n""", """        .replace("'", "&#x27;")\n"""),
        (CORE, "                end += 3\n", "                end += 2\n"),
        (CORE, "        return self.__class__(super().join(map(self.escape, iterable)))\n",
         "        return self.__class__(super().join(map(str, iterable)))\n"),
        (CORE, "        return self.__class__(super().__getitem__(key))\n", "        return super().__getitem__(key)  # type: ignore[return-value]\n")]

SCRIPT = r"""
from markupsafe import Markup, escape


class LedgerError(Exception):
    pass


DRESSED = [
    {"splitter": "Pritchard", "vein": "Old Vein", "size": "Duchess", "slates": 1200, "spec": ""},
    {"splitter": "Roberts", "vein": "Back Vein", "size": "Countess", "slates": 860, "spec": ""},
    {"splitter": "Glyn-Jones", "vein": "Red Vein <north face>", "size": "Lady", "slates": 2040, "spec": ">8"},
]

ROW = Markup("<tr><td>{splitter}</td><td>{vein}</td><td>{size}</td><td>{slates}</td></tr>")


def row(entry):
    try:
        return ROW.format(splitter=escape(entry["splitter"]), vein=Markup(escape(entry["vein"])),
                          size=entry["size"], slates=entry["slates"]) + Markup("{0:" + entry["spec"] + "}").format(
                              Markup("<td>riven</td>")) if entry["spec"] else ROW.format(**entry)
    except ValueError as exc:
        raise LedgerError(
            f"dressing ledger: {entry['splitter']} ({entry['vein']}, {entry['size']}) cannot be entered: spec {entry['spec']!r}"
        ) from exc


for entry in DRESSED:
    print(row(entry))
"""


def python(tmp: Path) -> None:
    cp = tmp / SV
    put_bugs(cp, BUGS)
    cap("pytest-markupsafe-v-tbshort",
        "python -m pytest -v --tb=short --color=no -p no:cacheprovider 2>&1 | grep -v PASSED", cp, n_pytest,
        env=PYENV, timeout=900)
    chain("chain-markupsafe-pytest-q-exit", "chain-test-exit", "test",
          [Part("python -m pytest -q --color=no -p no:cacheprovider --tb=long tests/test_markupsafe.py tests/test_escape.py",
                n_pytest), Part("echo EXIT=$?", n_status_echo, ";")], cp, env=PYENV, timeout=900)
    cap("ruff-concise-markupsafe-all",
        "ruff check --no-cache --isolated --select ALL --output-format=concise src tests docs | head -n 900", cp,
        n_ruff)
    d = tmp / "quarry"
    d.mkdir()
    (d / "dressing_ledger.py").write_text(SCRIPT)
    cap("python-chained-traceback-dressing-ledger", "python3 dressing_ledger.py", d, n_chained,
        env={"PYTHONPATH": str(cp / "src")})


def git_history(tmp: Path) -> None:
    repo = history(tmp, SRC, "markupsafe", SV, [CORE, NATIVE, "tests/test_markupsafe.py", "tests/test_escape.py",
                                                 "CHANGES.rst"], PEOPLE, 35610, 40, BUGS)
    (repo / "NOTES.local").write_text("&#39; now &#x27;; striptags keeps > of -->; join unescaped; slice plain str\n")
    cap("git-log-p-markupsafe-head-1500", "git log -p | head -n 1500", repo, n_log_p, env=GIT_ENV)


# The round's own generator of rivenslate's suite (seed 35611): expectations from the unbroken human-format.
FIXTURES = r"""
import fs from 'node:fs';
import {createRequire} from 'node:module';
const hf = createRequire(import.meta.url)('./node_modules/human-format/index.js');
let seed = 35611;
const rnd = () => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed / 2147483648; };
const pick = a => a[Math.floor(rnd() * a.length)];
function num() {
  const mag = pick([1, 1, 10, 100, 1000, 1000, 1024, 1e6, 1048576, 1e9, 1073741824, 1e12, 0.001, 1e-6]);
  const v = pick([1, 1, 2, 10, 999, 1000, 1023, 1024, 1.5, 12.345, 99.95, 250, 512, 7.2]) * mag;
  return rnd() < 0.12 ? -v : v;
}
function str() {
  return pick(['-', '', '', '']) + pick(['1', '2', '10', '1.5', '1.25', '12.5', '999', '0.75', '3.14159', '42']) +
    pick(['', ' ']) + pick(['k', 'M', 'G', 'm', 'µ', 'K', 'T', '', 'kB', 'MiB', 'KiB', 'Gi', 'k slates']);
}
const CALLS = [
  () => { const v = num(); return [`hf(${v})`, () => hf(v), `formats ${v}`]; },
  () => { const v = num(); return [`hf(${v}, {decimals: 1})`, () => hf(v, {decimals: 1}), `formats ${v} to one decimal`]; },
  () => { const v = Math.abs(Math.round(num())); return [`hf.bytes(${v})`, () => hf.bytes(v), `formats ${v} bytes`]; },
  () => { const v = num(); return [`hf(${v}, {unit: 'slates', maxDecimals: 'auto'})`, () => hf(v, {unit: 'slates', maxDecimals: 'auto'}), `formats ${v} slates auto`]; },
  () => { const s = str(); return [`hf.parse(${JSON.stringify(s)})`, () => hf.parse(s), `parses ${JSON.stringify(s)}`]; },
  () => { const s = str(); return [`hf.parse(${JSON.stringify(s)}, {scale: 'binary'})`, () => hf.parse(s, {scale: 'binary'}), `parses ${JSON.stringify(s)} binary`]; },
];
let out = "import {test} from 'node:test';\nimport assert from 'node:assert/strict';\nimport {createRequire} from 'node:module';\n";
out += "const hf = createRequire(import.meta.url)('../lib/human-format.cjs');\n\n";
for (let i = 0; i < 300; i++) {
  const id = String(i).padStart(3, '0');
  const [call, f, what] = pick(CALLS)();
  out += `test(${JSON.stringify('riven ' + id + ' ' + what)}, () => {\n`;
  try {
    const want = f();
    out += `  assert.deepEqual(${call}, ${JSON.stringify(want)});\n});\n\n`;
  } catch (e) {
    out += `  assert.throws(() => ${call}, {message: ${JSON.stringify(e.message)}});\n});\n\n`;
  }
}
fs.writeFileSync('spec/human-format.test.mjs', out);
"""

APP = """import {createRequire} from 'node:module';
const hf = createRequire(import.meta.url)('./human-format.cjs');

export function dressReport(face) {
  var blocks = hf.parse(face.blocks), waste = hf.parse(face.waste || '0'), label = face.name
  if (blocks == null) return {ok: false, reason: 'blocks ' + face.blocks + ' not understood'}
  var ratio = Math.round(waste / blocks * 100);
  return {ok: true, label: label, ratio: ratio, blocks: hf(blocks, {unit: 't'}), bytes: hf.bytes(face.logBytes)};
}
"""

# The bugs put in: the binary scale built on 1000 instead of 1024; findPrefix keeping the smaller prefix at exactly a
# factor (`>=`); parse accepting one decimal digit only; 'auto' decimals kept for values of exactly 10.
JS_BUGS = [("human-format.cjs", 'binary: Scale.create(",Ki,Mi,Gi,Ti,Pi,Ei,Zi,Yi".split(","), 1024),\n',
            'binary: Scale.create(",Ki,Mi,Gi,Ti,Pi,Ei,Zi,Yi".split(","), 1000),\n'),
           ("human-format.cjs", "      if (current > value) {\n", "      if (current >= value) {\n"),
           ("human-format.cjs", '"^\\\\s*(-)?\\\\s*(\\\\d+(?:\\\\.\\\\d+)?)\\\\s*(" +\n',
            '"^\\\\s*(-)?\\\\s*(\\\\d+(?:\\\\.\\\\d)?)\\\\s*(" +\n'),
           ("human-format.cjs", "    if (autoMaxDecimals && Math.abs(value) >= 10) {\n",
            "    if (autoMaxDecimals && Math.abs(value) > 10) {\n")]


def js_project(tmp: Path) -> None:
    root = tmp / "rivenslate"
    nm = JS / "node_modules"
    for d in ("lib", "spec"):
        (root / d).mkdir(parents=True, exist_ok=True)
    run(f"ln -s {nm} node_modules", cwd=root)
    write_tree(root, {"package.json": json.dumps({"name": "rivenslate", "version": "0.3.7", "type": "module",
                                                  "scripts": {"test": "node --test spec/"}}, indent=2) + "\n",
                      "fixtures.mjs": FIXTURES, "eslint.config.js": ESLINT_CONFIG, "lib/dress-report.js": APP,
                      "tsconfig.json": TSCONFIG})
    run("node fixtures.mjs && rm fixtures.mjs", cwd=root)
    (root / "lib" / "human-format.cjs").write_text((nm / "human-format" / "index.js").read_text())
    put_bugs(root / "lib", JS_BUGS)
    chain("chain-node-test-rivenslate-exit", "chain-test-exit", "test",
          [Part("node --test spec/ 2>&1 | tail -n 650", n_node_test), Part("echo EXIT=$?", n_status_echo, ";")], root,
          timeout=600)
    cap("npm-view-human-format-json", "npm view human-format --json", tmp, n_npm_view, timeout=300)


LOG_MSGS = {
    "INFO": lambda r: f"incline {r.randint(1, 4)} raised {r.randint(6, 30)} wagons by {r.randint(6, 9)}:"
                      f"{r.randint(0, 59):02d}, gallery {r.choice(['Twll Coch', 'Sinc Fawr', 'Pen Diffwys'])} "
                      f"at {r.randint(60, 100)}% of its blocks",
    "DEBUG": lambda r: f"splitter bench {r.randint(1, 12)} cleaving {r.choice(['Duchess', 'Countess', 'Lady', 'Princess'])} "
                       f"at {r.randint(40, 70) / 10} mm",
    "WARNING": lambda r: f"dresser {r.choice(['Greaves', 'Oakeley', 'hand knife'])} waste {r.randint(20, 60)}%, "
                         f"block {r.choice(['+', '-'])}{r.randint(1, 40)} mm off the gauge",
    "ERROR": lambda r: f"winding drum {r.randint(1, 3)} brake slipped at level {r.randint(1, 12)}, foreman "
                       f"{r.choice(['Pritchard', 'Roberts', 'Glyn-Jones', 'Hughes'])} stopped the incline for "
                       f"{r.randint(2, 40)} min",
}


def data(tmp: Path) -> None:
    d = tmp / "data"
    d.mkdir()
    rows = []
    base = Path("/usr/share/source-highlight")
    for p in sorted(base.rglob("*")):
        if p.is_file() and not p.is_symlink():
            st = p.stat()
            rel = p.relative_to(base)
            area = p.suffix.lstrip(".") or "-"
            rows.append([str(rel), area, p.name, st.st_size, st.st_nlink,
                         time.strftime("%Y-%m-%d", time.gmtime(st.st_mtime))])
    with open(d / "hlfiles.csv", "w", newline="") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(["path", "kind", "name", "bytes", "links", "modified"])
        w.writerows(rows)
    run("sqlite3 hlfiles.db '.mode csv' '.import hlfiles.csv hlfiles'", cwd=d)
    app_log(d / "quarryface.log", 35614, 1800, ["quarry.incline", "quarry.splitter", "quarry.dresser", "quarry.drum"],
            LOG_MSGS, 7356, "2026-12-02")
    cap("app-log-quarryface-tail-750", "tail -n 750 quarryface.log", d, n_app_log)
    srv = cm.start("cd /usr/share/doc/jam && exec python3 -m http.server 18356 --bind 127.0.0.1")
    try:
        time.sleep(1.5)
        cap("curl-html-jam-jamfile", "curl -s http://127.0.0.1:18356/Jamfile.html", d, n_html)
    finally:
        os.killpg(srv.pid, signal.SIGTERM)


STEPS = [python, git_history, js_project, data]
