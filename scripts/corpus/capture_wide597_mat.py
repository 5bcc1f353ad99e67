"""Round 597, the material the two Gemini CLI runs work in (no item is captured here): yamlloader's and zc.lockfile's
sdists with bugs put in (their own tests run as shipped) and a script that draws a cider house's press book wrongly, a
git history built by committing zc.lockfile's sources in steps, the pomacetally Go module and the orchardmenframe
deploy scripts (round 273's, capture_wide273_go, in this round's words and seed), a C project (`pomacebench`) and a
Rust crate (`pressjig`) on round 191's generators with other names and seeds, a CSV and a sqlite table of the files of
the round's own venv's site-packages and two application logs. Run through capture_wide597.py. The generators are
imported, never copied (round 582's material, capture_wide582_mat, is the shape); only the words and seeds are this
round's (base seed 59710)."""

from __future__ import annotations

import random
from pathlib import Path

import capture_wide191_native as n191
import capture_wide273_go as g273
from capture_material import app_log, history, put_bugs
from capture_more import run, write_tree

YL = "yamlloader-1.6.0"
ZC = "zc_lockfile-4.0"

# yamlloader: a mapping's pairs walked sorted by key, not in document order
YL_BUGS = [("src/yamlloader/ordereddict/loaders.py", "for key_node, value_node in node.value:",
            "for key_node, value_node in sorted(node.value, key=lambda kv: str(kv[0].value)):")]
# zc.lockfile: the lock content written without its leading space; a shared lock taken for an exclusive one
ZC_BUGS = [("src/zc/lockfile/__init__.py", 'self._fp.write(" %s\\n" % content)', 'self._fp.write("%s\\n" % content)'),
           ("src/zc/lockfile/__init__.py", "_flags = fcntl.LOCK_EX | fcntl.LOCK_NB",
            "_flags = fcntl.LOCK_SH | fcntl.LOCK_NB")]

CIDERHOUSE = r"""
import yaml
import yamlloader
import zc.lockfile


class OrchardmanPressError(RuntimeError):
    pass


class Press:
    # a cider house: the orchardmen at a press, the cheeses of pomace pressed, the hours at the screw
    def __init__(self, name, orchardmen, cheeses, hours):
        self.name = name
        self.orchardmen = list(orchardmen)
        self.cheeses = cheeses
        self.hours = hours

    def cheeses_each(self):
        return self.cheeses * self.hours / len(self.orchardmen)


HOUSE = [Press("great screw press", ["Tamsin", "Ezra", "Mercy"], 12, 8),
         Press("rack and cloth press", ["Jethro", "Keziah"], 9, 11),
         Press("scratter loft", ["Obadiah", "Dorcas", "Amos"], 15, "eleven"),
         Press("wassail barn", ["Lettice"], 4, 6)]


def press(p):
    try:
        return {"press": p.name, "orchardmen": len(p.orchardmen), "cheeses_each": round(p.cheeses_each(), 2)}
    except TypeError as exc:
        raise OrchardmanPressError(f"orchardmen cannot press the pomace at {p.name!r}: {exc}") from exc


def press_book(day=4):
    lock = zc.lockfile.LockFile("ciderhouse.lock")
    try:
        rows = []
        for p in HOUSE:
            rows.append(press(p))
        print(yaml.dump(rows, Dumper=yamlloader.ordereddict.CDumper))
    except OrchardmanPressError as exc:
        raise RuntimeError("ciderhouse: the day's press book could not be made up") from exc
    finally:
        lock.close()
    return day


if __name__ == "__main__":
    press_book()
"""

ORCHARDMEN = [("Tamsin Pomeroy", "pomeroy@example.org"), ("Ezra Scratterby", "scratterby@example.org"),
              ("Mercy Orchardman", "orchardman@example.org")]


def python(tmp: Path) -> None:
    from capture_wide597 import SRC
    put_bugs(tmp / YL, YL_BUGS)
    put_bugs(tmp / ZC, ZC_BUGS)
    (tmp / "ciderhouse.py").write_text(CIDERHOUSE)
    history(tmp, SRC, "zclockfile", ZC, ["src/zc/lockfile/__init__.py", "src/zc/lockfile/tests.py"], ORCHARDMEN,
            59710, 14, ZC_BUGS)


BENCHES = ["Great Screw Press", "Rack And Cloth Press", "Scratter Loft", "Wassail Barn", "Pomace Heap", "Keeving Vat",
           "Cider Cellar", "Apple Loft", "Bramley Row", "Kingston Black Row", "Orchard Gate", "Hogshead Shed"]
# Round 273's words, then this round's: its Go module, its app and the things they count.
GO_RENAMES = (("kegtally", "pomacetally"), ("casebook", "orchardmenframe"), ("ledger host", "press book host"),
              ("litres left, days", "cheeses left, days"), ("nothing left to pour", "nothing left to press"),
              ("pour order", "pressing order"), ("pour grade", "pomace grade"), ("Keg", "Cheese"),
              ("keg", "cheese"), ("Beer", "Cider"), ("beer", "cider"), ("Cellar", "House"),
              ("cellar", "house"), ("Pints", "Quarts"), ("pints", "quarts"))


