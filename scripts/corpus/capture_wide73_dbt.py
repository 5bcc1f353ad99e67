"""Round 73: `tidepool`, a harbour's fish-landing warehouse written here with mistakes put in (a failing test, a
broken ref, a type mismatch, a duplicate key, a schema drift), run through dbt with the duckdb adapter and through
sqlglot. The extractors are the new kinds' rules of NEEDLES.md's "Round 73", written before capture. Run through
capture_wide73.py."""

from __future__ import annotations

import json
import random
import re
from pathlib import Path

import capture_more as cm
from capture_more import any_of, groups, kind, mask, run, write_tree
from capture_data import rule4
from capture_wide73 import TMP, VENV, add, cap

EXIT = re.compile(r"^EXIT=\d+$")
STAMP = re.compile(r"^(?:\d\d:\d\d:\d\d(?:\.\d+)?\s+)?")
RESULT = re.compile(r"\d+ of \d+ (ERROR|FAIL|WARN|SKIP)\b")
ERR_HEAD = re.compile(r"(Runtime Error in|Database Error in|Compilation Error in|Parsing Error|Failure in test|"
                      r"Warning in test|Error in |Error:|Encountered an error|Compilation Error)")
SUMMARY = re.compile(r"(Found \d+ (models?|seeds?|snapshots?|data tests?|sources?)|Finished running \d+|Completed with \d+|"
                     r"Completed successfully|Done\. PASS=|Got \d+ results?, configured to)")


def _body(ln: str) -> str:
    return STAMP.sub("", ln).strip()


def _next_text(lines: list[str], i: int) -> str | None:
    for k in range(i + 1, min(len(lines), i + 7)):
        if _body(lines[k]):
            return lines[k]
    return None


def _exits(lines):
    return [ln for ln in lines if EXIT.match(ln.strip())]


def _console(lines):
    out: list = []
    for i, ln in enumerate(lines):
        b = _body(ln)
        if RESULT.search(b) or SUMMARY.search(b):
            out.append(ln)
        elif ERR_HEAD.search(b) or re.search(r"\b(ERROR|FAIL)\b", b):
            out.append(ln)
            if re.search(r"(Error in|Failure in test|Warning in test|Parsing Error|Compilation Error)", b):
                out.append(_next_text(lines, i))
    return out + _exits(lines)


def _console_kind(name: str):
    def ext(lines):
        return _console(lines)
    ext.__doc__ = ("Round 73's dbt console rule: every ERROR/FAIL/WARN/SKIP result line, every error or failure header "
                   "with the message line after it, the Got N results line, the Found / Finished / Completed / Done lines.")
    return kind(name, "build" if name != "dbt-test" else "test")(ext)


N_RUN, N_TEST, N_BUILD = _console_kind("dbt-run"), _console_kind("dbt-test"), _console_kind("dbt-build")
N_SEED, N_SNAPSHOT, N_COMPILE = _console_kind("dbt-seed"), _console_kind("dbt-snapshot"), _console_kind("dbt-compile")


@kind("dbt-source-freshness", "build")
def n_freshness(lines):
    """Round 73's dbt source freshness rule: every WARN / ERROR STALE / ERROR result line and the Done line (as the console log)."""
    return _console(lines)


@kind("dbt-debug", "build")
def n_debug(lines):
    """Round 73's dbt debug rule: every check line ([OK …] / [ERROR …]), the installed and adapter version lines, every Error line with the line after it, the verdict."""
    out: list = []
    for i, ln in enumerate(lines):
        b = _body(ln)
        if re.search(r"\[(OK|ERROR)\b", b) or re.match(r"- installed:", b) or re.match(r"- duckdb:", b):
            out.append(ln)
        elif "Error" in b or "ERROR" in b:
            out.append(ln)
            out.append(_next_text(lines, i))
        elif re.search(r"All checks passed!|\d+ checks? failed:", b):
            out.append(ln)
            if "failed" in b:
                out.append(_next_text(lines, i))
    return out + _exits(lines)


def _node_type(b: str) -> str:
    if b.startswith("{"):
        try:
            return json.loads(b).get("resource_type", "?")
        except ValueError:
            return "?"
    if ":" in b.split(".")[0]:
        return b.split(":")[0]
    parts = b.split(".")
    return parts[1] if len(parts) > 2 else "test"


