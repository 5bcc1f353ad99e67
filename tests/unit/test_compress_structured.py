"""Unit tests for the structure-aware lossy transforms (git, ls -l, HTML, JSON documents)."""

from __future__ import annotations

import json

from headroom_mitm.compress import structured as st
from headroom_mitm.compress import transforms as tf
from headroom_mitm.compress.engine import compress_text
from headroom_mitm.compress.settings import CompressionSettings

S = CompressionSettings()


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


def test_git_output_keeps_commits_subjects_and_stats() -> None:
    text = _git_log(30)
    res = st.git_output(text, S)
    assert res is not None and res.original == text and res.rid == tf.retrieve_id(text)
    for i in range(30):
        assert f"commit {i:040x}" in res.text
        assert f"Subject number {i}" in res.text
        assert f"src/file_{i}.py | 12" in res.text
    assert "body line 3" not in res.text
    assert "1 file changed, 6 insertions(+), 6 deletions(-)" in res.text
    assert st.git_output(text, S) == res  # deterministic


def test_git_output_keeps_diff_headers_and_hunks_and_elides_bodies() -> None:
    text = _git_diff(12)
    res = st.git_output(text, S)
    assert res is not None and len(res.text) < 0.4 * len(text)
    for i in range(12):
        assert f"diff --git a/pkg/mod_{i}.py b/pkg/mod_{i}.py" in res.text
        assert f"@@ -10,30 +10,30 @@ def function_{i}():" in res.text
        assert f"pkg/mod_{i}.py | 40 " in res.text
    assert "12 files changed, 240 insertions(+), 240 deletions(-)" in res.text
    assert "context line 7" not in res.text and "index 785d798" not in res.text
    assert "headroom_retrieve id=" + res.rid in res.text


def test_git_output_ignores_non_git_text() -> None:
    assert st.git_output("hello\nworld\n" * 500, S) is None


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
    assert res is not None and res.original == text
    assert res.text.startswith('npm warn Unknown user config "nodedir".\n')
    body = json.loads(res.text.split("\n", 1)[1])
    assert body["license"] == "MIT" and body["name"] == "pkg"
    assert body["dist"]["tarball"].endswith("pkg-1.2.3.tgz")
    assert body["dist-tags"]["latest"] == "1.2.3"
    assert len(body["versions"]) == S.json_head_items + S.json_tail_items + 1
    assert len(res.text) < 0.2 * len(text)
    assert st.json_outline(text, S) == res


def test_engine_compresses_json_after_warning_lines_as_json() -> None:
    out = compress_text(_npm_view(), "bash", S)
    assert out.rendering.transforms[-1] == "json_outline"
    assert '"license":"MIT"' in (out.rendering.text or "")


def _ls_la() -> str:
    lines = ["total 340", "drwxr-xr-x  4 root root  4096 Nov 20 22:41 .", "drwxr-xr-x 15 root root  4096 Nov 20 22:41 .."]
    for i in range(60):
        lines.append(f"-rw-r--r--  1 root root  {1000 + i:5d} Nov 20 22:41 file_{i}.py")
    lines.append("drwxr-xr-x  2 root root  4096 Nov 20 22:41 __pycache__")
    lines.append("lrwxrwxrwx  1 root root     7 Nov 20 22:41 link -> file_1.py")
    return "\n".join(lines)


def test_ls_listing_keeps_every_name_and_header() -> None:
    text = "sub/dir:\n" + _ls_la() + "\n\nsub/dir/__pycache__:\n" + _ls_la()
    res = st.ls_listing(text, S)
    assert res is not None and res.original == text
    for i in range(60):
        assert f"\nfile_{i}.py {1000 + i}" in res.text
    assert "\nsub/dir:" in res.text and "\nsub/dir/__pycache__:" in res.text
    assert "\n__pycache__/" in res.text and "link -> file_1.py" in res.text
    assert "rw-r--r--" not in res.text and "Nov 20" not in res.text
    assert len(res.text) < 0.5 * len(text)


def test_ls_listing_ignores_other_text() -> None:
    assert st.ls_listing("a\nb\nc\nd\ne\nf\n", S) is None


HTML = (
    "<!DOCTYPE html><html><head><title>My Page</title><style>body { color: red; }</style>"
    "<script>var x = 1;</script></head><body>\n"
    '<h1 id="t">\n  <span>Main</span>\n  <span class="v">@1.0</span>\n</h1>\n'
    '<h2 id="a">Pre &amp; Post</h2>\n<p>Some <b>visible</b> text.</p>\n'
    + "".join(f"<div class='x'><p>para {i} with <a href='#'>a link</a></p></div>\n" for i in range(80))
    + "<!-- a comment --></body></html>"
)


def test_html_text_keeps_title_headings_and_text() -> None:
    res = st.html_text(HTML, S)
    assert res is not None and res.original == HTML and res.rid == tf.retrieve_id(HTML)
    t = res.text
    assert "title: My Page" in t and "# Main @1.0" in t and "## Pre &amp; Post" in t
    assert "Some visible text." in t and "para 79 with a link" in t
    assert "color: red" not in t and "var x" not in t and "a comment" not in t and "<" not in t.split("\n", 1)[1]
    assert st.html_text(HTML, S) == res


def test_html_text_ignores_non_html() -> None:
    assert st.html_text("plain text <b>not a document</b>", S) is None


def test_dedupe_saving_bound_is_an_upper_bound() -> None:
    text = "\n".join(["same line"] * 10 + [f"step {i} of 20" for i in range(20)] + ["end"])
    res = tf.dedupe_lines(text, S)
    assert res is not None
    assert len(text) - len(res.text) <= tf.dedupe_saving_bound(text)
    assert tf.dedupe_saving_bound("a\nb\nc\nd") <= 4
