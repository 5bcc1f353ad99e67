#!/usr/bin/env python3
"""Round 542: Python task runners, a pipeline runner, GraphQL and OpenAPI checks and schema-validation errors new to
the corpus (doit run / list --status / info, poe, taskipy --list, pypyr, graphql-core validate and breaking changes,
graphql-schema-linter, openapi-core request/response validation, voluptuous and msgspec errors) on a stage coach inn's
yard and books (`coachinn`, seed 54210: ostlers, post-boys, teams) with faults put in. See NEEDLES.md, round 542.

Usage:   .venv/bin/python scripts/corpus/capture_wide542.py
Writes:  scripts/corpus/data/wide542.json, ids prefixed "wide542-".
Tools:   PyPI doit, poethepoet, taskipy, pypyr, graphql-core, voluptuous, msgspec, openapi-core in the venv
         /dev/shm/hm-corpus-wide542/venv, the npm graphql-schema-linter in /dev/shm/hm-corpus-wide542/js (made once).
         No server is started.
"""
from __future__ import annotations

import json
import random
import re
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402
from capture_data import python_exceptions, rule4, shape  # noqa: E402

ROOT = Path("/dev/shm/hm-corpus-wide542")
TMP = Path("/dev/shm/hm-corpus-wide542-run")
VENV = ROOT / "venv"
JS = ROOT / "js"
PY = VENV / "bin" / "python"
OUT = HERE / "data" / "wide542.json"
SEED = 54210
S = cm.Sized(400, 120_000)
kind = cm.kind

# ================================================================== extractors (fixed before capture)

ERRS = re.compile(r"error|fail|fatal|invalid|unknown|cannot|can't|unsupported|not a valid|does not exist|no such|"
                  r"missing|refus|exception|abort|not found", re.I)
HDR = re.compile(r"^(== |-- )")


def errs(lines):
    return [ln for ln in lines if ERRS.search(ln)]


@kind("doit-run", "build")
def n_doit_run(lines):
    """errs; pyexc; every line starting Task (TaskFailed/TaskError - taskid:...) and every Command failed/Command error line"""
    out = errs(lines) + python_exceptions(lines)
    return out + [ln for ln in lines if ln.startswith("Task") or re.search(r"Command (failed|error)", ln)]


@kind("doit-list-status", "listing")
def n_doit_list(lines):
    """rule 4 on the S name doc rows (status R/U/I categorical: rows with a rare status); errs"""
    rows = []
    for ln in lines:
        m = re.match(r"([A-Z])\s+(\S+)", ln)
        if m:
            rows.append((ln, {"status": m.group(1)}))
    return rule4(rows, cat=("status",)) + errs(lines)


@kind("doit-info", "doc")
def n_doit_info(lines):
    """the name: line, the status line, every line under file_dep, task_dep and targets, every line giving a reason it is not up to date (changed, does not exist, not up-to-date, run); errs"""
    out, sec = [], None
    for ln in lines:
        if not ln.strip():  # a section's lines end at a blank line
            sec = None
        if re.match(r"\s*name\s*:", ln) or re.search(r"\bstatus\b", ln, re.I):
            out.append(ln)
        m = re.match(r"\s*(\w+)\s*:", ln)
        if m and not ln.startswith("   "):
            sec = m.group(1)
            continue
        if sec in ("file_dep", "task_dep", "targets") and ln.startswith(" ") and ln.strip() not in ("[", "]", "-"):
            out.append(ln)
    out += [ln for ln in lines if re.search(r"changed|does not exist|not up-to-date|\brun\b", ln, re.I)]
    return out + errs(lines)


@kind("poe-run", "build")
def n_poe_run(lines):
    """errs; pyexc; for each Error: line the last Poe => line before it (the command that failed)"""
    out = errs(lines) + python_exceptions(lines)
    for i, ln in enumerate(lines):
        if ln.lstrip().startswith("Error"):
            for k in range(i - 1, -1, -1):
                if lines[k].lstrip().startswith("Poe =>"):
                    out.append(lines[k])
                    break
    return out


@kind("poe-tasks", "listing")
def n_poe_tasks(lines):
    """the Configured tasks: heading and every task line under it (two blanks and a name); errs"""
    out = []
    for i, ln in enumerate(lines):
        if ln.strip().startswith("Configured tasks"):
            out.append(ln)
            for x in lines[i + 1:]:
                if re.match(r"  \S", x):
                    out.append(x)
                elif x.strip() and not x.startswith("  "):
                    break
    return out + errs(lines)


@kind("taskipy-list", "listing")
def n_taskipy_list(lines):
    """every task line (a name, blanks, its command or description); errs"""
    # the names are padded to one column, the longest followed by one blank: a task line is a name (no blank in
    # it) ending before the column where most lines' second field starts, then that field
    starts = [m.end() for m in (re.match(r"\S+\s+(?=\S)", ln) for ln in lines) if m]
    if not starts:
        return errs(lines)
    col = Counter(starts).most_common(1)[0][0]
    out = [ln for ln in lines if len(ln) > col and ln[col - 1] == " " and ln[col] != " "
           and re.fullmatch(r"\S+ *", ln[:col])]
    return out + errs(lines)


