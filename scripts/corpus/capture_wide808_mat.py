"""Round 808, the material the two Gemini CLI runs work in (no item is captured here): tinyec's and pure25519's
sdists with bugs put in (a seeded pytest file is written for each whose expected values come from the UNBROKEN copy
before its bugs go in; tinyec's own unittest files are kept) and a script that makes up a saddler's stitching book
wrongly, a git history built by committing pure25519's sources in steps, the panelsift Go module and the treeledger
deploy scripts (round 273's, capture_wide273_go, in this round's words and seed), a C project (`skirtpress`) and a
Rust crate (`girthjig`) on round 191's generators with other names and seeds, a CSV and a sqlite table of the files of
the round's own venv's site-packages and two application logs. Run through capture_wide808.py. The generators are
imported, never copied (round 801's material, capture_wide801_mat, is the shape); only the words and seeds are this
round's (base seed 80880)."""

from __future__ import annotations

import json
import random
from pathlib import Path

import capture_wide191_native as n191
import capture_wide273_go as g273
from capture_material import app_log, history, put_bugs
from capture_more import run, write_tree

QG = "tinyec-0.4.0"
PA = "pure25519-0.0.1"

# tinyec: secp192r1's b mistyped in the registry (its points not on the curve); a negative scalar's addend not negated
QG_BUGS = [("tinyec/registry.py", '"b": 0x64210519e59c80e70fa7e9ab72243049feb8deecc146b9b1,',
            '"b": 0x64210519e59c80e70fa7e9ab72243049feb8deecc146b9b7,'),
           ("tinyec/ec.py", "addend = Point(self.curve, self.x, -self.y % self.p)",
            "addend = Point(self.curve, self.x, self.y % self.p)")]
# pure25519: a point's sign bit taken from the wrong bit of x
PA_BUGS = [("pure25519/basic.py", "    if x & 1:\n        y += 1<<255", "    if x & 2:\n        y += 1<<255")]

WORDS = ["trees", "panels", "girths", "skirts", "saddlers", "flaps", "seats", "cantles", "pommels", "gullets",
         "billets", "buckles", "stirrups", "leathers", "awls", "threads", "welts", "bars"]
CURVES = ["brainpoolP160r1", "brainpoolP192r1", "brainpoolP256r1", "secp192r1", "secp224r1", "secp256r1"]

GEN_TEST = r"""
import hashlib, json, random, sys
sys.path.insert(0, sys.argv[1])
sys.path.insert(0, sys.argv[2])
import tinyec.ec as ec
import tinyec.registry as reg
from pure25519 import eddsa
words, curves = json.load(open(sys.argv[3])), json.load(open(sys.argv[4]))
rnd = random.Random(80887)
pts = []
for w in words:
    for name in curves:
        c = reg.get_curve(name)
        k = int(hashlib.sha256((w + name).encode()).hexdigest(), 16) % c.field.n
        if rnd.random() < 0.25:
            k = -k
        p = k * c.g
        pts.append((w, name, k, hex(p.x), hex(p.y)))
dh = []
for a, b in zip(words, words[1:]):
    name = rnd.choice(curves)
    c = reg.get_curve(name)
    ka = ec.Keypair(c, int(hashlib.sha256(a.encode()).hexdigest(), 16) % c.field.n)
    kb = ec.Keypair(c, int(hashlib.sha256(b.encode()).hexdigest(), 16) % c.field.n)
    s = ec.ECDH(ka).get_secret(kb)
    dh.append((a, b, name, hex(s.x)))
rnd2 = random.Random(80888)
sig = []
for w in words:
    seed = hashlib.sha256(("saddler " + w).encode()).digest()
    msg = ((w + " stitched to the tree, ") * 6)[:rnd2.choice([0, 11, 32, 64, 90])]
    vk = eddsa.create_verifying_key(seed)
    s = eddsa.sign(seed, msg.encode())
    sig.append((w, seed.hex(), msg, vk.hex(), s.hex()))
print(json.dumps({"pts": pts, "dh": dh, "sig": sig}))
"""

