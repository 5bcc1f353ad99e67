"""Round 625, the material both agents work in (no item is captured here): pronouncing's and cowsay's sdists with
bugs put in and a script each that runs their code wrongly, git histories built by committing their sources in steps
(capture_material.history), a C project (`ballyard`) and a Rust crate (`woadline`) from round 191's generators
(capture_wide191_native, imported, renamed, other seeds), a Go module (`leafvat`, and a copy `ballscale`) from round
273's generator (capture_wide273_go, imported, renamed, other seeds), a JavaScript project (`couchfloor`) from round
290's module and fixture generator (capture_wide290_mat, imported, renamed through round 299's table's words as rounds
591, 607 and 620 did), a CSV and a sqlite table of some /usr/share files and two application logs. Run through
capture_wide625.py; round 620's pattern (capture_wide620_mat), this round's words (a woad mill) and seeds
(62510-62518)."""

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
from capture_wide625 import JS, SRC, VENV

PR, CW = "pronouncing-0.3.0", "cowsay-6.0"

# pronouncing: the rhyming part no longer starts at a secondary stress; unstressed vowels no longer kept as stresses.
PR_BUGS = [("pronouncing/__init__.py", "if phones_list[i][-1] in '12':", "if phones_list[i][-1] in '1':"),
           ("pronouncing/__init__.py", 'return re.sub(r"[^012]", "", s)', 'return re.sub(r"[^12]", "", s)')]
# cowsay: the bubble's right border loses its pad; the character is set one column off.
CW_BUGS = [("cowsay/main.py", 'output.append("| " + line + " " * (text_width - len(line) + 1) + "|")',
            'output.append("| " + line + " " * (text_width - len(line)) + "|")'),
           ("cowsay/main.py", "text_width = max([len(line) for line in output]) - 4  # 4 is the frame",
            "text_width = max([len(line) for line in output]) - 3  # 4 is the frame")]

DYER_RHYMES = r"""
import pronouncing


class DyerRhymeError(RuntimeError):
    pass


# the woad balling songs: each verse's line end as the mill's song book writes it, its rhymes and syllables counted,
# with the balls of crushed leaf the gang rolled while singing it
SONG = [("leaf", 412), ("mill", 368), ("vat", 520), ("blue", 297), ("stone", 333), ("dyer", 451),
        ("couching", 389), ("ball", 275), (None, 240)]


def rhyme(word):
    try:
        phones = pronouncing.phones_for_word(word)
        return pronouncing.rhymes(word), pronouncing.syllable_count(phones[0]) if phones else 0
    except (AttributeError, TypeError) as exc:
        raise DyerRhymeError(f"dyer rhymes: cannot rhyme the line end {word!r} of the song book") from exc


for word, balls in SONG:
    found, syllables = rhyme(word)
    print(f"{word!s:<10} {syllables:>2} syl {len(found):>4} rhymes {balls:>4} balls  {', '.join(found[:6])}")
"""

VAT_NOTICES = r"""
import cowsay


class VatNoticeError(RuntimeError):
    pass


# the couching vats' notices as the mill's book holds them, each drawn for the floor by the vat's own character
NOTICES = [("cow", "Vat 1: couching, turn the leaf at dawn"), ("tux", "Vat 2: balls drying, keep the shutters shut"),
           ("fox", "Vat 3: fermenting, stir twice a day"), ("octopus", "Vat 4: empty, scour with lime"),
           ("turtle", 1791)]


def notice(char, text):
    try:
        return cowsay.get_output_string(char, text)
    except (cowsay.CowsayError, AttributeError, TypeError) as exc:
        raise VatNoticeError(f"vat notices: cannot draw the notice {text!r} for {char}") from exc


for char, text in NOTICES:
    print(notice(char, text))
"""


def python(tmp: Path) -> None:
    put_bugs(tmp / PR, PR_BUGS)
    put_bugs(tmp / CW, CW_BUGS)
    (tmp / PR / "dyer_rhymes.py").write_text(DYER_RHYMES)
    (tmp / CW / "vat_notices.py").write_text(VAT_NOTICES)
    # warm mypy's caches here so that Codex's run ends within its 30 s yield
    run(f"{VENV}/bin/mypy --strict cowsay vat_notices.py >/dev/null 2>&1; true", cwd=tmp / CW, timeout=900)
    history(tmp, SRC, "pronouncing", PR, ["pronouncing/__init__.py", "tests/test_pronouncing.py", "setup.cfg",
                                          "docs/tutorial.rst"],
            [("Isolde Crusher", "isolde@example.org"), ("Barnaby Vatman", "barnaby@example.org"),
             ("Mercy Baller", "mercy@example.org")], 62513, 40, PR_BUGS)
    history(tmp, SRC, "cowsay", CW, ["cowsay/main.py", "cowsay/characters.py", "cowsay/__main__.py",
                                     "cowsay/tests/test_output.py"],
            [("Ezra Couch", "ezra@example.org"), ("Hepzibah Dyer", "hepzibah@example.org"),
             ("Amos Woadman", "amos@example.org")], 62514, 20, CW_BUGS)


