#!/usr/bin/env python3
"""Round 739: issue #11's kinds with hostile features on real packages no earlier round used (cbuffer, ringbufferjs,
wordwrapjs, interval3, circular-buffer: small ring-buffer, text-wrapping and interval packages), round 434's material
renamed to a whittawer: pelts, alum, stakes, stretching frames and whittawers (seed 73910), with round 731's item list
and layout, through round 731's module and through it round 723's and 715's and the modules they set (their constants
replaced again by this round's), round 566's rename tables (left sides), round 555's depth_fitting, round 489's steps
and round 472's helpers, round 368's Rust crate, round 273's Go module and a jest suite in the same words; no new
rules.

Needles are read on round 368's lossless clean-up (`capture_wide368.clean368`) by the extractors earlier
rounds used, imported. See NEEDLES.md, round 739.
"""
from __future__ import annotations

import json
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import capture_wide731 as w731  # noqa: E402  (its constants, and those of the modules it sets, replaced below)
from capture_wide731 import (cm, make_steps, n_csv, n_eslint, n_grep_rn, n_jest, n_json_file, n_json_log,  # noqa: E402
                             n_lock, n_npm_install, n_npm_view, n_pip_install, n_ps_aux, w368, w434, w472, w489,
                             w555, w566, w619, w660, w667, w675, w683, w691, w699, w707, w715, w723)

w645, w640, w633, w626 = w731.w645, w731.w640, w731.w633, w731.w626
ROOT = Path("/dev/shm/hm-corpus-wide739-tools")
TMP = Path("/dev/shm/hm-corpus-wide739")
OUT = Path(__file__).resolve().parent / "data" / "wide739.json"
VENV = ROOT / "venv"
JS = ROOT / "js"
NM = JS / "node_modules"
SEED = 73910
NPM_PKGS = ("cbuffer@2.2.0", "ringbufferjs@2.0.0", "wordwrapjs@5.1.1")
PIP_PKGS = ("interval3==2.0.0", "circular-buffer==0.2.0")
w368.VENV = VENV
cm.clean_lines = w368.clean368
cap = w368.cap

# A whittawer for round 434's gasworks, paired in order with the old words of round 566's table.
WORKS_WORDS = (
    "alumchest", "stakeboard",
    "Oswin Tawley", "oswin@whittawery", "whittawery",
    "tawpit", "soak_pelts", "dress_pelt",
    "draw_pelt", "stretch_frames", "TawError",
    "tawwatch_svc", "Alumvat", "alumvat",
    "tawskin", "Tawskin", "tawkey", "tawslab",
    "retaw", "Pelrow", "pelrow", "tawstake",
    "skinlimer", "pelt_kg", "taw_brine_l", "alum_kg",
    "Tawing", "tawing", "staking", "ALUMDUST",
    "pelt", "alum", "taw", "stretch",
    "73912",
)
OLD = [o for o, _ in w566.LOFT]
assert len(OLD) == len(WORKS_WORDS)
WORKS = tuple(zip(OLD, WORKS_WORDS))
assert not [(o, n) for _, n in WORKS for o in OLD if o in n], "a new word holds an old one"
w472.LIGHT = WORKS
w472.SEED = SEED
w489.SEED = SEED  # step_rust: gen_rust draws SEED + 2 = 73912
for m in (w731, w723, w715, w707, w699, w691, w683, w675, w667, w660, w645, w640, w633, w626, w619, w619.w536, w555,
          w566, w619.w583, w619.w601, w619.w608):
    m.SEED = SEED
(w731.WORKS, w723.WORKS, w715.WORKS, w707.WORKS, w699.WORKS, w691.LOFT, w683.SHOP, w675.SHOP, w667.SHOP, w660.SHOP,
 w645.WORKS, w640.SHOP, w633.MILL, w626.WORKS, w619.MILL, w619.w583.HEARTH, w619.w601.TARHOUSE,
 w619.w608.BOILERY) = (WORKS,) * 18
db = w472.light

