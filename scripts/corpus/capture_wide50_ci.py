"""Round 50: second samples of round 47's kinds. `seedvault`, a community seed-library's lending ledger written here
with bugs put in (its per-crop catalogue modules widened by a seeded generator) and its maintenance shell scripts,
through bandit's csv / sarif / xml, pylint's colorized format, ruff's rdjson / junit, shellcheck -f diff, pytest under
pytest-github-actions-annotate-failures, pytest-json-report and teamcity-messages, and unittest-xml-reporting. Every
extractor is round 47's, imported (NEEDLES.md "Round 50": no new rules). Run through capture_wide50.py."""

from __future__ import annotations

import random
from pathlib import Path

from capture_more import write_tree
from capture_wide47_ci import (n_bandit_csv, n_bandit_sarif, n_bandit_xml, n_pylint_colorized, n_pytest_gha,
                               n_pytest_json_report, n_pytest_teamcity, n_ruff_junit, n_ruff_rdjson,
                               n_shellcheck_diff, n_xmlrunner)
from capture_wide47 import VENV
from capture_wide50 import cap

PYPROJECT = """[project]
name = "seedvault"
version = "2.4.0"
requires-python = ">=3.10"

[tool.ruff]
line-length = 96

[tool.ruff.lint]
select = ["E", "F", "W", "B", "S", "SIM", "PLR", "PLW", "RUF", "UP", "C4", "ARG"]
"""

LEDGER = '''"""Lending ledger: members borrow seed packets and return seed saved from their harvest."""
from __future__ import annotations

import hashlib
import pickle
import random
import sqlite3
import subprocess
from dataclasses import dataclass, field
from datetime import date, timedelta

import yaml

LOAN_DAYS = 240
GERMINATION_FLOOR = 0.65
DB_PASSWORD = "vault-keeper-99"


@dataclass
class Packet:
    crop: str
    variety: str
    grams: float
    germination: float
    harvested: int
    tags: list = field(default_factory=list)


@dataclass
class Loan:
    member: str
    packet: Packet
    out: date
    returned_grams: float = 0.0


def packet_id(p: Packet) -> str:
    return hashlib.md5(f"{p.crop}/{p.variety}/{p.harvested}".encode()).hexdigest()[:10]


def due(loan: Loan) -> date:
    return loan.out + timedelta(days=LOAN_DAYS)


def overdue(loans: list[Loan], today: date) -> list[Loan]:
    return [ln for ln in loans if due(ln) < today and ln.returned_grams == 0]


def viable(p: Packet, this_year: int) -> bool:
    # seed loses ~8% germination a year after the test
    decayed = p.germination - 0.08 * (this_year - p.harvested)
    return decayed > GERMINATION_FLOOR


def split_packet(p: Packet, parts: int) -> list[Packet]:
    share = round(p.grams / parts, 1)
    return [Packet(p.crop, p.variety, share, p.germination, p.harvested, p.tags) for _ in range(parts)]


def return_ratio(loan: Loan) -> float:
    return loan.returned_grams / loan.packet.grams


def member_code(name: str) -> str:
    first, last = name.split(" ")
    return (first[0] + last[:3]).upper()


def load_catalogue(path: str) -> dict:
    with open(path) as fh:
        return yaml.load(fh)


def restore_snapshot(blob: bytes) -> list:
    return pickle.loads(blob)


def find_member(db: sqlite3.Connection, name: str):
    return db.execute("SELECT * FROM members WHERE name = '%s'" % name).fetchone()


def print_label(p: Packet, printer: str) -> int:
    return subprocess.call(f"lp -d {printer} label-{packet_id(p)}.pdf", shell=True)


def lottery(members: list[str]) -> str:
    return random.choice(members)


def season_filter(expr: str, p: Packet) -> bool:
    return eval(expr, {"p": p})
'''