# round 290's module in woad mill words: the words round 299's table replaces, in its order, each given one here
WOAD_WORDS = ["couchfloor", "couching sums for the couchfloor (ball weights, vat rates, drying charts)",
              "ballWeight", "vatToMs", "blueBand", "lotLabel", "floorArea", "dryingChart", "couchPlan",
              "No couching planned", "unknown leaf type", "first", "second", "third", "aftercrop",
              "`turn ${w + 1}", "seed = 62518",
              "'crusher', 'ROLLER', 'ball', 'Vat', 'couch', 'lime', 'Rack', 'leaf', 'stalk', 'INDIGO', "
              "'dust',\n  'dyer', 'stone', 'Woad', 'bale', 'tally'",
              "'Isolde', 'Barnaby', 'Mercy', 'Ezra', 'Hepzibah', 'Amos', 'Tamsin', 'Jabez', 'Keturah', "
              "'Reuben', 'Damaris', 'Gideon'"]
assert len(WOAD_WORDS) == len(m299.WAGGLE_NAMES)
WOAD_NAMES = [(old, new) for (old, _), new in zip(m299.WAGGLE_NAMES, WOAD_WORDS)]


def woaded(text: str) -> str:
    for old, new in WOAD_NAMES:
        text = text.replace(old, new)
    return text


CF_BUGS = [(woaded(rel), woaded(old), woaded(new)) for rel, old, new in m290.PA_BUGS]


def js_project(tmp: Path) -> None:
    root = tmp / "couchfloor"
    nm = JS / "node_modules"
    for d in ("lib", "spec"):
        (root / d).mkdir(parents=True, exist_ok=True)
    run(f"ln -s {nm} node_modules", cwd=root)
    fixtures = woaded(m290.FIXTURES)
    assert "62518" in fixtures and "STOPPER" not in fixtures and "Branwen" not in fixtures
    write_tree(root, {"package.json": json.dumps({"name": "couchfloor", "version": "3.1.4", "type": "module",
                                                  "scripts": {"test": "vitest run"}}, indent=2) + "\n",
                      "fixtures.mjs": fixtures, "eslint.config.js": m290.ESLINT_CONFIG,
                      "lib/couch-plan.js": woaded(m290.APP),
                      "lib/couchfloor.js": woaded(m290.HAWSEHOLE),
                      "lib/package.json": json.dumps({"type": "commonjs"}) + "\n", "tsconfig.json": m290.TSCONFIG})
    run("node fixtures.mjs && rm fixtures.mjs", cwd=root)
    spec = root / "spec" / "lines.test.mjs"
    text = spec.read_text()
    assert text.count("import {test} from 'node:test';") == 1
    spec.write_text(text.replace("import {test} from 'node:test';", "import {test} from 'vitest';"))
    put_bugs(root / "lib", CF_BUGS)


def ballyard(text: str) -> str:
    return (text.replace("WEIRKEEPER", "BALLYARD").replace("weirkeeper", "ballyard").replace("sluice", "couchline")
            .replace("weir", "crusher_").replace("gate_t", "roller_t").replace("gates", "rollers")
            .replace("level_cm", "crush_mm"))


def c_project(tmp: Path) -> None:
    root = tmp / "ballyard"
    rnd = random.Random(62512)
    files = {"src/ballyard.h": ballyard(n191.SKIFF_H), "src/couchline.c": ballyard(n191.SKIFF_C)}
    for k in range(40):
        files[f"src/crusher_{k:02d}.c"] = ballyard(n191.gen_c(k, rnd))
    objs = " ".join(f"build/{Path(p).stem}.o" for p in files if p.endswith(".c"))
    files["Makefile"] = ("CC=gcc\nCFLAGS=-Wall -Wextra -O1 -Isrc\nOBJS=" + objs + "\n\nall: ballyard\n\n"
                         "ballyard: $(OBJS)\n\t$(CC) -o $@ $(OBJS)\n\nbuild/%.o: src/%.c src/ballyard.h\n"
                         "\t@mkdir -p build\n\t$(CC) $(CFLAGS) -c $< -o $@\n\nclean:\n\trm -rf build ballyard\n")
    write_tree(root, files)


def woadline(text: str) -> str:
    return (text.replace("plumbline", "woadline").replace("Plumb-line survey", "Woad line couching log")
            .replace("offset_per_m", "blue_per_ball").replace("station_penalty", "vat_penalty")
            .replace("readings", "couchings").replace("reading", "couching").replace("station", "vat"))


