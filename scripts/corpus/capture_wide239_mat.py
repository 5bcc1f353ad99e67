"""Round 239, the material both agents work in (no item is captured here): addict's and toposort's sdists with bugs
put in and a script each that runs their code wrongly, git histories built by committing their sources in steps, the
ratline project (a JavaScript module written here under a generated node --test suite whose expectations come from
the unbroken module, eslint, tsc), a C project (`kedge`) and a Rust crate (`yardarm`) written here on round 191's
generators with other names and seeds, a CSV and a sqlite table of this machine's documentation files and two
application logs. Run through capture_wide239.py."""

from __future__ import annotations

import json
import random
from pathlib import Path

import capture_wide191_native as n191
from capture_material import app_log, history, put_bugs
from capture_more import run, write_tree
from capture_wide239 import JS, SRC, VENV

AD, TP = "addict-2.4.0", "toposort-1.10"

# addict: a list's dicts no longer turned into Dicts; update replacing a nested dict instead of merging into it; a
# frozen Dict refusing its existing keys and taking new ones; `|` letting the left side win.
AD_BUGS = [("addict/addict.py", "return type(item)(cls._hook(elem) for elem in item)",
            "return type(item)(elem for elem in item)"),
           ("addict/addict.py", "                self[k].update(v)", "                self[k] = v"),
           ("addict/addict.py", "if isFrozen and name not in super(Dict, self).keys():",
            "if isFrozen and name in super(Dict, self).keys():"),
           ("addict/addict.py", "        new = Dict(self)\n        new.update(other)",
            "        new = Dict(other)\n        new.update(self)")]
# toposort: self-dependencies kept (so an item depending on itself is a cycle); toposort_flatten sorting only when
# asked not to; the cycle error naming the items without what they depend on.
TP_BUGS = [("src/toposort.py", "data = {item: set(e for e in dep if e != item) for item, dep in data.items()}",
            "data = {item: set(dep) for item, dep in data.items()}"),
           ("src/toposort.py", "result.extend((sorted if sort else list)(d))", "result.extend((list if sort else sorted)(d))"),
           ("src/toposort.py", "{', '.join(f'{key}:{value}' for key, value in data.items())}",
            "{', '.join(f'{key}' for key, value in data.items())}")]


MOORING = r"""
from addict import Dict


class MooringPlanError(LookupError):
    pass


PLAN = {"harbour": "Lochmaddy", "moorings": [{"buoy": "M1", "chain": {"length_m": 18, "grade": "U2"}},
                                           {"buoy": "M2", "chain": {"length_m": 22, "grade": "U3"}},
                                           {"buoy": "M3", "chain": {"length_m": 15, "grade": "U2"}}],
        "inspector": {"name": "Catriona Macleod", "due": "2026-04-01"}}


def shortest_chain(plan):
    try:
        return min(m.chain.length_m for m in plan.moorings)
    except AttributeError as exc:
        raise MooringPlanError(f"mooring plan for {plan.harbour} has no chain lengths") from exc


plan = Dict(PLAN)
print(f"{plan.harbour}: shortest chain {shortest_chain(plan)} m, inspector {plan.inspector.name}")
"""

SHIPWRIGHT = r"""
from toposort import CircularDependencyError, toposort_flatten

WORK = {"launch": {"antifoul", "rig mast"}, "antifoul": {"sand hull"}, "rig mast": {"step mast", "rig mast"},
        "step mast": {"sand hull"}, "sand hull": set()}


def work_order(jobs):
    try:
        return toposort_flatten(jobs)
    except CircularDependencyError as exc:
        raise RuntimeError(f"shipwright order: {len(exc.data)} jobs wait on each other") from exc


for n, job in enumerate(work_order(WORK), 1):
    print(f"{n}. {job}")
"""


