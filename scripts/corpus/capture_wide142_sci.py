"""Round 142's scientific Python items (second samples of round 136's kinds, its extractors imported): `moraine`, a
glacier mass-balance network's data reduction written here with faults put in, widened by seeded generators, run
through xarray, pyarrow, SymPy, scipy, numpy.testing under unittest, IPython and jupyter_client (round 136's venv).
Run through capture_wide142.py."""

from __future__ import annotations

import json
from pathlib import Path

from capture_more import write_tree
from capture_wide136 import VENV
from capture_wide136_sci import (n_kernelspec, n_lsq, n_minimize, n_np_unittest, n_pa_cast, n_pa_table, n_pq_meta,
                                 n_prun, n_sci_traceback, n_sympy, n_timeit, n_ipy_tb, n_xr_info, n_xr_repr)
from capture_wide142 import cap

PY = f"{VENV}/bin/python"
IPY = f"{VENV}/bin/ipython"

GRID = r'''
import sys, numpy as np, pandas as pd, xarray as xr

FIELDS = ["smb", "melt", "accum", "albedo", "t2m", "rh", "ws", "swin", "lwin", "precip", "snowd", "icet", "runoff",
          "sublim", "refreeze", "debris"]


def network(seed, nvar, nday, nband, nstake, odd=True):
    rng = np.random.default_rng(seed)
    day = pd.date_range("2024-10-01", periods=nday, freq="D")
    band = np.arange(nband) * 50 + 1850
    stake = [f"ST-{k:03d}" for k in range(1, nstake + 1)]
    ds = xr.Dataset(coords={"day": day, "band": ("band", band, {"units": "m a.s.l."}), "stake": stake,
                            "easting": ("stake", np.round(412000 + rng.uniform(0, 6000, nstake), 1)),
                            "northing": ("stake", np.round(5118000 + rng.uniform(0, 9000, nstake), 1)),
                            "glacier": ("stake", [["Morteratsch", "Pers"][k % 2] for k in range(nstake)])})
    for k in range(nvar):
        nm = f"{FIELDS[k % len(FIELDS)]}{k // len(FIELDS) + 1}"
        dims, shape = ("day", "band", "stake"), (nday, nband, nstake)
        if odd and k in (5, 23):
            dims, shape = ("day", "stake"), (nday, nstake)
        if odd and k == 40:
            dims, shape = ("band",), (nband,)
        data = rng.gamma(2.0 + k % 3, 1.5, shape).astype("float64" if k % 3 else "float32")
        ds[nm] = (dims, data, {"units": ["mm w.e.", "K", "W m-2", "1"][k % 4], "source": f"aws-{k % 5}"})
    ds.attrs.update({"title": "Moraine stake network, hydrological year 2024/25", "project": "moraine",
                     "stake_method": "ablation stakes read fortnightly, snow pits in April",
                     "processing": f"moraine reduce 2.1 seed {seed}", "warning": "ST-007 buried 2025-01-12, extrapolated"})
    return ds
'''

GRID_SHOW = GRID + r'''
xr.set_options(display_max_rows=500, display_width=118)
seed, nvar, nday, nband, nstake = map(int, sys.argv[1:6])
ds = network(seed, nvar, nday, nband, nstake)
if sys.argv[6] == "repr":
    print(ds)
    if len(sys.argv) > 7:
        print(ds.resample(day="MS").mean())
else:
    ds.info()
'''

GRID_JOIN = GRID + r'''
import traceback
seed = int(sys.argv[1])
a = network(seed, 8, 60, 6, 5)
b = network(seed + 3, 8, 58, 7, 5)
print(f"winter campaign: {dict(a.sizes)}")
print(f"summer campaign: {dict(b.sizes)}")
attempts = [
    ("join the campaigns exactly", lambda: xr.align(a, b, join="exact")),
    ("add the two smb fields", lambda: a["smb1"].variable + b["smb1"].variable),
    ("merge conflicting albedo", lambda: xr.merge([a[["albedo1"]], b[["albedo1"]].isel(day=slice(0, 58))], join="override", compat="identical")),
    ("combine stakes by coords with a duplicate", lambda: xr.combine_by_coords([a.isel(stake=[0, 1]), a.isel(stake=[1, 2])])),
    ("pick a band that was never surveyed", lambda: a.sel(band=1875)),
    ("broadcast runoff against a renamed grid", lambda: xr.broadcast(a["runoff1"], b["runoff1"].rename({"band": "day"}))),
    ("stack stakes into a reset index", lambda: a.stack(pt=("band", "stake")).unstack("pt").sel(stake="ST-099")),
]
for label, fn in attempts[: int(sys.argv[2]) if len(sys.argv) > 2 else None]:
    print(f"-- {label}")
    try:
        print("   ->", type(fn()).__name__)
    except Exception:
        print(f"variable smb1 of campaign seed {seed} could not be combined")
        traceback.print_exc(file=sys.stdout)
'''