def crop_module(i: int) -> str:
    """A generated per-crop catalogue module with the usual smells, seeded."""
    rnd = random.Random(5000 + i)
    crop = ["tomato", "bean", "squash", "pepper", "lettuce", "pea", "kale", "corn"][i % 8]
    body = [f'"""Catalogue helpers for {crop} varieties."""', "import os, sys", "import json",
            "import subprocess", "from os.path import *", ""]
    for j in range(rnd.randint(4, 8)):
        verb = rnd.choice(["sort", "merge", "grade", "tag", "count", "export", "audit"])
        body += [f"def {verb}_{crop}_{j}(rows, opts = {{}}, *extra):",
                 f"    if rows == None or len(rows) == 0: return {rnd.randint(0, 5)}",
                 f"    kept = [r for r in rows if r['grams']>{rnd.randint(1, 40)}]",
                 "    try:", "        cfg = json.loads(opts)", "    except:", "        pass"]
        r = rnd.random()
        if r < 0.3:
            body.append(f"    os.system('tar czf /tmp/{crop}_{j}.tgz ' + str(rows))")
        elif r < 0.5:
            body.append(f"    subprocess.Popen('wc -l ' + opts, shell=True)")
        if rnd.random() < 0.3:
            body.append(f"    token = 'seed-{crop}-{j}-secret'")
        if rnd.random() < 0.3:
            body.append(f"    missing_{crop}_{j}.append(kept)")
        if rnd.random() < 0.25:
            body.append("    assert kept, 'no rows kept'")
        body += [f"    print('%s: %d kept' % ('{crop}', len(kept)))", ""]
    return "\n".join(body) + "\n"


def test_file(seed: int) -> str:
    rnd = random.Random(seed)
    rows = []
    for k in range(16):
        g = round(rnd.uniform(0.70, 0.98), 2)
        year = rnd.randint(2019, 2025)
        rows.append(f'    ("v{k:02d}", {g}, {year}, {g - 0.08 * (2026 - year) > 0.65}),')
    return '''import pytest
from datetime import date
from seedvault.ledger import (Loan, Packet, due, member_code, overdue, packet_id, return_ratio, split_packet,
                              viable)

VIABILITY = [
''' + "\n".join(rows) + '''
    ("edge", 0.73, 2025, True),
    ("old", 0.95, 2020, False),
]


@pytest.mark.parametrize("variety,germ,year,expected", VIABILITY)
def test_viable(variety, germ, year, expected):
    assert viable(Packet("tomato", variety, 10.0, germ, year), 2026) is expected


def test_split_keeps_weight():
    parts = split_packet(Packet("bean", "Cherokee Trail", 10.0, 0.9, 2024), 3)
    assert sum(p.grams for p in parts) == 10.0


def test_split_tags_independent():
    parts = split_packet(Packet("bean", "Jacob's Cattle", 9.0, 0.9, 2024, ["heirloom"]), 2)
    parts[0].tags.append("organic")
    assert parts[1].tags == ["heirloom"]


def test_due_date():
    loan = Loan("Ada Lovelace", Packet("pea", "Alaska", 5.0, 0.9, 2025), date(2026, 3, 1))
    assert due(loan) == date(2026, 10, 27)


def test_overdue_partial_return():
    loan = Loan("Ada Lovelace", Packet("pea", "Alaska", 5.0, 0.9, 2025), date(2025, 1, 1), returned_grams=1.0)
    assert overdue([loan], date(2026, 3, 1)) == [loan]


def test_return_ratio_empty_packet():
    loan = Loan("Ada Lovelace", Packet("kale", "Red Russian", 0.0, 0.9, 2025), date(2026, 3, 1))
    assert return_ratio(loan) == 0.0


def test_member_code_two_names():
    assert member_code("Grace Hopper") == "GHOP"


def test_member_code_three_names():
    assert member_code("Mary Ann Evans") == "MEVA"


def test_packet_id_stable():
    p = Packet("corn", "Glass Gem", 20.0, 0.8, 2023)
    assert packet_id(p) == packet_id(Packet("corn", "Glass Gem", 21.0, 0.8, 2023))
'''


