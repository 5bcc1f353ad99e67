"""Fidelity rules of issue #11's tenth pass, found on tuning items: each test names the rule,
holds for outputs never seen, and fails without it."""

from __future__ import annotations

import json

from headroom_mitm.compress import gutter, logs, severities
from headroom_mitm.compress.engine import compress_text
from headroom_mitm.compress.lineindex import LineIndex
from headroom_mitm.compress.lines import FAIL, WARN, severity
from headroom_mitm.compress.select import MUST
from headroom_mitm.compress.settings import CompressionSettings
from tests.compress.support import cut


def test_a_field_that_holds_nothing_names_no_failure() -> None:
    # A serializing logger writes every record's exception field, null when there is none: 300
    # records of `"exception": null` are no 300 failures to keep whole.
    records = []
    for k in range(300):
        level, exc = ("ERROR", "ZeroDivisionError: division by zero") if k == 211 else ("INFO", None)
        if k == 97:
            level = "WARNING"
        message = f"rate limited, reset_in={k % 60}s" if k == 97 else f"synced repo-{k} ({k * 7 % 400} objects)"
        records.append(json.dumps({
            "text": f"2026-11-30 18:28:{k % 60:02d}.{k:03d} | {level:<8} | sync:main:20 - {message}\n",
            "record": {"elapsed": {"seconds": k / 1000}, "exception": exc, "extra": {}, "level": {"name": level},
                       "file": {"name": "sync.py"}, "function": "main", "line": 20, "message": message},
        }))
    text = "\n".join(records) + "\n"
    kept = set(cut(text).split("\n"))
    assert records[211] in kept and records[97] in kept
    # The field's word still names a failure when it holds one, or when the line says so elsewhere.
    assert severity('{"exception": "KeyError: \'sku\'"}') == FAIL
    assert severity('{"exception": null, "msg": "payment failed"}') == FAIL
    assert severity("{'errors': [], 'failed': false, 'error': None}") is None


def test_the_same_list_under_another_failure_says_nothing_new() -> None:
    # go test's t.Errorf("...failed. got:\n%s\nwant:\n%s"): every stride printed the same wrong
    # dump. Each failure stays; the dump is shown under the first and left out under the others.
    got = ["        00000000  1d 1f 20 21 22 23 24 25  26 27 28 29 2a 2b 2c 2e  |.. !\"#$%&'()*+,-|",
           "        00000010  2d 2f 30 31 32 33 34 35  36 37 38 39 3a 3b 3c 3e  |./0123456789:;<=|"]
    want = ["        00000000  1e 1f 20 21 22 23 24 25  26 27 28 29 2a 2b 2c 2d  |.. !\"#$%&'()*+,-|",
            "        00000010  2e 2f 30 31 32 33 34 35  36 37 38 39 3a 3b 3c 3d  |./0123456789:;<=|"]
    lines = [f"ok  \texample.org/pkg{k}\t0.0{k}s" for k in range(8)] + ["--- FAIL: TestDumper (0.00s)"]
    failures = [f"    hex_test.go:185: stride: {k} failed. got:" for k in range(1, 61)]
    for failure in failures:
        lines += [failure, *got, "        ", "        want:", *want]
    lines += ["FAIL", "FAIL\texample.org/hex\t0.021s", "FAIL"]
    out = cut("\n".join(lines) + "\n").split("\n")
    assert all(f in out for f in failures) and got[0] in out
    assert out.count(got[0]) < 10


def _gh(i: int, x: str) -> str:
    """A line as `gh run view --log` relays it, its trailing blanks trimmed as the clean-up does."""
    return f"test (3.11)\tRun pytest\t2026-11-30T10:{i // 60 % 60:02d}:{i % 60:02d}.{i * 7919 % 10**7:07d}Z {x}".rstrip()


def test_an_output_too_small_to_cut_bare_is_not_cut_for_its_gutter() -> None:
    # `redis-cli INFO` (4 KB) relayed by CI: its gutter triples it, yet bare it is sent whole.
    lines = []
    for section in ("Server", "Clients", "Memory", "Persistence", "Stats", "Replication", "CPU", "Keyspace"):
        lines += [f"# {section}", *(f"{section.lower()}_field_{k}:{k * 37}" for k in range(12)), ""]
    bare = "\n".join(lines) + "\n"
    relayed = "\n".join(_gh(i, x) for i, x in enumerate(lines)) + "\n"
    s = CompressionSettings()
    assert len(bare) < s.min_lossy_chars <= len(relayed)
    assert compress_text(relayed, "bash", s).rendering.text is None


