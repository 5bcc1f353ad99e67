"""Round 41, Python side: a fishmonger's auction-hall ledger (`tidewater`) written here with problems put in: a CSV
of lots widened by a seeded generator, read through pandas, polars, DuckDB, pandera, cerberus and frictionless; a
sqlite database with foreign-key violations (sqlite3's dot-commands, sqlite-utils, sqlacodegen, SQLAlchemy); a
Django project with insecure settings, unmigrated models and a broken template; Jinja2 templates with errors. The
extractors of the round's new kinds sit here, next to the kinds (NEEDLES.md "Round 41"). Run through
capture_wide41.py."""

from __future__ import annotations

import random
import re
from collections import Counter
from pathlib import Path

from capture_more import groups, mask, named, prev_match, run, write_tree
from capture_wide41 import cap

TRACE_EXC = r"^\s*[\w.]*(Error|Exception|Exit|Errors|Invalid|Warning)(: |$)"


def ext(name: str, family: str, doc: str, fn):
    """`fn`'s needles, plus what every round-41 kind shares: rule 1 on a printed traceback (its exception line and
    the innermost `File` line above it) and the `EXIT=N` line an agent printed (round 9b's shell-status)."""
    def full(lines: list[str]) -> list:
        out = list(fn(lines))
        for i, ln in enumerate(lines):
            if re.match(TRACE_EXC, ln) and any(l.strip().startswith("Traceback") for l in lines[max(0, i - 80):i]):
                out += [ln, prev_match(lines, i, r'^\s*File "', 12)]
            if re.match(r"^EXIT=\d+$", ln):
                out.append(ln)
        return [n for n in out if n is None or isinstance(n, dict) or len(n.strip()) > 4]
    return named(name, family, doc, full)


def _num(s: str):
    try:
        return float(s.replace(",", "").replace("_", ""))
    except ValueError:
        return None


def table4(rows: list[str], split=lambda ln: ln.split()) -> list:
    """Rule 4 on rows of one table (the header first): the header, rows with a rare categorical value while the
    column's most common value covers half the rows, and each numeric column's min and max rows."""
    if not rows:
        return []
    out = [rows[0]]
    body = [(ln, split(ln)) for ln in rows[1:] if ln.strip()]
    if not body:
        return out
    width = Counter(len(c) for _, c in body).most_common(1)[0][0]
    body = [(ln, c) for ln, c in body if len(c) == width]
    for j in range(width):
        vals = [c[j] for _, c in body]
        nums = [_num(v) for v in vals]
        if all(n is not None for n in nums) and len(nums) > 1:
            out.append(body[nums.index(min(nums))][0])
            out.append(body[nums.index(max(nums))][0])
        else:
            cnt = Counter(vals)
            top = cnt.most_common(1)[0][1]
            if top * 2 >= len(vals):
                out += [ln for ln, c in body if cnt[c[j]] <= 2]
    return out


def box_rows(lines: list[str]) -> list[str]:
    """The header and data rows of a box-drawn table (DuckDB, polars): lines holding '│'."""
    return [ln for ln in lines if "│" in ln and not set(ln.strip()) <= set("│─┼┆┌┐└┘├┤┬┴═╞╡╪ ")]


def box_split(ln: str) -> list[str]:
    return [c.strip() for c in ln.strip().strip("│").split("│")]


# ------------------------------------------------------------------ extractors of the round's new kinds

def _value_counts(lines):
    rows = [ln for ln in lines if ln.strip() and not ln.startswith(("EXIT=", "Name:"))]
    out = table4(rows) + [rows[1] if len(rows) > 1 else None, rows[-1] if rows else None]
    return out + [ln for ln in lines if ln.startswith("Name:")]


N_VALUE_COUNTS = ext("pandas-value-counts", "table", "Rule 4 on value_counts' rows, its first and last rows and "
                     "the Name/dtype footer", _value_counts)


def _pivot(lines):
    rows = [ln for ln in lines if ln.strip() and not ln.startswith("EXIT=")]
    hdr = [ln for ln in rows[:3]]
    return hdr + table4(rows[2:] if len(rows) > 3 else rows)


N_PIVOT = ext("pandas-pivot-table", "table", "Rule 4 on the printed pivot table: header rows, rare rows, each "
              "numeric column's min and max rows", _pivot)


def _versions(lines):
    out = []
    for ln in lines:
        m = re.match(r"^([\w.-]+)\s*:\s*(\S.*)$", ln.strip())
        if not m:
            continue
        key, val = m.group(1), m.group(2)
        if key.lower() in ("pandas", "numpy", "python"):
            out.append(ln)
        elif re.search(r"(blas|lapack|mkl|compiler)", key + " " + val, re.I):
            out.append(ln)
        elif key not in ("python-bits", "OS-release", "commit", "Version") and re.match(r"^\d[\w.+-]*$", val):
            out.append(ln)
    return out


N_SHOW_VERSIONS = ext("pandas-show-versions", "doc", "Rule 5: pandas/numpy/python version lines, BLAS/LAPACK/"
                      "compiler lines, the version line of every installed optional dependency", _versions)


