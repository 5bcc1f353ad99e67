"""Fidelity rules of issue #11's thirty-eighth pass: each test names the rule and fails without it."""

from __future__ import annotations

import json
import random

from tests.compress.support import lossy, sent

_STATS = "     name                       hz     min      max    mean     p75      p99     p995     p999       rme  samples"


def _vitest_bench(rng: random.Random) -> tuple[str, list[str]]:
    """`vitest bench`'s report: per file a header naming the statistics, a row per benchmark (its
    cells bare numbers, their units in the header), then the summary of who is faster."""
    out = ["", " RUN  v3.2.7 /srv/quiverloft", ""]
    rows: list[str] = []
    names: list[str] = []
    for f in ("arrows", "bracers"):
        out += [f" ✓ bench/{f}.bench.mjs > {f} 2780ms", _STATS]
        for k in range(45):
            name = f"{f[:-1]}Weight {k * 150}"
            hz = rng.uniform(5_000, 600_000)
            cells = [rng.uniform(0.001, 20) for _ in range(8)]
            row = (f"   · {name:<18} {hz:>12,.2f}  " + "  ".join(f"{c:7.4f}" for c in cells)
                   + f"  ±{rng.uniform(1, 170):6.2f}%  {rng.randint(40, 4000):>7}")
            out.append(row)
            rows.append(row)
            names.append(name)
        out.append("")
    out += [" BENCH  Summary", ""]
    for f in ("arrows", "bracers"):
        out.append(f"  {f[:-1]}Weight 0 - bench/{f}.bench.mjs > {f}")
        out += [f"    {rng.uniform(1, 400):.2f}x faster than {n}" for n in names if n.startswith(f[:-1])][1:]
        out.append("")
    return "\n".join(out), rows


def test_every_row_under_a_header_of_statistics_stays() -> None:
    # A benchmark's table of results whose header names its statistics (hz, min, max, mean, p75,
    # p99 …): each row is a result asked about by name, not a table's row to sample. (The summary
    # under it is too short a part of the output to be worth a cut.)
    text, rows = _vitest_bench(random.Random(38))
    out = sent(text)
    assert [r for r in rows if r not in out.split("\n")] == []
    assert out.count(_STATS) == 2


def test_every_benchmark_js_result_stays() -> None:
    # Benchmark.js prints a result a line, "name x 62,384 ops/sec ±23.98% (5 runs sampled)", under
    # each suite's title, with its fastest and slowest: every result stays.
    rng = random.Random(381)
    out_lines: list[str] = []
    rows: list[str] = []
    for s in range(40):
        out_lines.append(f"Suite: nocks {s}")
        for name in (f"nockConcat {s * 20}", f"nockTemplate {s * 20}", f"fletchStave {s * 50}"):
            row = f"{name} x {rng.randint(5_000, 90_000):,} ops/sec ±{rng.uniform(2, 60):.2f}% ({rng.randint(5, 90)} runs sampled)"
            out_lines.append(row)
            rows.append(row)
        out_lines += [f"Fastest is fletchStave {s * 50}", f"Slowest is nockTemplate {s * 20}", ""]
    out_lines += [f"debug: timer {k} settled after {rng.randint(1, 9)} ticks" for k in range(300)]
    out = lossy("\n".join(out_lines))
    assert [r for r in rows if r not in out.split("\n")] == []


def test_a_value_of_another_kind_than_the_others_is_an_anomaly() -> None:
    # jq's records of a lockfile's packages: every licence a string but one package's, a list of
    # objects. A value of another kind is as odd as a missing one: that package stays.
    rng = random.Random(382)
    packages = [{"name": f"latchkit-{k:03}", "version": f"{rng.randint(0, 9)}.{rng.randint(0, 20)}.{rng.randint(0, 9)}",
                 "license": rng.choice(["MIT", "MIT", "MIT", "ISC", "Apache-2.0"]), "dev": False, "deps": rng.randint(0, 4)}
                for k in range(140)]
    packages[77]["license"] = [{"type": "Public Domain", "url": "http://example.org/LICENSE"}, {"type": "MIT", "url": "http://example.org/MIT"}]
    out = lossy(json.dumps(packages, indent=2))
    assert '"latchkit-077"' in out
    assert '"latchkit-076"' not in out  # sampled: the rule keeps the odd one, not its neighbours


def test_a_docstring_s_traceback_example_does_not_make_source_a_crash() -> None:
    # `sed -n '1,420p' module.py`: a module whose docstring shows, under a doctest prompt, the
    # traceback a call raises. That example is no crash: the file is what the model asked to read,
    # and every definition in it stays.
    doc = ['"""Reed-Solomon codec for pole lathes.', "", "    >>> codec.decode(b'hXXXo')", "    Traceback (most recent call last):",
           "      ...", "    LatheError: Could not locate error", '"""', "", "import struct", ""]
    body: list[str] = []
    for k in range(90):
        body += [f"def turn_{k}(spindle, chisel=0x{k:02x}):", f"    '''Turn step {k} of the billet.'''",
                 f"    depth = spindle.depth * {k + 1} + chisel", "    if depth > spindle.limit:",
                 f"        raise LatheError('step {k} too deep: %d' % depth)", "    return struct.pack('<I', depth)", ""]
    text = "\n".join(doc + body)
    out = sent(text)
    assert [k for k in range(90) if f"def turn_{k}(spindle" not in out] == []
