#!/usr/bin/env python3
"""Capture round 381 of the compression corpus: second samples of round 374's fourteen data engineering kinds
(sqlfluff fix and parse, sqlglot's optimizer, sqllineage, shandy-sqlfmt --check, polars' explain() and its errors,
frictionless describe, datasette inspect and --get, a datacompy report, dbt parse / run-operation / retry on DuckDB),
on a tidal mill's warehouse written here (sluices, grinding runs, sacks; seeds 38110+) with faults other than round
374's. No new rules: every extractor is round 374's, imported from capture_wide374 by function (NEEDLES.md "Round
381"). Nothing captured here was compressed.

Usage:   .venv/bin/python scripts/corpus/capture_wide381.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide381.json  as {"version": 2, "items": [...]}, ids prefixed "wide381-".
"""

from __future__ import annotations

import csv
import os
import random
import sqlite3
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402
from capture_wide374 import (n_datacompy, n_dbt, n_dbt_retry, n_dbt_runop, n_ds_get_factory,  # noqa: E402
                             n_ds_inspect, n_fl_describe, n_polars_error, n_polars_explain, n_sqlfluff_fix,
                             n_sqlfluff_parse, n_sqlfmt, n_sqlglot_opt, n_sqllineage)

ID_PREFIX = "wide381-"
DEFAULT_OUT = HERE / "data" / "wide381.json"
TOOLS = Path(os.environ.get("HM_WIDE381_TOOLS", "/dev/shm/hm-corpus-wide381"))  # the round's venvs
TMP = Path(os.environ.get("HM_WIDE381_TMP", "/dev/shm/hm-corpus-wide381-run"))
VA, VB, VD = TOOLS / "va", TOOLS / "vb", TOOLS / "vd"

_SIZED = cm.Sized(400, 120_000)
add, cap = _SIZED.add, _SIZED.cap

# ------------------------------------------------------------------ material: a tidal mill's warehouse

SLUICES = ["SL-NORTH", "SL-SOUTH", "SL-POND", "SL-CREEK", "SL-WEIR", "SL-RACE", "SL-TAIL", "SL-FLOOD"]
STONES = ["peak-1", "peak-2", "french-burr", "cullin", "derbyshire"]
GRAINS = ["wheat"] * 6 + ["rye"] * 2 + ["barley", "spelt"]
TIDES = ["ebb"] * 5 + ["flood"] + ["slack"]
BAKERS = ["Pengelly", "Tonkin", "Rowe", "Trevithick", "Nancarrow", "Polglase", "Jago", "Bolitho", "Kitto", "Curnow"]
MILLERS = ["Hosking", "Retallick", "Tregear", "Chenoweth"]

FAULTS_ALL = {"dup", "neg", "time", "comma", "ragged", "wet"}


