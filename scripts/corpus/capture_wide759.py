"""Capture round 759 of the compression corpus: tabular-data and data-validation command-line tools (csvkit's
csvstat in its JSON and CSV formats, csv-diff plain and JSON, daff, frictionless validate --json, miller's XTAB
output, sqlite-utils query, the duckdb CLI's -json and -line modes) on a starch works' batch records written here
(`starchworks`: steeps, mills, sieves, kilns, gluten, dextrin; seed 75910) with faults put in. Needle rules:
NEEDLES.md's "Round 759" section; every kind is new and its extractor is below.

Usage:   .venv/bin/python scripts/corpus/capture_wide759.py
Writes:  scripts/corpus/data/wide759.json, ids prefixed "wide759-".
Tools:   /dev/shm/hm-corpus-wide759/venv: csvkit 2.2.0, csv-diff 1.2, daff 1.4.2, frictionless 5.21.0,
         sqlite-utils 4.2.1, duckdb-cli 1.5.6; Debian's miller 6.6.0 (apt)."""

from __future__ import annotations

import csv
import io
import json
import os
import random
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402
from capture_more import groups, kind, named  # noqa: E402
from capture_data import categorical, num, rule4, any_of  # noqa: E402
from capture_wide604 import drop_and_check  # noqa: E402

ID_PREFIX = "wide759-"
DEFAULT_OUT = HERE / "data" / "wide759.json"
TOOLS = Path("/dev/shm/hm-corpus-wide759")
VENV = TOOLS / "venv"
TMP = Path("/dev/shm/hm-corpus-wide759-run")
SEED = 75910
PY_TOOLS = ["csvkit==2.2.0", "csv-diff==1.2", "daff==1.4.2", "frictionless==5.21.0", "sqlite-utils==4.2.1",
            "duckdb-cli==1.5.6"]
_SIZED = cm.Sized(400, 120_000)
add, cap = _SIZED.add, _SIZED.cap

# ------------------------------------------------------------------ extractors of the new kinds (fixed before capture)

CSVSTAT_KEYS = ("column_name", "type", "nonnulls", "min", "max", "mean")


@kind("csvstat-json", "table")
def n_csvstat_json(lines):
    """every distinct "column_name", "type", "nonnulls", "min", "max" and "mean" line"""
    out = []
    for ln in lines:
        s = ln.strip()
        if any(s.startswith(f'"{k}":') for k in CSVSTAT_KEYS) and ln not in out:
            out.append(ln)
    return out


@kind("csvstat-csv", "table")
def n_csvstat_csv(lines):
    """the header line and every row line (one input column's statistics a row)"""
    return [ln for ln in lines if ln.strip()]


CD_SECTION = re.compile(r"^\d+ (rows?|columns?) (changed|added|removed)$")


@kind("csv-diff", "table")
def n_csv_diff(lines):
    """the opening summary line and every section header; every changed record's key line and field-change line; the first line of every added and removed record"""
    out, section, fresh = [], "", True
    for ln in lines:
        if not ln.strip():
            fresh = True
            continue
        if re.match(r"^\d+ (rows?|columns?) (changed|added|removed)", ln):
            out.append(ln)
            if CD_SECTION.match(ln):
                section = CD_SECTION.match(ln).group(2)
            fresh = True
            continue
        if section == "changed":
            if re.match(r"^  \S", ln) or re.match(r"^    \S.*=>", ln):
                out.append(ln)
        elif section in ("added", "removed") and fresh and re.match(r"^  \S", ln):
            out.append(ln)
        fresh = False
    return out


@kind("csv-diff-json", "json")
def n_csv_diff_json(lines):
    """every "key" line of a changed record and each changed field's name line; the first property line of every added and removed record"""
    out, section, prev = [], "", ""
    for ln in lines:
        m = re.match(r'^    "(\w+)": \[', ln)
        if m:
            section = m.group(1)
        elif section in ("added", "removed") and prev == "        {" and re.match(r'^            "', ln):
            out.append(ln)
        elif section == "changed" and (re.match(r'^            "key":', ln) or re.match(r'^                "[^"]*": \[', ln)):
            out.append(ln)
        prev = ln
    return out


@kind("daff", "table")
def n_daff(lines):
    """the @@ header line, every ! schema line and every row whose action cell is +++, ---, -> or +/- prefixed"""
    out = []
    for ln in lines:
        try:
            act = next(csv.reader([ln]))[0] if ln else ""
        except (csv.Error, StopIteration, IndexError):
            continue
        if act in ("@@", "!") or act.startswith("+") or act.startswith("-"):
            out.append(ln)
    return out


