"""Round 64, the Python tools: behave on a written apiary-inspection library (`hivelog`) with bugs put in;
rstcheck, typos and twine check on its README, docs and build; pip-licenses on this round's tool venv and on
another round's; sqlite-utils --table on a honey-order table and datamash groupby on a hive-scale CSV, both written
here with seeded generators. Each kind's extractor is round 24's, imported. Run through capture_wide64.py."""

from __future__ import annotations

import random
from pathlib import Path

from capture_more import PIP_ENV, run, write_tree
from capture_wide24_py import (N_BEHAVE, N_PIP_LICENSES, N_RSTCHECK, N_SQLITE_UTILS_TABLE, N_TWINE_CHECK,
                               N_TYPOS)
from capture_wide24_sys import N_DATAMASH
from capture_wide64 import VENV, cap

# ------------------------------------------------------------------ hivelog: inspections, with bugs put in

HIVELOG_PY = '''"""Apiary inspection records: colony strength, queen status, varroa counts and honey supers."""
from dataclasses import dataclass, field


@dataclass
class Inspection:
    hive: str
    day: int
    frames_brood: int
    queen_seen: bool
    mites_per_100: float
    supers: int = 0


@dataclass
class Apiary:
    name: str
    records: list = field(default_factory=list)

    def inspect(self, rec):
        if rec.frames_brood < 0:
            raise ValueError(f"negative brood frames for {rec.hive}")
        self.records.append(rec)

    def latest(self, hive):
        # bug: the first record, not the latest one
        mine = [r for r in self.records if r.hive == hive]
        return mine[0]

    def needs_treatment(self, hive, threshold=3.0):
        # bug: strictly greater, the guide says "at or above"
        return self.latest(hive).mites_per_100 > threshold

    def queenless(self):
        # bug: a hive is queenless after two inspections without the queen; this flags one
        return sorted({r.hive for r in self.records if not r.queen_seen})

    def honey_kg(self, kg_per_super=12):
        return sum(r.supers for r in self.records) * kg_per_super

    def strength(self, hive):
        rec = self.latest(hive)
        if rec.frames_brood >= 8:
            return "strong"
        if rec.frames_brood >= 4:
            return "medium"
        return "weak"

    def split_candidates(self):
        return [h for h in {r.hive for r in self.records} if self.strength(h) == "strong" and self.latest(h).supers]
'''

FEATURE = '''Feature: Inspection records
  The beekeeper records each visit and asks the apiary what to do next.

  Background:
    Given an apiary called "Heath Lane"

  Scenario: The latest inspection wins
    When hive "H1" is inspected on day 1 with 5 brood frames, queen seen, 1.2 mites and 0 supers
    And hive "H1" is inspected on day 9 with 9 brood frames, queen seen, 2.0 mites and 2 supers
    Then the latest brood count of "H1" is 9
    And hive "H1" is "strong"

  Scenario: Treatment at the threshold
    When hive "H2" is inspected on day 3 with 6 brood frames, queen seen, 3.0 mites and 1 supers
    Then hive "H2" needs treatment

  Scenario: Below the threshold
    When hive "H3" is inspected on day 3 with 6 brood frames, queen seen, 2.9 mites and 1 supers
    Then hive "H3" needs no treatment

  Scenario: Queenless after two visits
    When hive "H4" is inspected on day 2 with 3 brood frames, queen missing, 0.5 mites and 0 supers
    And hive "H5" is inspected on day 2 with 4 brood frames, queen missing, 0.8 mites and 0 supers
    And hive "H5" is inspected on day 9 with 2 brood frames, queen missing, 0.9 mites and 0 supers
    Then the queenless hives are "H5"

  Scenario: Honey harvest
    When hive "H6" is inspected on day 20 with 8 brood frames, queen seen, 1.0 mites and 3 supers
    And hive "H7" is inspected on day 21 with 7 brood frames, queen seen, 1.1 mites and 2 supers
    Then the harvest is 60 kg

  Scenario: Negative brood is refused
    When hive "H8" is inspected on day 4 with -1 brood frames, queen seen, 1.0 mites and 0 supers
    Then the inspection was refused

  Scenario Outline: Strength bands
    When hive "<hive>" is inspected on day 5 with <brood> brood frames, queen seen, 1.0 mites and 0 supers
    Then hive "<hive>" is "<band>"

    Examples:
      | hive | brood | band   |
      | S1   | 9     | strong |
      | S2   | 8     | strong |
      | S3   | 4     | medium |
      | S4   | 3     | weak   |
      | S5   | 0     | weak   |

  Scenario: Split candidates have supers on
    When hive "C1" is inspected on day 1 with 9 brood frames, queen seen, 1.0 mites and 1 supers
    And hive "C1" is inspected on day 8 with 9 brood frames, queen seen, 1.0 mites and 0 supers
    Then the split candidates are ""

  Scenario: Mite drop recorded on the wrong hive
    When hive "M1" is inspected on day 6 with 5 brood frames, queen seen, 4.5 mites and 0 supers
    Then the mite count of "M2" is 4.5
'''

