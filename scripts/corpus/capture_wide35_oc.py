"""Round 35, the project and OpenCode's own tools: a community seed library's lending service (`seedbank`, Python,
written here with bugs put in and widened by seeded generators), a germination-test tool in C with its Makefile,
shell scripts, a git history, a lending CSV and sqlite table, a catalogue API on loopback, the service's log and the
docs; then ONE headless run of the real OpenCode whose model (the stub) calls bash, grep, glob and webfetch on them.
Each kind's extractor is the earlier rounds', imported; a chain's from each part's own (round 9b), its parts run again
outside OpenCode to separate them. Run through capture_wide35.py."""

from __future__ import annotations

import json
import random
import time
from pathlib import Path

import capture_more as cm
import capture_opencode as oc
from capture_more import clean_lines, n_app_log, n_git_log_stat, note, run, write_tree
from capture_opencode import Spec
from capture_wide import n_chained
from capture_wide9b import Part, chain_command, run_chain
from capture_wide15_data import (
    n_csv,
    n_du,
    n_find,
    n_json_api,
    n_ls_la,
    n_ps_aux,
    n_ps_ef,
    n_sqlite_col,
)
from capture_wide15_diag import (
    n_flake8,
    n_mypy,
    n_pylint,
    n_pytest,
    n_ruff,
    n_shellcheck,
)
from capture_wide15_langs import n_gcc, n_make
from capture_wide15_oc import n_blame, n_diff, n_log_p, n_show, n_status, oc_ext
from capture_wide35 import VENV, add

GIT_ENV = {"GIT_AUTHOR_NAME": "Maren Oduya", "GIT_AUTHOR_EMAIL": "maren@example.org", "GIT_COMMITTER_NAME": "Maren Oduya",
           "GIT_COMMITTER_EMAIL": "maren@example.org", "GIT_CONFIG_NOSYSTEM": "1", "GIT_CONFIG_GLOBAL": "/dev/null"}
PORT = 18735
VARIETIES = ["Cherokee Purple", "Brandywine", "Lacinato", "Scarlet Runner", "Glass Gem", "Moon and Stars",
             "Dragon Tongue", "Jimmy Nardello", "Boston Marrow", "Hopi Blue", "Amish Paste", "Bull's Blood",
             "Chioggia", "Red Russian", "Kentucky Wonder", "Golden Bantam"]
MEMBERS = ["ana.k", "bo.li", "cyrus.m", "dee.w", "ezra.p", "fatima.o", "gus.t", "hana.s", "ivo.r", "jun.h"]

CATALOG = '''"""Varieties in the library and their stock of packets."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional

CROPS = {"tomato": 5, "bean": 3, "kale": 4, "corn": 2, "squash": 5, "pepper": 3, "beet": 4, "melon": 5}


@dataclass
class Variety:
    name: str
    crop: str
    packets: int
    seeds_per_packet: int = 25
    harvest_year: Optional[int] = None
    tags: list = field(default_factory=list)

    def viable_years(self) -> int:
        return CROPS[self.crop]

    def expired(self, year: int) -> bool:
        return year - self.harvest_year > self.viable_years()  # bug: harvest_year may be None

    def seeds(self) -> int:
        return self.packets * self.seeds_per_packet


def find(catalog: list[Variety], name: str) -> Variety:
    for v in catalog:
        if v.name.lower() == name.lower:  # bug: compares with the method
            return v
    raise KeyError(name)


def restock(v: Variety, packets: str) -> Variety:
    v.packets += packets  # bug: str added to int
    return v


def by_crop(catalog: list[Variety]) -> dict[str, list[Variety]]:
    out: dict[str, list[Variety]] = {}
    for v in catalog:
        out.setdefault(v.crop, []).append(v)
    return out
'''

LOANS = '''"""Lending packets to members and getting seed back after harvest."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from seedbank.catalog import Variety

LOAN_DAYS = 240
MAX_PACKETS = 4


class LoanError(Exception):
    pass


@dataclass
class Loan:
    member: str
    variety: Variety
    packets: int
    out: dt.date
    returned: dt.date | None = None

    def due(self) -> dt.date:
        return self.out + dt.timedelta(days=LOAN_DAYS)

    def overdue(self, today: dt.date) -> bool:
        return self.returned is None and today >= self.due()  # bug: due day itself is not overdue


def lend(member: str, v: Variety, packets: int, today: dt.date, open_loans: list[Loan]) -> Loan:
    held = sum(l.packets for l in open_loans if l.member == member)
    if held + packets >= MAX_PACKETS:  # bug: exactly MAX_PACKETS is allowed
        raise LoanError(f"{member} would hold {held + packets} packets (max {MAX_PACKETS})")
    if v.packets < packets:
        raise LoanError(f"only {v.packets} packets of {v.name} left")
    v.packets -= packets
    return Loan(member, v, packets, today)


def give_back(loan: Loan, seeds_returned: int, today: dt.date) -> float:
    loan.returned = today
    loan.variety.packets += seeds_returned // loan.variety.seeds_per_packet
    return seeds_returned / loan.packets * loan.variety.seeds_per_packet  # bug: ratio inverted


def late_fee(loan: Loan, today: dt.date) -> int:
    days = (today - loan.due()).days
    return max(0, days) * 0.5
'''

