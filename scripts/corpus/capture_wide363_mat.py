"""Round 363, the material both agents work in (no item is captured here): tablib's and tldextract's sdists with
bugs put in and a script each that runs their code wrongly, git histories built by committing their sources in steps
(capture_material.history), the hedgers project (round 290's hawsehole module, fixture generator, app file, eslint
config and tsconfig, imported from capture_wide290_mat, renamed through the words round 299's table replaces
(capture_wide299_mat.WAGGLE_NAMES's left-hand sides) with hedge-laying names and another seed), a C project
(`pleachers`) and a Rust crate (`binders`) from round 191's generators (capture_wide191_native, imported, renamed,
other seeds), a Go module (`hedgetally`) from round 273's generator (capture_wide273_go, imported, renamed, another
seed), a CSV and a sqlite table of this machine's documentation files and two application logs. Run through
capture_wide363.py."""

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
from capture_wide363 import JS, SRC, VENV

TB, TL = "tablib-3.10.0", "tldextract-5.4.0"

# tablib: a row is valid only when as wide as the dataset AND as wide as it less its dynamic columns; an empty column
# no longer accepted; add_formatter refuses a column index equal to the width.
TB_BUGS = [("src/tablib/core.py", "                    len(row) == self.width or\n",
            "                    len(row) == self.width and\n"),
           ("src/tablib/core.py", "            if len(col) < 1:", "            if len(col) < 0:"),
           ("src/tablib/core.py", "        if col is None or col <= self.width:",
            "        if col is None or col < self.width:")]
# tldextract: a leading '//' loses only one slash; an IPv6 host loses its closing bracket.
TL_BUGS = [("tldextract/remote.py", "        return url[2:]", "        return url[1:]"),
           ("tldextract/remote.py", '            return f"{maybe_ipv6[0]}]"', '            return f"{maybe_ipv6[0]}"')]

PLEACH_ROWS = r'''
import tablib


class PleachRowError(RuntimeError):
    pass


def pleached(row):
    return round(row[1] / row[2], 2)


def load_rows(rows):
    data = tablib.Dataset(headers=["hedge", "stakes", "metres"])
    data.append(("Long Lane pleach", 44, 22.0))
    data.append_col(pleached, header="stakes_per_metre")
    for n, row in enumerate(rows, 1):
        try:
            data.append(row)
        except tablib.InvalidDimensions as exc:
            raise PleachRowError(f"row {n} of {len(rows)} ({row[0]!r}) refused by a dataset {data.width} wide") from exc
    return data


print(load_rows([("Midland bullfinch", 60, 31.5), ("South of England", 38, 19.0)]).export("csv"))
'''

BINDER_HOSTS = r'''
import ipaddress

import tldextract


class BinderHostError(RuntimeError):
    pass


EXTRACT = tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None)


def binder_host(url):
    result = EXTRACT(url)
    try:
        if result.ipv6 or url.count("[") == 1:
            return ipaddress.IPv6Address(result.ipv6)
        return result.top_domain_under_public_suffix
    except ValueError as exc:
        raise BinderHostError(f"binder host {url!r} unreadable (domain {result.domain!r})") from exc


for url in ["https://hazel-binders.co.uk/stakes", "http://[2001:db8::17]:8080/heathering"]:
    print(binder_host(url))
'''


def python(tmp: Path) -> None:
    put_bugs(tmp / TB, TB_BUGS)
    put_bugs(tmp / TL, TL_BUGS)
    (tmp / TB / "pleach_rows.py").write_text(PLEACH_ROWS)
    (tmp / TL / "binder_hosts.py").write_text(BINDER_HOSTS)
    # warm mypy's caches here so that the agents' runs end within Codex's 30 s yield
    run(f"{VENV}/bin/mypy --strict tldextract tests binder_hosts.py >/dev/null 2>&1; true", cwd=tmp / TL, timeout=900)
    history(tmp, SRC, "tablib", TB, ["src/tablib/core.py", "tests/test_tablib.py"],
            [("Ambrose Pleacher", "ambrose@example.org"), ("Tamsin Heatherer", "tamsin@example.org"),
             ("Silas Crook", "silas@example.org")], 36310, 160, TB_BUGS)
    history(tmp, SRC, "tldextract", TL, ["tldextract/remote.py", "tldextract/tldextract.py", "tldextract/cache.py"],
            [("Wenna Hedgerow", "wenna@example.org"), ("Jabez Billhook", "jabez@example.org"),
             ("Mercy Binder", "mercy@example.org")], 36311, 40, TL_BUGS)