@kind("frictionless-validate-json", "lint")
def n_frictionless_json(lines):
    """every distinct "message" line and every "place" line; the report's first "valid" line and first "errors": N line"""
    out, valid, errs = [], False, False
    for ln in lines:
        s = ln.strip()
        if s.startswith('"message":') and ln not in out:
            out.append(ln)
        elif s.startswith('"place":'):
            out.append(ln)
        elif s.startswith('"valid":') and not valid:
            out.append(ln)
            valid = True
        elif re.match(r'^"errors": \d+', s) and not errs:
            out.append(ln)
            errs = True
    return out


def _records(lines, split):
    """Blank-line separated records -> [(lines, [(line, key, value)])]."""
    recs, cur = [], []
    for ln in lines + [""]:
        if not ln.strip():
            if cur:
                recs.append(cur)
            cur = []
            continue
        k, v = split(ln)
        cur.append((ln, k, v))
    return recs


def _split_xtab(ln):
    if " = " in ln:
        k, _, v = ln.partition(" = ")
        return k.strip(), v.strip()
    parts = ln.split(None, 1)
    return parts[0], (parts[1].strip() if len(parts) > 1 else "")


def _rule4_records(lines):
    recs = _records(lines, _split_xtab)
    out = []
    keys = list(dict.fromkeys(k for r in recs for _, k, _ in r))
    if len(recs) <= 60:
        out += [r[0][0] for r in recs]
    else:
        rows = [(r[0][0], {k: v for _, k, v in r}) for r in recs]
        numeric = [k for k in keys if sum(num(d.get(k)) is not None for _, d in rows) * 2 >= len(rows)]
        out += rule4(rows, cat=categorical(rows, [k for k in keys if k not in numeric]), nums=numeric)
    for k in keys:
        cells = [(ln, v) for r in recs for ln, kk, v in r if kk == k]
        vals = [(num(v), ln) for ln, v in cells]
        if sum(x is not None for x, _ in vals) * 2 < len(recs):
            continue
        good = [(x, ln) for x, ln in vals if x is not None]
        lo, hi = min(x for x, _ in good), max(x for x, _ in good)
        out.append(any_of(ln for x, ln in good if x == lo))
        out.append(any_of(ln for x, ln in good if x == hi))
        out += [ln for x, ln in vals if x is None]
    return out


@kind("mlr-xtab", "table")
def n_mlr_xtab(lines):
    """rule 4 on the blank-separated records: each record's first line (all when at most 60, else rule 4's); each numeric field's min and max line; every empty or non-numeric value line of a numeric field"""
    return _rule4_records(lines)


n_duckdb_line = named("duckdb-line", "table", "mlr-xtab's rule: each record's first line (all when at most 60, else rule 4's); each numeric field's min and max line; every empty or non-numeric value line of a numeric field",
                      _rule4_records)


def _json_record_lines(lines):
    rows = []
    for ln in lines:
        s = ln.strip().lstrip("[").rstrip("]").rstrip(",").strip()
        if not s.startswith("{"):
            continue
        try:
            d = json.loads(s)
        except ValueError:
            continue
        rows.append((ln, {k: (None if v is None else str(v)) for k, v in d.items()}))
    if len(rows) <= 12:
        return [ln for ln, _ in rows]
    keys = list(dict.fromkeys(k for _, d in rows for k in d))
    numeric = [k for k in keys if sum(num(d.get(k)) is not None for _, d in rows) >= 0.9 * len(rows)]
    return rule4(rows, cat=categorical(rows, [k for k in keys if k not in numeric]), nums=numeric)


@kind("sqlite-utils-query", "json")
def n_sqlite_utils_query(lines):
    """rule 4 on the record lines (categorical and numeric columns found from the data; every line when at most 12)"""
    return _json_record_lines(lines)


n_duckdb_json = named("duckdb-json", "json", "sqlite-utils-query's rule: rule 4 on the record lines (categorical and numeric columns found from the data; every line when at most 12)",
                      _json_record_lines)

# ------------------------------------------------------------------ material: a starch works' batch records

STEEPS = ["steep-1", "steep-2", "steep-3", "steep-4", "steep-5", "steep-6"]
MILLS = ["burr-mill", "hammer-mill", "stone-mill"]
KILNS = ["kiln-north", "kiln-south", "kiln-east"]
GRAINS = ["wheat"] * 6 + ["potato"] * 3 + ["maize"]
SIEVES = ["sieve-40", "sieve-60", "sieve-80"]
HEAD = ["batch_id", "date", "steep", "mill", "sieve", "kiln", "grain", "steep_hours", "moisture_pct", "yield_kg",
        "gluten_pct", "dextrin_grade", "inspector"]


