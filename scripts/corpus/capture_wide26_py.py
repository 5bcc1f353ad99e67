"""Round 26, the Python tools: bandit, flake8 and pyright on the toolz, tabulate and simplejson sdists as shipped;
pip wheel of two C extensions (simplejson, markupsafe); a Django project (a library's loans) with half applied
migrations; a typer and a click CLI (a greenhouse controller, a tide-table tool); behave on a written tide-table
library with bugs put in; rstcheck, typos and twine check on the sdists and on that library's own README and
build; a third click CLI (a bakery planner); pip-licenses on round 25's venv;
sqlite-utils and datamash on a written CSV of greenhouse readings. Each kind's extractor is the earlier round's,
imported. Run through capture_wide26.py."""

from __future__ import annotations

from pathlib import Path

from capture_more import n_bandit, n_pip_wheel, n_pyright, run, write_tree
from capture_wide10_more import n_typer_help
from capture_wide10_py import n_showmigrations
from capture_wide15_diag import n_flake8
from capture_wide17_runs import patch
from capture_wide21_lib import n_click_help
from capture_wide24_py import (N_BEHAVE, N_PIP_LICENSES, N_RSTCHECK, N_SQLITE_UTILS_TABLE, N_TWINE_CHECK,
                               N_TYPOS)
from capture_wide24_sys import N_DATAMASH
from capture_wide26 import MARKUPSAFE, PY24, PY25, SIMPLEJSON, SRC, TABULATE, TOOLZ, cap
from capture_more import PIP_ENV

# ------------------------------------------------------------------ linters on the sdists as shipped


def lint(tmp: Path) -> None:
    cap("bandit-r-toolz-tabulate", f"bandit -r -x {TOOLZ}/toolz/tests {TOOLZ}/toolz {TABULATE}/tabulate 2>&1", tmp,
        n_bandit)
    cap("bandit-ll-simplejson", f"bandit -r -ll {SIMPLEJSON}/simplejson 2>&1", tmp, n_bandit)
    cap("flake8-toolz", "flake8 toolz 2>&1", tmp / TOOLZ, n_flake8)
    cap("flake8-tabulate-simplejson", f"flake8 --max-line-length 100 {TABULATE} {SIMPLEJSON}/simplejson 2>&1", tmp,
        n_flake8)
    cap("flake8-select-markupsafe", "flake8 --select E,W,F,C90 --max-complexity 8 src tests 2>&1", tmp / MARKUPSAFE,
        n_flake8)
    cap("pyright-toolz", "pyright toolz 2>&1", tmp / TOOLZ, n_pyright, env={"PYRIGHT_PYTHON_FORCE_VERSION": None})
    cap("pyright-tabulate-markupsafe", f"pyright --pythonversion 3.12 {TABULATE}/tabulate {MARKUPSAFE}/src 2>&1",
        tmp, n_pyright)


def wheels(tmp: Path) -> None:
    env = {**PIP_ENV, "CFLAGS": "-Wall -Wextra -Wconversion"}
    pip = f"{PY25.parent}/pip"
    for name, d in (("simplejson", SIMPLEJSON), ("markupsafe", MARKUPSAFE)):
        cap(f"pip-wheel-cext-{name}", f"{pip} wheel -v --no-deps -w dist . 2>&1", tmp / d, n_pip_wheel,
            env=env, timeout=600, typed="pip wheel -v --no-deps -w dist . 2>&1")
    uj = "wheel -v --no-cache-dir --no-deps --no-binary :all: -w dist ujson==5.10.0 2>&1"  # no cache: it builds
    cap("pip-wheel-no-binary-ujson", f"{pip} {uj}", tmp, n_pip_wheel, env=env, timeout=600, typed=f"pip {uj}")
    run(f"mkdir -p dist && cp */dist/*.whl {SRC}/*.tar.gz dist/", cwd=tmp)
    cap("twine-check-strict-wheels-sdists", "twine check --strict dist/* 2>&1", tmp, N_TWINE_CHECK)
    cap("twine-check-sdists", "twine check *.tar.gz 2>&1", SRC, N_TWINE_CHECK)


# ------------------------------------------------------------------ Django: a library's loans

