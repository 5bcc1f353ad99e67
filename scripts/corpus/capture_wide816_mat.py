"""Round 816, the material both agents work in (no item is captured here): caesarcipher's and py_enigma's sdists with
bugs put in under their own test suites and a script each that runs their code wrongly, git histories built by
committing their sources in steps (capture_material.history), a C project (`flagonmould`) and a Rust crate
(`porringerkit`) from round 191's generators, Go modules (`touchbook`, `alloybook`) from round 273's, a JavaScript
project (`pewterpot`) from round 290's module renamed through round 299's table's words, a CSV and a sqlite table of
some /usr/share files and two application logs. The generators are imported and called with rounds 757, 767 and
794's steps' pattern, this round's words (a pewterer's) and seeds (81610-81619)."""

from __future__ import annotations

import json
import random
from pathlib import Path

import capture_wide191_native as n191
import capture_wide273_go as g273
import capture_wide290_mat as m290
import capture_wide299_mat as m299
from capture_material import app_log, history, put_bugs
from capture_more import run, write_tree
from capture_wide816 import JS, SRC

CC, PE = "caesarcipher-1.0", "py_enigma-1.0.2"

# caesarcipher: a shifted letter wrapped one too late (position 26 indexes past the alphabet); a letter's entropy
# counted with the wrong sign, so cracking picks the least English-like attempt.
CC_BUGS = [("caesarcipher/caesarcipher.py", "if cipher_value > 25 or cipher_value < 0:",
            "if cipher_value > 26 or cipher_value < 0:"),
           ("caesarcipher/caesarcipher.py", "total += - math.log(prob) / math.log(2)",
            "total += math.log(prob) / math.log(2)")]
# py_enigma: the return path through a rotor turned the wrong way; a full plugboard (MAX_PAIRS pairs) refused.
PE_BUGS = [("enigma/rotors/rotor.py", "return (pin - self.pos) % 26", "return (pin + self.pos) % 26"),
           ("enigma/plugboard.py", "if len(wiring_pairs) > MAX_PAIRS:", "if len(wiring_pairs) >= MAX_PAIRS:")]

TOUCHPLATE = r"""
from caesarcipher import CaesarCipher


class TouchmarkError(RuntimeError):
    pass


# the guild's touchplate register: each pewterer's touchmark motto as struck, kept shifted (the fourth as a bare count)
REGISTER = [("Abel Flagon", "Lamb and flag over a rose", 3),
            ("Deborah Tinman", 1716, 5),
            ("Caleb Sprue", "Thistle within a beaded ring", 7),
            ("Bridget Mould", "Porringer ears and crowned X", 11),
            ("Elias Burnish", "Hammer and hand, London", 19)]


def strike(pewterer, motto, offset):
    try:
        return CaesarCipher(motto, encode=True, offset=offset).encoded
    except {EXC} as exc:
        raise TouchmarkError(f"flagonmould: cannot strike the touchmark of {pewterer} ({motto!r})") from exc


for pewterer, motto, offset in REGISTER:
    print(f"{pewterer:<16} {strike(pewterer, motto, offset)}")
"""

MOULD_LEDGER = r"""
from enigma.machine import EnigmaMachine


class MouldError(RuntimeError):
    pass


# the mould ledger: each casting order as the workshop sent it, enciphered (the third mould's order as a number)
ORDERS = [("flagon mould", "CASTSIXFLAGONSLIDDED"),
          ("porringer mould", "TWELVEPORRINGERSEAREDTWO"),
          ("charger mould", 1822),
          ("spoon mould", "FORTYSPOONSAPOSTLEKNOPS")]


def machine():
    m = EnigmaMachine.from_key_sheet(rotors="II IV V", reflector="B", ring_settings=[1, 20, 11],
                                     plugboard_settings="AV BS CG DL FU HZ IN KM")
    m.set_display("PEW")
    return m


def encipher(mould, order):
    try:
        return machine().process_text(order)
    except {EXC} as exc:
        raise MouldError(f"mould ledger: cannot encipher the {mould} order {order!r}") from exc


for mould, order in ORDERS:
    print(f"{mould:<16} {encipher(mould, order)}")
"""
# the exception each package raises on a number (seen once before the round's needle rules were written)
CC_EXC, PE_EXC = "TypeError", "TypeError"


def python(tmp: Path) -> None:
    put_bugs(tmp / CC, CC_BUGS)
    put_bugs(tmp / PE, PE_BUGS)
    (tmp / CC / "touchplate.py").write_text(TOUCHPLATE.replace("{EXC}", CC_EXC))
    (tmp / PE / "mould_ledger.py").write_text(MOULD_LEDGER.replace("{EXC}", PE_EXC))
    history(tmp, SRC, "caesarcipher", CC, ["caesarcipher/caesarcipher.py", "caesarcipher/cmdline.py"],
            [("Abel Flagon", "abel@example.org"), ("Bridget Mould", "bridget@example.org"),
             ("Caleb Sprue", "caleb@example.org")], 81613, 7, CC_BUGS)
    history(tmp, SRC, "py_enigma", PE, ["enigma/plugboard.py", "enigma/rotors/rotor.py"],
            [("Deborah Tinman", "deborah@example.org"), ("Elias Burnish", "elias@example.org"),
             ("Frances Touch", "frances@example.org")], 81614, 8, PE_BUGS)


