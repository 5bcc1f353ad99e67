#!/usr/bin/env python3
"""Savings levers on the TUNING part only: compress every tuning item with the default
CompressionSettings and with each variant given as a JSON object of overrides, and print tokens
saved (cl100k, in the headroom-ai venv) and needles kept, overall and per family.

  .venv/bin/python scripts/bench_levers.py '{"keep_share": 0.15}' '{"keep_cap_chars": 4000}' …

Held-out items are never compressed here: a lever is adopted only when tuning needles do not drop.
"""

from __future__ import annotations

import dataclasses
import json
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import bench_compression as b  # noqa: E402  (corpus, request shape, tokenizer runner)
from headroom_mitm.compress import CompressionSettings, OriginalStore, clear_memo, compress_request  # noqa: E402

VENV = Path("/tmp/headroom-ai-venv")


def main() -> int:
    items = [it for it in b.load_items() if it["split"] == "tune"]
    configs = [{}] + [json.loads(a) for a in sys.argv[1:]]
    before = b.run_venv(VENV, b.COUNT_RUNNER, [it["text"] for it in items])
    total_needles = sum(len(it["needles"]) for it in items)
    for cfg in configs:
        s = dataclasses.replace(CompressionSettings(), **cfg)
        outs = []
        with tempfile.TemporaryDirectory() as td, OriginalStore(Path(td) / "o.db") as store:
            for it in items:
                clear_memo()
                res = compress_request(b.request(it), api_format="openai-chat", content_encoding=None, settings=s, store=store)
                outs.append(b.tool_output(res.body))
        after = b.run_venv(VENV, b.COUNT_RUNNER, outs)
        fams: dict[str, list[int]] = {}
        kept_all = 0
        for it, o, t0, t1 in zip(items, outs, before, after):
            kept = sum(b.needle_kept(n, o) for n in it["needles"])
            kept_all += kept
            f = fams.setdefault(it["family"], [0, 0, 0])
            f[0] += t0
            f[1] += t1
            f[2] += len(it["needles"]) - kept
        by_family = {k: f"{100 * (v[0] - v[1]) / v[0]:.0f}% saved, {v[2]} lost" for k, v in sorted(fams.items())}
        print(json.dumps(cfg), f"saved {100 * (sum(before) - sum(after)) / sum(before):.1f}%",
              f"needles {kept_all}/{total_needles} ({100 * kept_all / total_needles:.2f}%)", by_family, flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
