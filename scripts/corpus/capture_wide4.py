#!/usr/bin/env python3
"""Capture a FOURTH round of kinds (issue #11, round 4): broad rather than deep, shapes the corpus lacks.
Test runners in other modes (pytest --tb=line, --durations, hypothesis falsifying examples, go test with a
panic, -bench and -cover, node --test dot/junit reporters), build output (recursive make with errors, link
errors, compileall, npm run failing), warnings (python -W, ruby -w, perl -w), logs (a crash in the middle of
a long benign log, Ruby Logger), data in other printers (sqlite3 -line/-markdown/-table/insert, column -t, awk
reports, jq -c and @tsv), system listings (getent passwd, dpkg-query -f, tar -tv, unzip -l, wc -l, file,
sha256sum -c, git ls-tree -l, npm pack --dry-run, pip list -v), documents (openssl x509 -text) and diff -ru;
then binaries (readelf -sW, objdump -h), gcc -fanalyzer, cargo test with failing doc-tests, git (log
--pretty=fuller, diff --word-diff, status --porcelain=v2) and node --trace-warnings.

Same method and helpers as capture_more.py / capture_wide3.py: every item's text is the stdout+stderr of a
program REALLY run here, on throwaway trees, databases and git repos built below in /tmp/hm-corpus-wide4;
needles follow scripts/corpus/NEEDLES.md, each kind's extractor docstring states its rule (first line =
needle_rule), extractors read the CLEANED lines, every needle is a substring of one cleaned line of at most
200 characters. Written before any compressed output was looked at.

Usage:   .venv/bin/python scripts/corpus/capture_wide4.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide4.json  as {"version": 2, "items": [...]}, ids prefixed "wide4-".
Tools:   python (this venv: pytest, hypothesis), sqlite3, column, awk, jq, getent, dpkg-query, tar, zip, unzip,
         wc, file, sha256sum, diff, openssl, gcc, make, readelf, objdump, cargo, go, node, npm, ruby, perl, git as found (a missing one
         skips its kinds). Every process started is killed; no network.
"""

from __future__ import annotations

import json
import os
import random
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402
from capture_data import any_of, diff_needles, python_exceptions, rule4, ws_rows  # noqa: E402
from capture_more import add_or_skip as add, groups, have, kind, mask, next_match, run, write_tree  # noqa: E402

cm.PREFIX = "wide4-"
DEFAULT_OUT = HERE / "data" / "wide4.json"
TMP = Path("/tmp/hm-corpus-wide4")
PY = sys.executable



def summary_lines(lines, pat):
    return [ln for ln in lines if re.search(pat, ln)]


# ================================================================== Python test runners

def make_py_tests(root: Path, n_mod: int, seed: int, fail_every: int, sleepy: bool = False) -> None:
    rnd = random.Random(seed)
    files = {}
    for m in range(n_mod):
        body = ["import time\n\n"]
        for t in range(12):
            k = m * 12 + t
            nap = f"    time.sleep({rnd.choice([0.001, 0.002, 0.004])})\n" if sleepy else ""
            if fail_every and k % fail_every == fail_every - 1:
                body.append(f"def test_case_{t}():\n{nap}    got = {{'total': {k}, 'items': [{k}, {k + 1}]}}\n"
                            f"    assert got['total'] == {k + 1}, 'total mismatch for order {k}'\n\n")
            else:
                body.append(f"def test_case_{t}():\n{nap}    assert sum([{k}, 1]) == {k + 1}\n\n")
        files[f"tests/test_mod{m}.py"] = "".join(body)
    if sleepy:  # one slow test: the maximum of the durations table
        files["tests/test_slow.py"] = "import time\n\ndef test_slow_import():\n    time.sleep(0.35)\n"
    write_tree(root, files)


@kind("pytest-tb-line", "test")
def n_pytest_tb_line(lines):
    """Rule 2 on pytest --tb=line: every 'path:line: Error' failure line, every FAILED id line, the final counts line."""
    out = [ln for ln in lines if re.match(r"^/?\S+\.py:\d+: \w*(Error|Exception|assert)", ln)]
    out += [ln for ln in lines if ln.startswith(("FAILED ", "ERROR "))]
    return out + summary_lines(lines, r"\d+ (failed|passed)")[-1:]


@kind("pytest-durations", "test")
def n_pytest_durations(lines):
    """Rules 2+4 on pytest --durations: the 'slowest N durations' header; the min and max duration rows; the final counts line."""
    out = summary_lines(lines, r"slowest \d+ durations")
    rows = [(ln, {"d": ln.split()[0].rstrip("s")}) for ln in lines if re.match(r"^\d+\.\d+s (call|setup|teardown) ", ln)]
    return out + rule4(rows, nums=("d",)) + summary_lines(lines, r"\d+ passed")[-1:]


@kind("hypothesis-falsifying", "test")
def n_hypothesis(lines):
    """Rules 1+2 on a hypothesis failure under pytest: every 'Falsifying example' line and the argument lines after it, the first 'E ' line of each failure, FAILED ids, the final counts line."""
    out = []
    for i, ln in enumerate(lines):
        if "Falsifying example" in ln:
            out.append(ln)
            for x in lines[i + 1:i + 6]:
                if re.match(r"^\s+\w+=", x):
                    out.append(x)
                elif x.strip() == ")":
                    break
        if re.match(r"^_{3,} test\w* _{3,}$", ln):
            e = next_match(lines, i, r"^E\s+\S", ahead=80)
            if e:
                out.append(e)
    out += [ln for ln in lines if ln.startswith("FAILED ")]
    return out + summary_lines(lines, r"\d+ (failed|passed)")[-1:]


@kind("python-warnings", "log")
def n_python_warnings(lines):
    """Rule 1 on python -W default: one needle per (warning category, file) of the 'file:line: XWarning: msg' lines."""
    pairs = []
    for ln in lines:
        m = re.match(r"^(\S+?):\d+: (\w+Warning): ", ln)
        if m:
            pairs.append(((m.group(1), m.group(2)), ln))
    return groups(pairs)


@kind("python-compileall", "build")
def n_compileall(lines):
    """Rule 1 on python -m compileall: every '*** Error compiling' line, every SyntaxError/IndentationError line and its File line."""
    out = [ln for ln in lines if ln.startswith("*** Error compiling")]
    for i, ln in enumerate(lines):
        if re.match(r"^\s*(SyntaxError|IndentationError|TabError):", ln):
            out.append(ln)
            for j in range(i - 1, max(-1, i - 7), -1):
                if re.match(r'^\s*File "', lines[j]):
                    out.append(lines[j])
                    break
    return out


@kind("long-log-crash", "log")
def n_long_log_crash(lines):
    """Rule 1 on a long INFO log with one crash: every ERROR/CRITICAL line, each traceback's exception line and innermost File line; one needle per WARNING message shape."""
    out = [ln for ln in lines if re.search(r"\b(ERROR|CRITICAL)\b", ln)]
    out += python_exceptions(lines)
    pairs = [(mask(ln.split("WARNING", 1)[1]), ln) for ln in lines if " WARNING " in ln]
    return out + groups(pairs)


@kind("pip-list-v", "pkg")
def n_pip_list_v(lines):
    """Rule 4 on pip list -v: the header; rows whose location or installer is rare while one dominates."""
    rows = [(ln, dict(zip(["name", "version", "location", "installer"], ln.split()))) for ln in lines
            if len(ln.split()) >= 3 and not ln.startswith(("Package", "---"))]
    return rule4(rows, cat=("location", "installer"), header=[ln for ln in lines if ln.startswith("Package")][:1])


