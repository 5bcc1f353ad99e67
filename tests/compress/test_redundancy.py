"""Redundancy rules (issue #11, principle 7): what repeats goes, what went wrong stays. Each test
names the rule and fails without it."""

from __future__ import annotations

import random


from tests.support import RULES, lossy_rendering

S = RULES


def _lossy(text: str) -> str:
    return lossy_rendering(text, S)[1]


def test_a_coded_finding_without_a_level_has_its_codes_level_not_its_messages() -> None:
    # "Missing docstring" reads like a failure, but D103 is a convention: one per (code, file).
    lines = []
    for f in range(6):
        for k in range(30):
            lines.append(f"pkg/mod_{f:02d}.py:{10 * k + 1}:5: D103 Missing docstring in public function")
            lines.append(f"pkg/mod_{f:02d}.py:{10 * k + 3}:1: W0611: Unused import x{k} (unused-import)")
        lines.append(f"pkg/mod_{f:02d}.py:400:1: E999 SyntaxError: Expected an expression, missing operand")
        lines.append(f"pkg/mod_{f:02d}.py:401:1: F821 Undefined name `missing_{f}`")
    lines.append("Found 372 errors.")
    text = "\n".join(lines) + "\n"
    out = _lossy(text)
    for f in range(6):
        assert f"pkg/mod_{f:02d}.py:1:5: D103 Missing docstring in public function" in out
        assert f"pkg/mod_{f:02d}.py:400:1: E999 SyntaxError" in out  # error classes keep their words' verdict
    assert sum(1 for x in out.split("\n") if " D103 " in x) < 20
    assert "D103 ×" in out  # and the closing line counts what was left out
    assert len(out) < 0.4 * len(text)


def test_a_place_line_over_a_coded_finding_is_its_place() -> None:
    # pydocstyle: "file:line in function f:" then "    CODE: message": the place of each
    # (code, file) stays with it, even where another code shares the place.
    lines = []
    for f in range(5):
        for k in range(25):
            lines.append(f"ledger/book_{f:02d}.py:{10 * k + 4} in public function `load_{f}{k:02d}`:")
            lines.append("        D103: Missing docstring in public function")
        lines.append(f"ledger/book_{f:02d}.py:300 in public function `odd_{f}`:")
        lines.append("        D400: First line should end with a period (not 'e')")
    text = "\n".join(lines) + "\n"
    out = _lossy(text)
    for f in range(5):
        assert f"ledger/book_{f:02d}.py:4 in public function `load_{f}00`:" in out
        assert f"ledger/book_{f:02d}.py:300 in public function `odd_{f}`:" in out
    assert len(out) < 0.5 * len(text)


def test_a_gap_is_elided_when_it_is_longer_than_its_marker() -> None:
    from headroom_mitm.compress.select import render

    lines = ["keep"] + ["x = f(a, b)"] * 3 + ["keep"] + ["y" * 5] * 2 + ["keep"]
    keep = bytearray([1, 0, 0, 0, 1, 0, 0, 1])
    out, elided = render(lines, keep, lambda a, b, n, again: f"[… lines {a}–{b} elided; t id=1 …]")
    # ~24 tokens of gap against a ~14-token marker: elided; 4 against 14: shown.
    assert elided and out.split("\n") == ["keep", "[… lines 2–4 elided; t id=1 …]", "keep", "yyyyy", "yyyyy", "keep"]


