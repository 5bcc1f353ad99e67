"""Round 223, the material both agents work in (no item is captured here): munch's and ordered-set's sdists with bugs
put in and a script each that runs their code wrongly, git histories built by committing their sources in steps, the
quillwright project (voca under a generated node --test suite whose expectations come from the unbroken package,
eslint, tsc), a C project (`capstan`) and a Rust crate (`whipstaff`) written here on round 191's generators with
other names and seeds, a CSV and a sqlite table of this machine's documentation files and two application logs.
Run through capture_wide223.py."""

from __future__ import annotations

import json
import random
from pathlib import Path

import capture_wide191_native as n191
from capture_material import app_log, history, put_bugs
from capture_more import run, write_tree
from capture_wide223 import JS, SRC, VENV

MU, OS = "munch-4.0.0", "ordered-set-4.1.0"

# munch: a nested mapping left a plain dict by munchify; setdefault storing None, not the default; a list's items
# left munched by unmunchify; toYAML indenting by 2.
MU_BUGS = [("munch/__init__.py", "return factory({})", "return dict()"),
           ("munch/__init__.py", "            self[k] = d\n", "            self[k] = None\n"),
           ("munch/__init__.py", "partial.extend(unmunchify_cycles(v) for v in obj)", "partial.extend(obj)"),
           ("munch/__init__.py", "opts = dict(indent=4, default_flow_style=False)",
            "opts = dict(indent=2, default_flow_style=False)")]
# ordered-set: a tuple no longer atomic for index(); discard shifting the wrong indices; a sequence compared without
# its order; issubset's fast check refusing an equal-sized superset.
OS_BUGS = [("ordered_set/__init__.py", "return isinstance(obj, str) or isinstance(obj, tuple)",
            "return isinstance(obj, str)"),
           ("ordered_set/__init__.py", "                if v >= i:", "                if v > i:"),
           ("ordered_set/__init__.py", "            return list(self) == list(other)",
            "            return set(self) == set(other)"),
           ("ordered_set/__init__.py", "        if len(self) > len(other):  # Fast check for obvious cases",
            "        if len(self) >= len(other):  # Fast check for obvious cases")]


ANCHORAGE = r"""
from munch import Munch, munchify


class ChartError(LookupError):
    pass


CHART = {"harbour": "Kilbrannan", "berths": [{"name": "east quay", "depth": {"low_water_m": 4.2}},
                                            {"name": "fish dock", "depth": {"low_water_m": 2.1}}],
         "anchorage": {"holding": "mud", "swing_m": 60}}


def min_depth(chart):
    try:
        return min(b.depth.low_water_m for b in chart.berths)
    except AttributeError as exc:
        raise ChartError(f"harbour chart for {chart.harbour} has no berth depths") from exc


chart = Munch(harbour=CHART["harbour"], berths=munchify(CHART["berths"]), anchorage=munchify(CHART["anchorage"]))
print(f"{chart.harbour}: shallowest berth {min_depth(chart)} m, anchorage {chart.anchorage.holding}")
"""

ROLLCALL = r"""
from ordered_set import OrderedSet

WATCH = OrderedSet([("port", "Rhys"), ("starboard", "Oona"), ("bow", "Tamsin"), ("stern", "Yusuf")])


def post_of(entry):
    try:
        return WATCH.index(entry)
    except KeyError as exc:
        raise RuntimeError(f"roll call: {entry[1]} is not on the watch list") from exc


for entry in [("bow", "Tamsin"), ("stern", "Yusuf")]:
    print(f"post {post_of(entry)}: {entry[1]} ({entry[0]})")
"""


def python(tmp: Path) -> None:
    put_bugs(tmp / MU, MU_BUGS)
    put_bugs(tmp / OS, OS_BUGS)
    (tmp / MU / "anchorage_chart.py").write_text(ANCHORAGE)
    (tmp / OS / "rollcall.py").write_text(ROLLCALL)
    # warm mypy's caches here so that the agents' runs end within Codex's 30 s yield
    run(f"{VENV}/bin/mypy --strict ordered_set test >/dev/null 2>&1; true", cwd=tmp / OS, timeout=900)
    history(tmp, SRC, "munch", MU, ["munch/__init__.py", "tests/test_munch.py"],
            [("Gwen Alder", "gwen@example.org"), ("Kofi Mensah", "kofi@example.org"),
             ("Ilse Brandt", "ilse@example.org")], 22301, 30, MU_BUGS)
    history(tmp, SRC, "ordered-set", OS, ["ordered_set/__init__.py", "test/test_ordered_set.py"],
            [("Rosa Quintero", "rosa@example.org"), ("Tariq Nadeem", "tariq@example.org"),
             ("Signe Holm", "signe@example.org")], 22302, 20, OS_BUGS)


