#!/usr/bin/env python3
"""Round 747: issue #11's kinds with hostile features on real packages no earlier round used (pluralise,
smart-truncate, truncate-middle, table2ascii, simple-table: small pluralization, text-truncation and ascii-table
packages), round 434's material renamed to a plumassier: ostrich plumes, dye vats, curling knives and plumassiers
(seed 74710), with round 739's item list and layout, through round 739's module and through it round 731's, 723's and
715's and the modules they set (their constants replaced again by this round's), round 566's rename tables (left
sides), round 555's depth_fitting, round 489's steps and round 472's helpers, round 368's Rust crate, round 273's Go
module and a jest suite in the same words; no new rules.

Needles are read on round 368's lossless clean-up (`capture_wide368.clean368`) by the extractors earlier
rounds used, imported. See NEEDLES.md, round 747.
"""
from __future__ import annotations

import json
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import capture_wide739 as w739  # noqa: E402  (its constants, and those of the modules it sets, replaced below)
from capture_wide739 import (cm, make_steps, n_csv, n_eslint, n_grep_rn, n_jest, n_json_file, n_json_log,  # noqa: E402
                             n_lock, n_npm_install, n_npm_view, n_pip_install, n_ps_aux, w368, w434, w472, w489,
                             w555, w566, w619, w660, w667, w675, w683, w691, w699, w707, w715, w723, w731)

w645, w640, w633, w626 = w739.w645, w739.w640, w739.w633, w739.w626
ROOT = Path("/dev/shm/hm-corpus-wide747-tools")
TMP = Path("/dev/shm/hm-corpus-wide747")
OUT = Path(__file__).resolve().parent / "data" / "wide747.json"
VENV = ROOT / "venv"
JS = ROOT / "js"
NM = JS / "node_modules"
SEED = 74710
NPM_PKGS = ("pluralise@1.0.1", "smart-truncate@1.0.1", "truncate-middle@2.0.1")
PIP_PKGS = ("table2ascii==1.2.1", "simple-table==0.0.3")
w368.VENV = VENV
cm.clean_lines = w368.clean368
cap = w368.cap

# A plumassier for round 434's gasworks, paired in order with the old words of round 566's table.
WORKS_WORDS = (
    "plumecase", "curlingtable",
    "Ottilie Plumridge", "ottilie@plumery", "plumery",
    "plumevat", "steam_plumes", "curl_plume",
    "dye_plume", "wash_quills", "CurlError",
    "plumewatch_svc", "Egretrack", "egretrack",
    "plumeset", "Plumeset", "curlkey", "curlslab",
    "recurl", "Plumrow", "plumrow", "quillstand",
    "barbtrimmer", "plume_kg", "dye_bath_l", "dye_kg",
    "Curling", "curling", "steaming", "DYEFUME",
    "plume", "dye", "quill", "steam",
    "74712",
)
OLD = [o for o, _ in w566.LOFT]
assert len(OLD) == len(WORKS_WORDS)
WORKS = tuple(zip(OLD, WORKS_WORDS))
assert not [(o, n) for _, n in WORKS for o in OLD if o in n], "a new word holds an old one"
w472.LIGHT = WORKS
w472.SEED = SEED
w489.SEED = SEED  # step_rust: gen_rust draws SEED + 2 = 74712
for m in (w739, w731, w723, w715, w707, w699, w691, w683, w675, w667, w660, w645, w640, w633, w626, w619, w619.w536,
          w555, w566, w619.w583, w619.w601, w619.w608):
    m.SEED = SEED
(w739.WORKS, w731.WORKS, w723.WORKS, w715.WORKS, w707.WORKS, w699.WORKS, w691.LOFT, w683.SHOP, w675.SHOP, w667.SHOP,
 w660.SHOP, w645.WORKS, w640.SHOP, w633.MILL, w626.WORKS, w619.MILL, w619.w583.HEARTH, w619.w601.TARHOUSE,
 w619.w608.BOILERY) = (WORKS,) * 19
