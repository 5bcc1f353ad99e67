"""Logging goes to a file: the agent's TUI owns the terminal."""

from __future__ import annotations

import logging
import os
from pathlib import Path


def log_to_file(path: Path, level: int = logging.INFO) -> None:
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
    os.close(fd)
    handler = logging.FileHandler(path, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    for old in list(root.handlers):
        root.removeHandler(old)
    # A configured handler also keeps Python's last-resort stderr printer quiet.
    root.addHandler(handler)
    root.setLevel(level)
