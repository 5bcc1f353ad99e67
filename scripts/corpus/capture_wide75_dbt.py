"""Round 75: `gridline`, a regional electricity grid warehouse written here (87 models in layers, 200+ data tests) with
mistakes put in (a broken upstream model whose downstream models and tests skip, duplicate customers, meters without
an install date, outage causes outside the accepted list, a stale and a missing source), run through dbt with the
duckdb adapter and through sqlglot. No rule is new: every extractor is round 73's, imported from capture_wide73_dbt.
Run through capture_wide75.py."""

from __future__ import annotations

import random
from pathlib import Path

from capture_more import run, write_tree
from capture_wide73_dbt import (N_BUILD, N_COMPILE, N_RUN, N_SEED, N_SNAPSHOT, N_TEST, n_freshness, n_json_log, n_ls,
                                n_show, n_sqlglot_error)
from capture_wide75 import VENV, add, cap

REGIONS = ["north_coast", "lowvale", "east_ridge", "marsh_end", "highfield", "port_ashby", "kettle_downs",
           "sundry_cross", "westmere", "brackwater", "oakhollow", "fenwick"]
CAUSES = ["storm", "equipment", "vegetation", "planned", "third_party", "animal"]
TARIFFS = ["T-FLAT", "T-ECO7", "T-AGILE", "T-BIZ", "T-EV"]


def seeds(rng: random.Random) -> dict[str, str]:
    cust = ["customer_id,region,tariff_code,joined_on,segment"]
    for c in range(1, 601):
        cust.append(f"C{c:05d},{rng.choice(REGIONS)},{rng.choice(TARIFFS)},"
                    f"20{rng.randint(15, 25)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d},"
                    f"{rng.choice(['domestic', 'domestic', 'small_business', 'industrial'])}")
    for c in rng.sample(range(1, 600), 9):  # duplicate customers, spread over regions
        cust.append(cust[c])
    meters = ["meter_id,customer_id,region,meter_type,installed_on"]
    for m in range(1, 701):
        inst = "" if m % 53 == 0 else f"20{rng.randint(10, 25)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        meters.append(f"M{m:06d},C{rng.randint(1, 600):05d},{rng.choice(REGIONS)},"
                      f"{rng.choice(['smart', 'smart', 'legacy', 'prepay'])},{inst}")
    reads = ["reading_id,meter_id,read_at,kwh,source"]
    for i in range(1, 2401):
        reads.append(f"R{i:07d},M{rng.randint(1, 700):06d},2026-{rng.randint(1, 10):02d}-{rng.randint(1, 28):02d} "
                     f"{rng.randint(0, 23):02d}:{rng.choice(['00', '30'])}:00,{rng.uniform(0.1, 9):.3f},"
                     f"{rng.choice(['ami', 'ami', 'manual', 'estimate'])}")
    outages = ["outage_id,region,started_at,minutes,customers_affected,cause"]
    for o in range(1, 301):
        cause = rng.choice(CAUSES) if o % 37 else rng.choice(["unknown", "lightning", "cable_theft"])
        outages.append(f"O{o:05d},{rng.choice(REGIONS)},2026-{rng.randint(1, 10):02d}-{rng.randint(1, 28):02d} "
                       f"{rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}:00,{rng.randint(3, 600)},"
                       f"{rng.randint(1, 4000)},{cause}")
    tariffs = ["tariff_code,name,unit_pence,standing_pence"]
    for t in TARIFFS:
        tariffs.append(f"{t},{t.lower()} tariff,{rng.uniform(18, 32):.2f},{rng.uniform(40, 60):.2f}")
    return {"seeds/customers.csv": "\n".join(cust) + "\n", "seeds/meters.csv": "\n".join(meters) + "\n",
            "seeds/readings.csv": "\n".join(reads) + "\n", "seeds/outages.csv": "\n".join(outages) + "\n",
            "seeds/tariffs.csv": "\n".join(tariffs) + "\n"}