def test_where_each_of_a_few_sources_first_speaks_is_kept() -> None:
    # strace -f: the first line of each "[pid N]" is where that process started.
    rng = random.Random(5)
    words = ["".join(rng.choice("abcdefghij") for _ in range(8)) for _ in range(400)]
    lines = ['execve("/usr/bin/sh", ["sh", "-c", "work"], 0x7ffc /* 48 vars */) = 0']
    for p in (9327, 9336, 9341):
        lines += [f'newfstatat(AT_FDCWD, "/usr/share/tool{p}/part_{k}", {{st_mode=S_IFREG|0644, st_size={k * 7}}}, 0) = 0' for k in range(40)]
        lines.append(f'[pid  {p}] execve("/usr/bin/tool{p}", ["tool{p}"], 0x5596 /* 48 vars */ <unfinished ...>')
        lines += [f'[pid  {p}] openat(AT_FDCWD, "/usr/lib/x86_64-linux-gnu/lib{k}.so", O_RDONLY|O_CLOEXEC) = 3' for k in range(40)]
        lines += [f'[pid  {p}] read(3, "{rng.choice(words)} {rng.choice(words)}", {k}) = {k}' for k in range(150)]
        lines.append(f"[pid  {p}] +++ exited with 0 +++")
    lines.append("+++ exited with 0 +++")
    out = _lossy("\n".join(lines) + "\n")
    for p in (9327, 9336, 9341):
        assert f'[pid  {p}] execve("/usr/bin/tool{p}"' in out


def test_a_source_excerpt_repeated_under_later_findings_is_shown_once() -> None:
    excerpt = [
        '   15 |     printf("%s: %dx%d\\n", img->width, img->height);',
        "      |             ~^            ~~~~~~~~~~",
        "      |              |               |",
        "      |              char *          int",
        "      |             %d",
    ]
    lines = []
    for f in range(30):
        lines.append(f"src/codec_{f:02d}.c: In function ‘codec_{f}_dump’:")
        lines.append(f"src/codec_{f:02d}.c:15:14: warning: format ‘%s’ expects argument of type ‘char *’, but argument 2 has type ‘int’ [-Wformat=]")
        lines += excerpt
    lines.append("30 warnings generated.")
    out = _lossy("\n".join(lines) + "\n")
    for f in range(30):  # every (flag, file) keeps its warning
        assert f"src/codec_{f:02d}.c:15:14: warning: format" in out
    assert out.count(excerpt[0]) == 1


def _name(i: int) -> str:
    return "".join("abcdefghij"[int(d)] for d in f"{i * 7919 % 100000:05d}")


def test_repeats_of_a_code_in_a_file_go_before_anything_else_and_are_counted() -> None:
    lines = []
    for f in range(30):
        p = f"billing/ledger_{f:02d}.py"
        lines.append(f"{p}:1:0: W0611: Unused import os (unused-import)")
        # names of different shapes: no repeated template makes them go first
        lines += [f"{p}:{k + 2}:0: W0611: Unused import mod_{_name(4 * f + k)} (unused-import)" for k in range(4)]
        lines.append(f"{p}:19:39: C0121: Comparison 'inv.paid == False' should be 'inv.paid is False' (singleton-comparison)")
        lines.append(f"{p}:51:4: R1705: Unnecessary \"elif\" after \"return\" (no-else-return)")
    lines.append("Your code has been rated at 6.12/10")
    out = _lossy("\n".join(lines) + "\n")
    for f in range(30):
        assert f"billing/ledger_{f:02d}.py:1:0: W0611: Unused import os" in out
        assert f"billing/ledger_{f:02d}.py:51:4: R1705" in out
    # (the opening lines and a table's last rows stay whatever they are)
    assert not any("Unused import mod_" in x for x in out.split("\n")[3:-8])
    assert "[warnings left out, by kind: W0611 ×11" in out


def _rustc_warning(path: str, line: int, message: str, excerpt: list[str]) -> list[str]:
    width = len(str(line))
    pad = " " * width
    return [f"warning: {message}", f"{pad}--> {path}:{line}:9", f"{pad} |", f"{line} | {excerpt[0]}",
            *(f"{pad} | {x}" for x in excerpt[1:]), ""]


def test_a_finding_placed_on_the_line_under_it_is_keyed_by_its_message() -> None:
    # rustc: "warning: message" over " --> file:line:col": two messages in one file are two kinds.
    lines = ["   Compiling ledger v0.1.0 (/tmp/ledger)"]
    for f in range(12):
        p = f"src/m{f:02d}.rs"
        lines += _rustc_warning(p, 9 + f, "variable does not need to be mutable", ["    let mut w = 3;", "    ----^", "    |", "    help: remove this `mut`"])
        for k in range(4):
            # (one name in four functions: a name told apart by its digits would be another finding)
            lines += _rustc_warning(p, 30 + 10 * k + f, "unused variable: `count`", ["    let count = xs.len();", "    ^^^^^ help: prefix it with an underscore"])
    lines.append("warning: `ledger` (lib) generated 24 warnings")
    out = _lossy("\n".join(lines) + "\n")
    for f in range(12):
        assert f"--> src/m{f:02d}.rs:{9 + f}:9" in out and f"--> src/m{f:02d}.rs:{30 + f}:9" in out
    assert "--> src/m05.rs:55:9" not in out  # a repeat of (message, file)


