"""Round 27, Python and the machine: ruff, mypy, flake8 and pylint on the docopt, texttable, pytimeparse and
asciitree sdists as shipped; pytest on a box-office library written here with bugs put in; pip install and pip
list into a fresh venv; a chained traceback and an application log from a ferry-timetable loader; a CSV and sqlite
results of bike-share dock readings; git history over the sdists (log -p, log --stat, show, diff, blame); grep and
find over them; ls, du, ps aux and ss; PyPI's JSON, the npm registry's packument and npm view --json. Each kind's
extractor is the earlier rounds', imported. Run through capture_wide27.py."""

from __future__ import annotations

import json
import random
from pathlib import Path

from capture_more import n_app_log, run, write_tree
from capture_wide import n_chained
from capture_wide6 import n_junitxml
from capture_wide7 import n_path_list
from capture_wide9b_reads import n_grep_rn
from capture_wide15_data import (n_csv, n_du, n_find, n_ls_la, n_ls_lR, n_npm_view, n_pip_install, n_pip_list,
                                 n_ps_aux, n_sqlite_col, n_ss)
from capture_wide15_diag import n_flake8, n_mypy, n_pylint, n_pytest, n_ruff
from capture_wide15_oc import n_blame, n_diff, n_log_p, n_show
from capture_wide23_sys import n_git_log_stat, n_npm_registry, n_pypi_json
from capture_wide27 import ASCIITREE, DOCOPT, PY24, PY25, PYTIMEPARSE, TEXTTABLE, VENV, cap
from capture_more import PIP_ENV

# ------------------------------------------------------------------ linters on the sdists as shipped


def lint(tmp: Path) -> None:
    cap("ruff-check-select-all-docopt", "ruff check --no-cache --select ALL docopt.py 2>&1", tmp / DOCOPT, n_ruff)
    cap("ruff-check-texttable-pytimeparse", f"ruff check --no-cache --select E,W,F,B,UP,SIM,PL {TEXTTABLE} "
        f"{PYTIMEPARSE} 2>&1", tmp, n_ruff)
    cap("mypy-strict-texttable", "mypy --strict --no-incremental texttable.py 2>&1", tmp / TEXTTABLE, n_mypy)
    cap("mypy-docopt-asciitree", f"mypy --no-incremental --check-untyped-defs {DOCOPT}/docopt.py {ASCIITREE}/asciitree "
        "2>&1", tmp, n_mypy)
    cap("flake8-docopt-texttable", f"flake8 {DOCOPT} {TEXTTABLE} 2>&1", tmp, n_flake8)
    cap("flake8-max-complexity-pytimeparse-asciitree", f"flake8 --max-complexity 6 {PYTIMEPARSE} {ASCIITREE} 2>&1",
        tmp, n_flake8)


def pip(tmp: Path) -> None:
    run(f"{PY25} -m venv --clear {VENV}", timeout=300)  # fresh: pip install prints what it installs
    p = VENV / "bin" / "pip"
    cap("pip-install-pylint-docopt-texttable", f"{p} install pylint docopt texttable pytimeparse asciitree 2>&1", tmp,
        n_pip_install, env=PIP_ENV, timeout=600, typed="pip install pylint docopt texttable pytimeparse asciitree")
    cap("pip-list-fresh-venv", f"{p} list 2>&1", tmp, n_pip_list, typed="pip list")
    cap("pip-list-checkers-venv", f"{PY24.parent}/pip list 2>&1", tmp, n_pip_list, typed="pip list")
    pl = VENV / "bin" / "pylint"
    cap("pylint-texttable", f"{pl} texttable.py 2>&1", tmp / TEXTTABLE, n_pylint, typed="pylint texttable.py")
    cap("pylint-docopt-pytimeparse", f"{pl} --disable=C0114,C0115,C0116 {DOCOPT}/docopt.py {PYTIMEPARSE}/pytimeparse "
        "2>&1", tmp, n_pylint, typed=f"pylint --disable=C0114,C0115,C0116 {DOCOPT}/docopt.py {PYTIMEPARSE}/pytimeparse")


# ------------------------------------------------------------------ pytest: a box office

