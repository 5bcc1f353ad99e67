"""Round 801, the material the two Gemini CLI runs work in (no item is captured here): qrcodegen's and pyaes's sdists
with bugs put in (neither ships tests pytest collects, so a seeded pytest file is written for each whose expected
values come from the UNBROKEN copy before its bugs go in) and a script that makes up a tile works' firing book wrongly,
a git history built by committing pyaes's sources in steps, the claysift Go module and the tileledger deploy scripts
(round 273's, capture_wide273_go, in this round's words and seed), a C project (`tilepress`) and a Rust crate
(`pugjig`) on round 191's generators with other names and seeds, a CSV and a sqlite table of the files of the round's
own venv's site-packages and two application logs. Run through capture_wide801.py. The generators are imported, never
copied (round 786's material, capture_wide786_mat, is the shape); only the words and seeds are this round's (base seed
80110)."""

from __future__ import annotations

import json
import random
from pathlib import Path

import capture_wide191_native as n191
import capture_wide273_go as g273
from capture_material import app_log, history, put_bugs
from capture_more import run, write_tree

QG = "qrcodegen-1.8.0"
PA = "pyaes-1.6.1"

# qrcodegen: version information drawn only from version 8 on; mask pattern 4's divisors swapped
QG_BUGS = [("qrcodegen.py", "if self._version < 7:", "if self._version < 8:"),
           ("qrcodegen.py", "(lambda x, y:  (x // 3 + y // 2) % 2        ),",
            "(lambda x, y:  (x // 2 + y // 3) % 2        ),")]
# pyaes: PKCS#7 padding of a whole block refused; the counter's carry taken one early
PA_BUGS = [("pyaes/util.py", "    if pad > 16:", "    if pad > 15:"),
           ("pyaes/aes.py", "if self._counter[i] < 256: break", "if self._counter[i] < 255: break")]

LABELS = ["KILN 1", "KILN 12", "PUG MILL 3", "PUG MILL 27", "PRESS 4", "PRESS 16", "QUARRY 2", "QUARRY 31",
          "TILER", "RIDGE TILE", "PANTILE 9", "QUARRY TILE", "ENCAUSTIC 8", "TILER TILEWRIGHT", "PUGMORE",
          "QUARROW", "FIRECLAY", "MARL", "GROG", "SAGGAR 14", "1", "12", "123", "1234", "801001", "8010012",
          "20261204", "314159265", "kiln 4 fired to cone 9", "pug mill 2: marl and grog",
          "tile press 7, 4 inch quarries", "tiler: Martha Quarrow", "saggars stacked 11 high",
          "ridge tiles, batch 77 of 120",
          "Tile works firing book, kiln 3: 4,800 red quarries, 1,200 black quarries, 640 ridge tiles; "
          "fired by Ada Tilewright and Silas Pugmore",
          "PUG MILL 1 TO PUG MILL 4 FED FROM QUARRY 2 MARL BED 3 AND QUARRY 5 FIRECLAY SEAM 2 WEEK 48 BATCHES 1 "
          "TO 36 CHECKED BY M QUARROW",
          "Encaustic tiles for the chapel floor: 96 of pattern A, 48 of pattern B, 24 borders, inlaid slip of "
          "white and buff clay, pressed at tile press 6, dried 9 days, fired in kiln 2 at 1,080 degrees, "
          "sorted by Martha Quarrow",
          "8010" * 40,
          "KILN LOG " * 30]

WORDS = ["quarries", "pugmills", "presses", "kilns", "tilers", "saggars", "fireclay", "marl", "grog", "pantiles",
         "ridges", "encaustic", "slip", "glaze", "clamps", "drying", "sheds", "setters"]

