"""Round 757, the material both agents work in (no item is captured here): pynmea2's and metar's sdists with bugs put
in under their own test suites and a script each that runs their code wrongly, git histories built by committing their
sources in steps (capture_material.history), a C project (`fathomline`) and a Rust crate (`fathomset`) from round
191's generators, Go modules (`soundbook`, `surveybook`) from round 273's, a JavaScript project (`chartwork`) from
round 290's module renamed through round 299's table's words, a CSV and a sqlite table of some /usr/share files and two
application logs. The generators are imported and called with round 745's steps' pattern, this round's words (a
hydrographer's) and seeds (75710-75719)."""

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
from capture_wide757 import JS, SRC

NM, MT = "pynmea2-1.19.0", "metar-2.0.2"

# pynmea2: a position's minutes read as hundredths of a degree; the minutes of a decimal degree wrapped at a hundred.
NM_BUGS = [("pynmea2/nmea_utils.py", "return float(d) + float(m) / 60", "return float(d) + float(m) / 100"),
           ("pynmea2/nmea_utils.py", "return abs(x * 60.) % 60.", "return abs(x * 60.) % 100.")]
# metar: knots converted at half a metre a second; Celsius to Fahrenheit at 1.6 a degree.
MT_BUGS = [("metar/Datatypes.py", "mps_value = self._value * 0.514444", "mps_value = self._value * 0.5"),
           ("metar/Datatypes.py", "return 32.0 + celsius_value * 1.8", "return 32.0 + celsius_value * 1.6")]

SOUNDING_BOOK = r"""
import pynmea2


class SurveyError(RuntimeError):
    pass


# the hydrographer's sounding book: each station's fix as the leadsman wrote it (station 3's as a bare depth)
BOOK = [("station 1", "$GPGGA,184353.07,1929.045,S,02410.506,E,1,04,2.6,100.00,M,-33.9,M,,0000*6D"),
        ("station 2", "$GPGGA,092750.000,5321.6802,N,00630.3372,W,1,8,1.03,61.7,M,55.2,M,,*76"),
        ("station 3", 14),
        ("station 4", "$GPGGA,123519,4807.038,N,01131.000,E,1,08,0.9,545.4,M,46.9,M,,*47")]


def fix(station, line):
    try:
        return pynmea2.parse(line)
    except TypeError as exc:
        raise SurveyError(f"fathomline: cannot read the {station} fix {line!r} from the sounding book") from exc


for station, line in BOOK:
    msg = fix(station, line)
    print(f"{station:<10} {msg.latitude:.5f} {msg.longitude:.5f}")
"""

CHART_NOTES = r"""
from metar import Metar


class ChartError(RuntimeError):
    pass


# the chart room's weather notes: each anchorage's report as the signalman wrote it (anchorage 3's as a number)
NOTES = [("anchorage 1", "METAR KEWR 111851Z VRB03G19KT 2SM R04R/3000VP6000FT TSRA BR FEW015 BKN040CB 23/21 A2987"),
         ("anchorage 2", "METAR EGLL 041250Z 24012KT 9999 SCT030 12/07 Q1011"),
         ("anchorage 3", 36),
         ("anchorage 4", "METAR EHAM 041255Z 22016G26KT 9999 FEW022 11/06 Q1008 NOSIG")]


def read(anchorage, code):
    try:
        return Metar.Metar(code)
    except AttributeError as exc:
        raise ChartError(f"chart notes: cannot read the {anchorage} report {code!r}") from exc


for anchorage, code in NOTES:
    obs = read(anchorage, code)
    print(f"{anchorage:<12} {obs.wind_speed.string('KT')} {obs.temp.string('F')}")
"""


def python(tmp: Path) -> None:
    put_bugs(tmp / NM, NM_BUGS)
    put_bugs(tmp / MT, MT_BUGS)
    (tmp / NM / "sounding_book.py").write_text(SOUNDING_BOOK)
    (tmp / MT / "chart_notes.py").write_text(CHART_NOTES)
    history(tmp, SRC, "pynmea2", NM, ["pynmea2/nmea_utils.py", "pynmea2/nmea.py"],
            [("Alaric Sounding", "alaric@example.org"), ("Blodwen Fathom", "blodwen@example.org"),
             ("Cedric Leadline", "cedric@example.org")], 75713, 7, NM_BUGS)
    history(tmp, SRC, "metar", MT, ["metar/Datatypes.py"],
            [("Delphine Chart", "delphine@example.org"), ("Ewart Sextant", "ewart@example.org"),
             ("Fronia Tidepole", "fronia@example.org")], 75714, 8, MT_BUGS)


