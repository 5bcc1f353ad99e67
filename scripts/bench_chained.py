#!/usr/bin/env python3
"""Chained outputs (`cmd1; cmd2`): does each part keep, printed after another, the needles it keeps
alone? A metamorphic check on TUNE items only (held-out items are never read here). Issue #11.

Tune bash items of 3-40 KB are shuffled (--seed) and taken two by two (three by three with
--three); outputs of one family are not chained. Each item is compressed alone, then the chain
(their texts one after the other, one newline between) is compressed, and each item's needles are
looked for in the chain's rendering. Reported: needles kept alone, kept chained, the total, and the
chains that lose the most.

  .venv/bin/python scripts/bench_chained.py [--tree DIR] [--seed N] [--three] [--worst N]
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
from pathlib import Path


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--tree", default=str(Path(__file__).resolve().parent.parent), help="tree whose addon/ is measured")
    ap.add_argument("--seed", type=int, default=3, help="shuffle seed (3: the pairs issue #11 was measured on)")
    ap.add_argument("--three", action="store_true", help="chain three outputs, not two")
    ap.add_argument("--worst", type=int, default=15, help="chains listed, those losing most first")
    args = ap.parse_args()
    sys.path.insert(0, f"{args.tree}/addon")
    import headroom_mitm  # from --tree: its submodules are then read from there, whatever bench_compression's path

    assert Path(headroom_mitm.__file__).resolve().is_relative_to(Path(args.tree).resolve())
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    import bench_compression as bc
    from headroom_mitm.compress.engine import clear_memo

    # Tune by the corpus's split and by the id's hash both (a corpus's own split may differ).
    items = [it for it in bc.load_items() if it["split"] == "tune" and bc.split_of(it["id"]) == "tune"
             and it["tool"] == "bash" and 3000 <= len(it["text"]) <= 40000]  # fmt: skip
    random.Random(args.seed).shuffle(items)
    k = 3 if args.three else 2
    settings = bc.CompressionSettings()

    def kept(store: bc.OriginalStore, text: str, needles: list) -> int:
        clear_memo()
        body = bc.request({"tool": "bash", "command": "x", "text": text})
        r = bc.compress_request(body, api_format="openai-chat", content_encoding=None, settings=settings, store=store)
        out = bc.tool_output(r.body)
        return sum(bc.needle_kept(n, out) for n in needles)

    alone = chained = total = 0
    rows: list[tuple[int, list[str], list[int]]] = []
    with tempfile.TemporaryDirectory() as td, bc.OriginalStore(Path(td) / "o.db") as store:
        for g in zip(*(items[j::k] for j in range(k))):
            if len({it["family"] for it in g}) < k:
                continue
            text = "\n".join(it["text"].rstrip("\n") for it in g) + "\n"
            lost = []
            for it in g:
                a, c = kept(store, it["text"], it["needles"]), kept(store, text, it["needles"])
                alone, chained, total = alone + a, chained + c, total + len(it["needles"])
                lost.append(a - c)
            rows.append((sum(lost), [it["id"] for it in g], lost))
    print(f"chains {len(rows)} of {k}; needles {total}: kept alone {alone:,}, chained {chained:,}; lost by chaining {alone - chained:,}")
    for n, ids, lost in sorted(rows, key=lambda r: -r[0])[: args.worst]:
        if n > 0:
            print(f"  {n:4d}  " + "  +  ".join(f"{i} ({x})" for i, x in zip(ids, lost)))


if __name__ == "__main__":
    main()
