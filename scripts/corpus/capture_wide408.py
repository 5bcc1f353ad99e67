#!/usr/bin/env python3
"""Capture round 408 of the compression corpus: third samples of round 374's fourteen data engineering kinds
(sqlfluff fix and parse, sqlglot's optimizer, sqllineage, shandy-sqlfmt --check, polars' explain() and its errors,
frictionless describe, datasette inspect and --get, a datacompy report, dbt parse / run-operation / retry on DuckDB),
after round 381's second sample, on a salt works' warehouse written here (brine pans, evaporators, boilings, rakers,
bags; seeds 40810+) with faults other than rounds 374's and 381's. No new rules: every extractor is round 374's,
imported from capture_wide374 by function (NEEDLES.md "Round 408"). Nothing captured here was compressed.

Usage:   .venv/bin/python scripts/corpus/capture_wide408.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide408.json  as {"version": 2, "items": [...]}, ids prefixed "wide408-".
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

ID_PREFIX = "wide408-"
DEFAULT_OUT = HERE / "data" / "wide408.json"
TOOLS = Path(os.environ.get("HM_WIDE408_TOOLS", "/dev/shm/hm-corpus-wide408"))  # the round's venvs
TMP = Path(os.environ.get("HM_WIDE408_TMP", "/dev/shm/hm-corpus-wide408-run"))
VA, VB, VD = TOOLS / "va", TOOLS / "vb", TOOLS / "vd"

_SIZED = cm.Sized(400, 120_000)
add, cap = _SIZED.add, _SIZED.cap

# ------------------------------------------------------------------ material: a salt works' warehouse

PANS = ["PAN-A", "PAN-B", "PAN-C", "PAN-D", "PAN-E", "PAN-F", "PAN-G", "PAN-H"]
PAN_NAMES = ["Great", "Lower", "Marsh", "Creek", "Boiling", "Hard", "New", "Quay"]
EVAPS = ["open-pan", "grainer", "vacuum-1", "vacuum-2", "multi-effect"]
GRADES = ["common"] * 6 + ["fine"] * 2 + ["fishery", "bay"]
SHIFTS = ["day"] * 4 + ["night"]
RAKERS = ["Hawkins", "Pardy", "Elcock", "Burrard", "Stride", "Tizard", "Coombes", "Norris"]
CONSIGNEES = [("Grimsby Curers", "curer"), ("Yarmouth Herring Co", "curer"), ("Billingsgate Stall 9", "fishmonger"),
              ("Brixham Fish Hall", "fishmonger"), ("Bermondsey Tannery", "tanner"), ("Cowes Provisioners", "curer"),
              ("Poole Fishmongers", "fishmonger"), ("Societe Morue Fecamp", "curer"), ("Hythe Smokehouse", "curer"),
              ("Leather Lane Tanners", "tanner")]

FAULTS_ALL = {"short", "date", "na", "over", "hdr", "orphan", "pct"}


def make_salt(d: Path, n_boil: int, seed: int, faults: set[str] = FAULTS_ALL, delim: str = ",",
              enc: str = "utf-8") -> None:
    """pans.csv, boilings.csv, bags.csv; `faults` names the faults put in; `delim` and `enc` are the export's
    delimiter and encoding (a `;` export, a Latin-1 export)."""
    rnd = random.Random(seed)
    d.mkdir(parents=True, exist_ok=True)

    def writer(name):
        f = open(d / name, "w", newline="", encoding=enc)
        return f, csv.writer(f, delimiter=delim)

    f, w = writer("pans.csv")
    w.writerow(["pan_id", "name", "built", "area_m2", "lining"])
    for i, p in enumerate(PANS):
        w.writerow([p, PAN_NAMES[i] + " Pan", 1790 + i * 9, round(40 + i * 6.5, 1), "lead" if i % 4 == 1 else "iron"])
    f.close()
    f, w = writer("boilings.csv")
    w.writerow(["boil_id", "pan_id", "evaporator", "grade", "shift", "boil_date", "fire_hours", "brine_be", "salt_kg",
                "raker " if "hdr" in faults else "raker"])
    for i in range(1, n_boil + 1):
        row = [i, rnd.choice(PANS), rnd.choice(EVAPS), rnd.choice(GRADES), rnd.choice(SHIFTS),
               f"2025-{1 + i % 12:02d}-{1 + i % 28:02d}", round(6 + rnd.random() * 30, 1),
               round(18 + rnd.random() * 7, 1), round(300 + rnd.random() * 1900, 1), rnd.choice(RAKERS)]
        if "date" in faults and i % 167 == 33:
            row[5] = f"{1 + i % 28:02d}/{1 + i % 12:02d}/2025"
        if "na" in faults and i % 149 == 71:
            row[6] = "N/A"
        if "over" in faults and i % 211 == 100:
            row[7] = 31.5
        if "orphan" in faults and i % 233 == 150:
            row[1] = "PAN-Z"
        if "short" in faults and i == n_boil // 4:
            row = row[:-1]
        w.writerow(row)
    f.close()
    f, w = writer("bags.csv")
    w.writerow(["bag_id", "boil_id", "consignee", "trade", "bagged_on", "weight_kg", "shipped"])
    for i in range(1, n_boil * 2 + 1):
        c, t = rnd.choice(CONSIGNEES)
        if enc != "utf-8" and c.startswith("Societe"):
            c = "Société Morue Fécamp"
        row = [f"BG{i:05d}", 1 + rnd.randrange(n_boil), c, t, f"2025-{1 + i % 12:02d}-{1 + i % 28:02d}",
               rnd.choice([50, 50, 50, 25, 100]), "yes" if i % 11 else "no"]
        if "pct" in faults and i % 277 == 9:
            row[5] = "27%"
        w.writerow(row)
    f.close()


def make_db(d: Path, path: Path) -> None:
    con = sqlite3.connect(path)
    for name in ("pans", "boilings", "bags"):
        with open(d / f"{name}.csv") as f:
            r = csv.reader(f)
            hdr = [h.strip() for h in next(r)]
            con.execute(f"CREATE TABLE {name} ({', '.join(hdr)})")
            con.executemany(f"INSERT INTO {name} VALUES ({','.join('?' * len(hdr))})",
                            [(row + [None] * len(hdr))[: len(hdr)] for row in r])
    con.execute("CREATE VIEW unshipped AS SELECT * FROM bags WHERE shipped = 'no'")
    con.commit()
    con.close()


# ------------------------------------------------------------------ sqlfluff

SQL = {
    "sqlite": """
