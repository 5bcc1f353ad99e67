"""The small repositories and the scripted coding sessions of scripts/bench_session.py.

Each session is a real working tree (files, a git history with fixed dates) plus the list of tool
calls the stub "model" makes, in OpenCode 1.18.33's tool names and arguments. Every session has a
real bug the tools expose (a failing test, a crash), an edit that fixes it, a re-run, a lint run and
a git diff. The steps do not depend on what the tools return, so the run with compression and the run
without make the same calls in the same order.
"""

from __future__ import annotations

import os
import random
import subprocess
import textwrap
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from headroom_mitm.stub import Script, TextStep, ToolCallStep


@dataclass(frozen=True)
class Session:
    name: str
    prompt: str
    files: Callable[[], dict[str, str]]
    steps: Callable[[Path], tuple]  # work dir → steps


def _d(text: str) -> str:
    return textwrap.dedent(text).lstrip("\n")


def _c(text: str) -> str:
    """A continuation: dedented, only the newline right after the opening quotes removed."""
    return textwrap.dedent(text)[1:]


def bash(command: str, description: str) -> ToolCallStep:
    return ToolCallStep("bash", {"command": command, "description": description})


def read(work: Path, rel: str) -> ToolCallStep:
    return ToolCallStep("read", {"filePath": str(work / rel)})


def edit(work: Path, rel: str, old: str, new: str) -> ToolCallStep:
    return ToolCallStep("edit", {"filePath": str(work / rel), "oldString": old, "newString": new})


GIT_ENV = {
    "GIT_AUTHOR_NAME": "Dana Reyes", "GIT_AUTHOR_EMAIL": "dana@example.com",
    "GIT_COMMITTER_NAME": "Dana Reyes", "GIT_COMMITTER_EMAIL": "dana@example.com",
}


