"""Round 214, the material both agents work in (no item is captured here): ftfy's and termcolor's sdists with bugs
put in and a script each that runs their code wrongly, git histories built by committing their sources in steps, the
slugline project (speakingurl under a generated node --test suite whose expectations come from the unbroken package,
eslint, tsc), a C project (`jibsheet`) and a Rust crate (`sternpost`) written here on round 191's generators with
other names and seeds, a CSV and a sqlite table of this machine's installed Debian packages and two application logs.
Run through capture_wide214.py."""

from __future__ import annotations

import json
import random
from pathlib import Path

import capture_wide191_native as n191
from capture_material import app_log, history, put_bugs
from capture_more import run, write_tree
from capture_wide214 import JS, SRC, VENV

FT, TC = "ftfy-6.3.1", "termcolor-3.3.0"

# ftfy: U+2029 made a space, not a line break; a curly single quote straightened to a double one; a byte-order mark
# left in (the wrong code point stripped); a numeric entity kept when html.unescape consumed its semicolon.
FT_BUGS = [("ftfy/fixes.py", '.replace("\\u2029", "\\n")', '.replace("\\u2029", " ")'),
           ("ftfy/fixes.py", """return SINGLE_QUOTE_RE.sub("'", DOUBLE_QUOTE_RE.sub('"', text))""",
            """return SINGLE_QUOTE_RE.sub('"', DOUBLE_QUOTE_RE.sub('"', text))"""),
           ("ftfy/fixes.py", "return text.lstrip(chr(0xFEFF))", "return text.lstrip(chr(0xFFFE))"),
           ("ftfy/fixes.py", 'if ";" in unescaped:', 'if ";" not in unescaped:')]
# termcolor: light_blue given 84; on_light_grey given a foreground code; NO_COLOR honoured only when it is "1"; the
# true-colour background written as a foreground; light_magenta misspelt as a key.
TC_BUGS = [("src/termcolor/termcolor.py", '"light_blue": 94,', '"light_blue": 84,'),
           ("src/termcolor/termcolor.py", '"on_light_grey": 47,', '"on_light_grey": 37,'),
           ("src/termcolor/termcolor.py", 'if os.environ.get("NO_COLOR"):', 'if os.environ.get("NO_COLOR") == "1":'),
           ("src/termcolor/termcolor.py", 'rgb_back_fmt_str = "\\033[48;2;', 'rgb_back_fmt_str = "\\033[38;2;'),
           ("src/termcolor/termcolor.py", '    "light_magenta": 95,', '    "light_magneta": 95,')]


KETCH = r"""
import json

import ftfy


class ManifestError(Exception):
    pass


RAW = '{"vessel": "Ketch Marigold", "skipper": "O\u2019Rourke", "cargo": ["salt cod", "rope"], "note": "it\u2019s dry"}'


def load_manifest(raw):
    cleaned = ftfy.fix_text(raw)
    try:
        return json.loads(cleaned)
    except json.JSONDecodeError as exc:
        raise ManifestError(f"cargo manifest unreadable after clean-up at column {exc.colno}") from exc


manifest = load_manifest(RAW)
for item in manifest["cargo"]:
    print(f"{manifest['vessel']}: {item}")
"""

SEMAPHORE = r"""
from termcolor import colored

SIGNALS = [("north pier", "green"), ("south pier", "light_blue"), ("breakwater", "light_magenta"),
           ("tug berth", "yellow")]


def board_line(name, colour):
    try:
        return colored(f"{name:12} OPEN", colour, force_color=True)
    except KeyError as exc:
        raise ValueError(f"signal board has no colour for {name!r}") from exc


for name, colour in SIGNALS:
    print(board_line(name, colour))
"""


def python(tmp: Path) -> None:
    put_bugs(tmp / FT, FT_BUGS)
    put_bugs(tmp / TC, TC_BUGS)
    (tmp / FT / "ketch_manifest.py").write_text(KETCH)
    (tmp / TC / "semaphore_board.py").write_text(SEMAPHORE)
    # warm mypy's caches here so that the agents' runs end within Codex's 30 s yield
    run(f"{VENV}/bin/mypy --strict src tests >/dev/null 2>&1; true", cwd=tmp / TC, timeout=900)
    history(tmp, SRC, "ftfy", FT, ["ftfy/fixes.py", "ftfy/badness.py", "ftfy/formatting.py"],
            [("Linnea Berg", "linnea@example.org"), ("Amadou Diallo", "amadou@example.org"),
             ("Mirela Popescu", "mirela@example.org")], 21401, 40, FT_BUGS)
    history(tmp, SRC, "termcolor", TC, ["src/termcolor/termcolor.py", "src/termcolor/__init__.py",
                                   "tests/test_termcolor.py"],
            [("Nils Ekman", "nils@example.org"), ("Priya Raman", "priya@example.org"),
             ("Teodor Vasile", "teodor@example.org")], 21402, 25, TC_BUGS)


