"""Fidelity rules of issue #11's seventh pass, found on fresh outputs of the corpus's kinds (new
seeds, other projects), on rounds 15 and 16's tuning items, and on tuning items compressed in half
the room: each test names the rule, holds for outputs never seen, and fails without it."""

from __future__ import annotations

from headroom_mitm.compress.columns import keep_column_titles
from headroom_mitm.compress.lineindex import LineIndex
from headroom_mitm.compress.select import MUST, NORMAL


def test_the_titles_over_a_rule_are_kept_where_no_table_is_read() -> None:
    # `dpkg -l | head -400`, read as a log (a name wider than its column breaks the alignment):
    # the titles over the "+++-===" rule name every column below; a digit-bearing line over
    # dashes (a count, a heading with a number) is no row of titles.
    titles = "||/ Name" + " " * 38 + "Version" + " " * 24 + "Architecture Description"
    rule = "+++-" + "=" * 41 + "-" + "=" * 30 + "-" + "=" * 12 + "-" + "=" * 40
    lines = ["Desired=Unknown/Install/Remove/Purge/Hold", titles, rule,
             *[f"ii  pkg-{k:<38}{k}.0-1{' ' * 26}all          package {k}" for k in range(40)],
             "Ran 40 checks in 2.1s", "-" * 40, "ok"]
    rank = [NORMAL] * len(lines)
    keep_column_titles(LineIndex("\n".join(lines)), rank)
    assert rank[1] == rank[2] == MUST
    assert rank[-3] == rank[-2] == NORMAL


def test_a_logged_warning_seen_twice_keeps_both_records() -> None:
    # A worker's real log (python logging; INFO lines thinned out): both rows of a rare logger's
    # warning stay, as a table's value of two rows does, though the second is neither the first
    # of its kind nor the slowest.
    from pathlib import Path

    from headroom_mitm.compress.engine import compress_text
    from tests.support import RULES

    text = (Path(__file__).parent / "data" / "orders-worker.log").read_text()
    out = compress_text(text, "bash", RULES).rendering.text
    assert out is not None and len(out) < len(text)
    slow = [x for x in text.split("\n") if "slow query" in x]
    assert len(slow) == 2
    assert [x for x in slow if x in out.split("\n")] == slow


def test_what_a_formatter_says_between_its_diffs_stays() -> None:
    # `black --check --diff`: its messages ("would reformat x.py", the closing count) sit between
    # the diffs it prints, outside every hunk: they are what the run found.
    from headroom_mitm.compress.structured import rank_git

    lines: list[str] = []
    for k in range(3):
        lines += [f"--- ledger/book_0{k}.py\t2026-11-30 20:11:23.132515+00:00",
                  f"+++ ledger/book_0{k}.py\t2026-11-30 20:11:23.781044+00:00",
                  "@@ -1,4 +1,4 @@", " import os", "-from collections import OrderedDict,defaultdict",
                  "+from collections import OrderedDict, defaultdict", " import json", " import pickle",
                  f"would reformat ledger/book_0{k}.py"]
    lines += ["", "Oh no! 💥 💔 💥", "3 files would be reformatted, 1 file would be left unchanged."]
    rank = rank_git(lines)
    said = [i for i, x in enumerate(lines) if x.startswith(("would reformat", "Oh no", "3 files"))]
    assert [rank[i] for i in said] == [MUST] * 5
    assert rank[lines.index(" import json")] != MUST


def test_rg_vimgrep_hits_are_search_results_not_findings() -> None:
    # `rg --vimgrep` prints path:line:col: then the source line as it is indented; a checker
    # (go vet) prints path:line:col: and one space before its message.
    from headroom_mitm.compress import sift

    hits = [f"js/lib/pool_{k % 9}.js:{40 + k}:{12 + k % 5}:{' ' * (4 + 2 * (k % 3))}return new Promise(function (resolve) {{"
            for k in range(60)]
    vet = [f"./pkg/pool_{k % 9}.go:{40 + k}:2: fmt.Printf format %d has arg n{k} of wrong type string" for k in range(60)]
    assert sift._diagnostic_share(hits) < 0.2
    assert sift._diagnostic_share(vet) > 0.9


def test_a_search_cut_by_head_n_400_is_sent_whole() -> None:
    # `grep -rnI password py/ | head -n 150`, `grep -rn 'self\.' py/twisted | head -n 400`: each
    # hit is a place the model may open.
    from headroom_mitm.compress import transforms

    for n in (150, 400):
        lines = [f"py/ldap3/schemas/s{k % 15}.py:{100 + k}:    'userPassword': Attribute('{k}', syntax='1.3.6.1.4.1.1466.115.121.1.40'),"
                 for k in range(n)]
        rank = transforms.rank_search(lines, head_room=2000)
        assert rank is not None and rank == [MUST] * n


