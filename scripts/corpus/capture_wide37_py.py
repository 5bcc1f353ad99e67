"""Round 37, Python and the machine: the sdists of soupsieve, pydash, rfc3986 and cssselect (real PyPI releases) with
a few bugs put in, run through their own test suites with pytest and through ruff, flake8, pylint and mypy whole, the
way agents type them; a git history built here from pydash's sources (log --stat, log -p, blame, status && diff);
listings of the unpacked trees; a ferry terminal's gate-crossing CSV and sqlite table, its timetable API on loopback
and its gate controller's log. Each kind's extractor is the earlier rounds', imported; a chain's from each part's own
(round 9b). Run through capture_wide37.py."""

from __future__ import annotations

import random
import time
from pathlib import Path

import capture_more as cm
from capture_more import n_app_log, n_git_log_stat, run
from capture_wide9b import Part, chain, n_status_echo
from capture_wide15_data import n_csv, n_du, n_find, n_json_api, n_ls_lR, n_sqlite_col
from capture_wide15_diag import n_flake8, n_mypy, n_pylint, n_pytest, n_ruff
from capture_wide15_oc import n_blame, n_diff, n_log_p, n_status
from capture_wide37 import SRC, cap

PYDASH, RFC, CSSSEL, SOUP = "pydash-8.1.0", "rfc3986-2.0.0", "cssselect-1.6.0", "soupsieve-4.1.3"
GIT_ENV = {"GIT_AUTHOR_NAME": "Maren Solberg", "GIT_AUTHOR_EMAIL": "maren@example.org",
           "GIT_COMMITTER_NAME": "Maren Solberg", "GIT_COMMITTER_EMAIL": "maren@example.org",
           "GIT_CONFIG_NOSYSTEM": "1"}

# The bugs put in: (file under the unpacked sdist, text, replacement); each text occurs exactly once.
BUGS = {
    PYDASH: [("src/pydash/strings.py", "return text[position:].startswith(target)",
              "return text[position + 1 :].startswith(target)"),
             ("src/pydash/strings.py", "return text[:trunc_len] + omission", "return text[: trunc_len + 1] + omission"),
             ("src/pydash/strings.py", "return (repeat(chars, length) + text)[-length:]",
              "return (repeat(chars, length) + text)[-length + 1 :]"),
             ("src/pydash/arrays.py", "chunks = int(ceil(len(array) / float(size)))",
              "chunks = int(len(array) / float(size))"),
             ("src/pydash/numerical.py", "    elif x > upper:  # type: ignore", "    elif x >= upper + 1:  # type: ignore")],
    RFC: [("src/rfc3986/normalizers.py", "        elif output:\n            output.pop()",
           "        elif len(output) > 1:\n            output.pop()"),
          ("src/rfc3986/normalizers.py", 'encoded_uri.extend(f"%{byte_ord:02x}".encode().upper())',
           'encoded_uri.extend(f"%{byte_ord:02x}".encode())')],
    CSSSEL: [("cssselect/xpath.py", 'arg_dash = self.xpath_literal(value + "-")',
              'arg_dash = self.xpath_literal(value + "_")'),
             ("cssselect/xpath.py", "string-length({name})-{len(value) - 1}) =", "string-length({name})-{len(value)}) =")],
    SOUP: [("soupsieve/css_match.py", "elif self.is_content_string(child) and RE_NOT_EMPTY.search(child):",
            "elif self.is_content_string(child):"),
           ("soupsieve/css_match.py", "if any(text in c for c in own_content):",
            "if any(text == c for c in own_content):")],
}


def put_bugs(tmp: Path) -> None:
    for pkg, edits in BUGS.items():
        for rel, old, new in edits:
            f = tmp / pkg / rel
            text = f.read_text()
            assert text.count(old) == 1, (pkg, rel, old)
            f.write_text(text.replace(old, new))


