#!/usr/bin/env python3
"""Capture round 798 of the compression corpus: task runners and monorepo tools in outputs the corpus lacks, beside
some it has, on a fellmonger's yard written here (`fellmongers`: pelts, wool staples, sweating houses, skin yards,
fellmongers; seed 79800): a small Python project with task files (tasks.py, dodo.py, pyproject.toml's poe / pdm /
hatch sections, noxfile.py) and a small npm workspaces monorepo (packages under packages/, gulpfile.js, Gruntfile.js,
nx.json, lerna.json), with faults put in: scripts that exit non-zero, a task whose command is missing, failing
assertions in tests, a JSON file with a syntax error, tasks that throw, an async gulp task that never signals
completion, grunt tasks that warn, a task file with an import error.

Kinds (rules in NEEDLES.md's "Round 798" section): NEW invoke-list, gulp-tasks, gulp-run, grunt-run, grunt-help,
hatch-run, pdm-run, pdm-run-list, nox-list, nx-show-project, lerna-exec; held by the corpus, extractors imported:
invoke-fail (round 34), doit-run and poe-run (round 542), run-p (round 429), concurrently-prefixed (round 16),
nx-run-many and lerna-run-stream (round 67), hatch-env-show (round 31). Nothing captured here was
compressed.

Usage:   .venv/bin/python scripts/corpus/capture_wide798.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide798.json  as {"version": 2, "items": [...]}, ids prefixed "wide798-".
Tools:   from PyPI in a venv under /dev/shm/hm-corpus-wide798/venv: invoke 3.0.3, doit 0.37.0, poethepoet 0.49.0,
         hatch 1.18.2, pdm 2.29.4, nox 2026.10.20; from npm, installed in the monorepo itself: gulp 5.0.1 (gulp-cli
         3.1.0), grunt 1.6.3 (grunt-cli 1.5.0), nx 22.7.12, lerna 9.0.7, npm-run-all 4.1.5, concurrently 9.2.5;
         Node v20.20.2, Python 3.11.
"""

from __future__ import annotations

import json
import os
import random
import re
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402
from capture_more import write_tree  # noqa: E402
from capture_wide16_logs2 import CONCURRENTLY  # noqa: E402
from capture_wide31_py import N_HATCH_ENV_SHOW  # noqa: E402
from capture_wide34_py import N_INVOKE  # noqa: E402
from capture_wide429 import n_run_p  # noqa: E402
from capture_wide542 import n_doit_run, n_poe_run  # noqa: E402
from capture_wide604 import drop_and_check  # noqa: E402
from capture_wide67_ws import n_lerna_run, n_nx_run_many  # noqa: E402

ID_PREFIX = "wide798-"
DEFAULT_OUT = HERE / "data" / "wide798.json"
TMP = Path("/dev/shm/hm-corpus-wide798-run")
TOOLS = Path("/dev/shm/hm-corpus-wide798")
VENV = TOOLS / "venv"
NPM = TOOLS / "npm"
_SIZED = cm.Sized(400, 120_000)
add, cap = _SIZED.add, _SIZED.cap
SEED = 79800

# ================================================================== extractors (NEEDLES.md, round 798)

ERR = re.compile(r"error|fail|fatal|exception|traceback|not found|cannot|unable|invalid|abort|ERR!", re.I)
EXIT = re.compile(r"^EXIT=\d+")
PYEXC = re.compile(r"^\s*[\w.]*(Error|Exception|Exit|Interrupt)\b:?")
PYFILE = r'File "[^"]+", line \d+'
LOC = r"\(?/[^\s()]+:\d+(:\d+)?\)?|File \"[^\"]+\", line \d+|^\s+at \S"


def _exits(lines):
    return [ln for ln in lines if EXIT.match(ln)]


def _errs(lines):
    return [ln for ln in lines if ERR.search(ln)]


def _pyexc(lines):
    """every Python exception line and the innermost `File` line above it (within twelve)"""
    out = []
    for i, ln in enumerate(lines):
        if PYEXC.match(ln) and not ln.lstrip().startswith("File "):
            out += [ln, cm.prev_match(lines, i, PYFILE, 12)]
    return out


def _run_output(lines):
    """rule 1 on a script's output: error lines, Python exceptions with their innermost File line, EXIT="""
    return _errs(lines) + _pyexc(lines) + _exits(lines)


@cm.kind("invoke-list", "listing")
def n_invoke_list(lines):
    """the Available tasks heading, every task line under it (indented name + docstring), the Default task: line; exception line + innermost File line on a broken tasks.py; EXIT="""
    out, inside = [], False
    for ln in lines:
        if ln.startswith("Available tasks") or ln.startswith("Subcollections"):
            out.append(ln)
            inside = True
            continue
        if inside and ln.strip() and not ln.startswith(" "):
            inside = False
        if inside and re.match(r"^\s{2,}\S", ln):
            out.append(ln)
        if ln.startswith("Default task:"):
            out.append(ln)
    return out + _pyexc(lines) + _errs(lines) + _exits(lines)


