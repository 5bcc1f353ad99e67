"""Round 662, the material the two Gemini CLI runs work in (no item is captured here): pytweening's and bigtree's
sdists with bugs put in (their own tests run as shipped) and a script that draws a sieve maker's riddling book
wrongly, a git history built by committing bigtree's sources in steps, the sievetally Go module and the riddleframe
deploy scripts (round 273's, capture_wide273_go, in this round's words and seed), a C project (`hoopbench`) and a
Rust crate (`meshjig`) on round 191's generators with other names and seeds, a CSV and a sqlite table of the files of
the round's own venv's site-packages and two application logs. Run through capture_wide662.py. The generators are
imported, never copied (round 652's material, capture_wide652_mat, is the shape); only the words and seeds are this
round's (base seed 66210)."""

from __future__ import annotations

import random
from pathlib import Path

import capture_wide191_native as n191
import capture_wide273_go as g273
from capture_material import app_log, history, put_bugs
from capture_more import run, write_tree

PT = "pytweening-1.2.0"
BT = "bigtree-1.5.3"

# pytweening: easeOutQuad overshoots; easeInOutQuad's second half subtracts 1.2 instead of 1
PT_BUGS = [("pytweening/__init__.py", "return -n * (n - 2)\n", "return -n * (n - 2.5)\n"),
           ("pytweening/__init__.py", "return -0.5 * (n * (n - 2) - 1)\n", "return -0.5 * (n * (n - 2) - 1.2)\n")]
# bigtree: is_leaf is true for a node with one child; inorder_iter stops one level above max_depth
BT_BUGS = [("bigtree/node/basenode.py", "return not len(list(self.children))", "return len(list(self.children)) < 2"),
           ("bigtree/utils/iterators.py", "if tree and (not max_depth or not tree.depth > max_depth):",
            "if tree and (not max_depth or not tree.depth >= max_depth):")]

SIEVEYARD = r"""
import pytweening
from bigtree import Node


class SieveMeshError(RuntimeError):
    pass


class Riddle:
    # a sieve maker's shop: the weavers at a bench, the hoops bent, the riddles meshed a day
    def __init__(self, name, weavers, hoops, days):
        self.name = name
        self.weavers = list(weavers)
        self.hoops = hoops
        self.days = days

    def meshes_each(self):
        return self.hoops * self.days / len(self.weavers)


SHOP = [Riddle("wire loom by the door", ["Keziah", "Amos", "Tabitha"], 120, 2),
        Riddle("hoop steaming box", ["Jethro", "Zillah"], 90, 3),
        Riddle("rim bending horse", ["Eli", "Dorcas", "Seth"], 150, "four"),
        Riddle("corn riddle rack", ["Naomi"], 60, 2)]


def mesh(riddle, root):
    try:
        node = Node(riddle.name, parent=root)
        return {"riddle": node.node_name, "weavers": len(riddle.weavers),
                "meshes_each": round(riddle.meshes_each(), 2), "ease": pytweening.easeOutQuad(0.5)}
    except TypeError as exc:
        raise SieveMeshError(f"weavers cannot mesh the hoops at {riddle.name!r}: {exc}") from exc


def riddling_book():
    root = Node("sieve shop")
    book = []
    try:
        for riddle in SHOP:
            book.append(mesh(riddle, root))
    except SieveMeshError as exc:
        raise RuntimeError("sieveyard: the week's riddling book could not be made up") from exc
    return book


if __name__ == "__main__":
    print(riddling_book())
"""

SIEVERS = [("Keziah Hoopbender", "hoopbender@example.org"), ("Amos Meshweaver", "meshweaver@example.org"),
           ("Tabitha Riddlewright", "riddlewright@example.org")]


def python(tmp: Path) -> None:
    from capture_wide662 import SRC
    put_bugs(tmp / PT, PT_BUGS)
    put_bugs(tmp / BT, BT_BUGS)
    (tmp / "sieveyard.py").write_text(SIEVEYARD)
    history(tmp, SRC, "bigtree", BT, ["bigtree/node/basenode.py", "bigtree/utils/iterators.py"], SIEVERS, 66210,
            60, BT_BUGS)


BENCHES = ["Wire Loom", "Steam Box", "Rim Horse", "Corn Riddle", "Hoop Store", "Mesh Rack", "Lath Pile",
           "Sieve Shop", "Drying Loft", "Yard Gate", "Tack Bench", "Brass Bin"]
GO_RENAMES = (("kegtally", "sievetally"), ("casebook", "riddleframe"), ("ledger host", "riddling book host"),
              ("litres left, days", "hoops left, days"), ("nothing left to pour", "nothing left to mesh"),
              ("pour order", "meshing order"), ("pour grade", "mesh grade"), ("Keg", "Hoop"),
              ("keg", "hoop"), ("Beer", "Brass"), ("beer", "brass"), ("Cellar", "Bench"),
              ("cellar", "bench"), ("Pints", "Meshes"), ("pints", "meshes"))


