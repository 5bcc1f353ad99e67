"""Round 591, the material both agents work in (no item is captured here): language_tags' and mailbits' sdists with
bugs put in and a script each that runs their code wrongly, git histories built by committing their sources in steps
(capture_material.history), a C project (`greencharge`) and a Rust crate (`brimstone`) from round 191's generators
(capture_wide191_native, imported, renamed, other seeds), a Go module (`millbelt`, and a copy `corningbelt`) from round
273's generator (capture_wide273_go, imported, renamed, other seeds), a JavaScript project (`cornings`) from round
290's module and fixture generator (capture_wide290_mat, imported, renamed through round 299's table's words as rounds
538 and 578 did), a CSV and a sqlite table of some /usr/share files and two application logs. Run through
capture_wide591.py; round 578's pattern (capture_wide578_mat), this round's words (a gunpowder mill) and seeds
(59110-59118)."""

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
from capture_wide591 import JS, SRC, VENV

LT, MB = "language_tags-1.3.2", "mailbits-0.2.3"

# language_tags: Tag.format upper-cases a script subtag; Subtag.format upper-cases languages instead of regions.
LT_BUGS = [("language_tags/Tag.py", "formatted_tag += '-' + subtag.capitalize()",
            "formatted_tag += '-' + subtag.upper()"),
           ("language_tags/Subtag.py", "if self.data['type'] == 'region':", "if self.data['type'] == 'language':")]
# mailbits: recipient_addresses forgets BCC and sorts the addresses backwards.
MB_BUGS = [("src/mailbits/misc.py", 'for key in ["To", "CC", "BCC"]:', 'for key in ["To", "CC"]:'),
           ("src/mailbits/misc.py", "return sorted(recipients)", "return sorted(recipients, reverse=True)")]

CORNING_SIEVE = r'''
from language_tags import tags


class CorningSieveError(RuntimeError):
    pass


# the corning house's sieve book: which grain of powder goes to which market, keyed by the market's language tag
SIEVE_BOOK = [("en-gb", "fine grain", 14), ("de-latn-at", "cannon grain", 22), ("sr-cyrl-rs", "musket grain", 9),
              ("zh-hant-tw", "rifle grain", 17), ("pt-br", "blasting grain", 11)]


def market(code):
    try:
        tag = tags.tag(code)
        return f"{tag.format} ({tag.language.description[0]}, {'valid' if tag.valid else 'invalid'})"
    except (AttributeError, TypeError) as exc:
        raise CorningSieveError(f"corning sieve book: cannot read the market tag {code!r}") from exc


for code, grain, casks in SIEVE_BOOK:
    print(f"{grain:15} {casks:3} casks for", market(code))
print("regions:", [str(r.format) for r in tags.tag("de-latn-at").subtags])
print("the smudged page:", market(None))
'''

STOVE_ROLL = r'''
from mailbits import parse_address, recipient_addresses
from email.message import EmailMessage


class StoveRollError(RuntimeError):
    pass


# the stove roll: which millmen dry the powder in which stove, and where their pay notes go
ROLL = ["Ezra Saltpetre <ezra@incorporating.example>", "Job Corner <job@corning.example>",
        "Silas Glazer <silas@glazing.example>", "Ruth Stover <ruth@stoves.example>"]
SMUDGED = "Amos Presscake <amos at the press house>"


def millman(entry):
    try:
        return parse_address(entry)
    except ValueError as exc:
        raise StoveRollError(f"stove roll: cannot read the millman's entry {entry!r}") from exc


msg = EmailMessage()
msg["To"] = ROLL[0]
msg["CC"] = ROLL[1]
msg["BCC"] = ", ".join(ROLL[2:])
print("pay notes go to:", recipient_addresses(msg))
for entry in ROLL:
    a = millman(entry)
    print(f"{a.display_name:15} {a.addr_spec}")
print("the smudged entry:", millman(SMUDGED))
'''


def python(tmp: Path) -> None:
    put_bugs(tmp / LT, LT_BUGS)
    put_bugs(tmp / MB, MB_BUGS)
    (tmp / LT / "corning_sieve.py").write_text(CORNING_SIEVE)
    (tmp / MB / "stove_roll.py").write_text(STOVE_ROLL)
    # warm mypy's caches here so that Codex's run ends within its 30 s yield
    run(f"MYPYPATH=src {VENV}/bin/mypy --strict src test stove_roll.py >/dev/null 2>&1; true", cwd=tmp / MB,
        timeout=900)
    history(tmp, SRC, "language_tags", LT, ["language_tags/Tag.py", "language_tags/Subtag.py",
                                            "language_tags/tags.py"],
            [("Ezra Saltpetre", "ezra@example.org"), ("Job Corner", "job@example.org"),
             ("Hester Glazer", "hester@example.org")], 59113, 45, LT_BUGS)
    history(tmp, SRC, "mailbits", MB, ["src/mailbits/misc.py", "src/mailbits/email2dict.py",
                                       "test/test_recipient_addresses.py"],
            [("Silas Stover", "silas@example.org"), ("Ruth Mixer", "ruth@example.org"),
             ("Amos Presscake", "amos@example.org")], 59114, 25, MB_BUGS)


