#!/usr/bin/env python3
"""Capture round 123 of the compression corpus: machine-learning training and experiment tracking, shapes new to the
corpus. PyTorch (CPU) training scripts written here with faults put in (a diverging learning rate, a bad label, a
shape mismatch, a NaN in backward under anomaly detection), torch.profiler tables, torchinfo summaries, TensorBoard
event files read by `tensorboard --inspect`; an MLflow tracking server on 127.0.0.1 filled by a seeded script (runs
list, experiments search, the REST runs/search JSON, the server's log); CatBoost training logs and importance tables;
xgboost.cv / lightgbm.cv tables; Optuna's CLI over a sqlite study with pruned and failed trials. Several command
lines are typed as agents type them (`| tail -n 80`, `2>&1 | grep -v Warning`, `; echo EXIT=$?`).

Needles come from the rules NEEDLES.md's "Round 123" section fixed before capture. Nothing captured here was
compressed.

Usage:   .venv/bin/python scripts/corpus/capture_wide123.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide123.json  as {"version": 2, "items": [...]}, ids prefixed "wide123-".
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402

ID_PREFIX = "wide123-"
DEFAULT_OUT = HERE / "data" / "wide123.json"
TMP = Path("/tmp/hm-corpus-wide123")
TOOLS = Path("/tmp/hm-corpus-wide123-tools")
VENV = TOOLS / "venv"
# torch's CPU wheel (the registry's default one pulls CUDA); the rest from the registry
PY_TOOLS = ["torch", "torchinfo", "tensorboard", "mlflow", "catboost", "xgboost", "lightgbm", "optuna",
            "scikit-learn", "pandas"]

MIN_CHARS, MAX_CHARS = 400, 120_000


def ensure_tools() -> None:
    """One venv holding the round's libraries (torch from PyTorch's CPU index), made once."""
    if not (VENV / "bin" / "mlflow").exists():
        local = sorted(Path("/opt/wheels").glob("torch-*+cpu-*.whl"))  # this machine's wheel dir holds the CPU one
        torch = str(local[-1]) if local else "--extra-index-url https://download.pytorch.org/whl/cpu torch"
        cm.run(f"python3 -m venv {VENV} && {VENV}/bin/pip install -q {torch} " + " ".join(PY_TOOLS[1:]), timeout=2400)
    cm.PATH_PREFIX[:0] = [str(VENV / "bin")]


_SIZED = cm.Sized(MIN_CHARS, MAX_CHARS)
add, cap = _SIZED.add, _SIZED.cap


def steps() -> list:
    import capture_wide123_torch as torch_steps  # training logs, anomaly, shape errors, profiler, torchinfo, TB
    import capture_wide123_track as track  # mlflow, catboost, gbm cv, optuna
    return torch_steps.STEPS + track.STEPS


def main() -> None:
    cm.capture_round(__doc__, ensure_tools, steps, ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 8_000, 60_000))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide123", sys.modules["__main__"])
    main()
