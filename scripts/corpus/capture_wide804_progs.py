"""Round 804's material: `fromagerie`, a cheese maker's records (vats, curds, whey, rennet, presses, affineurs, caves,
wheels) and the small analysis programs run on them, written here (seed 80400) with faults put in on purpose."""

FROMAGE = '''
"""The fromagerie's wheel records, generated (seed 80400) with odd rows put in."""
import numpy as np
import pandas as pd

VATS = ["vat1", "vat2", "vat3", "vat4", "vat5", "vat6"]
AFFINEURS = ["marcel", "odile", "benoit", "sylvie", "gaston"]
CAVES = ["north", "south", "deep", "chalk"]
GRADES = ["A", "B", "C", "reject"]


def wheels(n=400, seed=80400):
    r = np.random.default_rng(seed)
    df = pd.DataFrame({
        "vat": r.choice(VATS, n),
        "rennet_ml": r.normal(30, 4, n).round(1),
        "curd_temp": r.normal(32, 1.5, n).round(1),
        "whey_ph": r.normal(6.4, 0.15, n).round(2),
        "press_kpa": r.normal(120, 15, n).round(0),
        "press_hours": r.integers(4, 20, n),
        "salt_pct": r.normal(1.8, 0.3, n).round(2),
        "moisture": r.normal(38, 3, n).round(1),
        "affineur": r.choice(AFFINEURS, n, p=[.4, .25, .15, .12, .08]),
        "cave": r.choice(CAVES, n, p=[.4, .3, .2, .1]),
        "batch_flag": np.ones(n, dtype=int),
    })
    df.loc[7, "press_kpa"] = 9999.0
    df.loc[11, "moisture"] = -2.0
    df.loc[13, "affineur"] = "rosalie"
    score = (0.08 * (df.rennet_ml - 30) - 0.5 * (df.curd_temp - 32).abs() - 0.15 * (df.moisture.clip(30, 46) - 38)
             + 0.3 * (df.cave == "deep") + r.normal(0, 1, n))
    cuts = np.quantile(score, [0.03, 0.12, 0.32])
    df["grade"] = np.select([score < cuts[0], score < cuts[1], score < cuts[2]], ["reject", "C", "B"], "A")
    # days to spoilage: moisture and the south cave raise the hazard; salt's effect fades with time (non-PH)
    lin = 0.06 * (df.moisture.clip(30, 46) - 38) + 0.6 * (df.cave == "south") - 0.02 * (df.rennet_ml - 30)
    shape = 1.2 + 1.5 * (df.salt_pct - 1.8).clip(-0.6, 0.6)
    t = (r.weibull(shape.to_numpy()) * 120 * np.exp(-lin)).round(1) + 0.5
    df["spoiled"] = (t < 180).astype(int)
    df["days"] = np.minimum(t, 180.0)
    df["rind_wash"] = np.where(df.spoiled == 1, 0, r.integers(0, 2, n))  # separates spoilage perfectly when 1
    mu = np.exp(0.8 + 0.05 * (df.curd_temp - 32) + 0.4 * (df.cave == "chalk"))
    df["eyes"] = r.negative_binomial(1.3, 1.3 / (1.3 + mu))
    df.loc[r.random(n) < 0.25, "eyes"] = 0  # a press that squeezes out every eye: zero-inflated
    df["blown"] = ((df.grade == "reject") & (r.random(n) < 0.7)).astype(int)
    df["cracked"] = ((df.press_kpa > 135) | (r.random(n) < 0.05)).astype(int)
    return df


def prices(n=500, seed=80401, scale=1.0):
    r = np.random.default_rng(seed)
    eps = r.standard_t(5, n)
    sig2 = np.empty(n)
    ret = np.empty(n)
    sig2[0] = 1.0
    for i in range(n):
        if i:
            sig2[i] = 0.05 + 0.1 * ret[i - 1] ** 2 + 0.85 * sig2[i - 1]
        ret[i] = np.sqrt(sig2[i]) * eps[i]
    return pd.Series(ret * scale, name="curd_price_ret")
'''

