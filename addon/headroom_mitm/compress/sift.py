"""Which lossy transform a block gets, decided from its text (the tool name only hints), and the
line-oriented ones run through one ranking and one selection.

Order: JSON documents; git; search results; code and prose (never lossy); then any other
line-oriented output, where what a log's lines report and what a table's rows hold are ranked
together, the more important rank winning. A chained output (segments.py) is ranked part by part,
each part as it would be alone, and its lines chosen under one budget.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass

from . import lines as ln
from .lineindex import LineIndex, count_matches
from . import anomalies, boxes, columns, counters, counts, coverage, debuggers, documents, drawings, durations, events, fields, gutter, histories, logs, measures, opaque, outline, owncode, segments, shares, tables, trajectories, verdicts
from . import structured as st
from . import transforms as tf
from .explain import keep_first_explanations
from .gitgraph import ungraphed
from .lossless import looks_json
from .records import keep_named_inputs, keep_rare_fields, keep_record_openers, rank_records
from .rows import rank_rows
from .select import HIGH, LOW, MUST, NORMAL, choose, render
from .settings import CompressionSettings


def _merge(log_rank: list[int] | None, row_rank: list[int] | None) -> list[int]:
    if log_rank is None:
        return row_rank or []
    if row_rank is None:
        return log_rank
    # A passing line stays among the first to go unless its row is an anomaly.
    return [lr if (lr == LOW and rr >= NORMAL) or lr < rr else rr for lr, rr in zip(log_rank, row_rank)]  # min() inlined


# A compiler's or linter's finding: a level or a code right after the place, or a place with a
# column and one space (grep prints a column only when asked to, and `rg --vimgrep` the source line
# as it is indented; checkers print one space and their message).
_FINDING = re.compile(
    r"^\S+?(?::\d+(?::\d+)?|\(\d+,\d+\)):?\s*(?:error|warning|note|fatal|info|[A-Z]{1,4}\d{2,5}\b)|^\S+?:\d+:\d+: \S",
    re.I,
)


# "path:line: message" without a level or column: a finding when one message recurs across files
# (a checker's template: "unused import 'x'", "recieve ==> receive"). grep prints the source line
# right after the colon, as it is indented, never as ": " and a word.
_PLACED_MESSAGE = re.compile(r"^(\S+?):\d+: (\S.*)")


def _diagnostic_share(lines: list[str]) -> float:
    sample = [x for x in lines[:200] if x.strip()]
    # Both patterns need a ":" or "(" in the line's first word, the place it leads with: other
    # lines are not tried (a log's stamp "2024-01-02 10:00:01" holds its ":" in the second).
    marked = [x for x in sample if (":" in x or "(" in x) and not x[:1].isspace() and (":" in (w := x.split(None, 1)[0]) or "(" in w)]
    found = count_matches(_FINDING, marked)
    files_of: dict[str, set[str]] = {}
    placed = [(ln.shape(m.group(2)), m.group(1)) for m in map(_PLACED_MESSAGE.match, marked) if m]
    for message, path in placed:
        files_of.setdefault(message, set()).add(path)
    shared = sum(1 for message, _ in placed if len(files_of[message]) > 1)
    return max(found, shared) / max(1, len(sample))


@dataclass
class _Shape:
    name: str
    rank: list[int]
    ranked: logs.Ranking | None  # a log's ranking: its units, file headers and dropped warnings


def _rank_shape(text: str, index: LineIndex, s: CompressionSettings) -> _Shape | None | bool:
    """How much each line of a text of one shape matters; False when the text is code or prose
    or otherwise never cut, None when no line-oriented shape fits."""
    lines = index.lines
    ranked: logs.Ranking | None = None
    records: list[int] | None = None
    if drawings.looks_like_drawing(text):
        return False  # a picture: a cut middle breaks it
    if documents.rendered_page(text):
        return False  # a web page the model fetched, rendered as text: a document
    if st.looks_git(text) and s.transform_enabled("git_output"):
        name, rank = "git_output", st.rank_git(lines)
    elif (plain := ungraphed(lines)) is not None and s.transform_enabled("git_output"):
        name, rank = "git_output", st.rank_git(plain)
    elif st.looks_blame(lines) and s.transform_enabled("git_blame"):
        name, rank = "git_blame", st.rank_blame(lines)
    elif s.transform_enabled("vcs_history") and (history := histories.rank_history(lines)) is not None:
        name, rank = "vcs_history", history
    elif st.commit_list(lines):
        return False  # every line a commit the model may name
    elif st.normal_diff(lines) or st.change_list(lines):
        return False  # a diff without context: every line is a change
    elif s.transform_enabled("table_rows") and (changes := st.rank_table_diff(lines)) is not None:
        name, rank = "table_rows", changes
    elif (
        s.transform_enabled("search_results")
        and _diagnostic_share(lines) < 0.2  # compiler and linter lines look like grep hits
        and (found := tf.rank_search(lines, s.search_room(len(text)))) is not None
    ):
        name, rank = "search_results", found
    elif s.transform_enabled("search_results") and (found := counts.rank_counts(lines)) is not None:
        name, rank = "search_results", found
    elif tables.settings_dump(lines):
        return False  # every line a setting the model may ask about
    elif (
        not tables.delimited(lines)
        and not logs.stamped(lines)
        and (records := rank_records(lines, index.text)) is None
        and documents.looks_like_code_or_prose(text)
        and not _json_lines(text)  # a stream of records (`go test -json`) is data, whatever its braces
    ):
        return False  # what the model asked to read is never cut (CSV/TSV, stamped and multi-line records are data)
    else:
        rows = rank_rows(lines) if records is None else ("table_rows", records)
        # A table's rows each name their thing: they are sampled by the table's own rules.
        # Failures are all kept: past this share of the text no cut saves enough.
        whole_at = (1.0 - s.min_saving_ratio) * len(text)
        ranked = logs.rank_lines(lines, index, rows is None, whole_at) if s.transform_enabled("log_output") else None
        if ranked is not None:
            keep_first_explanations(index, ranked.rank)
        if records is not None and ranked is not None:
            # Whole records are the rows sampled: of the log's ranks only what must stay counts
            # (a field's value on one line is no one-off line of a repetitive output).
            ranked.rank[:] = [MUST if r == MUST else NORMAL for r in ranked.rank]
        if rows is not None and rows[1] is None:
            return False  # a short list of paths is the answer itself
        if rows is not None and not s.transform_enabled(rows[0]):
            rows = None
        if ranked is None and rows is None:
            return None
        name = rows[0] if rows is not None else "log_output"
        rank = _merge(ranked.rank if ranked else None, rows[1] if rows is not None else None)
        verdicts.keep_unit_verdicts(index, rank)
        verdicts.keep_written_outputs(index, rank)
        verdicts.keep_changes(index, rank)
        verdicts.keep_phase_results(index, rank)
        verdicts.keep_totals(index, rank)
        verdicts.keep_convergence(index, rank)
        verdicts.keep_found_counts(index, rank)
        verdicts.keep_resets(index, rank)
        verdicts.keep_improvements(index, rank)
        columns.keep_column_titles(index, rank)
        durations.keep_duration_extremes(index, rank)
        shares.keep_large_shares(index, rank)
        fields.keep_field_anomalies(index, rank)
        counters.keep_failure_counters(index, rank)
        coverage.keep_unrun_lines(index, rank)
        coverage.keep_uncovered_rows(index, rank)
        st.keep_commit_lines(index.lines, rank)
        outline.keep_outline_headers(index, rank)
        outline.keep_depth_tops(index, rank)
        outline.keep_tree_roots(index, rank)
        outline.keep_section_titles(index, rank)
        outline.keep_numbered_headings(index, rank)
        outline.keep_member_headers(index, rank)
        outline.keep_block_titles(index, rank)
        owncode.keep_own_files(index, rank)
        tf.keep_numbered_matches(index, rank)
        keep_named_inputs(index, rank)
        boxes.keep_small_boxes(index, rank)
        measures.keep_small_tables(index, rank)
        measures.keep_column_extremes(index, rank)
        measures.keep_benchmark_results(index, rank)
        trajectories.keep_trajectory_ends(index, rank)
        trajectories.keep_counted_run_ends(index, rank)
        if records is None:
            keep_record_openers(index, rank)
            keep_rare_fields(index, rank)
        opaque.drop_first_opaque(index, rank)
    return _Shape(name, rank, ranked)


def _shift(r: logs.Ranking, by: int) -> logs.Ranking:
    """A part's log ranking, its line numbers counted from the whole text's first line."""
    return logs.Ranking(
        r.rank,
        {i + by: range(u.start + by, u.stop + by) for i, u in r.units.items()},
        {i + by: code for i, code in r.dropped.items()},
        [i + by for i in r.sections],
    )


# What a run of one kind must be ranked as when it stands alone to be a part of its own (a run of
# markup that is a log's lines is no document).
_RUN_SHAPES = {
    "git": ("git_output",), "blame": ("git_blame",), "commit": ("whole",), "markup": ("whole",), "json": ("whole",),
    "perms": ("table_rows",), "tree": ("table_rows",), "status": ("whole", "table_rows", "log_output"),
}  # fmt: skip


def _chained(index: LineIndex, s: CompressionSettings) -> list[tuple[int, int, _Shape | bool]] | None:
    """The parts of a chained output, each with the ranking it gets when it stands alone (False:
    never cut); None when it is of one shape (the text is then ranked whole, as before). The runs
    segments.runs finds are parts when they are ranked as what they look like; the lines between
    them are parts too, cut where segments.shifts finds their shape changes. A part too short to
    have a shape goes with the one before it (the first with the next); neighbours of one shape are
    ranked together; a part that alone would be sent whole (too small, saving too little, of no
    line-oriented shape) is kept whole."""
    lines = index.lines

    def ranked(a: int, b: int) -> _Shape | bool | None:
        part = "\n".join(lines[a:b])
        return _rank_shape(part, LineIndex(part), s) if b - a >= segments.MIN_LINES else None

    def between(a: int, b: int) -> _Shape | bool | None:
        """The lines between runs: of no line-oriented shape they are sent as they are (as alone:
        nothing of them cut), and so is a JSON document on a line or a few."""
        shape = ranked(a, b)
        if shape is None and (b - a >= segments.MIN_LINES or looks_json("\n".join(lines[a:b]).strip())):
            return False
        return shape

    n = len(lines)
    found = segments.runs(index)
    cuts = sorted({*segments.shifts(lines), *_document_before_a_report(index), *_after_a_closing_count(index)})
    if not cuts and (not found or (
        len(found) == 1
        and found[0][0] + n - found[0][1] < segments.MIN_LINES
        and len(index.text) - sum(map(len, lines[found[0][0] : found[0][1]])) < s.min_lossy_chars
    )):
        return None  # one run and too little around it for another shape: ranked whole, once
    # (first, end, ranking, key): a run's key is its kind (a tree beside an ls -l table is
    # another part though both are rows), the lines between runs are keyed by their ranking.
    parts: list[tuple[int, int, _Shape | bool | None, str | None]] = []

    def add_between(at: int, a: int) -> None:
        """The lines from at to a, cut where their shape changes (segments.shifts)."""
        edges = [at, *(c for c in cuts if at + segments.MIN_LINES <= c <= a - segments.MIN_LINES), a]
        for x, y in zip(edges, edges[1:]):
            rest = between(x, y)
            # Two outputs of a kind cut apart by their shape are two parts (two tables' columns)
            key = f"{_kind(rest)} {x}" if len(edges) > 2 and isinstance(rest, _Shape) else _kind(rest)
            parts.append((x, y, rest, key))

    for a, b, kind in found:
        shape = ranked(a, b)
        if _kind(shape) in _RUN_SHAPES[kind]:
            at = parts[-1][1] if parts else 0
            if at < a:
                add_between(at, a)
            parts.append((a, b, shape, "whole" if shape is False else kind))  # all kept is all kept
    if not parts and not cuts:
        return None
    if not parts or parts[-1][1] < n:
        add_between(parts[-1][1] if parts else 0, n)
    groups: list[list[tuple[int, int, _Shape | bool | None, str | None]]] = []
    for part in parts:
        keys = [p[3] for p in groups[-1] if p[3] is not None] if groups else []
        if groups and (part[3] is None or not keys or keys[0] == part[3]):
            groups[-1].append(part)
        else:
            groups.append([part])
    if len(groups) < 2:
        return None
    chain: list[tuple[int, int, _Shape | bool]] = []
    for g in groups:
        a, b = g[0][0], g[-1][1]
        shape = g[0][2] if len(g) == 1 else ranked(a, b)
        if shape is None:
            shape = False  # of no line-oriented shape together: sent as it is, as alone
        if isinstance(shape, _Shape) and not _worth_cutting(lines[a:b], shape, s):
            shape = False  # kept whole, as it would be alone
        chain.append((a, b, shape))
    return chain


# A report's section banner at a line's start, found in one C-level scan of the text.
_BANNER_LINE = re.compile(r"\n(?:={6,}|_{6,}) \S[^\n]* (?:={6,}|_{6,})(?=\n|$)")


def _document_before_a_report(index: LineIndex) -> list[int]:
    """Where a report's first banner ("==== ERRORS ====") or a crash's first traceback follows a
    document or code printed before the run (`head README.md && pytest`, `cat app.py; python
    app.py`): the run is a part apart, however alike the leads on either side. Lines before it
    that hold a logged record are no document (a log's dump of settings reads as code)."""
    # The banner's run after its newline is looked for first by the automaton (~1 µs per 50 KB),
    # the pattern only where one is: its search tried every newline.
    ruled = index.holds("\n======") or index.holds("\n______")
    m = _BANNER_LINE.search(index.text) if ruled else None
    at = index.text.find("\n" + ln.TRACEBACK)
    starts = [x for x in (None if m is None else m.start(), None if at == -1 else at) if x is not None]
    if not starts:
        return []
    i = index.line_of(min(starts) + 1)
    before = index.lines[:i]
    if i >= segments.MIN_LINES and not logs.any_stamped(before) and documents.looks_like_code_or_prose("\n".join(before)):
        return [i]
    return []


# A run's closing count ("Found 44 issues in 4 files", "Tests: 3 failed, 41 passed, 44 total",
# "2 failed, 41 passed in 1.02s"): its words found by the index's word scan, the count on their lines.
_COUNTED_WORDS = (" passed", " failed", " failure", " error", " issue", " problem", " warning", " test")
_CLOSING_COUNT = re.compile(r"\d (?:passed|failed|failures?|errors?|issues?|problems?|warnings?|tests?)\b")
_CLOSINGS = 6  # more are per-unit counts inside one run, not where a run ends


def _after_a_closing_count(index: LineIndex) -> list[int]:
    """Where the next output starts after a run's closing count (`jest; npx jscpd`, `squawk …;
    ls -li`): the first line after the count and its blank lines, when the lines after it speak
    other words (segments.shifts finds only changes of leads)."""
    lines = index.lines
    n = len(lines)
    found: list[int] = []
    for i in sorted(index.hits(_COUNTED_WORDS)):
        if _CLOSING_COUNT.search(lines[i]) is not None:
            found.append(i)
            if len(found) > _CLOSINGS:
                return []
    if not found:
        return []
    cuts = []
    for i in found:
        k = i + 1
        while k < n and not lines[k].strip():
            k += 1
        if segments.MIN_LINES <= i and k + segments.MIN_LINES <= n and ln.is_summary(lines[i]) and segments.other_words(lines, k):
            cuts.append(k)
    return cuts


def _worth_cutting(lines: list[str], shape: _Shape, s: CompressionSettings) -> bool:
    """Whether a part alone would be sent cut: it is large enough to be, and its own rendering saves
    enough (an output that would not is sent whole, and so is such a part of a chained one)."""
    text = "\n".join(lines)
    if len(text) < s.min_lossy_chars:
        return False
    keep = choose(lines, shape.rank, s.room(len(text)), shape.ranked.units if shape.ranked else None)
    rid = tf.retrieve_id(text)
    out, elided = render(lines, keep, tf.gap_marker(text, rid, s))
    return elided and tf.judged_length(out, rid) <= len(text) * (1.0 - s.min_saving_ratio)


def _kind(shape: _Shape | bool | None) -> str | None:
    return shape.name if isinstance(shape, _Shape) else None if shape is None else "whole"


# A line that is a JSON document by itself (`cargo metadata`, `terraform show -json`, an API's answer
# through curl), chained before or after other output. Found from its newline: one C-level scan.
_DOCUMENT = r"[ \t]*(?:\{.{78,}\}|\[.{78,}\])[ \t]*"
_DOCUMENT_LINE = re.compile(_DOCUMENT)
_DOCUMENT_AFTER_NEWLINE = re.compile(r"\n(" + _DOCUMENT + r")(?=\n|$)")
_LONE_DOCUMENTS = 3  # more are JSON Lines (a structured log, a reporter's records): ranked as lines


def _keep_documents(index: LineIndex, rank: list[int]) -> None:
    """A JSON document printed on a line of its own among other output is the answer the command
    printed: kept whole (alone it would be sent whole or outlined), never left out as a long line
    the ranking knows nothing of. A few such lines only: many are records, ranked as such."""
    found = [index.line_of(m.start(1)) for m in _DOCUMENT_AFTER_NEWLINE.finditer(index.text)]
    if index.lines and _DOCUMENT_LINE.fullmatch(index.lines[0]):
        found.insert(0, 0)
    if len(found) > _LONE_DOCUMENTS:
        return
    for i in found:
        try:
            json.loads(index.lines[i])
        except ValueError:
            continue
        rank[i] = MUST


_RECORDS_READ = 2000  # JSON Lines parsed for their odd records, at most (~5 µs a line)


def _keep_odd_records(index: LineIndex, rank: list[int], limit: int) -> None:
    """JSON Lines (`jq -c '.data.result[]'`, a structured log): the records that differ from the
    rest stay, as a JSON array's members do (anomalies.pick: a field's least and greatest value,
    a value few records hold, another shape)."""
    if len(index.lines) > _RECORDS_READ or not _json_lines(index.text):
        return
    at, records = [], []
    for i, x in enumerate(index.lines):
        if x[:1] == "{":
            try:
                records.append(json.loads(x))
            except ValueError:
                continue
            at.append(i)
    for k in anomalies.pick(records, limit):
        rank[at[k]] = MUST


def _keep_set_apart(index: LineIndex, rank: list[int], marked: frozenset[str], s: CompressionSettings) -> None:
    """What no shape's ranking knows of but the output set apart: a JSON document on a line of
    its own stays (_keep_documents), and so do the odd records of JSON Lines (_keep_odd_records);
    the lines the terminal's colours set apart (colours.marked_lines) are anomalies, HIGH unless
    ranked higher. What a report lists under a title, a prover's proof, a failed event's
    records, a stack dump's threads and a debugger's variables are read on the whole text: a
    chained output's parts may part them from their title."""
    _keep_documents(index, rank)
    _keep_odd_records(index, rank, s.json_max_anomalies)
    verdicts.keep_titled_findings(index, rank)
    verdicts.keep_prover_results(index, rank)
    verdicts.keep_marked_rows(index, rank)
    events.keep_event_records(index, rank)
    debuggers.keep_thread_headers(index, rank)
    debuggers.keep_printed_variables(index, rank)
    if marked:
        for i, x in enumerate(index.lines):
            if x in marked and rank[i] > HIGH:
                rank[i] = HIGH


# Shapes cut by rank (a log's lines, a table's rows), with no structure that says what a part is:
# where no line reports a failure or warning either, they need a larger output
# (CompressionSettings.min_ranked_chars).
_RANKED = frozenset({"log_output", "table_rows"})


def _line_lossy(
    text: str, index: LineIndex, s: CompressionSettings, marked: frozenset[str] = frozenset()
) -> tuple[str, tf.LossyResult] | None | bool:
    """(name, result); False when the text is code or prose, or of a known shape with nothing
    worth leaving out; None when no line-oriented shape fits. `index`: the text's. `marked`: lines
    the terminal's colours set apart (colours.marked_lines), lifted as anomalies."""
    lines = index.lines
    if len(lines) < 12:
        return None
    # Lines are ranked and chosen by what they say behind a gutter they all carry (the gutter takes
    # no room: a relayed output keeps the lines it would keep bare), and kept as they are.
    seen = text
    if (found := gutter.widths(lines)) is not None:
        seen = gutter.read_past(lines, found)
        if len(seen) < s.min_lossy_chars:
            return False  # too small to cut bare: its gutter is no reason to
        index = LineIndex(seen)
    whole = _rank_shape(seen, index, s)
    # Code, prose or a commit list as a whole is never cut, whatever follows it: not looked into.
    chain = _chained(index, s) if whole is not False else None
    if chain is not None:
        rank: list[int] = []
        units: dict[int, range] = {}
        sections: list[int] = []
        logs_of: list[logs.Ranking] = []
        size: dict[str, int] = {}
        for a, b, shape in chain:
            if isinstance(shape, _Shape):
                rank += shape.rank
                size[shape.name] = size.get(shape.name, 0) + b - a
                if shape.ranked is not None:
                    logs_of.append(_shift(shape.ranked, a))
                    units.update(logs_of[-1].units)
                    sections += logs_of[-1].sections
            else:
                rank += [MUST] * (b - a)
        if not size:
            return False
        name = max(size, key=lambda k: size[k])
        told = any(not r.quiet for r in logs_of)
        _keep_set_apart(index, rank, marked, s)
        keep = choose(index.lines, rank, s.room(len(seen)), units)
        logs.keep_section_headers(index.lines, keep, sections)
        notes = [logs.left_out_note(r, keep) for r in logs_of]
        note = "\n".join(x for x in notes if x) or None
    else:
        if not isinstance(whole, _Shape):
            return whole
        name, ranked = whole.name, whole.ranked
        told = ranked is not None and not ranked.quiet
        room = s.room(len(seen))
        if name == "log_output" and ranked is not None and ranked.quiet:
            room *= 2
        # A table's uniform middle says least: its rows get at most half the room, the rows that
        # stand out, the head and the tail first (tune: table 58.6% -> 60.1% saved, no needle lost).
        middle = room // 2 if name == "table_rows" else None
        rank = list(whole.rank)
        _keep_set_apart(index, rank, marked, s)
        keep = choose(index.lines, rank, room, ranked.units if ranked else None, middle)
        if ranked is not None:
            logs.keep_section_headers(index.lines, keep, ranked.sections)
        note = logs.left_out_note(ranked, keep) if ranked is not None else None
    if name in _RANKED and not told and len(seen) < s.min_ranked_chars:
        return False
    rid = tf.retrieve_id(text)
    out, elided = render(lines, keep, tf.gap_marker(text, rid, s), index.lines)
    if not elided:
        return False
    if found is not None:
        # Cut only where the bare output would be: the gutters of the lines left out are no saving.
        bare, _ = render(index.lines, keep, tf.gap_marker(seen, rid, s))
        if tf.judged_length(bare, rid) > len(seen) * (1.0 - s.min_saving_ratio):
            return False
    if note:
        end = "\n" if out.endswith("\n") else ""
        out = out.rstrip("\n") + "\n" + note + end
    return name, tf.LossyResult(out, text, rid)


def _json_lines(text: str) -> bool:
    """One JSON object or array per line (judged on the first and last lines): a stream of
    records, not one document."""
    lines = text.split("\n", 40)[:40] + text.rsplit("\n", 40)[-40:]
    lines = [x.strip() for x in lines if x.strip()]
    return len(lines) >= 10 and all(looks_json(x) for x in lines)


def _parses(text: str) -> bool:
    """Whether a text framed as JSON is JSON: a log whose first line opens with a bracketed stamp
    ("[11/30/26 10:00:00] INFO …") and whose last ends with one ("… input_type=str]") is not."""
    try:
        json.loads(text)
    except (ValueError, RecursionError):
        return False
    return True


def lossy_candidates(
    text: str, tool: str, s: CompressionSettings, marked: frozenset[str] = frozenset()
) -> list[tuple[str, tf.LossyResult]]:
    """The lossy renderings that fit this text's shape (at most one per shape); `marked`: as
    _line_lossy."""
    found: list[tuple[str, tf.LossyResult]] = []
    bs = text.strip()
    framed = looks_json(bs) or (bs[-1:] in ("]", "}") and st.split_json_preamble(text) is not None)
    # A document followed by a few lines is one only if it parses: otherwise read as lines.
    if framed or st.split_json_epilogue(text) is not None:
        if s.transform_enabled("json_outline"):
            res = st.json_outline(text, s)
            if res is not None:
                found.append(("json_outline", res))
        if found or (framed and not _json_lines(bs) and _parses(bs)):
            return found  # a JSON document with nothing worth leaving out is sent whole
        # JSON Lines (structured logs, `-O json` reporters): one record a line, read as lines
    index = LineIndex(text)  # split once for both searches
    line = _line_lossy(text, index, s, marked)
    if line:
        found.append(line)
    if s.transform_enabled("long_json_strings") and (res := st.long_json_strings(index.lines, s)) is not None:
        found.append(("long_json_strings", res))
    # Whatever its shape, even one never cut, a block of lines repeated is sent once: this loses
    # nothing, and is chosen when it is smaller than the shape's cut.
    if s.transform_enabled("repeated_blocks") and (res := tf.refer_repeated_blocks(text, s, index.lines)) is not None:
        found.append(("repeated_blocks", res))
    if line is None and s.transform_enabled("dedupe_lines"):
        res = tf.dedupe_lines(text, s)
        if res is not None:
            found.append(("dedupe_lines", res))
    return found