select b.boil_id,b.pan_id, CAST(b.salt_kg AS REAL) as salt , strftime('%W', b.boil_date) wk
FROM boilings b left join pans p on p.pan_id=b.pan_id where b.grade = '{g}' and b.pan_id = '{p}'
ORDER BY salt DESC limit {i}0;
insert or replace into pan_totals_{i} (pan_id, kg) select pan_id, total(salt_kg) from boilings group by pan_id;
""",
    "trino": """
SELECT pan_id, date_trunc('week', from_iso8601_date(boil_date)) AS wk, approx_percentile(salt_kg, 0.9) p90_{i},
       array_agg(DISTINCT raker) rakers, count_if(brine_be > 25) AS over_strength
FROM salt.boilings WHERE evaporator = '{e}' AND pan_id = '{p}' GROUP BY 1, 2 ORDER BY p90_{i} desc
""",
    "athena": """
select b.pan_id , b.grade, sum(b.salt_kg) as kg_{i}, max_by(b.raker, b.salt_kg) top_raker
from salt.boilings b cross join unnest(split(b.grade, '-')) as t(part)
where b.boil_date between '2025-01-01' and '2025-0{m}-28' and b.evaporator='{e}'
group by b.pan_id, b.grade
""",
    "teradata": """
SEL b.boil_id, b.pan_id, b.salt_kg (FORMAT 'ZZZ,ZZ9.9') AS salt, b.brine_be
FROM salt.boilings b
WHERE b.pan_id = '{p}' AND b.grade = '{g}'
QUALIFY ROW_NUMBER() OVER (PARTITION BY b.pan_id ORDER BY b.salt_kg DESC) <= {i};
""",
    "db2": """
SELECT B.BOIL_ID, B.PAN_ID, VALUE(B.FIRE_HOURS, 0) AS HOURS, B.SALT_KG / NULLIF(B.FIRE_HOURS, 0) AS KG_PER_HOUR_{i}
FROM SALT.BOILINGS B WHERE B.EVAPORATOR = '{e}' AND B.PAN_ID = '{p}'
ORDER BY KG_PER_HOUR_{i} DESC FETCH FIRST {i}0 ROWS ONLY;
""",
    "vertica": """
select pan_id, time_slice(boil_date::timestamp, 7, 'DAY') as wk, sum(salt_kg) kg_{i}, approximate_count_distinct(raker) as rakers
from salt.boilings where grade = '{g}' and pan_id = '{p}' group by 1, 2 order by kg_{i} desc limit {i};
""",
    "mariadb": """
SELECT `b`.`bag_id`, IFNULL(b.consignee,'unknown') AS consignee ,b.weight_kg , DATE_FORMAT(b.bagged_on, '%Y-%m') mon
FROM salt.bags b JOIN salt.boilings bo ON bo.boil_id=b.boil_id
WHERE bo.pan_id = '{p}' AND b.shipped='no' AND b.trade = '{t}' LIMIT {i}0;
REPLACE INTO salt.consignee_totals (consignee, kg) SELECT consignee, SUM(weight_kg) FROM salt.bags GROUP BY consignee;
""",
    "greenplum": """
create table salt.pan_week_{i} with (appendoptimized=true, orientation=column) as
select pan_id, date_trunc('week', boil_date::date) wk, sum(salt_kg) as kg, count(*) boilings
from salt.boilings where evaporator = '{e}' group by 1, 2
distributed by (pan_id);
""",
    "exasol": """
SELECT pan_id, grade, SUM(salt_kg) AS kg_{i}, MEDIAN(brine_be) AS be
FROM salt.boilings WHERE evaporator = '{e}' AND pan_id = '{p}'
GROUP BY pan_id, grade ORDER BY kg_{i} DESC LIMIT {i};
""",
    "impala": """
