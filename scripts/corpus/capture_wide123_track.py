"""Round 123, experiment tracking and boosting: an MLflow tracking server on 127.0.0.1 filled by a seeded script
(hundreds of runs, failed and killed ones, a deleted experiment) read through its CLI, its REST runs/search and its
own log; CatBoost training logs with the overfitting detector and importance tables; xgboost.cv and lightgbm.cv
tables; Optuna's CLI over a sqlite study holding pruned and failed trials. The extractors are this round's
(NEEDLES.md, "Round 123"). Run through capture_wide123.py."""

from __future__ import annotations

import re
import time
from pathlib import Path

import capture_more as cm
from capture_data import rule4
from capture_more import any_of, groups, kind, mask, run, write_tree
from capture_wide77 import _errors, _exits, _num, _warnings
from capture_wide123 import cap

ENV = {"OMP_NUM_THREADS": "1", "PYTHONWARNINGS": "default"}
PORT = 15123
URI = f"http://127.0.0.1:{PORT}"

# ------------------------------------------------------------------ extractors (NEEDLES.md, round 123)

RUN_ROW = re.compile(r"^(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d)\s+(.*?)\s+([0-9a-f]{32})\s*$")


@kind("mlflow-runs-list", "table")
def n_mlflow_runs_list(lines):
    """Round 123: the header, the first and last run rows, rule 4 on the run name."""
    out = [ln for ln in lines if re.match(r"^Date\s+Name\s+ID", ln)]
    rows = [(ln, {"name": m.group(2)}) for ln in lines if (m := RUN_ROW.match(ln))]
    if rows:
        out += [rows[0][0], rows[-1][0]]
    return out + rule4(rows, cat=["name"]) + _errors(lines) + _exits(lines)


@kind("mlflow-experiments-search", "table")
def n_mlflow_experiments(lines):
    """Round 123: the header and every experiment row; every row naming `deleted`."""
    out, hdr = [], None
    for i, ln in enumerate(lines):
        if re.match(r"^Experiment Id\s+Name", ln):
            hdr = i
            out.append(ln)
        elif hdr is not None and ln.strip() and not set(ln.strip()) <= {"-", " "}:
            out.append(ln)
    out += [ln for ln in lines if "deleted" in ln]
    return out + _errors(lines) + _warnings(lines) + _exits(lines)


@kind("mlflow-runs-search-json", "json")
def n_mlflow_runs_search(lines):
    """Round 123: run_id and status lines of every FAILED/KILLED run, the first run's run_id line, note/error tag values, next_page_token."""
    out = []
    starts = [i for i, ln in enumerate(lines) if re.search(r'"info": ?\{', ln) or re.search(r'"run_id"', ln)
              and re.search(r'"status"', ln)]
    if any('"info": {' in lines[i] or '"info":{' in lines[i] for i in starts):
        starts = [i for i in starts if '"info": {' in lines[i] or '"info":{' in lines[i]]
    bounds = list(zip(starts, starts[1:] + [len(lines)]))
    first = True
    for a, b in bounds:
        seg = lines[a:b]
        rid = next((ln for ln in seg if '"run_id"' in ln), None)
        st = next((ln for ln in seg if re.search(r'"status": ?"', ln)), None)
        if rid and first:
            out.append(rid)
            first = False
        if st and re.search(r'"(FAILED|KILLED)"', st):
            out += [ln for ln in (rid, st) if ln]
    for i, ln in enumerate(lines):
        if re.search(r'"mlflow\.note\.content"|"error"', ln):
            if '"value"' in ln:
                out.append(ln)
            else:
                v = next((lines[k] for k in range(i + 1, min(len(lines), i + 3)) if '"value"' in lines[k]), None)
                if v:
                    out.append(v)
        if '"next_page_token"' in ln:
            out.append(ln)
    return out + _errors(lines) + _warnings(lines) + _exits(lines)


