"""Round 154's scientific Python items (third samples of round 136's kinds, its extractors imported): `sphagnum`, a
peatland carbon-flux network's data reduction (eddy-covariance towers, chamber plots, water-table loggers) written
here with faults put in, widened by seeded generators, run through xarray, pyarrow, SymPy, scipy, numpy.testing under
unittest, IPython and jupyter_client (round 136's venv). Run through capture_wide154.py."""

from __future__ import annotations

import json
from pathlib import Path

from capture_more import write_tree
from capture_wide136 import VENV
from capture_wide136_sci import (n_kernelspec, n_lsq, n_minimize, n_np_unittest, n_pa_cast, n_pa_table, n_pq_meta,
                                 n_prun, n_sci_traceback, n_sympy, n_timeit, n_ipy_tb, n_xr_info, n_xr_repr)
from capture_wide154 import cap

PY = f"{VENV}/bin/python"
IPY = f"{VENV}/bin/ipython"

NET = r'''
import sys, numpy as np, pandas as pd, xarray as xr

FLUX = ["nee", "gpp", "reco", "ch4", "h2o", "le", "h", "ustar", "wtd", "tsoil", "tair", "par", "vpd", "swc",
        "co2conc", "footprint", "qc"]


def towers(seed, nvar, nhalf, nplot, ndepth, odd=True):
    rng = np.random.default_rng(seed)
    time = pd.date_range("2025-04-01", periods=nhalf, freq="30min")
    plot = [f"P{k:02d}" for k in range(1, nplot + 1)]
    ds = xr.Dataset(coords={"time": time, "plot": plot,
                            "depth": ("depth", np.arange(1, ndepth + 1) * 0.05, {"units": "m", "positive": "down"}),
                            "microform": ("plot", [["hummock", "lawn", "hollow"][k % 3] for k in range(nplot)]),
                            "lat": ("plot", np.round(61.84 + rng.uniform(0, 0.01, nplot), 5))})
    for k in range(nvar):
        nm = f"{FLUX[k % len(FLUX)]}_{k // len(FLUX) + 1}"
        dims, shape = ("time", "plot"), (nhalf, nplot)
        if odd and k in (4, 19, 33):
            dims, shape = ("time", "depth", "plot"), (nhalf, ndepth, nplot)
        if odd and k == 27:
            dims, shape = ("depth",), (ndepth,)
        data = rng.normal(k % 7 - 3, 1 + k % 4, shape).astype("float32" if k % 2 else "float64")
        ds[nm] = (dims, data, {"units": ["umol m-2 s-1", "nmol m-2 s-1", "W m-2", "cm", "degC"][k % 5],
                               "gapfill": ["MDS", "ANN", "none"][k % 3]})
    ds.attrs.update({"title": "Sphagnum flux network, growing season 2025", "site": "Siikaneva-like fen, 4 towers",
                     "processing": f"sphagnum qc 0.9 seed {seed}", "licence": "CC-BY-4.0",
                     "caveat": "tower T3 sonic iced 2025-04-19 to 2025-04-22"})
    return ds
'''

NET_SHOW = NET + r'''
xr.set_options(display_max_rows=400, display_width=116)
seed, nvar, nhalf, nplot, ndepth = map(int, sys.argv[1:6])
ds = towers(seed, nvar, nhalf, nplot, ndepth)
if sys.argv[6] == "repr":
    print(ds)
    if len(sys.argv) > 7:
        print(ds.groupby("microform").mean())
else:
    ds.info()
'''