def test_an_excerpt_repeated_at_another_line_number_is_shown_once() -> None:
    excerpt = ["    let mut result: HashMap<String, Vec<u64>> = HashMap::with_capacity(64);",
               "        ----------^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^",
               "        |", "        help: remove this `mut`",
               "        note: the variable is never assigned to after its declaration in this function"]
    lines = []
    for f in range(20):
        lines += _rustc_warning(f"src/m{f:02d}.rs", 5 + 3 * f, "variable does not need to be mutable", excerpt)
    lines.append("warning: `ledger` (lib) generated 20 warnings")
    out = _lossy("\n".join(lines) + "\n")
    for f in range(20):
        assert f"--> src/m{f:02d}.rs:{5 + 3 * f}:9" in out
    assert out.count(excerpt[0]) <= 2  # the first copy, and the tail's


def _javac(files: int, per_file: int) -> list[str]:
    types = ["List", "ArrayList", "Map", "HashMap", "Set", "Iterator", "Comparator", "Optional"]
    lines = []
    for f in range(files):
        for k in range(per_file):
            t = types[(f + k) % len(types)]
            lines += [f"src/app/Store{f:02d}.java:{4 + 3 * k}: warning: [rawtypes] found raw type: {t}",
                      f"        java.util.{t} xs{k} = null;", "                 ^",
                      f"  missing type arguments for generic class {t}<E>", "  where E is a type-variable:",
                      f"    E extends Object declared in interface {t}"]
    return lines + [f"{files * per_file} warnings"]


def test_the_indented_lines_under_a_warning_explain_it_and_are_no_failures() -> None:
    out = _lossy("\n".join(_javac(20, 1)) + "\n")
    for f in range(20):
        assert f"src/app/Store{f:02d}.java:4: warning: [rawtypes]" in out
    assert out.count("  missing type arguments for generic class") < 10


def test_a_bracketed_category_after_the_level_is_the_warnings_kind() -> None:
    out = _lossy("\n".join(_javac(12, 4)) + "\n")
    for f in range(12):
        assert f"src/app/Store{f:02d}.java:4: warning: [rawtypes]" in out
    assert sum(1 for x in out.split("\n")[3:-8] if x.startswith("src/app/Store05.java:")) == 1


def test_a_source_line_repeated_under_every_failing_case_is_shown_once() -> None:
    # pytest: the test's source ("expected" is only a parameter's name) under each failing case.
    cases = ", ".join(f"('{k}kib', {k * 1024})" for k in range(40))
    lines = ["..FF.FF.F.....F...F...F.........F...F......", "=" * 30 + " FAILURES " + "=" * 30]
    for k in range(12):
        lines += ["_" * 20 + f" test_parse_size[{k}kib-{k * 1024}] " + "_" * 20, "",
                  f"text = '{k}kib', expected = {k * 1024}", "",
                  f'    @pytest.mark.parametrize("text,expected", [{cases}])',
                  "    def test_parse_size(text, expected):", ">       assert parse_size(text) == expected",
                  f"E       AssertionError: assert {k} == {k * 1024}", f"E        +  where {k} = parse_size('{k}kib')",
                  "", "test_calc.py:8: AssertionError"]
    lines += ["=" * 20 + " short test summary info " + "=" * 20]
    lines += [f"FAILED test_calc.py::test_parse_size[{k}kib-{k * 1024}] - AssertionError: assert {k} == {k * 1024}" for k in range(12)]
    lines += ["=" * 20 + " 12 failed, 28 passed in 0.31s " + "=" * 20]
    out = _lossy("\n".join(lines) + "\n")
    for k in range(12):
        assert f"E       AssertionError: assert {k} == {k * 1024}" in out
        assert f"FAILED test_calc.py::test_parse_size[{k}kib-{k * 1024}]" in out
    assert out.count("@pytest.mark.parametrize") <= 2


