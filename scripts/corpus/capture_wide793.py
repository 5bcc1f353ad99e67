#!/usr/bin/env python3
"""Round 793: issue #11's kinds with hostile bytes and lines on real small number utility packages no earlier round used
(round-to 4.1.0, compute-gcd 1.2.1, compute-lcm 1.1.2 from npm; sigfig 1.4.0, forallpeople 3.0.0 from PyPI), round
434's material renamed to a sieve maker's: riddles, meshes, hoops, sieve rims and sievewrights (seed 79310), with round
766's item list and layout, through round 766's module and through it round 756's, 747's and 739's and the modules they
set (their constants replaced again by this round's), round 566's rename tables (left sides), round 555's
depth_fitting, round 489's steps and round 472's helpers, round 368's Rust crate, round 273's Go module and a jest suite
in the same words; no new rules.

Tools (installed by `--tools` under /dev/shm/hm-corpus-wide793): pytest 9.2.0, ruff 0.17.6, mypy 2.4.1 (venv),
jest 30.5.2, eslint 10.16.0 and the three npm packages (one npm project); cargo, go, gcc, make, git from the machine.

Usage: python scripts/corpus/capture_wide793.py [--tools]

Needles are read on round 368's lossless clean-up (`capture_wide368.clean368`) by the extractors earlier
rounds used, imported. See NEEDLES.md, round 793.

Writes: scripts/corpus/data/wide793.json, ids prefixed "wide793-"
"""
from __future__ import annotations

import json
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import capture_wide766 as w766  # noqa: E402  (its constants, and those of the modules it sets, replaced below)
from capture_wide766 import (cm, make_steps, n_csv, n_eslint, n_grep_rn, n_jest, n_json_file, n_json_log,  # noqa: E402
                             n_lock, n_npm_install, n_npm_view, n_pip_install, n_ps_aux, w368, w434, w472, w489,
                             w555, w566, w619, w715, w739, w747, w756)

ROOT = Path("/dev/shm/hm-corpus-wide793")
TMP = Path("/dev/shm/hm-corpus-wide793-run")
OUT = Path(__file__).resolve().parent / "data" / "wide793.json"
VENV = ROOT / "venv"
JS = ROOT / "js"
NM = JS / "node_modules"
SEED = 79310
NPM_PKGS = ("round-to@4.1.0", "compute-gcd@1.2.1", "compute-lcm@1.1.2")
PIP_PKGS = ("sigfig==1.4.0", "forallpeople==3.0.0")
w368.VENV = VENV
cm.clean_lines = w368.clean368
cap = w368.cap

# The modules round 766 set (its own list), set again here, with round 766's own.
MODS = [w747, w747.w739, w747.w731, w747.w723, w747.w715, w747.w707, w747.w699, w747.w691, w747.w683, w747.w675,
        w747.w667, w747.w660, w747.w645, w747.w640, w747.w633, w747.w626, w619, w619.w536, w555, w566, w619.w583,
        w619.w601, w619.w608, w756]

# A sieve maker for round 434's gasworks, paired in order with the old words of round 566's table.
WORKS_WORDS = (
    "meshchest", "hoopjig",
    "Osric Riddlesworth", "osric@rimyard", "rimyard",
    "hoopbed", "bend_hoops", "lace_mesh",
    "rim_sieves", "riddle_grain", "MeshlacingError",
    "meshwatch_svc", "Hooprack", "hooprack",
    "meshset", "Meshset", "riddlekey", "rimslab",
    "rerim", "Riddleline", "riddleline", "hoopstand",
    "meshtrimmer", "wire_m", "grain_l", "hoop_kg",
    "Meshlacing", "meshlacing", "hoopbending", "SIEVEDUST",
    "mesh", "hoop", "wire", "rim",
    "79312",
)
OLD = [o for o, _ in w566.LOFT]
assert len(OLD) == len(WORKS_WORDS)
WORKS = tuple(zip(OLD, WORKS_WORDS))
assert not [(o, n) for _, n in WORKS for o in OLD if o in n], "a new word holds an old one"
w472.LIGHT = WORKS
w472.SEED = SEED
w489.SEED = SEED  # step_rust: gen_rust draws SEED + 2 = 79312
for m in MODS + [w766]:
    m.SEED = SEED