def python(tmp: Path) -> None:
    put_bugs(tmp / AD, AD_BUGS)
    put_bugs(tmp / TP, TP_BUGS)
    # the sdist's test module calls unittest.main() on import, which ends a pytest run before it starts: guarded here
    # in the working copy (not a bug put in; the git history keeps the file as shipped)
    put_bugs(tmp / TP, [("test/test_toposort.py", "\n\nunittest.main()\n", "\n\nif __name__ == \"__main__\":\n    unittest.main()\n")])
    (tmp / AD / "mooring_plan.py").write_text(MOORING)
    (tmp / TP / "shipwright_order.py").write_text(SHIPWRIGHT)
    # warm mypy's caches here so that the agents' runs end within Codex's 30 s yield
    run(f"MYPYPATH=src {VENV}/bin/mypy --strict src test >/dev/null 2>&1; true", cwd=tmp / TP, timeout=900)
    history(tmp, SRC, "addict", AD, ["addict/addict.py", "test_addict.py"],
            [("Morag Lindsay", "morag@example.org"), ("Emeka Obi", "emeka@example.org"),
             ("Hanne Vik", "hanne@example.org")], 23901, 24, AD_BUGS)
    history(tmp, SRC, "toposort", TP, ["src/toposort.py", "test/test_toposort.py"],
            [("Nils Ekdahl", "nils@example.org"), ("Priya Raman", "priya@example.org"),
             ("Wanjiru Kamau", "wanjiru@example.org")], 23902, 12, TP_BUGS)


RATLINE = r"""'use strict';
// ratline: rigging sums for a small sail-training fleet (rope lengths, knots, splice labels).

function ropeLength(spanM, sagPct, turns) {
  const sag = spanM * sagPct / 100;
  const length = Math.sqrt(spanM * spanM + 4 * sag * sag) + turns * 0.35;
  return Math.round(length * 100) / 100;
}

function knotsToMs(knots) {
  return Math.round(knots * 0.514444 * 1000) / 1000;
}

function beaufort(knots) {
  const limits = [1, 4, 7, 11, 17, 22, 28, 34, 41, 48, 56, 64];
  for (let i = 0; i < limits.length; i++) {
    if (knots < limits[i]) {
      return i;
    }
  }
  return 12;
}

function spliceLabel(line, size) {
  const words = String(line).trim().split(/\s+/).filter(Boolean);
  const tag = words.map((w) => w[0].toUpperCase() + w.slice(1).toLowerCase()).join('-');
  return `${tag}/${size}mm`;
}

function breakingLoad(diameterMm, fibre) {
  const factor = {nylon: 0.17, polyester: 0.15, dyneema: 0.45, manila: 0.07}[fibre];
  if (factor === undefined) {
    throw new RangeError(`unknown fibre: ${fibre}`);
  }
  return Math.round(diameterMm * diameterMm * factor * 10) / 10;
}

function watchBill(crew, watches) {
  const bill = Array.from({length: watches}, () => []);
  crew.forEach((name, i) => bill[i % watches].push(name));
  return bill.map((names, w) => `watch ${w + 1}: ${names.join(', ')}`);
}

module.exports = {ropeLength, knotsToMs, beaufort, spliceLabel, breakingLoad, watchBill};
"""

# ratline: the rope length adding the turns' allowance only once; beaufort one force high at each limit; a splice label
# keeping the words' own case; dyneema's factor mistyped.
RL_BUGS = [("ratline.js", "+ turns * 0.35;", "+ 0.35;"),
           ("ratline.js", "if (knots < limits[i]) {", "if (knots <= limits[i]) {"),
           ("ratline.js", "w[0].toUpperCase() + w.slice(1).toLowerCase()", "w[0].toUpperCase() + w.slice(1)"),
           ("ratline.js", "dyneema: 0.45", "dyneema: 0.54")]

