#!/usr/bin/env python3
"""Round 723: issue #11's kinds with hostile features on real packages no earlier round used (envfile,
node-version-compare, flake-idgen, django-dotenv, ksuid, INITools: small dotenv/ini parsing, version-comparison and
id-generation packages), round 434's material renamed to a verjuice press: crab apples, unripe grapes, casks, hoops
and verjuicers (seed 72310) through round 715's module and through it round 707's, 699's, 691's, 683's, 675's,
667's, 660's and the modules they set (their constants replaced again by this round's), round 566's rename tables
(left sides), round 555's depth_fitting, round 489's steps and round 472's helpers, round 368's Rust crate, round
273's Go module and a jest suite in the same words; no new rules.

Needles are read on round 368's lossless clean-up (`capture_wide368.clean368`) by the extractors earlier
rounds used, imported. See NEEDLES.md, round 723.
"""
from __future__ import annotations

import json
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import capture_wide715 as w715  # noqa: E402  (its constants, and those of the modules it sets, replaced below)
from capture_wide715 import (cm, make_steps, n_chained, n_csv, n_diff, n_eslint, n_grep_rn, n_jest,  # noqa: E402
                             n_json_file, n_json_log, n_lock, n_log_p, n_mypy, n_npm_install, n_npm_view,
                             n_pip_install, n_ps_aux, n_pytest, n_ruff, n_show, n_status, w368, w434, w472, w489,
                             w555, w566, w619, w660, w667, w675, w683, w691, w699, w707)

w645, w640, w633, w626 = w715.w645, w715.w640, w715.w633, w715.w626
ROOT = Path("/dev/shm/hm-corpus-wide723-tools")
TMP = Path("/dev/shm/hm-corpus-wide723")
OUT = Path(__file__).resolve().parent / "data" / "wide723.json"
VENV = ROOT / "venv"
JS = ROOT / "js"
NM = JS / "node_modules"
SEED = 72310
NPM_PKGS = ("envfile@7.1.0", "node-version-compare@1.0.3", "flake-idgen@1.4.0")
PIP_PKGS = ("django-dotenv==1.4.2", "ksuid==1.3", "INITools==0.3.1")
w368.VENV = VENV
cm.clean_lines = w368.clean368
cap = w368.cap

# A verjuice press for round 434's gasworks, paired in order with the old words of round 566's table.
WORKS_WORDS = (
    "verjchest", "crabboard",
    "Hester Crabtree", "hester@verjuicery", "verjuicery",
    "crabpress", "press_crabs", "lay_crabs",
    "draw_cask", "rack_casks", "SourError",
    "verjwatch_svc", "Crabmill", "crabmill",
    "verjcrab", "Verjcrab", "verjkey", "verjslab",
    "rerack", "Caskrow", "caskrow", "verjhoop",
    "tartarizer", "crab_kg", "verj_sour_l", "must_kg",
    "Pressing", "pressing", "souring", "CRABDUST",
    "crab", "must", "verjuice", "press",
    "72312",
)
OLD = [o for o, _ in w566.LOFT]
assert len(OLD) == len(WORKS_WORDS)
WORKS = tuple(zip(OLD, WORKS_WORDS))
assert not [(o, n) for _, n in WORKS for o in OLD if o in n], "a new word holds an old one"
w472.LIGHT = WORKS
w472.SEED = SEED
w489.SEED = SEED  # step_rust: gen_rust draws SEED + 2 = 72312
for m in (w715, w707, w699, w691, w683, w675, w667, w660, w645, w640, w633, w626, w619, w619.w536, w555, w566,
          w619.w583, w619.w601, w619.w608):
    m.SEED = SEED
(w715.WORKS, w707.WORKS, w699.WORKS, w691.LOFT, w683.SHOP, w675.SHOP, w667.SHOP, w660.SHOP, w645.WORKS, w640.SHOP,
 w633.MILL, w626.WORKS, w619.MILL, w619.w583.HEARTH, w619.w601.TARHOUSE, w619.w608.BOILERY) = (WORKS,) * 16