STEPS_PY = '''from behave import given, then, when

from hivelog import Apiary, Inspection


@given('an apiary called "{name}"')
def step_apiary(context, name):
    context.apiary = Apiary(name)
    context.refused = None


@when('hive "{hive}" is inspected on day {day:d} with {brood:d} brood frames, queen {q}, {mites:f} mites and '
      '{supers:d} supers')
def step_inspect(context, hive, day, brood, q, mites, supers):
    try:
        context.apiary.inspect(Inspection(hive, day, brood, q == "seen", mites, supers))
    except ValueError as exc:
        context.refused = exc


@then('the latest brood count of "{hive}" is {n:d}')
def step_latest(context, hive, n):
    got = context.apiary.latest(hive).frames_brood
    assert got == n, f"latest brood of {hive}: expected {n}, got {got}"


@then('hive "{hive}" is "{band}"')
def step_band(context, hive, band):
    got = context.apiary.strength(hive)
    assert got == band, f"strength of {hive}: expected {band!r}, got {got!r}"


@then('hive "{hive}" needs treatment')
def step_treat(context, hive):
    assert context.apiary.needs_treatment(hive), f"{hive} at the threshold should be treated"


@then('hive "{hive}" needs no treatment')
def step_no_treat(context, hive):
    assert not context.apiary.needs_treatment(hive)


@then('the queenless hives are "{hives}"')
def step_queenless(context, hives):
    want = [h for h in hives.split(",") if h]
    got = context.apiary.queenless()
    assert got == want, f"queenless: expected {want}, got {got}"


@then('the harvest is {kg:d} kg')
def step_harvest(context, kg):
    assert context.apiary.honey_kg() == kg


@then('the inspection was refused')
def step_refused(context):
    assert context.refused is not None


@then('the split candidates are "{hives}"')
def step_split(context, hives):
    want = [h for h in hives.split(",") if h]
    assert context.apiary.split_candidates() == want, context.apiary.split_candidates()


@then('the mite count of "{hive}" is {m:f}')
def step_mites(context, hive, m):
    assert context.apiary.latest(hive).mites_per_100 == m
'''


def hivelog(tmp: Path) -> Path:
    d = tmp / "hivelog"
    write_tree(d, {"hivelog.py": HIVELOG_PY, "features/inspections.feature": FEATURE,
                   "features/steps/hive_steps.py": STEPS_PY})
    return d


def behave(tmp: Path) -> None:
    d = hivelog(tmp)
    env = {"PYTHONPATH": str(d)}
    cap("behave-hivelog", "behave --no-color 2>&1", d, N_BEHAVE, env=env)
    cap("behave-hivelog-plain-tail", "behave --no-color --format plain --no-snippets 2>&1 | tail -n 60", d, N_BEHAVE,
        env=env)


README = """hivelog
=======

Inspection records for small apiaries: brood frames, queen sightings, varroa counts and supers.

.. contents::

Install
------

    pip install hivelog

Quick start
===========

.. code-block:: python

   from hivelog import Apiary, Inspection
   a = Apiary("Heath Lane")
   a.inspect(Inspection("H1", 1, 6, True, 1.5)

.. code-block:: json

   {"hive": "H1", "mites": 1.5,}

Thresholds follow the `national bee unit guide`_ and :ref:`treatments`.

.. note::
  Mite counts are per 100 bees, from an alcohol wash.

.. warning:: Never open a hive in the rain*

.. |hive| image:: hive.png
   :widht: 40

Changelog
---------

* 0.2.0 - queenless detection
* 0.1.0 - first release
"""

