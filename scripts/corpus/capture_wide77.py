#!/usr/bin/env python3
"""Capture round 77 of the compression corpus: Python scientific and machine-learning outputs new to the corpus, run
blind on `herdbook`, a dairy cooperative's milk-yield and herd-health analysis written here (seeded data, mistakes put
in on purpose; its sources are capture_wide77_src.py): scikit-learn searches, convergence-warning floods,
classification reports, cross-validation tables and a pipeline failing on bad input; statsmodels OLS, Logit and
SARIMAX summaries; scipy.optimize results, curve_fit warnings and a sparse dimension error; LightGBM and XGBoost
training logs; an optuna study with failed and pruned trials; a headless matplotlib script's warnings; pytest over a
small package whose tests fail on numeric tolerances. About half the command lines are typed as agents type them
(`2>&1 | tail -n 80`, `; echo EXIT=$?`, `| grep -v Warning`).

Each new kind's needles follow NEEDLES.md's "Round 77" section, written and committed before capture. A piped command
is read by its kind's rule on the lines the pipe kept; an `EXIT=N` line the agent printed is a needle (round 9b).
Nothing captured here was compressed.

Usage:   .venv/bin/python scripts/corpus/capture_wide77.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide77.json  as {"version": 2, "items": [...]}, ids prefixed "wide77-".
"""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402
import capture_diagnostics as dg  # noqa: E402
from capture_more import any_of, groups, kind, mask, write_tree  # noqa: E402

ID_PREFIX = "wide77-"
DEFAULT_OUT = HERE / "data" / "wide77.json"
TMP = Path("/tmp/hm-corpus-wide77")
TOOLS = Path("/tmp/hm-corpus-wide77-tools")
VENV = TOOLS / "venv"
PY_TOOLS = ["numpy", "scipy", "pandas", "scikit-learn", "statsmodels", "lightgbm", "optuna", "matplotlib", "pytest",
            "xgboost-cpu"]

MIN_CHARS, MAX_CHARS = 400, 120_000
_SIZED = cm.Sized(MIN_CHARS, MAX_CHARS)
add, cap = _SIZED.add, _SIZED.cap
EXIT_RE = re.compile(r"^EXIT=\d+$")


def ensure_tools() -> None:
    cm.install_venv(VENV, "optuna", PY_TOOLS, timeout=1500)
    cm.PATH_PREFIX[:0] = [str(VENV / "bin")]


# ------------------------------------------------------------------ shared reading (rules 1 and 9b, as NEEDLES.md says)

WARN_RE = re.compile(r"^(\S+?):(\d+): (\w*Warning): ?(.*)$")


def _exits(lines):
    return [ln for ln in lines if EXIT_RE.match(ln.strip())]


def _warnings(lines):
    """Rule 1's warnings: one {"any"} per (category, message shape) of the `file:line: XWarning: msg` lines."""
    return groups(((m.group(3), mask(m.group(4))), ln) for ln in lines if (m := WARN_RE.match(ln)))


def _warning_span(lines):
    """Indices of the lines a Python warning prints: its header, the message lines under it, the two-space echo."""
    span, inside = set(), False
    first_head = next((i for i, ln in enumerate(lines) if WARN_RE.match(ln)), len(lines))
    first_echo = next((i for i, ln in enumerate(lines) if re.match(r"^  \S", ln)), len(lines))
    if first_echo < first_head:  # a pipe (`tail`) cut the header of the first warning: its rest is still the warning's
        span.update(range(first_echo + 1))
    for i, ln in enumerate(lines):
        if WARN_RE.match(ln):
            span.add(i)
            inside = True
        elif inside:
            span.add(i)
            if re.match(r"^  \S", ln):  # the `  warnings.warn(` echo of the source line closes it
                inside = False
    return span


