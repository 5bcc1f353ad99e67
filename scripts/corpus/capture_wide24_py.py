"""Round 24, the Python tools the corpus had not seen: nose2 and behave on a small 'stockroom' package written here
with bugs put in; basedpyright, pyrefly and ty over the bidict and sortedcontainers sdists; refurb over those, the
inflection sdist and the package; deptry, doc8, rstcheck, typos and twine check on the package; pip-licenses,
sqlite-utils; the pyinstrument and kernprof profilers. Rules: NEEDLES.md (rules 1-5, and "Round 24" for the kind
values). Run through capture_wide24.py."""

from __future__ import annotations

import re
from pathlib import Path

from capture_more import named, run, write_tree
from capture_wide24 import TOOLS, cap, diag, table, tests
from capture_more import PIP_ENV

NOCACHE = {"PYTHONDONTWRITEBYTECODE": "1"}
SDISTS = ["bidict-0.23.1", "sortedcontainers-2.4.0", "inflection-0.5.1"]

MODELS = '''"""Stock items and their movements."""
from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal


@dataclass
class Item:
    sku: str
    name: str
    unit_price: Decimal
    qty: int = 0
    tags: list[str] = field(default_factory=list)

    def value(self) -> Decimal:
        return self.unit_price * self.qty

    def restock(self, n: int) -> None:
        if n <= 0:
            raise ValueError(f"restock of {self.sku} needs a positive count, got {n}")
        self.qty += n

    def pick(self, n: int) -> int:
        # slip: allows picking one more than is on the shelf
        if n > self.qty + 1:
            raise ValueError(f"only {self.qty} of {self.sku} on the shelf")
        self.qty -= n
        return self.qty
'''

LEDGER = '''"""A stock ledger: items by SKU, movements, valuation."""
from __future__ import annotations

import csv
import json
import os
from decimal import Decimal
from typing import Iterable, Optional

from stockroom.models import Item


class Ledger:
    def __init__(self, items: Iterable[Item] = ()):
        self.items = {i.sku: i for i in items}
        self.moves: list = []

    def add(self, item: Item) -> None:
        if item.sku in self.items:
            raise KeyError(f"duplicate sku {item.sku}")
        self.items[item.sku] = item

    def find(self, sku: str) -> Optional[Item]:
        return self.items.get(sku)

    def move(self, sku: str, delta: int) -> int:
        item = self.find(sku)
        self.moves.append((sku, delta))
        if delta > 0:
            item.restock(delta)
        else:
            item.pick(-delta)
        return item.qty

    def total_value(self) -> Decimal:
        total = 0
        for sku in self.items.keys():
            total = total + self.items[sku].value()
        return total

    def low_stock(self, threshold: int = 5) -> list[str]:
        out = []
        for item in self.items.values():
            if item.qty < threshold:
                out.append(item.sku)
        return sorted(out, key=lambda s: s)

    def export_csv(self, path: str) -> None:
        f = open(path, "w")
        w = csv.writer(f)
        for item in self.items.values():
            w.writerow([item.sku, item.name, str(item.unit_price), item.qty])
        f.close()

    def load_json(self, path: str) -> int:
        with open(path) as f:
            data = json.loads(f.read())
        for row in data:
            self.add(Item(row["sku"], row["name"], Decimal(str(row["price"])), int(row["qty"])))
        return len(data)

    def config(self, path: str) -> dict:
        if os.path.exists(path) == False:
            return {}
        import yaml  # a dependency, imported late (the tests run without it)

        with open(path) as f:
            return yaml.safe_load(f)

    def tag_counts(self) -> dict[str, int]:
        counts: dict[str, int] = {}
        for item in self.items.values():
            for t in item.tags:
                if t in counts:
                    counts[t] = counts[t] + 1
                else:
                    counts[t] = 1
        return counts

    def report(self) -> str:
        lines = []
        for sku, item in sorted(self.items.items()):
            lines.append("%s %s %d" % (sku, item.name, item.qty))
        return "\\n".join(lines)

    def fetch_prices(self, url: str) -> dict:
        import requests  # not a dependency of the project (deptry)

        return requests.get(url, timeout=5).json()
'''