db = w472.light

PRESSING_UTF16 = "".join(f"{h:02d}:20\tpress {1 + h % 5} turned\tcasks {140 + h % 7 * 15} filled\tcrabs {'reground' if h % 6 == 0 else 'resting'}\r\n"
                         for h in range(200))
MAKERS = [("Aurélie Verjutier", "presser", 27), ("Jürgen Holzapfel", "cooper", 13), ("Séverine Pressoir", "hooper", 8),
          ("Åke Surapel", "presser", 24), ("Mélanie Grappillon", "picker", 17), ("Noëlle Aigrelet", "apprentice", 2),
          ("Søren Eddikebrygger", "presser", 11), ("Hélène Périgourdine", "taster", 22), ("Bénédicte Cuvier", "presser", 35),
          ("Ørjan Sur", "racker", 5), ("Zoë Verjus", "taster", 14), ("Geneviève Tonnelière", "hooper", 23)]
(w715.MAKERS, w707.MAKERS, w699.MAKERS, w691.MAKERS, w683.MAKERS, w675.MAKERS, w667.MAKERS, w660.MAKERS, w645.MAKERS,
 w640.BEATERS, w633.PINMAKERS, w626.SMITHS, w619.MILLERS, w619.w583.COLLIERS, w619.w601.TARRERS,
 w619.w608.SOAPBOILERS) = (MAKERS,) * 16
(w715.FIRING_UTF16, w707.PLUCKING_UTF16, w699.GRINDING_UTF16, w691.KNITTING_UTF16, w683.SHAPING_UTF16,
 w675.CARVING_UTF16, w667.GRINDING_UTF16, w660.LACING_UTF16, w645.FRAMING_UTF16, w640.BEATING_UTF16,
 w633.POINTING_UTF16, w626.TEMPER_UTF16, w619.EDGESTONE_UTF16, w619.w583.COLLIER_UTF16, w619.w601.TARRER_UTF16,
 w619.w608.BOILER_UTF16) = (PRESSING_UTF16,) * 16

# Round 715's Python items (its table, imported), with this round's two data files in the grep chain.
PY_ITEMS = tuple((i, c.replace("firing_utf16.log", "pressing_utf16.log").replace("enamellers.txt", "verjuicers.txt"), e, t)
                 for i, c, e, t in w715.PY_ITEMS)
assert sum("pressing_utf16.log data/verjuicers.txt" in c for _, c, _, _ in PY_ITEMS) == 1


def step_python(tmp: Path) -> None:
    d = w472.LightPath(tmp / db("retortbed"))
    d.mkdir()
    w472.with_light(w434.history, d)
    d = Path(d)
    (d / db("purifier.min.js")).write_text(db(w472.with_light(w434.minified)))  # renamed once (a plain Path)
    (d / "data/pressing_utf16.log").write_bytes(PRESSING_UTF16.encode("utf-16"))
    (d / "data/verjuicers.txt").write_bytes("".join(f"{n}\t{p}\t{y}\n" for n, p, y in MAKERS).encode("latin-1", "replace"))
    for item, cmd, ext, tty in PY_ITEMS:
        cmd = db(cmd)
        cap(item, cmd.replace("CD ", f"cd {d} && ", 1) if cmd.startswith("CD ") else cmd, d, ext, tty=tty)


def step_svc(tmp: Path) -> None:
    d = tmp / "svc"
    d.mkdir()
    svc = db(w434.SVC)
    for name, nb, big, na in (("verjwatch_a.py", 61, 870, 79), ("verjwatch_b.py", 46, 920, 112)):
        (d / name).write_text(svc.replace("N_BEFORE", str(nb)).replace("BIG", str(big)).replace("N_AFTER", str(na)))
    cap("json-log-a", "python verjwatch_a.py", d, n_json_log)
    cap("json-log-b-grep", "python verjwatch_b.py 2>&1 | grep -v '\"verjchest cycle\"' | tail -n 150", d, n_json_log)


