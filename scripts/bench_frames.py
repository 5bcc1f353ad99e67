#!/usr/bin/env python3
"""The corpus as other agents and programs relay it: every item (not `read`) compressed bare,
inside each agent's frame around a command's output (as seen on the wire from the pinned agents),
with CRLF line ends, and under the gutters other programs put before every line (CI's job, step
and time stamp from `gh run view --log`, GitLab's raw log, `docker logs -t`, docker's builder
steps, one compose service's column, `cat -n`, a runner's indent). A frame, a line end or a gutter
must not change what is kept. Last, outputs two at a time as one chained command prints them
(`cmd1 && cmd2`: 200 seeded pairs of `bash` items), against the same two compressed apart; and
outputs cut by `| tail` or `| head`.

  .venv/bin/python scripts/bench_frames.py [--split tune|heldout|all] [--addon DIR]

Needles are counted (held-out items too; their texts are never printed); sizes in characters.
--addon measures another engine (a tree's addon/, e.g. `git archive REV addon | tar -x -C /tmp/x`)
on this tree's corpus.
"""

from __future__ import annotations

import argparse
import random
import sys
from collections.abc import Callable
from pathlib import Path

if "--addon" in sys.argv[:-1]:  # that engine first, before bench_compression puts this tree's
    sys.path.insert(0, str(Path(sys.argv[sys.argv.index("--addon") + 1]).resolve()))
    import headroom_mitm  # noqa: F401
sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_compression import load_items, needle_kept  # noqa: E402  (puts this tree's addon first)

from headroom_mitm.compress import CompressionSettings  # noqa: E402
from headroom_mitm.compress.engine import compress_text  # noqa: E402


def _each_line(make: Callable[[int, str], str]) -> Callable[[str], str]:
    return lambda text: "\n".join(make(i, x) for i, x in enumerate(text.split("\n")))


def _stamp(i: int) -> str:
    return f"2026-11-30T10:{i // 60 % 60:02d}:{i % 60:02d}.{i * 7919 % 10**7:07d}Z"


FRAMES = {
    "bare": lambda t: t,
    "Claude Code, failed command": lambda t: f"Exit code 1\n{t}",
    "Codex exec_command": lambda t: f"Chunk ID: aff204\nWall time: 0.2113 seconds\nProcess exited with code 1\nOriginal token count: 9000\nOutput:\n{t}",
    "Gemini CLI run_shell_command": lambda t: f"<untrusted_context>\nOutput: {t}\nExit Code: 1\nProcess Group PGID: 7983\n</untrusted_context>",
    "CRLF line ends": lambda t: t.replace("\n", "\r\n"),
    "OpenCode's truncation header": lambda t: f"...output truncated...\n\nFull output saved to: /root/.local/share/opencode/tool-output/tool_9f8e\n\n{t}",
    "gh run view --log (job, step, stamp)": _each_line(lambda i, x: f"test (3.11)\tRun pytest\t{_stamp(i)} {x}"),
    "ISO stamp (docker logs -t, a CI runner)": _each_line(lambda i, x: f"{_stamp(i)} {x}"),
    "GitLab's raw log": _each_line(lambda i, x: f"{_stamp(i)} 01E {x}"),
    "docker's builder": _each_line(lambda i, x: f"#12 {i * 0.013:.3f} {x}"),
    "one compose service": _each_line(lambda i, x: f"api-1  | {x}"),
    "cat -n": _each_line(lambda i, x: f"{i + 1:6d}\t{x}"),
    "indented by 4": _each_line(lambda i, x: f"    {x}" if x else x),
}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--split", choices=["tune", "heldout", "all"], default="tune")
    ap.add_argument("--addon", type=Path, help="the engine to measure (read before the imports)")
    args = ap.parse_args()
    s = CompressionSettings()
    items = [it for it in load_items() if it["tool"] != "read" and it["split"] != "legacy"
             and args.split in ("all", it["split"])]
    needles = sum(len(it["needles"]) for it in items)
    print(f"{len(items)} items ({args.split}), {needles} needles\n")
    print("| frame | needles kept | characters saved | items keeping fewer needles than bare |")
    print("|---|---|---|---|")
    bare: dict[str, int] = {}
    for name, frame in FRAMES.items():
        kept = before = after = fewer = 0
        for it in items:
            text = frame(it["text"])
            out = compress_text(text, it["tool"], s).rendering.text or text
            k = sum(needle_kept(n, out.replace("\r\n", "\n")) for n in it["needles"])
            bare.setdefault(it["key"], k)
            fewer += k < bare[it["key"]]
            kept, before, after = kept + k, before + len(text), after + len(out)
        print(f"| {name} | {kept}/{needles} ({100 * kept / needles:.2f}%) | {100 * (before - after) / before:.1f}% | {fewer} |")
    chained(items, s)
    cut(items, s)
    return 0


def _kept(text: str, tool: str, needles: list, s: CompressionSettings) -> tuple[int, int]:
    out = compress_text(text, tool, s).rendering.text or text
    return sum(needle_kept(n, out) for n in needles), len(out)


def chained(items: list[dict], s: CompressionSettings) -> None:
    shell = [it for it in items if it["tool"] == "bash" and len(it["text"]) < 30_000]
    pairs = [random.Random(k).sample(shell, 2) for k in range(200)]
    apart = together = needles = size = apart_len = together_len = 0
    for a, b in pairs:
        for it in (a, b):
            k, n = _kept(it["text"], "bash", it["needles"], s)
            apart, apart_len = apart + k, apart_len + n
        text = a["text"].rstrip("\n") + "\n" + b["text"]
        k, n = _kept(text, "bash", a["needles"] + b["needles"], s)
        together, together_len = together + k, together_len + n
        needles += len(a["needles"]) + len(b["needles"])
        size += len(a["text"]) + len(b["text"])
    print(f"\ntwo outputs chained, {len(pairs)} pairs, {needles} needles: kept apart {apart} ({100 * apart / needles:.2f}%), "
          f"chained {together} ({100 * together / needles:.2f}%); characters saved apart {100 * (size - apart_len) / size:.1f}%, "
          f"chained {100 * (size - together_len) / size:.1f}%")


def cut(items: list[dict], s: CompressionSettings) -> None:
    """Outputs of 40 lines or more cut as `| tail` / `| head` would, by two fifths of their lines;
    needles counted among those the cut text still holds."""
    for name, keep in (("tail", lambda lines, k: lines[k:]), ("head", lambda lines, k: lines[: len(lines) - k])):
        kept = total = 0
        for it in items:
            lines = it["text"].split("\n")
            if len(lines) < 40:
                continue
            text = "\n".join(keep(lines, len(lines) * 2 // 5))
            needles = [n for n in it["needles"] if needle_kept(n, text)]
            k, _ = _kept(text, it["tool"], needles, s)
            kept, total = kept + k, total + len(needles)
        print(f"cut by `| {name}` (two fifths of the lines of outputs of 40 or more): {kept}/{total} needles kept ({100 * kept / total:.2f}%)")


if __name__ == "__main__":
    raise SystemExit(main())