def rust(tmp: Path) -> None:
    root = tmp / "woadline"
    rnd = random.Random(62515)
    write_tree(root, {"Cargo.toml": woadline(n191.CARGO).replace("0.3.4", "2.4.6"),
                      "src/lib.rs": woadline(n191.LIB), "src/broken.rs": woadline(n191.BROKEN),
                      "src/couchings.rs": woadline(n191.gen_readings(rnd, 230))})
    assert "idx.push(vat_count)" in (root / "src/broken.rs").read_text()


# round 273's words, then this round's: the Go module, its app and what they count
GO_RENAMES = (("kegtally", "leafvat"), ("casebook", "vatbook"), ("ledger host", "mill host"),
              ("litres left, days", "balls left, couchings"), ("nothing left to pour", "nothing left to couch"),
              ("pour order", "couch order"), ("pour grade", "blue grade"), ("Keg", "Vat"), ("keg", "vat"),
              ("Beer", "Woad"), ("beer", "woad"), ("Cellar", "Floor"), ("cellar", "floor"),
              ("Pints", "Balls"), ("pints", "balls"))
BS_RENAMES = tuple((o, n.replace("leafvat", "ballscale")) for o, n in GO_RENAMES)
LOTS = ["Lincoln First", "Wisbech Blue", "Parson Drove", "Skirbeck", "Algarkirk", "Gosberton", "Quadring",
        "Surfleet", "Pinchbeck", "Deeping", "Holbeach", "Whaplode"]
WORKERS = ["Isolde", "Barnaby", "Mercy", "Ezra", "Hepzibah", "Amos", "Tamsin", "Jabez", "Keturah", "Reuben",
           "Damaris", "Gideon"]


def go_module(tmp: Path) -> None:
    for name, renames, seed, names in (("leafvat", GO_RENAMES, 62510, LOTS),
                                       ("ballscale", BS_RENAMES, 62511, WORKERS)):
        base = {"go.mod": g273.renamed(g273.GO_MOD, renames), "tally.go": g273.renamed(g273.TALLY_GO, renames)}
        write_tree(tmp / name, {**base, "tally_test.go": g273.gen_test(seed, 60, names, renames)})
        write_tree(tmp / f"{name}-vet", {**base, "vet.go": g273.renamed(g273.VET_GO, renames)})
        write_tree(tmp / f"{name}-build", {**base, "restock.go": g273.renamed(g273.BUILD_GO, renames)})
        assert "keg" not in (tmp / name / "tally.go").read_text().lower()


SHARE = ("/usr/share/go-1.19/src/container /usr/share/go-1.19/src/hash /usr/share/go-1.19/src/sort "
         "/usr/share/go-1.19/src/mime")


def data(tmp: Path) -> None:
    d = tmp / "data"
    d.mkdir()
    run(f"find {SHARE} -type f -printf '%h,%f,%s,%TY-%Tm-%Td\\n' | sort > woadstore.body && "
        "(echo directory,file,bytes,modified; cat woadstore.body) > woadstore.csv && rm woadstore.body", cwd=d)
    run("sqlite3 woadstore.db '.mode csv' '.import woadstore.csv woadstore'", cwd=d)
    app_log(d / "crushhouse.log", 62516, 2300, ["crushhouse.rollers", "crushhouse.ballers", "crushhouse.api",
                                                "crushhouse.racks"], {
        "INFO": lambda r: f"baller {r.randint(1, 6)} finished heap {r.randint(100, 999)}: {r.randint(20, 600)} balls of {r.choice(['first', 'second', 'aftercrop'])} leaf racked",
        "DEBUG": lambda r: f"rack moisture probe {r.randint(1, 6)} read in {r.randint(2, 90)} ms",
        "WARNING": lambda r: f"roller {r.randint(1, 6)} of crusher {r.randint(1, 8)} running {r.randint(2, 40)} min past its crush of {r.randint(40, 60)} min",
        "ERROR": lambda r: f"crusher {r.randint(1, 3)} lost the count of heap {r.randint(100, 999)} at {r.randint(20, 90)} % of the crush"},
        9625, "2026-12-02")
    app_log(d / "vatwatch.log", 62517, 2000, ["vatwatch.couch", "vatwatch.gauge", "vatwatch.api", "vatwatch.db"], {
        "INFO": lambda r: f"couch lot {r.randint(1, 400)} turned: {r.randint(3, 90)} cwt of {r.choice(['Lincoln', 'Wisbech', 'Skirbeck', 'Holbeach'])} woad, {r.randint(2, 40)} days on the floor",
        "DEBUG": lambda r: f"vat gauge sample {r.randint(1, 90)} took {r.randint(2, 70)} ms",
        "WARNING": lambda r: f"couch heap {r.randint(1, 3)} ran hot {r.randint(1, 9)} times over the floor",
        "ERROR": lambda r: f"vat stirrer {r.randint(1, 4)} stalled on couch lot {r.randint(1, 400)} after {r.randint(1, 60)} min"},
        7625, "2026-12-03")


STEPS = [python, js_project, c_project, rust, go_module, data]
