#!/usr/bin/env python3
"""Compression benchmark: headroom-mitm's engine vs headroom-ai on a corpus of REAL tool outputs.

The corpus (scripts/corpus/data/corpus.json, captured by scripts/build_corpus.py) holds outputs of
programs actually run on a machine, each with "needles": substrings a model must still SEE in the
compressed text (retrievability does not count). Each item is wrapped as the tool output of an
OpenCode-shaped OpenAI chat-completions request (assistant tool_calls naming the tool, then the
role:"tool" message) and compressed by

  * ours:        headroom_mitm.compress.compress_request (default CompressionSettings, store=None,
                 in-process memo cleared before every timed call, so every call does the real work)
  * headroom-ai: `from headroom import compress` (registry package, run in its own venv through a
                 subprocess; model "gpt-4o"; once with its default config and once with
                 protect_recent=0; one warm-up call excluded from timing)

Tokens are estimated for BOTH with the same function, headroom_mitm.usage.estimate_tokens, on the
tool-output text before and after. Timings are per request, p50/p99 over repeated runs. A synthetic
~200 KB request (a session of corpus tool outputs) checks the p99 <= 10 ms target.

  .venv/bin/python scripts/bench_compression.py [--quick] [--json PATH] [--corpus PATH]
      [--headroom-venv /tmp/headroom-ai-venv] [--no-baseline]

Set up the baseline once:  python3 -m venv /tmp/headroom-ai-venv &&
                           /tmp/headroom-ai-venv/bin/pip install headroom-ai
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from machine import describe  # scripts/machine.py

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "addon"))

from headroom_mitm.compress import CompressionSettings, clear_memo, compress_request  # noqa: E402
from headroom_mitm.meter.usage import estimate_tokens  # noqa: E402

DEFAULT_CORPUS = Path(__file__).resolve().parent / "corpus" / "data" / "corpus.json"
CATEGORY_ORDER = ["test", "install", "search", "git", "json", "listing", "html"]
SYNTH_TARGET_BYTES = 200 * 1024

SYSTEM = (
    "You are opencode, an interactive CLI tool that helps users with software engineering tasks. "
    "Use the instructions below and the tools available to you to assist the user."
)
TOOLS = [
    {"type": "function", "function": {"name": name, "description": desc, "parameters": {
        "type": "object", "properties": props, "required": list(props)[:1], "additionalProperties": False}}}
    for name, desc, props in [
        ("bash", "Executes a given bash command in a persistent shell session.",
         {"command": {"type": "string"}, "description": {"type": "string"}}),
        ("grep", "Fast content search tool that works with any codebase size.",
         {"pattern": {"type": "string"}, "path": {"type": "string"}}),
        ("read", "Reads a file from the local filesystem.", {"filePath": {"type": "string"}}),
    ]
]


# ------------------------------------------------------------------ requests


def tool_args(item: dict) -> str:
    if item["tool"] == "grep":
        return json.dumps({"pattern": item["command"]})
    return json.dumps({"command": item["command"], "description": f"Run {item['id']}"})


def turn(item: dict, n: int) -> list[dict]:
    cid = f"call_{n:04d}_{item['id']}"[:40]
    return [
        {"role": "assistant", "content": None, "tool_calls": [
            {"id": cid, "type": "function", "function": {"name": item["tool"], "arguments": tool_args(item)}}]},
        {"role": "tool", "tool_call_id": cid, "content": item["text"]},
    ]


def messages_for(items: list[dict]) -> list[dict]:
    msgs = [{"role": "system", "content": SYSTEM},
            {"role": "user", "content": "Look at the project and tell me what is going on."}]
    for n, it in enumerate(items):
        msgs += turn(it, n)
    return msgs


def request_body(msgs: list[dict]) -> bytes:
    return json.dumps({"model": "gpt-4o", "stream": True, "messages": msgs, "tools": TOOLS}).encode()


def tool_texts(msgs: list[dict]) -> list[str]:
    out = []
    for m in msgs:
        if m.get("role") == "tool":
            c = m.get("content")
            if isinstance(c, list):  # content parts
                c = "".join(p.get("text", "") if isinstance(p, dict) else str(p) for p in c)
            out.append(c if isinstance(c, str) else json.dumps(c))
    return out


def synthetic_session(items: list[dict]) -> list[dict]:
    """A ~200 KB session made of corpus tool outputs, categories interleaved."""
    by_cat: dict[str, list[dict]] = {}
    for it in items:
        by_cat.setdefault(it["category"], []).append(it)
    order: list[dict] = []
    while any(by_cat.values()):
        for c in CATEGORY_ORDER + sorted(set(by_cat) - set(CATEGORY_ORDER)):
            if by_cat.get(c):
                order.append(by_cat[c].pop(0))
    chosen: list[dict] = []
    for it in order:
        if len(request_body(messages_for(chosen))) >= SYNTH_TARGET_BYTES:
            break
        if len(request_body(messages_for(chosen + [it]))) <= SYNTH_TARGET_BYTES * 1.1:
            chosen.append(it)
    return messages_for(chosen)


# ------------------------------------------------------------------ engines


def pct(samples: list[float], q: float) -> float:
    if not samples:
        return float("nan")
    s = sorted(samples)
    k = min(len(s) - 1, max(0, int(round(q / 100 * (len(s) - 1)))))
    return s[k]


def run_ours(requests: list[dict], runs: int) -> dict[str, dict]:
    s = CompressionSettings()
    out: dict[str, dict] = {}
    for req in requests:
        body = request_body(req["messages"])
        times = []
        res = None
        for _ in range(runs):
            clear_memo()
            t0 = time.perf_counter()
            res = compress_request(body, api_format="openai-chat", content_encoding=None, settings=s, store=None)
            times.append((time.perf_counter() - t0) * 1000)
        assert res is not None
        msgs = json.loads(res.body)["messages"]
        out[req["id"]] = {"texts": tool_texts(msgs), "times_ms": times,
                          "note": res.skipped_reason or ""}
    return out


HEADROOM_RUNNER = r'''
import io, json, sys, time, contextlib, logging
logging.disable(logging.CRITICAL)
reqs = json.load(sys.stdin)
runs = reqs["runs"]
from headroom import compress
import headroom
def tool_texts(msgs):
    out = []
    for m in msgs:
        if m.get("role") == "tool":
            c = m.get("content")
            if isinstance(c, list):
                c = "".join(p.get("text", "") if isinstance(p, dict) else str(p) for p in c)
            out.append(c if isinstance(c, str) else json.dumps(c))
    return out
res = {"version": getattr(headroom, "__version__", "?"), "items": {}}
sink = io.StringIO()
with contextlib.redirect_stdout(sink), contextlib.redirect_stderr(sink):
    t0 = time.perf_counter()
    compress(reqs["warmup"], model="gpt-4o", **reqs["kwargs"])
    res["warmup_ms"] = (time.perf_counter() - t0) * 1000
    for r in reqs["requests"]:
        times, out, err = [], None, ""
        for i in range(runs):
            t0 = time.perf_counter()
            try:
                out = compress(json.loads(json.dumps(r["messages"])), model="gpt-4o", **reqs["kwargs"])
            except Exception as exc:
                err = f"{type(exc).__name__}: {exc}"[:300]
                break
            times.append((time.perf_counter() - t0) * 1000)
        res["items"][r["id"]] = {
            "texts": tool_texts(out.messages) if out is not None else None,
            "times_ms": times, "note": err,
            "transforms": list(out.transforms_applied) if out is not None else []}
res["log_tail"] = sink.getvalue()[-2000:]
json.dump(res, sys.stdout)
'''


def run_headroom(venv: Path, requests: list[dict], runs: int, kwargs: dict) -> dict:
    py = venv / "bin" / "python"
    if not py.exists():
        raise RuntimeError(f"{py} not found; create it: python3 -m venv {venv} && {venv}/bin/pip install headroom-ai")
    payload = {"runs": runs, "kwargs": kwargs, "warmup": messages_for([{
        "id": "warm", "tool": "bash", "command": "seq 1 3000", "text": "\n".join(map(str, range(3000)))}]),
        "requests": [{"id": r["id"], "messages": r["messages"]} for r in requests]}
    env = dict(os.environ, HF_HUB_OFFLINE="1", TRANSFORMERS_OFFLINE="1", PYTHONWARNINGS="ignore")
    with tempfile.TemporaryDirectory(prefix="hr-bench-") as td:
        p = subprocess.run([str(py), "-c", HEADROOM_RUNNER], input=json.dumps(payload).encode(),
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=td, env=env, timeout=3600)
    if p.returncode != 0:
        raise RuntimeError(f"headroom-ai runner failed (rc={p.returncode}): {p.stderr.decode()[-1500:]}")
    return json.loads(p.stdout)


# ------------------------------------------------------------------ scoring


def score(items: list[dict], texts_by_id: dict[str, list[str] | None]) -> dict[str, dict]:
    per: dict[str, dict] = {}
    for it in items:
        texts = texts_by_id.get(it["id"])
        after = texts[-1] if texts else it["text"]  # failed run: count as unchanged
        lost = [n for n in it["needles"] if n not in after]
        per[it["id"]] = {
            "bytes_before": len(it["text"].encode()), "bytes_after": len(after.encode()),
            "tok_before": estimate_tokens(it["text"]), "tok_after": estimate_tokens(after),
            "needles": len(it["needles"]), "needles_kept": len(it["needles"]) - len(lost), "lost": lost,
        }
    return per


def aggregate(rows: list[dict], times: list[float]) -> dict:
    a = {k: sum(r[k] for r in rows) for k in ("bytes_before", "bytes_after", "tok_before", "tok_after",
                                              "needles", "needles_kept")}
    a["saved_pct"] = 100.0 * (a["tok_before"] - a["tok_after"]) / a["tok_before"] if a["tok_before"] else 0.0
    a["p50_ms"] = pct(times, 50)
    a["p99_ms"] = pct(times, 99)
    a["items"] = len(rows)
    return a


def fmt_row(name: str, a: dict) -> str:
    return (f"| {name} | {a['items']} | {a['bytes_before']:,} → {a['bytes_after']:,} | "
            f"{a['tok_before']:,} → {a['tok_after']:,} | **{a['saved_pct']:.1f}%** | "
            f"{a['needles_kept']}/{a['needles']} | {a['p50_ms']:.2f} / {a['p99_ms']:.2f} |")


def machine() -> dict:
    return {**describe(), "platform": platform.platform()}


def main() -> int:
    ap = argparse.ArgumentParser(description="compression benchmark: ours vs headroom-ai")
    ap.add_argument("--quick", action="store_true", help="fewer timing runs")
    ap.add_argument("--json", type=Path, help="write full results as JSON here")
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--headroom-venv", type=Path, default=Path("/tmp/headroom-ai-venv"))
    ap.add_argument("--no-baseline", action="store_true", help="skip headroom-ai")
    args = ap.parse_args()

    if not args.corpus.exists():
        print(f"{args.corpus} missing: capturing a fresh corpus", file=sys.stderr)
        tmp = Path(tempfile.mkdtemp(prefix="hm-corpus-")) / "corpus.json"
        subprocess.run([sys.executable, str(Path(__file__).with_name("build_corpus.py")), "--out", str(tmp)],
                       check=True)
        args.corpus = tmp
    items = json.loads(args.corpus.read_text())["items"]
    runs = 5 if args.quick else 30
    synth_runs = 30 if args.quick else 200

    requests = [{"id": it["id"], "messages": messages_for([it])} for it in items]
    synth_msgs = synthetic_session(items)
    synth = {"id": "__synthetic_200k__", "messages": synth_msgs}
    synth_bytes = len(request_body(synth_msgs))
    synth_n = sum(1 for m in synth_msgs if m.get("role") == "tool")

    print(f"corpus: {len(items)} items from {args.corpus}; runs/request={runs}; "
          f"synthetic request {synth_bytes:,} B ({synth_n} tool outputs) x {synth_runs}", file=sys.stderr)
    ours = run_ours(requests, runs)
    ours_synth = run_ours([synth], synth_runs)[synth["id"]]

    engines: dict[str, dict] = {"headroom-mitm": {"raw": ours, "synth": ours_synth}}
    hr_error = None
    hr_version = None
    if not args.no_baseline:
        # as shipped (its default protects the 4 most recent messages), and with nothing protected
        for label, kwargs in (("headroom-ai", {}), ("headroom-ai protect_recent=0", {"protect_recent": 0})):
            try:
                t0 = time.perf_counter()
                hr = run_headroom(args.headroom_venv, requests + [synth], runs, kwargs)
                synth_hr = hr["items"].pop(synth["id"])
                # p99 for the 200 KB request from more runs
                hr2 = run_headroom(args.headroom_venv, [synth], synth_runs, kwargs)
                synth_hr["times_ms"] = hr2["items"][synth["id"]]["times_ms"]
                engines[label] = {"raw": hr["items"], "synth": synth_hr, "warmup_ms": hr["warmup_ms"]}
                hr_version = hr["version"]
                print(f"{label} {hr_version}: {time.perf_counter() - t0:.1f}s", file=sys.stderr)
            except Exception as exc:  # report precisely, keep our numbers
                hr_error = f"{label}: {exc}"
                print(f"headroom-ai baseline failed: {hr_error}", file=sys.stderr)

    cats = [c for c in CATEGORY_ORDER if any(it["category"] == c for it in items)]
    cats += sorted({it["category"] for it in items} - set(cats))
    report: dict = {"machine": machine(), "date": time.strftime("%Y-%m-%d"), "runs": runs,
                    "synthetic": {"bytes": synth_bytes, "tool_outputs": synth_n, "runs": synth_runs},
                    "headroom_ai_version": hr_version, "headroom_ai_error": hr_error,
                    "estimator": "headroom_mitm.usage.estimate_tokens", "engines": {}}
    lines = ["| category | items | bytes before → after | est. tokens before → after | saved | "
             "needles | p50 / p99 ms |", "|---|---|---|---|---|---|---|"]
    for name, eng in engines.items():
        raw = eng["raw"]
        per = score(items, {k: v.get("texts") for k, v in raw.items()})
        eng_rep: dict = {"categories": {}, "items": per}
        lines.append(f"| **{name}** | | | | | | |")
        for c in cats + ["overall"]:
            ids = [it["id"] for it in items if c == "overall" or it["category"] == c]
            a = aggregate([per[i] for i in ids], [t for i in ids for t in raw[i]["times_ms"]])
            eng_rep["categories"][c] = a
            lines.append(fmt_row(c, a))
        st = eng["synth"]
        s_after = sum(len(t.encode()) for t in (st["texts"] or []))
        s_before = sum(len(t.encode()) for t in tool_texts(synth_msgs))
        eng_rep["synthetic"] = {"p50_ms": pct(st["times_ms"], 50), "p99_ms": pct(st["times_ms"], 99),
                                "max_ms": max(st["times_ms"]) if st["times_ms"] else float("nan"),
                                "tool_bytes_before": s_before, "tool_bytes_after": s_after,
                                "note": st.get("note", "")}
        if "warmup_ms" in eng:
            eng_rep["warmup_ms"] = eng["warmup_ms"]
        eng_rep["notes"] = {k: v["note"] for k, v in raw.items() if v.get("note")}
        report["engines"][name] = eng_rep

    print("\n".join(lines))
    print()
    for name, e in report["engines"].items():
        s = e["synthetic"]
        print(f"{name}: 200 KB request ({synth_bytes:,} B, {synth_n} tool outputs): p50 {s['p50_ms']:.2f} ms, "
              f"p99 {s['p99_ms']:.2f} ms, max {s['max_ms']:.2f} ms; tool bytes {s['tool_bytes_before']:,} → "
              f"{s['tool_bytes_after']:,}" + (f"; first call (warm-up) {e['warmup_ms']:.0f} ms"
                                              if "warmup_ms" in e else ""))
    for name, e in report["engines"].items():
        lost = {i: r["lost"] for i, r in e["items"].items() if r["lost"]}
        print(f"\n{name}: needles lost in {len(lost)} item(s)")
        for i, ls in lost.items():
            print(f"  {i}: {len(ls)} lost: " + "; ".join(repr(x[:80]) for x in ls[:8])
                  + (" ..." if len(ls) > 8 else ""))
    if hr_error:
        print(f"\nheadroom-ai: FAILED: {hr_error}")
    m = report["machine"]
    print(f"\nmachine: {m['nproc']} CPU ({m['cpu']}), {m['ram']}, Python {m['python']}; "
          f"estimator {report['estimator']}; headroom-ai {hr_version}")
    report["table_markdown"] = "\n".join(lines)
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(report, indent=1, default=str) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
