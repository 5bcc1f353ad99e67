#!/usr/bin/env python3
"""Round 766: issue #11's kinds with hostile bytes and lines on real small text/format utility packages no earlier round
used (to-title-case 1.0.0, center-align 1.0.1, min-indent 1.0.1 from npm; python-string-utils 1.0.0, cjkwrap 2.2 from
PyPI), round 434's material renamed to a (tallow) chandler: wicks, tallow, moulds, dipping frames and chandlers (seed
76610), with round 756's item list and layout, through round 756's module and through it round 747's and 739's and the
modules they set (their constants replaced again by this round's), round 566's rename tables (left sides), round 555's
depth_fitting, round 489's steps and round 472's helpers, round 368's Rust crate, round 273's Go module and a jest suite
in the same words; no new rules.

Tools (installed by `--tools` under /dev/shm/hm-corpus-wide766-tools): pytest 9.2.0, ruff 0.17.6, mypy 2.4.1 (venv),
jest 30.5.2, eslint 10.16.0 and the three npm packages (one npm project); cargo, go, gcc, make, git from the machine.

Usage: python scripts/corpus/capture_wide766.py [--tools]

Needles are read on round 368's lossless clean-up (`capture_wide368.clean368`) by the extractors earlier
rounds used, imported. See NEEDLES.md, round 766.

Writes: scripts/corpus/data/wide766.json, ids prefixed "wide766-"
"""
from __future__ import annotations

import json
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import capture_wide756 as w756  # noqa: E402  (its constants, and those of the modules it sets, replaced below)
from capture_wide756 import (cm, make_steps, n_csv, n_eslint, n_grep_rn, n_jest, n_json_file, n_json_log,  # noqa: E402
                             n_lock, n_npm_install, n_npm_view, n_pip_install, n_ps_aux, w368, w434, w472, w489,
                             w555, w566, w619, w715, w739, w747)

ROOT = Path("/dev/shm/hm-corpus-wide766-tools")
TMP = Path("/dev/shm/hm-corpus-wide766")
OUT = Path(__file__).resolve().parent / "data" / "wide766.json"
VENV = ROOT / "venv"
JS = ROOT / "js"
NM = JS / "node_modules"
SEED = 76610
NPM_PKGS = ("to-title-case@1.0.0", "center-align@1.0.1", "min-indent@1.0.1")
PIP_PKGS = ("python-string-utils==1.0.0", "cjkwrap==2.2")
w368.VENV = VENV
cm.clean_lines = w368.clean368
cap = w368.cap

# The modules round 756 set (its own list), set again here, with round 756's and 747's own.
MODS = [w747, w747.w739, w747.w731, w747.w723, w747.w715, w747.w707, w747.w699, w747.w691, w747.w683, w747.w675,
        w747.w667, w747.w660, w747.w645, w747.w640, w747.w633, w747.w626, w619, w619.w536, w555, w566, w619.w583,
        w619.w601, w619.w608]

# A chandler for round 434's gasworks, paired in order with the old words of round 566's table.
WORKS_WORDS = (
    "wickchest", "dipframe",
    "Tobias Tallowby", "tobias@dipyard", "dipyard",
    "renderpan", "dip_candles", "fill_mould",
    "draw_wicks", "skim_tallow", "DippingError",
    "wickwatch_svc", "Mouldrack", "mouldrack",
    "wickset", "Wickset", "tallowkey", "tallowslab",
    "rewick", "Dipline", "dipline", "wickstand",
    "wicktrimmer", "tallow_lb", "wax_pot_l", "wick_kg",
    "Dipping", "dipping", "moulding", "TALLOWFUME",
    "tallow", "wick", "wax", "frame",
    "76612",
)
OLD = [o for o, _ in w566.LOFT]
assert len(OLD) == len(WORKS_WORDS)
WORKS = tuple(zip(OLD, WORKS_WORDS))
assert not [(o, n) for _, n in WORKS for o in OLD if o in n], "a new word holds an old one"
w472.LIGHT = WORKS
w472.SEED = SEED
w489.SEED = SEED  # step_rust: gen_rust draws SEED + 2 = 76612
for m in MODS + [w756]:
    m.SEED = SEED
