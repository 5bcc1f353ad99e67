"""The embedded proxy itself: ephemeral port, proxy auth, --route, hop marker, real shutdown."""

import datetime as dt
import socket

import pytest

from headroom_certs.ca import create_ca
from headroom_mitm.addons import make_addons
from headroom_mitm.launcher.app import proxy_config
from headroom_mitm.launcher.proxy import EmbeddedProxy, ProxyConfig, ProxyStartError
from headroom_mitm.launcher.settings import GlobalOptions
from tests.support import RecordingUpstream, request_via_proxy


@pytest.fixture()
def ca(tmp_path):
    return create_ca(tmp_path / "ca", "test CA", dt.timedelta(days=1))


def start(tmp_path, ca, routes=(), proxy_auth="u:secret-pw"):
    options = GlobalOptions(state_dir=tmp_path / "state", routes=tuple(routes))
    proxy = EmbeddedProxy(proxy_config(options, ca.directory, scratch=tmp_path, proxy_auth=proxy_auth), make_addons(options))
    proxy.start()
    return proxy


def test_listens_on_an_ephemeral_loopback_port_and_really_closes_it(tmp_path, ca):
    proxy = start(tmp_path, ca)
    address = proxy.address
    assert address.host == "127.0.0.1" and address.port > 0
    socket.create_connection(("127.0.0.1", address.port), timeout=2).close()
    proxy.stop()
    with pytest.raises(ConnectionRefusedError):
        socket.create_connection(("127.0.0.1", address.port), timeout=2)


def test_missing_proxy_credentials_get_407(tmp_path, ca):
    with RecordingUpstream() as upstream:
        proxy = start(tmp_path, ca, routes=[f"svc.test={upstream.url}"])
        try:
            status, _, _ = request_via_proxy(proxy.address.port, "svc.test", "/", ca_file=None, https=False)
            assert status == 407
            status, _, _ = request_via_proxy(
                proxy.address.port, "svc.test", "/", ca_file=None, https=False, proxy_auth="u:wrong"
            )
            assert status == 407
        finally:
            proxy.stop()
        assert upstream.seen == []


def test_route_sends_https_requests_for_a_host_to_the_local_upstream_with_a_hop_marker(tmp_path, ca):
    with RecordingUpstream() as upstream:
        proxy = start(tmp_path, ca, routes=[f"api.example.test={upstream.url}/base"])
        try:
            status, _, body = request_via_proxy(
                proxy.address.port, "api.example.test", "/v1/x?q=1", ca_file=ca.cert, proxy_auth="u:secret-pw",
                method="POST", body=b'{"a": 1}', headers={"Content-Type": "application/json"},
            )
        finally:
            proxy.stop()
    assert status == 200, body
    assert len(upstream.seen) == 1
    seen = upstream.seen[0]
    assert seen.path == "/base/v1/x?q=1"
    assert seen.body == b'{"a": 1}'
    assert seen.headers["via"] == "1.1 headroom-mitm"
    assert "proxy-authorization" not in seen.headers


def test_a_port_in_use_is_a_clear_start_error(tmp_path, ca):
    blocker = socket.socket()
    blocker.bind(("127.0.0.1", 0))
    blocker.listen()
    port = blocker.getsockname()[1]
    try:
        proxy = EmbeddedProxy(ProxyConfig(confdir=ca.directory, listen_port=port), [])
        with pytest.raises(ProxyStartError, match=str(port)):
            proxy.start()
    finally:
        blocker.close()


def test_a_proxy_loads_only_the_mitmproxy_addons_it_runs(tmp_path, ca):
    # mitmproxy.master imports mitmproxy.addons.termlog: the package's __init__ (every default addon,
    # flask for the onboarding app among them) must not run on the way (issue #14). Nor is pydantic
    # loaded without a policy file: the proxy loads beside the agent's start.
    import subprocess
    import sys

    code = f"""
import sys
from pathlib import Path
from headroom_mitm.addons import make_addons
from headroom_mitm.launcher.app import proxy_config
from headroom_mitm.launcher.proxy import EmbeddedProxy
from headroom_mitm.launcher.settings import GlobalOptions
options = GlobalOptions(state_dir=Path({str(tmp_path / "state")!r}))
proxy = EmbeddedProxy(proxy_config(options, Path({str(ca.directory)!r}), scratch=Path({str(tmp_path)!r})), make_addons(options))
proxy.start()
proxy.stop()
print(sorted(m for m in ("flask", "mitmproxy.addons.onboarding", "mitmproxy.addons.maplocal", "pydantic")
             if m in sys.modules))
"""
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"


def test_after_preload_a_proxy_starts_without_importing_mitmproxys_master_or_addons(tmp_path, ca):
    # The launcher preloads on its loader thread; the start itself (which an agent already done
    # waits for) then only makes and binds.
    import subprocess
    import sys

    code = f"""
import sys
from pathlib import Path
from headroom_mitm.addons import make_addons
from headroom_mitm.launcher.app import proxy_config
from headroom_mitm.launcher.proxy import EmbeddedProxy, preload
from headroom_mitm.launcher.settings import GlobalOptions
options = GlobalOptions(state_dir=Path({str(tmp_path / "state")!r}))
proxy = EmbeddedProxy(proxy_config(options, Path({str(ca.directory)!r}), scratch=Path({str(tmp_path)!r})), make_addons(options))
preload()
before = set(sys.modules)
proxy.start()
proxy.stop()
print(sorted(m for m in set(sys.modules) - before
             if m.startswith(("mitmproxy.master", "mitmproxy.addons", "passlib", "ldap3", "pyparsing"))))
"""
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"
