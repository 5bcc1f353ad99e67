#!/usr/bin/env python3
"""Round 502: data tooling outputs new to the corpus (pandas merges with validate=, assert_frame_equal failures,
DataFrame.compare, memory_usage(deep=True), query/eval errors; scikit-learn's show_versions and permutation
importances; pyarrow CSV parse and Parquet schema errors; sqlite3 .import of ragged CSVs and .timer runs; jq over
broken NDJSON) on a fish market's auction (seed 50210) with faults put in. See NEEDLES.md, round 502.

Usage:   .venv/bin/python scripts/corpus/capture_wide502.py
Writes:  scripts/corpus/data/wide502.json, ids prefixed "wide502-".
Tools:   pandas, scikit-learn, pyarrow in /dev/shm/hm-corpus-wide502/venv (made once); Debian's sqlite3 and jq.
"""
from __future__ import annotations

import json
import random
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402
from capture_data import any_of, python_exceptions  # noqa: E402

TMP = Path("/dev/shm/hm-corpus-wide502-run")
VENV = Path("/dev/shm/hm-corpus-wide502/venv")
PY = f"{VENV}/bin/python"
OUT = HERE / "data" / "wide502.json"
SEED = 50210
S = cm.Sized(400, 120_000)
kind = cm.kind

# ================================================================== extractors (fixed before capture)


@kind("pandas-merge-validate-error", "test")
def n_merge(lines):
    """python_exceptions, every MergeError line, the script's rows: lines"""
    out = python_exceptions(lines)
    out += [ln for ln in lines if "MergeError" in ln or ln.startswith("rows:")]
    return out


@kind("pandas-assert-frame-equal", "test")
def n_assert(lines):
    """FAIL CHECK lines, AssertionError / are different lines and the first [left]: and [right]: after each, the N passed, N failed line"""
    out = []
    for i, ln in enumerate(lines):
        if ln.startswith("CHECK") and "FAIL" in ln:
            out.append(ln)
        elif ln.startswith("AssertionError") or "are different" in ln:
            out.append(ln)
            for tag in ("[left]:", "[right]:"):
                for k in range(i + 1, len(lines)):
                    if lines[k].startswith("CHECK"):
                        break
                    if lines[k].lstrip().startswith(tag):
                        out.append(lines[k])
                        break
        elif re.search(r"\b\d+ passed, \d+ failed", ln):
            out.append(ln)
    return out


@kind("pandas-compare", "table")
def n_compare(lines):
    """the column-names and self/other header lines, every row line whose index is a lot id, the differences: line"""
    out = []
    for i, ln in enumerate(lines):
        if re.search(r"\bself\b", ln) and re.search(r"\bother\b", ln):
            out.append(ln)
            if i:
                out.append(lines[i - 1])
        elif re.match(r"^L\d+\b", ln) or ln.startswith("differences:"):
            out.append(ln)
    return out


@kind("pandas-memory-usage-deep", "table")
def n_memory(lines):
    """per series: rows of the min and max byte count (first of ties), the dtype: line; the total bytes: line"""
    out, rows = [], []
    for ln in lines:
        m = re.match(r"^(\S+)\s+(\d+)$", ln)
        if m:
            rows.append((int(m.group(2)), ln))
        elif ln.startswith("dtype:"):
            out.append(ln)
            if rows:
                out.append(min(rows, key=lambda r: r[0])[1])
                out.append(max(rows, key=lambda r: r[0])[1])
            rows = []
        elif ln.startswith("total bytes:"):
            out.append(ln)
    return out


@kind("pandas-query-error", "test")
def n_query(lines):
    """python_exceptions, QUERY lines followed within six lines by a traceback or ERROR line, every ERROR line"""
    out = python_exceptions(lines)
    for i, ln in enumerate(lines):
        if ln.startswith("QUERY") and any(lines[k].startswith(("Traceback", "ERROR"))
                                          for k in range(i + 1, min(len(lines), i + 7))):
            out.append(ln)
        if ln.startswith("ERROR"):
            out.append(ln)
    return out


