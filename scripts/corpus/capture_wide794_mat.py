"""Round 794, the material both agents work in (no item is captured here): edn_format's and piexif's sdists with
bugs put in under their own test suites and a script each that runs their code wrongly, git histories built by
committing their sources in steps (capture_material.history), a C project (`damselshaft`) and a Rust crate
(`shoestrap`) from round 191's generators, Go modules (`runnerbook`, `furrowbook`) from round 273's, a JavaScript
project (`hopperboy`) from round 290's module renamed through round 299's table's words, a CSV and a sqlite table of
some /usr/share files and two application logs. The generators are imported and called with rounds 745, 757 and
767's steps' pattern, this round's words (a millwright's) and seeds (79410-79419)."""

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
from capture_wide794 import JS, SRC

EF, PX = "edn_format-0.8.0", "piexif-1.1.3"

# edn_format: a space character dumped as `\ ` (the printable range begun one too low, so `\space` is never written);
# a ratio's numerator and denominator read the wrong way round.
EF_BUGS = [("edn_format/edn_dump.py", "if ord(c) in range(33, 127):", "if ord(c) in range(32, 127):"),
           ("edn_format/edn_lex.py", "t.value = fractions.Fraction(int(numerator), int(denominator))",
            "t.value = fractions.Fraction(int(denominator), int(numerator))")]
# piexif: SHORT values packed signed, so any over 32767 will not pack; a UserComment loses its first character.
PX_BUGS = [("piexif/_dump.py", 'return struct.pack(">" + "H" * len(args), *args)',
            'return struct.pack(">" + "h" * len(args), *args)'),
           ("piexif/helper.py", "body = data[cls._PREFIX_SIZE:]", "body = data[cls._PREFIX_SIZE + 1:]")]

GRIST_CARD = r"""
import edn_format


class GristError(RuntimeError):
    pass


# the millwright's grist cards: each runner stone's dressing as the miller wrote it in EDN (stone 3's as a bare count)
CARDS = [("stone 1", '{:furrows 10 :harps 4 :lands "1/2 in" :dressed #inst "2026-11-02T07:00:00Z"}'),
         ("stone 2", '{:furrows 12 :harps 6 :damsel :quant :shoe-knock 3/4}'),
         ("stone 3", 16),
         ("stone 4", '[:hopper :shoe :damsel :runner]')]


def read_card(stone, card):
    try:
        return edn_format.loads(card)
    except {EXC} as exc:
        raise GristError(f"damselshaft: cannot read the {stone} grist card {card!r}") from exc


for stone, card in CARDS:
    print(f"--- {stone}")
    print(edn_format.dumps(read_card(stone, card)))
"""

STONE_LEDGER = r"""
import piexif


class LedgerError(RuntimeError):
    pass


# the stone ledger: each runner stone's dressing photograph as the clerk filed it (stone 3's as a number)
LEDGER = [("stone 1", "tests/images/01.jpg"),
          ("stone 2", "tests/images/02.jpg"),
          ("stone 3", 36),
          ("stone 4", "tests/images/r_pen.jpg")]


def photograph(stone, path):
    try:
        return piexif.load(path)
    except {EXC} as exc:
        raise LedgerError(f"stone ledger: cannot read the {stone} photograph {path!r}") from exc


for stone, path in LEDGER:
    exif = photograph(stone, path)
    print(f"{stone:<8} {len(exif['0th']):>3} tags  {exif['0th'].get(271, b'?')!r}")
"""
# the exception each package raises on a number (seen once before the round's needle rules were written)
EF_EXC, PX_EXC = "AttributeError", "TypeError"


def python(tmp: Path) -> None:
    put_bugs(tmp / EF, EF_BUGS)
    put_bugs(tmp / PX, PX_BUGS)
    (tmp / EF / "grist_card.py").write_text(GRIST_CARD.replace("{EXC}", EF_EXC))
    (tmp / PX / "stone_ledger.py").write_text(STONE_LEDGER.replace("{EXC}", PX_EXC))
    history(tmp, SRC, "edn_format", EF, ["edn_format/edn_dump.py", "edn_format/edn_lex.py"],
            [("Abel Runner", "abel@example.org"), ("Bridget Hopper", "bridget@example.org"),
             ("Caleb Damsel", "caleb@example.org")], 79413, 7, EF_BUGS)
    history(tmp, SRC, "piexif", PX, ["piexif/helper.py", "piexif/_dump.py"],
            [("Deborah Quant", "deborah@example.org"), ("Elias Rynd", "elias@example.org"),
             ("Frances Shoe", "frances@example.org")], 79414, 8, PX_BUGS)


