"""Round 565, the material both agents work in (no item is captured here): fuzzysearch's and ansi2html's sdists with
bugs put in and a script each that runs their code wrongly, git histories built by committing their sources in steps
(capture_material.history), a C project (`pondgate`) and a Rust crate (`floodtide`) from round 191's generators
(capture_wide191_native, imported, renamed, other seeds), a Go module (`floodline`, and a copy `ebbline`) from round
273's generator (capture_wide273_go, imported, renamed, other seeds), a CSV and a sqlite table of some /usr/share files
and two application logs. Run through capture_wide565.py; round 554's pattern (capture_wide554_mat), this round's
words (a tide mill) and seeds (56510-56517)."""

from __future__ import annotations

import random
from pathlib import Path

import capture_wide191_native as n191
import capture_wide273_go as g273
from capture_material import app_log, history, put_bugs
from capture_more import run, write_tree
from capture_wide565 import SRC, VENV

FZ, AH = "fuzzysearch-0.8.1", "ansi2html-1.9.5"

# fuzzysearch: a group's best match is the shortest of the nearest; matches that only touch are grouped.
FZ_BUGS = [("src/fuzzysearch/common.py", "(match.dist, -(match.end - match.start))",
            "(match.dist, match.end - match.start)"),
           ("src/fuzzysearch/common.py", "return not (match.end <= self.start or match.start >= self.end)",
            "return not (match.end < self.start or match.start > self.end)")]
# ansi2html: `<` escaped as `&gt;`; bright black foreground (90) no longer a colour.
AH_BUGS = [("src/ansi2html/converter.py", '("<", "&lt;"),', '("<", "&gt;"),'),
           ("src/ansi2html/converter.py", "ANSI_FOREGROUND_HIGH_INTENSITY_MIN = 90",
            "ANSI_FOREGROUND_HIGH_INTENSITY_MIN = 91")]

MILLER_LEDGER = r'''
from fuzzysearch import find_near_matches


class MillerError(RuntimeError):
    pass


# the tide mill's millers' ledger, as the clerk copied it out at each tide: who ground, who let the sluices go
LEDGER = ("tide 14: miller Hobbs ground 12 bushels; milller Hobs let the sluice go at ebb; miler Hobbes drew "
          "the millpond down; Miller Hobbs shut the sluices; tide 15: miller Pask ground 9 bushels at the flood")


def find(name, text, dist):
    try:
        return find_near_matches(name, text, max_l_dist=dist)
    except (TypeError, ValueError) as exc:
        raise MillerError(f"millers' ledger: cannot look for {name!r} on the page {text!r}") from exc


print("Hobbs, one slip:", find("miller Hobbs", LEDGER, 1))
print("Hobbs, two slips:", find("miller Hobbs", LEDGER, 2))
print("sluice, exact:", find("sluice", LEDGER, 0))
print("Pask, swapped letters only:",
      find_near_matches("miller Pesk", LEDGER, max_substitutions=1, max_insertions=0, max_deletions=0))
print("the night tide's page:", find("miller Pask", None, 1))
'''

SLUICE_BOARD = r'''
from ansi2html import Ansi2HTMLConverter


class SluiceBoardError(RuntimeError):
    pass


# the tide mill's sluice board, as the sluice keeper's terminal colours it, turned to HTML for the millers' page
conv = Ansi2HTMLConverter(inline=True)
BOARD = ["\x1b[32msluice 1 open\x1b[0m <ebb>",
         "\x1b[90mmillpond level 3.2 m\x1b[0m & falling",
         "\x1b[1;31mWHEEL STOPPED\x1b[0m at <slack water>",
         "\x1b[94mflood tide due 04:12\x1b[0m"]


def render(line):
    try:
        return conv.convert(line, full=False)
    except (TypeError, AttributeError) as exc:
        raise SluiceBoardError(f"sluice board: cannot render {line!r}") from exc


for line in BOARD:
    print(render(line))
print(render(b"\x1b[33mtide turning\x1b[0m"))
'''