# round 290's module in a pewterer's words: the words round 299's table replaces, in its order, each given one
TF_WORDS = ["pewterpot", "alloy sums for the pewterpot (mould weights, casting times, touch charts)",
            "mouldWeight", "castToMs", "alloyBand", "touchLabel", "mouldArea", "touchChart", "castPlan",
            "No castings planned", "unknown mould type", "flagon", "porringer", "tankard", "charger",
            "`bench ${w + 1}", "seed = 81617",
            "'lid', 'THUMBPIECE', 'hinge', 'Handle', 'spout', 'foot', 'Rim', 'boss', 'bead', 'SPRUE', 'ladle',\n  "
            "'pot', 'crucible', 'Mould', 'burnisher', 'touch'",
            "'Abel', 'Bridget', 'Caleb', 'Deborah', 'Elias', 'Frances', 'Giles', 'Hester', 'Isaiah', "
            "'Judith', 'Kit', 'Lettice'"]
assert len(TF_WORDS) == len(m299.WAGGLE_NAMES)
TF_NAMES = tuple((old, new) for (old, _), new in zip(m299.WAGGLE_NAMES, TF_WORDS))
PP_BUGS = [(g273.renamed(rel, TF_NAMES), g273.renamed(old, TF_NAMES), g273.renamed(new, TF_NAMES))
           for rel, old, new in m290.PA_BUGS]


def js_project(tmp: Path) -> None:
    root = tmp / "pewterpot"
    for d in ("lib", "spec"):
        (root / d).mkdir(parents=True, exist_ok=True)
    run(f"ln -s {JS / 'node_modules'} node_modules", cwd=root)
    fixtures = g273.renamed(m290.FIXTURES, TF_NAMES)
    assert "81617" in fixtures
    write_tree(root, {"package.json": json.dumps({"name": "pewterpot", "version": "2.3.1", "type": "module",
                                                  "scripts": {"test": "vitest run"}}, indent=2) + "\n",
                      "fixtures.mjs": fixtures, "eslint.config.js": m290.ESLINT_CONFIG,
                      "lib/cast-plan.js": g273.renamed(m290.APP, TF_NAMES),
                      "lib/pewterpot.js": g273.renamed(m290.HAWSEHOLE, TF_NAMES),
                      "lib/package.json": json.dumps({"type": "commonjs"}) + "\n", "tsconfig.json": m290.TSCONFIG})
    run("node fixtures.mjs && rm fixtures.mjs", cwd=root)
    spec = root / "spec" / "lines.test.mjs"
    text = spec.read_text()
    spec.write_text(text.replace("import {test} from 'node:test';", "import {test} from 'vitest';"))
    put_bugs(root / "lib", PP_BUGS)


C_RENAMES = (("WEIRKEEPER", "FLAGONMOULD"), ("weirkeeper", "flagonmould"), ("sluice", "mould"),
             ("weir", "flagon_"), ("gate_t", "sprue_t"), ("gates", "sprues"), ("level_cm", "alloy_g"))
RS_RENAMES = (("plumbline", "porringerkit"), ("Plumb-line survey", "Porringer casting log"),
              ("offset_per_m", "tin_per_kg"), ("station_penalty", "ear_penalty"), ("readings", "castings"),
              ("reading", "casting"), ("station", "ear"))


def c_project(tmp: Path) -> None:
    root = tmp / "flagonmould"
    rnd = random.Random(81612)
    files = {"src/flagonmould.h": g273.renamed(n191.SKIFF_H, C_RENAMES),
             "src/mould.c": g273.renamed(n191.SKIFF_C, C_RENAMES)}
    for k in range(40):
        files[f"src/flagon_{k:02d}.c"] = g273.renamed(n191.gen_c(k, rnd), C_RENAMES)
    objs = " ".join(f"build/{Path(p).stem}.o" for p in files if p.endswith(".c"))
    files["Makefile"] = ("CC=gcc\nCFLAGS=-Wall -Wextra -O1 -Isrc\nOBJS=" + objs + "\n\nall: flagonmould\n\n"
                         "flagonmould: $(OBJS)\n\t$(CC) -o $@ $(OBJS)\n\nbuild/%.o: src/%.c src/flagonmould.h\n"
                         "\t@mkdir -p build\n\t$(CC) $(CFLAGS) -c $< -o $@\n\nclean:\n\trm -rf build flagonmould\n")
    write_tree(root, files)


def rust(tmp: Path) -> None:
    root = tmp / "porringerkit"
    rnd = random.Random(81615)
    write_tree(root, {"Cargo.toml": g273.renamed(n191.CARGO, RS_RENAMES).replace("0.3.4", "2.1.6"),
                      "src/lib.rs": g273.renamed(n191.LIB, RS_RENAMES),
                      "src/broken.rs": g273.renamed(n191.BROKEN, RS_RENAMES),
                      "src/castings.rs": g273.renamed(n191.gen_readings(rnd, 230), RS_RENAMES)})
    assert "idx.push(ear_count)" in (root / "src/broken.rs").read_text()


