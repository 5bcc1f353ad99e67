"""Documents the model asked to read are never cut (principle 4): manual pages, pydoc pages and
source whose docstrings outweigh its code, each written here as the tools print them."""

from __future__ import annotations

from headroom_mitm.compress import CompressionSettings, documents
from headroom_mitm.compress.engine import compress_text

S = CompressionSettings()

_OPTION = """       --{name}
              Make  the  {name}  step  verbose  and  write  every  member it visits to the standard
              output, one per line, unless the archive was opened with --quiet.
"""


def _man_page() -> str:
    options = "".join(_OPTION.format(name=f"opt{i}") for i in range(60))
    return (
        "ARCH(1)                        General Commands Manual                        ARCH(1)\n\n"
        "NAME\n       arch - keep files together in one archive\n\n"
        "SYNOPSIS\n       arch [-c|-x|-t] [-f ARCHIVE] [OPTIONS] [FILE...]\n\n"
        "DESCRIPTION\n       Arch  stores  many  files  together  in  a single archive, and can restore\n"
        "       individual files from the archive.  The first option names the operation.\n\n"
        f"OPTIONS\n{options}\n"
        "RETURN VALUE\n       Arch's exit code tells whether the operation succeeded.\n\n"
        "SEE ALSO\n       tar(1), cpio(1)\n"
    )


def _pydoc_page() -> str:
    funcs = "".join(
        f"    step{i}(iterable, n=None)\n"
        f"        Advance *iterable* by *n* steps, the {i}th recipe of the collection.\n"
        "        \n"
        "            >>> it = iter(range(3))\n"
        f"            >>> step{i}(it, 5)\n"
        "            >>> next(it)\n"
        "            Traceback (most recent call last):\n"
        '              File "<stdin>", line 1, in <module>\n'
        "            StopIteration\n"
        "    \n"
        for i in range(30)
    )
    return (
        "Help on module recipes in tools:\n\nNAME\n    tools.recipes - Recipes for iterators.\n\n"
        "DESCRIPTION\n    Functions taken from the recipes of the documentation.\n\n"
        f"FUNCTIONS\n{funcs}\nDATA\n    __all__ = ['step0', 'step1']\n\nFILE\n    /usr/lib/tools/recipes.py\n"
    )


def _docstring_heavy_source() -> str:
    # Two spaces after a sentence's end, as many docstrings and GNU texts are written.
    doc = "\n".join(
        f"        The interval applies to a datetime.  It sets field {i}\n"
        f"        of it, or is added to it.  Argument {i} is a plural word."
        for i in range(60)
    )
    return (
        "import datetime\nimport calendar\n\n\nclass interval(object):\n"
        f'    """\n{doc}\n    """\n\n'
        "    def __init__(self, dt1=None, dt2=None,\n                 years=0, months=0):\n"
        "        self.years = years\n        self.months = months\n"
    )


def test_manual_and_pydoc_pages_and_docstring_heavy_source_are_documents() -> None:
    for text in (_man_page(), _pydoc_page(), _docstring_heavy_source()):
        assert documents.looks_like_code_or_prose(text)
        out = compress_text(text, "bash", S).rendering
        assert out.retrieve_id is None, text[:40]


def test_indented_titled_report_with_a_crash_is_not_a_manual() -> None:
    # A flush-left traceback is a crash, whatever else the text looks like.
    crash = "Traceback (most recent call last):\n" + _pydoc_page().replace("Help on", "help on")
    assert documents.looks_like_code_or_prose(_pydoc_page())
    assert not documents.looks_like_code_or_prose(crash)


def test_a_stream_of_json_records_is_data_not_code() -> None:
    # `go test -json`: every line a record closed by a brace, as code lines are; the passing
    # tests' records are what goes.
    records = []
    for i in range(120):
        name = f"TestCase{i:03d}"
        records.append(f'{{"Time":"2026-11-30T16:13:38.{i:06d}Z","Action":"run","Package":"example.org/m/url","Test":"{name}"}}')
        records.append(f'{{"Time":"2026-11-30T16:13:38.{i:06d}Z","Action":"output","Package":"example.org/m/url","Test":"{name}","Output":"--- PASS: {name} (0.00s)\\n"}}')
        records.append(f'{{"Time":"2026-11-30T16:13:38.{i:06d}Z","Action":"pass","Package":"example.org/m/url","Test":"{name}","Elapsed":0}}')
    failing = '{"Time":"2026-11-30T16:13:39.000000Z","Action":"output","Package":"example.org/m/url","Test":"TestParse","Output":"    url_test.go:661: Parse(\\"http://[fe80::1]/\\") returned error\\n"}'
    text = "\n".join(records[:180] + [failing] + records[180:]) + "\n"
    out = compress_text(text, "bash", S).rendering
    assert out.retrieve_id is not None and failing in out.text


