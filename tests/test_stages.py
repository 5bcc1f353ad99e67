"""Our addons behind one mitmproxy addon (`stages.Stages`): mitmproxy's own dispatch rules, one chain entry."""

import asyncio
import datetime as dt
import logging

import pytest
from mitmproxy import exceptions
from mitmproxy.addonmanager import Loader
from mitmproxy.proxy.layers.http import HttpRequestHook
from mitmproxy.test import taddons, tflow

from headroom_certs.ca import create_ca
from headroom_mitm.addons import make_addons
from headroom_mitm.launcher.app import proxy_config
from headroom_mitm.launcher.proxy import _MITM_ADDONS, EmbeddedProxy
from headroom_mitm.launcher.settings import GlobalOptions
from headroom_mitm.stages import Stages, dispatch_to_listeners


class Recorder:
    def __init__(self, name, calls, fail=None):
        self.label, self.calls, self.fail = name, calls, fail
        self.name = f"recorder-{name}"  # mitmproxy wants a unique name per addon

    def request(self, flow):
        self.calls.append(self.label)
        if self.fail is not None:
            raise self.fail


class Later:
    def __init__(self, calls):
        self.calls = calls

    async def request(self, flow):
        await asyncio.sleep(0)
        self.calls.append("later")


class Bystander:
    def response(self, flow):
        raise AssertionError("not a request hook")


def _request(addon):
    with taddons.context(addon) as tctx:
        asyncio.run(tctx.master.addons.handle_lifecycle(HttpRequestHook(tflow.tflow())))


def test_hooks_run_once_each_in_order_and_coroutines_are_awaited_in_turn():
    calls = []
    stages = Stages([Recorder("a", calls), Bystander(), Later(calls), Recorder("b", calls)])
    assert not hasattr(stages, "responseheaders") and len(stages.hooks["request"]) == 3
    _request(stages)
    assert calls == ["a", "later", "b"]


def test_an_addon_error_is_logged_as_mitmproxy_logs_it_and_the_next_addon_still_runs(caplog):
    calls = []
    with caplog.at_level(logging.ERROR):
        _request(Stages([Recorder("a", calls, fail=ValueError("boom")), Recorder("b", calls)]))
    assert calls == ["a", "b"]
    assert any(r.getMessage() == "Addon error: boom" and r.exc_info for r in caplog.records)


def test_addon_halt_stops_the_chain_and_options_errors_pass():
    calls = []
    _request(Stages([Recorder("a", calls, fail=exceptions.AddonHalt()), Recorder("b", calls)]))
    assert calls == ["a"]

    class Strict:
        def configure(self, updated):
            raise exceptions.OptionsError("bad value")

    with pytest.raises(exceptions.OptionsError):
        Stages([Strict()]).configure({"x"})


def test_load_errors_stop_start_up():
    class Broken:
        def load(self, loader):
            raise RuntimeError("cannot load")

    with taddons.context() as tctx, pytest.raises(RuntimeError):
        Stages([Broken()]).load(Loader(tctx.master))


def test_the_embedded_proxy_gives_mitmproxy_one_addon_for_all_of_ours(tmp_path):
    ca = create_ca(tmp_path / "ca", "test CA", dt.timedelta(days=1))
    options = GlobalOptions(state_dir=tmp_path / "state")
    ours = make_addons(options)
    with EmbeddedProxy(proxy_config(options, ca.directory, scratch=tmp_path), ours) as proxy:
        chain = proxy.master.addons.chain
        assert len(chain) == len(_MITM_ADDONS) + 1
        assert isinstance(chain[-1], Stages) and list(chain[-1].stages[: len(ours)]) == ours
        assert proxy.master.addons.trigger_event.__qualname__.startswith(dispatch_to_listeners.__name__)


class Listener:
    def __init__(self):
        self.updates = 0

    def update(self, flows):
        self.updates += 1


def test_events_go_only_to_the_addons_with_a_hook_for_them():
    calls = []
    with taddons.context(Stages([Recorder("a", calls)]), Bystander()) as tctx:
        manager = tctx.master.addons
        dispatch_to_listeners(manager)
        invoked = []
        invoke = manager.invoke_addon

        async def counting(addon, event):
            invoked.append((type(addon).__name__, event.name))
            await invoke(addon, event)

        manager.invoke_addon = counting
        asyncio.run(manager.handle_lifecycle(HttpRequestHook(tflow.tflow())))
        assert calls == ["a"] and invoked == [("Stages", "request")]  # no `update` round: nobody hears it
        listener = Listener()
        manager.add(listener)  # registered later: heard at once
        asyncio.run(manager.handle_lifecycle(HttpRequestHook(tflow.tflow())))
        assert invoked[1:] == [("Stages", "request"), ("Listener", "update")] and listener.updates == 1
        manager.remove(listener)
        asyncio.run(manager.handle_lifecycle(HttpRequestHook(tflow.tflow())))
        assert invoked[3:] == [("Stages", "request")] and listener.updates == 1


def test_listeners_keep_mitmproxys_rules(caplog):
    calls = []
    with taddons.context(Recorder("a", calls, fail=ValueError("boom")), Recorder("b", calls, fail=exceptions.AddonHalt()),
                         Recorder("c", calls)) as tctx:
        dispatch_to_listeners(tctx.master.addons)
        with caplog.at_level(logging.ERROR):
            asyncio.run(tctx.master.addons.trigger_event(HttpRequestHook(tflow.tflow())))
    assert calls == ["a", "b"] and any(r.getMessage() == "Addon error: boom" for r in caplog.records)


def test_a_coroutine_behind_a_decorator_is_awaited():
    import functools

    calls = []

    def passing(hook):
        @functools.wraps(hook)
        def run(self, flow):
            return hook(self, flow)

        return run

    class Wrapped:
        @passing
        async def request(self, flow):
            await asyncio.sleep(0)
            calls.append("wrapped")

    _request(Stages([Wrapped(), Recorder("b", calls)]))
    assert calls == ["wrapped", "b"]
