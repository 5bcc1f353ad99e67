#!/usr/bin/env python3
"""An automated sweep of the compressor's regexes and line loops for superlinear time.

Regex cases: every compiled pattern held by a module of headroom_mitm.compress (module-level
re.Pattern objects, and those inside module-level tuples, lists and dicts) is parsed with
re._parser, and adversarial units are built from its own parts: each repeated item's body run
long without what would end the match, the pattern's literals repeated, a sample match cut short
of its last character and repeated. Each unit becomes a tool output of --sizes (default 64K and
256K) twice: one long line, and many lines of ~200 characters. Each output is compressed through
the real entry (compress_request, OpenAI chat, with the retrieve tool, fresh store, memo cleared),
and the CPU time at each size and the growth (≈4 for 4× the size is linear, ≥8 superlinear) are
reported, with an ordinary log at the same sizes, in the same run, as the yardstick.

Line-loop cases: lines of the corpus's tune items (never held-out ones), shuffled, repeated, cut at
random places, filled to 1 MB; flagged when slower than 5× the ordinary log per MB.

Compressions run in a worker process fed one case at a time; a case over --timeout wall seconds is
reported as such and the worker restarted.

  .venv/bin/python scripts/bench_compress_fuzz.py [--addon DIR] [--sizes 64K,256K] [--mixes 24]
      [--only SUBSTR] [--json out.json] [--all]
"""

from __future__ import annotations

import argparse
import importlib
import json
import pkgutil
import random
import re
import select
import statistics
import subprocess
import sys
import time
from pathlib import Path

try:
    from re import _parser as sre_parse  # type: ignore[attr-defined]
    from re import _constants as sre_c  # type: ignore[attr-defined]
except ImportError:  # Python < 3.11
    import sre_constants as sre_c  # type: ignore[no-redef]
    import sre_parse  # type: ignore[no-redef]

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from bench_compress_worst import _fill, _lines, _ordinary_log, request  # noqa: E402

LINE_WIDTH = 200  # the "many lines" shape: a unit repeated to about this width per line
REPEAT_UNIT = 40  # a repeated item's body is run this many times in a unit


# ------------------------------------------------------------------ patterns and their parts


def collect_patterns(addon: Path) -> list[tuple[str, re.Pattern[str]]]:
    """(module.name, pattern) for every compiled str pattern the compress modules hold."""
    sys.path.insert(0, str(addon))
    import headroom_mitm.compress as pkg

    seen: set[tuple[str, int]] = set()
    out: list[tuple[str, re.Pattern[str]]] = []

    def add(where: str, p: object) -> None:
        if isinstance(p, re.Pattern) and isinstance(p.pattern, str) and (p.pattern, p.flags) not in seen:
            seen.add((p.pattern, p.flags))
            out.append((where, p))

    for info in sorted(pkgutil.iter_modules(pkg.__path__), key=lambda m: m.name):
        mod = importlib.import_module(f"headroom_mitm.compress.{info.name}")
        for name, value in vars(mod).items():
            where = f"{info.name}.{name}"
            values = value.values() if isinstance(value, dict) else value if isinstance(value, (tuple, list)) else [value]
            for v in values:
                for x in (v if isinstance(v, (tuple, list)) else [v]):
                    add(where, x)
    return out


_CATEGORY_CHAR = {
    sre_c.CATEGORY_DIGIT: "7", sre_c.CATEGORY_NOT_DIGIT: "a", sre_c.CATEGORY_SPACE: " ",
    sre_c.CATEGORY_NOT_SPACE: "a", sre_c.CATEGORY_WORD: "a", sre_c.CATEGORY_NOT_WORD: "-",
    sre_c.CATEGORY_LINEBREAK: "\n", sre_c.CATEGORY_NOT_LINEBREAK: "a",
}


