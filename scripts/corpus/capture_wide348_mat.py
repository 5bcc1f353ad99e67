"""Round 348, the material and a few direct items: docstring_parser's sdist with bugs put in (its own tests with
pytest, ruff, and its code run wrongly into a chained traceback), the galleyproof project (color-convert under a
generated node --test suite whose expectations come from the unbroken package), a git history built by committing
docstring_parser's sources in steps, the files of /usr/share/ghostscript as a CSV and a sqlite table, an application
log, npm view --json, and a page of pcb-rnd's installed HTML documentation served on loopback and fetched with curl.
The trees stay under the round's scratch dir for OpenCode's run. Each kind's extractor is the earlier rounds',
imported (NEEDLES.md's "Round 348: no new rules"); round 341's steps are the pattern, their generators
(capture_material.history, app_log, put_bugs) imported. Run through capture_wide348.py."""

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
from capture_wide348 import JS, SRC, cap

SV = "docstring_parser-0.18.0"
REST = "docstring_parser/rest.py"
NUMPY = "docstring_parser/numpydoc.py"
GIT_ENV = {"GIT_CONFIG_NOSYSTEM": "1", "GIT_CONFIG_GLOBAL": "/dev/null"}
PEOPLE = [("Wynkyn Jenson", "wynkyn@example.org"), ("Aldine Caslon-Frere", "aldine@example.org"),
          ("Wynkyn Jenson", "wynkyn@example.org"), ("Berthold Plantin-Moxon", "berthold@example.org")]

# The bugs put in: a reST parameter's default keeps its closing full stop; NumPy's "(optional)" form no longer marks a
# parameter optional (only ", optional" does); a reST ":returns:" is taken for a generator and ":yields:" is not.
BUGS = [(REST, '        default = match.group(1).rstrip(".") if match else None\n',
         "        default = match.group(1) if match else None\n"),
        (NUMPY, 'PARAM_OPTIONAL_REGEX = re.compile(r"(?P<type>.*?)(?:, optional|\\(optional\\))$")\n',
         'PARAM_OPTIONAL_REGEX = re.compile(r"(?P<type>.*?)(?:, optional)$")\n'),
        (REST, "            is_generator=key in YIELDS_KEYWORDS,\n", "            is_generator=key in RETURNS_KEYWORDS,\n")]

SCRIPT = r'''
import docstring_parser


class ImpositionError(Exception):
    pass


JOBS = [
    {"job": 7711, "press": "Albion platen", "sheets": 1200, "doc": """Print the parish broadsheet.

    Args:
        forme (str): the locked-up forme, chase and quoins.
        tympan (int): packing sheets behind the tympan.
    """},
    {"job": 7712, "press": "Columbian hand press", "sheets": 400, "doc": """Print the wedding cards.

    Args:
        galley (str): the set type on its galley.
    Returns:
        int: sheets pulled.
    """},
    {"job": 7713, "press": "Wharfedale stop-cylinder", "sheets": 3000, "doc": """Print the railway timetable.

    Args:
        frisket cut for the folio, no type given
    """},
]


def imposition(job):
    try:
        parsed = docstring_parser.parse(job["doc"], docstring_parser.DocstringStyle.GOOGLE)
    except docstring_parser.ParseError as exc:
        raise ImpositionError(
            f"job book: job {job['job']} on the {job['press']} cannot be imposed: its docstring does not parse"
        ) from exc
    return [p.arg_name for p in parsed.params]


for job in JOBS:
    print(f"{job['job']:6} {job['press']:26} {job['sheets']:>6} sheets  {', '.join(imposition(job))}")
'''


def python(tmp: Path) -> None:
    cp = tmp / SV
    put_bugs(cp, BUGS)
    cap("pytest-docstring-parser-v-tbshort",
        "python -m pytest -v --tb=short --color=no -p no:cacheprovider docstring_parser 2>&1 | grep -v PASSED", cp,
        n_pytest, timeout=900)
    chain("chain-docstring-parser-pytest-q-exit", "chain-test-exit", "test",
          [Part("python -m pytest -q --color=no -p no:cacheprovider --tb=long docstring_parser/tests/test_rest.py "
                "docstring_parser/tests/test_numpydoc.py", n_pytest), Part("echo EXIT=$?", n_status_echo, ";")],
          cp, timeout=900)
    cap("ruff-concise-docstring-parser-all",
        "ruff check --no-cache --isolated --select ALL --output-format=concise docstring_parser | head -n 900", cp,
        n_ruff)
    d = tmp / "pressroom"
    d.mkdir()
    (d / "job_book.py").write_text(SCRIPT)
    cap("python-chained-traceback-job-book", "python3 job_book.py", d, n_chained, env={"PYTHONPATH": str(cp)})


