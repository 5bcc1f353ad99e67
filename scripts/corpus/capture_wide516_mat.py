"""Round 516, the material the two Gemini CLI runs work in (no item is captured here): intspan's sdist with bugs put in
(its own tests run as shipped) and a script that drives it wrongly, a git history built by committing its sources in
steps, the stokerstally Go module and the condenserhead deploy scripts (round 273's, capture_wide273_go, in this
round's words and seed), a C project (`retortbench`) and a Rust crate (`scrubjig`) on round 191's generators with
other names and seeds, a CSV and a sqlite table of the files of the round's own venv's site-packages and two
application logs. Run through capture_wide516.py. The generators are imported, never copied (round 505's material,
capture_wide505_mat, is the shape); only the words and seeds are this round's (base seed 51610)."""

from __future__ import annotations

import random
from pathlib import Path

import capture_wide191_native as n191
import capture_wide273_go as g273
from capture_material import app_log, history, put_bugs
from capture_more import run, write_tree

IS = "intspan-1.6.1"

# intspan: `_parse_range` drops a range's last member ("1-5" parsed as 1-4); `complement` subtracts the wrong way.
IS_BUGS = [("intspan/core.py", "            return list(range(start, stop + 1))\n",
            "            return list(range(start, stop))\n"),
           ("intspan/core.py", "        return self.universe(low, high) - self\n",
            "        return self - self.universe(low, high)\n")]

RETORTCHECK = r"""
from intspan import intspan


class PurifierChargeError(RuntimeError):
    pass


class Bench:
    # a retort house's benches: which retorts each stoker charges this shift, and the coal per retort in cwt
    def __init__(self, name, retorts, cwt_per_retort, stokers):
        self.name = name
        self.retorts = intspan(retorts)
        self.cwt_per_retort = cwt_per_retort
        self.stokers = stokers

    def charge(self):
        return len(self.retorts) * self.cwt_per_retort / self.stokers


HOUSE = [Bench("bench one", "1-8", 12.5, 4), Bench("bench two", "9-14,16", 11.0, 3),
         Bench("purifier side", "17-24", "twelve", 4), Bench("bench four", "25-30", 13.25, 2)]


def settle(bench):
    try:
        return {"bench": bench.name, "retorts": str(bench.retorts), "cwt_each_stoker": round(bench.charge(), 2)}
    except TypeError as exc:
        raise PurifierChargeError(f"foreman cannot charge the retorts of {bench.name!r}: {exc}") from exc


def main():
    try:
        for bench in HOUSE:
            print(settle(bench))
    except PurifierChargeError as exc:
        raise RuntimeError("retortcheck: the shift's charging sheet could not be drawn up") from exc


main()
"""

STOKERS = [("Albert Stoker", "stoker@example.org"), ("Ada Purifier", "purifier@example.org"),
           ("Walter Retortman", "retortman@example.org")]


def python(tmp: Path) -> None:
    from capture_wide516 import SRC
    put_bugs(tmp / IS, IS_BUGS)
    (tmp / IS / "retortcheck.py").write_text(RETORTCHECK)
    history(tmp, SRC, "intspan", IS, ["intspan/core.py", "test/test_intspan.py"], STOKERS, 51610, 30, IS_BUGS)


RETORTS = ["Retort Bench One", "Retort Bench Two", "Purifier Box A", "Purifier Box B", "Scrubber Tower",
           "Exhauster House", "Condenser Stack", "Coke Yard", "Tar Well", "Gasholder North", "Meter House",
           "Stokers Stage"]
# Round 273's words, then this round's: its Go module, its app and the things they count.
GO_RENAMES = (("kegtally", "stokerstally"), ("casebook", "condenserhead"), ("ledger host", "meter house host"),
              ("litres left, days", "cwt left, shifts"), ("nothing left to pour", "nothing left to carbonise"),
              ("pour order", "charging order"), ("pour grade", "coal grade"), ("Keg", "Retort"),
              ("keg", "retort"), ("Beer", "Coal"), ("beer", "coal"), ("Cellar", "House"),
              ("cellar", "house"), ("Pints", "Cwt"), ("pints", "cwt"))


def go_module(tmp: Path) -> None:
    def rn(text: str) -> str:
        return g273.renamed(text, GO_RENAMES)
    base = {"go.mod": rn(g273.GO_MOD), "tally.go": rn(g273.TALLY_GO),
            "tally_test.go": g273.gen_test(51614, 60, RETORTS, GO_RENAMES)}
    write_tree(tmp / "stokerstally", base)
    write_tree(tmp / "stokerstally-vet", {"go.mod": base["go.mod"], "tally.go": base["tally.go"],
                                          "vet.go": rn(g273.VET_GO)})
    write_tree(tmp / "stokerstally-build", {"go.mod": base["go.mod"], "tally.go": base["tally.go"],
                                            "restock.go": rn(g273.BUILD_GO)})
    write_tree(tmp / "condenserhead-ops", {"scripts/deploy.sh": rn(g273.DEPLOY_SH),
                                           "scripts/backup.sh": rn(g273.BACKUP_SH),
                                           "scripts/rotate.sh": rn(g273.ROTATE_SH)})


