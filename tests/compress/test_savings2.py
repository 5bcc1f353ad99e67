"""Savings without losing needles, second pass (issue #11): each test names the rule and fails
without it."""

from __future__ import annotations

from headroom_mitm.compress import sift
from headroom_mitm.compress.settings import CompressionSettings

from tests.support import RULES, lossy_rendering

S = RULES


def _lossy(text: str) -> str:
    return lossy_rendering(text, S)[1]


def test_a_left_out_finding_takes_its_own_place_line_with_it() -> None:
    # pydocstyle prints each finding's place on the line over it: when a repeat of a (code, file)
    # goes, its place line goes too (kept alone it says nothing, and cuts the gap in two).
    lines = []
    for f in range(4):
        lines.append(f"ledger/book_{f:02d}.py:1 at module level:")
        lines.append("        D100: Missing docstring in public module")
        for k in range(20):
            lines.append(f"ledger/book_{f:02d}.py:{10 * k + 4} in public function `load_{f}{k:02d}`:")
            lines.append("        D103: Missing docstring in public function")
    text = "\n".join(lines) + "\n"
    out = _lossy(text)
    kept = out.split("\n")
    for f in range(4):
        assert f"ledger/book_{f:02d}.py:4 in public function `load_{f}00`:" in kept
        assert f"ledger/book_{f:02d}.py:1 at module level:" in kept
        for k in range(3, 19):
            assert f"ledger/book_{f:02d}.py:{10 * k + 4} in public function `load_{f}{k:02d}`:" not in kept
    assert "D103 ×" in out


def test_a_gap_is_weighed_in_tokens_not_characters() -> None:
    # A marker costs ~32 tokens. Two dense lines (~22 tokens each, 108 characters together) cost
    # more than it: elided. A line padded to its column (119 characters, ~16 tokens) costs less:
    # shown as it is.
    from headroom_mitm.compress.select import render

    marker = lambda a, b, n, again: f"[… lines {a}–{b} elided; headroom_headroom_retrieve id=hr_65b547fe014fe9e0 …]"  # noqa: E731
    dense = [f"    --- PASS: TestDiscountTable/999c_at_33%#{k} (0.00s)" for k in (41, 42)]
    padded = "test_cfg.py::test_config_2 PASSED" + " " * 80 + "[ 17%]"
    lines = ["keep", *dense, "keep", padded, "keep"]
    out, elided = render(lines, bytearray([1, 0, 0, 1, 0, 1]), marker)
    assert elided
    assert out.split("\n") == ["keep", marker(2, 3, 2, False), "keep", padded, "keep"]


def _stat_record(path: str, size: int, kind: str = "regular file", mode: str = "0644/-rw-r--r--") -> list[str]:
    return [
        f"  File: {path}",
        f"  Size: {size:<10}\tBlocks: {size // 512 * 8:<10} IO Block: 4096   {kind}",
        f"Device: 254,0\tInode: {337375 + size % 997:<11} Links: 1",
        f"Access: ({mode})  Uid: (    0/    root)   Gid: (    0/    root)",
        "Access: 2026-11-30 07:33:43.424026608 +0000",
        "Modify: 2025-04-28 14:11:48.000000000 +0000",
        "Change: 2025-04-28 14:11:48.000000000 +0000",
        " Birth: 1970-01-01 00:00:00.000000000 +0000",
    ]


def test_multi_line_records_are_sampled_as_rows_and_the_odd_ones_stay_whole() -> None:
    # stat FILE…: eight labelled lines a file. "Key: value" lines read like a config file, but
    # records repeated this way are data: sampled whole, the first, the last, the smallest and
    # largest size and the one directory among files stay.
    lines: list[str] = []
    for k in range(60):
        if k == 23:
            lines += _stat_record("pkg/sub", 4096, "directory", "0755/drwxr-xr-x")
        else:
            lines += _stat_record(f"pkg/data_{k:02d}.py", 5000 + 37 * ((k * 7) % 60) + (900000 if k == 41 else 0) - (4990 if k == 17 else 0))
    text = "\n".join(lines) + "\n"
    out = _lossy(text)
    kept = out.split("\n")
    assert len(out) < 0.5 * len(text)
    for must in ("pkg/data_00.py", "pkg/data_59.py", "pkg/sub", "pkg/data_41.py", "pkg/data_17.py"):
        at = kept.index(f"  File: {must}")
        assert kept[at + 7].startswith(" Birth: ")  # the whole record
    assert "elided" in out


def test_repeated_nested_mappings_are_a_document_not_records() -> None:
    # YAML documents of one shape: a label with nothing after it opens a nested mapping.
    lines: list[str] = []
    for k in range(40):
        lines += ["kind: Service", "metadata:", f"  name: svc-{k}", "  labels:", f"    app: a{k}", "spec:", f"  port: {8000 + k}", "---"]
    text = "\n".join(lines) + "\n"
    assert sift.lossy_candidates(text, "bash", S) == []