GULP_TS = r"^(\[[\d:]+\] )?"


@cm.kind("gulp-tasks", "listing")
def n_gulp_tasks(lines):
    """the Tasks for line, every top-level task line (├──/└──/├─┬/└─┬ at the first depth; every line of --tasks-simple), every error line"""
    out = [ln for ln in lines if re.match(GULP_TS + r"Tasks for ", ln)]
    if out:
        out += [ln for ln in lines if re.match(GULP_TS + r"[├└]", ln)]
    else:
        out += [ln for ln in lines if re.fullmatch(r"[\w:.-]+", ln.strip()) and not EXIT.match(ln)]
    return out + _errs(lines) + _exits(lines)


@cm.kind("gulp-run", "build")
def n_gulp_run(lines):
    """every 'task' errored after line, the message line after it and its first at frame outside node_modules within six, The following tasks did not complete + Did you forget lines, every error line, the Using gulpfile line, EXIT="""
    out = [ln for ln in lines if re.match(GULP_TS + r"Using gulpfile", ln)]
    for i, ln in enumerate(lines):
        if re.search(r"' errored after", ln):
            out.append(ln)
            for j in range(i + 1, min(i + 7, len(lines))):
                x = lines[j]
                if x.strip() and not re.search(r"Starting '|Finished '|' errored after", x):
                    out.append(x)
                    for y in lines[j + 1:j + 7]:
                        if re.match(r"^\s+at ", y) and "node_modules" not in y and "node:" not in y:
                            out.append(y)
                            break
                    break
        if "The following tasks did not complete" in ln or "Did you forget to signal async completion" in ln:
            out.append(ln)
    return out + _errs(lines) + _exits(lines)


@cm.kind("grunt-run", "build")
def n_grunt_run(lines):
    """every Warning: / Fatal error: line and the Running "..." task line nearest above it, every >> line naming an error, Aborted due to warnings., the closing Done line, EXIT="""
    out = []
    for i, ln in enumerate(lines):
        if re.match(r"^(Warning|Fatal error):", ln):
            out.append(ln)
            for k in range(i - 1, -1, -1):
                if lines[k].startswith("Running \""):
                    out.append(lines[k])
                    break
        if ln.startswith(">> ") and ERR.search(ln):
            out.append(ln)
        if ln.startswith("Aborted due to warnings") or re.match(r"^Done\b", ln):
            out.append(ln)
    return out + _exits(lines)


@cm.kind("grunt-help", "doc")
def n_grunt_help(lines):
    """the Grunt: The JavaScript Task Runner line, the Available tasks heading and every task line under it (name + description, not its wrapped continuation lines); every error line"""
    out = [ln for ln in lines if ln.startswith("Grunt: The JavaScript Task Runner")]
    for i, ln in enumerate(lines):
        if ln.strip() == "Available tasks":
            out.append(ln)
            block = []
            for x in lines[i + 1:]:
                if x.strip() and not x.startswith(" "):
                    break
                block.append(x)
            ms = [(x, m) for x in block for m in [re.match(r"^(\s*)(\S+)  (\S)", x)] if m]
            col = Counter(m.start(3) for _, m in ms).most_common(1)[0][0] if ms else 0
            out += [x for x, m in ms if len(m.group(1)) < col - 2]
    return out + _errs(lines) + _exits(lines)


@cm.kind("hatch-run", "build")
def n_hatch_run(lines):
    """rule 1 on the script's output (error lines, Python exception + innermost File line), every hatch env header line followed within six by an error line, EXIT="""
    out = _run_output(lines)
    for i, ln in enumerate(lines):
        if re.match(r"^[─━-]{3,} \S.* [─━-]{3,}$|^\[[\w.-]+\]$", ln.strip()):
            if any(ERR.search(x) for x in lines[i + 1:i + 7]):
                out.append(ln)
    return out


@cm.kind("pdm-run", "build")
def n_pdm_run(lines):
    """rule 1 on the script's output as hatch-run, pdm's own error lines, the Running <task ...> line nearest above each error line, EXIT="""
    out = _run_output(lines)
    for i, ln in enumerate(lines):
        if ERR.search(ln):
            for k in range(i - 1, -1, -1):
                if "Running <task" in lines[k]:
                    out.append(lines[k])
                    break
    return out


@cm.kind("pdm-run-list", "listing")
def n_pdm_run_list(lines):
    """the table's header row (Name, Type) and every script row; every error line"""
    out = []
    for ln in lines:
        if re.match(r"^\s*[│┃|]\s*\S", ln):
            out.append(ln)
    return out + _errs(lines) + _exits(lines)