GERM = '''"""Germination tests: sow N seeds, count sprouts, grade the lot."""
from __future__ import annotations

import statistics


def rate(sown: int, sprouted: int) -> float:
    return round(100 * sprouted / sown, 1)


def grade(pct: float) -> str:
    if pct > 85:
        return "A"
    elif pct > 70:
        return "B"
    elif pct > 50:
        return "C"
    return "D"


def summarize(trials: list[tuple[int, int]]) -> dict:
    rates = [rate(s, k) for s, k in trials]
    return {"mean": statistics.mean(rates), "worst": min(rates), "grade": grade(statistics.median(rates))}


def parse_trial(line: str) -> tuple[int, int]:
    sown, sprouted = line.split("/")
    return int(sown), int(sprouted.strip(" seeds"))
'''

REPORT = '''"""The monthly report printed for the volunteers."""
from __future__ import annotations

import datetime as dt

from seedbank.catalog import Variety, by_crop
from seedbank.loans import Loan


def stock_lines(catalog: list[Variety]) -> list[str]:
    lines = []
    for crop, vs in sorted(by_crop(catalog).items()):
        lines.append(f"{crop:<8} {sum(v.packets for v in vs):>4} packets")
    return lines


def overdue_lines(loans: list[Loan], today: dt.date) -> list[str]:
    return [f"{l.member}: {l.variety.name} due {l.due():%Y-%m-%d}" for l in loans if l.overdue(today)]


def header(month: str) -> str:
    return "Seed library report for " + month.upper
'''

CONFTEST = '''import datetime as dt

import pytest

from seedbank.catalog import Variety


@pytest.fixture
def catalog():
    return [Variety("Cherokee Purple", "tomato", 6, harvest_year=2023), Variety("Lacinato", "kale", 2, harvest_year=2021),
            Variety("Glass Gem", "corn", 9), Variety("Scarlet Runner", "bean", 4, seeds_per_packet=12, harvest_year=2024)]


@pytest.fixture
def today():
    return dt.date(2026, 4, 1)
'''

TEST_CATALOG = '''from seedbank.catalog import Variety, by_crop, find, restock


def test_find_is_case_insensitive(catalog):
    assert find(catalog, "lacinato").crop == "kale"


def test_expired_kale(catalog):
    assert catalog[1].expired(2026)


def test_expired_unknown_year(catalog):
    assert not catalog[2].expired(2026)


def test_restock_from_form(catalog):
    assert restock(catalog[0], "3").packets == 9


def test_by_crop(catalog):
    assert sorted(by_crop(catalog)) == ["bean", "corn", "kale", "tomato"]


def test_seeds(catalog):
    assert catalog[3].seeds() == 48
'''

TEST_LOANS = '''import datetime as dt

import pytest

from seedbank.loans import LOAN_DAYS, LoanError, give_back, late_fee, lend


def test_lend_reduces_stock(catalog, today):
    loan = lend("ana.k", catalog[0], 2, today, [])
    assert catalog[0].packets == 4 and loan.due() == today + dt.timedelta(days=LOAN_DAYS)


def test_lend_up_to_max(catalog, today):
    first = lend("bo.li", catalog[0], 2, today, [])
    assert lend("bo.li", catalog[2], 2, today, [first]).packets == 2


def test_lend_over_max(catalog, today):
    first = lend("bo.li", catalog[0], 3, today, [])
    with pytest.raises(LoanError, match="max 4"):
        lend("bo.li", catalog[2], 2, today, [first])


def test_not_overdue_on_due_day(catalog, today):
    loan = lend("cyrus.m", catalog[2], 1, today, [])
    assert not loan.overdue(loan.due())


def test_give_back_ratio(catalog, today):
    loan = lend("dee.w", catalog[0], 2, today, [])
    assert give_back(loan, 100, today) == 2.0


def test_late_fee_is_whole_cents(catalog, today):
    loan = lend("ezra.p", catalog[2], 1, today, [])
    assert isinstance(late_fee(loan, loan.due() + dt.timedelta(days=3)), int)
'''

TEST_GERM = '''import pytest

from seedbank.germination import grade, parse_trial, rate, summarize


@pytest.mark.parametrize("pct,expected", [(90.0, "A"), (85.0, "A"), (71.0, "B"), (70.0, "B"), (50.5, "C"), (12.0, "D")])
def test_grade(pct, expected):
    assert grade(pct) == expected


def test_rate_zero_sown():
    assert rate(0, 0) == 0.0


def test_parse_trial():
    assert parse_trial("50/41 seeds") == (50, 41)


def test_summarize():
    assert summarize([(50, 45), (50, 40), (20, 10)])["grade"] == "B"
'''