GO_RENAMES = (("kegtally", "touchbook"), ("casebook", "markbook"), ("ledger host", "guild host"),
              ("litres left, days", "pounds left, castings"), ("nothing left to pour", "nothing left to cast"),
              ("pour order", "cast order"), ("pour grade", "alloy grade"), ("Keg", "Mould"), ("keg", "mould"),
              ("Beer", "Alloy"), ("beer", "alloy"), ("Cellar", "Shop"), ("cellar", "shop"),
              ("Pints", "Pounds"), ("pints", "pounds"))
AB_GO_RENAMES = tuple((o, n.replace("touchbook", "alloybook")) for o, n in GO_RENAMES)
MOULDS = ["Flagon", "Porringer", "Tankard", "Charger", "Spoon", "Salt", "Beaker", "Plate", "Basin", "Ewer",
          "Chalice", "Inkwell"]
PEWTERERS = ["Abel", "Bridget", "Caleb", "Deborah", "Elias", "Frances", "Giles", "Hester", "Isaiah", "Judith",
             "Kit", "Lettice"]


def go_module(tmp: Path) -> None:
    for name, renames, seed, names in (("touchbook", GO_RENAMES, 81610, MOULDS),
                                       ("alloybook", AB_GO_RENAMES, 81611, PEWTERERS)):
        base = {"go.mod": g273.renamed(g273.GO_MOD, renames), "tally.go": g273.renamed(g273.TALLY_GO, renames)}
        write_tree(tmp / name, {**base, "tally_test.go": g273.gen_test(seed, 60, names, renames)})
        write_tree(tmp / f"{name}-vet", {**base, "vet.go": g273.renamed(g273.VET_GO, renames)})
        write_tree(tmp / f"{name}-build", {**base, "restock.go": g273.renamed(g273.BUILD_GO, renames)})
        assert "keg" not in (tmp / name / "tally.go").read_text().lower()


SHARE = ("/usr/share/go-1.19/src/encoding/xml /usr/share/go-1.19/src/go/scanner "
         "/usr/share/go-1.19/src/text/template /usr/share/go-1.19/src/compress/gzip "
         "/usr/share/go-1.19/src/hash/adler32 /usr/share/go-1.19/src/net/mail /usr/share/go-1.19/src/strconv "
         "/usr/share/go-1.19/src/regexp/syntax /usr/share/go-1.19/src/mime/multipart "
         "/usr/share/go-1.19/src/image/gif /usr/share/go-1.19/src/archive/zip")


def data(tmp: Path) -> None:
    d = tmp / "data"
    d.mkdir()
    run(f"find {SHARE} -type f -printf '%h,%f,%s,%TY-%Tm-%Td\\n' | sort > pewterbill.body && "
        "(echo directory,file,bytes,modified; cat pewterbill.body) > pewterbill.csv && rm pewterbill.body", cwd=d)
    run("sqlite3 pewterbill.db '.mode csv' '.import pewterbill.csv pewterbill'", cwd=d)
    app_log(d / "tinpot.log", 81616, 2300, ["shop.moulds", "shop.pots", "shop.api", "shop.sprues"], {
        "INFO": lambda r: f"bench {r.randint(1, 6)} cast batch {r.randint(100, 999)}: {r.randint(2, 40)} pieces at {r.choice(['235', '245', '260'])} C",
        "DEBUG": lambda r: f"ladle {r.randint(1, 6)} skimmed the pot {r.randint(2, 90)} times an hour",
        "WARNING": lambda r: f"mould {r.randint(1, 4)} on bench {r.randint(1, 8)} ran {r.randint(2, 40)} degrees cold after {r.randint(40, 60)} min",
        "ERROR": lambda r: f"pot {r.randint(1, 3)} dross choked sprue on batch {r.randint(100, 999)} at {r.randint(20, 90)} % of the pour"},
        9816, "2026-12-02")
    app_log(d / "burnishroom.log", 81617, 2000, ["room.wheels", "room.touch", "room.api", "room.db"], {
        "INFO": lambda r: f"piece {r.randint(1, 40)} burnished: {r.randint(8, 16)} passes at {r.randint(3, 90)} rpm on a {r.choice(['bloodstone', 'agate', 'steel'])} burnisher, mark {r.randint(15, 18)} mm",
        "DEBUG": lambda r: f"touch sample {r.randint(1, 90)} took {r.randint(2, 70)} ms",
        "WARNING": lambda r: f"wheel {r.randint(1, 3)} ran past its mark {r.randint(1, 9)} times over the day",
        "ERROR": lambda r: f"touchmark {r.randint(1, 4)} smeared on piece {r.randint(1, 40)} after {r.randint(1, 60)} min"},
        7816, "2026-12-03")


STEPS = [python, js_project, c_project, rust, go_module, data]
