"""Round 567, the material the two Gemini CLI runs work in (no item is captured here): csscompressor's sdist with
bugs put in (its own tests run as shipped) and a script that draws a lime kiln's burn sheet wrongly, a git history
built by committing its sources in steps, the drawarchtally Go module and the burnerframe deploy scripts (round 273's,
capture_wide273_go, in this round's words and seed), a C project (`quicklimebench`) and a Rust crate (`chargejig`) on
round 191's generators with other names and seeds, a CSV and a sqlite table of the files of the round's own venv's
site-packages and two application logs. Run through capture_wide567.py. The generators are imported, never copied
(round 553's material, capture_wide553_mat, is the shape); only the words and seeds are this round's (base seed
56710)."""

from __future__ import annotations

import random
from pathlib import Path

import capture_wide191_native as n191
import capture_wide273_go as g273
from capture_material import app_log, history, put_bugs
from capture_more import run, write_tree

HD = "csscompressor-0.9.5"
CORE = "csscompressor/__init__.py"

# csscompressor: rgb() components of 16 padded with a 0 (`<= 16`); the sixth hex digit compared with itself, so
# #aabbcd is shortened as if it were #aabbcc.
HD_BUGS = [(CORE, "            if comp < 16:\n", "            if comp <= 16:\n"),
           (CORE, "                match.group(6).lower() == match.group(7).lower()):",
            "                match.group(6).lower() == match.group(6).lower()):")]

BURNSHEET = r"""
from csscompressor import compress


class DrawArchBurnError(RuntimeError):
    pass


class Arch:
    # a lime kiln's draw arches: the burners tending an arch, the tons of quicklime drawn, the hours the charge burns
    def __init__(self, name, burners, tons, hours):
        self.name = name
        self.burners = list(burners)
        self.tons = tons
        self.hours = hours

    def tons_each(self):
        return self.tons * self.hours / len(self.burners)


KILN = [Arch("east draw arch", ["Obadiah", "Mercy", "Ezra"], 9, 14),
        Arch("west draw arch", ["Jethro", "Keziah"], 7, 16),
        Arch("charging hole", ["Zebedee", "Thirza", "Amos"], 12, "twenty"),
        Arch("slaking floor", ["Dorcas"], 4, 10)]


def draw(arch):
    try:
        return {"arch": arch.name, "burners": len(arch.burners), "tons_each": round(arch.tons_each(), 2)}
    except TypeError as exc:
        raise DrawArchBurnError(f"burners cannot draw the quicklime from {arch.name!r}: {exc}") from exc


def sheet(day=11):
    style = []
    try:
        for arch in KILN:
            row = draw(arch)
            style.append(f".arch-{len(style)} {{ width: {row['tons_each']}em; color: rgb(16, 16, 16); }}")
            print(day, row)
    except DrawArchBurnError as exc:
        raise RuntimeError("burnsheet: the day's burn sheet could not be drawn up") from exc
    return compress("\n".join(style))


if __name__ == "__main__":
    sheet()
"""

BURNERS = [("Obadiah Kilnward", "kilnward@example.org"), ("Mercy Chargehand", "chargehand@example.org"),
           ("Ezra Stonebreaker", "stonebreaker@example.org")]


def python(tmp: Path) -> None:
    from capture_wide567 import SRC
    put_bugs(tmp / HD, HD_BUGS)
    (tmp / HD / "burnsheet.py").write_text(BURNSHEET)
    history(tmp, SRC, "csscompressor", HD, [CORE, "csscompressor/tests/test_compress.py",
                                             "csscompressor/tests/test_other.py"], BURNERS, 56710, 24, HD_BUGS)


ARCHES = ["East Draw Arch", "West Draw Arch", "Charging Hole", "Slaking Floor", "Stone Breaker", "Coal Bunker",
          "Kiln Eye", "Burning Zone", "Lime Shed", "Flux Heap", "Burners Bench", "Weigh Bridge"]
# Round 273's words, then this round's: its Go module, its app and the things they count.
GO_RENAMES = (("kegtally", "drawarchtally"), ("casebook", "burnerframe"), ("ledger host", "weigh bridge host"),
              ("litres left, days", "tons left, days"), ("nothing left to pour", "nothing left to draw"),
              ("pour order", "drawing order"), ("pour grade", "lime grade"), ("Keg", "Charge"),
              ("keg", "charge"), ("Beer", "Quicklime"), ("beer", "quicklime"), ("Cellar", "Kilnhead"),
              ("cellar", "kilnhead"), ("Pints", "Tons"), ("pints", "tons"))