# round 290's module in a millwright's words: the words round 299's table replaces, in its order, each given one
TF_WORDS = ["hopperboy", "grist sums for the hopperboy (stone speeds, dressing times, furrow charts)",
            "stoneSpeed", "dressToMs", "furrowBand", "runnerLabel", "hopperArea", "furrowChart", "grindPlan",
            "No grindings planned", "unknown stone type", "burr", "peak", "grit", "redress",
            "`pair ${w + 1}", "seed = 79417",
            "'runner', 'HOPPER', 'shoe', 'Damsel', 'quant', 'spindle', 'Rynd', 'furrow', 'land', "
            "'CRANE', 'tun',\n  'vat', 'hurst', 'Bill', 'stave', 'meal'",
            "'Abel', 'Bridget', 'Caleb', 'Deborah', 'Elias', 'Frances', 'Giles', 'Hester', 'Isaiah', "
            "'Judith', 'Kit', 'Lettice'"]
assert len(TF_WORDS) == len(m299.WAGGLE_NAMES)
TF_NAMES = tuple((old, new) for (old, _), new in zip(m299.WAGGLE_NAMES, TF_WORDS))
HB_BUGS = [(g273.renamed(rel, TF_NAMES), g273.renamed(old, TF_NAMES), g273.renamed(new, TF_NAMES))
           for rel, old, new in m290.PA_BUGS]


def js_project(tmp: Path) -> None:
    root = tmp / "hopperboy"
    for d in ("lib", "spec"):
        (root / d).mkdir(parents=True, exist_ok=True)
    run(f"ln -s {JS / 'node_modules'} node_modules", cwd=root)
    fixtures = g273.renamed(m290.FIXTURES, TF_NAMES)
    assert "79417" in fixtures
    write_tree(root, {"package.json": json.dumps({"name": "hopperboy", "version": "1.4.2", "type": "module",
                                                  "scripts": {"test": "vitest run"}}, indent=2) + "\n",
                      "fixtures.mjs": fixtures, "eslint.config.js": m290.ESLINT_CONFIG,
                      "lib/grind-plan.js": g273.renamed(m290.APP, TF_NAMES),
                      "lib/hopperboy.js": g273.renamed(m290.HAWSEHOLE, TF_NAMES),
                      "lib/package.json": json.dumps({"type": "commonjs"}) + "\n", "tsconfig.json": m290.TSCONFIG})
    run("node fixtures.mjs && rm fixtures.mjs", cwd=root)
    spec = root / "spec" / "lines.test.mjs"
    text = spec.read_text()
    spec.write_text(text.replace("import {test} from 'node:test';", "import {test} from 'vitest';"))
    put_bugs(root / "lib", HB_BUGS)


C_RENAMES = (("WEIRKEEPER", "DAMSELSHAFT"), ("weirkeeper", "damselshaft"), ("sluice", "hopper"),
             ("weir", "stone_"), ("gate_t", "shoe_t"), ("gates", "shoes"), ("level_cm", "feed_mm"))
RS_RENAMES = (("plumbline", "shoestrap"), ("Plumb-line survey", "Shoe strap feed log"),
              ("offset_per_m", "grist_per_min"), ("station_penalty", "damsel_penalty"), ("readings", "feeds"),
              ("reading", "feed"), ("station", "damsel"))


def c_project(tmp: Path) -> None:
    root = tmp / "damselshaft"
    rnd = random.Random(79412)
    files = {"src/damselshaft.h": g273.renamed(n191.SKIFF_H, C_RENAMES),
             "src/hopper.c": g273.renamed(n191.SKIFF_C, C_RENAMES)}
    for k in range(40):
        files[f"src/stone_{k:02d}.c"] = g273.renamed(n191.gen_c(k, rnd), C_RENAMES)
    objs = " ".join(f"build/{Path(p).stem}.o" for p in files if p.endswith(".c"))
    files["Makefile"] = ("CC=gcc\nCFLAGS=-Wall -Wextra -O1 -Isrc\nOBJS=" + objs + "\n\nall: damselshaft\n\n"
                         "damselshaft: $(OBJS)\n\t$(CC) -o $@ $(OBJS)\n\nbuild/%.o: src/%.c src/damselshaft.h\n"
                         "\t@mkdir -p build\n\t$(CC) $(CFLAGS) -c $< -o $@\n\nclean:\n\trm -rf build damselshaft\n")
    write_tree(root, files)


def rust(tmp: Path) -> None:
    root = tmp / "shoestrap"
    rnd = random.Random(79415)
    write_tree(root, {"Cargo.toml": g273.renamed(n191.CARGO, RS_RENAMES).replace("0.3.4", "1.7.3"),
                      "src/lib.rs": g273.renamed(n191.LIB, RS_RENAMES),
                      "src/broken.rs": g273.renamed(n191.BROKEN, RS_RENAMES),
                      "src/feeds.rs": g273.renamed(n191.gen_readings(rnd, 230), RS_RENAMES)})
    assert "idx.push(damsel_count)" in (root / "src/broken.rs").read_text()


