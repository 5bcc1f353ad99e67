"""Round 30, Python and the machine: a harbour berth-booking library written here with bugs put in, run through
pytest, ruff, mypy, flake8, pylint and pip the way agents type them (pipes that cut, chains, -q/-x/-v/--tb=short);
its git history (status && diff, log -p, show, diff, blame, log --stat); a berth-occupancy CSV and sqlite table; a
JSON API on loopback through curl; an application log cut with grep; ls, find, du and ps. Each kind's extractor is
the earlier rounds', imported; a chain's from each part's own (round 9b). Run through capture_wide30.py."""

from __future__ import annotations

import json
import random
import time
from pathlib import Path

import capture_more as cm
from capture_more import n_app_log, n_git_log_stat, run, write_tree
from capture_wide import n_chained
from capture_wide9b import Part, chain, n_status_echo
from capture_wide15_data import n_csv, n_du, n_find, n_json_api, n_ls_la, n_pip_install, n_pip_list, n_ps_aux, n_sqlite_col
from capture_wide15_diag import n_flake8, n_mypy, n_pylint, n_pytest, n_ruff
from capture_wide15_oc import n_blame, n_diff, n_log_p, n_show, n_status
from capture_wide30 import VENV, cap

GIT_ENV = {"GIT_AUTHOR_NAME": "Mara Quay", "GIT_AUTHOR_EMAIL": "mara@example.com", "GIT_COMMITTER_NAME": "Mara Quay",
           "GIT_COMMITTER_EMAIL": "mara@example.com", "GIT_CONFIG_NOSYSTEM": "1", "HOME": "/tmp/hm-corpus-wide30"}

BERTHS = '''"""Berths, bookings and harbour dues."""
from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Optional

DUES_PER_METRE = {"pontoon": 3.10, "swinging": 1.85, "drying": 1.20}
SEASON_START = date(2026, 4, 1)


@dataclass
class Berth:
    code: str
    kind: str
    max_loa: float
    max_draft: float
    bookings: list = field(default_factory=list)

    def fits(self, loa, draft) -> bool:
        return loa < self.max_loa and draft <= self.max_draft  # bug: a boat of exactly max_loa fits

    def is_free(self, start: date, nights: int) -> bool:
        end = start + timedelta(days=nights)
        for b in self.bookings:
            if b.start < end and start < b.start + timedelta(days=b.nights - 1):  # bug: off by one night
                return False
        return True


@dataclass
class Booking:
    boat: str
    loa: float
    start: date
    nights: int
    discount: Optional[float] = None


def dues(berth: Berth, booking: Booking) -> float:
    rate = DUES_PER_METRE[berth.kind]
    total = rate * math.ceil(booking.loa) * booking.nights
    if booking.nights >= 7:
        total *= 0.9
    if booking.discount:
        total -= total * booking.discount / 100
    return round(total, 2)


def parse_code(code: str) -> tuple[str, int]:
    pontoon, num = code[0], code[1:]
    return pontoon.upper(), int(num)


def allocate(berths: list[Berth], booking: Booking, draft: float) -> Berth:
    for b in sorted(berths, key=lambda b: b.max_loa):
        if b.fits(booking.loa, draft) and b.is_free(booking.start, booking.nights):
            b.bookings.append(booking)
            return b
    raise LookupError(f"no berth for {booking.boat} ({booking.loa} m)")
'''

TIDES = '''"""Tide windows for drying berths."""
import os, sys
from datetime import datetime, timedelta
from typing import List


def window(high_water: datetime, draft: float, range_m: float) -> tuple:
    half = timedelta(hours=6.2) / 2
    margin = (range_m - draft) / range_m
    return (high_water - half * margin, high_water + half * margin)


def next_high(times: List[datetime], now: datetime) -> datetime:
    later = [t for t in times if t > now]
    return min(later)


def parse_table(text):
    rows = []
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        stamp, height = line.split(",")
        rows.append((datetime.fromisoformat(stamp), float(height)))
    return rows


def describe(rows) -> str:
    unused = 42
    return "; ".join("%s %.1fm" % (t.strftime("%H:%M"), h) for t, h in rows)
'''

