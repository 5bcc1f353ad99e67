"""Round 136's scientific Python material and the extractors of its new kinds (NEEDLES.md, "Round 136"): `fjord`, a
mooring array's data reduction written here with faults put in, widened by seeded generators, run through xarray,
pyarrow, SymPy, scipy, numpy.testing under unittest, IPython and jupyter_client. Run through capture_wide136.py."""

from __future__ import annotations

import json
import re
from pathlib import Path

import capture_more as cm
from capture_data import any_of, rule4
from capture_diagnostics import needles_pytraceback
from capture_more import n_unittest, write_tree
from capture_wide import n_cprofile
from capture_wide136 import VENV, add, cap, exit_lines

PY = f"{VENV}/bin/python"
IPY = f"{VENV}/bin/ipython"

# ------------------------------------------------------------------ the extractors (rule 5 values, NEEDLES.md)

LABEL_RE = re.compile(r"^[A-Za-z_=][^:]{0,150}:$|^[A-Za-z_]\w* = \S")


def _labels(lines: list[str], with_next: bool = False) -> list[str]:
    out = []
    for i, ln in enumerate(lines):
        if LABEL_RE.match(ln):
            out.append(ln)
            if with_next:
                nxt = next((x for x in lines[i + 1:i + 8] if x.strip()), None)
                if nxt is not None and not LABEL_RE.match(nxt):
                    out.append(nxt)
    return out


WARN_LINE = re.compile(r"^(\S+?):\d+: (\w*Warning): (.*)$")


def warn_groups(lines: list[str]) -> list:
    """Rule 1's warnings: one {any} per (category and message shape, file)."""
    pairs = []
    for ln in lines:
        m = WARN_LINE.match(ln)
        if m:
            pairs.append(((m.group(1), m.group(2), cm.mask(m.group(3))), ln))
    return cm.groups(pairs)


def tb_needles(lines: list[str]) -> list:
    """Rule 1 on Python tracebacks: the earlier rounds' reading, plus, for each `Traceback (most recent call last):`
    block, the first unindented line after it (the exception line, whatever its class is called: pyarrow's
    `ArrowInvalid`) and the innermost `File` line above it."""
    out = needles_pytraceback(lines)
    for i, ln in enumerate(lines):
        if ln.strip() == "Traceback (most recent call last):":
            k = i + 1
            while k < len(lines) and (lines[k].startswith(" ") or not lines[k].strip()):
                k += 1
            if k < len(lines):
                out.append(lines[k])
                frame = next((x for x in reversed(lines[i + 1:k]) if x.lstrip().startswith('File "')), None)
                if frame:
                    out.append(frame)
    return out


def _rare_dims(decls: list[tuple[str, str]]) -> list:
    """Rule 4 on (line, dims) declarations: rare dimension tuples under a dominant one (else every line), and the
    first and last declaration."""
    if not decls:
        return []
    out = rule4([(ln, {"dims": d}) for ln, d in decls], cat=["dims"])
    from collections import Counter
    if Counter(d for _, d in decls).most_common(1)[0][1] * 2 < len(decls):
        out += [ln for ln, _ in decls]
    return out + [decls[0][0], decls[-1][0]]


def n_xr_repr(lines):
    """Rule 5 (xarray Dataset repr): the Dimensions line, every coordinate line, data-variable lines with a rare dimension tuple (rule 4; every one when no tuple dominates), the first and last data variable, every attribute line; EXIT=N."""
    out, sec, decls = [], "", []
    for ln in lines:
        s = ln.strip()
        if s.startswith("Dimensions:"):
            out.append(ln)
            continue
        if re.match(r"^(Coordinates|Data variables|Attributes|Indexes|Dimensions without coordinates):", s):
            sec = s.split(":")[0]
            continue
        if not s or s.startswith("<xarray"):
            continue
        if sec == "Coordinates" and re.match(r"^\s+\*?\s*\S+\s+\(", ln):
            out.append(ln)
        elif sec == "Data variables":
            m = re.match(r"^\s+(\S+)\s+\(([^)]*)\)", ln)
            if m:
                decls.append((ln, m.group(2)))
        elif sec == "Attributes" and re.match(r"^\s+\S+:", ln):
            out.append(ln)
    return out + _rare_dims(decls) + exit_lines(lines)


def n_xr_info(lines):
    """Rule 5 (xarray Dataset.info()): every dimension line (`name = size ;`), variable declarations with a rare dimension tuple (rule 4; every one when no tuple dominates), the first and last declaration, every global attribute line; EXIT=N."""
    out, sec, decls = [], "", []
    for ln in lines:
        s = ln.strip()
        if s in ("dimensions:", "variables:", "// global attributes:"):
            sec = s
            continue
        if sec == "dimensions:" and re.match(r"^\w+ = \d+ ;$", s):
            out.append(ln)
        elif sec == "variables:":
            m = re.match(r"^\S+ \S+\(([^)]*)\) ;$", s)
            if m:
                decls.append((ln, m.group(1)))
        elif sec == "// global attributes:" and s.startswith(":"):
            out.append(ln)
    return out + _rare_dims(decls) + exit_lines(lines)


NAMING_RE = re.compile(r"^(column|variable|station|mooring) \S")


def n_sci_traceback(lines):
    """Rule 1: the exception line closing each traceback (chained ones too) with its innermost File line, every line the script printed naming the offending column or variable; EXIT=N."""
    return tb_needles(lines) + [ln for ln in lines if NAMING_RE.match(ln)] + warn_groups(lines) + exit_lines(lines)


