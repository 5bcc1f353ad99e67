"""Round 582, the material the two Gemini CLI runs work in (no item is captured here): hsluv's and python-mimeparse's
sdists with bugs put in (their own tests run as shipped) and a script that draws a hemp store's bale book wrongly, a
git history built by committing hsluv's sources in steps, the hempstoretally Go module and the hacklerframe deploy
scripts (round 273's, capture_wide273_go, in this round's words and seed), a C project (`balehookbench`) and a Rust
crate (`balehookjig`) on round 191's generators with other names and seeds, a CSV and a sqlite table of the files of
the round's own venv's site-packages and two application logs. Run through capture_wide582.py. The generators are
imported, never copied (round 567's material, capture_wide567_mat, is the shape); only the words and seeds are this
round's (base seed 58210)."""

from __future__ import annotations

import random
from pathlib import Path

import capture_wide191_native as n191
import capture_wide273_go as g273
from capture_material import app_log, history, put_bugs
from capture_more import run, write_tree

HD = "hsluv-5.0.5"
MP = "python_mimeparse-2.0.0"

# hsluv: the CIE kappa constant mistyped (903.39… for 903.29…)
HD_BUGS = [("hsluv.py", "_kappa = 903.2962962 #", "_kappa = 903.3962962 #")]
# mimeparse: a q of 0 rejected (reset to 1); of equally fit ranges the last one kept
MP_BUGS = [("mimeparse.py", "not 0 <= float(params['q']) <= 1:", "not 0 < float(params['q']) <= 1:"),
           ("mimeparse.py", "if fitness > best_fitness:", "if fitness >= best_fitness:")]

HEMPSTORE = r"""
import hsluv
import mimeparse


class HacklerCombError(RuntimeError):
    pass


class Bench:
    # a rope walk's hemp store: the hacklers at a hackling bench, the bales of hemp hackled, the hours at the hackles
    def __init__(self, name, hacklers, bales, hours):
        self.name = name
        self.hacklers = list(hacklers)
        self.bales = bales
        self.hours = hours

    def bales_each(self):
        return self.bales * self.hours / len(self.hacklers)


STORE = [Bench("north hackling bench", ["Tobias", "Hepzibah", "Silas"], 11, 9),
         Bench("south hackling bench", ["Jabez", "Tamar"], 8, 12),
         Bench("tow loft", ["Zillah", "Enoch", "Ruth"], 14, "ten"),
         Bench("bale press", ["Gideon"], 5, 7)]


def comb(bench):
    try:
        return {"bench": bench.name, "hacklers": len(bench.hacklers), "bales_each": round(bench.bales_each(), 2)}
    except TypeError as exc:
        raise HacklerCombError(f"hacklers cannot comb the bales at {bench.name!r}: {exc}") from exc


def bale_book(day=3):
    shades = []
    accept = mimeparse.best_match(["text/csv", "application/json"], "application/json;q=0, text/csv;q=0.8")
    try:
        for bench in STORE:
            row = comb(bench)
            shades.append(hsluv.hsluv_to_hex([row["hacklers"] * 60.0, 70.0, 20.0 + row["bales_each"]]))
            print(day, accept, row, shades[-1])
    except HacklerCombError as exc:
        raise RuntimeError("hempstore: the day's bale book could not be made up") from exc
    return shades


if __name__ == "__main__":
    bale_book()
"""

HACKLERS = [("Tobias Hackler", "hackler@example.org"), ("Hepzibah Baleman", "baleman@example.org"),
            ("Silas Ropewalker", "ropewalker@example.org")]


def python(tmp: Path) -> None:
    from capture_wide582 import SRC
    put_bugs(tmp / HD, HD_BUGS)
    put_bugs(tmp / MP, MP_BUGS)
    (tmp / "hempstore.py").write_text(HEMPSTORE)
    history(tmp, SRC, "hsluv", HD, ["hsluv.py", "tests/test_hsluv.py"], HACKLERS, 58210, 14, HD_BUGS)


BENCHES = ["North Hackling Bench", "South Hackling Bench", "Tow Loft", "Bale Press", "Hemp Store", "Spinning Walk",
           "Tar House", "Hackle Rack", "Yarn Shed", "Sorting Floor", "Bale Hook Wall", "Rope Walk Gate"]
# Round 273's words, then this round's: its Go module, its app and the things they count.
GO_RENAMES = (("kegtally", "hempstoretally"), ("casebook", "hacklerframe"), ("ledger host", "bale book host"),
              ("litres left, days", "bales left, days"), ("nothing left to pour", "nothing left to hackle"),
              ("pour order", "hackling order"), ("pour grade", "fibre grade"), ("Keg", "Bale"),
              ("keg", "bale"), ("Beer", "Hemp"), ("beer", "hemp"), ("Cellar", "Store"),
              ("cellar", "store"), ("Pints", "Hanks"), ("pints", "hanks"))


