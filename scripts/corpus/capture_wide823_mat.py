"""Round 823, the material the two Gemini CLI runs work in (no item is captured here): geomag's and pure-salsa20's
sdists with bugs put in (a seeded pytest file is written for each whose expected values come from the UNBROKEN copy
before its bugs go in; geomag's own unittest class inside geomag/geomag.py is kept) and a script that makes up a horn
worker's lantern book wrongly, a git history built by committing pure-salsa20's source in steps, the combsift Go
module and the lanternledger deploy scripts (round 273's, capture_wide273_go, in this round's words and seed), a C
project (`beakerpress`) and a Rust crate (`platejig`) on round 191's generators with other names and seeds, a CSV and
a sqlite table of the files of the round's own venv's site-packages and two application logs. Run through
capture_wide823.py. The generators are imported, never copied (round 808's material, capture_wide808_mat, is the
shape); only the words and seeds are this round's (base seed 82320)."""

from __future__ import annotations

import json
import random
from pathlib import Path

import capture_wide191_native as n191
import capture_wide273_go as g273
from capture_material import app_log, history, put_bugs
from capture_more import run, write_tree

QG = "geomag-0.9.2015"
PA = "pure_salsa20-0.1.0"

# geomag: feet made into kilometres ten times too large; the magnetic heading's declination added, not taken off
QG_BUGS = [("geomag/geomag.py", "alt = h/3280.8399", "alt = h/328.08399"),
           ("geomag/__init__.py", "return (hdg - dec + 360.0) % 360", "return (hdg + dec + 360.0) % 360")]
# pure_salsa20: each key-stream block cut one byte short; HSalsa20's last two output words swapped
PA_BUGS = [("pure_salsa20.py", "take = min(length, len(block))", "take = min(length, len(block) - 1)"),
           ("pure_salsa20.py", "[0, 5, 10, 15, 6, 7, 8, 9]]", "[0, 5, 10, 15, 6, 7, 9, 8]]")]

WORDS = ["plates", "combs", "lanterns", "beakers", "horners", "spoons", "buttons", "shoehorns", "leaves", "presses",
         "tongs", "rasps", "scrapers", "cores", "tips", "cups", "powder", "flasks"]
# a horn worker's places: (name, latitude, longitude)
PLACES = [("Kendal Hornworks", 54.33, -2.75), ("Bewdley Comb Shop", 52.38, -2.32), ("Sheffield Plate Yard", 53.38, -1.47),
          ("Cairo Horn Market", 30.04, 31.24), ("Lagos Lantern Row", 6.45, 3.39), ("Cape Beaker Store", -33.92, 18.42),
          ("Hobart Horners", -42.88, 147.33), ("Reykjavik Spoons", 64.15, -21.94), ("Quito Buttons", -0.18, -78.47),
          ("Nuuk Powder Flasks", 64.18, -51.72), ("Ushuaia Horn Cups", -54.80, -68.30), ("Tromso Shoehorns", 69.65, 18.96),
          ("Anchorage Tips", 61.22, -149.90), ("Singapore Leaves", 1.35, 103.82), ("McMurdo Rasps", -77.85, 166.67),
          ("Alert Scrapers", 82.50, -62.35)]
DATES = ["2015-01-01", "2016-06-30", "2017-07-02", "2018-12-31", "2019-10-15"]
ALTS = [0, 0, 1500, 32808.4, 328083.99]

GEN_TEST = r"""
import datetime, hashlib, json, random, sys
sys.path.insert(0, sys.argv[1])
sys.path.insert(0, sys.argv[2])
import geomag
from geomag import geomag as gg
import pure_salsa20 as ps
words, places = json.load(open(sys.argv[3])), json.load(open(sys.argv[4]))
dates, alts = json.load(open(sys.argv[5])), json.load(open(sys.argv[6]))
rnd = random.Random(82327)
gm = gg.GeoMag()
mag = []
for name, lat, lon in places:
    for _ in range(3):
        d, h = rnd.choice(dates), rnd.choice(alts)
        r = gm.GeoMag(lat, lon, h, datetime.date.fromisoformat(d))
        mag.append((name, lat, lon, h, d, r.dec, r.dip, r.ti))
head = []
for name, lat, lon in places:
    hdg = rnd.choice([0, 45, 90, 181, 270, 359])
    d = rnd.choice(dates)
    head.append((name, lat, lon, hdg, d, geomag.mag_heading(hdg, lat, lon, 0, datetime.date.fromisoformat(d))))
rnd2 = random.Random(82328)
sal = []
for w in words:
    key = hashlib.sha256(("horner " + w).encode()).digest()
    nonce = hashlib.sha256(("lantern " + w).encode()).digest()[:8]
    msg = ((w + " pressed in the horn press, ") * 10)[:rnd2.choice([0, 5, 17, 32, 63, 64, 65, 100, 128, 200])]
    sal.append((w, key.hex(), nonce.hex(), msg, ps.salsa20_xor(key, nonce, msg.encode()).hex()))
xsal = []
for w in words:
    key = hashlib.sha256(("beaker " + w).encode()).digest()
    nonce = hashlib.sha256(("comb " + w).encode()).digest()[:24]
    msg = ((w + " scraped thin for a lantern leaf, ") * 8)[:rnd2.choice([1, 20, 40, 63, 90, 150])]
    xsal.append((w, key.hex(), nonce.hex(), msg, ps.xsalsa20_xor(key, nonce, msg.encode()).hex()))
hs = []
for w in words[:10]:
    key = hashlib.sha256(("plate " + w).encode()).digest()
    inp = hashlib.sha256(("core " + w).encode()).digest()[:16]
    hs.append((w, key.hex(), inp.hex(), ps.hsalsa20(key, inp).hex()))
print(json.dumps({"mag": mag, "head": head, "sal": sal, "xsal": xsal, "hs": hs}))
"""