def git_history(tmp: Path) -> None:
    repo = history(tmp, SRC, "docstring_parser", SV,
                   [REST, NUMPY, "docstring_parser/tests/test_rest.py", "README.md"], PEOPLE, 34810, 30, BUGS)
    (repo / "NOTES.local").write_text("rest default keeps its stop; numpy (optional) ignored; returns as generator\n")
    cap("git-log-p-docstring-parser-head-1600", "git log -p | head -n 1600", repo, n_log_p, env=GIT_ENV)


FIXTURES = r"""
import fs from 'node:fs';
import {createRequire} from 'node:module';
const convert = createRequire(import.meta.url)('./node_modules/color-convert/index.js');
let seed = 34811;
const rnd = () => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed / 2147483648; };
const pick = a => a[Math.floor(rnd() * a.length)];
const int = n => Math.floor(rnd() * n);
const rgb = () => [int(256), int(256), int(256)];
const PAIRS = [
  ['rgb', 'hsl', rgb], ['rgb', 'hsv', rgb], ['rgb', 'cmyk', rgb], ['rgb', 'hex', rgb], ['rgb', 'ansi16', rgb],
  ['rgb', 'ansi256', rgb], ['rgb', 'hwb', rgb], ['rgb', 'keyword', rgb],
  ['hsl', 'rgb', () => [int(361), int(101), int(101)]], ['hsl', 'hex', () => [int(361), int(101), int(101)]],
  ['hex', 'rgb', () => rgb().map(v => v.toString(16).padStart(2, '0')).join('').toUpperCase()],
  ['hex', 'hsl', () => rgb().map(v => v.toString(16).padStart(2, '0')).join('')],
  ['cmyk', 'rgb', () => [int(101), int(101), int(101), int(101)]], ['cmyk', 'hex', () => [int(101), int(101), int(101), int(60)]],
  ['keyword', 'cmyk', () => pick(['black', 'navy', 'teal', 'maroon', 'olive', 'rebeccapurple', 'ivory', 'tomato',
    'midnightblue', 'darkslategray', 'goldenrod', 'indigo'])],
];
let out = "import {test} from 'node:test';\nimport assert from 'node:assert/strict';\nimport {createRequire} from 'node:module';\n";
out += "const convert = createRequire(import.meta.url)('../lib/color/index.cjs');\n\n";
const FORMES = ['galley', 'forme', 'platen', 'tympan', 'frisket', 'chase'];
for (let i = 0; i < 300; i++) {
  const id = String(i).padStart(3, '0');
  const [from, to, gen] = pick(PAIRS);
  const arg = gen();
  const want = convert[from][to](arg);
  const name = `${pick(FORMES)} proof ${id}: ${from}.${to}(${JSON.stringify(arg)})`;
  out += `test(${JSON.stringify(name)}, () => {\n`;
  out += `  assert.deepEqual(convert.${from}.${to}(${JSON.stringify(arg)}), ${JSON.stringify(want)});\n});\n\n`;
}
fs.writeFileSync('spec/color.test.mjs', out);
"""

APP = """import {createRequire} from 'node:module';
const convert = createRequire(import.meta.url)('./color/index.cjs');

export function inkReport(job) {
  var rgb = convert.hex.rgb(job.ink), cmyk = convert.rgb.cmyk(rgb), label = job.name
  if (!job.ink) return {ok: false, reason: 'ink ' + job.ink + ' not understood'}
  var coverage = cmyk.reduce(function (a, b) { return a + b }, 0);
  return {ok: true, label: label, cmyk: cmyk, coverage: coverage, ansi: convert.rgb.ansi16(rgb)};
}
"""

# The bugs put in: blue-dominant hues computed with red and green swapped; yellow divided by (1 + k) instead of
# (1 - k); hex strings padded to five digits instead of six; ANSI 16 brightness rounded down.
JS_BUGS = [("conversions.cjs", "\t\th = 4 + (r - g) / delta;\n", "\t\th = 4 + (g - r) / delta;\n"),
           ("conversions.cjs", "\tconst y = (1 - b - k) / (1 - k) || 0;\n", "\tconst y = (1 - b - k) / (1 + k) || 0;\n"),
           ("conversions.cjs", "\t\t+ (Math.round(args[2]) & 0xFF);\n\n\tconst string = integer.toString(16).toUpperCase();\n"
            "\treturn '000000'.substring(string.length) + string;\n",
            "\t\t+ (Math.round(args[2]) & 0xFF);\n\n\tconst string = integer.toString(16).toUpperCase();\n"
            "\treturn '00000'.substring(string.length) + string;\n"),
           ("conversions.cjs", "\tvalue = Math.round(value / 50);\n", "\tvalue = Math.floor(value / 50);\n")]