DOC_TREATMENT = """Treatments
==========

.. _treatments:

Oxalic acid
-----------

Apply in the broodless period. See `the label <https://example.invalid/oxalic>`_.

.. code-block:: python

   def dose(hive)
       return 5 * hive.seams

Formic acid
~~~~~~~~~~

Temperatures between 10 and 29 C.

.. code-block:: yaml

   treatment: formic
   days: [1, 2
"""

DOC_SEASON = """Season
======

Spring build-up
---------------

Check for queen cells every nine days::

    swarm_check(apiary)

.. code-block:: bash

   hivelog export --since 2026-03-01 | jq '.[] | select(.mites > 3'

Autumn
------

Feed 2:1 syrup. Unite weak colonies.

.. image:: autumn.png
   :alt: an autumn hive

`Unknown link`_
"""

TYPO_SOURCES = {
    "hivelog/__init__.py": "# Recieve inspection records and calcualte the colony strenght.\n"
                           "# Teh queen is seperate from the brood; occurence of queen cells is recoreded.\n",
    "hivelog/export.py": "def export(records):\n    \"\"\"Wirte the records as JSON; the adress of the apiary is "
                         "ommitted.\"\"\"\n    return [r.__dict__ for r in records]  # dependant on dataclasses\n\n\n"
                         "def acheive(target):\n    # untill the harvest is reached\n    return target\n",
    "docs/notes.md": "Beekeepers shoud check the brood wich is capped.\nThe begining of the season is "
                     "succesful when the colony is accomodated in two boxes.\nRefered to in the goverment guide.\n",
}


HIVE_PAGES = ["heath-1", "heath-2", "heath-3", "orchard-1", "orchard-2", "orchard-3", "orchard-4", "moor-1",
              "moor-2", "moor-3", "town-roof", "nuc-a", "nuc-b", "nuc-c"]


def hive_page(name: str, i: int) -> str:
    """One hive's page; a seeded choice of the mistakes a hand-written page picks up."""
    rnd = random.Random(6400 + i)
    title = f"Hive {name}"
    out = [title, "=" * (len(title) - (1 if rnd.random() < 0.4 else 0)), "",
           f"Queen marked {rnd.choice(['white', 'yellow', 'red', 'green', 'blue'])}, "
           f"introduced week {rnd.randrange(1, 40)}.", ""]
    if rnd.random() < 0.5:
        out += ["Inspections", "-" * 8, ""]
    else:
        out += ["Inspections", "-" * 11, ""]
    out += [f"* week {w}: {rnd.randrange(2, 11)} frames of brood, {round(rnd.uniform(0.2, 4.5), 1)} mites"
            for w in range(1, rnd.randrange(4, 9))]
    out.append("")
    if rnd.random() < 0.5:
        out += [".. code-block:: python", "", f"   a.inspect(Inspection('{name}', 3, 6, True, 1.2)", ""]
    if rnd.random() < 0.4:
        out += [f"See :ref:`treatments` and `{name} log`_.", ""]
    if rnd.random() < 0.4:
        out += [".. image:: photo.jpg", "   :width: 200", "   :hieght: 100", ""]
    if rnd.random() < 0.3:
        out += [".. note:: *queen cells seen", ""]
    return "\n".join(out) + "\n"


