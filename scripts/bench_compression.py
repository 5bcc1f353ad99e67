#!/usr/bin/env python3
"""Compression benchmark: fidelity and savings of headroom-mitm's engine, side by side with
headroom-ai, on the corpora of REAL tool outputs under scripts/corpus/data/.

Every item (see scripts/corpus/NEEDLES.md) is sent as the tool output of an OpenCode-shaped
OpenAI chat request whose tool list carries OpenCode's name for our retrieve tool, and
compressed with a fresh originals store (the in-process memo cleared before each timed call).
A needle is kept when the compressed text shows it (a string, or one of an {"any": [...]}).

Reported apart: the tuning part, the held-out part (never looked at in compressed form while
the engine was tuned), and the legacy corpus (corpus.json, needles by its older rules). Also
checked on every item: kept lines verbatim, `read` outputs byte-identical, and no marker in
the same request without the retrieve tool.

Tokens are cl100k (tiktoken, run inside the headroom-ai venv with TIKTOKEN_CACHE_DIR pointed at
litellm's bundled copy); without that venv, the project's own estimate, said so in the output.

  .venv/bin/python scripts/bench_compression.py [--quick] [--timing-only] [--json PATH] [--no-baseline]
      [--headroom-venv /tmp/headroom-ai-venv] [--split tune|heldout|legacy|all] [--show ID]

Set up the baseline once:  python3 -m venv /tmp/headroom-ai-venv && /tmp/headroom-ai-venv/bin/pip install headroom-ai
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

from machine import describe  # scripts/machine.py

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "addon"))

from headroom_mitm.compress import CompressionSettings, OriginalStore, clear_memo, compress_request  # noqa: E402
from headroom_mitm.compress.lossless import LINE_LOSSLESS  # noqa: E402

DATA = Path(__file__).resolve().parent / "corpus" / "data"
RETRIEVE = "headroom_headroom_retrieve"  # OpenCode's name for our MCP tool
TOOLS = ["bash", "edit", "glob", "grep", "read", "webfetch", "write", RETRIEVE]
SYNTH_TARGET_BYTES = 200 * 1024
ORDINARY_BYTES = (1024, 8 * 1024)  # an ordinary tool output's size, for the second timed request
ORDINARY_LABEL = "200 KB of ordinary outputs"


# ------------------------------------------------------------------ corpus


def split_of(item_id: str) -> str:
    return "heldout" if int(hashlib.sha1(item_id.encode()).hexdigest(), 16) % 3 == 0 else "tune"


def load_items() -> list[dict]:
    items: list[dict] = []
    for path in sorted(DATA.glob("*.json")):
        if path.name == "long.json":
            continue  # OpenCode-truncation corpus: bench_truncation.py
        for it in json.loads(path.read_text())["items"]:
            legacy = path.name == "corpus.json"
            items.append({
                **it,
                "key": f"{path.stem}:{it['id']}",  # ids repeat across corpus files
                "kind": it.get("kind") or it.get("needle_rule") or it.get("category"),
                "family": it.get("family") or it.get("category"),
                "split": "legacy" if legacy else it.get("split") or split_of(it["id"]),
                "source": path.name,
            })
    return items


def request(item: dict, with_retrieve: bool = True) -> bytes:
    args = item.get("command", "")
    msgs = [
        {"role": "system", "content": "You are opencode, an interactive CLI tool that helps users with software engineering tasks."},
        {"role": "user", "content": "Look at the project and tell me what is going on."},
        {"role": "assistant", "content": None, "tool_calls": [{"id": "call_1", "type": "function", "function": {
            "name": item["tool"], "arguments": args if args.startswith("{") else json.dumps({"command": args})}}]},
        {"role": "tool", "tool_call_id": "call_1", "content": item["text"]},
    ]
    tools = [t for t in TOOLS if with_retrieve or t != RETRIEVE]
    return json.dumps({"model": "gpt-4o", "stream": True, "messages": msgs, "tools": [
        {"type": "function", "function": {"name": t, "description": t, "parameters": {"type": "object"}}} for t in tools]}).encode()


def tool_output(body: bytes) -> str:
    return json.loads(body)["messages"][-1]["content"]


def needle_kept(needle: str | dict, text: str) -> bool:
    if isinstance(needle, str):
        return needle in text
    return any(n in text for n in needle["any"])


def cleaned(text: str) -> str:
    for _, fn in LINE_LOSSLESS:
        text = fn(text)
    return text


def added_markers(before: str, after: str) -> int:
    """Marker lines in the rendering that the output itself did not contain."""
    source = set(before.split("\n"))
    return sum(1 for ln in after.split("\n") if ln.startswith(("[… ", "[warnings left out")) and ln not in source)


def rewritten_lines(before: str, after: str) -> int:
    """Kept lines that are not lines of the input, raw or cleaned (markers aside): must be 0.
    A JSON document's rendering is a re-encoding (compact, sampled members) and is not counted."""
    source = set(cleaned(before).split("\n")) | set(before.split("\n"))

    def is_json(line: str) -> bool:
        if line[:1] not in "[{" or line.startswith("[… "):
            return False
        try:
            json.loads(line, parse_int=str)  # numbers kept as spelled: no 4,300-digit limit to trip on
        except ValueError:
            return False
        return True

    return sum(1 for ln in after.split("\n")
               if ln not in source and not ln.startswith(("[… ", "[warnings left out")) and not is_json(ln))


