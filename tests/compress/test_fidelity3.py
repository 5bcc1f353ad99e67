"""Fidelity rules of round 3 (issue #11), found on the tuning part of wide3.json: each test names
the rule and fails without it."""

from __future__ import annotations

from headroom_mitm.compress import lossless as ll

from tests.support import RULES, lossy_rendering

S = RULES


def _lossy(text: str) -> tuple[str, str]:
    return lossy_rendering(text, S)


def test_compact_json_keeps_a_tight_documents_records_as_printed() -> None:
    # tree -J: one tight record a line; joining the lines must not re-space the records
    doc = (
        '[\n  {"type":"directory","name":"d","contents":[\n'
        '    {"type":"file","name":"a b","size":1},\n    {"type":"file","name":"c:d","size":2}\n  ]},\n'
        '  {"type":"report","directories":1,"files":2}\n]\n'
    )
    out = ll.compact_json(doc)
    assert '{"type":"file","name":"a b","size":1}' in out
    assert '{"type":"report","directories":1,"files":2}' in out
    assert "\n" not in out.strip()


def _porcelain_blame() -> tuple[str, list[str], list[str]]:
    import hashlib
    import random

    rng = random.Random(5)
    commits = [hashlib.sha1(str(k).encode()).hexdigest() for k in range(30)]
    people = ["Ada Lovelace", "Bo Chen", "Cy Diaz", "Dee Ekwueme"]
    seen: set[str] = set()
    out, must, later = [], [], []
    for n in range(1, 260):
        c = commits[0] if n % 3 == 0 else rng.choice(commits)
        head = f"{c} {n} {n} 1"
        out.append(head)
        if c not in seen:
            seen.add(c)
            k = commits.index(c)
            header = [f"author {people[k % 4]}", f"author-mail <{people[k % 4].split()[0].lower()}@example.com>",
                      f"author-time {1767000000 + 86400 * k}", "author-tz +0000", f"committer {people[k % 4]}",
                      f"committer-mail <{people[k % 4].split()[0].lower()}@example.com>",
                      f"committer-time {1767000000 + 86400 * k}", "committer-tz +0000", f"summary Change number {k} of the module (#{300 + k})",
                      "filename app/mod.py"]
            out += header
            must += [head, header[0], header[8]]
        else:
            later.append(head)
        out.append(f"\tvalue_{n} = {rng.randint(0, 99)}")
    return "\n".join(out) + "\n", must, later


def test_porcelain_blame_keeps_each_commits_first_group_with_author_and_summary() -> None:
    text, must, _ = _porcelain_blame()
    name, out = _lossy(text)
    assert name == "git_blame"
    assert all(m in out.split("\n") for m in must)
    assert len(out) < 0.7 * len(text)


def test_combined_diff_of_a_merge_keeps_hunk_headers_and_small_hunks() -> None:
    out = ["commit " + "ab" * 20, "Merge: 1234567 89abcde", "Author: Bo <bo@example.com>",
           "Date:   Tue Mar 17 09:15:00 2026 +0000", "", "    Merge branch feature", ""]
    headers, changed = [], []
    for f in range(12):
        out += [f"diff --cc app/m{f}.py", "index 4935a6e,794c68c..0e5ebdb", f"--- a/app/m{f}.py", f"+++ b/app/m{f}.py"]
        head = f"@@@ -{f + 1},9 -{f + 1},9 +{f + 1},12 @@@"
        headers.append(head)
        body = ["  # context one", f"++resolved_{f} = True", f" +main_{f} = 1", f"+ feature_{f} = 2",
                f"- old_{f} = 3", *[f"  same_{f}_{k} = {k}" for k in range(7)]]
        changed += [x for x in body if x[:2].strip()]
        out += [head, *body]
    text = "\n".join(out) + "\n"
    name, res = _lossy(text)
    assert name == "git_output"
    kept = res.split("\n")
    assert all(h in kept for h in headers)
    assert all(c in kept for c in changed)  # every changed line of a small combined hunk


def _commit_log(n: int) -> list[str]:
    import hashlib

    verbs = ["Fix", "Tune", "Refactor", "Speed up"]
    return [f"{hashlib.sha1(str(k).encode()).hexdigest()[:7]} 2026-02-{k % 28 + 1:02d} Zed | {verbs[k % 4]} f{k % 9} (#{400 + k})"
            for k in range(n)]


