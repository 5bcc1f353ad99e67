"""Unit tests for the structure-aware lossy transforms (git, tables and listings, JSON documents), and
the shapes that are never lossy (HTML, code, prose)."""

from __future__ import annotations

import json

from headroom_mitm.compress import LOSSY_TRANSFORMS, documents, sift
from headroom_mitm.compress import structured as st
from headroom_mitm.compress import transforms as tf
from headroom_mitm.compress.engine import compress_text
from headroom_mitm.compress.settings import CompressionSettings
from tests.support import RULES, shape_candidates

S = RULES


def _git_log(n: int) -> str:
    out = []
    for i in range(n):
        out += [
            f"commit {i:040x}",
            "Author: A U Thor <a@example.com>",
            "Date:   Fri Nov 20 22:58:03 2026 +0000",
            "",
            f"    Subject number {i}",
            "",
            *[f"    body line {k} of commit {i} explaining things at length" for k in range(8)],
            "",
            f" src/file_{i}.py | 12 ++++++------",
            " 1 file changed, 6 insertions(+), 6 deletions(-)",
            "",
        ]
    return "\n".join(out)


def _git_diff(files: int) -> str:
    out = [f" pkg/mod_{i}.py | 40 " + "+" * 20 + "-" * 20 for i in range(files)]
    out.append(f" {files} files changed, {20 * files} insertions(+), {20 * files} deletions(-)")
    for i in range(files):
        out += [
            f"diff --git a/pkg/mod_{i}.py b/pkg/mod_{i}.py",
            "index 785d798..a63148b 100644",
            f"--- a/pkg/mod_{i}.py",
            f"+++ b/pkg/mod_{i}.py",
            f"@@ -10,30 +10,30 @@ def function_{i}():",
        ]
        for k in range(30):
            out += [f"     context line {k}", f"-    old = value_{k}", f"+    new = value_{k}"]
    return "\n".join(out)


def _verbatim(out: str, text: str) -> None:
    """Every line of a lossy rendering is a line of the input or a marker."""
    src = set(text.split("\n"))
    for line in out.split("\n"):
        assert line in src or line.startswith(("[…", "[warnings left out")), line


def _line_lossy(text: str, s: CompressionSettings = S) -> tuple[str, tf.LossyResult]:
    found = shape_candidates(sift.lossy_candidates(text, "bash", s))
    assert len(found) == 1, [n for n, _ in found]
    return found[0]


def test_git_output_keeps_commits_subjects_and_stats() -> None:
    text = _git_log(30)
    name, res = _line_lossy(text)
    assert name == "git_output"
    assert res.original == text and res.rid == tf.retrieve_id(text)
    kept = res.text.split("\n")
    for i in range(30):
        assert f"commit {i:040x}" in kept
        assert f"    Subject number {i}" in kept
        assert f" src/file_{i}.py | 12 ++++++------" in kept
    assert kept.count("Author: A U Thor <a@example.com>") == 30
    assert kept.count(" 1 file changed, 6 insertions(+), 6 deletions(-)") == 30
    assert "elided; " in res.text and len(res.text) < 0.75 * len(text)
    assert any("body line 3 of commit 20" in x for x in text.split("\n"))
    assert "    body line 3 of commit 20 explaining things at length" not in kept  # bodies go first
    _verbatim(res.text, text)
    assert sift.lossy_candidates(text, "bash", S) == [(name, res)]  # deterministic


def test_git_output_keeps_diff_headers_and_hunk_ends_verbatim() -> None:
    text = _git_diff(12)
    name, res = _line_lossy(text)
    assert name == "git_output" and len(res.text) < 0.5 * len(text)
    kept = res.text.split("\n")
    for i in range(12):
        assert f"diff --git a/pkg/mod_{i}.py b/pkg/mod_{i}.py" in kept
        assert f"--- a/pkg/mod_{i}.py" in kept and f"+++ b/pkg/mod_{i}.py" in kept
        assert f"@@ -10,30 +10,30 @@ def function_{i}():" in kept
        assert f" pkg/mod_{i}.py | 40 " + "+" * 20 + "-" * 20 in kept
    # A large hunk keeps its first and last changed lines; its middle goes.
    assert kept.count("-    old = value_0") == 12  # every large hunk keeps its first changed lines
    assert kept.count("-    old = value_15") < 12  # and not all of its middle
    assert " 12 files changed, 240 insertions(+), 240 deletions(-)" in kept
    assert "headroom_retrieve id=" + res.rid in res.text
    _verbatim(res.text, text)


def test_git_output_ignores_non_git_text() -> None:
    text = "hello\nworld\n" * 500
    assert not st.looks_git(text)
    assert all(name != "git_output" for name, _ in sift.lossy_candidates(text, "bash", S))


