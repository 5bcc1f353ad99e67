"""Fidelity rules of round 2 (issue #11), found on the tuning part of wide2.json: each test names
the rule and fails without it."""

from __future__ import annotations

import json
import random

from headroom_mitm.compress import sift
from headroom_mitm.compress import structured as st

from tests.support import RULES, lossy_rendering

S = RULES


def _lossy(text: str) -> tuple[str, str]:
    return lossy_rendering(text, S)


def test_unmet_requirements_are_failures_every_one_kept() -> None:
    rng = random.Random(3)
    lines = []
    for i in range(150):
        pkg = f"{rng.choice(['flask', 'sphinx', 'rich', 'httpx', 'twine', 'black'])} {rng.randint(1, 9)}.{i % 7}.0"
        if i % 9 == 4:
            lines.append(f"{pkg} has requirement dep{i}>=2.0, but you have dep{i} 1.0.")
        else:
            lines.append(f"{pkg} requires {rng.choice(['jinja', 'click', 'pygments', 'idna'])}{i}, which is not installed.")
    text = "\n".join(lines) + "\n"
    found = sift.lossy_candidates(text, "bash", S)
    out = found[0][1].text if found else text
    assert all(p in out for p in lines)


def test_a_comma_inside_a_cell_of_an_aligned_table_does_not_make_it_csv() -> None:
    rng = random.Random(6)
    rows = ["COMMAND   PID USER   FD   TYPE DEVICE SIZE/OFF    NODE NAME"]
    for i in range(60):
        size = 1000 if i == 23 else 9999 if i == 41 else rng.randint(2000, 8999)
        rows.append(f"python3 12257 root {i + 3:>4}w   REG  254,0 {size:>9} {2189166 + i:>7} /tmp/data/f{i % 10}{i // 10}.dat")
    _, out = _lossy("\n".join(rows) + "\n")
    assert "/tmp/data/f32.dat" in out  # the column's minimum (row 23)
    assert "/tmp/data/f14.dat" in out  # and maximum (row 41)


def _records() -> tuple[list[dict], list[dict], set[tuple[str, str]]]:
    rng = random.Random(4)
    recs, errors, groups = [], [], set()
    for i in range(300):
        f = f"scripts/task_{i % 9:02d}.sh"
        code = rng.choice([2086, 2086, 2086, 2046, 2164, 2034, 2155])
        level = "error" if i % 37 == 5 else rng.choice(["warning", "info", "style"])
        r = {"file": f, "line": i + 1, "column": 3, "level": level, "code": code if level != "error" else 1072,
             "message": f"finding {code} at {i}", "fix": None}
        recs.append(r)
        if level == "error":
            errors.append(r)
        else:
            groups.add((str(code), f))
    return recs, errors, groups


def test_json_finding_records_keep_every_error_and_one_of_each_code_and_file() -> None:
    recs, errors, groups = _records()
    text = json.dumps({"comments": recs}, separators=(",", ":"))
    res = st.json_outline(text, S)
    assert res is not None
    for r in errors:
        assert json.dumps(r, separators=(",", ":")) in res.text
    kept = {(str(r["code"]), r["file"]) for r in recs if r["level"] != "error" and json.dumps(r, separators=(",", ":")) in res.text}
    assert kept == groups
    assert len(res.text) < len(text)