@kind("pypyr-run", "log")
def n_pypyr(lines):
    """errs; pyexc; every line holding ERROR or CRITICAL; WARNING lines one any per message shape; every line naming a step (step, any case) within three lines before an errs line"""
    out = errs(lines) + python_exceptions(lines) + [ln for ln in lines if re.search(r"\b(ERROR|CRITICAL)\b", ln)]
    out += cm.groups((cm.mask(ln.split("WARNING", 1)[1]), ln) for ln in lines if "WARNING" in ln)
    for i, ln in enumerate(lines):
        if ERRS.search(ln):
            for k in range(max(0, i - 3), i):
                if re.search(r"step", lines[k], re.I):
                    out.append(lines[k])
    return out


@kind("graphql-core-validate", "lint")
def n_gql_validate(lines):
    """every error line (path: message) and its GraphQL request:L:C line within six; Syntax Error lines and their location; the N errors in M documents line"""
    out = []
    for i, ln in enumerate(lines):
        if re.match(r"\S+\.graphql: ", ln) or "Syntax Error" in ln:
            out.append(ln)
            loc = cm.next_match(lines, i, r"GraphQL request:\d+:\d+")
            if loc:
                out.append(loc)
    return out + [ln for ln in lines if re.search(r"\d+ errors? in \d+ documents?", ln)]


@kind("graphql-breaking-changes", "lint")
def n_gql_breaking(lines):
    """every BREAKING line; DANGEROUS lines one any per change type; the closing count line(s)"""
    out = [ln for ln in lines if ln.startswith("BREAKING")]
    out += cm.groups((ln.split(":", 1)[0], ln) for ln in lines if ln.startswith("DANGEROUS"))
    return out + [ln for ln in lines if re.search(r"\d+ breaking|\d+ dangerous", ln, re.I)]


@kind("graphql-schema-linter", "lint")
def n_gql_linter(lines):
    """one any per (rule name = last word, file) of the findings (file:line:col or line:col lines); errs lines that are not findings each a needle; the errors detected / problems line"""
    pairs, out, f = [], [], ""
    for ln in lines:
        m = re.match(r"\s*(\S+\.graphql)?:?(\d+):(\d+)\s+(.*\S)\s*$", ln)
        if m:
            if m.group(1):
                f = m.group(1)
            pairs.append(((ln.split()[-1], f), ln))
        else:
            if re.search(r"\.graphql\b", ln):
                f = ln.strip()
            if ERRS.search(ln) and not re.search(r"errors detected|problems", ln):
                out.append(ln)
    out += cm.groups(pairs)
    return out + [ln for ln in lines if re.search(r"errors detected|problems", ln)]


@kind("openapi-core-validate", "lint")
def n_openapi_core(lines):
    """every line holding Error/error; errs; pyexc; each case header (== / -- line) followed within six lines by an error line; the N valid, M invalid line"""
    out = [ln for ln in lines if "rror" in ln] + errs(lines) + python_exceptions(lines)
    for i, ln in enumerate(lines):
        if HDR.match(ln) and cm.next_match(lines, i, r"rror|" + ERRS.pattern):
            out.append(ln)
    return out + [ln for ln in lines if re.search(r"\d+ valid, \d+ invalid", ln)]


def _count_lines(lines):
    return [ln for ln in lines if re.search(r"\d+ (valid|records?|bookings?|checked)\b.*\d+ (invalid|errors?|bad)", ln)]


@kind("voluptuous-errors", "lint")
def n_voluptuous(lines):
    """every line holding @ data[; errs; pyexc; the closing count line"""
    return [ln for ln in lines if "@ data[" in ln] + errs(lines) + python_exceptions(lines) + _count_lines(lines)


@kind("msgspec-validation-error", "lint")
def n_msgspec(lines):
    """every line holding Expected, ValidationError or ' - at '; errs; pyexc; the closing count line"""
    out = [ln for ln in lines if re.search(r"Expected|ValidationError| - at ", ln)]
    return out + errs(lines) + python_exceptions(lines) + _count_lines(lines)


# ================================================================== material (seed 54210)

INNS = ["George", "Bell", "Swan", "White Hart", "Red Lion", "Angel", "Saracens Head", "Bull and Mouth", "Golden Cross",
        "Belle Sauvage", "Spread Eagle", "Black Bear", "Crown", "Talbot", "Dolphin", "Castle"]
STAGES = ["Barnet", "Hatfield", "Stevenage", "Baldock", "Biggleswade", "Buckden", "Stilton", "Stamford", "Grantham",
          "Newark", "Tuxford", "Retford", "Bawtry", "Doncaster", "Ferrybridge", "Wetherby", "Boroughbridge",
          "Northallerton", "Darlington", "Durham"]
ROLES = ["ostler", "postboy", "guard", "coachman", "chambermaid", "boots", "tapster", "farrier", "bookkeeper",
         "horsekeeper", "waiter", "yardman"]
SURN = ["Weller", "Jingle", "Trotter", "Boffin", "Wegg", "Cratchit", "Pumblechook", "Gargery", "Squeers", "Bumble",
        "Chuzzlewit", "Pecksniff", "Tapley", "Mantalini", "Nickleby", "Crummles", "Quilp", "Swiveller", "Dorrit",
        "Tulkinghorn"]