def n_pa_table(lines):
    """Rule 5 (pyarrow Table repr): the `pyarrow.Table` line, every schema field line and metadata line, every column line of the data part."""
    out, data, meta = [], False, False
    for ln in lines:
        if ln.strip() == "pyarrow.Table":
            out.append(ln)
            data = meta = False
        elif ln.strip() == "----":
            data = True
        elif ln.startswith("-- ") and ln.endswith(" --"):
            out.append(ln)
            meta = True
        elif data and re.match(r"^[^\s:][^:]*: \[", ln):
            out.append(ln)
        elif not data and (re.match(r"^[^\s:][^:]*: \S", ln) or (meta and ln.strip())):
            out.append(ln)
    return out + exit_lines(lines)


def n_pq_meta(lines):
    """Rule 5 (Parquet metadata dump): the file's created_by/num_columns/num_rows/num_row_groups/format_version lines, every row group's num_rows and total_byte_size, every non-zero null_count, every statistics min/max line, compression lines with a rare codec (rule 4)."""
    out, block, comp = [], "", []
    for ln in lines:
        s = ln.strip()
        m = re.match(r"^<pyarrow\._parquet\.(\w+) object", s)
        if m:
            block = m.group(1)
            continue
        key = s.split(":")[0]
        if block == "FileMetaData" and key in ("created_by", "num_columns", "num_rows", "num_row_groups", "format_version"):
            out.append(ln)
        elif block == "RowGroupMetaData" and key in ("num_rows", "total_byte_size"):
            out.append(ln)
        elif key == "null_count" and s != "null_count: 0":
            out.append(ln)
        elif block == "Statistics" and key in ("min", "max"):
            out.append(ln)
        elif key == "compression":
            comp.append((ln, {"codec": s}))
    return out + rule4(comp, cat=["codec"]) + exit_lines(lines)


def n_sympy(lines):
    """Rule 5 (SymPy results): every label line the script printed (ending in ':' or `name = ...`), the first line after each label, every error line (rule 1); EXIT=N."""
    return _labels(lines, with_next=True) + tb_needles(lines) + warn_groups(lines) + exit_lines(lines)


def n_ipy_tb(lines):
    """Rule 1 (IPython traceback): the exception line ending each traceback, every frame header naming a project file (`File /path:N, in fn(...)`, `Cell In[N], line M`), the `---->` arrow line of the innermost frame; EXIT=N."""
    out, last_arrow = [], None
    for ln in lines:
        if re.match(r"^(File /\S+:\d+|Cell In\[\d+\], line \d+)", ln) and "site-packages" not in ln:
            out.append(ln)
        elif re.match(r"^-*> ?\d+", ln.strip()) or ln.lstrip().startswith("--->"):
            last_arrow = ln
        elif re.match(r"^[A-Za-z_][\w.]*(Error|Exception|Interrupt)\b: ", ln) or re.match(r"^[A-Za-z_][\w.]*(Error|Exception)$", ln):
            out.append(ln)
            if last_arrow:
                out.append(last_arrow)
            last_arrow = None
    return out + warn_groups(lines) + exit_lines(lines)


def n_timeit(lines):
    """Rule 5 (%timeit): every result line (`... per loop (mean ± std. dev. ...)`), every 'The slowest run took' warning, each label the script printed; EXIT=N."""
    res = [ln for ln in lines if " per loop (" in ln or "The slowest run took" in ln]
    return _labels(lines) + res + tb_needles(lines) + warn_groups(lines) + exit_lines(lines)


def n_prun(lines):
    """Rules 3+4 (%prun, as cprofile): the 'N function calls' summary, the column header, rows with the min and max of ncalls/tottime/cumtime; EXIT=N."""
    return n_cprofile(lines) + warn_groups(lines) + exit_lines(lines)


def n_kernelspec(lines):
    """Rule 5 (jupyter kernelspec list): the 'Available kernels:' header and every kernel line; with --json, every kernel name key line and its display_name line; EXIT=N."""
    out = []
    if any(ln.strip() == "Available kernels:" for ln in lines):
        i = next(i for i, ln in enumerate(lines) if ln.strip() == "Available kernels:")
        out.append(lines[i])
        out += [ln for ln in lines[i + 1:] if re.match(r"^\s+\S+\s+/\S", ln)]
    out += [ln for ln in lines if re.match(r'^    "[^"]+": \{$', ln) or '"display_name":' in ln]
    return out + exit_lines(lines)


def n_lsq(lines):
    """Rule 5 (least_squares verbose=2): the iteration header, the first and last rows, the rows with the min and max step norm, the termination line and the 'Function evaluations' line; every label; EXIT=N."""
    out: list = []
    blocks: list = []
    for ln in lines:
        if re.match(r"^\s*Iteration\s+Total nfev\s+Cost", ln):
            out.append(ln)
            blocks.append([])
        elif blocks and re.match(r"^\s+\d+\s+\d+\s+[\d.e+-]+", ln):
            blocks[-1].append(ln)
        elif "termination condition is satisfied" in ln or "maximum number of function evaluations" in ln \
                or ln.startswith("Function evaluations "):
            out.append(ln)
    for rows in blocks:
        if not rows:
            continue
        out += [rows[0], rows[-1]]
        steps = [(ln, {"step": float(ln.split()[4])}) for ln in rows if len(ln.split()) == 6]
        out += rule4(steps, nums=["step"])
    return out + _labels(lines) + tb_needles(lines) + warn_groups(lines) + exit_lines(lines)