def test_a_json_document_between_a_tool_s_lines_is_outlined_and_its_last_lines_stay() -> None:
    # `npm ls --json` with problems: error lines before the document and one after it.
    deps = ",\n".join(
        f'    "pkg-{i:03d}": {{\n      "version": "1.{i}.0",\n      "resolved": "https://registry.example/pkg-{i:03d}-1.{i}.0.tgz"\n    }}'
        for i in range(150)
    )
    doc = f'{{\n  "name": "report-api",\n  "dependencies": {{\n{deps}\n  }}\n}}\n'
    last = "npm error A complete log of this run can be found in: /root/.npm/_logs/debug-0.log\n"
    text = "npm error code ELSPROBLEMS\nnpm error missing: ms@^2.1.3, required by report-api@1.2.0\n" + doc + last
    out = compress_text(text, "bash", S).rendering
    assert out.transforms[-1] == "json_outline"
    assert out.text.startswith("npm error code ELSPROBLEMS\n") and out.text.endswith(last)


def test_a_logfmt_log_is_a_log_not_configuration() -> None:
    # Every line reads `key=value …` as an env file does; its first field is the record's stamp.
    lines = [
        f'time=2025-11-30T08:{i // 60:02d}:{i % 60:02d}.904Z level=info msg="request served" method=GET '
        f"route=/v1/quotes/:id status=200 dur_ms={5 + i % 37} req_id={i:06x}"
        for i in range(400)
    ]
    error = ('time=2025-11-30T08:08:53.066Z level=error msg="upstream request failed" upstream=rates-api '
             'err="dial tcp 127.0.0.1:9400: connect: connection refused" req_id=00021c')
    text = "\n".join(lines[:200] + [error] + lines[200:]) + "\n"
    out = compress_text(text, "bash", S).rendering
    assert out.retrieve_id is not None and error in out.text and len(out.text) < len(text) / 4


def _kept_whole(text: str) -> bool:
    return compress_text(text, "bash", S).rendering.retrieve_id is None


def test_a_file_shown_with_its_line_numbers_is_still_code() -> None:
    body = "\n".join(
        f"def handler_{i}(request, *, retries: int = 3) -> Response:\n    return dispatch(request, retries)\n"
        for i in range(80)
    ).split("\n")
    for fmt in ("{n:6d}\t{line}", "{n:5d} {line}", "{n:4d} │ {line}"):
        text = "\n".join(fmt.format(n=n, line=line) for n, line in enumerate(body, 1)) + "\n"
        assert documents.looks_like_code_or_prose(text) and _kept_whole(text), fmt


def test_an_ini_file_with_semicolon_comments_is_configuration() -> None:
    blocks = "".join(
        f"; Section {i} settings\n; max_time_{i}\n;   Default Value: {30 + i}\n;   Development Value: {60 + i}\n"
        f";   Production Value: {30 + i}\n; https://example.org/ini.{i}\n"
        f"max_time_{i} = {30 + i}\n\n"
        for i in range(40)
    )
    text = "[Engine]\n\n" + blocks
    assert documents.looks_like_code_or_prose(text) and _kept_whole(text)


def test_a_yarn_lockfile_is_configuration() -> None:
    entries = "".join(
        f'{name}@^{i}.1.0, {name}@~{i}.1.2:\n  version "{i}.1.4"\n'
        f'  resolved "https://registry.example/{name}/-/{name}-{i}.1.4.tgz#0bf0be125b67014adcb0b0921e62db7bffe16b2e"\n'
        f"  integrity sha512-PYAthTa2m2VKxuvSD3DPC/Gy+U+sOA1LAuT8mkmRuvw+NACSaeXEQ+NHcVF7rONl6qc==\n"
        f'  dependencies:\n    mime-types "~2.1.34"\n\n'
        for i, name in enumerate(f"pkg-{k:03d}" for k in range(80))
    )
    text = "# THIS IS AN AUTOGENERATED FILE. DO NOT EDIT THIS FILE DIRECTLY.\n# yarn lockfile v1\n\n\n" + entries
    assert documents.looks_like_code_or_prose(text) and _kept_whole(text)


def test_a_commit_list_with_tab_separated_fields_is_kept_whole() -> None:
    # git log --format='%h%x09%an%x09%ad%x09%s': every line a commit the model may name.
    text = "".join(
        f"{(0x5ad1c25 + 7919 * i) % 0xfffffff:07x}\tAda Dev\t2025-11-{1 + i % 28:02d}T08:00:00+00:00\tFix case {i} in the exporter (#{100 + i})\n"
        for i in range(120)
    )
    assert _kept_whole(text)


