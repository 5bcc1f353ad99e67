#!/usr/bin/env python3
"""Round 640: issue #11's kinds with hostile features on real packages no earlier round used (js-quantities,
convert-length, is-isbn, slugid, hepunits, validate-docbr: small unit-conversion, slug and validation packages),
round 434's material renamed to a goldbeater's shop: gold leaf, skins and goldbeaters (seed 64010) through round
633's module and through it rounds 626's and 619's (their constants, and those of the modules they set, replaced by
this round's), round 566's rename tables (left sides), round 555's depth_fitting, round 489's steps and round 472's
helpers, round 368's Rust crate, round 273's Go module and a jest suite in the same words; no new rules.

Needles are read on round 368's lossless clean-up (`capture_wide368.clean368`) by the extractors earlier
rounds used, imported. See NEEDLES.md, round 640.
"""
from __future__ import annotations

import json
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import capture_wide633 as w633  # noqa: E402  (its constants, and those of the modules it sets, replaced below)
from capture_wide633 import cm, w368, w434, w472, w489, w555, w566, w619, w626  # noqa: E402
from capture_wide273_go import make_steps  # noqa: E402
from capture_wide import n_chained  # noqa: E402
from capture_wide15_data import (n_json_file, n_lock, n_npm_install, n_npm_view,  # noqa: E402
                                 n_pip_install)
from capture_wide15_diag import n_mypy, n_pytest, n_ruff  # noqa: E402
from capture_wide15_js import n_eslint, n_jest  # noqa: E402
from capture_wide15_oc import n_diff, n_log_p, n_show, n_status  # noqa: E402
from capture_wide2 import n_json_log  # noqa: E402
from capture_wide6_fresh import n_csv, n_ps_aux  # noqa: E402
from capture_wide9b_reads import n_grep_rn  # noqa: E402

ROOT = Path("/dev/shm/hm-corpus-wide640-tools")
TMP = Path("/dev/shm/hm-corpus-wide640")
OUT = Path(__file__).resolve().parent / "data" / "wide640.json"
VENV = ROOT / "venv"
JS = ROOT / "js"
NM = JS / "node_modules"
SEED = 64010
NPM_PKGS = ("js-quantities@1.8.0", "convert-length@1.0.1", "is-isbn@1.1.0")
PIP_PKGS = ("slugid==2.0.0", "hepunits==2.4.7", "validate-docbr==2.0.1")
w368.VENV = VENV
cm.clean_lines = w368.clean368
cap = w368.cap

# A goldbeater's shop for round 434's gasworks, paired in order with the old words of round 566's table.
SHOP_WORDS = (
    "goldbin", "mouldsill",
    "Hester Beaton", "hester@goldbeatery", "goldbeatery",
    "beatstone", "beat_cutch", "fold_leaf",
    "cut_leaf", "book_leaves", "LeafError",
    "leafwatch_svc", "Shoder", "shoder",
    "gilderfan", "Gilderfan", "skinblower", "leafpaper",
    "anneal", "Goldskin", "goldskin", "cutchrack",
    "tarnish", "gold_g", "leaf_make_n", "skin_kg",
    "Beating", "beating", "planish", "AUAG",
    "gold", "skin", "leaf", "beat",
    "64012",
)
OLD = [o for o, _ in w566.LOFT]
assert len(OLD) == len(SHOP_WORDS)
SHOP = tuple(zip(OLD, SHOP_WORDS))
assert not [(o, n) for _, n in SHOP for o in OLD if o in n], "a new word holds an old one"
w472.LIGHT = SHOP
w472.SEED = SEED
w489.SEED = SEED  # step_rust: gen_rust draws SEED + 2 = 64012
for m in (w633, w626, w619, w619.w536, w555, w566, w619.w583, w619.w601, w619.w608):
    m.SEED = SEED
