#!/usr/bin/env python3
"""Round 549: no new rules: second samples of round 542's kinds (doit run / list --status / info, poe run and
tasks, taskipy --list, pypyr run, graphql-core validate and breaking changes, graphql-schema-linter, openapi-core
validate, voluptuous and msgspec errors) on a carrier's depot (`carriersdepot`, seeds 54910+: drays, stables,
carters, consignments) with faults other than round 542's. Every extractor is round 542's, imported by function.
See NEEDLES.md, round 549.

Usage:   .venv/bin/python scripts/corpus/capture_wide549.py
Writes:  scripts/corpus/data/wide549.json, ids prefixed "wide549-".
Tools:   PyPI doit, poethepoet, taskipy, pypyr, graphql-core, voluptuous, msgspec, openapi-core in the venv
         /dev/shm/hm-corpus-wide549/venv, the npm graphql-schema-linter in /dev/shm/hm-corpus-wide549/js (made once).
         No server is started.
"""
from __future__ import annotations

import json
import random
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402
import capture_wide542 as r542  # noqa: E402  (the extractors of every kind here)

ROOT = Path("/dev/shm/hm-corpus-wide549")
TMP = Path("/dev/shm/hm-corpus-wide549-run")
VENV = ROOT / "venv"
JS = ROOT / "js"
PY = VENV / "bin" / "python"
OUT = HERE / "data" / "wide549.json"
SEED = 54910
S = cm.Sized(400, 120_000)

# the extractors, round 542's, imported by function (no rule is written or changed here)
n_doit_run, n_doit_list, n_doit_info = r542.n_doit_run, r542.n_doit_list, r542.n_doit_info
n_poe_run, n_poe_tasks, n_taskipy_list = r542.n_poe_run, r542.n_poe_tasks, r542.n_taskipy_list
n_pypyr = r542.n_pypyr
n_gql_validate, n_gql_breaking, n_gql_linter = r542.n_gql_validate, r542.n_gql_breaking, r542.n_gql_linter
n_openapi_core, n_voluptuous, n_msgspec = r542.n_openapi_core, r542.n_voluptuous, r542.n_msgspec

# ================================================================== material (seeds 54910+)

DEPOTS = ["Pickfords Wharf", "Bull Yard", "Cross Keys", "Swan With Two Necks", "Castle Yard", "Bell Savage",
          "Goose and Gridiron", "Three Cups", "King's Arms Yard", "Oxford Arms"]
ROUNDS = ["Aldgate", "Bankside", "Bishopsgate", "Borough", "Clerkenwell", "Cornhill", "Eastcheap", "Holborn",
          "Limehouse", "Moorfields", "Poplar", "Queenhithe", "Shadwell", "Smithfield", "Southwark", "Stepney",
          "Vauxhall", "Wapping", "Whitechapel", "Woolwich"]
CARTERS = ["Hobbs", "Pratt", "Dando", "Budge", "Tilley", "Scroggs", "Mullins", "Crabbe", "Nokes", "Pettigrew",
           "Stubbs", "Gedge", "Hurlock", "Snape", "Tibbs", "Wackett", "Yeoman", "Lumb", "Cheeseman", "Dorking"]
HORSES = ["shire", "suffolk", "clydesdale", "percheron", "cob", "vanner"]
GOODS = ["hops", "coal", "timber", "flour", "tallow", "bricks", "barrels", "bales", "hides", "slates"]
STABLES = ["NORTH", "SOUTH", "EAST", "WEST", "MEWS", "LOFT"]
WORDS = ["dray", "stable", "carter", "harness", "weighbridge", "tailboard", "nosebag", "drayman", "brake", "axle"]


def slug(s: str) -> str:
    return re.sub(r"[^a-z0-9]+", "_", s.lower()).strip("_")


def loop(files: list[str], cmd: str) -> str:
    return f'for f in {" ".join(files)}; do echo "== $f"; {cmd}; done'


# ---- doit

