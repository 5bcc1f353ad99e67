"""Round 262, the books: a year of household books from capture_wide262_gen.py, read by ledger (balances,
registers, a budget, journals it cannot read), hledger (balances, income statements, balance sheets, checks, stats,
errors) and beancount (bean-check, bean-query, bean-report). The extractors are this round's (NEEDLES.md, "Round
262"). Run through capture_wide262.py."""

from __future__ import annotations

import re
import sys
from collections import Counter
from pathlib import Path

import capture_more as cm
from capture_more import kind, run
from capture_wide224 import exit_lines, shaped
from capture_wide262 import add

# ------------------------------------------------------------------ the extractors (NEEDLES.md, "Round 262")

AMT = r"-?[\d,]*\.?\d+ [A-Z]{3}"
BOOK_ERR = r"\bError\b|\berror\b|\bWarning\b|\bwarning\b|While parsing|While balancing|Unbalanced remainder|could not"


def _num(s: str) -> float:
    return float(s.split()[0].replace(",", ""))


def _extremes(rows: list[tuple[float, str]]) -> list[str]:
    return [min(rows)[1], max(rows)[1]] if rows else []


def book_errors(lines) -> list:
    """Rule 1: error and warning lines, one {"any"} per shape when a shape repeats on more than 3 lines."""
    return shaped([ln for ln in lines if re.search(BOOK_ERR, ln)])


def _balance(lines, top_rx: str) -> list:
    out: list = []
    rows: list[tuple[float, str]] = []
    for i, ln in enumerate(lines):
        m = re.match(rf"^\s*({AMT}|0)\s\s(\S.*)$", ln)
        if m and not re.match(r"^-+$", ln.strip()):
            if re.match(top_rx, ln):
                out.append(ln)
            if m.group(1) != "0":
                rows.append((_num(m.group(1)), ln))
        if re.match(r"^\s*-{3,}\s*$", ln) and i + 1 < len(lines) and lines[i + 1].strip():
            out.append(lines[i + 1])
    return out + _extremes(rows)


@kind("ledger-balance", "table")
def n_ledger_balance(lines):
    """Rule 4+5: every top-level account row, the total row under ----, the rows with the largest and smallest amount; error/warning lines; EXIT=."""
    return _balance(lines, rf"^\s*({AMT}|0)  \S") + book_errors(lines) + exit_lines(lines)


@kind("ledger-register", "table")
def n_ledger_register(lines):
    """Rule 4: first and last posting rows, rows with the largest and smallest posting amount, rows of a rare account; error lines; EXIT=."""
    rows = []
    for ln in lines:
        amts = re.findall(rf"(?<!\S)({AMT})(?!\S)", ln)
        if len(amts) >= 2 or (amts and re.search(r"\s0\s*$", ln)):
            pre = ln[: ln.find(amts[0])].split()
            acct = next((t for t in reversed(pre) if ":" in t), pre[-1] if pre else "")
            rows.append((_num(amts[0]), acct, ln))
    out: list = []
    if rows:
        out += [rows[0][2], rows[-1][2]]
        out += _extremes([(a, ln) for a, _, ln in rows])
        cnt = Counter(a for _, a, _ in rows)
        if cnt.most_common(1)[0][1] * 2 >= len(rows):
            out += [ln for _, a, ln in rows if cnt[a] <= 2]
    return out + book_errors(lines) + exit_lines(lines)


@kind("ledger-budget", "table")
def n_ledger_budget(lines):
    """Rule 4+5: rows above 100% used or with a negative remaining amount, the rows with the largest and smallest used %, the total row under ----; errors; EXIT=."""
    out: list = []
    rows: list[tuple[float, str]] = []
    for i, ln in enumerate(lines):
        m = re.match(rf"^\s*({AMT}|0)\s+({AMT}|0)\s+({AMT}|0)\s+(-?\d+)%\s+\S", ln)
        if m:
            pct = int(m.group(4))
            rows.append((pct, ln))
            if pct > 100 or m.group(3).startswith("-"):
                out.append(ln)
        if re.match(r"^[-\s]+$", ln) and "---" in ln and i + 1 < len(lines) and lines[i + 1].strip():
            out.append(lines[i + 1])
    return out + _extremes(rows) + book_errors(lines) + exit_lines(lines)