LOANS_MODELS = '''from django.db import models


class Member(models.Model):
    card = models.CharField(max_length=12, unique=True)
    name = models.CharField(max_length=120)


class Book(models.Model):
    isbn = models.CharField(max_length=13, unique=True)
    title = models.CharField(max_length=200)
    copies = models.PositiveIntegerField(default=1)


class Loan(models.Model):
    member = models.ForeignKey(Member, on_delete=models.PROTECT)
    book = models.ForeignKey(Book, on_delete=models.PROTECT)
    out = models.DateField()
    due = models.DateField()
'''

# fields added one migration at a time
FIELDS_ADDED = [("Member", "email", "models.EmailField(blank=True)"), ("Book", "year", "models.IntegerField(null=True)"),
               ("Loan", "returned", "models.DateField(null=True)"),
               ("Member", "blocked", "models.BooleanField(default=False)"),
               ("Book", "shelf", "models.CharField(max_length=8, blank=True)"),
               ("Loan", "fine", "models.IntegerField(default=0)")]


def django(tmp: Path) -> None:
    root = tmp / "library"
    root.mkdir()
    run(f"{PY25.parent}/django-admin startproject library .", cwd=root)
    run(f"{PY25} manage.py startapp loans && {PY25} manage.py startapp catalog", cwd=root)
    settings = root / "library" / "settings.py"
    apps = '    "django.contrib.staticfiles",\n'
    patch(settings, apps, apps + '    "loans",\n    "catalog",\n')
    write_tree(root, {"loans/models.py": LOANS_MODELS,
                      "catalog/models.py": "from django.db import models\n\n\nclass Shelf(models.Model):\n"
                                           "    code = models.CharField(max_length=8)\n"})
    run(f"{PY25} manage.py makemigrations loans catalog", cwd=root)
    for model, field, decl in FIELDS_ADDED:
        patch(root / "loans" / "models.py", f"class {model}(models.Model):\n",
              f"class {model}(models.Model):\n    {field} = {decl}\n")
        run(f"{PY25} manage.py makemigrations loans -n {model.lower()}_{field}", cwd=root)
    run(f"{PY25} manage.py migrate && {PY25} manage.py migrate loans 0005", cwd=root, timeout=300)
    cap("django-showmigrations-library", f"{PY25} manage.py showmigrations", root, n_showmigrations,
        typed="python manage.py showmigrations")
    cap("django-showmigrations-plan-library", f"{PY25} manage.py showmigrations --plan", root, n_showmigrations,
        typed="python manage.py showmigrations --plan")


# ------------------------------------------------------------------ CLIs: typer and click --help

TYPER_APP = '''import typer
from enum import Enum
from typing import Optional

app = typer.Typer(help="Greenhouse controller: zones, vents, irrigation schedules and sensor calibration.")


class Crop(str, Enum):
    tomato = "tomato"
    cucumber = "cucumber"
    pepper = "pepper"
    lettuce = "lettuce"


@app.command()
def irrigate(zone: int = typer.Argument(..., help="Zone number, 1-24."),
             litres: float = typer.Option(12.5, "--litres", "-l", help="Water per plant row."),
             crop: Crop = typer.Option(Crop.tomato, help="Crop profile for the fertiliser mix."),
             at: Optional[str] = typer.Option(None, help="Start time HH:MM; now when absent."),
             dry_run: bool = typer.Option(False, "--dry-run", help="Print the valve plan, open nothing.")):
    """Open the valves of ZONE for one watering cycle."""


@app.command()
def vent(percent: int = typer.Argument(..., min=0, max=100, help="Roof vent opening."),
         side: bool = typer.Option(False, help="Also open the side vents."),
         wind_limit: float = typer.Option(9.0, help="Close again above this wind speed (m/s).")):
    """Set the roof vents."""


@app.command()
def calibrate(sensor: str = typer.Argument(..., help="Sensor id, e.g. T-07 or RH-12."),
              reference: float = typer.Option(..., prompt=True, help="Reference reading."),
              samples: int = typer.Option(30, help="Readings to average.")):
    """Calibrate one sensor against a reference reading."""


@app.command()
def schedule(show: bool = typer.Option(True, help="Print the week's schedule."),
             export: Optional[str] = typer.Option(None, help="Write the schedule as CSV to this path."),
             week: int = typer.Option(0, help="Week offset from this week.")):
    """Show or export the irrigation schedule."""


@app.command()
def alarms(since: str = typer.Option("24h", help="Window: 1h, 24h, 7d."),
           level: str = typer.Option("warning", help="Lowest level shown."),
           ack: bool = typer.Option(False, help="Acknowledge the listed alarms.")):
    """List the climate alarms."""


if __name__ == "__main__":
    app()
'''