NET_JOIN = NET + r'''
import traceback
seed = int(sys.argv[1])
a = towers(seed, 10, 96, 6, 4)
b = towers(seed + 5, 10, 90, 8, 5)
print(f"tower T1: {dict(a.sizes)}")
print(f"tower T2: {dict(b.sizes)}")
attempts = [
    ("align the two towers exactly", lambda: xr.align(a, b, join="exact")),
    ("difference of the water tables", lambda: a["wtd_1"].variable - b["wtd_1"].variable),
    ("merge conflicting methane", lambda: xr.merge([a[["ch4_1"]], b[["ch4_1"]].isel(time=slice(0, 90))], compat="no_conflicts", join="inner")),
    ("concat soil profiles along depth", lambda: xr.concat([a["tsoil_1"], b["tsoil_1"]], dim="depth")),
    ("select a plot that was never installed", lambda: a.sel(plot="P42")),
    ("interp to a tz-aware time", lambda: a.interp(time=pd.date_range("2025-04-01", periods=3, freq="h", tz="UTC"))),
    ("assign a coordinate of the wrong length", lambda: a.assign_coords(plot=["P1", "P2"])),
]
for label, fn in attempts:
    print(f"-- {label}")
    try:
        print("   ->", type(fn()).__name__)
    except Exception:
        print(f"variable wtd_1 of tower pair seed {seed} could not be combined")
        traceback.print_exc(file=sys.stdout)
'''

CHAMBERS = r'''
import sys, numpy as np, pyarrow as pa, pyarrow.compute as pc, pyarrow.parquet as pq
seed, n = int(sys.argv[1]), int(sys.argv[2])
rng = np.random.default_rng(seed)
forms = ["hummock", "lawn", "hollow", "ditch", "mud-bottom"]
runs = pa.table({
    "plot": pa.array([f"P{i % 24 + 1:02d}" for i in range(n)]),
    "microform": pa.array([forms[i % 5] for i in range(n)]).dictionary_encode(),
    "closed_at": pa.array(np.arange(n, dtype="int64") * 5400 + 1743465600, pa.timestamp("s", tz="Europe/Helsinki")),
    "ch4_flux": pa.array(np.round(rng.lognormal(3, 0.8, n), 2)),
    "co2_flux": pa.array([None if i % 41 == 5 else round(float(x), 3) for i, x in enumerate(rng.normal(-2.5, 3, n))]),
    "r2": pa.array(rng.uniform(0.55, 0.999, n).astype("float32")),
    "wtd_cm": pa.array(rng.integers(-35, 12, n).astype("int16")),
    "operator": pa.array([["JK", "MV", "EL", "intern"][i % 4] for i in range(n)]),
    "vials": pa.array([[f"v{i}-{j}" for j in range(i % 4)] for i in range(n)]),
    "chamber": pa.array([{"id": f"C{i % 6}", "volume_l": 65.0 + i % 6 * 5, "fan": i % 2 == 0} for i in range(n)]),
})
schema = runs.schema.with_metadata({"network": "sphagnum", "season": f"gs2025-{seed}", "instrument": "LI-7810"})
schema = schema.set(3, schema.field(3).with_metadata({"units": "nmol m-2 s-1"}))
schema = schema.set(6, schema.field(6).with_metadata({"units": "cm", "datum": "peat surface"}))
runs = runs.cast(schema)
mode = sys.argv[3]
if mode == "repr":
    print(runs)
    for f in forms[: int(sys.argv[4])]:
        print(f"microform {f}:")
        print(runs.filter(pc.equal(runs["microform"].cast(pa.string()), f)).select(["plot", "closed_at", "ch4_flux", "chamber"]).slice(0, 4))
else:
    path = f"chambers{seed}.parquet"
    codecs = {"zstd": "zstd", "mixed": {"plot": "gzip", "vials": "brotli", "chamber": "zstd", "microform": "snappy",
              "closed_at": "snappy", "ch4_flux": "snappy", "co2_flux": "snappy", "r2": "snappy", "wtd_cm": "lz4", "operator": "snappy"}}[mode]
    pq.write_table(runs, path, row_group_size=max(1, n // int(sys.argv[4])), compression=codecs,
                   write_statistics=True, data_page_size=8192)
    md = pq.ParquetFile(path).metadata
    print(md)
    cols = [int(c) for c in sys.argv[5].split(",")]
    for i in range(md.num_row_groups):
        print(f"=== row group {i} of {path}")
        rg = md.row_group(i)
        print(rg)
        for j in cols:
            cc = rg.column(j)
            print(cc)
            if cc.statistics is not None:
                print(cc.statistics)
'''