def _np_config(lines):
    out, section = [], ""
    for ln in lines:
        s = ln.strip()
        if re.match(r"^[A-Z][\w ]+:$", ln):
            section = s
        elif section in ("Build Dependencies:", "Compilers:") and re.match(r"^(blas|lapack|c|c\+\+|cython):$", s):
            out.append(ln)
        elif section in ("Build Dependencies:", "Compilers:") and re.match(r"^(name|version|openblas configuration):", s):
            out.append(ln)
        elif section == "Python Information:" and s.startswith("version:"):
            out.append(ln)
    return out


N_NP_CONFIG = ext("numpy-show-config", "doc", "Rule 5: the numpy/python version lines, every BLAS/LAPACK library "
                  "and compiler line", _np_config)


def _polars_describe(lines):
    rows = box_rows(lines)
    out = [rows[0]] if rows else []
    for ln in rows[1:]:
        out.append(ln)  # describe's statistic rows each answer a question (count, null_count, mean, min, max ...)
    return out + [ln for ln in lines if ln.startswith("shape:")]


N_POLARS_DESCRIBE = ext("polars-describe", "table", "Rule 4/5: the header, every statistic row, the shape line",
                        _polars_describe)


def _glimpse(lines):
    return [ln for ln in lines if re.match(r"^(Rows|Columns):", ln) or re.match(r"^\$ \S+\s+<\w+>", ln)]


N_GLIMPSE = ext("polars-glimpse", "table", "Rule 5: every column line (name, dtype) and the Rows/Columns lines",
                _glimpse)


def _duck_box(lines):
    rows = box_rows(lines)
    if not rows:
        return []
    hdr = rows[0]
    body = [r for r in rows[1:] if not re.match(r"^│\s*(varchar|int\w*|double|bigint|decimal|date|timestamp|float)\b", r.strip())]
    out = [hdr] + body[:40]
    if len(body) > 40:
        out += table4([hdr] + body, box_split)
    return out


N_DUCK_SUMMARIZE = ext("duckdb-summarize", "table", "Rule 4/5: the header and every column's row (first 40, then "
                       "min/max rows)", _duck_box)
N_DUCK_DESCRIBE = ext("duckdb-describe", "table", "Rule 4/5: the header and every column's row (first 40, then "
                      "min/max rows)", _duck_box)


def _duck_error(lines):
    return [ln for ln in lines if re.search(r"(Error|Exception):", ln) or "Candidate bindings" in ln
            or re.match(r"^LINE \d+:", ln)]


N_DUCK_ERROR = ext("duckdb-error", "log", "Rule 1: the ...Error line and its Candidate bindings / LINE N lines",
                   _duck_error)


def _fkcheck(lines):
    rows = [ln for ln in lines if ln.count("|") >= 3 and not ln.startswith("EXIT=")]
    if len(rows) <= 20:
        return rows
    g = groups(((r.split("|")[0], r.split("|")[2]), r) for r in rows)
    return g + [rows[0], rows[-1]]


N_FKCHECK = ext("sqlite-fkey-check", "table", "Rule 5: every violation row when at most 20, else one any per "
                "(table, parent) and the first and last rows", _fkcheck)


def _lint_fkey(lines):
    return [ln for ln in lines if ln.startswith("CREATE INDEX")]


N_LINT_FKEY = ext("sqlite-lint-fkey", "lint", "Rule 5: every CREATE INDEX line .lint suggests", _lint_fkey)


def _analyze(lines):
    out = []
    for i, ln in enumerate(lines):
        if re.match(r"^\S+\.\S+: \(\d+/\d+\)", ln):
            out.append(ln)
            nxt = next((k for k in range(i + 1, len(lines)) if re.match(r"^\S+\.\S+: \(\d+/\d+\)", lines[k])), len(lines))
            block = lines[i + 1:nxt]
            nulls = next((b for b in block if b.strip().startswith("Null rows:")), None)
            dist = next((b for b in block if b.strip().startswith("Distinct values:")), None)
            tot = next((b for b in block if b.strip().startswith("Total rows:")), None)
            if (nulls and not re.search(r"Null rows: 0\b", nulls)) or (dist and re.search(r"Distinct values: 1\b", dist)):
                out += [tot, nulls, dist]
    return out


N_ANALYZE = ext("sqlite-utils-analyze", "table", "Rule 5: every column header line, and Total/Null/Distinct lines "
                "of columns with nulls or one distinct value", _analyze)


def _sqlacodegen(lines):
    return [ln for ln in lines if re.match(r"^class \w+", ln) or re.match(r"^t_\w+ = Table\(", ln)
            or "ForeignKey" in ln]


N_SQLACODEGEN = ext("sqlacodegen", "code", "Rule 5: the first line of every class / Table definition, every "
                    "ForeignKey line", _sqlacodegen)


def _sa_error(lines):
    return [ln for ln in lines if ln.startswith("sqlalchemy.exc.") or ln.startswith(("[SQL:", "[parameters:"))]


N_SA_ERROR = ext("sqlalchemy-integrity-error", "log", "Rule 1/5: the sqlalchemy.exc line, the [SQL:] and "
                 "[parameters:] lines", _sa_error)


def _check_deploy(lines):
    return [ln for ln in lines if re.match(r"^\?: \(|^\S+: \(\w+\.[EW]\d+\)", ln) or ln.strip() in ("ERRORS:", "WARNINGS:")
            or ln.startswith("System check identified") or "CommandError" in ln]