TESTS = '''import unittest
from decimal import Decimal

from stockroom.ledger import Ledger
from stockroom.models import Item


def sample():
    return Ledger([Item("BOLT-%02d" % i, "Bolt %d" % i, Decimal("0.%02d" % (10 + i)), qty=i * 3, tags=["metal"])
                   for i in range(1, 41)])


class ItemTests(unittest.TestCase):
    def test_restock_adds(self):
        it = Item("NUT-1", "Nut", Decimal("0.05"), 4)
        it.restock(6)
        self.assertEqual(it.qty, 10)

    def test_restock_rejects_zero(self):
        with self.assertRaises(ValueError):
            Item("NUT-1", "Nut", Decimal("0.05")).restock(0)

    def test_pick_too_many_raises(self):
        it = Item("NUT-2", "Nut", Decimal("0.05"), 3)
        with self.assertRaises(ValueError):
            it.pick(4)

    def test_value(self):
        self.assertEqual(Item("W-1", "Washer", Decimal("0.25"), 8).value(), Decimal("2.00"))


class LedgerTests(unittest.TestCase):
    def setUp(self):
        self.ledger = sample()

'''


def _ledger_tests() -> str:
    """Generated ledger cases (many pass; a few expectations meet the bugs)."""
    out = []
    for i in range(1, 41):
        out.append(f"    def test_move_in_{i:02d}(self):\n        self.assertEqual("
                   f"self.ledger.move('BOLT-{i:02d}', 5), {i * 3 + 5})\n")
        want = i * 3 - 4
        out.append(f"    def test_move_out_{i:02d}(self):\n        if {want} < 0:\n            with self.assertRaises"
                   f"(ValueError):\n                self.ledger.move('BOLT-{i:02d}', -4)\n        else:\n"
                   f"            self.assertEqual(self.ledger.move('BOLT-{i:02d}', -4), {want})\n")
    out.append("    def test_low_stock(self):\n        self.assertEqual(self.ledger.low_stock(7), ['BOLT-01', 'BOLT-02'])\n")
    out.append("    def test_unknown_sku(self):\n        with self.assertRaises(KeyError):\n"
               "            self.ledger.move('NOPE-1', 1)\n")
    out.append("    def test_total_value_type(self):\n        self.assertIsInstance(Ledger().total_value(), Decimal)\n")
    out.append("    def test_report_lines(self):\n        self.assertEqual(len(self.ledger.report().splitlines()), 40)\n")
    out.append("    def test_duplicate(self):\n        with self.assertRaises(KeyError):\n"
               "            self.ledger.add(Item('BOLT-01', 'dup', Decimal(1)))\n")
    return "\n".join(out)


FEATURE = '''Feature: Picking stock from the shelf
  As a warehouse clerk I pick items for orders.

  Background:
    Given a ledger with these items
      | sku     | name        | price | qty |
      | BOLT-01 | Bolt M4     | 0.11  | 10  |
      | NUT-07  | Nut M4      | 0.05  | 2   |
      | PIN-22  | Cotter pin  | 0.02  | 0   |

  Scenario: Pick within stock
    When I pick 4 of "BOLT-01"
    Then "BOLT-01" has 6 on the shelf

  Scenario: Pick more than the shelf holds
    When I try to pick 3 of "NUT-07"
    Then the pick is refused

  Scenario: Restock an empty shelf
    When I restock "PIN-22" with 50
    Then "PIN-22" has 50 on the shelf
    And the ledger is worth 2.00

  Scenario Outline: Low stock report
    When I list items under <limit>
    Then the list is "<skus>"

    Examples:
      | limit | skus            |
      | 1     | PIN-22          |
      | 3     | NUT-07,PIN-22   |
      | 20    | BOLT-01,NUT-07,PIN-22 |

  Scenario: Unknown item
    When I pick 1 of "GEAR-99"
    Then the pick is refused
'''

STEPS_PY = '''from decimal import Decimal

from behave import given, then, when

from stockroom.ledger import Ledger
from stockroom.models import Item


@given("a ledger with these items")
def step_ledger(context):
    context.ledger = Ledger(Item(r["sku"], r["name"], Decimal(r["price"]), int(r["qty"])) for r in context.table)
    context.error = None


@when('I pick {n:d} of "{sku}"')
def step_pick(context, n, sku):
    context.ledger.move(sku, -n)


@when('I try to pick {n:d} of "{sku}"')
def step_try_pick(context, n, sku):
    try:
        context.ledger.move(sku, -n)
    except (ValueError, KeyError) as e:
        context.error = e


@when('I restock "{sku}" with {n:d}')
def step_restock(context, sku, n):
    context.ledger.move(sku, n)


@when("I list items under {limit:d}")
def step_list(context, limit):
    context.low = context.ledger.low_stock(limit)


@then('"{sku}" has {n:d} on the shelf')
def step_has(context, sku, n):
    assert context.ledger.find(sku).qty == n, f"{sku}: {context.ledger.find(sku).qty} on the shelf, expected {n}"


@then("the pick is refused")
def step_refused(context):
    assert context.error is not None, "the pick went through"


@then("the ledger is worth {amount}")
def step_worth(context, amount):
    assert context.ledger.total_value() == Decimal(amount), f"worth {context.ledger.total_value()}, not {amount}"


@then('the list is "{skus}"')
def step_list_is(context, skus):
    assert context.low == skus.split(","), f"low stock {context.low!r}"
'''