(w766.WORKS, w756.WORKS, w747.WORKS, w739.WORKS, w747.w731.WORKS, w747.w723.WORKS, w715.WORKS, w747.w707.WORKS, w747.w699.WORKS,
 w747.w691.LOFT, w747.w683.SHOP, w747.w675.SHOP, w747.w667.SHOP, w747.w660.SHOP, w747.w645.WORKS, w747.w640.SHOP,
 w747.w633.MILL, w747.w626.WORKS, w619.MILL, w619.w583.HEARTH, w619.w601.TARHOUSE, w619.w608.BOILERY) = (WORKS,) * 22
db = w472.light

HOOPING_UTF16 = "".join(f"{h:02d}:45\thoop {1 + h % 5} bent\tmeshes {24 + h % 9 * 16} laced\trim {'green' if h % 6 == 0 else 'seasoned'}\r\n"
                        for h in range(200))
SIEVEMAKERS = [("Edric Hoopmann", "riddler", 27), ("Hélène Vannier", "lacer", 13), ("Jérôme Crible", "bender", 8),
               ("Gaëlle Sas", "riddler", 24), ("Théo Cerceau", "rimmer", 17), ("Zoé Blutoir", "apprentice", 2),
               ("Björn Sållmakare", "riddler", 11), ("Mélanie Toile", "trimmer", 22), ("Anaïs Grillage", "riddler", 35),
               ("Åsa Siktare", "packer", 5), ("Noël Treillis", "trimmer", 14), ("Loïc Tamiseur", "bender", 23)]
(w766.CHANDLERS, w756.CARTWRIGHTS, w747.PLUMASSIERS, w739.WHITTAWERS, w747.w731.MAKERS, w747.w723.MAKERS, w715.MAKERS, w747.w707.MAKERS,
 w747.w699.MAKERS, w747.w691.MAKERS, w747.w683.MAKERS, w747.w675.MAKERS, w747.w667.MAKERS, w747.w660.MAKERS,
 w747.w645.MAKERS, w747.w640.BEATERS, w747.w633.PINMAKERS, w747.w626.SMITHS, w619.MILLERS, w619.w583.COLLIERS,
 w619.w601.TARRERS, w619.w608.SOAPBOILERS) = (SIEVEMAKERS,) * 22
(w766.DIPPING_UTF16, w756.TRUEING_UTF16, w747.CURLING_UTF16, w739.TAWING_UTF16, w747.w731.PUFFING_UTF16, w747.w723.PRESSING_UTF16, w715.FIRING_UTF16,
 w747.w707.PLUCKING_UTF16, w747.w699.GRINDING_UTF16, w747.w691.KNITTING_UTF16, w747.w683.SHAPING_UTF16,
 w747.w675.CARVING_UTF16, w747.w667.GRINDING_UTF16, w747.w660.LACING_UTF16, w747.w645.FRAMING_UTF16,
 w747.w640.BEATING_UTF16, w747.w633.POINTING_UTF16, w747.w626.TEMPER_UTF16, w619.EDGESTONE_UTF16,
 w619.w583.COLLIER_UTF16, w619.w601.TARRER_UTF16, w619.w608.BOILER_UTF16) = (HOOPING_UTF16,) * 22

# Round 715's Python items (its table, imported, as rounds 739, 747, 756 and 766 take it), with this round's two data files.
PY_ITEMS = tuple((i, c.replace("firing_utf16.log", "hooping_utf16.log").replace("enamellers.txt", "sievemakers.txt"), e, t)
                 for i, c, e, t in w715.PY_ITEMS)
assert sum("hooping_utf16.log data/sievemakers.txt" in c for _, c, _, _ in PY_ITEMS) == 1


