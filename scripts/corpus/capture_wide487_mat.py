"""Round 487, the material both agents work in (no item is captured here): ldap3's and httpcore's sdists with bugs put
in and a script each that runs their code wrongly, git histories built by committing their sources in steps
(capture_material.history), the ragcutter project (round 290's module, fixture generator, app file, eslint config and
tsconfig, imported from capture_wide290_mat, renamed through the words round 299's table replaces with rag room names
and another seed), a C project (`ragboiler`) and a Rust crate (`halfstuff`) from round 191's generators
(capture_wide191_native, imported, renamed, other seeds), a Go module (`ragsort`, and a copy `sortloft`) from round
273's generator (capture_wide273_go, imported, renamed, other seeds), a CSV and a sqlite table of some /usr/share files
and two application logs. Run through capture_wide487.py."""

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
from capture_wide487 import JS, SRC, VENV

LD, HC = "ldap3-2.9.1", "httpcore-1.0.8"

# ldap3: a hex attribute value's length check is inverted; an AVA with an unescaped '=' at position 1 is glued to the last.
HEXLEN = "  # string must be # + HEX HEX (an odd number of chars)\n            raise LDAPInvalidDnError('hex"
LD_BUGS = [("ldap3/utils/dn.py", "if len(attribute_value) % 2 == 0:" + HEXLEN, "if len(attribute_value) % 2 == 1:" + HEXLEN),
           ("ldap3/utils/dn.py", "if _find_first_unescaped(ava, '=', 0) > 0 or", "if _find_first_unescaped(ava, '=', 0) > 1 or")]
# httpcore: an Origin prints without the colon before its port; a URL's bytes take the port-less form when it has a port.
HC_BUGS = [("httpcore/_models.py", 'return f"{scheme}://{host}:{port}"', 'return f"{scheme}://{host}{port}"'),
           ("httpcore/_models.py", "if self.port is None:\n            return b\"%b://%b%b\"",
            "if self.port is not None:\n            return b\"%b://%b%b\"")]

RAG_TALLY = r"""
from ldap3.core.exceptions import LDAPInvalidDnError
from ldap3.utils.dn import parse_dn


class RagTallyError(RuntimeError):
    pass


# the rag room's sorters, as the mill's directory names them (the last one's badge is a hex-encoded value)
SORTERS = ["cn=Hester Sorter,ou=rag room,o=Wookey Mill", "cn=Mabel Cutter,ou=rag room,o=Wookey Mill",
           "cn=Ivy Duster,ou=boiler house,o=Wookey Mill", "cn=#04024869,ou=beater floor,o=Wookey Mill"]


def sorter(dn):
    try:
        return [(kind, value) for kind, value, _ in parse_dn(dn)]
    except LDAPInvalidDnError as exc:
        raise RagTallyError(f"rag tally: sorter {dn!r} is not in the mill's directory form") from exc


print({dn: sorter(dn) for dn in SORTERS})
"""

BEATER_LOG = r"""
import httpcore


class BeaterLogError(RuntimeError):
    pass


# a beater's log, sent to the mill's tally host as request headers
BEATINGS = [("beater 1", "half-stuff, 40 min"), ("beater 2", "whole-stuff, 95 min"), ("beater 3", "linen rags \u2013 bleached"),
            ("beater 4", "cotton rags, 70 min")]


def send(beater, note):
    try:
        return httpcore.Request("POST", "http://127.0.0.1:18487/beatings", headers={"X-Beater": beater, "X-Note": note})
    except TypeError as exc:
        raise BeaterLogError(f"beater log: {beater} could not be sent ({note!r})") from exc


print([send(b, n) for b, n in BEATINGS])
"""


def python(tmp: Path) -> None:
    put_bugs(tmp / LD, LD_BUGS)
    put_bugs(tmp / HC, HC_BUGS)
    (tmp / LD / "rag_tally.py").write_text(RAG_TALLY)
    (tmp / HC / "beater_log.py").write_text(BEATER_LOG)
    # warm mypy's caches here so that the agents' runs end within Codex's 30 s yield
    run(f"{VENV}/bin/mypy --strict httpcore beater_log.py >/dev/null 2>&1; true", cwd=tmp / HC, timeout=900)
    history(tmp, SRC, "ldap3", LD, ["ldap3/utils/dn.py", "ldap3/utils/conv.py", "ldap3/utils/uri.py"],
            [("Hester Sorter", "hester@example.org"), ("Ivor Boiler", "ivor@example.org"),
             ("Jenet Beater", "jenet@example.org")], 48714, 40, LD_BUGS)
    history(tmp, SRC, "httpcore", HC, ["httpcore/_models.py", "httpcore/_api.py"],
            [("Kezia Cutter", "kezia@example.org"), ("Lemuel Duster", "lemuel@example.org"),
             ("Mabyn Rag", "mabyn@example.org")], 48713, 40, HC_BUGS)