TEST_REPORT = '''import datetime as dt

from seedbank.report import header, overdue_lines, stock_lines


def test_stock_lines(catalog):
    assert stock_lines(catalog)[0].startswith("bean")


def test_header():
    assert header("april") == "Seed library report for APRIL"


def test_overdue_lines(catalog):
    assert overdue_lines([], dt.date(2026, 1, 1)) == []
'''

IMPORT = r'''"""Import the autumn seed swap's catalogue sheet."""
import csv
import io

from seedbank.catalog import Variety
from seedbank.germination import parse_trial

SHEET = """name,crop,packets,trial
Hopi Blue,corn,5,40/33 seeds
Moon and Stars,melon,3,25/19 seeds
Bull's Blood,beet,7,forty/31 seeds
"""


class ImportError_(Exception):
    pass


def row_to_variety(row):
    try:
        sown, sprouted = parse_trial(row["trial"])
    except ValueError as e:
        raise ImportError_(f"row {row['name']!r}: bad trial {row['trial']!r}") from e
    return Variety(row["name"], row["crop"], int(row["packets"]), tags=[f"germ {sprouted}/{sown}"])


def main():
    try:
        return [row_to_variety(r) for r in csv.DictReader(io.StringIO(SHEET))]
    except ImportError_ as e:
        raise RuntimeError("swap import failed") from e


print(main())
'''

GERM_H = """#ifndef GERM_H
#define GERM_H
#include <stddef.h>

typedef struct {
    char lot[16];
    int sown;
    int sprouted;
    double temp_c;
} trial_t;

double germ_rate(const trial_t *t);
int parse_trial(const char *line, trial_t *out);
double mean_rate(const trial_t *ts, size_t n);
const char *grade(double pct);
#endif
"""

STATS_C = r"""#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "germ.h"

double germ_rate(const trial_t *t) {
    return 100.0 * t->sprouted / t->sown;
}

int parse_trial(const char *line, trial_t *out) {
    char lot[64];
    int n = sscanf(line, "%s %d %d %lf", lot, &out->sown, &out->sprouted, &out->temp_c);
    strcpy(out->lot, lot);
    return n == 4;
}

double mean_rate(const trial_t *ts, size_t n) {
    double sum;
    for (int i = 0; i < n; i++) sum += germ_rate(&ts[i]);
    return sum / n;
}

const char *grade(double pct) {
    char buf[4];
    if (pct > 85) strcpy(buf, "A");
    else if (pct > 70) strcpy(buf, "B");
    else strcpy(buf, "C");
    return buf;
}
"""

MAIN_C = r"""#include <stdio.h>
#include <stdlib.h>
#include "germ.h"

int main(int argc, char **argv) {
    trial_t ts[64];
    size_t n = 0;
    char line[128];
    FILE *f = fopen(argc > 1 ? argv[1] : "trials.txt", "r");
    while (fgets(line, sizeof line, f)) {
        if (parse_trial(line, &ts[n])) n++;
    }
    printf("%zu trials, mean %.1f%%, grade %s\n", n, mean_rate(ts, n), grade(mean_rate(ts, n)));
    printf("first lot: %s sown %d\n", ts[0].lot, ts[0].sown, ts[0].sprouted);
    return unknown_total;
}
"""

MAKEFILE = """CC = gcc
CFLAGS = -Wall -Wextra -O2 -std=c11
OBJS = stats.o main.o $(patsubst %.c,%.o,$(wildcard gen/*.c))

germ: $(OBJS)
\t$(CC) $(CFLAGS) -o $@ $^

%.o: %.c germ.h
\t$(CC) $(CFLAGS) -c -o $@ $<

clean:
\trm -f germ *.o gen/*.o
"""

SWAP_SH = r"""#!/bin/bash
# Pack the seed-swap table's packets and print labels.
SWAP_DIR=$1
for f in $(ls $SWAP_DIR/*.csv); do
    count=`wc -l < $f`
    echo "packing $f ($count rows)"
    cat $f | while read line; do
        name=$(echo $line | cut -d, -f1)
        [ $name == "" ] && continue
        echo "label: $name"
    done
done
cd /var/seedbank/labels
rm -rf $LABEL_DIR/*
"""

BACKUP_SH = r"""#!/bin/sh
# Nightly backup of the lending database.
DB=data/seedbank.db
DEST=/backups/seedbank-$(date +%F).db
if [ ! -f $DB ]; then
  echo "no database" && exit 1
fi
sqlite3 $DB ".backup $DEST"
echo "backed up to $DEST"
files=$(find /backups -name '*.db' -mtime +30)
for old in $files; do rm $old; done
read -p "prune done, press enter" ok
local keep=7
echo $((keep + 1)
"""

ORDER_SH = r"""#!/bin/bash
# Order envelopes when stock is low.
stock=$(sqlite3 data/seedbank.db "select count(*) from loans where status='out'")
if [ $stock -gt 200 ]
then
  echo "order 500 envelopes"
fi
args=("$@")
echo ${args}
grep -c "" $1 | read lines
echo "lines: $lines"
[[ -n $SUPPLIER ]] || SUPPLIER=default
curl -s http://supplier.example/order?qty=500&item=envelope
"""