@kind("dbt-ls", "listing")
def n_ls(lines):
    """Round 73's dbt ls rule: the first and last node, every node of a type or folder seen in at most 2 lines when one covers half, any warning or error line."""
    nodes = [ln for ln in lines if re.match(r'^(\{"|[\w:.\-]+$)', ln) and not EXIT.match(ln.strip())]
    out: list = [ln for ln in lines if re.search(r"(WARN|ERROR|Error|Warning)\b", ln)]
    if nodes:
        out += [nodes[0][:200], nodes[-1][:200]]
        rows = [(ln[:200], {"t": _node_type(ln.strip())}) for ln in nodes]
        out += rule4(rows, cat=["t"])
    return out + _exits(lines)


@kind("dbt-docs-generate", "build")
def n_docs(lines):
    """Round 73's dbt docs generate rule: the Found line, error lines, warnings one any per message shape, the Catalog written to line."""
    out: list = []
    warns = []
    for i, ln in enumerate(lines):
        b = _body(ln)
        if re.search(r"Found \d+ models|Catalog written to", b):
            out.append(ln)
        elif re.search(r"\bERROR\b|Error", b):
            out.append(ln)
            out.append(_next_text(lines, i))
        elif re.search(r"\[WARNING\]|\bWARN", b):
            warns.append((mask(b), ln))
    return out + groups(warns) + _exits(lines)


@kind("dbt-show", "table")
def n_show(lines):
    """Round 73's dbt show rule: the Previewing line, rule 4 on the printed table (header, numeric columns' extremes), error lines."""
    out: list = [ln for ln in lines if "Previewing" in ln]
    for i, ln in enumerate(lines):
        if re.search(r"Error|\bERROR\b", _body(ln)):
            out += [ln, _next_text(lines, i)]
    table = [ln for ln in lines if ln.startswith("|")]
    if table:
        header = table[0]
        cols = [c.strip() for c in header.strip("|").split("|")]
        rows = []
        for ln in table[1:]:
            if set(ln.replace("|", "").strip()) <= {"-", " "}:
                continue
            vals = [c.strip() for c in ln.strip("|").split("|")]
            rows.append((ln, dict(zip(cols, (v.replace(",", "") for v in vals)))))
        nums = [c for c in cols if rows and all(re.fullmatch(r"-?[\d.]+", r[1].get(c, "") or "x") for r in rows)]
        out += rule4(rows, nums=nums, header=[header])
    return out + _exits(lines)


@kind("dbt-json-log", "log")
def n_json_log(lines):
    """Round 73's dbt JSON log rule: the "msg" fragment of every error or warn record, and of the Done. PASS= and Finished running records."""
    out: list = []
    for ln in lines:
        m = re.search(r'"level":\s*"(\w+)"', ln)
        mm = re.search(r'"msg":\s*"(?:[^"\\]|\\.)*"', ln)
        if not mm:
            continue
        frag = mm.group(0)[:200]
        if (m and m.group(1) in ("error", "warn")) or re.search(r"Done\. PASS=|Finished running", frag):
            out.append(frag)
    return out + _exits(lines)


def _sqlglot(lines):
    out: list = []
    for i, ln in enumerate(lines):
        if re.match(r"^\s*(sqlglot\.errors\.\w+|\w*Error|\w+Exception)\b.*", ln) and not ln.startswith(" "):
            out.append(ln)
            files = [x for x in lines[max(0, i - 40):i] if x.lstrip().startswith("File ")]
            if files:
                out.append(files[-1])
        elif re.search(r"Line \d+, Col: \d+", ln) or re.search(r"\bERROR\b", ln):
            out.append(ln)
    warns = [(mask(ln), ln) for ln in lines if re.search(r"Unsupported|WARNING", ln) and ln not in out]
    out += groups(warns)
    out += [ln for ln in lines if re.match(r"^(transpiled|checked) \d+", ln)]
    return out + _exits(lines)


@kind("sqlglot-parse-error", "log")
def n_sqlglot_error(lines):
    """Round 73's sqlglot rule: the exception line and its innermost File line, every Line N, Col: M line, the closing count."""
    return _sqlglot(lines)


