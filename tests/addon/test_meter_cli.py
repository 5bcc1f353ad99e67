"""`headroom-mitm stats` reads the records the proxy wrote."""

import json

from headroom_mitm.cli import main
from headroom_mitm.records import FlowRecord, RecordWriter


def write(state, *records):
    with RecordWriter(state / "records" / "flows.jsonl") as writer:
        for r in records:
            writer.write(r)


def test_stats_by_model_and_since(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "nocache"))
    state = tmp_path / "state"
    write(state,
          FlowRecord(provider="anthropic", model="claude-x", est_tokens_before=1000, est_tokens_after=700,
                     input_tokens=900, output_tokens=50, cache_read_tokens=450),
          FlowRecord(provider="anthropic", model="claude-x", attempt=2, est_tokens_before=1000, est_tokens_after=700,
                     input_tokens=900, output_tokens=50),
          FlowRecord(provider="openai", model="gpt-y", est_tokens_before=100, est_tokens_after=100, input_tokens=80,
                     output_tokens=5, time="2020-01-01T00:00:00Z"))
    assert main(["--state-dir", str(state), "stats", "--by", "model"]) == 0
    out = capsys.readouterr().out
    lines = {line.split()[0]: line for line in out.splitlines() if line and not line.startswith("-")}
    assert "claude-x" in lines and "gpt-y" in lines and "total" in lines
    assert lines["claude-x"].split()[1:5] == ["2", "1", "1,000", "700"]  # the retry's saving is not counted twice
    assert "30.0%" in lines["claude-x"] and "1,800" in lines["claude-x"]
    assert main(["--state-dir", str(state), "stats", "--since", "7d", "--json"]) == 0
    [row] = json.loads(capsys.readouterr().out)
    assert row["requests"] == 2 and row["dollars_saved"] is None  # no models cache: no $ figure


def test_stats_without_records(tmp_path, capsys):
    assert main(["--state-dir", str(tmp_path / "s"), "stats"]) == 0
    assert "no LLM flows recorded" in capsys.readouterr().out
