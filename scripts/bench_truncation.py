#!/usr/bin/env python3
"""Truncation-recovery benchmark (issue #7): on long REAL outputs, how many needles OpenCode's own
truncation loses, how many the proxy brings back, and at what size.

OpenCode's shell tool sends only the TAIL of a long output (whole lines from the end while
<= 2,000 lines and <= 51,200 bytes) after a "...output truncated... / Full output saved to: PATH"
header, and saves the whole output to PATH. For every corpus item whose text OpenCode would cut:

  1. the whole output is written to <tmp>/opencode/tool-output/tool_<n>;
  2. OpenCode's block is built by tests/support.py:opencode_shell_cut (the one re-implementation
     of OpenCode's rule the tests use);
  3. four texts are measured:
       full        the whole output (what the program printed)
       opencode    OpenCode's block, as OpenCode would send it without a proxy
       proxy       what the proxy sends WITHOUT recovery: compress_text(block, "bash",
                   CompressionSettings()) — the block compressed like any tool output
       recovered   what the proxy sends WITH recovery: recover_truncated(block, "bash",
                   CompressionSettings(tool_output_dirs=(dir,))), or, when that returns None,
                   compress_text of the block with the same settings (the proxy's fallback).
                   Checked against compress_request on an OpenCode-shaped request body.
     plus, for reference, the whole output compressed as if OpenCode had not cut it.
  4. needles (stored with each item, computed from the real output by the rule in build_corpus.py)
     count as visible only if they appear literally in the text sent; retrievable through
     headroom_retrieve does not count. ANSI colour codes are ignored on both sides (the proxy's
     strip_ansi removes them; a model does not see them as text).
  5. recover_truncated is timed (file read + compression of the whole output), p50/p99 over
     repeats, with clear_memo() before every call.

Items: every item of scripts/corpus/data/corpus.json and scripts/corpus/data/long.json (captured by
`build_corpus.py --long`) produced by the shell tool that OpenCode would truncate.

  .venv/bin/python scripts/bench_truncation.py [--quick] [--json PATH] [--corpus PATH ...] [--dump DIR]
                                               [--shown-bytes N]

--shown-bytes N: OpenCode's block shows at most the last N bytes (default 51,200, its limit). The
real shell tool keeps a ring of the chunks it read, so under load its block can be a few KB.
"""

from __future__ import annotations

import argparse
import json
import platform
import re
import sys
import tempfile
import time
from pathlib import Path

from machine import describe  # scripts/machine.py

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "addon"))
sys.path.insert(0, str(ROOT))

from headroom_mitm.compress import (  # noqa: E402
    CompressionSettings,
    OriginalStore,
    clear_memo,
    compress_request,
    compress_text,
    recover_truncated,
)
from headroom_mitm.compress.recovery import recover_full_output  # noqa: E402
from headroom_mitm.meter.usage import estimate_tokens  # noqa: E402
from tests.support import OPENCODE_MAX_BYTES, OPENCODE_MAX_LINES, opencode_shell_cut  # noqa: E402

