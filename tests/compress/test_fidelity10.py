"""Fidelity rules of round 10 (issue #11), found on the tuning part of wide10.json (kinds nobody
tuned for): each test names the rule, holds for outputs never seen, and fails without it."""

from __future__ import annotations

from headroom_mitm.compress.settings import CompressionSettings

from tests.support import lossy_rendering

S = CompressionSettings()


def _lossy(text: str) -> str:
    return lossy_rendering(text, S)[1]


def _sugar_failure(qty: int, unit: float) -> list[str]:
    rule = "―" * 40
    want = round(qty * unit, 2)
    got = round(want * 0.9, 2)
    return [
        f"{rule} test_price[{qty}-{unit}-{want}] {rule}",
        "",
        f"qty = {qty}, unit = {unit}, want = {want}",
        "",
        '    @pytest.mark.parametrize("qty,unit,want", [(q, u, round(q * u, 2))',
        "                                               for q in (1, 5, 10, 20, 30, 40) for u in (0.99, 3.5, 10)])",
        "    def test_price(qty, unit, want):",
        ">       assert price(qty, unit) == want",
        f"E       assert {got} == {want}",
        f"E        +  where {got} = price({qty}, {unit})",
        "",
        "tests/test_pricing.py:14: AssertionError",
        "",
        " tests/test_pricing.py ⨯" + " " * 60 + f"{qty % 97}% ▊",
        "",
    ]


def test_a_banner_drawn_with_any_rule_character_names_the_failing_test() -> None:
    # pytest-sugar draws each failure's banner with U+2015, not "_": the banner is the test's id.
    cases = [(q, u) for q in (10, 20, 30, 40) for u in (0.99, 3.5, 10.0)]
    lines = [
        "Test session starts (platform: linux, Python 3.12.3, pytest 8.3.4, pytest-sugar 1.0.0)",
        "rootdir: /srv/shop",
        "plugins: sugar-1.0.0, cov-5.0.0",
        "collected 180 items",
        "",
    ]
    for k, (qty, unit) in enumerate(cases):
        lines += _sugar_failure(qty, unit)
        lines += [" tests/test_pricing.py " + "✓" * (3 * k + j + 1) + " " * 40 + f"{4 * k + j}% █▋" for j in range(3)]
    lines += ["", "Results (2.41s):", "     168 passed", "      12 failed"]
    lines += [f"         - tests/test_pricing.py:14 test_price[{q}-{u}-{round(q * u, 2)}]" for q, u in cases]
    out = _lossy("\n".join(lines) + "\n")
    for qty, unit in cases:
        assert f"{'―' * 40} test_price[{qty}-{unit}-{round(qty * unit, 2)}] {'―' * 40}" in out
