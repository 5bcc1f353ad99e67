"""Round 52, the Python service and the machine: `cidermill`'s booking service written here with bugs put in, run
through pytest, ruff, mypy and pip as agents chain them; its git history (status && diff, log -p, show, blame,
log --stat); a pressing-log CSV and sqlite table; an inventory API on loopback through curl; the service's log cut
with grep; ls, find, du and ps. Each kind's extractor is the earlier rounds', imported; a chain's from each part's
own (round 9b). Run through capture_wide52.py."""

from __future__ import annotations

import random
import time
from pathlib import Path

import capture_more as cm
from capture_more import n_app_log, n_git_log_stat, run, write_tree
from capture_wide9b import Part, chain, n_markdown, n_status_echo
from capture_wide15_data import n_csv, n_du, n_find, n_json_api, n_ls_la, n_pip_install, n_pip_list, n_ps_aux, n_sqlite_col
from capture_wide15_diag import n_mypy, n_pytest, n_ruff
from capture_wide15_oc import n_blame, n_diff, n_log_p, n_show, n_status
from capture_wide52 import TMP, VENV, cap

GIT_ENV = {"GIT_AUTHOR_NAME": "Piran Quealy", "GIT_AUTHOR_EMAIL": "piran@cidermill.example", "GIT_COMMITTER_NAME":
           "Piran Quealy", "GIT_COMMITTER_EMAIL": "piran@cidermill.example", "GIT_CONFIG_NOSYSTEM": "1", "HOME": str(TMP)}

LENDING = '''"""Pressing-slot bookings of apple crates, returns and the juice owed."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Optional

BOOKING_DAYS = {"bramley": 240, "kingston": 200, "dabinett": 220, "yarlington": 120, "foxwhelp": 260, "michelin": 150}
MAX_CRATES = 5


@dataclass
class Variety:
    code: str
    orchard: str
    name: str
    stock: int
    yield_rate: float = 0.85


@dataclass
class Booking:
    member: str
    variety: Variety
    crates: int
    out: date
    returned: Optional[date] = None
    notes: list = field(default_factory=list)

    def due(self) -> date:
        return self.out + timedelta(days=BOOKING_DAYS[self.variety.orchard])

    def overdue(self, today: date) -> bool:
        return self.returned is None and today >= self.due()  # bug: the due day itself is not overdue


def lend(v: Variety, member: str, crates: int, today: date) -> Booking:
    if crates > MAX_CRATES:
        raise ValueError(f"at most {MAX_CRATES} crates")
    v.stock -= crates  # bug: stock may go negative
    return Booking(member, v, crates, today)


def juice_owed(booking: Booking) -> int:
    """Members are owed twice the juice of the crates they pressed, by crate."""
    return booking.crates * 2 + (1 if booking.variety.yield_rate < 0.7 else 0)


def parse_code(text: str) -> tuple[str, int]:
    orchard, num = text.split("-")
    return orchard.lower(), int(num)


def ranking(bookings: list[Booking]) -> list[str]:
    by: dict[str, int] = {}
    for ln in bookings:
        by[ln.member] = by.get(ln.member, 0) + ln.crates
    return [m for m, _ in sorted(by.items(), key=lambda kv: kv[1])]  # bug: should be most first
'''

INVENTORY = '''"""Stock counts and the yield_rate test log."""
import csv, io, json
from typing import Dict, List


def load_stock(text: str) -> Dict[str, int]:
    out = {}
    for row in csv.DictReader(io.StringIO(text)):
        out[row["code"]] = int(row["stock"])
    return out


def yield_rate_rate(milled_kg: int, pressed_kg: int) -> float:
    return pressed_kg / milled_kg


def low_stock(stock: Dict[str, int], floor: int = 10) -> List[str]:
    return sorted(k for k, v in stock.items() if v < floor)


def to_json(stock: Dict[str, int]) -> str:
    total: int = "0"
    return json.dumps({"items": stock, "total": sum(stock.values())})
'''

NAMES = ["Ashmead", "Ellis Bitter", "Tremlett", "Harry Masters", "Stoke Red", "Sweet Coppin",
         "Brown Snout", "Kingston Black", "Porters Perfection", "Major", "Chisel Jersey", "Frederick", "Redstreak"]
