#!/usr/bin/env python3
"""Round 756: issue #11's kinds with hostile features on real packages no earlier round used (morse-decoder,
base-converter, convert-base, morse3, pybraille: small morse-code, braille and number-base-conversion packages), round
434's material renamed to a cartwright: carts, axles, felloes, spokes, tar pots and cartwrights (seed 75610), with
round 747's item list and layout, through round 747's module and through it round 739's and the modules they set
(their constants replaced again by this round's), round 566's rename tables (left sides), round 555's depth_fitting,
round 489's steps and round 472's helpers, round 368's Rust crate, round 273's Go module and a jest suite in the same
words; no new rules.

Needles are read on round 368's lossless clean-up (`capture_wide368.clean368`) by the extractors earlier
rounds used, imported. See NEEDLES.md, round 756.
"""
from __future__ import annotations

import json
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import capture_wide747 as w747  # noqa: E402  (its constants, and those of the modules it sets, replaced below)
from capture_wide747 import (cm, make_steps, n_csv, n_eslint, n_grep_rn, n_jest, n_json_file, n_json_log,  # noqa: E402
                             n_lock, n_npm_install, n_npm_view, n_pip_install, n_ps_aux, w368, w434, w472, w489,
                             w555, w566, w619, w715, w739)

ROOT = Path("/dev/shm/hm-corpus-wide756-tools")
TMP = Path("/dev/shm/hm-corpus-wide756")
OUT = Path(__file__).resolve().parent / "data" / "wide756.json"
VENV = ROOT / "venv"
JS = ROOT / "js"
NM = JS / "node_modules"
SEED = 75610
NPM_PKGS = ("morse-decoder@4.0.1", "base-converter@1.1.2", "convert-base@0.1.0")
PIP_PKGS = ("morse3==2.9", "pybraille==1.0.0")
w368.VENV = VENV
cm.clean_lines = w368.clean368
cap = w368.cap

# The modules round 747 set (its own import list), set again here.
MODS = [w747.w739, w747.w731, w747.w723, w747.w715, w747.w707, w747.w699, w747.w691, w747.w683, w747.w675,
        w747.w667, w747.w660, w747.w645, w747.w640, w747.w633, w747.w626, w619, w619.w536, w555, w566, w619.w583,
        w619.w601, w619.w608]

# A cartwright for round 434's gasworks, paired in order with the old words of round 566's table.
WORKS_WORDS = (
    "wainchest", "felloetable",
    "Wilfrid Cartman", "wilfrid@cartyard", "cartyard",
    "axlebed", "true_axles", "set_axle",
    "fit_felloe", "grease_hubs", "TrueingError",
    "cartwatch_svc", "Tumbrelrack", "tumbrelrack",
    "wainset", "Wainset", "axlekey", "axleslab",
    "reaxle", "Shaftrow", "shaftrow", "spokestand",
    "hubborer", "axle_kg", "tar_pot_l", "tar_kg",
    "Trueing", "trueing", "tarring", "AXLEFUME",
    "axle", "tar", "spoke", "shaft",
    "75612",
)
OLD = [o for o, _ in w566.LOFT]
assert len(OLD) == len(WORKS_WORDS)
WORKS = tuple(zip(OLD, WORKS_WORDS))
assert not [(o, n) for _, n in WORKS for o in OLD if o in n], "a new word holds an old one"
w472.LIGHT = WORKS
w472.SEED = SEED
w489.SEED = SEED  # step_rust: gen_rust draws SEED + 2 = 75612
for m in MODS + [w747]:
    m.SEED = SEED
(w747.WORKS, w739.WORKS, w747.w731.WORKS, w747.w723.WORKS, w715.WORKS, w747.w707.WORKS, w747.w699.WORKS,
 w747.w691.LOFT, w747.w683.SHOP, w747.w675.SHOP, w747.w667.SHOP, w747.w660.SHOP, w747.w645.WORKS, w747.w640.SHOP,
 w747.w633.MILL, w747.w626.WORKS, w619.MILL, w619.w583.HEARTH, w619.w601.TARHOUSE, w619.w608.BOILERY) = (WORKS,) * 20
db = w472.light

TRUEING_UTF16 = "".join(f"{h:02d}:25\tbench {1 + h % 5} trued\tspokes {30 + h % 9 * 14} fitted\tpot {'fresh' if h % 6 == 0 else 'cooling'}\r\n"
                        for h in range(200))
CARTWRIGHTS = [("Wilfrid Charron", "wheeler", 27), ("Hélène Charpentier", "tarrer", 13), ("Jérémie Essieu", "sawyer", 8),
               ("Gaëlle Moyeu", "wheeler", 24), ("Théo Rayon", "smith", 17), ("Chloé Jante", "apprentice", 2),
               ("Sören Hjulmakare", "wheeler", 11), ("Mélanie Brancard", "painter", 22), ("Anaïs Tombereau", "wheeler", 35),
               ("Åsa Vagnmakare", "trimmer", 5), ("Noël Charrette", "painter", 14), ("Loïc Timon", "tarrer", 23)]