VERSION_KEYS = ("python", "executable", "sklearn", "numpy", "scipy", "pandas", "pip", "joblib", "threadpoolctl")


@kind("sklearn-show-versions", "doc")
def n_show_versions(lines):
    """the python/executable/sklearn/numpy/scipy/pandas/pip/joblib/threadpoolctl lines, every internal_api: and num_threads: line"""
    out = []
    for ln in lines:
        m = re.match(r"^\s*([\w-]+):", ln)
        if m and (m.group(1) in VERSION_KEYS or m.group(1) in ("internal_api", "num_threads")):
            out.append(ln)
    return out


@kind("sklearn-permutation-importance", "table")
def n_perm(lines):
    """rule 4 on the importance table (header, min/max rows per numeric column), one any per (warning category, message shape), R2/score lines"""
    out, rows, header = [], [], None
    warns: dict = {}
    for ln in lines:
        if re.match(r"^\s*feature\s+mean\s+std", ln):
            header = ln
            out.append(ln)
            continue
        m = re.match(r"^\s*(\S+)\s+(-?\d+\.\d+)\s+(-?\d+\.\d+)\s*$", ln)
        if header and m:
            rows.append((float(m.group(2)), float(m.group(3)), ln))
            continue
        w = re.search(r"\b(\w+Warning): (.*)$", ln)
        if w:
            warns.setdefault((w.group(1), cm.mask(w.group(2))), []).append(ln)
        if re.search(r"\bR2\b|\bscore\b", ln):
            out.append(ln)
    for col in (0, 1):
        if rows:
            out.append(min(rows, key=lambda r: r[col])[2])
            out.append(max(rows, key=lambda r: r[col])[2])
    return out + [any_of(g) for g in warns.values()]


@kind("pyarrow-csv-parse-error", "test")
def n_pa_csv(lines):
    """python_exceptions, ArrowInvalid / CSV parse error / ArrowTypeError lines, one any of SKIP lines per (expected, actual), read: lines"""
    out = python_exceptions(lines)
    skips: dict = {}
    for ln in lines:
        if "ArrowInvalid" in ln or "CSV parse error" in ln or "ArrowTypeError" in ln or re.match(r"^read \S+: \d+ rows", ln):
            out.append(ln)
        m = re.match(r"^SKIP expected=(\d+) actual=(\d+)", ln)
        if m:
            skips.setdefault(m.groups(), []).append(ln)
    return out + [any_of(g) for g in skips.values()]


@kind("pyarrow-dataset-schema-error", "test")
def n_pa_schema(lines):
    """python_exceptions, Arrow..Error/Invalid and Unable to merge lines, schema field lines whose name has two types across files"""
    out = python_exceptions(lines)
    fields: dict = {}
    in_schema = False
    for ln in lines:
        if ln.startswith("schema "):
            in_schema = True
            continue
        if not ln.strip():
            in_schema = False
            continue
        m = re.match(r"^(\w+): (.+)$", ln)
        if in_schema and m:
            fields.setdefault(m.group(1), {}).setdefault(m.group(2), ln)
        if re.search(r"Arrow\w*(Error|Invalid)", ln) or "Unable to merge" in ln:
            out.append(ln)
    for types in fields.values():
        if len(types) > 1:
            out += list(types.values())
    return out


@kind("sqlite-import-csv", "log")
def n_sqlite_import(lines):
    """lines with expected + columns, Error: / Parse error / Runtime error lines, the count|... rows"""
    return [ln for ln in lines if ("expected" in ln and "columns" in ln) or "Error:" in ln or "Parse error" in ln
            or "Runtime error" in ln or ln.startswith("count|")]