(w756.WORKS, w747.WORKS, w739.WORKS, w747.w731.WORKS, w747.w723.WORKS, w715.WORKS, w747.w707.WORKS, w747.w699.WORKS,
 w747.w691.LOFT, w747.w683.SHOP, w747.w675.SHOP, w747.w667.SHOP, w747.w660.SHOP, w747.w645.WORKS, w747.w640.SHOP,
 w747.w633.MILL, w747.w626.WORKS, w619.MILL, w619.w583.HEARTH, w619.w601.TARHOUSE, w619.w608.BOILERY) = (WORKS,) * 21
db = w472.light

DIPPING_UTF16 = "".join(f"{h:02d}:45\tframe {1 + h % 5} dipped\twicks {24 + h % 9 * 16} drawn\tvat {'fresh' if h % 6 == 0 else 'setting'}\r\n"
                        for h in range(200))
CHANDLERS = [("Tobias Cierge", "dipper", 27), ("Hélène Cirier", "moulder", 13), ("Jérôme Mèche", "wicker", 8),
             ("Gaëlle Suif", "dipper", 24), ("Théo Bougie", "renderer", 17), ("Zoé Chandelle", "apprentice", 2),
             ("Björn Ljusstöpare", "dipper", 11), ("Mélanie Cire", "trimmer", 22), ("Anaïs Flambeau", "dipper", 35),
             ("Åsa Talgdank", "packer", 5), ("Noël Lumignon", "trimmer", 14), ("Loïc Moucheur", "renderer", 23)]
(w756.CARTWRIGHTS, w747.PLUMASSIERS, w739.WHITTAWERS, w747.w731.MAKERS, w747.w723.MAKERS, w715.MAKERS, w747.w707.MAKERS,
 w747.w699.MAKERS, w747.w691.MAKERS, w747.w683.MAKERS, w747.w675.MAKERS, w747.w667.MAKERS, w747.w660.MAKERS,
 w747.w645.MAKERS, w747.w640.BEATERS, w747.w633.PINMAKERS, w747.w626.SMITHS, w619.MILLERS, w619.w583.COLLIERS,
 w619.w601.TARRERS, w619.w608.SOAPBOILERS) = (CHANDLERS,) * 21
(w756.TRUEING_UTF16, w747.CURLING_UTF16, w739.TAWING_UTF16, w747.w731.PUFFING_UTF16, w747.w723.PRESSING_UTF16, w715.FIRING_UTF16,
 w747.w707.PLUCKING_UTF16, w747.w699.GRINDING_UTF16, w747.w691.KNITTING_UTF16, w747.w683.SHAPING_UTF16,
 w747.w675.CARVING_UTF16, w747.w667.GRINDING_UTF16, w747.w660.LACING_UTF16, w747.w645.FRAMING_UTF16,
 w747.w640.BEATING_UTF16, w747.w633.POINTING_UTF16, w747.w626.TEMPER_UTF16, w619.EDGESTONE_UTF16,
 w619.w583.COLLIER_UTF16, w619.w601.TARRER_UTF16, w619.w608.BOILER_UTF16) = (DIPPING_UTF16,) * 21

# Round 715's Python items (its table, imported, as rounds 739, 747 and 756 take it), with this round's two data files.
PY_ITEMS = tuple((i, c.replace("firing_utf16.log", "dipping_utf16.log").replace("enamellers.txt", "chandlers.txt"), e, t)
                 for i, c, e, t in w715.PY_ITEMS)
assert sum("dipping_utf16.log data/chandlers.txt" in c for _, c, _, _ in PY_ITEMS) == 1