def gen_modules(root: Path) -> None:
    """Generated plot-planner modules with the usual smells (lint size) and a typed one with errors (mypy)."""
    pkg = root / "src" / "seedbank"
    for i in range(10):
        rnd = random.Random(3500 + i)
        body = ["import os, sys, re", "import json", "from math import *", "from typing import List, Dict", ""]
        for j in range(rnd.randint(6, 10)):
            verb = rnd.choice(["sow", "thin", "water", "mulch", "harvest", "dry", "winnow", "pack"])
            body += [f"def {verb}_bed_{j}(bed, opts = {{}}, *rest) -> Dict[str, int]:",
                     f"    if bed == None or opts == []: return {rnd.randint(0, 9)}",
                     f"    rows = [r for r in range(bed) if r%{rnd.randint(2, 7)}==0]",
                     "    try:", "        return json.loads(opts)", "    except:", "        pass",
                     "    print('bed %s has %d rows' % (bed, len(rows)))", f"    l = {rnd.randint(10, 99)}",
                     f"    total: int = '{verb}'", ""]
        (pkg / f"plots_{i}.py").write_text("\n".join(body) + "\n")
    tests = ["import pytest", "", "from seedbank.germination import grade, rate", ""]
    rnd = random.Random(3535)
    for k in range(40):
        sown = rnd.randint(10, 60)
        sprouted = rnd.randint(0, sown)
        exp = "A" if 100 * sprouted / sown > 85 else "B" if 100 * sprouted / sown > 70 else "C" if 100 * sprouted / sown > 50 else "D"
        if k in (7, 23, 31):
            exp = {"A": "B", "B": "C", "C": "D", "D": "C"}[exp]  # three lots graded wrong in the sheet
        tests += [f"def test_lot_{k:03d}_grade():", f"    assert grade(rate({sown}, {sprouted})) == {exp!r}", ""]
    (root / "tests" / "test_lots.py").write_text("\n".join(tests))
    fixtures = root / "tests" / "fixtures"
    fixtures.mkdir(parents=True, exist_ok=True)
    for k in range(130):  # glob past its 100-match cap
        (fixtures / f"trial_{k:03d}.json").write_text(json.dumps({"lot": f"L{k:03d}", "sown": 50, "sprouted": rnd.randint(10, 50)}))
    gen = root / "germ" / "gen"
    gen.mkdir(parents=True, exist_ok=True)
    for k in range(6):
        lines = ['#include <stdio.h>', '#include "../germ.h"', ""]
        for j in range(5):
            lines += [f"int lot_{k}_{j}(const trial_t *t, int unused) {{", "    int pad;",
                      f"    if (t->sown = {j}) return -1;", f"    return t->sprouted * {rnd.randint(2, 9)} / t->sown;", "}", ""]
        (gen / f"lots_{k}.c").write_text("\n".join(lines))


def write_project(root: Path) -> None:
    write_tree(root, {
        "pyproject.toml": cm.src_pyproject("seedbank", "0.4.0"),
        "src/seedbank/__init__.py": '"""A community seed library."""\n__version__ = "0.4.0"\n',
        "src/seedbank/catalog.py": CATALOG, "src/seedbank/loans.py": LOANS, "src/seedbank/germination.py": GERM,
        "src/seedbank/report.py": REPORT, "tests/conftest.py": CONFTEST, "tests/test_catalog.py": TEST_CATALOG,
        "tests/test_loans.py": TEST_LOANS, "tests/test_germination.py": TEST_GERM, "tests/test_report.py": TEST_REPORT,
        "scripts/import_catalog.py": IMPORT, "scripts/swap.sh": SWAP_SH, "scripts/backup.sh": BACKUP_SH,
        "scripts/order.sh": ORDER_SH, "germ/germ.h": GERM_H, "germ/stats.c": STATS_C, "germ/main.c": MAIN_C,
        "germ/Makefile": MAKEFILE, "setup.cfg": "[flake8]\nmax-line-length = 120\n",
        "README.md": "# seedbank\n\nLending service of the Eastside seed library.\n",
    })
    (root / "conftest.py").write_text("import sys\nsys.path.insert(0, 'src')\n")
    gen_modules(root)


WHO = [("Maren Oduya", "maren@example.org"), ("Teo Brandt", "teo@example.org"), ("Lu Wen", "lu@example.org")]