PROJECT = {
    "dbt_project.yml": """name: gridline
version: "0.9.0"
profile: gridline
model-paths: ["models"]
seed-paths: ["seeds"]
snapshot-paths: ["snapshots"]
macro-paths: ["macros"]
test-paths: ["tests"]
models:
  gridline:
    staging:
      +materialized: view
    intermediate:
      +materialized: view
    core:
      +materialized: table
    regions:
      +materialized: view
""",
    "macros/kwh_cost.sql": "{% macro kwh_cost(kwh, pence) %}round({{ kwh }} * {{ pence }} / 100.0, 2){% endmacro %}\n",
    "models/staging/stg_customers.sql": "select customer_id, region, tariff_code, cast(joined_on as date) as joined_on, segment from {{ ref('customers') }}\n",
    "models/staging/stg_meters.sql": "select * from {{ ref('meters') }}\n",
    "models/staging/stg_readings.sql": "select reading_id, meter_id, cast(read_at as timestamp) as read_at, kwh, source from {{ ref('readings') }}\n",
    "models/staging/stg_outages.sql": "select outage_id, region, cast(started_at as timestamp) as started_at, minutes, customers_affected, cause from {{ ref('outages') }}\n",
    "models/staging/stg_tariffs.sql": "select * from {{ ref('tariffs') }}\n",
    "models/staging/stg_scada_events.sql": "select * from {{ source('grid', 'scada_events') }}\n",
    "models/staging/stg_billing_runs.sql": "select * from {{ source('grid', 'billing_runs') }}\n",
    "models/staging/stg_field_jobs.sql": "select * from {{ source('grid', 'field_jobs') }}\n",
    # the broken upstream model: readings hold `kwh`, not `kwh_reading`
    "models/intermediate/int_readings_enriched.sql": """select r.reading_id, r.meter_id, r.read_at, r.kwh_reading as kwh,
    m.customer_id, m.region, m.meter_type, c.tariff_code
from {{ ref('stg_readings') }} r
join {{ ref('stg_meters') }} m using (meter_id)
join {{ ref('stg_customers') }} c on c.customer_id = m.customer_id
""",
    "models/intermediate/int_customer_tariff.sql": """select c.*, t.unit_pence, t.standing_pence
from {{ ref('stg_customers') }} c left join {{ ref('stg_tariffs') }} t using (tariff_code)
""",
    "models/intermediate/int_outage_minutes.sql": """select region, cause, count(*) as outages, sum(minutes) as minutes,
    sum(customers_affected * minutes) as customer_minutes
from {{ ref('stg_outages') }} group by 1, 2
""",
    "models/core/fct_consumption.sql": """select e.*, {{ kwh_cost('e.kwh', 't.unit_pence') }} as cost_gbp
from {{ ref('int_readings_enriched') }} e left join {{ ref('stg_tariffs') }} t using (tariff_code)
""",
    "models/core/dim_customers.sql": "select * from {{ ref('int_customer_tariff') }}\n",
    "models/core/dim_meters.sql": "select m.*, c.segment from {{ ref('stg_meters') }} m left join {{ ref('stg_customers') }} c using (customer_id)\n",
    "models/core/fct_outages.sql": "select * from {{ ref('stg_outages') }}\n",
    "models/core/schema.yml": """version: 2
models:
  - name: fct_consumption
    columns:
      - name: reading_id
        data_tests: [unique, not_null]
      - name: cost_gbp
        data_tests: [not_null]
  - name: dim_customers
    columns:
      - name: customer_id
        data_tests: [unique, not_null]
      - name: tariff_code
        data_tests:
          - relationships: {to: ref('stg_tariffs'), field: tariff_code}
      - name: segment
        data_tests:
          - accepted_values: {values: ['domestic', 'small_business', 'industrial']}
  - name: dim_meters
    columns:
      - name: meter_id
        data_tests: [unique, not_null]
      - name: installed_on
        data_tests: [not_null]
      - name: customer_id
        data_tests:
          - relationships: {to: ref('dim_customers'), field: customer_id}
  - name: fct_outages
    columns:
      - name: outage_id
        data_tests: [unique, not_null]
      - name: cause
        data_tests:
          - accepted_values: {values: ['storm', 'equipment', 'vegetation', 'planned', 'third_party', 'animal']}
""",
    "models/staging/schema.yml": """version: 2
sources:
  - name: grid
    schema: raw
    freshness:
      warn_after: {count: 12, period: hour}
      error_after: {count: 3, period: day}
    loaded_at_field: loaded_at
    tables:
      - name: scada_events
        freshness:
          warn_after: {count: 15, period: minute}
          error_after: {count: 1, period: hour}
      - name: billing_runs
      - name: field_jobs
      - name: smart_meter_feed
models:
  - name: stg_customers
    columns:
      - name: customer_id
        data_tests: [not_null]
      - name: region
        data_tests:
          - accepted_values: {values: """ + str(REGIONS) + """}
  - name: stg_readings
    columns:
      - name: reading_id
        data_tests: [unique, not_null]
      - name: meter_id
        data_tests:
          - relationships: {to: ref('stg_meters'), field: meter_id}
  - name: stg_meters
    columns:
      - name: meter_id
        data_tests: [unique, not_null]
  - name: stg_outages
    columns:
      - name: outage_id
        data_tests: [unique, not_null]
""",
    "tests/assert_no_negative_kwh.sql": "select reading_id from {{ ref('fct_consumption') }} where kwh < 0\n",
    "tests/assert_outage_minutes_under_day.sql": "select outage_id, minutes from {{ ref('fct_outages') }} where minutes > 480\n",
    "tests/assert_customers_have_tariff.sql": "select customer_id from {{ ref('dim_customers') }} where unit_pence is null\n",
    "snapshots/customers_snapshot.sql": """{% snapshot customers_snapshot %}
{{ config(target_schema='snapshots', unique_key='meter_id', strategy='check', check_cols=['meter_type']) }}
select * from {{ ref('meters') }}
{% endsnapshot %}
""",
    "snapshots/tariffs_snapshot.sql": """{% snapshot tariffs_snapshot %}
{{ config(target_schema='snapshots', unique_key='tariff_code', strategy='check', check_cols=['unit_pence']) }}
select * from {{ ref('tariffs') }}
{% endsnapshot %}
""",
}