def test_a_list_of_commits_is_the_answer_itself() -> None:
    from headroom_mitm.compress import sift

    text = "\n".join(_commit_log(120)) + "\n"
    assert sift.lossy_candidates(text, "bash", S) == []  # every commit line stays
    graph = "\n".join(("* " if k % 5 else "*   ") + x for k, x in enumerate(_commit_log(120))) + "\n"
    assert sift.lossy_candidates(graph, "bash", S) == []


def test_a_symbol_table_of_addresses_is_not_a_commit_list() -> None:
    from headroom_mitm.compress import structured as st

    lines = [f"{0x401000 + 16 * k:016x} T symbol_{k}" for k in range(200)]
    assert not st.commit_list(lines)
    assert st.commit_list(_commit_log(50)) and st.commit_list(_commit_log(400))
    assert not st.commit_list(_commit_log(1200))  # beyond 1,000 commits a log is sampled


def test_a_rare_value_of_a_column_of_few_numbers_survives_sampling() -> None:
    import random

    rng = random.Random(8)
    rows = ["  PID  PPID USER     STAT  NI %CPU   RSS    VSZ COMMAND"]
    for i in range(800):
        ni = 5 if i == 400 else 19 if i == 95 else -20 if i % 9 == 0 else 0
        cpu, rss, vsz = ("4.4", 45000, 450000) if i == 400 else (f"{rng.randint(0, 9)}.{rng.randint(0, 9)}",
                                                                  rng.randint(1000, 90000), rng.randint(9000, 900000))
        rows.append(f"{100 + i:>5} {2:>5} root     S   {ni:>4} {cpu} {rss:>6} {vsz:>6} worker_{i}")
    _, out = _lossy("\n".join(rows) + "\n")
    assert " worker_400\n" in out  # nice 5: neither the column's minimum nor its maximum, but unlike the rest


def test_findings_placed_by_line_and_column_under_a_file_header_keep_one_of_each_kind() -> None:
    import random

    rng = random.Random(2)
    codes = {"D103": "Missing docstring in public function", "ANN001": "Missing type annotation for function argument `{}`",
             "E402": "Module level import not at top of file", "Q000": "[*] Single quotes found but double quotes preferred",
             "UP031": "Use format specifiers instead of percent format", "E711": "Comparison to `None` should be `cond is None`",
             "F821": "Undefined name `{}`", "N801": "Class name `{}` should use CapWords convention",
             "B006": "Do not use mutable data structures for argument defaults", "E741": "Ambiguous variable name: `{}`"}
    out, firsts = [], []
    for f in range(25):
        out.append(f"pkg/mod_{f:02d}.py:")
        seen: set[str] = set()
        for k in range(40):
            code = rng.choice(sorted(codes))
            line = f"  {k + 1:>2}:{rng.randint(1, 30):<2} {code} " + codes[code].format("name_" * rng.randint(1, 3) + str(k))
            out.append(line)
            if code not in seen:
                seen.add(code)
                firsts.append(line)
        out.append("")
    out.append(f"Found {25 * 40} errors.")
    _, res = _lossy("\n".join(out) + "\n")
    kept = set(res.split("\n"))
    assert all(x in kept for x in firsts)  # one of each (code, file)


def test_a_tree_with_bracketed_sizes_keeps_extremes_and_directories() -> None:
    import random

    rng = random.Random(4)
    out = ["[4.0K]  /srv/app"]
    for d in range(12):
        out.append(f"├── [4.0K]  pkg{d:02d}")
        for f in range(25):
            size = "9.5M" if (d, f) == (6, 12) else rng.choice([f"{rng.randint(10, 99)}K", f"{rng.randint(1, 9)}.{f % 10}K"])
            if f == 20:
                out.append("│\xa0\xa0 ├── [4.0K]  sub")
            lead = "│\xa0\xa0 │\xa0\xa0 " if f >= 20 else "│\xa0\xa0 "
            out.append(f"{lead}├── [{size:>4}]  module_{d}_{f}.py")
    out += ["", "12 directories, 300 files"]
    name, res = _lossy("\n".join(out) + "\n")
    assert name == "table_rows"
    assert "module_6_12.py" in res  # the largest file
    assert all(f"├── [4.0K]  pkg{d:02d}" in res for d in range(12))  # every directory
    assert "12 directories, 300 files" in res


