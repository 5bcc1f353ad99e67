"""Other agents' frames around a command's output, and CRLF line ends: the output inside is
recognised as if it came alone, and the frame and the line ends are kept as they came."""

from __future__ import annotations

from headroom_mitm.compress.engine import compress_text
from headroom_mitm.compress.settings import CompressionSettings

# Outputs from 2 KB: what is read holds below the default size at which cutting starts, too.
S = CompressionSettings(min_lossy_chars=2048, min_ranked_chars=2048)

# 150 commits: a list of commits is left whole, each line one the model may name.
COMMITS = "\n".join(f"{(k * 2654435761) % 16**7:07x} Fix the rounding of invoice line {k} in the ledger" for k in range(150))


# `git branch -a -vv`: every branch a line the model may name, kept whole when read alone.
BRANCHES = "\n".join(
    f"  {kind}/{name}-{k:<{30 - len(kind) - len(name)}} {(k * 40503) % 16**7:07x} [origin/{kind}/{name}-{k}{': ahead %d' % k if k % 5 == 0 else ''}] Tidy {name} {k}"
    for k, (kind, name) in enumerate([("feature", "csv"), ("fix", "cache"), ("docs", "api"), ("chore", "deps")] * 7)
)


def _out(text: str) -> str:
    return compress_text(text, "bash", S).rendering.text or text


def _log_with_one_failure() -> str:
    lines = [f"2025-11-30 09:{k // 60:02d}:{k % 60:02d} INFO worker-{k % 4} handled job {k} in {k % 13 + 2}ms" for k in range(400)]
    lines[211] = "2025-11-30 09:03:31 ERROR worker-3 job 211 failed: ValueError: negative size '-'"
    return "\n".join(lines) + "\n"


def _kept(text: str) -> set[str]:
    return {line for line in _out(text).split("\n") if not line.startswith("[… ")}


def test_codex_frame_is_kept_and_the_output_read_alone() -> None:
    head = "Chunk ID: 3f2a1c\nWall time: 0.2113 seconds\nProcess exited with code 1\nOriginal token count: 3120\nOutput:\n"
    for output in (BRANCHES + "\n", _log_with_one_failure()):
        out = _out(head + output)
        assert out.startswith(head) and _kept(output) <= _kept(head + output) and len(out) < 0.7 * len(head + output)
    assert "ERROR worker-3 job 211 failed" in _out(head + _log_with_one_failure())


def test_claude_code_exit_code_line_is_a_frame() -> None:
    out = _out("Exit code 1\n" + BRANCHES + "\n")
    assert out.startswith("Exit code 1\n") and _kept(BRANCHES + "\n") <= _kept("Exit code 1\n" + BRANCHES + "\n")


def test_gemini_frame_keeps_the_line_its_output_label_opens() -> None:
    tail = "\nExit Code: 1\nProcess Group PGID: 7983\n</untrusted_context>"
    for output in (BRANCHES, _log_with_one_failure().rstrip("\n")):
        framed = "<untrusted_context>\nOutput: " + output + tail
        out = _out(framed)
        assert out.startswith("<untrusted_context>\nOutput: " + output.split("\n")[0] + "\n") and out.endswith(tail)
        assert _kept(output) - {output.split("\n")[0]} <= _kept(framed) and len(out) < 0.7 * len(framed)
        source = set(framed.split("\n"))
        assert all(line in source or line.startswith("[… ") for line in out.split("\n"))  # kept lines verbatim


def test_crlf_output_is_read_as_lf_and_sent_with_its_crlf() -> None:
    text = COMMITS.replace("\n", "\r\n") + "\r\n"
    assert _out(text) == text  # recognised as a commit list, though every line ends in CR
    log = _log_with_one_failure().replace("\n", "\r\n")
    outcome = compress_text(log, "bash", S)
    out = outcome.rendering.text
    assert out is not None and "ERROR worker-3 job 211 failed" in out and len(out) < 0.5 * len(log)
    assert all(line.endswith("\r") for line in out.split("\n")[:-1])  # every line as it came
    assert outcome.original == log and outcome.rendering.retrieve_id in out
