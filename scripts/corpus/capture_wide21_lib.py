"""Round 21, libraries' own prints and pytest plugins: a marshmallow ValidationError dump, a cattrs exception group,
a click group's --help, pytest-benchmark's table, pytest-timeout's stack dump, pytest-randomly's seeded run,
pytest-mock's call mismatches and a hypothesis state machine's failure. Run through capture_wide21.py."""

from __future__ import annotations

import re
from pathlib import Path

from capture_data import num, python_exceptions
from capture_diagnostics import needles_pytest
from capture_more import kind, write_tree
from capture_wide10 import line_rule
from capture_wide10_py import with_pytest
from capture_wide21 import PY, cap

PYTEST = f"{PY} -m pytest -p no:cacheprovider"

# ================================================================== marshmallow, cattrs, click

n_marshmallow = line_rule(
    "marshmallow-errors", "json",
    "Rules 1+5 on a pretty-printed marshmallow ValidationError.messages: every line holding a message list (each names its record index and field).",
    hit=r"\[['\"]")


@kind("cattrs-exception-group", "build")
def n_cattrs(lines):
    """Rule 1 on an uncaught cattrs ClassValidationError (an exception group tree): every exception line in the tree ('| KeyError: …'), every 'Structuring class … @ attribute …' note, the location above the top exception."""
    out = [ln for ln in lines if re.search(r"^[\s|+]*[\w.]*(Error|Exception|ExceptionGroup)\b.*: |Structuring ", ln)]
    return out + python_exceptions(lines)


n_click_help = line_rule(
    "click-group-help", "doc",
    "Rule 5 on a click group's --help: the 'Usage:' line and every command row of the Commands section and every option row (each starts with two spaces and a name).",
    hit=r"^Usage: |^  (-|[a-z][\w-]+ )")

MARSH = '''from pprint import pprint

from marshmallow import Schema, ValidationError, fields, validate


class Address(Schema):
    street = fields.Str(required=True)
    city = fields.Str(required=True)
    postcode = fields.Str(validate=validate.Regexp(r"^\\d{5}$"))
    country = fields.Str(validate=validate.OneOf(["FR", "DE", "IT", "ES"]))


class Customer(Schema):
    id = fields.Int(required=True, strict=True)
    email = fields.Email(required=True)
    name = fields.Str(validate=validate.Length(min=2, max=40))
    signup = fields.Date()
    credit = fields.Decimal(validate=validate.Range(min=0))
    tags = fields.List(fields.Str(validate=validate.Length(max=12)))
    address = fields.Nested(Address)


rows = []
for i in range(40):
    r = {"id": i, "email": f"user{i}@example.org", "name": f"User {i}", "signup": "2024-0%d-1%d" % (1 + i % 9, i % 10),
         "credit": str(i * 12.5), "tags": ["vip"] if i % 7 == 0 else [], "address": {"street": f"{i} Rue Haute",
         "city": "Lyon", "postcode": "690%02d" % i, "country": "FR"}}
    if i % 6 == 3:
        r["email"] = r["email"].replace("@", " at ")
    if i % 11 == 5:
        r["address"]["country"] = "UK"
        del r["address"]["city"]
    if i % 13 == 9:
        r["id"] = str(i)
        r["credit"] = "-4"
    if i % 17 == 16:
        r["tags"] = ["newsletter-subscriber-2023", "ok"]
        r["nickname"] = "dup"
    rows.append(r)
try:
    Customer(many=True).load(rows)
except ValidationError as err:
    print(f"{len(err.messages)} of {len(rows)} customers rejected")
    pprint(err.messages, width=100)
'''