CHAMBER_CAST = r'''
import sys, traceback, numpy as np, pyarrow as pa, pyarrow.compute as pc
seed, n = int(sys.argv[1]), int(sys.argv[2])
rng = np.random.default_rng(seed)
sheet = pa.table({
    "plot": [f"P{k % 24 + 1:02d}" for k in range(n)],
    "ch4_flux": [f"{x:.2f}" if k != n // 4 else "n/a" for k, x in enumerate(rng.lognormal(3, 0.8, n))],
    "wtd_cm": rng.normal(-12, 40, n).round(0),
    "vial_count": rng.integers(-1, 300, n),
    "closed_on": [f"2025-{4 + k % 6:02d}-{1 + k % 30:02d}" if k != 17 else "2025-06-31" for k in range(n)],
    "r2": rng.uniform(0.5, 1.0, n),
})
print(sheet.schema)
want = pa.schema([("plot", pa.string()), ("ch4_flux", pa.float32()), ("wtd_cm", pa.int8()),
                  ("vial_count", pa.uint8()), ("closed_on", pa.date32()), ("r2", pa.decimal128(3, 2))])
for f in want:
    print(f"column {f.name}: {sheet[f.name].type} -> {f.type}")
    try:
        res = pc.cast(sheet[f.name], f.type)
        print(f"   cast ok ({len(res)} rows, {res.null_count} null)")
    except (pa.ArrowInvalid, pa.ArrowNotImplementedError, pa.ArrowTypeError):
        traceback.print_exc(file=sys.stdout)
print("whole sheet against the archive schema")
pa.Table.from_pylist(sheet.to_pylist(), schema=want)
'''

SYM = r'''
import sys
from sympy import (symbols, Function, Eq, dsolve, solve, exp, log, sqrt, Matrix, pprint, simplify, integrate, oo,
                   series, apart, summation, Rational, nsolve, solveset, S, cos, factor, limit)
t, z, k, q, T, x, n, D, R = symbols("t z k q T x n D R", positive=True)
m = int(sys.argv[2])
part = sys.argv[1]
if part in ("carbon", "all"):
    print("Q10 respiration summed over layers:")
    pprint(simplify(sum(R * 2 ** ((T - 10 * j) / 10) for j in range(m))))
    print("temperature where respiration doubles:")
    pprint(solve(Eq(R * 2 ** ((T - 10) / 10), 2 * R), T))
    print("light response integrated over a day:")
    pprint(integrate(q * x / (k + x), (x, 0, D)))
    print("partial fractions of the storage model:")
    pprint(apart((x**2 + 1) / ((x + 3) * (x + m) * (x + 2 * m)), x))
if part in ("water", "all"):
    h = Function("h")
    print("water table ODE:")
    pprint(dsolve(h(t).diff(t) + k * h(t) - q, h(t)))
    print("diffusion in the acrotelm:")
    pprint(dsolve(h(z).diff(z, 2) - k**2 * h(z), h(z), ics={h(0): 1, h(z).diff(z).subs(z, 0): 0}))
    print("series of the drainage curve:")
    pprint(series(exp(-k * t) * cos(t), t, 0, m))
    A = Matrix(m, m, lambda i, j: 3 if i == j else (-1 if abs(i - j) == 1 else 0))
    print("layer exchange matrix:")
    pprint(A)
    print("its determinant factored:")
    pprint(factor(A.det()))
if part in ("gas", "all"):
    print("roots of the ebullition cubic:")
    for r in solve(x**3 - 2 * m * x + 3, x):
        print("  ", r)
    print("solveset of log(x) = -x**2 - 1 over the reals:")
    print(solveset(log(x) + x**2 + 1, x, domain=S.Reals))
    print("limit of the diffusion term:")
    pprint(limit((1 - exp(-k * t)) / t, t, 0))
    print("sum of the seasonal harmonics:")
    pprint(summation(1 / n**4, (n, 1, oo)))
if part == "bad":
    print("water table where outflow stops:")
    print(nsolve(exp(x) + x**m + 2, x, 0.5))
'''

