"""Round 554, the material both agents work in (no item is captured here): glob2's and mnemonic's sdists with bugs
put in and a script each that runs their code wrongly, git histories built by committing their sources in steps
(capture_material.history), a C project (`grindstone`) and a Rust crate (`barkwheel`) from round 191's generators
(capture_wide191_native, imported, renamed, other seeds), a Go module (`hopperline`, and a copy `spudline`) from round
273's generator (capture_wide273_go, imported, renamed, other seeds), a CSV and a sqlite table of some /usr/share files
and two application logs. Run through capture_wide554.py; round 547's pattern (capture_wide547_mat), this round's
words (a bark mill) and seeds (55410-55417)."""

from __future__ import annotations

import random
from pathlib import Path

import capture_wide191_native as n191
import capture_wide273_go as g273
from capture_material import app_log, history, put_bugs
from capture_more import run, write_tree
from capture_wide554 import SRC, VENV

GL, MN = "glob2-0.7", "mnemonic-0.21"

# glob2: `?` matches zero or one character; a negated class `[!…]` is not negated.
GL_BUGS = [("glob2/fnmatch.py", "res = res + '(.)'", "res = res + '(.?)'"),
           ("glob2/fnmatch.py", "stuff = '^' + stuff[1:]", "stuff = stuff[1:]")]
# mnemonic: a word's 11 bits shifted by one; the seed's PBKDF2 rounds changed.
MN_BUGS = [("src/mnemonic/mnemonic.py", "(ndx & (1 << (10 - ii)))", "(ndx & (1 << (11 - ii)))"),
           ("src/mnemonic/mnemonic.py", "PBKDF2_ROUNDS = 2048", "PBKDF2_ROUNDS = 2024")]

BARKER_TALLY = r'''
from glob2 import fnmatch


class BarkerError(RuntimeError):
    pass


# the mill's barkers' tally: each load of bark, its tree and weight, as the barkers chalk them up
LOADS = ["oak_load_01.bark", "oak_load_02.bark", "oak_load_3.bark", "larch_load_01.bark", "hemlock_load_07.bark",
         "oak_load_12.bark", "chestnut_load_02.bark", "oak_load_x.bark", "willow_load_04.bark"]


def tally(names, pattern):
    try:
        return fnmatch.filter(names, pattern)
    except TypeError as exc:
        raise BarkerError(f"barkers' tally: a load in {names!r} has no name for {pattern!r}") from exc


print("single-digit oak loads:", tally(LOADS, "oak_load_?.bark"))
print("loads not oak:", tally(LOADS, "[!o]*_load_*.bark"))
print("two-digit loads:", tally(LOADS, "*_load_[0-9][0-9].bark"))
print("the evening's loads:", tally(LOADS + [None, "oak_load_13.bark"], "oak_*.bark"))
'''

STONE_DRESS = r'''
from mnemonic import Mnemonic


class StoneDressError(RuntimeError):
    pass


# the mill's stone dressings, written down as word lists so the dresser can tell the pattern back
m = Mnemonic("english")
DRESSINGS = {
    "runner stone": m.to_mnemonic(bytes(range(16))),
    "bed stone": m.to_mnemonic(bytes(range(100, 132))),
    "edge runner": "abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon furrow",
}


def dressing(stone, words):
    try:
        return m.to_entropy(words).hex()
    except (ValueError, LookupError) as exc:
        raise StoneDressError(f"stone dress: the {stone}'s furrows cannot be read back from {words!r}") from exc


for stone, words in DRESSINGS.items():
    print(stone, "|", words)
    print("   seed", m.to_seed(words).hex()[:32])
    print("   entropy", dressing(stone, words))
'''