FIXTURES = r"""
import fs from 'node:fs';
import {createRequire} from 'node:module';
const r = createRequire(import.meta.url)('./lib/ratline.js');
let seed = 23903;
const rnd = () => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed / 2147483648; };
const pick = a => a[Math.floor(rnd() * a.length)];
const words = ['main', 'SHEET', 'jib', 'Halyard', 'fore', 'brace', 'Topping', 'lift', 'vang', 'DOWNHAUL', 'reef',
  'clew', 'outhaul', 'Bowline', 'mizzen', 'kicker'];
const crew = ['Ailsa', 'Bram', 'Cerys', 'Dov', 'Esme', 'Finn', 'Gita', 'Hamish', 'Ines', 'Jory', 'Kit', 'Lior'];
const cases = [];
for (let i = 0; i < 240; i++) {
  const fn = ['ropeLength', 'knotsToMs', 'beaufort', 'spliceLabel', 'breakingLoad', 'watchBill'][i % 6];
  let args;
  if (fn === 'ropeLength') args = [2 + Math.floor(rnd() * 30), Math.floor(rnd() * 12), Math.floor(rnd() * 6)];
  if (fn === 'knotsToMs') args = [Math.floor(rnd() * 600) / 10];
  if (fn === 'beaufort') args = [pick([0, 1, 3, 4, 7, 10, 11, 17, 21, 22, 28, 33, 34, 41, 47, 48, 56, 63, 64, 70])];
  if (fn === 'spliceLabel') args = [Array.from({length: 1 + Math.floor(rnd() * 3)}, () => pick(words)).join(' '), pick([6, 8, 10, 12, 14])];
  if (fn === 'breakingLoad') args = [pick([6, 8, 10, 12, 14, 16]), pick(['nylon', 'polyester', 'dyneema', 'manila'])];
  if (fn === 'watchBill') args = [crew.slice(0, 3 + Math.floor(rnd() * 9)), 2 + Math.floor(rnd() * 3)];
  cases.push({fn, args, want: r[fn](...args)});
}
let out = "import {test} from 'node:test';\nimport assert from 'node:assert/strict';\n" +
  "import r from '../lib/ratline.js';\n\n";
cases.forEach((c, i) => {
  const label = JSON.stringify(c.args).replace(/'/g, '').slice(0, 60);
  out += `test('${c.fn} ${String(i).padStart(3, '0')}: ${label}', () => {\n`;
  out += `  assert.deepEqual(r.${c.fn}(${c.args.map(a => JSON.stringify(a)).join(', ')}), ${JSON.stringify(c.want)});\n});\n\n`;
});
fs.writeFileSync('spec/rigging.test.mjs', out);
"""