# round 290's module in a hydrographer's words: the words round 299's table replaces, in its order, each given one
TF_WORDS = ["chartwork", "depth sums for the chartwork (sounding depths, sweep times, chart sheets)",
            "soundDepth", "sweepToMs", "fathomBand", "chartLabel", "sheetArea", "surveySheet", "surveyPlan",
            "No soundings taken", "unknown bottom type", "sand", "shingle", "mud", "resound",
            "`sweep ${w + 1}", "seed = 75717",
            "'sounding', 'FATHOM', 'lead', 'Chart', 'sweep', 'datum', 'Shoal', 'buoy', 'beacon', "
            "'TIDE', 'wreck',\n  'sheet', 'line', 'Fix', 'mark', 'bench'",
            "'Alaric', 'Blodwen', 'Cedric', 'Delphine', 'Ewart', 'Fronia', 'Gwilym', 'Hester', 'Ivo', "
            "'Jocasta', 'Kenelm', 'Linnet'"]
assert len(TF_WORDS) == len(m299.WAGGLE_NAMES)
TF_NAMES = tuple((old, new) for (old, _), new in zip(m299.WAGGLE_NAMES, TF_WORDS))
SC_BUGS = [(g273.renamed(rel, TF_NAMES), g273.renamed(old, TF_NAMES), g273.renamed(new, TF_NAMES))
           for rel, old, new in m290.PA_BUGS]


def js_project(tmp: Path) -> None:
    root = tmp / "chartwork"
    for d in ("lib", "spec"):
        (root / d).mkdir(parents=True, exist_ok=True)
    run(f"ln -s {JS / 'node_modules'} node_modules", cwd=root)
    fixtures = g273.renamed(m290.FIXTURES, TF_NAMES)
    assert "75717" in fixtures
    write_tree(root, {"package.json": json.dumps({"name": "chartwork", "version": "1.4.0", "type": "module",
                                                  "scripts": {"test": "vitest run"}}, indent=2) + "\n",
                      "fixtures.mjs": fixtures, "eslint.config.js": m290.ESLINT_CONFIG,
                      "lib/print-plan.js": g273.renamed(m290.APP, TF_NAMES),
                      "lib/chartwork.js": g273.renamed(m290.HAWSEHOLE, TF_NAMES),
                      "lib/package.json": json.dumps({"type": "commonjs"}) + "\n", "tsconfig.json": m290.TSCONFIG})
    run("node fixtures.mjs && rm fixtures.mjs", cwd=root)
    spec = root / "spec" / "lines.test.mjs"
    text = spec.read_text()
    spec.write_text(text.replace("import {test} from 'node:test';", "import {test} from 'vitest';"))
    put_bugs(root / "lib", SC_BUGS)


C_RENAMES = (("WEIRKEEPER", "FATHOMLINE"), ("weirkeeper", "fathomline"), ("sluice", "leadsman"),
             ("weir", "sounding_"), ("gate_t", "sweep_t"), ("gates", "sweeps"), ("level_cm", "depth_dm"))
RS_RENAMES = (("plumbline", "fathomset"), ("Plumb-line survey", "Fathom set sounding log"),
              ("offset_per_m", "set_per_fathom"), ("station_penalty", "sheet_penalty"), ("readings", "casts"),
              ("reading", "cast"), ("station", "sheet"))


def c_project(tmp: Path) -> None:
    root = tmp / "fathomline"
    rnd = random.Random(75712)
    files = {"src/fathomline.h": g273.renamed(n191.SKIFF_H, C_RENAMES),
             "src/leadsman.c": g273.renamed(n191.SKIFF_C, C_RENAMES)}
    for k in range(40):
        files[f"src/sounding_{k:02d}.c"] = g273.renamed(n191.gen_c(k, rnd), C_RENAMES)
    objs = " ".join(f"build/{Path(p).stem}.o" for p in files if p.endswith(".c"))
    files["Makefile"] = ("CC=gcc\nCFLAGS=-Wall -Wextra -O1 -Isrc\nOBJS=" + objs + "\n\nall: fathomline\n\n"
                         "fathomline: $(OBJS)\n\t$(CC) -o $@ $(OBJS)\n\nbuild/%.o: src/%.c src/fathomline.h\n"
                         "\t@mkdir -p build\n\t$(CC) $(CFLAGS) -c $< -o $@\n\nclean:\n\trm -rf build fathomline\n")
    write_tree(root, files)


def rust(tmp: Path) -> None:
    root = tmp / "fathomset"
    rnd = random.Random(75715)
    write_tree(root, {"Cargo.toml": g273.renamed(n191.CARGO, RS_RENAMES).replace("0.3.4", "1.7.2"),
                      "src/lib.rs": g273.renamed(n191.LIB, RS_RENAMES),
                      "src/broken.rs": g273.renamed(n191.BROKEN, RS_RENAMES),
                      "src/casts.rs": g273.renamed(n191.gen_readings(rnd, 230), RS_RENAMES)})
    assert "idx.push(sheet_count)" in (root / "src/broken.rs").read_text()