def step_tables(tmp: Path) -> None:
    d = tmp / "tables"
    d.mkdir()
    cap("ps-aux-cut", "ps auxww | cut -c1-300", d, n_ps_aux)
    cm.run("dpkg-query -W -f='${Package},${Installed-Size},${Section},${Priority},${Version}\\r\\n' | sort -t, -k3,3 -k2,2n > pkgs.csv", cwd=d)
    (d / "hdr.csv").write_bytes(b"package,installed_kb,section,priority,version\r\n")
    cap("csv-crlf-head", "cat hdr.csv pkgs.csv | head -n 340", d, n_csv)
    rnd = random.Random(SEED + 7)
    rows = ["verjuicer,post,casks,crab_kg,region"]
    for i in range(440):
        n, p, _ = MAKERS[i % len(MAKERS)]
        rows.append(f"{n},{p},{rnd.randint(2, 240)},{rnd.randint(5, 470) / 10},{'Perigord' if i % 211 else 'Burgundy'}")
    (d / "verjuicers.csv").write_bytes(("\n".join(rows) + "\n").encode("latin-1"))
    cap("csv-latin1", "cat verjuicers.csv", d, n_csv)


def deep_pkg(depth: int) -> str:
    rnd = random.Random(SEED + 5)
    cfg: dict = {"crab_kg": rnd.randint(2, 9)}
    for i in range(depth, 0, -1):
        cfg = {"cask": i, "must_l": rnd.randint(1, 99) / 10, "hoop": cfg}
    return json.dumps({"name": "verjroom", "version": "0.7.23", "private": True,
                       "dependencies": {"envfile": "7.1.0", "node-version-compare": "1.0.3", "flake-idgen": "1.4.0"},
                       "devDependencies": {"jest": "*", "eslint": "*"}, "verjuicery": {"casks": cfg}})


(w715.deep_pkg, w707.deep_pkg, w699.deep_pkg, w691.deep_pkg, w683.deep_pkg, w675.deep_pkg, w667.deep_pkg,
 w660.deep_pkg, w645.deep_pkg, w640.deep_pkg, w555.deep_pkg, w633.deep_pkg, w626.deep_pkg, w619.deep_pkg,
 w619.w583.deep_pkg, w619.w601.deep_pkg, w619.w608.deep_pkg) = (deep_pkg,) * 17
w555.DEPTH = 230


def step_pkg(tmp: Path) -> None:
    d = tmp / "verjroom"
    d.mkdir()
    depth = w555.depth_fitting()
    cm.note(f"deep package.json: {depth} levels")
    (d / "package.json").write_text(deep_pkg(depth))
    cap("json-deep-tool", "python -m json.tool --indent 1 package.json", d, n_json_file)
    for pkg in ("envfile", "node-version-compare", "flake-idgen"):
        cap(f"npm-view-{pkg}", f"npm view {pkg} --json", d, n_npm_view, timeout=120)
    n = tmp / "npmtty"
    n.mkdir()
    cm.run("npm init -y >/dev/null", cwd=n)
    cap("npm-install-tty", "env -u CI npm install --no-audit --no-fund --loglevel=http " + " ".join(NPM_PKGS), n, n_npm_install, tty=True, timeout=300)
    cap("package-lock", "cat package-lock.json", n, n_lock)
    cap("grep-rn-envfile-flake", "grep -rn 'function\\|return\\|require' node_modules/envfile node_modules/flake-idgen --include=*.js | head -n 400", n, n_grep_rn)
    cap("grep-rn-cat-nvc", "cat node_modules/node-version-compare/package.json; grep -rn 'function\\|return\\|version' node_modules/node-version-compare --include=*.js | head -n 260", n, n_grep_rn)
    p = tmp / "pipv"
    cm.run(f"python3 -m venv {p}", timeout=300)
    cap("pip-install-tty", f"env -u PIP_FIND_LINKS PIP_CONFIG_FILE=/dev/null {p}/bin/pip install --no-cache-dir --progress-bar on " + " ".join(PIP_PKGS), tmp,
        n_pip_install, tty=True, timeout=400)