def cap_python(tmp: Path) -> None:
    t = tmp / "pyt"
    make_py_tests(t, 30, 1, 23)
    add("pytest-tb-line", "pytest --tb=line -q", run(f"{PY} -m pytest --tb=line -q -p no:cacheprovider tests", cwd=t),
        n_pytest_tb_line)
    add("pytest-tb-line-rf", "pytest --tb=line -rfE", run(f"{PY} -m pytest --tb=line -rfE -p no:cacheprovider tests",
                                                          cwd=t), n_pytest_tb_line)
    d = tmp / "pyd"
    make_py_tests(d, 10, 2, 0, sleepy=True)
    add("pytest-durations", "pytest --durations=20", run(f"{PY} -m pytest --durations=20 -p no:cacheprovider tests",
                                                          cwd=d), n_pytest_durations)
    h = tmp / "hyp"
    write_tree(h, {"test_props.py": '''
        from hypothesis import given, settings, strategies as st

        def encode(items):
            return ",".join(str(i) for i in items)

        def decode(s):
            return [int(x) for x in s.split(",")] if s else []

        def clamp(v, lo, hi):
            return max(lo, min(v, hi - 1))

        @settings(database=None, derandomize=True)
        @given(st.lists(st.integers()))
        def test_roundtrip(items):
            assert decode(encode(items)) == items

        @settings(database=None, derandomize=True)
        @given(st.integers(), st.integers(min_value=0, max_value=100), st.integers(min_value=0, max_value=100))
        def test_clamp_in_range(v, lo, hi):
            if lo <= hi:
                assert lo <= clamp(v, lo, hi) <= hi

        @settings(database=None, derandomize=True)
        @given(st.text())
        def test_strip_idempotent(s):
            assert s.strip().strip() == s.strip()

        @settings(database=None, derandomize=True)
        @given(st.dictionaries(st.text(min_size=1), st.integers()))
        def test_keys_sorted(d):
            assert list(d) == sorted(d)
        '''})
    add("hypothesis-falsifying", "pytest test_props.py",
        run(f"{PY} -m pytest -p no:cacheprovider test_props.py", cwd=h), n_hypothesis)
    w = tmp / "warn"
    write_tree(w, {"legacy.py": '''
        import warnings

        def old_api(n):
            warnings.warn(f"old_api() is deprecated, use new_api() (call {n})", DeprecationWarning, stacklevel=2)
            return n

        def risky(n):
            warnings.warn(f"value {n} truncated to 16 bits", RuntimeWarning)
            return n & 0xFFFF
        ''', "main.py": '''
        import warnings
        import legacy

        for i in range(120):
            print(f"processed batch {i}: {i * 37 % 101} records ok")
            if i % 9 == 0:
                legacy.old_api(i)
            if i % 31 == 5:
                legacy.risky(i * 70000)
            if i == 77:
                warnings.warn("config key 'timeout' is ignored", UserWarning)
            if i == 90:
                open(__file__).read()
        print("done: 120 batches")
        '''})
    add("python-warnings", "python -W always main.py", run(f"{PY} -W always main.py", cwd=w), n_python_warnings)
    c = tmp / "comp"
    rnd = random.Random(4)
    files = {}
    for k in range(40):
        files[f"pkg/sub{k % 4}/mod_{k}.py"] = "".join(f"def f_{j}(x):\n    return x + {j}\n\n" for j in range(8))
    files["pkg/sub1/mod_13.py"] = "def ok():\n    return 1\n\ndef broken(x)\n    return x\n"
    files["pkg/sub3/mod_27.py"] = "def f():\n    if True:\n        return 1\n      return 2\n"
    files["pkg/sub2/mod_30.py"] = "x = [1, 2,\nprint(x)\n"
    rnd.shuffle(list(files))
    write_tree(c, files)
    add("python-compileall", "python -m compileall pkg", run(f"{PY} -m compileall pkg", cwd=c), n_compileall)
    lg = tmp / "longlog"
    write_tree(lg, {"worker.py": '''
        import logging, random
        logging.basicConfig(format="%(asctime)s %(levelname)s %(name)s: %(message)s", level=logging.INFO)
        rnd = random.Random(7)
        log = logging.getLogger("sync.worker")
        def fetch(i):
            if i == 612:
                raise ConnectionResetError(f"peer closed connection while reading chunk {i}")
            return rnd.randint(100, 900)
        for i in range(1400):
            try:
                n = fetch(i)
                log.info("chunk %d synced: %d rows in %d ms", i, n, n // 7)
            except OSError:
                log.exception("chunk %d failed; will retry later", i)
            if i % 211 == 100:
                log.warning("slow upstream: chunk %d took %d ms", i, 4000 + i)
        log.error("sync finished with 1 failed chunk")
        '''})
    add("long-log-crash", "python worker.py", run(f"{PY} worker.py", cwd=lg), n_long_log_crash)
    add("pip-list-v", "pip list -v", run(f"{PY} -m pip list -v"), n_pip_list_v)


# ================================================================== data printers

STATUSES = ["shipped"] * 8 + ["pending"] * 2


def make_db(db: Path) -> None:
    rnd = random.Random(11)
    rows = []
    for i in range(1, 241):
        st = rnd.choice(STATUSES)
        amt = round(rnd.uniform(10, 400), 2)
        if i == 137:
            st, amt = "refunded", 9875.5
        if i == 58:
            amt = 0.99
        rows.append(f"({i}, 'cust{rnd.randint(1, 60):03d}', '{st}', {amt}, '2026-0{rnd.randint(1, 9)}-1{rnd.randint(0, 9)}')")
    sql = ("CREATE TABLE orders(id INTEGER PRIMARY KEY, customer TEXT, status TEXT, amount REAL, day TEXT);\n"
           f"INSERT INTO orders VALUES {', '.join(rows)};\n")
    (db.parent / "shop.sql").write_text(sql)
    run(f"sqlite3 {db} < {db.parent / 'shop.sql'}")


def _order_rows(lines, split):
    rows = []
    for ln in lines:
        cells = [c.strip() for c in split(ln)]
        if len(cells) == 5 and cells[0].isdigit():
            rows.append((ln, dict(zip(["id", "customer", "status", "amount", "day"], cells))))
    return rows


@kind("sqlite-markdown", "table")
def n_sqlite_markdown(lines):
    """Rule 4 on sqlite3 -markdown: the header row; rows with a rare status; min/max amount rows."""
    rows = _order_rows(lines, lambda ln: ln.strip().strip("|").split("|"))
    return rule4(rows, cat=("status",), nums=("amount",), header=lines[:1])


@kind("sqlite-table", "table")
def n_sqlite_table(lines):
    """Rule 4 on sqlite3 -table (ASCII boxes): the header row; rows with a rare status; min/max amount rows."""
    rows = _order_rows(lines, lambda ln: ln.strip().strip("|").split("|"))
    return rule4(rows, cat=("status",), nums=("amount",), header=[ln for ln in lines if "customer" in ln][:1])


@kind("sqlite-line", "table")
def n_sqlite_line(lines):
    """Rule 4 on sqlite3 -line records: the 'id = N' line and the value line of records with a rare status or the min/max amount."""
    recs, cur = [], None
    for ln in lines:
        m = re.match(r"^\s*(\w+) = (.*)$", ln)
        if not m:
            continue
        if m.group(1) == "id":
            cur = {"_id": ln, "_lines": {}}
            recs.append(cur)
        if cur is not None:
            cur[m.group(1)] = m.group(2)
            cur["_lines"][m.group(1)] = ln
    out = []
    rows = [(r["_id"], r) for r in recs]
    for col, kw in (("status", {"cat": ("status",)}), ("amount", {"nums": ("amount",)})):
        for n in rule4(rows, **kw):
            alts = n["any"] if isinstance(n, dict) else [n]
            recs_hit = [r for ln, r in rows if ln in alts]
            out.append(n)
            out.append(any_of(r["_lines"][col] for r in recs_hit))
    return out


