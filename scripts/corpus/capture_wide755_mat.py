"""Round 755, the material the two Gemini CLI runs work in (no item is captured here): stemming's and readability's
sdists with bugs put in (neither ships tests, so a seeded pytest file is written for each whose expected values come
from the UNBROKEN copy before its bugs go in) and a script that makes up a shot tower's drop book wrongly, a git
history built by committing readability's sources in steps, the shotsift Go module and the dropbook deploy scripts
(round 273's, capture_wide273_go, in this round's words and seed), a C project (`towerbench`) and a Rust crate
(`ladlejig`) on round 191's generators with other names and seeds, a CSV and a sqlite table of the files of the
round's own venv's site-packages and two application logs. Run through capture_wide755.py. The generators are
imported, never copied (round 746's material, capture_wide746_mat, is the shape); only the words and seeds are this
round's (base seed 75510)."""

from __future__ import annotations

import json
import random
from pathlib import Path

import capture_wide191_native as n191
import capture_wide273_go as g273
from capture_material import app_log, history, put_bugs
from capture_more import run, write_tree

ST = "stemming-1.0.1"
RD = "readability-0.3.1"

# stemming: the -sses ending cut to -s; the -ied/-ies length test one letter late
ST_BUGS = [("stemming/porter2.py", "return word[:-4] + 'ss'", "return word[:-4] + 's'"),
           ("stemming/porter2.py", "if len(word) > 4:", "if len(word) > 5:")]
# readability: the Kincaid constant's sign flipped; LIX's long-word weight a tenth of what it should be
RD_BUGS = [("readability/__init__.py", "((words / sentences)) - 15.59", "((words / sentences)) + 15.59"),
           ("readability/__init__.py", "(100 * long_words) / words", "(10 * long_words) / words")]

WORDS = ["tower", "towers", "drop", "drops", "dropped", "dropping", "ladle", "ladles", "ladling", "ladled",
         "sieve", "sieves", "sieving", "sifted", "quench", "quenched", "quenching", "presses", "glasses", "bosses",
         "casses", "dresses", "tosses", "cries", "dries", "tries", "flies", "dies", "lies", "ties", "pies",
         "hurries", "worries", "carries", "tried", "dried", "spied", "shot", "shots", "pellet", "pellets",
         "graphited", "polishing", "polished", "sorting", "sorted", "rolling", "rolled", "arsenical", "molten",
         "melting", "furnaces", "kettles", "tubs", "hoisting", "hoisted", "generously", "communication",
         "arsenic", "relational", "conditional", "rational", "happiness", "hopefulness", "effective"]

GEN_TEST = r"""
import json, random, sys
sys.path.insert(0, sys.argv[1])
sys.path.insert(0, sys.argv[2])
from stemming import lovins, porter2
import readability
words = json.load(open(sys.argv[3]))
algos = {"porter2": porter2.stem, "lovins": lovins.stem}
stems = [(a, w, f(w)) for a, f in algos.items() for w in words]
rnd = random.Random(75518)
vocab = ["the", "tower", "drops", "molten", "lead", "through", "a", "copper", "sieve", "into", "quench", "tub",
         "and", "shot", "is", "graphited", "polished", "rolled", "down", "inclined", "tables", "ladlers", "arsenic",
         "hardens", "every", "pellet", "falls", "one", "hundred", "fifty", "feet", "before", "water", "sorting",
         "by", "size", "Dropman", "Ladler", "keeps", "furnace", "overnight", "perfectly", "spherical", "imperfect"]
texts = []
for k in range(36):
    lines = []
    for _ in range(rnd.randint(3, 9)):
        sent = [rnd.choice(vocab) for _ in range(rnd.randint(5, 22))]
        lines.append(" ".join(sent) + " .")
    text = "\n".join(lines)
    m = readability.getmeasures(text, lang="en")
    g, s = m["readability grades"], m["sentence info"]
    texts.append((k, text, {"Kincaid": g["Kincaid"], "LIX": g["LIX"], "FleschReadingEase": g["FleschReadingEase"],
                            "words": s["words"], "long_words": s["long_words"]}))
print(json.dumps({"stems": stems, "texts": texts}))
"""

STEM_TEST = '''"""A shot tower's words stemmed by Porter2 and Lovins (seeded list, seed 75517)."""
import pytest

from stemming import lovins, porter2

ALGOS = {{"porter2": porter2.stem, "lovins": lovins.stem}}

CASES = {cases}


@pytest.mark.parametrize("algo,word,expected", CASES, ids=[f"{{c[0]}}-{{c[1]}}" for c in CASES])
def test_stem(algo, word, expected):
    assert ALGOS[algo](word) == expected
'''

