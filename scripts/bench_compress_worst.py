#!/usr/bin/env python3
"""Tool outputs built to hurt the compressor: CPU time, growth, peak memory and validity per case.

Each case is a generator of hostile text (one giant line, a million carriage returns, regex near
misses, JSON 100k deep, …) sent as the tool output(s) of an OpenAI chat request whose tool list has
the retrieve tool, and compressed as the proxy does (fresh store, memo cleared). Every (case, size,
tree) runs in its own worker process: CPU time is the median of --runs compressions, peak memory is
tracemalloc's peak over one more compression (Python's allocations, as a multiple of the body), and
the result is checked (settings as `headroom-mitm opencode` has them: a tool-output directory to
recover OpenCode's truncated outputs from): JSON loads, every kept line is a line of the output (raw or cleaned),
no block failed over to its unchanged text by an exception. `growth` is the CPU ratio per doubling
of the size (≈2 linear, ≥3 superlinear). `ordinary` cases are the yardstick.

Blocks over 2M characters and bodies over 8 MB are sent unchanged by design, so sizes stay below.

  git archive main addon certs | tar -x -C /tmp/base-worst
  .venv/bin/python scripts/bench_compress_worst.py [--base /tmp/base-worst/addon] [--sizes 256K,512K,1M]
      [--runs 3] [--only CASE,…] [--limit 60] [--json out.json]
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
RETRIEVE = "headroom_headroom_retrieve"


# ------------------------------------------------------------------ the cases: size → tool outputs


_LETTERS = str.maketrans("0123456789", "ghijklmnop")  # a number as letters: no shape of digits makes the lines one


def _fill(unit: str, size: int) -> str:
    return (unit * (size // len(unit) + 1))[:size]


def _lines(make: Callable[[int], str], size: int) -> str:
    out: list[str] = []
    n = total = 0
    while total < size:
        line = make(n)
        out.append(line)
        total += len(line) + 1
        n += 1
    return "\n".join(out) + "\n"


def _ordinary_log(size: int) -> str:
    rnd = random.Random(1)

    def line(i: int) -> str:
        if i % 997 == 500:
            return f'Traceback (most recent call last):\n  File "app/worker.py", line {i % 300}, in run\nValueError: bad item {i}'
        level = "ERROR" if i % 401 == 7 else "INFO"
        return (f"2025-03-0{i % 9 + 1}T12:{i % 60:02d}:{(i * 7) % 60:02d}Z {level} worker-{i % 8} "
                f"processed request id={rnd.randrange(10**6)} path=/api/items/{i % 500} in {rnd.randrange(900)}ms")
    return _lines(line, size)


def _ordinary_table(size: int) -> str:
    head = "USER         PID %CPU %MEM    VSZ   RSS TTY      STAT START   TIME COMMAND"
    return head + "\n" + _lines(lambda i: f"user{i % 5:<8} {1000 + i:>6} {i % 97 / 10:4.1f}  0.{i % 9} "
                                f"{50000 + i * 3:>6} {9000 + i:>5} pts/{i % 4}    S    12:{i % 60:02d}   0:0{i % 9} "
                                f"/usr/bin/python3 -m service{i % 13} --port {8000 + i}", size)


def _pytest_failures(size: int) -> str:
    def line(i: int) -> str:
        return (f"tests/test_mod{i % 40}.py::test_case_{i} FAILED\n"
                f"tests/test_mod{i % 40}.py:{i % 900 + 1}: AssertionError: expected {i} got {i + 1}")
    return _lines(line, size)


def _with_long_line(size: int, unit: str) -> str:
    log = _ordinary_log(size // 4)
    cut = log.index("\n", len(log) // 2) + 1
    return log[:cut] + _fill(unit, size - len(log)) + "\n" + log[cut:]


def _deep_json(size: int, opener: str, closer: str) -> str:
    depth = max(1, size // (len(opener) + len(closer)))
    return opener * depth + closer * depth


def _grep_hits(size: int) -> str:
    return _lines(lambda i: f"src/pkg{i % 300}/module{i % 7}.py:{i % 5000 + 1}:    value = compute_{i}(x)", size)


def _diff(size: int) -> str:
    head = "diff --git a/big.txt b/big.txt\nindex 83db48f..bf269f4 100644\n--- a/big.txt\n+++ b/big.txt\n"
    return head + _lines(lambda i: f"@@ -{i * 10 + 1},1 +{i * 10 + 1},1 @@\n-old line {i}\n+new line {i}", size)


def _git_log(size: int) -> str:
    return _lines(lambda i: f"commit {i:040x}\nAuthor: Dev {i % 30} <d{i % 30}@x.org>\nDate:   Mon Mar 3 12:00:{i % 60:02d} 2025 +0000\n\n"
                  f"    change number {i}\n", size)


def _binary(size: int) -> str:
    rnd = random.Random(7)
    return bytes(rnd.randrange(256) for _ in range(size)).decode("latin-1")


def _surrogates(size: int) -> str:
    return _lines(lambda i: f"bad {i} \ud800 text \udfff end \udc80", size)


def _wide_table(size: int) -> str:
    cols = 2000
    head = " ".join(f"c{j}" for j in range(cols))
    rows = _lines(lambda i: " ".join(str((i * j) % 1000) for j in range(cols)), max(1, size - len(head)))
    return head + "\n" + rows


CASES: dict[str, Callable[[int], list[str]]] = {
    # yardsticks: ordinary outputs of these sizes
    "ordinary log": lambda n: [_ordinary_log(n)],
    "ordinary ps table": lambda n: [_ordinary_table(n)],
    "ordinary grep hits": lambda n: [_grep_hits(n)],
    # one giant line, no newline
    "line: prose": lambda n: [_fill("the quick brown fox jumps over the lazy dog ", n)],
    "line: digits": lambda n: [_fill("1234567890", n)],
    "line: spaces": lambda n: ["x" + " " * (n - 2) + "y"],
    "line: a: repeated": lambda n: [_fill("a:", n)],
    "line: / repeated": lambda n: [_fill("/", n)],
    "line: . repeated": lambda n: [_fill(".", n)],
    "line: | repeated": lambda n: [_fill("|", n)],
    "line: - repeated": lambda n: [_fill("-", n)],
    "line: = repeated": lambda n: [_fill("=", n)],
    "line: tabs": lambda n: [_fill("a\t", n)],
    "line: at repeated": lambda n: [_fill("at ", n)],
    "line: file.py: repeated": lambda n: [_fill("file.py:", n)],
    # PEM armour opened on every other line and never closed: each opening starts a scan for its END.
    "lines: PEM BEGIN without END": lambda n: [_lines(lambda i: f"-----BEGIN CERTIFICATE {i}-----" if i % 2 else f"ERROR: line {i} failed", n)],
    "line: ' quote storm": lambda n: [_fill("'a", n)],
    "line: \" quote storm": lambda n: [_fill('"a', n)],
    "line: [ nest": lambda n: [_fill("[", n)],
    "line: ( nest": lambda n: [_fill("(", n)],
    "line: word-word": lambda n: [_fill("ab-", n)],
    "line: 1: repeated": lambda n: [_fill("1:", n)],
    "line: 0x digits": lambda n: [_fill("0x0", n)],
    # many lines
    "one-char lines": lambda n: [_fill("a\n", n)],
    "empty lines": lambda n: ["x" + "\n" * (n - 2) + "y"],
    "identical lines": lambda n: [_fill("the same line of output, again and again\n", n)],
    # 119 one-character lines, each seen again in every copy, then a line of its own: each copy is
    # a block searched line by line that falls just short of the characters a reference needs.
    "blocks that fall short of a reference": lambda n: [_lines(lambda i: f"once {i}" if i % 120 == 119 else chr(0x4E00 + i % 120), n)],
    "all different lines": lambda n: [_lines(lambda i: f"entry {i:x} value {i * 2654435761 % 4294967296}", n)],
    "every line an error": lambda n: [_lines(lambda i: f"src/m{i % 50}.c:{i}:{i % 80}: error: thing {i} went wrong", n)],
    "boxed tracebacks that never close": lambda n: [_fill("╭── Traceback (most recent call last) ──╮\n", n)],
    "pytest failures": lambda n: [_pytest_failures(n)],
    "long lines (100 KB)": lambda n: [_lines(lambda i: f"{i} " + "word " * 20000, n)],
    # near misses, line by line
    "lines: spaces then x": lambda n: [_lines(lambda i: " " * 300 + f"x{i}", n)],
    "lines: colons": lambda n: [_lines(lambda i: ":" * 200 + str(i), n)],
    "lines: digits.dots": lambda n: [_lines(lambda i: "1." * 150 + f"x{i}", n)],
    "lines: file.py: no number": lambda n: [_lines(lambda i: f"src/file{i}.py: " + "file.py:" * 30, n)],
    "lines: at at at": lambda n: [_lines(lambda i: "    at " * 60 + f"f{i}", n)],
    "lines: File \" open": lambda n: [_lines(lambda i: '  File "' * 30 + f"x{i}", n)],
    "lines: --> no place": lambda n: [_lines(lambda i: "--> " * 50 + f"src/x{i}.rs:", n)],
    "lines: nested brackets": lambda n: [_lines(lambda i: "(" * 100 + f"x{i}" + ")" * 100, n)],
    "lines: | cells": lambda n: [_lines(lambda i: "|" + " a |" * 100 + f" {i} |", n)],
    "lines: all pipes": lambda n: [_lines(lambda i: "|" * 100 + str(i), n)],
    "lines: error words": lambda n: [_lines(lambda i: "error " * 30 + str(i), n)],
    "lines: × marks": lambda n: [_lines(lambda i: "× " * 50 + str(i), n)],
    "lines: tree rails": lambda n: [_lines(lambda i: "│   " * 60 + f"x{i}", n)],
    "lines: hex-led": lambda n: [_lines(lambda i: f"{i:07x}" * 30 + " x", n)],
    "lines: rule chars": lambda n: [_lines(lambda i: "=" * 200 + f" x{i} " + "-" * 50, n)],
    "lines: labels": lambda n: [_lines(lambda i: "Label words: " * 20 + str(i), n)],
    "lines: total": lambda n: [_lines(lambda i: f"total {i} " * 30, n)],
    "lines: @@ almost": lambda n: [_lines(lambda i: f"@@ -{i},1 +" * 20, n)],
    "lines: commit almost": lambda n: [_lines(lambda i: "commit " * 40 + f"{i:06x}", n)],
    "lines: path:count": lambda n: [_lines(lambda i: "a:" * 100 + f"{i}", n)],
    "lines: count text": lambda n: [_lines(lambda i: f"   {i} " + "a " * 150, n)],
    "lines: stamps": lambda n: [_lines(lambda i: "2025-01-01 12:00:00 " * 15 + f"x{i}", n)],
    "lines: durations": lambda n: [_lines(lambda i: "s1 " * 100 + f"{i}ms", n)],
    # each line opens on another character (segments.shifts counted leads in a vector per kind)
    "lines: distinct leads": lambda n: [_lines(lambda i: f"{chr(0x4E00 + i * 7919 % 20000)} text {i}", n)],
    # severity's path words: a 400-character dotted run, each line its own shape
    "lines: dotted runs of their own shapes": lambda n: [_lines(lambda i: f"**** {i:x}".translate(_LETTERS) + " " + "a." * 200, n)],
    "lines: distinct leads, blank lines": lambda n: [_lines(lambda i: f"{chr(0x4E00 + i * 7919 % 20000)} x{i}\n", n)],
    # one long line among ordinary ones: the per-line patterns of the lossy pass run on it
    **{f"log + a long line of {unit!r}": (lambda u: lambda n: [_with_long_line(n, u)])(unit)
       for unit in ("=", " ", "a:", ":", ".", "0", "|", "/", "\t", "-", "_", "(", "[", "at ", 'File "', "x.py:", "error ",
                    "\\", "'", '"', "*", "#", "<", "@", "+", "0x", "1.", "E1", "│", "\x1b[")},
    "log + a title over a long rule": lambda n: [_ordinary_log(n // 4) + "=== x " + _fill("=", n - n // 4) + "a\n"],
    # found by a hostile sweep (2026-12-01): short error lines, line ends of three kinds, a soup of
    # the words diagnostics are told by, control and non-characters inside findings, bare-CR records
    "short error lines": lambda n: [_lines(lambda i: f"ERROR e{i}: bad", n)],
    "mixed line ends": lambda n: ["".join(f"line {i} error{i % 3}" + ("\r\n" if i % 2 else "\n" if i % 3 else "\r")
                                          for i in range(n // 16))],
    "diagnostic word soup": lambda n: [(lambda r: _lines(lambda i: " ".join(r.choice(
        ["error", "at", "File", "-->", "x.py:3:", "(", "[", "|", "=", "1:", "warning", "FAILED", "PASSED", "::"])
        for _ in range(12)), n))(random.Random(7))],
    "findings with NULs": lambda n: [_lines(lambda i: f"x{i}.c:{i}:1: error:\x00 bad\x00", n)],
    "findings with non-characters": lambda n: [_lines(lambda i: f"\ufffe\uffff e{i} \U0010ffff error", n)],
    "bare-CR records": lambda n: ["\r".join(f"record {i}: value={i * 7}" for i in range(n // 22)) + "\r\n"],
    # structures
    "json: [ 100k deep": lambda n: [_deep_json(n, "[", "]")],
    "json: {\"a\": deep": lambda n: [_deep_json(n, '{"a":', "}")],
    "json: mixed deep, pretty": lambda n: ["\n".join(["{"] + [' ' * (i % 40) + '"k": [' for i in range(n // 60)]
                                                    + [' ' * (i % 40) + "]" for i in range(n // 60)] + ["}"])],
    "json: a member 3000 deep among records": lambda n: [json.dumps([{"id": i, "v": "x" * 50} for i in range(n // 70)])[:-1]
                                                       + "," + '{"a": ' * 3000 + "1" + "}" * 3000 + "]"],
    "json: array of error strings": lambda n: [json.dumps([f"error {i}" for i in range(n // 12)])],
    "json: 1M keys one line": lambda n: [json.dumps({f"k{i}": i for i in range(n // 17)})],
    "json: long array": lambda n: [json.dumps([{"id": i, "name": f"n{i}", "ok": i % 7 != 0} for i in range(n // 60)], indent=2)],
    "json lines": lambda n: [_lines(lambda i: json.dumps({"level": 30 + i % 3 * 10, "msg": f"m{i}", "n": i}), n)],
    "table: 2000 columns": lambda n: [_wide_table(n)],
    "table: 1 column": lambda n: ["VALUE\n" + _lines(lambda i: str(i * 7919 % 100000), n)],
    "csv": lambda n: ["a,b,c,d\n" + _lines(lambda i: f"{i},{i % 7},x{i % 3},{i * 1.5}", n)],
    "cr progress": lambda n: [_fill("progress 42%\r", n)],
    "cr progress lines": lambda n: [_lines(lambda i: "".join(f"{k}%\r" for k in range(100)) + "done", n)],
    "ansi storm": lambda n: [_fill("\x1b[31mx\x1b[0m", n)],
    "ansi unterminated": lambda n: [_fill("\x1b[1;2;3;4;5;6;7;8;9;", n)],
    "nul bytes": lambda n: ["\x00" * n],
    "binary noise": lambda n: [_binary(n)],
    "lone surrogates": lambda n: [_surrogates(n)],
    "markdown headings": lambda n: [_lines(lambda i: f"## Heading {i}\n\nSome text about {i}.", n)],
    "diff: many hunks": lambda n: [_diff(n)],
    "git log": lambda n: [_git_log(n)],
    "path list": lambda n: [_lines(lambda i: f"./src/d{i % 97}/sub{i % 13}/file{i}.py", n)],
    "traceback recursion": lambda n: ["Traceback (most recent call last):\n" + _lines(
        lambda i: f'  File "app/rec.py", line {10 + i % 3}, in f\n    return f(x - 1)', n) + "RecursionError: too deep\n"],
    "opencode header + metadata openings": lambda n: ["...output truncated...\n\nFull output saved to: /tmp/tool_1\n\n"
                                                      + _fill("\n\n<shell_metadata>\n", n)],
    "many 1 KB blocks": lambda n: [_fill(f"output {k} " + "row of text\n", 1024) for k in range(n // 1024)],
    "many 8 KB blocks": lambda n: [_ordinary_log(8 * 1024)[:8000] + str(k) for k in range(n // 8192)],
}


def request(texts: list[str]) -> bytes:
    msgs: list[dict] = [{"role": "user", "content": "go"}]
    for k, text in enumerate(texts):
        msgs += [{"role": "assistant", "content": None, "tool_calls": [
                    {"id": f"c{k}", "type": "function", "function": {"name": "bash", "arguments": "{}"}}]},
                 {"role": "tool", "tool_call_id": f"c{k}", "content": text}]
    tools = [{"type": "function", "function": {"name": t}} for t in ("bash", "read", RETRIEVE)]
    return json.dumps({"model": "gpt-4o", "messages": msgs, "tools": tools}).encode("utf-8", "surrogatepass")


# ------------------------------------------------------------------ one worker: one case, one size, one tree


def check(body: bytes, out: bytes) -> str:
    """'ok', or what is wrong with the compressed body."""
    try:
        sent = json.loads(out)
    except ValueError as exc:
        return f"invalid JSON: {exc}"[:80]
    sys.path.insert(0, str(HERE))
    from bench_compression import rewritten_lines

    before = [m["content"] for m in json.loads(body)["messages"] if m["role"] == "tool"]
    after = [m["content"] for m in sent["messages"] if m["role"] == "tool"]
    if len(before) != len(after):
        return "blocks lost"
    bad = sum(rewritten_lines(b, a) for b, a in zip(before, after) if a != b)
    return "ok" if not bad else f"{bad} lines not verbatim"


def worker(addon: Path, case: str, size: int, runs: int, limit: float) -> dict:
    sys.path.insert(0, str(addon))
    import gc
    import logging
    import tempfile
    import tracemalloc

    from headroom_mitm.compress import CompressionSettings, OriginalStore, clear_memo, compress_request

    failures: list[str] = []

    class _Catch(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            if record.levelno >= logging.WARNING:
                failures.append(record.getMessage()[:120])

    logging.getLogger("headroom_mitm").addHandler(_Catch())
    logging.getLogger("headroom_mitm").propagate = False
    body = request(CASES[case](size))
    cpu: list[float] = []
    result = None
    with tempfile.TemporaryDirectory(prefix="hm-worst-") as td:
        # As `headroom-mitm opencode` runs it: OpenCode's truncation headers are looked for.
        settings = CompressionSettings(tool_output_dirs=(td,))
        for k in range(runs + 1):
            clear_memo()
            gc.collect()
            traced = k == runs
            if traced:
                tracemalloc.start()
            with OriginalStore(Path(td) / f"s{k}.db") as store:
                c0 = time.thread_time()
                result = compress_request(body, api_format="openai-chat", content_encoding=None,
                                          settings=settings, store=store)
                spent = time.thread_time() - c0
            if traced:
                peak = tracemalloc.get_traced_memory()[1]
                tracemalloc.stop()
            else:
                cpu.append(spent)
                if sum(cpu) > limit:  # enough to call it slow; spare the shared machine
                    peak = -1
                    break
    assert result is not None
    lossy = sum(1 for b in result.blocks if b.retrieve_id)
    return {"bytes": len(body), "cpu_s": statistics.median(cpu), "runs": len(cpu), "peak_x": peak / len(body) if peak >= 0 else None,
            "valid": check(body, result.body), "fell_back": sorted(set(failures))[:3],
            "skipped": result.skipped_reason, "saved": 1 - len(result.body) / len(body), "lossy_blocks": lossy,
            "transforms": sorted({t for b in result.blocks for t in b.transforms})}


# ------------------------------------------------------------------ driver


def parse_size(text: str) -> int:
    mult = {"K": 1024, "M": 1024 * 1024}.get(text[-1].upper(), 1)
    return int(float(text.rstrip("KkMm")) * mult)


def run_worker(addon: Path, case: str, size: int, runs: int, limit: float, timeout: float) -> dict:
    cmd = [sys.executable, __file__, "--worker", str(addon), "--case", case, "--size", str(size),
           "--runs", str(runs), "--limit", str(limit)]
    try:
        done = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, cwd=HERE)
    except subprocess.TimeoutExpired:
        return {"error": f"timeout after {timeout:.0f} s"}
    if done.returncode:
        return {"error": (done.stderr.strip().splitlines() or ["crashed"])[-1][:100]}
    return json.loads(done.stdout.strip().splitlines()[-1])


def fmt_row(case: str, tree: str, sizes: list[int], rows: list[dict]) -> str:
    cells = []
    for r in rows:
        cells.append(r["error"] if "error" in r else f"{r['cpu_s'] * 1000:9.1f}")
    growth = [b["cpu_s"] / a["cpu_s"] for a, b in zip(rows, rows[1:])
              if "error" not in a and "error" not in b and a["cpu_s"] > 0]
    last = next((r for r in reversed(rows) if "error" not in r), {})
    peak = f"{last['peak_x']:.1f}x" if last.get("peak_x") is not None else "-"
    status = last.get("valid", "-")
    if last.get("fell_back"):
        status += " FELL BACK: " + "; ".join(last["fell_back"])
    if last.get("skipped") and last["skipped"] != "nothing to compress":
        status += f" (skipped: {last['skipped']})"
    g = "/".join(f"{x:.1f}" for x in growth) or "-"
    return (f"| {case} | {tree} | " + " | ".join(cells) + f" | {g} | {peak} | {status} | "
            f"{last.get('saved', 0) * 100:.0f}% {','.join(last.get('transforms', []))} |")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--base", type=Path, help="another tree's addon/ directory, run interleaved with this one")
    ap.add_argument("--sizes", default="256K,512K,1M")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--only", help="comma-separated case names (substrings)")
    ap.add_argument("--limit", type=float, default=30.0, help="CPU seconds after which a worker stops repeating")
    ap.add_argument("--timeout", type=float, default=300.0, help="wall seconds per worker")
    ap.add_argument("--json", type=Path)
    ap.add_argument("--list", action="store_true")
    ap.add_argument("--worker", type=Path, help=argparse.SUPPRESS)
    ap.add_argument("--case", help=argparse.SUPPRESS)
    ap.add_argument("--size", type=int, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.list:
        print("\n".join(CASES))
        return 0
    if args.worker:
        print(json.dumps(worker(args.worker, args.case, args.size, args.runs, args.limit)))
        return 0
    sizes = [parse_size(s) for s in args.sizes.split(",")]
    cases = [c for c in CASES if not args.only or any(w.strip() in c for w in args.only.split(","))]
    trees = {"this": HERE.parent / "addon"}
    if args.base:
        trees = {"base": args.base.resolve(), **trees}
    from machine import describe

    m = describe()
    print(f"machine: {m['nproc']} CPU ({m['cpu']}), {m['ram']}, Python {m['python']}; {args.runs} runs, CPU ms medians")
    print("| case | tree | " + " | ".join(f"{s // 1024} KB" for s in sizes)
          + " | growth per doubling | peak mem / body | valid | saved, transforms |")
    print("|---|---|" + "---|" * len(sizes) + "---|---|---|---|")
    report: list[dict] = []
    for k, case in enumerate(cases):
        rows: dict[str, list[dict]] = {t: [] for t in trees}
        for size in sizes:
            order = list(trees) if k % 2 else list(trees)[::-1]  # interleaved: both see the same load
            for tree in order:
                rows[tree].append(run_worker(trees[tree], case, size, args.runs, args.limit, args.timeout))
        for tree in trees:
            print(fmt_row(case, tree, sizes, rows[tree]), flush=True)
            report.append({"case": case, "tree": str(trees[tree]), "sizes": sizes, "rows": rows[tree]})
    if args.json:
        args.json.write_text(json.dumps({"machine": m, "runs": args.runs, "cases": report}, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