db = w472.light

CURLING_UTF16 = "".join(f"{h:02d}:35\tbench {1 + h % 5} curled\tplumes {40 + h % 9 * 12} dyed\tvat {'fresh' if h % 6 == 0 else 'settling'}\r\n"
                        for h in range(200))
PLUMASSIERS = [("Ottilie Plumeau", "curler", 27), ("Héloïse Plumassière", "dyer", 13), ("Jérôme Autruche", "sorter", 8),
               ("Gisèle Aigrette", "curler", 24), ("Mathéo Marabout", "mounter", 17), ("Zoé Plumetis", "apprentice", 2),
               ("Björn Fjäder", "curler", 11), ("Aurélie Panache", "tester", 22), ("Léonie Héron", "curler", 35),
               ("Åke Strutsfjäder", "washer", 5), ("Noémie Duvet", "tester", 14), ("François Plumier", "dyer", 23)]
(w739.WHITTAWERS, w731.MAKERS, w723.MAKERS, w715.MAKERS, w707.MAKERS, w699.MAKERS, w691.MAKERS, w683.MAKERS,
 w675.MAKERS, w667.MAKERS, w660.MAKERS, w645.MAKERS, w640.BEATERS, w633.PINMAKERS, w626.SMITHS, w619.MILLERS,
 w619.w583.COLLIERS, w619.w601.TARRERS, w619.w608.SOAPBOILERS) = (PLUMASSIERS,) * 19
(w739.TAWING_UTF16, w731.PUFFING_UTF16, w723.PRESSING_UTF16, w715.FIRING_UTF16, w707.PLUCKING_UTF16,
 w699.GRINDING_UTF16, w691.KNITTING_UTF16, w683.SHAPING_UTF16, w675.CARVING_UTF16, w667.GRINDING_UTF16,
 w660.LACING_UTF16, w645.FRAMING_UTF16, w640.BEATING_UTF16, w633.POINTING_UTF16, w626.TEMPER_UTF16,
 w619.EDGESTONE_UTF16, w619.w583.COLLIER_UTF16, w619.w601.TARRER_UTF16, w619.w608.BOILER_UTF16) = (CURLING_UTF16,) * 19

# Round 715's Python items (its table, imported, as rounds 723, 731 and 739 take it), with this round's two data files.
PY_ITEMS = tuple((i, c.replace("firing_utf16.log", "curling_utf16.log").replace("enamellers.txt", "plumassiers.txt"), e, t)
                 for i, c, e, t in w715.PY_ITEMS)
assert sum("curling_utf16.log data/plumassiers.txt" in c for _, c, _, _ in PY_ITEMS) == 1


def step_python(tmp: Path) -> None:
    d = w472.LightPath(tmp / db("retortbed"))
    d.mkdir()
    w472.with_light(w434.history, d)
    d = Path(d)
    (d / db("purifier.min.js")).write_text(db(w472.with_light(w434.minified)))  # renamed once (a plain Path)
    (d / "data/curling_utf16.log").write_bytes(CURLING_UTF16.encode("utf-16"))
    (d / "data/plumassiers.txt").write_bytes("".join(f"{n}\t{p}\t{y}\n" for n, p, y in PLUMASSIERS).encode("latin-1", "replace"))
    for item, cmd, ext, tty in PY_ITEMS:
        cmd = db(cmd)
        cap(item, cmd.replace("CD ", f"cd {d} && ", 1) if cmd.startswith("CD ") else cmd, d, ext, tty=tty)


def step_svc(tmp: Path) -> None:
    d = tmp / "svc"
    d.mkdir()
    svc = db(w434.SVC)
    for name, nb, big, na in (("plumewatch_a.py", 58, 870, 81), ("plumewatch_b.py", 44, 905, 116)):
        (d / name).write_text(svc.replace("N_BEFORE", str(nb)).replace("BIG", str(big)).replace("N_AFTER", str(na)))
    cap("json-log-a", "python plumewatch_a.py", d, n_json_log)
    cap("json-log-b-grep", "python plumewatch_b.py 2>&1 | grep -v '\"plumecase cycle\"' | tail -n 150", d, n_json_log)