HORSES = ["bay", "grey", "chestnut", "roan", "black", "dun", "piebald", "skewbald"]


def slug(s: str) -> str:
    return re.sub(r"[^a-z0-9]+", "_", s.lower()).strip("_")


def loop(files: list[str], cmd: str) -> str:
    return f'for f in {" ".join(files)}; do echo "== $f"; {cmd}; done'


# ---- doit

def dodo(rng: random.Random, n: int, faults: float) -> str:
    out = ["import random, sys", "", "DOIT_CONFIG = {'verbosity': 2, 'continue': True}", ""]
    for i in range(n):
        st = slug(rng.choice(STAGES))
        name = f"{rng.choice(['change_team', 'water', 'shoe', 'book', 'grease', 'tally'])}_{st}_{i:03d}"
        r = rng.random()
        deps = []
        if i and rng.random() < 0.3:
            deps.append(f"'task_dep': ['{prev}']")
        doc = f'"""{rng.choice(ROLES).capitalize()} {rng.choice(SURN)} {name.split("_")[0]}s at {st.title()}."""'
        if r < faults * 0.35:
            act = f"'actions': ['python3 -c \"import sys; print(\\'{name}: team lame\\'); sys.exit({rng.randint(1, 3)})\"']"
        elif r < faults * 0.55:
            act = f"'actions': [lambda: False]"
        elif r < faults * 0.75:
            act = f"'actions': [(raise_in_yard, ['{st}', {i}])]"
        elif r < faults:
            act = f"'actions': ['echo waybill'], 'file_dep': ['waybills/{st}-{i}.txt']"
        else:
            lines = rng.randint(1, 4)
            act = ("'actions': [" + ", ".join(f"'echo {rng.choice(ROLES)} {rng.choice(SURN)}: {rng.choice(HORSES)} "
                                              f"{rng.randint(1, 8)} changed at {st}'" for _ in range(lines))
                   + f", 'touch out/{name}.txt'], 'targets': ['out/{name}.txt'], 'uptodate': [{rng.random() < 0.85}]")
        out += [f"def task_{name}():", f"    {doc}", "    return {" + ", ".join([act] + deps) + "}", ""]
        prev = name
    out += ["def raise_in_yard(stage, n):", "    teams = {'barnet': 4}",
            "    return teams[stage] > n  # KeyError for any stage but Barnet", ""]
    return "\n".join(out) + "\n"


def step_doit(tmp: Path) -> None:
    rng = random.Random(SEED + 1)
    for label, n, faults in [("s", 12, 0.4), ("m", 60, 0.25), ("l", 220, 0.15)]:
        d = tmp / f"doit-{label}"
        d.mkdir()
        (d / "dodo.py").write_text(dodo(rng, n, faults))
        (d / "out").mkdir()
        S.cap(f"doit-run-{label}", "doit", d, n_doit_run, timeout=300)
        names = re.findall(r"^def task_(\w+)", (d / "dodo.py").read_text(), re.M)
        cm.run(f"doit ignore {names[-1]} {names[-3]}", cwd=d, timeout=60)
        if label != "s":  # 12 rows: no status covers half of them, so rule 4 names no row
            S.cap(f"doit-list-status-{label}", "doit list --all --status", d, n_doit_list, timeout=120)
    d = tmp / "doit-l"
    text = (d / "dodo.py").read_text()
    names = re.findall(r"^def task_(\w+)", text, re.M)
    blocks = dict(zip(names, text.split("\ndef task_")[1:]))
    picks = [n for n in names if "waybills/" in blocks[n]][:2] + [n for n in names if "targets" in blocks[n]][:3]
    S.cap("doit-info-loop", loop(picks, 'doit info "$f"'), d, n_doit_info, timeout=120)
    names_m = re.findall(r"^def task_(\w+)", (tmp / "doit-m" / "dodo.py").read_text(), re.M)
    S.cap("doit-run-one-failing", "doit " + " ".join(names_m[:6]), tmp / "doit-m", n_doit_run, timeout=120)


# ---- poe / taskipy