DATA = Path(__file__).resolve().parent / "corpus" / "data"
DEFAULT_CORPORA = [DATA / "corpus.json", DATA / "long.json"]
SHELL_TOOL = "bash"
VARIANTS = ("full", "opencode", "proxy", "recovered")
_ANSI = re.compile(r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b[@-Z\\-_]")


def plain(text: str) -> str:
    return _ANSI.sub("", text)


def visible(needles: list[str], text: str) -> list[bool]:
    t = plain(text)
    return [plain(n) in t for n in needles]


_GREP_LIKE = re.compile(r"(?P<path>[^\s:]+):(?P<rest>\d+[:-].*)\Z")
_GROUP_HEAD = re.compile(r"(?P<path>\S.*?) \(\d[\d,]* match(?:es)?\):\Z")


def visible_regrouped(needles: list[str], text: str) -> list[bool]:
    """Like visible(), but a "path:line:..." needle also counts when search_results regrouped it
    as a "path (N matches):" heading followed by an indented "line:..." entry (a secondary
    measure, reported beside the literal one: the information is there, the line is not)."""
    t = plain(text)
    shown: set[tuple[str, str]] = set()
    cur = None
    for line in t.split("\n"):
        m = _GROUP_HEAD.match(line)
        if m:
            cur = m["path"]
        elif cur is not None and line.startswith("  "):
            shown.add((cur, line.strip()))
    out = []
    for n in needles:
        p = plain(n)
        m = _GREP_LIKE.match(p)
        out.append(p in t or (m is not None and (m["path"], m["rest"].strip()) in shown))
    return out


def nbytes(text: str) -> int:
    return len(text.encode("utf-8", "surrogatepass"))


def pct(samples: list[float], q: float) -> float:
    if not samples:
        return float("nan")
    s = sorted(samples)
    return s[min(len(s) - 1, max(0, int(round(q / 100 * (len(s) - 1)))))]


def rendered(outcome, fallback: str) -> str:
    return fallback if outcome.rendering.text is None else outcome.rendering.text


def proxy_path(block: str, s: CompressionSettings) -> str:
    """The tool message the proxy really forwards for `block` (compress_request end to end)."""
    body = json.dumps({"model": "gpt-4o", "stream": True, "messages": [
        {"role": "user", "content": "run it"},
        {"role": "assistant", "content": None, "tool_calls": [{"id": "call_1", "type": "function", "function": {
            "name": SHELL_TOOL, "arguments": json.dumps({"command": "run", "description": "Run"})}}]},
        {"role": "tool", "tool_call_id": "call_1", "content": block}],
        # Lossy renderings need the retrieve tool in the request and a store for the originals.
        "tools": [{"type": "function", "function": {"name": "headroom_retrieve", "parameters": {"type": "object"}}}]}).encode()
    clear_memo()
    with tempfile.TemporaryDirectory() as td, OriginalStore(Path(td) / "o.db") as store:
        res = compress_request(body, api_format="openai-chat", content_encoding=None, settings=s, store=store)
    return json.loads(res.body)["messages"][2]["content"]


def why_fallback(block: str, s: CompressionSettings) -> str:
    found = recover_full_output(block, s.tool_output_dirs, s.recover_max_bytes)
    if found is None:
        return "file not read / not matching"
    cut, full = found
    # recover_truncated's tightest try: no room beyond the lines that must stay
    inner = compress_text(full, SHELL_TOOL, s.with_room(0))
    size = nbytes(cut.header + rendered(inner, full) + cut.suffix)
    return f"over budget (tightest {size:,} B > block {nbytes(block):,} B)"


def measure(item: dict, n: int, outdir: Path, runs: int, dump: Path | None = None,
            shown_bytes: int = OPENCODE_MAX_BYTES) -> dict:
    full = item["text"]
    path = outdir / f"tool_{n:04d}"
    path.write_bytes(full.encode("utf-8", "surrogatepass"))
    block = opencode_shell_cut(full, str(path), max_bytes=shown_bytes)
    plain_s = CompressionSettings()
    rec_s = CompressionSettings(tool_output_dirs=(str(outdir),))

    clear_memo()
    proxy = rendered(compress_text(block, SHELL_TOOL, plain_s), block)
    clear_memo()
    ref = rendered(compress_text(full, SHELL_TOOL, plain_s), full)

    times: list[float] = []
    outcome = None
    for _ in range(runs):
        clear_memo()
        t0 = time.perf_counter()
        outcome = recover_truncated(block, SHELL_TOOL, rec_s)
        times.append((time.perf_counter() - t0) * 1000)
    if outcome is not None:
        recovered = rendered(outcome, block)
        how = "+".join(outcome.rendering.transforms)
    else:
        recovered = rendered(compress_text(block, SHELL_TOOL, rec_s), block)
        how = "fallback: " + why_fallback(block, rec_s)
    sent = proxy_path(block, rec_s)
    if sent != recovered:
        raise SystemExit(f"{item['id']}: compress_request sent something else than recover_truncated/compress_text")

    needles = item["needles"]
    texts = {"full": full, "opencode": block, "proxy": proxy, "recovered": recovered, "full_compressed": ref}
    if dump is not None:
        for k, t in texts.items():
            (dump / f"{item['id']}.{k}.txt").write_text(t, "utf-8", "surrogatepass")
    vis = {k: visible(needles, t) for k, t in texts.items()}
    regrouped = {k: sum(visible_regrouped(needles, t)) for k, t in texts.items()}
    lines = full.count("\n") + (0 if full.endswith("\n") else 1)
    return {
        "id": item["id"], "category": item["category"], "needle_rule": item.get("needle_rule", ""),
        "command": item.get("command", ""), "lines": lines, "shown_lines": block.count("\n") - 3,
        "bytes": {k: nbytes(t) for k, t in texts.items()},
        "tokens": {k: estimate_tokens(t) for k, t in texts.items()},
        "needles": len(needles),
        "kept": {k: sum(v) for k, v in vis.items()}, "kept_regrouped": regrouped,
        "recovery": how, "recovered_ok": outcome is not None, "times_ms": times,
        "lost": {k: [nd for nd, ok in zip(needles, v) if not ok] for k, v in vis.items()},
        "brought_back": [nd for nd, o, r in zip(needles, vis["opencode"], vis["recovered"]) if r and not o],
        "recovery_dropped": [nd for nd, o, r in zip(needles, vis["opencode"], vis["recovered"]) if o and not r],
    }


def load_items(paths: list[Path]) -> list[dict]:
    items: list[dict] = []
    seen: set[str] = set()
    for p in paths:
        if not p.exists():
            print(f"note: {p} missing (capture it with build_corpus.py"
                  f"{' --long' if p.name == 'long.json' else ''}); skipped", file=sys.stderr)
            continue
        for it in json.loads(p.read_text())["items"]:
            if it["id"] in seen or it.get("tool") != SHELL_TOOL:
                continue
            if opencode_shell_cut(it["text"], "/x/tool_x") == it["text"]:
                continue  # OpenCode would send it whole: nothing to recover
            seen.add(it["id"])
            items.append(it)
    return items


def fmt_bt(b: int, t: int) -> str:
    return f"{b:,} / {t:,}"


def tables(rows: list[dict]) -> tuple[str, str, dict]:
    n_head = ["| item | lines (OpenCode shows) | needles | OpenCode keeps | proxy w/o recovery | proxy with recovery | "
              "whole output compressed (ref.) |", "|---|---:|---:|---:|---:|---:|---:|"]
    s_head = ["| item | full | OpenCode block | proxy w/o recovery | proxy with recovery | recovery | "
              "p50 / p99 ms |", "|---|---:|---:|---:|---:|---|---:|"]
    tot = {"items": len(rows), "needles": 0, "kept": {k: 0 for k in (*VARIANTS, "full_compressed")},
           "bytes": {k: 0 for k in (*VARIANTS, "full_compressed")},
           "tokens": {k: 0 for k in (*VARIANTS, "full_compressed")}, "fallbacks": 0}
    times: list[float] = []
    for r in rows:
        k = r["kept"]
        n_head.append(f"| {r['id']} | {r['lines']:,} ({r['shown_lines']:,}) | {r['needles']} | {k['opencode']} | {k['proxy']} | "
                      f"**{k['recovered']}** | {k['full_compressed']} |")
        b, t = r["bytes"], r["tokens"]
        s_head.append(f"| {r['id']} | {fmt_bt(b['full'], t['full'])} | {fmt_bt(b['opencode'], t['opencode'])} | "
                      f"{fmt_bt(b['proxy'], t['proxy'])} | {fmt_bt(b['recovered'], t['recovered'])} | "
                      f"{r['recovery']} | {pct(r['times_ms'], 50):.2f} / {pct(r['times_ms'], 99):.2f} |")
        tot["needles"] += r["needles"]
        for v in tot["kept"]:
            tot["kept"][v] += k[v]
            tot["bytes"][v] += b[v]
            tot["tokens"][v] += t[v]
        tot["fallbacks"] += 0 if r["recovered_ok"] else 1
        times += r["times_ms"]
    tot["p50_ms"], tot["p99_ms"] = pct(times, 50), pct(times, 99)
    k, b, t = tot["kept"], tot["bytes"], tot["tokens"]
    n_head.append(f"| **total ({len(rows)} items)** | | **{tot['needles']}** | **{k['opencode']}** | "
                  f"**{k['proxy']}** | **{k['recovered']}** | {k['full_compressed']} |")
    s_head.append(f"| **total** | {fmt_bt(b['full'], t['full'])} | {fmt_bt(b['opencode'], t['opencode'])} | "
                  f"{fmt_bt(b['proxy'], t['proxy'])} | {fmt_bt(b['recovered'], t['recovered'])} | "
                  f"{len(rows) - tot['fallbacks']} rebuilt, {tot['fallbacks']} fallback | "
                  f"{tot['p50_ms']:.2f} / {tot['p99_ms']:.2f} |")
    return "\n".join(n_head), "\n".join(s_head), tot


def main() -> int:
    ap = argparse.ArgumentParser(description="truncation-recovery benchmark (issue #7)")
    ap.add_argument("--quick", action="store_true", help="fewer timing runs")
    ap.add_argument("--json", type=Path, help="write full results as JSON here")
    ap.add_argument("--corpus", type=Path, action="append",
                    help="corpus file(s) (default: corpus.json and long.json in scripts/corpus/data)")
    ap.add_argument("--dump", type=Path, help="write every text measured to DIR/<item>.<variant>.txt")
    ap.add_argument("--shown-bytes", type=int, default=OPENCODE_MAX_BYTES,
                    help="bytes of the end OpenCode's block shows (its ring of chunks can leave a few KB)")
    args = ap.parse_args()
    if not 0 < args.shown_bytes <= OPENCODE_MAX_BYTES:
        ap.error(f"--shown-bytes must be between 1 and {OPENCODE_MAX_BYTES:,}")
    if args.dump:
        args.dump.mkdir(parents=True, exist_ok=True)
    runs = 5 if args.quick else 30
    items = load_items(args.corpus or DEFAULT_CORPORA)
    if not items:
        print("no item long enough for OpenCode to truncate", file=sys.stderr)
        return 1
    print(f"{len(items)} items OpenCode would truncate (> {OPENCODE_MAX_LINES:,} lines or "
          f"> {OPENCODE_MAX_BYTES:,} bytes), blocks of at most {args.shown_bytes:,} bytes; {runs} timed runs each", file=sys.stderr)
    with tempfile.TemporaryDirectory(prefix="hm-trunc-") as td:
        outdir = Path(td) / "opencode" / "tool-output"
        outdir.mkdir(parents=True)
        rows = [measure(it, n, outdir, runs, args.dump, args.shown_bytes) for n, it in enumerate(items, 1)]
    needles_md, sizes_md, tot = tables(rows)
    m = {**describe(), "platform": platform.platform()}
    print("Needles visible (literally, ANSI codes ignored) in what the model receives:\n")
    print(needles_md)
    print("\nSizes, bytes / estimated tokens (headroom_mitm.meter.usage.estimate_tokens); "
          "recovery = transforms of the rebuilt block, or why the proxy fell back:\n")
    print(sizes_md)
    k, b, t = tot["kept"], tot["bytes"], tot["tokens"]
    print(f"\nTotals: needles {tot['needles']} — OpenCode keeps {k['opencode']}, proxy without recovery "
          f"{k['proxy']}, proxy with recovery {k['recovered']} (whole output compressed: {k['full_compressed']}); "
          f"bytes full {b['full']:,} / OpenCode {b['opencode']:,} / without {b['proxy']:,} / with {b['recovered']:,}; "
          f"est. tokens {t['full']:,} / {t['opencode']:,} / {t['proxy']:,} / {t['recovered']:,}; "
          f"recover_truncated p50 {tot['p50_ms']:.2f} ms, p99 {tot['p99_ms']:.2f} ms")
    for r in rows:
        if r["kept_regrouped"] != r["kept"]:
            g = r["kept_regrouped"]
            print(f"\n{r['id']}: counting search_results' per-file regrouping as visible: OpenCode {g['opencode']}, "
                  f"proxy w/o recovery {g['proxy']}, with recovery {g['recovered']}, whole output compressed "
                  f"{g['full_compressed']} (of {r['needles']})")
        if r["lost"]["recovered"] or r["recovery_dropped"]:
            lost = r["lost"]["recovered"]
            print(f"\n{r['id']}: {len(lost)} needle(s) not visible with recovery"
                  + (f", {len(r['recovery_dropped'])} of them shown by OpenCode's own block" if r["recovery_dropped"] else "")
                  + ": " + "; ".join(repr(x[:90]) for x in lost[:6]) + (" ..." if len(lost) > 6 else ""))
    print(f"\nmachine: {m['nproc']} CPU ({m['cpu']}), {m['ram']}, Python {m['python']}, {m['platform']}")
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps({
            "machine": m, "date": time.strftime("%Y-%m-%d"), "runs": runs,
            "limits": {"lines": OPENCODE_MAX_LINES, "bytes": OPENCODE_MAX_BYTES}, "shown_bytes": args.shown_bytes,
            "estimator": "headroom_mitm.meter.usage.estimate_tokens", "totals": tot, "items": rows,
            "needles_markdown": needles_md, "sizes_markdown": sizes_md}, indent=1, default=str) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