# A jest suite written here: a verjuice press's casks, hoops, vat, pressing queue, a cask's .env, recipe versions and
# cask ids, with bugs put in (fixed before the run).
VERJ_JS = r'''const envfile = require(@@EF@@);
const versionCompare = require(@@NV@@);
const FlakeId = require(@@FI@@);

// Casks filled from a pressing: the litres over one cask's, rounded down (bug: rounded up).
function casksFilled(litres, caskL) {
  return Math.ceil(litres / caskL);
}

// Hoops for a cask: one a stave and one spare (bug: one short of the staves).
function hoopsFor(staves) {
  return staves - 1;
}

// Verjuice left in the vat: what was pressed less what was bottled (bug: the bottled verjuice added).
function verjuiceLeft(pressedL, bottledL) {
  return Math.round((pressedL + bottledL) * 100) / 100;
}

// The pressing queue: first picked, first pressed (bug: the newest pressing taken first).
function nextPressings(fruits, n) {
  const q = fruits.slice();
  const out = [];
  for (let i = 0; i < n && q.length > 0; i++) out.push(q.pop());
  return out;
}

// A cask's .env read through envfile: its CRAB_KG (bug: the key asked in lower case).
function crabKg(text) {
  return envfile.parse(text)["crab_kg"];
}

// The newest of a cask's recipe versions (bug: the comparator's arguments swapped).
function newestRecipe(versions) {
  return versions.reduce((best, v) => (versionCompare(best, v) > 0 ? v : best));
}

// A cask id from flake-idgen written in hex, 16 digits (bug: written in base64).
function caskId() {
  return new FlakeId({ id: 23 }).next().toString("base64");
}

// A verjuicer's name read from the latin-1 roll (bug: read as UTF-8).
function rollName(bytes) {
  return Buffer.from(bytes).toString("utf8");
}

function casks(depth, crab) {
  let o = { crab_kg: crab };
  for (let i = depth; i > 0; i--) o = { cask: i, hoop: o };
  return o;
}

module.exports = { casksFilled, hoopsFor, verjuiceLeft, nextPressings, crabKg, newestRecipe, caskId, rollName, casks };
'''

VERJ_TEST = r'''const { casksFilled, hoopsFor, verjuiceLeft, nextPressings, crabKg, newestRecipe, caskId, rollName, casks } = require("../verjcrab");

describe("verjuicery verjroom", () => {
  test("a 1000 l pressing at 120 l a cask fills 8 casks", () => {
    expect(casksFilled(1000, 120)).toBe(8);
  });

  test.each([[16, 17], [8, 9], [0, 1]])("%i staves take %i hoops", (s, n) => {
    expect(hoopsFor(s)).toBe(n);
  });

  test("60 l of verjuice pressed less 22.5 bottled leaves 37.5", () => {
    expect(verjuiceLeft(60, 22.5)).toBeCloseTo(37.5);
  });

  test("the pressing queue presses the oldest pick first", () => {
    expect(nextPressings(["Crab Apple", "Sour Grape", "Verjus Blanc"], 2)).toEqual(["Crab Apple", "Sour Grape"]);
  });

  test("the cask's .env gives CRAB_KG", () => {
    expect(crabKg("CRAB_KG=40\nMUST_L=12\n")).toBe("40");
  });

  test("the newest recipe is 1.10.0", () => {
    expect(newestRecipe(["1.2.0", "1.10.0", "1.9.3"])).toBe("1.10.0");
  });

  test("a cask id is 16 hex digits", () => {
    expect(caskId()).toMatch(/^[0-9a-f]{16}$/);
  });

  test("the verjuicers' roll keeps a name as written", () => {
    expect(rollName(Buffer.from("Aurélie Verjutier", "latin1"))).toBe("Aurélie Verjutier");
  });

  test("the press's cask survey matches the expected nesting", () => {
    expect(casks(27, 4)).toEqual(casks(27, 7));
  });

  test("the verjchest holds the spare hoops", () => {
    expect({ verjchest: { hoops: 40, staves: 120 } }).toStrictEqual({ verjchest: { hoops: 40, staves: 120, bungs: 8 } });
  });
});
'''


