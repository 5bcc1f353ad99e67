"""Round 31, the Python tools new to the corpus: uv pip install / check, pdm lock / list, pipenv lock / graph, hatch
env show / dep show, a scrapy crawl of a loopback tide-table site, pdoc, radon raw / hal,
check-manifest, darglint, perflint, prospector and djlint, on the parse and arrow sdists and a small 'marina' package
written here with bugs put in. Rules: NEEDLES.md (rules 1-4, and "Round 31" for the kind values). Run through
capture_wide31.py."""

from __future__ import annotations

import random
import re
import shutil
import sys
from pathlib import Path

import capture_more as cm
from capture_data import free_port, python_exceptions, wait_port
from capture_more import PIP_ENV, groups, mask, named, next_match, run, start, write_tree
from capture_wide24 import diag, table
from capture_wide31 import ARROW, PARSE, VENV, add, cap

cm.PREFIX = "wide31-"
PY = VENV / "bin" / "python"
SITE = VENV / "lib" / f"python{sys.version_info.major}.{sys.version_info.minor}" / "site-packages"
NOCOLOR = {"NO_COLOR": "1", "PDM_NO_EDITABLE": None, "PIPENV_VENV_IN_PROJECT": "1", "PIPENV_NOSPIN": "1",
           "PIPENV_YES": "1", "PIPENV_IGNORE_VIRTUALENVS": "1", "UV_NO_PROGRESS": "1", **PIP_ENV}


# ------------------------------------------------------------------ resolvers and package managers

N_UV_PIP_INSTALL_CONFLICT = diag(
    "uv-pip-install-conflict", "pkg", "uv pip install with a conflict: every error line, every 'Because / And "
    "because' line of the explanation (each names requirements) and every hint; rules 1,5 (NEEDLES.md round 31).",
    err=r"^\s*(error|×|hint)\b|^error:", values=r"\b(Because|And because|because)\b|unsatisfiable")

N_UV_PIP_INSTALL = diag(
    "uv-pip-install", "pkg", "uv pip install: the Resolved / Prepared / Installed / Uninstalled N packages lines and "
    "the '+ name==version' line of every direct requirement; rules 3,5.",
    summary=r"^(Resolved|Prepared|Installed|Uninstalled|Audited) \d+ package",
    values=r"^ [+-] (requests|flask|sqlalchemy|pydantic|rich|click|httpx|jinja2|pyyaml|attrs|arrow|parse|"
           r"markdown|tabulate|sphinx|pytest|black|celery|fastapi|uvicorn|alembic|boto3|pandas)==")

N_UV_PIP_CHECK = diag(
    "uv-pip-check", "pkg", "uv pip check: every line naming a broken or missing requirement, and the count line; "
    "rules 1,3.", err=r"requires |is not installed|incompatible|is missing", summary=r"^(Found|Checked) \d+")

N_PDM_LOCK_CONFLICT = diag(
    "pdm-lock-conflict", "pkg", "pdm lock with a conflict: every ERROR / [ResolutionError] line, every conflict line "
    "naming the project's own requirement or the first and last of each package's run, the fix hint; rules 1,5.",
    err=r"^ERROR|^\[\w+Error\]|Lock failed", values=r"\(from project\)|^To fix this|^because of the following")

N_PDM_LIST = table(
    "pdm-list", "table", "pdm list: rule 4 on the table (header; rare licenses values; name and version kept "
    "with their rows).", r"\bname\b.*\bversion\b.*\blicenses\b", ["b0", "name", "version", "licenses", "b4"],
    cat=["licenses"], row=r"^│ ", sep="│")


def pipenv_lock_conflict(lines: list[str]) -> list:
    """pipenv lock with a conflict: every ERROR / CRITICAL / ResolutionImpossible line, every 'The conflict is
    caused by' line and the requirement lines under it, the hint lines; rules 1,5 (NEEDLES.md round 31)."""
    out: list = []
    for i, ln in enumerate(lines):
        if re.search(r"\b(ERROR|CRITICAL)\b|ResolutionImpossible|ResolutionFailure|Could not find a version", ln):
            out.append(ln)
        if re.search(r"The conflict is caused by|To fix this you could try|The user requested", ln):
            out.append(ln)
            if "caused by" in ln:
                out += [x for x in lines[i + 1:i + 8] if re.search(r"depends on|requested", x)]
    return out


N_PIPENV_LOCK = named("pipenv-lock-conflict", "pkg", pipenv_lock_conflict.__doc__, pipenv_lock_conflict)


