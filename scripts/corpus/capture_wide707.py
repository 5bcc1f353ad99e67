#!/usr/bin/env python3
"""Round 707: issue #11's kinds with hostile features on real packages no earlier round used (bloomfilter,
fastbitset, romanjs, pybloom-live, rbloom, roman-numerals-py: small bloom-filter, bitset and roman-numeral packages),
round 434's material renamed to a harp maker's workshop: soundboards, tuning pins, gut strings and harp makers (seed
70710) through round 699's module and through it round 691's, 683's, 675's, 667's, 660's and the modules they set
(their constants replaced again by this round's), round 566's rename tables (left sides), round 555's depth_fitting,
round 489's steps and round 472's helpers, round 368's Rust crate, round 273's Go module and a jest suite in the same
words; no new rules.

Needles are read on round 368's lossless clean-up (`capture_wide368.clean368`) by the extractors earlier
rounds used, imported. See NEEDLES.md, round 707.
"""
from __future__ import annotations

import json
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import capture_wide699 as w699  # noqa: E402  (its constants, and those of the modules it sets, replaced below)
from capture_wide699 import (cm, make_steps, n_chained, n_csv, n_diff, n_eslint, n_grep_rn, n_jest,  # noqa: E402
                             n_json_file, n_json_log, n_lock, n_log_p, n_mypy, n_npm_install, n_npm_view,
                             n_pip_install, n_ps_aux, n_pytest, n_ruff, n_show, n_status, w368, w434, w472, w489,
                             w555, w566, w619, w660, w667, w675, w683, w691)

w645, w640, w633, w626 = w667.w645, w667.w640, w667.w633, w667.w626
ROOT = Path("/dev/shm/hm-corpus-wide707-tools")
TMP = Path("/dev/shm/hm-corpus-wide707")
OUT = Path(__file__).resolve().parent / "data" / "wide707.json"
VENV = ROOT / "venv"
JS = ROOT / "js"
NM = JS / "node_modules"
SEED = 70710
NPM_PKGS = ("bloomfilter@0.0.18", "fastbitset@0.5.2", "romanjs@2.0.1")
PIP_PKGS = ("pybloom-live==4.0.0", "rbloom==1.5.4", "roman-numerals-py==4.1.0")
w368.VENV = VENV
cm.clean_lines = w368.clean368
cap = w368.cap

# A harp maker's workshop for round 434's gasworks, paired in order with the old words of round 566's table.
WORKS_WORDS = (
    "harpchest", "pinboard",
    "Nerys Harpwood", "nerys@harpworks", "harpworks",
    "harpframe", "tune_strings", "bend_pin",
    "voice_harp", "rest_frames", "SoundboardError",
    "harpwatch_svc", "Gutcoil", "gutcoil",
    "harpgut", "Harpgut", "harpkey", "harpneck",
    "regut", "Pinrow", "pinrow", "harpwire",
    "spruce", "pin_kg", "gut_m", "string_kg",
    "Stringing", "stringing", "plucking", "PINDUST",
    "gut", "pin", "harp", "peg",
    "70712",
)
OLD = [o for o, _ in w566.LOFT]
assert len(OLD) == len(WORKS_WORDS)
WORKS = tuple(zip(OLD, WORKS_WORDS))
assert not [(o, n) for _, n in WORKS for o in OLD if o in n], "a new word holds an old one"
w472.LIGHT = WORKS
w472.SEED = SEED
w489.SEED = SEED  # step_rust: gen_rust draws SEED + 2 = 70712
for m in (w699, w691, w683, w675, w667, w660, w645, w640, w633, w626, w619, w619.w536, w555, w566, w619.w583,
          w619.w601, w619.w608):
    m.SEED = SEED
(w699.WORKS, w691.LOFT, w683.SHOP, w675.SHOP, w667.SHOP, w660.SHOP, w645.WORKS, w640.SHOP, w633.MILL, w626.WORKS,
 w619.MILL, w619.w583.HEARTH, w619.w601.TARHOUSE, w619.w608.BOILERY) = (WORKS,) * 14
db = w472.light

PLUCKING_UTF16 = "".join(f"{h:02d}:40\tframe {1 + h % 5} strung\tpins {210 + h % 7 * 15} turned\tgut {'regutted' if h % 6 == 0 else 'holding'}\r\n"
                         for h in range(200))