ACCESS = re.compile(r'"(GET|POST|PUT|PATCH|DELETE) (\S+?)(?:\?\S*)? HTTP/[\d.]+" (\d{3})')


@kind("mlflow-server-log", "log")
def n_mlflow_server(lines):
    """Round 123: the listening-address line, ERROR/CRITICAL/Exception lines, traceback exception lines, WARNING lines grouped by shape, 4xx/5xx access rows one {"any"} per (method, path, status)."""
    out = [ln for ln in lines if re.search(r"Listening at|running on|Uvicorn running|Serving on", ln, re.I)][:2]
    out += [ln for ln in lines if re.search(r"\b(ERROR|CRITICAL)\b|Exception", ln) and not ln.startswith(" ")]
    out += groups((mask(ln), ln) for ln in lines if re.search(r"\bWARNING\b", ln))
    out += groups(((m.group(1), m.group(2), m.group(3)), ln) for ln in lines
                  if (m := ACCESS.search(ln)) and m.group(3)[0] in "45")
    return out + _errors(lines) + _warnings(lines) + _exits(lines)


ITER = re.compile(r"^(\d+):\s+learn: ?([-\d.e+]+)(?:\s+test: ?([-\d.e+]+))?")


@kind("catboost-train-log", "log")
def n_catboost(lines):
    """Round 123: the first and last iteration lines, the best test iteration's line, the overfitting-detector / bestTest / bestIteration / Shrink lines, Warnings grouped by shape, errors."""
    its = [(m, ln) for ln in lines if (m := ITER.match(ln))]
    out = []
    if its:
        out += [its[0][1], its[-1][1]]
        bi = next((re.search(r"\d+", ln).group(0) for ln in lines if ln.startswith("bestIteration")), None)
        best = [ln for m, ln in its if bi is not None and m.group(1) == bi]
        if not best:
            tv = [(_num(m.group(3)), ln) for m, ln in its if m.group(3)]
            tv = [(v, ln) for v, ln in tv if v is not None]
            best = [min(tv, key=lambda r: r[0])[1]] if tv else []
        out += best[:1]
    out += [ln for ln in lines if ln.startswith(("Stopped by overfitting detector", "bestTest", "bestIteration",
                                                 "Shrink model"))]
    out += groups((mask(ln), ln) for ln in lines if ln.lstrip().startswith("Warning") or "Warning:" in ln)
    out += [ln for ln in lines if "CatBoostError" in ln and ln not in out]
    return out + _errors(lines) + _warnings(lines) + _exits(lines)


@kind("catboost-feature-importance", "table")
def n_catboost_fi(lines):
    """Round 123: the header, the rows of the largest and smallest importance, every row whose importance is 0."""
    out = [ln for ln in lines if re.search(r"Feature Id\s+Importances", ln)]
    rows = []
    for ln in lines:
        m = re.match(r"^\s*\d+\s+(\S+)\s+(-?[\d.]+(?:e[-+]?\d+)?)\s*$", ln)
        if m:
            rows.append((float(m.group(2)), ln))
    if rows:
        hi, lo = max(v for v, _ in rows), min(v for v, _ in rows)
        out += [any_of([ln for v, ln in rows if v == hi]), any_of([ln for v, ln in rows if v == lo])]
        out += [ln for v, ln in rows if v == 0]
    return out + _errors(lines) + _warnings(lines) + _exits(lines)