def tree_tops(lines: list[str]) -> list:
    """A dependency tree (pipenv graph, pdm list --tree): the top-level line (name, version) of every direct
    dependency; rule 5 (NEEDLES.md round 31)."""
    return [ln for ln in lines if re.match(r"^[A-Za-z0-9][\w.-]*[=\s]", ln) and not ln.startswith(("Warning", "WARN"))]


N_PIPENV_GRAPH = named("pipenv-graph", "pkg", tree_tops.__doc__, tree_tops)
N_PDM_LIST_TREE = named("pdm-list-tree", "pkg", tree_tops.__doc__, tree_tops)

N_HATCH_ENV_SHOW = diag(
    "hatch-env-show", "table", "hatch env show: the row of every environment (its name line), the table titles; "
    "rule 5 (NEEDLES.md round 31).", values=r"^[│|] [a-z][\w.-]* |Standalone|Matrices")

N_HATCH_DEP_SHOW = diag(
    "hatch-dep-show-table", "table", "hatch dep show table: the table titles and every requirement row (each "
    "names a dependency); rule 5.", values=r"^[│|] [A-Za-z]|Project|Env: ")

RESOLVE_REQS = ("requests>=2.28\nflask>=2.2,<2.3\nwerkzeug>=3.0\nsphinx>=4,<6\ndocutils>=0.21\n"
                "celery>=5.2,<5.3\nkombu>=5.4\n")
GOOD_REQS = ("requests==2.32.3\nflask==3.0.3\nsqlalchemy==2.0.36\npydantic==2.9.2\nrich==13.9.4\nclick==8.1.7\n"
             "httpx==0.27.2\njinja2==3.1.4\npyyaml==6.0.2\nattrs==24.2.0\narrow==1.3.0\nparse==1.20.2\n"
             "markdown==3.7\ntabulate==0.9.0\nsphinx==8.1.3\npytest==8.3.3\nblack==24.10.0\ncelery==5.4.0\n"
             "fastapi==0.115.0\nuvicorn==0.32.0\nalembic==1.13.3\nboto3==1.35.0\npandas==2.2.3\n")

MARINA_PYPROJECT = '''[build-system]
requires = ["hatchling"]
build-backend = "hatchling.build"

[project]
name = "marina"
version = "0.4.1"
description = "Berth bookings for a small marina"
requires-python = ">=3.10"
dependencies = ["arrow>=1.3", "parse>=1.20", "attrs>=23", "click>=8.1", "tabulate>=0.9"]

[project.optional-dependencies]
web = ["flask>=3.0", "jinja2>=3.1", "gunicorn>=22"]
docs = ["sphinx>=7", "furo", "myst-parser>=2"]

[tool.hatch.envs.default]
dependencies = ["pytest>=8", "pytest-cov", "hypothesis>=6.100"]

[tool.hatch.envs.default.scripts]
test = "pytest {args:tests}"
cov = "pytest --cov=marina {args:tests}"

[tool.hatch.envs.lint]
detached = true
dependencies = ["ruff>=0.6", "mypy>=1.11", "types-tabulate"]

[tool.hatch.envs.lint.scripts]
check = ["ruff check src", "mypy src"]

[tool.hatch.envs.docs]
features = ["docs"]
dependencies = ["sphinx-autobuild"]

[tool.hatch.envs.web]
features = ["web"]
dependencies = ["pytest>=8", "requests"]
env-vars = { FLASK_APP = "marina.web:app", MARINA_DB = "/tmp/marina.db" }

[tool.hatch.envs.bench]
dependencies = ["pytest-benchmark", "pyinstrument"]
platforms = ["linux"]

[[tool.hatch.envs.compat.matrix]]
python = ["3.10", "3.11", "3.12"]
arrow = ["1.2", "1.3"]

[tool.hatch.envs.compat.overrides]
matrix.arrow.dependencies = [
  { value = "arrow~=1.2.0", if = ["1.2"] },
  { value = "arrow~=1.3.0", if = ["1.3"] },
]

[[tool.hatch.envs.legacy.matrix]]
python = ["3.8"]

[tool.hatch.envs.legacy]
dependencies = ["arrow<1", "parse<1.19"]
'''