def make_mill(d: Path, n_runs: int, seed: int, faults: set[str] = FAULTS_ALL, drop: bool = False) -> None:
    """sluices.csv, runs.csv (grinding runs), sacks.csv; `faults` names the faults put in; `drop` leaves the
    `tide` column out of runs.csv (an export that lost a column)."""
    rnd = random.Random(seed)
    d.mkdir(parents=True, exist_ok=True)
    with open(d / "sluices.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["sluice_id", "name", "built", "width_m", "gate"])
        for i, s in enumerate(SLUICES):
            w.writerow([s, s.split("-")[1].title() + " Sluice", 1780 + i * 11, round(1.2 + i * 0.35, 2),
                        "oak" if i % 3 else "iron"])
    hdr = ["run_id", "sluice_id", "stone", "grain", "tide", "run_date", "started", "ended", "head_m", "flour_kg",
           "miller"]
    with open(d / "runs.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow([h for h in hdr if not (drop and h == "tide")])
        for i in range(1, n_runs + 1):
            hh = 4 + rnd.randrange(14)
            row = [i, rnd.choice(SLUICES), rnd.choice(STONES), rnd.choice(GRAINS), rnd.choice(TIDES),
                   f"2025-{1 + i % 12:02d}-{1 + i % 28:02d}", f"{hh:02d}:{rnd.randrange(60):02d}",
                   f"{hh + 2:02d}:{rnd.randrange(60):02d}", round(0.8 + rnd.random() * 2.4, 2),
                   round(120 + rnd.random() * 480, 1), rnd.choice(MILLERS)]
            if "dup" in faults and i % 173 == 40:
                row[0] = i - 1  # the same run logged twice
            if "neg" in faults and i % 241 == 77:
                row[9] = -row[9]
            if "time" in faults and i % 199 == 61:
                row[7] = "25:40"
            if "comma" in faults and i % 157 == 90:
                row[8] = str(row[8]).replace(".", ",")
            if "ragged" in faults and i == n_runs // 3:
                row.append("see logbook")
            if drop:
                del row[4]
            w.writerow(row)
    with open(d / "sacks.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["sack_id", "run_id", "baker", "filled_on", "weight_kg", "dispatched"])
        for i in range(1, n_runs * 2 + 1):
            row = [f"SK{i:05d}", 1 + rnd.randrange(n_runs), rnd.choice(BAKERS), f"2025-{1 + i % 12:02d}-"
                   f"{1 + i % 28:02d}", rnd.choice([25, 25, 25, 50, 16]), "yes" if i % 13 else "no"]
            if "wet" in faults and i % 311 == 5:
                row[4] = "wet"
            w.writerow(row)


def make_db(d: Path, path: Path) -> None:
    con = sqlite3.connect(path)
    for name in ("sluices", "runs", "sacks"):
        with open(d / f"{name}.csv") as f:
            r = csv.reader(f)
            hdr = next(r)
            con.execute(f"CREATE TABLE {name} ({', '.join(hdr)})")
            con.executemany(f"INSERT INTO {name} VALUES ({','.join('?' * len(hdr))})",
                            [row[: len(hdr)] for row in r])
    con.execute("CREATE VIEW undispatched AS SELECT * FROM sacks WHERE dispatched = 'no'")
    con.commit()
    con.close()


# ------------------------------------------------------------------ sqlfluff

SQL = {
    "postgres": """
with runs_{i} as (select r.run_id,r.sluice_id, r.flour_kg::numeric(8,1) AS flour, date_trunc('week', r.run_date) wk
from mill.runs r where r.tide ILIKE 'ebb%' and r.sluice_id = '{s}')
SELECT DISTINCT ON (sluice_id) sluice_id, wk, SUM(flour) filter (where flour > 0) as kg
FROM runs_{i} group by sluice_id, wk ORDER BY sluice_id, kg DESC;
""",
    "mysql": """
SELECT `s`.`sack_id`, IFNULL(s.baker,'unknown') AS baker ,STR_TO_DATE(s.filled_on, '%Y-%m-%d') filled
FROM mill.sacks s inner join mill.runs r on r.run_id=s.run_id
WHERE r.stone = '{st}' AND s.dispatched='no' LIMIT {i}0;
INSERT INTO mill.sack_totals (baker, kg) SELECT baker, sum(weight_kg) FROM mill.sacks GROUP BY baker
ON DUPLICATE KEY UPDATE kg = VALUES(kg);
""",
    "redshift": """
create table if not exists mart.grind_{i} distkey(sluice_id) sortkey(run_date) as
select sluice_id,run_date, NVL(head_m,0) as head , approximate count(distinct stone) stones,
       sum(flour_kg) AS flour_kg from mill.runs where run_date > dateadd(day, -{i}, getdate())
group by sluice_id,run_date;
""",
    "databricks": """
MERGE INTO mart.sacks_{i} t USING (select sack_id, run_id,weight_kg from mill.sacks where baker = '{b}') s
ON t.sack_id = s.sack_id
WHEN MATCHED THEN UPDATE SET t.weight_kg = s.weight_kg
WHEN NOT MATCHED THEN INSERT *;
optimize mart.sacks_{i} zorder by (run_id);
""",
    "duckdb": """
select sluice_id, stone , count(*) as runs_{i}, avg(head_m)::decimal(4,2) head, list(distinct grain) grains
from read_csv_auto('runs.csv') where tide in ('ebb','slack') and stone = '{st}'
group by all order by runs_{i} desc limit {i};
""",
    "hive": """
insert overwrite table mart.flour_by_tide partition (dt='2025-03-{d:02d}')
select tide, stone, sum(flour_kg) as kg_{i}, collect_set(miller) millers
from mill.runs where sluice_id = '{s}' group by tide, stone
distribute by tide sort by kg_{i} desc;
""",
    "oracle": """
SELECT r.run_id, NVL(r.head_m, 0) head, TO_DATE(r.run_date, 'YYYY-MM-DD') AS day_{i},
       ROW_NUMBER() OVER (PARTITION BY r.sluice_id ORDER BY r.flour_kg DESC) rn
FROM mill.runs r WHERE r.stone = '{st}' AND ROWNUM <= {i}0
""",
    "clickhouse": """
SELECT sluice_id, toStartOfWeek(toDate(run_date)) AS wk, sumIf(flour_kg, flour_kg > 0) AS kg_{i},
       uniqExact(stone) AS stones FROM mill.runs WHERE grain = 'wheat' AND sluice_id = '{s}'
GROUP BY sluice_id, wk ORDER BY kg_{i} DESC LIMIT {i} SETTINGS max_threads = 2
""",
}
BROKEN = {  # other faults than round 374's: an unclosed parenthesis, a missing comma, a stray keyword
    "postgres": "select run_id, sum(flour_kg from mill.runs group by run_id",
    "mysql": "SELECT sack_id baker weight_kg FROM mill.sacks WHERE dispatched = 'no' ORDER",
    "redshift": "select sluice_id, count(*) from mill.runs where where head_m > 2 group by 1",
    "databricks": "merge into mart.sacks t using mill.sacks s on (t.sack_id = s.sack_id when matched then delete",
    "duckdb": "select stone, avg(head_m from runs group by stone",
    "hive": "select tide, stone kg from mill.runs group by tide by stone",
    "oracle": "SELECT run_id FROM mill.runs WHERE stone = 'peak-1' CONNECT",
    "clickhouse": "SELECT sluice_id count() AS n FROM mill.runs FINAL GROUP BY sluice_id WITH TOTALS ORDER",
}


def sql_files(d: Path, dialect: str, n: int, broken: bool) -> None:
    d.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        body = SQL[dialect].format(i=i + 1, s=SLUICES[i % 8], st=STONES[i % 5], b=BAKERS[i % 10],
                                   d=1 + i % 28).lstrip()
        if broken and i == n // 2:
            body += ("\n" if body.rstrip().endswith(";") else ";\n") + BROKEN[dialect] + "\n"
        (d / f"grind_{dialect}_{i + 1:02d}.sql").write_text(body)


def cap_sqlfluff(tmp: Path) -> None:
    fl = VA / "bin" / "sqlfluff"
    for dialect, n, broken in [("postgres", 5, True), ("mysql", 7, True), ("redshift", 6, True),
                               ("databricks", 4, True), ("duckdb", 3, False), ("postgres", 30, True)]:
        d = tmp / f"fluff-{dialect}-{n}"
        sql_files(d / "models", dialect, n, broken)
        cap(f"sqlfluff-fix-{dialect}-{n}", f"nice {fl} fix --dialect {dialect} models/", d, n_sqlfluff_fix,
            timeout=420, typed=f"sqlfluff fix --dialect {dialect} models/")
    for dialect, n in [("hive", 2), ("oracle", 1), ("clickhouse", 2)]:
        d = tmp / f"parse-{dialect}"
        sql_files(d, dialect, 2 * n + 1, True)
        f = f"grind_{dialect}_{n + 1:02d}.sql"
        cap(f"sqlfluff-parse-{dialect}", f"nice {fl} parse --dialect {dialect} {f}", d, n_sqlfluff_parse,
            timeout=300, typed=f"sqlfluff parse --dialect {dialect} {f}")
    d = tmp / "parse-duckdb-dir"
    sql_files(d / "models", "duckdb", 6, True)
    cap("sqlfluff-parse-duckdb-dir", f"nice {fl} parse --dialect duckdb models/", d, n_sqlfluff_parse, timeout=300,
        typed="sqlfluff parse --dialect duckdb models/")


# ------------------------------------------------------------------ sqlglot

OPT_PY = r'''
import sys
import sqlglot
from sqlglot.optimizer import optimize
SCHEMA = {"runs": {"run_id": "INT", "sluice_id": "TEXT", "stone": "TEXT", "grain": "TEXT", "tide": "TEXT",
                   "run_date": "DATE", "started": "TEXT", "ended": "TEXT", "head_m": "DOUBLE", "flour_kg": "DOUBLE",
                   "miller": "TEXT"},
          "sacks": {"sack_id": "TEXT", "run_id": "INT", "baker": "TEXT", "filled_on": "DATE", "weight_kg": "INT",
                    "dispatched": "TEXT"},
          "sluices": {"sluice_id": "TEXT", "name": "TEXT", "built": "INT", "width_m": "DOUBLE", "gate": "TEXT"}}
QUERIES = %(queries)s
read, write = sys.argv[1], sys.argv[2]
ok = bad = 0
for name, sql in QUERIES:
    print(f"-- {name} ({read} -> {write})")
    try:
        expr = optimize(sqlglot.parse_one(sql, read=read), schema=SCHEMA, dialect=read)
        print(expr.sql(dialect=write, pretty=True))
        ok += 1
    except sqlglot.errors.SqlglotError as e:
        print(f"{type(e).__name__}: {e}")
        bad += 1
    print()
print(f"{ok} optimized, {bad} failed")
if %(crash)s:
    optimize(sqlglot.parse_one("SELECT run_id FROM runs JOIN sacks USING (baker)", read=read), schema=SCHEMA)
'''
QUERIES = [
    "SELECT r.sluice_id, SUM(r.flour_kg) AS kg, COUNT(*) AS n FROM runs r WHERE r.tide = 'ebb' GROUP BY 1",
    "SELECT run_id, baker FROM runs JOIN sacks ON runs.run_id = sacks.run_id",
    "SELECT s.baker, SUM(s.weight_kg) FROM sacks s JOIN runs r ON r.run_id = s.run_id "
    "WHERE r.grain IN ('rye', 'spelt') AND s.dispatched = 'no' GROUP BY s.baker",
    "SELECT x.stone, x.kg FROM (SELECT stone, SUM(flour_kg) kg FROM runs GROUP BY stone) x WHERE x.kg > 1000 "
    "ORDER BY x.kg DESC",
    "SELECT r.run_id, q.baker FROM runs r JOIN sacks s ON s.run_id = r.run_id",
    "SELECT name, width_m FROM sluices WHERE built < 1800 AND gate = 'iron'",
    "SELECT stone, AVG(head_m FROM runs GROUP BY stone",
    "WITH wet AS (SELECT run_id FROM runs WHERE head_m > 2.5) SELECT sluice_id, COUNT(*) FROM runs "
    "WHERE run_id IN (SELECT run_id FROM wet) GROUP BY sluice_id",
    "SELECT sluice_id, tide_height FROM runs",
    "SELECT miller, COUNT(DISTINCT stone) AS stones, MAX(flour_kg) FROM runs GROUP BY miller HAVING COUNT(*) > 3",
    "SELECT * FROM grinding_2024 WHERE flour_kg < 0",
    "SELECT sl.name, SUM(r.flour_kg) FROM sluices sl LEFT JOIN runs r ON r.sluice_id = sl.sluice_id "
    "WHERE NOT (r.tide = 'flood' OR r.tide IS NULL) GROUP BY sl.name ORDER BY 2 DESC",
]


def cap_sqlglot(tmp: Path) -> None:
    d = tmp / "sqlglot"
    d.mkdir()
    py = VA / "bin" / "python"
    for tag, qs, read, write, crash in [("all", QUERIES, "postgres", "duckdb", False),
                                        ("rep", QUERIES * 6, "mysql", "clickhouse", False),
                                        ("crash", QUERIES[:5], "duckdb", "oracle", True)]:
        named = [(f"q{i + 1:02d}", q) for i, q in enumerate(qs)]
        (d / f"optimize_{tag}.py").write_text(OPT_PY % {"queries": repr(named), "crash": crash})
        cap(f"sqlglot-optimize-{tag}", f"nice {py} optimize_{tag}.py {read} {write}", d, n_sqlglot_opt,
            timeout=300, typed=f"python optimize_{tag}.py {read} {write}")


# ------------------------------------------------------------------ sqllineage

LINEAGE_SQL = """
INSERT INTO mart.sluice_flour_{i}
SELECT sl.sluice_id, sl.name, SUM(r.flour_kg) AS kg, AVG(r.head_m) AS head
FROM mill.sluices sl JOIN mill.runs r ON r.sluice_id = sl.sluice_id
GROUP BY sl.sluice_id, sl.name;

INSERT INTO mart.baker_sacks
SELECT s.baker, COUNT(s.sack_id) AS sacks_{i}, SUM(s.weight_kg) AS kg, MAX(x.stone) AS stone
FROM mill.sacks s JOIN staging.runs_clean r ON r.run_id = s.run_id
GROUP BY s.baker;

CREATE TABLE staging.runs_clean AS
SELECT run_id, sluice_id, stone, grain, tide, run_date, flour_kg * 1.0 AS flour_kg
FROM raw.grinding_log_{i} WHERE flour_kg > 0;

INSERT INTO mart.tide_yield
SELECT tide, stone, SUM(flour_kg) / COUNT(*) AS kg_per_run FROM staging.runs_clean, tmp_tides GROUP BY tide, stone;
"""


def cap_sqllineage(tmp: Path) -> None:
    d = tmp / "lineage"
    d.mkdir()
    sl = VB / "bin" / "sqllineage"
    for n in (1, 4, 12):
        (d / f"mill_{n}.sql").write_text("".join(LINEAGE_SQL.format(i=i + 1) for i in range(n)))
    (d / "broken.sql").write_text(LINEAGE_SQL.format(i=1) + "\nINSERT INTO mart.x SELECT (a, b FROM mill.runs;\n")
    for tag, args in [("tables-12", "--dialect=postgres -f mill_12.sql"), ("verbose-4", "-v --dialect=mysql -f mill_4.sql"),
                      ("column-4", "-l column --dialect=postgres -f mill_4.sql"),
                      ("column-1-broken", "-l column --dialect=postgres -f broken.sql")]:
        cap(f"sqllineage-{tag}", f"nice {sl} {args}", d, n_sqllineage, timeout=300, typed=f"sqllineage {args}")


# ------------------------------------------------------------------ sqlfmt

SQLFMT_MODELS = {
    "stg_runs.sql": "with src as (select * from {{ source('mill','runs') }}),\nclean as (SELECT run_id,sluice_id,"
                    "stone,grain,tide,CAST(run_date AS DATE) run_date , flour_kg/1000.0 as flour_t from src where "
                    "flour_kg>{n})\nselect * from clean\n",
    "fct_sacks.sql": "select s.sack_id,s.baker,r.stone,r.grain,case when s.weight_kg>=50 then 'large' when "
                     "s.weight_kg>=25 then 'standard' else 'small' end as size_{n}\nfrom {{ ref('stg_sacks') }} s "
                     "left join {{ ref('stg_runs') }} r using(run_id) where s.dispatched='no'\n",
    "dim_sluice.sql": "select\n    sluice_id,\n    name,\n    built\nfrom {{ ref('stg_sluices') }}\n",
    "bad_bracket.sql": "select run_id, sum(flour_kg)) as kg from {{ ref('stg_runs') }} group by run_id\n",
    "agg_tide.sql": "SELECT tide,stone, COUNT(*) AS runs, SUM(flour_kg) AS kg, AVG(head_m) head FROM "
                    "{{ ref('stg_runs') }} GROUP BY tide,stone HAVING COUNT(*)>{n} ORDER BY kg DESC\n",
    "dim_baker.sql": "select distinct baker as baker_name from {{ ref('stg_sacks') }}\n",
}


def cap_sqlfmt(tmp: Path) -> None:
    fmt = VB / "bin" / "sqlfmt"
    for n, diff, copies, bad in [(2, False, 2, True), (4, True, 3, False), (6, True, 12, False)]:
        d = tmp / f"sqlfmt-{n}"
        for c in range(copies):
            for name, body in SQLFMT_MODELS.items():
                if name == "bad_bracket.sql" and not bad:
                    continue
                p = d / "models" / f"leat{c}" / name
                p.parent.mkdir(parents=True, exist_ok=True)
                p.write_text(body.replace("{n}", str(n + c)))
        flag = " --diff" if diff else ""
        cap(f"sqlfmt-check-{n}", f"nice {fmt} --check{flag} models", d, n_sqlfmt, timeout=300,
            typed=f"sqlfmt --check{flag} models")


# ------------------------------------------------------------------ polars

EXPLAIN_PY = r'''
import polars as pl
runs = pl.scan_csv("runs.csv", schema_overrides={"head_m": pl.Utf8, "ended": pl.Utf8})
sacks = pl.scan_csv("sacks.csv", schema_overrides={"weight_kg": pl.Utf8})
sluices = pl.scan_csv("sluices.csv")
Q = {
 "ebb flour by sluice": runs.filter(pl.col("tide") == "ebb").group_by("sluice_id").agg(pl.col("flour_kg").sum()),
 "sacks per stone": sacks.join(runs, on="run_id", how="inner").group_by(["stone", "baker"]).agg(pl.len())
     .sort("len", descending=True),
 "negative flour": runs.filter(pl.col("flour_kg") < 0).select("run_id", "sluice_id", "flour_kg", "miller"),
 "sluice names": runs.join(sluices, on="sluice_id", how="left").group_by("name").agg(pl.col("run_id").n_unique())
     .sort("run_id"),
 "heavy sacks": sacks.with_columns(pl.col("weight_kg").cast(pl.Int64, strict=False)).filter(pl.col("weight_kg") >= 50)
     .join(runs.select("run_id", "grain"), on="run_id").group_by("grain").agg(pl.len()),
 "late runs": runs.filter(pl.col("ended") > "20:00").sort(["run_date", "ended"]).head(25),
}
for name in %(names)s:
    print(f"== {name} (optimized=%(opt)s)")
    print(Q[name].explain(optimized=%(opt)s))
    print()
'''


def cap_polars(tmp: Path) -> None:
    d = tmp / "polars"
    make_mill(d, 700, 38111)
    py = VA / "bin" / "python"
    names = ["ebb flour by sluice", "sacks per stone", "negative flour", "sluice names", "heavy sacks", "late runs"]
    for tag, sel, opt in [("all", names, True), ("raw", names, False)]:
        (d / f"explain_{tag}.py").write_text(EXPLAIN_PY % {"names": repr(sel), "opt": opt})
        cap(f"polars-explain-{tag}", f"nice {py} explain_{tag}.py", d, n_polars_explain, timeout=300,
            typed=f"python explain_{tag}.py")
    make_mill(d / "y24", 300, 38112, faults=set(), drop=True)
    (d / "y24" / "runs.csv").rename(d / "runs_2024.csv")
    make_mill(d / "clean", 700, 38111, faults={"comma", "wet", "neg"})
    errs = {
        "ragged": 'import polars as pl\ndf = pl.read_csv("runs.csv")\nprint(df.group_by("stone").agg(pl.len()))\n',
        "comma": 'import polars as pl\nprint(pl.read_csv("clean/sacks.csv", infer_schema_length=0).head(3))\n'
                 'df = pl.read_csv("clean/runs.csv", schema_overrides={"head_m": pl.Float64})\n',
        "dropped": 'import polars as pl\nlf = pl.scan_csv("runs_2024.csv")\nprint(lf.collect_schema())\n'
                   'print(lf.filter(pl.col("tide") == "ebb").group_by("sluice_id").agg(pl.col("flour_kg").sum())'
                   '.collect())\n',
        "cast": 'import polars as pl\ns = pl.read_csv("clean/sacks.csv", schema_overrides={"weight_kg": pl.Utf8})\n'
                'print(s.describe())\nprint(s.with_columns(pl.col("weight_kg").cast(pl.Int32)).group_by("baker")'
                '.agg(pl.col("weight_kg").sum()))\n',
    }
    for tag, body in errs.items():
        (d / f"load_{tag}.py").write_text(body)
        cap(f"polars-error-{tag}", f"nice {py} load_{tag}.py", d, n_polars_error, timeout=300,
            typed=f"python load_{tag}.py")


# ------------------------------------------------------------------ frictionless

def cap_frictionless(tmp: Path) -> None:
    d = tmp / "fl"
    make_mill(d, 600, 38113)
    fl = VA / "bin" / "frictionless"
    for tag, args in [("runs", "runs.csv"), ("sacks", "sacks.csv --stats"), ("package", "*.csv --type package")]:
        cap(f"frictionless-describe-{tag}", f"nice {fl} describe --yaml {args}", d, n_fl_describe, timeout=300,
            typed=f"frictionless describe --yaml {args}")


# ------------------------------------------------------------------ datasette

def cap_datasette(tmp: Path) -> None:
    d = tmp / "ds"
    make_mill(d, 1200, 38114)
    make_db(d, d / "mill.db")
    con = sqlite3.connect(d / "mill.db")
    for i, s in enumerate(SLUICES):  # per-sluice tide rollups, as the mill's export job leaves them
        for tide in ("ebb", "flood", "slack"):
            con.execute(f"CREATE TABLE tide_{s[3:].lower()}_{tide} AS SELECT run_date, COUNT(*) AS n, "
                        f"SUM(flour_kg) AS kg FROM runs WHERE sluice_id = '{s}' AND tide = '{tide}' GROUP BY run_date"
                        + (" LIMIT 0" if (i, tide) == (5, "flood") else ""))
    con.commit()
    con.close()
    make_mill(d / "old", 250, 38115, faults={"dup"}, drop=True)
    make_db(d / "old", d / "mill_1890.db")
    make_mill(d / "lost", 90, 38116, faults=set())
    make_db(d / "lost", d / "ledger_scan.db")
    ds = VA / "bin" / "datasette"
    cap("datasette-inspect-mill", f"nice {ds} inspect mill.db", d, n_ds_inspect, timeout=300,
        typed="datasette inspect mill.db")
    cap("datasette-inspect-three", f"nice {ds} inspect mill.db mill_1890.db ledger_scan.db", d, n_ds_inspect,
        timeout=300, typed="datasette inspect mill.db mill_1890.db ledger_scan.db")
    py = VA / "bin" / "python"
    for tag, path, key in [
        ("array", "/mill/runs.json?_shape=array&_size=50&tide__not=ebb", "run_id"),
        ("objects", "/mill/sacks.json?_shape=objects&_size=70&dispatched=no", "sack_id"),
        ("big", "/mill/runs.json?_shape=array&_size=300&stone__in=peak-1,cullin,derbyshire", "run_id"),
        ("sql", "/mill.json?sql=select+baker,count(*)+as+sacks,sum(weight_kg)+as+kg+from+sacks+group+by+1"
                "&_shape=array", "baker"),
        ("badsql", "/mill.json?sql=select+sluice_id,+sum(flour_kg+from+runs+group+by+1", None),
        ("badcol", "/mill.json?sql=select+run_id,+tide_height+from+runs+where+flour_kg+<+0", None)]:
        cap(f"datasette-get-{tag}", f"nice {ds} mill.db --get '{path}' | {py} -m json.tool", d,
            n_ds_get_factory(key), timeout=300, typed=f"datasette mill.db --get '{path}' | python3 -m json.tool")


# ------------------------------------------------------------------ datacompy

COMPARE_PY = r'''
import pandas as pd
import datacompy
old = pd.read_csv("%(old)s", on_bad_lines="skip")
new = pd.read_csv("%(new)s", on_bad_lines="skip")
cmp = datacompy.PandasCompare(old, new, join_columns="%(key)s", df1_name="mill_ledger", df2_name="export",
                              abs_tol=%(tol)s)
print(cmp.report(sample_count=%(sample)s))
'''


def cap_datacompy(tmp: Path) -> None:
    d = tmp / "cmp"
    make_mill(d / "a", 900, 38117, faults={"neg", "time", "comma"})
    make_mill(d / "b", 870, 38117, faults=set())
    make_mill(d / "c", 900, 38118, faults={"wet"}, drop=True)
    py = VA / "bin" / "python"
    for tag, old, new, key, tol, sample in [("runs", "a/runs.csv", "b/runs.csv", "run_id", 0, 10),
                                            ("dropped", "b/runs.csv", "c/runs.csv", "run_id", 0.05, 6),
                                            ("sacks", "a/sacks.csv", "c/sacks.csv", "sack_id", 0, 15)]:
        (d / f"compare_{tag}.py").write_text(COMPARE_PY % {"old": old, "new": new, "key": key, "tol": tol,
                                                           "sample": sample})
        cap(f"datacompy-report-{tag}", f"nice {py} compare_{tag}.py", d, n_datacompy, timeout=300,
            typed=f"python compare_{tag}.py")


# ------------------------------------------------------------------ dbt

def dbt_project(n_sluice_models: int) -> dict[str, str]:
    files = {
        "dbt_project.yml": "name: tidemill\nversion: '1.0'\nprofile: tidemill\nmodel-paths: ['models']\n"
                           "macro-paths: ['macros']\nseed-paths: ['seeds']\nmodels:\n  tidemill:\n"
                           "    +materialized: table\n    marts:\n      +schema: marts\n",
        "profiles.yml": "tidemill:\n  target: dev\n  outputs:\n    dev:\n      type: duckdb\n      path: mill.duckdb\n"
                        "      threads: 1\n",
        "models/staging/stg_runs.sql": "select run_id, sluice_id, stone, grain, tide, run_date, started, ended, "
                                       "try_cast(replace(cast(head_m as varchar), ',', '.') as double) as head_m, "
                                       "flour_kg, miller from {{ ref('runs') }}\n",
        "models/staging/stg_sacks.sql": "select sack_id, run_id, baker, filled_on, try_cast(weight_kg as integer) "
                                        "as weight_kg, dispatched from {{ ref('sacks') }}\n",
        "models/staging/stg_sluices.sql": "select * from {{ ref('sluices') }}\n",
        "models/marts/fct_flour_per_head.sql": "select sluice_id, sum(flour_kg) / sum(head_m) as kg_per_m from "
                                               "{{ ref('stg_runs') }} group by 1\n",
        "models/marts/dim_sluice.sql": "select sl.sluice_id, sl.name, count(r.run_id) as runs from "
                                       "{{ ref('stg_sluices') }} sl left join {{ ref('stg_runs') }} r using "
                                       "(sluice_id) group by 1, 2\n",
        "models/marts/fct_run_ledger.sql": "select run_id, sluice_id, run_date, miller, flour_kg from "
                                          "{{ ref('stg_runs') }}\n",
        "models/schema.yml": "version: 2\nmodels:\n  - name: fct_run_ledger\n    columns:\n      - name: run_id\n"
                             "        data_tests: [unique, not_null]\n  - name: stg_runs\n    columns:\n"
                             "      - name: tide\n        data_tests:\n"
                             "          - accepted_values:\n              arguments:\n"
                             "                values: ['ebb', 'flood', 'slack']\n"
                             "  - name: stg_sacks\n    columns:\n      - name: weight_kg\n        data_tests: [not_null]\n",
        "macros/count_rows.sql": "{% macro count_rows(tables) %}\n{% for t in tables %}\n"
                                 "{% set r = run_query('select count(*) from ' ~ t) %}\n"
                                 "{% if execute %}{{ log(t ~ ' rows: ' ~ r.columns[0].values()[0], info=True) }}"
                                 "{% endif %}\n{% endfor %}\n{% endmacro %}\n",
        "macros/sack_weight.sql": "{% macro sack_weight(baker) %}\n"
                                  "{% set r = run_query(\"select sum(weight_kg) from stg_sacks where baker = '\" ~ baker "
                                  "~ \"' and weight_kg > 'heavy'\") %}\n"
                                  "{% if execute %}{{ log(baker ~ ' kg: ' ~ r.columns[0].values()[0], info=True) }}"
                                  "{% endif %}\n{% endmacro %}\n",
    }
    for i in range(n_sluice_models):  # one model per sluice and stone, as the mill's analysts wrote them
        s, st = SLUICES[i % 8], STONES[(i // 8) % 5]
        files[f"models/sluices/flour_{s[3:].lower()}_{st.replace('-', '_')}.sql"] = (
            f"select run_date, tide, sum(flour_kg) as kg, count(*) as runs from {{{{ ref('stg_runs') }}}} "
            f"where sluice_id = '{s}' and stone = '{st}' group by 1, 2\n")
    return files


def cap_dbt(tmp: Path) -> None:
    dbt = VD / "bin" / "dbt"
    if not dbt.exists():
        cm.note("skip dbt: not installed")
        return
    d = tmp / "dbt"
    cm.write_tree(d, dbt_project(40))
    make_mill(d / "seeds", 800, 38119, faults={"neg", "time", "wet"})
    env = {"DBT_PROFILES_DIR": str(d), "DBT_SEND_ANONYMOUS_USAGE_STATS": "false", "DBT_USE_COLORS": "false"}

    def dcap(item, args, ext):
        cap(item, f"nice {dbt} {args}", d, ext, timeout=500, env=env, typed=f"dbt {args}")

    extra = d / "models/marts/fct_tides.sql"
    extra.write_text("select * from {{ source('harbour', 'tide_tables') }} t join {{ ref('stg_runs') }} r "
                     "on r.run_date = t.day\n")
    dcap("dbt-parse-source", "parse", n_dbt)
    extra.unlink()
    macro = d / "macros/tide_phase.sql"
    macro.write_text("{% macro tide_phase(col) %}\ncase when {{ col }} = 'ebb' then 1 {% if var('flood', true) "
                     "%} when {{ col }} = 'flood' then 2 {% endfi %} else 0 end\n{% endmacro %}\n")
    dcap("dbt-parse-macro", "parse", n_dbt)
    macro.unlink()
    dup = d / "models/legacy/dim_sluice.sql"
    dup.parent.mkdir(parents=True, exist_ok=True)
    dup.write_text("select sluice_id, name from {{ ref('stg_sluices') }}\n")
    dcap("dbt-parse-duplicate", "parse", n_dbt)
    dup.unlink()
    sch = d / "models/schema.yml"
    good = sch.read_text()
    sch.write_text(good + "  - name: fct_sack_yield\n    columns:\n      - name: baker\n        data_tests: [not_null]\n"
                          "  - name: dim_sluice\n    columns:\n      - name: sluice_code\n"
                          "        data_tests: [unique]\n")
    dcap("dbt-parse-missing-model", "parse", n_dbt)
    sch.write_text(good)
    cm.run(f"nice {dbt} seed", cwd=d, env=env, timeout=500)
    cm.run(f"nice {dbt} run", cwd=d, env=env, timeout=600)
    names = ["runs", "sacks", "sluices", "stg_runs", "stg_sacks", "main_marts.dim_sluice"] + [
        p.stem for p in sorted((d / "models/sluices").glob("*.sql"))][:30]
    dcap("dbt-run-operation-counts", "run-operation count_rows --args '{tables: [" + ", ".join(names) + "]}'",
         n_dbt_runop)
    dcap("dbt-run-operation-nomacro", "run-operation count_sacks --args '{baker: Jago}'", n_dbt_runop)
    dcap("dbt-run-operation-sqlfail", "run-operation sack_weight --args '{baker: Jago}'", n_dbt_runop)
    # a build that fails: a zero head of water divides by zero, a run logged twice fails `unique`
    make_mill(d / "seeds", 800, 38119, faults={"neg", "time", "wet", "dup"})
    with open(d / "seeds/runs.csv", "a") as f:
        f.write("801,SL-TAIL,peak-1,wheat,slack,2025-06-21,05:10,07:40,0,0.0,Hosking\r\n")  # csv.writer's line ending
    (d / "models/marts/fct_flour_per_head.sql").write_text(
        "select sluice_id, sum(flour_kg) // sum(head_m)::integer as kg_per_m, "
        "1 // (min(head_m)::integer) as inv_head from {{ ref('stg_runs') }} group by 1\n")
    (d / "models/marts/fct_shift_hours.sql").write_text(
        "select run_id, miller, date_diff('minute', cast(started || ':00' as time), cast(ended || ':00' as time)) "
        "/ 60.0 as hours "
        "from {{ ref('stg_runs') }}\n")
    cm.run(f"nice {dbt} build", cwd=d, env=env, timeout=700)
    dcap("dbt-retry-fails", "retry", n_dbt_retry)
    (d / "models/marts/fct_flour_per_head.sql").write_text(
        "select sluice_id, sum(flour_kg) / nullif(sum(head_m), 0) as kg_per_m from {{ ref('stg_runs') }} group by 1\n")
    dcap("dbt-retry-after-fix", "retry", n_dbt_retry)


STEPS = [cap_sqlfluff, cap_sqlglot, cap_sqllineage, cap_sqlfmt, cap_polars, cap_frictionless, cap_datasette,
         cap_datacompy, cap_dbt]


def ensure_tools() -> None:
    cm.install_venv(VA, "datasette", ["sqlfluff==4.5.0", "sqlglot==30.31.0", "polars==1.33.1", "duckdb==2.0.1",
                                      "frictionless==5.21.0", "datasette==0.65.5", "datacompy==1.1.0",
                                      "pandas==3.0.6", "pyarrow"])
    cm.install_venv(VB, "sqlfmt", ["sqllineage==1.5.9", "shandy-sqlfmt==0.32.0"])
    cm.install_venv(VD, "dbt", ["dbt-core==1.10.23", "dbt-duckdb==1.9.6"])


def steps() -> list:
    return STEPS


def main() -> None:
    cm.capture_round(__doc__, ensure_tools, steps, ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 10_000, 60_000))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide381", sys.modules["__main__"])
    main()
