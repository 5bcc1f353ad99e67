"""Round 74: `spokes`, a city bike-share warehouse written here with mistakes put in (a unit left in an integer seed
column, an ambiguous column in a join, duplicate trip ids, trips from unknown stations, a singular test that fails,
an undefined macro, a stale source), run through dbt with the duckdb adapter and through sqlglot. No rule is new:
every extractor is round 73's, imported from capture_wide73_dbt. Run through capture_wide74.py."""

from __future__ import annotations

import random
from pathlib import Path

from capture_more import run, write_tree
from capture_wide73_dbt import (N_BUILD, N_COMPILE, N_RUN, N_SEED, N_SNAPSHOT, N_TEST, n_docs, n_freshness,
                                n_json_log, n_ls, n_show, n_sqlglot_error)
from capture_wide74 import VENV, add, cap

DISTRICTS = ["harbourside", "old_town", "university", "riverside", "canal_quarter", "hillcrest", "market",
             "northgate", "parkway", "westfield", "docklands", "southbank"]
PLANS = ["casual", "monthly", "annual", "student", "corporate"]
BIKES = ["classic", "ebike", "cargo"]


def seeds(rng: random.Random) -> dict[str, str]:
    stations = ["station_id,station_name,district,docks,opened_on,lat,lon"]
    for s in range(1, 91):
        stations.append(f"S{s:03d},{rng.choice(['Mill','Quay','Bridge','Abbey','Church','Park','Market','Dock'])} "
                        f"{rng.choice(['Street','Lane','Square','Road','Yard'])} {s},{rng.choice(DISTRICTS)},"
                        f"{rng.randint(8, 40)},202{rng.randint(0, 5)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d},"
                        f"{51.4 + rng.random() / 10:.5f},{-2.6 + rng.random() / 10:.5f}")
    riders = ["rider_id,plan,signed_up_on,age_band"]
    for r in range(1, 301):
        plan = rng.choice(PLANS) if r not in (17, 240) else "premium"  # a plan the accepted list lacks
        riders.append(f"R{r:04d},{plan},2025-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d},"
                      f"{rng.choice(['16-24', '25-34', '35-44', '45-54', '55+'])}")
    trips = ["trip_id,started_at,start_station,end_station,rider_id,bike_type,duration_min,fare_gbp"]
    for i in range(1, 701):
        st = f"S{rng.randint(1, 90):03d}" if i not in (33, 412) else "S404"  # a station the register lacks
        en = f"S{rng.randint(1, 90):03d}" if i != 598 else ""
        dur = rng.randint(2, 95) if i not in (120, 555) else -rng.randint(1, 9)  # negative durations
        trips.append(f"T{i:06d},2026-{rng.randint(4, 10):02d}-{rng.randint(1, 28):02d} {rng.randint(5, 23):02d}:"
                     f"{rng.randint(0, 59):02d}:00,{st},{en},R{rng.randint(1, 300):04d},{rng.choice(BIKES)},{dur},"
                     f"{rng.uniform(0.5, 12):.2f}")
    trips.append(trips[90])  # duplicate trip ids
    trips.append(trips[466])
    trips.append(trips[467])
    maint = ["bike_id,station_id,serviced_on,odometer_km"]
    for b in range(1, 121):
        km = str(rng.randint(100, 9000))
        if b == 64:
            km = "4310km"  # a unit left in an integer column
        maint.append(f"B{b:04d},S{rng.randint(1, 90):03d},2026-{rng.randint(1, 9):02d}-{rng.randint(1, 28):02d},{km}")
    return {"seeds/stations.csv": "\n".join(stations) + "\n", "seeds/riders.csv": "\n".join(riders) + "\n",
            "seeds/trips.csv": "\n".join(trips) + "\n", "seeds/maintenance.csv": "\n".join(maint) + "\n"}


