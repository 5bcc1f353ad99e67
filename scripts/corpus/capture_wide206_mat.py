"""Round 206, the material both agents work in (no item is captured here): hjson's and pathvalidate's sdists with
bugs put in and a script each that runs their code wrongly, git histories built by committing their sources in steps,
the wordplate project (written-number under a generated node --test suite whose expectations come from the unbroken
package, eslint, tsc), a C project (`hawsepipe`) and a Rust crate (`tackline`) written here on round 191's generators
with other names and seeds, a CSV and a sqlite table of this machine's installed Debian packages and two application
logs. Run through capture_wide206.py."""

from __future__ import annotations

import json
import random
from pathlib import Path

import capture_wide191_native as n191
from capture_material import app_log, history, put_bugs
from capture_more import run, write_tree
from capture_wide206 import JS, SRC, VENV

HJ, PV = "hjson-3.1.0", "pathvalidate-3.3.1"

# hjson: a `//` comment no longer skipped (only `#` and `/* */`); a multi-line string keeps its last line break; a
# float is made an int only below 1000; a tab escaped as \u0009; sort_keys without an item_sort_key leaves the keys
# unsorted.
HJ_BUGS = [("hjson/decoder.py", "if ch == '#' or ch == '/' and ch2 == '/':", "if ch == '#':"),
           ("hjson/decoder.py", "if string and string[-1] == '\\n':\n                    string = string[:-1] # remove last EOL\n",
            "if string and string[-1] == '\\r':\n                    string = string[:-1] # remove last EOL\n"),
           ("hjson/decoder.py", "if int(res) == res and abs(res)<1e10: res = int(res)",
            "if int(res) == res and abs(res)<1e3: res = int(res)"),
           ("hjson/encoder.py", r"""    '\t': '\\t',""", r"""    '\t': '\\u0009',"""),
           ("hjson/encoder.py", "elif _sort_keys and not _item_sort_key:", "elif _sort_keys and _item_sort_key:")]
# pathvalidate: a file name's trailing period no longer stripped; AUX no longer a reserved Windows name; COM0 and
# LPT0 no longer reserved.
PV_BUGS = [("pathvalidate/_filename.py", 'sanitized_filename = sanitized_filename.rstrip(" .")',
            'sanitized_filename = sanitized_filename.rstrip(" ")'),
           ("pathvalidate/_filename.py", '("CON", "PRN", "AUX", "CLOCK$", "NUL")', '("CON", "PRN", "CLOCK$", "NUL")'),
           ("pathvalidate/_filename.py", 'itertools.product(("COM", "LPT"), range(0, 10))',
            'itertools.product(("COM", "LPT"), range(1, 10))')]


HAWSER = r"""
import hjson


class MooringConfigError(Exception):
    pass


CONFIG = '''
{
  // berths on the east quay
  berths: [
    {name: Kestrel, length_m: 18.5, depth_m: 3.0}
    {name: Heron, length_m: 2400.0, depth_m: 4.2}
  ]
  # harbour master on duty
  master: Ines Aldana
}
'''


def load(text):
    try:
        return hjson.loads(text)
    except hjson.HjsonDecodeError as exc:
        raise MooringConfigError(f"mooring config is not valid Hjson: {exc.msg}") from exc


cfg = load(CONFIG)
for berth in cfg["berths"]:
    print(f"{berth['name']:10} {berth['length_m']:>8} m  depth {berth['depth_m']} m")
"""

WARD = r"""
from pathvalidate import ValidationError, sanitize_filename, validate_filename


def export_name(title):
    name = sanitize_filename(title + ".", platform="windows")
    validate_filename(name, platform="windows")
    return name


for title in ["ward 7 rota", "Night shift: handover", "Rx/Tx log", "Q3 audit*", "AUX"]:
    try:
        print(f"{title!r:28} -> {export_name(title)}")
    except ValidationError as exc:
        raise RuntimeError(f"export of ward sheet {title!r} stopped") from exc
"""