@cm.kind("nox-list", "listing")
def n_nox_list(lines):
    """the Sessions defined in line, every session line (* name / - name), the closing legend line; exception + innermost File line on a broken noxfile; EXIT="""
    out = [ln for ln in lines if ln.startswith("Sessions defined in") or re.match(r"^[*-] \S", ln)
           or ln.startswith("sessions marked with")]
    return out + _pyexc(lines) + _errs(lines) + _exits(lines)


@cm.kind("nx-show-project", "json")
def n_nx_show_project(lines):
    """the "name", "root", "projectType" lines, every target's opening line one level under "targets", every "executor" and "command"/"script" line; every non-JSON error line"""
    out = [ln for ln in lines if re.match(r'^\s*"(name|root|projectType|executor|command|script)": ', ln)]
    for i, ln in enumerate(lines):
        m = re.match(r'^(\s*)"targets": \{', ln)
        if m:
            ind = len(m.group(1)) + 2
            for x in lines[i + 1:]:
                if re.match(r"^\s{0,%d}\}" % (ind - 2), x):
                    break
                if re.match(r"^ {%d}\"[^\"]+\": \{" % ind, x):
                    out.append(x)
    out += [ln for ln in lines if (ERR.search(ln) or re.search(r"could not", ln, re.I))
            and not re.match(r'^\s*["{}\[\]]', ln)]  # NX's errors (`Could not find project …`) included
    return out + _exits(lines)


@cm.kind("lerna-exec", "build")
def n_lerna_exec(lines):
    """every error line with its location within six, every lerna ERR! line, lerna's closing success / ERR lines, EXIT="""
    out = []
    for i, ln in enumerate(lines):
        if ERR.search(ln):
            out += [ln, cm.next_match(lines, i, LOC, 6)]
        if re.match(r"^lerna (success|ERR!)", ln):
            out.append(ln)
    return out + _exits(lines)


# ================================================================== material

R = random.Random(SEED)
BREEDS = ["merino", "romney", "cheviot", "suffolk", "lincoln", "texel", "herdwick", "jacob", "swaledale", "dorset",
          "shetland", "welsh", "leicester", "ryeland", "portland", "hebridean"]
YARDS = ["bermondsey", "mazamet", "skipton", "kendal", "hexham", "ludlow", "penrith", "otley", "frome", "keswick"]


def py_project(root: Path, n: int, zero_at: int = 7) -> None:
    """the Python side of the yard: n lots of pelts (lot zero_at+1 and every 17th after it with no staple length),
    modules with bugs, unittest tests that fail, task files"""
    lots = []
    for i in range(n):
        b = R.choice(BREEDS)
        staple = R.randint(40, 140) if i < zero_at or (i - zero_at) % 17 else 0
        lots.append(f"{i + 1},{b},{R.choice(YARDS)},{staple},{R.randint(2, 9)}.{R.randint(0, 9)}")
    files = {
        "data/pelts.csv": "lot,breed,yard,staple_mm,weight_kg\n" + "\n".join(lots) + "\n",
        "data/sweating.json": '{"houses": [{"name": "north", "temp_c": 24}, {"name": "south", "temp_c": 31},]}\n',
        "src/fellmongers/__init__.py": '"""A fellmonger\'s yard: pelts, wool staples, sweating houses, skin yards."""\n',
        "src/fellmongers/pelts.py": '''
import csv, sys


def load(path):
    with open(path) as f:
        return list(csv.DictReader(f))


def grade(row):
    staple = int(row["staple_mm"])
    fineness = 100 / staple          # a lot with no staple recorded divides by zero
    return "A" if fineness < 1.2 else "B" if fineness < 2 else "C"


def main(argv):
    rows = load(argv[1])
    for row in rows:
        print(f"lot {row['lot']:>4} {row['breed']:<10} {row['yard']:<10} grade {grade(row)}")
    print(f"graded {len(rows)} lots")


if __name__ == "__main__":
    main(sys.argv)
''',
        "src/fellmongers/sweating.py": '''
import json, sys


def houses(path):
    with open(path) as f:
        return json.load(f)["houses"]


if __name__ == "__main__":
    for h in houses(sys.argv[1]):
        print(h["name"], h["temp_c"])
''',
        "src/fellmongers/staples.py": '''
def staple_class(mm):
    if mm >= 100:
        return "long"
    if mm > 60:           # bug: 60 mm should be "medium"
        return "medium"
    return "short"


def yield_pct(greasy, clean):
    return round(clean / greasy * 100, 1)
''',
        "src/fellmongers/skinyard.py": '''
def lime_days(temp_c):
    return max(2, 10 - temp_c // 3)


def tally(pelts):
    return {p["yard"]: p["count"] for p in pelts}   # bug: later lots of a yard overwrite earlier ones
''',
        "tests/__init__.py": "",
        "tests/test_staples.py": '''
import unittest
from fellmongers.staples import staple_class, yield_pct


class StapleTest(unittest.TestCase):
''' + "".join(f'''
    def test_class_{mm}(self):
        self.assertEqual(staple_class({mm}), "{c}")
''' for mm, c in [(30, "short"), (59, "short"), (60, "medium"), (61, "medium"), (99, "medium"), (100, "long")]) + '''
    def test_yield(self):
        self.assertEqual(yield_pct(8.0, 5.2), 65.0)

    def test_yield_zero(self):
        self.assertEqual(yield_pct(0, 0), 0)
''',
        "tests/test_skinyard.py": '''
import unittest
from fellmongers.skinyard import lime_days, tally


class SkinYardTest(unittest.TestCase):
    def test_lime_days(self):
        self.assertEqual(lime_days(21), 3)

    def test_tally(self):
        pelts = [{"yard": "otley", "count": 3}, {"yard": "otley", "count": 4}, {"yard": "frome", "count": 1}]
        self.assertEqual(tally(pelts), {"otley": 7, "frome": 1})
''',
    }
    write_tree(root, files)


