"""The user's proxy from the environment: which variable wins, NO_PROXY, credentials kept out of sight."""

from __future__ import annotations

import pytest

from headroom_mitm.forward.chain import ca_files_from_env, chain_from_env, goes_direct, parse_proxy_url


def test_no_proxy_variable_no_chain() -> None:
    assert chain_from_env({"PATH": "/bin", "NO_PROXY": "x"}) is None


def test_https_proxy_wins_lower_case_first_and_credentials_stay_out_of_the_url() -> None:
    chain = chain_from_env({
        "HTTP_PROXY": "http://plain.corp:80",
        "HTTPS_PROXY": "http://upper.corp:3128",
        "https_proxy": "http://al%40ice:s3cr%3At@lower.corp:8080",
        "no_proxy": "internal.corp, .svc", "NO_PROXY": ".svc,10.0.0.0/8",
    })
    assert chain is not None
    assert (chain.scheme, chain.host, chain.port, chain.source) == ("http", "lower.corp", 8080, "https_proxy")
    assert chain.auth == "al@ice:s3cr:t"
    assert chain.url == "http://lower.corp:8080"
    assert "s3cr" not in chain.describe() and "with credentials" in chain.describe()
    assert chain.no_proxy == ("internal.corp", ".svc", "10.0.0.0/8")


@pytest.mark.parametrize(("name", "value", "expected"), [
    ("ALL_PROXY", "proxy.corp:3128", ("http", "proxy.corp", 3128)),  # a bare host:port is http://
    ("HTTP_PROXY", "https://tls-proxy.corp", ("https", "tls-proxy.corp", 443)),
])
def test_other_variables_and_spellings(name: str, value: str, expected: tuple) -> None:
    chain = chain_from_env({name: value})
    assert chain is not None and (chain.scheme, chain.host, chain.port) == expected and chain.source == name


def test_a_socks_proxy_is_refused_by_name() -> None:
    with pytest.raises(ValueError, match=r"\$ALL_PROXY: socks5:// proxies are not supported"):
        chain_from_env({"ALL_PROXY": "socks5://127.0.0.1:1080"})
    with pytest.raises(ValueError):
        parse_proxy_url("http://proxy.corp:3128/some/path")


@pytest.mark.parametrize(("host", "direct"), [
    ("internal.corp", True), ("git.internal.corp", True), ("notinternal.corp", False),
    ("a.svc", True), ("svc", True), ("10.1.2.3", True), ("11.1.2.3", False),
    ("api.deepinfra.com", False), ("127.0.0.1", True), ("localhost", True), ("api.example.com", True),
])
def test_no_proxy_matching(host: str, direct: bool) -> None:
    assert goes_direct(host, ("internal.corp", ".svc", "10.0.0.0/8", "*.example.com:443")) is direct


def test_no_proxy_star_means_everything_direct() -> None:
    assert goes_direct("api.openai.com", ("*",))
    assert not goes_direct("api.openai.com", ())


def test_ca_files_in_order_without_repeats() -> None:
    env = {"SSL_CERT_FILE": "/a.pem", "NODE_EXTRA_CA_CERTS": "/b.pem", "REQUESTS_CA_BUNDLE": "/a.pem"}
    assert ca_files_from_env(env) == ["/a.pem", "/b.pem"]
