"""Round 767, the material both agents work in (no item is captured here): jsbeautifier's and pybtex's sdists with
bugs put in under their own test suites and a script each that runs their code wrongly, git histories built by
committing their sources in steps (capture_material.history), a C project (`prickingiron`) and a Rust crate
(`girthstrap`) from round 191's generators, Go modules (`awlbook`, `girthbook`) from round 273's, a JavaScript project
(`stirrupleather`) from round 290's module renamed through round 299's table's words, a CSV and a sqlite table of some
/usr/share files and two application logs. The generators are imported and called with rounds 745 and 757's steps'
pattern, this round's words (a saddler's) and seeds (76710-76719)."""

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
from capture_wide767 import JS, SRC

JB, PB = "jsbeautifier-2.0.3", "pybtex-0.26.1"

# jsbeautifier: a url-encoded scriptlet taken for one only when it has both a %20 and more than three escapes; a packed
# script's base-62 words read one place too high.
JB_BUGS = [("jsbeautifier/unpackers/urlencode.py", '("%20" in code or code.count("%") > 3)',
            '("%20" in code and code.count("%") > 3)'),
           ("jsbeautifier/unpackers/packer.py", "ret += (self.base**index) * self.dictionary[cipher]",
            "ret += (self.base ** (index + 1)) * self.dictionary[cipher]")]
# pybtex: a name's middle names lose their first; an alpha label ends in the year's century, not its last two digits.
PB_BUGS = [("src/pybtex/database/__init__.py", "self.middle_names.extend(parts[1:])",
            "self.middle_names.extend(parts[2:])"),
           ("src/pybtex/style/labels/alpha.py", 'return label + entry.fields["year"][-2:]',
            'return label + entry.fields["year"][:2]')]

STITCH_CARD = r"""
import jsbeautifier


class StitchError(RuntimeError):
    pass


# the saddler's stitching cards: each saddle's pricking-iron script as the clerk typed it (saddle 3's as a bare count)
CARDS = [("saddle 1", "function girth(l){var holes=l*8;return holes}"),
         ("saddle 2", "var leathers={left:54,right:54};if(leathers.left!==leathers.right){throw 'uneven'}"),
         ("saddle 3", 12),
         ("saddle 4", "for(var i=0;i<7;i++){awl.prick(i*4)}")]


def tidy(saddle, card):
    try:
        return jsbeautifier.beautify(card)
    except {EXC} as exc:
        raise StitchError(f"prickingiron: cannot tidy the {saddle} stitching card {card!r}") from exc


for saddle, card in CARDS:
    print(f"--- {saddle}")
    print(tidy(saddle, card))
"""

TREE_LEDGER = r"""
from pybtex.database import Person


class TreeError(RuntimeError):
    pass


# the tree room's ledger: each saddle tree's maker as the foreman wrote it (tree 3's as a number)
LEDGER = [("tree 1", "Latchford, Jr, Nathaniel Ambrose"),
          ("tree 2", "Dorcas Faith von Whitmore"),
          ("tree 3", 36),
          ("tree 4", "Gideon Honor Pellow")]


def maker(tree, name):
    try:
        return Person(name)
    except {EXC} as exc:
        raise TreeError(f"tree ledger: cannot read the {tree} maker {name!r}") from exc


for tree, name in LEDGER:
    who = maker(tree, name)
    print(f"{tree:<8} {' '.join(who.last_names):<12} {' '.join(who.first_names + who.middle_names)}")
"""
# the exception each package raises on a number (seen once before the round's needle rules were written)
JB_EXC, PB_EXC = "TypeError", "AttributeError"


def python(tmp: Path) -> None:
    put_bugs(tmp / JB, JB_BUGS)
    put_bugs(tmp / PB, PB_BUGS)
    (tmp / JB / "stitch_card.py").write_text(STITCH_CARD.replace("{EXC}", JB_EXC))
    (tmp / PB / "tree_ledger.py").write_text(TREE_LEDGER.replace("{EXC}", PB_EXC))
    history(tmp, SRC, "jsbeautifier", JB, ["jsbeautifier/unpackers/packer.py", "jsbeautifier/unpackers/urlencode.py"],
            [("Ambrose Girth", "ambrose@example.org"), ("Bathsheba Awl", "bathsheba@example.org"),
             ("Clement Cantle", "clement@example.org")], 76713, 7, JB_BUGS)
    history(tmp, SRC, "pybtex", PB, ["src/pybtex/style/labels/alpha.py", "src/pybtex/textutils.py"],
            [("Dorcas Pommel", "dorcas@example.org"), ("Ebenezer Latigo", "ebenezer@example.org"),
             ("Faith Stirrup", "faith@example.org")], 76714, 8, PB_BUGS)


