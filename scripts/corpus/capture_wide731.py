#!/usr/bin/env python3
"""Round 731: issue #11's kinds with hostile features on real packages no earlier round used (color-contrast-checker,
wcag-color, levenary, wcag-contrast-ratio, Distance: small colour-contrast and string-distance packages), round 434's
material renamed to a bellows maker: hides, boards, gussets, nozzles and bellowsmakers (seed 73110), with round
723's item list and layout, through round 723's module and through it round 715's and the modules they set (their
constants replaced again by this round's), round 566's rename tables (left sides), round 555's depth_fitting, round
489's steps and round 472's helpers, round 368's Rust crate, round 273's Go module and a jest suite in the same words;
no new rules.

Needles are read on round 368's lossless clean-up (`capture_wide368.clean368`) by the extractors earlier
rounds used, imported. See NEEDLES.md, round 731.
"""
from __future__ import annotations

import json
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import capture_wide723 as w723  # noqa: E402  (its constants, and those of the modules it sets, replaced below)
from capture_wide723 import (cm, make_steps, n_csv, n_eslint, n_grep_rn, n_jest, n_json_file, n_json_log,  # noqa: E402
                             n_lock, n_npm_install, n_npm_view, n_pip_install, n_ps_aux, w368, w434, w472, w489,
                             w555, w566, w619, w660, w667, w675, w683, w691, w699, w707, w715)

w645, w640, w633, w626 = w715.w645, w715.w640, w715.w633, w715.w626
ROOT = Path("/dev/shm/hm-corpus-wide731-tools")
TMP = Path("/dev/shm/hm-corpus-wide731")
OUT = Path(__file__).resolve().parent / "data" / "wide731.json"
VENV = ROOT / "venv"
JS = ROOT / "js"
NM = JS / "node_modules"
SEED = 73110
NPM_PKGS = ("color-contrast-checker@2.1.0", "wcag-color@1.1.1", "levenary@1.1.1")
PIP_PKGS = ("wcag-contrast-ratio==0.9", "Distance==0.1.3")
w368.VENV = VENV
cm.clean_lines = w368.clean368
cap = w368.cap

# A bellows maker for round 434's gasworks, paired in order with the old words of round 566's table.
WORKS_WORDS = (
    "bellchest", "gussetboard",
    "Tabitha Blastwell", "tabitha@bellowsworks", "bellowsworks",
    "leatherpress", "pleat_hides", "lay_hides",
    "draw_nozzle", "rack_boards", "PuffError",
    "bellwatch_svc", "Hidemill", "hidemill",
    "bellhide", "Bellhide", "bellkey", "bellslab",
    "reslat", "Boardrow", "boardrow", "bellgusset",
    "tanpitter", "hide_kg", "bell_puff_l", "grease_kg",
    "Puffing", "puffing", "tanning", "HIDEDUST",
    "hide", "grease", "bellows", "puff",
    "73112",
)
OLD = [o for o, _ in w566.LOFT]
assert len(OLD) == len(WORKS_WORDS)
WORKS = tuple(zip(OLD, WORKS_WORDS))
assert not [(o, n) for _, n in WORKS for o in OLD if o in n], "a new word holds an old one"
w472.LIGHT = WORKS
w472.SEED = SEED
w489.SEED = SEED  # step_rust: gen_rust draws SEED + 2 = 73112
for m in (w723, w715, w707, w699, w691, w683, w675, w667, w660, w645, w640, w633, w626, w619, w619.w536, w555, w566,
          w619.w583, w619.w601, w619.w608):
    m.SEED = SEED
(w723.WORKS, w715.WORKS, w707.WORKS, w699.WORKS, w691.LOFT, w683.SHOP, w675.SHOP, w667.SHOP, w660.SHOP, w645.WORKS,
 w640.SHOP, w633.MILL, w626.WORKS, w619.MILL, w619.w583.HEARTH, w619.w601.TARHOUSE, w619.w608.BOILERY) = (WORKS,) * 17
db = w472.light