APP = """var r = require('./ratline.js');

function passagePlan(legs, fleet) {
  var lines = [];
  for (var k in legs) {
    const unused = k.length;
    if (legs[k] == null) continue
    var leg = legs[k];
    lines.push(leg.from + ' to ' + leg.to + ': force ' + r.beaufort(leg.wind) + ', ' + r.knotsToMs(leg.wind) + ' m/s');
  }
  let plan = lines.join('\\n');
  if (plan.length == 0) {
    return 'No passage planned';
  } else {
    return plan + '\\n' + r.watchBill(fleet.crew, fleet.watches).join('\\n') + '\\n' + r.spliceLabel(fleet.line, fleet.size) + 1;
  }
}

module.exports = {passagePlan: passagePlan};
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
    root = tmp / "ratline"
    nm = JS / "node_modules"
    for d in ("lib", "spec"):
        (root / d).mkdir(parents=True, exist_ok=True)
    run(f"ln -s {nm} node_modules", cwd=root)
    write_tree(root, {"package.json": json.dumps({"name": "ratline", "version": "0.4.1", "type": "module",
                                                  "scripts": {"test": "node --test spec/"}}, indent=2) + "\n",
                      "fixtures.mjs": FIXTURES, "eslint.config.js": ESLINT_CONFIG, "lib/passage-plan.js": APP,
                      "lib/ratline.js": RATLINE,
                      "lib/package.json": json.dumps({"type": "commonjs"}) + "\n", "tsconfig.json": TSCONFIG})
    run("node fixtures.mjs && rm fixtures.mjs", cwd=root)
    for rel, old, new in RL_BUGS:
        f = root / "lib" / rel
        text = f.read_text()
        assert text.count(old) == 1, (rel, old)
        f.write_text(text.replace(old, new))


def cap(text: str) -> str:
    return (text.replace("WEIRKEEPER", "KEDGE").replace("weirkeeper", "kedge").replace("weir", "warp")
            .replace("sluice", "fluke").replace("gate_t", "rode_t").replace("gates", "rodes").replace("level_cm", "scope_m")
            .replace("tide", "drift"))


def c_project(tmp: Path) -> None:
    root = tmp / "kedge"
    rnd = random.Random(23904)
    files = {"src/kedge.h": cap(n191.SKIFF_H), "src/ledger.c": cap(n191.SKIFF_C)}
    for k in range(34):
        files[f"src/warp_{k:02d}.c"] = cap(n191.gen_c(k, rnd))
    objs = " ".join(f"build/{Path(p).stem}.o" for p in files if p.endswith(".c"))
    files["Makefile"] = ("CC=gcc\nCFLAGS=-Wall -Wextra -O1 -Isrc\nOBJS=" + objs + "\n\nall: kedge\n\n"
                         "kedge: $(OBJS)\n\t$(CC) -o $@ $(OBJS)\n\nbuild/%.o: src/%.c src/kedge.h\n"
                         "\t@mkdir -p build\n\t$(CC) $(CFLAGS) -c $< -o $@\n\nclean:\n\trm -rf build kedge\n")
    write_tree(root, files)


def yard(text: str) -> str:
    return (text.replace("plumbline", "yardarm").replace("Plumb-line survey", "Yardarm brace log")
            .replace("offset_per_m", "sheet_per_deg").replace("station_penalty", "brace_penalty")
            .replace("readings", "braces").replace("reading", "brace").replace("station", "yard"))


def rust(tmp: Path) -> None:
    root = tmp / "yardarm"
    rnd = random.Random(23905)
    write_tree(root, {"Cargo.toml": yard(n191.CARGO).replace("0.3.4", "0.5.2"), "src/lib.rs": yard(n191.LIB),
                      "src/broken.rs": yard(n191.BROKEN), "src/braces.rs": yard(n191.gen_readings(rnd, 180))})


def data(tmp: Path) -> None:
    d = tmp / "data"
    d.mkdir()
    run("find /usr/share/doc -type f -printf '%h,%f,%s,%TY-%Tm-%Td\\n' | sort > docs.body && "
        "(echo directory,file,bytes,modified; cat docs.body) > docs.csv && rm docs.body", cwd=d)
    run("sqlite3 docs.db '.mode csv' '.import docs.csv docs'", cwd=d)
    app_log(d / "halyard.log", 23906, 1500, ["halyard.winch", "halyard.sheave", "halyard.api", "halyard.store"], {
        "INFO": lambda r: f"sail {r.randint(1, 6)} hoisted to {r.randint(40, 100)}% in {r.randint(20, 180)} s",
        "DEBUG": lambda r: f"load cell poll {r.randint(1, 40)} took {r.randint(2, 90)} ms",
        "WARNING": lambda r: f"sheave {r.randint(1, 6)} running hot at {r.randint(45, 80)} C, speed cut",
        "ERROR": lambda r: f"winch {r.randint(1, 4)} clutch slipped under {r.randint(300, 900)} kg"}, 6300, "2026-11-30")
    app_log(d / "scupper.log", 23907, 1700, ["scupper.pump", "scupper.valve", "scupper.api", "scupper.db"], {
        "INFO": lambda r: f"pump {r.randint(1, 4)} cleared {r.randint(20, 400)} l from bilge {r.randint(1, 6)}",
        "DEBUG": lambda r: f"float switch sample {r.randint(1, 90)} took {r.randint(2, 70)} ms",
        "WARNING": lambda r: f"bilge {r.randint(1, 6)} level {r.randint(12, 40)} cm above mark",
        "ERROR": lambda r: f"valve {r.randint(1, 4)} stuck open for {r.randint(3, 25)} s"}, 8200, "2026-12-01")


STEPS = [python, js_project, c_project, rust, data]