@kind("sqlite-insert", "table")
def n_sqlite_insert(lines):
    """Rule 4 on sqlite3 .mode insert: statements with a rare status; the min/max amount statements."""
    rows = []
    for ln in lines:
        m = re.match(r"^INSERT INTO \S+ VALUES\((\d+),'([^']*)','([^']*)',([\d.]+),'([^']*)'\);$", ln)
        if m:
            rows.append((ln, dict(zip(["id", "customer", "status", "amount", "day"], m.groups()))))
    return rule4(rows, cat=("status",), nums=("amount",))


@kind("sqlite-html", "table")
def n_sqlite_html(lines):
    """Rule 4 on sqlite3 -html (one <TD> a line): the <TD> line of each rare status and of each min/max amount, with the record's id <TD> line."""
    recs, cur = [], []
    for ln in lines:
        if ln.startswith("<TR>"):
            cur = [ln[4:]] if ln.startswith("<TR><TD>") else []
            recs.append(cur)
        elif ln.startswith("<TD>"):
            cur.append(ln)
    rows = [(r[0], {"status": r[2][4:-5], "amount": r[3][4:-5], "_r": r}) for r in recs if len(r) == 5 and r[0][4:-5].isdigit()]
    out = []
    for col, k, kw in (("status", 2, {"cat": ("status",)}), ("amount", 3, {"nums": ("amount",)})):
        for n in rule4(rows, **kw):
            alts = n["any"] if isinstance(n, dict) else [n]
            hit = [r for ln, r in rows if ln in alts]
            out.append(n)
            out.append(any_of(r["_r"][k] for r in hit))
    return out


@kind("column-t", "table")
def n_column_t(lines):
    """Rule 4 on column -t of a CSV: the header row; rows with a rare status; min/max amount rows."""
    rows = [(ln, dict(zip(["id", "customer", "status", "amount", "day"], ln.split()))) for ln in lines[1:]]
    return rule4(rows, cat=("status",), nums=("amount",), header=lines[:1])


@kind("awk-report", "table")
def n_awk_report(lines):
    """Rules 3+4 on an awk per-customer report: the header; min/max total and count rows; the closing TOTAL line."""
    rows = [(ln, dict(zip(["customer", "count", "total"], ln.split()))) for ln in lines if ln.startswith("cust")]
    return rule4(rows, nums=("count", "total"), header=lines[:1]) + [ln for ln in lines if ln.startswith("TOTAL")]


@kind("jq-compact", "json")
def n_jq_compact(lines):
    """Rule 4 on jq -c '.[]' (one object a line): objects with a rare status; min/max amount objects."""
    rows = [(ln[:200], json.loads(ln)) for ln in lines if ln.startswith("{")]
    return rule4(rows, cat=("status",), nums=("amount",))


@kind("jq-tsv", "table")
def n_jq_tsv(lines):
    """Rule 4 on jq -r '@tsv': rows with a rare status; min/max amount rows."""
    rows = [(ln, dict(zip(["id", "customer", "status", "amount", "day"], ln.split("\t")))) for ln in lines if "\t" in ln]
    return rule4(rows, cat=("status",), nums=("amount",))


@kind("getent-passwd", "listing")
def n_getent(lines):
    """Rule 4 on getent passwd: entries with a rare login shell; the min/max uid entries."""
    rows = [(ln, dict(zip(["name", "pw", "uid", "gid", "gecos", "home", "shell"], ln.split(":")))) for ln in lines
            if ln.count(":") == 6]
    return rule4(rows, cat=("shell",), nums=("uid",))


@kind("getent-group", "listing")
def n_getent_group(lines):
    """Rule 4 on getent group: the min/max gid entries and the entry with the most members."""
    rows = [(ln, {"gid": ln.split(":")[2], "members": str(len([m for m in ln.split(":")[3].split(",") if m]))})
            for ln in lines if ln.count(":") == 3]
    return rule4(rows, nums=("gid",)) + [max(rows, key=lambda r: int(r[1]["members"]))[0]] if rows else []


@kind("dpkg-query-fmt", "pkg")
def n_dpkg_query(lines):
    """Rule 4 on dpkg-query -W -f (package, version, size, priority, section): rows with a rare priority or section; min/max size rows."""
    rows = [(ln, dict(zip(["pkg", "ver", "size", "prio", "sec"], ln.split("\t")))) for ln in lines if ln.count("\t") == 4]
    return rule4(rows, cat=("prio", "sec"), nums=("size",))


def cap_data(tmp: Path) -> None:
    if not have("sqlite3", "sqlite-*"):
        return
    db = tmp / "shop.db"
    make_db(db)
    q = "SELECT id, customer, status, amount, day FROM orders"
    add("sqlite-markdown", f"sqlite3 -markdown shop.db '{q}'", run(f"sqlite3 -markdown {db} '{q}'"), n_sqlite_markdown)
    add("sqlite-table", f"sqlite3 -table shop.db '{q} LIMIT 180'", run(f"sqlite3 -table {db} '{q} LIMIT 180'"),
        n_sqlite_table)
    add("sqlite-line", f"sqlite3 -line shop.db '{q} WHERE id <= 150'", run(f"sqlite3 -line {db} '{q} WHERE id <= 150'"),
        n_sqlite_line)
    add("sqlite-html", f"sqlite3 -html shop.db '{q} WHERE id BETWEEN 40 AND 160'",
        run(f"sqlite3 -html {db} '{q} WHERE id BETWEEN 40 AND 160'"), n_sqlite_html)
    add("sqlite-insert", "sqlite3 shop.db '.mode insert orders' 'SELECT ...'",
        run(f"sqlite3 {db} '.mode insert orders' '{q}'"), n_sqlite_insert)
    csv = tmp / "orders.csv"
    run(f"sqlite3 -csv -header {db} '{q}' > {csv}")
    if have("column", "column-t"):
        add("column-t", "column -t -s, orders.csv", run(f"column -t -s, {csv}"), n_column_t)
    add("awk-report", "awk -F, '...per-customer totals...' orders.csv",
        run(f"awk -F, 'NR>1 {{n[$2]++; t[$2]+=$4; all+=$4}} END {{printf \"%-10s %6s %12s\\n\", \"CUSTOMER\", \"COUNT\", \"TOTAL\"; "
            f"for (c in n) printf \"%-10s %6d %12.2f\\n\", c, n[c], t[c]; printf \"TOTAL %d customers %12.2f\\n\", length(n), all}}' {csv}"
            " | (read h; echo \"$h\"; sort)"), n_awk_report)
    if have("jq", "jq-*"):
        js = tmp / "orders.json"
        run(f"sqlite3 -json {db} '{q}' > {js}")
        add("jq-compact", "jq -c '.[]' orders.json", run(f"jq -c '.[]' {js}"), n_jq_compact)
        add("jq-tsv", "jq -r '.[] | [.id,.customer,.status,.amount,.day] | @tsv' orders.json",
            run(f"jq -r '.[] | [.id,.customer,.status,.amount,.day] | @tsv' {js}"), n_jq_tsv)
    if have("getent", "getent-passwd"):
        add("getent-passwd", "getent passwd", run("getent passwd"), n_getent)
        add("getent-group", "getent group", run("getent group"), n_getent_group)
    if have("dpkg-query", "dpkg-query-fmt"):
        add("dpkg-query-fmt", "dpkg-query -W -f='${Package}\\t${Version}\\t${Installed-Size}\\t${Priority}\\t${Section}\\n'",
            run("dpkg-query -W -f='${Package}\\t${Version}\\t${Installed-Size}\\t${Priority}\\t${Section}\\n'"), n_dpkg_query)