# round 290's hawsehole module in hedge-laying words: the words round 299's table replaces, in its order (the longer
# names first, so that no shorter one cuts into them), each given a hedge-laying word here
HEDGE_WORDS = ["hedgers", "hedge sums for the hedgers (pleacher lengths, lay rates, bind charts)",
               "pleacherLength", "layToMs", "growthBand", "stakeLabel", "hedgeArea", "bindChart", "layingPlan",
               "No laying planned", "unknown hedge style", "midland", "welsh", "devon", "southern",
               "`stretch ${w + 1}", "seed = 36313",
               "'pleacher', 'STAKE', 'binder', 'Heather', 'crook', 'brush', 'Hook', 'chain', 'heel', 'BANK', "
               "'stool',\n  'ditch', 'laying', 'Crop', 'spar', 'hazel'",
               "'Ambrose', 'Bethia', 'Cyprian', 'Damaris', 'Eli', 'Frideswide', 'Gamaliel', 'Huldah', 'Jabez', "
               "'Keturah', 'Mercy', 'Nehemiah'"]
assert len(HEDGE_WORDS) == len(m299.WAGGLE_NAMES)
HEDGE_NAMES = [(old, new) for (old, _), new in zip(m299.WAGGLE_NAMES, HEDGE_WORDS)]


def hedged(text: str) -> str:
    for old, new in HEDGE_NAMES:
        text = text.replace(old, new)
    return text


HG_BUGS = [(hedged(rel), hedged(old), hedged(new)) for rel, old, new in m290.PA_BUGS]


def js_project(tmp: Path) -> None:
    root = tmp / "hedgers"
    nm = JS / "node_modules"
    for d in ("lib", "spec"):
        (root / d).mkdir(parents=True, exist_ok=True)
    run(f"ln -s {nm} node_modules", cwd=root)
    fixtures = hedged(m290.FIXTURES)
    assert "36313" in fixtures and "STOPPER" not in fixtures and "Branwen" not in fixtures
    write_tree(root, {"package.json": json.dumps({"name": "hedgers", "version": "1.8.0", "type": "module",
                                                  "scripts": {"test": "node --test spec/"}}, indent=2) + "\n",
                      "fixtures.mjs": fixtures, "eslint.config.js": m290.ESLINT_CONFIG,
                      "lib/laying-plan.js": hedged(m290.APP),
                      "lib/hedgers.js": hedged(m290.HAWSEHOLE),
                      "lib/package.json": json.dumps({"type": "commonjs"}) + "\n", "tsconfig.json": m290.TSCONFIG})
    run("node fixtures.mjs && rm fixtures.mjs", cwd=root)
    for rel, old, new in HG_BUGS:
        f = root / "lib" / rel
        text = f.read_text()
        assert text.count(old) == 1, (rel, old)
        f.write_text(text.replace(old, new))


def pleachers(text: str) -> str:
    return (text.replace("WEIRKEEPER", "PLEACHERS").replace("weirkeeper", "pleachers").replace("weir", "stake")
            .replace("sluice", "binder").replace("gate_t", "binder_t").replace("gates", "binders")
            .replace("level_cm", "height_cm").replace("tide", "lay"))


def c_project(tmp: Path) -> None:
    root = tmp / "pleachers"
    rnd = random.Random(36312)
    files = {"src/pleachers.h": pleachers(n191.SKIFF_H), "src/lay.c": pleachers(n191.SKIFF_C)}
    for k in range(40):
        files[f"src/stake_{k:02d}.c"] = pleachers(n191.gen_c(k, rnd))
    objs = " ".join(f"build/{Path(p).stem}.o" for p in files if p.endswith(".c"))
    files["Makefile"] = ("CC=gcc\nCFLAGS=-Wall -Wextra -O1 -Isrc\nOBJS=" + objs + "\n\nall: pleachers\n\n"
                         "pleachers: $(OBJS)\n\t$(CC) -o $@ $(OBJS)\n\nbuild/%.o: src/%.c src/pleachers.h\n"
                         "\t@mkdir -p build\n\t$(CC) $(CFLAGS) -c $< -o $@\n\nclean:\n\trm -rf build pleachers\n")
    write_tree(root, files)


def binders(text: str) -> str:
    return (text.replace("plumbline", "binders").replace("Plumb-line survey", "Hedge binders")
            .replace("offset_per_m", "bind_per_m").replace("station_penalty", "stake_penalty")
            .replace("readings", "binds").replace("reading", "bind").replace("station", "stake"))


