"""Chained outputs whose parts have no line kind that names their shape (a log then a `.gitignore`,
a table then `rg` hits, two tables): cut where the lines' leads and words change (segments.shifts),
each part ranked as it would be alone."""

from __future__ import annotations

from headroom_mitm.compress import segments
from headroom_mitm.compress.engine import compress_text
from headroom_mitm.compress.settings import CompressionSettings

# Outputs from 2 KB: the cut is found in outputs below the default size at which cutting starts, too.
S = CompressionSettings(min_lossy_chars=2048, min_ranked_chars=2048)


def _batch_log(n: int = 120) -> list[str]:
    out = []
    for i in range(n):
        out.append(f"processed batch {i}: {17 + i * 7 % 80} records ok")
        if i % 40 == 7:
            out += [
                f"/srv/etl/jobs/main.py:7: DeprecationWarning: old_api() is deprecated, use new_api() (call {i})",
                "  legacy.old_api(i)",
            ]
    return [*out, f"done: {n} batches"]


def _gitignore() -> list[str]:
    out = ["# Byte-compiled / optimized / DLL files", "__pycache__/", "*.py[cod]", "*$py.class", ""]
    for section, patterns in (
        ("C extensions", ["*.so"]),
        ("Distribution / packaging", [".Python", "build/", "develop-eggs/", "dist/", "downloads/", "eggs/", ".eggs/",
                                      "lib/", "lib64/", "parts/", "sdist/", "var/", "wheels/", "*.egg-info/", "*.egg"]),
        ("Unit test / coverage reports", ["htmlcov/", ".tox/", ".nox/", ".coverage", ".coverage.*", ".cache",
                                          "nosetests.xml", "coverage.xml", "*.cover", ".hypothesis/", ".pytest_cache/"]),
        ("Environments", [".env", ".venv", "env/", "venv/", "ENV/", "env.bak/", "venv.bak/"]),
        ("Editors", [".idea/", ".vscode/", "*.swp", "*~"]),
        ("mypy", [".mypy_cache/", ".dmypy.json", "dmypy.json"]),
    ):
        out += [f"# {section}", *patterns, ""]
    return out


def _kept(text: str, lines: list[str]) -> list[str]:
    out = compress_text(text, "bash", S).rendering.text or text
    return [x for x in lines if x and x not in out.split("\n")]


def test_a_log_then_a_gitignore_keeps_the_file_whole() -> None:
    log, ignore = _batch_log(), _gitignore()
    text = "\n".join(log + ignore)
    [cut] = segments.shifts(text.split("\n"))
    assert len(log) - 2 <= cut <= len(log)  # at the file's first line, or the log's last ones (they open alike)
    assert _kept(text, ignore) == []
    out = compress_text(text, "bash", S).rendering.text
    assert out is not None and "records ok" in out and len(out) < len(text)  # the log is still cut


