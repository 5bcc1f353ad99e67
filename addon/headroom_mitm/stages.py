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
`dispatch_to_listeners` does the same for the whole chain, mitmproxy's own addons included: an
event goes only to the addons that have a hook for it.
"""

from __future__ import annotations

import inspect
import logging
import sys
import types
from typing import Any, Callable, Sequence

from mitmproxy import exceptions, hooks
from mitmproxy.addonmanager import AddonManager, safecall, traverse

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


def dispatch_to_listeners(manager: AddonManager) -> None:
    """mitmproxy's trigger_event hands each event to every addon in its chain, ≈1.5 µs each even when
    the addon has no hook for it; a request is about eight events (four flow hooks, each followed by
    `update`, which only mitmweb's flow list hears) through a dozen addons. This trigger_event hands
    an event only to the addons that have a hook for it (themselves or a sub-addon: mitmproxy's own
    walk), each as mitmproxy does (`invoke_addon` inside `safecall`, AddonHalt ends the round). Who
    listens is worked out per event name on first use, and again after any addon is registered or
    removed (mitmproxy's script loader registers scripts the same way)."""
    listeners: dict[str, list[Any]] = {}

    def listening(name: str) -> list[Any]:
        found = listeners.get(name)
        if found is None:
            found = listeners[name] = [a for a in manager.chain if any(getattr(sub, name, None) for sub in traverse([a]))]
        return found

    async def trigger_event(event: hooks.Hook) -> None:
        for addon in listening(event.name):
            try:
                with safecall():
                    await manager.invoke_addon(addon, event)
            except exceptions.AddonHalt:
                return

    def forgetting(change: Callable[..., Any]) -> Callable[..., Any]:
        def changed(*args: Any, **kwargs: Any) -> Any:
            listeners.clear()
            try:
                return change(*args, **kwargs)
            finally:
                listeners.clear()

        return changed

    manager.trigger_event = trigger_event  # type: ignore[method-assign]
    for name in ("register", "remove", "clear"):  # `add` registers through `register`
        setattr(manager, name, forgetting(getattr(manager, name)))