TAWING_UTF16 = "".join(f"{h:02d}:25\tframe {1 + h % 5} staked\tpelts {110 + h % 7 * 15} soaked\talum {'renewed' if h % 6 == 0 else 'settling'}\r\n"
                       for h in range(200))
WHITTAWERS = [("Amélie Peaublanche", "staker", 27), ("Jürgen Weißgerber", "parer", 13), ("Désirée Alunière", "soaker", 8),
              ("Åsa Skinnare", "staker", 24), ("Honoré Mégissier", "currier", 17), ("Noël Chamoiseur", "apprentice", 2),
              ("Søren Garver", "staker", 11), ("Thérèse Tanneuse", "tester", 22), ("Benoît Mégisserie", "staker", 35),
              ("Øyvind Skinnar", "limer", 5), ("Chloé Peau", "tester", 14), ("Françoise Alunage", "soaker", 23)]
(w731.MAKERS, w723.MAKERS, w715.MAKERS, w707.MAKERS, w699.MAKERS, w691.MAKERS, w683.MAKERS, w675.MAKERS, w667.MAKERS,
 w660.MAKERS, w645.MAKERS, w640.BEATERS, w633.PINMAKERS, w626.SMITHS, w619.MILLERS, w619.w583.COLLIERS,
 w619.w601.TARRERS, w619.w608.SOAPBOILERS) = (WHITTAWERS,) * 18
(w731.PUFFING_UTF16, w723.PRESSING_UTF16, w715.FIRING_UTF16, w707.PLUCKING_UTF16, w699.GRINDING_UTF16,
 w691.KNITTING_UTF16, w683.SHAPING_UTF16, w675.CARVING_UTF16, w667.GRINDING_UTF16, w660.LACING_UTF16,
 w645.FRAMING_UTF16, w640.BEATING_UTF16, w633.POINTING_UTF16, w626.TEMPER_UTF16, w619.EDGESTONE_UTF16,
 w619.w583.COLLIER_UTF16, w619.w601.TARRER_UTF16, w619.w608.BOILER_UTF16) = (TAWING_UTF16,) * 18

# Round 715's Python items (its table, imported, as rounds 723 and 731 take it), with this round's two data files.
PY_ITEMS = tuple((i, c.replace("firing_utf16.log", "tawing_utf16.log").replace("enamellers.txt", "whittawers.txt"), e, t)
                 for i, c, e, t in w715.PY_ITEMS)
assert sum("tawing_utf16.log data/whittawers.txt" in c for _, c, _, _ in PY_ITEMS) == 1


def step_python(tmp: Path) -> None:
    d = w472.LightPath(tmp / db("retortbed"))
    d.mkdir()
    w472.with_light(w434.history, d)
    d = Path(d)
    (d / db("purifier.min.js")).write_text(db(w472.with_light(w434.minified)))  # renamed once (a plain Path)
    (d / "data/tawing_utf16.log").write_bytes(TAWING_UTF16.encode("utf-16"))
    (d / "data/whittawers.txt").write_bytes("".join(f"{n}\t{p}\t{y}\n" for n, p, y in WHITTAWERS).encode("latin-1", "replace"))
    for item, cmd, ext, tty in PY_ITEMS:
        cmd = db(cmd)
        cap(item, cmd.replace("CD ", f"cd {d} && ", 1) if cmd.startswith("CD ") else cmd, d, ext, tty=tty)


def step_svc(tmp: Path) -> None:
    d = tmp / "svc"
    d.mkdir()
    svc = db(w434.SVC)
    for name, nb, big, na in (("tawwatch_a.py", 61, 880, 79), ("tawwatch_b.py", 46, 910, 112)):
        (d / name).write_text(svc.replace("N_BEFORE", str(nb)).replace("BIG", str(big)).replace("N_AFTER", str(na)))
    cap("json-log-a", "python tawwatch_a.py", d, n_json_log)
    cap("json-log-b-grep", "python tawwatch_b.py 2>&1 | grep -v '\"alumchest cycle\"' | tail -n 150", d, n_json_log)