def _tracebacks(lines):
    """python-traceback's rule: each traceback's exception line (the first unindented line after the header), the
    innermost `File` line above it, and the outermost `File` line outside site-packages (the script's call)."""
    out = []
    for i, ln in enumerate(lines):
        if not ln.startswith("Traceback (most recent call last):"):
            continue
        files = []
        for k in range(i + 1, len(lines)):
            s = lines[k]
            if re.match(r'^\s+File ".+", line \d+', s):
                files.append(s)
            elif s and not s[0].isspace():
                out.append(s)
                break
        if files:
            out.append(files[-1])
            own = [f for f in files if "site-packages" not in f]
            if own:
                out.append(own[0])
    return out


def _errors(lines):
    """Rule 1: traceback exception lines with their locations, and loose `XError: msg` lines outside tracebacks."""
    out = _tracebacks(lines)
    for i, ln in enumerate(lines):
        if re.match(r"^[A-Za-z_][\w.]*(Error|Exception): \S", ln) and ln not in out:
            out.append(ln)  # an exception line whose `Traceback` header a pipe cut: the `File` line within six above
            frames = [k for k in range(max(0, i - 6), i) if re.match(r'^\s+File ".+", line \d+', lines[k])]
            if frames:
                out.append(lines[frames[-1]])
    return out


def _best(lines):
    return [ln for ln in lines if ln.lstrip().lower().startswith("best")]


def _num(s):
    try:
        return float(s)
    except ValueError:
        return None


def _extremes(rows):
    """rows: (value, line) -> the lines of the minimum and the maximum (first of ties)."""
    rows = [(v, ln) for v, ln in rows if v is not None and v == v]
    if not rows:
        return []
    return [min(rows, key=lambda r: r[0])[1], max(rows, key=lambda r: r[0])[1]]


# ------------------------------------------------------------------ extractors (rules fixed in NEEDLES.md, round 77)

CV_SCORE = re.compile(r"score=\(train=([-\w.]+), test=([-\w.]+)\)|score=([-\w.]+)")


@kind("sklearn-search-cv", "log")
def n_search_cv(lines):
    """Round 77: the `Fitting N folds` line; the fit lines of the highest and lowest test score; every `nan` fit line; warnings grouped; errors; `best` lines."""
    out = [ln for ln in lines if ln.startswith("Fitting ") and "folds for each of" in ln]
    scored, nans = [], []
    for ln in lines:
        if not re.match(r"^\[CV.*\] END ", ln):
            continue
        m = CV_SCORE.search(ln)
        if not m:
            continue
        s = m.group(2) if m.group(2) is not None else m.group(3)
        if s == "nan":
            nans.append(ln)
        else:
            scored.append((_num(s), ln))
    out += _extremes(scored) + nans
    out += [ln for ln in lines if re.match(r"^\d+ fits failed", ln)]
    return out + _warnings(lines) + _errors(lines) + _best(lines) + _exits(lines)


@kind("sklearn-convergence-warnings", "log")
def n_convergence(lines):
    """Round 77: warnings one {"any"} per (category, message shape); errors; every line the script printed itself."""
    span = _warning_span(lines)
    own = [ln for i, ln in enumerate(lines) if i not in span and ln.strip() and not ln[0].isspace()
           and not ln.startswith(("Traceback", "EXIT="))]
    return _warnings(lines) + _errors(lines) + own + _exits(lines)


REPORT_ROW = re.compile(r"^\s*(.+?)\s+(\d+\.\d+)\s+(\d+\.\d+)\s+(\d+\.\d+)\s+(\d+)$")