@kind("sqlite-timer", "log")
def n_sqlite_timer(lines):
    """Parse error / Runtime error / Error: lines, the Run Time: lines of the largest and smallest real (first of ties)"""
    out = [ln for ln in lines if "Parse error" in ln or "Runtime error" in ln or "Error:" in ln]
    runs = [(float(m.group(1)), ln) for ln in lines if (m := re.match(r"^Run Time: real (\d+\.\d+)", ln))]
    if runs:
        out.append(max(runs, key=lambda r: r[0])[1])
        out.append(min(runs, key=lambda r: r[0])[1])
    return out


@kind("jq-input-errors", "json")
def n_jq(lines):
    """jq: error lines, parse error lines, the first and last output lines"""
    out = [ln for ln in lines if ln.startswith("jq: error") or "parse error" in ln]
    body = [ln for ln in lines if ln.strip()]
    if body:
        out += [body[0], body[-1]]
    return out


# ================================================================== material: a fish market's auction

SPECIES = ["cod", "haddock", "plaice", "sole", "turbot", "hake", "monkfish", "mackerel", "herring", "pollock",
           "whiting", "brill", "skate", "ling", "john dory", "sea bass"]
AUCTIONEERS = ["Marsh", "Okafor", "Lindqvist", "Duarte", "Pellegrini", "Tanaka", "Byrne", "Haugen"]
BOATS = ["Morning Star", "Girl Pat", "Ocean Harvest", "Kittiwake", "Provider", "Silver Dawn", "Sea Wolf", "Fair Isle"]
GRADES = ["A", "A", "A", "B", "B", "E"]


def lots(rng: random.Random, n: int, start: int = 1) -> list[dict]:
    out = []
    for i in range(start, start + n):
        sp = rng.choice(SPECIES)
        crates = rng.randint(1, 40)
        w = round(crates * rng.uniform(8.0, 24.0), 1)
        out.append({"lot_id": f"L{i:05d}", "species": sp, "boat": rng.choice(BOATS), "crates": crates,
                    "weight_kg": w, "grade": rng.choice(GRADES), "auctioneer": rng.choice(AUCTIONEERS),
                    "price_eur": round(w * rng.uniform(1.5, 22.0), 2),
                    "sold_at": f"2026-03-{rng.randint(2, 27):02d}T0{rng.randint(4, 9)}:{rng.randint(0, 59):02d}:00"})
    return out


COLS = list(lots(random.Random(0), 1)[0])


def write_csv(path: Path, rows: list[dict], rng: random.Random | None = None, ragged: int = 0,
              mistyped: int = 0) -> None:
    lines = [",".join(COLS)]
    for r in rows:
        vals = [str(r[c]) for c in COLS]
        vals = [f'"{v}"' if " " in v else v for v in vals]
        lines.append(",".join(vals))
    if rng:
        for _ in range(ragged):
            k = rng.randrange(1, len(lines))
            cut = rng.choice([-3, -2, -1, 1, 2])
            f = lines[k].split(",")
            lines[k] = ",".join(f[:cut] if cut < 0 else f + ["x"] * cut)
        for _ in range(mistyped):
            k = rng.randrange(1, len(lines))
            f = lines[k].split(",")
            if len(f) == len(COLS):
                f[3] = rng.choice(["n/a", "twelve", "?", "3.5"])
                lines[k] = ",".join(f)
    path.write_text("\n".join(lines) + "\n")


def sh(cmd: str, cwd: Path, timeout: int = 300) -> str:
    return cm.run(cmd, cwd=cwd, timeout=timeout)


PANDAS_HEAD = """
import sys, json, traceback, warnings
import pandas as pd, numpy as np
pd.set_option("display.width", 160); pd.set_option("display.max_columns", 20); pd.set_option("display.max_rows", 2000)
"""