def test_a_test_report_with_code_in_its_diffs_is_a_report_not_code() -> None:
    # pytest -vv: dict diffs and test source read like code, the section banners say it is a run.
    lines = ["=" * 40 + " test session starts " + "=" * 40, "collected 40 items", ""]
    lines += [f"test_cfg.py::test_config_{k} {'FAILED' if k % 3 else 'PASSED'}" + " " * 40 + f"[{k * 2:3d}%]" for k in range(40)]
    lines += ["", "=" * 40 + " FAILURES " + "=" * 40]
    for k in range(1, 40, 3):
        lines += ["_" * 30 + f" test_config_{k} " + "_" * 30, "", f"    def test_config_{k}():",
                  f">       assert build_config({k}) == {{'name': 'svc-{k}', 'replicas': 2, 'env': {{'MODE': 'staging'}}}}",
                  f"E       AssertionError: assert {{'name': 'svc-{k}', 'replicas': 1}} == {{'name': 'svc-{k}', 'replicas': 2}}",
                  "E         Full diff:", "E           {", f"E               'name': 'svc-{k}',", "E         -     'replicas': 2,",
                  "E         +     'replicas': 1,", "E               'env': {", "E                   'MODE': 'staging',", "E               },",
                  "E           }", "", f"test_cfg.py:{4 * k}: AssertionError"]
    lines += ["=" * 30 + " 26 failed, 14 passed in 0.12s " + "=" * 30]
    out = _lossy("\n".join(lines) + "\n")
    for k in range(1, 40, 3):
        assert f"E       AssertionError: assert {{'name': 'svc-{k}', 'replicas': 1}}" in out


def test_a_failure_printed_again_with_the_same_place_and_words_is_shown_once() -> None:
    # go test -v over a table: the same "file:line: got …, want …" under many cases; each failing
    # case keeps its own "--- FAIL:" line, each distinct message its first copy.
    lines = ["=== RUN   TestDiscount"]
    fails: list[str] = []
    messages: set[str] = set()
    for k in range(300):
        amount, pct = (100, 999, 1999)[k % 3], (5, 10, 15, 33)[k % 4]
        lines.append(f"=== RUN   TestDiscount/{amount}c_at_{pct}%#{k:02d}")
        if k % 2 == 0:
            message = f"    discount_test.go:91: Discount({amount}, {pct}) = {amount - 1}, want {amount}"
            messages.add(message)
            lines.append(message)
            fails.append(f"    --- FAIL: TestDiscount/{amount}c_at_{pct}%#{k:02d} (0.00s)")
    lines += ["--- FAIL: TestDiscount (0.01s)", *fails, "FAIL", "FAIL\texample.com/shop\t0.020s", "FAIL"]
    out = _lossy("\n".join(lines) + "\n")
    for f in fails:
        assert f in out
    for m in messages:
        assert m + "\n" in out
    assert out.count("discount_test.go:91:") < 20


def test_a_note_under_a_finding_is_not_placed_by_the_next_findings_arrow() -> None:
    # rustc: a "= note:" closes the first finding's excerpt; the " --> file:line" after the blank
    # line places the next finding (a repeat of its kind in that file), not the note.
    lines = ["   Compiling ledger v0.1.0 (/src/ledger)"]
    for f in range(14):
        for k, name in enumerate(("std::collections::HashMap", "std::fmt::Write", "std::fmt::Write")):
            lines += [f"warning: unused import: `{name}`", f" --> src/m{f:02d}.rs:{k + 1}:5", "  |",
                      f"{k + 1} | use {name};", "  |     " + "^" * len(name)]
            if k == 0:
                lines += ["  |", "  = note: `#[warn(unused_imports)]` (part of `#[warn(unused)]`) on by default"]
            lines.append("")
    lines += ["warning: `ledger` (lib) generated 42 warnings", "    Finished `dev` profile [unoptimized] target(s) in 0.31s"]
    out = _lossy("\n".join(lines) + "\n")
    for f in range(14):
        assert f" --> src/m{f:02d}.rs:1:5" in out
    assert " --> src/m07.rs:3:5" not in out  # a repeat of its kind in its file, arrow and all


