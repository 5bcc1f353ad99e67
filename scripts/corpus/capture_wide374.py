#!/usr/bin/env python3
"""Capture round 374 of the compression corpus: data engineering tools in a library's loans warehouse, fourteen kinds
new to the corpus (sqlfluff fix and parse on T-SQL, Snowflake, BigQuery and Spark SQL, sqlglot's optimizer, sqllineage,
shandy-sqlfmt --check, polars' explain() and its errors, frictionless describe, datasette inspect and --get, a
datacompy report, dbt parse / run-operation / retry on DuckDB), on material written here with real faults (bad rows,
a renamed column, a missing column or macro, careless SQL). The needle rules are NEEDLES.md's "Round 374", fixed
before capture and applied by the extractors below. Nothing captured here was compressed.

Usage:   .venv/bin/python scripts/corpus/capture_wide374.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide374.json  as {"version": 2, "items": [...]}, ids prefixed "wide374-".
"""

from __future__ import annotations

import csv
import json
import os
import random
import re
import sqlite3
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402
from capture_data import any_of, json_records_needles, python_exceptions  # noqa: E402

ID_PREFIX = "wide374-"
DEFAULT_OUT = HERE / "data" / "wide374.json"
TOOLS = Path(os.environ.get("HM_WIDE374_TOOLS", "/dev/shm/hm-corpus-wide374"))  # the round's venvs
TMP = Path(os.environ.get("HM_WIDE374_TMP", "/dev/shm/hm-corpus-wide374-run"))
VA, VB, VD = TOOLS / "va", TOOLS / "vb", TOOLS / "vd"

_SIZED = cm.Sized(400, 120_000)
add, cap = _SIZED.add, _SIZED.cap

# ------------------------------------------------------------------ extractors (NEEDLES.md "Round 374")


def _has(ln: str, *words: str) -> bool:
    return any(w in ln for w in words)


@cm.kind("sqlfluff-fix", "lint")
def n_sqlfluff_fix(lines):
    """violation lines one {"any"} per (code, file); FAIL headers; unfixable/PRS/TMP/Error lines; closing counts"""
    out = python_exceptions(lines)
    pairs = []
    cur = ""
    for ln in lines:
        m = re.match(r"== \[(.+?)\] (\w+)", ln)
        if m:
            cur = m.group(1)
            if m.group(2) == "FAIL":
                out.append(ln)
            continue
        v = re.match(r"L:\s*\d+ \| P:\s*\d+ \| (\w+) \|", ln.strip())
        if v:
            pairs.append(((v.group(1), cur), ln))
        if _has(ln, "unfixable", "PRS", "TMP", "Error", "ERROR"):
            out.append(ln)
        if re.search(r"\d+ fixable linting violations found|All Finished", ln):
            out.append(ln)
    return out + cm.groups(pairs)


@cm.kind("sqlfluff-parse", "lint")
def n_sqlfluff_parse(lines):
    """every statement: node line, every unparsable line, every PRS violation line, every Error line"""
    out = python_exceptions(lines)
    for ln in lines:
        if re.search(r"\|\s*statement:", ln) or _has(ln, "unparsable", "PRS", "Error", "ERROR"):
            out.append(ln)
    return out


@cm.kind("sqlglot-optimize", "log")
def n_sqlglot_opt(lines):
    """every '-- q' heading line, every line holding 'Error:', the closing 'N optimized, N failed' line"""
    out = python_exceptions(lines)
    for ln in lines:
        if ln.startswith("-- q") or "Error:" in ln or re.search(r"\d+ optimized, \d+ failed", ln):
            out.append(ln)
    return out


@cm.kind("sqllineage", "listing")
def n_sqllineage(lines):
    """Statements(#) line, section headers and their table lines; Statement #N lines; first path line per target column"""
    out = python_exceptions(lines)
    in_sec = False
    seen_targets: set[str] = set()
    for ln in lines:
        s = ln.strip()
        if s.startswith("Statements(#):") or re.match(r"Statement #\d+:", s):
            out.append(ln)
            in_sec = False
            continue
        if re.match(r"(Source|Target|Intermediate) Tables:", s):
            out.append(ln)
            in_sec = True
            continue
        if in_sec:
            if ln.startswith((" ", "\t")) and s:
                out.append(ln)
                continue
            in_sec = False
        if " <- " in ln:
            tgt = s.split(" <- ")[0]
            if tgt not in seen_targets:
                seen_targets.add(tgt)
                out.append(ln)
        if _has(ln, "WARNING", "Error", "unknown"):
            out.append(ln)
    return out


@cm.kind("sqlfmt-check", "lint")
def n_sqlfmt(lines):
    """lines naming a failed/errored file, diff file headers and each file's first hunk header, closing counts"""
    out = python_exceptions(lines)
    first_hunk = False
    for ln in lines:
        low = ln.lower()
        if ln.startswith(("--- ", "+++ ")):
            out.append(ln)
            first_hunk = ln.startswith("+++ ")
            continue
        if ln.startswith("@@") and first_hunk:
            out.append(ln)
            first_hunk = False
            continue
        if ln.startswith(("-", "+", " ", "@@")):
            continue
        if "failed" in low or "error" in low or re.match(r"\s*\d+ files? ", ln):
            out.append(ln)
    return out