PROJECT = {
    "dbt_project.yml": """name: spokes
version: "2.3.0"
profile: spokes
model-paths: ["models"]
seed-paths: ["seeds"]
snapshot-paths: ["snapshots"]
macro-paths: ["macros"]
test-paths: ["tests"]
models:
  spokes:
    staging:
      +materialized: view
    core:
      +materialized: table
    districts:
      +materialized: view
seeds:
  spokes:
    maintenance:
      +column_types:
        odometer_km: integer
""",
    "macros/to_pence.sql": "{% macro to_pence(col) %}cast(round({{ col }} * 100) as integer){% endmacro %}\n",
    "models/staging/stg_trips.sql": """select trip_id, cast(started_at as timestamp) as started_at, start_station,
    end_station, rider_id, bike_type, duration_min, {{ to_pence('fare_gbp') }} as fare_pence
from {{ ref('trips') }}
""",
    "models/staging/stg_stations.sql": "select * from {{ ref('stations') }}\n",
    "models/staging/stg_riders.sql": "select rider_id, plan, cast(signed_up_on as date) as signed_up_on, age_band from {{ ref('riders') }}\n",
    "models/staging/stg_maintenance.sql": "select * from {{ ref('maintenance') }}\n",
    "models/core/fct_trips.sql": """select t.*, s.district as start_district, e.district as end_district, r.plan
from {{ ref('stg_trips') }} t
left join {{ ref('stg_stations') }} s on s.station_id = t.start_station
left join {{ ref('stg_stations') }} e on e.station_id = t.end_station
left join {{ ref('stg_riders') }} r using (rider_id)
""",
    "models/core/dim_stations.sql": """select station_id, station_name, district, docks,
    (select count(*) from {{ ref('stg_trips') }} t where t.start_station = station_id) as departures
from {{ ref('stg_stations') }}
""",
    "models/core/station_balance.sql": """-- the ambiguous column: both sides hold station_id
select station_id, d.departures, a.arrivals, a.arrivals - d.departures as net
from (select start_station as station_id, count(*) as departures from {{ ref('fct_trips') }} group by 1) d
join (select end_station as station_id, count(*) as arrivals from {{ ref('fct_trips') }} group by 1) a
  on a.station_id = d.station_id
""",
    "models/core/rider_month.sql": """select rider_id, plan, date_trunc('month', started_at) as month, count(*) as trips,
    sum(fare_pence) as fare_pence, sum(duration_min) as minutes
from {{ ref('fct_trips') }}
group by 1, 2, 3
""",
    "models/core/fleet_service.sql": "select station_id, count(*) as bikes, max(odometer_km) as max_km from {{ ref('stg_maintenance') }} group by 1\n",
    "models/core/daily_usage.sql": """select cast(started_at as date) as day, bike_type, count(*) as trips,
    round(avg(duration_min), 1) as avg_min, sum(fare_pence) as fare_pence
from {{ ref('fct_trips') }}
group by 1, 2
""",
    "models/core/schema.yml": """version: 2
models:
  - name: fct_trips
    columns:
      - name: trip_id
        data_tests: [unique, not_null]
      - name: start_station
        data_tests:
          - not_null
          - relationships: {to: ref('stg_stations'), field: station_id}
      - name: end_station
        data_tests:
          - not_null
          - relationships: {to: ref('stg_stations'), field: station_id, config: {severity: warn}}
      - name: bike_type
        data_tests:
          - accepted_values: {values: ['classic', 'ebike', 'cargo']}
      - name: plan
        data_tests:
          - accepted_values: {values: ['casual', 'monthly', 'annual', 'student', 'corporate'], config: {severity: warn}}
      - name: start_district
        data_tests: [not_null]
  - name: dim_stations
    columns:
      - name: station_id
        data_tests: [unique, not_null]
      - name: docks
        data_tests: [not_null]
  - name: rider_month
    columns:
      - name: rider_id
        data_tests: [not_null]
      - name: month
        data_tests: [not_null]
  - name: daily_usage
    columns:
      - name: day
        data_tests: [not_null]
      - name: bike_type
        data_tests:
          - accepted_values: {values: ['classic', 'ebike']}
""",
    "models/staging/schema.yml": """version: 2
sources:
  - name: ops
    schema: raw
    freshness:
      warn_after: {count: 6, period: hour}
      error_after: {count: 2, period: day}
    loaded_at_field: loaded_at
    tables:
      - name: dock_status
      - name: payments
      - name: rebalancing_runs
      - name: app_events
        freshness:
          warn_after: {count: 1, period: hour}
          error_after: {count: 4, period: hour}
      - name: weather
        loaded_at_field: fetched_at
models:
  - name: stg_trips
    columns:
      - name: trip_id
        data_tests: [not_null]
      - name: duration_min
        data_tests: [not_null]
  - name: stg_riders
    columns:
      - name: rider_id
        data_tests: [unique, not_null]
      - name: plan
        data_tests:
          - accepted_values: {values: ['casual', 'monthly', 'annual', 'student', 'corporate']}
  - name: stg_stations
    columns:
      - name: station_id
        data_tests: [unique, not_null]
      - name: district
        data_tests: [not_null]
""",
    "tests/assert_no_negative_durations.sql": "select trip_id, duration_min from {{ ref('fct_trips') }} where duration_min < 0\n",
    "tests/assert_fares_under_cap.sql": "select trip_id, fare_pence from {{ ref('fct_trips') }} where fare_pence > 1150\n",
    "tests/assert_trips_have_riders.sql": "select trip_id from {{ ref('fct_trips') }} where rider_id is null\n",
    "snapshots/riders_snapshot.sql": """{% snapshot riders_snapshot %}
{{ config(target_schema='snapshots', unique_key='rider_id', strategy='timestamp', updated_at='signed_up_on') }}
select * from {{ ref('stg_riders') }}
{% endsnapshot %}
""",
    "snapshots/stations_snapshot.sql": """{% snapshot stations_snapshot %}
{{ config(target_schema='snapshots', unique_key='station_id', strategy='check', check_cols=['docks']) }}
select * from {{ ref('stations') }}
{% endsnapshot %}
""",
}