TASKS_PY = '''
from invoke import task, Collection

@task
def clean(c):
    """Sweep the skin yard: remove graded lists and caches."""
    c.run("rm -rf build graded.txt")

@task
def grade(c, lots="data/pelts.csv"):
    """Grade every pelt lot by staple fineness."""
    c.run(f"PYTHONPATH=src python -m fellmongers.pelts {lots}")

@task
def sweat(c):
    """Read the sweating houses' temperatures."""
    c.run("PYTHONPATH=src python -m fellmongers.sweating data/sweating.json")

@task
def test(c, verbose=False):
    """Run the unit tests of the yard."""
    c.run("PYTHONPATH=src python -m unittest discover -s tests" + (" -v" if verbose else ""))

@task
def scour(c):
    c.run("wool-scour --bowls 5 data/pelts.csv")

@task(pre=[clean, grade], default=True)
def build(c):
    """Clean, grade and tally the yard."""
    c.run("echo tallied")
'''


def tasks_py_big(n: int) -> str:
    """tasks.py with namespaces: one collection per yard, a few tasks each"""
    s = TASKS_PY.replace("from invoke import task, Collection", "from invoke import task, Collection")
    s += "\nns = Collection(clean, grade, sweat, test, scour, build)\n"
    for y in YARDS[:n]:
        s += f'''
@task(name="grade")
def {y}_grade(c, staple_min=40):
    """Grade the {y} yard's pelts (staples over staple_min mm)."""
    c.run("echo grade {y}")

@task(name="lime")
def {y}_lime(c, days=3):
    """Lime the {y} yard's skins for the given number of days."""
    c.run("echo lime {y}")

@task(name="pull")
def {y}_pull(c):
    c.run("echo pull {y}")

ns.add_collection(Collection("{y}", {y}_grade, {y}_lime, {y}_pull))
'''
    return s


DODO = '''
DOIT_CONFIG = {"verbosity": 2}

def task_grade():
    """grade the pelt lots"""
    return {"actions": ["PYTHONPATH=src python -m fellmongers.pelts data/pelts.csv > graded.txt"],
            "file_dep": ["data/pelts.csv"], "targets": ["graded.txt"]}

def task_sweat():
    """read the sweating houses"""
    return {"actions": ["PYTHONPATH=src python -m fellmongers.sweating data/sweating.json"]}

def _tally():
    counts = {}
    for line in open("data/pelts.csv").read().splitlines()[1:]:
        yard = line.split(",")[2]
        counts[yard] += 1
    return True

def task_tally():
    """tally lots per yard (a python-action)"""
    return {"actions": [_tally], "verbosity": 2}

def task_yard():
    """one listing per yard"""
    for y in %s:
        yield {"name": y, "actions": [f"grep -c ,{y}, data/pelts.csv"], "verbosity": 2}
'''

