#!/usr/bin/env python3
"""Capture round 99 of the compression corpus: deep-learning and distributed-data frameworks' errors and logs new to
the corpus, run blind on `gustlog`, a wind farm's turbine telemetry analysis written here (seeded data, bugs put in on
purpose; its sources are capture_wide99_src.py): PySpark in local mode (a job failing in a Python UDF with its whole
stderr, `explain` plans, `show` tables, `printSchema`), JAX's CPU build (tracer and shape errors, filtered and not,
`make_jaxpr` dumps, `jax.debug.print` from a jitted loop), Keras 3 on the JAX backend (`fit` logs, `summary` tables, a
shape mismatch), onnx and onnxruntime (checker and shape-inference errors, session errors on bad models) and Dask (a
`distributed` LocalCluster with a failing task, dtype and meta mismatches). About half the command lines are typed as
agents type them (`2>&1 | tail -n 80`, `; echo EXIT=$?`, `| grep -v WARN`).

Each new kind's needles follow NEEDLES.md's "Round 99" section, written and committed before capture. A piped command
is read by its kind's rule on the lines the pipe kept; an `EXIT=N` line the agent printed is a needle (round 9b).
Nothing captured here was compressed.

Usage:   .venv/bin/python scripts/corpus/capture_wide99.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide99.json  as {"version": 2, "items": [...]}, ids prefixed "wide99-".
"""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402
import capture_wide77 as w77  # noqa: E402  (round 77's readings of warnings, tracebacks, EXIT lines, extremes)
from capture_more import any_of, groups, kind, mask, write_tree  # noqa: E402

ID_PREFIX = "wide99-"
DEFAULT_OUT = HERE / "data" / "wide99.json"
TMP = Path("/tmp/hm-corpus-wide99")
TOOLS = Path("/tmp/hm-corpus-wide99-tools")
VENV = TOOLS / "venv"
PY_TOOLS = ["jax[cpu]", "keras", "onnx", "onnxruntime", "dask[distributed,dataframe]", "pyspark", "pandas", "pyarrow"]

MIN_CHARS, MAX_CHARS = 400, 120_000
_SIZED = cm.Sized(MIN_CHARS, MAX_CHARS)
add, cap = _SIZED.add, _SIZED.cap

_warnings, _errors, _exits, _extremes, _num = w77._warnings, w77._errors, w77._exits, w77._extremes, w77._num
FILE_RE = re.compile(r'^\s+File ".+", line \d+')


def ensure_tools() -> None:
    cm.install_venv(VENV, "pyspark", PY_TOOLS, timeout=1800)
    cm.ensure_apt("java", "openjdk-17-jre-headless")
    cm.PATH_PREFIX[:0] = [str(VENV / "bin")]


# ------------------------------------------------------------------ shared reading

LOG4J = re.compile(r"^\d\d/\d\d/\d\d \d\d:\d\d:\d\d (ERROR|WARN|INFO) (\S+?):? (.*)$")
PYLOG = re.compile(r"^(?:[\d-]+ [\d:,.]+ - )?([\w.]+) - (ERROR|WARNING|INFO|CRITICAL) - (.*)$")


def _log_groups(lines, levels, rx=LOG4J):
    """Log lines at `levels` one {"any"} per (logger, message shape)."""
    pairs = []
    for ln in lines:
        m = rx.match(ln)
        if not m:
            continue
        level, logger = (m.group(1), m.group(2)) if rx is LOG4J else (m.group(2), m.group(1))
        if level in levels:
            pairs.append(((level, logger, mask(m.group(3))), ln))
    return groups(pairs)


def _own(lines, extra=()):
    """The lines a script printed itself: not log lines, not trace lines, not indented."""
    out = []
    for ln in lines:
        if not ln.strip() or ln[0].isspace() or LOG4J.match(ln) or PYLOG.match(ln) or w77.WARN_RE.match(ln):
            continue
        if ln.startswith(("Traceback", "EXIT=", "During handling", "The above exception", "Caused by", "Setting default",
                          "To adjust logging", "WARNING:", "Using Spark", "py4j.", "pyspark.", "org.apache",
                          "java.", "scala.", "+", "|", "Driver stacktrace", "[Stage", "Key:", "State:", "Task:", "Exception:",
                          "Traceback:", "Function:", "args:", "kwargs:", "SQLSTATE")) or re.match(r"^\w[\w.]*(Error|Exception)\b", ln):
            continue
        if extra and not ln.startswith(extra):
            continue
        out.append(ln)
    return out