def n_minimize(lines):
    """Rule 5 (scipy minimize disp=True): every verdict line, every Current function value / Iterations / Function evaluations / Gradient evaluations line, each label, every warning line (rule 1); EXIT=N."""
    out = [ln for ln in lines if re.match(r"^(Optimization terminated|Warning: |\s*Desired error|\s*(Current function value|Iterations|Function evaluations|Gradient evaluations|Hessian evaluations):)", ln)
           or re.search(r"\w+Warning: ", ln)]
    return _labels(lines) + out + tb_needles(lines) + warn_groups(lines) + exit_lines(lines)


def n_np_unittest(lines):
    """Rule 2 (unittest with numpy.testing): as unittest (FAIL/ERROR headers, exception lines, Ran/FAILED), every 'Mismatched elements:' line, the Max absolute/relative difference lines; EXIT=N."""
    extra = [ln for ln in lines if re.match(r"^\s*(Mismatched elements:|Max (absolute|relative) difference)", ln)]
    return n_unittest(lines) + extra + warn_groups(lines) + exit_lines(lines)


for _name, _fam, _fn in [("xarray-dataset-repr", "table", n_xr_repr), ("xarray-dataset-info", "table", n_xr_info),
                         ("xarray-alignment-error", "log", n_sci_traceback), ("pyarrow-table-repr", "table", n_pa_table),
                         ("parquet-rowgroup-metadata", "table", n_pq_meta), ("sympy-results", "log", n_sympy),
                         ("ipython-verbose-traceback", "log", n_ipy_tb), ("ipython-timeit", "log", n_timeit),
                         ("ipython-prun", "table", n_prun), ("jupyter-kernelspec-list", "listing", n_kernelspec),
                         ("scipy-least-squares-verbose", "log", n_lsq), ("scipy-minimize-disp", "log", n_minimize),
                         ("unittest-numpy-mismatch", "test", n_np_unittest)]:
    cm.kind(_name, _fam)(_fn)


def n_pa_cast(lines):
    """Rule 1: the exception line closing each traceback (chained ones too) with its innermost File line, every line the script printed naming the offending column or variable; EXIT=N."""
    return n_sci_traceback(lines)


cm.kind("pyarrow-cast-error", "log")(n_pa_cast)

# ------------------------------------------------------------------ the material

XR_BUILD = r'''
import sys, numpy as np, pandas as pd, xarray as xr
def build(seed, nvar, ntime, ndepth, nmoor, odd=True):
    rng = np.random.default_rng(seed)
    time = pd.date_range("2025-03-01", periods=ntime, freq="h")
    depth = np.round(np.linspace(2.0, 180.0, ndepth), 1)
    moor = [f"FJ{k:02d}" for k in range(1, nmoor + 1)]
    ds = xr.Dataset(coords={"time": time, "depth": ("depth", depth, {"units": "m", "positive": "down"}),
                            "mooring": moor,
                            "lat": ("mooring", np.round(60.1 + rng.random(nmoor), 4)),
                            "lon": ("mooring", np.round(5.2 + rng.random(nmoor), 4))})
    names = ["temp", "salt", "oxy", "chl", "turb", "u", "v", "w", "par", "cdom", "no3", "ph"]
    for k in range(nvar):
        nm = f"{names[k % len(names)]}_{k // len(names):02d}"
        shape = (ntime, ndepth, nmoor)
        dims = ("time", "depth", "mooring")
        if odd and k in (7, 31):
            dims, shape = ("time", "mooring"), (ntime, nmoor)
        if odd and k == 50:
            dims, shape = ("mooring",), (nmoor,)
        data = rng.normal(8 + k % 5, 2, shape).astype("float32" if k % 4 else "float64")
        if odd and k == 13:
            data[..., 0] = np.nan
        ds[nm] = (dims, data, {"units": ["degC", "psu", "umol/kg", "mg/m3"][k % 4], "long_name": nm.replace("_", " ")})
    ds.attrs.update({"title": "Fjord mooring array, spring deployment", "institution": "Fjord Observatory",
                     "source": "SBE37 / RDI ADCP / Aanderaa 4831", "history": f"reduced by fjord 0.9.{seed}",
                     "Conventions": "CF-1.8", "qc_flag_note": "FJ03 oxygen drifted after 2025-03-09 (sensor fouling)"})
    return ds
'''

XR_REPR = XR_BUILD + r'''
xr.set_options(display_max_rows=400, display_width=120)
seed, nvar, ntime, ndepth, nmoor = map(int, sys.argv[1:6])
ds = build(seed, nvar, ntime, ndepth, nmoor)
if sys.argv[6] == "repr":
    print(ds)
else:
    ds.info()
'''