@kind("sqlglot-transpile", "log")
def n_sqlglot_transpile(lines):
    """Round 73's sqlglot rule: ERROR lines, Line N, Col: M lines, Unsupported/WARNING lines one any per message shape, the closing count."""
    return _sqlglot(lines)


# ------------------------------------------------------------------ the project

PORTS = ["brixham", "newlyn", "peterhead", "fraserburgh", "grimsby", "lowestoft", "ullapool", "kilkeel", "milford",
         "scrabster", "lerwick", "whitby"]
SPECIES = [("COD", "Atlantic cod", "demersal"), ("HAD", "Haddock", "demersal"), ("MAC", "Mackerel", "pelagic"),
           ("HER", "Herring", "pelagic"), ("PLE", "Plaice", "flatfish"), ("SOL", "Sole", "flatfish"),
           ("MON", "Monkfish", "demersal"), ("NEP", "Nephrops", "shellfish"), ("CRE", "Brown crab", "shellfish"),
           ("LOB", "Lobster", "shellfish"), ("HKE", "Hake", "demersal"), ("WHG", "Whiting", "demersal"),
           ("SCE", "King scallop", "shellfish"), ("SPR", "Sprat", "pelagic")]
GEAR = ["trawl", "seine", "pots", "longline", "gillnet", "dredge"]


def seeds(rng: random.Random) -> dict[str, str]:
    vessels = ["vessel_id,vessel_name,home_port,length_m,gear_type,licensed_on"]
    for v in range(1, 61):
        vessels.append(f"V{v:03d},{rng.choice(['Ocean','Sea','Morning','North','Silver','Bonny'])} "
                       f"{rng.choice(['Star','Harvest','Dawn','Gull','Spray','Lass'])} {v},{rng.choice(PORTS)},"
                       f"{rng.uniform(8, 34):.1f},{rng.choice(GEAR)},20{rng.randint(10, 23)}-0{rng.randint(1, 9)}-1{rng.randint(0, 9)}")
    species = ["species_code,common_name,category,min_landing_cm"]
    for code, name, cat in SPECIES:
        species.append(f"{code},{name},{cat},{rng.randint(9, 40)}")
    landings = ["landing_id,landed_on,vessel_id,port,species_code,weight_kg,price_per_kg"]
    for i in range(1, 421):
        w = f"{rng.uniform(20, 2400):.1f}"
        if i in (77, 301):
            w = "n/a"  # the type mismatch: a text weight in a numeric column
        vid = f"V{rng.randint(1, 60):03d}" if i not in (45, 212, 388) else "V099"  # vessels the register lacks
        sp = rng.choice(SPECIES)[0] if i != 150 else "XXX"
        landings.append(f"L{i:05d},2026-0{rng.randint(3, 9)}-{rng.randint(10, 28)},{vid},{rng.choice(PORTS)},{sp},{w},"
                        f"{rng.uniform(0.8, 28):.2f}")
    landings.append(landings[58].replace(",", ",", 1))  # the duplicate key: L00058 landed twice
    landings.append(landings[203])
    quotas = ["vessel_id,species_code,year,quota_kg"]
    for v in range(1, 41):
        for k, (code, _, _) in enumerate(rng.sample(SPECIES, 3)):
            q = str(rng.randint(500, 40000))
            if v == 23 and k == 0:
                q = "12500t"  # the type mismatch: a unit left in an integer column
            quotas.append(f"V{v:03d},{code},2026,{q}")
    return {"seeds/quotas.csv": "\n".join(quotas) + "\n", "seeds/vessels.csv": "\n".join(vessels) + "\n", "seeds/species.csv": "\n".join(species) + "\n",
            "seeds/landings.csv": "\n".join(landings) + "\n"}