# round 290's module in rag room words: the words round 299's table replaces, in its order, each given a rag room's
# word here
RAG_WORDS = ["ragcutter", "rag room sums for the ragcutter (rag loads, beating rates, sorting charts)",
             "ragLoad", "beatToMs", "fibreBand", "baleLabel", "vatArea", "sortingChart", "sortingPlan",
             "No sorting planned", "unknown rag type", "linen", "cotton", "hemp", "jute",
             "`beater ${w + 1}", "seed = 48718",
             "'rag', 'SORT', 'bale', 'Tally', 'vat', 'duster', 'Knot', 'fibre', 'mill', 'BEATER', 'couch',\n"
             "  'trolley', 'hopper', 'Chest', 'boiler', 'felt'",
             "'Hester', 'Ivor', 'Jenet', 'Kezia', 'Lemuel', 'Mabyn', 'Hannah', 'Isaac', 'Judith', "
             "'Keturah', 'Lettice', 'Mercy'"]
assert len(RAG_WORDS) == len(m299.WAGGLE_NAMES)
RAG_NAMES = [(old, new) for (old, _), new in zip(m299.WAGGLE_NAMES, RAG_WORDS)]


def ragged(text: str) -> str:
    for old, new in RAG_NAMES:
        text = text.replace(old, new)
    return text


RC_BUGS = [(ragged(rel), ragged(old), ragged(new)) for rel, old, new in m290.PA_BUGS]


def js_project(tmp: Path) -> None:
    root = tmp / "ragcutter"
    nm = JS / "node_modules"
    for d in ("lib", "spec"):
        (root / d).mkdir(parents=True, exist_ok=True)
    run(f"ln -s {nm} node_modules", cwd=root)
    fixtures = ragged(m290.FIXTURES)
    assert "48718" in fixtures and "STOPPER" not in fixtures and "Branwen" not in fixtures
    write_tree(root, {"package.json": json.dumps({"name": "ragcutter", "version": "2.3.0", "type": "module",
                                                  "scripts": {"test": "node --test spec/"}}, indent=2) + "\n",
                      "fixtures.mjs": fixtures, "eslint.config.js": m290.ESLINT_CONFIG,
                      "lib/sorting-plan.js": ragged(m290.APP),
                      "lib/ragcutter.js": ragged(m290.HAWSEHOLE),
                      "lib/package.json": json.dumps({"type": "commonjs"}) + "\n", "tsconfig.json": m290.TSCONFIG})
    run("node fixtures.mjs && rm fixtures.mjs", cwd=root)
    put_bugs(root / "lib", RC_BUGS)


def ragboiler(text: str) -> str:
    return (text.replace("WEIRKEEPER", "RAGBOILER").replace("weirkeeper", "ragboiler").replace("weir", "beater_")
            .replace("sluice", "sorter").replace("gate_t", "sorter_t").replace("gates", "sorters")
            .replace("level_cm", "stuff_l").replace("tide", "boil"))


def c_project(tmp: Path) -> None:
    root = tmp / "ragboiler"
    rnd = random.Random(48712)
    files = {"src/ragboiler.h": ragboiler(n191.SKIFF_H), "src/sortings.c": ragboiler(n191.SKIFF_C)}
    for k in range(40):
        files[f"src/beater_{k:02d}.c"] = ragboiler(n191.gen_c(k, rnd))
    objs = " ".join(f"build/{Path(p).stem}.o" for p in files if p.endswith(".c"))
    files["Makefile"] = ("CC=gcc\nCFLAGS=-Wall -Wextra -O1 -Isrc\nOBJS=" + objs + "\n\nall: ragboiler\n\n"
                         "ragboiler: $(OBJS)\n\t$(CC) -o $@ $(OBJS)\n\nbuild/%.o: src/%.c src/ragboiler.h\n"
                         "\t@mkdir -p build\n\t$(CC) $(CFLAGS) -c $< -o $@\n\nclean:\n\trm -rf build ragboiler\n")
    write_tree(root, files)


def halfstuff(text: str) -> str:
    return (text.replace("plumbline", "halfstuff").replace("Plumb-line survey", "Half-stuff survey")
            .replace("offset_per_m", "fibre_per_vat").replace("station_penalty", "vat_penalty")
            .replace("readings", "beatings").replace("reading", "beating").replace("station", "vat"))