def test_git_blame_keeps_the_first_line_of_every_commit_run() -> None:
    lines = []
    for i in range(200):
        commit = f"{i // 20:08x}" if i != 137 else "deadbeef"
        lines.append(f"{commit} (Dev {i // 20:<8} 2024-01-{i // 20 + 1:02d} 10:00:00 +0000 {i + 1:4d})     x_{i} = compute({i})")
    text = "\n".join(lines)
    name, res = _line_lossy(text)
    assert name == "git_blame" and len(res.text) < 0.5 * len(text)
    kept = res.text.split("\n")
    for i in list(range(0, 200, 20)) + [137, 138]:
        assert lines[i] in kept, i
    _verbatim(res.text, text)


def test_engine_routes_git_log_to_git_output() -> None:
    out = compress_text(_git_log(40), "bash", S)
    assert out.rendering.transforms[-1] == "git_output"
    assert "commit " + format(39, "040x") in (out.rendering.text or "")


def test_split_json_preamble() -> None:
    assert st.split_json_preamble('npm warn x\nnpm warn y\n{\n  "a": 1\n}\n') == (
        "npm warn x\nnpm warn y\n",
        '{\n  "a": 1\n}\n',
    )
    assert st.split_json_preamble('{"a": 1}') is None  # plain JSON: no preamble
    assert st.split_json_preamble("just text\n") is None


def _npm_view() -> str:
    doc = {
        "_id": "pkg@1.2.3",
        "name": "pkg",
        "dist-tags": {"latest": "1.2.3"},
        "versions": [f"0.{i}.0" for i in range(400)],
        "time": {f"0.{i}.0": f"2020-01-{i % 28 + 1:02d}T00:00:00.000Z" for i in range(400)},
        "license": "MIT",
        "dist": {"tarball": "https://registry.example/pkg/-/pkg-1.2.3.tgz"},
    }
    return 'npm warn Unknown user config "nodedir".\n' + json.dumps(doc, indent=2) + "\n"


def test_json_outline_keeps_preamble_and_scalars() -> None:
    text = _npm_view()
    res = st.json_outline(text, S)
    assert res is not None
    preamble = 'npm warn Unknown user config "nodedir".\n'
    assert res.text.startswith(preamble) and res.original.startswith(preamble)
    # stored: the same document, one member per line
    assert json.loads(res.original[len(preamble):]) == json.loads(text[len(preamble):])
    body = json.loads(res.text.split("\n", 1)[1])
    assert body["license"] == "MIT" and body["name"] == "pkg"
    assert body["dist"]["tarball"].endswith("pkg-1.2.3.tgz")
    assert body["dist-tags"]["latest"] == "1.2.3"
    assert len(body["versions"]) == S.json_head_items + S.json_tail_items + 1
    assert len(res.text) < 0.2 * len(text)
    assert st.json_outline(text, S) == res