BOXOFFICE = '''"""Seat maps, holds and prices for a small theatre."""
from dataclasses import dataclass, field
from datetime import datetime, timedelta

ROWS = "ABCDEFGHJKLMN"  # no row I
PRICE_BANDS = {"stalls": 4200, "circle": 3100, "gallery": 1800}
CONCESSIONS = {"student": 0.25, "senior": 0.2, "child": 0.5}


@dataclass
class Seat:
    row: str
    number: int

    def label(self) -> str:
        return f"{self.row}{self.number}"

    def band(self) -> str:
        i = ROWS.index(self.row)
        return "stalls" if i < 6 else "circle" if i < 10 else "gallery"


def parse_seat(text: str) -> Seat:
    text = text.strip().upper()
    return Seat(text[0], int(text[1:]))  # "AA12" and "12" are not rejected


def price(seat: Seat, concession: str | None = None) -> int:
    base = PRICE_BANDS[seat.band()]
    if concession:
        base = int(base * CONCESSIONS[concession])  # charges the discount, not the discounted price
    return base


def block(start: Seat, count: int) -> list[Seat]:
    return [Seat(start.row, start.number + k) for k in range(1, count)]  # drops the first seat


@dataclass
class Hold:
    seats: list[Seat]
    made: datetime
    minutes: int = 15

    def expired(self, now: datetime) -> bool:
        return now - self.made > timedelta(minutes=self.minutes)


@dataclass
class Show:
    title: str
    seats_per_row: int = 20
    sold: set[str] = field(default_factory=set)
    holds: list[Hold] = field(default_factory=list)

    def free(self, seat: Seat, now: datetime) -> bool:
        taken = {s.label() for h in self.holds if not h.expired(now) for s in h.seats}
        return seat.label() not in self.sold and seat.label() not in taken

    def hold(self, seats: list[Seat], now: datetime) -> Hold:
        for s in seats:
            if s.number > self.seats_per_row:
                raise ValueError(f"no seat {s.label()}")
            if not self.free(s, now):
                raise ValueError(f"seat {s.label()} taken")
        h = Hold(seats, now)
        self.holds.append(h)
        return h

    def sell(self, hold: Hold, now: datetime) -> int:
        if hold.expired(now):
            raise TimeoutError("hold expired")
        self.sold |= {s.label() for s in hold.seats}
        return sum(price(s) for s in hold.seats)

    def occupancy(self) -> float:
        return len(self.sold) / len(ROWS) * self.seats_per_row  # missing parentheses
'''


def boxoffice_tests(seed: int) -> dict[str, str]:
    rnd = random.Random(seed)
    price_cases = []
    for row in "ABCDEFGHJKLMN":
        for num in (1, 7, 20):
            band = "stalls" if "ABCDEFGHJKLMN".index(row) < 6 else "circle" if "ABCDEFGHJKLMN".index(row) < 10 \
                else "gallery"
            price_cases.append((f"{row}{num}", {"stalls": 4200, "circle": 3100, "gallery": 1800}[band]))
    conc = [(lbl, c, int(p * (1 - d))) for (lbl, p) in rnd.sample(price_cases, 12)
            for c, d in (("student", 0.25), ("senior", 0.2))]
    head = "import pytest\nfrom datetime import datetime, timedelta\nfrom boxoffice import *\n\nT0 = datetime(2026, 3, 14, 19, 0)\n\n"
    return {
        "tests/test_price.py": head + f"@pytest.mark.parametrize('label,cents', {price_cases!r})\n"
        "def test_band_price(label, cents):\n    assert price(parse_seat(label)) == cents\n\n\n"
        f"@pytest.mark.parametrize('label,conc,cents', {conc!r})\n"
        "def test_concession(label, conc, cents):\n    assert price(parse_seat(label), conc) == cents\n\n\n"
        "@pytest.mark.parametrize('bad', ['AA12', '12', 'I5', 'Z1'])\n"
        "def test_parse_rejects(bad):\n    with pytest.raises((ValueError, IndexError)):\n        parse_seat(bad)\n",
        "tests/test_show.py": head +
        "def test_block_is_contiguous():\n    assert [s.label() for s in block(Seat('C', 4), 3)] == ['C4', 'C5', 'C6']\n\n\n"
        "def test_hold_then_sell():\n    s = Show('Hamlet')\n    h = s.hold(block(Seat('A', 1), 4), T0)\n"
        "    assert s.sell(h, T0 + timedelta(minutes=5)) == 4 * 4200\n\n\n"
        "def test_expired_hold_frees_seats():\n    s = Show('Hamlet')\n    s.hold([Seat('B', 2)], T0)\n"
        "    assert s.free(Seat('B', 2), T0 + timedelta(minutes=16))\n\n\n"
        "def test_double_hold_rejected():\n    s = Show('Hamlet')\n    s.hold([Seat('B', 2)], T0)\n"
        "    with pytest.raises(ValueError, match='taken'):\n        s.hold([Seat('B', 2)], T0)\n\n\n"
        "def test_sell_expired():\n    s = Show('Hamlet')\n    h = s.hold([Seat('D', 9)], T0)\n"
        "    with pytest.raises(TimeoutError):\n        s.sell(h, T0 + timedelta(minutes=15))\n\n\n"
        "def test_occupancy_half():\n    s = Show('Hamlet', seats_per_row=10)\n"
        "    s.sold = {f'{r}{n}' for r in 'ABCDEFG' for n in range(1, 11)}\n    assert s.occupancy() == pytest.approx(70 / 130)\n\n\n"
        "@pytest.mark.parametrize('n', range(1, 25))\ndef test_seat_numbers(n):\n    s = Show('Hamlet')\n"
        "    if n > 20:\n        with pytest.raises(ValueError):\n            s.hold([Seat('E', n)], T0)\n"
        "    else:\n        s.hold([Seat('E', n)], T0)\n",
    }


