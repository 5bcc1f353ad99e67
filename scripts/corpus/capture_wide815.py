#!/usr/bin/env python3
"""Round 815: issue #11's kinds with hostile bytes and lines on real small plane-geometry packages no earlier round
used (area-polygon 1.0.1, triangle-centroid 1.0.0, gl-vec2 1.3.0 from npm; svg.path 7.1, svgelements 1.9.6 from PyPI),
round 434's material renamed to a hurdle maker's: wattles, sails, zales, withies and hurdlers (seed 81510), with round
793's item list and layout, through round 793's module and through it round 766's, 756's, 747's and 739's and the
modules they set (their constants replaced again by this round's), round 566's rename tables (left sides), round 555's
depth_fitting, round 489's steps and round 472's helpers, round 368's Rust crate, round 273's Go module and a jest suite
in the same words; no new rules.

Tools (installed by `--tools` under /dev/shm/hm-corpus-wide815): pytest 9.2.0, ruff 0.17.6, mypy 2.4.1 (venv),
jest 30.5.2, eslint 10.16.0 and the three npm packages (one npm project); cargo, go, gcc, make, git from the machine.

Usage: python scripts/corpus/capture_wide815.py [--tools]

Needles are read on round 368's lossless clean-up (`capture_wide368.clean368`) by the extractors earlier
rounds used, imported. See NEEDLES.md, round 815.

Writes: scripts/corpus/data/wide815.json, ids prefixed "wide815-"
"""
from __future__ import annotations

import json
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import capture_wide793 as w793  # noqa: E402  (its constants, and those of the modules it sets, replaced below)
from capture_wide793 import (cm, make_steps, n_csv, n_eslint, n_grep_rn, n_jest, n_json_file, n_json_log,  # noqa: E402
                             n_lock, n_npm_install, n_npm_view, n_pip_install, n_ps_aux, w368, w434, w472, w489,
                             w555, w566, w619, w715, w739, w747, w756, w766)

ROOT = Path("/dev/shm/hm-corpus-wide815")
TMP = Path("/dev/shm/hm-corpus-wide815-run")
OUT = Path(__file__).resolve().parent / "data" / "wide815.json"
VENV = ROOT / "venv"
JS = ROOT / "js"
NM = JS / "node_modules"
SEED = 81510
NPM_PKGS = ("area-polygon@1.0.1", "triangle-centroid@1.0.0", "gl-vec2@1.3.0")
PIP_PKGS = ("svg.path==7.1", "svgelements==1.9.6")
w368.VENV = VENV
cm.clean_lines = w368.clean368
cap = w368.cap

# The modules round 793 set (its own list), set again here, with round 793's own.
MODS = [w747, w747.w739, w747.w731, w747.w723, w747.w715, w747.w707, w747.w699, w747.w691, w747.w683, w747.w675,
        w747.w667, w747.w660, w747.w645, w747.w640, w747.w633, w747.w626, w619, w619.w536, w555, w566, w619.w583,
        w619.w601, w619.w608, w756, w766]

# A hurdle maker for round 434's gasworks, paired in order with the old words of round 566's table.
WORKS_WORDS = (
    "zalechest", "hurdlejig",
    "Jethro Wattleby", "jethro@withyfold", "withyfold",
    "zalebed", "weave_wattles", "twist_withy",
    "set_sails", "split_rods", "WattlingError",
    "wattlewatch_svc", "Zalerack", "zalerack",
    "wattleset", "Wattleset", "zalekey", "withyslab",
    "rezale", "Hurdleline", "hurdleline", "zalestand",
    "withytrimmer", "rods_m", "withy_l", "zale_kg",
    "Wattling", "wattling", "cleaving", "HAZELDUST",
    "zale", "withy", "rod", "sail",
    "81512",
)
OLD = [o for o, _ in w566.LOFT]
assert len(OLD) == len(WORKS_WORDS)
WORKS = tuple(zip(OLD, WORKS_WORDS))
assert not [(o, n) for _, n in WORKS for o in OLD if o in n], "a new word holds an old one"
w472.LIGHT = WORKS
w472.SEED = SEED
w489.SEED = SEED  # step_rust: gen_rust draws SEED + 2 = 81512
for m in MODS + [w766, w793]:
    m.SEED = SEED
