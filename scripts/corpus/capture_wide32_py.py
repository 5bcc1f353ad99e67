"""Round 32, Python and the machine: an observatory's telescope-night scheduler (`skywatch`) written here with bugs
put in, run through pytest, ruff, mypy, flake8, pylint and pip the way agents type them; its git history (status &&
diff, log -p, show, diff, blame, log --stat); an exposure-log CSV and sqlite table; a plate-solver results API on
loopback through curl; an observing-run log cut with grep and a chained traceback; ls, find, du and ps. Each kind's
extractor is the earlier rounds', imported; a chain's from each part's own (round 9b). Run through capture_wide32.py."""

from __future__ import annotations

import random
import time
from pathlib import Path

import capture_more as cm
from capture_more import n_app_log, n_git_log_stat, run, write_tree
from capture_wide import n_chained
from capture_wide9b import Part, chain, n_status_echo
from capture_wide15_data import n_csv, n_du, n_find, n_json_api, n_ls_la, n_pip_install, n_pip_list, n_ps_aux, n_sqlite_col
from capture_wide15_diag import n_flake8, n_mypy, n_pylint, n_pytest, n_ruff
from capture_wide15_oc import n_blame, n_diff, n_log_p, n_show, n_status
from capture_wide32 import TMP, VENV, cap

GIT_ENV = {"GIT_AUTHOR_NAME": "Ines Halley", "GIT_AUTHOR_EMAIL": "ines@example.org", "GIT_COMMITTER_NAME": "Ines Halley",
           "GIT_COMMITTER_EMAIL": "ines@example.org", "GIT_CONFIG_NOSYSTEM": "1", "HOME": str(TMP)}

TARGETS = '''"""Targets, visibility and the night's queue."""
from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Optional

FILTER_OVERHEAD_S = {"L": 5.0, "R": 8.0, "G": 8.0, "B": 8.0, "Ha": 12.0, "OIII": 12.0}
MIN_ALTITUDE = 30.0


@dataclass
class Target:
    name: str
    ra_deg: float
    dec_deg: float
    magnitude: float
    priority: int = 3
    exposures: list = field(default_factory=list)

    def altitude(self, lat_deg: float, hour_angle_deg: float) -> float:
        lat, dec, ha = (math.radians(v) for v in (lat_deg, self.dec_deg, hour_angle_deg))
        s = math.sin(lat) * math.sin(dec) + math.cos(lat) * math.cos(dec) * math.cos(ha)
        return math.degrees(math.asin(s))

    def observable(self, lat_deg: float, hour_angle_deg: float) -> bool:
        return self.altitude(lat_deg, hour_angle_deg) > MIN_ALTITUDE  # bug: exactly 30 degrees is observable


@dataclass
class Exposure:
    filt: str
    seconds: float
    count: int
    binning: Optional[int] = None


def block_time(t: Target) -> float:
    total = 0.0
    for e in t.exposures:
        total += (e.seconds + FILTER_OVERHEAD_S[e.filt]) * e.count
    if t.priority == 1:
        total *= 1.0
    return round(total / 60, 1)


def airmass(alt_deg: float) -> float:
    return 1 / math.sin(math.radians(alt_deg))  # bug: no guard below the horizon


def parse_ra(text: str) -> float:
    h, m, s = text.split(":")
    return 15 * (int(h) + int(m) / 60 + float(s) / 3600)


def queue(targets: list[Target], night_minutes: float) -> list[Target]:
    chosen, used = [], 0.0
    for t in sorted(targets, key=lambda t: t.priority, reverse=True):  # bug: priority 1 should go first
        need = block_time(t)
        if used + need < night_minutes:
            chosen.append(t)
            used += need
    return chosen
'''

WEATHER = '''"""Weather gates for opening the dome."""
import os, sys
from datetime import datetime, timedelta
from typing import List


def dew_margin(temp_c: float, dewpoint_c: float) -> float:
    return temp_c - dewpoint_c


def can_open(wind_kmh: float, humidity: float, cloud: float) -> bool:
    return wind_kmh < 40 and humidity < 85 and cloud < 0.3


def parse_station(text):
    rows = []
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        stamp, wind, hum = line.split(",")
        rows.append((datetime.fromisoformat(stamp), float(wind), float(hum)))
    return rows


def next_clear(slots: List[datetime], now: datetime) -> datetime:
    later = [s for s in slots if s > now]
    return min(later)


def summary(rows) -> str:
    spare = timedelta(0)
    return "; ".join("%s %.0fkm/h" % (t.strftime("%H:%M"), w) for t, w, h in rows)
'''