PROJECT = {
    "dbt_project.yml": """name: tidepool
version: "1.0.0"
profile: tidepool
model-paths: ["models"]
seed-paths: ["seeds"]
snapshot-paths: ["snapshots"]
macro-paths: ["macros"]
models:
  tidepool:
    staging:
      +materialized: view
    marts:
      +materialized: table
seeds:
  tidepool:
    quotas:
      +column_types:
        quota_kg: integer
    landings:
      +column_types:
        weight_kg: varchar
""",
    "models/staging/stg_landings.sql": """select
    landing_id,
    cast(landed_on as date) as landed_on,
    vessel_id,
    lower(port) as port,
    species_code,
    cast(weight_kg as double) as weight_kg,
    price_per_kg
from {{ ref('landings') }}
""",
    "models/staging/stg_vessels.sql": """select vessel_id, vessel_name, home_port, length_m,
    gear as gear_type,  -- schema drift: the register's column is gear_type
    licensed_on
from {{ ref('vessels') }}
""",
    "models/staging/stg_species.sql": "select species_code, common_name, category, min_landing_cm from {{ ref('species') }}\n",
    "models/staging/stg_landings_clean.sql": """select * from {{ ref('landings') }}
where weight_kg <> 'n/a'
""",
    "models/marts/fct_landings.sql": """select l.landing_id, l.landed_on, l.vessel_id, l.port, l.species_code,
    try_cast(l.weight_kg as double) as weight_kg, l.price_per_kg,
    try_cast(l.weight_kg as double) * l.price_per_kg as value_gbp,
    s.category
from {{ ref('stg_landings_clean') }} l
left join {{ ref('stg_species') }} s using (species_code)
""",
    "models/marts/dim_vessels.sql": "select * from {{ ref('stg_vessels') }}\n",
    "models/marts/mart_vessel_value.sql": """select f.vessel_id, v.vessel_name, sum(f.value_gbp) as value_gbp
from {{ ref('fct_landings') }} f join {{ ref('dim_vessels') }} v using (vessel_id)
group by 1, 2
""",
    "models/marts/mart_daily_catch.sql": """select landed_on, port, category, count(*) as landings,
    round(sum(weight_kg), 1) as weight_kg, round(sum(value_gbp), 2) as value_gbp
from {{ ref('fct_landings') }}
group by 1, 2, 3
""",
    "models/marts/schema.yml": """version: 2
models:
  - name: fct_landings
    columns:
      - name: landing_id
        data_tests: [unique, not_null]
      - name: vessel_id
        data_tests:
          - relationships: {to: ref('stg_vessels'), field: vessel_id}
      - name: species_code
        data_tests:
          - relationships: {to: ref('stg_species'), field: species_code}
      - name: category
        data_tests:
          - not_null
          - accepted_values: {values: ['demersal', 'pelagic', 'flatfish']}
      - name: weight_kg
        data_tests: [not_null]
  - name: mart_daily_catch
    columns:
      - name: landings
        data_tests: [not_null]
""",
    "models/staging/schema.yml": """version: 2
sources:
  - name: harbour
    schema: raw
    freshness:
      warn_after: {count: 12, period: hour}
      error_after: {count: 3, period: day}
    loaded_at_field: loaded_at
    tables:
      - name: auction_sales
      - name: ice_orders
      - name: fuel_receipts
        freshness:
          warn_after: {count: 30, period: day}
models:
  - name: stg_landings_clean
    columns:
      - name: landing_id
        data_tests: [unique, not_null]
  - name: stg_species
    columns:
      - name: species_code
        data_tests: [unique, not_null]
      - name: category
        data_tests:
          - accepted_values: {values: ['demersal', 'pelagic', 'flatfish', 'shellfish']}
""",
    "snapshots/vessels_snapshot.sql": """{% snapshot vessels_snapshot %}
{{ config(target_schema='snapshots', unique_key='home_port', strategy='check', check_cols=['gear_type']) }}
select * from {{ ref('vessels') }}
{% endsnapshot %}
""",
    "macros/grant_select.sql": """{% macro grant_select(role) %}
  {% do run_query("grant select on all tables in schema main to " ~ role) %}
{% endmacro %}
""",
}