def batches(n: int, seed: int, fault: float = 0.03) -> list[list[str]]:
    rng = random.Random(seed)
    rows = []
    for i in range(1, n + 1):
        r = [f"SW-{i:05d}", f"2026-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}", rng.choice(STEEPS),
             rng.choice(MILLS), rng.choice(SIEVES), rng.choice(KILNS), rng.choice(GRAINS),
             f"{rng.uniform(30, 50):.1f}", f"{rng.uniform(10, 14):.2f}", f"{rng.uniform(800, 1200):.1f}",
             f"{rng.uniform(6, 12):.1f}", rng.choice("AAAABBC"), f"steeper-{rng.randint(1, 9)}"]
        if rng.random() < fault:
            f = rng.choice(["moist", "yield", "hours", "kiln", "grain", "blank", "wet", "date", "gluten"])
            if f == "moist":
                r[8] = rng.choice(["31.50", "-2.00", "0.00", "48.25"])
            elif f == "yield":
                r[9] = rng.choice(["0.0", "9999.9", "-15.0", "25000.0"])
            elif f == "hours":
                r[7] = rng.choice(["400.0", "0.1", "96.5"])
            elif f == "kiln":
                r[5] = "kiln-old-west"
            elif f == "grain":
                r[6] = rng.choice(["rice", "sago"])
            elif f == "blank":
                r[rng.choice([8, 9, 10])] = ""
            elif f == "wet":
                r[8] = "wet"
            elif f == "date":
                r[1] = rng.choice(["2026-13-40", "26/02/2026", "yesterday"])
            elif f == "gluten":
                r[10] = rng.choice(["88.0", "-1.0"])
        rows.append(r)
    return rows


def write_csv(p: Path, rows: list[list[str]], head=HEAD) -> None:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(head)
    w.writerows(rows)
    p.write_text(buf.getvalue())


def edition(rows: list[list[str]], seed: int, changes: int, adds: int, removes: int) -> list[list[str]]:
    """A second edition of `rows`: fields changed, rows added and removed."""
    rng = random.Random(seed)
    new = [list(r) for r in rows]
    for _ in range(changes):
        r = rng.choice(new)
        c = rng.choice([5, 7, 8, 9, 11, 12])
        r[c] = {5: rng.choice(KILNS), 7: f"{rng.uniform(30, 50):.1f}", 8: f"{rng.uniform(10, 14):.2f}",
                9: f"{rng.uniform(800, 1200):.1f}", 11: rng.choice("ABC"), 12: f"steeper-{rng.randint(1, 9)}"}[c]
    for _ in range(removes):
        new.pop(rng.randrange(len(new)))
    base = len(rows)
    for j in range(adds):
        extra = batches(1, seed * 100 + j, fault=0.0)[0]
        extra[0] = f"SW-{base + j + 1:05d}"
        new.append(extra)
    return new


SCHEMA = {
    "fields": [
        {"name": "batch_id", "type": "string", "constraints": {"required": True, "unique": True,
                                                              "pattern": "SW-[0-9]{5}"}},
        {"name": "date", "type": "date"},
        {"name": "steep", "type": "string", "constraints": {"enum": STEEPS}},
        {"name": "mill", "type": "string", "constraints": {"enum": MILLS}},
        {"name": "sieve", "type": "string"},
        {"name": "kiln", "type": "string", "constraints": {"enum": KILNS}},
        {"name": "grain", "type": "string", "constraints": {"enum": ["wheat", "potato", "maize"]}},
        {"name": "steep_hours", "type": "number", "constraints": {"minimum": 24, "maximum": 72}},
        {"name": "moisture_pct", "type": "number", "constraints": {"required": True, "minimum": 8, "maximum": 15}},
        {"name": "yield_kg", "type": "number", "constraints": {"minimum": 100, "maximum": 2000}},
        {"name": "gluten_pct", "type": "number", "constraints": {"minimum": 0, "maximum": 20}},
        {"name": "dextrin_grade", "type": "string", "constraints": {"enum": ["A", "B", "C"]}},
        {"name": "inspector", "type": "string"},
    ],
    "primaryKey": ["batch_id"],
}


def ragged(p: Path, rows: list[list[str]], seed: int, n_bad: int) -> None:
    """A CSV with rows of the wrong width, duplicate ids and a blank row put in (for frictionless)."""
    rng = random.Random(seed)
    lines = [",".join(HEAD)] + [",".join(r) for r in rows]
    for _ in range(n_bad):
        i = rng.randrange(1, len(lines))
        what = rng.choice(["extra", "short", "dup", "blank"])
        if what == "extra":
            lines[i] += ",overflow"
        elif what == "short":
            lines[i] = ",".join(lines[i].split(",")[:-2])
        elif what == "dup":
            lines[i] = lines[max(1, i - 1)]
        else:
            lines[i] = ",,,,,,,,,,,,"
    p.write_text("\n".join(lines) + "\n")