N_CHECK_DEPLOY = ext("django-check-deploy", "lint", "Rule 1/5: every (security.Wxxx) line, ERRORS/WARNINGS headers, "
                     "the System check identified line", _check_deploy)


def _mig_dry(lines):
    return [ln for ln in lines if re.match(r"^Migrations for '", ln) or re.match(r"^\s+[-+~] (Create|Add|Alter|Remove|"
                                                                                r"Rename|Delete)", ln)
            or ln.startswith("No changes detected")]


N_MIG_DRY = ext("django-makemigrations-dry-run", "build", "Rule 5: every operation line and Migrations for line",
                _mig_dry)


def _show_urls(lines):
    rows = [ln for ln in lines if ln.startswith("/")]
    if not rows:
        return []
    apps = Counter(r.split("\t")[1].rsplit(".", 1)[0] if "\t" in r else "" for r in rows)
    out = [rows[0], rows[-1]]
    out += [r for r in rows if "\t" in r and apps[r.split("\t")[1].rsplit(".", 1)[0]] <= 2]
    return out


N_SHOW_URLS = ext("django-show-urls", "listing", "Rule 4: rows whose view's module appears in at most 2 rows, the "
                  "first and last rows", _show_urls)


def _dumpdata(lines):
    pairs = []
    for i, ln in enumerate(lines):
        m = re.match(r'^\s*"model": "([\w.]+)"', ln)
        if m:
            pairs.append((m.group(1), ln))
    out = []
    seen = set()
    for i, ln in enumerate(lines):
        m = re.match(r'^\s*"model": "([\w.]+)"', ln)
        if m and m.group(1) not in seen:
            seen.add(m.group(1))
            out.append(ln)
            pk = next((l for l in lines[max(0, i - 3):i + 3] if '"pk":' in l), None)
            out.append(pk)
    return out


N_DUMPDATA = ext("django-dumpdata", "json", "Rule 5: every model value with its first pk", _dumpdata)


def _validate_templates(lines):
    return [ln for ln in lines if re.search(r"TemplateSyntaxError|TemplateDoesNotExist|Error|errors? found|\.html", ln)
            and ln.strip()]


N_VALIDATE_TEMPLATES = ext("django-validate-templates", "lint", "Rule 1: every template error line and file, the "
                           "closing count line", _validate_templates)


def _jinja(lines):
    out = [ln for ln in lines if ln.startswith("jinja2.exceptions.")]
    out += [ln for ln in lines if re.match(r'^\s*File "[^"]+\.(html|j2|jinja|txt)", line \d+', ln)]
    return out


N_JINJA = ext("jinja-template-error", "log", "Rule 1: the jinja2.exceptions line and the template's File line",
              _jinja)


def _pandera(lines):
    out = [ln for ln in lines if re.search(r"SchemaErrors?|error\(s\)|errors were found", ln)]
    pairs = []
    for ln in lines:
        m = re.match(r"^\s*(\d+\s+)?(\S+)\s+(Column|DataFrameSchema)\s+(\S+)\s+(\S+)", ln)
        if m:
            pairs.append(((m.group(4), m.group(2) if m.group(2) != "Column" else ""), ln))
    for ln in lines:
        if re.match(r'^\s*"(column|check|error|schema)"', ln) or re.match(r'^\s*"\w+": \[$', ln):
            pass
    out += groups(pairs)
    out += [ln for ln in lines if re.search(r'"(column|check)": ', ln)][:60]
    return out


N_PANDERA = ext("pandera-schema-errors", "log", "Rule 1/5: every failure entry naming a column and check (one any "
                "per (column, check)), the summary line", _pandera)


def _cerberus(lines):
    pairs = []
    for ln in lines:
        m = re.match(r"^row \d+ \S+: (\{.*\})$", ln)
        if m:
            pairs.append((re.sub(r"\d+(\.\d+)?", "N", m.group(1)), ln))
    return groups(pairs) + [ln for ln in lines if re.match(r"^\d+ (invalid|errors?)", ln)]


N_CERBERUS = ext("cerberus-errors", "log", "Rule 1/5: every error entry naming a field and what failed, the count "
                 "line", _cerberus)


def _frictionless(lines):
    out = [ln for ln in lines if re.search(r"\b(INVALID|VALID)\b", ln) or re.match(r"^\s*┃ Row\s+┃", ln)
           or re.search(r"\b(errors?|invalid)\b.*\d|\d+ errors?", ln) and "│" not in ln]
    pairs = []
    for i, ln in enumerate(lines):
        cells = [c.strip() for c in ln.strip().strip("│").split("│")] if ln.lstrip().startswith("│") else []
        if len(cells) >= 4 and re.match(r"^\d+$|^None$|^$", cells[0]) and re.match(r"^[a-z]+(-[a-z]+)+$", cells[2]):
            text = " ".join(lines[k] for k in range(i, min(len(lines), i + 3)))
            m = re.search(r'constraint "(\w+)"', text)
            pairs.append(((cells[1], cells[2], m.group(1) if m else ""), ln))
    return out + groups(pairs)


N_FRICTIONLESS = ext("frictionless-validate", "lint", "Rule 1/5: every error row naming a row/field and what "
                     "failed (one any per error type), the summary lines", _frictionless)


# ------------------------------------------------------------------ the project