@kind("sklearn-classification-report", "table")
def n_class_report(lines):
    """Round 77: the report's header row, the class rows of the lowest and highest f1, the accuracy/avg rows; the confusion matrix row of its largest off-diagonal count; warnings grouped."""
    out = []
    heads = [i for i, ln in enumerate(lines) if re.match(r"^\s+precision\s+recall\s+f1-score\s+support", ln)]
    for h in heads:
        out.append(lines[h])
        rows = []
        for ln in lines[h + 1:]:
            if re.match(r"^\s*(accuracy|macro avg|weighted avg|micro avg|samples avg)\b", ln):
                out.append(ln)
                continue
            if re.search(r"precision\s+recall", ln) or ln.startswith("confusion"):
                break
            m = REPORT_ROW.match(ln)
            if m:
                rows.append((_num(m.group(4)), ln))
        out += _extremes(rows)
    # confusion matrices: blocks of `[[ … ]` / ` [ … ]]` rows
    block = []
    for ln in lines + [""]:
        m = re.match(r"^\s*\[?\[\s*([\d\s]+)\]\]?$", ln)
        if m and (block or ln.lstrip().startswith("[[")):
            block.append((ln, [int(v) for v in m.group(1).split()]))
            if ln.rstrip().endswith("]]"):
                best = None
                for r, (row_ln, vals) in enumerate(block):
                    for c, v in enumerate(vals):
                        if r != c and (best is None or v > best[0]):
                            best = (v, row_ln)
                if best:
                    out.append(best[1])
                block = []
        else:
            block = []
    return out + _warnings(lines) + _errors(lines) + _exits(lines)


@kind("sklearn-cross-validate", "table")
def n_cross_validate(lines):
    """Round 77: the table's header row(s) and the rows of each `test_` column's minimum and maximum; every `mean` line; every `nan` line; warnings; errors."""
    out = []
    for h, ln in enumerate(lines):
        cols = [c for c in ln.split() if c != "\\"]  # pandas ends a wrapped header with a backslash
        if not cols or not any(c.startswith(("test_", "fit_time", "train_")) for c in cols) or \
                re.search(r"\bmean\b", ln):
            continue
        out.append(ln)
        rows = []
        for r in lines[h + 1:]:
            toks = [t for t in r.split() if t != "\\"]
            if not r.strip():
                break
            if len(toks) == len(cols) + 1 and re.match(r"^-?\d+$", toks[0]):
                rows.append((toks, r))
        for j, c in enumerate(cols):
            if c.startswith("test_"):
                out += _extremes([(_num(t[j + 1]), r) for t, r in rows])
    out += [ln for ln in lines if re.search(r"\bmean\b", ln)]
    out += [ln for ln in lines if re.search(r"\bnan\b", ln) and not WARN_RE.match(ln)]
    return out + _warnings(lines) + _errors(lines) + _exits(lines)


@kind("sklearn-pipeline-error", "build")
def n_pipeline_error(lines):
    """Round 77 + rule 1: the traceback's exception line, its innermost `File` line and the script's own `File` line; warnings grouped; EXIT=N."""
    return _errors(lines) + _warnings(lines) + _exits(lines)


FIT_KEYS = ("R-squared:", "F-statistic:", "Prob (F-statistic):", "Pseudo R-squ.:", "Log-Likelihood:", "Log Likelihood",
            "LLR p-value:", "converged:", "AIC", "Ljung-Box")


def _sm_summary(lines):
    out = []
    for i, ln in enumerate(lines):
        s = ln.strip()
        if re.match(r"^[\w ]*Results$", s) and s:
            out.append(ln)
        elif s.startswith("Dep. Variable:") or any(k in ln for k in FIT_KEYS):
            out.append(ln)
        elif re.match(r"^\[\d+\] ", s) or "Optimization terminated" in ln or "Maximum number of iterations" in ln:
            out.append(ln)
        if re.match(r"^\s+coef\s+std err\s+[zt]\s+P>\|[zt]\|", ln):
            out.append(ln)
            rows = []
            for r in lines[i + 2:]:
                if r.startswith("=") or not r.strip():
                    break
                parts = r.rsplit(None, 6)
                if len(parts) == 7:
                    rows.append((parts, r))
            if len(rows) <= 15:
                out += [r for _, r in rows]
            else:
                out += _extremes([(_num(p[1]), r) for p, r in rows])
                out += [r for p, r in rows if (_num(p[4]) or 0) > 0.05]
    return out + _warnings(lines) + _errors(lines) + _exits(lines)


n_sm_ols = cm.named("statsmodels-ols-summary", "table",
                    "Round 77: title, Dep. Variable and fit lines, the coefficient header and rows (all when at most 15, "
                    "else min/max coef and P>0.05), numbered notes; warnings grouped.", _sm_summary)