FIXTURES = r"""
import fs from 'node:fs';
import {createRequire} from 'node:module';
const v = createRequire(import.meta.url)('voca');
let seed = 22303;
const rnd = () => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed / 2147483648; };
const pick = a => a[Math.floor(rnd() * a.length)];
const words = ['quill', 'Wright', 'inkPot', 'vellum', 'Scriptorium', 'nib_case', 'Rubric', 'gall-ink', 'Öl', 'Crème',
  'margin', 'GLOSS', 'folio', 'recto', 'Verso', 'lectern', 'sépia', 'Ærø', 'palimpsest', 'codex', 'Über', 'tittle',
  'ascender', 'Señor', 'quire', '42', 'versal'];
const fns = ['slugify', 'kebabCase', 'camelCase', 'snakeCase', 'titleCase', 'truncate', 'prune'];
const cases = [];
for (let i = 0; i < 260; i++) {
  const fn = fns[i % fns.length];
  const n = 2 + Math.floor(rnd() * 6);
  const text = Array.from({length: n}, () => pick(words)).join(pick([' ', ' ', '  ', ', ', ' - ']));
  const args = fn === 'truncate' || fn === 'prune' ? [text, 6 + Math.floor(rnd() * 24)] : [text];
  cases.push({fn, args, want: v[fn](...args)});
}
let out = "import {test} from 'node:test';\nimport assert from 'node:assert/strict';\n" +
  "import v from '../lib/voca.js';\n\n";
cases.forEach((c, i) => {
  out += `test('${c.fn} ${String(i).padStart(3, '0')}: ${c.args[0].replace(/'/g, '')}', () => {\n`;
  out += `  assert.equal(v.${c.fn}(${c.args.map(a => JSON.stringify(a)).join(', ')}), ${JSON.stringify(c.want)});\n});\n\n`;
});
fs.writeFileSync('spec/case.test.mjs', out);
"""

APP = """var v = require('./voca.js');

function folioHeading(folio, width) {
  var parts = [];
  for (var k in folio) {
    const unused = k.length;
    if (folio[k] == null) continue
    parts.push(v.titleCase(String(folio[k])));
  }
  let heading = parts.join(' / ');
  if (heading.length == 0) {
    return 'Untitled folio';
  } else {
    return v.prune(heading, width) + ' [' + v.slugify(heading) + ']';
  }
}

module.exports = {folioHeading: folioHeading};
"""

ESLINT_CONFIG = """import js from "@eslint/js";
export default [js.configs.recommended, {rules: {"no-var": "error", eqeqeq: "error", "prefer-const": "warn",
  "no-unused-vars": "warn", curly: "error", "no-plusplus": "warn", complexity: ["warn", 6], semi: "warn",
  "guard-for-in": "warn", "prefer-template": "warn", "one-var": ["warn", "never"], "no-param-reassign": "warn",
  "no-else-return": "warn", "dot-notation": "warn", "vars-on-top": "warn", "no-mixed-operators": "warn"},
  languageOptions: {ecmaVersion: 2025, sourceType: "module"}},
  {files: ["lib/**/*.js"], languageOptions: {sourceType: "commonjs",
   globals: {require: "readonly", module: "writable", exports: "writable"}}}];
"""

# voca: kebab-case (and so slugify) no longer lower-casing its words; truncate keeping one character too many; prune
# dropping a word that fits exactly.
JS_BUGS = [("voca.js", "return words(subjectString).map(lowerCase).join('-');", "return words(subjectString).join('-');"),
           ("voca.js", "return subjectString.substr(0, length - endString.length) + endString;",
            "return subjectString.substr(0, length - endString.length + 1) + endString;"),
           ("voca.js", "if (wordInsertLength <= lengthInt - endString.length) {",
            "if (wordInsertLength < lengthInt - endString.length) {")]

TSCONFIG = json.dumps({"compilerOptions": {"allowJs": True, "checkJs": True, "strict": True, "noEmit": True,
                                           "target": "es2024", "module": "nodenext", "resolveJsonModule": True,
                                           "skipLibCheck": True},
                       "include": ["lib"]}, indent=2) + "\n"


