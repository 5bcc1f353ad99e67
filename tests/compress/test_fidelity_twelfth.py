"""Fidelity rules of issue #11's twelfth pass: each test names the rule, holds for outputs never
seen, and fails without it."""

from __future__ import annotations

import json

from headroom_mitm.compress.engine import compress_text
from headroom_mitm.compress.lossless import strip_ansi
from headroom_mitm.compress.settings import CompressionSettings
from tests.compress.support import LOG, corpus_text, cut

def _corpus_lines(source: str, item_id: str) -> list[str]:
    """A real output's lines: a tuning item of the corpus."""
    return corpus_text(source, item_id).rstrip("\n").split("\n")


def test_a_json_document_on_a_line_beside_a_run_stays_whole() -> None:
    # `cargo metadata --format-version 1 --no-deps; pytest`, `terraform show -json && make test`:
    # the document is one long line the ranking of the run knows nothing of. It is the answer the
    # command printed, kept whole before or after the run, which is cut as alone.
    doc = json.dumps({"packages": [{"name": f"crate{k}", "version": f"0.{k}.1", "id": f"path+file:///w/crate{k}#0.{k}.1",
                                    "targets": [{"kind": ["lib"], "src_path": f"/w/crate{k}/src/lib.rs"}]} for k in range(30)],
                      "workspace_root": "/w", "target_directory": "/w/target"})
    run = LOG.split("\n")  # a pytest run: 3,000 passes, a failure, the summary
    for lines in ([doc, *run], [*run, doc]):
        out = cut("\n".join(lines) + "\n").split("\n")
        assert doc in out
        assert "FAILED tests/test_mod.py::test_boom - KeyError: 'x'" in out


def test_many_json_lines_are_records_not_documents() -> None:
    # A structured log (one JSON record a line) is ranked as records: its uniform lines still go.
    lines = [json.dumps({"level": 30, "time": 1733000000 + k, "msg": "request served", "path": f"/api/items/{k}",
                         "status": 200, "ms": k % 17}) for k in range(600)]
    lines.insert(300, json.dumps({"level": 50, "time": 1733000300, "msg": "upstream timed out", "path": "/api/pay",
                                  "status": 504, "ms": 30001}))
    out = cut("\n".join(lines) + "\n").split("\n")
    assert lines[300] in out and len(out) < len(lines) // 2


def test_a_log_records_closing_figures_stay_whole() -> None:
    # scrapy's "Dumping Scrapy stats:" record closes a crawl with its figures printed under it as
    # a dict, one key a line: the run's summary (statuses, errors, counts), kept whole, not sampled
    # as lines the log's records know nothing of. A real crawl's log (the corpus's, tuning part).
    lines = _corpus_lines("wide31", "wide31-scrapy-crawl-tides-info")
    start = next(i for i, x in enumerate(lines) if x.endswith("Dumping Scrapy stats:")) + 1
    figures = lines[start:next(i for i in range(start, len(lines)) if lines[i].endswith("}"))]
    assert len(figures) > 30
    out = cut("\n".join(lines) + "\n").split("\n")
    assert all(f in out for f in figures)


def test_rows_of_few_words_then_code_are_two_outputs() -> None:
    # `paste -d, hosts zones p99 && sqlite-utils schema toll.db`: the rows speak one word ("web"),
    # and the schema many: after rows of few words, code is another output. The schema is sent whole as
    # alone, and the rows are cut as a table.
    rows = ["host,zone,p99_ms"] + [f"web-{k:03d},{('eu-1', 'us-2', 'ap-9')[k % 3]},{40 + k * 7 % 31}" for k in range(600)]
    schema: list[str] = []
    for k in range(60):
        name = f"{('trips', 'plazas', 'audit', 'refunds', 'cards')[k % 5]}_{k:02d}"
        schema += [f'CREATE TABLE "{name}" (', '   "id" INTEGER PRIMARY KEY,', '   "plate" TEXT,', '   "fare" INTEGER', ");"]
        if k % 4 == 0:
            schema += [f'CREATE INDEX "idx_{name}_plate"', f'    ON "{name}" ("plate");']
    out = cut("\n".join(rows + schema) + "\n").split("\n")
    assert out[-len(schema) - 1:-1] == schema


def test_a_hierarchy_drawn_by_leading_marks_keeps_its_top_level() -> None:
    # `gcc -H`: each header the file includes itself at one dot, what that one includes at two,
    # and so on. The top level is what the file includes: it stays, the depths under it are
    # sampled. A real run's (the corpus's, tuning part), two files compiled with an error.
    lines = _corpus_lines("wide34", "wide34-gcc-H-filter3-sampler")
    tops = [x for x in lines if x.startswith(". ")]
    out = cut("\n".join(lines) + "\n").split("\n")
    assert len(tops) >= 8 and all(t in out for t in tops)