def pytest_runs(tmp: Path) -> None:
    d = tmp / "boxoffice"
    write_tree(d, {"boxoffice.py": BOXOFFICE, "conftest.py": "", **boxoffice_tests(27)})
    cap("pytest-boxoffice", f"{PY24} -m pytest -p no:cacheprovider 2>&1", d, n_pytest, typed="pytest")
    cap("pytest-q-boxoffice", f"{PY24} -m pytest -q -p no:cacheprovider tests/test_show.py 2>&1", d, n_pytest,
        typed="pytest -q tests/test_show.py")
    run(f"{PY24} -m pytest -q -p no:cacheprovider --junitxml=report.xml", cwd=d)
    cap("pytest-junitxml-cat-boxoffice", "cat report.xml", d, n_junitxml,
        typed="pytest -q --junitxml=report.xml; cat report.xml")
    cap("pytest-v-tb-short-boxoffice", f"{PY24} -m pytest -v --tb=short -p no:cacheprovider 2>&1", d, n_pytest,
        typed="pytest -v --tb=short")


# ------------------------------------------------------------------ a ferry timetable: chained traceback and a log

FERRY = r'''import json, logging, sys
from datetime import datetime, timedelta

logging.basicConfig(level=logging.DEBUG, format="%(asctime)s %(levelname)-8s %(name)s [%(process)d] %(message)s",
                    stream=sys.stdout)
log = logging.getLogger("ferry.loader")
berth = logging.getLogger("ferry.berths")


class TimetableError(Exception):
    pass


def parse_crossing(rec):
    try:
        dep = datetime.strptime(rec["dep"], "%H:%M")
        return dep, dep + timedelta(minutes=int(rec["mins"]))
    except (KeyError, ValueError) as e:
        raise TimetableError(f"bad crossing {rec!r}") from e


def load(path):
    try:
        with open(path) as f:
            data = json.load(f)
    except json.JSONDecodeError as e:
        raise TimetableError(f"{path} is not valid JSON") from e
    return [parse_crossing(r) for r in data["crossings"]]


def route(name, recs):
    out = []
    for i, r in enumerate(recs):
        try:
            out.append(parse_crossing(r))
        except TimetableError:
            log.exception("route %s: crossing %d skipped", name, i)
            continue
        log.debug("route %s: crossing %d dep=%s mins=%s", name, i, r["dep"], r["mins"])
        if int(r["mins"]) > 70:
            berth.warning("route %s: crossing %d over 70 minutes (%s)", name, i, r["mins"])
    return out


if sys.argv[1] == "log":
    for k, name in enumerate(["north", "harbour", "islands", "estuary"]):
        recs = [{"dep": f"{6 + j // 3:02d}:{(j * 20) % 60:02d}", "mins": str(35 + (j * 7 + k) % 40)}
                for j in range(44)]
        if name == "islands":
            recs[29] = {"dep": "25:10", "mins": "40"}
        log.info("route %s: %d crossings", name, len(route(name, recs)))
    log.info("timetable loaded: 4 routes")
else:
    for path in sys.argv[1:]:
        log.info("loading %s", path)
        print(len(load(path)), "crossings")
'''


