"""Host facts asked on every request are answered from memory after the first time."""

import ipaddress

from headroom_mitm import facts


def test_ip_of_parses_each_name_once(monkeypatch):
    facts.ip_of.cache_clear()
    parsed = []
    real = ipaddress.ip_address
    monkeypatch.setattr(ipaddress, "ip_address", lambda host: parsed.append(host) or real(host))
    assert facts.ip_of("llm.test") is None and facts.ip_of("llm.test") is None
    assert facts.ip_of("127.1") == ipaddress.IPv4Address("127.0.0.1") == facts.ip_of("127.1")
    assert parsed == ["llm.test", "127.1"]
    facts.ip_of.cache_clear()


def test_normalize_host_answers_a_name_it_has_seen_from_memory():
    facts.normalize_host.cache_clear()
    assert facts.normalize_host("LLM.Test.:443") == "llm.test" == facts.normalize_host("LLM.Test.:443")
    assert facts.normalize_host.cache_info().hits == 1