MERGE_PY = PANDAS_HEAD + """
lots = pd.read_csv(sys.argv[1]); crates = pd.read_csv(sys.argv[2]); mode = sys.argv[3]; k = int(sys.argv[4])
print(f"rows: lots={len(lots)} crates={len(crates)}")
print(lots.head(k).to_string()); print(); print(crates.head(k).to_string()); print()
print(crates["lot_id"].value_counts().head(k // 2 + 3))
if mode == "dtype":
    crates["lot_id"] = crates["lot_id"].str[1:].astype(int)
    m = lots.merge(crates, on="lot_id", how="left")
elif mode == "many_to_one":
    m = crates.merge(lots.drop_duplicates("lot_id", keep=False).pipe(lambda d: pd.concat([d, d.head(3)])), on="lot_id", validate="many_to_one")
else:
    m = lots.merge(crates, on="lot_id", validate="one_to_one")
print(f"rows: merged={len(m)}")
"""

ASSERT_PY = PANDAS_HEAD + """
from pandas.testing import assert_frame_equal, assert_series_equal
lots = pd.read_csv(sys.argv[1]).set_index("lot_id"); rng = np.random.default_rng(int(sys.argv[2])); n_checks = int(sys.argv[3])
passed = failed = 0
for c in range(n_checks):
    name = f"day{c:02d}_" + ["prices", "crates", "grades", "dtypes", "index", "weights"][c % 6]
    exp = lots.sample(frac=0.5, random_state=c).sort_index()
    got = exp.copy()
    fault = c % 6
    if c % 4 == 3:
        pass
    elif fault == 0:
        ix = rng.choice(len(got), size=max(1, len(got) // 40), replace=False); got.iloc[ix, got.columns.get_loc("price_eur")] += 0.5
    elif fault == 1:
        got["crates"] = got["crates"].astype("float64")
    elif fault == 2:
        ix = rng.choice(len(got), size=3, replace=False); got.iloc[ix, got.columns.get_loc("grade")] = "X"
    elif fault == 3:
        got = got.rename(columns={"weight_kg": "weight"})
    elif fault == 4:
        got = got.drop(got.index[:2])
    else:
        ix = rng.choice(len(got), size=2, replace=False); got.iloc[ix, got.columns.get_loc("weight_kg")] *= 1.001
    try:
        if fault == 5:
            assert_series_equal(exp["weight_kg"], got["weight_kg"], rtol=1e-6)
        else:
            assert_frame_equal(exp, got)
        print(f"CHECK {name} ok ({len(exp)} rows)"); passed += 1
    except AssertionError as e:
        print(f"CHECK {name} FAIL"); print(f"AssertionError: {e}"); print(); failed += 1
print(f"{passed} passed, {failed} failed")
"""

COMPARE_PY = PANDAS_HEAD + """
lots = pd.read_csv(sys.argv[1]).set_index("lot_id"); rng = np.random.default_rng(int(sys.argv[2])); nd = int(sys.argv[3])
rec = lots.copy()
for _ in range(nd):
    i = rng.integers(len(rec)); col = rng.choice(["price_eur", "crates", "grade", "auctioneer", "weight_kg"])
    v = rec.iloc[i][col]
    rec.iloc[i, rec.columns.get_loc(col)] = {"price_eur": round(float(v) * 0.9, 2) if col == "price_eur" else v}.get(col, v) if col == "price_eur" else (v + 1 if col == "crates" else ("E" if col == "grade" else (v * 1.1 if col == "weight_kg" else "Haugen")))
d = lots.compare(rec)
print(d.to_string())
print(f"differences: {len(d)} lots, {int(d.notna().sum().sum() // 2)} values")
"""

MEMORY_PY = PANDAS_HEAD + """
lots = pd.read_csv(sys.argv[1]); width = int(sys.argv[2]); total = 0
frames = {"lots": lots, "lots_cat": lots.astype({"species": "category", "boat": "category", "auctioneer": "category", "grade": "category"})}
wide = lots.pivot_table(index="sold_at", columns=["species", "auctioneer"], values="price_eur", aggfunc="sum")
wide.columns = [f"{a}_{b}".replace(" ", "_") for a, b in wide.columns]
frames["by_species_auctioneer"] = wide.iloc[:, :width]
frames["bids_text"] = pd.DataFrame({f"note_{i}": lots["species"] + " crate " + lots["crates"].astype(str) * (i % 7 + 1) for i in range(width // 2)})
for name, f in frames.items():
    print(f"== {name}: {f.shape[0]} rows x {f.shape[1]} columns")
    mu = f.memory_usage(deep=True); total += int(mu.sum())
    print(mu); print()
print(f"total bytes: {total:,}")
"""