UNITTESTS = '''import unittest
from datetime import date

from seedvault.ledger import Loan, Packet, due, member_code, overdue, return_ratio, split_packet, viable


class PacketTests(unittest.TestCase):
    def test_split_count(self):
        self.assertEqual(len(split_packet(Packet("squash", "Waltham", 12.0, 0.9, 2024), 4)), 4)

    def test_split_rounding(self):
        parts = split_packet(Packet("squash", "Waltham", 10.0, 0.9, 2024), 3)
        self.assertAlmostEqual(sum(p.grams for p in parts), 10.0, places=2)

    def test_viable_fresh(self):
        self.assertTrue(viable(Packet("kale", "Lacinato", 3.0, 0.9, 2026), 2026))

    def test_viable_old(self):
        self.assertFalse(viable(Packet("kale", "Lacinato", 3.0, 0.9, 2021), 2026))


class LoanTests(unittest.TestCase):
    def setUp(self):
        self.loan = Loan("Rosalind Franklin", Packet("lettuce", "Forellenschluss", 2.0, 0.85, 2025),
                         date(2025, 4, 1))

    def test_due(self):
        self.assertEqual(due(self.loan), date(2025, 11, 27))

    def test_overdue(self):
        self.assertEqual(overdue([self.loan], date(2026, 1, 1)), [self.loan])

    def test_ratio(self):
        self.loan.returned_grams = 3.0
        self.assertEqual(return_ratio(self.loan), 1.5)

    def test_zero_packet(self):
        self.loan.packet.grams = 0
        self.assertEqual(return_ratio(self.loan), 0)


class MemberTests(unittest.TestCase):
    def test_code(self):
        self.assertEqual(member_code("Barbara McClintock"), "BMCC")

    def test_code_single_name(self):
        self.assertEqual(member_code("Plato"), "PLAT")

    def test_code_hyphen(self):
        self.assertEqual(member_code("Jean-Luc Picard"), "JLPIC")


if __name__ == "__main__":
    unittest.main()
'''


SCRIPTS = {
    "ops/backup.sh": """#!/bin/bash
# nightly dump of the ledger database
DB=$1
OUT=/srv/backups/seedvault-`date +%F`.sql
sqlite3 $DB .dump > $OUT
if [ $? -ne 0 ]; then
  echo "backup of $DB failed"
fi
cd /srv/backups
ls -t | tail -n +15 | xargs rm
echo done: $(du -sh $OUT | cut -f1)
""",
    "ops/labels.sh": """#!/bin/sh
PRINTER=${PRINTER:-zebra}
for f in $(ls labels/*.pdf); do
  lp -d $PRINTER $f
done
count=`ls labels | wc -l`
if [ $count == 0 ]; then echo "nothing to print"; fi
echo -e "printed\\t$count"
""",
    "ops/reminders.sh": """#!/bin/bash
while read line; do
  member=$(echo $line | cut -d, -f1)
  mail=$(echo $line | cut -d, -f2)
  echo "Your seed loan is due" | mail -s "seedvault reminder" $mail
done < $1
[ -z $2 ] && echo "no cc"
""",
}


def gen_script(i: int, rnd: random.Random) -> str:
    out = ["#!/bin/bash", f"# sync crop shelf {i} with the regional seed swap"]
    for j in range(rnd.randint(4, 9)):
        shelf = rnd.choice(["A", "B", "C", "D"]) + str(rnd.randint(1, 30))
        out += [f"SHELF_{j}={shelf}", f"for p in `ls /vault/$SHELF_{j}/*.csv`; do",
                f"  scp $p swap@seeds.example.net:/incoming/$SHELF_{j}", "done"]
        if rnd.random() < 0.5:
            out.append(f"cd /vault/$SHELF_{j}")
        if rnd.random() < 0.4:
            out.append(f"echo synced $SHELF_{j} at `date`")
    return "\n".join(out) + "\n"