ORCHARDS = ["bramley", "kingston", "dabinett", "yarlington", "foxwhelp", "michelin"]
DAYS = {"bramley": 240, "kingston": 200, "dabinett": 220, "yarlington": 120, "foxwhelp": 260, "michelin": 150}


def test_file(seed: int) -> str:
    rnd = random.Random(seed)
    cases = []
    for _ in range(48):
        orchard = rnd.choice(ORCHARDS)
        days = DAYS[orchard] + (7 if rnd.random() < 0.12 else 0)  # a few cases written against last year's booking terms
        cases.append((rnd.choice(NAMES), orchard, rnd.randint(1, 5), days))
    return f'''from datetime import date, timedelta
import pytest
from cidermill.pressing import Booking, Variety, lend, parse_code, ranking, juice_owed
from cidermill.inventory import yield_rate_rate, load_stock, low_stock

CASES = {cases!r}


@pytest.mark.parametrize("name,orchard,crates,days", CASES)
def test_due_date(name, orchard, crates, days):
    v = Variety("X-1", orchard, name, 40)
    booking = Booking("m1", v, crates, date(2026, 3, 1))
    assert booking.due() == date(2026, 3, 1) + timedelta(days=days)


def test_overdue_on_due_day():
    v = Variety("T-1", "yarlington", "Brown Snout", 9)
    booking = Booking("m2", v, 1, date(2026, 1, 1))
    assert not booking.overdue(booking.due())


def test_lend_more_than_stock():
    v = Variety("B-4", "kingston", "Porters Perfection", 2)
    with pytest.raises(ValueError):
        lend(v, "m3", 4, date(2026, 4, 2))


def test_parse_code_lower():
    assert parse_code("TOM-0042") == ("tom", 42)
    assert parse_code("PEP_0007") == ("pep", 7)


def test_ranking_most_first():
    v = Variety("S-2", "dabinett", "Redstreak", 50)
    bookings = [Booking("ana", v, 1, date(2026, 1, 1)), Booking("bo", v, 5, date(2026, 1, 1))]
    assert ranking(bookings) == ["bo", "ana"]


def test_yield_rate_zero_milled_kg():
    assert yield_rate_rate(0, 0) == 0.0


def test_low_stock():
    assert low_stock(load_stock("code,stock\\nA,3\\nB,30\\n")) == ["A"]


def test_juice_owed_poor_yield_rate():
    v = Variety("P-1", "michelin", "Major", 12, yield_rate=0.6)
    assert juice_owed(Booking("cy", v, 2, date(2026, 2, 2))) == 6
'''


PYPROJECT = cm.src_pyproject("cidermill", "1.4.0")
README = """# cidermill

A community cider-press co-operative's pressing-slot booking service, its TypeScript client and the yield_rate-rate helper.

## Layout

- `service/`: the Python booking service (`cidermill`), tests under `service/tests`.
- `client/`: the TypeScript client the library's front desk uses.
- `native/`: `juiceyield`, a C helper that reads vat counts.
- `scripts/`: backup and slot-check shell scripts.

## Running the service

Start it with `python -m cidermill.api --port 8040`. It reads `stock.csv` at start.

## Pressing rules

A member may borrow at most five crates at a time. Bookings fall due after the orchard's season.

```
# not a heading: a comment in a shell block
make -C native && ./native/bin/juiceyield vats.txt
```

## Tests

Run `pytest -q` in `service/`, `npm test` in `client/`.

## Releases

Tag `vX.Y.Z` on main; the changelog lives in `CHANGES.md`.
"""


def service(tmp: Path) -> Path:
    root = tmp / "cidermill"
    write_tree(root, {"README.md": README, "service/pyproject.toml": PYPROJECT,
                      "service/src/cidermill/__init__.py": '__version__ = "1.4.0"\n',
                      "service/src/cidermill/pressing.py": LENDING, "service/src/cidermill/inventory.py": INVENTORY,
                      "service/tests/test_cidermill.py": test_file(52)})
    return root


