"""Round 40, the Python service and the machine: `seedbank`'s lending service written here with bugs put in, run
through pytest, ruff, mypy and pip as agents chain them; its git history (status && diff, log -p, show, blame,
log --stat); a lending-log CSV and sqlite table; an inventory API on loopback through curl; the service's log cut
with grep; ls, find, du and ps. Each kind's extractor is the earlier rounds', imported; a chain's from each part's
own (round 9b). Run through capture_wide40.py."""

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
from capture_wide40 import TMP, VENV, cap

GIT_ENV = {"GIT_AUTHOR_NAME": "Odile Marsh", "GIT_AUTHOR_EMAIL": "odile@seedbank.example", "GIT_COMMITTER_NAME":
           "Odile Marsh", "GIT_COMMITTER_EMAIL": "odile@seedbank.example", "GIT_CONFIG_NOSYSTEM": "1", "HOME": str(TMP)}

LENDING = '''"""Loans of seed packets, returns and the harvest promise."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Optional

LOAN_DAYS = {"tomato": 240, "bean": 200, "squash": 220, "lettuce": 120, "pepper": 260, "pea": 150}
MAX_PACKETS = 5


@dataclass
class Variety:
    code: str
    crop: str
    name: str
    stock: int
    germination: float = 0.85


@dataclass
class Loan:
    member: str
    variety: Variety
    packets: int
    out: date
    returned: Optional[date] = None
    notes: list = field(default_factory=list)

    def due(self) -> date:
        return self.out + timedelta(days=LOAN_DAYS[self.variety.crop])

    def overdue(self, today: date) -> bool:
        return self.returned is None and today >= self.due()  # bug: the due day itself is not overdue


def lend(v: Variety, member: str, packets: int, today: date) -> Loan:
    if packets > MAX_PACKETS:
        raise ValueError(f"at most {MAX_PACKETS} packets")
    v.stock -= packets  # bug: stock may go negative
    return Loan(member, v, packets, today)


def seeds_owed(loan: Loan) -> int:
    """Members return twice the seed they borrowed, by packet."""
    return loan.packets * 2 + (1 if loan.variety.germination < 0.7 else 0)


def parse_code(text: str) -> tuple[str, int]:
    crop, num = text.split("-")
    return crop.lower(), int(num)


def ranking(loans: list[Loan]) -> list[str]:
    by: dict[str, int] = {}
    for ln in loans:
        by[ln.member] = by.get(ln.member, 0) + ln.packets
    return [m for m, _ in sorted(by.items(), key=lambda kv: kv[1])]  # bug: should be most first
'''

INVENTORY = '''"""Stock counts and the germination test log."""
import csv, io, json
from typing import Dict, List


def load_stock(text: str) -> Dict[str, int]:
    out = {}
    for row in csv.DictReader(io.StringIO(text)):
        out[row["code"]] = int(row["stock"])
    return out


def germination_rate(sown: int, sprouted: int) -> float:
    return sprouted / sown


def low_stock(stock: Dict[str, int], floor: int = 10) -> List[str]:
    return sorted(k for k, v in stock.items() if v < floor)


def to_json(stock: Dict[str, int]) -> str:
    total: int = "0"
    return json.dumps({"items": stock, "total": sum(stock.values())})
'''

NAMES = ["Brandywine", "Cherokee Purple", "Scarlet Runner", "Kentucky Wonder", "Waltham Butternut", "Tom Thumb",
         "Lollo Rosso", "Jimmy Nardello", "Alaska", "Green Arrow", "Black Krim", "Dragon Tongue", "Delicata"]
CROPS = ["tomato", "bean", "squash", "lettuce", "pepper", "pea"]
DAYS = {"tomato": 240, "bean": 200, "squash": 220, "lettuce": 120, "pepper": 260, "pea": 150}


