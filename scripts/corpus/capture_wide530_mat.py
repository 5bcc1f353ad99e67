"""Round 530, the material the two Gemini CLI runs work in (no item is captured here): argh's sdist with bugs put in
(its own tests run as shipped) and a script that drives a malt house's steeping sheet wrongly, a git history built by
committing its sources in steps, the maltsterstally Go module and the couchframe deploy scripts (round 273's,
capture_wide273_go, in this round's words and seed), a C project (`kilnbench`) and a Rust crate (`steepjig`) on round
191's generators with other names and seeds, a CSV and a sqlite table of the files of the round's own venv's
site-packages and two application logs. Run through capture_wide530.py. The generators are imported, never copied
(round 523's material, capture_wide523_mat, is the shape); only the words and seeds are this round's (base seed
53010)."""

from __future__ import annotations

import random
from pathlib import Path

import capture_wide191_native as n191
import capture_wide273_go as g273
from capture_material import app_log, history, put_bugs
from capture_more import run, write_tree

AR = "argh-0.31.3"

# argh: naive_guess_func_arg_name turns underscores into dashes; unindent takes one space too few.
AR_BUGS = [("src/argh/utils.py", '        return opt.strip("-").replace("-", "_")\n',
            '        return opt.strip("-").replace("_", "-")\n'),
           ("src/argh/utils.py", "    depth = len(first_line_indentation)\n",
            "    depth = len(first_line_indentation) - 1\n")]

STEEPSHEET = r"""
import argh


class KilnCureError(RuntimeError):
    pass


class Steep:
    # a malt house's steeps: the barley a maltster steeps, the hours it soaks, and the kiln that cures it
    def __init__(self, name, maltsters, tonnes, hours):
        self.name = name
        self.maltsters = list(maltsters)
        self.tonnes = tonnes
        self.hours = hours

    def hours_each(self):
        return self.tonnes * self.hours / len(self.maltsters)


HOUSE = [Steep("steep one", ["Walter", "Abel", "Reuben"], 18, 48), Steep("steep two", ["Silas", "Enoch"], 14, 44),
         Steep("couch floor", ["Amos", "Levi", "Caleb"], 22, "forty"), Steep("steep four", ["Noah"], 9, 40)]


def cure(steep):
    try:
        return {"steep": steep.name, "maltsters": len(steep.maltsters), "hours_each": round(steep.hours_each(), 2)}
    except TypeError as exc:
        raise KilnCureError(f"kiln cannot cure the malt of {steep.name!r}: {exc}") from exc


def sheet(week: int = 49):
    try:
        for steep in HOUSE:
            print(week, cure(steep))
    except KilnCureError as exc:
        raise RuntimeError("steepsheet: the week's steeping sheet could not be drawn up") from exc


if __name__ == "__main__":
    argh.dispatch_command(sheet)
"""

MALTSTERS = [("Walter Steepman", "steepman@example.org"), ("Hannah Kilnmaster", "kilnmaster@example.org"),
             ("Reuben Couchwright", "couchwright@example.org")]


def python(tmp: Path) -> None:
    from capture_wide530 import SRC
    put_bugs(tmp / AR, AR_BUGS)
    (tmp / AR / "steepsheet.py").write_text(STEEPSHEET)
    history(tmp, SRC, "argh", AR, ["src/argh/utils.py", "src/argh/assembling.py", "tests/test_utils.py"],
            MALTSTERS, 53010, 30, AR_BUGS)


STEEPS = ["Steep Tank One", "Steep Tank Two", "Couch Floor East", "Couch Floor West", "Kiln North", "Kiln South",
          "Germination Floor", "Barley Loft", "Withering Bed", "Cure Chamber", "Screen Room", "Sack Store"]
# Round 273's words, then this round's: its Go module, its app and the things they count.
GO_RENAMES = (("kegtally", "maltsterstally"), ("casebook", "couchframe"), ("ledger host", "barley loft host"),
              ("litres left, days", "tonnes left, days"), ("nothing left to pour", "nothing left to steep"),
              ("pour order", "kilning order"), ("pour grade", "malt grade"), ("Keg", "Kiln"),
              ("keg", "kiln"), ("Beer", "Malt"), ("beer", "malt"), ("Cellar", "Floor"),
              ("cellar", "floor"), ("Pints", "Bushels"), ("pints", "bushels"))


def go_module(tmp: Path) -> None:
    def rn(text: str) -> str:
        return g273.renamed(text, GO_RENAMES)
    base = {"go.mod": rn(g273.GO_MOD), "tally.go": rn(g273.TALLY_GO),
            "tally_test.go": g273.gen_test(53014, 60, STEEPS, GO_RENAMES)}
    write_tree(tmp / "maltsterstally", base)
    write_tree(tmp / "maltsterstally-vet", {"go.mod": base["go.mod"], "tally.go": base["tally.go"],
                                            "vet.go": rn(g273.VET_GO)})
    write_tree(tmp / "maltsterstally-build", {"go.mod": base["go.mod"], "tally.go": base["tally.go"],
                                              "restock.go": rn(g273.BUILD_GO)})
    write_tree(tmp / "couchframe-ops", {"scripts/deploy.sh": rn(g273.DEPLOY_SH),
                                        "scripts/backup.sh": rn(g273.BACKUP_SH),
                                        "scripts/rotate.sh": rn(g273.ROTATE_SH)})