def step_python(tmp: Path) -> None:
    d = w472.LightPath(tmp / db("retortbed"))
    d.mkdir()
    w472.with_light(w434.history, d)
    d = Path(d)
    (d / db("purifier.min.js")).write_text(db(w472.with_light(w434.minified)))  # renamed once (a plain Path)
    (d / "data/hooping_utf16.log").write_bytes(HOOPING_UTF16.encode("utf-16"))
    (d / "data/sievemakers.txt").write_bytes("".join(f"{n}\t{p}\t{y}\n" for n, p, y in SIEVEMAKERS).encode("latin-1", "replace"))
    for item, cmd, ext, tty in PY_ITEMS:
        cmd = db(cmd)
        cap(item, cmd.replace("CD ", f"cd {d} && ", 1) if cmd.startswith("CD ") else cmd, d, ext, tty=tty)


def step_svc(tmp: Path) -> None:
    d = tmp / "svc"
    d.mkdir()
    svc = db(w434.SVC)
    for name, nb, big, na in (("meshwatch_a.py", 61, 905, 79), ("meshwatch_b.py", 43, 880, 121)):
        (d / name).write_text(svc.replace("N_BEFORE", str(nb)).replace("BIG", str(big)).replace("N_AFTER", str(na)))
    cap("json-log-a", "python meshwatch_a.py", d, n_json_log)
    cap("json-log-b-grep", "python meshwatch_b.py 2>&1 | grep -v '\"meshchest cycle\"' | tail -n 150", d, n_json_log)


def step_tables(tmp: Path) -> None:
    d = tmp / "tables"
    d.mkdir()
    cap("ps-aux-cut", "ps auxww | grep -v binary_backend | cut -c1-300", d, n_ps_aux)
    cm.run("dpkg-query -W -f='${Package},${Installed-Size},${Section},${Priority},${Version}\\r\\n' | sort -t, -k3,3 -k2,2n > pkgs.csv", cwd=d)
    (d / "hdr.csv").write_bytes(b"package,installed_kb,section,priority,version\r\n")
    cap("csv-crlf-head", "cat hdr.csv pkgs.csv | head -n 330", d, n_csv)
    rnd = random.Random(SEED + 7)
    rows = ["sievemaker,post,meshes,wire_m,town"]
    for i in range(430):
        n, p, _ = SIEVEMAKERS[i % len(SIEVEMAKERS)]
        rows.append(f"{n},{p},{rnd.randint(3, 260)},{rnd.randint(4, 480) / 10},{'Leeds' if i % 211 else 'Rouen'}")
    (d / "sievemakers.csv").write_bytes(("\n".join(rows) + "\n").encode("latin-1"))
    cap("csv-latin1", "cat sievemakers.csv", d, n_csv)


def deep_pkg(depth: int) -> str:
    rnd = random.Random(SEED + 5)
    cfg: dict = {"hoop_kg": rnd.randint(2, 9)}
    for i in range(depth, 0, -1):
        cfg = {"hoop": i, "grain_l": rnd.randint(1, 99) / 10, "rim": cfg}
    return json.dumps({"name": "riddlefloor", "version": "0.7.93", "private": True,
                       "dependencies": {"round-to": "4.1.0", "compute-gcd": "1.2.1", "compute-lcm": "1.1.2"},
                       "devDependencies": {"jest": "*", "eslint": "*"}, "rimyard": {"hoops": cfg}})


for m in MODS + [w766]:
    if hasattr(m, "deep_pkg"):
        m.deep_pkg = deep_pkg
w555.DEPTH = 230


def step_pkg(tmp: Path) -> None:
    d = tmp / "riddlefloor"
    d.mkdir()
    depth = w555.depth_fitting()
    cm.note(f"deep package.json: {depth} levels")
    (d / "package.json").write_text(deep_pkg(depth))
    cap("json-deep-tool", "python -m json.tool --indent 1 package.json", d, n_json_file)
    for pkg in ("round-to", "compute-gcd", "compute-lcm"):
        cap(f"npm-view-{pkg}", f"npm view {pkg} --json", d, n_npm_view, timeout=120)
    n = tmp / "npmtty"
    n.mkdir()
    cm.run("npm init -y >/dev/null", cwd=n)
    cap("npm-install-tty", "env -u CI npm install --no-audit --no-fund --loglevel=http " + " ".join(NPM_PKGS), n, n_npm_install, tty=True, timeout=300)
    cap("package-lock", "cat package-lock.json", n, n_lock)
    cap("grep-rn-round-to-compute-gcd", "grep -rn 'function\\|return\\|var ' node_modules/round-to node_modules/compute-gcd node_modules/validate.io-integer-array --include=*.js | head -n 400", n, n_grep_rn)
    cap("grep-rn-cat-compute-lcm", "cat node_modules/compute-lcm/package.json; grep -rn 'function\\|return\\|lcm' node_modules/compute-lcm node_modules/validate.io-array --include=*.js --include=*.json --include=*.md | head -n 260", n, n_grep_rn)
    p = tmp / "pipv"
    cm.run(f"python3 -m venv {p}", timeout=300)
    cap("pip-install-tty", f"env -u PIP_FIND_LINKS PIP_CONFIG_FILE=/dev/null {p}/bin/pip install --no-cache-dir --progress-bar on " + " ".join(PIP_PKGS), tmp,
        n_pip_install, tty=True, timeout=400)