STAKES = r'''
import sys, numpy as np, pyarrow as pa, pyarrow.compute as pc, pyarrow.parquet as pq
seed, n = int(sys.argv[1]), int(sys.argv[2])
rng = np.random.default_rng(seed)
glaciers = ["Morteratsch", "Pers", "Tschierva", "Roseg", "Palue", "Cambrena"]
readings = pa.table({
    "stake": pa.array([f"ST-{i % 37 + 1:03d}" for i in range(n)]),
    "glacier": pa.array([glaciers[i % 6] for i in range(n)]).dictionary_encode(),
    "read_at": pa.array(np.arange(n, dtype="int64") * 86400 + 1727740800, pa.timestamp("s")),
    "exposure_cm": pa.array(np.round(rng.normal(120, 45, n), 1)),
    "density": pa.array([None if i % 53 == 7 else round(float(x), 3) for i, x in enumerate(rng.uniform(0.35, 0.91, n))]),
    "balance_mmwe": pa.array(rng.integers(-4200, 1800, n).astype("int32")),
    "observer": pa.array([["AM", "LB", "KR", "unknown"][i % 4] for i in range(n)]),
    "photos": pa.array([[f"img{i}.jpg"] * (i % 3) for i in range(n)]),
    "gps": pa.array([{"e": 412000.0 + i % 37 * 40, "n": 5118000.0 + i % 37 * 25, "hdop": round(0.6 + i % 9 / 10, 1)} for i in range(n)]),
})
schema = readings.schema.with_metadata({"network": "moraine", "campaign": f"hy2024-{seed}", "crs": "EPSG:2056"})
schema = schema.set(3, schema.field(3).with_metadata({"units": "cm", "datum": "stake top"}))
schema = schema.set(5, schema.field(5).with_metadata({"units": "mm w.e."}))
readings = readings.cast(schema)
mode = sys.argv[3]
if mode == "repr":
    print(readings)
    for g in glaciers[: int(sys.argv[4])]:
        print(f"glacier {g}:")
        print(readings.filter(pc.equal(readings["glacier"].cast(pa.string()), g)).select(["stake", "read_at", "balance_mmwe", "gps"]).slice(0, 3))
elif mode == "agg":
    print(readings.slice(0, 6))
    print(readings.group_by(["glacier", "observer"]).aggregate([("balance_mmwe", "min"), ("balance_mmwe", "max"), ("density", "mean"), ("exposure_cm", "stddev")]))
else:
    path = f"stakes{seed}.parquet"
    codecs = {"snappy": "snappy", "split": {"stake": "zstd", "photos": "brotli", "gps": "lz4", "glacier": "snappy",
              "read_at": "snappy", "exposure_cm": "snappy", "density": "snappy", "balance_mmwe": "snappy", "observer": "snappy"}}[mode]
    pq.write_table(readings, path, row_group_size=max(1, n // int(sys.argv[4])), compression=codecs,
                   write_statistics=True, data_page_size=4096)
    md = pq.ParquetFile(path).metadata
    print(md)
    cols = [int(c) for c in sys.argv[5].split(",")] if len(sys.argv) > 5 else None
    for i in range(md.num_row_groups):
        print(f"=== row group {i} of {path}")
        rg = md.row_group(i)
        print(rg)
        for j in (cols if cols is not None else range(rg.num_columns)):
            cc = rg.column(j)
            print(cc)
            if cc.statistics is not None:
                print(cc.statistics)
'''