BOOKINGS = '''"""Berth bookings: who is moored where, and for how long."""
from __future__ import annotations

import arrow
from attrs import define, field
from typing import Optional

__all__ = ["Booking", "Berth", "Harbour", "overlap", "nightly_rate", "Tariff"]


@define
class Berth:
    """A berth on a pontoon.

    :param code: the berth's code, like ``B12``.
    :param length: the longest hull it takes, in metres.
    """
    code: str
    length: float
    pontoon: str = "A"

    def fits(self, hull: float) -> bool:
        """Whether a hull fits.

        :param hull: the hull length in metres.
        :param beam: the beam in metres.
        """
        return hull <= self.length


@define
class Booking:
    """A stay at one berth.

    Args:
        boat: the boat's name
        berth: the berth
    """
    boat: str
    berth: Berth
    arrive: arrow.Arrow
    leave: arrow.Arrow
    paid: bool = field(default=False)

    def nights(self) -> int:
        """Nights of the stay.

        :returns: the count of nights.
        :raises ValueError: when the stay ends before it starts.
        """
        return (self.leave.floor("day") - self.arrive.floor("day")).days

    def cost(self, rate: "Tarif") -> float:
        return self.nights() * rate.per_night(self.berth.length)


def overlap(a: Booking, b: Booking) -> bool:
    """Whether two bookings of one berth overlap.

    :param a: a booking.
    :return: True when they overlap.
    """
    # slip: touching stays count as overlapping
    return a.berth.code == b.berth.code and a.arrive <= b.leave and b.arrive <= a.leave


class Harbour:
    """All berths and bookings."""

    def __init__(self, berths: list[Berth]):
        self.berths = {b.code: b for b in berths}
        self.bookings: list[Booking] = []

    def book(self, boat: str, code: str, arrive: str, leave: str, hull: float) -> Booking:
        """Book a berth.

        :param boat: the boat's name.
        :param code: the berth code.
        :param arrive: the arrival date.
        :param hull: hull length.
        :raises KeyError: for an unknown berth.
        """
        berth = self.berths[code]
        if not berth.fits(hull):
            raise ValueError(f"{boat} ({hull} m) does not fit {code} ({berth.length} m)")
        b = Booking(boat, berth, arrow.get(arrive), arrow.get(leave))
        for other in self.bookings:
            if overlap(b, other):
                raise ValueError(f"{code} is taken by {other.boat}")
        self.bookings.append(b)
        return b

    def free(self, day: str) -> list:
        d = arrow.get(day)
        taken = [b.berth.code for b in self.bookings if b.arrive <= d < b.leave]
        return [c for c in self.berths if c not in taken]

    def occupancy(self, day: str) -> float:
        return 1 - len(self.free(day)) / len(self.berths)
'''

TARIFF = '''"""Nightly rates by hull length and season."""
from __future__ import annotations

import parse

BANDS = [(8, 22.0), (10, 27.5), (12, 33.0), (15, 41.0), (20, 58.0)]
SEASON = parse.compile("{start:ti} to {end:ti}")


class Tariff:
    """A tariff.

    Args:
        season: the high season, like "2026-06-01 to 2026-09-15".
        uplift: the high season's factor.
    """

    def __init__(self, season: str, uplift: float = 1.25):
        r = SEASON.parse(season)
        self.start, self.end = r["start"], r["end"]
        self.uplift = uplift

    def per_night(self, length: float) -> float:
        """The nightly rate for a hull.

        Args:
            length: the hull length in metres.
            when: the night.

        Returns:
            The rate in euros.
        """
        for upto, rate in BANDS:
            if length <= upto:
                return rate
        # slip: longer hulls fall through and pay nothing
        return None


def nightly_rate(length, tariff=None):
    return (tariff or Tariff("2026-06-01 to 2026-09-15")).per_night(length)
'''

WEB = '''"""The marina's small booking site."""
from flask import Flask, render_template, request

from marina.bookings import Harbour, Berth
from marina.undocumented import helper  # noqa: F401  (a module that does not exist)

app = Flask(__name__)
HARBOUR = Harbour([Berth(f"A{i}", 8 + i % 9) for i in range(1, 40)])


@app.get("/")
def index():
    return render_template("index.html", berths=HARBOUR.berths.values())
'''

