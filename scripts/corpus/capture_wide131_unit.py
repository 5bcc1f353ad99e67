"""Round 131, PHPUnit 9.6 (Debian's) over `ledgerd` (capture_wide131_proj.py): testdox runs of about 400 tests, the
default printer's defect report (data-provider failures, errors, risky, incomplete and skipped tests), runs a fatal
error cuts short (an autoloaded class that cannot be instantiated, a fixture function redeclared), `--list-tests`, and
`--coverage-text` through php-pcov. The extractors apply NEEDLES.md's "Round 131" rules. Run through
capture_wide131.py."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from capture_more import any_of, groups, kind
from capture_wide131 import cap, shell_extra
from capture_wide131_proj import write_project

# ------------------------------------------------------------------ extractors (NEEDLES.md, round 131)

SUMMARY = re.compile(r"^(Tests: \d+, Assertions: \d+|OK \(\d+ tests?|OK, but |FAILURES!$|ERRORS!$|No tests executed!)")
PROGRESS = re.compile(r"^[.FEWRSID]+\s*(\d+ / \d+ \(\s*\d+%\))?$")


@kind("phpunit-testdox", "test")
def n_phpunit_testdox(lines):
    """Round 131: every ✘ line with its class header, the first message and first location line of its │ block; ↩/∅ lines one {"any"} per class; the Tests:/OK summary and FAILURES!/ERRORS!; EXIT=N lines."""
    out, pairs, header = [], [], None
    for i, ln in enumerate(lines):
        if ln.strip() and not ln.startswith(" ") and not SUMMARY.match(ln) and not ln.startswith("PHPUnit "):
            header = ln
        s = ln.strip()
        if s.startswith("✘"):
            if header and header not in out:
                out.append(header)
            out.append(ln)
            msg = loc = None
            for k in range(i + 1, len(lines)):
                b = lines[k].strip()
                if not b.startswith("│"):
                    break
                body = b[1:].strip()
                if body and msg is None:
                    msg = lines[k]
                if loc is None and re.match(r"^/\S+\.php:\d+$", body):
                    loc = lines[k]
            out += [x for x in (msg, loc) if x]
        elif s.startswith(("↩", "∅")):
            pairs.append((header, ln))
        elif SUMMARY.match(ln):
            out.append(ln)
    return out + groups(pairs) + shell_extra(lines)


SECTION = re.compile(r"^There (?:were|was) \d+ (?:PHPUnit )?(errors?|failures?|warnings?|risky tests?|incomplete tests?|skipped tests?|deprecations?):$")


@kind("phpunit-defect-report", "test")
def n_phpunit_defect_report(lines):
    """Round 131: every 'There were N …:' section header; each failure/error defect header with its first message line and first /path.php:N line; risky/incomplete/skipped headers one {"any"} per section; the summary lines; PHPUnit's own Deprecation/Warning lines; EXIT=N lines."""
    out, pairs, section = [], [], None
    for i, ln in enumerate(lines):
        m = SECTION.match(ln)
        if m:
            section = m.group(1)
            out.append(ln)
            continue
        if re.match(r"^\d+\) \S", ln) and section:
            if section.startswith(("error", "failure", "warning")):
                out.append(ln)
                msg = next((lines[k] for k in range(i + 1, min(len(lines), i + 40)) if lines[k].strip()), None)
                loc = next((lines[k] for k in range(i + 1, min(len(lines), i + 200))
                            if re.match(r"^/\S+\.php:\d+$", lines[k].strip())), None)
                out += [x for x in (msg, loc) if x]
            else:
                pairs.append((section, ln))
        elif SUMMARY.match(ln) or re.match(r"^PHPUnit .*(Deprecation|Warning)", ln) or re.match(r"^\s*(Warning|Deprecation):", ln):
            out.append(ln)
    return out + groups(pairs) + shell_extra(lines)