@cm.kind("polars-explain", "log")
def n_polars_explain(lines):
    """'== ' headings, SCAN/DF [ lines with a following PROJECT/SELECTION line, JOIN/FILTER/AGGREGATE/SORT/GROUP BY lines"""
    out = python_exceptions(lines)
    for i, ln in enumerate(lines):
        if ln.startswith("== "):
            out.append(ln)
        elif "SCAN" in ln or "DF [" in ln:
            out.append(ln)
            if i + 1 < len(lines) and _has(lines[i + 1], "PROJECT", "SELECTION"):
                out.append(lines[i + 1])
        elif _has(ln, "JOIN", "FILTER", "AGGREGATE", "SORT", "GROUP BY"):
            out.append(ln)
    return out


@cm.kind("polars-error", "log")
def n_polars_error(lines):
    """exception lines + innermost File line; 'Error:'/'FAILED HERE' lines; the first Hint/You might want to line after each exception"""
    out = python_exceptions(lines)
    exc = set(out)
    for i, ln in enumerate(lines):
        if "Error:" in ln or "FAILED HERE" in ln:
            out.append(ln)
        if ln in exc and "Error" in ln:
            for j in range(i + 1, len(lines)):
                if re.match(r"\s*(Hint|hint|You might want to)", lines[j]):
                    out.append(lines[j])
                    break
    return out


@cm.kind("frictionless-describe", "doc")
def n_fl_describe(lines):
    """name: lines with each field's type:; path/encoding/format/delimiter/header lines; error/warning lines"""
    out = python_exceptions(lines)
    for i, ln in enumerate(lines):
        s = ln.strip().lstrip("- ").strip()
        if s.startswith("name:"):
            out.append(ln)
            for j in range(i + 1, min(len(lines), i + 4)):
                if lines[j].strip().startswith("type:"):
                    out.append(lines[j])
                    break
        elif re.match(r"(path|encoding|format|delimiter|header\w*):", s):
            out.append(ln)
        elif re.search(r"error|warning", ln, re.I):
            out.append(ln)
    return out


@cm.kind("datasette-inspect", "json")
def n_ds_inspect(lines):
    """db key, hash/size/file lines, table key lines with their count lines; least and greatest count (rule 4)"""
    out = []
    counts = []
    inds = [len(ln) - len(ln.lstrip()) for ln in lines if ln.strip().endswith("{") and ln.startswith(" ")]
    db_ind = min(inds) if inds else -1
    for i, ln in enumerate(lines):
        ind = len(ln) - len(ln.lstrip())
        if ind == db_ind and ln.strip().endswith("{"):
            out.append(ln)  # a database key (indent 4 under the top object)
        if re.match(r'\s*"(hash|size|file)":', ln):
            out.append(ln)
        m = re.match(r'\s*"count": (\d+)', ln)
        if m:
            tkey = cm.prev_match(lines, i, r'^\s*"[^"]+": \{$', back=12)
            out += [tkey, ln]
            counts.append((int(m.group(1)), tkey))
    if counts:
        lo, hi = min(c[0] for c in counts), max(c[0] for c in counts)
        out.append(any_of([t for c, t in counts if c == lo]))
        out.append(any_of([t for c, t in counts if c == hi]))
    return out


def n_ds_get_factory(key: str | None):
    def ext(lines):
        out = []
        text = "\n".join(lines)
        for ln in lines:
            if re.match(r'\s*"(error|title|status|filtered_table_rows_count|count|truncated)":', ln):
                out.append(ln)
        if key:
            data = json.loads(text)
            recs = data if isinstance(data, list) else data.get("rows") or []
            if recs and isinstance(recs[0], dict):
                cats = [k for k, v in recs[0].items() if isinstance(v, str) and k != key]
                nums = [k for k, v in recs[0].items() if isinstance(v, (int, float)) and k != key]
                out += json_records_needles(text, recs, key, True, cat=cats, nums=nums)
        return out
    ext.__doc__ = "error/title/status/count/truncated lines; json_records_needles rule 4 on the rows"
    return cm.kind("datasette-get", "json")(ext)


@cm.kind("datacompy-report", "table")
def n_datacompy(lines):
    """section headings, 'Number of'/'Any duplicates' lines, Columns with Unequal Values rows + header, Sample Rows table headers"""
    out = []
    section = ""
    hdr_pending = False
    for i, ln in enumerate(lines):
        nxt = lines[i + 1] if i + 1 < len(lines) else ""
        if ln.strip() and re.fullmatch(r"-{3,}", nxt.strip()):
            out.append(ln)
            section = ln.strip()
            hdr_pending = True
            continue
        if "Number of" in ln or "Any duplicates" in ln:
            out.append(ln)
        if section.startswith(("Columns with Unequal", "Sample Rows")) and ln.strip() \
                and not re.fullmatch(r"[-\s]+", ln) and hdr_pending:
            out.append(ln)
            hdr_pending = False
            continue
        if section.startswith("Columns with Unequal") and ln.strip() and not re.fullmatch(r"[-\s]+", ln):
            out.append(ln)
    return out