insert overwrite table salt.salt_by_grade partition (mon='2025-{m:02d}')
select grade, evaporator, sum(salt_kg) as kg_{i}, ndv(raker) rakers
from salt.boilings where pan_id = '{p}' group by grade, evaporator;
""",
}
BROKEN = {  # other faults than rounds 374's and 381's: an unterminated string, a trailing comma before FROM,
    # a CASE without END, a JOIN without its ON
    "sqlite": "select boil_id, salt_kg from boilings where grade = 'fine order by salt_kg",
    "trino": "SELECT pan_id, sum(salt_kg) AS kg, FROM salt.boilings GROUP BY pan_id",
    "athena": "select boil_id, case when brine_be > 26 then 'over' else 'ok' as strength from salt.boilings",
    "teradata": "SEL b.boil_id, p.name FROM salt.boilings b JOIN salt.pans p WHERE b.grade = 'bay'",
    "db2": "SELECT PAN_ID, CASE WHEN SALT_KG > 1000 THEN 'HEAVY' AS SIZE FROM SALT.BOILINGS",
    "vertica": "select pan_id, sum(salt_kg) kg, from salt.boilings group by pan_id",
    "mariadb": "SELECT bag_id, consignee FROM salt.bags WHERE trade = 'tanner ORDER BY bag_id",
    "greenplum": "select b.boil_id, p.lining from salt.boilings b join salt.pans p where p.lining = 'lead'",
    "exasol": "SELECT pan_id, CASE grade WHEN 'bay' THEN 1 ELSE 0 AS is_bay FROM salt.boilings",
    "impala": "select grade, count(*) n, from salt.boilings group by grade",
}


def sql_files(d: Path, dialect: str, n: int, broken: bool) -> None:
    d.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        body = SQL[dialect].format(i=i + 1, p=PANS[i % 8], g=GRADES[(i * 3) % 10], e=EVAPS[i % 5],
                                   t=CONSIGNEES[i % 10][1], m=1 + i % 9).lstrip()
        if broken and i == n // 2:
            body += ("\n" if body.rstrip().endswith(";") else ";\n") + BROKEN[dialect] + "\n"
        (d / f"boil_{dialect}_{i + 1:02d}.sql").write_text(body)


def cap_sqlfluff(tmp: Path) -> None:
    fl = VA / "bin" / "sqlfluff"
    for dialect, n, broken in [("sqlite", 5, True), ("trino", 7, True), ("teradata", 4, True), ("db2", 6, True),
                               ("vertica", 3, False), ("mariadb", 26, True)]:
        d = tmp / f"fluff-{dialect}-{n}"
        sql_files(d / "models", dialect, n, broken)
        cap(f"sqlfluff-fix-{dialect}-{n}", f"nice {fl} fix --dialect {dialect} models/", d, n_sqlfluff_fix,
            timeout=420, typed=f"sqlfluff fix --dialect {dialect} models/")
    for dialect, n in [("greenplum", 2), ("exasol", 1), ("impala", 2)]:
        d = tmp / f"parse-{dialect}"
        sql_files(d, dialect, 2 * n + 1, True)
        f = f"boil_{dialect}_{n + 1:02d}.sql"
        cap(f"sqlfluff-parse-{dialect}", f"nice {fl} parse --dialect {dialect} {f}", d, n_sqlfluff_parse,
            timeout=300, typed=f"sqlfluff parse --dialect {dialect} {f}")
    d = tmp / "parse-athena-dir"
    sql_files(d / "models", "athena", 5, True)
    cap("sqlfluff-parse-athena-dir", f"nice {fl} parse --dialect athena models/", d, n_sqlfluff_parse, timeout=300,
        typed="sqlfluff parse --dialect athena models/")


# ------------------------------------------------------------------ sqlglot

OPT_PY = r'''
import sys
import sqlglot
from sqlglot.optimizer import optimize
SCHEMA = {"boilings": {"boil_id": "INT", "pan_id": "TEXT", "evaporator": "TEXT", "grade": "TEXT", "shift": "TEXT",
                       "boil_date": "DATE", "fire_hours": "DOUBLE", "brine_be": "DOUBLE", "salt_kg": "DOUBLE",
                       "raker": "TEXT"},
          "bags": {"bag_id": "TEXT", "boil_id": "INT", "consignee": "TEXT", "trade": "TEXT", "bagged_on": "DATE",
                   "weight_kg": "INT", "shipped": "TEXT"},
          "pans": {"pan_id": "TEXT", "name": "TEXT", "built": "INT", "area_m2": "DOUBLE", "lining": "TEXT"}}
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
    optimize(sqlglot.parse_one("SELECT boil_id FROM boilings WHERE grade = 'fine", read=read), schema=SCHEMA)
'''
QUERIES = [
    "SELECT b.pan_id, SUM(b.salt_kg) AS kg, COUNT(*) AS n FROM boilings b WHERE b.grade = 'fine' GROUP BY 1",
    "SELECT b.consignee, SUM(b.weight_kg) FROM bags b JOIN boilings o ON o.boil_id = b.boil_id "
    "WHERE o.evaporator IN ('vacuum-1', 'vacuum-2') AND b.shipped = 'no' GROUP BY b.consignee",
    "SELECT pan_id, grade, salt_kg FROM boilings WHERE grade = 'bay",
    "SELECT x.raker, x.kg FROM (SELECT raker, SUM(salt_kg) kg FROM boilings GROUP BY raker) x WHERE x.kg > 5000 "
    "ORDER BY x.kg DESC",
    "SELECT p.name, CASE WHEN b.brine_be > 26 THEN 'over' ELSE 'ok' AS strength FROM pans p JOIN boilings b "
    "ON b.pan_id = p.pan_id",
    "SELECT name, area_m2 FROM pans WHERE built < 1820 AND lining = 'lead'",
    "SELECT p.name, b.salt_kg FROM pans p JOIN bags b USING (pan_id)",
    "WITH strong AS (SELECT boil_id FROM boilings WHERE brine_be > 24) SELECT pan_id, COUNT(*) FROM boilings "
    "WHERE boil_id IN (SELECT boil_id FROM strong) GROUP BY pan_id",
    "SELECT pan_id, salinity_pct FROM boilings",
    "SELECT evaporator, COUNT(DISTINCT raker) AS rakers, MAX(salt_kg) FROM boilings GROUP BY evaporator "
    "HAVING COUNT(*) > 3",
    "SELECT * FROM evaporations_1899 WHERE fire_hours IS NULL",
    "SELECT p.name, SUM(b.salt_kg) FROM pans p LEFT JOIN boilings b ON b.pan_id = p.pan_id "
    "WHERE NOT (b.shift = 'night' OR b.shift IS NULL) GROUP BY p.name ORDER BY 2 DESC",
    "SELECT grade, SUM(salt_kg) kg, FROM boilings GROUP BY grade",
]


def cap_sqlglot(tmp: Path) -> None:
    d = tmp / "sqlglot"
    d.mkdir()
    py = VA / "bin" / "python"
    for tag, qs, read, write, crash in [("all", QUERIES, "sqlite", "trino", False),
                                        ("rep", QUERIES * 6, "teradata", "presto", False),
                                        ("crash", QUERIES[:6], "athena", "starrocks", True)]:
        named = [(f"q{i + 1:02d}", q) for i, q in enumerate(qs)]
        (d / f"optimize_{tag}.py").write_text(OPT_PY % {"queries": repr(named), "crash": crash})
        cap(f"sqlglot-optimize-{tag}", f"nice {py} optimize_{tag}.py {read} {write}", d, n_sqlglot_opt,
            timeout=300, typed=f"python optimize_{tag}.py {read} {write}")


# ------------------------------------------------------------------ sqllineage

LINEAGE_SQL = """
INSERT INTO mart.pan_salt_{i}
SELECT p.pan_id, p.name, SUM(b.salt_kg) AS kg, AVG(b.brine_be) AS be
FROM salt.pans p JOIN salt.boilings b ON b.pan_id = p.pan_id
GROUP BY p.pan_id, p.name;

