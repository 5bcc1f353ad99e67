"""Round 620, the material both agents work in (no item is captured here): Metaphone's and case-converter's sdists
with bugs put in and a script each that runs their code wrongly, git histories built by committing their sources in
steps (capture_material.history), a C project (`pestlerow`) and a Rust crate (`snuffline`) from round 191's generators
(capture_wide191_native, imported, renamed, other seeds), a Go module (`rasphouse`, and a copy `jarscale`) from round
273's generator (capture_wide273_go, imported, renamed, other seeds), a JavaScript project (`mullyard`) from round
290's module and fixture generator (capture_wide290_mat, imported, renamed through round 299's table's words as rounds
591, 599 and 607 did), a CSV and a sqlite table of some /usr/share files and two application logs. Run through
capture_wide620.py; round 607's pattern (capture_wide607_mat), this round's words (a snuff mill) and seeds
(62010-62018)."""

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
from capture_wide620 import JS, SRC, VENV

MP, CC = "Metaphone-0.6", "case_converter-1.2.0"

# Metaphone: TH no longer coded 0 (theta); Y no longer a vowel.
MP_BUGS = [("metaphone/metaphone.py", "self.next = ('0', 'T', 2)", "self.next = ('T', 'T', 2)"),
           ("metaphone/metaphone.py", "VOWELS = ['A', 'E', 'I', 'O', 'U', 'Y']", "VOWELS = ['A', 'E', 'I', 'O', 'U']")]
# case-converter: runs of delimiters no longer collapsed; snake case no longer lowers an all-capitals input first.
CC_BUGS = [("caseconverter/caseconverter.py", 's = re.sub("[{}]+".format(re.escape(delimiters)), delimiters[0], s)',
            's = re.sub("[{}]".format(re.escape(delimiters)), delimiters[0], s)'),
           ("caseconverter/snake.py", "if s.isupper():", "if s.islower():")]

BLEND_ROLL = r"""
from metaphone import doublemetaphone


class BlendRollError(RuntimeError):
    pass


# the blenders' roll: each blender as the mill's book spells the name and as the tally sheet does, matched through
# their double metaphone keys, with the ounces of snuff each ground that week
ROLL = [("Thaddeus Rasp", "Tadeus Rasp", 412), ("Dorothy Pestle", "Dorothea Pestel", 368),
        ("Keziah Mull", "Kesia Mull", 520), ("Timothy Kiln", "Timmothy Kilne", 297),
        ("Bethany Toast", "Betany Tost", 333), ("Mary Smyth", "Mary Smith", 451),
        ("Jethro Rappee", "Jetro Rappe", 389), (None, "Hezekiah Jar", 240)]


def key(name):
    try:
        return doublemetaphone(name)
    except (AttributeError, TypeError) as exc:
        raise BlendRollError(f"blend roll: cannot key the blender {name!r} of the mill's book") from exc


for book, sheet, ounces in ROLL:
    a, b = key(book), key(sheet)
    print(f"{book!s:<16} {a[0]:<8} {sheet:<16} {b[0]:<8} {ounces:>4} oz  {'matched' if a[0] == b[0] else 'NO MATCH'}")
"""

JAR_LABELS = r"""
from caseconverter import kebabcase, snakecase, titlecase


class JarLabelError(RuntimeError):
    pass


# the mill's snuff jars: each blend's name as the book writes it and the jar's number, labelled three ways
JARS = [("HIGH DRY TOAST", 12), ("Princes  Mixture", 7), ("Kendal--Brown", 3), ("lundyFoot", 21),
        ("SP  Best  Brown", 5), ("Old__Paris Rappee", 18), ("WHITE-FRENCH", 9), (1760, 30)]


def label(name, number):
    try:
        return f"{snakecase(name)}-{number:03d} | {kebabcase(name)} | {titlecase(name)}"
    except (AttributeError, TypeError) as exc:
        raise JarLabelError(f"jar labels: cannot label jar {number} of the blend {name!r}") from exc


for name, number in JARS:
    print(f"jar {number:>3}: {label(name, number)}")
"""


def python(tmp: Path) -> None:
    put_bugs(tmp / MP, MP_BUGS)
    put_bugs(tmp / CC, CC_BUGS)
    (tmp / MP / "blend_roll.py").write_text(BLEND_ROLL)
    (tmp / CC / "jar_labels.py").write_text(JAR_LABELS)
    # warm mypy's caches here so that Codex's run ends within its 30 s yield
    run(f"{VENV}/bin/mypy --strict caseconverter jar_labels.py >/dev/null 2>&1; true", cwd=tmp / CC, timeout=900)
    history(tmp, SRC, "metaphone", MP, ["metaphone/metaphone.py", "metaphone/word.py",
                                        "metaphone/tests/test_metaphone.py"],
            [("Thaddeus Rasp", "thaddeus@example.org"), ("Dorothy Pestle", "dorothy@example.org"),
             ("Keziah Mull", "keziah@example.org")], 62013, 40, MP_BUGS)
    history(tmp, SRC, "caseconverter", CC, ["caseconverter/caseconverter.py", "caseconverter/boundaries.py",
                                            "caseconverter/snake.py", "caseconverter/title.py"],
            [("Timothy Kiln", "timothy@example.org"), ("Bethany Toast", "bethany@example.org"),
             ("Jethro Rappee", "jethro@example.org")], 62014, 20, CC_BUGS)