# ------------------------------------------------------------------ extractors (rules fixed in NEEDLES.md, round 99)

@kind("pyspark-job-error", "log")
def n_spark_job(lines):
    """Round 99: ERROR and WARN log4j lines one {"any"} per (logger, message shape); the first stage-failure and Lost-task lines; the Py4J / PythonException / SparkException lines; the UDF's exception line and innermost File line; the script's File line; the script's own lines."""
    out = _log_groups(lines, {"ERROR"}) + _log_groups(lines, {"WARN"})
    for pat in (r"Job aborted due to stage failure", r"Lost task \S+ in stage"):
        first = next((ln for ln in lines if re.search(pat, ln)), None)
        if first:
            out.append(first)
    out += [ln for ln in lines if re.match(r"^\S*(Py4JJavaError|PythonException|SparkException)\b", ln.strip())
            and not LOG4J.match(ln)][:3]
    # the UDF's error: Python exception lines inside the worker's trace, with the File line above
    for i, ln in enumerate(lines):
        if re.match(r"^[A-Za-z_][\w.]*(Error|Exception): ", ln.strip()) and not LOG4J.match(ln) \
                and not re.match(r"^\S*(Py4JJavaError|PythonException|SparkException|org\.|java\.)", ln.strip()):
            out.append(ln)
            f = cm.prev_match(lines, i, FILE_RE.pattern)
            if f:
                out.append(f)
    files = [ln for ln in lines if FILE_RE.match(ln) and "site-packages" not in ln and "pyspark" not in ln]
    if files:
        out.append(files[0])
    return out + _own(lines) + _warnings(lines) + _exits(lines)


PLAN_HEAD = re.compile(r"^== .* ==$")


@kind("pyspark-explain", "doc")
def n_spark_explain(lines):
    """Round 99: every `== … Plan ==` header; in the physical plan every Exchange, join, HashAggregate and scan line, and every PushedFilters / PartitionFilters line."""
    out, phys = [], False
    for ln in lines:
        if PLAN_HEAD.match(ln.strip()):
            out.append(ln)
            phys = "Physical Plan" in ln
            continue
        if phys and re.search(r"\b(Exchange|\w*Join|HashAggregate|FileScan|Scan)\b", ln):
            out.append(ln)
        if re.search(r"\b(PushedFilters|PartitionFilters)\b", ln):
            out.append(ln)
    return out + _errors(lines) + _warnings(lines) + _exits(lines)


def _pipe_tables(lines):
    """The `+---+` / `|a|b|` tables: (header line, [(cells, line)])."""
    tables, i = [], 0
    while i < len(lines):
        if lines[i].startswith("+-") and i + 2 < len(lines) and lines[i + 1].startswith("|"):
            head = lines[i + 1]
            rows, k = [], i + 3
            while k < len(lines) and lines[k].startswith("|"):
                rows.append(([c.strip() for c in lines[k].strip("|").split("|")], lines[k]))
                k += 1
            tables.append((head, [c.strip() for c in head.strip("|").split("|")], rows))
            i = k + 1
        else:
            i += 1
    return tables


def _rule4(cols, rows):
    out = []
    for j in range(len(cols)):
        vals = [r[0][j] for r in rows if j < len(r[0])]
        nums = [_num(v) for v in vals]
        if vals and all(v is not None for v in nums):
            out += _extremes([(_num(r[0][j]), r[1]) for r in rows if j < len(r[0])])
        elif vals:
            from collections import Counter
            c = Counter(vals)
            if c.most_common(1)[0][1] * 2 >= len(vals):
                out += [r[1] for r in rows if j < len(r[0]) and c[r[0][j]] <= 2]
    return out