def _region_models(rng: random.Random) -> dict[str, str]:
    files, t = {}, ["version: 2", "models:"]
    for r in REGIONS:
        d = "models/regions/" + r
        files[f"{d}/cons_{r}.sql"] = f"select * from {{{{ ref('fct_consumption') }}}} where region = '{r}'\n"
        files[f"{d}/daily_{r}.sql"] = (f"select cast(read_at as date) as day, sum(kwh) as kwh, sum(cost_gbp) as cost\n"
                                       f"from {{{{ ref('cons_{r}') }}}} group by 1\n")
        files[f"{d}/peak_{r}.sql"] = (f"select hour(read_at) as hour, sum(kwh) as kwh from {{{{ ref('cons_{r}') }}}}\n"
                                      f"group by 1\n")
        files[f"{d}/outages_{r}.sql"] = f"select * from {{{{ ref('fct_outages') }}}} where region = '{r}'\n"
        files[f"{d}/customers_{r}.sql"] = f"select * from {{{{ ref('dim_customers') }}}} where region = '{r}'\n"
        files[f"{d}/meters_{r}.sql"] = f"select * from {{{{ ref('dim_meters') }}}} where region = '{r}'\n"
        t += [f"  - name: cons_{r}", "    columns:", "      - name: reading_id", "        data_tests: [unique, not_null]",
              f"  - name: daily_{r}", "    columns:", "      - name: day", "        data_tests: [unique, not_null]",
              f"  - name: peak_{r}", "    columns:", "      - name: hour", "        data_tests: [unique]",
              f"  - name: outages_{r}", "    columns:", "      - name: outage_id", "        data_tests: [unique, not_null]",
              "      - name: cause", "        data_tests:",
              "          - accepted_values: {values: " + str(CAUSES) + ", config: {severity: warn}}",
              f"  - name: customers_{r}", "    columns:", "      - name: customer_id",
              "        data_tests: [unique, not_null]",
              f"  - name: meters_{r}", "    columns:", "      - name: meter_id", "        data_tests: [unique]",
              "      - name: installed_on", "        data_tests:",
              "          - not_null: {config: {severity: warn}}"]
    files["models/regions/schema.yml"] = "\n".join(t) + "\n"
    return files