w633.MILL = w626.WORKS = w619.MILL = w619.w583.HEARTH = w619.w601.TARHOUSE = w619.w608.BOILERY = SHOP
db = w472.light

BEATING_UTF16 = "".join(f"{h:02d}:40\tstone {1 + h % 4} beaten\tleaves {250 + h % 7 * 25} booked\tskin {'new' if h % 5 == 0 else 'worn'}\r\n"
                        for h in range(200))
BEATERS = [("Amélie Dorure", "beater", 31), ("Sébastien Batteur", "cutter", 14), ("Jörg Goldschläger", "beater", 8),
           ("Åsa Bladguld", "booker", 27), ("Mathéo Feuillet", "caster", 19), ("Brigitte Orfèvre", "girl", 2),
           ("Ingrid Schlägerin", "beater", 11), ("Joël Lamineur", "roller", 38), ("Cécile Doreur", "booker", 6),
           ("Søren Guldslager", "skinner", 3), ("Noémie Battoir", "beater", 44), ("Günter Blattgold", "booker", 22)]
w633.PINMAKERS = w626.SMITHS = w619.MILLERS = w619.w583.COLLIERS = w619.w601.TARRERS = w619.w608.SOAPBOILERS = BEATERS
(w633.POINTING_UTF16, w626.TEMPER_UTF16, w619.EDGESTONE_UTF16, w619.w583.COLLIER_UTF16, w619.w601.TARRER_UTF16,
 w619.w608.BOILER_UTF16) = (BEATING_UTF16,) * 6


def step_python(tmp: Path) -> None:
    d = w472.LightPath(tmp / db("retortbed"))
    d.mkdir()
    w472.with_light(w434.history, d)
    d = Path(d)
    (d / db("purifier.min.js")).write_text(db(w472.with_light(w434.minified)))  # renamed once (a plain Path)
    (d / "data/beating_utf16.log").write_bytes(BEATING_UTF16.encode("utf-16"))
    (d / "data/goldbeaters.txt").write_bytes("".join(f"{n}\t{p}\t{y}\n" for n, p, y in BEATERS).encode("latin-1", "replace"))
    c = lambda i, cmd, ext, **k: cap(i, db(cmd), d, ext, **k)  # noqa: E731  commands written in 434's words
    c("pytest-v", "python -m pytest -v", n_pytest)
    c("pytest-long-recursion", "python -m pytest --tb=long tests/test_charge.py", n_pytest)
    c("pytest-tty", "python -m pytest -rA --tb=short tests", n_pytest, tty=True)
    c("pytest-chain-cat", "cat data/box3.dat; python -m pytest -q tests/test_holder.py tests/test_charge.py", n_pytest)
    c("ruff", "ruff check --no-cache .", n_ruff)
    c("ruff-tty", "ruff check --no-cache --output-format=full .", n_ruff, tty=True)
    c("mypy", "mypy --strict --no-incremental src purge_holder.py stoke_retorts.py", n_mypy)
    cap("mypy-chain", f"cd {d} && " + db("mypy --no-incremental --strict --pretty src tests 2>&1 | tail -n 60"), d, n_mypy)
    c("recursion-traceback", "python stoke_retorts.py 7", n_chained)
    c("chained-traceback-cat", "cat data/box3.dat && python purge_holder.py", n_chained)
    cap("grep-rna-utf16", "cat data/beating_utf16.log data/goldbeaters.txt; grep -rna 'goldbin\\|goldskin' src data " + db("purifier.min.js"), d, n_grep_rn)
    c("git-status", "git status", n_status)
    c("git-diff-text", "git diff --text", n_diff)
    c("git-log-p", "git log -p", n_log_p)
    c("git-show-text", "git show --text HEAD~1", n_show)
    cap("pytest-x-tail", f"cd {d} && " + db("python -m pytest -q -x 2>&1 | tail -n 40"), d, n_pytest)
    c("ruff-concise-head", "ruff check --no-cache --output-format=concise . | head -n 30", n_ruff)


