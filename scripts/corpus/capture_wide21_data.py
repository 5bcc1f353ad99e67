"""Round 21, data and terminal formatting: pandas (a groupby aggregate, value_counts and the warnings a cleaning script
raises), csvkit (csvstat, csvlook), jupyter nbconvert --execute stopping on an error, structlog's console renderer with
an exception, rich (inspect, a tree, the logging handler with a traceback). Run through capture_wide21.py."""

from __future__ import annotations

import json
import random
import re
from pathlib import Path

from capture_data import num, python_exceptions, rule4
from capture_more import groups, kind, mask, write_tree
from capture_wide10 import line_rule
from capture_wide21 import BIN, PY, cap

COLOR = {"FORCE_COLOR": "1", "NO_COLOR": None, "TERM": "xterm-256color", "COLUMNS": "110"}


def orders_csv(n: int = 400, seed: int = 21) -> str:
    """A shop's order export with a few odd rows (a refund, a huge order, a missing region)."""
    rnd = random.Random(seed)
    regions = ["north"] * 5 + ["south"] * 4 + ["east"] * 3 + ["west"] * 2
    rows = ["order_id,placed,region,channel,sku,qty,unit_price,status"]
    for i in range(n):
        region = rnd.choice(regions) if i not in (77, 312) else ""
        qty = rnd.randint(1, 9) if i != 250 else 480
        price = round(rnd.uniform(3, 120), 2) if i != 133 else -59.9
        status = "refunded" if i == 133 else rnd.choice(["paid"] * 12 + ["shipped"] * 6 + ["cancelled"])
        rows.append(f"{10000 + i},2025-0{1 + i % 6}-{1 + i % 28:02d},{region},{rnd.choice(['web', 'web', 'app', 'store'])},"
                    f"SKU-{rnd.randint(100, 140)},{qty},{price},{status}")
    return "\n".join(rows) + "\n"


# ================================================================== pandas

@kind("pandas-groupby", "table")
def n_pandas_groupby(lines):
    """Rule 4 on a printed groupby aggregate: the header line(s) (column names, index names), the rows holding each numeric column's minimum and maximum."""
    header = [ln for ln in lines[:3] if ln.strip() and not re.search(r"\d+\.\d", ln)]
    width = len(header[0].split()) if header else 0
    rows = []
    for ln in lines:
        vals = [num(c) for c in ln.split()[-width:]] if width else []
        if len(ln.split()) > width and vals and all(v is not None for v in vals):
            rows.append((ln, {f"c{k}": v for k, v in enumerate(vals)}))
    return rule4(rows, nums=[f"c{k}" for k in range(width)], header=header)


@kind("pandas-warnings", "log")
def n_pandas_warnings(lines):
    """Rule 1 on a pandas cleaning script: one {"any"} needle per (category, message shape) of the 'file:line: XWarning: msg' lines (pandas' ChainedAssignmentError is a warning too), each traceback's exception line with its location, the final printed summary line."""
    pairs = [((m.group(2), mask(m.group(3))[:60]), ln) for ln in lines
             for m in [re.search(r"^(\S+):\d+: (\w+(?:Warning|Error)): (.*)$", ln)] if m]
    return groups(pairs) + python_exceptions(lines) + [ln for ln in lines if ln.startswith("cleaned:")]


PANDAS = '''import sys

import pandas as pd

df = pd.read_csv("orders.csv", parse_dates=["placed"])
if sys.argv[1] == "groupby":
    df["revenue"] = df.qty * df.unit_price
    print(df.groupby(["region", "channel", "status"]).agg(orders=("order_id", "count"), qty=("qty", "sum"),
                                              revenue=("revenue", "sum"), avg_price=("unit_price", "mean"),
                                              max_qty=("qty", "max")).round(2))
else:
    paid = df[df.status == "paid"]
    paid["net"] = paid.unit_price * 0.8
    df["month"] = df.placed.dt.month
    df.loc[df.region == "", "region"] = None
    by = df.groupby("region").apply(lambda g: g.qty.sum())
    df["qty"][df.qty > 100] = 100
    df["status"] = df.status.replace({"refunded": 0, "paid": 1})
    s = pd.Series([1, "2", 3.5]).fillna(0)
    weekly = df.set_index("placed").resample("M").qty.sum()
    print(f"cleaned: {len(df)} rows, {len(paid)} paid, {len(weekly)} months")
'''


def cap_pandas(tmp: Path) -> None:
    root = tmp / "pandas"
    write_tree(root, {"orders.csv": orders_csv(), "report.py": PANDAS})
    cap("pandas-groupby", f"{PY} report.py groupby", root, n_pandas_groupby, typed="python report.py groupby")
    cap("pandas-warnings", f"{PY} report.py clean", root, n_pandas_warnings, typed="python report.py clean")


