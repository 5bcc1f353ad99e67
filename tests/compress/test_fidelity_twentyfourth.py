"""Fidelity rules of issue #11's twenty-fourth pass: each test names the rule, holds for outputs never
seen, and fails without it."""

from __future__ import annotations

from tests.compress.support import corpus_text, expand_repeats, sent


def test_a_disassembly_keeps_each_functions_title_when_its_counts_line_opens_with_a_number() -> None:
    # luac -l: each function's block is titled by "function <src/x.lua:6,12> (19 instructions …)" and
    # "1 param, 9 slots, …" over its tab-indented instructions. A title line that opens with a number
    # is no row of right-aligned numbers (find -ls: inode, then blocks) unless a second number follows.
    text = corpus_text("wide303", "wide303-luac-listing-network")
    titles = [line for line in text.split("\n") if line.startswith("function <")]
    kept = sent(text)
    assert len(titles) > 60 and all(title in kept for title in titles)
    assert len(kept) < len(text) / 2


def test_a_dump_with_two_line_titles_counts_its_blocks_not_its_lines() -> None:
    # 60 blocks, each titled by two flush-left lines over its indented listing: 120 title lines are
    # over the outline's cap of lines, 60 titles are not.
    ops = ("LOADK", "GETFIELD", "CALL", "SETTABLE", "ADDI", "JMP", "RETURN")
    out = []
    for k in range(60):
        out += [f"routine <lib/yard{k % 9}.src:{10 * k},{10 * k + 8}> ({12 + k % 5} steps at 0x{0x5a000 + 64 * k:x})",
                f"slots {3 + k % 4}, upvalues {k % 3}, constants {k}"]
        out += [f"\t{j}\t[{10 * k + j}]\t{ops[(j + k) % 7]:<9}\t{j} {k % 5} {j + 1}" for j in range(1, 13)] + [""]
    text = "\n".join(out)
    kept = sent(text)
    assert len(kept) < len(text) * 0.7
    assert all(line in kept for line in out if line.startswith("routine <"))


def test_findings_placed_by_line_and_column_in_parentheses_under_their_file_are_findings() -> None:
    # staticcheck -f stylish: each file's name, then "  (36, 3)   SA9003  empty branch" per finding,
    # with no level word; one of each code in each file says what is wrong where.
    codes = [("ST1000", "at least one file in a package should have a package comment"), ("S1039", "unnecessary use of fmt.Sprintf"),
             ("SA5011", "possible nil pointer dereference"), ("U1000", "func helper is unused"), ("ST1005", "error strings should not be capitalized")]
    out, wanted = [], []
    for f in range(30):
        out.append(f"/srv/yard/gen/zone{f:02d}/a.go")
        for k in range(6):
            code, message = codes[(f + k) % len(codes)]
            out.append(f"  ({10 * k + 3}, {k + 2})  {code}  {message}")
            wanted.append((f, code))
        out.append("")
    out.append(f" ✖ {30 * 6} problems ({30 * 6} errors, 0 warnings)")
    text = "\n".join(out)
    # A file's findings that repeat another file's, line for line, may be sent as a reference.
    kept = expand_repeats(sent(text)).split("\n")
    found, current = set(), None
    for line in kept:
        if line.startswith("/srv/"):
            current = int(line.split("zone")[1][:2])
        elif line.startswith("  (") and current is not None:
            found.add((current, line.split()[2]))
    assert set(wanted) <= found