def step_svc(tmp: Path) -> None:
    d = tmp / "svc"
    d.mkdir()
    svc = db(w434.SVC)
    for name, nb, big, na in (("leafwatch_a.py", 60, 760, 70), ("leafwatch_b.py", 40, 980, 120)):
        (d / name).write_text(svc.replace("N_BEFORE", str(nb)).replace("BIG", str(big)).replace("N_AFTER", str(na)))
    cap("json-log-a", "python leafwatch_a.py", d, n_json_log)
    cap("json-log-b-grep", "python leafwatch_b.py 2>&1 | grep -v '\"goldbin cycle\"' | tail -n 150", d, n_json_log)


def step_tables(tmp: Path) -> None:
    d = tmp / "tables"
    d.mkdir()
    cap("ps-aux", "ps aux", d, n_ps_aux)
    cm.run("dpkg-query -W -f='${Package},${Installed-Size},${Section},${Priority},${Version}\\r\\n' | sort -t, -k4,4 -k2,2nr > pkgs.csv", cwd=d)
    (d / "hdr.csv").write_bytes(b"package,installed_kb,section,priority,version\r\n")
    cap("csv-crlf-head", "cat hdr.csv pkgs.csv | head -n 420", d, n_csv)
    rnd = random.Random(SEED + 7)
    rows = ["goldbeater,post,books,gold_g,shop"]
    for i in range(520):
        n, p, _ = BEATERS[i % len(BEATERS)]
        rows.append(f"{n},{p},{rnd.randint(5, 360)},{rnd.randint(20, 640) / 10},{'Hatton Garden' if i % 257 else 'Gutter Lane'}")
    (d / "goldbeaters.csv").write_bytes(("\n".join(rows) + "\n").encode("latin-1"))
    cap("csv-latin1", "cat goldbeaters.csv", d, n_csv)


def deep_pkg(depth: int) -> str:
    rnd = random.Random(SEED + 5)
    cfg: dict = {"gold_g": rnd.randint(2, 9)}
    for i in range(depth, 0, -1):
        cfg = {"skin": i, "leaf_um": rnd.randint(1, 99) / 1000, "book": cfg}
    return json.dumps({"name": "leafbook", "version": "0.4.2", "private": True,
                       "dependencies": {"js-quantities": "1.8.0", "convert-length": "1.0.1", "is-isbn": "1.1.0"},
                       "devDependencies": {"jest": "*", "eslint": "*"}, "goldbeatery": {"stones": cfg}})


w555.deep_pkg = w633.deep_pkg = w626.deep_pkg = w619.deep_pkg = w619.w583.deep_pkg = w619.w601.deep_pkg = w619.w608.deep_pkg = deep_pkg
w555.DEPTH = 230


def step_pkg(tmp: Path) -> None:
    d = tmp / "leafbook"
    d.mkdir()
    depth = w555.depth_fitting()
    cm.note(f"deep package.json: {depth} levels")
    (d / "package.json").write_text(deep_pkg(depth))
    cap("json-deep-tool", "python -m json.tool --indent 1 package.json", d, n_json_file)
    for pkg in ("js-quantities", "convert-length", "is-isbn"):
        cap(f"npm-view-{pkg}", f"npm view {pkg} --json", d, n_npm_view, timeout=120)
    n = tmp / "npmtty"
    n.mkdir()
    cm.run("npm init -y >/dev/null", cwd=n)
    cap("npm-install-tty", "env -u CI npm install --no-audit --no-fund --loglevel=http " + " ".join(NPM_PKGS), n, n_npm_install, tty=True, timeout=300)
    cap("package-lock", "cat package-lock.json", n, n_lock)
    cap("grep-rn-quantities", "grep -rn 'function\\|return\\|throw' node_modules/js-quantities/build/quantities.js node_modules/convert-length --include=*.js | head -n 400", n, n_grep_rn)
    cap("grep-rn-cat-isbn", "cat node_modules/is-isbn/package.json; grep -rn 'isbn\\|return' node_modules/is-isbn node_modules/defined --include=*.js --include=*.json | head -n 200", n, n_grep_rn)
    p = tmp / "pipv"
    cm.run(f"python3 -m venv {p}", timeout=300)
    cap("pip-install-tty", f"env -u PIP_FIND_LINKS PIP_CONFIG_FILE=/dev/null {p}/bin/pip install --no-cache-dir --progress-bar on " + " ".join(PIP_PKGS), tmp,
        n_pip_install, tty=True, timeout=400)