def py_tests(tmp: Path) -> None:
    root = service(tmp)
    svc = root / "service"
    env = {"PYTHONPATH": str(svc / "src")}
    chain("chain-cat-readme-pytest-x", "chain-read-test", "test",
          [Part("cat README.md", n_markdown), Part("cd service"), Part("pytest -x -q", n_pytest)], root, env={**env})
    chain("chain-cd-service-pytest-q-exit", "chain-cd-test-exit", "test",
          [Part("cd service"), Part("pytest -q", n_pytest), Part("echo EXIT=$?", n_status_echo, ";")], root,
          env={**env})
    cap("pytest-tb-short-tail-60", "pytest --tb=short -p no:cacheprovider 2>&1 | tail -n 60", svc, n_pytest, env=env)
    cap("pytest-vv-k-booking", "pytest -vv -k 'overdue or lend or ranking or parse' --tb=long", svc, n_pytest, env=env)
    run(f"{VENV}/bin/python -m venv --clear {tmp}/svenv", timeout=300)
    chain("chain-pip-install-e-pytest", "chain-install-test", "test",
          [Part("pip install -e '.[test]'", n_pip_install), Part("pytest -q --tb=line", n_pytest)], svc,
          env={"PIP_CONFIG_FILE": "/dev/null", "PIP_FIND_LINKS": None, "PATH": f"{tmp}/svenv/bin:/usr/bin:/bin"},
          timeout=600)
    chain("chain-pip-list-v-check", "chain-pip-list-check", "pkg",
          [Part("pip list -v --format=columns", n_pip_list), Part("pip check", None, "&&")], svc,
          env={"PATH": f"{tmp}/svenv/bin:/usr/bin:/bin"})


def py_lint(tmp: Path) -> None:
    svc = tmp / "cidermill" / "service"
    for i in range(7):  # a widened package: generated import adapters with the usual smells
        rnd = random.Random(5200 + i)
        body = ["import os, sys, re", "import json", "from datetime import *", ""]
        for j in range(rnd.randint(6, 10)):
            body += [f"def {rnd.choice(['mill','press','dry','pack','label','count'])}_{j}(vat, opts = {{}}, *a):",
                     f"    if vat == None or opts == []: return {rnd.randint(0, 9)}",
                     f"    cells = [c for c in range(vat) if c%{rnd.randint(2, 7)}==0]",
                     "    try:", "        return json.loads(opts)", "    except:", "        pass",
                     f"    print('vat %s has %d cells' % (vat, len(cells)))", ""]
        (svc / "src" / "cidermill" / f"adapt_{i}.py").write_text("\n".join(body) + "\n")
    chain("chain-ruff-then-mypy", "chain-lint-typecheck", "lint",
          [Part("ruff check --no-cache --output-format=concise src", n_ruff),
           Part("mypy src --no-incremental", n_mypy, ";")], svc)
    chain("chain-ruff-statistics-exit", "chain-lint-exit", "lint",
          [Part("ruff check --no-cache --statistics --select E,F,W,B,UP,SIM src", n_ruff),
           Part("echo EXIT=$?", n_status_echo, ";")], svc)
    cap("ruff-full-head-100", "ruff check --no-cache --output-format=full src 2>&1 | head -100", svc, n_ruff)
    cap("mypy-strict-head-80", "mypy --strict --no-incremental src 2>&1 | head -80", svc, n_mypy)