GEN_TEST = r"""
import hashlib, json, random, sys
sys.path.insert(0, sys.argv[1])
sys.path.insert(0, sys.argv[2])
import qrcodegen
import pyaes
labels, words = json.load(open(sys.argv[3])), json.load(open(sys.argv[4]))
E = qrcodegen.QrCode.Ecc
qr = []
for lab in labels:
    for name in ("LOW", "MEDIUM", "QUARTILE", "HIGH"):
        code = qrcodegen.QrCode.encode_text(lab, getattr(E, name))
        n = code.get_size()
        grid = "".join("1" if code.get_module(x, y) else "0" for y in range(n) for x in range(n))
        qr.append((lab, name, code.get_version(), code.get_mask(), hashlib.sha1(grid.encode()).hexdigest()))
rnd = random.Random(80118)
def key_of(w):
    return ((w + "-") * 8)[:rnd.choice([16, 24, 32])]
keys = [(w, key_of(w)) for w in words]
cbc = []
for w, k in keys:
    iv = bytes(rnd.randrange(256) for _ in range(16))
    pt = ((w + " fired ") * 20)[:rnd.choice([16, 21, 32, 45, 48, 64, 70])]
    enc = pyaes.Encrypter(pyaes.AESModeOfOperationCBC(k.encode(), iv=iv))
    ct = enc.feed(pt.encode()) + enc.feed()
    cbc.append((w, k, iv.hex(), pt, ct.hex()))
ctr = []
for w, k in keys:
    init = (rnd.getrandbits(100) << 8) | rnd.choice([0x10, 0x7f, 0xf9, 0xfc, 0xfd, 0xfe])
    pt = ((w + " in the kiln ") * 10)[:rnd.choice([40, 64, 80])]
    ct = pyaes.AESModeOfOperationCTR(k.encode(), counter=pyaes.Counter(initial_value=init)).encrypt(pt.encode())
    ctr.append((w, k, init, pt, ct.hex()))
ecb = []
for w, k in keys[:10]:
    block = ((w + "..") * 4)[:16]
    ecb.append((w, k, block, bytes(pyaes.AES(k.encode()).encrypt(list(block.encode()))).hex()))
print(json.dumps({"qr": qr, "cbc": cbc, "ctr": ctr, "ecb": ecb}))
"""

QG_TEST = '''"""A tile works' labels as QR codes (seeded list, seed 80117): version, mask and digest of the module grid."""
import hashlib

import pytest

import qrcodegen

CASES = {cases}


@pytest.mark.parametrize("label,level,version,mask,digest", CASES,
                         ids=[f"{{c[1]}}-{{c[0].replace(' ', '_')[:24]}}" for c in CASES])
def test_tile_label(label, level, version, mask, digest):
    code = qrcodegen.QrCode.encode_text(label, getattr(qrcodegen.QrCode.Ecc, level))
    assert (code.get_version(), code.get_mask()) == (version, mask)
    n = code.get_size()
    grid = "".join("1" if code.get_module(x, y) else "0" for y in range(n) for x in range(n))
    assert hashlib.sha1(grid.encode()).hexdigest() == digest, label
'''

PA_TEST = '''"""A tile works' kiln keys and their ciphertexts (seeded, seed 80118)."""
import pytest

import pyaes

CBC = {cbc}
CTR = {ctr}
ECB = {ecb}


@pytest.mark.parametrize("word,key,iv,plain,cipher", CBC, ids=[f"{{c[0]}}-{{len(c[3])}}" for c in CBC])
def test_kiln_cbc_round_trip(word, key, iv, plain, cipher):
    enc = pyaes.Encrypter(pyaes.AESModeOfOperationCBC(key.encode(), iv=bytes.fromhex(iv)))
    got = enc.feed(plain.encode()) + enc.feed()
    assert got.hex() == cipher
    dec = pyaes.Decrypter(pyaes.AESModeOfOperationCBC(key.encode(), iv=bytes.fromhex(iv)))
    assert (dec.feed(got) + dec.feed()).decode() == plain


@pytest.mark.parametrize("word,key,initial,plain,cipher", CTR, ids=[f"{{c[0]}}-{{c[2] & 255:02x}}" for c in CTR])
def test_kiln_ctr(word, key, initial, plain, cipher):
    mode = pyaes.AESModeOfOperationCTR(key.encode(), counter=pyaes.Counter(initial_value=initial))
    assert mode.encrypt(plain.encode()).hex() == cipher


@pytest.mark.parametrize("word,key,block,cipher", ECB, ids=[c[0] for c in ECB])
def test_kiln_ecb_block(word, key, block, cipher):
    assert bytes(pyaes.AES(key.encode()).encrypt(list(block.encode()))).hex() == cipher
'''