QUERY_PY = PANDAS_HEAD + """
lots = pd.read_csv(sys.argv[1]); k = int(sys.argv[2])
exprs = ["species == 'cod' and crates > 30", "price_eur / weight_kg > 20", "auctioner == 'Marsh'",
         "grade in ['E'] and boat == 'Sea Wolf'", "crates > '10'", "sold_at.str.startswith('2026-03-1')",
         "price_eur > @floor", "weight_kg.mean() > 100", "`sold at` > '2026-03-20'", "species == cod",
         "crates.between(38, 40)", "lot_id.str[1:].astype('int') % 97 == 0", "boat = 'Provider'"]
floor_missing = True
for e in exprs:
    print(f"QUERY {e}")
    try:
        r = lots.query(e)
        print(r.head(k).to_string()); print(f"-> {len(r)} rows")
    except Exception as ex:
        traceback.print_exc(file=sys.stdout)
        print(f"ERROR {type(ex).__name__}: {str(ex).splitlines()[0] if str(ex) else ''}")
    print()
for e in ["value = price_eur / crates", "value = price_eur / cratez", "eur_kg = price_eur // weight_kg.astype(str)"]:
    print(f"QUERY eval {e}")
    try:
        r = lots.eval(e); print(r.head(k).to_string())
    except Exception as ex:
        traceback.print_exc(file=sys.stdout)
        print(f"ERROR {type(ex).__name__}: {str(ex).splitlines()[0] if str(ex) else ''}")
    print()
"""

PERM_PY = PANDAS_HEAD + """
from sklearn.ensemble import RandomForestRegressor
from sklearn.linear_model import Lasso
from sklearn.inspection import permutation_importance
from sklearn.model_selection import train_test_split
lots = pd.read_csv(sys.argv[1]); n_noise = int(sys.argv[2]); rng = np.random.default_rng(int(sys.argv[3]))
X = pd.get_dummies(lots[["crates", "weight_kg", "species", "grade", "auctioneer", "boat"]], dtype=float)
X["market_fee"] = 1.0
X["price_per_kg_leak"] = lots["price_eur"] / lots["weight_kg"]
for i in range(n_noise):
    X[f"noise_{i:02d}"] = rng.normal(size=len(X))
y = lots[["price_eur"]]
Xtr, Xte, ytr, yte = train_test_split(X, y, random_state=0)
for model in (Lasso(alpha=0.0005, max_iter=30), RandomForestRegressor(n_estimators=25, random_state=0, n_jobs=1)):
    model.fit(Xtr, ytr)
    print(f"{type(model).__name__}: R2 train={model.score(Xtr, ytr):.4f} test={model.score(Xte, yte):.4f}")
    r = permutation_importance(model, Xte, yte, n_repeats=5, random_state=0, n_jobs=1)
    print(f"{'feature':32} {'mean':>10} {'std':>10}")
    for name, m, s in sorted(zip(X.columns, r.importances_mean, r.importances_std), key=lambda t: -t[1]):
        print(f"{name:32} {m:10.5f} {s:10.5f}")
    print()
"""

PA_CSV_PY = """
import sys, traceback
import pyarrow as pa, pyarrow.csv as pc
def handler(row):
    print(f"SKIP expected={row.expected_columns} actual={row.actual_columns} line={row.number}: {row.text[:80]}")
    return "skip"
files = sys.argv[1:]
for i, f in enumerate(files):
    opts = pc.ParseOptions(invalid_row_handler=handler) if i % 2 == 0 else pc.ParseOptions()
    conv = pc.ConvertOptions(column_types={"crates": pa.int32(), "price_eur": pa.float64()})
    try:
        t = pc.read_csv(f, parse_options=opts, convert_options=conv, read_options=pc.ReadOptions(block_size=1 << 14))
        print(f"read {f}: {t.num_rows} rows"); print(t.schema); print()
    except Exception:
        traceback.print_exc(file=sys.stdout); print()
"""