READ_TEST = '''"""A shot tower's drop notes measured for readability (seeded sentences, seed 75518)."""
import pytest

import readability

TEXTS = {texts}

CASES = [(k, name, want) for k, _, exp in TEXTS for name, want in exp.items()]


@pytest.mark.parametrize("k,name,want", CASES, ids=[f"drop-{{c[0]:02d}}-{{c[1]}}" for c in CASES])
def test_drop_note_measure(k, name, want):
    text = TEXTS[k][1]
    m = readability.getmeasures(text, lang="en", merge=True)
    assert m[name] == pytest.approx(want), (k, name)
'''

SHOTDROP = r"""
import readability
from stemming import porter2


class DropFailedError(RuntimeError):
    pass


class Drop:
    # a shot tower's drop book: the ladlers on the drop floor, the drops made, the foreman's note on the drop
    def __init__(self, tower, ladlers, drops, note):
        self.tower = tower
        self.ladlers = list(ladlers)
        self.drops = drops
        self.note = note

    def grade(self):
        return readability.getmeasures(self.note, lang="en")["readability grades"]["Kincaid"]


BOOK = [Drop("Lambeth Tower", ["Elias", "Martha", "Silas"], 14, "molten lead drops through the sieve .\nshot falls ."),
        Drop("Chester Tower", ["Obed", "Keziah"], 9, "the quench tub is cold .\nthe ladlers are ready ."),
        Drop("Bristol Tower", ["Amos", "Tabitha", "Enoch"], 12, b"arsenic hardens the pellets ."),
        Drop("Leeds Tower", ["Mercy"], 5, "graphited shot rolls down the tables .")]


def drop(entry):
    try:
        grade = entry.grade()
        stems = sorted(porter2.stem(w) for w in entry.ladlers)
        return {"tower": entry.tower, "grade": grade, "ladlers": stems, "pellets": entry.drops * 4000}
    except ValueError as exc:
        raise DropFailedError(f"the note of {entry.tower!r} cannot be graded: {exc}") from exc


def drop_book():
    book = []
    try:
        for entry in BOOK:
            book.append(drop(entry))
    except DropFailedError as exc:
        raise RuntimeError("shotdrop: the drop book could not be made up") from exc
    return book


if __name__ == "__main__":
    print(drop_book())
"""

LADLERS = [("Elias Dropman", "dropman@example.org"), ("Martha Ladler", "ladler@example.org"),
           ("Silas Sieveright", "sieveright@example.org")]


def python(tmp: Path) -> None:
    from capture_wide755 import SRC, VENV
    (tmp / "gen_tests.py").write_text(GEN_TEST)
    (tmp / "words.json").write_text(json.dumps(WORDS))
    got = run(f"{VENV}/bin/python -I gen_tests.py {tmp / ST} {tmp / RD} words.json", cwd=tmp)
    (tmp / "gen_tests.py").unlink()
    (tmp / "words.json").unlink()
    data = json.loads(got.strip().splitlines()[-1])
    (tmp / ST / "tests").mkdir(exist_ok=True)
    (tmp / ST / "tests" / "test_stemming_shot.py").write_text(
        STEM_TEST.format(cases=repr([tuple(c) for c in data["stems"]])))
    (tmp / RD / "tests").mkdir(exist_ok=True)
    (tmp / RD / "tests" / "test_readability_drops.py").write_text(
        READ_TEST.format(texts=repr([tuple(t) for t in data["texts"]])))
    put_bugs(tmp / ST, ST_BUGS)
    put_bugs(tmp / RD, RD_BUGS)
    (tmp / "shotdrop.py").write_text(SHOTDROP)
    history(tmp, SRC, "readability", RD, ["readability/__init__.py", "bin/readability"], LADLERS, 75510, 10, RD_BUGS)


FLOORS = ["Lambeth Tower", "Chester Tower", "Bristol Tower", "Leeds Tower", "Drop Floor", "Ladle Gallery",
          "Sieve Stage", "Quench Tub", "Polishing Drum", "Sorting Tables", "Furnace Room", "Shot Store"]
GO_RENAMES = (("kegtally", "shotsift"), ("casebook", "dropbook"), ("ledger host", "drop book host"),
              ("litres left, days", "lead left, days"), ("nothing left to pour", "nothing left to drop"),
              ("pour order", "drop order"), ("pour grade", "shot grade"), ("Keg", "Ladle"),
              ("keg", "ladle"), ("Beer", "Shot"), ("beer", "shot"), ("Cellar", "Tower"),
              ("cellar", "tower"), ("Pints", "Pellets"), ("pints", "pellets"))


def go_module(tmp: Path) -> None:
    def rn(text: str) -> str:
        return g273.renamed(text, GO_RENAMES)
    base = {"go.mod": rn(g273.GO_MOD), "tally.go": rn(g273.TALLY_GO),
            "tally_test.go": g273.gen_test(75514, 60, FLOORS, GO_RENAMES)}
    write_tree(tmp / "shotsift", base)
    write_tree(tmp / "shotsift-vet", {"go.mod": base["go.mod"], "tally.go": base["tally.go"],
                                     "vet.go": rn(g273.VET_GO)})
    write_tree(tmp / "shotsift-build", {"go.mod": base["go.mod"], "tally.go": base["tally.go"],
                                       "restock.go": rn(g273.BUILD_GO)})
    write_tree(tmp / "dropbook-ops", {"scripts/deploy.sh": rn(g273.DEPLOY_SH),
                                     "scripts/backup.sh": rn(g273.BACKUP_SH),
                                     "scripts/rotate.sh": rn(g273.ROTATE_SH)})