def git_history(root: Path) -> None:
    run("git -c init.defaultBranch=main init -q && git add -A && git commit -qm 'Seedbank: catalogue, loans, germination'",
        cwd=root, env=GIT_ENV)
    rnd = random.Random(3536)
    subjects = ["Loans: 240-day lending period", "Catalogue: viability years per crop", "Germination grades A-D",
                "Report: overdue lines", "Plots: bed planner for the north garden", "Swap script labels",
                "Backup the lending db nightly", "Max four packets per member", "Late fees at 50 cents a day",
                "Germ tool: mean rate over trials", "Fixtures for the spring trials", "Restock from the intake form"]
    for k, subj in enumerate(subjects):
        who = WHO[k % 3]
        f = root / "src" / "seedbank" / f"plots_{k % 10}.py"
        text = f.read_text().splitlines()
        at = rnd.choice([n for n, ln in enumerate(text) if ln.startswith("def ")])  # between two functions
        text[at:at] = [f"# {subj.lower()} ({k})", f"SPACING_CM_{k} = {rnd.randint(10, 90)}", ""]
        f.write_text("\n".join(text) + "\n")
        if k == 10:  # the spring trials: re-counted sprouts in twenty fixtures
            for n in range(0, 120, 6):
                fx = root / "tests" / "fixtures" / f"trial_{n:03d}.json"
                fx.write_text(json.dumps({**json.loads(fx.read_text()), "sprouted": rnd.randint(5, 50),
                                          "counted_by": who[0]}, indent=1) + "\n")
        lo = root / "src" / "seedbank" / "loans.py"
        lo.write_text(lo.read_text().replace("LOAN_DAYS = ", f"# rev {k}\nLOAN_DAYS = ", 1))
        stamp = f"2026-0{1 + k % 9}-1{k % 9} 1{k % 9}:{10 + k}:00"
        who = WHO[k % 3]
        run(f"git add -A && git commit -qm '{subj}' --date='{stamp}'", cwd=root,
            env={**GIT_ENV, "GIT_COMMITTER_DATE": stamp, "GIT_AUTHOR_NAME": who[0], "GIT_AUTHOR_EMAIL": who[1]})
    lo = root / "src" / "seedbank" / "loans.py"
    lo.write_text(lo.read_text().replace("max(0, days) * 0.5", "max(0, days) * 50  # cents"))
    rep = root / "src" / "seedbank" / "report.py"
    rep.write_text(rep.read_text() + "\n\ndef footer(n):\n    return f'{n} loans out'\n")
    (root / "NOTES.md").write_text("# spring\n- the kale lot from 2021 failed its test\n")
    (root / "src" / "seedbank" / "plots_7.py").unlink()


def loan_rows(seed: int, n: int) -> list[list]:
    rnd = random.Random(seed)
    rows = []
    for i in range(n):
        status = "returned" if rnd.random() < 0.7 else "out" if rnd.random() < 0.85 else rnd.choice(["lost", "overdue"])
        packets = rnd.randint(1, 4) if i != n // 3 else 40
        rows.append([f"LN{5000 + i}", rnd.choice(MEMBERS), rnd.choice(VARIETIES), packets,
                     f"2025-{rnd.randint(3, 12):02d}-{rnd.randint(1, 28):02d}", status,
                     rnd.randint(0, 400) if status == "returned" else 0, round(rnd.uniform(40, 98), 1)])
    return rows


def data_files(root: Path) -> None:
    d = root / "data"
    d.mkdir(exist_ok=True)
    hdr = "loan_id,member,variety,packets,out_date,status,seeds_back,germ_pct"
    rows = loan_rows(3537, 700)
    (d / "loans.csv").write_text(hdr + "\n" + "\n".join(",".join(map(str, r)) for r in rows) + "\n")
    run("sqlite3 data/seedbank.db \".mode csv\" \".import data/loans.csv loans\"", cwd=root)
    logs = root / "logs"
    logs.mkdir(exist_ok=True)
    (root / "scripts" / "runlog.py").write_text(RUNLOG)
    run("python3 scripts/runlog.py > logs/service.log 2>&1", cwd=root)
    (root / "scripts" / "runlog.py").unlink()


RUNLOG = r'''
import logging, random, sys
logging.basicConfig(level=logging.DEBUG, format="%(asctime)s %(levelname)s %(name)s [%(process)d] %(message)s",
                    stream=sys.stdout)
rnd = random.Random(3538)
loans = logging.getLogger("seedbank.loans")
api = logging.getLogger("seedbank.api")
db = logging.getLogger("seedbank.db")
members = ["ana.k", "bo.li", "cyrus.m", "dee.w", "ezra.p"]
for i in range(700):
    api.debug("GET /api/varieties?page=%d 200 %d ms", i % 12, rnd.randint(3, 40))
    if i % 97 == 30:
        loans.warning("member %s at packet limit (4), loan refused", rnd.choice(members))
    elif i == 455:
        try:
            int("forty")
        except ValueError:
            loans.exception("germination trial unreadable for lot L%03d", i % 130)
    elif i == 781:
        db.error("database is locked after 5 retries (loan LN%d not saved)", 5000 + i)
    loans.info("loan LN%d out: %d packets", 5000 + i, rnd.randint(1, 4) if i != 612 else 40)
'''

