"""`headroom-mitm stats` reads the records the proxy wrote."""

import json
from datetime import datetime, timezone

from headroom_mitm.launcher.cli import main
from headroom_mitm.meter.records import FlowRecord, RecordWriter


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
                     output_tokens=5, time=datetime(2020, 1, 1, tzinfo=timezone.utc)))
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


def test_records_rotate_in_a_running_proxy_and_stats_count_every_flow(tmp_path, our_ca, capsys, monkeypatch):
    """headroom_records_max_bytes / _keep reach the writer; `stats` reads the rotated files too."""
    import dataclasses

    from headroom_mitm.addons import make_addons
    from headroom_mitm.launcher.app import proxy_config
    from headroom_mitm.launcher.proxy import EmbeddedProxy
    from headroom_mitm.rotation import rotated_files
    from headroom_mitm.launcher.settings import GlobalOptions
    from headroom_mitm.stub import StubServer, get_script
    from tests.support import PROXY_AUTH
    from tests.support import openai_body, post

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "nocache"))
    stub = StubServer(get_script("hello")).start()
    options = GlobalOptions(state_dir=tmp_path / "state", llm_hosts=("llm.test=openai-chat",),
                            routes=(f"llm.test={stub.base_url}",))
    config = proxy_config(options, our_ca.directory, scratch=tmp_path, proxy_auth=PROXY_AUTH)
    config = dataclasses.replace(config, options={**config.options, "headroom_records_max_bytes": 1500,
                                                  "headroom_records_keep": 10})
    try:
        with EmbeddedProxy(config, make_addons(options)) as proxy:
            for n in range(5):
                assert post(proxy, "llm.test", "/v1/chat/completions", openai_body(True, f"call {n}"))[0] == 200
    finally:
        stub.stop()
    flows = options.state.flows_jsonl
    assert len(rotated_files(flows)) >= 2
    assert main(["--state-dir", str(tmp_path / "state"), "stats", "--json"]) == 0
    [row] = json.loads(capsys.readouterr().out)
    assert row["requests"] == 5
    assert row["input_tokens"] == sum(u["prompt_tokens"] for u in stub.reported_usage)