FIXTURES = r"""
import fs from 'node:fs';
import {createRequire} from 'node:module';
const getSlug = createRequire(import.meta.url)('speakingurl');
let seed = 21403;
const rnd = () => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed / 2147483648; };
const pick = a => a[Math.floor(rnd() * a.length)];
const words = ['Straße', 'Grüße', 'Fjord', 'Øresund', 'Ærø', 'harbour', 'Mäuse', 'café', 'Señor', 'naïve', 'Łódź',
  'Crème', 'brûlée', 'rope', 'anchor', 'Weißbier', 'Köln', 'ketch', 'Smørrebrød', 'Größe', 'tide', 'Zürich', '&', '%'];
const langs = ['en', 'de', 'fr', 'es', 'sv', 'da', 'pl'];
const cases = [];
for (let i = 0; i < 240; i++) {
  const n = 2 + Math.floor(rnd() * 6);
  const title = Array.from({length: n}, () => pick(words)).join(' ');
  const options = {lang: pick(langs)};
  if (i % 4 === 1) options.truncate = 8 + Math.floor(rnd() * 14);
  if (i % 7 === 3) options.titleCase = true;
  if (i % 9 === 4) options.separator = '_';
  cases.push({title, options, want: getSlug(title, options)});
}
let out = "import {test} from 'node:test';\nimport assert from 'node:assert/strict';\n" +
  "import getSlug from '../lib/speakingurl.js';\n\n";
cases.forEach((c, i) => {
  out += `test('slug ${String(i).padStart(3, '0')}: ${c.title.replace(/'/g, '')}', () => {\n`;
  out += `  assert.equal(getSlug(${JSON.stringify(c.title)}, ${JSON.stringify(c.options)}), ${JSON.stringify(c.want)});\n});\n\n`;
});
fs.writeFileSync('spec/slug.test.mjs', out);
"""