def step_js(tmp: Path) -> None:
    d = tmp / "verjroom-jest"
    (d / "test").mkdir(parents=True)
    (d / "verjcrab.js").write_text(VERJ_JS.replace("@@EF@@", json.dumps(str(NM / "envfile")))
                                   .replace("@@NV@@", json.dumps(str(NM / "node-version-compare")))
                                   .replace("@@FI@@", json.dumps(str(NM / "flake-idgen"))))
    (d / "test/verjcrab.test.js").write_text(VERJ_TEST)
    (d / "package.json").write_text(json.dumps({"name": "verjroom", "version": "0.7.23", "private": True}))
    jest = f"{NM}/.bin/jest"
    cap("jest", f"{jest} --ci --rootDir .", d, n_jest, timeout=300)
    cap("jest-tty", f"{jest} --rootDir . --colors", d, n_jest, tty=True, timeout=300)
    cap("jest-chain-tail", f"cd {d} && {jest} --ci --rootDir . -t 'roll|queue|survey|recipe' 2>&1 | tail -n 200", d, n_jest, timeout=300)
    lint = tmp / "lint"
    (lint / "vendor").mkdir(parents=True)
    (lint / "verjcrab.js").write_text((d / "verjcrab.js").read_text() + "\nfunction unusedRerack(s) { if (s == 0) {} return s }\n")
    (lint / "verjcrab.test.js").write_text(VERJ_TEST)
    (lint / "vendor/verjkey.min.js").write_text(db(w472.with_light(w434.minified)))
    (lint / "eslint.config.js").write_text(w472.ESLINT_CONFIG)
    eslint = f"{NM}/.bin/eslint"
    cap("eslint-tail", f"cd {lint} && {eslint} --color . 2>&1 | tail -n 300", lint, n_eslint, timeout=300)


# Round 368's crate in a verjuice press's words, paired in order with the old words of round 489's table.
RUST_WORDS = (
    "verjwright", "Verjuice pressing: crabs, must and the casks a pressing fills.",
    "fruit_name", '"crabapple"', '"sourgrape"', '"gouais"', '"sloe"', "9 is a crabapple", "Caskpack", "press_speed",
    "cask_fill", "pressing {",
)
assert len(w489.RUST_RENAMES) == len(RUST_WORDS)
w489.RUST_RENAMES = tuple((o, n) for (o, _), n in zip(w489.RUST_RENAMES, RUST_WORDS))

GO_NAMES = ["Crab Apple", "Sour Grape", "Verjus Blanc", "Verjus Rouge", "Gouais Blanc", "Sloe",
            "Unripe Muscat", "Green Bramley", "Wild Crab", "Sorrel Verjus", "Perigord Verjus", "Burgundy Verjus"]
GO_WORDS = ("verjtally", "verjledger", "verjuicery host", "verjuice left, days", "nothing left to press", "pressing order",
            "cask grade", "Cask", "cask", "Crab", "crab", "Press", "press", "Hoops", "hoops")
assert len(w566.GO_RENAMES) == len(GO_WORDS)
GO_RENAMES = tuple((o, n) for (o, _), n in zip(w566.GO_RENAMES, GO_WORDS))
GO_STEP = make_steps(w472.go_cap, "verjtally", "verjledger", SEED + 3, GO_NAMES, GO_RENAMES)[0]


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
    cm.capture_round(__doc__, ensure_tools, steps, "wide723-", OUT, TMP)