def test_rg_json_records_are_search_results() -> None:
    # `rg --json`: each file's "begin" record heads its "match" records; "end" carries statistics.
    from headroom_mitm.compress import transforms

    lines = []
    for f in range(6):
        path = f"py/httpx/_mod{f}.py"
        lines.append('{"type":"begin","data":{"path":{"text":"%s"}}}' % path)
        for k in range(80):
            lines.append('{"type":"match","data":{"path":{"text":"%s"},"lines":{"text":"        timeout=timeout,\\n"},'
                         '"line_number":%d,"absolute_offset":%d,"submatches":[{"match":{"text":"timeout="},"start":8,"end":16}]}}'
                         % (path, 100 + 7 * k, 4000 + 190 * k))
        lines.append('{"type":"end","data":{"path":{"text":"%s"},"binary_offset":null,"stats":{"matched_lines":80,"matches":80}}}' % path)
    rank = transforms.rank_search(lines, head_room=3000)
    assert rank is not None
    starts = [i for i, x in enumerate(lines) if '"type":"begin"' in x]
    assert all(rank[i] == MUST for i in starts)  # every file named
    matches = [i for i, x in enumerate(lines) if '"type":"match"' in x]
    assert sum(rank[i] == MUST for i in matches) < len(matches)  # 480 matches: sampled
    assert all(rank[i + 1] == MUST for i in starts)  # each file's first match


def test_a_request_answered_4xx_or_5xx_is_an_error_line() -> None:
    from headroom_mitm.compress.lines import FAIL, severity

    failed = [
        '127.0.0.1 - editor [30/Nov/2026:20:13:32 +0000] "GET /admin/ HTTP/1.1" 401 421 "-" "curl/7.88.1" 309',
        '2026-11-30 20:13:57,361 INFO aiohttp.access: 127.0.0.1 "GET /items/abc HTTP/1.1" 422 195 0.000148s "-"',
        "api-1     | 2025-11-30T09:03:31.597Z INFO GET /api/items/211 404 39ms",
        '127.0.0.1:51186 [30/Nov/2026:20:14:14.166] shop legacy/<NOSRV> 0/-1/-1/-1/0 503 217 - - SC-- 4/4/0/0/0 0/0 "GET /legacy HTTP/1.1"',
    ]
    assert [severity(x) for x in failed] == [FAIL] * 4
    served = ['127.0.0.1 - - [30/Nov/2026:20:13:31 +0000] "GET /big.css HTTP/1.1" 200 500 "-" "curl/7.88.1" 158',
              '127.0.0.1:51190 [30/Nov/2026:20:14:14.170] shop web/s1 0/0/1/2/3 200 404 - - ---- 1/1/0/0/0 0/0 "GET / HTTP/1.1"']
    assert [severity(x) for x in served] == [None, None]


def test_every_refused_request_of_an_access_log_stays() -> None:
    from headroom_mitm.compress.engine import compress_text
    from headroom_mitm.compress.settings import CompressionSettings

    paths = ["/", "/static/app.css", "/robots.txt", "/api/items", "/cgi-bin/report.sh"]
    lines = []
    for k in range(300):
        status = 404 if k % 37 == 5 else 401 if k % 53 == 9 else 200
        path = "/favicon.ico" if status == 404 else "/admin/" if status == 401 else paths[k % 5]
        lines.append(f'127.0.0.1 - - [30/Nov/2026:20:{k // 60:02d}:{k % 60:02d} +0000] "GET {path} HTTP/1.1" {status} '
                     f'{14 + k % 90} "-" "{("curl/7.88.1", "python-requests/2.32.3", "Mozilla/5.0")[k % 3]}" {100 + k * 37 % 900}')
    text = "\n".join(lines) + "\n"
    out = compress_text(text, "bash", CompressionSettings()).rendering.text
    assert out is not None and len(out) < len(text) // 2
    refused = [x for x in lines if 'HTTP/1.1" 40' in x]
    assert [x for x in refused if x in out.split("\n")] == refused


def test_supervisord_and_syslog_error_level_names_report_failures() -> None:
    from headroom_mitm.compress.lines import FAIL, severity

    assert severity("2026-11-30 08:25:53,786 CRIT Server 'unix_http_server' running without any HTTP authentication") == FAIL
    assert severity("2026-11-30 08:25:54,820 ERRO pool worker event buffer overflowed") == FAIL
    assert severity("<8>1 2026-11-30T08:00:00Z host app - - EMERG disk gone") == FAIL
    assert severity("2026-11-30 08:25:54,820 INFO CRITERIA loaded for ERRORS_PAGE") is None


def test_a_rare_first_word_of_a_column_of_many_values_stands_out() -> None:
    # lighttpd's access log: the request cell is hundreds of values, its method a few kinds.
    from headroom_mitm.compress.outliers import Rows, rank_columns

    cells: list[str] = []
    for k in range(300):
        method = "POST" if k == 211 else ("GET", "GET", "HEAD")[k % 3]
        cells += ["127.0.0.1", f"{method} /static/asset{k:03d}.css HTTP/1.1", "200", f"{1000 + k * 7919 % 5000}"]
    rows = Rows(cells, 4)
    rank = [NORMAL] * 300
    rank_columns(rows, list(range(300)), list(range(300)), rank)
    assert rank[211] == MUST
    assert rank.count(MUST) <= 6  # the POST row and each measure's extremes


def test_the_failing_tests_listed_under_a_count_of_failures_stay() -> None:
    # pytest-sugar's closing "Results": a count of failures over the failing tests' names.
    from headroom_mitm.compress import logs

    body = [f"test_mod_{k}.py ✓✓✓✓✓✓✓✓✓✓                                        {k * 3}%" for k in range(40)]
    failed = [f"         - test_pricing.py:{11 + k} test_price[10-{k}.99-9.9]" for k in range(8)]
    results = ["Results (1.40s):", "      19 passed", "       8 failed", *failed]
    lines = body + [""] + results
    ranked = logs.rank_lines(lines, LineIndex("\n".join(lines)))
    assert ranked is not None
    assert [ranked.rank[i] for i in range(len(lines) - 8, len(lines))] == [MUST] * 8