def seedvault(tmp: Path) -> Path:
    root = tmp / "seedvault"
    files = {"pyproject.toml": PYPROJECT, "src/seedvault/__init__.py": '__version__ = "2.4.0"\n',
             "src/seedvault/ledger.py": LEDGER, "src/seedvault/crops/__init__.py": "",
             "tests/test_ledger.py": test_file(50), "utests/__init__.py": "", "utests/test_loans.py": UNITTESTS}
    for i in range(10):
        files[f"src/seedvault/crops/crop_{i}.py"] = crop_module(i)
    rnd = random.Random(5050)
    for i in range(9):
        files[f"ops/shelf_{i}.sh"] = gen_script(i, rnd)
    files.update(SCRIPTS)
    write_tree(root, files)
    return root


def bandit_formats(tmp: Path) -> None:
    root = seedvault(tmp)
    cap("bandit-csv", "bandit -q -r -f csv src", root, n_bandit_csv)
    cap("bandit-csv-ledger", "bandit -q -f csv src/seedvault/ledger.py src/seedvault/crops/crop_1.py", root,
        n_bandit_csv)
    cap("bandit-csv-medium", "bandit -q -r -f csv --severity-level medium src/seedvault", root, n_bandit_csv)
    cap("bandit-sarif", "bandit -q -f sarif src/seedvault/ledger.py src/seedvault/crops/crop_2.py", root,
        n_bandit_sarif)
    cap("bandit-sarif-crops", "bandit -q -f sarif src/seedvault/crops/crop_6.py src/seedvault/crops/crop_7.py", root, n_bandit_sarif)
    cap("bandit-sarif-file", "bandit -q -r -f sarif -o bandit.sarif src/seedvault/ledger.py "
        "src/seedvault/crops/crop_3.py src/seedvault/crops/crop_4.py; cat bandit.sarif", root, n_bandit_sarif)
    cap("bandit-xml", "bandit -q -f xml src/seedvault/crops/crop_[0-4].py", root, n_bandit_xml)
    cap("bandit-xml-file", "bandit -q -f xml -o report.xml src/seedvault/ledger.py src/seedvault/crops/crop_5.py; "
        "cat report.xml", root, n_bandit_xml)


def lint_formats(tmp: Path) -> None:
    root = tmp / "seedvault"
    env = {"PYTHONPATH": str(root / "src"), "NO_COLOR": None, "TERM": "xterm-256color"}
    cap("pylint-colorized", "pylint --output-format=colorized src/seedvault/ledger.py src/seedvault/crops/crop_0.py "
        "src/seedvault/crops/crop_1.py", root, n_pylint_colorized, env=env)
    cap("pylint-colorized-crops", "pylint --output-format=colorized src/seedvault/crops/crop_[2-4].py", root, n_pylint_colorized,
        env=env)
    cap("pylint-colorized-disable", "pylint --output-format=colorized --disable=C src/seedvault/ledger.py "
        "src/seedvault/crops/crop_5.py src/seedvault/crops/crop_6.py", root,
        n_pylint_colorized, env=env)
    cap("ruff-rdjson", "ruff check --no-cache --output-format=rdjson src/seedvault/ledger.py", root, n_ruff_rdjson)
    cap("ruff-rdjson-crops", "ruff check --no-cache --output-format=rdjson --select S,E,F "
        "src/seedvault/crops/crop_7.py src/seedvault/crops/crop_8.py", root, n_ruff_rdjson)
    cap("ruff-rdjson-tests", "ruff check --no-cache --output-format=rdjson tests", root, n_ruff_rdjson)
    cap("ruff-junit", "ruff check --no-cache --output-format=junit src/seedvault/ledger.py "
        "src/seedvault/crops/crop_2.py", root, n_ruff_junit)
    cap("ruff-junit-file", "ruff check --no-cache --output-format=junit --select S,B,F -o ruff.xml src/seedvault/crops/crop_[0-2].py; "
        "cat ruff.xml", root, n_ruff_junit)