CATTRS = '''from dataclasses import dataclass
from datetime import datetime

import cattrs


@dataclass
class Line:
    sku: str
    qty: int
    price: float


@dataclass
class Shipping:
    carrier: str
    eta: datetime


@dataclass
class Order:
    id: int
    lines: list[Line]
    shipping: Shipping
    note: str | None = None


conv = cattrs.Converter()
conv.register_structure_hook(datetime, lambda v, _: datetime.fromisoformat(v))
payload = {
    "id": "A-1029",
    "lines": [{"sku": "X1", "qty": 2, "price": 9.5}, {"sku": "X2", "qty": "two", "price": 3},
              {"sku": "X3", "price": "free"}, {"qty": 1, "price": 1.0}],
    "shipping": {"carrier": "DHL", "eta": "next tuesday"},
}
print(conv.structure(payload, Order))
'''

CLICK = '''import click


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--config", type=click.Path(), default="~/.invoicer.toml", show_default=True, help="Config file.")
@click.option("-v", "--verbose", count=True, help="More output (repeatable).")
@click.option("--dry-run", is_flag=True, help="Print what would change, change nothing.")
@click.version_option("2.4.1")
def cli(config, verbose, dry_run):
    """Invoicer: create, send and reconcile invoices from the command line."""


@cli.command()
@click.argument("customer")
@click.option("--amount", type=float, required=True)
def create(customer, amount):
    """Create a draft invoice for CUSTOMER."""


@cli.command()
def send():
    """Email every approved invoice that has not been sent yet."""


@cli.command()
def reconcile():
    """Match bank statement lines to open invoices and mark them paid."""


@cli.command(name="export")
def export_():
    """Export invoices as CSV, JSON or a ledger file."""


@cli.command()
def remind():
    """Send payment reminders for invoices overdue by more than --days days."""


@cli.command(deprecated=True)
def sync():
    """Push invoices to the old accounting system (use export instead)."""


@cli.group()
def customers():
    """Manage customers (list, add, merge, archive)."""


@cli.group()
def templates():
    """Manage email and PDF templates."""


@cli.command()
def stats():
    """Totals per month, per customer and per status."""


@cli.command(name="void")
def void_():
    """Cancel an invoice and issue a credit note."""


if __name__ == "__main__":
    cli()
'''


def cap_libs(tmp: Path) -> None:
    root = tmp / "libs"
    write_tree(root, {"load_customers.py": MARSH, "orders.py": CATTRS, "invoicer.py": CLICK})
    cap("marshmallow-errors", f"{PY} load_customers.py", root, n_marshmallow, typed="python load_customers.py")
    cap("cattrs-exception-group", f"{PY} orders.py", root, n_cattrs, typed="python orders.py")
    cap("click-group-help", f"{PY} invoicer.py --help", root, n_click_help, typed="python invoicer.py --help")


# ================================================================== pytest plugins

@kind("pytest-benchmark", "test")
def n_pytest_benchmark(lines):
    """Rules 2+4 on pytest-benchmark's table: the pytest rule, the table's title and header rows, the rows holding the smallest and largest Min and Mean, the legend-free 'N passed' line."""
    out = needles_pytest(lines)
    out += [ln for ln in lines if re.match(r"^-+ benchmark|^Name \(time in", ln)]
    rows = []
    for ln in lines:
        m = re.match(r"^(test_\S+)\s+([\d,.]+)(?: \([^)]*\))?\s+([\d,.]+)(?: \([^)]*\))?\s+([\d,.]+)", ln)
        if m:
            rows.append((ln, num(m.group(2).replace(",", "")), num(m.group(4).replace(",", ""))))
    for col in (1, 2):
        vals = [r[col] for r in rows if r[col] is not None]
        if vals:
            out += [next(r[0] for r in rows if r[col] == min(vals)), next(r[0] for r in rows if r[col] == max(vals))]
    return out


