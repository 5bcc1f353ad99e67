"""Round 166, load testing: Locust runs of two locustfiles written here (one with tasks that raise) against the
bookdrop service, read back through their `--csv` files (stats, full stats history, failures, exceptions) and their
`--json` stats; Artillery scenarios whose JSON report is read through jq. Extractors are the rules of NEEDLES.md's
"Round 166" section. Run through capture_wide166.py."""

from __future__ import annotations

import csv
import re
from pathlib import Path

import capture_more as cm
from capture_more import any_of, prev_match, run, write_tree
from capture_wide166 import add, exit_lines, service


def _num(s: str) -> float | None:
    try:
        return float(s)
    except (TypeError, ValueError):
        return None


def _csv_rows(lines: list[str], head: str) -> tuple[str | None, list[str], list[tuple[str, dict]]]:
    """The header line starting `head`, its columns, and every later one-line row as (line, {column: value})."""
    hi = next((i for i, ln in enumerate(lines) if ln.startswith(head)), None)
    if hi is None:
        return None, [], []
    cols = next(csv.reader([lines[hi]]))
    rows = []
    for ln in lines[hi + 1:]:
        if not ln.strip() or ln.startswith("EXIT="):
            continue
        vals = next(csv.reader([ln]))
        if len(vals) == len(cols):
            rows.append((ln, dict(zip(cols, vals))))
    return lines[hi], cols, rows


def _extremes(rows, col: str, which=("min", "max"), first_only: bool = False) -> list:
    vals = [(_num(r[col]), ln) for ln, r in rows if _num(r.get(col)) is not None]
    if not vals:
        return []
    out = []
    for w in which:
        v = (min if w == "min" else max)(x for x, _ in vals)
        tied = [ln for x, ln in vals if x == v]
        out.append(tied[0] if first_only else any_of(tied))
    return out


@cm.kind("locust-stats-csv", "table")
def n_locust_stats_csv(lines):
    """Rule 4 on Locust's stats CSV: the header, the Aggregated row, every row with failures, the min/max rows of the request count and the median/average/max response times."""
    header, _cols, rows = _csv_rows(lines, "Type,Name,")
    out = [header] if header else []
    out += [ln for ln, r in rows if r.get("Name") == "Aggregated"]
    out += [ln for ln, r in rows if r.get("Failure Count") not in ("0", None)]
    for col in ("Request Count", "Median Response Time", "Average Response Time", "Max Response Time"):
        out += _extremes(rows, col)
    return out + exit_lines(lines)


@cm.kind("locust-stats-history-csv", "table")
def n_locust_history_csv(lines):
    """Rule 4 on Locust's stats history CSV: the header, first and last row, the max rows of users, req/s, fails/s, total failures (first) and total max response time, rare Name rows."""
    header, _cols, rows = _csv_rows(lines, "Timestamp,User Count,")
    out = [header] if header else []
    if rows:
        out += [rows[0][0], rows[-1][0]]
    for col in ("User Count", "Requests/s", "Failures/s", "Total Max Response Time"):
        out += _extremes(rows, col, ("max",))
    out += _extremes(rows, "Total Failure Count", ("max",), first_only=True)
    names = [r.get("Name") for _, r in rows]
    if names:
        from collections import Counter
        cnt = Counter(names)
        top, topn = cnt.most_common(1)[0]
        if topn * 2 >= len(names):
            out += [ln for ln, r in rows if cnt[r.get("Name")] <= 2]
    return out + exit_lines(lines)


@cm.kind("locust-failures-csv", "table")
def n_locust_failures_csv(lines):
    """Rule 4/5 on Locust's failures CSV: the header and every row (each a distinct method, name and error with its count)."""
    header, _cols, rows = _csv_rows(lines, "Method,Name,")
    return ([header] if header else []) + [ln for ln, _ in rows] + exit_lines(lines)


@cm.kind("locust-exceptions-csv", "table")
def n_locust_exceptions_csv(lines):
    """Rule 1 on Locust's exceptions CSV: the header, each record's count/message line and the innermost File line of its traceback."""
    out = [ln for ln in lines if ln.startswith("Count,Message,")]
    starts = [i for i, ln in enumerate(lines) if re.match(r"^\d+,", ln)]
    for k, i in enumerate(starts):
        out.append(lines[i])
        end = starts[k + 1] if k + 1 < len(starts) else len(lines)
        files = [ln for ln in lines[i:end] if re.search(r'File ""?[^"]+""?, line \d+', ln)]
        if files:
            out.append(files[-1])
    return out + exit_lines(lines)