def test_a_gutter_takes_no_room_where_a_gap_is_weighed() -> None:
    # A line shorter than the marker that would replace it is shown (the marker costs more); behind
    # a gutter the line is as short as bare: the same lines are kept either way.
    lines = []
    for k in range(60):
        lines += [f"ERROR: job {k} failed: connection to db-{k % 7}.internal:5432 refused after 3 retries", f"-- {k}"]
    lines += [f"INFO: worker {k % 4} heartbeat, queue depth {k * 13 % 97}, memory {200 + k % 50} MB" for k in range(400)]
    lines += ["done: 60 failed, 400 heartbeats"]
    bare = [x for x in cut("\n".join(lines) + "\n").split("\n") if not x.startswith("[… ")]
    relayed = cut("\n".join(_gh(i, x) for i, x in enumerate(lines)) + "\n").split("\n")
    behind = [x.split("Z", 1)[1][1:] if "\tRun pytest\t" in x else x for x in relayed if not x.startswith("[… ")]
    assert "-- 7" in bare and behind == bare


def test_a_bar_gutter_whose_first_line_was_blank() -> None:
    # `docker compose logs` relays a blank line as "api-1  | ", trimmed to "api-1  |" by the clean-up.
    lines = ["api-1  |", *(f"api-1  | GET /items/{k} 200" for k in range(20))]
    assert gutter.widths(lines) == [8] + [9] * 20