# round 290's module in gunpowder mill words: the words round 299's table replaces, in its order, each given one here
POWDER_WORDS = ["cornings", "corning-house sums for the cornings (grain sizes, press rates, stove charts)",
                "grainSize", "pressToMs", "sieveBand", "caskLabel", "cakeArea", "stoveChart", "millPlan",
                "No milling planned", "unknown powder type", "cannon", "musket", "rifle", "blasting",
                "`stove ${w + 1}", "seed = 59118",
                "'runner', 'SIEVE', 'saltpetre', 'Charcoal', 'sulphur', 'press', 'Cake', 'stove', 'glaze', 'CASK', "
                "'dust',\n  'corning', 'incorporating', 'Magazine', 'grain', 'barrel'",
                "'Amos', 'Bathsheba', 'Ezra', 'Hester', 'Job', 'Keturah', 'Lemuel', 'Mehitabel', 'Ruth', 'Silas', "
                "'Tabitha', 'Zadok'"]
assert len(POWDER_WORDS) == len(m299.WAGGLE_NAMES)
POWDER_NAMES = [(old, new) for (old, _), new in zip(m299.WAGGLE_NAMES, POWDER_WORDS)]


def powdered(text: str) -> str:
    for old, new in POWDER_NAMES:
        text = text.replace(old, new)
    return text


CN_BUGS = [(powdered(rel), powdered(old), powdered(new)) for rel, old, new in m290.PA_BUGS]


def js_project(tmp: Path) -> None:
    root = tmp / "cornings"
    nm = JS / "node_modules"
    for d in ("lib", "spec"):
        (root / d).mkdir(parents=True, exist_ok=True)
    run(f"ln -s {nm} node_modules", cwd=root)
    fixtures = powdered(m290.FIXTURES)
    assert "59118" in fixtures and "STOPPER" not in fixtures and "Branwen" not in fixtures
    write_tree(root, {"package.json": json.dumps({"name": "cornings", "version": "3.1.4", "type": "module",
                                                  "scripts": {"test": "vitest run"}}, indent=2) + "\n",
                      "fixtures.mjs": fixtures, "eslint.config.js": m290.ESLINT_CONFIG,
                      "lib/mill-plan.js": powdered(m290.APP),
                      "lib/cornings.js": powdered(m290.HAWSEHOLE),
                      "lib/package.json": json.dumps({"type": "commonjs"}) + "\n", "tsconfig.json": m290.TSCONFIG})
    run("node fixtures.mjs && rm fixtures.mjs", cwd=root)
    # the generated suite, read by vitest: its test function from vitest instead of node:test (node:assert kept)
    spec = root / "spec" / "lines.test.mjs"
    text = spec.read_text()
    assert text.count("import {test} from 'node:test';") == 1
    spec.write_text(text.replace("import {test} from 'node:test';", "import {test} from 'vitest';"))
    put_bugs(root / "lib", CN_BUGS)


def greencharge(text: str) -> str:
    return (text.replace("WEIRKEEPER", "GREENCHARGE").replace("weirkeeper", "greencharge").replace("sluice", "runner")
            .replace("weir", "incorp_").replace("gate_t", "charge_t").replace("gates", "charges")
            .replace("level_cm", "damp_pct"))


def c_project(tmp: Path) -> None:
    root = tmp / "greencharge"
    rnd = random.Random(59112)
    files = {"src/greencharge.h": greencharge(n191.SKIFF_H), "src/glazedrum.c": greencharge(n191.SKIFF_C)}
    for k in range(40):
        files[f"src/incorp_{k:02d}.c"] = greencharge(n191.gen_c(k, rnd))
    objs = " ".join(f"build/{Path(p).stem}.o" for p in files if p.endswith(".c"))
    files["Makefile"] = ("CC=gcc\nCFLAGS=-Wall -Wextra -O1 -Isrc\nOBJS=" + objs + "\n\nall: greencharge\n\n"
                         "greencharge: $(OBJS)\n\t$(CC) -o $@ $(OBJS)\n\nbuild/%.o: src/%.c src/greencharge.h\n"
                         "\t@mkdir -p build\n\t$(CC) $(CFLAGS) -c $< -o $@\n\nclean:\n\trm -rf build greencharge\n")
    write_tree(root, files)


def brimstone(text: str) -> str:
    return (text.replace("plumbline", "brimstone").replace("Plumb-line survey", "Brimstone store log")
            .replace("offset_per_m", "sulphur_per_cask").replace("station_penalty", "stove_penalty")
            .replace("readings", "charges").replace("reading", "charge").replace("station", "stove"))


