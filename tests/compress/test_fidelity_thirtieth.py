"""Fidelity rules of issue #11's thirtieth pass: each test names the rule, holds for outputs never
seen, and fails without it."""

from __future__ import annotations

import random

from headroom_mitm.compress.lineindex import LineIndex
from headroom_mitm.compress.outline import keep_block_titles
from headroom_mitm.compress.select import MUST, NORMAL
from tests.compress.support import sent

_PARTS = ("winch", "sheave", "pawl", "trunnion", "bascule", "counterweight")


def _names(n: int) -> list[str]:
    return [f"{_PARTS[k % len(_PARTS)]}_{('lower', 'raise', 'check', 'grease')[k // len(_PARTS) % 4]}_{k}" for k in range(n)]


def test_the_heads_of_blocks_after_blank_lines_stay() -> None:
    # `ruby --dump=insns` heads each method's instructions with "== disasm: #<ISeq:…>" after a blank
    # line: which methods the dump holds. The instructions under them were ranked like any log line
    # and a quarter of the heads went with them.
    rng = random.Random(7)
    names = _names(40)
    out, heads = [], []
    for k, name in enumerate(names):
        head = f"== disasm: #<ISeq:{name}@bridge.rb:{5 + 6 * k} ({5 + 6 * k},4)-({9 + 6 * k},7)> (catch: FALSE)"
        heads.append(head)
        out += ["", head, "local table (size: 2, argc: 1 [opts: 0, rest: -1, post: 0, block: -1, kw: -1@-1, kwrest: -1])",
                "[ 2] loads@0<Arg> [ 1] total@1"]
        for pc in range(0, 2 * rng.randrange(8, 30), 2):
            op = rng.choice(("getlocal_WC_0                          loads@0", "putobject_INT2FIX_0_", "leave",
                             "opt_plus                               <calldata!mid:+, argc:1, ARGS_SIMPLE>[CcCr]",
                             f"putobject                              {rng.randrange(100)}",
                             f"opt_send_without_block                 <calldata!mid:{rng.choice(names)}, argc:0, ARGS_SIMPLE>"))
            out.append(f"{pc:04d} {op}" + (f"                  ({5 + 6 * k + pc // 8:4d})[Li]" if pc % 8 == 0 else ""))
    kept = sent("\n".join(out))
    assert "elided" in kept and [h for h in heads if h not in kept] == []


def test_the_heads_of_blocks_over_deeper_lines_stay() -> None:
    # R's str() names each data frame of a list over its columns, indented deeper (gfortran's
    # -fdump-tree-original its procedures over their symbols): half the frames' names went.
    rng = random.Random(11)
    columns = [("date", "Date[1:50], format:"), ("keeper", "chr [1:50]"), ("leaf", 'Factor w/ 2 levels "north","south":'),
               ("load_kN", "num [1:50]"), ("counterweight_t", "num [1:50]"), ("openings", "int [1:50]"), ("fault", "chr [1:50]")]
    out, heads = ["List of 30"], []
    for k in range(1, 31):
        head = f" $ shift_{k:<2d}:'data.frame':\t{40 + k} obs. of  7 variables:"
        heads.append(head)
        out.append(head)
        for name, kind in columns:
            numeric = "num" in kind or "int" in kind
            values = " ".join(str(rng.randrange(300, 560)) if numeric else f'"{rng.choice(("none", "pawl slip"))}"' for _ in range(5))
            out.append(f"  ..$ {name:<15s}: {kind} {values} ...")
    kept = sent("\n".join(out))
    assert "elided" in kept and [h for h in heads if h not in kept] == []


def _ranks(text: str) -> list[int]:
    """Ranks keep_block_titles gives, with ordinary lines after enough for any outline's share."""
    index = LineIndex(text + "".join(f"\nserved request {k} in 3 ms" for k in range(600)))
    rank = [NORMAL] * len(index.lines)
    keep_block_titles(index, rank)
    return rank


def test_frames_code_and_findings_are_no_titles() -> None:
    # A traceback's frames, the code a test report quotes and diagnostics open blocks too: they are
    # ranked as what they are (a frame repeated a hundred times is no outline).
    frames = ["Traceback (most recent call last):"] + [
        line for k in range(30) for line in (f'  File "/srv/app/m{k}.py", line {k + 3}, in f{k}', f"    return f{k + 1}(x)", "    ^^^^^^^^^^")
    ]
    quoted = [line for k in range(12) for line in ("", f"    def test_case_{k}():", f"        value = make({k})", f"        assert value == {k + 1}")]
    findings = [line for k in range(12) for line in ("", f"warning: unused variable `x{k}`", f" --> src/m{k}.rs:{k}:9", "  |")]
    for text in ("\n".join(frames + ["ValueError: x"]), "\n".join(quoted), "\n".join(findings)):
        assert MUST not in _ranks(text)


def test_a_record_led_by_a_time_is_no_title() -> None:
    # Blocks led by a time or a count are records of a log, sampled as such.
    text = "\n".join(line for k in range(40) for line in ("", f"2026-12-03 12:{k:02d}:07 request {k} served", "  path: /a", "  took: 3ms"))
    assert MUST not in _ranks(text)