LIFE = '''
import sys
import pandas as pd
from lifelines import CoxPHFitter, WeibullAFTFitter, LogNormalAFTFitter, WeibullFitter, ExponentialFitter
from fromage import wheels

n = int(sys.argv[2]) if len(sys.argv) > 2 else 400
what = sys.argv[1] if len(sys.argv) > 1 else "cox"
df = wheels(n)
base = df[["days", "spoiled", "moisture", "salt_pct", "rennet_ml", "curd_temp", "press_kpa"]].copy()
base["south"] = (df.cave == "south").astype(int)
if what == "cox":
    CoxPHFitter().fit(base, "days", "spoiled").print_summary(decimals=3)
elif what == "cox-dummies":
    wide = pd.concat([base, pd.get_dummies(df[["vat", "affineur", "cave"]], drop_first=True, dtype=int)], axis=1)
    CoxPHFitter(penalizer=0.01).fit(wide, "days", "spoiled").print_summary()
elif what == "cox-flag":
    base["batch_flag"] = df.batch_flag
    base["rind_wash"] = df.rind_wash
    CoxPHFitter().fit(base, "days", "spoiled").print_summary()
elif what == "cox-strata":
    base["affineur"] = df.affineur
    CoxPHFitter().fit(base, "days", "spoiled", strata=["affineur"]).print_summary()
elif what == "weibull-aft":
    WeibullAFTFitter().fit(base, "days", "spoiled").print_summary()
elif what == "lognormal-aft":
    LogNormalAFTFitter(penalizer=0.001).fit(base, "days", "spoiled").print_summary()
elif what == "univariate":
    for F in (WeibullFitter, ExponentialFitter):
        F().fit(df.days, df.spoiled, label=F.__name__).print_summary()
'''

PH = '''
import sys
from lifelines import CoxPHFitter
from fromage import wheels

n = int(sys.argv[1]) if len(sys.argv) > 1 else 400
thr = float(sys.argv[2]) if len(sys.argv) > 2 else 0.05
cols = sys.argv[3].split(",") if len(sys.argv) > 3 else ["moisture", "salt_pct", "rennet_ml", "curd_temp"]
df = wheels(n)
d = df[["days", "spoiled"] + cols]
cph = CoxPHFitter().fit(d, "days", "spoiled")
cph.check_assumptions(d, p_value_threshold=thr, show_plots=False)
'''

LOGRANK = '''
import sys
from lifelines.statistics import (logrank_test, multivariate_logrank_test, pairwise_logrank_test,
                                  survival_difference_at_fixed_point_in_time_test)
from lifelines import KaplanMeierFitter
from fromage import wheels

what = sys.argv[1] if len(sys.argv) > 1 else "caves"
n = int(sys.argv[2]) if len(sys.argv) > 2 else 400
df = wheels(n)
if what == "caves":
    s, o = df[df.cave == "south"], df[df.cave != "south"]
    logrank_test(s.days, o.days, s.spoiled, o.spoiled).print_summary()
    a = KaplanMeierFitter().fit(s.days, s.spoiled)
    b = KaplanMeierFitter().fit(o.days, o.spoiled)
    survival_difference_at_fixed_point_in_time_test(90, a, b).print_summary()
elif what == "affineurs":
    multivariate_logrank_test(df.days, df.affineur, df.spoiled).print_summary()
elif what == "pairwise-vats":
    pairwise_logrank_test(df.days, df.vat, df.spoiled).print_summary()
elif what == "pairwise-vat-cave":
    pairwise_logrank_test(df.days, df.vat + "/" + df.cave, df.spoiled).print_summary()
'''

CONFUSION = '''
import sys
import numpy as np
import pandas as pd
from sklearn.linear_model import LogisticRegression
from sklearn.ensemble import RandomForestClassifier
from sklearn.model_selection import train_test_split
from sklearn.metrics import (confusion_matrix, multilabel_confusion_matrix, accuracy_score, balanced_accuracy_score,
                             cohen_kappa_score, matthews_corrcoef, f1_score, classification_report)
from fromage import wheels

what = sys.argv[1] if len(sys.argv) > 1 else "grade"
n = int(sys.argv[2]) if len(sys.argv) > 2 else 400
report = "report" in sys.argv[3:]
df = wheels(n)
X = df[["rennet_ml", "curd_temp", "whey_ph", "press_kpa", "press_hours", "salt_pct", "moisture"]]
if what == "multilabel":
    Y = df[["spoiled", "blown", "cracked"]].to_numpy()
    Xtr, Xte, ytr, yte = train_test_split(X, Y, test_size=0.3, random_state=4)
    pred = RandomForestClassifier(n_estimators=30, random_state=0).fit(Xtr, ytr).predict(Xte)
    print("labels: spoiled, blown, cracked")
    print(multilabel_confusion_matrix(yte, pred))
    print(f"f1 samples: {f1_score(yte, pred, average='samples'):.3f}")
    sys.exit(0)
y = {"grade": df.grade, "vat": df.vat, "blown": df.blown, "affineur": df.affineur}[what]
Xtr, Xte, ytr, yte = train_test_split(X, y, test_size=0.3, random_state=4)
clf = LogisticRegression(max_iter=200) if what != "vat" else RandomForestClassifier(n_estimators=40, random_state=0)
pred = clf.fit(Xtr, ytr).predict(Xte)
labels = sorted(set(y))
cm = confusion_matrix(yte, pred, labels=labels)
if report:
    print(classification_report(yte, pred, labels=labels))
print(cm)
print(pd.DataFrame(cm, index=[f"true_{l}" for l in labels], columns=[f"pred_{l}" for l in labels]))
print("normalized by true class:")
print(np.round(confusion_matrix(yte, pred, labels=labels, normalize="true"), 2))
print(f"accuracy: {accuracy_score(yte, pred):.3f}")
print(f"balanced accuracy: {balanced_accuracy_score(yte, pred):.3f}")
print(f"kappa: {cohen_kappa_score(yte, pred):.3f}")
print(f"MCC: {matthews_corrcoef(yte, pred):.3f}")
print(f"f1 macro: {f1_score(yte, pred, average='macro'):.3f}")
'''