CLICK_APP = '''import click


@click.group()
@click.option("--station", default="HOEK", show_default=True, help="Tide gauge station code.")
@click.option("--tz", default="Europe/Amsterdam", show_default=True, help="Time zone of the printed times.")
@click.option("--datum", type=click.Choice(["NAP", "LAT", "MSL"]), default="NAP", show_default=True,
              help="Vertical reference of the heights.")
@click.option("-v", "--verbose", count=True, help="More detail; repeat for more.")
@click.version_option("0.9.1", prog_name="tides")
def cli(station, tz, datum, verbose):
    """Tide tables: predictions, observed levels and the difference between them."""


@cli.command()
@click.option("--days", type=int, default=7, show_default=True)
@click.option("--highs-only", is_flag=True)
def predict(days, highs_only):
    """Predicted high and low water."""


@cli.command()
@click.argument("start")
@click.argument("end")
@click.option("--interval", type=click.Choice(["1m", "10m", "1h"]), default="10m", show_default=True)
def observed(start, end, interval):
    """Observed water levels between START and END."""


@cli.command()
@click.option("--threshold", type=float, default=0.3, show_default=True, help="Surge in metres to report.")
def surge(threshold):
    """Where observed and predicted differ by more than the threshold."""


@cli.command(name="export")
@click.option("--format", "fmt", type=click.Choice(["csv", "json", "ical"]), default="csv")
@click.option("-o", "--output", type=click.Path(), required=True)
def export_(fmt, output):
    """Export a table."""


@cli.command()
def stations():
    """List the known gauge stations."""


if __name__ == "__main__":
    cli()
'''


BAKERY_APP = '''import click


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.option("--shop", envvar="BAKERY_SHOP", default="main-street", show_default=True, help="Which shop's ovens.")
@click.option("--dry-run", is_flag=True, help="Plan only; send nothing to the ovens.")
def cli(shop, dry_run):
    """Bakery planner: doughs, proofing, oven slots and the morning's orders."""


@cli.command()
@click.argument("recipe")
@click.option("--batches", type=click.IntRange(1, 40), default=1, show_default=True)
def dough(recipe, batches):
    """Scale RECIPE to a number of batches."""


@cli.command()
@click.option("--oven", type=click.Choice(["deck", "rack", "convection"]), multiple=True)
@click.option("--from", "start", default="04:00", show_default=True)
def slots(oven, start):
    """Free oven slots from a start time."""


@cli.command(name="orders")
@click.option("--date", type=click.DateTime(["%Y-%m-%d"]))
@click.option("--export", type=click.File("w"), help="Write the orders as CSV.")
def orders_(date, export):
    """The orders to bake for a date."""
'''


def clis(tmp: Path) -> None:
    d = tmp / "clis"
    write_tree(d, {"greenhouse.py": TYPER_APP, "tides.py": CLICK_APP, "bakery.py": BAKERY_APP + "\n\ncli()\n"})
    cap("click-help-bakery", f"{PY25} bakery.py -h", d, n_click_help, typed="python bakery.py -h")
    cap("typer-help-greenhouse", f"{PY25} greenhouse.py --help", d, n_typer_help, typed="python greenhouse.py --help",
        env={"COLUMNS": "100"})
    cap("typer-help-greenhouse-irrigate", f"{PY25} greenhouse.py irrigate --help", d, n_typer_help,
        typed="python greenhouse.py irrigate --help", env={"COLUMNS": "100"})
    cap("click-help-tides", f"{PY25} tides.py --help", d, n_click_help, typed="python tides.py --help")


# ------------------------------------------------------------------ behave: a tide-table library with bugs

TIDES_PY = '''from dataclasses import dataclass


@dataclass
class Tide:
    time: str  # HH:MM
    height_cm: int
    kind: str  # "HW" or "LW"


def minutes(hhmm: str) -> int:
    h, m = hhmm.split(":")
    return int(h) * 60 + int(m)


def next_high(tides: list[Tide], now: str) -> Tide | None:
    for t in tides:
        if t.kind == "HW" and minutes(t.time) > minutes(now):  # misses a high water exactly at `now`
            return t
    return None


def range_cm(tides: list[Tide]) -> int:
    highs = [t.height_cm for t in tides if t.kind == "HW"]
    lows = [t.height_cm for t in tides if t.kind == "LW"]
    return max(highs) - max(lows)  # should be min(lows)


def safe_window(tides: list[Tide], draught_cm: int) -> list[str]:
    return [t.time for t in tides if t.height_cm > draught_cm]  # ignores the keel margin of 30 cm


def to_metres(cm: int) -> str:
    return f"{cm / 100:.1f} m"  # rounds to decimetres
'''

