"""Round 15, the Python diagnostics: a package of rate-limit and billing code with real bugs (pytest, a chained
traceback, mypy, ruff, flake8, pylint, bandit, black/isort --check, yamllint over its CI and compose files).
`orig` registers a first round's extractor under its kind; the extractors are capture_diagnostics.py's and
capture_more.py's. Also javac and shellcheck on small Java and shell sources; Go, Rust and C are in
capture_wide15_langs.py. Run through capture_wide15.py."""

from __future__ import annotations

from pathlib import Path

import capture_diagnostics as dg
import capture_more as cm
from capture_more import add_or_skip as add
from capture_more import run, write_tree
from capture_wide6 import reuse
from capture_wide7_more import first


def orig(name: str, family: str, fn):
    """A diagnostics extractor (of the cleaned lines) under its first round's kind name and rule line."""
    return reuse(name, family, fn, first(fn))


n_pytest = orig("pytest", "test", dg.needles_pytest)
n_traceback = orig("python-traceback", "build", dg.needles_pytraceback)
n_mypy = orig("mypy", "lint", dg.needles_mypy)
n_ruff = orig("ruff", "lint", dg.needles_ruff)
n_flake8 = orig("flake8", "lint", dg.needles_pylint)
n_pylint = orig("pylint", "lint", dg.needles_pylint)
n_shellcheck = orig("shellcheck", "lint", dg.needles_shellcheck)


def cap(item_id: str, command: str, cwd: Path, extractor, timeout: int = 300, env: dict | None = None) -> None:
    add(item_id, command, run(command, cwd=cwd, timeout=timeout, env=env), extractor)


# ------------------------------------------------------------------ Python