REPORT = '''"""Occupancy reports."""
from tabulate import tabulate


def table(harbour, days):
    rows = []
    for d in days:
        rows = rows + [[d, harbour.occupancy(d)]]
    return tabulate(rows, headers=["day", "occupancy"])


def busiest(harbour, days):
    best = None
    for d in days:
        occ = harbour.occupancy(d)
        if best is None or occ > best[1]:
            best = (d, occ)
    return best


def by_pontoon(harbour):
    out = {}
    for code in list(harbour.berths.keys()):
        p = harbour.berths[code].pontoon
        out[p] = out.get(p, []) + [code]
    return out


def unpaid(harbour):
    names = []
    for b in harbour.bookings:
        try:
            if not b.paid:
                names.append(b.boat.upper())
        except AttributeError:
            pass
    return names
'''


def marina(tmp: Path) -> Path:
    root = tmp / "marina"
    if root.exists():
        return root
    write_tree(root, {"pyproject.toml": MARINA_PYPROJECT, "src/marina/__init__.py": '"""Marina."""\n__version__ = "0.4.1"\n',
                      "src/marina/bookings.py": BOOKINGS, "src/marina/tariff.py": TARIFF, "src/marina/web.py": WEB,
                      "src/marina/report.py": REPORT, "README.md": "# marina\n\nBerth bookings.\n",
                      "tests/test_bookings.py": "from marina.bookings import Berth\n\n\ndef test_fits():\n"
                                                "    assert Berth('A1', 9).fits(8)\n",
                      "docs/conf.py": "project = 'marina'\n", "docs/index.rst": "marina\n======\n",
                      "tox.ini": "[tox]\nenvlist = py311\n", "data/berths.csv": "code,length\nA1,9\n",
                      ".github/workflows/ci.yml": "on: push\n", "CHANGES.rst": "0.4.1\n-----\n- tariffs\n"})
    return root


def resolvers(tmp: Path) -> None:
    d = tmp / "uvreq"
    d.mkdir()
    (d / "requirements.txt").write_text(RESOLVE_REQS)
    (d / "requirements-app.txt").write_text(GOOD_REQS)
    run(f"uv venv -q {d / '.venv'}", cwd=d, env=NOCOLOR)
    cap("uv-pip-install-conflict", "uv pip install -r requirements.txt 2>&1", d, N_UV_PIP_INSTALL_CONFLICT,
        env=NOCOLOR, timeout=300)
    cap("uv-pip-install-app", "uv pip install -r requirements-app.txt 2>&1", d, N_UV_PIP_INSTALL, env=NOCOLOR,
        timeout=300)
    # a broken environment: pins forced past their dependents' ranges, and a dependency removed
    run("uv pip install -q --no-deps 'urllib3==1.26.5' 'markupsafe==1.1.1' 'werkzeug==2.0.3' 'pydantic-core==2.14.1' "
        "'h11==0.9.0' && uv pip uninstall -q idna anyio", cwd=d, env=NOCOLOR, timeout=300)
    cap("uv-pip-check-broken", "uv pip check 2>&1", d, N_UV_PIP_CHECK, env=NOCOLOR)
    p = tmp / "pdmconf"
    write_tree(p, {"pyproject.toml": '[project]\nname = "berths"\nversion = "0.3.0"\nrequires-python = ">=3.11"\n'
                   'dependencies = ["requests>=2.28", "flask>=2.2,<2.3", "werkzeug>=3.0", "sphinx>=4,<6", '
                   '"docutils>=0.21", "attrs"]\n'})
    cap("pdm-lock-conflict", "pdm lock 2>&1", p, N_PDM_LOCK_CONFLICT, env=NOCOLOR, timeout=400)
    a = tmp / "pdmapp"
    deps = ", ".join(f'"{r}"' for r in GOOD_REQS.split())
    write_tree(a, {"pyproject.toml": f'[project]\nname = "harbour-app"\nversion = "1.2.0"\nrequires-python = ">=3.11"\n'
                   f'dependencies = [{deps}]\n\n[tool.pdm]\ndistribution = false\n'})
    run("pdm install -q 2>&1", cwd=a, env=NOCOLOR, timeout=500)
    cap("pdm-list-app", "pdm list --fields name,version,licenses 2>&1", a, N_PDM_LIST, env=NOCOLOR)
    cap("pdm-list-tree-app", "pdm list --tree 2>&1", a, N_PDM_LIST_TREE, env=NOCOLOR)
    e = tmp / "pipenvconf"
    write_tree(e, {"Pipfile": '[[source]]\nurl = "https://pypi.org/simple"\nverify_ssl = true\nname = "pypi"\n\n'
                   '[packages]\nbotocore = "==1.29.0"\nurllib3 = ">=2.1"\nrequests = "*"\narrow = "*"\n\n'
                   '[requires]\npython_version = "3.11"\n'})
    cap("pipenv-lock-conflict", "pipenv lock 2>&1", e, N_PIPENV_LOCK, env=NOCOLOR, timeout=400)
    e2 = tmp / "pipenvconf-docs"
    write_tree(e2, {"Pipfile": '[[source]]\nurl = "https://pypi.org/simple"\nverify_ssl = true\nname = "pypi"\n\n'
                    '[packages]\nsphinx = ">=4,<5"\ndocutils = ">=0.21"\nfuro = "*"\n\n[requires]\npython_version = "3.11"\n'})
    cap("pipenv-lock-conflict-docs", "pipenv lock 2>&1", e2, N_PIPENV_LOCK, env=NOCOLOR, timeout=400)
    g = tmp / "pipenvapp"
    pk = "\n".join(f'{r.split("==")[0]} = "=={r.split("==")[1]}"' for r in GOOD_REQS.split())
    write_tree(g, {"Pipfile": f'[[source]]\nurl = "https://pypi.org/simple"\nverify_ssl = true\nname = "pypi"\n\n'
                   f'[packages]\n{pk}\n\n[requires]\npython_version = "3.11"\n'})
    run("pipenv install 2>&1", cwd=g, env=NOCOLOR, timeout=600)
    cap("pipenv-graph-app", "pipenv graph 2>&1", g, N_PIPENV_GRAPH, env=NOCOLOR)
    m = marina(tmp)
    cap("hatch-env-show-marina", "hatch env show 2>&1", m, N_HATCH_ENV_SHOW, env=NOCOLOR)
    cap("hatch-dep-show-table-marina", "hatch dep show table 2>&1", m, N_HATCH_DEP_SHOW, env=NOCOLOR)