def step_tables(tmp: Path) -> None:
    d = tmp / "tables"
    d.mkdir()
    cap("ps-aux-cut", "ps auxww | grep -v binary_backend | cut -c1-300", d, n_ps_aux)
    cm.run("dpkg-query -W -f='${Package},${Installed-Size},${Section},${Priority},${Version}\\r\\n' | sort -t, -k3,3 -k2,2n > pkgs.csv", cwd=d)
    (d / "hdr.csv").write_bytes(b"package,installed_kb,section,priority,version\r\n")
    cap("csv-crlf-head", "cat hdr.csv pkgs.csv | head -n 340", d, n_csv)
    rnd = random.Random(SEED + 7)
    rows = ["plumassier,post,plumes,dye_kg,town"]
    for i in range(440):
        n, p, _ = PLUMASSIERS[i % len(PLUMASSIERS)]
        rows.append(f"{n},{p},{rnd.randint(2, 240)},{rnd.randint(5, 470) / 10},{'Luton' if i % 211 else 'Paris'}")
    (d / "plumassiers.csv").write_bytes(("\n".join(rows) + "\n").encode("latin-1"))
    cap("csv-latin1", "cat plumassiers.csv", d, n_csv)


def deep_pkg(depth: int) -> str:
    rnd = random.Random(SEED + 5)
    cfg: dict = {"plume_kg": rnd.randint(2, 9)}
    for i in range(depth, 0, -1):
        cfg = {"bench": i, "dye_l": rnd.randint(1, 99) / 10, "iron": cfg}
    return json.dumps({"name": "curlroom", "version": "0.7.47", "private": True,
                       "dependencies": {"pluralise": "1.0.1", "smart-truncate": "1.0.1", "truncate-middle": "2.0.1"},
                       "devDependencies": {"jest": "*", "eslint": "*"}, "plumery": {"benches": cfg}})


(w739.deep_pkg, w731.deep_pkg, w723.deep_pkg, w715.deep_pkg, w707.deep_pkg, w699.deep_pkg, w691.deep_pkg,
 w683.deep_pkg, w675.deep_pkg, w667.deep_pkg, w660.deep_pkg, w645.deep_pkg, w640.deep_pkg, w555.deep_pkg,
 w633.deep_pkg, w626.deep_pkg, w619.deep_pkg, w619.w583.deep_pkg, w619.w601.deep_pkg, w619.w608.deep_pkg) = (deep_pkg,) * 20
w555.DEPTH = 230


def step_pkg(tmp: Path) -> None:
    d = tmp / "curlroom"
    d.mkdir()
    depth = w555.depth_fitting()
    cm.note(f"deep package.json: {depth} levels")
    (d / "package.json").write_text(deep_pkg(depth))
    cap("json-deep-tool", "python -m json.tool --indent 1 package.json", d, n_json_file)
    for pkg in ("pluralise", "smart-truncate", "truncate-middle"):
        cap(f"npm-view-{pkg}", f"npm view {pkg} --json", d, n_npm_view, timeout=120)
    n = tmp / "npmtty"
    n.mkdir()
    cm.run("npm init -y >/dev/null", cwd=n)
    cap("npm-install-tty", "env -u CI npm install --no-audit --no-fund --loglevel=http " + " ".join(NPM_PKGS), n, n_npm_install, tty=True, timeout=300)
    cap("package-lock", "cat package-lock.json", n, n_lock)
    cap("grep-rn-pluralise-smart-truncate", "grep -rn 'function\\|return\\|var ' node_modules/pluralise node_modules/smart-truncate --include=*.js | head -n 400", n, n_grep_rn)
    cap("grep-rn-cat-truncate-middle", "cat node_modules/truncate-middle/package.json; grep -rn 'function\\|return\\|str' node_modules/truncate-middle --include=*.js --include=*.cjs --include=*.ts --include=*.cts | head -n 260", n, n_grep_rn)
    p = tmp / "pipv"
    cm.run(f"python3 -m venv {p}", timeout=300)
    cap("pip-install-tty", f"env -u PIP_FIND_LINKS PIP_CONFIG_FILE=/dev/null {p}/bin/pip install --no-cache-dir --progress-bar on " + " ".join(PIP_PKGS), tmp,
        n_pip_install, tty=True, timeout=400)