FIRINGBOOK = r"""
import pyaes
import qrcodegen


class FiringFailedError(RuntimeError):
    pass


class Firing:
    # a tile works' firing book: the tilers at the kiln, the saggars set, the kiln's key for its sealed label
    def __init__(self, kiln, tilers, saggars, kiln_key):
        self.kiln = kiln
        self.tilers = list(tilers)
        self.saggars = saggars
        self.kiln_key = kiln_key

    def seal(self):
        block = f"{self.kiln}:{self.saggars}".ljust(16)[:16].encode()
        return bytes(pyaes.AES(self.kiln_key.encode()).encrypt(list(block))).hex()[:12]


BOOK = [Firing("Kiln 1", ["Ada", "Silas", "Martha"], 14, "quarries-kiln-01"),
        Firing("Kiln 2", ["Enoch", "Keziah"], 9, "pugmills-kiln-02-fireclay"),
        Firing("Bottle Kiln 3", ["Amos", "Tabitha", "Obed"], 12, "KILN-3/MARL"),
        Firing("Muffle Kiln", ["Mercy"], 5, "encaustic-slip-glaze-kiln-muffle")]


def fire(entry):
    try:
        seal = entry.seal()
        label = qrcodegen.QrCode.encode_text(f"{entry.kiln} {seal}", qrcodegen.QrCode.Ecc.MEDIUM)
        return {"kiln": entry.kiln, "seal": seal, "label version": label.get_version(),
                "tilers": sorted(entry.tilers), "tiles": entry.saggars * 40}
    except ValueError as exc:
        raise FiringFailedError(f"the key of {entry.kiln!r} cannot seal a firing: {exc}") from exc


def firing_book():
    book = []
    try:
        for entry in BOOK:
            book.append(fire(entry))
    except FiringFailedError as exc:
        raise RuntimeError("firingbook: the firing book could not be made up") from exc
    return book


if __name__ == "__main__":
    print(firing_book())
"""

TILERS = [("Ada Tilewright", "tilewright@example.org"), ("Silas Pugmore", "pugmore@example.org"),
          ("Martha Quarrow", "quarrow@example.org")]


def python(tmp: Path) -> None:
    from capture_wide801 import SRC, VENV
    (tmp / "gen_tests.py").write_text(GEN_TEST)
    (tmp / "labels.json").write_text(json.dumps(LABELS))
    (tmp / "words.json").write_text(json.dumps(WORDS))
    got = run(f"{VENV}/bin/python -I gen_tests.py {tmp / QG} {tmp / PA} labels.json words.json", cwd=tmp)
    for f in ("gen_tests.py", "labels.json", "words.json"):
        (tmp / f).unlink()
    data = json.loads(got.strip().splitlines()[-1])
    (tmp / QG / "tests").mkdir(exist_ok=True)
    (tmp / QG / "tests" / "test_qrcodegen_tiles.py").write_text(
        QG_TEST.format(cases=repr([tuple(c) for c in data["qr"]])))
    (tmp / PA / "tests").mkdir(exist_ok=True)
    (tmp / PA / "tests" / "test_pyaes_kilns.py").write_text(
        PA_TEST.format(cbc=repr([tuple(c) for c in data["cbc"]]), ctr=repr([tuple(c) for c in data["ctr"]]),
                       ecb=repr([tuple(c) for c in data["ecb"]])))
    put_bugs(tmp / QG, QG_BUGS)
    put_bugs(tmp / PA, PA_BUGS)
    (tmp / "firingbook.py").write_text(FIRINGBOOK)
    history(tmp, SRC, "pyaes", PA, ["pyaes/util.py", "pyaes/blockfeeder.py"], TILERS, 80110, 10, PA_BUGS)


FLOORS = ["Kiln 1", "Kiln 2", "Bottle Kiln 3", "Muffle Kiln", "Pug Mill", "Tile Press", "Quarry Face",
          "Drying Shed", "Saggar House", "Glaze Room", "Marl Bank", "Works Gate"]
GO_RENAMES = (("kegtally", "claysift"), ("casebook", "tileledger"), ("ledger host", "tile ledger host"),
              ("litres left, days", "clay left, days"), ("nothing left to pour", "nothing left to fire"),
              ("pour order", "firing order"), ("pour grade", "clay grade"), ("Keg", "Kiln"),
              ("keg", "kiln"), ("Beer", "Tile"), ("beer", "tile"), ("Cellar", "Works"),
              ("cellar", "works"), ("Pints", "Tonnes"), ("pints", "tonnes"))


def go_module(tmp: Path) -> None:
    def rn(text: str) -> str:
        return g273.renamed(text, GO_RENAMES)
    base = {"go.mod": rn(g273.GO_MOD), "tally.go": rn(g273.TALLY_GO),
            "tally_test.go": g273.gen_test(80114, 60, FLOORS, GO_RENAMES)}
    write_tree(tmp / "claysift", base)
    write_tree(tmp / "claysift-vet", {"go.mod": base["go.mod"], "tally.go": base["tally.go"],
                                     "vet.go": rn(g273.VET_GO)})
    write_tree(tmp / "claysift-build", {"go.mod": base["go.mod"], "tally.go": base["tally.go"],
                                       "restock.go": rn(g273.BUILD_GO)})
    write_tree(tmp / "tileledger-ops", {"scripts/deploy.sh": rn(g273.DEPLOY_SH),
                                       "scripts/backup.sh": rn(g273.BACKUP_SH),
                                       "scripts/rotate.sh": rn(g273.ROTATE_SH)})