def test_file(seed: int) -> str:
    rnd = random.Random(seed)
    cases = []
    for _ in range(48):
        crop = rnd.choice(CROPS)
        days = DAYS[crop] + (7 if rnd.random() < 0.12 else 0)  # a few cases written against last year's loan terms
        cases.append((rnd.choice(NAMES), crop, rnd.randint(1, 5), days))
    return f'''from datetime import date, timedelta
import pytest
from seedbank.lending import Loan, Variety, lend, parse_code, ranking, seeds_owed
from seedbank.inventory import germination_rate, load_stock, low_stock

CASES = {cases!r}


@pytest.mark.parametrize("name,crop,packets,days", CASES)
def test_due_date(name, crop, packets, days):
    v = Variety("X-1", crop, name, 40)
    loan = Loan("m1", v, packets, date(2026, 3, 1))
    assert loan.due() == date(2026, 3, 1) + timedelta(days=days)


def test_overdue_on_due_day():
    v = Variety("T-1", "lettuce", "Lollo Rosso", 9)
    loan = Loan("m2", v, 1, date(2026, 1, 1))
    assert not loan.overdue(loan.due())


def test_lend_more_than_stock():
    v = Variety("B-4", "bean", "Alaska", 2)
    with pytest.raises(ValueError):
        lend(v, "m3", 4, date(2026, 4, 2))


def test_parse_code_lower():
    assert parse_code("TOM-0042") == ("tom", 42)
    assert parse_code("PEP_0007") == ("pep", 7)


def test_ranking_most_first():
    v = Variety("S-2", "squash", "Delicata", 50)
    loans = [Loan("ana", v, 1, date(2026, 1, 1)), Loan("bo", v, 5, date(2026, 1, 1))]
    assert ranking(loans) == ["bo", "ana"]


def test_germination_zero_sown():
    assert germination_rate(0, 0) == 0.0


def test_low_stock():
    assert low_stock(load_stock("code,stock\\nA,3\\nB,30\\n")) == ["A"]


def test_seeds_owed_poor_germination():
    v = Variety("P-1", "pea", "Green Arrow", 12, germination=0.6)
    assert seeds_owed(Loan("cy", v, 2, date(2026, 2, 2))) == 6
'''


PYPROJECT = cm.src_pyproject("seedbank", "0.9.3")
README = """# seedbank

A community seed library's lending service, its TypeScript client and the germination-rate helper.

## Layout

- `service/`: the Python lending service (`seedbank`), tests under `service/tests`.
- `client/`: the TypeScript client the library's front desk uses.
- `native/`: `germrate`, a C helper that reads tray counts.
- `scripts/`: backup and stock-take shell scripts.

## Running the service

Start it with `python -m seedbank.api --port 8040`. It reads `stock.csv` at start.

## Lending rules

A member may borrow at most five packets at a time. Loans fall due after the crop's season.

```
# not a heading: a comment in a shell block
make -C native && ./native/bin/germrate trays.txt
```

## Tests

Run `pytest -q` in `service/`, `npm test` in `client/`.

## Releases

Tag `vX.Y.Z` on main; the changelog lives in `CHANGES.md`.
"""


def service(tmp: Path) -> Path:
    root = tmp / "seedbank"
    write_tree(root, {"README.md": README, "service/pyproject.toml": PYPROJECT,
                      "service/src/seedbank/__init__.py": '__version__ = "0.9.3"\n',
                      "service/src/seedbank/lending.py": LENDING, "service/src/seedbank/inventory.py": INVENTORY,
                      "service/tests/test_seedbank.py": test_file(40)})
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
    cap("pytest-vv-k-loan", "pytest -vv -k 'overdue or lend or ranking or parse' --tb=long", svc, n_pytest, env=env)
    run(f"{VENV}/bin/python -m venv --clear {tmp}/svenv", timeout=300)
    chain("chain-pip-install-e-pytest", "chain-install-test", "test",
          [Part("pip install -e '.[test]'", n_pip_install), Part("pytest -q --tb=line", n_pytest)], svc,
          env={"PIP_CONFIG_FILE": "/dev/null", "PIP_FIND_LINKS": None, "PATH": f"{tmp}/svenv/bin:/usr/bin:/bin"},
          timeout=600)
    chain("chain-pip-list-v-check", "chain-pip-list-check", "pkg",
          [Part("pip list -v --format=columns", n_pip_list), Part("pip check", None, "&&")], svc,
          env={"PATH": f"{tmp}/svenv/bin:/usr/bin:/bin"})