# ================================================================== csvkit

@kind("csvstat", "table")
def n_csvstat(lines):
    """Rule 5 on csvstat: every column header line ('  3. "region"'), and each column's Type, Nulls, Smallest/Largest value and Most common lines."""
    return [ln for ln in lines if re.match(r'^\s*\d+\. "|^\s+(Type of data|Contains null values|Smallest value|Largest value|Most common values?):', ln)]


@kind("csvlook", "table")
def n_csvlook(lines):
    """Rule 4 on csvlook's markdown-style table: the header row, rows whose status/region cell is rare while one value dominates, the min and max qty and unit_price rows."""
    rows = []
    for ln in lines:
        cells = [c.strip() for c in ln.strip().strip("|").split("|")]
        if len(cells) == 8 and not ln.lstrip().startswith("| --") and cells[0].replace(",", "").isdigit():
            rows.append((ln, dict(zip(["id", "placed", "region", "channel", "sku", "qty", "unit_price", "status"], cells))))
    head = next((ln for ln in lines if "order_id" in ln), None)
    return rule4(rows, cat=["region", "status"], nums=["qty", "unit_price"], header=[head])


def cap_csvkit(tmp: Path) -> None:
    root = tmp / "csvkit"
    write_tree(root, {"orders.csv": orders_csv(seed=5)})
    cap("csvstat", f"{BIN}/csvstat orders.csv", root, n_csvstat, typed="csvstat orders.csv")
    cap("csvlook", f"{BIN}/csvcut -c order_id,placed,region,channel,sku,qty,unit_price,status orders.csv | head -120 | {BIN}/csvlook",
        root, n_csvlook, typed="csvlook orders.csv | head -120")


# ================================================================== nbconvert

@kind("nbconvert-execute-error", "build")
def n_nbconvert(lines):
    """Rule 1 on jupyter nbconvert --execute stopping on an error: the 'CellExecutionError' line, the failing cell's exception line (last 'XError:' line) and the '---> N' arrow line above it."""
    out = [ln for ln in lines if "CellExecutionError" in ln or re.match(r"^-+> \d+", ln)]
    exc = [ln for ln in lines if re.match(r"^\w*(Error|Exception): ", ln)]
    return out + exc[-1:] + [ln for ln in lines if ln.startswith("[NbConvertApp]")]