PY = {
    "meter/__init__.py": "",
    "meter/limits.py": '''
import time
from dataclasses import dataclass, field


@dataclass
class Bucket:
    """A token bucket: `rate` tokens a second, at most `burst`."""
    rate: float
    burst: int
    tokens: float = field(init=False)
    stamp: float = field(init=False)

    def __post_init__(self):
        self.tokens = self.burst
        self.stamp = time.monotonic()

    def take(self, n=1, now=None):
        now = time.monotonic() if now is None else now
        self.tokens = min(self.burst, self.tokens + (now - self.stamp) * self.rate)
        self.stamp = now
        if self.tokens > n:  # bug: a request for exactly the tokens left is refused
            self.tokens -= n
            return True
        return False


def parse_limit(spec: str) -> Bucket:
    """'100/min' -> Bucket(rate=100/60, burst=100)."""
    count, per = spec.split("/")
    seconds = {"s": 1, "sec": 1, "min": 60, "h": 3600}[per]
    return Bucket(rate=int(count) / seconds, burst=int(count))
''',
    "meter/billing.py": '''
import json
import os
import subprocess
from decimal import Decimal
from typing import Optional

TIERS = [(1000, Decimal("0.00")), (10000, Decimal("0.002")), (None, Decimal("0.0015"))]


def price(calls: int) -> Decimal:
    """Graduated pricing: the first 1000 calls are free."""
    total, floor = Decimal(0), 0
    for cap, unit in TIERS:
        upper = calls if cap is None else min(calls, cap)
        if upper > floor:
            total += (upper - floor) * unit
        floor = cap
    return total.quantize(Decimal("0.01"))


def load_usage(path: str) -> dict[str, int]:
    with open(path) as f:
        raw = json.load(f)
    return {k: int(v) for k, v in raw["usage"].items()}


def invoice_line(customer: str, calls: int, currency: Optional[str] = None) -> str:
    amount = price(calls)
    return f"{customer:<20} {calls:>8} {amount:>10} {currency.upper()}"


def archive(path):
    subprocess.call("gzip -k " + path, shell=True)
    os.chmod(path + ".gz", 0o777)
    return path + ".gz"


def total(lines) -> int:
    return sum(l.amount for l in lines)


def month_key(ts: str) -> str:
    return ts[:7]
''',
    "meter/report.py": '''
from meter.billing import invoice_line, load_usage, price


class ReportError(Exception):
    pass


def render(path, currency="eur"):
    try:
        usage = load_usage(path)
    except KeyError as e:
        raise ReportError(f"usage file {path} has no {e} section") from e
    lines = [invoice_line(c, n, currency) for c, n in sorted(usage.items())]
    return "\\n".join(lines) + f"\\nTOTAL {sum(price(n) for n in usage.values())}"


def write_error(msg, out_dir="reports/errors"):
    with open(f"{out_dir}/last.txt", "w") as f:
        f.write(msg)


if __name__ == "__main__":
    import sys
    try:
        print(render(sys.argv[1]))
    except ReportError as err:
        write_error(str(err))
        raise
''',
    "tests/test_limits.py": '''
from meter.limits import parse_limit, Bucket
import time
import pytest


def test_burst_allows_exactly_burst():
    b = Bucket(rate=1, burst=3)
    assert [b.take(now=b.stamp) for _ in range(4)] == [True, True, True, False]


def test_refill_after_one_second():
    b = Bucket(rate=2, burst=2)
    t = b.stamp
    b.take(2, now=t)
    assert b.take(2, now=t + 1.0)


@pytest.mark.parametrize("spec,rate", [("60/min", 1.0), ("10/s", 10.0), ("7200/h", 2.0), ("5/sec", 5.0), ("30/m", 0.5)])
def test_parse_limit(spec, rate):
    assert parse_limit(spec).rate == rate


def test_parse_rejects_garbage():
    with pytest.raises(ValueError):
        parse_limit("fast")
''',
    "tests/test_billing.py": '''
import pytest
from meter.billing import total, price, invoice_line
from decimal import Decimal
import json, os
from meter.report import render, ReportError


@pytest.mark.parametrize("calls,expected", [(0, "0.00"), (999, "0.00"), (1000, "0.00"), (1001, "0.00"),
                                            (2000, "2.00"), (10000, "18.00"), (20000, "33.00")])
def test_price_tiers(calls, expected):
    assert price(calls) == Decimal(expected)


def test_invoice_line_default_currency():
    assert invoice_line("acme", 1500).endswith("1.00 EUR")


def test_total_of_lines():
    assert total([]) == 0
''',
    "usage.json": '{"month": "2026-03", "calls": {"acme": 1500, "globex": 23000, "initech": 120}}\n',
    "docker-compose.yml": """version: '3.8'
services:
  meter:
    build: .
    ports: [ "8080:8080" ]
    environment:
      - METER_DB=postgres://meter@db/meter
      - LOG_LEVEL=debug
    depends_on:
    - db
  db:
    image: postgres:16
    volumes:
      - pgdata:/var/lib/postgresql/data   
    environment:
      POSTGRES_USER: meter
      POSTGRES_USER: meter
volumes:
  pgdata: {}
""",
    "pyproject.toml": '[project]\nname = "meter"\nversion = "0.3.0"\n\n[tool.pytest.ini_options]\naddopts = "-p no:cacheprovider"\n',
    ".github/workflows/ci.yml": """name: ci
on:
  push:
    branches: [ main ]
  pull_request:
jobs:
  test:
    runs-on: ubuntu-latest
    strategy:
      matrix:
        python: ["3.10", "3.11", "3.12"]
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-python@v5
        with:
            python-version: ${{ matrix.python }}
      - run: pip install -e . pytest
      - run: pytest -q   
      - run: pytest -q
  lint:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - run: pip install ruff mypy && ruff check . && mypy meter --strict --ignore-missing-imports --no-incremental --pretty
""",
}