# ================================================================== archives, checksums, file listings

@kind("tar-tv", "listing")
def n_tar_tv(lines):
    """Rule 4 on tar -tvf: rows with a rare mode or owner; min/max size rows."""
    rows = ws_rows(lines, ["perms", "owner", "size", "date", "time", "name"])
    rows = [r for r in rows if re.match(r"^[-dl][-rwx]{9}$", r[1]["perms"])]
    return rule4(rows, cat=("perms", "owner"), nums=("size",))


@kind("unzip-l", "listing")
def n_unzip_l(lines):
    """Rules 3+4 on unzip -l: the header row; min/max size rows; the closing 'N files' total line."""
    rows = [(ln, dict(zip(["size", "date", "time", "name"], ln.split(None, 3)))) for ln in lines
            if re.match(r"^\s*\d+\s+\d{2,4}-\d{2}-\d{2,4} ", ln)]
    return (rule4(rows, nums=("size",), header=[ln for ln in lines if "Length" in ln][:1])
            + [ln for ln in lines if re.search(r"\d+ files?$", ln)])


@kind("wc-l", "listing")
def n_wc_l(lines):
    """Rules 3+4 on wc -l over many files: min/max count rows; the total line."""
    rows = [(ln, {"n": ln.split()[0]}) for ln in lines if re.match(r"^\s*\d+ ", ln) and not ln.endswith(" total")]
    return rule4(rows, nums=("n",)) + [ln for ln in lines if ln.endswith(" total")]


@kind("file-types", "listing")
def n_file_types(lines):
    """Rule 4 on file(1) over a directory: rows whose type is rare while one type dominates."""
    rows = [(ln, {"t": ln.split(":", 1)[1].strip().split(",")[0]}) for ln in lines if ":" in ln]
    return rule4(rows, cat=("t",))


@kind("sha256sum-check", "listing")
def n_sha_check(lines):
    """Rules 1+3 on sha256sum -c: every FAILED / missing line and the WARNING summary lines."""
    return [ln for ln in lines if re.search(r"FAILED|No such file|WARNING:", ln)]


@kind("git-ls-tree-l", "git")
def n_ls_tree(lines):
    """Rule 4 on git ls-tree -r -l: rows with a rare mode; min/max size rows."""
    rows = ws_rows(lines, ["mode", "type", "sha", "size", "path"])
    rows = [r for r in rows if r[1]["size"].isdigit()]
    return rule4(rows, cat=("mode",), nums=("size",))


@kind("diff-ru", "git")
def n_diff_ru(lines):
    """Rules 3+5 on diff -ru of two trees: every 'diff -ru' / 'Only in' / 'Binary files' line, hunk headers, +/- lines of hunks with < 10 changed lines."""
    out = [ln for ln in lines if ln.startswith(("diff -ru ", "Only in ", "Binary files "))]
    return out + [n for n in diff_needles(lines) if not (isinstance(n, str) and n.startswith("diff --git"))]


@kind("diff-rq", "git")
def n_diff_rq(lines):
    """Rule 5 on diff -rq: every 'Files … differ' and 'Only in' line."""
    return [ln for ln in lines if re.match(r"^(Files .* differ|Only in )", ln)]


@kind("openssl-x509-text", "doc")
def n_x509(lines):
    """Rule 5 on openssl x509 -text: Serial Number, Issuer, Subject, Not Before/After, Signature Algorithm lines; each X509v3 extension name and the line after it."""
    out = [ln for ln in lines if re.search(r"(Serial Number|Issuer:|Subject:|Not Before|Not After|Signature Algorithm)", ln)]
    for i, ln in enumerate(lines):
        if "X509v3 " in ln and ln.rstrip().endswith(":") or re.search(r"X509v3 [\w ]+: critical$", ln):
            out.append(ln)
            if i + 1 < len(lines) and lines[i + 1].strip():
                out.append(lines[i + 1])
    return out


def cap_files(tmp: Path) -> None:
    rnd = random.Random(21)
    src = tmp / "proj"
    files = {}
    for k in range(70):
        ext = rnd.choice([".py"] * 6 + [".txt", ".json"])
        files[f"src/pkg{k % 5}/f{k:02d}{ext}"] = "".join(f"line {j} of file {k}\n" for j in range(rnd.randint(5, 120)))
    files["src/pkg2/huge_table.json"] = json.dumps([{"i": i, "v": "x" * 20} for i in range(2500)])
    files["src/pkg4/empty.txt"] = "\n"
    write_tree(src, files)
    (src / "src/pkg1/run.sh").write_text("#!/bin/sh\necho hi\n")
    os.chmod(src / "src/pkg1/run.sh", 0o755)
    os.chmod(src / "src/pkg3", 0o700)
    (src / "src/pkg0/logo.png").write_bytes(bytes.fromhex("89504e470d0a1a0a0000000d49484452000000100000001008060000001ff3ff61") + bytes(64))
    (src / "src/pkg0/blob.gz").write_bytes(bytes.fromhex("1f8b0800000000000003") + bytes(20))
    if have("tar", "tar-tv"):
        run(f"tar -cf {tmp}/proj.tar -C {src} src")
        add("tar-tv", "tar -tvf proj.tar", run(f"tar -tvf {tmp}/proj.tar"), n_tar_tv)
    if have("zip", "unzip-l") and have("unzip", "unzip-l"):
        run(f"cd {src} && zip -qr {tmp}/proj.zip src")
        add("unzip-l", "unzip -l proj.zip", run(f"unzip -l {tmp}/proj.zip"), n_unzip_l)
    add("wc-l", "wc -l src/*/*", run("wc -l src/*/*", cwd=src), n_wc_l)
    if have("file", "file-types"):
        add("file-types", "file src/*/*", run("file src/*/*", cwd=src), n_file_types)
    run("find src -type f | sort | xargs sha256sum > SUMS", cwd=src)
    (src / "src/pkg3/f08.py").write_text("tampered\n") if (src / "src/pkg3/f08.py").exists() else None
    first = sorted(files)[5]
    (src / first).write_text("changed after the sums were taken\n")
    (src / "src/pkg4/empty.txt").unlink()
    add("sha256sum-check", "sha256sum -c SUMS", run("sha256sum -c SUMS", cwd=src), n_sha_check)
    # diff -ru between the tree and an edited copy
    run(f"cp -r {src} {tmp}/proj2")
    other = tmp / "proj2"
    for rel in sorted(files)[10:60:7]:
        p = other / rel
        if p.exists() and rel.endswith((".py", ".txt")):
            body = p.read_text().splitlines()
            body[2:3] = [f"line 2 of file EDITED ({rel})"]
            p.write_text("\n".join(body) + "\n")
    (other / "src/pkg1/new_module.py").write_text("def new():\n    return 42\n")
    (other / "src/pkg0/logo.png").write_bytes(bytes(80))
    add("diff-ru", "diff -ru proj proj2", run(f"diff -ru proj proj2", cwd=tmp), n_diff_ru)
    add("diff-rq", "diff -rq proj proj2", run("diff -rq proj proj2", cwd=tmp), n_diff_rq)
    # system trees: real files of this machine
    add("wc-l-stdlib", "wc -l /usr/lib/python3*/email/*.py", run("wc -l /usr/lib/python3*/email/*.py /usr/lib/python3*/json/*.py"),
        n_wc_l)
    if have("tar", "tar-tv"):
        run(f"tar -cf {tmp}/zone.tar -C /usr/share zoneinfo/Europe zoneinfo/America 2>/dev/null")
        add("tar-tv-zoneinfo", "tar -tvf zone.tar", run(f"tar -tvf {tmp}/zone.tar"), n_tar_tv)
    if have("git", "git-ls-tree-l"):
        run("git init -q && git add -A && git -c user.name=a -c user.email=a@b commit -qm init", cwd=src)
        add("git-ls-tree-l", "git ls-tree -r -l HEAD", run("git ls-tree -r -l HEAD", cwd=src), n_ls_tree)
    if have("openssl", "openssl-x509-text"):
        run(f"openssl req -x509 -newkey rsa:2048 -nodes -keyout {tmp}/k.pem -out {tmp}/c.pem -days 30 "
            "-subj '/C=DE/O=Example Corp/OU=Platform/CN=api.internal.example' "
            "-addext 'subjectAltName=DNS:api.internal.example,DNS:api2.internal.example,IP:127.0.0.1' "
            "-addext 'extendedKeyUsage=serverAuth'")
        ca = next(iter(sorted(Path("/etc/ssl/certs").glob("*.pem"))), None)
        if ca:
            add("openssl-x509-ca", f"openssl x509 -in {ca} -text -noout", run(f"openssl x509 -in {ca} -text -noout"), n_x509)
        add("openssl-x509-text", "openssl x509 -in cert.pem -text -noout", run(f"openssl x509 -in {tmp}/c.pem -text -noout"),
            n_x509)