# A jest suite written here: a goldbeater's leaves, books and gold arithmetic, with bugs put in (fixed before the run).
SHOP_JS = r'''const Qty = require(@@QTY@@);
const convert = require(@@CONVLEN@@);

// Leaves cut from a ribbon of beaten gold: its length over one leaf's side, rounded down (bug: rounded up).
function leavesPerRibbon(ribbonMm, leafMm) {
  return Math.ceil(ribbonMm / leafMm);
}

// Leaves in books: twenty-five leaves to a book (bug: twenty-four).
function leavesBooked(books) {
  return books * 24;
}

// Gold left in the safe: what was bought less what the stones took (bug: the take added).
function goldLeft(boughtG, takenG) {
  return Math.round((boughtG + takenG) * 100) / 100;
}

// A leaf's side in inches for the gilders' list, to two places (bug: read as centimetres).
function leafSideInches(mm) {
  return Math.round(convert(mm, "cm", "in") * 100) / 100;
}

// A leaf's thickness in nanometres from micrometres (bug: converted to millimetres).
function thicknessNm(um) {
  return Qty(um + " um").to("mm").scalar;
}

// A goldbeater's name read from the latin-1 roll (bug: read as UTF-8).
function rollName(bytes) {
  return Buffer.from(bytes).toString("utf8");
}

function books(depth, leaf) {
  let o = { gold_g: leaf };
  for (let i = depth; i > 0; i--) o = { skin: i, book: o };
  return o;
}

module.exports = { leavesPerRibbon, leavesBooked, goldLeft, leafSideInches, thicknessNm, rollName, books };
'''

SHOP_TEST = r'''const { leavesPerRibbon, leavesBooked, goldLeft, leafSideInches, thicknessNm, rollName, books } = require("../goldskin");

describe("goldbeatery leafbook", () => {
  test("a 10,000 mm ribbon at 86 mm a leaf yields 116 leaves", () => {
    expect(leavesPerRibbon(10000, 86)).toBe(116);
  });

  test.each([[4, 100], [1, 25], [0, 0]])("%i books hold %i leaves", (b, n) => {
    expect(leavesBooked(b)).toBe(n);
  });

  test("311 g bought less 46.6 taken leaves 264.4", () => {
    expect(goldLeft(311, 46.6)).toBeCloseTo(264.4);
  });

  test("an 80 mm leaf is 3.15 inches a side", () => {
    expect(leafSideInches(80)).toBe(3.15);
  });

  test("a leaf of 0.1 um is 100 nm thick", () => {
    expect(thicknessNm(0.1)).toBeCloseTo(100);
  });

  test("the goldbeaters' roll keeps a name as written", () => {
    expect(rollName(Buffer.from("Amélie Dorure", "latin1"))).toBe("Amélie Dorure");
  });

  test("the shop's book survey matches the expected nesting", () => {
    expect(books(31, 4)).toEqual(books(31, 7));
  });

  test("the goldbin holds the spare cutch", () => {
    expect({ goldbin: { cutch: 2, moulds: 5 } }).toStrictEqual({ goldbin: { cutch: 2, moulds: 5, shoders: 3 } });
  });
});
'''