QG_TEST = '''"""A saddler's words as scalars on tinyec's registry curves (seeded, seed 80887): points and ECDH secrets."""
import pytest

import tinyec.ec as ec
import tinyec.registry as reg

POINTS = {pts}
DH = {dh}


@pytest.mark.parametrize("word,curve,k,x,y", POINTS, ids=[f"{{c[1]}}-{{c[0]}}{{'-neg' if c[2] < 0 else ''}}" for c in POINTS])
def test_tree_point(word, curve, k, x, y):
    c = reg.get_curve(curve)
    p = k * c.g
    assert (hex(p.x), hex(p.y)) == (x, y)
    assert c.on_curve(p.x, p.y), word


@pytest.mark.parametrize("a,b,curve,secret", DH, ids=[f"{{c[0]}}-{{c[1]}}-{{c[2]}}" for c in DH])
def test_girth_ecdh(a, b, curve, secret):
    import hashlib
    c = reg.get_curve(curve)
    ka = ec.Keypair(c, int(hashlib.sha256(a.encode()).hexdigest(), 16) % c.field.n)
    kb = ec.Keypair(c, int(hashlib.sha256(b.encode()).hexdigest(), 16) % c.field.n)
    assert hex(ec.ECDH(ka).get_secret(kb).x) == secret
    assert ec.ECDH(kb).get_secret(ka) == ec.ECDH(ka).get_secret(kb)
'''

PA_TEST = '''"""A saddler's signing seeds, verifying keys and signatures (seeded, seed 80888)."""
import pytest

from pure25519 import eddsa

SIG = {sig}


@pytest.mark.parametrize("word,seed,msg,vk,sig", SIG, ids=[f"{{c[0]}}-vk" for c in SIG])
def test_girth_verifying_key(word, seed, msg, vk, sig):
    assert eddsa.create_verifying_key(bytes.fromhex(seed)).hex() == vk


@pytest.mark.parametrize("word,seed,msg,vk,sig", SIG, ids=[f"{{c[0]}}-{{len(c[2])}}" for c in SIG])
def test_girth_signature(word, seed, msg, vk, sig):
    got = eddsa.sign(bytes.fromhex(seed), msg.encode())
    assert got.hex() == sig
    assert eddsa.verify(bytes.fromhex(vk), got, msg.encode())
'''

SADDLEBOOK = r"""
import hashlib

import tinyec.registry as reg
from pure25519 import eddsa


class StitchingFailedError(RuntimeError):
    pass


class Saddle:
    # a saddler's stitching book: the saddlers at the bench, the tree's size, the saddle's signing seed
    def __init__(self, name, saddlers, tree_inches, seed):
        self.name = name
        self.saddlers = list(saddlers)
        self.tree_inches = tree_inches
        self.seed = seed

    def seal(self):
        return eddsa.sign(self.seed, f"{self.name}:{self.tree_inches}".encode()).hex()[:16]


BOOK = [Saddle("Hunting Saddle", ["Hannah", "Josiah", "Rebecca"], 17, hashlib.sha256(b"hunting").digest()),
        Saddle("Side Saddle", ["Ezra", "Keturah"], 18, hashlib.sha256(b"side").digest()),
        Saddle("Cavalry Saddle 3", ["Amos", "Tabitha", "Obed"], 16, b"TREE-3/GIRTH-STRAP"),
        Saddle("Pony Pad", ["Mercy"], 13, hashlib.sha256(b"pony").digest())]


def stitch(entry):
    try:
        seal = entry.seal()
        curve = reg.get_curve("secp256k1")
        panel = int(seal, 16) * curve.g
        return {"saddle": entry.name, "seal": seal, "panel": hex(panel.x)[:14],
                "saddlers": sorted(entry.saddlers), "tree": entry.tree_inches}
    except ValueError as exc:
        raise StitchingFailedError(f"the seed of {entry.name!r} cannot seal a saddle: {exc}") from exc


def saddle_book():
    book = []
    try:
        for entry in BOOK:
            book.append(stitch(entry))
    except StitchingFailedError as exc:
        raise RuntimeError("saddlebook: the stitching book could not be made up") from exc
    return book


if __name__ == "__main__":
    print(saddle_book())
"""