def python(tmp: Path) -> None:
    put_bugs(tmp / GL, GL_BUGS)
    put_bugs(tmp / MN, MN_BUGS)
    (tmp / GL / "barker_tally.py").write_text(BARKER_TALLY)
    (tmp / MN / "stone_dress.py").write_text(STONE_DRESS)
    # warm mypy's caches here so that the agents' runs end within Codex's 30 s yield
    run(f"MYPYPATH=src {VENV}/bin/mypy --strict src/mnemonic stone_dress.py >/dev/null 2>&1; true", cwd=tmp / MN,
        timeout=900)
    history(tmp, SRC, "glob2", GL, ["glob2/fnmatch.py", "glob2/impl.py", "glob2/__init__.py"],
            [("Abel Barker", "abel@example.org"), ("Bryony Tanner", "bryony@example.org"),
             ("Caleb Millwright", "caleb@example.org")], 55413, 20, GL_BUGS)
    history(tmp, SRC, "mnemonic", MN, ["src/mnemonic/mnemonic.py", "tests/test_mnemonic.py",
                                        "src/mnemonic/__init__.py"],
            [("Dorcas Stonedresser", "dorcas@example.org"), ("Eli Hopper", "eli@example.org"),
             ("Flora Barkspud", "flora@example.org")], 55414, 25, MN_BUGS)


def grindstone(text: str) -> str:
    return (text.replace("WEIRKEEPER", "GRINDSTONE").replace("weirkeeper", "grindstone").replace("weir", "stone_")
            .replace("sluice", "barker").replace("gate_t", "hopper_t").replace("gates", "hoppers")
            .replace("level_cm", "grist_mm").replace("tide", "turn"))


def c_project(tmp: Path) -> None:
    root = tmp / "grindstone"
    rnd = random.Random(55412)
    files = {"src/grindstone.h": grindstone(n191.SKIFF_H), "src/hoppers.c": grindstone(n191.SKIFF_C)}
    for k in range(40):
        files[f"src/stone_{k:02d}.c"] = grindstone(n191.gen_c(k, rnd))
    objs = " ".join(f"build/{Path(p).stem}.o" for p in files if p.endswith(".c"))
    files["Makefile"] = ("CC=gcc\nCFLAGS=-Wall -Wextra -O1 -Isrc\nOBJS=" + objs + "\n\nall: grindstone\n\n"
                         "grindstone: $(OBJS)\n\t$(CC) -o $@ $(OBJS)\n\nbuild/%.o: src/%.c src/grindstone.h\n"
                         "\t@mkdir -p build\n\t$(CC) $(CFLAGS) -c $< -o $@\n\nclean:\n\trm -rf build grindstone\n")
    write_tree(root, files)


def barkwheel(text: str) -> str:
    return (text.replace("plumbline", "barkwheel").replace("Plumb-line survey", "Bark wheel log")
            .replace("offset_per_m", "grist_per_turn").replace("station_penalty", "stone_penalty")
            .replace("readings", "grinds").replace("reading", "grind").replace("station", "stone"))


def rust(tmp: Path) -> None:
    root = tmp / "barkwheel"
    rnd = random.Random(55415)
    write_tree(root, {"Cargo.toml": barkwheel(n191.CARGO).replace("0.3.4", "1.5.4"),
                      "src/lib.rs": barkwheel(n191.LIB), "src/broken.rs": barkwheel(n191.BROKEN),
                      "src/grinds.rs": barkwheel(n191.gen_readings(rnd, 230))})
    assert "idx.push(stone_count)" in (root / "src/broken.rs").read_text()


# round 273's words, then this round's: the Go module, its app and what they count
GO_RENAMES = (("kegtally", "hopperline"), ("casebook", "barkbook"), ("ledger host", "mill host"),
              ("litres left, days", "bark left, days"), ("nothing left to pour", "nothing left to grind"),
              ("pour order", "grinding order"), ("pour grade", "bark grade"), ("Keg", "Sack"), ("keg", "sack"),
              ("Beer", "Bark"), ("beer", "bark"), ("Cellar", "Mill"), ("cellar", "mill"),
              ("Pints", "Pecks"), ("pints", "pecks"))