# ------------------------------------------------------------------ a scrapy crawl of a loopback site

SPIDER = '''import re

import scrapy
from scrapy.exceptions import DropItem


class TidesSpider(scrapy.Spider):
    name = "tides"
    custom_settings = {"ITEM_PIPELINES": {"harbour.pipelines.CheckTide": 300}}

    def __init__(self, port="8000", **kw):
        super().__init__(**kw)
        self.start_urls = [f"http://127.0.0.1:{port}/index.html"]

    def parse(self, response):
        for href in response.css("a.port::attr(href)").getall():
            yield response.follow(href, self.parse_port)

    def parse_port(self, response):
        port = response.css("h1::text").get().strip()
        for row in response.css("table.tides tr.tide"):
            cells = row.css("td::text").getall()
            # slip: a row without its height cell raises IndexError
            yield {"port": port, "date": cells[0], "time": cells[1], "kind": cells[2],
                   "height_m": float(cells[3])}
        nxt = response.css("a.next::attr(href)").get()
        if nxt:
            yield response.follow(nxt, self.parse_port)
'''

PIPELINE = '''from scrapy.exceptions import DropItem


class CheckTide:
    def process_item(self, item, spider):
        if item["height_m"] < -1.0 or item["height_m"] > 12.0:
            raise DropItem(f"implausible height {item['height_m']} at {item['port']} {item['date']}")
        return item
'''


def tide_site(root: Path, seed: int = 31) -> None:
    rnd = random.Random(seed)
    ports = ["Brixham", "Dartmouth", "Salcombe", "Fowey", "Falmouth", "Penzance", "Padstow", "Ilfracombe",
             "Minehead", "Weymouth", "Poole", "Lymington"]
    links = []
    for i, p in enumerate(ports):
        slug = p.lower()
        links.append(f'<li><a class="port" href="{slug}.html">{p}</a></li>')
        for page in range(2):
            rows = []
            for day in range(3):
                for k, kind in enumerate(["HW", "LW", "HW", "LW"]):
                    h = round((4.1 + rnd.random() * 1.4) if kind == "HW" else (0.4 + rnd.random() * 1.1), 2)
                    if p == "Padstow" and page == 1 and day == 2 and k == 1:
                        h = 48.2  # a misplaced decimal point in the source data
                    cells = f"<td>2026-12-{page * 3 + day + 1:02d}</td><td>{(k * 6 + 3 + day) % 24:02d}:{(i * 7 + k * 13) % 60:02d}</td><td>{kind}</td>"
                    if not (p == "Falmouth" and page == 0 and day == 1 and k == 2):
                        cells += f"<td>{h}</td>"
                    rows.append(f'<tr class="tide">{cells}</tr>')
            nxt = f'<a class="next" href="{slug}-2.html">next</a>' if page == 0 else ""
            name = f"{slug}.html" if page == 0 else f"{slug}-2.html"
            if p == "Ilfracombe" and page == 1:
                continue  # the 'next' link points at a page that is not there: a 404
            (root / name).write_text(f"<html><body><h1> {p} </h1><table class='tides'>{''.join(rows)}</table>"
                                     f"{nxt}</body></html>")
    links.append('<li><a class="port" href="lundy.html">Lundy</a></li>')  # not there either
    (root / "index.html").write_text(f"<html><body><ul>{''.join(links)}</ul></body></html>")


