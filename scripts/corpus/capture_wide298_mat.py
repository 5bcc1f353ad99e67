"""Round 298, the material and a few direct items: jsonpatch's sdist with bugs put in (its own tests with pytest, ruff,
and its code run wrongly into a chained traceback), the quillmeter project (fast-levenshtein under a generated node
--test suite whose expectations come from the unbroken package), a git history built by committing jsonpatch's sources
in steps, the files of /usr/share/mime as a CSV and a sqlite table, an application log, npm view --json, and gcc-12's
installed NEWS.html served on loopback and fetched with curl. The trees stay under the round's scratch dir for
OpenCode's run. Each kind's extractor is the earlier rounds', imported (NEEDLES.md's "Round 298: no new rules").
Run through capture_wide298.py."""

from __future__ import annotations

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
from capture_wide298 import JS, SRC, cap

SV = "jsonpatch-1.33"
MAIN = "jsonpatch.py"
GIT_ENV = {"GIT_CONFIG_NOSYSTEM": "1", "GIT_CONFIG_GLOBAL": "/dev/null"}
PEOPLE = [("Wilhelmina Ekstrand", "wilhelmina@example.org"), ("Tunde Balogun", "tunde@example.org"),
          ("Wilhelmina Ekstrand", "wilhelmina@example.org"), ("Marisol Quintero", "marisol@example.org")]

# The bugs put in: `add` refusing the index one past a list's end; `replace` letting an index one past the end through
# (an IndexError, not a conflict); `test` passing whenever the document's value is None; a diff of a list that got
# shorter removing items at their own index instead of at the new length.
BUGS = [(MAIN, "            elif part > len(subobj) or part < 0:\n                raise JsonPatchConflict(\"can't insert",
         "            elif part >= len(subobj) or part < 0:\n                raise JsonPatchConflict(\"can't insert"),
        (MAIN, "if part >= len(subobj) or part < 0:\n                raise JsonPatchConflict(\"can't replace",
         "if part > len(subobj) or part < 0:\n                raise JsonPatchConflict(\"can't replace"),
        (MAIN, "        if val != value:\n", "        if val != value and val is not None:\n"),
        (MAIN, "self._item_removed(path, len_dst, src[key])", "self._item_removed(path, key, src[key])")]

SCRIPT = r"""
import jsonpatch


class BerthError(Exception):
    pass


BERTHS = [
    {"berth": "north-mole", "doc": {"hawsers": [4, 6], "pilot": "Aune"},
     "patch": [{"op": "add", "path": "/hawsers/-", "value": 8}, {"op": "replace", "path": "/pilot", "value": "Lind"}]},
    {"berth": "coal-quay", "doc": {"hawsers": [2], "tug": None},
     "patch": [{"op": "test", "path": "/tug", "value": None}, {"op": "add", "path": "/tug", "value": "Brage"}]},
    {"berth": "grain-pier", "doc": {"hawsers": [3, 3, 5], "draught_m": 9.4},
     "patch": [{"op": "move", "from": "/draught_m", "path": "/draft_m"}, {"op": "remove", "path": "/hawsers/0"}]},
    {"berth": "timber-dock", "doc": {"hawsers": [], "warps": {"bow": 2}},
     "patch": [{"op": "remove", "path": "/warps/stern"}, {"op": "add", "path": "/hawsers/0", "value": 1}]},
]


def moor(berth):
    try:
        doc = jsonpatch.apply_patch(berth["doc"], berth["patch"])
    except (jsonpatch.JsonPatchConflict, jsonpatch.JsonPatchTestFailed) as exc:
        raise BerthError(f"berth {berth['berth']!r}: mooring plan does not apply") from exc
    return f"{berth['berth']:12} moored: {doc}"


for berth in BERTHS:
    print(moor(berth))
"""