def test_a_column_of_hundreds_of_rare_ids_is_no_minority_but_a_rare_state_is() -> None:
    # ss -tan: one peer holds most rows, hundreds of others hold one each (ports are ids, not
    # anomalies); the one LISTEN among TIME-WAIT rows still stands out.
    lines = ["State      Recv-Q Send-Q Local Address:Port  Peer Address:Port"]
    for k in range(600):
        state = "LISTEN    " if k == 300 else "TIME-WAIT "
        peer = f"127.0.0.1:{41815 if k % 3 else 30000 + k}"
        lines.append(f"{state} 0      0          127.0.0.1:52623 {peer:>18}")
    text = "\n".join(lines) + "\n"
    out = _lossy(text)
    assert lines[301] in out.split("\n")
    assert len(out) < 0.2 * len(text)


def test_a_graph_log_in_full_format_keeps_every_commit_and_subject() -> None:
    # git log --graph: the drawing before each line hides "commit …" from the git ranking.
    lines: list[str] = []
    for k in range(30):
        lead = "| * " if k % 2 else "* | "
        lines += [
            f"{lead}commit {k:04d}{'ab' * 18}",
            f"| | Author: Dee Ekwueme <dee{k % 3}@example.com>",
            f"| | Date:   Sat Mar 21 13:{k:02d}:00 2026 +0000",
            "| |",
            f"| |     feature {k}: step {k % 4}",
            "| |",
        ] + [f"| |     body line {j} of commit {k}, explaining the change at some length" for j in range(12)] + ["| |"]
    text = "\n".join(lines) + "\n"
    name, out = lossy_rendering(text, S)
    assert name == "git_output"
    kept = set(out.split("\n"))
    for k in range(30):
        assert any(x.endswith(f"commit {k:04d}{'ab' * 18}") for x in kept)
        assert f"| |     feature {k}: step {k % 4}" in kept


def test_pytests_first_e_line_of_a_failure_stays_whatever_its_words() -> None:
    # "E   shop.cart.OutOfStock: …" names no error or failure: it is the failure's message all the same.
    lines = ["============================= test session starts ==============================", "collected 240 items", ""]
    lines += [f"tests/test_cart.py::test_case_{k:03d} PASSED{' ' * 40}[{k * 100 // 240:3d}%]" for k in range(228)]
    lines += [f"tests/test_cart.py::test_restock_{f} FAILED" for f in range(12)]
    lines += ["", "=================================== FAILURES ==================================="]
    for f in range(12):
        lines += [f"_________________________________ test_restock_{f} _________________________________", ""]
        lines += [f"self = Cart(items={{'sku{f}': 10}}, stock={{{', '.join(f'sku{j}: {j + f}' for j in range(40))}}})"]
        lines += [f"sku = 'sku{f}', qty = {f + 1}", ""]
        lines += [f"    line_{j} = compute(sku, qty, {j})  # setting up order {f} under test" for j in range(6)]
        lines += [">           raise OutOfStock(f\"sku {sku!r} has only {self.stock.get(sku, 0)} left\")"]
        lines += [f"E           shop.cart.OutOfStock: sku 'sku{f}' has only 0 left, wanted {f + 1}", "", "shop/cart.py:13: OutOfStock"]
    lines += ["=========================== short test summary info ============================"]
    lines += [f"FAILED tests/test_cart.py::test_restock_{f} - shop.cart.OutOfStock: sku 'sku{f}' has onl..." for f in range(12)]
    lines += ["======================= 12 failed, 228 passed in 0.31s ========================="]
    text = "\n".join(lines) + "\n"
    kept = _lossy(text).split("\n")
    for f in range(12):
        assert f"E           shop.cart.OutOfStock: sku 'sku{f}' has only 0 left, wanted {f + 1}" in kept