def _class_chars(items: list) -> list[str]:
    """A few characters an IN set matches (or, negated, one it does)."""
    negate = any(op is sre_c.NEGATE for op, _ in items)
    chars: list[str] = []
    excluded: set[str] = set()
    for op, av in items:
        if op is sre_c.LITERAL:
            if negate:
                excluded.add(chr(av))
            else:
                chars.append(chr(av))
        elif op is sre_c.RANGE:
            lo, hi = av
            picks = {chr(lo), chr(hi), chr((lo + hi) // 2)}
            if negate:
                excluded.update(chr(c) for c in range(lo, min(hi, lo + 300) + 1))
            else:
                chars.extend(sorted(picks))
        elif op is sre_c.CATEGORY:
            c = _CATEGORY_CHAR.get(av, "a")
            if negate:
                excluded.add(c)
            else:
                chars.append(c)
    if negate:
        return [c for c in "a7 -_.:/x=|" if c not in excluded][:2] or ["\u00e9"]
    return chars or ["a"]


def sample(tree: list, variant: int = 0) -> str:
    """One string the parsed (sub)pattern matches, more or less (lookarounds are ignored)."""
    out: list[str] = []
    for op, av in tree:
        if op is sre_c.LITERAL:
            out.append(chr(av))
        elif op is sre_c.NOT_LITERAL:
            out.append("a" if chr(av) != "a" else "b")
        elif op is sre_c.ANY:
            out.append("a")
        elif op is sre_c.IN:
            cs = _class_chars(av)
            out.append(cs[variant % len(cs)])
        elif op is sre_c.BRANCH:
            branches = av[1]
            out.append(sample(branches[variant % len(branches)], variant))
        elif op is sre_c.SUBPATTERN:
            out.append(sample(av[-1], variant))
        elif op in _REPEATS:
            lo, hi, body = av
            n = max(lo, 1) if hi else 0
            out.append(sample(body, variant) * min(n, 8))
        elif op is getattr(sre_c, "ATOMIC_GROUP", None):
            out.append(sample(av, variant))
        elif op is sre_c.GROUPREF_EXISTS:
            out.append(sample(av[1], variant))
    return "".join(out)


_REPEATS = tuple(x for x in (getattr(sre_c, n, None) for n in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT")) if x)


def _walk(tree: list, prefix: list, found: list) -> None:
    """Every repeated item with what precedes it (as a sample), in pattern order."""
    for k, (op, av) in enumerate(tree):
        before = prefix + [sample(tree[:k])]
        if op in _REPEATS:
            lo, hi, body = av
            if hi is sre_c.MAXREPEAT or hi > 20:
                found.append(("".join(before), sample(body), sample(body, 1)))
            _walk(list(body), before, found)
        elif op is sre_c.SUBPATTERN:
            _walk(list(av[-1]), before, found)
        elif op is sre_c.BRANCH:
            for b in av[1]:
                _walk(list(b), before, found)
        elif hasattr(sre_c, "ATOMIC_GROUP") and op is sre_c.ATOMIC_GROUP:
            _walk(list(av), before, found)


def _literals(tree: list) -> list[str]:
    runs: list[str] = []
    cur: list[str] = []
    for op, av in tree:
        if op is sre_c.LITERAL:
            cur.append(chr(av))
            continue
        if cur:
            runs.append("".join(cur))
            cur = []
        if op is sre_c.SUBPATTERN:
            runs += _literals(list(av[-1]))
        elif op is sre_c.BRANCH:
            for b in av[1]:
                runs += _literals(list(b))
        elif op in _REPEATS:
            runs += _literals(list(av[2]))
    if cur:
        runs.append("".join(cur))
    return [r for r in runs if r.strip()]


def units_of(p: re.Pattern[str]) -> list[tuple[str, str]]:
    """(kind, unit) adversarial units built from the pattern's own parts."""
    try:
        tree = list(sre_parse.parse(p.pattern, p.flags & ~re.UNICODE))
    except Exception:  # noqa: BLE001 — a pattern this parser cannot read is just not swept
        return []
    units: list[tuple[str, str]] = []
    found: list[tuple[str, str, str]] = []
    _walk(tree, [], found)
    for pre, body, body2 in found:
        if body:
            units.append(("run", pre + body * REPEAT_UNIT))
            if body2 != body:
                units.append(("run2", pre + (body + body2) * (REPEAT_UNIT // 2)))
            units.append(("prefix+run", (pre + body * 3) * 8))
    for lit in _literals(tree)[:6]:
        units.append(("literal", (lit + " ") if len(lit) > 1 else lit))
    whole = sample(tree)
    if len(whole) > 1:
        units.append(("near", whole[:-1]))
        units.append(("near+space", whole[:-1] + " "))
    return [(k, u) for k, u in units if u and len(u) < 4000]


# Line loops no pattern names: what varies from line to line (each line opens on another character,
# has other words, another width, another indentation, another number of columns).
LOOP_UNITS: dict[str, str] = {
    "distinct leads": "{cjk} text {i}",
    "distinct characters": "{cjk}{cjk2} {cjk3}{i}",
    "distinct words": "w{i}a w{i}b w{i}c = {i}",
    "growing indentation": "{pad}x{i}",
    "distinct column counts": "{cols}",
    "distinct widths": "{i} {pad}|",
    "distinct labels": "label{i}: value {i}",
    "distinct records": "Name: n{i}\nVersion: {i}.0\nSummary: thing {i}\n",
    "distinct json keys": '{{"k{i}": {i}, "v": "x{i}"}}',
    "distinct places": "src/d{i}/f{i}.py:{i}:{i}: error: E{i} wrong",
    "distinct error codes": "E{i:05d} error at x{i}: bad{i}",
    "distinct durations": "test_{i} ... ok ({i}ms)",
    "indented tree": "{tree}node{i}:",
    "distinct leads, errors": "{cjk} error: failed {i}",
    "distinct leads, blank lines": "{cjk} x{i}\n",
}


def loop_line(kind: str, i: int) -> str:
    cjk = chr(0x4E00 + (i * 7919) % 20000)
    return LOOP_UNITS[kind].format(i=i, cjk=cjk, cjk2=chr(0xAC00 + i % 11000), cjk3=chr(0x3400 + i % 6000),
                                   pad=" " * (i % 997), tree="  " * (i % 50), cols=" ".join(["c"] * (i % 300 + 1)))


def regex_cases(addon: Path) -> tuple[int, dict[str, tuple[str, str]]]:
    """(patterns swept, {case name: (shape, unit)}), units deduplicated across patterns."""
    pats = collect_patterns(addon)
    cases: dict[str, tuple[str, str]] = {}
    seen: set[str] = set()
    for where, p in pats:
        for kind, unit in units_of(p):
            if unit in seen:
                continue
            seen.add(unit)
            for shape in SHAPES:
                cases[f"{where} {kind} {shape} {unit[:24]!r}"] = (shape, unit)
    for kind in LOOP_UNITS:
        cases[f"loop: {kind}"] = ("loop", kind)
    return len(pats), cases


# one long line; many lines; one long line among a log's (the lossy pass's per-line patterns run
# on it); every other line of a log
SHAPES = ("line", "lines", "log+line", "log+lines")


def build(shape: str, unit: str, size: int) -> list[str]:
    if shape == "loop":
        return [_lines(lambda i: loop_line(unit, i), size)]
    per = max(1, LINE_WIDTH // max(1, len(unit)))
    if shape == "line":
        return [_fill(unit, size)]
    if shape == "lines":
        return [_lines(lambda i: unit * per + str(i), size)]
    log = _ordinary_log(size // 4 if shape == "log+line" else size // 2).split("\n")
    if shape == "log+line":
        mid = len(log) // 2
        return ["\n".join(log[:mid] + [_fill(unit, size - size // 4)] + log[mid:])]
    return ["\n".join(x for k, ln in enumerate(log) for x in (ln, unit * per + str(k)))]


# ------------------------------------------------------------------ corpus line mixes


def corpus_lines() -> list[list[str]]:
    """Lines of each tune item (held-out items are never read for fuzzing)."""
    from bench_compression import load_items

    return [it["text"].split("\n") for it in load_items() if it["split"] != "heldout"]


def mix(items: list[list[str]], seed: int, size: int) -> str:
    rnd = random.Random(seed)
    pool = [ln for lines in rnd.sample(items, min(len(items), rnd.choice((1, 3, 10, 50)))) for ln in lines if ln]
    out: list[str] = []
    total = 0
    mode = seed % 3  # 0 shuffled, 1 runs of one line repeated, 2 lines cut at random places
    while total < size and pool:
        ln = rnd.choice(pool)
        if mode == 1:
            chunk = [ln] * rnd.randrange(1, 200)
        elif mode == 2:
            a = rnd.randrange(len(ln) + 1)
            chunk = [ln[a:a + rnd.randrange(1, 400)] or ln]
        else:
            chunk = [ln]
        out += chunk
        total += sum(len(c) + 1 for c in chunk)
    return "\n".join(out)[:size]


# ------------------------------------------------------------------ worker


def worker(addon: Path) -> None:
    """Reads one JSON case a line ({texts}), answers with its CPU seconds."""
    sys.path.insert(0, str(addon))
    import gc
    import logging
    import tempfile

    from headroom_mitm.compress import CompressionSettings, OriginalStore, clear_memo, compress_request

    logging.getLogger("headroom_mitm").propagate = False
    settings = CompressionSettings()
    with tempfile.TemporaryDirectory(prefix="hm-fuzz-") as td:
        for k, raw in enumerate(sys.stdin):
            texts = json.loads(raw)["texts"]
            body = request(texts)
            clear_memo()
            gc.collect()
            with OriginalStore(Path(td) / f"s{k}.db") as store:
                c0 = time.thread_time()
                res = compress_request(body, api_format="openai-chat", content_encoding=None,
                                       settings=settings, store=store)
                spent = time.thread_time() - c0
            (Path(td) / f"s{k}.db").unlink(missing_ok=True)
            print(json.dumps({"cpu_s": spent, "saved": 1 - len(res.body) / len(body)}), flush=True)


class Pool:
    """One worker process, restarted after a timeout."""

    def __init__(self, addon: Path, timeout: float) -> None:
        self.addon, self.timeout = addon, timeout
        self.proc: subprocess.Popen[str] | None = None

    def _start(self) -> subprocess.Popen[str]:
        if self.proc is None or self.proc.poll() is not None:
            self.proc = subprocess.Popen([sys.executable, __file__, "--worker", str(self.addon)], stdin=subprocess.PIPE,
                                         stdout=subprocess.PIPE, text=True, cwd=HERE)
        return self.proc

    def run(self, texts: list[str]) -> float | None:
        proc = self._start()
        assert proc.stdin and proc.stdout
        proc.stdin.write(json.dumps({"texts": texts}) + "\n")
        proc.stdin.flush()
        ready, _, _ = select.select([proc.stdout], [], [], self.timeout)
        if not ready:
            proc.kill()
            proc.wait()
            return None
        line = proc.stdout.readline()
        if not line:
            return None
        return float(json.loads(line)["cpu_s"])

    def close(self) -> None:
        if self.proc and self.proc.poll() is None:
            assert self.proc.stdin
            self.proc.stdin.close()
            self.proc.wait()


def timed(pool: Pool, texts: list[str], runs: int) -> float | None:
    got = [pool.run(texts) for _ in range(runs)]
    return None if any(g is None for g in got) else statistics.median(g for g in got if g is not None)


# ------------------------------------------------------------------ driver


def parse_size(text: str) -> int:
    mult = {"K": 1024, "M": 1024 * 1024}.get(text[-1].upper(), 1)
    return int(float(text.rstrip("KkMm")) * mult)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--addon", type=Path, default=HERE.parent / "addon")
    ap.add_argument("--sizes", default="64K,256K")
    ap.add_argument("--mixes", type=int, default=24, help="corpus line mixes at --mix-size")
    ap.add_argument("--mix-size", default="1M")
    ap.add_argument("--runs", type=int, default=1, help="runs per flagged case re-measured (the sweep runs each once)")
    ap.add_argument("--only", help="only cases whose name contains this")
    ap.add_argument("--timeout", type=float, default=60.0)
    ap.add_argument("--all", action="store_true", help="print every case, not only the flagged ones")
    ap.add_argument("--json", type=Path)
    ap.add_argument("--worker", type=Path, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.worker:
        worker(args.worker)
        return 0
    sizes = [parse_size(s) for s in args.sizes.split(",")]
    small, big = sizes[0], sizes[-1]
    linear = big / small
    pool = Pool(args.addon.resolve(), args.timeout)
    report: dict = {"sizes": sizes, "cases": []}

    def baseline(size: int) -> float:
        return timed(pool, [_ordinary_log(size)], 3) or 0.0

    base = {s: baseline(s) for s in sizes}
    print(f"ordinary log: " + ", ".join(f"{s // 1024} KB {base[s] * 1000:.1f} ms" for s in sizes)
          + f" (growth {base[big] / base[small]:.1f})", flush=True)
    n_pats, cases = regex_cases(args.addon.resolve())
    if args.only:
        cases = {k: v for k, v in cases.items() if args.only in k}
    print(f"{n_pats} patterns, {len(cases)} regex cases", flush=True)
    flagged = 0
    for name, (shape, unit) in cases.items():
        t = {s: timed(pool, build(shape, unit, s), 1) for s in sizes}
        growth2 = None
        if t[small] is not None and t[big] is not None and t[big] / max(t[small], 1e-3) >= 2 * linear * 0.75 \
                and t[big] > 2 * base[big]:
            # worth a second look: median of 3 at each size (noise on a shared machine), and one size
            # further (a step up at a threshold between two sizes is not growth)
            t = {s: timed(pool, build(shape, unit, s), 3) for s in sizes}
            further = timed(pool, build(shape, unit, int(big * linear)), 3)
            growth2 = None if further is None or t[big] is None else further / max(t[big], 1e-3)
        growth = (t[big] / max(t[small], 1e-3)) if t[small] is not None and t[big] is not None else None
        per_base = (t[big] / base[big]) if t[big] is not None and base[big] else None
        superlinear = growth is not None and growth >= 2 * linear and (growth2 is None or growth2 >= 1.5 * linear)
        bad = t[big] is None or (superlinear and t[big] > 2 * base[big]) or (per_base is not None and per_base > 5)
        flagged += bad
        report["cases"].append({"case": name, "unit": unit, "shape": shape,
                                "cpu_s": {str(s): t[s] for s in sizes}, "growth": growth, "growth_further": growth2, "x_base": per_base, "flag": bad})
        if bad or args.all:
            cells = " ".join("timeout" if t[s] is None else f"{t[s] * 1000:8.1f}" for s in sizes)
            print(f"{'FLAG' if bad else '    '} {name}: {cells} ms; growth {growth or 0:.1f}"
                  + (f" then {growth2:.1f}" if growth2 is not None else "") + "; "
                  f"{per_base or 0:.1f}x ordinary", flush=True)
    mix_size = parse_size(args.mix_size)
    if args.mixes and not args.only:
        items = corpus_lines()
        mb = mix_size / (1024 * 1024)
        base_mb = (timed(pool, [_ordinary_log(mix_size)], 3) or 0.0) / mb
        print(f"ordinary log at {args.mix_size}: {base_mb * 1000:.1f} ms per MB; {args.mixes} corpus mixes", flush=True)
        for seed in range(args.mixes):
            t1 = timed(pool, [mix(items, seed, mix_size)], 1)
            x = None if t1 is None else t1 / mb / base_mb
            bad = x is None or x > 5
            flagged += bad
            report["cases"].append({"case": f"mix {seed}", "cpu_s": {str(mix_size): t1}, "x_base": x, "flag": bad})
            if bad or args.all:
                print(f"{'FLAG' if bad else '    '} mix {seed}: {'timeout' if t1 is None else f'{t1 * 1000:.1f} ms'};"
                      f" {x or 0:.1f}x ordinary per MB", flush=True)
    pool.close()
    print(f"{flagged} flagged of {len(report['cases'])} cases", flush=True)
    if args.json:
        args.json.write_text(json.dumps(report, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