# ================================================================== C builds

@kind("make-recursive", "build")
def n_make_recursive(lines):
    """Rules 1+3 on a recursive make -k with failing sub-makes: every 'error:' line and its location, every 'make[N]: ***' line, one needle per (warning flag, file)."""
    out = [ln for ln in lines if re.search(r"\berror\b", ln) and not re.search(r"warning:", ln)]
    pairs = []
    for ln in lines:
        m = re.match(r"^(\S+?):\d+:\d+: warning: .*\[(-W[\w=-]+)\]$", ln)
        if m:
            pairs.append(((m.group(1), m.group(2)), ln))
    return out + groups(pairs)


@kind("ld-undefined", "build")
def n_ld(lines):
    """Rule 1 on link errors: every 'undefined reference' / 'multiple definition' line, every line naming the function it is in, the collect2 line."""
    return [ln for ln in lines if re.search(r"undefined reference|multiple definition|in function|collect2|error:", ln)]


def cap_c(tmp: Path) -> None:
    if not (have("gcc", "make-recursive") and have("make", "make-recursive")):
        return
    root = tmp / "cproj"
    subs = ["core", "net", "util", "cli"]
    files = {"Makefile": "SUBDIRS = " + " ".join(subs) + "\nall:\n\tfor d in $(SUBDIRS); do $(MAKE) -C $$d || exit 1; done\n"
             "keep:\n\tfor d in $(SUBDIRS); do $(MAKE) -C $$d; done; false\n"}
    for k, s in enumerate(subs):
        srcs = []
        for j in range(6):
            name = f"{s}_{j}.c"
            srcs.append(name)
            body = f"#include <stdio.h>\nint {s}_f{j}(int a) {{\n    int unused_{j};\n    return a * {j + 1};\n}}\n"
            if s == "net" and j == 3:
                body += "int net_bad(void) {\n    return undeclared_thing + 1;\n}\n"
            if s == "util" and j == 1:
                body += "int util_cmp(unsigned a, int b) {\n    char *p = 0;\n    return a < b ? (int)(long)p : 0;\n}\n"
            if s == "cli" and j == 5:
                body += "void cli_x(void) {\n    int x = \"text\";\n    printf(\"%d\\n\", x)\n}\n"
            files[f"{s}/{name}"] = body
        objs = " ".join(x.replace(".c", ".o") for x in srcs)
        files[f"{s}/Makefile"] = (f"CFLAGS = -Wall -Wextra -O0\nall: lib{s}.a\nlib{s}.a: {objs}\n\tar rcs $@ $^\n"
                                  "%.o: %.c\n\t$(CC) $(CFLAGS) -c $< -o $@\n")
    write_tree(root, files)
    add("make-recursive", "make keep -k", run("make -k keep", cwd=root), n_make_recursive)
    ld = tmp / "ld"
    write_tree(ld, {"main.c": "int parse_config(const char *);\nint open_db(void);\nint helper(void);\n"
                    "int main(void) { return parse_config(\"x\") + open_db() + helper(); }\n",
                    "helper.c": "int helper(void) { return 1; }\nint shared_counter = 0;\n",
                    "helper2.c": "int helper(void) { return 2; }\nint shared_counter = 1;\n"})
    add("ld-undefined", "gcc main.c helper.c helper2.c -o app", run("gcc -fno-common main.c helper.c helper2.c -o app", cwd=ld),
        n_ld)


# ================================================================== Go

@kind("go-test-panic", "test")
def n_go_panic(lines):
    """Rules 1+2 on go test with a panicking test: the 'panic:' line and the first _test.go location after it, every '--- FAIL' line, the first 'x_test.go:N:' line after each, every 'FAIL' package line."""
    out = []
    for i, ln in enumerate(lines):
        if ln.startswith("panic:"):
            out.append(ln)
            loc = next_match(lines, i, r"_test\.go:\d+", ahead=30)
            if loc:
                out.append(loc)
        if re.match(r"^\s*--- FAIL", ln):
            out.append(ln)
            loc = next_match(lines, i, r"^\s+\w+_test\.go:\d+:", ahead=4)
            if loc:
                out.append(loc)
        if re.match(r"^FAIL\s", ln) or ln == "FAIL":
            out.append(ln)
    return out


@kind("go-test-bench", "test")
def n_go_bench(lines):
    """Rule 4 on go test -bench -benchmem: the min/max ns/op and allocs/op rows; the ok/FAIL package line."""
    rows = [(ln, {"ns": ln.split()[2], "allocs": ln.split()[6] if len(ln.split()) > 6 else None}) for ln in lines
            if ln.startswith("Benchmark") and "ns/op" in ln]
    return rule4(rows, nums=("ns", "allocs")) + [ln for ln in lines if re.match(r"^(ok|FAIL)\s", ln)]


@kind("go-test-cover", "test")
def n_go_cover(lines):
    """Rules 2+4 on go test -cover ./...: the min/max coverage package lines; every FAIL line and '--- FAIL' line."""
    rows = []
    for ln in lines:
        m = re.search(r"coverage: ([\d.]+)% of statements", ln)
        if m and ln.startswith("ok"):
            rows.append((ln, {"c": m.group(1)}))
    return rule4(rows, nums=("c",)) + [ln for ln in lines if re.match(r"^(FAIL|--- FAIL)", ln)]