@kind("gbm-cv-table", "table")
def n_gbm_cv(lines):
    """Round 123: the header, the first and last rows, the row of the best test/valid mean; early-stopping lines, [Warning] lines grouped, errors."""
    out = []
    hdr = next((i for i, ln in enumerate(lines) if "-mean" in ln and not re.match(r"^\s*\d", ln)), None)
    if hdr is not None:
        h = lines[hdr]
        out.append(h)
        cols = re.split(r"\s{2,}|\s(?=\S+-(?:mean|std|stdv)\b)", h.strip())
        cols = [c for c in re.findall(r"\S+(?: \S+)?-(?:mean|stdv|std)", h)] or cols
        rows = []
        for ln in lines[hdr + 1:]:
            p = ln.split()
            if len(p) >= 2 and p[0].isdigit() and all(_num(x) is not None for x in p[1:]):
                rows.append(ln)
            elif rows:
                break
        if rows:
            out += [rows[0], rows[-1]]
            tcol = next((k for k, c in enumerate(cols) if c.endswith("-mean") and re.match(r"(test|valid)", c)), None)
            if tcol is not None:
                up = any(s in cols[tcol] for s in ("auc", "ndcg", "map"))
                vals = [(_num(r.split()[1 + tcol]), r) for r in rows if len(r.split()) > 1 + tcol]
                vals = [(v, r) for v, r in vals if v is not None]
                if vals:
                    out.append((max if up else min)(vals, key=lambda x: x[0])[1])
    else:  # a pipe cut the header: the first and last rows it kept
        rows = [ln for ln in lines if re.match(r"^\d+(\s+-?[\d.]+(e[-+]?\d+)?)+\s*$", ln)]
        if rows:
            out += [rows[0], rows[-1]]
    for i, ln in enumerate(lines):
        if re.search(r"Early stopping|best iteration|Will train until|Stopping\. Best", ln, re.I):
            out.append(ln)
            if ln.rstrip().endswith(":") and i + 1 < len(lines) and lines[i + 1].strip():
                out.append(lines[i + 1])  # the round the library names as best
    out += groups((mask(ln), ln) for ln in lines if "[Warning]" in ln or "WARNING" in ln)
    return out + _errors(lines) + _warnings(lines) + _exits(lines)


def _cells(ln):
    return [c.strip() for c in ln.strip().strip("|").split("|")]


def _table_rows(lines):
    """The `|` table's header line, its column names and its rows as (line, {column: cell}). A pipe (`tail`) that
    cut the header leaves the CLI's own column order: number, value, …, state."""
    bars = [i for i, ln in enumerate(lines) if ln.startswith("|")]
    if not bars:
        return None, [], []
    first = _cells(lines[bars[0]])
    if first and first[0].isdigit():
        hdr, names = None, ["number", "value"] + [f"c{k}" for k in range(2, len(first) - 1)] + ["state"]
        body = bars
    else:
        hdr, names, body = lines[bars[0]], first, bars[1:]
    rows = [(lines[i], dict(zip(names, _cells(lines[i])))) for i in body]
    return hdr, names, rows


@kind("optuna-cli-trials", "table")
def n_optuna_trials(lines):
    """Round 123: the header; FAIL and PRUNED rows (each when at most 2, else the first and last); the min and max rows of `value` (each `values_N`)."""
    hdr, names, rows = _table_rows(lines)
    out = [hdr] if hdr else []
    for state in ("FAIL", "PRUNED"):
        rs = [ln for ln, d in rows if d.get("state") == state]
        out += rs if len(rs) <= 2 else [rs[0], rs[-1]]
    for col in [c for c in names if c == "value" or re.match(r"^values_\d+$", c)]:  # each objective's value
        vals = [(_num(d.get(col, "")), ln) for ln, d in rows]
        vals = [(v, ln) for v, ln in vals if v is not None and v == v]
        if vals:
            out += [min(vals)[1], max(vals)[1]]
    return out + _errors(lines) + _warnings(lines) + _exits(lines)


@kind("optuna-cli-best", "table")
def n_optuna_best(lines):
    """Round 123: every data row (the best trial's number, value and params; every study of `studies`); yaml: the number, value(s) and params lines."""
    hdr, names, rows = _table_rows(lines)
    out = [ln for ln, _ in rows]
    inparams = False
    for ln in lines:
        if re.match(r"^-?\s*(number|value|values):", ln):
            out.append(ln)
        if re.match(r"^\s*-?\s*params:", ln):
            inparams = True
            continue
        if inparams:
            if re.match(r"^\s{2,}\S+:", ln) or re.match(r"^\s+params_", ln):
                out.append(ln)
            else:
                inparams = False
    return out + _errors(lines) + _warnings(lines) + _exits(lines)


