from __future__ import annotations

import json
import os
import re
import signal
import stat
import subprocess
import sys
import threading
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import tempfile

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from headroom_mitm.rotation import rotated_files
from headroom_mitm.audit.trail import GENESIS, AuditWriter, chain_files, line_hash
from tests.support import reference_seal as seal
from headroom_mitm.audit.record import AuditError, AuditRecord, to_ocsf
from headroom_mitm.audit.verify import main, verify

DOCS = Path(__file__).resolve().parents[2] / "docs" / "audit.md"
T0 = datetime(2025, 3, 1, 12, 0, 0, 123000, tzinfo=timezone.utc)


def record(i: int = 0, **overrides: Any) -> AuditRecord:
    fields: dict[str, Any] = dict(
        time=T0 + timedelta(seconds=i),
        client_ip="127.0.0.1",
        client_port=50000 + i,
        session="ses_abc",
        host="api.anthropic.com",
        port=443,
        sni="api.anthropic.com",
        flow_class="llm",
        provider="anthropic",
        model="claude-sonnet-4",
        method="POST",
        path=f"/v1/messages?beta=true&n={i}",
        status=200,
        bytes_up=1000 + i,
        bytes_down=2000 + i,
        duration_ms=1500,
        decision="allow",
        rule="llm-capped",
        key_fingerprint="sha256:0123456789ab",
        kind="request",
    )
    fields.update(overrides)
    return AuditRecord(**fields)


def write_n(path: Path, n: int, **kwargs: Any) -> None:
    with AuditWriter(path, **kwargs) as writer:
        for i in range(n):
            writer.write(record(i))


def lines_of(path: Path) -> list[bytes]:
    return path.read_bytes().splitlines(keepends=True)


def set_lines(path: Path, lines: list[bytes]) -> None:
    path.write_bytes(b"".join(lines))


def problems_at(result: Any, path: Path, line: int) -> list[str]:
    return [p for p in result.problems if p.startswith(f"{path}:{line}")]


# ---- the record ---------------------------------------------------------------------------------------


def test_record_serialises_iso_utc_and_alias() -> None:
    rec = record(time=datetime(2025, 3, 1, 13, 0, 0, tzinfo=timezone(timedelta(hours=1))))
    native = rec.to_native()
    assert native["time"] == "2025-03-01T12:00:00.000Z"
    assert native["class"] == "llm" and "flow_class" not in native
    back = {("flow_class" if k == "class" else k): v for k, v in native.items() if k != "v"}
    back["time"] = datetime.fromisoformat(back["time"])
    assert AuditRecord(**back) == rec  # round trip through the JSON shape


def test_record_refuses_secrets_and_naive_time() -> None:
    rec = record(path="/v1beta/models/g:generateContent?key=AIzaSECRETSECRET&alt=sse")
    assert rec.path is not None and "AIzaSECRET" not in rec.path
    with pytest.raises(ValueError, match="key_fingerprint"):
        record(key_fingerprint="sk-ant-api03-a-real-key")
    with pytest.raises(ValueError, match="timezone"):
        record(time=datetime(2025, 1, 1))
    with pytest.raises(ValueError, match="decision"):
        record(decision="maybe")
    with pytest.raises(ValueError, match="≥ 0"):
        record(bytes_up=-1)
    with pytest.raises(TypeError):
        record(colour="red")  # unknown fields are refused, as before


# ---- writing and the chain ----------------------------------------------------------------------------


def test_write_then_verify(tmp_path: Path) -> None:
    path = tmp_path / "audit" / "audit.jsonl"
    write_n(path, 5)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    objs = [json.loads(line) for line in lines_of(path)]
    assert [o["seq"] for o in objs] == [1, 2, 3, 4, 5]
    assert objs[0]["prev"] == GENESIS
    for before, after in zip(objs, objs[1:]):
        assert after["prev"] == before["hash"]
    for o in objs:
        assert line_hash(o) == o["hash"]
    result = verify([path])
    assert (result.ok, result.records, result.problems) == (True, 5, [])
    assert result.last_seq == 5 and result.last_hash == objs[-1]["hash"]