(w747.PLUMASSIERS, w739.WHITTAWERS, w747.w731.MAKERS, w747.w723.MAKERS, w715.MAKERS, w747.w707.MAKERS,
 w747.w699.MAKERS, w747.w691.MAKERS, w747.w683.MAKERS, w747.w675.MAKERS, w747.w667.MAKERS, w747.w660.MAKERS,
 w747.w645.MAKERS, w747.w640.BEATERS, w747.w633.PINMAKERS, w747.w626.SMITHS, w619.MILLERS, w619.w583.COLLIERS,
 w619.w601.TARRERS, w619.w608.SOAPBOILERS) = (CARTWRIGHTS,) * 20
(w747.CURLING_UTF16, w739.TAWING_UTF16, w747.w731.PUFFING_UTF16, w747.w723.PRESSING_UTF16, w715.FIRING_UTF16,
 w747.w707.PLUCKING_UTF16, w747.w699.GRINDING_UTF16, w747.w691.KNITTING_UTF16, w747.w683.SHAPING_UTF16,
 w747.w675.CARVING_UTF16, w747.w667.GRINDING_UTF16, w747.w660.LACING_UTF16, w747.w645.FRAMING_UTF16,
 w747.w640.BEATING_UTF16, w747.w633.POINTING_UTF16, w747.w626.TEMPER_UTF16, w619.EDGESTONE_UTF16,
 w619.w583.COLLIER_UTF16, w619.w601.TARRER_UTF16, w619.w608.BOILER_UTF16) = (TRUEING_UTF16,) * 20

# Round 715's Python items (its table, imported, as rounds 739 and 747 take it), with this round's two data files.
PY_ITEMS = tuple((i, c.replace("firing_utf16.log", "trueing_utf16.log").replace("enamellers.txt", "cartwrights.txt"), e, t)
                 for i, c, e, t in w715.PY_ITEMS)
assert sum("trueing_utf16.log data/cartwrights.txt" in c for _, c, _, _ in PY_ITEMS) == 1


def step_python(tmp: Path) -> None:
    d = w472.LightPath(tmp / db("retortbed"))
    d.mkdir()
    w472.with_light(w434.history, d)
    d = Path(d)
    (d / db("purifier.min.js")).write_text(db(w472.with_light(w434.minified)))  # renamed once (a plain Path)
    (d / "data/trueing_utf16.log").write_bytes(TRUEING_UTF16.encode("utf-16"))
    (d / "data/cartwrights.txt").write_bytes("".join(f"{n}\t{p}\t{y}\n" for n, p, y in CARTWRIGHTS).encode("latin-1", "replace"))
    for item, cmd, ext, tty in PY_ITEMS:
        cmd = db(cmd)
        cap(item, cmd.replace("CD ", f"cd {d} && ", 1) if cmd.startswith("CD ") else cmd, d, ext, tty=tty)


def step_svc(tmp: Path) -> None:
    d = tmp / "svc"
    d.mkdir()
    svc = db(w434.SVC)
    for name, nb, big, na in (("cartwatch_a.py", 61, 860, 79), ("cartwatch_b.py", 46, 910, 112)):
        (d / name).write_text(svc.replace("N_BEFORE", str(nb)).replace("BIG", str(big)).replace("N_AFTER", str(na)))
    cap("json-log-a", "python cartwatch_a.py", d, n_json_log)
    cap("json-log-b-grep", "python cartwatch_b.py 2>&1 | grep -v '\"wainchest cycle\"' | tail -n 150", d, n_json_log)


def step_tables(tmp: Path) -> None:
    d = tmp / "tables"
    d.mkdir()
    cap("ps-aux-cut", "ps auxww | grep -v binary_backend | cut -c1-300", d, n_ps_aux)
    cm.run("dpkg-query -W -f='${Package},${Installed-Size},${Section},${Priority},${Version}\\r\\n' | sort -t, -k3,3 -k2,2n > pkgs.csv", cwd=d)
    (d / "hdr.csv").write_bytes(b"package,installed_kb,section,priority,version\r\n")
    cap("csv-crlf-head", "cat hdr.csv pkgs.csv | head -n 330", d, n_csv)
    rnd = random.Random(SEED + 7)
    rows = ["cartwright,post,spokes,tar_kg,town"]
    for i in range(430):
        n, p, _ = CARTWRIGHTS[i % len(CARTWRIGHTS)]
        rows.append(f"{n},{p},{rnd.randint(2, 240)},{rnd.randint(5, 470) / 10},{'Banbury' if i % 207 else 'Rouen'}")
    (d / "cartwrights.csv").write_bytes(("\n".join(rows) + "\n").encode("latin-1"))
    cap("csv-latin1", "cat cartwrights.csv", d, n_csv)