def python(tmp: Path) -> None:
    cp = tmp / SV
    put_bugs(cp, BUGS)
    cap("pytest-jsonpatch-v-tbshort", "python -m pytest -v --tb=short -p no:cacheprovider tests.py 2>&1 | "
        "grep -v PASSED", cp, n_pytest, timeout=900)
    chain("chain-jsonpatch-pytest-q-exit", "chain-test-exit", "test",
          [Part("python -m pytest -q -p no:cacheprovider --tb=long tests.py", n_pytest),
           Part("echo EXIT=$?", n_status_echo, ";")], cp, timeout=900)
    cap("ruff-concise-jsonpatch-all",
        "ruff check --no-cache --isolated --select ALL --output-format=concise jsonpatch.py tests.py ext_tests.py "
        "setup.py bin/jsonpatch bin/jsondiff | head -n 900", cp, n_ruff)
    d = tmp / "berths"
    d.mkdir()
    (d / "moor_berths.py").write_text(SCRIPT)
    cap("python-chained-traceback-moor-berths", "python3 moor_berths.py", d, n_chained, env={"PYTHONPATH": str(cp)})


def git_history(tmp: Path) -> None:
    repo = history(tmp, SRC, "jsonpatch", SV, [MAIN, "tests.py", "ext_tests.py", "README.md"], PEOPLE, 29803, 30,
                   BUGS)
    (repo / "NOTES.local").write_text("add at len() refused; replace past the end; test skips None; list diff index\n")
    cap("git-log-p-jsonpatch-head-1600", "git log -p | head -n 1600", repo, n_log_p, env=GIT_ENV)


FIXTURES = r"""
import fs from 'node:fs';
import {createRequire} from 'node:module';
const lev = createRequire(import.meta.url)('./node_modules/fast-levenshtein/levenshtein.js');
let seed = 29804;
const rnd = () => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed / 2147483648; };
const pick = a => a[Math.floor(rnd() * a.length)];
const words = ['quill', 'Quire', 'nib', 'ferrule', 'vellum', 'Rubric', 'serif', 'gall', 'sepia', 'LEDGER', 'folio',
  'colophon', 'margin', 'gloss', 'scribe', 'Palimpsest', 'inkhorn', 'penknife', 'pounce', 'blotter', ''];
function mutate(w) {
  let s = w;
  const n = Math.floor(rnd() * 4);
  for (let k = 0; k < n; k++) {
    const r = rnd();
    const at = Math.floor(rnd() * (s.length + 1));
    if (r < 0.3) s = s.slice(0, at) + pick(['e', 'x', 'Q', 'n', 's', 'ß']) + s.slice(at);
    else if (r < 0.55) s = s.slice(0, at) + s.slice(at + 1);
    else if (r < 0.8) s = s.slice(0, at) + pick(['a', 'I', 'o', 'Ö', 'r']) + s.slice(at + 1);
    else s = s.toUpperCase();
  }
  return s;
}
let out = "import {test} from 'node:test';\nimport assert from 'node:assert/strict';\nimport {createRequire} from 'node:module';\n";
out += "const levenshtein = createRequire(import.meta.url)('../lib/levenshtein.cjs');\n\n";
for (let i = 0; i < 300; i++) {
  const a = pick(words);
  const b = rnd() < 0.15 ? pick(words) : mutate(a);
  const opts = rnd() < 0.3 ? {useCollator: true} : undefined;
  const want = lev.get(a, b, opts);
  const tag = opts ? 'collator' : 'plain';
  out += `test('case ${String(i).padStart(3, '0')} ${tag} ${JSON.stringify(a).replace(/[\\\\']/g, '')} to ${JSON.stringify(b).replace(/[\\\\']/g, '')}', () => {\n`;
  out += `  assert.equal(levenshtein.get(${JSON.stringify(a)}, ${JSON.stringify(b)}${opts ? ', {useCollator: true}' : ''}), ${want});\n`;
  out += '});\n\n';
}
fs.writeFileSync('spec/distance.test.mjs', out);
"""

APP = """import {createRequire} from 'node:module';
const levenshtein = createRequire(import.meta.url)('./levenshtein.cjs');

export function nearestWord(word, lexicon, opts) {
  var best = null, bestDist = Infinity;
  for (var i = 0; i < lexicon.length; i++) {
    let d = levenshtein.get(word, lexicon[i], {useCollator: opts.locale == true});
    if (d < bestDist) { best = lexicon[i]; bestDist = d }
    if (opts.maxDistance != null && d == 0) break
    opts.compared++;
  }
  return bestDist > 3 ? null : best;
}
"""