MAKERS = [("Siân Telynores", "stringer", 29), ("Gwenllïan Tannau", "voicer", 12), ("Jörg Harfner", "carver", 7),
          ("Björn Harpmakare", "stringer", 25), ("Élodie Harpiste", "regulator", 18), ("Anaïs Cordier", "apprentice", 3),
          ("Søren Harpemager", "stringer", 10), ("Mêrfyn Pinnau", "pinner", 21), ("Rhiannon Tônau", "stringer", 36),
          ("Æthelric Gutwright", "gutter", 4), ("Maëlle Harpière", "voicer", 15), ("Dafydd Seinfwrdd", "carver", 24)]
(w699.MAKERS, w691.MAKERS, w683.MAKERS, w675.MAKERS, w667.MAKERS, w660.MAKERS, w645.MAKERS, w640.BEATERS,
 w633.PINMAKERS, w626.SMITHS, w619.MILLERS, w619.w583.COLLIERS, w619.w601.TARRERS, w619.w608.SOAPBOILERS) = (MAKERS,) * 14
(w699.GRINDING_UTF16, w691.KNITTING_UTF16, w683.SHAPING_UTF16, w675.CARVING_UTF16, w667.GRINDING_UTF16,
 w660.LACING_UTF16, w645.FRAMING_UTF16, w640.BEATING_UTF16, w633.POINTING_UTF16, w626.TEMPER_UTF16,
 w619.EDGESTONE_UTF16, w619.w583.COLLIER_UTF16, w619.w601.TARRER_UTF16, w619.w608.BOILER_UTF16) = (PLUCKING_UTF16,) * 14


def step_python(tmp: Path) -> None:
    d = w472.LightPath(tmp / db("retortbed"))
    d.mkdir()
    w472.with_light(w434.history, d)
    d = Path(d)
    (d / db("purifier.min.js")).write_text(db(w472.with_light(w434.minified)))  # renamed once (a plain Path)
    (d / "data/plucking_utf16.log").write_bytes(PLUCKING_UTF16.encode("utf-16"))
    (d / "data/harpmakers.txt").write_bytes("".join(f"{n}\t{p}\t{y}\n" for n, p, y in MAKERS).encode("latin-1", "replace"))
    c = lambda i, cmd, ext, **k: cap(i, db(cmd), d, ext, **k)  # noqa: E731  commands written in 434's words
    c("pytest-v", "python -m pytest -v", n_pytest)
    c("pytest-long-recursion", "python -m pytest --tb=long tests/test_charge.py", n_pytest)
    c("pytest-tty", "python -m pytest -rA --tb=short tests", n_pytest, tty=True)
    c("pytest-chain-cat", "cat data/box3.dat; python -m pytest -q tests/test_holder.py tests/test_charge.py", n_pytest)
    c("ruff", "ruff check --no-cache .", n_ruff)
    c("ruff-tty", "ruff check --no-cache --output-format=full .", n_ruff, tty=True)
    c("mypy", "mypy --strict --no-incremental src purge_holder.py stoke_retorts.py", n_mypy)
    cap("mypy-chain", f"cd {d} && " + db("mypy --no-incremental --strict --pretty src tests 2>&1 | tail -n 70"), d, n_mypy)
    c("recursion-traceback", "python stoke_retorts.py 7", n_chained)
    c("chained-traceback-cat", "cat data/box3.dat && python purge_holder.py", n_chained)
    cap("grep-rna-utf16", "cat data/plucking_utf16.log data/harpmakers.txt; grep -rna 'harpchest\\|gutcoil' src data " + db("purifier.min.js"), d, n_grep_rn)
    c("git-status", "git status", n_status)
    c("git-diff-text", "git diff --text", n_diff)
    c("git-log-p", "git log -p", n_log_p)
    c("git-show-text", "git show --text HEAD~1", n_show)
    cap("pytest-x-tail", f"cd {d} && " + db("python -m pytest -q -x 2>&1 | tail -n 50"), d, n_pytest)
    c("ruff-concise-head", "ruff check --no-cache --output-format=concise . | head -n 40", n_ruff)