def go_module(tmp: Path) -> None:
    def rn(text: str) -> str:
        return g273.renamed(text, GO_RENAMES)
    base = {"go.mod": rn(g273.GO_MOD), "tally.go": rn(g273.TALLY_GO),
            "tally_test.go": g273.gen_test(59714, 60, BENCHES, GO_RENAMES)}
    write_tree(tmp / "pomacetally", base)
    write_tree(tmp / "pomacetally-vet", {"go.mod": base["go.mod"], "tally.go": base["tally.go"],
                                            "vet.go": rn(g273.VET_GO)})
    write_tree(tmp / "pomacetally-build", {"go.mod": base["go.mod"], "tally.go": base["tally.go"],
                                              "restock.go": rn(g273.BUILD_GO)})
    write_tree(tmp / "orchardmenframe-ops", {"scripts/deploy.sh": rn(g273.DEPLOY_SH),
                                          "scripts/backup.sh": rn(g273.BACKUP_SH),
                                          "scripts/rotate.sh": rn(g273.ROTATE_SH)})


def _pomacebench(text: str) -> str:
    return (text.replace("WEIRKEEPER", "POMACEBENCH").replace("weirkeeper", "pomacebench")
            .replace("weir", "press").replace("sluice", "scratter").replace("gate_t", "cheese_t")
            .replace("gates", "cheeses").replace("level_cm", "juice_cm").replace("tide", "screw"))


def c_project(tmp: Path) -> None:
    root = tmp / "pomacebench"
    rnd = random.Random(59711)
    files = {"src/pomacebench.h": _pomacebench(n191.SKIFF_H),
             "src/pomacebench.c": _pomacebench(n191.SKIFF_C)}
    for k in range(30):
        files[f"src/press_{k:02d}.c"] = _pomacebench(n191.gen_c(k, rnd))
    objs = " ".join(f"build/{Path(p).stem}.o" for p in files if p.endswith(".c"))
    files["Makefile"] = ("CC=gcc\nCFLAGS=-Wall -Wextra -O1 -Isrc\nOBJS=" + objs + "\n\nall: pomacebench\n\n"
                         "pomacebench: $(OBJS)\n\t$(CC) -o $@ $(OBJS)\n\nbuild/%.o: src/%.c src/pomacebench.h\n"
                         "\t@mkdir -p build\n\t$(CC) $(CFLAGS) -c $< -o $@\n\nclean:\n\trm -rf build pomacebench\n")
    write_tree(root, files)


def _pressjig(text: str) -> str:
    return (text.replace("plumbline", "pressjig").replace("Plumb-line survey", "Cider house cheeses' pressing runs")
            .replace("offset_per_m", "juice_per_cheese").replace("station_penalty", "press_penalty")
            .replace("readings", "cheeses").replace("reading", "cheese").replace("station", "press"))


def rust(tmp: Path) -> None:
    root = tmp / "pressjig"
    rnd = random.Random(59715)
    write_tree(root, {"Cargo.toml": _pressjig(n191.CARGO).replace("0.3.4", "2.6.1"),
                      "src/lib.rs": _pressjig(n191.LIB), "src/broken.rs": _pressjig(n191.BROKEN),
                      "src/cheeses.rs": _pressjig(n191.gen_readings(rnd, 200))})


def data(tmp: Path) -> None:
    from capture_wide597 import VENV
    d = tmp / "data"
    d.mkdir()
    run(f"cd {VENV}/lib/python3.11/site-packages && find . -type f ! -name '*.pyc' "
        f"-printf '%h,%f,%s,%TY-%Tm-%Td\\n' | sort > {d}/sitepk.body && cd {d} && "
        "(echo directory,file,bytes,modified; cat sitepk.body) > sitepk.csv && rm sitepk.body", cwd=d)
    run("sqlite3 sitepk.db '.mode csv' '.import sitepk.csv sitepk'", cwd=d)
    app_log(d / "ciderhouse.log", 59712, 2000, ["cider.main", "cider.presses",
                                                "cider.api", "cider.vat"], {
        "INFO": lambda r: f"orchardman {r.randint(1, 9)} pressed {r.randint(2, 30)} cheeses of pomace at press {r.randint(1, 400)} in the {r.choice(['east', 'west'])} barn",
        "DEBUG": lambda r: f"screw torque check {r.randint(1, 40)} took {r.randint(2, 70)} ms",
        "WARNING": lambda r: f"press cloth {r.randint(1, 12)} worn to {r.randint(380, 900)} threads, mending due",
        "ERROR": lambda r: f"cheese {r.randint(1, 8)} slipped off the rack during pressing at press {r.randint(1, 4)}, screw stopped"},
        5971, "2026-12-01")
    app_log(d / "scratter.log", 59716, 1900, ["mill.scratters", "mill.press",
                                             "mill.api", "mill.db"], {
        "INFO": lambda r: f"scratter {r.randint(1, 24)} at {r.choice(BENCHES)} milled {r.randint(850, 1100)} lb of apples",
        "DEBUG": lambda r: f"pomace sweep {r.randint(1, 80)} took {r.randint(2, 50)} ms",
        "WARNING": lambda r: f"scratter {r.randint(1, 6)} blades dulled {r.randint(5, 40)} percent, regrinding due in {r.randint(2, 30)} days",
        "ERROR": lambda r: f"keeving vat {r.randint(1, 30)} overflowed at {r.randint(500, 850)} gallons during pressing {r.randint(1, 700)}, cellar left shut"},
        5981, "2026-12-02")

STEPS = [python, go_module, c_project, rust, data]