# ------------------------------------------------------------------ MLflow

FILL = r'''
import random, sys, time
from mlflow.tracking import MlflowClient
from mlflow.entities import Metric, Param, RunTag
rnd = random.Random(123)
c = MlflowClient(sys.argv[1])
t0 = 1764600000000
plan = [("mlp-sweep", 500), ("cnn-cifar10", 48), ("catboost-churn", 36), ("lstm-forecast", 24), ("old-baselines", 12)]
ids = {}
for name, n in plan:
    eid = c.create_experiment(name, tags={"team": rnd.choice(["vision", "tabular", "nlp"])})
    ids[name] = eid
    for i in range(n):
        start = t0 + (i * 97 + rnd.randint(0, 60)) * 60000
        opt = "sgd" if rnd.random() < 0.8 else rnd.choice(["adam", "adamw"])
        run_name = f"{name.split('-')[0]}-{opt}-{i:03d}" if rnd.random() < 0.97 else "debug-run"
        r = c.create_run(eid, start_time=start, run_name=run_name, tags={"git_commit": "%07x" % rnd.getrandbits(28)})
        lr = round(10 ** rnd.uniform(-4, 0), 5)
        bs = rnd.choice([32, 64, 128, 256])
        params = [Param("lr", str(lr)), Param("batch_size", str(bs)), Param("optimizer", opt),
                  Param("layers", str(rnd.randint(2, 6)))]
        metrics = []
        val = 2.3
        for step in range(0, 30, 10):
            val = val * rnd.uniform(0.55, 0.9) if lr < 0.3 else val * rnd.uniform(0.9, 1.6)
            metrics.append(Metric("val_loss", round(val, 4), start + step * 1000, step))
        metrics.append(Metric("val_acc", round(max(0.05, 1 - val / 2.5), 4), start + 30000, 30))
        status, tags = "FINISHED", []
        if lr >= 0.6 and rnd.random() < 0.5:
            status = "FAILED"
            metrics[-2] = Metric("val_loss", float("nan"), start + 20000, 20)
            tags.append(RunTag("mlflow.note.content", f"diverged at step 20 (lr={lr}); loss is nan"))
        elif rnd.random() < 0.01:
            status = "KILLED"
            tags.append(RunTag("mlflow.note.content", "preempted: node drained after 14 min"))
        c.log_batch(r.info.run_id, metrics=metrics, params=params, tags=tags)
        c.set_terminated(r.info.run_id, status=status, end_time=start + rnd.randint(60, 900) * 1000)
c.delete_experiment(ids["old-baselines"])
print("experiments", ids)
'''

FAILED_RUN = r'''
import mlflow, random
mlflow.set_experiment("cnn-cifar10")
random.seed(4)
with mlflow.start_run(run_name="cnn-adam-resume"):
    mlflow.log_params({"lr": 0.001, "resume_from": "ckpt/epoch_12.pt"})
    for epoch in range(3):
        mlflow.log_metric("train_loss", 1.2 - epoch * 0.1, step=epoch)
    state = {"epoch": 12}
    print("resuming at epoch", state["epoch"] + 1)
    raise FileNotFoundError("ckpt/epoch_12.pt: no such checkpoint in artifact store")
'''


def _search(body: str) -> str:
    return f"curl -s -X POST {URI}/api/2.0/mlflow/runs/search -H 'Content-Type: application/json' -d '{body}'"


