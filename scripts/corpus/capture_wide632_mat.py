"""Round 632, the material the two Gemini CLI runs work in (no item is captured here): pickleDB's and jaconv's sdists
with bugs put in (their own tests run as shipped) and a script that draws a besom maker's binding book wrongly, a git
history built by committing jaconv's sources in steps, the besomtally Go module and the besomframe deploy scripts
(round 273's, capture_wide273_go, in this round's words and seed), a C project (`besombench`) and a Rust crate
(`stalejig`) on round 191's generators with other names and seeds, a CSV and a sqlite table of the files of the round's
own venv's site-packages and two application logs. Run through capture_wide632.py. The generators are imported, never
copied (round 621's material, capture_wide621_mat, is the shape); only the words and seeds are this round's (base seed
63210)."""

from __future__ import annotations

import random
from pathlib import Path

import capture_wide191_native as n191
import capture_wide273_go as g273
from capture_material import app_log, history, put_bugs
from capture_more import run, write_tree

PK = "pickledb-1.6"
JC = "jaconv-0.5.0"

# pickleDB: remove only looks the key up (never pops it); all returns the values instead of the keys
PK_BUGS = [("pickledb.py", "return self.db.pop(str(key), None) is not None",
            "return self.db.get(str(key), None) is not None"),
           ("pickledb.py", "return list(self.db.keys())", "return list(self.db.values())")]
# jaconv: z2h with ascii and kana takes the ascii-only table; kana2alphabet writes しゃ as sya
JC_BUGS = [("jaconv/jaconv.py", "z2h_map = Z2H_AK", "z2h_map = Z2H_A"),
           ("jaconv/jaconv.py", "text.replace('しゃ', 'sha')", "text.replace('しゃ', 'sya')")]

BESOMYARD = r"""
import jaconv
from pickledb import PickleDB


class BroomsquireBindError(RuntimeError):
    pass


class Bench:
    # a besom maker's yard: the broomsquires at a bench, the besoms bound, the birch bundles used
    def __init__(self, name, broomsquires, besoms, bundles):
        self.name = name
        self.broomsquires = list(broomsquires)
        self.besoms = besoms
        self.bundles = bundles

    def besoms_each(self):
        return self.besoms * self.bundles / len(self.broomsquires)


YARD = [Bench("birch stack bench", ["Thirza", "Caleb", "Ruth"], 36, 2),
        Bench("heather bench", ["Eli", "Dorcas"], 22, 3),
        Bench("stale shaving bench", ["Mercy", "Amos", "Nell"], 30, "three"),
        Bench("binding shed", ["Silas"], 14, 2)]


def bind(b):
    try:
        return {"bench": b.name, "broomsquires": len(b.broomsquires), "besoms_each": round(b.besoms_each(), 2)}
    except TypeError as exc:
        raise BroomsquireBindError(f"broomsquires cannot bind the besoms at {b.name!r}: {exc}") from exc


def binding_book(path="/dev/shm/hm-corpus-wide632-book.json"):
    db = PickleDB(path)
    try:
        for b in YARD:
            row = bind(b)
            db.set(jaconv.z2h(row["bench"], ascii=True), row)
    except BroomsquireBindError as exc:
        raise RuntimeError("besomyard: the day's binding book could not be made up") from exc
    return db.all()


if __name__ == "__main__":
    binding_book()
"""

BROOMSQUIRES = [("Thirza Broomsquire", "broomsquire@example.org"), ("Caleb Birchcutter", "birchcutter@example.org"),
                ("Ruth Heathbinder", "heathbinder@example.org")]


def python(tmp: Path) -> None:
    from capture_wide632 import SRC
    put_bugs(tmp / PK, PK_BUGS)
    put_bugs(tmp / JC, JC_BUGS)
    (tmp / "besomyard.py").write_text(BESOMYARD)
    history(tmp, SRC, "jaconv", JC, ["jaconv/jaconv.py", "test_jaconv.py"], BROOMSQUIRES, 63210, 30, JC_BUGS)


BENCHES = ["Birch Stack", "Heather Loft", "Stale Shaving Bench", "Binding Shed", "Withe Soak Tank", "Drying Rack",
           "Lane Gate", "Cart Shed", "Heath Cut", "Copse Ride", "Bundle Yard", "Sawing Horse"]
# Round 273's words, then this round's: its Go module, its app and the things they count.
GO_RENAMES = (("kegtally", "besomtally"), ("casebook", "besomframe"), ("ledger host", "binding book host"),
              ("litres left, days", "bundles left, days"), ("nothing left to pour", "nothing left to bind"),
              ("pour order", "binding order"), ("pour grade", "besom grade"), ("Keg", "Besom"),
              ("keg", "besom"), ("Beer", "Birch"), ("beer", "birch"), ("Cellar", "Bench"),
              ("cellar", "bench"), ("Pints", "Twigs"), ("pints", "twigs"))