XR_ALIGN = XR_BUILD + r'''
import traceback
seed = int(sys.argv[1])
a = build(seed, 6, 48, 5, 4)
b = build(seed + 1, 6, 50, 5, 4).isel(time=slice(2, None))
print(f"mooring array A: {dict(a.sizes)}")
print(f"mooring array B: {dict(b.sizes)}")
tries = [
    ("exact align of A and B on time", lambda: xr.align(a, b, join="exact")),
    ("assign a profile of the wrong length", lambda: a.assign(temp_new=(("time",), np.zeros(47)))),
    ("merge two reductions with conflicting oxygen", lambda: xr.merge([a[["oxy_00"]], a[["oxy_00"]] + 1], compat="no_conflicts")),
    ("concat along a dimension that is missing", lambda: xr.concat([a["temp_00"], b["salt_00"].rename({"depth": "z"})], dim="time")),
    ("select a mooring that does not exist", lambda: a.sel(mooring="FJ09")),
    ("interp onto depths with a non-monotonic index", lambda: a.assign_coords(depth=a.depth[::-1].values * 0 + 5).interp(depth=[10.0])),
]
if len(sys.argv) > 2:
    tries = tries[: int(sys.argv[2])]
for label, fn in tries:
    print(f"== {label}")
    try:
        out = fn()
        print("ok:", type(out).__name__)
    except Exception:
        print(f"variable set {sorted(a.data_vars)[:3]} failed")
        traceback.print_exc(file=sys.stdout)
sys.exit(1)
'''

PA_TABLE = r'''
import sys, numpy as np, pyarrow as pa, pyarrow.compute, pyarrow.parquet as pq
seed, n = int(sys.argv[1]), int(sys.argv[2])
rng = np.random.default_rng(seed)
stations = [f"FJ{k:02d}" for k in range(1, 9)]
t = pa.table({
    "station": pa.array([stations[i % 8] for i in range(n)]).dictionary_encode(),
    "time": pa.array(np.arange(n, dtype="int64") * 600_000_000_000 + 1740787200000000000, pa.timestamp("ns", tz="UTC")),
    "depth_m": pa.array(np.round(rng.uniform(2, 180, n), 1)),
    "temp_c": pa.array([None if i % 97 == 5 else float(x) for i, x in enumerate(np.round(rng.normal(7, 1.5, n), 3))]),
    "salt_psu": pa.array(np.round(rng.normal(33.2, 0.4, n), 3).astype("float32")),
    "oxy_umol": pa.array(rng.integers(180, 340, n).astype("int32")),
    "qc": pa.array([["good", "good", "probably_good", "bad"][i % 4] for i in range(n)]),
    "tags": pa.array([["ctd", "spring"] if i % 3 else ["ctd"] for i in range(n)]),
    "pos": pa.array([{"lat": 60.1 + i % 8 / 100, "lon": 5.2 + i % 8 / 50} for i in range(n)]),
})
schema = t.schema.with_metadata({"source": "fjord reduce 0.9", "deployment": f"spring-{seed}"})
schema = schema.set(2, schema.field(2).with_metadata({"units": "m", "positive": "down"}))
t = t.cast(schema)
mode = sys.argv[3]
if mode == "repr":
    print(t)
    for s in stations:
        print(f"station {s}:")
        print(t.filter(pa.compute.equal(t["station"].cast(pa.string()), s)).slice(0, 4))
elif mode == "slice":
    print(t.slice(0, 12))
    print(t.group_by("station").aggregate([("temp_c", "mean"), ("oxy_umol", "max"), ("depth_m", "count")]))
else:
    import os
    path = f"moor{seed}.parquet"
    comp = {"depth_m": "zstd", "tags": "gzip"} if mode == "mixed" else "snappy"
    pq.write_table(t, path, row_group_size=max(1, n // int(sys.argv[4])), compression=comp)
    pf = pq.ParquetFile(path)
    md = pf.metadata
    print(md)
    for i in range(md.num_row_groups):
        print(f"--- row group {i} ---")
        rg = md.row_group(i)
        print(rg)
        for j in range(rg.num_columns):
            print(rg.column(j))
'''

PA_CAST = r'''
import sys, traceback, numpy as np, pyarrow as pa, pyarrow.compute as pc
seed, n = int(sys.argv[1]), int(sys.argv[2])
rng = np.random.default_rng(seed)
raw = pa.table({
    "station": [f"FJ{k % 8 + 1:02d}" for k in range(n)],
    "depth_m": [str(round(x, 1)) if k != n // 2 else "n/a" for k, x in enumerate(rng.uniform(2, 180, n))],
    "oxy_umol": rng.normal(250, 40, n).round(2),
    "count": rng.integers(0, 70000, n),
    "stamp": [f"2025-03-{1 + k % 28:02d}T{k % 24:02d}:00:00" if k != 7 else "2025-02-30T00:00:00" for k in range(n)],
})
print(raw.schema)
target = pa.schema([("station", pa.string()), ("depth_m", pa.float32()), ("oxy_umol", pa.int16()),
                    ("count", pa.uint16()), ("stamp", pa.timestamp("s"))])
for field in target:
    col = raw[field.name]
    print(f"column {field.name}: {col.type} -> {field.type}")
    try:
        out = pc.cast(col, field.type)
        print(f"  ok, {len(out)} values, {out.null_count} nulls")
    except (pa.ArrowInvalid, pa.ArrowNotImplementedError, pa.ArrowTypeError):
        traceback.print_exc(file=sys.stdout)
if len(sys.argv) > 3:
    print("casting the whole table")
    raw.cast(target)
'''

