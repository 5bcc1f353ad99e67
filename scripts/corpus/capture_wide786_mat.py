"""Round 786, the material the two Gemini CLI runs work in (no item is captured here): PyQRCode's and onetimepass's
sdists with bugs put in (neither ships tests, so a seeded pytest file is written for each whose expected values come
from the UNBROKEN copy before its bugs go in) and a script that makes up a cider mill's press book wrongly, a git
history built by committing onetimepass's sources in steps, the pomacesift Go module and the vatledger deploy scripts
(round 273's, capture_wide273_go, in this round's words and seed), a C project (`pressbench`) and a Rust crate
(`cheesejig`) on round 191's generators with other names and seeds, a CSV and a sqlite table of the files of the
round's own venv's site-packages and two application logs. Run through capture_wide786.py. The generators are
imported, never copied (round 755's material, capture_wide755_mat, is the shape); only the words and seeds are this
round's (base seed 78610)."""

from __future__ import annotations

import json
import random
from pathlib import Path

import capture_wide191_native as n191
import capture_wide273_go as g273
from capture_material import app_log, history, put_bugs
from capture_more import run, write_tree

QR = "PyQRCode-1.2.1"
OT = "onetimepass-1.0.1"

# pyqrcode: the odd last alphanumeric character written in 5 bits; a two-digit numeric group in 8 bits
QR_BUGS = [("pyqrcode/builder.py", "buf.write(self.binary_string(a, 6))", "buf.write(self.binary_string(a, 5))"),
           ("pyqrcode/builder.py", "bin = self.binary_string(number, 7)", "bin = self.binary_string(number, 8)")]
# onetimepass: the dynamic-truncation offset masked with 7, not 15; valid_hotp's first trial one interval late
OT_BUGS = [("onetimepass/__init__.py", "o = ob & 15", "o = ob & 7"),
           ("onetimepass/__init__.py", "xrange(last + 1, last + trials + 1)", "xrange(last + 2, last + trials + 1)")]

LABELS = ["PRESS 1", "PRESS 12", "CHEESE 7", "CHEESE 44", "RACK 3", "RACK 19", "VAT 5", "VAT 21", "POMACE",
          "POMACE TUB", "MILL HOPPER", "KEEVING VAT", "RACK AND CLOTH", "CIDERMAKER PRESSGROVE", "RACKHAM",
          "VATWRIGHT", "BITTERSWEET", "SHARP", "KINGSTON BLACK", "YARLINGTON MILL", "DABINETT", "ELLIS BITTER",
          "1", "12", "123", "1234", "12345", "786001", "7860012", "20261204", "31415926", "271828182",
          "pomace from press 4", "cheese of 11 layers", "racked into vat 9", "keeved Dabinett, SG 1.052",
          "Kingston Black; rack 3 of 7", "cidermaker: Mabel Vatwright", "press cloth washed"]

WORDS = ["pomace", "presses", "cheeses", "racks", "vats", "cidermakers", "keeving", "bittersweet", "dabinett",
         "kingston", "yarlington", "hopper", "cloths", "barrels", "lees", "cellar", "orchard", "scratter"]

GEN_TEST = r"""
import base64, hashlib, json, random, sys
sys.path.insert(0, sys.argv[1])
sys.path.insert(0, sys.argv[2])
import pyqrcode
import onetimepass as otp
labels, words = json.load(open(sys.argv[3])), json.load(open(sys.argv[4]))
qr = []
for lab in labels:
    for err in "LMQH":
        code = pyqrcode.create(lab, error=err)
        qr.append((lab, err, code.mode, code.version, hashlib.sha1(code.text(quiet_zone=0).encode()).hexdigest()))
rnd = random.Random(78618)
secrets = []
for w in words:
    raw = (w * 4)[:rnd.choice([10, 15, 20])].encode()
    secrets.append((w, base64.b32encode(raw).decode()))
hotp = [(w, s, i, otp.get_hotp(s, i)) for w, s in secrets for i in sorted(rnd.sample(range(1, 5000), 3))]
valid = [(w, s, i, otp.get_hotp(s, i), otp.valid_hotp(otp.get_hotp(s, i), s, last=i - 1, trials=4))
         for w, s in secrets[:9] for i in [rnd.randint(1, 900)]]
clocks = [1764800000 + rnd.randint(0, 10 ** 6) for _ in range(2)]
totp = [(w, s, c, otp.get_totp(s, clock=c)) for w, s in secrets for c in clocks]
print(json.dumps({"qr": qr, "hotp": hotp, "valid": valid, "totp": totp}))
"""