SPECIES = ["cod", "haddock", "hake", "plaice", "sole", "turbot", "monkfish", "mackerel", "herring", "whiting",
           "pollock", "ling", "megrim", "brill", "dab", "skate", "john dory", "sea bass", "gurnard", "lemon sole"]
VESSELS = [f"{p} {s}" for p in ("Morning", "Silver", "Northern", "Brave", "Good") for s in ("Star", "Tide", "Gull", "Hope")]
BUYERS = [f"B{n:03d}" for n in range(1, 140)]


def lots_csv(n: int, seed: int, bad: bool) -> str:
    r = random.Random(seed)
    out = ["lot_id,landed_at,vessel,species,grade,boxes,weight_kg,price_eur_kg,buyer"]
    for i in range(n):
        sp = r.choice(SPECIES[:14]) if r.random() < 0.96 else r.choice(SPECIES)
        grade = r.choice("ABBBCC")
        w = round(r.uniform(8, 40) * r.randint(1, 12), 1)
        p = round(r.uniform(1.2, 19.0), 2)
        buyer = r.choice(BUYERS)
        day = f"2026-0{r.randint(3, 9)}-{r.randint(10, 28)}T0{r.randint(4, 7)}:{r.randint(10, 59)}"
        if bad and i in (77, 412, 903):
            w = -w
        if bad and i == 1299:
            p = 412.0
        if bad and i in (55, 1020):
            grade = "Z"
        if bad and i == 640:
            buyer = ""
        out.append(f"L{20000 + i},{day},{r.choice(VESSELS)},{sp},{grade},{r.randint(1, 12)},{w},{p},{buyer}")
    return "\n".join(out) + "\n"


def data(tmp: Path) -> None:
    (tmp / "lots.csv").write_text(lots_csv(4000, 4101, True))
    py = "python3 -c"
    cap("pandas-value-counts-species-grade", f"{py} \"import pandas as pd; df = pd.read_csv('lots.csv'); "
        f"print(df['species'].value_counts()); print(df.grade.value_counts(dropna=False))\"", tmp, N_VALUE_COUNTS)
    cap("pandas-value-counts-vessel-species", f"{py} \"import pandas as pd; df = pd.read_csv('lots.csv'); "
        f"print(df.value_counts(['vessel', 'species']).to_string())\"", tmp, N_VALUE_COUNTS)
    cap("pandas-value-counts-buyer-head", f"{py} \"import pandas as pd; df = pd.read_csv('lots.csv'); "
        f"print(df.buyer.value_counts(dropna=False).to_string())\" | head -n 120", tmp, N_VALUE_COUNTS)
    cap("pandas-pivot-species-grade", f"{py} \"import pandas as pd; df = pd.read_csv('lots.csv'); "
        f"print(df.pivot_table(index=['species', 'vessel'], columns='grade', values='price_eur_kg', aggfunc='mean')"
        f".round(2).to_string())\"", tmp, N_PIVOT)
    cap("pandas-show-versions", f"{py} 'import pandas as pd; pd.show_versions()' 2>/dev/null", tmp, N_SHOW_VERSIONS)
    cap("numpy-show-config", f"{py} 'import numpy as np; np.show_config()'; echo EXIT=$?", tmp, N_NP_CONFIG)
    cap("polars-describe", f"{py} \"import polars as pl; pl.Config.set_tbl_cols(-1); pl.Config.set_tbl_width_chars(400); "
        f"print(pl.read_csv('lots.csv').describe())\"", tmp, N_POLARS_DESCRIBE)
    cap("polars-glimpse", f"{py} \"import polars as pl; pl.read_csv('lots.csv').glimpse()\"", tmp, N_GLIMPSE)
    cap("duckdb-summarize", f"{py} \"import duckdb; print(duckdb.sql(\\\"SUMMARIZE SELECT * FROM 'lots.csv'\\\"))\"",
        tmp, N_DUCK_SUMMARIZE)
    cap("duckdb-describe-join", f"{py} \"import duckdb; print(duckdb.sql(\\\"DESCRIBE SELECT l.*, l.weight_kg * "
        f"l.price_eur_kg AS value_eur, b.* FROM 'lots.csv' l JOIN 'lots.csv' b USING (lot_id)\\\"))\"", tmp,
        N_DUCK_DESCRIBE)
    cap("duckdb-binder-error-exit", f"{py} \"import duckdb; duckdb.sql(\\\"SELECT specie, sum(weight) FROM 'lots.csv' "
        f"GROUP BY 1\\\").show()\"; echo EXIT=$?", tmp, N_DUCK_ERROR)
    (tmp / "check_lots.py").write_text(PANDERA)
    cap("pandera-lazy-schema-errors", "python3 check_lots.py", tmp, N_PANDERA)
    cap("pandera-schema-errors-tail", "python3 check_lots.py 2>&1 | tail -n 30; echo EXIT=$?", tmp, N_PANDERA)
    cap("pandas-crosstab-vessel-grade", f"{py} \"import pandas as pd; df = pd.read_csv('lots.csv'); "
        f"print(pd.crosstab([df.vessel, df.species], df.grade, margins=True).to_string())\" | head -n 150", tmp, N_PIVOT)
    cap("duckdb-conversion-error-tail", f"{py} \"import duckdb; print(duckdb.sql(\\\"SELECT buyer, "
        f"CAST(grade AS INTEGER) AS grade_no, sum(weight_kg) FROM 'lots.csv' GROUP BY ALL "
        f"ORDER BY 2\\\").fetchall()[:5])\" 2>&1 | tail -n 12", tmp, N_DUCK_ERROR)
    (tmp / "check_rows.py").write_text(CERBERUS)
    cap("cerberus-errors", "python3 check_rows.py; echo EXIT=$?", tmp, N_CERBERUS)
    (tmp / "lots.schema.json").write_text(FRICTIONLESS_SCHEMA)
    cap("frictionless-validate-schema", "frictionless validate lots.csv --schema lots.schema.json", tmp, N_FRICTIONLESS)


