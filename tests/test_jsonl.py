"""The one append-only JSONL writer (#14): size in memory, no stat per line, serialized once."""

from __future__ import annotations

import dataclasses
import json
import os
from datetime import datetime, timezone

import pytest

from headroom_mitm.audit.record import AuditRecord
from headroom_mitm.audit.trail import AuditWriter, chain_files
from headroom_mitm.audit.verify import verify
from headroom_mitm.jsonl import AppendOnlyFile
from headroom_mitm.meter.records import FlowRecord, RecordWriter, read_records


def audit_record(n: int) -> AuditRecord:
    return AuditRecord(time=datetime(2026, 1, 1, tzinfo=timezone.utc), host=f"h{n}.test", port=443,
                       decision="allow", kind="tunnel", flow_class="other")


class Calls:
    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.counts = {"stat": 0, "fstat": 0, "encode": 0}
        for name in ("stat", "fstat"):
            real = getattr(os, name)
            monkeypatch.setattr(os, name, self._counting(name, real))
        # Every serialization, by json.dumps or by a kept encoder, is one JSONEncoder.encode.
        monkeypatch.setattr(json.JSONEncoder, "encode", self._counting("encode", json.JSONEncoder.encode))

    def _counting(self, name, real):
        def call(*args, **kwargs):
            self.counts[name] += 1
            return real(*args, **kwargs)
        return call


@pytest.mark.parametrize("fmt", ["native", "ocsf"])
def test_the_audit_trail_costs_no_stat_and_one_serialization_per_line(tmp_path, monkeypatch, fmt):
    assert dataclasses.is_dataclass(AuditRecord)  # plain data: no validation pass per record
    path = tmp_path / "audit.jsonl"
    writer = AuditWriter(path, max_bytes=4000 if fmt == "native" else 9000, fmt=fmt)  # a few rotations
    calls = Calls(monkeypatch)
    for n in range(50):
        writer.write(audit_record(n))
    rotations = len(chain_files(path)) - 1
    monkeypatch.undo()
    writer.close()
    assert rotations >= 3
    assert calls.counts["encode"] <= 50 + rotations  # was two per line (the hash's form, then the line)
    assert verify(chain_files(path)).ok
    # Between rotations the size is tracked in memory: not one stat or fstat per line (there were three).
    writer = AuditWriter(tmp_path / "b.jsonl", max_bytes=None, fmt=fmt)
    calls = Calls(monkeypatch)
    for n in range(50):
        writer.write(audit_record(n))
    monkeypatch.undo()
    writer.close()
    assert calls.counts["stat"] == calls.counts["fstat"] == 0


def test_flow_records_are_plain_data_serialized_once_with_one_fstat(tmp_path, monkeypatch):
    assert dataclasses.is_dataclass(FlowRecord)
    path = tmp_path / "flows.jsonl"
    writer = RecordWriter(path, max_bytes=None)
    records = [FlowRecord(host="h", model=f"m{n}", session="ses_1") for n in range(20)]
    calls = Calls(monkeypatch)
    for record in records:
        assert writer.write(record)
    monkeypatch.undo()
    writer.close()
    assert calls.counts["encode"] == 20 and calls.counts["stat"] <= 1  # (the directory, at the first open)
    assert calls.counts["fstat"] <= 20 + 1  # a shared file: its size and identity, once per line
    assert [r.model for r in read_records(path)] == [f"m{n}" for n in range(20)]


def test_one_module_writes_both_files():
    import headroom_mitm.audit.trail as trail
    import headroom_mitm.meter.records as records

    assert trail.AppendOnlyFile is records.AppendOnlyFile is AppendOnlyFile
    assert not hasattr(records, "_flocked") and not hasattr(records, "_same_file")
