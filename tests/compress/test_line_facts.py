"""The per-line facts of lines.py and documents.py that were split or pre-filtered for speed:
each form of the patterns they were made from still decides as before."""

from __future__ import annotations

import gc

import pytest

from headroom_mitm.compress import documents
from headroom_mitm.compress import lines as ln
from headroom_mitm.compress.lineindex import LineIndex, count_matches, matches_at_least, zero_digits
from headroom_mitm.compress import severities
from headroom_mitm.compress import structured as st
from headroom_mitm.compress import outliers, tables, trees

SUMMARIES = [
    "==== 3 passed in 0.1s ====",  # a banner, whole line
    "  Tests:  1 failed, 2 total",  # at the line's start, behind indentation
    "ok  \tpkg\t0.01s",
    "make[2]: *** [all] Error 2",
    "ℹ tests 4",
    "error: could not compile `x`",
    "12 passed, 1 skipped",  # a count anywhere on the line
    "[x] 3 warnings emitted",
    "2 files changed, 3 insertions(+)",  # "files changed" behind its count
    "1 file left unchanged",
    "4 reformatted",
    "process exit code 1",  # words anywhere on the line
    "Exit Status 2",
    "Checked 12 files",
    "==12== LEAK SUMMARY:",
]
NOT_SUMMARIES = [
    "x ==== y ====",  # a banner not at the start
    "==== y ====\nmore",  # `$` before the final newline only
    "the tests are fine",
    "12 passedx",  # a count's word ends at a word boundary
    "exit now",
    "checked out",
    "presummary: x",  # "summary:" starts a word
    "adduser/oldstable,now 3.134 all [installed,automatic]",
]


@pytest.mark.parametrize("line", SUMMARIES)
def test_summary_lines_are_summaries(line: str) -> None:
    assert ln.is_summary(line)


@pytest.mark.parametrize("line", NOT_SUMMARIES)
def test_other_lines_are_not_summaries(line: str) -> None:
    assert not ln.is_summary(line)


def test_summary_is_judged_on_the_first_400_characters() -> None:
    assert not ln.is_summary("x" * 400 + " 3 passed")
    assert ln.is_summary("x" * 390 + " 3 passed")


CODE = "\n".join(f"def f{k}(x):\n    return x + {k}\n" for k in range(10))


@pytest.mark.parametrize(
    "place",
    [
        "src/app.py:12:3: unused name",  # path:line:col
        "app.c(12,3): warning C4013",  # path(line,col)
        '  File "app.py", line 12, in f',  # Python's frame
        "  at run (app.js:12:3)",
        "  --> src/m.rs:9:9",
        "app.py, line 12",
        "error on line 12",
    ],
)
def test_code_quoted_in_diagnostics_is_a_report(place: str) -> None:
    """Every form of a place in a file counts towards the share that makes code a report."""
    assert documents.looks_like_code_or_prose(CODE)
    assert not documents.looks_like_code_or_prose(CODE + "\n" + "\n".join([place] * 6))


def test_indented_prose_that_names_a_place_is_not_prose() -> None:
    # (Sentences that open alike: most lines of one opening would be a log's lead, not prose.)
    openings = ["The parser reads", "Each reader takes", "Our lexer splits", "A scanner walks"]
    prose = "".join(f"    {o} every word of the sentence and tells the caller what it found there.\n" for o in openings)
    assert documents.looks_like_code_or_prose(prose * 3)
    placed = "".join(f"    {o} every word of the sentence and tells the caller, see parse.py:12 here.\n" for o in openings)
    assert not documents.looks_like_code_or_prose(placed * 3)