PA_SCHEMA_PY = """
import sys, traceback, random
import pyarrow as pa, pyarrow.parquet as pq, pyarrow.dataset as ds, pyarrow.csv as pc
src, out, days = sys.argv[1], sys.argv[2], int(sys.argv[3])
t = pc.read_csv(src); rng = random.Random(int(sys.argv[4]))
files = []
for d in range(days):
    part = t.slice(d * (t.num_rows // days), t.num_rows // days)
    fault = d % 4
    if fault == 1:
        part = part.set_column(part.schema.get_field_index("crates"), "crates", part.column("crates").cast(pa.string()))
    elif fault == 2:
        part = part.set_column(part.schema.get_field_index("price_eur"), "price_eur", pa.compute.round(part.column("price_eur")).cast(pa.int64()))
    elif fault == 3:
        part = part.append_column("vat_code", pa.array([rng.choice(["STD", "ZERO"]) for _ in range(part.num_rows)]))
    f = f"{out}/day={d:02d}/part-0.parquet"; __import__("os").makedirs(f.rsplit("/", 1)[0], exist_ok=True)
    pq.write_table(part, f); files.append(f)
for f in files:
    print(f"schema {f}:"); print(pq.read_schema(f).remove_metadata()); print()
for label, fn in [("unify_schemas", lambda: pa.unify_schemas([pq.read_schema(f) for f in files])),
                  ("dataset to_table", lambda: ds.dataset(out, format="parquet", partitioning="hive").to_table()),
                  ("read_table", lambda: pq.read_table(out)),
                  ("concat_tables", lambda: pa.concat_tables([pq.read_table(f) for f in files]))]:
    print(f"== {label}")
    try:
        r = fn(); print(getattr(r, "num_rows", r))
    except Exception:
        traceback.print_exc(file=sys.stdout)
    print()
"""


def step_pandas(tmp: Path) -> None:
    rng = random.Random(SEED)
    d = tmp / "pd"
    d.mkdir()
    cm.write_tree(d, {"merge.py": MERGE_PY, "asserts.py": ASSERT_PY, "compare.py": COMPARE_PY,
                      "memory.py": MEMORY_PY, "query.py": QUERY_PY})
    for n in (120, 900, 3000):
        rows = lots(rng, n)
        write_csv(d / f"lots{n}.csv", rows)
        cr = [{"lot_id": r["lot_id"], "crate": j, "tag": f"C{rng.randint(10000, 99999)}"} for r in rows
              for j in range(1 if rng.random() < 0.97 else 2)]
        (d / f"crates{n}.csv").write_text("lot_id,crate,tag\n" + "".join(f"{c['lot_id']},{c['crate']},{c['tag']}\n" for c in cr))
    S.cap("merge-one-to-one", f"{PY} merge.py lots120.csv crates120.csv one_to_one 8", d, n_merge,
          typed="python merge.py lots120.csv crates120.csv one_to_one 8")
    S.cap("merge-many-to-one", f"{PY} merge.py lots900.csv crates900.csv many_to_one 60", d, n_merge,
          typed="python merge.py lots900.csv crates900.csv many_to_one 60")
    S.cap("merge-dtype", f"{PY} merge.py lots3000.csv crates3000.csv dtype 300", d, n_merge,
          typed="python merge.py lots3000.csv crates3000.csv dtype 300")
    for n, c in ((120, 7), (900, 14), (3000, 30)):
        S.cap(f"assert-{n}", f"{PY} asserts.py lots{n}.csv {SEED} {c}", d, n_assert, typed=f"python asserts.py lots{n}.csv {SEED} {c}")
    for n, nd in ((120, 12), (900, 60), (3000, 400)):
        S.cap(f"compare-{n}", f"{PY} compare.py lots{n}.csv {SEED} {nd}", d, n_compare, typed=f"python compare.py lots{n}.csv {SEED} {nd}")
    for n, w in ((120, 10), (900, 60), (3000, 400)):
        S.cap(f"memory-{n}", f"{PY} memory.py lots{n}.csv {w}", d, n_memory, typed=f"python memory.py lots{n}.csv {w}")
    for n, k in ((120, 3), (900, 12), (3000, 40)):
        S.cap(f"query-{n}", f"{PY} query.py lots{n}.csv {k}", d, n_query, typed=f"python query.py lots{n}.csv {k}")
    S.cap("query-3000-long", f"{PY} query.py lots3000.csv 90", d, n_query, typed="python query.py lots3000.csv 90")