FRICTIONLESS_SCHEMA = """{"fields": [
 {"name": "lot_id", "type": "string", "constraints": {"required": true, "unique": true, "pattern": "L[0-9]{5}"}},
 {"name": "landed_at", "type": "datetime", "format": "%Y-%m-%dT%H:%M"},
 {"name": "vessel", "type": "string"},
 {"name": "species", "type": "string", "constraints": {"enum": ["cod", "haddock", "hake", "plaice", "sole", "turbot",
   "monkfish", "mackerel", "herring", "whiting", "pollock", "ling", "megrim", "brill"]}},
 {"name": "grade", "type": "string", "constraints": {"enum": ["A", "B", "C"]}},
 {"name": "boxes", "type": "integer", "constraints": {"minimum": 1}},
 {"name": "weight_kg", "type": "number", "constraints": {"minimum": 0, "maximum": 450}},
 {"name": "price_eur_kg", "type": "number", "constraints": {"maximum": 60}},
 {"name": "buyer", "type": "string", "constraints": {"required": true}}
], "primaryKey": ["lot_id"]}
"""

PANDERA = r'''
import pandas as pd
import pandera.pandas as pa

schema = pa.DataFrameSchema({
    "lot_id": pa.Column(str, pa.Check.str_matches(r"^L\d{5}$"), unique=True),
    "grade": pa.Column(str, pa.Check.isin(["A", "B", "C"])),
    "boxes": pa.Column(int, pa.Check.in_range(1, 12)),
    "weight_kg": pa.Column(float, pa.Check.gt(0)),
    "price_eur_kg": pa.Column(float, pa.Check.le(60)),
    "buyer": pa.Column(str, nullable=False),
    "species": pa.Column(str, pa.Check.isin(["cod", "haddock", "hake", "plaice", "sole", "turbot", "monkfish",
                                             "mackerel", "herring", "whiting", "pollock", "ling", "megrim", "brill"])),
})
df = pd.read_csv("lots.csv")
schema.validate(df, lazy=True)
'''

CERBERUS = r'''
import csv
from cerberus import Validator

schema = {
    "lot_id": {"type": "string", "regex": r"L\d{5}"},
    "grade": {"type": "string", "allowed": ["A", "B", "C"]},
    "boxes": {"type": "integer", "coerce": int, "min": 1, "max": 12},
    "weight_kg": {"type": "float", "coerce": float, "min": 0.1, "max": 420},
    "price_eur_kg": {"type": "float", "coerce": float, "max": 60},
    "buyer": {"type": "string", "empty": False, "regex": r"B\d{3}"},
    "species": {"type": "string", "allowed": ["cod", "haddock", "hake", "plaice", "sole", "turbot", "monkfish",
                                              "mackerel", "herring", "whiting", "pollock", "ling", "megrim", "brill"]},
    "vessel": {"type": "string"}, "landed_at": {"type": "string"},
}
v = Validator(schema)
bad = 0
with open("lots.csv") as f:
    for n, row in enumerate(csv.DictReader(f), start=2):
        if not v.validate(row):
            bad += 1
            print(f"row {n} {row['lot_id']}: {v.errors}")
print(f"{bad} invalid rows")
raise SystemExit(1 if bad else 0)
'''