# A jest suite written here: a plumassier's plumes, curling irons, dye vat, plume counts, ticket labels, order numbers
# and plume kinds, with bugs put in (fixed before the run).
CURL_JS = r'''const pluralise = require(@@PL@@);
const smartTruncate = require(@@ST@@);
const { truncateMiddle } = require(@@TM@@);

// Plumes cut from a bundle: the bundle's feathers over one plume's, rounded down (bug: rounded up).
function plumesCut(feathers, perPlume) {
  return Math.ceil(feathers / perPlume);
}

// Curling irons for a row of benches: one a bench and one spare (bug: one short of the benches).
function ironsFor(benches) {
  return benches - 1;
}

// Dye left in the vat: what was mixed less what was used (bug: the used dye added).
function dyeLeft(mixedL, usedL) {
  return Math.round((mixedL + usedL) * 100) / 100;
}

// A plume count in words (bug: the word asked for one plume, whatever the count).
function plumeWord(n) {
  return n + " " + pluralise(1, "plume");
}

// A ticket label cut to 12 characters with an ellipsis (bug: cut to 13).
function ticketLabel(text) {
  return smartTruncate(text, 13);
}

// An order number cut in the middle: its first 8 and last 4 characters (bug: the last 8 and first 4).
function shortOrder(order) {
  return truncateMiddle(order, 4, 8, "...");
}

// A plumassier's name read from the latin-1 roll (bug: read as UTF-8).
function rollName(bytes) {
  return Buffer.from(bytes).toString("utf8");
}

function benches(depth, plume) {
  let o = { plume_kg: plume };
  for (let i = depth; i > 0; i--) o = { bench: i, iron: o };
  return o;
}

module.exports = { plumesCut, ironsFor, dyeLeft, plumeWord, ticketLabel, shortOrder, rollName, benches };
'''

CURL_TEST = r'''const { plumesCut, ironsFor, dyeLeft, plumeWord, ticketLabel, shortOrder, rollName, benches } = require("../plumeset");

const KINDS = ["Ostrich Tip", "Marabou Boa", "Egret Spray", "Heron Aigrette", "Cock Hackle"];

describe("plumery curlroom", () => {
  test("a bundle of 100 feathers at 12 a plume cuts 8 plumes", () => {
    expect(plumesCut(100, 12)).toBe(8);
  });

  test.each([[16, 17], [8, 9], [0, 1]])("%i benches take %i irons", (b, n) => {
    expect(ironsFor(b)).toBe(n);
  });

  test("60 l of dye mixed less 22.5 used leaves 37.5", () => {
    expect(dyeLeft(60, 22.5)).toBeCloseTo(37.5);
  });

  test("three plumes are counted in the plural", () => {
    expect(plumeWord(3)).toBe("3 plumes");
  });

  test("a ticket label is cut to twelve characters", () => {
    expect(ticketLabel("Ostrich tip, dyed ivory, curled")).toBe("Ostrich tip…");
  });

  test("an order number keeps its first eight and last four characters", () => {
    expect(shortOrder("plumery-order-2026-ostrich-ivory-0042")).toBe("plumery-...0042");
  });

  test("the plumassiers' roll keeps a name as written", () => {
    expect(rollName(Buffer.from("Héloïse Plumassière", "latin1"))).toBe("Héloïse Plumassière");
  });

  test("the works' bench survey matches the expected nesting", () => {
    expect(benches(27, 4)).toEqual(benches(27, 7));
  });

  test("the plumecase holds the spare irons", () => {
    expect({ plumecase: { irons: 40, plumes: 120, kinds: KINDS.length } }).toStrictEqual({ plumecase: { irons: 40, plumes: 120, kinds: 5, vats: 8 } });
  });
});
'''