QR_TEST = '''"""A cider mill's labels as QR codes (seeded list, seed 78617): version and digest of the text rendering."""
import hashlib

import pytest

import pyqrcode

CASES = {cases}


@pytest.mark.parametrize("label,error,mode,version,digest", CASES,
                         ids=[f"{{c[1]}}-{{c[0].replace(' ', '_')[:24]}}" for c in CASES])
def test_label_code(label, error, mode, version, digest):
    code = pyqrcode.create(label, error=error)
    assert (code.mode, code.version) == (mode, version)
    assert hashlib.sha1(code.text(quiet_zone=0).encode()).hexdigest() == digest, label
'''

OT_TEST = '''"""A cider mill's vat secrets and their one-time passwords (seeded, seed 78618)."""
import pytest

import onetimepass as otp

HOTP = {hotp}
VALID = {valid}
TOTP = {totp}


@pytest.mark.parametrize("word,secret,interval,token", HOTP, ids=[f"{{c[0]}}-{{c[2]}}" for c in HOTP])
def test_vat_hotp(word, secret, interval, token):
    assert otp.get_hotp(secret, interval) == token


@pytest.mark.parametrize("word,secret,interval,token,found", VALID, ids=[f"{{c[0]}}-{{c[2]}}" for c in VALID])
def test_vat_valid_hotp(word, secret, interval, token, found):
    assert otp.valid_hotp(token, secret, last=interval - 1, trials=4) == found


@pytest.mark.parametrize("word,secret,clock,token", TOTP, ids=[f"{{c[0]}}-{{c[2]}}" for c in TOTP])
def test_vat_totp(word, secret, clock, token):
    assert otp.get_totp(secret, clock=clock) == token
'''

PRESSBOOK = r"""
import onetimepass
import pyqrcode


class PressFailedError(RuntimeError):
    pass


class Pressing:
    # a cider mill's press book: the cidermakers at the press, the cheeses built, the vat's secret for its label code
    def __init__(self, press, cidermakers, cheeses, vat_secret):
        self.press = press
        self.cidermakers = list(cidermakers)
        self.cheeses = cheeses
        self.vat_secret = vat_secret

    def seal(self):
        return onetimepass.get_hotp(self.vat_secret, self.cheeses)


BOOK = [Pressing("Press 1", ["Hannah", "Josiah", "Mabel"], 14, "OBXW2YLDMU======"),
        Pressing("Press 2", ["Obed", "Keziah"], 9, "ONUGC4TQ"),
        Pressing("Twin Screw Press", ["Amos", "Tabitha", "Enoch"], 12, "VAT-9/KEEVED!"),
        Pressing("Rack and Cloth", ["Mercy"], 5, "MJUXI5DFOJZXOZLFOQ======")]


def press(entry):
    try:
        seal = entry.seal()
        label = pyqrcode.create(f"{entry.press} {seal}", error="M")
        return {"press": entry.press, "seal": seal, "label version": label.version,
                "cidermakers": sorted(entry.cidermakers), "gallons": entry.cheeses * 38}
    except ValueError as exc:
        raise PressFailedError(f"the vat secret of {entry.press!r} cannot seal a pressing: {exc}") from exc


def press_book():
    book = []
    try:
        for entry in BOOK:
            book.append(press(entry))
    except PressFailedError as exc:
        raise RuntimeError("pressbook: the press book could not be made up") from exc
    return book


if __name__ == "__main__":
    print(press_book())
"""