REPORT_MOD = '''"""Night reports."""
from typing import Dict, List
from .targets import Target, block_time


def report_lines(targets: List[Target]) -> List[str]:
    lines = []
    for t in targets:
        lines.append(f"{t.name:<18} p{t.priority} {block_time(t):>7.1f} min")
    return lines


def minutes_by_filter(targets: List[Target]) -> Dict[str, float]:
    out: Dict[str, float] = {}
    for t in targets:
        for e in t.exposures:
            out[e.filt] = out.get(e.filt) + e.seconds * e.count / 60
    return out


def efficiency(used: float, night: str = 480) -> float:
    return used / night * 100
'''

NAMES = ["M31", "M42", "M51", "M81", "M101", "NGC 7000", "NGC 2244", "IC 1805", "M27", "M57", "NGC 6960", "M13",
         "M33", "NGC 891", "M64", "IC 434", "NGC 6888", "M16", "M8", "NGC 7635"]


def test_file(seed: int) -> str:
    rnd = random.Random(seed)
    cases = []
    for _ in range(56):
        filt = rnd.choice(["L", "R", "G", "B", "Ha", "OIII"])
        secs = rnd.choice([60.0, 120.0, 180.0, 300.0, 600.0])
        count = rnd.choice([4, 10, 12, 20, 30])
        over = {"L": 5.0, "R": 8.0, "G": 8.0, "B": 8.0, "Ha": 12.0, "OIII": 12.0}[filt]
        exp = (secs + over) * count / 60
        if rnd.random() < 0.12:
            exp += 0.5  # a case written against last season's overheads
        cases.append((rnd.choice(NAMES), filt, secs, count, round(exp, 1)))
    return f'''from datetime import datetime
import pytest
from skywatch.targets import Exposure, Target, airmass, block_time, parse_ra, queue
from skywatch.report import efficiency, minutes_by_filter
from skywatch.weather import can_open, next_clear, parse_station

CASES = {cases!r}


@pytest.mark.parametrize("name,filt,secs,count,expected", CASES)
def test_block_time(name, filt, secs, count, expected):
    t = Target(name, 10.0, 41.0, 8.0, 2, [Exposure(filt, secs, count)])
    assert block_time(t) == expected


@pytest.mark.parametrize("lat", [0.0, 30.0, 52.2])
def test_observable_at_limit(lat):
    t = Target("edge", 0.0, lat + 60.0 - 90.0 if lat else 30.0 - 90.0 + 90.0, 9.0)
    assert t.observable(lat, 0.0) == (t.altitude(lat, 0.0) >= 30.0)


def test_airmass_zenith():
    assert airmass(90.0) == pytest.approx(1.0)


def test_airmass_below_horizon():
    with pytest.raises(ValueError):
        airmass(-5.0)


def test_queue_priority_first():
    a = Target("A", 0, 0, 5, 1, [Exposure("L", 600, 30)])
    b = Target("B", 0, 0, 5, 5, [Exposure("L", 600, 30)])
    assert [t.name for t in queue([b, a], 320)] == ["A"]


def test_parse_ra():
    assert parse_ra("05:35:17.3") == pytest.approx(83.822, abs=1e-3)
    assert parse_ra("5h35m17s") == pytest.approx(83.82, abs=1e-2)


def test_minutes_by_filter():
    t = Target("M42", 83.8, -5.4, 4.0, 1, [Exposure("Ha", 300, 12), Exposure("Ha", 300, 4)])
    assert minutes_by_filter([t]) == {{"Ha": 80.0}}


def test_efficiency():
    assert efficiency(240.0) == pytest.approx(50.0)


def test_can_open_calm():
    assert can_open(12.0, 60.0, 0.1)


def test_next_clear_none_left():
    assert next_clear([datetime(2026, 3, 1, 21, 0)], datetime(2026, 3, 1, 23, 0)) is None


def test_parse_station_units():
    rows = parse_station("# mast 2\\n2026-03-01T21:00,12,64\\n2026-03-01T21:10,14 km/h,66\\n")
    assert len(rows) == 2
'''


PYPROJECT = cm.src_pyproject("skywatch", "1.4.2")


def skywatch(tmp: Path) -> Path:
    root = tmp / "skywatch"
    write_tree(root, {"pyproject.toml": PYPROJECT, "src/skywatch/__init__.py": '__version__ = "1.4.2"\n',
                      "src/skywatch/targets.py": TARGETS, "src/skywatch/weather.py": WEATHER,
                      "src/skywatch/report.py": REPORT_MOD, "tests/test_skywatch.py": test_file(32)})
    return root