@kind("pyspark-show", "table")
def n_spark_show(lines):
    """Round 99 + rule 4: the table's header row, rows with a rare categorical value, each numeric column's min and max rows; the `only showing top N rows` line."""
    out = []
    for head, cols, rows in _pipe_tables(lines):
        out.append(head)
        out += _rule4(cols, rows)
    return out + [ln for ln in lines if ln.startswith("only showing top")] + _errors(lines) + _warnings(lines) + _exits(lines)


@kind("pyspark-print-schema", "doc")
def n_spark_schema(lines):
    """Round 99: the `root` line and every field line (`|-- name: type (nullable = …)`), nested ones included."""
    return [ln for ln in lines if ln.strip() == "root" or re.match(r"^[\s|]*\|-- ", ln)] + _errors(lines) + _warnings(lines) + _exits(lines)


JAX_EXPL = re.compile(r"shape|Tracer|traced|occurred while tracing|argument")


@kind("jax-traceback", "build")
def n_jax_tb(lines):
    """Round 99: the exception line, the first explanation line naming a shape, tracer, traced function or argument; the innermost and the script's File lines; the JAX_TRACEBACK_FILTERING hint."""
    out = _errors(lines)
    for i, ln in enumerate(lines):
        if re.match(r"^[A-Za-z_][\w.]*(Error|Exception): ", ln):
            for k in range(i + 1, min(len(lines), i + 40)):
                if FILE_RE.match(lines[k]) or lines[k].startswith("Traceback"):
                    break
                if JAX_EXPL.search(lines[k]):
                    out.append(lines[k])
                    break
    out += [ln for ln in lines if "JAX_TRACEBACK_FILTERING" in ln][:1]
    return out + _warnings(lines) + _exits(lines)


@kind("jax-make-jaxpr", "code")
def n_jaxpr(lines):
    """Round 99: every `{ lambda` line, every line closing a jaxpr with `in (`, one {"any"} per primitive over its equation lines."""
    out = [ln for ln in lines if "{ lambda" in ln]
    out += [ln for ln in lines if re.search(r"\bin \(", ln)]
    pairs = []
    for ln in lines:
        m = re.search(r"^\s*[\w:\[\],. ]*?= (\w[\w-]*)[\[ ]", ln)
        if m and "lambda" not in ln:
            pairs.append((m.group(1), ln))
    return out + groups(pairs) + _errors(lines) + _warnings(lines) + _exits(lines)


KV = re.compile(r"\b(\w+)=(-?[\d.]+(?:e[-+]?\d+)?|nan|inf|-inf)\b")


@kind("jax-debug-print", "log")
def n_jax_debug(lines):
    """Round 99: the first and last debug line, every nan/inf line, the min and max line of each key=value field; `final`/`result` lines; errors."""
    dbg = [ln for ln in lines if KV.search(ln) and not ln.startswith(("final", "result"))]
    out = [dbg[0], dbg[-1]] if dbg else []
    out += [ln for ln in dbg if re.search(r"\b(nan|inf)\b", ln)]
    keys = []
    for ln in dbg:
        for k, _ in KV.findall(ln):
            if k not in keys:
                keys.append(k)
    for key in keys:
        vals = []
        for ln in dbg:
            d = dict(KV.findall(ln))
            if key in d:
                vals.append((_num(d[key]), ln))
        out += _extremes(vals)
    out += [ln for ln in lines if ln.startswith(("final", "result"))]
    return out + _errors(lines) + _warnings(lines) + _exits(lines)


EPOCH_METRIC = re.compile(r"\bloss: ([-\d.e+]+|nan)")


@kind("keras-fit-log", "log")
def n_keras_fit(lines):
    """Round 99: the first and last epoch's metric line; the lowest val_loss (else loss) epoch's line; nan lines; callback lines; `test`/`final` lines; warnings, errors."""
    mets = [ln for ln in lines if re.search(r"\d+/\d+ .*\bloss: ", ln)]
    out = [mets[0], mets[-1]] if mets else []
    key = "val_loss" if any("val_loss: " in ln for ln in mets) else "loss"
    vals = []
    for ln in mets:
        m = re.search(rf"\b{key}: ([-\d.e+]+|nan)", ln)
        if m:
            vals.append((_num(m.group(1)), ln))
    out += _extremes(vals)[:1]
    out += [ln for ln in lines if re.search(r"\bnan\b", ln)]
    out += [ln for ln in lines if re.search(r"early stopping|Restoring model weights|ReduceLROnPlateau", ln)]
    imp = [ln for ln in lines if "val_loss improved" in ln]
    out += imp[-1:]
    out += [ln for ln in lines if ln.lower().startswith(("test", "final"))]
    return out + _warnings(lines) + _errors(lines) + _exits(lines)