def mlflow_steps(tmp: Path) -> None:
    root = tmp / "mlflow"
    root.mkdir()
    write_tree(root, {"fill.py": FILL, "failed_run.py": FAILED_RUN})
    log = open(root / "server.log", "wb")
    cm.start(f"mlflow server --host 127.0.0.1 --port {PORT} --backend-store-uri sqlite:///{root}/mlflow.db "
             f"--default-artifact-root {root}/artifacts --workers 1", cwd=root, log=log,
             env={**ENV, "PATH": f"{Path(cm.PATH_PREFIX[0])}:/usr/bin:/bin"})
    for _ in range(90):
        if "200" in run(f"curl -s -o /dev/null -w '%{{http_code}}' {URI}/health", timeout=10):
            break
        time.sleep(2)
    cm.note(run(f"python fill.py {URI}", cwd=root, env=ENV, timeout=1500)[-300:])
    e = {**ENV, "MLFLOW_TRACKING_URI": URI}
    run("python failed_run.py", cwd=root, env=e)
    run(f"curl -s '{URI}/api/2.0/mlflow/runs/get?run_id=0123456789abcdef0123456789abcdef' >/dev/null", cwd=root)
    run(f"curl -s -X POST {URI}/api/2.0/mlflow/runs/search -H 'Content-Type: application/json' "
        "-d '{\"experiment_ids\": [\"1\"], \"filter\": \"metrics.val_loss <\"}' >/dev/null", cwd=root)
    cap("mlflow-runs-list-sweep", "mlflow runs list --experiment-id 1", root, n_mlflow_runs_list, env=e)
    cap("mlflow-runs-list-cnn-head-40", "mlflow runs list --experiment-id 2 | head -n 40", root, n_mlflow_runs_list,
        env=e)
    cap("mlflow-experiments-search-all", "mlflow experiments search --view all", root, n_mlflow_experiments, env=e)
    cap("mlflow-experiments-search-exit", "mlflow experiments search; echo EXIT=$?", root, n_mlflow_experiments,
        env=e)
    cap("mlflow-rest-runs-search-order-json-tool",
        _search('{"experiment_ids": ["1"], "max_results": 40, "order_by": ["metrics.val_loss ASC"]}')
        + " | python3 -m json.tool", root, n_mlflow_runs_search, env=e)
    cap("mlflow-rest-runs-search-failed-jq",
        _search('{"experiment_ids": ["1", "2", "3", "4"], "filter": "attributes.status != \\"FINISHED\\"", '
                '"max_results": 100}') + " | jq .", root, n_mlflow_runs_search, env=e)
    cap("mlflow-rest-runs-search-500-jq-c",
        _search('{"experiment_ids": ["1"], "max_results": 500}')
        + " | jq -c '.runs[].info | {run_id, run_name, status, start_time, end_time}'", root, n_mlflow_runs_search,
        env=e)
    cap("mlflow-rest-runs-search-page-jq",
        _search('{"experiment_ids": ["2", "3"], "max_results": 15, "order_by": ["attributes.start_time DESC"]}')
        + " | jq '{next_page_token, runs: [.runs[] | {info: {run_id: .info.run_id, run_name: .info.run_name, "
        "status: .info.status}, metrics: .data.metrics, tags: [.data.tags[] | select(.key | startswith(\"mlflow.note\"))]}]}'",
        root, n_mlflow_runs_search, env=e)
    log.flush()
    cap("mlflow-server-log-tail-120", "tail -n 120 server.log", root, n_mlflow_server)


# ------------------------------------------------------------------ CatBoost and the cv tables

DATA = r'''
import numpy as np
def churn(seed=123, n=3000, d=40):
    rng = np.random.default_rng(seed)
    X = rng.normal(size=(n, d))
    X[:, 30:34] = 0.0            # four columns a broken join left constant
    logit = 1.6 * X[:, 0] - 1.1 * X[:, 3] + 0.8 * X[:, 7] * X[:, 11] + 0.5 * np.sin(3 * X[:, 14]) + rng.normal(0, 1.0, n)
    y = (logit > 0.3).astype(int)
    names = [f"f{i:02d}_" + ["tenure", "spend", "calls", "tickets", "region", "plan", "age", "usage"][i % 8] for i in range(d)]
    return X, y, names
'''