def py_tests(tmp: Path) -> None:
    root = skywatch(tmp)
    py = VENV / "bin"
    env = {"PYTHONPATH": str(root / "src")}
    chain("chain-pytest-q-exit", "chain-test-exit", "test",
          [Part("pytest -q", n_pytest), Part("echo EXIT=$?", n_status_echo, ";")], root, env={**env})
    cap("pytest-tb-short-tail-80", "pytest --tb=short 2>&1 | tail -n 80", root, n_pytest, env=env)
    cap("pytest-vv-head-120", "pytest -vv -p no:cacheprovider 2>&1 | head -120", root, n_pytest, env=env)
    cap("pytest-k-queue-airmass", "python -m pytest -k 'queue or airmass or ra' --tb=long", root, n_pytest, env=env)
    cap("pytest-x-lf-short", "pytest -x --tb=short -q tests/test_skywatch.py", root, n_pytest, env=env)
    run(f"{py}/python -m venv --clear {tmp}/svenv", timeout=300)
    chain("chain-cd-pip-install-e-pytest", "chain-install-test", "test",
          [Part("pip install -e '.[test]'", n_pip_install), Part("pytest -q --tb=line", n_pytest)], root,
          env={"PIP_CONFIG_FILE": "/dev/null", "PIP_FIND_LINKS": None, "PATH": f"{tmp}/svenv/bin:/usr/bin:/bin"},
          timeout=600)
    cap("pip-list-columns", f"{py}/pip list --format=columns", root, n_pip_list, typed="pip list")


def py_lint(tmp: Path) -> None:
    root = tmp / "skywatch"
    for i in range(9):  # a widened package: generated driver modules with the usual smells
        rnd = random.Random(3200 + i)
        body = ["import os, sys, re", "import json", "from math import *", ""]
        for j in range(rnd.randint(6, 11)):
            body += [f"def {rnd.choice(['slew','focus','park','expose','guide','calibrate'])}_{j}(port, cfg = {{}}, *a):",
                     f"    if port == None or cfg == []: return {rnd.randint(0, 9)}",
                     f"    steps = [s for s in range(port) if s%{rnd.randint(2, 7)}==0]",
                     "    try:", "        return json.loads(cfg)", "    except:", "        pass",
                     f"    print('mount %s at %d' % (port, len(steps)))", ""]
        (root / "src" / "skywatch" / f"drv_{i}.py").write_text("\n".join(body) + "\n")
    chain("chain-ruff-then-mypy", "chain-lint-typecheck", "lint",
          [Part("ruff check --no-cache --output-format=concise src", n_ruff), Part("mypy src --no-incremental", n_mypy, ";")], root)
    cap("ruff-select-all-head-120", "ruff check --no-cache --select E,F,W,B,UP,SIM,PL,RUF src tests 2>&1 | head -120",
        root, n_ruff)
    cap("ruff-statistics", "ruff check --no-cache --statistics --select ALL src", root, n_ruff)
    cap("mypy-strict-pretty", "mypy --strict --pretty --no-incremental src/skywatch/targets.py src/skywatch/report.py "
        "src/skywatch/weather.py", root, n_mypy)
    cap("flake8-select-e-w-f", "flake8 --select E,W,F src; echo EXIT=$?", root, n_flake8)
    cap("pylint-jobs-tail-70", "pylint -j 1 src/skywatch 2>&1 | tail -n 70", root, n_pylint)