def _syscall_report(n_rows: int = 60) -> tuple[str, list[str]]:
    import random

    rng = random.Random(6)
    out = [f"strace: Process {3300 + k} attached" for k in range(40)]
    out += ["% time     seconds  usecs/call     calls    errors syscall",
            "------ ----------- ----------- --------- --------- ----------------"]
    failing = []
    for k in range(n_rows):
        calls = rng.randint(2, 900)
        errors = f"{rng.randint(1, calls):>9}" if k % 11 == 4 else " " * 9
        row = f"{rng.randint(0, 99) / 10:>6.2f} {rng.randint(1, 9999) / 1e6:>11.6f} {rng.randint(1, 50):>11} {calls:>9} {errors} call_{k}"
        out.append(row)
        if errors.strip():
            failing.append(row)
    out += ["------ ----------- ----------- --------- --------- ----------------",
            "100.00    0.210876          20     10167      1530 total"]
    return "\n".join(out) + "\n", failing


def test_a_titled_table_among_other_lines_is_sampled_as_a_table() -> None:
    text, _ = _syscall_report()
    lines = text.split("\n")
    rows = [x for x in lines if x.endswith(tuple(f"call_{k}" for k in range(60)))]
    biggest = max(rows, key=lambda x: int(x.split()[3]))
    name, out = _lossy(text)
    assert name == "table_rows"
    assert biggest in out.split("\n")  # the calls column's maximum
    assert "100.00    0.210876          20     10167      1530 total" in out


def test_rows_with_a_count_under_an_errors_title_all_stay() -> None:
    text, failing = _syscall_report()
    _, out = _lossy(text)
    kept = out.split("\n")
    assert failing and all(r in kept for r in failing)


def test_a_finding_under_a_shared_place_header_keeps_that_header() -> None:
    # shellcheck's tty format: one "In FILE line N:" header, the source line, then each finding
    # on it under a caret; an error can be the last of three, four lines under its header
    out, headers = [], []
    for k in range(120):
        head = f"In scripts/deploy.sh line {k + 2}:"
        out += [head, f"x_{k}=1; if [ $x_{k} -eq 1 ] then echo one; fi",
                "   ^-- SC2086 (info): Double quote to prevent globbing and word splitting.",
                "     ^-- SC2034 (warning): x appears unused. Verify use (or export if used externally)."]
        if k % 10 == 3:
            out.append("                       ^-- SC1010 (error): Use semicolon or linefeed before 'then' (or quote to make it literal).")
            headers.append(head)
        out += ["", "Did you mean:", f"x_{k}=1; if [ \"$x_{k}\" -eq 1 ]; then echo one; fi", ""]
    _, res = _lossy("\n".join(out) + "\n")
    kept = set(res.split("\n"))
    assert all(h in kept for h in headers)  # every error's place


def test_every_finding_whose_code_letter_is_error_level_stays() -> None:
    # pylint: "path:line:col: CODE: message (symbol)", the code's letter is its level
    out, errors = ["************* Module pkg.mod"], []
    for k in range(3000):
        f = f"pkg/mod_{k % 5}.py"
        if k % 7 == 3:
            line = f"{f}:{k}:15: E0602: Undefined variable 'name_{k}' (undefined-variable)"
            errors.append(line)
        else:
            line = f"{f}:{k}:0: " + ["C0301: Line too long ({}/100) (line-too-long)", "C0303: Trailing whitespace (trailing-whitespace)",
                                     "C0209: Formatting a regular string which could be an f-string (consider-using-f-string)",
                                     "W0611: Unused import os{} (unused-import)"][k % 4].format(k % 40)
        out.append(line)
    out += ["", "-----------------------------------", "Your code has been rated at 1.25/10", ""]
    _, res = _lossy("\n".join(out) + "\n")
    kept = set(res.split("\n"))
    assert all(e in kept for e in errors)


def test_a_rare_code_among_json_records_survives_sampling() -> None:
    import json
    import random

    rng = random.Random(9)
    recs = [{"ts": f"2026-03-01T10:{k // 60:02d}:{k % 60:02d}Z", "path": f"/api/items/{rng.randint(1, 999)}",
             "status": 302 if k == 250 else 500 if k % 20 == 3 else 200, "ms": rng.randint(20, 80)} for k in range(600)]
    from headroom_mitm.compress import sift

    [(name, res)] = sift.lossy_candidates(json.dumps(recs, indent=2), "bash", S)
    assert name == "json_outline"
    assert '"status": 302' in res.text  # neither the column's minimum nor its maximum, but unlike the rest
