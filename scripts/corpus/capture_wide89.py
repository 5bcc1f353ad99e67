#!/usr/bin/env python3
"""Capture round 89 of the compression corpus: third samples of round 77's Python scientific and machine-learning
kinds, run blind on `airwatch`, a city's air-quality monitor network and its sensor-fault analysis written
here (seeded hourly readings, mistakes put in on purpose; its sources are capture_wide89_src.py): scikit-learn searches
with failing parameter combinations, convergence-warning floods, classification reports, cross-validation tables and
pipelines failing on bad input; statsmodels OLS and Logit summaries; scipy.optimize results and curve_fit warnings;
LightGBM and XGBoost training logs; an optuna study with failed and pruned trials; a headless matplotlib script's
warnings; pytest over a small package whose tests fail on numeric tolerances. Command lines are typed as agents type
them (`2>&1 | tail -n 80`, `| head -n 100`, `; echo EXIT=$?`, `| grep -v Warning`).

No rule is new (NEEDLES.md's "Round 89" section, committed before capture): every item's needles come from the
extractor round 77 used for its kind, imported from capture_wide77.py. A piped command is read by its kind's rule on
the lines the pipe kept; an `EXIT=N` line the agent printed is a needle (round 9b). Nothing captured here was
compressed.

Usage:   .venv/bin/python scripts/corpus/capture_wide89.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide89.json  as {"version": 2, "items": [...]}, ids prefixed "wide89-".
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402
import capture_wide77 as w77  # noqa: E402
from capture_more import write_tree  # noqa: E402

ID_PREFIX = "wide89-"
DEFAULT_OUT = HERE / "data" / "wide89.json"
TMP = Path("/tmp/hm-corpus-wide89")

_SIZED = cm.Sized(400, 120_000)
cap = _SIZED.cap


def ensure_tools() -> None:
    w77.ensure_tools()  # round 77's venv, reused as it is (installed there when missing)


def project(tmp: Path) -> Path:
    import capture_wide89_src as src
    root = tmp / "airwatch"
    if not root.exists():
        write_tree(root, src.FILES)
    return root


def step_sklearn(tmp: Path) -> None:
    root = project(tmp)
    cap("search-svc-grep-v-warning", "python search_svc.py 2>&1 | grep -v Warning", root, w77.n_search_cv)
    cap("search-svc-quiet-tail-100", "python search_svc.py quiet 2>&1 | tail -n 100", root, w77.n_search_cv)
    cap("search-hgb-random", "python search_hgb.py", root, w77.n_search_cv, timeout=900)
    cap("search-hgb-random-tail-80", "python search_hgb.py 2>&1 | tail -n 80", root, w77.n_search_cv, timeout=900)
    cap("converge-monitors", "python converge.py", root, w77.n_convergence)
    cap("converge-monitors-tail-50", "python converge.py 2>&1 | tail -n 50", root, w77.n_convergence)
    cap("converge-monitors-head-100", "python converge.py 2>&1 | head -n 100", root, w77.n_convergence)
    cap("report-fault-type-forest", "python report.py", root, w77.n_class_report)
    cap("report-monitor-nb", "python report.py monitor 2>&1 | head -n 100", root, w77.n_class_report)
    cap("cv-forest-8-fold", "python cv.py", root, w77.n_cross_validate)
    cap("cv-forest-12-fold-exit", "python cv.py 12; echo EXIT=$?", root, w77.n_cross_validate)
    cap("pipeline-missing-column-exit", "python pipeline_bad.py; echo EXIT=$?", root, w77.n_pipeline_error)
    cap("pipeline-unknown-monitor-tail-20", "python pipeline_bad.py unknown 2>&1 | tail -n 20", root,
        w77.n_pipeline_error)


def step_statsmodels(tmp: Path) -> None:
    root = project(tmp)
    cap("ols-load-collinear", "python ols.py", root, w77.n_sm_ols)
    cap("ols-load-hourly-head-80", "python ols.py hourly | head -n 80", root, w77.n_sm_ols)
    cap("logit-fault-alarm", "python logit.py", root, w77.n_sm_logit)
    cap("logit-fault-leaked-label-exit", "python logit.py leak; echo EXIT=$?", root, w77.n_sm_logit)
    cap("sarimax-monitor-monthly", "python sarimax.py", root, w77.n_sm_sarimax)


def step_scipy(tmp: Path) -> None:
    root = project(tmp)
    cap("optimize-logcosh-methods", "python optim.py", root, w77.n_optimize_result)
    cap("optimize-logcosh-head-70", "python optim.py 2>&1 | head -n 70", root, w77.n_optimize_result)
    cap("curve-fit-temp-response", "python curvefit.py", root, w77.n_curve_fit)
    cap("curve-fit-temp-response-exit", "python curvefit.py 2>&1 | grep -v Warning; echo EXIT=$?", root,
        w77.n_curve_fit)
    cap("sparse-network-exit", "python sparse_net.py; echo EXIT=$?", root, w77.n_sparse_error)
    cap("sparse-network-solve-tail-30", "python sparse_net.py solve 2>&1 | tail -n 30", root, w77.n_sparse_error)


def step_boosting(tmp: Path) -> None:
    root = project(tmp)
    cap("lgb-load", "python lgb_train.py load", root, w77.n_lightgbm)
    cap("lgb-fault-tail-60", "python lgb_train.py fault 2>&1 | tail -n 60", root, w77.n_lightgbm)
    cap("lgb-fault-type-num-class-exit", "python lgb_train.py type; echo EXIT=$?", root, w77.n_lightgbm)
    cap("xgb-fault", "python xgb_train.py fault", root, w77.n_xgboost)
    cap("xgb-load-tail-60", "python xgb_train.py load 2>&1 | tail -n 60", root, w77.n_xgboost)
    cap("xgb-gap-classes-exit", "python xgb_train.py gaps; echo EXIT=$?", root, w77.n_xgboost)


def step_optuna(tmp: Path) -> None:
    root = project(tmp)
    cap("optuna-sgd-80", "python study.py 80", root, w77.n_optuna, timeout=600)
    cap("optuna-sgd-240-tail-80", "python study.py 240 2>&1 | tail -n 80", root, w77.n_optuna, timeout=900)
    cap("optuna-sgd-120-grep-v-pruned", "python study.py 120 2>&1 | grep -v ' pruned'", root, w77.n_optuna,
        timeout=900)


def step_plots(tmp: Path) -> None:
    root = project(tmp)
    cap("plots-monitors-grep-v-findfont", "python plots.py 2>&1 | grep -v findfont", root, w77.n_matplotlib)
    cap("plots-two-monitors", "python plots.py 2", root, w77.n_matplotlib)


def step_pytest(tmp: Path) -> None:
    root = project(tmp) / "aqcalc"
    env = {"PYTHONPATH": str(root / "src")}
    cap("pytest-q-aqcalc", "pytest -q -p no:cacheprovider", root, w77.n_pytest_allclose, env=env, typed="pytest -q")
    cap("pytest-tb-short-tail-60", "pytest -p no:cacheprovider --tb=short 2>&1 | tail -n 60", root,
        w77.n_pytest_allclose, env=env, typed="pytest --tb=short 2>&1 | tail -n 60")
    cap("pytest-k-rolling-losses-exit", "pytest -p no:cacheprovider -k 'rolling or losses' -v; echo EXIT=$?", root,
        w77.n_pytest_allclose, env=env, typed="pytest -k 'rolling or losses' -v; echo EXIT=$?")


def steps() -> list:
    return [step_sklearn, step_statsmodels, step_scipy, step_boosting, step_optuna, step_plots, step_pytest]


def main() -> None:
    cm.capture_round(__doc__, ensure_tools, steps, ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 8_000, 60_000))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    main()