def notebook() -> str:
    cells = [("import pandas as pd\ndf = pd.read_csv('orders.csv')\ndf.head()"),
             ("df.describe()"),
             ("monthly = df.groupby(df.placed.str[:7]).qty.sum()\nmonthly"),
             ("top = df.sort_values('unit_price').tail(5)\ntop[['order_id', 'unit_price']]"),
             ("ratio = df.pivot_table(index='region', columns='channel', values='qty', aggfunc='sum')\nratio['web'] / ratio['kiosk']")]
    return json.dumps({"nbformat": 4, "nbformat_minor": 5, "metadata": {"kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}},
                       "cells": [{"cell_type": "code", "id": f"c{i}", "metadata": {}, "execution_count": None, "outputs": [], "source": src}
                                 for i, src in enumerate(cells)]}, indent=1)


def cap_nbconvert(tmp: Path) -> None:
    root = tmp / "nb"
    write_tree(root, {"orders.csv": orders_csv(seed=8), "analysis.ipynb": notebook()})
    cap("nbconvert-execute-error", f"{BIN}/jupyter nbconvert --to notebook --execute analysis.ipynb --output out.ipynb", root,
        n_nbconvert, typed="jupyter nbconvert --to notebook --execute analysis.ipynb --output out.ipynb", timeout=240,
        env={"JUPYTER_PLATFORM_DIRS": "1"})


# ================================================================== structlog, rich

n_structlog_exc = line_rule(
    "structlog-console-exception", "log",
    "Rules 1+4 on structlog's ConsoleRenderer with exceptions: every line logged at error/critical/warning level, and each traceback's exception line.",
    hit=r"\[(error|critical|warning)\s*\]|^\w*(Error|Exception): ")


@kind("rich-inspect", "doc")
def n_rich_inspect(lines):
    """Rule 6 on rich.inspect(obj, methods=True): the box's title line (the class), and every attribute or method line ('│ name = …' / '│ def name(…)')."""
    return [ln for ln in lines if re.match(r"^│\s+(def \w+\(|\w+ = )", ln)] + lines[:1]


n_rich_tree = line_rule(
    "rich-tree", "listing",
    "Rule 4 on a rich Tree of a project: every directory node (the lines ending '/') and every file node flagged by a marker (⚠/✗).",
    hit=r"/$|⚠|✗")


@kind("rich-logging-traceback", "log")
def n_rich_logging(lines):
    """Rules 1+4 on rich's RichHandler with rich tracebacks: every ERROR/WARNING/CRITICAL record line, each traceback's exception line (the one under the box), the box's file:line headers of the last frame."""
    out = [ln for ln in lines if re.search(r"\b(ERROR|WARNING|CRITICAL)\b", ln)]
    exc = [i for i, ln in enumerate(lines) if re.match(r"^\w+(Error|Exception): ", ln)]
    for i in exc:
        out.append(lines[i])
        out.append(next((x for x in reversed(lines[max(0, i - 40):i]) if re.search(r"\S+\.py:\d+ in ", x)), None))
    return out


LOGGING_APP = '''import logging
import structlog
import sys

if sys.argv[1] == "structlog":
    structlog.configure(processors=[structlog.processors.add_log_level, structlog.processors.TimeStamper(fmt="%H:%M:%S"),
                                    structlog.dev.ConsoleRenderer(colors=True)])
    log = structlog.get_logger()
else:
    from rich.logging import RichHandler
    logging.basicConfig(level="DEBUG", format="%(message)s", datefmt="[%X]",
                        handlers=[RichHandler(rich_tracebacks=True, tracebacks_show_locals=True)])
    log = logging.getLogger("sync")

ACCOUNTS = {f"acct-{i}": {"balance": 100 * i - 350, "currency": "EUR" if i % 5 else "GBP"} for i in range(1, 16)}
RATES = {"EUR": 1.0, "USD": 1.08}


def convert(acct):
    return acct["balance"] * RATES[acct["currency"]]


for name, acct in ACCOUNTS.items():
    if sys.argv[1] == "structlog":
        log.info("syncing", account=name, balance=acct["balance"])
    else:
        log.debug("syncing %s balance=%s", name, acct["balance"])
    if acct["balance"] < 0:
        log.warning("negative balance" if sys.argv[1] == "structlog" else f"negative balance on {name}", **({"account": name} if sys.argv[1] == "structlog" else {}))
    try:
        total = convert(acct)
    except KeyError:
        if sys.argv[1] == "structlog":
            log.exception("conversion failed", account=name, currency=acct["currency"])
        else:
            log.exception("conversion failed for %s", name)
log.info("done") if sys.argv[1] != "structlog" else log.info("done", accounts=len(ACCOUNTS))
'''
RICH_DEMO = '''import sys
from dataclasses import dataclass, field
from pathlib import Path

from rich import inspect
from rich.console import Console
from rich.tree import Tree


@dataclass
class RetryPolicy:
    """How a failed delivery is retried."""
    attempts: int = 5
    backoff_s: float = 1.5
    max_backoff_s: float = 60.0
    retry_on: tuple = (429, 502, 503, 504)
    jitter: bool = True
    dead_letter_queue: str = "deliveries.dlq"
    tags: dict = field(default_factory=lambda: {"team": "payments", "tier": "gold"})

    def delay(self, attempt: int) -> float:
        """Seconds to wait before `attempt`."""
        return min(self.backoff_s ** attempt, self.max_backoff_s)

    def should_retry(self, status: int, attempt: int) -> bool:
        """True while attempts remain and the status is retryable."""
        return attempt < self.attempts and status in self.retry_on

    def describe(self) -> str:
        return f"{self.attempts} attempts"


console = Console(width=110, force_terminal=True)
if sys.argv[1] == "inspect":
    inspect(RetryPolicy(), methods=True, console=console)
else:
    root = Path(sys.argv[2])
    tree = Tree(f"{root.name}/")

    def walk(node, d):
        for p in sorted(d.iterdir()):
            if p.is_dir():
                walk(node.add(f"{p.name}/"), p)
            else:
                size = p.stat().st_size
                flag = " ⚠ large" if size > 20000 else " ✗ empty" if size == 0 else ""
                node.add(f"{p.name} ({size:,} bytes){flag}")
    walk(tree, root)
    console.print(tree)
'''


def cap_logs_rich(tmp: Path) -> None:
    root = tmp / "richlogs"
    write_tree(root, {"sync.py": LOGGING_APP, "richdemo.py": RICH_DEMO})
    cap("structlog-console-exception", f"{PY} sync.py structlog", root, n_structlog_exc, typed="python sync.py structlog", env=COLOR)
    cap("rich-logging-traceback", f"{PY} sync.py rich", root, n_rich_logging, typed="python sync.py rich", env=COLOR)
    cap("rich-inspect", f"{PY} richdemo.py inspect", root, n_rich_inspect, typed="python richdemo.py inspect", env=COLOR)
    site = next((Path(PY).parent.parent / "lib").glob("python3*/site-packages/structlog"))
    cap("rich-tree", f"{PY} richdemo.py tree {site}", root, n_rich_tree, typed="python richdemo.py tree site-packages/structlog", env=COLOR)


STEPS = [cap_pandas, cap_csvkit, cap_nbconvert, cap_logs_rich]