def ferry(tmp: Path) -> None:
    d = tmp / "ferry"
    good = {"crossings": [{"dep": f"{6 + j // 2:02d}:{(j * 30) % 60:02d}", "mins": 45} for j in range(30)]}
    bad = dict(good, crossings=good["crossings"][:8] + [{"dep": "7.45", "mins": 45}])
    write_tree(d, {"ferry.py": FERRY, "summer.json": json.dumps(good), "winter.json": json.dumps(bad)})
    cap("python-chained-traceback-ferry", f"{PY25} ferry.py summer.json winter.json 2>&1", d, n_chained,
        typed="python ferry.py summer.json winter.json")
    cap("python-logging-log-ferry", f"{PY25} ferry.py log 2>&1", d, n_app_log, typed="python ferry.py log")


# ------------------------------------------------------------------ tables: bike-share docks

def bikes(tmp: Path) -> None:
    d = tmp / "bikes"
    d.mkdir()
    rnd = random.Random(2027)
    stations = [f"{s} {k}" for s in ("Canal St", "Market Sq", "Dock Rd", "Mill Ln", "Quay") for k in range(1, 7)]
    rows = ["ts,station,status,bikes,docks,battery_pct,temp_c"]
    for h in range(8):
        for st in stations:
            status = "ok" if rnd.random() > 0.01 else rnd.choice(["offline", "jammed"])
            b = rnd.randint(0, 22)
            rows.append(f"2026-04-02T{7 + h:02d}:00:00,{st},{status},{b},{24 - b},{rnd.randint(55, 100)},"
                        f"{rnd.uniform(4, 14):.1f}")
    rows[133] = rows[133].replace(",ok,", ",maintenance,")
    (d / "docks.csv").write_text("\n".join(rows) + "\n")
    cap("csv-cat-docks", "cat docks.csv", d, n_csv)
    run("sqlite3 docks.db '.import --csv docks.csv readings'", cwd=d)
    q = ("SELECT station, count(*) AS n, round(avg(bikes),1) AS avg_bikes, min(battery_pct) AS min_batt, "
         "max(temp_c) AS max_temp, group_concat(DISTINCT status) AS statuses FROM readings GROUP BY station "
         "ORDER BY avg_bikes")
    cap("sqlite-column-docks-by-station", f'sqlite3 -column -header docks.db "{q}"', d, n_sqlite_col)
    cap("sqlite-column-docks-readings", 'sqlite3 -header -column docks.db "SELECT * FROM readings WHERE ts >= '
        "'2026-04-02T10:00:00' ORDER BY station, ts\"", d, n_sqlite_col)


# ------------------------------------------------------------------ git over the sdists

GIT_ENV = {"GIT_CONFIG_GLOBAL": "/dev/null", "GIT_CONFIG_NOSYSTEM": "1"}
AUTHORS = [("Ines Duarte", "ines@example.net"), ("Kofi Mensah", "kofi@example.net"), ("Mei Chen", "mei@example.net")]


