#!/usr/bin/env python3
"""Capture round 312 of the compression corpus: second samples of round 302's data-science and machine-learning
outputs (scikit-learn verbose fits, joblib, numpy warnings, a training-loop log, pandas errors and tables, statsmodels
tables and summaries) and of round 286's profilers' reports (cProfile, pstats, pyinstrument, kernprof, gprof), on the
round's own new material (NEEDLES.md, "Round 312"): a coffee roastery's batches, a call centre's calls and a hydro
reservoir's daily series, seeded and written with the standard library, fitted by short scripts the round writes with
faults put in; a pure-Python roast scheduler and a C program (beanheat.c) for the profilers.

No extractor is written here: every kind's extractor is imported from the round that made it (capture_wide302_ds,
capture_wide286). Nothing captured here was compressed.

Usage:   .venv/bin/python scripts/corpus/capture_wide312.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide312.json  as {"version": 2, "items": [...]}, ids prefixed "wide312-".
Tools:   a venv of numpy, pandas, scikit-learn, scipy, statsmodels, pyinstrument, line_profiler from PyPI under
         /dev/shm; gcc and gprof from Debian.
"""

from __future__ import annotations

import os
import random
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402
# round 302's extractors (NEEDLES.md, "Round 302")
from capture_wide302_ds import (n_mlp, n_gb, n_hgb, n_sgd, n_tsne, n_kmeans, n_joblib, n_np_warn,  # noqa: E402
                                n_train, n_read_csv, n_crosstab, n_corr, n_isna, n_anova, n_tukey, n_var)
# round 286's extractors (NEEDLES.md, "Round 286"), as that round imported or wrote them
from capture_wide286 import (n_cprofile, n_pstats, n_pstats_callees, N_PYINSTRUMENT, N_KERNPROF,  # noqa: E402
                             N_GPROF_B, n_gprof_flat, n_gprof_q)

ID_PREFIX = "wide312-"
DEFAULT_OUT = HERE / "data" / "wide312.json"
TMP = Path(os.environ.get("HM_WIDE312_TMP", "/dev/shm/hm-corpus-wide312"))
VENV = Path(os.environ.get("HM_WIDE312_VENV", "/dev/shm/hm-corpus-wide312-venv"))
PY_TOOLS = ["numpy", "pandas", "scikit-learn", "scipy", "statsmodels", "pyinstrument", "line_profiler"]

_SIZED = cm.Sized(400, 120_000)
cap = _SIZED.cap

# ------------------------------------------------------------------ seeded data

ROASTERS = [f"RX{i}" for i in range(1, 7)]
ORIGINS = ["Ethiopia", "Colombia", "Brazil", "Kenya", "Guatemala", "Sumatra", "Peru"]