n_pytest_timeout = with_pytest("pytest-timeout", "Rules 1+2 on pytest-timeout: the pytest rule, and every 'Timeout' banner / 'Failed: Timeout >Ns' line.", extra=r"^\++ Timeout \++$|Failed: Timeout")
n_pytest_randomly = with_pytest("pytest-randomly", "Rules 2+5 on a pytest-randomly run: the pytest rule, and the 'Using --randomly-seed=N' line (the seed that reproduces the order).", extra=r"randomly-seed=")
n_hypothesis_stateful = with_pytest("hypothesis-stateful", "Rules 1+2 on a failing hypothesis state machine under pytest: the pytest rule, and the 'Failing test case' line with every 'state.step(...)' line of the shrunk run.", extra=r"^E\s+(state\.\w+\(|Failing test case)")
n_pytest_mock = with_pytest("pytest-mock", "Rules 1+2 on pytest-mock failures: the pytest rule, and every 'Expected:' / 'Actual:' call line.", extra=r"^E\s+(Expected|Actual|  Actual): ")

BENCH = '''import json
import re

import pytest

DATA = [{"id": i, "name": f"n{i}", "tags": ["a", "b"] * (i % 4)} for i in range(2000)]
TEXT = " ".join(f"word{i % 97}" for i in range(20000))


def test_json_dumps(benchmark):
    benchmark(json.dumps, DATA)


def test_json_roundtrip(benchmark):
    benchmark(lambda: json.loads(json.dumps(DATA)))


def test_regex_findall(benchmark):
    benchmark(re.findall, r"word1\\d", TEXT)


def test_split_count(benchmark):
    benchmark(lambda: len(TEXT.split()))


def test_sorted_keys(benchmark):
    benchmark(sorted, DATA, key=lambda d: (len(d["tags"]), -d["id"]))


@pytest.mark.parametrize("n", [10, 1000, 50000])
def test_sum_range(benchmark, n):
    benchmark(sum, range(n))


def test_dict_comprehension(benchmark):
    r = benchmark(lambda: {d["id"]: d for d in DATA})
    assert len(r) == 2001
'''
TIMEOUT = '''import threading
import time
import queue

import pytest


def worker(q, out):
    while True:
        item = q.get()
        if item is None:
            break
        out.append(item * 2)


def test_fast():
    assert sum(range(10)) == 45


def test_queue_drains():
    q, out = queue.Queue(), []
    t = threading.Thread(target=worker, args=(q, out), daemon=True)
    t.start()
    for i in range(5):
        q.put(i)
    t.join()  # the sentinel is never sent
    assert out == [0, 2, 4, 6, 8]


@pytest.mark.parametrize("n", [1, 2, 3])
def test_sleepy(n):
    time.sleep(0.01 * n)


def test_lock_order():
    a, b = threading.Lock(), threading.Lock()
    with a:
        def other():
            with b:
                with a:
                    pass
        threading.Thread(target=other, daemon=True).start()
        time.sleep(0.1)
        with b:
            pass
'''
RANDOMLY = '''import pytest

REGISTRY = {}
CACHE = []


def register(name, fn):
    if name in REGISTRY:
        raise KeyError(f"{name} already registered")
    REGISTRY[name] = fn


''' + "".join(f'''def test_register_{i}():
    register("h{i % 3}", print) if {i} < 3 else None
    assert "h{i % 3}" in REGISTRY


def test_cache_{i}():
    CACHE.append({i})
    assert CACHE[0] == 0, CACHE


''' for i in range(8))
MOCK = '''import smtplib
from unittest import mock

import pytest


class Notifier:
    def __init__(self, host="smtp.example.org"):
        self.host = host

    def send(self, to, subject, body):
        with smtplib.SMTP(self.host, 587, timeout=10) as s:
            s.starttls()
            s.sendmail("noreply@example.org", [to], f"Subject: {subject}\\n\\n{body}")

    def notify_late(self, invoices):
        for inv in invoices:
            if inv["days_late"] > 30:
                self.send(inv["email"], f"Invoice {inv['no']} overdue", "Please pay.")


INVOICES = [{"no": 1, "email": "a@example.org", "days_late": 45}, {"no": 2, "email": "b@example.org", "days_late": 10},
            {"no": 3, "email": "c@example.org", "days_late": 31}]


def test_send_uses_tls(mocker):
    smtp = mocker.patch("smtplib.SMTP")
    Notifier().send("x@example.org", "hi", "body")
    smtp.assert_called_once_with("smtp.example.org", 25, timeout=10)


def test_notify_late_count(mocker):
    send = mocker.patch.object(Notifier, "send")
    Notifier().notify_late(INVOICES)
    assert send.call_count == 1


def test_notify_late_subjects(mocker):
    send = mocker.patch.object(Notifier, "send")
    Notifier().notify_late(INVOICES)
    send.assert_has_calls([mocker.call("a@example.org", "Invoice 1 overdue", "Please pay."),
                           mocker.call("c@example.org", "Invoice 3 is overdue", "Please pay.")])


def test_sendmail_args(mocker):
    smtp = mocker.patch("smtplib.SMTP")
    Notifier().send("x@example.org", "hi", "body")
    smtp.return_value.__enter__.return_value.sendmail.assert_called_with("noreply@example.org", "x@example.org", mock.ANY)


def test_spy(mocker):
    spy = mocker.spy(Notifier, "notify_late")
    mocker.patch.object(Notifier, "send")
    Notifier().notify_late([])
    spy.assert_called_once()
    assert spy.spy_return == []
'''
STATEFUL = '''from hypothesis import settings, strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, rule


class Cart:
    def __init__(self):
        self.items = {}

    def add(self, sku, qty):
        self.items[sku] = self.items.get(sku, 0) + qty

    def remove(self, sku, qty):
        if sku in self.items:
            self.items[sku] -= qty
            if self.items[sku] == 0:
                del self.items[sku]

    def total_qty(self):
        return sum(self.items.values())


class CartMachine(RuleBasedStateMachine):
    def __init__(self):
        super().__init__()
        self.cart = Cart()
        self.model = {}

    @rule(sku=st.sampled_from(["A", "B", "C"]), qty=st.integers(1, 5))
    def add(self, sku, qty):
        self.cart.add(sku, qty)
        self.model[sku] = self.model.get(sku, 0) + qty

    @rule(sku=st.sampled_from(["A", "B", "C"]), qty=st.integers(1, 5))
    def remove(self, sku, qty):
        self.cart.remove(sku, qty)
        if sku in self.model:
            self.model[sku] = max(0, self.model[sku] - qty)
            if not self.model[sku]:
                del self.model[sku]

    @invariant()
    def never_negative(self):
        assert all(q > 0 for q in self.cart.items.values()), self.cart.items

    @invariant()
    def matches_model(self):
        assert self.cart.total_qty() == sum(self.model.values())


TestCart = CartMachine.TestCase
TestCart.settings = settings(max_examples=200, derandomize=True)
'''