TOOLS = r'''
"""sphagnum.tools: flux reduction helpers (a fault in the microform lookup)."""
import numpy as np

SCALE = {"hummock": 0.8, "lawn": 1.0, "hollow": 1.3}


def microform(wtd_cm):
    return "hummock" if wtd_cm < -20 else "lawn" if wtd_cm < -5 else "Hollow"  # fault: capital H


def plot_flux(runs, plot):
    wtd = runs[plot]
    forms = [microform(d) for d in wtd]
    s = np.array([SCALE[f] for f in forms])
    return float(np.mean(np.gradient(wtd) * s))


def depth_bins(wtd, flux, step):
    edges = np.arange(wtd.min(), wtd.max() + step, step)
    idx = np.digitize(wtd, edges)
    return {int(e): float(flux[idx == i].mean()) for i, e in enumerate(edges, 1) if np.any(idx == i)}


def upscale(runs, plots):
    return {p: plot_flux(runs, p) for p in plots}
'''

IPY_TB = r'''
%xmode {mode}
import numpy as np
from tools import upscale
rng = np.random.default_rng({seed})
runs = {{f"P{{k:02d}}": rng.uniform(-30, 5, {n}) for k in range(1, 9)}}
print("upscaling", len(runs), "plots")
print(upscale(runs, sorted(runs)))
'''


def timeit_script(seed: int, sizes: list[int]) -> str:
    out = f"import numpy as np\nfrom tools import depth_bins, microform\nrng = np.random.default_rng({seed})\n"
    for n in sizes:
        out += f"w{n} = rng.uniform(-40, 10, {n}); f{n} = rng.lognormal(3, 0.8, {n})\n"
        out += f'print("depth_bins, {n} runs:")\n%timeit -r 3 -n 3 depth_bins(w{n}, f{n}, 2)\n'
        out += f'print("np.percentile, {n} runs:")\n%timeit -r 3 np.percentile(f{n}, [5, 50, 95])\n'
        out += f'print("microform list, {n} runs:")\n%timeit -r 3 -n 2 [microform(d) for d in w{n}]\n'
    return out


PRUN = r'''
import numpy as np
from tools import depth_bins, plot_flux
rng = np.random.default_rng({seed})
def campaign(n):
    out = []
    for k in range(n):
        w = rng.uniform(-40, 10, 600 + 15 * k); f = rng.lognormal(3, 0.8, w.size)
        out.append(depth_bins(w, f, 1 + k % 4))
        try:
            plot_flux({{"p": rng.uniform(-30, -10, 30)}}, "p")
        except KeyError:
            pass
    return out
%prun -s {sort} -l {limit} campaign({n})
'''

LSQ = r'''
import sys, numpy as np
from scipy.optimize import least_squares
seed, nfit = int(sys.argv[1]), int(sys.argv[2])
rng = np.random.default_rng(seed)
par = np.linspace(0, 1800, 160)
tsoil = rng.uniform(2, 18, par.size)
def nee(p, x, ts):
    a, pmax, r10, q10, off = p
    return -(a * x * pmax) / (a * x + pmax) + r10 * q10 ** ((ts - 10) / 10) + off
for k in range(nfit):
    truth = np.array([0.02 + k / 400, 8 + k / 2, 1.5 + k / 10, 2.1, 0.1])
    y = nee(truth, par, tsoil) + rng.normal(0, 0.15 + k * 0.03, par.size)
    if k % 3 == 2:
        y[rng.integers(0, par.size, 8)] += 6.0  # spikes from a wet sonic
    method, loss = [("trf", "linear"), ("dogbox", "huber"), ("trf", "cauchy"), ("lm", "linear"), ("trf", "soft_l1")][k % 5]
    nfev = 30 if k % 5 == 4 else None
    print(f"plot P{k + 1:02d}: {method}/{loss}, max_nfev={nfev}:")
    kw = {} if method == "lm" else {"bounds": ([0, 0, 0, 1, -2], [1, 60, 10, 5, 2])}
    r = least_squares(lambda p: nee(p, par, tsoil) - y, x0=[0.05, 15, 2, 2.5, 0.0], method=method, loss=loss,
                      verbose=2, max_nfev=nfev, **kw)
    print(f"  status={r.status} cost={r.cost:.5g} nfev={r.nfev} x={np.round(r.x, 4).tolist()}")
'''

