"""Round 299, the material both agents work in (no item is captured here): parsimonious's and simplejson's sdists with
bugs put in and a script each that runs their code wrongly, git histories built by committing their sources in steps
(capture_material.history), the waggle project (round 290's hawsehole module, fixture generator, app file, eslint
config and tsconfig, imported from capture_wide290_mat, with beekeeping names and another seed), a C project
(`propolis`) and a Rust crate (`beebread`) from round 191's generators (capture_wide191_native, imported, renamed, other
seeds), a CSV and a sqlite table of this machine's documentation files and two application logs. Run through
capture_wide299.py."""

from __future__ import annotations

import json
import random
from pathlib import Path

import capture_wide191_native as n191
import capture_wide290_mat as m290
from capture_material import app_log, history, put_bugs
from capture_more import run, write_tree
from capture_wide299 import JS, SRC, VENV

GR, SJ = "parsimonious-0.11.0", "simplejson-4.3.0"

# parsimonious: a parse error's column one short; a quantifier matching one more than its maximum; `{,n}` printed as
# `{0,n}`.
GR_BUGS = [("parsimonious/exceptions.py", "            return self.pos - self.text.rindex('\\n', 0, self.pos)\n",
            "            return self.pos - self.text.rindex('\\n', 0, self.pos) - 1\n"),
           ("parsimonious/expressions.py", "while new_pos < size and len(children) < self.max:",
            "while new_pos < size and len(children) <= self.max:"),
           ("parsimonious/expressions.py", "qualifier = '{,%d}' % self.max", "qualifier = '{0,%d}' % self.max")]
# simplejson (pure Python: the sdist's C speedups are not built): a surrogate pair's low half from too few bits;
# -Infinity written -Inf; sort_keys sorting by value; a decoded surrogate pair shifted by 9 bits.
SJ_BUGS = [("simplejson/encoder.py", "s2 = 0xdc00 | (n & 0x3ff)", "s2 = 0xdc00 | (n & 0x1ff)"),
           ("simplejson/encoder.py", "text = '-Infinity'", "text = '-Inf'"),
           ("simplejson/encoder.py", "_item_sort_key = itemgetter(0)", "_item_sort_key = itemgetter(1)"),
           ("simplejson/decoder.py", "uni = 0x10000 + (((uni - 0xd800) << 10) |",
            "uni = 0x10000 + (((uni - 0xd800) << 9) |")]

QUEENCELL = r'''
from parsimonious.exceptions import ParseError
from parsimonious.grammar import Grammar

FRAMES = Grammar(r"""
    hive = frame+
    frame = name ws "=" ws cells ";" ws
    name = ~"[a-z]+"
    cells = cell ("," ws cell)*
    cell = ~"[0-9]+"
    ws = ~"\s*"
""")


class QueencellGrammarError(RuntimeError):
    pass


def queencell_counts(text):
    return FRAMES.parse(text)


def queencell_survey(hives):
    out = {}
    for name, text in hives:
        try:
            out[name] = len(queencell_counts(text).children)
        except ParseError as exc:
            raise QueencellGrammarError(f"hive {name!r} cannot be read ({len(out)} of {len(hives)} read)") from exc
    return out


HIVES = [("north", "brood = 4, 6, 8; honey = 12; "), ("south", "brood = 3; drone = 2, x;")]
print(queencell_survey(HIVES))
'''

NECTARY = r'''
import simplejson

NECTAR = {"hive-3": {"brix": 79.5, "frames": 9}, "hive-7": {"brix": float("nan"), "frames": 4},
          "hive-9": {"brix": 81.25, "frames": 11}}


class NectaryDumpError(RuntimeError):
    pass


def nectary_record(name, reading):
    return simplejson.dumps({name: reading}, allow_nan=False, sort_keys=True)


def nectary_dump(readings):
    lines = []
    for name, reading in sorted(readings.items()):
        try:
            lines.append(nectary_record(name, reading))
        except ValueError as exc:
            raise NectaryDumpError(f"nectary reading {name!r} is not JSON ({len(lines)} of {len(readings)} written)") from exc
    return lines


print(nectary_dump(NECTAR))
'''