def scrapy_log(lines: list[str]) -> list:
    """scrapy crawl: every ERROR / CRITICAL line, each traceback's exception line and innermost File line, WARNING
    lines one {"any"} per (logger, message shape), and the finish_reason, item_scraped_count, log_count/ERROR and
    downloader/response_status_count/<code> stats lines; rules 1,5 (NEEDLES.md round 31)."""
    out: list = []
    pairs = []
    for i, ln in enumerate(lines):
        m = re.match(r"^\S+ \S+ \[([\w.]+)\] (ERROR|CRITICAL|WARNING): (.*)", ln)
        if m and m.group(2) != "WARNING":
            out.append(ln)
        elif m:
            pairs.append((m.group(1) + "|" + mask(m.group(3)), ln))
        if re.search(r"'(finish_reason|item_scraped_count|log_count/ERROR|item_dropped_count)'|"
                     r"'downloader/response_status_count/\d+'", ln):
            out.append(ln)
    return out + python_exceptions(lines) + groups(pairs)


N_SCRAPY = named("scrapy-crawl-log", "log", scrapy_log.__doc__, scrapy_log)


def crawl(tmp: Path) -> None:
    site = tmp / "tides-site"
    site.mkdir()
    tide_site(site)
    port = free_port()
    start([str(PY), "-m", "http.server", str(port), "--bind", "127.0.0.1"], cwd=site)
    wait_port(port)
    proj = tmp / "harbour"
    write_tree(proj, {"scrapy.cfg": "[settings]\ndefault = harbour.settings\n", "harbour/__init__.py": "",
                      "harbour/settings.py": 'BOT_NAME = "harbour"\nSPIDER_MODULES = ["harbour.spiders"]\n'
                      'ROBOTSTXT_OBEY = True\nCONCURRENT_REQUESTS = 4\nTELNETCONSOLE_ENABLED = False\n'
                      'REQUEST_FINGERPRINTER_IMPLEMENTATION = "2.7"\nFEED_EXPORT_ENCODING = "utf-8"\n',
                      "harbour/pipelines.py": PIPELINE, "harbour/spiders/__init__.py": "",
                      "harbour/spiders/tides.py": SPIDER})
    cap("scrapy-crawl-tides", f"scrapy crawl tides -a port={port} -O tides.json 2>&1", proj, N_SCRAPY, timeout=300,
        typed="scrapy crawl tides -a port=8000 -O tides.json 2>&1")
    cap("scrapy-crawl-tides-info", f"scrapy crawl tides -a port={port} -s LOG_LEVEL=INFO -O tides.json 2>&1", proj,
        N_SCRAPY, timeout=300, typed="scrapy crawl tides -a port=8000 -s LOG_LEVEL=INFO -O tides.json 2>&1")


# ------------------------------------------------------------------ doc generators and metrics

N_PDOC = diag(
    "pdoc-warnings", "doc", "pdoc: every error / traceback exception line; warnings one {\"any\"} per (message "
    "shape, module); rules 1,5 (NEEDLES.md round 31).",
    err=r"^(Error|ERROR|Traceback)|Error: |Exception: ", warn=r"^Warn: |[Ww]arning",
    wkey=r"^(?:Warn: )?([^'`]{0,30}).*?['`]([\w.]+)['`]")



def radon_raw(lines: list[str]) -> list:
    """radon raw: the header line of the file with the largest LOC and its LOC line, and every line of the
    '** Total **' block; rule 5 (NEEDLES.md round 31)."""
    best, out, total = None, [], False
    for i, ln in enumerate(lines):
        if not ln.startswith(" ") and ln.strip():
            total = "** Total **" in ln
            if total:
                out.append(ln)
            cur = i
        elif total and ln.strip():
            out.append(ln)
        m = re.match(r"^\s+LOC: (\d+)$", ln)
        if m and not total and (best is None or int(m.group(1)) > best[0]):
            best = (int(m.group(1)), lines[cur], ln)
    return ([best[1], best[2]] if best else []) + out