def _district_models(rng: random.Random) -> dict[str, str]:
    files, tests = {}, ["version: 2", "models:"]
    for d in DISTRICTS:
        files[f"models/districts/dist_{d}.sql"] = (
            f"select trip_id, started_at, start_station, bike_type, duration_min, fare_pence\n"
            f"from {{{{ ref('fct_trips') }}}}\nwhere start_district = '{d}'\n")
        tests += [f"  - name: dist_{d}", "    columns:", "      - name: trip_id",
                  "        data_tests: [unique, not_null]", "      - name: duration_min", "        data_tests:",
                  "          - not_null"]
        if rng.random() < 0.5:
            tests += ["      - name: bike_type", "        data_tests:",
                      "          - accepted_values: {values: ['classic', 'ebike'], config: {severity: warn}}"]
        files[f"models/districts/hourly_{d}.sql"] = (
            f"select hour(started_at) as hour, count(*) as trips, sum(fare_pence) as fare_pence\n"
            f"from {{{{ ref('dist_{d}') }}}}\ngroup by 1\n")
        tests += [f"  - name: hourly_{d}", "    columns:", "      - name: hour",
                  "        data_tests: [unique, not_null]", "      - name: trips", "        data_tests: [not_null]"]
    files["models/districts/schema.yml"] = "\n".join(tests) + "\n"
    return files


def profiles(root: Path) -> str:
    return f"""spokes:
  target: dev
  outputs:
    dev:
      type: duckdb
      path: {root}/wh/spokes.duckdb
      threads: 2
"""


RAW = """import duckdb, sys
con = duckdb.connect(sys.argv[1])
con.execute("create schema if not exists raw")
for name, age in [("dock_status", "interval 40 minute"), ("payments", "interval 9 hour"),
                  ("rebalancing_runs", "interval 5 day"), ("app_events", "interval 2 hour")]:
    con.execute(f"create or replace table raw.{name} as select range as id, now() - {age} as loaded_at from range(8)")
"""  # raw.weather is never created: its freshness check errors


ENV = {"DBT_PROFILES_DIR": ".", "DBT_SEND_ANONYMOUS_USAGE_STATS": "false", "DBT_USE_COLORS": "false",
       "DBT_VERSION_CHECK": "false"}


def c(item: str, command: str, root: Path, ext, timeout: int = 300) -> None:
    cap(item, command, root, ext, timeout=timeout, env=ENV)


def project(tmp: Path) -> Path:
    root = tmp / "spokes"
    rng = random.Random(7401)
    files = dict(PROJECT)
    files.update(seeds(rng))
    files.update(_district_models(rng))
    files["profiles.yml"] = profiles(root)
    files["load_raw.py"] = RAW
    write_tree(root, files)
    (root / "wh").mkdir(exist_ok=True)
    run(f"{VENV}/bin/python load_raw.py wh/spokes.duckdb", cwd=root)
    return root