def go_module(tmp: Path) -> None:
    def rn(text: str) -> str:
        return g273.renamed(text, GO_RENAMES)
    base = {"go.mod": rn(g273.GO_MOD), "tally.go": rn(g273.TALLY_GO),
            "tally_test.go": g273.gen_test(58214, 60, BENCHES, GO_RENAMES)}
    write_tree(tmp / "hempstoretally", base)
    write_tree(tmp / "hempstoretally-vet", {"go.mod": base["go.mod"], "tally.go": base["tally.go"],
                                            "vet.go": rn(g273.VET_GO)})
    write_tree(tmp / "hempstoretally-build", {"go.mod": base["go.mod"], "tally.go": base["tally.go"],
                                              "restock.go": rn(g273.BUILD_GO)})
    write_tree(tmp / "hacklerframe-ops", {"scripts/deploy.sh": rn(g273.DEPLOY_SH),
                                          "scripts/backup.sh": rn(g273.BACKUP_SH),
                                          "scripts/rotate.sh": rn(g273.ROTATE_SH)})


def _balehookbench(text: str) -> str:
    return (text.replace("WEIRKEEPER", "BALEHOOKBENCH").replace("weirkeeper", "balehookbench")
            .replace("weir", "bench").replace("sluice", "hackle").replace("gate_t", "bale_t")
            .replace("gates", "bales").replace("level_cm", "fibre_cm").replace("tide", "comb"))


def c_project(tmp: Path) -> None:
    root = tmp / "balehookbench"
    rnd = random.Random(58211)
    files = {"src/balehookbench.h": _balehookbench(n191.SKIFF_H),
             "src/balehookbench.c": _balehookbench(n191.SKIFF_C)}
    for k in range(30):
        files[f"src/bench_{k:02d}.c"] = _balehookbench(n191.gen_c(k, rnd))
    objs = " ".join(f"build/{Path(p).stem}.o" for p in files if p.endswith(".c"))
    files["Makefile"] = ("CC=gcc\nCFLAGS=-Wall -Wextra -O1 -Isrc\nOBJS=" + objs + "\n\nall: balehookbench\n\n"
                         "balehookbench: $(OBJS)\n\t$(CC) -o $@ $(OBJS)\n\nbuild/%.o: src/%.c src/balehookbench.h\n"
                         "\t@mkdir -p build\n\t$(CC) $(CFLAGS) -c $< -o $@\n\nclean:\n\trm -rf build balehookbench\n")
    write_tree(root, files)


def _balehookjig(text: str) -> str:
    return (text.replace("plumbline", "balehookjig").replace("Plumb-line survey", "Hemp store bales' hackling runs")
            .replace("offset_per_m", "tow_per_bale").replace("station_penalty", "bench_penalty")
            .replace("readings", "bales").replace("reading", "bale").replace("station", "bench"))


def rust(tmp: Path) -> None:
    root = tmp / "balehookjig"
    rnd = random.Random(58215)
    write_tree(root, {"Cargo.toml": _balehookjig(n191.CARGO).replace("0.3.4", "1.8.2"),
                      "src/lib.rs": _balehookjig(n191.LIB), "src/broken.rs": _balehookjig(n191.BROKEN),
                      "src/bales.rs": _balehookjig(n191.gen_readings(rnd, 200))})


def data(tmp: Path) -> None:
    from capture_wide582 import VENV
    d = tmp / "data"
    d.mkdir()
    run(f"cd {VENV}/lib/python3.11/site-packages && find . -type f ! -name '*.pyc' "
        f"-printf '%h,%f,%s,%TY-%Tm-%Td\\n' | sort > {d}/sitepk.body && cd {d} && "
        "(echo directory,file,bytes,modified; cat sitepk.body) > sitepk.csv && rm sitepk.body", cwd=d)
    run("sqlite3 sitepk.db '.mode csv' '.import sitepk.csv sitepk'", cwd=d)
    app_log(d / "hempstore.log", 58212, 2000, ["hemp.main", "hemp.benches",
                                               "hemp.api", "hemp.press"], {
        "INFO": lambda r: f"hackler {r.randint(1, 9)} combed {r.randint(2, 30)} stone of hemp at bench {r.randint(1, 400)} on the {r.choice(['north', 'south'])} walk",
        "DEBUG": lambda r: f"bale hook check {r.randint(1, 40)} took {r.randint(2, 70)} ms",
        "WARNING": lambda r: f"hackle rack {r.randint(1, 12)} pins worn to {r.randint(380, 900)} thou, regrinding due",
        "ERROR": lambda r: f"bale {r.randint(1, 8)} slipped its hook during pressing at bench {r.randint(1, 4)}, press stopped"},
        5821, "2026-12-01")
    app_log(d / "balehook.log", 58216, 1900, ["rope.benches", "rope.press",
                                              "rope.api", "rope.db"], {
        "INFO": lambda r: f"bench {r.randint(1, 24)} at {r.choice(BENCHES)} hackled {r.randint(850, 1100)} lb of line",
        "DEBUG": lambda r: f"tow sweep {r.randint(1, 80)} took {r.randint(2, 50)} ms",
        "WARNING": lambda r: f"hackle {r.randint(1, 6)} teeth bent {r.randint(5, 40)} percent, refitting due in {r.randint(2, 30)} days",
        "ERROR": lambda r: f"bale press {r.randint(1, 30)} jammed at {r.randint(500, 850)} lb during bale {r.randint(1, 700)}, store left shut"},
        5831, "2026-12-02")

STEPS = [python, go_module, c_project, rust, data]
