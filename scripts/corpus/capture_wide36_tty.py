"""Round 36, every step: the `hutdesk` booking desk (Python, with bugs put in; a small Node part) run through tools new
to the corpus with their decorations on: pytest with pytest-icdiff / pytest-emoji, mocha's progress and list reporters
in a TTY, icdiff, colordiff, diff-so-fancy, git diff --color-words, memray, hyperfine, httpie against a loopback API,
pygmentize and bat, tabulate's CLI, a coloredlogs log, pipx, `script -q` typescripts, envinfo, license-checker,
lint-staged, wget / curl / rsync progress, cloc, dos2unix -i and ls --color over CJK names. Each new kind's
extractor applies NEEDLES.md's "Round 36" rule; pytest's and mocha's and ls's are the earlier rounds' (imported).
Run through capture_wide36.py."""

from __future__ import annotations

import json
import random
import shlex
import re
from collections import Counter
from pathlib import Path

import capture_more as cm
from capture_data import free_port, num, python_exceptions, rule4, shape, wait_port
from capture_more import groups, kind, mask, run, write_tree
from capture_wide15_data import n_ls_la
from capture_wide15_diag import n_pytest
from capture_wide15_js import n_mocha
from capture_wide36 import COLOR, JS, TMP, VENV, add, cap

PIP_ENV = dict(cm.PIP_ENV)
GIT_ENV = {"GIT_AUTHOR_NAME": "Maren Lötscher", "GIT_AUTHOR_EMAIL": "maren@example.org",
           "GIT_COMMITTER_NAME": "Maren Lötscher", "GIT_COMMITTER_EMAIL": "maren@example.org",
           "GIT_CONFIG_NOSYSTEM": "1", "HOME": str(TMP)}
EXIT = re.compile(r"^EXIT=\d+$")


def k36(name: str, family: str):
    """Register a round-36 extractor; an `EXIT=N` line the agent printed is a needle too (round 9b)."""
    def deco(fn):
        def ext(lines):
            return list(fn(lines)) + [ln for ln in lines if EXIT.match(ln.strip())]
        ext.__doc__ = fn.__doc__
        return kind(name, family)(ext)
    return deco


def again(name: str, family: str, fn):
    """An earlier round's extractor read under this round's kind name (its rule line kept)."""
    def ext(lines):
        return fn(lines)
    ext.__doc__ = fn.__doc__
    return k36(name, family)(ext)


def tty(cmd: str, cols: int = 120) -> str:
    """`cmd` run in a pseudo-terminal as `script -q` records it (what the program writes to a TTY)."""
    inner = f"stty cols {cols} rows 40; {cmd}"
    return "script -qefc " + shlex.quote(inner) + " /dev/null"


# ================================================================== extractors (rules fixed in NEEDLES.md)

n_pytest_icdiff = again("pytest-icdiff", "test", n_pytest)


@k36("pytest-emoji", "test")
def n_pytest_emoji(lines):
    """pytest's rule (each FAILED/ERROR test id, first E line per failure, final summary); pytest-emoji's `FAILED 😰` marks are no test id, dropped."""
    return [n for n in n_pytest(lines) if not isinstance(n, str) or re.search(r"\w", n)]


n_mocha_progress = again("mocha-reporter-progress", "test", n_mocha)
n_mocha_list = again("mocha-reporter-list", "test", n_mocha)
n_ls_color = again("ls-l-color-unicode", "listing", n_ls_la)


@k36("icdiff", "diff")
def n_icdiff(lines):
    """icdiff: the two-name header line and the first row of every run of rows whose left and right sides differ."""
    out, prev = [], False
    body = [ln for ln in lines if ln.strip()]
    if body:
        out.append(body[0])
    half = 80
    for ln in lines[1:]:
        left, right = ln[:half], ln[half:]
        strip = lambda s: re.sub(r"^\s*\d+\s", "", s).strip()  # noqa: E731
        diff = bool(ln.strip()) and strip(left) != strip(right)
        if diff and not prev:
            out.append(ln)
        prev = diff
    return out


@k36("colordiff", "diff")
def n_colordiff(lines):
    """colordiff -u: every file header (--- / +++) and every hunk header."""
    return [ln for ln in lines if ln.startswith(("--- ", "+++ ", "@@ "))]


@k36("diff-so-fancy", "diff")
def n_dsf(lines):
    """diff-so-fancy: every file header (modified: / added: / deleted: / renamed:) and every hunk header (@ file:N @)."""
    return [ln for ln in lines if re.match(r"^(modified|added|deleted|renamed|moved):", ln.strip())
            or re.match(r"^[│ ]*@ .+:\d+ @", ln) or re.match(r"^\d+: .*│\s*$", ln)]


@k36("git-diff-color-words", "git")
def n_color_words(lines):
    """git diff --color-words: every `diff --git` file header and every hunk header."""
    return [ln for ln in lines if ln.startswith(("diff --git ", "@@ "))]


@k36("memray-stats", "profile")
def n_memray_stats(lines):
    """memray stats: the total memory / allocations / peak lines and every row of the largest-allocating-locations lists."""
    out, inlist = [], False
    for ln in lines:
        s = ln.strip()
        if re.search(r"(Total memory allocated|Total allocations|Peak memory usage):", s, re.I):
            out.append(ln)  # its value is printed on the next line
            nxt = next((x for x in lines[lines.index(ln) + 1:] if x.strip()), None)
            if nxt:
                out.append(nxt)
        if re.search(r"largest allocating locations", s, re.I):
            inlist = True
            out.append(ln)
            continue
        if inlist:
            if not s or s.startswith("📏") or re.match(r"^[A-Z📏🥇]", s) and ":" not in s[:4] and not s.startswith("-"):
                inlist = bool(s) and s.startswith("-")
            if s.startswith("-"):
                out.append(ln)
    return out


@k36("memray-summary", "profile")
def n_memray_summary(lines):
    """memray summary: the table's header row and every row whose share of the total memory is at least 10%."""
    out = []
    for ln in lines:
        if ln.startswith("┃"):  # the header row, as rich prints it over two lines
            out.append(ln)
            continue
        cells = [c.strip() for c in re.split(r"[│┃|]", ln)]
        pcts = [float(m.group(1)) for c in cells for m in [re.match(r"^(\d+(?:\.\d+)?)%$", c)] if m]
        if len(pcts) >= 1 and pcts[0] >= 10.0:
            out.append(ln)
    return out