def _port_models(rng: random.Random) -> dict[str, str]:
    """One model per port (the project's width), a few with their own tests."""
    files, tests = {}, ["version: 2", "models:"]
    for p in PORTS:
        files[f"models/ports/port_{p}.sql"] = (
            f"select landed_on, species_code, sum(weight_kg) as weight_kg, sum(value_gbp) as value_gbp\n"
            f"from {{{{ ref('fct_landings') }}}}\nwhere port = '{p}'\ngroup by 1, 2\n")
        tests += [f"  - name: port_{p}", "    columns:", "      - name: weight_kg",
                  "        data_tests:", "          - not_null"]
        if rng.random() < 0.4:
            tests += ["      - name: species_code", "        data_tests:",
                      "          - accepted_values: {values: ['COD', 'HAD', 'MAC', 'HER', 'PLE', 'SOL', 'MON'], severity: warn}"]
        files[f"models/ports/weekly_{p}.sql"] = (
            f"select date_trunc('week', landed_on) as week, count(*) as landings, sum(weight_kg) as weight_kg\n"
            f"from {{{{ ref('port_{p}') }}}}\ngroup by 1\n")
        tests += [f"  - name: weekly_{p}", "    columns:", "      - name: week",
                  "        data_tests: [unique, not_null]"]
    for cat in ("demersal", "pelagic", "flatfish", "shellfish"):
        files[f"models/ports/by_{cat}.sql"] = (
            f"select port, species_code, sum(weight_kg) as weight_kg\nfrom {{{{ ref('fct_landings') }}}}\n"
            f"where category = '{cat}'\ngroup by 1, 2\n")
    files["models/ports/schema.yml"] = "\n".join(tests) + "\n"
    return files


def profiles(root: Path) -> str:
    return f"""tidepool:
  target: dev
  outputs:
    dev:
      type: duckdb
      path: {root}/warehouse/tidepool.duckdb
      threads: 1
    broken:
      type: duckdb
      path: {root}/no_such_dir/archive/tidepool.duckdb
      threads: 1
"""


RAW = """import duckdb, sys
con = duckdb.connect(sys.argv[1])
con.execute("create schema if not exists raw")
con.execute("create or replace table raw.auction_sales as select range as id, now() - interval 2 hour as loaded_at from range(5)")
con.execute("create or replace table raw.ice_orders as select range as id, now() - interval 20 hour as loaded_at from range(5)")
con.execute("create or replace table raw.fuel_receipts as select range as id, now() - interval 9 day as loaded_at from range(5)")
"""


def dbt(cmd: str, root: Path) -> str:
    return f"cd {root} && {cmd}"


def project(tmp: Path) -> Path:
    root = tmp / "tidepool"
    rng = random.Random(73)
    files = dict(PROJECT)
    files.update(seeds(rng))
    files.update(_port_models(rng))
    files["profiles.yml"] = profiles(root)
    files["load_raw.py"] = RAW
    write_tree(root, files)
    (root / "warehouse").mkdir(exist_ok=True)
    run(f"{VENV}/bin/python load_raw.py warehouse/tidepool.duckdb", cwd=root)
    return root


ENV = {"DBT_PROFILES_DIR": ".", "DBT_SEND_ANONYMOUS_USAGE_STATS": "false", "DBT_USE_COLORS": "false",
       "DBT_VERSION_CHECK": "false"}


def c(item: str, command: str, root: Path, ext, timeout: int = 300) -> None:
    cap(item, command, root, ext, timeout=timeout, env=ENV)