def py_tests(tmp: Path) -> None:
    put_bugs(tmp)
    pd, rfc, css, soup = (tmp / p for p in (PYDASH, RFC, CSSSEL, SOUP))
    noadd = "-o addopts='' "  # pydash's addopts want pytest-cov; agents turn them off the same way
    chain("chain-pydash-pytest-q-exit", "chain-test-exit", "test",
          [Part(f"pytest {noadd}-q tests --ignore=tests/pytest_mypy_testing", n_pytest),
           Part("echo EXIT=$?", n_status_echo, ";")], pd, env={"PYTHONPATH": str(pd / "src")})
    cap("pytest-v-pydash-strings", f"python -m pytest {noadd}-v -p no:cacheprovider tests/test_strings.py", pd,
        n_pytest, env={"PYTHONPATH": str(pd / "src")})
    cap("pytest-pydash-tb-short-tail-150", f"pytest {noadd}--tb=short tests/test_arrays.py tests/test_numerical.py "
        "tests/test_strings.py 2>&1 | tail -n 150", pd, n_pytest, env={"PYTHONPATH": str(pd / "src")})
    cap("pytest-rfc3986-full", "python -m pytest tests", rfc, n_pytest, env={"PYTHONPATH": str(rfc / "src")})
    cap("pytest-cssselect-v", "pytest -v tests", css, n_pytest, env={"PYTHONPATH": str(css)})
    chain("chain-soupsieve-pytest-tb-line-exit", "chain-test-exit", "test",
          [Part("pytest tests -q --tb=line", n_pytest), Part("echo EXIT=$?", n_status_echo, ";")], soup,
          env={"PYTHONPATH": str(soup)})
    cap("pytest-soupsieve-level3-extra-v", "pytest tests/test_level3 tests/test_extra -v --tb=short", soup, n_pytest,
        env={"PYTHONPATH": str(soup)})


def py_lint(tmp: Path) -> None:
    pd, rfc, css, soup = (tmp / p for p in (PYDASH, RFC, CSSSEL, SOUP))
    cap("ruff-select-all-pydash-head-600", "ruff check --no-cache --isolated --select ALL --output-format=concise src "
        "2>&1 | head -n 600", pd, n_ruff)
    cap("ruff-full-soupsieve", "ruff check --no-cache --isolated --select B,SIM,PERF,PLR,PLW soupsieve",
        soup, n_ruff)
    chain("chain-flake8-soupsieve-exit", "chain-lint-exit", "lint",
          [Part("flake8 --isolated soupsieve", n_flake8), Part("echo EXIT=$?", n_status_echo, ";")], soup)
    cap("flake8-pydash-src", "flake8 --isolated --max-line-length 100 src", pd, n_flake8)
    cap("pylint-cssselect", "pylint --rcfile=/dev/null cssselect", css, n_pylint)
    cap("pylint-rfc3986-tail-200", "pylint --rcfile=/dev/null src/rfc3986 2>&1 | tail -n 200", rfc, n_pylint)
    cap("mypy-strict-rfc3986", "mypy --strict --no-incremental src/rfc3986", rfc, n_mypy)
    chain("chain-ruff-then-mypy-cssselect", "chain-lint-typecheck", "lint",
          [Part("ruff check --no-cache --isolated --select E,F,W,B,UP,PL cssselect", n_ruff),
           Part("mypy --strict --no-incremental cssselect", n_mypy, ";")], css)
    cap("mypy-strict-pydash-tail-300", "mypy --strict --no-incremental src/pydash 2>&1 | tail -n 300", pd, n_mypy)