def deep_pkg(depth: int) -> str:
    rnd = random.Random(SEED + 5)
    cfg: dict = {"axle_kg": rnd.randint(2, 9)}
    for i in range(depth, 0, -1):
        cfg = {"bench": i, "tar_l": rnd.randint(1, 99) / 10, "wheel": cfg}
    return json.dumps({"name": "shaftroom", "version": "0.7.56", "private": True,
                       "dependencies": {"morse-decoder": "4.0.1", "base-converter": "1.1.2", "convert-base": "0.1.0"},
                       "devDependencies": {"jest": "*", "eslint": "*"}, "cartyard": {"benches": cfg}})


for m in MODS + [w747]:
    if hasattr(m, "deep_pkg"):
        m.deep_pkg = deep_pkg
w555.DEPTH = 230


def step_pkg(tmp: Path) -> None:
    d = tmp / "shaftroom"
    d.mkdir()
    depth = w555.depth_fitting()
    cm.note(f"deep package.json: {depth} levels")
    (d / "package.json").write_text(deep_pkg(depth))
    cap("json-deep-tool", "python -m json.tool --indent 1 package.json", d, n_json_file)
    for pkg in ("morse-decoder", "base-converter", "convert-base"):
        cap(f"npm-view-{pkg}", f"npm view {pkg} --json", d, n_npm_view, timeout=120)
    n = tmp / "npmtty"
    n.mkdir()
    cm.run("npm init -y >/dev/null", cwd=n)
    cap("npm-install-tty", "env -u CI npm install --no-audit --no-fund --loglevel=http " + " ".join(NPM_PKGS), n, n_npm_install, tty=True, timeout=300)
    cap("package-lock", "cat package-lock.json", n, n_lock)
    cap("grep-rn-morse-decoder-base-converter", "grep -rn 'function\\|return\\|var ' node_modules/morse-decoder node_modules/base-converter --include=*.js | head -n 400", n, n_grep_rn)
    cap("grep-rn-cat-convert-base", "cat node_modules/convert-base/package.json; grep -rn 'function\\|return\\|base' node_modules/convert-base --include=*.js --include=*.json --include=*.md | head -n 260", n, n_grep_rn)
    p = tmp / "pipv"
    cm.run(f"python3 -m venv {p}", timeout=300)
    cap("pip-install-tty", f"env -u PIP_FIND_LINKS PIP_CONFIG_FILE=/dev/null {p}/bin/pip install --no-cache-dir --progress-bar on " + " ".join(PIP_PKGS), tmp,
        n_pip_install, tty=True, timeout=400)


# A jest suite written here: a cartwright's felloes, axles, tar pot, cart marks in Morse, wheel numbers, hub codes and
# cart kinds, with bugs put in (fixed before the run).
CART_JS = r'''const morse = require(@@MD@@);
const baseConverter = require(@@BC@@);
const ConvertBase = require(@@CB@@);

// Felloes cut from a plank: the plank's length over one felloe's, rounded down (bug: rounded up).
function felloesCut(plankCm, perFelloe) {
  return Math.ceil(plankCm / perFelloe);
}

// Axles for a row of carts: one a cart and one spare (bug: one short of the carts).
function axlesFor(carts) {
  return carts - 1;
}

// Tar left in the pot: what was heated less what was used (bug: the used tar added).
function tarLeft(heatedL, usedL) {
  return Math.round((heatedL + usedL) * 100) / 100;
}

// A cart's mark in Morse (bug: only its first three letters encoded).
function morseMark(mark) {
  return morse.encode(mark.slice(0, 3));
}

// A wheel number in hex (bug: given in octal).
function wheelHex(n) {
  return baseConverter.decToOct(n);
}

// A hub code from hex to binary (bug: the bases swapped).
function hubBinary(code) {
  return ConvertBase().convert(code, 2, 16);
}

// A cartwright's name read from the latin-1 roll (bug: read as UTF-8).
function rollName(bytes) {
  return Buffer.from(bytes).toString("utf8");
}

function benches(depth, axle) {
  let o = { axle_kg: axle };
  for (let i = depth; i > 0; i--) o = { bench: i, wheel: o };
  return o;
}

module.exports = { felloesCut, axlesFor, tarLeft, morseMark, wheelHex, hubBinary, rollName, benches };
'''

