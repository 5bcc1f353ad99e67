"""Our addons registered with mitmproxy as one addon, `Stages`, which calls theirs in order.

mitmproxy hands every event to every addon in its chain (about eight events per request: four flow
hooks, each followed by `update`), and that costs ≈1.5 µs per addon and event (a coroutine, a
context manager, a getattr walk) whether or not the addon has a hook for it: 16 addons of ours
spent ≈0.2 ms of CPU per request doing nothing. `Stages` keeps, for each hook name, the bound
methods of the addons that have one, and calls just those, with mitmproxy's own rules:

- in the order the addons were given (make_addons: flow order);
- an exception is logged as mitmproxy logs it ("Addon error: …") and the next addon still runs,
  except `AddonHalt` (stops the chain) and `OptionsError` (rejects the option update), which pass;
- `load` runs without that net, as mitmproxy's register does: an addon that cannot load stops start-up;
- a coroutine is awaited before the next addon runs; a hook without one stays synchronous.

The hook methods are looked up once, when `Stages` is made (after mitmproxy is imported).
"""

from __future__ import annotations

import inspect
import logging
import sys
import types
from typing import Any, Callable, Sequence

from mitmproxy import exceptions, flow, hooks
from mitmproxy.addonmanager import AddonManager, traverse

# mitmproxy's safecall logs on its addon manager's logger: an addon error reads the same as before.
_mitm_log = logging.getLogger("mitmproxy.addonmanager")
_PASS_THROUGH = (exceptions.AddonHalt, exceptions.OptionsError)

Hook = Callable[..., Any]


def hook_names() -> frozenset[str]:
    """Every mitmproxy event name. Hooks register themselves when their module is imported; these
    are the modules that define them (all loaded already wherever a proxy runs)."""
    import mitmproxy.addonmanager  # noqa: F401  (load)
    import mitmproxy.proxy.layers  # noqa: F401  (http, tcp, udp, websocket, tls, dns, quic)
    import mitmproxy.proxy.layers.modes  # noqa: F401  (socks5_auth)
    import mitmproxy.proxy.server_hooks  # noqa: F401  (client/server connections)

    return frozenset(hooks.all_hooks)


def _addon_error() -> None:
    etype, value, tb = sys.exc_info()
    _mitm_log.error(f"Addon error: {value}", exc_info=(etype, value, tb))


def _dispatcher(name: str, methods: tuple[Hook, ...]) -> Hook:
    if name == "load":
        def load(loader: Any) -> None:
            for method in methods:
                method(loader)

        return load
    # unwrap: a decorator (functools.wraps) around a coroutine function may hide what it returns
    if any(inspect.iscoroutinefunction(m) or inspect.iscoroutinefunction(inspect.unwrap(m)) for m in methods):
        async def dispatch_async(*args: Any) -> None:
            for method in methods:
                try:
                    result = method(*args)
                    if result is not None and inspect.isawaitable(result):
                        await result
                except _PASS_THROUGH:
                    raise
                except Exception:
                    _addon_error()

        return dispatch_async

    def dispatch(*args: Any) -> None:
        for method in methods:
            try:
                method(*args)
            except _PASS_THROUGH:
                raise
            except Exception:
                _addon_error()

    return dispatch


class Stages:
    """One mitmproxy addon standing for `addons` (see the module docstring)."""

    name = "headroom-stages"

    def __init__(self, addons: Sequence[object]) -> None:
        self.stages = tuple(addons)  # not `addons`: mitmproxy would walk that and call them twice
        self.hooks: dict[str, tuple[Hook, ...]] = {}
        for name in sorted(hook_names()):
            methods = []
            for addon in self.stages:
                method = getattr(addon, name, None)
                if not method or isinstance(method, types.ModuleType):  # as mitmproxy: an imported module is no hook
                    continue
                if not callable(method):
                    raise exceptions.AddonManagerError(f"Addon handler {name} ({addon}) not callable")
                methods.append(method)
            if methods:
                self.hooks[name] = tuple(methods)
                setattr(self, name, _dispatcher(name, tuple(methods)))


def skip_unheard_updates(manager: AddonManager) -> None:
    """mitmproxy follows every flow hook with an `update` event for every addon (mitmweb's flow list
    listens to it): four more rounds through the chain per request. With no addon listening, as in
    a proxy without the web UI, they are skipped. Whether one listens is asked again whenever an
    addon is registered or removed (mitmproxy's script loader registers scripts the same way)."""
    listening: list[bool] = []  # empty: not known since the last change

    def heard() -> bool:
        if not listening:
            listening.append(any(getattr(a, "update", None) for a in traverse(manager.chain)))
        return listening[0]

    async def handle_lifecycle(event: hooks.Hook) -> None:  # mitmproxy's, with the question asked first
        message = event.args()[0]
        await manager.trigger_event(event)
        if isinstance(message, flow.Flow) and heard():
            await manager.trigger_event(hooks.UpdateHook([message]))

    def forgetting(change: Callable[..., Any]) -> Callable[..., Any]:
        def changed(*args: Any, **kwargs: Any) -> Any:
            listening.clear()
            try:
                return change(*args, **kwargs)
            finally:
                listening.clear()

        return changed

    manager.handle_lifecycle = handle_lifecycle  # type: ignore[method-assign]
    for name in ("register", "remove", "clear"):  # `add` registers through `register`
        setattr(manager, name, forgetting(getattr(manager, name)))