SL_RENAMES = tuple((o, n.replace("hopperline", "spudline")) for o, n in GO_RENAMES)
BARKS = ["Oak", "Chestnut", "Hemlock", "Larch", "Willow", "Birch", "Mimosa", "Wattle", "Sumac", "Alder",
         "Spruce", "Quebracho"]
MILLS = ["Kendal", "Grizedale", "Colthouse", "Hawkshead", "Satterthwaite", "Bouth", "Finsthwaite", "Rusland",
         "Backbarrow", "Spark Bridge", "Lowick", "Penny Bridge"]


def go_module(tmp: Path) -> None:
    for name, renames, seed, names in (("hopperline", GO_RENAMES, 55410, BARKS),
                                       ("spudline", SL_RENAMES, 55411, MILLS)):
        base = {"go.mod": g273.renamed(g273.GO_MOD, renames), "tally.go": g273.renamed(g273.TALLY_GO, renames)}
        write_tree(tmp / name, {**base, "tally_test.go": g273.gen_test(seed, 60, names, renames)})
        write_tree(tmp / f"{name}-vet", {**base, "vet.go": g273.renamed(g273.VET_GO, renames)})
        write_tree(tmp / f"{name}-build", {**base, "restock.go": g273.renamed(g273.BUILD_GO, renames)})
        assert "keg" not in (tmp / name / "tally.go").read_text().lower()


SHARE = "/usr/share/gap /usr/share/i18nspector /usr/share/libghc-agda-dev /usr/share/emacs /usr/share/gocode"


def data(tmp: Path) -> None:
    d = tmp / "data"
    d.mkdir()
    run(f"find {SHARE} -type f -printf '%h,%f,%s,%TY-%Tm-%Td\\n' | sort > share.body && "
        "(echo directory,file,bytes,modified; cat share.body) > share.csv && rm share.body", cwd=d)
    run("sqlite3 share.db '.mode csv' '.import share.csv share'", cwd=d)
    app_log(d / "barkshed.log", 55416, 2300, ["barkshed.stacks", "barkshed.barkers", "barkshed.api",
                                              "barkshed.chopper"], {
        "INFO": lambda r: f"barker {r.randint(1, 6)} stacked load {r.randint(100, 999)}: {r.randint(2, 60)} cwt of {r.choice(['oak', 'larch', 'chestnut'])} bark at {r.randint(8, 30)} % moisture",
        "DEBUG": lambda r: f"moisture probe {r.randint(1, 6)} took {r.randint(2, 90)} ms",
        "WARNING": lambda r: f"barker {r.randint(1, 6)} stack {r.randint(1, 9)} heating at {r.randint(40, 70)} C in bay {r.randint(1, 14)}",
        "ERROR": lambda r: f"chopper {r.randint(1, 3)} jammed on load {r.randint(100, 999)} at {r.randint(20, 90)} % of the feed"},
        9554, "2026-12-02")
    app_log(d / "chipperhouse.log", 55417, 2000, ["chipperhouse.stones", "chipperhouse.sieve", "chipperhouse.api",
                                                  "chipperhouse.db"], {
        "INFO": lambda r: f"run {r.randint(1, 400)} ground: {r.randint(3, 900)} pecks, {r.choice(['coarse', 'fine', 'dust', 'shred'])}, {r.randint(2, 40)} tailings",
        "DEBUG": lambda r: f"sieve sample {r.randint(1, 90)} took {r.randint(2, 70)} ms",
        "WARNING": lambda r: f"runner stone {r.randint(1, 6)} furrows worn {r.randint(1, 6)} mm below dress",
        "ERROR": lambda r: f"stone {r.randint(1, 4)} overheated on run {r.randint(1, 400)} after {r.randint(1, 60)} min"},
        7554, "2026-12-03")


STEPS = [python, c_project, rust, go_module, data]