@kind("phpunit-fatal-midrun", "test")
def n_phpunit_fatal_midrun(lines):
    """Round 131: every PHP Fatal error / Fatal error line, the thrown in line and first #0 line of an uncaught throwable, the last progress line before the fatal, any summary line; EXIT=N lines."""
    out, first = [], None
    for i, ln in enumerate(lines):
        if re.search(r"(PHP )?Fatal error:", ln):
            out.append(ln)
            if first is None:
                first = i
                f0 = next((lines[k] for k in range(i + 1, min(len(lines), i + 30)) if re.match(r"^(PHP )?\s*#0 ", lines[k].strip())), None)
                if f0:
                    out.append(f0)
        elif re.search(r"^\s*(PHP )?\s*thrown in .* on line \d+", ln):
            out.append(ln)
        elif SUMMARY.match(ln):
            out.append(ln)
    if first is not None:
        prog = [ln for ln in lines[:first] if PROGRESS.match(ln.strip()) and ln.strip()]
        if prog:
            out.append(prog[-1])
    return out + shell_extra(lines)


@kind("phpunit-list-tests", "test")
def n_phpunit_list_tests(lines):
    """Round 131: the 'Available test(s):' header, the first and last listed test of every class, lines naming a data set one {"any"} per class; EXIT=N lines."""
    out, by_class, pairs = [], {}, []
    for ln in lines:
        if ln.startswith("Available test"):
            out.append(ln)
        m = re.match(r"^\s*- ([\w\\]+)::", ln)
        if m:
            by_class.setdefault(m.group(1), []).append(ln)
            if "with data set" in ln:
                pairs.append((m.group(1), ln))
    for rows in by_class.values():
        out += list(dict.fromkeys([rows[0], rows[-1]]))
    return out + groups(pairs) + shell_extra(lines)


@kind("phpunit-coverage-text", "test")
def n_phpunit_coverage_text(lines):
    """Round 131: the Code Coverage Report header and Summary's Classes/Methods/Lines lines; the class and counts lines of the lowest- and highest-covered classes (ties {"any"}) and of every class below 50% lines; the test summary line; EXIT=N lines."""
    out, rows = [], []
    in_summary = False
    for i, ln in enumerate(lines):
        s = ln.strip()
        if s.startswith("Code Coverage Report"):
            out.append(ln)
        elif s == "Summary:":
            in_summary = True
        elif in_summary and re.match(r"^(Classes|Methods|Lines):", s):
            out.append(ln)
            if s.startswith("Lines"):
                in_summary = False
        elif SUMMARY.match(ln) and not ln.startswith(("FAILURES", "ERRORS")):
            out.append(ln)
        if i + 1 < len(lines) and s and not ln.startswith(" ") and re.match(r"^\s+Methods:.*Lines:\s+([\d.]+)%", lines[i + 1]):
            rows.append((float(re.search(r"Lines:\s+([\d.]+)%", lines[i + 1]).group(1)), ln, lines[i + 1]))
    if rows:
        for v in (min(r[0] for r in rows), max(r[0] for r in rows)):
            tied = [r for r in rows if r[0] == v]
            out += [any_of([r[1] for r in tied]), any_of([r[2] for r in tied])]
        for v, cls, counts in rows:
            if v < 50:
                out += [cls, counts]
    return out + shell_extra(lines)


# ------------------------------------------------------------------ steps

LEGACY_RULE = r"""<?php
declare(strict_types=1);

namespace Ledgerd\Rules;

interface PostingRule
{
    public function applies(string $account): bool;
    public function vat(int $net): int;
}

final class LegacyRule implements PostingRule
{
    public function applies(string $account): bool
    {
        return $account === 'expenses:legacy';
    }
}
"""

LEGACY_TEST = r"""<?php
declare(strict_types=1);

use PHPUnit\Framework\TestCase;

final class LegacyRuleTest extends TestCase
{
    public function testLegacyAccountsStillPost(): void
    {
        $this->assertTrue((new \Ledgerd\Rules\LegacyRule())->applies('expenses:legacy'));
    }
}
"""

FIXTURE = r"""<?php
function journal_fixture(): array
{
    return [['2024-01-31', 'rent', ['expenses:rent' => 850.0, 'assets:bank' => -850.0]]];
}
"""

FIXTURE_TEST = r"""<?php
declare(strict_types=1);

use Ledgerd\Ledger;
use PHPUnit\Framework\TestCase;

final class JournalFixtureTest extends TestCase
{
    public function testFixturePosts(): void
    {
        include __DIR__ . '/fixtures/journal.php';
        $ledger = new Ledger();
        foreach (journal_fixture() as [$d, $m, $l]) {
            $ledger->post($d, $m, $l);
        }
        $this->assertSame(85000, $ledger->balance('expenses:rent'));
    }

    public function testFixtureReloads(): void
    {
        include __DIR__ . '/fixtures/journal.php';
        $this->assertCount(1, journal_fixture());
    }
}
"""