PUFFING_UTF16 = "".join(f"{h:02d}:40\tboard {1 + h % 5} pleated\tnozzles {120 + h % 7 * 15} fitted\thides {'retanned' if h % 6 == 0 else 'drying'}\r\n"
                        for h in range(200))
MAKERS = [("Amélie Soufflet", "pleater", 27), ("Jürgen Blasebalg", "boardwright", 13), ("Désirée Tuyère", "nozzler", 8),
          ("Åsa Bälgmakare", "pleater", 24), ("Honoré Cuirassier", "currier", 17), ("Noël Gousset", "apprentice", 2),
          ("Søren Blæsebælg", "pleater", 11), ("Thérèse Forgeron", "tester", 22), ("Benoît Soufflerie", "pleater", 35),
          ("Øyvind Belg", "greaser", 5), ("Chloé Vent", "tester", 14), ("Françoise Tannière", "nozzler", 23)]
(w723.MAKERS, w715.MAKERS, w707.MAKERS, w699.MAKERS, w691.MAKERS, w683.MAKERS, w675.MAKERS, w667.MAKERS,
 w660.MAKERS, w645.MAKERS, w640.BEATERS, w633.PINMAKERS, w626.SMITHS, w619.MILLERS, w619.w583.COLLIERS,
 w619.w601.TARRERS, w619.w608.SOAPBOILERS) = (MAKERS,) * 17
(w723.PRESSING_UTF16, w715.FIRING_UTF16, w707.PLUCKING_UTF16, w699.GRINDING_UTF16, w691.KNITTING_UTF16,
 w683.SHAPING_UTF16, w675.CARVING_UTF16, w667.GRINDING_UTF16, w660.LACING_UTF16, w645.FRAMING_UTF16,
 w640.BEATING_UTF16, w633.POINTING_UTF16, w626.TEMPER_UTF16, w619.EDGESTONE_UTF16, w619.w583.COLLIER_UTF16,
 w619.w601.TARRER_UTF16, w619.w608.BOILER_UTF16) = (PUFFING_UTF16,) * 17

# Round 715's Python items (its table, imported, as round 723 takes it), with this round's two data files.
PY_ITEMS = tuple((i, c.replace("firing_utf16.log", "puffing_utf16.log").replace("enamellers.txt", "bellowsmakers.txt"), e, t)
                 for i, c, e, t in w715.PY_ITEMS)
assert sum("puffing_utf16.log data/bellowsmakers.txt" in c for _, c, _, _ in PY_ITEMS) == 1


def step_python(tmp: Path) -> None:
    d = w472.LightPath(tmp / db("retortbed"))
    d.mkdir()
    w472.with_light(w434.history, d)
    d = Path(d)
    (d / db("purifier.min.js")).write_text(db(w472.with_light(w434.minified)))  # renamed once (a plain Path)
    (d / "data/puffing_utf16.log").write_bytes(PUFFING_UTF16.encode("utf-16"))
    (d / "data/bellowsmakers.txt").write_bytes("".join(f"{n}\t{p}\t{y}\n" for n, p, y in MAKERS).encode("latin-1", "replace"))
    for item, cmd, ext, tty in PY_ITEMS:
        cmd = db(cmd)
        cap(item, cmd.replace("CD ", f"cd {d} && ", 1) if cmd.startswith("CD ") else cmd, d, ext, tty=tty)


def step_svc(tmp: Path) -> None:
    d = tmp / "svc"
    d.mkdir()
    svc = db(w434.SVC)
    for name, nb, big, na in (("bellwatch_a.py", 63, 860, 77), ("bellwatch_b.py", 44, 930, 114)):
        (d / name).write_text(svc.replace("N_BEFORE", str(nb)).replace("BIG", str(big)).replace("N_AFTER", str(na)))
    cap("json-log-a", "python bellwatch_a.py", d, n_json_log)
    cap("json-log-b-grep", "python bellwatch_b.py 2>&1 | grep -v '\"bellchest cycle\"' | tail -n 150", d, n_json_log)