TIDES_FEATURE = '''Feature: Tide table questions
  Skippers ask the tide table when they can leave the harbour.

  Background:
    Given the tides at Hoek van Holland
      | time  | height_cm | kind |
      | 02:14 | 182       | HW   |
      | 08:41 | -61       | LW   |
      | 14:37 | 171       | HW   |
      | 21:05 | -48       | LW   |

  Scenario Outline: Next high water
    When I ask for the next high water after <now>
    Then the answer is "<answer>"

    Examples:
      | now   | answer |
      | 00:00 | 02:14  |
      | 02:14 | 02:14  |
      | 03:00 | 14:37  |
      | 10:00 | 14:37  |
      | 14:37 | 14:37  |
      | 15:00 | none   |
      | 23:59 | none   |

  Scenario: Tidal range
    When I ask for the range
    Then the range is 243 cm

  Scenario Outline: Leaving with a keel
    When a boat with draught <draught> cm asks for a window
    Then the windows are "<times>"

    Examples:
      | draught | times       |
      | 120     | 02:14       |
      | 140     | 02:14       |
      | 150     | none        |
      | 60      | 02:14,14:37 |
      | -100    | 02:14,14:37 |

  Scenario Outline: Heights in metres
    When I print <cm> cm in metres
    Then it reads "<text>"

    Examples:
      | cm  | text    |
      | 182 | 1.82 m  |
      | -61 | -0.61 m |
      | 100 | 1.00 m  |
      | 0   | 0.00 m  |

  Scenario: A station that is not in the table
    When I ask for the tides at "Vlieland"
    Then I am told the station is unknown
'''

TIDES_STEPS = '''from behave import given, then, when

from tidetable import Tide, next_high, range_cm, safe_window, to_metres


@given("the tides at Hoek van Holland")
def step_tides(context):
    context.tides = [Tide(r["time"], int(r["height_cm"]), r["kind"]) for r in context.table]


@when("I ask for the next high water after {now}")
def step_next(context, now):
    t = next_high(context.tides, now)
    context.answer = t.time if t else "none"


@then('the answer is "{answer}"')
def step_answer(context, answer):
    assert context.answer == answer, f"next high water {context.answer}, expected {answer}"


@when("I ask for the range")
def step_range(context):
    context.range = range_cm(context.tides)


@then("the range is {cm:d} cm")
def step_range_is(context, cm):
    assert context.range == cm, f"range {context.range} cm, expected {cm}"


@when("a boat with draught {draught:d} cm asks for a window")
def step_window(context, draught):
    context.windows = ",".join(safe_window(context.tides, draught + 30)) or "none"


@then('the windows are "{times}"')
def step_windows(context, times):
    assert context.windows == times, f"windows {context.windows!r}"


@when("I print {cm:d} cm in metres")
def step_metres(context, cm):
    context.text = to_metres(cm)


@then('it reads "{text}"')
def step_reads(context, text):
    assert context.text == text, f"printed {context.text!r}"
'''


def behave(tmp: Path) -> None:
    d = tmp / "tidetable"
    write_tree(d, {"tidetable.py": TIDES_PY, "features/tides.feature": TIDES_FEATURE,
                   "features/steps/tide_steps.py": TIDES_STEPS})
    cap("behave-tidetable", "behave --no-color 2>&1", d, N_BEHAVE, env={"PYTHONPATH": str(d)})
    cap("behave-tidetable-short", "behave --no-color --format progress --no-snippets 2>&1", d, N_BEHAVE,
        env={"PYTHONPATH": str(d)})


TIDES_README = """tidetable
=========

Tide questions for skippers: the next high water, the range, a window to leave the harbour.

Install
------

    pip install tidetable

Usage
=====

.. code-block:: python

   from tidetable import next_high
   next_high(tides, "10:00"

See `the tide tables`_ and :ref:`windows`.

.. note::
  Heights are in centimetres above NAP.

.. warning:: Do not navigate by this *library
"""