@kind("ledger-error", "log")
def n_ledger_error(lines):
    """Rule 1: every While parsing/While balancing location line, Error: line, Unbalanced remainder line and the amount after it, the first quoted line under each location; EXIT=."""
    out: list = []
    for i, ln in enumerate(lines):
        if re.match(r"^(While parsing file|While balancing transaction)", ln):
            out.append(ln)
            q = cm.next_match(lines, i, r"^> ", ahead=3)
            if q:
                out.append(q)
        elif re.search(r"\bError:|\bWarning:", ln):
            out.append(ln)
        elif ln.startswith("Unbalanced remainder is:"):
            out += [ln] + ([lines[i + 1]] if i + 1 < len(lines) and lines[i + 1].strip() else [])
    return out + exit_lines(lines)


@kind("hledger-balance", "table")
def n_hledger_balance(lines):
    """Rule 4+5: every top-level account row, the total row under the --- rule, the rows with the largest and smallest amount, the title line; errors; EXIT=."""
    out = [ln for ln in lines[:3] if re.match(r"^(Balance changes|Ending balances|Balance)\b", ln)]
    return out + _balance(lines, rf"^\s*({AMT}|0)  \S") + book_errors(lines) + exit_lines(lines)


def _hledger_statement(lines) -> list:
    out = [ln for ln in lines if re.match(r"^(Income Statement|Balance Sheet)\b", ln)]
    first_rule = next((i for i, ln in enumerate(lines) if re.match(r"^=+\+\+=+", ln)), None)
    if first_rule:
        out.append(lines[first_rule - 1])
    for i, ln in enumerate(lines):
        if re.match(r"^ (Revenues|Expenses|Assets|Liabilities|Equity)\s*\|\|", ln):
            out.append(ln)
            rules = [k for k in range(i + 1, len(lines)) if re.match(r"^-+\+\+-+", lines[k])][:2]
            if len(rules) == 2 and rules[1] + 1 < len(lines):
                out.append(lines[rules[1] + 1])
        if re.match(r"^ Net:", ln):
            out.append(ln)
    rows = []
    for ln in lines:
        if re.match(r"^ \S+:\S*.*\|\|", ln):
            amts = re.findall(rf"({AMT}|(?<=\s)0(?=\s|$))", ln.split("||", 1)[1])
            if amts:
                rows.append((0.0 if amts[-1] == "0" else _num(amts[-1]), ln))
    return out + _extremes(rows) + book_errors(lines) + exit_lines(lines)


@kind("hledger-incomestatement", "table")
def n_hledger_is(lines):
    """Rule 4+5: the title line, column header, each section header and its total row, Net:, the rows with the largest and smallest last-column amount; errors; EXIT=."""
    return _hledger_statement(lines)


@kind("hledger-balancesheet", "table")
def n_hledger_bs(lines):
    """Rule 4+5: the title line, column header, each section header and its total row, Net:, the rows with the largest and smallest last-column amount; errors; EXIT=."""
    return _hledger_statement(lines)


@kind("hledger-error", "log")
def n_hledger_error(lines):
    """Rule 1: every error line, its location line within six, the source line it quotes (> or N |), the explanation after a ^ marker; EXIT=."""
    out: list = []
    for i, ln in enumerate(lines):
        if re.search(r"\b[Ee]rror\b|could not|should be|^hledger: ", ln):
            out.append(ln)
            loc = r'lines? \d+|:\d+:\d+|:\d+-\d+|"[^"]+" \(line'
            if not re.search(loc, ln):
                m = cm.next_match(lines, i, loc)
                if m:
                    out.append(m)
            q = cm.next_match(lines, i, r"^\s*(> |\d+ \| )", ahead=12)
            if q:
                out.append(q)
        if re.match(r"^\s*(\d+\s*)?\|?\s*\^+\s*$", ln) and i + 1 < len(lines) and lines[i + 1].strip():
            out.append(lines[i + 1])
    return out + exit_lines(lines)


@kind("hledger-stats", "doc")
def n_hledger_stats(lines):
    """Rule 5: every `Key : value` line of hledger stats; errors; EXIT=."""
    return [ln for ln in lines if re.match(r"^[A-Z][\w /()-]*?\s*: ", ln)] + book_errors(lines) + exit_lines(lines)