PYPROJECT = '''
[project]
name = "fellmongers"
version = "0.3.0"
requires-python = ">=3.9"
dependencies = []

[tool.poe.tasks]
grade = {cmd = "python -m fellmongers.pelts data/pelts.csv", env = {PYTHONPATH = "src"}, help = "grade the lots"}
sweat = {cmd = "python -m fellmongers.sweating data/sweating.json", env = {PYTHONPATH = "src"}}
test = {cmd = "python -m unittest discover -s tests -v", env = {PYTHONPATH = "src"}}
scour = {cmd = "wool-scour --bowls 5"}
check = {sequence = ["sweat", "test"], ignore_fail = "return_non_zero"}
yard = {shell = "for y in otley frome; do grep -c \\",$y,\\" data/pelts.csv; done; exit 3"}

[tool.pdm]
distribution = false

[tool.pdm.scripts]
grade = {cmd = "python -m fellmongers.pelts data/pelts.csv", env = {PYTHONPATH = "src"}, help = "Grade every pelt lot"}
sweat = {cmd = "python -m fellmongers.sweating data/sweating.json", env = {PYTHONPATH = "src"}, help = "Read the sweating houses"}
test = {cmd = "python -m unittest discover -s tests -v", env = {PYTHONPATH = "src"}, help = "Unit tests"}
scour = {cmd = "wool-scour --bowls 5", help = "Scour the wool (needs the scouring train)"}
yard = {shell = "grep -c ,otley, data/pelts.csv && exit 4", help = "Count the otley lots"}
tally = {call = "fellmongers.skinyard:tally", help = "Tally the skin yard"}
all = {composite = ["sweat", "test", "grade"], help = "Everything, in order"}
keep = {composite = ["sweat", "test", "grade"], keep_going = true, help = "Everything, keep going"}

[tool.hatch.envs.default]
skip-install = true
dependencies = []
env-vars = {PYTHONPATH = "src"}

[tool.hatch.envs.default.scripts]
grade = "python -m fellmongers.pelts data/pelts.csv"
sweat = "python -m fellmongers.sweating data/sweating.json"
test = "python -m unittest discover -s tests {args}"
scour = "wool-scour --bowls 5"
all = ["sweat", "test"]

[tool.hatch.envs.yard]
skip-install = true
dependencies = []
env-vars = {PYTHONPATH = "src"}

[[tool.hatch.envs.yard.matrix]]
yard = ["otley", "frome", "kendal"]

[tool.hatch.envs.yard.scripts]
count = "grep -c ,{matrix:yard}, data/pelts.csv"
'''

NOXFILE = '''
import nox

nox.options.sessions = ["tests", "lint"]


@nox.session(python=["3.9", "3.10", "3.11", "3.12"], tags=["ci"])
def tests(session):
    """Run the yard's unit tests."""
    session.run("python", "-m", "unittest")


@nox.session(tags=["ci"])
def lint(session):
    """Lint the fellmongers package."""
    session.run("ruff", "check", "src")


@nox.session
@nox.parametrize("yard", %s)
def grade(session, yard):
    """Grade one skin yard's pelts."""
    session.run("python", "-m", "fellmongers.pelts", f"data/{yard}.csv")


@nox.session(venv_backend="none")
def sweat(session):
    session.run("python", "-m", "fellmongers.sweating")
'''


def step_py(tmp: Path) -> None:
    root = tmp / "yard"
    py_project(root, 60)
    write_tree(root, {"tasks.py": TASKS_PY, "dodo.py": DODO % repr(YARDS[:4]), "pyproject.toml": PYPROJECT,
                      "noxfile.py": NOXFILE % repr(YARDS[:3])})
    big = tmp / "bigyard"
    py_project(big, 900, zero_at=860)
    write_tree(big, {"tasks.py": tasks_py_big(10), "dodo.py": DODO % repr(YARDS), "pyproject.toml": PYPROJECT,
                     "noxfile.py": NOXFILE % repr(YARDS)})
    broken = tmp / "brokenyard"
    py_project(broken, 20)
    write_tree(broken, {"tasks.py": "from invoke import task\nfrom fellmongers.tanning import bark_pits\n\n"
                        + TASKS_PY.split("\n", 2)[2],
                        "noxfile.py": (NOXFILE % repr(YARDS[:2])).replace('@nox.session(venv_backend="none")',
                                                                            '@nox.session(venv_backend="none"')})

    # invoke
    cap("invoke-list-depth", "invoke --list --list-depth 1", big, n_invoke_list)
    cap("invoke-list-nested", "invoke --list --list-format nested", big, n_invoke_list)
    cap("invoke-list-flat-big", "inv -l", big, n_invoke_list)
    cap("invoke-list-broken", "invoke --list; echo EXIT=$?", broken, n_invoke_list)
    cap("invoke-grade-fail", "invoke grade; echo EXIT=$?", root, N_INVOKE)
    cap("invoke-test-fail", "invoke --echo test --verbose; echo EXIT=$?", root, N_INVOKE)
    cap("invoke-build-big", "invoke build; echo EXIT=$?", big, N_INVOKE)
    # doit
    cap("doit-run", "doit; echo EXIT=$?", root, n_doit_run)
    cap("doit-continue-big", "doit --continue; echo EXIT=$?", big, n_doit_run)
    # poe
    cap("poe-check", "poe check; echo EXIT=$?", root, n_poe_run)
    cap("poe-grade-big", "poe grade 2>&1 | tail -n 40; echo EXIT=$?", big, n_poe_run)
    # nox
    cap("nox-list", "nox --list", root, n_nox_list)
    cap("nox-list-big", "nox -l", big, n_nox_list)
    cap("nox-list-broken", "nox --list; echo EXIT=$?", broken, n_nox_list)