def create_repo(work: Path, files: dict[str, str]) -> None:
    """Writes the files and commits them in a few commits with fixed dates (same hashes every run)."""
    work.mkdir(parents=True, exist_ok=True)
    env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": str(work.parent), **GIT_ENV,
           "GIT_CONFIG_NOSYSTEM": "1"}

    def git(*args: str, date: str | None = None) -> None:
        extra = {"GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date} if date else {}
        subprocess.run(["git", *args], cwd=work, env={**env, **extra}, check=True, capture_output=True, timeout=30)

    git("init", "-q", "-b", "main")
    names = sorted(files)
    groups = [names[: len(names) // 2], names[len(names) // 2 :]]
    messages = ["Initial import", "Add tests and tooling"]
    for day, (group, message) in enumerate(zip(groups, messages), 1):
        for rel in group:
            path = work / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(files[rel])
        git("add", "-A")
        git("commit", "-q", "-m", message, date=f"2025-03-0{day}T10:00:00+00:00")


# ==============================================================================================
# 1. ledger: a Python package with a rounding bug, pytest, a project lint script
# ==============================================================================================

LEDGER_MONEY_BUG = "    return int(value * 100)\n"
LEDGER_MONEY_FIX = "    return int((value * 100).quantize(Decimal(\"1\"), rounding=ROUND_HALF_UP))\n"


def ledger_files() -> dict[str, str]:
    rates = "\n".join(
        f'    "{code}": {{"rate": Decimal("{1 + i / 37:.6f}"), "symbol": "{code[0]}", "name": "Currency {code} used for the ledger import fixtures"}},'
        for i, code in enumerate(["EUR", "USD", "GBP", "CHF", "JPY", "SEK", "NOK", "DKK", "PLN", "CZK", "HUF", "AUD",
                                  "CAD", "NZD", "SGD", "HKD", "CNY", "INR", "BRL", "MXN", "ZAR", "TRY", "ILS", "KRW"])
    )
    return {
        "README.md": _d("""
            # ledger

            A tiny double-entry ledger: amounts are integer cents, imports come from CSV exports,
            reports are plain text.

            Run the tests with `python -m pytest`, the linter with `python tools/lint.py ledger tests`.
            """),
        "pyproject.toml": _d("""
            [project]
            name = "ledger"
            version = "0.3.1"
            requires-python = ">=3.10"

            [tool.pytest.ini_options]
            testpaths = ["tests"]
            """),
        "ledger/__init__.py": '"""A tiny double-entry ledger."""\n\n__version__ = "0.3.1"\n',
        "ledger/money.py": _d('''
            """Money amounts as integer cents."""

            from __future__ import annotations

            from decimal import ROUND_HALF_UP, Decimal


            def to_cents(amount: str | int | Decimal) -> int:
                """Converts an amount in units ("12.34") to cents, rounding half cents up."""
                value = Decimal(str(amount))
            ''') + LEDGER_MONEY_BUG + _c('''


            def format_cents(cents: int, symbol: str = "$") -> str:
                sign = "-" if cents < 0 else ""
                cents = abs(cents)
                return f"{sign}{symbol}{cents // 100:,}.{cents % 100:02d}"


            def split(cents: int, parts: int) -> list[int]:
                """Splits cents into `parts` shares that differ by at most one cent and sum to the whole."""
                if parts <= 0:
                    raise ValueError("parts must be positive")
                base, extra = divmod(cents, parts)
                return [base + (1 if i < extra else 0) for i in range(parts)]


            def apply_rate(cents: int, rate: Decimal) -> int:
                return int((Decimal(cents) * rate).quantize(Decimal("1"), rounding=ROUND_HALF_UP))
            '''),
        "ledger/parser.py": _d('''
            """Reads bank CSV exports into entries."""

            from __future__ import annotations

            import csv
            from dataclasses import dataclass
            from io import StringIO

            from ledger.money import to_cents


            @dataclass(frozen=True)
            class Entry:
                date: str
                account: str
                cents: int
                memo: str = ""


            def parse_csv(text: str) -> list[Entry]:
                rows = csv.DictReader(StringIO(text))
                entries = []
                for row in rows:
                    entries.append(Entry(row["date"], row["account"], to_cents(row["amount"]), row.get("memo", "")))
                return entries
            '''),
        "ledger/report.py": _d('''
            """Plain-text balance reports."""

            from __future__ import annotations

            import os
            from collections import defaultdict

            from ledger.money import format_cents
            from ledger.parser import Entry


            def balances(entries: list[Entry]) -> dict[str, int]:
                totals: dict[str, int] = defaultdict(int)
                for entry in entries:
                    totals[entry.account] += entry.cents
                return dict(totals)


            def render(entries: list[Entry]) -> str:
                lines = [f"{account:<30} {format_cents(cents):>14}" for account, cents in sorted(balances(entries).items())]
                return "\\n".join(lines)
            '''),
        "ledger/rates.py": '"""Exchange-rate fixtures for imports."""\n\nfrom decimal import Decimal\n\nRATES = {\n' + rates + "\n}\n",
        "tests/test_money.py": _d('''
            from decimal import Decimal

            import pytest

            from ledger.money import apply_rate, format_cents, split, to_cents

            WHOLE = [(f"{units}.{cents:02d}", units * 100 + cents) for units in (0, 1, 7, 42, 999) for cents in (0, 1, 10, 49, 50, 99)]
            HALF = [("0.005", 1), ("10.005", 1001), ("2.675", 268), ("1.115", 112)]


            @pytest.mark.parametrize("amount,cents", WHOLE)
            def test_to_cents_whole(amount, cents):
                assert to_cents(amount) == cents


            @pytest.mark.parametrize("amount,cents", HALF)
            def test_to_cents_rounds_half_up(amount, cents):
                assert to_cents(amount) == cents


            @pytest.mark.parametrize("cents,parts", [(c, p) for c in (0, 1, 100, 1001, 99999) for p in (1, 2, 3, 7)])
            def test_split_sums_to_whole(cents, parts):
                shares = split(cents, parts)
                assert sum(shares) == cents and max(shares) - min(shares) <= 1


            @pytest.mark.parametrize("cents,text", [(0, "$0.00"), (5, "$0.05"), (123456, "$1,234.56"), (-250, "-$2.50")])
            def test_format(cents, text):
                assert format_cents(cents) == text


            @pytest.mark.parametrize("rate", ["0.5", "1.0", "1.1", "2.25"])
            def test_apply_rate(rate):
                assert apply_rate(1000, Decimal(rate)) == int(Decimal(rate) * 1000)
            '''),
        "tests/test_parser.py": _d('''
            import pytest

            from ledger.parser import parse_csv

            CSV = "date,account,amount,memo\\n" + "".join(f"2025-01-{d:02d},acct{d % 4},{d}.{d:02d},row {d}\\n" for d in range(1, 29))


            def test_parses_every_row():
                assert len(parse_csv(CSV)) == 28


            @pytest.mark.parametrize("day", range(1, 29))
            def test_amounts(day):
                entry = parse_csv(CSV)[day - 1]
                assert entry.cents == day * 100 + day
            '''),
        "tests/test_report.py": _d('''
            from ledger.parser import Entry
            from ledger.report import balances, render


            def test_balances():
                entries = [Entry("2025-01-01", "cash", 100), Entry("2025-01-02", "cash", -40), Entry("2025-01-02", "bank", 5)]
                assert balances(entries) == {"cash": 60, "bank": 5}


            def test_render_sorted():
                text = render([Entry("d", "b", 1), Entry("d", "a", 2)])
                assert text.splitlines()[0].startswith("a ")
            '''),
        "tools/lint.py": _d('''
            """The project's lint: line length, trailing whitespace, unused imports. Exit 1 on findings."""

            import ast
            import sys
            from pathlib import Path

            MAX = 100


            def check(path: Path) -> list[str]:
                text = path.read_text()
                found = []
                for n, line in enumerate(text.splitlines(), 1):
                    if len(line) > MAX:
                        found.append(f"{path}:{n}:{MAX + 1}: E501 line too long ({len(line)} > {MAX} characters)")
                    if line != line.rstrip():
                        found.append(f"{path}:{n}:{len(line.rstrip()) + 1}: W291 trailing whitespace")
                tree = ast.parse(text)
                used = {node.id for node in ast.walk(tree) if isinstance(node, ast.Name)}
                used |= {node.value.id for node in ast.walk(tree) if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name)}
                for node in tree.body:
                    if isinstance(node, (ast.Import, ast.ImportFrom)):
                        for alias in node.names:
                            name = (alias.asname or alias.name).split(".")[0]
                            if name not in used and name != "annotations":
                                found.append(f"{path}:{node.lineno}:1: F401 '{alias.name}' imported but unused")
                return found


            def main(args: list[str]) -> int:
                found = []
                for root in args:
                    for path in sorted(Path(root).rglob("*.py")):
                        found += check(path)
                print("\\n".join(found) if found else "All checks passed!")
                if found:
                    print(f"Found {len(found)} errors.")
                return 1 if found else 0


            if __name__ == "__main__":
                sys.exit(main(sys.argv[1:]))
            '''),
    }


def ledger_steps(work: Path) -> tuple:
    return (
        bash("git status && git log --oneline -5", "Show repository state"),
        ToolCallStep("glob", {"pattern": "**/*.py"}),
        read(work, "README.md"),
        bash("python -m pytest -v 2>&1", "Run the test suite"),
        ToolCallStep("grep", {"pattern": "to_cents|ROUND_HALF", "include": "*.py"}),
        read(work, "ledger/money.py"),
        read(work, "tests/test_money.py"),
        edit(work, "ledger/money.py", LEDGER_MONEY_BUG, LEDGER_MONEY_FIX),
        bash("python -m pytest -v tests/test_money.py 2>&1", "Re-run the money tests"),
        bash("python -m pytest -q 2>&1", "Run the whole suite"),
        bash("python tools/lint.py ledger tests", "Run the project linter"),
        read(work, "ledger/report.py"),
        edit(work, "ledger/report.py", "import os\nfrom collections", "from collections"),
        bash("python tools/lint.py ledger tests 2>&1 | tail -n 5", "Re-run the linter"),
        bash("git diff", "Show the change"),
        bash("git diff --stat && git status --short", "Summarise the change"),
        bash("python -m pytest -q 2>&1 | tail -n 3", "Final test run"),
        TextStep("Fixed `to_cents` to round half cents up (ledger/money.py) and removed an unused import in "
                 "ledger/report.py. All tests pass; the remaining lint findings are long lines in the rate fixtures."),
    )


# ==============================================================================================
# 2. tinyqueue: a JavaScript scheduler with an unstable priority queue, node --test, a lint script
# ==============================================================================================

QUEUE_BUG = "    return a.priority - b.priority;\n"
QUEUE_FIX = "    return a.priority - b.priority || a.seq - b.seq;\n"


def tinyqueue_files() -> dict[str, str]:
    return {
        "README.md": "# tinyqueue\n\nA priority queue and a job scheduler for small Node services.\n\n`npm test` runs the tests, `npm run lint` the linter.\n",
        "package.json": _d('''
            {
              "name": "tinyqueue",
              "version": "1.4.0",
              "type": "module",
              "private": true,
              "scripts": {
                "test": "node --test test/",
                "lint": "node scripts/lint.mjs src test"
              }
            }
            '''),
        "src/queue.js": _d('''
            // A binary heap ordered by priority (lower first).
            let counter = 0;

            function compare(a, b) {
            ''') + QUEUE_BUG + _c('''
            }

            export class PriorityQueue {
              constructor() {
                this.items = [];
              }

              get size() {
                return this.items.length;
              }

              push(value, priority = 0) {
                const item = { value, priority, seq: counter++ };
                this.items.push(item);
                this.#up(this.items.length - 1);
              }

              pop() {
                if (this.items.length === 0) return undefined;
                const top = this.items[0];
                const last = this.items.pop();
                if (this.items.length > 0) {
                  this.items[0] = last;
                  this.#down(0);
                }
                return top.value;
              }

              #up(i) {
                while (i > 0) {
                  const parent = (i - 1) >> 1;
                  if (compare(this.items[i], this.items[parent]) >= 0) break;
                  [this.items[i], this.items[parent]] = [this.items[parent], this.items[i]];
                  i = parent;
                }
              }

              #down(i) {
                const n = this.items.length;
                for (;;) {
                  const l = 2 * i + 1, r = l + 1;
                  let m = i;
                  if (l < n && compare(this.items[l], this.items[m]) < 0) m = l;
                  if (r < n && compare(this.items[r], this.items[m]) < 0) m = r;
                  if (m === i) return;
                  [this.items[i], this.items[m]] = [this.items[m], this.items[i]];
                  i = m;
                }
              }
            }
            '''),
        "src/scheduler.js": _d('''
            import { PriorityQueue } from "./queue.js";

            // Runs jobs by priority; jobs of equal priority run in submission order.
            export class Scheduler {
              constructor() {
                this.queue = new PriorityQueue();
              }

              submit(name, priority = 5) {
                this.queue.push(name, priority);
              }

              drain() {
                const order = [];
                while (this.queue.size > 0) order.push(this.queue.pop());
                return order;
              }
            }
            '''),
        "src/format.js": _d('''
            // Human-readable durations and sizes for the scheduler's log lines.
            export function formatDuration(ms) {
              var seconds = Math.floor(ms / 1000);
              var minutes = Math.floor(seconds / 60);
              if (minutes > 0) return `${minutes}m${String(seconds % 60).padStart(2, "0")}s`;
              return `${seconds}.${String(ms % 1000).padStart(3, "0")}s`;
            }

            export function formatBytes(n) {
              const units = ["B", "KiB", "MiB", "GiB"];
              let i = 0;
              while (n >= 1024 && i < units.length - 1) { n /= 1024; i++; }
              return `${i === 0 ? n : n.toFixed(1)} ${units[i]}`;
            }
            '''),
        "test/queue.test.js": _d('''
            import { test } from "node:test";
            import assert from "node:assert/strict";
            import { PriorityQueue } from "../src/queue.js";

            for (let n = 1; n <= 40; n++) {
              test(`pops ${n} items in priority order`, () => {
                const q = new PriorityQueue();
                for (let i = 0; i < n; i++) q.push(i, (i * 7919) % 13);
                const out = [];
                while (q.size) out.push(q.pop());
                const prios = out.map((i) => (i * 7919) % 13);
                assert.deepEqual(prios, [...prios].sort((a, b) => a - b));
              });
            }
            '''),
        "test/scheduler.test.js": _d('''
            import { test } from "node:test";
            import assert from "node:assert/strict";
            import { Scheduler } from "../src/scheduler.js";

            test("runs higher priority first", () => {
              const s = new Scheduler();
              s.submit("low", 9);
              s.submit("high", 1);
              assert.deepEqual(s.drain(), ["high", "low"]);
            });

            test("keeps submission order for equal priorities", () => {
              const s = new Scheduler();
              for (const name of ["build", "lint", "test", "package", "deploy", "notify", "cleanup"]) s.submit(name, 5);
              assert.deepEqual(s.drain(), ["build", "lint", "test", "package", "deploy", "notify", "cleanup"]);
            });

            for (let n = 1; n <= 20; n++) {
              test(`drains ${n} jobs`, () => {
                const s = new Scheduler();
                for (let i = 0; i < n; i++) s.submit(`job-${i}`, i % 3);
                assert.equal(s.drain().length, n);
              });
            }
            '''),
        "test/format.test.js": _d('''
            import { test } from "node:test";
            import assert from "node:assert/strict";
            import { formatBytes, formatDuration } from "../src/format.js";

            const sizes = [[0, "0 B"], [512, "512 B"], [1024, "1.0 KiB"], [1536, "1.5 KiB"], [1048576, "1.0 MiB"]];
            for (const [n, text] of sizes) test(`formatBytes(${n})`, () => assert.equal(formatBytes(n), text));
            for (let s = 0; s < 25; s++) {
              test(`formatDuration(${s * 1500})`, () => assert.match(formatDuration(s * 1500), /^\\d+(m\\d\\ds|\\.\\d{3}s)$/));
            }
            '''),
        "scripts/lint.mjs": _d('''
            // The project's lint: no `var`, no trailing whitespace, lines up to 110 characters.
            import { readdirSync, readFileSync, statSync } from "node:fs";
            import { join } from "node:path";

            const findings = [];
            function walk(dir) {
              for (const name of readdirSync(dir).sort()) {
                const path = join(dir, name);
                if (statSync(path).isDirectory()) walk(path);
                else if (path.endsWith(".js") || path.endsWith(".mjs")) check(path);
              }
            }
            function check(path) {
              readFileSync(path, "utf8").split("\\n").forEach((line, i) => {
                if (/\\bvar\\s/.test(line)) findings.push(`${path}:${i + 1}:${line.indexOf("var") + 1}  error  Unexpected var, use let or const instead  no-var`);
                if (line.length > 110) findings.push(`${path}:${i + 1}:111  warning  This line has a length of ${line.length}. Maximum allowed is 110  max-len`);
                if (/\\s+$/.test(line)) findings.push(`${path}:${i + 1}:${line.trimEnd().length + 1}  error  Trailing spaces not allowed  no-trailing-spaces`);
              });
            }
            for (const dir of process.argv.slice(2)) walk(dir);
            for (const f of findings) console.log(f);
            const errors = findings.filter((f) => f.includes("  error  ")).length;
            console.log(`\\n✖ ${findings.length} problems (${errors} errors, ${findings.length - errors} warnings)`);
            process.exit(errors ? 1 : 0);
            '''),
    }


def tinyqueue_steps(work: Path) -> tuple:
    return (
        bash("ls -la && cat package.json", "Look at the project"),
        ToolCallStep("glob", {"pattern": "**/*.js"}),
        bash("npm test 2>&1", "Run the tests"),
        ToolCallStep("grep", {"pattern": "compare|seq", "include": "*.js"}),
        read(work, "src/queue.js"),
        read(work, "src/scheduler.js"),
        read(work, "test/scheduler.test.js"),
        edit(work, "src/queue.js", QUEUE_BUG, QUEUE_FIX),
        bash("node --test test/scheduler.test.js 2>&1", "Re-run the scheduler tests"),
        bash("npm test 2>&1 | tail -n 40", "Run the whole suite"),
        bash("npm run lint 2>&1", "Run the linter"),
        read(work, "src/format.js"),
        edit(work, "src/format.js", "  var seconds = Math.floor(ms / 1000);\n  var minutes",
             "  const seconds = Math.floor(ms / 1000);\n  const minutes"),
        bash("npm run lint 2>&1", "Re-run the linter"),
        bash("git diff", "Show the change"),
        bash("git log --stat -5", "Recent history"),
        bash("npm test 2>&1", "Final test run"),
        TextStep("Equal priorities now pop in submission order: the heap compares the insertion sequence on ties "
                 "(src/queue.js). Replaced `var` in src/format.js; tests and lint pass."),
    )


# ==============================================================================================
# 3. logtool: a CLI over web access logs that crashes on "-" sizes
# ==============================================================================================

PARSE_BUG = "        size=int(m.group(\"size\")),\n"
PARSE_FIX = "        size=0 if m.group(\"size\") == \"-\" else int(m.group(\"size\")),\n"


def _access_log(lines: int = 2400) -> str:
    rnd = random.Random(11)
    paths = ["/", "/login", "/api/v1/orders", "/api/v1/orders/{id}", "/api/v1/items", "/static/app.js", "/static/app.css",
             "/health", "/api/v1/search", "/admin/reports", "/favicon.ico"]
    agents = ["Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/124.0 Safari/537.36",
              "curl/8.5.0", "kube-probe/1.29", "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_4) Safari/605.1.15"]
    out = []
    for i in range(lines):
        path = rnd.choice(paths).replace("{id}", str(rnd.randint(1000, 9999)))
        status = rnd.choices([200, 201, 204, 304, 404, 500], [70, 5, 5, 10, 7, 3])[0]
        size = "-" if status in (204, 304) else str(rnd.randint(120, 48000))
        ms = rnd.randint(1, 900) if status != 500 else rnd.randint(1000, 9000)
        ip = f"10.{rnd.randint(0, 3)}.{rnd.randint(0, 255)}.{rnd.randint(1, 254)}"
        t = f"12/Mar/2025:{10 + i // 3600:02d}:{i // 60 % 60:02d}:{i % 60:02d} +0000"
        method = "POST" if path.startswith("/api/v1/orders") and rnd.random() < 0.3 else "GET"
        out.append(f'{ip} - - [{t}] "{method} {path} HTTP/1.1" {status} {size} "-" "{rnd.choice(agents)}" {ms}ms')
    return "\n".join(out) + "\n"


def logtool_files() -> dict[str, str]:
    return {
        "README.md": _d("""
            # logtool

            Summaries of web access logs (combined format plus a trailing `NNNms` latency):

                python -m logtool stats data/access.log
                python -m logtool top --by path -n 20 data/access.log
                python -m logtool stats --json data/access.log
            """),
        "data/access.log": _access_log(),
        "logtool/__init__.py": '"""Access-log summaries."""\n',
        "logtool/__main__.py": _d('''
            import argparse
            import json
            import sys

            from logtool.parse import read_log
            from logtool.stats import summary, top


            def main(argv=None) -> int:
                ap = argparse.ArgumentParser(prog="logtool")
                sub = ap.add_subparsers(dest="cmd", required=True)
                st = sub.add_parser("stats")
                st.add_argument("--json", action="store_true")
                st.add_argument("log")
                tp = sub.add_parser("top")
                tp.add_argument("--by", choices=["path", "ip", "status"], default="path")
                tp.add_argument("-n", type=int, default=10)
                tp.add_argument("log")
                args = ap.parse_args(argv)
                records = read_log(args.log)
                if args.cmd == "stats":
                    result = summary(records)
                    if args.json:
                        print(json.dumps(result, indent=2))
                    else:
                        for key, value in result.items():
                            print(f"{key:>16}: {value}")
                else:
                    for key, count in top(records, args.by, args.n):
                        print(f"{count:8d}  {key}")
                return 0


            if __name__ == "__main__":
                sys.exit(main())
            '''),
        "logtool/parse.py": _d('''
            import re
            from dataclasses import dataclass

            LINE = re.compile(
                r'(?P<ip>\\S+) \\S+ \\S+ \\[(?P<time>[^\\]]+)\\] "(?P<method>\\S+) (?P<path>\\S+) [^"]*" '
                r'(?P<status>\\d{3}) (?P<size>\\S+) "[^"]*" "(?P<agent>[^"]*)" (?P<ms>\\d+)ms'
            )


            @dataclass(frozen=True)
            class Record:
                ip: str
                time: str
                method: str
                path: str
                status: int
                size: int
                ms: int


            def parse_line(line: str) -> Record:
                m = LINE.match(line)
                if m is None:
                    raise ValueError(f"unparsable log line: {line[:80]!r}")
                return Record(
                    ip=m.group("ip"),
                    time=m.group("time"),
                    method=m.group("method"),
                    path=m.group("path"),
                    status=int(m.group("status")),
            ''') + PARSE_BUG + _c('''
                    ms=int(m.group("ms")),
                )


            def read_log(path: str) -> list[Record]:
                with open(path, encoding="utf-8") as fh:
                    return [parse_line(line) for line in fh if line.strip()]
            '''),
        "logtool/stats.py": _d('''
            from collections import Counter


            def percentile(values, q):
                ordered = sorted(values)
                k = int(len(ordered) * q)
                return ordered[min(k, len(ordered) - 1)]


            def summary(records):
                statuses = Counter(r.status for r in records)
                return {
                    "requests": len(records),
                    "bytes": sum(r.size for r in records),
                    "errors_5xx": sum(n for s, n in statuses.items() if s >= 500),
                    "not_found": statuses.get(404, 0),
                    "p50_ms": percentile([r.ms for r in records], 0.50),
                    "p99_ms": percentile([r.ms for r in records], 0.99),
                    "statuses": dict(sorted(statuses.items())),
                }


            def top(records, by, n):
                return Counter(getattr(r, by) for r in records).most_common(n)
            '''),
        "tests/test_parse.py": _d('''
            from logtool.parse import parse_line

            OK = '10.0.0.1 - - [12/Mar/2025:10:00:00 +0000] "GET / HTTP/1.1" 200 512 "-" "curl/8.5.0" 12ms'


            def test_parse_ok():
                r = parse_line(OK)
                assert (r.status, r.size, r.ms) == (200, 512, 12)


            def test_parse_not_modified():
                r = parse_line(OK.replace("200 512", "304 -"))
                assert r.size == 0
            '''),
    }


def logtool_steps(work: Path) -> tuple:
    return (
        bash("ls -la data && wc -l data/*.log", "Look at the data"),
        read(work, "README.md"),
        bash("python -m logtool stats data/access.log 2>&1", "Run the stats command"),
        bash("head -n 150 data/access.log", "Look at the log"),
        ToolCallStep("grep", {"pattern": "\" 304 -", "path": str(work / "data")}),
        read(work, "logtool/parse.py"),
        edit(work, "logtool/parse.py", PARSE_BUG, PARSE_FIX),
        bash("python -m logtool stats data/access.log 2>&1", "Re-run the stats command"),
        bash("python -m logtool top --by path -n 40 data/access.log", "Busiest paths"),
        bash("grep -n '\" 500 ' data/access.log | head -n 120", "Server errors"),
        bash("python -m pytest -q tests 2>&1", "Run the tests"),
        read(work, "logtool/stats.py"),
        edit(work, "logtool/stats.py", "    k = int(len(ordered) * q)\n", "    k = max(0, int(round(len(ordered) * q)) - 1)\n"),
        bash("python -m logtool stats --json data/access.log", "Stats as JSON"),
        bash("git diff", "Show the change"),
        bash("git status --short && git log --oneline", "Repository state"),
        bash("find . -path ./.git -prune -o -type f -print | sort && python -m pytest -q tests 2>&1 | tail -n 2",
             "Files and a final test run"),
        TextStep("`logtool stats` crashed on 204/304 lines whose size is `-`; the parser now counts them as 0 bytes "
                 "(logtool/parse.py), and the percentile uses the nearest-rank rule. Tests pass."),
    )


SESSIONS = (
    Session("ledger (Python)", "The ledger tests fail. Find out why, fix it, and run the linter.", ledger_files, ledger_steps),
    Session("tinyqueue (JS)", "Jobs of equal priority run out of order; find the bug, fix it, keep lint clean.",
            tinyqueue_files, tinyqueue_steps),
    Session("logtool (CLI)", "logtool stats crashes on our access log. Fix it and check the numbers.", logtool_files, logtool_steps),
)


def build_script(session: Session, work: Path) -> Script:
    return Script(name=session.name, title=None, steps=session.steps(work))