GO_RENAMES = (("kegtally", "runnerbook"), ("casebook", "dressbook"), ("ledger host", "mill host"),
              ("litres left, days", "bushels left, grindings"), ("nothing left to pour", "nothing left to grind"),
              ("pour order", "grind order"), ("pour grade", "meal grade"), ("Keg", "Stone"), ("keg", "stone"),
              ("Beer", "Grist"), ("beer", "grist"), ("Cellar", "Mill"), ("cellar", "mill"),
              ("Pints", "Bushels"), ("pints", "bushels"))
FB_GO_RENAMES = tuple((o, n.replace("runnerbook", "furrowbook")) for o, n in GO_RENAMES)
STONES = ["Peak", "French Burr", "Derbyshire", "Cullin", "Grey", "Millstone Grit", "Composition", "Bedstone",
          "Runner", "Shelling", "Provender", "Flour"]
MILLERS = ["Abel", "Bridget", "Caleb", "Deborah", "Elias", "Frances", "Giles", "Hester", "Isaiah", "Judith", "Kit",
           "Lettice"]


def go_module(tmp: Path) -> None:
    for name, renames, seed, names in (("runnerbook", GO_RENAMES, 79410, STONES),
                                       ("furrowbook", FB_GO_RENAMES, 79411, MILLERS)):
        base = {"go.mod": g273.renamed(g273.GO_MOD, renames), "tally.go": g273.renamed(g273.TALLY_GO, renames)}
        write_tree(tmp / name, {**base, "tally_test.go": g273.gen_test(seed, 60, names, renames)})
        write_tree(tmp / f"{name}-vet", {**base, "vet.go": g273.renamed(g273.VET_GO, renames)})
        write_tree(tmp / f"{name}-build", {**base, "restock.go": g273.renamed(g273.BUILD_GO, renames)})
        assert "keg" not in (tmp / name / "tally.go").read_text().lower()


SHARE = ("/usr/share/go-1.19/src/encoding/json /usr/share/go-1.19/src/go/parser "
         "/usr/share/go-1.19/src/text/tabwriter /usr/share/go-1.19/src/compress/flate "
         "/usr/share/go-1.19/src/hash/crc32 /usr/share/go-1.19/src/net/url /usr/share/go-1.19/src/sort "
         "/usr/share/go-1.19/src/bufio /usr/share/go-1.19/src/path/filepath /usr/share/go-1.19/src/image/png "
         "/usr/share/go-1.19/src/archive/tar")


def data(tmp: Path) -> None:
    d = tmp / "data"
    d.mkdir()
    run(f"find {SHARE} -type f -printf '%h,%f,%s,%TY-%Tm-%Td\\n' | sort > millbill.body && "
        "(echo directory,file,bytes,modified; cat millbill.body) > millbill.csv && rm millbill.body", cwd=d)
    run("sqlite3 millbill.db '.mode csv' '.import millbill.csv millbill'", cwd=d)
    app_log(d / "millpick.log", 79416, 2300, ["mill.stones", "mill.hoppers", "mill.api", "mill.shoes"], {
        "INFO": lambda r: f"pair {r.randint(1, 6)} ground batch {r.randint(100, 999)}: {r.randint(2, 40)} bushels at {r.choice(['90', '110', '125'])} rpm",
        "DEBUG": lambda r: f"damsel {r.randint(1, 6)} knocked the shoe {r.randint(2, 90)} times a minute",
        "WARNING": lambda r: f"runner stone {r.randint(1, 4)} on pair {r.randint(1, 8)} ran {r.randint(2, 40)} thou out of true after {r.randint(40, 60)} min",
        "ERROR": lambda r: f"hopper {r.randint(1, 3)} choked on batch {r.randint(100, 999)} at {r.randint(20, 90)} % of the feed"},
        9794, "2026-12-02")
    app_log(d / "stonecrane.log", 79417, 2000, ["crane.stones", "crane.dressing", "crane.api", "crane.db"], {
        "INFO": lambda r: f"stone {r.randint(1, 40)} dressed: {r.randint(8, 16)} furrows at {r.randint(3, 90)} mm on a {r.choice(['quarter', 'sixth', 'eighth'])} dress, lands {r.randint(15, 18)} mm",
        "DEBUG": lambda r: f"mill pick sample {r.randint(1, 90)} took {r.randint(2, 70)} ms",
        "WARNING": lambda r: f"stone crane {r.randint(1, 3)} swung past its mark {r.randint(1, 9)} times over the day",
        "ERROR": lambda r: f"furrow {r.randint(1, 4)} chipped on stone {r.randint(1, 40)} after {r.randint(1, 60)} min"},
        7794, "2026-12-03")


STEPS = [python, js_project, c_project, rust, go_module, data]