def git_history(tmp: Path) -> None:
    root = tmp / "skywatch"
    g = "git -c init.defaultBranch=main"
    run(f"{g} init -q && git add -A && git commit -qm 'Skywatch: targets, weather gates and reports'", cwd=root,
        env=GIT_ENV)
    rnd = random.Random(3232)
    subjects = ["Queue by priority", "Add Ha and OIII overheads", "Report: efficiency line", "Weather gate on cloud",
                "Parse sexagesimal RA", "Minimum altitude 30 degrees", "Airmass helper", "Station file comments",
                "Mount drivers for the east pier", "Guide camera retries", "Flat-field calibration steps"]
    for k, subj in enumerate(subjects):
        f = root / "src" / "skywatch" / f"drv_{k % 9}.py"
        text = f.read_text().splitlines()
        at = rnd.randrange(len(text))
        text[at:at] = [f"# {subj.lower()} ({k})", f"BACKLASH_{k} = {rnd.randint(10, 99)}"]
        f.write_text("\n".join(text) + "\n")
        t = root / "src" / "skywatch" / "targets.py"
        t.write_text(t.read_text().replace("MIN_ALTITUDE = ", f"# rev {k}\nMIN_ALTITUDE = ", 1))
        stamp = f"2026-0{1 + k % 9}-2{k % 8} 2{k % 4}:{10 + k}:00"
        run(f"git add -A && git commit -qm '{subj}' --date='{stamp}'", cwd=root,
            env={**GIT_ENV, "GIT_COMMITTER_DATE": stamp})
    rep = root / "src" / "skywatch" / "report.py"
    rep.write_text(rep.read_text().replace("out.get(e.filt)", "out.get(e.filt, 0.0)")
                   + "\n\ndef total(m):\n    return sum(m.values())\n")
    (root / "OBSERVING.md").write_text("# tonight\n- dome 2 shutter sticks below 5 C\n")
    (root / "src" / "skywatch" / "drv_3.py").unlink()
    chain("chain-git-status-diff-stat", "chain-git-status-diff", "git",
          [Part("git status", n_status), Part("git diff", n_diff, "&&")], root, env=GIT_ENV)
    cap("git-log-p-n4-head-200", "git log -p -n 4 | head -200", root, n_log_p, env=GIT_ENV)
    cap("git-show-head-1", "git show HEAD~1", root, n_show, env=GIT_ENV)
    cap("git-diff-head-5-stat-patch", "git diff HEAD~5 --stat -p -- src/skywatch", root, n_diff, env=GIT_ENV)
    cap("git-blame-targets", "git blame src/skywatch/targets.py", root, n_blame, env=GIT_ENV)
    cap("git-log-stat-n10", "git log --stat -n 10", root, n_git_log_stat, env=GIT_ENV)
    cap("git-status-short-branch", "git status", root, n_status, env=GIT_ENV)


# ------------------------------------------------------------------ tables, an API, a log, listings

def exposure_rows(seed: int, n: int) -> list[list]:
    rnd = random.Random(seed)
    rows = []
    for i in range(n):
        filt = rnd.choice(["L", "R", "G", "B", "Ha", "OIII"])
        status = "ok" if rnd.random() < 0.94 else rnd.choice(["trailed", "cloud", "saturated"])
        fwhm = round(rnd.uniform(1.6, 3.4), 2) if i != n // 4 else 14.8
        rows.append([f"F{10000 + i}", rnd.choice(NAMES), filt, rnd.choice([60, 120, 300, 600]),
                     f"2026-03-{rnd.randint(1, 28):02d}T{rnd.randint(19, 23)}:{rnd.randint(0, 59):02d}", fwhm,
                     round(rnd.uniform(1.0, 2.4), 2), rnd.randint(-25, -10), status])
    return rows


def tables(tmp: Path) -> None:
    d = tmp / "skywatch-data"
    d.mkdir()
    rows = exposure_rows(3207, 500)
    hdr = "frame,target,filter,exp_s,start_utc,fwhm_arcsec,airmass,ccd_temp_c,status"
    (d / "exposures.csv").write_text(hdr + "\n" + "\n".join(",".join(map(str, r)) for r in rows) + "\n")
    cap("csv-head-100", "head -n 100 exposures.csv", d, n_csv)
    cap("csv-cat-full", "cat exposures.csv", d, n_csv)
    run("sqlite3 sky.db \".mode csv\" \".import exposures.csv exposures\"", cwd=d)
    cap("sqlite-column-bad-frames", "sqlite3 -header -column sky.db \"SELECT frame, target, filter, exp_s, fwhm_arcsec, "
        "airmass, status FROM exposures WHERE status != 'ok' OR CAST(fwhm_arcsec AS REAL) > 3.2 ORDER BY start_utc\"",
        d, n_sqlite_col)
    cap("sqlite-column-per-target", "sqlite3 -header -column sky.db \"SELECT target, filter, COUNT(*) AS frames, "
        "SUM(exp_s) AS total_s, ROUND(AVG(fwhm_arcsec), 2) AS fwhm FROM exposures GROUP BY target, filter\"",
        d, n_sqlite_col)