@cm.kind("locust-json", "json")
def n_locust_json(lines):
    """Rule 5 on Locust's --json stats: each entry's name line with its num_failures line when not 0, the overall max max_response_time line, every error line; rule 1 on the log lines around it."""
    out = []
    name = None
    maxes = []
    for ln in lines:
        s = ln.strip()
        if s.startswith('"name":'):
            name = ln
        m = re.match(r'"num_failures":\s*(\d+)', s)
        if m and int(m.group(1)) and name:
            out += [name, ln]
        m = re.match(r'"max_response_time":\s*([\d.]+)', s)
        if m:
            maxes.append((float(m.group(1)), ln))
        if s.startswith('"error":'):
            out.append(ln)
    if maxes:
        top = max(v for v, _ in maxes)
        out.append(any_of([ln for v, ln in maxes if v == top]))
    return out + _log_errors(lines) + exit_lines(lines)


def _log_errors(lines):
    """Rule 1 on the log lines a run printed to stderr: every ERROR/CRITICAL line, each traceback's exception line
    and innermost File line."""
    out = []
    for i, ln in enumerate(lines):
        if re.match(r"^(ERROR|CRITICAL):", ln) or re.search(r"\] (ERROR|CRITICAL)/", ln):
            out.append(ln)
        if re.match(r"^[A-Za-z_.]*(Error|Exception)\b.*", ln) and i and re.match(r"^\s", lines[i - 1]):
            out += [ln, prev_match(lines, i, r'^\s+File "', 4)]
    return out


@cm.kind("artillery-json-jq", "json")
def n_artillery_json(lines):
    """Rule 5 on Artillery's JSON report through jq: http.codes and errors counters, vusers.failed/completed and http.requests, min/max/p99 of the first http.response_time summary."""
    out = [ln for ln in lines if re.search(r'"(http\.codes\.\d+|errors\.[^"]*|vusers\.failed|vusers\.completed|http\.requests)":', ln)]
    for i, ln in enumerate(lines):
        if re.search(r'"http\.response_time":\s*\{', ln):
            for k in range(i + 1, min(len(lines), i + 20)):
                if re.search(r'^\s*"(min|max|p99)":', lines[k]):
                    out.append(lines[k])
                if lines[k].strip().startswith("}"):
                    break
            break
    return out + exit_lines(lines)


LOCUST_READERS = '''
import random
from locust import HttpUser, task, between

WORDS = ["tide", "salt", "engines", "lantern", "ash", "orchard", "notes", "bell", "copper", "river", "country", "rain",
         "harbour", "fire", "a map of rain in winter"]


class Reader(HttpUser):
    wait_time = between(0.05, 0.25)

    @task(8)
    def book(self):
        self.client.get(f"/books/{random.randint(1, 960)}", name="/books/[id]")

    @task(3)
    def search(self):
        q = random.choice(WORDS)
        self.client.get(f"/search?q={q}", name=f"/search?q={q}")

    @task(2)
    def member(self):
        i = random.randint(1, 120)
        with self.client.get(f"/members/{i}", name="/members/[id]", catch_response=True) as r:
            m = r.json()
            if m.get("joined") is None:
                r.failure(f"member {i} has no joined date")
            elif m.get("tier") not in ("basic", "plus", "staff"):
                r.failure(f"member {i} has tier {m.get('tier')!r}")

    @task(1)
    def stats(self):
        loans = self.client.get("/stats").json()["loans"]  # the route was renamed /metrics
        assert loans >= 0

    @task(1)
    def first_hit(self):
        r = self.client.get("/search?q=zebra", name="/search?q=zebra")
        self.top = r.json()["hits"][0]["id"]  # nothing matches: IndexError
'''

LOCUST_LOANS = '''
import random
from locust import HttpUser, task, constant


class Borrower(HttpUser):
    wait_time = constant(0.1)

    def on_start(self):
        self.member = random.randint(1, 400)

    @task(5)
    def borrow(self):
        b = random.randint(1, 900)
        with self.client.post("/loans", json={"book_id": b, "member": self.member}, name="/loans", catch_response=True) as r:
            if r.status_code != 201:
                r.failure(f"loan refused: {r.status_code} {r.json().get('detail', r.json().get('error'))}")

    @task(2)
    def borrow_anonymous(self):
        self.client.post("/loans", json={"book_id": random.randint(1, 900)}, name="/loans (no member)")

    @task(2)
    def check_book(self):
        b = random.randint(1, 900)
        r = self.client.get(f"/books/{b}", name="/books/[id]")
        if r.ok:
            due = r.json()["due"]  # books carry no due date: KeyError

    @task(1)
    def metrics(self):
        self.client.get("/metrics")
'''