# A jest suite written here: a sieve maker's sieves, meshes, wire reel, apertures, hoop pitches, batch runs and sieve
# kinds, with bugs put in (fixed before the run).
RIDDLE_JS = r'''const roundTo = require(@@RT@@);
const gcd = require(@@GCD@@);
const lcm = require(@@LCM@@);

// Sieves from a length of rim strip: the strip over one rim's length, rounded down (bug: rounded up).
function sievesFrom(stripCm, perRimCm) {
  return Math.ceil(stripCm / perRimCm);
}

// Meshes for a row of hoops: hoops times meshes a hoop (bug: one hoop short).
function meshesFor(hoops, perHoop) {
  return (hoops - 1) * perHoop;
}

// Wire left on the reel: what was on it less what was used (bug: the used wire added).
function wireLeft(reelM, usedM) {
  return Math.round((reelM + usedM) * 100) / 100;
}

// A mesh's aperture in mm, rounded to two places (bug: always rounded up).
function aperture(pitchMm, wireMm) {
  return roundTo.up(pitchMm - wireMm, 2);
}

// The pitch every hoop's lacing holes share: the gcd over all hoops (bug: the first two hoops only).
function hoopPitch(holes) {
  return gcd(holes.slice(0, 2));
}

// The shortest run after which every hoop size comes round together (bug: the sizes multiplied, not their lcm).
function commonRun(sizes) {
  return sizes.reduce((a, b) => a * b, 1);
}

// A sieve maker's name read from the latin-1 roll (bug: read as UTF-8).
function rollName(bytes) {
  return Buffer.from(bytes).toString("utf8");
}

function hoops(depth, mesh) {
  let o = { hoop_kg: mesh };
  for (let i = depth; i > 0; i--) o = { hoop: i, rim: o };
  return o;
}

module.exports = { sievesFrom, meshesFor, wireLeft, aperture, hoopPitch, commonRun, rollName, hoops, lcm };
'''

RIDDLE_TEST = r'''const { sievesFrom, meshesFor, wireLeft, aperture, hoopPitch, commonRun, rollName, hoops, lcm } = require("../meshset");

const KINDS = ["Garden Riddle", "Corn Riddle", "Hair Sieve", "Temse", "Bolter"];

describe("rimyard riddlefloor", () => {
  test("1000 cm of rim strip at 120 cm a rim makes 8 sieves", () => {
    expect(sievesFrom(1000, 120)).toBe(8);
  });

  test.each([[6, 12, 72], [3, 20, 60], [1, 9, 9]])("%i hoops of %i meshes take %i meshes", (h, m, n) => {
    expect(meshesFor(h, m)).toBe(n);
  });

  test("48 m of wire on the reel less 17.5 used leaves 30.5", () => {
    expect(wireLeft(48, 17.5)).toBeCloseTo(30.5);
  });

  test("a 3.2 mm pitch of 0.716 mm wire leaves a 2.48 mm aperture", () => {
    expect(aperture(3.2, 0.716)).toBe(2.48);
  });

  test("hoops of 48, 72 and 30 holes share a pitch of 6", () => {
    expect(hoopPitch([48, 72, 30])).toBe(6);
  });

  test("hoops of 4, 6 and 10 inches come round together every 60", () => {
    expect(commonRun([4, 6, 10])).toBe(lcm([4, 6, 10]));
  });

  test("the sieve makers' roll keeps a name as written", () => {
    expect(rollName(Buffer.from("Hélène Vannier", "latin1"))).toBe("Hélène Vannier");
  });

  test("the yard's hoop survey matches the expected nesting", () => {
    expect(hoops(27, 4)).toEqual(hoops(27, 7));
  });

  test("the meshchest holds the spare hoops", () => {
    expect({ meshchest: { hoops: 36, meshes: 144, kinds: KINDS.length } }).toStrictEqual({ meshchest: { hoops: 36, meshes: 144, kinds: 5, rims: 6 } });
  });
});
'''