SADDLERS = [("Hannah Skirtwell", "skirtwell@example.org"), ("Josiah Girthfield", "girthfield@example.org"),
            ("Rebecca Panelby", "panelby@example.org")]


def python(tmp: Path) -> None:
    from capture_wide808 import SRC, VENV
    (tmp / "gen_tests.py").write_text(GEN_TEST)
    (tmp / "words.json").write_text(json.dumps(WORDS))
    (tmp / "curves.json").write_text(json.dumps(CURVES))
    got = run(f"{VENV}/bin/python -I gen_tests.py {tmp / QG} {tmp / PA} words.json curves.json", cwd=tmp)
    for f in ("gen_tests.py", "words.json", "curves.json"):
        (tmp / f).unlink()
    data = json.loads(got.strip().splitlines()[-1])
    (tmp / QG / "tests").mkdir(exist_ok=True)
    (tmp / QG / "tests" / "test_tinyec_trees.py").write_text(
        QG_TEST.format(pts=repr([tuple(c) for c in data["pts"]]), dh=repr([tuple(c) for c in data["dh"]])))
    (tmp / PA / "tests").mkdir(exist_ok=True)
    (tmp / PA / "tests" / "test_pure25519_girths.py").write_text(
        PA_TEST.format(sig=repr([tuple(c) for c in data["sig"]])))
    put_bugs(tmp / QG, QG_BUGS)
    put_bugs(tmp / PA, PA_BUGS)
    (tmp / "saddlebook.py").write_text(SADDLEBOOK)
    history(tmp, SRC, "pure25519", PA, ["pure25519/basic.py", "pure25519/eddsa.py"], SADDLERS, 80880, 10, PA_BUGS)


FLOORS = ["Tree Room", "Panel Bench", "Girth Loft", "Skirt Table", "Stitching Horse", "Flap Press", "Cutting Room",
          "Harness Room", "Stirrup Rack", "Currying Shed", "Leather Store", "Shop Door"]
GO_RENAMES = (("kegtally", "panelsift"), ("casebook", "treeledger"), ("ledger host", "tree ledger host"),
              ("litres left, days", "hide left, days"), ("nothing left to pour", "nothing left to stitch"),
              ("pour order", "stitching order"), ("pour grade", "hide grade"), ("Keg", "Girth"),
              ("keg", "girth"), ("Beer", "Saddle"), ("beer", "saddle"), ("Cellar", "Shop"),
              ("cellar", "shop"), ("Pints", "Hides"), ("pints", "hides"))


def go_module(tmp: Path) -> None:
    def rn(text: str) -> str:
        return g273.renamed(text, GO_RENAMES)
    base = {"go.mod": rn(g273.GO_MOD), "tally.go": rn(g273.TALLY_GO),
            "tally_test.go": g273.gen_test(80884, 60, FLOORS, GO_RENAMES)}
    write_tree(tmp / "panelsift", base)
    write_tree(tmp / "panelsift-vet", {"go.mod": base["go.mod"], "tally.go": base["tally.go"],
                                     "vet.go": rn(g273.VET_GO)})
    write_tree(tmp / "panelsift-build", {"go.mod": base["go.mod"], "tally.go": base["tally.go"],
                                       "restock.go": rn(g273.BUILD_GO)})
    write_tree(tmp / "treeledger-ops", {"scripts/deploy.sh": rn(g273.DEPLOY_SH),
                                       "scripts/backup.sh": rn(g273.BACKUP_SH),
                                       "scripts/rotate.sh": rn(g273.ROTATE_SH)})


def _skirt(text: str) -> str:
    return (text.replace("WEIRKEEPER", "SKIRTPRESS").replace("weirkeeper", "skirtpress")
            .replace("weir", "skirt").replace("sluice", "panel").replace("gate_t", "girth_t")
            .replace("gates", "girths").replace("level_cm", "hide_mm").replace("tide", "stitch"))