def test_a_rule_of_stars_over_a_module_is_its_title_not_a_failure() -> None:
    # pylint's "************* Module x" is no make "*** " failure: the finding over it is no
    # failure's place, so a repeat of its (code, file) goes; the title stays over what is kept.
    lines = []
    for f in range(12):
        lines.append(f"************* Module billing.ledger_{f:02d}")
        lines.append(f"billing/ledger_{f:02d}.py:35:4: W0702: No exception type(s) specified (bare-except)")
        lines.append(f"billing/ledger_{f:02d}.py:51:4: R1705: Unnecessary \"elif\" after \"return\" (no-else-return)")
        lines += [f"billing/ledger_{f:02d}.py:{k}:0: W0611: Unused import mod_{k} (unused-import)" for k in range(1, 5)]
    lines += ["", "-" * 68, "Your code has been rated at 6.12/10", ""]
    out = _lossy("\n".join(lines) + "\n")
    for f in range(12):
        assert f"************* Module billing.ledger_{f:02d}\n" in out
    for f in range(11):  # the last lines of an output stay whatever they are
        assert sum(1 for x in out.split("\n") if x.startswith(f"billing/ledger_{f:02d}.py:") and "W0611" in x) == 1


def _ruff_full(files: int) -> list[str]:
    lines = []
    for f in range(files):
        for k, name in enumerate(("json", "sys", "re", "os"), start=1):
            lines += [f"F401 [*] `{name}` imported but unused", f" --> billing/ledger_{f:02d}.py:{k}:8", "  |",
                      f"{k} | import {name}", "  |        " + "^" * len(name) + " " * (k - 1),
                      f"{k + 1} | from billing.types import Invoice_{f}", "  |",
                      f"help: Remove unused import: `{name}`", "  |", f"  - import {name}", "  |", ""]
        lines += ["E722 Do not use bare `except`", f"  --> billing/ledger_{f:02d}.py:35:5", "   |",
                  "35 |     except:", "   |     ^^^^^^", "   |", ""]
    return lines + [f"Found {files * 5} errors.", f"[*] {files * 4} fixable with the `--fix` option."]


def test_a_repeated_finding_takes_its_excerpt_carets_and_help_with_it() -> None:
    # ruff's full format: a repeat of (F401, file) goes with everything it prints under itself,
    # its caret and its "help:" line too (kept alone they only cut the gaps into more markers).
    out = _lossy("\n".join(_ruff_full(14)) + "\n")
    for f in range(14):
        assert f" --> billing/ledger_{f:02d}.py:1:8" in out
        assert f"  --> billing/ledger_{f:02d}.py:35:5" in out
    kept = out.split("\n")
    assert not any(x.startswith("  |        ^") and x.endswith(" ") for x in kept[:-12])  # the repeats' carets
    assert not any(x.startswith("help: Remove unused import: `sys`") for x in kept[:-12])


def test_the_same_failure_under_another_files_header_is_another_failure() -> None:
    # A place without its file ("line 3") is read under its file's header: the same words under
    # another header report another failure, and every one stays.
    lines = []
    for f in range(30):
        lines += [f"config/app_{f:02d}.yaml", "  line 3: error: wrong indentation: expected 2 but found 4",
                  *[f"  line {k}: checked key_{k} ok" for k in range(4, 12)], ""]
    lines.append("30 files checked, 30 errors")
    from headroom_mitm.compress.lineindex import LineIndex
    from headroom_mitm.compress.logs import rank_lines
    from headroom_mitm.compress.select import MUST

    index = LineIndex("\n".join(lines) + "\n")
    ranked = rank_lines(index.lines, index)
    assert ranked is not None
    assert all(ranked.rank[i] == MUST for i, x in enumerate(index.lines) if x.startswith("  line 3: error"))
