"""Round 609, the material the two Gemini CLI runs work in (no item is captured here): crccheck's and iniparse's sdists
with bugs put in (their own tests run as shipped) and a script that draws an oyster fishery's dredging book wrongly, a
git history built by committing iniparse's sources in steps, the cultchtally Go module and the oystermenframe deploy
scripts (round 273's, capture_wide273_go, in this round's words and seed), a C project (`cultchbench`) and a Rust crate
(`culljig`) on round 191's generators with other names and seeds, a CSV and a sqlite table of the files of the round's
own venv's site-packages and two application logs. Run through capture_wide609.py. The generators are imported, never
copied (round 597's material, capture_wide597_mat, is the shape); only the words and seeds are this round's (base seed
60910)."""

from __future__ import annotations

import random
from pathlib import Path

import capture_wide191_native as n191
import capture_wide273_go as g273
from capture_material import app_log, history, put_bugs
from capture_more import run, write_tree

CC = "crccheck-1.3.1"
IP = "iniparse-0.5.3"

# crccheck: the final CRC ORs the output XOR value in instead of XOR-ing it
CC_BUGS = [("crccheck/crc.py", "        crc ^= self._xor_output\n        return crc",
            "        crc |= self._xor_output\n        return crc")]
# iniparse: the blanks before an inline ';' comment kept in the value; the separator written stripped of its blanks
IP_BUGS = [("iniparse/ini.py", "            value = value[:coff].rstrip()", "            value = value[:coff]"),
           ("iniparse/ini.py", "out: str = '%s%s%s' % (self.name, self.separator, self.value)",
            "out: str = '%s%s%s' % (self.name, self.separator.strip(), self.value)")]

OYSTERBEDS = r"""
from crccheck.crc import Crc32
from iniparse import INIConfig


class OystermanCullError(RuntimeError):
    pass


class Bed:
    # an oyster fishery: the oystermen on a bed, the bushels of cultch culled, the tides worked
    def __init__(self, name, oystermen, bushels, tides):
        self.name = name
        self.oystermen = list(oystermen)
        self.bushels = bushels
        self.tides = tides

    def bushels_each(self):
        return self.bushels * self.tides / len(self.oystermen)


FISHERY = [Bed("native layings", ["Loveday", "Hezekiah", "Thomasin"], 14, 6),
           Bed("brood bank", ["Jory", "Wenna"], 8, 9),
           Bed("cultch ground", ["Pascoe", "Morwenna", "Ebenezer"], 17, "seven"),
           Bed("creek pits", ["Tamsyn"], 5, 4)]


def cull(b):
    try:
        return {"bed": b.name, "oystermen": len(b.oystermen), "bushels_each": round(b.bushels_each(), 2)}
    except TypeError as exc:
        raise OystermanCullError(f"oystermen cannot cull the cultch at {b.name!r}: {exc}") from exc


def dredging_book(day=3):
    book = INIConfig()
    try:
        for b in FISHERY:
            row = cull(b)
            book[b.name]["bushels_each"] = row["bushels_each"]
        print(book, "crc", Crc32.calchex(str(book).encode()))
    except OystermanCullError as exc:
        raise RuntimeError("oysterbeds: the day's dredging book could not be made up") from exc
    return day


if __name__ == "__main__":
    dredging_book()
"""

OYSTERMEN = [("Loveday Cultcher", "cultcher@example.org"), ("Hezekiah Brine", "brine@example.org"),
             ("Thomasin Oysterman", "oysterman@example.org")]


def python(tmp: Path) -> None:
    from capture_wide609 import SRC
    put_bugs(tmp / CC, CC_BUGS)
    put_bugs(tmp / IP, IP_BUGS)
    (tmp / "oysterbeds.py").write_text(OYSTERBEDS)
    history(tmp, SRC, "iniparse", IP, ["iniparse/ini.py", "tests/test_ini.py"], OYSTERMEN, 60910, 14, IP_BUGS)


BEDS = ["Native Layings", "Brood Bank", "Cultch Ground", "Creek Pits", "Spatting Flats", "Culling Shed",
        "Oyster Stores", "Packing Loft", "Pyefleet Bank", "Salcott Creek", "Quay Steps", "Smack Moorings"]
# Round 273's words, then this round's: its Go module, its app and the things they count.
GO_RENAMES = (("kegtally", "cultchtally"), ("casebook", "oystermenframe"), ("ledger host", "dredging book host"),
              ("litres left, days", "bushels left, days"), ("nothing left to pour", "nothing left to cull"),
              ("pour order", "culling order"), ("pour grade", "cultch grade"), ("Keg", "Bushel"),
              ("keg", "bushel"), ("Beer", "Oyster"), ("beer", "oyster"), ("Cellar", "Bed"),
              ("cellar", "bed"), ("Pints", "Pecks"), ("pints", "pecks"))