DOCS = {
    "docs/index.rst": "Stockroom\n=========\n\nA stock ledger. See :ref:`usage` and `the api`_.\n\n.. toctree::\n   :maxdepth: 2\n\n"
                      "   usage\n   api\n\nInstallation\n-----------\n\nInstall with pip::\n\n    pip install stockroom\n\n"
                      "This line is deliberately far too long for the documentation style checker that runs in CI on every pull request.\n",
    "docs/usage.rst": ".. _usage:\n\nUsage\n=====\n\nCreate a ledger:\n\n.. code-block:: python\n\n   from stockroom.ledger import Ledger\n"
                      "   l = Ledger(\n\nMovements\n--------\n\nA movement is a signed count.  \n\n.. note::\n  Negative counts pick.\n\n"
                      "See `Ledger.move <#move>`__ and :func:`missing_role` and the `glossary`_.\n\n.. warning:: Unclosed *emphasis\n",
    "docs/api.rst": "API\n===\n\n.. automodule:: stockroom.ledger\n\n.. code-block:: json\n\n   {\"sku\": \"A\", qty: 3}\n\n"
                    "Items\n~~~~\n\n\tTabbed line.\n\n.. unknown-directive:: x\n\n.. _api:\n\n.. _api:\n",
    "README.rst": "Stockroom\n=========\n\nA stock ledger for small warehouses.\n\n.. image:: https://example.org/badge.svg\n"
                  "   :target: https://example.org\n\nUsage\n----\n\n>>> from stockroom.ledger import Ledger\n\n`broken link <>`_\n",
}

PYPROJECT = '''[build-system]
requires = ["setuptools>=61"]
build-backend = "setuptools.build_meta"

[project]
name = "stockroom"
version = "0.3.0"
description = "A stock ledger"
readme = "README.rst"
requires-python = ">=3.9"
dependencies = ["pyyaml", "click", "attrs"]

[tool.setuptools]
packages = ["stockroom"]
'''


def project(tmp: Path) -> Path:
    root = tmp / "stockroom"
    typo_note = ("# Recieve the stock movments and calcualte the ledger value; teh shelf count is "
                 "seperate from the reciept.\n")
    write_tree(root, {"stockroom/__init__.py": typo_note, "stockroom/models.py": MODELS, "stockroom/ledger.py": LEDGER,
                      "tests/__init__.py": "", "tests/test_ledger.py": TESTS + _ledger_tests(),
                      "features/picking.feature": FEATURE, "features/steps/stock_steps.py": STEPS_PY,
                      "pyproject.toml": PYPROJECT, **DOCS})
    return root


N_BEHAVE = tests(
    "behave", "behave: each failing scenario (Failing scenarios: entries), each 'Assertion Failed:' / "
    "'Traceback' error line, the features/scenarios/steps summary lines; rules 1-2.",
    r"^\s+features/\S+\.feature:\d+\s", None,
    r"^\d+ features? passed|^\d+ scenarios? passed|^\d+ steps? passed|^Failing scenarios:",
    err=r"Assertion Failed:|^\s+(\w+Error|KeyError|AttributeError):")


def runners(tmp: Path) -> None:
    root = project(tmp)
    cap("nose2-v-stockroom", "nose2 -v 2>&1", root, tests(
        "nose2-v", "nose2 -v: each FAIL:/ERROR: test header, its first exception line, the Ran/FAILED lines; rule 2.",
        r"^(FAIL|ERROR): ", r"^\w*(Error|Exception)\b", r"^Ran \d+ tests|^FAILED \(|^OK\b", ahead=20), env=NOCACHE)
    cap("behave-stockroom", "behave --no-color 2>&1", root, N_BEHAVE, env=NOCACHE)