@k36("hyperfine", "profile")
def n_hyperfine(lines):
    """hyperfine: every Benchmark line with its Time (mean ± σ) and Range lines, every Warning line, every Summary line."""
    out, summ = [], False
    for ln in lines:
        s = ln.strip()
        if re.match(r"^(Benchmark \d+:|Benchmark:|Time \(mean|Range \(min|Warning:|Error:)", s):
            out.append(ln)
        if s == "Summary":
            summ = True
            out.append(ln)
            continue
        if summ and s:
            out.append(ln)
    return out


@k36("httpie", "json")
def n_httpie(lines):
    """httpie: the response status line, the Content-Type line and every body line holding an error / message / detail member."""
    return [ln for ln in lines if re.match(r"^HTTP/\d", ln) or ln.lower().startswith("content-type:")
            or re.search(r'"(error|message|detail)"\s*:', ln)]


DEF = re.compile(r"^\s*(async\s+def|def|class|function|export\s+(default\s+)?(function|class))\s+\w")


@k36("pygmentize-terminal256", "code")
def n_pygmentize(lines):
    """Rule 6 on code printed by pygmentize: every def / class / function line."""
    return [ln for ln in lines if DEF.match(ln)]


@k36("batcat", "code")
def n_bat(lines):
    """Rule 6 on a file printed by bat --style=full: the File: header and every def / class line or Markdown heading."""
    out = []
    for ln in lines:
        body = re.sub(r"^\s*\d*\s*[│|]\s?", "", ln)
        if re.match(r"^[│ ]*File: ", ln) or DEF.match(body) or re.match(r"^#{1,6} \S", body):
            out.append(ln)
    return out


def box_rows(lines):
    """Rows of a box / pipe table as (line, cells); border lines skipped."""
    rows = []
    for ln in lines:
        s = ln.strip()
        if not s or not re.match(r"^[│|┃]", s) or re.match(r"^[|│┃]?[\s\-=:─━┼+|│╪╞╡├┤]+[|│┃]?$", s):
            continue
        cells = [c.strip() for c in re.split(r"[│|┃]", s)[1:-1]]
        rows.append((ln, cells))
    return rows


