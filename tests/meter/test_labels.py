"""Bounded labels and scrapes that never hold the event loop (#12 item 7)."""

from __future__ import annotations

import json
import threading

from headroom_mitm.meter.control import answer
from headroom_mitm.meter.hook import Meter
from headroom_mitm.meter.live import MAX_LABELS, FlowFacts, LiveStats, PriceSource, build_record
from tests.support import PROXY_AUTH, request_via_proxy


def flow(model: str, provider: str = "openai") -> object:
    return build_record(FlowFacts(host="api.openai.com", provider=provider, api_format="openai-chat", model=model,
                                  status=200, est_before=100, est_after=60))


def catalog(tmp_path):
    path = tmp_path / "models.json"
    path.write_text(json.dumps({"openai": {"models": {"gpt-known": {"cost": {"input": 1.0, "output": 2.0}}}}}))
    return PriceSource(path)


def test_twenty_thousand_model_names_fold_into_other_and_keep_every_count(tmp_path):
    stats = LiveStats(catalog(tmp_path))
    for n in range(20_000):
        stats.add(flow(f"attacker-model-{n:05d}-" + "x" * 300))
    stats.add(flow("gpt-known"))  # priced models keep their own row past the cap
    rows = stats.snapshot()["by_model"]
    assert len(rows) == MAX_LABELS + 2
    assert sum(r["requests"] for r in rows) == 20_001 == stats.total().requests
    assert {"provider": "openai", "model": "other"}.items() <= next(r for r in rows if r["model"] == "other").items()
    assert next(r for r in rows if r["model"] == "other")["requests"] == 20_000 - MAX_LABELS
    assert any(r["model"] == "gpt-known" for r in rows)
    assert all(len(r["model"]) <= 100 for r in rows)
    metrics = stats.prometheus()
    assert len(metrics) < 200_000 and b'model="other"' in metrics
    assert len(answer(stats, "GET", "/stats", client_loopback=True, host_header="headroom.mitm")[1]) < 200_000


class HeldStats(LiveStats):
    """A scrape that cannot finish until the test lets it: shows whether it holds the event loop."""

    def __init__(self) -> None:
        super().__init__(None)
        self.entered, self.release = threading.Event(), threading.Event()

    def prometheus(self) -> bytes:
        self.entered.set()
        self.release.wait(20)
        return super().prometheus()


def test_a_slow_scrape_does_not_stop_other_traffic(start_proxy, tmp_path):
    proxy = start_proxy()
    meter = next(a for a in proxy._addons if isinstance(a, Meter))
    held, live = HeldStats(), meter.stats
    for addon in proxy._addons:
        if getattr(addon, "stats", None) is live:  # the meter and the control endpoint
            addon.stats = held
    result: list[int] = []

    def scrape() -> None:
        result.append(request_via_proxy(proxy.address.port, "headroom.mitm", "/metrics", ca_file=None, https=False,
                                        proxy_auth=PROXY_AUTH, timeout=30)[0])

    scraper = threading.Thread(target=scrape)
    scraper.start()
    try:
        assert held.entered.wait(10)
        # While the scrape is held, another request is still answered (a loop-bound render would wait).
        status, _, body = request_via_proxy(proxy.address.port, "headroom.mitm", "/nothing", ca_file=None, https=False,
                                            proxy_auth=PROXY_AUTH, timeout=10)
        assert status == 404 and not result
    finally:
        held.release.set()
        scraper.join(30)
    assert result == [200]