def git_history(tmp: Path) -> None:
    root = tmp / "cidermill"
    g = "git -c init.defaultBranch=main"
    run(f"{g} init -q && git add -A && git commit -qm 'Cidermill: pressing, inventory and the README'", cwd=root,
        env=GIT_ENV)
    rnd = random.Random(5240)
    subjects = ["Booking terms per orchard", "Stock may not go negative", "Yield test log", "Rank members by crates",
                "Adapters for the vat scanner", "Parse variety codes", "Harvest promise doubles", "Low-stock floor 10",
                "Label printer adapter", "Dry-room humidity import"]
    for k, subj in enumerate(subjects):
        f = root / "service" / "src" / "cidermill" / f"adapt_{k % 7}.py"
        text = f.read_text().splitlines()
        at = rnd.randrange(len(text))
        text[at:at] = [f"# {subj.lower()} ({k})", f"VAT_CELLS_{k} = {rnd.randint(24, 128)}"]
        f.write_text("\n".join(text) + "\n")
        t = root / "service" / "src" / "cidermill" / "pressing.py"
        t.write_text(t.read_text().replace("MAX_CRATES = ", f"# rev {k}\nMAX_CRATES = ", 1))
        stamp = f"2026-0{1 + k % 9}-1{k % 8} 1{k % 4}:{10 + k}:00"
        run(f"git add -A && git commit -qm '{subj}' --date='{stamp}'", cwd=root,
            env={**GIT_ENV, "GIT_COMMITTER_DATE": stamp})
    inv = root / "service" / "src" / "cidermill" / "inventory.py"
    inv.write_text(inv.read_text().replace("return pressed_kg / milled_kg", "return pressed_kg / milled_kg if milled_kg else 0.0")
                   + "\n\ndef total(stock):\n    return sum(stock.values())\n")
    (root / "TODO.md").write_text("# spring\n- re-test the 2019 pepper lots\n")
    (root / "service" / "src" / "cidermill" / "adapt_5.py").unlink()
    chain("chain-git-status-diff", "chain-git-status-diff", "git",
          [Part("git status", n_status), Part("git diff", n_diff, "&&")], root, env=GIT_ENV)
    chain("chain-git-log-oneline-show", "chain-git-log-show", "git",
          [Part("git log --stat -n 3", n_git_log_stat), Part("git show HEAD~2", n_show, "&&")], root, env=GIT_ENV)
    cap("git-log-p-n5-head-220", "git log -p -n 5 | head -220", root, n_log_p, env=GIT_ENV)
    cap("git-blame-pressing", "git blame service/src/cidermill/pressing.py", root, n_blame, env=GIT_ENV)
    cap("git-diff-head-4-stat-patch", "git diff HEAD~4 --stat -p -- service/src", root, n_diff, env=GIT_ENV)


def booking_rows(seed: int, n: int) -> list[list]:
    rnd = random.Random(seed)
    rows = []
    for i in range(n):
        orchard = rnd.choice(ORCHARDS)
        status = "returned" if rnd.random() < 0.9 else rnd.choice(["lost", "overdue", "crossed"])
        crates = rnd.randint(1, 5) if i != n // 3 else 48
        rows.append([f"L{5000 + i}", f"m{rnd.randint(100, 260)}", orchard, rnd.choice(NAMES), crates,
                     f"2025-{rnd.randint(1, 12):02d}-{rnd.randint(1, 28):02d}", round(rnd.uniform(0.62, 0.98), 2),
                     status])
    return rows


def tables(tmp: Path) -> None:
    d = tmp / "cidermill-data"
    d.mkdir()
    rows = booking_rows(4007, 450)
    hdr = "booking,member,orchard,variety,crates,out_date,yield_rate,status"
    (d / "pressings.csv").write_text(hdr + "\n" + "\n".join(",".join(map(str, r)) for r in rows) + "\n")
    chain("chain-wc-head-csv", "chain-count-head", "table",
          [Part("wc -l pressings.csv"), Part("head -n 80 pressings.csv", n_csv, "&&")], d)
    cap("csv-cat-full", "cat pressings.csv", d, n_csv)
    run("sqlite3 press.db \".mode csv\" \".import pressings.csv bookings\"", cwd=d)
    chain("chain-sqlite-bad-bookings-exit", "chain-sqlite-exit", "table",
          [Part("sqlite3 -header -column press.db \"SELECT booking, member, orchard, variety, crates, yield_rate, status "
                "FROM bookings WHERE status != 'returned' OR CAST(crates AS INT) > 5 ORDER BY out_date\"", n_sqlite_col),
           Part("echo EXIT=$?", n_status_echo, ";")], d)
    cap("sqlite-column-per-orchard", "sqlite3 -header -column press.db \"SELECT orchard, variety, COUNT(*) AS bookings, "
        "SUM(crates) AS crates, ROUND(AVG(yield_rate), 2) AS germ FROM bookings GROUP BY orchard, variety\"",
        d, n_sqlite_col)