def go_module(tmp: Path) -> None:
    def rn(text: str) -> str:
        return g273.renamed(text, GO_RENAMES)
    base = {"go.mod": rn(g273.GO_MOD), "tally.go": rn(g273.TALLY_GO),
            "tally_test.go": g273.gen_test(60914, 60, BEDS, GO_RENAMES)}
    write_tree(tmp / "cultchtally", base)
    write_tree(tmp / "cultchtally-vet", {"go.mod": base["go.mod"], "tally.go": base["tally.go"],
                                         "vet.go": rn(g273.VET_GO)})
    write_tree(tmp / "cultchtally-build", {"go.mod": base["go.mod"], "tally.go": base["tally.go"],
                                           "restock.go": rn(g273.BUILD_GO)})
    write_tree(tmp / "oystermenframe-ops", {"scripts/deploy.sh": rn(g273.DEPLOY_SH),
                                            "scripts/backup.sh": rn(g273.BACKUP_SH),
                                            "scripts/rotate.sh": rn(g273.ROTATE_SH)})


def _cultchbench(text: str) -> str:
    return (text.replace("WEIRKEEPER", "CULTCHBENCH").replace("weirkeeper", "cultchbench")
            .replace("weir", "bed").replace("sluice", "dredge_cull").replace("gate_t", "bushel_t")
            .replace("gates", "bushels").replace("level_cm", "brine_cm").replace("tide", "ebb"))


def c_project(tmp: Path) -> None:
    root = tmp / "cultchbench"
    rnd = random.Random(60911)
    files = {"src/cultchbench.h": _cultchbench(n191.SKIFF_H),
             "src/cultchbench.c": _cultchbench(n191.SKIFF_C)}
    for k in range(30):
        files[f"src/bed_{k:02d}.c"] = _cultchbench(n191.gen_c(k, rnd))
    objs = " ".join(f"build/{Path(p).stem}.o" for p in files if p.endswith(".c"))
    files["Makefile"] = ("CC=gcc\nCFLAGS=-Wall -Wextra -O1 -Isrc\nOBJS=" + objs + "\n\nall: cultchbench\n\n"
                         "cultchbench: $(OBJS)\n\t$(CC) -o $@ $(OBJS)\n\nbuild/%.o: src/%.c src/cultchbench.h\n"
                         "\t@mkdir -p build\n\t$(CC) $(CFLAGS) -c $< -o $@\n\nclean:\n\trm -rf build cultchbench\n")
    write_tree(root, files)


def _culljig(text: str) -> str:
    return (text.replace("plumbline", "culljig").replace("Plumb-line survey", "Oyster fishery's culling runs")
            .replace("offset_per_m", "spat_per_bushel").replace("station_penalty", "bed_penalty")
            .replace("readings", "bushels").replace("reading", "bushel").replace("station", "bed"))


def rust(tmp: Path) -> None:
    root = tmp / "culljig"
    rnd = random.Random(60915)
    write_tree(root, {"Cargo.toml": _culljig(n191.CARGO).replace("0.3.4", "1.8.3"),
                      "src/lib.rs": _culljig(n191.LIB), "src/broken.rs": _culljig(n191.BROKEN),
                      "src/bushels.rs": _culljig(n191.gen_readings(rnd, 200))})


def data(tmp: Path) -> None:
    from capture_wide609 import VENV
    d = tmp / "data"
    d.mkdir()
    run(f"cd {VENV}/lib/python3.11/site-packages && find . -type f ! -name '*.pyc' "
        f"-printf '%h,%f,%s,%TY-%Tm-%Td\\n' | sort > {d}/sitepk.body && cd {d} && "
        "(echo directory,file,bytes,modified; cat sitepk.body) > sitepk.csv && rm sitepk.body", cwd=d)
    run("sqlite3 sitepk.db '.mode csv' '.import sitepk.csv sitepk'", cwd=d)
    app_log(d / "oysterbeds.log", 60912, 2000, ["oyster.main", "oyster.beds", "oyster.api", "oyster.stores"], {
        "INFO": lambda r: f"oysterman {r.randint(1, 9)} culled {r.randint(2, 30)} bushels of cultch on bed {r.randint(1, 400)} at the {r.choice(['north', 'south'])} creek",
        "DEBUG": lambda r: f"brine density check {r.randint(1, 40)} took {r.randint(2, 70)} ms",
        "WARNING": lambda r: f"dredge net {r.randint(1, 12)} worn to {r.randint(380, 900)} meshes, mending due",
        "ERROR": lambda r: f"smack {r.randint(1, 8)} lost its dredge warp on bed {r.randint(1, 4)}, culling stopped"},
        6091, "2026-12-01")
    app_log(d / "culling.log", 60916, 1900, ["shed.cullers", "shed.pack", "shed.api", "shed.db"], {
        "INFO": lambda r: f"culler {r.randint(1, 24)} at {r.choice(BEDS)} graded {r.randint(850, 1100)} oysters",
        "DEBUG": lambda r: f"pit flush {r.randint(1, 80)} took {r.randint(2, 50)} ms",
        "WARNING": lambda r: f"culling hammer {r.randint(1, 6)} head loose {r.randint(5, 40)} percent, refitting due in {r.randint(2, 30)} days",
        "ERROR": lambda r: f"oyster pit {r.randint(1, 30)} drained at {r.randint(500, 850)} gallons during grading {r.randint(1, 700)}, stores left shut"},
        6101, "2026-12-02")


STEPS = [python, go_module, c_project, rust, data]