CIDERMAKERS = [("Hannah Pressgrove", "pressgrove@example.org"), ("Josiah Rackham", "rackham@example.org"),
               ("Mabel Vatwright", "vatwright@example.org")]


def python(tmp: Path) -> None:
    from capture_wide786 import SRC, VENV
    (tmp / "gen_tests.py").write_text(GEN_TEST)
    (tmp / "labels.json").write_text(json.dumps(LABELS))
    (tmp / "words.json").write_text(json.dumps(WORDS))
    got = run(f"{VENV}/bin/python -I gen_tests.py {tmp / QR} {tmp / OT} labels.json words.json", cwd=tmp)
    for f in ("gen_tests.py", "labels.json", "words.json"):
        (tmp / f).unlink()
    data = json.loads(got.strip().splitlines()[-1])
    (tmp / QR / "tests").mkdir(exist_ok=True)
    (tmp / QR / "tests" / "test_pyqrcode_cheeses.py").write_text(
        QR_TEST.format(cases=repr([tuple(c) for c in data["qr"]])))
    (tmp / OT / "tests").mkdir(exist_ok=True)
    (tmp / OT / "tests" / "test_onetimepass_vats.py").write_text(
        OT_TEST.format(hotp=repr([tuple(c) for c in data["hotp"]]), valid=repr([tuple(c) for c in data["valid"]]),
                       totp=repr([tuple(c) for c in data["totp"]])))
    put_bugs(tmp / QR, QR_BUGS)
    put_bugs(tmp / OT, OT_BUGS)
    (tmp / "pressbook.py").write_text(PRESSBOOK)
    history(tmp, SRC, "onetimepass", OT, ["onetimepass/__init__.py", "setup.py"], CIDERMAKERS, 78610, 10, OT_BUGS)


FLOORS = ["Press 1", "Press 2", "Twin Screw Press", "Rack and Cloth", "Mill Hopper", "Scratter", "Pomace Yard",
          "Keeving Vats", "Vat House", "Barrel Cellar", "Cloth Store", "Orchard Gate"]
GO_RENAMES = (("kegtally", "pomacesift"), ("casebook", "vatledger"), ("ledger host", "vat ledger host"),
              ("litres left, days", "juice left, days"), ("nothing left to pour", "nothing left to press"),
              ("pour order", "press order"), ("pour grade", "juice grade"), ("Keg", "Vat"),
              ("keg", "vat"), ("Beer", "Cider"), ("beer", "cider"), ("Cellar", "Mill"),
              ("cellar", "mill"), ("Pints", "Gallons"), ("pints", "gallons"))


def go_module(tmp: Path) -> None:
    def rn(text: str) -> str:
        return g273.renamed(text, GO_RENAMES)
    base = {"go.mod": rn(g273.GO_MOD), "tally.go": rn(g273.TALLY_GO),
            "tally_test.go": g273.gen_test(78614, 60, FLOORS, GO_RENAMES)}
    write_tree(tmp / "pomacesift", base)
    write_tree(tmp / "pomacesift-vet", {"go.mod": base["go.mod"], "tally.go": base["tally.go"],
                                       "vet.go": rn(g273.VET_GO)})
    write_tree(tmp / "pomacesift-build", {"go.mod": base["go.mod"], "tally.go": base["tally.go"],
                                         "restock.go": rn(g273.BUILD_GO)})
    write_tree(tmp / "vatledger-ops", {"scripts/deploy.sh": rn(g273.DEPLOY_SH),
                                      "scripts/backup.sh": rn(g273.BACKUP_SH),
                                      "scripts/rotate.sh": rn(g273.ROTATE_SH)})


def _press(text: str) -> str:
    return (text.replace("WEIRKEEPER", "PRESSBENCH").replace("weirkeeper", "pressbench")
            .replace("weir", "press").replace("sluice", "rack").replace("gate_t", "cheese_t")
            .replace("gates", "cheeses").replace("level_cm", "pomace_kg").replace("tide", "vat"))