def step_pdm(tmp: Path) -> None:
    root = tmp / "yard"
    env = {"PDM_IGNORE_SAVED_PYTHON": "1", "PDM_CHECK_UPDATE": "false"}
    cm.run("pdm use -f -q /usr/bin/python3 || pdm use -f /usr/bin/python3", cwd=root, env=env, timeout=120)
    cap("pdm-run-list", "pdm run --list", root, n_pdm_run_list, env=env)
    cap("pdm-run-test", "pdm run test; echo EXIT=$?", root, n_pdm_run, env=env)
    cap("pdm-run-all", "pdm run -v all; echo EXIT=$?", root, n_pdm_run, env=env)
    cap("pdm-run-keep", "pdm run keep; echo EXIT=$?", root, n_pdm_run, env=env)
    cap("pdm-run-scour", "pdm run scour; echo EXIT=$?; pdm run yard; echo EXIT=$?; pdm run tan; echo EXIT=$?; pdm run tally; echo EXIT=$?",
        root, n_pdm_run, env=env)
    big = tmp / "bigyard"
    cm.run("pdm use -f /usr/bin/python3", cwd=big, env=env, timeout=120)
    cap("pdm-run-grade-big", "pdm run grade; echo EXIT=$?", big, n_pdm_run, env=env)


def step_hatch(tmp: Path) -> None:
    root = tmp / "yard"
    env = {"HATCH_DATA_DIR": str(TOOLS / "hatch-data"), "HATCH_CACHE_DIR": str(TOOLS / "hatch-cache")}
    cap("hatch-env-show", "hatch env show", root, N_HATCH_ENV_SHOW, env=env)
    cap("hatch-run-test", "hatch run test -v; echo EXIT=$?", root, n_hatch_run, env=env, timeout=300)
    cap("hatch-run-all", "hatch run all; echo EXIT=$?", root, n_hatch_run, env=env, timeout=300)
    cap("hatch-run-grade", "hatch run grade; echo EXIT=$?", root, n_hatch_run, env=env, timeout=300)
    cap("hatch-run-matrix", "hatch run yard:count; echo EXIT=$?; hatch run scour; echo EXIT=$?; "
        "hatch run shed:count; echo EXIT=$?", root, n_hatch_run, env=env, timeout=300)
    big = tmp / "bigyard"
    cap("hatch-run-grade-big", "hatch run grade; echo EXIT=$?", big, n_hatch_run, env=env, timeout=300)


# ------------------------------------------------------------------ the npm monorepo

PKGS = ["pelts", "staples", "sweating-house", "skin-yard", "ledger", "lime-pits", "wool-loft", "hide-press",
        "tan-vats", "bark-mill", "fleece-store", "slipe-shed", "grease-pots", "beam-house", "drying-loft", "bale-press"]


def js_monorepo(root: Path) -> None:
    files = {
        "package.json": json.dumps({
            "name": "fellmongers-yard", "private": True, "version": "0.3.0", "workspaces": ["packages/*"],
            "scripts": {"build:pelts": "npm run build -w @fell/pelts", "build:staples": "npm run build -w @fell/staples",
                        "build:skin": "npm run build -w @fell/skin-yard", "build:ledger": "npm run build -w @fell/ledger",
                        "test:staples": "npm test -w @fell/staples", "test:ledger": "npm test -w @fell/ledger",
                        "lint:yard": "yard-lint packages"}}, indent=2),
        "nx.json": json.dumps({"targetDefaults": {"build": {"dependsOn": ["^build"], "cache": True},
                                                  "test": {"cache": True}}, "defaultBase": "main"}, indent=2),
        "lerna.json": json.dumps({"$schema": "node_modules/lerna/schemas/lerna-schema.json", "version": "0.3.0"},
                                 indent=2),
        "gulpfile.js": GULPFILE, "Gruntfile.js": GRUNTFILE,
        "broken/gulpfile.js": "const { series } = require('gulp');\nconst bark = require('./bark-mill');\n"
                              "exports.default = series(bark.grind);\n",
    }
    for i, p in enumerate(PKGS):
        deps = {f"@fell/{PKGS[0]}": "*"} if i in (1, 3, 4) else {}
        if i == 4:
            deps["@fell/staples"] = "*"
        files[f"packages/{p}/package.json"] = json.dumps({
            "name": f"@fell/{p}", "version": "0.3.0", "main": "index.js", "dependencies": deps,
            "scripts": {"build": "node build.js", "test": "node --test test/", "lint": "node lint.js"}}, indent=2)
        files[f"packages/{p}/index.js"] = f"exports.name = '{p}';\nexports.weigh = (kg) => Math.round(kg * 10) / 10;\n"
        bad_build = p in ("skin-yard", "hide-press", "beam-house")
        files[f"packages/{p}/build.js"] = (
            "const fs = require('fs');\n"
            + (f"const cfg = JSON.parse(fs.readFileSync(__dirname + '/yard.json', 'utf8'));\n" if bad_build else "")
            + f"fs.mkdirSync(__dirname + '/dist', {{recursive: true}});\n"
            f"fs.writeFileSync(__dirname + '/dist/index.js', fs.readFileSync(__dirname + '/index.js'));\n"
            f"console.log('built @fell/{p}');\n")
        if bad_build:
            files[f"packages/{p}/yard.json"] = '{"pits": 4, "lime": "slaked",}\n'
        files[f"packages/{p}/lint.js"] = (
            "if (process.env.STRICT) { console.error('lint: " + p + "/index.js:2:17 arrow body should be a block'); "
            "process.exit(1); }\nconsole.log('lint ok " + p + "');\n") if p != "ledger" else \
            "require('yard-lint-rules');\n"
        tests = [f"test('{p} weighs a pelt', () => assert.strictEqual(weigh(3.14159), 3.1));"]
        if p == "staples":
            tests += ["test('staple of 60 mm is medium', () => assert.strictEqual(cls(60), 'medium'));",
                      "test('merino staple yields 65%', () => assert.deepStrictEqual(yieldOf({greasy: 8, clean: 5.2}), "
                      "{pct: 65}));"]
            files["packages/staples/index.js"] += ("exports.cls = (mm) => mm >= 100 ? 'long' : mm > 60 ? 'medium' : "
                                                   "'short';\nexports.yieldOf = ({greasy, clean}) => ({pct: "
                                                   "clean / greasy * 100});\n")
        if p == "ledger":
            tests += ["test('ledger balances', () => { throw new TypeError(\"Cannot read properties of undefined "
                      "(reading 'debit')\"); });"]
        files[f"packages/{p}/test/{p}.test.js"] = (
            "const test = require('node:test');\nconst assert = require('node:assert');\n"
            "const { weigh, cls, yieldOf } = require('..');\n" + "\n".join(tests) + "\n")
    write_tree(root, files)