# round 290's module in a saddler's words: the words round 299's table replaces, in its order, each given one
TF_WORDS = ["stirrupleather", "girth sums for the stirrupleather (girth lengths, stitch times, bench charts)",
            "girthLength", "stitchToMs", "strapBand", "treeLabel", "panelArea", "benchChart", "fittingPlan",
            "No fittings planned", "unknown tree type", "rigid", "spring", "flex", "restitch",
            "`bench ${w + 1}", "seed = 76717",
            "'girth', 'TREE', 'awl', 'Cantle', 'pommel', 'panel', 'Skirt', 'flap', 'billet', "
            "'LATIGO', 'buckle',\n  'keeper', 'welt', 'Seat', 'gullet', 'rigging'",
            "'Ambrose', 'Bathsheba', 'Clement', 'Dorcas', 'Ebenezer', 'Faith', 'Gideon', 'Honor', 'Isaac', "
            "'Jemima', 'Kezia', 'Lemuel'"]
assert len(TF_WORDS) == len(m299.WAGGLE_NAMES)
TF_NAMES = tuple((old, new) for (old, _), new in zip(m299.WAGGLE_NAMES, TF_WORDS))
SL_BUGS = [(g273.renamed(rel, TF_NAMES), g273.renamed(old, TF_NAMES), g273.renamed(new, TF_NAMES))
           for rel, old, new in m290.PA_BUGS]


def js_project(tmp: Path) -> None:
    root = tmp / "stirrupleather"
    for d in ("lib", "spec"):
        (root / d).mkdir(parents=True, exist_ok=True)
    run(f"ln -s {JS / 'node_modules'} node_modules", cwd=root)
    fixtures = g273.renamed(m290.FIXTURES, TF_NAMES)
    assert "76717" in fixtures
    write_tree(root, {"package.json": json.dumps({"name": "stirrupleather", "version": "2.3.0", "type": "module",
                                                  "scripts": {"test": "vitest run"}}, indent=2) + "\n",
                      "fixtures.mjs": fixtures, "eslint.config.js": m290.ESLINT_CONFIG,
                      "lib/print-plan.js": g273.renamed(m290.APP, TF_NAMES),
                      "lib/stirrupleather.js": g273.renamed(m290.HAWSEHOLE, TF_NAMES),
                      "lib/package.json": json.dumps({"type": "commonjs"}) + "\n", "tsconfig.json": m290.TSCONFIG})
    run("node fixtures.mjs && rm fixtures.mjs", cwd=root)
    spec = root / "spec" / "lines.test.mjs"
    text = spec.read_text()
    spec.write_text(text.replace("import {test} from 'node:test';", "import {test} from 'vitest';"))
    put_bugs(root / "lib", SL_BUGS)


C_RENAMES = (("WEIRKEEPER", "PRICKINGIRON"), ("weirkeeper", "prickingiron"), ("sluice", "awlman"),
             ("weir", "stitch_"), ("gate_t", "tine_t"), ("gates", "tines"), ("level_cm", "pitch_mm"))
RS_RENAMES = (("plumbline", "girthstrap"), ("Plumb-line survey", "Girth strap fitting log"),
              ("offset_per_m", "stretch_per_cm"), ("station_penalty", "buckle_penalty"), ("readings", "fittings"),
              ("reading", "fitting"), ("station", "buckle"))


def c_project(tmp: Path) -> None:
    root = tmp / "prickingiron"
    rnd = random.Random(76712)
    files = {"src/prickingiron.h": g273.renamed(n191.SKIFF_H, C_RENAMES),
             "src/awlman.c": g273.renamed(n191.SKIFF_C, C_RENAMES)}
    for k in range(40):
        files[f"src/stitch_{k:02d}.c"] = g273.renamed(n191.gen_c(k, rnd), C_RENAMES)
    objs = " ".join(f"build/{Path(p).stem}.o" for p in files if p.endswith(".c"))
    files["Makefile"] = ("CC=gcc\nCFLAGS=-Wall -Wextra -O1 -Isrc\nOBJS=" + objs + "\n\nall: prickingiron\n\n"
                         "prickingiron: $(OBJS)\n\t$(CC) -o $@ $(OBJS)\n\nbuild/%.o: src/%.c src/prickingiron.h\n"
                         "\t@mkdir -p build\n\t$(CC) $(CFLAGS) -c $< -o $@\n\nclean:\n\trm -rf build prickingiron\n")
    write_tree(root, files)


def rust(tmp: Path) -> None:
    root = tmp / "girthstrap"
    rnd = random.Random(76715)
    write_tree(root, {"Cargo.toml": g273.renamed(n191.CARGO, RS_RENAMES).replace("0.3.4", "2.1.6"),
                      "src/lib.rs": g273.renamed(n191.LIB, RS_RENAMES),
                      "src/broken.rs": g273.renamed(n191.BROKEN, RS_RENAMES),
                      "src/fittings.rs": g273.renamed(n191.gen_readings(rnd, 230), RS_RENAMES)})
    assert "idx.push(buckle_count)" in (root / "src/broken.rs").read_text()