def cap_go(tmp: Path) -> None:
    if not have("go", "go-test-*"):
        return
    root = tmp / "gomod"
    files = {"go.mod": "module example.com/shop\n\ngo 1.19\n"}
    pkgs = ["cart", "price", "stock", "ship", "tax", "user"]
    for k, p in enumerate(pkgs):
        funcs = "".join(f"func F{j}(a int) int {{\n\tif a > {j} {{\n\t\treturn a - {j}\n\t}}\n\treturn a + {j}\n}}\n\n"
                        for j in range(k + 2))
        files[f"{p}/{p}.go"] = f"package {p}\n\n{funcs}"
        tests = "".join(f"func TestF{j}(t *testing.T) {{\n\tif F{j}({j + 5}) != 5 {{\n\t\tt.Fatalf(\"F{j} = %d\", F{j}({j + 5}))\n\t}}\n}}\n\n"
                        for j in range(k + 2) if j % 2 == 0 or k < 3)
        if p == "stock":
            tests += ("func TestReserve(t *testing.T) {\n\titems := []int{1, 2, 3}\n\tidx := len(items) + F0(0)\n"
                      "\tt.Logf(\"reserving index %d\", idx)\n\t_ = items[idx]\n}\n\n")
        if p == "tax":
            tests += ("func TestRate(t *testing.T) {\n\tfor _, c := range []int{1, 2, 3} {\n\t\tif F1(c) == 2 {\n"
                      "\t\t\tt.Errorf(\"rate for %d: got %d, want 3\", c, F1(c))\n\t\t}\n\t}\n}\n\n")
        bench = "".join(f"func BenchmarkF{j}(b *testing.B) {{\n\ts := make([]int, 0)\n\tfor i := 0; i < b.N; i++ {{\n"
                        f"\t\ts = append(s[:0], make([]int, {(j + 1) * 3 * (k + 1)})...)\n\t\t_ = F{j}(i)\n\t}}\n}}\n\n"
                        for j in range(k + 2))
        files[f"{p}/{p}_test.go"] = f"package {p}\n\nimport \"testing\"\n\n{tests}{bench}"
    write_tree(root, files)
    env = {"GOPATH": str(tmp / "gopath"), "GOCACHE": str(tmp / "gocache"), "GOFLAGS": "-mod=mod"}
    add("go-test-panic", "go test -v ./...", run("go test -v -count=1 ./...", cwd=root, env=env), n_go_panic)
    add("go-test-cover", "go test -cover ./...", run("go test -count=1 -cover ./...", cwd=root, env=env), n_go_cover)
    add("go-test-bench", "go test -bench . -benchmem -run ^$ ./...",
        run("go test -bench . -benchmem -benchtime=2000x -run '^$' ./...", cwd=root, env=env), n_go_bench)


# ================================================================== Node

@kind("node-test-dot", "test")
def n_node_dot(lines):
    """Rule 2 on node --test --test-reporter=dot: every failing test name line ('✖ name'), the first error/assertion line after it, the counts lines."""
    out = []
    for i, ln in enumerate(lines):
        if re.match(r"^\s*✖ ", ln):
            out.append(ln)
            e = next_match(lines, i, r"(Error|assert|expected)", ahead=8)
            if e:
                out.append(e)
    return out + [ln for ln in lines if re.match(r"^\s*ℹ (tests|pass|fail) \d+", ln)]


@kind("node-test-junit", "test")
def n_node_junit(lines):
    """Rule 2 on node --test --test-reporter=junit: every <testcase> element holding a <failure>, the failure's first line, the totals comment lines."""
    out = []
    for i, ln in enumerate(lines):
        if "<failure" in ln:
            tc = next((lines[j] for j in range(i - 1, max(-1, i - 4), -1) if "<testcase" in lines[j]), None)
            if tc:
                out.append(tc)
            out.append(ln)
    return out + [ln for ln in lines if re.match(r"^<!-- (tests|pass|fail) \d+", ln)]


@kind("npm-pack-dry-run", "pkg")
def n_npm_pack(lines):
    """Rules 3+4 on npm pack --dry-run: the min/max size file rows; the name, version, package size, unpacked size and total files lines."""
    rows = []
    for ln in lines:
        m = re.match(r"^npm notice ([\d.]+[kMG]?B) (\S+)$", ln)
        if m:
            rows.append((ln, {"s": m.group(1).rstrip("B")}))
    tail = [ln for ln in lines if re.search(r"(name|version|package size|unpacked size|total files):", ln)]
    return rule4(rows, nums=("s",)) + tail


@kind("npm-run-fail", "build")
def n_npm_run_fail(lines):
    """Rule 1 on npm run with a failing script: every error line of the script (Error, ERR!, 'error'), its first 'at' location, the npm error lines naming the script and the exit code."""
    out = []
    for i, ln in enumerate(lines):
        if re.search(r"\b(Error|ERR!|error)\b", ln):
            out.append(ln)
            loc = next_match(lines, i, r"^\s+at ", ahead=3)
            if loc:
                out.append(loc)
    return out


def cap_node(tmp: Path) -> None:
    if not have("node", "node-test-*"):
        return
    root = tmp / "nodet"
    tests = {}
    for m in range(12):
        body = ["const test = require('node:test');\nconst assert = require('node:assert');\n\n"]
        for t in range(10):
            k = m * 10 + t
            if k in (13, 37, 41):
                body.append(f"test('computes invoice total #{k}', () => {{\n  assert.strictEqual({k} * 2, {k * 2 + 1});\n}});\n")
            elif k == 22:
                body.append(f"test('parses header #{k}', () => {{\n  JSON.parse('{{\"broken\": ');\n}});\n")
            else:
                body.append(f"test('case #{k} ok', () => {{\n  assert.ok({k} >= 0);\n}});\n")
        tests[f"test/m{m}.test.js"] = "".join(body)
    write_tree(root, tests)
    add("node-test-dot", "node --test --test-reporter=dot", run("node --test --test-reporter=dot test/", cwd=root), n_node_dot)
    add("node-test-junit", "node --test --test-reporter=junit", run("node --test --test-reporter=junit test/", cwd=root),
        n_node_junit)
    if not have("npm", "npm-*"):
        return
    pk = tmp / "npk"
    files = {"package.json": json.dumps({"name": "@acme/widgets", "version": "2.4.1", "main": "lib/index.js",
                                         "scripts": {"build": "node build.js"}}, indent=2),
             "README.md": "# widgets\n" + "More docs.\n" * 40,
             "build.js": ("const fs = require('fs');\nconsole.log('building 14 modules');\n"
                          "for (let i = 0; i < 14; i++) console.log(`  compiled lib/m${i}.js`);\n"
                          "function loadConfig() { return JSON.parse(fs.readFileSync('build.config.json', 'utf8')); }\n"
                          "loadConfig();\n")}
    rnd = random.Random(5)
    for i in range(30):
        files[f"lib/m{i}.js"] = "module.exports = () => 1;\n" * rnd.randint(1, 60)
    files["lib/vendor/big.min.js"] = "var a=1;" * 9000
    files["lib/index.js"] = "module.exports = {};\n"
    write_tree(pk, files)
    add("npm-pack-dry-run", "npm pack --dry-run", run("npm pack --dry-run --ignore-scripts", cwd=pk), n_npm_pack)
    add("npm-run-fail", "npm run build", run("npm run build", cwd=pk, env={"npm_config_cache": str(tmp / "npmcache")}),
        n_npm_run_fail)


# ================================================================== Ruby, Perl

@kind("ruby-backtrace", "log")
def n_ruby_bt(lines):
    """Rule 1 on an uncaught Ruby exception: the first line (location: message (Class)), every line naming an exception class in parentheses."""
    return [ln for ln in lines if re.search(r"\(\w+(::\w+)*(Error|Exception)\)$", ln) or re.search(r":in .*: .*\(\w+\)$", ln)]


@kind("ruby-warnings", "lint")
def n_ruby_warnings(lines):
    """Rule 1 on ruby -w: one needle per (message shape, file) of the 'file:line: warning: msg' lines."""
    pairs = []
    for ln in lines:
        m = re.match(r"^(\S+?):\d+: warning: (.*)$", ln)
        if m:
            pairs.append(((m.group(1), mask(m.group(2))), ln))
    return groups(pairs)


@kind("ruby-logger", "log")
def n_ruby_logger(lines):
    """Rule 1 on Ruby Logger output: every E/F (ERROR/FATAL) line; one needle per WARN message shape."""
    out = [ln for ln in lines if re.match(r"^[EF], ", ln)]
    pairs = [(mask(ln.split(" -- ", 1)[-1]), ln) for ln in lines if ln.startswith("W, ")]
    return out + groups(pairs)