def step_python(tmp: Path) -> None:
    d = w472.LightPath(tmp / db("retortbed"))
    d.mkdir()
    w472.with_light(w434.history, d)
    d = Path(d)
    (d / db("purifier.min.js")).write_text(db(w472.with_light(w434.minified)))  # renamed once (a plain Path)
    (d / "data/dipping_utf16.log").write_bytes(DIPPING_UTF16.encode("utf-16"))
    (d / "data/chandlers.txt").write_bytes("".join(f"{n}\t{p}\t{y}\n" for n, p, y in CHANDLERS).encode("latin-1", "replace"))
    for item, cmd, ext, tty in PY_ITEMS:
        cmd = db(cmd)
        cap(item, cmd.replace("CD ", f"cd {d} && ", 1) if cmd.startswith("CD ") else cmd, d, ext, tty=tty)


def step_svc(tmp: Path) -> None:
    d = tmp / "svc"
    d.mkdir()
    svc = db(w434.SVC)
    for name, nb, big, na in (("wickwatch_a.py", 57, 875, 83), ("wickwatch_b.py", 47, 900, 114)):
        (d / name).write_text(svc.replace("N_BEFORE", str(nb)).replace("BIG", str(big)).replace("N_AFTER", str(na)))
    cap("json-log-a", "python wickwatch_a.py", d, n_json_log)
    cap("json-log-b-grep", "python wickwatch_b.py 2>&1 | grep -v '\"wickchest cycle\"' | tail -n 150", d, n_json_log)


def step_tables(tmp: Path) -> None:
    d = tmp / "tables"
    d.mkdir()
    cap("ps-aux-cut", "ps auxww | grep -v binary_backend | cut -c1-300", d, n_ps_aux)
    cm.run("dpkg-query -W -f='${Package},${Installed-Size},${Section},${Priority},${Version}\\r\\n' | sort -t, -k3,3 -k2,2n > pkgs.csv", cwd=d)
    (d / "hdr.csv").write_bytes(b"package,installed_kb,section,priority,version\r\n")
    cap("csv-crlf-head", "cat hdr.csv pkgs.csv | head -n 330", d, n_csv)
    rnd = random.Random(SEED + 7)
    rows = ["chandler,post,wicks,tallow_lb,town"]
    for i in range(430):
        n, p, _ = CHANDLERS[i % len(CHANDLERS)]
        rows.append(f"{n},{p},{rnd.randint(3, 260)},{rnd.randint(4, 480) / 10},{'Bristol' if i % 211 else 'Lyon'}")
    (d / "chandlers.csv").write_bytes(("\n".join(rows) + "\n").encode("latin-1"))
    cap("csv-latin1", "cat chandlers.csv", d, n_csv)


def deep_pkg(depth: int) -> str:
    rnd = random.Random(SEED + 5)
    cfg: dict = {"wick_kg": rnd.randint(2, 9)}
    for i in range(depth, 0, -1):
        cfg = {"frame": i, "wax_l": rnd.randint(1, 99) / 10, "mould": cfg}
    return json.dumps({"name": "dipfloor", "version": "0.7.66", "private": True,
                       "dependencies": {"to-title-case": "1.0.0", "center-align": "1.0.1", "min-indent": "1.0.1"},
                       "devDependencies": {"jest": "*", "eslint": "*"}, "dipyard": {"frames": cfg}})


for m in MODS + [w756]:
    if hasattr(m, "deep_pkg"):
        m.deep_pkg = deep_pkg
w555.DEPTH = 230


def step_pkg(tmp: Path) -> None:
    d = tmp / "dipfloor"
    d.mkdir()
    depth = w555.depth_fitting()
    cm.note(f"deep package.json: {depth} levels")
    (d / "package.json").write_text(deep_pkg(depth))
    cap("json-deep-tool", "python -m json.tool --indent 1 package.json", d, n_json_file)
    for pkg in ("to-title-case", "center-align", "min-indent"):
        cap(f"npm-view-{pkg}", f"npm view {pkg} --json", d, n_npm_view, timeout=120)
    n = tmp / "npmtty"
    n.mkdir()
    cm.run("npm init -y >/dev/null", cwd=n)
    cap("npm-install-tty", "env -u CI npm install --no-audit --no-fund --loglevel=http " + " ".join(NPM_PKGS), n, n_npm_install, tty=True, timeout=300)
    cap("package-lock", "cat package-lock.json", n, n_lock)
    cap("grep-rn-to-title-case-center-align", "grep -rn 'function\\|return\\|var ' node_modules/to-title-case node_modules/center-align node_modules/align-text --include=*.js | head -n 400", n, n_grep_rn)
    cap("grep-rn-cat-min-indent", "cat node_modules/min-indent/package.json; grep -rn 'function\\|return\\|indent' node_modules/min-indent node_modules/to-capital-case --include=*.js --include=*.json --include=*.md | head -n 260", n, n_grep_rn)
    p = tmp / "pipv"
    cm.run(f"python3 -m venv {p}", timeout=300)
    cap("pip-install-tty", f"env -u PIP_FIND_LINKS PIP_CONFIG_FILE=/dev/null {p}/bin/pip install --no-cache-dir --progress-bar on " + " ".join(PIP_PKGS), tmp,
        n_pip_install, tty=True, timeout=400)