def dodo(rng: random.Random, n: int, faults: float) -> str:
    out = ["import random", "", "DOIT_CONFIG = {'verbosity': 2, 'continue': True}", "",
           "def weigh(dray, cwt):", "    limit = 30",
           "    print(f'{dray}: weighing {cwt} cwt on the weighbridge')",
           "    if cwt > limit:",
           "        raise ValueError(f'load of {cwt} cwt is over the {dray} dray limit of {limit} cwt')",
           "    return True", ""]
    failing_targets: list[str] = []
    for i in range(n):
        rd = slug(rng.choice(ROUNDS))
        name = f"{rng.choice(['load', 'harness', 'stable', 'weigh', 'manifest', 'shoe'])}_{rd}_{i:03d}"
        dray = f"D{rng.randint(100, 999)}"
        doc = f'"""Carter {rng.choice(CARTERS)} {name.split("_")[0]}s dray {dray} for the {rd.title()} round."""'
        r = rng.random()
        if r < faults * 0.2:
            act = f"'actions': ['drayctl weigh --dray {dray} --round {rd}']"
        elif r < faults * 0.4:
            act = f"'actions': [(weigh, ['{dray}', {rng.randint(31, 60)}])]"
        elif r < faults * 0.55:
            act = "'actions': [lambda: 42]"
        elif r < faults * 0.75:
            act = (f"'actions': ['echo \"loading {dray} for {rd}\"; echo \"{rng.choice(WORDS)} fault on {dray}: "
                   f"tailboard will not close\" >&2; exit {rng.randint(2, 6)}'], 'targets': ['out/manifest_{i}.txt']")
            failing_targets.append(f"out/manifest_{i}.txt")
        elif r < faults and failing_targets:
            act = (f"'actions': ['cat {failing_targets[-1]} > out/{name}.txt'], "
                   f"'file_dep': ['{failing_targets[-1]}'], 'targets': ['out/{name}.txt']")
        else:
            k = rng.randint(1, 4)
            act = ("'actions': [" + ", ".join(
                f"'echo {rng.choice(CARTERS)}: {rng.randint(2, 40)} cwt of {rng.choice(GOODS)} on {dray}, "
                f"{rng.choice(HORSES)} in the shafts'" for _ in range(k))
                + f", 'touch out/{name}.txt'], 'targets': ['out/{name}.txt'], 'uptodate': [{rng.random() < 0.8}]")
        out += [f"def task_{name}():", f"    {doc}", "    return {" + act + "}", ""]
    return "\n".join(out) + "\n"


def step_doit(tmp: Path) -> None:
    rng = random.Random(SEED + 1)
    for label, n, faults in [("s", 16, 0.45), ("m", 70, 0.3), ("l", 260, 0.18)]:
        d = tmp / f"doit-{label}"
        d.mkdir()
        (d / "dodo.py").write_text(dodo(rng, n, faults))
        (d / "out").mkdir()
        S.cap(f"doit-run-{label}", "doit", d, n_doit_run, timeout=300)
        names = re.findall(r"^def task_(\w+)", (d / "dodo.py").read_text(), re.M)
        # two ignored rows: rule 4 names a status held by at most 2 rows
        cm.run(f"doit forget {names[0]}; doit ignore {names[-2]} {names[-5]}", cwd=d, timeout=60)
        if label != "s":  # the round keeps to 45 items
            S.cap(f"doit-list-status-{label}", "doit list --all --status", d, n_doit_list, timeout=120)
    d = tmp / "doit-l"
    text = (d / "dodo.py").read_text()
    names = re.findall(r"^def task_(\w+)", text, re.M)
    blocks = dict(zip(names, text.split("\ndef task_")[1:]))
    picks = ([n for n in names if "file_dep" in blocks[n]][:3] + [n for n in names if "manifest_" in blocks[n]
             and "exit" in blocks[n]][:2] + [n for n in names if "touch" in blocks[n]][:3])
    S.cap("doit-info-loop", loop(picks, 'doit info "$f"'), d, n_doit_info, timeout=180)


# ---- poe / taskipy

DEPOT_PY = '''import random, sys
def weigh(dray="D100", loads=6):
    rng = random.Random(dray)
    total = 0
    for k in range(int(loads)):
        cwt = rng.randint(3, 9)
        total += cwt
        print(f"{dray}: load {k} of {rng.choice(['hops', 'coal', 'flour', 'bricks'])}, {cwt} cwt (total {total})")
    if total > 30:
        raise ValueError(f"{dray} carries {total} cwt, over the weighbridge limit of 30 cwt")
if __name__ == "__main__":
    name, n = sys.argv[1], int(sys.argv[2])
    rng = random.Random(name)
    for i in range(n):
        print(f"{name}: consignment {i} {rng.choice(['crate', 'barrel', 'bale'])} to {rng.choice(['Wapping', 'Poplar', 'Borough'])}, "
              f"carter {rng.choice(['Hobbs', 'Budge', 'Nokes'])}, {rng.randint(1, 12)} cwt")
'''