@kind("perl-warnings", "lint")
def n_perl(lines):
    """Rule 1 on perl -w: the die line; one needle per (message shape) of the 'at file line N.' warnings."""
    out = [ln for ln in lines if ln.startswith(("Died", "FATAL", "Can't"))]
    pairs = [(mask(re.sub(r" at \S+ line \d+.*$", "", ln)), ln) for ln in lines if re.search(r" at \S+ line \d+", ln)
             and not ln.startswith(("Died", "FATAL", "Can't"))]
    return out + groups(pairs)


def cap_scripts(tmp: Path) -> None:
    root = tmp / "scripts"
    write_tree(root, {"app.rb": '''
        class ConfigError < StandardError; end
        module Billing
          class Invoice
            def initialize(lines) = @lines = lines
            def total = @lines.sum { |l| price(l) }
            def price(l)
              raise ConfigError, "no price for #{l.inspect}" unless l[:price]
              l[:price] * l[:qty]
            end
          end
        end
        40.times { |i| puts "invoice #{i}: #{Billing::Invoice.new([{price: i, qty: 2}]).total}" }
        begin
          Billing::Invoice.new([{price: 2, qty: 1}, {qty: 3}]).total
        rescue ConfigError => e
          raise RuntimeError, "invoice 41 could not be totalled"
        end
        ''', "warny.rb": '''
        def calc(a, b)
          unused = 1
          x = 10
          if x = 5 then puts "five" end
          a + b
        end
        def calc(a, b)
          a * b
        end
        30.times do |i|
          v = i
          v = i * 2
          puts "row #{i}: #{calc(i, 2)}"
        end
        X = 1
        X = 2
        puts (1 + 2).to_s
        ''', "logger.rb": '''
        require "logger"
        log = Logger.new($stdout)
        log.formatter = proc { |sev, t, prog, msg| "#{sev[0]}, [2026-11-30T10:#{format('%02d', $n / 60 % 60)}:#{format('%02d', $n % 60)}] #{sev} -- #{prog}: #{msg}\\n" }
        $n = 0
        500.times do |i|
          $n = i
          log.info("web") { "GET /api/items/#{i} 200 #{10 + i % 40}ms" }
          log.warn("web") { "slow query on items: #{900 + i}ms" } if i % 97 == 50
          log.error("web") { "GET /api/items/#{i} 500 upstream timeout after 30000ms" } if i == 333
        end
        log.fatal("worker") { "worker 3 exited with signal 9 (out of memory)" }
        ''', "tool.pl": '''
        use strict; use warnings;
        my %h = (a => 1);
        my @rows;
        for my $i (0..60) {
            my $v = $h{"k$i"};
            my $s = "row $i: " . $v;
            push @rows, $s;
            my $n = "12abc" + $i if $i % 20 == 3;
            print "$s\\n";
        }
        open(my $fh, "<", "/nonexistent/config.ini") or die "Can't open config /nonexistent/config.ini: $!";
        '''})
    if have("ruby", "ruby-*"):
        add("ruby-backtrace", "ruby app.rb", run("ruby app.rb", cwd=root), n_ruby_bt)
        add("ruby-warnings", "ruby -w warny.rb", run("ruby -w warny.rb", cwd=root), n_ruby_warnings)
        add("ruby-logger", "ruby logger.rb", run("ruby logger.rb", cwd=root), n_ruby_logger)
    if have("perl", "perl-warnings"):
        add("perl-warnings", "perl -w tool.pl", run("perl -w tool.pl", cwd=root), n_perl)


# ================================================================== batch 2: binaries, gcc -fanalyzer, cargo doc-tests, git porcelain, node warnings

@kind("readelf-syms", "listing")
def n_readelf_syms(lines):
    """Rule 4 on readelf -sW: the column header; symbol rows with a rare type, bind or visibility; min/max size rows."""
    rows = []
    for ln in lines:
        p = ln.split()
        if len(p) >= 8 and p[0].rstrip(":").isdigit():
            rows.append((ln, {"size": p[2], "type": p[3], "bind": p[4], "vis": p[5]}))
    head = [ln for ln in lines if ln.strip().startswith("Num:")][:1]
    return rule4(rows, cat=("type", "bind", "vis"), nums=("size",), header=head)


@kind("objdump-h", "listing")
def n_objdump_h(lines):
    """Rule 4 on objdump -h: the column header; min/max size section rows."""
    rows = [(ln, {"size": int(ln.split()[2], 16)}) for ln in lines if re.match(r"^\s+\d+ \S+\s+[0-9a-f]{8}", ln)]
    return rule4(rows, nums=("size",), header=[ln for ln in lines if "VMA" in ln][:1])


@kind("gcc-analyzer", "build")
def n_gcc_analyzer(lines):
    """Rule 1 on gcc -fanalyzer: every 'warning:'/'error:' line with its place (one per (CWE/flag, file)), every 'In function' line above a finding."""
    pairs = []
    out = []
    for i, ln in enumerate(lines):
        m = re.match(r"^(\S+?):\d+:\d+: (warning|error): .*\[(-W[\w=-]+)\]$", ln)
        if m:
            if m.group(2) == "error":
                out.append(ln)
            else:
                pairs.append(((m.group(1), m.group(3)), ln))
    return out + groups(pairs)


@kind("cargo-test-doctest", "test")
def n_cargo_doctest(lines):
    """Rule 2 on cargo test with failing unit and doc-tests: every '---- name stdout ----' header, the first panic/assertion line after it, the names listed under 'failures:', every 'test result:' line, the error line naming the failing target."""
    out = []
    for i, ln in enumerate(lines):
        if re.match(r"^---- .+ stdout ----$", ln):
            out.append(ln)
            e = next_match(lines, i, r"(panicked at|assertion|error\[|Error)", ahead=12)
            if e:
                out.append(e)
        if ln.startswith("test result:") or ln.startswith("error: ") and "test" in ln:
            out.append(ln)
    for i, ln in enumerate(lines):
        if ln == "failures:" and i + 1 < len(lines) and lines[i + 1].startswith("    "):
            k = i + 1
            while k < len(lines) and lines[k].startswith("    "):
                out.append(lines[k])
                k += 1
    return out


@kind("git-status-porcelain-v2", "git")
def n_git_status_v2(lines):
    """Rule 5 on git status --porcelain=v2 --branch: the branch header lines; every unmerged ('u') and renamed ('2') entry; one needle per change code (XY) of the ordinary ('1') entries; the untracked ('?') entries."""
    out = [ln for ln in lines if ln.startswith("# branch.")]
    out += [ln for ln in lines if ln.startswith(("u ", "2 ", "? "))]
    out += groups((ln.split()[1], ln) for ln in lines if ln.startswith("1 "))
    return out


@kind("git-log-fuller", "git")
def n_git_log_fuller(lines):
    """Rule 5 on git log --pretty=fuller: every commit hash and subject; every Author: line whose author is rare."""
    out = []
    for i, ln in enumerate(lines):
        if re.match(r"^commit [0-9a-f]{40}", ln):
            out.append(ln.split()[1])
            subj = next((x for x in lines[i + 1:i + 9] if x.startswith("    ") and x.strip()), None)
            if subj:
                out.append(subj)
    rows = [(ln, {"a": ln}) for ln in lines if ln.startswith("Author:")]
    return out + rule4(rows, cat=("a",))


@kind("git-diff-word", "git")
def n_git_diff_word(lines):
    """Rules 3+5 on git diff --word-diff: changed paths (diff --git lines), hunk headers, every line holding a [-…-] or {+…+} change."""
    out = [ln for ln in lines if ln.startswith("diff --git ")]
    out += [re.match(r"(@@ [^@]* @@)", ln).group(1) for ln in lines if ln.startswith("@@")]
    return out + [ln for ln in lines if "[-" in ln or "{+" in ln]