def _tile(text: str) -> str:
    return (text.replace("WEIRKEEPER", "TILEPRESS").replace("weirkeeper", "tilepress")
            .replace("weir", "press").replace("sluice", "kiln").replace("gate_t", "saggar_t")
            .replace("gates", "saggars").replace("level_cm", "clay_kg").replace("tide", "firing"))


def c_project(tmp: Path) -> None:
    root = tmp / "tilepress"
    rnd = random.Random(80111)
    files = {"src/tilepress.h": _tile(n191.SKIFF_H), "src/tilepress.c": _tile(n191.SKIFF_C)}
    for k in range(34):
        files[f"src/press_{k:02d}.c"] = _tile(n191.gen_c(k, rnd))
    objs = " ".join(f"build/{Path(p).stem}.o" for p in files if p.endswith(".c"))
    files["Makefile"] = ("CC=gcc\nCFLAGS=-Wall -Wextra -O1 -Isrc\nOBJS=" + objs + "\n\nall: tilepress\n\n"
                         "tilepress: $(OBJS)\n\t$(CC) -o $@ $(OBJS)\n\nbuild/%.o: src/%.c src/tilepress.h\n"
                         "\t@mkdir -p build\n\t$(CC) $(CFLAGS) -c $< -o $@\n\nclean:\n\trm -rf build tilepress\n")
    write_tree(root, files)


def _pug(text: str) -> str:
    return (text.replace("plumbline", "pugjig").replace("Plumb-line survey", "Tile works pug mill jig")
            .replace("offset_per_m", "tiles_per_batch").replace("station_penalty", "kiln_penalty")
            .replace("readings", "batches").replace("reading", "batch").replace("station", "kiln"))


def rust(tmp: Path) -> None:
    root = tmp / "pugjig"
    rnd = random.Random(80115)
    write_tree(root, {"Cargo.toml": _pug(n191.CARGO).replace("0.3.4", "3.0.8"),
                      "src/lib.rs": _pug(n191.LIB), "src/broken.rs": _pug(n191.BROKEN),
                      "src/batches.rs": _pug(n191.gen_readings(rnd, 240))})


def data(tmp: Path) -> None:
    from capture_wide801 import VENV
    d = tmp / "data"
    d.mkdir()
    run(f"cd {VENV}/lib/python3.11/site-packages && find . -type f ! -name '*.pyc' "
        f"-printf '%h,%f,%s,%TY-%Tm-%Td\\n' | sort > {d}/sitepk.body && cd {d} && "
        "(echo directory,file,bytes,modified; cat sitepk.body) > sitepk.csv && rm sitepk.body", cwd=d)
    run("sqlite3 sitepk.db '.mode csv' '.import sitepk.csv sitepk'", cwd=d)
    app_log(d / "firingbook.log", 80112, 2000, ["works.main", "works.kiln", "works.api", "works.store"], {
        "INFO": lambda r: f"tiler {r.randint(1, 9)} set saggar {r.randint(1, 400)} of {r.randint(8, 14)} tiles in kiln {r.randint(1, 4)} for {r.choice(['red quarries', 'black quarries'])}",
        "DEBUG": lambda r: f"pyrometer {r.randint(1, 40)} read in {r.randint(2, 70)} ms",
        "WARNING": lambda r: f"kiln {r.randint(1, 4)} crown at {r.randint(1000, 1150)} degrees, firing {r.randint(2, 9)} hours behind",
        "ERROR": lambda r: f"kiln {r.randint(1, 4)} saggar {r.randint(1, 30)} cracked at {r.randint(700, 1100)} degrees, setting lost"},
        8011, "2026-12-03")
    app_log(d / "pugfloor.log", 80116, 1900, ["pug.hands", "pug.mill", "pug.api", "pug.db"], {
        "INFO": lambda r: f"hand {r.randint(1, 24)} at {r.choice(FLOORS)} pugged {r.randint(50, 110)} hundredweight of marl",
        "DEBUG": lambda r: f"moisture reading {r.randint(1, 80)} took {r.randint(2, 50)} ms",
        "WARNING": lambda r: f"clay cart {r.randint(1, 6)} came {r.randint(5, 40)} minutes late, pug mill knives due in {r.randint(2, 30)} days",
        "ERROR": lambda r: f"pug mill {r.randint(1, 4)} jammed on stone {r.randint(1, 700)} from quarry {r.randint(1, 6)}, batch scrapped"},
        8015, "2026-12-04")


STEPS = [python, go_module, c_project, rust, data]