def step_js(tmp: Path) -> None:
    d = tmp / "riddlefloor-jest"
    (d / "test").mkdir(parents=True)
    (d / "meshset.js").write_text(RIDDLE_JS.replace("@@RT@@", json.dumps(str(NM / "round-to")))
                                  .replace("@@GCD@@", json.dumps(str(NM / "compute-gcd")))
                                  .replace("@@LCM@@", json.dumps(str(NM / "compute-lcm"))))
    (d / "test/meshset.test.js").write_text(RIDDLE_TEST)
    (d / "package.json").write_text(json.dumps({"name": "riddlefloor", "version": "0.7.93", "private": True}))
    jest = f"{NM}/.bin/jest"
    cap("jest", f"{jest} --ci --rootDir .", d, n_jest, timeout=300)
    cap("jest-tty", f"{jest} --rootDir . --colors", d, n_jest, tty=True, timeout=300)
    cap("jest-chain-tail", f"cd {d} && {jest} --ci --rootDir . -t 'roll|pitch|survey|aperture' 2>&1 | tail -n 200", d, n_jest, timeout=300)
    lint = tmp / "lint"
    (lint / "vendor").mkdir(parents=True)
    (lint / "meshset.js").write_text((d / "meshset.js").read_text() + "\nfunction unusedRerim(s) { if (s == 0) {} return s }\n")
    (lint / "meshset.test.js").write_text(RIDDLE_TEST)
    (lint / "vendor/riddlekey.min.js").write_text(db(w472.with_light(w434.minified)))
    (lint / "eslint.config.js").write_text(w472.ESLINT_CONFIG)
    eslint = f"{NM}/.bin/eslint"
    cap("eslint-tail", f"cd {lint} && {eslint} --color . 2>&1 | tail -n 300", lint, n_eslint, timeout=300)


# Round 368's crate in a sieve maker's words, paired in order with the old words of round 489's table (as round 766
# left them: only the left sides are used).
RUST_WORDS = (
    "hoopwright", "Sieving: meshes, hoops and the rims a riddle holds.",
    "sieve_name", '"riddle"', '"sieve"', '"temse"', '"bolter"', "9 is a riddle", "Meshpack", "sieving_speed",
    "mesh_fit", "sieving {",
)
assert len(w489.RUST_RENAMES) == len(RUST_WORDS)
w489.RUST_RENAMES = tuple((o, n) for (o, _), n in zip(w489.RUST_RENAMES, RUST_WORDS))

GO_NAMES = ["Garden Riddle", "Corn Riddle", "Hair Sieve", "Temse", "Bolter", "Malt Riddle", "Seed Sieve",
            "Gravel Riddle", "Flour Sieve", "Wire Sieve", "Leeds Riddle", "Rouen Tamis"]
GO_WORDS = ("riddletally", "meshbook", "rimyard host", "wire left, days", "nothing left to sieve", "sieving order",
            "sieve grade", "Sieve", "sieve", "Wire", "wire", "Rim", "rim", "Meshes", "meshes")
assert len(w566.GO_RENAMES) == len(GO_WORDS)
GO_RENAMES = tuple((o, n) for (o, _), n in zip(w566.GO_RENAMES, GO_WORDS))
GO_STEP = make_steps(w472.go_cap, "riddletally", "meshbook", SEED + 3, GO_NAMES, GO_RENAMES)[0]


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
    cm.capture_round(__doc__, ensure_tools, steps, "wide793-", OUT, TMP)
    import capture_wide604
    capture_wide604.drop_and_check(OUT)