GULPFILE = """
const { series, parallel, src, dest } = require('gulp');
const fs = require('fs');

function clean(cb) { fs.rmSync('dist', { recursive: true, force: true }); cb(); }
function pelts(cb) { console.log('counting pelts'); cb(); }
function staples(cb) {
  const lots = fs.readFileSync('packages/staples/index.js', 'utf8').split('\\n').length;
  if (lots > 2) { return cb(new Error(`staple length 0 mm recorded for lot ${lots * 7}: cannot grade`)); }
  cb();
}
function sweat() { return new Promise(() => { console.log('sweating house north at 24 C'); }); }
function lime(cb) { setTimeout(cb, 20); }
function tally() { JSON.parse(fs.readFileSync('packages/skin-yard/yard.json', 'utf8')); return Promise.resolve(); }
function copy() { return src('packages/*/index.js').pipe(dest('dist')); }

exports.clean = clean;
exports.pelts = pelts;
exports.staples = staples;
exports.tally = tally;
exports.copy = copy;
exports.sweat = sweat;
exports.lime = lime;
exports.grade = series(clean, parallel(pelts, staples), copy);
exports.yard = series(clean, parallel(lime, sweat), tally);
exports.all = parallel(series(clean, copy), series(lime, tally));
exports.default = series(clean, copy);
"""

GRUNTFILE = """
module.exports = function (grunt) {
  grunt.initConfig({
    pelts: { otley: { lots: 12 }, frome: { lots: 0 }, kendal: { lots: 7 } },
    staples: { merino: { mm: 70 }, romney: { mm: 150 }, jacob: {} },
  });
  grunt.registerMultiTask('pelts', 'Count the pelts of each skin yard.', function () {
    if (!this.data.lots) { grunt.warn('Skin yard "' + this.target + '" has no pelts to count.'); }
    grunt.log.writeln('yard ' + this.target + ': ' + this.data.lots + ' lots');
  });
  grunt.registerMultiTask('staples', 'Measure wool staples by breed and reject lots without a length.', function () {
    if (this.data.mm === undefined) { grunt.log.error('staple length missing for ' + this.target); return false; }
    grunt.log.ok(this.target + ' staple ' + this.data.mm + ' mm');
  });
  grunt.registerTask('sweat', 'Read the sweating houses (fails when a house runs hot).', function () {
    const houses = { north: 24, south: 31 };
    for (const [h, t] of Object.entries(houses)) {
      if (t > 28) { grunt.fail.fatal('sweating house ' + h + ' at ' + t + ' C: pelts will slip'); }
      grunt.log.writeln('house ' + h + ' ' + t + ' C');
    }
  });
  grunt.registerTask('ledger', 'Write the fellmonger\\'s ledger.', function () {
    const rows = undefined; grunt.log.writeln(rows.length);
  });
  grunt.registerTask('lime', 'Lime the skins in the pits for the given number of days before pulling the wool.', function (days) {
    grunt.log.writeln('liming for ' + (days || 3) + ' days');
  });
  grunt.registerTask('yard', ['pelts', 'staples', 'lime:4']);
  grunt.registerTask('default', ['lime', 'staples', 'sweat']);
};
"""


