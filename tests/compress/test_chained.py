"""Chained commands (`pytest && git log`, `ls -la && make`): one output holding several shapes, each
part ranked as it would be alone, under one budget, one rendering and one retrieve id."""

from __future__ import annotations

import re

from headroom_mitm.compress import segments, sift
from headroom_mitm.compress import transforms as tf
from headroom_mitm.compress.engine import compress_text
from headroom_mitm.compress.lineindex import LineIndex
from headroom_mitm.compress.settings import CompressionSettings

# Outputs from 2 KB: what is read holds below the default size at which cutting starts, too.
S = CompressionSettings(min_lossy_chars=2048, min_ranked_chars=2048)


def _pytest_failing(passing: int = 150) -> list[str]:
    out = [
        "============================= test session starts ==============================",
        "platform linux -- Python 3.11.7, pytest-8.3.3, pluggy-1.5.0",
        "rootdir: /home/dev/shop",
        f"collected {passing + 2} items",
        "",
    ]
    out += [f"tests/test_orders.py::test_order_total_{i} PASSED                    [{100 * i // passing:3d}%]" for i in range(passing)]
    out += [
        "tests/test_orders.py::test_refund_rounding FAILED                    [ 97%]",
        "tests/test_orders.py::test_refund_currency PASSED                    [100%]",
        "",
        "=================================== FAILURES ===================================",
        "_____________________________ test_refund_rounding _____________________________",
        "",
        "    def test_refund_rounding():",
        "        order = make_order(total=Decimal('10.005'))",
        ">       assert refund(order) == Decimal('10.01')",
        "E       AssertionError: assert Decimal('10.00') == Decimal('10.01')",
        "",
        "tests/test_orders.py:88: AssertionError",
        "=========================== short test summary info ============================",
        "FAILED tests/test_orders.py::test_refund_rounding - AssertionError: assert Decimal('10.00') == Decimal('10.01')",
        f"========================= 1 failed, {passing + 1} passed in 1.92s =========================",
    ]
    return out


def _git_log(n: int) -> list[str]:
    out: list[str] = []
    for i in range(n):
        out += [
            f"commit {(i * 7919 + 12345):040x}",
            f"Author: Dev {i % 3} <dev{i % 3}@example.com>",
            f"Date:   Mon Nov {2 + i % 27} 10:{i % 60:02d}:00 2026 +0000",
            "",
            f"    orders: fix case {i} of the refund path",
            "",
            *[f"    Longer explanation, paragraph line {k}, of why change {i} was needed." for k in range(6)],
            "",
        ]
    return out


def _ls_la(n: int) -> list[str]:
    out = ["total 1184", "drwxr-xr-x  9 dev dev    4096 Nov 30 09:12 .", "drwxr-xr-x 31 dev dev    4096 Nov 29 18:40 .."]
    for i in range(n):
        size = 900_000 if i == 37 else 1000 + 37 * i
        out.append(f"-rw-r--r--  1 dev dev {size:7d} Nov {1 + i % 28:2d} 12:{i % 60:02d} module_{i:03d}.c")
    return out


def _gcc_log() -> list[str]:
    out = [f"gcc -O2 -Wall -c module_{i:03d}.c -o build/module_{i:03d}.o" for i in range(30)]
    out += [
        "module_031.c: In function 'parse_header':",
        "module_031.c:212:9: error: 'len' undeclared (first use in this function)",
        "  212 |     if (len > MAX_HEADER)",
        "      |         ^~~",
        "make: *** [Makefile:14: build/module_031.o] Error 1",
    ]
    return out


def _index(lines: list[str]) -> LineIndex:
    return LineIndex("\n".join(lines))


def _compress(parts: list[list[str]]) -> tuple[str, tf.LossyResult]:
    text = "\n".join(x for part in parts for x in part) + "\n"
    found = sift.lossy_candidates(text, "bash", S)
    assert len(found) == 1, found
    return found[0]


def test_a_failing_test_run_then_a_git_log_keeps_the_failure_and_every_commit() -> None:
    log = _git_log(25)
    name, res = _compress([_pytest_failing(), log])
    kept = res.text.split("\n")
    # The git log ranked as git: every commit, author and subject stays, bodies go first.
    for line in log:
        if line.startswith(("commit ", "Author: ", "    orders: fix case")):
            assert line in kept, line
    assert "    Longer explanation, paragraph line 3, of why change 12 was needed." not in kept
    # The test run ranked as a log: its failure stays, passing tests go first.
    assert "E       AssertionError: assert Decimal('10.00') == Decimal('10.01')" in kept
    assert "tests/test_orders.py:88: AssertionError" in kept
    assert "tests/test_orders.py::test_order_total_20 PASSED                    [ 13%]" not in kept
    assert name == "git_output"  # the longest part's ranking names the rendering