def roastery(seed: int, n: int) -> list[dict]:
    """n roast batches: roaster (a loaner on two rows), origin, process (anaerobic rare), charge/drop temperature,
    development and total time, weight loss, moisture (often missing), cupping score, defects, grade; one batch
    dropped at 12 degrees (a sensor fault), one with a negative development time."""
    rnd = random.Random(seed)
    rows = []
    for i in range(n):
        proc = rnd.choices(["washed", "natural", "honey", "anaerobic"], [55, 30, 13, 2])[0]
        charge = round(rnd.gauss(200, 6), 1)
        drop = round(rnd.gauss(212, 5) + (3 if proc == "natural" else 0), 1)
        dev = round(max(20.0, rnd.gauss(75, 15)), 1)
        total = round(dev + rnd.gauss(540, 40), 1)
        loss = round(11 + (drop - 200) * 0.28 + rnd.gauss(0, 0.6), 2)
        cup = round(84 + (dev - 75) * 0.03 - abs(drop - 213) * 0.25 + rnd.gauss(0, 1.1)
                    + (1.5 if proc == "anaerobic" else 0), 2)
        defects = max(0, int(rnd.gauss(3, 2)))
        rows.append({"batch": f"B{seed}-{i:05d}", "roaster": rnd.choice(ROASTERS), "origin": rnd.choice(ORIGINS),
                     "process": proc, "charge_c": charge, "drop_c": drop, "dev_s": dev, "total_s": total,
                     "loss_pct": loss, "moisture_pct": round(rnd.uniform(9, 12.5), 2) if rnd.random() < 0.6 else "",
                     "cupping": cup, "defects": defects,
                     "grade": "specialty" if cup >= 84.5 and defects <= 3 else "commercial"})
    rows[n // 4]["roaster"] = rows[3 * n // 4]["roaster"] = "RX9-LOANER"
    rows[n // 6]["drop_c"] = 12.0
    rows[n // 9]["dev_s"] = -30.0
    return rows


QUEUES = ["billing", "tech", "sales", "retention"]


def calls(seed: int, n: int) -> list[dict]:
    """n calls of a call centre: queue, agent (A01..A40 and a supervisor on two rows), channel, hour, weekday, wait,
    handle time, transfers, satisfaction (mostly missing), abandoned; one handle time negative, one wait of 4 hours."""
    rnd = random.Random(seed)
    rows = []
    for i in range(n):
        q = rnd.choices(QUEUES, [40, 35, 15, 10])[0]
        ch = rnd.choices(["phone", "chat", "email"], [60, 30, 10])[0]
        hour = rnd.choices(range(7, 22), [2, 6, 9, 10, 9, 7, 8, 9, 8, 6, 5, 4, 3, 2, 1])[0]
        wait = round(rnd.expovariate(1 / (90 if q == "tech" else 45)) * (1.6 if hour in (9, 10, 11) else 1), 1)
        handle = round(max(15, rnd.gauss(420 if q == "tech" else 260, 110)), 1)
        transfers = rnd.choices([0, 1, 2, 3], [70, 20, 8, 2])[0]
        aband = int(wait > 120 and rnd.random() < 0.7)
        csat = rnd.randint(1, 5) if rnd.random() < 0.3 and not aband else ""
        rows.append({"call_id": f"C{seed}-{i:06d}", "queue": q, "agent": f"A{rnd.randint(1, 40):02d}", "channel": ch,
                     "hour": hour, "weekday": rnd.choice(["Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]), "wait_s": wait,
                     "handle_s": 0.0 if aband else handle, "transfers": transfers, "csat": csat, "abandoned": aband})
    rows[n // 3]["agent"] = rows[n // 2]["agent"] = "SUP-01"
    rows[n // 5]["handle_s"] = -75.0
    rows[n // 8]["wait_s"] = 14400.0
    return rows


def reservoir(seed: int, days: int) -> list[dict]:
    """daily series of a hydro reservoir: rain, inflow, outflow, level, turbine output, spill (mostly 0), gate
    (a constant), a sensor stuck for ten days in the middle."""
    rnd = random.Random(seed)
    rows, level = [], 412.0
    for d in range(days):
        season = 1 + 0.8 * __import__("math").sin(d / 58.0)
        rain = round(max(0.0, rnd.gauss(4 * season, 6)), 1)
        inflow = round(max(5.0, 60 * season + rain * 3.1 + rnd.gauss(0, 9)), 1)
        turb = round(min(180.0, max(0.0, 0.9 * inflow + rnd.gauss(0, 12))), 1)
        spill = round(max(0.0, inflow - 130), 1) if level > 418 else 0.0
        outflow = round(turb * 0.62 + spill, 1)
        level = round(level + (inflow - outflow) / 200 + rnd.gauss(0, 0.05), 3)
        rows.append({"day": f"2025-{1 + d // 28:02d}-{1 + d % 28:02d}", "rain_mm": rain, "inflow_m3s": inflow,
                     "outflow_m3s": outflow, "level_m": level, "turbine_mw": turb, "spill_m3s": spill,
                     "gate": 3})
    for d in range(days // 2, days // 2 + 10):
        rows[d]["inflow_m3s"] = rows[days // 2]["inflow_m3s"]
    return rows


def to_csv(rows: list[dict], sep: str = ",") -> str:
    cols = list(rows[0])
    return sep.join(cols) + "\n" + "".join(sep.join(str(r[c]) for c in cols) + "\n" for r in rows)


PRE = ("import warnings, sys\nimport numpy as np\nimport pandas as pd\n"
       "pd.set_option('display.width', 250)\npd.set_option('display.max_columns', None)\n")


def write(root: Path, files: dict[str, str]) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    cm.write_tree(root, files)
    return root


ROAST_X = '["charge_c", "drop_c", "dev_s", "total_s", "loss_pct", "defects"]'
CALL_X = '["hour", "wait_s", "handle_s", "transfers"]'

# ------------------------------------------------------------------ round 302's kinds


def fits(tmp: Path) -> None:
    root = write(tmp / "fit", {"roast.csv": to_csv(roastery(3121, 5000)), "calls.csv": to_csv(calls(3122, 8000)),
                               "res.csv": to_csv(reservoir(3123, 700))})
    (root / "mlp.py").write_text(PRE + f"""
from sklearn.neural_network import MLPClassifier, MLPRegressor
from sklearn.preprocessing import StandardScaler
from sklearn.model_selection import train_test_split
which = sys.argv[1]
if which == "roast":
    df = pd.read_csv("roast.csv")
    X = df[{ROAST_X}].to_numpy(); y = (df["grade"] == "specialty").astype(int)
    Xtr, Xte, ytr, yte = train_test_split(X, y, random_state=3124)
    clf = MLPClassifier(hidden_layer_sizes=(24,), max_iter=400, n_iter_no_change=400, verbose=True,
                        random_state=3124).fit(Xtr, ytr)
    print(f"roast grade accuracy: {{clf.score(Xte, yte):.4f}}")
elif which == "calls":
    df = pd.read_csv("calls.csv")
    X = StandardScaler().fit_transform(df[{CALL_X}])
    clf = MLPClassifier(hidden_layer_sizes=(32, 16), early_stopping=True, validation_fraction=0.02, n_iter_no_change=6,
                        verbose=True, random_state=3125).fit(X, df["abandoned"])
    print(f"abandon accuracy: {{clf.score(X, df['abandoned']):.4f}}")
else:
    df = pd.read_csv("res.csv")
    X = df[["rain_mm", "inflow_m3s", "level_m", "gate"]].to_numpy(); y = df["turbine_mw"].to_numpy()
    reg = MLPRegressor(hidden_layer_sizes=(16,), solver="sgd", learning_rate_init=float(sys.argv[2]), max_iter=60,
                       verbose=True, random_state=3126).fit(X, y)
    print(f"turbine r2: {{reg.score(X, y):.4f}}")
""")
    cap("mlp-roast-unscaled", "python mlp.py roast 2>&1; echo EXIT=$?", root, n_mlp)
    cap("mlp-calls-earlystop", "python mlp.py calls 2>&1 | tail -n 60", root, n_mlp)
    cap("mlp-reservoir-explode", "python mlp.py res 0.5 2>&1; echo EXIT=$?", root, n_mlp)
    (root / "gb.py").write_text(PRE + f"""
from sklearn.ensemble import GradientBoostingClassifier, GradientBoostingRegressor
which = sys.argv[1]
if which == "calls":
    df = pd.read_csv("calls.csv")
    X = df[{CALL_X}]
    clf = GradientBoostingClassifier(n_estimators=int(sys.argv[2]), subsample=0.6, learning_rate=0.3,
                                     verbose=int(sys.argv[3]) if len(sys.argv) > 3 else 1,
                                     random_state=3127).fit(X, df["abandoned"])
    print(f"train accuracy: {{clf.score(X, df['abandoned']):.4f}}")
else:
    df = pd.read_csv("res.csv")
    X = df[["rain_mm", "inflow_m3s", "level_m"]]
    reg = GradientBoostingRegressor(n_estimators=250, max_depth=4, verbose=1, random_state=3128).fit(X, df["turbine_mw"])
    print(f"turbine r2: {{reg.score(X, df['turbine_mw']):.4f}}")
    X2 = df[["rain_mm", "inflow_m3s", "level_m"]].copy(); X2.loc[::11, "level_m"] = np.nan
    print("refit with gaps in level_m ...")
    reg.fit(X2, df["turbine_mw"])
""")
    cap("gb-calls-oob", "python gb.py calls 120 2>&1; echo EXIT=$?", root, n_gb)
    cap("gb-calls-long-verbose2", "python gb.py calls 700 2 2>&1", root, n_gb)
    cap("gb-reservoir-nan", "python gb.py res 2>&1; echo EXIT=$?", root, n_gb)
    (root / "hgb.py").write_text(PRE + f"""
from sklearn.ensemble import HistGradientBoostingClassifier, HistGradientBoostingRegressor
which = sys.argv[1]
if which == "roast":
    df = pd.read_csv("roast.csv")
    X = df[{ROAST_X} + ["moisture_pct", "origin", "process"]].astype({{"origin": "category", "process": "category"}})
    clf = HistGradientBoostingClassifier(max_iter=200, early_stopping=True, validation_fraction=0.15,
                                         categorical_features="from_dtype", verbose=2, random_state=3129)
    clf.fit(X, df["grade"])
    print(f"grade accuracy: {{clf.score(X, df['grade']):.4f}}")
else:
    df = pd.read_csv("calls.csv")
    X = df[["hour", "wait_s", "transfers", "queue", "channel"]]
    reg = HistGradientBoostingRegressor(max_iter=40, verbose=2, random_state=3130).fit(X, df["handle_s"])
    print(f"handle r2: {{reg.score(X, df['handle_s']):.4f}}")
""")
    cap("hgb-roast-categorical", "python hgb.py roast 2>&1; echo EXIT=$?", root, n_hgb)
    cap("hgb-calls-object-cols", "python hgb.py calls 2>&1 | tail -n 40; echo EXIT=$?", root, n_hgb)
    (root / "sgd.py").write_text(PRE + f"""
from sklearn.linear_model import SGDClassifier, SGDRegressor
which = sys.argv[1]
if which == "calls":
    df = pd.read_csv("calls.csv")
    X = df[{CALL_X}].to_numpy()
    clf = SGDClassifier(loss="log_loss", max_iter=9, verbose=1, random_state=3131).fit(X, df["abandoned"])
    print(f"abandon accuracy: {{clf.score(X, df['abandoned']):.4f}}")
else:
    df = pd.read_csv("res.csv")
    X = df[["rain_mm", "inflow_m3s", "level_m"]].to_numpy()
    reg = SGDRegressor(eta0=0.05, learning_rate="constant", max_iter=30, verbose=1, random_state=3132)
    reg.fit(X, df["turbine_mw"])
    print(f"turbine r2: {{reg.score(X, df['turbine_mw']):.4f}}")
""")
    cap("sgd-calls-unscaled", "python sgd.py calls 2>&1; echo EXIT=$?", root, n_sgd)
    cap("sgd-reservoir-diverge", "python sgd.py res 2>&1 | tail -n 80; echo EXIT=$?", root, n_sgd)
    (root / "tsne.py").write_text(PRE + f"""
from sklearn.manifold import TSNE
from sklearn.preprocessing import StandardScaler
df = pd.read_csv("roast.csv").head(int(sys.argv[1]))
X = StandardScaler().fit_transform(df[{ROAST_X}])
emb = TSNE(perplexity=float(sys.argv[2]), max_iter=500, verbose=2, random_state=3133, init="pca").fit_transform(X)
print("embedding shape", emb.shape, "spread", emb.std(0).round(3))
""")
    cap("tsne-roast", "python tsne.py 1500 45 2>&1; echo EXIT=$?", root, n_tsne, timeout=600)
    (root / "km.py").write_text(PRE + f"""
from sklearn.cluster import KMeans, MiniBatchKMeans
which = sys.argv[1]
if which == "calls":
    df = pd.read_csv("calls.csv")
    km = KMeans(n_clusters=6, n_init=8, max_iter=60, verbose=1, random_state=3134).fit(df[{CALL_X}])
    print("inertia:", round(km.inertia_, 1), "sizes:", np.bincount(km.labels_))
else:
    df = pd.read_csv("res.csv")
    X = df[["rain_mm", "inflow_m3s", "level_m", "turbine_mw"]].to_numpy()
    km = MiniBatchKMeans(n_clusters=9, batch_size=64, max_iter=30, verbose=1, random_state=3135).fit(X)
    print("inertia:", round(km.inertia_, 1), "sizes:", np.bincount(km.labels_, minlength=9))
""")
    cap("kmeans-calls", "python km.py calls 2>&1; echo EXIT=$?", root, n_kmeans)
    cap("minibatch-kmeans-reservoir", "python km.py res 2>&1 | tail -n 120", root, n_kmeans)


def parallel(tmp: Path) -> None:
    root = write(tmp / "par", {"calls.csv": to_csv(calls(3136, 6000)), "roast.csv": to_csv(roastery(3137, 3000))})
    (root / "per_queue.py").write_text(PRE + """
from joblib import Parallel, delayed
df = pd.read_csv("calls.csv")
LIMITS = {"billing": 60, "tech": 120, "sales": 45}

def summarize(q, part):
    limit = LIMITS[q]
    late = (part["wait_s"] > limit).mean()
    return q, len(part), round(float(late), 4)

parts = [(q, g) for q, g in df.groupby("queue")] + [(q, g) for q, g in df.groupby("queue") if q != "retention"] * 4
if len(sys.argv) > 2:
    LIMITS["retention"] = 30
    parts = [(q, g.iloc[k::int(sys.argv[2])]) for q, g in df.groupby("queue") for k in range(int(sys.argv[2]))]
out = Parallel(n_jobs=2, verbose=int(sys.argv[1]), batch_size=1)(delayed(summarize)(q, g) for q, g in parts)
print(out[:4])
""")
    (root / "cv.py").write_text(PRE + """
from sklearn.model_selection import cross_val_score, GridSearchCV
from sklearn.linear_model import LogisticRegression
df = pd.read_csv("roast.csv")
X = df[["charge_c", "drop_c", "dev_s", "total_s", "loss_pct", "defects"]]
y = df["grade"]
scores = cross_val_score(LogisticRegression(max_iter=50), X, y, cv=8, n_jobs=2, verbose=3)
print(f"cv accuracy: {scores.mean():.4f} +/- {scores.std():.4f}")
""")
    cap("joblib-queues-keyerror", "python per_queue.py 10 2>&1; echo EXIT=$?", root, n_joblib)
    cap("joblib-queues-many", "python per_queue.py 50 70 2>&1", root, n_joblib)
    cap("joblib-cv-roast", "python cv.py 2>&1; echo EXIT=$?", root, n_joblib)


def numerics(tmp: Path) -> None:
    root = write(tmp / "num", {"res.csv": to_csv(reservoir(3138, 400)), "roast.csv": to_csv(roastery(3139, 2500)),
                               "calls.csv": to_csv(calls(3140, 6000))})
    (root / "res_ratios.py").write_text(PRE + """
df = pd.read_csv("res.csv")
spill = df["spill_m3s"].to_numpy(); gate = df["gate"].to_numpy(dtype=float)
print("log spill head:", np.log(spill)[:6])
print("spill share:", (spill / spill.sum())[:4])
print("gate z-score head:", ((gate - gate.mean()) / gate.std())[:5])
print("exp(inflow) max:", np.exp(df["inflow_m3s"].to_numpy()).max())
for m in range(1, 16):
    part = df[df["day"].str.startswith(f"2025-{m:02d}")]
    s = part["spill_m3s"].to_numpy()
    print(f"month {m:02d}: days={len(part):3d} mean_level={part['level_m'].mean():9.3f} "
          f"spill_cv={s.std() / s.mean():8.3f} log_rain={np.log(part['rain_mm']).mean():8.3f}")
np.seterr(all="raise")
print("again with np.seterr(all='raise') ...")
print(np.log(spill).mean())
""")
    (root / "roaster_stats.py").write_text(PRE + """
df = pd.read_csv("roast.csv")
for (r, p), g in df.groupby(["roaster", "process"]):
    m = g["moisture_pct"].to_numpy()
    dev = g["dev_s"].to_numpy()
    ratio = dev / (g["total_s"].to_numpy() - g["total_s"].to_numpy().mean())
    print(f"{r:11} {p:9} n={len(g):4d} moist={np.nanmean(m):6.2f} dtr={np.mean(ratio):9.3f} "
          f"logdev={np.mean(np.log(dev)):7.3f} sd={np.std(g['cupping'].to_numpy(), ddof=1):6.3f}")
""")
    cap("np-reservoir-ratios", "python res_ratios.py 2>&1; echo EXIT=$?", root, n_np_warn)
    cap("np-roaster-groups", "python roaster_stats.py 2>&1", root, n_np_warn)
    cap("cprofile-roaster-stats-pandas", "python -m cProfile -s tottime roaster_stats.py 2>&1 | head -n 1300", root,
        n_cprofile, timeout=300)
    (root / "train.py").write_text(PRE + """
import logging, argparse
ap = argparse.ArgumentParser()
ap.add_argument("--lr", type=float, default=0.05)
ap.add_argument("--epochs", type=int, default=30)
ap.add_argument("--raw", action="store_true")
ap.add_argument("--patience", type=int, default=0)
ap.add_argument("--save-every", type=int, default=10)
args = ap.parse_args()
logging.basicConfig(level=logging.INFO)
log = logging.getLogger("abandon")
df = pd.read_csv("calls.csv")
cols = ["hour", "wait_s", "handle_s", "transfers"]
X = df[cols].to_numpy(dtype=float)
if not args.raw:
    X = (X - X.mean(0)) / X.std(0)
X = np.hstack([X, X ** 2])
y = df["abandoned"].to_numpy().astype(float)
rng = np.random.default_rng(3141)
idx = rng.permutation(len(X)); tr, va = idx[:4800], idx[4800:]
w = rng.normal(0, 0.1, X.shape[1]); b = 0.0
log.info("logistic model: %d train rows, %d features, lr=%g", len(tr), X.shape[1], args.lr)
best, bad = np.inf, 0
for ep in range(1, args.epochs + 1):
    for s in range(0, len(tr), 200):
        bb = tr[s:s + 200]
        p = 1 / (1 + np.exp(-(X[bb] @ w + b)))
        g = (p - y[bb]) / len(bb)
        w -= args.lr * (X[bb].T @ g); b -= args.lr * g.sum()
    ptr = 1 / (1 + np.exp(-(X[tr] @ w + b))); pva = 1 / (1 + np.exp(-(X[va] @ w + b)))
    loss = -np.mean(y[tr] * np.log(ptr) + (1 - y[tr]) * np.log(1 - ptr))
    vloss = -np.mean(y[va] * np.log(pva) + (1 - y[va]) * np.log(1 - pva))
    acc = np.mean((pva > 0.5) == y[va])
    if np.abs(w).max() > 50:
        log.warning("weights growing: max |w| = %.1f at epoch %d", np.abs(w).max(), ep)
    log.info("epoch %d/%d loss=%.5f val_loss=%.5f acc=%.4f", ep, args.epochs, loss, vloss, acc)
    if not np.isfinite(vloss):
        log.error("val_loss is %s at epoch %d, aborting run", vloss, ep)
        sys.exit(3)
    if vloss < best - 1e-5:
        best, bad = vloss, 0
        if ep % args.save_every == 0:
            log.info("checkpoint written: runs/abandon-e%d.npz", ep)
    elif args.patience:
        bad += 1
        if bad >= args.patience:
            log.info("early stop after epoch %d (no val_loss gain for %d epochs, best %.5f)", ep, bad, best)
            break
log.info("done: val accuracy %.4f", acc)
""")
    cap("train-calls-steady", "python train.py --lr 0.05 --epochs 700 --save-every 50 2>&1; echo EXIT=$?", root,
        n_train)
    cap("train-calls-raw-nan", "python train.py --raw --lr 0.5 --epochs 40 2>&1; echo EXIT=$?", root, n_train)
    cap("train-calls-patience", "python train.py --lr 0.8 --epochs 600 --patience 5 2>&1 | tail -n 80; echo EXIT=$?",
        root, n_train)


def loading(tmp: Path) -> None:
    rows = roastery(3142, 20000)
    text = to_csv(rows)
    lines = text.splitlines(keepends=True)
    quoted = list(lines)
    quoted[12345] = quoted[12345].replace(",natural,", ',"natural,', 1)
    short = list(lines)
    short[0] = ",".join(short[0].rstrip("\n").split(",")[:-2]) + "\n"
    rnd = random.Random(3142)
    for k in sorted(rnd.sample(range(2, len(lines)), 9)):
        short[k] = short[k].rstrip("\n") + ",late,\"re-cup, pending\"\n"
    root = write(tmp / "load", {"roast_quote.csv": "".join(quoted), "roast_short.csv": "".join(short),
                                "calls_semi.csv": to_csv(calls(3143, 3000), sep=";").replace(".", ",")})
    (root / "calls_utf16.csv").write_bytes(to_csv(calls(3144, 500)).replace("SUP-01", "Süpervisör").encode("utf-16"))
    (root / "load.py").write_text(PRE + """
path = sys.argv[1]
kw = {}
for a in sys.argv[2:]:
    k, v = a.split("=", 1)
    kw[k] = v.strip("'")
df = pd.read_csv(path, **kw)
print("shape", df.shape)
print(df.dtypes.to_string())
print(df.head(3).to_string())
print("mean of numeric columns:")
print(df.mean(numeric_only=True).to_string())
""")
    cap("read-csv-stray-quote", "python load.py roast_quote.csv 2>&1; echo EXIT=$?", root, n_read_csv)
    cap("read-csv-short-header", "python load.py roast_short.csv on_bad_lines=warn 2>&1 | tail -n 40; "
        "python load.py roast_short.csv index_col=False 2>&1 | tail -n 12; echo EXIT=$?", root, n_read_csv)
    cap("read-csv-utf16-semicolon", "python load.py calls_utf16.csv 2>&1 | tail -n 15; "
        "python load.py calls_utf16.csv encoding=utf-16 2>&1; python load.py calls_semi.csv 2>&1 | head -n 20; "
        "python load.py calls_semi.csv sep=';' decimal=, 2>&1; echo EXIT=$?", root, n_read_csv)


def tables(tmp: Path) -> None:
    root = write(tmp / "tab", {"roast.csv": to_csv(roastery(3145, 12000)), "calls.csv": to_csv(calls(3146, 20000)),
                               "res.csv": to_csv(reservoir(3147, 500))})
    (root / "xtab.py").write_text(PRE + """
which = sys.argv[1]
if which == "roast":
    df = pd.read_csv("roast.csv")
    print(pd.crosstab(df["roaster"], df["origin"], margins=True))
    print()
    print(pd.crosstab(df["origin"], df["process"], margins=True))
else:
    df = pd.read_csv("calls.csv")
    print(pd.crosstab(df["agent"], [df["queue"]], margins=True))
    print()
    print(pd.crosstab(df["hour"], df["channel"], margins=True))
    print()
    print(pd.crosstab(df["agent"], df["hour"], margins=True))
""")
    (root / "corr.py").write_text(PRE + """
which = sys.argv[1]
if which == "res":
    df = pd.read_csv("res.csv")
    df["inflow_copy"] = df["inflow_m3s"] * 1.0
    print(df.corr(numeric_only=True).round(3))
else:
    df = pd.read_csv("roast.csv")
    df["drop_f"] = df["drop_c"] * 1.8 + 32
    for p in ("washed", "anaerobic"):
        print(f"--- process={p}")
        print(df[df.process == p].corr(numeric_only=True, method="kendall").round(3))
""")
    (root / "missing.py").write_text(PRE + """
which = sys.argv[1]
if which == "roast":
    df = pd.read_csv("roast.csv")
    df["sensor_probe"] = np.nan
    print(df.isna().sum().sort_values(ascending=False))
    print()
    print((df.isna().mean() * 100).round(2).rename("missing %"))
else:
    df = pd.read_csv("calls.csv")
    merged = df.merge(pd.DataFrame({"agent": [f"A{i:02d}" for i in range(1, 31)], "team": ["red", "blue", "green"] * 10}),
                      on="agent", how="left")
    print(merged.isna().sum())
    print()
    print(merged.isna().mean().round(4))
""")
    cap("crosstab-roast", "python xtab.py roast", root, n_crosstab)
    cap("crosstab-calls-agents", "python xtab.py calls", root, n_crosstab)
    cap("corr-reservoir-copy", "python corr.py res", root, n_corr)
    cap("corr-roast-kendall", "python corr.py roast", root, n_corr)
    cap("isna-roast-probe", "python missing.py roast", root, n_isna)
    cap("isna-calls-merge", "python missing.py calls", root, n_isna)


def stats(tmp: Path) -> None:
    root = write(tmp / "sm", {"roast.csv": to_csv(roastery(3148, 4000)), "calls.csv": to_csv(calls(3149, 9000)),
                              "res.csv": to_csv(reservoir(3150, 420))})
    (root / "anova.py").write_text(PRE + """
import statsmodels.api as sm
import statsmodels.formula.api as smf
which = sys.argv[1]
if which == "roast":
    df = pd.read_csv("roast.csv")
    m = smf.ols("cupping ~ C(origin) * C(process) + C(roaster) + dev_s + drop_c", data=df).fit()
    for typ in (1, 2):
        print(f"--- typ {typ}")
        print(sm.stats.anova_lm(m, typ=typ))
    print("--- nested models")
    a = smf.ols("cupping ~ drop_c", data=df).fit()
    print(sm.stats.anova_lm(a, smf.ols("cupping ~ drop_c + dev_s", data=df).fit(), m))
else:
    df = pd.read_csv("calls.csv")
    print(sm.stats.anova_lm(smf.ols("handle_s ~ C(queue) + C(channel) + hour", data=df).fit(), typ=2))
    print(sm.stats.anova_lm(smf.ols("wait_s ~ C(queue, Sum) * C(weekday, Sum)", data=df).fit(), typ=3))
    print(sm.stats.anova_lm(smf.ols("handle_s ~ C(queue) + satisfaction", data=df).fit()))
""")
    (root / "tukey.py").write_text(PRE + """
from statsmodels.stats.multicomp import pairwise_tukeyhsd
df = pd.read_csv("roast.csv")
print(pairwise_tukeyhsd(df["cupping"], df["origin"], alpha=0.01))
print(pairwise_tukeyhsd(df["cupping"], df["roaster"]).summary())
print(pairwise_tukeyhsd(df["loss_pct"], df["process"]))
""")
    (root / "var.py").write_text(PRE + """
from statsmodels.tsa.api import VAR
df = pd.read_csv("res.csv").set_index("day")
which = sys.argv[1]
if which == "flows":
    res = VAR(df[["rain_mm", "inflow_m3s", "turbine_mw"]]).fit(maxlags=4, ic="aic")
    print(res.summary())
else:
    res = VAR(df[["inflow_m3s", "outflow_m3s", "level_m", "gate"]]).fit(3)
    print(res.summary())
""")
    cap("anova-roast", "python anova.py roast 2>&1; echo EXIT=$?", root, n_anova)
    cap("anova-calls-missing-col", "python anova.py calls 2>&1 | tail -n 45; echo EXIT=$?", root, n_anova)
    cap("tukey-roast", "python tukey.py 2>&1; echo EXIT=$?", root, n_tukey)
    cap("var-reservoir-flows", "python var.py flows 2>&1; echo EXIT=$?", root, n_var)
    cap("var-reservoir-constant", "python var.py gate 2>&1 | tail -n 30; echo EXIT=$?", root, n_var)


# ------------------------------------------------------------------ round 286's kinds

SCHED_PY = r'''
"""A roast scheduler: match N seeded green-coffee orders to roast slots, cost them and log the schedule."""
import builtins
import collections
import logging
import random
import sys

if not hasattr(builtins, "profile"):
    builtins.profile = lambda f: f
logging.basicConfig(level=logging.INFO, format="%(levelname)s:%(name)s:%(message)s")
log = logging.getLogger("roastsched")
_MEMO = {}


class Order:
    __slots__ = ("oid", "origin", "kg", "due", "blend")

    def __init__(self, oid, origin, kg, due, blend):
        self.oid, self.origin, self.kg, self.due, self.blend = oid, origin, kg, due, blend


def parse(line):
    oid, origin, kg, due, blend = line.split(";")
    if float(kg) <= 0:
        raise ValueError("order %s has non-positive weight %s" % (oid, kg))
    return Order(int(oid), origin, float(kg), int(due), blend.split("+"))


@profile
def match(orders, slots):
    # the hot spot: every order against every slot
    plan = []
    for o in orders:
        best, cost = None, 1e18
        for s in slots:
            c = abs(s[1] - o.due) + (0 if s[2] == o.origin else 40) + o.kg / s[3]
            if c < cost:
                best, cost = s, c
        plan.append((o, best, cost))
    return plan


@profile
def blend_key(parts):
    key = tuple(sorted(parts))
    if key not in _MEMO:
        _MEMO[key] = sum(hash(p) % 97 for p in key) / len(key)
    return _MEMO[key]


def profile_curve(kg, n=60):
    t, out = 200.0, []
    for i in range(n):
        t += (230 - t) * 0.04 - kg * 0.0005
        out.append(round(t, 2))
    return out


@profile
def cost(plan):
    total = 0.0
    for o, s, c in plan:
        curve = profile_curve(o.kg)
        total += c + blend_key(o.blend) + max(curve) * 0.01
    return total


def orders(n, seed):
    rnd = random.Random(seed)
    origins = ["ETH", "COL", "BRA", "KEN", "GUA", "SUM", "PER"]
    for i in range(n):
        kg = round(rnd.uniform(5, 60), 1) if i != 211 else -4.0
        blend = "+".join(rnd.choice(origins) for _ in range(rnd.randint(1, 4)))
        yield "%d;%s;%.1f;%d;%s" % (i, rnd.choice(origins), kg, rnd.randint(0, 500), blend)


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 600
    rnd = random.Random(3151)
    slots = [(k, rnd.randint(0, 500), rnd.choice(["ETH", "COL", "BRA", "KEN"]), rnd.uniform(8, 30))
             for k in range(n // 2)]
    good, by = [], collections.Counter()
    for line in orders(n, 3152):
        try:
            o = parse(line)
        except ValueError as e:
            log.error("skipping order: %s", e)
            continue
        good.append(o)
        by[o.origin] += 1
    plan = match(good, slots)
    total = cost(plan)
    if len(_MEMO) > 300:
        log.warning("blend memo holds %d keys and is never cleared", len(_MEMO))
    print("scheduled %d orders into %d slots, cost %.1f" % (len(plan), len(slots), total))
    print("by origin:", dict(sorted(by.items())))


if __name__ == "__main__":
    main()
'''


def beanheat_c(n_stages: int = 40) -> str:
    rnd = random.Random(3153)
    stages = []
    for k in range(n_stages):
        work = rnd.choice([3, 10, 30, 90, 300, 900])
        stages.append(f"""static double stage_{k:02d}(double x) {{
    for (int i = 0; i < {work}; i++) x = x * 0.999 + (i % 7) * 1e-4;
    return x;
}}
""")
    calls_ = "\n".join(f"        t = stage_{k:02d}(t);" for k in range(n_stages))
    return f"""#include <stdio.h>
#include <stdlib.h>

#define GRID 700

static double kernel(double *g, int n) {{
    double acc = 0.0;
    for (int i = 1; i < n - 1; i++)
        for (int k = 0; k < 40; k++)
            acc += (g[i - 1] + g[i + 1] - 2 * g[i]) * 0.25 + k * 1e-7;
    return acc;
}}

static double strided(double *grid) {{
    double s = 0.0;
    for (int c = 0; c < GRID; c++)
        for (int r = 0; r < GRID; r++)
            s += grid[r * GRID + c];
    return s;
}}

static unsigned long crack(int n) {{
    return n < 2 ? (unsigned long)n : crack(n - 1) + crack(n - 2);
}}

{''.join(stages)}
int main(int argc, char **argv) {{
    int rounds = argc > 1 ? atoi(argv[1]) : 20;
    double *grid = malloc(sizeof(double) * GRID * GRID);
    for (int i = 0; i < GRID * GRID; i++) grid[i] = (i % 113) * 0.5;
    double t = 1.0, h = 0.0, s = 0.0;
    for (int r = 0; r < rounds; r++) {{
        h += kernel(grid + (r % 50) * GRID, GRID * 20);
        s += strided(grid);
{calls_}
        if (r == rounds / 2) fprintf(stderr, "warning: drum probe %d out of range, using last value\\n", r);
    }}
    unsigned long f = crack(24);
    printf("rounds=%d heat=%.3f sum=%.0f t=%.5f crack=%lu\\n", rounds, h, s, t, f);
    return 0;
}}
"""


def py_profiles(tmp: Path) -> None:
    d = tmp / "sched"
    d.mkdir(parents=True, exist_ok=True)
    (d / "roastsched.py").write_text(SCHED_PY.lstrip())
    cap("cprofile-sched-cumtime", "python -m cProfile -s cumtime roastsched.py 1400 2>&1 | head -n 45", d, n_cprofile,
        timeout=300)
    cap("cprofile-sched-tottime", "python -m cProfile -s tottime roastsched.py 900 2>&1; echo EXIT=$?", d, n_cprofile,
        timeout=300)
    cm.run("python -m cProfile -o sched.prof roastsched.py 1400 > /dev/null 2>&1", cwd=d, timeout=300)
    cap("pstats-callers-sched", "python -c \"import pstats; p = pstats.Stats('sched.prof'); "
        "p.sort_stats('cumulative').print_stats(12); p.print_callers('match|blend_key|profile_curve')\" 2>&1", d,
        n_pstats)
    cap("pstats-callees-sched", "python -c \"import pstats; pstats.Stats('sched.prof').strip_dirs()"
        ".sort_stats('tottime').print_callees('main|cost|parse')\"; echo EXIT=$?", d, n_pstats_callees)
    cap("pstats-callees-missing-file", "python -c \"import pstats; pstats.Stats('sched_old.prof')\" 2>&1 | tail -n 4; "
        "python -c \"import pstats; pstats.Stats('sched.prof').sort_stats('ncalls').print_callees(40)\" 2>&1", d,
        n_pstats_callees)
    cap("pyinstrument-sched", "pyinstrument roastsched.py 1400 2>&1", d, N_PYINSTRUMENT, timeout=300)
    cap("kernprof-lv-sched", "kernprof -l -v roastsched.py 700 2>&1", d, N_KERNPROF, timeout=300)


def c_profiles(tmp: Path) -> None:
    d = tmp / "beanheat"
    d.mkdir(parents=True, exist_ok=True)
    (d / "beanheat.c").write_text(beanheat_c())
    cm.run("gcc -O1 -g -pg -fno-inline -o beanheat_pg beanheat.c", cwd=d, timeout=120)
    cm.run("./beanheat_pg 60 > /dev/null 2>&1 && mv gmon.out gmon.long; ./beanheat_pg 8 > /dev/null 2>&1 && "
           "mv gmon.out gmon.short", cwd=d, timeout=300)
    cap("gprof-b-beanheat", "gprof -b ./beanheat_pg gmon.long 2>&1", d, N_GPROF_B)
    cap("gprof-flat-long", "gprof -b -p ./beanheat_pg gmon.long 2>&1; echo EXIT=$?", d, n_gprof_flat)
    cap("gprof-flat-short-missing", "gprof -b -p ./beanheat_pg gmon.missing; gprof -b -p ./beanheat_pg gmon.short "
        "| head -n 25; echo EXIT=$?", d, n_gprof_flat)
    cap("gprof-call-graph-long", "gprof -b -q ./beanheat_pg gmon.long 2>&1", d, n_gprof_q)


STEPS = [fits, parallel, numerics, loading, tables, stats, py_profiles, c_profiles]


def ensure_tools() -> None:
    """The round's venv first on PATH; one thread per BLAS."""
    cm.install_venv(VENV, "kernprof", PY_TOOLS)
    cm.PATH_PREFIX[:0] = [str(VENV / "bin")]
    cm.BASE_ENV.update({"OMP_NUM_THREADS": "1", "OPENBLAS_NUM_THREADS": "1", "MKL_NUM_THREADS": "1",
                        "PYTHONUNBUFFERED": "1"})


def main() -> None:
    cm.capture_round(__doc__, ensure_tools, lambda: STEPS, ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 10_000, 60_000))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide312", sys.modules["__main__"])
    main()