STAKE_CAST = r'''
import sys, traceback, numpy as np, pyarrow as pa, pyarrow.compute as pc
seed, n = int(sys.argv[1]), int(sys.argv[2])
rng = np.random.default_rng(seed)
sheet = pa.table({
    "stake": [f"ST-{k % 37 + 1:03d}" for k in range(n)],
    "exposure_cm": [f"{x:.1f}" if k != n // 3 else "buried" for k, x in enumerate(rng.normal(120, 45, n))],
    "balance_mmwe": rng.normal(-900, 800, n).round(0),
    "photo_count": rng.integers(-2, 400, n),
    "read_on": [f"2025-{1 + k % 12:02d}-{1 + k % 28:02d}" if k != 11 else "2025-04-31" for k in range(n)],
    "density": rng.uniform(0.3, 0.95, n),
})
print(sheet.schema)
want = pa.schema([("stake", pa.string()), ("exposure_cm", pa.float64()), ("balance_mmwe", pa.int8()),
                  ("photo_count", pa.uint8()), ("read_on", pa.date32()), ("density", pa.decimal128(4, 2))])
for f in want:
    print(f"column {f.name}: {sheet[f.name].type} -> {f.type}")
    try:
        res = pc.cast(sheet[f.name], f.type)
        print(f"   cast ok ({len(res)} rows, {res.null_count} null)")
    except (pa.ArrowInvalid, pa.ArrowNotImplementedError, pa.ArrowTypeError):
        traceback.print_exc(file=sys.stdout)
print("column read_on via strptime:")
try:
    pc.strptime(sheet["read_on"], format="%Y-%m-%d", unit="s")
except pa.ArrowInvalid:
    traceback.print_exc(file=sys.stdout)
print("whole sheet against the archive schema")
sheet.cast(want)
'''

SYM = r'''
import sys
from sympy import (symbols, Function, Eq, dsolve, solve, exp, log, sqrt, Matrix, pprint, simplify, integrate, oo,
                   series, factor, apart, Sum, summation, Rational, diff, nsolve, solveset, S, Piecewise, tanh, sin)
z, t, a, b, T, k, x, H, L, n = symbols("z t a b T k x H L n", positive=True)
part, m = sys.argv[1], int(sys.argv[2])
if part in ("ddf", "all"):
    melt = sum(Rational(k_ + 3, 10) * (T - k_) for k_ in range(m))
    print("degree-day melt:")
    pprint(simplify(melt))
    print("melt solved for the threshold T:")
    pprint(solve(Eq(melt, 40), T))
    print("cumulative melt over a sine year:")
    pprint(integrate(a * sin(2 * 3.14159 * t / 365) + b, (t, 0, 365)))
    print("partial fractions of the transfer function:")
    pprint(apart((x**2 + 3) / ((x + 1) * (x + 2) * (x + m)), x))
if part in ("heat", "all"):
    f = Function("theta")
    print("ice temperature ODE:")
    pprint(dsolve(f(z).diff(z, 2) - k * f(z).diff(z), f(z)))
    print("steady profile with a flux boundary:")
    pprint(dsolve(f(z).diff(z, 2) + a * f(z), f(z), ics={f(0): -1, f(z).diff(z).subs(z, 0): b}))
    print("series of the Nye profile:")
    pprint(series(H * sqrt(1 - (x / L)**2), x, 0, 2 * m))
    K = Matrix(m, m, lambda i, j: 2 if i == j else (-1 if abs(i - j) == 1 else 0))
    print("finite-difference operator:")
    pprint(K)
    print("eigenvalues:")
    pprint(K.eigenvals())
if part in ("flow", "all"):
    print("Glen flow law speed:")
    pprint(integrate(2 * a * (b * (H - z))**n, (z, 0, H)))
    print("roots of the calving polynomial:")
    for r in solve(x**3 - m * x + 1, x):
        print("  ", r)
    print("solveset of exp(x) = -1 over the reals:")
    print(solveset(exp(x) + 1, x, domain=S.Reals))
    print("sum of the melt season series:")
    pprint(summation(1 / (n**2 + 1), (n, 1, oo)))
if part == "bad":
    print("equilibrium line near 2900 m:")
    print(nsolve(tanh(x) - x**m + 7, x, 0.1))
'''