MINI = r'''
import sys, numpy as np
from scipy.optimize import minimize, fmin, fmin_bfgs, fmin_cg, rosen, rosen_der, rosen_hess
seed, dims = int(sys.argv[1]), [int(v) for v in sys.argv[2].split(",")]
rng = np.random.default_rng(seed)
wtd = rng.uniform(-40, 10, 400)
ch4 = 40 * np.exp(0.06 * wtd) + rng.normal(0, 3, wtd.size)
def ch4_misfit(p):
    a, b, c = p
    return float(np.mean((a * np.exp(b * wtd) + c - ch4) ** 2))
for n in dims:
    x0 = rng.uniform(-2, 2, n)
    for method in ["Nelder-Mead", "Powell", "CG", "BFGS", "L-BFGS-B", "Newton-CG", "trust-exact", "COBYLA", "TNC"]:
        print(f"{method} (rosen, n={n}):")
        kw = {"jac": rosen_der, "hess": rosen_hess} if method in ("Newton-CG", "trust-exact") else {}
        opts = {"disp": True, "maxiter": 30 * n if method in ("Nelder-Mead", "CG", "COBYLA", "Powell") else 2000}
        try:
            r = minimize(rosen, x0, method=method, options=opts, **kw)
            print(f"  => success={r.success} fun={r.fun:.5g} nfev={r.nfev}")
        except Exception as e:
            print(f"  => {type(e).__name__}: {e}")
print("Nelder-Mead fmin on the methane curve:")
fmin(ch4_misfit, [10.0, 0.01, 0.0], maxiter=60)
print("BFGS on the methane curve:")
fmin_bfgs(ch4_misfit, [10.0, 0.01, 0.0], maxiter=12)
print("CG on rosen from far away:")
fmin_cg(rosen, np.full(5, 3.0), rosen_der, maxiter=10)
'''

NP_TESTS = r'''
import unittest
import numpy as np
from numpy.testing import assert_allclose, assert_array_equal, assert_array_less, assert_array_almost_equal

SEED, N, COLS = {seed}, {n}, {cols}


def umol_to_mg(flux):
    return np.asarray(flux, dtype=np.float16) * 44.01e-3 * 3600  # fault: float16


def half_hour_index(seconds):
    return (np.asarray(seconds) // 1800).astype(int) - 1  # fault: off by one


def despike(x, k=3.0):
    x = np.array(x, dtype=float)
    med = np.median(x)
    x[np.abs(x - med) > k * x.std()] = med * 1.1  # fault: biased fill
    return x


class TestFlux(unittest.TestCase):
    def setUp(self):
        self.rng = np.random.default_rng(SEED)

    def test_units(self):
        f = self.rng.normal(-3, 4, N)
        assert_allclose(umol_to_mg(f), f * 44.01e-3 * 3600, rtol=1e-5)

    def test_index(self):
        s = self.rng.integers(0, 86400 * 30, N)
        assert_array_equal(half_hour_index(s), s // 1800)

    def test_despike(self):
        x = self.rng.normal(5, 1, N)
        x[:: max(3, N // 30)] = 60.0
        want = np.where(np.abs(x - np.median(x)) > 3 * x.std(), np.median(x), x)
        assert_allclose(despike(x), want, atol=1e-6)

    def test_profile_shape(self):
        g = self.rng.normal(size=(N // COLS, COLS))
        assert_array_almost_equal(g, g.reshape(COLS, -1).T, decimal=4)

    def test_cumulative(self):
        c = np.cumsum(self.rng.uniform(0, 1, N))
        assert_array_less(c[:-1] + 0.2, c[1:])

    def test_index_zero(self):
        self.assertEqual(int(half_hour_index(0)), 0)

    def test_despike_clean(self):
        x = np.linspace(0, 1, N)
        assert_array_equal(despike(x), x)
'''


