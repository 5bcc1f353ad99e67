#!/usr/bin/env python3
"""The 200 KB requests' compression time, this tree side by side with another, interleaved.

Both requests of bench_compression.py: the 200 KB request, and 200 KB of ordinary outputs
(1-8 KB each). One worker process per tree; each round asks them in turn (order alternating),
per request, for one timing of the compress stage on the parsed body and one with the JSON
parse, exactly as bench_compression.py times it (fresh store, memo cleared). On a shared VM the two trees thus
see the same load; compare the CPU columns first.

  git archive main addon certs | tar -x -C /tmp/base
  .venv/bin/python scripts/bench_compress_speed.py --base /tmp/base/addon [--runs 200]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

REQUESTS = ("200 KB request", "200 KB of ordinary outputs")
HERE = Path(__file__).resolve().parent


def worker(addon: Path) -> int:
    sys.path.insert(0, str(addon))
    import headroom_mitm  # noqa: F401  (this engine, before bench_compression adds its own)

    import bench_compression as bc

    items = bc.load_items()
    bodies = [bc.synth_request(items), bc.ordinary_request(items)]  # in the order of REQUESTS
    print(json.dumps({"requests": {r: [len(b), n] for r, (b, n) in zip(REQUESTS, bodies)},
                      "engine": str(Path(headroom_mitm.__file__).parent)}), flush=True)
    with tempfile.TemporaryDirectory(prefix="hm-speed-") as td:
        for k, cmd in enumerate(sys.stdin):
            kind, req = cmd.split()
            wall, cpu = bc.time_synth_once(bodies[int(req)][0], Path(td) / f"s{k}.db", with_parse=kind == "parse")
            print(json.dumps([wall, cpu]), flush=True)
    return 0


def main() -> int:
    ap = argparse.ArgumentParser(description="200 KB request: this tree vs another, interleaved")
    ap.add_argument("--base", type=Path, help="the other tree's addon/ directory (required)")
    ap.add_argument("--runs", type=int, default=200, help="timings per tree and kind")
    ap.add_argument("--worker", type=Path, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.worker:
        return worker(args.worker)
    if args.base is None:
        ap.error("--base is required")
    trees = {"base": args.base.resolve(), "this": HERE.parent / "addon"}
    procs = {name: subprocess.Popen([sys.executable, __file__, "--worker", str(path)], stdin=subprocess.PIPE,
                                    stdout=subprocess.PIPE, text=True, cwd=HERE) for name, path in trees.items()}
    heads = {name: json.loads(p.stdout.readline()) for name, p in procs.items()}
    samples = {(n, r): {"wall": [], "cpu": [], "parse": []} for n in procs for r in range(len(REQUESTS))}

    def ask(name: str, cmd: str) -> list[float]:
        p = procs[name]
        p.stdin.write(cmd + "\n")
        p.stdin.flush()
        return json.loads(p.stdout.readline())

    names = list(procs)
    for k in range(args.runs):
        for r in range(len(REQUESTS)):
            for name in (names if k % 2 else names[::-1]):
                wall, cpu = ask(name, f"parsed {r}")
                samples[name, r]["wall"].append(wall)
                samples[name, r]["cpu"].append(cpu)
                samples[name, r]["parse"].append(ask(name, f"parse {r}")[0])
    for p in procs.values():
        p.stdin.close()
        p.wait()

    from bench_compression import pct
    from machine import describe

    for r, label in enumerate(REQUESTS):
        size, n = heads["this"]["requests"][label]
        print(f"\n{label} ({size:,} B, {n} tool outputs), {args.runs} interleaved runs per tree and kind")
        print("| tree | CPU p50 | CPU p99 | wall p50 | wall p99 | with parse p50 | with parse p99 |")
        print("|---|---|---|---|---|---|---|")
        for name in names:
            s = samples[name, r]
            print(f"| {name} ({heads[name]['engine']}) | {pct(s['cpu'], 50):.2f} | {pct(s['cpu'], 99):.2f} | "
                  f"{pct(s['wall'], 50):.2f} | {pct(s['wall'], 99):.2f} | {pct(s['parse'], 50):.2f} | {pct(s['parse'], 99):.2f} |")
        b, t = samples["base", r], samples["this", r]
        print(f"ratio this/base: CPU p50 {pct(t['cpu'], 50) / pct(b['cpu'], 50):.3f}, "
              f"CPU p99 {pct(t['cpu'], 99) / pct(b['cpu'], 99):.3f}, wall p50 {pct(t['wall'], 50) / pct(b['wall'], 50):.3f}")
    m = describe()
    print(f"machine: {m['nproc']} CPU ({m['cpu']}), {m['ram']}, Python {m['python']}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
