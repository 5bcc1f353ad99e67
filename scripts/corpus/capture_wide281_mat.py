"""Round 281, the material both agents work in (no item is captured here): dictdiffer's and funcy's sdists with bugs
put in and a script each that runs their code wrongly, git histories built by committing their sources in steps, the
davit project (a JavaScript module written here under a generated node --test suite whose expectations come from
the unbroken module, eslint, tsc), a C project (`bollard`) and a Rust crate (`dunnage`) written here on round 191's
generators with other names and seeds, a CSV and a sqlite table of this machine's documentation files and two
application logs. Run through capture_wide281.py."""

from __future__ import annotations

import json
import random
from pathlib import Path

import capture_wide191_native as n191
from capture_material import GIT_ENV, app_log, history, put_bugs
from capture_more import run, write_tree
from capture_wide281 import JS, SRC, VENV

ISO, PT = "dictdiffer-0.9.0", "funcy-2.1"

# dictdiffer: a list's surplus items removed from the front instead of the back; a NaN compared with a number taken
# as equal; swap leaving an addition's changes in their order.
ISO_BUGS = [("dictdiffer/__init__.py", "            deletion = list(\n                reversed(range(min(len_first, len_second), len_first)))\n",
             "            deletion = list(\n                range(min(len_first, len_second), len_first))\n"),
            ("dictdiffer/utils.py", "        return not (first_is_nan and second_is_nan)\n",
             "        return not (first_is_nan or second_is_nan)\n"),
            ("dictdiffer/__init__.py", "        return REMOVE, node, list(reversed(changes))\n",
             "        return REMOVE, node, changes\n")]
# funcy: partition dropping its last full window; interpose dropping the first item; split_at skipping the item at
# the split; get_in no longer catching an IndexError; zip_values taking the union of the keys; where matching on any
# condition instead of all.
PT_BUGS = [("funcy/seqs.py", "    limit = len(seq)-n+1 if drop_tail else len(seq)\n",
            "    limit = len(seq)-n if drop_tail else len(seq)\n"),
           ("funcy/seqs.py", "    return drop(1, interleave(repeat(sep), seq))\n",
            "    return drop(2, interleave(repeat(sep), seq))\n"),
           ("funcy/seqs.py", "    return islice(a, n), islice(b, n, None)\n",
            "    return islice(a, n), islice(b, n + 1, None)\n"),
           ("funcy/colls.py", "            coll = coll[key]\n        except (KeyError, IndexError):\n            return default\n",
            "            coll = coll[key]\n        except KeyError:\n            return default\n"),
           ("funcy/colls.py", "zip_values expects at least one argument')\n    keys = set.intersection(*map(set, dicts))\n",
            "zip_values expects at least one argument')\n    keys = set.union(*map(set, dicts))\n"),
           ("funcy/colls.py", "    match = lambda m: all(k in m and m[k] == v for k, v in items)\n",
            "    match = lambda m: any(k in m and m[k] == v for k, v in items)\n")]


HATCH = r"""
from dictdiffer import diff, patch


class BerthPlanError(RuntimeError):
    pass


BERTHS = {"north": {"bollards": [4, 6, 8], "depth_m": 11.5}, "east": {"bollards": [2, 3], "depth_m": 9.0}}
CHANGES = [("change", "north.depth_m", (11.5, 10.8)), ("remove", "east.bollards", [(5, 3)]),
           ("add", "west", [("bollards", [1])])]


def apply_plan(berths, changes):
    return patch(changes, berths)


def bollard_plan(berths, changes):
    try:
        return apply_plan(berths, changes)
    except IndexError as exc:
        raise BerthPlanError(f"bollard plan failed for {len(changes)} changes") from exc


plan = bollard_plan(BERTHS, CHANGES)
print(list(diff(BERTHS, plan)))
"""

TALLY = r"""
from funcy import partition, walk_values, merge_with


def cleat_loads(hitches):
    return merge_with(sum, *[{name: load} for name, load in hitches])


def cleat_report(rows):
    try:
        pairs = list(partition(2, rows))
        return walk_values(lambda v: v / 1000, cleat_loads(pairs))
    except Exception as exc:
        raise LookupError("cleat report: a hitch row the tally could not hold") from exc


print(cleat_report(["figure-eight", 420, "round-turn", 380, "half-hitch"]))
print(cleat_report(["figure-eight", 420, "round-turn", "380", "clove-hitch"]))
"""