def dbt_core(tmp: Path) -> None:
    root = project(tmp)
    c("dbt-debug", "dbt debug", root, n_debug)
    c("dbt-debug-broken", "dbt debug --target broken; echo EXIT=$?", root, n_debug)
    c("dbt-seed", "dbt seed", root, N_SEED)
    c("dbt-run", "dbt run", root, N_RUN)
    c("dbt-run-tail", "dbt run --threads 1 2>&1 | tail -n 80", root, N_RUN)
    c("dbt-run-marts-exit", "dbt run --select marts; echo EXIT=$?", root, N_RUN)
    c("dbt-run-grep", "dbt run 2>&1 | grep -E 'ERROR|FAIL|SKIP|Error|Done'", root, N_RUN)
    c("dbt-test", "dbt test", root, N_TEST)
    c("dbt-test-select", "dbt test --select fct_landings; echo EXIT=$?", root, N_TEST)
    c("dbt-test-tail", "dbt test 2>&1 | tail -n 60", root, N_TEST)
    c("dbt-test-grep", "dbt test | grep -E 'ERROR|FAIL|WARN'", root, N_TEST)
    c("dbt-build", "dbt build", root, N_BUILD)
    c("dbt-build-fail-fast", "dbt build --fail-fast; echo EXIT=$?", root, N_BUILD)
    c("dbt-build-select", "dbt build --select stg_landings_clean+ 2>&1 | tail -n 50", root, N_BUILD)
    c("dbt-test-store-failures", "dbt test --store-failures --select marts", root, N_TEST)
    c("dbt-seed-full-refresh", "dbt seed --full-refresh; echo EXIT=$?", root, N_SEED)
    c("dbt-build-tail", "dbt build --exclude ports 2>&1 | tail -n 80", root, N_BUILD)
    c("dbt-ls", "dbt ls", root, n_ls)
    c("dbt-ls-tests", "dbt ls --resource-type test", root, n_ls)
    c("dbt-ls-json", "dbt ls --output json --output-keys unique_id resource_type original_file_path --quiet | head -n 80", root, n_ls)
    c("dbt-show", "dbt show --select fct_landings --limit 40", root, n_show)
    c("dbt-show-large", "dbt show --select mart_daily_catch --limit 150", root, n_show)
    c("dbt-show-error", "dbt show --select stg_landings --limit 500; echo EXIT=$?", root, n_show)
    c("dbt-show-inline", "dbt show --inline \"select port, count(*) as n, round(sum(value_gbp)) as value from "
      "{{ ref('fct_landings') }} group by 1 order by 2 desc\"", root, n_show)
    c("dbt-docs-generate", "dbt docs generate", root, n_docs)
    c("dbt-source-freshness", "dbt source freshness; echo EXIT=$?", root, n_freshness)
    c("dbt-snapshot", "dbt snapshot", root, N_SNAPSHOT)
    c("dbt-json-log-run", "dbt run --log-format json 2>&1 | tail -n 30", root, n_json_log)
    c("dbt-json-log-build", "dbt build --log-format json 2>&1 | tail -n 60", root, n_json_log)
    c("dbt-run-debug-tail", "dbt --debug run --select marts 2>&1 | tail -n 150", root, N_RUN)
    c("dbt-test-debug-tail", "dbt --debug test --select fct_landings 2>&1 | tail -n 120; echo EXIT=$?", root, N_TEST)
    c("dbt-json-log-test", "dbt test --log-format json | grep -E '\"level\": \"(error|warn)\"'", root, n_json_log)
    c("dbt-run-operation", "dbt run-operation grant_select --args '{role: analyst}'; echo EXIT=$?", root, N_RUN)
    # a broken ref, then a Jinja syntax error, then a duplicated model name: compile and parse errors
    (root / "models/marts/rpt_quota.sql").write_text(
        "select q.vessel_id, q.quota_kg, v.value_gbp\nfrom {{ ref('stg_quota') }} q\n"
        "join {{ ref('mart_vessel_value') }} v using (vessel_id)\n")
    c("dbt-compile-broken-ref", "dbt compile", root, N_COMPILE)
    c("dbt-run-broken-ref", "dbt run --select +rpt_quota 2>&1 | tail -n 40; echo EXIT=$?", root, N_COMPILE)
    (root / "models/marts/rpt_quota.sql").write_text(
        "select vessel_id, {% if var('with_value', true) %} value_gbp {% endif \nfrom {{ ref('mart_vessel_value') }}\n")
    c("dbt-compile-jinja", "dbt compile --select rpt_quota", root, N_COMPILE)
    (root / "models/marts/rpt_quota.sql").unlink()
    (root / "models/ports/dim_vessels.sql").write_text("select 1 as vessel_id\n")
    c("dbt-parse-duplicate", "dbt parse; echo EXIT=$?", root, N_COMPILE)
    (root / "models/ports/dim_vessels.sql").unlink()


TRANSPILE = '''import pathlib, sys
import sqlglot
from sqlglot.errors import ErrorLevel, ParseError, UnsupportedError

done = failed = 0
for path in sorted(pathlib.Path(sys.argv[1]).rglob("*.sql")):
    sql = path.read_text()
    try:
        out = sqlglot.transpile(sql, read="duckdb", write=sys.argv[2], unsupported_level=ErrorLevel.RAISE, pretty=False)
        print(f"ok     {path.name}: {out[0][:90]}")
        done += 1
    except (ParseError, UnsupportedError) as e:
        failed += 1
        print(f"ERROR  {path.name}: {type(e).__name__}: {str(e).splitlines()[0][:160]}")
print(f"transpiled {done} files, {failed} failed")
'''

