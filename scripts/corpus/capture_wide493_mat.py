"""Round 493, the material both agents work in (no item is captured here): pyotp's and rstr's sdists with bugs put in
and a script each that runs their code wrongly, git histories built by committing their sources in steps
(capture_material.history), the hidecutter project (round 290's module, fixture generator, app file, eslint config and
tsconfig, imported from capture_wide290_mat, renamed through the words round 299's table replaces with tannery names
and another seed), a C project (`hidehouse`) and a Rust crate (`hidetally`) from round 191's generators
(capture_wide191_native, imported, renamed, other seeds), a Go module (`barkmill`, and a copy `oozepit`) from round
273's generator (capture_wide273_go, imported, renamed, other seeds), a CSV and a sqlite table of some /usr/share files
and two application logs. Run through capture_wide493.py."""

from __future__ import annotations

import json
import random
from pathlib import Path

import capture_wide191_native as n191
import capture_wide273_go as g273
import capture_wide290_mat as m290
import capture_wide299_mat as m299
from capture_material import app_log, history, put_bugs
from capture_more import run, write_tree
from capture_wide493 import JS, SRC, VENV

PO, RS = "pyotp-2.12.1", "rstr-3.2.2"

# pyotp: the dynamic truncation keeps the top bit; verify's window stops one step short (in verify alone).
WINDOW = ("            for i in range(-valid_window, valid_window + 1):\n"
          "                if utils.strings_equal(str(otp), str(self.generate_otp(timecode + i))):\n"
          "                    return True")
PO_BUGS = [("src/pyotp/otp.py", "(hmac_hash[offset] & 0x7F) << 24", "(hmac_hash[offset] & 0xFF) << 24"),
           ("src/pyotp/totp.py", WINDOW, WINDOW.replace("valid_window + 1)", "valid_window)"))]
# rstr: a character range leaves out its last character; a repeat may run one past its upper bound (a first choice,
# a repeat no longer capped (`max` for `min`), made `*` and `+` repeat billions of times, hanging the tests: replaced).
RS_BUGS = [("rstr/xeger.py", "range(x[0], x[1] + 1)]", "range(x[0], x[1])]"),
           ("rstr/xeger.py", "times = self._random.randint(start_range, end_range)",
            "times = self._random.randint(start_range, end_range + 1)")]

PIT_TALLY = r"""
import binascii

import pyotp


class PitTallyError(RuntimeError):
    pass


# the tannery's pits, each with the key its handler's token is made from (the ooze pit's key was copied by hand)
PITS = {"lime pit 1": "JBSWY3DPEHPK3PXPJBSWY3DP", "lime pit 2": "KRSXG5CTMVRXEZLUKRSXG5CT",
        "bark pit 3": "MFRGGZDFMZTWQ2LKMFRGGZDF", "ooze pit 4": "OOZE-PIT-4-HANDLER-KEY01"}


def token(pit, key):
    try:
        return pyotp.TOTP(key).at(1_764_748_800)
    except (binascii.Error, ValueError) as exc:
        raise PitTallyError(f"pit tally: {pit} has no usable key ({key!r})") from exc


print({pit: token(pit, key) for pit, key in PITS.items()})
"""

CURRIER_LOG = r"""
import re

import rstr


class CurrierLogError(RuntimeError):
    pass


# a currier's order book: each order's hide mark as a pattern, turned into a sample mark for the ticket
ORDERS = [("currier 1", r"CALF-[0-9]{4}"), ("currier 2", r"KIP-[A-F]{2}[0-9]{3}"),
          ("currier 3", r"SIDE-(?P<grade>[1-3]"), ("currier 4", r"BUTT-[0-9]{2}[a-z]")]


def ticket(currier, pattern):
    try:
        return rstr.xeger(pattern)
    except re.error as exc:
        raise CurrierLogError(f"currier log: {currier}'s hide mark {pattern!r} is not a pattern") from exc


print([ticket(c, p) for c, p in ORDERS])
"""


def python(tmp: Path) -> None:
    put_bugs(tmp / PO, PO_BUGS)
    put_bugs(tmp / RS, RS_BUGS)
    (tmp / PO / "pit_tally.py").write_text(PIT_TALLY)
    (tmp / RS / "currier_log.py").write_text(CURRIER_LOG)
    # warm mypy's caches here so that the agents' runs end within Codex's 30 s yield
    run(f"{VENV}/bin/mypy --strict rstr tests currier_log.py >/dev/null 2>&1; true", cwd=tmp / RS, timeout=900)
    history(tmp, SRC, "pyotp", PO, ["src/pyotp/otp.py", "src/pyotp/totp.py", "src/pyotp/utils.py"],
            [("Nathan Currier", "nathan@example.org"), ("Orpah Beamster", "orpah@example.org"),
             ("Silas Tanner", "silas@example.org")], 49314, 40, PO_BUGS)
    history(tmp, SRC, "rstr", RS, ["rstr/xeger.py", "rstr/rstr_base.py"],
            [("Prudence Scudder", "prudence@example.org"), ("Reuben Flesher", "reuben@example.org"),
             ("Sabra Shaver", "sabra@example.org")], 49313, 40, RS_BUGS)