def pyproject(rng: random.Random, n: int) -> str:
    poe, tip, names, bad = [], [], [], []
    for i in range(n):
        rd = slug(rng.choice(ROUNDS))
        nm = f"{rng.choice(['round', 'stable', 'manifest', 'harness', 'weighbridge'])}-{rd}-{i}"
        help_ = f"Carter {rng.choice(CARTERS)}'s {nm.split('-')[0]} work for the {rd.title()} round"
        r = rng.random()
        if r < 0.08:
            poe.append(f'"{nm}" = {{ shell = "python3 depot.py {nm} {rng.randint(2, 12)} && echo \'weighbridge '
                       f'reads over on {nm}\' >&2 && exit 5", help = "{help_}" }}')
            bad.append(nm)
        elif r < 0.14:
            poe.append(f'"{nm}" = {{ cmd = "drayctl book {nm}", help = "{help_}" }}')
            bad.append(nm)
        elif r < 0.2:
            poe.append(f'"{nm}" = {{ script = "depot:weigh(dray=\'D{i:03d}\', loads={rng.randint(6, 9)})", '
                       f'help = "{help_}" }}')
            bad.append(nm)
        elif r < 0.26:
            poe.append(f'"{nm}" = {{ script = "depot:weigh(dray=\'D{i:03d}\', loads={rng.randint(1, 3)})", '
                       f'help = "{help_}" }}')
        else:
            poe.append(f'"{nm}" = {{ cmd = "python3 depot.py {nm} {rng.randint(2, 25)}", help = "{help_}" }}')
        names.append(nm)
        if rng.random() < 0.5:
            tip.append(f'"{nm}" = {{ cmd = "python3 depot.py {nm} {rng.randint(2, 25)}", help = "{help_}" }}')
        else:
            tip.append(f'"{nm}" = "python3 depot.py {nm} {rng.randint(2, 25)}"')
        if rng.random() < 0.15:
            tip.append(f'"pre_{nm}" = "echo harnessing for {nm}"')
    poe.append('"round-sheet" = { cmd = "python3 depot.py ${round} 4", help = "Print a round sheet", '
               'args = [{ name = "round", help = "the round", required = true }] }')
    for k in range(max(3, n // 7)):
        seq = rng.sample(names, min(len(names), rng.randint(3, 6)))
        if k < 3 and bad:  # the first relays hold a failing task
            seq[-1] = rng.choice(bad)
        poe.append(f'"relay-{k}" = {{ sequence = [{", ".join(json.dumps(s) for s in seq)}], '
                   f'help = "Send {len(seq)} drays out in turn" }}')
    body = ['[project]', 'name = "carriersdepot"', 'version = "0.5.49"', '', '[tool.poe.tasks]'] + poe + \
           ['', '[tool.taskipy.tasks]'] + tip
    return "\n".join(body) + "\n"


def step_poe(tmp: Path) -> None:
    rng = random.Random(SEED + 2)
    for label, n in [("s", 14), ("m", 45), ("l", 160)]:
        d = tmp / f"poe-{label}"
        d.mkdir()
        (d / "pyproject.toml").write_text(pyproject(rng, n))
        (d / "depot.py").write_text(DEPOT_PY)
        S.cap(f"poe-tasks-{label}", "poe", d, n_poe_tasks, timeout=60)
        S.cap(f"taskipy-list-{label}", "task --list", d, n_taskipy_list, timeout=60)
    for label in ("s", "l"):
        d = tmp / f"poe-{label}"
        for r in ("relay-0", "relay-1"):
            S.cap(f"poe-run-{label}-{r}", f"poe {r}", d, n_poe_run, timeout=120)
    d = tmp / "poe-m"
    text = (d / "pyproject.toml").read_text()
    for what, pat in [("shell", r'^"([^"]+)" = \{ shell'), ("nocmd", r'^"([^"]+)" = \{ cmd = "drayctl'),
                      ("script", r'^"([^"]+)" = \{ script = "depot:weigh\(dray=\'D\d+\', loads=[6-9]')]:
        found = re.findall(pat, text, re.M)
        if found:
            S.cap(f"poe-run-{what}", f"poe -v {found[0]}", d, n_poe_run, timeout=60)
    S.cap("poe-run-noarg", "poe round-sheet; poe round-sheet --round wapping", d, n_poe_run, timeout=60)


# ---- pypyr

def pipeline(rng: random.Random, drays: list[str], fault: str) -> str:
    out = ["context_parser: pypyr.parser.keyvaluepairs", "steps:",
           "  - name: pypyr.steps.default", "    in:", "      defaults:", f"        depot: {rng.choice(DEPOTS)}",
           f"        drays: [{', '.join(drays)}]", f"        foreman: {rng.choice(CARTERS)}", "        done: False",
           "  - name: pypyr.steps.echo", "    in:", "      echoMe: 'The {depot} yard opens, foreman {foreman}'",
           "  - name: pypyr.steps.echo", "    foreach: '{drays}'", "    in:",
           "      echoMe: 'Harnessing dray {i}: nosebag on, tailboard up'"]
    if fault == "swallow":
        out += ["  - name: pypyr.steps.cmd", "    foreach: '{drays}'", "    swallow: True", "    in:",
                "      cmd: python3 weigh.py {i}"]
    else:
        out += ["  - name: pypyr.steps.cmd", "    foreach: '{drays}'", "    in:",
                "      cmd: echo 'dray {i} weighed and out of the yard'"]
    if fault == "py":
        out += ["  - name: pypyr.steps.py", "    in:",
                "      py: |", "        loads = [int(x) for x in '12 9'.split()]",
                "        per_horse = sum(loads) / (len(loads) - 2)"]
    elif fault == "while":
        out += ["  - name: pypyr.steps.cmd", "    while:", "      max: 4", "      stop: '{done}'",
                "      errorOnMax: True", "    in:", "      cmd: echo 'waiting on the weighbridge'"]
    elif fault == "fetch":
        out += ["  - name: pypyr.steps.fetchjson", "    in:", "      fetchJson:",
                "        path: manifests/night-round.json"]
    elif fault == "pype":
        out += ["  - name: pypyr.steps.pype", "    in:", "      pype:", "        name: night-round"]
    out += ["  - name: pypyr.steps.echo", "    in:", "      echoMe: 'Yard shut at {depot}'"]
    return "\n".join(out) + "\n"


WEIGH_PY = '''import sys, zlib
d = sys.argv[1]
cwt = zlib.crc32(d.encode()) % 45
print(f"{d}: {cwt} cwt on the weighbridge")
if cwt > 36:
    print(f"{d}: overloaded by {cwt - 36} cwt, axle will not bear it", file=sys.stderr)
    sys.exit(1)
'''


def step_pypyr(tmp: Path) -> None:
    rng = random.Random(SEED + 3)
    d = tmp / "pypyr"
    d.mkdir()
    (d / "weigh.py").write_text(WEIGH_PY)
    for nm, n, fault in [("py", 6, "py"), ("while", 5, "while"), ("fetch", 8, "fetch"), ("pype", 4, "pype"),
                         ("swallow", 30, "swallow"), ("long", 230, "swallow")]:
        drays = [f"D{rng.randint(100, 999)}" for _ in range(n)]
        (d / f"{nm}.yaml").write_text(pipeline(rng, drays, fault))
    (d / "badyaml.yaml").write_text((d / "py.yaml").read_text().replace("    in:\n      echoMe", "    in:\n\techoMe", 1))
    S.cap("pypyr-py", "pypyr py", d, n_pypyr, timeout=60)
    S.cap("pypyr-while-log20", "pypyr while --log 20", d, n_pypyr, timeout=60)
    S.cap("pypyr-fetch", "pypyr fetch --log 20", d, n_pypyr, timeout=60)
    S.cap("pypyr-pype", "pypyr pype", d, n_pypyr, timeout=60)
    S.cap("pypyr-swallow", "pypyr swallow --log 20", d, n_pypyr, timeout=120)
    S.cap("pypyr-long", "pypyr long --log 20", d, n_pypyr, timeout=300)
    # without --log 10 the run prints 185 characters (under the size rule)
    S.cap("pypyr-badyaml-log10", "pypyr badyaml --log 10", d, n_pypyr, timeout=60)


# ---- GraphQL

def gql_schema(rng: random.Random, n_types: int, v2: bool = False) -> str:
    out = ['"""The depot\'s yard, stables and books."""', "scalar DateTime", "",
           "enum Stable {", *[f"  {s}" for s in STABLES + (["PADDOCK"] if v2 else [])], "}", "",
           "interface Vehicle {", "  id: ID!", "  capacity: Int!", "}", "",
           '"""A horse-drawn dray."""', "type Dray implements Vehicle {", "  id: ID!", "  capacity: Int!",
           "  horses: [Horse!]!", "  carter: Carter" if not v2 else "", "}", "",
           ("type Van implements Vehicle {" if not v2 else "type Van {"), "  id: ID!", "  capacity: Int!",
           "  covered: Boolean", "}", "",
           "type Horse {", "  name: String!", "  breed: String", "  stable: Stable!", "  hands: " +
           ("Int" if v2 else "Float"), "}", "",
           "type Carter {", "  id: ID!", "  name: String!", "  licence: String", "}", "",
           "type Parcel {", "  id: ID!", "  weight: Float!", "}", "type Crate {", "  id: ID!", "  weight: Float!",
           "}", "type Barrel {", "  id: ID!", "  gallons: Int!", "}",
           "union Load = Parcel | Crate" + ("" if v2 else " | Barrel"), "",
           "input ConsignmentInput {", "  sender: String!", "  weight: Float!", "  round: String",
           *(["  insured: Boolean!"] if v2 else []), "}", ""]
    for i in range(n_types):
        rd = ROUNDS[i % len(ROUNDS)] + (str(i // len(ROUNDS)) if i >= len(ROUNDS) else "")
        doc = f'"""The {rd} round."""' if rng.random() < 0.55 else ""
        fields = ["  id: ID!", "  miles: " + ("String" if v2 and i % 6 == 3 else "Int!"), "  drays: [Dray!]!",
                  "  foreman: Carter", f"  loads(since: DateTime, limit: Int{' = 5' if v2 and i % 4 == 0 else ''}"
                  f"{', covered: Boolean' if v2 and i % 5 == 1 else ''}): [Load!]!"]
        if not (v2 and i % 4 == 2):
            fields.append("  depot: String")
        out += [doc, f"type Round{i} {{", *fields, "}", ""]
    out += ["type Query {", "  dray(id: ID!): Dray", "  vehicles(stable: Stable, limit: Int = " +
            ("25" if v2 else "10") + "): [Vehicle!]!",
            *[f"  round{i}(date: String!): Round{i}" for i in range(n_types) if not (v2 and i % 7 == 3)],
            "  search(term: String!): [Load!]!", "}", "",
            "type Mutation {", "  book(input: ConsignmentInput!): Parcel",
            "  shoe(horse: String!, stable: Stable" + ("!" if v2 else "") + "): Horse", "}"]
    return "\n".join(x for x in out) + "\n"


def gql_query(rng: random.Random, n_types: int, i: int, fault: bool) -> str:
    k = rng.randrange(n_types)
    sel = ["id", "miles", "foreman { name licence }", "drays { id capacity horses { name breed stable } }"]
    head, arg, extra = f"query Round{i}", '(date: "1849-05-0' + str(1 + i % 9) + '")', ""
    if fault:
        f = rng.choice(["noarg", "undefvar", "literal", "directive", "alias", "cycle", "anon", "sub", "dupop"])
        if f == "noarg":
            arg = ""
        elif f == "undefvar":
            arg = "(date: $when)"
        elif f == "literal":
            return f'query Vehicles{i} {{ vehicles(stable: NORTH, limit: "ten") {{ id capacity }} }}\n'
        elif f == "directive":
            sel[1] = "miles @cached(ttl: 60)"
        elif f == "alias":
            sel.append("miles: depot")
        elif f == "cycle":
            return (f"query Dray{i} {{ dray(id: \"D{i:03d}\") {{ ...DrayBits }} }}\n"
                    "fragment DrayBits on Dray { id carter { id } horses { name } ...MoreBits }\n"
                    "fragment MoreBits on Dray { capacity ...DrayBits }\n")
        elif f == "anon":
            extra = "{ search(term: \"hops\") { ... on Parcel { id weight } } }\n"
        elif f == "sub":
            return f"subscription Arrivals{i} {{ dray(id: \"D{i:03d}\") {{ id }} }}\n"
        elif f == "dupop":
            extra = f"query Round{i} {{ round{k}(date: \"1849-06-01\") {{ id }} }}\n"
    return (f"{head} {{\n  round{k}{arg} {{\n    " + "\n    ".join(sel) + "\n  }\n}\n" + extra)


def step_graphql(tmp: Path) -> None:
    rng = random.Random(SEED + 4)
    d = tmp / "gql"
    (d / "queries").mkdir(parents=True)
    (d / "validate.py").write_text(r542.VALIDATE)
    (d / "breaking.py").write_text(r542.BREAKING)
    for label, n in [("s", 8), ("m", 30), ("l", 140)]:
        (d / f"schema-{label}.graphql").write_text(gql_schema(random.Random(SEED + 40 + n), n))
        (d / f"schema-{label}-v2.graphql").write_text(gql_schema(random.Random(SEED + 40 + n), n, v2=True))
    files = []
    for i in range(420):
        p = d / "queries" / f"{slug(rng.choice(ROUNDS))}_{i:03d}.graphql"
        p.write_text(gql_query(rng, 30, i, fault=rng.random() < 0.3))
        files.append(f"queries/{p.name}")
    py = str(PY)
    S.cap("gql-validate-15", f"{py} validate.py schema-m.graphql {' '.join(files[:15])}", d, n_gql_validate,
          timeout=120, typed=f"python validate.py schema-m.graphql {' '.join(files[:15])}")
    S.cap("gql-validate-140", f"{py} validate.py schema-m.graphql {' '.join(files[:140])}", d, n_gql_validate,
          timeout=120, typed="python validate.py schema-m.graphql queries/*.graphql  # first 140")
    S.cap("gql-validate-all", f"{py} validate.py schema-m.graphql queries/*.graphql", d, n_gql_validate,
          timeout=180, typed="python validate.py schema-m.graphql queries/*.graphql")
    for label in ("s", "m", "l"):
        S.cap(f"gql-breaking-{label}", f"{py} breaking.py schema-{label}.graphql schema-{label}-v2.graphql", d,
              n_gql_breaking, timeout=120,
              typed=f"python breaking.py schema-{label}.graphql schema-{label}-v2.graphql")
    typed = "graphql-schema-linter schema-s.graphql"
    S.cap("gql-linter-s", f"{typed} > lint-s.out 2>&1; cat lint-s.out", d, n_gql_linter, timeout=180, typed=typed)
    typed = "graphql-schema-linter --format compact schema-m-v2.graphql"
    S.cap("gql-linter-m2-compact", f"{typed} > lint-m.out 2>&1; cat lint-m.out", d, n_gql_linter, timeout=180,
          typed=typed)
    typed = ("graphql-schema-linter --rules fields-have-descriptions,types-are-capitalized,"
             "arguments-have-descriptions schema-s-v2.graphql")
    S.cap("gql-linter-s2-rules", f"{typed} > lint-s2.out 2>&1; cat lint-s2.out", d, n_gql_linter, timeout=180,
          typed=typed)
    typed = ("graphql-schema-linter --format compact --rules types-have-descriptions,defined-types-are-used,"
             "enum-values-all-caps,interface-fields-sorted-alphabetically schema-l.graphql")
    S.cap("gql-linter-l-rules", f"{typed} > lint-l.out 2>&1; cat lint-l.out", d, n_gql_linter, timeout=180,
          typed=typed)


# ---- OpenAPI

def openapi_spec() -> dict:
    parcel = {"type": "object", "required": ["crates"], "properties": {"crates": {"type": "integer", "minimum": 1}}}
    cask = {"type": "object", "required": ["barrels"], "properties": {"barrels": {"type": "integer", "minimum": 1}}}
    consignment = {"type": "object", "required": ["sender", "weight", "load"],
                   "properties": {"sender": {"type": "string", "maxLength": 24},
                                  "weight": {"type": "number", "minimum": 0, "maximum": 60},
                                  "round": {"type": "string", "enum": [slug(r) for r in ROUNDS]},
                                  "load": {"oneOf": [parcel, cask]},
                                  "harness": {"type": "array", "uniqueItems": True,
                                              "items": {"type": "string"}},
                                  "loaded_at": {"type": "string", "format": "date-time"}}}
    dray = {"type": "object", "required": ["id", "capacity", "carter"],
            "properties": {"id": {"type": "string", "pattern": "^D[0-9]{3}$"},
                           "capacity": {"type": "integer"}, "carter": {"type": "string"}}}
    key = {"name": "X-Depot-Key", "in": "header", "required": True,
           "schema": {"type": "string", "pattern": "^[A-Z]{3}-[0-9]{3}$"}}
    return {"openapi": "3.0.3", "info": {"title": "Carrier's depot consignments", "version": "5.49.0"},
            "servers": [{"url": "http://127.0.0.1:18549"}],
            "paths": {
                "/consignments": {"post": {"parameters": [key], "requestBody": {"required": True, "content": {
                    "application/json": {"schema": {"$ref": "#/components/schemas/Consignment"}}}},
                    "responses": {"201": {"description": "booked", "content": {"application/json": {
                        "schema": {"$ref": "#/components/schemas/Consignment"}}}}}}},
                "/drays/{dray_id}": {"get": {"parameters": [{"name": "dray_id", "in": "path", "required": True,
                                                             "schema": {"type": "string", "pattern": "^D[0-9]{3}$"}}],
                                             "responses": {"200": {"description": "a dray", "content": {
                                                 "application/json": {"schema": {"$ref": "#/components/schemas/Dray"}}}}}}},
                "/rounds": {"get": {"parameters": [{"name": "since", "in": "query", "required": True,
                                                    "schema": {"type": "string", "format": "date-time"}}],
                                    "responses": {"200": {"description": "rounds"}}}}},
            "components": {"schemas": {"Consignment": consignment, "Dray": dray}}}


OPENAPI_DRIVER = r542.OPENAPI_DRIVER.replace("18542", "18549").replace(
    'data=json.dumps(c["body"]).encode() if "body" in c else None)',
    'data=json.dumps(c["body"]).encode() if "body" in c else None, headers=c.get("headers"),\n'
    '                      content_type=c.get("content_type", "application/json"))')


def openapi_cases(rng: random.Random, n: int) -> list[dict]:
    cases = []
    for i in range(n):
        nm = f"{rng.choice(CARTERS)}-{i}"
        key = {"X-Depot-Key": f"PKF-{rng.randint(100, 999)}"}
        good = {"sender": f"{rng.choice(CARTERS)} & Sons", "weight": round(rng.uniform(1, 55), 1),
                "round": slug(rng.choice(ROUNDS)), "load": rng.choice([{"crates": rng.randint(1, 9)},
                                                                       {"barrels": rng.randint(1, 6)}]),
                "harness": ["collar", "hames"], "loaded_at": "1849-05-14T06:30:00Z"}
        r = rng.random()
        post = {"name": nm, "method": "post", "path": "/consignments", "headers": key}
        if r < 0.45:
            cases.append(dict(post, body=good))
        elif r < 0.52:
            cases.append(dict(post, headers={"X-Depot-Key": rng.choice(["pkf-12", "PICKFORDS"])}, body=good))
        elif r < 0.57:
            cases.append(dict(post, headers={}, body=good))
        elif r < 0.63:
            cases.append(dict(post, body=dict(good, load={"crates": 2, "barrels": 3})))
        elif r < 0.68:
            cases.append(dict(post, body=dict(good, harness=["collar", "collar", "breeching"])))
        elif r < 0.73:
            cases.append(dict(post, body=dict(good, sender="Messrs " + " ".join(rng.sample(CARTERS, 4)))))
        elif r < 0.77:
            cases.append(dict(post, body=dict(good, loaded_at="Tuesday at dawn")))
        elif r < 0.8:
            cases.append(dict(post, body=good, content_type="text/plain"))
        elif r < 0.87:
            did = rng.choice([f"D{rng.randint(100, 999)}", f"dray-{i}"])
            resp = {"id": did, "capacity": rng.randint(20, 60), "carter": rng.choice(CARTERS)}
            if rng.random() < 0.4:
                del resp["carter"]
            cases.append({"name": nm, "method": "get", "path": f"/drays/{did}", "response": resp,
                          "status": rng.choice([200, 200, 200, 404])})
        elif r < 0.93:
            cases.append({"name": nm, "method": "get", "path": "/rounds",
                          "args": rng.choice([{"since": "1849-05-14T06:30:00Z"}, {"since": "last week"}, {}])})
        else:
            cases.append({"name": nm, "method": "get", "path": f"/stables/{rng.choice(STABLES).lower()}"})
    return cases


def step_openapi(tmp: Path) -> None:
    rng = random.Random(SEED + 5)
    d = tmp / "openapi"
    d.mkdir()
    (d / "openapi.json").write_text(json.dumps(openapi_spec(), indent=2))
    (d / "check_api.py").write_text(OPENAPI_DRIVER)
    for label, n in [("s", 14), ("m", 90), ("l", 330)]:
        (d / f"cases-{label}.json").write_text(json.dumps(openapi_cases(rng, n), indent=1))
        S.cap(f"openapi-core-{label}", f"{PY} check_api.py openapi.json cases-{label}.json", d, n_openapi_core,
              timeout=240, typed=f"python check_api.py openapi.json cases-{label}.json")


# ---- voluptuous / msgspec

def records(rng: random.Random, n: int) -> list[dict]:
    out = []
    for i in range(n):
        rec = {"id": f"D{rng.randint(100, 999)}", "stable": rng.choice(STABLES).lower(),
               "carter": rng.choice(CARTERS), "capacity": rng.randint(20, 60),
               "loaded_at": f"1849-05-{rng.randint(10, 28)}T0{rng.randint(5, 9)}:15:00",
               "consignments": [{"type": rng.choice(["crate", "barrel"]), "goods": rng.choice(GOODS),
                                 "cwt": rng.randint(1, 20)} for _ in range(rng.randint(1, 3))],
               "horses": rng.sample(HORSES, 2)}
        if rng.random() < 0.3:
            f = rng.choice(["id", "capacity", "loaded_at", "both", "cwt", "type", "horses", "stable"])
            if f == "id":
                rec["id"] = rng.choice(["dray 4", "D12", "d450"])
            elif f == "capacity":
                rec["capacity"] = rng.choice(["forty", "a great many", 90])
            elif f == "loaded_at":
                rec["loaded_at"] = rng.choice(["dawn", "14/05/1849"])
            elif f == "both":
                rec["driver"] = rng.choice(CARTERS)
            elif f == "cwt":
                rec["consignments"][0]["cwt"] = rng.choice([0, 45, "heavy"])
            elif f == "type":
                rec["consignments"][-1]["type"] = "hamper"
            elif f == "horses":
                rec["horses"] = rng.choice([[], HORSES[:5]])
            else:
                rec["stable"] = "paddock"
        out.append(rec)
    return out


VOL_DRIVER = '''import json, sys
from voluptuous import (All, Any, Coerce, Datetime, Exclusive, In, Length, Match, MultipleInvalid, Range, Required,
                        Schema)
schema = Schema({Required("id"): Match(r"^D[0-9]{3}$"), Required("stable"): In(%r),
                 Exclusive("carter", "who"): str, Exclusive("driver", "who"): str,
                 Required("capacity"): All(Coerce(int), Range(min=10, max=60)),
                 Required("loaded_at"): Datetime(format="%%Y-%%m-%%dT%%H:%%M:%%S"),
                 Required("consignments"): [{Required("type"): In(["crate", "barrel"]), Required("goods"): str,
                                             Required("cwt"): All(int, Range(min=1, max=30))}],
                 Required("horses"): All([str], Length(min=1, max=4))})
recs = json.load(open(sys.argv[1]))
bad = 0
for r in recs:
    try:
        schema(r)
    except MultipleInvalid as e:
        bad += 1
        print(f"record {r.get('id')} ({r.get('stable')}): {len(e.errors)} error(s)")
        for err in e.errors:
            print(f"  {err}")
print(f"{len(recs)} records checked, {bad} invalid")
''' % ([s.lower() for s in STABLES],)

MSG_DRIVER = '''import json, sys
from datetime import datetime
from typing import Annotated, Literal, Union
import msgspec
from msgspec import Meta
class Crate(msgspec.Struct, tag="crate"):
    goods: str
    cwt: Annotated[int, Meta(ge=1, le=30)]
class Barrel(msgspec.Struct, tag="barrel"):
    goods: str
    cwt: Annotated[int, Meta(ge=1, le=30)]
class Dray(msgspec.Struct):
    id: Annotated[str, Meta(pattern="^D[0-9]{3}$")]
    stable: Literal[%s]
    capacity: Annotated[int, Meta(ge=10, le=60)]
    loaded_at: datetime
    consignments: list[Union[Crate, Barrel]]
    horses: Annotated[list[str], Meta(min_length=1, max_length=4)]
    carter: str = ""
    driver: str = ""
raw = json.load(open(sys.argv[1]))
bad = 0
for r in raw:
    try:
        msgspec.json.decode(json.dumps(r).encode(), type=Dray)
    except msgspec.ValidationError as e:
        bad += 1
        print(f"record {r.get('id')} ({r.get('stable')}): {e}")
print(f"{len(raw)} records checked, {bad} invalid")
if "--all" in sys.argv:
    msgspec.json.decode(open(sys.argv[1], "rb").read(), type=list[Dray])
''' % (", ".join(json.dumps(s.lower()) for s in STABLES),)


def step_schemas(tmp: Path) -> None:
    rng = random.Random(SEED + 6)
    d = tmp / "records"
    d.mkdir()
    (d / "check_vol.py").write_text(VOL_DRIVER)
    (d / "check_msgspec.py").write_text(MSG_DRIVER)
    for label, n in [("s", 24), ("m", 200), ("l", 1100)]:
        (d / f"drays-{label}.json").write_text(json.dumps(records(rng, n)))
    for label in ("s", "m", "l"):
        S.cap(f"voluptuous-{label}", f"{PY} check_vol.py drays-{label}.json", d, n_voluptuous, timeout=120,
              typed=f"python check_vol.py drays-{label}.json")
        S.cap(f"msgspec-{label}", f"{PY} check_msgspec.py drays-{label}.json" + (" --all" if label != "l" else ""),
              d, n_msgspec, timeout=120,
              typed=f"python check_msgspec.py drays-{label}.json" + (" --all" if label != "l" else ""))


def step_check(tmp: Path) -> None:
    """Drop (loudly) any item the rule gave no needle; check every needle again on the cleaned lines."""
    from capture_data import clean_lines, split_of
    for it in list(cm.ITEMS):
        if not it["needles"]:
            cm.note(f"drop {it['id']}: no needles")
            cm.ITEMS.remove(it)
            continue
        lines = clean_lines(it["text"])
        assert 400 <= len(it["text"]) <= 120_000 and it["split"] == split_of(it["id"])
        for n in it["needles"]:
            alts = n["any"] if isinstance(n, dict) else [n]
            assert any(len(s) <= 200 and any(s in ln for ln in lines) for s in alts), (it["id"], n)


def ensure_tools() -> None:
    cm.install_venv(VENV, "pypyr", ["doit", "poethepoet", "taskipy", "pypyr", "graphql-core", "voluptuous", "msgspec",
                                    "openapi-core"])
    cm.install_npm(JS, "graphql-schema-linter", ["graphql-schema-linter", "graphql"])
    cm.PATH_PREFIX[:0] = [str(VENV / "bin"), str(JS / "node_modules" / ".bin")]


def steps():
    return [step_doit, step_poe, step_pypyr, step_graphql, step_openapi, step_schemas, step_check]


if __name__ == "__main__":
    cm.capture_round(__doc__, ensure_tools, steps, "wide549-", OUT, TMP, bands=(4_000, 20_000))
