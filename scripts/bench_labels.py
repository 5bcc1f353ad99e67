#!/usr/bin/env python
"""Label cardinality benchmark: N distinct model names → /metrics and /stats size, render time, and
how long other traffic waits while a scrape runs (issue #12, item 7).

1. Live totals are fed N records, each with its own model name (what a hostile or buggy client can
   send), then /metrics and /stats are rendered `--repeat` times: size and median render time.
2. The same totals behind a running proxy (the EmbeddedProxy with our addons, in this process):
   a client scrapes /metrics over HTTP while another sends small requests to the proxy's own
   endpoint back to back; the longest of those during the scrape is the stall other traffic sees.

Runs against whichever headroom_mitm is importable, so a side-by-side with another tree is

    .venv/bin/python scripts/bench_labels.py                                  # this tree
    PYTHONPATH=/path/to/other/addon .venv/bin/python scripts/bench_labels.py  # e.g. main

It reports, never asserts.
"""

from __future__ import annotations

import argparse
import base64
import datetime as dt
import http.client
import json
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from machine import describe  # noqa: E402

AUTH = "bench:bench-pw"


def fill(stats, n: int) -> None:
    from headroom_mitm.meter.live import FlowFacts, build_record

    for i in range(n):
        stats.add(build_record(FlowFacts(host="api.openai.com", provider="openai", api_format="openai-chat",
                                         model=f"model-{i:05d}", status=200, est_before=1000, est_after=600)))


def timed(fn, repeat: int) -> tuple[float, int]:
    times, size = [], 0
    for _ in range(repeat):
        t = time.perf_counter()
        size = len(fn())
        times.append(time.perf_counter() - t)
    return statistics.median(times), size


def get(port: int, path: str) -> tuple[int, int]:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
    try:
        conn.request("GET", f"http://headroom.mitm{path}",
                     headers={"Proxy-Authorization": "Basic " + base64.b64encode(AUTH.encode()).decode()})
        response = conn.getresponse()
        return response.status, len(response.read())
    finally:
        conn.close()


def stall_during_scrape(stats, scrapes: int) -> dict:
    from headroom_certs.ca import create_ca
    from headroom_mitm.addons import make_addons
    from headroom_mitm.launcher.app import proxy_config
    from headroom_mitm.launcher.proxy import EmbeddedProxy
    from headroom_mitm.launcher.settings import GlobalOptions

    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        ca = create_ca(root / "ca", "bench CA", dt.timedelta(days=1))
        options = GlobalOptions(state_dir=root / "state")
        addons = make_addons(options)
        live = next(a.stats for a in addons if type(a).__name__ == "Meter")
        for addon in addons:
            if getattr(addon, "stats", None) is live:
                addon.stats = stats
        proxy = EmbeddedProxy(proxy_config(options, ca.directory, scratch=root, proxy_auth=AUTH), addons)
        proxy.start()
        try:
            port = proxy.address.port
            get(port, "/nothing")
            scrape_s, probes, idle = [], [], []
            for _ in range(5):  # probe latency with no scrape running, for comparison
                t = time.perf_counter()
                get(port, "/nothing")
                idle.append(time.perf_counter() - t)
            for _ in range(scrapes):
                done = threading.Event()

                def probe() -> None:
                    while not done.is_set():
                        t = time.perf_counter()
                        get(port, "/nothing")
                        probes.append(time.perf_counter() - t)

                worker = threading.Thread(target=probe)
                worker.start()
                t = time.perf_counter()
                status, size = get(port, "/metrics")
                scrape_s.append(time.perf_counter() - t)
                done.set()
                worker.join()
            return {"scrape_s_median": statistics.median(scrape_s), "http_metrics_bytes": size, "status": status,
                    "probe_max_s": max(probes), "probe_median_s": statistics.median(probes),
                    "probe_idle_median_s": statistics.median(idle), "probes": len(probes)}
        finally:
            proxy.stop()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--models", type=int, default=20_000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--scrapes", type=int, default=3)
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()

    import headroom_mitm
    from headroom_mitm.meter.live import LiveStats

    stats = LiveStats(None)
    t = time.perf_counter()
    fill(stats, args.models)
    fill_s = time.perf_counter() - t
    metrics_s, metrics_bytes = timed(stats.prometheus, args.repeat)
    snapshot_s, stats_bytes = timed(lambda: json.dumps(stats.snapshot(), indent=1).encode(), args.repeat)
    result = {
        "tree": str(Path(headroom_mitm.__file__).resolve().parents[1]),
        "machine": describe(),
        "models": args.models,
        "rows": len(stats.snapshot()["by_model"]),
        "fill_us_per_record": fill_s / args.models * 1e6,
        "metrics_bytes": metrics_bytes,
        "metrics_render_s_median": metrics_s,
        "stats_bytes": stats_bytes,
        "stats_render_s_median": snapshot_s,
        **stall_during_scrape(stats, args.scrapes),
    }
    text = json.dumps(result, indent=1)
    print(text)
    if args.json:
        args.json.write_text(text + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
