"""Round 467, the material both agents work in (no item is captured here): injector's and icalendar's sdists with bugs
put in and a script each that runs their code wrongly, git histories built by committing their sources in steps
(capture_material.history), the hickoryhall project (round 290's module, fixture generator, app file, eslint config
and tsconfig, imported from capture_wide290_mat, renamed through the words round 299's table replaces with smokehouse
names and another seed), a C project (`firebox`) and a Rust crate (`damperline`) from round 191's generators
(capture_wide191_native, imported, renamed, other seeds), a Go module (`brinetub`, and a copy `kilnhouse`) from round
273's generator (capture_wide273_go, imported, renamed, other seeds), a CSV and a sqlite table of some /usr/share files
and two application logs. Run through capture_wide467.py."""

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
from capture_wide467 import JS, SRC, VENV

IJ, IC = "injector-0.24.0", "icalendar-7.3.2"

# injector: a singleton is made afresh for every caller; a multibound list keeps only each provider's first element.
IJ_BUGS = [("injector/__init__.py", "self._context[key] = provider", "self._context.pop(key, None)"),
           ("injector/__init__.py", "result.extend(instances)", "result.extend(instances[:1])")]
_CONTAINS = ('uppercased key exists, else ``False``.\n        """\n        key = to_unicode(key)\n'
             "        return super().__contains__({})")
# icalendar: CaselessDict.get and `in` no longer upper-case the key.
IC_BUGS = [("src/icalendar/caselessdict.py", "return super().get(key.upper(), default)",
            "return super().get(key, default)"),
           # (`has_key` holds the same two lines: the docstring's last line above them tells `__contains__`'s apart)
           ("src/icalendar/caselessdict.py", _CONTAINS.format("key.upper()"), _CONTAINS.format("key"))]

RACK_ROTA = r'''
from injector import Injector, Module, provider, singleton


class RackRotaError(RuntimeError):
    pass


class RackBoard:
    """The smokehouse's rack board: which side hangs on which rack, and since when."""

    def __init__(self):
        self.hung = {}

    def hang(self, rack, side, hour):
        self.hung[rack] = (side, hour)


class Smokehouse(Module):
    @singleton
    @provider
    def board(self) -> RackBoard:
        return RackBoard()


house = Injector([Smokehouse()])
loader = house.get(RackBoard)
for rack, side, hour in [("R-03", "salmon side", 5), ("R-07", "ham", 6), ("R-11", "bacon belly", 7)]:
    loader.hang(rack, side, hour)


def pull_time(rack):
    board = house.get(RackBoard)
    try:
        side, hour = board.hung[rack]
    except KeyError as exc:
        raise RackRotaError(f"rack rota: rack {rack} not on the board ({len(board.hung)} racks hung)") from exc
    return f"{side} on {rack}: pull at {hour + 9}:00"


print([pull_time(rack) for rack in ["R-07", "R-03", "R-11"]])
'''

BRINE_LOG = r'''
from icalendar import Calendar


class BrineLogError(RuntimeError):
    pass


# the brine tubs' soak calendar: each tub's soak as an event
SOAKS = """BEGIN:VCALENDAR
VERSION:2.0
PRODID:-//firebox//brine tubs//EN
BEGIN:VEVENT
UID:tub-1@firebox
SUMMARY:Tub 1 - pork bellies in 8 % brine
DTSTART;TZID=Europe/London:20261202T060000
DTEND;TZID=Europe/London:20261205T060000
END:VEVENT
BEGIN:VEVENT
UID:tub-2@firebox
SUMMARY:Tub 2 - salmon sides in 5 % brine
DTSTART;TZID=Europe/Oslo:20261202T090000
DTEND;TZID=Europe/Oslo:20261202T210000
END:VEVENT
END:VCALENDAR
"""


def soak_start(event):
    start = event["DTSTART"]
    try:
        return start.params.get("tzid").replace("/", " ") + " " + start.dt.strftime("%H:%M")
    except AttributeError as exc:
        raise BrineLogError(f"brine log: no soak zone for {event.get('UID')} ({event.get('SUMMARY')})") from exc


cal = Calendar.from_ical(SOAKS)
print({str(ev["UID"]): soak_start(ev) for ev in cal.walk("VEVENT")})
'''


def python(tmp: Path) -> None:
    put_bugs(tmp / IJ, IJ_BUGS)
    put_bugs(tmp / IC, IC_BUGS)
    (tmp / IJ / "rack_rota.py").write_text(RACK_ROTA)
    (tmp / IC / "brine_log.py").write_text(BRINE_LOG)
    # warm mypy's caches here so that the agents' runs end within Codex's 30 s yield
    run(f"{VENV}/bin/mypy --strict src/icalendar/caselessdict.py src/icalendar/cal brine_log.py >/dev/null 2>&1; true",
        cwd=tmp / IC, timeout=900)
    history(tmp, SRC, "injector", IJ, ["injector/__init__.py", "injector_test.py"],
            [("Hamish Kiln", "hamish@example.org"), ("Isla Brine", "isla@example.org"),
             ("Jago Hickory", "jago@example.org")], 46714, 40, IJ_BUGS)
    history(tmp, SRC, "icalendar", IC, ["src/icalendar/caselessdict.py", "src/icalendar/tests/test_unit_caselessdict.py"],
            [("Kitty Smoker", "kitty@example.org"), ("Lachlan Rack", "lachlan@example.org"),
             ("Morwenna Flue", "morwenna@example.org")], 46713, 40, IC_BUGS)