def dbt_core(tmp: Path) -> None:
    root = project(tmp)
    c("dbt-seed", "dbt seed; echo EXIT=$?", root, N_SEED)
    # the unit in odometer_km is fixed by hand, as an agent would after reading the error
    p = root / "seeds/maintenance.csv"
    p.write_text(p.read_text().replace("4310km", "4310"))
    c("dbt-seed-fixed", "dbt seed --full-refresh", root, N_SEED)
    c("dbt-run", "dbt run", root, N_RUN)
    c("dbt-run-tail", "dbt run 2>&1 | tail -n 60", root, N_RUN)
    c("dbt-run-core-exit", "dbt run --select core; echo EXIT=$?", root, N_RUN)
    c("dbt-test", "dbt test", root, N_TEST)
    c("dbt-test-tail", "dbt test 2>&1 | tail -n 60", root, N_TEST)
    c("dbt-test-grep", "dbt test 2>&1 | grep -E 'ERROR|FAIL|WARN'", root, N_TEST)
    c("dbt-test-select-exit", "dbt test --select fct_trips; echo EXIT=$?", root, N_TEST)
    c("dbt-build", "dbt build --exclude districts", root, N_BUILD)
    c("dbt-build-tail", "dbt build 2>&1 | tail -n 80; echo EXIT=$?", root, N_BUILD)
    c("dbt-build-head", "dbt build --select staging+ 2>&1 | head -n 80", root, N_BUILD)
    c("dbt-build-fail-fast", "dbt build --fail-fast --exclude districts; echo EXIT=$?", root, N_BUILD)
    c("dbt-source-freshness", "dbt source freshness; echo EXIT=$?", root, n_freshness)
    c("dbt-source-freshness-grep", "dbt source freshness 2>&1 | grep -E 'ERROR|WARN|Done'", root, n_freshness)
    c("dbt-source-freshness-select", "dbt source freshness --select source:ops.app_events source:ops.weather", root,
      n_freshness)
    c("dbt-ls", "dbt ls --resource-type model --resource-type snapshot --resource-type source", root, n_ls)
    c("dbt-ls-tests-head", "dbt ls --resource-type test --quiet | head -n 80", root, n_ls)
    c("dbt-show", "dbt show --select daily_usage --limit 60", root, n_show)
    c("dbt-show-inline", "dbt show --inline \"select start_district, bike_type, count(*) as trips, "
      "sum(fare_pence) as pence from {{ ref('fct_trips') }} group by 1, 2 order by 3 desc\" --limit 40", root, n_show)
    c("dbt-show-error", "dbt show --select station_balance --limit 20; echo EXIT=$?", root, n_show)
    c("dbt-ls-json-head", "dbt ls --select core --output json --output-keys unique_id resource_type "
      "original_file_path --quiet | head -n 60", root, n_ls)
    c("dbt-json-log-test", "dbt test --log-format json 2>&1 | tail -n 40", root, n_json_log)
    c("dbt-json-log-run", "dbt run --select core --log-format json", root, n_json_log)
    c("dbt-json-log-build-grep", "dbt build --log-format json 2>&1 | grep -E '\"level\": \"(error|warn)\"|Done. PASS'",
      root, n_json_log)
    c("dbt-snapshot", "dbt snapshot; echo EXIT=$?", root, N_SNAPSHOT)
    c("dbt-docs-generate", "dbt docs generate", root, n_docs)
    (root / "models/core/fare_bands.sql").write_text(
        "select trip_id, {{ fare_band('fare_pence', bands=[200, 500, 900]) }} as band\nfrom {{ ref('fct_trips') }}\n")
    c("dbt-compile-undefined-macro", "dbt compile; echo EXIT=$?", root, N_COMPILE)
    (root / "models/core/fare_bands.sql").write_text(
        "select trip_id, fare_pence\nfrom {{ ref('fct_trips') }}\n{% for b in [200, 500] %} where fare_pence > {{ b }}\n")
    c("dbt-compile-jinja-tail", "dbt compile --select fare_bands 2>&1 | tail -n 40", root, N_COMPILE)
    (root / "models/core/fare_bands.sql").unlink()


QUERIES = {
    "q01_missing_paren.sql": "select start_district, count(*) from fct_trips where (duration_min > 5 group by 1",
    "q02_trailing_comma.sql": "select trip_id, from fct_trips where bike_type = 'ebike' order by",
}


def sqlglot_runs(tmp: Path) -> None:
    root = tmp / "sqlq74"
    write_tree(root, QUERIES)
    py = f"{VENV}/bin/python"
    one = ("python -c \"import sqlglot; print(sqlglot.transpile(open('q01_missing_paren.sql').read(), read='duckdb', "
           "write='snowflake'))\"; echo EXIT=$?")
    add("sqlglot-parse-error", one, run(one.replace("python", py, 1), cwd=root), n_sqlglot_error)
    two = ("python -c \"import sqlglot; from sqlglot.errors import ErrorLevel; "
           "[sqlglot.parse_one(open(f).read(), read='duckdb') for f in ('q02_trailing_comma.sql', 'q01_missing_paren.sql')]\" "
           "2>&1 | tail -n 30")
    add("sqlglot-parse-error-tail", two, run(two.replace("python", py, 1), cwd=root), n_sqlglot_error)


STEPS = [dbt_core, sqlglot_runs]