def docs(tmp: Path) -> None:
    d = hivelog(tmp)
    write_tree(d, {"README.rst": README, "docs/treatments.rst": DOC_TREATMENT, "docs/season.rst": DOC_SEASON,
                   **TYPO_SOURCES,
                   "pyproject.toml": "[build-system]\nrequires = [\"setuptools>=68\"]\nbuild-backend = "
                   "\"setuptools.build_meta\"\n\n[project]\nname = \"hivelog\"\nversion = \"0.2.0\"\n"
                   "readme = \"README.rst\"\nrequires-python = \">=3.10\"\n\n[tool.setuptools]\n"
                   "py-modules = [\"hivelog\"]\n"})
    write_tree(d, {f"docs/hives/{name}.rst": hive_page(name, i) for i, name in enumerate(HIVE_PAGES)})
    cap("rstcheck-hivelog-info", "rstcheck --report-level info README.rst docs/*.rst docs/hives/*.rst 2>&1", d,
        N_RSTCHECK)
    cap("rstcheck-hivelog-hives-warning-exit", "rstcheck --report-level warning docs/hives/*.rst; echo EXIT=$?", d,
        N_RSTCHECK)
    cap("typos-hivelog", "typos 2>&1", d, N_TYPOS)
    cap("typos-hivelog-docs-head", "typos hivelog docs 2>&1 | head -n 80", d, N_TYPOS)
    run(f"{VENV}/bin/python -m build --sdist --wheel . >/dev/null 2>&1", cwd=d, env=PIP_ENV, timeout=300)
    cap("twine-check-hivelog", "twine check dist/* 2>&1", d, N_TWINE_CHECK)
    cap("twine-check-strict-hivelog", "twine check --strict dist/*; echo EXIT=$?", d, N_TWINE_CHECK)


# ------------------------------------------------------------------ tables


def scale_csv(seed: int) -> str:
    """Hive-scale weights: 14 hives, 8 weeks, a reading every 4 hours; one hive swarms, one scale sticks."""
    rnd = random.Random(seed)
    rows = ["hive,week,hour,kg,temp"]
    for w in range(1, 9):
        for h in range(0, 24, 4):
            for hv in range(1, 15):
                kg = round(38 + hv * 0.7 + w * 1.3 + rnd.uniform(-1.5, 1.5), 2)
                if hv == 6 and w >= 5:
                    kg = round(kg - 9.4, 2)  # the swarm left
                if hv == 11 and w == 3:
                    kg = 0.0  # the scale stuck
                rows.append(f"HV{hv:02d},W{w},{h},{kg},{round(20 + rnd.uniform(-6, 9), 1)}")
    return "\n".join(rows) + "\n"


def orders(seed: int, n: int) -> str:
    rnd = random.Random(seed)
    regions = ["moorland", "valley", "coast", "town"]
    rows = []
    for i in range(1, n + 1):
        total = round(rnd.uniform(6, 95), 2)
        if i in (44, 171):
            total = 1280.0
        status = "refunded" if i in (19, 133) else "disputed" if i == 88 else "shipped"
        rows.append(f'{{"id":{i},"customer":"b{rnd.randrange(60):03d}","region":"{rnd.choice(regions)}",'
                    f'"total":{total},"status":"{status}"}}')
    return "[" + ",".join(rows) + "]"


def tables(tmp: Path) -> None:
    cap("pip-licenses-tools-venv", f"pip-licenses --python {VENV}/bin/python --format=plain --order=license 2>&1",
        tmp, N_PIP_LICENSES, typed="pip-licenses --python venv/bin/python --format=plain --order=license 2>&1")
    other = Path("/tmp/hm-corpus-wide47-tools/venv/bin/python")
    if other.exists():
        cap("pip-licenses-ci-venv-urls", f"pip-licenses --python {other} --format=plain --with-urls 2>&1", tmp,
            N_PIP_LICENSES, typed="pip-licenses --python .venv/bin/python --format=plain --with-urls 2>&1")
    d = tmp / "apiary-data"
    write_tree(d, {"scale.csv": scale_csv(64), "orders.json": orders(640, 260)})
    cap("datamash-groupby-hive-week", "datamash -t, --header-in -s -g hive,week count kg min kg max kg mean kg "
        "< scale.csv 2>&1", d, N_DATAMASH)
    cap("datamash-groupby-hive-hour-temp-head", "datamash -t, --header-in -s -g hive,hour count temp min temp "
        "max temp mean temp < scale.csv 2>&1 | head -n 60", d, N_DATAMASH)
    run("sqlite-utils insert honey.db orders orders.json --pk id", cwd=d)
    cap("sqlite-utils-rows-orders-table", "sqlite-utils rows honey.db orders --table 2>&1", d, N_SQLITE_UTILS_TABLE)
    cap("sqlite-utils-query-orders-table", "sqlite-utils query honey.db \"select id, customer, region, total, "
        "status from orders where total > 60 order by region, total desc\" --table 2>&1", d, N_SQLITE_UTILS_TABLE)


STEPS = [behave, docs, tables]