IMB = '''
import sys
from collections import Counter
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import train_test_split
from imblearn.over_sampling import RandomOverSampler, SMOTE, ADASYN
from imblearn.under_sampling import RandomUnderSampler, TomekLinks
from imblearn.metrics import classification_report_imbalanced
from fromage import wheels

sampler = sys.argv[1] if len(sys.argv) > 1 else "none"
n = int(sys.argv[2]) if len(sys.argv) > 2 else 400
target = sys.argv[3] if len(sys.argv) > 3 else "grade"
df = wheels(n)
X = df[["rennet_ml", "curd_temp", "whey_ph", "press_hours", "salt_pct", "moisture"]]
y = df[target]
Xtr, Xte, ytr, yte = train_test_split(X, y, test_size=0.3, random_state=4, stratify=y if target != "affineur" else None)
print(f"before sampling: {dict(sorted(Counter(ytr).items()))}")
S = {"ros": RandomOverSampler(random_state=0), "smote": SMOTE(random_state=0, k_neighbors=5),
     "rus": RandomUnderSampler(random_state=0), "adasyn": ADASYN(random_state=0), "tomek": TomekLinks()}.get(sampler)
if S is not None:
    Xtr, ytr = S.fit_resample(Xtr, ytr)
    print(f"resampled with {type(S).__name__}: {dict(sorted(Counter(ytr).items()))}")
pred = LogisticRegression(max_iter=300).fit(Xtr, ytr).predict(Xte)
print(classification_report_imbalanced(yte, pred))
'''

HYPER = '''
import logging
import sys
import numpy as np
from hyperopt import fmin, tpe, hp, Trials, STATUS_OK, STATUS_FAIL
from sklearn.linear_model import Ridge
from sklearn.model_selection import cross_val_score
from fromage import wheels

logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")
evals = int(sys.argv[1]) if len(sys.argv) > 1 else 30
faulty = any(a.startswith("fail") for a in sys.argv[2:])
catch = "failraise" not in sys.argv[2:]
df = wheels(300)
X = df[["rennet_ml", "curd_temp", "whey_ph", "press_hours", "salt_pct"]].to_numpy()
y = df.moisture.to_numpy()
space = {"alpha": hp.loguniform("alpha", -6, 4), "rennet_ml": hp.uniform("rennet_ml", 0, 60),
         "press": hp.choice("press", ["hydraulic", "lever", "screw"])}


def objective(p):
    if faulty and p["rennet_ml"] < 6:
        raise ValueError(f"rennet dose {p['rennet_ml']:.2f} ml too low: curd did not set")
    if faulty and p["press"] == "screw" and p["alpha"] > 20:
        return {"status": STATUS_FAIL, "loss": None}
    s = cross_val_score(Ridge(alpha=p["alpha"]), X, y, cv=5, scoring="neg_mean_absolute_error").mean()
    return {"status": STATUS_OK, "loss": -s + abs(p["rennet_ml"] - 30) / 300}


trials = Trials()
best = fmin(objective, space, algo=tpe.suggest, max_evals=evals, trials=trials,
            rstate=np.random.default_rng(80400), catch_eval_exceptions=catch)
for t in trials.trials:
    r = t["result"]
    print(f"trial {t['tid']:3d} status={r.get('status')} loss={r.get('loss')}")
print("best:", best)
'''