SYMPY_TIDE = r'''
import sys
from sympy import (symbols, Function, Eq, dsolve, solve, cos, sin, exp, series, simplify, Matrix, pprint, expand,
                   integrate, pi, sqrt, factor, limit, oo, nsolve, Rational, diff, latex, trigsimp, solveset, S)
t, w, g, h, k, x, A, B, z, r = symbols("t omega g h k x A B z r", positive=True)
part = sys.argv[1]
n = int(sys.argv[2])
if part in ("tide", "all"):
    eta = sum(Rational(1, j + 1) * A * cos((j + 1) * w * t + j * pi / 7) for j in range(n))
    print("tidal elevation:")
    pprint(eta)
    print("expanded velocity:")
    pprint(expand(diff(eta, t)))
    print("series of the elevation about t=0:")
    pprint(series(eta, t, 0, 6))
    print("dispersion relation solved for omega:")
    pprint(solve(Eq(w**2, g * k * (k * h) / (1 + (k * h)**2 / 3)), w))
if part in ("mode", "all"):
    M = Matrix(n, n, lambda i, j: (2 if i == j else -1 if abs(i - j) == 1 else 0) * (i + 1 if i == j else 1))
    print("stiffness matrix:")
    pprint(M)
    print("characteristic polynomial:")
    pprint(factor(M.charpoly(x).as_expr()))
    print("determinant:")
    print(M.det())
    print("inverse of the leading 4x4 block:")
    pprint(M[:4, :4].inv())
if part in ("ode", "all"):
    f = Function("f")
    print("damped seiche ODE solved:")
    pprint(dsolve(f(t).diff(t, 2) + 2 * r * f(t).diff(t) + w**2 * f(t), f(t)))
    print("roots of the basin polynomial:")
    for s in solve(x**4 - n * x**2 + 2, x):
        print("  ", s)
    print("solveset of cos(k*z) = 1/2 over the reals:")
    print(solveset(cos(z) - S.Half, z, domain=S.Reals))
    print("integral of the Gaussian plume:")
    pprint(integrate(exp(-(x - z)**2 / (2 * r**2)), (x, -oo, oo)))
    print("limit that diverges:")
    print(limit(sin(x) / x**3, x, 0))
if part == "fail":
    print("numeric root of the fjord resonance near 1.2:")
    print(nsolve(cos(x) - x**n, x, 1.2))
    print("latex of the velocity profile:")
    print(latex(sqrt(g * h) * (1 - (z / h)**2)))
    print("solving the nonlinear pair:")
    print(solve([x**2 + z**2 - 4, x - z**3 + 7], [x, z], dict=True))
    print("resonance with a symbolic guess:")
    print(nsolve(cos(x) - k * x, x, 1))
'''

IPY_TB = r'''
%xmode {mode}
import numpy as np
from fjordtools import reduce_station
profiles = {{f"FJ{{k:02d}}": np.linspace(2, 180, 10 + k) for k in range({n})}}
summary = reduce_station(profiles, "FJ0{bad}", window={window})
print(summary)
'''

FJORDTOOLS = r'''
"""fjordtools: helpers for the mooring reduction (a fault in the window arithmetic)."""
import numpy as np


def despike(values, window, thresh=3.0):
    med = np.array([np.median(values[max(0, i - window):i + window]) for i in range(len(values))])
    resid = values - med
    half = len(values) // (window - window)  # fault: a zero window width
    scale = np.std(resid[half:])
    return values[np.abs(resid) < thresh * scale]


def bin_profile(depths, values, width):
    edges = np.arange(0, depths.max() + width, width)
    idx = np.digitize(depths, edges)
    return {int(e): float(values[idx == i].mean()) for i, e in enumerate(edges, 1)}


def reduce_station(profiles, station, window=3):
    depths = profiles[station]
    temps = 8 - depths / 40
    clean = despike(temps, window)
    binned = bin_profile(depths[: len(clean)], clean, width=window * 5)
    return {"station": station, "bins": binned, "n": len(clean)}
'''

TIMEIT = r'''
import numpy as np
from fjordtools import bin_profile
rng = np.random.default_rng({seed})
print("setup done:")
'''


def timeit_ipy(seed: int, sizes: list[int]) -> str:
    body = TIMEIT.format(seed=seed)
    for n in sizes:
        body += f'd{n} = np.sort(rng.uniform(2, 180, {n})); v{n} = rng.normal(7, 1, {n})\n'
        body += f'print("bin_profile over {n} samples:")\n%timeit -n 5 -r 3 bin_profile(d{n}, v{n}, 5)\n'
        body += f'print("np.digitize over {n} samples:")\n%timeit -r 3 np.digitize(d{n}, np.arange(0, 185, 5))\n'
        body += f'print("sorting {n} samples:")\n%timeit -r 3 np.sort(v{n})\n'
        body += f'print("python sum over {n} samples:")\n%timeit -n 3 -r 3 sum(v{n}.tolist())\n'
    return body


PRUN = r'''
import numpy as np
from fjordtools import bin_profile
rng = np.random.default_rng({seed})
def reduce_all(n):
    out = []
    for k in range(n):
        d = np.sort(rng.uniform(2, 180, 400 + k)); v = rng.normal(7, 1, len(d))
        out.append(bin_profile(d, v, 5 + k % 4))
    return out
%prun -s {sort} -l {limit} reduce_all({n})
'''