def python(tmp: Path) -> None:
    put_bugs(tmp / ISO, ISO_BUGS)
    put_bugs(tmp / PT, PT_BUGS)
    (tmp / ISO / "pytest.ini").unlink()  # its addopts name plugins (isort, pydocstyle, cov) not installed here
    (tmp / ISO / "bollard_plan.py").write_text(HATCH)
    (tmp / PT / "cleat_report.py").write_text(TALLY)
    # warm mypy's caches here so that the agents' runs end within Codex's 30 s yield
    run(f"{VENV}/bin/mypy --strict funcy/seqs.py cleat_report.py >/dev/null 2>&1; true", cwd=tmp / PT, timeout=900)
    history(tmp, SRC, "dictdiffer", ISO, ["dictdiffer/__init__.py", "tests/test_dictdiffer.py"],
            [("Aurelia Penhallow", "aurelia@example.org"), ("Bertram Okonkwo", "bertram@example.org"),
             ("Carys Lindgren", "carys@example.org")], 28101, 35, ISO_BUGS)
    history(tmp, SRC, "funcy", PT, ["funcy/seqs.py", "tests/test_seqs.py"],
            [("Dmitri Abernethy", "dmitri@example.org"), ("Eluned Vasquez", "eluned@example.org"),
             ("Fergus Nakamura", "fergus@example.org")], 28102, 60, PT_BUGS)
    # funcy's sdist ships tests/__pycache__ (the agent's copy drops every __pycache__): a last commit removes them
    run("rm -rf tests/__pycache__", cwd=tmp / PT)
    who = {"GIT_AUTHOR_NAME": "Eluned Vasquez", "GIT_AUTHOR_EMAIL": "eluned@example.org", "GIT_COMMITTER_NAME": "Eluned Vasquez",
           "GIT_COMMITTER_EMAIL": "eluned@example.org", "GIT_AUTHOR_DATE": "2025-06-02 16:41:00",
           "GIT_COMMITTER_DATE": "2025-06-02 16:41:00"}
    run("git rm -rq --cached tests/__pycache__ && rm -rf tests/__pycache__ && git commit -qm 'Drop compiled test caches'",
        cwd=tmp / "funcy-git", env={**GIT_ENV, **who})


DAVIT = r"""'use strict';
// davit: lowering sums for a lifeboat davit (fall lengths, hoist rates, crew charts).

function fallLength(spanCm, gearPct, turns) {
  const gear = spanCm * gearPct / 100;
  const length = Math.sqrt(spanCm * spanCm + 4 * gear * gear) + turns * 3.5;
  return Math.round(length * 100) / 100;
}

function hoistToMs(spm) {
  return Math.round(spm * 0.42 * 1000) / 1000;
}

function loadBand(spm) {
  const limits = [11, 15, 18, 22, 24, 26, 28, 30, 32, 34, 37, 40];
  for (let i = 0; i < limits.length; i++) {
    if (spm < limits[i]) {
      return i;
    }
  }
  return 12;
}

function boatLabel(line, size) {
  const words = String(line).trim().split(/\s+/).filter(Boolean);
  const tag = words.map((w) => w[0].toUpperCase() + w.slice(1).toLowerCase()).join('-');
  return `${tag}/${size}cm`;
}

function chockArea(lengthCm, shape) {
  const factor = {gravity: 0.61, luffing: 0.74, radial: 0.86, pivot: 0.57}[shape];
  if (factor === undefined) {
    throw new RangeError(`unknown davit type: ${shape}`);
  }
  return Math.round(lengthCm * lengthCm * factor * 10) / 10;
}

function crewChart(crew, seats) {
  const bill = Array.from({length: seats}, () => []);
  crew.forEach((name, i) => bill[i % seats].push(name));
  return bill.map((names, w) => `boat ${w + 1}: ${names.join(', ')}`);
}

module.exports = {fallLength, hoistToMs, loadBand, boatLabel, chockArea, crewChart};
"""

# davit: the fall length's turn allowance mistyped; loadBand one band low at each limit; a boat label joined with
# '_'; the radial davit's factor mistyped.
PA_BUGS = [("davit.js", "+ turns * 3.5;", "+ turns * 3;"),
           ("davit.js", "if (spm < limits[i]) {", "if (spm <= limits[i]) {"),
           ("davit.js", ".join('-');", ".join('_');"),
           ("davit.js", "radial: 0.86", "radial: 0.8")]