def go_module(tmp: Path) -> None:
    def rn(text: str) -> str:
        return g273.renamed(text, GO_RENAMES)
    base = {"go.mod": rn(g273.GO_MOD), "tally.go": rn(g273.TALLY_GO),
            "tally_test.go": g273.gen_test(56714, 60, ARCHES, GO_RENAMES)}
    write_tree(tmp / "drawarchtally", base)
    write_tree(tmp / "drawarchtally-vet", {"go.mod": base["go.mod"], "tally.go": base["tally.go"],
                                           "vet.go": rn(g273.VET_GO)})
    write_tree(tmp / "drawarchtally-build", {"go.mod": base["go.mod"], "tally.go": base["tally.go"],
                                             "restock.go": rn(g273.BUILD_GO)})
    write_tree(tmp / "burnerframe-ops", {"scripts/deploy.sh": rn(g273.DEPLOY_SH),
                                       "scripts/backup.sh": rn(g273.BACKUP_SH),
                                       "scripts/rotate.sh": rn(g273.ROTATE_SH)})


def _quicklimebench(text: str) -> str:
    return (text.replace("WEIRKEEPER", "QUICKLIMEBENCH").replace("weirkeeper", "quicklimebench")
            .replace("weir", "arch").replace("sluice", "burner").replace("gate_t", "charge_t")
            .replace("gates", "charges").replace("level_cm", "heat_c").replace("tide", "draw"))


def c_project(tmp: Path) -> None:
    root = tmp / "quicklimebench"
    rnd = random.Random(56711)
    files = {"src/quicklimebench.h": _quicklimebench(n191.SKIFF_H),
             "src/quicklimebench.c": _quicklimebench(n191.SKIFF_C)}
    for k in range(30):
        files[f"src/arch_{k:02d}.c"] = _quicklimebench(n191.gen_c(k, rnd))
    objs = " ".join(f"build/{Path(p).stem}.o" for p in files if p.endswith(".c"))
    files["Makefile"] = ("CC=gcc\nCFLAGS=-Wall -Wextra -O1 -Isrc\nOBJS=" + objs + "\n\nall: quicklimebench\n\n"
                         "quicklimebench: $(OBJS)\n\t$(CC) -o $@ $(OBJS)\n\nbuild/%.o: src/%.c src/quicklimebench.h\n"
                         "\t@mkdir -p build\n\t$(CC) $(CFLAGS) -c $< -o $@\n\nclean:\n\trm -rf build quicklimebench\n")
    write_tree(root, files)


def _chargejig(text: str) -> str:
    return (text.replace("plumbline", "chargejig").replace("Plumb-line survey", "Lime kiln charges' burn runs")
            .replace("offset_per_m", "heat_per_charge").replace("station_penalty", "arch_penalty")
            .replace("readings", "charges").replace("reading", "charge").replace("station", "arch"))


def rust(tmp: Path) -> None:
    root = tmp / "chargejig"
    rnd = random.Random(56715)
    write_tree(root, {"Cargo.toml": _chargejig(n191.CARGO).replace("0.3.4", "2.5.3"),
                      "src/lib.rs": _chargejig(n191.LIB), "src/broken.rs": _chargejig(n191.BROKEN),
                      "src/charges.rs": _chargejig(n191.gen_readings(rnd, 200))})


def data(tmp: Path) -> None:
    from capture_wide567 import VENV
    d = tmp / "data"
    d.mkdir()
    run(f"cd {VENV}/lib/python3.11/site-packages && find . -type f ! -name '*.pyc' "
        f"-printf '%h,%f,%s,%TY-%Tm-%Td\\n' | sort > {d}/sitepk.body && cd {d} && "
        "(echo directory,file,bytes,modified; cat sitepk.body) > sitepk.csv && rm sitepk.body", cwd=d)
    run("sqlite3 sitepk.db '.mode csv' '.import sitepk.csv sitepk'", cwd=d)
    app_log(d / "kilneye.log", 56712, 2000, ["kiln.main", "kiln.arches",
                                             "kiln.api", "kiln.weigh"], {
        "INFO": lambda r: f"burner {r.randint(1, 9)} drew {r.randint(2, 30)} hundredweight of quicklime at arch {r.randint(1, 400)} on the {r.choice(['east', 'west'])} side",
        "DEBUG": lambda r: f"kiln eye check {r.randint(1, 40)} took {r.randint(2, 70)} ms",
        "WARNING": lambda r: f"draw arch {r.randint(1, 12)} down to {r.randint(380, 900)} C, coal charge due",
        "ERROR": lambda r: f"charge {r.randint(1, 8)} hung in the shaft during drawing at arch {r.randint(1, 4)}, draw stopped"},
        5671, "2026-12-01")
    app_log(d / "drawarch.log", 56716, 1900, ["lime.arches", "lime.fans",
                                              "lime.api", "lime.db"], {
        "INFO": lambda r: f"arch {r.randint(1, 24)} at {r.choice(ARCHES)} burns at {r.randint(850, 1100)} degrees",
        "DEBUG": lambda r: f"fan sweep {r.randint(1, 80)} took {r.randint(2, 50)} ms",
        "WARNING": lambda r: f"burner {r.randint(1, 6)} lining worn {r.randint(5, 40)} percent, relining due in {r.randint(2, 30)} days",
        "ERROR": lambda r: f"draught fan {r.randint(1, 30)} stalled at {r.randint(500, 850)} degrees during charge {r.randint(1, 700)}, kiln left damped"},
        5681, "2026-12-02")

STEPS = [python, go_module, c_project, rust, data]
