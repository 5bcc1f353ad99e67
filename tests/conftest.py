"""Fixtures shared by the tests that run a real proxy: a CA, a started proxy with our addons, fake DNS."""

import datetime as dt
import socket

import pytest

from headroom_certs.ca import create_ca
from headroom_mitm.addons import make_addons
from headroom_mitm.launcher.app import proxy_config
from headroom_mitm.launcher.proxy import EmbeddedProxy
from headroom_mitm.launcher.settings import GlobalOptions
from tests.faults import FakeResolver
from tests.support import PROXY_AUTH


@pytest.fixture()
def our_ca(tmp_path):
    return create_ca(tmp_path / "ca", "test CA", dt.timedelta(days=1))


@pytest.fixture()
def start_proxy(tmp_path, our_ca):
    """start_proxy(**GlobalOptions fields) -> a running EmbeddedProxy with our addons, stopped afterwards."""
    started = []

    def start(**fields):
        options = GlobalOptions(state_dir=tmp_path / "state", **fields)
        proxy = EmbeddedProxy(
            proxy_config(options, our_ca.directory, scratch=tmp_path, proxy_auth=PROXY_AUTH), make_addons(options)
        )
        proxy.start()
        started.append(proxy)
        return proxy

    yield start
    for proxy in started:
        proxy.stop()


@pytest.fixture()
def fake_dns(monkeypatch):
    """fake_dns(names, fail_first={name: n}) maps names to 127.0.0.1 for this process."""

    def install(names, fail_first=None):
        resolver = FakeResolver(names, fail_first)
        monkeypatch.setattr(socket, "getaddrinfo", resolver)
        return resolver

    return install


@pytest.fixture()
def redis_server(tmp_path):
    """A real redis-server on a free loopback port (see tests/redis_server.py), stopped afterwards."""
    from tests.redis_server import RedisServer

    workdir = tmp_path / "redis"
    workdir.mkdir()
    server = RedisServer(workdir).start()
    yield server
    server.stop()