def step_sklearn(tmp: Path) -> None:
    rng = random.Random(SEED + 1)
    d = tmp / "sk"
    d.mkdir()
    cm.write_tree(d, {"perm.py": PERM_PY})
    S.cap("show-versions", f"{PY} -c 'import sklearn; sklearn.show_versions()'", d, n_show_versions,
          typed="python -c 'import sklearn; sklearn.show_versions()'")
    S.cap("show-versions-omp1", f"OMP_NUM_THREADS=1 {PY} -c 'import sklearn; sklearn.show_versions()'", d, n_show_versions,
          typed="OMP_NUM_THREADS=1 python -c 'import sklearn; sklearn.show_versions()'")
    for n, noise in ((300, 2), (1200, 20), (2500, 120)):
        write_csv(d / f"lots{n}.csv", lots(rng, n))
        S.cap(f"perm-{n}", f"{PY} perm.py lots{n}.csv {noise} {SEED}", d, n_perm, timeout=600,
              typed=f"python perm.py lots{n}.csv {noise} {SEED}")


def step_pyarrow(tmp: Path) -> None:
    rng = random.Random(SEED + 2)
    d = tmp / "pa"
    d.mkdir()
    cm.write_tree(d, {"read_csvs.py": PA_CSV_PY, "days.py": PA_SCHEMA_PY})
    for n, files in ((1, 2), (2, 4), (3, 8)):
        names = []
        for f in range(files):
            name = f"auction{n}_{f}.csv"
            write_csv(d / name, lots(rng, 200 * n * (f + 1)), rng, ragged=2 * n * (f + 1), mistyped=f % 3)
            names.append(name)
        S.cap(f"csv-{n}", f"{PY} read_csvs.py {' '.join(names)}", d, n_pa_csv, typed=f"python read_csvs.py {' '.join(names)}")
    for n, days in ((1, 4), (2, 8), (3, 24)):
        write_csv(d / f"all{n}.csv", lots(rng, 100 * days))
        S.cap(f"schema-{n}", f"{PY} days.py all{n}.csv days{n} {days} {SEED}", d, n_pa_schema,
              typed=f"python days.py all{n}.csv days{n} {days} {SEED}")


SQL_TIMER = """
CREATE TABLE IF NOT EXISTS lots(lot_id TEXT PRIMARY KEY, species TEXT, boat TEXT, crates INTEGER, weight_kg REAL,
  grade TEXT, auctioneer TEXT, price_eur REAL, sold_at TEXT);
.import --csv --skip 1 {csv} lots
SELECT species, count(*), round(sum(price_eur), 2) FROM lots GROUP BY species ORDER BY 3 DESC;
SELECT auctioneer, grade, count(*) FROM lots GROUP BY 1, 2 ORDER BY 1, 2;
SELECT pricee FROM lots LIMIT 3;
SELECT lot_id, price_eur / weight_kg AS eur_kg FROM lots WHERE grade = 'E' ORDER BY eur_kg DESC LIMIT {k};
INSERT INTO lots(lot_id, species) VALUES ('L00001', 'cod');
SELECT abs(-9223372036854775808);
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < {rec}) SELECT count(*), sum(i) FROM n;
SELECT a.lot_id, b.lot_id FROM lots a JOIN lots b ON a.boat = b.boat AND a.species = b.species AND a.lot_id < b.lot_id LIMIT {k};
SELECT boat, strftime('%d', sold_at) AS day, sum(crates) FROM lots GROUP BY 1, 2 ORDER BY 3 DESC LIMIT {k};
SELECT json_extract(boat, '$.name') FROM lots LIMIT 1;
SELECT * FROM bids;
"""