@kind("keras-model-summary", "table")
def n_keras_summary(lines):
    """Round 99: the Model line, the header row, every layer row (at most 15) else the largest/smallest Param # rows and rows of a layer type seen at most twice; the params totals."""
    out = [ln for ln in lines if ln.startswith("Model: ")]
    heads = [ln for ln in lines if "Layer (type)" in ln]
    out += heads
    rows = []
    for i, ln in enumerate(lines):
        m = re.match(r"^[│|]\s*(\S+)(?: \((\w+)\))?\s*[│|][^│|]*[│|]\s*([\d,]+)\s*[│|]", ln)
        if m:
            typ = m.group(2)
            if typ is None and i + 1 < len(lines):  # a long name wraps its `(Type)` onto the next line
                w = re.match(r"^[│|]\s*\((\w+)\)", lines[i + 1])
                typ = w.group(1) if w else "?"
            rows.append((typ, _num(m.group(3).replace(",", "")), ln))
    if len(rows) <= 15:
        out += [r[2] for r in rows]
    else:
        out += _extremes([(p, ln) for _, p, ln in rows])
        from collections import Counter
        c = Counter(t for t, _, _ in rows)
        out += [ln for t, _, ln in rows if c[t] <= 2]
    out += [ln for ln in lines if re.search(r"(Total|Trainable|Non-trainable) params:", ln)]
    return out + _errors(lines) + _warnings(lines) + _exits(lines)


@kind("keras-shape-error", "build")
def n_keras_shape(lines):
    """Round 99: the exception line, every message line holding `shape` or `expected`, the `Arguments received by` line, the innermost and the script's File lines."""
    out = _errors(lines)
    out += [ln for ln in lines if re.search(r"shape|expected", ln, re.I) and not FILE_RE.match(ln)
            and not ln.startswith("  ") or re.search(r"^\S.*(shape|expected)", ln)]
    out += [ln for ln in lines if "Arguments received by" in ln]
    return out + _warnings(lines) + _exits(lines)


@kind("onnxruntime-error", "build")
def n_ort(lines):
    """Round 99: every [ONNXRuntimeError] and [E:onnxruntime:…] line, [W:onnxruntime:…] lines one {"any"} per shape; the traceback's exception, innermost and script File lines; the `ok`/`FAIL` verdict lines."""
    out = [ln for ln in lines if "[ONNXRuntimeError]" in ln or "[E:onnxruntime:" in ln]
    out += groups((mask(ln.split("]", 2)[-1]), ln) for ln in lines if "[W:onnxruntime:" in ln)
    out += [ln for ln in lines if ln.startswith(("ok ", "FAIL "))]
    return out + _errors(lines) + _warnings(lines) + _exits(lines)


@kind("onnx-checker", "build")
def n_onnx_check(lines):
    """Round 99: every ValidationError / InferenceError / [ShapeInferenceError] / [TypeInferenceError] line, every `==> Context:` line, the script's File lines; the `ok`/`FAIL` verdict lines."""
    out = [ln for ln in lines if re.search(r"ValidationError|InferenceError|\[ShapeInferenceError\]|"
                                           r"\[TypeInferenceError\]|==> Context:", ln)]
    out += [ln for ln in lines if ln.startswith(("ok ", "FAIL "))]
    return out + _errors(lines) + _warnings(lines) + _exits(lines)