def _kilnbench(text: str) -> str:
    return (text.replace("WEIRKEEPER", "KILNBENCH").replace("weirkeeper", "kilnbench")
            .replace("weir", "kiln").replace("sluice", "steep").replace("gate_t", "floor_t")
            .replace("gates", "floors").replace("level_cm", "moisture_pc").replace("tide", "turn"))


def c_project(tmp: Path) -> None:
    root = tmp / "kilnbench"
    rnd = random.Random(53011)
    files = {"src/kilnbench.h": _kilnbench(n191.SKIFF_H),
             "src/kilnbench.c": _kilnbench(n191.SKIFF_C)}
    for k in range(30):
        files[f"src/kiln_{k:02d}.c"] = _kilnbench(n191.gen_c(k, rnd))
    objs = " ".join(f"build/{Path(p).stem}.o" for p in files if p.endswith(".c"))
    files["Makefile"] = ("CC=gcc\nCFLAGS=-Wall -Wextra -O1 -Isrc\nOBJS=" + objs + "\n\nall: kilnbench\n\n"
                         "kilnbench: $(OBJS)\n\t$(CC) -o $@ $(OBJS)\n\nbuild/%.o: src/%.c src/kilnbench.h\n"
                         "\t@mkdir -p build\n\t$(CC) $(CFLAGS) -c $< -o $@\n\nclean:\n\trm -rf build kilnbench\n")
    write_tree(root, files)


def _steepjig(text: str) -> str:
    return (text.replace("plumbline", "steepjig").replace("Plumb-line survey", "Steep tanks' soak runs")
            .replace("offset_per_m", "loss_per_steep").replace("station_penalty", "tank_penalty")
            .replace("readings", "soakings").replace("reading", "soaking").replace("station", "tank"))


def rust(tmp: Path) -> None:
    root = tmp / "steepjig"
    rnd = random.Random(53015)
    write_tree(root, {"Cargo.toml": _steepjig(n191.CARGO).replace("0.3.4", "2.1.3"),
                      "src/lib.rs": _steepjig(n191.LIB), "src/broken.rs": _steepjig(n191.BROKEN),
                      "src/soakings.rs": _steepjig(n191.gen_readings(rnd, 200))})


def data(tmp: Path) -> None:
    from capture_wide530 import VENV
    d = tmp / "data"
    d.mkdir()
    run(f"cd {VENV}/lib/python3.11/site-packages && find . -type f ! -name '*.pyc' "
        f"-printf '%h,%f,%s,%TY-%Tm-%Td\\n' | sort > {d}/sitepk.body && cd {d} && "
        "(echo directory,file,bytes,modified; cat sitepk.body) > sitepk.csv && rm sitepk.body", cwd=d)
    run("sqlite3 sitepk.db '.mode csv' '.import sitepk.csv sitepk'", cwd=d)
    app_log(d / "maltings.log", 53012, 2000, ["malt.main", "malt.steeps",
                                              "malt.api", "malt.store"], {
        "INFO": lambda r: f"maltster {r.randint(1, 9)} cast {r.randint(4, 30)} tonnes of barley into steep {r.randint(1, 12)} from loft {r.choice(['north', 'south'])}",
        "DEBUG": lambda r: f"steep air-rest {r.randint(1, 40)} took {r.randint(2, 70)} min",
        "WARNING": lambda r: f"couch {r.randint(1, 12)} grain at {r.randint(38, 48)} percent moisture, turning due",
        "ERROR": lambda r: f"kiln {r.randint(1, 8)} burner flamed out during cure on deck {r.randint(1, 4)}, kilning stopped"},
        5301, "2026-12-01")
    app_log(d / "kilnfloor.log", 53016, 1900, ["kiln.decks", "kiln.fans",
                                               "kiln.api", "kiln.db"], {
        "INFO": lambda r: f"deck {r.randint(1, 24)} of {r.choice(STEEPS)} loaded to {r.randint(60, 110)} cm",
        "DEBUG": lambda r: f"fan sweep {r.randint(1, 80)} took {r.randint(2, 50)} ms",
        "WARNING": lambda r: f"withering bed {r.randint(1, 6)} at {r.randint(5, 40)} percent moisture, cure due in {r.randint(2, 30)} min",
        "ERROR": lambda r: f"kiln fan {r.randint(1, 30)} stalled at {r.randint(50, 85)} C during turn {r.randint(1, 700)}, batch scorched"},
        5401, "2026-12-02")


STEPS = [python, go_module, c_project, rust, data]