def git_history(tmp: Path) -> None:
    """pydash's sources committed module by module (a history built here), then the bugs' edits left unstaged."""
    repo = tmp / "pydash-git"
    pristine = tmp / "pristine"
    pristine.mkdir()
    run(f"tar --no-same-owner -xzf {next(SRC.glob('pydash-*.tar.gz'))}", cwd=pristine)
    src = next(pristine.glob("pydash-*"))
    run(f"cp -r {src} {repo} && rm -rf {pristine}")
    g = "git -c init.defaultBranch=main"
    modules = sorted((repo / "src" / "pydash").glob("*.py"))
    keep = {p.name: p.read_text() for p in modules}
    for p in modules:
        p.unlink()
    run(f"{g} init -q && git add -A && git commit -qm 'Project skeleton: docs, tox, tests'", cwd=repo,
        env={**GIT_ENV, "GIT_AUTHOR_DATE": "2025-01-06 09:00:00", "GIT_COMMITTER_DATE": "2025-01-06 09:00:00"})
    rnd = random.Random(3701)
    for k, name in enumerate(sorted(keep)):
        body = keep[name].splitlines(keepends=True)
        half = len(body) // 2 if len(body) > 200 else len(body)
        stamp = f"2025-{1 + k % 12:02d}-{10 + k % 18:02d} {9 + k % 9:02d}:{rnd.randint(10, 59)}:00"
        (repo / "src" / "pydash" / name).write_text("".join(body[:half]))
        run(f"git add -A && git commit -qm 'Add {name[:-3]} (first half)'", cwd=repo,
            env={**GIT_ENV, "GIT_AUTHOR_DATE": stamp, "GIT_COMMITTER_DATE": stamp})
        if half < len(body):
            stamp2 = stamp.replace(" 0", " 1", 1)
            (repo / "src" / "pydash" / name).write_text("".join(body))
            run(f"git add -A && git commit -qm '{name[:-3]}: the rest of the module and its docstrings'", cwd=repo,
                env={**GIT_ENV, "GIT_AUTHOR_NAME": "Tomas Reyes", "GIT_AUTHOR_EMAIL": "tomas@example.org",
                     "GIT_AUTHOR_DATE": stamp2, "GIT_COMMITTER_DATE": stamp2})
    for rel, old, new in BUGS[PYDASH]:
        f = repo / rel
        f.write_text(f.read_text().replace(old, new))
    (repo / "NOTES.md").write_text("# release notes draft\n- truncate keeps one more character\n")
    cap("git-log-stat", "git log --stat", repo, n_git_log_stat, env=GIT_ENV)
    cap("git-log-p-n3-head-1500", "git log -p -n 3 | head -n 1500", repo, n_log_p, env=GIT_ENV)
    cap("git-blame-numerical", "git blame src/pydash/numerical.py", repo, n_blame, env=GIT_ENV)
    chain("chain-git-status-diff", "chain-git-status-diff", "git",
          [Part("git status", n_status), Part("git diff", n_diff, "&&")], repo, env=GIT_ENV)
    cap("git-diff-head-4-functions", "git diff HEAD~4 -- src/pydash", repo, n_diff, env=GIT_ENV)


def listings(tmp: Path) -> None:
    cap("ls-lR-soupsieve", f"ls -lR {SOUP}", tmp, n_ls_lR)
    cap("find-py-printf-sort", "find . -name '*.py' -not -path './pydash-git/*' -printf '%M %u %6s %p\\n' | sort -k4",
        tmp, n_find)
    cap("du-ah-sort-head-120", "du -ah . | sort -rh | head -n 120", tmp, n_du)


# ------------------------------------------------------------------ a ferry terminal's tables, API and log

ROUTES = ["Nesna-Levang", "Sandnes-Lauvvik", "Molde-Vestnes", "Halhjem-Sandvikvåg", "Bodø-Moskenes", "Flakk-Rørvik"]


def crossing_rows(seed: int, n: int) -> list[list]:
    rnd = random.Random(seed)
    rows = []
    for i in range(n):
        status = "ok" if rnd.random() < 0.95 else rnd.choice(["gate_fault", "manual_override", "card_declined"])
        dwell = rnd.randint(3, 40) if i != n // 3 else 912
        rows.append([f"X{700000 + i}", rnd.choice(ROUTES), f"G{rnd.randint(1, 6)}",
                     rnd.choice(["car", "car", "car", "van", "bike", "foot", "truck"]),
                     f"2026-05-{rnd.randint(1, 31):02d}T{rnd.randint(5, 22):02d}:{rnd.randint(0, 59):02d}:00",
                     rnd.choice([1, 1, 2, 3, 4, 5]), round(rnd.uniform(4.5, 38.0), 2), dwell, status])
    return rows


def tables(tmp: Path) -> None:
    d = tmp / "ferry-data"
    d.mkdir()
    hdr = "crossing,route,gate,vehicle,passed_at,passengers,fare_eur,dwell_s,status"
    rows = crossing_rows(3702, 900)
    (d / "crossings.csv").write_text(hdr + "\n" + "\n".join(",".join(map(str, r)) for r in rows) + "\n")
    cap("csv-cat-crossings", "cat crossings.csv", d, n_csv)
    run("sqlite3 ferry.db \".mode csv\" \".import crossings.csv crossings\"", cwd=d)
    cap("sqlite-column-per-route-gate", "sqlite3 -header -column ferry.db \"SELECT route, gate, vehicle, COUNT(*) AS n, "
        "ROUND(SUM(fare_eur), 2) AS fares, MAX(CAST(dwell_s AS INT)) AS max_dwell FROM crossings GROUP BY route, gate, "
        "vehicle ORDER BY route, gate, vehicle\"", d, n_sqlite_col)