# fuzzysearch's sdist ships its tests without the `tests` package's own helpers (`tests/__init__.py`, `compat.b`,
# `utils.skip_if_arguments_arent_byteslike`): written here, small, so that the suite collects
FZ_TEST_HELPERS = {
    "tests/__init__.py": "",
    "tests/compat.py": ("def b(text):\n"
                        "    return text.encode('latin-1') if isinstance(text, str) else bytes(text)\n"),
    "tests/utils.py": ("import functools\nimport unittest\n\n\n"
                       "def skip_if_arguments_arent_byteslike(search):\n"
                       "    @functools.wraps(search)\n"
                       "    def wrapper(self, subsequence, sequence, *args, **kwargs):\n"
                       "        for arg in (subsequence, sequence):\n"
                       "            if not isinstance(arg, (bytes, bytearray)):\n"
                       "                raise unittest.SkipTest('arguments are not bytes-like')\n"
                       "        return search(self, subsequence, sequence, *args, **kwargs)\n"
                       "    return wrapper\n"),
}


def python(tmp: Path) -> None:
    write_tree(tmp / FZ, FZ_TEST_HELPERS)
    put_bugs(tmp / FZ, FZ_BUGS)
    put_bugs(tmp / AH, AH_BUGS)
    (tmp / FZ / "miller_ledger.py").write_text(MILLER_LEDGER)
    (tmp / AH / "sluice_board.py").write_text(SLUICE_BOARD)
    # warm mypy's caches here so that the agents' runs end within Codex's 30 s yield
    run(f"MYPYPATH=src {VENV}/bin/mypy --strict src/ansi2html tests sluice_board.py >/dev/null 2>&1; true",
        cwd=tmp / AH, timeout=900)
    history(tmp, SRC, "fuzzysearch", FZ, ["src/fuzzysearch/common.py", "src/fuzzysearch/levenshtein.py",
                                          "src/fuzzysearch/__init__.py"],
            [("Hester Pask", "hester@example.org"), ("Jonas Hobbs", "jonas@example.org"),
             ("Kezia Sluicekeep", "kezia@example.org")], 56513, 20, FZ_BUGS)
    history(tmp, SRC, "ansi2html", AH, ["src/ansi2html/converter.py", "src/ansi2html/style.py",
                                        "tests/test_ansi2html.py"],
            [("Lettice Millward", "lettice@example.org"), ("Matthias Ebb", "matthias@example.org"),
             ("Nell Floodgate", "nell@example.org")], 56514, 25, AH_BUGS)


def pondgate(text: str) -> str:
    return (text.replace("WEIRKEEPER", "PONDGATE").replace("weirkeeper", "pondgate").replace("sluice", "paddle")
            .replace("weir", "sluice_").replace("gate_t", "race_t").replace("gates", "paddles")
            .replace("level_cm", "head_cm"))


def c_project(tmp: Path) -> None:
    root = tmp / "pondgate"
    rnd = random.Random(56512)
    files = {"src/pondgate.h": pondgate(n191.SKIFF_H), "src/millpond.c": pondgate(n191.SKIFF_C)}
    for k in range(40):
        files[f"src/sluice_{k:02d}.c"] = pondgate(n191.gen_c(k, rnd))
    objs = " ".join(f"build/{Path(p).stem}.o" for p in files if p.endswith(".c"))
    files["Makefile"] = ("CC=gcc\nCFLAGS=-Wall -Wextra -O1 -Isrc\nOBJS=" + objs + "\n\nall: pondgate\n\n"
                         "pondgate: $(OBJS)\n\t$(CC) -o $@ $(OBJS)\n\nbuild/%.o: src/%.c src/pondgate.h\n"
                         "\t@mkdir -p build\n\t$(CC) $(CFLAGS) -c $< -o $@\n\nclean:\n\trm -rf build pondgate\n")
    write_tree(root, files)


def floodtide(text: str) -> str:
    return (text.replace("plumbline", "floodtide").replace("Plumb-line survey", "Flood tide log")
            .replace("offset_per_m", "head_per_tide").replace("station_penalty", "sluice_penalty")
            .replace("readings", "tides").replace("reading", "tide").replace("station", "sluice"))


def rust(tmp: Path) -> None:
    root = tmp / "floodtide"
    rnd = random.Random(56515)
    write_tree(root, {"Cargo.toml": floodtide(n191.CARGO).replace("0.3.4", "2.6.5"),
                      "src/lib.rs": floodtide(n191.LIB), "src/broken.rs": floodtide(n191.BROKEN),
                      "src/tides.rs": floodtide(n191.gen_readings(rnd, 230))})
    assert "idx.push(sluice_count)" in (root / "src/broken.rs").read_text()