def sphagnum(tmp: Path) -> Path:
    root = tmp / "sphagnum"
    write_tree(root, {"tools.py": TOOLS, "net_show.py": NET_SHOW, "net_join.py": NET_JOIN, "chambers.py": CHAMBERS,
                      "chamber_cast.py": CHAMBER_CAST, "sym.py": SYM, "fit_nee.py": LSQ, "fit_ch4.py": MINI})
    return root


def grid_items(tmp: Path) -> None:
    root = sphagnum(tmp)
    for iid, args, tail in [("xr-repr-58vars", "1541 58 480 12 6 repr", ""),
                            ("xr-repr-40vars-microform-tail-80", "1542 40 336 9 5 repr groupby", " | tail -n 80"),
                            ("xr-repr-24vars-exit", "1543 24 144 15 8 repr", "; echo EXIT=$?"),
                            ("xr-info-62vars-head-150", "1544 62 240 6 4 info", " | head -n 150")]:
        kind = n_xr_repr if "repr" in args else n_xr_info
        cap(iid, f"{PY} net_show.py {args}{tail}", root, kind, typed=f"python net_show.py {args}{tail}")
    cap("xr-join-towers-exit", f"{PY} net_join.py 1545 2>&1; echo EXIT=$?", root, n_sci_traceback,
        typed="python net_join.py 1545 2>&1; echo EXIT=$?")


def arrow_items(tmp: Path) -> None:
    root = tmp / "sphagnum"
    cap("pa-table-repr-4-microforms", f"{PY} chambers.py 1546 2400 repr 4", root, n_pa_table,
        typed="python chambers.py 1546 2400 repr 4")
    cap("pq-meta-mixed-codecs-6-groups", f"{PY} chambers.py 1547 5000 mixed 6 0,1,3,4,6,9", root, n_pq_meta,
        typed="python chambers.py 1547 5000 mixed 6 0,1,3,4,6,9")
    cap("pq-meta-zstd-12-groups-head-200", f"{PY} chambers.py 1548 12000 zstd 12 2,3,6 | head -n 200", root, n_pq_meta,
        typed="python chambers.py 1548 12000 zstd 12 2,3,6 | head -n 200")
    cap("pq-meta-mixed-20-tail-120-exit", f"{PY} chambers.py 1549 8000 mixed 20 4,5,7 | tail -n 120; echo EXIT=$?",
        root, n_pq_meta, typed="python chambers.py 1549 8000 mixed 20 4,5,7 | tail -n 120; echo EXIT=$?")
    cap("pa-cast-chamber-sheet-exit", f"{PY} chamber_cast.py 1550 900 2>&1; echo EXIT=$?", root, n_pa_cast,
        typed="python chamber_cast.py 1550 900 2>&1; echo EXIT=$?")


def sympy_items(tmp: Path) -> None:
    root = tmp / "sphagnum"
    cap("sympy-all-m6-bad-exit", f"{PY} sym.py all 6 2>&1; {PY} sym.py bad 4 2>&1; echo EXIT=$?", root, n_sympy,
        typed="python sym.py all 6 2>&1; python sym.py bad 4 2>&1; echo EXIT=$?")