def step_tables(tmp: Path) -> None:
    d = tmp / "tables"
    d.mkdir()
    cap("ps-aux-cut", "ps auxww | cut -c1-300", d, n_ps_aux)
    cm.run("dpkg-query -W -f='${Package},${Installed-Size},${Section},${Priority},${Version}\\r\\n' | sort -t, -k3,3 -k2,2n > pkgs.csv", cwd=d)
    (d / "hdr.csv").write_bytes(b"package,installed_kb,section,priority,version\r\n")
    cap("csv-crlf-head", "cat hdr.csv pkgs.csv | head -n 340", d, n_csv)
    rnd = random.Random(SEED + 7)
    rows = ["bellowsmaker,post,nozzles,hide_kg,region"]
    for i in range(440):
        n, p, _ = MAKERS[i % len(MAKERS)]
        rows.append(f"{n},{p},{rnd.randint(2, 240)},{rnd.randint(5, 470) / 10},{'Sheffield' if i % 211 else 'Solingen'}")
    (d / "bellowsmakers.csv").write_bytes(("\n".join(rows) + "\n").encode("latin-1"))
    cap("csv-latin1", "cat bellowsmakers.csv", d, n_csv)


def deep_pkg(depth: int) -> str:
    rnd = random.Random(SEED + 5)
    cfg: dict = {"hide_kg": rnd.randint(2, 9)}
    for i in range(depth, 0, -1):
        cfg = {"board": i, "grease_l": rnd.randint(1, 99) / 10, "gusset": cfg}
    return json.dumps({"name": "bellroom", "version": "0.7.31", "private": True,
                       "dependencies": {"color-contrast-checker": "2.1.0", "wcag-color": "1.1.1", "levenary": "1.1.1"},
                       "devDependencies": {"jest": "*", "eslint": "*"}, "bellowsworks": {"boards": cfg}})


(w723.deep_pkg, w715.deep_pkg, w707.deep_pkg, w699.deep_pkg, w691.deep_pkg, w683.deep_pkg, w675.deep_pkg,
 w667.deep_pkg, w660.deep_pkg, w645.deep_pkg, w640.deep_pkg, w555.deep_pkg, w633.deep_pkg, w626.deep_pkg,
 w619.deep_pkg, w619.w583.deep_pkg, w619.w601.deep_pkg, w619.w608.deep_pkg) = (deep_pkg,) * 18
w555.DEPTH = 230


def step_pkg(tmp: Path) -> None:
    d = tmp / "bellroom"
    d.mkdir()
    depth = w555.depth_fitting()
    cm.note(f"deep package.json: {depth} levels")
    (d / "package.json").write_text(deep_pkg(depth))
    cap("json-deep-tool", "python -m json.tool --indent 1 package.json", d, n_json_file)
    for pkg in ("color-contrast-checker", "wcag-color", "levenary"):
        cap(f"npm-view-{pkg}", f"npm view {pkg} --json", d, n_npm_view, timeout=120)
    n = tmp / "npmtty"
    n.mkdir()
    cm.run("npm init -y >/dev/null", cwd=n)
    cap("npm-install-tty", "env -u CI npm install --no-audit --no-fund --loglevel=http " + " ".join(NPM_PKGS), n, n_npm_install, tty=True, timeout=300)
    cap("package-lock", "cat package-lock.json", n, n_lock)
    cap("grep-rn-ccc-levenary", "grep -rn 'function\\|return\\|require' node_modules/color-contrast-checker node_modules/levenary node_modules/leven --include=*.js | head -n 400", n, n_grep_rn)
    cap("grep-rn-cat-wcag-color", "cat node_modules/wcag-color/package.json; grep -rn 'function\\|return\\|contrast' node_modules/wcag-color --include=*.js | head -n 260", n, n_grep_rn)
    p = tmp / "pipv"
    cm.run(f"python3 -m venv {p}", timeout=300)
    cap("pip-install-tty", f"env -u PIP_FIND_LINKS PIP_CONFIG_FILE=/dev/null {p}/bin/pip install --no-cache-dir --progress-bar on " + " ".join(PIP_PKGS), tmp,
        n_pip_install, tty=True, timeout=400)