def _pom(deps: int) -> list[str]:
    out = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<project xmlns="http://maven.apache.org/POM/4.0.0">',
        "  <modelVersion>4.0.0</modelVersion>",
        "  <groupId>com.example.shop</groupId>",
        "  <artifactId>orders</artifactId>",
        "  <version>1.4.2</version>",
        "  <dependencies>",
    ]
    for i in range(deps):
        out += [
            "    <dependency>",
            f"      <groupId>org.example.lib{i}</groupId>",
            f"      <artifactId>component-{i}</artifactId>",
            f"      <version>{i % 4}.{i % 7}.{i}</version>",
            "    </dependency>",
        ]
    return out + ["  </dependencies>", "</project>"]


def test_an_ls_table_then_a_document_keeps_the_document_whole() -> None:
    # `ls -la && cat pom.xml`: what the model asked to read is never cut, after a table too.
    pom = _pom(12)
    name, res = _compress([_ls_la(120), pom])
    kept = res.text.split("\n")
    assert all(x in kept for x in pom)
    assert "-rw-r--r--  1 dev dev  900000 Nov 10 12:37 module_037.c" in kept
    assert name == "table_rows"


def test_a_commit_list_then_a_test_run_keeps_every_commit() -> None:
    commits = [f"{(i * 104729 + 99991):07x}{i % 10} fix: handle edge case number {i}" for i in range(120)]
    name, res = _compress([commits, _pytest_failing()])
    kept = res.text.split("\n")
    assert all(c in kept for c in commits)  # each a commit the model may name
    assert "E       AssertionError: assert Decimal('10.00') == Decimal('10.01')" in kept
    assert "tests/test_orders.py::test_order_total_20 PASSED                    [ 13%]" not in kept


def test_a_chained_output_is_one_rendering_with_one_retrieve_id() -> None:
    text = "\n".join(_pytest_failing() + _git_log(25)) + "\n"
    out = compress_text(text, "bash", S)
    rid = tf.retrieve_id(text)
    assert out.original == text and out.rendering.retrieve_id == rid
    assert set(re.findall(r"id=(hr_[0-9a-f]+)", out.rendering.text or "")) == {rid}
    src = set(text.split("\n"))
    assert all(x in src or x.startswith("[…") for x in (out.rendering.text or "").split("\n"))


def test_a_text_of_one_shape_is_ranked_whole() -> None:
    # A linter's findings look like grep hits; its report after them is the same output: no cut.
    findings = [f"billing/ledger_{i}.py:{10 + i}:4: W0612: Unused variable 'tmp' (unused-variable)" for i in range(30)]
    report = ["", "Report", "======", f"{len(findings)} statements analysed.", ""]
    report += [f"|{k:<10}|{k * 3:>6}|{k * 2:>6}|" for k in range(20)]
    lines = (["************* Module billing"] + findings + report)
    assert sift._chained(_index(lines), S) is None
    # One git log alone: one run of its own shape.
    log = _git_log(25)
    assert sift._chained(_index(log), S) is None
    assert segments.runs(_index(log)) == [(0, len(log), "git")]


def test_a_git_block_ends_where_gits_grammar_does() -> None:
    diff = [
        "diff --git a/app.py b/app.py",
        "index 1111111..2222222 100644",
        "--- a/app.py",
        "+++ b/app.py",
        "@@ -1,3 +1,3 @@",
        " import os",
        "-print('a')",
        "+print('b')",
        " ",
    ]
    after = ["   Compiling shop v0.1.0 (/home/dev/shop)", "    Finished dev [unoptimized] target(s) in 0.52s"]
    lines = diff + after
    assert segments.runs(_index(lines)) == [(0, len(diff), "git")]


def _tree(n: int) -> list[str]:
    out = ["."]
    for d in range(n):
        out.append(f"├── pkg_{d}")
        out += [f"│   ├── file_{d}_{k}.py" for k in range(4)]
        out.append(f"│   └── README_{d}.md")
    return out + ["", f"{n} directories, {5 * n} files"]


def test_an_ls_table_then_a_tree_keeps_every_directory_of_the_tree() -> None:
    # Both are rows, but of two shapes: the tree keeps its directories as a tree alone does.
    tree = _tree(30)
    name, res = _compress([_ls_la(90), tree])
    kept = res.text.split("\n")
    assert all(x in kept for x in tree if x.startswith("├── pkg_"))
    assert "-rw-r--r--  1 dev dev  900000 Nov 10 12:37 module_037.c" in kept


def test_a_test_run_then_a_pretty_json_document_keeps_the_document_whole() -> None:
    # `pytest; cat report.json`: the JSON is read as a document, not as a log's lines.
    doc = ["{", '  "suite": "orders",', '  "results": [']
    doc += [f'    {{"test": "test_order_total_{i}", "outcome": "passed", "ms": {3 + i % 5}}},' for i in range(120)]
    doc += ['    {"test": "test_refund_rounding", "outcome": "failed", "ms": 4}', "  ]", "}"]
    name, res = _compress([_pytest_failing(), doc])
    kept = res.text.split("\n")
    assert all(x in kept for x in doc)
    assert "E       AssertionError: assert Decimal('10.00') == Decimal('10.01')" in kept


