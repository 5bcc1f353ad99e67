#!/usr/bin/env python3
"""The corpus as other agents frame it: every item (not `read`) compressed bare, inside each
agent's frame around a command's output (as seen on the wire from the pinned agents), and with
CRLF line ends. A frame or a line end must not change what is kept. Last, outputs two at a time
as one chained command prints them (`cmd1 && cmd2`: 200 seeded pairs of `bash` items), against the
same two compressed apart; and outputs cut by `| tail` or `| head`.

  .venv/bin/python scripts/bench_frames.py [--split tune|heldout|all]

Needles are counted (held-out items too; their texts are never printed); sizes in characters.
"""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_compression import load_items, needle_kept  # noqa: E402  (puts this tree's addon first)

from headroom_mitm.compress import CompressionSettings  # noqa: E402
from headroom_mitm.compress.engine import compress_text  # noqa: E402

FRAMES = {
    "bare": lambda t: t,
    "Claude Code, failed command": lambda t: f"Exit code 1\n{t}",
    "Codex exec_command": lambda t: f"Chunk ID: aff204\nWall time: 0.2113 seconds\nProcess exited with code 1\nOriginal token count: 9000\nOutput:\n{t}",
    "Gemini CLI run_shell_command": lambda t: f"<untrusted_context>\nOutput: {t}\nExit Code: 1\nProcess Group PGID: 7983\n</untrusted_context>",
    "CRLF line ends": lambda t: t.replace("\n", "\r\n"),
}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--split", choices=["tune", "heldout", "all"], default="tune")
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