# ------------------------------------------------------------------ engines


def pct(samples: list[float], q: float) -> float:
    s = sorted(samples)
    return s[min(len(s) - 1, max(0, round(q / 100 * (len(s) - 1))))] if s else float("nan")


def run_ours(items: list[dict], store: OriginalStore) -> dict[str, dict]:
    s = CompressionSettings()
    out: dict[str, dict] = {}
    for it in items:
        clear_memo()
        res = compress_request(request(it), api_format="openai-chat", content_encoding=None, settings=s, store=store)
        clear_memo()
        bare = compress_request(request(it, with_retrieve=False), api_format="openai-chat", content_encoding=None, settings=s, store=store)
        out[it["key"]] = {"text": tool_output(res.body),
                         "transforms": [t for b in res.blocks for t in b.transforms],
                         "marker_without_tool": added_markers(it["text"], tool_output(bare.body)) > 0}
    return out


HEADROOM_RUNNER = r'''
import io, json, sys, contextlib, logging
logging.disable(logging.CRITICAL)
req = json.load(sys.stdin)
out = {}
sink = io.StringIO()
with contextlib.redirect_stdout(sink), contextlib.redirect_stderr(sink):
    import headroom
    from headroom import compress
    out["version"] = getattr(headroom, "__version__", "?")
    out["texts"] = {}
    for rid, msgs in req["requests"].items():
        try:
            res = compress(msgs, model="gpt-4o")
            out["texts"][rid] = res.messages[-1]["content"]
        except Exception as exc:
            out["texts"][rid] = None
    import tiktoken
    enc = tiktoken.get_encoding("cl100k_base")
    out["tokens"] = [len(enc.encode(t, disallowed_special=())) for t in req["count"]]
json.dump(out, sys.stdout)
'''

COUNT_RUNNER = r'''
import json, sys, tiktoken
enc = tiktoken.get_encoding("cl100k_base")
json.dump([len(enc.encode(t, disallowed_special=())) for t in json.load(sys.stdin)], sys.stdout)
'''


def tiktoken_env(venv: Path) -> dict[str, str]:
    env = dict(os.environ, HF_HUB_OFFLINE="1", TRANSFORMERS_OFFLINE="1", PYTHONWARNINGS="ignore")
    found = sorted(venv.glob("lib/python*/site-packages/litellm/litellm_core_utils/tokenizers"))
    if found:
        env["TIKTOKEN_CACHE_DIR"] = str(found[0])
    return env


def run_venv(venv: Path, code: str, payload: object) -> object:
    with tempfile.TemporaryDirectory(prefix="hr-bench-") as td:
        p = subprocess.run([str(venv / "bin" / "python"), "-c", code], input=json.dumps(payload).encode(),
                           capture_output=True, cwd=td, env=tiktoken_env(venv), timeout=3600)
    if p.returncode != 0:
        raise RuntimeError(p.stderr.decode()[-1500:])
    return json.loads(p.stdout)


# ------------------------------------------------------------------ report


OLD_ITEMS = ("data.json", "diagnostics.json", "opencode.json", "more.json")