# A jest suite written here: a bellows maker's nozzles, gussets, grease pot, puffing queue, leather colours and bellows
# kinds, with bugs put in (fixed before the run).
BELL_JS = r'''const ColorContrastChecker = require(@@CC@@);
const wcag = require(@@WC@@);
const levenary = require(@@LV@@).default;

// Nozzles cut from a hide: the hide's area over one nozzle's, rounded down (bug: rounded up).
function nozzlesCut(hideDm2, nozzleDm2) {
  return Math.ceil(hideDm2 / nozzleDm2);
}

// Gussets for a pair of boards: one a pleat and one spare (bug: one short of the pleats).
function gussetsFor(pleats) {
  return pleats - 1;
}

// Grease left in the pot: what was rendered less what was used (bug: the used grease added).
function greaseLeft(renderedL, usedL) {
  return Math.round((renderedL + usedL) * 100) / 100;
}

// The puffing queue: first boarded, first puffed (bug: the newest puffing taken first).
function nextPuffings(kinds, n) {
  const q = kinds.slice();
  const out = [];
  for (let i = 0; i < n && q.length > 0; i++) out.push(q.pop());
  return out;
}

// A leather colour pair checked at WCAG AA, 14 pt (bug: checked at AAA).
function readableAA(fg, bg) {
  return new ColorContrastChecker().isLevelAAA(fg, bg, 14);
}

// The WCAG grade of a stamped label (bug: the ratio misread, one less).
function labelGrade(fg, bg) {
  return wcag.scoreFromRatio(wcag.ratio(fg, bg) - 1);
}

// The bellows kind closest to a maker's scrawl (bug: the scrawl's words looked up in reverse order).
function closestKind(scrawl, kinds) {
  return levenary(scrawl.split(" ").reverse().join(" "), kinds);
}

// A bellowsmaker's name read from the latin-1 roll (bug: read as UTF-8).
function rollName(bytes) {
  return Buffer.from(bytes).toString("utf8");
}

function boards(depth, hide) {
  let o = { hide_kg: hide };
  for (let i = depth; i > 0; i--) o = { board: i, gusset: o };
  return o;
}

module.exports = { nozzlesCut, gussetsFor, greaseLeft, nextPuffings, readableAA, labelGrade, closestKind, rollName, boards };
'''

BELL_TEST = r'''const { nozzlesCut, gussetsFor, greaseLeft, nextPuffings, readableAA, labelGrade, closestKind, rollName, boards } = require("../bellhide");

const KINDS = ["Great Bellows", "Forge Bellows", "Organ Bellows", "Hand Bellows", "Double Blast"];

describe("bellowsworks bellroom", () => {
  test("a 100 dm2 hide at 12 dm2 a nozzle cuts 8 nozzles", () => {
    expect(nozzlesCut(100, 12)).toBe(8);
  });

  test.each([[16, 17], [8, 9], [0, 1]])("%i pleats take %i gussets", (p, n) => {
    expect(gussetsFor(p)).toBe(n);
  });

  test("60 l of grease rendered less 22.5 used leaves 37.5", () => {
    expect(greaseLeft(60, 22.5)).toBeCloseTo(37.5);
  });

  test("the puffing queue puffs the oldest board first", () => {
    expect(nextPuffings(["Great Bellows", "Forge Bellows", "Organ Bellows"], 2)).toEqual(["Great Bellows", "Forge Bellows"]);
  });

  test("grey #767676 stamped on white leather reads at AA", () => {
    expect(readableAA("#767676", "#FFFFFF")).toBe(true);
  });

  test("a #959595 label on white grades AA Large", () => {
    expect(labelGrade("#959595", "#ffffff")).toBe("AA Large");
  });

  test("the scrawl 'forge bellow' is the Forge Bellows", () => {
    expect(closestKind("forge bellow", KINDS)).toBe("Forge Bellows");
  });

  test("the bellowsmakers' roll keeps a name as written", () => {
    expect(rollName(Buffer.from("Amélie Soufflet", "latin1"))).toBe("Amélie Soufflet");
  });

  test("the works' board survey matches the expected nesting", () => {
    expect(boards(27, 4)).toEqual(boards(27, 7));
  });

  test("the bellchest holds the spare gussets", () => {
    expect({ bellchest: { gussets: 40, boards: 120 } }).toStrictEqual({ bellchest: { gussets: 40, boards: 120, nozzles: 8 } });
  });
});
'''