def _mask(s: str) -> str:
    s = re.sub(r"^\S*\d\d:\d\d:\d\d\S*\s+", "", s.strip())
    return cm.mask(s)


@cm.kind("dbt-parse", "build")
def n_dbt(lines):
    """Error/ERROR/Failure in/Encountered an error lines + file line within six; WARNING/WARN one any per shape; Done./Completed/Finished lines"""
    out = python_exceptions(lines)
    pairs = []
    for i, ln in enumerate(lines):
        if _has(ln, "Error", "ERROR", "Failure in", "Encountered an error"):
            out.append(ln)
            loc = cm.next_match(lines, i, r"\((models|macros|tests|seeds|snapshots)/|\.sql|\.yml")
            if loc:
                out.append(loc)
        elif _has(ln, "[WARNING]", "WARN"):
            pairs.append((_mask(ln), ln))
        if _has(ln, "Done. PASS=", "Completed with", "Completed successfully", "Finished running"):
            out.append(ln)
    return out + cm.groups(pairs)


DBT_DOC = n_dbt.__doc__


def _n_dbt_runop(lines):
    out = n_dbt(lines)
    return out + [ln for ln in lines if re.search(r"\brows\b|\bcount\b", ln)]


n_dbt_runop = cm.named("dbt-run-operation", "build", DBT_DOC + "; macro log lines holding rows/count", _n_dbt_runop)
n_dbt_retry = cm.named("dbt-retry", "build", DBT_DOC, n_dbt)

# ------------------------------------------------------------------ material: a library's loans warehouse

BRANCHES = ["CEN", "NTH", "STH", "EST", "WST", "HAR", "MIL", "BRK", "OAK", "RIV", "HIL", "PRT"]
CHANNELS = ["desk"] * 6 + ["self-service"] * 3 + ["app"]