CAT = r'''
import sys
import numpy as np, pandas as pd
from catboost import CatBoostClassifier, Pool
from data import churn
X, y, names = churn()
mode = sys.argv[1]
df = pd.DataFrame(X, columns=names)
tr, va = slice(0, 2400), slice(2400, None)
if mode == "badcat":
    df["f04_region"] = np.round(df["f04_region"], 2)
    m = CatBoostClassifier(iterations=300, cat_features=["f04_region"], thread_count=1, verbose=50)
    m.fit(df[tr], y[tr], eval_set=(df[va], y[va]))
    sys.exit(0)
verbose = {"v1": 1, "v10": 10, "v25": 25}.get(mode, 0)
lr = 0.45 if mode == "v1" else 0.12
m = CatBoostClassifier(iterations=1500, learning_rate=lr, depth=6, od_type="Iter", od_wait=40, eval_metric="Logloss",
                       random_seed=123, thread_count=1, verbose=verbose, metric_period=5 if mode == "v25" else 1)
m.fit(df[tr], y[tr], eval_set=(df[va], y[va]))
if mode == "fi":
    print(m.get_feature_importance(prettified=True).to_string())
elif mode == "fi-loss":
    print(m.get_feature_importance(Pool(df[va], y[va]), type="LossFunctionChange", prettified=True).to_string())
'''

XGBCV = r'''
import sys
import numpy as np, xgboost as xgb
from data import churn
X, y, names = churn()
if sys.argv[1] == "clf":
    d = xgb.DMatrix(X, label=y, feature_names=names)
    res = xgb.cv({"objective": "binary:logistic", "eta": 0.08, "max_depth": 4, "eval_metric": "logloss", "nthread": 1},
                 d, num_boost_round=600, nfold=5, early_stopping_rounds=30, seed=123, verbose_eval=25)
else:
    target = X[:, 0] * 3 + X[:, 5] ** 2 + np.random.default_rng(5).normal(0, 0.5, len(X))
    d = xgb.DMatrix(X, label=target)
    res = xgb.cv({"objective": "reg:squarederror", "eta": 0.3, "max_depth": 8, "eval_metric": "rmse", "nthread": 1},
                 d, num_boost_round=400, nfold=4, seed=7)
print(res.to_string())
'''

LGBCV = r'''
import lightgbm as lgb, pandas as pd
from data import churn
X, y, names = churn()
ds = lgb.Dataset(X, label=y, feature_name=names, params={"verbose": 1})
res = lgb.cv({"objective": "binary", "metric": "auc", "learning_rate": 0.05, "num_leaves": 63, "min_data_in_leaf": 5,
              "num_threads": 1, "verbose": 1, "seed": 123},
             ds, num_boost_round=500, nfold=5, stratified=True,
             callbacks=[lgb.early_stopping(25), lgb.log_evaluation(20)])
print(pd.DataFrame(res).to_string())
'''


def boosting(tmp: Path) -> None:
    root = tmp / "churn"
    write_tree(root, {"data.py": DATA, "cat_train.py": CAT, "xgb_cv.py": XGBCV, "lgb_cv.py": LGBCV})
    e = ENV
    cap("catboost-verbose-1-tail-80", "python cat_train.py v1 2>&1 | tail -n 80", root, n_catboost, env=e)
    cap("catboost-verbose-10", "python cat_train.py v10", root, n_catboost, env=e)
    cap("catboost-metric-period-5", "python cat_train.py v25 2>&1", root, n_catboost, env=e)
    cap("catboost-bad-cat-feature-exit", "python cat_train.py badcat; echo EXIT=$?", root, n_catboost, env=e)
    cap("catboost-importance-prettified", "python cat_train.py fi", root, n_catboost_fi, env=e)
    cap("catboost-importance-loss-change-head", "python cat_train.py fi-loss 2>&1 | head -n 30", root, n_catboost_fi,
        env=e)
    cap("xgboost-cv-early-stopping", "python xgb_cv.py clf", root, n_gbm_cv, env=e)
    cap("xgboost-cv-regression-head-60", "python xgb_cv.py reg 2>&1 | head -n 60", root, n_gbm_cv, env=e)
    cap("lightgbm-cv-auc-grep-v-warning", "python lgb_cv.py 2>&1 | grep -v Warning", root, n_gbm_cv, env=e)