LSQ = r'''
import sys, numpy as np, warnings
from scipy.optimize import least_squares
seed, nfit = int(sys.argv[1]), int(sys.argv[2])
rng = np.random.default_rng(seed)
t = np.linspace(0, 72, 400)
def model(p, t):
    a, b, c, ph, d = p
    return a * np.cos(2 * np.pi * t / 12.42 + ph) + b * np.cos(2 * np.pi * t / 12.0) + c * np.exp(-t / d)
for k in range(nfit):
    true = np.array([1.2 + k / 10, 0.4, 0.8, 0.3, 20.0 + k])
    y = model(true, t) + rng.normal(0, 0.05 + k * 0.02, t.size)
    if k % 3 == 2:
        y[::37] += 4.0  # spikes from a fouled sensor
    loss = ["linear", "soft_l1", "cauchy", "huber"][k % 4]
    method = ["trf", "dogbox", "lm", "trf"][k % 4] if loss == "linear" or k % 4 != 2 else "trf"
    print(f"fit FJ{k + 1:02d} with {method}/{loss}, max_nfev={30 if k % 5 == 4 else None}:")
    r = least_squares(lambda p: model(p, t) - y, x0=[1, 1, 1, 0, 5 + k], loss=loss if method != "lm" else "linear",
                      method=method, verbose=2, max_nfev=30 if k % 5 == 4 else None,
                      bounds=(-np.inf, np.inf) if method == "lm" else ([0, 0, 0, -np.pi, 1], [5, 5, 5, np.pi, 200]))
    print(f"  status={r.status} cost={r.cost:.4g} x={np.round(r.x, 3).tolist()}")
'''

MINIMIZE = r'''
import sys, numpy as np, warnings
from scipy.optimize import minimize, fmin, fmin_bfgs, fmin_cg, rosen, rosen_der
seed, dims = int(sys.argv[1]), [int(x) for x in sys.argv[2].split(",")]
rng = np.random.default_rng(seed)
def misfit(p, t, y):
    return np.sum((p[0] * np.cos(t * p[1]) + p[2] - y) ** 2) + 1e-3 * np.sum(np.asarray(p) ** 2)
t = np.linspace(0, 48, 200); y = 1.3 * np.cos(t * 0.506) + 0.2 + rng.normal(0, 0.1, t.size)
for n in dims:
    x0 = rng.uniform(-2, 2, n)
    for method in ["Nelder-Mead", "Powell", "CG", "BFGS", "Newton-CG", "L-BFGS-B", "TNC", "SLSQP"]:
        print(f"{method} on rosen, n={n}:")
        kw = {"jac": rosen_der} if method in ("Newton-CG",) else {}
        opts = {"disp": True, "maxiter": 40 * n if method in ("Nelder-Mead", "CG") else 2000}
        try:
            r = minimize(rosen, x0, method=method, options=opts, **kw)
            print(f"  -> success={r.success} fun={r.fun:.6g} nit={getattr(r, 'nit', None)}")
        except Exception as e:
            print(f"  -> {type(e).__name__}: {e}")
print("fmin on the tidal misfit (starting far off):")
fmin(misfit, [0.1, 2.0, 0.0], args=(t, y), maxiter=60)
print("fmin_bfgs on the tidal misfit:")
fmin_bfgs(misfit, [1.0, 0.5, 0.0], args=(t, y))
print("fmin_cg with a wrong gradient:")
fmin_cg(misfit, [1.0, 0.5, 0.0], fprime=lambda p, t, y: np.ones(3), args=(t, y))
'''

NP_TESTS = r'''
import unittest
import numpy as np
from numpy.testing import assert_allclose, assert_array_equal, assert_array_almost_equal, assert_equal
SEED = {seed}
N = {n}


def smooth(x, w):
    k = np.ones(w) / w
    return np.convolve(x, k, mode="same")  # fault: the edges are not renormalised


def to_kelvin(c):
    return np.asarray(c, dtype=np.float32) + 273.15  # fault: float32 loses precision


def qc_flags(x, lo, hi):
    f = np.zeros(x.shape, dtype=int)
    f[x < lo] = 4
    f[x > hi] = 3  # fault: the flag for too high should be 4 as well
    return f


class TestReduce(unittest.TestCase):
    def setUp(self):
        self.rng = np.random.default_rng(SEED)

    def test_smooth_constant(self):
        assert_allclose(smooth(np.full(N, 7.0), 5), np.full(N, 7.0), rtol=1e-9)

    def test_smooth_linear(self):
        x = np.arange(N, dtype=float)
        assert_array_almost_equal(smooth(x, 3)[1:-1], x[1:-1])

    def test_kelvin(self):
        c = self.rng.normal(7, 2, N)
        assert_allclose(to_kelvin(c), c + 273.15, rtol=0, atol=1e-9)

    def test_flags(self):
        x = self.rng.normal(7, 3, N)
        want = np.where((x < 0) | (x > 14), 4, 0)
        assert_array_equal(qc_flags(x, 0, 14), want)

    def test_shapes(self):
        assert_equal(smooth(np.ones((N,)), 4).shape, (N + 1,))

    def test_grid(self):
        g = np.round(np.linspace(0, 180, N), 1).reshape(-1, {cols})
        assert_array_equal(g, np.arange(0, g.size).reshape(g.shape) * (180 / (N - 1)))

    def test_kelvin_scalar(self):
        self.assertAlmostEqual(float(to_kelvin(0.0)), 273.15, places=6)

    def test_flags_ok_range(self):
        assert_array_equal(qc_flags(np.array([1.0, 2.0]), 0, 14), [0, 0])
'''


def fjord(tmp: Path) -> Path:
    root = tmp / "fjord"
    write_tree(root, {"fjordtools.py": FJORDTOOLS, "xr_show.py": XR_REPR, "xr_align.py": XR_ALIGN,
                      "pa_show.py": PA_TABLE, "pa_cast.py": PA_CAST, "tide_sym.py": SYMPY_TIDE, "fit_lsq.py": LSQ,
                      "fit_min.py": MINIMIZE})
    return root