def python(tmp: Path) -> None:
    d = tmp / "meter"
    write_tree(d, PY)
    env = {"PYTHONPATH": str(d)}
    cap("pytest-q-meter", "python -m pytest -q 2>&1", d, n_pytest, env=env)
    cap("pytest-v-rfe-meter", "python -m pytest -v -rfE --tb=short tests/test_billing.py 2>&1", d, n_pytest, env=env)
    cap("python-report-chained", "python -m meter.report usage.json 2>&1", d, n_traceback, env=env)
    cap("mypy-strict-meter", "mypy --strict --no-incremental meter tests 2>&1", d, n_mypy)
    cap("ruff-select-meter", "ruff check --no-cache --select E,F,B,S,UP,ANN,PT,RET,SIM . 2>&1", d, n_ruff)
    cap("flake8-meter", "flake8 --count meter tests 2>&1", d, n_flake8)
    cap("pylint-meter", "pylint meter tests 2>&1", d, n_pylint, env=env)
    cap("bandit-r-meter", "bandit -r meter 2>&1", d, cm.n_bandit)
    cap("black-check-diff-meter", "black --check --diff meter tests 2>&1", d, cm.n_black)
    cap("isort-check-diff-meter", "isort --check-only --diff meter tests 2>&1", d, cm.n_isort)
    cap("yamllint-project", "yamllint . 2>&1", d, cm.n_yamllint)


# ------------------------------------------------------------------ Java and shell

JAVA = {
    "src/shop/Cart.java": """package shop;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

public class Cart {
    private final List<Line> lines = new ArrayList<>();

    public record Line(String sku, int qty, long unitCents) {}

    public void add(String sku, int qty, long unitCents) {
        lines.add(new Line(sku, qty, unitCents));
    }

    public long total() {
        long t = 0;
        for (Line l : lines) t += l.qty() * l.unitCents;
        return t;
    }

    public int count() {
        return lines.stream().mapToLong(Line::qty).sum();
    }

    public Map<String, Integer> bySku() {
        Map<String, Integer> m = new HashMap<>();
        for (Line l : lines) m.merge(l.sku(), l.qty(), Integer::sum);
        return m;
    }

    public String describe() {
        String s = "";
        for (Line l : lines) s += l.sku() + "x" + l.qty() + " ";
        return s.trim();
    }

    public Line first() {
        return lines.get(0L);
    }

    public void clear(boolean keep) {
        lines.removeAll();
        undefinedCounter++;
    }
}
""",
}

SH = {
    "scripts/deploy.sh": """#!/bin/bash
# push a build to the hosts listed in hosts.txt
set -e
TARGET=$1
BUILD_DIR=build/$TARGET
for h in $(cat hosts.txt); do
  echo deploying to $h
  scp -r $BUILD_DIR/* deploy@$h:/srv/app/
  ssh deploy@$h "cd /srv/app && ./restart.sh $TARGET"
done
if [ $TARGET == "prod" ]; then
  curl -s -X POST $HOOK_URL -d "{\\"text\\": \\"deployed $TARGET\\"}"
fi
cd $BUILD_DIR
rm -rf *
""",
    "scripts/backup.sh": """#!/bin/sh
DEST=/var/backups/$(date +%F)
mkdir -p $DEST
for db in `ls /var/lib/app/*.db`; do
  cp $db $DEST/
done
local count=$(ls $DEST | wc -l)
echo "backed up $count files to $DEST"
[ -z $KEEP ] && KEEP=7
find /var/backups -maxdepth 1 -mtime +$KEEP -exec rm -rf {} \\;
read name
echo $((count + 1)) > $DEST/.count
""",
}


def java_sh(tmp: Path) -> None:
    d = tmp / "shop"
    write_tree(d, JAVA)
    cap("javac-cart-errors", "javac -d out src/shop/Cart.java 2>&1", d, cm.n_javac, timeout=300)
    d = tmp / "ops"
    write_tree(d, SH)
    cap("shellcheck-ops-scripts", "shellcheck scripts/*.sh 2>&1", d, n_shellcheck)


STEPS = [python, java_sh]