# ------------------------------------------------------------------ Optuna's CLI

STUDY = r'''
import math, random
import optuna
optuna.logging.set_verbosity(optuna.logging.ERROR)
storage = "sqlite:///optuna.db"


def objective(trial):
    lr = trial.suggest_float("lr", 1e-5, 1.0, log=True)
    layers = trial.suggest_int("layers", 1, 6)
    opt = trial.suggest_categorical("optimizer", ["sgd", "adam", "adamw"])
    dropout = trial.suggest_float("dropout", 0.0, 0.6)
    if opt == "sgd" and lr > 0.5:
        raise FloatingPointError(f"loss became nan at epoch 3 (lr={lr:.3f})")
    r = random.Random(trial.number)
    loss = 0.3 + abs(math.log10(lr) + 2.5) * 0.2 + abs(layers - 3) * 0.05 + dropout * 0.1
    for epoch in range(10):
        v = loss + 1.5 / (epoch + 1) + r.uniform(0, 0.02)
        trial.report(v, epoch)
        if trial.should_prune():
            raise optuna.TrialPruned()
    return loss + r.uniform(0, 0.05)


study = optuna.create_study(study_name="mlp-lr-search", storage=storage, direction="minimize",
                            sampler=optuna.samplers.TPESampler(seed=123),
                            pruner=optuna.pruners.MedianPruner(n_startup_trials=5, n_warmup_steps=2))
study.optimize(objective, n_trials=80, catch=(FloatingPointError,))


def two(trial):
    depth = trial.suggest_int("depth", 2, 10)
    lr = trial.suggest_float("lr", 0.01, 0.5, log=True)
    err = 0.4 / depth + lr * 0.3 + random.Random(trial.number).uniform(0, 0.02)
    latency = depth * 1.7 + 1 / lr * 0.05
    return err, latency


mo = optuna.create_study(study_name="gbm-pareto", storage=storage, directions=["minimize", "minimize"],
                         sampler=optuna.samplers.NSGAIISampler(seed=7))
mo.optimize(two, n_trials=60)
optuna.create_study(study_name="empty-retry", storage=storage)
'''


def optuna_steps(tmp: Path) -> None:
    root = tmp / "tune"
    write_tree(root, {"study.py": STUDY})
    run("python study.py", cwd=root, env=ENV, timeout=900)
    st = "--storage sqlite:///optuna.db"
    cap("optuna-trials-table", f"optuna trials --study-name mlp-lr-search {st}", root, n_optuna_trials, env=ENV)
    cap("optuna-trials-flatten-tail-30", f"optuna trials --study-name mlp-lr-search {st} --flatten 2>&1 | tail -n 30",
        root, n_optuna_trials, env=ENV)
    cap("optuna-trials-pareto", f"optuna trials --study-name gbm-pareto {st} --flatten", root, n_optuna_trials,
        env=ENV)
    cap("optuna-best-trial-yaml", f"optuna best-trial --study-name mlp-lr-search {st} -f yaml", root, n_optuna_best,
        env=ENV)
    cap("optuna-best-trials-pareto", f"optuna best-trials --study-name gbm-pareto {st} --flatten", root,
        n_optuna_best, env=ENV)
    cap("optuna-studies-exit", f"optuna studies {st}; echo EXIT=$?", root, n_optuna_best, env=ENV)


STEPS = [mlflow_steps, boosting, optuna_steps]