def step_js(tmp: Path) -> None:
    d = tmp / "bellroom-jest"
    (d / "test").mkdir(parents=True)
    (d / "bellhide.js").write_text(BELL_JS.replace("@@CC@@", json.dumps(str(NM / "color-contrast-checker")))
                                   .replace("@@WC@@", json.dumps(str(NM / "wcag-color")))
                                   .replace("@@LV@@", json.dumps(str(NM / "levenary"))))
    (d / "test/bellhide.test.js").write_text(BELL_TEST)
    (d / "package.json").write_text(json.dumps({"name": "bellroom", "version": "0.7.31", "private": True}))
    jest = f"{NM}/.bin/jest"
    cap("jest", f"{jest} --ci --rootDir .", d, n_jest, timeout=300)
    cap("jest-tty", f"{jest} --rootDir . --colors", d, n_jest, tty=True, timeout=300)
    cap("jest-chain-tail", f"cd {d} && {jest} --ci --rootDir . -t 'roll|queue|survey|scrawl' 2>&1 | tail -n 200", d, n_jest, timeout=300)
    lint = tmp / "lint"
    (lint / "vendor").mkdir(parents=True)
    (lint / "bellhide.js").write_text((d / "bellhide.js").read_text() + "\nfunction unusedReslat(s) { if (s == 0) {} return s }\n")
    (lint / "bellhide.test.js").write_text(BELL_TEST)
    (lint / "vendor/bellkey.min.js").write_text(db(w472.with_light(w434.minified)))
    (lint / "eslint.config.js").write_text(w472.ESLINT_CONFIG)
    eslint = f"{NM}/.bin/eslint"
    cap("eslint-tail", f"cd {lint} && {eslint} --color . 2>&1 | tail -n 300", lint, n_eslint, timeout=300)


# Round 368's crate in a bellows maker's words, paired in order with the old words of round 489's table.
RUST_WORDS = (
    "nozzlewright", "Bellows making: hides, grease and the nozzles a puffing fits.",
    "board_name", '"elmboard"', '"beechboard"', '"oakboard"', '"yewboard"', "9 is an elmboard", "Nozzlepack", "puff_speed",
    "nozzle_fit", "puffing {",
)
assert len(w489.RUST_RENAMES) == len(RUST_WORDS)
w489.RUST_RENAMES = tuple((o, n) for (o, _), n in zip(w489.RUST_RENAMES, RUST_WORDS))

GO_NAMES = ["Great Bellows", "Forge Bellows", "Organ Bellows", "Hand Bellows", "Double Blast", "Smith Bellows",
            "Foot Bellows", "Kitchen Puffer", "Box Bellows", "Fireside Puffer", "Sheffield Bellows", "Solingen Bellows"]
GO_WORDS = ("pufftally", "puffledger", "bellowsworks host", "grease left, days", "nothing left to puff", "puffing order",
            "nozzle grade", "Nozzle", "nozzle", "Hide", "hide", "Board", "board", "Gussets", "gussets")
assert len(w566.GO_RENAMES) == len(GO_WORDS)
GO_RENAMES = tuple((o, n) for (o, _), n in zip(w566.GO_RENAMES, GO_WORDS))
GO_STEP = make_steps(w472.go_cap, "pufftally", "puffledger", SEED + 3, GO_NAMES, GO_RENAMES)[0]


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
    cm.capture_round(__doc__, ensure_tools, steps, "wide731-", OUT, TMP)