def test_existing_loose_file_is_tightened_to_0600(tmp_path: Path) -> None:
    path = tmp_path / "audit.jsonl"
    path.touch(mode=0o644)
    os.chmod(path, 0o644)
    write_n(path, 1)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_detects_edit_and_says_where(tmp_path: Path) -> None:
    path = tmp_path / "audit.jsonl"
    write_n(path, 5)
    lines = lines_of(path)
    lines[2] = lines[2].replace(b'"decision":"allow"', b'"decision":"deny"')
    set_lines(path, lines)
    result = verify([path])
    assert not result.ok
    hits = problems_at(result, path, 3)
    assert hits and "seq 3" in hits[0] and "edited" in hits[0]
    assert result.records == 5  # everything else still checked


def test_detects_edit_with_recomputed_hash_at_the_next_record(tmp_path: Path) -> None:
    path = tmp_path / "audit.jsonl"
    write_n(path, 5)
    lines = lines_of(path)
    obj = json.loads(lines[2])
    obj["host"] = "innocent.example"
    obj["hash"] = line_hash(obj)  # a forger without an HMAC key can do this
    lines[2] = (json.dumps(obj, separators=(",", ":")) + "\n").encode()
    set_lines(path, lines)
    result = verify([path])
    assert not result.ok
    assert not problems_at(result, path, 3)
    hits = problems_at(result, path, 4)
    assert hits and "seq 4" in hits[0] and "prev does not match" in hits[0] and f"{path}:3" in hits[0]


def test_detects_removal(tmp_path: Path) -> None:
    path = tmp_path / "audit.jsonl"
    write_n(path, 5)
    lines = lines_of(path)
    del lines[2]
    set_lines(path, lines)
    result = verify([path])
    assert not result.ok
    text = " | ".join(problems_at(result, path, 3))
    assert "seq 4" in text and "1 record(s) missing" in text and "prev does not match" in text


def test_detects_insertion(tmp_path: Path) -> None:
    path = tmp_path / "audit.jsonl"
    write_n(path, 4)
    lines = lines_of(path)
    second = json.loads(lines[1])
    forged_payload = {k: v for k, v in second.items() if k not in ("seq", "prev", "hash")}
    forged_payload["host"] = "exfil.example"
    forged = seal(forged_payload, seq=3, prev=second["hash"])  # perfectly chained onto record 2
    lines.insert(2, (json.dumps(forged) + "\n").encode())
    set_lines(path, lines)
    result = verify([path])
    assert not result.ok
    assert not problems_at(result, path, 3)  # the forgery itself looks fine…
    hits = " | ".join(problems_at(result, path, 4))  # …but the genuine record 3 after it does not
    assert "seq 3 does not follow seq 3" in hits and "inserted" in hits


def test_detects_reorder(tmp_path: Path) -> None:
    path = tmp_path / "audit.jsonl"
    write_n(path, 5)
    lines = lines_of(path)
    lines[1], lines[2] = lines[2], lines[1]
    set_lines(path, lines)
    result = verify([path])
    assert not result.ok
    assert any("seq 3" in p for p in problems_at(result, path, 2))
    assert any("seq 2 does not follow" in p and "reordered" in p for p in problems_at(result, path, 3))
    assert not problems_at(result, path, 5)  # resynchronised: later records are not blamed


def test_detects_duplicate_keys_and_garbage(tmp_path: Path) -> None:
    path = tmp_path / "audit.jsonl"
    write_n(path, 3)
    lines = lines_of(path)
    lines[0] = b"{\"host\":\"x\"," + lines[0][1:]  # a second "host" key
    lines[1] = b"not json at all\n"
    set_lines(path, lines)
    result = verify([path])
    assert any("duplicate key 'host'" in p for p in problems_at(result, path, 1))
    assert any("not a chained audit record" in p for p in problems_at(result, path, 2))


