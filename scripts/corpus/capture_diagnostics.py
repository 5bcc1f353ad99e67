#!/usr/bin/env python3
"""Capture the DIAGNOSTICS part of the compression corpus: real outputs of test runners, linters,
type checkers, compilers and builds, run here on small throwaway projects written below.

The code under test is typed by hand in this file (a few modules per project, bugs on purpose; some
projects are widened by seeded generators so that the big runs have 20-200 failures). Every tool is
REALLY executed; its stdout+stderr (merged, as an agent's bash tool returns it) is the item's text.

Needles follow scripts/corpus/NEEDLES.md (rules 1-3). Each kind has its own extractor, written for
that tool's real output format; the extractor's docstring states its rule and its first line is the
item's "needle_rule". Extractors read the CLEANED text (ANSI removed, CR progress collapsed to the
last state, lines right-stripped); every needle string is asserted to be a substring of one cleaned
line and is at most 200 characters (a longer line contributes its first 200).

Usage:   /work/main/.venv/bin/python scripts/corpus/capture_diagnostics.py [--out PATH] [--keep]
Writes:  scripts/corpus/data/diagnostics.json  as {"version": 2, "items": [...]}
Tools:   npm packages (jest, vitest, mocha, eslint, typescript) are installed from the npm registry
         into the temp dir; ruff, mypy, pylint, flake8, pytest from PyPI into a temp venv. cargo/rustc
         (/root/.cargo/bin), go, javac + junit5 jars (/usr/share/java), gcc, make, shellcheck are
         used where present; a kind whose tool is missing is skipped with a note on stderr.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEFAULT_OUT = HERE / "data" / "diagnostics.json"
MAX_ITEM_CHARS = 400_000
MAX_NEEDLE = 200
CARGO_BIN = Path("/root/.cargo/bin")
JAVA_LIBS = Path("/usr/share/java")
T0 = time.time()

ITEMS: list[dict] = []
BASE_ENV = {"PYTHONDONTWRITEBYTECODE": "1", "NO_COLOR": "1", "TERM": "dumb", "COLUMNS": "120",
            "LC_ALL": "C.UTF-8", "LANG": "C.UTF-8", "CI": "1", "CARGO_TERM_COLOR": "never",
            "CARGO_NET_OFFLINE": "true", "GOFLAGS": "-mod=mod", "GOPROXY": "off", "GOTOOLCHAIN": "local"}
PATH_PREFIX: list[str] = []


def note(msg: str) -> None:
    print(f"[{time.time() - T0:6.1f}s] {msg}", file=sys.stderr, flush=True)


def run(cmd: str, cwd: Path, env: dict | None = None, timeout: int = 180) -> str:
    """Run a shell command, stdout+stderr merged (as an agent's bash tool sees it)."""
    e = dict(os.environ)
    e.update(BASE_ENV)
    e["PATH"] = os.pathsep.join(PATH_PREFIX + [e.get("PATH", "")])
    for k in ("FORCE_COLOR", "CLICOLOR_FORCE", "PY_COLORS"):
        e.pop(k, None)
    if env:
        for k, v in env.items():
            if v is None:
                e.pop(k, None)
            else:
                e[k] = v
    try:
        p = subprocess.run(cmd, shell=True, cwd=cwd, env=e, stdout=subprocess.PIPE,
                           stderr=subprocess.STDOUT, timeout=timeout, stdin=subprocess.DEVNULL)
        return p.stdout.decode("utf-8", "replace")
    except subprocess.TimeoutExpired as exc:
        note(f"timeout after {timeout}s: {cmd}")
        return (exc.stdout or b"").decode("utf-8", "replace")


# ------------------------------------------------------------------ cleaning, needles, items

ANSI_RE = re.compile(r"\x1b\[[0-9;?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[()][A-Z0-9]|\x1b[=>]")


def clean_lines(raw: str) -> list[str]:
    """The lossless clean-up of NEEDLES.md: ANSI removed, CR progress collapsed, lines rstripped."""
    text = ANSI_RE.sub("", raw)
    out = []
    for line in text.split("\n"):
        if "\r" in line:
            parts = [p for p in line.split("\r") if p.strip()]
            line = parts[-1] if parts else ""
        out.append(line.rstrip())
    return out


def cap(s: str) -> str:
    return s.strip()[:MAX_NEEDLE].strip()


def any_of(lines: list[str]) -> dict:
    seen: list[str] = []
    for ln in lines:
        c = cap(ln)
        if c and c not in seen:
            seen.append(c)
    return {"any": seen}


def split_of(item_id: str) -> str:
    return "heldout" if int(hashlib.sha1(item_id.encode()).hexdigest(), 16) % 3 == 0 else "tune"


def add(item_id: str, kind: str, family: str, command: str, raw: str, extractor) -> None:
    if not raw.strip():
        note(f"skip {item_id}: empty output")
        return
    if len(raw) > MAX_ITEM_CHARS:
        note(f"note {item_id}: {len(raw)} chars, cut to {MAX_ITEM_CHARS}")
        raw = raw[:MAX_ITEM_CHARS]
        raw = raw[: raw.rfind("\n") + 1]
    lines = clean_lines(raw)
    needles_raw = extractor(lines)
    needles: list = []
    seen: set[str] = set()
    for n in needles_raw:
        if isinstance(n, dict):
            if not n["any"]:
                continue
            key = json.dumps(n, sort_keys=True)
            if len(n["any"]) == 1:
                n, key = n["any"][0], n["any"][0]
        else:
            n = cap(n)
            key = n
        if n and key not in seen:
            seen.add(key)
            needles.append(n)
    for n in needles:
        for s in (n["any"] if isinstance(n, dict) else [n]):
            assert len(s) <= MAX_NEEDLE, (item_id, s)
            assert any(s in ln for ln in lines), f"{item_id}: needle not on one cleaned line: {s!r}"
    if not needles:
        note(f"warning {item_id}: no needles")
    rule = (extractor.__doc__ or extractor.__name__).strip().splitlines()[0].strip()
    ITEMS.append({"id": item_id, "kind": kind, "family": family, "tool": "bash", "command": command,
                  "text": raw, "needles": needles, "needle_rule": rule, "split": split_of(item_id)})
    note(f"  {item_id:34} {kind:16} {len(raw):>8,} chars {len(needles):>4} needles")


def write_tree(root: Path, files: dict[str, str]) -> None:
    for rel, body in files.items():
        p = root / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(textwrap.dedent(body).lstrip("\n") if body.startswith("\n") else body)


def within(lines: list[str], i: int, pat: re.Pattern | str, ahead: int = 6) -> str | None:
    """The first line among the next `ahead` lines after line i that matches pat."""
    for k in range(i + 1, min(len(lines), i + 1 + ahead)):
        if re.search(pat, lines[k]):
            return lines[k]
    return None


SECTIONS: dict = {}


def section(name):
    def deco(fn):
        SECTIONS[name] = fn
        return fn
    return deco


def group_needles(groups: dict) -> list[dict]:
    return [any_of(v) for v in groups.values()]


# ================================================================== Python: project + extractors

PY_PROJECT = {
    "inventory/__init__.py": '"""Tiny stock-keeping package used by the throwaway test suite."""\n',
    "inventory/models.py": '''
        from dataclasses import dataclass, field


        @dataclass
        class Item:
            sku: str
            name: str
            price_cents: int
            qty: int = 0
            tags: list = field(default_factory=list)

            def total(self):
                return self.price_cents * self.qty


        class Inventory:
            def __init__(self):
                self._items = {}

            def add(self, item):
                if item.sku in self._items:
                    raise KeyError(f"duplicate sku {item.sku}")
                self._items[item.sku] = item

            def get(self, sku):
                return self._items[sku]

            def remove(self, sku, qty):
                item = self.get(sku)
                if qty > item.qty:
                    raise ValueError(f"cannot remove {qty} of {sku}: only {item.qty} left")
                item.qty -= qty
                return item.qty

            def value(self):
                return sum(i.total() for i in self._items.values())

            def skus(self):
                return sorted(self._items)
        ''',
    "inventory/pricing.py": '''
        TAX_RATES = {"DE": 0.19, "FR": 0.20, "NL": 0.21, "UK": 0.20, "US": 0.0}


        def apply_discount(cents, percent):
            """Discount in whole percent; rounds half down (the bug: should round half up)."""
            if percent < 0 or percent > 100:
                raise ValueError(f"discount out of range: {percent}")
            return int(cents * (100 - percent) / 100)


        def with_tax(cents, country):
            rate = TAX_RATES[country]
            return round(cents * (1 + rate))


        def bulk_price(unit_cents, qty):
            # 10% off from 10 units, 15% off from 100 units (bug: > instead of >=)
            if qty > 100:
                return apply_discount(unit_cents * qty, 15)
            if qty > 10:
                return apply_discount(unit_cents * qty, 10)
            return unit_cents * qty
        ''',
    "inventory/storage.py": '''
        import json
        from pathlib import Path

        from .models import Inventory, Item


        class StorageError(Exception):
            pass


        def _read(path):
            with open(path, encoding="utf-8") as fh:
                return json.load(fh)


        def load(path):
            try:
                data = _read(path)
            except json.JSONDecodeError as exc:
                raise StorageError(f"corrupt inventory file {path}") from exc
            inv = Inventory()
            for row in data["items"]:
                inv.add(Item(row["sku"], row["name"], row["price_cents"], row.get("qty", 0)))
            return inv


        def save(inv, path):
            rows = [vars(inv.get(s)) for s in inv.skus()]
            Path(path).write_text(json.dumps({"items": rows}, indent=2))
        ''',
    "inventory/report.py": '''
        from .pricing import with_tax


        def money(cents):
            return f"{cents // 100}.{cents % 100:02d}"


        def line(item, country="DE"):
            return f"{item.sku:<8} {item.name:<20} {item.qty:>4} x {money(with_tax(item.price_cents, country))}"


        def render(inv, country="DE"):
            rows = [line(inv.get(s), country) for s in inv.skus()]
            rows.append(f"TOTAL {money(inv.value())}")
            return "\\n".join(rows)
        ''',
    "tests/conftest.py": '''
        import pytest

        from inventory.models import Inventory, Item


        @pytest.fixture
        def inv():
            i = Inventory()
            i.add(Item("A-100", "widget", 250, qty=4))
            i.add(Item("B-200", "gadget", 1999, qty=1))
            i.add(Item("C-300", "doohickey", 5, qty=1000))
            return i
        ''',
    "tests/test_models.py": '''
        import pytest

        from inventory.models import Item


        def test_total(inv):
            assert inv.get("A-100").total() == 1000


        def test_value(inv):
            assert inv.value() == 1000 + 1999 + 5000


        def test_remove(inv):
            assert inv.remove("A-100", 3) == 1


        def test_remove_too_many(inv):
            with pytest.raises(ValueError, match="only 1 left"):
                inv.remove("B-200", 2)


        def test_duplicate(inv):
            with pytest.raises(KeyError):
                inv.add(Item("A-100", "again", 1))


        def test_skus_sorted(inv):
            assert inv.skus() == ["A-100", "B-200", "C-300"]


        @pytest.mark.parametrize("qty", [0, 1, 7, 250])
        def test_item_total_scales(qty):
            assert Item("Z", "z", 3, qty).total() == 3 * qty
        ''',
    "tests/test_pricing.py": '''
        import pytest

        from inventory.pricing import apply_discount, bulk_price, with_tax


        @pytest.mark.parametrize("cents,percent,expected", [
            (1000, 10, 900), (999, 50, 500), (1, 50, 1), (0, 30, 0), (12345, 15, 10493),
        ])
        def test_apply_discount(cents, percent, expected):
            assert apply_discount(cents, percent) == expected


        def test_discount_range():
            with pytest.raises(ValueError):
                apply_discount(100, 120)


        @pytest.mark.parametrize("country,expected", [("DE", 1190), ("FR", 1200), ("US", 1000), ("IT", 1220)])
        def test_with_tax(country, expected):
            assert with_tax(1000, country) == expected


        def test_bulk_thresholds():
            assert bulk_price(100, 10) == 900
            assert bulk_price(100, 100) == 8500
        ''',
    "tests/test_storage.py": '''
        import json

        from inventory import storage
        from inventory.report import render


        def test_roundtrip(tmp_path, inv):
            p = tmp_path / "inv.json"
            storage.save(inv, p)
            assert storage.load(p).value() == inv.value()


        def test_load_legacy_file(tmp_path):
            p = tmp_path / "legacy.json"
            p.write_text('{"items": [{"sku": "A-1", "name": "old", "price_cents": 10,}]}')
            inv = storage.load(p)
            assert inv.skus() == ["A-1"]


        def test_render(inv):
            out = render(inv)
            assert out.splitlines()[-1] == "TOTAL 79.99"


        def test_render_unknown_country(inv):
            assert "A-100" in render(inv, country="CH")
        ''',
    "data/stock.csv": "sku,name,price_cents,qty\nA-100,widget,250,4\nB-200,gadget,19.99,1\nC-300,doohickey,5,1000\n",
    "inventory/cli.py": '''
        """python -m inventory.cli import data/stock.csv: load a CSV export into the store."""
        import csv
        import sys

        from .models import Inventory, Item


        class ImportFailed(RuntimeError):
            pass


        def parse_price(text):
            return int(text)


        def parse_row(row, lineno):
            try:
                return Item(row["sku"], row["name"], parse_price(row["price_cents"]), int(row["qty"]))
            except ValueError as exc:
                raise ValueError(f"line {lineno}: bad number in {row!r}") from exc


        def read_rows(path):
            with open(path, newline="") as fh:
                for lineno, row in enumerate(csv.DictReader(fh), start=2):
                    yield parse_row(row, lineno)


        def import_file(path, inv):
            try:
                for item in read_rows(path):
                    inv.add(item)
            except ValueError as exc:
                raise ImportFailed(f"import of {path} aborted") from exc


        def main(argv):
            inv = Inventory()
            if argv[:1] == ["import"]:
                for path in argv[1:]:
                    import_file(path, inv)
            print(f"imported {len(inv.skus())} items")


        if __name__ == "__main__":
            main(sys.argv[1:])
        ''',
    "inventory/sync.py": '''
        """python -m inventory.sync: push stock levels to three warehouses concurrently."""
        import asyncio


        class WarehouseDown(ConnectionError):
            pass


        async def push(name, delay, levels):
            await asyncio.sleep(delay)
            if name == "rotterdam":
                raise WarehouseDown(f"{name}: connection refused (port 8443)")
            if name == "lyon":
                return levels["C-300"] // levels["empty"]
            return len(levels)


        async def sync_all(levels):
            async with asyncio.TaskGroup() as tg:
                for i, name in enumerate(["hamburg", "rotterdam", "lyon"]):
                    tg.create_task(push(name, 0.01 * i, levels))


        def main():
            asyncio.run(sync_all({"A-100": 4, "C-300": 1000, "empty": 0}))


        if __name__ == "__main__":
            main()
        ''',
}


def py_matrix_tests(n_modules: int, cases: int, seed: int) -> dict[str, str]:
    """Generated parametrized tests over pricing.py: the seeded expectations are partly wrong."""
    rnd = random.Random(seed)
    files = {}
    for m in range(n_modules):
        rows = []
        for _ in range(cases):
            unit, qty = rnd.choice([99, 100, 250, 1999, 5]), rnd.choice([1, 5, 10, 11, 99, 100, 101, 500])
            exp = unit * qty if qty < 10 else (unit * qty * 90 // 100 if qty < 100 else unit * qty * 85 // 100)
            rows.append(f"    ({unit}, {qty}, {exp}),")
        files[f"tests/matrix/test_bulk_{m:02d}.py"] = (
            "import pytest\n\nfrom inventory.pricing import bulk_price\n\n\n"
            "@pytest.mark.parametrize(\"unit,qty,expected\", [\n" + "\n".join(rows) + "\n])\n"
            f"def test_bulk_price_{m:02d}(unit, qty, expected):\n"
            "    got = bulk_price(unit, qty)\n"
            "    assert got == expected, f\"bulk_price({unit}, {qty})\"\n")
    return files


def needles_pytest(lines: list[str]) -> list:
    """pytest: each FAILED/ERROR test id (summary or -v line), first E line per failure, final summary; rules 1-2.

    Test ids: from "FAILED <id>"/"ERROR <id>" summary lines and from "-v" lines "<id> FAILED".
    Per failure section ("____ name ____"): the first "E   " line, and the location line
    "path.py:N: ExcType" that closes the section's last traceback entry. With --tb=line, every
    "/path.py:N: Exc..." line. Every "Traceback"/chained-exception final "SomeError: msg" line of
    a captured (non-E) traceback is not repeated. Final summary: the last "=== ... in Xs ===" line
    (or the bare "N failed, M passed in Xs" line of -q).
    """
    n: list = []
    for ln in lines:
        m = re.match(r"(FAILED|ERROR) (\S+)", ln)
        if m:
            n.append(m.group(2))
        m = re.match(r"(\S+::\S+) (FAILED|ERROR)", ln)
        if m:
            n.append(m.group(1))
    sec_idx = [i for i, ln in enumerate(lines) if re.match(r"_{3,} .+ _{3,}$", ln)]
    ends = [i for i, ln in enumerate(lines) if re.match(r"=+ .* =+$", ln)]
    for j, s in enumerate(sec_idx):
        e = sec_idx[j + 1] if j + 1 < len(sec_idx) else next((x for x in ends if x > s), len(lines))
        body = lines[s + 1:e]
        first_e = next((ln for ln in body if ln.startswith("E ") and ln[1:].strip()), None)
        if first_e:
            n.append(first_e)
        locs = [ln for ln in body if re.match(r"\S+\.py:\d+: \w", ln)]
        if locs:
            n.append(locs[-1])
    if not sec_idx:  # --tb=line: one "/abs/path.py:N: Exc: msg" line per failure
        n += [ln for ln in lines if re.match(r"/\S+\.py:\d+: \w+", ln)]
    summ = [ln for ln in lines if re.search(r"\b\d+ (passed|failed|error|errors)\b.* in [\d.]+s", ln)]
    if summ:
        n.append(summ[-1].strip("= "))
    return n


def needles_pytraceback(lines: list[str]) -> list:
    """python-traceback: every exception line ending a traceback, with its location; rule 1.

    For each "Traceback (most recent call last):" block (and each "+ Exception Group Traceback"
    block of an ExceptionGroup), the exception line that ends it ("pkg.Error: message") is a
    needle, and so is the innermost frame's location line 'File "x", line N, in f' above it.
    The chaining sentences are kept apart from it ("The above exception was the direct cause").
    """
    n: list = []
    for i, ln in enumerate(lines):
        s = ln.strip(" |+")
        if re.match(r"([A-Za-z_][\w.]*)?(Error|Exception|Failed|Down|Group|Interrupt|Exit)\b(: .*|$)", s) \
                or re.match(r"[A-Za-z_][\w.]*(Error|Exception|Failed|Down|Group): ", s):
            if s.startswith(("File ", "Traceback")):
                continue
            n.append(ln)
            frames = [k for k in range(max(0, i - 6), i) if re.search(r'File ".+", line \d+', lines[k])]
            if frames:
                n.append(lines[frames[-1]])
    return n


def needles_mypy(lines: list[str]) -> list:
    """mypy: every "file:line: error:" line; notes grouped per (code, file); the "Found N errors" summary; rules 1,3.

    Each error line is a needle (the location is on the same line; with --pretty the source
    excerpt and caret follow it and are not needles). "note:" lines are warning-like: one
    {"any"} per (file, message shape) group. Last: "Found N errors in M files (checked K source files)"
    or "Success: no issues found".
    """
    n: list = []
    groups: dict = {}
    for ln in lines:
        m = re.match(r"(\S+?):\d+(?::\d+)?: (error|note): (.*)", ln)
        if not m:
            continue
        if m.group(2) == "error":
            n.append(ln)
        else:
            shape = re.sub(r'"[^"]*"', '""', m.group(3))[:40]
            groups.setdefault((m.group(1), shape), []).append(ln)
    n += group_needles(groups)
    n += [ln for ln in lines if re.match(r"(Found \d+ errors?|Success: no issues)", ln)]
    return n


def needles_ruff(lines: list[str]) -> list:
    """ruff check: one {"any"} per (rule code, file) group of findings, plus the "Found N errors" summary; rules 1,3.

    Lint findings carry no level, so they are grouped. Concise format: the group's lines are the
    "file:L:C: CODE msg" lines. Full format (message line, then " --> file:L:C"): the group's lines
    are its "-->" location lines, the lines that name the file. Syntax errors ("SyntaxError:"/
    "invalid-syntax") are errors: each is a needle with its location. Summary: "Found N errors.".
    """
    n: list = []
    groups: dict = {}
    for i, ln in enumerate(lines):
        m = re.match(r"(\S+\.py):\d+:\d+: ([A-Z]+\d+|SyntaxError|invalid-syntax)\b", ln)
        if m:
            if m.group(2) in ("SyntaxError", "invalid-syntax"):
                n.append(ln)
            else:
                groups.setdefault((m.group(2), m.group(1)), []).append(ln)
            continue
        m = re.match(r"([A-Z]+\d+|invalid-syntax|SyntaxError)\b.*", ln)
        if m:
            loc = within(lines, i, r"^\s*--> \S+:\d+:\d+", 2)
            if not loc:
                continue
            f = re.search(r"--> (\S+?):\d+", loc).group(1)
            if m.group(1) in ("SyntaxError", "invalid-syntax"):
                n += [ln, loc]
            else:
                groups.setdefault((m.group(1), f), []).append(loc)
    n += group_needles(groups)
    n += [ln for ln in lines if re.match(r"Found \d+ errors?|All checks passed", ln)]
    return n


def needles_pylint(lines: list[str]) -> list:
    """pylint / flake8: E/F (error, fatal) findings each a needle; others one {"any"} per (code, file); score/summary; rules 1,3.

    pylint lines are "file:L:C: CODE: msg (symbol)" with CODE C/R/W/E/F+digits; flake8 lines are
    "file:L:C: CODE msg" where E9xx/F82x (syntax, undefined name) are errors. The pylint score line
    "Your code has been rated at ..." and flake8 --count total are the summaries.
    """
    n: list = []
    groups: dict = {}
    for ln in lines:
        m = re.match(r"(\S+\.py):\d+:\d+: ([A-Z]\d{3,4}):? ", ln)
        if not m:
            continue
        code = m.group(2)
        is_err = code[0] in "EF" if ":" in ln.split(code, 1)[1][:1] else code.startswith(("E9", "F82", "F63"))
        if is_err:
            n.append(ln)
        else:
            groups.setdefault((code, m.group(1)), []).append(ln)
    n += group_needles(groups)
    n += [ln for ln in lines if ln.startswith("Your code has been rated")]
    n += [ln for ln in lines if re.fullmatch(r"\d+", ln.strip())][-1:]
    return n


@section("python")
def cap_python(tmp: Path) -> None:
    venv = tmp / "pytools"
    out = run(f"python3 -m venv {venv} && {venv}/bin/pip install -q "
              "ruff==0.17.6 mypy==2.4.1 pylint==4.1.4 flake8==7.5.0 pytest==9.2.0 2>&1 | tail -3", tmp, timeout=240)
    if not (venv / "bin" / "pytest").exists():
        note(f"skip python kinds: could not install tools: {out[-400:]}")
        return
    vpy = {"PATH": f"{venv}/bin:" + os.environ.get("PATH", ""), "VIRTUAL_ENV": str(venv)}
    proj = tmp / "inventory"
    write_tree(proj, PY_PROJECT)
    write_tree(proj, py_matrix_tests(6, 40, seed=7))
    (proj / "pytest.ini").write_text("[pytest]\ntestpaths = tests\naddopts = -p no:cacheprovider\n")

    cmd = "python -m pytest -v tests/test_models.py"
    add("pytest-v-all-pass", "pytest", "test", cmd, run(cmd, proj, vpy), needles_pytest)
    cmd = "python -m pytest -q tests/test_models.py tests/test_pricing.py tests/test_storage.py"
    add("pytest-q-few-failures", "pytest", "test", cmd, run(cmd, proj, vpy), needles_pytest)
    cmd = "python -m pytest --tb=long -v tests/test_storage.py"
    add("pytest-tb-long-chained", "pytest", "test", cmd, run(cmd, proj, vpy), needles_pytest)
    cmd = "python -m pytest -v tests/matrix"
    add("pytest-v-parametrized-many", "pytest", "test", cmd, run(cmd, proj, vpy, timeout=240), needles_pytest)
    cmd = "python -m pytest -q --tb=line tests/matrix/test_bulk_0[0-3].py"
    add("pytest-q-tb-line", "pytest", "test", cmd, run(cmd, proj, vpy), needles_pytest)

    cmd = "python -m inventory.cli import data/stock.csv"
    add("python-crash-chained", "python-traceback", "build", cmd, run(cmd, proj, vpy), needles_pytraceback)
    cmd = "python -m inventory.sync"
    add("python-crash-taskgroup", "python-traceback", "build", cmd, run(cmd, proj, vpy), needles_pytraceback)

    lint = tmp / "billing"
    write_tree(lint, py_lint_project(seed=11))
    cmd = "ruff check ."
    add("ruff-check-full", "ruff", "lint", cmd, run(cmd, lint, vpy), needles_ruff)
    cmd = "ruff check --output-format=concise --select E,F,W,B,UP,SIM,I ."
    add("ruff-check-concise-many", "ruff", "lint", cmd, run(cmd, lint, vpy), needles_ruff)
    cmd = "ruff check inventory"
    add("ruff-check-small", "ruff", "lint", cmd, run(cmd, proj, vpy), needles_ruff)
    cmd = "mypy --strict billing"
    add("mypy-strict-hundreds", "mypy", "lint", cmd, run(cmd, lint, vpy, timeout=240), needles_mypy)
    cmd = "mypy inventory"
    add("mypy-clean", "mypy", "lint", cmd, run(cmd, proj, vpy, timeout=240), needles_mypy)
    cmd = "mypy --pretty billing/ledger_00.py billing/ledger_01.py billing/ledger_02.py"
    add("mypy-pretty-few", "mypy", "lint", cmd, run(cmd, lint, vpy, timeout=240), needles_mypy)
    cmd = "pylint billing --disable=C0114,C0115,C0116"
    add("pylint-package", "pylint", "lint", cmd, run(cmd, lint, vpy, timeout=240), needles_pylint)
    cmd = "flake8 --count --max-line-length=100 billing"
    add("flake8-count", "flake8", "lint", cmd, run(cmd, lint, vpy), needles_pylint)


def py_lint_project(seed: int) -> dict[str, str]:
    """A 'billing' package: hand-written templates varied by a seeded generator (many findings)."""
    rnd = random.Random(seed)
    files = {"billing/__init__.py": "", "billing/types.py": textwrap.dedent('''
        from dataclasses import dataclass
        from typing import Optional


        @dataclass
        class Invoice:
            number: str
            customer: str
            amount_cents: int
            paid: bool = False
            note: Optional[str] = None
        ''').lstrip()}
    customers = ["acme", "globex", "initech", "umbrella", "hooli", "vandelay", "stark", "wayne"]
    for i in range(24):
        c = rnd.choice(customers)
        extra_imports = rnd.sample(["import os", "import sys", "import re", "import json", "from typing import List, Dict"], 3)
        files[f"billing/ledger_{i:02d}.py"] = "\n".join(extra_imports) + textwrap.dedent(f'''
            from billing.types import Invoice


            def load_{c}_{i}(rows):
                out = []
                for r in rows:
                    out.append(Invoice(r["no"], "{c}", r["amount"]))
                return out


            def total_{i}(invoices) -> int:
                return sum([inv.amount_cents for inv in invoices]) / 100


            def outstanding_{i}(invoices: list[Invoice]) -> list[str]:
                return [inv for inv in invoices if inv.paid == False]


            def note_length_{i}(inv: Invoice) -> int:
                return len(inv.note)


            def find_{i}(invoices: list[Invoice], number: str) -> Invoice:
                for inv in invoices:
                    if inv.number == number:
                        return inv


            def describe_{i}(inv: Invoice, verbose=False) -> str:
                try:
                    label = inv.customer.upper() + ": " + inv.amount_cents
                except:
                    label = None
                if verbose == True:
                    return f"{{label}} ({{inv.number}})"
                return label


            def merge_{i}(a: dict[str, int], b: dict[str, str]) -> dict[str, int]:
                merged = dict(a)
                for k, v in b.items():
                    merged[k] = v
                unused_counter_{i} = len(merged)
                return merged


            def rate_{i}(kind: str) -> float:
                if kind == "std":
                    return 0.19
                elif kind == "reduced":
                    return 0.07
                return "0"
            ''')
    return files


# ================================================================== JavaScript / TypeScript

JS_SRC = {
    "src/cart.js": '''
        const { roundCents } = require("./money");

        class Cart {
          constructor(currency = "EUR") {
            this.currency = currency;
            this.lines = [];
          }

          add(sku, unitCents, qty = 1) {
            if (qty <= 0) throw new RangeError(`qty must be positive, got ${qty}`);
            const existing = this.lines.find((l) => l.sku === sku);
            if (existing) existing.qty += qty;
            else this.lines.push({ sku, unitCents, qty });
            return this;
          }

          remove(sku) {
            this.lines = this.lines.filter((l) => l.sku !== sku);
          }

          subtotal() {
            return this.lines.reduce((acc, l) => acc + l.unitCents * l.qty, 0);
          }

          total(discountPct = 0) {
            // bug: discount applied after rounding each line instead of on the subtotal
            return this.lines.reduce((acc, l) => acc + roundCents(l.unitCents * l.qty * (1 - discountPct / 100)), 0);
          }

          count() {
            return this.lines.length; // bug: counts lines, not items
          }
        }

        module.exports = { Cart };
        ''',
    "src/money.js": '''
        function roundCents(x) {
          return Math.floor(x); // bug: should round half up
        }

        function format(cents, currency = "EUR") {
          const sign = cents < 0 ? "-" : "";
          const abs = Math.abs(cents);
          const symbol = { EUR: "€", USD: "$", GBP: "£" }[currency];
          return `${sign}${symbol}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, "0")}`;
        }

        function parsePrice(text) {
          const m = /^([€$£])?(\\d+)(?:[.,](\\d{1,2}))?$/.exec(text.trim());
          if (!m) throw new Error(`unparseable price: ${JSON.stringify(text)}`);
          return Number(m[2]) * 100 + Number((m[3] || "0").padEnd(2, "0"));
        }

        module.exports = { roundCents, format, parsePrice };
        ''',
    "src/shipping.js": '''
        const ZONES = { DE: 1, AT: 1, FR: 2, NL: 2, US: 3 };
        const RATES = { 1: 490, 2: 990, 3: 2490 };

        function shippingCost(country, weightGrams) {
          const zone = ZONES[country];
          const base = RATES[zone];
          if (weightGrams > 2000) return base + Math.ceil((weightGrams - 2000) / 1000) * 150;
          return base;
        }

        function freeShipping(cart) {
          return cart.subtotal() >= 5000;
        }

        module.exports = { shippingCost, freeShipping };
        ''',
}

JS_TESTS_BASIC = '''
    const { Cart } = require("../src/cart");
    const { format, parsePrice } = require("../src/money");
    const { shippingCost, freeShipping } = require("../src/shipping");

    describe("Cart", () => {
      test("adds lines and merges skus", () => {
        const c = new Cart().add("A", 250, 2).add("A", 250, 1).add("B", 999);
        expect(c.lines).toHaveLength(2);
        expect(c.subtotal()).toBe(1749);
      });

      test("rejects zero quantity", () => {
        expect(() => new Cart().add("A", 100, 0)).toThrow(RangeError);
      });

      test("removes a sku", () => {
        const c = new Cart().add("A", 100).add("B", 200);
        c.remove("A");
        expect(c.subtotal()).toBe(200);
      });
    });

    describe("money", () => {
      test("formats euros", () => {
        expect(format(123456)).toBe("€1234.56");
      });

      test("parses prices", () => {
        expect(parsePrice("€12.5")).toBe(1250);
        expect(parsePrice("7")).toBe(700);
      });
    });

    describe("shipping", () => {
      test("zone rates", () => {
        expect(shippingCost("DE", 500)).toBe(490);
        expect(shippingCost("US", 3500)).toBe(2790);
      });
    });
    '''

JS_TESTS_FAILING = '''
    const { Cart } = require("../src/cart");
    const { format, parsePrice } = require("../src/money");
    const { shippingCost, freeShipping } = require("../src/shipping");

    describe("Cart totals", () => {
      test("applies a percentage discount to the subtotal", () => {
        const c = new Cart().add("A", 333, 3).add("B", 1);
        expect(c.total(10)).toBe(900);
      });

      test("counts items, not lines", () => {
        const c = new Cart().add("A", 100, 3).add("B", 100, 2);
        expect(c.count()).toBe(5);
      });

      test("free shipping from 50 euros", () => {
        expect(freeShipping(new Cart().add("A", 5000))).toBe(true);
      });
    });

    describe("money edge cases", () => {
      test("formats negative amounts", () => {
        expect(format(-5)).toBe("-€0.05");
      });

      test("formats pounds", () => {
        expect(format(199, "GBP")).toEqual("£1.99");
      });

      test("parses comma decimals", () => {
        expect(parsePrice("3,5")).toBe(350);
      });

      test("rejects garbage", () => {
        expect(parsePrice("twelve")).toBe(0);
      });
    });

    describe("shipping zones", () => {
      test("unknown country falls back to zone 3", () => {
        expect(shippingCost("CH", 100)).toBe(2490);
      });

      test("heavy parcels", () => {
        expect(shippingCost("FR", 4100)).toStrictEqual(1440);
      });
    });
    '''


def js_many_tests(n_files: int, seed: int, style: str) -> dict[str, str]:
    """Seeded table-driven tests over shippingCost/total; about a third of the expectations are wrong."""
    rnd = random.Random(seed)
    files = {}
    for f in range(n_files):
        rows = []
        for _ in range(24):
            country = rnd.choice(["DE", "AT", "FR", "NL", "US"])
            w = rnd.choice([100, 900, 1999, 2000, 2001, 3500, 5000, 12000])
            zone = {"DE": 1, "AT": 1, "FR": 2, "NL": 2, "US": 3}[country]
            base = {1: 490, 2: 990, 3: 2490}[zone]
            exp = base + (-(-(w - 2000) // 1000)) * 150 if w > 2000 else base
            if rnd.random() < 0.3:
                exp += rnd.choice([150, -150, 10])  # wrong expectation on purpose
            rows.append(f'  ["{country}", {w}, {exp}],')
        imp = ('import { describe, test, expect } from "vitest";\nimport { createRequire } from "module";\n'
               'const require = createRequire(import.meta.url);\n') if style == "vitest" else ""
        files[f"tests/shipping_{f:02d}.test.js"] = (
            imp + 'const { shippingCost } = require("../src/shipping");\n\n'
            f'const CASES_{f} = [\n' + "\n".join(rows) + "\n];\n\n"
            f'describe("shipping table {f:02d}", () => {{\n'
            f'  test.each(CASES_{f})("%s %ig costs %i", (country, grams, expected) => {{\n'
            '    expect(shippingCost(country, grams)).toBe(expected);\n  });\n});\n')
    return files


def first_nonblank_after(lines: list[str], i: int, limit: int = 12, skip=None) -> str | None:
    for k in range(i + 1, min(len(lines), i + 1 + limit)):
        s = lines[k].strip()
        if s and not (skip and re.search(skip, s)):
            return lines[k]
    return None


def needles_jest(lines: list[str]) -> list:
    """jest: each "FAIL file" and "● suite › test" failure header, the first line of each failure body, "Test Suites:"/"Tests:" summaries; rule 2.

    The first non-blank line after a "●" header is the expectation ("expect(received).toBe(
    expected)", then also its "Expected:"/"Received:" lines) or the thrown error. Test-suite errors ("● Test suite failed to run") count alike.
    """
    n: list = []
    for i, ln in enumerate(lines):
        s = ln.strip()
        if re.match(r"FAIL\s+\S", s):
            n.append(s)
        elif s.startswith("● ") and "Console" not in s:
            n.append(s)
            b = first_nonblank_after(lines, i)
            if b:
                n.append(b)
                if b.strip().startswith("expect("):  # matcher hint: the values follow
                    k = lines.index(b, i)
                    n += [x for x in lines[k + 1:k + 8] if re.match(r"\s*(Expected|Received)( length)?:", x)][:2]
        elif re.match(r"(Test Suites|Tests):\s+\d", s):
            n.append(s)
    return n


def needles_vitest(lines: list[str]) -> list:
    """vitest: each " FAIL  file > suite > test" header, the first error line after it, and the "Test Files"/"Tests" summary lines; rule 2."""
    n: list = []
    for i, ln in enumerate(lines):
        s = ln.strip()
        if re.match(r"FAIL\s+\S+ >", s):
            n.append(s)
            b = first_nonblank_after(lines, i, skip=r"^⎯+$|^FAIL\s")
            if b:
                n.append(b)
        elif re.match(r"(Test Files|Tests)\s+\d", s):
            n.append(s)
    return n


def needles_mocha(lines: list[str]) -> list:
    """mocha (spec reporter): each numbered failure header "N) suite" with its test title line, the first error line, and the "N passing"/"N failing" counts; rule 2."""
    n: list = []
    started = False
    for i, ln in enumerate(lines):
        s = ln.strip()
        if re.match(r"\d+ (passing|failing|pending)\b", s):
            n.append(s)
            started = started or "failing" in s
            continue
        if started and re.match(r"\d+\) \S", s):
            n.append(s)
            k = i + 1
            while k < len(lines) and lines[k].strip() and not lines[k].strip().endswith(":"):
                n.append(lines[k])
                k += 1
            if k < len(lines) and lines[k].strip():
                n.append(lines[k])
            b = first_nonblank_after(lines, k)
            if b:
                n.append(b)
    return n


def needles_node_test(lines: list[str]) -> list:
    """node --test: each failing test ("✖ name" in spec, "not ok N - name" in TAP), its first error line, and the "tests/pass/fail" counts; rule 2.

    Spec reporter: the line after "✖ name (ms)" is the error; TAP: the "error:" YAML field (its
    first text line when it is a block). Counts: "ℹ tests N", "ℹ pass N", "ℹ fail N" / "# tests N"...
    """
    n: list = []
    for i, ln in enumerate(lines):
        s = ln.strip()
        if re.match(r"✖ .+\(\d", s) or re.match(r"not ok \d+ - ", s):
            if s.startswith("✖ failing tests"):
                continue
            n.append(s)
            if s.startswith("not ok"):
                for k in range(i + 1, min(len(lines), i + 15)):
                    t = lines[k].strip()
                    if t.startswith("error:"):
                        n.append(lines[k + 1] if t in ("error: |-", "error: >-", "error: |") else lines[k])
                        break
                    if t == "...":
                        break
            else:
                b = first_nonblank_after(lines, i)
                if b and not re.match(r"\s*[✔✖▶ℹ﹣]", b):
                    n.append(b)
        elif re.match(r"[ℹ#] (tests|pass|fail) \d+", s):
            n.append(s)
    return n


def needles_eslint(lines: list[str]) -> list:
    """eslint (stylish): each "error" finding line with its file header; "warning" findings one {"any"} per (rule, file); the "✖ N problems" summary; rules 1,3.

    Stylish prints the file path on its own line above the "L:C  error  msg  rule" lines; a file
    holding an error contributes its header line as the error's location.
    """
    n: list = []
    groups: dict = {}
    cur = None
    for ln in lines:
        if ln.startswith("/") or re.match(r"\S+\.(js|mjs|cjs|ts|tsx)$", ln):
            cur = ln
            continue
        m = re.match(r"\s+\d+:\d+\s+(error|warning)\s+.*?\s{2,}(\S+)$", ln)
        if m and cur:
            if m.group(1) == "error":
                n += [ln, cur]
            else:
                groups.setdefault((m.group(2), cur), []).append(ln)
    n += group_needles(groups)
    n += [ln for ln in lines if re.match(r"✖ \d+ problems?", ln)]
    return n


def needles_tsc(lines: list[str]) -> list:
    """tsc: every "file(L,C): error TSnnnn" (or pretty "file:L:C - error TSnnnn") line, and the "Found N errors" summary; rules 1,3."""
    n: list = []
    for ln in lines:
        if re.match(r"\S+(\(\d+,\d+\):|:\d+:\d+ -) error TS\d+", ln) or re.match(r"error TS\d+:", ln):
            n.append(ln)
    n += [ln for ln in lines if re.match(r"Found \d+ errors?", ln)]
    return n


TS_PROJECT = {
    "tsconfig.json": json.dumps({"compilerOptions": {
        "target": "ES2020", "module": "commonjs", "strict": True, "outDir": "dist", "rootDir": "src",
        "noUnusedLocals": True, "noImplicitReturns": True, "esModuleInterop": True, "skipLibCheck": True},
        "include": ["src"]}, indent=2) + "\n",
    "src/models.ts": '''
        export interface Order {
          id: string;
          customer: string;
          lines: OrderLine[];
          status: "open" | "paid" | "shipped";
          createdAt: Date;
        }

        export interface OrderLine {
          sku: string;
          qty: number;
          unitCents: number;
        }

        export type Money = { cents: number; currency: "EUR" | "USD" };
        ''',
    "src/orders.ts": '''
        import { Order, OrderLine, Money } from "./models";

        export function orderTotal(order: Order): Money {
          const cents = order.lines.reduce((acc, l) => acc + l.qty * l.unitCents, 0);
          return { cents, currency: order.currency };
        }

        export function findLine(order: Order, sku: string): OrderLine {
          return order.lines.find((l) => l.sku === sku);
        }

        export function markShipped(order: Order): Order {
          return { ...order, status: "sent" };
        }

        export function lineLabel(line: OrderLine): string {
          const unused = line.qty * 2;
          return line.sku + " x" + line.qty.toFixed();
        }

        export function statusRank(order: Order): number {
          switch (order.status) {
            case "open":
              return 0;
            case "paid":
              return 1;
          }
        }
        ''',
    "src/report.ts": '''
        import { Order } from "./models";
        import { orderTotal } from "./orders";

        export function summarize(orders: Order[]): string {
          const total: number = orders.map(orderTotal).reduce((a, b) => a + b.cents, "0");
          const byCustomer = new Map<string, number>();
          for (const o of orders) {
            byCustomer.set(o.customer, byCustomer.get(o.customer) + 1);
          }
          return `orders=${orders.length} total=${total} customers=${byCustomer.size}`;
        }

        export function oldest(orders: Order[]): Order {
          return orders.sort((a, b) => a.createdAt - b.createdAt)[0];
        }

        export function parseOrder(raw: string): Order {
          const data = JSON.parse(raw);
          return { id: data.id, customer: data.customer, lines: data.lines, status: data.status };
        }
        ''',
}


def ts_many_errors(n: int, seed: int) -> dict[str, str]:
    rnd = random.Random(seed)
    files = {}
    for i in range(n):
        field = rnd.choice(["qty", "unitCents"])
        files[f"src/handlers/handler_{i:02d}.ts"] = textwrap.dedent(f'''
            import {{ Order }} from "../models";
            import {{ orderTotal, findLine }} from "../orders";

            export function handle{i}(order: Order, sku: string): string {{
              const line = findLine(order, sku);
              const n: number = line.{field} + "{i}";
              if (order.status === "cancelled") {{
                return null;
              }}
              return orderTotal(order).cents.toFixed(2) + n;
            }}

            export function audit{i}(orders: Order[]) {{
              return orders.filter((o) => o.customer.startsWith({i}));
            }}
            ''').lstrip()
    return files


ESLINT_CONFIG = '''
    const js = require("@eslint/js");

    module.exports = [
      js.configs.recommended,
      {
        languageOptions: {
          ecmaVersion: 2022,
          sourceType: "commonjs",
          globals: { require: "readonly", module: "writable", console: "readonly", process: "readonly" },
        },
        rules: {
          "no-console": "warn",
          eqeqeq: "warn",
          "prefer-const": "warn",
          "no-var": "error",
        },
      },
    ];
    '''


def eslint_many(n: int, seed: int) -> dict[str, str]:
    rnd = random.Random(seed)
    files = {}
    for i in range(n):
        name = rnd.choice(["invoice", "refund", "payout", "ledger", "voucher"])
        files[f"lib/{name}_{i:02d}.js"] = textwrap.dedent(f'''
            const fs = require("fs");
            const path = require("path");

            var counter = 0;

            function load_{name}(file) {{
              let raw = fs.readFileSync(file, "utf8");
              const rows = JSON.parse(raw);
              console.log("loaded", rows.length, "rows from", file);
              if (rows.length == 0) return [];
              return rows.map((r) => {{ counter++; return normalize(r); }});
            }}

            function total_{i}(rows) {{
              let sum = 0;
              for (let i = 0; i < rows.length; i++) {{
                sum += rows[i].amount;
              }}
              return sum;
              console.log("unreachable");
            }}

            function pick_{i}(rows, status) {{
              switch (status) {{
                case "open":
                  let open = rows.filter((r) => r.status == "open");
                  return open;
                case "open":
                  return [];
              }}
            }}

            module.exports = {{ load_{name}, total_{i}, pick_{i} }};
            ''').lstrip()
    return files


@section("js")
def cap_js(tmp: Path) -> None:
    if not shutil.which("npm") or not shutil.which("node"):
        note("skip js kinds: no node/npm")
        return
    root = tmp / "web"
    root.mkdir()
    (root / "package.json").write_text(json.dumps({"name": "web-tools", "private": True, "version": "1.0.0"}))
    out = run("npm install --no-audit --no-fund --loglevel=error jest@30 vitest@4 mocha@11 eslint@9 "
              "@eslint/js@9 typescript@5", root, timeout=300)
    bin_ = root / "node_modules" / ".bin"
    have = {b: (bin_ / b).exists() for b in ("jest", "vitest", "mocha", "eslint", "tsc")}
    if not any(have.values()):
        note(f"skip js kinds: npm install failed: {out[-500:]}")
        return

    def proj(name: str, files: dict, pkg: dict | None = None) -> Path:
        d = root / name
        write_tree(d, files)
        (d / "package.json").write_text(json.dumps(pkg or {"name": name, "private": True}, indent=2))
        (d / "node_modules").symlink_to(root / "node_modules")
        return d

    basic = {**JS_SRC, "tests/cart.test.js": JS_TESTS_BASIC}
    failing = {**JS_SRC, "tests/cart.test.js": JS_TESTS_BASIC, "tests/edge.test.js": JS_TESTS_FAILING}
    if have["jest"]:
        d = proj("jest-pass", basic)
        add("jest-all-pass", "jest", "test", "npx jest", run("npx jest", d), needles_jest)
        d = proj("jest-fail", failing)
        add("jest-failures", "jest", "test", "npx jest", run("npx jest", d), needles_jest)
        add("jest-failures-color", "jest", "test", "FORCE_COLOR=1 npx jest --verbose",
            run("npx jest --verbose", d, {"FORCE_COLOR": "1", "NO_COLOR": None, "TERM": "xterm-256color"}), needles_jest)
        d = proj("jest-many", {**JS_SRC, **js_many_tests(14, seed=3, style="jest")})
        add("jest-many-failures", "jest", "test", "npx jest --ci", run("npx jest --ci", d, timeout=240), needles_jest)
    if have["vitest"]:
        vt = JS_TESTS_FAILING.replace('const { Cart }', 'import { describe, test, expect } from "vitest";\n'
                                      '    const { Cart }')
        d = proj("vitest-fail", {**JS_SRC, "tests/edge.test.js": vt, "vitest.config.mjs":
                                 "export default { test: { include: ['tests/**/*.test.js'] } };\n"})
        add("vitest-failures", "vitest", "test", "npx vitest run", run("npx vitest run", d, timeout=180), needles_vitest)
        d = proj("vitest-many", {**JS_SRC, **js_many_tests(10, seed=5, style="vitest")})
        add("vitest-many-failures", "vitest", "test", "npx vitest run --reporter=verbose",
            run("npx vitest run --reporter=verbose", d, timeout=180), needles_vitest)
    if have["mocha"]:
        mocha_t = (JS_TESTS_BASIC + JS_TESTS_FAILING.split('require("../src/shipping");', 1)[1]) \
            .replace("describe(", "suite(").replace("test(", "it(").replace("suite(", "describe(")
        mocha_t = 'const expect = require("./expect");\n' + textwrap.dedent(mocha_t)
        expect_shim = textwrap.dedent('''
            const assert = require("node:assert/strict");
            // a tiny expect() over node:assert, so the same specs run under mocha
            module.exports = (actual) => ({
              toBe: (e) => assert.strictEqual(actual, e),
              toEqual: (e) => assert.deepStrictEqual(actual, e),
              toStrictEqual: (e) => assert.deepStrictEqual(actual, e),
              toHaveLength: (n) => assert.strictEqual(actual.length, n),
              toThrow: (cls) => assert.throws(actual, cls),
            });
            ''')
        d = proj("mocha-proj", {**JS_SRC, "test/cart.spec.js": mocha_t, "test/expect.js": expect_shim})
        add("mocha-spec-failures", "mocha", "test", "npx mocha", run("npx mocha", d), needles_mocha)
        only_pass = 'const expect = require("./expect");\n' + textwrap.dedent(JS_TESTS_BASIC).replace("test(", "it(")
        d = proj("mocha-pass", {**JS_SRC, "test/cart.spec.js": only_pass, "test/expect.js": expect_shim})
        add("mocha-spec-pass", "mocha", "test", "npx mocha --reporter spec", run("npx mocha --reporter spec", d),
            needles_mocha)
    # node --test (built in)
    nt = textwrap.dedent(JS_TESTS_FAILING).replace("const { Cart }", 'const { describe, test } = require("node:test");\n'
                                                   'const expect = require("./expect");\nconst { Cart }')
    d = proj("nodetest", {**JS_SRC, "test/edge.test.js": nt, "test/expect.js": textwrap.dedent('''
        const assert = require("node:assert/strict");
        module.exports = (actual) => ({
          toBe: (e) => assert.strictEqual(actual, e),
          toEqual: (e) => assert.deepStrictEqual(actual, e),
          toStrictEqual: (e) => assert.deepStrictEqual(actual, e),
        });
        ''')})
    add("node-test-spec-failures", "node-test", "test", "node --test --test-reporter=spec test/",
        run("node --test --test-reporter=spec test/", d), needles_node_test)
    add("node-test-tap-failures", "node-test", "test", "node --test test/", run("node --test test/", d),
        needles_node_test)

    if have["eslint"]:
        d = proj("eslint-proj", {**JS_SRC, **eslint_many(30, seed=9), "eslint.config.js": ESLINT_CONFIG})
        add("eslint-stylish-many", "eslint", "lint", "npx eslint .", run("npx eslint .", d, timeout=180), needles_eslint)
        first = sorted(eslint_many(30, seed=9))[0]
        add("eslint-one-file", "eslint", "lint", f"npx eslint {first}", run(f"npx eslint {first}", d), needles_eslint)
    if have["tsc"]:
        d = proj("ts-proj", TS_PROJECT)
        add("tsc-noemit-errors", "tsc", "lint", "npx tsc --noEmit", run("npx tsc --noEmit", d, timeout=180), needles_tsc)
        d = proj("ts-build", {**TS_PROJECT, **ts_many_errors(20, seed=4)})
        add("tsc-build-pretty-color", "tsc", "build", "npx tsc -p . --pretty",
            run("npx tsc -p . --pretty", d, {"TERM": "xterm-256color", "NO_COLOR": None}, timeout=180), needles_tsc)
        add("tsc-build-many", "tsc", "build", "npx tsc -p .", run("npx tsc -p .", d, timeout=180), needles_tsc)


# ================================================================== Rust

RUST_LIB = {
    "Cargo.toml": '[package]\nname = "ledger"\nversion = "0.3.1"\nedition = "2021"\n\n[dependencies]\n',
    "src/lib.rs": '''
        pub mod money;
        pub mod parse;
        pub mod stock;
        ''',
    "src/money.rs": '''
        /// Amounts are kept in cents.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
        pub struct Cents(pub i64);

        impl Cents {
            pub fn apply_rate(self, permille: i64) -> Cents {
                // bug: truncates instead of rounding half up
                Cents(self.0 * permille / 1000)
            }

            pub fn split(self, parts: i64) -> Vec<Cents> {
                let base = self.0 / parts;
                let mut out = vec![Cents(base); parts as usize];
                let rest = self.0 - base * parts;
                out[0].0 += rest;
                out
            }
        }

        #[cfg(test)]
        mod tests {
            use super::*;

            #[test]
            fn vat_is_rounded() {
                assert_eq!(Cents(1999).apply_rate(190), Cents(380));
            }

            #[test]
            fn split_keeps_total() {
                let parts = Cents(1000).split(3);
                assert_eq!(parts.iter().map(|c| c.0).sum::<i64>(), 1000);
            }

            #[test]
            fn split_by_zero_is_empty() {
                assert!(Cents(1000).split(0).is_empty());
            }
        }
        ''',
    "src/parse.rs": '''
        use crate::money::Cents;

        #[derive(Debug, PartialEq)]
        pub struct Entry {
            pub account: String,
            pub amount: Cents,
        }

        pub fn parse_amount(s: &str) -> Cents {
            let (whole, frac) = s.split_once('.').unwrap();
            Cents(whole.parse::<i64>().unwrap() * 100 + frac.parse::<i64>().expect("cents must be numeric"))
        }

        pub fn parse_line(line: &str) -> Entry {
            let mut cols = line.split(';');
            let account = cols.next().unwrap().trim().to_string();
            let amount = parse_amount(cols.nth(1).unwrap().trim());
            Entry { account, amount }
        }

        #[cfg(test)]
        mod tests {
            use super::*;

            #[test]
            fn parses_plain_amount() {
                assert_eq!(parse_amount("12.50"), Cents(1250));
            }

            #[test]
            fn parses_whole_euros() {
                assert_eq!(parse_amount("7"), Cents(700));
            }

            #[test]
            fn parses_line() {
                let e = parse_line("4400 revenue; 2024-03-01; 19.99");
                assert_eq!(e.account, "4400 revenue");
                assert_eq!(e.amount, Cents(1999));
            }

            #[test]
            fn rejects_letters_in_cents() {
                assert_eq!(parse_amount("3.xx"), Cents(300));
            }
        }
        ''',
    "src/stock.rs": '''
        use std::collections::HashMap;

        pub struct Stock {
            levels: HashMap<String, u32>,
        }

        impl Stock {
            pub fn new() -> Self {
                Stock { levels: HashMap::new() }
            }

            pub fn receive(&mut self, sku: &str, qty: u32) {
                *self.levels.entry(sku.to_string()).or_insert(0) += qty;
            }

            pub fn ship(&mut self, sku: &str, qty: u32) -> u32 {
                let level = self.levels.get_mut(sku).expect("unknown sku");
                *level -= qty;
                *level
            }
        }

        #[cfg(test)]
        mod tests {
            use super::*;

            #[test]
            fn receive_then_ship() {
                let mut s = Stock::new();
                s.receive("A-1", 5);
                assert_eq!(s.ship("A-1", 2), 3);
            }

            #[test]
            fn overship_is_an_error() {
                let mut s = Stock::new();
                s.receive("A-1", 1);
                s.ship("A-1", 2);
            }

            #[test]
            fn unknown_sku() {
                let mut s = Stock::new();
                assert_eq!(s.ship("B-9", 1), 0);
            }
        }
        ''',
}


def rust_many_tests(n: int, seed: int) -> str:
    rnd = random.Random(seed)
    body = ["#[cfg(test)]", "mod table {", "    use crate::money::Cents;", ""]
    for i in range(n):
        c, r = rnd.choice([999, 1999, 2500, 12345, 7]), rnd.choice([70, 190, 200, 210])
        exp = (c * r + 500) // 1000  # rounded half up: what the (buggy) code does not do
        body += ["    #[test]", f"    fn vat_{i:03d}_{c}_at_{r}() {{",
                 f"        assert_eq!(Cents({c}).apply_rate({r}), Cents({exp}), \"rate {r} on {c}\");", "    }", ""]
    body.append("}")
    return "\n".join(body) + "\n"


RUST_BROKEN = {
    "Cargo.toml": '[package]\nname = "payroll"\nversion = "0.1.0"\nedition = "2021"\n\n[dependencies]\n',
    "src/main.rs": '''
        mod employee;
        mod run;

        use employee::Employee;

        fn main() {
            let staff = vec![Employee::new("ada", 5200_00), Employee::new("linus", 4800_00)];
            let total: u64 = run::payroll(&staff);
            println!("total {}", total);
            let unused_flag = true;
        }
        ''',
    "src/employee.rs": '''
        #[derive(Debug)]
        pub struct Employee {
            pub name: String,
            pub monthly_cents: i64,
            pub tax_class: u8,
        }

        impl Employee {
            pub fn new(name: &str, monthly_cents: i64) -> Self {
                Employee { name: name.to_string(), monthly_cents }
            }

            pub fn net(&self) -> i64 {
                let rate = match self.tax_class {
                    1 => 0.30,
                    2 => 0.25,
                };
                self.monthly_cents - (self.monthly_cents as f64 * rate) as i64
            }
        }
        ''',
    "src/run.rs": '''
        use crate::employee::Employee;
        use std::collections::HashMap;

        pub fn payroll(staff: &[Employee]) -> u64 {
            let mut by_name: HashMap<&str, i64> = HashMap::new();
            for e in staff {
                by_name.insert(e.name, e.net());
            }
            let total = by_name.values().sum();
            total
        }

        pub fn longest_name(staff: &Vec<Employee>) -> &str {
            let mut best = &staff[0].name;
            for e in staff {
                if e.name.len() > best.len() {
                    best = e.name;
                }
            }
            best
        }
        ''',
}

CLIPPY_LIB = {
    "Cargo.toml": '[package]\nname = "reports"\nversion = "0.2.0"\nedition = "2021"\n\n[dependencies]\n',
    "src/lib.rs": "pub mod csv;\npub mod stats;\npub mod text;\n",
    "src/csv.rs": '''
        pub fn split_row(row: &String) -> Vec<String> {
            let mut out = Vec::new();
            for i in 0..row.split(',').count() {
                out.push(row.split(',').nth(i).unwrap().to_string());
            }
            return out;
        }

        pub fn header_index(header: &Vec<String>, name: &str) -> Option<usize> {
            for i in 0..header.len() {
                if header[i] == name.to_string() {
                    return Some(i);
                }
            }
            None
        }

        pub fn is_blank(row: &String) -> bool {
            if row.trim().len() == 0 { true } else { false }
        }
        ''',
    "src/stats.rs": '''
        pub fn mean(xs: &Vec<f64>) -> f64 {
            let mut sum = 0.0;
            for i in 0..xs.len() {
                sum = sum + xs[i];
            }
            return sum / xs.len() as f64;
        }

        pub fn max(xs: &Vec<f64>) -> Option<f64> {
            if xs.len() == 0 {
                return None;
            }
            let mut best = xs[0];
            for i in 1..xs.len() {
                if xs[i] > best {
                    best = xs[i];
                }
            }
            Some(best)
        }

        pub fn is_pi(x: f64) -> bool {
            x == 3.14159
        }
        ''',
    "src/text.rs": '''
        pub fn shout(s: &String) -> String {
            let upper = s.to_uppercase();
            return format!("{}", upper);
        }

        pub fn count_words(s: &str) -> usize {
            s.split(" ").collect::<Vec<_>>().len()
        }

        pub fn first_char(s: &str) -> Option<char> {
            match s.chars().next() {
                Some(c) => Some(c),
                None => None,
            }
        }

        pub fn truthy(flag: bool) -> bool {
            if flag == true { return true; }
            false
        }
        ''',
}


def needles_cargo_test(lines: list[str]) -> list:
    """cargo test: each "---- test stdout ----" header and "test x ... FAILED" line, each "thread '…' panicked at file:L:C:" line with the next line (the panic message), "test result:" lines, "error:" lines; rules 1-3."""
    n: list = []
    for i, ln in enumerate(lines):
        if re.match(r"---- \S+ stdout ----", ln) or re.match(r"test \S+ \.\.\. FAILED", ln):
            n.append(ln)
        elif re.match(r"thread '.*' panicked at ", ln):
            n.append(ln)
            if i + 1 < len(lines) and lines[i + 1].strip():
                n.append(lines[i + 1])
        elif ln.startswith("test result:") or re.match(r"error(\[E\d+\])?: ", ln):
            n.append(ln)
            if ln.startswith("error"):
                loc = within(lines, i, r"^\s*--> \S+:\d+:\d+")
                if loc:
                    n.append(loc)
    return n


def needles_rustc(lines: list[str]) -> list:
    """rustc / cargo build / cargo clippy: every "error…:" line with its "--> file:L:C" location; warnings one {"any"} per (message shape, file) over their "-->" lines; the closing summary lines; rules 1,3.

    Message shape: the warning text with `backticked` parts blanked. Summaries: "warning: `x` (lib)
    generated N warnings", "error: could not compile …" (already an error line), "Finished …".
    """
    n: list = []
    groups: dict = {}
    for i, ln in enumerate(lines):
        m = re.match(r"(error|warning)(\[[A-Z]?\d+\])?: (.*)", ln)
        if m:
            if m.group(1) == "error":
                n.append(ln)
                loc = within(lines, i, r"^\s*--> \S+:\d+:\d+")
                if loc:
                    n.append(loc)
            elif re.search(r"generated \d+ warnings?|warnings? emitted", ln):
                n.append(ln)
            else:
                loc = within(lines, i, r"^\s*--> \S+:\d+:\d+", 2)
                if loc:
                    f = re.search(r"--> (\S+?):\d+", loc).group(1)
                    shape = re.sub(r"`[^`]*`", "``", m.group(3))
                    groups.setdefault((shape, f), []).append(loc)
        elif re.match(r"\s*Finished ", ln):
            n.append(ln)
    n += group_needles(groups)
    return n


@section("rust")
def cap_rust(tmp: Path) -> None:
    cargo = shutil.which("cargo") or (str(CARGO_BIN / "cargo") if (CARGO_BIN / "cargo").exists() else None)
    if not cargo:
        note("skip rust kinds: no cargo")
        return
    env = {"CARGO_TARGET_DIR": str(tmp / "rust-target"), "RUST_BACKTRACE": "0"}
    d = tmp / "ledger"
    write_tree(d, RUST_LIB)
    add("cargo-test-panics", "cargo-test", "test", "cargo test", run("cargo test", d, env, timeout=240),
        needles_cargo_test)
    add("cargo-test-color", "cargo-test", "test", "cargo test --color=always",
        run("cargo test --color=always", d, {**env, "CARGO_TERM_COLOR": None, "TERM": "xterm-256color"}, timeout=240),
        needles_cargo_test)
    add("cargo-test-filter-pass", "cargo-test", "test", "cargo test -q money::tests::split_keeps_total",
        run("cargo test -q money::tests::split_keeps_total", d, env, timeout=240), needles_cargo_test)
    (d / "src" / "lib.rs").write_text((d / "src" / "lib.rs").read_text() + "mod vat_table;\n")
    (d / "src" / "vat_table.rs").write_text(rust_many_tests(160, seed=13))
    add("cargo-test-many-failures", "cargo-test", "test", "cargo test --lib vat_table",
        run("cargo test --lib vat_table", d, env, timeout=240), needles_cargo_test)

    d = tmp / "payroll"
    write_tree(d, RUST_BROKEN)
    add("cargo-build-errors", "cargo-build", "build", "cargo build", run("cargo build", d, env, timeout=240),
        needles_rustc)
    add("cargo-build-errors-color", "cargo-build", "build", "cargo build --color=always",
        run("cargo build --color=always", d, {**env, "CARGO_TERM_COLOR": None, "TERM": "xterm-256color"}, timeout=240),
        needles_rustc)
    d = tmp / "reports"
    write_tree(d, CLIPPY_LIB)
    add("cargo-clippy-warnings", "cargo-clippy", "lint", "cargo clippy", run("cargo clippy", d, env, timeout=240),
        needles_rustc)
    add("cargo-clippy-deny-pedantic", "cargo-clippy", "lint", "cargo clippy -- -D warnings -W clippy::pedantic",
        run("touch src/lib.rs && cargo clippy -- -D warnings -W clippy::pedantic", d, env, timeout=240), needles_rustc)


# ================================================================== Go

GO_FILES = {
    "go.mod": "module example.com/orders\n\ngo 1.19\n",
    "orders.go": '''
        package orders

        import (
        	"errors"
        	"fmt"
        	"strings"
        )

        // Line is one order line; prices are in cents.
        type Line struct {
        	SKU   string
        	Qty   int
        	Price int
        }

        type Order struct {
        	ID    string
        	Lines []Line
        }

        var ErrEmpty = errors.New("order has no lines")

        func (o Order) Total() int {
        	t := 0
        	for _, l := range o.Lines {
        		t += l.Price * l.Qty
        	}
        	return t
        }

        // Discount applies whole-percent discounts; bug: integer division before multiply.
        func Discount(cents, pct int) int {
        	return cents * (100 - pct) / 100
        }

        func ParseSKU(s string) (string, int, error) {
        	parts := strings.Split(s, "-")
        	if len(parts) != 2 {
        		return "", 0, fmt.Errorf("parse sku %q: want PREFIX-NUMBER", s)
        	}
        	var n int
        	_, err := fmt.Sscanf(parts[1], "%d", &n)
        	return strings.ToLower(parts[0]), n, err
        }

        func Largest(o Order) Line {
        	best := o.Lines[0]
        	for _, l := range o.Lines[1:] {
        		if l.Price*l.Qty > best.Price*best.Qty {
        			best = l
        		}
        	}
        	return best
        }
        ''',
    "orders_test.go": '''
        package orders

        import "testing"

        func sample() Order {
        	return Order{ID: "o-1", Lines: []Line{{"A-1", 2, 250}, {"B-2", 1, 1999}}}
        }

        func TestTotal(t *testing.T) {
        	if got := sample().Total(); got != 2499 {
        		t.Errorf("Total() = %d, want 2499", got)
        	}
        }

        func TestDiscount(t *testing.T) {
        	if got := Discount(999, 15); got != 850 {
        		t.Errorf("Discount(999, 15) = %d, want 850", got)
        	}
        }

        func TestParseSKU(t *testing.T) {
        	p, n, err := ParseSKU("AB-12")
        	if err != nil {
        		t.Fatalf("unexpected error: %v", err)
        	}
        	if p != "AB" || n != 12 {
        		t.Errorf("ParseSKU = %q, %d; want \\"AB\\", 12", p, n)
        	}
        }

        func TestLargestEmpty(t *testing.T) {
        	if l := Largest(Order{ID: "empty"}); l.SKU != "" {
        		t.Errorf("want zero line, got %+v", l)
        	}
        }
        ''',
}


def go_table_test(n: int, seed: int) -> str:
    rnd = random.Random(seed)
    rows = []
    for _ in range(n):
        c, p = rnd.choice([100, 999, 1999, 2500, 12345]), rnd.choice([0, 5, 10, 15, 33])
        exp = c * (100 - p) // 100
        if rnd.random() < 0.25:
            exp += 1
        rows.append(f'\t\t{{"{c}c at {p}%", {c}, {p}, {exp}}},')
    return ('package orders\n\nimport "testing"\n\nfunc TestDiscountTable(t *testing.T) {\n'
            '\tcases := []struct {\n\t\tname       string\n\t\tcents, pct int\n\t\twant       int\n\t}{\n'
            + "\n".join(rows) + '\n\t}\n\tfor _, tc := range cases {\n\t\ttc := tc\n'
            '\t\tt.Run(tc.name, func(t *testing.T) {\n\t\t\tif got := Discount(tc.cents, tc.pct); got != tc.want {\n'
            '\t\t\t\tt.Errorf("Discount(%d, %d) = %d, want %d", tc.cents, tc.pct, got, tc.want)\n\t\t\t}\n'
            '\t\t})\n\t}\n}\n')


def needles_go_test(lines: list[str]) -> list:
    """go test / go build: each "--- FAIL: Name" line, the first "file_test.go:N: message" line of each failing test, each "panic:" line with the first ".go:N" line within six after it, the "FAIL"/"ok" package result lines, every "./file.go:L:C: message" build error; rules 1-3.

    Without -v the message follows its "--- FAIL" line; with -v it follows the test's "=== RUN" line.
    """
    n: list = []
    armed = False
    for i, ln in enumerate(lines):
        s = ln.strip()
        if s.startswith(("=== RUN", "=== CONT")):
            armed = True
        elif s.startswith("--- FAIL:"):
            n.append(s)
            armed = True
        elif s.startswith("--- PASS:"):
            armed = False
        elif re.match(r"\S+_test\.go:\d+: ", s):
            if armed:
                n.append(s)
            armed = False
        elif s.startswith("panic:"):
            n.append(s)
            loc = within(lines, i, r"\.go:\d+")
            if loc:
                n.append(loc)
        elif re.match(r"(FAIL|ok)\s+\S+\s+(\d|\(cached\)|\[)", s) or s in ("FAIL", "PASS"):
            n.append(s)
        elif re.match(r"(\./)?\S+\.go:\d+:\d+: ", s):  # build errors
            n.append(s)
    return n


@section("go")
def cap_go(tmp: Path) -> None:
    if not shutil.which("go"):
        note("skip go kinds: no go (apt-get install golang-go)")
        return
    env = {"GOPATH": str(tmp / "gopath"), "GOCACHE": str(tmp / "gocache"), "GOFLAGS": None}
    d = tmp / "orders"
    write_tree(d, GO_FILES)
    add("go-test-failures", "go-test", "test", "go test ./...", run("go test ./...", d, env, timeout=240),
        needles_go_test)
    add("go-test-v-failures", "go-test", "test", "go test -v ./...", run("go test -v ./...", d, env, timeout=240),
        needles_go_test)
    add("go-test-run-pass", "go-test", "test", "go test -v -run TestTotal -count=1 ./...",
        run("go test -v -run TestTotal -count=1 ./...", d, env, timeout=240), needles_go_test)
    (d / "discount_table_test.go").write_text(go_table_test(900, seed=21))
    add("go-test-v-table-large", "go-test", "test", "go test -v -run TestDiscountTable ./...",
        run("go test -v -run TestDiscountTable ./...", d, env, timeout=240), needles_go_test)
    (d / "report.go").write_text(textwrap.dedent('''
        package orders

        import (
        	"fmt"
        	"os"
        )

        func Report(o Order) string {
        	total := o.Total()
        	var label string = total
        	return fmt.Sprintf("%s: %s", o.ID, label, missing)
        }
        ''').lstrip())
    add("go-build-errors", "go-build", "build", "go build ./...", run("go build ./...", d, env, timeout=240),
        needles_go_test)


# ================================================================== JUnit (console launcher)

JAVA_MAIN = {
    "src/main/java/shop/Cart.java": '''
        package shop;

        import java.util.ArrayList;
        import java.util.List;

        public class Cart {
            public record Line(String sku, int qty, long unitCents) {}

            private final List<Line> lines = new ArrayList<>();

            public Cart add(String sku, int qty, long unitCents) {
                if (qty <= 0) throw new IllegalArgumentException("qty must be positive: " + qty);
                lines.add(new Line(sku, qty, unitCents));
                return this;
            }

            public long total() {
                return lines.stream().mapToLong(l -> l.qty() * l.unitCents()).sum();
            }

            public long totalWithDiscount(int percent) {
                // bug: integer percent applied per line and truncated
                return lines.stream().mapToLong(l -> l.qty() * l.unitCents() * (100 - percent) / 100).sum();
            }

            public Line first() {
                return lines.get(0);
            }

            public int itemCount() {
                return lines.size();
            }
        }
        ''',
    "src/main/java/shop/Sku.java": '''
        package shop;

        public final class Sku {
            private Sku() {}

            public static String normalize(String raw) {
                String s = raw.trim().toUpperCase();
                if (!s.matches("[A-Z]+-\\\\d+")) {
                    throw new IllegalStateException("bad sku: " + raw);
                }
                return s;
            }
        }
        ''',
    "src/test/java/shop/CartTest.java": '''
        package shop;

        import static org.junit.jupiter.api.Assertions.*;

        import org.junit.jupiter.api.Test;
        import org.junit.jupiter.params.ParameterizedTest;
        import org.junit.jupiter.params.provider.CsvSource;

        class CartTest {
            @Test
            void totalSumsLines() {
                assertEquals(2499, new Cart().add("A-1", 2, 250).add("B-2", 1, 1999).total());
            }

            @Test
            void countsItemsNotLines() {
                assertEquals(3, new Cart().add("A-1", 2, 250).add("B-2", 1, 1999).itemCount(), "items in cart");
            }

            @Test
            void rejectsZeroQty() {
                assertThrows(IllegalArgumentException.class, () -> new Cart().add("A-1", 0, 1));
            }

            @Test
            void firstOfEmptyCart() {
                assertNull(new Cart().first());
            }

            @ParameterizedTest
            @CsvSource({"333,3,10,899", "999,1,15,849", "1000,2,50,1000", "5,7,33,24"})
            void discount(long unit, int qty, int pct, long expected) {
                assertEquals(expected, new Cart().add("X-1", qty, unit).totalWithDiscount(pct));
            }
        }
        ''',
    "src/test/java/shop/SkuTest.java": '''
        package shop;

        import static org.junit.jupiter.api.Assertions.*;

        import org.junit.jupiter.api.Test;

        class SkuTest {
            @Test
            void uppercases() {
                assertEquals("AB-12", Sku.normalize(" ab-12 "));
            }

            @Test
            void acceptsUnderscorePrefix() {
                assertEquals("AB_X-3", Sku.normalize("ab_x-3"));
            }
        }
        ''',
}


def needles_junit(lines: list[str]) -> list:
    """JUnit console launcher: each failing test in the tree ("✘ name"), each "Failures (N):" entry id and its "=> Exception: message" line, and the "[ N tests … ]" count lines; rule 2."""
    n: list = []
    in_fail = False
    for i, ln in enumerate(lines):
        s = ln.strip()
        if re.search(r"✘", s) and not s.startswith("│") or re.match(r"[│ ]*[├└]─ .+ ✘", ln):
            n.append(re.sub(r"^[│├└─\s]+", "", ln))
        if re.match(r"Failures \(\d+\):", s):
            in_fail = True
            n.append(s)
            continue
        if in_fail and re.match(r"  \S", ln) and ":" in ln and not s.startswith("=>"):
            if re.match(r"JUnit (Jupiter|Vintage)", s):
                n.append(s)
        if in_fail and s.startswith("=> "):
            n.append(s)
        if re.match(r"\[\s+\d+ (tests (successful|failed|found|aborted)|containers failed)", s):
            n.append(s)
    return n


@section("junit")
def cap_junit(tmp: Path) -> None:
    jar = JAVA_LIBS / "junit-platform-console-standalone.jar"
    if not (shutil.which("javac") and shutil.which("java") and jar.exists()):
        note("skip junit: needs javac, java and junit5 (apt-get install junit5)")
        return
    d = tmp / "shop"
    write_tree(d, JAVA_MAIN)
    out = run(f"javac -d out -cp {jar} $(find src -name '*.java')", d, timeout=180)
    if not (d / "out" / "shop" / "CartTest.class").exists():
        note(f"skip junit: javac failed: {out[-400:]}")
        return
    cmd = f"java -jar {jar} -cp out --select-package shop --disable-banner --disable-ansi-colors"
    add("junit5-console-failures", "junit", "test", cmd, run(cmd, d, timeout=180), needles_junit)
    cmd = f"java -jar {jar} -cp out --select-method shop.CartTest#totalSumsLines --select-class shop.SkuTest --details=tree --disable-banner"
    add("junit5-console-select", "junit", "test", cmd, run(cmd, d, timeout=180), needles_junit)


# ================================================================== C: gcc, make

C_FILES = {
    "include/image.h": '''
        #ifndef IMAGE_H
        #define IMAGE_H
        #include <stddef.h>
        #include <stdint.h>

        typedef struct {
            int width, height, channels;
            uint8_t *pixels;
        } image_t;

        image_t *image_new(int w, int h, int channels);
        void image_free(image_t *img);
        int image_load_ppm(const char *path, image_t **out);
        int image_save_ppm(const char *path, const image_t *img);
        void blur(image_t *img, int radius);
        void threshold(image_t *img, uint8_t level);
        double mean_brightness(const image_t *img);
        #endif
        ''',
    "src/image.c": '''
        #include <stdlib.h>
        #include <string.h>
        #include "image.h"

        image_t *image_new(int w, int h, int channels) {
            image_t *img = malloc(sizeof *img);
            int unused_total;
            if (!img) return NULL;
            img->width = w;
            img->height = h;
            img->channels = channels;
            img->pixels = calloc(w * h * channels, 1);
            return img;
        }

        void image_free(image_t *img) {
            if (img) {
                free(img->pixels);
            }
            free(img);
        }

        double mean_brightness(const image_t *img) {
            long sum = 0;
            for (int i = 0; i < img->width * img->height * img->channels; i++)
                sum += img->pixels[i];
            unsigned n = img->width * img->height;
            if (n < 0) return 0;
            return sum / n;
        }
        ''',
    "src/filters.c": '''
        #include <stdint.h>
        #include <stdlib.h>
        #include <string.h>
        #include "image.h"

        static int clamp(int v, int lo, int hi) {
            if (v < lo) return lo;
            if (v > hi) return hi;
        }

        void blur(image_t *img, int radius) {
            uint8_t *copy = malloc(img->width * img->height * img->channels);
            memcpy(copy, img->pixels, img->width * img->height * img->channels);
            for (int y = 0; y < img->height; y++) {
                for (int x = 0; x < img->width; x++) {
                    for (int c = 0; c < img->channels; c++) {
                        int acc = 0, n = 0;
                        for (int dy = -radius; dy <= radius; dy++) {
                            for (int dx = -radius; dx <= radius; dx++) {
                                int yy = clamp(y + dy, 0, img->height - 1);
                                int xx = clamp(x + dx, 0, img->width - 1);
                                acc += copy[(yy * img->width + xx) * img->channels + c];
                                n++;
                            }
                        }
                        img->pixels[(y * img->width + x) * img->channels + c] = acc / n;
                    }
                }
            }
            free(copy);
        }

        void threshold(image_t *img, uint8_t level) {
            size_t len = img->width * img->height * img->channels;
            for (int i = 0; i < len; i++) {
                switch (img->pixels[i] > level) {
                case 1:
                    img->pixels[i] = 255;
                case 0:
                    img->pixels[i] = 0;
                }
            }
        }
        ''',
    "src/ppm.c": '''
        #include <stdio.h>
        #include <stdlib.h>
        #include "image.h"

        int image_load_ppm(const char *path, image_t **out) {
            FILE *f = fopen(path, "rb");
            char magic[3];
            int w, h, maxval;
            if (!f) return -1;
            if (fscanf(f, "%2s %d %d %d", magic, &w, &h, &maxval) != 4) {
                fclose(f);
                return -2;
            }
            image_t *img = image_new(w, h, 3);
            size_t got = fread(img->pixels, 1, w * h * 3, f);
            fclose(f);
            if (got != w * h * 3) {
                printf("short read: %d of %d bytes\\n", got, w * h * 3);
                image_free(img);
                return -3;
            }
            *out = img;
            return 0;
        }

        int image_save_ppm(const char *path, const image_t *img) {
            FILE *f = fopen(path, "wb");
            if (!f) return -1;
            fprintf(f, "P6\\n%d %d\\n255\\n", img->width, img->height, img->channels);
            fwrite(img->pixels, 1, img->width * img->height * img->channels, f);
            fclose(f);
        }
        ''',
    "src/main.c": '''
        #include <stdio.h>
        #include <stdlib.h>
        #include <string.h>
        #include "image.h"

        static void usage(const char *argv0) {
            fprintf(stderr, "usage: %s in.ppm out.ppm [blur N] [threshold L]\\n", argv0);
        }

        int main(int argc, char **argv) {
            image_t *img;
            int rc;
            if (argc < 3) {
                usage(argv[0]);
                return 2;
            }
            if ((rc = image_load_ppm(argv[1], &img)) != 0) {
                fprintf(stderr, "cannot load %s: %d\\n", argv[1], rc);
                return 1;
            }
            for (int i = 3; i + 1 < argc; i += 2) {
                if (strcmp(argv[i], "blur") == 0)
                    blur(img, atoi(argv[i + 1]));
                else if (strcmp(argv[i], "threshold") == 0)
                    threshold(img, atoi(argv[i + 1]));
            }
            printf("mean brightness %f of %s\\n", mean_brightness(img));
            rc = image_save_ppm(argv[2], img);
            image_free(img);
            return rc;
        }
        ''',
    "extras/export.c": '''
        #include <stdio.h>
        #include "image.h"

        struct export_opts { int quality; const char *format; };

        int export_image(const image_t *img, struct export_opts opts) {
            FILE *f = fopen(opts.path, "wb");
            if (opts.quality > 100) opts.quality = 100;
            int written = write_header(f, img->width, img->height);
            for (int i = 0; i < img->width * img->height; i++)
                fputc(img->pixels[i], f)
            fclose(f);
            return written;
        }
        ''',
    "Makefile": "CC = gcc\nCFLAGS = -std=c11 -O2 -g -Wall -Wextra -Wshadow -Wconversion -Iinclude\n"
                "SRCS = $(wildcard src/*.c)\nOBJS = $(patsubst src/%.c,build/%.o,$(SRCS))\n\n"
                "all: imgtool\n\nimgtool: $(OBJS)\n\t$(CC) -o $@ $^ -lm\n\n"
                "build/%.o: src/%.c include/image.h | build\n\t$(CC) $(CFLAGS) -c $< -o $@\n\n"
                "build:\n\tmkdir -p build\n\nclean:\n\trm -rf build imgtool\n\n.PHONY: all clean\n",
}


def c_broken_module(i: int, rnd: random.Random) -> str:
    """A generated codec module; a few of them have hard errors."""
    body = ['#include <stdio.h>', '#include <stdint.h>', '#include "image.h"', '',
            f'int codec_{i}_encode(const image_t *img, uint8_t *dst, size_t cap) {{',
            '    size_t n = 0;',
            '    for (int k = 0; k < img->width * img->height; k++) {',
            '        if (n >= cap) return -1;',
            f'        dst[n++] = img->pixels[k] ^ {rnd.randint(1, 250)};',
            '    }',
            '    return n;',
            '}', '']
    if i % 4 == 1:
        body += [f'int codec_{i}_checksum(const uint8_t *p, size_t n) {{',
                 '    uint32_t s = 0;', '    for (size_t k = 0; k < n; k++) s += p[k];',
                 '    return s + undefined_seed;', '}']
    elif i % 4 == 3:
        body += [f'void codec_{i}_dump(const image_t *img) {{',
                 '    printf("%s: %dx%d\\n", img->width, img->height);',
                 '    image_t copy = img;', '}']
    else:
        body += [f'void codec_{i}_dump(const image_t *img) {{',
                 '    printf("%d x %d (%d channels)\\n", img->width, img->height, img->channels);', '}']
    return "\n".join(body) + "\n"


def needles_gcc(lines: list[str]) -> list:
    """gcc / make: every "file:L:C: error:" / "fatal error:" line, warnings one {"any"} per (-Wflag, file) group, and every "make: ***" line; rules 1,3.

    The location is on the diagnostic line itself; the source excerpt and caret lines below it
    are not needles. Warnings without a [-Wflag] are grouped by their message shape ('quoted'
    parts blanked). Linker errors ("undefined reference", "collect2: error") are errors too.
    """
    n: list = []
    groups: dict = {}
    for ln in lines:
        m = re.match(r"(\S+?):\d+(?::\d+)?: (fatal error|error|warning): (.*)", ln)
        if m:
            if m.group(2) == "warning":
                flag = re.search(r"\[(-W[^\]]+)\]$", m.group(3))
                key = flag.group(1) if flag else re.sub(r"'[^']*'|‘[^’]*’", "''", m.group(3))
                groups.setdefault((key, m.group(1)), []).append(ln)
            else:
                n.append(ln)
        elif re.search(r"undefined reference to|collect2: error|ld: .*error", ln) or ln.startswith("make: ***") \
                or re.match(r"make(\[\d+\])?: \*\*\*", ln):
            n.append(ln)
    n += group_needles(groups)
    return n


@section("c")
def cap_c(tmp: Path) -> None:
    if not (shutil.which("gcc") and shutil.which("make")):
        note("skip c kinds: no gcc/make")
        return
    d = tmp / "imgtool"
    write_tree(d, C_FILES)
    cmd = "gcc -std=c11 -Wall -Wextra -Wshadow -Wconversion -Wformat=2 -Iinclude -c src/image.c src/filters.c src/ppm.c src/main.c extras/export.c"
    add("gcc-wall-wextra-warnings", "gcc", "build", cmd, run(cmd, d, {"GCC_COLORS": ""}), needles_gcc)
    cmd = "gcc -std=c11 -Wall -Iinclude -o imgtool src/*.c"
    add("gcc-wall-link", "gcc", "build", cmd, run(cmd, d), needles_gcc)
    rnd = random.Random(17)
    for i in range(16):
        (d / "src" / f"codec_{i:02d}.c").write_text(c_broken_module(i, rnd))
    add("make-j4-errors-interleaved", "make", "build", "make -j4", run("make -j4", d, timeout=240), needles_gcc)
    add("make-k-j4-errors", "make", "build", "make -k -j4", run("make -k -j4", d, timeout=240), needles_gcc)
    for i in range(16):
        (d / "src" / f"codec_{i:02d}.c").unlink()
    cmd = "make clean && make -j4"
    add("make-clean-build-warnings", "make", "build", cmd, run(cmd, d, timeout=240), needles_gcc)


# ================================================================== shellcheck

SHELL_FILES = {
    "scripts/deploy.sh": '''
        #!/bin/bash
        # deploy the current build to the given host
        set -e

        HOST=$1
        TARGET=/srv/app/releases/$(date +%s)
        BUILD_DIR=build

        if [ -z $HOST ]; then
          echo "usage: deploy.sh host"
          exit 1
        fi

        cd $BUILD_DIR
        FILES=$(ls *.tar.gz)
        for f in $FILES; do
          scp $f deploy@$HOST:$TARGET/
        done

        ssh deploy@$HOST "ln -sfn $TARGET /srv/app/current && systemctl restart app"
        echo "deployed $(echo $FILES | wc -w) archives to $HOST"
        ''',
    "scripts/backup.sh": '''
        #!/bin/sh
        SRC_DIRS="/etc /var/lib/app /home"
        DEST=/mnt/backup/$(hostname)

        for d in $SRC_DIRS
        do
          name=`basename $d`
          tar czf $DEST/$name.tgz $d 2>/dev/null || echo "failed: $d"
        done

        if [[ -n "$KEEP_DAYS" ]]; then
          find $DEST -mtime +$KEEP_DAYS -delete
        fi

        count=$(ls $DEST | wc -l)
        echo "backup done: $count archives"
        local total=0
        ''',
    "scripts/rotate_logs.sh": '''
        #!/bin/bash
        LOG_DIR=${1:-/var/log/app}
        MAX=5

        rotate() {
          local f=$1
          for i in $(seq $MAX -1 1); do
            [ -f $f.$i ] && mv $f.$i $f.$((i+1))
          done
          mv $f $f.1
        }

        for log in $(find $LOG_DIR -name "*.log"); do
          size=$(stat -c %s $log)
          if [ $size -gt 1048576 ]; then
            rotate $log
          fi
        done

        read -p "purge archives older than $MAX? " answer
        if [ $answer == "y" ]; then
          rm -rf $LOG_DIR/*.log.$((MAX+1))
        fi
        ''',
    "scripts/ci_env.sh": '''
        #!/bin/bash
        export PATH=$PATH:$HOME/.local/bin
        PYTHON=$(which python3)
        VERSION=$($PYTHON -c 'import sys; print(sys.version.split()[0])')
        if [ $VERSION \\< "3.10" ]; then
          echo "python too old: $VERSION"
        fi
        ARGS="$@"
        echo $ARGS | grep -q -- --fast && FAST=1
        unset $FAST
        cat requirements.txt | while read line; do
          pip install $line
        done
        [ -n "$CI" ] && echo "in CI" || echo "local"
        echo "done" >> $LOGFILE
        ''',
}


def needles_shellcheck(lines: list[str]) -> list:
    """shellcheck: each (error) finding with its location; other levels one {"any"} per (SCcode, file) group; rule 1.

    tty format: a block "In FILE line N:" / source line / "^-- SCnnnn (level): message"; the group's
    lines are the "In FILE line N:" headers of its findings (the lines naming the file), and an
    error contributes both its "^-- SC… (error)" line and its header. gcc format
    ("file:L:C: level: message [SCnnnn]"): errors are needles, others grouped by (code, file).
    """
    n: list = []
    groups: dict = {}
    header = None
    for ln in lines:
        m = re.match(r"In (\S+) line \d+:", ln)
        if m:
            header = (ln, m.group(1))
            continue
        m = re.search(r"\^-*\^? (SC\d+) \((\w+)\): ", ln)
        if m and header:
            if m.group(2) == "error":
                n += [ln, header[0]]
            else:
                groups.setdefault((m.group(1), header[1]), []).append(header[0])
            continue
        m = re.match(r"(\S+):\d+:\d+: (\w+): .*\[(SC\d+)\]$", ln)
        if m:
            if m.group(2) == "error":
                n.append(ln)
            else:
                groups.setdefault((m.group(3), m.group(1)), []).append(ln)
    n += group_needles(groups)
    return n


@section("shell")
def cap_shell(tmp: Path) -> None:
    if not shutil.which("shellcheck"):
        note("skip shellcheck: not installed (apt-get install shellcheck)")
        return
    d = tmp / "ops"
    write_tree(d, SHELL_FILES)
    add("shellcheck-tty", "shellcheck", "lint", "shellcheck scripts/*.sh", run("shellcheck scripts/*.sh", d),
        needles_shellcheck)
    add("shellcheck-gcc-format", "shellcheck", "lint", "shellcheck -f gcc -S warning scripts/*.sh",
        run("shellcheck -f gcc -S warning scripts/*.sh", d), needles_shellcheck)


# ================================================================== main

def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT)
    ap.add_argument("--only", default="", help="comma-separated sections (debugging)")
    ap.add_argument("--keep", action="store_true", help="keep the temp dir")
    args = ap.parse_args()
    tmp = Path(tempfile.gettempdir()) / "diagcorpus"  # a fixed path: outputs name it
    shutil.rmtree(tmp, ignore_errors=True)
    tmp.mkdir(parents=True)
    if CARGO_BIN.is_dir():
        PATH_PREFIX.append(str(CARGO_BIN))
    only = [s for s in args.only.split(",") if s]
    try:
        for name, fn in SECTIONS.items():
            if only and name not in only:
                continue
            note(f"== {name}")
            try:
                fn(tmp)
            except AssertionError:
                raise
            except Exception as exc:  # a broken tool skips its kinds, not the run
                note(f"skip section {name}: {type(exc).__name__}: {exc}")
    finally:
        if args.keep:
            note(f"kept {tmp}")
        else:
            shutil.rmtree(tmp, ignore_errors=True)
    ITEMS.sort(key=lambda it: it["id"])
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps({"version": 2, "items": ITEMS}, indent=1, ensure_ascii=False) + "\n")
    kinds: dict = {}
    for it in ITEMS:
        kinds.setdefault(it["kind"], []).append(it)
    note(f"wrote {args.out}: {len(ITEMS)} items, {len(kinds)} kinds, "
         f"{sum(it['split'] == 'heldout' for it in ITEMS)} held out, {args.out.stat().st_size:,} bytes")


if __name__ == "__main__":
    main()