def test_nested_finding_records_sarif_style_keep_one_of_each_rule_and_uri() -> None:
    results = []
    for i in range(200):
        rule, uri = f"E{500 + i % 6}", f"pkg/mod_{i % 5}.py"
        results.append({"level": "note", "message": {"text": f"problem {i}"}, "ruleId": rule,
                        "locations": [{"physicalLocation": {"artifactLocation": {"uri": uri}, "region": {"startLine": i}}}]})
    text = json.dumps({"version": "2.1.0", "runs": [{"results": results}]}, indent=2)
    res = st.json_outline(text, S)
    assert res is not None
    kept = {(r["ruleId"], r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"])
            for r in results if json.dumps(r["message"]["text"]) in res.text}
    assert kept == {(f"E{500 + k % 6}", f"pkg/mod_{k % 5}.py") for k in range(30)}


def test_codes_in_a_pipe_column_under_bracketed_file_headers_keep_one_of_each_code_and_file() -> None:
    rng = random.Random(5)
    lines, groups = [], set()
    msgs = {"CP01": "Keywords must be consistently upper case.", "AL01": "Implicit/explicit aliasing of table.",
            "LT09": "Select targets should be on a new line.", "AM03": "Ambiguous order by clause.",
            "RF04": "Keywords should not be used as identifiers."}
    for f in ("report.sql", "orders.sql", "views.sql"):
        lines.append(f"== [{f}] FAIL")
        for k in range(40):
            code = rng.choice(list(msgs))
            lines.append(f"L: {k + 1:>3} | P: {rng.randint(1, 80):>3} | {code} | {msgs[code]}")
            lines.append(f"                       | [{code.lower()}.rule_name]")
            groups.add((code, f))
    lines.append("All Finished!")
    _, out = _lossy("\n".join(lines) + "\n")
    section, kept = "", set()
    for line in out.split("\n"):
        if line.startswith("== ["):
            section = line[4:].split("]")[0]
        elif line.startswith("L:"):
            kept.add((line.split("|")[2].strip(), section))
    assert kept == groups


def test_a_header_row_repeated_over_each_finding_gives_way_to_the_rows_under_it() -> None:
    rng = random.Random(7)
    words = ["Base", "Image", "Missing", "Deprecated", "Update", "Parameter", "Consider", "Invalid", "Port", "Sudo",
             "Expose", "Tag", "Latest", "Label", "Shell"]
    lines, rows, seen = [], [], set()
    for f in range(24):
        lines += ["", f"File:   services/s{f}.Dockerfile", "Issues: 8", ""]
        for k in range(8):
            title = " ".join(rng.sample(words, 3))
            while title in seen:
                title = " ".join(rng.sample(words, 3))
            seen.add(title)
            row = f"{k + 1:>5}  Clarity       {title:<24} Something about this line should change."
            lines += [f"Line {k + 1}: RUN step {k}", "Issue  Category      Title                 Description", row]
            rows.append(row)
            if k % 3 == 1:  # a second finding on the same line: a second row under the one header
                second = f"{k + 1:>5}  Optimization  {title[::-1]:<24} Consider something else here."
                lines.append(second)
                rows.append(second)
            lines.append("")
    lines += ["", "Total issues: 192"]
    _, out = _lossy("\n".join(lines) + "\n")
    assert all(r in out for r in rows)


def test_json_lines_are_read_as_lines_every_error_record_kept() -> None:
    rng = random.Random(8)
    lines, errors = [], []
    for i in range(400):
        level = "error" if i % 41 == 7 else rng.choice(["debug", "info", "info"])
        rec = {"ts": f"2026-11-30T10:{i // 60:02d}:{i % 60:02d}Z", "level": level, "msg": "charged" if level != "error" else "charge rejected",
               "order": f"ord-{1000 + i}", "amount": rng.randint(10, 999)}
        lines.append(json.dumps(rec))
        if level == "error":
            errors.append(lines[-1])
    name, out = _lossy("\n".join(lines) + "\n")
    assert name != "json_outline"
    assert all(e in out for e in errors)
    assert len(out) < len("\n".join(lines)) / 2


def test_every_marker_names_the_tool_and_the_first_gives_the_id() -> None:
    # The id was half of a marker's tokens: the markers below the first say it is above.
    lines = []
    for i in range(600):
        lines.append(f"step {i}: copied file_{i}.dat ({i * 37 % 1000} bytes)")
        if i % 50 == 25:
            lines.append(f"error: checksum mismatch in file_{i}.dat at offset {i * 4}")
    _, out = _lossy("\n".join(lines) + "\n")
    markers = [m for m in out.split("\n") if m.startswith("[… ")]
    assert len(markers) >= 3
    assert all(S.retrieve_tool in m for m in markers)
    assert " id=hr_" in markers[0] and out.find(" id=hr_") < out.find(", id as above")
    assert all(m.endswith(f"{S.retrieve_tool}, id as above …]") for m in markers[1:])

def test_a_process_that_exited_with_a_nonzero_status_is_a_failure() -> None:
    rng = random.Random(9)
    lines = []
    for i in range(300):
        pid = 9300 + i % 7
        name = "".join(rng.choice("abcdefghijklmnop") for _ in range(rng.randint(3, 9)))
        call = rng.choice(["openat(", "newfstatat(", "readlink(", "statx("])
        flags = " ".join(rng.sample(["O_RDONLY", "O_CLOEXEC", "O_DIRECTORY", "AT_EMPTY_PATH", "O_NOFOLLOW"], rng.randint(1, 5)))
        lines.append(f'[pid  {pid}] {call}"/usr/lib/{name}.so" {flags}) = {3 + i % 5}')
        if i == 137:
            lines.append(f"[pid  {pid}] +++ exited with 1 +++")
    lines.append("+++ exited with 0 +++")
    _, out = _lossy("\n".join(lines) + "\n")
    assert "+++ exited with 1 +++" in out