def step_js(tmp: Path) -> None:
    root = tmp / "jsyard"
    js_monorepo(root)
    cm.run(f"nice npm install --prefer-offline --no-audit --no-fund gulp grunt nx lerna npm-run-all concurrently "
           f"> install.log 2>&1", cwd=root, timeout=500)
    env = {"NX_DAEMON": "false", "NX_NO_CLOUD": "true", "NX_SKIP_NX_CACHE": "true", "NX_TUI": "false",
           "PATH": f"{root}/node_modules/.bin:" + os.environ["PATH"]}
    note_versions(root, env)
    # gulp
    cap("gulp-tasks", "gulp --tasks", root, n_gulp_tasks, env=env)
    cap("gulp-tasks-broken", "gulp --tasks --depth 1 --sort-tasks; gulp --tasks --gulpfile broken/gulpfile.js --cwd .; "
        "echo EXIT=$?", root, n_gulp_tasks, env=env)
    cap("gulp-tasks-simple", "gulp --tasks-simple; gulp --tasks-json; echo EXIT=$?",
        root, n_gulp_tasks, env=env)
    cap("gulp-grade", "gulp grade; echo EXIT=$?", root, n_gulp_run, env=env)
    cap("gulp-yard", "gulp yard; echo EXIT=$?", root, n_gulp_run, env=env)
    cap("gulp-all-continue", "gulp all --continue; echo EXIT=$?; gulp tan; echo EXIT=$?", root, n_gulp_run, env=env)
    # grunt
    cap("grunt-help", "grunt --help", root, n_grunt_help, env=env)
    cap("grunt-yard", "grunt yard; echo EXIT=$?; grunt sweat; echo EXIT=$?", root, n_grunt_run, env=env)
    cap("grunt-yard-force", "grunt yard --force --verbose; echo EXIT=$?", root, n_grunt_run, env=env)
    cap("grunt-default", "grunt; echo EXIT=$?; grunt ledger --stack; echo EXIT=$?", root, n_grunt_run, env=env)
    # npm-run-all, concurrently
    cap("run-p-build", "run-p --print-label --continue-on-error build:*; echo EXIT=$?", root, n_run_p, env=env)
    cap("run-p-test", "run-p -l test:* lint:yard; echo EXIT=$?", root, n_run_p, env=env)
    cap("concurrently-build", "concurrently -n pelts,skin,ledger -c auto \"npm:build:pelts\" \"npm:build:skin\" "
        "\"npm:test:ledger\"; echo EXIT=$?", root, CONCURRENTLY, env=env)
    cap("concurrently-kill-others", "concurrently --kill-others-on-fail --prefix '[{name} {time}]' "
        "-n staples,sweat \"npm:test:staples\" \"sleep 3 && echo sweated\"; echo EXIT=$?", root, CONCURRENTLY,
        env=env)
    # nx
    cap("nx-show-project-staples", "nx show project @fell/staples --json | jq .", root, n_nx_show_project, env=env)
    cap("nx-show-project-ledger", "nx show project @fell/ledger --json | jq . ; nx show project @fell/tannery "
        "--json; echo EXIT=$?", root, n_nx_show_project, env=env)
    cap("nx-run-many-test", "nx run-many -t test --output-style=static; echo EXIT=$?", root, n_nx_run_many, env=env,
        timeout=300)
    cap("nx-run-many-build", "nx run-many -t build lint --parallel=2 --output-style=static; echo EXIT=$?", root,
        n_nx_run_many, env=env, timeout=300)
    # lerna
    cap("lerna-exec", "lerna exec --no-bail -- node build.js; echo EXIT=$?", root, n_lerna_exec, env=env, timeout=300)
    cap("lerna-exec-stream", "lerna exec --stream --no-bail -- node --test test/; echo EXIT=$?", root, n_lerna_exec,
        env=env, timeout=300)
    cap("lerna-run-test", "lerna run test --stream; echo EXIT=$?", root, n_lerna_run, env=env, timeout=300)


def note_versions(root: Path, env: dict) -> None:
    cm.note(cm.run("gulp --version; grunt --version; nx --version; lerna --version; run-p --version; "
                   "concurrently --version", cwd=root, env=env).replace("\n", "; "))


STEPS = [step_py, step_pdm, step_hatch, step_js]


def ensure_tools() -> None:
    cm.PATH_PREFIX[:0] = [str(VENV / "bin")]


def main() -> None:
    cm.capture_round(__doc__, ensure_tools, lambda: STEPS, ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 10_000, 60_000))
    out = Path(sys.argv[sys.argv.index("--out") + 1]) if "--out" in sys.argv else DEFAULT_OUT
    drop_and_check(out)


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide798", sys.modules["__main__"])
    main()