# A jest suite written here: a chandler's candles, wicks, renderpan, candle labels, shop signs, dipping recipes and
# candle kinds, with bugs put in (fixed before the run).
DIP_JS = r'''const toTitleCase = require(@@TC@@);
const centerAlign = require(@@CA@@);
const minIndent = require(@@MI@@);

// Candles from a weight of tallow: the grams over one candle's, rounded down (bug: rounded up).
function candlesFrom(tallowG, perCandleG) {
  return Math.ceil(tallowG / perCandleG);
}

// Wicks for a row of dipping frames: frames times wicks a frame (bug: one frame short).
function wicksFor(frames, perFrame) {
  return (frames - 1) * perFrame;
}

// Tallow left in the renderpan: what was rendered less what was used (bug: the used tallow added).
function tallowLeft(renderedKg, usedKg) {
  return Math.round((renderedKg + usedKg) * 100) / 100;
}

// A candle's label in title case (bug: only its first two words title-cased and kept).
function candleLabel(name) {
  return toTitleCase(name.split(" ").slice(0, 2).join(" "));
}

// The shop sign's lines centred to the sign's width (bug: the width dropped).
function shopSign(text, width) {
  return centerAlign(text);
}

// A dipping recipe's indent: the shortest over all its lines (bug: the first line only).
function recipeIndent(recipe) {
  return minIndent(recipe.split("\n")[0]);
}

// A chandler's name read from the latin-1 roll (bug: read as UTF-8).
function rollName(bytes) {
  return Buffer.from(bytes).toString("utf8");
}

function frames(depth, wick) {
  let o = { wick_kg: wick };
  for (let i = depth; i > 0; i--) o = { frame: i, mould: o };
  return o;
}

module.exports = { candlesFrom, wicksFor, tallowLeft, candleLabel, shopSign, recipeIndent, rollName, frames };
'''

DIP_TEST = r'''const { candlesFrom, wicksFor, tallowLeft, candleLabel, shopSign, recipeIndent, rollName, frames } = require("../wickset");

const KINDS = ["Tallow Dip", "Rushlight", "Taper", "Mould Candle", "Bristol Dip"];

describe("dipyard dipfloor", () => {
  test("1000 g of tallow at 120 g a candle makes 8 candles", () => {
    expect(candlesFrom(1000, 120)).toBe(8);
  });

  test.each([[6, 12, 72], [3, 20, 60], [1, 9, 9]])("%i frames of %i wicks take %i wicks", (f, w, n) => {
    expect(wicksFor(f, w)).toBe(n);
  });

  test("48 kg of tallow rendered less 17.5 used leaves 30.5", () => {
    expect(tallowLeft(48, 17.5)).toBeCloseTo(30.5);
  });

  test("a candle's label is title-cased whole", () => {
    expect(candleLabel("the tallow dip of bristol")).toBe("The Tallow Dip of Bristol");
  });

  test("the shop sign is centred to a width of 20", () => {
    expect(shopSign("wick\ntallow moulds", 20)).toBe("        wick\n   tallow moulds");
  });

  test("a recipe's indent is its shortest", () => {
    expect(recipeIndent("    render the tallow\n  skim it\n      pour")).toBe(2);
  });

  test("the chandlers' roll keeps a name as written", () => {
    expect(rollName(Buffer.from("Hélène Cirier", "latin1"))).toBe("Hélène Cirier");
  });

  test("the yard's frame survey matches the expected nesting", () => {
    expect(frames(27, 4)).toEqual(frames(27, 7));
  });

  test("the wickchest holds the spare moulds", () => {
    expect({ wickchest: { moulds: 36, wicks: 144, kinds: KINDS.length } }).toStrictEqual({ wickchest: { moulds: 36, wicks: 144, kinds: 5, frames: 6 } });
  });
});
'''