n_sm_logit = cm.named("statsmodels-logit-summary", "table",
                      "Round 77: title, Dep. Variable and fit lines (Pseudo R-squ., LLR p-value, converged), the "
                      "coefficient header and rows, iteration lines; warnings grouped.", _sm_summary)
n_sm_sarimax = cm.named("statsmodels-sarimax-summary", "table",
                        "Round 77: title, Dep. Variable, Log Likelihood, AIC and Ljung-Box lines, the coefficient header "
                        "and rows, numbered warnings; warnings grouped.", _sm_summary)


@kind("scipy-optimize-result", "log")
def n_optimize_result(lines):
    """Round 77: in every OptimizeResult, its `message:`, `success:`, `fun:`, `x:` lines and a non-zero `status:`; warnings; errors."""
    out = []
    for ln in lines:
        m = re.match(r"^\s*(message|success|fun|x|status): (.*)$", ln)
        if m and not (m.group(1) == "status" and m.group(2).strip() == "0"):
            out.append(ln)
    return out + _warnings(lines) + _errors(lines) + _exits(lines)


@kind("scipy-curve-fit", "log")
def n_curve_fit(lines):
    """Round 77: warnings one {"any"} per (category, message shape); every error line; each data set's `fit ` result line."""
    return _warnings(lines) + _errors(lines) + [ln for ln in lines if ln.startswith("fit ")] + _exits(lines)


@kind("scipy-sparse-error", "build")
def n_sparse_error(lines):
    """Round 77 + rule 1: the exception line, innermost and the script's own `File` lines; SparseEfficiencyWarning grouped; the printed `shape`/`nnz` lines."""
    own = [ln for ln in lines if ln and not ln[0].isspace() and re.search(r"\b(shape|nnz)\b", ln)
           and not WARN_RE.match(ln) and not ln.startswith("Traceback")]
    return _errors(lines) + _warnings(lines) + own + _exits(lines)


ROUND = re.compile(r"^\[(\d+)\]\t")


@kind("lightgbm-train-log", "log")
def n_lightgbm(lines):
    """Round 77: Fatal/error lines; [Warning] lines one {"any"} per shape; the data-points line; the first and last round lines; the early-stopping line and the round after it; `best` lines."""
    out = [ln for ln in lines if ln.startswith("[LightGBM] [Fatal]")]
    out += groups((mask(ln), ln) for ln in lines if ln.startswith("[LightGBM] [Warning]"))
    out += [ln for ln in lines if "Number of data points in the train set" in ln or "Number of positive" in ln]
    stops = [i for i, ln in enumerate(lines) if ln.startswith(("Early stopping, best iteration is",
                                                               "Did not meet early stopping"))]
    after = {i + 1 for i in stops}
    rounds = [ln for i, ln in enumerate(lines) if ROUND.match(ln) and i not in after]
    if rounds:
        out += [rounds[0], rounds[-1]]
    for i in stops:
        out.append(lines[i])
        if i + 1 < len(lines):
            out.append(lines[i + 1])
    return out + _errors(lines) + _best(lines) + _exits(lines)


@kind("xgboost-train-log", "log")
def n_xgboost(lines):
    """Round 77: the first and last round lines and the round of the best last eval metric; WARNING lines one {"any"} per shape; errors; `best` lines."""
    out = []
    rounds = [ln for ln in lines if ROUND.match(ln)]
    if rounds:
        out += [rounds[0], rounds[-1]]
        vals = []
        for ln in rounds:
            fields = ln.split("\t")[1:]
            name, _, v = fields[-1].rpartition(":")
            up = any(k in name for k in ("auc", "map", "ndcg"))
            x = _num(v)
            vals.append(((-x if up else x) if x is not None else None, ln))
        out += _extremes(vals)[:1]
    out += groups((mask(ln.split("WARNING", 1)[1]), ln) for ln in lines if "WARNING" in ln)
    return out + _errors(lines) + _best(lines) + _exits(lines)