API = r"""
import json, random, sys
from http.server import BaseHTTPRequestHandler, HTTPServer
rnd = random.Random(32)
FIELDS = ["M31", "M42", "M51", "M81", "NGC 7000", "IC 1805", "M27", "NGC 6960", "M13", "M33"]
RES = []
for i in range(80):
    st = "solved" if rnd.random() < 0.88 else rnd.choice(["failed", "timeout"])
    r = {"module": f"platesolve/F{10000 + i}", "field": rnd.choice(FIELDS), "status": st, "stars": rnd.randint(40, 900),
         "solve_ms": rnd.randint(300, 4000), "scale_arcsec_px": round(rnd.uniform(1.05, 1.12), 3)}
    if st != "solved":
        r["error"] = rnd.choice(["no index matched scale 1.08", "too few stars (7)", "solver killed after 30 s"])
    RES.append(r)
RES[55]["scale_arcsec_px"] = 4.31
class H(BaseHTTPRequestHandler):
    def do_GET(self):
        if self.path.startswith("/api/solves"):
            res = [r for r in RES if "status=failed" not in self.path or r["status"] != "solved" or r["stars"] < 120]
            body = {"night": "2026-03-14", "count": len(res), "failed": sum(r["status"] != "solved" for r in res),
                    "results": res}
            code = 200
        else:
            body, code = {"error": "unknown endpoint", "path": self.path}, 404
""" + cm.JSON_API_END


def api(tmp: Path) -> None:
    (tmp / "api.py").write_text(API)
    cm.start(f"python3 {tmp}/api.py 18732", cwd=tmp)
    time.sleep(1.5)
    cap("curl-json-tool-solves", "curl -s http://127.0.0.1:18732/api/solves | python3 -m json.tool", tmp, n_json_api)
    cap("curl-raw-failed-or-faint", "curl -s 'http://127.0.0.1:18732/api/solves?status=failed'", tmp, n_json_api)


REPORT = r"""
from skywatch.targets import Exposure, Target, parse_ra, queue


class PlanError(Exception):
    pass


def load(rows):
    out = []
    for name, ra, dec in rows:
        try:
            out.append(Target(name, parse_ra(ra), float(dec), 8.0, 2, [Exposure("L", 300, 12)]))
        except ValueError as e:
            raise PlanError(f"target {name}: bad RA {ra!r}") from e
    return out


def plan(rows):
    try:
        return queue(load(rows), 480)
    except PlanError as e:
        raise RuntimeError(f"tonight's plan failed after {len(rows)} rows") from e


rows = [("M42", "05:35:17.3", "-5.4"), ("M31", "00:42:44", "41.3"), ("M51", "13h29m52s", "47.2")]
print(plan(rows))
"""


RUNLOG = r'''
import logging, random, sys
logging.basicConfig(level=logging.DEBUG, format="%(asctime)s %(levelname)s %(name)s [%(process)d] %(message)s",
                    stream=sys.stdout)
rnd = random.Random(3211)
cam = logging.getLogger("skywatch.camera")
mount = logging.getLogger("skywatch.mount")
dome = logging.getLogger("skywatch.dome")
for i in range(800):
    cam.debug("frame F%d readout %d ms", 10000 + i, rnd.randint(800, 900))
    if i % 83 == 20:
        mount.warning("guide star lost, re-acquiring (frame F%d)", 10000 + i)
    elif i == 417:
        try:
            float("-12.5C")
        except ValueError:
            cam.exception("bad CCD temperature on frame F%d", 10000 + i)
    elif i == 702:
        dome.error("shutter did not close within 90 s (motor current 0.0 A)")
    cam.info("frame F%d saved, hfr %.2f", 10000 + i, rnd.uniform(1.8, 2.6) if i != 566 else 9.75)
'''


def logs(tmp: Path) -> None:
    (tmp / "runlog.py").write_text(RUNLOG)
    run("python3 runlog.py > night.log 2>&1", cwd=tmp)
    cap("log-grep-v-debug-tail-250", "grep -v DEBUG night.log | tail -n 250", tmp, n_app_log)
    cap("log-grep-n-error-warn-c3", "grep -n -E -C 2 'ERROR|WARNING' night.log", tmp, n_app_log)
    cap("log-tail-400", "tail -n 400 night.log", tmp, n_app_log)
    (tmp / "skywatch" / "plan_night.py").write_text(REPORT)
    cap("traceback-plan-night-chained", "cd skywatch && python3 plan_night.py", tmp, n_chained,
        env={"PYTHONPATH": str(tmp / "skywatch" / "src")})


def listings(tmp: Path) -> None:
    cap("ls-la-skywatch-src", "ls -la src/skywatch", tmp / "skywatch", n_ls_la)
    run("chmod 600 skywatch-data/sky.db && chmod 755 runlog.py", cwd=tmp)
    cap("find-newer-printf", "find . -type f -not -path '*/.git/*' -printf '%M %u %6s %p\\n' | sort -k4 | head -80",
        tmp, n_find)
    cap("du-sh-star-sort", "du -ah . | sort -rh | head -n 50", tmp, n_du)
    cap("ps-aux-head-40", "ps aux | head -n 40", tmp, n_ps_aux)


STEPS = [py_tests, py_lint, git_history, tables, api, logs, listings]