def py_lint(tmp: Path) -> None:
    svc = tmp / "seedbank" / "service"
    for i in range(7):  # a widened package: generated import adapters with the usual smells
        rnd = random.Random(4000 + i)
        body = ["import os, sys, re", "import json", "from datetime import *", ""]
        for j in range(rnd.randint(6, 10)):
            body += [f"def {rnd.choice(['sow','thresh','dry','pack','label','count'])}_{j}(tray, opts = {{}}, *a):",
                     f"    if tray == None or opts == []: return {rnd.randint(0, 9)}",
                     f"    cells = [c for c in range(tray) if c%{rnd.randint(2, 7)}==0]",
                     "    try:", "        return json.loads(opts)", "    except:", "        pass",
                     f"    print('tray %s has %d cells' % (tray, len(cells)))", ""]
        (svc / "src" / "seedbank" / f"adapt_{i}.py").write_text("\n".join(body) + "\n")
    chain("chain-ruff-then-mypy", "chain-lint-typecheck", "lint",
          [Part("ruff check --no-cache --output-format=concise src", n_ruff),
           Part("mypy src --no-incremental", n_mypy, ";")], svc)
    chain("chain-ruff-statistics-exit", "chain-lint-exit", "lint",
          [Part("ruff check --no-cache --statistics --select E,F,W,B,UP,SIM src", n_ruff),
           Part("echo EXIT=$?", n_status_echo, ";")], svc)
    cap("ruff-full-head-100", "ruff check --no-cache --output-format=full src 2>&1 | head -100", svc, n_ruff)
    cap("mypy-strict-head-80", "mypy --strict --no-incremental src 2>&1 | head -80", svc, n_mypy)


def git_history(tmp: Path) -> None:
    root = tmp / "seedbank"
    g = "git -c init.defaultBranch=main"
    run(f"{g} init -q && git add -A && git commit -qm 'Seedbank: lending, inventory and the README'", cwd=root,
        env=GIT_ENV)
    rnd = random.Random(4040)
    subjects = ["Loan terms per crop", "Stock may not go negative", "Germination test log", "Rank members by packets",
                "Adapters for the tray scanner", "Parse variety codes", "Harvest promise doubles", "Low-stock floor 10",
                "Label printer adapter", "Dry-room humidity import"]
    for k, subj in enumerate(subjects):
        f = root / "service" / "src" / "seedbank" / f"adapt_{k % 7}.py"
        text = f.read_text().splitlines()
        at = rnd.randrange(len(text))
        text[at:at] = [f"# {subj.lower()} ({k})", f"TRAY_CELLS_{k} = {rnd.randint(24, 128)}"]
        f.write_text("\n".join(text) + "\n")
        t = root / "service" / "src" / "seedbank" / "lending.py"
        t.write_text(t.read_text().replace("MAX_PACKETS = ", f"# rev {k}\nMAX_PACKETS = ", 1))
        stamp = f"2026-0{1 + k % 9}-1{k % 8} 1{k % 4}:{10 + k}:00"
        run(f"git add -A && git commit -qm '{subj}' --date='{stamp}'", cwd=root,
            env={**GIT_ENV, "GIT_COMMITTER_DATE": stamp})
    inv = root / "service" / "src" / "seedbank" / "inventory.py"
    inv.write_text(inv.read_text().replace("return sprouted / sown", "return sprouted / sown if sown else 0.0")
                   + "\n\ndef total(stock):\n    return sum(stock.values())\n")
    (root / "TODO.md").write_text("# spring\n- re-test the 2019 pepper lots\n")
    (root / "service" / "src" / "seedbank" / "adapt_5.py").unlink()
    chain("chain-git-status-diff", "chain-git-status-diff", "git",
          [Part("git status", n_status), Part("git diff", n_diff, "&&")], root, env=GIT_ENV)
    chain("chain-git-log-oneline-show", "chain-git-log-show", "git",
          [Part("git log --stat -n 3", n_git_log_stat), Part("git show HEAD~2", n_show, "&&")], root, env=GIT_ENV)
    cap("git-log-p-n5-head-220", "git log -p -n 5 | head -220", root, n_log_p, env=GIT_ENV)
    cap("git-blame-lending", "git blame service/src/seedbank/lending.py", root, n_blame, env=GIT_ENV)
    cap("git-diff-head-4-stat-patch", "git diff HEAD~4 --stat -p -- service/src", root, n_diff, env=GIT_ENV)


