"""Round 25, Python's data and CLI libraries: a fleet-telemetry data set (600 trips, one odometer glitch mid-file)
read by pandas (describe) and duckdb (EXPLAIN ANALYZE of a join and group-by), validated by a pydantic model that
rejects a fifth of it, crashed under rich's traceback with locals, and offered through a typer and a click CLI
(--help). Each kind's extractor is an earlier round's (duckdb's patterns read for its 1.1 boxes, below). Run through
capture_wide25.py."""

from __future__ import annotations

from pathlib import Path

from capture_wide10 import line_rule
from capture_wide10_data import n_pandas_describe, n_pydantic, n_rich_tb
from capture_wide10_more import n_typer_help
from capture_wide21_lib import n_click_help
from capture_more import write_tree
from capture_wide25 import PY, cap

# ------------------------------------------------------------------ data, validation, rich, CLIs

FLEET = '''import random
from datetime import datetime, timedelta

def rows(n=600, seed=25):
    rnd = random.Random(seed)
    depots = ["Rotterdam"] * 6 + ["Antwerp"] * 3 + ["Duisburg"]
    t0 = datetime(2026, 2, 1, 6, 0)
    out = []
    for i in range(n):
        truck = f"TR-{rnd.randint(100, 160)}"
        km = round(rnd.uniform(40, 620), 1)
        fuel = round(km * rnd.uniform(0.27, 0.36), 2)
        if i == 377:
            km, fuel = 2410.0, 95.1   # an odometer glitch
        status = "delivered" if rnd.random() > 0.04 else rnd.choice(["late", "damaged"])
        out.append({"trip_id": 50000 + i, "truck": truck, "depot": rnd.choice(depots),
                    "departed": (t0 + timedelta(minutes=37 * i)).isoformat(timespec="minutes"),
                    "km": km, "fuel_l": fuel, "stops": rnd.randint(1, 14),
                    "load_kg": None if i % 97 == 0 else rnd.randint(300, 18000), "status": status})
    return out
'''

FLEET_SCRIPT = FLEET + '''
import sys
import pandas as pd
import duckdb

df = pd.DataFrame(rows())
df["departed"] = pd.to_datetime(df["departed"])
if sys.argv[1] == "describe":
    pd.set_option("display.width", 160)
    pd.set_option("display.max_columns", 20)
    print(df.describe(include="all"))
elif sys.argv[1] == "explain":
    con = duckdb.connect()
    con.register("trips", df)
    con.execute("CREATE TABLE trucks AS SELECT DISTINCT truck, 'EURO' || (6 - length(truck) % 2) AS norm FROM trips")
    con.execute("PRAGMA threads=2")
    print(con.sql("""EXPLAIN ANALYZE
        SELECT t.depot, k.norm, count(*) AS n, sum(t.km) AS km, avg(t.fuel_l / t.km) * 100 AS l_per_100km,
               max(t.load_kg) AS max_load
        FROM trips t JOIN trucks k USING (truck)
        WHERE t.status <> 'damaged'
        GROUP BY ALL
        ORDER BY km DESC""").fetchall()[0][1])
'''

SHIPMENT_MODEL = FLEET + '''
from datetime import datetime
from typing import Literal
from pydantic import BaseModel, Field, PositiveInt, field_validator


class Trip(BaseModel):
    trip_id: PositiveInt
    truck: str = Field(pattern=r"^TR-\\d{3}$")
    depot: Literal["Rotterdam", "Antwerp", "Duisburg"]
    departed: datetime
    km: float = Field(gt=0, le=1500)
    fuel_l: float = Field(gt=0)
    stops: int = Field(ge=1, le=12)
    load_kg: int
    status: Literal["delivered", "late"]

    @field_validator("fuel_l")
    @classmethod
    def plausible(cls, v, info):
        km = info.data.get("km")
        if km and v / km > 0.35:
            raise ValueError(f"{v / km * 100:.1f} l/100km is above the fleet's limit of 35")
        return v


class Batch(BaseModel):
    source: str
    trips: list[Trip]


Batch(source="telematics-export-2026-02.csv", trips=rows(160))
'''

RICH_CRASH = FLEET + '''
from rich.traceback import install
install(show_locals=True, width=120)

def per_depot(trips):
    totals = {}
    for t in trips:
        totals.setdefault(t["depot"], []).append(t["load_kg"] / t["km"])
    return {d: sum(v) / len(v) for d, v in totals.items()}

def report(trips):
    load = per_depot(trips)
    return sorted(load.items(), key=lambda kv: -kv[1])

print(report(rows(300)))
'''