def test_lines_of_no_shape_after_a_table_are_sent_as_they_are() -> None:
    # `ls -la && git range-diff main topic`: alone, the range-diff would be sent whole.
    diff = [f" {i}:  {0xABC1230 + i:07x} = {i}:  {0xDEF4560 + i:07x} topic: step {i} wires module {i}" for i in range(1, 15)]
    diff += [" 15:  1234abc ! 15:  5678def topic: step 15 changes the parser", "    @@ src/parse.py: def parse(text):",
             "    -    return text.split()", "    +    return text.split(None, 1)", "     ", "      ## src/new.py (new) ##"]
    name, res = _compress([_ls_la(120), diff])
    kept = res.text.split("\n")
    assert all(x in kept for x in diff)
    assert name == "table_rows"


def test_a_json_line_after_a_git_log_is_kept() -> None:
    # `git log && pip list --format=json`: one line, a document.
    doc = "[" + ", ".join(f'{{"name": "pkg-{i}", "version": "1.{i}.0"}}' for i in range(200)) + "]"
    name, res = _compress([_git_log(25), [doc]])
    assert doc in res.text.split("\n")


def test_a_part_too_small_to_cut_alone_is_kept_whole() -> None:
    # A short build log after a table: alone it is under the size any output is cut at.
    build = [f"cc -O2 -c src/unit_{i}.c" for i in range(20)] + ["ld: warning: libz.so.1 not found", "link ok: build/app"]
    assert len("\n".join(build)) < S.min_lossy_chars
    name, res = _compress([_ls_la(120), build])
    assert all(x in res.text.split("\n") for x in build)


def test_a_short_git_status_after_a_rebase_keeps_every_path() -> None:
    # `git rebase main; git status --short`: each status line a path the model will edit.
    rebase = []
    for i in range(150):
        rebase.append(f"Auto-merging src/pkg/module_{i:03d}.py")
        if i % 50 == 18:
            rebase.append(f"CONFLICT (content): Merge conflict in src/pkg/module_{i:03d}.py")
    rebase += ["error: could not apply 1a2b3c4... feature: retune the settings",
               "hint: Resolve all conflicts manually, mark them as resolved with",
               'hint: "git add/rm <conflicted_files>", then run "git rebase --continue".']
    status = [f"{'UU' if i % 50 == 18 else 'M '} src/pkg/module_{i:03d}.py" for i in range(0, 150, 3)] + ["?? notes.txt"]
    name, res = _compress([rebase, status])
    kept = res.text.split("\n")
    assert all(x in kept for x in status)
    assert "CONFLICT (content): Merge conflict in src/pkg/module_068.py" in kept


def test_a_schema_then_find_printf_rows_keeps_the_schema_whole() -> None:
    # `sqlite3 shop.db .schema; find /srv -printf '%M %u %s %p\n'`: the schema is code to read.
    schema = []
    for t in ("customers", "addresses", "products", "categories", "orders", "order_lines", "payments", "refunds"):
        schema += [f"CREATE TABLE {t} (id INTEGER PRIMARY KEY, name TEXT NOT NULL, created_at TEXT NOT NULL,",
                   "  updated_at TEXT, note TEXT);", f"CREATE INDEX {t}_created ON {t}(created_at);"]
        schema += [f"CREATE INDEX {t}_by_{c} ON {t}({c});" for c in ("name", "updated_at", "note")]
    rows = [f"-rw-r--r-- www {200 + 37 * i} /srv/shop/static/img/product_{i:03d}.png" for i in range(150)]
    name, res = _compress([schema, rows])
    kept = res.text.split("\n")
    assert all(x in kept for x in schema)
    assert name == "table_rows"


def test_runs_of_each_kind_are_found_after_a_first_line_of_another() -> None:
    # The text is scanned kind by kind only from its first line of any shape (here one status
    # line, no run): what follows is found as a scan of the whole text finds it.
    filler = [f"step {i}: building the assets of module {i}" for i in range(15)]
    markup = ["<ul>", *[f'  <li class="item">entry {i}</li>' for i in range(12)], "</ul>"]
    status = [f" M src/pkg/module_{i:03d}.py" for i in range(12)]
    blame = [f"{0xABC1230 + i:08x} (Dev One 2026-11-0{1 + i % 9} 10:00:00 +0000 {i + 1}) line {i}" for i in range(12)]
    doc = ["{", '  "suite": "orders",', '  "results": [1, 2, 3]', "}"]
    ascii_tree = [x.replace("├──", "|--").replace("└──", "`--").replace("│", "|") for x in _tree(4)]  # tree -A
    for shape, kind in ((_ls_la(12), "perms"), (_tree(4), "tree"), (ascii_tree, "tree"), (markup, "markup"), (status, "status"),
                        (blame, "blame"), (doc, "json"), (_git_log(2), "git")):
        lines = filler + ["?? notes.txt"] + filler + shape + filler
        found = [run for run in segments.runs(_index(lines)) if run[2] == kind]
        assert len(found) == 1 and 31 <= found[0][0] <= 32 and 31 + len(shape) - 3 <= found[0][1] <= 31 + len(shape), (kind, found)