API = r"""
import json, random, sys
from http.server import BaseHTTPRequestHandler, HTTPServer
rnd = random.Random(35)
NAMES = %s
RES = []
for i in range(90):
    st = "in" if rnd.random() < 0.86 else rnd.choice(["overdue", "withdrawn"])
    r = {"module": f"varieties/V{300 + i}", "name": rnd.choice(NAMES), "status": st, "packets": rnd.randint(0, 30),
         "germ_pct": round(rnd.uniform(55, 97), 1), "harvest_year": rnd.choice([2022, 2023, 2024, 2025])}
    if st != "in":
        r["error"] = rnd.choice(["lot failed germination test", "no packets returned since 2024", "label missing"])
    RES.append(r)
RES[61]["packets"] = 412
class H(BaseHTTPRequestHandler):
    def do_GET(self):
        if self.path.startswith("/api/varieties"):
            res = [r for r in RES if "status=overdue" not in self.path or r["status"] != "in" or r["packets"] < 3]
            body = {"library": "Eastside", "count": len(res), "flagged": sum(r["status"] != "in" for r in res),
                    "results": res}
            code = 200
        else:
            body, code = {"error": "unknown endpoint", "path": self.path}, 404
""" % json.dumps(VARIETIES) + cm.JSON_API_END


LABELER = """\"\"\"A label-printer queue worker: holds its batch in memory and waits for the printer.\"\"\"
import argparse
import time

ap = argparse.ArgumentParser()
ap.add_argument("--queue")
ap.add_argument("--mb", type=int)
a = ap.parse_args()
batch = bytearray(a.mb * 1024 * 1024)
for i in range(0, len(batch), 4096):
    batch[i] = 1
time.sleep(900)
"""


def docs_site(tmp: Path) -> Path:
    """The library's volunteer guide as HTML pages (generated prose under h1-h3), served on loopback."""
    site = tmp / "site"
    site.mkdir()
    rnd = random.Random(3539)
    words = ("seed packet envelope viability germination trial paper towel moisture humidity storage jar label "
             "harvest isolation distance pollinator cross row cover lot volunteer member return swap winnow "
             "screen dry cool dark freezer desiccant silica record sheet").split()

    def para() -> str:
        sents = []
        for _ in range(rnd.randint(2, 5)):
            w = [rnd.choice(words) for _ in range(rnd.randint(8, 18))]
            sents.append(" ".join(w).capitalize() + ".")
        return " ".join(sents)

    for name, title, n_sec in [("saving", "Saving seed from your garden", 14), ("testing", "Germination testing", 10),
                               ("lending", "How lending works", 8), ("storage", "Storing the collection", 18)]:
        body = [f"<!DOCTYPE html>\n<html><head><title>{title}</title></head><body>",
                '<nav><a href="index.html">Home</a> | <a href="saving.html">Saving</a></nav>', f"<h1>{title}</h1>",
                f"<p>{para()}</p>"]
        for s in range(n_sec):
            crop = rnd.choice(list(("tomato", "bean", "kale", "corn", "squash", "pepper", "beet", "melon")))
            body.append(f"<h2>{s + 1}. {crop.capitalize()}: {rnd.choice(['isolation', 'harvest', 'drying', 'cleaning', 'testing'])}</h2>")
            for _ in range(rnd.randint(1, 3)):
                body.append(f"<p>{para()}</p>")
            if s % 3 == 0:
                body.append(f"<h3>Checklist for {crop}</h3>\n<ul>" + "".join(f"<li>{para()[:80]}</li>" for _ in range(4)) + "</ul>")
                body.append(f"<p>{para()}</p>")
            if s % 4 == 1:
                body.append("<table><tr><th>Crop</th><th>Years</th><th>Distance</th></tr>" + "".join(
                    f"<tr><td>{c}</td><td>{rnd.randint(2, 6)}</td><td>{rnd.randint(3, 800)} m</td></tr>"
                    for c in ("tomato", "bean", "corn", "squash")) + "</table>")
        body.append("</body></html>")
        (site / f"{name}.html").write_text("\n".join(body) + "\n")
    return site


def exit_line(ext):
    """`cmd; echo EXIT=$?`: the tool's own extractor, plus the EXIT= line the agent printed (round 9b's shell-status)."""
    def f(lines):
        return ext(lines) + [ln for ln in lines if ln.startswith("EXIT=")]
    f.kind = ext.kind
    f.__doc__ = f"{(ext.__doc__ or ext.kind).strip().splitlines()[0]}; + the EXIT= line (shell-status)"
    return f


def B(item_id: str, kind_ext, command: str, family: str = "") -> tuple[Spec, object]:
    return (Spec(item_id, kind_ext.kind, family, "bash", {"command": command, "description": f"Run {command[:50]}"}), kind_ext)


def chain_ext(kind_name: str, family: str, parts: list[Part], root: Path, env: dict):
    """Round 9b's chain rule: each part's extractor on its own output (run again here, outside OpenCode)."""
    ran = run_chain(parts, root, env)
    needles: list = []
    for p, text in ran:
        if p.ext is not None and text.strip():
            needles += p.ext(clean_lines(text))
    rules = "; ".join(f"[{p.cmd[:60]}] {p.ext.kind}: {(p.ext.__doc__ or '').strip().splitlines()[0]}"
                      for p, _ in ran if p.ext is not None)

    def f(lines):
        keep = []
        for n in needles:
            alts = n["any"] if isinstance(n, dict) else [n]
            alts = [a for a in alts if any(a.strip()[:200] in ln for ln in lines)]
            if alts:
                keep.append(alts[0] if len(alts) == 1 else {"any": alts})
        return keep
    f.kind = kind_name
    f.__doc__ = f"union of each part's needles by its own kind's rule — {rules}"
    cm.KINDS[kind_name] = family
    return f