SMCOL = '''
import sys
import statsmodels.formula.api as smf
from statsmodels.iolib.summary2 import summary_col
from fromage import wheels

what = sys.argv[1] if len(sys.argv) > 1 else "small"
df = wheels(int(sys.argv[2]) if len(sys.argv) > 2 else 400)
forms = ["moisture ~ press_kpa + press_hours", "moisture ~ press_kpa + press_hours + salt_pct + curd_temp",
         "moisture ~ press_kpa + press_hours + salt_pct + curd_temp + rennet_ml + whey_ph"]
if what == "big":
    forms += ["moisture ~ press_hours + salt_pct + C(vat) + C(affineur) + C(cave)",
              "moisture ~ press_hours * salt_pct + C(vat) + C(cave) + rennet_ml"]
fits = [smf.ols(f, df).fit() for f in forms]
names = [f"moist {i + 1}" for i in range(len(fits))]
print(summary_col(fits, stars=True, model_names=names, info_dict={"N": lambda r: f"{int(r.nobs)}"},
                  float_format="%0.3f"))
if what == "logit":
    lf = [smf.logit("spoiled ~ moisture + salt_pct", df).fit(disp=0),
          smf.logit("spoiled ~ moisture + salt_pct + curd_temp + C(cave)", df).fit(disp=0)]
    print(summary_col(lf, stars=True, model_names=["spoil 1", "spoil 2"], regressor_order=["moisture", "salt_pct"]))
'''

COUNT = '''
import sys
import statsmodels.formula.api as smf
from statsmodels.discrete.count_model import ZeroInflatedPoisson
from fromage import wheels

what = sys.argv[1] if len(sys.argv) > 1 else "poisson"
df = wheels(int(sys.argv[2]) if len(sys.argv) > 2 else 400)
df["chalk"] = (df.cave == "chalk").astype(int)
f = "eyes ~ curd_temp + chalk + press_kpa + salt_pct"
if what == "poisson":
    print(smf.poisson(f, df).fit().summary())
elif what == "negbin":
    print(smf.negativebinomial(f + " + C(vat)", df).fit(maxiter=100).summary())
elif what == "genpoisson":
    from statsmodels.discrete.discrete_model import GeneralizedPoisson
    print(GeneralizedPoisson.from_formula(f, df).fit(maxiter=12).summary())
elif what == "zip":
    import patsy
    y, X = patsy.dmatrices(f, df, return_type="dataframe")
    print(ZeroInflatedPoisson(y, X, exog_infl=X[["Intercept", "press_kpa"]]).fit(maxiter=30).summary())
'''

MNL = '''
import sys
import statsmodels.formula.api as smf
from fromage import wheels

what = sys.argv[1] if len(sys.argv) > 1 else "grade"
df = wheels(int(sys.argv[2]) if len(sys.argv) > 2 else 400)
df["g"] = df.grade.map({"A": 0, "B": 1, "C": 2, "reject": 3})
if what == "grade":
    print(smf.mnlogit("g ~ rennet_ml + curd_temp + moisture", df).fit().summary())
elif what == "blown":
    print(smf.mnlogit("g ~ rennet_ml + curd_temp + moisture + blown", df).fit(maxiter=40).summary())
elif what == "cave":
    df["c"] = df.cave.map({"north": 0, "south": 1, "deep": 2, "chalk": 3})
    print(smf.mnlogit("c ~ rennet_ml + curd_temp + moisture + salt_pct + C(vat) + C(affineur)", df)
          .fit(method="bfgs", maxiter=60).summary())
'''

LOGIT = '''
import sys
import statsmodels.formula.api as smf
from fromage import wheels

df = wheels(int(sys.argv[1]) if len(sys.argv) > 1 else 400)
print(smf.logit("spoiled ~ moisture + salt_pct + curd_temp + rind_wash", df).fit(maxiter=50).summary())
'''

GARCH = '''
import sys
from arch import arch_model
from fromage import prices

what = sys.argv[1] if len(sys.argv) > 1 else "garch"
scale = float(sys.argv[2]) if len(sys.argv) > 2 else 1.0
y = prices(800, scale=scale)
if what == "garch":
    r = arch_model(y, vol="GARCH", p=1, q=1).fit(update_freq=3)
elif what == "gjr-t":
    r = arch_model(y, vol="GARCH", p=1, o=1, q=1, dist="t").fit(update_freq=4)
elif what == "egarch":
    r = arch_model(y, mean="AR", lags=2, vol="EGARCH", p=1, q=1, dist="skewt").fit(disp="final")
elif what == "badscale":
    r = arch_model(y, vol="GARCH", p=2, q=2, rescale=False).fit(update_freq=1, options={"maxiter": 12})
print(r.summary())
'''