TOOLS = r'''
"""moraine.tools: stake reduction helpers (a fault in the density lookup)."""
import numpy as np

DENSITY = {"snow": 0.35, "firn": 0.6, "ice": 0.9}


def surface_type(depth_cm):
    return "snow" if depth_cm < 80 else "firn" if depth_cm < 200 else "ice "  # fault: a trailing blank


def water_equivalent(readings, stake):
    exposure = readings[stake]
    kinds = [surface_type(d) for d in exposure]
    rho = np.array([DENSITY[k] for k in kinds])
    return float(np.sum(np.diff(exposure) * rho[1:] * 10))


def band_means(elev, values, step):
    edges = np.arange(elev.min(), elev.max() + step, step)
    idx = np.digitize(elev, edges)
    return {int(e): float(values[idx == i].mean()) for i, e in enumerate(edges, 1) if np.any(idx == i)}


def reduce_network(readings, stakes):
    return {s: water_equivalent(readings, s) for s in stakes}
'''

IPY_TB = r'''
%xmode {mode}
import numpy as np
from tools import reduce_network
rng = np.random.default_rng({seed})
readings = {{f"ST-{{k:03d}}": np.cumsum(rng.uniform(5, 30, {n})) for k in range(1, 12)}}
print("reducing", len(readings), "stakes")
result = reduce_network(readings, sorted(readings))
print(result)
'''


def timeit_script(seed: int, sizes: list[int]) -> str:
    out = f"import numpy as np\nfrom tools import band_means, surface_type\nrng = np.random.default_rng({seed})\n"
    for n in sizes:
        out += f"e{n} = rng.uniform(1850, 3400, {n}); v{n} = rng.normal(-800, 300, {n})\n"
        out += f'print("band_means, {n} points:")\n%timeit -r 4 -n 3 band_means(e{n}, v{n}, 50)\n'
        out += f'print("np.histogram, {n} points:")\n%timeit -r 4 np.histogram(e{n}, bins=32)\n'
        out += f'print("surface_type list, {n} points:")\n%timeit -r 3 -n 2 [surface_type(d) for d in v{n} % 300]\n'
    return out


PRUN = r'''
import numpy as np
from tools import band_means, water_equivalent
rng = np.random.default_rng({seed})
def season(n):
    tot = []
    for k in range(n):
        e = rng.uniform(1850, 3400, 800 + 10 * k); v = rng.normal(-800, 300, e.size)
        tot.append(band_means(e, v, 25 + k % 3 * 25))
        try:
            water_equivalent({{"s": np.cumsum(rng.uniform(1, 9, 20))}}, "s")
        except KeyError:
            pass
    return tot
%prun -s {sort} -l {limit} season({n})
'''

LSQ = r'''
import sys, numpy as np
from scipy.optimize import least_squares
seed, nfit = int(sys.argv[1]), int(sys.argv[2])
rng = np.random.default_rng(seed)
yr = np.linspace(1880, 2025, 146)
def retreat(p, x):
    l0, r, tau, c, s = p
    return l0 - r * (x - 1880) - c * (1 - np.exp(-(x - 1880) / tau)) + s * np.sin((x - 1880) / 11.0)
for k in range(nfit):
    truth = np.array([7.5 - k / 5, 0.012 + k / 1000, 40 + 5 * k, 1.1, 0.05])
    y = retreat(truth, yr) + rng.normal(0, 0.02 + k * 0.01, yr.size)
    if k % 4 == 3:
        y[rng.integers(0, yr.size, 6)] -= 1.5  # survey blunders
    method, loss = [("trf", "linear"), ("dogbox", "soft_l1"), ("lm", "linear"), ("trf", "arctan"), ("trf", "huber")][k % 5]
    nfev = 25 if k % 6 == 5 else None
    print(f"glacier G{k + 1:02d}: {method}/{loss}, max_nfev={nfev}:")
    kw = {} if method == "lm" else {"bounds": ([0, 0, 1, 0, -1], [20, 0.2, 400, 5, 1])}
    r = least_squares(lambda p: retreat(p, yr) - y, x0=[5, 0.02, 80 + k, 0.5, 0.0], method=method, loss=loss,
                      verbose=2, max_nfev=nfev, x_scale="jac", **kw)
    print(f"  status={r.status} cost={r.cost:.5g} nfev={r.nfev} x={np.round(r.x, 4).tolist()}")
'''