def rust(tmp: Path) -> None:
    root = tmp / "brimstone"
    rnd = random.Random(59115)
    write_tree(root, {"Cargo.toml": brimstone(n191.CARGO).replace("0.3.4", "2.5.9"),
                      "src/lib.rs": brimstone(n191.LIB), "src/broken.rs": brimstone(n191.BROKEN),
                      "src/charges.rs": brimstone(n191.gen_readings(rnd, 230))})
    assert "idx.push(stove_count)" in (root / "src/broken.rs").read_text()


# round 273's words, then this round's: the Go module, its app and what they count
GO_RENAMES = (("kegtally", "millbelt"), ("casebook", "dustbook"), ("ledger host", "mill host"),
              ("litres left, days", "powder left, shifts"), ("nothing left to pour", "nothing left to corn"),
              ("pour order", "press order"), ("pour grade", "grain grade"), ("Keg", "Cask"), ("keg", "cask"),
              ("Beer", "Powder"), ("beer", "powder"), ("Cellar", "Magazine"), ("cellar", "magazine"),
              ("Pints", "Pounds"), ("pints", "pounds"))
CB_RENAMES = tuple((o, n.replace("millbelt", "corningbelt")) for o, n in GO_RENAMES)
POWDERS = ["Cannon", "Musket", "Rifle", "Pistol", "Blasting", "Mining", "Sporting", "Fuse", "Priming", "Saltpetre",
           "Serpentine", "Pebble"]
MILLS = ["Faversham", "Chilworth", "Waltham", "Hounslow", "Fernilee", "Elterwater", "Roslin", "Kennall", "Oare",
         "Dartford", "Gatebeck", "Bedfont"]


def go_module(tmp: Path) -> None:
    for name, renames, seed, names in (("millbelt", GO_RENAMES, 59110, POWDERS),
                                       ("corningbelt", CB_RENAMES, 59111, MILLS)):
        base = {"go.mod": g273.renamed(g273.GO_MOD, renames), "tally.go": g273.renamed(g273.TALLY_GO, renames)}
        write_tree(tmp / name, {**base, "tally_test.go": g273.gen_test(seed, 60, names, renames)})
        write_tree(tmp / f"{name}-vet", {**base, "vet.go": g273.renamed(g273.VET_GO, renames)})
        write_tree(tmp / f"{name}-build", {**base, "restock.go": g273.renamed(g273.BUILD_GO, renames)})
        assert "keg" not in (tmp / name / "tally.go").read_text().lower()


SHARE = ("/usr/share/hunspell /usr/share/libc-bin /usr/share/libdebuginfod-common /usr/share/lua "
         "/usr/share/luajit-2.1.0-beta3 /usr/share/magic /usr/share/man-db /usr/share/mk /usr/share/mysql-common")


def data(tmp: Path) -> None:
    d = tmp / "data"
    d.mkdir()
    run(f"find {SHARE} -type f -printf '%h,%f,%s,%TY-%Tm-%Td\\n' | sort > magazine.body && "
        "(echo directory,file,bytes,modified; cat magazine.body) > magazine.csv && rm magazine.body", cwd=d)
    run("sqlite3 magazine.db '.mode csv' '.import magazine.csv magazine'", cwd=d)
    app_log(d / "dustinghouse.log", 59116, 2300, ["dustinghouse.reel", "dustinghouse.millmen", "dustinghouse.api",
                                                  "dustinghouse.stove"], {
        "INFO": lambda r: f"millman {r.randint(1, 6)} finished dusting batch {r.randint(100, 999)}: {r.randint(2, 60)} casks of {r.choice(['cannon', 'musket', 'rifle'])} powder",
        "DEBUG": lambda r: f"reel hygrometer {r.randint(1, 6)} read in {r.randint(2, 90)} ms",
        "WARNING": lambda r: f"stove {r.randint(1, 6)} rack {r.randint(1, 8)} running {r.randint(2, 40)} C above {r.randint(40, 60)} C",
        "ERROR": lambda r: f"dusting reel {r.randint(1, 3)} jammed on batch {r.randint(100, 999)} at {r.randint(20, 90)} % of the sift"},
        9591, "2026-12-02")
    app_log(d / "glazehouse.log", 59117, 2000, ["glazehouse.drum", "glazehouse.gauge", "glazehouse.api",
                                                "glazehouse.db"], {
        "INFO": lambda r: f"charge {r.randint(1, 400)} glazed: {r.randint(3, 900)} lb of {r.choice(['cannon', 'musket', 'rifle', 'blasting'])} grain, {r.randint(2, 40)} min in the drum",
        "DEBUG": lambda r: f"gauge sample {r.randint(1, 90)} took {r.randint(2, 70)} ms",
        "WARNING": lambda r: f"glazing drum {r.randint(1, 3)} turning {r.randint(1, 9)} rpm under the mark",
        "ERROR": lambda r: f"graphite feed {r.randint(1, 4)} choked on charge {r.randint(1, 400)} after {r.randint(1, 60)} min"},
        7591, "2026-12-03")


STEPS = [python, js_project, c_project, rust, go_module, data]