TYPER_APP = '''import typer
from typing import Optional
from enum import Enum

app = typer.Typer(help="Fleet telemetry: import trips, audit fuel use, plan maintenance.", rich_markup_mode="rich")
trucks = typer.Typer(help="Manage trucks and their service history.")
app.add_typer(trucks, name="trucks")


class Fmt(str, Enum):
    table = "table"
    csv = "csv"
    json = "json"


@app.command(name="import")
def import_(path: str = typer.Argument(..., help="CSV export of the telematics box."),
            depot: Optional[str] = typer.Option(None, "--depot", "-d", help="Only trips from this depot."),
            dry_run: bool = typer.Option(False, "--dry-run", help="Parse and validate, write nothing."),
            batch: int = typer.Option(500, min=1, max=10000, help="Rows per database transaction.")):
    """Import a telematics CSV export."""


@app.command()
def audit(since: str = typer.Option("30d", help="Window, e.g. 7d, 30d, 2026-01-01."),
          threshold: float = typer.Option(35.0, help="Flag trips above this many litres per 100 km."),
          fmt: Fmt = typer.Option(Fmt.table, "--format", "-f", case_sensitive=False),
          verbose: bool = typer.Option(False, "--verbose", "-v", help="Print every flagged trip's readings.")):
    """Flag trips whose fuel use is out of line with the truck's history."""


@app.command()
def plan(weeks: int = typer.Option(4, help="How far ahead to plan."),
         depot: list[str] = typer.Option([], help="Depots to include (repeatable)."),
         include_idle: bool = typer.Option(False, help="Also plan trucks idle for 14 days or more.")):
    """Plan maintenance slots from odometer readings."""


@trucks.command("list")
def trucks_list(active: bool = True):
    """List trucks."""


@trucks.command("retire")
def trucks_retire(truck: str, reason: str = typer.Option(..., prompt=True)):
    """Retire a truck."""


if __name__ == "__main__":
    app()
'''

CLICK_APP = '''import click


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--config", type=click.Path(dir_okay=False), default="fleet.toml", show_default=True,
              help="Settings file.")
@click.option("--db", envvar="FLEET_DB", default="sqlite:///fleet.db", show_default=True, help="Database URL.")
@click.option("-q", "--quiet", is_flag=True, help="Only print errors.")
@click.version_option("2.3.0", prog_name="fleetctl")
def cli(config, db, quiet):
    """fleetctl - operate the depot fleet from the shell."""


@cli.command()
@click.argument("truck")
@click.option("--odometer", type=int, required=True, help="Reading in km.")
def service(truck, odometer):
    """Record a service for TRUCK at an odometer reading."""


@cli.command()
@click.option("--depot", type=click.Choice(["Rotterdam", "Antwerp", "Duisburg"]), multiple=True)
@click.option("--since", default="7d", show_default=True)
def trips(depot, since):
    """List recent trips."""


@cli.command("export")
@click.option("--format", "fmt", type=click.Choice(["csv", "parquet", "json"]), default="csv", show_default=True)
@click.option("--out", type=click.Path(), required=True)
def export_(fmt, out):
    """Export trips to a file."""


@cli.command()
def doctor():
    """Check the database, the config and the telematics feed."""


@cli.command()
@click.option("--yes", is_flag=True, help="Do not ask.")
def purge(yes):
    """Delete trips older than the retention period."""


if __name__ == "__main__":
    cli()
'''


# round 10's rule for duckdb EXPLAIN ANALYZE (capture_wide10_data.n_explain), its patterns read for duckdb 1.1's
# square boxes, which put the operator's name and its 'N Rows' on lines of their own, boxes side by side
n_explain = line_rule(
    "duckdb-explain-analyze", "table",
    "Rule 5 on duckdb EXPLAIN ANALYZE (an operator tree in boxes): the 'Total Time' line, every line holding an operator box's title ('│  HASH_GROUP_BY  │') and every line holding an operator's 'N Rows' count.",
    hit=r"Total Time|│\s{2,}[A-Z][A-Z_]{3,}\s{2,}│|│\s+[\d,]+ Rows\s+│")


def data(tmp: Path) -> None:
    d = tmp / "fleet"
    write_tree(d, {"fleet.py": FLEET_SCRIPT, "trip_model.py": SHIPMENT_MODEL, "loadfactor.py": RICH_CRASH,
                   "fleetcli.py": TYPER_APP, "fleetctl.py": CLICK_APP})
    cap("pandas-describe-fleet", f"{PY} fleet.py describe", d, n_pandas_describe, typed="python fleet.py describe")
    cap("duckdb-explain-analyze-fleet", f"{PY} fleet.py explain", d, n_explain, typed="python fleet.py explain")
    cap("pydantic-trip-batch", f"{PY} trip_model.py", d, n_pydantic, typed="python trip_model.py")
    cap("rich-traceback-locals-loadfactor", f"{PY} loadfactor.py", d, n_rich_tb, typed="python loadfactor.py",
        env={"COLUMNS": "120"})
    cap("typer-help-fleetcli", f"{PY} fleetcli.py --help", d, n_typer_help, typed="python fleetcli.py --help",
        env={"COLUMNS": "100"})
    cap("click-help-fleetctl", f"{PY} fleetctl.py --help", d, n_click_help, typed="python fleetctl.py --help")


STEPS = [data]