def python(tmp: Path) -> None:
    put_bugs(tmp / HJ, HJ_BUGS)
    put_bugs(tmp / PV, PV_BUGS)
    (tmp / HJ / "hawser_config.py").write_text(HAWSER)
    (tmp / PV / "ward_export.py").write_text(WARD)
    # warm mypy's caches here so that the agents' runs end within Codex's 30 s yield
    run(f"{VENV}/bin/mypy --strict pathvalidate >/dev/null 2>&1; true", cwd=tmp / PV, timeout=900)
    history(tmp, SRC, "hjson", HJ, ["hjson/decoder.py", "hjson/encoder.py", "hjson/encoderH.py"],
            [("Maren Dahl", "maren@example.org"), ("Idris Bello", "idris@example.org"),
             ("Kalinda Watts", "kalinda@example.org")], 20601, 30, HJ_BUGS)
    history(tmp, SRC, "pathvalidate", PV, ["pathvalidate/_filename.py", "pathvalidate/_filepath.py", "pathvalidate/_base.py"],
            [("Oskar Lind", "oskar@example.org"), ("Rhea Patel", "rhea@example.org"),
             ("Tevita Fifita", "tevita@example.org")], 20602, 40, PV_BUGS)


FIXTURES = r"""
import fs from 'node:fs';
import {createRequire} from 'node:module';
const writtenNumber = createRequire(import.meta.url)('written-number');
let seed = 20603;
const rnd = () => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed / 2147483648; };
const pick = a => a[Math.floor(rnd() * a.length)];
const langs = ['en', 'en', 'en', 'es', 'fr', 'ru', 'uk', 'pt', 'it', 'tr', 'id'];
const cases = [];
for (let i = 0; i < 260; i++) {
  const digits = 1 + Math.floor(rnd() * 9);
  let n = Math.floor(rnd() * Math.pow(10, digits));
  if (i % 13 === 5) n = 0;
  if (i % 11 === 7) n = 4 * Math.pow(10, Math.floor(rnd() * 7)) + Math.floor(rnd() * 4);
  const options = {lang: pick(langs)};
  if (i % 6 === 2) options.noAnd = true;
  cases.push({n, options, want: writtenNumber(n, options)});
}
let out = "import {test} from 'node:test';\nimport assert from 'node:assert/strict';\n" +
  "import writtenNumber from '../lib/index.js';\n\n";
cases.forEach((c, i) => {
  out += `test('case ${String(i).padStart(3, '0')}: ${c.n} (${c.options.lang}${c.options.noAnd ? ', noAnd' : ''})', () => {\n`;
  out += `  assert.equal(writtenNumber(${c.n}, ${JSON.stringify(c.options)}), ${JSON.stringify(c.want)});\n});\n\n`;
});
fs.writeFileSync('spec/written.test.mjs', out);
"""