def js_project(tmp: Path) -> None:
    root = tmp / "quillwright"
    nm = JS / "node_modules"
    for d in ("lib", "spec"):
        (root / d).mkdir(parents=True, exist_ok=True)
    run(f"ln -s {nm} node_modules", cwd=root)
    write_tree(root, {"package.json": json.dumps({"name": "quillwright", "version": "0.6.3", "type": "module",
                                                  "scripts": {"test": "node --test spec/"}}, indent=2) + "\n",
                      "fixtures.mjs": FIXTURES, "eslint.config.js": ESLINT_CONFIG, "lib/folio-heading.js": APP,
                      "lib/package.json": json.dumps({"type": "commonjs"}) + "\n", "tsconfig.json": TSCONFIG})
    run("node fixtures.mjs && rm fixtures.mjs", cwd=root)
    run(f"cp {nm}/voca/index.js lib/voca.js", cwd=root)
    for rel, old, new in JS_BUGS:
        f = root / "lib" / rel
        text = f.read_text()
        assert text.count(old) == 1, (rel, old)
        f.write_text(text.replace(old, new))


def cap(text: str) -> str:
    return (text.replace("WEIRKEEPER", "CAPSTAN").replace("weirkeeper", "capstan").replace("weir", "drum")
            .replace("sluice", "pawl").replace("gate_t", "bar_t").replace("gates", "bars").replace("level_cm", "load_kg")
            .replace("tide", "swell"))


def c_project(tmp: Path) -> None:
    root = tmp / "capstan"
    rnd = random.Random(22304)
    files = {"src/capstan.h": cap(n191.SKIFF_H), "src/ledger.c": cap(n191.SKIFF_C)}
    for k in range(30):
        files[f"src/drum_{k:02d}.c"] = cap(n191.gen_c(k, rnd))
    objs = " ".join(f"build/{Path(p).stem}.o" for p in files if p.endswith(".c"))
    files["Makefile"] = ("CC=gcc\nCFLAGS=-Wall -Wextra -O1 -Isrc\nOBJS=" + objs + "\n\nall: capstan\n\n"
                         "capstan: $(OBJS)\n\t$(CC) -o $@ $(OBJS)\n\nbuild/%.o: src/%.c src/capstan.h\n"
                         "\t@mkdir -p build\n\t$(CC) $(CFLAGS) -c $< -o $@\n\nclean:\n\trm -rf build capstan\n")
    write_tree(root, files)


def whip(text: str) -> str:
    return (text.replace("plumbline", "whipstaff").replace("Plumb-line survey", "Whipstaff helm log")
            .replace("offset_per_m", "throw_per_deg").replace("station_penalty", "helm_penalty")
            .replace("readings", "bearings").replace("reading", "bearing").replace("station", "helm"))


def rust(tmp: Path) -> None:
    root = tmp / "whipstaff"
    rnd = random.Random(22305)
    write_tree(root, {"Cargo.toml": whip(n191.CARGO).replace("0.3.4", "0.2.7"), "src/lib.rs": whip(n191.LIB),
                      "src/broken.rs": whip(n191.BROKEN), "src/bearings.rs": whip(n191.gen_readings(rnd, 200))})


def data(tmp: Path) -> None:
    d = tmp / "data"
    d.mkdir()
    run("find /usr/share/doc -type f -printf '%h,%f,%s,%TY-%Tm-%Td\\n' | sort > docs.body && "
        "(echo directory,file,bytes,modified; cat docs.body) > docs.csv && rm docs.body", cwd=d)
    run("sqlite3 docs.db '.mode csv' '.import docs.csv docs'", cwd=d)
    app_log(d / "lockkeeper.log", 22306, 1500, ["lockkeeper.paddle", "lockkeeper.chamber", "lockkeeper.api",
                                                 "lockkeeper.store"], {
        "INFO": lambda r: f"chamber {r.randint(1, 5)} filled to {r.randint(18, 95) / 10} m in {r.randint(40, 300)} s",
        "DEBUG": lambda r: f"paddle sensor poll {r.randint(1, 40)} took {r.randint(2, 90)} ms",
        "WARNING": lambda r: f"gate {r.randint(1, 5)} seal leak {r.randint(70, 99)} l/min, pump raised",
        "ERROR": lambda r: f"paddle {r.randint(1, 4)} winch stalled for {r.randint(3, 20)} s"}, 5200, "2026-11-29")
    app_log(d / "tidemill.log", 22307, 1700, ["tidemill.wheel", "tidemill.sluice", "tidemill.api", "tidemill.db"], {
        "INFO": lambda r: f"wheel {r.randint(1, 4)} turned at {r.randint(8, 44)} rpm, head {r.randint(3, 9)} dm",
        "DEBUG": lambda r: f"flow meter sample {r.randint(1, 90)} took {r.randint(2, 70)} ms",
        "WARNING": lambda r: f"wheel {r.randint(1, 4)} bearing {r.randint(40, 69)} C since start",
        "ERROR": lambda r: f"millstone {r.randint(1, 4)} brake slipped after {r.randint(3, 15)} s"}, 7100, "2026-12-01")


STEPS = [python, js_project, c_project, rust, data]