def specs(root: Path, env: dict) -> list[tuple[Spec, object]]:
    mp = "mypy --cache-dir=/dev/null"
    chains = [
        ("chain-ruff-then-mypy-loans", "chain-lint-typecheck", "lint",
         [Part("ruff check --no-cache src/seedbank/loans.py src/seedbank/catalog.py", n_ruff),
          Part(f"{mp} src/seedbank/loans.py src/seedbank/catalog.py", n_mypy, ";")]),
        ("chain-git-status-diff", "chain-git-status-diff", "git",
         [Part("git status", n_status), Part("git diff", n_diff, "&&")]),
        ("chain-make-clean-make-run", "chain-build-run", "build",
         [Part("make -C germ clean", None), Part("make -C germ", n_make, "&&"), Part("./germ/germ", None, "&&")]),
    ]
    S: list[tuple[Spec, object]] = [
        B("pytest-q-echo-exit", exit_line(n_pytest), "pytest -q; echo EXIT=$?"),
        B("pytest-x-tb-short-tail-40", n_pytest, "pytest -x --tb=short 2>&1 | tail -n 40"),
        B("pytest-v-loans-catalog", n_pytest, "pytest -v tests/test_loans.py tests/test_catalog.py"),
        B("pytest-rf-tb-line", n_pytest, "pytest -rf --tb=line -p no:cacheprovider"),
        B("ruff-concise-src-tests", n_ruff, "ruff check --no-cache --output-format=concise src tests"),
        B("ruff-select-all-head-150", n_ruff, "ruff check --no-cache --select ALL src 2>&1 | head -150"),
        B("mypy-src", n_mypy, f"{mp} src"),
        B("mypy-strict-loans-report", n_mypy, f"{mp} --strict --pretty src/seedbank/loans.py src/seedbank/report.py"),
        B("flake8-src-echo-exit", exit_line(n_flake8), "flake8 src; echo EXIT=$?"),
        B("pylint-head-120", n_pylint, "pylint src/seedbank 2>&1 | head -n 120"),
        B("shellcheck-scripts", n_shellcheck, "shellcheck scripts/*.sh"),
        B("gcc-wall-wextra-germ", n_gcc, "gcc -Wall -Wextra -O2 -std=c11 -c germ/stats.c germ/main.c germ/gen/*.c"),
        B("make-germ-tail-60", n_make, "make -C germ -k 2>&1 | tail -n 60"),
        B("traceback-import-catalog", n_chained, "PYTHONPATH=src python3 scripts/import_catalog.py"),
        B("git-log-p-n5-head-250", n_log_p, "git log -p -n 5 | head -250"),
        B("git-blame-loans", n_blame, "git blame src/seedbank/loans.py"),
        B("git-show-head-1", n_show, "git show HEAD~1"),
        B("git-diff-head-4-src", n_diff, "git diff HEAD~4 -- src"),
        B("git-log-stat-n12", n_git_log_stat, "git log --stat -n 12"),
        B("ls-la-fixtures-head-70", n_ls_la, "ls -la tests/fixtures | head -n 70"),
        B("find-printf-sort-head-90", n_find,
          "find . -type f -not -path './.git/*' -printf '%M %u %6s %p\\n' | sort -k4 | head -90"),
        B("du-ah-sort-head-120", n_du, "du -ah . | sort -rh | head -n 120"),
        B("ps-u-python3", n_ps_aux, "ps u -C python3"),
        B("ps-f-python3", n_ps_ef, "ps -f -C python3"),
        B("csv-head-120", n_csv, "head -n 120 data/loans.csv"),
        B("csv-cat-full", n_csv, "cat data/loans.csv"),
        B("sqlite-column-open-loans", n_sqlite_col, "sqlite3 -header -column data/seedbank.db \"SELECT loan_id, member, "
          "variety, packets, out_date, status FROM loans WHERE status != 'returned' ORDER BY out_date\""),
        B("sqlite-column-per-variety-member", n_sqlite_col, "sqlite3 -header -column data/seedbank.db \"SELECT variety, member, "
          "COUNT(*) AS loans, SUM(packets) AS packets, ROUND(AVG(germ_pct), 1) AS germ FROM loans GROUP BY variety, member\""),
        B("curl-json-tool-varieties", n_json_api, f"curl -s http://127.0.0.1:{PORT}/api/varieties | python3 -m json.tool"),
        B("curl-raw-overdue", n_json_api, f"curl -s 'http://127.0.0.1:{PORT}/api/varieties?status=overdue'"),
        B("log-grep-v-debug-tail-200", n_app_log, "grep -v DEBUG logs/service.log | tail -n 200"),
        B("log-grep-n-error-warn", n_app_log, "grep -n -E -C 2 'ERROR|WARNING' logs/service.log"),
        B("log-tail-300", n_app_log, "tail -n 300 logs/service.log"),
    ]
    for item_id, kind_name, family, parts in chains:
        S.append((Spec(item_id, kind_name, family, "bash", {"command": chain_command(parts),
                                                            "description": f"Run {chain_command(parts)[:50]}"}),
                  chain_ext(kind_name, family, parts, root, env)))
    base = "{BASE}"
    O = [
        Spec("oc-grep-def-class-src", "oc-grep", "search", "grep", {"pattern": r"^(def|class) \w+", "path": str(root / "src")}),
        Spec("oc-grep-bug-print-py", "oc-grep", "search", "grep", {"pattern": r"# bug|TODO|FIXME|print\(|except:", "include": "*.py"}),
        Spec("oc-grep-strcpy-sown-c", "oc-grep", "search", "grep", {"pattern": r"strcpy|t->sown", "include": "*.c"}),
        Spec("oc-glob-all-json", "oc-glob", "listing", "glob", {"pattern": "**/*.json"}),
        Spec("oc-glob-py", "oc-glob", "listing", "glob", {"pattern": "**/*.py"}),
        Spec("oc-webfetch-md-storage", "oc-webfetch-markdown", "doc", "webfetch",
             {"url": f"{base}/storage.html", "format": "markdown"}, source="storage.html"),
        Spec("oc-webfetch-md-saving", "oc-webfetch-markdown", "doc", "webfetch",
             {"url": f"{base}/saving.html", "format": "markdown"}, source="saving.html"),
        Spec("oc-webfetch-html-testing", "oc-webfetch-html", "doc", "webfetch",
             {"url": f"{base}/testing.html", "format": "html"}, source="testing.html"),
        Spec("oc-webfetch-html-lending", "oc-webfetch-html", "doc", "webfetch",
             {"url": f"{base}/lending.html", "format": "html"}, source="lending.html"),
    ]
    for spec in O:
        S.append((spec, oc_ext(spec.kind, spec.family, spec)))
    return S