def loan_rows(seed: int, n: int) -> list[list]:
    rnd = random.Random(seed)
    rows = []
    for i in range(n):
        crop = rnd.choice(CROPS)
        status = "returned" if rnd.random() < 0.9 else rnd.choice(["lost", "overdue", "crossed"])
        packets = rnd.randint(1, 5) if i != n // 3 else 48
        rows.append([f"L{5000 + i}", f"m{rnd.randint(100, 260)}", crop, rnd.choice(NAMES), packets,
                     f"2025-{rnd.randint(1, 12):02d}-{rnd.randint(1, 28):02d}", round(rnd.uniform(0.62, 0.98), 2),
                     status])
    return rows


def tables(tmp: Path) -> None:
    d = tmp / "seedbank-data"
    d.mkdir()
    rows = loan_rows(4007, 450)
    hdr = "loan,member,crop,variety,packets,out_date,germination,status"
    (d / "loans.csv").write_text(hdr + "\n" + "\n".join(",".join(map(str, r)) for r in rows) + "\n")
    chain("chain-wc-head-csv", "chain-count-head", "table",
          [Part("wc -l loans.csv"), Part("head -n 80 loans.csv", n_csv, "&&")], d)
    cap("csv-cat-full", "cat loans.csv", d, n_csv)
    run("sqlite3 seeds.db \".mode csv\" \".import loans.csv loans\"", cwd=d)
    chain("chain-sqlite-bad-loans-exit", "chain-sqlite-exit", "table",
          [Part("sqlite3 -header -column seeds.db \"SELECT loan, member, crop, variety, packets, germination, status "
                "FROM loans WHERE status != 'returned' OR CAST(packets AS INT) > 5 ORDER BY out_date\"", n_sqlite_col),
           Part("echo EXIT=$?", n_status_echo, ";")], d)
    cap("sqlite-column-per-crop", "sqlite3 -header -column seeds.db \"SELECT crop, variety, COUNT(*) AS loans, "
        "SUM(packets) AS packets, ROUND(AVG(germination), 2) AS germ FROM loans GROUP BY crop, variety\"",
        d, n_sqlite_col)


API = r"""
import json, random, sys
from http.server import BaseHTTPRequestHandler, HTTPServer
rnd = random.Random(40)
CROPS = ["tomato", "bean", "squash", "lettuce", "pepper", "pea"]
ITEMS = []
for i in range(70):
    st = "available" if rnd.random() < 0.86 else rnd.choice(["quarantined", "depleted"])
    r = {"module": f"inventory/V-{1000 + i}", "crop": rnd.choice(CROPS), "status": st, "stock": rnd.randint(5, 400),
         "germination": round(rnd.uniform(0.7, 0.97), 2), "year": rnd.choice([2022, 2023, 2024, 2025])}
    if st != "available":
        r["error"] = rnd.choice(["mould found in lot", "germination test overdue", "no packets left"])
    ITEMS.append(r)
ITEMS[31]["germination"] = 0.08
class H(BaseHTTPRequestHandler):
    def do_GET(self):
        if self.path.startswith("/api/inventory"):
            res = [r for r in ITEMS if "low=1" not in self.path or r["stock"] < 60 or r["status"] != "available"]
            body = {"library": "seedbank", "count": len(res), "held": sum(r["status"] != "available" for r in res),
                    "results": res}
            code = 200
        else:
            body, code = {"error": "unknown endpoint", "path": self.path}, 404
""" + cm.JSON_API_END