def table_rule4(rows):
    """Rule 4 on (line, cells) rows whose first row is the header."""
    if len(rows) < 2:
        return [r[0] for r in rows]
    head, body = rows[0], rows[1:]
    names = [c or f"c{i}" for i, c in enumerate(head[1])]
    recs = [(ln, dict(zip(names, cells))) for ln, cells in body]
    nums = [c for c in names if all(num(r.get(c)) is not None for _, r in recs)]
    cats = [c for c in names if c not in nums and len({r.get(c) for _, r in recs}) <= max(12, len(recs) // 10)]
    return rule4(recs, cat=cats, nums=nums, header=[head[0]])


@k36("tabulate-cli", "table")
def n_tabulate(lines):
    """tabulate's CLI: rule 4 on the table (header, rare categorical values, each numeric column's extremes)."""
    return table_rule4(box_rows(lines))


LOG_LINE = re.compile(r"\s(\S+)\[\d+\]\s+(DEBUG|INFO|WARNING|ERROR|CRITICAL)\s+(.*)$")


@k36("coloredlogs-log", "log")
def n_coloredlogs(lines):
    """coloredlogs: every ERROR / CRITICAL line, each traceback's exception and innermost File line, WARNING one {any} per (logger, message shape)."""
    out, warn = [], []
    for ln in lines:
        m = LOG_LINE.search(ln)
        if not m:
            continue
        if m.group(2) in ("ERROR", "CRITICAL"):
            out.append(ln)
        elif m.group(2) == "WARNING":
            warn.append(((m.group(1), mask(m.group(3))), ln))
    return out + python_exceptions(lines) + groups(warn)


@k36("pipx-install", "pkg")
def n_pipx_install(lines):
    """pipx install: the installed package line, every exposed app line, the done! line and every error line."""
    return [ln for ln in lines if re.match(r"^\s*(installed package |done!|  - |\s*- \S)", ln)
            or re.search(r"\b(error|Error|ERROR|Fatal|failed)\b", ln)]


@k36("pipx-list", "pkg")
def n_pipx_list(lines):
    """pipx list: the venvs-are-in / apps-are-exposed lines and every package line."""
    return [ln for ln in lines if re.match(r"^(venvs are in|apps are exposed|manual pages are exposed)", ln)
            or re.match(r"^\s*package \S+ .*installed using", ln)]


@k36("script-typescript", "session")
def n_typescript(lines):
    """A script -q typescript: the Script started / done lines, every error / exception line, every summary line and the EXIT= line."""
    return [ln for ln in lines if re.match(r"^Script (started|done)", ln)
            or re.search(r"\b(\w+Error|\w+Exception|ERROR|error:|FAILED|Traceback)\b", ln)
            or re.search(r"Successfully (installed|downloaded)|Saved \S|^=+ .*\b(passed|failed)\b.* =+$|\b\d+ (passed|failed)\b", ln)]


@k36("envinfo", "listing")
def n_envinfo(lines):
    """envinfo: every section header and every entry line under it."""
    return [ln for ln in lines if re.match(r"^\s{2,}\S.*:", ln)]


@k36("license-checker-tree", "pkg")
def n_license_checker(lines):
    """license-checker: each package line whose licence is held by at most 2 packages, with its licenses: line; the project's root line."""
    pkgs = []
    for i, ln in enumerate(lines):
        if re.match(r"^[├└]─ \S+@\S+", ln):
            lic = next((lines[j] for j in range(i + 1, min(len(lines), i + 4)) if "licenses:" in lines[j]), None)
            if lic:
                pkgs.append((ln, lic, lic.split("licenses:", 1)[1].strip()))
    cnt = Counter(p[2] for p in pkgs)
    out = [ln for ln, _, _ in pkgs if ln.split("─ ", 1)[1].startswith("hutdesk")]
    for ln, lic, v in pkgs:
        if cnt[v] <= 2:
            out += [ln, lic]
    return out


@k36("lint-staged", "build")
def n_lint_staged(lines):
    """lint-staged: every task line marked failed (✖), the failing command's own error lines, and the closing failure line."""
    return [ln for ln in lines if "✖" in ln or re.search(r"\berror\b|:\d+:\d+", ln) or "husky" in ln]


@k36("wget-progress", "log")
def n_wget(lines):
    """wget: URL lines, HTTP status lines, Length / Saving to lines, saved lines, ERROR lines, FINISHED / Downloaded lines."""
    return [ln for ln in lines if re.match(r"^--\d{4}-\d\d-\d\d", ln) or "HTTP request sent" in ln
            or re.match(r"^(Length|Saving to):", ln) or re.search(r" saved \[", ln) or "ERROR" in ln
            or re.match(r"^(FINISHED|Downloaded:)", ln)]


@k36("curl-progress-meter", "log")
def n_curl_meter(lines):
    """curl's progress meter: the header row, the last row of each transfer, every curl: (N) line."""
    return [ln for ln in lines if re.match(r"^\s+% Total\s+% Received", ln)
            or re.match(r"^\s*\d+\s+[\d.]+[kMG]?\s+\d+\s+[\d.]+[kMG]?\s+\d+\s+\d+", ln) or re.match(r"^curl: \(\d+\)", ln)]


@k36("rsync-progress", "log")
def n_rsync(lines):
    """rsync --progress: every error line, every deleting line, the sent/received and total size lines, the largest and smallest file rows."""
    out = [ln for ln in lines if re.match(r"^(rsync: |rsync error: |deleting |sent [\d,]+ bytes|total size is )", ln)]
    rows = []
    for i, ln in enumerate(lines):
        m = re.match(r"^\s+([\d,]+)\s+100%", ln)
        if m and i:
            rows.append((lines[i - 1], {"size": m.group(1)}))
    return out + rule4(rows, nums=("size",))


@k36("cloc", "table")
def n_cloc(lines):
    """cloc: the text / unique / ignored file count lines, the header row, the SUM: row, the rows with the largest and smallest code count."""
    out = [ln for ln in lines if re.match(r"^\s*\d+ (text files|unique files|files? ignored)\.", ln)
           or re.match(r"^(Language|File)\s+", ln) or ln.startswith("SUM:")]
    rows = []
    started = False
    for ln in lines:
        if re.match(r"^(Language|File)\s+", ln):
            started = True
            continue
        if started and not ln.startswith(("-", "SUM:")) and ln.strip():
            p = ln.rsplit(None, 4)
            if len(p) == 5 and p[-1].isdigit():
                rows.append((ln, {"code": p[-1]}))
    return out + rule4(rows, nums=("code",))


@k36("dos2unix-info", "listing")
def n_dos2unix(lines):
    """dos2unix -i: rule 4 on its rows (DOS / UNIX / MAC counts, BOM, type): rare values and each count's extremes."""
    rows = []
    for ln in lines:
        p = ln.split(None, 5)
        if len(p) == 6 and p[0].isdigit() and p[1].isdigit() and p[2].isdigit():
            rows.append((ln, {"dos": p[0], "unix": p[1], "mac": p[2], "bom": p[3], "type": p[4],
                              "has_dos": p[0] != "0", "has_mac": p[2] != "0"}))
    return rule4(rows, cat=("bom", "type", "has_dos", "has_mac"), nums=("dos", "unix"))


# ================================================================== the project (bugs put in on purpose)

HUTS = ["Cabane du Mont Fort", "Rifugio Città di Milano", "Refuge des Écrins", "Hörnlihütte", "Chamonix Gîte Névé",
        "Capanna Margherita", "Schönbielhütte", "Refugio Ángel Orús", "山の家 白馬", "Tête Rousse"]
GUESTS = ["Zoë Brändli", "José Núñez", "Søren Ødegård", "Łucja Wąs", "Ana Lúcia", "François Dœuf", "Jürg Mäder",
          "Björn Ångström", "佐藤 花子", "Ines Halley", "Chloé Roux", "Matteo Rossi"]

BOOKING = '''"""Bookings at the huts: nights, prices, capacity."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

SEASON_PRICE = {"summer": 68.0, "winter": 54.0, "shoulder": 48.0}
HALF_BOARD = 32.5


@dataclass
class Booking:
    guest: str
    hut: str
    arrive: date
    leave: date
    beds: int = 1
    half_board: bool = True
    tags: list = field(default_factory=list)

    def nights(self) -> int:
        return (self.leave - self.arrive).days + 1  # bug: counts the leaving day

    def season(self) -> str:
        m = self.arrive.month
        if m in (6, 7, 8, 9):
            return "summer"
        if m in (12, 1, 2, 3):
            return "winter"
        return "shoulder"


def price(b: Booking) -> float:
    per_night = SEASON_PRICE[b.season()] + (HALF_BOARD if b.half_board else 0)
    return round(per_night * b.nights() * b.beds, 2)


def capacity_left(capacity: int, bookings: list[Booking], day: date) -> int:
    used = sum(b.beds for b in bookings if b.arrive <= day <= b.leave)  # bug: leave day still occupied
    return capacity - used


def normalise_name(name: str) -> str:
    return name.strip().title().encode("ascii", "ignore").decode()  # bug: drops accents and CJK


def summary(bookings: list[Booking]) -> dict:
    out: dict = {}
    for b in bookings:
        h = out.setdefault(b.hut, {"beds": 0, "nights": 0, "guests": []})
        h["beds"] += b.beds
        h["nights"] += b.nights()
        h["guests"].append(normalise_name(b.guest))
    return out
'''

TESTS = '''from datetime import date

import pytest

from hutdesk.booking import Booking, capacity_left, normalise_name, price, summary

GUESTS = {guests!r}
HUTS = {huts!r}


def mk(i, nights=2, beds=1, month=7):
    return Booking(GUESTS[i % len(GUESTS)], HUTS[i % len(HUTS)], date(2026, month, 1 + i % 20),
                   date(2026, month, 1 + i % 20 + nights), beds=beds)


@pytest.mark.parametrize("n", [1, 2, 3, 5])
def test_nights(n):
    assert mk(0, nights=n).nights() == n


@pytest.mark.parametrize("month,season", [(1, "winter"), (4, "shoulder"), (7, "summer"), (10, "shoulder"), (12, "winter")])
def test_season(month, season):
    assert mk(1, month=month).season() == season


def test_price_summer_half_board():
    assert price(mk(2, nights=2, beds=2)) == 402.0


def test_capacity_on_leave_day():
    bs = [mk(i, nights=1) for i in range(6)]
    assert capacity_left(40, bs, date(2026, 7, 2)) == 39


@pytest.mark.parametrize("name", GUESTS)
def test_normalise_keeps_letters(name):
    assert normalise_name("  " + name + " ") == name


def test_summary_by_hut():
    bs = [mk(i, nights=1 + i % 3, beds=1 + i % 2) for i in range(14)]
    got = summary(bs)
    expected = {{}}
    for b in bs:
        h = expected.setdefault(b.hut, {{"beds": 0, "nights": 0, "guests": []}})
        h["beds"] += b.beds
        h["nights"] += (b.leave - b.arrive).days
        h["guests"].append(b.guest)
    assert got == expected


def test_price_table():
    got = [price(mk(i, nights=1 + i % 4, month=1 + i % 12)) for i in range(24)]
    assert got == [round(x, 2) for x in {table!r}]
'''

ROOMS_JS = '''"use strict";
// Rooms and bunks at the hut, and the waiting list.
function freeBunks(room, booked) {
  return room.bunks - booked.length; // bug: a booking of several bunks counts as one
}
function bookRoom(rooms, name, bunks) {
  const r = rooms.find((x) => x.bunks >= bunks);
  if (!r) throw new Error(`no room with ${bunks} bunks for ${name}`);
  return { room: r.id, name, bunks };
}
function waitlistOrder(list) {
  return [...list].sort((a, b) => a.since - b.since).map((x) => x.name.toUpperCase()); // bug: upper-cases names
}
function slug(hut) {
  return hut.toLowerCase().replace(/[^a-z0-9]+/g, "-"); // bug: drops accented letters
}
module.exports = { freeBunks, bookRoom, waitlistOrder, slug };
'''


def mocha_tests(rng: random.Random) -> str:
    out = ['"use strict";', 'const assert = require("assert");',
           'const { freeBunks, bookRoom, waitlistOrder, slug } = require("../lib/rooms");']
    for s in range(6):
        out.append(f'describe("Hut block {s}: {HUTS[s]}", function () {{')
        for t in range(9):
            n = rng.randint(2, 12)
            if t == 3 and s % 2 == 0:
                out.append(f'  it("counts multi-bunk bookings in room {s}{t}", () => assert.strictEqual(freeBunks({{bunks: {n + 4}}}, [{{bunks: 2}}, {{bunks: 2}}]), {n}));')
            elif t == 5 and s in (1, 4):
                out.append(f'  it("keeps accents in the slug of {HUTS[s]}", () => assert.strictEqual(slug("{HUTS[s]}"), "{HUTS[s].lower().replace(" ", "-")}"));')
            elif t == 7 and s == 2:
                out.append('  it("orders the waiting list", () => assert.deepStrictEqual(waitlistOrder([{name: "Zoë", since: 3}, {name: "José", since: 1}]), ["José", "Zoë"]));')
            elif t == 8 and s == 5:
                out.append(f'  it("books a room of {n + 30} bunks", () => assert.ok(bookRoom([{{id: "A", bunks: 8}}], "Søren", {n + 30})));')
            else:
                out.append(f'  it("free bunks {s}.{t} with {n} booked", () => assert.strictEqual(freeBunks({{bunks: {n + 10}}}, Array({n}).fill(1)), 10));')
        out.append("});")
    return "\n".join(out) + "\n"


def project(tmp: Path) -> Path:
    rng = random.Random(36)
    root = tmp / "hutdesk"
    table = [round(rng.uniform(40, 600), 2) for _ in range(24)]
    write_tree(root, {
        "pyproject.toml": ('[build-system]\nrequires = ["setuptools>=61"]\nbuild-backend = "setuptools.build_meta"\n\n'
                           '[project]\nname = "hutdesk"\nversion = "0.3.0"\nrequires-python = ">=3.9"\n\n'
                           '[project.scripts]\nhutdesk = "hutdesk.cli:main"\nhutdesk-report = "hutdesk.cli:report"\n\n'
                           '[tool.setuptools.packages.find]\ninclude = ["hutdesk*"]\n'),
        "hutdesk/__init__.py": '__version__ = "0.3.0"\n',
        "hutdesk/booking.py": BOOKING,
        "hutdesk/cli.py": 'def main():\n    print("hutdesk 0.3.0")\n\n\ndef report():\n    print("report")\n',
        "tests/__init__.py": "",
        "tests/test_booking.py": TESTS.format(guests=GUESTS, huts=HUTS, table=table),
        "README.md": "# hutdesk\n\nThe booking desk of the Alpine huts.\n\n## Install\n\n`pip install .`\n\n"
                     "## Usage\n\nRun `hutdesk` to print the night's list.\n\n## Huts\n\n" +
                     "".join(f"- {h}\n" for h in HUTS) + "\n## Licence\n\nMIT\n",
    })
    js = root / "web"
    write_tree(js, {"lib/rooms.js": ROOMS_JS, "test/rooms.test.js": mocha_tests(rng)})
    (js / "node_modules").symlink_to(JS / "node_modules")
    return root


# ================================================================== steps

def tests(tmp: Path) -> None:
    root = project(tmp)
    py = f"{VENV}/bin/python -m pytest"
    add("pytest-icdiff-color", "python -m pytest --color=yes tests/",
        run(f"{py} --color=yes -p no:cacheprovider tests/", cwd=root, env=COLOR), n_pytest_icdiff)
    add("pytest-icdiff-tail", "python -m pytest --color=yes -x tests/test_booking.py::test_summary_by_hut tests/test_booking.py::test_price_table 2>&1 | tail -n 40",
        run(f"{py} --color=yes -p no:cacheprovider tests/test_booking.py::test_summary_by_hut "
            f"tests/test_booking.py::test_price_table 2>&1 | tail -n 40", cwd=root, env=COLOR), n_pytest_icdiff)
    add("pytest-emoji-v", "python -m pytest --emoji -v --color=yes -p no:icdiff tests/; echo EXIT=$?",
        run(f"{py} --emoji -v --color=yes -p no:icdiff -p no:cacheprovider tests/; echo EXIT=$?", cwd=root, env=COLOR),
        n_pytest_emoji)
    web = root / "web"
    add("mocha-progress-tty", "npx mocha --reporter progress --color",
        run(tty("mocha --reporter progress --color"), cwd=web, env=COLOR), n_mocha_progress)
    add("mocha-list-exit", "FORCE_COLOR=1 npx mocha --reporter list --color; echo EXIT=$?",
        run("mocha --reporter list --color; echo EXIT=$?", cwd=web, env=COLOR), n_mocha_list)
    add("typescript-pytest", "script -q -c 'python -m pytest -q --color=yes tests/; echo EXIT=$?' session.log && cat session.log",
        run(f"script -qefc {shlex.quote(f'{py} -q --color=yes -p no:icdiff -p no:cacheprovider tests/; echo EXIT=$?')} "
            f"{tmp}/session.log >/dev/null; cat {tmp}/session.log", cwd=root, env=COLOR), n_typescript)


def diffs(tmp: Path) -> None:
    rng = random.Random(361)
    d = tmp / "diffs"
    d.mkdir()
    old, new = [], []
    for i in range(220):
        h, g = HUTS[i % len(HUTS)], GUESTS[rng.randrange(len(GUESTS))]
        row = f"{i:04d},{h.encode('ascii', 'replace').decode()},{rng.randint(1, 6)},{rng.choice(['summer', 'winter', 'shoulder'])},{rng.randint(40, 900)}"
        old.append(row)
        if rng.random() < 0.08:
            row = row.rsplit(",", 1)[0] + f",{rng.randint(40, 900)}"
        if rng.random() < 0.03:
            continue
        new.append(row)
        if rng.random() < 0.02:
            new.append(f"{i:04d}b,walk-in,1,summer,0")
    (d / "bookings_v1.csv").write_text("id,hut,beds,season,price\n" + "\n".join(old) + "\n")
    (d / "bookings_v2.csv").write_text("id,hut,beds,season,price\n" + "\n".join(new) + "\n")
    add("icdiff-csv", "icdiff --cols=160 --line-numbers bookings_v1.csv bookings_v2.csv",
        run("icdiff --cols=160 --line-numbers bookings_v1.csv bookings_v2.csv", cwd=d, env=COLOR), n_icdiff)
    fixed = BOOKING.replace("days + 1  # bug: counts the leaving day", "days").replace(
        "b.arrive <= day <= b.leave)  # bug: leave day still occupied", "b.arrive <= day < b.leave)").replace(
        '.encode("ascii", "ignore").decode()  # bug: drops accents and CJK', "")
    (d / "booking_old.py").write_text(BOOKING)
    (d / "booking_new.py").write_text(fixed + "\n\ndef occupancy(capacity: int, used: int) -> float:\n    return round(used / capacity, 3)\n")
    add("icdiff-py", "icdiff --cols=160 booking_old.py booking_new.py; echo EXIT=$?",
        run("icdiff --cols=160 booking_old.py booking_new.py; echo EXIT=$?", cwd=d, env=COLOR), n_icdiff)
    add("colordiff-u", "colordiff -u bookings_v1.csv bookings_v2.csv; echo EXIT=$?",
        run("colordiff -u bookings_v1.csv bookings_v2.csv; echo EXIT=$?", cwd=d, env=COLOR), n_colordiff)
    add("colordiff-py-head", "colordiff -u booking_old.py booking_new.py | head -n 60",
        run("colordiff -u booking_old.py booking_new.py | head -n 60", cwd=d, env=COLOR), n_colordiff)
    # a git repo for the decorated git diffs
    g = tmp / "hutrepo"
    root = tmp / "hutdesk"
    run(f"cp -r {root} {g} && rm -f {g}/web/node_modules", cwd=tmp)
    run(f"git init -q && git add -A && git commit -qm 'hutdesk 0.3.0'", cwd=g, env=GIT_ENV)
    (g / "hutdesk/booking.py").write_text(fixed)
    rooms = ROOMS_JS.replace("room.bunks - booked.length", "room.bunks - booked.reduce((n, b) => n + b.bunks, 0)")
    rooms = rooms.replace(".map((x) => x.name.toUpperCase())", ".map((x) => x.name)")
    (g / "web/lib/rooms.js").write_text(rooms)
    readme = (g / "README.md").read_text().replace("The booking desk", "The booking desk (and waiting list)")
    (g / "README.md").write_text(readme + "\n## Changes\n\n- nights no longer count the leaving day\n")
    (g / "hutdesk/seasons.py").write_text('"""Season calendar per hut."""\nOPEN = {"Hörnlihütte": (7, 9), "Tête Rousse": (6, 9)}\n')
    run("git add -N hutdesk/seasons.py", cwd=g, env=GIT_ENV)
    add("diff-so-fancy-git", "git diff --color=always | diff-so-fancy",
        run("git -c color.ui=always diff | diff-so-fancy", cwd=g, env={**GIT_ENV, **COLOR}), n_dsf)
    add("git-diff-color-words", "git diff --color-words",
        run("git -c color.ui=always diff --color-words", cwd=g, env={**GIT_ENV, **COLOR}), n_color_words)


ALLOC = '''import json, random
rng = random.Random(7)
def load_bookings(n):
    return [{"guest": "G%05d" % i, "hut": rng.choice(["Écrins", "Hörnli", "白馬"]), "notes": "x" * rng.randint(10, 400)} for i in range(n)]
def index_by_hut(rows):
    idx = {}
    for r in rows:
        idx.setdefault(r["hut"], []).append(dict(r))
    return idx
def render(idx):
    return [json.dumps(v) for v in idx.values()]
def cache_blobs():
    return [bytearray(64_000) for _ in range(60)]
rows = load_bookings(40_000)
idx = index_by_hut(rows)
out = render(idx)
blobs = cache_blobs()
print(len(rows), len(out), len(blobs))
'''


def profiles(tmp: Path) -> None:
    d = tmp / "prof"
    d.mkdir()
    (d / "alloc.py").write_text(ALLOC)
    run(f"{VENV}/bin/memray run --force -q -o m.bin alloc.py", cwd=d, timeout=300)
    add("memray-stats", "memray stats m.bin", run("memray stats m.bin", cwd=d, env=COLOR), n_memray_stats)
    add("memray-summary", "memray summary m.bin", run("memray summary m.bin", cwd=d, env=COLOR), n_memray_summary)
    add("hyperfine-tty", "hyperfine --warmup 1 --runs 5 'python3 -c \"import json\"' 'python3 -c \"import decimal\"' 'python3 alloc.py'",
        run(tty("nice hyperfine --warmup 1 --runs 5 'python3 -c \"import json\"' 'python3 -c \"import decimal\"' "
                "'python3 alloc.py'"), cwd=d, timeout=300), n_hyperfine)
    add("hyperfine-fail-exit", "hyperfine --style full --runs 3 'sleep 0.05' 'python3 -c \"raise SystemExit(3)\"'; echo EXIT=$?",
        run("nice hyperfine --style full --runs 3 'sleep 0.05' 'python3 -c \"raise SystemExit(3)\"'; echo EXIT=$?",
            cwd=d, timeout=300, env=COLOR), n_hyperfine)
    add("hyperfine-ignore-failure", "hyperfine -N -i --runs 8 'sleep 0.01' 'ls /nonexistent' 'true'",
        run("nice hyperfine -N -i --runs 8 'sleep 0.01' 'ls /nonexistent' 'true'", cwd=d, timeout=300, env=COLOR),
        n_hyperfine)


API = '''import json, sys, random
from http.server import BaseHTTPRequestHandler, HTTPServer
from urllib.parse import urlparse, parse_qs
rng = random.Random(5)
HUTS = %r
GUESTS = %r
BOOK = [{"id": 1000 + i, "hut": HUTS[i %% len(HUTS)], "guest": rng.choice(GUESTS), "beds": rng.randint(1, 6),
         "status": "confirmed" if rng.random() < 0.9 else rng.choice(["waitlist", "cancelled"]),
         "price_chf": round(rng.uniform(48, 900), 2)} for i in range(120)]
class H(BaseHTTPRequestHandler):
    def do_GET(self):
        u = urlparse(self.path)
        q = parse_qs(u.query)
        if u.path == "/bookings":
            body, code = {"count": len(BOOK), "bookings": BOOK}, 200
        elif u.path == "/availability":
            body, code = {"error": "invalid_date", "message": "date '%%s' is not an ISO date" %% q.get("date", [""])[0],
                          "detail": [{"loc": ["query", "date"], "msg": "expected YYYY-MM-DD"}]}, 422
        else:
            body, code = {"error": "not_found", "message": "no route " + u.path}, 404
''' + cm.JSON_API_END


def http(tmp: Path) -> None:
    port = free_port()
    (tmp / "api.py").write_text(API % (HUTS, GUESTS))
    cm.start(f"python3 {tmp}/api.py {port}", cwd=tmp)
    wait_port(port)
    add("httpie-bookings", f"http --pretty=all GET :{port}/bookings",
        run(f"http --pretty=all --print=hb GET :{port}/bookings", cwd=tmp, env=COLOR), n_httpie)
    add("httpie-422", f"http --pretty=all GET ':{port}/availability?date=31.07.2026'; echo EXIT=$?",
        run(f"http --check-status --pretty=all --print=hb GET ':{port}/availability?date=31.07.2026'; echo EXIT=$?",
            cwd=tmp, env=COLOR), n_httpie)
    # files to move around: wget, curl, rsync
    srv = tmp / "srv"
    srv.mkdir()
    rng = random.Random(362)
    for i in range(26):
        (srv / f"hut-{i}.tar").write_bytes(rng.randbytes(rng.choice([3_000, 90_000, 400_000, 1_500_000])))
    fport = free_port()
    cm.start(f"python3 -m http.server {fport} --bind 127.0.0.1", cwd=srv)
    wait_port(fport)
    dl = tmp / "dl"
    dl.mkdir()
    urls = " ".join(f"http://127.0.0.1:{fport}/hut-{i}.tar" for i in [*range(0, 9), 31, *range(9, 18)])
    add("wget-progress-bar", f"wget --progress=bar:force {urls}",
        run(f"wget --limit-rate=4m --progress=bar:force {urls}", cwd=dl, timeout=120), n_wget)
    outs = " ".join(f"-o c{i}.tar http://127.0.0.1:{fport}/hut-{i}.tar" for i in (18, 19, 20, 33, 21, 22, 23, 24, 25))
    add("curl-meter", f"curl --fail {outs}",
        run(f"curl --limit-rate 3m --fail {outs}", cwd=dl, timeout=120), n_curl_meter)
    dst = tmp / "backup"
    dst.mkdir()
    (dst / "old-hut.tar").write_text("x")
    (dst / "Cabane-ancienne.tar").write_text("y")
    for i, h in enumerate(HUTS * 6):
        (srv / f"{h} {i // len(HUTS) + 2020}.txt").write_text(f"{h}\n" * rng.randint(1, 3000))
    add("rsync-progress", "rsync -av --progress --delete srv/ missing/ backup/",
        run("rsync -av --progress --delete srv/ missing/ backup/", cwd=tmp, timeout=120), n_rsync)


WORKER = '''import logging, random, time
import coloredlogs
rng = random.Random(11)
coloredlogs.install(level="DEBUG", isatty=True, fmt="%%(asctime)s %%(hostname)s %%(name)s[%%(process)d] %%(levelname)s %%(message)s")
desk = logging.getLogger("hutdesk.desk")
mail = logging.getLogger("hutdesk.mailer")
sync = logging.getLogger("hutdesk.sync")
HUTS = %r
GUESTS = %r
for i in range(%d):
    h, g = rng.choice(HUTS), rng.choice(GUESTS)
    r = rng.random()
    if r < 0.55:
        desk.debug("checked availability hut=%%s beds=%%d", h, rng.randint(1, 40))
    elif r < 0.85:
        desk.info("booking %%d confirmed for %%s at %%s (%%d nights)", 5000 + i, g, h, rng.randint(1, 4))
    elif r < 0.93:
        mail.info("sent confirmation to %%s", g)
    elif r < 0.97:
        sync.warning("hut %%s answered slowly (%%d ms)", h, rng.randint(800, 4000))
    elif r < 0.99:
        mail.warning("mailbox for %%s rejected UTF-8 subject, retrying as ASCII", g)
    else:
        sync.error("radio link to %%s lost after %%d retries", h, rng.randint(3, 9))
def parse_beds(v):
    return int(v)
try:
    parse_beds("deux")
except ValueError:
    desk.exception("could not read the beds field of booking 5999 for %%s", GUESTS[8])
desk.critical("booking ledger out of sync with %%s: 3 bookings unaccounted", HUTS[3])
'''


def docs_and_logs(tmp: Path) -> None:
    root = tmp / "hutdesk"
    add("pygmentize-booking", "pygmentize -f terminal256 -O style=monokai hutdesk/booking.py",
        run("pygmentize -f terminal256 -O style=monokai hutdesk/booking.py", cwd=root, env=COLOR), n_pygmentize)
    crlf = root / "hutdesk" / "legacy_export.py"
    body = BOOKING.replace("Bookings at the huts", "Export kept from the Windows desk PC") + "".join(
        f"\n\ndef export_{i}(rows):\n    \"\"\"Sheet {i}: {HUTS[i % len(HUTS)]}.\"\"\"\n    return [r for r in rows if r.hut == {HUTS[i % len(HUTS)]!r}]\n"
        for i in range(12))
    crlf.write_bytes(body.replace("\n", "\r\n").encode())
    add("batcat-crlf-full", "batcat --color=always --style=full --paging=never hutdesk/legacy_export.py",
        run("batcat --color=always --style=full --paging=never hutdesk/legacy_export.py", cwd=root, env=COLOR), n_bat)
    add("batcat-readme-head", "bat --color=always --style=full README.md | head -n 40",
        run("batcat --color=always --style=full --paging=never README.md | head -n 40", cwd=root, env=COLOR), n_bat)
    rng = random.Random(363)
    rows = ["hut,canton,altitude_m,beds,season,guardian,price_chf"]
    for i in range(48):
        h = HUTS[i % len(HUTS)] + ("" if i < len(HUTS) else f" {i // len(HUTS) + 1}")
        season = "summer" if rng.random() < 0.85 else rng.choice(["winter", "all-year"])
        rows.append(f"{h},{rng.choice(['VS', 'BE', 'GR', 'Aosta', 'Isère'])},{rng.randint(1800, 4554)},{rng.randint(12, 140)},"
                    f"{season},{rng.choice(GUESTS)},{rng.randint(48, 95)}")
    (tmp / "huts.csv").write_text("\n".join(rows) + "\n")
    add("tabulate-fancy-grid", "tabulate -1 -s , -f fancy_grid huts.csv",
        run("tabulate -1 -s , -f fancy_grid huts.csv", cwd=tmp, env=COLOR), n_tabulate)
    add("tabulate-github-head", "tabulate -1 -s , -f github huts.csv | head -n 30",
        run("tabulate -1 -s , -f github huts.csv | head -n 30", cwd=tmp, env=COLOR), n_tabulate)
    (tmp / "worker.py").write_text(WORKER % (HUTS, GUESTS, 420))
    add("coloredlogs-worker", "python worker.py",
        run(f"{VENV}/bin/python worker.py", cwd=tmp, env=COLOR), n_coloredlogs)
    (tmp / "worker2.py").write_text(WORKER % (HUTS, GUESTS, 900))
    add("coloredlogs-grep-v-debug", "python worker2.py 2>&1 | grep -v DEBUG",
        run(f"{VENV}/bin/python worker2.py 2>&1 | grep -v DEBUG", cwd=tmp, env=COLOR), n_coloredlogs)


def packages(tmp: Path) -> None:
    root = tmp / "hutdesk"
    pipx = {**PIP_ENV, **COLOR, "PIPX_HOME": str(tmp / "pipx"), "PIPX_BIN_DIR": str(tmp / "pipx-bin"),
            "PIPX_MAN_DIR": str(tmp / "pipx-man"), "USE_EMOJI": "1"}
    add("pipx-install-local", "pipx install ./hutdesk",
        run(f"pipx install {root}", cwd=tmp, env=pipx, timeout=600), n_pipx_install)
    broken = tmp / "hutdesk-broken"
    write_tree(broken, {"pyproject.toml": '[build-system]\nrequires = ["setuptools>=61"]\nbuild-backend = "setuptools.build_meta"\n\n'
                                          '[project]\nname = "hutdesk-sync"\nversion = "0.1"\ndependencies = ["hutdesk-radio-link>=9.9"]\n'
                                          '[project.scripts]\nhutsync = "hutsync:main"\n',
                        "hutsync.py": "def main():\n    pass\n"})
    add("pipx-install-fail-exit", "pipx install ./hutdesk-broken; echo EXIT=$?",
        run(f"pipx install {broken}; echo EXIT=$?", cwd=tmp, env=pipx, timeout=600), n_pipx_install)
    radio = tmp / "hutdesk-radio"
    write_tree(radio, {"pyproject.toml": '[build-system]\nrequires = ["setuptools>=61"]\nbuild-backend = "setuptools.build_meta"\n\n'
                                         '[project]\nname = "hutdesk-radio"\nversion = "1.4.2"\n'
                                         '[project.scripts]\nhutradio = "hutradio:main"\nhutradio-scan = "hutradio:scan"\n',
                       "hutradio.py": "def main():\n    pass\n\n\ndef scan():\n    pass\n"})
    run(f"pipx install {radio}", cwd=tmp, env=pipx, timeout=600)
    add("pipx-list", "pipx list", run("pipx list", cwd=tmp, env=pipx), n_pipx_list)
    dl = tmp / "wheels"
    dl.mkdir()
    sess = (f"{VENV}/bin/pip download --no-deps --progress-bar on -d {dl} pygments==2.17.2 rich==13.7.1 "
            f"babel==2.14.0 setuptools==69.5.1; {VENV}/bin/pip download --no-deps -d {dl} hutdesk-nope==1.0; echo EXIT=$?")
    add("typescript-pip-download", "script -q -c 'pip download --no-deps -d wheels pygments rich babel setuptools; "
        "pip download --no-deps -d wheels hutdesk-nope==1.0; echo EXIT=$?' pip.log && cat pip.log",
        run(f"script -qefc {shlex.quote(sess)} {tmp}/pip.log >/dev/null; cat {tmp}/pip.log", cwd=tmp, env={**PIP_ENV, **COLOR},
            timeout=300), n_typescript)
    web = root / "web"
    add("envinfo", "npx envinfo --system --binaries --languages --npmPackages",
        run("envinfo --system --binaries --languages --npmPackages --npmGlobalPackages", cwd=JS, env=COLOR, timeout=120),
        n_envinfo)
    write_tree(tmp / "lic", {"package.json": json.dumps({"name": "hutdesk-web", "version": "0.3.0", "license": "MIT",
                                                          "dependencies": {"mocha": "*", "lint-staged": "*"}}, indent=2)})
    (tmp / "lic" / "node_modules").symlink_to(JS / "node_modules")
    add("license-checker", "npx license-checker --start .",
        run("license-checker --start .", cwd=tmp / "lic", env=COLOR, timeout=120), n_license_checker)
    # lint-staged over staged files in a repo
    ls = tmp / "lsrepo"
    write_tree(ls, {
        "package.json": json.dumps({"name": "hutdesk-web", "version": "0.3.0", "lint-staged": {
            "*.js": ["node scripts/check-style.js"], "*.md": "node scripts/check-md.js"}}, indent=2),
        "scripts/check-style.js": ('const fs = require("fs"); let bad = 0;\n'
                                   'for (const f of process.argv.slice(2)) { fs.readFileSync(f, "utf8").split("\\n").forEach((l, i) => {\n'
                                   '  if (l.includes("var ")) { console.error(`${f}:${i + 1}:1: error  no var, use const or let`); bad++; }\n'
                                   '  if (l.length > 100) { console.error(`${f}:${i + 1}:101: warning  line longer than 100`); } }); }\n'
                                   'if (bad) { console.error(`✖ ${bad} problems`); process.exit(1); }\n'),
        "scripts/check-md.js": 'console.log("markdown ok: " + process.argv.slice(2).length + " files");\n',
        "lib/rooms.js": ROOMS_JS.replace("const r =", "var r =") + "var legacy = 1;\n",
        "lib/ok.js": "const a = 1;\nmodule.exports = a;\n",
        "README.md": "# hutdesk web\n",
    })
    run("git init -q && git add -A", cwd=ls, env=GIT_ENV)
    (ls / "node_modules").symlink_to(JS / "node_modules")
    add("lint-staged-tty", "npx lint-staged",
        run(tty("lint-staged"), cwd=ls, env={**GIT_ENV, **COLOR}, timeout=180), n_lint_staged)


def listings(tmp: Path) -> None:
    root = tmp / "hutdesk"
    docs = root / "docs"
    docs.mkdir()
    rng = random.Random(364)
    names = ["山小屋の予約.md", "Hütte_Öffnungszeiten.txt", "réservations_été.csv", "Tête-Rousse_plan.pdf", "白馬_地図.png",
             "notes_für_Jürg.md", "Ångström-rapport.txt", "refugio_ángel.md", "예약_목록.csv", "Capanna Margherita.md",
             "README.md", "guardian-list.txt", "rooms.json", "prices-2026.csv", "ÉCRINS_RAPPORT.txt"]
    names += [f"{a}_{b}.{ext}" for a in ("予約", "Hütte", "réservation", "Ødegård", "山小屋", "Gîte")
              for b in ("été", "冬", "2026", "Névé", "Ångström", "白馬", "saison") for ext in ("md", "csv")][:70]
    for n in names:
        (docs / n).write_text("x" * rng.choice([12, 300, 4000, 52_000]) + "\n")
    (docs / "archive").mkdir()
    (docs / "run.sh").write_text("#!/bin/sh\n")
    (docs / "run.sh").chmod(0o755)
    run("ln -s 山小屋の予約.md latest.md && chown 1000:1000 Tête-Rousse_plan.pdf", cwd=docs)
    add("ls-l-color-cjk", "ls -l --color=always docs/",
        run("ls -l --color=always docs/", cwd=root, env=COLOR), n_ls_color)
    data = tmp / "exports"
    data.mkdir()
    for i in range(64):
        body = "\n".join(f"{rng.choice(HUTS)};{rng.choice(GUESTS)};{rng.randint(1, 6)}" for _ in range(rng.randint(5, 80))) + "\n"
        raw = body.encode()
        if i in (3, 9, 41):
            raw = body.replace("\n", "\r\n").encode()
        if i == 9:
            raw = b"\xef\xbb\xbf" + raw
        if i == 12:
            raw = body.replace("\n", "\r").encode()
        (data / f"export_{i:02d}.csv").write_bytes(raw)
    (data / "logo.png").write_bytes(rng.randbytes(800))
    add("dos2unix-info", "dos2unix -i exports/*",
        run("dos2unix -i exports/*", cwd=tmp), n_dos2unix)
    add("cloc-project", "cloc .", run(tty("cloc ."), cwd=root, timeout=180), n_cloc)
    gen = root / "hutdesk" / "gen"
    gen.mkdir()
    for i in range(40):
        (gen / f"sheet_{i:02d}.py").write_text("".join(
            f"def export_{j}(rows):\n    # sheet {i}.{j}\n    return [r for r in rows if r.beds > {j}]\n\n"
            for j in range(rng.randint(2, 30))))
    (root / "web" / "legacy.bat").write_bytes(b"@echo off\r\nrem export\r\n" * 12)
    add("cloc-by-file-exit", "cloc --by-file hutdesk tests web/lib web/test web/legacy.bat; echo EXIT=$?",
        run("cloc --by-file hutdesk tests web/lib web/test web/legacy.bat; echo EXIT=$?", cwd=root, timeout=180), n_cloc)


STEPS = [tests, diffs, profiles, http, docs_and_logs, packages, listings]