@kind("dask-distributed-log", "log")
def n_dask_dist(lines):
    """Round 99: each Compute Failed line with its Key: and Exception: lines (one {"any"} per exception shape when more than two blocks); ERROR and WARNING lines one {"any"} per (logger, shape); the client's traceback; the script's own lines."""
    blocks = []
    for i, ln in enumerate(lines):
        if "Compute Failed" in ln:
            key = next((lines[k] for k in range(i + 1, min(len(lines), i + 8)) if lines[k].lstrip().startswith("Key:")), None)
            exc = next((lines[k] for k in range(i + 1, min(len(lines), i + 12))
                        if lines[k].lstrip().startswith("Exception:")), None)
            blocks.append((ln, key, exc))
    out = []
    if len(blocks) <= 2:
        for b in blocks:
            out += [x for x in b if x]
    else:
        g: dict = {}
        for b in blocks:
            g.setdefault(mask(b[2] or ""), []).extend(x for x in b if x)
        out += [any_of(v) for v in g.values()]
    out += _log_groups([ln for ln in lines if "Compute Failed" not in ln], {"ERROR", "CRITICAL"}, PYLOG)
    out += _log_groups([ln for ln in lines if "Compute Failed" not in ln], {"WARNING"}, PYLOG)
    out += _errors(lines)
    return out + _own(lines) + _warnings(lines) + _exits(lines)


@kind("dask-compute-error", "build")
def n_dask_compute(lines):
    """Round 99: the exception line, innermost and script's File lines; every row of the mismatch table (header included); every message line naming a column or `meta`; warnings grouped."""
    out = _errors(lines)
    out += [ln for ln in lines if ln.startswith("|")]
    out += [ln for ln in lines if re.search(r"\b(column|columns|meta)\b", ln, re.I) and not FILE_RE.match(ln)
            and not ln.startswith(("|", "+"))]
    return out + _warnings(lines) + _exits(lines)


# ------------------------------------------------------------------ steps

PYENV = {"PYTHONPATH": ".", "KERAS_BACKEND": "jax", "PYTHONWARNINGS": None, "JAX_PLATFORMS": "cpu",
         "TF_CPP_MIN_LOG_LEVEL": None, "XLA_FLAGS": "--xla_force_host_platform_device_count=1",
         "OMP_NUM_THREADS": "1", "PYSPARK_PYTHON": str(VENV / "bin" / "python")}


def project(tmp: Path) -> Path:
    import capture_wide99_src as src
    root = tmp / "gustlog"
    if not root.exists():
        write_tree(root, src.FILES)
    return root


def c(item_id, command, extractor, timeout=600, env=None, typed=None):
    e = dict(PYENV)
    e.update(env or {})
    cap(item_id, "nice " + command if not command.startswith(("cd ", "JAX_", "SPARK_")) else command, project(TMP), extractor,
        timeout=timeout, env=e, typed=typed or command)


def step_spark(tmp: Path) -> None:
    c("spark-udf-job-retries-stderr", "python spark_job.py retry", n_spark_job)
    c("spark-udf-job", "python spark_job.py", n_spark_job)
    c("spark-udf-job-tail-80", "python spark_job.py 2>&1 | tail -n 80", n_spark_job)
    c("spark-udf-job-grep-v-warn-exit", "python spark_job.py 2>&1 | grep -v WARN; echo EXIT=$?", n_spark_job)
    c("spark-explain-extended", "python spark_plans.py", n_spark_explain)
    c("spark-explain-formatted", "python spark_plans.py formatted", n_spark_explain)
    c("spark-explain-smj", "python spark_plans.py smj", n_spark_explain)
    c("spark-explain-window", "python spark_plans.py window 2>&1 | head -n 120", n_spark_explain)
    c("spark-show-turbines", "python spark_show.py", n_spark_show)
    c("spark-show-raw-40", "python spark_show.py raw", n_spark_show)
    c("spark-print-schema", "python spark_show.py schema", n_spark_schema)