# round 273's words, then this round's: the Go module, its app and what they count
GO_RENAMES = (("kegtally", "floodline"), ("casebook", "tideledger"), ("ledger host", "mill host"),
              ("litres left, days", "head left, tides"), ("nothing left to pour", "nothing left to grind"),
              ("pour order", "grinding order"), ("pour grade", "flour grade"), ("Keg", "Pond"), ("keg", "pond"),
              ("Beer", "Grist"), ("beer", "grist"), ("Cellar", "Mill"), ("cellar", "mill"),
              ("Pints", "Bushels"), ("pints", "bushels"))
EB_RENAMES = tuple((o, n.replace("floodline", "ebbline")) for o, n in GO_RENAMES)
GRISTS = ["Wheat", "Barley", "Rye", "Oats", "Maize", "Spelt", "Beans", "Peas", "Buckwheat", "Malt",
          "Emmer", "Einkorn"]
MILLS = ["Eling", "Woodbridge", "Thorrington", "Carew", "Beddington", "Fingringhoe", "Walton", "Pakefield",
         "Stambridge", "Emsworth", "Ashlett", "Birdham"]


def go_module(tmp: Path) -> None:
    for name, renames, seed, names in (("floodline", GO_RENAMES, 56510, GRISTS),
                                       ("ebbline", EB_RENAMES, 56511, MILLS)):
        base = {"go.mod": g273.renamed(g273.GO_MOD, renames), "tally.go": g273.renamed(g273.TALLY_GO, renames)}
        write_tree(tmp / name, {**base, "tally_test.go": g273.gen_test(seed, 60, names, renames)})
        write_tree(tmp / f"{name}-vet", {**base, "vet.go": g273.renamed(g273.VET_GO, renames)})
        write_tree(tmp / f"{name}-build", {**base, "restock.go": g273.renamed(g273.BUILD_GO, renames)})
        assert "keg" not in (tmp / name / "tally.go").read_text().lower()


SHARE = ("/usr/share/aspell /usr/share/fpga-icestorm /usr/share/fig2dev /usr/share/graphviz /usr/share/color "
         "/usr/share/gettext-0.21 /usr/share/gp2c /usr/share/distro-info")


def data(tmp: Path) -> None:
    d = tmp / "data"
    d.mkdir()
    run(f"find {SHARE} -type f -printf '%h,%f,%s,%TY-%Tm-%Td\\n' | sort > share.body && "
        "(echo directory,file,bytes,modified; cat share.body) > share.csv && rm share.body", cwd=d)
    run("sqlite3 share.db '.mode csv' '.import share.csv share'", cwd=d)
    app_log(d / "pondhouse.log", 56516, 2300, ["pondhouse.sluices", "pondhouse.millers", "pondhouse.api",
                                               "pondhouse.wheel"], {
        "INFO": lambda r: f"miller {r.randint(1, 6)} ground batch {r.randint(100, 999)}: {r.randint(2, 60)} bushels of {r.choice(['wheat', 'barley', 'rye'])} on the {r.choice(['ebb', 'flood'])}",
        "DEBUG": lambda r: f"pond gauge {r.randint(1, 6)} took {r.randint(2, 90)} ms",
        "WARNING": lambda r: f"sluice {r.randint(1, 6)} leaking {r.randint(2, 40)} l/s at head {r.randint(40, 320)} cm",
        "ERROR": lambda r: f"wheel {r.randint(1, 3)} stalled on batch {r.randint(100, 999)} at {r.randint(20, 90)} % of the ebb"},
        9565, "2026-12-02")
    app_log(d / "tidehouse.log", 56517, 2000, ["tidehouse.stones", "tidehouse.gauge", "tidehouse.api",
                                               "tidehouse.db"], {
        "INFO": lambda r: f"tide {r.randint(1, 400)} ran: {r.randint(3, 900)} bushels, {r.choice(['fine', 'coarse', 'bran', 'middlings'])}, {r.randint(2, 40)} min of head",
        "DEBUG": lambda r: f"gauge sample {r.randint(1, 90)} took {r.randint(2, 70)} ms",
        "WARNING": lambda r: f"millpond {r.randint(1, 3)} silting {r.randint(1, 9)} cm above the sill",
        "ERROR": lambda r: f"sluice gate {r.randint(1, 4)} jammed on tide {r.randint(1, 400)} after {r.randint(1, 60)} min"},
        7565, "2026-12-03")


STEPS = [python, c_project, rust, go_module, data]