def radon_hal(lines: list[str]) -> list:
    """radon hal -f: the file header and function line of the entry with the largest effort and its effort line;
    rule 5 (NEEDLES.md round 31)."""
    best, fil, fn = None, None, None
    for ln in lines:
        if not ln.startswith(" ") and ln.strip():
            fil, fn = ln, None
        elif re.match(r"^ {4}\S.*:$", ln):
            fn = ln
        m = re.match(r"^\s+effort: ([\d.]+)$", ln)
        if m and (best is None or float(m.group(1)) > best[0]):
            best = (float(m.group(1)), fil, fn, ln)
    return [x for x in best[1:] if x] if best else []


N_RADON_RAW = named("radon-raw", "table", radon_raw.__doc__, radon_raw)
N_RADON_HAL = named("radon-hal", "table", radon_hal.__doc__, radon_hal)

BAD_MOD = '''"""Helpers the site imports; one of them breaks pdoc's import."""
from __future__ import annotations

import missing_tidal_lib  # noqa: F401  (not installed: the import fails)
'''


def docs(tmp: Path) -> None:
    m = marina(tmp)
    (m / "src/marina/undocumented.py").write_text(BAD_MOD)
    cap("pdoc-marina-arrow", "pdoc -o build/api marina marina.web marina.undocumented arrow parse 2>&1", m, N_PDOC,
        env={"PYTHONPATH": f"src:{tmp / ARROW}:{tmp / PARSE}"}, timeout=300,
        typed="PYTHONPATH=src pdoc -o build/api marina marina.web marina.undocumented arrow parse 2>&1")
    # sphinx-apidoc 9 prints nothing as it writes its pages (no 'Creating file' lines): not captured
    cap("radon-raw-arrow", f"radon raw -s {ARROW}/arrow {ARROW}/tests {PARSE} 2>&1", tmp, N_RADON_RAW)
    cap("radon-hal-arrow", f"radon hal -f {ARROW}/arrow 2>&1", tmp, N_RADON_HAL)
    cap("radon-hal-parse", f"radon hal -f {PARSE}/parse.py 2>&1", tmp, N_RADON_HAL)
    cap("radon-raw-scrapy", "radon raw -s scrapy 2>&1", SITE, N_RADON_RAW, typed="radon raw -s scrapy 2>&1")


# ------------------------------------------------------------------ checks

N_CHECK_MANIFEST = diag(
    "check-manifest", "pkg", "check-manifest: every section header ('missing from sdist', 'missing from VCS', "
    "suggestions) and every file it lists under one, and the verdict; rules 1,5 (NEEDLES.md round 31).",
    err=r"^(missing from|Suggested|ERROR|error)|^  \S|^\S.*(not|FAILED|failed)", summary=r"^lists of files")

N_DARGLINT = diag(
    "darglint", "lint", "darglint: findings one {\"any\"} per (DAR code, file); rules 1,3.",
    warn=r":\d+: DAR\d{3}", wkey=r"^(\S+?):.*:\d+: (DAR\d{3})")

N_PERFLINT = diag(
    "perflint", "lint", "perflint: findings one {\"any\"} per (W8xxx code, file); any tool error; the rating line; "
    "rules 1,3.", err=r"^\S+:\d+:\d+: [EF]\d{4}", warn=r"^\S+:\d+:\d+: [WRC]\d{4}",
    wkey=r"^(\S+?):\d+:\d+: (\w\d{4})", summary=r"rated at")


def prospector(lines: list[str]) -> list:
    """prospector (grouped): findings one {"any"} per (tool: code, file); the 'Messages Found' count; rules 1,3."""
    pairs, out, fil = [], [], ""
    for ln in lines:
        if re.match(r"^\S.*\.py$", ln):
            fil = ln
        m = re.match(r"^\s+(\w+): ([\w-]+) / ", ln)
        if m:
            pairs.append((f"{m.group(1)}|{m.group(2)}|{fil}", ln))
        if re.search(r"Messages Found:", ln):
            out.append(ln)
    return out + groups(pairs)


N_PROSPECTOR = named("prospector", "lint", prospector.__doc__, prospector)

N_DJLINT = diag(
    "djlint-lint", "lint", "djlint --lint: findings one {\"any\"} per (code, file) (the finding line under its file "
    "header); the 'Linted N files, found M errors' summary; rules 1,3.",
    warn=r"^[HJT]\d{3} \d+:\d+", summary=r"^Linted \d+ files?|found \d+ errors")