def rust(tmp: Path) -> None:
    root = tmp / "binders"
    rnd = random.Random(36315)
    write_tree(root, {"Cargo.toml": binders(n191.CARGO).replace("0.3.4", "0.6.2"), "src/lib.rs": binders(n191.LIB),
                      "src/broken.rs": binders(n191.BROKEN), "src/binds.rs": binders(n191.gen_readings(rnd, 230))})


# round 273's words, then this round's (rounds 344, 351 and 359 pass their own the same way): the Go module, its app
# and what they count; the hedge-plant names of the generated test table
GO_RENAMES = (("kegtally", "hedgetally"), ("casebook", "billhook"), ("ledger host", "hedge host"),
              ("litres left, days", "metres left, days"), ("nothing left to pour", "nothing left to lay"),
              ("pour order", "lay order"), ("pour grade", "hedge grade"), ("Keg", "Hedge"), ("keg", "hedge"),
              ("Beer", "Plant"), ("beer", "plant"), ("Cellar", "Field"), ("cellar", "field"),
              ("Pints", "Stakes"), ("pints", "stakes"))
PLANTS = ["Hawthorn Pleacher", "Blackthorn Heel", "Hazel Stake", "Field Maple", "Dogwood Brush", "Holly Crop",
          "Spindle Binder", "Guelder Rose", "Crab Apple", "Wild Privet", "Elder Stool", "Dog Rose"]


def go_module(tmp: Path) -> None:
    base = {"go.mod": g273.renamed(g273.GO_MOD, GO_RENAMES), "tally.go": g273.renamed(g273.TALLY_GO, GO_RENAMES)}
    write_tree(tmp / "hedgetally", {**base, "tally_test.go": g273.gen_test(36318, 60, PLANTS, GO_RENAMES)})
    write_tree(tmp / "hedgetally-vet", {**base, "vet.go": g273.renamed(g273.VET_GO, GO_RENAMES)})
    write_tree(tmp / "hedgetally-build", {**base, "restock.go": g273.renamed(g273.BUILD_GO, GO_RENAMES)})
    for d in ("hedgetally", "hedgetally-vet", "hedgetally-build"):
        assert "keg" not in (tmp / d / "tally.go").read_text().lower()


def data(tmp: Path) -> None:
    d = tmp / "data"
    d.mkdir()
    run("find /usr/share/doc -type f -printf '%h,%f,%s,%TY-%Tm-%Td\\n' | sort > docs.body && "
        "(echo directory,file,bytes,modified; cat docs.body) > docs.csv && rm docs.body", cwd=d)
    run("sqlite3 docs.db '.mode csv' '.import docs.csv docs'", cwd=d)
    app_log(d / "pleaching.log", 36314, 2300, ["pleaching.hedge", "pleaching.stake", "pleaching.api", "pleaching.crew"], {
        "INFO": lambda r: f"stretch {r.randint(1, 40)} laid: {r.randint(2, 30)} pleachers, {r.randint(1, 9)} binders in {r.randint(20, 240)} min",
        "DEBUG": lambda r: f"stake spacing check {r.randint(1, 60)} took {r.randint(2, 90)} ms",
        "WARNING": lambda r: f"pleacher {r.randint(1, 40)} cut {r.randint(30, 90)} percent through its heel",
        "ERROR": lambda r: f"stake {r.randint(1, 12)} snapped after {r.randint(20, 300)} m at stretch {r.randint(1, 9)}"},
        8363, "2026-12-01")
    app_log(d / "heathering.log", 36316, 2000, ["heathering.binder", "heathering.crop", "heathering.api", "heathering.db"], {
        "INFO": lambda r: f"binder {r.randint(1, 30)} woven on stretch {r.randint(1, 7)}: {r.randint(8, 60)} stakes in {r.randint(8, 40)} min",
        "DEBUG": lambda r: f"hazel rod count {r.randint(1, 90)} took {r.randint(2, 70)} ms",
        "WARNING": lambda r: f"crop {r.randint(1, 6)} trimmed {r.randint(35, 44)} cm short at stretch {r.randint(1, 4)}",
        "ERROR": lambda r: f"binder {r.randint(1, 40)} sprang loose at stretch {r.randint(1, 6)} stake {r.randint(2, 12)}"},
        6363, "2026-12-02")


STEPS = [python, js_project, c_project, rust, go_module, data]