INSERT INTO mart.consignee_bags
SELECT g.consignee, COUNT(g.bag_id) AS bags_{i}, SUM(g.weight_kg) AS kg, MAX(b.grade) AS grade
FROM salt.bags g JOIN staging.boilings_clean b ON b.boil_id = g.boil_id
GROUP BY g.consignee;

CREATE TABLE staging.boilings_clean AS
SELECT boil_id, pan_id, evaporator, grade, shift, boil_date, salt_kg / 1000.0 AS salt_t
FROM raw.fire_book_{i} WHERE brine_be <= 26.4;

INSERT INTO mart.raker_yield
SELECT r.raker, SUM(salt_kg) / SUM(fire_hours) AS kg_per_hour FROM staging.boilings_clean, raker_roster r
GROUP BY r.raker;
"""


def cap_sqllineage(tmp: Path) -> None:
    d = tmp / "lineage"
    d.mkdir()
    sl = VB / "bin" / "sqllineage"
    for n in (1, 4, 14):
        (d / f"salt_{n}.sql").write_text("".join(LINEAGE_SQL.format(i=i + 1) for i in range(n)))
    (d / "broken.sql").write_text(LINEAGE_SQL.format(i=1) +
                                  "\nINSERT INTO mart.y SELECT pan_id FROM salt.boilings WHERE grade = 'fine;\n")
    for tag, args in [("tables-14", "--dialect=trino -f salt_14.sql"), ("verbose-4", "-v --dialect=sqlite -f salt_4.sql"),
                      ("column-4", "-l column --dialect=athena -f salt_4.sql"),
                      ("column-1-broken", "-l column --dialect=teradata -f broken.sql")]:
        cap(f"sqllineage-{tag}", f"nice {sl} {args}", d, n_sqllineage, timeout=300, typed=f"sqllineage {args}")


# ------------------------------------------------------------------ sqlfmt

SQLFMT_MODELS = {
    "stg_boilings.sql": "with src as (select * from {{ source('works','boilings') }}),\nclean as (SELECT boil_id,"
                        "pan_id,evaporator,grade,CAST(boil_date AS DATE) boil_date , salt_kg/1000.0 as salt_t from src "
                        "where brine_be<={n}.4)\nselect * from clean\n",
    "fct_bags.sql": "select g.bag_id,g.consignee,b.grade,b.evaporator,case when g.weight_kg>=100 then 'ton-sack' when "
                    "g.weight_kg>=50 then 'cwt' else 'half' end as size_{n}\nfrom {{ ref('stg_bags') }} g "
                    "left join {{ ref('stg_boilings') }} b using(boil_id) where g.shipped='no'\n",
    "dim_pan.sql": "select\n    pan_id,\n    name,\n    lining\nfrom {{ ref('stg_pans') }}\n",
    "bad_quote.sql": "select boil_id, salt_kg from {{ ref('stg_boilings') }} where grade = 'fine\n",
    "agg_grade.sql": "SELECT grade,evaporator, COUNT(*) AS boilings, SUM(salt_kg) AS kg, AVG(brine_be) be FROM "
                     "{{ ref('stg_boilings') }} GROUP BY grade,evaporator HAVING COUNT(*)>{n} ORDER BY kg DESC\n",
    "dim_raker.sql": "select distinct raker as raker_name from {{ ref('stg_boilings') }}\n",
    "fct_fire.sql": "select pan_id , sum( fire_hours ) as hours,sum(salt_kg)/nullif(sum(fire_hours),0) kg_per_hour "
                    "from {{ ref('stg_boilings') }} group by 1\n",
}


def cap_sqlfmt(tmp: Path) -> None:
    fmt = VB / "bin" / "sqlfmt"
    for n, diff, copies, bad in [(3, False, 3, True), (5, True, 4, False), (7, True, 14, False)]:
        d = tmp / f"sqlfmt-{n}"
        for c in range(copies):
            for name, body in SQLFMT_MODELS.items():
                if name == "bad_quote.sql" and not bad:
                    continue
                p = d / "models" / f"pan{c}" / name
                p.parent.mkdir(parents=True, exist_ok=True)
                p.write_text(body.replace("{n}", str(n + c)))
        flag = " --diff" if diff else ""
        cap(f"sqlfmt-check-{n}", f"nice {fmt} --check{flag} models", d, n_sqlfmt, timeout=300,
            typed=f"sqlfmt --check{flag} models")


# ------------------------------------------------------------------ polars

EXPLAIN_PY = r'''
import polars as pl
boil = pl.scan_csv("boilings.csv", schema_overrides={"fire_hours": pl.Utf8, "boil_date": pl.Utf8})
bags = pl.scan_csv("bags.csv", schema_overrides={"weight_kg": pl.Utf8})
pans = pl.scan_csv("pans.csv")
Q = {
 "fine salt by pan": boil.filter(pl.col("grade") == "fine").group_by("pan_id").agg(pl.col("salt_kg").sum()),
 "bags per evaporator": bags.join(boil, on="boil_id", how="inner").group_by(["evaporator", "trade"]).agg(pl.len())
     .sort("len", descending=True),
 "over-strength brine": boil.filter(pl.col("brine_be") > 26.4).select("boil_id", "pan_id", "brine_be", "raker "),
 "orphan pans": boil.join(pans, on="pan_id", how="anti").select("boil_id", "pan_id"),
 "pan linings": boil.join(pans, on="pan_id", how="left").group_by("lining").agg(pl.col("salt_kg").mean())
     .sort("salt_kg"),
 "hundredweights": bags.with_columns(pl.col("weight_kg").cast(pl.Int64, strict=False)).filter(pl.col("weight_kg") >= 50)
     .join(boil.select("boil_id", "grade"), on="boil_id").group_by("grade").agg(pl.len()),
 "night boilings": boil.filter(pl.col("shift") == "night").sort(["boil_date", "salt_kg"]).head(30),
 "rakers ranked": boil.group_by("raker ").agg(pl.col("salt_kg").sum().alias("kg")).with_columns(
     pl.col("kg").rank(descending=True).alias("rank")).sort("rank"),
}
for name in %(names)s:
    print(f"== {name} (optimized=%(opt)s)")
    print(Q[name].explain(optimized=%(opt)s))
    print()
'''


def cap_polars(tmp: Path) -> None:
    d = tmp / "polars"
    make_salt(d, 700, 40811, faults={"date", "na", "over", "hdr", "orphan", "pct"})
    py = VA / "bin" / "python"
    names = ["fine salt by pan", "bags per evaporator", "over-strength brine", "orphan pans", "pan linings",
             "hundredweights", "night boilings", "rakers ranked"]
    for tag, sel, opt in [("all", names, True), ("raw", names[:5], False)]:
        (d / f"explain_{tag}.py").write_text(EXPLAIN_PY % {"names": repr(sel), "opt": opt})
        cap(f"polars-explain-{tag}", f"nice {py} explain_{tag}.py", d, n_polars_explain, timeout=300,
            typed=f"python explain_{tag}.py")
    make_salt(d / "y24", 300, 40812, faults=set())
    errs = {
        "datefmt": 'import polars as pl\ndf = pl.read_csv("boilings.csv", infer_schema_length=0)\n'
                   'print(df.select(pl.col("boil_date").str.to_date("%Y-%m-%d")).head())\n',
        "blank": 'import polars as pl\ndf = pl.read_csv("boilings.csv", infer_schema_length=0)\nprint(df.columns)\n'
                 'print(df.group_by("raker").agg(pl.len()))\n',
        "concat": 'import polars as pl\na = pl.read_csv("y24/boilings.csv")\nb = pl.read_csv("boilings.csv", '
                  'infer_schema_length=10000)\nprint(a.schema)\nprint(b.schema)\nprint(pl.concat([a, b]).shape)\n',
        "joinkey": 'import polars as pl\nbags = pl.read_csv("bags.csv", schema_overrides={"boil_id": pl.Utf8})\n'
                   'boil = pl.read_csv("y24/boilings.csv")\nprint(bags.join(boil, on="boil_id").group_by("grade")'
                   '.agg(pl.col("weight_kg").sum()))\n',
    }
    for tag, body in errs.items():
        (d / f"load_{tag}.py").write_text(body)
        cap(f"polars-error-{tag}", f"nice {py} load_{tag}.py", d, n_polars_error, timeout=300,
            typed=f"python load_{tag}.py")


# ------------------------------------------------------------------ frictionless

def cap_frictionless(tmp: Path) -> None:
    d = tmp / "fl"
    make_salt(d, 600, 40813)
    make_salt(d / "export", 400, 40814, faults={"na", "pct"}, delim=";", enc="latin-1")
    for i, p in enumerate(PANS):  # the works' per-pan fire books, as the clerk exports them (one name each)
        make_salt(d / "tmp" / p.lower(), 40 + 7 * i, 40815 + i, faults={"over"} if i % 3 == 0 else set())
        (d / "books").mkdir(exist_ok=True)
        for f in (d / "tmp" / p.lower()).glob("*.csv"):
            f.rename(d / "books" / f"{p.lower().replace('-', '_')}_{f.name}")
    fl = VA / "bin" / "frictionless"
    for tag, args in [("boilings", "boilings.csv"), ("export-bags", "export/bags.csv --stats"),
                      ("package", "books/*.csv --type package")]:
        cap(f"frictionless-describe-{tag}", f"nice {fl} describe --yaml {args}", d, n_fl_describe, timeout=300,
            typed=f"frictionless describe --yaml {args}")


# ------------------------------------------------------------------ datasette

def cap_datasette(tmp: Path) -> None:
    d = tmp / "ds"
    make_salt(d, 1200, 40823)
    make_db(d, d / "salt.db")
    con = sqlite3.connect(d / "salt.db")
    for i, p in enumerate(PANS):  # per-pan grade rollups, as the works' export job leaves them
        for g in ("common", "fine", "fishery", "bay"):
            con.execute(f"CREATE TABLE grade_{p[4:].lower()}_{g} AS SELECT boil_date, COUNT(*) AS n, "
                        f"SUM(salt_kg) AS kg FROM boilings WHERE pan_id = '{p}' AND grade = '{g}' GROUP BY boil_date"
                        + (" LIMIT 0" if (i, g) == (3, "bay") else ""))
    con.commit()
    con.close()
    make_salt(d / "old", 260, 40824, faults={"orphan"})
    make_db(d / "old", d / "firebook_1871.db")
    make_salt(d / "lost", 80, 40825, faults=set())
    make_db(d / "lost", d / "tithe_scan.db")
    ds = VA / "bin" / "datasette"
    cap("datasette-inspect-salt", f"nice {ds} inspect salt.db", d, n_ds_inspect, timeout=300,
        typed="datasette inspect salt.db")
    cap("datasette-inspect-three", f"nice {ds} inspect salt.db firebook_1871.db tithe_scan.db", d, n_ds_inspect,
        timeout=300, typed="datasette inspect salt.db firebook_1871.db tithe_scan.db")
    py = VA / "bin" / "python"
    for tag, path, key in [
        ("array", "/salt/boilings.json?_shape=array&_size=45&grade__not=common", "boil_id"),
        ("objects", "/salt/bags.json?_shape=objects&_size=60&shipped=no", "bag_id"),
        ("big", "/salt/boilings.json?_shape=array&_size=280&evaporator__in=open-pan,grainer,multi-effect", "boil_id"),
        ("facet", "/salt/boilings.json?_facet=grade&_facet=evaporator&_size=25&pan_id=PAN-C", "boil_id"),
        ("sql", "/salt.json?sql=select+consignee,trade,count(*)+as+bags,sum(weight_kg)+as+kg+from+bags+group+by+1,2"
                "&_shape=array", "consignee"),
        ("badquote", "/salt.json?sql=select+pan_id,+sum(salt_kg)+from+boilings+where+grade+=+'fine+group+by+1", None),
        ("nofunc", "/salt.json?sql=select+pan_id,+median(brine_be)+from+boilings+group+by+pan_id", None)]:
        cap(f"datasette-get-{tag}", f"nice {ds} salt.db --get \"{path}\" | {py} -m json.tool", d,
            n_ds_get_factory(key), timeout=300, typed=f"datasette salt.db --get \"{path}\" | python3 -m json.tool")


# ------------------------------------------------------------------ datacompy

COMPARE_PY = r'''
import pandas as pd
import datacompy
old = pd.read_csv("%(old)s", on_bad_lines="skip", sep=None, engine="python", encoding="%(enc)s")
new = pd.read_csv("%(new)s", on_bad_lines="skip", sep=None, engine="python", encoding="%(enc)s")
old.columns = [c.strip() for c in old.columns]
new.columns = [c.strip() for c in new.columns]
cmp = datacompy.PandasCompare(old, new, join_columns="%(key)s", df1_name="fire_book", df2_name="clerk_export",
                              abs_tol=%(tol)s)
print(cmp.report(sample_count=%(sample)s))
'''


def cap_datacompy(tmp: Path) -> None:
    d = tmp / "cmp"
    make_salt(d / "a", 900, 40826, faults={"date", "na", "over"})
    make_salt(d / "b", 860, 40826, faults={"orphan"})
    make_salt(d / "c", 900, 40827, faults={"pct"}, delim=";", enc="latin-1")
    py = VA / "bin" / "python"
    for tag, old, new, key, tol, sample, enc in [
            ("boilings", "a/boilings.csv", "b/boilings.csv", "boil_id", 0, 10, "utf-8"),
            ("reseeded", "b/boilings.csv", "c/boilings.csv", "boil_id", 0.5, 6, "latin-1"),
            ("bags", "a/bags.csv", "c/bags.csv", "bag_id", 0, 12, "latin-1")]:
        (d / f"compare_{tag}.py").write_text(COMPARE_PY % {"old": old, "new": new, "key": key, "tol": tol,
                                                           "sample": sample, "enc": enc})
        cap(f"datacompy-report-{tag}", f"nice {py} compare_{tag}.py", d, n_datacompy, timeout=300,
            typed=f"python compare_{tag}.py")


# ------------------------------------------------------------------ dbt

def dbt_project() -> dict[str, str]:
    files = {
        "dbt_project.yml": "name: saltworks\nversion: '1.0'\nprofile: saltworks\nmodel-paths: ['models']\n"
                           "macro-paths: ['macros']\nseed-paths: ['seeds']\nmodels:\n  saltworks:\n"
                           "    +materialized: table\n    marts:\n      +schema: marts\n",
        "profiles.yml": "saltworks:\n  target: dev\n  outputs:\n    dev:\n      type: duckdb\n      path: salt.duckdb\n"
                        "      threads: 1\n",
        "models/staging/stg_boilings.sql": "select boil_id, pan_id, evaporator, grade, shift, boil_date, "
                                           "try_cast(fire_hours as double) as fire_hours, brine_be, salt_kg, raker "
                                           "from {{ ref('boilings') }}\n",
        "models/staging/stg_bags.sql": "select bag_id, boil_id, consignee, trade, bagged_on, weight_kg, shipped "
                                       "from {{ ref('bags') }}\n",
        "models/staging/stg_pans.sql": "select * from {{ ref('pans') }}\n",
        "models/marts/fct_salt_per_fire_hour.sql": "select pan_id, sum(salt_kg) / nullif(sum(fire_hours), 0) as "
                                                   "kg_per_hour from {{ ref('stg_boilings') }} group by 1\n",
        "models/marts/dim_pan.sql": "select p.pan_id, p.name, count(b.boil_id) as boilings from "
                                    "{{ ref('stg_pans') }} p left join {{ ref('stg_boilings') }} b using (pan_id) "
                                    "group by 1, 2\n",
        "models/marts/fct_boiling_ledger.sql": "select boil_id, pan_id, boil_date, raker, salt_kg from "
                                               "{{ ref('stg_boilings') }}\n",
        "models/schema.yml": "version: 2\nmodels:\n  - name: fct_boiling_ledger\n    columns:\n"
                             "      - name: boil_id\n        data_tests: [unique, not_null]\n"
                             "      - name: pan_id\n        data_tests:\n          - relationships:\n"
                             "              arguments:\n                to: ref('stg_pans')\n"
                             "                field: pan_id\n"
                             "  - name: stg_bags\n    columns:\n      - name: weight_kg\n        data_tests: [not_null]\n",
        "macros/count_rows.sql": "{% macro count_rows(tables) %}\n{% for t in tables %}\n"
                                 "{% set r = run_query('select count(*) from ' ~ t) %}\n"
                                 "{% if execute %}{{ log(t ~ ' rows: ' ~ r.columns[0].values()[0], info=True) }}"
                                 "{% endif %}\n{% endfor %}\n{% endmacro %}\n",
        "macros/bag_weight.sql": "{% macro bag_weight(consignee) %}\n"
                                 "{% set r = run_query(\"select count(*), sum(weight_kg) from stg_bags where "
                                 "upper(consignee) = '\" ~ consignee.upper() ~ \"'\") %}\n"
                                 "{% if execute %}{{ log(consignee ~ ' bags, kg: ' ~ r.rows[0], info=True) }}"
                                 "{% endif %}\n{% endmacro %}\n",
        "macros/check_pans.sql": "{% macro check_pans(pans) %}\n{% for pan in pans %}\n"
                                 "{% set r = run_query(\"select count(*) from stg_boilings where pan_id = '\" ~ pan ~ \"'\") %}\n"
                                 "{% if execute %}{{ log(pan ~ ' boilings count: ' ~ r.columns[0].values()[0], info=True) }}\n"
                                 "{% if r.columns[0].values()[0] == 0 %}"
                                 "{{ exceptions.raise_compiler_error('pan ' ~ pan ~ ' has no boilings in the fire book') }}"
                                 "{% endif %}{% endif %}\n{% endfor %}\n{% endmacro %}\n",
    }
    for i in range(40):  # one model per pan and evaporator, as the works' clerks wrote them
        p, e = PANS[i % 8], EVAPS[(i // 8) % 5]
        files[f"models/pans/salt_{p[4:].lower()}_{e.replace('-', '_')}.sql"] = (
            f"select boil_date, grade, sum(salt_kg) as kg, count(*) as boilings from {{{{ ref('stg_boilings') }}}} "
            f"where pan_id = '{p}' and evaporator = '{e}' group by 1, 2\n")
    return files


def cap_dbt(tmp: Path) -> None:
    dbt = VD / "bin" / "dbt"
    if not dbt.exists():
        cm.note("skip dbt: not installed")
        return
    d = tmp / "dbt"
    cm.write_tree(d, dbt_project())
    make_salt(d / "seeds", 800, 40828, faults={"na", "over", "orphan"})
    env = {"DBT_PROFILES_DIR": str(d), "DBT_SEND_ANONYMOUS_USAGE_STATS": "false", "DBT_USE_COLORS": "false"}

    def dcap(item, args, ext):
        cap(item, f"nice {dbt} {args}", d, ext, timeout=500, env=env, typed=f"dbt {args}")

    # (a reference cycle between two models was tried first: `dbt parse` prints nothing about it)
    ver = d / "models/marts/fct_pan_v2.sql"
    ver.write_text("select pan_id, boilings from {{ ref('dim_pan', v=2) }} where boilings > 0\n")
    dcap("dbt-parse-version-ref", "parse", n_dbt)
    ver.unlink()
    sch = d / "models/schema.yml"
    good = sch.read_text()
    # (a generic test that does not exist was tried first: `dbt parse` prints nothing about it)
    sch.write_text(good + "  - name: dim_pan\n    columns:\n      - name: pan_id\n        data_tests:\n"
                          "          - unique: {}\n            not_null: {}\n")
    dcap("dbt-parse-test-two-keys", "parse", n_dbt)
    sch.write_text(good)
    off = d / "models/legacy/old_fire_book.sql"
    off.parent.mkdir(parents=True, exist_ok=True)
    off.write_text("{{ config(enabled=false) }}\nselect * from {{ ref('stg_boilings') }}\n")
    use = d / "models/marts/fct_fire_book_diff.sql"
    use.write_text("select n.boil_id from {{ ref('stg_boilings') }} n left join {{ ref('old_fire_book') }} o "
                   "using (boil_id) where o.boil_id is null\n")
    dcap("dbt-parse-disabled-ref", "parse", n_dbt)
    use.unlink()
    off.unlink()
    proj = d / "dbt_project.yml"
    gproj = proj.read_text()
    # (an unknown `+materialised` key was tried first: `dbt parse` prints nothing about it)
    proj.write_text(gproj + "    pan:\n      +materialized: view\n      +tags: ['pans']\n"
                            "seeds:\n  saltworks:\n    boiling:\n      +column_types: {fire_hours: varchar}\n")
    dcap("dbt-parse-config-path", "parse", n_dbt)
    proj.write_text(gproj)
    cm.run(f"nice {dbt} seed", cwd=d, env=env, timeout=500)
    cm.run(f"nice {dbt} run", cwd=d, env=env, timeout=600)
    names = ["boilings", "bags", "pans", "stg_boilings", "stg_bags", "main_marts.dim_pan"] + [
        p.stem for p in sorted((d / "models/pans").glob("*.sql"))][:34]
    dcap("dbt-run-operation-counts", "run-operation count_rows --args '{tables: [" + ", ".join(names) + "]}'",
         n_dbt_runop)
    dcap("dbt-run-operation-noarg", "run-operation bag_weight", n_dbt_runop)
    dcap("dbt-run-operation-raise", "run-operation check_pans --args '{pans: [" + ", ".join(PANS) + ", PAN-Z, PAN-Q]}'",
         n_dbt_runop)
    # a build that fails: a strict cast meets `N/A`, the orphan pan fails `relationships`
    (d / "models/marts/fct_salt_per_fire_hour.sql").write_text(
        "select pan_id, sum(salt_kg) / sum(cast(fire_hours as double)) as kg_per_hour from {{ ref('boilings') }} "
        "group by 1\n")
    cm.run(f"nice {dbt} build", cwd=d, env=env, timeout=700)
    dcap("dbt-retry-fails", "retry", n_dbt_retry)
    (d / "models/marts/fct_salt_per_fire_hour.sql").write_text(
        "select pan_id, sum(salt_kg) / nullif(sum(fire_hours), 0) as kg_per_hour from {{ ref('stg_boilings') }} "
        "group by 1\n")
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
    sys.modules.setdefault("capture_wide408", sys.modules["__main__"])
    main()
