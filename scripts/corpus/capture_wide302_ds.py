"""Round 302's data sets, extractors and steps (run through capture_wide302.py). The data is seeded and written with
the standard library; the scripts the round writes run in the round's venv (numpy, pandas, scikit-learn, scipy,
statsmodels). Every extractor's docstring's first line is its NEEDLES.md rule ("Round 302")."""

from __future__ import annotations

import math
import random
import re
from pathlib import Path

import capture_more as cm
from capture_data import any_of, python_exceptions
from capture_more import groups, kind, mask

_SIZED = cm.Sized(400, 120_000)
add, cap = _SIZED.add, _SIZED.cap

# ------------------------------------------------------------------ seeded data

STATIONS = [f"S{i:02d}" for i in range(1, 25)]


def bikes(seed: int, n: int) -> list[dict]:
    """n rides of a bike-sharing fleet: station, bike type (cargo rare), member/casual, hour, weekday, duration,
    distance, temperature, battery (electric only, else missing), rating (often missing); a temporary station on two
    rides, a 900-minute ride (a bike never docked), a negative distance."""
    rnd = random.Random(seed)
    rows = []
    for i in range(n):
        bt = rnd.choices(["classic", "electric", "cargo"], [60, 38, 2])[0]
        hour = rnd.choices(range(24), [1, 1, 1, 1, 1, 2, 5, 9, 12, 6, 4, 4, 5, 5, 4, 5, 7, 11, 10, 6, 4, 3, 2, 1])[0]
        member = rnd.choices(["member", "casual"], [7, 3])[0]
        dist = round(max(0.2, rnd.gauss(2.8 if bt == "electric" else 2.0, 1.1)), 2)
        dur = round(dist / (rnd.uniform(12, 20) if bt == "electric" else rnd.uniform(8, 14)) * 60 + rnd.uniform(0, 4), 1)
        rows.append({"ride_id": f"R{seed}-{i:06d}", "station": rnd.choice(STATIONS), "bike_type": bt,
                     "member": member, "hour": hour, "weekday": rnd.choice(["Mon", "Tue", "Wed", "Thu", "Fri",
                                                                            "Sat", "Sun"]),
                     "duration_min": dur, "distance_km": dist, "temp_c": round(rnd.gauss(14, 7), 1),
                     "battery_pct": rnd.randint(5, 100) if bt == "electric" else "",
                     "rating": rnd.randint(1, 5) if rnd.random() < 0.35 else ""})
    rows[n // 3]["station"] = rows[2 * n // 3]["station"] = "S99-TEMP"
    rows[n // 5]["duration_min"] = 900.0
    rows[n // 7]["distance_km"] = -1.3
    return rows


LAB_SITES = ["north", "south", "east", "west", "central"]


def lab(seed: int, n: int) -> list[dict]:
    """n patients' lab panel: glucose in mg/dL and again in mmol/L (collinear), HbA1c, creatinine, eGFR, lipids, CRP,
    a constant lab code, a diabetic label from glucose and HbA1c; values missing at various rates, a site effect."""
    rnd = random.Random(seed)
    seff = {s: rnd.gauss(0, 6) for s in LAB_SITES}
    rows = []
    for i in range(n):
        age = rnd.randint(18, 90)
        sex = rnd.choice(["F", "M"])
        site = rnd.choices(LAB_SITES, [3, 3, 2, 2, 1])[0]
        bmi = round(rnd.gauss(27, 4.5), 1)
        glu = round(rnd.gauss(95 + 0.8 * (bmi - 27) + 0.2 * (age - 50), 18) + seff[site], 1)
        hba1c = round(4.2 + glu / 55 + rnd.gauss(0, 0.35), 2)
        crea = round(max(0.4, rnd.gauss(0.9 + (0.15 if sex == "M" else 0) + 0.004 * (age - 50), 0.2)), 2)
        egfr = round(141 * min(crea / 0.9, 1) ** -0.411 * max(crea / 0.9, 1) ** -1.209 * 0.993 ** age, 1)
        ldl = round(rnd.gauss(120 + 0.3 * (age - 50), 30), 0)
        hdl = round(rnd.gauss(55 if sex == "F" else 47, 12), 0)
        trig = round(rnd.lognormvariate(4.9, 0.45), 0)
        crp = round(rnd.lognormvariate(0.3, 1.0), 2)
        diab = int(glu > 125 or hba1c > 6.5)
        row = {"patient": f"P{seed % 1000:03d}{i:05d}", "site": site, "sex": sex, "age": age, "bmi": bmi,
               "glucose_mgdl": glu, "glucose_mmol": round(glu / 18.016, 3), "hba1c": hba1c, "creatinine": crea,
               "egfr": egfr, "ldl": ldl, "hdl": hdl, "trig": trig, "crp": crp, "lab_code": "LX-7", "diabetic": diab}
        for col, p in (("hba1c", 0.08), ("ldl", 0.04), ("hdl", 0.04), ("trig", 0.05), ("crp", 0.2), ("bmi", 0.01)):
            if rnd.random() < p:
                row[col] = ""
        rows.append(row)
    return rows


TURBINES = [f"T{i:02d}" for i in range(1, 13)]


def wind(seed: int, hours: int) -> list[dict]:
    """A wind farm's hourly readings per turbine: wind speed (an AR(1) process), power from a power curve, rotor rpm,
    nacelle temperature, yaw error, status (derated and fault rare), a stuck anemometer on one turbine."""
    rnd = random.Random(seed)
    rows = []
    ws = 8.0
    for h in range(hours):
        ws = max(0.0, 0.85 * ws + 0.15 * 8.0 + rnd.gauss(0, 1.2))
        for t in TURBINES:
            w = max(0.0, ws + rnd.gauss(0, 0.6))
            if t == "T07" and h > hours // 2:
                w = 0.0  # stuck anemometer
            p = 0.0 if w < 3 else 2300.0 if w > 12 else 2300.0 * ((w - 3) / 9) ** 3
            status = rnd.choices(["ok", "derated", "fault"], [96, 3, 1])[0]
            if status != "ok":
                p *= 0.5 if status == "derated" else 0.0
            rows.append({"ts": f"2024-03-{1 + h // 24:02d} {h % 24:02d}:00", "turbine": t, "wind_ms": round(w, 2),
                         "power_kw": round(p + rnd.gauss(0, 25), 1), "rotor_rpm": round(min(16, w * 1.4), 2),
                         "nacelle_c": round(18 + p / 200 + rnd.gauss(0, 1.5), 1),
                         "yaw_err": round(rnd.gauss(0, 4), 1), "status": status})
    return rows


def to_csv(rows: list[dict], sep: str = ",") -> str:
    cols = list(rows[0])
    return sep.join(cols) + "\n" + "".join(sep.join(str(r[c]) for c in cols) + "\n" for r in rows)


# ------------------------------------------------------------------ the common part (NEEDLES.md, "Round 302")

WARN = re.compile(r"^(\S.*?):(\d+): (\w+Warning): (.*)$")
RESULT = re.compile(r"(?i)(accuracy|score|r2|rmse|mae)\s*[=:]\s*-?\d")
TOOL_LOG = ("[", "Iteration", "Validation score", "Norm:", "Iter", "-- Epoch")
EXIT = re.compile(r"^EXIT=([1-9]\d*)$")


def common(lines: list[str], tool_log=TOOL_LOG) -> list:
    """Exceptions (+ innermost File), `_RemoteTraceback` lines, warnings one {"any"} per (category, message shape,
    file), ERROR/CRITICAL lines, a non-zero EXIT=, the script's result lines."""
    out: list = list(python_exceptions(lines))
    out += [ln for ln in lines if "_RemoteTraceback" in ln]
    pairs = []
    for ln in lines:
        m = WARN.match(ln)
        if m:
            pairs.append(((m.group(3), mask(m.group(4)), m.group(1)), ln))
    out += groups(pairs)
    out += [ln for ln in lines if ln.startswith(("ERROR", "CRITICAL")) or EXIT.match(ln)]
    out += [ln for ln in lines if RESULT.search(ln) and not ln.lstrip().startswith(tool_log) and not WARN.match(ln)]
    return out


NUM = r"(-?(?:\d+\.?\d*(?:[eE][-+]?\d+)?|nan|inf))"


def fnum(s: str) -> float:
    return float(s)


def extremes(rows: list[tuple[str, float]], lo=True, hi=True) -> list:
    """{"any"} of the rows holding the minimum / maximum value (NaN left out)."""
    vals = [(ln, v) for ln, v in rows if not math.isnan(v)]
    out = []
    if not vals:
        return out
    if lo:
        m = min(v for _, v in vals)
        out.append(any_of([ln for ln, v in vals if v == m]))
    if hi:
        m = max(v for _, v in vals)
        out.append(any_of([ln for ln, v in vals if v == m]))
    return out


def is_bad(v: float) -> bool:
    return math.isnan(v) or math.isinf(v)


# ------------------------------------------------------------------ extractors

MLP_IT = re.compile(r"^Iteration (\d+), loss = " + NUM + r"\s*$")
MLP_VAL = re.compile(r"^Validation score: " + NUM + r"\s*$")


@kind("sklearn-mlp-verbose", "log")
def n_mlp(lines):
    """common part; first and last `Iteration N, loss =` line; the minimum loss line; first nan/inf loss line; max `Validation score:` line; `... did not improve` stop lines"""
    out = common(lines)
    its = [(ln, fnum(m.group(2))) for ln in lines if (m := MLP_IT.match(ln))]
    if its:
        out += [its[0][0], its[-1][0]]
        out += extremes(its, hi=False)
        bad = [ln for ln, v in its if is_bad(v)]
        out += bad[:1]
    vals = [(ln, fnum(m.group(1))) for ln in lines if (m := MLP_VAL.match(ln))]
    out += extremes(vals, lo=False)
    out += [ln for ln in lines if ln.startswith(("Training loss did not improve", "Validation score did not improve"))]
    return out


GB_ROW = re.compile(r"^\s+(\d+)\s+" + NUM + r"(?:\s+" + NUM + r")?\s+\S+\s*$")


@kind("sklearn-gb-verbose", "log")
def n_gb(lines):
    """common part; every `Iter  Train Loss` header; per table the min/max Train Loss and OOB Improve rows and its last row"""
    out = common(lines)
    tables: list[list[tuple[str, re.Match]]] = []
    for ln in lines:
        if ln.strip().startswith("Iter") and "Train Loss" in ln:
            out.append(ln)
            tables.append([])
        elif tables and (m := GB_ROW.match(ln)):
            tables[-1].append((ln, m))
        elif tables and tables[-1] and ln.strip():
            tables.append([])  # the table ended; rows after it belong to no table
    for t in tables:
        if not t:
            continue
        out += extremes([(ln, fnum(m.group(2))) for ln, m in t])
        oob = [(ln, fnum(m.group(3))) for ln, m in t if m.group(3) is not None]
        out += extremes(oob)
        out.append(t[-1][0])
    return out


HGB_STEP = re.compile(r"^\[(\d+)/(\d+)\] ")
HGB_LOSS = re.compile(r"train loss: " + NUM + r"(?:, val loss: " + NUM + r")?")


@kind("sklearn-hist-gb-verbose", "log")
def n_hgb(lines):
    """common part; each fit's first and last `[i/N]` line; its min val loss (else train loss) line; every `Fit N trees in` line"""
    out = common(lines)
    fits: list[list[tuple[str, re.Match]]] = []
    for ln in lines:
        m = HGB_STEP.match(ln)
        if m:
            if not fits or int(m.group(1)) <= int(fits[-1][-1][1].group(1)):
                fits.append([])
            fits[-1].append((ln, m))
    for f in fits:
        out += [f[0][0], f[-1][0]]
        losses = [(ln, lm) for ln, _ in f if (lm := HGB_LOSS.search(ln))]
        if losses:
            col = 2 if all(lm.group(2) is not None for _, lm in losses) else 1
            out += extremes([(ln, fnum(lm.group(col))) for ln, lm in losses], hi=False)
    out += [ln for ln in lines if re.match(r"^Fit \d+ trees? in", ln)]
    return out


SGD_NORM = re.compile(r"^Norm: .*Avg\. loss: " + NUM + r"(?:,|\s*$)")


@kind("sklearn-sgd-verbose", "log")
def n_sgd(lines):
    """common part; every `Convergence after N epochs took` line; min/max Avg. loss `Norm:` lines; first nan/inf `Norm:` line"""
    out = common(lines)
    out += [ln for ln in lines if ln.startswith("Convergence after")]
    norms = [(ln, fnum(m.group(1))) for ln in lines if (m := SGD_NORM.match(ln))]
    out += extremes(norms)
    out += [ln for ln in lines if ln.startswith("Norm:") and re.search(r"\b(nan|inf)\b", ln)][:1]
    return out


TSNE_IT = re.compile(r"^\[t-SNE\] Iteration \d+: error = " + NUM)


@kind("sklearn-tsne-verbose", "log")
def n_tsne(lines):
    """common part; `[t-SNE] Mean sigma:` lines; every `KL divergence after` line; max/min error `Iteration` lines"""
    out = common(lines)
    out += [ln for ln in lines if ln.startswith("[t-SNE] Mean sigma:") or ln.startswith("[t-SNE] KL divergence after")]
    out += extremes([(ln, fnum(m.group(1))) for ln in lines if (m := TSNE_IT.match(ln))])
    return out


KM_IT = re.compile(r"^Iteration \d+, inertia " + NUM)


@kind("sklearn-kmeans-verbose", "log")
def n_kmeans(lines):
    """common part; every `Converged` line; the minimum `Iteration N, inertia` line; the last `Minibatch step` line"""
    out = common(lines)
    out += [ln for ln in lines if ln.startswith("Converged")]
    out += extremes([(ln, fnum(m.group(1).rstrip("."))) for ln in lines if (m := KM_IT.match(ln))], hi=False)
    mb = [ln for ln in lines if ln.startswith("Minibatch step")]
    out += mb[-1:]
    return out


@kind("joblib-parallel-verbose", "log")
def n_joblib(lines):
    """common part; every `Using backend` line; every `Done` line with `finished`, else the last `Done` line"""
    out = common(lines)
    out += [ln for ln in lines if "Using backend" in ln]
    done = [ln for ln in lines if re.match(r"^\[Parallel\(.*\)\]: Done", ln)]
    fin = [ln for ln in done if "finished" in ln]
    out += fin or done[-1:]
    return out


@kind("numpy-runtime-warnings", "log")
def n_np_warn(lines):
    """common part; every printed line (not a warning or its source line) with a whole-word nan/inf/-inf"""
    out = common(lines)
    for i, ln in enumerate(lines):
        if WARN.match(ln) or (i and WARN.match(lines[i - 1]) and ln.startswith("  ")):
            continue
        if re.search(r"(?<![\w.])-?(nan|inf)(?![\w(])", ln):
            out.append(ln)
    return out


EPOCH = re.compile(r"epoch (\d+)/(\d+)\s+loss=" + NUM + r"\s+val_loss=" + NUM)


@kind("numpy-train-loop-log", "log")
def n_train(lines):
    """common part; WARNING lines per shape; first/last epoch line; min val_loss line; first nan/inf epoch line; checkpoint / early stop lines"""
    out = common(lines)
    out += groups((mask(re.sub(r"epoch \d+", "epoch", ln)), ln) for ln in lines if "WARNING" in ln[:40])
    eps = [(ln, m) for ln in lines if (m := EPOCH.search(ln))]
    if eps:
        out += [eps[0][0], eps[-1][0]]
        out += extremes([(ln, fnum(m.group(4))) for ln, m in eps], hi=False)
        out += [ln for ln, m in eps if is_bad(fnum(m.group(3))) or is_bad(fnum(m.group(4)))][:1]
    out += [ln for ln in lines if re.search(r"(?i)checkpoint|early stop", ln)]
    return out


@kind("pandas-read-csv-error", "log")
def n_read_csv(lines):
    """common part; every `Skipping line N:` line; every `shape` line the script prints"""
    out = common(lines)
    out += [ln for ln in lines if ln.lstrip().startswith("Skipping line")]
    out += [ln for ln in lines if ln.startswith("shape")]
    return out


NUMCELL = re.compile(r"^-?\d+(\.\d+)?(e[-+]?\d+)?$|^NaN$")


def frame_tables(lines: list[str]) -> list[tuple[list[str], list[tuple[str, list[str]]]]]:
    """Printed frames: (header lines, rows) where a row is a line whose tokens after the first are all numbers;
    the lines between a blank / start and the first row are its header."""
    tables = []
    cur_head: list[str] = []
    cur_rows: list = []
    for ln in lines:
        toks = ln.split()
        isrow = len(toks) >= 2 and all(NUMCELL.match(t) for t in toks[1:])
        if isrow:
            cur_rows.append((ln, toks))
        else:
            if cur_rows:
                tables.append((cur_head, cur_rows))
                cur_head, cur_rows = [], []
            if not ln.strip():
                cur_head = []
            else:
                cur_head.append(ln)
    if cur_rows:
        tables.append((cur_head, cur_rows))
    return tables


@kind("pandas-crosstab", "table")
def n_crosstab(lines):
    """rule 4: header lines; the `All` row; per numeric column min/max rows (All row left out)"""
    out: list = []
    for head, rows in frame_tables(lines):
        if not head:
            continue
        out += head[-2:]
        out += [ln for ln, t in rows if t[0] == "All"]
        body = [(ln, t) for ln, t in rows if t[0] != "All"]
        ncol = max(len(t) for _, t in body) if body else 0
        for c in range(1, ncol):
            out += extremes([(ln, fnum(t[c])) for ln, t in body if len(t) > c])
    return out


@kind("pandas-corr-matrix", "table")
def n_corr(lines):
    """rule 5: each matrix's header line; every row with an off-diagonal |r| >= 0.9 or NaN"""
    out: list = []
    for head, rows in frame_tables(lines):
        if head:
            out.append(head[-1])
        for i, (ln, t) in enumerate(rows):
            for j, c in enumerate(t[1:]):
                v = fnum(c)
                if j != i and (math.isnan(v) or abs(v) >= 0.9):
                    out.append(ln)
                    break
    return out


@kind("pandas-isna-sum", "table")
def n_isna(lines):
    """rules 4+5: every row whose count (or share) is not zero; every `dtype:` line"""
    out: list = []
    for ln in lines:
        t = ln.split()
        if len(t) == 2 and NUMCELL.match(t[1]) and t[1] != "NaN" and float(t[1]) != 0:
            out.append(ln)
    out += [ln for ln in lines if ln.startswith(("dtype:", "Name:")) and "dtype:" in ln]
    return out


@kind("statsmodels-anova-lm", "table")
def n_anova(lines):
    """common part; every `PR(>F)`/`Pr(>F)` header; every row with p < 0.05; every `Residual` row"""
    out = common(lines)
    for ln in lines:
        if "PR(>F)" in ln or "Pr(>F)" in ln:
            out.append(ln)
        t = ln.split()
        if t and t[0] == "Residual":
            out.append(ln)
        elif len(t) >= 3 and NUMCELL.match(t[-1]) and t[-1] != "NaN" and float(t[-1]) < 0.05 \
                and all(NUMCELL.match(x) for x in t[1:]):
            out.append(ln)
    return out


@kind("statsmodels-tukeyhsd", "table")
def n_tukey(lines):
    """common part; title lines; `group1 group2` headers; every `True` row; per table the max |meandiff| row"""
    out = common(lines)
    tables: list[list[tuple[str, float]]] = []
    for ln in lines:
        if "Multiple Comparison of Means" in ln:
            out.append(ln)
            tables.append([])
        elif ln.strip().startswith("group1"):
            out.append(ln)
        t = ln.split()
        if len(t) >= 7 and t[-1] in ("True", "False"):
            if t[-1] == "True":
                out.append(ln)
            if tables:
                tables[-1].append((ln, abs(fnum(t[2]))))
    for t in tables:
        out += extremes(t, lo=False)
    return out


VAR_HEAD = ("No. of Equations", "Nobs", "Log likelihood", "AIC", "BIC", "HQIC", "FPE", "Det(Omega_mle)")


@kind("statsmodels-var-summary", "doc")
def n_var(lines):
    """common part; `Results for equation` lines; the header statistics lines; coefficient rows with prob < 0.05; `Correlation matrix of residuals`"""
    out = common(lines)
    for ln in lines:
        s = ln.strip()
        if s.startswith("Results for equation") or s.startswith("Correlation matrix of residuals") \
                or s.startswith(VAR_HEAD):
            out.append(ln)
        t = s.split()
        if len(t) == 5 and all(NUMCELL.match(x) for x in t[1:]) and float(t[4]) < 0.05:
            out.append(ln)
    return out


# ------------------------------------------------------------------ steps

PRE = ("import warnings, sys\nimport numpy as np\nimport pandas as pd\n"
       "pd.set_option('display.width', 250)\npd.set_option('display.max_columns', None)\n")


def write(root: Path, files: dict[str, str]) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    cm.write_tree(root, files)
    return root


def mlp(tmp: Path) -> None:
    root = write(tmp / "mlp", {"rides.csv": to_csv(bikes(3021, 6000)), "lab.csv": to_csv(lab(3022, 3000))})
    (root / "member_mlp.py").write_text(PRE + """
from sklearn.neural_network import MLPClassifier
from sklearn.model_selection import train_test_split
df = pd.read_csv("rides.csv")
X = df[["hour", "duration_min", "distance_km", "temp_c"]].fillna(0).to_numpy()
y = (df["member"] == "member").astype(int)
Xtr, Xte, ytr, yte = train_test_split(X, y, test_size=0.25, random_state=0)
clf = MLPClassifier(hidden_layer_sizes=(32, 16), max_iter=80, verbose=True, random_state=0)
clf.fit(Xtr, ytr)
print(f"train accuracy: {clf.score(Xtr, ytr):.4f}")
print(f"test accuracy: {clf.score(Xte, yte):.4f}")
""")
    (root / "glucose_mlp.py").write_text(PRE + """
from sklearn.neural_network import MLPRegressor
from sklearn.metrics import r2_score
df = pd.read_csv("lab.csv")
X = df[["age", "bmi", "creatinine", "egfr", "ldl", "trig"]].fillna(df.median(numeric_only=True)).to_numpy()
y = df["glucose_mgdl"].to_numpy()
reg = MLPRegressor(hidden_layer_sizes=(64,), solver="sgd", learning_rate_init=0.5, momentum=0.95, max_iter=60,
                   verbose=True, random_state=1)
reg.fit(X, y)
pred = reg.predict(X)
print("r2 =", r2_score(y, pred))
""")
    (root / "diabetic_mlp.py").write_text(PRE + """
from sklearn.neural_network import MLPClassifier
from sklearn.preprocessing import StandardScaler
from sklearn.pipeline import make_pipeline
df = pd.read_csv("lab.csv")
cols = ["age", "bmi", "creatinine", "egfr", "ldl", "hdl", "trig", "crp"]
X = df[cols].fillna(df[cols].median())
y = df["diabetic"]
for alpha in (1e-4, 1e-1):
    print(f"== alpha={alpha}")
    pipe = make_pipeline(StandardScaler(), MLPClassifier(hidden_layer_sizes=(48, 24), alpha=alpha, early_stopping=True,
                                                         n_iter_no_change=15, max_iter=400, verbose=True,
                                                         random_state=2))
    pipe.fit(X, y)
    print(f"accuracy: {pipe.score(X, y):.4f} after {pipe[-1].n_iter_} iterations")
""")
    cap("mlp-member", "python member_mlp.py; echo EXIT=$?", root, n_mlp)
    cap("mlp-glucose-diverge", "python glucose_mlp.py 2>&1 | tail -n 90; echo EXIT=$?", root, n_mlp)
    cap("mlp-diabetic-early-stop", "python diabetic_mlp.py 2>&1", root, n_mlp)
    (root / "member_mlp_long.py").write_text(PRE + """
from sklearn.neural_network import MLPClassifier
from sklearn.preprocessing import StandardScaler
df = pd.read_csv("rides.csv")
X = StandardScaler().fit_transform(df[["hour", "duration_min", "distance_km", "temp_c"]].fillna(0))
y = df["member"]
clf = MLPClassifier(hidden_layer_sizes=(64, 64), solver="sgd", learning_rate_init=0.01, momentum=0.9,
                    tol=1e-7, n_iter_no_change=200, max_iter=1500, verbose=True, random_state=3)
clf.fit(X, y)
print(f"accuracy: {clf.score(X, y):.4f}")
""")
    cap("mlp-member-long", "python member_mlp_long.py 2>&1; echo EXIT=$?", root, n_mlp, timeout=900)


def gb(tmp: Path) -> None:
    root = write(tmp / "gb", {"lab.csv": to_csv(lab(3023, 4000)), "rides.csv": to_csv(bikes(3024, 5000))})
    (root / "hba1c_gb.py").write_text(PRE + """
from sklearn.ensemble import GradientBoostingRegressor
df = pd.read_csv("lab.csv").dropna(subset=["hba1c"])
X = df[["age", "bmi", "glucose_mgdl", "creatinine", "trig"]].fillna(0)
reg = GradientBoostingRegressor(n_estimators=400, learning_rate=0.05, subsample=0.7, verbose=1, random_state=0)
reg.fit(X, df["hba1c"])
print(f"train r2: {reg.score(X, df['hba1c']):.4f}")
print("oob improvement sum:", round(float(reg.oob_improvement_.sum()), 4))
""")
    (root / "member_gb.py").write_text(PRE + """
from sklearn.ensemble import GradientBoostingClassifier
df = pd.read_csv("rides.csv")
X = df[["hour", "duration_min", "distance_km", "temp_c", "battery_pct"]]
y = df["member"]
clf = GradientBoostingClassifier(n_estimators=120, max_depth=3, verbose=2, random_state=0)
clf.fit(X.fillna(-1), y)
print(f"accuracy: {clf.score(X.fillna(-1), y):.4f}")
print("now without fillna ...")
clf2 = GradientBoostingClassifier(n_estimators=50, verbose=1).fit(X, y)
""")
    cap("gb-hba1c-oob", "python hba1c_gb.py 2>&1; echo EXIT=$?", root, n_gb)
    cap("gb-member-nan", "python member_gb.py 2>&1; echo EXIT=$?", root, n_gb)
    (root / "hba1c_gb_long.py").write_text(PRE + """
from sklearn.ensemble import GradientBoostingRegressor
from sklearn.model_selection import train_test_split
df = pd.read_csv("lab.csv").dropna(subset=["hba1c"])
X = df[["age", "bmi", "glucose_mgdl", "glucose_mmol", "creatinine", "egfr", "trig", "crp"]].fillna(-1)
Xtr, Xte, ytr, yte = train_test_split(X, df["hba1c"], random_state=0)
reg = GradientBoostingRegressor(n_estimators=1400, learning_rate=0.2, max_depth=5, subsample=0.5, verbose=2,
                                random_state=0)
reg.fit(Xtr, ytr)
print(f"train r2: {reg.score(Xtr, ytr):.4f}")
print(f"test r2: {reg.score(Xte, yte):.4f}")
""")
    cap("gb-hba1c-long-overfit", "python hba1c_gb_long.py 2>&1; echo EXIT=$?", root, n_gb, timeout=900)


def hgb(tmp: Path) -> None:
    root = write(tmp / "hgb", {"lab.csv": to_csv(lab(3025, 20000)), "wind.csv": to_csv(wind(3026, 24 * 20))})
    (root / "diab_hgb.py").write_text(PRE + """
from sklearn.ensemble import HistGradientBoostingClassifier
df = pd.read_csv("lab.csv")
X = df[["age", "bmi", "creatinine", "egfr", "ldl", "hdl", "trig", "crp", "sex", "site"]]
clf = HistGradientBoostingClassifier(max_iter=300, learning_rate=0.1, early_stopping=True, validation_fraction=0.15,
                                     n_iter_no_change=20, categorical_features="from_dtype", verbose=2,
                                     random_state=0)
X = X.astype({"sex": "category", "site": "category"})
clf.fit(X, df["diabetic"])
print(f"train accuracy: {clf.score(X, df['diabetic']):.4f}  n_iter={clf.n_iter_}")
""")
    (root / "power_hgb.py").write_text(PRE + """
from sklearn.ensemble import HistGradientBoostingRegressor
df = pd.read_csv("wind.csv")
df.loc[df.sample(frac=0.05, random_state=1).index, "wind_ms"] = np.nan
X = df[["wind_ms", "rotor_rpm", "nacelle_c", "yaw_err"]]
for lr in (0.3, 0.02):
    reg = HistGradientBoostingRegressor(max_iter=150, learning_rate=lr, early_stopping=True, scoring="r2",
                                        verbose=2, random_state=0)
    reg.fit(X, df["power_kw"])
    print(f"lr={lr} r2: {reg.score(X, df['power_kw']):.4f}")
reg = HistGradientBoostingRegressor(loss="poisson", max_iter=20, verbose=1).fit(X, df["power_kw"])
""")
    cap("hgb-diabetic", "python diab_hgb.py 2>&1; echo EXIT=$?", root, n_hgb)
    cap("hgb-power-poisson", "python power_hgb.py 2>&1; echo EXIT=$?", root, n_hgb)


def sgd(tmp: Path) -> None:
    root = write(tmp / "sgd", {"rides.csv": to_csv(bikes(3027, 8000)), "lab.csv": to_csv(lab(3028, 5000))})
    (root / "biketype_sgd.py").write_text(PRE + """
from sklearn.linear_model import SGDClassifier
df = pd.read_csv("rides.csv")
X = df[["hour", "duration_min", "distance_km", "temp_c"]].to_numpy()
clf = SGDClassifier(loss="log_loss", max_iter=40, tol=1e-4, verbose=1, random_state=0)
clf.fit(X, df["bike_type"])
print(f"accuracy: {clf.score(X, df['bike_type']):.4f}")
""")
    (root / "egfr_sgd.py").write_text(PRE + """
from sklearn.linear_model import SGDRegressor
from sklearn.preprocessing import StandardScaler
df = pd.read_csv("lab.csv").fillna(0)
X = df[["age", "creatinine", "glucose_mgdl", "trig", "ldl"]].to_numpy()
y = df["egfr"].to_numpy()
scaled = SGDRegressor(max_iter=50, verbose=1, random_state=0).fit(StandardScaler().fit_transform(X), y)
print(f"scaled r2: {scaled.score(StandardScaler().fit_transform(X), y):.4f}")
print("raw features, eta0=0.5 ...")
raw = SGDRegressor(max_iter=50, eta0=0.5, learning_rate="constant", verbose=1, random_state=0).fit(X, y)
print(f"raw r2: {raw.score(X, y):.4f}")
""")
    cap("sgd-biketype", "python biketype_sgd.py 2>&1 | tail -n 400; echo EXIT=$?", root, n_sgd)
    cap("sgd-egfr-overflow", "python egfr_sgd.py 2>&1; echo EXIT=$?", root, n_sgd)


def tsne(tmp: Path) -> None:
    root = write(tmp / "tsne", {"lab.csv": to_csv(lab(3029, 1500))})
    (root / "embed.py").write_text(PRE + """
from sklearn.manifold import TSNE
from sklearn.preprocessing import StandardScaler
df = pd.read_csv("lab.csv")
cols = ["age", "bmi", "glucose_mgdl", "hba1c", "creatinine", "egfr", "ldl", "hdl", "trig", "crp"]
X = StandardScaler().fit_transform(df[cols].fillna(df[cols].median()))
for perp in (5, 40):
    emb = TSNE(n_components=2, perplexity=perp, max_iter=600, verbose=2, random_state=0).fit_transform(X)
    print(f"perplexity={perp}: embedding {emb.shape}, spread x {emb[:, 0].min():.1f}..{emb[:, 0].max():.1f}")
small = X[:25]
TSNE(perplexity=30, verbose=2).fit_transform(small)
""")
    (root / "embed_raw.py").write_text(PRE + """
from sklearn.manifold import TSNE
df = pd.read_csv("lab.csv")
X = df[["age", "bmi", "glucose_mgdl", "creatinine", "trig"]].fillna(0).to_numpy()
emb = TSNE(perplexity=50, init="random", learning_rate=10.0, max_iter=400, verbose=2, random_state=0).fit_transform(X)
print("done", emb.shape)
""")
    cap("tsne-lab", "python embed.py 2>&1; echo EXIT=$?", root, n_tsne)
    cap("tsne-raw-unscaled", "python embed_raw.py 2>&1 | tail -n 60; echo EXIT=$?", root, n_tsne)


def kmeans(tmp: Path) -> None:
    root = write(tmp / "km", {"rides.csv": to_csv(bikes(3030, 12000)), "wind.csv": to_csv(wind(3031, 24 * 10))})
    (root / "stations_km.py").write_text(PRE + """
from sklearn.cluster import KMeans
df = pd.read_csv("rides.csv")
X = df[["hour", "duration_min", "distance_km", "temp_c"]].to_numpy()
km = KMeans(n_clusters=6, n_init=4, max_iter=60, verbose=1, random_state=0).fit(X)
print(f"inertia: {km.inertia_:.1f}  iterations: {km.n_iter_}")
print(pd.Series(km.labels_).value_counts().sort_index().to_string())
""")
    (root / "turbines_km.py").write_text(PRE + """
from sklearn.cluster import KMeans, MiniBatchKMeans
df = pd.read_csv("wind.csv")
X = df[["wind_ms", "power_kw", "rotor_rpm"]].to_numpy()
mb = MiniBatchKMeans(n_clusters=5, batch_size=256, max_iter=30, verbose=1, random_state=0, n_init=1).fit(X)
print(f"minibatch inertia: {mb.inertia_:.1f}")
stuck = df[df.turbine == "T07"][["wind_ms", "rotor_rpm"]].tail(100).to_numpy()
k = KMeans(n_clusters=8, n_init=1, verbose=1, random_state=0).fit(stuck)
print("clusters found:", len(set(k.labels_)))
""")
    cap("kmeans-rides", "python stations_km.py 2>&1 | tail -n 300; echo EXIT=$?", root, n_kmeans)
    cap("kmeans-turbines-minibatch", "python turbines_km.py 2>&1; echo EXIT=$?", root, n_kmeans)


def joblib_par(tmp: Path) -> None:
    root = write(tmp / "jl", {"wind.csv": to_csv(wind(3032, 24 * 12)), "lab.csv": to_csv(lab(3033, 2500))})
    (root / "per_turbine.py").write_text(PRE + """
from joblib import Parallel, delayed
df = pd.read_csv("wind.csv")

def fit_curve(t, part):
    w = part["wind_ms"].to_numpy()
    if w.std() == 0:
        raise ValueError(f"turbine {t}: wind speed is constant ({w[0]}), cannot fit a power curve")
    coef = np.polyfit(w, part["power_kw"].to_numpy(), 3)
    return t, float(coef[0])

parts = [(t, p) for t, p in df.groupby("turbine")] * 5
res = Parallel(n_jobs=2, verbose=10)(delayed(fit_curve)(t, p.iloc[:len(p) // 2 + i]) for i, (t, p) in enumerate(parts))
print(len(res), "curves")
res = Parallel(n_jobs=2, verbose=10)(delayed(fit_curve)(t, p.iloc[len(p) // 2 + 1:]) for t, p in parts)
""")
    (root / "cv.py").write_text(PRE + """
from joblib import Parallel, delayed
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import cross_val_score
df = pd.read_csv("lab.csv")
cols = ["age", "bmi", "glucose_mgdl", "hba1c", "creatinine", "trig"]
X = df[cols].fillna(df[cols].median())
scores = cross_val_score(LogisticRegression(max_iter=2000), X, df["diabetic"], cv=10, n_jobs=2, verbose=5)
print(f"cv accuracy: {scores.mean():.4f} +/- {scores.std():.4f}")
out = Parallel(n_jobs=2, verbose=50, backend="threading")(delayed(pow)(i, 2) for i in range(40))
print("squares done:", sum(out))
""")
    cap("joblib-turbines-fail", "python per_turbine.py 2>&1; echo EXIT=$?", root, n_joblib)
    cap("joblib-cv", "python cv.py 2>&1; echo EXIT=$?", root, n_joblib)


def np_warn(tmp: Path) -> None:
    root = write(tmp / "npw", {"rides.csv": to_csv(bikes(3034, 4000)), "lab.csv": to_csv(lab(3035, 2000))})
    (root / "station_stats.py").write_text(PRE + """
df = pd.read_csv("rides.csv")
for st, g in df.groupby("station"):
    d = g["distance_km"].to_numpy()
    t = g["duration_min"].to_numpy()
    speed = d / (t / 60)
    logd = np.log(d)
    elec = g["battery_pct"].to_numpy(dtype=float)
    drain = np.nanmean(elec[g["bike_type"].to_numpy() == "electric"])
    z = (d - d.mean()) / (d.std() if len(d) > 1 else 0.0)
    print(f"{st:9} n={len(g):4d} speed={np.mean(speed):7.2f} logd={np.mean(logd):7.3f} e_batt={drain:6.1f} "
          f"zmax={np.max(z):6.2f}")
""")
    (root / "lab_transform.py").write_text(PRE + """
df = pd.read_csv("lab.csv")
crp = df["crp"].to_numpy()
ratio = df["trig"].to_numpy() / (df["hdl"].to_numpy() - df["hdl"].to_numpy())
print("trig/hdl-hdl ratio head:", ratio[:6])
print("exp(glucose) max:", np.exp(df["glucose_mgdl"].to_numpy()).max())
print("sqrt(age-60) head:", np.sqrt(df["age"].to_numpy() - 60)[:8])
print("mean crp (nan aware):", np.nanmean(crp), "plain:", crp.mean())
empty = crp[crp > 1e9]
print("mean of empty selection:", empty.mean(), "var:", np.var(empty))
print("corrcoef with constant:", np.corrcoef(df["age"], np.ones(len(df)))[0, 1])
np.seterr(all="raise")
print("now with np.seterr(all='raise') ...")
print(np.log(df["egfr"].to_numpy() - 60).mean())
""")
    (root / "power_norm.py").write_text(PRE + """
import sys
rnd = np.random.default_rng(0)
for k in range(int(sys.argv[1])):
    a = rnd.normal(size=(40, 40)).astype(np.float16) * (4 * k + 5)
    b = a @ a.T
    w = np.exp(b[0, :6].astype(np.float32) / 10)
    n = w / w.sum()
    cov = np.cov(a[:1])
    print(f"batch {k:02d}: max={float(np.max(b)):>9} w={w[:3]} norm={n[:3]} cov={cov}")
""")
    cap("np-station-stats", "python station_stats.py; echo EXIT=$?", root, n_np_warn)
    cap("np-lab-transform", "python lab_transform.py 2>&1; echo EXIT=$?", root, n_np_warn)
    cap("np-float16-power", "python power_norm.py 30 2>&1 | head -n 150", root, n_np_warn)


def train_loop(tmp: Path) -> None:
    root = write(tmp / "train", {"lab.csv": to_csv(lab(3036, 6000))})
    (root / "train.py").write_text(PRE + """
import logging, argparse, time
ap = argparse.ArgumentParser()
ap.add_argument("--lr", type=float, default=0.1)
ap.add_argument("--epochs", type=int, default=40)
ap.add_argument("--scale", action="store_true")
ap.add_argument("--patience", type=int, default=0)
ap.add_argument("--clip", type=float, default=10.0)
ap.add_argument("--ckpt-every", type=int, default=5)
args = ap.parse_args()
logging.basicConfig(level=logging.INFO)
log = logging.getLogger("train")
df = pd.read_csv("lab.csv")
cols = ["age", "bmi", "glucose_mgdl", "hba1c", "creatinine", "egfr", "ldl", "hdl", "trig", "crp"]
X = df[cols].fillna(df[cols].median()).to_numpy()
if args.scale:
    X = (X - X.mean(0)) / X.std(0)
y = df["diabetic"].to_numpy().astype(float)
rng = np.random.default_rng(0)
idx = rng.permutation(len(X)); tr, va = idx[:5000], idx[5000:]
W1 = rng.normal(0, 0.3, (X.shape[1], 16)); b1 = np.zeros(16); w2 = rng.normal(0, 0.3, 16); b2 = 0.0
log.info("training %d rows, %d features, lr=%g, epochs=%d, scale=%s", len(tr), X.shape[1], args.lr, args.epochs,
         args.scale)

def forward(Xb):
    h = np.maximum(Xb @ W1 + b1, 0.0)
    return h, 1 / (1 + np.exp(-(h @ w2 + b2)))

best, bad = np.inf, 0
for ep in range(1, args.epochs + 1):
    t0 = time.perf_counter()
    for s in range(0, len(tr), 250):
        b = tr[s:s + 250]
        h, p = forward(X[b])
        g = (p - y[b]) / len(b)
        gw2 = h.T @ g; gb2 = g.sum()
        gh = np.outer(g, w2) * (h > 0)
        gW1 = X[b].T @ gh; gb1 = gh.sum(0)
        norm = np.sqrt((gW1 ** 2).sum() + (gw2 ** 2).sum())
        if norm > args.clip:
            log.warning("epoch %d step %d: grad norm %.3g exceeds clip %.1f", ep, s // 250, norm, args.clip)
        W1 -= args.lr * gW1; b1 -= args.lr * gb1; w2 -= args.lr * gw2; b2 -= args.lr * gb2
    _, ptr = forward(X[tr]); _, pva = forward(X[va])
    loss = -np.mean(y[tr] * np.log(ptr) + (1 - y[tr]) * np.log(1 - ptr))
    vloss = -np.mean(y[va] * np.log(pva) + (1 - y[va]) * np.log(1 - pva))
    acc = np.mean((pva > 0.5) == y[va])
    log.info("epoch %03d/%03d loss=%.4f val_loss=%.4f acc=%.3f lr=%.4g %.2fs", ep, args.epochs, loss, vloss, acc,
             args.lr, time.perf_counter() - t0)
    if not np.isfinite(loss):
        log.error("loss is %s at epoch %d; stopping", loss, ep)
        sys.exit(2)
    if vloss < best - 1e-4:
        best, bad = vloss, 0
        if ep % args.ckpt_every == 0:
                log.info("checkpoint saved to ckpt/epoch%03d.npz (val_loss=%.4f)", ep, vloss)
    elif args.patience:
        bad += 1
        if bad >= args.patience:
            log.info("early stop at epoch %d: val_loss did not improve for %d epochs (best %.4f)", ep, bad, best)
            break
log.info("final val accuracy: %.4f", acc)
""")
    cap("train-raw-slow", "python train.py --lr 0.002 --epochs 60 2>&1 | grep -v 'step [1-9]:' ; echo EXIT=$?",
        root, n_train)
    cap("train-scaled-nan", "python train.py --lr 0.3 --epochs 300 --scale --patience 8 2>&1; echo EXIT=$?",
        root, n_train)
    cap("train-scaled-early-stop", "python train.py --lr 0.1 --epochs 500 --scale --patience 6 --ckpt-every 10 2>&1 "
        "| tail -n 150; echo EXIT=$?", root, n_train)
    cap("train-long", "python train.py --lr 0.02 --epochs 900 --scale --ckpt-every 25 2>&1; echo EXIT=$?", root,
        n_train)
    cap("train-scaled-lr3", "python train.py --lr 3 --epochs 80 --scale --clip 2 2>&1 | tail -n 200; echo EXIT=$?",
        root, n_train)


def read_csv(tmp: Path) -> None:
    rides = bikes(3037, 60000)
    text = to_csv(rides)
    lines = text.splitlines(keepends=True)
    broken = list(lines)
    rnd = random.Random(3037)
    for k in sorted(rnd.sample(range(2, len(lines)), 14)):
        broken[k] = broken[k].rstrip("\n") + ",extra,\"note, with comma\"\n"
    mixed = list(lines)
    for k in range(40000, 40020):
        parts = mixed[k].split(",")
        parts[4] = "n/a"  # hour
        mixed[k] = ",".join(parts)
    latin = to_csv(lab(3038, 1200)).replace("north", "Nordstraße").replace("south", "Sud-Méditerranée")
    root = write(tmp / "csv", {"rides_broken.csv": "".join(broken), "rides_mixed.csv": "".join(mixed)})
    (root / "lab_latin1.csv").write_bytes(latin.encode("latin-1"))
    (root / "load.py").write_text(PRE + """
path = sys.argv[1]
kw = {} if len(sys.argv) < 3 else dict(a.split("=", 1) for a in sys.argv[2:])
df = pd.read_csv(path, **kw)
print("shape", df.shape)
print(df.dtypes.to_string())
print(df.head(3).to_string())
""")
    cap("read-csv-tokenize", "python load.py rides_broken.csv; echo EXIT=$?", root, n_read_csv)
    cap("read-csv-warn-bad-lines", "python load.py rides_broken.csv on_bad_lines=warn 2>&1; echo EXIT=$?", root,
        n_read_csv)
    cap("read-csv-latin1", "python load.py lab_latin1.csv 2>&1 | tail -n 30; python load.py lab_latin1.csv "
        "encoding=latin-1 2>&1; echo EXIT=$?", root, n_read_csv)
    cap("read-csv-mixed-engine", "python load.py rides_mixed.csv dtype_backend=pyarrow 2>&1; "
        "python load.py rides_mixed.csv engine=python sep=';' 2>&1 | tail -n 25; "
        "python -W error load.py rides_broken.csv on_bad_lines=warn 2>&1 | tail -n 20; echo EXIT=$?", root, n_read_csv)


def tables(tmp: Path) -> None:
    root = write(tmp / "tab", {"rides.csv": to_csv(bikes(3039, 30000)), "lab.csv": to_csv(lab(3040, 5000)),
                               "wind.csv": to_csv(wind(3041, 24 * 14))})
    (root / "xtab.py").write_text(PRE + """
df = pd.read_csv("rides.csv")
which = sys.argv[1]
if which == "station":
    print(pd.crosstab(df["station"], df["bike_type"], margins=True))
    print()
    print(pd.crosstab(df["station"], df["member"], margins=True))
elif which == "hour":
    print(pd.crosstab(df["weekday"], df["hour"], margins=True))
else:
    print(pd.crosstab(df["station"], df["weekday"], values=df["duration_min"], aggfunc="mean").round(1))
""")
    (root / "corr.py").write_text(PRE + """
which = sys.argv[1]
if which == "lab":
    df = pd.read_csv("lab.csv")
    df["lab_code_n"] = 7
    print(df.corr(numeric_only=True).round(3))
elif which == "wind":
    df = pd.read_csv("wind.csv")
    for t in ("T03", "T07"):
        print(f"--- {t}")
        print(df[df.turbine == t].corr(numeric_only=True).round(4))
else:
    df = pd.read_csv("rides.csv")
    print(df.corr(numeric_only=True, method="spearman"))
""")
    (root / "missing.py").write_text(PRE + """
which = sys.argv[1]
if which == "lab":
    df = pd.read_csv("lab.csv")
    print(df.isna().sum())
    print()
    print(df.isna().mean().sort_values(ascending=False).round(4))
else:
    df = pd.read_csv("rides.csv")
    wide = df.pivot_table(index="ride_id", columns="station", values="rating", aggfunc="first").iloc[:, :]
    print(pd.concat([df, df.drop(columns=["ride_id"]).add_suffix("_prev").shift(1)], axis=1).isna().sum())
""")
    cap("crosstab-station", "python xtab.py station", root, n_crosstab)
    cap("crosstab-hour", "python xtab.py hour", root, n_crosstab)
    cap("crosstab-duration-mean", "python xtab.py mean", root, n_crosstab)
    cap("corr-lab", "python corr.py lab", root, n_corr)
    cap("corr-wind", "python corr.py wind", root, n_corr)
    cap("corr-rides-spearman", "python corr.py rides", root, n_corr)
    cap("isna-lab", "python missing.py lab", root, n_isna)
    cap("isna-rides-shift", "python missing.py rides", root, n_isna)


def stats(tmp: Path) -> None:
    root = write(tmp / "sm", {"rides.csv": to_csv(bikes(3042, 9000)), "lab.csv": to_csv(lab(3043, 3000)),
                              "wind.csv": to_csv(wind(3044, 24 * 25))})
    (root / "anova.py").write_text(PRE + """
import statsmodels.api as sm
import statsmodels.formula.api as smf
which = sys.argv[1]
if which == "rides":
    df = pd.read_csv("rides.csv")
    m = smf.ols("duration_min ~ C(bike_type) * C(member) + C(weekday) + hour + temp_c", data=df).fit()
    for typ in (1, 2):
        print(f"=== anova_lm typ={typ}")
        print(sm.stats.anova_lm(m, typ=typ))
    small = smf.ols("duration_min ~ distance_km", data=df).fit()
    print("=== model comparison")
    print(sm.stats.anova_lm(small, smf.ols("duration_min ~ distance_km + C(bike_type)", data=df).fit(), m))
elif which == "lab":
    df = pd.read_csv("lab.csv")
    m = smf.ols("glucose_mgdl ~ C(site) + C(sex) + age + bmi + glucose_mmol", data=df).fit()
    print(sm.stats.anova_lm(m, typ=2))
    print(sm.stats.anova_lm(smf.ols("egfr ~ C(site, Sum) * C(sex, Sum) + age", data=df).fit(), typ=3))
    print(sm.stats.anova_lm(smf.ols("hba1c ~ C(site) + fasting_glucose", data=df).fit()))
""")
    (root / "tukey.py").write_text(PRE + """
from statsmodels.stats.multicomp import pairwise_tukeyhsd
which = sys.argv[1]
if which == "stations":
    df = pd.read_csv("rides.csv")
    df = df[df.station != "S99-TEMP"]
    print(pairwise_tukeyhsd(df["duration_min"], df["station"]))
else:
    df = pd.read_csv("lab.csv")
    print(pairwise_tukeyhsd(df["glucose_mgdl"], df["site"], alpha=0.01))
    print(pairwise_tukeyhsd(df["egfr"], df["site"] + "/" + df["sex"]).summary())
    print(pairwise_tukeyhsd(df["hba1c"], df["site"]))
""")
    (root / "var.py").write_text(PRE + """
from statsmodels.tsa.api import VAR
df = pd.read_csv("wind.csv")
which = sys.argv[1]
farm = df.groupby("ts")[["wind_ms", "power_kw", "nacelle_c", "yaw_err"]].mean()
if which == "farm":
    res = VAR(farm).fit(maxlags=3)
    print(res.summary())
else:
    t = df[df.turbine == "T07"].set_index("ts")[["wind_ms", "power_kw", "rotor_rpm"]]
    res = VAR(t.diff().dropna()).fit(2)
    print(res.summary())
""")
    cap("anova-rides", "python anova.py rides 2>&1; echo EXIT=$?", root, n_anova)
    cap("anova-lab-patsy", "python anova.py lab 2>&1; echo EXIT=$?", root, n_anova)
    cap("tukey-stations", "python tukey.py stations 2>&1", root, n_tukey)
    cap("tukey-lab", "python tukey.py lab 2>&1; echo EXIT=$?", root, n_tukey)
    cap("var-farm", "python var.py farm 2>&1; echo EXIT=$?", root, n_var)
    cap("var-t07-stuck", "python var.py t07 2>&1; echo EXIT=$?", root, n_var)


STEPS = [mlp, gb, hgb, sgd, tsne, kmeans, joblib_par, np_warn, train_loop, read_csv, tables, stats]