def test_json_outline_keeps_the_entries_a_lockfile_root_names() -> None:
    # The root entry (kept as the head) names the direct dependencies; hundreds of small entries
    # after it must not crowd its names out of the references.
    direct = ["kolibri", "morgan", "zebra-cli"]
    packages: dict[str, object] = {"": {"name": "app", "version": "1.0.0",
                                        "dependencies": {d: "^1.0.0" for d in direct}}}
    for i in range(150):
        name = direct[1] if i == 70 else "".join(chr(97 + (i * 7919 // 26**k) % 26) for k in range(6))
        packages[f"node_modules/{name}"] = {
            "version": f"1.{i}.0", "resolved": f"https://registry.example/{name}/-/{name}-1.{i}.0.tgz",
            "integrity": f"sha512-{i:064d}", "license": "MIT", "dependencies": {"tslib": "^2.0.0"}}
    text = json.dumps({"name": "app", "lockfileVersion": 3, "packages": packages}, indent=2)
    res = st.json_outline(text, S)
    assert res is not None and len(res.text) < 0.5 * len(text)
    assert '"node_modules/morgan": {' in res.text


def test_engine_compresses_json_after_warning_lines_as_json() -> None:
    out = compress_text(_npm_view(), "bash", S)
    assert out.rendering.transforms[-1] == "json_outline"
    assert '"license": "MIT"' in (out.rendering.text or "")


def _ls_la() -> str:
    lines = ["total 340", "drwxr-xr-x  4 root root  4096 Nov 20 22:41 .", "drwxr-xr-x 15 root root  4096 Nov 20 22:41 .."]
    for i in range(60):
        lines.append(f"-rw-r--r--  1 root root  {1000 + i:5d} Nov 20 22:41 file_{i}.py")
    lines.append("drwxr-xr-x  2 root root  4096 Nov 20 22:41 __pycache__")
    lines.append("lrwxrwxrwx  1 root root     7 Nov 20 22:41 link -> file_1.py")
    return "\n".join(lines)


def test_ls_listing_keeps_headers_rare_rows_and_extremes_verbatim() -> None:
    text = "sub/dir:\n" + _ls_la() + "\n\nsub/dir/__pycache__:\n" + _ls_la()
    name, res = _line_lossy(text)
    assert name == "table_rows" and res.original == text
    kept = res.text.split("\n")
    # header-ish lines: the directory headers, totals and the . and .. rows
    for line in ("sub/dir:", "sub/dir/__pycache__:", "total 340", "drwxr-xr-x  4 root root  4096 Nov 20 22:41 ."):
        assert line in kept, line
    # rows whose values are rare: the directory and the link
    assert kept.count("drwxr-xr-x  2 root root  4096 Nov 20 22:41 __pycache__") == 2
    assert kept.count("lrwxrwxrwx  1 root root     7 Nov 20 22:41 link -> file_1.py") == 2
    # numeric minimum and maximum of the size column
    assert "-rw-r--r--  1 root root   1000 Nov 20 22:41 file_0.py" in kept
    assert "-rw-r--r--  1 root root   1059 Nov 20 22:41 file_59.py" in kept
    assert "-rw-r--r--  1 root root   1030 Nov 20 22:41 file_30.py" not in kept
    assert len(res.text) < 0.5 * len(text) and "elided; " in res.text
    _verbatim(res.text, text)


def test_table_keeps_the_anomalous_row_from_the_middle() -> None:
    rows = ["CONTAINER ID   IMAGE          STATUS                   NAMES"]
    for i in range(120):
        status = "Exited (1) 3 minutes ago" if i == 61 else "Up 2 hours              "
        rows.append(f"{i:012x}   nginx:1.25     {status} web_{i}")
    text = "\n".join(rows)
    name, res = _line_lossy(text)
    assert name == "table_rows"
    kept = res.text.split("\n")
    assert rows[0] in kept and rows[62] in kept and "Exited (1)" in res.text
    assert len(res.text) < 0.5 * len(text)
    _verbatim(res.text, text)


def test_short_path_list_is_never_cut() -> None:
    short = "\n".join(f"packages/storefront/src/components/widgets/checkout/module_{i}.tsx" for i in range(100))
    assert len(short) > S.min_lossy_chars
    assert sift.lossy_candidates(short, "glob", S) == []
    assert compress_text(short, "glob", S).rendering.retrieve_id is None
    # OpenCode's glob at its cap: 100 paths, a blank line and its notice are still the whole answer.
    deep = "\n".join(f"/home/dev/app/node_modules/eslint/lib/rules/rule-number-{i}-of-the-set.js" for i in range(100))
    capped = deep + "\n\n(Results are truncated: showing first 100 results. Consider using a more specific path or pattern.)"
    assert sift.lossy_candidates(capped, "glob", S) == []


def test_long_path_list_keeps_each_new_dir_and_extension() -> None:
    paths = [f"src/pkg{i // 50}/mod_{i}.py" for i in range(400)] + ["src/pkg3/data.json"]
    text = "\n".join(paths)
    name, res = _line_lossy(text)
    assert name == "path_list"
    kept = res.text.split("\n")
    for first in ("src/pkg0/mod_0.py", "src/pkg1/mod_50.py", "src/pkg7/mod_350.py", "src/pkg3/data.json"):
        assert first in kept
    _verbatim(res.text, text)


HTML = (
    "<!DOCTYPE html><html><head><title>My Page</title><style>body { color: red; }</style>"
    "<script>var x = 1;</script></head><body>\n"
    '<h1 id="t">\n  <span>Main</span>\n  <span class="v">@1.0</span>\n</h1>\n'
    '<h2 id="a">Pre &amp; Post</h2>\n<p>Some <b>visible</b> text.</p>\n'
    + "".join(f"<div class='x'><p>para {i} with <a href='#'>a link</a></p></div>\n" for i in range(100))
    + "<!-- a comment --></body></html>"
)


def test_html_is_never_lossy() -> None:
    assert len(HTML) > S.min_lossy_chars
    assert sift.lossy_candidates(HTML, "bash", S) == []
    r = compress_text(HTML, "bash", S).rendering
    assert r.retrieve_id is None and not set(r.transforms) & set(LOSSY_TRANSFORMS)


def test_source_code_and_prose_are_never_lossy() -> None:
    code = "\n".join(
        f"def handler_{i}(request):\n    value = compute({i})\n    return Response(value)\n" for i in range(200)
    )
    prose = "\n\n".join(
        f"## Section {i}\n\nThe quick brown fox jumps over the lazy dog, paragraph {i} of the guide." for i in range(150)
    )
    for text in (code, prose):
        assert documents.looks_like_code_or_prose(text)
        assert sift.lossy_candidates(text, "bash", S) == []
        assert compress_text(text, "bash", S).rendering.retrieve_id is None