def profiles(root: Path) -> str:
    return f"""gridline:
  target: dev
  outputs:
    dev:
      type: duckdb
      path: {root}/wh/gridline.duckdb
      threads: 4
"""


RAW = """import duckdb, sys
con = duckdb.connect(sys.argv[1])
con.execute("create schema if not exists raw")
for name, age in [("scada_events", "interval 5 minute"), ("billing_runs", "interval 6 day"),
                  ("field_jobs", "interval 20 hour")]:
    con.execute(f"create or replace table raw.{name} as select range as id, now() - {age} as loaded_at from range(12)")
"""  # raw.smart_meter_feed is never created: its freshness check errors


ENV = {"DBT_PROFILES_DIR": ".", "DBT_SEND_ANONYMOUS_USAGE_STATS": "false", "DBT_USE_COLORS": "false",
       "DBT_VERSION_CHECK": "false"}


def c(item: str, command: str, root: Path, ext, timeout: int = 300) -> None:
    cap(item, command, root, ext, timeout=timeout, env=ENV)


def project(tmp: Path) -> Path:
    root = tmp / "gridline"
    rng = random.Random(7501)
    files = dict(PROJECT)
    files.update(seeds(rng))
    files.update(_region_models(rng))
    files["profiles.yml"] = profiles(root)
    files["load_raw.py"] = RAW
    write_tree(root, files)
    (root / "wh").mkdir(exist_ok=True)
    run(f"{VENV}/bin/python load_raw.py wh/gridline.duckdb", cwd=root)
    return root