@kind("optuna-trial-log", "log")
def n_optuna(lines):
    """Round 77: the study-created line; every `Trial N failed` line and its exception line; the pruned lines as one {"any"}; the final best trial's line and the last `Best is trial`; warnings; `best` lines."""
    out = [ln for ln in lines if "A new study created" in ln]
    out += [ln for ln in lines if re.search(r"\bTrial \d+ failed\b", ln)]
    pruned = [ln for ln in lines if re.search(r"\bTrial \d+ pruned\.", ln)]
    if pruned:
        out.append(any_of(pruned))
    bests = [ln for ln in lines if "Best is trial" in ln]
    if bests:
        k = re.search(r"Best is trial (\d+)", bests[-1]).group(1)
        out += [ln for ln in lines if re.search(rf"\bTrial {k} finished with value", ln)][:1]
        out.append(bests[-1])
    return out + _errors(lines) + _warnings(lines) + _best(lines) + _exits(lines)


@kind("matplotlib-warnings", "log")
def n_matplotlib(lines):
    """Round 77: UserWarning and `findfont:` lines one {"any"} per (category or logger, message shape); errors; the `saved N figures` line."""
    pairs = [((m.group(3), mask(m.group(4))), ln) for ln in lines if (m := WARN_RE.match(ln))]
    pairs += [(("findfont", mask(ln)), ln) for ln in lines if ln.startswith("findfont:")]
    return groups(pairs) + _errors(lines) + [ln for ln in lines if ln.startswith("saved ")] + _exits(lines)


@kind("pytest-assert-allclose", "test")
def n_pytest_allclose(lines):
    """Round 77: pytest's rule (failing ids, first E line, summary) plus each failure's `Mismatched elements` and `Max absolute/relative difference` lines."""
    out = dg.needles_pytest(lines)
    out += [ln for ln in lines if re.search(r"Mismatched elements:|Max absolute difference|Max relative difference", ln)]
    return out + _exits(lines)


# ------------------------------------------------------------------ steps

def project(tmp: Path) -> Path:
    import capture_wide77_src as src
    root = tmp / "herdbook"
    if not root.exists():
        write_tree(root, src.FILES)
    return root


def step_sklearn(tmp: Path) -> None:
    root = project(tmp)
    cap("search-grid-grep-v-warning", "python search_grid.py 2>&1 | grep -v Warning", root, n_search_cv)
    cap("search-grid-tail-120", "python search_grid.py 2>&1 | tail -n 120", root, n_search_cv)
    cap("search-grid-ignore-future", "python -W ignore::FutureWarning search_grid.py", root, n_search_cv)
    cap("search-random-verbose3", "python search_random.py", root, n_search_cv)
    cap("converge-farms", "python converge.py", root, n_convergence)
    cap("converge-farms-tail-60", "python converge.py 2>&1 | tail -n 60", root, n_convergence)
    cap("converge-farms-head-80", "python converge.py 2>&1 | head -n 80", root, n_convergence)
    cap("report-breed-tree", "python report.py", root, n_class_report)
    cap("report-farm-knn", "python report.py farm", root, n_class_report)
    cap("cv-gbm-10-fold", "python cv.py", root, n_cross_validate)
    cap("cv-gbm-20-fold-exit", "python cv.py 20; echo EXIT=$?", root, n_cross_validate)
    cap("pipeline-text-in-feed-exit", "python pipeline_bad.py; echo EXIT=$?", root, n_pipeline_error)
    cap("pipeline-nan-temp-tail-30", "python pipeline_bad.py nan 2>&1 | tail -n 30", root, n_pipeline_error)
    cap("pipeline-unknown-breed-exit", "python pipeline_bad.py predict; echo EXIT=$?", root, n_pipeline_error)


def step_statsmodels(tmp: Path) -> None:
    root = project(tmp)
    cap("ols-yield", "python ols.py", root, n_sm_ols)
    cap("ols-yield-head-60", "python ols.py | head -n 60", root, n_sm_ols)
    cap("logit-mastitis", "python logit.py", root, n_sm_logit)
    cap("logit-mastitis-grep-v-warning", "python logit.py 2>&1 | grep -v Warning", root, n_sm_logit)
    cap("sarimax-monthly", "python sarimax.py", root, n_sm_sarimax)
    cap("sarimax-monthly-exit", "python sarimax.py 2>&1 | tail -n 40; echo EXIT=$?", root, n_sm_sarimax)