(w793.WORKS, w766.WORKS, w756.WORKS, w747.WORKS, w739.WORKS, w747.w731.WORKS, w747.w723.WORKS, w715.WORKS, w747.w707.WORKS, w747.w699.WORKS,
 w747.w691.LOFT, w747.w683.SHOP, w747.w675.SHOP, w747.w667.SHOP, w747.w660.SHOP, w747.w645.WORKS, w747.w640.SHOP,
 w747.w633.MILL, w747.w626.WORKS, w619.MILL, w619.w583.HEARTH, w619.w601.TARHOUSE, w619.w608.BOILERY) = (WORKS,) * 23
db = w472.light

WEAVING_UTF16 = "".join(f"{h:02d}:45\thurdle {1 + h % 5} woven\tzales {24 + h % 9 * 16} cleft\twithy {'green' if h % 6 == 0 else 'seasoned'}\r\n"
                        for h in range(200))
HURDLERS = [("Amos Wattler", "weaver", 27), ("Hélène Claie", "cleaver", 13), ("Jérôme Osier", "twister", 8),
            ("Gaëlle Clayon", "weaver", 24), ("Théo Piquet", "splitter", 17), ("Zoé Barrière", "apprentice", 2),
            ("Björn Flätare", "weaver", 11), ("Mélanie Vannerie", "trimmer", 22), ("Anaïs Coudrier", "weaver", 35),
            ("Åsa Gärdesgård", "packer", 5), ("Noël Fascine", "trimmer", 14), ("Loïc Échalas", "splitter", 23)]
(w793.SIEVEMAKERS, w766.CHANDLERS, w756.CARTWRIGHTS, w747.PLUMASSIERS, w739.WHITTAWERS, w747.w731.MAKERS, w747.w723.MAKERS, w715.MAKERS, w747.w707.MAKERS,
 w747.w699.MAKERS, w747.w691.MAKERS, w747.w683.MAKERS, w747.w675.MAKERS, w747.w667.MAKERS, w747.w660.MAKERS,
 w747.w645.MAKERS, w747.w640.BEATERS, w747.w633.PINMAKERS, w747.w626.SMITHS, w619.MILLERS, w619.w583.COLLIERS,
 w619.w601.TARRERS, w619.w608.SOAPBOILERS) = (HURDLERS,) * 23
(w793.HOOPING_UTF16, w766.DIPPING_UTF16, w756.TRUEING_UTF16, w747.CURLING_UTF16, w739.TAWING_UTF16, w747.w731.PUFFING_UTF16, w747.w723.PRESSING_UTF16, w715.FIRING_UTF16,
 w747.w707.PLUCKING_UTF16, w747.w699.GRINDING_UTF16, w747.w691.KNITTING_UTF16, w747.w683.SHAPING_UTF16,
 w747.w675.CARVING_UTF16, w747.w667.GRINDING_UTF16, w747.w660.LACING_UTF16, w747.w645.FRAMING_UTF16,
 w747.w640.BEATING_UTF16, w747.w633.POINTING_UTF16, w747.w626.TEMPER_UTF16, w619.EDGESTONE_UTF16,
 w619.w583.COLLIER_UTF16, w619.w601.TARRER_UTF16, w619.w608.BOILER_UTF16) = (WEAVING_UTF16,) * 23

# Round 715's Python items (its table, imported, as rounds 739, 747, 756, 766 and 793 take it), with this round's two data files.
PY_ITEMS = tuple((i, c.replace("firing_utf16.log", "weaving_utf16.log").replace("enamellers.txt", "hurdlers.txt"), e, t)
                 for i, c, e, t in w715.PY_ITEMS)
assert sum("weaving_utf16.log data/hurdlers.txt" in c for _, c, _, _ in PY_ITEMS) == 1


