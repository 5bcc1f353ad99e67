"""Per-session trust material: a throwaway CA and the bundle an agent is told to trust.

The default CA lives only as long as one launcher session, in a private temp directory that is
removed on every normal exit path. A launcher killed with SIGKILL cannot clean up after itself, so
each new session sweeps the directories of sessions whose process is gone.

Spare CAs, made one session ahead (`SessionCa(spares=DIR)`). Making a CA costs ~0.04 s of CPU before
the agent can start (importing cryptography, then the key and the signature). Instead, once a session's agent runs, the launcher makes the *next* session's CA in the
background and keeps it in a private directory of the state dir (0700, files 0600). The next session
takes it and copies it into its own private temp dir, which is deleted when that session ends, as
before. Each CA still serves exactly one session:

- taking is a rename to a name of this process's (atomic: two launchers never take the same spare),
  and the spare is deleted once copied;
- what is taken is checked without parsing the certificate: a directory of ours (not a symlink, no
  access for others), the key and certificate files regular, ours and 0600, and a stamp, written when
  the CA was made, saying when the certificate expires: at least SESSION_VALIDITY must be left. A spare
  is made valid for SESSION_VALIDITY + SHELF_LIFE, so a session's CA is valid for two to three days;
- anything else (none there, expired, wrong permissions, a half-written one) is deleted and the session
  makes its CA the old way. Half-made or half-taken spares of launchers that no longer run are swept.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import re
import shutil
import stat
import tempfile
import time
from collections.abc import Mapping
from pathlib import Path
from types import TracebackType

from .ca import CA_CERT_ONLY, CA_KEY_AND_CERT, SESSION_VALIDITY, CaFiles, create_ca, generate_ca, write_ca, write_private
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


# -- spare CAs ----------------------------------------------------------------------------------------

SHELF_LIFE = dt.timedelta(days=1)  # how long a spare may wait for a session
STAMP = "not-after"  # the certificate's expiry, in Unix seconds
KEEP = 1  # spares kept ready (a second launcher running at once makes its own)
_SPARE = "spare-"
_BUSY = re.compile(r"^(?:making|taking)-(\d+)-")  # a spare being made or taken by process N


def _private_dir(path: Path) -> bool:
    try:
        info = os.lstat(path)
    except OSError:
        return False
    return stat.S_ISDIR(info.st_mode) and info.st_uid == os.getuid() and not info.st_mode & 0o077


def _private_file(path: Path) -> bool:
    try:
        info = os.lstat(path)
    except OSError:
        return False
    return stat.S_ISREG(info.st_mode) and info.st_uid == os.getuid() and stat.S_IMODE(info.st_mode) == 0o600


def _usable(directory: Path, now: float) -> bool:
    """A complete spare of ours, private, with at least SESSION_VALIDITY left (by its stamp)."""
    if not _private_dir(directory):
        return False
    if not all(_private_file(directory / name) for name in (CA_KEY_AND_CERT, CA_CERT_ONLY, STAMP)):
        return False
    try:
        not_after = int((directory / STAMP).read_text(encoding="ascii").strip())
    except (OSError, ValueError):
        return False
    return not_after - now >= SESSION_VALIDITY.total_seconds()


def _entries(spares: Path) -> list[Path]:
    if not _private_dir(spares):
        return []
    try:
        return sorted(spares.iterdir())
    except OSError:
        return []


def _discard(path: Path) -> None:
    if path.is_symlink() or not path.is_dir():
        path.unlink(missing_ok=True)  # never followed
    else:
        shutil.rmtree(path, ignore_errors=True)


def sweep_spares(spares: Path) -> None:
    """Remove what launchers that no longer run left half made or half taken, and expired spares."""
    now = time.time()
    for entry in _entries(spares):
        busy = _BUSY.match(entry.name)
        if (busy and not _pid_alive(int(busy.group(1)))) or (entry.name.startswith(_SPARE) and not _usable(entry, now)):
            _discard(entry)


def take_spare(spares: Path, destination: Path) -> bool:
    """Move a usable spare CA's files into `destination` (created 0700, files 0600); False when there
    is none (the caller makes a CA itself)."""
    now = time.time()
    for entry in _entries(spares):
        if not entry.name.startswith(_SPARE):
            continue
        taken = spares / f"taking-{os.getpid()}-{os.urandom(4).hex()}"
        try:
            os.rename(entry, taken)
        except OSError:
            continue  # another launcher took it first
        try:
            if _usable(taken, now):
                _copy_private(taken, destination)
                return True
        finally:
            _discard(taken)
    return False


def _copy_private(source: Path, destination: Path) -> None:
    destination.mkdir(mode=0o700, parents=True, exist_ok=True)
    os.chmod(destination, 0o700)
    for name in (CA_KEY_AND_CERT, CA_CERT_ONLY):
        write_private(destination / name, (source / name).read_bytes())


def spares_ready(spares: Path) -> int:
    return sum(1 for entry in _entries(spares) if entry.name.startswith(_SPARE))


def make_spare(spares: Path, *, now: dt.datetime | None = None) -> Path | None:
    """Make one spare session CA (unless KEEP are ready); returns its directory. Imports cryptography."""
    spares.mkdir(mode=0o700, parents=True, exist_ok=True)
    if not _private_dir(spares) or spares_ready(spares) >= KEEP:
        return None
    token = os.urandom(8).hex()  # a unique name (os.urandom: `secrets` costs ~5 ms to import)
    making = spares / f"making-{os.getpid()}-{token}"
    try:
        key, cert = generate_ca("headroom-mitm session CA", SESSION_VALIDITY + SHELF_LIFE, now=now)
        files: CaFiles = write_ca(making, key, cert)
        write_private(making / STAMP, f"{int(cert.not_valid_after_utc.timestamp())}\n".encode("ascii"))
        ready = spares / f"{_SPARE}{token}"
        os.rename(files.directory, ready)  # complete before it can be taken
        return ready
    except BaseException:
        shutil.rmtree(making, ignore_errors=True)
        raise


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
    """A fresh CA in a private temp dir for one launcher session (a context manager). With `spares`,
    a CA made ahead is taken from that directory when one is usable (see the module's docstring)."""

    def __init__(self, parent: Path | None = None, *, spares: Path | None = None) -> None:
        self._parent = parent or Path(tempfile.gettempdir())
        self._spares = spares
        self.directory: Path | None = None
        self.from_spare = False

    def __enter__(self) -> "SessionCa":
        sweep_stale_session_dirs(self._parent)
        # mkdtemp creates the directory 0700.
        self.directory = Path(tempfile.mkdtemp(prefix=f"{_PREFIX}{os.getpid()}-", dir=self._parent))
        try:
            if self._spares is not None:
                sweep_spares(self._spares)
                self.from_spare = take_spare(self._spares, self.directory / "ca")
            if not self.from_spare:
                create_ca(self.directory / "ca", "headroom-mitm session CA", SESSION_VALIDITY)
        except BaseException:
            self.close()
            raise
        return self

    def make_spare(self) -> None:
        """Make the next session's CA, once this session's agent runs (it imports cryptography)."""
        if self._spares is not None:
            make_spare(self._spares)

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