def held_out_parts(held: list[dict]) -> list[tuple[str, tuple[str, ...]]]:
    """The held-out parts reported apart: the first corpora's items, then each capture round
    (wide.json is round 1, wideN.json round N), then the redundancy corpus."""
    def round_of(src: str) -> tuple[int, str]:
        m = re.fullmatch(r"wide(\d*)(\w*)\.json", src)
        return (int(m.group(1) or 1), m.group(2)) if m else (0, src)

    rounds = sorted({r["source"] for r in held if r["source"].startswith("wide")}, key=round_of)
    return [("held-out, old items", OLD_ITEMS),
            *((f"held-out, round {''.join(map(str, round_of(src)))} ({src})", (src,)) for src in rounds),
            ("held-out, redundancy (redund.json)", ("redund.json",))]


def table(rows: list[dict], engines: list[str], key: str) -> list[str]:
    head = "| " + key + " | items | needles | tokens before | " + " | ".join(f"{e}: saved · needles kept" for e in engines) + " |"
    out = [head, "|" + "---|" * (4 + len(engines))]
    groups: dict[str, list[dict]] = defaultdict(list)
    for r in rows:
        groups[r[key]].append(r)
    for name in sorted(groups) + ["**all**"]:
        g = rows if name == "**all**" else groups[name]
        before = sum(r["tok_before"] for r in g)
        needles = sum(r["needles"] for r in g)
        cells = []
        for e in engines:
            after = sum(r[e]["tok_after"] for r in g)
            kept = sum(r[e]["kept"] for r in g)
            cells.append(f"{100 * (before - after) / max(1, before):.1f}% · {kept}/{needles} ({100 * kept / max(1, needles):.1f}%)")
        out.append(f"| {name} | {len(g)} | {needles} | {before:,} | " + " | ".join(cells) + " |")
    return out


def tool_request(outputs: list[dict]) -> bytes:
    """One session whose tool outputs are `outputs`, in order, with the retrieve tool."""
    msgs = [{"role": "user", "content": "go"}]
    for n, it in enumerate(outputs):
        msgs += [{"role": "assistant", "content": None, "tool_calls": [{"id": f"c{n}", "type": "function", "function": {"name": it["tool"], "arguments": "{}"}}]},
                 {"role": "tool", "tool_call_id": f"c{n}", "content": it["text"]}]
    return json.dumps({"model": "gpt-4o", "messages": msgs, "tools": [{"type": "function", "function": {"name": t}} for t in TOOLS]}).encode()


def synth_request(items: list[dict]) -> tuple[bytes, int]:
    """The 200 KB request: one session of tuning-sized outputs (not `read`), in id order."""
    synth_items = sorted((it for it in items if it["tool"] != "read"), key=lambda it: it["id"])
    synth: list[dict] = []
    for it in synth_items:
        if sum(len(x["text"]) for x in synth) > SYNTH_TARGET_BYTES:
            break
        if len(it["text"]) < 60_000:
            synth.append(it)
    return tool_request(synth), len(synth)


def ordinary_request(items: list[dict]) -> tuple[bytes, int]:
    """200 KB of ordinary outputs: every item of 1-8 KB (not `read`) in id order, held-out ones
    too, so that the request is no choice of ours. For timing only: nothing of it is shown."""
    picked: list[dict] = []
    size = 0
    for it in sorted(items, key=lambda it: (it["id"], it["key"])):
        n = len(it["text"].encode())
        if it["tool"] != "read" and ORDINARY_BYTES[0] <= n <= ORDINARY_BYTES[1]:
            picked.append(it)
            size += n
            if size > SYNTH_TARGET_BYTES:
                break
    return tool_request(picked), len(picked)


def time_synth_once(body: bytes, db: Path, with_parse: bool) -> tuple[float, float]:
    """(wall ms, CPU ms) of one compression of `body` with a fresh store and memo. Timed as the
    proxy runs the stage: the body arrives parsed (flowdata parses it once for every stage);
    `with_parse` includes that parse. Wall and CPU time both: the VM is shared."""
    clear_memo()
    try:
        with OriginalStore(db) as fresh:  # nothing rendered before
            t0, c0 = time.perf_counter(), time.thread_time()
            parsed = None if with_parse else json.loads(body)
            t1, c1 = time.perf_counter(), time.thread_time()
            if with_parse:
                t1, c1 = t0, c0
            compress_request(body, api_format="openai-chat", content_encoding=None, settings=CompressionSettings(),
                             store=fresh, parsed=parsed)
            t2, c2 = time.perf_counter(), time.thread_time()
    finally:
        db.unlink(missing_ok=True)
    return (t2 - t1) * 1000, (c2 - c1) * 1000