MINI = r'''
import sys, numpy as np
from scipy.optimize import minimize, fmin_powell, fmin_ncg, fmin_l_bfgs_b, rosen, rosen_der, rosen_hess
seed, dims = int(sys.argv[1]), [int(v) for v in sys.argv[2].split(",")]
rng = np.random.default_rng(seed)
elev = rng.uniform(1850, 3400, 300)
smb = 0.007 * (elev - 2950) + rng.normal(0, 0.3, elev.size)
def ela_misfit(p):
    g, ela, cap = p
    pred = np.minimum(g * (elev - ela), cap)
    return float(np.mean((pred - smb) ** 2))
for n in dims:
    x0 = rng.uniform(-1.5, 1.5, n)
    for method in ["Nelder-Mead", "Powell", "CG", "BFGS", "Newton-CG", "trust-ncg", "COBYLA", "SLSQP"]:
        print(f"{method} (rosen, n={n}):")
        kw = {"jac": rosen_der, "hess": rosen_hess} if method in ("Newton-CG", "trust-ncg") else {}
        opts = {"disp": True, "maxiter": 25 * n if method in ("Nelder-Mead", "CG", "COBYLA") else 3000}
        try:
            r = minimize(rosen, x0, method=method, options=opts, **kw)
            print(f"  => success={r.success} fun={r.fun:.5g} nfev={r.nfev}")
        except Exception as e:
            print(f"  => {type(e).__name__}: {e}")
print("Powell on the ELA misfit:")
fmin_powell(ela_misfit, [0.001, 2500.0, 1.0], maxiter=8)
print("Newton-CG on rosen with a poor start:")
fmin_ncg(rosen, np.full(4, -3.0), rosen_der, fhess=rosen_hess, maxiter=6)
print("L-BFGS-B on the ELA misfit:")
print(fmin_l_bfgs_b(ela_misfit, [0.005, 2800.0, 2.0], approx_grad=True, bounds=[(0, 0.02), (2000, 3400), (0, 5)], disp=1)[2]["task"])
'''

NP_TESTS = r'''
import unittest
import numpy as np
from numpy.testing import assert_allclose, assert_array_equal, assert_array_less, assert_almost_equal

SEED, N, COLS = {seed}, {n}, {cols}


def to_mmwe(exposure_cm, rho):
    return np.asarray(exposure_cm, dtype=np.float16) * rho * 10  # fault: float16


def band_index(elev, lo, step):
    return ((np.asarray(elev) - lo) // step).astype(int) + 1  # fault: off by one


def fill_gaps(x):
    x = np.array(x, dtype=float)
    bad = np.isnan(x)
    x[bad] = np.nanmean(x) * 0.9  # fault: a biased fill
    return x


class TestStakes(unittest.TestCase):
    def setUp(self):
        self.rng = np.random.default_rng(SEED)

    def test_mmwe(self):
        e = self.rng.uniform(0, 400, N)
        assert_allclose(to_mmwe(e, 0.9), e * 9.0, rtol=1e-6)

    def test_band_index(self):
        elev = self.rng.uniform(1850, 3400, N)
        assert_array_equal(band_index(elev, 1850, 50), ((elev - 1850) // 50).astype(int))

    def test_fill(self):
        x = self.rng.normal(-800, 200, N)
        x[:: max(2, N // 40)] = np.nan
        want = np.where(np.isnan(x), np.nanmean(x), x)
        assert_allclose(fill_gaps(x), want, atol=1e-3)

    def test_grid_shape(self):
        g = self.rng.normal(size=(N // COLS, COLS))
        assert_almost_equal(g.T.T, g.reshape(COLS, -1).T, decimal=5)

    def test_monotone(self):
        c = np.cumsum(self.rng.uniform(0, 2, N))
        assert_array_less(c[:-1], c[1:] - 0.5)

    def test_fill_nothing_missing(self):
        x = np.arange(N, dtype=float)
        assert_array_equal(fill_gaps(x), x)

    def test_mmwe_zero(self):
        self.assertEqual(float(to_mmwe(0.0, 0.5)), 0.0)
'''