APP = """var writtenNumber = require('./index.js');

function chequeWords(amount, lang) {
  var whole = Math.floor(amount);
  var cents = Math.round((amount - whole) * 100);
  for (var k in writtenNumber.i18n) {
    const unused = k.length;
    if (k == lang) break
  }
  let words = writtenNumber(whole, {lang: lang, noAnd: true});
  if (cents == 0) {
    return words + ' only';
  } else {
    return words + ' and ' + cents + '/100';
  }
}

module.exports = {chequeWords: chequeWords};
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

# written-number: zero written as nothing; 'few' (Russian and Ukrainian) only for 2 and 3; the last scale step
# divides by a thousand.
JS_BUGS = [("index.js", "  if (n < 0) {", "  if (n <= 0) {"),
           ("index.js", "(r > 1 && r < 5 ||", "(r > 1 && r < 4 ||"),
           ("index.js", "if (i === len - 1) divideBy = 1000000;", "if (i === len - 1) divideBy = 1000;")]

TSCONFIG = json.dumps({"compilerOptions": {"allowJs": True, "checkJs": True, "strict": True, "noEmit": True,
                                           "target": "es2024", "module": "nodenext", "resolveJsonModule": True,
                                           "skipLibCheck": True},
                       "include": ["lib"]}, indent=2) + "\n"


def js_project(tmp: Path) -> None:
    root = tmp / "wordplate"
    nm = JS / "node_modules"
    for d in ("lib", "spec"):
        (root / d).mkdir(parents=True, exist_ok=True)
    run(f"ln -s {nm} node_modules", cwd=root)
    write_tree(root, {"package.json": json.dumps({"name": "wordplate", "version": "1.4.0", "type": "module",
                                                  "scripts": {"test": "node --test spec/"}}, indent=2) + "\n",
                      "fixtures.mjs": FIXTURES, "eslint.config.js": ESLINT_CONFIG, "lib/cheque-words.js": APP,
                      "lib/package.json": json.dumps({"type": "commonjs"}) + "\n", "tsconfig.json": TSCONFIG})
    run("node fixtures.mjs && rm fixtures.mjs", cwd=root)
    run(f"cp -r {nm}/written-number/lib/index.js {nm}/written-number/lib/util.js {nm}/written-number/lib/i18n lib/",
        cwd=root)
    for rel, old, new in JS_BUGS:
        f = root / "lib" / rel
        text = f.read_text()
        assert text.count(old) == 1, (rel, old)
        f.write_text(text.replace(old, new))


def hawse(text: str) -> str:
    return (text.replace("WEIRKEEPER", "HAWSEPIPE").replace("weirkeeper", "hawsepipe").replace("weir", "hawse")
            .replace("sluice", "chain").replace("gate_t", "link_t").replace("gates", "links").replace("level_cm", "fathoms")
            .replace("tide", "swell"))


def c_project(tmp: Path) -> None:
    root = tmp / "hawsepipe"
    rnd = random.Random(20604)
    files = {"src/hawsepipe.h": hawse(n191.SKIFF_H), "src/ledger.c": hawse(n191.SKIFF_C)}
    for k in range(28):
        files[f"src/hawse_{k:02d}.c"] = hawse(n191.gen_c(k, rnd))
    objs = " ".join(f"build/{Path(p).stem}.o" for p in files if p.endswith(".c"))
    files["Makefile"] = ("CC=gcc\nCFLAGS=-Wall -Wextra -O1 -Isrc\nOBJS=" + objs + "\n\nall: hawsepipe\n\n"
                         "hawsepipe: $(OBJS)\n\t$(CC) -o $@ $(OBJS)\n\nbuild/%.o: src/%.c src/hawsepipe.h\n"
                         "\t@mkdir -p build\n\t$(CC) $(CFLAGS) -c $< -o $@\n\nclean:\n\trm -rf build hawsepipe\n")
    write_tree(root, files)


def tack(text: str) -> str:
    return (text.replace("plumbline", "tackline").replace("Plumb-line survey", "Tack-line rigging log")
            .replace("offset_per_m", "load_per_m").replace("station_penalty", "cleat_penalty")
            .replace("readings", "hauls").replace("reading", "haul").replace("station", "cleat"))


def rust(tmp: Path) -> None:
    root = tmp / "tackline"
    rnd = random.Random(20605)
    write_tree(root, {"Cargo.toml": tack(n191.CARGO).replace("0.3.4", "0.2.7"), "src/lib.rs": tack(n191.LIB),
                      "src/broken.rs": tack(n191.BROKEN), "src/hauls.rs": tack(n191.gen_readings(rnd, 190))})


def data(tmp: Path) -> None:
    d = tmp / "data"
    d.mkdir()
    run("dpkg-query -W -f '${Package},${Version},${Section},${Installed-Size},${Priority},${Architecture}\\n' "
        "| sort > pkg.body && (echo package,version,section,installed_kb,priority,arch; cat pkg.body) > packages.csv "
        "&& rm pkg.body", cwd=d)
    run("sqlite3 packages.db '.mode csv' '.import packages.csv packages'", cwd=d)
    app_log(d / "harbour.log", 20606, 1500, ["harbour.berths", "harbour.tides", "harbour.http", "harbour.store"], {
        "INFO": lambda r: f"berth {r.randint(1, 24)} assigned, draught {r.randint(18, 95) / 10} m, {r.randint(0, 6)} tugs",
        "DEBUG": lambda r: f"tide gauge poll {r.randint(1, 40)} took {r.randint(2, 90)} ms",
        "WARNING": lambda r: f"berth {r.randint(1, 24)} fender load {r.randint(70, 99)}%, easing lines",
        "ERROR": lambda r: f"bollard sensor {r.randint(1, 48)} silent for {r.randint(3, 20)} s"}, 5100, "2026-11-30")
    app_log(d / "tollgate.log", 20607, 1700, ["tollgate.lanes", "tollgate.tags", "tollgate.api", "tollgate.db"], {
        "INFO": lambda r: f"lane {r.randint(1, 12)} cleared {r.randint(1, 40)} vehicles, {r.randint(0, 4)} tag misses",
        "DEBUG": lambda r: f"tag reader scan {r.randint(1, 90)} took {r.randint(2, 70)} ms",
        "WARNING": lambda r: f"lane {r.randint(1, 12)} camera glare, plate read confidence {r.randint(40, 69)}%",
        "ERROR": lambda r: f"barrier {r.randint(1, 12)} did not rise after {r.randint(3, 15)} s"}, 7300, "2026-12-01")


STEPS = [python, js_project, c_project, rust, data]