def step_locust(tmp: Path) -> None:
    base = service()
    d = tmp / "locust"
    write_tree(d, {"readers.py": LOCUST_READERS, "loans.py": LOCUST_LOANS})
    for name, users, secs in (("readers", 24, 18), ("loans", 16, 14)):
        run(f"locust -f {name}.py --headless -u {users} -r 12 -t {secs}s -H {base} --csv {name} --csv-full-history "
            f"--only-summary", cwd=d, timeout=secs + 60)
    add("locust-stats-readers", "cat readers_stats.csv", run("cat readers_stats.csv", cwd=d), n_locust_stats_csv)
    add("locust-stats-loans", "cat loans_stats.csv; echo EXIT=$?", run("cat loans_stats.csv; echo EXIT=$?", cwd=d),
        n_locust_stats_csv)
    add("locust-history-readers", "cat readers_stats_history.csv", run("cat readers_stats_history.csv", cwd=d),
        n_locust_history_csv)
    cmd = "grep -E '^Timestamp|Aggregated' loans_stats_history.csv"
    add("locust-history-loans-agg", cmd, run(cmd, cwd=d), n_locust_history_csv)
    cmd = "head -n 90 readers_stats_history.csv"
    add("locust-history-readers-head", cmd, run(cmd, cwd=d), n_locust_history_csv)
    cmd = "cut -d, -f1-10 readers_stats.csv"
    add("locust-stats-readers-cut", cmd, run(cmd, cwd=d), n_locust_stats_csv)
    add("locust-failures-readers", "cat readers_failures.csv", run("cat readers_failures.csv", cwd=d),
        n_locust_failures_csv)
    add("locust-failures-loans", "cat loans_failures.csv; echo EXIT=$?", run("cat loans_failures.csv; echo EXIT=$?", cwd=d),
        n_locust_failures_csv)
    add("locust-exceptions-readers", "cat readers_exceptions.csv", run("cat readers_exceptions.csv", cwd=d),
        n_locust_exceptions_csv)
    add("locust-exceptions-loans", "cat loans_exceptions.csv", run("cat loans_exceptions.csv", cwd=d),
        n_locust_exceptions_csv)


def step_locust_json(tmp: Path) -> None:
    base = service()
    d = tmp / "locust"
    write_tree(d, {"readers.py": LOCUST_READERS, "loans.py": LOCUST_LOANS})
    cmd = f"locust -f loans.py --headless -u 10 -r 10 -t 8s -H {base} --json --skip-log"
    add("locust-json-loans", cmd, run(cmd, cwd=d, timeout=60), n_locust_json)
    cmd = f"locust -f readers.py --headless -u 12 -r 12 -t 8s -H {base} --json --skip-log 2>/dev/null; echo EXIT=$?"
    add("locust-json-readers", cmd, run(cmd, cwd=d, timeout=60), n_locust_json)


ARTILLERY = {
    "browse.yml": """
config:
  target: "{base}"
  phases:
    - duration: 6
      arrivalRate: 8
      name: warm
    - duration: 6
      arrivalRate: 20
      name: peak
scenarios:
  - name: browse shelves
    flow:
      - get:
          url: "/books/{{{{ $randomNumber(1, 960) }}}}"
      - get:
          url: "/search?q=river"
      - get:
          url: "/members/{{{{ $randomNumber(1, 120) }}}}"
      - get:
          url: "/stats"
""",
    "borrow.yml": """
config:
  target: "{base}"
  http:
    timeout: 1
  phases:
    - duration: 8
      arrivalRate: 10
  ensure:
    p99: 200
    maxErrorRate: 1
scenarios:
  - name: borrow a book
    flow:
      - post:
          url: "/loans"
          json:
            book_id: "{{{{ $randomNumber(1, 900) }}}}"
            member: 7
      - post:
          url: "/loans"
          json:
            book_id: 26
            member: 7
      - get:
          url: "/search?q=a map of rain in winter"
  - name: broken client
    flow:
      - post:
          url: "/loans"
          json:
            book_id: 5
      - get:
          url: "http://127.0.0.1:9/unreachable"
""",
}


def step_artillery(tmp: Path) -> None:
    if not cm.have("artillery", "artillery-json-jq"):
        return
    base = service()
    d = tmp / "artillery"
    write_tree(d, {k: v.format(base=base) for k, v in ARTILLERY.items()})
    env = {"ARTILLERY_DISABLE_TELEMETRY": "true", "DO_NOT_TRACK": "1"}
    for name in ("browse", "borrow"):
        run(f"artillery run --output {name}.json {name}.yml", cwd=d, env=env, timeout=120)
    add("artillery-browse-aggregate", "jq '.aggregate' browse.json", run("jq '.aggregate' browse.json", cwd=d),
        n_artillery_json)
    cmd = "jq '.aggregate | {counters, summaries}' borrow.json; echo EXIT=$?"
    add("artillery-borrow-aggregate", cmd, run(cmd, cwd=d), n_artillery_json)
    cmd = "jq '.intermediate[] | {period, counters}' browse.json"
    add("artillery-browse-intermediate", cmd, run(cmd, cwd=d), n_artillery_json)
    cmd = "jq . borrow.json | head -n 400"
    add("artillery-borrow-head", cmd, run(cmd, cwd=d), n_artillery_json)


STEPS = [step_locust, step_locust_json, step_artillery]
