"""The proxy loads beside the agent: an agent done first is not kept waiting; a failed load stops it."""

import threading

import pytest

from headroom_mitm.launcher.app import _ProxyLoader


class FakeProxy:
    def __init__(self) -> None:
        self.started = False

    def start(self) -> None:
        self.started = True


def test_an_agent_done_before_the_proxy_loaded_does_not_wait_and_the_proxy_never_starts():
    release, made = threading.Event(), threading.Event()
    proxy = FakeProxy()

    def slow_make():
        release.wait(10)
        made.set()
        return proxy, None

    loader = _ProxyLoader(slow_make, on_failure=lambda: pytest.fail("no failure expected"))
    assert loader.settle() is None  # returns at once, while the proxy is still loading
    release.set()
    assert made.wait(10)
    loader.raise_failure()
    assert not proxy.started


def test_a_loaded_proxy_is_handed_back_for_an_orderly_stop():
    proxy = FakeProxy()
    done = threading.Event()

    def make():
        return proxy, "meter"

    loader = _ProxyLoader(make, on_failure=done.set)
    for _ in range(1000):  # bounded: the fake loads in microseconds
        if proxy.started:
            break
        threading.Event().wait(0.01)
    assert loader.settle() == (proxy, "meter")
    assert not done.is_set()


def test_a_failed_load_stops_the_agent_and_is_raised_afterwards():
    stopped = threading.Event()

    def broken():
        raise RuntimeError("port in use")

    loader = _ProxyLoader(broken, on_failure=stopped.set)
    assert stopped.wait(10)  # the agent is stopped: wait_child returns
    assert loader.settle() is None
    with pytest.raises(RuntimeError, match="port in use"):
        loader.raise_failure()


def _nice() -> int:
    import os

    return os.getpriority(os.PRIO_PROCESS, threading.get_native_id())


def test_the_proxy_is_made_at_a_lower_cpu_priority_and_started_at_full_priority():
    from headroom_mitm.launcher.app import LOADER_NICE

    seen: dict[str, int] = {}
    started = threading.Event()

    class Proxy(FakeProxy):
        def start(self) -> None:
            seen["start"] = _nice()  # the proxy's serving thread would inherit this
            started.set()

    def make():
        seen["make"] = _nice()
        return Proxy(), None

    base = _nice()
    loader = _ProxyLoader(make, on_failure=lambda: pytest.fail("no failure expected"))
    assert started.wait(10)
    loader.settle()
    assert seen["make"] == min(19, base + LOADER_NICE)
    assert seen["start"] == base