@kind("bean-check", "log")
def n_bean_check(lines):
    """Rule 1: every FILE:LINE: error line and the first line of the entry printed under it, an error-count line; EXIT=."""
    out: list = []
    for i, ln in enumerate(lines):
        if re.match(r"^\S+:\d+:\s+\S", ln):
            out.append(ln)
            e = next((lines[k] for k in range(i + 1, min(len(lines), i + 5)) if lines[k].strip()), None)
            if e:
                out.append(e)
    out += [ln for ln in lines if re.search(r"\d+ errors?\b", ln) and not re.match(r"^\S+:\d+:", ln)]
    return out + exit_lines(lines)


def _dash_table(lines) -> list:
    """Rule 4 on a table whose header sits above a dashed rule: header, numeric extremes, rare categorical rows."""
    out: list = []
    for i, ln in enumerate(lines):
        if i == 0 or not re.match(r"^-+( +-+)+\s*$|^-{3,}\s*$", ln):
            continue
        spans = [(m.start(), m.end()) for m in re.finditer(r"-+", ln)]
        out.append(lines[i - 1])
        body = []
        for r in lines[i + 1:]:
            if not r.strip() or re.match(r"^-+( +-+)*\s*$", r):
                break
            body.append(r)
        cells = []
        for r in body:
            row = []
            for a, b in spans:
                row.append(r[a: b + 1].strip() if (a, b) != spans[-1] else r[a:].strip())
            cells.append(row)
        for c in range(len(spans)):
            vals = [row[c] for row in cells]
            nums = []
            for v, r in zip(vals, body):
                m = re.match(r"^-?[\d,]*\.?\d+", v)
                if m and m.group(0) not in ("-", ""):
                    nums.append((float(m.group(0).replace(",", "")), r))
            if nums and len(nums) * 2 >= len(vals):
                out += _extremes(nums)
            elif len(vals) >= 4:
                cnt = Counter(vals)
                if cnt.most_common(1)[0][1] * 2 >= len(vals):
                    out += [r for v, r in zip(vals, body) if cnt[v] <= 2 and v]
    return out


QUERY_ERR = r"\berror\b|\bError\b|ERROR|Invalid|unknown|failed"


@kind("bean-query", "table")
def n_bean_query(lines):
    """Rule 4: the header row, each numeric column's min and max rows, rows with a rare categorical value; error lines; EXIT=."""
    return _dash_table(lines) + shaped([ln for ln in lines if re.search(QUERY_ERR, ln)]) + exit_lines(lines)


@kind("bean-report", "table")
def n_bean_report(lines):
    """Rule 4+5: the header row when printed, the rows with the largest and smallest amount, the first and last rows; error/warning lines; EXIT=."""
    out: list = _dash_table(lines)[:1]
    rows = [(_num(m.group(1)), ln) for ln in lines
            if (m := re.search(rf"({AMT})", ln)) and not re.match(r"^\S+:\d+:", ln) and not ln.startswith("   20")]
    if rows:
        out += [rows[0][1], rows[-1][1]] + _extremes(rows)
    out += shaped([ln for ln in lines if re.search(QUERY_ERR + r"|[Ww]arning|Balance failed", ln)])
    return out + exit_lines(lines)


# ------------------------------------------------------------------ the round's runs


def make_books(tmp: Path) -> Path:
    d = tmp / "books"
    if not (d / "books.ledger").exists():
        run(f"{sys.executable} {Path(__file__).with_name('capture_wide262_gen.py')} 262 {d}", timeout=120)
    return d


def env(tmp: Path) -> dict:
    home = tmp / "home"
    home.mkdir(parents=True, exist_ok=True)
    return {"HOME": str(home), "LEDGER_FILE": None}