API = r"""
import json, random, sys
from http.server import BaseHTTPRequestHandler, HTTPServer
rnd = random.Random(52)
ORCHARDS = ["bramley", "kingston", "dabinett", "yarlington", "foxwhelp", "michelin"]
ITEMS = []
for i in range(70):
    st = "available" if rnd.random() < 0.86 else rnd.choice(["quarantined", "depleted"])
    r = {"module": f"inventory/V-{1000 + i}", "orchard": rnd.choice(ORCHARDS), "status": st, "stock": rnd.randint(5, 400),
         "yield_rate": round(rnd.uniform(0.7, 0.97), 2), "year": rnd.choice([2022, 2023, 2024, 2025])}
    if st != "available":
        r["error"] = rnd.choice(["mould found in lot", "yield_rate test overdue", "no crates left"])
    ITEMS.append(r)
ITEMS[31]["yield_rate"] = 0.08
class H(BaseHTTPRequestHandler):
    def do_GET(self):
        if self.path.startswith("/api/inventory"):
            res = [r for r in ITEMS if "low=1" not in self.path or r["stock"] < 60 or r["status"] != "available"]
            body = {"library": "cidermill", "count": len(res), "held": sum(r["status"] != "available" for r in res),
                    "results": res}
            code = 200
        else:
            body, code = {"error": "unknown endpoint", "path": self.path}, 404
""" + cm.JSON_API_END


def api(tmp: Path) -> None:
    (tmp / "api.py").write_text(API)
    cm.start(f"python3 {tmp}/api.py 18752", cwd=tmp)
    time.sleep(1.5)
    cap("curl-json-tool-inventory", "curl -s http://127.0.0.1:18752/api/inventory | python3 -m json.tool", tmp,
        n_json_api)
    chain("chain-curl-low-exit", "chain-curl-exit", "json",
          [Part("curl -s 'http://127.0.0.1:18752/api/inventory?low=1'", n_json_api),
           Part("echo EXIT=$?", n_status_echo, ";")], tmp)


RUNLOG = r'''
import logging, random, sys
logging.basicConfig(level=logging.DEBUG, format="%(asctime)s %(levelname)s %(name)s [%(process)d] %(message)s",
                    stream=sys.stdout)
rnd = random.Random(5211)
desk = logging.getLogger("cidermill.desk")
stock = logging.getLogger("cidermill.stock")
db = logging.getLogger("cidermill.db")
for i in range(700):
    desk.debug("booking L%d checked out %d crates", 5000 + i, rnd.randint(1, 5))
    if i % 71 == 15:
        stock.warning("variety V-%d below floor (%d crates)", 1000 + i % 70, rnd.randint(1, 9))
    elif i == 388:
        try:
            int("12 crates")
        except ValueError:
            desk.exception("bad crate count on booking L%d", 5000 + i)
    elif i == 611:
        db.error("write to press.db failed: database is locked (waited 5000 ms)")
    desk.info("booking L%d saved, due in %d days", 5000 + i, rnd.choice([120, 150, 200, 220, 240, 260]))
'''


def logs(tmp: Path) -> None:
    (tmp / "runlog.py").write_text(RUNLOG)
    run("python3 runlog.py > cidermill.log 2>&1", cwd=tmp)
    cap("log-grep-v-debug-tail-220", "grep -v DEBUG cidermill.log | tail -n 220", tmp, n_app_log)
    chain("chain-grep-count-then-context", "chain-log-grep", "log",
          [Part("grep -c ERROR cidermill.log"),
           Part("grep -n -E -C 3 'ERROR|WARNING' cidermill.log", n_app_log, ";")], tmp)
    cap("log-tail-300", "tail -n 300 cidermill.log", tmp, n_app_log)


def listings(tmp: Path) -> None:
    chain("chain-ls-la-cat-pyproject", "chain-list-read", "listing",
          [Part("ls -la service/src/cidermill", n_ls_la), Part("cat service/pyproject.toml", None, "&&")],
          tmp / "cidermill")
    run("chmod 600 cidermill-data/press.db && chmod 755 runlog.py", cwd=tmp)
    cap("find-printf-sort-head-90", "find . -type f -not -path '*/.git/*' -not -path '*/node_modules/*' "
        "-printf '%M %u %6s %p\\n' | sort -k4 | head -90", tmp, n_find)
    chain("chain-du-then-ps", "chain-du-ps", "listing",
          [Part("du -ah --max-depth=3 . | sort -rh | head -n 40", n_du), Part("ps aux | head -n 30", n_ps_aux, "&&")],
          tmp)


STEPS = [py_tests, py_lint, git_history, tables, api, logs, listings]
