"""Round 730, the material the two Gemini CLI runs work in (no item is captured here): rfc8785's and reedsolo's sdists
with bugs put in (rfc8785's own tests run as shipped; reedsolo ships none) and a script that makes up a mushroom
grower's flush book wrongly, a git history built by committing rfc8785's sources in steps, the mushtally Go module and
the cavebook deploy scripts (round 273's, capture_wide273_go, in this round's words and seed), a C project
(`casingbench`) and a Rust crate (`trufflejig`) on round 191's generators with other names and seeds, a CSV and a
sqlite table of the files of the round's own venv's site-packages and two application logs. Run through
capture_wide730.py. The generators are imported, never copied (round 722's material is the shape); only the words and
seeds are this round's (base seed 73010)."""

from __future__ import annotations

import random
from pathlib import Path

import capture_wide191_native as n191
import capture_wide273_go as g273
from capture_material import app_log, history, put_bugs
from capture_more import run, write_tree

JC = "rfc8785-0.1.4"
RS = "reedsolo-1.7.0"

# rfc8785: floats with 20 integer digits written in exponent form; object keys sorted by UTF-16LE, not UTF-16BE
JC_BUGS = [("src/rfc8785/_impl.py", "exponent_value > 0 and exponent_value < 21", "exponent_value > 0 and exponent_value < 20"),
           ("src/rfc8785/_impl.py", 'kv[0].encode("utf-16be")', 'kv[0].encode("utf-16le")')]
# reedsolo: gf_poly_eval skips the second coefficient; gf_pow one power too high
RS_BUGS = [("reedsolo.py", "for i in xrange(1, len(poly)):", "for i in xrange(2, len(poly)):"),
           ("reedsolo.py", "return gf_exp[(gf_log[x] * power) % field_charac]",
            "return gf_exp[(gf_log[x] * (power + 1)) % field_charac]")]

GROWROOM = r"""
import rfc8785
import reedsolo


class FlushFailedError(RuntimeError):
    pass


class Flush:
    # a mushroom grower's flush book: the pickers in the growing room, the trays, the kilos picked
    def __init__(self, name, pickers, trays, kilos):
        self.name = name
        self.pickers = list(pickers)
        self.trays = trays
        self.kilos = kilos

    def trays_each(self):
        return self.trays * 4 / len(self.pickers)


BOOK = [Flush("oyster shelf", ["Hester", "Silas", "Prudence"], 12, 40.5),
        Flush("shiitake logs", ["Obed", "Dorcas"], 8, 22.25),
        Flush("chanterelle beds", ["Amos", "Tabitha", "Enoch"], "eleven", 31.0),
        Flush("morel casing", ["Mercy"], 6, 9.75)]


def picking(flush):
    try:
        record = {"flush": flush.name, "each": round(flush.trays_each(), 2), "kilos": flush.kilos}
        label = rfc8785.dumps(record)
        coded = reedsolo.RSCodec(10).encode(label)
        return {"label": label.decode(), "coded": len(coded)}
    except TypeError as exc:
        raise FlushFailedError(f"pickers cannot share the {flush.name!r} flush: {exc}") from exc


def flush_book():
    book = []
    try:
        for flush in BOOK:
            book.append(picking(flush))
    except FlushFailedError as exc:
        raise RuntimeError("growroom: the flush book could not be made up") from exc
    return book


if __name__ == "__main__":
    print(flush_book())
"""

GROWERS = [("Hester Morel", "morel@example.org"), ("Silas Chanterelle", "chanterelle@example.org"),
           ("Prudence Shiitake", "shiitake@example.org")]


def python(tmp: Path) -> None:
    from capture_wide730 import SRC
    put_bugs(tmp / JC, JC_BUGS)
    put_bugs(tmp / RS, RS_BUGS)
    (tmp / "growroom.py").write_text(GROWROOM)
    history(tmp, SRC, "rfc8785", JC, ["src/rfc8785/_impl.py", "test/test_impl.py"],
            GROWERS, 73010, 20, JC_BUGS)


ROOMS = ["Spawn Room", "Casing Shed", "Compost Yard", "Pasteuriser", "Growing Room One", "Growing Room Two",
         "Misting Bay", "Picking Bench", "Cold Store", "Packing Table", "Log Stack", "Farm Shop"]
GO_RENAMES = (("kegtally", "mushtally"), ("casebook", "cavebook"), ("ledger host", "flush book host"),
              ("litres left, days", "trays left, days"), ("nothing left to pour", "nothing left to pick"),
              ("pour order", "picking order"), ("pour grade", "cap grade"), ("Keg", "Tray"),
              ("keg", "tray"), ("Beer", "Crop"), ("beer", "crop"), ("Cellar", "Cave"),
              ("cellar", "cave"), ("Pints", "Kilos"), ("pints", "kilos"))