QG_TEST = '''"""A horn worker's places under the World Magnetic Model (seeded, seed 82327): declination, dip, intensity, headings."""
import datetime

import pytest

import geomag
from geomag import geomag as gg

MAG = {mag}
HEAD = {head}
GM = gg.GeoMag()


@pytest.mark.parametrize("place,lat,lon,h,day,dec,dip,ti", MAG,
                         ids=[f"{{c[0].replace(' ', '_')}}-{{c[4]}}-h{{int(c[3])}}" for c in MAG])
def test_plate_field(place, lat, lon, h, day, dec, dip, ti):
    r = GM.GeoMag(lat, lon, h, datetime.date.fromisoformat(day))
    assert r.dec == pytest.approx(dec, abs=1e-6)
    assert r.dip == pytest.approx(dip, abs=1e-6)
    assert r.ti == pytest.approx(ti, rel=1e-9)


@pytest.mark.parametrize("place,lat,lon,hdg,day,want", HEAD,
                         ids=[f"{{c[0].replace(' ', '_')}}-hdg{{c[3]}}" for c in HEAD])
def test_comb_heading(place, lat, lon, hdg, day, want):
    got = geomag.mag_heading(hdg, lat, lon, 0, datetime.date.fromisoformat(day))
    assert got == pytest.approx(want, abs=1e-6), place
'''

PA_TEST = '''"""A horn worker's keys, nonces and lantern messages through Salsa20 and XSalsa20 (seeded, seed 82328)."""
import pytest

import pure_salsa20 as ps

SAL = {sal}
XSAL = {xsal}
HS = {hs}


@pytest.mark.parametrize("word,key,nonce,msg,ct", SAL, ids=[f"{{c[0]}}-{{len(c[3])}}" for c in SAL])
def test_lantern_salsa20(word, key, nonce, msg, ct):
    got = ps.salsa20_xor(bytes.fromhex(key), bytes.fromhex(nonce), msg.encode())
    assert got.hex() == ct
    assert ps.salsa20_xor(bytes.fromhex(key), bytes.fromhex(nonce), got) == msg.encode()


@pytest.mark.parametrize("word,key,nonce,msg,ct", XSAL, ids=[f"{{c[0]}}-x{{len(c[3])}}" for c in XSAL])
def test_lantern_xsalsa20(word, key, nonce, msg, ct):
    assert ps.xsalsa20_xor(bytes.fromhex(key), bytes.fromhex(nonce), msg.encode()).hex() == ct


@pytest.mark.parametrize("word,key,inp,out", HS, ids=[f"{{c[0]}}-hs" for c in HS])
def test_beaker_hsalsa20(word, key, inp, out):
    assert ps.hsalsa20(bytes.fromhex(key), bytes.fromhex(inp)).hex() == out
'''