def test_torn_tail_is_a_note_and_the_rest_is_verified(tmp_path: Path) -> None:
    path = tmp_path / "audit.jsonl"
    write_n(path, 4)
    with open(path, "ab") as fh:
        fh.write(b'{"seq":5,"v":1,"time":"2025-')
    result = verify([path])
    assert result.ok and result.records == 4
    assert any(n.startswith(f"{path}:5: incomplete tail") for n in result.notes)
    # …and an edit before the torn tail is still caught
    lines = lines_of(path)
    lines[0] = lines[0].replace(b"api.anthropic.com", b"api.anthrop1c.com", 1)
    set_lines(path, lines)
    result = verify([path])
    assert not result.ok and problems_at(result, path, 1)


@settings(max_examples=150, deadline=None)
@given(where=st.floats(min_value=0, max_value=1, exclude_max=True), new=st.integers(min_value=0, max_value=255))
def test_any_single_byte_change_is_detected(where: float, new: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "audit.jsonl"
        write_n(path, 4)
        data = bytearray(path.read_bytes())
        pos = int(where * (len(data) - 1))  # never the final newline: cutting the tail is undetectable
        if data[pos] == new:
            new = (new + 1) % 256
        data[pos] = new
        path.write_bytes(bytes(data))
        assert not verify([path]).ok


def test_fsync_per_record_when_asked(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[int] = []
    real = os.fsync

    def counting_fsync(fd: int) -> None:
        calls.append(fd)
        real(fd)

    monkeypatch.setattr(os, "fsync", counting_fsync)
    write_n(tmp_path / "a.jsonl", 3)
    assert calls == []
    write_n(tmp_path / "b.jsonl", 3, fsync=True)
    assert len(calls) == 3


def test_failed_write_leaves_a_tail_and_the_next_write_moves_on(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "audit.jsonl"
    real_write = os.write
    fail = {"armed": False}

    def flaky_write(fd: int, data: Any) -> int:
        if fail["armed"]:
            fail["armed"] = False
            real_write(fd, bytes(data)[:20])  # part of the line reaches the file…
            raise OSError(28, "No space left on device")  # …then the disk fills up
        return real_write(fd, data)

    monkeypatch.setattr(os, "write", flaky_write)
    with AuditWriter(path) as writer:
        writer.write(record(0))
        fail["armed"] = True
        with pytest.raises(AuditError, match="record 2 not written"):
            writer.write(record(1))
        assert writer.write(record(2)) == 2  # same seq: the chain stays whole…
    rotated = rotated_files(path)
    assert len(rotated) == 1
    first = json.loads(lines_of(path)[0])
    assert first["prev_file"] == rotated[0].name and first["lost"] == 1  # …and the line says what it lacks
    result = verify(chain_files(path))
    assert not result.ok and result.lost == 1 and len(result.problems) == 1, result.problems
    assert result.records == 2 and any("incomplete tail" in n for n in result.notes)


# ---- restart ------------------------------------------------------------------------------------------


def test_resume_after_restart_continues_the_chain(tmp_path: Path) -> None:
    path = tmp_path / "audit.jsonl"
    write_n(path, 3)
    with AuditWriter(path) as writer:
        assert writer.last[0] == 3
        assert writer.write(record(10)) == 4
    write_n(path, 1)
    objs = [json.loads(line) for line in lines_of(path)]
    assert [o["seq"] for o in objs] == [1, 2, 3, 4, 5]
    assert rotated_files(path) == []
    assert verify([path]).ok


def test_resume_after_crash_with_torn_tail(tmp_path: Path) -> None:
    path = tmp_path / "audit.jsonl"
    write_n(path, 3)
    with open(path, "ab") as fh:
        fh.write(b'{"seq":4,"tim')
    torn_bytes = path.read_bytes()
    write_n(path, 2)
    rotated = rotated_files(path)
    assert len(rotated) == 1 and rotated[0].read_bytes() == torn_bytes  # evidence left untouched
    first = json.loads(lines_of(path)[0])
    assert first["seq"] == 4 and first["prev_file"] == rotated[0].name
    result = verify(chain_files(path))
    assert result.ok, result.problems
    assert result.records == 5
    assert any("incomplete tail" in n for n in result.notes)


def test_resume_from_rotated_file_when_active_is_missing(tmp_path: Path) -> None:
    path = tmp_path / "audit.jsonl"
    write_n(path, 3)
    path.rename(path.with_name(path.name + ".20250101T000000.000000Z"))
    write_n(path, 1)
    first = json.loads(lines_of(path)[0])
    assert first["seq"] == 4 and first["prev_file"] == "audit.jsonl.20250101T000000.000000Z"
    assert verify(chain_files(path)).ok


def test_resume_refuses_a_corrupt_last_line(tmp_path: Path) -> None:
    path = tmp_path / "audit.jsonl"
    write_n(path, 2)
    with open(path, "ab") as fh:
        fh.write(b"this is not a record\n")
    with pytest.raises(AuditError, match="not a chained audit record"):
        AuditWriter(path)
    # the failed start released its process lock
    with pytest.raises(AuditError):
        AuditWriter(path)


def test_one_writer_per_file(tmp_path: Path) -> None:
    path = tmp_path / "audit.jsonl"
    with AuditWriter(path):
        with pytest.raises(AuditError, match="another process"):
            AuditWriter(path)
    AuditWriter(path).close()  # released on close


CHILD = """
import sys
from datetime import datetime, timezone
from headroom_mitm.audit.trail import AuditRecord, AuditWriter
w = AuditWriter(sys.argv[1], max_bytes=4096)
rec = AuditRecord(time=datetime.now(timezone.utc), host="h.example", port=443, flow_class="other",
                  decision="allow", kind="tunnel", bytes_up=1, bytes_down=2)
while True:
    print(w.write(rec), flush=True)
"""


@pytest.mark.timeout(60)
def test_sigkill_loses_no_written_record(tmp_path: Path) -> None:
    path = tmp_path / "audit.jsonl"
    proc = subprocess.Popen([sys.executable, "-c", CHILD, str(path)], stdout=subprocess.PIPE, text=True)
    assert proc.stdout is not None
    acknowledged = 0
    try:
        while acknowledged < 300:
            line = proc.stdout.readline()
            assert line, "child died early"
            acknowledged = int(line)
    finally:
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=30)
    assert proc.returncode == -signal.SIGKILL
    result = verify(chain_files(path))
    assert result.ok, result.problems
    assert result.records >= acknowledged  # every record write() returned for is on disk
    assert len(chain_files(path)) > 1  # and it survived rotations on the way


# ---- rotation -----------------------------------------------------------------------------------------


def test_rotation_keeps_the_chain_across_files(tmp_path: Path) -> None:
    path = tmp_path / "audit.jsonl"
    write_n(path, 30, max_bytes=2000)
    files = chain_files(path)
    assert len(files) >= 4
    for f in files:
        assert f.stat().st_size <= 2000
        assert stat.S_IMODE(f.stat().st_mode) == 0o600
    for before, after in zip(files, files[1:]):
        first = json.loads(lines_of(after)[0])
        last = json.loads(lines_of(before)[-1])
        assert first["prev_file"] == before.name and first["prev"] == last["hash"]
        assert first["seq"] == last["seq"] + 1
    result = verify(files)
    assert result.ok, result.problems
    assert result.records == 30

    # out of order: named precisely
    swapped = [files[1], files[0], *files[2:]]
    result = verify(swapped)
    assert not result.ok
    assert any(p.startswith(f"{files[1]}:1") and "does not follow the start" in p for p in result.problems)
    assert any(p.startswith(f"{files[0]}:1") and "reordered" in p for p in result.problems)
    assert any(p.startswith(f"{files[2]}:1") and "out of order" in p for p in result.problems)

    # a missing middle file
    result = verify([files[0], *files[2:]])
    assert not result.ok
    assert any(p.startswith(f"{files[2]}:1") and "missing" in p for p in result.problems)

    # only the newer files: refused unless anchored to what an earlier verification saw
    head = verify(files[:2])
    tail_only = verify(files[2:])
    assert not tail_only.ok and "does not follow the start of the chain" in tail_only.problems[0]
    anchored = verify(files[2:], anchor=head.last_hash)
    assert anchored.ok, anchored.problems


def test_rotated_file_names_sort_in_write_order(tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl"
    for name in ("a.jsonl.20250101T000000.000000Z-10", "a.jsonl.20250101T000000.000000Z-2",
                 "a.jsonl.20250101T000000.000000Z", "a.jsonl.lock", "a.jsonl.bak", "a.jsonl.19991231T235959.999999Z"):
        (tmp_path / name).touch()
    assert [p.name for p in rotated_files(path)] == [
        "a.jsonl.19991231T235959.999999Z",
        "a.jsonl.20250101T000000.000000Z",
        "a.jsonl.20250101T000000.000000Z-2",
        "a.jsonl.20250101T000000.000000Z-10",
    ]


def test_rotation_names_stay_in_order_when_the_clock_steps_back(tmp_path: Path) -> None:
    path = tmp_path / "audit.jsonl"
    write_n(path, 3)
    future = path.with_name(path.name + ".29991231T235959.999999Z")
    path.rename(future)  # as if the last rotation happened with a clock far ahead
    write_n(path, 6, max_bytes=1500)
    files = chain_files(path)
    assert files[0] == future and len(files) >= 3
    assert all(f.name.startswith("audit.jsonl.29991231T235959.999999Z") for f in files[:-1])
    result = verify(files)
    assert result.ok, result.problems


# ---- concurrency --------------------------------------------------------------------------------------


@pytest.mark.timeout(120)
@pytest.mark.parametrize("max_bytes", [None, 20_000])
def test_threads_writing_keep_the_chain(tmp_path: Path, max_bytes: int | None) -> None:
    path = tmp_path / "audit.jsonl"
    threads, per_thread = 8, 150
    seqs: list[int] = []
    seqs_lock = threading.Lock()
    barrier = threading.Barrier(threads)
    with AuditWriter(path, max_bytes=max_bytes) as writer:

        def work(t: int) -> None:
            barrier.wait()
            mine = [writer.write(record(t * 1000 + i)) for i in range(per_thread)]
            with seqs_lock:
                seqs.extend(mine)

        workers = [threading.Thread(target=work, args=(t,)) for t in range(threads)]
        for w in workers:
            w.start()
        for w in workers:
            w.join(timeout=60)
    total = threads * per_thread
    assert sorted(seqs) == list(range(1, total + 1))  # unique and gapless
    result = verify(chain_files(path))
    assert result.ok, result.problems[:5]
    assert result.records == total
    if max_bytes:
        assert len(chain_files(path)) > 1


# ---- keyed chain --------------------------------------------------------------------------------------


def test_hmac_chain(tmp_path: Path) -> None:
    path = tmp_path / "audit.jsonl"
    key = b"k" * 32
    write_n(path, 3, hmac_key=key)
    assert json.loads(lines_of(path)[0])["hash"].startswith("hmac-sha256:")
    assert verify([path], hmac_key=key).ok
    assert not verify([path], hmac_key=b"wrong").ok
    assert any("HMAC-keyed" in p for p in verify([path]).problems)
    # rewriting the whole file with plain hashes is caught when verifying with the key
    forged = tmp_path / "forged.jsonl"
    prev = GENESIS
    out = []
    for line in lines_of(path):
        obj = json.loads(line)
        payload = {k: v for k, v in obj.items() if k not in ("seq", "prev", "hash")}
        sealed = seal(payload, obj["seq"], prev)
        prev = sealed["hash"]
        out.append((json.dumps(sealed) + "\n").encode())
    set_lines(forged, out)
    assert verify([forged]).ok
    assert any("unkeyed record" in p for p in verify([forged], hmac_key=key).problems)


# ---- OCSF ---------------------------------------------------------------------------------------------

# Attributes of OCSF 1.3.0 HTTP Activity (class 4002, incl. the network and security_control
# attributes we use) that this writer claims to emit. Anything else at top level is a bug.
OCSF_TOP_LEVEL = {
    "activity_id", "activity_name", "category_uid", "category_name", "class_uid", "class_name",
    "type_uid", "type_name", "severity_id", "severity", "time", "start_time", "end_time", "duration",
    "status_id", "status", "status_detail", "action_id", "action", "disposition_id", "disposition",
    "message", "metadata", "src_endpoint", "dst_endpoint", "http_request", "http_response",
    "http_status", "traffic", "firewall_rule", "unmapped",
}
OCSF_REQUIRED = {"activity_id", "category_uid", "class_uid", "severity_id", "time", "type_uid", "metadata"}
OCSF_OBJECT_KEYS = {
    "metadata": {"version", "product", "profiles", "log_name", "sequence"},
    "src_endpoint": {"ip", "port", "hostname"},
    "dst_endpoint": {"ip", "port", "hostname"},
    "http_request": {"http_method", "url"},
    "http_response": {"code"},
    "traffic": {"bytes_in", "bytes_out", "bytes"},
    "firewall_rule": {"name"},
}


def check_ocsf(event: dict[str, Any]) -> None:
    assert OCSF_REQUIRED <= event.keys(), OCSF_REQUIRED - event.keys()
    assert event.keys() <= OCSF_TOP_LEVEL, event.keys() - OCSF_TOP_LEVEL
    assert (event["class_uid"], event["category_uid"]) == (4002, 4)
    assert event["activity_id"] in {0, 1, 2, 3, 4, 5, 6, 7, 8, 99}
    assert event["type_uid"] == 4002 * 100 + event["activity_id"]
    assert event["severity_id"] == 1
    for name in ("time", "start_time", "end_time", "duration"):
        assert isinstance(event[name], int)
    assert event["action_id"] in {1, 2} and event["disposition_id"] in {1, 2} and event["status_id"] in {1, 2}
    meta = event["metadata"]
    assert meta["version"] == "1.3.0"
    assert isinstance(meta["product"]["name"], str) and isinstance(meta["product"]["vendor_name"], str)
    assert "src_endpoint" in event or "dst_endpoint" in event  # network: at least one endpoint
    assert "http_request" in event or "http_response" in event  # http_activity: at least one
    for obj, allowed in OCSF_OBJECT_KEYS.items():
        if obj in event:
            assert event[obj].keys() <= allowed, (obj, event[obj].keys() - allowed)
    url = event["http_request"].get("url", {})
    assert url.keys() <= {"hostname", "port", "path", "query_string"}
    assert isinstance(event["http_request"]["http_method"], str)
    for key in ("bytes_in", "bytes_out", "bytes"):
        assert isinstance(event["traffic"][key], int)
    chain = event["unmapped"]["chain"]
    assert chain.keys() <= {"seq", "prev", "hash", "prev_file"}
    assert meta["sequence"] == chain["seq"]


def test_ocsf_mapping_of_a_request() -> None:
    event = to_ocsf(record(3, reason="allowed by rule llm-capped"))
    assert event["activity_id"] == 6 and event["type_name"] == "HTTP Activity: Post"
    assert event["time"] == int((T0 + timedelta(seconds=3)).timestamp() * 1000)
    assert event["end_time"] - event["start_time"] == event["duration"] == 1500
    assert event["http_request"]["url"] == {"hostname": "api.anthropic.com", "port": 443, "path": "/v1/messages", "query_string": "beta=true&n=3"}
    assert event["traffic"] == {"bytes_out": 1003, "bytes_in": 2003, "bytes": 3006}
    assert event["src_endpoint"] == {"ip": "127.0.0.1", "port": 50003}
    assert event["http_status"] == 200 and event["http_response"] == {"code": 200}
    assert (event["action_id"], event["disposition_id"], event["status_id"]) == (1, 1, 1)
    assert event["firewall_rule"] == {"name": "llm-capped"}
    assert event["unmapped"]["headroom"]["key_fingerprint"] == "sha256:0123456789ab"


def test_ocsf_mapping_of_a_denied_tunnel_and_odd_methods() -> None:
    event = to_ocsf(record(method=None, path=None, status=None, kind="tunnel", decision="deny", host="10.0.0.7", model=None))
    assert event["activity_id"] == 1 and event["http_request"]["http_method"] == "CONNECT"
    assert event["dst_endpoint"] == {"ip": "10.0.0.7", "port": 443}
    assert (event["action_id"], event["disposition_id"], event["status_id"]) == (2, 2, 2)
    assert "http_response" not in event and "http_status" not in event
    patch = to_ocsf(record(method="PATCH"))
    assert (patch["activity_id"], patch["activity_name"], patch["type_uid"]) == (99, "PATCH", 400299)
    assert to_ocsf(record(status=503))["status_id"] == 2


def test_ocsf_output_validates_and_chains(tmp_path: Path) -> None:
    path = tmp_path / "audit.ocsf.jsonl"
    with AuditWriter(path, fmt="ocsf", max_bytes=6000) as writer:
        for i in range(12):
            writer.write(record(i))
        writer.write(record(99, method=None, path=None, kind="tunnel", decision="deny", status=None))
    files = chain_files(path)
    assert len(files) > 1
    for f in files:
        for line in lines_of(f):
            check_ocsf(json.loads(line))
    assert verify(files).ok
    # tampering in OCSF form is caught the same way
    lines = lines_of(files[0])
    lines[1] = lines[1].replace(b'"http_status":200', b'"http_status":201')
    set_lines(files[0], lines)
    result = verify(files)
    assert not result.ok and problems_at(result, files[0], 2)


def _leaf_paths(obj: Any, prefix: str = "") -> set[str]:
    if isinstance(obj, dict):
        out: set[str] = set()
        for key, value in obj.items():
            out |= _leaf_paths(value, f"{prefix}.{key}" if prefix else key)
        return out
    return {prefix}


def test_docs_describe_every_emitted_field() -> None:
    doc = DOCS.read_text()
    documented = set(re.findall(r"`([A-Za-z_][A-Za-z0-9_.]*)`", doc))
    native = seal(record(reason="r").to_native(), 1, GENESIS, prev_file="x")
    missing_native = set(native) - documented
    assert not missing_native, missing_native
    tunnel = record(method=None, path=None, kind="tunnel", reason="r")
    emitted = _leaf_paths(seal(to_ocsf(record(reason="r")), 1, GENESIS, prev_file="x")) | _leaf_paths(to_ocsf(tunnel))
    missing_ocsf = emitted - documented
    assert not missing_ocsf, missing_ocsf


# ---- command line -------------------------------------------------------------------------------------


def test_main_verify(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "audit.jsonl"
    write_n(path, 20, max_bytes=3000)
    assert main(["verify", str(path)]) == 0  # the active file pulls in its rotated predecessors
    out = capsys.readouterr().out
    assert "OK: 20 records" in out
    first = chain_files(path)[0]
    lines = lines_of(first)
    lines[0] = lines[0].replace(b'"port":443', b'"port":444')
    set_lines(first, lines)
    assert main(["verify", str(path)]) == 1
    assert f"PROBLEM {first}:1 (seq 1)" in capsys.readouterr().out


@pytest.mark.parametrize("ocsf", [False, True])
@pytest.mark.parametrize("extra", [{}, {"prev_file": "audit.jsonl.20250301T120000Z", "lost": 2, "hmac_key": b"k" * 32}])
def test_the_line_written_is_the_sealed_line(ocsf: bool, extra: dict[str, Any]) -> None:
    # The writer serializes each line once (seal_line); it must be exactly the reference line.
    from headroom_mitm.audit.trail import seal_line

    def payload() -> dict[str, Any]:
        rec = record(4, model='a "quoted" \\"unmapped\\":{\\"chain\\":{ model', reason="r")
        return to_ocsf(rec) if ocsf else rec.to_native()

    data, digest = seal_line(payload(), 7, GENESIS, **extra)
    assert data.endswith(b"\n") and data.count(b"\n") == 1
    line = json.loads(data)
    assert line == seal(payload(), 7, GENESIS, **extra)
    assert line_hash(line, extra.get("hmac_key")) == digest


def test_canonical_json_reuses_one_encoder(monkeypatch) -> None:
    from headroom_mitm.audit.trail import canonical_json

    monkeypatch.setattr(json, "dumps", lambda *a, **k: (_ for _ in ()).throw(AssertionError("new encoder")))
    assert canonical_json({"b": 1, "a": "é"}) == '{"a":"é","b":1}'.encode()