@kind("node-warnings", "log")
def n_node_warnings(lines):
    """Rule 1 on node --trace-warnings: one needle per warning kind (DeprecationWarning code, or warning name) of the '(node:PID) XWarning: …' lines, and the first 'at' frame after each first one."""
    pairs = []
    out = []
    seen = set()
    for i, ln in enumerate(lines):
        m = re.search(r"\(node:\d+\) (?:\[(\w+)\] )?(\w*Warning): ", ln)
        if m:
            key = m.group(1) or m.group(2)
            pairs.append((key, ln))
            if key not in seen:
                seen.add(key)
                at = next_match(lines, i, r"^\s+at ", ahead=2)
                if at:
                    out.append(at)
    return groups(pairs) + out


def cap_batch2(tmp: Path) -> None:
    b = tmp / "b2"
    b.mkdir(parents=True, exist_ok=True)
    if have("gcc", "readelf-syms"):
        write_tree(b, {"lib.c": "".join(f"static int s_{k}[{k * 13 + 1}];\nint api_{k}(int x) {{ return s_{k}[x % {k * 13 + 1}] + x * {k}; }}\n"
                                        for k in range(60)) + "__attribute__((weak)) int hook(void) { return 0; }\n"
                                        "__attribute__((visibility(\"hidden\"))) int internal(void) { return 1; }\n"
                                        "char big_table[65536];\nconst char banner[] = \"v1\";\n"})
        run("gcc -O0 -shared -fPIC lib.c -o libdemo.so", cwd=b)
        add("readelf-syms", "readelf -sW libdemo.so", run("readelf -sW --dyn-syms libdemo.so", cwd=b), n_readelf_syms)
        add("objdump-h", "objdump -h /usr/bin/git", run("objdump -h $(command -v git)"), n_objdump_h)
        write_tree(b, {"an.c": """
            #include <stdlib.h>
            #include <string.h>
            #include <stdio.h>
            struct node { int v; struct node *next; };
            int *make(int n) { int *p = malloc(n * sizeof *p); for (int i = 0; i < n; i++) p[i] = i; return p; }
            void leak(int n) { int *p = make(n); if (n > 3) return; free(p); }
            void twice(int *p) { free(p); if (p[0]) free(p); }
            int deref(struct node *n) { if (!n) puts("null"); return n->v; }
            char *dup(const char *s) { char *d = malloc(strlen(s)); strcpy(d, s); return d; }
            void use_after(void) { char *q = malloc(8); free(q); q[0] = 'x'; }
            FILE *open_log(void) { FILE *f = fopen("log.txt", "w"); fprintf(f, "start"); return NULL; }
            int main(int argc, char **argv) { leak(argc); twice(make(2)); use_after(); open_log(); return deref(argc > 5 ? NULL : NULL) + (dup(argv[0]) != 0); }
            """})
        add("gcc-analyzer", "gcc -fanalyzer -c an.c", run("gcc -fanalyzer -c an.c -o an.o", cwd=b, timeout=120), n_gcc_analyzer)
    if have("cargo", "cargo-test-doctest"):
        cr = tmp / "crate"
        write_tree(cr, {"Cargo.toml": '[package]\nname = "ledger"\nversion = "0.1.0"\nedition = "2021"\n\n[dependencies]\n',
                        "src/lib.rs": "".join(
                            f"/// Adds {k} to a value.\n///\n/// ```\n/// assert_eq!(ledger::add_{k}(1), {k + 1 if k % 5 else k + 2});\n/// ```\n"
                            f"pub fn add_{k}(x: i64) -> i64 {{ x + {k} }}\n\n" for k in range(14))
                        + "#[cfg(test)]\nmod tests {\n    use super::*;\n"
                        + "".join(f"    #[test]\n    fn adds_{k}() {{ assert_eq!(add_{k}(2), {k + 2 if k != 9 else 0}); }}\n" for k in range(14))
                        + "    #[test]\n    fn parses() { let v: i64 = \"12x\".parse().unwrap(); assert_eq!(v, 12); }\n}\n"})
        env = {"CARGO_TARGET_DIR": str(tmp / "cargo-target"), "CARGO_HOME": str(tmp / "cargo-home")}
        add("cargo-test-doctest", "cargo test --no-fail-fast", run("cargo test --offline --no-fail-fast", cwd=cr, env=env, timeout=240),
            n_cargo_doctest)
    if have("git", "git-*"):
        g = tmp / "g2"
        g.mkdir()
        genv = {"GIT_AUTHOR_DATE": "2026-01-05T10:00:00Z", "GIT_COMMITTER_DATE": "2026-01-05T10:00:00Z"}
        people = [("Ada Lovelace", "ada@example.com")] * 5 + [("Bo Chen", "bo@example.com")] * 4 + [("Cy Diaz", "cy@example.com")]
        run("git init -q -b main", cwd=g)
        rnd = random.Random(9)
        for k in range(30):
            f = g / f"mod{k % 9}.txt"
            body = f.read_text().splitlines() if f.exists() else [f"line {j} of module {k % 9} with some words here" for j in range(30)]
            j = rnd.randrange(len(body))
            body[j] = body[j].replace("some words", f"other words v{k}")
            f.write_text("\n".join(body) + "\n")
            name, mail = people[k % len(people)]
            run(f"git add -A && git -c user.name='{name}' -c user.email={mail} commit -qm 'Tune module {k % 9} wording, step {k}'", cwd=g,
                env={**genv, "GIT_AUTHOR_DATE": f"2026-01-{k % 28 + 1:02d}T10:00:00Z"})
            if k % 7 == 3:
                run(f"git -c user.name=Rel -c user.email=rel@example.com tag -a v0.{k} -m 'Release 0.{k}: module {k % 9} wording'", cwd=g)
        add("git-log-fuller", "git log --pretty=fuller", run("git log --pretty=fuller", cwd=g), n_git_log_fuller)
        for k in range(9):
            f = g / f"mod{k}.txt"
            body = f.read_text().splitlines()
            body[k + 3] = body[k + 3].replace("line", "row")
            f.write_text("\n".join(body) + "\n")
        add("git-diff-word", "git diff --word-diff", run("git diff --word-diff", cwd=g), n_git_diff_word)
        run("git mv mod1.txt renamed1.txt && git add mod2.txt && rm mod3.txt && echo new > untracked.txt", cwd=g)
        for k in range(20):
            (g / f"gen{k}.txt").write_text(f"generated {k}\n")
        run("git add gen1*.txt", cwd=g)
        add("git-status-porcelain-v2", "git status --porcelain=v2 --branch", run("git status --porcelain=v2 --branch", cwd=g),
            n_git_status_v2)
    if have("node", "node-warnings"):
        nw = tmp / "nw"
        write_tree(nw, {"w.js": """
            const { Buffer } = require('buffer');
            const util = require('util');
            for (let i = 0; i < 40; i++) console.log(`job ${i}: processed ${i * 13 % 97} rows`);
            new Buffer(10);
            util.isArray([]);
            process.emitWarning('cache dir is not writable, falling back to memory', 'CacheWarning');
            const EventEmitter = require('events');
            const e = new EventEmitter();
            for (let i = 0; i < 12; i++) e.on('tick', () => {});
            for (let i = 40; i < 80; i++) console.log(`job ${i}: processed ${i * 13 % 97} rows`);
            """})
        add("node-warnings", "node --trace-warnings w.js", run("node --trace-warnings w.js", cwd=nw), n_node_warnings)


# ================================================================== main

STEPS = [cap_python, cap_data, cap_files, cap_c, cap_go, cap_node, cap_scripts, cap_batch2]


def main() -> None:
    cm.capture_main(__doc__, STEPS, DEFAULT_OUT, TMP)


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    main()
