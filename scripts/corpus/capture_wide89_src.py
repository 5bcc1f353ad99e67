"""Round 89's project, written here: `airwatch`, a city's air-quality monitor network (NO2 levels and sensor-fault
analysis; seeded hourly readings of monitors in several districts, with faulty sensors) with mistakes put in on purpose,
as the files the round writes before running its scripts. `FILES` maps a path under the project to its source. Run
through capture_wide89.py."""

FILES = {
    'air.py': r'''"""Seeded hourly readings of a city's air-quality monitors: NO2, weather, sensor faults."""
import numpy as np
import pandas as pd

REGIONS = ["harbour", "old-town", "ring-road", "airport", "parkland"]
MONITORS = [f"AQ-{c}{i}" for c in "ABCDEFG" for i in (1, 2)]
FAULTS = ["none", "drift", "spike", "stuck", "dropout", "offset", "noise"]


def readings(n=2000, seed=89):
    rng = np.random.default_rng(seed)
    sub = rng.choice(MONITORS, n)
    region = np.array([REGIONS[MONITORS.index(s) % len(REGIONS)] for s in sub])
    hour = rng.integers(0, 24, n)
    dow = rng.integers(0, 7, n)
    temp = rng.normal(14, 9, n).round(1)
    humid = rng.uniform(20, 98, n).round(0)
    solar = np.clip(np.sin((hour - 6) / 12 * np.pi), 0, None) * rng.uniform(0, 9, n)
    holiday = (rng.random(n) < 0.04).astype(int)
    load = (40 + 0.09 * (temp - 17) ** 2 + 12 * np.sin((hour - 8) / 24 * 2 * np.pi) - 6 * (dow >= 5)
            - 8 * holiday + 0.05 * humid - 1.4 * solar + rng.normal(0, 4, n))
    ftype = rng.choice(FAULTS, n, p=[.62, .12, .08, .07, .05, .04, .02])
    vib = rng.gamma(2.0, 1.0, n) + 2.5 * (ftype == "spike") + 1.2 * (ftype == "noise")
    volt = rng.normal(11.0, 0.15, n) - 0.35 * (ftype == "drift") + 0.4 * (ftype == "offset")
    gap = rng.poisson(0.3, n) + 4 * (ftype == "dropout")
    flat = rng.poisson(0.5, n) + 5 * (ftype == "stuck")
    return pd.DataFrame({"monitor": sub, "region": region, "hour": hour, "dow": dow, "temp_c": temp,
                         "humidity": humid, "traffic_k": solar.round(2), "holiday": holiday,
                         "no2_ug": load.round(2), "no2_net": (load - 9 * solar).round(2), "pump_vib": vib.round(3),
                         "flow_lpm": volt.round(3), "gap_count": gap, "flat_count": flat, "fault_type": ftype,
                         "fault": (ftype != "none").astype(int)})


NUMERIC = ["hour", "dow", "temp_c", "humidity", "traffic_k", "holiday", "pump_vib", "flow_lpm", "gap_count",
           "flat_count"]


def features(df):
    return df[NUMERIC].to_numpy(float)
''',
    'search_svc.py': r'''import sys
import warnings
from sklearn.model_selection import GridSearchCV
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler
from sklearn.svm import LinearSVC
from air import readings, features

if "quiet" in sys.argv:
    warnings.filterwarnings("ignore")
df = readings(1600, seed=10)
X, y = features(df), df["fault"].to_numpy()
pipe = make_pipeline(StandardScaler(), LinearSVC(max_iter=300, random_state=0))
space = {"linearsvc__C": [0.003, 0.03, 0.3, 3, 30, 300],
        "linearsvc__penalty": ["l1", "l2"],
        "linearsvc__loss": ["hinge", "squared_hinge"],
        "linearsvc__dual": [True, False]}
search = GridSearchCV(pipe, space, cv=4, scoring="balanced_accuracy", verbose=3, n_jobs=1)
search.fit(X, y)
print("best params:", search.best_params_)
print("best balanced accuracy: %.4f" % search.best_score_)
''',
    'search_hgb.py': r'''from scipy.stats import loguniform, randint
from sklearn.ensemble import HistGradientBoostingRegressor
from sklearn.model_selection import RandomizedSearchCV
from air import readings, features

df = readings(1200, seed=26)
X, y = features(df), df["no2_net"].to_numpy()
space = {"loss": ["squared_error", "absolute_error", "poisson", "gamma"],
         "learning_rate": loguniform(0.01, 0.5), "max_leaf_nodes": [1, 7, 15, 31, 63],
         "min_samples_leaf": randint(5, 80), "l2_regularization": loguniform(1e-4, 10), "max_iter": [20, 40]}
search = RandomizedSearchCV(HistGradientBoostingRegressor(random_state=0), space, n_iter=40, cv=4, random_state=89,
                            scoring="neg_mean_absolute_error", verbose=3, n_jobs=1, return_train_score=True)
search.fit(X, y)
print("best params:", search.best_params_)
print("best MAE: %.3f ug/m3" % -search.best_score_)
''',
    'converge.py': r'''import warnings
from sklearn.linear_model import LogisticRegression
from sklearn.neural_network import MLPRegressor
from air import readings, features, MONITORS

warnings.simplefilter("always")
df = readings(4200, seed=48)
for sub in MONITORS:
    part = df[df.monitor == sub]
    X = features(part)
    lr = LogisticRegression(max_iter=20).fit(X, part["fault"])
    mlp = MLPRegressor(hidden_layer_sizes=(24, 12), max_iter=35, random_state=1).fit(X, part["no2_ug"])
    print(f"{sub}: rows={len(part)} faults={part.fault.sum()} lr_acc={lr.score(X, part.fault):.3f} "
          f"mlp_r2={mlp.score(X, part.no2_ug):.3f} lr_iter={lr.n_iter_[0]}")
print("trained", 2 * len(MONITORS), "models")
''',
    'report.py': r'''import sys
from sklearn.ensemble import RandomForestClassifier
from sklearn.metrics import classification_report, confusion_matrix
from sklearn.model_selection import train_test_split
from sklearn.naive_bayes import GaussianNB
from air import readings, features, FAULTS, MONITORS

df = readings(5000, seed=30)
target = sys.argv[1] if len(sys.argv) > 1 else "fault_type"
X, y = features(df), df[target].to_numpy()
labels = FAULTS if target == "fault_type" else MONITORS
Xtr, Xte, ytr, yte = train_test_split(X, y, test_size=0.25, random_state=4, stratify=y)
clf = (RandomForestClassifier(n_estimators=40, max_depth=3, random_state=0) if target == "fault_type"
       else GaussianNB()).fit(Xtr, ytr)
pred = clf.predict(Xte)
print(classification_report(yte, pred, digits=3))
print("confusion matrix (rows: true, columns: predicted)")
print("labels:", labels)
print(confusion_matrix(yte, pred, labels=labels))
''',
    'cv.py': r'''import sys
import pandas as pd
from sklearn.ensemble import RandomForestRegressor
from sklearn.model_selection import KFold, cross_validate
from air import readings, features

pd.set_option("display.width", 150)
pd.set_option("display.max_columns", 20)
df = readings(1400, seed=15)
X, y = features(df), df["no2_net"].to_numpy()
cv = KFold(n_splits=int(sys.argv[1]) if len(sys.argv) > 1 else 8, shuffle=True, random_state=2)
res = cross_validate(RandomForestRegressor(n_estimators=30, max_depth=8, random_state=0), X, y, cv=cv,
                     scoring=["r2", "neg_mean_absolute_error", "neg_root_mean_squared_error",
                              "neg_mean_squared_log_error"], return_train_score=True)
table = pd.DataFrame(res)
table.index.name = "fold"
print(table.round(4))
for k in [c for c in table.columns if c.startswith("test_")]:
    print(f"{k:34} mean {table[k].mean():.4f} +/- {table[k].std():.4f}")
''',
    'pipeline_bad.py': r'''import sys
import numpy as np
from sklearn.compose import ColumnTransformer
from sklearn.linear_model import ElasticNet
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler
from air import readings, NUMERIC

df = readings(900, seed=12)
mode = sys.argv[1] if len(sys.argv) > 1 else "columns"
cols = NUMERIC + (["temp_f"] if mode == "columns" else [])
pre = ColumnTransformer([("num", StandardScaler(), cols),
                         ("cat", OneHotEncoder(), ["region", "monitor"])])
model = Pipeline([("pre", pre), ("reg", ElasticNet(alpha=0.05, max_iter=5000))])
if mode == "unknown":
    old, new = df[df.monitor != "AQ-G2"], df[df.monitor == "AQ-G2"]  # AQ-G2 was installed after training
    model.fit(old, old["no2_ug"])
    print("train R2", model.score(old, old["no2_ug"]))
    print("predicted for AQ-G2", model.predict(new)[:5])
else:
    model.fit(df, df["no2_ug"])
    print("train R2", model.score(df, df["no2_ug"]))
''',
    'ols.py': r'''import sys
import statsmodels.formula.api as smf
from air import readings

df = readings(1800, seed=19)
df["temp_f"] = df.temp_c * 9 / 5 + 32
if len(sys.argv) > 1 and sys.argv[1] == "hourly":
    fit = smf.ols("no2_ug ~ temp_c + I(temp_c**2) + humidity + traffic_k + C(hour) + C(region)", data=df).fit()
else:
    fit = smf.ols("no2_ug ~ temp_c + temp_f + humidity + traffic_k + holiday + C(region)", data=df).fit()
print(fit.summary())
''',
    'logit.py': r'''import sys
import warnings
import statsmodels.formula.api as smf
from air import readings

warnings.simplefilter("always")
df = readings(1500, seed=38)
df["alarm"] = (df.gap_count >= 4).astype(int)  # the SCADA alarm flag is derived from gaps: separates dropout
if "leak" in sys.argv:
    df["alarm"] = df.fault  # the export's alarm column is the fault label itself
fit = smf.logit("fault ~ pump_vib + flow_lpm + gap_count + flat_count + alarm + humidity", data=df).fit(maxiter=25)
print(fit.summary())
''',
    'optim.py': r'''import numpy as np
from scipy.optimize import minimize
from air import readings

df = readings(1500, seed=13)
t, h, y = df.temp_c.to_numpy(), df.hour.to_numpy(), df.no2_ug.to_numpy()


def loss(p):
    base, a, tc, amp, ph = p
    pred = base + a * (t - tc) ** 2 + amp * np.sin((h - ph) / 24 * 2 * np.pi)
    return np.mean(np.log(np.cosh(pred - y)))


x0 = np.array([10.0, 0.5, 5.0, 1.0, 0.0])
for method, opts in [("Nelder-Mead", {"maxiter": 300}), ("Powell", {}), ("BFGS", {}),
                     ("L-BFGS-B", {"maxiter": 15}), ("TNC", {"maxfun": 40}), ("COBYLA", {"maxiter": 60}),
                     ("SLSQP", {})]:
    res = minimize(loss, x0, method=method, options=opts)
    print(f"=== {method} ===")
    print(res)
''',
    'curvefit.py': r'''import warnings
import numpy as np
from scipy.optimize import curve_fit
from air import readings, MONITORS

warnings.simplefilter("always")
df = readings(3000, seed=21)


def response(t, base, a, tc, k):
    return base + a * np.exp(k * np.abs(t - tc))


for sub in MONITORS:
    part = df[df.monitor == sub]
    try:
        p, cov = curve_fit(response, part.temp_c, part.no2_ug, p0=[30, 1, 17, 2.5], maxfev=120)
        print(f"fit {sub}: base={p[0]:.2f} a={p[1]:.3g} tc={p[2]:.2f} k={p[3]:.3f} sd={np.sqrt(np.diag(cov))[3]:.3g}")
    except RuntimeError as e:
        print(f"fit {sub}: failed: {e}")
''',
    'lgb_train.py': r'''import sys
import lightgbm as lgb
from sklearn.model_selection import train_test_split
from air import readings, features, FAULTS

task = sys.argv[1] if len(sys.argv) > 1 else "load"
lr = float(sys.argv[2]) if len(sys.argv) > 2 else 0.05
df = readings(6000, seed=68)
X = features(df)
if task == "load":
    y, params = df.no2_ug.to_numpy(), {"objective": "regression", "metric": ["l2", "l1"], "learning_rate": lr,
                                        "num_leaves": 31, "min_data_in_leaf": 40}
elif task == "fault":
    y, params = df.fault.to_numpy(), {"objective": "binary", "metric": ["auc", "binary_logloss"],
                                      "learning_rate": lr, "num_leaves": 63, "min_data_in_leaf": 900,
                                      "is_unbalance": True, "feature_fraction": 0.7, "bagging_fraction": 0.8}
else:
    y = df.fault_type.map({f: i for i, f in enumerate(FAULTS)}).to_numpy()
    params = {"objective": "multiclass", "metric": "multi_logloss", "learning_rate": lr,
              "num_class": 5}  # seven fault types, num_class left at an older list's 5
Xtr, Xva, ytr, yva = train_test_split(X, y, test_size=0.25, random_state=0)
dtr = lgb.Dataset(Xtr, ytr)
dva = lgb.Dataset(Xva, yva, reference=dtr)
booster = lgb.train(params, dtr, num_boost_round=800, valid_sets=[dva],
                    callbacks=[lgb.log_evaluation(1), lgb.early_stopping(30)])
print("best iteration:", booster.best_iteration)
print("best score:", dict(booster.best_score["valid_0"]))
''',
    'xgb_train.py': r'''import sys
import numpy as np
import xgboost as xgb
from sklearn.model_selection import train_test_split
from air import readings, features

task = sys.argv[1] if len(sys.argv) > 1 else "fault"
df = readings(5000, seed=78)
X = features(df)
if task == "fault":
    y = df.fault.to_numpy()
    params = {"objective": "binary:logistic", "eval_metric": ["logloss", "auc"], "eta": 0.08, "max_depth": 4,
              "nthreads": 2, "num_boost_round": 300, "verbose": 1}
elif task == "load":
    y = df.no2_ug.to_numpy()
    params = {"objective": "reg:squarederror", "eval_metric": "rmse", "eta": 0.04, "max_depth": 6,
              "subsample": 0.8}
else:
    y = np.minimum(df.gap_count.to_numpy(), 5)  # gap classes 0-5
    params = {"objective": "multi:softprob", "eval_metric": "mlogloss", "eta": 0.1}  # num_class forgotten
Xtr, Xva, ytr, yva = train_test_split(X, y, test_size=0.25, random_state=1)
dtr, dva = xgb.DMatrix(Xtr, label=ytr), xgb.DMatrix(Xva, label=yva)
bst = xgb.train(params, dtr, num_boost_round=400, evals=[(dtr, "train"), (dva, "eval")],
                early_stopping_rounds=40 if task == "load" else None, verbose_eval=1)
print("best iteration:", getattr(bst, "best_iteration", None))
print("best score:", getattr(bst, "best_score", None))
''',
    'study.py': r'''import math
import sys
import numpy as np
import optuna
from sklearn.linear_model import SGDRegressor
from sklearn.preprocessing import StandardScaler
from air import readings, features

n_trials = int(sys.argv[1]) if len(sys.argv) > 1 else 60
df = readings(2500, seed=98)
X = StandardScaler().fit_transform(features(df))
y = df.no2_ug.to_numpy()
Xtr, Xva, ytr, yva = X[:2000], X[2000:], y[:2000], y[2000:]


def objective(trial):
    alpha = trial.suggest_float("alpha", 1e-6, 1.0, log=True)
    eta0 = trial.suggest_float("eta0", 1e-4, 2.0, log=True)
    penalty = trial.suggest_categorical("penalty", ["l2", "l1", "elasticnet"])
    schedule = trial.suggest_categorical("learning_rate", ["constant", "invscaling", "adaptive", "optimal"])
    if penalty == "elasticnet" and schedule == "optimal":
        raise ValueError(f"elasticnet with the optimal schedule diverges on monitor data (alpha={alpha:.2g})")
    model = SGDRegressor(alpha=alpha, eta0=eta0, penalty=penalty, learning_rate=schedule, random_state=0)
    mae = float("nan")
    for epoch in range(12):
        model.partial_fit(Xtr, ytr)
        mae = float(np.mean(np.abs(model.predict(Xva) - yva)))
        if not math.isfinite(mae):
            return float("nan")
        trial.report(mae, epoch)
        if trial.should_prune():
            raise optuna.TrialPruned()
    return mae


study = optuna.create_study(direction="minimize", study_name="monitor-sgd",
                            pruner=optuna.pruners.MedianPruner(n_startup_trials=5, n_warmup_steps=2),
                            sampler=optuna.samplers.TPESampler(seed=89))
study.optimize(objective, n_trials=n_trials, catch=(ValueError,))
print("best value: %.4f" % study.best_value)
print("best params:", study.best_params)
print("trials:", len(study.trials), "pruned:", sum(t.state.name == "PRUNED" for t in study.trials),
      "failed:", sum(t.state.name == "FAIL" for t in study.trials))
''',
    'plots.py': r'''import sys
import matplotlib
matplotlib.use("Agg")
import matplotlib.pyplot as plt
from air import readings, MONITORS

plt.rcParams["font.family"] = ["Helvetica Neue", "Segoe UI"]
n = int(sys.argv[1]) if len(sys.argv) > 1 else len(MONITORS)
df = readings(4000, seed=24)
saved = 0
for sub in MONITORS[:n]:
    part = df[df.monitor == sub]
    fig, (a1, a2) = plt.subplots(1, 2, figsize=(9, 3.5))
    a1.scatter(part.temp_c, part.no2_ug, s=4)
    a1.set_title(f"{sub} \u8ca0\u8377 vs temperature")
    a2.plot(part.no2_net.to_numpy())
    a2.set_yscale("log")
    a2.legend()
    a1.set_xlim(20, 20)
    fig.tight_layout()
    fig.savefig(f"/tmp/airwatch-{sub}.png", dpi=60)
    plt.close(fig)
    saved += 1
print(f"saved {saved} figures to /tmp")
''',
    'sparse_net.py': r'''import sys
import warnings
import numpy as np
import scipy.sparse as sp
from scipy.sparse.linalg import spsolve
from air import MONITORS

warnings.simplefilter("always")
rng = np.random.default_rng(28)
n = 40 * len(MONITORS)  # 40 buses per monitor
rows = rng.integers(0, n, 3 * n)
cols = rng.integers(0, n, 3 * n)
adj = sp.csr_matrix((rng.uniform(0.5, 5.0, 3 * n), (rows, cols)), shape=(n, n))
adj = adj + adj.T
print("network", MONITORS[0], "..", MONITORS[-1], "shape", adj.shape, "nnz", adj.nnz)
for k in range(0, n, 40):  # tie each monitor's first bus to the next one
    adj[k, (k + 40) % n] = 2.0
print("after ties: shape", adj.shape, "nnz", adj.nnz)
lap = sp.diags(np.asarray(adj.sum(axis=1)).ravel()) - adj
inject = rng.normal(0, 1.0, n)
if "solve" in sys.argv:
    theta = spsolve(lap.tocsc(), inject)  # no slack bus: the Laplacian is singular
    print("angles: nnz", np.count_nonzero(np.isfinite(theta)), "of shape", theta.shape, "max", np.nanmax(np.abs(theta)))
else:
    flows = lap @ inject[: n - 40]  # the injections of the last monitor were dropped
    print("flows shape", flows.shape)
''',
    'sarimax.py': r'''import sys
import warnings
import numpy as np
import pandas as pd
from statsmodels.tsa.statespace.sarimax import SARIMAX

warnings.simplefilter("always")
rng = np.random.default_rng(55)
if len(sys.argv) > 1 and sys.argv[1] == "weekly":
    idx = pd.date_range("2023-01-02", periods=90, freq="W-MON")
    season = 52
    y = 900 + 120 * np.sin(np.arange(90) / 52 * 2 * np.pi) + rng.normal(0, 30, 90).cumsum() / 3
    order, sorder = (2, 1, 2), (1, 1, 1, season)
else:
    idx = pd.date_range("2019-01-01", periods=60, freq="MS")
    season = 12
    y = 3800 + 600 * np.cos(np.arange(60) / 12 * 2 * np.pi) + np.arange(60) * 9 + rng.normal(0, 80, 60)
    order, sorder = (3, 1, 2), (2, 1, 1, season)
series = pd.Series(y, index=idx, name="monitor_no2")
fit = SARIMAX(series, order=order, seasonal_order=sorder).fit(disp=False, maxiter=40)
print(fit.summary())
print("forecast next 3:", fit.forecast(3).round(1).tolist())
''',
    'aqcalc/pyproject.toml': r'''[project]
name = "aqcalc"
version = "0.3.0"

[tool.pytest.ini_options]
testpaths = ["tests"]
''',
    'aqcalc/src/aqcalc/__init__.py': r'''"""Small numeric helpers for monitor load profiles."""
import numpy as np


def to_mw(kw):
    return np.asarray(kw, dtype=float) / 1024.0  # bug: kilowatts are thousands, not 1024s


def rolling_mean(x, window):
    x = np.asarray(x, dtype=float)
    c = np.cumsum(np.insert(x, 0, 0.0))
    return (c[window:] - c[:-window]) / (window - 1)  # bug: divides by window - 1


def load_factor(profile):
    p = np.asarray(profile, dtype=float)
    return p.mean() / p.max()


def degree_days(temps, base=18.0):
    t = np.asarray(temps, dtype=float)
    return np.clip(t - base, 0, None).sum(), np.clip(base - t, 0, None).sum()


def peak_shave(profile, limit):
    p = np.asarray(profile, dtype=np.float32)  # bug: float32 loses the cents of a MW
    return np.minimum(p, limit).astype(float), float(np.clip(p - limit, 0, None).sum())


def normalise(profile):
    p = np.asarray(profile, dtype=float)
    return (p - p.min()) / (p.max() - p.min())


def losses(current_a, resistance_ohm):
    i = np.asarray(current_a, dtype=float)
    return i * resistance_ohm ** 2  # bug: I^2 R, not I R^2


def power_factor(p_mw, q_mvar):
    p, q = np.asarray(p_mw, float), np.asarray(q_mvar, float)
    return p / np.hypot(p, q)
''',
    'aqcalc/tests/test_calc.py': r'''import numpy as np
import pytest
from numpy.testing import assert_allclose, assert_array_almost_equal
import aqcalc as gc

rng = np.random.default_rng(89)
PROFILE = rng.uniform(20, 80, 96).round(3)


def test_to_mw():
    assert_allclose(gc.to_mw([1000, 2500, 12000]), [1.0, 2.5, 12.0])


def test_to_mw_large_monitor():
    kw = rng.uniform(1e3, 5e4, 48)
    assert_allclose(gc.to_mw(kw), kw / 1000, rtol=1e-9)


@pytest.mark.parametrize("window", [2, 4, 12, 24])
def test_rolling_mean(window):
    expected = np.convolve(PROFILE, np.ones(window) / window, mode="valid")
    assert_allclose(gc.rolling_mean(PROFILE, window), expected, rtol=1e-7)


def test_load_factor():
    assert gc.load_factor([10, 20, 30, 40]) == pytest.approx(0.625)


@pytest.mark.parametrize("base", [15.5, 18.0])
def test_degree_days(base):
    temps = np.linspace(-5, 30, 36)
    cdd, hdd = gc.degree_days(temps, base)
    assert cdd == pytest.approx(np.clip(temps - base, 0, None).sum())
    assert hdd == pytest.approx(np.clip(base - temps, 0, None).sum())


def test_peak_shave_profile():
    shaved, energy = gc.peak_shave(PROFILE, 65.0)
    assert_array_almost_equal(shaved, np.minimum(PROFILE, 65.0), decimal=6)


def test_peak_shave_energy():
    shaved, energy = gc.peak_shave(PROFILE, 65.0)
    assert energy == pytest.approx(np.clip(PROFILE - 65.0, 0, None).sum(), rel=1e-9)


def test_normalise_bounds():
    n = gc.normalise(PROFILE)
    assert_allclose([n.min(), n.max()], [0.0, 1.0])


@pytest.mark.parametrize("r", [0.05, 0.2, 1.5])
def test_losses(r):
    i = rng.uniform(50, 400, 24)
    assert_allclose(gc.losses(i, r), i ** 2 * r, rtol=1e-6)


def test_power_factor():
    assert_allclose(gc.power_factor([3, 4, 0.0], [4, 3, 0.0]), [0.6, 0.8, 1.0])
''',
}