def step_js(tmp: Path) -> None:
    d = tmp / "leafbook-jest"
    (d / "test").mkdir(parents=True)
    (d / "goldskin.js").write_text(SHOP_JS.replace("@@QTY@@", json.dumps(str(NM / "js-quantities")))
                                   .replace("@@CONVLEN@@", json.dumps(str(NM / "convert-length"))))
    (d / "test/goldskin.test.js").write_text(SHOP_TEST)
    (d / "package.json").write_text(json.dumps({"name": "leafbook", "version": "0.4.2", "private": True}))
    jest = f"{NM}/.bin/jest"
    cap("jest", f"{jest} --ci --rootDir .", d, n_jest, timeout=300)
    cap("jest-tty", f"{jest} --rootDir . --colors", d, n_jest, tty=True, timeout=300)
    cap("jest-chain-tail", f"cd {d} && {jest} --ci --rootDir . -t 'roll|inches|survey|ribbon' 2>&1 | tail -n 200", d, n_jest, timeout=300)
    lint = tmp / "lint"
    (lint / "vendor").mkdir(parents=True)
    (lint / "goldskin.js").write_text((d / "goldskin.js").read_text() + "\nfunction unusedAnneal(s) { if (s == 0) {} return s }\n")
    (lint / "goldskin.test.js").write_text(SHOP_TEST)
    (lint / "vendor/skinblower.min.js").write_text(db(w472.with_light(w434.minified)))
    (lint / "eslint.config.js").write_text(w472.ESLINT_CONFIG)
    eslint = f"{NM}/.bin/eslint"
    cap("eslint-tail", f"cd {lint} && {eslint} --color . 2>&1 | tail -n 300", lint, n_eslint, timeout=300)


# Round 368's crate in a goldbeater's words, paired in order with the old words of round 566's table.
RUST_WORDS = (
    "leafbeater", "Leaf beating: gold, skins and the leaves a book of skins yields at the beater.",
    "leaf_name", '"cast"', '"rolled"', '"beaten"', '"booked"', "9 is a cast", "Cutchpack", "beater_speed",
    "leaf_fit", "beating {",
)
assert len(w489.RUST_RENAMES) == len(RUST_WORDS)
w489.RUST_RENAMES = tuple((o, n) for (o, _), n in zip(w489.RUST_RENAMES, RUST_WORDS))

GO_NAMES = ["Double Gold", "Deep Gold", "Lemon Gold", "Pale Gold", "White Gold", "Red Gold",
            "Green Gold", "Moon Gold", "Silver Leaf", "Palladium Leaf", "Transfer Book", "Loose Book"]
GO_WORDS = ("leaftally", "leafledger", "beating host", "leaves left, days", "nothing left to beat", "booking order",
            "leaf grade", "Ingot", "ingot", "Skin", "skin", "Mould", "mould", "Leaves", "leaves")
assert len(w566.GO_RENAMES) == len(GO_WORDS)
GO_RENAMES = tuple((o, n) for (o, _), n in zip(w566.GO_RENAMES, GO_WORDS))
GO_STEP = make_steps(w472.go_cap, "leaftally", "leafledger", SEED + 3, GO_NAMES, GO_RENAMES)[0]


def ensure_tools() -> None:
    cm.install_venv(VENV, "mypy", ["ruff==0.17.6", "mypy==2.4.1", "pytest==9.2.0"])
    cm.install_npm(JS, "jest", ["jest@30.5.2", "eslint@10.16.0", "js-quantities@1.8.0", "convert-length@1.0.1"])


def steps():
    return [step_python, step_svc, w489.step_c, step_tables, step_pkg, step_js, w489.step_rust, GO_STEP]


if __name__ == "__main__":
    import capture_wide9b as w9b
    w9b.TMP = TMP
    w9b.clean_lines = w368.clean368
    cm.clean_lines = w368.clean368
    cm.capture_round(__doc__, ensure_tools, steps, "wide640-", OUT, TMP)