def _column_table(n: int = 60) -> list[str]:
    out = ["region    status      month  orders  revenue   avg", "--------  ----------  -----  ------  --------  ------"]
    for i in range(n):
        region = ("eu-west", "us-east", "ap-south")[i % 3]
        status = ("paid", "refunded", "pending")[i // 3 % 3]
        out.append(f"{region:<9} {status:<11} {1 + i % 12:<6} {3 + i * 7 % 50:<7} {100 + i * 97.31 % 9000:<9.2f} {60 + i * 3.7 % 40:.2f}")
    return out


def _rg_heading() -> list[str]:
    out: list[str] = []
    for f, (name, base) in enumerate((("rich/console.py", 462), ("rich/live.py", 88), ("rich/layout.py", 201), ("rich/panel.py", 57))):
        out += [name]
        for k in range(3):
            at = base + 40 * k
            out += [f"{at - 1}-", f"{at}-    @property", f"{at + 1}:    def renderables(self) -> List[\"RenderableType\"]:",
                    f"{at + 2}-        if self._render_{f}_{k} is None:", f"{at + 3}-            return []", "--"]
        out.append("")
    return out


def test_a_table_then_search_results_keeps_every_hit() -> None:
    table, hits = _column_table(), _rg_heading()
    text = "\n".join(table + hits)
    matches = [x for x in hits if ":    def renderables" in x]
    assert _kept(text, matches) == []


def _df_h(n: int = 26) -> list[str]:
    out = ["Filesystem      Size  Used Avail Use% Mounted on"]
    for i in range(n):
        out.append(f"/dev/nvme0n1p{i + 1:<3} {20 + i * 7}G  {3 + i * 5 % 17}G  {10 + i * 3}G  {12 + i * 31 % 80}% /srv/vol{i:02d}")
    return out


def _ps_aux(n: int = 60) -> list[str]:
    out = ["USER         PID %CPU %MEM    VSZ   RSS TTY      STAT START   TIME COMMAND"]
    for i in range(n):
        out.append(f"root     {100 + i:7d}  0.0  0.0      0     0 ?        I<   07:27   0:00 [kworker/R-slot{i}]")
    return out


def test_a_short_table_after_a_long_one_is_a_part_of_its_own_kept_whole() -> None:
    """Two tables of other columns are two parts though both are rows; the short one alone would be
    sent whole, and so it is inside the chain."""
    ps, df = _ps_aux(), _df_h()
    text = "\n".join(ps + df)
    assert len("\n".join(df)) < S.min_lossy_chars
    assert _kept(text, df) == []


def _node_test() -> list[str]:
    out: list[str] = []
    for i in range(30):
        out.append(f"✔ vat {17711 + i * 131} at 70 ({0.1 + i / 1000:.6f}ms)")
    for i in range(3):
        out += [
            f"✖ vat {60150 + i} at 70 ({0.2 + i / 100:.6f}ms)",
            "  AssertionError [ERR_ASSERTION]: Expected values to be strictly equal:",
            "  ",
            f"  {4211 + i} !== {4210 + i}",
            "  ",
            "      at TestContext.<anonymous> (file:///srv/shop/test/vat.test.js:12:12)",
            "      at Test.runInAsyncScope (node:async_hooks:206:9)",
            "    generatedMessage: true,",
            "    code: 'ERR_ASSERTION',",
            f"    actual: {4211 + i},",
            f"    expected: {4210 + i},",
            "    operator: 'strictEqual'",
            "  }",
            "",
        ]
    return out


def test_one_programs_phases_that_name_the_same_things_are_not_cut() -> None:
    """Passing lines, then failures of the same test under them: the leads change, the words (vat,
    test, ms) do not: one output, ranked whole."""
    assert segments.shifts(_node_test()) == []



def test_a_file_after_a_report_speaks_other_words_though_it_shares_a_few() -> None:
    # A spec reporter's failures (27 words) then a .gitignore (40 words): three in common (build,
    # files, test) is chance, not one program naming the same things.
    words = ["addDays", "format", "parse", "isDate", "passing", "failing", "AssertionError", "ERR_ASSERTION", "Expected",
             "values", "strictly", "deep", "equal", "actual", "expected", "false", "true", "Context", "anonymous",
             "spec", "process", "processImmediate", "node", "internal", "timers", "build", "files", "test"]
    report = [f"  {words[k % len(words)]} {words[(k * 5 + 1) % len(words)]}" for k in range(40)]
    ignore = [f"# {w} {w}_cache" for w in ("build", "files", "test", "eggs", "wheels", "coverage", "htmlcov", "nox",
                                            "hypothesis", "mypy", "pyre", "spyder", "rope", "celery", "pipenv",
                                            "venv", "jupyter", "ipython", "sphinx", "docs")]
    lines = report + ignore * 2
    assert segments.other_words(lines, len(report))


def test_tab_led_lines_then_space_indented_ones_are_two_outputs() -> None:
    # `git blame -p` (each source line led by a tab under its commit's line) then `psql \d+`.
    blame = []
    for k in range(12):
        name = ("retry", "backoff", "deadline", "session", "cursor", "ledger")[k % 6]
        blame += [f"{k:x}" * 40 + f" {k + 1} {k + 1}", f"\t{name}_{k} = load_{name}({k * 7})"]
    table = ['                 Table "public.orders"',
             "   Column    |  Type   | Nullable | Storage",
             "-------------+---------+----------+---------",
             *[f" {c:<11} | integer | not null | plain" for c in ("id", "customer", "status", "total", "placed", "region",
                                                                  "channel", "currency", "coupon")],
             "Indexes:", '    "orders_pkey" PRIMARY KEY, btree (id)', '    "orders_customer" btree (customer)']
    assert segments.shifts(blame + table) == [len(blame)]