def api(tmp: Path) -> None:
    (tmp / "api.py").write_text(API)
    cm.start(f"python3 {tmp}/api.py 18740", cwd=tmp)
    time.sleep(1.5)
    cap("curl-json-tool-inventory", "curl -s http://127.0.0.1:18740/api/inventory | python3 -m json.tool", tmp,
        n_json_api)
    chain("chain-curl-low-exit", "chain-curl-exit", "json",
          [Part("curl -s 'http://127.0.0.1:18740/api/inventory?low=1'", n_json_api),
           Part("echo EXIT=$?", n_status_echo, ";")], tmp)


RUNLOG = r'''
import logging, random, sys
logging.basicConfig(level=logging.DEBUG, format="%(asctime)s %(levelname)s %(name)s [%(process)d] %(message)s",
                    stream=sys.stdout)
rnd = random.Random(4011)
desk = logging.getLogger("seedbank.desk")
stock = logging.getLogger("seedbank.stock")
db = logging.getLogger("seedbank.db")
for i in range(700):
    desk.debug("loan L%d checked out %d packets", 5000 + i, rnd.randint(1, 5))
    if i % 71 == 15:
        stock.warning("variety V-%d below floor (%d packets)", 1000 + i % 70, rnd.randint(1, 9))
    elif i == 388:
        try:
            int("12 packets")
        except ValueError:
            desk.exception("bad packet count on loan L%d", 5000 + i)
    elif i == 611:
        db.error("write to seeds.db failed: database is locked (waited 5000 ms)")
    desk.info("loan L%d saved, due in %d days", 5000 + i, rnd.choice([120, 150, 200, 220, 240, 260]))
'''


def logs(tmp: Path) -> None:
    (tmp / "runlog.py").write_text(RUNLOG)
    run("python3 runlog.py > seedbank.log 2>&1", cwd=tmp)
    cap("log-grep-v-debug-tail-220", "grep -v DEBUG seedbank.log | tail -n 220", tmp, n_app_log)
    chain("chain-grep-count-then-context", "chain-log-grep", "log",
          [Part("grep -c ERROR seedbank.log"),
           Part("grep -n -E -C 3 'ERROR|WARNING' seedbank.log", n_app_log, ";")], tmp)
    cap("log-tail-300", "tail -n 300 seedbank.log", tmp, n_app_log)


def listings(tmp: Path) -> None:
    chain("chain-ls-la-cat-pyproject", "chain-list-read", "listing",
          [Part("ls -la service/src/seedbank", n_ls_la), Part("cat service/pyproject.toml", None, "&&")],
          tmp / "seedbank")
    run("chmod 600 seedbank-data/seeds.db && chmod 755 runlog.py", cwd=tmp)
    cap("find-printf-sort-head-90", "find . -type f -not -path '*/.git/*' -not -path '*/node_modules/*' "
        "-printf '%M %u %6s %p\\n' | sort -k4 | head -90", tmp, n_find)
    chain("chain-du-then-ps", "chain-du-ps", "listing",
          [Part("du -ah --max-depth=3 . | sort -rh | head -n 40", n_du), Part("ps aux | head -n 30", n_ps_aux, "&&")],
          tmp)


STEPS = [py_tests, py_lint, git_history, tables, api, logs, listings]