# round 290's module in tannery words: the words round 299's table replaces, in its order, each given a tannery's
# word here
HIDE_WORDS = ["hidecutter", "tannery sums for the hidecutter (hide weights, soaking rates, pit charts)",
              "hideWeight", "soakToMs", "liquorBand", "hideLabel", "pitArea", "pitChart", "tanningPlan",
              "No tanning planned", "unknown hide type", "calf", "kip", "side", "butt",
              "`pit ${w + 1}", "seed = 49318",
              "'hide', 'LIME', 'bark', 'Ooze', 'beam', 'flesher', 'Slicker', 'pit', 'vat', 'CURRIER', 'grain',\n"
              "  'tawer', 'scudder', 'Shaver', 'dubbin', 'tallow'",
              "'Nathan', 'Orpah', 'Silas', 'Prudence', 'Reuben', 'Sabra', 'Nehemiah', 'Obadiah', 'Phebe', "
              "'Rhoda', 'Seth', 'Tamar'"]
assert len(HIDE_WORDS) == len(m299.WAGGLE_NAMES)
HIDE_NAMES = [(old, new) for (old, _), new in zip(m299.WAGGLE_NAMES, HIDE_WORDS)]


def hided(text: str) -> str:
    for old, new in HIDE_NAMES:
        text = text.replace(old, new)
    return text


HC_BUGS = [(hided(rel), hided(old), hided(new)) for rel, old, new in m290.PA_BUGS]


def js_project(tmp: Path) -> None:
    root = tmp / "hidecutter"
    nm = JS / "node_modules"
    for d in ("lib", "spec"):
        (root / d).mkdir(parents=True, exist_ok=True)
    run(f"ln -s {nm} node_modules", cwd=root)
    fixtures = hided(m290.FIXTURES)
    assert "49318" in fixtures and "STOPPER" not in fixtures and "Branwen" not in fixtures
    write_tree(root, {"package.json": json.dumps({"name": "hidecutter", "version": "3.1.4", "type": "module",
                                                  "scripts": {"test": "node --test spec/"}}, indent=2) + "\n",
                      "fixtures.mjs": fixtures, "eslint.config.js": m290.ESLINT_CONFIG,
                      "lib/tanning-plan.js": hided(m290.APP),
                      "lib/hidecutter.js": hided(m290.HAWSEHOLE),
                      "lib/package.json": json.dumps({"type": "commonjs"}) + "\n", "tsconfig.json": m290.TSCONFIG})
    run("node fixtures.mjs && rm fixtures.mjs", cwd=root)
    put_bugs(root / "lib", HC_BUGS)


def hidehouse(text: str) -> str:
    return (text.replace("WEIRKEEPER", "HIDEHOUSE").replace("weirkeeper", "hidehouse").replace("weir", "pit_")
            .replace("sluice", "hide").replace("gate_t", "hide_t").replace("gates", "hides")
            .replace("level_cm", "liquor_l").replace("tide", "soak"))


def c_project(tmp: Path) -> None:
    root = tmp / "hidehouse"
    rnd = random.Random(49312)
    files = {"src/hidehouse.h": hidehouse(n191.SKIFF_H), "src/hides.c": hidehouse(n191.SKIFF_C)}
    for k in range(40):
        files[f"src/pit_{k:02d}.c"] = hidehouse(n191.gen_c(k, rnd))
    objs = " ".join(f"build/{Path(p).stem}.o" for p in files if p.endswith(".c"))
    files["Makefile"] = ("CC=gcc\nCFLAGS=-Wall -Wextra -O1 -Isrc\nOBJS=" + objs + "\n\nall: hidehouse\n\n"
                         "hidehouse: $(OBJS)\n\t$(CC) -o $@ $(OBJS)\n\nbuild/%.o: src/%.c src/hidehouse.h\n"
                         "\t@mkdir -p build\n\t$(CC) $(CFLAGS) -c $< -o $@\n\nclean:\n\trm -rf build hidehouse\n")
    write_tree(root, files)


def hidetally(text: str) -> str:
    return (text.replace("plumbline", "hidetally").replace("Plumb-line survey", "Hide tally survey")
            .replace("offset_per_m", "liquor_per_pit").replace("station_penalty", "pit_penalty")
            .replace("readings", "soakings").replace("reading", "soaking").replace("station", "pit"))