# round 290's module in smokehouse words: the words round 299's table replaces, in its order, each given a
# smokehouse's word here
SMOKE_WORDS = ["hickoryhall", "smokehouse sums for the hickoryhall (rack loads, smoke rates, brine charts)",
               "rackLoad", "smokeToMs", "brineBand", "sideLabel", "trayArea", "brineChart", "smokingPlan",
               "No smoking planned", "unknown cut type", "belly", "loin", "ham", "salmon",
               "`smoker ${w + 1}", "seed = 46718",
               "'rack', 'DAMPER', 'flue', 'Kiln', 'hook', 'tray', 'Brine', 'sawdust', 'chip', 'EMBER', 'ash',\n"
               "  'hickory', 'oak', 'Alder', 'beech', 'cure'",
               "'Hamish', 'Isla', 'Jago', 'Kitty', 'Lachlan', 'Morwenna', 'Nye', 'Orla', 'Piran', "
               "'Rhona', 'Senara', 'Tamsin'"]
assert len(SMOKE_WORDS) == len(m299.WAGGLE_NAMES)
SMOKE_NAMES = [(old, new) for (old, _), new in zip(m299.WAGGLE_NAMES, SMOKE_WORDS)]


def smoked(text: str) -> str:
    for old, new in SMOKE_NAMES:
        text = text.replace(old, new)
    return text


HH_BUGS = [(smoked(rel), smoked(old), smoked(new)) for rel, old, new in m290.PA_BUGS]


def js_project(tmp: Path) -> None:
    root = tmp / "hickoryhall"
    nm = JS / "node_modules"
    for d in ("lib", "spec"):
        (root / d).mkdir(parents=True, exist_ok=True)
    run(f"ln -s {nm} node_modules", cwd=root)
    fixtures = smoked(m290.FIXTURES)
    assert "46718" in fixtures and "STOPPER" not in fixtures and "Branwen" not in fixtures
    write_tree(root, {"package.json": json.dumps({"name": "hickoryhall", "version": "1.4.2", "type": "module",
                                                  "scripts": {"test": "node --test spec/"}}, indent=2) + "\n",
                      "fixtures.mjs": fixtures, "eslint.config.js": m290.ESLINT_CONFIG,
                      "lib/smoking-plan.js": smoked(m290.APP),
                      "lib/hickoryhall.js": smoked(m290.HAWSEHOLE),
                      "lib/package.json": json.dumps({"type": "commonjs"}) + "\n", "tsconfig.json": m290.TSCONFIG})
    run("node fixtures.mjs && rm fixtures.mjs", cwd=root)
    put_bugs(root / "lib", HH_BUGS)


def firebox(text: str) -> str:
    return (text.replace("WEIRKEEPER", "FIREBOX").replace("weirkeeper", "firebox").replace("weir", "rack_")
            .replace("sluice", "damper").replace("gate_t", "damper_t").replace("gates", "dampers")
            .replace("level_cm", "smoke_ppm").replace("tide", "ember"))


def c_project(tmp: Path) -> None:
    root = tmp / "firebox"
    rnd = random.Random(46712)
    files = {"src/firebox.h": firebox(n191.SKIFF_H), "src/ember.c": firebox(n191.SKIFF_C)}
    for k in range(40):
        files[f"src/rack_{k:02d}.c"] = firebox(n191.gen_c(k, rnd))
    objs = " ".join(f"build/{Path(p).stem}.o" for p in files if p.endswith(".c"))
    files["Makefile"] = ("CC=gcc\nCFLAGS=-Wall -Wextra -O1 -Isrc\nOBJS=" + objs + "\n\nall: firebox\n\n"
                         "firebox: $(OBJS)\n\t$(CC) -o $@ $(OBJS)\n\nbuild/%.o: src/%.c src/firebox.h\n"
                         "\t@mkdir -p build\n\t$(CC) $(CFLAGS) -c $< -o $@\n\nclean:\n\trm -rf build firebox\n")
    write_tree(root, files)


def damperline(text: str) -> str:
    return (text.replace("plumbline", "damperline").replace("Plumb-line survey", "Damper survey")
            .replace("offset_per_m", "draught_per_flue").replace("station_penalty", "flue_penalty")
            .replace("readings", "draughts").replace("reading", "draught").replace("station", "flue"))