def step_svc(tmp: Path) -> None:
    d = tmp / "svc"
    d.mkdir()
    svc = db(w434.SVC)
    for name, nb, big, na in (("harpwatch_a.py", 55, 860, 85), ("harpwatch_b.py", 50, 930, 105)):
        (d / name).write_text(svc.replace("N_BEFORE", str(nb)).replace("BIG", str(big)).replace("N_AFTER", str(na)))
    cap("json-log-a", "python harpwatch_a.py", d, n_json_log)
    cap("json-log-b-grep", "python harpwatch_b.py 2>&1 | grep -v '\"harpchest cycle\"' | tail -n 150", d, n_json_log)


def step_tables(tmp: Path) -> None:
    d = tmp / "tables"
    d.mkdir()
    cap("ps-aux-cut", "ps auxww | cut -c1-300", d, n_ps_aux)
    cm.run("dpkg-query -W -f='${Package},${Installed-Size},${Section},${Priority},${Version}\\r\\n' | sort -t, -k3,3 -k2,2nr > pkgs.csv", cwd=d)
    (d / "hdr.csv").write_bytes(b"package,installed_kb,section,priority,version\r\n")
    cap("csv-crlf-head", "cat hdr.csv pkgs.csv | head -n 330", d, n_csv)
    rnd = random.Random(SEED + 7)
    rows = ["harpmaker,post,harps,gut_m,works"]
    for i in range(470):
        n, p, _ = MAKERS[i % len(MAKERS)]
        rows.append(f"{n},{p},{rnd.randint(3, 260)},{rnd.randint(5, 480) / 10},{'Llandeilo' if i % 193 else 'Bala'}")
    (d / "harpmakers.csv").write_bytes(("\n".join(rows) + "\n").encode("latin-1"))
    cap("csv-latin1", "cat harpmakers.csv", d, n_csv)


def deep_pkg(depth: int) -> str:
    rnd = random.Random(SEED + 5)
    cfg: dict = {"gut_m": rnd.randint(2, 9)}
    for i in range(depth, 0, -1):
        cfg = {"course": i, "pin_g": rnd.randint(1, 99) / 10, "string": cfg}
    return json.dumps({"name": "harproom", "version": "0.7.07", "private": True,
                       "dependencies": {"bloomfilter": "0.0.18", "fastbitset": "0.5.2", "romanjs": "2.0.1"},
                       "devDependencies": {"jest": "*", "eslint": "*"}, "harpworks": {"courses": cfg}})


(w699.deep_pkg, w691.deep_pkg, w683.deep_pkg, w675.deep_pkg, w667.deep_pkg, w660.deep_pkg, w645.deep_pkg,
 w640.deep_pkg, w555.deep_pkg, w633.deep_pkg, w626.deep_pkg, w619.deep_pkg, w619.w583.deep_pkg, w619.w601.deep_pkg,
 w619.w608.deep_pkg) = (deep_pkg,) * 15
w555.DEPTH = 230


def step_pkg(tmp: Path) -> None:
    d = tmp / "harproom"
    d.mkdir()
    depth = w555.depth_fitting()
    cm.note(f"deep package.json: {depth} levels")
    (d / "package.json").write_text(deep_pkg(depth))
    cap("json-deep-tool", "python -m json.tool --indent 1 package.json", d, n_json_file)
    for pkg in ("bloomfilter", "fastbitset", "romanjs"):
        cap(f"npm-view-{pkg}", f"npm view {pkg} --json", d, n_npm_view, timeout=120)
    n = tmp / "npmtty"
    n.mkdir()
    cm.run("npm init -y >/dev/null", cwd=n)
    cap("npm-install-tty", "env -u CI npm install --no-audit --no-fund --loglevel=http " + " ".join(NPM_PKGS), n, n_npm_install, tty=True, timeout=300)
    cap("package-lock", "cat package-lock.json", n, n_lock)
    cap("grep-rn-bitset-roman", "grep -rn 'function\\|return\\|require' node_modules/fastbitset node_modules/romanjs --include=*.js | head -n 400", n, n_grep_rn)
    cap("grep-rn-cat-bloom", "cat node_modules/bloomfilter/package.json; grep -rn 'function\\|return\\|bloom' node_modules/bloomfilter --include=*.js | head -n 260", n, n_grep_rn)
    p = tmp / "pipv"
    cm.run(f"python3 -m venv {p}", timeout=300)
    cap("pip-install-tty", f"env -u PIP_FIND_LINKS PIP_CONFIG_FILE=/dev/null {p}/bin/pip install --no-cache-dir --progress-bar on " + " ".join(PIP_PKGS), tmp,
        n_pip_install, tty=True, timeout=400)