API = r"""
import json, random, sys
from http.server import BaseHTTPRequestHandler, HTTPServer
rnd = random.Random(37)
ROUTES = ["Nesna-Levang", "Sandnes-Lauvvik", "Molde-Vestnes", "Halhjem-Sandvikvaag", "Bodoe-Moskenes", "Flakk-Roervik"]
DEP = []
for i in range(260):
    st = "on_time" if rnd.random() < 0.9 else rnd.choice(["delayed", "cancelled"])
    r = {"module": f"departures/D{37000 + i}", "route": rnd.choice(ROUTES), "vessel": rnd.choice(["MF Lyngen", "MF Hadsel",
         "MF Fannefjord", "MF Tysnes"]), "scheduled": f"2026-05-14T{5 + i % 18:02d}:{(i * 7) % 60:02d}:00",
         "status": st, "cars_booked": rnd.randint(0, 120), "capacity": 120, "delay_min": 0 if st == "on_time" else rnd.randint(5, 55)}
    if st == "cancelled":
        r["error"] = rnd.choice(["vessel out of service: bow thruster fault", "weather: wind above 25 m/s"])
    DEP.append(r)
DEP[141]["delay_min"] = 240
class H(BaseHTTPRequestHandler):
    def do_GET(self):
        if self.path.startswith("/api/departures"):
            body = {"date": "2026-05-14", "count": len(DEP), "failed": sum(d["status"] != "on_time" for d in DEP),
                    "results": DEP}
            code = 200
        else:
            body, code = {"error": "unknown endpoint", "path": self.path}, 404
""" + cm.JSON_API_END


GATELOG = r'''
import logging, random, sys
logging.basicConfig(level=logging.DEBUG, format="%(asctime)s %(levelname)s %(name)s [%(process)d] %(message)s",
                    stream=sys.stdout)
rnd = random.Random(3703)
gate = logging.getLogger("ferry.gate")
pay = logging.getLogger("ferry.payment")
plc = logging.getLogger("ferry.plc")
for i in range(1300):
    g = rnd.randint(1, 6)
    gate.debug("gate G%d loop sensor %d ms", g, rnd.randint(40, 90))
    if i % 211 == 17:
        pay.warning("card reader on G%d slow to answer (%d ms)", g, rnd.randint(1500, 4000))
    elif i == 300:
        try:
            int("12O")
        except ValueError:
            plc.exception("bad barrier position from PLC on G%d", g)
    elif i == 520:
        gate.error("barrier G4 stuck half-open, lane closed")
    elif i == 1240:
        plc.error("PLC watchdog timeout on G%d after 5000 ms, lane closed", g)
    elif i % 250 == 3:
        gate.info("lane G%d reopened after %d s", g, rnd.randint(30, 300))
    gate.info("crossing X%d passed G%d vehicle=%s fare=%.2f", 700000 + i, g, rnd.choice(["car", "van", "bike"]),
              rnd.uniform(4.5, 38.0))
'''


def api_and_log(tmp: Path) -> None:
    (tmp / "api.py").write_text(API)
    cm.start(f"python3 {tmp}/api.py 18737", cwd=tmp)
    time.sleep(1.5)
    cap("curl-json-tool-departures", "curl -s http://127.0.0.1:18737/api/departures | python3 -m json.tool", tmp,
        n_json_api)
    (tmp / "gatelog.py").write_text(GATELOG)
    run("python3 gatelog.py > gate.log 2>&1", cwd=tmp)
    cap("log-grep-v-debug-tail-700", "grep -v DEBUG gate.log | tail -n 700", tmp, n_app_log)
    cap("log-cat-gate-head-1200", "head -n 1200 gate.log", tmp, n_app_log)


STEPS = [py_tests, py_lint, git_history, listings, tables, api_and_log]