def step_python(tmp: Path) -> None:
    d = w472.LightPath(tmp / db("retortbed"))
    d.mkdir()
    w472.with_light(w434.history, d)
    d = Path(d)
    (d / db("purifier.min.js")).write_text(db(w472.with_light(w434.minified)))  # renamed once (a plain Path)
    (d / "data/weaving_utf16.log").write_bytes(WEAVING_UTF16.encode("utf-16"))
    (d / "data/hurdlers.txt").write_bytes("".join(f"{n}\t{p}\t{y}\n" for n, p, y in HURDLERS).encode("latin-1", "replace"))
    for item, cmd, ext, tty in PY_ITEMS:
        cmd = db(cmd)
        cap(item, cmd.replace("CD ", f"cd {d} && ", 1) if cmd.startswith("CD ") else cmd, d, ext, tty=tty)


def step_svc(tmp: Path) -> None:
    d = tmp / "svc"
    d.mkdir()
    svc = db(w434.SVC)
    for name, nb, big, na in (("wattlewatch_a.py", 59, 890, 81), ("wattlewatch_b.py", 49, 915, 117)):
        (d / name).write_text(svc.replace("N_BEFORE", str(nb)).replace("BIG", str(big)).replace("N_AFTER", str(na)))
    cap("json-log-a", "python wattlewatch_a.py", d, n_json_log)
    cap("json-log-b-grep", "python wattlewatch_b.py 2>&1 | grep -v '\"zalechest cycle\"' | tail -n 150", d, n_json_log)


def step_tables(tmp: Path) -> None:
    d = tmp / "tables"
    d.mkdir()
    cap("ps-aux-cut", "ps auxww | grep -v binary_backend | cut -c1-300", d, n_ps_aux)
    cm.run("dpkg-query -W -f='${Package},${Installed-Size},${Section},${Priority},${Version}\\r\\n' | sort -t, -k3,3 -k2,2n > pkgs.csv", cwd=d)
    (d / "hdr.csv").write_bytes(b"package,installed_kb,section,priority,version\r\n")
    cap("csv-crlf-head", "cat hdr.csv pkgs.csv | head -n 330", d, n_csv)
    rnd = random.Random(SEED + 7)
    rows = ["hurdler,post,zales,rods_m,town"]
    for i in range(430):
        n, p, _ = HURDLERS[i % len(HURDLERS)]
        rows.append(f"{n},{p},{rnd.randint(3, 260)},{rnd.randint(4, 480) / 10},{'Wantage' if i % 211 else 'Vannes'}")
    (d / "hurdlers.csv").write_bytes(("\n".join(rows) + "\n").encode("latin-1"))
    cap("csv-latin1", "cat hurdlers.csv", d, n_csv)


def deep_pkg(depth: int) -> str:
    rnd = random.Random(SEED + 5)
    cfg: dict = {"zale_kg": rnd.randint(2, 9)}
    for i in range(depth, 0, -1):
        cfg = {"hurdle": i, "withy_l": rnd.randint(1, 99) / 10, "sail": cfg}
    return json.dumps({"name": "hurdlefield", "version": "0.8.15", "private": True,
                       "dependencies": {"area-polygon": "1.0.1", "triangle-centroid": "1.0.0", "gl-vec2": "1.3.0"},
                       "devDependencies": {"jest": "*", "eslint": "*"}, "withyfold": {"hurdles": cfg}})


for m in MODS + [w766, w793]:
    if hasattr(m, "deep_pkg"):
        m.deep_pkg = deep_pkg
w555.DEPTH = 230


def step_pkg(tmp: Path) -> None:
    d = tmp / "hurdlefield"
    d.mkdir()
    depth = w555.depth_fitting()
    cm.note(f"deep package.json: {depth} levels")
    (d / "package.json").write_text(deep_pkg(depth))
    cap("json-deep-tool", "python -m json.tool --indent 1 package.json", d, n_json_file)
    for pkg in ("area-polygon", "triangle-centroid", "gl-vec2"):
        cap(f"npm-view-{pkg}", f"npm view {pkg} --json", d, n_npm_view, timeout=120)
    n = tmp / "npmtty"
    n.mkdir()
    cm.run("npm init -y >/dev/null", cwd=n)
    cap("npm-install-tty", "env -u CI npm install --no-audit --no-fund --loglevel=http " + " ".join(NPM_PKGS), n, n_npm_install, tty=True, timeout=300)
    cap("package-lock", "cat package-lock.json", n, n_lock)
    cap("grep-rn-area-polygon-centroid", "grep -rn 'function\\|return\\|var ' node_modules/area-polygon node_modules/triangle-centroid node_modules/gl-vec2 --include=*.js | head -n 400", n, n_grep_rn)
    cap("grep-rn-cat-gl-vec2", "cat node_modules/gl-vec2/package.json; grep -rn 'function\\|return\\|out\\[0\\]' node_modules/gl-vec2 --include=*.js --include=*.json --include=*.md | head -n 260", n, n_grep_rn)
    p = tmp / "pipv"
    cm.run(f"python3 -m venv {p}", timeout=300)
    cap("pip-install-tty", f"env -u PIP_FIND_LINKS PIP_CONFIG_FILE=/dev/null {p}/bin/pip install --no-cache-dir --progress-bar on " + " ".join(PIP_PKGS), tmp,
        n_pip_install, tty=True, timeout=400)