# A jest suite written here: a harp maker's strings, tuning pins, gut, stringing queue, strung harps, tuned courses
# and course numbers, with bugs put in (fixed before the run).
HARP_JS = r'''const { BloomFilter } = require(@@BF@@);
const FastBitSet = require(@@FB@@);
const { roman, decimal } = require(@@RJ@@);

// Strings cut from a coil: its length over one string's, rounded down (bug: rounded up).
function stringsPerCoil(coilCm, stringCm) {
  return Math.ceil(coilCm / stringCm);
}

// Tuning pins for a harp: one a string and one spare (bug: one short of the strings).
function pinsFor(strings) {
  return strings - 1;
}

// Gut left on the coil: what was bought less what was cut (bug: the cut added).
function gutLeft(boughtM, cutM) {
  return Math.round((boughtM + cutM) * 100) / 100;
}

// The stringing queue: first in, first strung (bug: the newest harp taken first).
function nextHarps(harps, n) {
  const q = harps.slice();
  const out = [];
  for (let i = 0; i < n && q.length > 0; i++) out.push(q.pop());
  return out;
}

// The workshop's filters of strung and of voiced harps (bug: the voiced filter asked for a strung harp).
const strung = new BloomFilter(32 * 256, 16);
const voiced = new BloomFilter(32 * 256, 16);
["Pedal Harp", "Lever Harp", "Celtic Harp"].forEach((h) => strung.add(h));
["Lever Harp"].forEach((h) => voiced.add(h));
function isStrung(harp) {
  return voiced.test(harp);
}

// The courses tuned today as a bitset (bug: the first course left out).
function tunedCourses(courses) {
  return new FastBitSet(courses.slice(1));
}

// A course's roman number on the neck (bug: one course lower).
function courseLabel(n) {
  return roman(n - 1);
}

// A course number read from the neck (bug: one added).
function courseNumber(label) {
  return decimal(label) + 1;
}

// A harp maker's name read from the latin-1 roll (bug: read as UTF-8).
function rollName(bytes) {
  return Buffer.from(bytes).toString("utf8");
}

function courses(depth, gut) {
  let o = { gut_m: gut };
  for (let i = depth; i > 0; i--) o = { course: i, string: o };
  return o;
}

module.exports = { stringsPerCoil, pinsFor, gutLeft, nextHarps, isStrung, tunedCourses, courseLabel, courseNumber, rollName, courses };
'''

HARP_TEST = r'''const { stringsPerCoil, pinsFor, gutLeft, nextHarps, isStrung, tunedCourses, courseLabel, courseNumber, rollName, courses } = require("../harpgut");

describe("harpworks harproom", () => {
  test("a 1000 cm coil at 120 cm a string gives 8 strings", () => {
    expect(stringsPerCoil(1000, 120)).toBe(8);
  });

  test.each([[34, 35], [22, 23], [0, 1]])("%i strings take %i pins", (s, n) => {
    expect(pinsFor(s)).toBe(n);
  });

  test("40 m of gut bought less 12.5 cut leaves 27.5", () => {
    expect(gutLeft(40, 12.5)).toBeCloseTo(27.5);
  });

  test("the stringing queue takes the oldest harp first", () => {
    expect(nextHarps(["Pedal Harp", "Lever Harp", "Celtic Harp"], 2)).toEqual(["Pedal Harp", "Lever Harp"]);
  });

  test("the pedal harp is strung", () => {
    expect(isStrung("Pedal Harp")).toBe(true);
  });

  test("the courses tuned today are 3, 7, 12 and 30", () => {
    expect(tunedCourses([3, 7, 12, 30]).array()).toEqual([3, 7, 12, 30]);
  });

  test("five courses tuned in the first batch", () => {
    expect(tunedCourses([1, 2, 3, 4, 5]).size()).toBe(5);
  });

  test("course 34 is marked XXXIV on the neck", () => {
    expect(courseLabel(34)).toBe("XXXIV");
  });

  test("the neck mark XLVII is course 47", () => {
    expect(courseNumber("XLVII")).toBe(47);
  });

  test("the harp makers' roll keeps a name as written", () => {
    expect(rollName(Buffer.from("Siân Telynores", "latin1"))).toBe("Siân Telynores");
  });

  test("the workshop's course survey matches the expected nesting", () => {
    expect(courses(27, 4)).toEqual(courses(27, 7));
  });

  test("the harpchest holds the spare strings", () => {
    expect({ harpchest: { strings: 40, pins: 120 } }).toStrictEqual({ harpchest: { strings: 40, pins: 120, keys: 8 } });
  });
});
'''