def python(tmp: Path) -> None:
    put_bugs(tmp / GR, GR_BUGS)
    put_bugs(tmp / SJ, SJ_BUGS)
    (tmp / GR / "queencell_grammar.py").write_text(QUEENCELL)
    (tmp / SJ / "nectary_dump.py").write_text(NECTARY)
    # warm mypy's caches here so that the agents' runs end within Codex's 30 s yield
    run(f"{VENV}/bin/mypy --strict simplejson nectary_dump.py >/dev/null 2>&1; true", cwd=tmp / SJ, timeout=900)
    history(tmp, SRC, "parsimonious", GR, ["parsimonious/expressions.py", "parsimonious/exceptions.py",
                                           "parsimonious/tests/test_grammar.py"],
            [("Aelwyd Brackenbury", "aelwyd@example.org"), ("Berenice Thistlewood", "berenice@example.org"),
             ("Corwen Haddington", "corwen@example.org")], 29901, 45, GR_BUGS)
    history(tmp, SRC, "simplejson", SJ, ["simplejson/encoder.py", "simplejson/decoder.py",
                                         "simplejson/tests/test_unicode.py"],
            [("Dorcas Pennyfeather", "dorcas@example.org"), ("Evander Quillfield", "evander@example.org"),
             ("Fenella Ravensworth", "fenella@example.org")], 29902, 60, SJ_BUGS)


# round 290's hawsehole module in beekeeping words (the longer names first, so that no shorter one cuts into them)
WAGGLE_NAMES = [("hawsehole", "waggle"), ("anchor-chain sums for a waggle (cable lengths, heave rates, watch charts)",
                                          "forage sums for a waggle dance (flight lengths, wing rates, forager charts)"),
                ("cableLength", "flightLength"), ("heaveToMs", "wingToMs"), ("strainBand", "nectarBand"),
                ("anchorLabel", "combLabel"), ("flukeArea", "cellArea"), ("watchChart", "foragerChart"),
                ("launchPlan", "swarmPlan"), ("No launch planned", "No swarm planned"),
                ("unknown anchor type", "unknown cell type"), ("danforth", "worker"), ("admiralty", "drone"),
                ("plough", "queen"), ("mushroom", "honey"), ("`watch ${w + 1}", "`round ${w + 1}"),
                ("seed = 29003", "seed = 29903"),
                ("'cable', 'STOPPER', 'windlass', 'Gypsy', 'shackle', 'swivel', 'Pawl', 'chock', 'bitter', 'LINK', 'stud',\n"
                 "  'locker', 'compressor', 'Devil', 'claw', 'riding'",
                 "'brood', 'SUPER', 'excluder', 'Nuc', 'propolis', 'smoker', 'Veil', 'skep', 'drawn', 'CAPPING', 'wax',\n"
                 "  'feeder', 'extractor', 'Queen', 'cell', 'forage'"),
                ("'Alun', 'Branwen', 'Cadog', 'Delyth', 'Eifion', 'Glenys', 'Huw', 'Ieuan', 'Llinos', 'Meical', 'Nia', 'Owain'",
                 "'Ada', 'Bram', 'Cecily', 'Dunstan', 'Elowen', 'Fitz', 'Gwynne', 'Hester', 'Ivo', 'Jory', 'Kerensa', 'Lowen'")]


def wag(text: str) -> str:
    for old, new in WAGGLE_NAMES:
        text = text.replace(old, new)
    return text


WA_BUGS = [(wag(rel), wag(old), wag(new)) for rel, old, new in m290.PA_BUGS]


def js_project(tmp: Path) -> None:
    root = tmp / "waggle"
    nm = JS / "node_modules"
    for d in ("lib", "spec"):
        (root / d).mkdir(parents=True, exist_ok=True)
    run(f"ln -s {nm} node_modules", cwd=root)
    fixtures = wag(m290.FIXTURES)
    assert "29903" in fixtures and "STOPPER" not in fixtures and "Branwen" not in fixtures
    write_tree(root, {"package.json": json.dumps({"name": "waggle", "version": "1.2.7", "type": "module",
                                                  "scripts": {"test": "node --test spec/"}}, indent=2) + "\n",
                      "fixtures.mjs": fixtures, "eslint.config.js": m290.ESLINT_CONFIG,
                      "lib/swarm-plan.js": wag(m290.APP),
                      "lib/waggle.js": wag(m290.HAWSEHOLE),
                      "lib/package.json": json.dumps({"type": "commonjs"}) + "\n", "tsconfig.json": m290.TSCONFIG})
    run("node fixtures.mjs && rm fixtures.mjs", cwd=root)
    for rel, old, new in WA_BUGS:
        f = root / "lib" / rel
        text = f.read_text()
        assert text.count(old) == 1, (rel, old)
        f.write_text(text.replace(old, new))