def rust(tmp: Path) -> None:
    root = tmp / "halfstuff"
    rnd = random.Random(48715)
    write_tree(root, {"Cargo.toml": halfstuff(n191.CARGO).replace("0.3.4", "0.7.2"),
                      "src/lib.rs": halfstuff(n191.LIB), "src/broken.rs": halfstuff(n191.BROKEN),
                      "src/beatings.rs": halfstuff(n191.gen_readings(rnd, 230))})


# round 273's words, then this round's: the Go module, its app and what they count
GO_RENAMES = (("kegtally", "ragsort"), ("casebook", "dusterbook"), ("ledger host", "mill host"),
              ("litres left, days", "bales left, days"), ("nothing left to pour", "nothing left to sort"),
              ("pour order", "sorting order"), ("pour grade", "rag grade"), ("Keg", "Bale"), ("keg", "bale"),
              ("Beer", "Rag"), ("beer", "rag"), ("Cellar", "Loft"), ("cellar", "loft"),
              ("Pints", "Pounds"), ("pints", "pounds"))
SL_RENAMES = tuple((o, n.replace("ragsort", "sortloft")) for o, n in GO_RENAMES)
RAGS = ["White linen", "Blue linen", "Fine cotton", "Seconds", "Hemp rope", "Sailcloth", "Fustian", "Calico",
        "Muslin", "Canvas", "Bagging", "Thirds"]
MILLS = ["Wookey Hole", "Maidstone", "Hollingbourne", "Ivybridge", "Laverstoke", "Hayle", "Kentmere", "Langcliffe",
         "Milton", "Horton Kirby", "Loose", "Iping"]


def go_module(tmp: Path) -> None:
    for name, renames, seed, names in (("ragsort", GO_RENAMES, 48710, RAGS),
                                       ("sortloft", SL_RENAMES, 48711, MILLS)):
        base = {"go.mod": g273.renamed(g273.GO_MOD, renames), "tally.go": g273.renamed(g273.TALLY_GO, renames)}
        write_tree(tmp / name, {**base, "tally_test.go": g273.gen_test(seed, 60, names, renames)})
        write_tree(tmp / f"{name}-vet", {**base, "vet.go": g273.renamed(g273.VET_GO, renames)})
        write_tree(tmp / f"{name}-build", {**base, "restock.go": g273.renamed(g273.BUILD_GO, renames)})
        assert "keg" not in (tmp / name / "tally.go").read_text().lower()


SHARE = "/usr/share/happy /usr/share/hlint /usr/share/lighttpd"


def data(tmp: Path) -> None:
    d = tmp / "data"
    d.mkdir()
    run(f"find {SHARE} -type f -printf '%h,%f,%s,%TY-%Tm-%Td\\n' | sort > share.body && "
        "(echo directory,file,bytes,modified; cat share.body) > share.csv && rm share.body", cwd=d)
    run("sqlite3 share.db '.mode csv' '.import share.csv share'", cwd=d)
    app_log(d / "ragroom.log", 48716, 2300, ["ragroom.sorters", "ragroom.boilers", "ragroom.api", "ragroom.bales"], {
        "INFO": lambda r: f"sorter {r.randint(1, 12)} graded bale {r.randint(100, 999)}: {r.randint(40, 300)} lb of {r.choice(['linen', 'cotton', 'hemp'])} rags in {r.randint(3, 25)} min",
        "DEBUG": lambda r: f"scale {r.randint(1, 6)} took {r.randint(2, 90)} ms",
        "WARNING": lambda r: f"boiler {r.randint(1, 4)} lye at {r.randint(2, 9)} % strength, {r.randint(1, 4)} points under the boiling limit",
        "ERROR": lambda r: f"rag cutter {r.randint(1, 5)} jammed on bale {r.randint(100, 999)} at {r.randint(20, 90)} % load"},
        8487, "2026-12-02")
    app_log(d / "beatertally.log", 48717, 2000, ["beatertally.vat", "beatertally.beater", "beatertally.api", "beatertally.db"], {
        "INFO": lambda r: f"beating {r.randint(1, 24)} closed: {r.randint(200, 900)} lb of half-stuff in {r.randint(40, 180)} min, grade {r.choice(['fine', 'middling', 'coarse', 'reject'])}",
        "DEBUG": lambda r: f"freeness sample {r.randint(1, 90)} took {r.randint(2, 70)} ms",
        "WARNING": lambda r: f"beater {r.randint(1, 6)} roll ran {r.randint(5, 40)} min past the beating schedule",
        "ERROR": lambda r: f"stuff pump {r.randint(1, 4)} lost prime on vat {r.randint(1, 8)} after {r.randint(1, 60)} gallons"},
        6487, "2026-12-03")


STEPS = [python, js_project, c_project, rust, go_module, data]