def js_project(tmp: Path) -> None:
    root = tmp / "galleyproof"
    nm = JS / "node_modules"
    for d in ("lib/color", "spec"):
        (root / d).mkdir(parents=True, exist_ok=True)
    run(f"ln -s {nm} node_modules", cwd=root)
    write_tree(root, {"package.json": json.dumps({"name": "galleyproof", "version": "0.6.2", "type": "module",
                                                  "scripts": {"test": "node --test spec/"}}, indent=2) + "\n",
                      "fixtures.mjs": FIXTURES, "eslint.config.js": ESLINT_CONFIG, "lib/ink-report.js": APP,
                      "tsconfig.json": TSCONFIG})
    run("node fixtures.mjs && rm fixtures.mjs", cwd=root)
    for name in ("index", "conversions", "route"):
        text = (nm / "color-convert" / f"{name}.js").read_text()
        for dep in ("conversions", "route"):
            text = text.replace(f"require('./{dep}')", f"require('./{dep}.cjs')")
        (root / "lib" / "color" / f"{name}.cjs").write_text(text)
    put_bugs(root / "lib" / "color", JS_BUGS)
    chain("chain-node-test-galleyproof-exit", "chain-test-exit", "test",
          [Part("node --test spec/ 2>&1 | tail -n 650", n_node_test), Part("echo EXIT=$?", n_status_echo, ";")], root,
          timeout=600)
    cap("npm-view-color-convert-json", "npm view color-convert --json", tmp, n_npm_view, timeout=300)


LOG_MSGS = {
    "INFO": lambda r: f"press {r.randint(1, 4)} made ready at {r.randint(6, 9)}:{r.randint(0, 59):02d}, forme "
                      f"{r.randint(100, 999)} locked in the chase, {r.randint(800, 3200)} impressions/h",
    "DEBUG": lambda r: f"platen pressure {r.randint(180, 240)} kN, tympan packing {r.randint(3, 9)} sheets",
    "WARNING": lambda r: f"galley {r.choice(['long primer', 'brevier', 'pica'])} proof shows {r.randint(2, 9)} "
                         f"literals, register off {r.choice(['+', '-'])}{r.randint(1, 40)}/100 mm",
    "ERROR": lambda r: f"ink duct {r.randint(1, 3)} ran dry at sheet {r.randint(100, 3000)}, pressman "
                       f"{r.choice(['Jenson', 'Caslon', 'Plantin', 'Moxon'])} stopped the press for "
                       f"{r.randint(2, 40)} s",
}


def data(tmp: Path) -> None:
    d = tmp / "data"
    d.mkdir()
    rows = []
    base = Path("/usr/share/ghostscript")
    for p in sorted(base.rglob("*")):
        if p.is_file() and not p.is_symlink():
            st = p.stat()
            rel = p.relative_to(base)
            area = "/".join(rel.parts[:-1][:2]) or "-"
            rows.append([str(rel), area, p.name, st.st_size, st.st_nlink,
                         time.strftime("%Y-%m-%d", time.gmtime(st.st_mtime))])
    with open(d / "gsfiles.csv", "w", newline="") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(["path", "area", "name", "bytes", "links", "modified"])
        w.writerows(rows)
    run("sqlite3 gsfiles.db '.mode csv' '.import gsfiles.csv gsfiles'", cwd=d)
    app_log(d / "pressroom.log", 34814, 1800, ["press.platen", "press.galley", "press.forme", "press.ink"],
            LOG_MSGS, 7348, "2026-12-02")
    cap("app-log-pressroom-tail-750", "tail -n 750 pressroom.log", d, n_app_log)
    srv = cm.start("cd /usr/share/doc/pcb-rnd && exec python3 -m http.server 18348 --bind 127.0.0.1")
    try:
        time.sleep(1.5)
        cap("curl-html-pcb-rnd-mods3", "curl -s http://127.0.0.1:18348/developer/mods3/index.html", d, n_html)
    finally:
        os.killpg(srv.pid, signal.SIGTERM)


STEPS = [python, git_history, js_project, data]