# The bugs put in (the plain branch only; the collator branch is left whole): an insertion costing nothing, letters
# compared without their case bit (`| 32`), and an empty first string at distance 0.
JS_BUGS = [("levenshtein.cjs", "strCmp = str1.charCodeAt(i) === str2Char[j];",
            "strCmp = (str1.charCodeAt(i) | 32) === (str2Char[j] | 32);"),
           ("levenshtein.cjs", "if (str1Len === 0) return str2Len;", "if (str1Len === 0) return 0;")]


def js_project(tmp: Path) -> None:
    root = tmp / "quillmeter"
    nm = JS / "node_modules"
    for d in ("lib", "spec"):
        (root / d).mkdir(parents=True, exist_ok=True)
    run(f"ln -s {nm} node_modules", cwd=root)
    write_tree(root, {"package.json": json.dumps({"name": "quillmeter", "version": "0.9.4", "type": "module",
                                                  "scripts": {"test": "node --test spec/"}}, indent=2) + "\n",
                      "fixtures.mjs": FIXTURES, "eslint.config.js": ESLINT_CONFIG, "lib/nearest.js": APP,
                      "tsconfig.json": TSCONFIG})
    run("node fixtures.mjs && rm fixtures.mjs", cwd=root)
    run(f"cp {nm}/fast-levenshtein/levenshtein.js lib/levenshtein.cjs", cwd=root)
    for rel, old, new in JS_BUGS:
        f = root / "lib" / rel
        text = f.read_text()
        assert old in text, (rel, old)
        f.write_text(text.replace(old, new, 1))
    # the third bug: in the plain branch only (the second `tmp = curCol + 1;` of the file), insertion costs nothing
    f = root / "lib" / "levenshtein.cjs"
    text = f.read_text()
    k = text.index("tmp = curCol + 1;", text.index("without collator"))
    f.write_text(text[:k] + "tmp = curCol;" + text[k + len("tmp = curCol + 1;"):])
    chain("chain-node-test-quillmeter-exit", "chain-test-exit", "test",
          [Part("node --test spec/ 2>&1 | tail -n 650", n_node_test), Part("echo EXIT=$?", n_status_echo, ";")], root,
          timeout=600)
    cap("npm-view-fast-levenshtein-json", "npm view fast-levenshtein --json", tmp, n_npm_view, timeout=300)


LOG_MSGS = {
    "INFO": lambda r: f"capstan {r.randint(1, 12)} warped hull {r.randint(1, 400)}: {r.randint(2, 90)} m of "
                      f"{r.choice(['manila', 'hemp', 'sisal', 'coir'])} hawser, load {r.randint(3, 97)}%",
    "DEBUG": lambda r: f"pawl sensor {r.randint(1, 8)} read {r.randint(40, 1900)} kN in {r.randint(1, 40)} ms",
    "WARNING": lambda r: f"drum {r.randint(1, 6)} surging, warp held {r.randint(2, 40)} min",
    "ERROR": lambda r: f"capstan bar {r.randint(1, 10)} sheared at {r.randint(200, 900)} kN, row stopped",
}


def data(tmp: Path) -> None:
    d = tmp / "data"
    d.mkdir()
    run("find /usr/share/mime -type f -printf '%P,%s,%y,%n,%TY-%Tm-%Td\\n' | sort > mime.body && "
        "(echo path,bytes,type,links,modified; cat mime.body) > mime.csv && rm mime.body", cwd=d)
    run("sqlite3 mime.db '.mode csv' '.import mime.csv files'", cwd=d)
    app_log(d / "capstanrow.log", 29805, 1800, ["capstanrow.drum", "capstanrow.pawl", "capstanrow.api",
                                                "capstanrow.tally"], LOG_MSGS, 9298, "2026-12-02")
    cap("app-log-capstanrow-tail-750", "tail -n 750 capstanrow.log", d, n_app_log)
    srv = cm.start("cd /usr/share/doc/gcc-12 && exec python3 -m http.server 18298 --bind 127.0.0.1")
    try:
        time.sleep(1.5)
        cap("curl-html-gcc-12-news", "curl -s http://127.0.0.1:18298/NEWS.html", d, n_html)
    finally:
        os.killpg(srv.pid, signal.SIGTERM)


STEPS = [python, git_history, js_project, data]