LANTERNBOOK = r"""
import datetime
import hashlib

import geomag
import pure_salsa20 as ps


class LanternFailedError(RuntimeError):
    pass


class Lantern:
    # a horn worker's lantern book: the horners at the bench, the leaves' thickness, the lantern's sealing key
    def __init__(self, name, horners, leaf_thou, key, town):
        self.name = name
        self.horners = list(horners)
        self.leaf_thou = leaf_thou
        self.key = key
        self.town = town

    def seal(self):
        nonce = hashlib.sha256(self.name.encode()).digest()[:8]
        return ps.salsa20_xor(self.key, nonce, f"{self.name}:{self.leaf_thou}".encode()).hex()[:16]


BOOK = [Lantern("Stable Lantern", ["Abel", "Judith", "Enoch"], 12, hashlib.sha256(b"stable").digest(), (54.33, -2.75)),
        Lantern("Ship's Lantern", ["Ruth", "Caleb"], 9, hashlib.sha256(b"ship").digest(), (50.90, -1.40)),
        Lantern("Horn Lantern 3", ["Silas", "Dinah", "Jethro"], 14, b"LEAF-3/PLATE-14", (52.38, -2.32)),
        Lantern("Watchman's Lantern", ["Hester"], 11, hashlib.sha256(b"watch").digest(), (53.38, -1.47))]


def press(entry):
    try:
        seal = entry.seal()
        lat, lon = entry.town
        dec = geomag.declination(lat, lon, 0, datetime.date(2016, 3, 1))
        return {"lantern": entry.name, "seal": seal, "declination": round(dec, 2),
                "horners": sorted(entry.horners), "leaf": entry.leaf_thou}
    except (AssertionError, ValueError) as exc:
        raise LanternFailedError(f"the key of {entry.name!r} cannot seal a lantern: {exc!r}") from exc


def lantern_book():
    book = []
    try:
        for entry in BOOK:
            book.append(press(entry))
    except LanternFailedError as exc:
        raise RuntimeError("lanternbook: the lantern book could not be made up") from exc
    return book


if __name__ == "__main__":
    print(lantern_book())
"""

HORNERS = [("Abel Platewell", "platewell@example.org"), ("Judith Combley", "combley@example.org"),
           ("Enoch Lanterby", "lanterby@example.org")]


def python(tmp: Path) -> None:
    from capture_wide823 import SRC, VENV
    (tmp / "gen_tests.py").write_text(GEN_TEST)
    for name, val in (("words", WORDS), ("places", PLACES), ("dates", DATES), ("alts", ALTS)):
        (tmp / f"{name}.json").write_text(json.dumps(val))
    got = run(f"{VENV}/bin/python -I gen_tests.py {tmp / QG} {tmp / PA} words.json places.json dates.json "
              "alts.json", cwd=tmp)
    for f in ("gen_tests.py", "words.json", "places.json", "dates.json", "alts.json"):
        (tmp / f).unlink()
    data = json.loads(got.strip().splitlines()[-1])
    (tmp / QG / "tests").mkdir(exist_ok=True)
    (tmp / QG / "tests" / "test_geomag_plates.py").write_text(
        QG_TEST.format(mag=repr([tuple(c) for c in data["mag"]]), head=repr([tuple(c) for c in data["head"]])))
    (tmp / PA / "tests").mkdir(exist_ok=True)
    (tmp / PA / "tests" / "test_salsa20_lanterns.py").write_text(
        PA_TEST.format(sal=repr([tuple(c) for c in data["sal"]]), xsal=repr([tuple(c) for c in data["xsal"]]),
                       hs=repr([tuple(c) for c in data["hs"]])))
    put_bugs(tmp / QG, QG_BUGS)
    put_bugs(tmp / PA, PA_BUGS)
    (tmp / "lanternbook.py").write_text(LANTERNBOOK)
    history(tmp, SRC, "pure_salsa20", PA, ["pure_salsa20.py"], HORNERS, 82320, 10, PA_BUGS)


FLOORS = ["Steeping Pit", "Plate Press", "Comb Bench", "Lantern Loft", "Beaker Lathe", "Scraping Horse", "Boiling Room",
          "Leaf Rack", "Button Shop", "Powder Store", "Horn Yard", "Shop Door"]
GO_RENAMES = (("kegtally", "combsift"), ("casebook", "lanternledger"), ("ledger host", "lantern ledger host"),
              ("litres left, days", "horn left, days"), ("nothing left to pour", "nothing left to press"),
              ("pour order", "pressing order"), ("pour grade", "horn grade"), ("Keg", "Comb"),
              ("keg", "comb"), ("Beer", "Lantern"), ("beer", "lantern"), ("Cellar", "Shop"),
              ("cellar", "shop"), ("Pints", "Plates"), ("pints", "plates"))


def go_module(tmp: Path) -> None:
    def rn(text: str) -> str:
        return g273.renamed(text, GO_RENAMES)
    base = {"go.mod": rn(g273.GO_MOD), "tally.go": rn(g273.TALLY_GO),
            "tally_test.go": g273.gen_test(82324, 60, FLOORS, GO_RENAMES)}
    write_tree(tmp / "combsift", base)
    write_tree(tmp / "combsift-vet", {"go.mod": base["go.mod"], "tally.go": base["tally.go"],
                                     "vet.go": rn(g273.VET_GO)})
    write_tree(tmp / "combsift-build", {"go.mod": base["go.mod"], "tally.go": base["tally.go"],
                                       "restock.go": rn(g273.BUILD_GO)})
    write_tree(tmp / "lanternledger-ops", {"scripts/deploy.sh": rn(g273.DEPLOY_SH),
                                       "scripts/backup.sh": rn(g273.BACKUP_SH),
                                       "scripts/rotate.sh": rn(g273.ROTATE_SH)})