def database(tmp: Path) -> None:
    r = random.Random(4102)
    sql = ["PRAGMA foreign_keys=OFF;"]
    sql.append("CREATE TABLE vessel (id INTEGER PRIMARY KEY, name TEXT NOT NULL, port TEXT, licence TEXT UNIQUE);")
    sql.append("CREATE TABLE buyer (id INTEGER PRIMARY KEY, code TEXT UNIQUE NOT NULL, name TEXT, credit_limit REAL);")
    sql.append("CREATE TABLE auction (id INTEGER PRIMARY KEY, held_on TEXT NOT NULL, hall TEXT);")
    sql.append("CREATE TABLE lot (id INTEGER PRIMARY KEY, auction_id INTEGER REFERENCES auction(id), vessel_id INTEGER "
               "REFERENCES vessel(id), species TEXT, grade TEXT, weight_kg REAL, reserve_eur REAL);")
    sql.append("CREATE TABLE bid (id INTEGER PRIMARY KEY, lot_id INTEGER REFERENCES lot(id), buyer_id INTEGER "
               "REFERENCES buyer(id), amount_eur REAL, placed_at TEXT);")
    sql.append("CREATE TABLE invoice (id INTEGER PRIMARY KEY, buyer_id INTEGER NOT NULL REFERENCES buyer(id), "
               "auction_id INTEGER REFERENCES auction(id), total_eur REAL, paid INTEGER DEFAULT 0, note TEXT);")
    sql.append("CREATE TABLE invoice_line (id INTEGER PRIMARY KEY, invoice_id INTEGER REFERENCES invoice(id), lot_id "
               "INTEGER REFERENCES lot(id), amount_eur REAL);")
    sql.append("CREATE TABLE landing (id INTEGER PRIMARY KEY, vessel_id INTEGER REFERENCES vessel(id), landed_at TEXT, "
               "boxes INTEGER, ice_ok INTEGER);")
    sql.append("CREATE INDEX lot_species ON lot(species);")
    for i in range(1, 21):
        sql.append(f"INSERT INTO vessel VALUES ({i}, '{VESSELS[i - 1]}', '{r.choice(['Brixham', 'Newlyn', 'Peterhead'])}', "
                   f"{'NULL' if i == 7 else repr('FV-%04d' % (i * 37))});")
    for i in range(1, 140):
        sql.append(f"INSERT INTO buyer VALUES ({i}, 'B{i:03d}', 'Buyer {i}', {'NULL' if i % 41 == 0 else r.randint(5, 90) * 1000});")
    for i in range(1, 31):
        sql.append(f"INSERT INTO auction VALUES ({i}, '2026-0{3 + i // 10}-{10 + i % 18}', 'Hall {'AB'[i % 2]}');")
    for i in range(1, 1501):
        aid = r.randint(1, 30) if i % 29 else 31 + i % 3
        vid = r.randint(1, 20) if i % 211 else 23
        sql.append(f"INSERT INTO lot VALUES ({i}, {aid}, {vid}, '{r.choice(SPECIES)}', '{r.choice('ABC')}', "
                   f"{round(r.uniform(10, 400), 1)}, {round(r.uniform(20, 900), 2)});")
    for i in range(1, 2501):
        bid_b = r.randint(1, 139) if i % 41 else 150 + i % 5
        sql.append(f"INSERT INTO bid VALUES ({i}, {r.randint(1, 1500)}, {bid_b}, {round(r.uniform(20, 1500), 2)}, "
                   f"'2026-05-{r.randint(10, 28)}T05:{r.randint(10, 59)}');")
    for i in range(1, 301):
        sql.append(f"INSERT INTO invoice VALUES ({i}, {r.randint(1, 139)}, {r.randint(1, 30)}, {round(r.uniform(100, 9000), 2)}, "
                   f"{r.randint(0, 1)}, {'NULL' if i % 3 else repr('late')});")
    for i in range(1, 601):
        inv = r.randint(1, 300) if i % 151 else 400
        sql.append(f"INSERT INTO invoice_line VALUES ({i}, {inv}, {r.randint(1, 1500)}, {round(r.uniform(20, 900), 2)});")
    (tmp / "hall.sql").write_text("\n".join(sql) + "\n")
    run("rm -f hall.db && sqlite3 hall.db < hall.sql", cwd=tmp)
    cap("sqlite-fkey-check", "sqlite3 hall.db 'PRAGMA foreign_key_check;'", tmp, N_FKCHECK)
    cap("sqlite-lint-fkey-tables", "sqlite3 hall.db '.lint fkey-indexes' '.tables' '.indexes'; echo EXIT=$?", tmp,
        N_LINT_FKEY)
    cap("sqlite-utils-analyze-tables", "sqlite-utils analyze-tables hall.db", tmp, N_ANALYZE)
    cap("sqlacodegen-hall", "sqlacodegen sqlite:///hall.db", tmp, N_SQLACODEGEN)
    (tmp / "post_bids.py").write_text(SA_SCRIPT)
    cap("sqlalchemy-integrity-error", "python3 post_bids.py 2>&1 | tail -n 40", tmp, N_SA_ERROR)


SA_SCRIPT = r'''
from sqlalchemy import create_engine, text

eng = create_engine("sqlite:///hall.db")
with eng.begin() as c:
    c.execute(text("PRAGMA foreign_keys=ON"))
    rows = [{"code": f"B{n:03d}", "name": f"New buyer {n}", "limit": 1000 * n} for n in (140, 141, 12, 142)]
    for row in rows:
        c.execute(text("INSERT INTO buyer (code, name, credit_limit) VALUES (:code, :name, :limit)"), row)
        print("registered", row["code"])
'''


# ------------------------------------------------------------------ Django and Jinja

