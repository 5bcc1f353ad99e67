"""Logging goes to a file: the agent's TUI owns the terminal. The file is rotated (a gateway runs for
months; a flood of errors must not fill the disk) and every generation is 0600."""

from __future__ import annotations

import logging
import logging.handlers
import os
from pathlib import Path

LOG_MAX_BYTES = 10 << 20  # proxy.log is rotated beyond this size…
LOG_BACKUPS = 3  # …into proxy.log.1 … proxy.log.3; older ones are deleted


class _PrivateRotatingHandler(logging.handlers.RotatingFileHandler):
    def _open(self):  # type: ignore[override]
        # Each new generation is created 0600, like the first (the log may name hosts and paths).
        fd = os.open(self.baseFilename, os.O_WRONLY | os.O_CREAT | os.O_APPEND | os.O_CLOEXEC, 0o600)
        return os.fdopen(fd, "a", encoding=self.encoding, errors=self.errors)


def log_to_file(path: Path, level: int = logging.INFO, max_bytes: int = LOG_MAX_BYTES, backups: int = LOG_BACKUPS) -> None:
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    handler = _PrivateRotatingHandler(path, maxBytes=max_bytes, backupCount=backups, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    for old in list(root.handlers):
        root.removeHandler(old)
    # A configured handler also keeps Python's last-resort stderr printer quiet.
    root.addHandler(handler)
    root.setLevel(level)