def hive(text: str) -> str:
    return (text.replace("WEIRKEEPER", "PROPOLIS").replace("weirkeeper", "propolis").replace("weir", "skep")
            .replace("sluice", "comb").replace("gate_t", "comb_t").replace("gates", "combs").replace("level_cm", "mass_g")
            .replace("tide", "nectar"))


def c_project(tmp: Path) -> None:
    root = tmp / "propolis"
    rnd = random.Random(29904)
    files = {"src/propolis.h": hive(n191.SKIFF_H), "src/ledger.c": hive(n191.SKIFF_C)}
    for k in range(40):
        files[f"src/skep_{k:02d}.c"] = hive(n191.gen_c(k, rnd))
    objs = " ".join(f"build/{Path(p).stem}.o" for p in files if p.endswith(".c"))
    files["Makefile"] = ("CC=gcc\nCFLAGS=-Wall -Wextra -O1 -Isrc\nOBJS=" + objs + "\n\nall: propolis\n\n"
                         "propolis: $(OBJS)\n\t$(CC) -o $@ $(OBJS)\n\nbuild/%.o: src/%.c src/propolis.h\n"
                         "\t@mkdir -p build\n\t$(CC) $(CFLAGS) -c $< -o $@\n\nclean:\n\trm -rf build propolis\n")
    write_tree(root, files)


def bread(text: str) -> str:
    return (text.replace("plumbline", "beebread").replace("Plumb-line survey", "Beebread stores")
            .replace("offset_per_m", "pollen_per_comb").replace("station_penalty", "comb_penalty")
            .replace("readings", "stores").replace("reading", "store").replace("station", "comb"))


def rust(tmp: Path) -> None:
    root = tmp / "beebread"
    rnd = random.Random(29905)
    write_tree(root, {"Cargo.toml": bread(n191.CARGO).replace("0.3.4", "0.7.1"), "src/lib.rs": bread(n191.LIB),
                      "src/broken.rs": bread(n191.BROKEN), "src/stores.rs": bread(n191.gen_readings(rnd, 220))})


def data(tmp: Path) -> None:
    d = tmp / "data"
    d.mkdir()
    run("find /usr/share/doc -type f -printf '%h,%f,%s,%TY-%Tm-%Td\\n' | sort > docs.body && "
        "(echo directory,file,bytes,modified; cat docs.body) > docs.csv && rm docs.body", cwd=d)
    run("sqlite3 docs.db '.mode csv' '.import docs.csv docs'", cwd=d)
    app_log(d / "smoker.log", 29906, 2300, ["smoker.hive", "smoker.inspect", "smoker.api", "smoker.scale"], {
        "INFO": lambda r: f"hive {r.randint(1, 24)} inspected: {r.randint(2, 10)} brood frames, {r.randint(0, 6)} queen cells in {r.randint(3, 25)} min",
        "DEBUG": lambda r: f"scale poll {r.randint(1, 60)} took {r.randint(2, 90)} ms",
        "WARNING": lambda r: f"hive {r.randint(1, 24)} lost {r.randint(300, 1200)} g overnight, robbing suspected",
        "ERROR": lambda r: f"hive {r.randint(1, 24)} queenless after {r.randint(2, 9)} inspections"}, 8299, "2026-11-29")
    app_log(d / "honeycomb.log", 29907, 2000, ["honeycomb.extract", "honeycomb.cap", "honeycomb.api", "honeycomb.db"], {
        "INFO": lambda r: f"super {r.randint(1, 40)} extracted: {r.randint(8, 30)} kg at {r.randint(160, 200) / 10} % water",
        "DEBUG": lambda r: f"refractometer sample {r.randint(1, 90)} took {r.randint(2, 70)} ms",
        "WARNING": lambda r: f"frame {r.randint(1, 10)} of super {r.randint(1, 40)} only {r.randint(40, 79)}% capped",
        "ERROR": lambda r: f"extractor cage {r.randint(1, 4)} bearing seized after {r.randint(20, 300)} spins"}, 4499, "2026-12-01")


STEPS = [python, js_project, c_project, rust, data]
