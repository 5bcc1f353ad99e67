#!/usr/bin/env python3
"""The same outputs as other programs relay them: do they keep their needles?

An agent rarely sees a tool's output bare. CI prints it under a job, a step and a time stamp
(`gh run view --log`, GitLab's raw log), docker's builder under a step number, compose under a
service's column, `cat -n` with line numbers; a runner indents it, cuts it with `| tail`, colours
it, ends its lines with CRLF, wraps it in its own frame (Codex). Every tuning item of 3 KB or more
(`read` and `webfetch` outputs are never cut, so they are left out) is compressed bare and in each
relayed form, and the needles each form still holds are counted as kept or lost. A relayed form
should keep what the bare one keeps.
With --split heldout the held-out items are measured the same way, their figures printed and
none of their outputs shown or named: a check of what the rules found on tuning items do.

  .venv/bin/python scripts/bench_relayed.py [--addon DIR] [--forms 'cat -n,CRLF'] [--split heldout]
      [--json out.json] [--worst 8]

--addon measures another engine (a tree's addon/, e.g. `git archive REV addon | tar -x -C /tmp/x`)
on this tree's corpus.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent


def _each_line(make: Callable[[int, str], str]) -> Callable[[str], str]:
    return lambda text: "\n".join(make(i, x) for i, x in enumerate(text.split("\n")))


def _stamp(i: int) -> str:
    return f"2026-11-30T10:{i // 60 % 60:02d}:{i % 60:02d}.{i * 7919 % 10**7:07d}Z"


_LEVEL = re.compile(r"(?i)\b(error|warning|failed|passed|fail|ok)\b")

FORMS: dict[str, Callable[[str], str]] = {
    "bare": lambda t: t,
    "gh run view --log": _each_line(lambda i, x: f"test (3.11)\tRun pytest\t{_stamp(i)} {x}"),
    "ISO stamp (docker logs -t)": _each_line(lambda i, x: f"{_stamp(i)} {x}"),
    "GitLab raw log": _each_line(lambda i, x: f"{_stamp(i)} 01E {x}"),
    "docker build step": _each_line(lambda i, x: f"#12 {i * 0.013:.3f} {x}"),
    "compose service": _each_line(lambda i, x: f"api-1  | {x}"),
    "cat -n": _each_line(lambda i, x: f"{i + 1:6d}\t{x}"),
    "indented": _each_line(lambda i, x: f"    {x}" if x else x),
    "ANSI colours": lambda t: _LEVEL.sub(lambda m: f"\x1b[1;31m{m.group(0)}\x1b[0m", t),
    "CRLF": lambda t: t.replace("\n", "\r\n"),
    "OpenCode's cut header": lambda t: "...output truncated...\n\nFull output saved to: /root/.local/share/opencode/tool-output/tool_9f8e7d6c5b4a\n\n" + t,
    "Codex frame": lambda t: "Exit code: 1\nWall time: 3.2 seconds\nOutput:\n" + t,
    "tail -n (last 70%)": lambda t: "\n".join(t.split("\n")[len(t.split("\n")) * 3 // 10 :]),
}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--addon", type=Path, help="the engine to measure (default: this tree's)")
    ap.add_argument("--forms", help="comma-separated form names (default: all)")
    ap.add_argument("--json", type=Path)
    ap.add_argument("--worst", type=int, default=8, help="items that lose most, per form")
    ap.add_argument("--split", choices=["tune", "heldout"], default="tune",
                    help="heldout: figures only, no item named (measured, never tuned on)")
    args = ap.parse_args()
    if args.addon:
        sys.path.insert(0, str(args.addon.resolve()))
        import headroom_mitm  # noqa: F401  (that engine, before bench_compression adds this tree's)
    sys.path.insert(0, str(HERE))
    import bench_compression as bc  # (corpus, request shape, needle check)
    from headroom_mitm.compress import OriginalStore, clear_memo, compress_request

    forms = {k: v for k, v in FORMS.items() if k == "bare" or not args.forms or k in args.forms.split(",")}
    items = [it for it in bc.load_items()
             if it["split"] == args.split and len(it["text"]) >= 3000 and it["tool"] not in ("read", "webfetch")]
    s = bc.CompressionSettings()
    rows: dict[str, dict[str, list[int]]] = {}
    t0 = time.time()
    with tempfile.TemporaryDirectory() as td, OriginalStore(Path(td) / "o.db") as store:
        for n, it in enumerate(items, 1):
            row = rows[it["key"]] = {}
            for name, relay in forms.items():
                text = relay(it["text"])
                present = [x for x in it["needles"] if bc.needle_kept(x, bc.cleaned(text))]  # a cut drops some
                clear_memo()
                res = compress_request(bc.request({**it, "text": text}), api_format="openai-chat",
                                       content_encoding=None, settings=s, store=store)
                out = bc.tool_output(res.body)
                row[name] = [sum(bc.needle_kept(x, out) for x in present), len(present), len(out), len(text)]
            if n % 100 == 0:
                print(f"  {n}/{len(items)} items, {time.time() - t0:.0f} s", file=sys.stderr)
    print(f"{len(items)} {args.split} items of 3 KB or more, {time.time() - t0:.0f} s\n")
    print("| form | needles kept | lost | characters saved |\n|---|---:|---:|---:|")
    for name in forms:
        kept = sum(r[name][0] for r in rows.values())
        held = sum(r[name][1] for r in rows.values())
        saved = 1 - sum(r[name][2] for r in rows.values()) / sum(r[name][3] for r in rows.values())
        print(f"| {name} | {kept:,}/{held:,} ({kept / held:.2%}) | {held - kept:,} | {saved:.1%} |")
    for name in list(forms)[1:] if args.split == "tune" else ():
        # Items that lose more in this form than bare (of the needles the form still holds).
        worse = sorted(((r[name][1] - r[name][0]) - (r["bare"][1] - r["bare"][0]), k) for k, r in rows.items())
        worst = [(d, k) for d, k in reversed(worse[-args.worst :]) if d > 0]
        if worst:
            print(f"\n{name}: lost beyond bare — " + "; ".join(f"{k} {d}" for d, k in worst))
    if args.json:
        args.json.write_text(json.dumps(rows))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