def step_tables(tmp: Path) -> None:
    d = tmp / "tables"
    d.mkdir()
    cap("ps-aux-cut", "ps auxww | cut -c1-300", d, n_ps_aux)
    cm.run("dpkg-query -W -f='${Package},${Installed-Size},${Section},${Priority},${Version}\\r\\n' | sort -t, -k3,3 -k2,2n > pkgs.csv", cwd=d)
    (d / "hdr.csv").write_bytes(b"package,installed_kb,section,priority,version\r\n")
    cap("csv-crlf-head", "cat hdr.csv pkgs.csv | head -n 340", d, n_csv)
    rnd = random.Random(SEED + 7)
    rows = ["whittawer,post,pelts,alum_kg,town"]
    for i in range(440):
        n, p, _ = WHITTAWERS[i % len(WHITTAWERS)]
        rows.append(f"{n},{p},{rnd.randint(2, 240)},{rnd.randint(5, 470) / 10},{'Yeovil' if i % 211 else 'Worcester'}")
    (d / "whittawers.csv").write_bytes(("\n".join(rows) + "\n").encode("latin-1"))
    cap("csv-latin1", "cat whittawers.csv", d, n_csv)


def deep_pkg(depth: int) -> str:
    rnd = random.Random(SEED + 5)
    cfg: dict = {"pelt_kg": rnd.randint(2, 9)}
    for i in range(depth, 0, -1):
        cfg = {"frame": i, "brine_l": rnd.randint(1, 99) / 10, "stake": cfg}
    return json.dumps({"name": "tawroom", "version": "0.7.39", "private": True,
                       "dependencies": {"cbuffer": "2.2.0", "ringbufferjs": "2.0.0", "wordwrapjs": "5.1.1"},
                       "devDependencies": {"jest": "*", "eslint": "*"}, "whittawery": {"frames": cfg}})


(w731.deep_pkg, w723.deep_pkg, w715.deep_pkg, w707.deep_pkg, w699.deep_pkg, w691.deep_pkg, w683.deep_pkg,
 w675.deep_pkg, w667.deep_pkg, w660.deep_pkg, w645.deep_pkg, w640.deep_pkg, w555.deep_pkg, w633.deep_pkg,
 w626.deep_pkg, w619.deep_pkg, w619.w583.deep_pkg, w619.w601.deep_pkg, w619.w608.deep_pkg) = (deep_pkg,) * 19
w555.DEPTH = 230


def step_pkg(tmp: Path) -> None:
    d = tmp / "tawroom"
    d.mkdir()
    depth = w555.depth_fitting()
    cm.note(f"deep package.json: {depth} levels")
    (d / "package.json").write_text(deep_pkg(depth))
    cap("json-deep-tool", "python -m json.tool --indent 1 package.json", d, n_json_file)
    for pkg in ("cbuffer", "ringbufferjs", "wordwrapjs"):
        cap(f"npm-view-{pkg}", f"npm view {pkg} --json", d, n_npm_view, timeout=120)
    n = tmp / "npmtty"
    n.mkdir()
    cm.run("npm init -y >/dev/null", cwd=n)
    cap("npm-install-tty", "env -u CI npm install --no-audit --no-fund --loglevel=http " + " ".join(NPM_PKGS), n, n_npm_install, tty=True, timeout=300)
    cap("package-lock", "cat package-lock.json", n, n_lock)
    cap("grep-rn-cbuffer-ringbufferjs", "grep -rn 'function\\|return\\|prototype' node_modules/cbuffer node_modules/ringbufferjs --include=*.js | head -n 400", n, n_grep_rn)
    cap("grep-rn-cat-wordwrapjs", "cat node_modules/wordwrapjs/package.json; grep -rn 'function\\|return\\|width' node_modules/wordwrapjs --include=*.js --include=*.cjs | head -n 260", n, n_grep_rn)
    p = tmp / "pipv"
    cm.run(f"python3 -m venv {p}", timeout=300)
    cap("pip-install-tty", f"env -u PIP_FIND_LINKS PIP_CONFIG_FILE=/dev/null {p}/bin/pip install --no-cache-dir --progress-bar on " + " ".join(PIP_PKGS), tmp,
        n_pip_install, tty=True, timeout=400)


