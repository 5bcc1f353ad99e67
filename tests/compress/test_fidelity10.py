"""Fidelity rules of round 10 (issue #11), found on the tuning part of wide10.json (kinds nobody
tuned for): each test names the rule, holds for outputs never seen, and fails without it."""

from __future__ import annotations


from tests.support import RULES, lossy_rendering

S = RULES


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


def test_every_line_of_a_short_test_summary_names_its_test() -> None:
    # pytest-rerunfailures' RERUN lines carry no failure word, yet each names a test, as FAILED does.
    lines = ["=" * 30 + " test session starts " + "=" * 30, "platform linux -- Python 3.12.3, pytest-8.3.4",
             "plugins: rerunfailures-14.0", "collected 60 items", ""]
    lines += [f"tests/test_sync.py {'.' * 40}R.RF" + " " * 20 + f"[{k:3d}%]" for k in range(10, 100, 10)]
    lines += ["", "=" * 30 + " FAILURES " + "=" * 30]
    for k in range(3):
        lines += [
            "_" * 25 + f" test_replica_catches_up[{k}] " + "_" * 25,
            "",
            f"    def test_replica_catches_up(k={k}):",
            ">       assert replica.read(k) == primary.read(k)",
            f"E       assert None == {k + 40}",
            "",
            f"tests/test_sync.py:{30 + k}: AssertionError",
        ]
    lines += ["=" * 30 + " rerun test summary info " + "=" * 30]
    for k in range(6):
        lines += [f"RERUN tests/test_sync.py::test_replica_catches_up[{k}]"] * 2
        lines += [f"{'FAILED' if k < 3 else 'PASSED'} tests/test_sync.py::test_replica_catches_up[{k}]"]
    lines += ["=" * 30 + " short test summary info " + "=" * 30]
    lines += [f"FAILED tests/test_sync.py::test_replica_catches_up[{k}] - assert None == {k + 40}" for k in range(3)]
    lines += [f"XFAIL tests/test_sync.py::test_clock_skew[{k}] - known NTP drift" for k in range(2)]
    lines += ["=" * 20 + " 3 failed, 55 passed, 2 xfailed, 12 rerun in 4.02s " + "=" * 20]
    out = _lossy("\n".join(lines) + "\n")
    for k in range(6):
        assert f"RERUN tests/test_sync.py::test_replica_catches_up[{k}]" in out
    assert "XFAIL tests/test_sync.py::test_clock_skew[1] - known NTP drift" in out


_WORDS = ["accepts", "body", "cookie", "debug", "depd", "encode", "escape", "etag", "fresh", "merge", "methods",
          "parse", "proxy", "range", "safe", "send", "serve", "status", "type", "vary", "form", "follow", "mime",
          "glob", "chai", "tiny", "pathe", "magic", "stream", "sonic", "atomic"]


def test_a_dependency_tree_keeps_its_first_level() -> None:
    # `pnpm list --depth 1`: the project's direct dependencies are the roots' children.
    direct = ["axios@1.7.9", "chalk@5.4.1", "dayjs@1.11.13", "express@4.21.2", "lodash@4.17.21", "nanoid@5.0.9",
              "pino@9.6.0", "ws@8.18.0", "zod@3.24.1", "yaml@2.7.0", "uuid@11.0.5", "semver@7.6.3"]
    lines = ["Legend: production dependency, optional only, dev only", "",
             "shop-api@1.4.0 /srv/shop-api (PRIVATE)", "│", "│   dependencies:"]
    for k, dep in enumerate(direct):
        if k % 3 == 0:
            lines.append(f"├─┬ {dep}")
            subs = [f"{_WORDS[(j * 7 + k) % len(_WORDS)]}-{_WORDS[(j + 3 * k) % len(_WORDS)]}@{j % 5}.{k + j}.{j % 3}" for j in range(30)]
            lines += [f"│ ├── {s}" for s in subs[:-1]] + [f"│ └── {subs[-1]}"]
        else:
            lines.append(f"├── {dep}")
    lines += ["│", "│   devDependencies:", "└─┬ vitest@2.1.8"]
    subs = [f"@vitest/{_WORDS[j % len(_WORDS)]}@2.1.8" if j % 2 else f"{_WORDS[(j * 5) % len(_WORDS)]}-js@1.{j}.0" for j in range(30)]
    lines += [f"  ├── {s}" for s in subs[:-1]] + [f"  └── {subs[-1]}", "", "171 packages"]
    out = _lossy("\n".join(lines) + "\n")
    for dep in direct:
        assert f"── {dep}" in out or f"─┬ {dep}" in out, dep


def test_a_flat_tree_is_still_sampled() -> None:
    # `tree -L 1` of a large directory: every entry is at the first level, a list, not an outline.
    lines = ["/srv/media/thumbs"] + [f"├── {_WORDS[k % len(_WORDS)]}_{k:04d}.jpg" for k in range(199)]
    lines += ["└── zz_last.jpg", "", "0 directories, 200 files"]
    out = _lossy("\n".join(lines) + "\n")
    assert len(out) < len("\n".join(lines)) // 2