def go_module(tmp: Path) -> None:
    def rn(text: str) -> str:
        return g273.renamed(text, GO_RENAMES)
    base = {"go.mod": rn(g273.GO_MOD), "tally.go": rn(g273.TALLY_GO),
            "tally_test.go": g273.gen_test(73014, 60, ROOMS, GO_RENAMES)}
    write_tree(tmp / "mushtally", base)
    write_tree(tmp / "mushtally-vet", {"go.mod": base["go.mod"], "tally.go": base["tally.go"],
                                       "vet.go": rn(g273.VET_GO)})
    write_tree(tmp / "mushtally-build", {"go.mod": base["go.mod"], "tally.go": base["tally.go"],
                                         "restock.go": rn(g273.BUILD_GO)})
    write_tree(tmp / "cavebook-ops", {"scripts/deploy.sh": rn(g273.DEPLOY_SH),
                                      "scripts/backup.sh": rn(g273.BACKUP_SH),
                                      "scripts/rotate.sh": rn(g273.ROTATE_SH)})


def _casing(text: str) -> str:
    return (text.replace("WEIRKEEPER", "CASINGBENCH").replace("weirkeeper", "casingbench")
            .replace("weir", "casing").replace("sluice", "mister").replace("gate_t", "tray_t")
            .replace("gates", "trays").replace("level_cm", "humidity_pct").replace("tide", "flush"))


def c_project(tmp: Path) -> None:
    root = tmp / "casingbench"
    rnd = random.Random(73011)
    files = {"src/casingbench.h": _casing(n191.SKIFF_H), "src/casingbench.c": _casing(n191.SKIFF_C)}
    for k in range(34):
        files[f"src/casing_{k:02d}.c"] = _casing(n191.gen_c(k, rnd))
    objs = " ".join(f"build/{Path(p).stem}.o" for p in files if p.endswith(".c"))
    files["Makefile"] = ("CC=gcc\nCFLAGS=-Wall -Wextra -O1 -Isrc\nOBJS=" + objs + "\n\nall: casingbench\n\n"
                         "casingbench: $(OBJS)\n\t$(CC) -o $@ $(OBJS)\n\nbuild/%.o: src/%.c src/casingbench.h\n"
                         "\t@mkdir -p build\n\t$(CC) $(CFLAGS) -c $< -o $@\n\nclean:\n\trm -rf build casingbench\n")
    write_tree(root, files)


def _truffle(text: str) -> str:
    return (text.replace("plumbline", "trufflejig").replace("Plumb-line survey", "Mushroom grower's truffle bench")
            .replace("offset_per_m", "yield_per_tray").replace("station_penalty", "mould_penalty")
            .replace("readings", "pickings").replace("reading", "picking").replace("station", "tray"))


def rust(tmp: Path) -> None:
    root = tmp / "trufflejig"
    rnd = random.Random(73015)
    write_tree(root, {"Cargo.toml": _truffle(n191.CARGO).replace("0.3.4", "2.1.3"),
                      "src/lib.rs": _truffle(n191.LIB), "src/broken.rs": _truffle(n191.BROKEN),
                      "src/pickings.rs": _truffle(n191.gen_readings(rnd, 240))})


def data(tmp: Path) -> None:
    from capture_wide730 import VENV
    d = tmp / "data"
    d.mkdir()
    run(f"cd {VENV}/lib/python3.11/site-packages && find . -type f ! -name '*.pyc' "
        f"-printf '%h,%f,%s,%TY-%Tm-%Td\\n' | sort > {d}/sitepk.body && cd {d} && "
        "(echo directory,file,bytes,modified; cat sitepk.body) > sitepk.csv && rm sitepk.body", cwd=d)
    run("sqlite3 sitepk.db '.mode csv' '.import sitepk.csv sitepk'", cwd=d)
    app_log(d / "growroom.log", 73012, 2000, ["crop.main", "crop.mist", "crop.api", "crop.store"], {
        "INFO": lambda r: f"picker {r.randint(1, 9)} cut {r.randint(10, 400)} caps from tray {r.randint(1, 300)} of {r.choice(['oyster', 'shiitake'])} spawn",
        "DEBUG": lambda r: f"mister check {r.randint(1, 40)} took {r.randint(2, 70)} ms",
        "WARNING": lambda r: f"growing room shelf {r.randint(1, 12)} humidity down to {r.randint(38, 90)} percent, misting due",
        "ERROR": lambda r: f"casing tray {r.randint(1, 8)} showed green mould at bench {r.randint(1, 4)}, picking stopped"},
        7301, "2026-12-03")
    app_log(d / "spawnroom.log", 73016, 1900, ["spawn.hands", "spawn.room", "spawn.api", "spawn.db"], {
        "INFO": lambda r: f"hand {r.randint(1, 24)} in {r.choice(ROOMS)} spawned {r.randint(850, 1100)} bags",
        "DEBUG": lambda r: f"bag weigh {r.randint(1, 80)} took {r.randint(2, 50)} ms",
        "WARNING": lambda r: f"pasteuriser {r.randint(1, 6)} ran {r.randint(5, 40)} minutes short, compost check due in {r.randint(2, 30)} days",
        "ERROR": lambda r: f"spawn room {r.randint(1, 30)} rose to {r.randint(27, 34)} degrees during run {r.randint(1, 700)}, bags spoiled"},
        7305, "2026-12-04")


STEPS = [python, go_module, c_project, rust, data]
