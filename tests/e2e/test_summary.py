"""After a real OpenCode run through the launcher, the summary on stderr shows the stub's usage,
the records hold it, and `headroom-mitm stats` reads them back."""

import subprocess
import sys

from headroom_mitm.meter.records import read_records
from headroom_mitm.stub import HELLO_TEXT
from tests.e2e.harness import ANTHROPIC_MODEL


def _n(value: int) -> str:
    return f"{value:,}"


def test_summary_after_a_real_opencode_run_shows_the_stubs_usage(stub_for):
    oc = stub_for("hello")
    result = oc.run("say", "hello", model=ANTHROPIC_MODEL)
    assert result.returncode == 0, result.stderr
    assert HELLO_TEXT in result.stdout
    reported = oc.stub.reported_usage
    assert reported, "the stub answered no LLM call"
    prompt = sum(u["prompt_tokens"] for u in reported)
    output = sum(u["output_tokens"] for u in reported)
    cache_read = sum(u["cache_read_tokens"] for u in reported)
    cache_write = sum(u["cache_write_tokens"] for u in reported)
    summary = [line for line in result.stderr.splitlines() if line.startswith("headroom: ")]
    assert summary, result.stderr
    text = "\n".join(summary)
    assert f"{len(reported)} LLM request" in text
    assert f"provider-reported input {_n(prompt)} (cache read {_n(cache_read)}" in text
    assert f"cache write {_n(cache_write)}), output {_n(output)}" in text
    assert "est. request tokens" in text
    assert "$" not in text  # no models.json in this isolated home: no invented dollar figure

    records = list(read_records(oc.state / "records" / "flows.jsonl"))
    assert len(records) == len(reported)
    assert all(r.provider == "anthropic" and r.api_format == "anthropic-messages" and r.stream for r in records)
    assert all((r.session or "").startswith("ses_") and (r.client or "").startswith("opencode/") for r in records)
    assert sum(r.input_tokens or 0 for r in records) == prompt

    table = subprocess.run(
        [sys.executable, "-m", "headroom_mitm", "--state-dir", str(oc.state), "stats", "--by", "model"],
        env=oc.env(), capture_output=True, text=True, timeout=60,
    )
    assert table.returncode == 0, table.stderr
    assert "claude-sonnet-4-5" in table.stdout and _n(prompt) in table.stdout