def test_a_failures_test_id_printed_under_it_stays() -> None:
    # Twisted's trial prints each failure's traceback, then, alone between a blank line and the
    # next rule, the id of the test it failed in. A real run's (the corpus's, tuning part).
    lines = _corpus_lines("wide34", "wide34-trial-tidelog-echo-exit")
    ids = [lines[k - 1] for k in range(2, len(lines)) if lines[k].startswith("=" * 20) and not lines[k - 2].strip()
           and lines[k - 1].startswith("tests_trial.")]
    out = cut("\n".join(lines) + "\n").split("\n")
    assert len(ids) >= 5 and all(x in out for x in ids)


def test_a_trees_entries_keep_their_rare_field_values() -> None:
    # `npx license-checker`: each package a tree entry with its fields one level under it. A
    # licence few packages hold is the anomaly a question asks about: it stays, with its package.
    lines, rare = [], []
    for k in range(120):
        name = f"pkg-{chr(97 + k % 26)}{chr(97 + k // 26)}@1.{k}.0"
        licence = {37: "PSF-2.0", 88: "BSD-2-Clause"}.get(k, "ISC" if k % 9 == 0 else "MIT")
        entry = [f"├─ {name}", f"│  ├─ licenses: {licence}", f"│  ├─ repository: https://github.com/example/{name.split('@')[0]}",
                 f"│  ├─ publisher: Dev {k}", f"│  ├─ path: /srv/app/node_modules/{name.split('@')[0]}",
                 f"│  └─ licenseFile: /srv/app/node_modules/{name.split('@')[0]}/LICENSE"]
        if k in (37, 88):
            rare += entry[:2]
        lines += entry
    out = cut("\n".join(lines) + "\n").split("\n")
    assert all(x in out for x in rare)


def test_lines_the_colours_set_apart_survive_sampling() -> None:
    # `icdiff a.csv b.csv`: a side-by-side diff that says which rows changed by colour alone
    # (every row's line numbers grey, a changed cell red or green). The clean-up removes the
    # colours; the rows they set apart were read before it, and stay as anomalies.
    grey, red, green, off = "\x1b[0;37m", "\x1b[1;31m", "\x1b[1;32m", "\x1b[m"
    rows, changed = [], []
    for k in range(400):
        left = f"{k:04d},Cabane {k % 37},{2 + k % 5},summer,{300 + k * 7 % 500}"
        right = left
        if k % 57 == 20:
            right = left.rsplit(",", 1)[0] + f",{red}{999 - k}{off}"
            changed.append(f"{grey}{k + 1:>4}{off} {left:<60}{grey}{k + 1:>4}{off} {right}")
            rows.append(changed[-1])
        else:
            rows.append(f"{grey}{k + 1:>4}{off} {left:<60}{grey}{k + 1:>4}{off} {right}")
    text = f"{green}bookings_v1.csv{off}{' ' * 50}{green}bookings_v2.csv{off}\n" + "\n".join(rows) + "\n"
    out = cut(text).split("\n")
    plain = [strip_ansi(x).rstrip() for x in changed]
    assert len(plain) == 7 and all(x in out for x in plain)


def test_a_diff_in_the_normal_format_is_sent_whole() -> None:
    # `diff <(xxd a) <(xxd b)`, `diff old.csv new.csv`: without -u a diff has no context lines,
    # every line under its "23,27c23,27" header is a change. Nothing of it is left out.
    lines = []
    for k in range(150):
        at = 10 + k * 20
        lines += [f"{at},{at + 1}c{at},{at + 1}", f"< {at * 16:08x}: 903b 0000 0000 {k:04x}  .;......",
                  f"< {at * 16 + 16:08x}: b805 0000 0010 {k:04x}  ........", "---",
                  f"> {at * 16:08x}: 903b 0000 0000 {k + 1:04x}  .;......", f"> {at * 16 + 16:08x}: c805 0000 0010 {k:04x}  ........"]
    text = "\n".join(lines) + "\n"
    out = compress_text(text, "bash", CompressionSettings()).rendering
    assert out.text is None or out.text == text