def checkers(tmp: Path) -> None:
    root = project(tmp)
    cap("basedpyright-bidict", "basedpyright bidict 2>&1", tmp / SDISTS[0], diag(
        "basedpyright", "lint", "basedpyright: every '- error:' line (it holds its location); warnings one {\"any\"} "
        "per (rule, file); the 'N errors, N warnings' summary; rules 1,3.",
        err=r" - error: ", warn=r" - warning: ", wkey=r"^\s*(/\S+?):\d+.*\((report\w+)\)\s*$",
        summary=r"^\d+ errors?, \d+ warnings?"))
    cap("pyrefly-check-bidict", "pyrefly check bidict 2>&1", tmp / SDISTS[0], diag(
        "pyrefly", "lint", "pyrefly check: every 'ERROR' line with its '-->' location; WARN lines one {\"any\"} per "
        "([code], file); the INFO count lines; rules 1,3.",
        err=r"^ERROR ", loc=r"^\s*--> ", warn=r"^WARN ", summary=r"^ INFO .*errors?|^INFO .*errors?"))
    cap("ty-check-sortedcontainers", "ty check sortedcontainers 2>&1", tmp / SDISTS[1], diag(
        "ty-check", "lint", "ty check: every 'error[...]' line with its '-->' location; warnings one {\"any\"} per "
        "(code, file); the 'Found N diagnostics' summary; rules 1,3.",
        err=r"^error\[", loc=r"^\s*--> ", warn=r"^warning\[", wkey=r"^warning\[([\w-]+)\]",
        summary=r"^Found \d+ diagnostics?"))
    cap("basedpyright-sorteddict", "basedpyright sortedcontainers/sorteddict.py 2>&1", tmp / SDISTS[1], diag(
        "basedpyright", "lint", "basedpyright: every '- error:' line (it holds its location); warnings one {\"any\"} "
        "per (rule, file); the 'N errors, N warnings' summary; rules 1,3.",
        err=r" - error: ", warn=r" - warning: ", wkey=r"^\s*(/\S+?):\d+.*\((report\w+)\)\s*$",
        summary=r"^\d+ errors?, \d+ warnings?"))
    cap("refurb-packages", "refurb stockroom/stockroom bidict-0.23.1/bidict sortedcontainers-2.4.0/sortedcontainers "
        "inflection-0.5.1/inflection 2>&1", tmp, diag(
        "refurb", "lint", "refurb: findings carry no level: one {\"any\"} per (FURB code, file); rule 1.",
        warn=r"\[FURB\d+\]", wkey=r"^(\S+?):\d+:\d+ \[(FURB\d+)\]"))
    cap("deptry-stockroom", "deptry . 2>&1", root, diag(
        "deptry", "lint", "deptry: every DEPnnn finding (each names a package, rule 5); the 'Found N dependency "
        "issues' summary; rules 1,3,5.",
        err=r": DEP\d{3} ", summary=r"^Found \d+ dependency issues?|^Success"))


N_TWINE_CHECK = diag(
    "twine-check", "pkg", "twine check: every FAILED / ERROR line; WARNING lines one {\"any\"} per message; the "
    "per-file verdicts (rule 3).", err=r"\bERROR\b|FAILED", warn=r"\bWARNING\b", summary=r"^Checking ")


N_TYPOS = diag(
    "typos", "lint", "typos: every 'error: `x` should be `y`' line with its '-->' location; rule 1.",
    err=r"^error: ", loc=r"^\s+--> ")


N_RSTCHECK = diag(
    "rstcheck", "lint", "rstcheck: every (ERROR/3) and (SEVERE/4) line; (WARNING/2) and (INFO/1) one {\"any\"} per "
    "(level, file); the closing verdict; rules 1,3.",
    err=r"\((ERROR|SEVERE)/\d\)", warn=r"\((WARNING|INFO)/\d\)", wkey=r"^(\S+?):\d+: \((\w+)/",
    summary=r"^Error! Issues detected|^Success! No issues")


def docs(tmp: Path) -> None:
    root = project(tmp)
    cap("doc8-stockroom", "doc8 docs README.rst 2>&1", root, diag(
        "doc8", "lint", "doc8: findings one {\"any\"} per (Dnnn code, file); the 'Total errors' summary; rules 1,3.",
        warn=r":\d+: D\d{3} ", wkey=r"^(\S+?):\d+: (D\d{3})", summary=r"^Total (errors|files scanned)"))
    cap("rstcheck-stockroom", "rstcheck --report-level info docs/*.rst README.rst 2>&1", root, N_RSTCHECK)
    cap("typos-stockroom", "typos 2>&1", root, N_TYPOS)
    run(f"{TOOLS / 'venv/bin/python'} -m build --sdist --wheel . >/dev/null 2>&1", cwd=root, env=PIP_ENV, timeout=300)
    cap("twine-check-stockroom", "twine check dist/* 2>&1", root, N_TWINE_CHECK)


N_SQLITE_UTILS_TABLE = table(
    "sqlite-utils-table", "table", "sqlite-utils --table: rule 4 (header; rare status/region values; the "
    "extremes of total).", r"^\s*id\s+customer\s+region", ["id", "customer", "region", "total", "status"],
    cat=["region", "status"], nums=["total"], row=r"^\s*\d+\s")