def _retortbench(text: str) -> str:
    return (text.replace("WEIRKEEPER", "RETORTBENCH").replace("weirkeeper", "retortbench")
            .replace("weir", "retort").replace("sluice", "purifier").replace("gate_t", "bench_t")
            .replace("gates", "benches").replace("level_cm", "heat_c").replace("tide", "shift"))


def c_project(tmp: Path) -> None:
    root = tmp / "retortbench"
    rnd = random.Random(51611)
    files = {"src/retortbench.h": _retortbench(n191.SKIFF_H),
             "src/retortbench.c": _retortbench(n191.SKIFF_C)}
    for k in range(30):
        files[f"src/retort_{k:02d}.c"] = _retortbench(n191.gen_c(k, rnd))
    objs = " ".join(f"build/{Path(p).stem}.o" for p in files if p.endswith(".c"))
    files["Makefile"] = ("CC=gcc\nCFLAGS=-Wall -Wextra -O1 -Isrc\nOBJS=" + objs + "\n\nall: retortbench\n\n"
                         "retortbench: $(OBJS)\n\t$(CC) -o $@ $(OBJS)\n\nbuild/%.o: src/%.c src/retortbench.h\n"
                         "\t@mkdir -p build\n\t$(CC) $(CFLAGS) -c $< -o $@\n\nclean:\n\trm -rf build retortbench\n")
    write_tree(root, files)


def _scrubjig(text: str) -> str:
    return (text.replace("plumbline", "scrubjig").replace("Plumb-line survey", "Scrubber tower's wash runs")
            .replace("offset_per_m", "tar_per_ton").replace("station_penalty", "tower_penalty")
            .replace("readings", "washes").replace("reading", "wash").replace("station", "tower"))


def rust(tmp: Path) -> None:
    root = tmp / "scrubjig"
    rnd = random.Random(51615)
    write_tree(root, {"Cargo.toml": _scrubjig(n191.CARGO).replace("0.3.4", "2.2.6"),
                      "src/lib.rs": _scrubjig(n191.LIB), "src/broken.rs": _scrubjig(n191.BROKEN),
                      "src/washes.rs": _scrubjig(n191.gen_readings(rnd, 200))})


def data(tmp: Path) -> None:
    from capture_wide516 import VENV
    d = tmp / "data"
    d.mkdir()
    run(f"cd {VENV}/lib/python3.11/site-packages && find . -type f ! -name '*.pyc' "
        f"-printf '%h,%f,%s,%TY-%Tm-%Td\\n' | sort > {d}/sitepk.body && cd {d} && "
        "(echo directory,file,bytes,modified; cat sitepk.body) > sitepk.csv && rm sitepk.body", cwd=d)
    run("sqlite3 sitepk.db '.mode csv' '.import sitepk.csv sitepk'", cwd=d)
    app_log(d / "retorthouse.log", 51612, 2000, ["retort.main", "retort.stokers",
                                                 "retort.api", "retort.store"], {
        "INFO": lambda r: f"bench {r.randint(1, 6)} drew {r.randint(2, 40)} retorts of coke from setting {r.randint(1, 9)} at {r.choice([900, 1000, 1100])} C",
        "DEBUG": lambda r: f"stoker round {r.randint(1, 30)} charged in {r.randint(2, 70)} s",
        "WARNING": lambda r: f"purifier box {r.randint(1, 8)} oxide at {r.randint(5, 40)} percent foul, change due",
        "ERROR": lambda r: f"retort {r.randint(1, 60)} mouthpiece lid blown on bench {r.randint(1, 6)}, setting stopped"},
        5161, "2026-12-01")
    app_log(d / "condenser.log", 51616, 1900, ["condenser.stack", "condenser.exhauster",
                                               "condenser.api", "condenser.db"], {
        "INFO": lambda r: f"condenser {r.randint(1, 4)} cooled {r.choice(RETORTS)} gas to {r.randint(15, 30)} C",
        "DEBUG": lambda r: f"exhauster sweep {r.randint(1, 80)} took {r.randint(2, 50)} ms",
        "WARNING": lambda r: f"tar well {r.randint(1, 20)} at {r.randint(5, 40)} percent of its depth, pumping due in {r.randint(2, 30)} min",
        "ERROR": lambda r: f"gasholder {r.randint(1, 9)} lost pressure during shift {r.randint(1, 700)}, exhauster held"},
        5261, "2026-12-02")


STEPS = [python, go_module, c_project, rust, data]