def go_module(tmp: Path) -> None:
    def rn(text: str) -> str:
        return g273.renamed(text, GO_RENAMES)
    base = {"go.mod": rn(g273.GO_MOD), "tally.go": rn(g273.TALLY_GO),
            "tally_test.go": g273.gen_test(66214, 60, BENCHES, GO_RENAMES)}
    write_tree(tmp / "sievetally", base)
    write_tree(tmp / "sievetally-vet", {"go.mod": base["go.mod"], "tally.go": base["tally.go"],
                                        "vet.go": rn(g273.VET_GO)})
    write_tree(tmp / "sievetally-build", {"go.mod": base["go.mod"], "tally.go": base["tally.go"],
                                          "restock.go": rn(g273.BUILD_GO)})
    write_tree(tmp / "riddleframe-ops", {"scripts/deploy.sh": rn(g273.DEPLOY_SH),
                                         "scripts/backup.sh": rn(g273.BACKUP_SH),
                                         "scripts/rotate.sh": rn(g273.ROTATE_SH)})


def _hoop(text: str) -> str:
    return (text.replace("WEIRKEEPER", "HOOPBENCH").replace("weirkeeper", "hoopbench")
            .replace("weir", "rim").replace("sluice", "mesh_cut").replace("gate_t", "hoop_t")
            .replace("gates", "hoops").replace("level_cm", "gauge_mm").replace("tide", "riddle"))


def c_project(tmp: Path) -> None:
    root = tmp / "hoopbench"
    rnd = random.Random(66211)
    files = {"src/hoopbench.h": _hoop(n191.SKIFF_H), "src/hoopbench.c": _hoop(n191.SKIFF_C)}
    for k in range(30):
        files[f"src/rim_{k:02d}.c"] = _hoop(n191.gen_c(k, rnd))
    objs = " ".join(f"build/{Path(p).stem}.o" for p in files if p.endswith(".c"))
    files["Makefile"] = ("CC=gcc\nCFLAGS=-Wall -Wextra -O1 -Isrc\nOBJS=" + objs + "\n\nall: hoopbench\n\n"
                         "hoopbench: $(OBJS)\n\t$(CC) -o $@ $(OBJS)\n\nbuild/%.o: src/%.c src/hoopbench.h\n"
                         "\t@mkdir -p build\n\t$(CC) $(CFLAGS) -c $< -o $@\n\nclean:\n\trm -rf build hoopbench\n")
    write_tree(root, files)


def _meshjig(text: str) -> str:
    return (text.replace("plumbline", "meshjig").replace("Plumb-line survey", "Sieve maker's meshing runs")
            .replace("offset_per_m", "wires_per_inch").replace("station_penalty", "hoop_penalty")
            .replace("readings", "meshes").replace("reading", "mesh").replace("station", "hoop"))


def rust(tmp: Path) -> None:
    root = tmp / "meshjig"
    rnd = random.Random(66215)
    write_tree(root, {"Cargo.toml": _meshjig(n191.CARGO).replace("0.3.4", "2.6.1"),
                      "src/lib.rs": _meshjig(n191.LIB), "src/broken.rs": _meshjig(n191.BROKEN),
                      "src/meshes.rs": _meshjig(n191.gen_readings(rnd, 220))})


def data(tmp: Path) -> None:
    from capture_wide662 import VENV
    d = tmp / "data"
    d.mkdir()
    run(f"cd {VENV}/lib/python3.11/site-packages && find . -type f ! -name '*.pyc' "
        f"-printf '%h,%f,%s,%TY-%Tm-%Td\\n' | sort > {d}/sitepk.body && cd {d} && "
        "(echo directory,file,bytes,modified; cat sitepk.body) > sitepk.csv && rm sitepk.body", cwd=d)
    run("sqlite3 sitepk.db '.mode csv' '.import sitepk.csv sitepk'", cwd=d)
    app_log(d / "sieveyard.log", 66212, 2000, ["sieve.main", "sieve.loom", "sieve.api", "sieve.store"], {
        "INFO": lambda r: f"weaver {r.randint(1, 9)} meshed {r.randint(10, 400)} riddles at loom {r.randint(1, 300)} in {r.choice(['brass', 'iron'])} wire",
        "DEBUG": lambda r: f"hoop gauge check {r.randint(1, 40)} took {r.randint(2, 70)} ms",
        "WARNING": lambda r: f"steam box {r.randint(1, 12)} pressure down to {r.randint(38, 90)} percent, refill due",
        "ERROR": lambda r: f"wire spool {r.randint(1, 8)} snapped at loom {r.randint(1, 4)}, weaving stopped"},
        6621, "2026-12-01")
    app_log(d / "sieverim.log", 66216, 1900, ["shop.weavers", "shop.rims", "shop.api", "shop.db"], {
        "INFO": lambda r: f"weaver {r.randint(1, 24)} at {r.choice(BENCHES)} bent {r.randint(850, 1100)} rims",
        "DEBUG": lambda r: f"lath cart weigh {r.randint(1, 80)} took {r.randint(2, 50)} ms",
        "WARNING": lambda r: f"rim knife {r.randint(1, 6)} edge dulled {r.randint(5, 40)} percent, honing due in {r.randint(2, 30)} days",
        "ERROR": lambda r: f"drying loft {r.randint(1, 30)} rose to {r.randint(31, 48)} percent moisture during batch {r.randint(1, 700)}, rims held"},
        6631, "2026-12-02")


STEPS = [python, go_module, c_project, rust, data]