def xr_items(tmp: Path) -> None:
    root = fjord(tmp)
    cap("xr-repr-80vars", f"{PY} xr_show.py 1 80 240 12 6 repr", root, n_xr_repr,
        typed="python xr_show.py 1 80 240 12 6 repr")
    cap("xr-repr-24vars", f"{PY} xr_show.py 2 24 96 8 4 repr", root, n_xr_repr, typed="python xr_show.py 2 24 96 8 4 repr")
    cap("xr-repr-60vars-head-60", f"{PY} xr_show.py 3 60 120 10 5 repr | head -n 60", root, n_xr_repr,
        typed="python xr_show.py 3 60 120 10 5 repr | head -n 60")
    cap("xr-repr-52vars-exit", f"{PY} xr_show.py 4 52 72 6 3 repr; echo EXIT=$?", root, n_xr_repr,
        typed="python xr_show.py 4 52 72 6 3 repr; echo EXIT=$?")
    cap("xr-info-80vars", f"{PY} xr_show.py 5 80 100 10 6 info", root, n_xr_info, typed="python xr_show.py 5 80 100 10 6 info")
    cap("xr-info-36vars-tail-80", f"{PY} xr_show.py 6 36 50 5 4 info | tail -n 80", root, n_xr_info,
        typed="python xr_show.py 6 36 50 5 4 info | tail -n 80")
    cap("xr-info-14vars", f"{PY} xr_show.py 7 14 30 4 3 info", root, n_xr_info, typed="python xr_show.py 7 14 30 4 3 info")
    cap("xr-align-all", f"{PY} xr_align.py 11; echo EXIT=$?", root, n_sci_traceback, typed="python xr_align.py 11; echo EXIT=$?")
    cap("xr-align-grep-v-warning", f"{PY} xr_align.py 12 4 2>&1 | grep -v Warning", root, n_sci_traceback,
        typed="python xr_align.py 12 4 2>&1 | grep -v Warning")
    cap("xr-align-first-two", f"{PY} xr_align.py 13 2 2>&1", root, n_sci_traceback, typed="python xr_align.py 13 2 2>&1")


def pa_items(tmp: Path) -> None:
    root = tmp / "fjord"
    cap("pa-table-repr-2000", f"{PY} pa_show.py 1 2000 repr", root, n_pa_table, typed="python pa_show.py 1 2000 repr")
    cap("pa-table-slice-group", f"{PY} pa_show.py 2 400 slice", root, n_pa_table, typed="python pa_show.py 2 400 slice")
    cap("pa-table-repr-300-exit", f"{PY} pa_show.py 3 300 repr; echo EXIT=$?", root, n_pa_table,
        typed="python pa_show.py 3 300 repr; echo EXIT=$?")
    cap("pq-meta-8-groups", f"{PY} pa_show.py 4 4000 meta 8", root, n_pq_meta, typed="python pa_show.py 4 4000 meta 8")
    cap("pq-meta-mixed-3-groups", f"{PY} pa_show.py 5 3000 mixed 3", root, n_pq_meta, typed="python pa_show.py 5 3000 mixed 3")
    cap("pq-meta-20-groups-tail-120", f"{PY} pa_show.py 6 6000 mixed 20 | tail -n 120", root, n_pq_meta,
        typed="python pa_show.py 6 6000 mixed 20 | tail -n 120")
    cap("pa-cast-columns", f"{PY} pa_cast.py 1 500", root, n_pa_cast, typed="python pa_cast.py 1 500")
    cap("pa-cast-table-exit", f"{PY} pa_cast.py 2 2000 table; echo EXIT=$?", root, n_pa_cast,
        typed="python pa_cast.py 2 2000 table; echo EXIT=$?")
    cap("pa-cast-grep-v-warning", f"{PY} pa_cast.py 3 80 table 2>&1 | grep -v Warning", root, n_pa_cast,
        typed="python pa_cast.py 3 80 table 2>&1 | grep -v Warning")


def sympy_items(tmp: Path) -> None:
    root = tmp / "fjord"
    cap("sympy-tide-n9", f"{PY} tide_sym.py tide 9", root, n_sympy, typed="python tide_sym.py tide 9")
    cap("sympy-mode-matrix-n12", f"{PY} tide_sym.py mode 12", root, n_sympy, typed="python tide_sym.py mode 12")
    cap("sympy-all-n6", f"{PY} tide_sym.py all 6 2>&1", root, n_sympy, typed="python tide_sym.py all 6 2>&1")
    cap("sympy-fail-exit", f"{PY} tide_sym.py fail 7 2>&1; echo EXIT=$?", root, n_sympy,
        typed="python tide_sym.py fail 7 2>&1; echo EXIT=$?")


