"""Outputs an agent cut with `| tail -n N`: they start inside a structure whose head is gone."""

from __future__ import annotations

from headroom_mitm.compress import CompressionSettings
from headroom_mitm.compress import transforms as tf
from headroom_mitm.compress.engine import compress_text
from headroom_mitm.compress.gitgraph import ungraphed

S = CompressionSettings()


def _graph_log(commits: int) -> list[str]:
    out: list[str] = []
    for i in range(commits):
        out += [
            f"| * | commit {i:07x}{'b' * 33}",
            "| | | Author: Ada Lovelace <ada@example.com>",
            f"| | | Date:   Tue Feb {1 + i % 27} 12:15:00 2026 +0000",
            "| | | ",
            f"| | |     feature f{i}: step {i % 3}",
            "| | | ",
        ]
    return out


def test_a_graph_log_cut_inside_a_commit_is_still_a_git_log() -> None:
    lines = _graph_log(60)[4:]  # `| tail`: the first commit's header is gone
    assert ungraphed(lines) is not None
    out = compress_text("\n".join(lines) + "\n", "bash", S).rendering
    assert all(f"feature f{i}: step" in (out.text or "") for i in range(1, 60))


def _rg_heading(files: int) -> list[str]:
    out: list[str] = []
    for f in range(files):
        out.append(f"rich/module_{f:02d}.py")
        for k in range(12):
            n = 40 + 20 * k
            out += [f"{n - 1}-        super().__init__()", f"{n}:    def render_{f}_{k}(self, console) -> Iterable:", f"{n + 1}-        return self", "--"]
        out.append("")
    return out


def test_search_results_cut_before_their_first_heading_are_search_results() -> None:
    lines = _rg_heading(8)[20:]  # the first file's heading and entries are gone
    assert tf.rank_search(lines) is not None


def test_lines_led_by_a_number_and_a_colon_without_any_heading_are_no_search() -> None:
    # A redis log ("PID:ROLE date …"): entries of no file, and no heading anywhere.
    lines = [f"9497:M 30 Nov 2026 09:29:{i % 60:02d}.576 * Background saving started by pid {9500 + i}" for i in range(80)]
    assert tf.rank_search(lines) is None


def test_a_toml_file_cut_inside_its_arrays_is_still_configuration() -> None:
    # `cat pyproject.toml | tail`: arrays of tables and a long multi-line array, no `[section]` first.
    from headroom_mitm.compress import documents

    rules = "".join(f'  "R{i:03d}",   # rule {i} is handled elsewhere\n' for i in range(60))
    text = (
        '[[tool.hatch.metadata.hooks.fancy-pypi-readme.fragments]]\npath = "CHANGELOG.md"\n\n'
        '[[tool.hatch.metadata.hooks.fancy-pypi-readme.fragments]]\ntext = "## Release Information"\n\n'
        f"[tool.ruff.lint]\nselect = [\"ALL\"]\nignore = [\n{rules}]\n"
    )
    assert documents.looks_like_code_or_prose(text)