# A jest suite written here: a hurdle maker's hurdles, zales, rod bundles, folds, pens, stakes, hurdlers' roll and
# hurdle kinds, with bugs put in (fixed before the run).
HURDLE_JS = r'''const area = require(@@AREA@@);
const centroid = require(@@CEN@@);
const vec2 = require(@@VEC@@);

// Hurdles from a bundle of rods: the rods over one hurdle's rods, rounded down (bug: rounded up).
function hurdlesFrom(rods, perHurdle) {
  return Math.ceil(rods / perHurdle);
}

// Zales for a row of hurdles: hurdles times zales a hurdle (bug: one hurdle short).
function zalesFor(hurdles, perHurdle) {
  return (hurdles - 1) * perHurdle;
}

// Rods left in the bundle in metres: what was in it less what was used (bug: the used rods added).
function rodsLeft(bundleM, usedM) {
  return Math.round((bundleM + usedM) * 100) / 100;
}

// The area a fold of hurdles encloses, in square metres (bug: taken signed, negative for a clockwise fold).
function foldArea(corners) {
  return area(corners, true);
}

// The middle stake of a triangular pen (bug: the pen's last corner dropped, the first taken twice).
function middleStake(corners) {
  return centroid([corners[0], corners[1], corners[0]]);
}

// The span between two stakes in metres (bug: the squared distance taken).
function span(a, b) {
  return vec2.squaredDistance(a, b);
}

// A hurdler's name read from the latin-1 roll (bug: read as UTF-8).
function rollName(bytes) {
  return Buffer.from(bytes).toString("utf8");
}

function hurdles(depth, zale) {
  let o = { zale_kg: zale };
  for (let i = depth; i > 0; i--) o = { hurdle: i, sail: o };
  return o;
}

module.exports = { hurdlesFrom, zalesFor, rodsLeft, foldArea, middleStake, span, rollName, hurdles };
'''

HURDLE_TEST = r'''const { hurdlesFrom, zalesFor, rodsLeft, foldArea, middleStake, span, rollName, hurdles } = require("../wattleset");

const KINDS = ["Wattle Hurdle", "Gate Hurdle", "Sheep Hurdle", "Fold Hurdle", "Lambing Hurdle"];

describe("withyfold hurdlefield", () => {
  test("1000 rods at 120 rods a hurdle make 8 hurdles", () => {
    expect(hurdlesFrom(1000, 120)).toBe(8);
  });

  test.each([[6, 10, 60], [3, 12, 36], [1, 9, 9]])("%i hurdles of %i zales take %i zales", (h, z, n) => {
    expect(zalesFor(h, z)).toBe(n);
  });

  test("48 m of rods in the bundle less 17.5 used leaves 30.5", () => {
    expect(rodsLeft(48, 17.5)).toBeCloseTo(30.5);
  });

  test("a 4 by 3 m fold walked clockwise encloses 12 square metres", () => {
    expect(foldArea([[0, 0], [0, 3], [4, 3], [4, 0]])).toBe(12);
  });

  test("the middle stake of a pen at (0,0), (6,0) and (0,3) stands at (2,1)", () => {
    expect(middleStake([[0, 0], [6, 0], [0, 3]])).toEqual([2, 1]);
  });

  test("stakes at (0,0) and (3,4) stand 5 m apart", () => {
    expect(span([0, 0], [3, 4])).toBe(5);
  });

  test("the hurdlers' roll keeps a name as written", () => {
    expect(rollName(Buffer.from("Hélène Claie", "latin1"))).toBe("Hélène Claie");
  });

  test("the fold's hurdle survey matches the expected nesting", () => {
    expect(hurdles(27, 4)).toEqual(hurdles(27, 7));
  });

  test("the zalechest holds the spare withies", () => {
    expect({ zalechest: { withies: 36, zales: 144, kinds: KINDS.length } }).toStrictEqual({ zalechest: { withies: 36, zales: 144, kinds: 5, sails: 6 } });
  });
});
'''