def scipy_items(tmp: Path) -> None:
    root = tmp / "fjord"
    cap("lsq-verbose-6-fits", f"{PY} fit_lsq.py 1 6", root, n_lsq, typed="python fit_lsq.py 1 6")
    cap("lsq-verbose-3-fits-tail-80", f"{PY} fit_lsq.py 2 3 2>&1 | tail -n 80", root, n_lsq,
        typed="python fit_lsq.py 2 3 2>&1 | tail -n 80")
    cap("lsq-verbose-10-fits-grep-v", f"{PY} fit_lsq.py 3 10 2>&1 | grep -v Warning", root, n_lsq,
        typed="python fit_lsq.py 3 10 2>&1 | grep -v Warning")
    cap("minimize-disp-2-dims", f"{PY} fit_min.py 1 2,6 2>&1", root, n_minimize, typed="python fit_min.py 1 2,6 2>&1")
    cap("minimize-disp-4-dims-exit", f"{PY} fit_min.py 2 3,5,8,12 2>&1; echo EXIT=$?", root, n_minimize,
        typed="python fit_min.py 2 3,5,8,12 2>&1; echo EXIT=$?")
    cap("minimize-disp-grep-v-warning", f"{PY} fit_min.py 3 10 2>&1 | grep -v Warning", root, n_minimize,
        typed="python fit_min.py 3 10 2>&1 | grep -v Warning")


def np_items(tmp: Path) -> None:
    for seed, n, cols, typed in [(1, 60, 6, "python -m unittest -v test_reduce"),
                                 (2, 400, 20, "python -m unittest test_reduce 2>&1 | tail -n 80"),
                                 (3, 1200, 40, "python -m unittest -v test_reduce; echo EXIT=$?")]:
        d = tmp / f"np{seed}"
        write_tree(d, {"test_reduce.py": NP_TESTS.format(seed=seed, n=n, cols=cols)})
        cmd = typed.replace("python ", f"{PY} ", 1)
        cap(f"np-unittest-{n}", cmd, d, n_np_unittest, typed=typed)


def ipy_items(tmp: Path) -> None:
    root = tmp / "fjord"
    for i, (mode, n, bad, window) in enumerate([("Verbose", 6, 2, 3), ("Context", 9, 4, 5), ("Verbose", 4, 9, 2)]):
        (root / f"scratch{i}.ipy").write_text(IPY_TB.format(mode=mode, n=n, bad=bad, window=window))
    cap("ipy-verbose-tb-despike", f"{IPY} --colors=nocolor --no-banner scratch0.ipy", root, n_ipy_tb,
        typed="ipython --colors=nocolor scratch0.ipy")
    cap("ipy-context-tb-exit", f"{IPY} --colors=nocolor scratch1.ipy; echo EXIT=$?", root, n_ipy_tb,
        typed="ipython --colors=nocolor scratch1.ipy; echo EXIT=$?")
    cap("ipy-verbose-tb-keyerror-c", f"{IPY} --colors=nocolor -c \"$(cat scratch2.ipy)\" 2>&1", root, n_ipy_tb,
        typed="ipython --colors=nocolor -c \"$(cat scratch2.ipy)\" 2>&1")
    (root / "bench1.ipy").write_text(timeit_ipy(1, [200, 2000, 20000]))
    (root / "bench2.ipy").write_text(timeit_ipy(2, [100, 500, 1000, 5000, 10000, 50000]))
    cap("ipy-timeit-3-sizes", f"{IPY} --colors=nocolor bench1.ipy", root, n_timeit, typed="ipython bench1.ipy")
    cap("ipy-timeit-6-sizes-grep-v", f"{IPY} --colors=nocolor bench2.ipy 2>&1 | grep -v Warning", root, n_timeit,
        typed="ipython bench2.ipy 2>&1 | grep -v Warning")
    for i, (sort, limit, n) in enumerate([("cumulative", 40, 30), ("tottime", 60, 60)]):
        (root / f"prof{i}.ipy").write_text(PRUN.format(seed=i, sort=sort, limit=limit, n=n))
    cap("ipy-prun-cumulative", f"{IPY} --colors=nocolor prof0.ipy", root, n_prun, typed="ipython prof0.ipy")
    cap("ipy-prun-tottime-exit", f"{IPY} --colors=nocolor prof1.ipy; echo EXIT=$?", root, n_prun,
        typed="ipython prof1.ipy; echo EXIT=$?")


def kernel_items(tmp: Path) -> None:
    data = tmp / "jupyter-data"
    env = {"JUPYTER_DATA_DIR": str(data), "JUPYTER_PATH": str(tmp / "jupyter-path")}
    names = ["fjord-py311", "fjord-gpu", "ocean-r", "julia-1.10", "matlab-bridge", "octave", "ir-stale",
             "xarray-dev", "pyarrow-nightly", "sympy-live", "scipy-1.13", "old-py2"]
    for k, nm in enumerate(names):
        spec = {"argv": [f"/opt/envs/{nm}/bin/python", "-m", "ipykernel_launcher", "-f", "{connection_file}"],
                "display_name": f"{nm.replace('-', ' ').title()}", "language": "python" if k % 4 else "R",
                "env": {"FJORD_ENV": nm} if k % 3 == 0 else {}, "metadata": {"debugger": k % 2 == 0}}
        d = (data if k % 2 else tmp / "jupyter-path") / "kernels" / nm
        d.mkdir(parents=True, exist_ok=True)
        (d / "kernel.json").write_text(json.dumps(spec, indent=1))
    cap("kernelspec-list", f"{VENV}/bin/jupyter kernelspec list", tmp, n_kernelspec, env=env, typed="jupyter kernelspec list")
    cap("kernelspec-list-json", f"{VENV}/bin/jupyter kernelspec list --json; echo EXIT=$?", tmp, n_kernelspec, env=env,
        typed="jupyter kernelspec list --json; echo EXIT=$?")


STEPS = [xr_items, pa_items, sympy_items, scipy_items, np_items, ipy_items, kernel_items]