# A jest suite written here: a whittawer's pelts, stakes, brine pit, soak log, staking queue, labels and leather kinds,
# with bugs put in (fixed before the run).
TAW_JS = r'''const CBuffer = require(@@CB@@);
const RingBuffer = require(@@RB@@);
const wordwrap = require(@@WW@@);

// Pelts cut from a hide: the hide's area over one pelt's, rounded down (bug: rounded up).
function peltsCut(hideDm2, peltDm2) {
  return Math.ceil(hideDm2 / peltDm2);
}

// Stakes for a row of frames: one a frame and one spare (bug: one short of the frames).
function stakesFor(frames) {
  return frames - 1;
}

// Brine left in the pit: what was mixed less what was used (bug: the used brine added).
function brineLeft(mixedL, usedL) {
  return Math.round((mixedL + usedL) * 100) / 100;
}

// The last n soaks kept in a circular buffer (bug: the buffer one too long).
function lastSoaks(soaks, n) {
  const buf = new CBuffer(n + 1);
  for (const s of soaks) buf.push(s);
  return buf.toArray();
}

// The staking queue: first soaked, first staked (bug: the queue too short, so the oldest pelts are dropped).
function nextStakings(kinds, n) {
  const q = new RingBuffer(2);
  for (const k of kinds) q.enq(k);
  const out = [];
  for (let i = 0; i < n && !q.isEmpty(); i++) out.push(q.deq());
  return out;
}

// A bale label wrapped at 20 columns (bug: wrapped at 30).
function labelLines(text) {
  return wordwrap.wrap(text, { width: 30 }).split("\n");
}

// A whittawer's name read from the latin-1 roll (bug: read as UTF-8).
function rollName(bytes) {
  return Buffer.from(bytes).toString("utf8");
}

function frames(depth, pelt) {
  let o = { pelt_kg: pelt };
  for (let i = depth; i > 0; i--) o = { frame: i, stake: o };
  return o;
}

module.exports = { peltsCut, stakesFor, brineLeft, lastSoaks, nextStakings, labelLines, rollName, frames };
'''

TAW_TEST = r'''const { peltsCut, stakesFor, brineLeft, lastSoaks, nextStakings, labelLines, rollName, frames } = require("../tawskin");

const KINDS = ["Glove Kid", "Purse Lamb", "Bookbinding Calf", "Saddle Sheep", "Apron Goat"];

describe("whittawery tawroom", () => {
  test("a 100 dm2 hide at 12 dm2 a pelt cuts 8 pelts", () => {
    expect(peltsCut(100, 12)).toBe(8);
  });

  test.each([[16, 17], [8, 9], [0, 1]])("%i frames take %i stakes", (f, n) => {
    expect(stakesFor(f)).toBe(n);
  });

  test("60 l of brine mixed less 22.5 used leaves 37.5", () => {
    expect(brineLeft(60, 22.5)).toBeCloseTo(37.5);
  });

  test("the soak log keeps the last three soaks", () => {
    expect(lastSoaks(KINDS, 3)).toEqual(["Bookbinding Calf", "Saddle Sheep", "Apron Goat"]);
  });

  test("the staking queue stakes the oldest pelt first", () => {
    expect(nextStakings(["Glove Kid", "Purse Lamb", "Bookbinding Calf"], 2)).toEqual(["Glove Kid", "Purse Lamb"]);
  });

  test("a bale label wraps to three lines of 20 columns", () => {
    expect(labelLines("twelve glove kid pelts tawed in alum and salt at Yeovil")).toEqual(["twelve glove kid", "pelts tawed in alum", "and salt at Yeovil"]);
  });

  test("the whittawers' roll keeps a name as written", () => {
    expect(rollName(Buffer.from("Amélie Peaublanche", "latin1"))).toBe("Amélie Peaublanche");
  });

  test("the works' frame survey matches the expected nesting", () => {
    expect(frames(27, 4)).toEqual(frames(27, 7));
  });

  test("the alumchest holds the spare stakes", () => {
    expect({ alumchest: { stakes: 40, frames: 120 } }).toStrictEqual({ alumchest: { stakes: 40, frames: 120, pelts: 8 } });
  });
});
'''


