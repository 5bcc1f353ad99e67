"""Where headroom-mitm keeps its state: logs, records, the originals store, the optional persistent CA."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Mapping

STATE_DIR_ENV = "HEADROOM_MITM_STATE_DIR"


def default_state_dir(env: Mapping[str, str]) -> Path:
    if env.get(STATE_DIR_ENV):
        return Path(env[STATE_DIR_ENV]).expanduser()
    data_home = env.get("XDG_DATA_HOME") or str(Path(env.get("HOME") or Path.home()) / ".local" / "share")
    return Path(data_home).expanduser() / "headroom-mitm"


@dataclass(frozen=True)
class StateDir:
    root: Path

    def ensure(self) -> "StateDir":
        self.root.mkdir(mode=0o700, parents=True, exist_ok=True)
        for sub in (self.logs, self.records_dir):
            sub.mkdir(mode=0o700, exist_ok=True)
        return self

    @property
    def logs(self) -> Path:
        return self.root / "logs"

    @property
    def proxy_log(self) -> Path:
        return self.logs / "proxy.log"

    @property
    def persistent_ca(self) -> Path:
        return self.root / "ca"

    @property
    def spare_cas(self) -> Path:
        """Session CAs made one session ahead (headroom_certs.session): private, each used once."""
        return self.root / "spare-session-cas"

    @property
    def records_dir(self) -> Path:
        return self.root / "records"

    @property
    def flows_jsonl(self) -> Path:
        return self.records_dir / "flows.jsonl"

    @property
    def audit_jsonl(self) -> Path:
        return self.records_dir / "audit.jsonl"

    @property
    def originals_db(self) -> Path:
        return self.root / "originals.sqlite"