def make_data(d: Path, n_loans: int, seed: int, faults: bool = True, rename: bool = False) -> None:
    rnd = random.Random(seed)
    d.mkdir(parents=True, exist_ok=True)
    with open(d / "branches.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["branch_code", "name", "opened", "floor_area_m2"])
        for i, b in enumerate(BRANCHES):
            w.writerow([b, f"{b.title()} Library", f"{1950 + i * 5}-0{1 + i % 9}-01", 300 + i * 85])
    with open(d / "members.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["member_id", "joined", "home_branch", "age_band", "status"])
        for i in range(1, n_loans // 4 + 2):
            st = "active" if i % 53 else "suspended"
            w.writerow([i, f"20{10 + i % 14}-{1 + i % 12:02d}-{1 + i % 28:02d}", BRANCHES[i % 12],
                        ["child", "teen", "adult", "senior"][i % 4], st])
    with open(d / "loans.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["loan_id", "item_id", "member_id", "branch_code", "loaned_at", "due_at", "returned_at",
                    "fine_pence", "channel"] if not rename else
                   ["loan_id", "item_id", "borrower_id", "branch_code", "loaned_at", "due_at", "returned_at",
                    "fine_pence", "channel"])
        for i in range(1, n_loans + 1):
            day = 1 + i % 28
            mon = 1 + i % 12
            ret = "" if i % 9 == 0 else f"2024-{mon:02d}-{min(28, day + 3):02d}"
            fine = 0 if i % 11 else 20 * (i % 17)
            row = [i, 1000 + rnd.randrange(900), 1 + rnd.randrange(n_loans // 4), rnd.choice(BRANCHES),
                   f"2024-{mon:02d}-{day:02d}", f"2024-{mon:02d}-{min(28, day + 14):02d}", ret, fine,
                   rnd.choice(CHANNELS)]
            if faults and i % 211 == 17:
                row[7] = "n/a"
            if faults and i % 307 == 50:
                row[4] = "2024-13-02"
            if faults and i == n_loans // 2:
                row[8] = "kiosk-test"
            w.writerow(row)


def make_db(d: Path, path: Path) -> None:
    con = sqlite3.connect(path)
    for name in ("branches", "members", "loans"):
        with open(d / f"{name}.csv") as f:
            r = csv.reader(f)
            hdr = next(r)
            con.execute(f"CREATE TABLE {name} ({', '.join(hdr)})")
            con.executemany(f"INSERT INTO {name} VALUES ({','.join('?' * len(hdr))})", list(r))
    con.execute("CREATE VIEW overdue AS SELECT * FROM loans WHERE returned_at = ''")
    con.commit()
    con.close()


SQL_TSQL = """
select top 10 m.member_id,count(*) as n_{i}, SUM(l.fine_pence)/100.0 AS fines
FROM dbo.loans l join dbo.members m on l.member_id=m.member_id
where l.returned_at is null AND l.branch_code = '{b}'
group by m.member_id
ORDER BY n_{i} desc
GO
SELECT l.loan_id , ISNULL(l.returned_at, GETDATE()) as ret, DATEDIFF(day, l.due_at, GETDATE()) AS days_late
from dbo.loans AS l WITH (NOLOCK) where DATEDIFF(day,l.due_at,GETDATE())>{i}
"""
SQL_SNOW = """
select loan_id, member_id,  loaned_at::date as loan_day,
       payload:channel::string AS channel, f.value:code::string as tag
from raw.loans_json, lateral flatten(input => payload:tags) f
where branch_code = '{b}'
qualify row_number() over (partition by member_id order by loaned_at desc) = 1;
create or replace transient table mart.member_last_{i} as select * from raw.loans_json where 1=1
"""
SQL_BQ = """
SELECT member_id, ARRAY_AGG(STRUCT(loan_id, loaned_at) ORDER BY loaned_at DESC LIMIT 3) AS recent_{i},
  SAFE_CAST(fine_pence AS INT64) fine , COUNTIF(returned_at IS NULL) as open_loans
FROM `library-prod.warehouse.loans`, UNNEST(tags) AS tag
WHERE _PARTITIONDATE >= DATE_SUB(CURRENT_DATE(), INTERVAL {i} DAY) and branch_code='{b}'
GROUP BY 1, fine
"""
SQL_SPARK = """
insert overwrite table mart.loans_daily partition (dt='2024-06-{d:02d}')
select branch_code,count(1) as loans, sum(fine_pence) fines , collect_set(channel) AS channels_{i}
from warehouse.loans lateral view explode(split(tags, ',')) t as tag
WHERE loaned_at >= '2024-06-{d:02d}' Group By branch_code
cluster by branch_code
"""
BROKEN = {"tsql": "SELEC member_id FROM dbo.members WHERE\n", "snowflake": "select * from raw.loans where qualify\n",
          "bigquery": "SELECT * FROM `library-prod.warehouse.loans` WHERE tag IN UNNEST(\n",
          "sparksql": "select * from warehouse.loans distribute\n"}


def sql_files(d: Path, dialect: str, n: int, broken: bool) -> None:
    tmpl = {"tsql": SQL_TSQL, "snowflake": SQL_SNOW, "bigquery": SQL_BQ, "sparksql": SQL_SPARK}[dialect]
    d.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        body = tmpl.format(i=i + 1, b=BRANCHES[i % 12], d=1 + i % 28).lstrip()
        if broken and i == n // 2:
            body += ("\nGO\n" if dialect == "tsql" else ";\n") + BROKEN[dialect]
        (d / f"model_{dialect}_{i + 1:02d}.sql").write_text(body)


def cap_sqlfluff(tmp: Path) -> None:
    fl = VA / "bin" / "sqlfluff"
    for dialect, n, broken in [("tsql", 4, True), ("snowflake", 6, True), ("bigquery", 12, False),
                               ("sparksql", 3, True), ("bigquery", 2, True), ("tsql", 22, True)]:
        d = tmp / f"fluff-{dialect}-{n}"
        sql_files(d / "models", dialect, n, broken)
        cap(f"sqlfluff-fix-{dialect}-{n}", f"{fl} fix --dialect {dialect} models/", d, n_sqlfluff_fix, timeout=300,
            typed=f"sqlfluff fix --dialect {dialect} models/")
    for dialect, n in [("snowflake", 2), ("tsql", 2), ("sparksql", 1)]:
        d = tmp / f"parse-{dialect}"
        sql_files(d, dialect, 2 * n + 1, True)
        f = f"model_{dialect}_{n + 1:02d}.sql"
        cap(f"sqlfluff-parse-{dialect}", f"{fl} parse --dialect {dialect} {f}", d, n_sqlfluff_parse, timeout=300,
            typed=f"sqlfluff parse --dialect {dialect} {f}")
    d = tmp / "parse-bigquery-dir"
    sql_files(d / "models", "bigquery", 5, True)
    cap("sqlfluff-parse-bigquery-dir", f"{fl} parse --dialect bigquery models/", d, n_sqlfluff_parse, timeout=300,
        typed="sqlfluff parse --dialect bigquery models/")


OPT_PY = r'''
import sys
import sqlglot
from sqlglot.optimizer import optimize
SCHEMA = {"loans": {"loan_id": "INT", "item_id": "INT", "member_id": "INT", "branch_code": "TEXT",
                    "loaned_at": "DATE", "due_at": "DATE", "returned_at": "DATE", "fine_pence": "INT",
                    "channel": "TEXT"},
          "members": {"member_id": "INT", "joined": "DATE", "home_branch": "TEXT", "age_band": "TEXT",
                      "status": "TEXT"},
          "branches": {"branch_code": "TEXT", "name": "TEXT", "opened": "DATE", "floor_area_m2": "INT"}}
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
    optimize(sqlglot.parse_one("SELECT borrower_id FROM loans", read=read), schema=SCHEMA)
'''
QUERIES = [
    "SELECT l.branch_code, COUNT(*) AS n, SUM(l.fine_pence) AS fines FROM loans l WHERE l.returned_at IS NULL GROUP BY 1",
    "SELECT m.age_band, AVG(l.fine_pence) FROM loans l JOIN members m ON l.member_id = m.member_id "
    "WHERE m.status = 'active' AND l.loaned_at >= '2024-03-01' GROUP BY m.age_band",
    "SELECT member_id, borrower_id FROM loans",
    "SELECT b.name, x.n FROM branches b JOIN (SELECT branch_code, COUNT(*) n FROM loans GROUP BY branch_code) x "
    "ON x.branch_code = b.branch_code WHERE x.n > 10 ORDER BY x.n DESC",
    "SELECT * FROM loans_2023 WHERE fine_pence > 0",
    "WITH late AS (SELECT loan_id, member_id FROM loans WHERE returned_at > due_at) SELECT member_id, COUNT(*) "
    "FROM late GROUP BY member_id HAVING COUNT(*) > 2",
    "SELECT loan_id FROM loans l JOIN members m ON member_id = member_id",
    "SELECT branch_code, channel, COUNT(DISTINCT member_id) FROM loans WHERE channel IN ('app', 'desk') "
    "AND NOT (fine_pence = 0 OR fine_pence IS NULL) GROUP BY branch_code, channel",
    "SELECT name FROM branches WHERE opened < (SELECT MIN(joined) FROM members WHERE home_branch = branch_code)",
    "SELECT DATE_TRUNC('month', loaned_at) AS m, COUNT(*) FROM loans GROUP BY 1 ORDER BY 1",
]


def cap_sqlglot(tmp: Path) -> None:
    d = tmp / "sqlglot"
    d.mkdir()
    py = VA / "bin" / "python"
    for tag, qs, read, write, crash in [("all", QUERIES, "duckdb", "snowflake", False),
                                        ("rep", QUERIES * 4, "postgres", "bigquery", False),
                                        ("crash", QUERIES[:6], "duckdb", "tsql", True)]:
        named = [(f"q{i + 1:02d}", q) for i, q in enumerate(qs)]
        (d / f"optimize_{tag}.py").write_text(OPT_PY % {"queries": repr(named), "crash": crash})
        cap(f"sqlglot-optimize-{tag}", f"{py} optimize_{tag}.py {read} {write}", d, n_sqlglot_opt, timeout=300,
            typed=f"python optimize_{tag}.py {read} {write}")


LINEAGE_SQL = """
INSERT INTO mart.member_loans
SELECT m.member_id, m.home_branch, COUNT(l.loan_id) AS loans_{i}, SUM(l.fine_pence) AS fines
FROM warehouse.members m LEFT JOIN warehouse.loans l ON l.member_id = m.member_id
GROUP BY m.member_id, m.home_branch;

INSERT OVERWRITE TABLE mart.branch_daily_{i}
SELECT b.branch_code, b.name, x.day, x.n, x.fines * 1.0 / 100 AS fines_gbp
FROM warehouse.branches b
JOIN (SELECT branch_code, loaned_at AS day, COUNT(*) AS n, SUM(fine_pence) AS fines
      FROM staging.loans_clean GROUP BY branch_code, loaned_at) x ON x.branch_code = b.branch_code;

CREATE TABLE staging.loans_clean AS
SELECT loan_id, item_id, borrower_id AS member_id, branch_code, loaned_at, due_at, returned_at, fine_pence
FROM raw.loans_{i} WHERE loaned_at IS NOT NULL;

INSERT INTO mart.overdue
SELECT loan_id, member_id, due_at, days_late FROM staging.loans_clean, tmp_calendar
WHERE returned_at IS NULL;
"""


def cap_sqllineage(tmp: Path) -> None:
    d = tmp / "lineage"
    d.mkdir()
    sl = VB / "bin" / "sqllineage"
    for n in (1, 3, 8):
        (d / f"etl_{n}.sql").write_text("".join(LINEAGE_SQL.format(i=i + 1) for i in range(n)))
    cap("sqllineage-tables-8", f"{sl} --dialect=sparksql -f etl_8.sql", d, n_sqllineage, timeout=300,
        typed="sqllineage --dialect=sparksql -f etl_8.sql")
    cap("sqllineage-verbose-3", f"{sl} -v --dialect=sparksql -f etl_3.sql", d, n_sqllineage, timeout=300,
        typed="sqllineage -v --dialect=sparksql -f etl_3.sql")
    cap("sqllineage-column-1", f"{sl} -l column -f etl_1.sql", d, n_sqllineage, timeout=300,
        typed="sqllineage -l column -f etl_1.sql")
    cap("sqllineage-column-3", f"{sl} -l column --dialect=sparksql -f etl_3.sql", d, n_sqllineage, timeout=300,
        typed="sqllineage -l column --dialect=sparksql -f etl_3.sql")


SQLFMT_MODELS = {
    "stg_loans.sql": "with src as (select * from {{ source('raw','loans') }}),\nrenamed as (SELECT loan_id,item_id,"
                     "member_id,branch_code,CAST(loaned_at AS DATE) loaned_at , fine_pence/100.0 as fine_gbp from src)"
                     "\nselect * from renamed\n",
    "fct_overdue.sql": "select l.loan_id,l.member_id,m.home_branch,datediff('day',l.due_at,current_date) as days_late"
                       "\nfrom {{ ref('stg_loans') }} l join {{ ref('stg_members') }} m using(member_id)\n"
                       "where l.returned_at is null and datediff('day',l.due_at,current_date)>{n}\n",
    "dim_branch.sql": "select\n    branch_code,\n    name,\n    opened\nfrom {{ ref('stg_branches') }}\n",
    "bad_jinja.sql": "select * from {{ ref('stg_loans' }} where {% if var('x') %} 1=1\n",
    "agg_member.sql": "SELECT member_id, COUNT(*) AS n, SUM(CASE WHEN fine_pence>0 THEN 1 ELSE 0 END) AS fined, "
                      "MAX(loaned_at) last_loan FROM {{ ref('stg_loans') }} GROUP BY member_id HAVING COUNT(*)>{n}\n",
}


def cap_sqlfmt(tmp: Path) -> None:
    fmt = VB / "bin" / "sqlfmt"
    for n, diff, copies in [(3, True, 1), (5, False, 4), (7, True, 5)]:
        d = tmp / f"sqlfmt-{n}"
        for c in range(copies):
            for name, body in SQLFMT_MODELS.items():
                if name == "bad_jinja.sql" and n != 3:
                    continue  # one run meets the broken template (sqlfmt stops on it), the others format
                p = d / "models" / f"area{c}" / name
                p.parent.mkdir(parents=True, exist_ok=True)
                p.write_text(body.replace("{n}", str(n + c)))
        flag = " --diff" if diff else ""
        cap(f"sqlfmt-check-{n}", f"{fmt} --check{flag} models", d, n_sqlfmt, timeout=300,
            typed=f"sqlfmt --check{flag} models")


EXPLAIN_PY = r'''
import polars as pl
loans = pl.scan_csv("loans.csv", schema_overrides={"fine_pence": pl.Utf8})
members = pl.scan_csv("members.csv")
branches = pl.scan_csv("branches.csv")
Q = {
 "late by branch": loans.filter(pl.col("returned_at").is_null()).group_by("branch_code").agg(pl.len().alias("open")),
 "members joined": loans.join(members, on="member_id", how="left").filter(pl.col("status") == "suspended")
     .select("loan_id", "member_id", "status", "branch_code"),
 "top fined": loans.with_columns(pl.col("fine_pence").cast(pl.Int64, strict=False)).sort("fine_pence", descending=True)
     .head(20),
 "branch names": loans.join(branches, on="branch_code").group_by("name").agg(pl.col("loan_id").count())
     .sort("loan_id"),
 "channel mix": loans.group_by(["branch_code", "channel"]).agg(pl.len()).filter(pl.col("channel") != "desk"),
}
for name in %(names)s:
    print(f"== {name} (optimized=%(opt)s)")
    print(Q[name].explain(optimized=%(opt)s))
    print()
'''


def cap_polars(tmp: Path) -> None:
    d = tmp / "polars"
    make_data(d, 600, 7)
    py = VA / "bin" / "python"
    names = ["late by branch", "members joined", "top fined", "branch names", "channel mix"]
    for tag, sel, opt in [("all", names, True), ("raw", names, False), ("joins", names[1:4], True)]:
        (d / f"explain_{tag}.py").write_text(EXPLAIN_PY % {"names": repr(sel), "opt": opt})
        cap(f"polars-explain-{tag}", f"{py} explain_{tag}.py", d, n_polars_explain, timeout=300,
            typed=f"python explain_{tag}.py")
    errs = {
        "parse": 'import polars as pl\nprint(pl.read_csv("loans.csv").head(3))\n'
                 'df = pl.read_csv("loans.csv", schema_overrides={"fine_pence": pl.Int64, "loaned_at": pl.Date})\n',
        "column": 'import polars as pl\nlf = pl.scan_csv("loans_2025.csv")\nprint(lf.collect_schema())\n'
                  'print(lf.join(pl.scan_csv("members.csv"), on="member_id").group_by("status").agg(pl.len())'
                  '.collect())\n',
        "concat": 'import polars as pl\na = pl.read_csv("loans.csv", infer_schema_length=0)\n'
                  'b = pl.read_csv("loans_2025.csv")\nprint(a.describe())\nprint(pl.concat([a, b], how="vertical"))\n',
    }
    make_data(d / "y25", 300, 9, rename=True)
    (d / "y25" / "loans.csv").rename(d / "loans_2025.csv")
    for tag, body in errs.items():
        (d / f"load_{tag}.py").write_text(body)
        cap(f"polars-error-{tag}", f"{py} load_{tag}.py", d, n_polars_error, timeout=300,
            typed=f"python load_{tag}.py")


def cap_frictionless(tmp: Path) -> None:
    d = tmp / "fl"
    make_data(d, 500, 11)
    fl = VA / "bin" / "frictionless"
    cap("frictionless-describe-loans", f"{fl} describe --yaml loans.csv", d, n_fl_describe, timeout=300,
        typed="frictionless describe --yaml loans.csv")
    cap("frictionless-describe-members", f"{fl} describe --yaml members.csv --stats", d, n_fl_describe, timeout=300,
        typed="frictionless describe --yaml members.csv --stats")
    cap("frictionless-describe-package", f"{fl} describe --yaml *.csv --type package", d, n_fl_describe, timeout=300,
        typed="frictionless describe --yaml *.csv --type package")


def cap_datasette(tmp: Path) -> None:
    d = tmp / "ds"
    make_data(d, 1500, 13)
    make_db(d, d / "library.db")
    con = sqlite3.connect(d / "library.db")
    for i, b in enumerate(BRANCHES):  # per-branch daily rollups, as the warehouse's export job leaves them
        con.execute(f"CREATE TABLE daily_{b.lower()} AS SELECT loaned_at, COUNT(*) AS n FROM loans "
                    f"WHERE branch_code = '{b}' GROUP BY loaned_at" + (" LIMIT 0" if i == 7 else ""))
    con.commit()
    con.close()
    make_data(d / "old", 200, 17, rename=True)
    make_db(d / "old", d / "library_2019.db")
    ds = VA / "bin" / "datasette"
    cap("datasette-inspect-one", f"{ds} inspect library.db", d, n_ds_inspect, timeout=300,
        typed="datasette inspect library.db")
    cap("datasette-inspect-two", f"{ds} inspect library.db library_2019.db", d, n_ds_inspect, timeout=300,
        typed="datasette inspect library.db library_2019.db")
    js = VA / "bin" / "python"
    for tag, path, key in [
        ("array", "/library/loans.json?_shape=array&_size=60&channel__not=desk", "loan_id"),
        ("rows", "/library/members.json?_shape=objects&_size=80&status=active", "member_id"),
        ("big", "/library/loans.json?_shape=array&_size=400&branch_code__in=CEN,NTH,HAR", "loan_id"),
        ("error", "/library.json?sql=select+borrower_id,+count(*)+from+loans+group+by+1", None),
        ("sql", "/library.json?sql=select+branch_code,count(*)+as+n,sum(fine_pence)+as+fines+from+loans+group+by+1"
                "&_shape=array", "branch_code")]:
        cap(f"datasette-get-{tag}", f"{ds} library.db --get '{path}' | {js} -m json.tool", d, n_ds_get_factory(key),
            timeout=300, typed=f"datasette library.db --get '{path}' | python3 -m json.tool")


COMPARE_PY = r'''
import pandas as pd
import datacompy
old = pd.read_csv("%(old)s")
new = pd.read_csv("%(new)s")
cmp = datacompy.PandasCompare(old, new, join_columns="loan_id", df1_name="warehouse", df2_name="export", abs_tol=%(tol)s)
print(cmp.report(sample_count=%(sample)s))
'''


def cap_datacompy(tmp: Path) -> None:
    d = tmp / "cmp"
    make_data(d / "a", 800, 21)
    make_data(d / "b", 780, 21, faults=False)
    make_data(d / "c", 800, 23, rename=True)
    py = VA / "bin" / "python"
    for tag, old, new, tol, sample in [("drift", "a/loans.csv", "b/loans.csv", 0, 10),
                                       ("rename", "a/loans.csv", "c/loans.csv", 0, 5),
                                       ("members", "a/members.csv", "c/members.csv", 0.5, 20)]:
        body = COMPARE_PY % {"old": old, "new": new, "tol": tol, "sample": sample}
        if tag == "members":
            body = body.replace('join_columns="loan_id"', 'join_columns="member_id"')
        (d / f"compare_{tag}.py").write_text(body)
        cap(f"datacompy-report-{tag}", f"{py} compare_{tag}.py", d, n_datacompy, timeout=300,
            typed=f"python compare_{tag}.py")


DBT_PROJECT = {
    "dbt_project.yml": "name: library\nversion: '1.0'\nprofile: library\nmodel-paths: ['models']\n"
                       "macro-paths: ['macros']\nseed-paths: ['seeds']\nmodels:\n  library:\n    +materialized: table\n"
                       "    marts:\n      +schema: marts\n    legacy:\n      +enabled: true\n",
    "profiles.yml": "library:\n  target: dev\n  outputs:\n    dev:\n      type: duckdb\n      path: library.duckdb\n"
                    "      threads: 1\n",
    "models/staging/stg_loans.sql": "select loan_id, item_id, member_id, branch_code, cast(loaned_at as date) as "
                                    "loaned_at, due_at, returned_at, try_cast(fine_pence as integer) as fine_pence, "
                                    "channel from {{ ref('loans') }}\n",
    "models/staging/stg_members.sql": "select * from {{ ref('members') }}\n",
    "models/staging/stg_branches.sql": "select * from {{ ref('branches') }}\n",
    "models/marts/fct_overdue.sql": "select l.loan_id, l.member_id, m.home_branch, m.status from "
                                    "{{ ref('stg_loans') }} l join {{ ref('stg_members') }} m using (member_id) "
                                    "where l.returned_at is null\n",
    "models/marts/dim_branch.sql": "select b.branch_code, b.name, count(l.loan_id) as loans from "
                                   "{{ ref('stg_branches') }} b left join {{ ref('stg_loans') }} l using (branch_code) "
                                   "group by 1, 2\n",
    "models/schema.yml": "version: 2\nmodels:\n  - name: stg_loans\n    columns:\n      - name: loan_id\n"
                         "        tests: [unique, not_null]\n      - name: channel\n        tests:\n"
                         "          - accepted_values:\n              values: ['desk', 'self-service', 'app']\n"
                         "      - name: fine_pence\n        tests: [not_null]\n  - name: fct_overdue\n"
                         "    columns:\n      - name: status\n        tests:\n          - accepted_values:\n"
                         "              values: ['active']\n  - name: dim_branchs\n    description: typo\n",
    "macros/count_rows.sql": "{% macro count_rows(tables) %}\n{% for t in tables %}\n"
                             "{% set r = run_query('select count(*) from ' ~ t) %}\n"
                             "{% if execute %}{{ log(t ~ ' rows: ' ~ r.columns[0].values()[0], info=True) }}{% endif %}\n"
                             "{% endfor %}\n{% endmacro %}\n",
}


def cap_dbt(tmp: Path) -> None:
    dbt = VD / "bin" / "dbt"
    if not dbt.exists():
        cm.note("skip dbt: not installed")
        return
    d = tmp / "dbt"
    cm.write_tree(d, DBT_PROJECT)
    make_data(d / "seeds", 900, 31)
    env = {"DBT_PROFILES_DIR": str(d), "DBT_SEND_ANONYMOUS_USAGE_STATS": "false", "DBT_USE_COLORS": "false"}

    def dcap(item, args, ext):
        cap(item, f"{dbt} {args}", d, ext, timeout=400, env=env, typed=f"dbt {args}")

    dcap("dbt-parse-warn", "parse", n_dbt)
    (d / "models/marts/fct_late_fees.sql").write_text(
        "select member_id, {{ pence_to_gbp('fine_pence') }} as fine_gbp from {{ ref('stg_loans') }}\n")
    (d / "models/marts/fct_late_fees.sql").write_text(
        "select member_id, fine_pence from {{ ref('stg_loanz') }}\n")
    dcap("dbt-parse-ref", "parse", n_dbt)
    (d / "models/marts/fct_late_fees.sql").unlink()
    good = (d / "models/schema.yml").read_text()
    (d / "models/schema.yml").write_text(good.replace("    columns:\n      - name: loan_id", "    columns:\n    - name: loan_id\n"
                                                      "        tests: [unique]\n     - name: item_id", 1))
    dcap("dbt-parse-yaml", "parse", n_dbt)
    (d / "models/schema.yml").write_text(good)
    cm.run(f"{dbt} seed", cwd=d, env=env, timeout=400)
    cm.run(f"{dbt} run", cwd=d, env=env, timeout=400)
    dcap("dbt-run-operation-counts",
         "run-operation count_rows --args '{tables: [loans, members, branches, stg_loans, fct_overdue]}'", n_dbt_runop)
    dcap("dbt-run-operation-missing", "run-operation count_rows --args '{tables: [loans, loans_2025]}'", n_dbt_runop)
    # a build that fails: schema drift in the seed (member_id renamed) plus the failing accepted_values tests
    make_data(d / "seeds", 900, 31, rename=True)
    cm.run(f"{dbt} build", cwd=d, env=env, timeout=600)
    dcap("dbt-retry-fails", "retry", n_dbt_retry)
    stg = d / "models/staging/stg_loans.sql"
    stg.write_text(stg.read_text().replace("cast(loaned_at as date)", "try_cast(loaned_at as date)"))
    dcap("dbt-retry-after-fix", "retry", n_dbt_retry)


STEPS = [cap_sqlfluff, cap_sqlglot, cap_sqllineage, cap_sqlfmt, cap_polars, cap_frictionless, cap_datasette,
         cap_datacompy, cap_dbt]


def ensure_tools() -> None:
    cm.install_venv(VA, "datasette", ["sqlfluff", "sqlglot", "polars", "duckdb", "frictionless", "datasette",
                                      "datacompy", "pandas", "pyarrow"])
    cm.install_venv(VB, "sqlfmt", ["sqllineage", "shandy-sqlfmt"])
    cm.install_venv(VD, "dbt", ["dbt-core<1.11", "dbt-duckdb<1.10"])


def steps() -> list:
    return STEPS


def main() -> None:
    cm.capture_round(__doc__, ensure_tools, steps, ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 10_000, 60_000))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide374", sys.modules["__main__"])
    main()
