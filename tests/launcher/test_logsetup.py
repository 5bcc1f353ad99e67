"""proxy.log is rotated and every generation stays private (#12 item 9)."""

from __future__ import annotations

import logging
import stat

from headroom_mitm.launcher.logsetup import LOG_BACKUPS, LOG_MAX_BYTES, log_to_file


def test_proxy_log_is_rotated_and_private(tmp_path):
    root = logging.getLogger()
    saved = (list(root.handlers), root.level)
    path = tmp_path / "logs" / "proxy.log"
    try:
        log_to_file(path, max_bytes=2000, backups=2)
        for n in range(200):
            logging.getLogger("headroom_mitm.test").error("audit record lost %04d: no space left on device", n)
        for handler in root.handlers:
            handler.close()
    finally:
        root.handlers[:] = saved[0]
        root.setLevel(saved[1])
    files = sorted(p.name for p in path.parent.iterdir())
    assert files == ["proxy.log", "proxy.log.1", "proxy.log.2"]  # bounded: older generations deleted
    for p in path.parent.iterdir():
        assert p.stat().st_size <= 2000 and stat.S_IMODE(p.stat().st_mode) == 0o600
    assert "0199" in path.read_text()
    assert LOG_MAX_BYTES >= 1 << 20 and LOG_BACKUPS >= 1