def _beaker(text: str) -> str:
    return (text.replace("WEIRKEEPER", "BEAKERPRESS").replace("weirkeeper", "beakerpress")
            .replace("weir", "beaker").replace("sluice", "plate").replace("gate_t", "comb_t")
            .replace("gates", "combs").replace("level_cm", "horn_mm").replace("tide", "steep"))


def c_project(tmp: Path) -> None:
    root = tmp / "beakerpress"
    rnd = random.Random(82321)
    files = {"src/beakerpress.h": _beaker(n191.SKIFF_H), "src/beakerpress.c": _beaker(n191.SKIFF_C)}
    for k in range(34):
        files[f"src/beaker_{k:02d}.c"] = _beaker(n191.gen_c(k, rnd))
    objs = " ".join(f"build/{Path(p).stem}.o" for p in files if p.endswith(".c"))
    files["Makefile"] = ("CC=gcc\nCFLAGS=-Wall -Wextra -O1 -Isrc\nOBJS=" + objs + "\n\nall: beakerpress\n\n"
                         "beakerpress: $(OBJS)\n\t$(CC) -o $@ $(OBJS)\n\nbuild/%.o: src/%.c src/beakerpress.h\n"
                         "\t@mkdir -p build\n\t$(CC) $(CFLAGS) -c $< -o $@\n\nclean:\n\trm -rf build beakerpress\n")
    write_tree(root, files)


def _plate(text: str) -> str:
    return (text.replace("plumbline", "platejig").replace("Plumb-line survey", "Horner's plate pressing jig")
            .replace("offset_per_m", "thou_per_inch").replace("station_penalty", "press_penalty")
            .replace("readings", "plates").replace("reading", "plate").replace("station", "press"))


def rust(tmp: Path) -> None:
    root = tmp / "platejig"
    rnd = random.Random(82325)
    write_tree(root, {"Cargo.toml": _plate(n191.CARGO).replace("0.3.4", "8.2.3"),
                      "src/lib.rs": _plate(n191.LIB), "src/broken.rs": _plate(n191.BROKEN),
                      "src/plates.rs": _plate(n191.gen_readings(rnd, 240))})


def data(tmp: Path) -> None:
    from capture_wide823 import VENV
    d = tmp / "data"
    d.mkdir()
    run(f"cd {VENV}/lib/python3.11/site-packages && find . -type f ! -name '*.pyc' "
        f"-printf '%h,%f,%s,%TY-%Tm-%Td\\n' | sort > {d}/sitepk.body && cd {d} && "
        "(echo directory,file,bytes,modified; cat sitepk.body) > sitepk.csv && rm sitepk.body", cwd=d)
    run("sqlite3 sitepk.db '.mode csv' '.import sitepk.csv sitepk'", cwd=d)
    app_log(d / "lanternbook.log", 82322, 2000, ["shop.main", "shop.bench", "shop.api", "shop.store"], {
        "INFO": lambda r: f"horner {r.randint(1, 9)} pressed plate {r.randint(1, 400)} to {r.randint(8, 20)} thou on press {r.randint(1, 4)} for {r.choice(['stable lanterns', 'ship lanterns'])}",
        "DEBUG": lambda r: f"rasp {r.randint(1, 40)} dressed in {r.randint(2, 70)} ms",
        "WARNING": lambda r: f"press {r.randint(1, 4)} plates at {r.randint(100, 150)} C, leaf {r.randint(2, 9)} hours behind",
        "ERROR": lambda r: f"press {r.randint(1, 4)} leaf {r.randint(1, 30)} cracked at plate {r.randint(700, 1100)}, lantern lost"},
        8231, "2026-12-03")
    app_log(d / "combfloor.log", 82326, 1900, ["comb.hands", "comb.loft", "comb.api", "comb.db"], {
        "INFO": lambda r: f"hand {r.randint(1, 24)} at {r.choice(FLOORS)} cut {r.randint(50, 110)} comb teeth",
        "DEBUG": lambda r: f"horn reading {r.randint(1, 80)} took {r.randint(2, 50)} ms",
        "WARNING": lambda r: f"horn cart {r.randint(1, 6)} came {r.randint(5, 40)} minutes late, beaker bases due in {r.randint(2, 30)} days",
        "ERROR": lambda r: f"comb saw {r.randint(1, 4)} jammed on horn {r.randint(1, 700)} from tannery {r.randint(1, 6)}, comb scrapped"},
        8235, "2026-12-04")


STEPS = [python, go_module, c_project, rust, data]