def material(tmp: Path) -> Path:
    root = tmp / "starchworks"
    if (root / "batches-3000.csv").exists():
        return root
    root.mkdir(parents=True, exist_ok=True)
    for i, n in enumerate([120, 400, 900, 1500, 3000]):
        rows = batches(n, SEED + i)
        write_csv(root / f"batches-{n}.csv", rows)
        write_csv(root / f"batches-{n}-v2.csv", edition(rows, SEED + 50 + i, changes=max(6, n // 12),
                                                        adds=max(3, n // 40), removes=max(2, n // 50)))
    clean = [r for r in batches(600, SEED + 9, fault=0.0)]
    write_csv(root / "clean-600.csv", clean)
    (root / "schema.json").write_text(json.dumps(SCHEMA, indent=2) + "\n")
    for tag, n, fault, bad in [("few", 60, 0.05, 2), ("some", 200, 0.06, 6), ("many", 400, 0.08, 12),
                               ("lots", 600, 0.10, 20)]:
        ragged(root / f"intake-{tag}.csv", batches(n, SEED + 20 + len(tag), fault=fault), SEED + 30 + n, bad)
    cm.run(f"sqlite-utils insert starch.db batches batches-3000.csv --csv && "
           f"sqlite-utils insert starch.db batches_v2 batches-3000-v2.csv --csv", cwd=root, timeout=300)
    tables = cm.run("sqlite-utils tables starch.db", cwd=root)
    if "batches_v2" not in tables:  # capture_more.run does not stop on a failed material step
        raise RuntimeError(f"starch.db not loaded: {tables[:200]}")
    return root


def ensure_tools() -> None:
    cm.install_venv(VENV, "duckdb", PY_TOOLS)
    cm.PATH_PREFIX[:0] = [str(VENV / "bin")]
    cm.ensure_apt("mlr", "miller")


# ------------------------------------------------------------------ steps

def csvstat(tmp: Path) -> None:
    root = material(tmp)
    for tag, f, extra in [("120", "batches-120.csv", ""), ("900", "batches-900.csv", " --freq-count 30"),
                          ("3000-freq", "batches-3000.csv", " --freq-count 12"), ("clean", "clean-600.csv", " --freq-count 20")]:
        cap(f"csvstat-json-{tag}", f"csvstat --json -i 2{extra} {f}", root, n_csvstat_json, timeout=600)
    for tag, f in [("120", "batches-120.csv"), ("1500", "batches-1500.csv"), ("clean", "clean-600.csv"),
                   ("400", "batches-400.csv")]:
        cap(f"csvstat-csv-{tag}", f"csvstat --csv {f}", root, n_csvstat_csv, timeout=600)


def diffs(tmp: Path) -> None:
    root = material(tmp)
    for n in (120, 400, 900, 1500, 3000):
        cap(f"csv-diff-{n}", f"csv-diff batches-{n}.csv batches-{n}-v2.csv --key batch_id", root, n_csv_diff,
            timeout=600)
    for n in (120, 400, 900, 1500):
        cap(f"csv-diff-json-{n}", f"csv-diff batches-{n}.csv batches-{n}-v2.csv --key batch_id --json", root,
            n_csv_diff_json, timeout=600)
    for n in (120, 400, 900, 1500, 3000):
        cap(f"daff-{n}", f"daff batches-{n}.csv batches-{n}-v2.csv", root, n_daff, timeout=600)


def frictionless(tmp: Path) -> None:
    root = material(tmp)
    for tag in ("few", "some", "many"):
        cap(f"frictionless-json-{tag}", f"frictionless validate --json --schema schema.json intake-{tag}.csv",
            root, n_frictionless_json, timeout=600)
    cap("frictionless-json-bare", "frictionless validate --json intake-lots.csv", root, n_frictionless_json,
        timeout=600)
    cap("frictionless-json-two", "frictionless validate --json --schema schema.json intake-few.csv batches-120.csv",
        root, n_frictionless_json, timeout=600)


def miller(tmp: Path) -> None:
    root = material(tmp)
    for tag, verb, f in [
        ("stats-kiln-grain", "stats1 -a count,mean,min,max -f moisture_pct,yield_kg -g kiln,grain,steep", "batches-1500.csv"),
        ("count-distinct", "count-distinct -f steep,mill,kiln,grain", "batches-3000.csv"),
        ("percentiles", "stats1 -a p10,p50,p90,max -f steep_hours,gluten_pct -g steep,sieve,mill", "batches-900.csv"),
        ("outliers", "filter '$moisture_pct > 15 || $moisture_pct < 8 || $yield_kg > 2000 || $yield_kg < 100'",
         "batches-3000.csv"),
    ]:
        cap(f"mlr-xtab-{tag}", f"mlr --icsv --oxtab {verb} {f}", root, n_mlr_xtab, timeout=600)


def sqlite_utils(tmp: Path) -> None:
    root = material(tmp)
    for tag, sql in [
        ("kilns", "select kiln, grain, count(*) as n, round(avg(yield_kg), 1) as mean_yield from batches "
                  "group by kiln, grain order by kiln, grain"),
        ("steeps-mills", "select steep, mill, sieve, count(*) as n, round(avg(moisture_pct), 2) as moisture, "
                         "max(steep_hours) as longest from batches group by steep, mill, sieve"),
        ("inspector-days", "select inspector, substr(date, 1, 7) as month, count(*) as n, "
                           "round(sum(yield_kg), 1) as kg from batches group by inspector, month"),
        ("changed", "select a.batch_id, a.kiln, b.kiln as kiln_v2, a.yield_kg, b.yield_kg as yield_v2, "
                    "a.dextrin_grade, b.dextrin_grade as grade_v2 from batches a join batches_v2 b using (batch_id) "
                    "where a.kiln != b.kiln or a.yield_kg != b.yield_kg or a.dextrin_grade != b.dextrin_grade"),
    ]:
        cap(f"sqlite-utils-query-{tag}", f'sqlite-utils query starch.db "{sql}"', root, n_sqlite_utils_query,
            timeout=600)


def duckdb(tmp: Path) -> None:
    root = material(tmp)
    for tag, sql in [
        ("sample", "select * from read_csv('batches-3000.csv', all_varchar=true) using sample 300 rows (reservoir, 7)"),
        ("by-day", "select date, kiln, count(*) as n, round(avg(try_cast(yield_kg as double)), 1) as kg "
                   "from read_csv('batches-1500.csv', all_varchar=true) group by all order by date, kiln"),
        ("bad-cells", "select batch_id, date, kiln, grain, moisture_pct, yield_kg from read_csv('batches-3000.csv', "
                      "all_varchar=true) where try_cast(moisture_pct as double) is null "
                      "or try_cast(moisture_pct as double) not between 8 and 15 or try_cast(yield_kg as double) "
                      "not between 100 and 2000 or kiln not like 'kiln-%th' and kiln != 'kiln-east' "
                      "or try_cast(date as date) is null"),
        ("grain-sieve", "select grain, sieve, steep, mill, count(*) as n, min(steep_hours) as lo, max(steep_hours) as hi "
                        "from read_csv('batches-3000.csv', all_varchar=true) group by all order by all"),
    ]:
        cap(f"duckdb-json-{tag}", f'duckdb -json -c "{sql}"', root, n_duckdb_json, timeout=600)
    for tag, sql in [
        ("summary-kiln", "select kiln, count(*) as batches, round(avg(try_cast(moisture_pct as double)), 2) as moisture, "
                         "min(try_cast(yield_kg as double)) as min_kg, max(try_cast(yield_kg as double)) as max_kg, "
                         "count(*) filter (where try_cast(moisture_pct as double) is null) as bad_moisture "
                         "from read_csv('batches-3000.csv', all_varchar=true) group by kiln order by kiln"),
        ("outliers", "select * from read_csv('batches-3000.csv', all_varchar=true) "
                     "where try_cast(yield_kg as double) not between 100 and 2000 "
                     "or try_cast(steep_hours as double) > 72 or grain not in ('wheat', 'potato', 'maize')"),
        ("steep-month", "select steep, kiln, substr(date, 1, 7) as month, count(*) as n, "
                        "round(avg(try_cast(steep_hours as double)), 1) as hours "
                        "from read_csv('batches-3000.csv', all_varchar=true) group by all order by all"),
    ]:
        cap(f"duckdb-line-{tag}", f'duckdb -line -c "{sql}"', root, n_duckdb_line, timeout=600)


def main() -> None:
    cm.capture_round(__doc__, ensure_tools, lambda: [csvstat, diffs, frictionless, miller, sqlite_utils, duckdb],
                     ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 10_000, 60_000))
    out = Path(sys.argv[sys.argv.index("--out") + 1]) if "--out" in sys.argv else DEFAULT_OUT
    drop_and_check(out)


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide759", sys.modules["__main__"])
    main()