CART_TEST = r'''const { felloesCut, axlesFor, tarLeft, morseMark, wheelHex, hubBinary, rollName, benches } = require("../wainset");

const KINDS = ["Hay Wain", "Tumbrel", "Brewer's Dray", "Tip Cart", "Governess Cart"];

describe("cartyard shaftroom", () => {
  test("a plank of 100 cm at 12 a felloe cuts 8 felloes", () => {
    expect(felloesCut(100, 12)).toBe(8);
  });

  test.each([[16, 17], [8, 9], [0, 1]])("%i carts take %i axles", (c, n) => {
    expect(axlesFor(c)).toBe(n);
  });

  test("60 l of tar heated less 22.5 used leaves 37.5", () => {
    expect(tarLeft(60, 22.5)).toBeCloseTo(37.5);
  });

  test("a cart's mark is sent whole in Morse", () => {
    expect(morseMark("WAIN")).toBe(".-- .- .. -.");
  });

  test("wheel number 4095 is fff in hex", () => {
    expect(wheelHex(4095)).toBe("fff");
  });

  test("hub code 1F is 11111 in binary", () => {
    expect(hubBinary("1F")).toBe("11111");
  });

  test("the cartwrights' roll keeps a name as written", () => {
    expect(rollName(Buffer.from("Hélène Charpentier", "latin1"))).toBe("Hélène Charpentier");
  });

  test("the yard's bench survey matches the expected nesting", () => {
    expect(benches(27, 4)).toEqual(benches(27, 7));
  });

  test("the wainchest holds the spare axles", () => {
    expect({ wainchest: { axles: 40, spokes: 120, kinds: KINDS.length } }).toStrictEqual({ wainchest: { axles: 40, spokes: 120, kinds: 5, pots: 8 } });
  });
});
'''


def step_js(tmp: Path) -> None:
    d = tmp / "shaftroom-jest"
    (d / "test").mkdir(parents=True)
    (d / "wainset.js").write_text(CART_JS.replace("@@MD@@", json.dumps(str(NM / "morse-decoder")))
                                  .replace("@@BC@@", json.dumps(str(NM / "base-converter")))
                                  .replace("@@CB@@", json.dumps(str(NM / "convert-base"))))
    (d / "test/wainset.test.js").write_text(CART_TEST)
    (d / "package.json").write_text(json.dumps({"name": "shaftroom", "version": "0.7.56", "private": True}))
    jest = f"{NM}/.bin/jest"
    cap("jest", f"{jest} --ci --rootDir .", d, n_jest, timeout=300)
    cap("jest-tty", f"{jest} --rootDir . --colors", d, n_jest, tty=True, timeout=300)
    cap("jest-chain-tail", f"cd {d} && {jest} --ci --rootDir . -t 'roll|hex|survey|Morse' 2>&1 | tail -n 200", d, n_jest, timeout=300)
    lint = tmp / "lint"
    (lint / "vendor").mkdir(parents=True)
    (lint / "wainset.js").write_text((d / "wainset.js").read_text() + "\nfunction unusedReaxle(s) { if (s == 0) {} return s }\n")
    (lint / "wainset.test.js").write_text(CART_TEST)
    (lint / "vendor/axlekey.min.js").write_text(db(w472.with_light(w434.minified)))
    (lint / "eslint.config.js").write_text(w472.ESLINT_CONFIG)
    eslint = f"{NM}/.bin/eslint"
    cap("eslint-tail", f"cd {lint} && {eslint} --color . 2>&1 | tail -n 300", lint, n_eslint, timeout=300)


# Round 368's crate in a cartwright's words, paired in order with the old words of round 489's table (as round 747
# left them: only the left sides are used).
RUST_WORDS = (
    "cartwright", "Trueing: axles, tar and the spokes a trueing bench holds.",
    "cart_name", '"tumbrel"', '"wain"', '"dray"', '"barrow"', "9 is a tumbrel", "Axlepack", "trueing_speed",
    "axle_fit", "cartage {",
)
assert len(w489.RUST_RENAMES) == len(RUST_WORDS)
w489.RUST_RENAMES = tuple((o, n) for (o, _), n in zip(w489.RUST_RENAMES, RUST_WORDS))

GO_NAMES = ["Hay Wain", "Tumbrel", "Brewers Dray", "Tip Cart", "Governess Cart", "Float", "Trap", "Wagonette",
            "Harvest Wagon", "Hand Barrow", "Banbury Wain", "Rouen Charrette"]
GO_WORDS = ("carttally", "cartledger", "cartyard host", "tar left, days", "nothing left to true", "trueing order",
            "cart grade", "Cart", "cart", "Tar", "tar", "Bench", "bench", "Spokes", "spokes")
assert len(w566.GO_RENAMES) == len(GO_WORDS)
GO_RENAMES = tuple((o, n) for (o, _), n in zip(w566.GO_RENAMES, GO_WORDS))
GO_STEP = make_steps(w472.go_cap, "carttally", "cartledger", SEED + 3, GO_NAMES, GO_RENAMES)[0]


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
    cm.capture_round(__doc__, ensure_tools, steps, "wide756-", OUT, TMP)