def ledger(tmp: Path) -> None:
    d, e = make_books(tmp), env(tmp)
    for item, c, fn in [
        ("ledger-bal", "ledger -f books.ledger bal", n_ledger_balance),
        ("ledger-bal-q3-flat", "ledger -f books.ledger bal --flat -b 2025-07-01 -e 2025-10-01 Expenses", n_ledger_balance),
        ("ledger-reg-strict", "ledger --strict -f typo.ledger reg Expenses:Leisure 2>&1; echo EXIT=$?", n_ledger_register),
        ("ledger-reg-food", "ledger -f books.ledger reg Expenses:Food", n_ledger_register),
        ("ledger-reg-checking-tail", "ledger -f books.ledger reg Assets:Bank:Checking | tail -n 80", n_ledger_register),
        ("ledger-reg-visa-head", "ledger -f books.ledger reg Liabilities:CreditCard:Visa | head -n 100", n_ledger_register),
        ("ledger-reg-expenses", "ledger -f books.ledger reg Expenses", n_ledger_register),
        ("ledger-reg-monthly", "ledger -f books.ledger reg -M Expenses --depth 2", n_ledger_register),
        ("ledger-budget-year", "ledger -f budget.ledger budget -b 2025-01-01 -e 2026-01-01 Expenses", n_ledger_budget),
        ("ledger-budget-quarters", "for q in 01 04 07 10; do echo \"== 2025-$q\"; ledger -f budget.ledger budget "
                                   "-b 2025-$q-01 -e $(date -d \"2025-$q-01 +3 months\" +%F) Expenses; done; echo EXIT=$?",
         n_ledger_budget),
        ("ledger-unbalanced", "ledger -f unbalanced.ledger bal; echo EXIT=$?", n_ledger_error),
        ("ledger-pedantic-grep", "for f in typo unbalanced badamount; do ledger --pedantic -f $f.ledger bal > /dev/null; "
                                 "done 2>&1 | grep -iE 'error|warn|while'; echo EXIT=$?",
         n_ledger_error),
    ]:
        add(item, c, run(c, cwd=d, env=e), fn)


def hledger(tmp: Path) -> None:
    d, e = make_books(tmp), env(tmp)
    for item, c, fn in [
        ("hledger-bal", "hledger -f books.journal bal", n_hledger_balance),
        ("hledger-is-monthly", "hledger -f books.journal is -M", n_hledger_is),
        ("hledger-is-quarterly-tail", "hledger -f books.journal is -Q --tree 2>&1 | tail -n 40", n_hledger_is),
        ("hledger-bs", "hledger -f books.journal bs -M", n_hledger_bs),
        ("hledger-check-loop", "for f in books.journal typo.ledger unbalanced.ledger badamount.ledger; do echo \"== $f\"; "
                               "hledger -f $f check ordereddates accounts 2>&1; echo \"exit $?\"; done", n_hledger_error),
        ("hledger-errors-seq", "hledger -s -f typo.ledger bal; hledger -f unbalanced.ledger is; hledger -f badamount.ledger "
                               "stats; echo EXIT=$?", n_hledger_error),
        ("hledger-stats", "hledger -f books.journal stats", n_hledger_stats),
    ]:
        add(item, c, run(c, cwd=d, env=e), fn)


def beancount(tmp: Path) -> None:
    d, e = make_books(tmp), env(tmp)
    q1 = "SELECT account, sum(position) AS total, count(position) AS n GROUP BY account ORDER BY account"
    q2 = ("SELECT year(date) AS y, month(date) AS m, root(account, 2) AS acct, sum(position) AS spent "
          "WHERE account ~ '^Expenses' GROUP BY y, m, acct ORDER BY y, m, acct")
    for item, c, fn in [
        ("bean-check-books", "bean-check books.beancount; echo EXIT=$?", n_bean_check),
        ("bean-query-accounts", f'bean-query -q clean.beancount "{q1}"', n_bean_query),
        ("bean-query-monthly", f'bean-query -q clean.beancount "{q2}"', n_bean_query),
        ("bean-query-food", "bean-query -q clean.beancount \"SELECT date, payee, account, position WHERE account ~ "
                            "'Expenses:Food' ORDER BY date\"", n_bean_query),
        ("bean-query-bad", 'bean-query -q clean.beancount "SELECT acount, sum(position) GROUP BY acount"; bean-query -q '
                           'clean.beancount "SELECT account, sum(position) GROUP BY 3"; bean-query books.beancount '
                           '"SELECT date, narration WHERE account = \'Expenses:Leisure:Theatre\'"; echo EXIT=$?',
         n_bean_query),
        ("bean-report-balances", "bean-report books.beancount balances", n_bean_report),
        ("bean-report-journal-tail", "bean-report -q clean.beancount journal -a Assets:Bank:Checking | tail -n 80",
         n_bean_report),
    ]:
        add(item, c, run(c, cwd=d, env=e), fn)


STEPS = [ledger, hledger, beancount]