def _readme_with_a_grid_table(lines: int) -> str:
    # A README in reStructuredText: titles underlined, directives with their indented blocks, and a
    # grid table of links that is most of the file's first lines.
    rows = "".join(
        f"| Group {g:<10}| `item{g}_{k} <https://docs.example.org/api.html#pkg.item{g}_{k}>`_,{' ' * 20}|\n"
        for g in range(lines // 8) for k in range(8)
    )
    rule = "+" + "-" * 17 + "+" + "-" * 80 + "+\n"
    return (
        "==========\nMore Tools\n==========\n\n"
        ".. image:: https://docs.example.org/badge.svg\n  :target: https://docs.example.org/\n\n"
        "A library of building blocks for iterables.  It collects recipes\nand routines of everyday use.\n\n"
        + rule + rows + rule
        + "\nGetting started\n===============\n\nInstall the library with pip:\n\n"
        ".. code-block:: shell\n\n    pip install more-tools\n\n"
        "The recipes are included in the top-level package::\n\n"
        "    >>> from more_tools import flatten\n    >>> list(flatten([(0, 1), (2, 3)]))\n    [0, 1, 2, 3]\n\n"
        "Development\n-----------\n\nFile a bug or a pull request in this repository.\n\n"
        "Version History\n---------------\n\nSee the documentation.\n"
    )


def test_a_readme_whose_first_lines_are_a_grid_table_is_a_document() -> None:
    text = _readme_with_a_grid_table(160)
    assert documents.looks_like_code_or_prose(text) and _kept_whole(text)


def test_a_bordered_result_table_alone_is_still_data() -> None:
    # A MySQL client's result: the same borders, rows of values and no document around them.
    rule = "+------+----------------------+---------+---------------------+\n"
    rows = "".join(f"| {i:4d} | customer-{i:05d}@example.org | {'active' if i % 17 else 'locked'} | 2026-11-{1 + i % 28:02d} 10:{i % 60:02d}:00 |\n"
                   for i in range(400))
    text = rule + "| id   | email                | status  | created             |\n" + rule + rows + rule + "400 rows in set (0.01 sec)\n"
    assert not documents.looks_like_code_or_prose(text)
    assert compress_text(text, "bash", S).rendering.retrieve_id is not None


def test_a_pydoc_page_cut_by_tail_is_still_a_document() -> None:
    # `pydoc x | tail -n 300`: no capital titles left over it, only its functions, their
    # docstrings and their doctest examples (">>> " lines are code shown in a document).
    funcs = "".join(
        f"    take_{i}(n, iterable)\n"
        f"        Return the first *n* items of *iterable* as a list, the {i}th recipe.\n"
        "        \n"
        f"            >>> take_{i}(3, range(10))\n"
        "            [0, 1, 2]\n"
        f"            >>> take_{i}(0, 'abc')\n"
        "            []\n"
        f"            >>> list(take_{i}(2, 'xyz'))\n"
        "            ['x', 'y']\n"
        "        \n"
        "        See also :func:`islice`.\n"
        "    \n"
        for i in range(60)
    )
    text = funcs + "DATA\n    __all__ = ['take_0', 'take_1']\n\nFILE\n    /usr/lib/python3/dist-packages/recipes.py\n"
    assert documents.looks_like_code_or_prose(text) and _kept_whole(text)


def test_a_markdown_readme_of_lists_and_fenced_code_is_a_document() -> None:
    # `cat README.md`: badges, a list, fenced examples under a few headings; little prose.
    badges = "".join(f"[![{name} status](https://img.shields.io/badge/{name}-passing-green.svg?logo=python&logoColor=FFE873)](https://ci.example.org/tools/{name}/actions)\n"
                     for name in ("build", "coverage", "docs", "pypi", "license", "downloads", "style", "types"))
    langs = "".join(f"- Language {chr(65 + k % 26)}{chr(97 + k // 26)}\n" for k in range(34))
    usage = "".join(
        f"### Helper group {k}\n\n```pycon\n>>> import tools\n"
        + "".join(f">>> tools.helper_{k}_{j}(dt.datetime.now() - dt.timedelta(seconds={10 ** j}))\n'{10 ** j:,} seconds ago'\n"
                  for j in range(3))
        + "```\n\n"
        for k in range(16)
    )
    text = (f"# tools\n\n{badges}\nSmall helpers for numbers, dates and sizes, in the style of the\n"
            f"standard library. It is translated to:\n\n{langs}\n"
            f"## Installation\n\n```bash\npython3 -m pip install tools\n```\n\n## Usage\n\n{usage}")
    assert len(text) > S.min_lossy_chars
    assert documents.looks_like_code_or_prose(text) and _kept_whole(text)
