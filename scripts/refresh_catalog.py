#!/usr/bin/env python3
"""Rebuild the provider snapshot shipped in the package (addon/headroom_mitm/route/catalog.json).

Input: a models.dev catalog, either its `api.json` (https://models.dev/api.json, or OpenCode's cache
$XDG_CACHE_HOME/opencode/models.json) or, without the internet, what `opencode serve` answers at
`GET /provider` (it serves the snapshot built into the binary):

    opencode serve --port 4096 &   # with OPENCODE_DISABLE_MODELS_FETCH=1 offline
    curl -s http://127.0.0.1:4096/provider > provider.json
    python scripts/refresh_catalog.py provider.json --source "opencode 1.18.33 GET /provider"

The snapshot keeps, per provider id: its name, each (base URL, npm package) pair its models use,
and whether it only lives on loopback. Nothing else (no models, no prices).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "addon"))

from headroom_mitm.route.catalog import SNAPSHOT_NAME, compact, endpoints_of  # noqa: E402

DEFAULT_OUT = ROOT / "addon" / "headroom_mitm" / "route" / SNAPSHOT_NAME


def build(catalog: object, source: str) -> dict[str, object]:
    providers = compact(catalog)
    for pid, entry in providers.items():
        entry["loopback"] = endpoints_of(pid, entry, "snapshot").loopback
    return {"source": source, "count": len(providers), "providers": dict(sorted(providers.items()))}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("catalog", type=Path, help="models.dev api.json, OpenCode's models.json, or GET /provider JSON")
    parser.add_argument("--source", default=None, help="where the catalog came from (kept in the snapshot)")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args(argv)
    data = json.loads(args.catalog.read_text(encoding="utf-8"))
    snapshot = build(data, args.source or args.catalog.name)
    text = json.dumps(snapshot, indent=None, separators=(",", ":"), ensure_ascii=False)
    # One provider per line: readable diffs when the catalog changes.
    text = text.replace('},"', '},\n"')
    args.out.write_text(text + "\n", encoding="utf-8")
    print(f"{args.out}: {snapshot['count']} providers", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