def step_js(tmp: Path) -> None:
    d = tmp / "curlroom-jest"
    (d / "test").mkdir(parents=True)
    (d / "plumeset.js").write_text(CURL_JS.replace("@@PL@@", json.dumps(str(NM / "pluralise")))
                                   .replace("@@ST@@", json.dumps(str(NM / "smart-truncate")))
                                   .replace("@@TM@@", json.dumps(str(NM / "truncate-middle/dist/index.cjs"))))  # its CommonJS build: the folder's main is ESM
    (d / "test/plumeset.test.js").write_text(CURL_TEST)
    (d / "package.json").write_text(json.dumps({"name": "curlroom", "version": "0.7.47", "private": True}))
    jest = f"{NM}/.bin/jest"
    cap("jest", f"{jest} --ci --rootDir .", d, n_jest, timeout=300)
    cap("jest-tty", f"{jest} --rootDir . --colors", d, n_jest, tty=True, timeout=300)
    cap("jest-chain-tail", f"cd {d} && {jest} --ci --rootDir . -t 'roll|order|survey|label' 2>&1 | tail -n 200", d, n_jest, timeout=300)
    lint = tmp / "lint"
    (lint / "vendor").mkdir(parents=True)
    (lint / "plumeset.js").write_text((d / "plumeset.js").read_text() + "\nfunction unusedRecurl(s) { if (s == 0) {} return s }\n")
    (lint / "plumeset.test.js").write_text(CURL_TEST)
    (lint / "vendor/curlkey.min.js").write_text(db(w472.with_light(w434.minified)))
    (lint / "eslint.config.js").write_text(w472.ESLINT_CONFIG)
    eslint = f"{NM}/.bin/eslint"
    cap("eslint-tail", f"cd {lint} && {eslint} --color . 2>&1 | tail -n 300", lint, n_eslint, timeout=300)


# Round 368's crate in a plumassier's words, paired in order with the old words of round 489's table (as round 739
# left them: only the left sides are used).
RUST_WORDS = (
    "plumewright", "Curling: plumes, dye and the irons a curling bench holds.",
    "plume_name", '"ostrich"', '"marabou"', '"egret"', '"aigrette"', "9 is an ostrich", "Plumepack", "curling_speed",
    "plume_fit", "plumage {",
)
assert len(w489.RUST_RENAMES) == len(RUST_WORDS)
w489.RUST_RENAMES = tuple((o, n) for (o, _), n in zip(w489.RUST_RENAMES, RUST_WORDS))

GO_NAMES = ["Ostrich Tip", "Marabou Boa", "Egret Spray", "Heron Aigrette", "Cock Hackle", "Pheasant Tail",
            "Peacock Eye", "Swan Down", "Vulture Quill", "Bird Pad", "Luton Plume", "Paris Panache"]
GO_WORDS = ("plumetally", "plumeledger", "plumery host", "dye left, days", "nothing left to curl", "curling order",
            "plume grade", "Plume", "plume", "Dye", "dye", "Bench", "bench", "Irons", "irons")
assert len(w566.GO_RENAMES) == len(GO_WORDS)
GO_RENAMES = tuple((o, n) for (o, _), n in zip(w566.GO_RENAMES, GO_WORDS))
GO_STEP = make_steps(w472.go_cap, "plumetally", "plumeledger", SEED + 3, GO_NAMES, GO_RENAMES)[0]


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
    cm.capture_round(__doc__, ensure_tools, steps, "wide747-", OUT, TMP)