QUERIES = {
    "q01_weekly.sql": "select date_trunc('week', landed_on) as wk, list(distinct port) as ports, sum(weight_kg) from fct_landings group by all",
    "q02_pivot.sql": "pivot fct_landings on category using sum(weight_kg) group by port",
    "q03_struct.sql": "select {'port': port, 'kg': weight_kg} as s, weight_kg::decimal(10,2) from fct_landings qualify row_number() over (partition by port order by weight_kg desc) = 1",
    "q04_broken.sql": "select port, sum(weight_kg from fct_landings group by port",
    "q05_broken.sql": "select * from fct_landings where landed_on between '2026-03-01' and and '2026-04-01'",
    "q06_regex.sql": "select regexp_extract(vessel_id, 'V(\\\\d+)', 1) as n, strftime(landed_on, '%Y-%m') from fct_landings",
    "q07_exclude.sql": "select * exclude (price_per_kg) replace (round(weight_kg) as weight_kg) from fct_landings",
    "q08_asof.sql": "select * from fct_landings f asof join prices p on f.species_code = p.species_code and f.landed_on >= p.valid_from",
}


def sqlglot_runs(tmp: Path) -> None:
    root = tmp / "sqlq"
    rng = random.Random(731)
    files = dict(QUERIES)
    for i in range(9, 41):  # the width: many ordinary queries, a few with DuckDB-only syntax
        col = rng.choice(["weight_kg", "value_gbp", "price_per_kg"])
        files[f"q{i:02d}_{rng.choice(PORTS)}.sql"] = (
            f"select port, species_code, {rng.choice(['sum', 'avg', 'max', 'min'])}({col}) as v from fct_landings "
            f"where port = '{rng.choice(PORTS)}' and weight_kg > {rng.randint(10, 900)} group by 1, 2 order by v desc limit {rng.randint(5, 50)}")
        if i % 7 == 0:
            files[f"q{i:02d}_list.sql"] = f"select port, list(species_code order by weight_kg) from fct_landings group by port having count(*) > {i}"
    files["transpile_all.py"] = TRANSPILE
    write_tree(root, files)
    py = f"{VENV}/bin/python"
    for dialect in ("tsql", "bigquery"):
        add(f"sqlglot-transpile-{dialect}", f"python transpile_all.py . {dialect}",
            run(f"{py} transpile_all.py . {dialect}", cwd=root), n_sqlglot_transpile)
    add("sqlglot-transpile-tail", "python transpile_all.py . spark 2>&1 | tail -n 30; echo EXIT=$?",
        run(f"{py} transpile_all.py . spark 2>&1 | tail -n 30; echo EXIT=$?", cwd=root), n_sqlglot_transpile)
    one = ("python -c \"import sqlglot; print(sqlglot.transpile(open('q04_broken.sql').read(), read='duckdb', "
           "write='postgres'))\"")
    add("sqlglot-parse-error", one, run(one.replace("python", py, 1), cwd=root), n_sqlglot_error)
    two = ("python -c \"import sqlglot; from sqlglot.errors import ErrorLevel; "
           "sqlglot.parse(open('q05_broken.sql').read() + ';' + open('q04_broken.sql').read(), read='duckdb', "
           "error_level=ErrorLevel.RAISE)\" 2>&1 | tail -n 40")
    add("sqlglot-parse-errors-raise", two, run(two.replace("python", py, 1), cwd=root), n_sqlglot_error)
    three = ("python -c \"import sqlglot; from sqlglot.optimizer import optimize; "
             "print(optimize(sqlglot.parse_one('select port, sum(gross_kg) from fct_landings group by 1', read='duckdb'), "
             "schema={'fct_landings': {'port': 'TEXT', 'weight_kg': 'DOUBLE', 'price_per_kg': 'DOUBLE'}}))\"; echo EXIT=$?")
    add("sqlglot-optimize-error", three, run(three.replace("python", py, 1), cwd=root), n_sqlglot_error)


STEPS = [dbt_core, sqlglot_runs]