def moraine(tmp: Path) -> Path:
    root = tmp / "moraine"
    write_tree(root, {"tools.py": TOOLS, "grid_show.py": GRID_SHOW, "grid_join.py": GRID_JOIN, "stakes.py": STAKES,
                      "stake_cast.py": STAKE_CAST, "sym.py": SYM, "fit_retreat.py": LSQ, "fit_ela.py": MINI})
    return root


def grid_items(tmp: Path) -> None:
    root = moraine(tmp)
    for iid, args, tail in [("xr-repr-64vars", "21 64 365 14 9 repr", ""),
                            ("xr-repr-44vars-monthly-head-100", "22 44 200 10 7 repr monthly", " | head -n 100"),
                            ("xr-repr-30vars-exit", "23 30 90 6 12 repr", "; echo EXIT=$?"),
                            ("xr-info-70vars", "24 70 120 8 6 info", ""),
                            ("xr-info-45vars-tail-120", "25 45 60 5 4 info", " | tail -n 120")]:
        kind = n_xr_repr if "repr" in args else n_xr_info
        cap(iid, f"{PY} grid_show.py {args}{tail}", root, kind, typed=f"python grid_show.py {args}{tail}")
    cap("xr-join-all-exit", f"{PY} grid_join.py 31 2>&1; echo EXIT=$?", root, n_sci_traceback,
        typed="python grid_join.py 31 2>&1; echo EXIT=$?")
    cap("xr-join-first-four-tail-90", f"{PY} grid_join.py 32 4 2>&1 | tail -n 90", root, n_sci_traceback,
        typed="python grid_join.py 32 4 2>&1 | tail -n 90")


def arrow_items(tmp: Path) -> None:
    root = tmp / "moraine"
    cap("pa-table-repr-5-glaciers", f"{PY} stakes.py 41 3000 repr 5", root, n_pa_table,
        typed="python stakes.py 41 3000 repr 5")
    cap("pa-table-agg-head-80", f"{PY} stakes.py 42 900 agg | head -n 80", root, n_pa_table,
        typed="python stakes.py 42 900 agg | head -n 80")
    cap("pq-meta-split-codecs-8-groups", f"{PY} stakes.py 43 6000 split 8 0,1,5,7,8", root, n_pq_meta,
        typed="python stakes.py 43 6000 split 8 0,1,5,7,8")
    cap("pq-meta-snappy-6-cols-exit", f"{PY} stakes.py 44 4000 snappy 6 0,3,4,5; echo EXIT=$?", root, n_pq_meta,
        typed="python stakes.py 44 4000 snappy 6 0,3,4,5; echo EXIT=$?")
    cap("pq-meta-split-30-tail-150", f"{PY} stakes.py 45 9000 split 30 3,4,6 | tail -n 150", root, n_pq_meta,
        typed="python stakes.py 45 9000 split 30 3,4,6 | tail -n 150")
    cap("pa-cast-sheet-exit", f"{PY} stake_cast.py 46 1200 2>&1; echo EXIT=$?", root, n_pa_cast,
        typed="python stake_cast.py 46 1200 2>&1; echo EXIT=$?")


def sympy_items(tmp: Path) -> None:
    root = tmp / "moraine"
    cap("sympy-all-m7", f"{PY} sym.py all 7 2>&1", root, n_sympy, typed="python sym.py all 7 2>&1")
    cap("sympy-heat-m10-bad-exit", f"{PY} sym.py heat 10 2>&1; {PY} sym.py bad 5 2>&1; echo EXIT=$?", root, n_sympy,
        typed="python sym.py heat 10 2>&1; python sym.py bad 5 2>&1; echo EXIT=$?")