def rust(tmp: Path) -> None:
    root = tmp / "hidetally"
    rnd = random.Random(49315)
    write_tree(root, {"Cargo.toml": hidetally(n191.CARGO).replace("0.3.4", "0.9.3"),
                      "src/lib.rs": hidetally(n191.LIB), "src/broken.rs": hidetally(n191.BROKEN),
                      "src/soakings.rs": hidetally(n191.gen_readings(rnd, 230))})


# round 273's words, then this round's: the Go module, its app and what they count
GO_RENAMES = (("kegtally", "barkmill"), ("casebook", "hidebook"), ("ledger host", "tannery host"),
              ("litres left, days", "hides left, days"), ("nothing left to pour", "nothing left to tan"),
              ("pour order", "tanning order"), ("pour grade", "hide grade"), ("Keg", "Hide"), ("keg", "hide"),
              ("Beer", "Bark"), ("beer", "bark"), ("Cellar", "Yard"), ("cellar", "yard"),
              ("Pints", "Pounds"), ("pints", "pounds"))
OP_RENAMES = tuple((o, n.replace("barkmill", "oozepit")) for o, n in GO_RENAMES)
HIDES = ["Calf skin", "Kip", "Side leather", "Butt", "Shoulder", "Belly", "Split", "Grain", "Sole bend",
         "Harness back", "Bridle", "Offal"]
TANNERS = ["Bermondsey", "Grampound", "Colyton", "Northampton", "Leeds", "Penryn", "Rochdale", "Stowmarket",
           "Sherborne", "Ormskirk", "Nantwich", "Ripon"]


def go_module(tmp: Path) -> None:
    for name, renames, seed, names in (("barkmill", GO_RENAMES, 49310, HIDES),
                                       ("oozepit", OP_RENAMES, 49311, TANNERS)):
        base = {"go.mod": g273.renamed(g273.GO_MOD, renames), "tally.go": g273.renamed(g273.TALLY_GO, renames)}
        write_tree(tmp / name, {**base, "tally_test.go": g273.gen_test(seed, 60, names, renames)})
        write_tree(tmp / f"{name}-vet", {**base, "vet.go": g273.renamed(g273.VET_GO, renames)})
        write_tree(tmp / f"{name}-build", {**base, "restock.go": g273.renamed(g273.BUILD_GO, renames)})
        assert "keg" not in (tmp / name / "tally.go").read_text().lower()


SHARE = "/usr/share/privoxy /usr/share/sass /usr/share/swig4.0"


def data(tmp: Path) -> None:
    d = tmp / "data"
    d.mkdir()
    run(f"find {SHARE} -type f -printf '%h,%f,%s,%TY-%Tm-%Td\\n' | sort > share.body && "
        "(echo directory,file,bytes,modified; cat share.body) > share.csv && rm share.body", cwd=d)
    run("sqlite3 share.db '.mode csv' '.import share.csv share'", cwd=d)
    app_log(d / "barkyard.log", 49316, 2300, ["barkyard.pits", "barkyard.mill", "barkyard.api", "barkyard.hides"], {
        "INFO": lambda r: f"pit {r.randint(1, 24)} took pack {r.randint(100, 999)}: {r.randint(20, 120)} hides of {r.choice(['calf', 'kip', 'side'])} at {r.randint(2, 40)} barkometer",
        "DEBUG": lambda r: f"liquor sample {r.randint(1, 6)} took {r.randint(2, 90)} ms",
        "WARNING": lambda r: f"lime pit {r.randint(1, 6)} at pH {r.randint(10, 13)}, {r.randint(1, 4)} days past the liming schedule",
        "ERROR": lambda r: f"bark mill {r.randint(1, 3)} stalled on load {r.randint(100, 999)} at {r.randint(20, 90)} % torque"},
        9493, "2026-12-02")
    app_log(d / "curryshop.log", 49317, 2000, ["curryshop.beam", "curryshop.currier", "curryshop.api", "curryshop.db"], {
        "INFO": lambda r: f"order {r.randint(1, 400)} curried: {r.randint(2, 40)} sides at {r.randint(3, 9)} oz, finish {r.choice(['waxed', 'russet', 'black', 'reject'])}",
        "DEBUG": lambda r: f"dubbin batch {r.randint(1, 90)} took {r.randint(2, 70)} ms",
        "WARNING": lambda r: f"currier {r.randint(1, 6)} shaved {r.randint(5, 40)} sides under the order's substance",
        "ERROR": lambda r: f"stuffing drum {r.randint(1, 4)} lost heat on order {r.randint(1, 400)} after {r.randint(1, 60)} min"},
        7493, "2026-12-03")


STEPS = [python, js_project, c_project, rust, go_module, data]