def step_js(tmp: Path) -> None:
    d = tmp / "tawroom-jest"
    (d / "test").mkdir(parents=True)
    (d / "tawskin.js").write_text(TAW_JS.replace("@@CB@@", json.dumps(str(NM / "cbuffer")))
                                  .replace("@@RB@@", json.dumps(str(NM / "ringbufferjs")))
                                  .replace("@@WW@@", json.dumps(str(NM / "wordwrapjs/dist/index.cjs"))))  # its CommonJS build: the folder's index.js is ESM
    (d / "test/tawskin.test.js").write_text(TAW_TEST)
    (d / "package.json").write_text(json.dumps({"name": "tawroom", "version": "0.7.39", "private": True}))
    jest = f"{NM}/.bin/jest"
    cap("jest", f"{jest} --ci --rootDir .", d, n_jest, timeout=300)
    cap("jest-tty", f"{jest} --rootDir . --colors", d, n_jest, tty=True, timeout=300)
    cap("jest-chain-tail", f"cd {d} && {jest} --ci --rootDir . -t 'roll|queue|survey|label' 2>&1 | tail -n 200", d, n_jest, timeout=300)
    lint = tmp / "lint"
    (lint / "vendor").mkdir(parents=True)
    (lint / "tawskin.js").write_text((d / "tawskin.js").read_text() + "\nfunction unusedRetaw(s) { if (s == 0) {} return s }\n")
    (lint / "tawskin.test.js").write_text(TAW_TEST)
    (lint / "vendor/tawkey.min.js").write_text(db(w472.with_light(w434.minified)))
    (lint / "eslint.config.js").write_text(w472.ESLINT_CONFIG)
    eslint = f"{NM}/.bin/eslint"
    cap("eslint-tail", f"cd {lint} && {eslint} --color . 2>&1 | tail -n 300", lint, n_eslint, timeout=300)


# Round 368's crate in a whittawer's words, paired in order with the old words of round 489's table (as round 731
# left them: only the left sides are used).
RUST_WORDS = (
    "skinwright", "Tawing: pelts, alum and the stakes a stretching frame holds.",
    "leather_name", '"glovekid"', '"purselamb"', '"bindcalf"', '"apronsheep"', "9 is a glovekid", "Stakepack", "staking_speed",
    "stake_fit", "tawing {",
)
assert len(w489.RUST_RENAMES) == len(RUST_WORDS)
w489.RUST_RENAMES = tuple((o, n) for (o, _), n in zip(w489.RUST_RENAMES, RUST_WORDS))

GO_NAMES = ["Glove Kid", "Purse Lamb", "Bookbinding Calf", "Saddle Sheep", "Apron Goat", "Chamois",
            "Doe Skin", "Kid Mitten", "Bellows Sheep", "Girdle Calf", "Yeovil Kid", "Worcester Lamb"]
GO_WORDS = ("pelttally", "peltledger", "whittawery host", "alum left, days", "nothing left to taw", "tawing order",
            "pelt grade", "Pelt", "pelt", "Alum", "alum", "Frame", "frame", "Stakes", "stakes")
assert len(w566.GO_RENAMES) == len(GO_WORDS)
GO_RENAMES = tuple((o, n) for (o, _), n in zip(w566.GO_RENAMES, GO_WORDS))
GO_STEP = make_steps(w472.go_cap, "pelttally", "peltledger", SEED + 3, GO_NAMES, GO_RENAMES)[0]


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
    cm.capture_round(__doc__, ensure_tools, steps, "wide739-", OUT, TMP)