def docs(tmp: Path) -> None:
    t = tmp / "tidetable"
    write_tree(t, {"README.rst": TIDES_README, "pyproject.toml": "[build-system]\nrequires = [\"setuptools>=68\"]\n"
                   "build-backend = \"setuptools.build_meta\"\n\n[project]\nname = \"tidetable\"\nversion = \"0.1.0\"\n"
                   "readme = \"README.rst\"\nrequires-python = \">=3.10\"\n\n[tool.setuptools]\npy-modules = [\"tidetable\"]\n"})
    cap("rstcheck-tidetable-readme", "rstcheck --report-level info README.rst 2>&1", t, N_RSTCHECK)
    run(f"{PY24} -m build --sdist --wheel . >/dev/null 2>&1", cwd=t, env=PIP_ENV, timeout=300)
    cap("twine-check-tidetable", "twine check dist/* 2>&1", t, N_TWINE_CHECK)
    cap("rstcheck-simplejson", "rstcheck --report-level info *.rst 2>&1", tmp / SIMPLEJSON, N_RSTCHECK)
    cap("rstcheck-markupsafe-docs", "rstcheck --report-level warning docs/*.rst CHANGES.rst 2>&1", tmp / MARKUPSAFE,
        N_RSTCHECK)
    cap("typos-toolz", "typos 2>&1", tmp / TOOLZ, N_TYPOS)
    cap("typos-simplejson-tabulate", f"typos {SIMPLEJSON} {TABULATE} 2>&1", tmp, N_TYPOS)


def greenhouse_csv() -> str:
    """Readings of 9 greenhouse zones over 14 days; one zone's probe drifts, one reads a frozen value."""
    rows = ["zone,day,hour,temp_c,rh"]
    for d in range(1, 15):
        for h in range(0, 24, 3):
            for z in range(1, 10):
                t = round(17 + ((z * 13 + h * 5 + d * 7) % 90) / 10, 1)
                rh = 55 + (z * 11 + h * 3 + d) % 35
                if z == 4:
                    t = round(t + d * 0.9, 1)
                if z == 8 and d >= 10:
                    t, rh = 21.0, 99
                rows.append(f"Z{z:02d},2026-10-{d:02d},{h},{t},{rh}")
    return "\n".join(rows) + "\n"


def tables(tmp: Path) -> None:
    cap("pip-licenses-python-venv", "pip-licenses --python venv/bin/python --format=plain --order=name 2>&1",
        PY25.parent.parent.parent, N_PIP_LICENSES)
    cap("pip-licenses-wide24-venv-urls", "pip-licenses --format=plain --with-urls --order=license 2>&1", tmp,
        N_PIP_LICENSES)
    d = tmp / "greenhouse"
    write_tree(d, {"readings.csv": greenhouse_csv()})
    cap("datamash-groupby-zone-day", "datamash -t, --header-in -s -g zone,day count temp_c min temp_c max temp_c "
        "mean temp_c < readings.csv 2>&1", d, N_DATAMASH)
    cap("datamash-groupby-zone-hour-rh", "datamash -t, --header-in -s -g zone,hour count rh min rh max rh mean rh "
        "< readings.csv 2>&1", d, N_DATAMASH)
    rows = ["id,customer,region,total,status"] + [
        f"{i},m{i % 41:03d},{['centre', 'harbour', 'north', 'dunes', 'old-town'][i % 5]},"
        f"{round(2.5 + (i * 613) % 90 / 4, 2) if i not in (77, 212) else 380.0},"
        f"{'lost' if i in (31, 148, 266) else 'returned' if i % 4 else 'out'}" for i in range(1, 301)]
    (d / "fines.csv").write_text("\n".join(rows) + "\n")
    run("sqlite-utils insert lib.db fines fines.csv --csv", cwd=d)
    cap("datamash-groupby-region-status-fines", "datamash -t, --header-in -s -g region,status count total min total "
        "max total sum total < fines.csv 2>&1", d, N_DATAMASH)
    cap("sqlite-utils-rows-fines-table", "sqlite-utils rows lib.db fines --table 2>&1", d, N_SQLITE_UTILS_TABLE)
    run(f"{PY24.parent}/sqlite-utils insert lib.db readings readings.csv --csv", cwd=d)
    cap("sqlite-utils-query-fines-table", "sqlite-utils query lib.db \"select id, customer, region, total, status "
        "from fines where status != 'returned' order by region\" --table 2>&1", d, N_SQLITE_UTILS_TABLE)


STEPS = [lint, wheels, django, clis, behave, docs, tables]