DJ = {
    "manage.py": "import os, sys\nos.environ.setdefault('DJANGO_SETTINGS_MODULE', 'hall.settings')\n"
                 "from django.core.management import execute_from_command_line\nexecute_from_command_line(sys.argv)\n",
    "hall/__init__.py": "",
    "hall/settings.py": '''
from pathlib import Path
BASE_DIR = Path(__file__).resolve().parent.parent
SECRET_KEY = "django-insecure-tidewater"
DEBUG = True
ALLOWED_HOSTS = ["*"]
INSTALLED_APPS = ["django.contrib.admin", "django.contrib.auth", "django.contrib.contenttypes",
                  "django.contrib.sessions", "django.contrib.messages", "django.contrib.staticfiles",
                  "django_extensions", "ledger", "quay"]
MIDDLEWARE = ["django.contrib.sessions.middleware.SessionMiddleware", "django.middleware.common.CommonMiddleware",
              "django.contrib.auth.middleware.AuthenticationMiddleware",
              "django.contrib.messages.middleware.MessageMiddleware"]
ROOT_URLCONF = "hall.urls"
TEMPLATES = [{"BACKEND": "django.template.backends.django.DjangoTemplates", "DIRS": [BASE_DIR / "templates"],
              "APP_DIRS": True, "OPTIONS": {"context_processors": ["django.template.context_processors.request",
              "django.contrib.auth.context_processors.auth", "django.contrib.messages.context_processors.messages"]}}]
DATABASES = {"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": BASE_DIR / "db.sqlite3"}}
STATIC_URL = "static/"
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
USE_TZ = True
''',
    "hall/urls.py": '''
from django.contrib import admin
from django.urls import include, path
urlpatterns = [path("admin/", admin.site.urls), path("ledger/", include("ledger.urls")), path("quay/", include("quay.urls"))]
''',
    "ledger/__init__.py": "", "quay/__init__.py": "",
    "ledger/apps.py": "from django.apps import AppConfig\nclass LedgerConfig(AppConfig):\n    name = 'ledger'\n",
    "quay/apps.py": "from django.apps import AppConfig\nclass QuayConfig(AppConfig):\n    name = 'quay'\n",
    "quay/views.py": "from django.http import HttpResponse\ndef berths(r):\n    return HttpResponse('ok')\n"
                     "def tide_table(r, day):\n    return HttpResponse(day)\n",
    "quay/urls.py": "from django.urls import path\nfrom . import views\nurlpatterns = [path('berths/', views.berths, name='berths'), "
                    "path('tides/<str:day>/', views.tide_table, name='tides')]\n",
    "ledger/models.py": '''
from django.db import models


class Vessel(models.Model):
    name = models.CharField(max_length=80)
    port = models.CharField(max_length=40, blank=True)
    licence = models.CharField(max_length=12, unique=True, null=True)


class Buyer(models.Model):
    code = models.CharField(max_length=8, unique=True)
    name = models.CharField(max_length=120)
    credit_limit = models.DecimalField(max_digits=10, decimal_places=2, null=True)


class Auction(models.Model):
    held_on = models.DateField()
    hall = models.CharField(max_length=10)


class Lot(models.Model):
    auction = models.ForeignKey(Auction, on_delete=models.CASCADE, related_name="lots")
    vessel = models.ForeignKey(Vessel, on_delete=models.PROTECT)
    species = models.CharField(max_length=40, db_index=True)
    grade = models.CharField(max_length=1, choices=[("A", "A"), ("B", "B"), ("C", "C")])
    weight_kg = models.DecimalField(max_digits=8, decimal_places=1)
    reserve_eur = models.DecimalField(max_digits=9, decimal_places=2)


class Bid(models.Model):
    lot = models.ForeignKey(Lot, on_delete=models.CASCADE, related_name="bids")
    buyer = models.ForeignKey(Buyer, on_delete=models.CASCADE)
    amount_eur = models.DecimalField(max_digits=9, decimal_places=2)
    placed_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        indexes = [models.Index(fields=["lot", "-amount_eur"])]
        constraints = [models.UniqueConstraint(fields=["lot", "buyer", "amount_eur"], name="one_bid_per_amount")]


class Invoice(models.Model):
    buyer = models.ForeignKey(Buyer, on_delete=models.PROTECT)
    auction = models.ForeignKey(Auction, on_delete=models.SET_NULL, null=True)
    total_eur = models.DecimalField(max_digits=10, decimal_places=2)
    paid = models.BooleanField(default=False)
    note = models.TextField(blank=True)
''',
    "ledger/views.py": "".join(f"def {n}(request, pk=None):\n    from django.http import HttpResponse\n    return HttpResponse('{n}')\n\n"
                               for n in ("lot_list", "lot_detail", "bid_create", "bid_list", "invoice_list",
                                         "invoice_detail", "invoice_pdf", "buyer_list", "buyer_detail", "vessel_list",
                                         "auction_list", "auction_detail", "auction_close", "report_daily",
                                         "report_species")),
    "ledger/urls.py": "from django.urls import path\nfrom . import views\nurlpatterns = [\n" + "".join(
        f"    path('{u}', views.{n}, name='{n}'),\n" for u, n in (
            ("lots/", "lot_list"), ("lots/<int:pk>/", "lot_detail"), ("lots/<int:pk>/bid/", "bid_create"),
            ("bids/", "bid_list"), ("invoices/", "invoice_list"), ("invoices/<int:pk>/", "invoice_detail"),
            ("invoices/<int:pk>/pdf/", "invoice_pdf"), ("buyers/", "buyer_list"), ("buyers/<int:pk>/", "buyer_detail"),
            ("vessels/", "vessel_list"), ("auctions/", "auction_list"), ("auctions/<int:pk>/", "auction_detail"),
            ("auctions/<int:pk>/close/", "auction_close"), ("reports/daily/", "report_daily"),
            ("reports/species/", "report_species"))) + "]\n",
    "templates/base.html": "<html><body>{% block content %}{% endblock %}</body></html>\n",
    "templates/ledger/lot_list.html": "{% extends 'base.html' %}\n{% block content %}\n<ul>\n{% for lot in lots %}\n"
                                      "<li>{{ lot.species|title }} {{ lot.weight_kg|floatformat:1 }}</li>\n{% endfor %}\n"
                                      "</ul>\n{% endblock %}\n",
    "templates/ledger/invoice.html": "{% extends 'base.html' %}\n{% load humanize %}\n{% block content %}\n"
                                     "<h1>{{ invoice.buyer.name }}</h1>\n{% for line in invoice.lines %}\n"
                                     "<p>{{ line.amount_eur|intcomma }}</p>\n{% endblock %}\n",
    "templates/ledger/report.html": "{% extends 'base.html' %}\n{% block content %}\n{% if total > 0 %}\n"
                                    "<p>{{ total|money }}</p>\n{% endif %}\n{% endblock content %}\n",
    "templates/ledger/buyer.html": "{% extends 'base.html' %}\n{% block content %}\n{% include 'ledger/_card.html' %}\n"
                                   "{% for b in buyers %}{{ b.code }{% endfor %}\n{% endblock %}\n",
}