def scipy_items(tmp: Path) -> None:
    root = tmp / "sphagnum"
    cap("lsq-nee-10-fits", f"{PY} fit_nee.py 1551 10 2>&1", root, n_lsq, typed="python fit_nee.py 1551 10 2>&1")
    cap("lsq-nee-15-fits-tail-120", f"{PY} fit_nee.py 1552 15 2>&1 | tail -n 120", root, n_lsq,
        typed="python fit_nee.py 1552 15 2>&1 | tail -n 120")
    cap("lsq-nee-6-fits-head-100-exit", f"{PY} fit_nee.py 1553 6 2>&1 | head -n 100; echo EXIT=$?", root, n_lsq,
        typed="python fit_nee.py 1553 6 2>&1 | head -n 100; echo EXIT=$?")
    cap("minimize-ch4-3-dims", f"{PY} fit_ch4.py 1554 3,6,10 2>&1", root, n_minimize,
        typed="python fit_ch4.py 1554 3,6,10 2>&1")
    cap("minimize-ch4-tail-90-exit", f"{PY} fit_ch4.py 1555 2,12 2>&1 | tail -n 90; echo EXIT=$?", root, n_minimize,
        typed="python fit_ch4.py 1555 2,12 2>&1 | tail -n 90; echo EXIT=$?")


def unittest_items(tmp: Path) -> None:
    d = tmp / "ut154"
    write_tree(d, {"test_flux.py": NP_TESTS.format(seed=1556, n=1200, cols=40)})
    typed = "python -m unittest -v test_flux 2>&1; echo EXIT=$?"
    cap("np-unittest-flux-1200", typed.replace("python ", f"{PY} ", 1), d, n_np_unittest, typed=typed)


def ipython_items(tmp: Path) -> None:
    root = tmp / "sphagnum"
    (root / "scratch_b.ipy").write_text(IPY_TB.format(mode="Verbose", seed=1557, n=20))
    cap("ipy-verbose-tb-microform-exit", f"{IPY} --colors=nocolor --no-banner scratch_b.ipy 2>&1; echo EXIT=$?", root,
        n_ipy_tb, typed="ipython --colors=nocolor scratch_b.ipy 2>&1; echo EXIT=$?")
    (root / "bench.ipy").write_text(timeit_script(1558, [500, 5000, 50000]))
    cap("ipy-timeit-3-sizes", f"{IPY} --colors=nocolor bench.ipy 2>&1", root, n_timeit, typed="ipython bench.ipy 2>&1")
    (root / "prof.ipy").write_text(PRUN.format(seed=1559, sort="tottime", limit=60, n=36))
    cap("ipy-prun-tottime-60", f"{IPY} --colors=nocolor prof.ipy", root, n_prun, typed="ipython prof.ipy")


def kernel_items(tmp: Path) -> None:
    env = {"JUPYTER_DATA_DIR": str(tmp / "jdata"), "JUPYTER_PATH": str(tmp / "jpath")}
    names = ["sphagnum-py313", "eddypro-bridge", "reddyproc-r", "fluxnet-qc", "ch4-ann", "julia-1.12", "pyflux",
             "oneflux-legacy", "pangeo-2025", "xarray-dev", "tower-gpu", "matlab-r2025a", "ir-4.4", "sage-10",
             "octave-10", "py27-archive"]
    for k, nm in enumerate(names):
        spec = {"argv": [f"/opt/envs/{nm}/bin/python", "-m", "ipykernel_launcher", "-f", "{connection_file}"],
                "display_name": f"Python 3 ({nm})" if k % 4 else nm.upper(),
                "language": "python" if k % 6 else "R", "metadata": {"debugger": k % 3 == 0}}
        base = Path(env["JUPYTER_DATA_DIR"] if k % 2 else env["JUPYTER_PATH"])
        (base / "kernels" / nm).mkdir(parents=True, exist_ok=True)
        (base / "kernels" / nm / "kernel.json").write_text(json.dumps(spec, indent=2))
    cap("kernelspec-list-plain-json-exit",
        f"{VENV}/bin/jupyter kernelspec list; {VENV}/bin/jupyter kernelspec list --json; echo EXIT=$?",
        tmp, n_kernelspec, env=env, typed="jupyter kernelspec list; jupyter kernelspec list --json; echo EXIT=$?")


STEPS = [grid_items, arrow_items, sympy_items, scipy_items, unittest_items, ipython_items, kernel_items]