@pytest.mark.parametrize(
    "row",
    [
        "pkg{k}/stable,now 1.{k} amd64 [installed,automatic]",  # fields split by whitespace
        "pkg{k},1.{k},amd64,installed",  # CSV
        "-rw-r--r-- 1 user staff {k:>6} Jan  1 12:00 {name}",  # aligned, spaces in the last column
    ],
)
def test_a_large_table_is_ranked_without_an_object_per_row(row: str) -> None:
    """Hundreds of live objects (a list per row) make Python's garbage collector run in the middle
    of the request; the table's cells are held in one list."""
    lines = [row.format(k=k, name=" ".join(["file"] * (1 + k % 3))) for k in range(3000)]
    runs: list[int] = []

    def count(phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            runs.append(info["generation"])

    gc.collect()
    gc.callbacks.append(count)
    try:
        rank = tables.rank_table(lines)
    finally:
        gc.callbacks.remove(count)
    assert rank is not None and len(rank) == len(lines)
    assert runs == []


@pytest.mark.parametrize("lines, split", [(0, False), (1, True), (20, True), (21, False)])
def test_a_json_preamble_is_at_most_20_lines(lines: int, split: bool) -> None:
    text = "\n".join(["npm warn something"] * lines + ["{", '  "a": [1, 2]', "}"])
    found = st.split_json_preamble(text)
    assert (found is not None) == split
    if found is not None:
        assert found[0] + found[1] == text and found[1].startswith("{")


def test_a_long_source_file_ending_with_a_brace_has_no_json_preamble() -> None:
    text = "\n".join(f"def f{k}(x):\n    return x" for k in range(500)) + "\nCONFIG = {\n    'a': 1,\n}"
    assert st.split_json_preamble(text) is None


@pytest.mark.parametrize(
    "line, path",
    [
        ("src/app/main.py", True),
        ("./docs/a file with spaces.md  ", True),  # spaces inside a name, and after it
        ("../x/y/", True),
        ("/usr/lib/x86_64-linux-gnu/libz.so.1\t", True),
        ("src/app,main.py", False),
        ("pkg/stable,now 1.2 all [installed]", False),
        ("src/app/main.py: 3 matches", False),
    ],
)
def test_path_lines(line: str, path: bool) -> None:
    assert trees.looks_path_list([line] * 12) == path


def test_deeply_indented_code_and_config_read_as_such() -> None:
    code = "\n".join(" " * (4 * (k % 6)) + w for k, w in enumerate(["def f(x)", "return x", "if (x)", "# note", "// c", "@decorator"] * 4))
    assert documents.looks_like_code_or_prose(code)
    config = "\n".join(" " * (2 * (k % 5)) + w for k, w in enumerate(["- name: a", "key: value", "other:", "- item", "[section]"] * 4))
    assert documents.looks_like_code_or_prose(config)


def test_commit_lines_behind_a_graph_or_indentation_are_a_commit_list() -> None:
    assert st.commit_list([f"{'| ' * (k % 4)}* {k:07x}a fix thing {k}" for k in range(30)])
    assert st.commit_list([f"{' ' * (k % 9)}pick {k:07x}b change {k}" for k in range(30)])
    assert not st.commit_list([f"{' ' * (k % 9)}deadbeef change {k}" for k in range(30)])  # no digit: a word


def test_a_tables_sample_is_parsed_once_for_both_looks(monkeypatch: pytest.MonkeyPatch) -> None:
    """`delimited` (is this data?) and the table ranking after it judge one sample's delimiters.
    (Quoted fields: a sample without quotes has its fields counted without csv.)"""
    lines = [f'pkg{k},"1.{k}",amd64,installed' for k in range(100)]
    calls: list[str] = []
    reader = tables.csv.reader

    def counting(rows: object, delimiter: str) -> object:
        calls.append(delimiter)
        return reader(rows, delimiter=delimiter)

    tables._delimiters.cache_clear()
    monkeypatch.setattr(tables.csv, "reader", counting)
    assert tables.delimited(lines)
    assert tables.rank_table(lines) is not None
    assert calls == [",", ","]  # the sample's once, then every row's


CODED = "x.py:3:1: D100 Missing docstring\n  6:5  ANN201 Missing return\nW0702: No exception type\nE999 text\nplain line\n"


@pytest.mark.parametrize("text", [CODED, CODED + "naïve ünïcode line\n"])  # ASCII, and not
def test_coded_findings_are_found_in_ascii_and_other_text(text: str) -> None:
    index = LineIndex(text)
    assert severities._coded(index.lines, index) == [0, 1, 2]
    assert index.where(severities._CODED, probe=severities._CODED_PROBE) == [0, 1, 2]


def test_caps_digits_shape() -> None:
    assert LineIndex("E501 x9").caps_digits == b"\nA000 x0"
    assert LineIndex("é").caps_digits is None


@pytest.mark.parametrize("text", ["a1 b23 c456789 0", "naïve ٣ 12 é9\n\ud83d\ude00 7 \udc80 8"])  # ASCII, and not
def test_zero_digits_blanks_ascii_digits_only(text: str) -> None:
    assert zero_digits(text) == text.translate(str.maketrans("123456789", "000000000"))


def test_a_columns_numbers_are_the_cells_numbers() -> None:
    cells = ["12", "1,234", "4.5", "12 %", "3Ki", "7kB", "9b", "-3", "+2.5", "٣", "²", "1e5", "abc", "", "0x1f", "1__2", "1,"]
    assert outliers.numbers(cells) == [outliers.number(c) for c in cells]
    assert outliers.numbers(["12", "abc"]) == [12.0, None]


def test_count_matches_counts_lines_matched_at_their_start() -> None:
    import re

    assert count_matches(re.compile(r"\d"), ["1 a", "a 1", "", "22"]) == 2
    assert count_matches(re.compile(r"x"), []) == 0


@pytest.mark.parametrize(("line", "span"), [
    ("src/a-b/x_y.py:3:1: E1 boom", (0, 18)),
    ("  at ~/w@1/+x.rs:12 here", (5, 19)),
    ("é/x.py:3 y", (1, 8)),  # a path is made of ASCII path characters only
    ("see ./.py:3", None),  # no name before the extension's dot
])
def test_a_places_path_runs_back_over_path_characters(line: str, span: tuple[int, int] | None) -> None:
    assert ln.location(line) == span


@pytest.mark.parametrize("lines", [
    [f"pkg{k},1.{k},amd64,installed" for k in range(30)],  # counted without csv
    [f'pkg{k},"1,{k}",amd64' for k in range(30)],  # a quoted delimiter: csv's count
    [f"a b c d e f {k}" + " x" * (k % 3) for k in range(30)],
    [f"a;b;c\r{k}" for k in range(30)],  # a CR inside: csv's error, no delimiter
])
def test_a_samples_delimiters_are_csvs(lines: list[str]) -> None:
    import csv
    from collections import Counter

    tables._delimiters.cache_clear()
    found = tables._delimiters(tuple(lines))
    expected = []
    for delim, least in ((",", 2), ("\t", 2), (";", 2), ("|", 2), (" ", 6)):
        if sum(1 for s in lines if delim in s) < 0.8 * len(lines):
            continue
        try:
            width, count = Counter(len(r) for r in csv.reader(lines, delimiter=delim)).most_common(1)[0]
        except csv.Error:
            continue
        if width >= least and count >= 0.8 * len(lines):
            expected.append((delim, width))
    assert found == tuple(expected)


@pytest.mark.parametrize("line", [
    "x.c:3:5: warning: unused [-Wunused-variable]", "error[E0308]: mismatched types", "x.py:1: [F401] unused",
    "x.ts(3,4): error TS2345: bad", "  12:3  error  no-unused-vars", "W: thing [my-rule]", "| L: 4 | CP01 | bad |",
    "warning: [rawtypes] found raw type: List", "plain words only", "a-b c [x] | y", "E999 - x | [z",
])
def test_a_findings_code_is_searched_with_the_forms_the_line_can_hold(line: str) -> None:
    m = ln._CODE.search(line)
    key = next((g for g in m.groups() if g), m.group(0)) if m else ""
    assert ln.finding_key(line, "")[0] == (key or ln.finding_key(line, "")[0])
    form = ln._CODE_BY_CHARS["[" in line, "-" in line, "|" in line].search(line)
    assert (form and form.span()) == (m and m.span())


SEARCH_LIKE = ["src/a.py:3:x = 1", "src/a.py-4-y = 2", "--", "lib/b.rs", "12:fn main() {", "  Line 7: let x", "plain log line", ""]


@pytest.mark.parametrize("seed", range(40))
def test_a_search_probe_gives_up_only_when_too_few_lines_can_parse(seed: int) -> None:
    import random

    from headroom_mitm.compress import transforms

    rnd = random.Random(seed)
    lines = [rnd.choice(SEARCH_LIKE) for _ in range(rnd.randint(1, 30))]
    need = rnd.randint(0, 30)
    full = transforms._parse_search(lines)
    found = transforms._parse_search(lines, need)
    if found is None:
        assert full is None or full[1] < need
    else:
        assert found == full


@pytest.mark.parametrize("seed", range(30))
def test_matches_at_least_decides_as_the_whole_count(seed: int) -> None:
    import random
    import re

    rnd = random.Random(seed)
    lines = [rnd.choice(["1 a", "a 1", "22"]) for _ in range(rnd.randint(0, 40))]
    need = rnd.uniform(0, 1) * len(lines)
    assert matches_at_least(re.compile(r"\d"), lines, need) == (count_matches(re.compile(r"\d"), lines) >= need)


@pytest.mark.parametrize("seed", range(60))
def test_hits_are_the_lines_holding_a_word(seed: int) -> None:
    """Occurrences may overlap (runs of '=', words inside words): every line holding one is hit."""
    import random

    rnd = random.Random(seed)
    text = "".join(rnd.choice(["=", "==", "-", "a", "ab", "b", " ", "\n", "é", ") ", "E"]) for _ in range(rnd.randint(0, 120)))
    words = tuple(rnd.sample(["===", "--", "aba", "ab", "b a", ") ", "\nE", "é=", "\n\n", "e"], rnd.randint(1, 4)))
    index = LineIndex(text)
    for case in (True, False):
        hay = index.text if case else index.low
        want = {index.line_of(p + w.startswith("\n")) for w in words for p in range(len(hay)) if hay.startswith(w, p)}
        assert index.hits(words, case=case) == want


@pytest.mark.parametrize("line", [
    "naïve café résumé " * 5,  # letters beside non-ASCII ones: only the ASCII ones count
    "This is a sentence of plain prose words that goes on for a while ✓ and has a mark in it",
    "ĉĝĥĵŝŭ ĉĝĥĵŝŭ ĉĝĥĵŝŭ ĉĝĥĵŝŭ ĉĝĥĵŝŭ ĉĝĥĵŝŭ ĉĝĥĵŝŭ ĉĝĥĵŝŭ ĉĝĥĵŝŭ ĉĝĥĵŝŭ ok",
    "a lone surrogate \udc80 in a sentence long enough to be read as prose by the check",
])
def test_prose_counts_ascii_letters_in_any_text(line: str) -> None:
    s = line.strip()
    letters = len(s) - len(s.translate(str.maketrans("", "", "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")))
    spaces = s.count(" ")
    expected = len(s) >= 60 and "  " not in s and spaces >= 8 and letters >= 0.75 * (len(s) - spaces)
    assert documents._is_prose(line, {}) == expected


@pytest.mark.parametrize("seed", range(40))
def test_diagnostic_share_tries_only_lines_led_by_a_place(seed: int) -> None:
    """A finding's place leads its line: lines whose first word holds no ':' or '(' are no findings."""
    import random

    from headroom_mitm.compress import sift

    rnd = random.Random(seed)
    parts = ["x.py:3:", "a.c:1:2: ", "error ", "(1,2)", " ", "\u2003", "2024-01-02 10:00:01 ", "warning", "f(3)", ": ", "w:"]
    lines = ["".join(rnd.choice(parts) for _ in range(rnd.randint(1, 6))) for _ in range(rnd.randint(1, 30))]
    sample = [x for x in lines[:200] if x.strip()]
    marked = [x for x in sample if ":" in x or "(" in x]
    found = sum(1 for x in marked if sift._FINDING.match(x))
    placed = [m for m in map(sift._PLACED_MESSAGE.match, marked) if m]
    files: dict[str, set[str]] = {}
    for m in placed:
        files.setdefault(ln.shape(m.group(2)), set()).add(m.group(1))
    shared = sum(1 for m in placed if len(files[ln.shape(m.group(2))]) > 1)
    assert sift._diagnostic_share(lines) == max(found, shared) / max(1, len(sample))


def test_no_word_of_three_letters_has_a_class() -> None:
    """severity looks only at words of four letters or more."""
    assert min(map(len, ln._CLASS)) > 3
    assert all(ln._word_class(w) is None for w in ("err", "fai", "ass", "war", "dep", "iss"))
    assert ln.severity("an ab error") == ln.FAIL and ln.severity("ab warn: x") == ln.WARN