def step_js(tmp: Path) -> None:
    d = tmp / "dipfloor-jest"
    (d / "test").mkdir(parents=True)
    (d / "wickset.js").write_text(DIP_JS.replace("@@TC@@", json.dumps(str(NM / "to-title-case")))
                                  .replace("@@CA@@", json.dumps(str(NM / "center-align")))
                                  .replace("@@MI@@", json.dumps(str(NM / "min-indent"))))
    (d / "test/wickset.test.js").write_text(DIP_TEST)
    (d / "package.json").write_text(json.dumps({"name": "dipfloor", "version": "0.7.66", "private": True}))
    jest = f"{NM}/.bin/jest"
    cap("jest", f"{jest} --ci --rootDir .", d, n_jest, timeout=300)
    cap("jest-tty", f"{jest} --rootDir . --colors", d, n_jest, tty=True, timeout=300)
    cap("jest-chain-tail", f"cd {d} && {jest} --ci --rootDir . -t 'roll|sign|survey|label' 2>&1 | tail -n 200", d, n_jest, timeout=300)
    lint = tmp / "lint"
    (lint / "vendor").mkdir(parents=True)
    (lint / "wickset.js").write_text((d / "wickset.js").read_text() + "\nfunction unusedRewick(s) { if (s == 0) {} return s }\n")
    (lint / "wickset.test.js").write_text(DIP_TEST)
    (lint / "vendor/tallowkey.min.js").write_text(db(w472.with_light(w434.minified)))
    (lint / "eslint.config.js").write_text(w472.ESLINT_CONFIG)
    eslint = f"{NM}/.bin/eslint"
    cap("eslint-tail", f"cd {lint} && {eslint} --color . 2>&1 | tail -n 300", lint, n_eslint, timeout=300)


# Round 368's crate in a chandler's words, paired in order with the old words of round 489's table (as round 756
# left them: only the left sides are used).
RUST_WORDS = (
    "candlewright", "Dipping: wicks, tallow and the moulds a dipping frame holds.",
    "candle_name", '"taper"', '"dip"', '"rushlight"', '"mould"', "9 is a taper", "Wickpack", "dipping_speed",
    "wick_fit", "dipping {",
)
assert len(w489.RUST_RENAMES) == len(RUST_WORDS)
w489.RUST_RENAMES = tuple((o, n) for (o, _), n in zip(w489.RUST_RENAMES, RUST_WORDS))

GO_NAMES = ["Tallow Dip", "Rushlight", "Taper", "Mould Candle", "Church Candle", "Beeswax Taper", "Spermaceti",
            "Night Light", "Altar Candle", "Carriage Candle", "Bristol Dip", "Lyon Bougie"]
GO_WORDS = ("wicktally", "tallowledger", "dipyard host", "tallow left, days", "nothing left to dip", "dipping order",
            "candle grade", "Candle", "candle", "Tallow", "tallow", "Frame", "frame", "Wicks", "wicks")
assert len(w566.GO_RENAMES) == len(GO_WORDS)
GO_RENAMES = tuple((o, n) for (o, _), n in zip(w566.GO_RENAMES, GO_WORDS))
GO_STEP = make_steps(w472.go_cap, "wicktally", "tallowledger", SEED + 3, GO_NAMES, GO_RENAMES)[0]


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
    cm.capture_round(__doc__, ensure_tools, steps, "wide766-", OUT, TMP)
    import capture_wide604
    capture_wide604.drop_and_check(OUT)