def dbt_core(tmp: Path) -> None:
    root = project(tmp)
    c("dbt-seed", "dbt seed; echo EXIT=$?", root, N_SEED)
    c("dbt-build", "dbt build; echo EXIT=$?", root, N_BUILD)
    c("dbt-build-tail", "dbt build 2>&1 | tail -n 120", root, N_BUILD)
    c("dbt-build-grep", "dbt build 2>&1 | grep -E 'ERROR|FAIL|WARN|SKIP'", root, N_BUILD)
    c("dbt-build-head", "dbt build --select staging+ 2>&1 | head -n 100", root, N_BUILD)
    c("dbt-build-consumption-exit", "dbt build --select +fct_consumption+; echo EXIT=$?", root, N_BUILD)
    c("dbt-build-exclude-tail", "dbt build --exclude regions 2>&1 | tail -n 80", root, N_BUILD)
    c("dbt-run", "dbt run", root, N_RUN)
    c("dbt-run-grep", "dbt run --select intermediate+ 2>&1 | grep -E 'ERROR|Error|SKIP|Done'", root, N_RUN)
    c("dbt-run-tail-exit", "dbt run 2>&1 | tail -n 80; echo EXIT=$?", root, N_RUN)
    c("dbt-run-regions", "dbt run --select regions", root, N_RUN)
    c("dbt-test", "dbt test", root, N_TEST)
    c("dbt-test-tail", "dbt test 2>&1 | tail -n 80", root, N_TEST)
    c("dbt-test-grep", "dbt test 2>&1 | grep -E 'ERROR|FAIL|WARN'", root, N_TEST)
    c("dbt-test-regions-head", "dbt test --select regions 2>&1 | head -n 100", root, N_TEST)
    c("dbt-test-core-exit", "dbt test --select core; echo EXIT=$?", root, N_TEST)
    c("dbt-source-freshness", "dbt source freshness; echo EXIT=$?", root, n_freshness)
    c("dbt-source-freshness-grep", "dbt source freshness 2>&1 | grep -E 'ERROR|WARN|PASS|Done'", root, n_freshness)
    c("dbt-source-freshness-select", "dbt source freshness --select source:grid.smart_meter_feed "
      "source:grid.billing_runs", root, n_freshness)
    c("dbt-ls", "dbt ls --resource-type model --resource-type source --resource-type snapshot --resource-type seed",
      root, n_ls)
    c("dbt-ls-tests", "dbt ls --resource-type test --select core staging --quiet", root, n_ls)
    c("dbt-ls-json-head", "dbt ls --select +fct_consumption+ --output json --output-keys unique_id resource_type "
      "depends_on --quiet 2>/dev/null | head -n 100", root, n_ls)
    c("dbt-show", "dbt show --select int_outage_minutes --limit 80", root, n_show)
    c("dbt-show-inline", "dbt show --inline \"select region, segment, count(*) as customers, avg(unit_pence) as pence "
      "from {{ ref('dim_customers') }} group by 1, 2 order by 1, 2\" --limit 50", root, n_show)
    c("dbt-show-error", "dbt show --select int_readings_enriched --limit 20; echo EXIT=$?", root, n_show)
    c("dbt-json-log-build", "dbt build --select staging intermediate --log-format json 2>&1 | tail -n 60", root,
      n_json_log)
    c("dbt-json-log-test", "dbt test --select core --log-format json 2>&1 | grep -E '\"level\": \"(error|warn)\"'",
      root, n_json_log)
    c("dbt-json-log-run", "dbt run --select core --log-format json", root, n_json_log)
    c("dbt-snapshot", "dbt snapshot; echo EXIT=$?", root, N_SNAPSHOT)
    (root / "models/core/bill_estimate.sql").write_text(
        "select customer_id, {{ bill_band('unit_pence', bands=[20, 25, 30]) }} as band\nfrom {{ ref('dim_customers') }}\n")
    c("dbt-compile-undefined-macro", "dbt compile; echo EXIT=$?", root, N_COMPILE)
    (root / "models/core/bill_estimate.sql").unlink()
    c("dbt-compile-select", "dbt compile --select int_readings_enriched", root, N_COMPILE)


QUERIES = {
    "q01_unclosed_case.sql": "select region, case when minutes > 60 then 'long' else 'short' as band, count(*)\n"
                             "from fct_outages group by 1, 2",
    "q02_bad_join.sql": "select c.region, sum(r.kwh) from dim_customers c join on c.customer_id = r.customer_id\n"
                        "group by 1",
}


def sqlglot_runs(tmp: Path) -> None:
    root = tmp / "sqlq75"
    write_tree(root, QUERIES)
    py = f"{VENV}/bin/python"
    one = ("python -c \"import sqlglot; [print(sqlglot.transpile(open(f).read(), read='duckdb', write='bigquery')) "
           "for f in ('q01_unclosed_case.sql', 'q02_bad_join.sql')]\"; echo EXIT=$?")
    add("sqlglot-parse-error", one, run(one.replace("python", py, 1), cwd=root), n_sqlglot_error)
    two = ("python -c \"import sqlglot; sqlglot.parse_one(open('q02_bad_join.sql').read(), read='duckdb')\" "
           "2>&1 | tail -n 25")
    add("sqlglot-parse-error-tail", two, run(two.replace("python", py, 1), cwd=root), n_sqlglot_error)


STEPS = [dbt_core, sqlglot_runs]