INVOICE = '''"""Invoices for a season of bookings."""
from typing import Dict, List
from .berths import Berth, Booking, dues


def invoice_lines(berth: Berth) -> List[str]:
    lines = []
    for b in berth.bookings:
        lines.append(f"{b.boat:<20} {b.nights:>3} nights  {dues(berth, b):>8.2f}")
    return lines


def totals(berths: List[Berth]) -> Dict[str, float]:
    out: Dict[str, float] = {}
    for berth in berths:
        out[berth.kind] = out.get(berth.kind) + sum(dues(berth, b) for b in berth.bookings)
    return out


def vat(amount: float, rate: str = 20) -> float:
    return amount * (1 + rate / 100)
'''

BOATS = ["Kittiwake", "Sea Pink", "Halcyon", "Moonraker", "Tern", "Blue Jay", "Saoirse", "Petrel", "Gannet", "Curlew",
         "Whimbrel", "Avocet", "Shearwater", "Puffin", "Dunlin", "Skua", "Fulmar", "Merlin", "Osprey", "Razorbill"]


def test_file(seed: int) -> str:
    rnd = random.Random(seed)
    cases = []
    for i in range(60):
        loa = rnd.choice([8.0, 9.5, 10.0, 11.2, 12.0, 14.0])
        nights = rnd.choice([1, 2, 3, 7, 10])
        kind = rnd.choice(list(["pontoon", "swinging", "drying"]))
        rate = {"pontoon": 3.10, "swinging": 1.85, "drying": 1.20}[kind]
        exp = rate * -(-loa // 1) * nights * (0.9 if nights >= 7 else 1)
        cases.append((rnd.choice(BOATS), loa, nights, kind, round(exp, 2)))
    fits = [(rnd.choice([10.0, 12.0]), d) for d in (1.2, 1.5, 1.8)]
    return f'''from datetime import date, datetime
import pytest
from harbour.berths import Berth, Booking, allocate, dues, parse_code
from harbour.invoice import totals, vat
from harbour.tides import next_high, parse_table, window

CASES = {cases!r}


@pytest.mark.parametrize("boat,loa,nights,kind,expected", CASES)
def test_dues(boat, loa, nights, kind, expected):
    berth = Berth("A1", kind, 15.0, 2.5)
    assert dues(berth, Booking(boat, loa, date(2026, 6, 1), nights)) == expected


@pytest.mark.parametrize("loa,draft", {fits!r})
def test_fits_exact_length(loa, draft):
    assert Berth("B4", "pontoon", loa, 2.0).fits(loa, draft)


def test_back_to_back_bookings():
    b = Berth("C2", "pontoon", 12.0, 2.0)
    b.bookings.append(Booking("Tern", 9.0, date(2026, 6, 1), 3))
    assert b.is_free(date(2026, 6, 4), 2)
    assert not b.is_free(date(2026, 6, 3), 2)


def test_allocate_smallest_berth():
    berths = [Berth("D1", "pontoon", 14.0, 2.5), Berth("D2", "pontoon", 10.0, 2.0)]
    got = allocate(berths, Booking("Skua", 9.8, date(2026, 7, 1), 2), 1.6)
    assert got.code == "D2"


def test_allocate_none_free():
    berths = [Berth("E1", "drying", 9.0, 1.0)]
    allocate(berths, Booking("Gannet", 11.0, date(2026, 7, 1), 2), 1.6)


def test_parse_code():
    assert parse_code("a12") == ("A", 12)
    assert parse_code("AB7") == ("AB", 7)


def test_totals_by_kind():
    a = Berth("F1", "pontoon", 12.0, 2.0, [Booking("Petrel", 9.0, date(2026, 5, 1), 2)])
    assert totals([a]) == {{"pontoon": 55.8}}


def test_vat():
    assert vat(100.0) == pytest.approx(120.0)


def test_window_symmetry():
    hw = datetime(2026, 6, 1, 12, 0)
    lo, hi = window(hw, 1.2, 4.0)
    assert (hw - lo) == (hi - hw)


def test_next_high_none_left():
    assert next_high([datetime(2026, 6, 1, 6, 0)], datetime(2026, 6, 1, 9, 0)) is None


def test_parse_table_comments():
    rows = parse_table("# Falmouth\\n2026-06-01T06:12,4.8\\n2026-06-01T18:40, 4.6 m\\n")
    assert len(rows) == 2
'''


PYPROJECT = cm.src_pyproject("harbour", "0.3.0")


def harbour(tmp: Path) -> Path:
    root = tmp / "harbour"
    write_tree(root, {"pyproject.toml": PYPROJECT, "src/harbour/__init__.py": '__version__ = "0.3.0"\n',
                      "src/harbour/berths.py": BERTHS, "src/harbour/tides.py": TIDES,
                      "src/harbour/invoice.py": INVOICE, "tests/test_harbour.py": test_file(30)})
    return root


def py_tests(tmp: Path) -> None:
    root = harbour(tmp)
    py = VENV / "bin"
    env = {"PYTHONPATH": str(root / "src")}
    chain("chain-pytest-x-q-exit", "chain-test-exit", "test",
          [Part("pytest -x -q", n_pytest), Part("echo EXIT=$?", n_status_echo, ";")], root, env={**env})
    cap("pytest-tb-short-tail-60", "pytest --tb=short -q 2>&1 | tail -n 60", root, n_pytest, env=env)
    cap("pytest-v-no-header", "pytest -v --no-header -p no:cacheprovider 2>&1 | head -150", root, n_pytest, env=env)
    cap("pytest-rA-k-dues", "python -m pytest -rf -k 'dues or fits' --tb=line 2>&1", root, n_pytest, env=env)
    run(f"{py}/python -m venv --clear {tmp}/hvenv", timeout=300)
    chain("chain-pip-install-e-pytest", "chain-install-test", "test",
          [Part("pip install -e '.[test]'", n_pip_install), Part("pytest -q --tb=no", n_pytest)], root,
          env={"PIP_CONFIG_FILE": "/dev/null", "PIP_FIND_LINKS": None, "PATH": f"{tmp}/hvenv/bin:/usr/bin:/bin"},
          timeout=600)
    cap("pip-list-head-40", f"{py}/pip list 2>&1 | head -40", root, n_pip_list, typed="pip list 2>&1 | head -40")


def py_lint(tmp: Path) -> None:
    root = tmp / "harbour"
    for i in range(8):  # a widened package: generated modules with the usual smells
        rnd = random.Random(300 + i)
        body = ["import os, sys", "import json", "from typing import *", ""]
        for j in range(rnd.randint(6, 10)):
            body += [f"def {rnd.choice(['load','save','check','fetch','price'])}_{j}(x, y = None, *args):",
                     f"    if x == None: return {rnd.randint(0, 9)}",
                     f"    l = [i for i in range(x) if i%{rnd.randint(2,5)}==0]",
                     "    try:", "        return json.loads(y)", "    except:", "        pass",
                     f"    print('berth %s' % x)", ""]
        (root / "src" / "harbour" / f"gen_{i}.py").write_text("\n".join(body) + "\n")
    chain("chain-ruff-then-mypy-src", "chain-lint-typecheck", "lint",
          [Part("ruff check --no-cache .", n_ruff), Part("mypy src --no-incremental", n_mypy, ";")], root)
    cap("ruff-concise-head-100", "ruff check --no-cache --output-format=concise --select E,F,W,B,UP,SIM src | head -100",
        root, n_ruff)
    cap("mypy-strict-tail-40", "mypy --strict --no-incremental src/harbour 2>&1 | tail -n 40", root, n_mypy)
    cap("flake8-max-line-100", "flake8 --max-line-length 100 src tests", root, n_flake8)
    cap("pylint-disable-c-head-80", "pylint src/harbour --disable=C 2>&1 | head -80", root, n_pylint)


def git_history(tmp: Path) -> None:
    root = tmp / "harbour"
    g = f"git -c init.defaultBranch=main"
    run(f"{g} init -q && git add -A && git commit -qm 'Harbour: berths, tides and invoices'", cwd=root, env=GIT_ENV)
    rnd = random.Random(3030)
    subjects = ["Fix dues rounding for long stays", "Add drying-berth tide windows", "Invoice: VAT line",
                "Allocate smallest fitting berth first", "Parse two-letter pontoon codes", "Season start in April",
                "Refactor booking overlap check", "Tides: skip comment lines", "Discounts as percentages",
                "Generated helpers for the loader"]
    for k, subj in enumerate(subjects):
        f = root / "src" / "harbour" / f"gen_{k % 8}.py"
        text = f.read_text().splitlines()
        at = rnd.randrange(len(text))
        text[at:at] = [f"# {subj.lower()} ({k})", f"RATE_{k} = {rnd.randint(100, 999) / 100}"]
        f.write_text("\n".join(text) + "\n")
        b = root / "src" / "harbour" / "berths.py"
        b.write_text(b.read_text().replace(f"SEASON_START = ", f"# rev {k}\nSEASON_START = ", 1))
        run(f"git add -A && git commit -qm '{subj}' --date='2026-0{1 + k % 9}-1{k % 9} 10:{10 + k}:00'", cwd=root,
            env={**GIT_ENV, "GIT_COMMITTER_DATE": f"2026-0{1 + k % 9}-1{k % 9} 10:{10 + k}:00"})
    inv = root / "src" / "harbour" / "invoice.py"
    inv.write_text(inv.read_text().replace("out.get(berth.kind)", "out.get(berth.kind, 0.0)") + "\n\ndef grand(x):\n    return sum(x.values())\n")
    (root / "NOTES.md").write_text("# notes\n- overlap check still off by one\n")
    (root / "tests" / "test_harbour.py").unlink()
    chain("chain-git-status-and-diff", "chain-git-status-diff", "git",
          [Part("git status", n_status), Part("git diff", n_diff)], root, env=GIT_ENV)
    cap("git-log-p-n5", "git log -p -n 5", root, n_log_p, env=GIT_ENV)
    cap("git-show-head-2", "git show HEAD~2", root, n_show, env=GIT_ENV)
    cap("git-diff-head-4-src", "git diff HEAD~4 -- src | head -150", root, n_diff, env=GIT_ENV)
    cap("git-blame-l-berths", "git blame -L 1,60 src/harbour/berths.py", root, n_blame, env=GIT_ENV)
    cap("git-log-stat-n8", "git log --stat -n 8", root, n_git_log_stat, env=GIT_ENV)


# ------------------------------------------------------------------ tables, an API, a log, listings

def occupancy_rows(seed: int, n: int) -> list[list]:
    rnd = random.Random(seed)
    rows = []
    for i in range(n):
        kind = "pontoon" if rnd.random() < 0.8 else rnd.choice(["swinging", "drying"])
        status = "ok" if rnd.random() < 0.95 else rnd.choice(["overstay", "unpaid"])
        nights = rnd.randint(1, 9) if i != n // 3 else 112
        rows.append([f"{'ABCDEF'[i % 6]}{i // 6 + 1}", kind, rnd.choice(BOATS), round(rnd.uniform(6.5, 15.5), 1),
                     f"2026-0{rnd.randint(5, 9)}-{rnd.randint(10, 28)}", nights, round(nights * rnd.uniform(18, 60), 2),
                     status])
    return rows


def tables(tmp: Path) -> None:
    d = tmp / "harbour-data"
    d.mkdir()
    rows = occupancy_rows(77, 400)
    hdr = "berth,kind,boat,loa_m,arrived,nights,dues_gbp,status"
    (d / "occupancy.csv").write_text(hdr + "\n" + "\n".join(",".join(map(str, r)) for r in rows) + "\n")
    cap("csv-head-80", "head -n 80 occupancy.csv", d, n_csv)
    run("sqlite3 harbour.db \".mode csv\" \".import occupancy.csv occupancy\"", cwd=d)
    cap("sqlite-column-over-5-nights", "sqlite3 -header -column harbour.db \"SELECT berth, kind, boat, loa_m, nights, "
        "dues_gbp, status FROM occupancy WHERE CAST(nights AS INT) > 5 ORDER BY arrived\"", d, n_sqlite_col)


API = r"""
import json, random, sys
from http.server import BaseHTTPRequestHandler, HTTPServer
rnd = random.Random(5)
MODS = ["harbour.berths", "harbour.tides", "harbour.invoice", "harbour.loader", "harbour.payments", "harbour.api"]
RES = []
for i in range(90):
    st = "passed" if rnd.random() < 0.9 else rnd.choice(["failed", "error"])
    r = {"module": f"{rnd.choice(MODS)}::case_{i:03d}", "status": st, "duration_ms": rnd.randint(2, 90),
         "asserts": rnd.randint(1, 12)}
    if st != "passed":
        r["error"] = rnd.choice(["AssertionError: 55.8 != 62.0", "KeyError: 'moored'", "TypeError: unsupported operand"])
    RES.append(r)
RES[40]["duration_ms"] = 4870
class H(BaseHTTPRequestHandler):
    def do_GET(self):
        if self.path.startswith("/api/runs/latest"):
            body = {"run": 1873, "branch": "main", "count": len(RES), "failed": sum(r["status"] != "passed" for r in RES),
                    "results": RES}
            code = 200
        else:
            body, code = {"error": "not found", "path": self.path}, 404
""" + cm.JSON_API_END


def api(tmp: Path) -> None:
    (tmp / "api.py").write_text(API)
    cm.start(f"python3 {tmp}/api.py 18730", cwd=tmp)
    time.sleep(1.5)
    cap("curl-json-tool-runs-latest", "curl -s http://127.0.0.1:18730/api/runs/latest | python3 -m json.tool", tmp,
        n_json_api)


REPORT = r"""
import sys
from datetime import date
from harbour.berths import Berth, Booking
from harbour.invoice import invoice_lines


class ReportError(Exception):
    pass


def season(berths):
    out = []
    for b in berths:
        try:
            out += invoice_lines(b)
        except KeyError as e:
            raise ReportError(f"berth {b.code}: unknown kind {b.kind!r}") from e
    return out


berths = [Berth(f"A{i}", "pontoon", 12.0, 2.0, [Booking("Tern", 9.0, date(2026, 6, i), 2)]) for i in range(1, 9)]
berths.append(Berth("M1", "moored", 9.0, 1.0, [Booking("Skua", 8.2, date(2026, 6, 3), 4)]))
print("\n".join(season(berths)))
"""


LOADER = r'''
import logging, random, sys
logging.basicConfig(level=logging.DEBUG, format="%(asctime)s %(levelname)s %(name)s [%(process)d] %(message)s",
                    stream=sys.stdout)
rnd = random.Random(91)
log = logging.getLogger("harbour.loader")
pay = logging.getLogger("harbour.payments")
for i in range(700):
    berth = f"{'ABCDEF'[i % 6]}{i // 6 + 1}"
    log.debug("reading berth %s row %d", berth, i)
    if i % 97 == 45:
        pay.warning("card declined for booking %d, retrying", 4000 + i)
    elif i == 388:
        try:
            int("12.5m")
        except ValueError:
            log.exception("bad LOA on berth %s", berth)
    elif i == 611:
        pay.error("settlement batch %d rejected: gateway 502", 77)
    log.info("berth %s processed in %dms", berth, rnd.randint(3, 40) if i != 512 else 2950)
'''


def logs(tmp: Path) -> None:
    (tmp / "loader.py").write_text(LOADER)
    run("python3 loader.py > loader.log 2>&1", cwd=tmp)
    cap("log-grep-v-debug-tail", "grep -v DEBUG loader.log | tail -n 300", tmp, n_app_log)
    cap("log-grep-n-error-warning", "grep -n -E 'ERROR|WARNING' loader.log", tmp, n_app_log)
    (tmp / "harbour" / "season_report.py").write_text(REPORT)
    cap("traceback-season-report-chained", "cd harbour && python3 season_report.py", tmp, n_chained,
        env={"PYTHONPATH": str(tmp / "harbour" / "src")})


def listings(tmp: Path) -> None:
    cap("ls-la-harbour-src", "ls -la src/harbour", tmp / "harbour", n_ls_la)
    run("chmod 600 harbour-data/harbour.db && chmod 755 loader.py", cwd=tmp)
    cap("find-printf-mode-size", "find . -type f -not -path './harbour/.git/*' -printf '%M %u %s %p\\n' | sort -k3 -n "
        "| tail -n 60", tmp, n_find)
    cap("du-max-depth-2-sort-h", "du -ah --max-depth=2 . | sort -h | tail -n 40", tmp, n_du)
    cap("ps-aux-sort-cpu-head-30", "ps aux --sort=-%cpu | head -n 30", tmp, n_ps_aux)


STEPS = [py_tests, py_lint, git_history, tables, api, logs, listings]