GO_RENAMES = (("kegtally", "soundbook"), ("casebook", "fieldbook"), ("ledger host", "chart host"),
              ("litres left, days", "fathoms left, sweeps"), ("nothing left to pour", "nothing left to sound"),
              ("pour order", "sweep order"), ("pour grade", "bottom grade"), ("Keg", "Lead"), ("keg", "lead"),
              ("Beer", "Cast"), ("beer", "cast"), ("Cellar", "Chart"), ("cellar", "chart"),
              ("Pints", "Fathoms"), ("pints", "fathoms"))
SB_GO_RENAMES = tuple((o, n.replace("soundbook", "surveybook")) for o, n in GO_RENAMES)
SHOALS = ["Goodwin", "Kentish Knock", "Long Sand", "Galloper", "Shingles", "Brake", "Gunfleet", "Sunk", "Barrow",
          "Maplin", "Girdler", "Tongue"]
SURVEYORS = ["Alaric", "Blodwen", "Cedric", "Delphine", "Ewart", "Fronia", "Gwilym", "Hester", "Ivo", "Jocasta",
             "Kenelm", "Linnet"]


def go_module(tmp: Path) -> None:
    for name, renames, seed, names in (("soundbook", GO_RENAMES, 75710, SHOALS),
                                       ("surveybook", SB_GO_RENAMES, 75711, SURVEYORS)):
        base = {"go.mod": g273.renamed(g273.GO_MOD, renames), "tally.go": g273.renamed(g273.TALLY_GO, renames)}
        write_tree(tmp / name, {**base, "tally_test.go": g273.gen_test(seed, 60, names, renames)})
        write_tree(tmp / f"{name}-vet", {**base, "vet.go": g273.renamed(g273.VET_GO, renames)})
        write_tree(tmp / f"{name}-build", {**base, "restock.go": g273.renamed(g273.BUILD_GO, renames)})
        assert "keg" not in (tmp / name / "tally.go").read_text().lower()


SHARE = ("/usr/share/go-1.19/src/net/mail /usr/share/go-1.19/src/compress/gzip /usr/share/go-1.19/src/text/tabwriter "
         "/usr/share/go-1.19/src/image/gif /usr/share/go-1.19/src/encoding/xml /usr/share/go-1.19/src/archive/zip "
         "/usr/share/go-1.19/src/hash/crc32 /usr/share/go-1.19/src/sort")


def data(tmp: Path) -> None:
    d = tmp / "data"
    d.mkdir()
    run(f"find {SHARE} -type f -printf '%h,%f,%s,%TY-%Tm-%Td\\n' | sort > survey.body && "
        "(echo directory,file,bytes,modified; cat survey.body) > survey.csv && rm survey.body", cwd=d)
    run("sqlite3 survey.db '.mode csv' '.import survey.csv survey'", cwd=d)
    app_log(d / "sounding.log", 75716, 2300, ["survey.sounding", "survey.tides", "survey.api", "survey.sheet"], {
        "INFO": lambda r: f"launch {r.randint(1, 6)} sounded line {r.randint(100, 999)}: {r.randint(200, 2400)} casts over {r.choice(['sand', 'shingle', 'mud'])}",
        "DEBUG": lambda r: f"lead {r.randint(1, 6)} armed with tallow in {r.randint(2, 90)} ms",
        "WARNING": lambda r: f"tide pole {r.randint(1, 4)} at station {r.randint(1, 8)} read {r.randint(2, 40)} cm off the gauge after {r.randint(40, 60)} min",
        "ERROR": lambda r: f"lead line {r.randint(1, 3)} parted on line {r.randint(100, 999)} at {r.randint(20, 90)} % of the sweep"},
        9757, "2026-12-02")
    app_log(d / "chart.log", 75717, 2000, ["room.plotting", "room.inking", "room.api", "room.db"], {
        "INFO": lambda r: f"sheet {r.randint(1, 40)} plotted: {r.randint(3, 90)} soundings in {r.choice(['fathoms', 'feet', 'metres'])}, scale 1:{r.randint(6, 72)}000",
        "DEBUG": lambda r: f"fix sample {r.randint(1, 90)} took {r.randint(2, 70)} ms",
        "WARNING": lambda r: f"sextant {r.randint(1, 3)} read off the index {r.randint(1, 9)} times over the watch",
        "ERROR": lambda r: f"station pointer {r.randint(1, 4)} slipped on sheet {r.randint(1, 40)} after {r.randint(1, 60)} min"},
        7757, "2026-12-03")


STEPS = [python, js_project, c_project, rust, go_module, data]