def shellcheck_diffs(tmp: Path) -> None:
    root = tmp / "seedvault"
    cap("shellcheck-diff", "shellcheck -f diff ops/backup.sh ops/labels.sh ops/reminders.sh", root,
        n_shellcheck_diff)
    cap("shellcheck-diff-all", "shellcheck -f diff ops/*.sh", root, n_shellcheck_diff)
    cap("shellcheck-diff-head-80", "shellcheck -f diff ops/*.sh | head -n 80", root, n_shellcheck_diff)
    cap("shellcheck-diff-shelves-head-80", "shellcheck -f diff ops/shelf_*.sh | head -n 80", root,
        n_shellcheck_diff)


def pytest_ci(tmp: Path) -> None:
    root = tmp / "seedvault"
    env = {"PYTHONPATH": str(root / "src"), "GITHUB_ACTIONS": None}
    gha = {**env, "GITHUB_ACTIONS": "true", "GITHUB_WORKSPACE": str(root)}
    cap("pytest-gha-annotate", "pytest -p no:cacheprovider tests", root, n_pytest_gha, env=gha)
    cap("pytest-gha-annotate-tb-line", "pytest -p no:cacheprovider --tb=line -rf tests", root, n_pytest_gha,
        env=gha)
    cap("pytest-gha-annotate-tail-60", "pytest -p no:cacheprovider tests 2>&1 | tail -n 60", root, n_pytest_gha,
        env=gha)
    cap("pytest-gha-annotate-k-tail-60", "pytest -p no:cacheprovider -k 'member or split or overdue' -rf tests "
        "2>&1 | tail -n 60", root, n_pytest_gha, env=gha)
    base = "pytest -q -p no:cacheprovider -p no:github-actions-annotate-failures"
    cap("pytest-json-report-cat", f"{base} --json-report --json-report-indent=2 tests >/dev/null; cat .report.json",
        root, n_pytest_json_report, env=env)
    cap("pytest-json-report-k", f"{base} -k 'member or ratio or split' --json-report --json-report-indent=2 "
        "--json-report-file=report.json tests >/dev/null; cat report.json", root, n_pytest_json_report, env=env)
    cap("pytest-json-report-omit", f"{base} --json-report --json-report-indent=2 --json-report-omit collectors log "
        "--json-report-file=r.json tests >/dev/null 2>&1; cat r.json", root, n_pytest_json_report, env=env)
    cap("pytest-teamcity", "pytest --teamcity -p no:cacheprovider -p no:github-actions-annotate-failures tests",
        root, n_pytest_teamcity, env=env)
    cap("pytest-teamcity-env-exit", f"{base} tests; echo EXIT=$?", root, n_pytest_teamcity,
        env={**env, "TEAMCITY_VERSION": "2025.11"})


def unit_ci(tmp: Path) -> None:
    root = tmp / "seedvault"
    env = {"PYTHONPATH": str(root / "src")}
    py = VENV / "bin" / "python"
    cap("xmlrunner-discover-exit", f"{py} -m xmlrunner discover -s utests -t . -o reports >/dev/null 2>&1; "
        "echo EXIT=$?; cat reports/TEST-*.xml", root, n_xmlrunner, env=env,
        typed="python -m xmlrunner discover -s utests -t . -o reports >/dev/null 2>&1; echo EXIT=$?; "
        "cat reports/TEST-*.xml")
    cap("xmlrunner-output-file-exit", f"{py} -m xmlrunner --output-file loans.xml utests.test_loans >/dev/null "
        "2>&1; echo EXIT=$?; cat loans.xml", root, n_xmlrunner, env=env,
        typed="python -m xmlrunner --output-file loans.xml utests.test_loans >/dev/null 2>&1; echo EXIT=$?; "
        "cat loans.xml")
    cap("xmlrunner-class-exit", f"{py} -m xmlrunner --output-file member.xml "
        "utests.test_loans.MemberTests utests.test_loans.LoanTests 2>&1; echo EXIT=$?; cat member.xml", root,
        n_xmlrunner, env=env,
        typed="python -m xmlrunner --output-file member.xml utests.test_loans.MemberTests "
        "utests.test_loans.LoanTests 2>&1; echo EXIT=$?; cat member.xml")


STEPS = [bandit_formats, lint_formats, shellcheck_diffs, pytest_ci, unit_ci]