def step_js(tmp: Path) -> None:
    d = tmp / "hurdlefield-jest"
    (d / "test").mkdir(parents=True)
    (d / "wattleset.js").write_text(HURDLE_JS.replace("@@AREA@@", json.dumps(str(NM / "area-polygon")))
                                    .replace("@@CEN@@", json.dumps(str(NM / "triangle-centroid")))
                                    .replace("@@VEC@@", json.dumps(str(NM / "gl-vec2"))))
    (d / "test/wattleset.test.js").write_text(HURDLE_TEST)
    (d / "package.json").write_text(json.dumps({"name": "hurdlefield", "version": "0.8.15", "private": True}))
    jest = f"{NM}/.bin/jest"
    cap("jest", f"{jest} --ci --rootDir .", d, n_jest, timeout=300)
    cap("jest-tty", f"{jest} --rootDir . --colors", d, n_jest, tty=True, timeout=300)
    cap("jest-chain-tail", f"cd {d} && {jest} --ci --rootDir . -t 'roll|middle|survey|apart' 2>&1 | tail -n 200", d, n_jest, timeout=300)
    lint = tmp / "lint"
    (lint / "vendor").mkdir(parents=True)
    (lint / "wattleset.js").write_text((d / "wattleset.js").read_text() + "\nfunction unusedRezale(s) { if (s == 0) {} return s }\n")
    (lint / "wattleset.test.js").write_text(HURDLE_TEST)
    (lint / "vendor/zalekey.min.js").write_text(db(w472.with_light(w434.minified)))
    (lint / "eslint.config.js").write_text(w472.ESLINT_CONFIG)
    eslint = f"{NM}/.bin/eslint"
    cap("eslint-tail", f"cd {lint} && {eslint} --color . 2>&1 | tail -n 300", lint, n_eslint, timeout=300)


# Round 368's crate in a hurdle maker's words, paired in order with the old words of round 489's table (as round 793
# left them: only the left sides are used).
RUST_WORDS = (
    "hurdlewright", "Hurdling: wattles, sails and the withies a hurdle holds.",
    "hurdle_name", '"wattle"', '"gate"', '"fold"', '"pen"', "9 is a wattle", "Zalepack", "weaving_speed",
    "sail_fit", "weaving {",
)
assert len(w489.RUST_RENAMES) == len(RUST_WORDS)
w489.RUST_RENAMES = tuple((o, n) for (o, _), n in zip(w489.RUST_RENAMES, RUST_WORDS))

GO_NAMES = ["Wattle Hurdle", "Gate Hurdle", "Sheep Hurdle", "Fold Hurdle", "Lambing Hurdle", "Garden Hurdle",
            "Windbreak", "Half Hurdle", "Sussex Hurdle", "Dorset Hurdle", "Wantage Hurdle", "Vannes Claie"]
GO_WORDS = ("zalecount", "hurdlebook", "withyfold host", "rods left, days", "nothing left to weave", "weaving order",
            "hurdle grade", "Hurdle", "hurdle", "Rod", "rod", "Fold", "fold", "Zales", "zales")
assert len(w566.GO_RENAMES) == len(GO_WORDS)
GO_RENAMES = tuple((o, n) for (o, _), n in zip(w566.GO_RENAMES, GO_WORDS))
GO_STEP = make_steps(w472.go_cap, "zalecount", "hurdlebook", SEED + 3, GO_NAMES, GO_RENAMES)[0]


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
    if sys.argv[1:] == ["--tools"]:
        ensure_tools()
        sys.exit(0)
    cm.capture_round(__doc__, ensure_tools, steps, "wide815-", OUT, TMP)
    import capture_wide604
    capture_wide604.drop_and_check(OUT)