def step_sqlite(tmp: Path) -> None:
    rng = random.Random(SEED + 3)
    d = tmp / "sq"
    d.mkdir()
    for n in (1, 2, 3):
        files = []
        for f in range(n + 1):
            name = f"landing{n}_{f}.csv"
            write_csv(d / name, lots(rng, 150 * n * n * (f + 1), start=1000 * f + 1), rng, ragged=3 * n * n * (f + 1))
            files.append(name)
        cmds = "".join(f"-cmd '.import --csv {f} lots{n}' " for f in files)
        cmds += f"-cmd '.import --csv missing{n}.csv lots{n}' "
        q = f"SELECT 'count', auctioneer, count(*) FROM lots{n} GROUP BY auctioneer;"
        S.cap(f"import-{n}", f"sqlite3 {cmds}market{n}.db \"{q}\"", d, n_sqlite_import)
    for n, k, rec in ((1, 5, 1000), (2, 60, 200000), (3, 400, 2000000), (4, 1500, 500)):
        write_csv(d / f"day{n}.csv", lots(rng, 500 * n * n))
        (d / f"report{n}.sql").write_text(SQL_TIMER.format(csv=f"day{n}.csv", k=k, rec=rec))
        S.cap(f"timer-{n}", f"sqlite3 -cmd '.timer on' timer{n}.db < report{n}.sql", d, n_sqlite_timer)


def step_jq(tmp: Path) -> None:
    rng = random.Random(SEED + 4)
    d = tmp / "jq"
    d.mkdir()
    filters = ['{lot: .lot_id, eur_kg: (.price_eur / .weight_kg)}',
               'select(.grade == "E") | [.lot_id, .auctioneer, (.bids | length)]',
               '.lot_id + " " + .species + " " + (.crates | tostring) + " crates, top bid " + (.bids | max | tostring)']
    for n, size in ((1, 40), (2, 400), (3, 1500), (4, 2600)):
        recs = []
        for r in lots(rng, size):
            r["bids"] = sorted(round(r["price_eur"] * rng.uniform(0.7, 1.0), 2) for _ in range(rng.randint(1, 5)))
            recs.append(r)
        lines = [json.dumps(r) for r in recs]
        for _ in range(n * 3):
            k = rng.randrange(len(lines) // 2)
            r = dict(recs[k])
            bad = rng.choice(["price", "bids", "crates", "null"])
            if bad == "price":
                r["price_eur"] = f"{r['price_eur']:.2f}".replace(".", ",")
            elif bad == "bids":
                r["bids"] = None
            elif bad == "crates":
                r["lot_id"] = None
            else:
                r["weight_kg"] = 0
            lines[k] = json.dumps(r)
        k = len(lines) - max(2, len(lines) // 10)
        lines[k] = lines[k][: len(lines[k]) // 2]
        (d / f"bids{n}.ndjson").write_text("\n".join(lines) + "\n")
        S.cap(f"jq-{n}", f"jq -c '{filters[(n - 1) % 3]}' bids{n}.ndjson", d, n_jq)


def ensure_tools() -> None:
    cm.install_venv(VENV, "pip", ["pandas", "scikit-learn", "pyarrow"])
    for t in ("sqlite3", "jq", PY):
        cm.have(t, t)


if __name__ == "__main__":
    sys.modules.setdefault("capture_wide502", sys.modules["__main__"])
    cm.capture_round(__doc__, ensure_tools, lambda: [step_pandas, step_sklearn, step_pyarrow, step_sqlite, step_jq],
                     "wide502-", OUT, TMP)
