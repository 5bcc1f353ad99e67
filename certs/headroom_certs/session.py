"""Per-session trust material: a throwaway CA and the bundle an agent is told to trust.

The default CA lives only as long as one launcher session, in a private temp directory that is
removed on every normal exit path. A launcher killed with SIGKILL cannot clean up after itself, so
each new session sweeps the directories of sessions whose process is gone.
"""

from __future__ import annotations

import logging
import os
import re
import shutil
import tempfile
from collections.abc import Mapping
from pathlib import Path
from types import TracebackType

from .ca import SESSION_VALIDITY, CaFiles, create_ca
from .roots import find_roots, write_trust_bundle

log = logging.getLogger(__name__)

_PREFIX = "headroom-mitm-"
_DIR_PATTERN = re.compile(rf"^{_PREFIX}(\d+)-")
BUNDLE_NAME = "agent-ca-bundle.pem"
TRUST_BUNDLE_NAME = "trust-bundle.pem"


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # someone else's process: alive, and not ours to judge
    return True


def sweep_stale_session_dirs(parent: Path) -> list[Path]:
    """Remove session directories of ours whose launcher process no longer exists."""
    removed: list[Path] = []
    try:
        entries = list(parent.iterdir())
    except OSError:
        return removed
    uid = os.getuid()
    for entry in entries:
        match = _DIR_PATTERN.match(entry.name)
        if not match or not entry.is_dir() or entry.is_symlink():
            continue
        try:
            if entry.stat().st_uid != uid:
                continue
        except OSError:
            continue
        if not _pid_alive(int(match.group(1))):
            shutil.rmtree(entry, ignore_errors=True)
            removed.append(entry)
    return removed


def build_bundle(destination: Path, our_ca_cert: Path, existing: str | None) -> list[str]:
    """Write our CA after the user's own NODE_EXTRA_CA_CERTS file (merged, never replaced).

    Returns warnings for the caller to show; an unreadable user file must not stop the launch.
    """
    warnings: list[str] = []
    parts: list[bytes] = []
    if existing:
        try:
            data = Path(existing).read_bytes()
        except OSError as exc:
            warnings.append(f"NODE_EXTRA_CA_CERTS={existing} could not be read ({exc.strerror}); using only the headroom-mitm CA")
        else:
            parts.append(data if data.endswith(b"\n") else data + b"\n")
    parts.append(our_ca_cert.read_bytes())
    fd = os.open(destination, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "wb") as out:
        out.write(b"".join(parts))
    return warnings


class SessionCa:
    """A fresh CA in a private temp dir for one launcher session (a context manager)."""

    def __init__(self, parent: Path | None = None) -> None:
        self._parent = parent or Path(tempfile.gettempdir())
        self.directory: Path | None = None

    def __enter__(self) -> "SessionCa":
        sweep_stale_session_dirs(self._parent)
        # mkdtemp creates the directory 0700.
        self.directory = Path(tempfile.mkdtemp(prefix=f"{_PREFIX}{os.getpid()}-", dir=self._parent))
        create_ca(self.directory / "ca", "headroom-mitm session CA", SESSION_VALIDITY)
        return self

    @property
    def files(self) -> CaFiles:
        assert self.directory is not None, "SessionCa used outside its with-block"
        return CaFiles(self.directory / "ca")

    def bundle(self, existing: str | None) -> tuple[Path, list[str]]:
        assert self.directory is not None, "SessionCa used outside its with-block"
        path = self.directory / BUNDLE_NAME
        return path, build_bundle(path, self.files.cert, existing)

    def trust_bundle(self, env: Mapping[str, str]) -> tuple[Path, list[str]]:
        """The roots the child would have trusted anyway (see roots.find_roots) + this session's CA."""
        assert self.directory is not None, "SessionCa used outside its with-block"
        roots, warnings = find_roots(env)
        return write_trust_bundle(self.directory / TRUST_BUNDLE_NAME, roots.path, self.files.cert), warnings

    def close(self) -> None:
        if self.directory is not None:
            shutil.rmtree(self.directory, ignore_errors=True)
            self.directory = None

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()