GO_RENAMES = (("kegtally", "awlbook"), ("casebook", "stitchbook"), ("ledger host", "tack host"),
              ("litres left, days", "hides left, fittings"), ("nothing left to pour", "nothing left to stitch"),
              ("pour order", "stitch order"), ("pour grade", "leather grade"), ("Keg", "Hide"), ("keg", "hide"),
              ("Beer", "Strap"), ("beer", "strap"), ("Cellar", "Tack"), ("cellar", "tack"),
              ("Pints", "Inches"), ("pints", "inches"))
GB_GO_RENAMES = tuple((o, n.replace("awlbook", "girthbook")) for o, n in GO_RENAMES)
SADDLES = ["Hunter", "Dressage", "Racing", "Side", "Stock", "Western", "Pony", "Trail", "Polo", "Jumping",
           "Endurance", "Military"]
APPRENTICES = ["Ambrose", "Bathsheba", "Clement", "Dorcas", "Ebenezer", "Faith", "Gideon", "Honor", "Isaac",
               "Jemima", "Kezia", "Lemuel"]


def go_module(tmp: Path) -> None:
    for name, renames, seed, names in (("awlbook", GO_RENAMES, 76710, SADDLES),
                                       ("girthbook", GB_GO_RENAMES, 76711, APPRENTICES)):
        base = {"go.mod": g273.renamed(g273.GO_MOD, renames), "tally.go": g273.renamed(g273.TALLY_GO, renames)}
        write_tree(tmp / name, {**base, "tally_test.go": g273.gen_test(seed, 60, names, renames)})
        write_tree(tmp / f"{name}-vet", {**base, "vet.go": g273.renamed(g273.VET_GO, renames)})
        write_tree(tmp / f"{name}-build", {**base, "restock.go": g273.renamed(g273.BUILD_GO, renames)})
        assert "keg" not in (tmp / name / "tally.go").read_text().lower()


SHARE = ("/usr/share/go-1.19/src/encoding/csv /usr/share/go-1.19/src/text/template/parse "
         "/usr/share/go-1.19/src/go/scanner /usr/share/go-1.19/src/regexp/syntax /usr/share/go-1.19/src/crypto/sha256 "
         "/usr/share/go-1.19/src/net/http/cookiejar /usr/share/go-1.19/src/container/list "
         "/usr/share/go-1.19/src/unicode/utf8 /usr/share/go-1.19/src/math/big /usr/share/go-1.19/src/strconv "
         "/usr/share/go-1.19/src/go/ast")


def data(tmp: Path) -> None:
    d = tmp / "data"
    d.mkdir()
    run(f"find {SHARE} -type f -printf '%h,%f,%s,%TY-%Tm-%Td\\n' | sort > tack.body && "
        "(echo directory,file,bytes,modified; cat tack.body) > tack.csv && rm tack.body", cwd=d)
    run("sqlite3 tack.db '.mode csv' '.import tack.csv tack'", cwd=d)
    app_log(d / "stitching.log", 76716, 2300, ["shop.stitching", "shop.trees", "shop.api", "shop.fitting"], {
        "INFO": lambda r: f"bench {r.randint(1, 6)} stitched girth {r.randint(100, 999)}: {r.randint(200, 2400)} holes at {r.choice(['8', '10', '12'])} to the inch",
        "DEBUG": lambda r: f"awl {r.randint(1, 6)} waxed with beeswax in {r.randint(2, 90)} ms",
        "WARNING": lambda r: f"pricking iron {r.randint(1, 4)} at bench {r.randint(1, 8)} marked {r.randint(2, 40)} holes off the line after {r.randint(40, 60)} min",
        "ERROR": lambda r: f"stirrup leather {r.randint(1, 3)} split on saddle {r.randint(100, 999)} at {r.randint(20, 90)} % of the stretch"},
        9767, "2026-12-02")
    app_log(d / "treeroom.log", 76717, 2000, ["room.trees", "room.panels", "room.api", "room.db"], {
        "INFO": lambda r: f"tree {r.randint(1, 40)} fitted: gullet {r.randint(3, 90)} mm on a {r.choice(['narrow', 'medium', 'wide'])} fitting, seat {r.randint(15, 18)} in",
        "DEBUG": lambda r: f"panel sample {r.randint(1, 90)} took {r.randint(2, 70)} ms",
        "WARNING": lambda r: f"girth strap {r.randint(1, 3)} stretched past its mark {r.randint(1, 9)} times over the day",
        "ERROR": lambda r: f"tree point {r.randint(1, 4)} cracked on tree {r.randint(1, 40)} after {r.randint(1, 60)} min"},
        7767, "2026-12-03")


STEPS = [python, js_project, c_project, rust, go_module, data]