def scipy_items(tmp: Path) -> None:
    root = tmp / "moraine"
    cap("lsq-retreat-8-fits", f"{PY} fit_retreat.py 51 8 2>&1", root, n_lsq, typed="python fit_retreat.py 51 8 2>&1")
    cap("lsq-retreat-12-fits-tail-100", f"{PY} fit_retreat.py 52 12 2>&1 | tail -n 100", root, n_lsq,
        typed="python fit_retreat.py 52 12 2>&1 | tail -n 100")
    cap("lsq-retreat-5-fits-exit", f"{PY} fit_retreat.py 53 5; echo EXIT=$?", root, n_lsq,
        typed="python fit_retreat.py 53 5; echo EXIT=$?")
    cap("minimize-ela-3-dims", f"{PY} fit_ela.py 54 2,5,9 2>&1", root, n_minimize, typed="python fit_ela.py 54 2,5,9 2>&1")
    cap("minimize-ela-head-120-exit", f"{PY} fit_ela.py 55 4,16 2>&1 | head -n 120; echo EXIT=$?", root, n_minimize,
        typed="python fit_ela.py 55 4,16 2>&1 | head -n 120; echo EXIT=$?")


def unittest_items(tmp: Path) -> None:
    for seed, n, cols, typed in [(61, 300, 10, "python -m unittest -v test_stakes 2>&1; echo EXIT=$?"),
                                 (62, 2400, 60, "python -m unittest test_stakes 2>&1 | tail -n 100")]:
        d = tmp / f"ut{seed}"
        write_tree(d, {"test_stakes.py": NP_TESTS.format(seed=seed, n=n, cols=cols)})
        cap(f"np-unittest-stakes-{n}", typed.replace("python ", f"{PY} ", 1), d, n_np_unittest, typed=typed)


def ipython_items(tmp: Path) -> None:
    root = tmp / "moraine"
    (root / "scratch_a.ipy").write_text(IPY_TB.format(mode="Verbose", seed=71, n=14))
    cap("ipy-verbose-tb-surface-exit", f"{IPY} --colors=nocolor --no-banner scratch_a.ipy 2>&1; echo EXIT=$?", root,
        n_ipy_tb, typed="ipython --colors=nocolor scratch_a.ipy 2>&1; echo EXIT=$?")
    (root / "bench.ipy").write_text(timeit_script(72, [300, 3000, 30000, 120000]))
    cap("ipy-timeit-4-sizes", f"{IPY} --colors=nocolor bench.ipy 2>&1", root, n_timeit, typed="ipython bench.ipy 2>&1")
    (root / "prof.ipy").write_text(PRUN.format(seed=73, sort="cumulative", limit=70, n=40))
    cap("ipy-prun-cumulative-70", f"{IPY} --colors=nocolor prof.ipy", root, n_prun, typed="ipython prof.ipy")


def kernel_items(tmp: Path) -> None:
    env = {"JUPYTER_DATA_DIR": str(tmp / "jdata"), "JUPYTER_PATH": str(tmp / "jpath")}
    names = ["moraine-py312", "moraine-gpu", "glacio-r", "icepack", "pism-bridge", "julia-1.11", "elmer-ice",
             "oggm-dev", "xdem-nightly", "geopandas", "sympy-scratch", "legacy-py27", "matlab-engine", "octave-9"]
    for k, nm in enumerate(names):
        spec = {"argv": [f"/srv/conda/envs/{nm}/bin/python", "-m", "ipykernel_launcher", "-f", "{connection_file}"],
                "display_name": nm.replace("-", " ").upper() if k % 3 == 0 else f"Python ({nm})",
                "language": "python" if k % 5 else "julia", "metadata": {"debugger": k % 2 == 1}}
        base = Path(env["JUPYTER_DATA_DIR"] if k % 3 else env["JUPYTER_PATH"])
        (base / "kernels" / nm).mkdir(parents=True, exist_ok=True)
        (base / "kernels" / nm / "kernel.json").write_text(json.dumps(spec, indent=2))
    cap("kernelspec-list-json-plain", f"{VENV}/bin/jupyter kernelspec list --json; {VENV}/bin/jupyter kernelspec list",
        tmp, n_kernelspec, env=env, typed="jupyter kernelspec list --json; jupyter kernelspec list")


STEPS = [grid_items, arrow_items, sympy_items, scipy_items, unittest_items, ipython_items, kernel_items]