def c_project(tmp: Path) -> None:
    root = tmp / "skirtpress"
    rnd = random.Random(80881)
    files = {"src/skirtpress.h": _skirt(n191.SKIFF_H), "src/skirtpress.c": _skirt(n191.SKIFF_C)}
    for k in range(34):
        files[f"src/skirt_{k:02d}.c"] = _skirt(n191.gen_c(k, rnd))
    objs = " ".join(f"build/{Path(p).stem}.o" for p in files if p.endswith(".c"))
    files["Makefile"] = ("CC=gcc\nCFLAGS=-Wall -Wextra -O1 -Isrc\nOBJS=" + objs + "\n\nall: skirtpress\n\n"
                         "skirtpress: $(OBJS)\n\t$(CC) -o $@ $(OBJS)\n\nbuild/%.o: src/%.c src/skirtpress.h\n"
                         "\t@mkdir -p build\n\t$(CC) $(CFLAGS) -c $< -o $@\n\nclean:\n\trm -rf build skirtpress\n")
    write_tree(root, files)


def _girth(text: str) -> str:
    return (text.replace("plumbline", "girthjig").replace("Plumb-line survey", "Saddler's girth stitching jig")
            .replace("offset_per_m", "stitches_per_inch").replace("station_penalty", "tree_penalty")
            .replace("readings", "girths").replace("reading", "girth").replace("station", "tree"))


def rust(tmp: Path) -> None:
    root = tmp / "girthjig"
    rnd = random.Random(80885)
    write_tree(root, {"Cargo.toml": _girth(n191.CARGO).replace("0.3.4", "8.0.8"),
                      "src/lib.rs": _girth(n191.LIB), "src/broken.rs": _girth(n191.BROKEN),
                      "src/girths.rs": _girth(n191.gen_readings(rnd, 240))})


def data(tmp: Path) -> None:
    from capture_wide808 import VENV
    d = tmp / "data"
    d.mkdir()
    run(f"cd {VENV}/lib/python3.11/site-packages && find . -type f ! -name '*.pyc' "
        f"-printf '%h,%f,%s,%TY-%Tm-%Td\\n' | sort > {d}/sitepk.body && cd {d} && "
        "(echo directory,file,bytes,modified; cat sitepk.body) > sitepk.csv && rm sitepk.body", cwd=d)
    run("sqlite3 sitepk.db '.mode csv' '.import sitepk.csv sitepk'", cwd=d)
    app_log(d / "saddlebook.log", 80882, 2000, ["shop.main", "shop.bench", "shop.api", "shop.store"], {
        "INFO": lambda r: f"saddler {r.randint(1, 9)} stitched girth {r.randint(1, 400)} with {r.randint(8, 14)} stitches an inch on tree {r.randint(1, 4)} for {r.choice(['hunting saddles', 'side saddles'])}",
        "DEBUG": lambda r: f"awl {r.randint(1, 40)} sharpened in {r.randint(2, 70)} ms",
        "WARNING": lambda r: f"tree {r.randint(1, 4)} gullet at {r.randint(100, 150)} mm, panel {r.randint(2, 9)} hours behind",
        "ERROR": lambda r: f"tree {r.randint(1, 4)} skirt {r.randint(1, 30)} split at stitch {r.randint(700, 1100)}, panel lost"},
        8081, "2026-12-03")
    app_log(d / "girthfloor.log", 80886, 1900, ["girth.hands", "girth.loft", "girth.api", "girth.db"], {
        "INFO": lambda r: f"hand {r.randint(1, 24)} at {r.choice(FLOORS)} cut {r.randint(50, 110)} feet of girth web",
        "DEBUG": lambda r: f"hide reading {r.randint(1, 80)} took {r.randint(2, 50)} ms",
        "WARNING": lambda r: f"hide cart {r.randint(1, 6)} came {r.randint(5, 40)} minutes late, girth buckles due in {r.randint(2, 30)} days",
        "ERROR": lambda r: f"stitching horse {r.randint(1, 4)} jammed on hide {r.randint(1, 700)} from tannery {r.randint(1, 6)}, girth scrapped"},
        8085, "2026-12-04")


STEPS = [python, go_module, c_project, rust, data]