N_PIP_LICENSES = table(
    "pip-licenses", "table", "pip-licenses: rule 4 (header; rare License values; name and version kept with their "
    "rows).", r"^ Name\s+Version\s+License|^Name\s+Version\s+License", ["name", "version", "license"],
    cat=["license"])


def tables(tmp: Path) -> None:
    cap("pip-licenses-venv", "pip-licenses --format=plain --with-system --order=license 2>&1", tmp, N_PIP_LICENSES)
    db = tmp / "shop.db"
    run("sqlite-utils create-table shop.db orders id integer customer text region text total float status text "
        "--pk id", cwd=tmp)
    rows = ",".join(f'{{"id":{i},"customer":"c{i % 37:02d}","region":"{["north", "south", "east", "west"][i % 4]}",'
                    f'"total":{round(12.5 + (i * 7919) % 300 / 3, 2) if i != 133 else 48211.0},'
                    f'"status":"{"refunded" if i in (57, 190) else "paid"}"}}' for i in range(1, 241))
    (tmp / "orders.json").write_text(f"[{rows}]")
    run("sqlite-utils insert shop.db orders orders.json", cwd=tmp)
    assert db.exists()
    cap("sqlite-utils-rows-table", "sqlite-utils rows shop.db orders --table 2>&1", tmp, N_SQLITE_UTILS_TABLE)


HOTPATH = '''import json
import re
from collections import Counter


@profile  # noqa: F821  (kernprof injects it; run_plain.py a no-op)
def tokenize(text):
    return re.findall(r"[a-z']+", text.lower())


def ngrams(words, n):
    return [" ".join(words[i:i + n]) for i in range(len(words) - n + 1)]


@profile  # noqa: F821
def slow_unique(words):
    seen = []
    for w in words:
        if w not in seen:  # a list: quadratic, the hot spot
            seen.append(w)
    return seen


@profile  # noqa: F821
def score(doc):
    words = tokenize(doc)
    grams = Counter(ngrams(words, 2)) + Counter(ngrams(words, 3))
    uniq = slow_unique(words)
    return {"words": len(words), "unique": len(uniq), "top": grams.most_common(3)}


def corpus(n):
    base = "the quick brown fox jumps over the lazy dog while the stock ledger counts bolts nuts and pins"
    return [" ".join(base.split()[(i % 7):] + [f"w{j}" for j in range(i % 400)]) for i in range(n)]


@profile  # noqa: F821
def main():
    out = [score(d) for d in corpus(900)]
    blob = json.dumps(out)
    return len(blob)


if __name__ == "__main__":
    print(main())
'''


def profilers(tmp: Path) -> None:
    d = tmp / "prof"
    write_tree(d, {"hotpath.py": HOTPATH, "run_plain.py": "import builtins\nbuiltins.profile = lambda f: f\n"
                   "import runpy\nrunpy.run_path('hotpath.py', run_name='__main__')\n"})
    cap("pyinstrument-hotpath", "pyinstrument --show-all run_plain.py 2>&1", d, named(
        "pyinstrument", "log", "pyinstrument: the header (Recorded/Samples/Duration) and every frame line costing at "
        "least 10% of the duration (NEEDLES.md, Round 24, profiles); rule 5.", pyinstrument_hot), timeout=300)
    cap("kernprof-lv-hotpath", "kernprof -l -v hotpath.py 2>&1", d, diag(
        "kernprof-lv", "table", "kernprof -l -v: the Timer unit / Total time / File / Function lines and every line "
        "row taking at least 10% of the time (NEEDLES.md, Round 24, profiles); rule 5.",
        values=r"^Total time:|^Function: |^Timer unit:|^\s+\d+\s+\d+\s+[\d.]+\s+[\d.]+\s+([1-9]\d|100)\.\d\s"),
        timeout=300)


def pyinstrument_hot(lines: list[str]) -> list:
    """The header lines and every pyinstrument frame line whose time is at least 10% of the duration."""
    dur = next((float(m.group(1)) for ln in lines if (m := re.search(r"Duration: ([\d.]+)", ln))), None)
    if not dur:
        return []
    head = [ln for ln in lines if re.search(r"Duration:|Samples:|Recorded:", ln)]
    hot = [ln for ln in lines if (m := re.match(r"^[\s│├└─]*([\d.]+) \S", ln)) and float(m.group(1)) >= dur / 10]
    return head + hot


STEPS = [runners, checkers, docs, tables, profilers]