def opencode(tmp: Path) -> None:
    """Write the project as OpenCode's project directory, then one OpenCode run over every tool call."""
    oc_tmp = tmp / "oc"
    root = oc_tmp / "work"  # run_opencode's cwd and PWD: the project directory
    root.mkdir(parents=True)
    write_project(root)
    data_files(root)
    git_history(root)
    (tmp / "api.py").write_text(API)
    cm.start(f"python3 {tmp}/api.py {PORT}", cwd=tmp)
    (root / "scripts" / "labeler.py").write_text(LABELER)
    workers = [cm.start(["python3", "scripts/labeler.py", "--queue", q, "--mb", str(mb)], cwd=root)
               for q, mb in [("labels-a", 4), ("labels-b", 6), ("labels-c", 5), ("returns", 3), ("swap-intake", 48),
                             ("germ-trials", 7), ("reminders", 2), ("backup", 5), ("labels-d", 4), ("audit", 6)]]
    time.sleep(1.0)
    run(f"kill -STOP {workers[7].pid}")  # the backup worker stopped (a rare STAT)
    site = docs_site(tmp)
    oc.DOC_SERVE_DIR = str(site)
    docs = oc.start_doc_server(str(site))
    base = f"http://127.0.0.1:{docs.server_address[1]}"
    env = {"PATH": f"{VENV}/bin:/usr/bin:/bin", **GIT_ENV}
    orig_env = oc.opencode_env

    def with_tools(t: Path, work: Path, stub_url: str) -> dict:  # the round's checkers on OpenCode's PATH
        e = orig_env(t, work, stub_url)
        e["PATH"] = f"{VENV}/bin:" + e["PATH"]
        e["COLUMNS"] = "120"
        return e
    oc.opencode_env = with_tools
    oc.RUN_TIMEOUT = 1200
    time.sleep(1.0)
    chosen = specs(root, env)
    # the chains' parts ran again above: undo what they changed (objects of make) before OpenCode runs them
    run("make -C germ clean >/dev/null 2>&1; rm -f *.o", cwd=root)
    try:
        captured = oc.run_opencode(oc_tmp, [s for s, _ in chosen], base)
    except Exception as e:  # the items are skipped, loudly, if the run fails
        note(f"skip OpenCode items: {type(e).__name__}: {e}")
        return
    finally:
        oc.opencode_env = orig_env
        docs.shutdown()
        docs.server_close()
    exts = {s.id: ext for s, ext in chosen}
    for spec, sent, text, is_error in captured:
        if is_error or text.lstrip().startswith("<error>"):
            note(f"skip {spec.id}: tool error: {text[:200]}")
            continue
        command = dict(sent)
        if "url" in command:  # the port changes per run: the URL's path only
            command["url"] = command["url"].replace(base, "http://127.0.0.1:PORT")
        if "path" in command:
            command["path"] = command["path"].replace(str(root), ".")
        shown = command["command"] if spec.tool == "bash" else json.dumps(command, sort_keys=True)
        add(spec.id, shown, text, exts[spec.id], tool=spec.tool)


STEPS = [opencode]