FIXTURE_GEN = r'''
import json, random
r = random.Random(4103)
out = []
for i in range(1, 13):
    out.append({"model": "ledger.vessel", "pk": i, "fields": {"name": f"Vessel {i}", "port": r.choice(["Brixham", "Newlyn"]), "licence": f"FV-{i:04d}"}})
for i in range(1, 41):
    out.append({"model": "ledger.buyer", "pk": i, "fields": {"code": f"B{i:03d}", "name": f"Buyer {i}", "credit_limit": str(r.randint(5, 90) * 1000)}})
for i in range(1, 7):
    out.append({"model": "ledger.auction", "pk": i, "fields": {"held_on": f"2026-05-{10 + i}", "hall": "A"}})
for i in range(1, 121):
    out.append({"model": "ledger.lot", "pk": i, "fields": {"auction": r.randint(1, 6), "vessel": r.randint(1, 12), "species": r.choice(["cod", "hake", "sole", "ling"]), "grade": r.choice("ABC"), "weight_kg": str(round(r.uniform(10, 300), 1)), "reserve_eur": str(round(r.uniform(20, 700), 2))}})
for i in range(1, 4):
    out.append({"model": "ledger.invoice", "pk": i, "fields": {"buyer": i, "auction": 1, "total_eur": "1200.00", "paid": False, "note": ""}})
json.dump(out, open("ledger/fixtures/hall.json", "w"))
'''

JINJA_RENDER = r'''
from jinja2 import Environment, FileSystemLoader, StrictUndefined
env = Environment(loader=FileSystemLoader("jtemplates"), undefined=StrictUndefined)
lots = [{"species": "cod", "weight_kg": 120.5, "price": 7.2}, {"species": "hake", "weight_kg": 80.0}]
print(env.get_template("{name}").render(lots=lots, auction={{"hall": "A"}}))
'''


def django(tmp: Path) -> None:
    proj = tmp / "hallsite"
    write_tree(proj, DJ)
    (proj / "ledger" / "fixtures").mkdir(parents=True, exist_ok=True)
    (proj / "gen_fixture.py").write_text(FIXTURE_GEN)
    run("python3 gen_fixture.py", cwd=proj)
    cap("django-check-deploy-exit", "python3 manage.py check --deploy; echo EXIT=$?", proj, N_CHECK_DEPLOY)
    cap("django-makemigrations-dry-run-v3", "python3 manage.py makemigrations ledger --dry-run -v 3", proj, N_MIG_DRY)
    cap("django-show-urls", "python3 manage.py show_urls", proj, N_SHOW_URLS)
    run("python3 manage.py makemigrations ledger -v 0 && python3 manage.py migrate -v 0 && "
        "python3 manage.py loaddata hall -v 0", cwd=proj)
    cap("django-dumpdata-ledger-head", "python3 manage.py dumpdata ledger --indent 2 | head -n 600", proj, N_DUMPDATA)
    cap("sqlacodegen-django-db-head", "sqlacodegen sqlite:///db.sqlite3 | head -n 150", proj, N_SQLACODEGEN)
    cap("sqlite-utils-analyze-django-db", "sqlite-utils analyze-tables db.sqlite3",
        proj, N_ANALYZE)
    cap("django-validate-templates", "python3 manage.py validate_templates; echo EXIT=$?", proj, N_VALIDATE_TEMPLATES)
    jt = tmp / "jtemplates"
    write_tree(jt, {
        "lots.html": "<table>\n{% for lot in lots %}\n<tr><td>{{ lot.species|title }}</td>\n"
                     "<td>{{ '%.2f'|format(lot.price * lot.weight_kg) }}</td></tr>\n{% endfor %}\n</table>\n"
                     "<p>Hall {{ auction.hall }} closing {{ auction.closes_at.strftime('%H:%M') }}</p>\n",
        "invoice.html": "{% extends 'base.html' %}\n{% block body %}\n{% for lot in lots %}\n<p>{{ lot.species }}</p>\n"
                        "{% endblock %}\n",
        "base.html": "<html>{% block body %}{% endblock %}</html>\n",
    })
    for name, item in (("lots.html", "jinja-undefined-error"), ("invoice.html", "jinja-syntax-error-exit")):
        (tmp / f"render_{name[:-5]}.py").write_text(JINJA_RENDER.replace("{name}", name).replace("{{", "{").replace("}}", "}"))
        cap(item, f"python3 render_{name[:-5]}.py; echo EXIT=$?", tmp, N_JINJA)


STEPS = [data, database, django]