def _tower(text: str) -> str:
    return (text.replace("WEIRKEEPER", "TOWERBENCH").replace("weirkeeper", "towerbench")
            .replace("weir", "ladle").replace("sluice", "sieve").replace("gate_t", "drop_t")
            .replace("gates", "drops").replace("level_cm", "lead_cm").replace("tide", "quench"))


def c_project(tmp: Path) -> None:
    root = tmp / "towerbench"
    rnd = random.Random(75511)
    files = {"src/towerbench.h": _tower(n191.SKIFF_H), "src/towerbench.c": _tower(n191.SKIFF_C)}
    for k in range(34):
        files[f"src/tower_{k:02d}.c"] = _tower(n191.gen_c(k, rnd))
    objs = " ".join(f"build/{Path(p).stem}.o" for p in files if p.endswith(".c"))
    files["Makefile"] = ("CC=gcc\nCFLAGS=-Wall -Wextra -O1 -Isrc\nOBJS=" + objs + "\n\nall: towerbench\n\n"
                         "towerbench: $(OBJS)\n\t$(CC) -o $@ $(OBJS)\n\nbuild/%.o: src/%.c src/towerbench.h\n"
                         "\t@mkdir -p build\n\t$(CC) $(CFLAGS) -c $< -o $@\n\nclean:\n\trm -rf build towerbench\n")
    write_tree(root, files)


def _ladle(text: str) -> str:
    return (text.replace("plumbline", "ladlejig").replace("Plumb-line survey", "Shot tower ladle jig")
            .replace("offset_per_m", "pellets_per_ladle").replace("station_penalty", "sieve_penalty")
            .replace("readings", "pourings").replace("reading", "pouring").replace("station", "sieve"))


def rust(tmp: Path) -> None:
    root = tmp / "ladlejig"
    rnd = random.Random(75515)
    write_tree(root, {"Cargo.toml": _ladle(n191.CARGO).replace("0.3.4", "1.4.2"),
                      "src/lib.rs": _ladle(n191.LIB), "src/broken.rs": _ladle(n191.BROKEN),
                      "src/pourings.rs": _ladle(n191.gen_readings(rnd, 240))})


def data(tmp: Path) -> None:
    from capture_wide755 import VENV
    d = tmp / "data"
    d.mkdir()
    run(f"cd {VENV}/lib/python3.11/site-packages && find . -type f ! -name '*.pyc' "
        f"-printf '%h,%f,%s,%TY-%Tm-%Td\\n' | sort > {d}/sitepk.body && cd {d} && "
        "(echo directory,file,bytes,modified; cat sitepk.body) > sitepk.csv && rm sitepk.body", cwd=d)
    run("sqlite3 sitepk.db '.mode csv' '.import sitepk.csv sitepk'", cwd=d)
    app_log(d / "shotdrop.log", 75512, 2000, ["shot.main", "shot.drop", "shot.api", "shot.store"], {
        "INFO": lambda r: f"ladler {r.randint(1, 9)} poured {r.randint(10, 400)} lb through sieve {r.randint(1, 300)} for {r.choice(['BB shot', 'No. 6 shot'])}",
        "DEBUG": lambda r: f"lead gauge {r.randint(1, 40)} took {r.randint(2, 70)} ms",
        "WARNING": lambda r: f"quench tub {r.randint(1, 12)} water up to {r.randint(18, 25)} degrees, drop delayed",
        "ERROR": lambda r: f"sieve {r.randint(1, 8)} clogged at floor {r.randint(1, 4)}, drop stopped"},
        7551, "2026-12-03")
    app_log(d / "towerfloor.log", 75516, 1900, ["floor.hands", "floor.drum", "floor.api", "floor.db"], {
        "INFO": lambda r: f"hand {r.randint(1, 24)} at {r.choice(FLOORS)} sorted {r.randint(850, 1100)} lb of pellets",
        "DEBUG": lambda r: f"pellet count {r.randint(1, 80)} took {r.randint(2, 50)} ms",
        "WARNING": lambda r: f"lead pig wagon {r.randint(1, 6)} came {r.randint(5, 40)} minutes late, furnace relining due in {r.randint(2, 30)} days",
        "ERROR": lambda r: f"drum {r.randint(1, 30)} gave {r.randint(27, 34)} per cent out-of-round during drop {r.randint(1, 700)}, pellets remelted"},
        7555, "2026-12-04")


STEPS = [python, go_module, c_project, rust, data]