def go_module(tmp: Path) -> None:
    def rn(text: str) -> str:
        return g273.renamed(text, GO_RENAMES)
    base = {"go.mod": rn(g273.GO_MOD), "tally.go": rn(g273.TALLY_GO),
            "tally_test.go": g273.gen_test(63214, 60, BENCHES, GO_RENAMES)}
    write_tree(tmp / "besomtally", base)
    write_tree(tmp / "besomtally-vet", {"go.mod": base["go.mod"], "tally.go": base["tally.go"],
                                        "vet.go": rn(g273.VET_GO)})
    write_tree(tmp / "besomtally-build", {"go.mod": base["go.mod"], "tally.go": base["tally.go"],
                                          "restock.go": rn(g273.BUILD_GO)})
    write_tree(tmp / "besomframe-ops", {"scripts/deploy.sh": rn(g273.DEPLOY_SH),
                                        "scripts/backup.sh": rn(g273.BACKUP_SH),
                                        "scripts/rotate.sh": rn(g273.ROTATE_SH)})


def _besombench(text: str) -> str:
    return (text.replace("WEIRKEEPER", "BESOMBENCH").replace("weirkeeper", "besombench")
            .replace("weir", "besomrack").replace("sluice", "stale_cut").replace("gate_t", "bundle_t")
            .replace("gates", "bundles").replace("level_cm", "twig_cm").replace("tide", "heath"))


def c_project(tmp: Path) -> None:
    root = tmp / "besombench"
    rnd = random.Random(63211)
    files = {"src/besombench.h": _besombench(n191.SKIFF_H),
             "src/besombench.c": _besombench(n191.SKIFF_C)}
    for k in range(30):
        files[f"src/besomrack_{k:02d}.c"] = _besombench(n191.gen_c(k, rnd))
    objs = " ".join(f"build/{Path(p).stem}.o" for p in files if p.endswith(".c"))
    files["Makefile"] = ("CC=gcc\nCFLAGS=-Wall -Wextra -O1 -Isrc\nOBJS=" + objs + "\n\nall: besombench\n\n"
                         "besombench: $(OBJS)\n\t$(CC) -o $@ $(OBJS)\n\nbuild/%.o: src/%.c src/besombench.h\n"
                         "\t@mkdir -p build\n\t$(CC) $(CFLAGS) -c $< -o $@\n\nclean:\n\trm -rf build besombench\n")
    write_tree(root, files)


def _stalejig(text: str) -> str:
    return (text.replace("plumbline", "stalejig").replace("Plumb-line survey", "Besom yard's binding runs")
            .replace("offset_per_m", "twigs_per_besom").replace("station_penalty", "bench_penalty")
            .replace("readings", "bundles").replace("reading", "bundle").replace("station", "bench"))


def rust(tmp: Path) -> None:
    root = tmp / "stalejig"
    rnd = random.Random(63215)
    write_tree(root, {"Cargo.toml": _stalejig(n191.CARGO).replace("0.3.4", "1.4.2"),
                      "src/lib.rs": _stalejig(n191.LIB), "src/broken.rs": _stalejig(n191.BROKEN),
                      "src/bundles.rs": _stalejig(n191.gen_readings(rnd, 200))})


def data(tmp: Path) -> None:
    from capture_wide632 import VENV
    d = tmp / "data"
    d.mkdir()
    run(f"cd {VENV}/lib/python3.11/site-packages && find . -type f ! -name '*.pyc' "
        f"-printf '%h,%f,%s,%TY-%Tm-%Td\\n' | sort > {d}/sitepk.body && cd {d} && "
        "(echo directory,file,bytes,modified; cat sitepk.body) > sitepk.csv && rm sitepk.body", cwd=d)
    run("sqlite3 sitepk.db '.mode csv' '.import sitepk.csv sitepk'", cwd=d)
    app_log(d / "besomyard.log", 63212, 2000, ["besom.main", "besom.bench", "besom.api", "besom.store"], {
        "INFO": lambda r: f"broomsquire {r.randint(1, 9)} bound {r.randint(2, 60)} besoms at bench {r.randint(1, 400)} from the {r.choice(['birch', 'heather'])} stack",
        "DEBUG": lambda r: f"stale soak check {r.randint(1, 40)} took {r.randint(2, 70)} ms",
        "WARNING": lambda r: f"withe tank {r.randint(1, 12)} down to {r.randint(380, 900)} mm, refill due",
        "ERROR": lambda r: f"binding press {r.randint(1, 8)} jammed at bench {r.randint(1, 4)}, binding stopped"},
        6321, "2026-12-01")
    app_log(d / "binding.log", 63216, 1900, ["shed.broomsquires", "shed.pack", "shed.api", "shed.db"], {
        "INFO": lambda r: f"broomsquire {r.randint(1, 24)} at {r.choice(BENCHES)} bound {r.randint(850, 1100)} birch twigs",
        "DEBUG": lambda r: f"heath cart weigh {r.randint(1, 80)} took {r.randint(2, 50)} ms",
        "WARNING": lambda r: f"stale knife {r.randint(1, 6)} edge dulled {r.randint(5, 40)} percent, whetting due in {r.randint(2, 30)} days",
        "ERROR": lambda r: f"drying rack {r.randint(1, 30)} rose to {r.randint(31, 48)} degrees during batch {r.randint(1, 700)}, carting held"},
        6331, "2026-12-02")


STEPS = [python, go_module, c_project, rust, data]