# round 290's module in snuff mill words: the words round 299's table replaces, in its order, each given one here
SNUFF_WORDS = ["mullyard", "grinding sums for the mullyard (rasp lengths, mull rates, blending charts)",
               "raspLength", "mullToMs", "grainBand", "blendLabel", "kilnArea", "blendingChart", "grindPlan",
               "No grinding planned", "unknown snuff type", "toast", "brown", "rappee", "scented",
               "`grind ${w + 1}", "seed = 62018",
               "'pestle', 'MORTAR', 'rasp', 'Kiln', 'mull', 'sieve', 'Jar', 'leaf', 'stalk', 'TOAST', "
               "'dust',\n  'blend', 'stamp', 'Rappee', 'ounce', 'tally'",
               "'Thaddeus', 'Dorothy', 'Keziah', 'Timothy', 'Bethany', 'Jethro', 'Hezekiah', 'Lavinia', 'Obadiah', "
               "'Prudence', 'Silas', 'Tabitha'"]
assert len(SNUFF_WORDS) == len(m299.WAGGLE_NAMES)
SNUFF_NAMES = [(old, new) for (old, _), new in zip(m299.WAGGLE_NAMES, SNUFF_WORDS)]


def snuffed(text: str) -> str:
    for old, new in SNUFF_NAMES:
        text = text.replace(old, new)
    return text


MY_BUGS = [(snuffed(rel), snuffed(old), snuffed(new)) for rel, old, new in m290.PA_BUGS]


def js_project(tmp: Path) -> None:
    root = tmp / "mullyard"
    nm = JS / "node_modules"
    for d in ("lib", "spec"):
        (root / d).mkdir(parents=True, exist_ok=True)
    run(f"ln -s {nm} node_modules", cwd=root)
    fixtures = snuffed(m290.FIXTURES)
    assert "62018" in fixtures and "STOPPER" not in fixtures and "Branwen" not in fixtures
    write_tree(root, {"package.json": json.dumps({"name": "mullyard", "version": "2.6.1", "type": "module",
                                                  "scripts": {"test": "vitest run"}}, indent=2) + "\n",
                      "fixtures.mjs": fixtures, "eslint.config.js": m290.ESLINT_CONFIG,
                      "lib/grind-plan.js": snuffed(m290.APP),
                      "lib/mullyard.js": snuffed(m290.HAWSEHOLE),
                      "lib/package.json": json.dumps({"type": "commonjs"}) + "\n", "tsconfig.json": m290.TSCONFIG})
    run("node fixtures.mjs && rm fixtures.mjs", cwd=root)
    spec = root / "spec" / "lines.test.mjs"
    text = spec.read_text()
    assert text.count("import {test} from 'node:test';") == 1
    spec.write_text(text.replace("import {test} from 'node:test';", "import {test} from 'vitest';"))
    put_bugs(root / "lib", MY_BUGS)


def pestlerow(text: str) -> str:
    return (text.replace("WEIRKEEPER", "PESTLEROW").replace("weirkeeper", "pestlerow").replace("sluice", "stamp")
            .replace("weir", "mortar_").replace("gate_t", "pestle_t").replace("gates", "pestles")
            .replace("level_cm", "grind_um"))


def c_project(tmp: Path) -> None:
    root = tmp / "pestlerow"
    rnd = random.Random(62012)
    files = {"src/pestlerow.h": pestlerow(n191.SKIFF_H), "src/stampline.c": pestlerow(n191.SKIFF_C)}
    for k in range(40):
        files[f"src/mortar_{k:02d}.c"] = pestlerow(n191.gen_c(k, rnd))
    objs = " ".join(f"build/{Path(p).stem}.o" for p in files if p.endswith(".c"))
    files["Makefile"] = ("CC=gcc\nCFLAGS=-Wall -Wextra -O1 -Isrc\nOBJS=" + objs + "\n\nall: pestlerow\n\n"
                         "pestlerow: $(OBJS)\n\t$(CC) -o $@ $(OBJS)\n\nbuild/%.o: src/%.c src/pestlerow.h\n"
                         "\t@mkdir -p build\n\t$(CC) $(CFLAGS) -c $< -o $@\n\nclean:\n\trm -rf build pestlerow\n")
    write_tree(root, files)


def snuffline(text: str) -> str:
    return (text.replace("plumbline", "snuffline").replace("Plumb-line survey", "Snuff line grinding log")
            .replace("offset_per_m", "dust_per_turn").replace("station_penalty", "mill_penalty")
            .replace("readings", "grindings").replace("reading", "grinding").replace("station", "mill"))