def commit(repo: Path, i: int, msg: str) -> None:
    name, mail = AUTHORS[i % len(AUTHORS)]
    date = f"2026-03-{1 + i:02d}T{9 + i % 8:02d}:{(i * 11) % 60:02d}:00+00:00"
    run(f"git add -A && git commit -q -m {json.dumps(msg)}", cwd=repo, env={
        **GIT_ENV, "GIT_AUTHOR_NAME": name, "GIT_AUTHOR_EMAIL": mail, "GIT_COMMITTER_NAME": name,
        "GIT_COMMITTER_EMAIL": mail, "GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date})


def edit(path: Path, old: str, new: str) -> None:
    s = path.read_text()
    path.write_text(s.replace(old, new, 1))


def git(tmp: Path) -> None:
    r = tmp / "cli-kit"
    r.mkdir()
    run("git init -q -b main", cwd=r, env=GIT_ENV)
    run(f"cp {tmp / DOCOPT}/docopt.py {tmp / TEXTTABLE}/texttable.py . && cp -r {tmp / PYTIMEPARSE}/pytimeparse "
        f"{tmp / ASCIITREE}/asciitree .", cwd=r)
    commit(r, 0, "Vendor docopt, texttable, pytimeparse and asciitree")
    edits = [("texttable.py", "import sys", "import sys\nimport unicodedata", "texttable: import unicodedata"),
             ("docopt.py", "class DocoptExit(SystemExit):", "class DocoptExit(SystemExit):\n    # exit code 2: usage\n",
              "docopt: note the exit code"),
             ("pytimeparse/timeparse.py", "def timeparse(sval, granularity='seconds'):",
              "def timeparse(sval, granularity='seconds', strict=False):", "timeparse: add a strict flag"),
             ("asciitree/__init__.py", "def draw(self, node):", "def draw(self, node):\n        # entry point\n",
              "asciitree: document draw"),
             ("texttable.py", "def set_max_width(self, max_width):", "def set_max_width(self, max_width=80):",
              "texttable: default max width 80"),
             ("docopt.py", "def parse_defaults(doc):", "def parse_defaults(doc):  # options with [default: x]",
              "docopt: comment parse_defaults")]
    for i, (f, old, new, msg) in enumerate(edits, 1):
        edit(r / f, old, new)
        commit(r, i, msg)
    run(f"{PY25.parent}/black -q docopt.py pytimeparse", cwd=r)
    commit(r, 7, "Format docopt and pytimeparse with black")
    run(f"cp -r {tmp}/boxoffice {tmp}/ferry .", cwd=r)
    commit(r, 8, "Add the box office and ferry examples")
    run("sed -i 's/    def _str(self, i, x):/    def _str(self, i, x):  # cell text/' texttable.py", cwd=r)
    cap("git-log-p-cli-kit", "git log -p -5", r, n_log_p)
    cap("git-log-stat-cli-kit", "git log --stat", r, n_git_log_stat)
    cap("git-show-black-cli-kit", "git show HEAD~1", r, n_show)
    cap("git-diff-root-cli-kit", "git diff HEAD~5 -- texttable.py docopt.py", r, n_diff)
    cap("git-blame-texttable-cli-kit", "git blame -L 100,400 texttable.py", r, n_blame)
    cap("grep-rn-def-cli-kit", "grep -rn 'def ' --include=*.py .", r, n_grep_rn)
    cap("find-name-py-sdists", "find . -name '*.py' -o -name '*.txt' -o -name '*.cfg' -o -name 'PKG-INFO'", tmp,
        n_path_list)


# ------------------------------------------------------------------ listings and processes (last: they list the tree)

def listings(tmp: Path) -> None:
    sp = next((VENV / "lib").glob("python3*/site-packages"))
    cap("ls-la-site-packages", f"ls -la {sp}", tmp, n_ls_la, typed="ls -la .venv/lib/python3.11/site-packages")
    cap("ls-lR-sdists", f"ls -lR {DOCOPT} {TEXTTABLE} {PYTIMEPARSE} {ASCIITREE} boxoffice ferry", tmp, n_ls_lR)
    cap("find-printf-pylint-astroid", "find pylint astroid -type f -printf '%M %u %s %p\\n'", sp, n_find,
        typed="find pylint astroid -type f -printf '%M %u %s %p\\n'")
    cap("du-ah-site-packages-sort-h", "du -ah . | sort -h | tail -n 300", sp, n_du)
    cap("ps-aux", "ps aux", tmp, n_ps_aux)
    cap("ss-tanp", "ss -tanp", tmp, n_ss)


def registry(tmp: Path) -> None:
    for name in ("texttable", "docopt"):
        cap(f"curl-pypi-json-{name}", f"curl -s https://pypi.org/pypi/{name}/json | python3 -m json.tool", tmp,
            n_pypi_json, timeout=120)
    for name in ("mri", "nanospinner"):
        cap(f"curl-npm-registry-{name}", f"curl -s https://registry.npmjs.org/{name} | jq .", tmp, n_npm_registry,
            timeout=120)
    cap("npm-view-picocolors-json", "npm view picocolors --json", tmp, n_npm_view, timeout=120)


STEPS = [lint, pip, pytest_runs, ferry, bikes, git, registry]
LAST = [listings]