def pyproject(rng: random.Random, n: int, bad: bool = False) -> str:
    poe, tip = [], []
    scripts = []
    for i in range(n):
        st = slug(rng.choice(STAGES))
        nm = f"{rng.choice(['yard', 'stable', 'ledger', 'tolls', 'rota'])}-{st}-{i}"
        fail = rng.random() < 0.25
        scripts.append(nm)
        cmd = f"python3 yard.py {nm} {rng.randint(2, 30)}" + (" --lame" if fail else "")
        help_ = f"{rng.choice(ROLES).capitalize()} {rng.choice(SURN)}'s {nm.split('-')[0]} round at {st.title()}"
        poe.append(f'"{nm}" = {{ cmd = "{cmd}", help = "{help_}" }}')
        tip.append(f'"{nm}" = {{ cmd = "{cmd}", help = "{help_}" }}')
    seqs = []
    for k in range(max(2, n // 8)):
        seq = rng.sample(scripts, min(len(scripts), rng.randint(3, 7)))
        seqs.append(f"relay-{k}")
        poe.append(f'"relay-{k}" = {{ sequence = [{", ".join(json.dumps(s) for s in seq)}], '
                   f'help = "Run a relay of {len(seq)} stages" }}')
    if bad:
        poe.append('"night-coach" = { sequence = ["' + '", "'.join(scripts[:4]) + '", "missing-stage"], '
                   'help = "The night coach (names a task that is not there)" }')
    poe.append('"count-teams" = { script = "yard:count_teams(stage=\'stilton\')", help = "Count teams by script" }')
    body = ['[project]', 'name = "coachinn"', 'version = "0.5.42"', '', '[tool.poe.tasks]'] + poe + \
           ['', '[tool.taskipy.tasks]'] + tip
    return "\n".join(body) + "\n"


YARD = '''import random, sys
def count_teams(stage):
    teams = {"barnet": 4, "hatfield": 6}
    return teams[stage]
if __name__ == "__main__":
    name, n = sys.argv[1], int(sys.argv[2])
    rng = random.Random(name)
    for i in range(n):
        print(f"{name}: team {i} {rng.choice(['bay', 'grey', 'roan'])} horses {rng.randint(2, 6)}, "
              f"postboy {rng.choice(['Weller', 'Trotter', 'Tapley'])}, {rng.randint(8, 14)} miles")
    if "--lame" in sys.argv:
        print(f"{name}: near leader lame at stage {n}, no fresh team", file=sys.stderr)
        sys.exit(3)
'''


def step_poe(tmp: Path) -> None:
    rng = random.Random(SEED + 2)
    for label, n in [("s", 10), ("l", 90), ("bad", 12)]:
        d = tmp / f"poe-{label}"
        d.mkdir()
        (d / "pyproject.toml").write_text(pyproject(rng, n, bad=label == "bad"))
        (d / "yard.py").write_text(YARD)
        S.cap(f"poe-tasks-{label}", "poe", d, n_poe_tasks, timeout=60)
        S.cap(f"taskipy-list-{label}", "task --list", d, n_taskipy_list, timeout=60)
    for label in ("s", "l"):
        d = tmp / f"poe-{label}"
        text = (d / "pyproject.toml").read_text()
        lame = set(re.findall(r'^"([^"]+)" = \{ cmd = "[^"]*--lame"', text, re.M))
        relays = [r for r, seq in re.findall(r'^"(relay-\d+)" = \{ sequence = \[([^]]*)\]', text, re.M)
                  if label == "s" or lame & set(json.loads("[" + seq + "]"))]
        for r in relays[:2]:
            S.cap(f"poe-run-{label}-{r}", f"poe {r}", d, n_poe_run, timeout=120)
    S.cap("poe-run-night", "poe night-coach", tmp / "poe-bad", n_poe_run, timeout=120)
    d = tmp / "poe-s"
    S.cap("poe-run-script", "poe count-teams", d, n_poe_run, timeout=60)
    S.cap("poe-run-unknown", "poe nightcoach; poe -v relay-0", d, n_poe_run, timeout=60)
    S.cap("taskipy-list-unknown", "task --list; task nightcoach", d, n_taskipy_list, timeout=60)


# ---- pypyr

def pipeline(rng: random.Random, n_stages: int, fault: str) -> str:
    st = rng.sample(STAGES, n_stages)
    out = ["context_parser: pypyr.parser.keyvaluepairs", "steps:",
           "  - name: pypyr.steps.default", "    in:", "      defaults:", "        coach: Highflyer",
           f"        stages: [{', '.join(st)}]", f"        guard: {rng.choice(SURN)}",
           "  - name: pypyr.steps.echo", "    in:", "      echoMe: 'The {coach} leaves the yard, guard {guard}'",
           "  - name: pypyr.steps.echo", "    foreach: '{stages}'", "    in:",
           "      echoMe: 'Changing horses at {i}: fresh team out, ostler ready'",
           "  - name: pypyr.steps.cmd", "    foreach: '{stages}'", "    in:",
           "      cmd: echo 'waybill stamped at {i}'"]
    if fault == "key":
        out += ["  - name: pypyr.steps.echo", "    in:", "      echoMe: 'Tolls paid: {toll_total} shillings'"]
    elif fault == "cmd":
        out += ["  - name: pypyr.steps.cmd", "    in:", "      cmd: python3 -c \"import sys; print('axle cracked at "
                + st[-1] + "', file=sys.stderr); sys.exit(2)\""]
    elif fault == "step":
        out += ["  - name: coachinn.steps.change_team", "    in:", "      team: 4"]
    elif fault == "assert":
        out += ["  - name: pypyr.steps.assert", "    in:", "      assert:", "        this: '{coach}'",
                "        equals: Telegraph"]
    elif fault == "retry":
        out += ["  - name: pypyr.steps.cmd", "    retry:", "      max: 3", "    in:",
                "      cmd: python3 -c \"import sys; print('no fresh team', file=sys.stderr); sys.exit(1)\""]
    out += ["  - name: pypyr.steps.echo", "    in:", "      echoMe: 'Arrived at {stages[0]}'"]
    return "\n".join(out) + "\n"


def step_pypyr(tmp: Path) -> None:
    rng = random.Random(SEED + 3)
    d = tmp / "pypyr"
    d.mkdir()
    for nm, n, fault in [("key", 6, "key"), ("cmd", 20, "cmd"), ("step", 4, "step"), ("assert", 8, "assert"),
                         ("retry", 5, "retry"), ("long", 400, "cmd")]:
        (d / f"{nm}.yaml").write_text(pipeline(rng, min(n, len(STAGES)) if n < 100 else len(STAGES), fault))
    # the long one: the stages list repeated so the run is long
    long = (d / "long.yaml").read_text().replace(
        re.search(r"stages: \[.*\]", (d / "long.yaml").read_text()).group(0),
        "stages: [" + ", ".join(f"{rng.choice(STAGES)}{k}" for k in range(300)) + "]")
    (d / "long.yaml").write_text(long)
    S.cap("pypyr-key", "pypyr key", d, n_pypyr, timeout=60)
    S.cap("pypyr-cmd-log20", "pypyr cmd --log 20", d, n_pypyr, timeout=120)
    S.cap("pypyr-step", "pypyr step", d, n_pypyr, timeout=60)
    S.cap("pypyr-assert", "pypyr assert --log 20", d, n_pypyr, timeout=60)
    S.cap("pypyr-retry", "pypyr retry --log 20", d, n_pypyr, timeout=120)
    S.cap("pypyr-long", "pypyr long --log 20", d, n_pypyr, timeout=300)


# ---- GraphQL

def gql_schema(rng: random.Random, n_types: int, v2: bool = False) -> str:
    out = ['"""The inn\'s yard and books."""', "scalar DateTime", "",
           "enum Role {", *[f"  {r.upper()}" for r in (ROLES if not v2 else ROLES[:-2])], "}", "",
           "enum Colour {", *[f"  {h.upper()}" for h in HORSES + (["CREAM"] if v2 else [])], "}", ""]
    out += ['"""A horse in the stables."""' if rng.random() < 0.5 else "",
            "type Horse {", "  id: ID!", "  name: String!", "  colour: Colour", "  lame: Boolean" +
            ("!" if v2 else ""), "  hands: Float", "}", "",
            "type Servant {", "  id: ID!", "  name: String!", "  role: Role!", "  wage: Int" if not v2 else "",
            "}", "", "type Team {", "  id: ID!", "  horses: [Horse!]!", "  postboy: Servant", "}", ""]
    for i in range(n_types):
        st = STAGES[i % len(STAGES)] + (str(i // len(STAGES)) if i >= len(STAGES) else "")
        doc = f'"""The stage at {st}."""' if rng.random() < 0.6 else ""
        fields = ["  id: ID!", "  miles: Int!", "  teams: [Team!]!", "  ostler: Servant",
                  f"  toll(on: DateTime{'!' if v2 and i % 3 == 0 else ''}): Float"]
        if not (v2 and i % 4 == 1):
            fields.append("  innkeeper: String")
        if rng.random() < 0.4:
            fields.append(f"  {rng.choice(['nextStage', 'previousStage'])}: Stage{i + 1}")
        out += [doc, f"type Stage{i} {{", *fields, "}", ""]
    out += ["type Query {", "  horse(id: ID!): Horse", "  servants(role: Role, limit: Int = 20): [Servant!]!",
            *[f"  stage{i}: Stage{i}" for i in range(n_types) if not (v2 and i % 5 == 2)],
            "  teams(stage: String" + ("!" if v2 else "") + "): [Team!]!", "}", "",
            "type Mutation {", "  changeTeam(stage: String!, team: ID!): Team", "  payToll(stage: String!, amount: Float!): Float",
            "}"]
    # a link to a stage past the last is a dangling type: replace it
    text = "\n".join(x for x in out if x is not None) + "\n"
    return text.replace(f": Stage{n_types}\n", ": Stage0\n")


def gql_query(rng: random.Random, n_types: int, i: int, fault: bool) -> str:
    k = rng.randrange(n_types)
    sel = ["id", "miles", "ostler { name role }", "teams { id horses { name colour lame } postboy { name } }"]
    var = ""
    if fault:
        f = rng.choice(["field", "arg", "type", "var", "enum", "frag", "syntax", "sub"])
        if f == "field":
            sel.append(rng.choice(["stableboy", "coachman", "tollgate", "waybill"]))
        elif f == "arg":
            sel[0] = "id(format: \"short\")"
        elif f == "type":
            var = "($when: Timestamp)"
            sel.append("toll(on: $when)")
        elif f == "var":
            var = "($stage: String, $unused: Int)"
        elif f == "enum":
            return f"query Servants{i} {{ servants(role: STABLEBOY) {{ name role }} }}\n"
        elif f == "frag":
            return (f"query Horse{i} {{ horse(id: \"{i}\") {{ ...HorseBits }} }}\n"
                    f"fragment HorseBits on Pony {{ name }}\n")
        elif f == "syntax":
            return f"query Stage{i} {{ stage{k} {{ id miles teams {{ id }}\n"
        elif f == "sub":
            sel[2] = "ostler"
    return f"query Stage{i}{var} {{\n  stage{k} {{\n    " + "\n    ".join(sel) + "\n  }\n}\n"


VALIDATE = '''import sys
from pathlib import Path
from graphql import build_schema, parse, validate, GraphQLError
schema = build_schema(Path(sys.argv[1]).read_text())
n_err = n_doc = 0
for p in sys.argv[2:]:
    n_doc += 1
    try:
        errors = validate(schema, parse(Path(p).read_text()))
    except GraphQLError as e:
        errors = [e]
    for e in errors:
        n_err += 1
        print(f"{p}: {e}")
print(f"{n_err} errors in {n_doc} documents")
sys.exit(1 if n_err else 0)
'''

BREAKING = '''import sys
from pathlib import Path
from graphql import build_schema, find_breaking_changes, find_dangerous_changes
old, new = (build_schema(Path(p).read_text()) for p in sys.argv[1:3])
b = find_breaking_changes(old, new)
d = find_dangerous_changes(old, new)
for c in b:
    print(f"BREAKING {c.type.name}: {c.description}")
for c in d:
    print(f"DANGEROUS {c.type.name}: {c.description}")
print(f"{len(b)} breaking, {len(d)} dangerous changes")
sys.exit(1 if b else 0)
'''


def step_graphql(tmp: Path) -> None:
    rng = random.Random(SEED + 4)
    d = tmp / "gql"
    (d / "queries").mkdir(parents=True)
    (d / "validate.py").write_text(VALIDATE)
    (d / "breaking.py").write_text(BREAKING)
    for label, n in [("s", 6), ("m", 30), ("l", 120)]:
        (d / f"schema-{label}.graphql").write_text(gql_schema(random.Random(SEED + n), n))
        (d / f"schema-{label}-v2.graphql").write_text(gql_schema(random.Random(SEED + n), n, v2=True))
    files = []
    for i in range(400):
        p = d / "queries" / f"{slug(rng.choice(STAGES))}_{i:03d}.graphql"
        p.write_text(gql_query(rng, 30, i, fault=rng.random() < 0.35))
        files.append(f"queries/{p.name}")
    py = str(PY)
    S.cap("gql-validate-12", f"{py} validate.py schema-m.graphql {' '.join(files[:12])}", d, n_gql_validate,
          timeout=120, typed=f"python validate.py schema-m.graphql {' '.join(files[:12])}")
    S.cap("gql-validate-100", f"{py} validate.py schema-m.graphql {' '.join(files[:100])}", d, n_gql_validate,
          timeout=120, typed="python validate.py schema-m.graphql queries/*.graphql  # first 100")
    S.cap("gql-validate-400", f"{py} validate.py schema-m.graphql queries/*.graphql", d, n_gql_validate,
          timeout=180, typed="python validate.py schema-m.graphql queries/*.graphql")
    for label in ("s", "m", "l"):
        S.cap(f"gql-breaking-{label}", f"{py} breaking.py schema-{label}.graphql schema-{label}-v2.graphql", d,
              n_gql_breaking, timeout=120,
              typed=f"python breaking.py schema-{label}.graphql schema-{label}-v2.graphql")
    # graphql-schema-linter: a broken copy of the small schema too
    (d / "schema-broken.graphql").write_text((d / "schema-s.graphql").read_text().replace("type Team {", "type Team {{", 1))
    # the text format pads every finding to the longest message: the whole m and l reports are over 120 KB
    typed = "graphql-schema-linter schema-s.graphql"
    S.cap("gql-linter-s", f"{typed} > lint-s.out 2>&1; cat lint-s.out", d, n_gql_linter, timeout=180, typed=typed)
    typed = "graphql-schema-linter --format compact schema-m.graphql"
    S.cap("gql-linter-m-compact", f"{typed} > lint-m.out 2>&1; cat lint-m.out", d, n_gql_linter, timeout=180,
          typed=typed)
    typed = ("graphql-schema-linter --rules fields-have-descriptions,types-have-descriptions,"
             "enum-values-sorted-alphabetically schema-m-v2.graphql")
    S.cap("gql-linter-m-rules", f"{typed} > lint-m2.out 2>&1; cat lint-m2.out", d, n_gql_linter, timeout=180,
          typed=typed)
    S.cap("gql-linter-l-rules", "graphql-schema-linter --rules defined-types-are-used,deprecations-have-a-reason,"
          "relay-page-info-spec,enum-values-sorted-alphabetically,input-object-values-are-camel-cased "
          "schema-l.graphql 2>&1", d, n_gql_linter, timeout=180)


# ---- OpenAPI

def openapi_spec() -> dict:
    booking = {"type": "object", "required": ["passenger", "stage", "seats"], "additionalProperties": False,
               "properties": {"passenger": {"type": "string", "minLength": 2},
                              "stage": {"type": "string", "enum": [slug(s) for s in STAGES]},
                              "seats": {"type": "integer", "minimum": 1, "maximum": 4},
                              "outside": {"type": "boolean"},
                              "fare": {"type": "number", "format": "float", "minimum": 0},
                              "date": {"type": "string", "format": "date"}}}
    team = {"type": "object", "required": ["id", "horses"],
            "properties": {"id": {"type": "integer"}, "horses": {"type": "array", "minItems": 2, "maxItems": 6,
                                                                 "items": {"type": "string",
                                                                           "enum": HORSES}},
                           "postboy": {"type": "string"}}}
    return {"openapi": "3.0.3", "info": {"title": "Coaching inn bookings", "version": "5.42.0"},
            "servers": [{"url": "http://127.0.0.1:18542"}],
            "paths": {
                "/bookings": {"post": {"requestBody": {"required": True, "content": {"application/json": {
                    "schema": {"$ref": "#/components/schemas/Booking"}}}},
                    "responses": {"201": {"description": "booked", "content": {"application/json": {
                        "schema": {"$ref": "#/components/schemas/Booking"}}}}}},
                    "get": {"parameters": [{"name": "stage", "in": "query", "required": True,
                                            "schema": {"type": "string"}},
                                           {"name": "limit", "in": "query", "schema": {"type": "integer",
                                                                                     "maximum": 50}}],
                            "responses": {"200": {"description": "list", "content": {"application/json": {
                                "schema": {"type": "array", "items": {"$ref": "#/components/schemas/Booking"}}}}}}}},
                "/teams/{team_id}": {"get": {"parameters": [{"name": "team_id", "in": "path", "required": True,
                                                             "schema": {"type": "integer"}}],
                                             "responses": {"200": {"description": "a team", "content": {
                                                 "application/json": {"schema": {"$ref": "#/components/schemas/Team"}}}},
                                                 "404": {"description": "no team"}}}}},
            "components": {"schemas": {"Booking": booking, "Team": team}}}


OPENAPI_DRIVER = '''import json, sys
from openapi_core import OpenAPI
from openapi_core.testing import MockRequest, MockResponse
api = OpenAPI.from_file_path(sys.argv[1])
cases = json.load(open(sys.argv[2]))
ok = bad = 0
for c in cases:
    req = MockRequest("http://127.0.0.1:18542", c["method"], c["path"], args=c.get("args"),
                      data=json.dumps(c["body"]).encode() if "body" in c else None)
    print(f"-- {c['name']}: {c['method'].upper()} {c['path']}")
    try:
        if "response" in c:
            api.validate_response(req, MockResponse(json.dumps(c["response"]).encode(), status_code=c.get("status", 200)))
        else:
            api.validate_request(req)
        ok += 1
        print("   ok")
    except Exception as e:
        bad += 1
        print(f"   {type(e).__name__}: {e}")
        cause = e.__cause__
        while cause is not None:
            print(f"   caused by {type(cause).__name__}: {cause}")
            for se in getattr(cause, "schema_errors", []) or []:
                print(f"     schema error: {se.message} (at {'/'.join(str(p) for p in se.path) or '<root>'})")
            cause = cause.__cause__
print(f"{ok} valid, {bad} invalid")
sys.exit(1 if bad else 0)
'''


def openapi_cases(rng: random.Random, n: int) -> list[dict]:
    cases = []
    for i in range(n):
        nm = f"{rng.choice(SURN)}-{i}"
        good = {"passenger": f"Mr {rng.choice(SURN)}", "stage": slug(rng.choice(STAGES)), "seats": rng.randint(1, 4),
                "outside": rng.random() < 0.5, "fare": round(rng.uniform(5, 60), 2), "date": "1832-03-14"}
        r = rng.random()
        if r < 0.5:
            cases.append({"name": nm, "method": "post", "path": "/bookings", "body": good})
        elif r < 0.6:
            b = dict(good, seats=rng.choice([0, 7, "two"]))
            cases.append({"name": nm, "method": "post", "path": "/bookings", "body": b})
        elif r < 0.66:
            b = dict(good, stage="Gretna Green")
            cases.append({"name": nm, "method": "post", "path": "/bookings", "body": b})
        elif r < 0.72:
            b = {k: v for k, v in good.items() if k != "passenger"}
            b["luggage"] = "two portmanteaux"
            cases.append({"name": nm, "method": "post", "path": "/bookings", "body": b})
        elif r < 0.8:
            cases.append({"name": nm, "method": "get", "path": "/bookings",
                          "args": {"limit": str(rng.choice([10, 80, "many"]))} if rng.random() < 0.6 else
                          {"stage": slug(rng.choice(STAGES))}})
        elif r < 0.9:
            team = {"id": i, "horses": rng.sample(HORSES, rng.choice([1, 4, 4, 4])) + ([] if rng.random() < 0.7
                                                                                        else ["zebra"])}
            cases.append({"name": nm, "method": "get", "path": f"/teams/{i}", "response": team})
        elif r < 0.95:
            cases.append({"name": nm, "method": "get", "path": f"/teams/{rng.choice(['four', i])}"})
        else:
            cases.append({"name": nm, "method": "delete", "path": "/bookings"})
    return cases


def step_openapi(tmp: Path) -> None:
    rng = random.Random(SEED + 5)
    d = tmp / "openapi"
    d.mkdir()
    (d / "openapi.json").write_text(json.dumps(openapi_spec(), indent=2))
    (d / "check_api.py").write_text(OPENAPI_DRIVER)
    for label, n in [("s", 12), ("m", 80), ("l", 400)]:
        (d / f"cases-{label}.json").write_text(json.dumps(openapi_cases(rng, n), indent=1))
        S.cap(f"openapi-core-{label}", f"{PY} check_api.py openapi.json cases-{label}.json", d, n_openapi_core,
              timeout=240, typed=f"python check_api.py openapi.json cases-{label}.json")


# ---- voluptuous / msgspec

def records(rng: random.Random, n: int) -> list[dict]:
    out = []
    for i in range(n):
        rec = {"id": i, "coach": rng.choice(["Highflyer", "Telegraph", "Rocket", "Wonder", "Regulator"]),
               "stage": rng.choice(STAGES), "miles": rng.randint(8, 16),
               "team": {"horses": rng.sample(HORSES, 4), "postboy": rng.choice(SURN)},
               "ostlers": rng.sample(SURN, rng.randint(1, 3)), "fare": round(rng.uniform(2, 40), 2)}
        if rng.random() < 0.3:
            f = rng.choice(["miles", "horses", "postboy", "ostlers", "fare", "coach", "extra", "id"])
            if f == "miles":
                rec["miles"] = rng.choice(["twelve", 40, -1])
            elif f == "horses":
                rec["team"]["horses"] = rec["team"]["horses"][:1] + ["zebra"]
            elif f == "postboy":
                del rec["team"]["postboy"]
            elif f == "ostlers":
                rec["ostlers"] = rng.choice(["Weller", [], [3]])
            elif f == "fare":
                rec["fare"] = "3s 6d"
            elif f == "coach":
                rec["coach"] = "Flying Dutchman"
            elif f == "extra":
                rec["turnpike"] = True
            else:
                rec["id"] = str(i)
        out.append(rec)
    return out


VOL_DRIVER = '''import json, sys
from voluptuous import All, Any, In, Invalid, Length, MultipleInvalid, Range, Required, Schema
HORSES = %r
schema = Schema({Required("id"): int, Required("coach"): In(["Highflyer", "Telegraph", "Rocket", "Wonder", "Regulator"]),
                 Required("stage"): str, Required("miles"): All(int, Range(min=1, max=20)),
                 Required("team"): {Required("horses"): All([In(HORSES)], Length(min=2, max=6)), Required("postboy"): str},
                 Required("ostlers"): All([str], Length(min=1)), "fare": Any(float, int)})
recs = json.load(open(sys.argv[1]))
bad = 0
for r in recs:
    try:
        schema(r)
    except MultipleInvalid as e:
        bad += 1
        print(f"record {r.get('id')} ({r.get('stage')}): {len(e.errors)} error(s)")
        for err in e.errors:
            print(f"  {err}")
print(f"{len(recs)} records checked, {bad} invalid")
if "--strict" in sys.argv and bad:
    schema(dict(recs[0], miles="twelve"))
''' % (HORSES,)

MSG_DRIVER = '''import json, sys
from typing import Literal, Optional
import msgspec
class Team(msgspec.Struct, forbid_unknown_fields=True):
    horses: list[Literal[%s]]
    postboy: str
class Run(msgspec.Struct, forbid_unknown_fields=True):
    id: int
    coach: Literal["Highflyer", "Telegraph", "Rocket", "Wonder", "Regulator"]
    stage: str
    miles: int
    team: Team
    ostlers: list[str]
    fare: Optional[float] = None
raw = json.load(open(sys.argv[1]))
bad = 0
for r in raw:
    try:
        msgspec.json.decode(json.dumps(r).encode(), type=Run)
    except msgspec.ValidationError as e:
        bad += 1
        print(f"record {r.get('id')} ({r.get('stage')}): {e}")
print(f"{len(raw)} records checked, {bad} invalid")
if "--all" in sys.argv:
    msgspec.json.decode(open(sys.argv[1], "rb").read(), type=list[Run])
''' % (", ".join(json.dumps(h) for h in HORSES),)


def step_schemas(tmp: Path) -> None:
    rng = random.Random(SEED + 6)
    d = tmp / "records"
    d.mkdir()
    (d / "check_vol.py").write_text(VOL_DRIVER)
    (d / "check_msgspec.py").write_text(MSG_DRIVER)
    for label, n in [("s", 20), ("m", 150), ("l", 1200)]:
        (d / f"runs-{label}.json").write_text(json.dumps(records(rng, n)))
    for label in ("s", "m", "l"):
        S.cap(f"voluptuous-{label}", f"{PY} check_vol.py runs-{label}.json", d, n_voluptuous, timeout=120,
              typed=f"python check_vol.py runs-{label}.json")
        S.cap(f"msgspec-{label}", f"{PY} check_msgspec.py runs-{label}.json" + (" --all" if label != "l" else ""),
              d, n_msgspec, timeout=120,
              typed=f"python check_msgspec.py runs-{label}.json" + (" --all" if label != "l" else ""))
    S.cap("voluptuous-strict", f"{PY} check_vol.py runs-s.json --strict", d, n_voluptuous, timeout=60,
          typed="python check_vol.py runs-s.json --strict")


def ensure_tools() -> None:
    cm.install_venv(VENV, "pypyr", ["doit", "poethepoet", "taskipy", "pypyr", "graphql-core", "voluptuous", "msgspec",
                                    "openapi-core"])
    cm.install_npm(JS, "graphql-schema-linter", ["graphql-schema-linter", "graphql"])
    cm.PATH_PREFIX[:0] = [str(VENV / "bin"), str(JS / "node_modules" / ".bin")]


def steps():
    return [step_doit, step_poe, step_pypyr, step_graphql, step_openapi, step_schemas]


if __name__ == "__main__":
    cm.capture_round(__doc__, ensure_tools, steps, "wide542-", OUT, TMP, bands=(4_000, 20_000))