def step_scipy(tmp: Path) -> None:
    root = project(tmp)
    cap("optimize-huber-methods", "python optim.py", root, n_optimize_result)
    cap("optimize-huber-head-60", "python optim.py 2>&1 | head -n 60", root, n_optimize_result)
    cap("curve-fit-wood", "python curvefit.py", root, n_curve_fit)
    cap("curve-fit-wood-grep-v-warning", "python curvefit.py 2>&1 | grep -v Warning", root, n_curve_fit)
    cap("sparse-herd-exit", "python sparse.py; echo EXIT=$?", root, n_sparse_error)
    cap("sparse-transfers-solve-tail-40", "python sparse.py solve 2>&1 | tail -n 40", root, n_sparse_error)


def step_boosting(tmp: Path) -> None:
    root = project(tmp)
    cap("lgb-yield", "python lgb_train.py", root, n_lightgbm)
    cap("lgb-yield-grep-v-warning", "python lgb_train.py yield 2>&1 | grep -v Warning", root, n_lightgbm)
    cap("lgb-yield-slow-lr", "python lgb_train.py yield 0.012", root, n_lightgbm)
    cap("lgb-mastitis", "python lgb_train.py mastitis", root, n_lightgbm)
    cap("lgb-mastitis-tail-40", "python lgb_train.py mastitis 2>&1 | tail -n 40", root, n_lightgbm)
    cap("lgb-breed-no-num-class-exit", "python lgb_train.py breed; echo EXIT=$?", root, n_lightgbm)
    cap("xgb-mastitis", "python xgb_train.py", root, n_xgboost)
    cap("xgb-yield", "python xgb_train.py yield", root, n_xgboost)
    cap("xgb-yield-tail-80", "python xgb_train.py yield 2>&1 | tail -n 80", root, n_xgboost)
    cap("xgb-yield-gpu-exit", "python xgb_train.py yield-gpu; echo EXIT=$?", root, n_xgboost)


def step_optuna(tmp: Path) -> None:
    root = project(tmp)
    cap("optuna-study-60", "python study.py 60", root, n_optuna, timeout=600)
    cap("optuna-study-200-tee-tail-80", "python study.py 200 2>&1 | tee study.log | tail -n 80", root, n_optuna,
        timeout=900)
    cap("optuna-study-log-grep-v-pruned", "grep -v ' pruned' study.log", root, n_optuna)


def step_plots(tmp: Path) -> None:
    root = project(tmp)
    cap("plots-farms-tail-100", "python plots.py 2>&1 | tail -n 100", root, n_matplotlib)
    cap("plots-four-farms", "python plots.py 4", root, n_matplotlib)
    cap("plots-grep-v-findfont", "python plots.py 2>&1 | grep -v findfont", root, n_matplotlib)


def step_pytest(tmp: Path) -> None:
    root = project(tmp) / "lactation"
    env = {"PYTHONPATH": str(root / "src")}
    cap("pytest-q-lactation", "pytest -q -p no:cacheprovider", root, n_pytest_allclose, env=env, typed="pytest -q")
    cap("pytest-tb-short-tail-80", "pytest -p no:cacheprovider --tb=short 2>&1 | tail -n 80", root, n_pytest_allclose,
        env=env, typed="pytest --tb=short 2>&1 | tail -n 80")
    cap("pytest-k-herd-rolling-scc", "pytest -p no:cacheprovider -k 'herd or rolling or scc' -v; echo EXIT=$?", root,
        n_pytest_allclose, env=env, typed="pytest -k 'herd or rolling or scc' -v; echo EXIT=$?")


def steps() -> list:
    return [step_sklearn, step_statsmodels, step_scipy, step_boosting, step_optuna, step_plots, step_pytest]


def main() -> None:
    cm.capture_round(__doc__, ensure_tools, steps, ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 8_000, 60_000))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    main()
