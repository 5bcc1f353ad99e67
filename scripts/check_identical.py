#!/usr/bin/env python3
"""Are two engines' outputs byte-identical on the whole corpus? Hashes only.

Every item of scripts/corpus/data/*.json is compressed as bench_compression.py does (with the
retrieve tool, then without it, memo cleared, one store), and so are both 200 KB requests; what is
recorded per item is a SHA-256 of each compressed request body and of its transforms, never the
text (held-out items must not be looked at in compressed form).

  .venv/bin/python scripts/check_identical.py --out new.json                    # this tree
  git archive main addon certs | tar -x -C /tmp/base
  .venv/bin/python scripts/check_identical.py --addon /tmp/base/addon --out old.json
  .venv/bin/python scripts/check_identical.py --compare old.json new.json      # exit 1 on a difference
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import tempfile
from pathlib import Path


def digest(body: bytes, transforms: list[str]) -> str:
    return hashlib.sha256(body + b"\0" + "\0".join(transforms).encode()).hexdigest()


def hashes(addon: Path) -> dict[str, str]:
    sys.path.insert(0, str(addon))
    import headroom_mitm  # noqa: F401  (this tree's engine, before bench_compression adds its own)

    import bench_compression as bc

    print(f"engine: {Path(headroom_mitm.__file__).parent}", file=sys.stderr)
    items = bc.load_items()
    s = bc.CompressionSettings()
    out: dict[str, str] = {}
    with tempfile.TemporaryDirectory(prefix="hm-identical-") as td, bc.OriginalStore(Path(td) / "o.db") as store:
        for it in items:
            for tag, with_tool in (("", True), ("bare:", False)):
                bc.clear_memo()
                res = bc.compress_request(bc.request(it, with_retrieve=with_tool), api_format="openai-chat",
                                          content_encoding=None, settings=s, store=store)
                out[tag + it["key"]] = digest(res.body, [t for b in res.blocks for t in b.transforms])
        for key, (body, _) in (("synth:200KB", bc.synth_request(items)), ("synth:ordinary", bc.ordinary_request(items))):
            bc.clear_memo()
            with bc.OriginalStore(Path(td) / f"{key[6:]}.db") as fresh:
                res = bc.compress_request(body, api_format="openai-chat", content_encoding=None, settings=s, store=fresh)
            out[key] = digest(res.body, [t for b in res.blocks for t in b.transforms])
    return out


def compare(old: dict[str, str], new: dict[str, str]) -> int:
    differ = sorted(k for k in old.keys() | new.keys() if old.get(k) != new.get(k))
    print(f"{len(old.keys() & new.keys())} requests in both, {len(differ)} differ")
    for k in differ[:40]:
        print(f"  differs: {k}")
    return 1 if differ else 0


def main() -> int:
    ap = argparse.ArgumentParser(description="SHA-256 of every compressed corpus request, or compare two such files")
    ap.add_argument("--addon", type=Path, default=Path(__file__).resolve().parents[1] / "addon",
                    help="the addon/ directory whose engine is run (default: this tree's)")
    ap.add_argument("--out", type=Path, help="write the hashes here (JSON)")
    ap.add_argument("--compare", nargs=2, type=Path, metavar=("OLD", "NEW"))
    args = ap.parse_args()
    if args.compare:
        return compare(*(json.loads(p.read_text()) for p in args.compare))
    found = hashes(args.addon.resolve())
    text = json.dumps(found, indent=0, sort_keys=True) + "\n"
    if args.out:
        args.out.write_text(text)
    print(f"{len(found)} requests hashed, digest of all: {hashlib.sha256(text.encode()).hexdigest()[:16]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