FIXTURES = r"""
import fs from 'node:fs';
import {createRequire} from 'node:module';
const r = createRequire(import.meta.url)('./lib/davit.js');
let seed = 28103;
const rnd = () => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed / 2147483648; };
const pick = a => a[Math.floor(rnd() * a.length)];
const words = ['fall', 'BLOCK', 'gripe', 'Sheave', 'hook', 'cradle', 'Winch', 'brake', 'arm', 'TRACK', 'keel',
  'chock', 'painter', 'Skate', 'limit', 'bowsing'];
const crew = ['Ailsa', 'Bryn', 'Cerys', 'Dafydd', 'Elin', 'Ffion', 'Gethin', 'Hywel', 'Iolo', 'Jac', 'Kelyn', 'Lowri'];
const cases = [];
for (let i = 0; i < 270; i++) {
  const fn = ['fallLength', 'hoistToMs', 'loadBand', 'boatLabel', 'chockArea', 'crewChart'][i % 6];
  let args;
  if (fn === 'fallLength') args = [180 + Math.floor(rnd() * 220), Math.floor(rnd() * 12), Math.floor(rnd() * 6)];
  if (fn === 'hoistToMs') args = [Math.floor(rnd() * 600) / 10];
  if (fn === 'loadBand') args = [pick([9, 11, 14, 15, 18, 20, 22, 23, 24, 26, 28, 29, 30, 32, 34, 35, 37, 40, 41, 44])];
  if (fn === 'boatLabel') args = [Array.from({length: 1 + Math.floor(rnd() * 3)}, () => pick(words)).join(' '), pick([1, 2, 4, 6, 8])];
  if (fn === 'chockArea') args = [pick([44, 46, 48, 50, 52, 54]), pick(['gravity', 'luffing', 'radial', 'pivot'])];
  if (fn === 'crewChart') args = [crew.slice(0, 3 + Math.floor(rnd() * 9)), 2 + Math.floor(rnd() * 3)];
  cases.push({fn, args, want: r[fn](...args)});
}
let out = "import {test} from 'node:test';\nimport assert from 'node:assert/strict';\n" +
  "import r from '../lib/davit.js';\n\n";
cases.forEach((c, i) => {
  const label = JSON.stringify(c.args).replace(/'/g, '').slice(0, 60);
  out += `test('${c.fn} ${String(i).padStart(3, '0')}: ${label}', () => {\n`;
  out += `  assert.deepEqual(r.${c.fn}(${c.args.map(a => JSON.stringify(a)).join(', ')}), ${JSON.stringify(c.want)});\n});\n\n`;
});
fs.writeFileSync('spec/lines.test.mjs', out);
"""

APP = """var r = require('./davit.js');

function launchPlan(legs, fleet) {
  var lines = [];
  for (var k in legs) {
    const unused = k.length;
    if (legs[k] == null) continue
    var leg = legs[k];
    lines.push(leg.from + ' to ' + leg.to + ': band ' + r.loadBand(leg.rate) + ', ' + r.hoistToMs(leg.rate) + ' m/s');
  }
  let plan = lines.join('\\n');
  if (plan.length == 0) {
    return 'No launch planned';
  } else {
    return plan + '\\n' + r.crewChart(fleet.crew, fleet.seats).join('\\n') + '\\n' + r.boatLabel(fleet.boat, fleet.size) + 1;
  }
}

module.exports = {launchPlan: launchPlan};
"""

ESLINT_CONFIG = """import js from "@eslint/js";
export default [js.configs.recommended, {rules: {"no-var": "error", eqeqeq: "error", "prefer-const": "warn",
  "no-unused-vars": "warn", curly: "error", "no-plusplus": "warn", complexity: ["warn", 4], semi: "warn",
  "guard-for-in": "warn", "prefer-template": "warn", "one-var": ["warn", "never"], "no-param-reassign": "warn",
  "no-else-return": "warn", "dot-notation": "warn", "vars-on-top": "warn", "no-mixed-operators": "warn",
  "no-magic-numbers": ["warn", {ignore: [0, 1, 2, 4, 10, 100]}], "id-length": ["warn", {min: 2}],
  "arrow-body-style": "warn", "prefer-arrow-callback": "warn", "func-style": ["warn", "expression"]},
  languageOptions: {ecmaVersion: 2025, sourceType: "module"}},
  {files: ["lib/**/*.js"], languageOptions: {sourceType: "commonjs",
   globals: {require: "readonly", module: "writable", exports: "writable"}}}];
"""

TSCONFIG = json.dumps({"compilerOptions": {"allowJs": True, "checkJs": True, "strict": True, "noEmit": True,
                                           "target": "es2024", "module": "nodenext", "resolveJsonModule": True,
                                           "skipLibCheck": True, "noImplicitReturns": True,
                                           "noUnusedLocals": True, "noUnusedParameters": True},
                       "include": ["lib"]}, indent=2) + "\n"