def c_project(tmp: Path) -> None:
    root = tmp / "pressbench"
    rnd = random.Random(78611)
    files = {"src/pressbench.h": _press(n191.SKIFF_H), "src/pressbench.c": _press(n191.SKIFF_C)}
    for k in range(34):
        files[f"src/press_{k:02d}.c"] = _press(n191.gen_c(k, rnd))
    objs = " ".join(f"build/{Path(p).stem}.o" for p in files if p.endswith(".c"))
    files["Makefile"] = ("CC=gcc\nCFLAGS=-Wall -Wextra -O1 -Isrc\nOBJS=" + objs + "\n\nall: pressbench\n\n"
                         "pressbench: $(OBJS)\n\t$(CC) -o $@ $(OBJS)\n\nbuild/%.o: src/%.c src/pressbench.h\n"
                         "\t@mkdir -p build\n\t$(CC) $(CFLAGS) -c $< -o $@\n\nclean:\n\trm -rf build pressbench\n")
    write_tree(root, files)


def _cheese(text: str) -> str:
    return (text.replace("plumbline", "cheesejig").replace("Plumb-line survey", "Cider press cheese jig")
            .replace("offset_per_m", "gallons_per_cheese").replace("station_penalty", "rack_penalty")
            .replace("readings", "pressings").replace("reading", "pressing").replace("station", "rack"))


def rust(tmp: Path) -> None:
    root = tmp / "cheesejig"
    rnd = random.Random(78615)
    write_tree(root, {"Cargo.toml": _cheese(n191.CARGO).replace("0.3.4", "2.1.7"),
                      "src/lib.rs": _cheese(n191.LIB), "src/broken.rs": _cheese(n191.BROKEN),
                      "src/pressings.rs": _cheese(n191.gen_readings(rnd, 240))})


def data(tmp: Path) -> None:
    from capture_wide786 import VENV
    d = tmp / "data"
    d.mkdir()
    run(f"cd {VENV}/lib/python3.11/site-packages && find . -type f ! -name '*.pyc' "
        f"-printf '%h,%f,%s,%TY-%Tm-%Td\\n' | sort > {d}/sitepk.body && cd {d} && "
        "(echo directory,file,bytes,modified; cat sitepk.body) > sitepk.csv && rm sitepk.body", cwd=d)
    run("sqlite3 sitepk.db '.mode csv' '.import sitepk.csv sitepk'", cwd=d)
    app_log(d / "pressbook.log", 78612, 2000, ["mill.main", "mill.press", "mill.api", "mill.store"], {
        "INFO": lambda r: f"cidermaker {r.randint(1, 9)} built cheese {r.randint(1, 400)} of {r.randint(8, 14)} layers at press {r.randint(1, 4)} for {r.choice(['Dabinett', 'Kingston Black'])}",
        "DEBUG": lambda r: f"juice gauge {r.randint(1, 40)} took {r.randint(2, 70)} ms",
        "WARNING": lambda r: f"keeving vat {r.randint(1, 12)} at {r.randint(11, 19)} degrees, chapeau slow to form",
        "ERROR": lambda r: f"press {r.randint(1, 4)} cloth {r.randint(1, 30)} split under {r.randint(40, 90)} tonnes, pressing stopped"},
        7861, "2026-12-03")
    app_log(d / "rackfloor.log", 78616, 1900, ["rack.hands", "rack.mill", "rack.api", "rack.db"], {
        "INFO": lambda r: f"hand {r.randint(1, 24)} at {r.choice(FLOORS)} racked {r.randint(50, 110)} gallons off the lees",
        "DEBUG": lambda r: f"gravity reading {r.randint(1, 80)} took {r.randint(2, 50)} ms",
        "WARNING": lambda r: f"apple cart {r.randint(1, 6)} came {r.randint(5, 40)} minutes late, scratter blades due in {r.randint(2, 30)} days",
        "ERROR": lambda r: f"vat {r.randint(1, 30)} read SG {r.randint(990, 999)} during rack {r.randint(1, 700)}, cider pumped back"},
        7865, "2026-12-04")


STEPS = [python, go_module, c_project, rust, data]