LGB = '''
import sys
import lightgbm as lgb
import numpy as np
from fromage import wheels

what = sys.argv[1] if len(sys.argv) > 1 else "moisture"
df = wheels(int(sys.argv[2]) if len(sys.argv) > 2 else 1200)
feats = ["rennet_ml", "curd_temp", "whey_ph", "press_kpa", "press_hours", "salt_pct", "batch_flag"]
X = df[feats]
if what == "moisture":
    y, params = df.moisture, {"objective": "regression", "metric": ["l2", "l1"], "learning_rate": 0.05,
                              "num_leaves": 63, "min_data_in_leaf": 40, "verbose": 1}
elif what == "grade":
    y = df.grade.map({"A": 0, "B": 1, "C": 2, "reject": 3})
    params = {"objective": "multiclass", "num_class": 3, "metric": "multi_logloss", "verbose": 1}
tr = lgb.Dataset(X[:900], y[:900])
va = lgb.Dataset(X[900:], y[900:], reference=tr)
b = lgb.train(params, tr, 400, valid_sets=[tr, va], valid_names=["train", "valid"],
              callbacks=[lgb.early_stopping(25), lgb.log_evaluation(10)])
print("best iteration:", b.best_iteration)
'''

XGB = '''
import sys
import numpy as np
import xgboost as xgb
from fromage import wheels

what = sys.argv[1] if len(sys.argv) > 1 else "spoiled"
df = wheels(1200)
feats = ["rennet_ml", "curd_temp", "whey_ph", "press_kpa", "press_hours", "salt_pct", "moisture"]
y = df.spoiled.astype(float).to_numpy()
params = {"objective": "binary:logistic", "eval_metric": ["logloss", "auc"], "eta": 0.1, "max_depth": 4,
          "silent": 1, "rennet_col": "rennet_ml"}
if what == "nan":
    y[5] = np.nan
dtr = xgb.DMatrix(df[feats][:900], y[:900])
dva = xgb.DMatrix(df[feats][900:], y[900:])
b = xgb.train(params, dtr, 300, evals=[(dtr, "train"), (dva, "valid")], early_stopping_rounds=20, verbose_eval=5)
print("best iteration:", b.best_iteration, "best score:", b.best_score)
'''

STUDY = '''
import sys
import math
import optuna
from sklearn.linear_model import Ridge
from sklearn.model_selection import cross_val_score
from fromage import wheels

n = int(sys.argv[1]) if len(sys.argv) > 1 else 40
df = wheels(300)
X = df[["rennet_ml", "curd_temp", "whey_ph", "press_hours", "salt_pct"]].to_numpy()
y = df.moisture.to_numpy()


def objective(trial):
    alpha = trial.suggest_float("alpha", 1e-4, 1e3, log=True)
    rennet = trial.suggest_float("rennet_ml", 0, 60)
    press = trial.suggest_categorical("press", ["hydraulic", "lever", "screw"])
    if rennet < 4:
        raise ValueError(f"curd did not set with {rennet:.2f} ml rennet")
    if press == "screw" and alpha > 300:
        return math.nan
    for step in range(5):
        s = -cross_val_score(Ridge(alpha=alpha * (step + 1)), X, y, cv=3, scoring="neg_mean_absolute_error").mean()
        trial.report(s + abs(rennet - 30) / 100, step)
        if trial.should_prune():
            raise optuna.TrialPruned()
    return s + abs(rennet - 30) / 100


study = optuna.create_study(study_name="affinage", sampler=optuna.samplers.TPESampler(seed=80400),
                            pruner=optuna.pruners.MedianPruner(n_startup_trials=3, n_warmup_steps=1))
study.optimize(objective, n_trials=n, catch=(ValueError,))
print("best value:", study.best_value)
print("best params:", study.best_params)
'''

FILES = {"fromage.py": FROMAGE, "life.py": LIFE, "ph.py": PH, "logrank.py": LOGRANK, "confusion.py": CONFUSION,
         "imb.py": IMB, "hyper.py": HYPER, "smcol.py": SMCOL, "count.py": COUNT, "mnl.py": MNL, "logit.py": LOGIT,
         "garch.py": GARCH, "lgb_train.py": LGB, "xgb_train.py": XGB, "study.py": STUDY}