APP = """var getSlug = require('./speakingurl.js');

function berthPath(berth, lang) {
  var parts = [];
  for (var k in berth) {
    const unused = k.length;
    if (berth[k] == null) continue
    parts.push(getSlug(String(berth[k]), {lang: lang, truncate: 24}));
  }
  let path = parts.join('/');
  if (path.length == 0) {
    return '/berths/unknown';
  } else {
    return '/berths/' + path;
  }
}

module.exports = {berthPath: berthPath};
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

# speakingurl: ß written as one s; a truncated slug keeps a word cut short when the cut falls just before a separator;
# titleCase slugs lower-cased after all.
JS_BUGS = [("speakingurl.js", "'ß': 'ss',", "'ß': 's',"),
           ("speakingurl.js", "lucky = result.charAt(truncate) === separator;",
            "lucky = result.charAt(truncate + 1) === separator;"),
           ("speakingurl.js", "if (!maintainCase && !titleCase) {", "if (!maintainCase) {")]

TSCONFIG = json.dumps({"compilerOptions": {"allowJs": True, "checkJs": True, "strict": True, "noEmit": True,
                                           "target": "es2024", "module": "nodenext", "resolveJsonModule": True,
                                           "skipLibCheck": True},
                       "include": ["lib"]}, indent=2) + "\n"


def js_project(tmp: Path) -> None:
    root = tmp / "slugline"
    nm = JS / "node_modules"
    for d in ("lib", "spec"):
        (root / d).mkdir(parents=True, exist_ok=True)
    run(f"ln -s {nm} node_modules", cwd=root)
    write_tree(root, {"package.json": json.dumps({"name": "slugline", "version": "0.9.2", "type": "module",
                                                  "scripts": {"test": "node --test spec/"}}, indent=2) + "\n",
                      "fixtures.mjs": FIXTURES, "eslint.config.js": ESLINT_CONFIG, "lib/berth-path.js": APP,
                      "lib/package.json": json.dumps({"type": "commonjs"}) + "\n", "tsconfig.json": TSCONFIG})
    run("node fixtures.mjs && rm fixtures.mjs", cwd=root)
    run(f"cp {nm}/speakingurl/lib/speakingurl.js lib/", cwd=root)
    for rel, old, new in JS_BUGS:
        f = root / "lib" / rel
        text = f.read_text()
        assert text.count(old) == 1, (rel, old)
        f.write_text(text.replace(old, new))


def jib(text: str) -> str:
    return (text.replace("WEIRKEEPER", "JIBSHEET").replace("weirkeeper", "jibsheet").replace("weir", "jib")
            .replace("sluice", "sheet").replace("gate_t", "block_t").replace("gates", "blocks").replace("level_cm", "trim_cm")
            .replace("tide", "gust"))


def c_project(tmp: Path) -> None:
    root = tmp / "jibsheet"
    rnd = random.Random(21404)
    files = {"src/jibsheet.h": jib(n191.SKIFF_H), "src/ledger.c": jib(n191.SKIFF_C)}
    for k in range(28):
        files[f"src/jib_{k:02d}.c"] = jib(n191.gen_c(k, rnd))
    objs = " ".join(f"build/{Path(p).stem}.o" for p in files if p.endswith(".c"))
    files["Makefile"] = ("CC=gcc\nCFLAGS=-Wall -Wextra -O1 -Isrc\nOBJS=" + objs + "\n\nall: jibsheet\n\n"
                         "jibsheet: $(OBJS)\n\t$(CC) -o $@ $(OBJS)\n\nbuild/%.o: src/%.c src/jibsheet.h\n"
                         "\t@mkdir -p build\n\t$(CC) $(CFLAGS) -c $< -o $@\n\nclean:\n\trm -rf build jibsheet\n")
    write_tree(root, files)


def stern(text: str) -> str:
    return (text.replace("plumbline", "sternpost").replace("Plumb-line survey", "Stern-post fitting log")
            .replace("offset_per_m", "rake_per_m").replace("station_penalty", "frame_penalty")
            .replace("readings", "fittings").replace("reading", "fitting").replace("station", "frame"))


def rust(tmp: Path) -> None:
    root = tmp / "sternpost"
    rnd = random.Random(21405)
    write_tree(root, {"Cargo.toml": stern(n191.CARGO).replace("0.3.4", "0.4.1"), "src/lib.rs": stern(n191.LIB),
                      "src/broken.rs": stern(n191.BROKEN), "src/fittings.rs": stern(n191.gen_readings(rnd, 190))})


def data(tmp: Path) -> None:
    d = tmp / "data"
    d.mkdir()
    run("dpkg-query -W -f '${Package},${Version},${Section},${Installed-Size},${Priority},${Architecture}\\n' "
        "| sort > pkg.body && (echo package,version,section,installed_kb,priority,arch; cat pkg.body) > packages.csv "
        "&& rm pkg.body", cwd=d)
    run("sqlite3 packages.db '.mode csv' '.import packages.csv packages'", cwd=d)
    app_log(d / "lighthouse.log", 21406, 1500, ["lighthouse.lamp", "lighthouse.fog", "lighthouse.api", "lighthouse.store"], {
        "INFO": lambda r: f"lamp {r.randint(1, 6)} rotation {r.randint(18, 95) / 10} s, visibility {r.randint(1, 20)} nm",
        "DEBUG": lambda r: f"fog sensor poll {r.randint(1, 40)} took {r.randint(2, 90)} ms",
        "WARNING": lambda r: f"lens {r.randint(1, 6)} temperature {r.randint(70, 99)} C, fan raised",
        "ERROR": lambda r: f"foghorn {r.randint(1, 4)} compressor silent for {r.randint(3, 20)} s"}, 4200, "2026-11-28")
    app_log(d / "weighbridge.log", 21407, 1700, ["weighbridge.deck", "weighbridge.anpr", "weighbridge.api", "weighbridge.db"], {
        "INFO": lambda r: f"deck {r.randint(1, 4)} weighed truck at {r.randint(8, 44)} t, axle spread {r.randint(3, 9)}",
        "DEBUG": lambda r: f"load cell sample {r.randint(1, 90)} took {r.randint(2, 70)} ms",
        "WARNING": lambda r: f"deck {r.randint(1, 4)} drift {r.randint(40, 69)} kg since zeroing",
        "ERROR": lambda r: f"ticket printer {r.randint(1, 4)} jammed after {r.randint(3, 15)} s"}, 6100, "2026-12-01")


STEPS = [python, js_project, c_project, rust, data]