def rust(tmp: Path) -> None:
    root = tmp / "damperline"
    rnd = random.Random(46715)
    write_tree(root, {"Cargo.toml": damperline(n191.CARGO).replace("0.3.4", "0.5.1"),
                      "src/lib.rs": damperline(n191.LIB), "src/broken.rs": damperline(n191.BROKEN),
                      "src/draughts.rs": damperline(n191.gen_readings(rnd, 230))})


# round 273's words, then this round's: the Go module, its app and what they count
GO_RENAMES = (("kegtally", "brinetub"), ("casebook", "smokelog"), ("ledger host", "kiln host"),
              ("litres left, days", "sides left, days"), ("nothing left to pour", "nothing left to smoke"),
              ("pour order", "smoking order"), ("pour grade", "cure grade"), ("Keg", "Tub"), ("keg", "tub"),
              ("Beer", "Cure"), ("beer", "cure"), ("Cellar", "Smokehouse"), ("cellar", "smokehouse"),
              ("Pints", "Sides"), ("pints", "sides"))
KH_RENAMES = tuple((o, n.replace("brinetub", "kilnhouse")) for o, n in GO_RENAMES)
WOODS = ["Hickory", "Applewood", "Alder", "Mesquite", "Cherry", "Beech", "Maple", "Pecan",
         "Red Oak", "Peat", "Juniper", "Whisky Oak"]
CUTS = ["Pork Belly", "Ham Hock", "Salmon Side", "Kipper", "Brisket", "Sausage", "Duck Breast", "Trout",
        "Haddock", "Cheddar", "Garlic", "Eel"]


def go_module(tmp: Path) -> None:
    for name, renames, seed, names in (("brinetub", GO_RENAMES, 46710, WOODS), ("kilnhouse", KH_RENAMES, 46711, CUTS)):
        base = {"go.mod": g273.renamed(g273.GO_MOD, renames), "tally.go": g273.renamed(g273.TALLY_GO, renames)}
        write_tree(tmp / name, {**base, "tally_test.go": g273.gen_test(seed, 60, names, renames)})
        write_tree(tmp / f"{name}-vet", {**base, "vet.go": g273.renamed(g273.VET_GO, renames)})
        write_tree(tmp / f"{name}-build", {**base, "restock.go": g273.renamed(g273.BUILD_GO, renames)})
        assert "keg" not in (tmp / name / "tally.go").read_text().lower()


SHARE = ("/usr/share/i18nspector /usr/share/gnuplot /usr/share/luajit-2.1.0-beta3 /usr/share/maude /usr/share/happy "
         "/usr/share/hlint /usr/share/avra /usr/share/graphviz")


def data(tmp: Path) -> None:
    d = tmp / "data"
    d.mkdir()
    run(f"find {SHARE} -type f -printf '%h,%f,%s,%TY-%Tm-%Td\\n' | sort > share.body && "
        "(echo directory,file,bytes,modified; cat share.body) > share.csv && rm share.body", cwd=d)
    run("sqlite3 share.db '.mode csv' '.import share.csv share'", cwd=d)
    app_log(d / "racktender.log", 46716, 2300, ["racktender.hang", "racktender.smoke", "racktender.api", "racktender.damper"], {
        "INFO": lambda r: f"rack {r.randint(1, 40)} loaded: {r.randint(6, 30)} sides, {r.randint(2, 9)} kg at smoker {r.randint(1, 6)} in {r.randint(3, 25)} min",
        "DEBUG": lambda r: f"flue probe {r.randint(1, 60)} took {r.randint(2, 90)} ms",
        "WARNING": lambda r: f"smoker {r.randint(1, 6)} chamber at {r.randint(31, 45)} C, {r.randint(2, 9)} C over the cold-smoke limit",
        "ERROR": lambda r: f"damper {r.randint(1, 8)} jammed on smoker {r.randint(1, 6)} at {r.randint(20, 90)} % open"},
        8467, "2026-12-02")
    app_log(d / "coldsmoke.log", 46717, 2000, ["coldsmoke.brine", "coldsmoke.kiln", "coldsmoke.api", "coldsmoke.db"], {
        "INFO": lambda r: f"brine tub {r.randint(1, 24)} drained: {r.randint(20, 120)} sides at {r.randint(3, 10)} % salt, grade {r.choice(['A', 'B', 'C', 'reject'])}",
        "DEBUG": lambda r: f"salinity sample {r.randint(1, 90)} took {r.randint(2, 70)} ms",
        "WARNING": lambda r: f"kiln {r.randint(1, 6)} ran {r.randint(5, 40)} min past the hickory profile",
        "ERROR": lambda r: f"brine pump {r.randint(1, 4)} lost prime on tub {r.randint(1, 24)} after {r.randint(1, 60)} litres"},
        6467, "2026-12-03")


STEPS = [python, js_project, c_project, rust, go_module, data]