def step_js(tmp: Path) -> None:
    d = tmp / "harproom-jest"
    (d / "test").mkdir(parents=True)
    (d / "harpgut.js").write_text(HARP_JS.replace("@@BF@@", json.dumps(str(NM / "bloomfilter")))
                                  .replace("@@FB@@", json.dumps(str(NM / "fastbitset")))
                                  .replace("@@RJ@@", json.dumps(str(NM / "romanjs"))))
    (d / "test/harpgut.test.js").write_text(HARP_TEST)
    (d / "package.json").write_text(json.dumps({"name": "harproom", "version": "0.7.07", "private": True}))
    jest = f"{NM}/.bin/jest"
    cap("jest", f"{jest} --ci --rootDir .", d, n_jest, timeout=300)
    cap("jest-tty", f"{jest} --rootDir . --colors", d, n_jest, tty=True, timeout=300)
    cap("jest-chain-tail", f"cd {d} && {jest} --ci --rootDir . -t 'roll|queue|survey|course' 2>&1 | tail -n 200", d, n_jest, timeout=300)
    lint = tmp / "lint"
    (lint / "vendor").mkdir(parents=True)
    (lint / "harpgut.js").write_text((d / "harpgut.js").read_text() + "\nfunction unusedRegut(s) { if (s == 0) {} return s }\n")
    (lint / "harpgut.test.js").write_text(HARP_TEST)
    (lint / "vendor/harpkey.min.js").write_text(db(w472.with_light(w434.minified)))
    (lint / "eslint.config.js").write_text(w472.ESLINT_CONFIG)
    eslint = f"{NM}/.bin/eslint"
    cap("eslint-tail", f"cd {lint} && {eslint} --color . 2>&1 | tail -n 300", lint, n_eslint, timeout=300)


# Round 368's crate in a harp maker's words, paired in order with the old words of round 489's table.
RUST_WORDS = (
    "harpwright", "Harp making: strings, pins and the gut a course of strings takes.",
    "harp_name", '"pedal"', '"lever"', '"celtic"', '"wire"', "9 is a pedal", "Stringpack", "pluck_speed",
    "pin_fill", "stringing {",
)
assert len(w489.RUST_RENAMES) == len(RUST_WORDS)
w489.RUST_RENAMES = tuple((o, n) for (o, _), n in zip(w489.RUST_RENAMES, RUST_WORDS))

GO_NAMES = ["Pedal Harp", "Lever Harp", "Celtic Harp", "Wire Harp", "Triple Harp", "Concert Harp",
            "Lap Harp", "Folk Harp", "Gothic Harp", "Paraguayan Harp", "Cross-Strung Harp", "Double Harp"]
GO_WORDS = ("harptally", "harpledger", "harpworks host", "strings left, days", "nothing left to string", "stringing order",
            "string grade", "Harp", "harp", "Gut", "gut", "Works", "works", "Courses", "courses")
assert len(w566.GO_RENAMES) == len(GO_WORDS)
GO_RENAMES = tuple((o, n) for (o, _), n in zip(w566.GO_RENAMES, GO_WORDS))
GO_STEP = make_steps(w472.go_cap, "harptally", "harpledger", SEED + 3, GO_NAMES, GO_RENAMES)[0]


def ensure_tools() -> None:
    cm.install_venv(VENV, "mypy", ["ruff==0.17.6", "mypy==2.4.1", "pytest==9.2.0"])
    cm.install_npm(JS, "jest", ["jest@30.5.2", "eslint@10.16.0"] + list(NPM_PKGS))


def steps():
    return [step_python, step_svc, w489.step_c, step_tables, step_pkg, step_js, w489.step_rust, GO_STEP]


if __name__ == "__main__":
    import capture_wide9b as w9b
    w9b.TMP = TMP
    w9b.clean_lines = w368.clean368
    cm.clean_lines = w368.clean368
    cm.capture_round(__doc__, ensure_tools, steps, "wide707-", OUT, TMP)