def project(tmp: Path, name: str, **kw) -> Path:
    root = tmp / name
    if root.exists():
        shutil.rmtree(root)
    write_project(root, **kw)
    return root


def testdox(tmp: Path) -> None:
    a = project(tmp, "ledgerd", seed=131, buggy=0, fail_split=3)
    cap("phpunit-testdox", "phpunit --testdox", a, n_phpunit_testdox)
    cap("phpunit-testdox-tail-80", "phpunit --testdox | tail -n 80", a, n_phpunit_testdox)
    b = project(tmp, "ledgerd-b", seed=4242, buggy=2, fail_split=1)
    cap("phpunit-testdox-exit", "phpunit --testdox 2>&1; echo EXIT=$?", b, n_phpunit_testdox)
    cap("phpunit-testdox-rules-head-100", "phpunit --testdox tests/Rules 2>&1 | head -n 100", b, n_phpunit_testdox)


def defects(tmp: Path) -> None:
    a = project(tmp, "ledgerd", seed=131, buggy=0, fail_split=3)
    cap("phpunit-defects", "phpunit", a, n_phpunit_defect_report)
    cap("phpunit-defects-verbose", "phpunit --verbose; echo EXIT=$?", a, n_phpunit_defect_report)
    b = project(tmp, "ledgerd-b", seed=4242, buggy=2, fail_split=1)
    cap("phpunit-defects-tail-60", "phpunit 2>&1 | tail -n 60", b, n_phpunit_defect_report)
    cap("phpunit-defects-money-ledger", "phpunit tests/MoneyTest.php && phpunit tests/LedgerTest.php; echo EXIT=$?",
        b, n_phpunit_defect_report)
    cap("phpunit-defects-filter-parse", "phpunit --filter 'testParse|Vat' 2>&1", b, n_phpunit_defect_report)


def fatal(tmp: Path) -> None:
    a = project(tmp, "ledgerd-fatal", seed=77, buggy=1, fail_split=1)
    (a / "src" / "Rules" / "LegacyRule.php").write_text(LEGACY_RULE)
    (a / "tests" / "Rules" / "LegacyRuleTest.php").write_text(LEGACY_TEST)
    cap("phpunit-fatal-abstract", "phpunit; echo EXIT=$?", a, n_phpunit_fatal_midrun)
    cap("phpunit-fatal-abstract-testdox", "phpunit --testdox 2>&1 | tail -n 40", a, n_phpunit_fatal_midrun)
    b = project(tmp, "ledgerd-redeclare", seed=78, buggy=0, fail_split=1)
    (b / "tests" / "fixtures").mkdir(exist_ok=True)
    (b / "tests" / "fixtures" / "journal.php").write_text(FIXTURE)
    (b / "tests" / "JournalFixtureTest.php").write_text(FIXTURE_TEST)
    cap("phpunit-fatal-redeclare-testdox", "phpunit --testdox; echo EXIT=$?", b, n_phpunit_fatal_midrun)


def listing(tmp: Path) -> None:
    a = project(tmp, "ledgerd", seed=131, buggy=0, fail_split=3)
    cap("phpunit-list-tests", "phpunit --list-tests", a, n_phpunit_list_tests)
    cap("phpunit-list-tests-head-120", "phpunit --list-tests | head -n 120", a, n_phpunit_list_tests)


def coverage(tmp: Path) -> None:
    a = project(tmp, "ledgerd", seed=131, buggy=0, fail_split=3)
    cap("phpunit-coverage-text", "phpunit --coverage-text", a, n_phpunit_coverage_text)
    cap("phpunit-coverage-text-tail-100", "phpunit --coverage-text 2>&1 | tail -n 100", a, n_phpunit_coverage_text)
    b = project(tmp, "ledgerd-b", seed=4242, buggy=2, fail_split=1)
    cap("phpunit-coverage-text-money", "phpunit --coverage-text tests/MoneyTest.php; echo EXIT=$?", b,
        n_phpunit_coverage_text)


STEPS = [testdox, defects, fatal, listing, coverage]