def test_a_loop_over_files_keeps_each_files_findings_and_closing_count() -> None:
    # `for f in site/*.html; do echo "== $f"; tidy -errors "$f"; done`: the loop's echo names the
    # file each run's findings are of (as `head`/`tail`'s "==> f <==" does), and each run closes
    # with its own counts. One of each finding's kind per file stays, and every file's closing line.
    lines, closing, first = [], [], []
    shapes = ("Warning: inserting implicit <font>", "Warning: trimming empty <font>", "Warning: <font> element removed from HTML5")
    for f in range(8):
        lines.append(f"== site/hut-{chr(97 + f)}.html")
        for k in range(60):
            lines.append(f"line {k + 3} column {k % 9 + 1} - {shapes[k % 3]}")
            if k < 3:
                first.append(lines[-1])
        closing.append(f"Tidy found {60 + f} warnings and 0 errors!")
        lines += ["Info: Document content looks like HTML5", closing[-1], ""]
    out = cut("\n".join(lines) + "\n").split("\n")
    assert all(c in out for c in closing)
    for f in range(8):  # each file's three kinds of finding
        at = out.index(f"== site/hut-{chr(97 + f)}.html")
        below = out[at + 1:]
        end = next((k for k, x in enumerate(below) if x.startswith("== ")), len(below))
        assert all(any(x.endswith(s) for x in below[:end]) for s in shapes)


def test_each_units_closing_counts_stay() -> None:
    # The same loop's real run (the corpus's, tuning part): every file's "Tidy found N warnings
    # and 0 errors!" is that file's verdict, as go's "ok  pkg" is a package's.
    lines = _corpus_lines("wide38", "wide38-tidy-errors-loop-site")
    closing = [x for x in lines if x.startswith("Tidy found ")]
    out = cut("\n".join(lines) + "\n").split("\n")
    assert len(closing) >= 5 and all(c in out for c in closing)


def test_a_unified_diff_without_gits_header_is_a_part_of_its_own() -> None:
    # `jupyter nbconvert --execute …; isort --diff .` (black's, ruff's `--diff`, `diff -u`): the diff
    # opens on "--- old" over "+++ new", without git's "diff --git". It is a part of its own beside
    # the run, each file's header and change kept. Real outputs (the corpus's, tuning part).
    run = _corpus_lines("wide21", "wide21-nbconvert-execute-error")
    diff = _corpus_lines("fresh", "fresh-isort-13")
    out = cut("\n".join(run + diff) + "\n").split("\n")
    headers = [x for x in diff if x.startswith(("--- ", "+++ "))]
    assert len(headers) >= 10 and all(x in out for x in headers)


def test_a_document_before_a_crash_is_a_part_of_its_own() -> None:
    # `pydoc more_itertools.recipes; python batch.py`, `cat app.py; python app.py`: a document or
    # code, then a run whose first report is a traceback. The document is sent whole, as alone.
    # Real outputs (the corpus's, tuning part).
    doc = _corpus_lines("wide9b", "wide9b-pydoc-more-itertools-recipes")
    run = _corpus_lines("wide25", "wide25-pydantic-trip-batch")
    out = cut("\n".join(doc + run) + "\n").split("\n")
    kept = set(out)
    assert all(x.rstrip() in kept for x in doc)


def test_a_runs_closing_count_ends_its_part() -> None:
    # `squawk migrations/*.sql; ls -li --full-time /etc`: the linter closes with its count ("Found
    # 44 issues in 4 files"); what follows speaks other words, another output, ranked as alone (its
    # rows' extremes and rare values), however alike the leads. Real outputs (the corpus's, tuning part).
    report = _corpus_lines("wide24", "wide24-squawk-migrations")
    listing = _corpus_lines("wide12", "wide12-ls-li-full-time-etc")
    alone = compress_text("\n".join(listing) + "\n", "bash", CompressionSettings()).rendering.text
    kept_alone = set(listing if alone is None else alone.split("\n"))
    out = set(cut("\n".join(report + listing) + "\n").split("\n"))
    assert {x.rstrip() for x in listing if x in kept_alone} <= out


def test_declarations_of_fields_are_code() -> None:
    # `sqlacodegen sqlite:///db.sqlite3 | head -n 150`, `cat models.py`: classes whose bodies are
    # annotated fields (`    id: Mapped[int] = mapped_column(…)`, a dataclass's, a pydantic
    # model's) read as "key:" lines, but they are source the model asked to read: never cut.
    # A real run's (the corpus's, tuning part).
    text = "\n".join(_corpus_lines("wide41", "wide41-sqlacodegen-django-db-head")) + "\n"
    assert compress_text(text, "bash", CompressionSettings()).rendering.retrieve_id is None  # nothing left out


def test_titles_closing_on_their_items_count_are_an_outline() -> None:
    # `sqlite-utils analyze-tables db.sqlite3`: each column's report under a flush-left title that
    # closes on its count, "django_migrations.app: (2/75)", over a blank line and indented figures.
    # The titles are the outline: they stay, the figures under them are sampled. A real run's.
    lines = _corpus_lines("wide41", "wide41-sqlite-utils-analyze-django-db")
    titles = [x for x in lines if x.endswith("/75)")]
    out = cut("\n".join(lines) + "\n").split("\n")
    assert len(titles) == 75 and all(t in out for t in titles)