def test_a_stack_trace_among_log_records_is_ranked_as_a_log_not_kept_as_odd_rows() -> None:
    # Log records read as a table; the trace between them is outside its shape, yet no odd row:
    # its frames follow the log ranking (the frames repeated by each "Caused by:" go first).
    rec = "2026-03-01 10:{:02d}:{:02d} INFO  [worker-{}] c.e.app.Service - processed batch {} in {} ms"
    lines = [rec.format(k // 60, k % 60, k % 4, k, k % 17) for k in range(120)]
    lines += ["2026-03-01 10:02:00 ERROR [worker-1] c.e.app.Service - batch failed", "java.lang.IllegalStateException: could not commit batch 120"]
    frames = [f"\tat com.example.app.layer{j}.Handler{j}.handle(Handler{j}.java:{40 + j})" for j in range(25)]
    lines += frames + ["Caused by: java.sql.SQLException: connection reset", "\tat org.h2.Conn.commit(Conn.java:12)"]
    lines += frames[3:] + ["\t... 3 more"]
    lines += [rec.format(k // 60, k % 60, k % 4, k, k % 17) for k in range(120, 200)]
    text = "\n".join(lines) + "\n"
    kept = _lossy(text).split("\n")
    for must in ("java.lang.IllegalStateException: could not commit batch 120", frames[0],
                 "Caused by: java.sql.SQLException: connection reset", "\tat org.h2.Conn.commit(Conn.java:12)", "\t... 3 more"):
        assert must in kept
    assert sum(1 for x in kept if x.startswith("\tat com.example")) < 12


def test_a_saving_under_a_quarter_is_not_worth_the_risk() -> None:
    # Every error stays; the compile lines between them are under a quarter of the text: sent whole
    # (at 15% a fresh dpkg -L listing lost 56 of its executables for 24% of its tokens).
    from headroom_mitm.compress.engine import compress_text

    lines = []
    for k in range(60):
        lines.append(f"src/mod_{k:02d}.c:{k + 3}:5: error: 'count_{k}' undeclared (first use in this function)")
        if k % 10 == 9:
            lines += [f"cc -O2 -Wall -Iinclude -c src/part_{k:02d}_{j}.c -o build/part_{k:02d}_{j}.o" for j in range(6)]
    lines.append("make: *** [Makefile:9: all] Error 2")
    text = "\n".join(lines) + "\n"
    assert compress_text(text, "bash", CompressionSettings()).rendering.retrieve_id is None


def test_rows_numbered_with_a_colon_are_a_table_not_yaml() -> None:
    # readelf -s: "   5: 0000000000001cd1    77 FUNC ..." reads like "key: value", but a key of
    # digits alone is a row's number; a YAML mapping's keys have letters.
    lines = ["", "Symbol table '.symtab' contains 160 entries:", "   Num:    Value          Size Type    Bind   Vis      Ndx Name"]
    for k in range(160):
        kind, size = ("OBJECT", 65536) if k == 77 else ("FUNC", 70 + k % 20)
        lines.append(f"{k:6d}: {0x1000 + 80 * k:016x} {size:5d} {kind:<7} GLOBAL DEFAULT    9 api_{k}")
    text = "\n".join(lines) + "\n"
    name, out = lossy_rendering(text, S)
    assert "OBJECT" in out and "api_159" in out
    assert len(out) < 0.5 * len(text)
    # and a mapping whose keys are words stays a document
    yaml = "\n".join(f"service_{k}:\n  port: {8000 + k}\n  replicas: {k % 3}" for k in range(60)) + "\n"
    assert sift.lossy_candidates(yaml, "bash", S) == []


def _importtime() -> str:
    lines = ["import time: self [us] | cumulative | imported package"]
    for k in range(400):
        me = 3008 if k == 140 else 20 + (k * 37) % 1900
        lines.append(f"import time: {me:>9} | {me + (k * 53) % 900:>10} | {'  ' * (k % 4)}pkg_{k}")
    lines.append(f"import time: {369:>9} | {35100:>10} | asyncio")
    return "\n".join(lines) + "\n"


def test_import_time_rows_are_a_table_not_python() -> None:
    # python -X importtime: "import time:" opens every row; no Python import has a colon after its name.
    name, out = lossy_rendering(_importtime(), S)
    assert len(out) < 0.5 * len(_importtime())


def test_a_column_whose_cells_share_a_label_before_their_numbers_keeps_its_extremes() -> None:
    # The "self" column reads "import time:      3008": its greatest value stays.
    name, out = lossy_rendering(_importtime(), S)
    assert "import time:      3008 |" in out
    assert "|      35100 | asyncio" in out


def test_a_rare_row_printed_again_cell_for_cell_is_kept_once() -> None:
    # An access log: the odd row (a 503) stays, its identical copies say nothing new.
    lines = []
    for k in range(400):
        if k % 37 == 5:
            lines.append('10.0.0.7 - - [30/Nov/2026:08:26:15 +0000] "GET /health HTTP/1.1" 503 19 "-" "probe/1.0"')
        else:
            lines.append(f'10.0.0.{k % 5} - - [30/Nov/2026:08:26:{k % 60:02d} +0000] "GET /static/a{k}.css HTTP/1.1" 200 {1000 + k * 7} "-" "curl/7.88.1"')
    text = "\n".join(lines) + "\n"
    name, out = lossy_rendering(text, S)
    copies = out.count('"GET /health HTTP/1.1" 503')
    assert 1 <= copies <= 3