TEMPLATES = {
    "base.html": '<html>\n<head><title>{% block title %}Marina{% endblock %}</title>\n'
                 '<link rel="stylesheet" href="/static/site.css"></head>\n<body>\n<div class=nav>\n'
                 '<a href="/">Home</a> <a href="/berths">Berths</a>\n</div>\n{% block body %}{% endblock %}\n'
                 '<img src="/static/logo.png">\n</body>\n</html>\n',
}


def templates(root: Path, n: int = 18, seed: int = 31) -> None:
    rnd = random.Random(seed)
    for name, body in TEMPLATES.items():
        (root / name).write_text(body)
    parts = [
        '<table class="berths">\n{% for b in berths %}\n<tr><td>{{ b.code }}</td><td>{{b.length}}</td></tr>\n'
        '{% endfor %}\n</table>\n',
        '<form method=post action="/book"><input name="boat" type=text>\n<input type="submit" value="Book"></form>\n',
        '<a href="javascript:void(0)" onclick="book()">Book now</a>\n',
        "<div style='color:red'>{{ message|safe }}</div>\n",
        '<IMG SRC="/static/pontoon-{{ p }}.jpg">\n',
        '<p>Tide at {{tide.time}}: {{ tide.height }} m</P>\n',
        '{% if user %}<span>{{ user.name }}</span>{%endif%}\n',
        '<h3>Harbour dues</h3>\n<ul>\n{% for d in dues %}<li>{{ d.name }} &mdash; {{ d.amount }}</li>{% endfor %}\n</ul>\n',
        '<script>var rates = {{ rates|tojson }};</script>\n',
        '<button type="button" class="btn btn-primary" id=save>Save</button>\n',
    ]
    for i in range(n):
        body = "".join(rnd.sample(parts, 4))
        (root / f"page_{i:02d}.html").write_text(f'{{% extends "base.html" %}}\n{{% block body %}}\n{body}'
                                                 f'{{% endblock %}}\n')


def checks(tmp: Path) -> None:
    m = marina(tmp)
    s = tmp / "marina-setuptools"  # setuptools' sdist leaves out what hatchling's takes in
    shutil.copytree(m, s)
    (s / "pyproject.toml").write_text(MARINA_PYPROJECT.replace('requires = ["hatchling"]', 'requires = ["setuptools>=68"]')
                                      .replace('"hatchling.build"', '"setuptools.build_meta"'))
    write_tree(s, {**{f"docs/{n}.rst": f"{n}\n====\n" for n in ("bookings", "tariffs", "web", "reports", "changelog")},
                   "Makefile": "test:\n\tpytest\n", ".pre-commit-config.yaml": "repos: []\n",
                   "requirements-dev.txt": "pytest\n", "scripts/seed_berths.py": "print('seed')\n",
                   "src/marina/data/pontoons.json": "{}\n"})
    run("git init -q && git add -A && git -c user.email=a@b -c user.name=m commit -qm init", cwd=s)
    cap("check-manifest-marina", "check-manifest 2>&1", s, N_CHECK_MANIFEST, env=PIP_ENV, timeout=400)
    cap("darglint-arrow", f"darglint -s sphinx {ARROW}/arrow/*.py 2>&1", tmp, N_DARGLINT, timeout=300)
    cap("darglint-marina", "darglint -s sphinx src/marina/*.py 2>&1", m, N_DARGLINT, timeout=300)
    cap("perflint-scrapy-core", "perflint scrapy/core scrapy/downloadermiddlewares 2>&1", SITE, N_PERFLINT,
        timeout=300)
    cap("prospector-parse", f"prospector {PARSE}/parse.py 2>&1", tmp, N_PROSPECTOR, timeout=300)
    cap("perflint-arrow", f"perflint {ARROW}/arrow {PARSE}/parse.py 2>&1", tmp, N_PERFLINT, timeout=300)
    cap("prospector-arrow-marina", f"prospector {ARROW}/arrow 2>&1", tmp, N_PROSPECTOR, timeout=300)
    t = m / "src/marina/templates"
    t.mkdir(parents=True, exist_ok=True)
    templates(t)
    cap("djlint-lint-marina", "djlint src/marina/templates --lint 2>&1", m, N_DJLINT, timeout=300)


STEPS = [resolvers, crawl, docs, checks]