def time_synth(body: bytes, td: Path, runs: int) -> tuple[list[float], list[float], list[float]]:
    """Wall and CPU ms on the parsed body, and wall ms with the parse, alternating."""
    synth_times: list[float] = []
    synth_cpu: list[float] = []
    parse_times: list[float] = []
    for k in range(runs):
        wall, cpu = time_synth_once(body, td / f"synth{k}.db", with_parse=not k % 2)
        if k % 2:
            synth_times.append(wall)
            synth_cpu.append(cpu)
        else:
            parse_times.append(wall)
    return synth_times, synth_cpu, parse_times


def timing_line(body: bytes, n: int, wall: list[float], cpu: list[float], with_parse: list[float],
                label: str = "200 KB request") -> str:
    return (f"- {label} ({len(body):,} B, {n} tool outputs), compress stage on the parsed body: "
            f"p50 {pct(wall, 50):.2f} ms, p99 {pct(wall, 99):.2f} ms wall; "
            f"CPU p50 {pct(cpu, 50):.2f} ms, p99 {pct(cpu, 99):.2f} ms; "
            f"with the JSON parse: p50 {pct(with_parse, 50):.2f} ms, p99 {pct(with_parse, 99):.2f} ms wall")


def main() -> int:
    ap = argparse.ArgumentParser(description="compression fidelity and savings: ours vs headroom-ai")
    ap.add_argument("--quick", action="store_true", help="30 timing runs of the 200 KB request instead of 200")
    ap.add_argument("--timing-only", action="store_true", help="only time the 200 KB request (no fidelity, no baseline)")
    ap.add_argument("--json", type=Path)
    ap.add_argument("--headroom-venv", type=Path, default=Path("/tmp/headroom-ai-venv"))
    ap.add_argument("--no-baseline", action="store_true", help="skip headroom-ai (tokens then counted by tiktoken if the venv exists)")
    ap.add_argument("--split", choices=["tune", "heldout", "legacy", "all"], default="all")
    ap.add_argument("--show", help="print this item's compressed text (tuning items only)")
    args = ap.parse_args()

    items = [it for it in load_items() if args.split == "all" or it["split"] == args.split]
    with tempfile.TemporaryDirectory(prefix="hm-bench-store-") as td, OriginalStore(Path(td) / "o.db") as store:
        ours = {} if args.timing_only else run_ours(items, store)
        if args.show:
            it = next(i for i in items if args.show in (i["id"], i["key"]))
            if it["split"] == "heldout":
                print("held-out items are not shown", file=sys.stderr)
                return 2
            print(ours[it["key"]]["text"])
            return 0
        body, n_synth = synth_request(items)
        runs = 30 if args.quick else 200
        synth_times, synth_cpu, parse_times = time_synth(body, Path(td), runs)
        ord_body, n_ord = ordinary_request(load_items())  # all items whatever --split: timing only
        ord_times, ord_cpu, ord_parse = time_synth(ord_body, Path(td), runs)
    timings = [timing_line(body, n_synth, synth_times, synth_cpu, parse_times),
               timing_line(ord_body, n_ord, ord_times, ord_cpu, ord_parse, ORDINARY_LABEL)]
    if args.timing_only:
        print("\n".join(timings))
        return 0

    engines = ["headroom-mitm"]
    theirs: dict[str, str | None] = {}
    hr_version = None
    texts = [it["text"] for it in items] + [ours[it["key"]]["text"] for it in items]
    counts: list[int] | None = None
    venv_ok = (args.headroom_venv / "bin" / "python").exists()
    if venv_ok and not args.no_baseline:
        reqs = {it["key"]: json.loads(request(it))["messages"] for it in items}
        got = run_venv(args.headroom_venv, HEADROOM_RUNNER, {"requests": reqs, "count": texts})
        theirs, hr_version = got["texts"], got["version"]
        extra = [t if t is not None else it["text"] for it, t in ((it, theirs.get(it["key"])) for it in items)]
        counts = got["tokens"] + run_venv(args.headroom_venv, COUNT_RUNNER, extra)
        engines.append("headroom-ai")
    elif venv_ok:
        try:
            counts = run_venv(args.headroom_venv, COUNT_RUNNER, texts)
        except RuntimeError as exc:
            print(f"cl100k unavailable, falling back: {exc.args[0][-200:]}", file=sys.stderr)
    if counts is None:
        from headroom_mitm.meter.usage import estimate_tokens

        counts = [estimate_tokens(t) for t in texts]
        tokenizer = "headroom_mitm.meter.usage.estimate_tokens (no headroom-ai venv for cl100k)"
    else:
        tokenizer = "tiktoken cl100k_base"

    n = len(items)
    rows = []
    for k, it in enumerate(items):
        o = ours[it["key"]]
        row = {"id": it["id"], "kind": it["kind"], "family": it["family"], "split": it["split"], "source": it["source"],
               "needles": len(it["needles"]), "tok_before": counts[k],
               "headroom-mitm": {"tok_after": counts[n + k], "kept": sum(needle_kept(x, o["text"]) for x in it["needles"]),
                                 "lost": [x for x in it["needles"] if not needle_kept(x, o["text"])][:5],
                                 "transforms": o["transforms"]},
               "rewritten": 0 if any(t.startswith(("json", "compact_json")) for t in o["transforms"])
               else rewritten_lines(it["text"], o["text"]),
               "read_changed": it["tool"] == "read" and o["text"] != it["text"],
               "marker_without_tool": o["marker_without_tool"]}
        if "headroom-ai" in engines:
            t = theirs.get(it["key"]) or it["text"]
            row["headroom-ai"] = {"tok_after": counts[2 * n + k], "kept": sum(needle_kept(x, t) for x in it["needles"])}
        rows.append(row)

    out: list[str] = []
    for split in ("tune", "heldout", "legacy"):
        part = [r for r in rows if r["split"] == split]
        if part:
            out.append(f"\n### {split} ({len(part)} items, {len({r['kind'] for r in part})} kinds)\n")
            out += table(part, engines, "family")
    held = [r for r in rows if r["split"] == "heldout"]
    for label, srcs in held_out_parts(held):
        part = [r for r in held if r["source"] in srcs]
        if part:
            out.append(f"\n### {label} ({len(part)} items, {len({r['kind'] for r in part})} kinds)\n")
            t = table(part, engines, "family")
            out += t[:2] + t[-1:]
    fresh = [r for r in rows if r["split"] != "legacy"]
    out.append("\n### invariants on every item\n")
    out.append(f"- kept lines rewritten by a lossy transform: {sum(r['rewritten'] for r in rows)}")
    out.append(f"- `read` outputs changed: {sum(r['read_changed'] for r in rows)} of {sum(1 for it in items if it['tool'] == 'read')}")
    out.append(f"- requests without the retrieve tool that got a lossy marker: {sum(r['marker_without_tool'] for r in rows)} of {len(rows)}")
    out += timings
    out.append(f"- corpus: {len(fresh)} new items of {len({r['kind'] for r in fresh})} kinds, {sum(r['needles'] for r in fresh)} needles; tokens: {tokenizer}; headroom-ai {hr_version or 'not run'}")
    m = describe()
    out.append(f"- machine: {m['nproc']} CPU ({m['cpu']}), {m['ram']}, Python {m['python']}")
    lost = [r for r in rows if r["headroom-mitm"]["lost"] and r["split"] != "heldout"]
    if lost:
        out.append("\nneedles lost (tuning and legacy items; held-out items are counted, not shown):")
        for r in lost:
            out.append(f"  {r['id']} [{r['kind']}]: {r['needles'] - r['headroom-mitm']['kept']} lost, e.g. "
                       + "; ".join(repr(x if isinstance(x, str) else x['any'][0])[:90] for x in r["headroom-mitm"]["lost"][:3]))
    print("\n".join(out))
    if args.json:
        args.json.write_text(json.dumps({"rows": rows, "machine": m, "tokenizer": tokenizer,
                                         "synthetic_ms": {"p50": pct(synth_times, 50), "p99": pct(synth_times, 99),
                                                          "cpu_p50": pct(synth_cpu, 50), "cpu_p99": pct(synth_cpu, 99),
                                                          "with_parse_p50": pct(parse_times, 50), "with_parse_p99": pct(parse_times, 99)},
                                         "ordinary_ms": {"p50": pct(ord_times, 50), "p99": pct(ord_times, 99),
                                                         "cpu_p50": pct(ord_cpu, 50), "cpu_p99": pct(ord_cpu, 99),
                                                         "with_parse_p50": pct(ord_parse, 50), "with_parse_p99": pct(ord_parse, 99)}}, indent=1) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