def rust(tmp: Path) -> None:
    root = tmp / "snuffline"
    rnd = random.Random(62015)
    write_tree(root, {"Cargo.toml": snuffline(n191.CARGO).replace("0.3.4", "1.8.2"),
                      "src/lib.rs": snuffline(n191.LIB), "src/broken.rs": snuffline(n191.BROKEN),
                      "src/grindings.rs": snuffline(n191.gen_readings(rnd, 230))})
    assert "idx.push(mill_count)" in (root / "src/broken.rs").read_text()


# round 273's words, then this round's: the Go module, its app and what they count
GO_RENAMES = (("kegtally", "rasphouse"), ("casebook", "blendbook"), ("ledger host", "mill host"),
              ("litres left, days", "ounces left, grindings"), ("nothing left to pour", "nothing left to grind"),
              ("pour order", "grind order"), ("pour grade", "blend grade"), ("Keg", "Jar"), ("keg", "jar"),
              ("Beer", "Snuff"), ("beer", "snuff"), ("Cellar", "Kiln"), ("cellar", "kiln"),
              ("Pints", "Ounces"), ("pints", "ounces"))
JS_RENAMES = tuple((o, n.replace("rasphouse", "jarscale")) for o, n in GO_RENAMES)
BLENDS = ["High Toast", "Princes", "Kendal Brown", "Lundy Foot", "SP Best", "Old Paris", "White French", "Masulipatam",
          "Macouba", "Brazil", "Hardham", "Latakia"]
MILLERS = ["Thaddeus", "Dorothy", "Keziah", "Timothy", "Bethany", "Jethro", "Hezekiah", "Lavinia", "Obadiah",
           "Prudence", "Silas", "Tabitha"]


def go_module(tmp: Path) -> None:
    for name, renames, seed, names in (("rasphouse", GO_RENAMES, 62010, BLENDS),
                                       ("jarscale", JS_RENAMES, 62011, MILLERS)):
        base = {"go.mod": g273.renamed(g273.GO_MOD, renames), "tally.go": g273.renamed(g273.TALLY_GO, renames)}
        write_tree(tmp / name, {**base, "tally_test.go": g273.gen_test(seed, 60, names, renames)})
        write_tree(tmp / f"{name}-vet", {**base, "vet.go": g273.renamed(g273.VET_GO, renames)})
        write_tree(tmp / f"{name}-build", {**base, "restock.go": g273.renamed(g273.BUILD_GO, renames)})
        assert "keg" not in (tmp / name / "tally.go").read_text().lower()


SHARE = ("/usr/share/gitweb /usr/share/go-1.19/src/archive /usr/share/go-1.19/src/compress "
         "/usr/share/go-1.19/src/text")


def data(tmp: Path) -> None:
    d = tmp / "data"
    d.mkdir()
    run(f"find {SHARE} -type f -printf '%h,%f,%s,%TY-%Tm-%Td\\n' | sort > leafstore.body && "
        "(echo directory,file,bytes,modified; cat leafstore.body) > leafstore.csv && rm leafstore.body", cwd=d)
    run("sqlite3 leafstore.db '.mode csv' '.import leafstore.csv leafstore'", cwd=d)
    app_log(d / "stamphouse.log", 62016, 2300, ["stamphouse.pestles", "stamphouse.blenders", "stamphouse.api",
                                                "stamphouse.sieve"], {
        "INFO": lambda r: f"blender {r.randint(1, 6)} finished batch {r.randint(100, 999)}: {r.randint(2, 60)} oz of {r.choice(['toast', 'brown', 'rappee'])} jarred",
        "DEBUG": lambda r: f"sieve moisture probe {r.randint(1, 6)} read in {r.randint(2, 90)} ms",
        "WARNING": lambda r: f"pestle {r.randint(1, 6)} of stamp {r.randint(1, 8)} running {r.randint(2, 40)} min past its grind of {r.randint(40, 60)} min",
        "ERROR": lambda r: f"mortar {r.randint(1, 3)} lost the count of batch {r.randint(100, 999)} at {r.randint(20, 90)} % of the grind"},
        9620, "2026-12-02")
    app_log(d / "kilnwatch.log", 62017, 2000, ["kilnwatch.flue", "kilnwatch.gauge", "kilnwatch.api",
                                               "kilnwatch.db"], {
        "INFO": lambda r: f"leaf lot {r.randint(1, 400)} dried: {r.randint(3, 90)} lb of {r.choice(['Virginia', 'Kentucky', 'Latakia', 'Brazil'])}, {r.randint(2, 40)} min in the kiln",
        "DEBUG": lambda r: f"kiln gauge sample {r.randint(1, 90)} took {r.randint(2, 70)} ms",
        "WARNING": lambda r: f"flue damper {r.randint(1, 3)} stuck {r.randint(1, 9)} times over the drying floor",
        "ERROR": lambda r: f"kiln fan {r.randint(1, 4)} stalled on leaf lot {r.randint(1, 400)} after {r.randint(1, 60)} min"},
        7620, "2026-12-03")


STEPS = [python, js_project, c_project, rust, go_module, data]