def step_jax(tmp: Path) -> None:
    c("jax-tracer-bool", "python jax_errors.py bool", n_jax_tb)
    c("jax-tracer-bool-unfiltered", "JAX_TRACEBACK_FILTERING=off nice python jax_errors.py bool", n_jax_tb)
    c("jax-dot-shape-exit", "python jax_errors.py shape; echo EXIT=$?", n_jax_tb)
    c("jax-dot-shape-unfiltered-tail-60", "JAX_TRACEBACK_FILTERING=off nice python jax_errors.py shape 2>&1 | tail -n 60",
      n_jax_tb)
    c("jax-concretization", "python jax_errors.py concrete", n_jax_tb)
    c("jax-dot-shape-unfiltered", "JAX_TRACEBACK_FILTERING=off nice python jax_errors.py shape", n_jax_tb)
    c("jax-scan-carry", "python jax_errors.py carry", n_jax_tb)
    c("jax-scan-carry-unfiltered-exit", "JAX_TRACEBACK_FILTERING=off nice python jax_errors.py carry; echo EXIT=$?",
      n_jax_tb)
    c("jax-vmap-axis-exit", "python jax_errors.py vmap; echo EXIT=$?", n_jax_tb)
    c("jaxpr-grad-loss", "python jax_jaxpr.py", n_jaxpr)
    c("jaxpr-train-scan", "python jax_jaxpr.py train", n_jaxpr)
    c("jax-debug-fit", "python jax_debug.py 0.002 400", n_jax_debug)
    c("jax-debug-diverge-tail-50", "python jax_debug.py 0.05 300 2>&1 | tail -n 50", n_jax_debug)
    c("jax-debug-diverge-grep-nan", "python jax_debug.py 0.05 300 2>&1 | grep -v 'loss=nan'", n_jax_debug)


def step_keras(tmp: Path) -> None:
    c("keras-fit-50-epochs", "python keras_fit.py 50 2", n_keras_fit)
    c("keras-fit-callbacks", "python keras_fit.py 60 2 callbacks", n_keras_fit)
    c("keras-fit-hot-lr-tail-40", "python keras_fit.py 30 2 hot 2>&1 | tail -n 40", n_keras_fit)
    c("keras-fit-verbose1-8", "python keras_fit.py 8 1", n_keras_fit)
    c("keras-fit-verbose1-120-epochs", "python keras_fit.py 120 1", n_keras_fit)
    c("keras-summary-conv", "python keras_summary.py", n_keras_summary)
    c("keras-summary-multitask", "python keras_summary.py deep", n_keras_summary)
    c("keras-shape-features", "python keras_shape.py", n_keras_shape)
    c("keras-shape-targets-exit", "python keras_shape.py targets; echo EXIT=$?", n_keras_shape)


def step_onnx(tmp: Path) -> None:
    c("ort-run-all-models", "python onnx_run.py", n_ort)
    c("ort-run-mlp-exit", "python onnx_run.py mlp; echo EXIT=$?", n_ort)
    c("ort-run-mixed-types-tail-30", "python onnx_run.py mixed_types 2>&1 | tail -n 30", n_ort)
    c("onnx-check-all", "python onnx_check.py", n_onnx_check)
    c("onnx-check-w2-exit", "python onnx_check.py mlp_w2_mismatch; echo EXIT=$?", n_onnx_check)


DASK_LOG = {"DASK_LOGGING__DISTRIBUTED": "info"}


def step_dask(tmp: Path) -> None:
    c("dask-cluster-failed-task", "python dask_cluster.py 40", n_dask_dist, timeout=300, env=DASK_LOG)
    c("dask-cluster-partial-tail-60", "python dask_cluster.py 60 --partial 2>&1 | tail -n 60", n_dask_dist, timeout=300, env=DASK_LOG)
    c("dask-cluster-grep-v-info-exit", "python dask_cluster.py 30 2>&1 | grep -v ' - INFO - '; echo EXIT=$?",
      n_dask_dist, timeout=300, env=DASK_LOG)
    c("dask-read-csv-dtypes", "python dask_meta.py csv", n_dask_compute)
    c("dask-map-partitions-meta-exit", "python dask_meta.py meta; echo EXIT=$?", n_dask_compute)
    c("dask-astype-na-tail-40", "python dask_meta.py infer 2>&1 | tail -n 40", n_dask_compute)


def steps() -> list:
    return [step_spark, step_jax, step_keras, step_onnx, step_dask]


def main() -> None:
    cm.capture_round(__doc__, ensure_tools, steps, ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 8_000, 60_000))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide99", sys.modules["__main__"])
    main()