def js_project(tmp: Path) -> None:
    root = tmp / "davit"
    nm = JS / "node_modules"
    for d in ("lib", "spec"):
        (root / d).mkdir(parents=True, exist_ok=True)
    run(f"ln -s {nm} node_modules", cwd=root)
    write_tree(root, {"package.json": json.dumps({"name": "davit", "version": "0.6.3", "type": "module",
                                                  "scripts": {"test": "node --test spec/"}}, indent=2) + "\n",
                      "fixtures.mjs": FIXTURES, "eslint.config.js": ESLINT_CONFIG, "lib/launch-plan.js": APP,
                      "lib/davit.js": DAVIT,
                      "lib/package.json": json.dumps({"type": "commonjs"}) + "\n", "tsconfig.json": TSCONFIG})
    run("node fixtures.mjs && rm fixtures.mjs", cwd=root)
    for rel, old, new in PA_BUGS:
        f = root / "lib" / rel
        text = f.read_text()
        assert text.count(old) == 1, (rel, old)
        f.write_text(text.replace(old, new))


def kee(text: str) -> str:
    return (text.replace("WEIRKEEPER", "BOLLARD").replace("weirkeeper", "bollard").replace("weir", "mooring")
            .replace("sluice", "hawser").replace("gate_t", "hawser_t").replace("gates", "hawsers").replace("level_cm", "swl_kn")
            .replace("tide", "surge"))


def c_project(tmp: Path) -> None:
    root = tmp / "bollard"
    rnd = random.Random(28104)
    files = {"src/bollard.h": kee(n191.SKIFF_H), "src/ledger.c": kee(n191.SKIFF_C)}
    for k in range(36):
        files[f"src/mooring_{k:02d}.c"] = kee(n191.gen_c(k, rnd))
    objs = " ".join(f"build/{Path(p).stem}.o" for p in files if p.endswith(".c"))
    files["Makefile"] = ("CC=gcc\nCFLAGS=-Wall -Wextra -O1 -Isrc\nOBJS=" + objs + "\n\nall: bollard\n\n"
                         "bollard: $(OBJS)\n\t$(CC) -o $@ $(OBJS)\n\nbuild/%.o: src/%.c src/bollard.h\n"
                         "\t@mkdir -p build\n\t$(CC) $(CFLAGS) -c $< -o $@\n\nclean:\n\trm -rf build bollard\n")
    write_tree(root, files)


def scut(text: str) -> str:
    return (text.replace("plumbline", "dunnage").replace("Plumb-line survey", "Dunnage stack loads")
            .replace("offset_per_m", "load_per_tier").replace("station_penalty", "stack_penalty")
            .replace("readings", "loads").replace("reading", "load").replace("station", "stack"))


def rust(tmp: Path) -> None:
    root = tmp / "dunnage"
    rnd = random.Random(28105)
    write_tree(root, {"Cargo.toml": scut(n191.CARGO).replace("0.3.4", "0.2.7"), "src/lib.rs": scut(n191.LIB),
                      "src/broken.rs": scut(n191.BROKEN), "src/loads.rs": scut(n191.gen_readings(rnd, 190))})


def data(tmp: Path) -> None:
    d = tmp / "data"
    d.mkdir()
    run("find /usr/share/doc -type f -printf '%h,%f,%s,%TY-%Tm-%Td\\n' | sort > docs.body && "
        "(echo directory,file,bytes,modified; cat docs.body) > docs.csv && rm docs.body", cwd=d)
    run("sqlite3 docs.db '.mode csv' '.import docs.csv docs'", cwd=d)
    app_log(d / "fairlead.log", 28106, 1700, ["fairlead.sheave", "fairlead.chock", "fairlead.api", "fairlead.store"], {
        "INFO": lambda r: f"line {r.randint(1, 8)} led through sheave {r.randint(1, 12)} at {r.randint(10, 60)} kN in {r.randint(20, 240)} s",
        "DEBUG": lambda r: f"sheave bearing poll {r.randint(1, 40)} took {r.randint(2, 90)} ms",
        "WARNING": lambda r: f"fairlead {r.randint(1, 6)} chafe guard at {r.randint(70, 95)}% wear, line held",
        "ERROR": lambda r: f"roller {r.randint(1, 4)} seized with line {r.randint(1, 8)} under {r.randint(200, 800)} kg"}, 7410, "2026-11-30")
    app_log(d / "cleat.log", 28107, 1750, ["cleat.horn", "cleat.winch", "cleat.api", "cleat.db"], {
        "INFO": lambda r: f"horn {r.randint(1, 6)} made fast with {r.randint(2, 5)} turns in {r.randint(30, 600)} s",
        "DEBUG": lambda r: f"winch drum sample {r.randint(1, 90)} took {r.randint(2, 70)} ms",
        "WARNING": lambda r: f"cleat {r.randint(1, 6)} line slipped {r.randint(3, 20)} cm under surge",
        "ERROR": lambda r: f"horn {r.randint(1, 6)} bolt sheared at {r.randint(30, 95)} kN"}, 3590, "2026-12-01")


STEPS = [python, js_project, c_project, rust, data]