def test_git_blame_with_the_file_name_column_is_blame() -> None:
    # A file renamed in its history: git blame prints each line's original path, padded, before the
    # author. It is still blame: the first line of each commit's run stays (its hash and author).
    commits = [(f"{k * 2654435761 % 16**8:08x}", ("Ada Byron", "Linus T", "Grace H")[k % 3]) for k in range(40)]
    lines = []
    for n in range(1, 1201):
        sha, who = commits[(n // 7) % 40 if n % 90 else (n * 13) % 40]
        path = "sortedcontainers/sortedset.py" if n % 5 else "src/sortedcontainers/sortedset.py"
        lines.append(f"{sha} {path:<34} ({who:<18} 2018-05-04 19:32:13 -0700 {n:4d})     value_{n} = compute(item_{n}, key={n % 17})")
    out = cut("\n".join(lines) + "\n")
    assert all(sha in out for sha, _ in commits)


def test_a_finding_row_with_a_level_column_is_no_source_excerpt() -> None:
    # phpcs's report: " 18 | ERROR   | [x] message" opens as a source excerpt's "  18 | code" does,
    # yet its level column makes it a finding; every error-level one stays.
    lines = []
    for f in range(1, 6):
        lines += ["", f"FILE: /srv/app/src/Tariff{f}.php", "-" * 70, "FOUND 31 ERRORS AFFECTING 20 LINES", "-" * 70]
        for k in range(31):
            message = ("Opening brace should be on a new line", "Inline control structures are not allowed",
                       "Newline required after opening brace")[k % 3]
            lines.append(f" {3 + k * 2:2d} | ERROR   | [x] {message}")
        lines += ["-" * 70, "PHPCBF CAN FIX THE 31 MARKED SNIFF VIOLATIONS AUTOMATICALLY", "-" * 70, ""]
    lines.append("Time: 71ms; Memory: 6MB")
    text = "\n".join(lines) + "\n"
    out = compress_text(text, "bash", CompressionSettings()).rendering.text or text
    kept = set(out.split("\n"))
    assert [x for x in lines if "| ERROR" in x and x not in kept] == []


def test_a_code_closing_the_line_is_the_checkers_own() -> None:
    # checkstyle quotes a pattern in its message ('^[a-z][a-z0-9]*$') before its check's name: the
    # name at the line's end is the code, so each check keeps a finding of its own.
    pattern = "'^[a-z][a-z0-9][a-zA-Z0-9]*$'"
    lines = ["Starting audit..."]
    for k in range(60):
        lines.append(f"[WARN] /srv/meter/src/Tariff.java:{k + 3}:5: 'method def' child has incorrect indentation level 6, expected level should be 4. [Indentation]")
    checks = {"MemberName": "Member name 'base_rate", "ParameterName": "Parameter name 'unit_price",
              "MethodName": "Method name 'from_env"}
    for k, (check, what) in enumerate(checks.items()):
        for r in range(8):
            lines.insert(10 + 3 * k + 9 * r, f"[WARN] /srv/meter/src/Tariff.java:{11 + k + 9 * r}:26: {what}_{r}' must match pattern {pattern}. [{check}]")
    lines.append("Audit done.")
    out = cut("\n".join(lines) + "\n")
    assert all(f"[{check}]" in out for check in checks)


def test_a_boxed_tracebacks_last_frame_is_its_place() -> None:
    # rich's traceback (typer's default): each frame's box opens with "│ path:line in f", then its
    # source and its locals, hundreds of lines of them; the last frame's place stays.
    width = 100
    def boxed(text: str) -> str:
        return f"│ {text:<{width - 4}} │"
    lines = ["╭" + " Traceback (most recent call last) ".center(width - 2, "─") + "╮"]
    frames = [("/srv/fleet/load.py", 35, "<module>"), ("/srv/fleet/load.py", 32, "report"), ("/srv/fleet/load.py", 28, "per_depot")]
    for path, line, fn in frames:
        lines += [boxed(f"{path}:{line} in {fn}"), boxed(""), boxed(f"❱ {line} │   total = compute(rows)"), boxed("")]
        lines += [boxed(f"│   {{'depot': 'D{k % 9}', 'km': {k * 3.7:.1f}, 'load_kg': {k * 11}, 'status': 'ok'}},") for k in range(150)]
    lines += ["╰" + "─" * (width - 2) + "╯", "TypeError: unsupported operand type(s) for /: 'NoneType' and 'float'"]
    text = "\n".join(lines) + "\n"
    ranked = logs.rank_lines(text.split("\n"), LineIndex(text))
    assert ranked is not None and ranked.rank[lines.index(boxed("/srv/fleet/load.py:28 in per_depot"))] == MUST
    assert lines[-1] in cut(text).split("\n")


def test_pylints_coded_conventions_are_no_failures() -> None:
    # pylint's "x.py:19:11: C0103: Argument name "G" doesn't conform …" carries its code before a
    # colon; a convention's words ("invalid", "missing") make it no failure: one of each (code,
    # file) stays, and every error-class finding (E1101).
    lines = []
    for f in range(6):
        lines.append(f"************* Module networkx.algorithms.flow.alg{f}")
        lines.append(f"networkx/algorithms/flow/alg{f}.py:1:0: C0114: Missing module docstring (missing-module-docstring)")
        for k in range(40):
            lines.append(f'networkx/algorithms/flow/alg{f}.py:{20 + k}:8: C0103: Variable name "R{k}" doesn\'t conform to snake_case naming style (invalid-name)')
            lines.append(f"networkx/algorithms/flow/alg{f}.py:{20 + k}:0: C0116: Missing function or method docstring (missing-function-docstring)")
        if f == 3:
            lines.append("networkx/algorithms/flow/alg3.py:88:15: E1101: Instance of 'Graph' has no 'succ' member (no-member)")
    lines += ["", "-" * 68, "Your code has been rated at 4.12/10 (previous run: 4.12/10, +0.00)"]
    out = cut("\n".join(lines) + "\n")
    assert len(out) < len("\n".join(lines)) // 2
    assert "E1101: Instance of 'Graph' has no 'succ' member" in out
    assert all(f"alg{f}.py:20:8: C0103" in out for f in range(6))


def test_a_json_array_short_enough_to_read_is_not_sampled() -> None:
    # PyPI's simple API: 60 version strings (~600 characters) beside 120 file records. The records
    # are sampled; the versions are read whole (sampling them saves little and loses which exist).
    versions = [f"{major}.{minor}.0" for major in range(6) for minor in range(10)]
    files = [{"filename": f"pkg-{v}.tar.gz", "hashes": {"sha256": f"{k:064x}"}, "requires-python": ">=3.8",
              "size": 5000 + k * 37, "upload-time": f"2024-01-{k % 28 + 1:02d}T10:00:00Z", "yanked": False}
             for k, v in enumerate(versions * 2)]
    text = json.dumps({"files": files, "meta": {"api-version": "1.1"}, "name": "pkg", "versions": versions}, indent=4) + "\n"
    out = cut(text)
    assert all(f'"{v}"' in out for v in versions)
    assert out.count('"filename"') < len(files)


def test_a_rule_marked_by_its_levels_sign_is_a_finding() -> None:
    # oxlint (miette) prints "! plugin(rule): message" for a warning and "× plugin(rule): …" for an
    # error, the place on the ",-[path:line:col]" line under it: one of each rule per file stays.
    lines = []
    rules = ["no-this-assignment", "prefer-spread", "prefer-includes", "no-typeof-undefined", "prefer-array-flat"]
    for k in range(90):
        rule = rules[0] if k % 9 else rules[1 + k // 9 % 4]
        lines += [f"  ! eslint-plugin-unicorn({rule}): Do not assign `this` to `_v{k}`" if rule == rules[0]
                  else f"  ! eslint-plugin-unicorn({rule}): Prefer the modern form over the old one",
                  f"      ,-[lib/yargs-factory.js:{100 + k * 7}:{k % 40 + 1}]",
                  f" {100 + k * 7} |     const _v{k} = this; helper(_v{k}, options[{k}]);",
                  "      :           ^^^^^^^^^", "      `----", "  help: Reference `this` directly.", ""]
    lines.append("  × eslint(no-debugger): `debugger` statement is not allowed")
    lines += ["      ,-[lib/argsert.js:12:5]", "  12 |     debugger;", "      `----", "", "Found 90 warnings and 1 error."]
    text = "\n".join(lines) + "\n"
    sev, _ = severities.severities(text.split("\n"), LineIndex(text))
    marked = {i: sev.get(i) for i, x in enumerate(lines) if x.startswith(("  ! ", "  × "))}
    assert marked and all(s == (WARN if lines[i].startswith("  ! ") else FAIL) for i, s in marked.items())
    out = cut(text)
    assert all(f"eslint-plugin-unicorn({rule}):" in out for rule in rules)
    assert "× eslint(no-debugger)" in out and "Found 90 warnings and 1 error." in out


def test_an_output_too_small_to_cut_bare_is_not_cut_in_a_frame_or_with_crlf() -> None:
    # A 6,000-character output is sent whole; inside Codex's frame or with CRLF line ends it passes
    # the size at which outputs are cut, yet it is the same output.
    lines = [f"INFO worker {k % 4} heartbeat, queue depth {k * 13 % 97}, memory {200 + k % 50} MB" for k in range(200)]
    s = CompressionSettings()
    text = "\n".join(lines) + "\n"
    while len(text) > s.min_lossy_chars - 50:
        lines.pop()
        text = "\n".join(lines) + "\n"
    framed = f"Chunk ID: aff204\nWall time: 0.2113 seconds\nProcess exited with code 0\nOriginal token count: 1900\nOutput:\n{text}"
    crlf = text.replace("\n", "\r\n")
    assert len(framed) >= s.min_lossy_chars and len(crlf) >= s.min_lossy_chars
    for form in (text, framed, crlf):
        assert "elided" not in (compress_text(form, "bash", s).rendering.text or "")


def test_each_pydantic_error_keeps_its_field() -> None:
    # pydantic's ValidationError: a field's path over "  Input should be … [type=…, input_value=…]".
    # The same message under another field is another failure: each path stays, also when `| tail`
    # cut the "N validation errors for Batch" line away.
    lines = []
    paths = []
    for k in range(160):
        if k % 3 == 0:
            paths.append(f"trips.{k}.stops")
            lines += [paths[-1], "  Input should be less than or equal to 12 [type=less_than_equal, input_value=14, input_type=int]",
                      "    For further information visit https://errors.pydantic.dev/2.9/v/less_than_equal"]
    text = "\n".join(lines) + "\n"
    out = compress_text(text, "bash", CompressionSettings()).rendering.text or text
    kept = set(out.split("\n"))
    assert [p for p in paths if p not in kept] == []
