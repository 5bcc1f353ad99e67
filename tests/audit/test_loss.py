"""Nothing lost in silence: a full disk, a cut-off tail and the head anchor (#12, item 4)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import pytest

from headroom_mitm.audit.head import SLOT, head_path, read_head
from headroom_mitm.audit.record import AuditError, AuditRecord
from headroom_mitm.audit.trail import AuditWriter, chain_files
from headroom_mitm.audit.verify import main, verify
from headroom_mitm.rotation import rotated_files


def record(n: int) -> AuditRecord:
    return AuditRecord(time=datetime(2026, 1, 1, tzinfo=timezone.utc), host=f"h{n}.test", port=443,
                       decision="allow", kind="tunnel", flow_class="other")


FULL_DISK_CHILD = textwrap.dedent(
    """
    import resource, signal, sys
    from datetime import datetime, timezone
    from headroom_mitm.audit.record import AuditError, AuditRecord
    from headroom_mitm.audit.trail import AuditWriter

    path, limit, count = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    writer = AuditWriter(path)  # opens the trail and allocates the head anchor while there is room
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # past the limit write(2) fails with EFBIG instead
    resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
    failed = 0
    for n in range(count):
        rec = AuditRecord(time=datetime(2026, 1, 1, tzinfo=timezone.utc), host=f"h{n}.test", port=443,
                          decision="allow", kind="tunnel", flow_class="other")
        try:
            writer.write(rec)
        except AuditError:
            failed += 1
    print(failed, writer.lost_total)
    """
)


def test_full_disk_losses_are_counted_anchored_and_stated_by_the_next_line(tmp_path: Path) -> None:
    path = tmp_path / "audit.jsonl"
    done = subprocess.run([sys.executable, "-c", FULL_DISK_CHILD, str(path), "3000", "30"],
                          capture_output=True, text=True, timeout=60, check=True)
    failed, counted = map(int, done.stdout.split())
    # A write cut short leaves a torn tail and the next line starts a new file (RLIMIT_FSIZE is per
    # file, so that one has room again); a write that left nothing never rotates.
    files = chain_files(path)
    written = sum(f.read_bytes().count(b"\n") for f in files)
    assert failed == counted > 0 and written + failed == 30 and written > 0
    assert all(f.stat().st_size > 0 for f in files) and len(rotated_files(path)) < failed
    head = read_head(head_path(path))
    assert head is not None and head.seq == written and head.lost > 0  # the last losses: only the anchor knows
    pending = head.lost
    result = verify(chain_files(path), head=head)
    assert not result.ok and result.lost == failed and result.records == written  # never "OK: 9 records"
    # Room again: the next line carries the count, the anchor no longer needs to.
    with AuditWriter(path) as writer:
        writer.write(record(99))
    last = json.loads(path.read_bytes().splitlines()[-1])
    assert last["lost"] == pending and last["seq"] == written + 1
    head = read_head(head_path(path))
    assert head is not None and head.lost == 0
    result = verify(chain_files(path), head=head)
    assert result.lost == failed and not result.ok


def test_a_failed_write_that_left_nothing_never_rotates(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "audit.jsonl"
    real = os.write

    def full(fd: int, data: Any) -> int:
        if fd == writer._file._fd:
            raise OSError(28, "No space left on device")
        return real(fd, data)

    writer = AuditWriter(path, max_bytes=400)
    writer.write(record(0))
    monkeypatch.setattr(os, "write", full)
    for n in range(5):
        with pytest.raises(AuditError):
            writer.write(record(n))
    monkeypatch.undo()
    writer.write(record(9))
    writer.close()
    files = chain_files(path)
    assert all(f.stat().st_size > 0 for f in files) and len(files) <= 2


def test_cut_off_tail_is_counted_and_refused_on_resume(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "audit.jsonl"
    with AuditWriter(path) as writer:
        for n in range(5):
            writer.write(record(n))
    lines = path.read_bytes().splitlines(keepends=True)
    path.write_bytes(b"".join(lines[:3]))  # the last two records cut off: the chain alone still holds
    assert verify(chain_files(path)).ok
    result = verify(chain_files(path), head=read_head(head_path(path)))
    assert not result.ok and result.missing == 2
    assert main(["verify", str(path)]) == 1
    assert "2 record(s) missing at the tail" in capsys.readouterr().out
    with pytest.raises(AuditError, match="missing at the tail"):
        AuditWriter(path)


def test_replaced_last_record_and_forged_or_torn_slots(tmp_path: Path) -> None:
    path = tmp_path / "audit.jsonl"
    with AuditWriter(path, hmac_key=b"k") as writer:
        for n in range(3):
            writer.write(record(n))
    head = read_head(head_path(path), b"k")
    assert head is not None and head.seq == 3
    assert read_head(head_path(path), b"other key") is None  # a slot cannot be forged without the key
    data = bytearray(head_path(path).read_bytes())
    newer = (head.n % 2) * SLOT
    data[newer + 20] ^= 0x01  # a torn or edited newest slot: the other one still answers
    head_path(path).write_bytes(bytes(data))
    older = read_head(head_path(path), b"k")
    assert older is not None and older.seq == 2
    result = verify(chain_files(path), hmac_key=b"k", head=head)
    assert result.ok
    lines = path.read_bytes().splitlines(keepends=True)
    path.write_bytes(b"".join(lines[:2]))
    with AuditWriter(path, hmac_key=b"k") as writer:  # the anchor (seq 2 after the torn slot) allows a resume…
        pass
    assert not verify(chain_files(path), hmac_key=b"k", head=head).ok  # …but the real head (seq 3) says one is gone