def cap_pytest_plugins(tmp: Path) -> None:
    root = tmp / "plugins"
    write_tree(root, {"bench/test_bench.py": BENCH, "timeout/test_workers.py": TIMEOUT, "rand/test_registry.py": RANDOMLY,
                      "mock/test_notify.py": MOCK, "stateful/test_cart.py": STATEFUL})
    cap("pytest-benchmark", f"{PYTEST} -p no:randomly bench --benchmark-columns=min,max,mean,stddev,median,ops,rounds", root,
        n_pytest_benchmark, typed="pytest bench --benchmark-columns=min,max,mean,stddev,median,ops,rounds")
    cap("pytest-timeout", f"{PYTEST} -p no:randomly --timeout=2 timeout", root, n_pytest_timeout, typed="pytest --timeout=2 timeout")
    cap("pytest-randomly", f"{PYTEST} -p no:benchmark -p no:timeout -v -p randomly --randomly-seed=1729 rand", root,
        n_pytest_randomly, typed="pytest -v -p randomly --randomly-seed=1729 rand")
    cap("pytest-mock", f"{PYTEST} -p no:randomly mock", root, n_pytest_mock, typed="pytest mock")
    cap("hypothesis-stateful", f"{PYTEST} -p no:randomly stateful", root, n_hypothesis_stateful, typed="pytest stateful")


STEPS = [cap_libs, cap_pytest_plugins]
