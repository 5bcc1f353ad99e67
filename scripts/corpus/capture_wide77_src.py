"""Round 77's project, written here: `herdbook`, a dairy cooperative's milk-yield and herd-health analysis (seeded
data of cows, test days and mastitis cases) with mistakes put in on purpose, as the files the round writes before running
its scripts. `FILES` maps a path under the project to its source. Run through capture_wide77.py."""

FILES = {
    'herd.py': r'''"""Seeded data of a dairy cooperative's herds: cows, test-day records, mastitis cases."""
import numpy as np
import pandas as pd

BREEDS = ["Holstein", "Jersey", "Brown Swiss", "Ayrshire", "Guernsey", "Montbeliarde", "Normande", "Fleckvieh"]
FARMS = [f"farm-{i:02d}" for i in range(1, 19)]


def cows(n=1200, seed=77):
    rng = np.random.default_rng(seed)
    breed = rng.choice(BREEDS, n, p=[.42, .16, .1, .08, .07, .07, .06, .04])
    farm = rng.choice(FARMS, n)
    parity = rng.integers(1, 8, n)
    dim = rng.integers(5, 340, n)
    feed = rng.normal(22, 3.5, n).round(1)
    scc = np.exp(rng.normal(5.0, 0.9, n)).round(0)
    temp = rng.normal(38.6, 0.4, n).round(2)
    bcs = rng.normal(3.0, 0.4, n).round(2)
    base = {"Holstein": 32, "Jersey": 22, "Brown Swiss": 27, "Ayrshire": 25, "Guernsey": 23,
            "Montbeliarde": 27, "Normande": 24, "Fleckvieh": 28}
    yld = (np.array([base[b] for b in breed]) + 0.6 * parity - 0.03 * dim + 0.5 * (feed - 22)
           - 0.002 * scc + rng.normal(0, 2.5, n)).round(1)
    risk = -6 + 0.0045 * scc + 1.8 * (temp - 38.6) + 0.15 * parity - 0.4 * (bcs - 3)
    mastitis = (rng.random(n) < 1 / (1 + np.exp(-risk))).astype(int)
    return pd.DataFrame({"cow_id": [f"C{10000 + i}" for i in range(n)], "farm": farm, "breed": breed,
                         "parity": parity, "dim": dim, "feed_kg": feed, "scc": scc, "temp_c": temp,
                         "bcs": bcs, "yield_l": yld, "mastitis": mastitis})


def features(df):
    X = df[["parity", "dim", "feed_kg", "scc", "temp_c", "bcs"]].to_numpy(float)
    return X
''',
    'search_grid.py': r'''import warnings
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GridSearchCV
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler
from herd import cows, features

df = cows()
X, y = features(df), df["mastitis"].to_numpy()
pipe = make_pipeline(StandardScaler(), LogisticRegression(max_iter=200))
grid = {"logisticregression__C": [0.001, 0.01, 0.1, 1, 10],
        "logisticregression__penalty": ["l1", "l2", "elasticnet"],
        "logisticregression__solver": ["lbfgs", "saga", "liblinear"]}
search = GridSearchCV(pipe, grid, cv=5, scoring="roc_auc", verbose=3, n_jobs=1)
search.fit(X, y)
print("best params:", search.best_params_)
print("best score: %.4f" % search.best_score_)
''',
    'search_random.py': r'''from scipy.stats import randint, uniform
from sklearn.ensemble import RandomForestRegressor
from sklearn.model_selection import RandomizedSearchCV
from herd import cows, features

df = cows(900, seed=7)
X, y = features(df), df["yield_l"].to_numpy()
space = {"n_estimators": randint(10, 60), "max_depth": [None, 3, 5, 8, 12], "min_samples_leaf": randint(1, 20),
         "max_features": ["sqrt", "log2", 1.0, 0.5], "bootstrap": [True, False]}
search = RandomizedSearchCV(RandomForestRegressor(random_state=0), space, n_iter=70, cv=4, random_state=77,
                            scoring="neg_root_mean_squared_error", verbose=3, n_jobs=1, return_train_score=True)
search.fit(X, y)
print("best params:", search.best_params_)
print("best RMSE: %.3f" % -search.best_score_)
''',
    'converge.py': r'''import warnings
import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.neural_network import MLPClassifier
from herd import cows, features, FARMS

warnings.simplefilter("always")
df = cows(2400, seed=11)
for farm in FARMS:
    sub = df[df.farm == farm]
    X, y = features(sub), sub["mastitis"].to_numpy()
    lr = LogisticRegression(max_iter=25).fit(X, y)
    mlp = MLPClassifier(hidden_layer_sizes=(16,), max_iter=30, random_state=0).fit(X, y)
    print(f"{farm}: n={len(sub)} cases={y.sum()} lr_acc={lr.score(X, y):.3f} mlp_acc={mlp.score(X, y):.3f} lr_iter={lr.n_iter_[0]}")
print("fitted", 2 * len(FARMS), "models")
''',
    'report.py': r'''import numpy as np
from sklearn.metrics import classification_report, confusion_matrix
from sklearn.model_selection import train_test_split
from sklearn.neighbors import KNeighborsClassifier
from sklearn.tree import DecisionTreeClassifier
import sys
from herd import cows, features, BREEDS, FARMS

df = cows(3000, seed=21)
target = sys.argv[1] if len(sys.argv) > 1 else "breed"
X, y = features(df), df[target].to_numpy()
labels = BREEDS if target == "breed" else FARMS
Xtr, Xte, ytr, yte = train_test_split(X, y, test_size=0.3, random_state=0, stratify=y)
clf = (DecisionTreeClassifier(max_depth=4, random_state=0) if target == "breed"
       else KNeighborsClassifier(n_neighbors=15)).fit(Xtr, ytr)
pred = clf.predict(Xte)
print(classification_report(yte, pred, digits=3))
print("confusion matrix (rows: true, columns: predicted)")
print("labels:", labels)
print(confusion_matrix(yte, pred, labels=labels))
''',
    'cv.py': r'''import sys
import numpy as np
import pandas as pd
from sklearn.ensemble import GradientBoostingClassifier
from sklearn.model_selection import StratifiedKFold, cross_validate
from herd import cows, features

pd.set_option("display.width", 160)
pd.set_option("display.max_columns", 20)
df = cows(1500, seed=5)
X, y = features(df), df["mastitis"].to_numpy()
cv = StratifiedKFold(n_splits=int(sys.argv[1]) if len(sys.argv) > 1 else 10, shuffle=True, random_state=1)
res = cross_validate(GradientBoostingClassifier(n_estimators=60, random_state=0), X, y, cv=cv,
                     scoring=["roc_auc", "accuracy", "f1", "precision", "recall"], return_train_score=True)
table = pd.DataFrame(res)
table.index.name = "fold"
print(table.round(4))
for k in [c for c in table.columns if c.startswith("test_")]:
    print(f"{k:16} mean {table[k].mean():.4f} +/- {table[k].std():.4f}")
''',
    'pipeline_bad.py': r'''import sys
import numpy as np
import pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.linear_model import Ridge
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler
from herd import cows

df = cows(800, seed=3)
mode = sys.argv[1] if len(sys.argv) > 1 else "text"
if mode == "text":
    df["feed_kg"] = df["feed_kg"].astype(object)
    df.loc[df.sample(9, random_state=1).index, "feed_kg"] = "n/a"   # a bad export: text in a numeric column
elif mode == "nan":
    df.loc[df.sample(14, random_state=2).index, "temp_c"] = np.nan  # thermometer gaps
num = ["parity", "dim", "feed_kg", "scc", "temp_c", "bcs"]
pre = ColumnTransformer([("num", StandardScaler(), num), ("cat", OneHotEncoder(), ["breed", "farm"])])
model = Pipeline([("pre", pre), ("ridge", Ridge(alpha=1.0))])
model.fit(df[num + ["breed", "farm"]], df["yield_l"])
if mode == "predict":
    new = cows(50, seed=4)
    new["breed"] = new["breed"].replace("Normande", "Normande x Holstein")   # a crossbreed the encoder never saw
    print("predicted:", model.predict(new[num + ["breed", "farm"]])[:5])
print("R^2:", model.score(df[num + ["breed", "farm"]], df["yield_l"]))
''',
    'ols.py': r'''import statsmodels.formula.api as smf
from herd import cows

df = cows(1600, seed=31)
df["feed_x2"] = df["feed_kg"] * 2 + 0.001 * (df.index % 3)   # a derived column kept by mistake (collinear)
small = smf.ols("yield_l ~ parity + dim + feed_kg + scc", data=df).fit()
print(small.summary())
full = smf.ols("yield_l ~ C(breed) + C(farm) + parity + dim + feed_kg + feed_x2 + scc + temp_c + bcs", data=df).fit()
print(full.summary())
''',
    'logit.py': r'''import warnings
import statsmodels.api as sm
import statsmodels.formula.api as smf
from herd import cows

df = cows(900, seed=41)
df["high_scc"] = (df["scc"] > 400).astype(int)   # leaks the outcome for most cases
m1 = smf.logit("mastitis ~ parity + dim + temp_c + bcs + scc", data=df).fit(maxiter=6)
print(m1.summary())
m2 = smf.logit("mastitis ~ parity + temp_c + high_scc + C(breed)", data=df).fit(method="newton", maxiter=35)
print(m2.summary())
''',
    'sarimax.py': r'''import numpy as np
import pandas as pd
from statsmodels.tsa.statespace.sarimax import SARIMAX

rng = np.random.default_rng(8)
n = 84
season = 2.5 * np.sin(np.arange(n) * 2 * np.pi / 12)
y = 28 + 0.04 * np.arange(n) + season + rng.normal(0, 0.8, n)
series = pd.Series(y, index=pd.date_range("2019-01-01", periods=n, freq="MS").strftime("%Y-%m"))  # strings, no freq
model = SARIMAX(series, order=(2, 1, 2), seasonal_order=(1, 1, 1, 12), trend="c")
res = model.fit(disp=False, maxiter=15)
print(res.summary())
print("forecast next 6 months:", np.round(res.forecast(6).to_numpy(), 2))
''',
    'optim.py': r'''import numpy as np
from scipy.optimize import minimize, rosen, rosen_der
from herd import cows

df = cows(600, seed=51)
X = np.column_stack([np.ones(len(df)), df["parity"], df["dim"] / 100, df["feed_kg"] / 10])
y = df["yield_l"].to_numpy()


def loss(b):
    r = y - X @ b
    return np.sum(np.where(np.abs(r) < 3, 0.5 * r ** 2, 3 * np.abs(r) - 4.5))  # Huber


x0 = np.zeros(4)
for method, opts in [("Nelder-Mead", {"maxiter": 200}), ("BFGS", {}), ("L-BFGS-B", {"maxiter": 8}),
                     ("Powell", {}), ("CG", {"maxiter": 5})]:
    res = minimize(loss, x0, method=method, options=opts)
    print(f"--- {method} ---")
    print(res)
print("--- rosenbrock, trust-constr ---")
print(minimize(rosen, np.array([1.3, 0.7, 0.8, 1.9, 1.2]), jac=rosen_der, method="trust-constr",
               options={"maxiter": 40}))
''',
    'curvefit.py': r'''import warnings
import numpy as np
from scipy.optimize import curve_fit

warnings.simplefilter("always")


def wood(t, a, b, c):
    """Wood's lactation curve: yield at day t."""
    return a * t ** b * np.exp(-c * t)


rng = np.random.default_rng(61)
for k in range(24):
    days = np.arange(5, 305, 10 if k % 5 else 100).astype(float)
    a, b, c = rng.uniform(12, 20), rng.uniform(0.15, 0.3), rng.uniform(0.002, 0.005)
    obs = wood(days, a, b, c) + rng.normal(0, 1.2, len(days))
    if k % 7 == 3:
        obs[:] = obs.mean()
    try:
        p, cov = curve_fit(wood, days, obs, p0=(1, 1, 1) if k % 6 == 5 else (15, 0.2, 0.003), maxfev=400)
        err = np.sqrt(np.diag(cov))
        print(f"fit cow C{20000 + k}: a={p[0]:.3f} b={p[1]:.4f} c={p[2]:.5f} se={np.round(err, 4).tolist()} n={len(days)}")
    except RuntimeError as e:
        print(f"fit cow C{20000 + k}: failed: RuntimeError: {e}")
''',
    'sparse.py': r'''import sys
import warnings
import numpy as np
import scipy.sparse as sp
from herd import cows, FARMS

warnings.simplefilter("always")
df = cows(5000, seed=71)
rows = df["farm"].map({f: i for i, f in enumerate(FARMS)}).to_numpy()
cols = np.arange(len(df))
herd = sp.csr_matrix((np.ones(len(df)), (rows, cols)), shape=(len(FARMS), len(df)))
if sys.argv[1:] == ["solve"]:   # farm-to-farm transfer balances: two farms never trade, the system is singular
    import scipy.sparse.linalg as sla
    moves = sp.random(len(FARMS), len(FARMS), density=0.3, random_state=5, format="csr")
    moves[4, :] = 0
    moves[:, 4] = 0
    print("transfer matrix: shape", moves.shape, "nnz", moves.nnz)
    stock = herd.sum(axis=1).A.ravel()
    print("balance:", np.round(sla.spsolve(moves, stock)[:6], 2))
    print("inverse: shape", sla.inv(moves.tocsc() + sp.eye(len(FARMS), format="csc")).shape)
    print("per farm:", sla.spsolve(moves, stock[:-1]))
    sys.exit(0)
print("herd matrix: shape", herd.shape, "nnz", herd.nnz)
for i in range(0, len(FARMS), 3):
    herd[i, i * 7] = 2.0   # changing the sparsity structure of a csr_matrix
print("after edits: shape", herd.shape, "nnz", herd.nnz)
yields = df["yield_l"].to_numpy()[:-1]
per_farm = herd @ sp.csr_matrix(yields).T
print("per farm: shape", per_farm.shape, "nnz", per_farm.nnz)
''',
    'lgb_train.py': r'''import sys
import lightgbm as lgb
import numpy as np
from herd import cows, features

task = sys.argv[1] if len(sys.argv) > 1 else "yield"
df = cows(4000, seed=81)
X = features(df)
cut = 3000
if task == "yield":
    y = df["yield_l"].to_numpy()
    params = {"objective": "regression", "metric": ["l2", "l1"],
              "learning_rate": float(sys.argv[2]) if len(sys.argv) > 2 else 0.03, "num_leaves": 63,
              "min_data_in_leaf": 400, "verbose": 1, "seed": 7}
elif task == "mastitis":
    y = df["mastitis"].to_numpy()
    params = {"objective": "binary", "metric": ["binary_logloss", "auc"], "learning_rate": 0.05, "num_leaves": 31,
              "min_gain_to_split": 0.5, "verbose": 1, "seed": 7}
else:  # breed, forgetting num_class
    y = df["breed"].astype("category").cat.codes.to_numpy()
    params = {"objective": "multiclass", "metric": "multi_logloss", "verbose": 1}
train = lgb.Dataset(X[:cut], y[:cut], feature_name=["parity", "dim", "feed_kg", "scc", "temp_c", "bcs"])
valid = lgb.Dataset(X[cut:], y[cut:], reference=train)
booster = lgb.train(params, train, num_boost_round=1200, valid_sets=[train, valid], valid_names=["train", "valid"],
                    callbacks=[lgb.log_evaluation(1), lgb.early_stopping(60)])
print("best iteration:", booster.best_iteration)
print("best score:", dict(booster.best_score["valid"]))
''',
    'xgb_train.py': r'''import sys
import numpy as np
import xgboost as xgb
from herd import cows, features

task = sys.argv[1] if len(sys.argv) > 1 else "mastitis"
df = cows(4000, seed=91)
X = features(df)
cut = 3000
if task == "mastitis":
    y = df["mastitis"].to_numpy()
    params = {"objective": "binary:logistic", "eval_metric": ["logloss", "auc"], "eta": 0.05, "max_depth": 5,
              "silent": 1, "seed": 3}
    rounds, stop = 800, 40
else:  # yield; "yield-gpu" keeps a config from the old GPU box
    y = df["yield_l"].to_numpy()
    params = {"objective": "reg:squarederror", "eval_metric": "rmse", "eta": 0.02, "max_depth": 4,
              "nthread": 1}
    if task == "yield-gpu":
        params["gpu_id"] = 0
    rounds, stop = 700, None
dtrain = xgb.DMatrix(X[:cut], label=y[:cut])
dvalid = xgb.DMatrix(X[cut:], label=y[cut:])
bst = xgb.train(params, dtrain, rounds, evals=[(dtrain, "train"), (dvalid, "eval")], early_stopping_rounds=stop,
                verbose_eval=1)
if stop:
    print("best iteration:", bst.best_iteration, "best score:", bst.best_score)
else:
    print("best eval rmse at last round:", bst.eval(dvalid))
''',
    'study.py': r'''import sys
import numpy as np
import optuna
from sklearn.ensemble import HistGradientBoostingRegressor
from sklearn.model_selection import train_test_split
from herd import cows, features

n_trials = int(sys.argv[1]) if len(sys.argv) > 1 else 120
df = cows(1500, seed=101)
X, y = features(df), df["yield_l"].to_numpy()
Xtr, Xva, ytr, yva = train_test_split(X, y, test_size=0.25, random_state=0)


def objective(trial):
    lr = trial.suggest_float("learning_rate", 1e-3, 0.5, log=True)
    leaves = trial.suggest_int("max_leaf_nodes", 4, 64)
    l2 = trial.suggest_float("l2_regularization", 0.0, 2.0)
    loss = trial.suggest_categorical("loss", ["squared_error", "absolute_error", "poisson", "gamma"])
    if loss == "gamma" and leaves > 48:
        raise ValueError(f"gamma loss unstable with {leaves} leaves (herd 7 has zero yields)")
    if loss == "poisson" and lr > 0.3:
        return float("nan")
    model = HistGradientBoostingRegressor(learning_rate=lr, max_leaf_nodes=leaves, l2_regularization=l2, loss=loss,
                                          max_iter=10, warm_start=True, random_state=0)
    for step in range(4):
        model.set_params(max_iter=10 * (step + 1))
        model.fit(Xtr, ytr)
        rmse = float(np.sqrt(np.mean((model.predict(Xva) - yva) ** 2)))
        trial.report(rmse, step)
        if trial.should_prune():
            raise optuna.TrialPruned()
    return rmse


study = optuna.create_study(study_name="herd-yield", direction="minimize",
                            sampler=optuna.samplers.TPESampler(seed=77),
                            pruner=optuna.pruners.MedianPruner(n_startup_trials=5, n_warmup_steps=1))
study.optimize(objective, n_trials=n_trials, catch=(ValueError,))
print("best trial:", study.best_trial.number)
print("best value: %.4f" % study.best_value)
print("best params:", study.best_params)
''',
    'plots.py': r'''import matplotlib
matplotlib.use("Agg")
import matplotlib.pyplot as plt
import numpy as np
from herd import cows, FARMS

plt.rcParams["font.family"] = ["Fira Sans Condensed", "sans-serif"]
df = cows(2000, seed=111)
saved = 0
import sys
for farm in FARMS[:int(sys.argv[1]) if len(sys.argv) > 1 else None]:
    sub = df[df.farm == farm]
    fig, ax = plt.subplots(figsize=(4, 3))
    ax.scatter(sub["dim"], sub["yield_l"], s=4)
    ax.set_title(f"{farm} \u2014 yield \u2264 40 l, \u725b\u4e73")   # a CJK label the font lacks
    ax.set_yscale("log")
    ax.set_ylim(0, 45)                                                  # log axis with a 0 limit
    ax.legend()                                                         # no labelled artists
    fig.tight_layout()
    fig.savefig(f"{farm}.png", dpi=60)
    plt.close(fig)
    saved += 1
plt.plot([1, 2, 3])
plt.show()
print(f"saved {saved} figures to .")
''',
    'lactation/src/lactation/__init__.py': r'''"""Lactation-curve and herd statistics."""
import numpy as np


def wood(t, a, b, c):
    t = np.asarray(t, float)
    return a * t ** b * np.exp(-c * t)


def peak_day(b, c):
    return b / c


def total_yield(a, b, c, days=305):
    t = np.arange(1, days)          # bug: stops at day 304
    return float(np.sum(wood(t, a, b, c)))


def herd_mean_sd(yields):
    y = np.asarray(yields, float)
    return y.mean(axis=0), y.std(axis=0)   # bug: population sd, the report uses ddof=1


def fat_corrected(milk_kg, fat_pct):
    milk_kg, fat_pct = np.asarray(milk_kg, float), np.asarray(fat_pct, float)
    return 0.4 * milk_kg + 15 * milk_kg * fat_pct / 100   # FCM 4%


def energy_corrected(milk_kg, fat_pct, protein_pct):
    m, f, p = (np.asarray(v, float) for v in (milk_kg, fat_pct, protein_pct))
    return m * (0.383 * f + 0.242 * p + 0.7832) / 3.1138   # ok


def scc_score(scc):
    scc = np.asarray(scc, float)
    return np.round(np.log2(scc / 100) + 3, 1)   # bug: rounding to 1 place, the tests want 2


def rolling_herd_average(daily, window=7):
    daily = np.asarray(daily, float)
    k = np.ones(window) / window
    return np.convolve(daily, k, mode="same")    # bug: edges averaged with zeros
''',
    'lactation/tests/test_lactation.py': r'''import numpy as np
import pytest
from numpy.testing import assert_allclose, assert_array_almost_equal
from lactation import (energy_corrected, fat_corrected, herd_mean_sd, peak_day, rolling_herd_average, scc_score,
                       total_yield, wood)

CURVES = [(18.39, 0.199, 0.0027), (18.58, 0.167, 0.0034), (16.46, 0.242, 0.0024), (17.05, 0.225, 0.0046), (12.23, 0.294, 0.0025), (18.51, 0.226, 0.0045), (13.46, 0.198, 0.0023), (18.23, 0.23, 0.0026), (13.53, 0.162, 0.0026), (16.48, 0.216, 0.0041), (12.61, 0.276, 0.0049), (17.92, 0.261, 0.0045), (12.76, 0.219, 0.0022), (18.25, 0.231, 0.0023), (15.56, 0.267, 0.0037), (12.97, 0.291, 0.0022), (18.74, 0.296, 0.0043), (19.57, 0.23, 0.0027), (15.78, 0.261, 0.0043), (15.07, 0.292, 0.0021), (15.97, 0.156, 0.0031), (19.91, 0.168, 0.005), (19.24, 0.253, 0.0022), (15.77, 0.254, 0.0023)]


@pytest.mark.parametrize("a,b,c", CURVES)
def test_total_yield_matches_trapezoid(a, b, c):
    t = np.arange(1, 306)
    assert_allclose(total_yield(a, b, c), np.sum(wood(t, a, b, c)), rtol=1e-3)


@pytest.mark.parametrize("a,b,c", CURVES[:6])
def test_peak_day(a, b, c):
    t = np.linspace(1, 400, 40000)
    assert peak_day(b, c) == pytest.approx(t[np.argmax(wood(t, a, b, c))], abs=0.05)


def test_herd_mean_sd():
    rng = np.random.default_rng(3)
    y = rng.normal(28, 4, size=(40, 12))
    mean, sd = herd_mean_sd(y)
    assert_allclose(mean, y.mean(axis=0))
    assert_allclose(sd, y.std(axis=0, ddof=1), rtol=1e-6)


def test_fat_corrected():
    assert_allclose(fat_corrected([30, 25, 40], [4.0, 5.1, 3.2]), [30.0, 29.125, 35.2])


def test_energy_corrected():
    assert_allclose(energy_corrected([30], [4.0], [3.3]), [29.97], atol=0.01)


def test_scc_score():
    scc = np.array([50, 100, 200, 400, 800, 1600, 137, 263, 951])
    assert_array_almost_equal(scc_score(scc), np.log2(scc / 100) + 3, decimal=2)


def test_rolling_average_flat_herd():
    daily = np.full(30, 27.5)
    assert_allclose(rolling_herd_average(daily), daily)


def test_rolling_average_matrix_of_farms():
    rng = np.random.default_rng(9)
    daily = rng.normal(27, 2, size=(8, 60))
    got = np.vstack([rolling_herd_average(row) for row in daily])
    want = np.vstack([np.convolve(np.pad(row, 3, mode="edge"), np.ones(7) / 7, mode="valid") for row in daily])
    assert_allclose(got, want, rtol=1e-7, err_msg="rolling herd average per farm")
''',
}
